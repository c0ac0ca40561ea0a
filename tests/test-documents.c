/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gk-application.h"
#include "gk-document-io.h"
#include "gk-draft.h"
#include "gk-new-document-dialog.h"
#include "gk-table-page.h"
#include "gk-window.h"

#define GK_TEST_DEADLINE_SECONDS 30
#include "gk-test-common.h"
#include "gk-test-window.h"

/* Documents as files: saving and reopening, a save that fails, the
 * question before closing unsaved work, New, and the draft that brings
 * unsaved work back after the process was killed. */

static char *data_home;

static gboolean
dialog_shown (gpointer data)
{
  return gk_test_find_message_dialog () != NULL;
}

static gboolean
has_document (gpointer data)
{
  return gk_window_get_document (data) != NULL;
}

static gboolean
selected_page_mapped (gpointer data)
{
  GkWindow *window = data;

  return gtk_widget_get_mapped (gk_window_get_page (window, gk_window_get_selected_page (window)));
}

static gboolean
document_saved (gpointer data)
{
  return !gk_window_get_modified (data);
}

static GFile *
drafts_directory (void)
{
  return gk_draft_get_default_directory ();
}

/* The number of drafts (info files) in the drafts directory. */
static guint
count_drafts (void)
{
  g_autoptr(GFile) directory = drafts_directory ();
  g_autofree char *path = g_file_get_path (directory);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".info"))
      n++;
  return n;
}

static gboolean
has_draft (gpointer data)
{
  return count_drafts () > 0;
}

static void
clear_drafts (void)
{
  g_autoptr(GFile) directory = drafts_directory ();
  g_autofree char *path = g_file_get_path (directory);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_unlink (file);
    }
}

/* The application, run for real ------------------------------------------- */

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

  /* Whatever is left closes without questions. */
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    {
      GtkWindow *w = gtk_application_get_windows (GTK_APPLICATION (app))->data;
      gtk_window_destroy (w);
    }
  gk_test_iterate_idle ();
}

