/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "gk-application.h"
#include "gk-document-io.h"
#include "gk-list-editor.h"
#include "gk-list-table-page.h"
#include "gk-overall-page.h"
#include "gk-table-cell.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"
#include "gk-table-pages.h"
#include "gk-text-field.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* The page of the 部门（单位）整体绩效目标表 (jiangxi-2022-town) in a real
 * window: a task, the goal and an indicator typed as a user would, saved
 * and read back. */

typedef struct
{
  GkWindow      *window;
  GkDocument    *document;
  GkOverallPage *page;
  GkTable       *table;
  GFile         *file;
} Fixture;

typedef void (*OverallTestFunc) (Fixture *fixture);

typedef struct
{
  GkListTablePage *page;
  GkRow           *row;
  guint            column;
} TextRef;

static gboolean
text_widget_bound (gpointer data)
{
  TextRef *ref = data;
  return gk_list_table_page_get_text_widget (ref->page, ref->row, ref->column) != NULL;
}

static GtkWidget *
text_widget (Fixture *fixture,
             GkRow   *row,
             guint    column)
{
  TextRef ref = { GK_LIST_TABLE_PAGE (gk_overall_page_get_tasks_page (fixture->page)), row, column };

  gk_test_iterate_until (text_widget_bound, &ref);
  return gk_list_table_page_get_text_widget (ref.page, row, column);
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

static void
type_amount (Fixture    *fixture,
             GkRow      *row,
             const char *column,
             const char *text)
{
  CellRef ref = { GK_TABLE_PAGE (gk_overall_page_get_tasks_page (fixture->page)), row,
                  gk_table_column_index (fixture->table, column) };
  GkTableCell *cell;
  GtkEditable *editable;

  g_assert_true (gk_table_page_focus_cell (ref.page, ref.row, ref.column));
  gk_test_iterate_until (focus_is_at, &ref);
  cell = gk_table_page_get_focus_cell (ref.page);
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.edit", NULL);
  editable = gk_table_cell_get_editable (cell);
  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
  g_signal_emit_by_name (editable, "activate");
}

static GkAmount
amount (GkRow      *row,
        const char *column)
{
  GkAmount value = -1;

  if (!gk_row_get_amount (row, gk_table_column_index (gk_row_get_table (row), column), &value))
    return -1;
  return value;
}

/* The first GkTextField under @widget, depth first. */
static GtkWidget *
first_text_field (GtkWidget *widget)
{
  if (GK_IS_TEXT_FIELD (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_text_field (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_text_field (gpointer data)
{
  return first_text_field (data) != NULL;
}

static GtkStack *
find_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "expenditure") != NULL)
    return GTK_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *stack = find_stack (child);
      if (stack != NULL)
        return stack;
    }
  return NULL;
}

static void
activated (GApplication *app,
           gpointer      user_data)
{
  OverallTestFunc func = user_data;
  g_autoptr(GkDocument) document = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-overall-page-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "jiangxi.gongkai", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  Fixture fixture = { 0 };

  document = gk_document_new_blank_for_template (gk_template_find ("jiangxi-2022-town"), "测试镇人民政府", 2022,
                                                 GK_MONEY_UNIT_WANYUAN);
  fixture.file = g_file_new_for_path (path);
  g_assert_true (gk_document_save (document, fixture.file, NULL, &error));
  g_assert_no_error (error);
  gk_document_mark_saved (document);

  fixture.window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  fixture.document = document;
  fixture.table = gk_document_get_table (document, "overall-performance");
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1200, 900);
  gk_window_set_document (fixture.window, document, fixture.file);
  page = gk_window_get_page (fixture.window, "overall-performance");
  if (page == NULL)
    {
      GtkStack *stack = find_stack (GTK_WIDGET (fixture.window));

      g_assert_nonnull (stack);
      page = gk_table_pages_create (document, fixture.table);
      gk_page_set_checker (GK_PAGE (page), gk_window_get_checker (fixture.window));
      gtk_stack_add_named (stack, page, "overall-performance");
      gtk_stack_set_visible_child (stack, page);
    }
  else
    gk_window_set_selected_page (fixture.window, "overall-performance");
  g_assert_true (GK_IS_OVERALL_PAGE (page));
  fixture.page = GK_OVERALL_PAGE (page);
  gk_test_iterate_until (gk_test_is_mapped, fixture.page);

  func (&fixture);

  gk_test_destroy_window (fixture.window);
  g_remove (path);
  g_rmdir (dir);
  g_object_unref (fixture.file);
}

static gboolean
document_saved (gpointer data)
{
  return !gk_window_get_modified (data);
}

/* A task name and its amount, the goal still being typed, an indicator:
 * saved with Ctrl+S and read back, nothing is lost. */
