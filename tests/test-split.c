/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "gk-split.h"

#include "gk-test-common.h"

/* The window's sidebar beside its page: side by side while both fit at
 * their minimum widths, one at a time below, and the ways back from the
 * page to the sidebar. */

#define SIDEBAR_WIDTH 300
#define CONTENT_WIDTH 200

typedef struct
{
  GtkWidget *window;
  GkSplit   *split;
  GtkWidget *sidebar;
  GtkWidget *sidebar_button;
  GtkWidget *content;
  GtkWidget *content_button;
} Fixture;

static void
fixture_set_up (Fixture *fixture,
                int      width)
{
  fixture->window = gtk_window_new ();
  fixture->split = GK_SPLIT (gk_split_new ());

  fixture->sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (fixture->sidebar, SIDEBAR_WIDTH, -1);
  fixture->sidebar_button = gtk_button_new_with_label ("sidebar");
  gtk_box_append (GTK_BOX (fixture->sidebar), fixture->sidebar_button);

  fixture->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_size_request (fixture->content, CONTENT_WIDTH, -1);
  gtk_widget_set_hexpand (fixture->content, TRUE);
  fixture->content_button = gtk_button_new_with_label ("content");
  gtk_box_append (GTK_BOX (fixture->content), fixture->content_button);

  gk_split_set_sidebar (fixture->split, fixture->sidebar);
  gk_split_set_content (fixture->split, fixture->content);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->split));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 400);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gk_test_iterate_until (gk_test_is_mapped, fixture->split);
  gk_test_iterate_idle ();
}

static void
fixture_tear_down (Fixture *fixture)
{
  gk_test_destroy_window (fixture->window);
}

static gboolean
width_is (gpointer data)
{
  Fixture *fixture = data;
  int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (fixture->window), "width"));

  return gtk_widget_get_width (GTK_WIDGET (fixture->split)) == width;
}

static void
resize (Fixture *fixture,
        int      width)
{
  g_object_set_data (G_OBJECT (fixture->window), "width", GINT_TO_POINTER (width));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 400);
  gk_test_iterate_until (width_is, fixture);
  gk_test_iterate_idle ();
}

/* Where @child sits in the split, and whether it is shown at all. */
static void
assert_bounds (Fixture   *fixture,
               GtkWidget *child,
               double     x,
               double     width)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_get_child_visible (child));
  g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (fixture->split), &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, x);
  g_assert_cmpfloat (bounds.size.width, ==, width);
}

static GtkWidget *
separator_of (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->split)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SEPARATOR (child))
      return child;
  g_assert_not_reached ();
}

static gboolean
slide_is_over (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *hidden = gk_split_get_show_content (fixture->split) ? fixture->sidebar : fixture->content;

  return !gtk_widget_get_child_visible (hidden);
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

/* Runs the split's own key binding for @accelerator, as a key press would
 * that no widget inside took; whether it did anything. */
static gboolean
press (Fixture    *fixture,
       const char *accelerator)
{
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->split));

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (fixture->split),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_not_reached ();
}

static void
test_split_create_destroy (void)
{
  GkSplit *split = GK_SPLIT (g_object_ref_sink (gk_split_new ()));
  GtkWidget *sidebar = gtk_label_new ("sidebar");
  GtkWidget *content = gtk_label_new ("content");

  g_object_add_weak_pointer (G_OBJECT (sidebar), (gpointer *) &sidebar);
  g_object_add_weak_pointer (G_OBJECT (content), (gpointer *) &content);
  gk_split_set_sidebar (split, sidebar);
  gk_split_set_content (split, content);
  g_assert_true (gk_split_get_sidebar (split) == sidebar);
  g_assert_true (gk_split_get_content (split) == content);
  g_assert_true (gtk_widget_get_parent (sidebar) == GTK_WIDGET (split));
  g_assert_false (gk_split_get_folded (split));
  g_assert_false (gk_split_get_show_content (split));

  g_assert_finalize_object (split);
  g_assert_null (sidebar);
  g_assert_null (content);
}

/* Wide enough: sidebar at its width, the separator, the page taking the
 * rest; going back means nothing there. */
static void
test_split_wide (void)
{
  Fixture fixture;

  fixture_set_up (&fixture, 800);
  g_assert_false (gk_split_get_folded (fixture.split));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture.split), "unfolded"));
  assert_bounds (&fixture, fixture.sidebar, 0, SIDEBAR_WIDTH);
  assert_bounds (&fixture, separator_of (&fixture), SIDEBAR_WIDTH, 1);
  assert_bounds (&fixture, fixture.content, SIDEBAR_WIDTH + 1, 800 - SIDEBAR_WIDTH - 1);

  g_assert_false (gk_split_navigate_back (fixture.split));
  g_assert_false (press (&fixture, "<Alt>Left"));

  /* Exactly wide enough for both still shows both. */
  resize (&fixture, SIDEBAR_WIDTH + 1 + CONTENT_WIDTH);
  g_assert_false (gk_split_get_folded (fixture.split));
  assert_bounds (&fixture, fixture.content, SIDEBAR_WIDTH + 1, CONTENT_WIDTH);
  fixture_tear_down (&fixture);
}

/* One pixel less, and it shows one child at a time, the sidebar first;
 * the page slides over it and back, and the focus goes along. */
