/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gk-pdf-import-private.h"

/* 项目支出绩效目标表 read back from a PDF. The form is a ruled table whose
 * rules a PDF's text does not carry: the indicators' columns are placed
 * from the words of its heading row (一级指标 … 指标值) and the shares of
 * the printed form, a cell wrapped over several lines is the lines close
 * together, and a merged 一级 or 二级指标, printed in the middle of the
 * rows it covers, takes the rows whose middle is nearest. */

#define TITLE "项目支出绩效目标表"

typedef struct
{
  GString *text;
  double   y1, y2;
  guint    first, last;   /* rows covered, for merged cells */
} Cell;

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_string_free (cell->text, TRUE);
  g_free (cell);
}

static GkPdfWord *
find_word (GPtrArray  *lines,
           guint       from,
           guint       to,
           const char *prefix,
           guint      *at)
{
  for (guint i = from; i < to; i++)
    {
      GkPdfTextLine *tl = lines->pdata[i];

      for (guint w = 0; w < tl->line->words->len; w++)
        {
          GkPdfWord *word = tl->line->words->pdata[w];
          g_autofree char *key = _gk_pdf_key (word->text);

          if (g_str_has_prefix (key, prefix))
            {
              if (at != NULL)
                *at = i;
              return word;
            }
        }
    }
  return NULL;
}

/* The words of lines [from, to) between x1 and x2, in reading order. */
static char *
words_between (GPtrArray *lines,
               guint      from,
               guint      to,
               double     x1,
               double     x2)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      GkPdfTextLine *tl = lines->pdata[i];

      for (guint w = 0; w < tl->line->words->len; w++)
        {
          GkPdfWord *word = tl->line->words->pdata[w];
          double middle = (word->x1 + word->x2) / 2;

          if (middle > x1 && middle < x2)
            g_string_append (s, word->text);
        }
    }
  return _gk_pdf_tidy (s->str);
}

static guint
column_at (const double *bounds,
           double        x)
{
  guint c = 0;

  while (c < 3 && x > bounds[c])
    c++;
  return c;
}

/* The characters of a line that stand in column `c`: two cells printed
 * close together can be one word of the PDF's text. */
static void
append_column (GString      *out,
               GkPdfLine    *line,
               const double *bounds,
               guint         c,
               double       *y1,
               double       *y2)
{
  for (guint w = 0; w < line->words->len; w++)
    {
      GkPdfWord *word = line->words->pdata[w];
      guint k = 0;

      for (const char *p = word->text; *p != '\0'; p = g_utf8_next_char (p), k++)
        {
          double x = k < word->xs->len ? g_array_index (word->xs, double, k) : word->x1;

          if (column_at (bounds, x + 0.5) == c)
            {
              g_string_append_unichar (out, g_utf8_get_char (p));
              *y1 = MIN (*y1, word->y1);
              *y2 = MAX (*y2, word->y2);
            }
        }
    }
}

/* The cells of column `c`: consecutive lines of it close together are
 * one wrapped cell. */
static GPtrArray *
column_cells (GPtrArray    *lines,
              guint         from,
              guint         to,
              const double *bounds,
              guint         c)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (cell_free);
  Cell *cell = NULL;

  for (guint i = from; i < to; i++)
    {
      GkPdfTextLine *tl = lines->pdata[i];
      g_autoptr(GString) text = g_string_new (NULL);
      double y1 = G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

      /* Only this column's words: a line of the PDF's text can join
       * cells of other rows printed at nearly the same height. */
      append_column (text, tl->line, bounds, c, &y1, &y2);
      g_strstrip (text->str);
      if (text->str[0] == '\0')
        continue;
      if (cell == NULL || y1 - cell->y2 > 0.2 * (y2 - y1))
        {
          cell = g_new0 (Cell, 1);
          cell->text = g_string_new (NULL);
          cell->y1 = y1;
          g_ptr_array_add (cells, cell);
        }
      g_string_append (cell->text, text->str);
      cell->y2 = y2;
    }
  return cells;
}

static double
middle_of (Cell *cell)
{
  return (cell->y1 + cell->y2) / 2;
}

