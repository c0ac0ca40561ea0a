/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-narrative-private.h"
#include "gk-table-list.h"

/* Kinds of paragraph that regions other than the seed's print: totals with
 * their change, spending by function 类 and 项 over all funds, 基本支出 by
 * economic 类, 国有资本经营预算, and 政府采购 from its table. Their ids
 * begin with "k.<kind>." so that an outline can place them anywhere. */

/* "{unit}{year}年" */
static void
unit_and_year (GkComposer *c)
{
  gk_composer_unit_name (c);
  gk_composer_year (c);
}

/* 收支预算总体变化: the totals of 收入总表 and 支出总表 against last year. */
void
gk_narrative_kind_totals (GkComposer *c)
{
  static const struct { const char *role; const char *key; const char *words; } totals[] = {
    { "income", "income.total", "收入预算合计" },
    { "expenditure", "expenditure.total", "支出预算合计" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      GkTable *table = gk_narrative_table (c, totals[i].role);
      g_autofree char *amount_source = NULL;
      GkAmount amount;

      if (table == NULL)
        continue;
      amount = gk_narrative_column_total (table, "total");
      amount_source = gk_narrative_source ("%s/total/total", totals[i].role);
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.totals.%s", totals[i].role);
      unit_and_year (c);
      gk_composer_text (c, totals[i].words);
      gk_composer_amount (c, amount, amount_source);
      gk_composer_text (c, "，");
      gk_composer_change (c, totals[i].key, amount, GK_CHANGE_DEFAULT);
      gk_composer_text (c, "。");
    }
}

/* The rows of 支出总表 the kind speaks of: those with a figure this year,
 * and those that had one last year (a change to explain). */
static GPtrArray *
spoken_rows (GkComposer *c,
             GkTable    *t3,
             gboolean    classes)
{
  GPtrArray *rows = classes ? g_ptr_array_new_with_free_func (g_object_unref) : gk_narrative_leaf_rows (t3);
  GPtrArray *spoken = g_ptr_array_new_with_free_func (g_object_unref);

  if (classes)
    for (guint i = 0; i < g_list_model_get_n_items (gk_table_get_roots (t3)); i++)
      g_ptr_array_add (rows, g_list_model_get_item (gk_table_get_roots (t3), i));
  for (guint i = 0; i < rows->len; i++)
    {
      GkRow *row = rows->pdata[i];
      g_autofree char *key = g_strconcat ("expenditure.", gk_row_get_code (row), NULL);

      if (gk_narrative_cell (row, t3, "total") != 0 || gk_explanation_lookup_prior (c->explanation, key) != NULL)
        g_ptr_array_add (spoken, g_object_ref (row));
    }
  g_ptr_array_unref (rows);
  return spoken;
}

/* "1.一般公共服务支出（类）355.08万元，占60.12%，比上年增加…，主要原因是…；" */
static void
function_shares (GkComposer *c,
                 const char *kind,
                 gboolean    classes)
{
  GkTable *t3 = gk_narrative_table (c, "expenditure");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree GkAmount *values = NULL;
  g_autofree gint *shares = NULL;

  if (t3 == NULL)
    return;
  rows = spoken_rows (c, t3, classes);
  values = g_new0 (GkAmount, MAX (rows->len, 1));
  shares = g_new0 (gint, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    values[i] = gk_narrative_cell (rows->pdata[i], t3, "total");
  gk_amount_shares (values, rows->len, shares);

  for (guint i = 0; i < rows->len; i++)
    {
      GkRow *row = rows->pdata[i];
      const char *code = gk_row_get_code (row);
      g_autofree char *key = g_strconcat ("expenditure.", code, NULL);
      g_autofree char *amount_source = gk_narrative_source ("expenditure/%s/total", code);
      g_autofree char *share_source = gk_narrative_source ("expenditure/%s/total/share", code);

      gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "k.%s.%s", kind, code);
      gk_narrative_list_number (c, i + 1);
      gk_narrative_function_path (c, "expenditure", row);
      gk_composer_amount (c, values[i], amount_source);
      gk_composer_text (c, "，占");
      gk_composer_percent (c, shares[i], share_source);
      gk_composer_text (c, "，");
      gk_composer_change (c, key, values[i], GK_CHANGE_DEFAULT);
      gk_composer_text (c, gk_narrative_list_end (i, rows->len));
    }
  if (rows->len == 0)
    {
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.%s.none", kind);
      gk_composer_text (c, "无支出预算。");
    }
}

void
gk_narrative_kind_function_classes (GkComposer *c)
{
  function_shares (c, "function-classes", TRUE);
}

void
gk_narrative_kind_function_items (GkComposer *c)
{
  function_shares (c, "function-items", FALSE);
}

/* "…行政运行（项）120.00万元，其中：基本支出120.00万元，项目支出0.00万元。" */
void
gk_narrative_kind_item_split (GkComposer *c)
{
  GkTable *t3 = gk_narrative_table (c, "expenditure");
  g_autoptr(GPtrArray) leaves = NULL;
  guint n = 0;

  if (t3 == NULL)
    return;
  leaves = gk_narrative_leaf_rows (t3);
  for (guint i = 0; i < leaves->len; i++)
    {
      GkRow *row = leaves->pdata[i];
      const char *code = gk_row_get_code (row);
      g_autofree char *total_source = gk_narrative_source ("expenditure/%s/total", code);
      g_autofree char *basic_source = gk_narrative_source ("expenditure/%s/basic", code);
      g_autofree char *project_source = gk_narrative_source ("expenditure/%s/project", code);

      if (gk_narrative_cell (row, t3, "total") == 0)
        continue;
      gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "k.item-split.%s", code);
      gk_narrative_list_number (c, ++n);
      gk_narrative_function_path (c, "expenditure", row);
      gk_composer_amount (c, gk_narrative_cell (row, t3, "total"), total_source);
      gk_composer_text (c, "，其中：基本支出");
      gk_composer_amount (c, gk_narrative_cell (row, t3, "basic"), basic_source);
      gk_composer_text (c, "，项目支出");
      gk_composer_amount (c, gk_narrative_cell (row, t3, "project"), project_source);
      gk_composer_text (c, "。");
    }
  if (n == 0)
    {
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.item-split.none");
      gk_composer_text (c, "无支出预算。");
    }
}

