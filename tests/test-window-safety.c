/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "gk-application.h"
#include "gk-document-io.h"
#include "gk-table-page.h"
#include "gk-text-field.h"
#include "gk-window.h"
#include "gk-window-private.h"

#define GK_TEST_DEADLINE_SECONDS 30
#include "gk-test-common.h"
#include "gk-test-window.h"

/* Nothing typed is lost: a figure being typed when the page changes or
 * the application quits, the window after Save As, a file opened twice,
 * a file another program writes while it is open, and files that cannot
 * be opened. */

static gboolean
dialog_shown (gpointer data)
{
  return gk_test_find_message_dialog () != NULL;
}

/* As a click on a response does: a response given by a program leaves
 * the dialog open. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static gboolean
has_document (gpointer data)
{
  return gk_window_get_document (data) != NULL;
}

static gboolean
document_saved (gpointer data)
{
  return !gk_window_get_modified (data);
}

static gboolean
selected_page_mapped (gpointer data)
{
  GkWindow *window = data;

  return gtk_widget_get_mapped (gk_window_get_page (window, gk_window_get_selected_page (window)));
}

static gboolean
changed_on_disk (gpointer data)
{
  return gk_window_get_changed_on_disk (data);
}

static GkDocument *
open_in (GkWindow   *window,
         const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load (file, NULL, &error);

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, file);
  gk_test_iterate_until (selected_page_mapped, window);
  return document;
}

/* The first widget of @type under @widget, depth first. */
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

/* Whether a label under @widget shows @text: how a toast is seen. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static guint
count_windows (GkApplication *app)
{
  guint n = 0;

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data))
      n++;
  return n;
}

static GkWindow *
only_window (GkApplication *app)
{
  g_assert_cmpuint (count_windows (app), ==, 1);
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
destroy_all_windows (GkApplication *app)
{
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  gk_test_iterate_idle ();
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
  destroy_all_windows (GK_APPLICATION (app));
}

static void
run_app_test (AppTestFunc func)
{
  gk_test_run_app (G_CALLBACK (activated), func);
}

/* A damaged file: the sample cut off halfway. */
static char *
write_damaged (void)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  return g_steal_pointer (&path);
}

/* Changing page -------------------------------------------------------------- */

static void
page_switch_commits (GkApplication *app,
                     GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  GkDocument *document = open_in (window, path);

  type_in_window (window, "2010301", "300");
  gk_window_set_selected_page (window, "overview");
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "overview");
  g_assert_cmpint (basic_of (document, "2010301"), ==, 30000);
  g_assert_true (gk_window_get_modified (window));
}

static void
test_page_switch_commits (void)
{
  run_app_test (page_switch_commits);
}

/* A figure that cannot be entered keeps its page and its text. */
static void
page_switch_invalid_stays (GkApplication *app,
                           GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  GkDocument *document = open_in (window, path);
  GkTableCell *cell = type_in_window (window, "2010301", "3.001");

  gk_window_set_selected_page (window, "overview");
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "expenditure");
  g_assert_true (gk_table_cell_is_editing (cell));
  g_assert_cmpstr (gtk_editable_get_text (gk_table_cell_get_editable (cell)), ==, "3.001");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gk_table_cell_get_editable (cell)), "error"));
  gk_test_iterate_idle ();
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "expenditure");
  g_assert_true (gtk_widget_get_mapped (gk_window_get_page (window, "expenditure")));
  g_assert_cmpint (basic_of (document, "2010301"), ==, 26506);

  /* Corrected, it goes in and the page changes. */
  gtk_editable_set_text (gk_table_cell_get_editable (cell), "3");
  gk_window_set_selected_page (window, "overview");
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "overview");
  g_assert_cmpint (basic_of (document, "2010301"), ==, 300);
}

static void
test_page_switch_invalid_stays (void)
{
  run_app_test (page_switch_invalid_stays);
}