/* Merged cells over `rows`: each takes, from where the one before it
 * ended, the rows whose middle is nearest its own; the last takes the rest. */
static void
spread (GPtrArray *merged,
        GPtrArray *rows)
{
  guint start = 0;

  for (guint k = 0; k < merged->len; k++)
    {
      Cell *cell = merged->pdata[k];
      guint best = start;
      double best_distance = G_MAXDOUBLE;

      if (start >= rows->len)
        {
          cell->first = cell->last = rows->len;
          continue;
        }
      for (guint j = start; j < rows->len; j++)
        {
          double m = (middle_of (rows->pdata[start]) + middle_of (rows->pdata[j])) / 2;
          double d = ABS (m - middle_of (cell));
          if (d < best_distance)
            {
              best_distance = d;
              best = j;
            }
        }
      if (k == merged->len - 1)
        best = rows->len - 1;
      cell->first = start;
      cell->last = best;
      start = best + 1;
    }
}

static const char *
covering (GPtrArray *merged,
          guint      row)
{
  for (guint k = 0; k < merged->len; k++)
    {
      Cell *cell = merged->pdata[k];
      if (row >= cell->first && row <= cell->last)
        return cell->text->str;
    }
  return "";
}

/* A name without the words a 绩效目标表 may add to or drop from it:
 * "网站维护费", "网站维护经费" and "网站维护项目" are all 网站维护. */
static char *
bare_name (const char *key)
{
  static const char * const endings[] = { "项目经费", "专项经费", "经费", "项目", "专项", "费" };
  gsize len = strlen (key);

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      gsize n = strlen (endings[i]);
      if (len > n + 3 && strcmp (key + len - n, endings[i]) == 0)
        return g_strndup (key, len - n);
    }
  return g_strdup (key);
}

/* The project a 绩效目标表 names: by its name as 项目支出表 prints it, or
 * else the one project whose name differs only by such an ending. Two
 * near projects are no match: a form is never given to a wrong one. */
static GkProject *
find_project (GkDocument *document,
              const char *name,
              gboolean   *near)
{
  GListModel *projects = gk_document_get_projects (document);
  g_autofree char *key = _gk_pdf_key (name);
  g_autofree char *bare = bare_name (key);
  GkProject *candidate = NULL;
  guint n_near = 0;

  *near = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      g_autofree char *k = _gk_pdf_key (gk_project_get_name (project) ?: "");
      g_autofree char *b = NULL;

      if (g_strcmp0 (k, key) == 0)
        return project;
      b = bare_name (k);
      if (bare[0] != '\0' && g_str_equal (b, bare))
        {
          candidate = project;
          n_near++;
        }
    }
  if (n_near != 1)
    return NULL;
  *near = TRUE;
  return candidate;
}

/* Whether a line stays inside the form: no word crosses a column's rule
 * or stands left or right of it. */
/* Whether a line stays inside the form: no character stands left or
 * right of it, and where a word runs over a column's rule there is a gap,
 * as between two cells, not the pitch of running text. */
static gboolean
in_form (GkPdfTextLine *tl,
         const double  *bounds,
         double         left,
         double         right)
{
  double tolerance = 0.3 * (tl->line->y2 - tl->line->y1);

  for (guint w = 0; w < tl->line->words->len; w++)
    {
      GkPdfWord *word = tl->line->words->pdata[w];
      double pitch;

      if (word->x1 < left - tolerance || word->x2 > right + tolerance)
        return FALSE;
      if (word->xs->len < 2)
        continue;
      pitch = (word->x2 - word->x1) / word->xs->len;
      for (guint k = 0; k + 1 < word->xs->len; k++)
        {
          double a = g_array_index (word->xs, double, k);
          double b = g_array_index (word->xs, double, k + 1);

          if (column_at (bounds, a + 0.5) != column_at (bounds, b + 0.5) && b - a < 1.3 * pitch)
            return FALSE;
        }
    }
  return TRUE;
}

