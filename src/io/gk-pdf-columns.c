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
static gboolean
has_figures (PageScan *scan,
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
          !has_figures (scan, &g_array_index (columns, Column, next)) ||
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

typedef struct
{
  GkPdfWord *word;
  guint      c1, c2;
} Placed;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Whether a heading of three lines and more stands over figures alone
 * (决算's 三公 table: 预算数 and 决算数 under each item, the items under
 * their groups), where a narrow word centred over two columns (合计 over
 * its 预算数 and 决算数) overlaps the figures of one of them alone. */
static gboolean
is_stacked (PageScan *scan,
            GArray   *columns)
{
  GkPdfPage *page = scan->page;
  guint n_lines = 0, n_figures = 0;

  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];

      n_lines += scan->kinds[i] == LINE_HEADING;
      /* Figures alone: no code, no name. */
      for (guint w = 0; scan->kinds[i] == LINE_DATA && w < line->words->len; w++)
        if (!_gk_pdf_is_number_word (((GkPdfWord *) line->words->pdata[w])->text))
          return FALSE;
    }
  for (guint k = 0; k < columns->len; k++)
    n_figures += has_figures (scan, &g_array_index (columns, Column, k));
  return n_lines >= 3 && n_figures >= 2;
}

/* Whether another heading word says that [a, b] is not the span of
 * `word`: one of its line over those columns (its neighbour), or one
 * above it that stands beside it within those columns (会议费 above
 * 公务接待费 keeps 公务接待费 off its columns). */
