/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "gk-pdf-import-private.h"
#include "gk-xlsx-import-private.h"
#include "gk-xlsx-sheet.h"

/* Where a table's cells are on its first page: the columns, from the gaps
 * no figure crosses, and the heading over them, a row of cells per level. */

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

/* Whether a word of a line of figures is a figure in column `col`. */
gboolean
_gk_pdf_has_figures (PageScan *scan,
                     Column   *col)
{
  GkPdfPage *page = scan->page;

  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      if (scan->kinds[i] != LINE_DATA)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];
          if (_gk_pdf_is_number_word (word->text) && overlap (word->x1, word->x2, col->x1, col->x2) > 0.5)
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether a heading word stands over column `k` and no other. */
static gboolean
has_own_heading (PageScan *scan,
                 GArray   *columns,
                 guint     k)
{
  GkPdfPage *page = scan->page;
  Column *col = &g_array_index (columns, Column, k);

  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      if (scan->kinds[i] != LINE_HEADING)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];
          guint n = 0;

          if (overlap (word->x1, word->x2, col->x1, col->x2) <= 0.5)
            continue;
          for (guint c = 0; c < columns->len; c++)
            n += overlap (word->x1, word->x2, g_array_index (columns, Column, c).x1,
                          g_array_index (columns, Column, c).x2) > 0.5;
          if (n == 1)
            return TRUE;
        }
    }
  return FALSE;
}

/* A narrow heading centred in its cell may stand clear of its figures,
 * right-aligned (合计 over 49.05): a heading without figures followed by
 * figures without a heading is one column. */
static void
claim_headless_figures (PageScan *scan,
                        GArray   *columns,
                        GArray   *empty)
{
  for (guint e = 0; e < empty->len; e++)
    {
      Column *h = &g_array_index (empty, Column, e);
      int next = -1;

      for (guint k = 0; k < columns->len; k++)
        if (g_array_index (columns, Column, k).x1 >= h->x2 &&
            (next < 0 || g_array_index (columns, Column, k).x1 < g_array_index (columns, Column, next).x1))
          next = k;
      if (next < 0 || (e + 1 < empty->len && g_array_index (empty, Column, e + 1).x1 < g_array_index (columns, Column, next).x1) ||
          !_gk_pdf_has_figures (scan, &g_array_index (columns, Column, next)) ||
          has_own_heading (scan, columns, next))
        continue;
      g_array_index (columns, Column, next).x1 = h->x1;
      g_array_remove_index (empty, e--);
    }
}

/* Whether heading words of lines below line `i` stand under `word`, two
 * at least. */
static gboolean
heads_several (PageScan  *scan,
               guint      i,
               GkPdfWord *word)
{
  GkPdfPage *page = scan->page;
  guint n = 0;

  for (guint j = i + 1; j < page->lines->len; j++)
    {
      GkPdfLine *line = page->lines->pdata[j];

      if (scan->kinds[j] != LINE_HEADING || line->y1 < word->y2 - 0.5)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *o = line->words->pdata[w];
          n += overlap (o->x1, o->x2, word->x1, word->x2) > 0.5;
        }
    }
  return n >= 2;
}

/* The columns of a table. Figures and codes first: they are short and
 * never cross a column. Then the texts of its lines. Then headings: a
 * heading is over the column whose right edge is the first at or past
 * its middle (figures are right-aligned, headings centred); a heading
 * there that is not over its figures while another one is, or one past
 * the last column, is the heading of a column without figures. */
GArray *
_gk_pdf_find_columns (PageScan *scan)
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
          if (scan->kinds[i] == LINE_DATA && (_gk_pdf_is_number_word (word->text) || _gk_pdf_is_code_word (word->text)))
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

          /* A group's word over figures heads them through the headings
           * under it, not the blank cells beside them. */
          if (heads_several (scan, i, word))
            continue;
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

          /* A group over headings of its own (因公出国（境）费 over 预算数
           * and 决算数 of blank cells) is no column. */
          if (heads_several (scan, i, word))
            continue;
          for (k = 0; k < columns->len; k++)
            if (middle <= g_array_index (columns, Column, k).x2 + 3)
              break;
          if (k == columns->len || !over_headed (headed, word))
            g_array_append_val (empty, c);
        }
    }
  merge_columns (empty);
  claim_headless_figures (scan, columns, empty);
  g_array_append_vals (columns, empty->data, empty->len);
  g_array_sort (columns, compare_columns);
  return columns;
}

