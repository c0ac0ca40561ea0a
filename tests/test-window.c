/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gk-application.h"
#include "gk-window.h"

#include "gk-test-common.h"

static const char * const page_ids[] = {
  "overview",
  "income-summary", "income", "expenditure", "fiscal-summary", "general-expenditure", "basic-expenditure", "project-expenditure", "sangong", "fund-expenditure",
  "explanation", "projects", "glossary",
  "charts", "checks",
};

/* The tables are named as their template names them, in any language. */
static const char * const english_titles[] = {
  "Unit Overview",
  "表一 部门收支总体情况表",
  "表二 部门收入总体情况表",
  "表三 部门支出总体情况表",
  "表四 财政拨款收支预算总体情况表",
  "表五 一般公共预算支出情况表",
  "表六 一般公共预算基本支出情况表",
  "表七 项目支出情况表",
  "表八 一般公共预算“三公”经费支出情况表",
  "表九 政府性基金预算支出情况表",
  "Explanatory Notes",
  "Projects and Performance Targets",
  "Glossary",
  "Charts",
  "Checks",
};

/* The titles of the published disclosure (PRODUCT.md). */
static const char * const chinese_titles[] = {
  "单位概况",
  "表一 部门收支总体情况表",
  "表二 部门收入总体情况表",
  "表三 部门支出总体情况表",
  "表四 财政拨款收支预算总体情况表",
  "表五 一般公共预算支出情况表",
  "表六 一般公共预算基本支出情况表",
  "表七 项目支出情况表",
  "表八 一般公共预算“三公”经费支出情况表",
  "表九 政府性基金预算支出情况表",
  "情况说明",
  "项目与绩效目标",
  "名词解释",
  "图表",
  "审核",
};

G_STATIC_ASSERT (G_N_ELEMENTS (page_ids) == G_N_ELEMENTS (english_titles));
G_STATIC_ASSERT (G_N_ELEMENTS (page_ids) == G_N_ELEMENTS (chinese_titles));

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "selected-page");
}

static GkWindow *
create_window (GkApplication *app)
{
  GkWindow *window = gk_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (gk_test_is_mapped, window);

  return window;
}

static void
destroy_window (GkWindow *window)
{
  gk_test_destroy_window (window);
}

typedef void (*WindowTestFunc) (GkApplication *app,
                                GkWindow      *window);

static void
run_window_test_activated (GApplication *app,
                           gpointer      user_data)
{
  WindowTestFunc func = user_data;
  GtkWindow *window;

  /* The application's own activate handler has opened the window. */
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (GK_IS_WINDOW (window));
  gk_test_iterate_until (gk_test_is_mapped, window);

  func (GK_APPLICATION (app), GK_WINDOW (window));

  /* With its last window gone, g_application_run() returns. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* GtkApplication only drops its reference cycles in shutdown, so the
 * application is run for real for it to be finalized afterwards. */
static void
run_window_test (WindowTestFunc func)
{
  gk_test_run_app (G_CALLBACK (run_window_test_activated), func);
}

static gpointer
template_child (GkWindow   *window,
                const char *name)
{
  GObject *child;

  child = gtk_widget_get_template_child (GTK_WIDGET (window), GK_TYPE_WINDOW, name);
  g_assert_nonnull (child);

  return child;
}

static const char *
row_label (GtkListBoxRow *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  /* 审核's row holds its title and the count of findings. */
  if (GTK_IS_BOX (label))
    label = gtk_widget_get_first_child (label);
  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
create_destroy (GkApplication *app,
                GkWindow      *window)
{
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (app));
  destroy_window (window);
}

static void
test_window_create_destroy (void)
{
  reset_settings ();
  run_window_test (create_destroy);
}

static void
select_every_page (GkApplication *app,
                   GkWindow      *window)
{
  GtkListBox *sidebar = template_child (window, "sidebar");
  GtkStack *stack = template_child (window, "stack");
  AdwWindowTitle *page_title = template_child (window, "page_title");

  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "overview");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "overview");
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, G_N_ELEMENTS (page_ids)));

  /* Backwards, so that every row changes the page. */
  for (int i = G_N_ELEMENTS (page_ids) - 1; i >= 0; i--)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      g_assert_nonnull (row);
      gtk_widget_activate (GTK_WIDGET (row));

      g_assert_true (gtk_list_box_get_selected_row (sidebar) == row);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, page_ids[i]);
      g_assert_cmpstr (gk_window_get_selected_page (window), ==, page_ids[i]);
      g_assert_cmpstr (adw_window_title_get_title (page_title), ==, row_label (row));
      g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (stack)));
    }

  gk_window_set_selected_page (window, "project-expenditure");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "project-expenditure");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) ==
                 gtk_list_box_get_row_at_index (sidebar, 7));

  destroy_window (window);
}

static void
test_window_pages (void)
{
  reset_settings ();
  run_window_test (select_every_page);
}

static void
check_actions (GkApplication *app,
               GkWindow      *window)
{
  static const char * const enabled_app_actions[] = { "new", "open", "open-recent", "preferences", "about", "quit" };
  static const char * const disabled_win_actions[] = {
    "win.save", "win.save-as", "win.export-pdf", "win.properties", "win.undo", "win.redo",
  };
  g_auto(GStrv) accels = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (enabled_app_actions); i++)
    g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), enabled_app_actions[i]));

  /* Their handlers abort: activating them must do nothing while disabled. */
  for (guint i = 0; i < G_N_ELEMENTS (disabled_win_actions); i++)
    gtk_widget_activate_action (GTK_WIDGET (window), disabled_win_actions[i], NULL);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.save-as");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "<Shift><Control>s");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (accels[0], ==, "<Control>q");

  /* GtkApplication found gtk/help-overlay.ui under the resource base path. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  /* app.quit closes the windows, which ends g_application_run(). */
  g_object_ref (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gk_test_iterate_until (gk_test_holds_last_ref, window);
  g_assert_finalize_object (window);
}