/* 基本支出 by economic 类 (工资福利支出, 商品和服务支出, 对个人和家庭的补助,
 * 资本性支出 …) with their shares of the whole and their changes against
 * last year (basic.<code>): a 类 with a figure this year, and one that had
 * a figure last year (its fall is explained too, even at nothing). */
typedef struct
{
  const char *code;
  const char *name;
  GkAmount    value;
} EconomicClass;

static int
compare_classes (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (((const EconomicClass *) a)->code, ((const EconomicClass *) b)->code);
}

static GArray *
spoken_classes (GkComposer *c,
                GkTable    *t6)
{
  GArray *classes = g_array_new (FALSE, TRUE, sizeof (EconomicClass));
  GListModel *roots = gk_table_get_roots (t6);
  GListModel *priors = gk_explanation_get_priors (c->explanation);

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
      g_autofree char *key = g_strconcat ("basic.", gk_row_get_code (row), NULL);
      EconomicClass class = { gk_row_get_code (row), gk_row_get_name (row), gk_narrative_cell (row, t6, "total") };

      if (class.value != 0 || gk_explanation_lookup_prior (c->explanation, key) != NULL)
        g_array_append_val (classes, class);
    }
  for (guint i = 0; i < g_list_model_get_n_items (priors); i++)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (priors, i);
      const char *key = gk_prior_get_key (prior);
      const char *code = key + strlen ("basic.");
      EconomicClass class = { code, NULL, 0 };

      if (!g_str_has_prefix (key, "basic.") ||
          gk_classification_level (GK_CLASSIFICATION_ECONOMIC, code) != GK_LEVEL_CLASS ||
          gk_table_lookup (t6, code) != NULL)
        continue;
      class.name = gk_document_get_code_name (c->document, GK_CLASSIFICATION_ECONOMIC, code);
      if (class.name == NULL)
        class.name = code;
      g_array_append_val (classes, class);
    }
  g_array_sort (classes, compare_classes);
  return classes;
}

