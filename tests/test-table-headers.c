/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "gk-application.h"
#include "gk-table-cell.h"
#include "gk-table-header.h"
#include "gk-table-layout.h"
#include "gk-table-page.h"
#include "gk-template-private.h"
#include "gk-tooltip.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* A table page's headers and its frozen columns, in a real window:
 * headers several rows deep from tests/data/templates/headers-test.json
 * (a function table with groups two and three deep, a single table with
 * four header rows), and the sample's 收入总表, wide enough to scroll. */

typedef void (*PageTestFunc) (GkWindow *window);

static void
activated (GApplication *app,
           gpointer      user_data)
{
  PageTestFunc func = user_data;
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  func (window);
  gk_test_destroy_window (window);
}

static void
run (PageTestFunc func)
{
  gk_test_run_app (G_CALLBACK (activated), func);
}

static GkDocument *
load_headers_document (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "templates",
                                            "headers-test.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GkTemplate *template;
  GkDocument *document;
  GkTable *table;
  GkRow *row;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  template = gk_template_parse_definition (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  document = gk_document_new_for_template (template);
  table = gk_document_get_table (document, "expenditure");
  row = gk_document_add_row (document, table, "2010301", "行政运行", &error);
  g_assert_no_error (error);
  g_assert_true (gk_document_set_amount_text (document, row, gk_table_column_index (table, "personnel"),
                                              "123456789012.34", &error));
  g_assert_no_error (error);
  return document;
}

/* Laid out: the last column's title about as wide as the column. */
static gboolean
laid_out (gpointer data)
{
  GtkColumnView *view = gk_table_page_get_column_view (data);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  GtkWidget *title = header ? gtk_widget_get_last_child (header) : NULL;

  return title != NULL && gtk_widget_get_mapped (gk_table_page_get_header (data)) &&
         gtk_widget_get_width (title) >= gtk_column_view_column_get_fixed_width (column) / 2;
}

static GkTablePage *
show_page (GkWindow   *window,
           GkDocument *document,
           const char *role)
{
  GkTablePage *page;

  gk_window_set_document (window, document, NULL);
  gk_window_set_selected_page (window, role);
  page = GK_TABLE_PAGE (gk_window_get_page (window, role));
  gk_test_iterate_until (gk_test_is_mapped, page);
  gk_test_iterate_until (laid_out, page);
  gk_test_iterate_idle ();
  return page;
}

/* The column view's title widgets, in column order. */
static GPtrArray *
titles_of (GtkColumnView *view)
{
  GPtrArray *titles = g_ptr_array_new ();
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));

  for (GtkWidget *child = gtk_widget_get_first_child (header); child; child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (titles, child);
  return titles;
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_label (child);
      if (label != NULL)
        return label;
    }
  return NULL;
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *target)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, target, &bounds));
  return bounds;
}

/* Every header cell of the layout above the last row is a label spanning
 * exactly its columns' titles, one row below the other, none overlapping;
 * the cells of the last row are the column view's titles. */
static void
assert_headers (GkTablePage *page,
                guint        expected_rows)
{
  GkTableHeader *header = GK_TABLE_HEADER (gk_table_page_get_header (page));
  g_autoptr(GkTableLayout) layout = gk_table_layout_new (gk_table_page_get_document (page),
                                                         gk_table_page_get_table (page));
  g_autoptr(GPtrArray) titles = titles_of (gk_table_page_get_column_view (page));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  int row_height = 0;

  g_assert_cmpuint (layout->n_header_rows, ==, expected_rows);
  g_assert_cmpuint (titles->len, ==, layout->n_columns);
  for (guint i = 0; i < layout->header->len; i++)
    {
      GkLayoutHeaderCell *cell = layout->header->pdata[i];
      GtkWidget *label;
      graphene_rect_t box, first, last;
      gboolean continued = cell->row + cell->row_span == layout->n_header_rows;

      if (cell->row + 1 == layout->n_header_rows)
        {
          GtkWidget *title = find_label (titles->pdata[cell->column]);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, cell->text);
          continue;
        }
      label = gk_table_header_get_label (header, cell->row, cell->column);
      g_assert_nonnull (label);
      g_assert_true (gtk_widget_get_child_visible (label));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, continued ? "" : cell->text);
      g_assert_true (gtk_widget_has_css_class (label, "gk-continued") == continued);
      box = bounds_in (label, GTK_WIDGET (header));
      first = bounds_in (titles->pdata[cell->column], GTK_WIDGET (header));
      last = bounds_in (titles->pdata[cell->column + cell->column_span - 1], GTK_WIDGET (header));
      g_assert_cmpfloat_with_epsilon (box.origin.x, first.origin.x, 1.0);
      g_assert_cmpfloat_with_epsilon (box.origin.x + box.size.width, last.origin.x + last.size.width, 1.0);
      if (!continued && cell->row_span == 1)
        row_height = MAX (row_height, (int) box.size.height);
      /* Down to the column titles when it reaches them. */
      if (continued)
        g_assert_cmpfloat_with_epsilon (box.origin.y + box.size.height,
                                        gtk_widget_get_height (GTK_WIDGET (header)), 0.5);
      g_ptr_array_add (labels, label);
    }
  g_assert_cmpint (row_height, >, 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (header)), >=, row_height * (int) (expected_rows - 1));
  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      {
        graphene_rect_t a = bounds_in (labels->pdata[i], GTK_WIDGET (header));
        graphene_rect_t b = bounds_in (labels->pdata[j], GTK_WIDGET (header));
        graphene_rect_t overlap;

        if (graphene_rect_intersection (&a, &b, &overlap))
          g_assert_true (overlap.size.width < 0.5 || overlap.size.height < 0.5);
      }
}

