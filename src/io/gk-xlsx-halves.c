/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-pdf-import-private.h"
#include "gk-xlsx-import-private.h"
#include "gk-xlsx-package.h"
#include "gk-xlsx-sheet.h"

/* A 决算's 基本支出 table is printed in two halves side by side — 人员经费
 * on the left, 公用经费 on the right — each half a table of its own, with
 * 人员经费合计 beside 公用经费合计 on its last line. A PDF's pages laid out
 * as a sheet and a workbook's sheet are read the same way: the right half
 * below the left, the printed totals kept to be compared. */

static gboolean
is_paired_total (const char *text,
                 guint      *side)
{
  g_autofree char *t = gk_xlsx_normalize (text);

  if (g_str_equal (t, "人员经费合计"))
    *side = 0;
  else if (g_str_equal (t, "公用经费合计"))
    *side = 1;
  else
    return FALSE;
  return TRUE;
}

static const char *
cell_text (GkXlsxSheet *sheet,
           guint        row,
           guint        column)
{
  const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (sheet, row, column);
  return cell->text != NULL && cell->text[0] != '\0' ? cell->text : NULL;
}

static void
copy_cells (GkXlsxSheet *to,
            guint        to_row,
            GkXlsxSheet *from,
            guint        from_row,
            guint        first,
            guint        end)
{
  for (guint c = first; c < end && c < from->n_columns; c++)
    {
      const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (from, from_row, c);

      if (cell->type != GK_XLSX_CELL_BLANK)
        gk_xlsx_sheet_put (to, to_row, c - first, cell->type, cell->text, cell->covered && c > first);
    }
}

/* A figure is a number cell, or text with decimals: integers printed
 * in a PDF are codes (201, 30101). */
static gboolean
is_figure (GkXlsxSheet *sheet,
           guint        row,
           guint        column)
{
  const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (sheet, row, column);

  return cell->type == GK_XLSX_CELL_NUMBER ||
         (cell->text != NULL && _gk_pdf_is_number_word (cell->text));
}

