/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-table-page-private.h"

/* A rectangle of cells, as a spreadsheet selects them: Shift with an
 * arrow or a click extends it from the focused cell, which keeps the
 * focus; a plain move, a plain click or Escape collapses it. Its corners
 * are list positions and indices into the amount columns (the code and
 * name columns take no part), so that the two sides of a summary are
 * columns like the others. Rows coming or going clear it: its positions
 * would then point at other rows.
 *
 * The keyboard is read before the cells and the list see it (capture
 * phase): the list would take Shift+arrows to extend its row selection
 * and Left/Right to move between rows. */

#define SELECTED_CLASS "gk-selected"

GPtrArray *
_gk_table_page_amount_columns (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GPtrArray *amounts = g_ptr_array_new ();

  for (guint c = 0; c < priv->columns->len; c++)
    {
      ColumnInfo *info = priv->columns->pdata[c];

      if (info->kind == GK_LAYOUT_COLUMN_AMOUNT && info->model_column >= 0)
        g_ptr_array_add (amounts, info);
    }
  return amounts;
}

/* The row whose figure shows at @position in @info's column, else NULL. */
GkRow *
_gk_table_page_dup_cell_row (GkTablePage *self,
                             guint        position,
                             ColumnInfo  *info)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GObject) item = g_list_model_get_item (priv->rows, position);
  GkRow *row;

  if (item == NULL)
    return NULL;
  row = _gk_table_page_item_dup_row (item, info->right);
  if (row != NULL && (guint) info->model_column >= gk_row_get_n_columns (row))
    g_clear_object (&row);
  return row;
}

static gboolean
locate (GkTablePage *self,
        guint        position,
        GkRow       *row,
        guint        column,
        guint       *amount_column)
{
  g_autoptr(GPtrArray) amounts = _gk_table_page_amount_columns (self);

  for (guint k = 0; k < amounts->len; k++)
    {
      ColumnInfo *info = amounts->pdata[k];
      g_autoptr(GkRow) at = NULL;

      if ((guint) info->model_column != column)
        continue;
      at = _gk_table_page_dup_cell_row (self, position, info);
      if (at != NULL && at == row)
        {
          *amount_column = k;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
_gk_table_page_locate_cell (GkTablePage *self,
                            GkTableCell *cell,
                            guint       *position,
                            guint       *amount_column)
{
  GtkListItem *item = gk_table_cell_get_list_item (cell);
  GkRow *row = gk_table_cell_get_row (cell);
  guint p;

  if (item == NULL || row == NULL)
    return FALSE;
  p = gtk_list_item_get_position (item);
  if (p == GTK_INVALID_LIST_POSITION ||
      !locate (self, p, row, gk_table_cell_get_column (cell), amount_column))
    return FALSE;
  *position = p;
  return TRUE;
}

/* The focused cell, else the one that had the focus last: where a range
 * begins and a paste goes. */
gboolean
_gk_table_page_locate_focus (GkTablePage *self,
                             guint       *position,
                             guint       *amount_column)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GkTableCell *cell = gk_table_page_get_focus_cell (self);
  GkRow *row;
  guint p;

  if (cell != NULL && _gk_table_page_locate_cell (self, cell, position, amount_column))
    return TRUE;
  row = gk_table_page_get_focus_row (self);
  if (row == NULL)
    return FALSE;
  p = gk_table_page_find_row (self, row);
  if (p == G_MAXUINT || !locate (self, p, row, priv->focus_column, amount_column))
    return FALSE;
  *position = p;
  return TRUE;
}

/* "表二 201 一般公共服务支出 合计": a cell named as the printed table names
 * it, whatever the UI language. */
char *
_gk_table_page_dup_cell_name (GkTablePage *self,
                              guint        position,
                              ColumnInfo  *info)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  const GkTableSchema *schema = gk_table_get_schema (priv->table);
  g_autoptr(GkRow) row = _gk_table_page_dup_cell_row (self, position, info);
  g_autofree char *label = gk_table_schema_dup_label (schema);
  GString *name = g_string_new (label);

  if (row == NULL)
    {
      g_autoptr(GObject) item = g_list_model_get_item (priv->rows, position);

      row = item ? _gk_table_page_item_dup_row (item, !info->right) : NULL;
    }
  if (row != NULL)
    {
      if (gk_row_get_code (row) != NULL && gk_row_get_kind (row) != GK_ROW_KIND_PROJECT)
        g_string_append_printf (name, " %s", gk_row_get_code (row));
      if (gk_row_get_name (row) != NULL)
        g_string_append_printf (name, " %s", gk_row_get_name (row));
    }
  if ((guint) info->model_column < gk_table_schema_get_n_columns (schema))
    g_string_append_printf (name, " %s", gk_table_schema_get_column (schema, info->model_column)->title);
  return g_string_free (name, FALSE);
}

gboolean
_gk_table_page_get_range (GkTablePage *self,
                          guint       *top,
                          guint       *left,
                          guint       *bottom,
                          guint       *right)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  if (!priv->has_range)
    return FALSE;
  *top = MIN (priv->anchor_position, priv->end_position);
  *bottom = MAX (priv->anchor_position, priv->end_position);
  *left = MIN (priv->anchor_column, priv->end_column);
  *right = MAX (priv->anchor_column, priv->end_column);
  return TRUE;
}

