/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gk-ruled-table-private.h"
#include "gk-typesetter-private.h"

G_DEFINE_FINAL_TYPE (GkRuledTable, gk_ruled_table, G_TYPE_OBJECT)

static void
gk_ruled_table_finalize (GObject *object)
{
  GkRuledTable *self = GK_RULED_TABLE (object);

  g_free (self->columns);
  g_array_unref (self->rows);
  g_array_unref (self->cells);
  g_string_chunk_free (self->strings);
  g_free (self->widths);
  g_free (self->x);
  g_clear_pointer (&self->shaped, g_array_unref);

  G_OBJECT_CLASS (gk_ruled_table_parent_class)->finalize (object);
}

static void
gk_ruled_table_class_init (GkRuledTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_ruled_table_finalize;
}

static void
gk_ruled_table_init (GkRuledTable *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  self->strings = g_string_chunk_new (1024);
  self->tag_cells = TRUE;
}

GkRuledTable *
gk_ruled_table_new (guint n_columns)
{
  GkRuledTable *self;

  g_return_val_if_fail (n_columns > 0, NULL);

  self = g_object_new (GK_TYPE_RULED_TABLE, NULL);
  self->n_columns = n_columns;
  self->columns = g_new0 (Column, n_columns);
  for (guint i = 0; i < n_columns; i++)
    self->columns[i].kind = GK_RULED_COLUMN_TEXT;
  self->widths = g_new0 (double, n_columns);
  self->x = g_new0 (double, n_columns + 1);
  return self;
}

guint
gk_ruled_table_get_n_columns (GkRuledTable *self)
{
  g_return_val_if_fail (GK_IS_RULED_TABLE (self), 0);
  return self->n_columns;
}

/**
 * gk_ruled_table_set_column:
 * @size: for a text column, its maximum width in ems (0 for the default);
 *   for a share column, its fraction of the table's width
 */
void
gk_ruled_table_set_column (GkRuledTable      *self,
                           guint              column,
                           GkRuledColumnKind  kind,
                           double             size)
{
  g_return_if_fail (GK_IS_RULED_TABLE (self));
  g_return_if_fail (column < self->n_columns);

  self->columns[column].kind = kind;
  self->columns[column].size = size;
}

/* Drawn whole on one page when it fits on one: a 绩效目标表. */
void
gk_ruled_table_set_keep_together (GkRuledTable *self,
                                  gboolean      keep_together)
{
  g_return_if_fail (GK_IS_RULED_TABLE (self));
  self->keep_together = !!keep_together;
}

gboolean
gk_ruled_table_get_keep_together (GkRuledTable *self)
{
  g_return_val_if_fail (GK_IS_RULED_TABLE (self), FALSE);
  return self->keep_together;
}

/**
 * gk_ruled_table_set_tag_cells:
 * @tag_cells: %TRUE (the default) for a structure element on a PDF for
 *   each cell, %FALSE for one for each row only
 *
 * A row's cells then read as one text. A document of thousands of
 * projects has hundreds of thousands of cells, and an element for each
 * takes gigabytes to write.
 */
void
gk_ruled_table_set_tag_cells (GkRuledTable *self,
                              gboolean      tag_cells)
{
  g_return_if_fail (GK_IS_RULED_TABLE (self));
  self->tag_cells = !!tag_cells;
}

guint
gk_ruled_table_append_row (GkRuledTable    *self,
                           GkRuledRowFlags  flags)
{
  Row row = { 0, };

  g_return_val_if_fail (GK_IS_RULED_TABLE (self), 0);

  self->measured_with = NULL;
  row.first_cell = self->cells->len;
  row.flags = flags;
  g_array_append_val (self->rows, row);
  return self->rows->len - 1;
}

/**
 * gk_ruled_table_add_cell:
 * @text: (nullable): the text, or %NULL for a blank cell
 * @alignment: the horizontal alignment, or -1 for the style's
 * @indent: ems of indentation (a 款 or 项 under its 类)
 *
 * Adds a cell to the last row appended, left to right. A column covered by
 * a merged cell gets no cell of its own.
 */
