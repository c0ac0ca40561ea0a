/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gk-chart.h"
#include "gk-chart-data.h"
#include "gk-chart-export.h"
#include "gk-document-io.h"

#include "gk-test-common.h"

static const GkChartStyle styles[] = {
  GK_CHART_STYLE_LIGHT, GK_CHART_STYLE_DARK, GK_CHART_STYLE_PRINT,
};

/* A wide pane, the export width at its natural height, a narrow sidebar
 * chart and a cramped one. */
static const struct {
  int width;
  int height;   /* 0: the chart's natural height */
} sizes[] = {
  { 960, 540 },
  { GK_CHART_EXPORT_WIDTH, 0 },
  { 360, 300 },
  { 300, 180 },
};

static GkDocument *
new_one_row (void)
{
  GkDocument *document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  g_autoptr(GError) error = NULL;
  GkRow *row = gk_document_add_row (document, t3, "2010301", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (row);
  gk_document_set_amount_text (document, row, gk_table_column_index (t3, "basic"), "12.34", &error);
  g_assert_no_error (error);
  return document;
}

/* Amounts 1.00 … 200.00: the ten largest get bars, 190 become 其他. */
static GkDocument *
new_many_projects (void)
{
  GkDocument *document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);
  GkTable *t7 = gk_document_get_table (document, "project-expenditure");
  int column = gk_table_column_index (t7, "e302");

  g_assert_cmpint (column, >=, 0);
  for (guint i = 1; i <= 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("测试项目第%u号：一个名称很长很长需要省略号才能放下的项目", i);
      GkProject *project = gk_document_add_project (document, name, "2010399");
      GkAmount amount = (GkAmount) i * 100;
      g_autoptr(GError) error = NULL;

      gk_document_set_amount (document, gk_project_get_row (project), column, &amount, &error);
      g_assert_no_error (error);
    }
  return document;
}

static GkChart *
find_chart (GPtrArray  *charts,
            const char *id)
{
  for (guint i = 0; i < charts->len; i++)
    if (g_str_equal (gk_chart_get_id (charts->pdata[i]), id))
      return charts->pdata[i];
  return NULL;
}

static void
assert_shares_whole (GkChart *chart)
{
  gint sum = 0;

  if (gk_chart_get_kind (chart) == GK_CHART_KIND_GROUPED)
    {
      for (guint i = 0; i < gk_chart_get_n_items (chart); i++)
        g_assert_cmpint (gk_chart_get_item_share (chart, i), ==, -1);
      return;
    }
  if (gk_chart_get_total (chart) == 0)
    return;
  for (guint i = 0; i < gk_chart_get_n_items (chart); i++)
    {
      gint share = gk_chart_get_item_share (chart, i);
      g_assert_cmpint (share, >=, 0);
      sum += share;
    }
  if (sum != 10000)
    g_error ("chart %s: shares add up to %d basis points, not 10000", gk_chart_get_id (chart), sum);
}

static void
assert_labels_inside (GkChart *chart,
                      int      width,
                      int      height)
{
  const GArray *rects = gk_chart_get_label_rects (chart);

  /* At least the title and the unit. */
  g_assert_cmpuint (rects->len, >=, 2);
  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_t *r = &g_array_index (rects, cairo_rectangle_t, i);

      if (r->x < 0 || r->y < 0 || r->x + r->width > width || r->y + r->height > height)
        g_error ("chart %s at %dx%d: label %u at (%.1f, %.1f) %.1fx%.1f leaves the chart",
                 gk_chart_get_id (chart), width, height, i, r->x, r->y, r->width, r->height);
    }
}

static void
draw_and_check (GkChart      *chart,
                int           width,
                int           height,
                GkChartStyle  style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * 2, height * 2);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, 2, 2);
  gk_chart_draw (chart, cr, width, height, style);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("chart %s: cairo says %s", gk_chart_get_id (chart), cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  assert_labels_inside (chart, width, height);
}

static void
draw_everything (GkDocument *document,
                 guint       expected_charts)
{
  g_autoptr(GPtrArray) charts = gk_chart_data_build_all (document);

  g_assert_cmpuint (charts->len, ==, expected_charts);
  for (guint i = 0; i < charts->len; i++)
    {
      GkChart *chart = charts->pdata[i];

      assert_shares_whole (chart);
      for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
        for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
          {
            int height = sizes[z].height > 0 ? sizes[z].height
                                             : gk_chart_get_natural_height (chart, sizes[z].width);
            draw_and_check (chart, sizes[z].width, height, styles[s]);
          }
    }
}

