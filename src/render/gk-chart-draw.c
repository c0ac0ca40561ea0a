/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "gk-chart-paint-private.h"

/* Drawing a GkChart. Each kind is laid out twice: first only measured,
 * shrinking the type until every label and mark fits the size it was given,
 * then painted. Amounts stay GkAmount until the last step, where a bar's
 * length or a segment's angle is the one place they become doubles. */

static void
draw_donut (Painter *p,
            double   x0,
            double   y0,
            double   x1,
            double   y1)
{
  GkChart *chart = p->chart;
  GkAmount total = gk_chart_get_total (chart);
  double w = x1 - x0;
  double h = y1 - y0;
  double row_h = 24 * p->s;
  double legend_h = chart->items->len * row_h;
  double name_w, value_w, share_w, legend_w;
  double d, cx, cy, r, r_in, legend_x;
  double angle = 0;

  /* The ring gives way to the legend before names are cut short. */
  _gk_paint_measure_legend_table (p, &name_w, &value_w, &share_w);
  legend_w = LEGEND_SWATCH (p) + 3 * LEGEND_GAP (p) + name_w + value_w + share_w;
  d = MIN (h, w * 0.42);
  if (w - 24 * p->s - d < legend_w)
    d = MIN (h, MAX (w * 0.28, w - 24 * p->s - legend_w));
  cx = x0 + d / 2;
  cy = y0 + h / 2;
  r = d / 2;
  r_in = r * 0.62;
  legend_x = x0 + d + 24 * p->s;

  if (d < 60 * p->s || legend_h > h || x1 - legend_x < 120 * p->s)
    p->overflow = TRUE;

  for (guint i = 0; i < chart->items->len; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      GkChartRegion region = { 0, };
      double sweep = 0;

      if (item->value > 0 && total > 0)
        sweep = 2 * G_PI * ((double) item->value / (double) total);
      if (i == chart->items->len - 1 && sweep > 0)
        sweep = 2 * G_PI - angle;   /* no hairline gap from rounding */

      if (p->paint && sweep > 0)
        {
          cairo_new_sub_path (p->cr);
          cairo_arc (p->cr, cx, cy, r, angle - G_PI / 2, angle + sweep - G_PI / 2);
          cairo_arc_negative (p->cr, cx, cy, r_in, angle + sweep - G_PI / 2, angle - G_PI / 2);
          cairo_close_path (p->cr);
          _gk_paint_set_colour (p, _gk_paint_item_colour (p, item, i), _gk_paint_item_alpha (p, i));
          cairo_fill_preserve (p->cr);
          /* A thin cut in the background colour between segments. */
          if (sweep < 2 * G_PI - 1e-6)
            {
              cairo_set_line_width (p->cr, 1.5 * p->s);
              cairo_set_line_join (p->cr, CAIRO_LINE_JOIN_BEVEL);
              _gk_paint_set_colour (p, &p->colours->background, 1.0);
              cairo_stroke (p->cr);
            }
          else
            cairo_new_path (p->cr);
        }

      region.shape = GK_CHART_REGION_ARC;
      region.index = i;
      region.cx = cx;
      region.cy = cy;
      region.r_inner = r_in;
      region.r_outer = r;
      region.a0 = angle;
      region.a1 = angle + sweep;
      if (sweep > 0)
        gk_chart_add_region (chart, &region);
      angle += sweep;
    }

  /* The whole in the hole, when it fits there. */
  {
    g_autofree char *value = _gk_paint_format_value (total);
    g_autoptr(PangoLayout) big = _gk_paint_make_layout (p, value, FONT_CENTRE);
    g_autoptr(PangoLayout) caption = _gk_paint_make_layout (p, "合计", FONT_SMALL);
    double room = 2 * r_in * 0.82;
    double bh = _gk_paint_text_height (big);
    double ch = _gk_paint_text_height (caption);

    if (_gk_paint_text_width (big) > room)
      {
        g_clear_object (&big);
        big = _gk_paint_make_layout (p, value, FONT_VALUE);
        bh = _gk_paint_text_height (big);
      }
    if (_gk_paint_text_width (big) <= room && bh + ch <= room)
      {
        _gk_paint_show (p, big, cx - _gk_paint_text_width (big) / 2, cy - (bh + ch) / 2, &p->colours->text);
        _gk_paint_show (p, caption, cx - _gk_paint_text_width (caption) / 2, cy - (bh + ch) / 2 + bh, &p->colours->dim);
      }
  }

  _gk_paint_draw_legend_table (p, legend_x, x1, cy - legend_h / 2, row_h);
}

