/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-application.h"
#include "gk-catalog-table-page.h"
#include "gk-document-io.h"
#include "gk-glossary-page.h"
#include "gk-list-editor.h"
#include "gk-overview-page.h"
#include "gk-project-table-page.h"
#include "gk-overall-page.h"
#include "gk-projects-page.h"
#include "gk-row-picker.h"
#include "gk-summary-line.h"
#include "gk-table-cell.h"
#include "gk-table-header.h"
#include "gk-table-page.h"
#include "gk-table-pages.h"
#include "gk-text-field.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* The editor's pages, driven through their widgets and actions in a real
 * window, the way a user drives them; the model is then checked. */

/* The cell's tooltip, as GTK would show it on hover; valid until the next call. */
static const char *
tooltip_of (GkTableCell *cell)
{
  static char *last = NULL;

  g_free (last);
  last = gk_table_cell_dup_tooltip (cell);
  return last;
}

static GkAmount
amount_of (GkDocument *document,
           const char *table_id,
           const char *code,
           const char *column)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GkRow *row = gk_table_lookup (table, code);
  GkAmount amount = -1;

  g_assert_nonnull (row);
  g_assert_true (gk_row_get_amount (row, gk_table_column_index (table, column), &amount));
  return amount;
}

static gboolean
amount_is_blank (GkDocument *document,
                 const char *table_id,
                 const char *code,
                 const char *column)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GkRow *row = gk_table_lookup (table, code);

  return !gk_row_get_amount (row, gk_table_column_index (table, column), NULL);
}

/* 表一's expenditure line of a function 类. */
static GkAmount
summary_amount (GkDocument *document,
                const char *code)
{
  GkRow *row = gk_table_lookup (gk_document_get_table (document, "income-summary"), code);
  GkAmount amount = -1;

  g_assert_nonnull (row);
  g_assert_true (gk_row_get_amount (row, 0, &amount));
  return amount;
}

/* A cell the list has bound, waited for after the page is shown. */
typedef struct
{
  GkTablePage *page;
  GkRow       *row;
  guint        column;
} CellWait;

static gboolean
cell_bound (gpointer data)
{
  CellWait *wait = data;

  return gk_table_page_lookup_cell (wait->page, wait->row, wait->column) != NULL;
}

/* The window ------------------------------------------------------------------ */

typedef struct
{
  GkWindow   *window;
  GkDocument *document;
  GkTablePage *page;
} Fixture;

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
  gk_window_set_selected_page (fixture.window, "expenditure");
  fixture.page = GK_TABLE_PAGE (gk_window_get_page (fixture.window, "expenditure"));
  g_assert_true (GK_IS_TABLE_PAGE (fixture.page));
  gk_test_iterate_until (gk_test_is_mapped, fixture.page);

  func (&fixture);

  /* Nothing asks about unsaved work in a test. */
  gk_test_destroy_window (fixture.window);
}

static void
run_window_test (WindowTestFunc func)
{
  gk_test_run_app (G_CALLBACK (activated), func);
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

/* Focuses a cell the way the page does for the keyboard, and waits. */
static GkTableCell *
focus_cell (GkTablePage *page,
            const char  *code,
            const char  *column)
{
  GkTable *table = gk_table_page_get_table (page);
  CellRef ref = { page, gk_table_lookup (table, code), gk_table_column_index (table, column) };

  g_assert_nonnull (ref.row);
  g_assert_true (gk_table_page_focus_cell (page, ref.row, ref.column));
  gk_test_iterate_until (focus_is_at, &ref);
  return gk_table_page_get_focus_cell (page);
}

static void
assert_focus (GkTablePage *page,
              const char  *code,
              const char  *column)
{
  GkTable *table = gk_table_page_get_table (page);
  CellRef ref = { page, gk_table_lookup (table, code), gk_table_column_index (table, column) };

  gk_test_iterate_until (focus_is_at, &ref);
}

/* Types @text into the cell and presses Enter. */
static void
type_into (GkTableCell *cell,
           const char  *text)
{
  GtkEditable *editable;

  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.edit", NULL);
  editable = gk_table_cell_get_editable (cell);
  g_assert_nonnull (editable);
  gtk_editable_set_text (editable, text);
  /* Enter in a GtkText emits ::activate. */
  g_signal_emit_by_name (editable, "activate");
}

static void
undo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
}

