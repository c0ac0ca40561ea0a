/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-table-page-private.h"

/* Clipboard ------------------------------------------------------------- */

/* The selected rows (else the focused cell's row) as tab-separated text,
 * one line per row, the columns as printed. */
char *
gk_table_page_copy_text (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);

  /* A copy: the selection model may hand out its own set. */
  {
    g_autoptr(GtkBitset) current = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (priv->selection));
    selected = gtk_bitset_copy (current);
  }
  if (gtk_bitset_is_empty (selected) && gk_table_page_get_focus_row (self) != NULL)
    {
      position = gk_table_page_find_row (self, priv->focus_row);
      if (position != G_MAXUINT)
        gtk_bitset_add (selected, position);
    }

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(GObject) item = g_list_model_get_item (priv->rows, position);

      for (guint c = 0; c < priv->columns->len; c++)
        {
          g_autofree char *cell = _gk_table_page_column_text (priv->columns->pdata[c], item);

          if (c > 0)
            g_string_append_c (text, '\t');
          g_string_append (text, cell);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  GkRow *row;
  guint  column;
  char  *text;
} PasteCell;

static void
paste_cell_clear (gpointer data)
{
  PasteCell *cell = data;

  g_object_unref (cell->row);
  g_free (cell->text);
}

/* Pastes a block of tab-separated cells (as a spreadsheet copies them)
 * with its top-left corner at the focused cell. The block lies over the
 * table as shown: a value that falls on a computed cell (a subtotal copied
 * with the rest) is not written, only entered cells take values. Every
 * value is checked first; one bad value refuses the whole paste, and the
 * rest is one undoable action. */
gboolean
gk_table_page_paste_text (GkTablePage  *self,
                          const char   *text,
                          GError      **error)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) plan = NULL;
  guint n_lines, start, n_rows, n_columns;
  GkRow *focus;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  focus = gk_table_page_get_focus_row (self);
  start = focus ? gk_table_page_find_row (self, focus) : G_MAXUINT;
  if (start == G_MAXUINT)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                           _("Nothing was pasted: click the cell where the copied cells should start"));
      return FALSE;
    }

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  while (n_lines > 0 && g_strstrip (lines[n_lines - 1])[0] == '\0')
    n_lines--;
  if (n_lines == 0)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("Nothing was pasted: the clipboard holds no cells"));
      return FALSE;
    }

  n_rows = g_list_model_get_n_items (priv->rows);
  n_columns = _gk_table_page_n_model_columns (self);
  plan = g_array_new (FALSE, TRUE, sizeof (PasteCell));
  g_array_set_clear_func (plan, paste_cell_clear);

  if (start + n_lines > n_rows)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("Nothing was pasted: the %u copied rows do not fit below the focused cell"), n_lines);
      return FALSE;
    }

  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) values = NULL;
      g_autoptr(GkRow) row = NULL;
      g_autoptr(GObject) item = g_list_model_get_item (priv->rows, start + i);
      char *end = strchr (lines[i], '\r');

      if (end != NULL && end[1] == '\0')
        *end = '\0';
      values = g_strsplit (lines[i], "\t", -1);
      row = _gk_table_page_item_dup_row (item, FALSE);

      for (guint j = 0; values[j] != NULL; j++)
        {
          guint column = priv->focus_column + j;
          g_autoptr(GError) parse_error = NULL;
          char *value = g_strstrip (values[j]);
          GkAmount amount;
          PasteCell cell;

          if (column >= n_columns)
            {
              g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("Nothing was pasted: the copied cells are wider than the table from the focused cell"));
              return FALSE;
            }
          if (row == NULL || !gk_row_is_cell_entered (row, column))
            continue;
          if (value[0] != '\0' && !gk_amount_parse (value, GK_AMOUNT_PARSE_DEFAULT, &amount, &parse_error))
            {
              g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("Nothing was pasted: “%s” in row %u, column %u of the copied cells is not a figure: %s"),
                           value, i + 1, j + 1, parse_error->message);
              return FALSE;
            }
          cell.row = g_object_ref (row);
          cell.column = column;
          cell.text = g_strdup (value);
          g_array_append_val (plan, cell);
        }
    }

  if (plan->len == 0)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                           _("Nothing was pasted: the copied cells fall on computed cells only"));
      return FALSE;
    }

  gk_document_begin_action (priv->document, _("Paste"));
  for (guint i = 0; i < plan->len; i++)
    {
      PasteCell *cell = &g_array_index (plan, PasteCell, i);
      g_autoptr(GError) set_error = NULL;

      if (!gk_document_set_amount_text (priv->document, cell->row, cell->column, cell->text, &set_error))
        g_warning ("A checked value was refused: %s", set_error->message);
    }
  gk_document_end_action (priv->document);
  return TRUE;
}

static void
gk_table_page_copy_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GkTablePage *self = GK_TABLE_PAGE (widget);
  g_autofree char *text = gk_table_page_copy_text (self);

  if (text[0] != '\0')
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
paste_received (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GkTablePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gk_table_page_show_message (self, _("Nothing was pasted: the clipboard holds no text"));
      return;
    }
  if (!gk_table_page_paste_text (self, text, &error))
    gk_table_page_show_message (self, error->message);
}

static void
gk_table_page_paste_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 paste_received, g_object_ref (widget));
}

void
_gk_table_page_clipboard_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "table.copy", NULL, gk_table_page_copy_action);
  gtk_widget_class_install_action (widget_class, "table.paste", NULL, gk_table_page_paste_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "table.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_SHIFT_MASK, "table.paste", NULL);
}