static void
draw_stacked (Painter *p,
              double   x0,
              double   y0,
              double   x1,
              double   y1)
{
  GkChart *chart = p->chart;
  GkAmount total = gk_chart_get_total (chart);
  g_autofree char *total_value = _gk_paint_format_value (total);
  g_autofree char *total_text = g_strconcat ("合计 ", total_value, NULL);
  g_autoptr(PangoLayout) caption = _gk_paint_make_layout (p, total_text, FONT_SMALL);
  double w = x1 - x0;
  double bar_h = 30 * p->s;
  double row_h = 24 * p->s;
  double bar_y = y0 + _gk_paint_text_height (caption) + 6 * p->s;
  double legend_y = bar_y + bar_h + 14 * p->s;
  double x = x0;

  if (legend_y + chart->items->len * row_h > y1)
    p->overflow = TRUE;

  _gk_paint_show (p, caption, x0, y0, &p->colours->dim);

  if (p->paint)
    {
      cairo_save (p->cr);
      _gk_paint_rounded_rect (p->cr, x0, bar_y, w, bar_h, 3 * p->s);
      cairo_clip (p->cr);
      _gk_paint_set_colour (p, &p->colours->track, 1.0);
      cairo_paint (p->cr);
    }

  for (guint i = 0; i < chart->items->len; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      double seg = 0;

      if (item->value > 0 && total > 0)
        seg = w * ((double) item->value / (double) total);
      if (i == chart->items->len - 1 && seg > 0)
        seg = x0 + w - x;

      if (p->paint && seg > 0)
        {
          cairo_rectangle (p->cr, x, bar_y, seg, bar_h);
          _gk_paint_set_colour (p, _gk_paint_item_colour (p, item, i), _gk_paint_item_alpha (p, i));
          cairo_fill (p->cr);
          if (x > x0)
            {
              cairo_rectangle (p->cr, x - 0.75 * p->s, bar_y, 1.5 * p->s, bar_h);
              _gk_paint_set_colour (p, &p->colours->background, 1.0);
              cairo_fill (p->cr);
            }
        }
      if (seg > 0)
        _gk_paint_add_rect_region (p, i, FALSE, x, bar_y, seg, bar_h);
      x += seg;
    }
  if (p->paint)
    cairo_restore (p->cr);

  /* Shares inside the segments wide enough to hold them. */
  x = x0;
  for (guint i = 0; i < chart->items->len; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *share = gk_percent_format (gk_chart_get_item_share (chart, i));
      g_autoptr(PangoLayout) layout = _gk_paint_make_layout (p, share, FONT_SMALL);
      double seg = 0;
      Rgba ink;

      if (item->value > 0 && total > 0)
        seg = w * ((double) item->value / (double) total);
      if (i == chart->items->len - 1 && seg > 0)
        seg = x0 + w - x;
      ink = _gk_paint_text_on (_gk_paint_item_colour (p, item, i));
      if (seg > _gk_paint_text_width (layout) + 12 * p->s && _gk_paint_text_height (layout) < bar_h)
        _gk_paint_show (p, layout, x + (seg - _gk_paint_text_width (layout)) / 2,
              bar_y + (bar_h - _gk_paint_text_height (layout)) / 2, &ink);
      x += seg;
    }

  _gk_paint_draw_legend_table (p, x0, x1, legend_y, row_h);
}

