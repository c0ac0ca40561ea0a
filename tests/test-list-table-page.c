/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "gk-application.h"
#include "gk-document-io.h"
#include "gk-list-table-page.h"
#include "gk-table-cell.h"
#include "gk-table-list.h"
#include "gk-table-pages.h"
#include "gk-text-field.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* The page of a list table (政府采购预算表 of hubei-2025), driven through
 * its widgets and actions in a real window; the model is then checked. */

typedef struct
{
  GkWindow        *window;
  GkDocument      *document;
  GkListTablePage *page;
  GkTable         *table;
  GFile           *file;
} Fixture;

typedef void (*ListTestFunc) (Fixture *fixture);

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
  TextRef ref = { fixture->page, row, column };

  gk_test_iterate_until (text_widget_bound, &ref);
  return gk_list_table_page_get_text_widget (fixture->page, row, column);
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

/* Focuses an amount cell, types @text and, if @enter, presses Enter. */
static GkTableCell *
type_amount (Fixture    *fixture,
             GkRow      *row,
             const char *column,
             const char *text,
             gboolean    enter)
{
  CellRef ref = { GK_TABLE_PAGE (fixture->page), row, gk_table_column_index (fixture->table, column) };
  GkTableCell *cell;
  GtkEditable *editable;

  g_assert_true (gk_table_page_focus_cell (ref.page, ref.row, ref.column));
  gk_test_iterate_until (focus_is_at, &ref);
  cell = gk_table_page_get_focus_cell (ref.page);
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.edit", NULL);
  editable = gk_table_cell_get_editable (cell);
  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
  if (enter)
    g_signal_emit_by_name (editable, "activate");
  return cell;
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

/* The window's stack of pages: the one with a page named "expenditure". */
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
  ListTestFunc func = user_data;
  g_autoptr(GkDocument) document = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-list-page-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "hubei.gongkai", NULL);
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0 };

  document = gk_document_new_blank_for_template (gk_template_find ("hubei-2025"), "广水市测试局", 2025,
                                                 GK_MONEY_UNIT_WANYUAN);
  fixture.file = g_file_new_for_path (path);
  g_assert_true (gk_document_save (document, fixture.file, NULL, &error));
  g_assert_no_error (error);
  gk_document_mark_saved (document);

  fixture.window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  fixture.document = document;
  fixture.table = gk_document_get_table (document, "procurement");
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1200, 760);
  gk_window_set_document (fixture.window, document, fixture.file);
  /* The window lists the pages of the tables it knows by role; until it
   * lists a template's every table, the test puts the page in its stack
   * the way the window would. */
  fixture.page = GK_LIST_TABLE_PAGE (gk_window_get_page (fixture.window, "procurement"));
  if (fixture.page == NULL)
    {
      GtkStack *stack = find_stack (GTK_WIDGET (fixture.window));
      GtkWidget *page = gk_table_pages_create (document, fixture.table);

      g_assert_nonnull (stack);
      gk_page_set_checker (GK_PAGE (page), gk_window_get_checker (fixture.window));
      gtk_stack_add_named (stack, page, "procurement");
      gtk_stack_set_visible_child (stack, page);
      fixture.page = GK_LIST_TABLE_PAGE (page);
    }
  else
    gk_window_set_selected_page (fixture.window, "procurement");
  g_assert_true (GK_IS_LIST_TABLE_PAGE (fixture.page));
  gk_test_iterate_until (gk_test_is_mapped, fixture.page);

  func (&fixture);

  gk_test_destroy_window (fixture.window);
  g_remove (path);
  g_rmdir (dir);
  g_object_unref (fixture.file);
}

static void
run_list_test (ListTestFunc func)
{
  gk_test_run_app (G_CALLBACK (activated), func);
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
}

static void
add_row (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "table.add-row", NULL));
}

/* Editing ---------------------------------------------------------------------- */