/* Every item is somewhere under the pointer, with its whole name. */
static void
assert_every_item_hit (GkChart *chart,
                       int      width,
                       int      height)
{
  guint n = gk_chart_get_n_items (chart);
  g_autofree gboolean *seen = g_new0 (gboolean, n);

  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      {
        GkChartHit hit;

        if (!gk_chart_hit_test (chart, x, y, &hit))
          continue;
        g_assert_cmpuint (hit.index, <, n);
        g_assert_cmpstr (hit.label, ==, gk_chart_get_item_label (chart, hit.index));
        g_assert_cmpint (hit.value, ==, gk_chart_get_item_value (chart, hit.index));
        g_assert_cmpint (hit.share, ==, gk_chart_get_item_share (chart, hit.index));
        seen[hit.index] = TRUE;
      }
  for (guint i = 0; i < n; i++)
    if (!seen[i])
      g_error ("chart %s: item %u (%s) is nowhere under the pointer",
               gk_chart_get_id (chart), i, gk_chart_get_item_label (chart, i));
}

static void
test_create_and_destroy (void)
{
  GkChart *chart = gk_chart_new (GK_CHART_KIND_DONUT, "test", "测试", GK_MONEY_UNIT_YUAN);

  gk_chart_add_item (chart, "甲", "201", 100);
  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 1);
  g_assert_cmpint (gk_chart_get_money_unit (chart), ==, GK_MONEY_UNIT_YUAN);
  g_assert_finalize_object (chart);
}

