/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-disclosure-layout.h"
#include "gk-xlsx-reader.h"
#include "gk-window-private.h"

/* Printing the finished disclosure, and importing an Excel workbook as a
 * new document. */

/* Printing ------------------------------------------------------------------- */

#define PRINT_LAYOUT_KEY "gk-print-layout"

static GkPageLayout *
print_get_layout (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), PRINT_LAYOUT_KEY);
}

/* Laid out once, when printing starts, so that the pages printed are the
 * pages counted, whatever is edited while the dialog is open. */
static void
print_begin (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             GkWindow          *self)
{
  GkPdfOptions options = { FALSE, NULL, NULL };
  GkPageLayout *layout;

  if (self->document == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  layout = gk_disclosure_layout_new (self->document, &options);
  g_object_set_data_full (G_OBJECT (operation), PRINT_LAYOUT_KEY, layout, g_object_unref);
  gtk_print_operation_set_n_pages (operation, gk_page_layout_get_n_pages (layout));
}

/* The wide tables are laid out on landscape pages; the printer is told
 * so page by page. */
static void
print_request_page_setup (GtkPrintOperation *operation,
                          GtkPrintContext   *context,
                          int                page_nr,
                          GtkPageSetup      *setup,
                          gpointer           user_data)
{
  GkPageLayout *layout = print_get_layout (operation);
  GtkPageOrientation orientation = GTK_PAGE_ORIENTATION_PORTRAIT;

  if (layout != NULL && page_nr >= 0 && (guint) page_nr < gk_page_layout_get_n_pages (layout) &&
      gk_page_layout_get_orientation (layout, page_nr) == GK_PAGE_LANDSCAPE)
    orientation = GTK_PAGE_ORIENTATION_LANDSCAPE;
  gtk_page_setup_set_orientation (setup, orientation);
}

static void
print_draw_page (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 gpointer           user_data)
{
  GkPageLayout *layout = print_get_layout (operation);

  if (layout == NULL || page_nr < 0 || (guint) page_nr >= gk_page_layout_get_n_pages (layout))
    return;
  gk_page_layout_draw_page (layout, gtk_print_context_get_cairo_context (context), page_nr);
}

/**
 * gk_window_create_print_operation:
 * @self: a #GkWindow with a document
 *
 * A print operation that prints the window's document as the PDF export
 * lays it out: A4, the layout's own margins, landscape pages where the
 * layout has them.
 *
 * Returns: (transfer full): a new #GtkPrintOperation
 */
GtkPrintOperation *
gk_window_create_print_operation (GkWindow *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperation *operation;
  g_autofree char *title = NULL;

  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The layout carries its margins; the printer's would add to them. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  title = gk_disclosure_dup_title (self->document);
  if (title != NULL)
    gtk_print_operation_set_job_name (operation, title);

  g_signal_connect_object (operation, "begin-print", G_CALLBACK (print_begin), self, 0);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (print_request_page_setup), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_page), NULL);
  return operation;
}

static void
gk_window_action_print (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  operation = gk_window_create_print_operation (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Print the Disclosure"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Importing ------------------------------------------------------------------ */

typedef struct
{
  char    *path;
  GString *report;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->path);
  g_string_free (data->report, TRUE);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  GkDocument *document;

  document = gk_xlsx_import (data->path, data->report, &error);
  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

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
  g_autoptr(GTask) outer = user_data;
  GkWindow *self = GK_WINDOW (source);
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (data->path);
  g_autofree char *heading = NULL;
  GkWindow *window;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL)
    {
      heading = g_strdup_printf (_("Cannot Import %s"), name);
      gk_window_show_message (GTK_WINDOW (self), heading, error->message);
      g_task_return_error (outer, g_steal_pointer (&error));
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
                          data->report->len > 0 ? data->report->str : _("The workbook was read without remarks."));
  g_task_return_pointer (outer, window, g_object_unref);
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
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, gk_window_import_xlsx_async);

  data = g_new0 (ImportData, 1);
  data->path = g_file_get_path (file);
  data->report = g_string_new (NULL);
  if (data->path == NULL)
    {
      import_data_free (data);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Only files on this computer can be imported"));
      return;
    }

  task = g_task_new (self, cancellable, import_done, g_steal_pointer (&outer));
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
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
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  chooser = gtk_file_chooser_native_new (_("Import Excel Workbook"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

/* Setup ---------------------------------------------------------------------- */

static void
gk_window_print_update (GkWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", self->document != NULL);
}

void
gk_window_print_class_init (GkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, gk_window_action_print);
  gtk_widget_class_install_action (widget_class, "win.import-xlsx", NULL, gk_window_action_import_xlsx);
}

void
gk_window_print_init (GkWindow *self)
{
  g_signal_connect (self, "notify::document", G_CALLBACK (gk_window_print_update), NULL);
  gk_window_print_update (self);
}