static void
typed_and_saved (Fixture *fixture)
{
  GtkWidget *tasks = gk_overall_page_get_tasks_page (fixture->page);
  GtkWidget *indicators = gk_overall_page_get_indicator_editor (fixture->page);
  g_autoptr(GkDocument) reopened = NULL;
  g_autoptr(GkIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *name, *editor, *goal, *level1;
  GkTable *table;
  GkRow *row;

  g_assert_true (gtk_widget_activate_action (tasks, "table.add-row", NULL));
  g_assert_cmpuint (gk_table_get_n_entries (fixture->table), ==, 1);
  row = gk_table_get_entry (fixture->table, 0);

  name = text_widget (fixture, row, GK_OVERALL_TEXT_NAME);
  editor = gk_text_field_get_editor (GK_TEXT_FIELD (name));
  gtk_editable_set_text (GTK_EDITABLE (editor), "机关运转");
  g_signal_emit_by_name (editor, "activate");
  g_assert_cmpstr (gk_list_row_get_text (row, GK_OVERALL_TEXT_NAME), ==, "机关运转");
  type_amount (fixture, row, "fiscal", "18.5");
  g_assert_cmpint (amount (gk_table_get_total_row (fixture->table), "total"), ==, 1850);

  /* An indicator, its 一级指标 typed and committed. */
  gk_list_editor_add (GK_LIST_EDITOR (indicators));
  g_assert_cmpuint (g_list_model_get_n_items (gk_table_get_indicators (fixture->table)), ==, 1);
  gk_test_iterate_until (has_text_field, indicators);
  level1 = first_text_field (indicators);
  gtk_editable_set_text (GTK_EDITABLE (gk_text_field_get_editor (GK_TEXT_FIELD (level1))), "产出指标");
  g_assert_true (gk_text_field_commit (GK_TEXT_FIELD (level1)));

  /* The goal typed, not committed, the focus still in it. */
  goal = gk_overall_page_get_goal_field (fixture->page);
  editor = gk_text_field_get_editor (GK_TEXT_FIELD (goal));
  g_assert_true (gtk_widget_grab_focus (editor));
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), "保障机关正常运转。", -1);
  g_assert_cmpstr (gk_table_get_goal (fixture->table), ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  gk_test_iterate_until (document_saved, fixture->window);
  reopened = gk_document_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  table = gk_document_get_table (reopened, "overall-performance");
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 1);
  g_assert_cmpstr (gk_list_row_get_text (gk_table_get_entry (table, 0), GK_OVERALL_TEXT_NAME), ==, "机关运转");
  g_assert_cmpint (amount (gk_table_get_entry (table, 0), "fiscal"), ==, 1850);
  g_assert_cmpint (amount (gk_table_get_total_row (table), "total"), ==, 1850);
  g_assert_cmpstr (gk_table_get_goal (table), ==, "保障机关正常运转。");
  g_assert_cmpuint (g_list_model_get_n_items (gk_table_get_indicators (table)), ==, 1);
  indicator = g_list_model_get_item (gk_table_get_indicators (table), 0);
  g_assert_cmpstr (gk_indicator_get_level1 (indicator), ==, "产出指标");

  /* Undo in the window reaches the goal. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (gk_table_get_goal (fixture->table), ==, "");
}

static void
test_typed_and_saved (void)
{
  gk_test_run_app (G_CALLBACK (activated), typed_and_saved);
}

/* For looking at: GK_SCREENSHOT_STAY=1 keeps the page up, filled. */
static void
screenshot (Fixture *fixture)
{
  static const char * const names[] = { "机关运转保障", "乡村振兴", "安全生产与应急管理" };
  static const char * const amounts[] = { "120.50", "36", "12.8" };
  GListModel *indicators = gk_table_get_indicators (fixture->table);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GkRow *row = gk_document_add_list_row (fixture->document, fixture->table, G_MAXUINT);

      gk_document_set_list_text (fixture->document, row, GK_OVERALL_TEXT_NAME, names[i], NULL);
      gk_document_set_list_text (fixture->document, row, GK_OVERALL_TEXT_CONTENT, "按年度计划完成", NULL);
      gk_document_set_amount_text (fixture->document, row, gk_table_column_index (fixture->table, "fiscal"),
                                   amounts[i], NULL);
    }
  gk_document_set_goal (fixture->document, fixture->table, "保障全镇各项工作正常开展，推进乡村振兴。");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GkIndicator) indicator = gk_indicator_new ("产出指标", i == 0 ? "数量指标" : "质量指标",
                                                           i == 0 ? "完成重点工作" : "群众满意度",
                                                           i == 0 ? "≥10项" : "≥90%");
      gk_document_list_insert (fixture->document, indicators, i, indicator);
    }
  text_widget (fixture, gk_table_get_entry (fixture->table, 2), 0);
  while (g_getenv ("GK_SCREENSHOT_STAY") != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_screenshot (void)
{
  gk_test_run_app (G_CALLBACK (activated), screenshot);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  {
    g_autofree char *data = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  if (g_getenv ("GK_SCREENSHOT_STAY") == NULL)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_unsetenv ("LANGUAGE");
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overall-page/typed-and-saved", test_typed_and_saved);
  g_test_add_func ("/overall-page/screenshot", test_screenshot);

  return g_test_run ();
}
