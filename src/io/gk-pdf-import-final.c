/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-pdf-import-private.h"
#include "gk-xlsx-package.h"
#include "gk-xlsx-sheet.h"

/* What a 部门决算公开 prints differently from a budget: titles no budget
 * has (收入支出决算总表), the cover's 决算 that tells the two apart, and the
 * 基本支出 table in two halves side by side — 人员经费 on the left, 公用经费
 * on the right — each half a table of its own, with 人员经费合计 beside
 * 公用经费合计 on its last line. */

/**
 * _gk_pdf_final_role:
 * @normalized: a line's text, normalised
 *
 * Returns: the role of the 决算 table whose whole title the text holds,
 *   the longest title when several do, or %NULL
 */
const char *
_gk_pdf_final_role (const char *normalized)
{
  g_autoptr(GPtrArray) all = gk_template_list_all ();
  const char *best = NULL;
  gsize best_length = 0;

  if (normalized == NULL || strstr (normalized, "决算") == NULL ||
      strstr (normalized, "编制") != NULL || strstr (normalized, "填报") != NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      GkTemplate *template = all->pdata[i];

      if (!gk_template_is_final (template))
        continue;
      for (guint t = 0; t < gk_template_get_n_tables (template); t++)
        {
          const GkTableSchema *schema = gk_template_get_table (template, t);
          g_autofree char *title = gk_xlsx_normalize (schema->title);

          if (title[0] != '\0' && strlen (title) > best_length && strstr (normalized, title) != NULL)
            {
              best = schema->id;
              best_length = strlen (title);
            }
        }
    }
  return best;
}

/* The cover's title up to its 决算 line: "柞水县审计局 2020年度部门决算",
 * whose year is the document's. NULL when no page before the tables says
 * 决算 with a year. */
char *
_gk_pdf_final_title (GPtrArray *pages,
                     guint      first_table_page)
{
  for (guint p = 0; p < pages->len; p++)
    {
      GkPdfPage *page = pages->pdata[p];
      g_autoptr(GString) title = g_string_new (NULL);

      if (page->number >= first_table_page)
        break;
      for (guint i = 0; i < page->lines->len; i++)
        {
          g_autofree char *text = _gk_pdf_line_text (page->lines->pdata[i], "");
          g_autofree char *t = gk_xlsx_normalize (text);

          if (_gk_pdf_line_is_folio (page->lines->pdata[i]) || t[0] == '\0')
            continue;
          g_string_append_printf (title, "%s%s", title->len > 0 ? " " : "", text);
          if (strstr (t, "决算") != NULL && gk_xlsx_find_year (t) > 0)
            return g_string_free (g_steal_pointer (&title), FALSE);
        }
    }
  return NULL;
}

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
 * _gk_pdf_unpair:
 * @paired: (out): the printed 人员经费合计 and 公用经费合计
 *
 * When a table's heading repeats its first columns (经济分类科目编码 | 科目
 * 名称 | 决算数 twice), lays its right half out below its left half, so
 * that the sheet is a table of one code column as the workbook reading
 * expects, and takes out the line of the two halves' totals.
 *
 * Returns: whether the table was printed in two halves
 */
gboolean
_gk_pdf_unpair (Table      *table,
                PairedSums *paired)
{
  GkXlsxSheet *sheet = table->sheet;
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (guint));
  GkXlsxSheet *out;
  guint half = 0, row = 0;

  for (guint r = table->header_row; half == 0 && r < table->data_row; r++)
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
    return FALSE;

  out = gk_xlsx_sheet_new (sheet->name);
  for (guint r = 0; r < table->data_row; r++, row++)
    copy_cells (out, row, sheet, r, 0, r < table->header_row ? sheet->n_columns : half);
  for (guint r = table->data_row; r < sheet->n_rows; r++)
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
              else if (text != NULL && _gk_pdf_is_number_word (text) && !paired->set[side])
                {
                  g_autofree char *t = gk_xlsx_normalize (text);
                  g_autoptr(GString) plain = g_string_new (NULL);

                  for (const char *p = t; *p != '\0'; p++)
                    if (*p != ',')
                      g_string_append_c (plain, *p);
                  paired->set[side] = gk_amount_parse (plain->str, GK_AMOUNT_PARSE_DEFAULT, &paired->sums[side], NULL);
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
  gk_xlsx_sheet_free (sheet);
  table->sheet = out;
  paired->sheet = g_strdup (out->name);
  return TRUE;
}

void
_gk_pdf_paired_sums_free (gpointer data)
{
  PairedSums *paired = data;

  g_free (paired->sheet);
  g_free (paired->cells[0]);
  g_free (paired->cells[1]);
  g_free (paired);
}

