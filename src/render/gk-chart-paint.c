/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "gk-chart-paint-private.h"
#include "gk-typesetter.h"

/* The primitives of chart drawing: colours, type, bars, legends. */

/* Ten hues of similar weight: distinct from each other in colour, in
 * lightness (for grey print) and readable on white and on the dark view
 * colour. The dark set is each hue lifted a little. */
static const Rgba palette_light[] = {
  { 0.208, 0.455, 0.765, 1 },   /* blue */
  { 0.902, 0.490, 0.157, 1 },   /* orange */
  { 0.200, 0.604, 0.400, 1 },   /* green */
  { 0.761, 0.290, 0.392, 1 },   /* rose */
  { 0.533, 0.380, 0.773, 1 },   /* violet */
  { 0.792, 0.647, 0.141, 1 },   /* ochre */
  { 0.141, 0.608, 0.702, 1 },   /* teal */
  { 0.600, 0.420, 0.290, 1 },   /* brown */
  { 0.847, 0.424, 0.706, 1 },   /* pink */
  { 0.400, 0.510, 0.184, 1 },   /* olive */
};

static const Rgba palette_dark[] = {
  { 0.384, 0.627, 0.918, 1 },
  { 1.000, 0.639, 0.282, 1 },
  { 0.341, 0.776, 0.533, 1 },
  { 0.922, 0.447, 0.545, 1 },
  { 0.702, 0.553, 0.925, 1 },
  { 0.929, 0.792, 0.255, 1 },
  { 0.310, 0.792, 0.867, 1 },
  { 0.784, 0.588, 0.451, 1 },
  { 0.961, 0.580, 0.839, 1 },
  { 0.604, 0.729, 0.314, 1 },
};


static const Colours colours_light = {
  { 1, 1, 1, 1 },
  { 0.118, 0.118, 0.118, 1 },
  { 0.118, 0.118, 0.118, 0.66 },
  { 0, 0, 0, 0.18 },
  { 0.918, 0.918, 0.918, 1 },
  { 0.620, 0.620, 0.620, 1 },
  { 0.690, 0.749, 0.827, 1 },
  palette_light,
};

static const Colours colours_dark = {
  { 0.118, 0.118, 0.118, 1 },
  { 1, 1, 1, 1 },
  { 1, 1, 1, 0.68 },
  { 1, 1, 1, 0.22 },
  { 0.227, 0.227, 0.227, 1 },
  { 0.549, 0.549, 0.549, 1 },
  { 0.380, 0.435, 0.518, 1 },
  palette_dark,
};

/* Paper: black type, solid greys, nothing translucent. */
static const Colours colours_print = {
  { 1, 1, 1, 1 },
  { 0, 0, 0, 1 },
  { 0.267, 0.267, 0.267, 1 },
  { 0.600, 0.600, 0.600, 1 },
  { 0.902, 0.902, 0.902, 1 },
  { 0.690, 0.690, 0.690, 1 },
  { 0.667, 0.725, 0.808, 1 },
  palette_light,
};


void
_gk_paint_set_colour (Painter    *p,
                      const Rgba *c,
                      double      alpha)
{
  cairo_set_source_rgba (p->cr, c->r, c->g, c->b, c->a * alpha);
}

const Rgba *
_gk_paint_item_colour (Painter           *p,
                       const GkChartItem *item,
                       guint              index)
{
  if (item->rest)
    return &p->colours->rest;
  if (p->chart->kind == GK_CHART_KIND_BARS || p->chart->kind == GK_CHART_KIND_GROUPED)
    return &p->colours->palette[item->category >= 0 ? item->category % 10 : 0];
  return &p->colours->palette[index % 10];
}

/* Emphasis for the item under the pointer: the others step back. */
double
_gk_paint_item_alpha (Painter *p,
                      guint    index)
{
  if (p->chart->highlight < 0 || (guint) p->chart->highlight == index)
    return 1.0;
  return 0.35;
}

/* Black or white, whichever reads on @c. */
Rgba
_gk_paint_text_on (const Rgba *c)
{
  double l = 0.2126 * c->r + 0.7152 * c->g + 0.0722 * c->b;

  if (l > 0.55)
    return (Rgba) { 0, 0, 0, 0.87 };
  return (Rgba) { 1, 1, 1, 1 };
}

