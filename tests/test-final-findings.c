/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-checker.h"
#include "gk-final-facts.h"
#include "gk-test-final.h"

/* What a 决算 still owes, as findings: the money a 政府性基金 row ended
 * last year with while this year has no such row (adding it gives it its
 * 年初), and a 项 below (or above) its 年初预算 without a reason; and the
 * keys of last year's and the budget's figures named in words. Each
 * document is built here, with figures of its own. */

#define FUND_CODE "2296002"
#define FUND_NAME "用于社会福利的彩票公益金支出"

static GkFinding *
finding_with (GkChecker  *checker,
              const char *rule,
              const char *words)
{
  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (g_str_equal (gk_finding_get_rule_id (finding), rule) &&
          (words == NULL || strstr (gk_finding_get_message (finding), words) != NULL))
        return finding;
    }
  return NULL;
}

static GkAmount
opening_of (GkDocument *document,
            const char *code)
{
  GkTable *fund = gk_document_get_table (document, "final-fund");
  GkRow *row = gk_table_lookup (fund, code);

  g_assert_nonnull (row);
  return gk_row_get_value (row, gk_table_column_index (fund, "opening"));
}

/* A 决算 of the national template, whose 年末 is derived. */
static GkDocument *
national (guint year)
{
  GkTemplate *template = gk_template_find ("juesuan-national-2023");

  g_assert_nonnull (template);
  return gk_document_new_blank_for_template (template, "测试局", year, GK_MONEY_UNIT_WANYUAN);
}

/* Last year's 决算 with 1.00 + 5.00 − @spent left on the fund row. */
static GkDocument *
last_year_with_fund (const char *spent)
{
  GkDocument *document = national (2020);
  g_autoptr(GError) error = NULL;

  gk_document_add_row (document, gk_document_get_table (document, "final-fund"), FUND_CODE, FUND_NAME, &error);
  g_assert_no_error (error);
  gk_test_final_set (document, "final-fund", FUND_CODE, "opening", "1.00");
  gk_test_final_set (document, "final-fund", FUND_CODE, "income", "5.00");
  gk_test_final_set (document, "final-fund", FUND_CODE, "basic", spent);
  return document;
}

static GkDocument *
reloaded (GkDocument *document)
{
  g_autoptr(GBytes) bytes = gk_document_serialize (document);
  g_autoptr(GError) error = NULL;
  GkDocument *copy = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  return copy;
}

static void
test_carryover_row (void)
{
  g_autoptr(GkDocument) last_year = last_year_with_fund ("2.00");
  g_autoptr(GkDocument) document = national (2021);
  g_autoptr(GkDocument) copy = NULL;
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GkFinding *finding;
  GkRow *row;

  gk_test_final_set (document, "final-fund", "2080501", "income", "3.00");
  g_assert_true (gk_document_fill_prior_year (document, last_year, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, FUND_CODE));

  /* Nothing added silently: a warning names the row, its name and its money. */
  g_assert_null (gk_table_lookup (gk_document_get_table (document, "final-fund"), FUND_CODE));
  checker = gk_checker_new (document);
  finding = finding_with (checker, "final.carryover", FUND_CODE);
  g_assert_nonnull (finding);
  g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_WARNING);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), FUND_NAME));
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "4.00万元"));

  /* The file keeps it. */
  copy = reloaded (document);
  {
    g_autoptr(GkChecker) copy_checker = gk_checker_new (copy);

    g_assert_nonnull (finding_with (copy_checker, "final.carryover", FUND_CODE));
  }

  /* Adding the row begins it with last year's 年末, and the finding goes. */
  row = gk_document_add_row (document, gk_document_get_table (document, "final-fund"), FUND_CODE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (row);
  g_assert_cmpint (opening_of (document, FUND_CODE), ==, 400);
  g_assert_null (finding_with (checker, "final.carryover", NULL));

  /* One undo takes the row and its 年初 away: the finding is back. */
  gk_document_undo (document);
  g_assert_null (gk_table_lookup (gk_document_get_table (document, "final-fund"), FUND_CODE));
  g_assert_nonnull (finding_with (checker, "final.carryover", FUND_CODE));

  /* The 年初 it begins with can be typed over. */
  gk_test_final_set (copy, "final-fund", FUND_CODE, "opening", "1.50");
  g_assert_cmpint (opening_of (copy, FUND_CODE), ==, 150);
}