static void
read_form (GkDocument *document,
           GPtrArray  *lines,
           guint       title,
           GString    *report)
{
  GkPdfTextLine *first = lines->pdata[title];
  guint money_at = 0, heading_at = 0, end;
  GkPdfWord *owner_label, *name_label, *money_label, *l1, *l3, *l4;
  g_autofree char *owner = NULL;
  g_autofree char *name = NULL;
  g_autofree char *goal = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) level1 = NULL;
  g_autoptr(GPtrArray) level2 = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) names = NULL;
  double bounds[3], width, left, right;
  GkProject *project;
  GListModel *indicators;
  gboolean near;
  guint page_end = title + 1;

  first->used = TRUE;
  while (page_end < lines->len && ((GkPdfTextLine *) lines->pdata[page_end])->page == first->page)
    page_end++;
  owner_label = find_word (lines, title + 1, page_end, "预算单位", NULL);
  name_label = find_word (lines, title + 1, page_end, "项目名称", NULL);
  money_label = find_word (lines, title + 1, page_end, "项目资金", &money_at);
  l1 = find_word (lines, title + 1, page_end, "一级指标", &heading_at);
  l3 = find_word (lines, title + 1, page_end, "三级指标", NULL);
  l4 = find_word (lines, title + 1, page_end, "指标值", NULL);
  if (owner_label == NULL || name_label == NULL || money_label == NULL || l1 == NULL || l3 == NULL ||
      l4 == NULL || money_at >= heading_at)
    {
      g_string_append_printf (report, _("Page %u: a 项目支出绩效目标表 without its 项目名称, 项目资金 or 一级指标 … 指标值; not imported\n"),
                              first->page);
      return;
    }

  /* The printed form's columns: 一级 13%, 二级 19%, 三级 38%, 指标值 30%. */
  width = ((l4->x1 + l4->x2) / 2 - (l1->x1 + l1->x2) / 2) / 0.785;
  left = (l1->x1 + l1->x2) / 2 - 0.065 * width;
  right = left + width;
  bounds[0] = left + 0.13 * width;
  bounds[1] = left + 0.32 * width;
  bounds[2] = left + 0.70 * width;

  end = heading_at + 1;
  while (end < page_end && in_form (lines->pdata[end], bounds, left, right))
    {
      g_autofree char *key = g_strdup (((GkPdfTextLine *) lines->pdata[end])->key);
      if (strcmp (key, TITLE) == 0)
        break;
      end++;
    }
  for (guint i = title; i < end; i++)
    ((GkPdfTextLine *) lines->pdata[i])->used = TRUE;

  owner = words_between (lines, title + 1, money_at, owner_label->x2, name_label->x1);
  name = words_between (lines, title + 1, money_at, name_label->x2, G_MAXDOUBLE);
  goal = words_between (lines, money_at + 1, heading_at, money_label->x2, G_MAXDOUBLE);

  project = find_project (document, name, &near);
  if (project == NULL)
    {
      g_string_append_printf (report, _("Page %u: the 项目支出绩效目标表 of “%s”, a project that 项目支出表 does not list; not imported\n"),
                              first->page, name);
      return;
    }
  indicators = gk_project_get_indicators (project);
  if (g_list_model_get_n_items (indicators) > 0)
    {
      g_string_append_printf (report, _("Page %u: a second 项目支出绩效目标表 of “%s”; not imported\n"),
                              first->page, name);
      return;
    }

  rows = column_cells (lines, heading_at + 1, end, bounds, 2);
  targets = column_cells (lines, heading_at + 1, end, bounds, 3);
  level1 = column_cells (lines, heading_at + 1, end, bounds, 0);
  level2 = column_cells (lines, heading_at + 1, end, bounds, 1);
  spread (level1, rows);
  spread (level2, rows);
  names = g_ptr_array_new_full (rows->len, g_free);
  for (guint r = 0; r < rows->len; r++)
    g_ptr_array_add (names, NULL);
  /* A target belongs to the row whose middle is nearest. */
  for (guint t = 0; t < targets->len; t++)
    {
      Cell *target = targets->pdata[t];
      guint best = 0;
      double best_distance = G_MAXDOUBLE;

      for (guint r = 0; r < rows->len; r++)
        {
          double d = ABS (middle_of (rows->pdata[r]) - middle_of (target));
          if (d < best_distance)
            {
              best_distance = d;
              best = r;
            }
        }
      if (rows->len > 0 && names->pdata[best] == NULL)
        names->pdata[best] = _gk_pdf_tidy (target->text->str);
    }

  gk_document_begin_action (document, _("Import 项目支出绩效目标表"));
  /* Kept as printed, so that the check can name both. */
  if (near)
    {
      gk_document_set_text (document, project, "performance-name", name);
      g_string_append_printf (report, _("Page %u: the 项目支出绩效目标表 of “%s” is taken as that of the project “%s”\n"),
                              first->page, name, gk_project_get_name (project));
    }
  if (owner[0] != '\0' && (gk_project_get_owner (project) == NULL || gk_project_get_owner (project)[0] == '\0'))
    gk_document_set_text (document, project, "owner", owner);
  if (goal[0] != '\0')
    gk_document_set_text (document, project, "goal", goal);
  for (guint r = 0; r < rows->len; r++)
    {
      g_autofree char *l1_text = _gk_pdf_tidy (covering (level1, r));
      g_autofree char *l2_text = _gk_pdf_tidy (covering (level2, r));
      g_autofree char *n = _gk_pdf_tidy (((Cell *) rows->pdata[r])->text->str);
      g_autoptr(GkIndicator) indicator = NULL;

      /* The form's line for a project without indicators. */
      if (rows->len == 1 && strcmp (n, "未设定绩效指标") == 0)
        break;
      indicator = gk_indicator_new (l1_text, l2_text, n, names->pdata[r] ?: "");
      gk_document_list_insert (document, indicators, g_list_model_get_n_items (indicators), indicator);
    }
  gk_document_end_action (document);
  g_string_append_printf (report, _("Page %u: the 项目支出绩效目标表 of “%s”: %u indicators\n"),
                          first->page, name, g_list_model_get_n_items (indicators));
}

