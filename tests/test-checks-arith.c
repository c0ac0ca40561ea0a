/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-checker-private.h"
#include "gk-test-final.h"
#include "gk-test-findings.h"

/* A sentence's own arithmetic, where no table holds the quantity: the
 * figure compared with is this year's less the change, the percentage is
 * the change over that figure. Each true error gives one finding of its
 * rule; each near-miss — another base said, a 预算 compared with, a
 * figure rounded within what the written ones allow, a base of 0 — none.
 * And whose a change is: after a numbered item, and in a reason. */

typedef struct
{
  gboolean    final;   /* a 决算 (2025), else a budget (2022) */
  const char *id;
  const char *text;
  const char *rule;
  guint       count;   /* findings of @rule on the paragraph */
} Case;

#define RUNNING "机关运行经费支出185.41万元，比2024年度增加4.68万元，"
#define REASON "主要原因是人员变动。"
#define ANJU "“三公”经费支出共计9.07万元，较年初预算数减少10.93万元，下降54.65%，较上年支出数减少0.71万元，"
#define ITEM "收入具体情况如下。\n2.上级补助收入8.38万元，为事业单位开展业务活动取得的收入。较2024年度决算数减少17.40万元，"

static const Case cases[] = {
  /* The 决算 sample's 十一（一）: 4.68 / 180.73 = 2.589…%. */
  { TRUE, "k.final-running", RUNNING "增长2.60%。" REASON, "narrative.change-percent", 1 },
  { TRUE, "k.final-running", RUNNING "增长2.59%。" REASON, "narrative.change-percent", 0 },
  { TRUE, "k.final-running", RUNNING "增长了2.6%。" REASON, "narrative.change-percent", 0 },
  /* Over this year's 185.41: 2.52%. */
  { TRUE, "k.final-running", RUNNING "增长2.52%。" REASON, "narrative.change-base", 1 },
  { TRUE, "k.final-running", RUNNING "增长2.52%。" REASON, "narrative.change-percent", 0 },
  /* In 元, as a 元 document writes it. */
  { TRUE, "k.final-running", "机关运行经费支出1854100元，比上年增加46800元，增长2.60%。", "narrative.change-percent", 1 },
  { TRUE, "k.final-running", "机关运行经费支出1854100元，比上年增加46800元，增长2.59%。", "narrative.change-percent", 0 },
  /* A fall: the base is this year's plus the change. */
  { TRUE, "k.final-running", "机关运行经费支出80万元，同比减少20万元，下降20%。", "narrative.change-percent", 0 },
  { TRUE, "k.final-running", "机关运行经费支出80万元，同比减少20万元，下降25%。", "narrative.change-base", 1 },
  { TRUE, "k.final-running", "机关运行经费支出80万元，同比减少20万元，下降22%。", "narrative.change-percent", 1 },
  /* Against the 年初预算, then against last year (重庆 安居镇 2021): the
   * second percentage is over this year's 9.07, not last year's 9.78. */
  { TRUE, "k.final-running", ANJU "下降7.26%。", "narrative.change-base", 0 },
  { TRUE, "k.final-running", ANJU "下降7.83%。", "narrative.change-base", 1 },
  { TRUE, "k.final-running", "“三公”经费支出共计9.07万元，较年初预算数减少10.93万元，下降53.65%。",
    "narrative.change-percent", 1 },
  { TRUE, "k.final-running", "支出决算5.48万元，比预算增加0万元，比去年增加1.55万元，增长39.4%。",
    "narrative.change-percent", 0 },
  { TRUE, "k.final-running", "支出决算5.48万元，比预算增加0万元，比去年增加1.55万元，增长28.3%。",
    "narrative.change-base", 1 },
  /* The comparison said again, or as 同比. */
  { TRUE, "k.final-running", RUNNING "比2024年度增长2.60%。", "narrative.change-percent", 1 },
  { TRUE, "k.final-running", RUNNING "同比增长2.60%。", "narrative.change-percent", 1 },
  { TRUE, "k.final-running", RUNNING "同比增长2.59%。", "narrative.change-percent", 0 },
  /* Another base said for the percentage: nothing to set them against. */
  { TRUE, "k.final-running", "机关运行经费支出12万元，比上年预算增加2万元，比上年决算增长50%。", "narrative.change-percent", 0 },
  { TRUE, "k.final-running", "机关运行经费支出12万元，比年初预算增加2万元，比上年增长50%。", "narrative.change-percent", 0 },
  { TRUE, "k.final-running", "机关运行经费支出12万元，比年初预算增加2万元，比上年增长50%。", "narrative.change-base", 0 },
  /* Figures rounded: 0.05 / 9.95 = 0.50%, but 0.045 … 0.055 over 9.94 … 9.96
   * give anything from 0.45% to 0.55%. */
  { TRUE, "k.final-running", "机关运行经费支出10.00万元，比上年增加0.05万元，增长0.55%。", "narrative.change-percent", 0 },
  { TRUE, "k.final-running", "机关运行经费支出10.00万元，比上年增加0.05万元，增长0.45%。", "narrative.change-percent", 0 },
  { TRUE, "k.final-running", "机关运行经费支出10.00万元，比上年增加0.05万元，增长0.56%。", "narrative.change-percent", 1 },
  { TRUE, "k.final-running", "机关运行经费支出10.00万元，比上年增加0.05万元，增长0.44%。", "narrative.change-percent", 1 },
  /* Of nothing: no percentage to give, and none checked. */
  { TRUE, "k.final-running", "公务接待费1万元，比上年增加1万元，增长100%。", "narrative.change-percent", 0 },
  { TRUE, "k.final-running", "因公出国（境）费0万元，比上年增加0万元，增长0%。", "narrative.change-percent", 0 },
  /* A word of the other direction is no arithmetic. */
  { TRUE, "k.final-running", RUNNING "下降2.60%。", "narrative.change-percent", 0 },
  /* Three decimals are a fault of their own (format.decimals). */
  { TRUE, "k.final-running", RUNNING "增长2.600%。", "narrative.change-percent", 0 },
  /* The figure compared with, stated (绵竹 2025). */
  { FALSE, "s10.note", "预算总额为1969万元，较2021年的2190万元减少221万元，下降10.1%。", "narrative.figure", 0 },
  { FALSE, "s10.note", "预算总额为1969万元，较2021年的2190万元减少221万元，下降10.1%。", "narrative.change-percent", 0 },
  { FALSE, "s10.note", "预算总额为1969万元，较2021年的2190万元减少211万元，下降10.1%。", "narrative.figure", 1 },
  { FALSE, "s10.note", "预算总额为1969万元，较2021年的2190万元减少221万元，下降10.9%。", "narrative.change-percent", 1 },
  /* Exact up to 10^15 of a unit; past it a number is no amount, and is
   * not read as one (it once overflowed). */
  { FALSE, "s10.note", "预算总额为999999999999999.99万元，较2021年的999999999999778.99万元减少221万元。",
    "narrative.figure", 1 },
  { FALSE, "s10.note", "预算总额为999999999999999.99万元，较2021年的999999999999778.99万元增加221万元。",
    "narrative.figure", 0 },
  { FALSE, "s10.note", "预算总额为9223372036854779万元，较2021年的2190万元减少211万元。", "narrative.figure", 0 },
  { FALSE, "s10.note", "预算总额为1969.000000000000000000001万元，较2021年的2190万元减少211万元。", "narrative.figure", 0 },
  { TRUE, "k.final-running", RUNNING "增长8888888888888888888.25%。" REASON, "narrative.change-percent", 0 },
  /* A year that is neither this one nor the last is not compared with. */
  { FALSE, "s10.note", "预算总额为1969万元，较2019年的2190万元减少211万元。", "narrative.figure", 0 },
  /* After a numbered item of one amount (梧州 2021): 17.40 / 25.78 = 67.49%. */
  { TRUE, "k.final-income", ITEM "下降67.5%，主要原因是人员减少。", "narrative.change-percent", 0 },
  { TRUE, "k.final-income", ITEM "下降76.5%，主要原因是人员减少。", "narrative.change-percent", 1 },
  { TRUE, "k.final-income", "（一）一般公共预算财政拨款收入390.55万元。比上年增加10.55万元，增长2.78%，主要原因是人员增加。",
    "narrative.change-percent", 0 },
  { TRUE, "k.final-income", "（一）一般公共预算财政拨款收入390.55万元。比上年增加10.55万元，增长2.60%，主要原因是人员增加。",
    "narrative.change-percent", 1 },
  /* … not after an item that is not numbered, or states two amounts. */
  { TRUE, "k.final-income",
    "上级补助收入8.38万元，为事业单位开展业务活动取得的收入。较2024年度决算数减少17.40万元，下降76.5%。",
    "narrative.change-percent", 0 },
  { TRUE, "k.final-income",
    "2.上级补助收入8.38万元，其中定期增资经费2万元。较2024年度决算数减少17.40万元，下降76.5%。",
    "narrative.change-percent", 0 },
};

