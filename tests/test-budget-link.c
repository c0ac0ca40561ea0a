/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-checker.h"
#include "gk-finding.h"
#include "gk-test-final.h"
#include "gk-test-run.h"

/* A 决算 tied to the same year's budget: every 年初预算 figure is the
 * budget file's, a budget of another year or unit is refused, the link is
 * one undoable action and a refresh keeps the reasons typed; the command
 * line does the same; the checks of a 决算 against its budget each find
 * what they are for. */

static GkDocument *
linked (GkDocument *budget)
{
  GkDocument *document = gk_test_final_document ("", gk_document_get_year (budget));
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (gk_document_link_budget (document, budget, "budget.gongkai", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 0);
  return document;
}

static void
test_every_figure (void)
{
  g_autoptr(GkDocument) budget = gk_test_load_sample ();
  g_autoptr(GkDocument) document = linked (budget);
  GkTable *general = gk_document_get_table (budget, "general-expenditure");
  GkTable *sangong = gk_document_get_table (budget, "sangong");
  GkTable *final_sangong = gk_document_get_table (document, "final-sangong");
  GkBudget *store = gk_document_get_budget (document);
  int total = gk_table_column_index (general, "total");
  guint n_items = 0;
  static const char * const items[] = { "total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception" };

  g_assert_cmpstr (gk_document_get_unit (document), ==, gk_document_get_unit (budget));
  g_assert_cmpstr (gk_budget_get_file (store), ==, "budget.gongkai");
  g_assert_cmpstr (gk_budget_get_unit (store), ==, gk_document_get_unit (budget));
  g_assert_cmpuint (gk_budget_get_year (store), ==, gk_document_get_year (budget));
  g_assert_cmpstr (gk_overview_get_functions (gk_document_get_overview (document)), ==,
                   gk_overview_get_functions (gk_document_get_overview (budget)));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (general)); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (general), i);
      g_autofree char *key = NULL;
      GkAmount amount = -1;

      if (gk_row_get_kind (row) != GK_ROW_KIND_ITEM)
        continue;
      key = g_strconcat ("general.", gk_row_get_code (row), NULL);
      g_assert_true (gk_budget_get_amount (store, key, &amount));
      g_assert_cmpint (amount, ==, gk_row_get_value (row, total));
      n_items++;
    }
  g_assert_cmpuint (n_items, >=, 3);
  {
    GkAmount amount = -1;
    GkAmount whole = 0;

    g_assert_true (gk_budget_get_amount (store, "general.total", &amount));
    g_assert_true (gk_table_get_column_total (general, total, &whole));
    g_assert_cmpint (amount, ==, whole);
  }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *key = g_strconcat ("sangong.", items[i], NULL);
      g_autofree char *column = g_strconcat (items[i], "-budget", NULL);
      GkAmount expected = gk_row_get_value (gk_table_get_single_row (sangong), gk_table_column_index (sangong, items[i]));
      GkAmount amount = -1;

      g_assert_true (gk_budget_get_amount (store, key, &amount));
      g_assert_cmpint (amount, ==, expected);
      g_assert_cmpint (gk_row_get_value (gk_table_get_single_row (final_sangong),
                                         gk_table_column_index (final_sangong, column)), ==, expected);
    }
}

static void
test_refusals (void)
{
  g_autoptr(GkDocument) budget = gk_test_load_sample ();
  g_autoptr(GkDocument) other_year = gk_test_final_document (gk_document_get_unit (budget), gk_document_get_year (budget) + 1);
  g_autoptr(GkDocument) other_unit = gk_test_final_document ("别的单位", gk_document_get_year (budget));
  g_autoptr(GError) error = NULL;
  g_autofree char *year = g_strdup_printf ("%u", gk_document_get_year (budget));

  g_assert_false (gk_document_link_budget (other_year, budget, "b.gongkai", NULL, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, year));
  g_assert_false (gk_budget_is_present (gk_document_get_budget (other_year)));
  g_assert_false (gk_document_can_undo (other_year));
  g_clear_error (&error);

  g_assert_false (gk_document_link_budget (other_unit, budget, "b.gongkai", NULL, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "别的单位"));
  g_assert_false (gk_budget_is_present (gk_document_get_budget (other_unit)));
}