/* Filled again from a last year that left nothing on the row: nothing is owed. */
static void
test_carryover_refilled (void)
{
  g_autoptr(GkDocument) last_year = last_year_with_fund ("2.00");
  g_autoptr(GkDocument) spent = last_year_with_fund ("6.00");
  g_autoptr(GkDocument) document = national (2021);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_fill_prior_year (document, last_year, NULL, &error));
  g_assert_nonnull (finding_with (checker, "final.carryover", FUND_CODE));
  g_assert_true (gk_document_fill_prior_year (document, spent, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (finding_with (checker, "final.carryover", FUND_CODE));
  g_assert_null (gk_explanation_lookup_prior (gk_document_get_explanation (document), "closing.fund." FUND_CODE));
}

static void
test_under_budget (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkFinding *finding;

  gk_test_final_budget (document, "general.2010101", "50.00", NULL);
  gk_test_final_set (document, "final-general", "2010101", "basic", "50.00");
  g_assert_null (finding_with (checker, "final.under-budget", NULL));
  g_assert_null (finding_with (checker, "final.over-budget", NULL));

  /* Below the budget, no reason: the paragraph says so, and so do the checks. */
  gk_test_final_set (document, "final-general", "2010101", "basic", "40.00");
  gk_test_final_says (document, "k.final-general.2010101", "决算数小于预算数的主要原因：（原因未填写）");
  finding = finding_with (checker, "final.under-budget", "2010101");
  g_assert_nonnull (finding);
  g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_WARNING);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "行政运行"));
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "40.00万元"));
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "50.00万元"));
  g_assert_null (finding_with (checker, "final.over-budget", NULL));

  /* A reason of blanks is none; a reason typed ends it. */
  gk_document_set_text (document, gk_document_ensure_budget_figure (document, "general.2010101"), "reason", "  ");
  g_assert_nonnull (finding_with (checker, "final.under-budget", "2010101"));
  gk_document_set_text (document, gk_document_ensure_budget_figure (document, "general.2010101"), "reason", "厉行节约");
  g_assert_null (finding_with (checker, "final.under-budget", NULL));

  /* Above the budget without a reason is a finding of its own. */
  gk_document_set_text (document, gk_document_ensure_budget_figure (document, "general.2010101"), "reason", NULL);
  gk_test_final_set (document, "final-general", "2010101", "basic", "60.00");
  gk_test_final_says (document, "k.final-general.2010101", "决算数大于预算数的主要原因：（原因未填写）");
  g_assert_null (finding_with (checker, "final.under-budget", NULL));
  finding = finding_with (checker, "final.over-budget", "2010101");
  g_assert_nonnull (finding);
  g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_WARNING);
  gk_document_set_text (document, gk_document_ensure_budget_figure (document, "general.2010101"), "reason", "追加任务");
  g_assert_null (finding_with (checker, "final.over-budget", NULL));

  /* A 政府性基金 项 below its budget too. */
  gk_test_final_budget (document, "fund." FUND_CODE, "8.00", NULL);
  g_assert_nonnull (gk_document_add_row (document, gk_document_get_table (document, "final-fund"), FUND_CODE, FUND_NAME, NULL));
  gk_test_final_set (document, "final-fund", FUND_CODE, "basic", "6.00");
  g_assert_nonnull (finding_with (checker, "final.under-budget", FUND_CODE));
}

