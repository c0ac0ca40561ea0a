/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-io.h"
#include "gk-table-page-private.h"
#include "gk-table-unit.h"

/* Clipboard ------------------------------------------------------------- */

/* Figures go out as the table shows them, in its unit, but exact: a 万元
 * table of a 元 document shows 1 234.56元 as 0.12, and copies 0.123456,
 * so that pasting it back changes nothing. */

/* 123456 hundredths of 元 → "0.123456" 万元: a 万元 figure has six decimals
 * of 元 cents. */
static char *
format_wanyuan_exact (GkAmount yuan)
{
  guint64 magnitude = yuan < 0 ? - (guint64) yuan : (guint64) yuan;
  g_autofree char *digits = g_strdup_printf ("%07" G_GUINT64_FORMAT, magnitude);
  gsize len = strlen (digits);
  GString *text = g_string_new (yuan < 0 ? "-" : "");

  g_string_append_len (text, digits, len - 6);
  g_string_append_c (text, '.');
  g_string_append (text, digits + len - 6);
  /* Two decimals at least, as every figure shows. */
  while (text->str[text->len - 1] == '0' && text->str[text->len - 3] != '.')
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

/* The text of a cell: "" when blank, what it shows when it shows no
 * figure ("####"). */
static char *
format_exact (GkTablePage *self,
              GkRow       *row,
              guint        column)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GkAmount amount, shown;
  gboolean rounded = FALSE;

  if (row == NULL || !gk_row_get_amount (row, column, &amount))
    return g_strdup (row != NULL && gk_row_has_overflow (row, column) ? "####" : "");
  if (!gk_table_amount_to_shown (gk_row_get_table (row), priv->document, amount, &shown, &rounded))
    return g_strdup ("####");
  if (rounded)
    return format_wanyuan_exact (amount);
  return gk_amount_format (shown);
}

/* "0.123456" 万元 → "1234.56" 元; NULL for anything else, which the
 * usual parser then reads or explains. */
static char *
wanyuan_to_yuan_text (const char *text)
{
  const char *p = text;
  g_autoptr(GString) whole = g_string_new (NULL);
  g_autoptr(GString) fraction = g_string_new (NULL);
  gboolean negative = FALSE;
  GString *yuan;

  if (*p == '-')
    negative = TRUE, p++;
  for (; g_ascii_isdigit (*p); p++)
    g_string_append_c (whole, *p);
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      g_string_append_c (fraction, *p);
  if (*p != '\0' || whole->len == 0 || fraction->len <= 2 || fraction->len > 6)
    return NULL;
  while (fraction->len < 6)
    g_string_append_c (fraction, '0');
  g_string_append_len (whole, fraction->str, 4);
  while (whole->len > 1 && whole->str[0] == '0')
    g_string_erase (whole, 0, 1);
  yuan = g_string_new (negative ? "-" : "");
  g_string_append_printf (yuan, "%s.%s", whole->str, fraction->str + 4);
  return g_string_free (yuan, FALSE);
}

/* Reads a figure as a cell of @row shows it; computed cells may be
 * negative (a change against last year), entered ones may not. */
static gboolean
parse_shown (GkTablePage  *self,
             GkRow        *row,
             const char   *text,
             gboolean      computed,
             GkAmount     *stored,
             GError      **error)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GkTable *table = gk_row_get_table (row);
  GkMoneyUnit table_unit = gk_table_get_money_unit (table, priv->document);
  GkMoneyUnit document_unit = gk_document_get_money_unit (priv->document);
  GkAmountParseFlags flags = computed ? GK_AMOUNT_PARSE_ALLOW_NEGATIVE : GK_AMOUNT_PARSE_DEFAULT;
  GkAmount typed;
  gboolean rounded = FALSE;

  if (table_unit == GK_MONEY_UNIT_WANYUAN && document_unit == GK_MONEY_UNIT_YUAN)
    {
      g_autofree char *yuan = wanyuan_to_yuan_text (text);

      if (yuan != NULL && gk_amount_parse (yuan, flags, stored, NULL) &&
          (computed || gk_amount_check_entered (*stored, NULL)))
        return TRUE;
    }
  if (!computed)
    return gk_table_parse_amount (table, priv->document, text, stored, error) &&
           gk_amount_check_entered (*stored, error);
  return gk_amount_parse (text, flags, &typed, error) &&
         gk_amount_convert (typed, table_unit, document_unit, stored, &rounded) && !rounded;
}