static void
redo (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
}

/* Editing ----------------------------------------------------------------------- */

static gboolean
cell_shows (gpointer data)
{
  GkTableCell *cell = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];

  return g_strcmp0 (gk_table_cell_get_text (cell), text) == 0;
}

static void
edit_derives (Fixture *fixture)
{
  GkDocument *document = fixture->document;
  GkTableCell *cell;
  GkTablePage *t1;
  GkTableCell *summary_cell;
  GkRow *summary_row;
  gpointer shows[2];

  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 26506);
  g_assert_cmpint (summary_amount (document, "201"), ==, 33606);

  cell = focus_cell (fixture->page, "2010301", "basic");
  g_assert_true (gk_table_cell_is_entered (cell));
  type_into (cell, "300");

  /* 表三 takes it, its subtotals and 表一's derived line follow. */
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 30000);
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "total"), ==, 30000 + 0);
  g_assert_cmpint (amount_of (document, "expenditure", "201", "basic"), ==, 30000);
  g_assert_cmpint (summary_amount (document, "201"), ==, 37100);
  /* Enter moved down the column, to the next entered cell. */
  assert_focus (fixture->page, "2010399", "basic");

  /* 表一's page shows the new figure in its derived cell. */
  gk_window_set_selected_page (fixture->window, "income-summary");
  t1 = GK_TABLE_PAGE (gk_window_get_page (fixture->window, "income-summary"));
  summary_row = gk_table_lookup (gk_document_get_table (document, "income-summary"), "201");
  {
    CellWait wait = { t1, summary_row, 0 };
    gk_test_iterate_until (cell_bound, &wait);
  }
  summary_cell = gk_table_page_lookup_cell (t1, summary_row, 0);
  g_assert_nonnull (summary_cell);
  g_assert_false (gk_table_cell_is_entered (summary_cell));
  g_assert_cmpstr (gk_table_cell_get_text (summary_cell), ==, "371.00");
  g_assert_cmpstr (tooltip_of (summary_cell), ==,
                   "Derived from 表二 and 表三");

  /* Undo and redo go through the window's actions. */
  undo (fixture);
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 26506);
  g_assert_cmpint (summary_amount (document, "201"), ==, 33606);
  shows[0] = summary_cell;
  shows[1] = (gpointer) "336.06";
  gk_test_iterate_until (cell_shows, shows);
  redo (fixture);
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 30000);
  g_assert_cmpint (summary_amount (document, "201"), ==, 37100);
}

static void
test_edit_derives (void)
{
  run_window_test (edit_derives);
}

static void
derived_cells (Fixture *fixture)
{
  GkTable *table = gk_table_page_get_table (fixture->page);
  GkRow *item = gk_table_lookup (table, "2010301");
  GkRow *klass = gk_table_lookup (table, "201");
  GkTableCell *cell;
  CellWait wait = { fixture->page, item, gk_table_column_index (table, "total") };

  gk_test_iterate_until (cell_bound, &wait);
  /* A row total: not editable, says what it sums. */
  cell = gk_table_page_lookup_cell (fixture->page, item, gk_table_column_index (table, "total"));
  g_assert_nonnull (cell);
  g_assert_false (gk_table_cell_is_entered (cell));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "gk-derived"));
  g_assert_cmpstr (tooltip_of (cell), ==, "基本支出 + 项目支出");
  g_assert_false (gk_table_cell_start_editing (cell, "1"));
  g_assert_false (gk_table_page_focus_cell (fixture->page, item, gk_table_column_index (table, "total")));

  /* A 类 row sums the rows below it. */
  cell = gk_table_page_lookup_cell (fixture->page, klass, gk_table_column_index (table, "basic"));
  g_assert_nonnull (cell);
  g_assert_false (gk_table_cell_is_entered (cell));
  g_assert_cmpstr (tooltip_of (cell), ==, "Sum of the rows below");

  /* An entered cell looks different. */
  cell = gk_table_page_lookup_cell (fixture->page, item, gk_table_column_index (table, "basic"));
  g_assert_true (gk_table_cell_is_entered (cell));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "gk-entered"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "gk-derived"));

  /* The 合计 row is bold. */
  cell = gk_table_page_lookup_cell (fixture->page, gk_table_get_total_row (table), 0);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "gk-total"));
}

