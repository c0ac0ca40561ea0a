/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-xlsx-import-private.h"
#include "gk-xlsx-sheet.h"

/* A one-row table (三公) laid out the other way round: its items down the
 * sheet (因公出国（境）费 / 公务用车购置及运行费 / 其中：公务用车购置费 / …)
 * and the figures in a 预算数 column, often beside 上年预算数 and 增减. */

/* "其中：公务用车购置费", "1.因公出国(境)费", "(一)公务接待费" → the
 * item's wording, normalised. */
static char *
item_wording (const char *text)
{
  static GRegex *enumerator;
  static gsize done;
  g_autofree char *normalized = gk_xlsx_normalize (text);
  g_autofree char *bare = NULL;
  const char *p;

  if (g_once_init_enter (&done))
    {
      enumerator = g_regex_new ("^(?:[一二三四五六七八九十]+[、.]|\\([一二三四五六七八九十\\d]+\\)|\\d+[、.])",
                                G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&done, 1);
    }
  bare = g_regex_replace_literal (enumerator, normalized, -1, 0, "", 0, NULL);
  p = bare;
  if (g_str_has_prefix (p, "其中:"))
    p += strlen ("其中:");
  else if (g_str_has_prefix (p, "其中"))
    p += strlen ("其中");
  return g_strdup (p);
}

/**
 * _gk_xlsx_item_label:
 * @column: (out) (optional): where the label is
 *
 * Returns: (nullable): the wording of the first cell of @row that holds
 *   words rather than a figure, normalised
 */
char *
_gk_xlsx_item_label (GkXlsxTableSheet *self,
                     guint             row,
                     int              *column)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (self->sheet, row, c);
      const char *text = gk_xlsx_table_sheet_text (self, row, c);

      if (text == NULL || cell->type != GK_XLSX_CELL_TEXT || cell->covered)
        continue;
      /* Words, not "12.50" or "-": a Chinese character. */
      for (const char *p = text; *p != '\0'; p++)
        if ((guchar) *p >= 0x80)
          {
            char *wording = item_wording (text);

            if (wording[0] == '\0')
              {
                g_free (wording);
                break;
              }
            if (column != NULL)
              *column = c;
            return wording;
          }
    }
  return NULL;
}

/* How much a heading looks like this year's figures: 本年预算数 over 预算数
 * over 合计; 0 for last year's figures and the change. */
static guint
value_score (const char *heading)
{
  static const char * const others[] = { "上年", "去年", "增减", "增长", "增幅", "变动", "比", "%", "说明", "备注" };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (strstr (heading, others[i]) != NULL)
      return 0;
  if (strstr (heading, "本年") != NULL)
    return 4;
  if (strstr (heading, "预算") != NULL)
    return 3;
  if (strstr (heading, "合计") != NULL || strstr (heading, "金额") != NULL)
    return 2;
  return g_str_has_suffix (heading, "数") ? 1 : 0;
}

/**
 * _gk_xlsx_find_items_as_rows:
 *
 * Recognises a one-row table whose headings name none or one of its
 * columns but whose rows name two or more: then its figures are read down
 * the column that holds this year's, one item a row.
 */
void
_gk_xlsx_find_items_as_rows (GkXlsxTableSheet *self)
{
  const GkTableSchema *schema = self->schema;
  guint n = gk_table_schema_get_n_columns (schema);
  g_autofree int *rows = g_new (int, n);
  g_autofree gboolean *labels = g_new0 (gboolean, MAX (self->n_columns, 1));
  guint n_mapped = 0, n_items = 0, best_score = 0;
  int value = -1;

  for (guint c = 0; c < self->n_columns; c++)
    n_mapped += self->amounts[c] >= 0;
  if (n_mapped > 1)
    return;

  for (guint i = 0; i < n; i++)
    rows[i] = -1;
  for (guint r = self->data_start; r < self->sheet->n_rows; r++)
    {
      g_autofree char *label = NULL;
      int label_column = -1;
      int item;

      if (gk_xlsx_table_sheet_is_note (self, r) ||
          (label = _gk_xlsx_item_label (self, r, &label_column)) == NULL)
        continue;
      item = _gk_xlsx_match_amount_column (schema, label, NULL);
      if (item < 0 || rows[item] >= 0)
        continue;
      rows[item] = r;
      labels[label_column] = TRUE;
      n_items++;
    }
  if (n_items < 2)
    return;

  for (guint c = 0; c < self->n_columns; c++)
    {
      guint score = labels[c] ? 0 : value_score (gk_xlsx_table_sheet_heading (self, c));

      if (score > best_score)
        {
          best_score = score;
          value = c;
        }
    }
  if (value < 0)
    return;

  for (guint c = 0; c < self->n_columns; c++)
    {
      self->roles[c] = labels[c] ? GK_XLSX_ROLE_NAME : GK_XLSX_ROLE_NONE;
      self->amounts[c] = -1;
    }
  self->roles[value] = GK_XLSX_ROLE_AMOUNT;
  self->value_column = value;
  self->item_rows = g_steal_pointer (&rows);
}

/**
 * _gk_xlsx_read_items:
 *
 * Reads the figures of a table found by _gk_xlsx_find_items_as_rows()
 * into one line, each figure with its own row, and reports the rows that
 * name no item of the table.
 */
gboolean
_gk_xlsx_read_items (GkXlsxImporter  *imp,
                     GkXlsxPart      *part,
                     GkXlsxLine     **line_out,
                     GError         **error)
{
  GkXlsxTableSheet *ts = part->ts;
  guint n = gk_table_schema_get_n_columns (ts->schema);
  GkXlsxLine *line = _gk_xlsx_line_new (n);

  line->rows = g_new (int, n);
  line->row = ts->data_start;
  for (guint c = 0; c < n; c++)
    {
      GkAmount amount;
      gboolean set;

      line->rows[c] = ts->item_rows[c];
      if (ts->item_rows[c] < 0)
        continue;
      line->row = MIN (line->row, (guint) ts->item_rows[c]);
      line->cells[c] = ts->value_column;
      if (!gk_xlsx_read_amount (imp, part, ts->item_rows[c], ts->value_column, c, &amount, &set, error))
        {
          _gk_xlsx_line_free (line);
          return FALSE;
        }
      if (set)
        {
          line->values[c] = amount;
          line->set |= G_GUINT64_CONSTANT (1) << c;
        }
    }

  for (guint r = ts->data_start; r < ts->sheet->n_rows; r++)
    {
      g_autofree char *label = NULL;
      gboolean item = FALSE;

      for (guint c = 0; c < n; c++)
        item |= ts->item_rows[c] == (int) r;
      if (item || gk_xlsx_table_sheet_is_note (ts, r) || (label = _gk_xlsx_item_label (ts, r, NULL)) == NULL)
        continue;
      gk_xlsx_report (imp, _("%s, row %u (“%s”): not an item of this table; ignored"), ts->label, r + 1, label);
    }
  *line_out = line;
  return TRUE;
}