static char *
copy_cells (GkTablePage *self,
            guint        top,
            guint        left,
            guint        bottom,
            guint        right)
{
  g_autoptr(GPtrArray) amounts = _gk_table_page_amount_columns (self);
  GString *text = g_string_new (NULL);

  for (guint p = top; p <= bottom; p++)
    {
      for (guint k = left; k <= right && k < amounts->len; k++)
        {
          ColumnInfo *info = amounts->pdata[k];
          g_autoptr(GkRow) row = _gk_table_page_dup_cell_row (self, p, info);
          g_autofree char *cell = format_exact (self, row, info->model_column);

          if (k > left)
            g_string_append_c (text, '\t');
          g_string_append (text, cell);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* The selected range of cells as tab-separated text, one line per row;
 * else the focused cell; else, when rows are selected and no cell has the
 * focus, those rows with every column as printed. */
char *
gk_table_page_copy_text (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkBitsetIter iter;
  guint position, top, left, bottom, right;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);

  if (_gk_table_page_get_range (self, &top, &left, &bottom, &right))
    return copy_cells (self, top, left, bottom, right);

  /* A copy: the selection model may hand out its own set. */
  {
    g_autoptr(GtkBitset) current = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (priv->selection));
    selected = gtk_bitset_copy (current);
  }
  if ((gk_table_page_get_focus_cell (self) != NULL || gtk_bitset_is_empty (selected)) &&
      _gk_table_page_locate_focus (self, &position, &left))
    return copy_cells (self, position, left, position, left);

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
  GkRow    *row;
  guint     column;
  gboolean  blank;
  GkAmount  amount;
} PasteCell;

static void
paste_cell_clear (gpointer data)
{
  PasteCell *cell = data;

  g_object_unref (cell->row);
}

/* Whether @value laid over a computed cell (or a place without a cell)
 * says what it already shows: a copied range pasted back, subtotals and
 * all, changes nothing and is no mistake. */
static gboolean
matches_computed (GkTablePage *self,
                  GkRow       *row,
                  guint        column,
                  const char  *value)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autofree char *exact = format_exact (self, row, column);
  GkAmount computed = 0, pasted;

  if (g_str_equal (value, exact))
    return TRUE;
  if (row == NULL)
    return value[0] == '\0';
  if (gk_row_has_overflow (row, column))
    return FALSE;
  if (gk_row_get_amount (row, column, &computed))
    {
      g_autofree char *shown = gk_table_format_amount (gk_row_get_table (row), priv->document, computed);

      if (g_str_equal (value, shown))
        return TRUE;
    }
  if (value[0] == '\0')
    return computed == 0;
  return parse_shown (self, row, value, TRUE, &pasted, NULL) && pasted == computed;
}

/* A value laid over a computed cell, checked once the entered values
 * are known. */
typedef struct
{
  guint  position;
  guint  amount_column;
  GkRow *row;            /* NULL where the line has no such side */
  char  *value;          /* unowned: the split block's */
} PasteCheck;

static void
paste_check_clear (gpointer data)
{
  PasteCheck *check = data;

  g_clear_object (&check->row);
}

static guint
index_of (GListModel *model,
          gpointer    wanted)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == wanted)
        return i;
    }
  return G_MAXUINT;
}

/* Sets a pasted figure: a summary's entered line is kept by its table. */
static gboolean
paste_set (GkDocument      *document,
           GkRow           *row,
           guint            column,
           const GkAmount  *amount,
           GError         **error)
{
  GkTable *table = gk_row_get_table (row);

  if (gk_table_cell_find_line (row) == NULL)
    return gk_document_set_amount (document, row, column, amount, error);
  return gk_document_set_line_figure (document, table, gk_row_get_line_id (row),
                                      gk_table_schema_get_column (gk_table_get_schema (table), column)->id,
                                      amount, error);
}