static void
test_derived_cells (void)
{
  run_window_test (derived_cells);
}

static void
refuse_bad_values (Fixture *fixture)
{
  static const char * const bad[] = { "12abc", "1.234", "99999999999999999999" };
  GkDocument *document = fixture->document;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GkTableCell *cell = focus_cell (fixture->page, "2010301", "basic");
      GtkEditable *editable;

      type_into (cell, bad[i]);
      /* Refused at the cell, with the reason, and nothing changed. */
      g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 26506);
      g_assert_false (gk_document_can_undo (document));
      g_assert_true (gk_table_cell_is_editing (cell));
      g_assert_nonnull (gk_table_cell_get_error (cell));
      g_assert_cmpstr (tooltip_of (cell), ==, gk_table_cell_get_error (cell));
      editable = gk_table_cell_get_editable (cell);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editable), "error"));
      g_assert_cmpstr (gtk_editable_get_text (editable), ==, bad[i]);

      /* Escape gives the previous value back. */
      gtk_widget_activate_action (GTK_WIDGET (cell), "cell.cancel", NULL);
      g_assert_false (gk_table_cell_is_editing (cell));
      g_assert_null (gk_table_cell_get_error (cell));
      g_assert_cmpstr (gk_table_cell_get_text (cell), ==, "265.06");
    }

  /* The reasons are the parser's. */
  {
    GkTableCell *cell = focus_cell (fixture->page, "2010301", "basic");

    type_into (cell, "1.234");
    g_assert_nonnull (strstr (gk_table_cell_get_error (cell), "more than two decimals"));
    gtk_widget_activate_action (GTK_WIDGET (cell), "cell.cancel", NULL);
  }
}

static void
test_refuse_bad_values (void)
{
  run_window_test (refuse_bad_values);
}

/* Paste --------------------------------------------------------------------------- */

