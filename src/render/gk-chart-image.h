/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-chart.h"

G_BEGIN_DECLS

/* A chart as a PNG or SVG image, written into a stream it is given; the
 * files around them are io's (gk-chart-export.h). */

gboolean gk_chart_write_png_to_stream (GkChart        *chart,
                                       GOutputStream  *stream,
                                       int             width,
                                       int             height,
                                       double          scale,
                                       GkChartStyle    style,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean gk_chart_write_svg_to_stream (GkChart        *chart,
                                       GOutputStream  *stream,
                                       int             width,
                                       int             height,
                                       GkChartStyle    style,
                                       GCancellable   *cancellable,
                                       GError        **error);

G_END_DECLS
