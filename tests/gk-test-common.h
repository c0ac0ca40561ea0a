/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the test programs. The GLib-only part serves the core
 * tests; the part below GTK_MAJOR_VERSION is compiled only where GTK was
 * included first, so core tests build without GTK. */

#include <gio/gio.h>

#include "gk-document-io.h"

/* How long gk_test_iterate_until() waits before failing the test; a program
 * whose conditions take longer defines its own before including this file. */
#ifndef GK_TEST_DEADLINE_SECONDS
#define GK_TEST_DEADLINE_SECONDS 10
#endif

#define GK_TEST_SAMPLE_NAME "urumqi-county-government-office-2020.gongkai"

typedef gboolean (*GkTestCondition) (gpointer data);

static inline char *
gk_test_sample_path (void)
{
  return g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "data", "samples",
                           GK_TEST_SAMPLE_NAME, NULL);
}

static inline GkDocument *
gk_test_load_sample (void)
{
  g_autofree char *path = gk_test_sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* A copy of the sample in a new temporary directory, so that a test may
 * save over it. */
static inline char *
gk_test_copy_sample (void)
{
  g_autofree char *source = gk_test_sample_path ();
  g_autofree char *directory = g_dir_make_tmp ("gongkai-doc-XXXXXX", NULL);
  char *target = g_build_filename (directory, "budget.gongkai", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
  return target;
}

/* Runs the main loop for @ms milliseconds of wall time. */
static inline void
gk_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

/* Drains the main loop @rounds times, a millisecond apart, so that idles
 * queued by the work of earlier rounds run too. */
static inline void
gk_test_iterate_pending (guint rounds)
{
  for (guint i = 0; i < rounds; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static inline void
gk_test_iterate_until (GkTestCondition condition,
                       gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + GK_TEST_DEADLINE_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

#ifdef GTK_MAJOR_VERSION

#include <adwaita.h>

#include "gk-application.h"
#include "gk-window.h"

/* The visible message dialog among the toplevels, if any. */
static inline GtkWidget *
gk_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWidget *window = g_list_model_get_item (toplevels, i);

      /* The list of toplevels keeps the window alive. */
      g_object_unref (window);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* Runs a non-unique GkApplication whose "activate" handler @activated
 * (connected after the default one, so the window exists) does the test
 * with @data; the application must then quit and be finalized. */
static inline void
gk_test_run_app (GCallback activated,
                 gpointer  data)
{
  char *argv[] = { (char *) "gongkai", NULL };
  g_autoptr(GError) error = NULL;
  GkApplication *app = gk_application_new ();

  /* Other test programs run at the same time on the same session bus. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect_after (app, "activate", activated, data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_finalize_object (app);
}

typedef void (*GkTestWindowFunc) (GkApplication *app,
                                  GkWindow      *window);

static inline void
gk_test_run_window_activated (GApplication *app,
                              gpointer      user_data)
{
  GkTestWindowFunc func = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (GK_IS_WINDOW (window));
  func (GK_APPLICATION (app), GK_WINDOW (window));
}

/* Runs @func on the window the application opens when activated. */
static inline void
gk_test_run_window (GkTestWindowFunc func)
{
  gk_test_run_app (G_CALLBACK (gk_test_run_window_activated), func);
}

#endif /* GTK_MAJOR_VERSION */
