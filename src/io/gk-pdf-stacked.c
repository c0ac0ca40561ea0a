/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "gk-pdf-import-private.h"

/* A heading of three levels and more over figures alone — 决算's 三公
 * table: 预算数 and 决算数 under each item, the items under their groups,
 * all under 财政拨款“三公”经费 — placed word by word on the cells it is
 * centred over, where the words' overlap with the figures says too
 * little (合计, narrow and centred over two columns, overlaps one). */

static double
overlap (double a1, double a2, double b1, double b2)
{
  return MIN (a2, b2) - MAX (a1, b1);
}

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
    n_figures += _gk_pdf_has_figures (scan, &g_array_index (columns, Column, k));
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
is_below (GkPdfPlaced    *o,
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
      GkPdfPlaced *child = &g_array_index (placed, GkPdfPlaced, i);
      double top = G_MAXDOUBLE;
      gboolean direct = TRUE;

      if (!is_below (child, word) || child->c1 < a || child->c2 > b)
        continue;
      for (guint j = 0; direct && j < placed->len; j++)
        {
          GkPdfPlaced *o = &g_array_index (placed, GkPdfPlaced, j);
          direct = j == i || !is_below (o, word) || !is_below (child, o->word) ||
                   o->c1 > child->c1 || o->c2 < child->c2;
        }
      if (!direct)
        continue;
      for (guint j = 0; j < placed->len; j++)
        {
          GkPdfPlaced *o = &g_array_index (placed, GkPdfPlaced, j);
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
place (PageScan *scan,
       GArray   *columns)
{
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (GkPdfPlaced));
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
      figures[k] = _gk_pdf_has_figures (scan, &g_array_index (columns, Column, k));
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
          GkPdfPlaced p = { word, 0, 0 };

          for (guint a = 0; a < n; a++)
            for (guint b = a; b < n; b++)
              {
                double d = fabs (middle - (left[a] + right[b]) / 2);
                gboolean valid = word->x1 >= left[a] - 6 && word->x2 <= right[b] + 6 && d < best + 1.5;

                for (guint j = 0; valid && j < placed->len; j++)
                  {
                    GkPdfPlaced *o = &g_array_index (placed, GkPdfPlaced, j);
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
                        GkPdfPlaced *o = &g_array_index (placed, GkPdfPlaced, j);
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

/**
 * _gk_pdf_place_stacked:
 *
 * Returns: (nullable): the heading's words with the columns each heads
 *   (#GkPdfPlaced), or %NULL when the heading is not stacked over figures
 */
GArray *
_gk_pdf_place_stacked (PageScan *scan,
                       GArray   *columns)
{
  return is_stacked (scan, columns) ? place (scan, columns) : NULL;
}
