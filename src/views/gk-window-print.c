/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-disclosure-layout.h"
#include "gk-window-private.h"

/* Printing the finished disclosure. */

/* Printing ------------------------------------------------------------------- */

#define PRINT_LAYOUT_KEY "gk-print-layout"
#define PRINT_ANCHOR_KEY "gk-print-anchor"     /* the selected page's place in the layout */
#define PRINT_SELECTED_KEY "gk-print-selected" /* print that page only */
#define PRINT_FIRST_KEY "gk-print-first"       /* the layout's page printed first */
#define MAX_TABLES 64

static GkPageLayout *
print_get_layout (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), PRINT_LAYOUT_KEY);
}

/* The layout's page that is printed as @page_nr. */
static int
print_layout_page (GtkPrintOperation *operation,
                   int                page_nr)
{
  return page_nr + GPOINTER_TO_INT (g_object_get_data (G_OBJECT (operation), PRINT_FIRST_KEY));
}

/* Where the window's page begins in the printed disclosure: its part, or
 * its table; NULL for the pages that are not printed as such. */
static char *
print_anchor_of (GkWindow *self)
{
  const char *id = gk_window_get_selected_page (self);
  GkTable *table = gk_document_get_table (self->document, id);

  if (table != NULL)
    return g_strdup_printf ("table-t%u", gk_table_get_schema (table)->position + 1);
  if (g_strcmp0 (id, "overview") == 0)
    return g_strdup ("part1");
  if (g_strcmp0 (id, "explanation") == 0)
    return g_strdup ("part3");
  if (g_strcmp0 (id, "glossary") == 0)
    return g_strdup ("part4");
  return NULL;
}

/* The pages from @anchor's to the next part or table, end excluded. */
static gboolean
print_range (GkPageLayout *layout,
             const char   *anchor,
             guint        *first,
             guint        *end)
{
  static const char * const parts[] = { "part1", "part2", "part3", "part4", "appendix" };
  int start = gk_page_layout_lookup_anchor (layout, anchor);
  guint n_pages = gk_page_layout_get_n_pages (layout);

  if (start < 0)
    return FALSE;
  *first = start;
  *end = n_pages;
  for (guint i = 0; i < G_N_ELEMENTS (parts) + MAX_TABLES; i++)
    {
      g_autofree char *table = i >= G_N_ELEMENTS (parts) ? g_strdup_printf ("table-t%u", i - (guint) G_N_ELEMENTS (parts) + 1)
                                                         : NULL;
      int page = gk_page_layout_lookup_anchor (layout, table != NULL ? table : parts[i]);

      if (page > start && (guint) page < *end)
        *end = page;
    }
  return TRUE;
}

/**
 * gk_window_print_set_selected_only:
 *
 * Whether @operation prints only the pages of the window's selected page
 * (a table, 单位概况, 情况说明, 名词解释) rather than the whole
 * disclosure, as the print dialog's Page tab lets the user choose.
 */
void
gk_window_print_set_selected_only (GtkPrintOperation *operation,
                                   gboolean           selected_only)
{
  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_object_set_data (G_OBJECT (operation), PRINT_SELECTED_KEY, GINT_TO_POINTER (!!selected_only));
}

static GObject *
print_create_custom_widget (GtkPrintOperation *operation,
                            GkWindow          *self)
{
  g_autofree char *label = g_strdup_printf (_("Print only the selected page: %s"),
                                            adw_window_title_get_title (self->page_title));
  GtkWidget *check = gtk_check_button_new_with_label (label);

  gtk_widget_set_margin_start (check, 12);
  gtk_widget_set_margin_end (check, 12);
  gtk_widget_set_margin_top (check, 12);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               g_object_get_data (G_OBJECT (operation), PRINT_SELECTED_KEY) != NULL);
  return G_OBJECT (check);
}

static void
print_custom_widget_apply (GtkPrintOperation *operation,
                           GtkWidget         *check,
                           gpointer           user_data)
{
  gk_window_print_set_selected_only (operation, gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
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
  const char *anchor;
  guint first, end;

  if (self->document == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  layout = gk_disclosure_layout_new (self->document, &options);
  g_object_set_data_full (G_OBJECT (operation), PRINT_LAYOUT_KEY, layout, g_object_unref);
  first = 0;
  end = gk_page_layout_get_n_pages (layout);
  anchor = g_object_get_data (G_OBJECT (operation), PRINT_ANCHOR_KEY);
  if (g_object_get_data (G_OBJECT (operation), PRINT_SELECTED_KEY) != NULL && anchor != NULL &&
      !print_range (layout, anchor, &first, &end))
    {
      first = 0;
      end = gk_page_layout_get_n_pages (layout);
    }
  g_object_set_data (G_OBJECT (operation), PRINT_FIRST_KEY, GINT_TO_POINTER (first));
  gtk_print_operation_set_n_pages (operation, end - first);
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

  page_nr = print_layout_page (operation, page_nr);
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

  page_nr = print_layout_page (operation, page_nr);
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
  g_autofree char *anchor = NULL;

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

  anchor = print_anchor_of (self);
  if (anchor != NULL)
    {
      gtk_print_operation_set_custom_tab_label (operation, _("Pages"));
      g_signal_connect_object (operation, "create-custom-widget", G_CALLBACK (print_create_custom_widget), self, 0);
      g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (print_custom_widget_apply), NULL);
      g_object_set_data_full (G_OBJECT (operation), PRINT_ANCHOR_KEY, g_steal_pointer (&anchor), g_free);
    }
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