static void
depth (GkWindow *window)
{
  g_autoptr(GkDocument) document = load_headers_document ();
  GkTablePage *page = show_page (window, document, "expenditure");
  GkTableHeader *header = GK_TABLE_HEADER (gk_table_page_get_header (page));

  /* 财政拨款 › 一般公共预算 › 基本支出 › 人员经费: four rows. */
  assert_headers (page, 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gk_table_header_get_label (header, 0, 5))), ==, "财政拨款");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gk_table_header_get_label (header, 2, 5))), ==, "基本支出");
  /* 科目名称 goes down from the first row to its title. */
  g_assert_true (gtk_widget_has_css_class (gk_table_header_get_label (header, 0, 3), "gk-continued"));

  page = show_page (window, document, "sangong");
  assert_headers (page, 4);
  header = GK_TABLE_HEADER (gk_table_page_get_header (page));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gk_table_header_get_label (header, 1, 2))), ==,
                   "公务用车购置及运行维护费");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gk_table_header_get_label (header, 2, 2))), ==, "购置费");
}

static void
test_depth (void)
{
  run (depth);
}

static gboolean
narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 40;
}

/* A header cut short by its column says its whole text; one that fits
 * does not; a 12-digit amount in 元 fits its column. */
static void
tooltips (GkWindow *window)
{
  g_autoptr(GkDocument) document = load_headers_document ();
  GkTablePage *page = show_page (window, document, "expenditure");
  GkTableHeader *header = GK_TABLE_HEADER (gk_table_page_get_header (page));
  GtkColumnView *view = gk_table_page_get_column_view (page);
  GkTable *table = gk_table_page_get_table (page);
  g_autoptr(GtkColumnViewColumn) business = g_list_model_get_item (gtk_column_view_get_columns (view), 10);
  g_autoptr(GPtrArray) titles = titles_of (view);
  GtkWidget *title = find_label (titles->pdata[10]);
  GtkWidget *group = gk_table_header_get_label (header, 0, 10);
  GkTableCell *cell;
  g_autofree char *cut = NULL;
  g_autofree char *whole = NULL;

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "事业收入安排的支出");
  g_assert_true (gtk_widget_get_has_tooltip (title));
  g_assert_null (gk_label_dup_cut_text (GTK_LABEL (title)));
  g_assert_null (gk_label_dup_cut_text (GTK_LABEL (group)));

  gtk_column_view_column_set_fixed_width (business, 40);
  gk_test_iterate_until (narrow, title);
  gk_test_iterate_idle ();
  whole = gk_label_dup_cut_text (GTK_LABEL (title));
  g_assert_cmpstr (whole, ==, "事业收入安排的支出");
  cut = gk_label_dup_cut_text (GTK_LABEL (group));
  g_assert_cmpstr (cut, ==, "其他资金");

  /* 123456789012.34 whole in its cell. */
  cell = gk_table_page_lookup_cell (page, gk_table_lookup (table, "2010301"), gk_table_column_index (table, "personnel"));
  g_assert_nonnull (cell);
  g_assert_cmpstr (gk_table_cell_get_text (cell), ==, "123456789012.34");
  {
    GtkWidget *text = find_label (GTK_WIDGET (cell));
    int natural;

    g_assert_nonnull (text);
    gtk_widget_measure (text, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    g_assert_cmpint (gtk_widget_get_width (text), >=, natural);
    g_assert_null (gk_label_dup_cut_text (GTK_LABEL (text)));
  }
}

static void
test_tooltips (void)
{
  run (tooltips);
}

/* Frozen columns ------------------------------------------------------------ */

typedef struct
{
  GtkWidget *widget;
  guint      position;
  GtkWidget *found;
} Find;

