/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gk-application.h"
#include "gk-chart-export.h"
#include "gk-csv-writer.h"
#include "gk-document-io.h"
#include "gk-window.h"

struct _GkApplication
{
  AdwApplication parent_instance;

  /* Only set while GApplication handles the local command line. GOption
   * leaves the positional arguments (the files) in this vector before
   * handle-local-options runs, but that signal is not given them. */
  char ***local_arguments;
};

G_DEFINE_FINAL_TYPE (GkApplication, gk_application, ADW_TYPE_APPLICATION)

/* A headless command runs in the launching process, before GTK is
 * initialised, so that it works without a display. It returns the exit
 * status of the process. @files are the positional arguments. */
typedef int (*GkCommandFunc) (GkApplication      *self,
                              GVariantDict       *options,
                              const char * const *files);

typedef struct
{
  const char    *long_name;
  GOptionArg     arg;
  const char    *description;
  const char    *arg_description;
  GkCommandFunc  run;
} GkCommand;

static int
gk_application_command_version (GkApplication      *self,
                                GVariantDict       *options,
                                const char * const *files)
{
  g_print ("gongkai %s\n", PACKAGE_VERSION);

  return EXIT_SUCCESS;
}

/* Exit status of a command whose input file cannot be read. */
#define EXIT_UNREADABLE 2

/* Loads the one FILE a headless command works on, or says why not. */
static GkDocument *
load_single_file (const char         *option,
                  const char * const *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GkDocument *document;

  if (files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("--%s needs exactly one disclosure file, for example: gongkai --%s OUT budget.gongkai\n"),
                  option, option);
      return NULL;
    }
  file = g_file_new_for_commandline_arg (files[0]);
  document = gk_document_load (file, NULL, &error);
  if (document == NULL)
    g_printerr (_("Cannot read %s: %s\n"), files[0], error->message);
  return document;
}

static int
gk_application_command_export_csv (GkApplication      *self,
                                   GVariantDict       *options,
                                   const char * const *files)
{
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;

  g_variant_dict_lookup (options, "export-csv", "^&ay", &path);
  document = load_single_file ("export-csv", files);
  if (document == NULL)
    return EXIT_UNREADABLE;

  directory = g_file_new_for_commandline_arg (path);
  if (!gk_csv_export_document (document, directory, &error))
    {
      g_printerr (_("Cannot write the CSV files into %s: %s\n"), path, error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
gk_application_command_export_charts (GkApplication      *self,
                                      GVariantDict       *options,
                                      const char * const *files)
{
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;

  g_variant_dict_lookup (options, "export-charts", "^&ay", &path);
  document = load_single_file ("export-charts", files);
  if (document == NULL)
    return EXIT_UNREADABLE;

  directory = g_file_new_for_commandline_arg (path);
  if (!gk_charts_export (document, directory, &error))
    {
      g_printerr (_("Cannot write the charts into %s: %s\n"), path, error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* One entry and one function per command-line command. */
static const GkCommand commands[] = {
  { "version", G_OPTION_ARG_NONE, N_("Show the version and exit"), NULL,
    gk_application_command_version },
  { "export-csv", G_OPTION_ARG_FILENAME, N_("Write each table of FILE as a CSV file into DIR"), N_("DIR"),
    gk_application_command_export_csv },
  { "export-charts", G_OPTION_ARG_FILENAME, N_("Write every review chart of FILE as PNG and SVG into DIR"), N_("DIR"),
    gk_application_command_export_charts },
};

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
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
};

/* Actions for features that do not exist yet: they stay disabled until
 * the document model provides them. */
static const char * const unavailable_actions[] = {
  "new",
  "open",
  "preferences",
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

  return gk_window_new (self);
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
  g_autoptr(GList) windows = NULL;

  /* Close rather than quit, so that each window's close-request handler
   * can still ask about unsaved work. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "new" },
  { "open" },
  { "preferences" },
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
  const GkCommand *command = NULL;

  if (self->local_arguments != NULL &&
      *self->local_arguments != NULL &&
      (*self->local_arguments)[0] != NULL)
    files = (const char * const *) &(*self->local_arguments)[1];

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_variant_dict_contains (options, commands[i].long_name))
        continue;

      if (command != NULL)
        {
          g_printerr (_("The options --%s and --%s cannot be combined.\n"),
                      command->long_name, commands[i].long_name);
          return EXIT_FAILURE;
        }

      command = &commands[i];
    }

  if (command != NULL)
    return command->run (self, options, files);

  return G_APPLICATION_CLASS (gk_application_parent_class)->handle_local_options (application,
                                                                                  options);
}

static void
gk_application_startup (GApplication *application)
{
  GkApplication *self = GK_APPLICATION (application);

  G_APPLICATION_CLASS (gk_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (unavailable_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self),
                                                    unavailable_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
    }

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
}

static void
gk_application_open_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GkWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_finish (result, &error);
  GFile *file = g_object_get_data (G_OBJECT (window), "gk-opening");

  if (document == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Cannot Open the Document"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", name, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  gk_window_set_document (window, document, file);
  g_object_set_data (G_OBJECT (window), "gk-opening", NULL);
}

static void
gk_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GkApplication *self = GK_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      GkWindow *window = gk_application_ensure_window (self);

      gtk_window_present (GTK_WINDOW (window));
      /* The window is held until the file is read. */
      g_object_set_data_full (G_OBJECT (window), "gk-opening", g_object_ref (files[i]), g_object_unref);
      gk_document_load_async (files[i], NULL, gk_application_open_cb, g_object_ref (window));
    }
}

static void
gk_application_class_init (GkApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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

  /* GApplication translates option descriptions itself, with the
   * current text domain, when it prints --help. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_application_add_main_option (application,
                                   commands[i].long_name, 0, G_OPTION_FLAG_NONE,
                                   commands[i].arg,
                                   commands[i].description,
                                   commands[i].arg_description);

  g_application_set_option_context_parameter_string (application, _("[FILE…]"));
  g_application_set_option_context_summary (application,
                                            _("Prepare, check and publish the departmental budget disclosure of a government unit."));
}