static gboolean
row_has_text (GkXlsxSheet *sheet,
              guint        row,
              guint        first,
              guint        end)
{
  for (guint c = first; c < end; c++)
    if (cell_text (sheet, row, c) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_note_row (GkXlsxSheet *sheet,
             guint        row)
{
  for (guint c = 0; c < sheet->n_columns; c++)
    {
      const char *text = cell_text (sheet, row, c);
      g_autofree char *t = NULL;

      if (text == NULL)
        continue;
      t = gk_xlsx_normalize (text);
      return g_str_has_prefix (t, "注") || g_str_has_prefix (t, "说明") || g_str_has_prefix (t, "备注");
    }
  return FALSE;
}

/**
 * _gk_xlsx_unpair:
 * @header_row: the sheet's first row of the heading
 * @data_row: the sheet's first row after the heading
 * @paired: (out): the printed 人员经费合计 and 公用经费合计
 *
 * When a table's heading repeats its first columns (经济分类科目编码 | 科目
 * 名称 | 决算数 twice), lays its right half out below its left half, so
 * that the sheet is a table of one code column as the workbook reading
 * expects, and takes out the line of the two halves' totals.
 *
 * Returns: (transfer full) (nullable): the sheet laid out as one table,
 *   or %NULL when it was not printed in two halves
 */
GkXlsxSheet *
_gk_xlsx_unpair (GkXlsxSheet      *sheet,
                 guint             header_row,
                 guint             data_row,
                 GkXlsxPairedSums *paired)
{
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (guint));
  GkXlsxSheet *out;
  guint half = 0, row = 0;

  for (guint r = header_row; half == 0 && r < data_row; r++)
    {
      const char *first = cell_text (sheet, r, 0);
      g_autofree char *key = first != NULL ? gk_xlsx_normalize (first) : NULL;

      /* A summary's 项目 | 预算数 repeats too; a code column's heading
       * says 编码. */
      if (key == NULL || strstr (key, "编码") == NULL)
        continue;
      for (guint c = 2; half == 0 && 2 * c <= sheet->n_columns + 1; c++)
        {
          const char *other = cell_text (sheet, r, c);
          g_autofree char *k = other != NULL ? gk_xlsx_normalize (other) : NULL;

          if (k != NULL && g_str_equal (k, key) && !gk_xlsx_sheet_get_cell (sheet, r, c)->covered)
            half = c;
        }
    }
  if (half == 0)
    return NULL;

  out = gk_xlsx_sheet_new (sheet->name);
  for (guint r = 0; r < data_row; r++, row++)
    copy_cells (out, row, sheet, r, 0, r < header_row ? sheet->n_columns : half);
  for (guint r = data_row; r < sheet->n_rows; r++)
    {
      guint side;
      const char *first = cell_text (sheet, r, 0);

      if (is_note_row (sheet, r))
        {
          g_array_append_val (notes, r);
          continue;
        }
      if (first != NULL && is_paired_total (first, &side))
        {
          /* Each half's total is the figure after its label. */
          for (guint c = 0; c < sheet->n_columns; c++)
            {
              const char *text = cell_text (sheet, r, c);
              guint s;

              if (text != NULL && is_paired_total (text, &s))
                side = s;
              else if (text != NULL && !paired->set[side] && is_figure (sheet, r, c))
                {
                  g_autofree char *t = gk_xlsx_normalize (text);
                  g_autoptr(GString) plain = g_string_new (NULL);
                  gboolean rounded;

                  for (const char *p = t; *p != '\0'; p++)
                    if (*p != ',')
                      g_string_append_c (plain, *p);
                  /* In the sheet's unit, as printed. */
                  paired->set[side] = gk_xlsx_decimal_to_amount (plain->str,
                                                                 gk_xlsx_sheet_get_cell (sheet, r, c)->type == GK_XLSX_CELL_NUMBER,
                                                                 GK_MONEY_UNIT_YUAN, GK_MONEY_UNIT_YUAN,
                                                                 &paired->sums[side], &rounded);
                  paired->cells[side] = gk_xlsx_cell_name (r, c);
                }
            }
          continue;
        }
      if (row_has_text (sheet, r, 0, half))
        copy_cells (out, row++, sheet, r, 0, half);
      if (row_has_text (sheet, r, half, sheet->n_columns))
        g_array_append_val (right, r);
    }
  for (guint i = 0; i < right->len; i++)
    copy_cells (out, row++, sheet, g_array_index (right, guint, i), half, sheet->n_columns);
  for (guint i = 0; i < notes->len; i++)
    copy_cells (out, row++, sheet, g_array_index (notes, guint, i), 0, sheet->n_columns);
  paired->sheet = g_strdup (out->name);
  return out;
}

/**
 * _gk_xlsx_unpair_sheets:
 *
 * A sheet printed in two halves side by side (人员经费 | 公用经费) is laid
 * out as one table, its right half below its left, as a PDF's is; the
 * printed totals of the halves are kept in @paired.
 */
void
_gk_xlsx_unpair_sheets (GkXlsxWorkbook *workbook,
                        GPtrArray      *paired,
                        GString        *report)
{
  for (guint i = 0; i < workbook->sheets->len; i++)
    {
      GkXlsxSheet *sheet = workbook->sheets->pdata[i];
      g_autoptr(GkXlsxTableSheet) ts = NULL;
      GkXlsxPairedSums *sums;
      GkXlsxSheet *one;

      if (sheet->hidden || sheet->n_rows == 0)
        continue;
      ts = gk_xlsx_table_sheet_new (workbook, sheet);
      sums = _gk_xlsx_paired_sums_new ();
      one = _gk_xlsx_unpair (sheet, ts->header_start, ts->data_start, sums);
      if (one == NULL)
        {
          _gk_xlsx_paired_sums_free (sums);
          continue;
        }
      sums->unit = ts->money_unit;
      g_string_append_printf (report, _("%s: printed in two halves side by side (人员经费 | 公用经费); read as one table, the right half below the left\n"),
                              sheet->name);
      g_clear_pointer (&ts, gk_xlsx_table_sheet_free);
      gk_xlsx_sheet_free (sheet);
      workbook->sheets->pdata[i] = one;
      g_ptr_array_add (paired, sums);
    }
}

GkXlsxPairedSums *
_gk_xlsx_paired_sums_new (void)
{
  GkXlsxPairedSums *paired = g_new0 (GkXlsxPairedSums, 1);

  paired->unit = -1;
  return paired;
}

void
_gk_xlsx_paired_sums_free (gpointer data)
{
  GkXlsxPairedSums *paired = data;

  g_free (paired->sheet);
  g_free (paired->cells[0]);
  g_free (paired->cells[1]);
  g_free (paired);
}

/**
 * _gk_xlsx_compare_paired:
 * @from_pdf: whether the figures were printed in a PDF, else typed in a
 *   workbook
 *
 * Compares the printed 人员经费合计 and 公用经费合计 of a table printed in
 * halves with what Gongkai derives: the 类 of each half added up, as the
 * table is printed.
 */
void
_gk_xlsx_compare_paired (GkDocument *document,
                         GPtrArray  *paired,
                         gboolean    from_pdf,
                         GString    *report)
{
  static const char * const labels[] = { "人员经费合计", "公用经费合计" };
  GkTemplate *template = gk_document_get_template (document);
  GkTable *table = NULL;

  for (guint i = 0; table == NULL && i < gk_template_get_n_tables (template); i++)
    {
      const GkTableSchema *schema = gk_template_get_table (template, i);
      if (schema->paired)
        table = gk_document_get_table (document, schema->id);
    }
  if (table == NULL || paired->len == 0)
    return;
  for (guint p = 0; p < paired->len; p++)
    {
      GkXlsxPairedSums *printed = paired->pdata[p];
      g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (table));
      GListModel *roots = gk_table_get_roots (table);
      GkAmount sums[2] = { 0, 0 };
      gboolean set[2] = { FALSE, FALSE };

      for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
          const char *code = gk_row_get_code (row);
          guint side;
          GkAmount amount;

          if (code == NULL || !gk_row_get_amount (row, 0, &amount))
            continue;
          side = g_str_has_prefix (code, "301") || g_str_has_prefix (code, "303") ? 0 : 1;
          set[side] = TRUE;
          if (!gk_amount_add (sums[side], amount, &sums[side]))
            sums[side] = G_MAXINT64;
        }
      for (guint side = 0; side < 2; side++)
        {
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;
          const char *column = gk_table_schema_get_column (gk_table_get_schema (table), 0)->title;
          GkMoneyUnit stored = gk_document_get_money_unit (document);
          GkMoneyUnit shown = printed->unit >= 0 ? (GkMoneyUnit) printed->unit
                                                 : gk_table_schema_get_unit (gk_table_get_schema (table), stored);
          GkAmount sum = printed->sums[side];

          /* Printed in the table's unit, derived in the document's. */
          if (printed->set[side] && !gk_amount_convert (sum, shown, stored, &sum, NULL))
            sum = printed->sums[side];
          if (printed->set[side] == set[side] && (!set[side] || sum == sums[side]))
            continue;
          a = gk_amount_format (printed->sums[side]);
          if (!gk_amount_convert (sums[side], stored, shown, &sum, NULL))
            sum = sums[side];
          b = gk_amount_format (sum);
          if (!printed->set[side] && from_pdf)
            g_string_append_printf (report, _("%s (sheet “%s”), line %s (%s): the PDF prints no figure there, Gongkai derives %s\n"),
                                    label, printed->sheet, labels[side], column, b);
          else if (!printed->set[side])
            g_string_append_printf (report, _("%s (sheet “%s”), line %s (%s): the workbook has no figure there, Gongkai derives %s\n"),
                                    label, printed->sheet, labels[side], column, b);
          else if (from_pdf)
            g_string_append_printf (report, _("%s (sheet “%s”), cell %s (%s, %s): the PDF prints %s, Gongkai derives %s\n"),
                                    label, printed->sheet, printed->cells[side], labels[side], column, a, b);
          else
            g_string_append_printf (report, _("%s (sheet “%s”), cell %s (%s, %s): the workbook has %s, Gongkai derives %s\n"),
                                    label, printed->sheet, printed->cells[side], labels[side], column, a, b);
        }
    }
}