static void
paste_block (Fixture *fixture)
{
  GkDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  GkAmount class_before = amount_of (document, "expenditure", "208", "basic");

  focus_cell (fixture->page, "2010301", "basic");

  /* One bad value refuses everything, with one message. */
  g_assert_false (gk_table_page_paste_text (fixture->page, "1\t2\n3\tabc\n5\t6\n", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "abc"));
  g_clear_error (&error);
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 26506);
  g_assert_false (gk_document_can_undo (document));

  /* 3 rows × 2 columns from 2010301's 基本支出: the third line falls on the
   * 208 类 row, which is computed and shows other figures, so nothing is
   * pasted, and the message names the computed cell. */
  g_assert_false (gk_table_page_paste_text (fixture->page, "1\t2\r\n3\t4.5\r\n5\t6\r\n", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_assert_nonnull (strstr (error->message, "208 社会保障和就业支出"));
  g_clear_error (&error);
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 26506);
  g_assert_false (gk_document_can_undo (document));

  /* The first two lines fall on entered cells only. */
  g_assert_true (gk_table_page_paste_text (fixture->page, "1\t2\r\n3\t4.5\r\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 100);
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "project"), ==, 200);
  g_assert_cmpint (amount_of (document, "expenditure", "2010399", "basic"), ==, 300);
  g_assert_cmpint (amount_of (document, "expenditure", "2010399", "project"), ==, 450);
  g_assert_cmpint (amount_of (document, "expenditure", "208", "basic"), ==, class_before);
  g_assert_cmpint (summary_amount (document, "201"), ==, 100 + 200 + 300 + 450);

  /* One undo takes the whole paste back, one redo puts it again. */
  undo (fixture);
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 26506);
  g_assert_true (amount_is_blank (document, "expenditure", "2010301", "project"));
  g_assert_true (amount_is_blank (document, "expenditure", "2010399", "basic"));
  g_assert_cmpint (amount_of (document, "expenditure", "2010399", "project"), ==, 7100);
  g_assert_false (gk_document_can_undo (document));
  redo (fixture);
  g_assert_cmpint (amount_of (document, "expenditure", "2010399", "project"), ==, 450);

  /* Too wide for the table from the focused column. */
  g_assert_false (gk_table_page_paste_text (fixture->page, "1\t2\t3\n", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
}

static void
test_paste_block (void)
{
  run_window_test (paste_block);
}

static void
copy_rows (Fixture *fixture)
{
  GtkSelectionModel *model = gtk_column_view_get_model (gk_table_page_get_column_view (fixture->page));
  GkTable *table = gk_table_page_get_table (fixture->page);
  guint position = gk_table_page_find_row (fixture->page, gk_table_lookup (table, "2010301"));
  g_autofree char *text = NULL;

  g_assert_true (gtk_selection_model_select_range (model, position, 2, TRUE));
  text = gk_table_page_copy_text (fixture->page);
  g_assert_cmpstr (text, ==,
                   "201\t03\t01\t行政运行（政府办公厅（室）及相关机构事务）\t265.06\t265.06\t\n"
                   "201\t03\t99\t其他政府办公厅（室）及相关机构事务支出\t71.00\t\t71.00\n");
}

static void
test_copy_rows (void)
{
  run_window_test (copy_rows);
}

/* Rows ------------------------------------------------------------------------------ */

static gboolean
dialog_shown (gpointer data)
{
  return gk_test_find_message_dialog () != NULL;
}

static void
add_and_remove_rows (Fixture *fixture)
{
  GkDocument *document = fixture->document;
  GkTable *table = gk_table_page_get_table (fixture->page);
  GkRowPicker *picker;
  GtkWidget *dialog;
  GkTableCell *cell;
  GkRow *row;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (table));

  /* Add Row opens the catalog picker; 2010302 is 一般行政管理事务. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "table.add-row", NULL));
  picker = gk_catalog_table_page_get_picker (GK_CATALOG_TABLE_PAGE (fixture->page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (picker)));
  gk_row_picker_set_search (picker, "2010302");
  g_assert_cmpuint (g_list_model_get_n_items (gk_row_picker_get_results (picker)), ==, 1);
  g_assert_true (gk_row_picker_choose (picker, 0));
  row = gk_table_lookup (table, "2010302");
  g_assert_nonnull (row);
  g_assert_cmpstr (gk_row_get_name (row), ==, "一般行政管理事务");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, n_rows + 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));

  /* The new row takes the focus, ready for its first figure. */
  assert_focus (fixture->page, "2010302", "basic");
  cell = gk_table_page_get_focus_cell (fixture->page);
  type_into (cell, "12.5");
  g_assert_cmpint (amount_of (document, "expenditure", "2010302", "basic"), ==, 1250);

  /* A code already in the table is not offered again. */
  gk_row_picker_set_search (picker, "2010302");
  g_assert_false (gk_row_picker_choose (picker, 0));

  /* A code the catalog does not know, with its name typed. */
  gk_row_picker_set_search (picker, "2010398");
  g_assert_cmpuint (g_list_model_get_n_items (gk_row_picker_get_results (picker)), ==, 0);
  g_assert_false (gk_row_picker_choose_custom (picker, "  "));
  g_assert_true (gk_row_picker_choose_custom (picker, "自定义事务"));
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (table, "2010398")), ==, "自定义事务");
  undo (fixture);
  g_assert_null (gk_table_lookup (table, "2010398"));

  /* Removing a row with figures asks first. */
  gtk_selection_model_select_item (gtk_column_view_get_model (gk_table_page_get_column_view (fixture->page)),
                                   gk_table_page_find_row (fixture->page, row), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "table.remove-row", NULL));
  gk_test_iterate_until (dialog_shown, NULL);
  dialog = gk_test_find_message_dialog ();
  g_assert_nonnull (gk_table_lookup (table, "2010302"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gk_test_iterate_idle ();
  g_assert_nonnull (gk_table_lookup (table, "2010302"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "table.remove-row", NULL));
  gk_test_iterate_until (dialog_shown, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (gk_test_find_message_dialog ()), "remove");
  gk_test_iterate_idle ();
  g_assert_null (gk_table_lookup (table, "2010302"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, n_rows);

  /* Each step undoes and redoes. */
  undo (fixture);
  g_assert_cmpint (amount_of (document, "expenditure", "2010302", "basic"), ==, 1250);
  undo (fixture);
  g_assert_true (amount_is_blank (document, "expenditure", "2010302", "basic"));
  undo (fixture);
  g_assert_null (gk_table_lookup (table, "2010302"));
  g_assert_false (gk_document_can_undo (document));
  redo (fixture);
  g_assert_nonnull (gk_table_lookup (table, "2010302"));
  redo (fixture);
  redo (fixture);
  g_assert_null (gk_table_lookup (table, "2010302"));
}

static void
test_add_and_remove_rows (void)
{
  run_window_test (add_and_remove_rows);
}

/* Keyboard ---------------------------------------------------------------------------- */

static gboolean
has_binding (GtkWidget  *widget,
             const char *trigger,
             const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autofree char *wanted = g_strdup_printf ("action(%s)", action);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *t = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *a = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_str_equal (t, trigger) && g_str_equal (a, wanted))
            return TRUE;
        }
    }
  return FALSE;
}