static void
test_shares (void)
{
  g_autoptr(GkChart) chart = gk_chart_new (GK_CHART_KIND_DONUT, "test", "测试", GK_MONEY_UNIT_WANYUAN);

  gk_chart_add_item (chart, "甲", NULL, 100);
  gk_chart_add_item (chart, "乙", NULL, 100);
  gk_chart_add_item (chart, "丙", NULL, 100);
  g_assert_cmpint (gk_chart_get_item_share (chart, 0), ==, 3334);
  g_assert_cmpint (gk_chart_get_item_share (chart, 1), ==, 3333);
  g_assert_cmpint (gk_chart_get_item_share (chart, 2), ==, 3333);

  /* Adding an item recomputes them. */
  gk_chart_add_item (chart, "丁", NULL, 100);
  g_assert_cmpint (gk_chart_get_item_share (chart, 0), ==, 2500);
  g_assert_cmpint (gk_chart_get_total (chart), ==, 400);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_highlight (void)
{
  g_autoptr(GkChart) chart = gk_chart_new (GK_CHART_KIND_BARS, "test", "测试", GK_MONEY_UNIT_WANYUAN);
  guint count = 0;

  g_signal_connect (chart, "notify::highlight", G_CALLBACK (on_notify), &count);
  g_assert_cmpint (gk_chart_get_highlight (chart), ==, -1);
  gk_chart_set_highlight (chart, 2);
  gk_chart_set_highlight (chart, 2);
  g_assert_cmpuint (count, ==, 1);
  gk_chart_set_highlight (chart, -1);
  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpint (gk_chart_get_highlight (chart), ==, -1);
}

static void
test_sample_figures (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) charts = gk_chart_data_build_all (document);
  GkChart *chart;
  GkAmount prior;

  g_assert_cmpuint (charts->len, ==, 9);
  for (guint i = 0; i < charts->len; i++)
    g_assert_cmpstr (gk_chart_get_id (charts->pdata[i]), ==, gk_chart_data_get_ids ()[i]);

  /* 情况说明 五（二）: 94.64% and 5.36%. */
  chart = find_chart (charts, GK_CHART_FUNCTION_CLASSES);
  g_assert_cmpint (gk_chart_get_kind (chart), ==, GK_CHART_KIND_DONUT);
  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 2);
  g_assert_cmpstr (gk_chart_get_item_label (chart, 0), ==, "一般公共服务支出");
  g_assert_cmpint (gk_chart_get_item_value (chart, 0), ==, 33606);
  g_assert_cmpint (gk_chart_get_item_share (chart, 0), ==, 9464);
  g_assert_cmpint (gk_chart_get_item_share (chart, 1), ==, 536);

  /* 284.08 / 355.08 = 80.004%: the seed's 情况说明 三 prints 80.01% and
   * 19.99%, which is wrong. */
  chart = find_chart (charts, GK_CHART_BASIC_PROJECT);
  g_assert_cmpint (gk_chart_get_kind (chart), ==, GK_CHART_KIND_STACKED);
  g_assert_cmpint (gk_chart_get_item_value (chart, 0), ==, 28408);
  g_assert_cmpint (gk_chart_get_item_share (chart, 0), ==, 8000);
  g_assert_cmpint (gk_chart_get_item_share (chart, 1), ==, 2000);

  chart = find_chart (charts, GK_CHART_PERSONNEL_PUBLIC);
  g_assert_cmpstr (gk_chart_get_item_label (chart, 0), ==, "人员经费");
  g_assert_cmpint (gk_chart_get_item_value (chart, 0), ==, 22555);
  g_assert_cmpint (gk_chart_get_item_value (chart, 1), ==, 5853);

  /* 21 款: the ten largest, then the other eleven together. */
  chart = find_chart (charts, GK_CHART_BASIC_ECONOMIC);
  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 11);
  g_assert_cmpstr (gk_chart_get_item_label (chart, 0), ==, "基本工资");
  g_assert_cmpint (gk_chart_get_item_value (chart, 0), ==, 5902);
  g_assert_cmpstr (gk_chart_get_item_label (chart, 10), ==, "其他（11 个科目）");
  g_assert_cmpint (gk_chart_get_total (chart), ==, 28408);

  chart = find_chart (charts, GK_CHART_PROJECTS);
  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 6);
  g_assert_cmpstr (gk_chart_get_item_label (chart, 0), ==, "重点项目督查经费");
  g_assert_cmpint (gk_chart_get_total (chart), ==, 7100);

  /* Last year's 三公 figures exist, so they stand beside this year's. */
  chart = find_chart (charts, GK_CHART_SANGONG);
  g_assert_cmpint (gk_chart_get_kind (chart), ==, GK_CHART_KIND_GROUPED);
  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 4);
  g_assert_cmpstr (gk_chart_get_item_label (chart, 2), ==, "公务用车运行费");
  g_assert_cmpint (gk_chart_get_item_value (chart, 2), ==, 4860);
  g_assert_true (gk_chart_get_item_prior (chart, 2, &prior));
  g_assert_cmpint (prior, ==, 4440);

  chart = find_chart (charts, GK_CHART_INCOME_SOURCES);
  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 1);
  g_assert_cmpstr (gk_chart_get_item_label (chart, 0), ==, "一般公共预算拨款");
  g_assert_cmpint (gk_chart_get_item_share (chart, 0), ==, 10000);

  /* income.fund is 0 against 0 and says nothing. */
  chart = find_chart (charts, GK_CHART_CHANGE_TOTALS);
  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 6);
  g_assert_cmpstr (gk_chart_get_item_label (chart, 0), ==, "一般公共预算拨款");
  g_assert_cmpint (gk_chart_get_item_value (chart, 0), ==, 35508);
  g_assert_true (gk_chart_get_item_prior (chart, 0, &prior));
  g_assert_cmpint (prior, ==, 43422);

  /* Last year's 201 is the sum of its two 项. */
  chart = find_chart (charts, GK_CHART_CHANGE_FUNCTION_CLASSES);
  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 2);
  g_assert_cmpint (gk_chart_get_item_value (chart, 0), ==, 33606);
  g_assert_true (gk_chart_get_item_prior (chart, 0, &prior));
  g_assert_cmpint (prior, ==, 32866 + 7743);
  g_assert_true (gk_chart_get_item_prior (chart, 1, &prior));
  g_assert_cmpint (prior, ==, 2813);
}

static void
test_draw_sample (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();

  draw_everything (document, 9);
}

static void
test_draw_empty (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GPtrArray) charts = gk_chart_data_build_all (document);

  /* Nothing to compare with last year: those charts are left out. */
  g_assert_cmpuint (charts->len, ==, 7);
  g_assert_null (find_chart (charts, GK_CHART_CHANGE_TOTALS));
  for (guint i = 0; i < charts->len; i++)
    {
      GkChart *chart = charts->pdata[i];
      GkChartHit hit;

      g_assert_true (gk_chart_is_empty (chart));
      draw_and_check (chart, 640, 400, GK_CHART_STYLE_LIGHT);
      /* Title, unit and the "no data" line. */
      g_assert_cmpuint (gk_chart_get_label_rects (chart)->len, ==, 3);
      g_assert_false (gk_chart_hit_test (chart, 320, 200, &hit));
    }
  draw_everything (document, 7);
}

