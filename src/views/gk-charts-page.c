/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-chart-data.h"
#include "gk-charts-page.h"

/* 图表: every review chart of the document side by side, so that the
 * shape of the budget can be checked at a glance before it is published. */
struct _GkChartsPage
{
  GkPage      parent_instance;


  GtkFlowBox *flow_box;
};

G_DEFINE_FINAL_TYPE (GkChartsPage, gk_charts_page, GK_TYPE_PAGE)

GtkFlowBox *
gk_charts_page_get_flow_box (GkChartsPage *self)
{
  g_return_val_if_fail (GK_IS_CHARTS_PAGE (self), NULL);
  return self->flow_box;
}

GkChartView *
gk_charts_page_get_chart_view (GkChartsPage *self,
                               const char   *chart_id)
{
  g_return_val_if_fail (GK_IS_CHARTS_PAGE (self), NULL);
  g_return_val_if_fail (chart_id != NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *view = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (GK_IS_CHART_VIEW (view) &&
          g_str_equal (gk_chart_view_get_chart_id (GK_CHART_VIEW (view)), chart_id))
        return GK_CHART_VIEW (view);
    }
  return NULL;
}

/* A comparison with last year has no chart while last year's figures are
 * missing; its place in the grid closes up rather than stay blank. */
static void
chart_changed (GkChartView *view,
               GParamSpec  *pspec,
               gpointer     user_data)
{
  GtkWidget *child = gtk_widget_get_parent (GTK_WIDGET (view));

  if (child != NULL)
    gtk_widget_set_visible (child, gk_chart_view_get_chart (view) != NULL);
}

GtkWidget *
gk_charts_page_new (GkDocument *document)
{
  GkChartsPage *self;
  const char * const *ids;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_CHARTS_PAGE, "document", document, NULL);

  ids = gk_chart_data_get_ids ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      GtkWidget *view = gk_chart_view_new (document, ids[i]);

      gtk_widget_add_css_class (view, "card");
      gtk_widget_set_valign (view, GTK_ALIGN_START);
      gtk_flow_box_append (self->flow_box, view);
      g_signal_connect (view, "notify::chart", G_CALLBACK (chart_changed), NULL);
      chart_changed (GK_CHART_VIEW (view), NULL, NULL);
    }
  return GTK_WIDGET (self);
}

static void
gk_charts_page_dispose (GObject *object)
{
  GkChartsPage *self = GK_CHARTS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CHARTS_PAGE);
  /* The scrolled window is the template's child but not bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gk_charts_page_parent_class)->dispose (object);
}

static void
gk_charts_page_class_init (GkChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_charts_page_dispose;

  g_type_ensure (GK_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkChartsPage, flow_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_charts_page_init (GkChartsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
