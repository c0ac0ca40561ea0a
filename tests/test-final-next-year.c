/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-checker.h"
#include "gk-test-document.h"

/* Next year's 决算 begun from this year's: what this year ended with
 * (年末结转和结余) is what next year begins with (年初), source by source
 * and row by row, and this year's 决算 figures are its last-year figures. */

#define FINAL_SAMPLE "zhashui-county-audit-bureau-2020-final.gongkai"
#define FUND_CODE "2296002"

static char *
final_path (void)
{
  return g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "final", FINAL_SAMPLE, NULL);
}

static GkDocument *
load_final (void)
{
  g_autofree char *path = final_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static GkDocument *
copy_of (GkDocument *document)
{
  g_autoptr(GBytes) bytes = gk_document_serialize (document);
  g_autoptr(GError) error = NULL;
  GkDocument *copy = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  return copy;
}

static GkAmount
prior (GkDocument *document,
       const char *key)
{
  GkPrior *p = gk_explanation_lookup_prior (gk_document_get_explanation (document), key);

  if (p == NULL)
    g_error ("no last-year figure %s", key);
  g_assert_cmpstr (gk_prior_get_basis (p), ==, GK_PRIOR_BASIS_ACTUAL);
  return gk_prior_get_amount (p);
}

static GkAmount
line (GkDocument *document,
      const char *role,
      const char *line_id,
      const char *column_id)
{
  GkTable *table = gk_document_get_table (document, role);
  GkRow *row = gk_table_lookup_line (table, line_id);

  g_assert_nonnull (row);
  return gk_row_get_value (row, column (table, column_id));
}

static GkAmount
cell (GkDocument *document,
      const char *role,
      const char *code,
      const char *column_id)
{
  GkTable *table = gk_document_get_table (document, role);

  return gk_row_get_value (gk_table_lookup (table, code), column (table, column_id));
}

/* The sample with money in a 政府性基金 row, so that a row carries over. */
static GkDocument *
final_with_fund (void)
{
  GkDocument *document = load_final ();
  GkTable *fund = gk_document_get_table (document, "final-fund");
  g_autoptr(GError) error = NULL;
  GkRow *row = gk_document_add_row (document, fund, FUND_CODE, "用于社会福利的彩票公益金支出", &error);
  GkAmount opening = 100, income = 500, basic = 200;

  g_assert_no_error (error);
  g_assert_nonnull (row);
  g_assert_true (gk_document_set_amount (document, row, column (fund, "opening"), &opening, NULL));
  g_assert_true (gk_document_set_amount (document, row, column (fund, "income"), &income, NULL));
  g_assert_true (gk_document_set_amount (document, row, column (fund, "basic"), &basic, NULL));
  g_assert_cmpint (cell (document, "final-fund", FUND_CODE, "closing"), ==, 400);
  return document;
}

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
assert_carried (GkDocument *next,
                GkDocument *this_year)
{
  g_assert_cmpint (line (next, "final-summary", "opening", "amount"), ==,
                   line (this_year, "final-summary", "closing", "amount"));
  g_assert_cmpint (line (next, "final-fiscal-summary", "opening-general", "total"), ==,
                   line (this_year, "final-fiscal-summary", "closing", "general"));
  g_assert_cmpint (cell (next, "final-fund", FUND_CODE, "opening"), ==, 400);
  g_assert_cmpint (prior (next, "closing.fund"), ==, 400);
  g_assert_cmpint (prior (next, "closing.capital"), ==, 0);
}

static void
test_next_year (void)
{
  g_autoptr(GkDocument) this_year = final_with_fund ();
  g_autoptr(GkDocument) next = copy_of (this_year);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GkFinalFacts *facts;

  g_assert_true (gk_document_start_next_year (next, this_year, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gk_document_get_year (next), ==, 2021);
  g_assert_true (gk_document_get_template (next) == gk_document_get_template (this_year));

  /* The sample ends 2020 with 15.30 left: next year begins with it. */
  g_assert_cmpint (line (this_year, "final-summary", "closing", "amount"), !=, 0);
  assert_carried (next, this_year);

  /* This year's 决算 figures are next year's last-year figures. */
  g_assert_cmpint (prior (next, "final.total"), ==, line (this_year, "final-summary", "grand-total", "amount"));
  g_assert_cmpint (prior (next, "final.fiscal"), ==, line (this_year, "final-fiscal-summary", "grand-total", "total"));
  {
    GkTable *general = gk_document_get_table (this_year, "final-general");
    GkAmount amount = 0;

    g_assert_true (gk_table_get_column_total (general, column (general, "total"), &amount));
    g_assert_cmpint (prior (next, "general.total"), ==, amount);
  }
  g_assert_cmpint (prior (next, "sangong.total"), ==, 560);
  g_assert_cmpint (prior (next, "sangong.abroad"), ==, 0);
  g_assert_cmpint (prior (next, "sangong.vehicle"), ==, 450);
  g_assert_cmpint (prior (next, "sangong.reception"), ==, 110);
  g_assert_cmpint (prior (next, "running-costs"), !=, 0);

  /* No figure of next year's own. */
  g_assert_cmpint (line (next, "final-summary", "general", "amount"), ==, 0);
  g_assert_cmpint (line (next, "final-summary", "grand-total", "amount"), ==,
                   line (this_year, "final-summary", "closing", "amount"));
  g_assert_false (gk_row_get_amount (gk_table_get_single_row (gk_document_get_table (next, "final-sangong")),
                                     column (gk_document_get_table (next, "final-sangong"), "reception-final"), NULL));
  g_assert_cmpint (cell (next, "final-fund", FUND_CODE, "income"), ==, 0);
  facts = gk_document_get_final_facts (next);
  g_assert_cmpint (gk_final_facts_get_count (facts, "sangong-reception-batches"), ==, -1);
  g_assert_cmpint (gk_final_facts_get_count (facts, "performance-excellent"), ==, -1);
  g_assert_false (gk_final_facts_is_set (facts, "procurement-goods"));
  g_assert_cmpstr (gk_final_facts_get_text (facts, "performance-rules"), ==,
                   gk_final_facts_get_text (gk_document_get_final_facts (this_year), "performance-rules"));

  /* Its 年初预算 is next year's budget, linked when there is one. */
  g_assert_false (gk_budget_is_present (gk_document_get_budget (next)));

  /* Clean under final.carryover, and a changed 年初 is found. */
  {
    g_autoptr(GkChecker) checker = gk_checker_new (next);
    GkRow *row = gk_table_lookup (gk_document_get_table (next, "final-fund"), FUND_CODE);
    GkAmount changed = 300;

    g_assert_null (finding_of (checker, "final.carryover"));
    g_assert_true (gk_document_set_amount (next, row, column (gk_document_get_table (next, "final-fund"), "opening"),
                                           &changed, NULL));
    g_assert_nonnull (finding_of (checker, "final.carryover"));
  }
}

/* Fill from Last Year in a 决算 takes last year's 决算, as one step. */
static void
test_fill (void)
{
  g_autoptr(GkDocument) last_year = final_with_fund ();
  g_autoptr(GkDocument) document = copy_of (last_year);
  g_autoptr(GError) error = NULL;
  GkAmount typed = line (document, "final-summary", "opening", "amount");

  g_object_set (document, "year", 2021, NULL);
  g_assert_false (gk_document_can_undo (document));
  g_assert_true (gk_document_fill_prior_year (document, last_year, NULL, &error));
  g_assert_no_error (error);
  assert_carried (document, last_year);
  g_assert_true (gk_document_can_undo (document));
  gk_document_undo (document);
  g_assert_false (gk_document_can_undo (document));
  g_assert_cmpint (line (document, "final-summary", "opening", "amount"), ==, typed);
  g_assert_cmpint (cell (document, "final-fund", FUND_CODE, "opening"), ==, 100);
}

/* A row last year ended with money in that this year's table lacks is
 * named: that money must be placed by hand. */
static void
test_unmatched (void)
{
  g_autoptr(GkDocument) last_year = final_with_fund ();
  g_autoptr(GkDocument) document = load_final ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (document, "year", 2021, NULL);
  g_assert_true (gk_document_fill_prior_year (document, last_year, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, FUND_CODE));
  g_assert_nonnull (strstr (report->str, "4.00"));
  /* What last year left is still last year's 年末, so the check still
   * tells this year's 年初 lacks it. */
  g_assert_cmpint (prior (document, "closing.fund"), ==, 400);
  {
    g_autoptr(GkChecker) checker = gk_checker_new (document);

    g_assert_nonnull (finding_of (checker, "final.carryover"));
  }
}

/* A budget is no 决算's last year, nor a 决算 a budget's. */
static void
test_refused (void)
{
  g_autoptr(GkDocument) final = load_final ();
  g_autoptr(GkDocument) budget = load_sample ();
  g_autoptr(GError) error = NULL;

  g_object_set (final, "year", 2021, NULL);
  g_assert_false (gk_document_fill_prior_year (final, budget, NULL, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "final accounts"));
  g_assert_null (gk_explanation_lookup_prior (gk_document_get_explanation (final), "closing.fund"));
  g_clear_error (&error);

  g_object_set (final, "year", 2020, NULL);
  g_object_set (budget, "year", 2021, NULL);
  g_assert_false (gk_document_fill_prior_year (budget, final, NULL, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "budget"));
}

static void
test_cli (void)
{
  const char *gongkai = g_getenv ("GK_GONGKAI");
  g_autofree char *sample = final_path ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-final-next-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "2021.gongkai", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) this_year = load_final ();
  g_autoptr(GkDocument) next = NULL;
  int status;

  if (gongkai == NULL)
    {
      g_test_skip ("GK_GONGKAI is not set");
      return;
    }
  {
    const char *argv[] = { gongkai, "--next-year", sample, out, NULL };
    g_autofree char *o = NULL;
    g_autofree char *e = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &o, &e, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    g_autoptr(GFile) file = g_file_new_for_path (out);

    next = gk_document_load (file, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (gk_document_get_year (next), ==, 2021);
  g_assert_cmpint (line (next, "final-summary", "opening", "amount"), ==,
                   line (this_year, "final-summary", "closing", "amount"));
  g_assert_cmpint (prior (next, "closing.fund"), ==, 0);
  {
    const char *argv[] = { gongkai, "--check", out, NULL };
    g_autofree char *o = NULL;
    g_autofree char *e = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &o, &e, &status, &error);
    g_assert_no_error (error);
    g_test_message ("%s", o);
    g_assert_null (strstr (o, "年初结转和结余 is"));
    g_assert_null (strstr (o, "final.carryover"));
    g_assert_null (strstr (o, "final.budget-figure"));
  }
  g_unlink (out);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/final-next-year/model", test_next_year);
  g_test_add_func ("/final-next-year/fill", test_fill);
  g_test_add_func ("/final-next-year/unmatched", test_unmatched);
  g_test_add_func ("/final-next-year/refused", test_refused);
  g_test_add_func ("/final-next-year/cli", test_cli);
  return g_test_run ();
}
