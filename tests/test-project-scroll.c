/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-application.h"
#include "gk-document-io.h"
#include "gk-draft.h"
#include "gk-table-cell.h"
#include "gk-table-unit.h"
#include "gk-test-window.h"

/* 表七 of a document with many projects, paged through as a user pages
 * through it: the list view recycles the cells of the rows that leave the
 * view, so a row scrolled back into view is shown by cells bound anew, and
 * scrolling changes nothing in the document (no draft is written for it).
 * The sample gets N_PROJECTS projects, each with its own figure, more
 * than the list keeps bound at once. */

#define N_PROJECTS 400

typedef void (*ProjectTestFunc) (GkWindow    *window,
                                 GkDocument  *document,
                                 GkTablePage *page);

static GPtrArray *projects;  /* the GkProject added, in order */
static GkTable *projects_table;
static guint figure_column;
static guint total_column;  /* the first amount, in view without scrolling sideways */
static int window_width = 1280, window_height = 1100;

/* The figure entered for the @i-th project added: all differ. */
static char *
figure_of (guint i)
{
  return g_strdup_printf ("%u.%02u", 1000 + i, i % 100);
}

static GkDocument *
large_document (void)
{
  GkDocument *document = gk_test_load_sample ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < N_PROJECTS; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("网格化管理经费%04u", i));
      g_ptr_array_add (codes, (gpointer) "2010399");
    }
  projects = gk_document_add_projects (document, (const char * const *) names->pdata,
                                       (const char * const *) codes->pdata, N_PROJECTS);
  g_assert_cmpuint (projects->len, ==, N_PROJECTS);
  projects_table = gk_row_get_table (gk_project_get_row (projects->pdata[0]));
  figure_column = gk_table_column_index (projects_table, "e302");
  total_column = gk_table_column_index (projects_table, "total");
  for (guint i = 0; i < N_PROJECTS; i++)
    {
      g_autofree char *figure = figure_of (i);
      g_autoptr(GError) error = NULL;

      g_assert_true (gk_document_set_amount_text (document, gk_project_get_row (projects->pdata[i]),
                                                  figure_column, figure, &error));
      g_assert_no_error (error);
    }
  gk_document_mark_saved (document);
  return document;
}

static void
activated (GApplication *app,
           gpointer      user_data)
{
  ProjectTestFunc func = user_data;
  g_autoptr(GkDocument) document = large_document ();
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  const char *page_id = gk_table_get_id (projects_table);
  GtkWidget *page;

  gtk_window_set_default_size (GTK_WINDOW (window), window_width, window_height);
  gk_window_set_document (window, document, NULL);
  gk_window_set_selected_page (window, page_id);
  page = gk_window_get_page (window, page_id);
  gk_test_iterate_until (gk_test_is_mapped, page);
  gk_test_iterate_idle ();

  func (window, document, GK_TABLE_PAGE (page));

  gk_test_destroy_window (window);
  g_clear_pointer (&projects, g_ptr_array_unref);
}

static void
run (ProjectTestFunc func)
{
  gk_test_run_app (G_CALLBACK (activated), func);
}

static GtkAdjustment *
vadjustment (GkTablePage *page)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gk_table_page_get_column_view (page)));
}

static guint paints;

static void
painted (GdkFrameClock *clock,
         gpointer       data)
{
  paints++;
}

static gboolean
painted_since (gpointer data)
{
  return paints > GPOINTER_TO_UINT (data);
}

/* Scrolls to @value and waits for the frame that shows it: the list lays
 * its rows out, and maps those in view, only then, not within the idles
 * the scroll queues. */
static void
scroll_to (GkTablePage *page,
           double       value)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (page));
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted), NULL);
  guint before = paints;

  gtk_adjustment_set_value (vadjustment (page), value);
  gk_test_iterate_until (painted_since, GUINT_TO_POINTER (before));
  gk_test_iterate_idle ();
  g_signal_handler_disconnect (clock, id);
}

