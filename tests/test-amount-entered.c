/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-amount-entered.c — one rule for what an entered figure may be, held
 * by every path into a document and out of it */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gk-amount.h"
#include "gk-document.h"
#include "gk-document-io.h"
#include "gk-explanation.h"
#include "gk-prior.h"
#include "gk-xlsx-reader.h"
#include "gk-test-common.h"

static GkRow *
find_row (GkTable    *table,
          const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (table)); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);
      if (g_strcmp0 (gk_row_get_code (row), code) == 0)
        return row;
    }
  g_error ("no row %s", code);
}

static void
test_amount_entered_rule (void)
{
  g_autoptr(GError) error = NULL;
  GkAmount amount = 7;

  g_assert_true (gk_amount_check_entered (0, NULL));
  g_assert_true (gk_amount_check_entered (GK_AMOUNT_ENTERED_MAX, NULL));
  g_assert_false (gk_amount_check_entered (-1, &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_NEGATIVE);
  g_assert_nonnull (strstr (error->message, "-0.01"));
  g_clear_error (&error);
  g_assert_false (gk_amount_check_entered (G_MININT64, &error));
  g_clear_error (&error);

  g_assert_true (gk_amount_parse_entered ("1,234.5", &amount, NULL));
  g_assert_cmpint (amount, ==, 123450);
  g_assert_true (gk_amount_parse_entered ("-0", &amount, NULL));
  g_assert_cmpint (amount, ==, 0);
  amount = 7;
  g_assert_false (gk_amount_parse_entered ("-5", &amount, &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_NEGATIVE);
  g_assert_cmpint (amount, ==, 7);
  g_clear_error (&error);
  g_assert_false (gk_amount_parse_entered ("1.234", &amount, &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_PRECISION);
  g_clear_error (&error);
  g_assert_false (gk_amount_parse_entered ("92233720368547758.08", &amount, &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_OVERFLOW);
}

/* A negative figure never enters a cell, whichever path brings it, and
 * the message names the cell. */
static void
test_amount_negative_cell_refused (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTable *t2 = gk_document_get_table (document, "income");
  GkRow *row = find_row (t2, "2010301");
  int column = gk_table_column_index (t2, "general");
  GkAmount negative = -500, amount;
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_document_set_amount (document, row, column, &negative, &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_NEGATIVE);
  g_assert_nonnull (strstr (error->message, "表二"));
  g_assert_nonnull (strstr (error->message, "2010301"));
  g_assert_nonnull (strstr (error->message, "一般公共预算拨款"));
  g_assert_nonnull (strstr (error->message, "-5.00"));
  g_assert_true (gk_row_get_amount (row, column, &amount));
  g_assert_cmpint (amount, ==, 26506);
  g_assert_false (gk_document_can_undo (document));
}

/* The writer refuses what the reader would refuse, naming the place, and
 * leaves no file behind. */
static void
test_amount_writer_refuses_negative (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkProject) project = g_list_model_get_item (gk_document_get_projects (document), 0);
  g_autofree char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "negative.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_object_set (project, "other-funds", (gint64) -100, NULL);
  g_assert_false (gk_document_save (document, file, NULL, &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_NEGATIVE);
  g_assert_nonnull (strstr (error->message, "电子政务工作经费"));
  g_assert_nonnull (strstr (error->message, "other-funds"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* What serialising alone would give is indeed refused by the reader. */
  {
    g_autoptr(GBytes) bytes = gk_document_serialize (document);
    g_autoptr(GkDocument) reread = gk_document_load_from_data (g_bytes_get_data (bytes, NULL),
                                                               g_bytes_get_size (bytes), &error);
    g_assert_null (reread);
    g_assert_nonnull (strstr (error->message, "(in the file at $.projects[0].other-funds)"));
    g_clear_error (&error);
  }

  g_object_set (project, "other-funds", (gint64) 0, NULL);
  g_object_set (document, "year", 1980, NULL);
  g_assert_false (gk_document_save (document, file, NULL, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1980"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_object_set (document, "year", 2020, NULL);
  g_assert_true (gk_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A last year's figure the file could not hold is named as the text
 * names it, not by its key. */
static void
test_amount_writer_names_prior (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkExplanation *explanation = gk_document_get_explanation (document);
  GkPrior *prior = gk_explanation_lookup_prior (explanation, "function.2010301");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (prior);
  g_assert_true (gk_document_check_writable (document, &error));
  g_object_set (prior, "amount", (gint64) -100, NULL);
  g_assert_false (gk_document_check_writable (document, &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_NEGATIVE);
  g_assert_nonnull (strstr (error->message, "2010301 行政运行"));
  g_assert_null (strstr (error->message, "function.2010301"));
  g_clear_error (&error);

  /* A “三公” item, by its name. */
  g_object_set (prior, "amount", (gint64) 100, NULL);
  g_assert_true (gk_document_check_writable (document, NULL));
  prior = gk_explanation_lookup_prior (explanation, "sangong.reception");
  g_assert_nonnull (prior);
  g_object_set (prior, "amount", (gint64) -100, NULL);
  g_assert_false (gk_document_check_writable (document, &error));
  g_assert_nonnull (strstr (error->message, "公务接待费"));
  g_assert_null (strstr (error->message, "sangong.reception"));
}

/* xlsx-87-amount-neg.xlsx, xlsx-88-amount-paren.xlsx: "-5" and "(5.00)"
 * were imported, and the file saved from them could never be reopened.
 * Either the import refuses them or what it makes saves and reopens.
 * Today gk_document_set_amount() refuses the cell and the import reports
 * it; an import that checks each cell itself with gk_amount_check_entered()
 * names the workbook cell as well. */
static void
import_save_reopen (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "xlsx-negative", name, NULL);
  g_autofree char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
  g_autofree char *saved = g_build_filename (dir, "imported.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (saved);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_xlsx_import (path, report, &error);
  g_autoptr(GkDocument) reopened = NULL;

  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_test_message ("%s refused: %s", name, error->message);
      g_assert_no_errno (g_rmdir (dir));
      return;
    }
  /* The refused cell is reported with its place (the row of 表二). */
  g_assert_nonnull (strstr (report->str, "2010301"));
  if (!gk_document_save (document, file, NULL, &error))
    {
      g_test_message ("%s: the save is refused: %s", name, error->message);
      g_assert_no_errno (g_rmdir (dir));
      return;
    }
  reopened = gk_document_load (file, NULL, &error);
  if (reopened == NULL)
    g_error ("%s: saved, but cannot be reopened: %s", name, error->message);
  g_assert_no_errno (g_unlink (saved));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_amount_xlsx_negative_reopens (void)
{
  import_save_reopen ("amount-minus.xlsx");
  import_save_reopen ("amount-parentheses.xlsx");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/amount-entered/rule", test_amount_entered_rule);
  g_test_add_func ("/amount-entered/negative-cell-refused", test_amount_negative_cell_refused);
  g_test_add_func ("/amount-entered/writer-refuses-negative", test_amount_writer_refuses_negative);
  g_test_add_func ("/amount-entered/writer-names-prior", test_amount_writer_names_prior);
  g_test_add_func ("/amount-entered/xlsx-negative-reopens", test_amount_xlsx_negative_reopens);

  return g_test_run ();
}
