/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-table-page-private.h"
#include "gk-table-unit.h"

/* Cell focus: GtkColumnView 4.8 has no cell focus and no way to scroll to
 * an item, so the page builds it. Amount cells are GkTableCell widgets,
 * focusable when entered; every bound cell is kept in `cells` with its
 * list item, which knows its position. To focus (position, column) the
 * page asks the list for "list.scroll-to-item" (an action every GtkListBase
 * has), then grabs the focus on the cell bound at that position, waiting a
 * few frames for the list to bind it when it was off screen. The focused
 * cell is remembered as (row, column) rather than as a position, because
 * positions shift when rows are added or removed above it. */

/* The largest number of frames to wait for the list to bind a cell. */
#define FOCUS_FRAMES 30

/* A summary's list item holds an income line on the left and an
 * expenditure line on the right (决算's 结余分配), each with its cells:
 * a cell is found by position, column and side. */
static gboolean
cell_entered_at (GkTablePage *self,
                 guint        position,
                 guint        column,
                 gboolean     right)
{
  g_autoptr(GkRow) row = NULL;
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GObject) item = g_list_model_get_item (priv->rows, position);

  if (item == NULL)
    return FALSE;
  row = _gk_table_page_item_dup_row (item, right);
  return row != NULL && column < gk_row_get_n_columns (row) && gk_table_cell_takes_figure (row, column);
}

static GkTableCell *
lookup_bound_cell (GkTablePage *self,
                   guint        position,
                   guint        column,
                   gboolean     right)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, priv->cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GkTableCell *cell = key;
      GtkListItem *item = gk_table_cell_get_list_item (cell);
      g_autoptr(GkRow) row = NULL;

      if (item == NULL || gk_table_cell_get_row (cell) == NULL ||
          gtk_list_item_get_position (item) != position ||
          gk_table_cell_get_column (cell) != column)
        continue;
      row = gtk_list_item_get_item (item) != NULL ? _gk_table_page_item_dup_row (gtk_list_item_get_item (item), right)
                                                 : NULL;
      if (row == gk_table_cell_get_row (cell))
        return cell;
    }
  return NULL;
}

/* Whether @cell shows the expenditure side of a summary's list item. */
static gboolean
cell_is_right (GkTableCell *cell)
{
  GtkListItem *item = gk_table_cell_get_list_item (cell);
  g_autoptr(GkRow) right = NULL;

  if (item == NULL || gtk_list_item_get_item (item) == NULL)
    return FALSE;
  right = _gk_table_page_item_dup_row (gtk_list_item_get_item (item), TRUE);
  return right != NULL && right == gk_table_cell_get_row (cell);
}

/* The cell of @row and @column while the list shows it, else NULL. */
GkTableCell *
gk_table_page_lookup_cell (GkTablePage *self,
                           GkRow       *row,
                           guint        column)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);

  g_hash_table_iter_init (&iter, priv->cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (gk_table_cell_get_row (key) == row && gk_table_cell_get_column (key) == column)
      return key;
  return NULL;
}

static void
reveal_cell (GkTablePage *self,
             GtkWidget   *cell)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (priv->column_view));
  graphene_rect_t bounds;

  if (hadjustment == NULL ||
      !gtk_widget_compute_bounds (cell, GTK_WIDGET (priv->column_view), &bounds))
    return;
  bounds.origin.x += gtk_adjustment_get_value (hadjustment);
  /* Clear of the frozen code and name columns over the left edge. */
  gtk_adjustment_clamp_page (hadjustment, MAX (0, bounds.origin.x - _gk_table_page_frozen_width (self)),
                             bounds.origin.x + bounds.size.width);
}

gboolean
_gk_table_page_try_focus_pending (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GkTableCell *cell = lookup_bound_cell (self, priv->pending_position, priv->pending_column, priv->pending_right);

  if (cell == NULL || !gtk_widget_get_mapped (GTK_WIDGET (cell)) ||
      !gtk_widget_grab_focus (GTK_WIDGET (cell)))
    return FALSE;
  reveal_cell (self, GTK_WIDGET (cell));
  return TRUE;
}

static gboolean
focus_tick (GtkWidget     *widget,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  GkTablePage *self = GK_TABLE_PAGE (widget);
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  if (_gk_table_page_try_focus_pending (self) || ++priv->pending_frames > FOCUS_FRAMES)
    {
      priv->pending_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
focus_position (GkTablePage *self,
                guint        position,
                guint        column,
                gboolean     right)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkWidget *list = gtk_widget_get_last_child (GTK_WIDGET (priv->column_view));

  priv->pending_position = position;
  priv->pending_column = column;
  priv->pending_right = right;
  priv->pending_frames = 0;
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  if (_gk_table_page_try_focus_pending (self))
    {
      if (priv->pending_tick_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), priv->pending_tick_id);
      priv->pending_tick_id = 0;
      return;
    }
  if (priv->pending_tick_id == 0)
    priv->pending_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick, NULL, NULL);
}

/* Moves the keyboard focus to an entered cell, scrolling to it. The focus
 * arrives once the list has bound the row, within a few frames. */
