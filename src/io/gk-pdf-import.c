/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-pdf-import.h"
#include "gk-pdf-import-private.h"
#include "gk-xlsx-package.h"
#include "gk-xlsx-import-private.h"
#include "gk-xlsx-sheet.h"
#include "gk-xlsx-workbook.h"

/* A published PDF read back into a document. Each table's pages are laid
 * out as the cells of one sheet — its title lines, its heading a row per
 * level, a row per line of figures — and the sheets go through the same
 * recognition as an imported workbook: titles, 单位, headings, codes split
 * or whole, 合计 lines and the comparison of printed subtotals with what
 * Gongkai derives. What is particular to a PDF is finding the cells:
 * columns are the gaps that no word of a line of figures crosses, and a
 * name wrapped over several lines is the text-only lines around its line of
 * figures. */

G_DEFINE_QUARK (gk-pdf-import-error-quark, gk_pdf_import_error)

static void
table_free (gpointer data)
{
  Table *table = data;

  g_free (table->role);
  for (guint i = 0; i < table->pages->len; i++)
    {
      PageScan *scan = table->pages->pdata[i];
      g_free (scan->kinds);
      g_free (scan);
    }
  g_ptr_array_unref (table->pages);
  if (table->columns != NULL)
    g_array_unref (table->columns);
  g_free (table);
}

gboolean
gk_pdf_import_is_pdf_name (const char *path)
{
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".pdf");
}

gboolean
_gk_pdf_is_number_word (const char *text)
{
  g_autofree char *t = gk_xlsx_normalize (text);
  const char *p = t;
  gboolean digits = FALSE, point = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p == '.' && !point && digits)
        point = TRUE;
      else if (*p != ',' || point || !digits)
        return FALSE;
    }
  /* Integers are codes (201, 30101); figures are printed with decimals. */
  return digits && point;
}

gboolean
_gk_pdf_is_code_word (const char *text)
{
  g_autofree char *code = gk_xlsx_leading_code (text, NULL);
  return code != NULL;
}

static gboolean
is_note_start (const char *text)
{
  g_autofree char *t = gk_xlsx_normalize (text);

  return g_str_has_prefix (t, "备注") || g_str_has_prefix (t, "说明") || g_str_has_prefix (t, "注:");
}

/* "—5—", "- 5 -", "第5页", "5": a page's number in its footer. */
gboolean
_gk_pdf_line_is_folio (GkPdfLine *line)
{
  g_autofree char *text = _gk_pdf_line_text (line, "");
  g_autofree char *t = gk_xlsx_normalize (text);
  gboolean digits = FALSE;

  for (const char *p = t; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        digits = TRUE;
      else if (c != '-' && c != 0x2014 && c != 0x2013 && c != 0x2012 && c != 0x2015 &&
               c != 0x7B2C /* 第 */ && c != 0x9875 /* 页 */ && c != '/')
        return FALSE;
    }
  return digits;
}

/* A line of figures has a figure or a code; a 合计 line may have none
 * in an empty table, but then nothing else either (a heading has 总计
 * among other words). */
static gboolean
is_data_line (GkPdfLine *line)
{
  guint n_totals = 0;

  for (guint i = 0; i < line->words->len; i++)
    {
      const char *text = ((GkPdfWord *) line->words->pdata[i])->text;
      g_autofree char *t = gk_xlsx_normalize (text);

      if (_gk_pdf_is_number_word (text) || _gk_pdf_is_code_word (text))
        return TRUE;
      n_totals += gk_xlsx_is_total_word (t);
    }
  return n_totals > 0 && n_totals == line->words->len;
}

static gboolean
is_pre_line (GkPdfLine *line,
             const char **role)
{
  g_autofree char *text = _gk_pdf_line_text (line, "");
  g_autofree char *t = gk_xlsx_normalize (text);
  const char *r = _gk_xlsx_role_by_title (NULL, t, FALSE);

  /* 决算's titles are no budget's: 收入支出决算总表 names no budget table. */
  if (r == NULL)
    r = _gk_pdf_final_role (t);
  /* A title says 表: “（二）“三公”经费财政拨款支出决算具体情况说明” heads
   * a page of 情况说明, and under a title 财政拨款“三公”经费 heads the
   * 三公 table's columns. */
  if (r != NULL && strstr (t, "表") == NULL)
    r = NULL;
  if (r != NULL && role != NULL && *role == NULL)
    *role = r;
  /* "第二部分 2020年度部门决算表" heads the first table's page. */
  return r != NULL || _gk_xlsx_table_number (t) > 0 || strstr (t, "编制") != NULL ||
         (g_str_has_prefix (t, "第") && strstr (t, "部分") != NULL) ||
         strstr (t, "单位:") != NULL || strstr (t, "公开") != NULL || strstr (t, "(续)") != NULL ||
         strstr (t, "续表") != NULL;
}

