/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gk-disclosure-layout.h"
#include "gk-draft.h"
#include "gk-new-document-dialog.h"
#include "gk-preferences-window.h"
#include "gk-split.h"
#include "gk-start-page.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* What a window shows without a document, the report a new year's file
 * opens with, the preferences and printing the selected page only. */

#define UNIT "乌鲁木齐县人民政府办公室"

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer type)
{
  return find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static GtkWidget *
wait_for_toplevel (GType type)
{
  gk_test_iterate_until (toplevel_shown, GSIZE_TO_POINTER (type));
  return find_toplevel (type);
}

static void
close_all (GkApplication *app)
{
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    {
      GtkWindow *w = gtk_application_get_windows (GTK_APPLICATION (app))->data;

      if (GK_IS_WINDOW (w) && gk_window_get_draft (GK_WINDOW (w)) != NULL)
        gk_draft_discard (gk_window_get_draft (GK_WINDOW (w)));
      gtk_window_destroy (w);
    }
  gk_test_iterate_idle ();
}

static GkDocument *
open_sample (GkWindow *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkDocument) document = gk_document_load (file, NULL, NULL);

  g_assert_nonnull (document);
  gk_window_set_document (window, document, file);
  return document;
}

/* The start page ------------------------------------------------------------ */

static void
start_page_shown (GkApplication *app,
                  GkWindow      *window)
{
  GtkWidget *start = find_descendant (GTK_WIDGET (window), GK_TYPE_START_PAGE);
  GtkWidget *sidebar;

  g_assert_nonnull (start);
  gk_test_iterate_until (gk_test_is_mapped, start);
  sidebar = find_descendant (GTK_WIDGET (window), GK_TYPE_SPLIT);
  g_assert_false (gtk_widget_get_mapped (sidebar));

  open_sample (window);
  gk_test_iterate_until (gk_test_is_unmapped, start);
  gk_test_iterate_until (gk_test_is_mapped, sidebar);
  close_all (app);
}

static void
test_start_page_shown (void)
{
  gk_test_run_window (start_page_shown);
}

/* A file chooser is up; Cancel closes it as the user would. */
static void
cancel_chooser (const char *title)
{
  GtkWidget *chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, title);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  gk_test_iterate_idle ();
  g_assert_null (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
}

static void
start_page_buttons (GkApplication *app,
                    GkWindow      *window)
{
  GkStartPage *start = GK_START_PAGE (find_descendant (GTK_WIDGET (window), GK_TYPE_START_PAGE));
  GtkWidget *dialog;

  gk_test_iterate_until (gk_test_is_mapped, start);

  g_assert_true (gtk_widget_activate (gk_start_page_get_button (start, "new")));
  dialog = wait_for_toplevel (GK_TYPE_NEW_DOCUMENT_DIALOG);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gk_test_iterate_idle ();

  g_assert_true (gtk_widget_activate (gk_start_page_get_button (start, "open")));
  cancel_chooser ("Open Disclosure");

  g_assert_true (gtk_widget_activate (gk_start_page_get_button (start, "next-year")));
  cancel_chooser ("Open Last Year’s Disclosure");
  close_all (app);
}

static void
test_start_page_buttons (void)
{
  gk_test_run_window (start_page_buttons);
}

/* The row that opens @uri. */
static GtkWidget *
recent_row_for (GkStartPage *start,
                const char  *uri)
{
  GtkListBox *list = gk_start_page_get_recent (start);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

      if (ADW_IS_ACTION_ROW (row) && target != NULL &&
          g_strcmp0 (g_variant_get_string (target, NULL), uri) == 0)
        return row;
    }
  return NULL;
}

typedef struct
{
  GkStartPage *start;
  const char  *uri;
} RecentWait;

/* The row is there, its unit read from the file. */
static gboolean
recent_row_complete (gpointer data)
{
  RecentWait *wait = data;
  GtkWidget *row = recent_row_for (wait->start, wait->uri);

  return row != NULL && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) ?: "", UNIT) != NULL;
}

static gboolean
window_has_document (gpointer window)
{
  return gk_window_get_document (window) != NULL;
}

