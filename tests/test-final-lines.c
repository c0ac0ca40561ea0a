/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gk-application.h"
#include "gk-document-io.h"
#include "gk-table-cell.h"
#include "gk-table-page.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* A 决算 summary's entered lines (年初结转和结余, 结余分配) are typed into
 * in the window like any entered cell, on either side of the summary; a
 * 预算 summary stays all computed. */

#define FINAL_SAMPLE "tests/data/final/zhashui-county-audit-bureau-2020-final.gongkai"
#define LEGEND "Cells on a tinted ground are typed in; figures in grey are computed."
#define BANNER "Nothing in this table is typed in"

static GkDocument *
load_final (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), FINAL_SAMPLE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shown (GtkWidget  *page,
       const char *prefix)
{
  GtkWidget *label = find_label (page, prefix);

  return label != NULL && gtk_widget_is_visible (label);
}

static GkTablePage *
open_page (GkWindow   *window,
           const char *table_id)
{
  GkTablePage *page;

  gk_window_set_selected_page (window, table_id);
  page = GK_TABLE_PAGE (gk_window_get_page (window, table_id));
  g_assert_true (GK_IS_TABLE_PAGE (page));
  gk_test_iterate_until (gk_test_is_mapped, page);
  gk_test_iterate_idle ();
  return page;
}

typedef struct
{
  GkTablePage *page;
  GkRow       *row;
} FocusAt;

static gboolean
focus_is_at (gpointer data)
{
  FocusAt *at = data;
  GkTableCell *cell = gk_table_page_get_focus_cell (at->page);

  return cell != NULL && gk_table_cell_get_row (cell) == at->row && gk_table_cell_get_column (cell) == 0;
}

static GkTableCell *
focus_line (GkTablePage *page,
            GkRow       *row)
{
  FocusAt at = { page, row };

  g_assert_true (gk_table_page_focus_cell (page, row, 0));
  /* The cell focused is the row's, on its side of the summary. */
  gk_test_iterate_until (focus_is_at, &at);
  gk_test_iterate_idle ();
  gk_test_iterate_until (focus_is_at, &at);
  return gk_table_page_get_focus_cell (page);
}

static void
type_into (GkTableCell *cell,
           const char  *text)
{
  GtkEditable *editable;

  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.edit", NULL);
  editable = gk_table_cell_get_editable (cell);
  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
  g_signal_emit_by_name (editable, "activate");
}

static void
final_activated (GApplication *app,
                 gpointer      user_data)
{
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autoptr(GkDocument) document = load_final ();
  GkTable *table = gk_document_get_table (document, "final-fiscal-summary");
  GkRow *opening = gk_table_lookup_line (table, "opening-general");
  GkRow *total = gk_table_lookup_line (table, "grand-total");
  GkRow *income = gk_table_lookup_line (table, "income-total");
  GkTablePage *page;
  GkTableCell *cell;
  GkAmount amount = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, NULL);
  page = open_page (window, "final-fiscal-summary");

  /* The page says what is typed in, not that nothing is. */
  g_assert_true (shown (GTK_WIDGET (page), LEGEND));
  g_assert_false (shown (GTK_WIDGET (page), BANNER));

  g_assert_true (gk_table_cell_takes_figure (opening, 0));
  g_assert_false (gk_table_cell_takes_figure (total, 0));
  g_assert_false (gk_table_cell_takes_figure (income, 0));
  g_assert_false (gk_table_page_focus_cell (page, total, 0));
  g_assert_cmpint (gk_row_get_value (opening, 0), ==, 560);
  g_assert_cmpint (gk_row_get_value (total, 0), ==, 29960);

  cell = focus_line (page, opening);
  g_assert_true (gk_table_cell_is_entered (cell));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "gk-entered"));

  /* A bad figure is refused with a reason and changes nothing. */
  type_into (cell, "12x");
  g_assert_nonnull (gk_table_cell_get_error (cell));
  g_assert_true (gk_table_cell_is_editing (cell));
  g_assert_cmpint (gk_row_get_value (opening, 0), ==, 560);
  g_assert_true (gk_table_cell_stop_editing (cell, FALSE));

  cell = focus_line (page, opening);
  type_into (cell, "10.00");
  g_assert_false (gk_table_cell_is_editing (cell));
  g_assert_true (gk_table_get_line_figure (table, "opening-general", "total", &amount));
  g_assert_cmpint (amount, ==, 1000);
  g_assert_cmpint (gk_row_get_value (opening, 0), ==, 1000);
  g_assert_cmpint (gk_row_get_value (total, 0), ==, 29960 - 560 + 1000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gk_test_iterate_idle ();
  g_assert_cmpint (gk_row_get_value (opening, 0), ==, 560);
  g_assert_cmpint (gk_row_get_value (total, 0), ==, 29960);

  gk_test_destroy_window (window);
}

static void
test_final_summary (void)
{
  gk_test_run_app (G_CALLBACK (final_activated), NULL);
}

static gboolean
window_saved (gpointer data)
{
  return !gk_window_get_modified (data);
}

/* 结余分配, an entered line on the expenditure side of 收入支出决算总表,
 * is focused and typed into beside the income line it shares a printed
 * line with; saved and opened again, the window shows it, and 年末结转和结余
 * (derived) follows it. */
