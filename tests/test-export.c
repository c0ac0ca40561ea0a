/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gsf/gsf.h>
#include <glib/gstdio.h>

#include "gk-atomic-writer.h"
#include "gk-export.h"
#include "gk-test-common.h"

/* The export and import pipeline: in a worker thread on a snapshot, with
 * progress on the main context, cancellable, and the same bytes as the
 * synchronous export the command line uses. */

#define GK_TEST_SLOW_DEADLINE (120 * G_USEC_PER_SEC)

typedef struct
{
  GkExportFormat  format;
  const char     *name;
} Format;

static const Format formats[] = {
  { GK_EXPORT_PDF, "disclosure.pdf" },
  { GK_EXPORT_PDF_WITH_CHARTS, "disclosure-charts.pdf" },
  { GK_EXPORT_XLSX, "disclosure.xlsx" },
  { GK_EXPORT_CSV, "csv" },
  { GK_EXPORT_CHARTS, "charts" },
};

static gboolean
has_temp_file (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    if (gk_atomic_is_temp_name (name))
      return TRUE;
  return FALSE;
}

/* The moment of writing is in a PDF's CreationDate and in a workbook's
 * docProps/core.xml; everything else must be equal. */
static char *
find_bytes (char       *data,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

static void
blank_dates (char  *data,
             gsize  length)
{
  static const char * const marks[] = { "(D:", "W3CDTF\">" };

  /* Not strstr(): a PDF has NUL bytes in its streams. */
  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    for (char *p = find_bytes (data, length, marks[m]); p != NULL;
         p = find_bytes (p + 1, length - (p + 1 - data), marks[m]))
      {
        char *end = p + strlen (marks[m]) + 20;

        for (char *q = p + strlen (marks[m]); q < end && q < data + length; q++)
          *q = '0';
      }
}

static char *
read_file_normalized (const char *path,
                      gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  blank_dates (contents, *length);
  return contents;
}

/* A workbook compared part by part, unzipped: the zip's own timestamps
 * are the time of writing. */
static guint
assert_parts_equal (GsfInput *a,
                    GsfInput *b)
{
  guint n_parts = 0;

  g_assert_cmpstr (gsf_input_name (a), ==, gsf_input_name (b));
  if (GSF_IS_INFILE (a) && gsf_infile_num_children (GSF_INFILE (a)) >= 0)
    {
      int n = gsf_infile_num_children (GSF_INFILE (a));

      g_assert_true (GSF_IS_INFILE (b));
      g_assert_cmpint (n, ==, gsf_infile_num_children (GSF_INFILE (b)));
      for (int i = 0; i < n; i++)
        {
          GsfInput *child_a = gsf_infile_child_by_index (GSF_INFILE (a), i);
          GsfInput *child_b = gsf_infile_child_by_index (GSF_INFILE (b), i);

          n_parts += assert_parts_equal (child_a, child_b);
          g_object_unref (child_a);
          g_object_unref (child_b);
        }
      return n_parts;
    }
  {
    gsf_off_t size = gsf_input_size (a);
    g_autofree char *data_a = g_malloc (size + 1);
    g_autofree char *data_b = g_malloc (size + 1);

    g_assert_cmpint (size, ==, gsf_input_size (b));
    if (size > 0)
      {
        g_assert_nonnull (gsf_input_read (a, size, (guint8 *) data_a));
        g_assert_nonnull (gsf_input_read (b, size, (guint8 *) data_b));
      }
    blank_dates (data_a, size);
    blank_dates (data_b, size);
    g_assert_cmpmem (data_a, size, data_b, size);
  }
  return 1;
}

static void
assert_workbooks_equal (const char *a,
                        const char *b)
{
  GsfInput *in_a = gsf_input_stdio_new (a, NULL);
  GsfInput *in_b = gsf_input_stdio_new (b, NULL);
  GsfInfile *zip_a = gsf_infile_zip_new (in_a, NULL);
  GsfInfile *zip_b = gsf_infile_zip_new (in_b, NULL);

  g_assert_nonnull (zip_a);
  g_assert_nonnull (zip_b);
  g_assert_cmpuint (assert_parts_equal (GSF_INPUT (zip_a), GSF_INPUT (zip_b)), >, 10);
  g_object_unref (zip_a);
  g_object_unref (zip_b);
  g_object_unref (in_a);
  g_object_unref (in_b);
}

static void
assert_outputs_equal (GkExportFormat  format,
                      const char     *a,
                      const char     *b)
{
  if (format == GK_EXPORT_XLSX)
    assert_workbooks_equal (a, b);
  else if (gk_export_is_folder (format))
    {
      g_autoptr(GDir) d = g_dir_open (b, 0, NULL);
      const char *name;
      guint n = 0;

      g_assert_nonnull (d);
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path_a = g_build_filename (a, name, NULL);
          g_autofree char *path_b = g_build_filename (b, name, NULL);

          assert_outputs_equal (GK_EXPORT_PDF, path_a, path_b);
          n++;
        }
      g_assert_cmpuint (n, >, 0);
    }
  else if (g_str_has_suffix (a, ".svg"))
    {
      /* cairo numbers its surfaces across the process: the command line
       * starts at the same number each time, two exports in one process
       * do not. */
      g_autoptr(GRegex) surface = g_regex_new ("surface[0-9]+", 0, 0, NULL);
      g_autofree char *data_a = NULL;
      g_autofree char *data_b = NULL;
      g_autofree char *text_a = NULL;
      g_autofree char *text_b = NULL;

      g_assert_true (g_file_get_contents (a, &data_a, NULL, NULL));
      g_assert_true (g_file_get_contents (b, &data_b, NULL, NULL));
      text_a = g_regex_replace_literal (surface, data_a, -1, 0, "surface", 0, NULL);
      text_b = g_regex_replace_literal (surface, data_b, -1, 0, "surface", 0, NULL);
      g_assert_cmpstr (text_a, ==, text_b);
    }
  else
    {
      gsize length_a, length_b;
      g_autofree char *data_a = read_file_normalized (a, &length_a);
      g_autofree char *data_b = read_file_normalized (b, &length_b);

      g_assert_cmpmem (data_a, length_a, data_b, length_b);
    }
}

