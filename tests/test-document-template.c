/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-document-io.h"

#include "gk-test-common.h"
#include "gk-test-template.h"

/* gk_document_set_template: switching tables off and on, reordering and
 * retitling them, as one undoable action that loses no figure. */

#define TEST_ID "test-county"

static GkTemplate *
test_template (void)
{
  static GkTemplate *template;

  if (template == NULL)
    template = gk_test_install_template (TEST_ID, "测试县模板");
  return template;
}

/* A document of the test template with a figure in 表八 and in 表二. */
static GkDocument *
new_document (void)
{
  GkDocument *document = gk_document_new_blank_for_template (test_template (), "测试单位", 2024,
                                                             GK_MONEY_UNIT_WANYUAN);
  GkTable *sangong = gk_document_get_table (document, "sangong");
  GkTable *income = gk_document_get_table (document, "income");
  g_autoptr(GError) error = NULL;
  GkRow *row;

  g_assert_nonnull (sangong);
  g_assert_true (gk_document_set_amount_text (document, gk_table_get_single_row (sangong),
                                              gk_table_column_index (sangong, "reception"), "12.5", &error));
  g_assert_no_error (error);
  row = gk_document_add_row (document, income, "2010301", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gk_document_set_amount_text (document, row, gk_table_column_index (income, "general"), "300", &error));
  g_assert_no_error (error);
  return document;
}

static GkAmount
sangong_reception (GkDocument *document)
{
  GkTable *sangong = gk_document_get_table (document, "sangong");

  g_assert_nonnull (sangong);
  return gk_row_get_value (gk_table_get_single_row (sangong), gk_table_column_index (sangong, "reception"));
}

/* The template without 表八. */
static GkTemplate *
without_sangong (GkTemplate *template)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  GkTemplate *customised;

  for (guint i = 0; i < gk_template_get_n_tables (template); i++)
    if (!g_str_equal (gk_template_get_table (template, i)->id, "sangong"))
      g_ptr_array_add (roles, gk_template_get_table (template, i)->id);
  g_ptr_array_add (roles, NULL);
  customised = gk_template_customise (template, (const char * const *) roles->pdata, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (customised);
  return customised;
}

static void
test_switch_off_and_on (void)
{
  g_autoptr(GkDocument) document = new_document ();
  GkTemplate *full = gk_document_get_template (document);
  GkTemplate *off = without_sangong (full);
  GkTable *income = gk_document_get_table (document, "income");
  GkTestNotify notify;
  g_autoptr(GError) error = NULL;
  GkAmount expected = sangong_reception (document);

  g_assert_cmpint (expected, ==, 1250);
  gk_document_mark_saved (document);
  gk_test_notify_watch (&notify, document, "template");

  g_assert_true (gk_document_set_template (document, off, &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_get_template (document) == off);
  g_assert_cmpuint (notify.count, ==, 1);
  g_assert_null (gk_document_get_table (document, "sangong"));
  g_assert_cmpuint (gk_document_get_n_tables (document), ==, 7);
  g_assert_true (gk_document_has_set_aside_figures (document));
  g_assert_true (gk_document_get_modified (document));
  /* The tables kept are the same, figures and all. */
  g_assert_true (gk_document_get_table (document, "income") == income);
  g_assert_false (gk_table_is_empty (income));
  /* 表九 moved up one place and is numbered again. */
  {
    g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (gk_document_get_table (document, "fund-expenditure")));
    g_assert_cmpstr (label, ==, "表七");
  }

  /* Switched on again, 表八 comes back with its figure. */
  g_assert_true (gk_document_set_template (document, full, &error));
  g_assert_cmpint (sangong_reception (document), ==, expected);
  g_assert_false (gk_document_has_set_aside_figures (document));

  /* Each change is one undo step. */
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_get_template (document) == off);
  g_assert_null (gk_document_get_table (document, "sangong"));
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_get_template (document) == full);
  g_assert_cmpint (sangong_reception (document), ==, expected);
  g_assert_false (gk_document_get_modified (document));
  g_assert_true (gk_document_redo (document));
  g_assert_null (gk_document_get_table (document, "sangong"));
  g_assert_cmpuint (notify.count, ==, 5);

  /* The same template again changes nothing and records nothing. */
  g_assert_true (gk_document_set_template (document, off, &error));
  g_assert_cmpuint (notify.count, ==, 5);
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_get_template (document) == full);
  gk_test_notify_clear (&notify);
}