/**
 * _gk_pdf_compare_paired:
 *
 * Compares the printed 人员经费合计 and 公用经费合计 of a table printed in
 * halves with what Gongkai derives: the 类 of each half added up, as the
 * table is printed.
 */
void
_gk_pdf_compare_paired (GkDocument *document,
                        GPtrArray  *paired,
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
      PairedSums *printed = paired->pdata[p];
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
          GkMoneyUnit shown = gk_table_schema_get_unit (gk_table_get_schema (table), stored);
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
          if (!printed->set[side])
            g_string_append_printf (report, _("%s (sheet “%s”), line %s (%s): the PDF prints no figure there, Gongkai derives %s\n"),
                                    label, printed->sheet, labels[side], column, b);
          else
            g_string_append_printf (report, _("%s (sheet “%s”), cell %s (%s, %s): the PDF prints %s, Gongkai derives %s\n"),
                                    label, printed->sheet, printed->cells[side], labels[side], column, a, b);
        }
    }
}

static const char * const note_prefixes[] = { "注：", "注:", "说明：", "说明:" };

/**
 * _gk_pdf_collect_notes:
 *
 * Returns: (transfer full): the texts under the tables that begin with 注：
 *   or 说明：, as printed, before the workbook reading takes the word off
 */
GPtrArray *
_gk_pdf_collect_notes (GkXlsxWorkbook *workbook)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < workbook->sheets->len; s++)
    {
      GkXlsxSheet *sheet = workbook->sheets->pdata[s];

      for (guint r = 0; r < sheet->n_rows; r++)
        {
          const char *text = cell_text (sheet, r, 0);
          g_autofree char *stripped = text != NULL ? gk_xlsx_strip (text) : NULL;

          for (guint i = 0; stripped != NULL && i < G_N_ELEMENTS (note_prefixes); i++)
            if (g_str_has_prefix (stripped, note_prefixes[i]))
              {
                g_ptr_array_add (notes, g_steal_pointer (&stripped));
                break;
              }
        }
    }
  return notes;
}

/* The printed text whose words after 注： or 说明： are `text`, with the
 * full-width colon the renderer prints. */
static char *
as_printed (GPtrArray  *notes,
            const char *text)
{
  for (guint n = 0; text != NULL && n < notes->len; n++)
    for (guint i = 0; i < G_N_ELEMENTS (note_prefixes); i++)
      {
        const char *note = notes->pdata[n];
        g_autofree char *rest = NULL;

        if (!g_str_has_prefix (note, note_prefixes[i]))
          continue;
        rest = gk_xlsx_strip (note + strlen (note_prefixes[i]));
        if (g_str_equal (rest, text))
          return g_strconcat (g_str_has_prefix (note_prefixes[i], "注") ? "注：" : "说明：", rest, NULL);
      }
  return NULL;
}

/**
 * _gk_pdf_keep_note_words:
 *
 * A 决算's tables print their notes as 注：本表反映… and an empty table's
 * reason as 说明：…, words that are part of the text (the template's own
 * notes begin with them); without them the document would print 备注：
 * in their place.
 */
void
_gk_pdf_keep_note_words (GkDocument *document,
                         GPtrArray  *notes)
{
  for (guint t = 0; t < gk_document_get_n_tables (document); t++)
    {
      GkTable *table = gk_document_get_table_at (document, t);
      g_autofree char *note = as_printed (notes, gk_table_get_note (table));
      g_autofree char *reason = as_printed (notes, gk_table_get_empty_explanation (table));

      if (note != NULL)
        gk_document_set_text (document, table, "note", note);
      if (reason != NULL)
        gk_document_set_text (document, table, "empty-explanation", reason);
    }
}

/**
 * _gk_pdf_final_date:
 *
 * Returns: the date the cover or the signature prints ("2021年9月10日") as
 *   2021-09-10, or %NULL
 */
char *
_gk_pdf_final_date (GPtrArray *pages)
{
  g_autoptr(GRegex) regex = g_regex_new ("^((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日$", 0, 0, NULL);

  for (guint p = 0; p < pages->len; p++)
    {
      GkPdfPage *page = pages->pdata[p];

      for (guint i = 0; i < page->lines->len; i++)
        {
          g_autofree char *text = _gk_pdf_line_text (page->lines->pdata[i], "");
          g_autofree char *t = gk_xlsx_normalize (text);
          g_autoptr(GMatchInfo) match = NULL;
          g_autoptr(GDate) date = NULL;

          if (!g_regex_match (regex, t, 0, &match))
            continue;
          {
            g_autofree char *y = g_match_info_fetch (match, 1);
            g_autofree char *m = g_match_info_fetch (match, 2);
            g_autofree char *d = g_match_info_fetch (match, 3);
            guint year = atoi (y), month = atoi (m), day = atoi (d);

            if (g_date_valid_dmy (day, month, year))
              return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
          }
        }
    }
  return NULL;
}