PangoLayout *
_gk_paint_make_layout (Painter    *p,
                       const char *text,
                       FontRole    role)
{
  PangoLayout *layout = pango_layout_new (p->pango);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  double px = 12.5;

  pango_font_description_set_family (font, FONT_FAMILY);
  switch (role)
    {
    case FONT_TITLE:
      px = 15;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case FONT_BODY:
    case FONT_VALUE:
      px = 12.5;
      break;
    case FONT_SMALL:
      px = 11;
      break;
    case FONT_CENTRE:
      px = 19;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    default:
      g_assert_not_reached ();
    }
  pango_font_description_set_absolute_size (font, px * p->s * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  /* Figures line up in columns. */
  if (role == FONT_VALUE || role == FONT_CENTRE || role == FONT_SMALL)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
      pango_layout_set_attributes (layout, attrs);
    }

  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Shortens @layout to @width with an ellipsis; the whole text stays
 * available through the hit-test. Pango ends Chinese text with “⋯”
 * (U+22EF), which the PDF's fonts are cut to keep by its being here:
 * without it Pango would fall back to three full stops. */
void
_gk_paint_fit_width (PangoLayout    *layout,
                     double          width,
                     PangoAlignment  alignment)
{
  pango_layout_set_width (layout, MAX (1, (int) floor (width * PANGO_SCALE)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
}

double
_gk_paint_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

double
_gk_paint_text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

void
_gk_paint_show (Painter     *p,
                PangoLayout *layout,
                double       x,
                double       y,
                const Rgba  *colour)
{
  PangoRectangle ink, logical;
  cairo_rectangle_t rect;
  double x0, y0, x1, y1;

  pango_layout_get_extents (layout, &ink, &logical);
  x0 = MIN (ink.x, logical.x);
  y0 = MIN (ink.y, logical.y);
  x1 = MAX (ink.x + ink.width, logical.x + logical.width);
  y1 = MAX (ink.y + ink.height, logical.y + logical.height);
  rect.x = x + x0 / PANGO_SCALE;
  rect.y = y + y0 / PANGO_SCALE;
  rect.width = (x1 - x0) / PANGO_SCALE;
  rect.height = (y1 - y0) / PANGO_SCALE;
  g_array_append_val (p->chart->label_rects, rect);

  if (!p->paint)
    return;
  /* The PDF is then made again with the whole fonts. */
  if (p->font_map != NULL && pango_layout_get_unknown_glyphs_count (layout) > 0)
    g_object_set_data (G_OBJECT (p->font_map), GK_TYPESETTER_UNKNOWN_GLYPHS, GINT_TO_POINTER (TRUE));
  cairo_move_to (p->cr, x, y);
  _gk_paint_set_colour (p, colour, 1.0);
  pango_cairo_show_layout (p->cr, layout);
}

void
_gk_paint_add_rect_region (Painter  *p,
                           guint     index,
                           gboolean  prior,
                           double    x,
                           double    y,
                           double    width,
                           double    height)
{
  GkChartRegion r = { 0, };

  r.shape = GK_CHART_REGION_RECT;
  r.index = index;
  r.prior = prior;
  r.x = x;
  r.y = y;
  r.width = width;
  r.height = height;
  gk_chart_add_region (p->chart, &r);
}

void
_gk_paint_rounded_rect (cairo_t *cr,
                        double   x,
                        double   y,
                        double   w,
                        double   h,
                        double   radius)
{
  radius = MIN (radius, MIN (w, h) / 2);
  if (radius <= 0.1)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
_gk_paint_fill_bar (Painter    *p,
                    double      x,
                    double      y,
                    double      w,
                    double      h,
                    const Rgba *colour,
                    double      alpha)
{
  if (!p->paint || w <= 0)
    return;
  _gk_paint_rounded_rect (p->cr, x, y, w, h, 2 * p->s);
  _gk_paint_set_colour (p, colour, alpha);
  cairo_fill (p->cr);
}

/* The length of a bar for @value where @max gets @extent: the one place
 * an amount becomes a double. A positive amount always shows. */
double
_gk_paint_bar_length (GkAmount value,
                      GkAmount max,
                      double   extent)
{
  double length;

  if (value <= 0 || max <= 0)
    return 0;
  length = extent * ((double) value / (double) max);
  return MAX (length, 1.5);
}

char *
_gk_paint_format_value (GkAmount value)
{
  return gk_amount_format (value);
}

/* Title on the left, money unit on the right; returns where the plot starts. */
double
_gk_paint_draw_header (Painter *p)
{
  double pad = 16 * p->s;
  g_autofree char *unit_text = g_strconcat ("单位：", gk_money_unit_to_string (p->chart->money_unit), NULL);
  g_autoptr(PangoLayout) unit = _gk_paint_make_layout (p, unit_text, FONT_SMALL);
  g_autoptr(PangoLayout) title = _gk_paint_make_layout (p, p->chart->title, FONT_TITLE);
  double unit_w = _gk_paint_text_width (unit);
  double title_w = p->width - 2 * pad - unit_w - 12 * p->s;
  double title_h;

  if (title_w < 40 * p->s)
    p->overflow = TRUE;
  _gk_paint_fit_width (title, MAX (title_w, 1), PANGO_ALIGN_LEFT);
  title_h = _gk_paint_text_height (title);
  _gk_paint_show (p, title, pad, pad, &p->colours->text);
  _gk_paint_show (p, unit, p->width - pad - unit_w, pad + (title_h - _gk_paint_text_height (unit)) / 2, &p->colours->dim);
  return pad + title_h + 12 * p->s;
}

/* A legend that flows like text: swatch, label, next entry, next line. */

double
_gk_paint_draw_flow_legend (Painter           *p,
                            const LegendEntry *entries,
                            guint              n,
                            double             x0,
                            double             x1,
                            double             y)
{
  double swatch = 10 * p->s;
  double gap = 6 * p->s;
  double spacing = 16 * p->s;
  double x = x0;
  double line_h = 0;
  double top = y;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = _gk_paint_make_layout (p, entries[i].label, FONT_SMALL);
      double w = _gk_paint_text_width (layout);
      double h = _gk_paint_text_height (layout);
      double max_w = x1 - x0 - swatch - gap;

      if (w > max_w)
        {
          _gk_paint_fit_width (layout, MAX (max_w, 1), PANGO_ALIGN_LEFT);
          w = max_w;
        }
      if (x > x0 && x + swatch + gap + w > x1)
        {
          x = x0;
          y += line_h + 4 * p->s;
          line_h = 0;
        }
      if (p->paint)
        {
          _gk_paint_rounded_rect (p->cr, x, y + (h - swatch) / 2, swatch, swatch, 2 * p->s);
          _gk_paint_set_colour (p, entries[i].colour, 1.0);
          cairo_fill (p->cr);
        }
      _gk_paint_show (p, layout, x + swatch + gap, y, &p->colours->text);
      x += swatch + gap + w + spacing;
      line_h = MAX (line_h, h);
    }
  return n > 0 ? y + line_h - top : 0;
}

/* The widths of a legend table's columns at their natural size. */
void
_gk_paint_measure_legend_table (Painter *p,
                                double  *name_w,
                                double  *value_w,
                                double  *share_w)
{
  GkChart *chart = p->chart;

  *name_w = *value_w = *share_w = 0;
  for (guint i = 0; i < chart->items->len; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = _gk_paint_format_value (item->value);
      g_autofree char *share = gk_percent_format (gk_chart_get_item_share (chart, i));
      g_autoptr(PangoLayout) n = _gk_paint_make_layout (p, item->label, FONT_BODY);
      g_autoptr(PangoLayout) v = _gk_paint_make_layout (p, value, FONT_VALUE);
      g_autoptr(PangoLayout) s = _gk_paint_make_layout (p, share, FONT_SMALL);

      *name_w = MAX (*name_w, _gk_paint_text_width (n));
      *value_w = MAX (*value_w, _gk_paint_text_width (v));
      *share_w = MAX (*share_w, _gk_paint_text_width (s));
    }
}


/* Rows of swatch, name, amount and share, as in a small table. */
double
_gk_paint_draw_legend_table (Painter *p,
                             double   x0,
                             double   x1,
                             double   y,
                             double   row_h)
{
  GkChart *chart = p->chart;
  double swatch = LEGEND_SWATCH (p);
  double gap = LEGEND_GAP (p);
  double natural_name_w, value_w, share_w;
  double name_w;

  _gk_paint_measure_legend_table (p, &natural_name_w, &value_w, &share_w);
  name_w = x1 - x0 - swatch - 3 * gap - value_w - share_w;
  if (name_w < 36 * p->s)
    p->overflow = TRUE;
  name_w = MAX (name_w, 1);

  for (guint i = 0; i < chart->items->len; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = _gk_paint_format_value (item->value);
      g_autofree char *share = gk_percent_format (gk_chart_get_item_share (chart, i));
      g_autoptr(PangoLayout) name = _gk_paint_make_layout (p, item->label, FONT_BODY);
      g_autoptr(PangoLayout) v = _gk_paint_make_layout (p, value, FONT_VALUE);
      g_autoptr(PangoLayout) s = _gk_paint_make_layout (p, share, FONT_SMALL);
      double ry = y + i * row_h;
      double cy = ry + row_h / 2;

      _gk_paint_fit_width (name, name_w, PANGO_ALIGN_LEFT);
      if (p->paint)
        {
          _gk_paint_rounded_rect (p->cr, x0, cy - swatch / 2, swatch, swatch, 2 * p->s);
          _gk_paint_set_colour (p, _gk_paint_item_colour (p, item, i), _gk_paint_item_alpha (p, i));
          cairo_fill (p->cr);
        }
      _gk_paint_show (p, name, x0 + swatch + gap, cy - _gk_paint_text_height (name) / 2, &p->colours->text);
      _gk_paint_show (p, v, x1 - share_w - gap - _gk_paint_text_width (v), cy - _gk_paint_text_height (v) / 2, &p->colours->text);
      _gk_paint_show (p, s, x1 - _gk_paint_text_width (s), cy - _gk_paint_text_height (s) / 2, &p->colours->dim);
      _gk_paint_add_rect_region (p, i, FALSE, x0, ry, x1 - x0, row_h);
    }
  return chart->items->len * row_h;
}

void
_gk_paint_draw_empty (Painter *p,
                      double   x0,
                      double   y0,
                      double   x1,
                      double   y1)
{
  g_autoptr(PangoLayout) layout = _gk_paint_make_layout (p, EMPTY_TEXT, FONT_BODY);
  double cx = (x0 + x1) / 2;
  double cy = (y0 + y1) / 2;

  if (p->chart->kind == GK_CHART_KIND_DONUT)
    {
      double r = MIN (x1 - x0, y1 - y0) / 2;

      if (p->paint && r > 4 * p->s)
        {
          cairo_new_sub_path (p->cr);
          cairo_arc (p->cr, cx, cy, r, 0, 2 * G_PI);
          cairo_new_sub_path (p->cr);
          cairo_arc_negative (p->cr, cx, cy, r * 0.62, 2 * G_PI, 0);
          _gk_paint_set_colour (p, &p->colours->track, 1.0);
          cairo_fill (p->cr);
        }
    }
  else if (p->paint)
    {
      cairo_set_line_width (p->cr, MAX (1, p->s));
      cairo_move_to (p->cr, x0, cy + _gk_paint_text_height (layout));
      cairo_line_to (p->cr, x1, cy + _gk_paint_text_height (layout));
      _gk_paint_set_colour (p, &p->colours->rule, 1.0);
      cairo_stroke (p->cr);
    }
  if (_gk_paint_text_width (layout) > x1 - x0 || _gk_paint_text_height (layout) > y1 - y0)
    p->overflow = TRUE;
  _gk_paint_show (p, layout, cx - _gk_paint_text_width (layout) / 2, cy - _gk_paint_text_height (layout) / 2, &p->colours->dim);
}

const Colours *
_gk_paint_colours_for_style (GkChartStyle style)
{
  switch (style)
    {
    case GK_CHART_STYLE_DARK:
      return &colours_dark;
    case GK_CHART_STYLE_PRINT:
      return &colours_print;
    case GK_CHART_STYLE_LIGHT:
    default:
      return &colours_light;
    }
}
