/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gk-application.h"
#include "gk-chart-data.h"
#include "gk-chart-view.h"
#include "gk-charts-page.h"
#include "gk-document-io.h"
#include "gk-window.h"

#define GK_TEST_DEADLINE_SECONDS 20
#include "gk-test-common.h"

/* 图表: the review charts drawn for a document, their tooltips, their
 * redrawing after an edit, and the window's PDF and Excel export. */

/* Some point of the view where the chart as last drawn has an item, and
 * the tooltip there; NULL when the chart has not been drawn. */
static char *
find_tooltip (GkChartView *view,
              double      *x_out,
              double      *y_out)
{
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));

  for (int y = 0; y < height; y += 4)
    for (int x = 0; x < width; x += 4)
      {
        char *text = gk_chart_view_get_tooltip_at (view, x, y);

        if (text != NULL)
          {
            if (x_out != NULL)
              *x_out = x;
            if (y_out != NULL)
              *y_out = y;
            return text;
          }
      }
  return NULL;
}

static gboolean
view_is_drawn (gpointer data)
{
  g_autofree char *text = find_tooltip (data, NULL, NULL);
  return text != NULL;
}

static void
test_chart_view_create_destroy (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *view = g_object_ref_sink (gk_chart_view_new (document, GK_CHART_FUNCTION_CLASSES));

  g_assert_true (GK_IS_CHART_VIEW (view));
  g_assert_true (gk_chart_view_get_document (GK_CHART_VIEW (view)) == document);
  g_assert_cmpstr (gk_chart_view_get_chart_id (GK_CHART_VIEW (view)), ==, GK_CHART_FUNCTION_CLASSES);
  g_assert_nonnull (gk_chart_view_get_chart (GK_CHART_VIEW (view)));
  /* Nothing is drawn yet, so nothing is under any point. */
  g_assert_null (gk_chart_view_get_tooltip_at (GK_CHART_VIEW (view), 10, 10));
  g_assert_finalize_object (view);
}

static void
test_charts_page_create_destroy (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page = g_object_ref_sink (gk_charts_page_new (document));

  g_assert_true (GK_IS_CHARTS_PAGE (page));
  g_assert_finalize_object (page);
}

/* Every review chart of the sample is on the page and drawn; the grid
 * holds three charts to a line in a wide window and one in a narrow one. */
static void
test_charts_page_draws (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) charts = gk_chart_data_build_all (document);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = gk_charts_page_new (document);
  GtkFlowBox *flow_box = gk_charts_page_get_flow_box (GK_CHARTS_PAGE (page));
  GtkWidget *first = NULL;
  guint n_visible = 0;

  g_assert_cmpuint (charts->len, >=, 6);
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < charts->len; i++)
    {
      const char *id = gk_chart_get_id (charts->pdata[i]);
      GkChartView *view = gk_charts_page_get_chart_view (GK_CHARTS_PAGE (page), id);
      g_autofree char *tooltip = NULL;
      GkChart *chart;

      g_assert_nonnull (view);
      chart = gk_chart_view_get_chart (view);
      g_assert_nonnull (chart);
      g_assert_false (gk_chart_is_empty (chart));
      g_assert_cmpstr (gk_chart_get_title (chart), ==, gk_chart_get_title (charts->pdata[i]));
      g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (view))));

      /* The tooltip comes from the chart as drawn in the window. */
      gk_test_iterate_until (view_is_drawn, view);
      tooltip = find_tooltip (view, NULL, NULL);
      g_assert_nonnull (tooltip);
      if (first == NULL)
        first = GTK_WIDGET (view);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_visible += gtk_widget_get_visible (child);
  g_assert_cmpuint (n_visible, ==, charts->len);

  /* Three columns: the second chart sits beside the first. */
  {
    GtkWidget *second = gtk_widget_get_next_sibling (gtk_widget_get_parent (first));
    graphene_point_t a, b;

    g_assert_true (gtk_widget_compute_point (first, page, &GRAPHENE_POINT_INIT (0, 0), &a));
    g_assert_true (gtk_widget_compute_point (second, page, &GRAPHENE_POINT_INIT (0, 0), &b));
    g_assert_cmpfloat (a.y, ==, b.y);
    g_assert_cmpfloat (b.x, >, a.x);
    g_assert_cmpint (gtk_widget_get_width (first), <, 1500 / 2);
  }

  gk_test_destroy_window (window);
}