static void
test_split_folds (void)
{
  Fixture fixture;
  GkTestNotify folded = { 0 };
  int width = SIDEBAR_WIDTH + CONTENT_WIDTH;

  fixture_set_up (&fixture, 800);
  gk_test_notify_watch (&folded, G_OBJECT (fixture.split), "folded");
  resize (&fixture, width);
  g_assert_true (gk_split_get_folded (fixture.split));
  g_assert_cmpuint (folded.count, ==, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture.split), "folded"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture.split), "unfolded"));
  assert_bounds (&fixture, fixture.sidebar, 0, width);
  g_assert_false (gtk_widget_get_child_visible (fixture.content));
  g_assert_false (gtk_widget_get_child_visible (separator_of (&fixture)));

  gtk_widget_grab_focus (fixture.sidebar_button);
  gk_split_set_show_content (fixture.split, TRUE);
  gk_test_iterate_until (slide_is_over, &fixture);
  assert_bounds (&fixture, fixture.content, 0, width);
  g_assert_true (focus_of (&fixture) == fixture.content_button);

  g_assert_true (gk_split_navigate_back (fixture.split));
  g_assert_false (gk_split_get_show_content (fixture.split));
  gk_test_iterate_until (slide_is_over, &fixture);
  assert_bounds (&fixture, fixture.sidebar, 0, width);
  g_assert_true (focus_of (&fixture) == fixture.sidebar_button);
  /* Nothing further back. */
  g_assert_false (gk_split_navigate_back (fixture.split));

  /* Wide again: both side by side, whichever was shown. */
  gk_split_set_show_content (fixture.split, TRUE);
  resize (&fixture, 800);
  g_assert_false (gk_split_get_folded (fixture.split));
  g_assert_cmpuint (folded.count, ==, 2);
  assert_bounds (&fixture, fixture.sidebar, 0, SIDEBAR_WIDTH);
  assert_bounds (&fixture, fixture.content, SIDEBAR_WIDTH + 1, 800 - SIDEBAR_WIDTH - 1);

  gk_test_notify_clear (&folded);
  fixture_tear_down (&fixture);
}

/* The split's width when @child was mapped, -1 for each further time. */
static void
record_map (GtkWidget *child,
            int       *split_width)
{
  *split_width = *split_width == G_MININT ? gtk_widget_get_width (gtk_widget_get_parent (child)) : -1;
}

/* A child is mapped only once an allocation has placed it: a page mapped
 * before the window is laid out looks ready with no size at all, and a
 * split folded from its first frame never maps the page out of view. */
static void
test_split_maps_when_placed (void)
{
  GtkWidget *window = gtk_window_new ();
  GkSplit *split = GK_SPLIT (gk_split_new ());
  GtkWidget *sidebar = gtk_label_new ("sidebar");
  GtkWidget *content = gtk_label_new ("content");
  int sidebar_mapped = G_MININT, content_mapped = G_MININT;

  gtk_widget_set_size_request (sidebar, SIDEBAR_WIDTH, -1);
  gtk_widget_set_size_request (content, CONTENT_WIDTH, -1);
  g_signal_connect (sidebar, "map", G_CALLBACK (record_map), &sidebar_mapped);
  g_signal_connect (content, "map", G_CALLBACK (record_map), &content_mapped);
  gk_split_set_sidebar (split, sidebar);
  gk_split_set_content (split, content);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (split));
  gtk_window_set_default_size (GTK_WINDOW (window), SIDEBAR_WIDTH, 400);
  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (gk_test_is_mapped, sidebar);
  gk_test_iterate_idle ();

  g_assert_true (gk_split_get_folded (split));
  g_assert_cmpint (sidebar_mapped, >, 0);
  g_assert_cmpint (content_mapped, ==, G_MININT);
  gk_test_destroy_window (window);
}

/* Alt+Left, the Back key and the back action go back; Alt+Right does not
 * in a left-to-right locale, and goes back in a right-to-left one. */
static void
test_split_keys (void)
{
  Fixture fixture;

  fixture_set_up (&fixture, SIDEBAR_WIDTH);
  g_assert_true (gk_split_get_folded (fixture.split));

  gk_split_set_show_content (fixture.split, TRUE);
  g_assert_false (press (&fixture, "<Alt>Right"));
  g_assert_true (gk_split_get_show_content (fixture.split));
  g_assert_true (press (&fixture, "<Alt>Left"));
  g_assert_false (gk_split_get_show_content (fixture.split));
  g_assert_false (press (&fixture, "<Alt>Left"));

  gk_split_set_show_content (fixture.split, TRUE);
  g_assert_true (press (&fixture, "Back"));
  g_assert_false (gk_split_get_show_content (fixture.split));

  gk_split_set_show_content (fixture.split, TRUE);
  g_assert_true (gtk_widget_activate_action (fixture.content_button, "split.back", NULL));
  g_assert_false (gk_split_get_show_content (fixture.split));

  gtk_widget_set_direction (GTK_WIDGET (fixture.split), GTK_TEXT_DIR_RTL);
  gk_split_set_show_content (fixture.split, TRUE);
  g_assert_false (press (&fixture, "<Alt>Left"));
  g_assert_true (press (&fixture, "<Alt>Right"));
  g_assert_false (gk_split_get_show_content (fixture.split));

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/split/create-destroy", test_split_create_destroy);
  g_test_add_func ("/split/wide", test_split_wide);
  g_test_add_func ("/split/folds", test_split_folds);
  g_test_add_func ("/split/keys", test_split_keys);
  g_test_add_func ("/split/maps-when-placed", test_split_maps_when_placed);

  return g_test_run ();
}