void
gk_ruled_table_add_cell (GkRuledTable   *self,
                         guint           column,
                         const char     *text,
                         GkTextStyle     style,
                         PangoAlignment  alignment,
                         guint           indent,
                         guint           row_span,
                         guint           column_span)
{
  Row *row;
  Cell cell = { 0, };

  g_return_if_fail (GK_IS_RULED_TABLE (self));
  g_return_if_fail (self->rows->len > 0);
  g_return_if_fail (column_span >= 1 && column + column_span <= self->n_columns);
  g_return_if_fail (row_span >= 1);
  g_return_if_fail (style < GK_N_TEXT_STYLES);

  self->measured_with = NULL;
  row = &g_array_index (self->rows, Row, self->rows->len - 1);
  cell.text = text != NULL && text[0] != '\0' ? g_string_chunk_insert (self->strings, text) : NULL;
  cell.column = column;
  cell.column_span = column_span;
  cell.row_span = row_span;
  cell.style = style;
  cell.alignment = alignment;
  cell.indent = MIN (indent, 255);
  g_array_append_val (self->cells, cell);
  row->n_cells++;
}

guint
gk_ruled_table_get_n_rows (GkRuledTable *self)
{
  g_return_val_if_fail (GK_IS_RULED_TABLE (self), 0);
  return self->rows->len;
}

/* The leading rows marked as header. */
guint
gk_ruled_table_get_n_header_rows (GkRuledTable *self)
{
  guint n = 0;

  g_return_val_if_fail (GK_IS_RULED_TABLE (self), 0);

  while (n < self->rows->len && (g_array_index (self->rows, Row, n).flags & GK_RULED_ROW_HEADER) != 0)
    n++;
  return n;
}



