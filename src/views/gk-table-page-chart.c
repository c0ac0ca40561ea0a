/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-chart-data.h"
#include "gk-chart-view.h"
#include "gk-table-page-private.h"

/* Chart ----------------------------------------------------------------- */

GtkWidget *
gk_table_page_get_chart_view (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return GTK_WIDGET (priv->chart_view);
}

GtkToggleButton *
gk_table_page_get_chart_toggle (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return GTK_TOGGLE_BUTTON (priv->chart_toggle);
}

/* An empty chart (a table with no figures yet) would only take room. */
static void
gk_table_page_update_chart (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GkChart *chart = priv->chart_view ? gk_chart_view_get_chart (priv->chart_view) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (priv->chart_scroller),
                          chart != NULL && !gk_chart_is_empty (chart) &&
                          gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (priv->chart_toggle)));
}

/* GtkPaned of GTK 4.8 starts the divider at the table's natural height,
 * leaving the chart a sliver. The chart gets the height the user last
 * dragged it to (kept in GSettings, for every table page), or else its
 * own height but never more than a third of the pane: the table is what
 * the page is for, and ten of its rows stay in view beside the chart at
 * 1280x800 (15 with the chart hidden). Done
 * again when the page is resized. */
static gboolean
gk_table_page_split_chart (gpointer user_data)
{
  GkTablePage *self = user_data;
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GkChart *chart = gk_chart_view_get_chart (priv->chart_view);
  int height = gtk_widget_get_height (GTK_WIDGET (priv->chart_paned));
  int width = gtk_widget_get_width (GTK_WIDGET (priv->chart_paned));
  int chart_height, kept = 0;

  priv->chart_split_id = 0;
  if (chart == NULL || height <= 0 || width <= 0)
    return G_SOURCE_REMOVE;
  if (priv->settings != NULL)
    kept = g_settings_get_int (priv->settings, "table-chart-height");
  if (kept > 0)
    chart_height = MIN (kept, height);
  else
    chart_height = MIN (gk_chart_get_natural_height (chart, width), height / 3);
  priv->chart_splitting = TRUE;
  priv->chart_paned_height = height;
  gtk_paned_set_position (priv->chart_paned, height - chart_height);
  priv->chart_splitting = FALSE;
  return G_SOURCE_REMOVE;
}

/* The divider moved at the same pane height, not by the page, and not
 * pushed to an end by the pane itself (GtkPaned clamps the position when
 * a child's minimum height changes, as rows are bound): the user dragged
 * it. */
static void
gk_table_page_chart_moved (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  int height = gtk_widget_get_height (GTK_WIDGET (priv->chart_paned));
  int position = gtk_paned_get_position (priv->chart_paned);
  int min_position, max_position;

  g_object_get (priv->chart_paned, "min-position", &min_position, "max-position", &max_position, NULL);
  if (priv->chart_splitting || priv->settings == NULL || height <= 0 ||
      height != priv->chart_paned_height || position <= min_position || position >= max_position ||
      !gtk_widget_get_visible (GTK_WIDGET (priv->chart_scroller)))
    return;
  g_settings_set_int (priv->settings, "table-chart-height",
                      CLAMP (height - gtk_paned_get_position (priv->chart_paned), 1, 10000));
}

static void
gk_table_page_queue_split_chart (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);

  /* Not from within the pane's allocation, which notifies the change. */
  if (priv->chart_split_id == 0)
    priv->chart_split_id = g_idle_add (gk_table_page_split_chart, self);
}

void
_gk_table_page_setup_chart (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GkChart) chart = NULL;

  /* The view follows the document by chart id; the table only picks it. */
  chart = gk_chart_data_build_for_table (priv->document, gk_table_get_id (priv->table));
  if (chart == NULL)
    return;

  priv->chart_view = GK_CHART_VIEW (gk_chart_view_new (priv->document, gk_chart_get_id (chart)));
  gtk_widget_set_valign (GTK_WIDGET (priv->chart_view), GTK_ALIGN_START);
  gtk_scrolled_window_set_child (priv->chart_scroller, GTK_WIDGET (priv->chart_view));
  gtk_widget_set_visible (priv->chart_toggle, TRUE);

  /* The window already warns when the schema is missing (running from
   * the build tree); the chart then just stays on. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      priv->settings = g_settings_new_full (schema, NULL, NULL);
      g_settings_bind (priv->settings, "show-table-chart", priv->chart_toggle, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (priv->chart_toggle, "notify::active",
                           G_CALLBACK (gk_table_page_update_chart), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->chart_view, "notify::chart",
                           G_CALLBACK (gk_table_page_update_chart), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->chart_paned, "notify::max-position",
                           G_CALLBACK (gk_table_page_queue_split_chart), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->chart_paned, "notify::position",
                           G_CALLBACK (gk_table_page_chart_moved), self, G_CONNECT_SWAPPED);
  if (priv->settings != NULL)
    g_signal_connect_object (priv->settings, "changed::table-chart-height",
                             G_CALLBACK (gk_table_page_queue_split_chart), self, G_CONNECT_SWAPPED);
  gk_table_page_update_chart (self);
}
