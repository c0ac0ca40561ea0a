/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-export.h"
#include "gk-window-private.h"

/* Importing an Excel workbook as a new document, through the core's
 * import pipeline (read in a worker thread). */

static void
gk_window_show_message (GtkWindow  *parent,
                        const char *heading,
                        const char *text)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* A report runs to a line per table and more; it scrolls rather than
   * growing the dialog past the screen. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 400);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GkWindowJob) data = user_data;
  GkWindow *self = data->window;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autofree char *heading = NULL;
  GkWindow *window;

  document = gk_import_xlsx_finish (result, &report, &error);
  if (document == NULL)
    {
      heading = g_strdup_printf (_("Cannot Import %s"), name);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gk_window_show_message (GTK_WINDOW (self), heading, error->message);
      g_task_return_error (data->outer, g_steal_pointer (&error));
      return;
    }

  /* Like New: this window while it shows nothing, else a new one. */
  if (self->document == NULL)
    window = g_object_ref (self);
  else
    window = g_object_ref_sink (gk_window_new (gtk_window_get_application (GTK_WINDOW (self))));
  gk_window_set_document (window, document, NULL);
  /* Nothing of it is in a .gongkai file yet: closing asks to save it. */
  window->restored = TRUE;
  gk_window_update_title (window);
  gtk_window_present (GTK_WINDOW (window));

  heading = g_strdup_printf (_("Imported %s"), name);
  gk_window_show_message (GTK_WINDOW (window), heading,
                          report != NULL && report[0] != '\0' ? report
                                                              : _("The workbook was read without remarks."));
  g_task_return_pointer (data->outer, window, g_object_unref);
}

/**
 * gk_window_import_xlsx_async:
 * @self: a #GkWindow
 * @file: an Excel workbook
 *
 * Reads @file in a worker thread. The document opens unsaved in this
 * window if it shows none, else in a new one, and a dialog shows the
 * import report; a workbook that cannot be read is explained in a dialog.
 */
void
gk_window_import_xlsx_async (GkWindow            *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GkWindowJob *data;

  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  data = _gk_window_job_new (self, file, cancellable, callback, user_data, gk_window_import_xlsx_async);
  gk_import_xlsx_async (file, NULL, NULL, cancellable, import_done, data);
}

/**
 * gk_window_import_xlsx_finish:
 *
 * Returns: (transfer full): the window that shows the imported document,
 *   or %NULL with @error set
 */
GkWindow *
gk_window_import_xlsx_finish (GkWindow      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
import_response (GtkNativeDialog *chooser,
                 int              response,
                 GkWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file != NULL)
    gk_window_import_xlsx_async (self, file, NULL, NULL, NULL);
}

static void
gk_window_action_import_xlsx (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Excel workbooks and published PDFs"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_filter_add_pattern (filter, "*.PDF");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  chooser = gtk_file_chooser_native_new (_("Import Excel Workbook"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

void
gk_window_import_class_init (GkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import-xlsx", NULL, gk_window_action_import_xlsx);
}
