/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "gk-ruled-table-private.h"
#include "gk-typesetter-private.h"

/* Drawing a measured table: text, shading, rules and frame, row by row. */

/* Drawing ------------------------------------------------------------------ */

static double
cell_height_in (GkRuledTable *self,
                Cell         *cell,
                guint         row,
                guint         end)
{
  double height = 0;

  for (guint k = row; k < MIN (row + cell->row_span, end); k++)
    height += _gk_ruled_table_row_at (self, k)->height;
  return height;
}

static void
draw_text (GkRuledTable *self,
           GkTypesetter *typesetter,
           cairo_t      *cr,
           Cell         *cell,
           double        x,
           double        y,
           double        height)
{
  double em = gk_typesetter_get_style_info (cell->style)->size;
  double inner = _gk_ruled_table_cell_inner_width (self, cell);
  PangoLayout *layout = NULL;
  guint shaped = self->measured_with == typesetter
                 ? _gk_ruled_table_get_shaped (self, cell - (Cell *) (gpointer) self->cells->data) : 0;
  gboolean repeated = strlen (cell->text) <= CACHED_TEXT_BYTES || cell->style == GK_TEXT_TABLE_HEADER;
  int text_height;

  /* The short texts that come back on every row and every page (headings,
   * 产出指标, 万元) are turned into glyphs once, not once a cell: most of
   * the cost of a cell was walking its layout again. */
  if (shaped == 0 && repeated && gk_typesetter_get_style_info (cell->style)->first_indent == 0)
    shaped = _gk_typesetter_repeated_cell (typesetter, cell->style, cell->text, cell->wrap, cell->alignment);

  if (shaped != 0)
    text_height = _gk_typesetter_get_shaped_height (typesetter, shaped);
  else
    {
      if (repeated)
        layout = gk_typesetter_layout_cached (typesetter, cell->style, cell->text, cell->wrap, cell->alignment);
      else
        layout = gk_typesetter_layout (typesetter, cell->style, cell->text, cell->wrap, cell->alignment,
                                       GK_TYPESET_NO_INDENT);
      pango_layout_get_size (layout, NULL, &text_height);
    }
  /* An evenly wrapped title, narrower than its cell, centred in it. */
  x += self->x[cell->column] + PAD_X + cell->indent * em + (inner - cell->wrap) / 2;
  y += MAX (PAD_Y, (height - (double) text_height / PANGO_SCALE) / 2);
  if (shaped != 0 && _gk_typesetter_show_shaped (typesetter, cr, shaped, x, y, 0, -1))
    return;
  if (layout == NULL)
    layout = gk_typesetter_layout (typesetter, cell->style, cell->text, cell->wrap, cell->alignment,
                                   GK_TYPESET_NO_INDENT);
  gk_typesetter_show_layout (typesetter, cr, layout, x, y, 0, -1);
}

/* A row of single cells under nothing merged from above: its rules can be
 * drawn as lines across the table rather than a rectangle per cell, which
 * on a long table is most of what the PDF would otherwise hold. */
static gboolean
is_plain (GkRuledTable *self,
          Row          *row)
{
  Cell *cells = _gk_ruled_table_cell_at (self, row->first_cell);

  if (row->no_break || row->n_cells != self->n_columns)
    return FALSE;
  for (guint i = 0; i < row->n_cells; i++)
    if (cells[i].column_span != 1 || cells[i].row_span != 1 || cells[i].style == GK_TEXT_TABLE_HEADER)
      return FALSE;
  return TRUE;
}

/* The rules of a run of plain rows from @top: one line under each row,
 * the column lines down the whole run, in one stroke. */
static void
stroke_plain_rows (GkRuledTable *self,
                   cairo_t      *cr,
                   double        x,
                   double        top,
                   GArray       *bottoms)
{
  double bottom;

  if (bottoms->len == 0)
    return;
  bottom = g_array_index (bottoms, double, bottoms->len - 1);
  cairo_new_path (cr);
  for (guint i = 0; i < bottoms->len; i++)
    {
      cairo_move_to (cr, x, g_array_index (bottoms, double, i));
      cairo_line_to (cr, x + self->width, g_array_index (bottoms, double, i));
    }
  for (guint c = 1; c < self->n_columns; c++)
    {
      cairo_move_to (cr, x + self->x[c], top);
      cairo_line_to (cr, x + self->x[c], bottom);
    }
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_stroke (cr);
  g_array_set_size (bottoms, 0);
}

/* The rules of a row with merged cells: each cell's left and bottom
 * edges as one stroke of two segments. The rows above drew this row's top
 * edge, and the frame draws the table's outline. */
