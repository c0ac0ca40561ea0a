/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-application.h"
#include "gk-checks-page.h"
#include "gk-finding-row.h"
#include "gk-document-io.h"
#include "gk-table-page.h"
#include "gk-window-private.h"

#define GK_TEST_DEADLINE_SECONDS 5
#include "gk-test-common.h"

/* 审核: the findings of the window's checker, their count in the sidebar,
 * and going from a finding to the cell it involves. */

/* The cell's tooltip, as GTK would show it on hover; valid until the next call. */
static const char *
tooltip_of (GkTableCell *cell)
{
  static char *last = NULL;

  g_free (last);
  last = gk_table_cell_dup_tooltip (cell);
  return last;
}

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
set_cell (GkDocument *document,
          const char *table_id,
          const char *code,
          const char *column,
          const char *text)
{
  GkTable *table = gk_document_get_table (document, table_id);
  g_autoptr(GError) error = NULL;

  gk_document_set_amount_text (document, gk_table_lookup (table, code),
                               gk_table_column_index (table, column), text, &error);
  g_assert_no_error (error);
}

static void
test_create_destroy (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);
  GkChecker *checker = gk_checker_new (document);
  GtkWidget *page = g_object_ref_sink (gk_checks_page_new (checker));

  g_assert_true (gk_checks_page_get_checker (GK_CHECKS_PAGE (page)) == checker);
  g_assert_finalize_object (page);
  g_assert_finalize_object (checker);
}

static void
test_describe_place (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkPlace) cell = gk_place_new ("expenditure", "2010301", "basic");
  g_autoptr(GkPlace) total = gk_place_new ("expenditure", "total", "total");
  g_autoptr(GkPlace) text = gk_place_new ("overview", "staff", NULL);
  g_autofree char *cell_text = gk_checks_page_describe_place (document, cell);
  g_autofree char *total_text = gk_checks_page_describe_place (document, total);
  g_autofree char *text_text = gk_checks_page_describe_place (document, text);

  /* In the words of the document, not the file's identifiers. */
  g_assert_true (g_str_has_prefix (cell_text, "表三 · 2010301 "));
  g_assert_nonnull (strstr (cell_text, "行政运行"));
  g_assert_true (g_str_has_suffix (cell_text, " · 基本支出"));
  g_assert_true (g_str_has_prefix (total_text, "表三 · 合计 · "));
  g_assert_null (strstr (text_text, "staff"));
}

/* The window -------------------------------------------------------------- */

typedef struct
{
  GkWindow     *window;
  GkDocument   *document;
  GkChecksPage *page;
} Fixture;

