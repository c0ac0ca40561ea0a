/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-table-page-private.h"

/* The code and name columns stay in view while the amounts scroll
 * sideways. GtkColumnView 4.8 has no sticky columns, and its cells are
 * placed by the list, out of a page's reach; so a second column view with
 * the columns before the amounts (built in gk-table-page-columns.c) lies
 * over the left edge of the first, on the same rows, the same selection
 * and the same vertical adjustment. It shows only while the first is
 * scrolled sideways: its own code and name columns have then gone under
 * it, and the amounts pass under it as a spreadsheet's frozen panes do.
 * Unscrolled, the page is the one column view it always was, where the
 * name column may widen to the window.
 *
 * The rows line up because the cells of both are as high as the style
 * sheet makes them; the headers, because each is made as high as the
 * higher of the two. */

int
_gk_table_page_frozen_width (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GListModel *columns = gtk_column_view_get_columns (priv->column_view);
  int width = 0;

  for (guint i = 0; i < priv->n_frozen; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      width += MAX (gtk_column_view_column_get_fixed_width (column), 0);
    }
  return width;
}

static void
sync_header_heights (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkWidget *main = gtk_widget_get_first_child (GTK_WIDGET (priv->column_view));
  GtkWidget *frozen = gtk_widget_get_first_child (GTK_WIDGET (priv->frozen_view));
  int main_height, frozen_height, height, request;

  if (main == NULL || frozen == NULL)
    return;
  gtk_widget_set_size_request (main, -1, -1);
  gtk_widget_set_size_request (frozen, -1, -1);
  gtk_widget_measure (main, GTK_ORIENTATION_VERTICAL, -1, NULL, &main_height, NULL, NULL);
  gtk_widget_measure (frozen, GTK_ORIENTATION_VERTICAL, -1, NULL, &frozen_height, NULL, NULL);
  height = MAX (main_height, frozen_height);
  gtk_widget_get_size_request (main, NULL, &request);
  if (request != height)
    {
      gtk_widget_set_size_request (main, -1, height);
      gtk_widget_set_size_request (frozen, -1, height);
    }
}

static void
bind_rows (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  priv->frozen_binding = g_object_bind_property (gtk_scrolled_window_get_vadjustment (priv->scroller), "value",
                                                 gtk_scrolled_window_get_vadjustment (priv->frozen_scroller),
                                                 "value", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* Gone with either adjustment. */
  g_object_add_weak_pointer (G_OBJECT (priv->frozen_binding), (gpointer *) &priv->frozen_binding);
}

static void
stop_waiting (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  /* A window that goes away takes its frame clock's handlers with it. */
  if (priv->frozen_layout_id != 0 && g_signal_handler_is_connected (priv->frozen_clock, priv->frozen_layout_id))
    g_signal_handler_disconnect (priv->frozen_clock, priv->frozen_layout_id);
  priv->frozen_layout_id = 0;
  g_clear_object (&priv->frozen_clock);
}

/* After the window's layout: once the frozen list has laid out its first
 * rows it can be scrolled to the table's, in this same frame (the frame
 * clock lays out again before it paints). */
static void
frozen_laid_out (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  if (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (priv->frozen_scroller)) <= 0)
    return;
  stop_waiting (self);
  bind_rows (self);
}