/* Threaded export ---------------------------------------------------------------- */

typedef struct
{
  GThread      *main_thread;
  GArray       *fractions;
  gboolean      done;
  gboolean      ok;
  GError       *error;
  GCancellable *cancel_at_first;   /* cancelled by the first report, or NULL */
} Run;

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  Run *run = user_data;

  /* Reported on the caller's main context, never from the worker. */
  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_false (run->done);
  g_array_append_val (run->fractions, fraction);
  if (run->cancel_at_first != NULL)
    g_cancellable_cancel (run->cancel_at_first);
}

static void
exported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Run *run = user_data;

  run->ok = gk_export_finish (result, &run->error);
  run->done = TRUE;
}

static void
run_until_done (Run *run)
{
  gint64 deadline = g_get_monotonic_time () + GK_TEST_SLOW_DEADLINE;

  while (!run->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  /* Reports queued before the result must not arrive after it. */
  gk_test_iterate_idle ();
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->fractions, g_array_unref);
  g_clear_error (&run->error);
}

static void
test_threaded_export_matches_sync (gconstpointer data)
{
  const Format *f = data;
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gk-export-XXXXXX", NULL);
  g_autofree char *async_dir = g_build_filename (dir, "async", NULL);
  g_autofree char *sync_dir = g_build_filename (dir, "sync", NULL);
  g_autofree char *async_path = g_build_filename (async_dir, f->name, NULL);
  g_autofree char *sync_path = g_build_filename (sync_dir, f->name, NULL);
  g_autoptr(GFile) async_target = g_file_new_for_path (async_path);
  g_autoptr(GFile) sync_target = g_file_new_for_path (sync_path);
  g_autoptr(GError) error = NULL;
  Run run = { g_thread_self (), g_array_new (FALSE, FALSE, sizeof (double)), FALSE, FALSE, NULL, NULL };

  g_assert_cmpint (g_mkdir (async_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (sync_dir, 0755), ==, 0);
  g_assert_true (gk_export_file (document, f->format, sync_target, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  gk_export_async (document, f->format, async_target, record_progress, &run, NULL, exported, &run);
  /* Edits after the call are not in the export: it took a snapshot. */
  gk_document_set_text (document, gk_document_get_overview (document), "functions", "导出后的修改");
  gk_document_set_text (document, document, "unit", "导出后改名的单位");
  run_until_done (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.ok);

  g_assert_cmpuint (run.fractions->len, >, 0);
  for (guint i = 1; i < run.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (run.fractions, double, i), >=, g_array_index (run.fractions, double, i - 1));
  g_assert_cmpfloat_with_epsilon (g_array_index (run.fractions, double, run.fractions->len - 1), 1.0, 1e-9);

  assert_outputs_equal (f->format, async_path, sync_path);
  g_assert_false (has_temp_file (async_dir));
  g_assert_false (has_temp_file (async_path));
  run_clear (&run);
  gk_test_remove_tree (dir);
}

/* Cancelled after its first progress report, on this thread so that the
 * moment is certain: what was being written is not there, half or whole,
 * and no temporary file is left. */
static void
sync_cancel (double   fraction,
             gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancelled_export_leaves_no_partial_file (gconstpointer data)
{
  const Format *f = data;
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gk-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, f->name, NULL);
  g_autofree char *reference_path = g_build_filename (dir, "reference", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GFile) reference = g_file_new_for_path (reference_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_export_file (document, f->format, target, sync_cancel, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (has_temp_file (dir));

  if (!gk_export_is_folder (f->format))
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  else
    {
      /* The files written before the cancel are whole; the one being
       * written when it came is not there. */
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;
      guint n = 0;

      g_assert_false (has_temp_file (path));
      g_assert_true (gk_export_file (document, f->format, reference, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *written = g_build_filename (path, name, NULL);
          g_autofree char *whole = g_build_filename (reference_path, name, NULL);

          assert_outputs_equal (GK_EXPORT_PDF, written, whole);
          n++;
        }
      g_assert_cmpuint (n, >=, 1);
      g_assert_cmpuint (n, <=, 2);
    }

  /* Cancelled in the worker thread from the main context. */
  {
    g_autoptr(GCancellable) async_cancel = g_cancellable_new ();
    g_autofree char *async_path = g_build_filename (dir, "async", NULL);
    g_autoptr(GFile) async_target = g_file_new_for_path (async_path);
    Run run = { g_thread_self (), g_array_new (FALSE, FALSE, sizeof (double)), FALSE, FALSE, NULL, NULL };

    g_cancellable_cancel (async_cancel);
    gk_export_async (document, f->format, async_target, record_progress, &run, async_cancel, exported, &run);
    run_until_done (&run);
    g_assert_false (run.ok);
    g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_false (g_file_test (async_path, G_FILE_TEST_EXISTS));
    g_assert_false (has_temp_file (dir));
    run_clear (&run);
  }
  gk_test_remove_tree (dir);
}

static void
test_export_error_names_the_file (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gk-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no", "such", "folder.xlsx", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  Run run = { g_thread_self (), g_array_new (FALSE, FALSE, sizeof (double)), FALSE, FALSE, NULL, NULL };

  gk_export_async (document, GK_EXPORT_XLSX, target, record_progress, &run, NULL, exported, &run);
  run_until_done (&run);
  g_assert_false (run.ok);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (run.error->message, "folder.xlsx"));
  run_clear (&run);
  gk_test_remove_tree (dir);
}

/* Import --------------------------------------------------------------------------- */

typedef struct
{
  GThread    *main_thread;
  guint       n_reports;
  gboolean    done;
  GkDocument *document;
  char       *report;
  GError     *error;
} ImportRun;

static void
import_progress (double   fraction,
                 gpointer user_data)
{
  ImportRun *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_false (run->done);
  run->n_reports++;
}

static void
imported (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  ImportRun *run = user_data;

  run->document = gk_import_xlsx_finish (result, &run->report, &run->error);
  run->done = TRUE;
}

static gboolean
import_done (gpointer data)
{
  return ((ImportRun *) data)->done;
}

static void
test_threaded_import_matches_sync (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gk-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tables.xlsx", NULL);
  g_autoptr(GFile) workbook = g_file_new_for_path (path);
  g_autoptr(GString) sync_report = g_string_new (NULL);
  g_autoptr(GkDocument) sync_document = NULL;
  g_autoptr(GBytes) sync_bytes = NULL;
  g_autoptr(GBytes) async_bytes = NULL;
  g_autoptr(GError) error = NULL;
  ImportRun run = { g_thread_self (), 0, FALSE, NULL, NULL, NULL };

  g_assert_true (gk_export_file (document, GK_EXPORT_XLSX, workbook, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  sync_document = gk_import_xlsx_file (workbook, sync_report, NULL, &error);
  g_assert_no_error (error);

  gk_import_xlsx_async (workbook, import_progress, &run, NULL, imported, &run);
  gk_test_iterate_until (import_done, &run);
  g_assert_no_error (run.error);
  g_assert_nonnull (run.document);
  g_assert_cmpuint (run.n_reports, >, 0);
  g_assert_cmpstr (run.report, ==, sync_report->str);
  sync_bytes = gk_document_serialize (sync_document);
  async_bytes = gk_document_serialize (run.document);
  g_assert_true (g_bytes_equal (sync_bytes, async_bytes));
  g_clear_object (&run.document);
  g_free (run.report);

  /* Not a workbook: an error of the reader's, in the callback. */
  run = (ImportRun) { g_thread_self (), 0, FALSE, NULL, NULL, NULL };
  g_assert_true (g_file_set_contents (path, "not a workbook", -1, NULL));
  gk_import_xlsx_async (workbook, import_progress, &run, NULL, imported, &run);
  gk_test_iterate_until (import_done, &run);
  g_assert_null (run.document);
  g_assert_nonnull (run.error);
  g_clear_error (&run.error);
  gk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gsf_init ();

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *same = g_strdup_printf ("/export/%s/threaded-matches-sync", formats[i].name);
      g_autofree char *cancel = g_strdup_printf ("/export/%s/cancelled-leaves-no-partial-file", formats[i].name);

      g_test_add_data_func (same, &formats[i], test_threaded_export_matches_sync);
      g_test_add_data_func (cancel, &formats[i], test_cancelled_export_leaves_no_partial_file);
    }
  g_test_add_func ("/export/error-names-the-file", test_export_error_names_the_file);
  g_test_add_func ("/import/xlsx/threaded-matches-sync", test_threaded_import_matches_sync);

  return g_test_run ();
}