static void
test_draw_one_row (void)
{
  g_autoptr(GkDocument) document = new_one_row ();
  g_autoptr(GkChart) chart = gk_chart_data_build (document, GK_CHART_FUNCTION_CLASSES);
  g_autoptr(GkChart) composition = gk_chart_data_build (document, GK_CHART_BASIC_PROJECT);

  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 1);
  g_assert_cmpint (gk_chart_get_item_value (chart, 0), ==, 1234);
  g_assert_cmpint (gk_chart_get_item_share (chart, 0), ==, 10000);
  g_assert_cmpint (gk_chart_get_item_share (composition, 1), ==, 0);
  draw_everything (document, 7);
}

static void
test_draw_many_projects (void)
{
  g_autoptr(GkDocument) document = new_many_projects ();
  g_autoptr(GkChart) chart = gk_chart_data_build (document, GK_CHART_PROJECTS);
  GkAmount rest = 0;

  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, 11);
  g_assert_cmpint (gk_chart_get_item_value (chart, 0), ==, 20000);
  g_assert_cmpint (gk_chart_get_item_value (chart, 9), ==, 19100);
  for (guint i = 1; i <= 190; i++)
    rest += (GkAmount) i * 100;
  g_assert_cmpstr (gk_chart_get_item_label (chart, 10), ==, "其他（190 个项目）");
  g_assert_cmpint (gk_chart_get_item_value (chart, 10), ==, rest);
  g_assert_cmpint (gk_chart_get_total (chart), ==, 200 * 201 / 2 * 100);
  assert_shares_whole (chart);
  draw_everything (document, 7);
}

static void
test_hit_test (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) charts = gk_chart_data_build_all (document);
  GkChart *donut = find_chart (charts, GK_CHART_FUNCTION_CLASSES);
  GkChart *grouped = find_chart (charts, GK_CHART_CHANGE_FUNCTION_CLASSES);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_t *cr = cairo_create (surface);
  GkChartHit hit;
  g_autofree char *text = NULL;
  gboolean found_prior = FALSE;

  for (guint i = 0; i < charts->len; i++)
    {
      gk_chart_draw (charts->pdata[i], cr, 640, 400, GK_CHART_STYLE_LIGHT);
      assert_every_item_hit (charts->pdata[i], 640, 400);
    }

  /* Outside every mark. */
  g_assert_false (gk_chart_hit_test (donut, 2, 2, &hit));

  gk_chart_draw (donut, cr, 640, 400, GK_CHART_STYLE_LIGHT);
  for (int y = 0; y < 400 && text == NULL; y += 2)
    for (int x = 0; x < 640 && text == NULL; x += 2)
      if (gk_chart_hit_test (donut, x, y, &hit) && hit.index == 0)
        text = gk_chart_format_hit (donut, &hit);
  g_assert_cmpstr (text, ==, "一般公共服务支出（201）\n336.06 万元，占 94.64%");
  g_clear_pointer (&text, g_free);

  gk_chart_draw (grouped, cr, 640, 400, GK_CHART_STYLE_DARK);
  for (int y = 0; y < 400 && !found_prior; y += 1)
    if (gk_chart_hit_test (grouped, 400, y, &hit) && hit.index == 0 && hit.prior)
      found_prior = TRUE;
  g_assert_true (found_prior);
  text = gk_chart_format_hit (grouped, &hit);
  g_assert_cmpstr (text, ==,
                   "一般公共服务支出（201）\n"
                   "2020年预算数 336.06 万元\n"
                   "上年执行数 406.09 万元\n"
                   "比上年执行数减少 70.03 万元，下降 17.24%");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static double
title_height (GkChart *chart,
              int      width,
              int      height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double h;

  gk_chart_draw (chart, cr, width, height, GK_CHART_STYLE_LIGHT);
  h = g_array_index (gk_chart_get_label_rects (chart), cairo_rectangle_t, 0).height;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return h;
}

/* At its natural height a chart keeps its full-size type: the type only
 * shrinks when the chart is given less room than it asked for. */