/* The column a word is in: the one it overlaps most, else the nearest. */
guint
_gk_pdf_column_of (GArray *columns,
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

void
_gk_pdf_put_text (GkXlsxSheet *sheet,
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
  if (joined == NULL && _gk_pdf_is_number_word (text))
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
void
_gk_pdf_append_fragment (GkXlsxSheet *sheet,
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

/* Whether a heading word lower than `word` stands over column `c`. */
static gboolean
headed_below (PageScan  *scan,
              GArray    *columns,
              GkPdfWord *word,
              guint      c)
{
  Column *col = &g_array_index (columns, Column, c);
  GkPdfPage *page = scan->page;

  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      if (scan->kinds[i] != LINE_HEADING || line->y1 < word->y2 - 0.5)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *o = line->words->pdata[w];
          if (overlap (o->x1, o->x2, col->x1, col->x2) > 0.5)
            return TRUE;
        }
    }
  return FALSE;
}

/* A heading over headings is centred over all of theirs, though its
 * words may not reach the outer columns' figures (科目编码 over narrow
 * 类, 款 and 项 columns): the columns around the ones it overlaps whose
 * middle is its middle, when each has a heading of its own below. */
static void
widen_heading (PageScan  *scan,
               GArray    *columns,
               GkPdfWord *word,
               guint     *c1,
               guint     *c2)
{
  double middle = (word->x1 + word->x2) / 2;
  double best = fabs (middle - (g_array_index (columns, Column, *c1).x1 +
                                g_array_index (columns, Column, *c2).x2) / 2);
  guint a1 = *c1, a2 = *c2;

  /* A heading within its columns, or reaching out on one side only (a
   * centred heading over right-aligned figures), is theirs alone. */
  if (word->x1 > g_array_index (columns, Column, *c1).x1 - 2 ||
      word->x2 < g_array_index (columns, Column, *c2).x2 + 2)
    return;
  for (guint a = 0; a <= *c1; a++)
    for (guint b = *c2; b < columns->len; b++)
      {
        Column *x = &g_array_index (columns, Column, a);
        Column *y = &g_array_index (columns, Column, b);
        double d = fabs (middle - (x->x1 + y->x2) / 2);
        gboolean all = TRUE;

        if ((a == *c1 && b == *c2) || d >= best || d > 0.1 * (y->x2 - x->x1) ||
            word->x1 < x->x1 - 2 || word->x2 > y->x2 + 2)
          continue;
        for (guint c = a; c <= b && all; c++)
          all = headed_below (scan, columns, word, c);
        if (all)
          {
            best = d;
            a1 = a;
            a2 = b;
          }
      }
  *c1 = a1;
  *c2 = a2;
}

/* Whether column `c` holds codes and nothing else on its lines of figures. */
static gboolean
is_code_column (PageScan *scan,
                GArray   *columns,
                guint     c)
{
  Column *col = &g_array_index (columns, Column, c);
  GkPdfPage *page = scan->page;
  gboolean codes = FALSE;

  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      if (scan->kinds[i] != LINE_DATA)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];
          g_autofree char *t = NULL;

          if (overlap (word->x1, word->x2, col->x1, col->x2) <= 0.5)
            continue;
          t = gk_xlsx_normalize (word->text);
          if (_gk_pdf_is_code_word (word->text))
            codes = TRUE;
          else if (!gk_xlsx_is_total_word (t))
            return FALSE;
        }
    }
  return codes;
}

/* The heading's words as rows of cells, one row per level: a word over
 * several columns is a merged cell, a word wrapped over lines in the same
 * columns is one cell's text. */
guint
_gk_pdf_lay_out_heading (Table       *table,
                 PageScan    *scan,
                 guint        row)
{
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (heading_free);
  g_autoptr(GArray) stacked = _gk_pdf_place_stacked (scan, table->columns);
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
          gboolean found = FALSE;

          for (guint j = 0; stacked != NULL && !found && j < stacked->len; j++)
            if ((found = g_array_index (stacked, GkPdfPlaced, j).word == word))
              {
                c1 = g_array_index (stacked, GkPdfPlaced, j).c1;
                c2 = g_array_index (stacked, GkPdfPlaced, j).c2;
              }
          for (guint c = 0; !found && c < table->columns->len; c++)
            {
              Column *col = &g_array_index (table->columns, Column, c);
              if (overlap (word->x1, word->x2, col->x1, col->x2) > 0.5)
                {
                  c1 = MIN (c1, c);
                  c2 = MAX (c2, c);
                }
            }
          if (found)
            ;
          else if (c1 != G_MAXUINT)
            widen_heading (scan, table->columns, word, &c1, &c2);
          else
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
  /* A column of codes without a heading is under its names' heading
   * (功能分类 over the code and the name), as in a merged cell. */
  for (guint c = 0; c + 1 < table->columns->len; c++)
    {
      Heading *next = NULL;
      gboolean headed = FALSE;

      for (guint i = 0; i < headings->len; i++)
        {
          Heading *h = headings->pdata[i];
          headed |= h->c1 <= c && h->c2 >= c;
          if (h->c1 == c + 1 && (next == NULL || h->depth < next->depth))
            next = h;
        }
      if (!headed && next != NULL && is_code_column (scan, table->columns, c))
        next->c1 = c;
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