/* The text of the cell that starts at @row, @column, or NULL. */
const char *
gk_ruled_table_get_cell_text (GkRuledTable *self,
                              guint         row,
                              guint         column)
{
  Row *r;

  g_return_val_if_fail (GK_IS_RULED_TABLE (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = _gk_ruled_table_row_at (self, row);
  for (guint i = 0; i < r->n_cells; i++)
    if (_gk_ruled_table_cell_at (self, r->first_cell + i)->column == column)
      return _gk_ruled_table_cell_at (self, r->first_cell + i)->text;
  return NULL;
}

/* Measuring ---------------------------------------------------------------- */

/* An upper bound of the width of @text: figures are narrower than 0.6 em,
 * nothing is wider than an em. */
static double
estimate_width (const char *text,
                double      em)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_ascii_isdigit (*p) || *p == '.' || *p == ',' || *p == '-' || *p == ' ' ? 0.6 * em : em;
  return width;
}

typedef struct
{
  double min;
  double want;
  double natural;   /* what a text column would take unwrapped */
} Need;

static void
measure_column (GkRuledTable *self,
                GkTypesetter *typesetter,
                guint         column,
                double        table_width,
                Need         *need)
{
  Column *col = &self->columns[column];
  double body = 0, title = 0, title_min = 0;
  double em_cell = gk_typesetter_get_style_info (GK_TEXT_TABLE_CELL)->size;
  double cap = (col->size > 0 ? col->size : TEXT_MAX_EMS) * em_cell;

  if (col->kind == GK_RULED_COLUMN_SHARE)
    {
      need->min = need->want = need->natural = col->size * table_width;
      return;
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = _gk_ruled_table_row_at (self, r);

      for (guint i = 0; i < row->n_cells; i++)
        {
          Cell *cell = _gk_ruled_table_cell_at (self, row->first_cell + i);
          double em = gk_typesetter_get_style_info (cell->style)->size;
          double indent = cell->indent * em;

          if (cell->column != column || cell->column_span != 1 || cell->text == NULL)
            continue;
          if ((row->flags & GK_RULED_ROW_HEADER) != 0)
            {
              g_autofree char *longest = NULL;
              g_autofree char *words = _gk_typesetter_join_heading_words (cell->text, &longest);
              double fit = MIN (col->kind == GK_RULED_COLUMN_FIGURE ? FIGURE_TITLE_MIN_EMS : TITLE_MIN_EMS,
                                g_utf8_strlen (cell->text, -1)) * em;

              title = MAX (title, gk_typesetter_text_width (typesetter, cell->style, cell->text));
              /* Room for the longest heading word (up to four characters),
               * so that a title breaks between its words. */
              if (g_utf8_strlen (longest, -1) <= HEADING_WORD_MAX_EMS)
                fit = MAX (fit, gk_typesetter_text_width (typesetter, cell->style, longest) + 0.5);
              title_min = MAX (title_min, fit);
              continue;
            }
          /* Measure only what could be the widest yet: on a long table
           * nearly every cell is skipped. */
          if (indent + estimate_width (cell->text, em) <= body)
            continue;
          if (col->kind == GK_RULED_COLUMN_TEXT && body >= 3 * cap)
            continue;
          body = MAX (body, indent + gk_typesetter_text_width (typesetter, cell->style, cell->text));
        }
    }

  switch (col->kind)
    {
    case GK_RULED_COLUMN_CODE:
      /* Room for three digits even when the table is empty. */
      need->min = need->want = need->natural = MAX (MAX (body, CODE_MIN_EMS * em_cell), title_min);
      break;
    case GK_RULED_COLUMN_FIGURE:
      {
        double title_cap = TITLE_MAX_EMS * gk_typesetter_get_style_info (GK_TEXT_TABLE_HEADER)->size;
        need->min = MAX (body, title_min);
        need->want = MAX (need->min, MIN (title, title_cap));
        need->natural = need->want;
      }
      break;
    case GK_RULED_COLUMN_TEXT:
    default:
      {
        double text_min = TEXT_MIN_EMS * gk_typesetter_get_style_info (GK_TEXT_TABLE_CELL)->size;
        double content = MAX (body, MIN (title, TITLE_MAX_EMS * gk_typesetter_get_style_info (GK_TEXT_TABLE_HEADER)->size));
        need->min = MAX (MIN (content, text_min), title_min);
        need->want = MAX (need->min, MIN (content, cap));
        need->natural = MAX (need->want, content);
      }
      break;
    }
  need->min += 2 * PAD_X;
  need->want += 2 * PAD_X;
  need->natural += 2 * PAD_X;
}

static gboolean
is_growable (GkRuledColumnKind kind)
{
  return kind == GK_RULED_COLUMN_TEXT || kind == GK_RULED_COLUMN_FIGURE;
}

/* Takes up to @deficit from the columns of @kind (every kind when -1),
 * each in proportion to what it has above its minimum. */
static double
shrink (GkRuledTable *self,
        Need         *needs,
        int           kind,
        double        deficit)
{
  double slack = 0, taken;

  for (guint c = 0; c < self->n_columns; c++)
    if (kind < 0 || (int) self->columns[c].kind == kind)
      slack += self->widths[c] - needs[c].min;
  if (slack <= 0)
    return deficit;
  taken = MIN (deficit, slack);
  for (guint c = 0; c < self->n_columns; c++)
    if (kind < 0 || (int) self->columns[c].kind == kind)
      self->widths[c] -= taken * (self->widths[c] - needs[c].min) / slack;
  return deficit - taken;
}

/* Narrows the amount columns to one common width, none below its widest
 * figure, taking up to @deficit: they stay alike as long as they can. */
static double
shrink_figures (GkRuledTable *self,
                Need         *needs,
                double        deficit)
{
  double current = 0, least = 0, lo = 0, hi = 0, goal;

  for (guint c = 0; c < self->n_columns; c++)
    if (self->columns[c].kind == GK_RULED_COLUMN_FIGURE)
      {
        current += self->widths[c];
        least += needs[c].min;
        hi = MAX (hi, self->widths[c]);
      }
  if (current <= least)
    return deficit;
  goal = MAX (current - deficit, least);

  /* The common width t with Σ max (min, t) = goal, by bisection. */
  for (int i = 0; i < 40; i++)
    {
      double t = (lo + hi) / 2, sum = 0;

      for (guint c = 0; c < self->n_columns; c++)
        if (self->columns[c].kind == GK_RULED_COLUMN_FIGURE)
          sum += MAX (needs[c].min, MIN (t, self->widths[c]));
      if (sum > goal)
        hi = t;
      else
        lo = t;
    }
  for (guint c = 0; c < self->n_columns; c++)
    if (self->columns[c].kind == GK_RULED_COLUMN_FIGURE)
      self->widths[c] = MAX (needs[c].min, MIN (lo, self->widths[c]));
  return deficit - (current - goal);
}

/* Column widths that fill @width. Each column gets what its content
 * wants, text columns up to their maximum, all amount columns the same
 * width; space left over goes first to text columns that had to wrap,
 * then to every column but the codes. A table too wide first wraps its
 * amount titles more, then its names, and only then shrinks everything. */
static void
compute_widths (GkRuledTable *self,
                GkTypesetter *typesetter,
                double        width)
{
  g_autofree Need *needs = g_new0 (Need, self->n_columns);
  Need figure = { 0, };
  double want = 0, min = 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      measure_column (self, typesetter, c, width, &needs[c]);
      if (self->columns[c].kind == GK_RULED_COLUMN_FIGURE)
        figure.want = MAX (figure.want, needs[c].want);
    }
  /* Amount columns look alike when they can: the same width wanted by
   * all, each still able to shrink down to its own widest figure. */
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (self->columns[c].kind == GK_RULED_COLUMN_FIGURE)
        needs[c].want = needs[c].natural = figure.want;
      want += needs[c].want;
      min += needs[c].min;
      self->widths[c] = needs[c].want;
    }

  if (want <= width)
    {
      double extra = width - want, wanting = 0, growable = 0;

      for (guint c = 0; c < self->n_columns; c++)
        wanting += needs[c].natural - needs[c].want;
      if (wanting > 0)
        {
          double given = MIN (extra, wanting);

          for (guint c = 0; c < self->n_columns; c++)
            self->widths[c] += given * (needs[c].natural - needs[c].want) / wanting;
          extra -= given;
        }
      for (guint c = 0; c < self->n_columns; c++)
        if (is_growable (self->columns[c].kind))
          growable += self->widths[c];
      for (guint c = 0; c < self->n_columns && growable > 0; c++)
        if (is_growable (self->columns[c].kind))
          self->widths[c] += extra * self->widths[c] / growable;
    }
  else if (min <= width)
    {
      double deficit = want - width;

      deficit = shrink_figures (self, needs, deficit);
      deficit = shrink (self, needs, GK_RULED_COLUMN_TEXT, deficit);
      shrink (self, needs, -1, deficit);
    }
  else
    {
      double codes = 0;

      /* Too many columns for the page: everything but the codes shrinks
       * alike, and figures may wrap rather than run off the paper. */
      for (guint c = 0; c < self->n_columns; c++)
        if (self->columns[c].kind == GK_RULED_COLUMN_CODE)
          codes += needs[c].min;
      for (guint c = 0; c < self->n_columns; c++)
        self->widths[c] = self->columns[c].kind == GK_RULED_COLUMN_CODE || min <= codes
                          ? needs[c].min
                          : needs[c].min * MAX (width - codes, 0) / (min - codes);
    }

  self->x[0] = 0;
  for (guint c = 0; c < self->n_columns; c++)
    self->x[c + 1] = self->x[c] + self->widths[c];
  self->width = self->x[self->n_columns];
}

