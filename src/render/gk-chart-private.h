/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-chart.h"

G_BEGIN_DECLS

typedef struct
{
  char      *label;
  char      *code;
  GkAmount   value;
  gboolean   has_prior;
  GkAmount   prior_value;
  char      *prior_label;
  gboolean   rest;       /* "其他": what did not get a bar of its own */
  int        category;   /* index into categories, or -1 */
} GkChartItem;

typedef enum {
  GK_CHART_REGION_RECT,
  GK_CHART_REGION_ARC,
} GkChartRegionShape;

/* A place the last draw put an item, for hit-testing. Arcs are measured
 * clockwise from twelve o'clock, in radians. */
typedef struct
{
  GkChartRegionShape shape;
  guint              index;
  gboolean           prior;
  double             x, y, width, height;
  double             cx, cy, r_inner, r_outer, a0, a1;
} GkChartRegion;

struct _GkChart
{
  GObject       parent_instance;

  GkChartKind   kind;
  char         *id;
  char         *title;
  GkMoneyUnit   money_unit;
  GArray       *items;        /* GkChartItem */
  GPtrArray    *categories;   /* char * */
  char         *this_label;
  char         *last_label;
  gint         *shares;       /* computed on demand, NULL when stale */
  int           highlight;

  /* What the last gk_chart_draw() laid out. */
  GArray       *regions;      /* GkChartRegion */
  GArray       *label_rects;  /* cairo_rectangle_t */
};

GkChartItem *gk_chart_get_item    (GkChart             *self,
                                   guint                index);
void         gk_chart_add_region  (GkChart             *self,
                                   const GkChartRegion *region);
char        *gk_chart_change_text (GkAmount             this_year,
                                   GkAmount             last_year);

G_END_DECLS