/* The name of the row at @position as a column view shows it. */
static void
find_name (GtkWidget *widget,
           Find      *find)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "gk-list-item");

  if (item != NULL && GTK_IS_TREE_EXPANDER (widget) && gtk_list_item_get_position (item) == find->position &&
      gtk_widget_get_mapped (widget))
    {
      find->found = widget;
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child && !find->found;
       child = gtk_widget_get_next_sibling (child))
    find_name (child, find);
}

static GtkWidget *
name_at (GtkColumnView *view,
         guint          position)
{
  Find find = { GTK_WIDGET (view), position, NULL };

  find_name (GTK_WIDGET (view), &find);
  return find.found;
}

static gboolean
frozen_shown (gpointer data)
{
  GtkColumnView *frozen = gk_table_page_get_frozen_view (data);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (frozen), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_widget_get_mapped (scroller) && gtk_widget_get_width (scroller) > 0;
}

static GtkAdjustment *
hadjustment_of (GkTablePage *page)
{
  return gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (gk_table_page_get_column_view (page)));
}

static gboolean
scrolled_to_end (gpointer data)
{
  GtkAdjustment *adjustment = hadjustment_of (data);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) &&
         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
           gtk_adjustment_get_upper (adjustment) - 0.5 &&
         frozen_shown (data);
}

static GkTablePage *
scrolled_income (GkWindow   *window,
                 GkDocument *document)
{
  GkTablePage *page = show_page (window, document, "income");

  g_assert_nonnull (gk_table_page_get_frozen_view (page));
  g_assert_false (frozen_shown (page));
  gk_test_iterate_until (scrolled_to_end, page);
  gk_test_iterate_idle ();
  return page;
}

/* The last amount column in view, and beside it the names, on the same
 * lines as their figures. */
static void
frozen_in_view (GkWindow *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTablePage *page = scrolled_income (window, document);
  GkTable *table = gk_table_page_get_table (page);
  GtkColumnView *main = gk_table_page_get_column_view (page);
  GtkColumnView *frozen = gk_table_page_get_frozen_view (page);
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (main), GTK_TYPE_SCROLLED_WINDOW);
  GkRow *row = gk_table_lookup (table, "2010301");
  guint position = gk_table_page_find_row (page, row);
  guint last = gk_table_schema_get_n_columns (gk_table_get_schema (table)) - 1;
  GkTableCell *cell;
  GtkWidget *name;
  graphene_rect_t name_box, cell_box, frozen_box;

  gk_test_iterate_idle ();
  name = name_at (frozen, position);
  g_assert_nonnull (name);
  name_box = bounds_in (name, viewport);
  g_assert_cmpfloat (name_box.origin.x, >=, 0);
  g_assert_cmpfloat (name_box.origin.x + name_box.size.width, <=, gtk_widget_get_width (viewport));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (name)))), ==,
                   gk_row_get_name (row));

  /* The last figure in view, clear of the frozen columns, on the name's line. */
  cell = gk_table_page_lookup_cell (page, row, last);
  g_assert_nonnull (cell);
  cell_box = bounds_in (gtk_widget_get_parent (GTK_WIDGET (cell)), viewport);
  frozen_box = bounds_in (GTK_WIDGET (frozen), viewport);
  g_assert_cmpfloat (cell_box.origin.x, >=, frozen_box.origin.x + frozen_box.size.width - 0.5);
  g_assert_cmpfloat (cell_box.origin.x + cell_box.size.width, <=, gtk_widget_get_width (viewport) + 0.5);
  g_assert_cmpfloat_with_epsilon (bounds_in (gtk_widget_get_parent (name), viewport).origin.y,
                                  cell_box.origin.y, 0.5);
  g_assert_cmpfloat_with_epsilon (bounds_in (gtk_widget_get_parent (name), viewport).size.height,
                                  cell_box.size.height, 0.5);

  /* Its clicks are the table's: the context menu, Shift+click. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (frozen));
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        found |= g_strcmp0 (gtk_event_controller_get_name (controller), "gk-table-clicks") == 0;
      }
    g_assert_true (found);
  }

  /* Scrolled down, the names stay on the lines of their figures. */
  {
    GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (main));
    GtkAdjustment *frozen_vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (frozen));

    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
    gk_test_iterate_idle ();
    g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (frozen_vadjustment),
                                    gtk_adjustment_get_value (vadjustment), 0.5);
  }

  /* Scrolled back, the page is one column view again. */
  gtk_adjustment_set_value (hadjustment_of (page), 0);
  gk_test_iterate_idle ();
  g_assert_false (frozen_shown (page));
}

static void
test_frozen_in_view (void)
{
  run (frozen_in_view);
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

  return cell != NULL && gk_table_cell_get_row (cell) == ref->row && gk_table_cell_get_column (cell) == ref->column;
}

static gboolean
press (GkTablePage     *page,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (page));
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