static void
edit (Fixture *fixture)
{
  GkRow *row, *second;
  GtkWidget *name, *category;
  GkRow *total = gk_table_get_total_row (fixture->table);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gk_table_page_get_column_view (GK_TABLE_PAGE (fixture->page)))));
  add_row (fixture);
  g_assert_cmpuint (gk_table_get_n_entries (fixture->table), ==, 1);
  row = gk_table_get_entry (fixture->table, 0);

  /* A text cell, typed as a user would, Enter commits. */
  name = text_widget (fixture, row, 0);
  g_assert_true (GK_IS_TEXT_FIELD (name));
  gtk_editable_set_text (GTK_EDITABLE (gk_text_field_get_editor (GK_TEXT_FIELD (name))), "办公设备");
  g_signal_emit_by_name (gk_text_field_get_editor (GK_TEXT_FIELD (name)), "activate");
  g_assert_cmpstr (gk_list_row_get_text (row, 0), ==, "办公设备");

  /* The choice cell. */
  category = text_widget (fixture, row, 1);
  g_assert_true (GTK_IS_DROP_DOWN (category));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (category)), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (category), 1);
  g_assert_cmpstr (gk_list_row_get_text (row, 1), ==, "货物");

  /* An amount cell; the 合计 follows. */
  type_amount (fixture, row, "general", "12.5", TRUE);
  g_assert_cmpint (amount (row, "general"), ==, 1250);
  g_assert_cmpint (amount (row, "total"), ==, 1250);
  g_assert_cmpint (amount (total, "total"), ==, 1250);

  /* Add a second row, then remove it: it has no figures, so no question. */
  add_row (fixture);
  g_assert_cmpuint (gk_table_get_n_entries (fixture->table), ==, 2);
  second = gk_table_get_entry (fixture->table, 1);
  g_assert_true (second != row);
  gk_test_iterate_until (text_widget_bound, &(TextRef) { fixture->page, second, 0 });
  gk_table_page_focus_cell (GK_TABLE_PAGE (fixture->page), second, 1);
  gk_test_iterate_until (focus_is_at, &(CellRef) { GK_TABLE_PAGE (fixture->page), second, 1 });
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "table.remove-row", NULL));
  g_assert_cmpuint (gk_table_get_n_entries (fixture->table), ==, 1);
  g_assert_true (gk_table_get_entry (fixture->table, 0) == row);

  /* The 合计 row refuses to go. */
  gtk_selection_model_select_item (gtk_column_view_get_model (gk_table_page_get_column_view (GK_TABLE_PAGE (fixture->page))),
                                   gk_table_page_find_row (GK_TABLE_PAGE (fixture->page), total), TRUE);
  g_assert_true (gk_table_page_get_selected_row (GK_TABLE_PAGE (fixture->page)) == total);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "table.remove-row", NULL));
  g_assert_cmpuint (gk_table_get_n_entries (fixture->table), ==, 1);

  /* Undo: the removal, the added row, the figure, the choice, the name. */
  undo (fixture);
  g_assert_cmpuint (gk_table_get_n_entries (fixture->table), ==, 2);
  undo (fixture);
  g_assert_cmpuint (gk_table_get_n_entries (fixture->table), ==, 1);
  undo (fixture);
  g_assert_cmpint (amount (row, "general"), ==, -1);
  g_assert_cmpint (amount (total, "total"), ==, -1);
  undo (fixture);
  g_assert_cmpstr (gk_list_row_get_text (row, 1), ==, "");
  category = text_widget (fixture, row, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (category)), ==, 0);
  undo (fixture);
  g_assert_cmpstr (gk_list_row_get_text (row, 0), ==, "");
  name = text_widget (fixture, row, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gk_text_field_get_editor (GK_TEXT_FIELD (name)))), ==, "");
  undo (fixture);
  g_assert_cmpuint (gk_table_get_n_entries (fixture->table), ==, 0);
}

static void
test_edit (void)
{
  run_list_test (edit);
}

