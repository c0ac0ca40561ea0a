/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the test programs. The GLib-only part serves the core
 * tests; the part below GTK_MAJOR_VERSION is compiled only where GTK was
 * included first, so core tests build without GTK. */

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

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

/* Whether a reader's message says @expected, written "$.path: problem".
 * Where the reader names the place in the document's words it puts the
 * path last, "表二 … 一般公共预算: problem (in the file at $.path)": both
 * forms say the same. */
static inline gboolean
gk_test_message_says (const char *message,
                      const char *expected)
{
  const char *colon = strstr (expected, ": ");
  const char *problem;
  g_autofree char *path = NULL;
  g_autofree char *tail = NULL;

  if (strstr (message, expected) != NULL)
    return TRUE;
  if (colon == NULL && g_str_has_suffix (expected, ":"))
    colon = expected + strlen (expected) - 1;
  if (expected[0] != '$' || colon == NULL)
    return FALSE;
  problem = colon[1] == ' ' ? colon + 2 : colon + 1;
  path = g_strndup (expected, colon - expected);
  tail = g_strdup_printf ("(in the file at %s)", path);
  return strstr (message, tail) != NULL && strstr (message, problem) != NULL;
}

static inline GkDocument *
gk_test_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static inline GkDocument *
gk_test_load_sample (void)
{
  g_autofree char *path = gk_test_sample_path ();

  return gk_test_load (path);
}

static inline char *
gk_test_read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A document file's JSON, to alter before loading it with
 * gk_test_load_json(): a test's own variant of a sample. */
static inline JsonNode *
gk_test_read_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static inline GkDocument *
gk_test_load_json (JsonNode *root)
{
  g_autofree char *text = json_to_string (root, FALSE);
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load_from_data (text, -1, &error);

  g_assert_no_error (error);
  return document;
}

/* Deletes @path and everything under it, without following links; a
 * file is deleted alone. */
static inline void
gk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gk_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
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

/* Runs the main loop until nothing is ready to run, the idles queued by
 * the work of earlier iterations included: the condition for "whatever
 * was started has settled". */
static inline void
gk_test_iterate_idle (void)
{
  gint64 deadline = g_get_monotonic_time () + GK_TEST_DEADLINE_SECONDS * G_USEC_PER_SEC;

  while (g_main_context_iteration (NULL, FALSE))
    g_assert_cmpint (g_get_monotonic_time (), <, deadline);
}

/* Whether the test holds the only reference left to @object. */
static inline gboolean
gk_test_holds_last_ref (gpointer object)
{
  return G_OBJECT (object)->ref_count == 1;
}

/* Counts the notifications of one property of an object:
 *   GkTestNotify notify;
 *   gk_test_notify_watch (&notify, object, "modified");
 *   ...  g_assert_cmpuint (notify.count, ==, 1);
 *   gk_test_notify_clear (&notify); */
typedef struct
{
  GObject *object;
  gulong   handler_id;
  guint    count;
} GkTestNotify;

static inline void
gk_test_notify_counted (GObject      *object,
                        GParamSpec   *pspec,
                        GkTestNotify *notify)
{
  notify->count++;
}

static inline void
gk_test_notify_watch (GkTestNotify *notify,
                      gpointer      object,
                      const char   *property)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property));
  notify->object = g_object_ref (object);
  notify->count = 0;
  notify->handler_id = g_signal_connect (object, signal, G_CALLBACK (gk_test_notify_counted), notify);
}

static inline void
gk_test_notify_clear (GkTestNotify *notify)
{
  if (notify->object != NULL)
    g_clear_signal_handler (&notify->handler_id, notify->object);
  g_clear_object (&notify->object);
}

/* A condition for gk_test_iterate_until(): the property was notified. */
static inline gboolean
gk_test_notified (gpointer data)
{
  GkTestNotify *notify = data;

  return notify->count > 0;
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

static inline gboolean
gk_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static inline gboolean
gk_test_is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

/* No message dialog is up any more (its response handled). */
static inline gboolean
gk_test_no_message_dialog (gpointer data)
{
  return gk_test_find_message_dialog () == NULL;
}

/* Destroys @window and checks that it is finalized, once GTK has let go
 * of it. */
static inline void
gk_test_destroy_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  gk_test_iterate_until (gk_test_holds_last_ref, window);
  g_assert_finalize_object (window);
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