/* Whether a word of `line` stands over a figure or a code of `figures`:
 * a heading's does (类 over 201), a wrapped name's does not. */
static gboolean
over_figures (GkPdfLine *line,
              GkPdfLine *figures)
{
  for (guint i = 0; i < line->words->len; i++)
    {
      GkPdfWord *a = line->words->pdata[i];

      for (guint j = 0; j < figures->words->len; j++)
        {
          GkPdfWord *b = figures->words->pdata[j];
          if ((_gk_pdf_is_number_word (b->text) || _gk_pdf_is_code_word (b->text)) &&
              MIN (a->x2, b->x2) - MAX (a->x1, b->x1) > 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The lines of a page by kind; its role when a title names a table. */
static PageScan *
scan_page (GkPdfPage   *page,
           const char **role)
{
  PageScan *scan = g_new0 (PageScan, 1);
  guint n = page->lines->len;
  guint i = 0;
  gboolean data_seen = FALSE, note = FALSE;

  scan->page = page;
  scan->kinds = g_new0 (LineKind, MAX (n, 1));
  *role = NULL;
  while (n > 0 && _gk_pdf_line_is_folio (page->lines->pdata[n - 1]))
    scan->kinds[--n] = LINE_NOTE;
  for (; i < n && !is_data_line (page->lines->pdata[i]) && is_pre_line (page->lines->pdata[i], role); i++)
    scan->kinds[i] = LINE_PRE;
  scan->n_pre = i;
  for (; i < n; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];
      const char *first = ((GkPdfWord *) line->words->pdata[0])->text;

      if (note || is_note_start (first))
        {
          note = TRUE;
          scan->kinds[i] = LINE_NOTE;
        }
      else if (is_data_line (line))
        {
          data_seen = TRUE;
          scan->kinds[i] = LINE_DATA;
        }
      else
        scan->kinds[i] = data_seen ? LINE_TEXT : LINE_HEADING;
    }
  /* The first line of a name wrapped around the first line of figures
   * (on a page that continues a table, say) is no heading: it is as
   * close to that line as a wrapped name's lines are to each other. */
  for (i = scan->n_pre; i < n && scan->kinds[i] != LINE_DATA; i++)
    ;
  if (i < n)
    {
      GkPdfLine *first = page->lines->pdata[i];
      double middle = gk_pdf_line_middle (first);

      for (guint j = i; j > scan->n_pre && scan->kinds[j - 1] == LINE_HEADING; j--)
        {
          GkPdfLine *line = page->lines->pdata[j - 1];
          if (middle - gk_pdf_line_middle (line) > 1.1 * (line->y2 - line->y1) ||
              over_figures (line, first))
            break;
          scan->kinds[j - 1] = LINE_TEXT;
        }
    }
  return scan;
}

/* A text-only line within a line's height and a half of a line of
 * figures is part of that line's wrapped cells. */
static int
nearest_data_line (PageScan *scan,
                   guint     i)
{
  GkPdfPage *page = scan->page;
  GkPdfLine *line = page->lines->pdata[i];
  double m = gk_pdf_line_middle (line);
  double reach = 1.5 * (line->y2 - line->y1);
  int best = -1;
  double best_d = G_MAXDOUBLE;

  for (guint j = 0; j < page->lines->len; j++)
    {
      double d;

      if (scan->kinds[j] != LINE_DATA)
        continue;
      d = fabs (gk_pdf_line_middle (page->lines->pdata[j]) - m);
      if (d < best_d && d <= reach)
        {
          best_d = d;
          best = j;
        }
    }
  return best;
}

static void
put_line (Table     *table,
          GkPdfLine *line,
          guint      row)
{
  for (guint w = 0; w < line->words->len; w++)
    {
      GkPdfWord *word = line->words->pdata[w];
      g_autofree char *t = gk_xlsx_normalize (word->text);
      guint c = _gk_pdf_column_of (table->columns, word->x1, word->x2);

      _gk_pdf_put_text (table->sheet, row, c, word->text, FALSE);
      /* A 合计 over the code's and the name's columns is a merged cell:
       * its figures follow the last of them. */
      if (!gk_xlsx_is_total_word (t))
        continue;
      for (guint k = c + 1; k < table->columns->len; k++)
        {
          Column *col = &g_array_index (table->columns, Column, k);
          const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (table->sheet, row, k);

          if (MIN (word->x2, col->x2) - MAX (word->x1, col->x1) <= 0.5 ||
              (cell->text != NULL && cell->text[0] != '\0'))
            break;
          gk_xlsx_sheet_put (table->sheet, row, k, GK_XLSX_CELL_TEXT, word->text, TRUE);
        }
    }
}

static gboolean
is_enumerated (GkPdfLine *line)
{
  static const char * const numerals[] = { "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、" };
  const char *first = ((GkPdfWord *) line->words->pdata[0])->text;

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (g_str_has_prefix (first, numerals[i]))
      return TRUE;
  return FALSE;
}

static void
lay_out_page (Table    *table,
              PageScan *scan,
              guint    *row,
              gboolean  first)
{
  GkPdfPage *page = scan->page;
  g_autofree int *rows = g_new (int, MAX (page->lines->len, 1));

  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      rows[i] = -1;
      switch (scan->kinds[i])
        {
        case LINE_PRE:
          if (!first)
            break;
          for (guint w = 0; w < line->words->len; w++)
            gk_xlsx_sheet_put (table->sheet, *row, w, GK_XLSX_CELL_TEXT,
                               ((GkPdfWord *) line->words->pdata[w])->text, FALSE);
          (*row)++;
          break;
        case LINE_HEADING:
          if (first && (i == 0 || scan->kinds[i - 1] != LINE_HEADING))
            {
              table->header_row = *row;
              *row += _gk_pdf_lay_out_heading (table, scan, *row);
              table->data_row = *row;
            }
          break;
        case LINE_DATA:
          if (first && table->data_row == 0)
            table->header_row = table->data_row = *row;
          rows[i] = (*row)++;
          put_line (table, line, rows[i]);
          table->n_lines++;
          break;
        case LINE_TEXT:
        case LINE_NOTE:
        default:
          break;
        }
    }
  /* Wrapped names, now that every line of figures has its row. */
  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];
      int j;

      if (scan->kinds[i] != LINE_TEXT)
        continue;
      j = nearest_data_line (scan, i);
      /* "二、政府性基金预算财政拨款" without a figure is a summary's line of
       * its own, not the wrapped end of the line above. */
      if (j < 0 || is_enumerated (line))
        {
          /* A line of its own without figures (a 类 with none). */
          put_line (table, line, (*row)++);
          continue;
        }
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];
          _gk_pdf_append_fragment (table->sheet, rows[j], _gk_pdf_column_of (table->columns, word->x1, word->x2),
                           word->text, i < (guint) j);
        }
    }
  /* A note printed over several lines is one note: a line that runs to
   * the right edge and is followed closely by one that does not begin a
   * note is continued by it. */
  {
    g_autoptr(GString) note = g_string_new (NULL);
    GkPdfLine *previous = NULL;
    double right = 0;

    for (guint i = 0; i < page->lines->len; i++)
      {
        GkPdfLine *line = page->lines->pdata[i];

        right = MAX (right, ((GkPdfWord *) line->words->pdata[line->words->len - 1])->x2);
      }
    for (guint i = 0; i <= page->lines->len; i++)
      {
        GkPdfLine *line = i < page->lines->len ? page->lines->pdata[i] : NULL;
        g_autofree char *text = NULL;

        if (line != NULL && (scan->kinds[i] != LINE_NOTE || _gk_pdf_line_is_folio (line)))
          continue;
        text = line != NULL ? _gk_pdf_line_text (line, " ") : NULL;
        if (text != NULL && previous != NULL && note->len > 0 && !is_note_start (text) &&
            ((GkPdfWord *) previous->words->pdata[previous->words->len - 1])->x2 >
              right - 2 * (previous->y2 - previous->y1) &&
            line->y1 - previous->y2 < previous->y2 - previous->y1)
          {
            _gk_pdf_join_lines (note, text);
            previous = line;
            continue;
          }
        if (note->len > 0)
          gk_xlsx_sheet_put (table->sheet, (*row)++, 0, GK_XLSX_CELL_TEXT, note->str, FALSE);
        previous = line;
        g_string_assign (note, text != NULL ? text : "");
      }
  }
}