/* A text typed on the overview, the focus still in it. */
static void
page_switch_text (GkApplication *app,
                  GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  GkDocument *document = open_in (window, path);
  GtkWidget *field = find_descendant (gk_window_get_page (window, "overview"), GK_TYPE_TEXT_FIELD);
  GtkWidget *editor;

  g_assert_nonnull (field);
  editor = gk_text_field_get_editor (GK_TEXT_FIELD (field));
  g_assert_true (gtk_widget_grab_focus (editor));
  if (GTK_IS_TEXT_VIEW (editor))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), "新的职能", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (editor), "新的职能");
  g_assert_false (gk_window_get_modified (window));

  gk_window_set_selected_page (window, "expenditure");
  g_assert_true (gk_window_get_modified (window));
  g_assert_true (gk_document_can_undo (document));
  g_assert_cmpstr (gk_text_field_get_text (GK_TEXT_FIELD (field)), ==, "新的职能");
}

static void
test_page_switch_text (void)
{
  run_app_test (page_switch_text);
}

/* Quitting ------------------------------------------------------------------- */

static void
quit_asks (GkApplication *app,
           GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  GkDocument *document = open_in (window, path);
  GtkWidget *dialog;

  type_in_window (window, "2010301", "300");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gk_test_iterate_until (dialog_shown, NULL);
  dialog = gk_test_find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Save the Changes"));
  g_assert_cmpint (basic_of (document, "2010301"), ==, 30000);

  /* Cancel keeps the window and its work. */
  respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gk_test_iterate_until (gk_test_no_message_dialog, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gk_window_get_modified (window));
}

static void
test_quit_asks (void)
{
  run_app_test (quit_asks);
}

/* A figure that cannot be entered in one window stops the quit before any
 * window closes. */
static void
quit_invalid_stops (GkApplication *app,
                    GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autofree char *other_path = gk_test_copy_sample ();
  GkWindow *other = gk_window_new (GTK_APPLICATION (app));
  GkTableCell *cell;

  open_in (window, path);
  gtk_window_present (GTK_WINDOW (other));
  open_in (other, other_path);
  cell = type_in_window (other, "2010301", "3.001");

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gk_test_iterate_idle ();
  g_assert_cmpuint (count_windows (app), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gk_table_cell_is_editing (cell));
  g_assert_cmpstr (gtk_editable_get_text (gk_table_cell_get_editable (cell)), ==, "3.001");
  g_assert_null (gk_test_find_message_dialog ());
}

static void
test_quit_invalid_stops (void)
{
  run_app_test (quit_invalid_stops);
}

/* Save As -------------------------------------------------------------------- */

static gboolean
saved_as (gpointer data)
{
  GkWindow *window = data;
  GFile *target = g_object_get_data (G_OBJECT (window), "test-target");

  return g_file_equal (gk_window_get_file (window), target) && !gk_window_get_modified (window);
}

