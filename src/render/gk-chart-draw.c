/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "gk-chart-private.h"

/* Drawing a GkChart. Each kind is laid out twice: first only measured,
 * shrinking the type until every label and mark fits the size it was given,
 * then painted. Amounts stay GkAmount until the last step, where a bar's
 * length or a segment's angle is the one place they become doubles. */

#define FONT_FAMILY "Noto Sans CJK SC"
#define MIN_SCALE 0.4
#define EMPTY_TEXT "暂无数据"

typedef struct
{
  double r, g, b, a;
} Rgba;

typedef enum {
  FONT_TITLE,
  FONT_BODY,
  FONT_VALUE,
  FONT_SMALL,
  FONT_CENTRE,
} FontRole;

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

typedef struct
{
  Rgba background;
  Rgba text;
  Rgba dim;
  Rgba rule;
  Rgba track;
  Rgba rest;
  Rgba last_year;
  const Rgba *palette;
} Colours;

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

typedef struct
{
  GkChart       *chart;
  cairo_t       *cr;
  PangoContext  *pango;
  const Colours *colours;
  double         width;
  double         height;
  double         s;          /* type and spacing scale, 1 at the natural size */
  gboolean       paint;
  gboolean       overflow;   /* something did not fit at this scale */
} Painter;

static void
set_colour (Painter    *p,
            const Rgba *c,
            double      alpha)
{
  cairo_set_source_rgba (p->cr, c->r, c->g, c->b, c->a * alpha);
}

