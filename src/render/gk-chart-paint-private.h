/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "gk-chart-private.h"

G_BEGIN_DECLS

/* The painter every chart kind draws with: colours, type, and the
 * measured-then-painted protocol (see gk-chart-draw.c). */

#define FONT_FAMILY GK_CHART_FONT_FAMILY
#define MIN_SCALE 0.4
#define LEGEND_SWATCH(p) (10 * (p)->s)
#define LEGEND_GAP(p) (8 * (p)->s)
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
  PangoFontMap  *font_map;   /* given, to be told of a character its fonts lack */
} Painter;

/* An entry of a legend: swatch and label. */
typedef struct
{
  const char *label;
  const Rgba *colour;
} LegendEntry;

void          _gk_paint_add_rect_region          (Painter            *p,
                                                  guint              index,
                                                  gboolean           prior,
                                                  double             x,
                                                  double             y,
                                                  double             width,
                                                  double             height);
double        _gk_paint_bar_length               (GkAmount           value,
                                                  GkAmount           max,
                                                  double             extent);
void          _gk_paint_draw_empty               (Painter            *p,
                                                  double             x0,
                                                  double             y0,
                                                  double             x1,
                                                  double             y1);
double        _gk_paint_draw_flow_legend         (Painter            *p,
                                                  const LegendEntry  *entries,
                                                  guint              n,
                                                  double             x0,
                                                  double             x1,
                                                  double             y);
double        _gk_paint_draw_header              (Painter            *p);
double        _gk_paint_draw_legend_table        (Painter            *p,
                                                  double             x0,
                                                  double             x1,
                                                  double             y,
                                                  double             row_h);
void          _gk_paint_fill_bar                 (Painter            *p,
                                                  double             x,
                                                  double             y,
                                                  double             w,
                                                  double             h,
                                                  const Rgba         *colour,
                                                  double             alpha);
void          _gk_paint_fit_width                (PangoLayout        *layout,
                                                  double             width,
                                                  PangoAlignment     alignment);
char          *_gk_paint_format_value            (GkAmount           value);
double        _gk_paint_item_alpha               (Painter            *p,
                                                  guint              index);
const Rgba    *_gk_paint_item_colour             (Painter            *p,
                                                  const GkChartItem  *item,
                                                  guint              index);
PangoLayout   *_gk_paint_make_layout             (Painter            *p,
                                                  const char         *text,
                                                  FontRole           role);
void          _gk_paint_measure_legend_table     (Painter            *p,
                                                  double             *name_w,
                                                  double             *value_w,
                                                  double             *share_w);
void          _gk_paint_rounded_rect             (cairo_t            *cr,
                                                  double             x,
                                                  double             y,
                                                  double             w,
                                                  double             h,
                                                  double             radius);
void          _gk_paint_set_colour               (Painter            *p,
                                                  const Rgba         *c,
                                                  double             alpha);
void          _gk_paint_show                     (Painter            *p,
                                                  PangoLayout        *layout,
                                                  double             x,
                                                  double             y,
                                                  const Rgba         *colour);
double        _gk_paint_text_height              (PangoLayout        *layout);
Rgba          _gk_paint_text_on                  (const Rgba         *c);
double        _gk_paint_text_width               (PangoLayout        *layout);
const Colours *_gk_paint_colours_for_style       (GkChartStyle       style);

G_END_DECLS
