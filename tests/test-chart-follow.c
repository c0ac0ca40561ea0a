/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "gk-chart-data.h"
#include "gk-chart-view.h"
#include "gk-document-io.h"
#include "gk-table-unit.h"

#include "gk-test-common.h"

/* A chart view follows the edits while it is in sight, catches up when it
 * comes back into sight, and leaves its chart as it was after an edit
 * that does not concern it. The figures are compared with the model's,
 * worked out here the long way. */

#define N_ADDED 30

static GkDocument *
document_with_projects (void)
{
  GkDocument *document = gk_test_load_sample ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = NULL;

  for (guint i = 0; i < N_ADDED; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("测试项目%02u", i));
      g_ptr_array_add (codes, (gpointer) "2010399");
    }
  added = gk_document_add_projects (document, (const char * const *) names->pdata,
                                    (const char * const *) codes->pdata, N_ADDED);
  g_assert_cmpuint (added->len, ==, N_ADDED);
  return document;
}

static GkProject *
project_at (GkDocument *document,
            guint       index)
{
  g_autoptr(GkProject) project = g_list_model_get_item (gk_document_get_projects (document), index);

  g_assert_nonnull (project);
  return project;
}

static void
set_project_amount (GkDocument *document,
                    GkProject  *project,
                    const char *text)
{
  GkRow *row = gk_project_get_row (project);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_set_amount_text (document, row,
                                              gk_table_column_index (gk_row_get_table (row), "e302"),
                                              text, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GkProject *project;
  GkAmount   value;
  guint      order;
} Expected;

static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  const Expected *x = a, *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

/* The projects chart as it should be: every project's 合计 in 表七's
 * unit, the largest ten by name and the rest as one. */
static void
assert_projects_chart (GkDocument *document,
                       GkChart    *chart)
{
  GListModel *projects = gk_document_get_projects (document);
  GkTable *table = gk_document_get_projects_table (document);
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (Expected));
  guint keep;
  GkAmount rest = 0, sum = 0;

  g_assert_nonnull (chart);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      Expected e = { project, 0, i };

      g_assert_true (gk_table_amount_to_shown (table, document, gk_project_get_total (project), &e.value, NULL));
      if (e.value > 0)
        g_array_append_val (expected, e);
    }
  g_array_sort (expected, compare_expected);
  keep = expected->len <= 11 ? expected->len : 10;
  g_assert_cmpuint (gk_chart_get_n_items (chart), ==, keep + (expected->len > keep ? 1 : 0));
  for (guint i = 0; i < keep; i++)
    {
      const Expected *e = &g_array_index (expected, Expected, i);

      g_assert_cmpint (gk_chart_get_item_value (chart, i), ==, e->value);
      g_assert_cmpstr (gk_chart_get_item_label (chart, i), ==, gk_project_get_name (e->project));
    }
  for (guint i = keep; i < expected->len; i++)
    rest += g_array_index (expected, Expected, i).value;
  if (expected->len > keep)
    {
      g_autofree char *label = g_strdup_printf ("其他（%u 个项目）", expected->len - keep);

      g_assert_cmpint (gk_chart_get_item_value (chart, keep), ==, rest);
      g_assert_cmpstr (gk_chart_get_item_label (chart, keep), ==, label);
    }
  /* The bars add up to 表七's 合计. */
  for (guint i = 0; i < gk_chart_get_n_items (chart); i++)
    sum += gk_chart_get_item_value (chart, i);
  g_assert_cmpint (sum, ==, gk_chart_get_total (chart));
}

static GtkWidget *
show_view (GkDocument *document,
           const char *chart_id,
           GtkWidget **view_out)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = gk_chart_view_new (document, chart_id);

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 500);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (gk_test_is_mapped, view);
  *view_out = view;
  return window;
}

/* Edits made while the chart was out of sight leave it alone; shown, it
 * draws the figures as they are. */
