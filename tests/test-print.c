/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "gk-application.h"
#include "gk-disclosure-layout.h"
#include "gk-document-io.h"
#include "gk-window.h"
#include "gk-xlsx-reader.h"

#define GK_TEST_DEADLINE_SECONDS 60
#include "gk-test-common.h"

/* Print… prints the disclosure with the PDF's own layout, landscape pages
 * and all; Import Excel… opens a workbook as a new unsaved document. */

/* Closes @window and every other window of @app (the dialogs), so that
 * the application quits and @window is finalized. */
static void
close_all (GkApplication *app,
           GkWindow      *window)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; )
    {
      GtkWindow *other = l->data;

      l = l->next;
      if (other != GTK_WINDOW (window))
        gtk_window_destroy (other);
    }
  gk_test_destroy_window (window);
}

/* Print operation ------------------------------------------------------------ */

static void
window_print_operation_create_destroy (GkApplication *app,
                                       GkWindow      *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkPrintOperation *operation;

  gk_window_set_document (window, document, NULL);
  operation = gk_window_create_print_operation (window);
  g_assert_true (GTK_IS_PRINT_OPERATION (operation));
  g_assert_finalize_object (operation);
  close_all (app, window);
}

static void
test_print_operation_create_destroy (void)
{
  gk_test_run_window (window_print_operation_create_destroy);
}

/* "Page    3 size: 841.89 x 595.276 pts (A4)" and "Page    3 rot:  0"
 * lines of pdfinfo, as one flag per page: landscape as seen by a reader. */