static void
run_app_test (AppTestFunc func)
{
  gk_test_run_app (G_CALLBACK (activated), func);
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

/* Tests ----------------------------------------------------------------------- */

static void
save_and_reopen (GkApplication *app,
                 GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  GkDocument *document = open_in (window, path);
  g_autoptr(GkDocument) reopened = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  clear_drafts ();
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  gk_draft_set_delay (gk_window_get_draft (window), 50);
  edit_in_window (window, "2010301", "300");
  g_assert_cmpint (basic_of (document, "2010301"), ==, 30000);
  g_assert_true (gk_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* The draft follows shortly after the edit. */
  gk_test_iterate_until (has_draft, NULL);
  g_assert_true (g_file_query_exists (gk_draft_get_location (gk_window_get_draft (window)), NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gk_test_iterate_until (document_saved, window);
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  /* Saving deletes the draft. */
  g_assert_cmpuint (count_drafts (), ==, 0);

  reopened = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (basic_of (reopened, "2010301"), ==, 30000);
  g_assert_cmpint (basic_of (reopened, "2080505"), ==, 1902);
}

static void
test_save_and_reopen (void)
{
  run_app_test (save_and_reopen);
}

/* Ctrl+S with a figure still being typed saves that figure. */
static void
pending_edit_saved (GkApplication *app,
                    GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autoptr(GkDocument) reopened = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkTableCell *cell;

  open_in (window, path);
  cell = type_in_window (window, "2010301", "300");
  g_assert_false (gk_window_get_modified (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_false (gk_table_cell_is_editing (cell));
  gk_test_iterate_until (document_saved, window);

  reopened = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (basic_of (reopened, "2010301"), ==, 30000);
}

static void
test_pending_edit_saved (void)
{
  run_app_test (pending_edit_saved);
}

/* A figure being typed that cannot be entered stops the save: the file
 * stays as it was and the cell keeps what was typed, with its message. */
static void
pending_invalid_stops_save (GkApplication *app,
                            GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GkTableCell *cell;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  open_in (window, path);
  edit_in_window (window, "2080505", "20");
  cell = type_in_window (window, "2010301", "3.001");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  /* Refused at once, the typed text still there with its message. */
  g_assert_true (gk_table_cell_is_editing (cell));
  g_assert_cmpstr (gtk_editable_get_text (gk_table_cell_get_editable (cell)), ==, "3.001");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gk_table_cell_get_editable (cell)), "error"));
  gk_test_iterate_idle ();
  g_assert_true (gk_window_get_modified (window));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
}

static void
test_pending_invalid_stops_save (void)
{
  run_app_test (pending_invalid_stops_save);
}

/* Closing with a figure still being typed asks whether to save it. */
static void
pending_edit_close_asks (GkApplication *app,
                         GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();

  open_in (window, path);
  type_in_window (window, "2010301", "300");
  gtk_window_close (GTK_WINDOW (window));
  gk_test_iterate_until (dialog_shown, NULL);
  g_assert_true (gk_window_get_modified (window));
}

static void
test_pending_edit_close_asks (void)
{
  run_app_test (pending_edit_close_asks);
}

static void
save_failure (GkApplication *app,
              GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) target = NULL;
  GtkWidget *dialog;

  open_in (window, path);
  edit_in_window (window, "2010301", "300");
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  if (geteuid () != 0)
    {
      /* A folder that cannot be written to. */
      g_assert_cmpint (g_chmod (directory, 0555), ==, 0);
      target = g_file_new_for_path (path);
    }
  else
    {
      /* root writes anywhere: a folder that cannot exist fails the same way. */
      g_autofree char *blocker = g_build_filename (directory, "not-a-folder", NULL);
      g_autofree char *inside = g_build_filename (blocker, "budget.gongkai", NULL);

      g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
      target = g_file_new_for_path (inside);
    }

  gk_window_save_to (window, target);
  gk_test_iterate_until (dialog_shown, NULL);
  dialog = gk_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Cannot Save the Document");
  /* It says why. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "was not saved"));
  g_assert_cmpuint (strlen (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog))), >,
                    strlen ("budget.gongkai was not saved; the file on disk is as it was.\n\n"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");

  /* The old file is as it was, and the work is still unsaved. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_true (gk_window_get_modified (window));
  if (geteuid () != 0)
    g_chmod (directory, 0755);
}

static void
test_save_failure (void)
{
  run_app_test (save_failure);
}

static void
close_asks (GkApplication *app,
            GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();

  clear_drafts ();
  open_in (window, path);
  gk_draft_set_delay (gk_window_get_draft (window), 10);
  edit_in_window (window, "2010301", "300");
  gk_test_iterate_until (has_draft, NULL);

  /* Cancel keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  gk_test_iterate_until (dialog_shown, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (gk_test_find_message_dialog ()), "cancel");
  gk_test_iterate_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Discard closes it and forgets the draft. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  gk_test_iterate_until (dialog_shown, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (gk_test_find_message_dialog ()), "discard");
  gk_test_iterate_until (gk_test_holds_last_ref, window);
  g_assert_finalize_object (window);
  g_assert_cmpuint (count_drafts (), ==, 0);
}

static void
test_close_asks (void)
{
  run_app_test (close_asks);
}

static void
new_document (GkApplication *app,
              GkWindow      *window)
{
  GtkWidget *dialog;
  GtkEditable *unit;
  GkDocument *document;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "new"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "new", NULL);
  gk_test_iterate_until (dialog_shown, NULL);
  dialog = gk_test_find_message_dialog ();
  g_assert_true (GK_IS_NEW_DOCUMENT_DIALOG (dialog));
  unit = gk_new_document_dialog_get_unit_entry (GK_NEW_DOCUMENT_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  /* Blanks are no unit's name. */
  gtk_editable_set_text (unit, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  g_assert_null (gk_new_document_dialog_create_document (GK_NEW_DOCUMENT_DIALOG (dialog)));
  gtk_editable_set_text (unit, "示例单位");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  gk_test_iterate_until (has_document, window);

  /* The empty window takes it. */
  document = gk_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (gk_document_get_unit (document), ==, "示例单位");
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_glossary (document)), ==, 6);
  g_assert_null (gk_window_get_file (window));
  g_assert_true (GK_IS_TABLE_PAGE (gk_window_get_page (window, "income")));
}

static void
test_new_document (void)
{
  run_app_test (new_document);
}

/* A file dropped on an empty window opens in it. */

static void
drop_file (GkApplication *app,
           GkWindow      *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_assert_null (gk_window_get_document (window));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_slist_free (files);
  g_assert_true (accepted);

  gk_test_iterate_until (has_document, window);
  g_assert_cmpstr (gk_document_get_unit (gk_window_get_document (window)), ==, "乌鲁木齐县人民政府办公室");
  g_assert_true (g_file_equal (gk_window_get_file (window), file));
}

static void
test_drop_file (void)
{
  run_app_test (drop_file);
}

/* A real gongkai process is edited, then killed before it saves. */

static gboolean
child_exited;

static void
child_watch (GPid     pid,
             int      status,
             gpointer user_data)
{
  child_exited = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
exited (gpointer data)
{
  return child_exited;
}

static char *crash_path;

static void
restore_after_crash (GkApplication *app,
                     GkWindow      *window)
{
  GtkWidget *dialog;
  GkDocument *document;
  g_autoptr(GFile) file = g_file_new_for_path (crash_path);
  g_autoptr(GkDocument) saved = NULL;

  /* The next start offers the draft. */
  gk_test_iterate_until (dialog_shown, NULL);
  dialog = gk_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Unsaved Changes Found");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "乌鲁木齐县人民政府办公室 2020"));
  /* The file the changes belong to is named, whole. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), crash_path));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  gk_test_iterate_until (has_document, window);

  document = gk_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpint (basic_of (document, "2010301"), ==, 30000);
  /* Still unsaved work, belonging to the file it was opened from. */
  g_assert_true (gk_window_get_modified (window));
  g_assert_true (g_file_equal (gk_window_get_file (window), file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_cmpuint (count_drafts (), ==, 1);

  /* Saving it writes the file and ends the draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gk_test_iterate_until (document_saved, window);
  g_assert_cmpuint (count_drafts (), ==, 0);
  saved = gk_document_load (file, NULL, NULL);
  g_assert_cmpint (basic_of (saved, "2010301"), ==, 30000);
}

static void
test_restore_after_crash (void)
{
  const char *gongkai = g_getenv ("GK_GONGKAI_TEST_HOOKS");
  g_auto(GStrv) envp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) untouched = NULL;
  g_autoptr(GFile) file = NULL;
  char *argv[3];
  GPid pid;

  if (gongkai == NULL)
    {
      g_test_skip ("GK_GONGKAI_TEST_HOOKS is not set");
      return;
    }
  clear_drafts ();
  crash_path = gk_test_copy_sample ();
  argv[0] = (char *) gongkai;
  argv[1] = crash_path;
  argv[2] = NULL;

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "GK_TEST_EDIT", "expenditure:2010301:basic:300", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  g_spawn_async (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  child_exited = FALSE;
  g_child_watch_add (pid, child_watch, NULL);

  /* The edit is only in the draft when the process dies. */
  gk_test_iterate_until (has_draft, NULL);
  g_assert_false (child_exited);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  gk_test_iterate_until (exited, NULL);
  file = g_file_new_for_path (crash_path);
  untouched = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (basic_of (untouched, "2010301"), ==, 26506);
  g_assert_cmpuint (count_drafts (), ==, 1);

  run_app_test (restore_after_crash);
  g_clear_pointer (&crash_path, g_free);
}

static void
test_draft_create_destroy (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("单位", 2024, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GFile) directory = drafts_directory ();
  GkDraft *draft = gk_draft_new (document, directory);
  g_autoptr(GError) error = NULL;

  /* An unmodified document leaves no draft. */
  g_assert_true (gk_draft_write (draft, &error));
  g_assert_no_error (error);
  g_assert_null (gk_draft_get_location (draft));
  g_assert_finalize_object (draft);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads it: drafts and recent files of these tests stay here. */
  data_home = g_dir_make_tmp ("gongkai-data-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/documents/draft/create-destroy", test_draft_create_destroy);
  g_test_add_func ("/documents/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/documents/pending-edit/saved", test_pending_edit_saved);
  g_test_add_func ("/documents/pending-edit/invalid-stops-save", test_pending_invalid_stops_save);
  g_test_add_func ("/documents/pending-edit/close-asks", test_pending_edit_close_asks);
  g_test_add_func ("/documents/save-failure", test_save_failure);
  g_test_add_func ("/documents/close-asks", test_close_asks);
  g_test_add_func ("/documents/new", test_new_document);
  g_test_add_func ("/documents/drop-file", test_drop_file);
  g_test_add_func ("/documents/restore-after-crash", test_restore_after_crash);

  return g_test_run ();
}