static gboolean
is_contradicted (PageScan  *scan,
                 GArray    *columns,
                 GkPdfWord *word,
                 double     x1,
                 double     x2,
                 guint      a,
                 guint      b)
{
  GkPdfPage *page = scan->page;

  for (guint i = 0; i < page->lines->len; i++)
    {
      GkPdfLine *line = page->lines->pdata[i];
      gboolean same = FALSE, above = line->y2 <= word->y1 + 0.5;

      if (scan->kinds[i] != LINE_HEADING)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        same |= line->words->pdata[w] == word;
      if (!same && !above)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *o = line->words->pdata[w];
          gboolean over = FALSE;

          if (o == word)
            continue;
          for (guint k = a; k <= b; k++)
            over |= overlap (o->x1, o->x2, g_array_index (columns, Column, k).x1,
                             g_array_index (columns, Column, k).x2) > 0.5;
          if (same && over)
            return TRUE;
          if (above && o->x1 >= x1 && o->x2 <= x2 && overlap (o->x1, o->x2, word->x1, word->x2) <= 0)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_below (Placed    *o,
          GkPdfWord *word)
{
  return o->word->y1 >= word->y2 - 0.5;
}

/* Whether the headings that [a, b] would put right under `word` hang
 * from it: a heading is centred in its cell from the bottom of its
 * parent's to the top of its children's, so a heading with headings
 * under it says where its parent's bottom is (因公出国（境）费 centred
 * between 财政拨款“三公”经费 and its 预算数 is no child of 公务用车购置及
 * 运行维护费, printed between them). */
static gboolean
hangs_from (GArray    *placed,
            GkPdfWord *word,
            guint      a,
            guint      b)
{
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *child = &g_array_index (placed, Placed, i);
      double top = G_MAXDOUBLE;
      gboolean direct = TRUE;

      if (!is_below (child, word) || child->c1 < a || child->c2 > b)
        continue;
      for (guint j = 0; direct && j < placed->len; j++)
        {
          Placed *o = &g_array_index (placed, Placed, j);
          direct = j == i || !is_below (o, word) || !is_below (child, o->word) ||
                   o->c1 > child->c1 || o->c2 < child->c2;
        }
      if (!direct)
        continue;
      for (guint j = 0; j < placed->len; j++)
        {
          Placed *o = &g_array_index (placed, Placed, j);
          if (j != i && is_below (o, child->word) && o->c1 >= child->c1 && o->c2 <= child->c2)
            top = MIN (top, o->word->y1);
        }
      if (top < G_MAXDOUBLE &&
          fabs (child->word->y1 + child->word->y2 - top - word->y2) > 3)
        return FALSE;
    }
  return TRUE;
}

/* Each word of a stacked heading, from the lowest line up, heads the
 * cells whose middle is its own — a cell reaching from the figures of the
 * column before to its own, figures being right-aligned —, the widest of
 * them when several are, so long as it heads whole every heading below it
 * that it stands over, stands beside the others of its line, and no word
 * above says otherwise. */
static GArray *
place_stacked (PageScan *scan,
               GArray   *columns)
{
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  GkPdfPage *page = scan->page;
  guint n = columns->len;
  g_autofree double *left = g_new (double, n);
  g_autofree double *right = g_new (double, n);

  g_autofree gboolean *figures = g_new (gboolean, n);
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  double step;

  for (guint k = 0; k < n; k++)
    {
      right[k] = g_array_index (columns, Column, k).x2;
      figures[k] = has_figures (scan, &g_array_index (columns, Column, k));
      if (k > 0 && figures[k] && figures[k - 1])
        {
          double d = right[k] - right[k - 1];
          g_array_append_val (steps, d);
        }
    }
  /* A column of blank cells has its heading, centred, for its place: its
   * cell reaches half a column's width on either side. */
  g_array_sort (steps, compare_doubles);
  step = steps->len > 0 ? g_array_index (steps, double, steps->len / 2) : 0;
  for (guint k = 0; k < n && step > 0; k++)
    if (!figures[k])
      right[k] = (g_array_index (columns, Column, k).x1 + g_array_index (columns, Column, k).x2) / 2 + step / 2;
  for (guint k = 0; k < n; k++)
    left[k] = k > 0 ? right[k - 1] : right[0] - (n > 1 ? right[1] - right[0] : step);
  for (guint i = page->lines->len; i-- > 0;)
    {
      GkPdfLine *line = page->lines->pdata[i];

      if (scan->kinds[i] != LINE_HEADING)
        continue;
      for (guint w = 0; w < line->words->len; w++)
        {
          GkPdfWord *word = line->words->pdata[w];
          double middle = (word->x1 + word->x2) / 2;
          double best = G_MAXDOUBLE;
          Placed p = { word, 0, 0 };

          for (guint a = 0; a < n; a++)
            for (guint b = a; b < n; b++)
              {
                double d = fabs (middle - (left[a] + right[b]) / 2);
                gboolean valid = word->x1 >= left[a] - 6 && word->x2 <= right[b] + 6 && d < best + 1.5;

                for (guint j = 0; valid && j < placed->len; j++)
                  {
                    Placed *o = &g_array_index (placed, Placed, j);
                    gboolean meets = o->c2 >= a && o->c1 <= b;
                    gboolean crosses = meets && (o->c1 < a || o->c2 > b);

                    if (o->word->y1 >= word->y2 - 0.5)
                      valid = !crosses;
                    else
                      valid = !meets;   /* a word of the same line */
                  }
                for (guint c = a; valid && b > a && c <= b; c++)
                  {
                    gboolean headed = FALSE;

                    for (guint j = 0; !headed && j < placed->len; j++)
                      {
                        Placed *o = &g_array_index (placed, Placed, j);
                        headed = o->word->y1 >= word->y2 - 0.5 && o->c1 <= c && o->c2 >= c;
                      }
                    valid = headed;
                  }
                if (!valid || is_contradicted (scan, columns, word, left[a], right[b], a, b) ||
                    !hangs_from (placed, word, a, b))
                  continue;
                /* Of middles as near, the wider span. */
                if (d < best - 1.5 || b - a > p.c2 - p.c1 || best == G_MAXDOUBLE)
                  {
                    best = MIN (best, d);
                    p.c1 = a;
                    p.c2 = b;
                  }
              }
          if (best < G_MAXDOUBLE)
            g_array_append_val (placed, p);
        }
    }
  return placed;
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
  g_autoptr(GArray) stacked = is_stacked (scan, table->columns) ? place_stacked (scan, table->columns) : NULL;
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
            if ((found = g_array_index (stacked, Placed, j).word == word))
              {
                c1 = g_array_index (stacked, Placed, j).c1;
                c2 = g_array_index (stacked, Placed, j).c2;
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
