/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gk-application.h"
#include "gk-application-renderer.h"
#include "gk-cli.h"
#include "gk-document-io.h"
#include "gk-draft.h"
#include "gk-new-document-dialog.h"
#include "gk-preferences-window.h"
#include "gk-window.h"

struct _GkApplication
{
  AdwApplication parent_instance;

  /* Only set while GApplication handles the local command line. GOption
   * leaves the positional arguments (the files) in this vector before
   * handle-local-options runs, but that signal is not given them. */
  char ***local_arguments;

  /* Drafts of unsaved changes left by a crash, offered once per run. */
  GList    *orphans;
  gboolean  drafts_offered;

  /* The files being read, each to go into a window once it is read. */
  GPtrArray *opening;
};

G_DEFINE_FINAL_TYPE (GkApplication, gk_application, ADW_TYPE_APPLICATION)

typedef struct
{
  const char *action;
  const char *accels[3];
} GkAccelerator;

static const GkAccelerator accelerators[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export-pdf", { "<Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

GkApplication *
gk_application_new (void)
{
  return g_object_new (GK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

static GkWindow *
gk_application_ensure_window (GkApplication *self)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (GK_IS_WINDOW (window))
    return GK_WINDOW (window);

  return gk_window_new (GTK_APPLICATION (self));
}

/* The window a newly opened or created document goes to: the active one
 * while it shows no document, else a new one. */
static GkWindow *
gk_application_window_for_document (GkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GK_IS_WINDOW (window) && gk_window_get_document (GK_WINDOW (window)) == NULL)
    return GK_WINDOW (window);
  return gk_window_new (GTK_APPLICATION (self));
}

/* The window that shows @file, if one does. */
static GkWindow *
gk_application_find_window (GkApplication *self,
                            GFile         *file)
{
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data) && gk_window_holds_file (l->data, file))
      return l->data;
  return NULL;
}

/* A file opened twice would be two documents editing one file, the second
 * save undoing the first: the window that has it comes forward instead. */
static gboolean
gk_application_present_open (GkApplication *self,
                             GFile         *file)
{
  GkWindow *window = gk_application_find_window (self, file);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (window == NULL)
    return FALSE;
  name = g_file_get_basename (file);
  message = g_strdup_printf (_("%s is already open in this window"), name);
  gtk_window_present (GTK_WINDOW (window));
  gk_window_add_toast (window, adw_toast_new (message));
  return TRUE;
}

static void gk_application_open_cb (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data);