static char *
pages_name (Table *table)
{
  guint first = ((PageScan *) table->pages->pdata[0])->page->number;
  guint last = ((PageScan *) table->pages->pdata[table->pages->len - 1])->page->number;

  return first == last ? g_strdup_printf (_("page %u"), first)
                       : g_strdup_printf (_("pages %u–%u"), first, last);
}

/* A page carries a table when a title names one and lines of figures or
 * a heading follow; a page without a title whose lines are figures
 * continues the table before it, whether it repeats the heading or not. */
static GPtrArray *
find_tables (GPtrArray *pages,
             GPtrArray *text_pages,
             GString   *report)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (table_free);
  Table *current = NULL;

  for (guint p = 0; p < pages->len; p++)
    {
      GkPdfPage *page = pages->pdata[p];
      const char *role = NULL;
      PageScan *scan;

      /* 项目支出绩效目标表 are forms of text, read with 情况说明. */
      if (_gk_pdf_page_has_performance_form (page))
        {
          current = NULL;
          g_ptr_array_add (text_pages, page);
          continue;
        }
      scan = scan_page (page, &role);
      guint n_data = 0, n_heading = 0;
      gboolean continued = FALSE;

      for (guint i = 0; i < page->lines->len; i++)
        {
          n_data += scan->kinds[i] == LINE_DATA;
          n_heading += scan->kinds[i] == LINE_HEADING;
        }
      if (scan->n_pre > 0)
        {
          for (guint i = 0; i < scan->n_pre; i++)
            {
              g_autofree char *l = _gk_pdf_line_text (page->lines->pdata[i], "");
              g_autofree char *n = gk_xlsx_normalize (l);
              continued |= strstr (n, "(续)") != NULL || strstr (n, "续表") != NULL;
            }
        }
      if (current != NULL && n_data > 0 &&
          (role == NULL || (continued && g_strcmp0 (role, current->role) == 0)))
        {
          g_ptr_array_add (current->pages, scan);
          continue;
        }
      if (role != NULL && (n_data > 0 || n_heading > 0))
        {
          current = g_new0 (Table, 1);
          current->role = g_strdup (role);
          current->pages = g_ptr_array_new ();
          g_ptr_array_add (current->pages, scan);
          g_ptr_array_add (tables, current);
          continue;
        }
      current = NULL;
      if (page->lines->len > 0)
        g_ptr_array_add (text_pages, page);
      else
        g_string_append_printf (report, _("Page %u: no text\n"), page->number);
      g_free (scan->kinds);
      g_free (scan);
    }
  return tables;
}

