/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the .gongkai file tests share: the sample's bytes, temporary
 * folders, asynchronous loads and saves. */

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gk-document.h"
#include "gk-document-io.h"

#define SAMPLE_NAME "urumqi-county-government-office-2020.gongkai"

/* Helpers ------------------------------------------------------------------ */

static inline char *
sample_path (void)
{
  const char *root = g_getenv ("GK_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, "data", "samples", SAMPLE_NAME, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", SAMPLE_NAME, NULL);
}

static inline GBytes *
sample_bytes (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline GkDocument *
load_bytes (GBytes  *bytes,
            GError **error)
{
  return gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

static inline void
assert_bytes_equal (GBytes *got,
                    GBytes *expected)
{
  if (!g_bytes_equal (got, expected))
    {
      const char *a = g_bytes_get_data (got, NULL);
      const char *b = g_bytes_get_data (expected, NULL);
      gsize n = MIN (g_bytes_get_size (got), g_bytes_get_size (expected));
      gsize i = 0;

      while (i < n && a[i] == b[i])
        i++;
      g_error ("bytes differ at offset %" G_GSIZE_FORMAT " (sizes %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT "):\n"
               "got:      …%.80s\nexpected: …%.80s",
               i, g_bytes_get_size (got), g_bytes_get_size (expected),
               a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
    }
}

/* A fresh directory under the system's temporary one, removed at the end. */
static inline char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_chmod (dir, 0700);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

typedef struct
{
  GMainLoop  *loop;
  GkDocument *document;
  gboolean    saved;
  GError     *error;
} AsyncData;

static inline void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncData *data = user_data;

  data->document = gk_document_load_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static inline void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncData *data = user_data;

  data->saved = gk_document_save_finish (GK_DOCUMENT (source), result, &data->error);
  g_main_loop_quit (data->loop);
}