gboolean
gk_table_page_focus_cell (GkTablePage *self,
                          GkRow       *row,
                          guint        column)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GObject) item = NULL;
  g_autoptr(GkRow) right_row = NULL;
  gboolean right;
  guint position;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (row), FALSE);

  position = gk_table_page_find_row (self, row);
  if (position == G_MAXUINT)
    return FALSE;
  item = g_list_model_get_item (priv->rows, position);
  right_row = item != NULL ? _gk_table_page_item_dup_row (item, TRUE) : NULL;
  right = right_row == row;
  if (!cell_entered_at (self, position, column, right))
    return FALSE;
  _gk_table_page_clear_range (self);
  g_set_object (&priv->focus_row, row);
  priv->focus_column = column;
  focus_position (self, position, column, right);
  return TRUE;
}

GkTableCell *
gk_table_page_get_focus_cell (GkTablePage *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  while (focus != NULL && !GK_IS_TABLE_CELL (focus) && focus != GTK_WIDGET (self))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL || !GK_IS_TABLE_CELL (focus) ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  return GK_TABLE_CELL (focus);
}

/* The cell that last had the focus: where a paste goes. */
GkRow *
gk_table_page_get_focus_row (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  if (priv->focus_row != NULL && gk_row_get_table (priv->focus_row) != priv->table)
    g_clear_object (&priv->focus_row);
  return priv->focus_row;
}

guint
gk_table_page_get_focus_column (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), 0);
  return priv->focus_column;
}

guint
_gk_table_page_n_model_columns (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  return gk_table_schema_get_n_columns (gk_table_get_schema (priv->table));
}

/* Tab and Shift+Tab walk the entered cells row by row; Enter, Up and Down
 * stay in the column. */
void
_gk_table_page_cell_move (GkTablePage *self,
                         GkTableMove  move,
                         GkTableCell *cell)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkListItem *item = gk_table_cell_get_list_item (cell);
  guint n_rows = g_list_model_get_n_items (priv->rows);
  guint n_columns = _gk_table_page_n_model_columns (self);
  gboolean right = cell_is_right (cell);
  guint position, column;

  if (item == NULL)
    return;
  position = gtk_list_item_get_position (item);
  column = gk_table_cell_get_column (cell);
  if (position >= n_rows)
    return;

  switch (move)
    {
    case GK_TABLE_MOVE_NEXT:
      for (guint p = position, c = column + 1; p < n_rows; p++, c = 0)
        for (; c < n_columns; c++)
          if (cell_entered_at (self, p, c, right))
            {
              focus_position (self, p, c, right);
              return;
            }
      break;

    case GK_TABLE_MOVE_PREVIOUS:
      for (int p = position, c = (int) column - 1; p >= 0; p--, c = n_columns - 1)
        for (; c >= 0; c--)
          if (cell_entered_at (self, p, c, right))
            {
              focus_position (self, p, c, right);
              return;
            }
      break;

    case GK_TABLE_MOVE_DOWN:
      for (guint p = position + 1; p < n_rows; p++)
        if (cell_entered_at (self, p, column, right))
          {
            focus_position (self, p, column, right);
            return;
          }
      break;

    case GK_TABLE_MOVE_UP:
    default:
      for (int p = (int) position - 1; p >= 0; p--)
        if (cell_entered_at (self, p, column, right))
          {
            focus_position (self, p, column, right);
            return;
          }
      break;
    }
}

/* A summary's entered line is kept by the table, not by its row. */
static gboolean
commit_line (GkTablePage *self,
             GkRow       *row,
             const char  *text,
             GkTableCell *cell)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  GkTable *table = gk_row_get_table (row);
  guint column = gk_table_cell_get_column (cell);
  GkAmount amount;
  const char *column_id = gk_table_schema_get_column (gk_table_get_schema (table), column)->id;

  if ((stripped[0] != '\0' && !gk_table_parse_amount (table, priv->document, stripped, &amount, &error)) ||
      !gk_document_set_line_figure (priv->document, table, gk_row_get_line_id (row), column_id,
                                    stripped[0] != '\0' ? &amount : NULL, &error))
    {
      gk_table_cell_set_error (cell, error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
_gk_table_page_cell_commit (GkTablePage *self,
                           const char  *text,
                           GkTableCell *cell)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GError) error = NULL;
  GkRow *row = gk_table_cell_get_row (cell);

  if (row == NULL)
    return FALSE;
  if (gk_table_cell_find_line (row) != NULL)
    return commit_line (self, row, text, cell);
  if (!gk_document_set_amount_text (priv->document, row, gk_table_cell_get_column (cell), text, &error))
    {
      gk_table_cell_set_error (cell, error->message);
      return FALSE;
    }
  return TRUE;
}

void
_gk_table_page_cell_focused (GkTablePage              *self,
                            GtkEventControllerFocus  *controller)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GkTableCell *cell = GK_TABLE_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  guint position, k;

  if (gk_table_cell_get_row (cell) == NULL)
    return;
  /* A range keeps the focus at its anchor; the focus elsewhere ends it. */
  if (priv->has_range &&
      (!_gk_table_page_locate_cell (self, cell, &position, &k) ||
       position != priv->anchor_position || k != priv->anchor_column))
    _gk_table_page_clear_range (self);
  g_set_object (&priv->focus_row, gk_table_cell_get_row (cell));
  priv->focus_column = gk_table_cell_get_column (cell);
}