static void
update_frozen (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (priv->column_view));
  gboolean show = hadjustment != NULL && gtk_adjustment_get_value (hadjustment) >= 1.0;
  GdkFrameClock *clock;

  if (show == gtk_widget_get_visible (GTK_WIDGET (priv->frozen_scroller)))
    return;
  /* The rows scroll together only while both show. Each list keeps its
   * own adjustment, which it alone configures: two lists configuring one
   * fight over it while the second's rows are still estimated. */
  g_clear_pointer (&priv->frozen_binding, g_binding_unbind);
  stop_waiting (self);
  /* Its rows exist only while it shows: a list view keeps some 200 rows
   * bound whether it is seen or not, which for the project tables' name
   * columns and tree expanders was a fifth of the page's widgets. */
  gtk_column_view_set_model (priv->frozen_view, show ? GTK_SELECTION_MODEL (priv->selection) : NULL);
  if (show)
    {
      sync_header_heights (self);
      /* A list new at its first row can be scrolled only once it has laid
       * rows out: before, its adjustment is empty (or sized by its last
       * showing) and a position given to it is dropped, or it lays out at
       * its first row all the same. Bound at once, the frozen rows stayed
       * at the top of the table, or the first layout's position carried
       * the table back to its top. So the lists are bound after the
       * frozen one's first layout, which gives its adjustment an upper
       * bound again (its value is left alone: a list scrolls on it). */
      gtk_adjustment_set_upper (gtk_scrolled_window_get_vadjustment (priv->frozen_scroller), 0);
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
      if (clock != NULL)
        {
          priv->frozen_clock = g_object_ref (clock);
          priv->frozen_layout_id = g_signal_connect_object (clock, "layout", G_CALLBACK (frozen_laid_out), self,
                                                            G_CONNECT_SWAPPED | G_CONNECT_AFTER);
        }
      else
        bind_rows (self);
    }
  gtk_widget_set_visible (GTK_WIDGET (priv->frozen_scroller), show);
}

void
_gk_table_page_frozen_setup (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkAdjustment *hadjustment;

  if (priv->n_frozen == 0)
    return;
  hadjustment = gtk_scrolled_window_get_hadjustment (priv->scroller);
  g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (update_frozen), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hadjustment, "changed", G_CALLBACK (update_frozen), self, G_CONNECT_SWAPPED);
  update_frozen (self);
}

/* No binding outlives the page, nor is one made while it goes. */
void
_gk_table_page_frozen_dispose (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GBinding *binding = g_steal_pointer (&priv->frozen_binding);

  /* Once: the scroller goes with the first dispose. */
  if (priv->n_frozen == 0)
    return;
  priv->n_frozen = 0;
  stop_waiting (self);
  g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_hadjustment (priv->scroller), self);
  if (binding != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (binding), (gpointer *) &priv->frozen_binding);
      g_binding_unbind (binding);
    }
}

static GtkListItem *
find_list_item (GtkWidget *widget,
                guint      depth)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "gk-list-item");

  if (item == NULL && GK_IS_TABLE_CELL (widget))
    item = gk_table_cell_get_list_item (GK_TABLE_CELL (widget));
  if (item != NULL || depth == 0)
    return item;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && item == NULL;
       child = gtk_widget_get_next_sibling (child))
    item = find_list_item (child, depth - 1);
  return item;
}

/* Right on a row, or on its code or name, goes into its first entered
 * figure, as it goes from one figure to the next. */
gboolean
_gk_table_page_focus_from_row (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) amounts = NULL;
  GtkListItem *item = NULL;
  guint position;

  if (focus == NULL ||
      !(gtk_widget_is_ancestor (focus, GTK_WIDGET (priv->column_view)) ||
        gtk_widget_is_ancestor (focus, GTK_WIDGET (priv->frozen_view))))
    return FALSE;
  for (GtkWidget *w = focus; w != NULL && item == NULL && !GTK_IS_COLUMN_VIEW (w); w = gtk_widget_get_parent (w))
    item = find_list_item (w, 0);
  /* The focus on a row: its cells are below it. */
  if (item == NULL)
    item = find_list_item (focus, 3);
  if (item == NULL || (position = gtk_list_item_get_position (item)) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  amounts = _gk_table_page_amount_columns (self);
  for (guint k = 0; k < amounts->len; k++)
    {
      ColumnInfo *info = amounts->pdata[k];
      g_autoptr(GkRow) row = _gk_table_page_dup_cell_row (self, position, info);

      if (row != NULL && gk_table_cell_takes_figure (row, info->model_column))
        return gk_table_page_focus_cell (self, row, info->model_column);
    }
  return FALSE;
}
