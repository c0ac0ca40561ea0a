/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-narrative.h"

/* The keys of the figures 情况说明 compares (last year's, GkPrior, and the
 * year's budget a 决算 is set against, GkBudgetFigure) are the file's; the
 * officer reads what they stand for, in the document's words. */

static const struct { const char *key; const char *name; } fixed[] = {
  { "income.total", "收入总计" },
  { "income.general", "一般公共预算拨款收入" },
  { "income.fund", "政府性基金预算拨款收入" },
  { "income.special", "财政专户管理资金收入" },
  { "income.business", "事业收入" },
  { "income.operating", "事业单位经营收入" },
  { "income.other", "其他收入" },
  { "income.reserve", "用事业基金弥补收支差额" },
  { "income.carryover", "上年结余" },
  { "expenditure.total", "支出合计" },
  { "expenditure.basic", "基本支出" },
  { "expenditure.project", "项目支出" },
  { "sangong.total", "“三公”经费合计" },
  { "sangong.abroad", "因公出国（境）费" },
  { "sangong.vehicle", "公务用车购置及运行维护费" },
  { "sangong.vehicle-purchase", "公务用车购置费" },
  { "sangong.vehicle-operation", "公务用车运行维护费" },
  { "sangong.reception", "公务接待费" },
  { "sangong.meeting", "会议费" },
  { "sangong.training", "培训费" },
  { "running-costs", "机关运行经费" },
  { "sangong-all.total", "全口径“三公”经费合计" },
  { "procurement.total", "政府采购预算合计" },
  { "procurement.goods", "政府采购货物预算" },
  { "procurement.works", "政府采购工程预算" },
  { "procurement.services", "政府采购服务预算" },
  { "final.total", "收入支出决算总计" },
  { "final.fiscal", "财政拨款收入支出决算总计" },
  { "closing.total", "年末结转和结余" },
  { "closing.general", "一般公共预算财政拨款年末结转和结余" },
  { "closing.fund", "政府性基金预算财政拨款年末结转和结余" },
  { "closing.capital", "国有资本经营预算财政拨款年末结转和结余" },
  { "general.basic", "一般公共预算财政拨款基本支出" },
  { "general.project", "一般公共预算财政拨款项目支出" },
  { "fund.total", "政府性基金预算财政拨款支出" },
  { "capital.total", "国有资本经营预算财政拨款支出" },
};

/* Keys ending in a classification code, and what the code's figure is. */
static const struct { const char *prefix; GkClassification kind; const char *of; } coded[] = {
  { "function.", GK_CLASSIFICATION_FUNCTION, NULL },
  { "expenditure.", GK_CLASSIFICATION_FUNCTION, NULL },
  { "basic.", GK_CLASSIFICATION_ECONOMIC, NULL },
  { "general.", GK_CLASSIFICATION_FUNCTION, "一般公共预算财政拨款支出" },
  { "fund.", GK_CLASSIFICATION_FUNCTION, "政府性基金预算财政拨款支出" },
  { "capital.", GK_CLASSIFICATION_FUNCTION, "国有资本经营预算财政拨款支出" },
  { "closing.fund.", GK_CLASSIFICATION_FUNCTION, "政府性基金预算财政拨款年末结转和结余" },
  { "closing.capital.", GK_CLASSIFICATION_FUNCTION, "国有资本经营预算财政拨款年末结转和结余" },
};

static gboolean
is_final (GkDocument *document)
{
  GkTemplate *template = gk_document_get_template (document);

  return template != NULL && gk_template_is_final (template);
}

/**
 * gk_narrative_describe_key:
 * @document: the document the key's codes and columns are named in
 * @key: a figure's key ("sangong.reception", "function.2010301", "closing.fund.2296002")
 *
 * Returns: (transfer full): what it stands for ("公务接待费",
 *   "2010301 行政运行", "2296002 用于社会福利的彩票公益金支出（政府性基金预算财政拨款年末结转和结余）"),
 *   or @key itself when it is none of these
 */
char *
gk_narrative_describe_key (GkDocument *document,
                           const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  /* A 决算 states its own year's 一般公共预算财政拨款支出, not a 当年拨款. */
  if (g_str_equal (key, "general.total"))
    return g_strdup (document != NULL && is_final (document) ? "一般公共预算财政拨款支出" : "一般公共预算当年拨款");
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (g_str_equal (key, fixed[i].key))
      return g_strdup (fixed[i].name);

  for (guint i = 0; i < G_N_ELEMENTS (coded); i++)
    {
      const char *code = key + strlen (coded[i].prefix);
      const char *name;
      g_autofree char *named = NULL;

      if (!g_str_has_prefix (key, coded[i].prefix) || gk_classification_level (coded[i].kind, code) == GK_LEVEL_NONE)
        continue;
      name = document != NULL ? gk_document_get_code_name (document, coded[i].kind, code) : NULL;
      named = name != NULL ? g_strdup_printf ("%s %s", code, name) : g_strdup (code);
      return coded[i].of != NULL ? g_strdup_printf ("%s（%s）", named, coded[i].of) : g_steal_pointer (&named);
    }

  /* Another source of income: its column in 收入总表. */
  if (g_str_has_prefix (key, "income.") && document != NULL)
    {
      GkTable *income = gk_document_get_table (document, "income");
      const GkTableSchema *schema = income != NULL ? gk_table_get_schema (income) : NULL;
      int column = schema != NULL ? gk_table_schema_column_index (schema, key + strlen ("income.")) : -1;

      if (column >= 0)
        return g_strdup (gk_table_schema_get_column (schema, column)->title);
    }
  return g_strdup (key);
}