double
_gk_ruled_table_cell_inner_width (GkRuledTable *self,
                                  Cell         *cell)
{
  double em = gk_typesetter_get_style_info (cell->style)->size;
  double width = self->x[cell->column + cell->column_span] - self->x[cell->column];

  return MAX (width - 2 * PAD_X - cell->indent * em, em);
}

/* A title that must wrap is wrapped evenly: 功能分类 / 科目编码 rather
 * than 功能分类科目 / 编码. */
static double
wrap_width (GkRuledTable *self,
            GkTypesetter *typesetter,
            Cell         *cell)
{
  double inner = _gk_ruled_table_cell_inner_width (self, cell);
  double em = gk_typesetter_get_style_info (cell->style)->size;
  double natural;

  if (cell->style != GK_TEXT_TABLE_HEADER || cell->text == NULL ||
      gk_typesetter_fits_one_line (typesetter, cell->style, cell->text, inner))
    return inner;
  /* As many lines as it takes anyway, each holding a whole number of
   * ems; since a title breaks only between its words, the narrowest such
   * width that needs no more lines than the cell's whole width. */
  natural = gk_typesetter_text_width (typesetter, cell->style, cell->text);
  {
    double line = gk_typesetter_line_height (typesetter, cell->style);
    double most = gk_typesetter_text_height (typesetter, cell->style, cell->text, inner);
    g_autofree char *longest = NULL;
    g_autofree char *words = _gk_typesetter_join_heading_words (cell->text, &longest);
    double w = ceil (natural / ceil (natural / inner) / em - 0.01) * em + 0.5;

    /* Never so narrow that a word must break. */
    w = MAX (w, gk_typesetter_text_width (typesetter, cell->style, longest) + 0.5);
    for (; w < inner; w += em)
      if (gk_typesetter_text_height (typesetter, cell->style, cell->text, w) <= most + line / 2)
        return w;
  }
  return inner;
}

static double
cell_height (GkRuledTable *self,
             GkTypesetter *typesetter,
             Cell         *cell)
{
  Shaped shaped;
  double text;

  if (gk_typesetter_fits_one_line (typesetter, cell->style, cell->text, cell->wrap))
    text = gk_typesetter_line_height (typesetter, cell->style);
  /* Drawn from the glyphs measured here rather than shaped again; a
   * heading, repeated on every page, keeps its own layout. */
  else if (cell->style != GK_TEXT_TABLE_HEADER &&
           (shaped.shaped = _gk_typesetter_shape_cell (typesetter, cell->style, cell->text, cell->wrap,
                                                       cell->alignment)) != 0)
    {
      shaped.cell = cell - (Cell *) (gpointer) self->cells->data;
      if (self->shaped == NULL)
        self->shaped = g_array_new (FALSE, FALSE, sizeof (Shaped));
      g_array_append_val (self->shaped, shaped);
      text = (double) _gk_typesetter_get_shaped_height (typesetter, shaped.shaped) / PANGO_SCALE;
    }
  else
    text = gk_typesetter_text_height (typesetter, cell->style, cell->text, cell->wrap);
  return text + 2 * PAD_Y;
}