static void
test_undo_refresh (void)
{
  g_autoptr(GkDocument) budget = gk_test_load_sample ();
  g_autoptr(GkDocument) document = gk_test_final_document ("", gk_document_get_year (budget));
  g_autoptr(GError) error = NULL;
  GkBudgetFigure *figure;
  GkAmount amount;

  g_assert_true (gk_document_link_budget (document, budget, "b.gongkai", NULL, &error));
  g_assert_true (gk_budget_is_present (gk_document_get_budget (document)));
  g_assert_true (gk_document_undo (document));
  g_assert_false (gk_budget_is_present (gk_document_get_budget (document)));
  g_assert_cmpstr (gk_document_get_unit (document), ==, "");
  g_assert_true (gk_document_redo (document));
  g_assert_true (gk_budget_get_amount (gk_document_get_budget (document), "general.total", &amount));

  /* A refresh keeps the reasons and purposes typed, and a figure the
   * budget lacks but that has a reason stays, at 0. */
  figure = gk_document_ensure_budget_figure (document, "general.total");
  gk_document_set_text (document, figure, "reason", "追加预算");
  gk_test_final_budget (document, "general.2299999", "5.00", "新增");
  gk_test_final_budget (document, "general.2290401", "5.00", NULL);
  g_assert_true (gk_document_link_budget (document, budget, "b.gongkai", NULL, &error));
  g_assert_cmpstr (gk_budget_get_reason (gk_document_get_budget (document), "general.total"), ==, "追加预算");
  g_assert_true (gk_budget_get_amount (gk_document_get_budget (document), "general.2299999", &amount));
  g_assert_cmpint (amount, ==, 0);
  g_assert_false (gk_budget_get_amount (gk_document_get_budget (document), "general.2290401", NULL));
}

/* The command line ------------------------------------------------------------ */

static char *
data_home (void)
{
  char *home = g_dir_make_tmp ("gk-budget-link-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (home, "gongkai", "templates", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "final", "final-test.json", NULL);
  g_autofree char *target = g_build_filename (dir, "final-test.json", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (target, contents, -1, NULL));
  return home;
}

static void
test_cli (void)
{
  g_autofree char *home = data_home ();
  g_autofree char *sample = gk_test_sample_path ();
  g_autofree char *out = g_build_filename (home, "final.gongkai", NULL);
  g_autoptr(GkDocument) budget = gk_test_load_sample ();
  g_autoptr(GkDocument) read = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong_year = g_strdup_printf ("%u", gk_document_get_year (budget) - 1);
  GkAmount amount;

  {
    g_auto(Run) run = { 0, };
    const char *args[] = { "--new", out, "--template", "final-test", "--budget", sample, NULL };

    gk_test_run_gongkai (home, home, &run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "budget figures filled"));
  }
  read = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_document_get_unit (read), ==, gk_document_get_unit (budget));
  g_assert_cmpuint (gk_document_get_year (read), ==, gk_document_get_year (budget));
  g_assert_true (gk_budget_get_amount (gk_document_get_budget (read), "sangong.total", &amount));
  g_assert_cmpstr (gk_budget_get_file (gk_document_get_budget (read)), ==, GK_TEST_SAMPLE_NAME);

  {
    g_auto(Run) run = { 0, };
    const char *args[] = { "--new", out, "--force", "--template", "final-test", "--budget", sample, "--year", wrong_year, NULL };

    gk_test_run_gongkai (home, home, &run, args);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "choose the budget of the same year"));
  }
  {
    g_auto(Run) run = { 0, };
    const char *args[] = { "--new", out, "--force", "--template", "final-test", "--budget", sample, "--unit", "别的单位", NULL };

    gk_test_run_gongkai (home, home, &run, args);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "choose the budget of the same unit"));
  }
  {
    g_auto(Run) run = { 0, };
    const char *args[] = { "--new", out, "--force", "--template", "xinjiang-2020", "--budget", sample, NULL };

    gk_test_run_gongkai (home, home, &run, args);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "has no final-accounts tables"));
  }
  {
    g_auto(Run) run = { 0, };
    const char *args[] = { "--new", out, "--force", "--template", "final-test", "--budget", "missing.gongkai", NULL };

    gk_test_run_gongkai (home, home, &run, args);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "missing.gongkai"));
  }
  gk_test_remove_tree (home);
}

