/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-checker-private.h"
#include "gk-narrative.h"
#include "gk-test-findings.h"

/* Sentences as published in real disclosures (figures scaled to a small
 * document): each correct sentence gives no finding of its rule, and a
 * variant broken as published documents break them gives one. */

static void
set_cell (GkDocument *document,
          const char *table_id,
          const char *code,
          const char *column,
          const char *text)
{
  GkTable *table = gk_document_get_table (document, table_id);
  g_autoptr(GError) error = NULL;
  GkRow *row = NULL;

  if (code == NULL)
    row = gk_table_get_single_row (table);
  else if ((row = gk_table_lookup (table, code)) == NULL)
    row = gk_document_add_row (document, table, code, NULL, &error);
  g_assert_no_error (error);
  gk_document_set_amount_text (document, row, gk_table_column_index (table, column), text, &error);
  g_assert_no_error (error);
}

/* 表五 by two 项 (100 and 20), 表八 as 开平市公安局 2022 published it. */
static GkDocument *
document_new (void)
{
  GkDocument *document = gk_document_new_blank ("测试单位", 2022, GK_MONEY_UNIT_WANYUAN);
  GkExplanation *explanation = gk_document_get_explanation (document);

  g_object_set (document, "date", "2022-02-03", NULL);
  gk_document_set_int (document, explanation, "planned-vehicles", 1);
  for (guint i = 0; i < 2; i++)
    {
      const char *t = i == 0 ? "expenditure" : "general-expenditure";
      set_cell (document, t, "2010301", "basic", "80.00");
      set_cell (document, t, "2010301", "project", "20.00");
      set_cell (document, t, "2080505", "basic", "20.00");
    }
  set_cell (document, "sangong", NULL, "abroad", "0.00");
  set_cell (document, "sangong", NULL, "vehicle-purchase", "100.00");
  set_cell (document, "sangong", NULL, "vehicle-operation", "400.00");
  set_cell (document, "sangong", NULL, "reception", "2.40");
  gk_test_set_prior (document, "sangong.total", 51700);
  gk_test_set_prior (document, "sangong.abroad", 0);
  gk_test_set_prior (document, "sangong.vehicle-purchase", 10000);
  gk_test_set_prior (document, "sangong.vehicle-operation", 40000);
  gk_test_set_prior (document, "sangong.reception", 1700);
  gk_document_set_int (document, explanation, "procurement-goods", 100);
  gk_document_set_int (document, explanation, "procurement-services", 70);
  return document;
}

typedef struct
{
  const char *rule;
  const char *id;
  const char *text;
  gboolean    fires;
} Case;

#define KAIPING_CLEAN \
  "2022年本部门财政拨款安排“三公”经费502.4 万元，比上年减少14.6 万元，下降2.82 %，主要原因是接待费支出减少。" \
  "其中：因公出国（境）费0 万元，与上年持平；公务用车购置及运行费500.00 万元（公务用车购置费100.00 万元，" \
  "与上年持平；公务用车运行维护费400.00 万元，与上年持平。）与上年持平；公务接待费2.4 万元，比上年减少14.6 万元，" \
  "下降85.88 %，主要原因是严格执行相关公务接待规定，减少公务接待开支。"