/* The tooltip names the item under the pointer, with its amount. */
static void
test_chart_view_tooltip (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gk_chart_view_new (document, GK_CHART_BASIC_PROJECT);
  GkChart *chart = gk_chart_view_get_chart (GK_CHART_VIEW (view));
  g_autofree char *tooltip = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *amount = NULL;
  GtkWidget *popover;
  GkChartHit hit;
  double x, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (view_is_drawn, view);

  tooltip = find_tooltip (GK_CHART_VIEW (view), &x, &y);
  g_assert_true (gk_chart_hit_test (chart, x, y, &hit));
  expected = gk_chart_format_hit (chart, &hit);
  g_assert_cmpstr (tooltip, ==, expected);
  g_assert_nonnull (strstr (tooltip, hit.label));
  amount = gk_amount_format (hit.value);
  g_assert_nonnull (strstr (tooltip, amount));
  /* Outside the window nothing is hit. */
  g_assert_null (gk_chart_view_get_tooltip_at (GK_CHART_VIEW (view), -50, -50));

  /* Shift+F10 opens the menu with Save as PNG… and Save as SVG…. */
  g_assert_true (gtk_widget_activate_action (view, "menu.popup", NULL));
  popover = gtk_widget_get_first_child (view);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  gk_test_iterate_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, popover);
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));

  gk_test_destroy_window (window);
}

/* An entered amount of 表三 changes 基本支出与项目支出, which is drawn anew. */
static void
test_chart_view_redraw_after_edit (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  guint basic = gk_table_column_index (t3, "basic");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gk_chart_view_new (document, GK_CHART_BASIC_PROJECT);
  g_autoptr(GkChart) before = g_object_ref (gk_chart_view_get_chart (GK_CHART_VIEW (view)));
  g_autoptr(GkRow) row = NULL;
  g_autoptr(GError) error = NULL;
  GkAmount old_amount = 0;
  GkAmount new_amount;
  GkTestNotify changed;
  GkChart *after;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (view_is_drawn, view);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (t3)) && row == NULL; i++)
    {
      g_autoptr(GkRow) candidate = g_list_model_get_item (G_LIST_MODEL (t3), i);

      if (gk_row_get_kind (candidate) == GK_ROW_KIND_ITEM && gk_row_is_cell_entered (candidate, basic) &&
          gk_row_get_amount (candidate, basic, &old_amount))
        row = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (row);

  gk_test_notify_watch (&changed, view, "chart");
  new_amount = old_amount + 100000;
  g_assert_true (gk_document_set_amount (document, row, basic, &new_amount, &error));
  g_assert_no_error (error);
  gk_test_iterate_until (gk_test_notified, &changed);

  after = gk_chart_view_get_chart (GK_CHART_VIEW (view));
  g_assert_true (after != before);
  g_assert_cmpint (gk_chart_get_total (after), ==, gk_chart_get_total (before) + 100000);
  /* The new chart has been drawn: its regions answer the pointer. */
  gk_test_iterate_until (view_is_drawn, view);

  changed.count = 0;
  g_assert_true (gk_document_undo (document));
  gk_test_iterate_until (gk_test_notified, &changed);
  g_assert_cmpint (gk_chart_get_total (gk_chart_view_get_chart (GK_CHART_VIEW (view))), ==,
                   gk_chart_get_total (before));
  /* The chart is redrawn once per edit. */
  g_assert_cmpuint (changed.count, ==, 1);

  gk_test_notify_clear (&changed);
  gk_test_destroy_window (window);
}

/* The dark style draws the charts in their dark colours. */
static void
test_chart_view_style (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *view = g_object_ref_sink (gk_chart_view_new (document, GK_CHART_SANGONG));
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (gk_chart_view_get_style (GK_CHART_VIEW (view)), ==, GK_CHART_STYLE_DARK);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (gk_chart_view_get_style (GK_CHART_VIEW (view)), ==, GK_CHART_STYLE_LIGHT);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_finalize_object (view);
}

