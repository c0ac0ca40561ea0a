/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gk-application.h"
#include "gk-document.h"
#include "gk-table-cell.h"
#include "gk-table-page.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* What a finance officer who cannot see the colours, or the icons, is
 * told: every button has a name, every cell says where it is. */

/* Accessibility --------------------------------------------------------------- */

static gboolean
has_text_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  if (ADW_IS_BUTTON_CONTENT (widget) && adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)) != NULL &&
      *adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_text_label (child))
      return TRUE;
  return FALSE;
}

static gboolean
has_icon (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child))
      return TRUE;
  return FALSE;
}

static gboolean
is_named (GtkWidget *widget)
{
  /* Not LABELLED_BY: GTK relates a menu button to its own inner button,
   * which names nothing. */
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* The icon-only buttons under @widget that a screen reader cannot name. */
static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* A menu button's own inner button is named through the menu button; a
   * spin button's steppers are reached as the spin button's value. */
  if ((GTK_IS_BUTTON (widget) && !(parent && (GTK_IS_MENU_BUTTON (parent) || GTK_IS_SPIN_BUTTON (parent)))) ||
      GTK_IS_MENU_BUTTON (widget))
    {
      if (has_icon (widget) && !has_text_label (widget) && !is_named (widget))
        {
          const char *icon = GTK_IS_MENU_BUTTON (widget)
            ? gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget))
            : gtk_button_get_icon_name (GTK_BUTTON (widget));
          g_ptr_array_add (unnamed, g_strdup_printf ("%s (%s) in %s", G_OBJECT_TYPE_NAME (widget),
                                                     icon ? icon : "image",
                                                     parent ? G_OBJECT_TYPE_NAME (parent) : "-"));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
assert_all_named (GtkWidget  *widget,
                  const char *where)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  collect_unnamed (widget, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("%s: unnamed icon button %s", where, (char *) unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
test_checker_fails (void)
{
  g_autoptr(GtkWidget) box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  GtkWidget *bare = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *menu = gtk_menu_button_new ();
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_box_append (GTK_BOX (box), bare);
  gtk_box_append (GTK_BOX (box), menu);
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Add"));
  collect_unnamed (box, unnamed);
  g_assert_cmpuint (unnamed->len, ==, 2);

  gtk_accessible_update_property (GTK_ACCESSIBLE (bare), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, "Menu", -1);
  g_ptr_array_set_size (unnamed, 0);
  collect_unnamed (box, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("still unnamed: %s", (char *) unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
every_button_named (GkApplication *app,
                    GkWindow      *window)
{
  static const char * const ids[] = {
    "overview", "income-summary", "income", "expenditure", "fiscal-summary", "general-expenditure",
    "basic-expenditure", "project-expenditure", "sangong", "fund-expenditure",
    "explanation", "projects", "glossary", "charts", "checks",
  };
  g_autoptr(GkDocument) document = gk_test_load_sample ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (gk_test_is_mapped, window);
  assert_all_named (GTK_WIDGET (window), "start");

  gk_window_set_document (window, document, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      gk_window_set_selected_page (window, ids[i]);
      gk_test_iterate_until (gk_test_is_mapped, gk_window_get_page (window, ids[i]));
      assert_all_named (GTK_WIDGET (window), ids[i]);
    }
  gk_test_destroy_window (window);
}

static void
test_every_button_named (void)
{
  gk_test_run_window (every_button_named);
}

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

static void
cells_say_where (GkApplication *app,
                 GkWindow      *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTablePage *page;
  GkTable *table;
  GkTableCell *cell;
  CellWait wait;
  char *error;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, NULL);
  gk_window_set_selected_page (window, "expenditure");
  page = GK_TABLE_PAGE (gk_window_get_page (window, "expenditure"));
  gk_test_iterate_until (gk_test_is_mapped, page);
  table = gk_table_page_get_table (page);
  wait = (CellWait) { page, gk_table_lookup (table, "2010301"), gk_table_column_index (table, "basic") };
  gk_test_iterate_until (cell_bound, &wait);

  cell = gk_table_page_lookup_cell (page, wait.row, wait.column);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "2010301 行政运行（政府办公厅（室）及相关机构事务）, 基本支出");
  if (error != NULL)
    g_test_message ("the cell's name: %s", error);
  g_assert_null (error);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Entered");
  g_assert_null (error);

  cell = gk_table_page_lookup_cell (page, wait.row, gk_table_column_index (table, "total"));
  g_assert_nonnull (cell);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                              "Calculated automatically");
  g_assert_null (error);
  gk_test_destroy_window (window);
}

static void
test_cells_say_where (void)
{
  gk_test_run_window (cells_say_where);
}

/* Chinese forms under any desktop language ------------------------------------------ */

static gboolean ja_locale;

/* The first label under @widget whose text is @text, or contains it when
 * @text starts with "*". */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      (text[0] == '*' ? strstr (gtk_label_get_text (GTK_LABEL (widget)), text + 1) != NULL
                      : g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The family of the font Pango sets @text in with @label's layout. */
static char *
han_family (GtkLabel   *label,
            const char *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_copy (gtk_label_get_layout (label));
  PangoLayoutRun *run;
  g_autoptr(PangoFontDescription) desc = NULL;

  pango_layout_set_text (layout, text, -1);
  run = pango_layout_get_line_readonly (layout, 0)->runs->data;
  desc = pango_font_describe (run->item->analysis.font);
  return g_strdup (pango_font_description_get_family (desc));
}

static void
simplified_forms (GkApplication *app,
                  GkWindow      *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GtkWidget) plain = g_object_ref_sink (gtk_label_new ("预算"));
  g_autofree char *plain_family = NULL;
  g_autofree char *name_family = NULL;
  g_autofree char *cell_family = NULL;
  GkTablePage *page;
  GkTable *table;
  GtkLabel *name;
  GtkWidget *cell;
  CellWait wait;

  /* Without a language of its own, Han text takes the desktop's forms. */
  plain_family = han_family (GTK_LABEL (plain), "预算");
  g_test_message ("a label under ja_JP: %s", plain_family);
  g_assert_cmpstr (plain_family, ==, "Noto Sans CJK JP");

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, NULL);
  gk_window_set_selected_page (window, "expenditure");
  page = GK_TABLE_PAGE (gk_window_get_page (window, "expenditure"));
  gk_test_iterate_until (gk_test_is_mapped, page);
  table = gk_table_page_get_table (page);
  wait = (CellWait) { page, gk_table_lookup (table, "2010301"), gk_table_column_index (table, "basic") };
  gk_test_iterate_until (cell_bound, &wait);

  name = find_label (GTK_WIDGET (page), "*行政运行");
  g_assert_nonnull (name);
  name_family = han_family (name, "预算");
  g_assert_cmpstr (name_family, ==, "Noto Sans CJK SC");

  cell = GTK_WIDGET (gk_table_page_lookup_cell (page, wait.row, wait.column));
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (cell)));
  cell_family = han_family (GTK_LABEL (gtk_widget_get_first_child (cell)), "预算");
  g_assert_cmpstr (cell_family, ==, "Noto Sans CJK SC");
  gk_test_destroy_window (window);
}