void
_gk_table_page_mark_cell (GkTablePage *self,
                          GkTableCell *cell)
{
  guint top, left, bottom, right, position, k;

  if (_gk_table_page_get_range (self, &top, &left, &bottom, &right) &&
      _gk_table_page_locate_cell (self, cell, &position, &k) &&
      position >= top && position <= bottom && k >= left && k <= right)
    gtk_widget_add_css_class (GTK_WIDGET (cell), SELECTED_CLASS);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell), SELECTED_CLASS);
}

static void
mark_cells (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, priv->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    _gk_table_page_mark_cell (self, cell);
}

void
_gk_table_page_clear_range (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  if (!priv->has_range)
    return;
  priv->has_range = FALSE;
  mark_cells (self);
}

static void
scroll_to (GkTablePage *self,
           guint        position)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkWidget *list = gtk_widget_get_last_child (GTK_WIDGET (priv->column_view));

  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

static gboolean
begin_range (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  if (priv->has_range)
    return TRUE;
  if (!_gk_table_page_locate_focus (self, &priv->anchor_position, &priv->anchor_column))
    return FALSE;
  priv->end_position = priv->anchor_position;
  priv->end_column = priv->anchor_column;
  priv->has_range = TRUE;
  return TRUE;
}

/* Moves the range's far corner by a step, the range beginning at the
 * focused cell. */
static gboolean
extend_range (GkTablePage *self,
              int          rows,
              int          columns)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GPtrArray) amounts = _gk_table_page_amount_columns (self);
  gint64 n_rows = g_list_model_get_n_items (priv->rows);

  if (amounts->len == 0 || n_rows == 0 || !begin_range (self))
    return FALSE;
  priv->end_position = CLAMP ((gint64) priv->end_position + rows, 0, n_rows - 1);
  priv->end_column = CLAMP ((gint64) priv->end_column + columns, 0, (gint64) amounts->len - 1);
  mark_cells (self);
  scroll_to (self, priv->end_position);
  return TRUE;
}

static void
extend_range_to (GkTablePage *self,
                 guint        position,
                 guint        amount_column)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  if (!begin_range (self))
    {
      priv->anchor_position = position;
      priv->anchor_column = amount_column;
      priv->has_range = TRUE;
    }
  priv->end_position = position;
  priv->end_column = amount_column;
  mark_cells (self);
}

/* Selects the cells from one corner to the other, as Shift+click would. */
gboolean
gk_table_page_select_cells (GkTablePage *self,
                            GkRow       *from,
                            guint        from_column,
                            GkRow       *to,
                            guint        to_column)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  guint from_position, to_position, from_k, to_k;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (from) && GK_IS_ROW (to), FALSE);

  from_position = gk_table_page_find_row (self, from);
  to_position = gk_table_page_find_row (self, to);
  if (from_position == G_MAXUINT || to_position == G_MAXUINT ||
      !locate (self, from_position, from, from_column, &from_k) ||
      !locate (self, to_position, to, to_column, &to_k))
    return FALSE;
  priv->anchor_position = from_position;
  priv->anchor_column = from_k;
  priv->has_range = TRUE;
  extend_range_to (self, to_position, to_k);
  return TRUE;
}