void
gk_narrative_kind_basic_economic (GkComposer *c)
{
  GkTable *t6 = gk_narrative_table (c, "basic-expenditure");
  g_autoptr(GArray) classes = NULL;
  g_autofree GkAmount *values = NULL;
  g_autofree gint *shares = NULL;

  if (t6 == NULL)
    return;
  classes = spoken_classes (c, t6);
  values = g_new0 (GkAmount, MAX (classes->len, 1));
  shares = g_new0 (gint, MAX (classes->len, 1));
  for (guint i = 0; i < classes->len; i++)
    values[i] = g_array_index (classes, EconomicClass, i).value;
  gk_amount_shares (values, classes->len, shares);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.basic-economic.total");
  unit_and_year (c);
  gk_composer_text (c, "一般公共预算基本支出");
  gk_composer_amount (c, gk_narrative_column_total (t6, "total"), "basic-expenditure/total/total");
  gk_composer_text (c, classes->len > 0 ? "，按经济分类：" : "。");
  for (guint i = 0; i < classes->len; i++)
    {
      const EconomicClass *class = &g_array_index (classes, EconomicClass, i);
      g_autofree char *name_source = gk_narrative_source ("basic-expenditure/%s/name", class->code);
      g_autofree char *amount_source = gk_narrative_source ("basic-expenditure/%s/total", class->code);
      g_autofree char *share_source = gk_narrative_source ("basic-expenditure/%s/total/share", class->code);
      g_autofree char *key = g_strconcat ("basic.", class->code, NULL);

      gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "k.basic-economic.%s", class->code);
      gk_narrative_list_number (c, i + 1);
      gk_composer_span (c, GK_SPAN_FIGURE, class->name, name_source);
      gk_composer_amount (c, values[i], amount_source);
      gk_composer_text (c, "，占");
      gk_composer_percent (c, shares[i], share_source);
      gk_composer_text (c, "，");
      gk_composer_change (c, key, values[i], GK_CHANGE_DEFAULT);
      gk_composer_text (c, gk_narrative_list_end (i, classes->len));
    }
}

/* 国有资本经营预算: its table's figures, or that the unit has none. */
void
gk_narrative_kind_capital (GkComposer *c)
{
  GkTable *table = gk_narrative_table (c, "capital-expenditure");
  GkAmount total = table != NULL ? gk_narrative_column_total (table, "total") : 0;

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.capital");
  if (total == 0)
    {
      gk_composer_text (c, "本单位无国有资本经营预算。");
      return;
    }
  unit_and_year (c);
  gk_composer_text (c, "国有资本经营预算支出");
  gk_composer_amount (c, total, "capital-expenditure/total/total");
  gk_composer_text (c, "，其中：基本支出");
  gk_composer_amount (c, gk_narrative_column_total (table, "basic"), "capital-expenditure/total/basic");
  gk_composer_text (c, "，项目支出");
  gk_composer_amount (c, gk_narrative_column_total (table, "project"), "capital-expenditure/total/project");
  gk_composer_text (c, "。");
}

/* 政府采购 from 政府采购预算表: its rows' 合计 summed by 采购类别. */
void
gk_narrative_kind_procurement_list (GkComposer *c)
{
  static const char * const categories[] = { "货物", "工程", "服务" };
  GkTable *table = gk_narrative_table (c, "procurement");
  const GkTableSchema *schema;
  GkAmount parts[G_N_ELEMENTS (categories)] = { 0, };
  GkAmount total;
  int category;
  int amount;

  if (table == NULL)
    return;
  schema = gk_table_get_schema (table);
  category = gk_table_schema_text_index (schema, "category");
  amount = gk_table_column_index (table, "total");
  for (guint i = 0; i < gk_table_get_n_entries (table); i++)
    {
      GkRow *row = gk_table_get_entry (table, i);
      const char *text = category >= 0 ? gk_list_row_get_text (row, category) : NULL;
      GkAmount value = 0;

      if (amount < 0 || !gk_row_get_amount (row, amount, &value))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (categories); k++)
        if (g_strcmp0 (text, categories[k]) == 0 && !gk_amount_add (parts[k], value, &parts[k]))
          parts[k] = GK_AMOUNT_MAX;
    }
  total = gk_narrative_column_total (table, "total");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.procurement-list");
  gk_composer_year (c);
  gk_composer_text (c, "，");
  gk_composer_unit_name (c);
  if (total == 0)
    {
      gk_composer_text (c, "未安排政府采购预算。");
      if (gk_explanation_lookup_prior (c->explanation, "procurement.total") != NULL)
        gk_narrative_procurement_change (c, "k.procurement-list.change", total);
      return;
    }
  gk_composer_text (c, "政府采购预算");
  gk_composer_amount (c, total, "procurement/total/total");
  gk_composer_text (c, "，其中：");
  for (guint k = 0; k < G_N_ELEMENTS (categories); k++)
    {
      g_autofree char *part_source = gk_narrative_source ("procurement/%s/total", categories[k]);

      if (k > 0)
        gk_composer_text (c, "，");
      gk_composer_text (c, "政府采购");
      gk_composer_text (c, categories[k]);
      gk_composer_text (c, "预算");
      gk_composer_amount (c, parts[k], part_source);
    }
  gk_composer_text (c, "。");
  gk_narrative_procurement_change (c, "k.procurement-list.change", total);
}
