/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-file-input.c — what the reader is given to read: only regular files,
 * and no more of them than a disclosure can be */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gk-document.h"
#include "gk-document-io.h"
#include "gk-test-common.h"

typedef struct
{
  gboolean    done;
  GkDocument *document;
  GError     *error;
} Loaded;

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loaded *loaded = user_data;

  loaded->document = gk_document_load_finish (result, &loaded->error);
  loaded->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Loaded *) data)->done;
}

/* Loaded on the reader's thread, so that a read that never returns fails
 * this test after the deadline instead of hanging the whole run. The
 * message must name the file and say why it is refused. */
static void
assert_refused (const char *path,
                const char *name,
                const char *reason)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Loaded loaded = { FALSE, NULL, NULL };

  gk_document_load_async (file, NULL, loaded_cb, &loaded);
  gk_test_iterate_until (is_done, &loaded);
  g_assert_null (loaded.document);
  g_assert_error (loaded.error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE);
  if (strstr (loaded.error->message, name) == NULL || strstr (loaded.error->message, reason) == NULL)
    g_error ("%s: the message does not say “%s” and “%s”: %s", path, name, reason, loaded.error->message);
  g_test_message ("%s: %s", path, loaded.error->message);
  g_clear_error (&loaded.error);

  /* The same through the blocking call. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GkDocument) document = gk_document_load (file, NULL, &error);

    g_assert_null (document);
    g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE);
  }
}

/* A pipe nobody writes to: opening it would wait for ever. */
static void
test_file_fifo_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pipe.gongkai", NULL);

  g_assert_no_errno (mkfifo (path, 0600));
  assert_refused (path, "pipe.gongkai", "pipe");
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* An endless device: reading it all would allocate until abort. */
static void
test_file_dev_zero_refused (void)
{
  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }
  assert_refused ("/dev/zero", "zero", "device");
}

/* The file a symbolic link points to is what counts. */
static void
test_file_symlink_to_urandom_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "random.gongkai", NULL);

  if (!g_file_test ("/dev/urandom", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/urandom");
      return;
    }
  g_assert_no_errno (symlink ("/dev/urandom", path));
  assert_refused (path, "random.gongkai", "device");
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_file_folder_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "folder.gongkai", NULL);

  g_assert_no_errno (g_mkdir (path, 0700));
  assert_refused (path, "folder.gongkai", "folder");
  g_assert_no_errno (g_rmdir (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Links round in a loop lead to no file: said so, not "a device". */
static void
test_file_symlink_loop_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.gongkai", NULL);
  g_autofree char *b = g_build_filename (dir, "b.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (a);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;

  g_assert_no_errno (symlink ("b.gongkai", a));
  g_assert_no_errno (symlink ("a.gongkai", b));
  assert_refused (a, "a.gongkai", "loop");
  document = gk_document_load (file, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, "device"));
  g_assert_null (strstr (error->message, "pipe"));
  g_assert_no_errno (g_unlink (a));
  g_assert_no_errno (g_unlink (b));
  g_assert_no_errno (g_rmdir (dir));
}

/* A folder without permission to read it is said to be one. */
static void
test_file_unreadable_folder_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "locked", NULL);

  if (geteuid () == 0)
    {
      /* Permissions do not hold for the superuser. */
      g_test_skip ("run as root: every folder can be read");
      g_assert_no_errno (g_rmdir (dir));
      return;
    }
  g_assert_no_errno (g_mkdir (path, 0000));
  assert_refused (path, "locked", "no permission");
  g_assert_no_errno (g_chmod (path, 0700));
  g_assert_no_errno (g_rmdir (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A sparse file of 300 MB costs no disk: refused from its size, before
 * anything is read. */
static void
test_file_oversized_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  gint64 start;
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_no_errno (ftruncate (fileno (f), (off_t) 300 * 1024 * 1024));
  fclose (f);

  start = g_get_monotonic_time ();
  document = gk_document_load (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "256 MB"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A regular file still loads, and a missing one is an I/O error. */
static void
test_file_regular_loads (void)
{
  g_autofree char *path = gk_test_sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/none.gongkai");
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_null (gk_document_load (missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-input/fifo-refused", test_file_fifo_refused);
  g_test_add_func ("/file-input/dev-zero-refused", test_file_dev_zero_refused);
  g_test_add_func ("/file-input/symlink-to-urandom-refused", test_file_symlink_to_urandom_refused);
  g_test_add_func ("/file-input/folder-refused", test_file_folder_refused);
  g_test_add_func ("/file-input/symlink-loop-refused", test_file_symlink_loop_refused);
  g_test_add_func ("/file-input/unreadable-folder-refused", test_file_unreadable_folder_refused);
  g_test_add_func ("/file-input/oversized-refused", test_file_oversized_refused);
  g_test_add_func ("/file-input/regular-loads", test_file_regular_loads);

  return g_test_run ();
}