static GArray *
pdf_landscape_pages (const char *path,
                     guint       n_pages)
{
  g_autofree char *argv0 = g_find_program_in_path ("pdfinfo");
  g_autofree char *last = g_strdup_printf ("%u", n_pages);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GArray *landscape = g_array_new (FALSE, TRUE, sizeof (gboolean));
  int status;

  g_assert_nonnull (argv0);
  {
    const char *argv[] = { argv0, "-f", "1", "-l", last, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  g_array_set_size (landscape, n_pages);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint page;
      double width, height;
      int rotation;

      if (sscanf (lines[i], "Page %u size: %lf x %lf", &page, &width, &height) == 3)
        {
          g_assert_cmpuint (page, >=, 1);
          g_assert_cmpuint (page, <=, n_pages);
          g_array_index (landscape, gboolean, page - 1) ^= width > height;
        }
      else if (sscanf (lines[i], "Page %u rot: %d", &page, &rotation) == 2 && rotation % 180 != 0)
        {
          g_assert_cmpuint (page, >=, 1);
          g_assert_cmpuint (page, <=, n_pages);
          g_array_index (landscape, gboolean, page - 1) ^= TRUE;
        }
    }
  return landscape;
}

static guint
pdf_count_pages (const char *path)
{
  g_autofree char *argv0 = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { argv0, path, NULL };
  const char *pages;
  int status;

  g_assert_nonnull (argv0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* Printed to a PDF, the disclosure has the pages of the PDF export, each
 * portrait or landscape as the layout has it. */
static void
window_prints (GkApplication *app,
               GkWindow      *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkPdfOptions options = { FALSE, NULL, NULL };
  g_autoptr(GkPageLayout) layout = gk_disclosure_layout_new (document, &options);
  g_autofree char *dir = g_dir_make_tmp ("gk-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GArray) landscape = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  guint n_pages = gk_page_layout_get_n_pages (layout);
  guint n_landscape = 0;

  gk_window_set_document (window, document, NULL);

  operation = gk_window_create_print_operation (window);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_assert_cmpuint (n_pages, >=, 5);
  g_assert_cmpuint (pdf_count_pages (path), ==, n_pages);
  landscape = pdf_landscape_pages (path, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      gboolean expected = gk_page_layout_get_orientation (layout, i) == GK_PAGE_LANDSCAPE;

      if (g_array_index (landscape, gboolean, i) != expected)
        g_error ("page %u printed %s, laid out %s", i + 1,
                 g_array_index (landscape, gboolean, i) ? "landscape" : "portrait",
                 expected ? "landscape" : "portrait");
      n_landscape += expected;
    }
  /* The sample has wide tables; without them the test proves nothing. */
  g_assert_cmpuint (n_landscape, >, 0);
  g_assert_cmpuint (n_landscape, <, n_pages);

  g_unlink (path);
  g_rmdir (dir);
  close_all (app, window);
}

static void
test_print_export (void)
{
  gk_test_run_window (window_prints);
}

/* Import -------------------------------------------------------------------- */

typedef struct
{
  gboolean  done;
  GkWindow *window;
  GError   *error;
} ImportResult;

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportResult *r = user_data;

  r->window = gk_window_import_xlsx_finish (GK_WINDOW (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
import_finished (gpointer data)
{
  return ((ImportResult *) data)->done;
}

static GFile *
workbook (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "xlsx",
                                            name, NULL);

  return g_file_new_for_path (path);
}

/* 表三 合计 of the published disclosure, 355.08 万元, in the workbook's 元. */
#define EXPECTED_T3_TOTAL G_GINT64_CONSTANT (355080000)

/* The workbook becomes a new document in the empty window, unsaved, with
 * its figures; the report is shown. */
static void
window_imports (GkApplication *app,
                GkWindow      *window)
{
  g_autoptr(GFile) file = workbook ("budget-system-yuan.xlsx");
  ImportResult result = { 0 };
  GkDocument *document;
  GkTable *t3;
  g_autoptr(GkRow) total = NULL;
  GkAmount amount;
  GtkWidget *dialog;

  gk_window_import_xlsx_async (window, file, NULL, import_done, &result);
  gk_test_iterate_until (import_finished, &result);
  g_assert_no_error (result.error);
  g_assert_true (result.window == window);
  g_object_unref (result.window);

  document = gk_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_null (gk_window_get_file (window));
  g_assert_true (gk_window_get_modified (window));
  g_assert_cmpint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_YUAN);
  g_assert_cmpstr (gk_document_get_unit (document), ==, "乌鲁木齐县人民政府办公室");

  t3 = gk_document_get_table (document, "expenditure");
  total = g_list_model_get_item (G_LIST_MODEL (t3), g_list_model_get_n_items (G_LIST_MODEL (t3)) - 1);
  g_assert_cmpint (gk_row_get_kind (total), ==, GK_ROW_KIND_TOTAL);
  g_assert_true (gk_row_get_amount (total, gk_table_column_index (t3, "total"), &amount));
  g_assert_cmpint (amount, ==, EXPECTED_T3_TOTAL);

  dialog = gk_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                            "budget-system-yuan.xlsx"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gk_test_iterate_until (gk_test_no_message_dialog, NULL);

  /* A window that shows a document leaves it alone: the next import gets
   * a window of its own. */
  result = (ImportResult) { 0 };
  gk_window_import_xlsx_async (window, file, NULL, import_done, &result);
  gk_test_iterate_until (import_finished, &result);
  g_assert_no_error (result.error);
  g_assert_true (GK_IS_WINDOW (result.window));
  g_assert_true (result.window != window);
  g_assert_true (gk_window_get_document (window) == document);
  g_assert_true (gk_window_get_modified (result.window));
  g_object_unref (result.window);

  close_all (app, window);
}

static void
test_import (void)
{
  gk_test_run_window (window_imports);
}

/* What is not a workbook is refused, and the dialog says why. */
static void
window_import_fails (GkApplication *app,
                     GkWindow      *window)
{
  g_autoptr(GFile) file = workbook ("not-a-workbook.xlsx");
  ImportResult result = { 0 };

  gk_window_import_xlsx_async (window, file, NULL, import_done, &result);
  gk_test_iterate_until (import_finished, &result);
  g_assert_null (result.window);
  g_assert_error (result.error, GK_XLSX_ERROR, GK_XLSX_ERROR_NOT_WORKBOOK);
  g_assert_null (gk_window_get_document (window));
  g_assert_nonnull (gk_test_find_message_dialog ());
  g_clear_error (&result.error);
  close_all (app, window);
}

static void
test_import_fails (void)
{
  gk_test_run_window (window_import_fails);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/print/create-destroy", test_print_operation_create_destroy);
  g_test_add_func ("/print/export", test_print_export);
  g_test_add_func ("/import-xlsx/budget-system", test_import);
  g_test_add_func ("/import-xlsx/not-a-workbook", test_import_fails);

  return g_test_run ();
}