/* Whether a page prints a 项目支出绩效目标表: a form of text, not a table
 * of figures. */
gboolean
_gk_pdf_page_has_performance_form (GkPdfPage *page)
{
  for (guint i = 0; i < page->lines->len; i++)
    {
      g_autofree char *text = _gk_pdf_line_text (page->lines->pdata[i], "");
      g_autofree char *t = _gk_pdf_key (text);

      if (g_str_has_suffix (t, "项目支出绩效目标表") && g_utf8_strlen (t, -1) <= 16)
        return TRUE;
    }
  return FALSE;
}

/* Under an empty table Gongkai prints the reason it is empty as its
 * 备注: read back, that note is the reason. */
void
_gk_pdf_keep_empty_reasons (GkDocument *document,
                            GString    *report)
{
  for (guint t = 0; t < gk_document_get_n_tables (document); t++)
    {
      GkTable *table = gk_document_get_table_at (document, t);
      g_autofree char *note = g_strdup (gk_table_get_note (table));
      g_autofree char *label = NULL;

      if (!gk_table_is_empty (table) || note == NULL || note[0] == '\0' ||
          gk_table_get_empty_explanation (table) != NULL)
        continue;
      gk_document_set_text (document, table, "note", NULL);
      gk_document_set_text (document, table, "empty-explanation", note);
      label = gk_table_schema_dup_label (gk_table_get_schema (table));
      g_string_append_printf (report, _("%s is empty; “%s” is taken as the reason it is\n"), label, note);
    }
}

/**
 * _gk_pdf_read_performance:
 * @lines: (element-type GkPdfTextLine): the lines of the pages without a
 *   table; those of a 绩效目标表 are marked used
 *
 * Reads each 项目支出绩效目标表 into the indicators, goal and owner of the
 * project it names.
 */
void
_gk_pdf_read_performance (GkDocument *document,
                          GPtrArray  *lines,
                          GString    *report)
{
  for (guint i = 0; i < lines->len; i++)
    {
      GkPdfTextLine *tl = lines->pdata[i];

      if (!tl->used && strcmp (tl->key, TITLE) == 0)
        read_form (document, lines, i, report);
    }
}