/* What Page_Down does: the view scrolled by its height. */
static void
page_down (GkTablePage *page)
{
  GtkAdjustment *adjustment = vadjustment (page);

  scroll_to (page, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
}

static gboolean
at_end (GkTablePage *page)
{
  GtkAdjustment *adjustment = vadjustment (page);

  return gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
         gtk_adjustment_get_upper (adjustment) - 0.5;
}

/* Pages down to the end of the table and back to its top. */
static void
page_through (GkTablePage *page)
{
  guint pages = 0;

  while (!at_end (page))
    {
      page_down (page);
      g_assert_cmpuint (++pages, <, 1000);
    }
  g_test_message ("%u pages down", pages);
  g_assert_cmpuint (pages, >, 1);
  scroll_to (page, 0);
}

static GkTableCell *
cell_of (GkTablePage *page,
         guint        i)
{
  return gk_table_page_lookup_cell (page, gk_project_get_row (projects->pdata[i]), total_column);
}

/* Every row in view, its cells bound again after the page has been paged
 * through, shows its own figures: the sum in 项目支出合计, the first
 * amount column (cells scrolled out sideways are not mapped). Returns how
 * many of the added projects were checked. */
static guint
check_rows_in_view (GkTablePage *page,
                    GkDocument  *document)
{
  GListModel *rows = gk_table_page_get_rows (page);
  guint checked = 0, projects_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      GkRow *row = gk_table_page_get_row_at (page, i);
      GkTableCell *cell = row != NULL ? gk_table_page_lookup_cell (page, row, total_column) : NULL;
      g_autofree char *expected = NULL;
      GkAmount amount;

      if (cell == NULL || !gtk_widget_get_mapped (GTK_WIDGET (cell)))
        continue;
      g_assert_true (gk_table_cell_get_row (cell) == row);
      expected = gk_row_get_amount (row, total_column, &amount)
                   ? gk_table_format_amount (projects_table, document, amount) : g_strdup ("");
      g_assert_cmpstr (gk_table_cell_get_text (cell), ==, expected);
      checked++;
      if (gk_row_get_project (row) != NULL && g_ptr_array_find (projects, gk_row_get_project (row), NULL))
        projects_checked++;
    }
  g_test_message ("%u cells checked, %u of them the added projects'", checked, projects_checked);
  return projects_checked;
}

static void
rebound_figures (GkWindow    *window,
                 GkDocument  *document,
                 GkTablePage *page)
{
  g_assert_nonnull (cell_of (page, 0));
  page_through (page);
  /* The list kept the last rows bound at the end, not the first: the
   * first rows' cells were recycled on the way and are bound anew now. */
  for (guint i = 0; i < 3; i++)
    page_down (page);
  g_assert_null (cell_of (page, N_PROJECTS - 1));
  g_assert_cmpuint (check_rows_in_view (page, document), >=, 10);
}

static void
count (guint *n)
{
  (*n)++;
}

static gboolean
is_positive (gpointer data)
{
  return *(guint *) data > 0;
}

/* Paging through 表七 with a cell focused changes nothing in the document:
 * its draft, written after the last edit, is not written again. */
static void
scroll_writes_no_draft (GkWindow    *window,
                        GkDocument  *document,
                        GkTablePage *page)
{
  GkDraft *draft = gk_window_get_draft (window);
  guint written = 0, changed = 0;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (draft);
  g_assert_true (gk_draft_get_enabled (draft));
  /* At once after an edit, so that a change while scrolling would write
   * it within the test's iterations. */
  gk_draft_set_delay (draft, 0);
  g_signal_connect_swapped (draft, "written", G_CALLBACK (count), &written);
  g_assert_true (gk_document_set_amount_text (document, gk_project_get_row (projects->pdata[0]),
                                              figure_column, "77.00", &error));
  g_assert_no_error (error);
  gk_test_iterate_until (is_positive, &written);
  g_assert_cmpuint (written, ==, 1);

  g_assert_true (gk_table_page_focus_cell (page, gk_project_get_row (projects->pdata[1]), figure_column));
  gk_test_iterate_idle ();
  g_signal_connect_swapped (document, "changed", G_CALLBACK (count), &changed);
  page_through (page);
  gk_test_iterate_idle ();
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (written, ==, 1);
  g_assert_true (gk_document_get_modified (document));
  g_signal_handlers_disconnect_by_data (document, &changed);
  g_signal_handlers_disconnect_by_data (draft, &written);
}


static GtkAdjustment *
hadjustment (GkTablePage *page)
{
  return gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (gk_table_page_get_column_view (page)));
}

static GtkAdjustment *
frozen_vadjustment (GkTablePage *page)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gk_table_page_get_frozen_view (page)));
}

