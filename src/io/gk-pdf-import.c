/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-pdf-import.h"
#include "gk-pdf-import-private.h"
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

typedef struct
{
  double x1, x2;
} Column;

typedef enum {
  LINE_PRE,       /* label, title, 编制部门, 单位 */
  LINE_HEADING,
  LINE_DATA,      /* figures, a code or a 合计 */
  LINE_TEXT,      /* text alone: part of a wrapped name, or a line without figures */
  LINE_NOTE,      /* 备注, 说明 and what follows them */
} LineKind;

typedef struct
{
  GkPdfPage *page;
  LineKind  *kinds;   /* per line */
  guint      n_pre;
} PageScan;

typedef struct
{
  char       *role;       /* what the title names, or NULL */
  GPtrArray  *pages;      /* PageScan */
  GArray     *columns;    /* Column, from the first page */
  GkXlsxSheet *sheet;
  guint       n_lines;    /* lines of figures */
} Table;

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

static gboolean
is_number_word (const char *text)
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

static gboolean
is_code_word (const char *text)
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

      if (is_number_word (text) || is_code_word (text))
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

  if (r != NULL && role != NULL && *role == NULL)
    *role = r;
  return r != NULL || _gk_xlsx_table_number (t) > 0 || strstr (t, "编制") != NULL ||
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
          if ((is_number_word (b->text) || is_code_word (b->text)) &&
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

static double
overlap (double a1, double a2, double b1, double b2)
{
  return MIN (a2, b2) - MAX (a1, b1);
}

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const Column *x = a, *y = b;
  return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

/* Intervals that overlap become one. */
static void
merge_columns (GArray *columns)
{
  g_array_sort (columns, compare_columns);
  for (guint i = 1; i < columns->len; i++)
    {
      Column *prev = &g_array_index (columns, Column, i - 1);
      Column *c = &g_array_index (columns, Column, i);

      if (c->x1 < prev->x2 + 0.5)
        {
          prev->x2 = MAX (prev->x2, c->x2);
          g_array_remove_index (columns, i--);
        }
    }
}


static int
compare_widths (gconstpointer a,
                gconstpointer b)
{
  const GkPdfWord *x = *(GkPdfWord **) a;
  const GkPdfWord *y = *(GkPdfWord **) b;
  double wx = x->x2 - x->x1, wy = y->x2 - y->x1;

  return wx < wy ? -1 : wx > wy;
}

/* Text joins the column it overlaps alone, or starts one; a text over
 * two columns (a long label, a 合计 centred across the code columns)
 * makes none. */
static void
add_text_columns (GArray    *columns,
                  GPtrArray *words)
{
  g_ptr_array_sort (words, compare_widths);
  for (guint i = 0; i < words->len; i++)
    {
      GkPdfWord *word = words->pdata[i];
      int found = -1;
      guint n = 0;

      for (guint c = 0; c < columns->len; c++)
        if (overlap (word->x1, word->x2, g_array_index (columns, Column, c).x1,
                     g_array_index (columns, Column, c).x2) > 0.5)
          {
            found = c;
            n++;
          }
      if (n == 0)
        {
          Column c = { word->x1, word->x2 };
          g_array_append_val (columns, c);
        }
      else if (n == 1)
        {
          Column *c = &g_array_index (columns, Column, found);
          c->x1 = MIN (c->x1, word->x1);
          c->x2 = MAX (c->x2, word->x2);
        }
      merge_columns (columns);
    }
}

/* Whether a heading word is over one that heads figures, or is one: a
 * heading wrapped over lines is a stack of words. */
static gboolean
over_headed (GPtrArray *headed,
             GkPdfWord *word)
{
  if (headed->len == 0)
    return TRUE;
  for (guint i = 0; i < headed->len; i++)
    {
      GkPdfWord *h = headed->pdata[i];
      if (overlap (word->x1, word->x2, h->x1, h->x2) > 0.5)
        return TRUE;
    }
  return FALSE;
}

/* The columns of a table. Figures and codes first: they are short and
 * never cross a column. Then the texts of its lines. Then headings: a
 * heading is over the column whose right edge is the first at or past
 * its middle (figures are right-aligned, headings centred); a heading
 * there that is not over its figures while another one is, or one past
 * the last column, is the heading of a column without figures. */
static GArray *
find_columns (PageScan *scan)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autoptr(GPtrArray) headed = g_ptr_array_new ();
  GkPdfPage *page = scan->page;

  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      if (scan->kinds[i] != LINE_DATA && scan->kinds[i] != LINE_TEXT)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];
          g_autofree char *t = gk_xlsx_normalize (word->text);
          Column c = { word->x1, word->x2 };

          if (gk_xlsx_is_total_word (t))
            continue;
          if (scan->kinds[i] == LINE_DATA && (is_number_word (word->text) || is_code_word (word->text)))
            g_array_append_val (columns, c);
          else
            g_ptr_array_add (texts, word);
        }
    }
  merge_columns (columns);
  add_text_columns (columns, texts);

  /* Which columns have a heading over their figures. */
  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      if (scan->kinds[i] != LINE_HEADING)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];

          for (guint k = 0; k < columns->len; k++)
            if (overlap (word->x1, word->x2, g_array_index (columns, Column, k).x1,
                         g_array_index (columns, Column, k).x2) > 0.5)
              g_ptr_array_add (headed, word);
        }
    }
  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      if (scan->kinds[i] != LINE_HEADING)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];
          double middle = (word->x1 + word->x2) / 2;
          Column c = { word->x1, word->x2 };
          guint k;

          for (k = 0; k < columns->len; k++)
            if (middle <= g_array_index (columns, Column, k).x2 + 3)
              break;
          if (k == columns->len || !over_headed (headed, word))
            g_array_append_val (empty, c);
        }
    }
  merge_columns (empty);
  g_array_append_vals (columns, empty->data, empty->len);
  g_array_sort (columns, compare_columns);
  return columns;
}