/* The number of rows and columns selected; FALSE when no range is. */
gboolean
gk_table_page_get_range_size (GkTablePage *self,
                              guint       *n_rows,
                              guint       *n_columns)
{
  guint top, left, bottom, right;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), FALSE);

  if (!_gk_table_page_get_range (self, &top, &left, &bottom, &right))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = bottom - top + 1;
  if (n_columns != NULL)
    *n_columns = right - left + 1;
  return TRUE;
}

/* Left and Right step to the next entered cell of the row, Home and End
 * to its first and last. */
static void
move_in_row (GkTablePage *self,
             const char  *where)
{
  g_autoptr(GPtrArray) amounts = _gk_table_page_amount_columns (self);
  guint position, k;
  int from, step;

  if (!_gk_table_page_locate_focus (self, &position, &k))
    return;
  if (g_str_equal (where, "left"))
    from = (int) k - 1, step = -1;
  else if (g_str_equal (where, "right"))
    from = (int) k + 1, step = 1;
  else if (g_str_equal (where, "home"))
    from = 0, step = 1;
  else
    from = (int) amounts->len - 1, step = -1;

  for (int c = from; c >= 0 && c < (int) amounts->len; c += step)
    {
      ColumnInfo *info = amounts->pdata[c];
      g_autoptr(GkRow) row = _gk_table_page_dup_cell_row (self, position, info);

      if (row != NULL && gk_table_cell_takes_figure (row, info->model_column))
        {
          gk_table_page_focus_cell (self, row, info->model_column);
          return;
        }
    }
}

/* Actions ------------------------------------------------------------------ */

static void
extend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  int rows, columns;

  g_variant_get (parameter, "(ii)", &rows, &columns);
  extend_range (GK_TABLE_PAGE (widget), rows, columns);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _gk_table_page_clear_range (GK_TABLE_PAGE (widget));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _gk_table_page_clear_range (GK_TABLE_PAGE (widget));
  move_in_row (GK_TABLE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* Keys ----------------------------------------------------------------------- */

/* A letter on an amount cell is a mistake worth a word, not a key that
 * does nothing: the cell opens with it and says what it takes. */
static gboolean
letter_typed (GkTablePage *self,
              GkTableCell *cell,
              guint        keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[8] = { 0 };

  if (c == 0 || !g_unichar_isgraph (c) || g_unichar_isdigit (c) || c == '.' || c == '-' ||
      !gk_table_cell_is_entered (cell))
    return FALSE;
  g_unichar_to_utf8 (c, text);
  if (!gk_table_cell_start_editing (cell, text))
    return FALSE;
  gk_table_cell_set_error (cell, _("Amounts take only digits, a decimal point and a minus sign"));
  return TRUE;
}

static gboolean
key_pressed (GkTablePage           *self,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             GtkEventControllerKey *controller)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GkTableCell *cell = gk_table_page_get_focus_cell (self);
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  int rows = 0, columns = 0;

  /* Right from a row's code or name goes into its figures. */
  if (cell == NULL)
    return (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) &&
           (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) == 0 &&
           _gk_table_page_focus_from_row (self);
  /* While a cell is edited the keys are its text's. */
  if (gk_table_cell_is_editing (cell))
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      rows = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      rows = 1;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      columns = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      columns = 1;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      /* Shift: the range reaches the row's first or last cell (the step
       * is clamped to the row). */
      if (shift)
        {
          columns = keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home ? -G_MAXINT : G_MAXINT;
          break;
        }
      gtk_widget_activate_action (GTK_WIDGET (self), "table.move-in-row", "s",
                                  keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home ? "home" : "end");
      return TRUE;
    case GDK_KEY_Escape:
      if (!priv->has_range)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "table.clear-range", NULL);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      _gk_table_page_clear_range (self);
      return FALSE;
    default:
      return letter_typed (self, cell, keyval);
    }

  if (shift)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "table.extend-range", "(ii)", rows, columns);
      return TRUE;
    }
  _gk_table_page_clear_range (self);
  if (columns == 0)
    return FALSE;   /* Up and Down are the cell's */
  gtk_widget_activate_action (GTK_WIDGET (self), "table.move-in-row", "s", columns < 0 ? "left" : "right");
  return TRUE;
}