/* Scrolls sideways to @value as the mouse wheel does: a wheel event over
 * the table reaches its scrolled window's scroll controller, which sets
 * the horizontal adjustment and nothing else; the frozen columns then
 * show, and the frames that follow lay them out. Waits for two frames:
 * the frozen list is laid out in the first, and a position it gave its
 * adjustment would reach the table only then. */
static void
sideways_to (GkTablePage *page,
             double       value)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (page));
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted), NULL);
  guint before = paints;

  gtk_adjustment_set_value (hadjustment (page), value);
  gk_test_iterate_until (painted_since, GUINT_TO_POINTER (before + 1));
  gk_test_iterate_idle ();
  g_signal_handler_disconnect (clock, id);
}

/* The table stays at @down, and the frozen code and name columns, when
 * they show, are on the same rows. */
static void
assert_rows_at (GkTablePage *page,
                double       down)
{
  GtkWidget *frozen_scroller = gtk_widget_get_ancestor (GTK_WIDGET (gk_table_page_get_frozen_view (page)),
                                                        GTK_TYPE_SCROLLED_WINDOW);

  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment (page)), down, 1.0);
  if (gtk_widget_get_visible (frozen_scroller))
    g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (frozen_vadjustment (page)), down, 1.0);
}

/* Scrolled down, a cell focused, then sideways: the frozen code and name
 * columns appear over the amounts on the rows scrolled to, and the table
 * stays there. The frozen list is new at its first row each time it
 * shows (it has rows only while it shows): it must neither stay there
 * nor carry its first row back to the table through the shared vertical
 * position. The window is small, as a laptop's, where the frozen columns
 * cover most of the table and rows of theirs out of line are what the
 * user sees. */
static void
sideways_keeps_rows (GkWindow    *window,
                     GkDocument  *document,
                     GkTablePage *page)
{
  GtkAdjustment *across = hadjustment (page);
  double down;

  for (guint i = 0; i < 4; i++)
    page_down (page);
  /* The focus on a row in view, as after Page_Down from a cell. */
  for (guint i = 0; i < N_PROJECTS; i++)
    {
      GkTableCell *cell = cell_of (page, i);

      if (cell != NULL && gtk_widget_get_mapped (GTK_WIDGET (cell)))
        {
          g_assert_true (gk_table_page_focus_cell (page, gk_project_get_row (projects->pdata[i]), figure_column));
          break;
        }
    }
  gk_test_iterate_idle ();
  down = gtk_adjustment_get_value (vadjustment (page));
  g_assert_cmpfloat (down, >, gtk_adjustment_get_page_size (vadjustment (page)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (across) - gtk_adjustment_get_page_size (across), >, 100);

  for (guint step = 1; step <= 3; step++)
    {
      sideways_to (page, 40.0 * step);
      assert_rows_at (page, down);
    }
  /* Back, further down, and sideways again: the frozen list shows anew,
   * its adjustment still sized by its last showing. */
  sideways_to (page, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (GTK_WIDGET (gk_table_page_get_frozen_view (page)),
                                                                   GTK_TYPE_SCROLLED_WINDOW)));
  page_down (page);
  down = gtk_adjustment_get_value (vadjustment (page));
  for (guint step = 1; step <= 2; step++)
    {
      sideways_to (page, 40.0 * step);
      assert_rows_at (page, down);
    }
  /* Scrolled from the frozen columns, as the wheel over them does, the
   * table follows. */
  gtk_adjustment_set_value (frozen_vadjustment (page), down - 200);
  sideways_to (page, 80);
  assert_rows_at (page, down - 200);
  /* The rows in view show their own figures. */
  g_assert_cmpuint (check_rows_in_view (page, document), >=, 1);
}

static void
test_sideways_keeps_rows (void)
{
  window_width = 760;
  window_height = 560;
  run (sideways_keeps_rows);
  window_width = 1280;
  window_height = 1100;
}

static void
test_rebound_figures (void)
{
  run (rebound_figures);
}

static void
test_scroll_writes_no_draft (void)
{
  run (scroll_writes_no_draft);
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
  g_setenv ("GDK_SCALE", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/project-scroll/rebound-figures", test_rebound_figures);
  g_test_add_func ("/project-scroll/scroll-writes-no-draft", test_scroll_writes_no_draft);
  g_test_add_func ("/project-scroll/sideways-keeps-rows", test_sideways_keeps_rows);
  return g_test_run ();
}