static GkDocument *
case_document (const Case *c)
{
  GkDocument *document;

  if (c->final)
    return gk_test_final_document ("测试局", 2025);
  document = gk_document_new_blank ("测试单位", 2022, GK_MONEY_UNIT_WANYUAN);
  g_object_set (document, "date", "2022-02-03", NULL);
  return document;
}

/* The findings of @rule that point at paragraph @id first. */
static guint
count_on (GkChecker  *checker,
          const char *rule,
          const char *id)
{
  g_autofree char *place = g_strconcat ("narrative/", id, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *location = gk_place_to_string (gk_finding_get_place (finding, 0));

      g_test_message ("%s %s: %s", gk_finding_get_rule_id (finding), location, gk_finding_get_message (finding));
      if (g_str_equal (gk_finding_get_rule_id (finding), rule) && g_str_equal (location, place))
        {
          /* Certain of the figures and of what they are of: an error. */
          g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_ERROR);
          n++;
        }
    }
  return n;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GkDocument) document = case_document (c);
  g_autoptr(GkChecker) checker = NULL;

  gk_document_set_hand_written (document, c->id, c->text);
  checker = gk_checker_new (document);
  g_assert_cmpuint (count_on (checker, c->rule, c->id), ==, c->count);
}

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

/* 表三 with 基本支出 100 and 项目支出 20, last year's 基本支出 90; 表八's
 * 公务接待费 2.40 against last year's 17.00. */
