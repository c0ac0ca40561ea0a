/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-atomic-writer.h"
#include "gk-chart-data.h"
#include "gk-chart-export.h"
#include "gk-chart-image.h"

/* Charts as PNG and SVG files: render draws each into the atomic writer's
 * stream, and a file is replaced only once it is complete. */

typedef enum {
  IMAGE_PNG,
  IMAGE_SVG,
} ImageKind;

static gboolean
write_image (GkChart       *chart,
             GFile         *file,
             ImageKind      kind,
             int            width,
             int            height,
             double         scale,
             GkChartStyle   style,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GkAtomicWriter) writer = gk_atomic_writer_new (file, GK_ATOMIC_NONE, cancellable, error);
  gboolean ok;

  if (writer == NULL)
    return FALSE;
  if (kind == IMAGE_PNG)
    ok = gk_chart_write_png_to_stream (chart, G_OUTPUT_STREAM (writer), width, height, scale, style,
                                       cancellable, error);
  else
    ok = gk_chart_write_svg_to_stream (chart, G_OUTPUT_STREAM (writer), width, height, style,
                                       cancellable, error);
  if (!ok)
    {
      gk_atomic_writer_abort (writer);
      return FALSE;
    }
  return gk_atomic_writer_commit (writer, cancellable, error);
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
  g_return_val_if_fail (GK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_image (chart, file, IMAGE_PNG, width, height, scale, style, NULL, error);
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
  g_return_val_if_fail (GK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_image (chart, file, IMAGE_SVG, width, height, 1.0, style, NULL, error);
}

/**
 * gk_charts_export_full:
 * @document: a disclosure
 * @dir: the folder to write into, created when missing
 * @progress: (nullable): told the share done after each chart
 * @cancellable: (nullable): stops between and within files; the file being
 *   written is left as it was
 * @error: return location for an error
 *
 * Writes every review chart of @document as `ID.png` (at twice the size,
 * for print and high-density screens) and `ID.svg`, in the print colours.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
gk_charts_export_full (GkDocument      *document,
                       GFile           *dir,
                       GkProgressFunc   progress,
                       gpointer         progress_data,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(GPtrArray) charts = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gk_file_make_folder (dir, error))
    return FALSE;

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

      if (!write_image (chart, png, IMAGE_PNG, width, height, 2.0, GK_CHART_STYLE_PRINT, cancellable, error) ||
          !write_image (chart, svg, IMAGE_SVG, width, height, 1.0, GK_CHART_STYLE_PRINT, cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress ((double) (i + 1) / charts->len, progress_data);
    }
  return TRUE;
}

gboolean
gk_charts_export (GkDocument  *document,
                  GFile       *dir,
                  GError     **error)
{
  return gk_charts_export_full (document, dir, NULL, NULL, NULL, error);
}