static void
test_window_actions (void)
{
  reset_settings ();
  run_window_test (check_actions);
}

static const char *expected_window_title;
static const char * const *expected_titles;

static void
check_labels (GkApplication *app,
              GkWindow      *window)
{
  GtkListBox *sidebar = template_child (window, "sidebar");
  AdwWindowTitle *page_title = template_child (window, "page_title");

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, expected_window_title);

  for (guint i = 0; i < G_N_ELEMENTS (page_ids); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      g_assert_cmpstr (row_label (row), ==, expected_titles[i]);
    }

  gk_window_set_selected_page (window, "income");
  g_assert_cmpstr (adw_window_title_get_title (page_title), ==, expected_titles[2]);

  destroy_window (window);
}

static void
test_window_locale_chinese (void)
{
  if (g_test_subprocess ())
    {
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_assert_cmpstr (_("Gongkai"), ==, "公开");

      reset_settings ();
      expected_window_title = "公开";
      expected_titles = chinese_titles;
      run_window_test (check_labels);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_window_locale_english (void)
{
  if (g_test_subprocess ())
    {
      g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
      g_unsetenv ("LANGUAGE");

      reset_settings ();
      expected_window_title = "Gongkai";
      expected_titles = english_titles;
      run_window_test (check_labels);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
restore_page (GkApplication *app,
              GkWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *page = NULL;
  GtkListBox *sidebar;
  GtkStack *stack;

  sidebar = template_child (window, "sidebar");
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (sidebar, 5)));
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "general-expenditure");
  destroy_window (window);

  /* The next window opens where the last one was. */
  window = create_window (app);
  stack = template_child (window, "stack");
  sidebar = template_child (window, "sidebar");
  page = g_settings_get_string (settings, "selected-page");
  g_assert_cmpstr (page, ==, "general-expenditure");
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "general-expenditure");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "general-expenditure");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) ==
                 gtk_list_box_get_row_at_index (sidebar, 5));
  destroy_window (window);

  /* A page this version does not have falls back to the overview. */
  g_settings_set_string (settings, "selected-page", "no-such-page");
  window = create_window (app);
  stack = template_child (window, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "overview");
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "overview");
  destroy_window (window);
}

static void
test_window_restores_page (void)
{
  reset_settings ();
  run_window_test (restore_page);
}

static gboolean
sidebar_scrolled (GtkWidget *widget)
{
  GtkScrolledWindow *scroller = template_child (GK_WINDOW (widget), "sidebar_scroller");

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller)) > 0;
}

static void
reveal_page (GkApplication *app,
             GkWindow      *window)
{
  GtkScrolledWindow *scroller = template_child (window, "sidebar_scroller");
  GtkListBox *sidebar = template_child (window, "sidebar");
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  GtkListBoxRow *row;
  graphene_rect_t bounds;

  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "checks");
  /* The sidebar shows with a document; before, the start page does. */
  {
    g_autoptr(GkDocument) document = gk_test_load_sample ();

    gk_window_set_document (window, document, NULL);
  }
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "checks");

  /* The last row is below the fold of so short a window until the
   * sidebar scrolls to it. */
  gk_test_iterate_until ((GkTestCondition) sidebar_scrolled, window);
  row = gtk_list_box_get_selected_row (sidebar);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (sidebar), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (vadjustment));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                     gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment));

  destroy_window (window);
}

static void
test_window_reveals_page (void)
{
  g_autoptr(GSettings) settings = NULL;

  reset_settings ();
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 400);
  g_settings_set_string (settings, "selected-page", "checks");

  run_window_test (reveal_page);
}

static void
restore_size (GkApplication *app,
              GkWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 700);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 650);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);

  destroy_window (window);
}

static void
test_window_restores_size (void)
{
  g_autoptr(GSettings) settings = NULL;

  reset_settings ();
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 700);

  run_window_test (restore_size);
}

static void
test_application_version (void)
{
  const char *gongkai = g_getenv ("GK_GONGKAI");
  const char *argv[] = { gongkai, "--version", NULL };
  g_auto(GStrv) envp = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (gongkai == NULL)
    {
      g_test_skip ("GK_GONGKAI is not set");
      return;
    }

  /* --version must not need a display. */
  envp = g_get_environ ();
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "gongkai " PACKAGE_VERSION "\n");
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("GK_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();

  g_test_add_func ("/window/create-destroy", test_window_create_destroy);
  g_test_add_func ("/window/pages", test_window_pages);
  g_test_add_func ("/window/actions", test_window_actions);
  g_test_add_func ("/window/locale/zh_CN", test_window_locale_chinese);
  g_test_add_func ("/window/locale/C", test_window_locale_english);
  g_test_add_func ("/window/settings/selected-page", test_window_restores_page);
  g_test_add_func ("/window/settings/size", test_window_restores_size);
  g_test_add_func ("/window/settings/selected-page-visible", test_window_reveals_page);
  g_test_add_func ("/application/version", test_application_version);

  return g_test_run ();
}