static GkDocument *
tables_document (void)
{
  GkDocument *document = gk_document_new_blank ("测试单位", 2022, GK_MONEY_UNIT_WANYUAN);

  g_object_set (document, "date", "2022-02-03", NULL);
  for (guint i = 0; i < 2; i++)
    {
      const char *t = i == 0 ? "expenditure" : "general-expenditure";

      set_cell (document, t, "2010301", "basic", "80.00");
      set_cell (document, t, "2010301", "project", "20.00");
      set_cell (document, t, "2080505", "basic", "20.00");
    }
  gk_test_set_prior (document, "expenditure.basic", 9000);
  set_cell (document, "sangong", NULL, "reception", "2.40");
  gk_test_set_prior (document, "sangong.reception", 1700);
  return document;
}

static guint
count_with_tables (const char *id,
                   const char *text,
                   const char *rule)
{
  g_autoptr(GkDocument) document = tables_document ();
  g_autoptr(GkChecker) checker = NULL;

  gk_document_set_hand_written (document, id, text);
  checker = gk_checker_new (document);
  return count_on (checker, rule, id);
}

/* Where a table holds the quantity and last year's figure is entered, the
 * checks of the tables say it, once. */
static void
test_once_with_tables (void)
{
  g_assert_cmpuint (count_with_tables ("s8.change", "公务接待费2.4万元，比上年减少14.6万元，下降84.88%，主要原因是减少接待。",
                                       "narrative.change-percent"), ==, 1);
  g_assert_cmpuint (count_with_tables ("s8.change", "公务接待费2.4万元，比上年减少14.6万元，下降85.88%，主要原因是减少接待。",
                                       "narrative.change-percent"), ==, 0);
}

/* "主要原因是基本支出增加10万元": a change in a reason is read where its
 * clause is a name the document knows and the change, nothing else. */
#define S3 "支出预算120万元，比上年增加15万元，增长14.29%，"