static void
test_hidden_chart_catches_up (void)
{
  g_autoptr(GkDocument) document = document_with_projects ();
  GtkWidget *view;
  GtkWidget *window = show_view (document, GK_CHART_PROJECTS, &view);
  GkChart *before = gk_chart_view_get_chart (GK_CHART_VIEW (view));

  assert_projects_chart (document, before);
  gtk_widget_set_visible (view, FALSE);
  gk_test_iterate_until (gk_test_is_unmapped, view);

  for (guint i = 0; i < N_ADDED; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u.%02u", (i * 37) % 101 + 1, i);
      set_project_amount (document, project_at (document, 6 + i), text);
    }
  /* Out of sight: not built again. */
  g_assert_true (gk_chart_view_get_chart (GK_CHART_VIEW (view)) == before);
  g_assert_false (gk_chart_view_is_current (GK_CHART_VIEW (view)));

  gtk_widget_set_visible (view, TRUE);
  gk_test_iterate_until (gk_test_is_mapped, view);
  g_assert_true (gk_chart_view_is_current (GK_CHART_VIEW (view)));
  g_assert_true (gk_chart_view_get_chart (GK_CHART_VIEW (view)) != before);
  assert_projects_chart (document, gk_chart_view_get_chart (GK_CHART_VIEW (view)));

  gk_test_destroy_window (window);
}

/* In sight, an edit of a charted figure updates the chart, also after
 * undo, a project removed, and its total gone to nothing; an edit of what
 * the chart does not show leaves the same chart. */
static void
test_edit_updates_series (void)
{
  g_autoptr(GkDocument) document = document_with_projects ();
  GListModel *projects = gk_document_get_projects (document);
  GtkWidget *view;
  GtkWidget *window;
  GkChart *chart;
  GkProject *last, *first;

  for (guint i = 0; i < N_ADDED; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u.00", i + 1);
      set_project_amount (document, project_at (document, 6 + i), text);
    }
  window = show_view (document, GK_CHART_PROJECTS, &view);
  assert_projects_chart (document, gk_chart_view_get_chart (GK_CHART_VIEW (view)));

  /* The smallest becomes the largest: first bar. */
  first = project_at (document, 6);
  set_project_amount (document, first, "100000.00");
  chart = gk_chart_view_get_chart (GK_CHART_VIEW (view));
  assert_projects_chart (document, chart);
  g_assert_cmpstr (gk_chart_get_item_label (chart, 0), ==, "测试项目00");

  /* A name among the bars changes the chart… */
  gk_document_set_text (document, first, "name", "改名项目");
  g_assert_true (gk_chart_view_get_chart (GK_CHART_VIEW (view)) != chart);
  chart = gk_chart_view_get_chart (GK_CHART_VIEW (view));
  g_assert_cmpstr (gk_chart_get_item_label (chart, 0), ==, "改名项目");

  /* …one inside 其他 does not, nor does a text of the project. */
  last = project_at (document, 7);
  gk_document_set_text (document, last, "name", "不在图上的项目");
  gk_document_set_text (document, last, "goal", "别的目标");
  g_assert_true (gk_chart_view_get_chart (GK_CHART_VIEW (view)) == chart);

  /* A figure that moves the rest only. */
  set_project_amount (document, last, "3.50");
  g_assert_true (gk_chart_view_get_chart (GK_CHART_VIEW (view)) != chart);
  assert_projects_chart (document, gk_chart_view_get_chart (GK_CHART_VIEW (view)));

  g_assert_true (gk_document_undo (document));
  assert_projects_chart (document, gk_chart_view_get_chart (GK_CHART_VIEW (view)));
  g_assert_true (gk_document_undo (document));
  assert_projects_chart (document, gk_chart_view_get_chart (GK_CHART_VIEW (view)));

  /* A project taken out and one whose total is gone. */
  gk_document_list_remove (document, projects, 6);
  assert_projects_chart (document, gk_chart_view_get_chart (GK_CHART_VIEW (view)));
  set_project_amount (document, project_at (document, 10), "");
  assert_projects_chart (document, gk_chart_view_get_chart (GK_CHART_VIEW (view)));
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  assert_projects_chart (document, gk_chart_view_get_chart (GK_CHART_VIEW (view)));

  gk_test_destroy_window (window);
}