/* The row of @twin_table at @row's place in its own table. */
static GkRow *
twin_row (GkTable *twin_table,
          GkRow   *row)
{
  GkTable *table = gk_row_get_table (row);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  GkRow *twin = NULL;

  if (row == gk_table_get_total_row (table))
    return gk_table_get_total_row (twin_table);
  for (GkRow *r = row; r != NULL; r = gk_row_get_parent (r))
    {
      GkRow *parent = gk_row_get_parent (r);
      guint i = index_of (parent ? gk_row_get_children (parent) : gk_table_get_roots (table), r);

      if (i == G_MAXUINT)
        return NULL;
      g_array_prepend_val (path, i);
    }
  for (guint d = 0; d < path->len; d++)
    {
      GListModel *siblings = twin ? gk_row_get_children (twin) : gk_table_get_roots (twin_table);
      g_autoptr(GkRow) next = g_list_model_get_item (siblings, g_array_index (path, guint, d));

      if (next == NULL)
        return NULL;
      twin = next;   /* the table holds it */
    }
  return twin;
}

/* The document as the paste would leave it, to read the computed cells
 * from without touching the real one: a refused paste changes nothing,
 * not even the undo history. */
static GkDocument *
dup_pasted (GkTablePage *self,
            GArray      *plan)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GBytes) bytes = gk_document_serialize (priv->document);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  GkDocument *copy = gk_document_load_from_data (data, length, &error);
  GkTable *table;

  if (copy == NULL)
    {
      g_warning ("The document could not be read back: %s", error->message);
      return NULL;
    }
  table = gk_document_get_table (copy, gk_table_get_id (priv->table));
  for (guint i = 0; table != NULL && i < plan->len; i++)
    {
      PasteCell *cell = &g_array_index (plan, PasteCell, i);
      GkRow *twin = twin_row (table, cell->row);

      if (twin != NULL)
        paste_set (copy, twin, cell->column, cell->blank ? NULL : &cell->amount, NULL);
    }
  return copy;
}

/* Pastes a block of tab-separated cells (as a spreadsheet copies them)
 * with its top-left corner at the selected range's, else at the focused
 * cell. The block lies over the amount columns as shown. A value that
 * falls on a computed cell must be what the cell computes once the
 * block's other values are in: a copied range pasted back, subtotals and
 * all, is no mistake. Every value is checked first; one that does not
 * fit refuses the whole paste with the cells named as the printed table
 * names them, and the rest is one undoable action. */