static void
start_page_recent (GkApplication *app,
                   GkWindow      *window)
{
  GkStartPage *start = GK_START_PAGE (find_descendant (GTK_WIDGET (window), GK_TYPE_START_PAGE));
  g_autofree char *path = gk_test_copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *folder = g_path_get_dirname (path);
  RecentWait wait = { start, uri };
  GtkWidget *row;

  g_assert_true (gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri));
  gk_test_iterate_until (recent_row_complete, &wait);
  row = recent_row_for (start, uri);
  /* File name, folder and unit. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "budget.gongkai");
  if (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), folder) == NULL)
    g_error ("%s not in %s", folder, adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  g_assert_true (gtk_widget_activate (row));
  gk_test_iterate_until (window_has_document, window);
  g_assert_true (gk_window_holds_file (window, file));
  g_assert_true (gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL));
  close_all (app);
}

static void
test_start_page_recent (void)
{
  gk_test_run_window (start_page_recent);
}

/* What a new year carried over --------------------------------------------- */

typedef struct
{
  GkApplication *app;
  GFile         *file;
  GkWindow      *window;
} FileWait;

static gboolean
window_with_file (gpointer data)
{
  FileWait *wait = data;

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (wait->app)); l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data) && gk_window_holds_file (l->data, wait->file))
      {
        wait->window = l->data;
        return TRUE;
      }
  return FALSE;
}

static void
next_year_report (GkApplication *app,
                  GkWindow      *window)
{
  g_autoptr(GkDocument) this_year = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gk-start-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "next.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FileWait wait = { app, file, NULL };
  GtkWidget *bar;
  GtkWidget *label;

  g_assert_null (gk_window_get_carried_over_bar (window));
  g_assert_true (gk_window_start_next_year_from (window, this_year, file));
  gk_test_iterate_until (window_with_file, &wait);
  /* The window without a document takes it. */
  g_assert_true (wait.window == window);
  g_assert_cmpuint (gk_document_get_year (gk_window_get_document (wait.window)), ==, 2021);

  bar = gk_window_get_carried_over_bar (wait.window);
  g_assert_nonnull (bar);
  g_assert_cmpstr (gk_window_get_selected_page (wait.window), ==, "overview");
  gk_test_iterate_until (gk_test_is_mapped, bar);
  label = find_descendant (bar, GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (label))), >, 0);

  /* On 单位概况 only. */
  gk_window_set_selected_page (wait.window, "expenditure");
  g_assert_false (gtk_widget_get_visible (bar));
  gk_window_set_selected_page (wait.window, "overview");
  g_assert_true (gtk_widget_get_visible (bar));
  /* Closed, it stays closed. */
  gtk_info_bar_response (GTK_INFO_BAR (bar), GTK_RESPONSE_CLOSE);
  g_assert_false (gtk_widget_get_visible (bar));
  gk_window_set_selected_page (wait.window, "expenditure");
  gk_window_set_selected_page (wait.window, "overview");
  g_assert_false (gtk_widget_get_visible (bar));
  /* Not in the file. */
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_null (strstr (contents, gtk_label_get_text (GTK_LABEL (label))));
  }
  /* The same file opened again says nothing. */
  close_all (app);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_next_year_report (void)
{
  gk_test_run_window (next_year_report);
}

/* Preferences ----------------------------------------------------------------- */