static GtkListBoxRow *
row_involving (GkChecksPage *page,
               const char   *part,
               const char   *row,
               const char   *column)
{
  GtkListBox *list = gk_checks_page_get_list (page);
  GtkListBoxRow *list_row;

  for (guint i = 0; (list_row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GkFinding *finding = gk_finding_row_get_finding (GK_FINDING_ROW (list_row));

      if (gk_finding_involves (finding, part, row, column) &&
          g_str_equal (gk_finding_get_place (finding, 0)->part, part))
        return list_row;
    }
  return NULL;
}

typedef struct
{
  GkTablePage *page;
  GkRow       *row;
  guint        column;
} CellRef;

static gboolean
focus_is_at (gpointer data)
{
  CellRef *ref = data;
  GkTableCell *cell = gk_table_page_get_focus_cell (ref->page);

  return cell != NULL && gk_table_cell_get_row (cell) == ref->row &&
         gk_table_cell_get_column (cell) == ref->column;
}

static gboolean
checker_involves (GkChecker  *checker,
                  const char *part,
                  const char *row,
                  const char *column)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (gk_finding_involves (finding, part, row, column))
        return TRUE;
    }
  return FALSE;
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
widget_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static void
findings_and_navigation (Fixture *fixture)
{
  GkChecker *checker = gk_window_get_checker (fixture->window);
  GtkListBox *list = gk_checks_page_get_list (fixture->page);
  GtkWidget *header;
  GtkListBoxRow *row;
  GkTable *t5 = gk_document_get_table (fixture->document, "general-expenditure");
  GkTableCell *cell;
  CellRef ref;
  guint n_rows = 0;

  g_assert_true (gk_checks_page_get_checker (fixture->page) == checker);

  /* The sample, as published, passes every check. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checker)), ==, 0);
  g_assert_true (gk_checks_page_is_empty (fixture->page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window->checks_count)));

  /* 表三 no longer matches 表二 for 2010301, nor 表一, nor 表五, whose
   * row is typed over (it would follow 表三 otherwise) … one action. */
  gk_document_begin_action (fixture->document, "test");
  set_cell (fixture->document, "general-expenditure", "2010301", "basic", "265.07");
  set_cell (fixture->document, "expenditure", "2010301", "basic", "1.00");
  gk_document_end_action (fixture->document);
  iterate (20);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), >, 0);
  g_assert_false (gk_checks_page_is_empty (fixture->page));
  while (gtk_list_box_get_row_at_index (list, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (G_LIST_MODEL (checker)));

  /* The sidebar counts the errors. */
  {
    g_autofree char *count = g_strdup_printf ("%u", gk_checker_get_n_errors (checker));

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window->checks_count)));
    g_assert_cmpstr (gtk_label_get_text (fixture->window->checks_count), ==, count);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window->checks_count), "error"));
  }

  /* The first finding opens the errors, under its table's heading. */
  header = gtk_list_box_row_get_header (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (header);
  g_assert_true (gtk_widget_has_css_class (header, "gk-checks-header"));

  /* Activating a finding goes to the table of its first place and focuses
   * the cell there: 表五 spends more than 表三 on 2010301. */
  row = row_involving (fixture->page, "general-expenditure", "2010301", "basic");
  g_assert_nonnull (row);
  gk_window_set_selected_page (fixture->window, "checks");
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpstr (gk_window_get_selected_page (fixture->window), ==, "general-expenditure");
  ref.page = GK_TABLE_PAGE (gk_window_get_page (fixture->window, "general-expenditure"));
  ref.row = gk_table_lookup (t5, "2010301");
  ref.column = gk_table_column_index (t5, "basic");
  gk_test_iterate_until (focus_is_at, &ref);

  /* The cell is marked, and its tooltip says why. */
  cell = gk_table_page_get_focus_cell (ref.page);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "finding"));
  g_assert_nonnull (strstr (tooltip_of (cell),
                            gk_finding_get_message (gk_finding_row_get_finding (GK_FINDING_ROW (row)))));

  /* Undone, the document passes again and the page says so. */
  g_assert_true (gk_document_undo (fixture->document));
  iterate (20);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "finding"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checker)), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (gk_checks_page_is_empty (fixture->page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window->checks_count)));

  /* A finding that comes, or goes, while a table is not shown marks the
   * cell it involves there, or no longer does, once the table is shown
   * again, though the cell's own row did not change: 表三's 2010301,
   * which 表五 spends more than. */
  {
    GkTable *t3 = gk_document_get_table (fixture->document, "expenditure");
    CellRef ref3 = { GK_TABLE_PAGE (gk_window_get_page (fixture->window, "expenditure")),
                     gk_table_lookup (t3, "2010301"), gk_table_column_index (t3, "basic") };
    GkTableCell *cell3;

    gk_window_set_selected_page (fixture->window, "expenditure");
    gk_table_page_focus_cell (ref3.page, ref3.row, ref3.column);
    gk_test_iterate_until (focus_is_at, &ref3);
    cell3 = gk_table_page_get_focus_cell (ref3.page);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell3), "finding"));

    gk_window_set_selected_page (fixture->window, "checks");
    gk_test_iterate_until (widget_unmapped, cell3);
    set_cell (fixture->document, "general-expenditure", "2010301", "basic", "99999.00");
    iterate (20);
    g_assert_true (checker_involves (checker, "expenditure", "2010301", "basic"));
    gk_window_set_selected_page (fixture->window, "expenditure");
    gk_test_iterate_until (widget_mapped, cell3);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell3), "finding"));

    gk_window_set_selected_page (fixture->window, "checks");
    gk_test_iterate_until (widget_unmapped, cell3);
    g_assert_true (gk_document_undo (fixture->document));
    iterate (20);
    g_assert_false (checker_involves (checker, "expenditure", "2010301", "basic"));
    gk_window_set_selected_page (fixture->window, "expenditure");
    gk_test_iterate_until (widget_mapped, cell3);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell3), "finding"));
  }
}

static void
text_findings (Fixture *fixture)
{
  GkChecker *checker = gk_window_get_checker (fixture->window);
  GkOverview *overview = gk_document_get_overview (fixture->document);
  GtkListBoxRow *row;

  /* A warning alone is counted as a warning. */
  gk_document_set_text (fixture->document, overview, "functions", "主要职能XX。");
  iterate (20);
  if (gk_checker_get_n_errors (checker) == 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", gk_checker_get_n_warnings (checker));

      g_assert_cmpuint (gk_checker_get_n_warnings (checker), >, 0);
      g_assert_cmpstr (gtk_label_get_text (fixture->window->checks_count), ==, count);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window->checks_count), "warning"));
    }
  row = gtk_list_box_get_row_at_index (gk_checks_page_get_list (fixture->page), 0);
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpstr (gk_window_get_selected_page (fixture->window), ==, "overview");
}

typedef void (*WindowTestFunc) (Fixture *fixture);

static void
activated (GApplication *app,
           gpointer      user_data)
{
  WindowTestFunc func = user_data;
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  Fixture fixture = { 0 };

  fixture.window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  fixture.document = document;
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1100, 700);
  gk_window_set_document (fixture.window, document, NULL);
  gk_window_set_selected_page (fixture.window, "checks");
  fixture.page = GK_CHECKS_PAGE (gk_window_get_page (fixture.window, "checks"));
  g_assert_true (GK_IS_CHECKS_PAGE (fixture.page));
  iterate (100);

  func (&fixture);

  g_object_ref (fixture.window);
  gtk_window_destroy (GTK_WINDOW (fixture.window));
  iterate (100);
  g_assert_finalize_object (fixture.window);
}

static void
run_window_test (gconstpointer data)
{
  gk_test_run_app (G_CALLBACK (activated), (gpointer) data);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/checks-page/create-destroy", test_create_destroy);
  g_test_add_func ("/checks-page/describe-place", test_describe_place);
  g_test_add_data_func ("/checks-page/findings", findings_and_navigation, run_window_test);
  g_test_add_data_func ("/checks-page/text-findings", text_findings, run_window_test);

  return g_test_run ();
}
