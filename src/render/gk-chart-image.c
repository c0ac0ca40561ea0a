/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "gk-chart-image.h"

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* The stream's own error first (it names the file and the reason), else
 * cairo's. */
static gboolean
finish (Sink            *sink,
        GkChart         *chart,
        cairo_status_t   status,
        GError         **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, sink->error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: the chart's title, then cairo's reason */
                   _("Could not draw the chart “%s”: %s"),
                   gk_chart_get_title (chart), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * gk_chart_write_png_to_stream:
 * @chart: a chart
 * @stream: where the PNG goes
 * @width: the chart's width before scaling
 * @height: its height
 * @scale: pixels per unit (2 for sharp images on high-density screens and paper)
 * @style: the colours
 *
 * Returns: %TRUE when the whole image was written
 */
gboolean
gk_chart_write_png_to_stream (GkChart        *chart,
                              GOutputStream  *stream,
                              int             width,
                              int             height,
                              double          scale,
                              GkChartStyle    style,
                              GCancellable   *cancellable,
                              GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Sink sink = { stream, cancellable, NULL };

  g_return_val_if_fail (GK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (width * scale), (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  gk_chart_draw (chart, cr, width, height, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_sink, &sink);
  cairo_surface_destroy (surface);
  return finish (&sink, chart, status, error);
}

/**
 * gk_chart_write_svg_to_stream:
 * @chart: a chart
 * @stream: where the SVG goes
 * @width: the chart's width in pixels
 * @height: its height
 * @style: the colours
 *
 * Returns: %TRUE when the whole image was written
 */
gboolean
gk_chart_write_svg_to_stream (GkChart        *chart,
                              GOutputStream  *stream,
                              int             width,
                              int             height,
                              GkChartStyle    style,
                              GCancellable   *cancellable,
                              GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Sink sink = { stream, cancellable, NULL };

  g_return_val_if_fail (GK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_svg_surface_create_for_stream (write_to_sink, &sink, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  gk_chart_draw (chart, cr, width, height, style);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return finish (&sink, chart, status, error);
}