gboolean
gk_table_page_paste_text (GkTablePage  *self,
                          const char   *text,
                          GError      **error)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GPtrArray) amounts = _gk_table_page_amount_columns (self);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) checks = NULL;
  g_autoptr(GkDocument) pasted = NULL;
  g_autoptr(GString) differing = g_string_new (NULL);
  g_auto(GStrv) split = NULL;
  GkTable *pasted_table = NULL;
  guint n_lines, start, start_column, n_rows, width = 0, n_differing = 0, bottom, right;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!_gk_table_page_get_range (self, &start, &start_column, &bottom, &right) &&
      !_gk_table_page_locate_focus (self, &start, &start_column))
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                           _("Nothing was pasted: click the cell where the copied cells should start"));
      return FALSE;
    }

  split = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (split);
  /* Trailing blank lines go; a last line's leading tab stays, it is a
   * blank first cell. */
  while (n_lines > 0 && split[n_lines - 1][strspn (split[n_lines - 1], " \r\n")] == '\0')
    n_lines--;
  if (n_lines == 0)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("Nothing was pasted: the clipboard holds no cells"));
      return FALSE;
    }
  for (guint i = 0; i < n_lines; i++)
    {
      char *end = strchr (split[i], '\r');

      if (end != NULL && end[1] == '\0')
        *end = '\0';
      g_ptr_array_add (lines, g_strsplit (split[i], "\t", -1));
      width = MAX (width, g_strv_length (lines->pdata[i]));
    }

  n_rows = g_list_model_get_n_items (priv->rows);
  if (start + n_lines > n_rows)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("Nothing was pasted: %u of the copied rows do not fit below the last row of the table"),
                   start + n_lines - n_rows);
      return FALSE;
    }
  if (start_column + width > amounts->len)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("Nothing was pasted: %u of the copied columns do not fit beside the last column of the table"),
                   start_column + width - amounts->len);
      return FALSE;
    }

  plan = g_array_new (FALSE, TRUE, sizeof (PasteCell));
  g_array_set_clear_func (plan, paste_cell_clear);
  checks = g_array_new (FALSE, TRUE, sizeof (PasteCheck));
  g_array_set_clear_func (checks, paste_check_clear);
  for (guint i = 0; i < n_lines; i++)
    {
      GStrv values = lines->pdata[i];

      for (guint j = 0; values[j] != NULL; j++)
        {
          ColumnInfo *info = amounts->pdata[start_column + j];
          g_autoptr(GkRow) row = _gk_table_page_dup_cell_row (self, start + i, info);
          g_autoptr(GError) parse_error = NULL;
          char *value = g_strstrip (values[j]);
          PasteCell cell = { 0 };
          GkAmount current;
          gboolean had;

          if (row == NULL || !gk_table_cell_takes_figure (row, info->model_column))
            {
              PasteCheck check = { start + i, start_column + j, g_steal_pointer (&row), value };

              g_array_append_val (checks, check);
              continue;
            }
          cell.blank = value[0] == '\0';
          if (!cell.blank && !parse_shown (self, row, value, FALSE, &cell.amount, &parse_error))
            {
              g_autofree char *name = _gk_table_page_dup_cell_name (self, start + i, info);

              g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("Nothing was pasted: “%s” for %s is not a figure: %s"),
                           value, name, parse_error->message);
              return FALSE;
            }
          had = gk_row_get_amount (row, info->model_column, &current);
          if (cell.blank ? !had : (had && current == cell.amount))
            continue;
          cell.row = g_steal_pointer (&row);
          cell.column = info->model_column;
          g_array_append_val (plan, cell);
        }
    }

  if (checks->len > 0 && plan->len > 0)
    {
      pasted = dup_pasted (self, plan);
      pasted_table = pasted ? gk_document_get_table (pasted, gk_table_get_id (priv->table)) : NULL;
    }
  for (guint i = 0; i < checks->len; i++)
    {
      PasteCheck *check = &g_array_index (checks, PasteCheck, i);
      ColumnInfo *info = amounts->pdata[check->amount_column];
      GkRow *row = check->row;
      g_autofree char *name = NULL;
      g_autofree char *shown = NULL;

      if (row != NULL && pasted_table != NULL)
        row = twin_row (pasted_table, row) ?: row;
      if (matches_computed (self, row, info->model_column, check->value))
        continue;
      if (n_differing++ >= 3)
        continue;
      name = _gk_table_page_dup_cell_name (self, check->position, info);
      shown = format_exact (self, row, info->model_column);
      g_string_append_printf (differing, n_differing > 1 ? _("; %s (copied %s, computed %s)")
                                                         : _("%s (copied %s, computed %s)"),
                              name, check->value[0] ? check->value : _("blank"),
                              shown[0] ? shown : _("blank"));
    }
  if (n_differing > 0)
    {
      if (n_differing > 3)
        g_string_append (differing, _("; …"));
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                   _("Nothing was pasted: these cells are computed and cannot take other figures: %s"),
                   differing->str);
      return FALSE;
    }
  /* The block says what the table already holds. */
  if (plan->len == 0)
    return TRUE;

  gk_document_begin_action (priv->document, _("Paste"));
  for (guint i = 0; i < plan->len; i++)
    {
      PasteCell *cell = &g_array_index (plan, PasteCell, i);
      g_autoptr(GError) set_error = NULL;

      if (!paste_set (priv->document, cell->row, cell->column,
                      cell->blank ? NULL : &cell->amount, &set_error))
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
  /* A menu shows the last binding of an action: Ctrl+C and Ctrl+V. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_SHIFT_MASK, "table.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "table.paste", NULL);
}