/* The value of the item of @chart for the 类 @row, which must have one. */
static GkAmount
item_of (GkChart *chart,
         GkRow   *row)
{
  for (guint i = 0; i < gk_chart_get_n_items (chart); i++)
    if (g_strcmp0 (gk_chart_get_item_label (chart, i), gk_row_get_name (row)) == 0)
      return gk_chart_get_item_value (chart, i);
  g_error ("no item for %s", gk_row_get_name (row));
}

/* A chart of tables, hidden while 表三 changes, shows 表三's 类 totals
 * once shown again. */
static void
test_hidden_table_chart (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTable *table = gk_document_get_table (document, "expenditure");
  int total = gk_table_column_index (table, "total");
  int basic = gk_table_column_index (table, "basic");
  GListModel *roots = gk_table_get_roots (table);
  GtkWidget *view;
  GtkWidget *window = show_view (document, GK_CHART_FUNCTION_CLASSES, &view);
  GkChart *before = gk_chart_view_get_chart (GK_CHART_VIEW (view));
  g_autoptr(GkRow) class_row = NULL;
  g_autoptr(GkRow) leaf = NULL;
  g_autoptr(GError) error = NULL;
  GkChart *chart;
  GkAmount old_value, value = 0;

  for (guint i = 0; class_row == NULL || gk_row_get_kind (class_row) != GK_ROW_KIND_CLASS; i++)
    {
      g_clear_object (&class_row);
      class_row = g_list_model_get_item (roots, i);
      g_assert_nonnull (class_row);
    }
  old_value = item_of (before, class_row);
  leaf = g_object_ref (class_row);
  while (g_list_model_get_n_items (gk_row_get_children (leaf)) > 0)
    {
      GkRow *child = g_list_model_get_item (gk_row_get_children (leaf), 0);

      g_object_unref (leaf);
      leaf = child;
    }

  gtk_widget_set_visible (view, FALSE);
  gk_test_iterate_until (gk_test_is_unmapped, view);
  /* 1 000 more on a leaf of the 类. */
  gk_row_get_amount (leaf, basic, &value);
  value += 100000;
  g_assert_true (gk_document_set_amount (document, leaf, basic, &value, &error));
  g_assert_no_error (error);
  g_assert_true (gk_chart_view_get_chart (GK_CHART_VIEW (view)) == before);

  gtk_widget_set_visible (view, TRUE);
  gk_test_iterate_until (gk_test_is_mapped, view);
  chart = gk_chart_view_get_chart (GK_CHART_VIEW (view));
  g_assert_true (chart != before);
  g_assert_cmpint (item_of (chart, class_row), ==, old_value + 100000);
  /* Every segment of a 类 is its 合计 as the table has it. */
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (roots, i);

      value = 0;
      if (gk_row_get_kind (row) != GK_ROW_KIND_CLASS || !gk_row_get_amount (row, total, &value) || value <= 0)
        continue;
      for (guint k = 0; k < gk_chart_get_n_items (chart); k++)
        if (g_strcmp0 (gk_chart_get_item_label (chart, k), gk_row_get_name (row)) == 0)
          g_assert_cmpint (gk_chart_get_item_value (chart, k), ==, value);
    }

  gk_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/chart-follow/hidden-catches-up", test_hidden_chart_catches_up);
  g_test_add_func ("/chart-follow/edit-updates-series", test_edit_updates_series);
  g_test_add_func ("/chart-follow/hidden-table-chart", test_hidden_table_chart);
  return g_test_run ();
}