/* The title of a table's first page when it is a 决算's, else NULL. */
static char *
final_title (Table *table)
{
  PageScan *scan = table->pages->pdata[0];

  for (guint i = 0; i < scan->n_pre; i++)
    {
      g_autofree char *text = _gk_pdf_line_text (scan->page->lines->pdata[i], "");
      g_autofree char *t = gk_xlsx_normalize (text);

      /* A title of a table whose words are another year's still says
       * 决算 (一般公共预算财政拨款“三公”经费及机关运行经费支出决算表). */
      if (_gk_pdf_final_role (t) != NULL ||
          (strstr (t, "决算") != NULL && _gk_xlsx_role_by_title (NULL, t, FALSE) != NULL))
        return g_steal_pointer (&text);
    }
  return NULL;
}

static GkXlsxWorkbook *
lay_out (GPtrArray  *pages,
         GPtrArray  *text_pages,
         const char *display_name,
         GPtrArray  *paired,
         GString    *report)
{
  g_autoptr(GPtrArray) tables = find_tables (pages, text_pages, report);
  GkXlsxWorkbook *workbook = gk_xlsx_workbook_new (display_name);
  g_autoptr(GString) finals = g_string_new (NULL);
  guint n_final = 0, first_page = G_MAXUINT;

  for (guint t = 0; t < tables->len; t++)
    {
      Table *table = tables->pdata[t];
      g_autofree char *name = pages_name (table);
      guint row = 0;

      table->columns = _gk_pdf_find_columns (table->pages->pdata[0]);
      table->sheet = gk_xlsx_sheet_new (name);
      for (guint p = 0; p < table->pages->len; p++)
        lay_out_page (table, table->pages->pdata[p], &row, p == 0);
      g_string_append_printf (report, _("%s: a table of %u columns and %u lines of figures\n"),
                              name, table->columns->len, table->n_lines);
      {
        GkXlsxPairedSums *sums = _gk_xlsx_paired_sums_new ();
        GkXlsxSheet *one = _gk_xlsx_unpair (table->sheet, table->header_row, table->data_row, sums);

        if (one != NULL)
          {
            gk_xlsx_sheet_free (table->sheet);
            table->sheet = one;
            g_string_append_printf (report, _("%s: printed in two halves side by side (人员经费 | 公用经费); read as one table, the right half below the left\n"),
                                    name);
            g_ptr_array_add (paired, sums);
          }
        else
          _gk_xlsx_paired_sums_free (sums);
      }
      first_page = MIN (first_page, ((PageScan *) table->pages->pdata[0])->page->number);
      {
        g_autofree char *title = final_title (table);

        if (title != NULL && n_final++ < 3)
          g_string_append_printf (finals, "%s%s", n_final > 1 ? "、" : "", title);
        else if (title != NULL && n_final == 4)
          g_string_append (finals, "…");
      }
      g_ptr_array_add (workbook->sheets, table->sheet);
    }
  if (n_final > 0)
    {
      workbook->title = _gk_pdf_final_title (pages, first_page);
      g_string_append_printf (report, _("A 决算 (final accounts): tables titled as a 决算's: %u (%s)"),
                              n_final, finals->str);
      if (workbook->title != NULL)
        g_string_append_printf (report, _("; the cover says “%s”\n"), workbook->title);
      else
        {
          /* The template is still chosen among the 决算's. */
          workbook->title = g_strdup ("决算");
          g_string_append (report, _("; no cover says its year\n"));
        }
    }
  return workbook;
}