/* What the context menu's Save as PNG… and Save as SVG… write. */
static void
test_chart_view_save (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *view = g_object_ref_sink (gk_chart_view_new (document, GK_CHART_FUNCTION_CLASSES));
  g_autofree char *dir = g_dir_make_tmp ("gk-charts-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "chart.svg", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (gk_chart_view_save (GK_CHART_VIEW (view), png, GK_CHART_FORMAT_PNG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);

  g_assert_true (gk_chart_view_save (GK_CHART_VIEW (view), svg, GK_CHART_FORMAT_SVG, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  g_unlink (png_path);
  g_unlink (svg_path);
  g_rmdir (dir);
  g_assert_finalize_object (view);
}

/* The window ------------------------------------------------------------------ */

typedef struct
{
  gboolean  done;
  gboolean  success;
  GError   *error;
} ExportResult;

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportResult *r = user_data;

  r->success = gk_window_export_finish (GK_WINDOW (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
export_finished (gpointer data)
{
  return ((ExportResult *) data)->done;
}

static void
close_window (GkWindow *window)
{
  gk_test_destroy_window (window);
}

static void
window_shows_charts (GkApplication *app,
                     GkWindow      *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page;

  gk_window_set_document (window, document, NULL);
  gk_window_set_selected_page (window, "charts");
  page = gk_window_get_page (window, "charts");
  g_assert_true (GK_IS_CHARTS_PAGE (page));
  g_assert_nonnull (gk_charts_page_get_chart_view (GK_CHARTS_PAGE (page), GK_CHART_FUNCTION_CLASSES));
  close_window (window);
}

static void
test_window_charts_page (void)
{
  gk_test_run_window (window_shows_charts);
}

/* Export PDF writes the finished disclosure, typeset in a worker thread
 * while the window goes on running; Export Excel writes the workbook. */
static void
window_exports (GkApplication *app,
                GkWindow      *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gk-export-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "披露.pdf", NULL);
  g_autofree char *xlsx_path = g_build_filename (dir, "披露.xlsx", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
  g_autofree char *argv0 = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  ExportResult result = { 0 };
  const char *pages;
  int status;
  gsize length;

  gk_window_set_document (window, document, NULL);

  gk_window_export_async (window, pdf, GK_WINDOW_EXPORT_PDF, NULL, export_done, &result);
  gk_test_iterate_until (export_finished, &result);
  g_assert_no_error (result.error);
  g_assert_true (result.success);

  g_assert_nonnull (argv0);
  {
    const char *argv[] = { argv0, pdf_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "PDF version"));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), >=, 5);

  result = (ExportResult) { 0 };
  gk_window_export_async (window, xlsx, GK_WINDOW_EXPORT_XLSX, NULL, export_done, &result);
  gk_test_iterate_until (export_finished, &result);
  g_assert_no_error (result.error);
  g_assert_true (result.success);
  g_assert_true (g_file_get_contents (xlsx_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 2, "PK", 2);

  /* A file that cannot be written fails and says so. */
  {
    g_autofree char *bad_path = g_build_filename (dir, "missing", "folder", "x.pdf", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);

    result = (ExportResult) { 0 };
    gk_window_export_async (window, bad, GK_WINDOW_EXPORT_PDF, NULL, export_done, &result);
    gk_test_iterate_until (export_finished, &result);
    g_assert_false (result.success);
    g_assert_nonnull (result.error);
    g_clear_error (&result.error);
  }

  g_unlink (pdf_path);
  g_unlink (xlsx_path);
  g_rmdir (dir);
  /* The error dialog is a window of the application too. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; )
    {
      GtkWindow *other = l->data;

      l = l->next;
      if (other != GTK_WINDOW (window))
        gtk_window_destroy (other);
    }
  close_window (window);
}

static void
test_window_export (void)
{
  gk_test_run_window (window_exports);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/chart-view/create-destroy", test_chart_view_create_destroy);
  g_test_add_func ("/chart-view/tooltip", test_chart_view_tooltip);
  g_test_add_func ("/chart-view/redraw-after-edit", test_chart_view_redraw_after_edit);
  g_test_add_func ("/chart-view/style", test_chart_view_style);
  g_test_add_func ("/chart-view/save", test_chart_view_save);
  g_test_add_func ("/charts-page/create-destroy", test_charts_page_create_destroy);
  g_test_add_func ("/charts-page/draws", test_charts_page_draws);
  g_test_add_func ("/charts-page/window", test_window_charts_page);
  g_test_add_func ("/window/export", test_window_export);

  return g_test_run ();
}