/* Ctrl+Enter in a text cell adds a row below. */
static void
keyboard (Fixture *fixture)
{
  GtkWidget *name;
  GtkWidget *editor;
  GkRow *row;

  add_row (fixture);
  row = gk_table_get_entry (fixture->table, 0);
  name = text_widget (fixture, row, 0);
  editor = gk_text_field_get_editor (GK_TEXT_FIELD (name));
  g_assert_true (gtk_widget_grab_focus (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), "物业服务");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "table.add-row", NULL));
  g_assert_cmpuint (gk_table_get_n_entries (fixture->table), ==, 2);
  /* The first row's name was committed when the focus moved on. */
  gk_test_iterate_until ((GkTestCondition) gk_test_is_mapped, fixture->page);
  gtk_widget_grab_focus (GTK_WIDGET (gk_table_page_get_column_view (GK_TABLE_PAGE (fixture->page))));
  g_assert_cmpstr (gk_list_row_get_text (row, 0), ==, "物业服务");
}

static void
test_keyboard (void)
{
  run_list_test (keyboard);
}

/* Typing into a cell and saving at once loses nothing. */
static gboolean
document_saved (gpointer data)
{
  return !gk_window_get_modified (data);
}

static void
pending_saved (Fixture *fixture)
{
  g_autoptr(GkDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *name, *editor;
  GkTable *table;
  GkRow *row;

  add_row (fixture);
  row = gk_table_get_entry (fixture->table, 0);
  type_amount (fixture, row, "fund", "7", TRUE);

  /* A name typed, not committed, the focus still in it. */
  name = text_widget (fixture, row, 0);
  editor = gk_text_field_get_editor (GK_TEXT_FIELD (name));
  g_assert_true (gtk_widget_grab_focus (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), "会议服务");
  g_assert_cmpstr (gk_list_row_get_text (row, 0), ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  gk_test_iterate_until (document_saved, fixture->window);
  reopened = gk_document_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  table = gk_document_get_table (reopened, "procurement");
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 1);
  g_assert_cmpstr (gk_list_row_get_text (gk_table_get_entry (table, 0), 0), ==, "会议服务");
  g_assert_cmpint (amount (gk_table_get_entry (table, 0), "fund"), ==, 700);

  /* An amount still being typed is saved too. */
  type_amount (fixture, row, "other", "2.25", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  gk_test_iterate_until (document_saved, fixture->window);
  g_clear_object (&reopened);
  reopened = gk_document_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  table = gk_document_get_table (reopened, "procurement");
  g_assert_cmpint (amount (gk_table_get_entry (table, 0), "other"), ==, 225);
  g_assert_cmpint (amount (gk_table_get_total_row (table), "total"), ==, 925);
}

static void
test_pending_saved (void)
{
  run_list_test (pending_saved);
}

/* For looking at: GK_SCREENSHOT_STAY=1 keeps the page up with rows in it. */
static void
screenshot (Fixture *fixture)
{
  static const char * const names[] = { "办公设备购置", "物业管理服务", "办公楼维修改造" };
  static const char * const amounts[] = { "12.50", "36", "120.8" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GkRow *row;

      gk_document_add_list_row (fixture->document, fixture->table, G_MAXUINT);
      row = gk_table_get_entry (fixture->table, i);
      gk_document_set_list_text (fixture->document, row, 0, names[i], NULL);
      gk_document_set_list_text (fixture->document, row, 1, (const char *[]) { "货物", "服务", "工程" }[i], NULL);
      gk_document_set_amount_text (fixture->document, row, 1, amounts[i], NULL);
    }
  gk_document_set_amount_text (fixture->document, gk_table_get_entry (fixture->table, 2), 3, "4", NULL);
  text_widget (fixture, gk_table_get_entry (fixture->table, 2), 1);
  while (g_getenv ("GK_SCREENSHOT_STAY") != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_screenshot (void)
{
  run_list_test (screenshot);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Drafts of these tests' edits go to a directory of their own. */
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

  g_test_add_func ("/list-table-page/edit", test_edit);
  g_test_add_func ("/list-table-page/keyboard", test_keyboard);
  g_test_add_func ("/list-table-page/pending-saved", test_pending_saved);
  g_test_add_func ("/list-table-page/screenshot", test_screenshot);

  return g_test_run ();
}