static const Case cases[] = {
  /* A figure inside brackets speaks for nothing after them. */
  { "narrative.change-word", "s8.total", KAIPING_CLEAN, FALSE },
  { "narrative.figure", "s8.total", KAIPING_CLEAN, FALSE },
  { "narrative.change-word", "s8.total",
    "公务用车购置及运行费500.00 万元（公务用车购置费100.00 万元，与上年持平。）比上年增加0 万元，增长0 %，主要原因是与上年持平。",
    TRUE },
  { "narrative.figure", "s8.total",
    "其中：公务用车购置及运行维护费500万元（包括：公务用车运行维护费400万元、公务用车购置101万元）。", TRUE },
  /* 湛江市委宣传部 2017: an item the reader does not know is no one's. */
  { "narrative.figure", "s8.total",
    "“三公”经费支出合计502.4万元。其中：公务用车保有量2辆，购置及运行维护费5万元，公务接待费2.4万元。", FALSE },
  { "narrative.figure", "s8.total",
    "“三公”经费支出合计502.4万元。其中：公务用车保有量2辆，购置及运行维护费5万元，公务接待费3万元。", TRUE },
  /* 梧州市科学技术协会 2023: 政府采购 by kind and the shares of the whole. */
  { "explanation.procurement", "s10.procurement",
    "2022年政府采购预算17000元，同比增加17000元。其中：政府集中采购预算17000元，占政府采购预算的100%；"
    "分散采购0元，占政府采购预算的0%。按政府采购资金类型划分，一般公共预算拨款17000元，财政专户管理的资金安排0元。"
    "其中：货物类采购10000元，占政府采购预算58.8%；工程类采购0元，占政府采购预算0%；服务类采购7000元，占政府采购预算41.2%。",
    FALSE },
  { "narrative.shares", "s10.procurement",
    "其中：货物类采购10000元，占政府采购预算58.8%；工程类采购0元，占政府采购预算0%；服务类采购7000元，占政府采购预算41.2%。",
    FALSE },
  { "narrative.shares", "s10.procurement",
    "其中：货物类采购10000元，占政府采购预算48.8%；工程类采购0元，占政府采购预算0%；服务类采购7000元，占政府采购预算41.2%。",
    TRUE },
  { "explanation.procurement", "s10.procurement", "其中：货物类采购12000元，工程类采购0元。", TRUE },
  /* Shares worded otherwise. */
  { "narrative.shares", "s5.structure.201", "1.一般公共服务支出（类）100万元，占一般公共预算支出的83.33%。", FALSE },
  { "narrative.shares", "s5.structure.201", "1.一般公共服务支出（类）100万元，占一般公共预算支出的80.33%。", TRUE },
  { "narrative.shares", "s5.structure.201", "1.一般公共服务支出（类）100万元，占比83.33%。", FALSE },
  { "narrative.shares", "s5.structure.201", "1.一般公共服务支出（类）100万元，占比85.33%。", TRUE },
  { "narrative.shares", "s5.scale", "基本支出100万元，占一般公共预算拨款的83.33%；项目支出20万元，占16.67%。", FALSE },
  { "narrative.shares", "s5.scale", "基本支出100万元，占一般公共预算拨款的83.33%；项目支出20万元，占17.67%。", TRUE },
  /* 其中 after an item narrows to the item. */
  { "narrative.figure", "s5.item.2010301",
    "1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）2022年预算数为100万元，其中：基本支出80万元，项目支出20万元。",
    FALSE },
  /* 特种专业技术用车 is not 执法执勤用车 nor the vehicle before it. */
  { "explanation.vehicles", "s10.assets.vehicles", "其中：一般公务用车0辆，价值0万元；特种专业技术用车2辆，价值30万元。", FALSE },
  { "explanation.vehicles", "s10.assets.vehicles", "其中：一般公务用车0辆，价值0万元；执法执勤用车2辆，价值30万元。", TRUE },
  /* 重庆涪陵 2024: a year compared with is no budget year. */
  { "format.consistency", "s8.change", "我镇将在实际工作开展中，尽力压缩开支，确保公务用车运行费用不超过2021年。", FALSE },
  { "format.consistency", "s8.change", "根据《四川省预决算公开操作规程（2021年修订）》的有关规定。", FALSE },
  { "format.consistency", "s8.change", "2021年一般公共预算“三公”经费支出预算为502.4万元。", TRUE },
  /* Traditional characters (防城港 2019 as mirrored). */
  { "narrative.figure", "s8.total", "2022年本部門財政撥款安排“三公”經費502.4萬元。", FALSE },
  { "narrative.figure", "s8.total", "2022年本部門財政撥款安排“三公”經費529萬元。", TRUE },
  /* A reason against the direction (寿县司法局 2022, turned round). */
  { "narrative.reason-direction", "s8.change",
    "公务接待费支出预算2.4万元，比上年预算减少14.6万元，下降85.88%，下降原因主要是压缩开支，减少接待次数。", FALSE },
  { "narrative.reason-direction", "s8.change",
    "公务接待费支出预算2.4万元，比上年预算减少14.6万元，下降85.88%，下降原因主要是接待任务增加。", TRUE },
  /* Changes: the base and the arithmetic. */
  { "narrative.change-base", "s8.change", "公务接待费2.4万元，比上年减少14.6万元，下降608.33%，主要原因是减少公务接待开支。", TRUE },
  { "narrative.change-percent", "s8.change", "公务接待费2.4万元，比上年减少14.6万元，下降84.88%，主要原因是减少公务接待开支。", TRUE },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GkDocument) document = document_new ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  guint found;

  gk_document_set_hand_written (document, c->id, c->text);
  gk_checker_update (checker);
  found = gk_checker_count_rule (checker, c->rule);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_test_message ("%s %s", gk_finding_get_rule_id (finding), gk_finding_get_message (finding));
    }
  if (c->fires)
    g_assert_cmpuint (found, >, 0);
  else
    g_assert_cmpuint (found, ==, 0);
}

/* A figure the reader is not sure of is a warning, not an error. */
static guint
errors_for (const char *text)
{
  g_autoptr(GkDocument) document = document_new ();
  g_autoptr(GkChecker) checker = NULL;

  gk_document_set_hand_written (document, "s8.total", text);
  checker = gk_checker_new (document);
  g_assert_cmpuint (gk_checker_count_rule (checker, "narrative.figure"), ==, 1);
  return gk_checker_get_n_errors (checker);
}

static void
test_uncertain_is_warning (void)
{
  guint named = errors_for ("本年度压缩开支。“三公”经费预算529万元。");
  guint unnamed = errors_for ("本年度压缩开支。预算529万元。");

  g_assert_cmpuint (unnamed + 1, ==, named);
}

/* The claims of a long paragraph are read in one pass: a text four times
 * as long costs four times the work, not sixteen. */
static gsize
scanned_for (guint sentences)
{
  g_autoptr(GkDocument) document = document_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GkClaimText) parsed = NULL;

  for (guint i = 0; i < sentences; i++)
    g_string_append (text, "本年度“三公”经费预算529万元，比上年减少1.00万元（主要是公务接待减少）。");
  parsed = gk_claim_text_parse (document, "s8.total", 8, text->str);
  g_assert_cmpuint (parsed->claims->len, >=, sentences);
  g_assert_cmpuint (parsed->scanned, <=, text->len);
  return parsed->scanned;
}

static void
test_long_text_linear (void)
{
  gsize short_text = scanned_for (200);
  gsize long_text = scanned_for (800);

  g_assert_cmpuint (short_text, >, 0);
  g_assert_cmpuint (long_text, <=, 5 * short_text);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checks-text/%s/%u", cases[i].rule, i);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/checks-text/uncertain-is-warning", test_uncertain_is_warning);
  g_test_add_func ("/checks-text/long-text-linear", test_long_text_linear);
  return g_test_run ();
}
