/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-dialog.h"
#include "gk-document-io.h"
#include "gk-window-private.h"

/* File → New Year From This…: next year's disclosure begun from the one in
 * the window, as it is now (what is typed but not saved included), saved
 * where the user says and opened in a window of its own. This window's
 * document is not changed. */

/**
 * gk_window_start_next_year_to:
 *
 * Writes next year's disclosure, begun from the window's document, to
 * @file and opens it. Returns FALSE with a message shown when it cannot.
 */
gboolean
gk_window_start_next_year_to (GkWindow *self,
                              GFile    *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GkDocument) next = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GApplication *application;

  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document == NULL)
    return FALSE;
  /* A copy through the file format: the same document, apart. */
  bytes = gk_document_serialize (self->document);
  next = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (next == NULL ||
      !gk_document_start_next_year (next, self->document, report, &error) ||
      !gk_document_save (next, file, NULL, &error))
    {
      GtkWidget *dialog = gk_dialog_new_message (GTK_WIDGET (self), _("Next Year Not Started"), error->message);

      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (application != NULL)
    g_application_open (application, &file, 1, "");
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *title = g_strdup_printf (_("%u begun as %s: this year’s figures are its last-year figures"),
                                              gk_document_get_year (next), name);
    gk_window_add_toast (self, adw_toast_new (title));
  }
  return TRUE;
}

static void
next_year_response (GtkNativeDialog *chooser,
                    int              response,
                    GkWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file != NULL)
    gk_window_start_next_year_to (self, file);
}

static void
gk_window_action_new_year (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->document == NULL || self->chooser != NULL || !_gk_window_commit_pending (self))
    return;
  chooser = gk_dialog_new_file_chooser (widget, _("Save Next Year’s Disclosure"),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  name = g_strdup_printf ("%s %u.gongkai", gk_document_get_unit (self->document) ?: _("Disclosure"),
                          gk_document_get_year (self->document) + 1);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (next_year_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

void
gk_window_next_year_class_init (GkWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.new-year", NULL, gk_window_action_new_year);
}