typedef struct
{
  GkApplication *application;
  GFile         *file;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_ptr_array_remove (data->application->opening, data->file);
  g_application_release (G_APPLICATION (data->application));
  g_object_unref (data->application);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

/* The file is read before any window is made for it, so that a file that
 * cannot be opened leaves no empty window behind; the application is held
 * meanwhile, as no window may be there to keep it running. */
static void
gk_application_open_file (GkApplication *self,
                          GFile         *file)
{
  OpenData *data;

  if (gk_application_present_open (self, file))
    return;
  for (guint i = 0; i < self->opening->len; i++)
    if (g_file_equal (self->opening->pdata[i], file))
      return;

  data = g_new0 (OpenData, 1);
  data->application = g_object_ref (self);
  data->file = g_object_ref (file);
  g_ptr_array_add (self->opening, data->file);
  g_application_hold (G_APPLICATION (self));
  gk_document_load_async (file, NULL, gk_application_open_cb, data);
}

/* New ---------------------------------------------------------------------- */

static void
new_document_response (GkNewDocumentDialog *dialog,
                       const char          *response,
                       GkApplication       *self)
{
  g_autoptr(GkDocument) document = NULL;
  GkWindow *window;

  if (g_strcmp0 (response, "create") != 0)
    return;
  document = gk_new_document_dialog_create_document (dialog);
  if (document == NULL)
    return;
  window = gk_application_window_for_document (self);
  gk_window_set_document (window, document, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
gk_application_new_document (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  GtkWidget *dialog = gk_new_document_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)));

  g_signal_connect_object (dialog, "response", G_CALLBACK (new_document_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Open --------------------------------------------------------------------- */

static void
open_response (GtkNativeDialog *chooser,
               int              response,
               GkApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gk_application_open_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
gk_application_open_dialog (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) disclosures = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (disclosures, _("Disclosures"));
  gtk_file_filter_add_pattern (disclosures, "*.gongkai");
  gtk_file_filter_add_mime_type (disclosures, "application/x-gongkai");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Open Disclosure"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), disclosures);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
gk_application_open_recent (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  gk_application_open_file (self, file);
}

/* Preferences -------------------------------------------------------------- */

static void
gk_application_preferences (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; there are no preferences to change",
                 APPLICATION_ID);
      return;
    }
  settings = g_settings_new_full (schema, NULL, NULL);
  gtk_window_present (GTK_WINDOW (gk_preferences_window_new (parent, settings)));
}

/* Drafts ------------------------------------------------------------------- */

static void gk_application_offer_next_draft (GkApplication *self);

static void
draft_response (AdwMessageDialog *dialog,
                const char       *response,
                GkApplication    *self)
{
  GFile *location = g_object_get_data (G_OBJECT (dialog), "gk-draft");

  if (g_strcmp0 (response, "restore") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GkDocument) document = gk_draft_load (location, &file, &error);

      if (document == NULL)
        {
          GtkWidget *failed = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                                      _("Cannot Restore the Unsaved Changes"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (failed));
        }
      else
        {
          GkWindow *window = gk_application_window_for_document (self);

          gk_window_restore_draft (window, document, file, location);
          gtk_window_present (GTK_WINDOW (window));
          gk_window_add_toast (window, adw_toast_new (_("Unsaved changes restored")));
        }
    }
  else if (g_strcmp0 (response, "discard") == 0)
    gk_draft_delete (location);
  /* "later" keeps the draft for the next start. */

  gk_application_offer_next_draft (self);
}

/* After a crash, each draft left behind is offered, one at a time. */
static void
gk_application_offer_next_draft (GkApplication *self)
{
  GFile *location;
  GtkWidget *dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *body = NULL;

  if (self->orphans == NULL)
    return;
  location = self->orphans->data;
  self->orphans = g_list_delete_link (self->orphans, self->orphans);

  document = gk_draft_load (location, &file, &error);
  if (document != NULL && file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Two drafts of the same unit and year are told apart by their file. */
      body = g_strdup_printf (_("Gongkai closed before the changes to %s %u in “%s” were saved. Restore them?"),
                              gk_document_get_unit (document) ?: "", gk_document_get_year (document), name);
    }
  else if (document != NULL)
    body = g_strdup_printf (_("Gongkai closed before the changes to %s %u, a document not yet saved to a file, were saved. Restore them?"),
                            gk_document_get_unit (document) ?: "", gk_document_get_year (document));
  else
    body = g_strdup_printf (_("Gongkai closed before some changes were saved, but they cannot be read: %s"),
                            error->message);

  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   _("Unsaved Changes Found"), body);
  /* Without a window, the question keeps the application running. */
  if (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "later", _("_Later"),
                                    NULL);
  if (document != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
    }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "gk-draft", location, g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (draft_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_application_offer_drafts (GkApplication *self)
{
  g_autoptr(GFile) directory = NULL;

  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;
  directory = gk_draft_get_default_directory ();
  self->orphans = gk_draft_list_orphans (directory);
  gk_application_offer_next_draft (self);
}

static void
gk_application_about (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  const char *developers[] = { _("The Gongkai developers"), NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Gongkai"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Gongkai developers"),
                        "developers", developers,
                        "comments", _("Prepare, check and publish the departmental budget disclosure of a government unit."),
                        "website", "https://github.com/gongkai/gongkai",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line, as credited in the About window. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
gk_application_quit (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GkApplication *self = GK_APPLICATION (user_data);
  g_autolist(GtkWindow) windows = NULL;

  /* Close rather than quit, so that each window's close-request handler
   * can still ask about unsaved work. */
  /* Closing one window may take others (its dialogs) with it. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              (GCopyFunc) g_object_ref, NULL);

  /* What is being typed in any window counts as a change to be asked
   * about; a figure that cannot be entered stops the whole quit, before a
   * window is gone, and is shown to be corrected. */
  for (const GList *l = windows; l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data) && !gk_window_commit_pending (l->data))
      {
        gtk_window_present (GTK_WINDOW (l->data));
        return;
      }
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "new", gk_application_new_document },
  { "open", gk_application_open_dialog },
  { "open-recent", gk_application_open_recent, "s" },
  { "preferences", gk_application_preferences },
  { "about", gk_application_about },
  { "quit", gk_application_quit },
};

static gboolean
gk_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  GkApplication *self = GK_APPLICATION (application);
  gboolean handled;

  self->local_arguments = arguments;
  handled = G_APPLICATION_CLASS (gk_application_parent_class)->local_command_line (application,
                                                                                   arguments,
                                                                                   exit_status);
  self->local_arguments = NULL;

  return handled;
}