static void
save_as_follows (GkApplication *app,
                 GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *target_path = g_build_filename (directory, "copy.gongkai", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  GkDocument *document = open_in (window, path);

  edit_in_window (window, "2080505", "20");
  g_object_set_data (G_OBJECT (window), "test-target", target);
  gk_window_save_to (window, target);
  gk_test_iterate_until (saved_as, window);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* The window still follows the document: the mark, undo, the pages. */
  edit_in_window (window, "2010301", "300");
  g_assert_true (gk_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  /* A disabled win.undo would do nothing here. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (basic_of (document, "2010301"), ==, 26506);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (basic_of (document, "2010301"), ==, 30000);

  /* And Save writes the new file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gk_test_iterate_until (document_saved, window);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  {
    g_autoptr(GkDocument) reopened = gk_document_load (target, NULL, NULL);

    g_assert_nonnull (reopened);
    g_assert_cmpint (basic_of (reopened, "2010301"), ==, 30000);
  }
}

static void
test_save_as_follows (void)
{
  run_app_test (save_as_follows);
}

/* New Year From This ----------------------------------------------------------- */

typedef struct
{
  GtkApplication *app;
  guint           windows;
} WindowCount;

static gboolean
window_added (gpointer data)
{
  WindowCount *count = data;
  return g_list_length (gtk_application_get_windows (count->app)) > count->windows;
}

/* A figure typed and not yet confirmed goes into next year's last-year
 * figures; this year's document and its file are left as they were; the
 * new year opens in a window of its own. */
static void
new_year_from_window (GkApplication *app,
                      GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *next_path = g_build_filename (directory, "2021.gongkai", NULL);
  g_autoptr(GFile) next_file = g_file_new_for_path (next_path);
  g_autoptr(GkDocument) next = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  WindowCount count = { GTK_APPLICATION (app), 0 };
  GkDocument *document = open_in (window, path);
  GkPrior *prior;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  type_in_window (window, "2010301", "300");
  g_assert_true (gk_window_commit_pending (window));
  count.windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_true (gk_window_start_next_year_to (window, next_file));
  gk_test_iterate_until (window_added, &count);

  next = gk_document_load (next_file, NULL, NULL);
  g_assert_nonnull (next);
  g_assert_cmpuint (gk_document_get_year (next), ==, 2021);
  prior = gk_explanation_lookup_prior (gk_document_get_explanation (next), "expenditure.basic");
  g_assert_nonnull (prior);
  {
    GkTable *expenditure = gk_document_get_table (document, "expenditure");
    GkAmount basic = 0;

    g_assert_true (gk_table_get_column_total (expenditure, gk_table_column_index (expenditure, "basic"), &basic));
    /* 表三's 基本支出 with the 300 typed into 2010301. */
    g_assert_cmpint (gk_prior_get_amount (prior), ==, basic);
    g_assert_cmpint (basic, ==, 28408 - 26506 + 30000);
  }
  /* This year's document is unchanged: the figure typed, the year. */
  g_assert_cmpint (basic_of (document, "2010301"), ==, 30000);
  g_assert_cmpuint (gk_document_get_year (document), ==, 2020);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static void
test_new_year_from_window (void)
{
  run_app_test (new_year_from_window);
}

/* Changed on disk ------------------------------------------------------------ */

typedef struct
{
  GFile    *file;
  gboolean  seen;
} Watch;

static void
watch_changed (GFileMonitor      *monitor,
               GFile             *file,
               GFile             *other,
               GFileMonitorEvent  event,
               Watch             *watch)
{
  if (g_file_equal (file, watch->file) || (other != NULL && g_file_equal (other, watch->file)))
    watch->seen = TRUE;
}

static gboolean
watch_seen (gpointer data)
{
  return ((Watch *) data)->seen;
}

static void
changed_on_disk_asks (GkApplication *app,
                      GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileMonitor) monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  Watch watch = { file, FALSE };
  GtkWidget *dialog;
  gsize length;

  g_assert_nonnull (monitor);
  g_signal_connect (monitor, "changed", G_CALLBACK (watch_changed), &watch);
  open_in (window, path);

  /* Our own save is no other program's. */
  edit_in_window (window, "2080505", "20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gk_test_iterate_until (document_saved, window);
  gk_test_iterate_until (watch_seen, &watch);
  gk_test_iterate_idle ();
  g_assert_false (gk_window_get_changed_on_disk (window));

  /* Another program writes the file behind the window's back. */
  g_assert_true (g_file_get_contents (path, &theirs, &length, NULL));
  theirs = g_realloc (theirs, length + 2);
  theirs[length] = '\n';
  theirs[length + 1] = '\0';
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  gk_test_iterate_until (changed_on_disk, window);
  g_assert_true (shows_text (GTK_WIDGET (window), "The file was changed by another program"));

  /* Save asks; Cancel leaves their file as they wrote it. */
  edit_in_window (window, "2010301", "300");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gk_test_iterate_until (dialog_shown, NULL);
  dialog = gk_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "The File Was Changed by Another Program");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "overwrite"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save-as"));
  respond (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gk_test_iterate_until (gk_test_no_message_dialog, NULL);
  gk_test_iterate_idle ();
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (gk_window_get_modified (window));

  /* Overwrite writes ours over theirs, and the window trusts the file again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gk_test_iterate_until (dialog_shown, NULL);
  respond (ADW_MESSAGE_DIALOG (gk_test_find_message_dialog ()), "overwrite");
  gk_test_iterate_until (document_saved, window);
  g_assert_false (gk_window_get_changed_on_disk (window));
  g_assert_false (shows_text (GTK_WIDGET (window), "The file was changed by another program"));
  {
    g_autoptr(GkDocument) reopened = gk_document_load (file, NULL, NULL);

    g_assert_nonnull (reopened);
    g_assert_cmpint (basic_of (reopened, "2010301"), ==, 30000);
  }
  g_signal_handlers_disconnect_by_data (monitor, &watch);
}

static void
test_changed_on_disk_asks (void)
{
  run_app_test (changed_on_disk_asks);
}

/* Opening -------------------------------------------------------------------- */

static gboolean
window_holds (gpointer data)
{
  GkWindow *window = data;
  GFile *file = g_object_get_data (G_OBJECT (window), "test-file");

  return gk_window_get_file (window) != NULL && g_file_equal (gk_window_get_file (window), file);
}

/* The recent menu names the file by its whole path: two units' files are
 * often both called 部门预算.gongkai. */
static gboolean
recent_menu_names (gpointer data)
{
  GkWindow *window = data;
  const char *path = g_object_get_data (G_OBJECT (window), "test-path");
  GMenuModel *menu = G_MENU_MODEL (window->recent_menu);

  gk_window_update_recent_menu (window);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_str_equal (label, path))
        return TRUE;
    }
  return FALSE;
}

static void
open_twice (GkApplication *app,
            GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *link_path = g_build_filename (directory, "link.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_cmpint (symlink (path, link_path), ==, 0);
  g_object_set_data (G_OBJECT (window), "test-file", file);
  g_application_open (G_APPLICATION (app), &file, 1, "");
  gk_test_iterate_until (window_holds, window);
  edit_in_window (window, "2010301", "300");

  /* Again, by the same name, by Open Recent, and through a link. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (uri));
  g_application_open (G_APPLICATION (app), &link, 1, "");
  gk_test_iterate_idle ();
  g_assert_true (only_window (app) == window);
  g_assert_true (shows_text (GTK_WIDGET (window), "budget.gongkai is already open"));
  /* The work in it is still there. */
  g_assert_cmpint (basic_of (gk_window_get_document (window), "2010301"), ==, 30000);
  g_assert_true (gk_window_get_modified (window));

  g_object_set_data (G_OBJECT (window), "test-path", path);
  gk_test_iterate_until (recent_menu_names, window);
}

static void
test_open_twice (void)
{
  run_app_test (open_twice);
}

/* Failing to open ------------------------------------------------------------ */

static void
expect_open_error (GkApplication *app,
                   GkWindow      *window,
                   const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (uri));
  gk_test_iterate_until (dialog_shown, NULL);
  dialog = gk_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Cannot Open the Document");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  /* Said in the window there was, and no window more. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (only_window (app) == window);
  respond (ADW_MESSAGE_DIALOG (dialog), "close");
  gk_test_iterate_until (gk_test_no_message_dialog, NULL);
  gk_test_iterate_idle ();
  g_assert_true (only_window (app) == window);
}

static void
open_failures (GkApplication *app,
               GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *missing = g_build_filename (directory, "missing.gongkai", NULL);
  g_autofree char *text = g_build_filename (directory, "notes.gongkai", NULL);
  g_autofree char *damaged = write_damaged ();

  g_assert_true (g_file_set_contents (text, "这不是预算公开文件。\n", -1, NULL));

  /* In the empty window, and in one with a document. */
  expect_open_error (app, window, missing);
  g_assert_null (gk_window_get_document (window));
  open_in (window, path);
  expect_open_error (app, window, missing);
  expect_open_error (app, window, text);
  expect_open_error (app, window, damaged);
  /* The document open before is still the window's. */
  g_assert_nonnull (gk_window_get_document (window));
  g_assert_true (g_str_equal (g_file_peek_path (gk_window_get_file (window)), path));
}

static void
test_open_failures (void)
{
  run_app_test (open_failures);
}

/* From the command line, with no window yet: the message alone, and the
 * application ends once it is read. */

static gboolean
deadline_passed (gpointer data)
{
  g_error ("The application did not end after the message was closed");
  return G_SOURCE_REMOVE;
}

static void
command_line_opened (GApplication *app,
                     GFile       **files,
                     int           n_files,
                     const char   *hint,
                     gpointer      user_data)
{
  GtkWidget *dialog;

  gk_test_iterate_until (dialog_shown, NULL);
  dialog = gk_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Cannot Open the Document");
  g_assert_cmpuint (count_windows (GK_APPLICATION (app)), ==, 0);
  respond (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Nothing is left to keep the application running. */
  g_timeout_add_seconds (GK_TEST_DEADLINE_SECONDS, deadline_passed, NULL);
}

static void
run_command_line (const char *path,
                  GCallback   opened)
{
  char *argv[] = { (char *) "gongkai", (char *) path, NULL };
  g_autoptr(GError) error = NULL;
  GkApplication *app = gk_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect_after (app, "open", opened, NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_finalize_object (app);
}

static void
test_command_line_failures (void)
{
  g_autofree char *damaged = write_damaged ();
  g_autofree char *directory = g_path_get_dirname (damaged);
  g_autofree char *missing = g_build_filename (directory, "missing.gongkai", NULL);

  run_command_line (missing, G_CALLBACK (command_line_opened));
  run_command_line (damaged, G_CALLBACK (command_line_opened));
}

static gboolean
shows_already_open (gpointer data)
{
  return shows_text (data, ".gongkai is already open in this window");
}

/* The same file twice on the command line, once through a link. */
static void
command_line_twice_opened (GApplication *app,
                          GFile       **files,
                          int           n_files,
                          const char   *hint,
                          gpointer      user_data)
{
  GkWindow *window;

  /* Both are read at once; whichever comes second finds the first. */
  gk_test_iterate_until ((GkTestCondition) count_windows, app);
  window = only_window (GK_APPLICATION (app));
  gk_test_iterate_until (has_document, window);
  gk_test_iterate_until (shows_already_open, window);
  gk_test_iterate_idle ();
  g_assert_true (only_window (GK_APPLICATION (app)) == window);
  destroy_all_windows (GK_APPLICATION (app));
}

static void
test_command_line_twice (void)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *link_path = g_build_filename (directory, "link.gongkai", NULL);
  char *argv[] = { (char *) "gongkai", path, link_path, NULL };
  g_autoptr(GError) error = NULL;
  GkApplication *app = gk_application_new ();

  g_assert_cmpint (symlink (path, link_path), ==, 0);
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* The files arrive in one call: the handler runs once. */
  g_signal_connect_after (app, "open", G_CALLBACK (command_line_twice_opened), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_finalize_object (app);
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

  g_test_add_func ("/window-safety/new-year", test_new_year_from_window);
  g_test_add_func ("/window-safety/page-switch/commits", test_page_switch_commits);
  g_test_add_func ("/window-safety/page-switch/invalid-stays", test_page_switch_invalid_stays);
  g_test_add_func ("/window-safety/page-switch/text", test_page_switch_text);
  g_test_add_func ("/window-safety/quit/asks", test_quit_asks);
  g_test_add_func ("/window-safety/quit/invalid-stops", test_quit_invalid_stops);
  g_test_add_func ("/window-safety/save-as/follows", test_save_as_follows);
  g_test_add_func ("/window-safety/changed-on-disk", test_changed_on_disk_asks);
  g_test_add_func ("/window-safety/open/twice", test_open_twice);
  g_test_add_func ("/window-safety/open/twice-command-line", test_command_line_twice);
  g_test_add_func ("/window-safety/open/failures", test_open_failures);
  g_test_add_func ("/window-safety/open/failures-command-line", test_command_line_failures);

  return g_test_run ();
}