/* The column a word is in: the one it overlaps most, else the nearest. */
static guint
column_of (GArray *columns,
           double  x1,
           double  x2)
{
  guint best = 0;
  double best_score = -G_MAXDOUBLE;

  for (guint c = 0; c < columns->len; c++)
    {
      Column *col = &g_array_index (columns, Column, c);
      double o = overlap (x1, x2, col->x1, col->x2);

      if (o > best_score)
        {
          best_score = o;
          best = c;
        }
    }
  return best;
}

static void
put_text (GkXlsxSheet *sheet,
          guint        row,
          guint        column,
          const char  *text,
          gboolean     before)
{
  const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (sheet, row, column);
  g_autofree char *joined = NULL;
  g_autofree char *plain = NULL;
  GkXlsxCellType type = GK_XLSX_CELL_TEXT;

  if (cell->text != NULL && cell->text[0] != '\0')
    joined = before ? g_strconcat (text, cell->text, NULL) : g_strconcat (cell->text, " ", text, NULL);
  if (joined == NULL && is_number_word (text))
    {
      /* As a spreadsheet stores it: no thousands' separators. */
      GString *s = g_string_new (NULL);
      g_autofree char *t = gk_xlsx_normalize (text);

      for (const char *p = t; *p != '\0'; p++)
        if (*p != ',')
          g_string_append_c (s, *p);
      plain = g_string_free (s, FALSE);
      type = GK_XLSX_CELL_NUMBER;
    }
  gk_xlsx_sheet_put (sheet, row, column, type,
                     joined != NULL ? joined : plain != NULL ? plain : text, FALSE);
}

/* A wrapped name's lines join without a space: Chinese has none. */
static void
append_fragment (GkXlsxSheet *sheet,
                 guint        row,
                 guint        column,
                 const char  *text,
                 gboolean     before)
{
  const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (sheet, row, column);
  g_autofree char *joined = NULL;

  if (cell->text == NULL)
    {
      gk_xlsx_sheet_put (sheet, row, column, GK_XLSX_CELL_TEXT, text, FALSE);
      return;
    }
  joined = before ? g_strconcat (text, cell->text, NULL) : g_strconcat (cell->text, text, NULL);
  gk_xlsx_sheet_put (sheet, row, column, cell->type == GK_XLSX_CELL_NUMBER ? GK_XLSX_CELL_TEXT : cell->type,
                     joined, FALSE);
}

typedef struct
{
  guint   c1, c2;   /* the columns a heading covers */
  guint   depth;
  GString *text;
  double  y;
} Heading;

static void
heading_free (gpointer data)
{
  Heading *h = data;
  g_string_free (h->text, TRUE);
  g_free (h);
}

/* The heading's words as rows of cells, one row per level: a word over
 * several columns is a merged cell, a word wrapped over lines in the same
 * columns is one cell's text. */