static void
walk_with_tab (Fixture *fixture)
{
  static const char * const walk[][2] = {
    { "2010301", "basic" }, { "2010301", "project" },
    { "2010399", "basic" }, { "2010399", "project" },
    { "2080505", "basic" }, { "2080505", "project" },
  };
  GkTableCell *cell = focus_cell (fixture->page, walk[0][0], walk[0][1]);

  /* The keys the actions below stand for. */
  g_assert_true (has_binding (GTK_WIDGET (cell), "Tab", "cell.next"));
  g_assert_true (has_binding (GTK_WIDGET (cell), "<Shift>Tab", "cell.previous"));
  g_assert_true (has_binding (GTK_WIDGET (cell), "Return", "cell.edit"));
  g_assert_true (has_binding (GTK_WIDGET (cell), "Escape", "cell.cancel"));

  /* Tab walks the entered cells row by row, over the computed ones. */
  for (guint i = 1; i < G_N_ELEMENTS (walk); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (gk_table_page_get_focus_cell (fixture->page)), "cell.next", NULL);
      assert_focus (fixture->page, walk[i][0], walk[i][1]);
    }
  /* The last entered cell stays where it is. */
  gtk_widget_activate_action (GTK_WIDGET (gk_table_page_get_focus_cell (fixture->page)), "cell.next", NULL);
  gk_test_iterate_idle ();
  assert_focus (fixture->page, walk[G_N_ELEMENTS (walk) - 1][0], walk[G_N_ELEMENTS (walk) - 1][1]);

  /* Shift+Tab walks back. */
  for (int i = G_N_ELEMENTS (walk) - 2; i >= 0; i--)
    {
      gtk_widget_activate_action (GTK_WIDGET (gk_table_page_get_focus_cell (fixture->page)), "cell.previous", NULL);
      assert_focus (fixture->page, walk[i][0], walk[i][1]);
    }

  /* A digit typed on a cell starts editing with it; Tab commits and moves on. */
  cell = gk_table_page_get_focus_cell (fixture->page);
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.type", "s", "7");
  g_assert_true (gk_table_cell_is_editing (cell));
  gtk_editable_insert_text (gk_table_cell_get_editable (cell), "5", -1, &(int) { 1 });
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.next", NULL);
  g_assert_cmpint (amount_of (fixture->document, "expenditure", "2010301", "basic"), ==, 7500);
  assert_focus (fixture->page, "2010301", "project");

  /* Escape drops what was typed. */
  cell = gk_table_page_get_focus_cell (fixture->page);
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.type", "s", "9");
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.cancel", NULL);
  g_assert_true (amount_is_blank (fixture->document, "expenditure", "2010301", "project"));
  g_assert_cmpstr (gk_table_cell_get_text (cell), ==, "");
}

static void
test_walk_with_tab (void)
{
  run_window_test (walk_with_tab);
}