/* The first entered figure of @row. */
static guint
first_entered (GkRow *row)
{
  for (guint c = 0; c < gk_row_get_n_columns (row); c++)
    if (gk_row_is_cell_entered (row, c))
      return c;
  g_assert_not_reached ();
}

/* The focused figure is in view, clear of the frozen columns if shown. */
static gboolean
focus_clear_of_frozen (gpointer data)
{
  GkTablePage *page = data;
  GtkWidget *frozen = gtk_widget_get_ancestor (GTK_WIDGET (gk_table_page_get_frozen_view (page)),
                                               GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_widget_get_ancestor (GTK_WIDGET (gk_table_page_get_column_view (page)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GkTableCell *cell = gk_table_page_get_focus_cell (page);
  int frozen_width = gtk_widget_get_visible (frozen) ? gtk_widget_get_width (frozen) : 0;
  graphene_rect_t box;

  return cell != NULL && gtk_widget_compute_bounds (GTK_WIDGET (cell), viewport, &box) &&
         box.origin.x >= frozen_width - 0.5 &&
         box.origin.x + box.size.width <= gtk_widget_get_width (viewport) + 0.5;
}

/* Right on a frozen name goes into the row's first figure, in view. */
static void
right_from_name (GkWindow *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTablePage *page = scrolled_income (window, document);
  GkTable *table = gk_table_page_get_table (page);
  GkRow *row = gk_table_lookup (table, "2010301");
  CellRef ref = { page, row, first_entered (row) };
  GtkWidget *name = name_at (gk_table_page_get_frozen_view (page), gk_table_page_find_row (page, row));
  GtkWidget *focus_row;

  g_assert_nonnull (name);
  /* The row the name is in, as a click on it would focus it. */
  focus_row = gtk_widget_get_parent (gtk_widget_get_parent (name));
  g_assert_true (gtk_widget_grab_focus (focus_row));
  g_assert_null (gk_table_page_get_focus_cell (page));
  /* Right with Shift, or on nothing, is not taken. */
  g_assert_false (press (page, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (press (page, GDK_KEY_Right, 0));
  gk_test_iterate_until (focus_is_at, &ref);
  gk_test_iterate_idle ();

  /* The figure comes into view, not under the frozen columns. */
  gk_test_iterate_until (focus_clear_of_frozen, page);
}

static void
test_right_from_name (void)
{
  run (right_from_name);
}

/* A range from the first figure beside the names to the last, scrolled
 * out of view at first, copies every figure of its rows. */
static void
range_across (GkWindow *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTablePage *page = show_page (window, document, "income");
  GkTable *table = gk_table_page_get_table (page);
  g_autoptr(GkTableLayout) layout = gk_table_layout_new (document, table);
  GkRow *row = gk_table_lookup (table, "2010301");
  guint n_columns = gk_table_schema_get_n_columns (gk_table_get_schema (table));
  CellRef ref = { page, row, first_entered (row) };
  g_autofree char *text = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  guint first = layout->n_columns - n_columns;
  guint rows = 0, columns = 0;

  g_assert_true (gk_table_page_focus_cell (page, row, ref.column));
  gk_test_iterate_until (focus_is_at, &ref);
  g_assert_true (press (page, GDK_KEY_Down, GDK_SHIFT_MASK));
  for (guint i = 0; i < n_columns; i++)
    g_assert_true (press (page, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (gk_table_page_get_range_size (page, &rows, &columns));
  g_assert_cmpuint (rows, ==, 2);
  g_assert_cmpuint (columns, ==, n_columns - ref.column);

  /* Scrolled to the last column, it is still selected there. */
  gk_test_iterate_until (scrolled_to_end, page);
  gk_test_iterate_idle ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gk_table_page_lookup_cell (page, row, n_columns - 1)),
                                           "gk-selected"));

  text = gk_table_page_copy_text (page);
  for (guint i = 0; i < layout->lines->len; i++)
    {
      GkLayoutLine *line = layout->lines->pdata[i];
      guint at = gk_table_page_find_row (page, row);

      if (line->row != row && line->row != gk_table_page_get_row_at (page, at + 1))
        continue;
      for (guint c = first + ref.column; c < layout->n_columns; c++)
        g_string_append_printf (expected, c > first + ref.column ? "\t%s" : "%s", line->cells[c]);
      g_string_append_c (expected, '\n');
    }
  g_assert_cmpstr (text, ==, expected->str);
}

static void
test_range_across (void)
{
  run (range_across);
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

  g_test_add_func ("/table-headers/depth", test_depth);
  g_test_add_func ("/table-headers/tooltips", test_tooltips);
  g_test_add_func ("/table-headers/frozen-in-view", test_frozen_in_view);
  g_test_add_func ("/table-headers/right-from-name", test_right_from_name);
  g_test_add_func ("/table-headers/range-across", test_range_across);
  return g_test_run ();
}
