/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "gk-atomic-writer.h"
#include "gk-chart-export.h"
#include "gk-csv-writer.h"
#include "gk-document-io.h"
#include "gk-draft.h"
#include "gk-pdf-export.h"
#include "gk-test-common.h"
#include "gk-xlsx-writer.h"

/* The atomic writer, and every writer on top of it, when the disk is full,
 * a write is cancelled, or a process was killed mid-write. */

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static gboolean
has_temp_file (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (gk_atomic_is_temp_name (name) || g_str_has_prefix (name, ".goutputstream-"))
      return TRUE;
  return FALSE;
}

static void
assert_file_is (const char *path,
                const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

/* Plain writes ------------------------------------------------------------------ */

static void
test_replace_writes_whole_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "表一.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old and longer than the new", -1, NULL));
  g_assert_true (gk_file_write_atomic (file, "new", 3, GK_ATOMIC_NONE, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, "new");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* An empty file is a file too. */
  g_assert_true (gk_file_write_atomic (file, "", 0, GK_ATOMIC_NONE, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (path, "");
  gk_test_remove_tree (dir);
}

static void
test_uncommitted_stream_leaves_target (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "disclosure.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkAtomicWriter *writer;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  writer = gk_atomic_writer_new (file, GK_ATOMIC_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (gk_atomic_writer_get_temp_path (writer), G_FILE_TEST_EXISTS));
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (writer), "half", 4, NULL, NULL, &error));
  g_assert_no_error (error);
  /* Dropped without a commit, as when an exception of the caller's ends it. */
  g_assert_finalize_object (writer);
  assert_file_is (path, "old");
  g_assert_false (has_temp_file (dir));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  gk_test_remove_tree (dir);
}