static void
empty_table (Fixture *fixture)
{
  GkTablePage *page = GK_TABLE_PAGE (gk_window_get_page (fixture->window, "fund-expenditure"));
  GkTable *table = gk_table_page_get_table (page);

  g_assert_true (gk_table_is_empty (table));
  gk_table_page_set_empty_explanation (page, "本单位无政府性基金预算支出。");
  g_assert_cmpstr (gk_table_get_empty_explanation (table), ==, "本单位无政府性基金预算支出。");
  g_assert_cmpstr (gk_table_page_get_empty_explanation (page), ==, "本单位无政府性基金预算支出。");
  undo (fixture);
  g_assert_cmpstr (gk_table_page_get_empty_explanation (page), !=, "本单位无政府性基金预算支出。");
}

static void
test_empty_table (void)
{
  run_window_test (empty_table);
}

/* 表七 ---------------------------------------------------------------------------------- */

static void
projects_table (Fixture *fixture)
{
  GkTablePage *page = GK_TABLE_PAGE (gk_window_get_page (fixture->window, "project-expenditure"));
  GListModel *projects = gk_document_get_projects (fixture->document);
  guint n = g_list_model_get_n_items (projects);
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;
  GkProject *project;

  g_assert_true (GK_IS_PROJECT_TABLE_PAGE (page));
  gk_window_set_selected_page (fixture->window, "project-expenditure");
  items = gk_project_table_page_list_items (GK_PROJECT_TABLE_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);

  g_assert_null (gk_project_table_page_add (GK_PROJECT_TABLE_PAGE (page), "", "2010399", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  project = gk_project_table_page_add (GK_PROJECT_TABLE_PAGE (page), "档案整理", "2010399", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, n + 1);

  /* Its row in 表七 takes the focus, in its first figure. */
  {
    CellRef ref = { page, gk_project_get_row (project), gk_table_column_index (gk_table_page_get_table (page), "e301") };
    GkTableCell *cell;

    gk_test_iterate_until (focus_is_at, &ref);
    cell = gk_table_page_get_focus_cell (page);
    type_into (cell, "8");
    g_assert_cmpint (gk_project_get_total (project), ==, 800);
  }

  /* Removing it asks, since it has a figure now. */
  gtk_selection_model_unselect_all (gtk_column_view_get_model (gk_table_page_get_column_view (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "table.remove-row", NULL));
  gk_test_iterate_until (dialog_shown, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (gk_test_find_message_dialog ()), "remove");
  gk_test_iterate_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, n);
  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, n + 1);
}

static void
test_projects_table (void)
{
  run_window_test (projects_table);
}

static void
every_page (Fixture *fixture)
{
  static const char * const ids[] = {
    "overview", "income-summary", "income", "expenditure", "fiscal-summary", "general-expenditure", "basic-expenditure", "project-expenditure", "sangong", "fund-expenditure",
    "explanation", "projects", "glossary", "charts", "checks",
  };

  /* Each page shows the document without a warning (they are fatal here). */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      gk_window_set_selected_page (fixture->window, ids[i]);
      gk_test_iterate_until (gk_test_is_mapped, gk_window_get_page (fixture->window, ids[i]));
      g_assert_nonnull (gk_window_get_page (fixture->window, ids[i]));
    }
  g_assert_true (GK_IS_OVERVIEW_PAGE (gk_window_get_page (fixture->window, "overview")));
  g_assert_true (GK_IS_PROJECTS_PAGE (gk_window_get_page (fixture->window, "projects")));
  g_assert_true (GK_IS_GLOSSARY_PAGE (gk_window_get_page (fixture->window, "glossary")));
  g_assert_true (GK_IS_TABLE_PAGE (gk_window_get_page (fixture->window, "sangong")));
}

static void
test_every_page (void)
{
  run_window_test (every_page);
}

/* Create and destroy ----------------------------------------------------------------- */

/* The visible labels under @widget that read @text. */
static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

/* Every table of every template has a page; the 绩效目标表's is the projects', the
 * 整体绩效目标表's holds a table page for its tasks. A table page is headed by
 * its title once, numbered or not. */