/* The checks ------------------------------------------------------------------ */

static GkFinding *
finding_of (GkChecker  *checker,
            const char *rule)
{
  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (g_str_equal (gk_finding_get_rule_id (finding), rule))
        return finding;
    }
  return NULL;
}

static void
test_checks (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkFinding *finding;

  gk_test_final_budget (document, "sangong.abroad", "10.00", NULL);
  gk_test_final_set (document, "final-sangong", NULL, "abroad-budget", "10.00");
  gk_test_final_budget (document, "general.2010101", "50.00", NULL);
  gk_test_final_set (document, "final-general", "2010101", "basic", "50.00");
  g_assert_null (finding_of (checker, "final.budget-figure"));
  g_assert_cmpuint (gk_checker_count_rule (checker, "final.budget-figure"), ==, 0);
  g_assert_null (finding_of (checker, "final.over-budget"));

  /* A 预算数 typed over the budget's. */
  gk_test_final_set (document, "final-sangong", NULL, "abroad-budget", "12.00");
  finding = finding_of (checker, "final.budget-figure");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "12.00万元"));
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "10.00万元"));
  gk_test_final_set (document, "final-sangong", NULL, "abroad-budget", "10.00");
  g_assert_null (finding_of (checker, "final.budget-figure"));

  /* Over budget without a reason: a warning until one is typed. */
  gk_test_final_set (document, "final-general", "2010101", "basic", "60.00");
  finding = finding_of (checker, "final.over-budget");
  g_assert_nonnull (finding);
  g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_WARNING);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "60.00万元"));
  gk_document_set_text (document, gk_document_ensure_budget_figure (document, "general.2010101"), "reason", "追加");
  g_assert_null (finding_of (checker, "final.over-budget"));

  /* A 年初预算 and a 完成率 written by hand. */
  gk_test_final_budget (document, "general.total", "50.00", NULL);
  gk_document_set_hand_written (document, "k.final-general.budget",
                                "一般公共预算财政拨款支出年初预算为50.00万元，支出决算为60.00万元，完成年初预算的120.00%。");
  g_assert_null (finding_of (checker, "final.budget-figure"));
  g_assert_null (finding_of (checker, "final.completion-rate"));
  gk_document_set_hand_written (document, "k.final-general.budget",
                                "一般公共预算财政拨款支出年初预算为55.00万元，支出决算为60.00万元，完成年初预算的110.00%。");
  finding = finding_of (checker, "final.budget-figure");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "55.00万元"));
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "50.00万元"));
  finding = finding_of (checker, "final.completion-rate");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "109.09%"));

  /* Last year's 年末 is this year's 年初. */
  gk_document_add_row (document, gk_document_get_table (document, "final-fund"), "2120801", "征地和拆迁补偿支出", NULL);
  gk_test_final_set (document, "final-fund", "2120801", "opening", "3.00");
  gk_test_final_prior (document, "closing.fund", "3.00", NULL);
  g_assert_null (finding_of (checker, "final.carryover"));
  gk_test_final_prior (document, "closing.fund", "4.00", NULL);
  finding = finding_of (checker, "final.carryover");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "4.00万元"));
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "3.00万元"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/budget-link/every-figure", test_every_figure);
  g_test_add_func ("/budget-link/refusals", test_refusals);
  g_test_add_func ("/budget-link/undo-refresh", test_undo_refresh);
  g_test_add_func ("/budget-link/cli", test_cli);
  g_test_add_func ("/budget-link/checks", test_checks);
  return g_test_run ();
}
