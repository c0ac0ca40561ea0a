/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "gk-amount.h"

G_BEGIN_DECLS

/* The family the charts set their text in. */
#define GK_CHART_FONT_FAMILY "Noto Sans CJK SC"

typedef enum {
  GK_CHART_KIND_DONUT,     /* shares of a whole, legend beside */
  GK_CHART_KIND_BARS,      /* horizontal bars, in the order the items were added */
  GK_CHART_KIND_STACKED,   /* one bar split into the parts of a whole */
  GK_CHART_KIND_GROUPED,   /* this year's bar above last year's, per item */
} GkChartKind;

typedef enum {
  GK_CHART_STYLE_LIGHT,
  GK_CHART_STYLE_DARK,
  GK_CHART_STYLE_PRINT,
} GkChartStyle;

/* What lies under a point: enough for a tooltip without looking anything
 * else up. Strings belong to the chart. */
typedef struct
{
  guint        index;         /* the item */
  gboolean     prior;         /* last year's bar of a grouped chart */
  const char  *label;         /* the whole name, never shortened */
  const char  *code;          /* classification code, or NULL */
  GkAmount     value;
  gint         share;         /* basis points of the chart's whole, -1 for grouped charts */
  gboolean     has_prior;
  GkAmount     prior_value;
  const char  *prior_label;   /* "上年预算数" or "上年执行数" */
} GkChartHit;

#define GK_TYPE_CHART (gk_chart_get_type ())
G_DECLARE_FINAL_TYPE (GkChart, gk_chart, GK, CHART, GObject)

GkChart      *gk_chart_new                (GkChartKind      kind,
                                           const char      *id,
                                           const char      *title,
                                           GkMoneyUnit      money_unit);

GkChartKind   gk_chart_get_kind           (GkChart         *self);
const char   *gk_chart_get_id             (GkChart         *self);
const char   *gk_chart_get_title          (GkChart         *self);
GkMoneyUnit   gk_chart_get_money_unit     (GkChart         *self);

/* Building */
guint         gk_chart_add_item           (GkChart         *self,
                                           const char      *label,
                                           const char      *code,
                                           GkAmount         value);
void          gk_chart_set_item_prior     (GkChart         *self,
                                           guint            index,
                                           GkAmount         prior_value,
                                           const char      *prior_label);
void          gk_chart_set_item_rest      (GkChart         *self,
                                           guint            index);
guint         gk_chart_add_category       (GkChart         *self,
                                           const char      *label);
void          gk_chart_set_item_category  (GkChart         *self,
                                           guint            index,
                                           guint            category);
void          gk_chart_set_series_labels  (GkChart         *self,
                                           const char      *this_year,
                                           const char      *last_year);

/* Reading */
guint         gk_chart_get_n_items        (GkChart         *self);
const char   *gk_chart_get_item_label     (GkChart         *self,
                                           guint            index);
GkAmount      gk_chart_get_item_value     (GkChart         *self,
                                           guint            index);
gboolean      gk_chart_get_item_prior     (GkChart         *self,
                                           guint            index,
                                           GkAmount        *prior_value);
gint          gk_chart_get_item_share     (GkChart         *self,
                                           guint            index);
GkAmount      gk_chart_get_total          (GkChart         *self);
gboolean      gk_chart_is_empty           (GkChart         *self);
gboolean      gk_chart_equal              (GkChart         *a,
                                          GkChart         *b);

/* The item drawn emphasised (the one under the pointer), or -1. */
int           gk_chart_get_highlight      (GkChart         *self);
void          gk_chart_set_highlight      (GkChart         *self,
                                           int              index);

/* Drawing */
void          gk_chart_draw               (GkChart         *self,
                                           cairo_t         *cr,
                                           int              width,
                                           int              height,
                                           GkChartStyle     style);
void          gk_chart_draw_with_font_map (GkChart         *self,
                                           cairo_t         *cr,
                                           int              width,
                                           int              height,
                                           GkChartStyle     style,
                                           PangoFontMap    *font_map);
int           gk_chart_get_natural_height (GkChart         *self,
                                           int              width);
gboolean      gk_chart_hit_test           (GkChart         *self,
                                           double           x,
                                           double           y,
                                           GkChartHit      *hit);
char         *gk_chart_format_hit         (GkChart         *self,
                                           const GkChartHit *hit);
const GArray *gk_chart_get_label_rects    (GkChart         *self);

G_END_DECLS