/* Width of the longest label, capped, for the column left of the bars. */
static double
label_column (Painter *p,
              double   width)
{
  GkChart *chart = p->chart;
  double widest = 0;

  for (guint i = 0; i < chart->items->len; i++)
    {
      g_autoptr(PangoLayout) layout = _gk_paint_make_layout (p, gk_chart_get_item (chart, i)->label, FONT_BODY);
      widest = MAX (widest, _gk_paint_text_width (layout));
    }
  return MIN (ceil (widest), width * 0.36);
}

static double
draw_bars_legend (Painter *p,
                  double   x0,
                  double   x1,
                  double   y)
{
  GkChart *chart = p->chart;
  g_autofree LegendEntry *entries = g_new0 (LegendEntry, chart->categories->len + 2);
  guint n = 0;
  gboolean has_rest = FALSE;

  if (chart->kind == GK_CHART_KIND_GROUPED)
    {
      entries[n++] = (LegendEntry) { chart->this_label != NULL ? chart->this_label : "本年预算数",
                                     &p->colours->palette[0] };
      entries[n++] = (LegendEntry) { chart->last_label != NULL ? chart->last_label : "上年数",
                                     &p->colours->last_year };
    }
  else
    {
      for (guint i = 0; i < chart->categories->len; i++)
        entries[n++] = (LegendEntry) { chart->categories->pdata[i], &p->colours->palette[i % 10] };
      for (guint i = 0; i < chart->items->len; i++)
        has_rest |= gk_chart_get_item (chart, i)->rest;
      /* The grey of 其他 only needs saying next to other colours. */
      if (has_rest && n > 0)
        entries[n++] = (LegendEntry) { "其他", &p->colours->rest };
    }
  if (n == 0)
    return 0;
  return _gk_paint_draw_flow_legend (p, entries, n, x0, x1, y) + 10 * p->s;
}

static void
draw_bars (Painter *p,
           double   x0,
           double   y0,
           double   x1,
           double   y1)
{
  GkChart *chart = p->chart;
  guint n = chart->items->len;
  GkAmount max = 0;
  GkAmount max_named = 0;
  double label_w, value_w = 0, bar_x, extent, row_h, bar_h;
  double gap = 10 * p->s;

  y0 += draw_bars_legend (p, x0, x1, y0);

  for (guint i = 0; i < n; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = _gk_paint_format_value (item->value);
      g_autofree char *share = gk_percent_format (gk_chart_get_item_share (chart, i));
      g_autoptr(PangoLayout) v = _gk_paint_make_layout (p, value, FONT_VALUE);
      g_autoptr(PangoLayout) s = _gk_paint_make_layout (p, share, FONT_SMALL);

      max = MAX (max, item->value);
      if (!item->rest)
        max_named = MAX (max_named, item->value);
      value_w = MAX (value_w, _gk_paint_text_width (v) + 6 * p->s + _gk_paint_text_width (s));
    }

  label_w = label_column (p, x1 - x0);
  bar_x = x0 + label_w + gap;
  extent = x1 - value_w - 6 * p->s - bar_x;
  row_h = CLAMP ((y1 - y0) / MAX (n, 1), 20 * p->s, 30 * p->s);
  /* The bars are what the chart is about: a 其他 larger than all of them
   * runs off the scale, broken, rather than squash them. */
  if (max_named > 0)
    max = max_named;
  bar_h = row_h * 0.62;

  if (extent < 30 * p->s || label_w < 36 * p->s || n * row_h > y1 - y0 + 0.5)
    p->overflow = TRUE;
  extent = MAX (extent, 1);

  if (p->paint)
    {
      cairo_set_line_width (p->cr, MAX (1, p->s));
      cairo_move_to (p->cr, bar_x - 0.5, y0);
      cairo_line_to (p->cr, bar_x - 0.5, y0 + n * row_h);
      _gk_paint_set_colour (p, &p->colours->rule, 1.0);
      cairo_stroke (p->cr);
    }

  for (guint i = 0; i < n; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = _gk_paint_format_value (item->value);
      g_autofree char *share = gk_percent_format (gk_chart_get_item_share (chart, i));
      g_autoptr(PangoLayout) name = _gk_paint_make_layout (p, item->label, FONT_BODY);
      g_autoptr(PangoLayout) v = _gk_paint_make_layout (p, value, FONT_VALUE);
      g_autoptr(PangoLayout) s = _gk_paint_make_layout (p, share, FONT_SMALL);
      double ry = y0 + i * row_h;
      double cy = ry + row_h / 2;
      double len = _gk_paint_bar_length (item->value, max, extent);
      gboolean broken = len > extent;
      double tx;

      if (broken)
        len = extent;
      tx = bar_x + len + 6 * p->s;
      _gk_paint_fit_width (name, MAX (label_w, 1), PANGO_ALIGN_LEFT);
      _gk_paint_show (p, name, x0, cy - _gk_paint_text_height (name) / 2, &p->colours->text);
      _gk_paint_fill_bar (p, bar_x, cy - bar_h / 2, len, bar_h, _gk_paint_item_colour (p, item, i), _gk_paint_item_alpha (p, i));
      if (broken && p->paint && len > 40 * p->s)
        {
          /* Two slanted cuts: the bar is longer than the scale. */
          for (int k = 0; k < 2; k++)
            {
              double bx = bar_x + len - 24 * p->s + k * 6 * p->s;

              cairo_move_to (p->cr, bx, cy + bar_h / 2 + 1);
              cairo_line_to (p->cr, bx + 5 * p->s, cy - bar_h / 2 - 1);
            }
          cairo_set_line_width (p->cr, 2 * p->s);
          _gk_paint_set_colour (p, &p->colours->background, 1.0);
          cairo_stroke (p->cr);
        }
      _gk_paint_show (p, v, tx, cy - _gk_paint_text_height (v) / 2, &p->colours->text);
      /* A chart of one item is all of itself; 100.00% says nothing. */
      if (n > 1 && gk_chart_get_total (chart) > 0)
        _gk_paint_show (p, s, tx + _gk_paint_text_width (v) + 6 * p->s, cy - _gk_paint_text_height (s) / 2, &p->colours->dim);
      _gk_paint_add_rect_region (p, i, FALSE, x0, ry, x1 - x0, row_h);
    }
}