static void
test_describe_key (void)
{
  g_autoptr(GkDocument) document = national (2024);
  static const struct { const char *key; const char *words; } keys[] = {
    { "sangong.reception", "公务接待费" },
    { "sangong.vehicle", "公务用车购置及运行维护费" },
    { "running-costs", "机关运行经费" },
    { "final.total", "收入支出决算总计" },
    { "final.fiscal", "财政拨款收入支出决算总计" },
    { "closing.fund", "政府性基金预算财政拨款年末结转和结余" },
    { "general.total", "一般公共预算财政拨款支出" },
    { "general.2010101", "2010101 行政运行（一般公共预算财政拨款支出）" },
    { "function.2010101", "2010101 行政运行" },
    { "basic.301", "301 工资福利支出" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *words = gk_narrative_describe_key (document, keys[i].key);

      g_assert_cmpstr (words, ==, keys[i].words);
    }
  {
    g_autofree char *words = NULL;

    gk_document_set_code_name (document, GK_CLASSIFICATION_FUNCTION, FUND_CODE, FUND_NAME, NULL);
    words = gk_narrative_describe_key (document, "closing.fund." FUND_CODE);
    g_assert_cmpstr (words, ==, FUND_CODE " " FUND_NAME "（政府性基金预算财政拨款年末结转和结余）");
  }
  {
    g_autofree char *words = gk_narrative_describe_key (document, "no.such-key");

    g_assert_cmpstr (words, ==, "no.such-key");
  }
}

/* A 决算 paragraph waiting for last year's figure names it in words. */
static void
test_messages_name_words (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkFinding *finding;

  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "2.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "2.00");
  finding = finding_with (checker, "narrative.prior-year", "公务接待费");
  g_assert_nonnull (finding);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) each = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (strstr (gk_finding_get_message (each), "sangong.") != NULL ||
          strstr (gk_finding_get_message (each), "running-costs") != NULL ||
          strstr (gk_finding_get_message (each), "final.total") != NULL)
        g_error ("a finding names a key: %s", gk_finding_get_message (each));
    }
}

/* 其他用车主要是… as the national template says it, from what was typed;
 * nothing in its place while it is not. */
static void
test_other_vehicles (void)
{
  g_autoptr(GkDocument) document = national (2024);
  g_autoptr(GkDocument) copy = NULL;
  GkFinalFacts *facts;
  g_autofree char *untyped = NULL;

  facts = gk_document_get_final_facts (document);
  gk_document_set_int (document, facts, "vehicles-enforcement", 1);
  gk_document_set_int (document, facts, "vehicles-other", 2);
  untyped = gk_test_final_paragraph (document, "k.final-assets");
  g_assert_nonnull (strstr (untyped, "其他用车2辆。单价100万元"));
  g_assert_null (strstr (untyped, "主要是"));

  gk_document_set_text (document, facts, "vehicles-other-use", " 用于后勤保障的车辆。");
  gk_test_final_says (document, "k.final-assets",
                      "执法执勤用车1辆、其他用车2辆，其他用车主要是用于后勤保障的车辆。单价100万元");

  /* Kept by the file; not said while no other vehicle is held. */
  copy = reloaded (document);
  gk_test_final_says (copy, "k.final-assets", "其他用车主要是用于后勤保障的车辆。");
  gk_document_set_int (document, facts, "vehicles-other", 0);
  {
    g_autofree char *none = gk_test_final_paragraph (document, "k.final-assets");

    g_assert_null (strstr (none, "主要是"));
  }
  g_assert_cmpstr (gk_final_facts_name ("vehicles-other-use"), ==, "其他用车主要是");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/final-findings/carryover-row", test_carryover_row);
  g_test_add_func ("/final-findings/carryover-refilled", test_carryover_refilled);
  g_test_add_func ("/final-findings/under-budget", test_under_budget);
  g_test_add_func ("/final-findings/describe-key", test_describe_key);
  g_test_add_func ("/final-findings/messages-name-words", test_messages_name_words);
  g_test_add_func ("/final-findings/other-vehicles", test_other_vehicles);

  return g_test_run ();
}
