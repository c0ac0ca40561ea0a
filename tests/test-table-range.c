/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-application.h"
#include "gk-document-io.h"
#include "gk-table-cell.h"
#include "gk-table-page.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* A table page's ranges of cells, their copy and paste, its keys and its
 * context menu, driven in a real window through the keys' controller,
 * the actions and the clipboard text; the model is then checked. The
 * sample's 支出总表 shows 201, 20103, 2010301, 2010399, 208 … 合计, and
 * the amount columns 合计 (computed), 基本支出 and 项目支出. */

typedef struct
{
  GkWindow    *window;
  GkDocument  *document;
  GkTablePage *page;
  GkTable     *table;
} Fixture;

typedef void (*RangeTestFunc) (Fixture *fixture);

static void
activated (GApplication *app,
           gpointer      user_data)
{
  RangeTestFunc func = user_data;
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  Fixture fixture = { 0 };

  fixture.window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  fixture.document = document;
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1100, 700);
  gk_window_set_document (fixture.window, document, NULL);
  gk_window_set_selected_page (fixture.window, "expenditure");
  fixture.page = GK_TABLE_PAGE (gk_window_get_page (fixture.window, "expenditure"));
  fixture.table = gk_table_page_get_table (fixture.page);
  gk_test_iterate_until (gk_test_is_mapped, fixture.page);

  func (&fixture);

  gk_test_destroy_window (fixture.window);
}

static void
run (RangeTestFunc func)
{
  gk_test_run_app (G_CALLBACK (activated), func);
}

static GkRow *
row_of (Fixture    *fixture,
        const char *code)
{
  GkRow *row = g_str_equal (code, "total") ? gk_table_get_total_row (fixture->table)
                                            : gk_table_lookup (fixture->table, code);

  g_assert_nonnull (row);
  return row;
}

static guint
column_of (Fixture    *fixture,
           const char *column)
{
  return gk_table_column_index (fixture->table, column);
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

static GkTableCell *
focus_cell (Fixture    *fixture,
            const char *code,
            const char *column)
{
  CellRef ref = { fixture->page, row_of (fixture, code), column_of (fixture, column) };

  g_assert_true (gk_table_page_focus_cell (fixture->page, ref.row, ref.column));
  gk_test_iterate_until (focus_is_at, &ref);
  return gk_table_page_get_focus_cell (fixture->page);
}

static void
assert_focus (Fixture    *fixture,
              const char *code,
              const char *column)
{
  CellRef ref = { fixture->page, row_of (fixture, code), column_of (fixture, column) };

  gk_test_iterate_until (focus_is_at, &ref);
}

/* A key as the page's controller receives it, before the cells. */
static gboolean
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->page));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "gk-table-keys") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          gk_test_iterate_idle ();
          return handled;
        }
    }
  g_assert_not_reached ();
}

static gboolean
is_selected (Fixture    *fixture,
             const char *code,
             const char *column)
{
  GkTableCell *cell = gk_table_page_lookup_cell (fixture->page, row_of (fixture, code), column_of (fixture, column));

  g_assert_nonnull (cell);
  return gtk_widget_has_css_class (GTK_WIDGET (cell), "gk-selected");
}

static void
assert_range (Fixture *fixture,
              guint    n_rows,
              guint    n_columns)
{
  guint rows = 0, columns = 0;

  g_assert_true (gk_table_page_get_range_size (fixture->page, &rows, &columns));
  g_assert_cmpuint (rows, ==, n_rows);
  g_assert_cmpuint (columns, ==, n_columns);
}

static GkAmount
amount_of (Fixture    *fixture,
           const char *code,
           const char *column)
{
  GkAmount amount = -1;

  if (!gk_row_get_amount (row_of (fixture, code), column_of (fixture, column), &amount))
    return -1;
  return amount;
}

/* Selecting ------------------------------------------------------------------ */