static const Rgba *
item_colour (Painter           *p,
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
static double
item_alpha (Painter *p,
            guint    index)
{
  if (p->chart->highlight < 0 || (guint) p->chart->highlight == index)
    return 1.0;
  return 0.35;
}

/* Black or white, whichever reads on @c. */
static Rgba
text_on (const Rgba *c)
{
  double l = 0.2126 * c->r + 0.7152 * c->g + 0.0722 * c->b;

  if (l > 0.55)
    return (Rgba) { 0, 0, 0, 0.87 };
  return (Rgba) { 1, 1, 1, 1 };
}

static PangoLayout *
make_layout (Painter    *p,
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
 * available through the hit-test. */
static void
fit_width (PangoLayout    *layout,
           double          width,
           PangoAlignment  alignment)
{
  pango_layout_set_width (layout, MAX (1, (int) floor (width * PANGO_SCALE)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
}

static double
text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static double
text_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
show (Painter     *p,
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
  cairo_move_to (p->cr, x, y);
  set_colour (p, colour, 1.0);
  pango_cairo_show_layout (p->cr, layout);
}

static void
add_rect_region (Painter  *p,
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

static void
rounded_rect (cairo_t *cr,
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

static void
fill_bar (Painter    *p,
          double      x,
          double      y,
          double      w,
          double      h,
          const Rgba *colour,
          double      alpha)
{
  if (!p->paint || w <= 0)
    return;
  rounded_rect (p->cr, x, y, w, h, 2 * p->s);
  set_colour (p, colour, alpha);
  cairo_fill (p->cr);
}

/* The length of a bar for @value where @max gets @extent: the one place
 * an amount becomes a double. A positive amount always shows. */
static double
bar_length (GkAmount value,
            GkAmount max,
            double   extent)
{
  double length;

  if (value <= 0 || max <= 0)
    return 0;
  length = extent * ((double) value / (double) max);
  return MAX (length, 1.5);
}

static char *
format_value (GkAmount value)
{
  return gk_amount_format (value);
}

/* Title on the left, money unit on the right; returns where the plot starts. */
static double
draw_header (Painter *p)
{
  double pad = 16 * p->s;
  g_autofree char *unit_text = g_strconcat ("单位：", gk_money_unit_to_string (p->chart->money_unit), NULL);
  g_autoptr(PangoLayout) unit = make_layout (p, unit_text, FONT_SMALL);
  g_autoptr(PangoLayout) title = make_layout (p, p->chart->title, FONT_TITLE);
  double unit_w = text_width (unit);
  double title_w = p->width - 2 * pad - unit_w - 12 * p->s;
  double title_h;

  if (title_w < 40 * p->s)
    p->overflow = TRUE;
  fit_width (title, MAX (title_w, 1), PANGO_ALIGN_LEFT);
  title_h = text_height (title);
  show (p, title, pad, pad, &p->colours->text);
  show (p, unit, p->width - pad - unit_w, pad + (title_h - text_height (unit)) / 2, &p->colours->dim);
  return pad + title_h + 12 * p->s;
}

/* A legend that flows like text: swatch, label, next entry, next line. */
typedef struct
{
  const char *label;
  const Rgba *colour;
} LegendEntry;

static double
draw_flow_legend (Painter           *p,
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
      g_autoptr(PangoLayout) layout = make_layout (p, entries[i].label, FONT_SMALL);
      double w = text_width (layout);
      double h = text_height (layout);
      double max_w = x1 - x0 - swatch - gap;

      if (w > max_w)
        {
          fit_width (layout, MAX (max_w, 1), PANGO_ALIGN_LEFT);
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
          rounded_rect (p->cr, x, y + (h - swatch) / 2, swatch, swatch, 2 * p->s);
          set_colour (p, entries[i].colour, 1.0);
          cairo_fill (p->cr);
        }
      show (p, layout, x + swatch + gap, y, &p->colours->text);
      x += swatch + gap + w + spacing;
      line_h = MAX (line_h, h);
    }
  return n > 0 ? y + line_h - top : 0;
}

/* The widths of a legend table's columns at their natural size. */
static void
measure_legend_table (Painter *p,
                      double  *name_w,
                      double  *value_w,
                      double  *share_w)
{
  GkChart *chart = p->chart;

  *name_w = *value_w = *share_w = 0;
  for (guint i = 0; i < chart->items->len; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = format_value (item->value);
      g_autofree char *share = gk_percent_format (gk_chart_get_item_share (chart, i));
      g_autoptr(PangoLayout) n = make_layout (p, item->label, FONT_BODY);
      g_autoptr(PangoLayout) v = make_layout (p, value, FONT_VALUE);
      g_autoptr(PangoLayout) s = make_layout (p, share, FONT_SMALL);

      *name_w = MAX (*name_w, text_width (n));
      *value_w = MAX (*value_w, text_width (v));
      *share_w = MAX (*share_w, text_width (s));
    }
}

#define LEGEND_SWATCH(p) (10 * (p)->s)
#define LEGEND_GAP(p) (8 * (p)->s)

/* Rows of swatch, name, amount and share, as in a small table. */
static double
draw_legend_table (Painter *p,
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

  measure_legend_table (p, &natural_name_w, &value_w, &share_w);
  name_w = x1 - x0 - swatch - 3 * gap - value_w - share_w;
  if (name_w < 36 * p->s)
    p->overflow = TRUE;
  name_w = MAX (name_w, 1);

  for (guint i = 0; i < chart->items->len; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = format_value (item->value);
      g_autofree char *share = gk_percent_format (gk_chart_get_item_share (chart, i));
      g_autoptr(PangoLayout) name = make_layout (p, item->label, FONT_BODY);
      g_autoptr(PangoLayout) v = make_layout (p, value, FONT_VALUE);
      g_autoptr(PangoLayout) s = make_layout (p, share, FONT_SMALL);
      double ry = y + i * row_h;
      double cy = ry + row_h / 2;

      fit_width (name, name_w, PANGO_ALIGN_LEFT);
      if (p->paint)
        {
          rounded_rect (p->cr, x0, cy - swatch / 2, swatch, swatch, 2 * p->s);
          set_colour (p, item_colour (p, item, i), item_alpha (p, i));
          cairo_fill (p->cr);
        }
      show (p, name, x0 + swatch + gap, cy - text_height (name) / 2, &p->colours->text);
      show (p, v, x1 - share_w - gap - text_width (v), cy - text_height (v) / 2, &p->colours->text);
      show (p, s, x1 - text_width (s), cy - text_height (s) / 2, &p->colours->dim);
      add_rect_region (p, i, FALSE, x0, ry, x1 - x0, row_h);
    }
  return chart->items->len * row_h;
}

static void
draw_empty (Painter *p,
            double   x0,
            double   y0,
            double   x1,
            double   y1)
{
  g_autoptr(PangoLayout) layout = make_layout (p, EMPTY_TEXT, FONT_BODY);
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
          set_colour (p, &p->colours->track, 1.0);
          cairo_fill (p->cr);
        }
    }
  else if (p->paint)
    {
      cairo_set_line_width (p->cr, MAX (1, p->s));
      cairo_move_to (p->cr, x0, cy + text_height (layout));
      cairo_line_to (p->cr, x1, cy + text_height (layout));
      set_colour (p, &p->colours->rule, 1.0);
      cairo_stroke (p->cr);
    }
  if (text_width (layout) > x1 - x0 || text_height (layout) > y1 - y0)
    p->overflow = TRUE;
  show (p, layout, cx - text_width (layout) / 2, cy - text_height (layout) / 2, &p->colours->dim);
}

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
  measure_legend_table (p, &name_w, &value_w, &share_w);
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
          set_colour (p, item_colour (p, item, i), item_alpha (p, i));
          cairo_fill_preserve (p->cr);
          /* A thin cut in the background colour between segments. */
          if (sweep < 2 * G_PI - 1e-6)
            {
              cairo_set_line_width (p->cr, 1.5 * p->s);
              cairo_set_line_join (p->cr, CAIRO_LINE_JOIN_BEVEL);
              set_colour (p, &p->colours->background, 1.0);
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
    g_autofree char *value = format_value (total);
    g_autoptr(PangoLayout) big = make_layout (p, value, FONT_CENTRE);
    g_autoptr(PangoLayout) caption = make_layout (p, "合计", FONT_SMALL);
    double room = 2 * r_in * 0.82;
    double bh = text_height (big);
    double ch = text_height (caption);

    if (text_width (big) > room)
      {
        g_clear_object (&big);
        big = make_layout (p, value, FONT_VALUE);
        bh = text_height (big);
      }
    if (text_width (big) <= room && bh + ch <= room)
      {
        show (p, big, cx - text_width (big) / 2, cy - (bh + ch) / 2, &p->colours->text);
        show (p, caption, cx - text_width (caption) / 2, cy - (bh + ch) / 2 + bh, &p->colours->dim);
      }
  }

  draw_legend_table (p, legend_x, x1, cy - legend_h / 2, row_h);
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
  g_autofree char *total_value = format_value (total);
  g_autofree char *total_text = g_strconcat ("合计 ", total_value, NULL);
  g_autoptr(PangoLayout) caption = make_layout (p, total_text, FONT_SMALL);
  double w = x1 - x0;
  double bar_h = 30 * p->s;
  double row_h = 24 * p->s;
  double bar_y = y0 + text_height (caption) + 6 * p->s;
  double legend_y = bar_y + bar_h + 14 * p->s;
  double x = x0;

  if (legend_y + chart->items->len * row_h > y1)
    p->overflow = TRUE;

  show (p, caption, x0, y0, &p->colours->dim);

  if (p->paint)
    {
      cairo_save (p->cr);
      rounded_rect (p->cr, x0, bar_y, w, bar_h, 3 * p->s);
      cairo_clip (p->cr);
      set_colour (p, &p->colours->track, 1.0);
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
          set_colour (p, item_colour (p, item, i), item_alpha (p, i));
          cairo_fill (p->cr);
          if (x > x0)
            {
              cairo_rectangle (p->cr, x - 0.75 * p->s, bar_y, 1.5 * p->s, bar_h);
              set_colour (p, &p->colours->background, 1.0);
              cairo_fill (p->cr);
            }
        }
      if (seg > 0)
        add_rect_region (p, i, FALSE, x, bar_y, seg, bar_h);
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
      g_autoptr(PangoLayout) layout = make_layout (p, share, FONT_SMALL);
      double seg = 0;
      Rgba ink;

      if (item->value > 0 && total > 0)
        seg = w * ((double) item->value / (double) total);
      if (i == chart->items->len - 1 && seg > 0)
        seg = x0 + w - x;
      ink = text_on (item_colour (p, item, i));
      if (seg > text_width (layout) + 12 * p->s && text_height (layout) < bar_h)
        show (p, layout, x + (seg - text_width (layout)) / 2,
              bar_y + (bar_h - text_height (layout)) / 2, &ink);
      x += seg;
    }

  draw_legend_table (p, x0, x1, legend_y, row_h);
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
      g_autoptr(PangoLayout) layout = make_layout (p, gk_chart_get_item (chart, i)->label, FONT_BODY);
      widest = MAX (widest, text_width (layout));
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
  return draw_flow_legend (p, entries, n, x0, x1, y) + 10 * p->s;
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
      g_autofree char *value = format_value (item->value);
      g_autofree char *share = gk_percent_format (gk_chart_get_item_share (chart, i));
      g_autoptr(PangoLayout) v = make_layout (p, value, FONT_VALUE);
      g_autoptr(PangoLayout) s = make_layout (p, share, FONT_SMALL);

      max = MAX (max, item->value);
      if (!item->rest)
        max_named = MAX (max_named, item->value);
      value_w = MAX (value_w, text_width (v) + 6 * p->s + text_width (s));
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
      set_colour (p, &p->colours->rule, 1.0);
      cairo_stroke (p->cr);
    }

  for (guint i = 0; i < n; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = format_value (item->value);
      g_autofree char *share = gk_percent_format (gk_chart_get_item_share (chart, i));
      g_autoptr(PangoLayout) name = make_layout (p, item->label, FONT_BODY);
      g_autoptr(PangoLayout) v = make_layout (p, value, FONT_VALUE);
      g_autoptr(PangoLayout) s = make_layout (p, share, FONT_SMALL);
      double ry = y0 + i * row_h;
      double cy = ry + row_h / 2;
      double len = bar_length (item->value, max, extent);
      gboolean broken = len > extent;
      double tx;

      if (broken)
        len = extent;
      tx = bar_x + len + 6 * p->s;
      fit_width (name, MAX (label_w, 1), PANGO_ALIGN_LEFT);
      show (p, name, x0, cy - text_height (name) / 2, &p->colours->text);
      fill_bar (p, bar_x, cy - bar_h / 2, len, bar_h, item_colour (p, item, i), item_alpha (p, i));
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
          set_colour (p, &p->colours->background, 1.0);
          cairo_stroke (p->cr);
        }
      show (p, v, tx, cy - text_height (v) / 2, &p->colours->text);
      /* A chart of one item is all of itself; 100.00% says nothing. */
      if (n > 1 && gk_chart_get_total (chart) > 0)
        show (p, s, tx + text_width (v) + 6 * p->s, cy - text_height (s) / 2, &p->colours->dim);
      add_rect_region (p, i, FALSE, x0, ry, x1 - x0, row_h);
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
      g_autofree char *value = format_value (item->value);
      g_autofree char *change = item->has_prior ? gk_chart_change_text (item->value, item->prior_value)
                                                : g_strdup ("");
      g_autoptr(PangoLayout) v = make_layout (p, value, FONT_SMALL);
      g_autoptr(PangoLayout) c = make_layout (p, change, FONT_SMALL);

      max = MAX (max, item->value);
      value_w = MAX (value_w, text_width (v) + 6 * p->s + text_width (c));
      if (item->has_prior)
        {
          g_autofree char *prior = format_value (item->prior_value);
          g_autoptr(PangoLayout) l = make_layout (p, prior, FONT_SMALL);

          max = MAX (max, item->prior_value);
          value_w = MAX (value_w, text_width (l));
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
      set_colour (p, &p->colours->rule, 1.0);
      cairo_stroke (p->cr);
    }

  for (guint i = 0; i < n; i++)
    {
      GkChartItem *item = gk_chart_get_item (chart, i);
      g_autofree char *value = format_value (item->value);
      g_autofree char *change = item->has_prior ? gk_chart_change_text (item->value, item->prior_value)
                                                : g_strdup ("");
      g_autoptr(PangoLayout) name = make_layout (p, item->label, FONT_BODY);
      g_autoptr(PangoLayout) v = make_layout (p, value, FONT_SMALL);
      g_autoptr(PangoLayout) c = make_layout (p, change, FONT_SMALL);
      double gy = y0 + i * group_h;
      double this_y = gy + (group_h - pair_h) / 2;
      double last_y = this_y + bar_h + 3 * p->s;
      double len = bar_length (item->value, max, extent);
      double tx = bar_x + len + 6 * p->s;

      fit_width (name, MAX (label_w, 1), PANGO_ALIGN_LEFT);
      show (p, name, x0, gy + group_h / 2 - text_height (name) / 2, &p->colours->text);
      add_rect_region (p, i, FALSE, x0, gy, x1 - x0, group_h);

      fill_bar (p, bar_x, this_y, len, bar_h, &p->colours->palette[0], item_alpha (p, i));
      show (p, v, tx, this_y + (bar_h - text_height (v)) / 2, &p->colours->text);
      if (change[0] != '\0')
        show (p, c, tx + text_width (v) + 6 * p->s, this_y + (bar_h - text_height (c)) / 2, &p->colours->dim);

      if (item->has_prior)
        {
          g_autofree char *prior = format_value (item->prior_value);
          g_autoptr(PangoLayout) l = make_layout (p, prior, FONT_SMALL);
          double plen = bar_length (item->prior_value, max, extent);

          fill_bar (p, bar_x, last_y, plen, bar_h, &p->colours->last_year, item_alpha (p, i));
          show (p, l, bar_x + plen + 6 * p->s, last_y + (bar_h - text_height (l)) / 2, &p->colours->dim);
          add_rect_region (p, i, TRUE, x0 + label_w, last_y - 1.5 * p->s, x1 - x0 - label_w, bar_h + 3 * p->s);
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

  top = draw_header (p);
  if (gk_chart_is_empty (p->chart))
    {
      draw_empty (p, pad, top, p->width - pad, p->height - pad);
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
  PangoContext *pango;
  cairo_font_options_t *options;
  Painter p = { 0, };

  g_return_if_fail (GK_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style <= GK_CHART_STYLE_PRINT);

  g_array_set_size (self->regions, 0);
  g_array_set_size (self->label_rects, 0);
  if (width <= 0 || height <= 0)
    return;

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
  p.width = width;
  p.height = height;
  p.colours = style == GK_CHART_STYLE_DARK ? &colours_dark
            : style == GK_CHART_STYLE_PRINT ? &colours_print
            : &colours_light;

  for (p.s = 1.0; ; p.s *= 0.9)
    {
      lay_out (&p);
      if ((!p.overflow && labels_inside (&p)) || p.s * 0.9 < MIN_SCALE)
        break;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_colour (&p, &p.colours->background, 1.0);
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