static void
test_cancelled_write_leaves_no_temp (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "disclosure.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GkAtomicWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  writer = gk_atomic_writer_new (file, GK_ATOMIC_NONE, cancellable, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (writer), "new", 3, NULL, cancellable, &error));
  g_cancellable_cancel (cancellable);
  g_assert_false (g_output_stream_write_all (G_OUTPUT_STREAM (writer), "more", 4, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (gk_atomic_writer_commit (writer, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_is (path, "old");
  g_assert_false (has_temp_file (dir));
  gk_test_remove_tree (dir);
}

static void
test_save_keeps_permissions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "disclosure.gongkai", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  mode_t old_umask;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (gk_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  /* A new file: 0666 less the umask, as any program makes it. */
  old_umask = umask (027);
  g_assert_true (gk_document_save (document, fresh_file, NULL, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  /* A draft is the user's alone whatever the umask. */
  g_assert_true (gk_file_write_atomic (fresh_file, "x", 1, GK_ATOMIC_PRIVATE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  gk_test_remove_tree (dir);
}

static void
test_save_through_symlink_keeps_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (dir, "real.gongkai", NULL);
  g_autofree char *link = g_build_filename (dir, "link.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.gongkai", link), ==, 0);
  g_assert_true (gk_file_write_atomic (file, "new", 3, GK_ATOMIC_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_file_is (real, "new");
  gk_test_remove_tree (dir);
}

/* Leftovers of killed writers ---------------------------------------------------- */

/* A process id that belonged to a process which has exited. */
static int
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

/* The name this process's writer would give a temporary file of @target,
 * with @pid in place of its own. */
static char *
temp_path_for_pid (GFile *target,
                   int    pid)
{
  g_autoptr(GkAtomicWriter) writer = gk_atomic_writer_new (target, GK_ATOMIC_NONE, NULL, NULL);
  g_autofree char *own = g_strdup (gk_atomic_writer_get_temp_path (writer));
  g_autofree char *own_pid = g_strdup_printf ("-%d-", (int) getpid ());
  g_autofree char *other_pid = g_strdup_printf ("-%d-", pid);
  char *mark = g_strrstr (own, own_pid);
  g_autofree char *head = NULL;

  g_assert_nonnull (mark);
  head = g_strndup (own, mark - own);
  gk_atomic_writer_abort (writer);
  return g_strconcat (head, other_pid, "Zz9Zz9", NULL);
}

static void
test_killed_save_leftover_cleaned (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "disclosure.gongkai", NULL);
  g_autofree char *other = g_build_filename (dir, "other.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autofree char *killed = temp_path_for_pid (file, dead_pid ());
  g_autofree char *live = temp_path_for_pid (file, (int) getppid ());
  g_autofree char *own = temp_path_for_pid (file, (int) getpid ());
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_atomic_is_temp_name (strrchr (killed, '/') + 1));
  g_assert_false (gk_atomic_is_temp_name ("disclosure.gongkai"));
  g_assert_false (gk_atomic_is_temp_name (".disclosure.gongkai"));
  g_assert_true (g_file_set_contents (path, "saved", -1, NULL));
  g_assert_true (g_file_set_contents (killed, "half a sav", -1, NULL));
  g_assert_true (g_file_set_contents (live, "being written", -1, NULL));
  g_assert_true (g_file_set_contents (own, "being written here", -1, NULL));

  /* The next write into the folder, of any file, removes what the killed
   * process left, and nothing a live process is writing. */
  g_assert_true (gk_file_write_atomic (other_file, "x", 1, GK_ATOMIC_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  assert_file_is (path, "saved");
  gk_test_remove_tree (dir);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_killed_save_leftover_cleaned_on_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "disclosure.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *killed = temp_path_for_pid (file, dead_pid ());
  g_autoptr(GkDocument) sample = gk_test_load_sample ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GkDocument) opened = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_save (sample, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (killed, "half a sav", -1, NULL));
  gk_document_load_async (file, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  opened = gk_document_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));
  gk_test_remove_tree (dir);
}

/* GLib's leftovers carry no process id: only an old one that is surely a
 * Gongkai document of ours is removed. */
static void
test_stale_glib_temp_cleaned_only_when_surely_ours (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *old_doc = g_build_filename (dir, ".goutputstream-AB12CD", NULL);
  g_autofree char *fresh_doc = g_build_filename (dir, ".goutputstream-EF34GH", NULL);
  g_autofree char *old_other = g_build_filename (dir, ".goutputstream-IJ56KL", NULL);
  g_autofree char *target = g_build_filename (dir, "disclosure.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  static const char document[] = "{\n  \"format\" : \"gongkai-disclosure\",\n  \"version\" : 1,\n  \"un";
  struct utimbuf two_hours_ago = { time (NULL) - 7200, time (NULL) - 7200 };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (old_doc, document, -1, NULL));
  g_assert_true (g_file_set_contents (fresh_doc, document, -1, NULL));
  g_assert_true (g_file_set_contents (old_other, "another program's text", -1, NULL));
  g_assert_cmpint (utime (old_doc, &two_hours_ago), ==, 0);
  g_assert_cmpint (utime (old_other, &two_hours_ago), ==, 0);

  g_assert_true (gk_file_write_atomic (file, "x", 1, GK_ATOMIC_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (old_doc, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_doc, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (old_other, G_FILE_TEST_EXISTS));
  gk_test_remove_tree (dir);
}

/* A full disk -------------------------------------------------------------------- */

typedef struct
{
  char *mount;
} FullDisk;

/* A 256 KiB tmpfs filled to the last byte once @setup's files are in it. */
static gboolean
full_disk_mount (FullDisk *disk)
{
  disk->mount = g_dir_make_tmp ("gk-full-disk-XXXXXX", NULL);
  if (geteuid () != 0)
    {
      g_test_skip ("filling a disk needs a small tmpfs, which only root can mount");
      return FALSE;
    }
  if (mount ("tmpfs", disk->mount, "tmpfs", 0, "size=256k") != 0)
    {
      g_autofree char *message = g_strdup_printf ("cannot mount a tmpfs: %s", g_strerror (errno));
      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static void
full_disk_fill (FullDisk *disk)
{
  g_autofree char *filler = g_build_filename (disk->mount, "filler", NULL);
  char block[4096] = { 0 };
  FILE *file = g_fopen (filler, "wb");

  g_assert_nonnull (file);
  setvbuf (file, NULL, _IONBF, 0);
  while (fwrite (block, 1, sizeof block, file) == sizeof block)
    ;
  while (fwrite (block, 1, 1, file) == 1)
    ;
  fclose (file);
}

static void
full_disk_unmount (FullDisk *disk)
{
  if (disk->mount == NULL)
    return;
  umount2 (disk->mount, MNT_DETACH);
  g_rmdir (disk->mount);
  g_clear_pointer (&disk->mount, g_free);
}

static void
assert_failed_cleanly (GError     **error,
                       const char  *dir,
                       guint        n_entries)
{
  g_assert_nonnull (*error);
  g_test_message ("%s", (*error)->message);
  g_assert_cmpuint (strlen ((*error)->message), >, 0);
  g_clear_error (error);
  g_assert_false (has_temp_file (dir));
  g_assert_cmpuint (count_entries (dir), ==, n_entries);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (gk_document_save_finish (GK_DOCUMENT (source), result, error));
}

static void
count_written (guint *written)
{
  (*written)++;
}

static gboolean
has_written (gpointer data)
{
  return *(guint *) data > 0;
}

static void
test_full_disk_keeps_every_original (void)
{
  FullDisk disk = { NULL };
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *doc_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *xlsx_path = NULL;
  g_autofree char *csv_dir = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *charts_dir = NULL;
  g_autofree char *chart_path = NULL;
  g_autofree char *drafts_dir = NULL;
  g_autoptr(GFile) doc_file = NULL;
  g_autoptr(GFile) csv_folder = NULL;
  g_autoptr(GFile) charts_folder = NULL;
  g_autoptr(GFile) drafts = NULL;
  g_autoptr(GkDraft) draft = NULL;
  g_autoptr(GBytes) saved = gk_document_serialize (document);
  g_autofree char *draft_before = NULL;
  gsize saved_length;
  const char *saved_data = g_bytes_get_data (saved, &saved_length);
  guint n;

  if (!full_disk_mount (&disk))
    {
      full_disk_unmount (&disk);
      return;
    }

  /* What was there before: a document, a PDF, a workbook, CSV files,
   * chart images and a draft. */
  doc_path = g_build_filename (disk.mount, "disclosure.gongkai", NULL);
  pdf_path = g_build_filename (disk.mount, "disclosure.pdf", NULL);
  xlsx_path = g_build_filename (disk.mount, "disclosure.xlsx", NULL);
  csv_dir = g_build_filename (disk.mount, "csv", NULL);
  csv_path = g_build_filename (csv_dir, "表一.csv", NULL);
  charts_dir = g_build_filename (disk.mount, "charts", NULL);
  chart_path = g_build_filename (charts_dir, "income-sources.png", NULL);
  drafts_dir = g_build_filename (disk.mount, "drafts", NULL);
  doc_file = g_file_new_for_path (doc_path);
  csv_folder = g_file_new_for_path (csv_dir);
  charts_folder = g_file_new_for_path (charts_dir);
  drafts = g_file_new_for_path (drafts_dir);
  g_assert_true (g_file_set_contents (doc_path, saved_data, saved_length, NULL));
  g_assert_true (g_file_set_contents (pdf_path, "%PDF-old", -1, NULL));
  g_assert_true (g_file_set_contents (xlsx_path, "PK old", -1, NULL));
  g_assert_cmpint (g_mkdir (csv_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (csv_path, "old csv", -1, NULL));
  g_assert_cmpint (g_mkdir (charts_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (chart_path, "old png", -1, NULL));

  draft = gk_draft_new (document, drafts);
  gk_document_set_text (document, gk_document_get_overview (document), "functions", "改过的职能");
  g_assert_true (gk_draft_write (draft, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (gk_draft_get_location (draft), NULL, &draft_before, NULL, NULL, NULL));

  full_disk_fill (&disk);
  n = count_entries (disk.mount);

  g_assert_false (gk_document_save (document, doc_file, NULL, &error));
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, "disclosure.gongkai"));
  assert_failed_cleanly (&error, disk.mount, n);
  g_assert_true (gk_document_get_modified (document));

  gk_document_save_async (document, doc_file, NULL, saved_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_failed_cleanly (&error, disk.mount, n);
  g_assert_true (gk_document_get_modified (document));

  g_assert_false (gk_pdf_export (document, pdf_path, NULL, &error));
  assert_failed_cleanly (&error, disk.mount, n);
  g_assert_false (gk_xlsx_export (document, xlsx_path, &error));
  assert_failed_cleanly (&error, disk.mount, n);
  g_assert_false (gk_csv_export_document (document, csv_folder, NULL, NULL, NULL, &error));
  assert_failed_cleanly (&error, csv_dir, 1);
  g_assert_false (gk_charts_export (document, charts_folder, &error));
  assert_failed_cleanly (&error, charts_dir, 1);

  gk_document_set_text (document, gk_document_get_overview (document), "functions", "再改一次，比上一次长得多的职能");
  g_assert_false (gk_draft_write (draft, &error));
  assert_failed_cleanly (&error, drafts_dir, 2);

  /* Every original byte for byte. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (doc_path, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, saved_data, saved_length);
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_load_contents (gk_draft_get_location (draft), NULL, &contents, NULL, NULL, NULL));
    g_assert_cmpstr (contents, ==, draft_before);
  }
  assert_file_is (pdf_path, "%PDF-old");
  assert_file_is (xlsx_path, "PK old");
  assert_file_is (csv_path, "old csv");
  assert_file_is (chart_path, "old png");

  g_clear_object (&draft);
  full_disk_unmount (&disk);
}

static gboolean
is_draft_warning (const char *message)
{
  return strstr (message, "Cannot write the draft of unsaved changes") != NULL;
}

/* The warning the failed draft logs is what the test waits for: noted,
 * neither printed as a failure nor fatal. */
static void
note_draft_warning (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  if (!is_draft_warning (message))
    {
      g_log_default_handler (log_domain, log_level, message, NULL);
      return;
    }
  g_test_message ("%s", message);
  *(gboolean *) user_data = TRUE;
}

static gboolean
draft_warning_not_fatal (const char     *log_domain,
                         GLogLevelFlags  log_level,
                         const char     *message,
                         gpointer        user_data)
{
  return !is_draft_warning (message);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* The timer's draft, written in slices, fills the disk: the draft before
 * stays whole, nothing is left beside it, and the failure is said. */
static void
test_full_disk_keeps_draft_written_in_slices (void)
{
  FullDisk disk = { NULL };
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkDraft) draft = NULL;
  g_autoptr(GFile) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts_dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GString *longer = g_string_new (NULL);
  gboolean said = FALSE;
  guint written = 0;
  guint handler;

  if (!full_disk_mount (&disk))
    {
      full_disk_unmount (&disk);
      return;
    }
  drafts_dir = g_build_filename (disk.mount, "drafts", NULL);
  drafts = g_file_new_for_path (drafts_dir);
  draft = gk_draft_new (document, drafts);
  gk_draft_set_delay (draft, 0);
  g_signal_connect_swapped (draft, "written", G_CALLBACK (count_written), &written);

  /* A first draft by the timer, in slices. */
  gk_document_set_text (document, gk_document_get_overview (document), "functions", "改过的职能");
  gk_test_iterate_until (has_written, &written);
  g_assert_true (g_file_load_contents (gk_draft_get_location (draft), NULL, &before, NULL, NULL, NULL));
  g_assert_nonnull (strstr (before, "改过的职能"));

  full_disk_fill (&disk);
  handler = g_log_set_handler (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, note_draft_warning, &said);
  g_test_log_set_fatal_handler (draft_warning_not_fatal, NULL);
  for (guint i = 0; i < 2000; i++)
    g_string_append (longer, "再改一次，比上一次长得多的职能。");
  gk_document_set_text (document, gk_document_get_overview (document), "functions", longer->str);
  gk_test_iterate_until (is_true, &said);
  g_test_log_set_fatal_handler (NULL, NULL);
  g_log_remove_handler (G_LOG_DOMAIN, handler);

  g_assert_cmpuint (written, ==, 1);
  g_assert_false (has_temp_file (drafts_dir));
  g_assert_cmpuint (count_entries (drafts_dir), ==, 2);
  g_assert_true (g_file_load_contents (gk_draft_get_location (draft), NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  g_string_free (longer, TRUE);
  g_clear_object (&draft);
  full_disk_unmount (&disk);
}

static gboolean
slices_begun (gpointer dir)
{
  return g_file_test (dir, G_FILE_TEST_IS_DIR) && has_temp_file (dir);
}

/* An edit while the timer's draft is being written drops it: the draft
 * that comes is the document after the edit, never a part of each. */
static void
test_edit_during_slices_starts_again (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *drafts_dir = g_build_filename (dir, "drafts", NULL);
  g_autoptr(GFile) drafts = g_file_new_for_path (drafts_dir);
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkDraft) draft = gk_draft_new (document, drafts);
  GkOverview *overview = gk_document_get_overview (document);
  g_autoptr(GkDocument) restored = NULL;
  g_autoptr(GError) error = NULL;
  guint written = 0;

  gk_draft_set_delay (draft, 0);
  g_signal_connect_swapped (draft, "written", G_CALLBACK (count_written), &written);
  gk_document_set_text (document, overview, "functions", "第一次修改");
  gk_test_iterate_until (slices_begun, drafts_dir);
  gk_document_set_text (document, overview, "functions", "第二次修改");
  /* What was begun is gone at once. */
  g_assert_false (has_temp_file (drafts_dir));
  gk_test_iterate_until (has_written, &written);
  g_assert_cmpuint (written, ==, 1);
  g_assert_false (has_temp_file (drafts_dir));

  restored = gk_draft_load (gk_draft_get_location (draft), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_overview_get_functions (gk_document_get_overview (restored)), ==, "第二次修改");

  /* Discarding waits for nothing and leaves nothing. */
  gk_draft_discard (draft);
  g_assert_cmpuint (count_entries (drafts_dir), ==, 0);
  g_clear_object (&draft);
  g_rmdir (drafts_dir);
  g_rmdir (dir);
}

/* A save and an edit ------------------------------------------------------------- */

static void
test_change_serial_counts_undo_and_redo (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkOverview *overview = gk_document_get_overview (document);
  guint64 serial = gk_document_get_change_serial (document);

  gk_document_set_text (document, overview, "functions", "一");
  g_assert_cmpuint (gk_document_get_change_serial (document), ==, serial + 1);
  g_assert_true (gk_document_undo (document));
  g_assert_cmpuint (gk_document_get_change_serial (document), ==, serial + 2);
  g_assert_true (gk_document_redo (document));
  g_assert_cmpuint (gk_document_get_change_serial (document), ==, serial + 3);

  /* An undo is a change since a save began, even one back to the saved
   * state; a save that saw no change marks the document saved. */
  serial = gk_document_get_change_serial (document);
  g_assert_true (gk_document_undo (document));
  g_assert_false (gk_document_mark_saved_at (document, serial));
  g_assert_true (gk_document_redo (document));
  g_assert_true (gk_document_get_modified (document));
  g_assert_false (gk_document_mark_saved_at (document, serial));
  g_assert_true (gk_document_get_modified (document));
  g_assert_true (gk_document_mark_saved_at (document, gk_document_get_change_serial (document)));
  g_assert_false (gk_document_get_modified (document));
}

typedef struct
{
  gboolean done;
  gboolean saved;
  GError  *error;
} SaveResult;

static void
save_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveResult *r = user_data;

  r->saved = gk_document_save_finish (GK_DOCUMENT (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
save_finished (gpointer data)
{
  return ((SaveResult *) data)->done;
}

static void
test_edit_during_save_keeps_draft (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "disclosure.gongkai", NULL);
  g_autofree char *drafts_dir = g_build_filename (dir, "drafts", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) drafts = g_file_new_for_path (drafts_dir);
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkDraft) draft = gk_draft_new (document, drafts);
  GkOverview *overview = gk_document_get_overview (document);
  g_autoptr(GError) error = NULL;
  SaveResult r = { 0 };

  gk_draft_set_enabled (draft, TRUE);
  gk_document_set_text (document, overview, "functions", "保存前的修改");
  g_assert_true (gk_draft_write (draft, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (gk_draft_get_location (draft), NULL));

  /* The edit comes while the file is being written: the save cannot have
   * completed, since its result is delivered by the main loop. */
  gk_document_save_async (document, file, NULL, save_result_cb, &r);
  gk_document_set_text (document, overview, "functions", "保存时的修改");
  gk_test_iterate_until (save_finished, &r);
  g_assert_no_error (r.error);
  g_assert_true (r.saved);
  g_assert_true (gk_document_get_modified (document));
  g_assert_true (gk_draft_document_saved (draft, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (gk_draft_get_location (draft), NULL));
  {
    /* The draft holds the edit the file does not. */
    g_autoptr(GkDocument) restored = gk_draft_load (gk_draft_get_location (draft), NULL, &error);
    g_autoptr(GkDocument) on_disk = gk_document_load (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gk_overview_get_functions (gk_document_get_overview (restored)), ==, "保存时的修改");
    g_assert_cmpstr (gk_overview_get_functions (gk_document_get_overview (on_disk)), ==, "保存前的修改");
  }

  /* A save with no edit in between catches up: unmodified, no draft. */
  r = (SaveResult) { 0 };
  gk_document_save_async (document, file, NULL, save_result_cb, &r);
  gk_test_iterate_until (save_finished, &r);
  g_assert_no_error (r.error);
  g_assert_false (gk_document_get_modified (document));
  g_assert_true (gk_draft_document_saved (draft, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (gk_draft_get_location (draft), NULL));

  g_clear_object (&draft);
  gk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atomic-writer/replace-writes-whole-file", test_replace_writes_whole_file);
  g_test_add_func ("/atomic-writer/uncommitted-stream-leaves-target", test_uncommitted_stream_leaves_target);
  g_test_add_func ("/atomic-writer/cancelled-write-leaves-no-temp", test_cancelled_write_leaves_no_temp);
  g_test_add_func ("/atomic-writer/save-keeps-permissions", test_save_keeps_permissions);
  g_test_add_func ("/atomic-writer/save-through-symlink-keeps-link", test_save_through_symlink_keeps_link);
  g_test_add_func ("/atomic-writer/killed-save-leftover-cleaned", test_killed_save_leftover_cleaned);
  g_test_add_func ("/atomic-writer/killed-save-leftover-cleaned-on-open",
                   test_killed_save_leftover_cleaned_on_open);
  g_test_add_func ("/atomic-writer/stale-glib-temp-cleaned-only-when-surely-ours",
                   test_stale_glib_temp_cleaned_only_when_surely_ours);
  g_test_add_func ("/atomic-writer/full-disk-keeps-every-original", test_full_disk_keeps_every_original);
  g_test_add_func ("/atomic-writer/full-disk-keeps-draft-written-in-slices",
                   test_full_disk_keeps_draft_written_in_slices);
  g_test_add_func ("/draft/edit-during-slices-starts-again", test_edit_during_slices_starts_again);
  g_test_add_func ("/save/change-serial-counts-undo-and-redo", test_change_serial_counts_undo_and_redo);
  g_test_add_func ("/save/edit-during-save-keeps-draft", test_edit_during_save_keeps_draft);

  return g_test_run ();
}