/* Reordered and retitled: the figures move with their tables and the
 * summaries are derived again. */
static void
test_reorder_retitle (void)
{
  g_autoptr(GkDocument) document = new_document ();
  GkTemplate *full = gk_document_get_template (document);
  static const char * const roles[] = {
    "sangong", "income-summary", "income", "expenditure", "fiscal-summary",
    "general-expenditure", "project-expenditure", "fund-expenditure", NULL
  };
  static const char * const titles[] = { NULL, NULL, "收入预算表", NULL, NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  GkTemplate *shaped;
  GkTable *summary;
  GkRow *general;

  /* 表八 first, 表二 retitled. */
  shaped = gk_template_customise (full, roles, titles, &error);
  g_assert_no_error (error);

  g_assert_true (gk_document_set_template (document, shaped, &error));
  g_assert_cmpstr (gk_table_get_id (gk_document_get_table_at (document, 0)), ==, "sangong");
  g_assert_cmpint (sangong_reception (document), ==, 1250);
  g_assert_cmpstr (gk_table_get_schema (gk_document_get_table (document, "income"))->title, ==, "收入预算表");
  {
    g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (gk_document_get_table (document, "income")));
    g_assert_cmpstr (label, ==, "表三");
  }
  summary = gk_document_get_table (document, "income-summary");
  general = gk_table_lookup_line (summary, "general");
  g_assert_nonnull (general);
  g_assert_cmpint (gk_row_get_value (general, 0), ==, 30000);
}

/* A template whose table of a role has other columns cannot take the
 * document's figures: refused, the document unchanged. */
static void
test_incompatible (void)
{
  g_autoptr(GkDocument) document = new_document ();
  g_autofree char *json = gk_test_template_json ("test-other", "列不同的模板");
  g_auto(GStrv) parts = g_strsplit (json, "\"abroad\"", -1);
  g_autofree char *renamed = NULL;
  GkTemplate *other;
  g_autoptr(GError) error = NULL;

  /* 表八's column of 因公出国（境）费 under another id. */
  g_assert_cmpuint (g_strv_length (parts), >, 2);
  renamed = g_strjoinv ("\"travel-abroad\"", parts);
  other = gk_template_new_from_data (renamed, &error);
  g_assert_no_error (error);

  g_assert_false (gk_document_set_template (document, other, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_true (gk_document_get_template (document) == test_template ());
  g_assert_cmpint (sangong_reception (document), ==, 1250);
  g_assert_cmpstr (gk_document_get_undo_label (document), !=, "Change Tables");
}

/* The file keeps the customisation. */
static void
test_save_reopen (void)
{
  g_autoptr(GkDocument) document = new_document ();
  g_autofree char *directory = g_dir_make_tmp ("gongkai-template-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "customised.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GkTemplate *off = without_sangong (gk_document_get_template (document));

  g_assert_true (gk_document_set_template (document, off, &error));
  g_assert_true (gk_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  reopened = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
  g_assert_true (gk_document_get_template (reopened) == off);
  g_assert_true (gk_template_get_base (gk_document_get_template (reopened)) == test_template ());
  g_assert_null (gk_document_get_table (reopened, "sangong"));
  g_assert_cmpuint (gk_document_get_n_tables (reopened), ==, 7);
  g_assert_false (gk_table_is_empty (gk_document_get_table (reopened, "income")));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gk_test_use_temporary_data_home ();

  g_test_add_func ("/document-template/switch-off-and-on", test_switch_off_and_on);
  g_test_add_func ("/document-template/reorder-retitle", test_reorder_retitle);
  g_test_add_func ("/document-template/incompatible", test_incompatible);
  g_test_add_func ("/document-template/save-reopen", test_save_reopen);

  return g_test_run ();
}