typedef struct
{
  gboolean  done;
  gboolean  success;
  GError   *error;
} ExportResult;

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportResult *r = user_data;

  r->success = gk_window_export_finish (GK_WINDOW (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
export_finished (gpointer data)
{
  return ((ExportResult *) data)->done;
}

static char *
run_text (const char *first,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Whether the window's PDF export ends with the charts appendix. */
static gboolean
exported_with_charts (GkWindow *window)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-start-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (path);
  ExportResult result = { FALSE, FALSE, NULL };
  g_autofree char *text = NULL;

  gk_window_export_async (window, pdf, GK_WINDOW_EXPORT_PDF, NULL, export_done, &result);
  gk_test_iterate_until (export_finished, &result);
  g_assert_no_error (result.error);
  g_assert_true (result.success);
  text = run_text ("pdftotext", "-raw", path, "-", NULL);
  g_unlink (path);
  g_rmdir (dir);
  return strstr (text, "附录 图表") != NULL;
}

static void
preferences_behave (GkApplication *app,
                    GkWindow      *window)
{
  GtkWidget *preferences;
  GkPreferencesWindow *prefs;
  GkDraft *draft;

  open_sample (window);
  g_assert_false (exported_with_charts (window));
  draft = gk_window_get_draft (window);
  g_assert_cmpuint (gk_draft_get_delay (draft), ==, 3000);
  g_assert_true (gk_draft_get_enabled (draft));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_for_toplevel (GK_TYPE_PREFERENCES_WINDOW);
  prefs = GK_PREFERENCES_WINDOW (preferences);

  gtk_switch_set_active (GTK_SWITCH (gk_preferences_window_get_widget (prefs, "pdf-with-charts")), TRUE);
  g_assert_true (exported_with_charts (window));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gk_preferences_window_get_widget (prefs, "autosave-delay")), 7);
  g_assert_cmpuint (gk_draft_get_delay (draft), ==, 7000);
  gtk_switch_set_active (GTK_SWITCH (gk_preferences_window_get_widget (prefs, "autosave")), FALSE);
  g_assert_false (gk_draft_get_enabled (draft));

  /* Back as they were: the settings outlive the windows. */
  gtk_switch_set_active (GTK_SWITCH (gk_preferences_window_get_widget (prefs, "pdf-with-charts")), FALSE);
  g_assert_false (exported_with_charts (window));
  gtk_switch_set_active (GTK_SWITCH (gk_preferences_window_get_widget (prefs, "autosave")), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gk_preferences_window_get_widget (prefs, "autosave-delay")), 3);
  g_assert_true (gk_draft_get_enabled (draft));
  g_assert_cmpuint (gk_draft_get_delay (draft), ==, 3000);
  gtk_window_destroy (GTK_WINDOW (preferences));
  close_all (app);
}

static void
test_preferences_behave (void)
{
  gk_test_run_window (preferences_behave);
}

/* Print the selected page only ------------------------------------------------ */

static guint
pdf_pages (const char *path)
{
  g_autofree char *out = run_text ("pdfinfo", path, NULL);
  const char *pages = strstr (out, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:") + strspn (pages + strlen ("Pages:"), " "), NULL, 10);
}

static guint
printed_pages (GkWindow *window,
               gboolean  selected_only)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-start-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = gk_window_create_print_operation (window);
  g_autoptr(GError) error = NULL;
  guint n;

  gk_window_print_set_selected_only (operation, selected_only);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (window),
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  n = pdf_pages (path);
  g_unlink (path);
  g_rmdir (dir);
  return n;
}

static void
print_selected_only (GkApplication *app,
                     GkWindow      *window)
{
  GkDocument *document = open_sample (window);
  GkPdfOptions options = { FALSE, NULL, NULL };
  g_autoptr(GkPageLayout) layout = gk_disclosure_layout_new (document, &options);
  guint n_pages = gk_page_layout_get_n_pages (layout);
  guint position = gk_table_get_schema (gk_document_get_table (document, "income"))->position;
  g_autofree char *anchor = g_strdup_printf ("table-t%u", position + 1);
  g_autofree char *next = g_strdup_printf ("table-t%u", position + 2);
  int first = gk_page_layout_lookup_anchor (layout, anchor);
  int end = gk_page_layout_lookup_anchor (layout, next);

  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (end, >, first);
  gk_window_set_selected_page (window, "income");
  g_assert_cmpuint (printed_pages (window, FALSE), ==, n_pages);
  g_assert_cmpuint (printed_pages (window, TRUE), ==, end - first);

  /* 单位概况: from its part to the tables. */
  gk_window_set_selected_page (window, "overview");
  g_assert_cmpuint (printed_pages (window, TRUE), ==,
                    gk_page_layout_lookup_anchor (layout, "part2") - gk_page_layout_lookup_anchor (layout, "part1"));
  /* 审核 is not printed: the whole disclosure is. */
  gk_window_set_selected_page (window, "checks");
  g_assert_cmpuint (printed_pages (window, TRUE), ==, n_pages);
  close_all (app);
}

static void
test_print_selected_only (void)
{
  gk_test_run_window (print_selected_only);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/start-page/shown", test_start_page_shown);
  g_test_add_func ("/start-page/buttons", test_start_page_buttons);
  g_test_add_func ("/start-page/recent", test_start_page_recent);
  g_test_add_func ("/next-year/report", test_next_year_report);
  g_test_add_func ("/preferences/behave", test_preferences_behave);
  g_test_add_func ("/print/selected-only", test_print_selected_only);

  return g_test_run ();
}
