/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-chart.h"
#include "gk-document.h"
#include "gk-progress.h"

G_BEGIN_DECLS

/* The width the charts are exported at, in points (SVG) or pixels before
 * the 2x scale (PNG). */
#define GK_CHART_EXPORT_WIDTH 720

gboolean gk_chart_write_png    (GkChart         *chart,
                                GFile           *file,
                                int              width,
                                int              height,
                                double           scale,
                                GkChartStyle     style,
                                GError         **error);
gboolean gk_chart_write_svg    (GkChart         *chart,
                                GFile           *file,
                                int              width,
                                int              height,
                                GkChartStyle     style,
                                GError         **error);
gboolean gk_charts_export      (GkDocument      *document,
                                GFile           *dir,
                                GError         **error);
gboolean gk_charts_export_full (GkDocument      *document,
                                GFile           *dir,
                                GkProgressFunc   progress,
                                gpointer         progress_data,
                                GCancellable    *cancellable,
                                GError         **error);

G_END_DECLS