/* Clicks ---------------------------------------------------------------------- */

static GkTableCell *
cell_at (GtkWidget *widget,
         double     x,
         double     y)
{
  GtkWidget *picked = gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);

  while (picked != NULL && picked != widget && !GK_IS_TABLE_CELL (picked))
    picked = gtk_widget_get_parent (picked);
  return picked != NULL && GK_IS_TABLE_CELL (picked) ? GK_TABLE_CELL (picked) : NULL;
}

/* The list position of what was clicked: a cell, or a code or name,
 * whose widgets carry their list item. */
static guint
position_at (GtkWidget *widget,
             double     x,
             double     y)
{
  GtkWidget *picked = gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);

  for (; picked != NULL && picked != widget; picked = gtk_widget_get_parent (picked))
    {
      GtkListItem *item = NULL;

      if (GK_IS_TABLE_CELL (picked))
        item = gk_table_cell_get_list_item (GK_TABLE_CELL (picked));
      else
        item = g_object_get_data (G_OBJECT (picked), "gk-list-item");
      if (item != NULL)
        return gtk_list_item_get_position (item);
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
pressed (GkTablePage     *self,
         int              n_press,
         double           x,
         double           y,
         GtkGestureClick *gesture)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GkTableCell *cell = cell_at (widget, x, y);
  guint position, k, top, left, bottom, right;
  gboolean located = cell != NULL && _gk_table_page_locate_cell (self, cell, &position, &k);
  gboolean inside = located && _gk_table_page_get_range (self, &top, &left, &bottom, &right) &&
                    position >= top && position <= bottom && k >= left && k <= right;

  if (button == GDK_BUTTON_SECONDARY)
    {
      double px, py;
      guint at = located ? position : position_at (widget, x, y);

      /* The menu acts on what was clicked: its row, its cell. */
      if (!inside)
        {
          _gk_table_page_clear_range (self);
          if (at != GTK_INVALID_LIST_POSITION)
            gtk_selection_model_select_item (GTK_SELECTION_MODEL (priv->selection), at, TRUE);
          if (cell != NULL && gk_table_cell_is_entered (cell))
            gtk_widget_grab_focus (GTK_WIDGET (cell));
        }
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_translate_coordinates (widget, GTK_WIDGET (self), x, y, &px, &py);
      _gk_table_page_popup_menu (self, px, py);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;
  if ((state & GDK_SHIFT_MASK) && located)
    {
      extend_range_to (self, position, k);
      /* The focus stays at the anchor: the cell's own click would move it. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  _gk_table_page_clear_range (self);
}

static void
rows_changed (GkTablePage *self)
{
  _gk_table_page_clear_range (self);
}

void
_gk_table_page_range_setup (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_event_controller_set_name (key, "gk-table-keys");
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  /* The frozen code and name columns take the same clicks as the others. */
  for (guint i = 0; i < 2; i++)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "gk-table-clicks");
      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
      g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed), self);
      gtk_widget_add_controller (GTK_WIDGET (i == 0 ? priv->column_view : priv->frozen_view),
                                 GTK_EVENT_CONTROLLER (click));
    }

  g_signal_connect_object (priv->rows, "items-changed", G_CALLBACK (rows_changed), self, G_CONNECT_SWAPPED);
}

void
_gk_table_page_range_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "table.extend-range", "(ii)", extend_action);
  gtk_widget_class_install_action (widget_class, "table.clear-range", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "table.move-in-row", "s", move_action);
}