static guint
lay_out_heading (Table       *table,
                 PageScan    *scan,
                 guint        row)
{
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (heading_free);
  GkPdfPage *page = scan->page;
  guint max_depth = 0;

  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      if (scan->kinds[i] != LINE_HEADING)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];
          guint c1 = G_MAXUINT, c2 = 0;
          Heading *h = NULL;

          for (guint c = 0; c < table->columns->len; c++)
            {
              Column *col = &g_array_index (table->columns, Column, c);
              if (overlap (word->x1, word->x2, col->x1, col->x2) > 0.5)
                {
                  c1 = MIN (c1, c);
                  c2 = MAX (c2, c);
                }
            }
          if (c1 == G_MAXUINT)
            {
              /* Headings are centred, figures right-aligned. */
              double middle = (word->x1 + word->x2) / 2;

              for (c1 = 0; c1 + 1 < table->columns->len; c1++)
                if (middle <= g_array_index (table->columns, Column, c1).x2 + 3)
                  break;
              c2 = c1;
            }
          for (guint j = 0; j < headings->len && h == NULL; j++)
            {
              Heading *o = headings->pdata[j];
              if (o->c1 == c1 && o->c2 == c2)
                h = o;
            }
          if (h == NULL)
            {
              h = g_new0 (Heading, 1);
              h->c1 = c1;
              h->c2 = c2;
              h->text = g_string_new (NULL);
              h->y = word->y1;
              g_ptr_array_add (headings, h);
            }
          g_string_append (h->text, word->text);
        }
    }
  for (guint i = 0; i < headings->len; i++)
    {
      Heading *h = headings->pdata[i];

      for (guint j = 0; j < headings->len; j++)
        {
          Heading *o = headings->pdata[j];
          if (o != h && o->c1 <= h->c1 && o->c2 >= h->c2 && (o->c2 - o->c1) > (h->c2 - h->c1))
            h->depth++;
        }
      max_depth = MAX (max_depth, h->depth);
    }
  for (guint i = 0; i < headings->len; i++)
    {
      Heading *h = headings->pdata[i];

      for (guint c = h->c1; c <= h->c2; c++)
        gk_xlsx_sheet_put (table->sheet, row + h->depth, c, GK_XLSX_CELL_TEXT, h->text->str, c > h->c1);
    }
  return headings->len > 0 ? max_depth + 1 : 0;
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
      put_text (table->sheet, row, column_of (table->columns, word->x1, word->x2), word->text, FALSE);
    }
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
            *row += lay_out_heading (table, scan, *row);
          break;
        case LINE_DATA:
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
      if (j < 0)
        {
          /* A line of its own without figures (a 类 with none). */
          put_line (table, line, (*row)++);
          continue;
        }
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];
          append_fragment (table->sheet, rows[j], column_of (table->columns, word->x1, word->x2),
                           word->text, i < (guint) j);
        }
    }
  for (guint i = 0; i < page->lines->len; i++)
    if (scan->kinds[i] == LINE_NOTE && !_gk_pdf_line_is_folio (page->lines->pdata[i]))
      {
        g_autofree char *text = _gk_pdf_line_text (page->lines->pdata[i], " ");
        gk_xlsx_sheet_put (table->sheet, (*row)++, 0, GK_XLSX_CELL_TEXT, text, FALSE);
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

static GkXlsxWorkbook *
lay_out (GPtrArray  *pages,
         GPtrArray  *text_pages,
         const char *display_name,
         GString    *report)
{
  g_autoptr(GPtrArray) tables = find_tables (pages, text_pages, report);
  GkXlsxWorkbook *workbook = gk_xlsx_workbook_new (display_name);

  for (guint t = 0; t < tables->len; t++)
    {
      Table *table = tables->pdata[t];
      g_autofree char *name = pages_name (table);
      guint row = 0;

      table->columns = find_columns (table->pages->pdata[0]);
      table->sheet = gk_xlsx_sheet_new (name);
      for (guint p = 0; p < table->pages->len; p++)
        lay_out_page (table, table->pages->pdata[p], &row, p == 0);
      g_string_append_printf (report, _("%s: a table of %u columns and %u lines of figures\n"),
                              name, table->columns->len, table->n_lines);
      g_ptr_array_add (workbook->sheets, table->sheet);
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
  GkXlsxWorkbook *workbook;
  GkDocument *document;
  guint64 n_glyphs = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report == NULL)
    report = own = g_string_new (NULL);
  pages = _gk_pdf_read_pages (path, display_name, &n_glyphs, error);
  if (pages == NULL)
    return NULL;
  if (n_glyphs == 0)
    {
      g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_NO_TEXT,
                   _("“%s” has no text, only images of its pages (a scan): Gongkai can read the figures of a PDF made from a spreadsheet or a document, not of a scan; import the Excel workbook instead or type the figures in"),
                   display_name);
      return NULL;
    }
  g_string_append_printf (report, _("“%s”: %u pages\n"), display_name, pages->len);
  workbook = lay_out (pages, text_pages, display_name, report);
  if (workbook->sheets->len == 0)
    {
      gk_xlsx_workbook_free (workbook);
      g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_NO_TABLE,
                   _("“%s” has no page with a table of a disclosure (no title such as 部门收支总体情况表 above lines of figures)"),
                   display_name);
      return NULL;
    }
  document = gk_xlsx_import_workbook (workbook, template, TRUE, report, error);
  if (document == NULL)
    return NULL;
  _gk_pdf_keep_empty_reasons (document, report);
  if (text_pages->len > 0)
    _gk_pdf_read_narrative (document, text_pages, report);
  /* What the PDF says is where the document starts, not edits to undo. */
  gk_document_history_clear (document);
  return document;
}
