/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "gk-chart-data.h"
#include "gk-chart-export.h"

/* Writes charts as PNG and SVG files through GIO, so that a file is
 * replaced only once it is complete. */

typedef struct
{
  GOutputStream *out;
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
  if (!g_output_stream_write_all (sink->out, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
open_sink (Sink    *sink,
           GFile   *file,
           GError **error)
{
  sink->error = NULL;
  sink->out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE,
                                               G_FILE_CREATE_REPLACE_DESTINATION,
                                               NULL, error));
  return sink->out != NULL;
}

/* Commits the file when everything went well; otherwise leaves whatever
 * was there before and reports why. */
static gboolean
close_sink (Sink            *sink,
            GFile           *file,
            GkChart         *chart,
            cairo_status_t   status,
            GError         **error)
{
  gboolean ok = sink->error == NULL && status == CAIRO_STATUS_SUCCESS;

  if (ok)
    ok = g_output_stream_close (sink->out, NULL, &sink->error);
  else
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (sink->out, abandon, NULL);
    }
  g_clear_object (&sink->out);

  if (sink->error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, sink->error->domain, sink->error->code,
                   /* Translators: the file's name, then the reason */
                   _("Could not write the chart file “%s”: %s"), name, sink->error->message);
      g_clear_error (&sink->error);
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
 * gk_chart_write_png:
 * @chart: a chart
 * @file: the PNG file to write
 * @width: the chart's width before scaling
 * @height: its height
 * @scale: pixels per unit (2 for sharp images on high-density screens and paper)
 * @style: the colours
 * @error: return location for an error
 *
 * Returns: %TRUE when @file was written
 */
gboolean
gk_chart_write_png (GkChart       *chart,
                    GFile         *file,
                    int            width,
                    int            height,
                    double         scale,
                    GkChartStyle   style,
                    GError       **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Sink sink;

  g_return_val_if_fail (GK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
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

  if (!open_sink (&sink, file, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_sink, &sink);
  cairo_surface_destroy (surface);
  return close_sink (&sink, file, chart, status, error);
}

/**
 * gk_chart_write_svg:
 * @chart: a chart
 * @file: the SVG file to write
 * @width: the chart's width in pixels
 * @height: its height
 * @style: the colours
 * @error: return location for an error
 *
 * Returns: %TRUE when @file was written
 */
gboolean
gk_chart_write_svg (GkChart       *chart,
                    GFile         *file,
                    int            width,
                    int            height,
                    GkChartStyle   style,
                    GError       **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Sink sink;

  g_return_val_if_fail (GK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!open_sink (&sink, file, error))
    return FALSE;

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
  return close_sink (&sink, file, chart, status, error);
}

/**
 * gk_charts_export:
 * @document: a disclosure
 * @dir: the folder to write into, created when missing
 * @error: return location for an error
 *
 * Writes every review chart of @document as `ID.png` (at twice the size,
 * for print and high-density screens) and `ID.svg`, in the print colours.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
gk_charts_export (GkDocument  *document,
                  GFile       *dir,
                  GError     **error)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  charts = gk_chart_data_build_all (document);
  for (guint i = 0; i < charts->len; i++)
    {
      GkChart *chart = charts->pdata[i];
      int width = GK_CHART_EXPORT_WIDTH;
      int height = gk_chart_get_natural_height (chart, width);
      g_autofree char *png_name = g_strconcat (gk_chart_get_id (chart), ".png", NULL);
      g_autofree char *svg_name = g_strconcat (gk_chart_get_id (chart), ".svg", NULL);
      g_autoptr(GFile) png = g_file_get_child (dir, png_name);
      g_autoptr(GFile) svg = g_file_get_child (dir, svg_name);

      if (!gk_chart_write_png (chart, png, width, height, 2.0, GK_CHART_STYLE_PRINT, error) ||
          !gk_chart_write_svg (chart, svg, width, height, GK_CHART_STYLE_PRINT, error))
        return FALSE;
    }
  return TRUE;
}
