/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-table-page-private.h"

/* The context menu of rows and cells: the page's own actions, so that
 * an item is greyed out where its action is (no rows to add in a
 * summary). A right click opens it at the pointer, the Menu key and
 * Shift+F10 at the focused cell. */

static GtkWidget *
ensure_menu (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) rows = NULL;
  g_autoptr(GMenu) cells = NULL;

  if (priv->context_menu != NULL)
    return priv->context_menu;

  menu = g_menu_new ();
  rows = g_menu_new ();
  cells = g_menu_new ();
  g_menu_append (cells, _("_Copy"), "table.copy");
  g_menu_append (cells, _("_Paste"), "table.paste");
  g_menu_append (rows, _("_Insert Row"), "table.add-row");
  g_menu_append (rows, _("_Remove Row"), "table.remove-row");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (cells));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (rows));
  /* 一般公共预算支出表: the way back for a row typed over. */
  if (gk_table_page_get_table (self) != NULL &&
      g_strcmp0 (gk_table_get_id (gk_table_page_get_table (self)), "general-expenditure") == 0)
    {
      g_autoptr(GMenu) follow = g_menu_new ();

      g_menu_append (follow, _("_Follow 支出总表"), "table.follow-row");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (follow));
    }

  priv->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (priv->context_menu), FALSE);
  gtk_widget_set_halign (priv->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (priv->context_menu, GTK_WIDGET (self));
  return priv->context_menu;
}

/* Opens the menu at (@x, @y) in the page's coordinates. */
void
_gk_table_page_popup_menu (GkTablePage *self,
                           double       x,
                           double       y)
{
  GtkWidget *menu = ensure_menu (self);
  GdkRectangle at = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (menu), &at);
  gtk_popover_popup (GTK_POPOVER (menu));
}

/* The context menu, NULL until it was first opened. */
GtkWidget *
gk_table_page_get_context_menu (GkTablePage *self)
{
  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return _gk_table_page_get_private (self)->context_menu;
}

static void
popup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GkTablePage *self = GK_TABLE_PAGE (widget);
  GkTableCell *cell = gk_table_page_get_focus_cell (self);
  graphene_rect_t bounds;

  if (cell != NULL && gtk_widget_compute_bounds (GTK_WIDGET (cell), widget, &bounds))
    _gk_table_page_popup_menu (self, bounds.origin.x + bounds.size.width / 2,
                               bounds.origin.y + bounds.size.height);
  else
    _gk_table_page_popup_menu (self, gtk_widget_get_width (widget) / 2.0,
                               gtk_widget_get_height (widget) / 2.0);
}

/* Makes the selected row of 表五 follow 支出总表 again (undoable); says why
 * when it cannot. */
static void
follow_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GkTablePage *self = GK_TABLE_PAGE (widget);
  GkRow *row = gk_table_page_get_selected_row (self);
  g_autoptr(GError) error = NULL;

  if (row == NULL)
    {
      gk_table_page_show_message (self, _("Select the row that should follow 支出总表 first"));
      return;
    }
  if (gk_document_row_follows (gk_table_page_get_document (self), row))
    return;
  if (!gk_document_follow_row (gk_table_page_get_document (self), row, &error))
    gk_table_page_show_message (self, error->message);
}

void
_gk_table_page_menu_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "table.follow-row", NULL, follow_row_action);
  gtk_widget_class_install_action (widget_class, "table.context-menu", NULL, popup_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "table.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "table.context-menu", NULL);
}