static void
expenditure_line_activated (GApplication *app,
                            gpointer      user_data)
{
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autofree char *source = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), FINAL_SAMPLE, NULL);
  g_autofree char *dir = g_dir_make_tmp ("gongkai-final-lines-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "final.gongkai", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GkTable *table;
  GkRow *distribution, *closing;
  GkTablePage *page;
  GkTableCell *cell;
  GkAmount amount = 0;

  g_assert_true (g_file_get_contents (source, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  document = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  table = gk_document_get_table (document, "final-summary");
  distribution = gk_table_lookup_line (table, "distribution");
  closing = gk_table_lookup_line (table, "closing");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, file);
  page = open_page (window, "final-summary");

  g_assert_true (gk_table_cell_takes_figure (distribution, 0));
  g_assert_false (gk_table_cell_takes_figure (closing, 0));
  g_assert_false (gk_table_page_focus_cell (page, closing, 0));
  g_assert_cmpint (gk_row_get_value (closing, 0), ==, 430);

  cell = focus_line (page, distribution);
  g_assert_true (gk_table_cell_get_row (cell) == distribution);
  type_into (cell, "1.30");
  g_assert_false (gk_table_cell_is_editing (cell));
  g_assert_true (gk_table_get_line_figure (table, "distribution", "amount", &amount));
  g_assert_cmpint (amount, ==, 130);
  g_assert_cmpint (gk_row_get_value (closing, 0), ==, 300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gk_test_iterate_until (window_saved, window);

  reopened = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  table = gk_document_get_table (reopened, "final-summary");
  distribution = gk_table_lookup_line (table, "distribution");
  g_assert_true (gk_table_get_line_figure (table, "distribution", "amount", &amount));
  g_assert_cmpint (amount, ==, 130);
  g_assert_false (gk_table_get_line_figure (table, "closing", "amount", NULL));
  g_assert_cmpint (gk_row_get_value (gk_table_lookup_line (table, "closing"), 0), ==, 300);
  /* The focused cell goes with the page it is on. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  gk_window_set_document (window, reopened, file);
  page = open_page (window, "final-summary");
  cell = focus_line (page, distribution);
  g_assert_cmpstr (gk_table_cell_get_text (cell), ==, "1.30");

  gk_test_destroy_window (window);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_expenditure_line (void)
{
  gk_test_run_app (G_CALLBACK (expenditure_line_activated), NULL);
}

/* A file written when 表四's 一般公共预算 income was entered keeps a
 * figure unlike 表一's: the cell takes typing, says why it is kept, and
 * cleared, follows 表一 again. */
static void
kept_figure_activated (GApplication *app,
                       gpointer      user_data)
{
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autofree char *source = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), FINAL_SAMPLE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  JsonObject *tables;
  GkTable *table;
  GkRow *general;
  GkTablePage *page;
  GkTableCell *cell;

  g_assert_true (json_parser_load_from_file (parser, source, &error));
  tables = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "tables");
  {
    JsonObject *lines = json_object_get_object_member (json_object_get_object_member (tables, "final-fiscal-summary"), "lines");
    JsonObject *figure = json_object_new ();

    json_object_set_string_member (figure, "total", "296.00");
    json_object_set_object_member (lines, "general", figure);
  }
  text = json_to_string (json_parser_get_root (parser), FALSE);
  document = gk_document_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  table = gk_document_get_table (document, "final-fiscal-summary");
  general = gk_table_lookup_line (table, "general");
  g_assert_cmpint (gk_row_get_value (general, 0), ==, 29600);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, NULL);
  page = open_page (window, "final-fiscal-summary");
  g_assert_true (gk_table_cell_takes_figure (general, 0));
  cell = focus_line (page, general);
  tooltip = gk_table_cell_dup_tooltip (cell);
  g_assert_nonnull (strstr (tooltip, "kept"));
  type_into (cell, "");
  g_assert_false (gk_table_get_line_figure (table, "general", "total", NULL));
  g_assert_cmpint (gk_row_get_value (general, 0), ==, 29400);
  g_assert_false (gk_table_cell_takes_figure (general, 0));

  gk_test_destroy_window (window);
}

static void
test_kept_figure (void)
{
  gk_test_run_app (G_CALLBACK (kept_figure_activated), NULL);
}

static void
budget_activated (GApplication *app,
                  gpointer      user_data)
{
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTable *table = NULL;
  GkTablePage *page;
  GListModel *roots;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, NULL);
  for (guint i = 0; table == NULL && i < gk_document_get_n_tables (document); i++)
    if (gk_table_schema_is_summary (gk_table_get_schema (gk_document_get_table_at (document, i))))
      table = gk_document_get_table_at (document, i);
  g_assert_nonnull (table);
  page = open_page (window, gk_table_get_id (table));

  g_assert_true (shown (GTK_WIDGET (page), BANNER));
  g_assert_false (shown (GTK_WIDGET (page), LEGEND));
  roots = gk_table_get_roots (table);
  g_assert_cmpuint (g_list_model_get_n_items (roots), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (roots, i);

      for (guint c = 0; c < gk_row_get_n_columns (row); c++)
        {
          g_assert_false (gk_table_cell_takes_figure (row, c));
          g_assert_false (gk_table_page_focus_cell (page, row, c));
        }
    }

  gk_test_destroy_window (window);
}

static void
test_budget_summary (void)
{
  gk_test_run_app (G_CALLBACK (budget_activated), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  {
    g_autofree char *data = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/final-lines/final-summary", test_final_summary);
  g_test_add_func ("/final-lines/expenditure-line", test_expenditure_line);
  g_test_add_func ("/final-lines/kept-figure", test_kept_figure);
  g_test_add_func ("/final-lines/budget-summary", test_budget_summary);

  return g_test_run ();
}
