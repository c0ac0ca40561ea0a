/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-disclosure-layout.h"
#include "gk-window-private.h"

/* Printing the finished disclosure. */

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

  if (self->document == NULL || !_gk_window_commit_pending (self))
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
  gk_window_import_class_init (klass);
}

void
gk_window_print_init (GkWindow *self)
{
  g_signal_connect (self, "notify::document", G_CALLBACK (gk_window_print_update), NULL);
  gk_window_print_update (self);
}
