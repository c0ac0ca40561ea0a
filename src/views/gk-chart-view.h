/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gk-chart.h"
#include "gk-document.h"

G_BEGIN_DECLS

typedef enum {
  GK_CHART_FORMAT_PNG,
  GK_CHART_FORMAT_SVG,
} GkChartFormat;

#define GK_TYPE_CHART_VIEW (gk_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (GkChartView, gk_chart_view, GK, CHART_VIEW, GtkWidget)

GtkWidget    *gk_chart_view_new          (GkDocument    *document,
                                          const char    *chart_id);
GkDocument   *gk_chart_view_get_document (GkChartView   *self);
const char   *gk_chart_view_get_chart_id (GkChartView   *self);
GkChart      *gk_chart_view_get_chart    (GkChartView   *self);
gboolean      gk_chart_view_is_current   (GkChartView   *self);
GkChartStyle  gk_chart_view_get_style    (GkChartView   *self);
char         *gk_chart_view_get_tooltip_at (GkChartView *self,
                                            double       x,
                                            double       y);
gboolean      gk_chart_view_save         (GkChartView   *self,
                                          GFile         *file,
                                          GkChartFormat  format,
                                          GError       **error);

G_END_DECLS