static void
test_reason_figures (void)
{
  /* 基本支出 100 against 90 last year: 增加10万元. */
  g_assert_cmpuint (count_with_tables ("s3.total", S3 "主要原因是基本支出增加10万元。", "narrative.figure"), ==, 0);
  g_assert_cmpuint (count_with_tables ("s3.total", S3 "主要原因是基本支出增加12万元。", "narrative.figure"), ==, 1);
  g_assert_cmpuint (count_with_tables ("s3.total", S3 "主要原因：一是人员增加；二是基本支出增加12万元。", "narrative.figure"),
                    ==, 1);
  /* A change given as a reason needs no reason of its own. */
  g_assert_cmpuint (count_with_tables ("s3.total", S3 "主要原因是基本支出增加10万元。", "narrative.reason"), ==, 0);
  /* Last year's, a part's, or nothing the tables hold: not read. */
  g_assert_cmpuint (count_with_tables ("s3.total", S3 "主要原因是上年基本支出增加12万元。", "narrative.figure"), ==, 0);
  g_assert_cmpuint (count_with_tables ("s3.total", S3 "主要原因是新增培训项目支出12万元。", "narrative.figure"), ==, 0);
  g_assert_cmpuint (count_with_tables ("s3.total", S3 "主要原因是基本支出12万元。", "narrative.figure"), ==, 0);
  g_assert_cmpuint (count_with_tables ("s3.total", S3 "主要原因是基本支出增加12万元的培训经费。", "narrative.figure"), ==, 0);
  /* "主要原因：一是…；二是下拨了抚恤金74.31万元": the reason goes on after "；". */
  g_assert_cmpuint (count_with_tables ("s3.total", S3 "主要原因：一是人员增加；二是下拨了抚恤金74.31万元。", "narrative.figure"),
                    ==, 0);
}

/* The reader gives the change after a numbered item that item's subject,
 * for certain; and nothing where the item states two amounts. */
static void
test_item_subject (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2025);
  g_autoptr(GkClaimText) one = NULL;
  g_autoptr(GkClaimText) two = NULL;
  const GkClaim *amount = NULL, *change = NULL, *percent = NULL;

  one = gk_claim_text_parse (document, "k.final-income", GK_SECTION_FINAL_TOTALS, ITEM "下降67.5%。");
  for (guint i = 0; i < one->claims->len; i++)
    {
      const GkClaim *claim = one->claims->pdata[i];

      if (claim->kind == GK_CLAIM_AMOUNT)
        amount = claim;
      else if (claim->kind == GK_CLAIM_CHANGE)
        change = claim;
      else if (claim->kind == GK_CLAIM_PERCENT)
        percent = claim;
    }
  g_assert_nonnull (amount);
  g_assert_nonnull (change);
  g_assert_nonnull (percent);
  g_assert_cmpstr (change->subject, ==, amount->subject);
  g_assert_cmpstr (percent->subject, ==, amount->subject);
  g_assert_true (change->certain && percent->certain);

  two = gk_claim_text_parse (document, "k.final-income", GK_SECTION_FINAL_TOTALS,
                             "2.上级补助收入8.38万元，一般公共预算财政拨款收入2万元。较2024年度决算数减少17.40万元。");
  for (guint i = 0; i < two->claims->len; i++)
    g_assert_cmpint (((GkClaim *) two->claims->pdata[i])->kind, !=, GK_CLAIM_CHANGE);
}

/* An edit of the paragraph is checked again, and its finding goes once
 * the figures agree. */
static void
test_edit (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2025);
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_document_set_hand_written (document, "k.final-running", RUNNING "增长2.59%。");
  gk_checker_update (checker);
  g_assert_cmpuint (count_on (checker, "narrative.change-percent", "k.final-running"), ==, 0);
  gk_document_set_hand_written (document, "k.final-running", RUNNING "增长2.60%。");
  gk_checker_update (checker);
  g_assert_cmpuint (count_on (checker, "narrative.change-percent", "k.final-running"), ==, 1);
  gk_document_set_hand_written (document, "k.final-running", RUNNING "增长2.59%。");
  gk_checker_update (checker);
  g_assert_cmpuint (count_on (checker, "narrative.change-percent", "k.final-running"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checks-arith/%s/%u", cases[i].rule, i);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/checks-arith/once-with-tables", test_once_with_tables);
  g_test_add_func ("/checks-arith/reason-figures", test_reason_figures);
  g_test_add_func ("/checks-arith/item-subject", test_item_subject);
  g_test_add_func ("/checks-arith/edit", test_edit);
  return g_test_run ();
}
