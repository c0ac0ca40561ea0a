/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-chart-view.h"
#include "gk-document-io.h"
#include "gk-table-page.h"
#include "gk-table-pages.h"

#include "gk-test-common.h"

/* The chart under a table page, shown or not by one setting that every
 * page follows. */

static GtkWidget *
new_page (GkDocument *document,
          const char *table_id)
{
  return g_object_ref_sink (gk_table_pages_create (document, gk_document_get_table (document, table_id)));
}

/* Whether the chart would be drawn: it and every container up to the page
 * are visible (the page itself is in no window). */
static gboolean
chart_shown (GtkWidget *page)
{
  GtkWidget *view = gk_table_page_get_chart_view (GK_TABLE_PAGE (page));

  if (view == NULL)
    return FALSE;
  for (GtkWidget *w = view; w != page; w = gtk_widget_get_parent (w))
    {
      g_assert_nonnull (w);
      if (!gtk_widget_get_visible (w))
        return FALSE;
    }
  return TRUE;
}

static void
test_create_destroy (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page = new_page (document, "expenditure");
  GtkWidget *view = gk_table_page_get_chart_view (GK_TABLE_PAGE (page));

  g_assert_true (GK_IS_CHART_VIEW (view));
  g_assert_finalize_object (page);
}

static void
test_chart_on_table_3 (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page;
  GkChartView *view;
  GkChart *chart;

  g_settings_reset (settings, "show-table-chart");
  page = new_page (document, "expenditure");
  view = GK_CHART_VIEW (gk_table_page_get_chart_view (GK_TABLE_PAGE (page)));
  g_assert_nonnull (view);
  chart = gk_chart_view_get_chart (view);
  g_assert_nonnull (chart);
  g_assert_false (gk_chart_is_empty (chart));
  g_assert_cmpstr (gk_chart_view_get_chart_id (view), ==, "function-classes");
  g_assert_true (gk_chart_view_get_document (view) == document);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gk_table_page_get_chart_toggle (GK_TABLE_PAGE (page)))));
  g_assert_true (gtk_toggle_button_get_active (gk_table_page_get_chart_toggle (GK_TABLE_PAGE (page))));
  g_assert_true (chart_shown (page));
  g_assert_finalize_object (page);
}

/* 表五 and 表九 have charts of their own, which the view must be able to
 * build by id; 表四 has none and no toggle. */
static void
test_tables_with_and_without_chart (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  const char *with[] = { "income-summary", "income", "expenditure", "general-expenditure", "basic-expenditure", "project-expenditure", "sangong" };
  GtkWidget *page;

  for (guint i = 0; i < G_N_ELEMENTS (with); i++)
    {
      page = new_page (document, with[i]);
      g_assert_nonnull (gk_table_page_get_chart_view (GK_TABLE_PAGE (page)));
      g_assert_nonnull (gk_chart_view_get_chart (GK_CHART_VIEW (gk_table_page_get_chart_view (GK_TABLE_PAGE (page)))));
      g_assert_true (chart_shown (page));
      g_assert_finalize_object (page);
    }

  page = new_page (document, "fiscal-summary");
  g_assert_null (gk_table_page_get_chart_view (GK_TABLE_PAGE (page)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gk_table_page_get_chart_toggle (GK_TABLE_PAGE (page)))));
  g_assert_finalize_object (page);
}

static void
test_toggle_follows_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page;
  GtkWidget *other;
  GtkToggleButton *toggle;

  g_settings_reset (settings, "show-table-chart");
  page = new_page (document, "expenditure");
  toggle = gk_table_page_get_chart_toggle (GK_TABLE_PAGE (page));
  g_assert_true (chart_shown (page));

  /* The toggle hides the chart and the setting remembers it. */
  gtk_toggle_button_set_active (toggle, FALSE);
  g_assert_false (chart_shown (page));
  g_assert_false (g_settings_get_boolean (settings, "show-table-chart"));

  /* A page made later starts as the setting says. */
  other = new_page (document, "basic-expenditure");
  g_assert_false (gtk_toggle_button_get_active (gk_table_page_get_chart_toggle (GK_TABLE_PAGE (other))));
  g_assert_false (chart_shown (other));

  /* Turning it back on, anywhere, shows it on every page. */
  g_settings_set_boolean (settings, "show-table-chart", TRUE);
  g_assert_true (gtk_toggle_button_get_active (toggle));
  g_assert_true (chart_shown (page));
  g_assert_true (chart_shown (other));

  g_assert_finalize_object (page);
  g_assert_finalize_object (other);
}

