/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-chart-view.h"
#include "gk-document.h"
#include "gk-page.h"

G_BEGIN_DECLS

#define GK_TYPE_CHARTS_PAGE (gk_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (GkChartsPage, gk_charts_page, GK, CHARTS_PAGE, GkPage)

GtkWidget   *gk_charts_page_new            (GkDocument   *document);
GtkFlowBox  *gk_charts_page_get_flow_box   (GkChartsPage *self);
GkChartView *gk_charts_page_get_chart_view (GkChartsPage *self,
                                            const char   *chart_id);

G_END_DECLS