static void
draw_grouped (Painter *p,
              double   x0,
              double   y0,
              double   x1,
              double   y1)
{
  GkChart *chart = p->chart;
  guint n = chart->items->len;
  GkAmount max = 0;
  double label_w, value_w = 0, bar_x, extent, group_h, bar_h, pair_h;
  double gap = 10 * p->s;

  y0 += draw_bars_legend (p, x0, x1, y0);

  for (guint i = 0; i < n; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = _gk_paint_format_value (item->value);
      g_autofree char *change = item->has_prior ? gk_chart_change_text (item->value, item->prior_value)
                                                : g_strdup ("");
      g_autoptr(PangoLayout) v = _gk_paint_make_layout (p, value, FONT_SMALL);
      g_autoptr(PangoLayout) c = _gk_paint_make_layout (p, change, FONT_SMALL);

      max = MAX (max, item->value);
      value_w = MAX (value_w, _gk_paint_text_width (v) + 6 * p->s + _gk_paint_text_width (c));
      if (item->has_prior)
        {
          g_autofree char *prior = _gk_paint_format_value (item->prior_value);
          g_autoptr(PangoLayout) l = _gk_paint_make_layout (p, prior, FONT_SMALL);

          max = MAX (max, item->prior_value);
          value_w = MAX (value_w, _gk_paint_text_width (l));
        }
    }

  label_w = label_column (p, x1 - x0);
  bar_x = x0 + label_w + gap;
  extent = x1 - value_w - 6 * p->s - bar_x;
  group_h = CLAMP ((y1 - y0) / MAX (n, 1), 40 * p->s, 52 * p->s);
  bar_h = 15 * p->s;
  pair_h = 2 * bar_h + 3 * p->s;

  if (extent < 30 * p->s || label_w < 36 * p->s || n * group_h > y1 - y0 + 0.5)
    p->overflow = TRUE;
  extent = MAX (extent, 1);

  if (p->paint)
    {
      cairo_set_line_width (p->cr, MAX (1, p->s));
      cairo_move_to (p->cr, bar_x - 0.5, y0);
      cairo_line_to (p->cr, bar_x - 0.5, y0 + n * group_h);
      _gk_paint_set_colour (p, &p->colours->rule, 1.0);
      cairo_stroke (p->cr);
    }

  for (guint i = 0; i < n; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = _gk_paint_format_value (item->value);
      g_autofree char *change = item->has_prior ? gk_chart_change_text (item->value, item->prior_value)
                                                : g_strdup ("");
      g_autoptr(PangoLayout) name = _gk_paint_make_layout (p, item->label, FONT_BODY);
      g_autoptr(PangoLayout) v = _gk_paint_make_layout (p, value, FONT_SMALL);
      g_autoptr(PangoLayout) c = _gk_paint_make_layout (p, change, FONT_SMALL);
      double gy = y0 + i * group_h;
      double this_y = gy + (group_h - pair_h) / 2;
      double last_y = this_y + bar_h + 3 * p->s;
      double len = _gk_paint_bar_length (item->value, max, extent);
      double tx = bar_x + len + 6 * p->s;

      _gk_paint_fit_width (name, MAX (label_w, 1), PANGO_ALIGN_LEFT);
      _gk_paint_show (p, name, x0, gy + group_h / 2 - _gk_paint_text_height (name) / 2, &p->colours->text);
      _gk_paint_add_rect_region (p, i, FALSE, x0, gy, x1 - x0, group_h);

      _gk_paint_fill_bar (p, bar_x, this_y, len, bar_h, &p->colours->palette[0], _gk_paint_item_alpha (p, i));
      _gk_paint_show (p, v, tx, this_y + (bar_h - _gk_paint_text_height (v)) / 2, &p->colours->text);
      if (change[0] != '\0')
        _gk_paint_show (p, c, tx + _gk_paint_text_width (v) + 6 * p->s, this_y + (bar_h - _gk_paint_text_height (c)) / 2, &p->colours->dim);

      if (item->has_prior)
        {
          g_autofree char *prior = _gk_paint_format_value (item->prior_value);
          g_autoptr(PangoLayout) l = _gk_paint_make_layout (p, prior, FONT_SMALL);
          double plen = _gk_paint_bar_length (item->prior_value, max, extent);

          _gk_paint_fill_bar (p, bar_x, last_y, plen, bar_h, &p->colours->last_year, _gk_paint_item_alpha (p, i));
          _gk_paint_show (p, l, bar_x + plen + 6 * p->s, last_y + (bar_h - _gk_paint_text_height (l)) / 2, &p->colours->dim);
          _gk_paint_add_rect_region (p, i, TRUE, x0 + label_w, last_y - 1.5 * p->s, x1 - x0 - label_w, bar_h + 3 * p->s);
        }
    }
}