typedef struct
{
  GtkWidget *view;
  GtkWidget *scroller;
  GtkWidget *paned;
  int        paned_height;  /* before a resize */
} ChartPane;

/* The chart has its own height, at most a third of the pane's: the table
 * keeps 15 rows in view at 1280x800 (test-table-scroll). */
static int
chart_pane_expected (ChartPane *pane)
{
  return MIN (gk_chart_get_natural_height (gk_chart_view_get_chart (GK_CHART_VIEW (pane->view)),
                                           gtk_widget_get_width (pane->view)),
              gtk_widget_get_height (pane->paned) / 3);
}

static gboolean
chart_pane_split (gpointer data)
{
  ChartPane *pane = data;

  return gtk_widget_get_mapped (pane->view) && chart_pane_expected (pane) > 0 &&
         ABS (gtk_widget_get_height (pane->scroller) - chart_pane_expected (pane)) <= 8;
}

static gboolean
chart_pane_split_lower (gpointer data)
{
  ChartPane *pane = data;

  return gtk_widget_get_height (pane->paned) < pane->paned_height && chart_pane_split (pane);
}

/* In a window at the smallest width, the chart takes a bounded height
 * under the table and the table keeps the rest. */
static void
test_chart_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = gk_table_pages_create (document, gk_document_get_table (document, "expenditure"));
  GtkWidget *view = gk_table_page_get_chart_view (GK_TABLE_PAGE (page));
  GtkWidget *column_view = GTK_WIDGET (gk_table_page_get_column_view (GK_TABLE_PAGE (page)));
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *paned = gtk_widget_get_ancestor (view, GTK_TYPE_PANED);
  ChartPane pane = { view, scroller, paned, 0 };
  graphene_point_t chart_top, table_top;
  int expected;

  g_settings_reset (settings, "show-table-chart");
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (chart_pane_split, &pane);

  g_assert_true (gtk_widget_get_mapped (view));
  /* 表三's donut whole where the page is high enough; never more than a
   * third of the pane (give or take its divider). */
  expected = chart_pane_expected (&pane);
  g_assert_cmpint (gk_chart_get_natural_height (gk_chart_view_get_chart (GK_CHART_VIEW (view)),
                                                gtk_widget_get_width (view)), ==, 306);
  g_assert_cmpint (expected, <=, 306);
  g_assert_cmpint (ABS (gtk_widget_get_height (scroller) - expected), <=, 8);

  /* A third of a low page at most. */
  pane.paned_height = gtk_widget_get_height (paned);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 500);
  gk_test_iterate_until (chart_pane_split_lower, &pane);
  g_assert_cmpint (gtk_widget_get_height (scroller), <=, gtk_widget_get_height (paned) / 3 + 8);
  g_assert_cmpint (gtk_widget_get_height (scroller), <, 280);
  g_assert_true (gtk_widget_compute_point (scroller, page, &GRAPHENE_POINT_INIT (0, 0), &chart_top));
  g_assert_true (gtk_widget_compute_point (column_view, page, &GRAPHENE_POINT_INIT (0, 0), &table_top));
  g_assert_cmpfloat (chart_top.y, >, table_top.y + 100);

  g_settings_set_boolean (settings, "show-table-chart", FALSE);
  gk_test_iterate_until (gk_test_is_unmapped, view);
  g_assert_false (gtk_widget_get_mapped (view));

  gk_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/table-chart/create-destroy", test_create_destroy);
  g_test_add_func ("/table-chart/table-3", test_chart_on_table_3);
  g_test_add_func ("/table-chart/which-tables", test_tables_with_and_without_chart);
  g_test_add_func ("/table-chart/toggle", test_toggle_follows_setting);
  g_test_add_func ("/table-chart/size", test_chart_size);

  return g_test_run ();
}
