/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-document-io.h"

static GkDocument *
load_sample (guint year)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "data", "samples",
                                            "urumqi-county-government-office-2020.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_object_set (document, "year", year, NULL);
  return document;
}

/* This year's document with none of its prior-year figures, so every one
 * found afterwards was filled in. */
static GkDocument *
load_this_year (void)
{
  GkDocument *document = load_sample (2020);
  GListModel *priors = gk_explanation_get_priors (gk_document_get_explanation (document));

  while (g_list_model_get_n_items (priors) > 0)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (priors, 0);

      gk_document_remove_prior (document, gk_prior_get_key (prior));
    }
  return document;
}

static guint
n_priors (GkDocument *document)
{
  return g_list_model_get_n_items (gk_explanation_get_priors (gk_document_get_explanation (document)));
}

static void
assert_prior (GkDocument *document,
              const char *key,
              GkAmount    amount)
{
  GkPrior *prior = gk_explanation_lookup_prior (gk_document_get_explanation (document), key);

  g_assert_nonnull (prior);
  g_assert_cmpint (gk_prior_get_amount (prior), ==, amount);
  g_assert_cmpstr (gk_prior_get_basis (prior), ==, GK_PRIOR_BASIS_BUDGET);
}

static void
test_prior_fill_figures (void)
{
  g_autoptr(GkDocument) last_year = load_sample (2019);
  g_autoptr(GkDocument) document = load_this_year ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_priors (document), ==, 0);
  g_assert_true (gk_document_fill_prior_year (document, last_year, report, &error));
  g_assert_no_error (error);

  assert_prior (document, "income.general", 35508);
  assert_prior (document, "expenditure.basic", 28408);
  assert_prior (document, "expenditure.project", 7100);
  assert_prior (document, "general.total", 35508);
  assert_prior (document, "function.2010301", 26506);
  assert_prior (document, "sangong.vehicle-operation", 4860);
  assert_prior (document, "running-costs", 5853);
  /* Columns entered in neither year get no figure. */
  g_assert_null (gk_explanation_lookup_prior (gk_document_get_explanation (document),
                                              "income.fund"));
  /* Every 项 of the sample is in last year's, and every project too. */
  g_assert_null (strstr (report->str, "表五"));
  g_assert_null (strstr (report->str, "new this year"));

  g_assert_cmpstr (gk_document_get_undo_label (document), ==, "Fill from Last Year");
  g_assert_true (gk_document_undo (document));
  g_assert_cmpuint (n_priors (document), ==, 0);
}

/* Each economic 类 of 基本支出 as last year's table had it, a 类 it did
 * not have at 0, and 政府采购 as last year's explanation stated it. */
static void
test_prior_fill_basic_procurement (void)
{
  g_autoptr(GkDocument) last_year = load_sample (2019);
  g_autoptr(GkDocument) document = load_this_year ();
  g_autoptr(GError) error = NULL;
  GkTable *last_basic = gk_document_get_table (last_year, "basic-expenditure");
  GkTable *basic = gk_document_get_table (document, "basic-expenditure");
  GListModel *roots = gk_table_get_roots (last_basic);
  int total = gk_table_column_index (last_basic, "total");

  g_assert_null (gk_table_lookup (last_basic, "310"));
  gk_document_add_row (document, basic, "31002", NULL, &error);
  g_assert_no_error (error);
  gk_document_set_int (last_year, gk_document_get_explanation (last_year), "procurement-services", 250);
  g_assert_true (gk_document_fill_prior_year (document, last_year, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (roots), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
      g_autofree char *key = g_strconcat ("basic.", gk_row_get_code (row), NULL);

      assert_prior (document, key, gk_row_get_value (row, total));
    }
  assert_prior (document, "basic.310", 0);
  assert_prior (document, "procurement.total", 950);
  assert_prior (document, "procurement.goods", 700);
  assert_prior (document, "procurement.works", 0);
  assert_prior (document, "procurement.services", 250);
  /* Last year stated no 全口径 “三公”经费: nothing to compare with. */
  g_assert_null (gk_explanation_lookup_prior (gk_document_get_explanation (document), "sangong-all.total"));
}

/* A reason already written survives the fill. */
static void
test_prior_fill_keeps_reason (void)
{
  g_autoptr(GkDocument) last_year = load_sample (2019);
  g_autoptr(GkDocument) document = load_this_year ();
  g_autoptr(GError) error = NULL;
  GkPrior *prior = gk_document_ensure_prior (document, "general.total");

  gk_document_set_text (document, prior, "reason", "人员调整");
  gk_document_set_text (document, prior, "basis", GK_PRIOR_BASIS_ACTUAL);
  g_assert_true (gk_document_fill_prior_year (document, last_year, NULL, &error));
  g_assert_no_error (error);
  assert_prior (document, "general.total", 35508);
  g_assert_cmpstr (gk_prior_get_reason (prior), ==, "人员调整");
}

static void
test_prior_fill_unmatched (void)
{
  g_autoptr(GkDocument) last_year = load_sample (2019);
  g_autoptr(GkDocument) document = load_this_year ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GkTable *table = gk_document_get_table (document, "general-expenditure");
  GkAmount amount = 1000;
  GkRow *row;

  row = gk_document_add_row (document, table, "2010302", "一般行政管理事务", &error);
  g_assert_no_error (error);
  g_assert_nonnull (row);
  g_assert_true (gk_document_set_amount (document, row, gk_table_column_index (table, "basic"),
                                         &amount, &error));
  g_assert_no_error (error);

  g_assert_true (gk_document_fill_prior_year (document, last_year, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "2010302 一般行政管理事务: not in last year’s 表五 一般公共预算支出情况表"));
  g_assert_null (gk_explanation_lookup_prior (gk_document_get_explanation (document),
                                              "function.2010302"));
  assert_prior (document, "function.2010301", 26506);
}

static void
test_prior_fill_refuses (void)
{
  g_autoptr(GkDocument) last_year = load_sample (2019);
  g_autoptr(GkDocument) two_years = load_sample (2018);
  g_autoptr(GkDocument) document = load_this_year ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (last_year, "money-unit", (guint) GK_MONEY_UNIT_YUAN, NULL);
  g_assert_false (gk_document_fill_prior_year (document, last_year, report, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_cmpuint (n_priors (document), ==, 0);
  g_clear_error (&error);

  g_assert_false (gk_document_fill_prior_year (document, two_years, report, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2018"));
  g_assert_nonnull (strstr (error->message, "2019"));
  g_assert_cmpuint (n_priors (document), ==, 0);
  g_assert_cmpstr (report->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prior-fill/figures", test_prior_fill_figures);
  g_test_add_func ("/prior-fill/keeps-reason", test_prior_fill_keeps_reason);
  g_test_add_func ("/prior-fill/basic-procurement", test_prior_fill_basic_procurement);
  g_test_add_func ("/prior-fill/unmatched", test_prior_fill_unmatched);
  g_test_add_func ("/prior-fill/refuses", test_prior_fill_refuses);

  return g_test_run ();
}
