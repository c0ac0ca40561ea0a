/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-table-page.h"

/* A table whose rows are classification codes (表二, 表三, 表五, 表六, 表九):
 * rows are added from the catalog and removed with their figures. */
struct _GkCatalogTablePage
{
  GkTablePage  parent_instance;

  GtkWidget   *picker;
};

G_DEFINE_FINAL_TYPE (GkCatalogTablePage, gk_catalog_table_page, GK_TYPE_TABLE_PAGE)

static void
gk_catalog_table_page_picked (GkCatalogTablePage *self,
                              const char         *code,
                              const char         *name,
                              GkRowPicker        *picker)
{
  GkTablePage *page = GK_TABLE_PAGE (self);
  g_autoptr(GError) error = NULL;
  GkRow *row;

  /* gk_document_add_row() adds the missing 类 and 款 too. */
  row = gk_document_add_row (gk_table_page_get_document (page), gk_table_page_get_table (page),
                             code, name, &error);
  if (row == NULL)
    {
      gk_table_page_show_message (page, error->message);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (picker));
  gk_table_page_added_row (page, row);
}

/* The picker, created on first use. */
GkRowPicker *
gk_catalog_table_page_get_picker (GkCatalogTablePage *self)
{
  GkTablePage *page = GK_TABLE_PAGE (self);

  g_return_val_if_fail (GK_IS_CATALOG_TABLE_PAGE (self), NULL);

  if (self->picker == NULL)
    {
      self->picker = gk_row_picker_new (gk_table_page_get_document (page), gk_table_page_get_table (page));
      g_signal_connect_object (self->picker, "picked", G_CALLBACK (gk_catalog_table_page_picked),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_set_parent (self->picker, GTK_WIDGET (self));
    }
  return GK_ROW_PICKER (self->picker);
}

static void
gk_catalog_table_page_add_row (GkTablePage *page,
                               GtkWidget   *anchor)
{
  GkCatalogTablePage *self = GK_CATALOG_TABLE_PAGE (page);
  GkRowPicker *picker = gk_catalog_table_page_get_picker (self);
  graphene_rect_t bounds;

  /* Pointing at the Add button, which is inside the page. */
  if (anchor != NULL && gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (picker),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gk_row_picker_set_search (picker, "");
  gtk_popover_popup (GTK_POPOVER (picker));
}

static gboolean
gk_catalog_table_page_can_remove_row (GkTablePage  *page,
                                      GkRow        *row,
                                      GError      **error)
{
  if (gk_row_get_kind (row) > GK_ROW_KIND_ITEM)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                           _("The total row cannot be removed"));
      return FALSE;
    }
  return TRUE;
}

static void
gk_catalog_table_page_remove_row (GkTablePage *page,
                                  GkRow       *row)
{
  gk_document_remove_row (gk_table_page_get_document (page), row);
}

static void
gk_catalog_table_page_dispose (GObject *object)
{
  GkCatalogTablePage *self = GK_CATALOG_TABLE_PAGE (object);

  g_clear_pointer (&self->picker, gtk_widget_unparent);

  G_OBJECT_CLASS (gk_catalog_table_page_parent_class)->dispose (object);
}

static void
gk_catalog_table_page_class_init (GkCatalogTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GkTablePageClass *page_class = GK_TABLE_PAGE_CLASS (klass);

  object_class->dispose = gk_catalog_table_page_dispose;
  page_class->add_row = gk_catalog_table_page_add_row;
  page_class->can_remove_row = gk_catalog_table_page_can_remove_row;
  page_class->remove_row = gk_catalog_table_page_remove_row;
}

static void
gk_catalog_table_page_init (GkCatalogTablePage *self)
{
}