static void
stroke_cells (GkRuledTable *self,
              cairo_t      *cr,
              double        x,
              double        y,
              guint         r,
              guint         end)
{
  Row *row = _gk_ruled_table_row_at (self, r);
  Cell *cells = _gk_ruled_table_cell_at (self, row->first_cell);

  cairo_new_path (cr);
  for (guint i = 0; i < row->n_cells; i++)
    {
      double left = x + self->x[cells[i].column];
      double right = x + self->x[cells[i].column + cells[i].column_span];
      double bottom = y + cell_height_in (self, &cells[i], r, end);

      if (cells[i].column > 0)
        {
          cairo_move_to (cr, left, y);
          cairo_line_to (cr, left, bottom);
        }
      else
        cairo_move_to (cr, left, bottom);
      cairo_line_to (cr, right, bottom);
    }
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_stroke (cr);
}

static double
draw_rows (GkRuledTable *self,
           GkTypesetter *typesetter,
           cairo_t      *cr,
           double        x,
           double        y,
           guint         first,
           guint         end)
{
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  double top = y;
  double plain_top = y;   /* where the current run of plain rows began */
  gboolean shaded = FALSE;

  /* All the shading first, in one fill, so that no cell's grey covers
   * the rule above it; then text and rules row by row. */
  cairo_new_path (cr);
  for (guint r = first; r < end; r++)
    {
      Row *row = _gk_ruled_table_row_at (self, r);
      Cell *cells = _gk_ruled_table_cell_at (self, row->first_cell);

      for (guint i = 0; i < row->n_cells; i++)
        if (cells[i].style == GK_TEXT_TABLE_HEADER)
          {
            cairo_rectangle (cr, x + self->x[cells[i].column], y,
                             self->x[cells[i].column + cells[i].column_span] - self->x[cells[i].column],
                             cell_height_in (self, &cells[i], r, end));
            shaded = TRUE;
          }
      y += row->height;
    }
  if (shaded)
    {
      cairo_set_source_rgb (cr, SHADE, SHADE, SHADE);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }
  cairo_new_path (cr);
  y = top;

  for (guint r = first; r < end; r++)
    {
      Row *row = _gk_ruled_table_row_at (self, r);
      Cell *cells = _gk_ruled_table_cell_at (self, row->first_cell);

      /* Tagged row by row and cell by cell, the text put on the page
       * before its tag closes, so that a screen reader or a copy reads
       * the table in its order. */
      cairo_tag_begin (cr, "TR", NULL);
      for (guint i = 0; i < row->n_cells; i++)
        {
          const char *tag = cells[i].style == GK_TEXT_TABLE_HEADER ? "TH" : "TD";

          if (self->tag_cells)
            cairo_tag_begin (cr, tag, NULL);
          if (cells[i].text != NULL)
            draw_text (self, typesetter, cr, &cells[i], x, y, cell_height_in (self, &cells[i], r, end));
          if (self->tag_cells)
            {
              gk_typesetter_flush (typesetter);
              cairo_tag_end (cr, tag);
            }
        }
      gk_typesetter_flush (typesetter);

      if (is_plain (self, row))
        {
          double bottom = y + row->height;
          g_array_append_val (bottoms, bottom);
        }
      else
        {
          stroke_plain_rows (self, cr, x, plain_top, bottoms);
          stroke_cells (self, cr, x, y, r, end);
          plain_top = y + row->height;
        }
      cairo_tag_end (cr, "TR");
      y += row->height;
    }
  stroke_plain_rows (self, cr, x, plain_top, bottoms);
  return y - top;
}

/**
 * gk_ruled_table_draw:
 * @first_row: the first body row to draw
 * @end_row: the row after the last one to draw
 *
 * Draws the header rows, then rows @first_row to @end_row - 1, with their
 * top left corner at @x, @y, and frames them. Their text is gathered by
 * @typesetter: it is on the page after gk_typesetter_flush().
 *
 * Returns: the height drawn
 */
double
gk_ruled_table_draw (GkRuledTable *self,
                     GkTypesetter *typesetter,
                     cairo_t      *cr,
                     double        x,
                     double        y,
                     guint         first_row,
                     guint         end_row)
{
  guint n_header;
  double height;

  g_return_val_if_fail (GK_IS_RULED_TABLE (self), 0);
  g_return_val_if_fail (end_row <= self->rows->len, 0);

  n_header = gk_ruled_table_get_n_header_rows (self);
  first_row = MAX (first_row, n_header);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  height = draw_rows (self, typesetter, cr, x, y, 0, n_header);
  height += draw_rows (self, typesetter, cr, x, y + height, first_row, end_row);
  cairo_rectangle (cr, x, y, self->width, height);
  cairo_set_line_width (cr, FRAME_WIDTH);
  cairo_stroke (cr);
  cairo_restore (cr);
  return height;
}