static void
lay_out (Painter *p)
{
  double pad = 16 * p->s;
  double top;

  g_array_set_size (p->chart->regions, 0);
  g_array_set_size (p->chart->label_rects, 0);
  p->overflow = FALSE;

  top = _gk_paint_draw_header (p);
  if (gk_chart_is_empty (p->chart))
    {
      _gk_paint_draw_empty (p, pad, top, p->width - pad, p->height - pad);
      return;
    }

  switch (p->chart->kind)
    {
    case GK_CHART_KIND_DONUT:
      draw_donut (p, pad, top, p->width - pad, p->height - pad);
      break;
    case GK_CHART_KIND_STACKED:
      draw_stacked (p, pad, top, p->width - pad, p->height - pad);
      break;
    case GK_CHART_KIND_BARS:
      draw_bars (p, pad, top, p->width - pad, p->height - pad);
      break;
    case GK_CHART_KIND_GROUPED:
      draw_grouped (p, pad, top, p->width - pad, p->height - pad);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
labels_inside (Painter *p)
{
  const GArray *rects = p->chart->label_rects;

  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (rects, cairo_rectangle_t, i);

      if (r->x < 0 || r->y < 0 || r->x + r->width > p->width || r->y + r->height > p->height)
        return FALSE;
    }
  return TRUE;
}

/**
 * gk_chart_draw:
 * @self: a chart
 * @cr: where to draw, with (0, 0) at the chart's top left
 * @width: the chart's width in @cr's units
 * @height: its height
 * @style: light or dark screen, or paper
 *
 * Paints the style's background, then the chart. Type shrinks when the
 * size is too small for it. Records the geometry gk_chart_hit_test() and
 * gk_chart_get_label_rects() report.
 */
void
gk_chart_draw (GkChart      *self,
               cairo_t      *cr,
               int           width,
               int           height,
               GkChartStyle  style)
{
  gk_chart_draw_with_font_map (self, cr, width, height, style, NULL);
}

/**
 * gk_chart_draw_with_font_map:
 * @font_map: (nullable): a PangoCairo font map the text's fonts come
 *   from, %NULL for the fonts installed
 *
 * Like gk_chart_draw(). A PDF's charts are set in the fonts of its text,
 * cut to its characters (gk-font-subset.h), so that they share its
 * embedded fonts; a character those lack marks @font_map as the
 * typesetter does.
 */
void
gk_chart_draw_with_font_map (GkChart      *self,
                             cairo_t      *cr,
                             int           width,
                             int           height,
                             GkChartStyle  style,
                             PangoFontMap *font_map)
{
  PangoContext *pango;
  cairo_font_options_t *options;
  Painter p = { 0, };

  g_return_if_fail (GK_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style <= GK_CHART_STYLE_PRINT);
  g_return_if_fail (font_map == NULL || PANGO_IS_FONT_MAP (font_map));

  g_array_set_size (self->regions, 0);
  g_array_set_size (self->label_rects, 0);
  if (width <= 0 || height <= 0)
    return;

  if (font_map != NULL)
    {
      pango = pango_font_map_create_context (font_map);
      pango_cairo_update_context (cr, pango);
    }
  else
    pango = pango_cairo_create_context (cr);
  /* Unhinted metrics lay out the same at every device scale, so that the
   * 2x export and the screen agree. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (pango, FALSE);

  p.chart = self;
  p.cr = cr;
  p.pango = pango;
  p.font_map = font_map;
  p.width = width;
  p.height = height;
  p.colours = _gk_paint_colours_for_style (style);

  for (p.s = 1.0; ; p.s *= 0.9)
    {
      lay_out (&p);
      if ((!p.overflow && labels_inside (&p)) || p.s * 0.9 < MIN_SCALE)
        break;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  _gk_paint_set_colour (&p, &p.colours->background, 1.0);
  cairo_paint (cr);
  p.paint = TRUE;
  lay_out (&p);
  cairo_restore (cr);
  g_object_unref (pango);
}

/**
 * gk_chart_get_natural_height:
 * @self: a chart
 * @width: the width it will get
 *
 * Returns: the height at which the chart is drawn at full type size
 */
int
gk_chart_get_natural_height (GkChart *self,
                             int      width)
{
  guint n;
  double header = 16 + 22 + 12;
  double bottom = 16;
  double legend = 0;

  g_return_val_if_fail (GK_IS_CHART (self), 0);

  n = self->items->len;
  if (gk_chart_is_empty (self))
    return 200;

  if (self->kind == GK_CHART_KIND_GROUPED || self->categories->len > 0)
    legend = 16 * ((self->categories->len + 5) / 5) + 10;

  switch (self->kind)
    {
    case GK_CHART_KIND_DONUT:
      return (int) ceil (header + MAX (240, n * 24 + 8) + bottom);
    case GK_CHART_KIND_STACKED:
      return (int) ceil (header + 18 + 6 + 30 + 14 + n * 24 + bottom);
    case GK_CHART_KIND_BARS:
      return (int) ceil (header + legend + n * 30 + bottom);
    case GK_CHART_KIND_GROUPED:
      return (int) ceil (header + legend + n * 48 + bottom);
    default:
      g_return_val_if_reached (200);
    }
}