static void
test_natural_height (void)
{
  GkDocument *documents[] = { gk_test_load_sample (), new_many_projects (),
                              gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN) };
  static const int widths[] = { 480, 720, 1200 };

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(GPtrArray) charts = gk_chart_data_build_all (documents[d]);

      for (guint i = 0; i < charts->len; i++)
        for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
          {
            GkChart *chart = charts->pdata[i];
            int natural = gk_chart_get_natural_height (chart, widths[w]);
            double roomy = title_height (chart, widths[w], 4000);
            double fitted = title_height (chart, widths[w], natural);

            if (fitted < roomy)
              g_error ("chart %s at %dx%d, its natural height, shrinks its type",
                       gk_chart_get_id (chart), widths[w], natural);
            /* Given less, it does shrink rather than overflow. */
            g_assert_cmpfloat (title_height (chart, widths[w], natural / 3), <, roomy);
          }
      g_object_unref (documents[d]);
    }
}

/* A name far too long for its column is shortened on the chart and whole
 * in the hit. */
static void
test_ellipsis (void)
{
  g_autoptr(GkChart) chart = gk_chart_new (GK_CHART_KIND_BARS, "test", "很长的名称", GK_MONEY_UNIT_WANYUAN);
  const char *long_name = "单位上年结余（不包括国库集中支付额度结余）以及其他一些很长很长很长的说明文字";
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);
  const GArray *rects;
  GkChartHit hit;
  gboolean found = FALSE;

  gk_chart_add_item (chart, long_name, NULL, 12345);
  gk_chart_add_item (chart, "短", NULL, 100);
  gk_chart_draw (chart, cr, 400, 200, GK_CHART_STYLE_LIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  assert_labels_inside (chart, 400, 200);

  /* Its label is no wider than the column beside the bars. */
  rects = gk_chart_get_label_rects (chart);
  for (guint i = 0; i < rects->len; i++)
    g_assert_cmpfloat (g_array_index (rects, cairo_rectangle_t, i).width, <, 400 * 0.5);

  for (int x = 0; x < 400 && !found; x++)
    for (int y = 0; y < 200 && !found; y++)
      found = gk_chart_hit_test (chart, x, y, &hit) && hit.index == 0;
  g_assert_true (found);
  g_assert_cmpstr (hit.label, ==, long_name);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_export (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("gongkai-charts-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) dir = NULL;

  g_assert_no_error (error);
  path = g_build_filename (tmp, "charts", NULL);
  dir = g_file_new_for_path (path);
  g_assert_true (gk_charts_export (document, dir, &error));
  g_assert_no_error (error);

  for (const char * const *id = gk_chart_data_get_ids (); *id != NULL; id++)
    {
      g_autofree char *png_name = g_strconcat (*id, ".png", NULL);
      g_autofree char *svg_name = g_strconcat (*id, ".svg", NULL);
      g_autofree char *png = g_build_filename (path, png_name, NULL);
      g_autofree char *svg = g_build_filename (path, svg_name, NULL);
      g_autofree char *contents = NULL;
      cairo_surface_t *image = cairo_image_surface_create_from_png (png);

      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 2 * GK_CHART_EXPORT_WIDTH);
      cairo_surface_destroy (image);

      g_assert_true (g_file_get_contents (svg, &contents, NULL, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (contents, "<svg"));
      g_assert_nonnull (strstr (contents, "</svg>"));

      g_remove (png);
      g_remove (svg);
    }
  g_rmdir (path);
  g_rmdir (tmp);
}

static void
test_export_error (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("gongkai-charts-XXXXXX", &error);
  g_autofree char *blocker = g_build_filename (tmp, "not-a-folder", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (blocker);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (blocker, "", 0, &error));
  g_assert_false (gk_charts_export (document, dir, &error));
  g_assert_nonnull (error);
  g_remove (blocker);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/create-and-destroy", test_create_and_destroy);
  g_test_add_func ("/charts/shares", test_shares);
  g_test_add_func ("/charts/highlight", test_highlight);
  g_test_add_func ("/charts/sample-figures", test_sample_figures);
  g_test_add_func ("/charts/draw-sample", test_draw_sample);
  g_test_add_func ("/charts/draw-empty", test_draw_empty);
  g_test_add_func ("/charts/draw-one-row", test_draw_one_row);
  g_test_add_func ("/charts/draw-many-projects", test_draw_many_projects);
  g_test_add_func ("/charts/natural-height", test_natural_height);
  g_test_add_func ("/charts/hit-test", test_hit_test);
  g_test_add_func ("/charts/ellipsis", test_ellipsis);
  g_test_add_func ("/charts/export", test_export);
  g_test_add_func ("/charts/export-error", test_export_error);

  return g_test_run ();
}