static int
gk_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  GkApplication *self = GK_APPLICATION (application);
  static const char * const no_files[] = { NULL };
  const char * const *files = no_files;
  int status;

  if (self->local_arguments != NULL &&
      *self->local_arguments != NULL &&
      (*self->local_arguments)[0] != NULL)
    files = (const char * const *) &(*self->local_arguments)[1];

  if (gk_cli_run (options, files, &status))
    return status;

  return G_APPLICATION_CLASS (gk_application_parent_class)->handle_local_options (application,
                                                                                  options);
}

static void
gk_application_startup (GApplication *application)
{
  GkApplication *self = GK_APPLICATION (application);

  G_APPLICATION_CLASS (gk_application_parent_class)->startup (application);
  gk_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accelerators[i].action,
                                           accelerators[i].accels);
}

static void
gk_application_activate (GApplication *application)
{
  GkApplication *self = GK_APPLICATION (application);

  gtk_window_present (GTK_WINDOW (gk_application_ensure_window (self)));
  gk_application_offer_drafts (self);
}

#ifdef GK_TEST_HOOKS
/* A test-only hook, compiled into the uninstalled gongkai-test-hooks
 * binary only: GK_TEST_EDIT="expenditure:2010301:basic:300" types 300 into
 * that cell of each document opened, so that a test can edit a real
 * gongkai process (and kill it before it saves). */
static void
gk_application_apply_test_edit (GkDocument *document)
{
  const char *edit = g_getenv ("GK_TEST_EDIT");
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) error = NULL;
  GkTable *table;
  GkRow *row;
  int column;

  if (edit == NULL || edit[0] == '\0')
    return;
  parts = g_strsplit (edit, ":", 4);
  if (g_strv_length (parts) != 4 ||
      (table = gk_document_get_table (document, parts[0])) == NULL ||
      (row = gk_table_lookup (table, parts[1])) == NULL ||
      (column = gk_table_column_index (table, parts[2])) < 0)
    {
      g_printerr ("GK_TEST_EDIT: no cell %s\n", edit);
      return;
    }
  if (!gk_document_set_amount_text (document, row, column, parts[3], &error))
    g_printerr ("GK_TEST_EDIT: %s\n", error->message);
}

/* GK_TEST_ACTIVATE="win.edit-template" activates that action of the
 * window once its document is open, for screenshots of dialogs. */
static void
gk_application_apply_test_activate (GkWindow *window)
{
  const char *action = g_getenv ("GK_TEST_ACTIVATE");

  if (action != NULL && action[0] != '\0' &&
      !gtk_widget_activate_action (GTK_WIDGET (window), action, NULL))
    g_printerr ("GK_TEST_ACTIVATE: no action %s\n", action);
}

#endif

/* The window to say something in: the active one, else any. */
static GtkWindow *
gk_application_any_window (GkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GK_IS_WINDOW (window))
    return window;
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (GK_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Said in the window there is, or alone when there is none: then the
 * application runs until it is read, and ends with it. */
static void
gk_application_show_open_error (GkApplication *self,
                                GFile         *file,
                                const GError  *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  GtkWindow *parent = gk_application_any_window (self);
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Cannot Open the Document"), NULL);

  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", name, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_application_open_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  GkApplication *self = data->application;
  GFile *file = data->file;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_finish (result, &error);
  GkWindow *window;

  if (document == NULL)
    {
      gk_application_show_open_error (self, file, error);
      return;
    }
  /* Opened under another name while this one was read. */
  if (gk_application_present_open (self, file))
    return;
  window = gk_application_window_for_document (self);
  gk_window_set_document (window, document, file);
  gtk_window_present (GTK_WINDOW (window));
#ifdef GK_TEST_HOOKS
  gk_application_apply_test_edit (document);
  gk_application_apply_test_activate (window);
#endif
}

static void
gk_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GkApplication *self = GK_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    gk_application_open_file (self, files[i]);
  gk_application_offer_drafts (self);
}

static void
gk_application_dispose (GObject *object)
{
  GkApplication *self = GK_APPLICATION (object);

  g_list_free_full (g_steal_pointer (&self->orphans), g_object_unref);
  g_clear_pointer (&self->opening, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_application_parent_class)->dispose (object);
}

static void
gk_application_class_init (GkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gk_application_dispose;
  app_class->local_command_line = gk_application_local_command_line;
  app_class->handle_local_options = gk_application_handle_local_options;
  app_class->startup = gk_application_startup;
  app_class->activate = gk_application_activate;
  app_class->open = gk_application_open;
}

static void
gk_application_init (GkApplication *self)
{
  GApplication *application = G_APPLICATION (self);

  self->opening = g_ptr_array_new ();
  gk_cli_add_options (application);

  g_application_set_option_context_parameter_string (application, _("[FILE…]"));
  g_application_set_option_context_summary (application,
                                            _("Prepare, check and publish the departmental budget disclosure of a government unit."));
}