static void
test_simplified_forms (void)
{
  if (!ja_locale)
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed (locales-all)");
      return;
    }
  g_assert_cmpstr (pango_language_to_string (pango_language_get_default ()), ==, "ja-jp");
  gk_test_run_window (simplified_forms);
}

/* The legend ---------------------------------------------------------------------- */

#define LEGEND "Cells on a tinted ground are typed in; figures in grey are computed."

static void
legend_says (GkApplication *app,
             GkWindow      *window)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page;
  GtkLabel *legend;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, NULL);

  /* A table with entered cells says which they are. */
  gk_window_set_selected_page (window, "expenditure");
  page = gk_window_get_page (window, "expenditure");
  gk_test_iterate_until (gk_test_is_mapped, page);
  legend = find_label (page, LEGEND);
  g_assert_nonnull (legend);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (legend)));

  /* A summary has none: its banner says everything is computed. */
  gk_window_set_selected_page (window, "income-summary");
  page = gk_window_get_page (window, "income-summary");
  gk_test_iterate_until (gk_test_is_mapped, page);
  legend = find_label (page, LEGEND);
  g_assert_nonnull (legend);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (legend)));
  gk_test_destroy_window (window);
}

static void
test_legend (void)
{
  gk_test_run_window (legend_says);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* With no accessibility backend GTK keeps no accessible properties at all;
   * the test backend keeps them where the test can read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  {
    g_autofree char *data = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  /* A Japanese desktop: GTK sets the locale from the environment. The
   * messages stay untranslated, there being no Japanese catalogue. */
  ja_locale = setlocale (LC_ALL, "ja_JP.UTF-8") != NULL;
  g_setenv ("LC_ALL", ja_locale ? "ja_JP.UTF-8" : "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/table-view/a11y/checker-fails", test_checker_fails);
  g_test_add_func ("/table-view/a11y/every-button-named", test_every_button_named);
  g_test_add_func ("/table-view/a11y/cells-say-where", test_cells_say_where);
  g_test_add_func ("/table-view/simplified-forms", test_simplified_forms);
  g_test_add_func ("/table-view/legend", test_legend);
  return g_test_run ();
}
