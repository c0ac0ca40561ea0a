/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-document-io.h"

#include "gk-test-common.h"

static GkAmount
total_of (GkDocument *document,
          const char *table_id)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GkAmount amount = 0;

  gk_table_get_column_total (table, gk_table_column_index (table, "total"), &amount);
  return amount;
}

/* 万元 → 元 is exact, and back again gives the same document. */
static void
test_convert_exact (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GBytes) before = gk_document_serialize (document);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;
  GkPrior *prior;
  guint rounded = 99;

  g_assert_true (gk_document_convert_money_unit (document, GK_MONEY_UNIT_YUAN, &rounded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rounded, ==, 0);
  g_assert_cmpint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_YUAN);
  g_assert_cmpint (total_of (document, "expenditure"), ==, G_GINT64_CONSTANT (355080000));
  g_assert_cmpint (total_of (document, "project-expenditure"), ==, G_GINT64_CONSTANT (71000000));
  prior = gk_explanation_lookup_prior (gk_document_get_explanation (document), "income.general");
  g_assert_cmpint (gk_prior_get_amount (prior), ==, G_GINT64_CONSTANT (434220000));
  /* An area is not money. */
  g_assert_cmpint (gk_explanation_get_amount (gk_document_get_explanation (document), "building-area"), ==, 0);

  g_assert_true (gk_document_convert_money_unit (document, GK_MONEY_UNIT_WANYUAN, &rounded, &error));
  g_assert_cmpuint (rounded, ==, 0);
  back = gk_document_serialize (document);
  g_assert_true (g_bytes_equal (before, back));
}

/* 元 → 万元 rounds, says how many amounts it rounded, and undoes whole. */
static void
test_convert_rounding (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2021, GK_MONEY_UNIT_YUAN);
  g_autoptr(GError) error = NULL;
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  GkRow *row;
  GkAmount amount;
  guint rounded = 0;

  row = gk_document_add_row (document, t3, "2010301", NULL, &error);
  g_assert_no_error (error);
  gk_document_set_amount_text (document, row, gk_table_column_index (t3, "basic"), "12345.67", &error);
  g_assert_no_error (error);

  g_assert_true (gk_document_convert_money_unit (document, GK_MONEY_UNIT_WANYUAN, &rounded, &error));
  g_assert_cmpuint (rounded, ==, 1);
  g_assert_true (gk_row_get_amount (row, gk_table_column_index (t3, "basic"), &amount));
  g_assert_cmpint (amount, ==, 123);   /* 1.23 万元 */

  g_assert_true (gk_document_undo (document));
  g_assert_cmpint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_YUAN);
  g_assert_true (gk_row_get_amount (row, gk_table_column_index (t3, "basic"), &amount));
  g_assert_cmpint (amount, ==, 1234567);
}

/* An amount that cannot be written in 元 stops the conversion before
 * anything changes. */
static void
test_convert_overflow (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2021, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GError) error = NULL;
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  GkRow *small, *huge;
  GkAmount amount;

  small = gk_document_add_row (document, t3, "2010301", NULL, &error);
  huge = gk_document_add_row (document, t3, "2010302", NULL, &error);
  g_assert_no_error (error);
  gk_document_set_amount_text (document, small, 1, "1.00", &error);
  gk_document_set_amount_text (document, huge, 1, "9000000000000000.00", &error);
  g_assert_no_error (error);

  g_assert_false (gk_document_convert_money_unit (document, GK_MONEY_UNIT_YUAN, NULL, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_OVERFLOW);
  g_assert_cmpint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_WANYUAN);
  g_assert_true (gk_row_get_amount (small, 1, &amount));
  g_assert_cmpint (amount, ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/convert/exact", test_convert_exact);
  g_test_add_func ("/convert/rounding", test_convert_rounding);
  g_test_add_func ("/convert/overflow", test_convert_overflow);

  return g_test_run ();
}