static void
test_pages_every_template (void)
{
  g_autoptr(GPtrArray) all = gk_template_list_all ();

  for (guint t = 0; t < all->len; t++)
    {
      g_autoptr(GkDocument) document = gk_document_new_blank_for_template (all->pdata[t], "测试单位", 2025,
                                                                           GK_MONEY_UNIT_WANYUAN);

      for (guint i = 0; i < gk_document_get_n_tables (document); i++)
        {
          GkTable *table = gk_document_get_table_at (document, i);
          GtkWidget *page = gk_table_pages_create (document, table);

          if (gk_table_get_schema (table)->kind == GK_TABLE_KIND_PROJECT_PERFORMANCE)
            g_assert_true (GK_IS_PROJECTS_PAGE (page));
          else if (gk_table_get_schema (table)->kind == GK_TABLE_KIND_OVERALL_PERFORMANCE)
            g_assert_true (GK_IS_TABLE_PAGE (gk_overall_page_get_tasks_page (GK_OVERALL_PAGE (page))));
          else
            {
              g_assert_true (GK_IS_TABLE_PAGE (page));
              g_assert_cmpuint (count_labels (page, gk_table_get_schema (table)->title), ==, 1);
            }
          g_object_ref_sink (page);
          g_assert_finalize_object (page);
        }
    }
}

static void
test_pages_create_destroy (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();

  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GtkWidget *page = gk_table_pages_create (document, gk_document_get_table_at (document, i));

      g_assert_true (GK_IS_TABLE_PAGE (page));
      g_object_ref_sink (page);
      g_assert_finalize_object (page);
    }

  {
    GtkWidget *page = gk_overview_page_new (document);
    g_object_ref_sink (page);
    g_assert_finalize_object (page);
  }
  {
    GtkWidget *page = gk_projects_page_new (document);
    g_object_ref_sink (page);
    g_assert_finalize_object (page);
  }
  {
    GtkWidget *page = gk_glossary_page_new (document);
    g_object_ref_sink (page);
    g_assert_finalize_object (page);
  }
}

static void
test_widgets_create_destroy (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTable *table = gk_document_get_table (document, "expenditure");
  GtkWidget *widget;
  GkSummaryLine *line;

  widget = g_object_ref_sink (gk_table_cell_new ());
  gk_table_cell_bind (GK_TABLE_CELL (widget), gk_table_lookup (table, "2010301"), 1, NULL);
  g_assert_cmpstr (gk_table_cell_get_text (GK_TABLE_CELL (widget)), ==, "265.06");
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (gk_table_header_new ());
  gk_table_header_add_group (GK_TABLE_HEADER (widget), "支出预算", 4, 3);
  g_assert_cmpuint (gk_table_header_get_n_groups (GK_TABLE_HEADER (widget)), ==, 1);
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (gk_row_picker_new (document, table));
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (gk_text_field_new (document, table, "note", FALSE));
  g_assert_finalize_object (widget);

  widget = g_object_ref_sink (gk_text_item_editor_new (document,
                                                       gk_overview_get_duties (gk_document_get_overview (document)),
                                                       TRUE, "Add"));
  g_assert_finalize_object (widget);

  line = gk_summary_line_new (gk_table_lookup (gk_document_get_table (document, "income-summary"), "201"), NULL, FALSE);
  g_assert_finalize_object (line);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Drafts of these tests' edits go to a directory of their own. */
  {
    g_autofree char *data = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/table-page/create-destroy", test_pages_create_destroy);
  g_test_add_func ("/table-page/every-template", test_pages_every_template);
  g_test_add_func ("/table-page/widgets/create-destroy", test_widgets_create_destroy);
  g_test_add_func ("/table-page/edit-derives", test_edit_derives);
  g_test_add_func ("/table-page/derived-cells", test_derived_cells);
  g_test_add_func ("/table-page/refuse-bad-values", test_refuse_bad_values);
  g_test_add_func ("/table-page/paste", test_paste_block);
  g_test_add_func ("/table-page/copy", test_copy_rows);
  g_test_add_func ("/table-page/add-remove-rows", test_add_and_remove_rows);
  g_test_add_func ("/table-page/tab", test_walk_with_tab);
  g_test_add_func ("/table-page/empty-table", test_empty_table);
  g_test_add_func ("/table-page/projects", test_projects_table);
  g_test_add_func ("/table-page/every-page", test_every_page);

  return g_test_run ();
}