static int
compare_shaped (gconstpointer a,
                gconstpointer b)
{
  guint x = ((const Shaped *) a)->cell, y = ((const Shaped *) b)->cell;

  return x < y ? -1 : x > y;
}

/**
 * gk_ruled_table_measure:
 * @width: the width the table spans, in points
 *
 * Computes the column widths and the row heights; call before the
 * getters below and before drawing.
 */
void
gk_ruled_table_measure (GkRuledTable *self,
                        GkTypesetter *typesetter,
                        double        width)
{
  double min_height = gk_typesetter_line_height (typesetter, GK_TEXT_TABLE_CELL) + 2 * PAD_Y;

  g_return_if_fail (GK_IS_RULED_TABLE (self));
  g_return_if_fail (GK_IS_TYPESETTER (typesetter));

  if (self->measured_with == typesetter && self->measured_width == width)
    return;
  self->measured_with = typesetter;
  self->measured_width = width;
  if (self->shaped != NULL)
    g_array_set_size (self->shaped, 0);

  compute_widths (self, typesetter, width);

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = _gk_ruled_table_row_at (self, r);

      row->height = min_height;
      row->no_break = FALSE;
    }

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = _gk_ruled_table_row_at (self, r);

      for (guint i = 0; i < row->n_cells; i++)
        {
          Cell *cell = _gk_ruled_table_cell_at (self, row->first_cell + i);

          cell->wrap = wrap_width (self, typesetter, cell);
          if (cell->row_span == 1)
            row->height = MAX (row->height, cell_height (self, typesetter, cell));
          for (guint k = 1; k < cell->row_span && r + k < self->rows->len; k++)
            _gk_ruled_table_row_at (self, r + k)->no_break = TRUE;
        }
    }

  /* A merged cell taller than the rows it covers stretches the last one. */
  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = _gk_ruled_table_row_at (self, r);

      for (guint i = 0; i < row->n_cells; i++)
        {
          Cell *cell = _gk_ruled_table_cell_at (self, row->first_cell + i);
          guint last = MIN (r + cell->row_span, self->rows->len) - 1;
          double covered = 0, need;

          if (cell->row_span == 1)
            continue;
          for (guint k = r; k <= last; k++)
            covered += _gk_ruled_table_row_at (self, k)->height;
          need = cell_height (self, typesetter, cell);
          if (need > covered)
            _gk_ruled_table_row_at (self, last)->height += need - covered;
        }
    }
  if (self->shaped != NULL)
    g_array_sort (self->shaped, compare_shaped);
}

/* The glyphs kept for the cell at @cell, or 0. */
guint
_gk_ruled_table_get_shaped (GkRuledTable *self,
                            guint         cell)
{
  guint lo = 0, hi = self->shaped != NULL ? self->shaped->len : 0;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      Shaped *s = &g_array_index (self->shaped, Shaped, mid);

      if (s->cell == cell)
        return s->shaped;
      if (s->cell < cell)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

double
gk_ruled_table_get_column_width (GkRuledTable *self,
                                 guint         column)
{
  g_return_val_if_fail (GK_IS_RULED_TABLE (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  return self->widths[column];
}

double
gk_ruled_table_get_row_height (GkRuledTable *self,
                               guint         row)
{
  g_return_val_if_fail (GK_IS_RULED_TABLE (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);
  return _gk_ruled_table_row_at (self, row)->height;
}

double
gk_ruled_table_get_header_height (GkRuledTable *self)
{
  guint n;
  double height = 0;

  g_return_val_if_fail (GK_IS_RULED_TABLE (self), 0);

  n = gk_ruled_table_get_n_header_rows (self);
  for (guint r = 0; r < n; r++)
    height += _gk_ruled_table_row_at (self, r)->height;
  return height;
}

/* Whether a page may end before @row: never inside a merged cell. */
gboolean
gk_ruled_table_can_break_before (GkRuledTable *self,
                                 guint         row)
{
  g_return_val_if_fail (GK_IS_RULED_TABLE (self), FALSE);
  g_return_val_if_fail (row < self->rows->len, FALSE);
  return !_gk_ruled_table_row_at (self, row)->no_break;
}