/**
 * gk_pdf_import:
 * @template: (nullable): the template of the new document; %NULL for the
 *   one whose tables the PDF's pages match best
 * @report: (nullable): receives what was read and what was not
 *
 * Reads a published disclosure's PDF as a new document.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GkDocument *
gk_pdf_import (const char  *path,
               GkTemplate  *template,
               GString     *report,
               GError     **error)
{
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GString) own = NULL;
  g_autoptr(GPtrArray) text_pages = g_ptr_array_new ();
  g_autoptr(GPtrArray) paired = g_ptr_array_new_with_free_func (_gk_xlsx_paired_sums_free);
  g_autoptr(GPtrArray) notes = NULL;
  gboolean final;
  GkXlsxWorkbook *workbook;
  GkDocument *document;
  guint64 n_glyphs = 0;
  guint n_images = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report == NULL)
    report = own = g_string_new (NULL);
  pages = _gk_pdf_read_pages (path, display_name, &n_glyphs, &n_images, error);
  if (pages == NULL)
    return NULL;
  if (n_glyphs == 0 && n_images == 0)
    {
      /* No text and no picture of a page: blank, or drawn without letters. */
      g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_NO_TEXT,
                   _("“%s” has no text and no images: its pages are blank, so there are no figures to read; choose the PDF of the disclosure"),
                   display_name);
      return NULL;
    }
  if (n_glyphs == 0)
    {
      g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_NO_TEXT,
                   _("“%s” has no text, only images of its pages (a scan): Gongkai can read the figures of a PDF made from a spreadsheet or a document, not of a scan; import the Excel workbook instead or type the figures in"),
                   display_name);
      return NULL;
    }
  g_string_append_printf (report, _("“%s”: %u pages\n"), display_name, pages->len);
  workbook = lay_out (pages, text_pages, display_name, paired, report);
  if (workbook->sheets->len == 0)
    {
      gk_xlsx_workbook_free (workbook);
      g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_NO_TABLE,
                   _("“%s” is neither a budget (预算) nor a final accounts (决算) disclosure: no page has the title of one of their tables (such as 部门收支总体情况表 or 收入支出决算总表) above lines of figures"),
                   display_name);
      return NULL;
    }
  final = workbook->title != NULL;
  notes = _gk_pdf_collect_notes (workbook);
  document = gk_xlsx_import_workbook (workbook, template, TRUE, report, error);
  if (document == NULL)
    return NULL;
  _gk_xlsx_compare_paired (document, paired, TRUE, report);
  _gk_pdf_keep_empty_reasons (document, report);
  if (final)
    {
      g_autofree char *date = _gk_pdf_final_date (pages);

      /* A 决算 prints 注： and 说明： as part of its notes, and the date it
       * was signed on its cover and under its text. */
      _gk_pdf_keep_note_words (document, notes);
      _gk_pdf_final_overview (document, pages, report);
      if (date != NULL)
        {
          g_object_set (document, "date", date, NULL);
          g_string_append_printf (report, _("Signed on %s, as the PDF says\n"), date);
        }
    }
  if (text_pages->len > 0)
    _gk_pdf_read_narrative (document, text_pages, report);
  /* What the PDF says is where the document starts, not edits to undo. */
  gk_document_history_clear (document);
  return document;
}
