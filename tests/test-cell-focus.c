/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-application.h"
#include "gk-document-io.h"
#include "gk-summary-line.h"
#include "gk-table-page.h"
#include "gk-window.h"

#define GK_TEST_DEADLINE_SECONDS 30
#include "gk-test-common.h"
#include "gk-test-window.h"

/* A cell keeps what is typed in it while the user is in another window or
 * a dialog, and a focused cell lets its document be replaced. */

static gboolean
selected_page_mapped (gpointer data)
{
  GkWindow *window = data;

  return gtk_widget_get_mapped (gk_window_get_page (window, gk_window_get_selected_page (window)));
}

static GkDocument *
open_in (GkWindow   *window,
         const char *path)
{
  GkDocument *document = gk_test_load (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, file);
  g_object_unref (document);
  gk_test_iterate_until (selected_page_mapped, window);
  return document;
}

typedef void (*AppTestFunc) (GkApplication *app,
                             GkWindow      *window);

static void
activated (GApplication *app,
           gpointer      user_data)
{
  AppTestFunc func = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (GK_IS_WINDOW (window));
  gk_test_iterate_until (gk_test_is_mapped, window);
  func (GK_APPLICATION (app), GK_WINDOW (window));
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  gk_test_iterate_idle ();
}

static void
run_app_test (AppTestFunc func)
{
  gk_test_run_app (G_CALLBACK (activated), func);
}

/* Another window ------------------------------------------------------------- */

static gboolean
is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static gboolean
is_inactive (gpointer window)
{
  return !gtk_window_is_active (window);
}

static gboolean
has_focus (gpointer widget)
{
  return gtk_widget_has_focus (widget);
}

static void
assert_still_refused (GkDocument  *document,
                      GkTableCell *cell)
{
  g_assert_true (gk_table_cell_is_editing (cell));
  g_assert_cmpstr (gtk_editable_get_text (gk_table_cell_get_editable (cell)), ==, "3.001");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gk_table_cell_get_editable (cell)), "error"));
  g_assert_cmpint (basic_of (document, "2010301"), ==, 26506);
}

/* A refused figure, then @away the active window and @window active
 * again: what was typed is still there, still editing, still marked, and
 * goes in once corrected. */
static void
refused_survives (GkWindow  *window,
                  GtkWindow *away)
{
  g_autofree char *path = gk_test_copy_sample ();
  GkDocument *document = open_in (window, path);
  GkTableCell *cell;

  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (is_active, window);
  cell = type_in_window (window, "2010301", "3.001");
  /* Refused: the page stays, the figure marked. */
  gk_window_set_selected_page (window, "overview");
  assert_still_refused (document, cell);

  gtk_window_present (away);
  gk_test_iterate_until (is_active, away);
  gk_test_iterate_until (is_inactive, window);
  gk_test_iterate_idle ();
  assert_still_refused (document, cell);

  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (is_active, window);
  /* The X server's focus event may come after the window is active: the
   * focus has to come back to the cell, not to have come back already. */
  gk_test_iterate_until (has_focus, gk_table_cell_get_editable (cell));
  gk_test_iterate_idle ();
  assert_still_refused (document, cell);

  gtk_editable_set_text (gk_table_cell_get_editable (cell), "3");
  g_signal_emit_by_name (gk_table_cell_get_editable (cell), "activate");
  g_assert_false (gk_table_cell_is_editing (cell));
  g_assert_cmpint (basic_of (document, "2010301"), ==, 300);
}

static void
other_window_keeps_refused (GkApplication *app,
                            GkWindow      *window)
{
  GkWindow *other = gk_window_new (GTK_APPLICATION (app));

  refused_survives (window, GTK_WINDOW (other));
}

static void
test_other_window_keeps_refused (void)
{
  run_app_test (other_window_keeps_refused);
}

static void
dialog_keeps_refused (GkApplication *app,
                      GkWindow      *window)
{
  GtkWindow *dialog = GTK_WINDOW (adw_message_dialog_new (GTK_WINDOW (window), "Dialog", NULL));

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", "Close");
  refused_survives (window, dialog);
}

static void
test_dialog_keeps_refused (void)
{
  run_app_test (dialog_keeps_refused);
}

/* Replacing the document -------------------------------------------------- */

static char *
final_sample_path (void)
{
  return g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "final",
                           "zhashui-county-audit-bureau-2020-final.gongkai", NULL);
}

/* Puts the focus on the first entered cell of 表一 (a summary: its lines
 * stand side by side, income on the left, expenditure on the right). */
static GkTableCell *
focus_summary_cell (GkWindow *window)
{
  GkTablePage *page;
  GListModel *lines;

  gk_window_set_selected_page (window, "final-summary");
  gk_test_iterate_idle ();
  page = GK_TABLE_PAGE (gk_window_get_page (window, "final-summary"));
  lines = gk_table_page_get_rows (page);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(GkSummaryLine) line = g_list_model_get_item (lines, i);
      GkRow *sides[] = { gk_summary_line_get_left (line), gk_summary_line_get_right (line) };

      for (guint side = 0; side < G_N_ELEMENTS (sides); side++)
        for (guint column = 0; sides[side] != NULL && column < gk_row_get_n_columns (sides[side]); column++)
          if (gk_table_page_focus_cell (page, sides[side], column))
            {
              FocusWait wait = { page, sides[side], column };

              gk_test_iterate_until (focus_cell_is, &wait);
              return gk_table_page_get_focus_cell (page);
            }
    }
  g_assert_not_reached ();
}

static void
replace_document (GkWindow   *window,
                  const char *path)
{
  GkDocument *document = gk_test_load (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *focus;

  gk_window_set_document (window, document, file);
  g_object_unref (document);
  /* Not a cell of the pages gone, soon finalized. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == NULL || gtk_widget_get_root (focus) == GTK_ROOT (window));
  gk_test_iterate_until (selected_page_mapped, window);
  gk_test_iterate_idle ();
}

/* As File → Open, Revert and Fill from Last Year do: a new document in the
 * window while a cell of 表一 has the focus. */
static void
summary_focused_replaced (GkApplication *app,
                          GkWindow      *window)
{
  g_autofree char *path = final_sample_path ();

  open_in (window, path);
  focus_summary_cell (window);
  replace_document (window, path);

  /* And once more while the cell is being typed in. */
  {
    GkTableCell *cell = focus_summary_cell (window);

    gtk_widget_activate_action (GTK_WIDGET (cell), "cell.edit", NULL);
    g_assert_true (gk_table_cell_is_editing (cell));
    replace_document (window, path);
  }
  focus_summary_cell (window);
}

static void
test_summary_focused_replaced (void)
{
  run_app_test (summary_focused_replaced);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads it: drafts and recent files of these tests stay here. */
  g_autofree char *data_home = g_dir_make_tmp ("gongkai-data-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/cell-focus/other-window/keeps-refused", test_other_window_keeps_refused);
  g_test_add_func ("/cell-focus/dialog/keeps-refused", test_dialog_keeps_refused);
  g_test_add_func ("/cell-focus/summary/replaced", test_summary_focused_replaced);
  return g_test_run ();
}