static void
select_with_keys (Fixture *fixture)
{
  focus_cell (fixture, "2010301", "basic");
  g_assert_false (gk_table_page_get_range_size (fixture->page, NULL, NULL));

  /* Shift+Down, then Shift+Right: two rows by two columns. */
  g_assert_true (press (fixture, GDK_KEY_Down, GDK_SHIFT_MASK));
  assert_range (fixture, 2, 1);
  g_assert_true (is_selected (fixture, "2010301", "basic"));
  g_assert_true (is_selected (fixture, "2010399", "basic"));
  g_assert_false (is_selected (fixture, "2010399", "project"));
  g_assert_true (press (fixture, GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_range (fixture, 2, 2);
  g_assert_true (is_selected (fixture, "2010399", "project"));
  g_assert_false (is_selected (fixture, "2010301", "total"));

  /* Past the anchor to the computed 合计 column: the range turns around
   * the focused cell, which keeps the focus. */
  g_assert_true (press (fixture, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_true (press (fixture, GDK_KEY_Left, GDK_SHIFT_MASK));
  assert_range (fixture, 2, 2);
  g_assert_true (is_selected (fixture, "2010399", "total"));
  g_assert_false (is_selected (fixture, "2010399", "project"));
  assert_focus (fixture, "2010301", "basic");

  /* Escape clears it; a second Escape is the cell's again. */
  g_assert_true (press (fixture, GDK_KEY_Escape, 0));
  g_assert_false (gk_table_page_get_range_size (fixture->page, NULL, NULL));
  g_assert_false (is_selected (fixture, "2010301", "basic"));
  g_assert_false (press (fixture, GDK_KEY_Escape, 0));

  /* A plain arrow collapses it, and Down is left to the cell. */
  g_assert_true (press (fixture, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_false (press (fixture, GDK_KEY_Down, 0));
  g_assert_false (gk_table_page_get_range_size (fixture->page, NULL, NULL));

  /* The range stops at the table's edges. */
  for (guint i = 0; i < 10; i++)
    g_assert_true (press (fixture, GDK_KEY_Up, GDK_SHIFT_MASK));
  assert_range (fixture, gk_table_page_find_row (fixture->page, row_of (fixture, "2010301")) + 1, 1);
  for (guint i = 0; i < 10; i++)
    g_assert_true (press (fixture, GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_range (fixture, gk_table_page_find_row (fixture->page, row_of (fixture, "2010301")) + 1, 2);

  /* The focus moving to another cell ends it. */
  focus_cell (fixture, "2010399", "project");
  g_assert_false (gk_table_page_get_range_size (fixture->page, NULL, NULL));

  /* Shift+click's corner to corner, and a row added clears it. */
  g_assert_true (gk_table_page_select_cells (fixture->page, row_of (fixture, "201"), column_of (fixture, "total"),
                                             row_of (fixture, "2010399"), column_of (fixture, "project")));
  assert_range (fixture, 4, 3);
  g_assert_true (is_selected (fixture, "201", "total"));
  g_assert_nonnull (gk_document_add_row (fixture->document, fixture->table, "2010302", NULL, NULL));
  g_assert_false (gk_table_page_get_range_size (fixture->page, NULL, NULL));
}

static void
test_select_with_keys (void)
{
  run (select_with_keys);
}

/* Shift+Home and Shift+End reach the row's first and last cell. */
static void
shift_home_end (Fixture *fixture)
{
  focus_cell (fixture, "2010301", "basic");
  g_assert_true (press (fixture, GDK_KEY_End, GDK_SHIFT_MASK));
  assert_range (fixture, 1, 2);
  g_assert_true (is_selected (fixture, "2010301", "project"));
  g_assert_false (is_selected (fixture, "2010301", "total"));
  g_assert_true (press (fixture, GDK_KEY_Home, GDK_SHIFT_MASK));
  assert_range (fixture, 1, 2);
  g_assert_true (is_selected (fixture, "2010301", "total"));
  g_assert_false (is_selected (fixture, "2010301", "project"));
  assert_focus (fixture, "2010301", "basic");
  /* With Shift+Down first, the range keeps its rows. */
  g_assert_true (press (fixture, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (press (fixture, GDK_KEY_KP_End, GDK_SHIFT_MASK));
  assert_range (fixture, 2, 2);
  g_assert_true (is_selected (fixture, "2010399", "project"));
}

static void
test_shift_home_end (void)
{
  run (shift_home_end);
}

static void
left_right (Fixture *fixture)
{
  GkTableCell *cell = focus_cell (fixture, "2010301", "basic");

  /* Between the entered cells of the row; the computed 合计 is passed by. */
  g_assert_true (press (fixture, GDK_KEY_Right, 0));
  assert_focus (fixture, "2010301", "project");
  g_assert_true (press (fixture, GDK_KEY_Left, 0));
  assert_focus (fixture, "2010301", "basic");
  g_assert_true (press (fixture, GDK_KEY_Left, 0));
  assert_focus (fixture, "2010301", "basic");
  g_assert_true (press (fixture, GDK_KEY_End, 0));
  assert_focus (fixture, "2010301", "project");
  g_assert_true (press (fixture, GDK_KEY_Home, 0));
  assert_focus (fixture, "2010301", "basic");

  /* While a figure is typed the caret moves in the text. */
  cell = gk_table_page_get_focus_cell (fixture->page);
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.edit", NULL);
  g_assert_true (gk_table_cell_is_editing (cell));
  g_assert_false (press (fixture, GDK_KEY_Right, 0));
  g_assert_false (press (fixture, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_true (gk_table_cell_is_editing (cell));
  g_assert_false (gk_table_page_get_range_size (fixture->page, NULL, NULL));
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.cancel", NULL);
}

static void
test_left_right (void)
{
  run (left_right);
}

static void
letters (Fixture *fixture)
{
  GkTableCell *cell = focus_cell (fixture, "2010301", "basic");

  /* A digit is the cell's own business. */
  g_assert_false (press (fixture, GDK_KEY_5, 0));
  g_assert_false (gk_table_cell_is_editing (cell));

  /* A letter opens the cell with it and says why it cannot stay. */
  g_assert_true (press (fixture, GDK_KEY_a, 0));
  g_assert_true (gk_table_cell_is_editing (cell));
  g_assert_cmpstr (gtk_editable_get_text (gk_table_cell_get_editable (cell)), ==, "a");
  g_assert_nonnull (gk_table_cell_get_error (cell));
  g_assert_nonnull (strstr (gk_table_cell_get_error (cell), "digits"));
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.cancel", NULL);
  g_assert_cmpint (amount_of (fixture, "2010301", "basic"), ==, 26506);
  g_assert_false (gk_document_can_undo (fixture->document));
}

static void
test_letters (void)
{
  run (letters);
}

/* Copy and paste --------------------------------------------------------------- */

static void
copy (Fixture *fixture)
{
  g_autofree char *cell = NULL;
  g_autofree char *range = NULL;
  g_auto(GStrv) lines = NULL;

  /* No range: the focused cell. */
  focus_cell (fixture, "2010301", "basic");
  cell = gk_table_page_copy_text (fixture->page);
  g_assert_cmpstr (cell, ==, "265.06\n");

  /* A range: its rows by its columns, computed cells with the rest. */
  g_assert_true (gk_table_page_select_cells (fixture->page, row_of (fixture, "2010399"), column_of (fixture, "project"),
                                             row_of (fixture, "20103"), column_of (fixture, "total")));
  range = gk_table_page_copy_text (fixture->page);
  lines = g_strsplit (range, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[1], ==, "265.06\t265.06\t");
  g_assert_cmpstr (lines[2], ==, "71.00\t\t71.00");
  g_assert_cmpstr (lines[3], ==, "");
}

/* A blank first cell on the block's last line keeps its place. */
static void
paste_blank_first (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  focus_cell (fixture, "2010301", "basic");
  g_assert_true (gk_table_page_paste_text (fixture->page, "7\t\n\t8\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount_of (fixture, "2010301", "basic"), ==, 700);
  g_assert_cmpint (amount_of (fixture, "2010301", "project"), ==, -1);
  g_assert_cmpint (amount_of (fixture, "2010399", "basic"), ==, -1);
  g_assert_cmpint (amount_of (fixture, "2010399", "project"), ==, 800);
}

static void
test_paste_blank_first (void)
{
  run (paste_blank_first);
}

static void
test_copy (void)
{
  run (copy);
}

static void
round_trip (Fixture *fixture)
{
  GkDocument *document = fixture->document;
  g_autoptr(GBytes) before = gk_document_serialize (document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GkRow *from = row_of (fixture, "201");
  GkRow *to = row_of (fixture, "2010399");

  /* 201 down to 2010399, 合计 to 项目支出: subtotals included. */
  g_assert_true (gk_table_page_select_cells (fixture->page, from, column_of (fixture, "total"),
                                             to, column_of (fixture, "project")));
  text = gk_table_page_copy_text (fixture->page);

  /* Pasted back over itself it changes nothing, not even the history. */
  g_assert_true (gk_table_page_paste_text (fixture->page, text, &error));
  g_assert_no_error (error);
  g_assert_false (gk_document_can_undo (document));

  /* Altered, then pasted back: every figure is as before, in one step. */
  g_assert_true (gk_document_set_amount_text (document, row_of (fixture, "2010301"), column_of (fixture, "basic"),
                                              "1", NULL));
  g_assert_true (gk_document_set_amount_text (document, row_of (fixture, "2010399"), column_of (fixture, "project"),
                                              "", NULL));
  g_assert_true (gk_document_set_amount_text (document, row_of (fixture, "2010301"), column_of (fixture, "project"),
                                              "5", NULL));
  g_assert_cmpint (amount_of (fixture, "201", "total"), ==, 100 + 500);
  g_assert_true (gk_table_page_select_cells (fixture->page, from, column_of (fixture, "total"),
                                             to, column_of (fixture, "project")));
  g_assert_true (gk_table_page_paste_text (fixture->page, text, &error));
  g_assert_no_error (error);
  after = gk_document_serialize (document);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (gk_document_get_undo_label (document), ==, "Paste");

  /* One undo takes the paste back whole. */
  g_assert_true (gk_document_undo (document));
  g_assert_cmpint (amount_of (fixture, "2010301", "basic"), ==, 100);
  g_assert_cmpint (amount_of (fixture, "2010301", "project"), ==, 500);
  g_assert_cmpint (amount_of (fixture, "2010399", "project"), ==, -1);
}

static void
test_round_trip (void)
{
  run (round_trip);
}

static void
assert_unchanged (Fixture *fixture,
                  GBytes  *before)
{
  g_autoptr(GBytes) after = gk_document_serialize (fixture->document);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (gk_document_can_undo (fixture->document));
}

static void
refused (Fixture *fixture)
{
  g_autoptr(GBytes) before = gk_document_serialize (fixture->document);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (fixture->table));
  g_autofree char *named = NULL;
  guint last = g_list_model_get_n_items (gk_table_page_get_rows (fixture->page)) - 1;

  /* A computed cell that would come out otherwise refuses everything,
   * named in the document's words; the entered cells before it stay. */
  focus_cell (fixture, "2010301", "basic");
  g_assert_false (gk_table_page_paste_text (fixture->page, "1\t2\n3\t4\n5\t6\n", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  named = g_strdup_printf ("%s 208 社会保障和就业支出 基本支出", label);
  g_assert_nonnull (strstr (error->message, named));
  g_assert_nonnull (strstr (error->message, "5"));
  g_clear_error (&error);
  assert_unchanged (fixture, before);

  /* A subtotal pasted over with what it would not be. */
  g_assert_true (gk_table_page_select_cells (fixture->page, row_of (fixture, "20103"), column_of (fixture, "basic"),
                                             row_of (fixture, "20103"), column_of (fixture, "basic")));
  g_assert_false (gk_table_page_paste_text (fixture->page, "1\n2\n3\n", &error));
  g_assert_nonnull (strstr (error->message, "20103"));
  g_clear_error (&error);
  assert_unchanged (fixture, before);

  /* Rows and columns past the table's edges are counted. */
  g_assert_true (gk_table_page_select_cells (fixture->page, row_of (fixture, "total"), column_of (fixture, "basic"),
                                             row_of (fixture, "total"), column_of (fixture, "basic")));
  g_assert_cmpuint (gk_table_page_find_row (fixture->page, row_of (fixture, "total")), ==, last);
  g_assert_false (gk_table_page_paste_text (fixture->page, "1\n2\n3\n", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 of the copied rows"));
  g_clear_error (&error);
  focus_cell (fixture, "2010301", "basic");
  g_assert_false (gk_table_page_paste_text (fixture->page, "1\t2\t3\t4\n", &error));
  g_assert_nonnull (strstr (error->message, "2 of the copied columns"));
  g_clear_error (&error);
  assert_unchanged (fixture, before);

  /* A figure that is none is named with its cell. */
  g_assert_false (gk_table_page_paste_text (fixture->page, "1\tabc\n", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“abc”"));
  g_assert_nonnull (strstr (error->message, "2010301"));
  g_assert_nonnull (strstr (error->message, "项目支出"));
  g_clear_error (&error);
  assert_unchanged (fixture, before);
}

static void
test_refused (void)
{
  run (refused);
}

/* A 万元 table of a 元 document ------------------------------------------------ */

/* Shanghai's 三公 table in 万元 of a document in 元: 1 234.56元 shows as
 * 0.12 and is copied as 0.123456, which pastes back to the same 元. */
static void
unit_activated (GApplication *app,
                gpointer      user_data)
{
  GkTemplate *shanghai = gk_template_find ("shanghai-2025");
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *range = NULL;
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GkTablePage *page;
  GkTable *table;
  GkAmount amount = 123456, read = 0;
  guint abroad, total;
  CellRef ref;

  g_assert_nonnull (shanghai);
  document = gk_document_new_blank_for_template (shanghai, "上海市测试局", 2025, GK_MONEY_UNIT_YUAN);
  gk_window_set_document (window, document, NULL);
  gk_window_set_selected_page (window, "sangong");
  page = GK_TABLE_PAGE (gk_window_get_page (window, "sangong"));
  table = gk_table_page_get_table (page);
  abroad = gk_table_column_index (table, "abroad");
  total = gk_table_column_index (table, "total");
  row = g_list_model_get_item (gk_table_get_roots (table), 0);
  g_assert_nonnull (row);
  g_assert_true (gk_document_set_amount (document, row, abroad, &amount, NULL));
  gk_test_iterate_until (gk_test_is_mapped, page);

  ref = (CellRef) { page, row, abroad };
  g_assert_true (gk_table_page_focus_cell (page, row, abroad));
  gk_test_iterate_until (focus_is_at, &ref);
  g_assert_cmpstr (gk_table_cell_get_text (gk_table_page_get_focus_cell (page)), ==, "0.12");
  copied = gk_table_page_copy_text (page);
  g_assert_cmpstr (copied, ==, "0.123456\n");

  /* Back over itself: nothing changes, no step is added. */
  g_assert_true (gk_table_page_paste_text (page, copied, &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_undo (document));
  g_assert_false (gk_document_can_undo (document));

  /* Over the cell the undo blanked: the same 元, not 1 200元. */
  g_assert_false (gk_row_get_amount (row, abroad, NULL));
  g_assert_true (gk_table_page_paste_text (page, copied, &error));
  g_assert_no_error (error);
  g_assert_true (gk_row_get_amount (row, abroad, &read));
  g_assert_cmpint (read, ==, 123456);

  /* The computed total copied with it is exact too, and pastes back. */
  g_assert_true (gk_table_page_select_cells (page, row, total, row, abroad));
  range = gk_table_page_copy_text (page);
  g_assert_cmpstr (range, ==, "0.123456\t0.123456\n");
  g_assert_true (gk_document_set_amount (document, row, abroad, NULL, NULL));
  g_assert_true (gk_table_page_select_cells (page, row, total, row, abroad));
  g_assert_true (gk_table_page_paste_text (page, range, &error));
  g_assert_no_error (error);
  g_assert_true (gk_row_get_amount (row, abroad, &read));
  g_assert_cmpint (read, ==, 123456);

  /* A figure finer than a 元 cent is no figure of this document. */
  g_assert_false (gk_table_page_paste_text (page, "0.1234567\t0.1234567\n", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  gk_test_destroy_window (window);
}

static void
test_table_unit (void)
{
  gk_test_run_app (G_CALLBACK (unit_activated), NULL);
}

/* Menus and shortcuts -------------------------------------------------------------- */

static void
collect_accelerators (GtkWidget  *widget,
                      GPtrArray  *found)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) each = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      each = g_strsplit (accelerator ?: "", " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        if (each[i][0] != '\0')
          g_ptr_array_add (found, g_strdup (each[i]));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, found);
}

static gboolean
listed (GPtrArray  *found,
        const char *accelerator)
{
  guint key, wanted_key;
  GdkModifierType mods, wanted_mods;

  g_assert_true (gtk_accelerator_parse (accelerator, &wanted_key, &wanted_mods));
  for (guint i = 0; i < found->len; i++)
    if (gtk_accelerator_parse (found->pdata[i], &key, &mods) && key == wanted_key && mods == wanted_mods)
      return TRUE;
  return FALSE;
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
menu_shown (gpointer data)
{
  GtkWidget *menu = gk_table_page_get_context_menu (data);

  return menu != NULL && gtk_widget_get_mapped (menu);
}

static void
context_menu (Fixture *fixture)
{
  GtkWidget *menu;
  GMenuModel *model;

  focus_cell (fixture, "2010301", "basic");
  g_assert_null (gk_table_page_get_context_menu (fixture->page));

  /* The Menu key and Shift+F10 open it at the focused cell. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "table.context-menu", NULL));
  gk_test_iterate_until (menu_shown, fixture->page);
  menu = gk_table_page_get_context_menu (fixture->page);
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  g_assert_true (menu_has_action (model, "table.copy"));
  g_assert_true (menu_has_action (model, "table.paste"));
  g_assert_true (menu_has_action (model, "table.add-row"));
  g_assert_true (menu_has_action (model, "table.remove-row"));
  gtk_popover_popdown (GTK_POPOVER (menu));

  /* Its Copy is the page's: the focused cell. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "table.copy", NULL));
}

static void
test_context_menu (void)
{
  run (context_menu);
}

static void
shortcuts (Fixture *fixture)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (fixture->window));
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/gongkai/Gongkai/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);
  g_auto(GStrv) close = gtk_application_get_accels_for_action (app, "window.close");
  GtkWidget *button = find_menu_button (GTK_WIDGET (fixture->window));
  static const char * const page_keys[] = {
    "Tab", "<Shift>Tab", "Up", "Down", "Left", "Right", "Home", "End", "Return", "F2", "Escape",
    "Delete", "<Shift>Up", "<Shift>Down", "<Shift>Left", "<Shift>Right", "<Control>c", "<Control>v",
    "<Control>Insert", "<Shift>Insert", "Menu", "<Shift>F10", "<Control>Return",
  };

  /* Ctrl+W closes the window. */
  g_assert_cmpstr (close[0], ==, "<Control>w");

  /* Undo and Redo are in the primary menu. */
  g_assert_nonnull (button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), "win.undo"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)), "win.redo"));

  /* Every accelerator of the application and every key of a table is
   * listed in the shortcuts window. */
  collect_accelerators (overlay, found);
  g_assert_cmpuint (found->len, >, 0);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        if (!listed (found, accels[j]))
          g_error ("%s of %s is not in the shortcuts window", accels[j], actions[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    if (!listed (found, page_keys[i]))
      g_error ("%s is not in the shortcuts window", page_keys[i]);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_shortcuts (void)
{
  run (shortcuts);
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

  g_test_add_func ("/table-range/select-with-keys", test_select_with_keys);
  g_test_add_func ("/table-range/shift-home-end", test_shift_home_end);
  g_test_add_func ("/table-range/left-right", test_left_right);
  g_test_add_func ("/table-range/letters", test_letters);
  g_test_add_func ("/table-range/copy", test_copy);
  g_test_add_func ("/table-range/paste-blank-first", test_paste_blank_first);
  g_test_add_func ("/table-range/round-trip", test_round_trip);
  g_test_add_func ("/table-range/refused", test_refused);
  g_test_add_func ("/table-range/table-unit", test_table_unit);
  g_test_add_func ("/table-range/context-menu", test_context_menu);
  g_test_add_func ("/table-range/shortcuts", test_shortcuts);
  return g_test_run ();
}
