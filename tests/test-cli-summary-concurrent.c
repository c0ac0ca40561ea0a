/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-checker.h"
#include "gk-cli-private.h"
#include "gk-pdf-export.h"
#include "gk-test-common.h"
#include "gk-test-run.h"

/* `gongkai --export-pdf` works the summary out on a second thread while
 * the pages are drawn: it prints what the summary worked out after the
 * export prints, the writer lends the document only while it does not
 * read it, and a failed export prints no summary. */

#define WAIT_SECONDS 60

static GString *printed;

/* What the command prints; not the test framework's own "# " lines,
 * through which it shows the code's debug messages. */
static void
capture (const char *text)
{
  if (!g_str_has_prefix (text, "# "))
    g_string_append (printed, text);
}

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("gongkai-summary-XXXXXX", NULL);
  printed = g_string_new (NULL);
  g_set_print_handler (capture);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_set_print_handler (NULL);
  g_string_free (printed, TRUE);
  gk_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The next year of the sample, before anything is typed: its 变化原因
 * are red placeholders. */
static char *
write_next_year (Fixture *f)
{
  g_autoptr(GkDocument) this_year = gk_test_load_sample ();
  g_autoptr(GkDocument) next = gk_test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "next.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (gk_document_start_next_year (next, this_year, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_save (next, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The summary as printed when it was worked out after the PDF, on this
 * thread, from a document of its own; @strict_failed: whether --strict
 * fails the command. */
static char *
serial_summary (const char *in,
                const char *out,
                gboolean   *strict_failed)
{
  g_autoptr(GkDocument) document = gk_test_load (in);
  g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);
  g_autoptr(GFile) target = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_pdf_writer_write_file (writer, target, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_string_truncate (printed, 0);
  *strict_failed = !_gk_cli_pdf_summary (document, out, gk_pdf_writer_get_n_pages (writer));
  return g_strdup (printed->str);
}

/* The command's own export, summary on its thread. */
static char *
concurrent_summary (const char *in,
                    const char *out,
                    gboolean   *strict_failed)
{
  g_autoptr(GkDocument) document = gk_test_load (in);
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GError) error = NULL;

  g_variant_dict_insert (options, "strict", "b", TRUE);
  g_string_truncate (printed, 0);
  g_assert_true (_gk_cli_export_pdf (document, out, options, &error));
  g_assert_no_error (error);
  *strict_failed = g_variant_dict_contains (options, "failed-checks");
  return g_strdup (printed->str);
}

/* What a reader of the PDF gets: its text, page by page, and what it
 * says of itself but the moment it was written. The bytes differ from
 * one write to the next in one process: each write cuts the fonts into
 * files of new names. */
static char *
pdf_reading (const char *path)
{
  const char *text_argv[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) reading = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  int status;

  g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_spawn_sync (NULL, (char **) info_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &info, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "CreationDate:") && !g_str_has_prefix (lines[i], "ModDate:") &&
        !g_str_has_prefix (lines[i], "File size:"))
      g_string_append_printf (reading, "%s\n", lines[i]);
  g_string_append (reading, text);
  return g_string_free (g_steal_pointer (&reading), FALSE);
}

static void
assert_same_files (const char *a,
                   const char *b)
{
  g_autofree char *reading_a = pdf_reading (a);
  g_autofree char *reading_b = pdf_reading (b);

  g_assert_cmpstr (reading_a, ==, reading_b);
}

/* Each document twice, so that a summary that depended on which thread
 * came first would show it. */
static void
assert_same_summary (Fixture    *f,
                     const char *in,
                     const char *expected)
{
  g_autofree char *serial_pdf = g_build_filename (f->dir, "serial.pdf", NULL);
  g_autofree char *concurrent_pdf = g_build_filename (f->dir, "concurrent.pdf", NULL);
  gboolean serial_failed = FALSE;
  g_autofree char *serial = serial_summary (in, concurrent_pdf, &serial_failed);

  g_rename (concurrent_pdf, serial_pdf);
  g_test_message ("%s", serial);
  g_assert_nonnull (strstr (serial, expected));
  for (guint i = 0; i < 2; i++)
    {
      gboolean concurrent_failed = !serial_failed;
      g_autofree char *concurrent = concurrent_summary (in, concurrent_pdf, &concurrent_failed);

      g_assert_cmpstr (concurrent, ==, serial);
      g_assert_cmpint (concurrent_failed, ==, serial_failed);
      assert_same_files (concurrent_pdf, serial_pdf);
    }
}

static void
test_same_as_serial (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autofree char *final = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "data", "samples",
                                                   "shanghai-putuo-ecology-bureau-2025-final.gongkai", NULL);
  g_autofree char *seed = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "seed-as-published.gongkai", NULL);
  g_autofree char *next = write_next_year (f);
  g_autofree char *long_sample = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "pdf", "sample-long.gongkai", NULL);

  assert_same_summary (f, sample, "; checks: 0 errors, 0 warnings\n");
  assert_same_summary (f, final, "; checks: ");
  /* Errors and warnings: --strict fails. */
  assert_same_summary (f, seed, "The document has errors");
  /* Placeholders, all listed, then more than are listed. */
  assert_same_summary (f, next, "11 placeholders still to fill in are printed in red:\n");
  assert_same_summary (f, long_sample, "  … and 380 more\n");
}

/* The command as a user runs it: a target that cannot be written stops
 * it with the reason, and no summary; the summary of a written PDF is the
 * one worked out here after it. */
static void
test_command (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *unwritable = g_build_filename (blocker, "out.pdf", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_auto(Run) failed = { 0 };
  g_auto(Run) strict = { 0 };
  g_auto(Run) written = { 0 };
  gboolean strict_failed = FALSE;
  g_autofree char *serial = NULL;

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  gk_test_run_gongkai (f->dir, NULL, &failed, (const char *[]) { "--export-pdf", unwritable, sample, NULL });
  g_assert_cmpint (failed.status, ==, 1);
  g_assert_cmpstr (failed.out, ==, "");
  g_assert_nonnull (strstr (failed.err, "out.pdf"));
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));

  /* --strict does not turn a failed export into a summary either. */
  gk_test_run_gongkai (f->dir, NULL, &strict, (const char *[]) { "--export-pdf", unwritable, sample, "--strict", NULL });
  g_assert_cmpint (strict.status, ==, 1);
  g_assert_cmpstr (strict.out, ==, "");

  gk_test_run_gongkai (f->dir, NULL, &written, (const char *[]) { "--export-pdf", pdf, sample, NULL });
  g_assert_cmpint (written.status, ==, 0);
  serial = serial_summary (sample, pdf, &strict_failed);
  g_assert_cmpstr (written.out, ==, serial);
}

/* In process: the failed export prints nothing and lets the summary's
 * thread go. */
static void
test_failed_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *unwritable = g_build_filename (blocker, "out.pdf", NULL);

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_variant_dict_insert (options, "strict", "b", TRUE);
  g_assert_false (_gk_cli_export_pdf (document, unwritable, options, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (printed->str, ==, "");
  g_assert_false (g_variant_dict_contains (options, "failed-checks"));
}

/* The hand-over: another thread has the document from before the first
 * page is drawn until the last one is, and changes it meanwhile; the PDF
 * is the one written while no one else had it. A writer that read the
 * document while it had let go of it (or let go before the layout) would
 * print the change. */
typedef struct
{
  GkDocument *document;
  GMutex      lock;      /* lent by the writer */
  GMutex      mutex;     /* guards what follows */
  GCond       cond;
  gboolean    lent;      /* the other thread has the document */
  gboolean    drawn;     /* the writer told the last page */
  double      laid_out;  /* the share done when the document was lent */
  double      done;
  gboolean    timed_out;
} Lending;

static gboolean
wait_for (Lending  *l,
          gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_TIME_SPAN_SECOND;

  while (!*flag)
    if (!g_cond_wait_until (&l->cond, &l->mutex, end))
      return FALSE;
  return TRUE;
}

static gpointer
borrower (gpointer data)
{
  Lending *l = data;
  g_autofree char *unit = NULL;

  g_mutex_lock (&l->lock);
  unit = g_strdup (gk_document_get_unit (l->document));
  gk_document_set_text (l->document, l->document, "unit", "借走时改过的单位");
  g_mutex_lock (&l->mutex);
  l->laid_out = l->done;
  l->lent = TRUE;
  g_cond_broadcast (&l->cond);
  if (!wait_for (l, &l->drawn))
    l->timed_out = TRUE;
  g_mutex_unlock (&l->mutex);
  gk_document_set_text (l->document, l->document, "unit", unit);
  g_mutex_unlock (&l->lock);
  return NULL;
}

static void
lending_progress (double   fraction,
                  gpointer data)
{
  Lending *l = data;

  g_mutex_lock (&l->mutex);
  l->done = fraction;
  /* After the first page: the other thread must have the document by
   * now, and keeps it until the last one. */
  if (fraction > 0.5 && !wait_for (l, &l->lent))
    l->timed_out = TRUE;
  if (fraction >= 1.0)
    {
      l->drawn = TRUE;
      g_cond_broadcast (&l->cond);
    }
  g_mutex_unlock (&l->mutex);
}

static void
write_lending (Fixture    *f,
               const char *in,
               gboolean    cut_fonts)
{
  g_autofree char *alone_pdf = g_build_filename (f->dir, "alone.pdf", NULL);
  g_autofree char *lent_pdf = g_build_filename (f->dir, "lent.pdf", NULL);
  g_autoptr(GFile) alone_file = g_file_new_for_path (alone_pdf);
  g_autoptr(GFile) lent_file = g_file_new_for_path (lent_pdf);
  g_autoptr(GkDocument) alone = gk_test_load (in);
  g_autoptr(GkDocument) document = gk_test_load (in);
  g_autoptr(GkPdfWriter) alone_writer = gk_pdf_writer_new (alone);
  g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = g_strdup (gk_document_get_unit (document));
  Lending l = { document, };
  GThread *thread;
  gboolean ok;

  if (!cut_fonts)
    {
      /* Fonts cut to nothing lack the document's characters: the writer
       * lays the document out a second time, in the whole fonts, and
       * must have it back for that. */
      g_autoptr(GBytes) none = g_bytes_new (NULL, 0);

      gk_pdf_writer_set_characters (alone_writer, none);
      gk_pdf_writer_set_characters (writer, none);
    }
  g_assert_true (gk_pdf_writer_write_file (alone_writer, alone_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_mutex_init (&l.lock);
  g_mutex_init (&l.mutex);
  g_cond_init (&l.cond);
  g_mutex_lock (&l.lock);
  thread = g_thread_new ("borrower", borrower, &l);
  gk_pdf_writer_set_document_lock (writer, &l.lock);
  ok = gk_pdf_writer_write_file (writer, lent_file, lending_progress, &l, NULL, &error);
  /* The writer holds the lock again when it returns: the document is as
   * it was. */
  g_assert_cmpstr (gk_document_get_unit (document), ==, unit);
  g_mutex_unlock (&l.lock);
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_false (l.timed_out);
  g_assert_true (l.lent);
  /* Lent after the layout (0.5) and before the last page. */
  g_assert_cmpfloat (l.laid_out, >=, 0.5);
  g_assert_cmpfloat (l.laid_out, <, 1.0);
  assert_same_files (lent_pdf, alone_pdf);

  g_cond_clear (&l.cond);
  g_mutex_clear (&l.mutex);
  g_mutex_clear (&l.lock);
}

static void
test_lends_while_drawing (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *sample = gk_test_sample_path ();

  write_lending (f, sample, TRUE);
  write_lending (f, sample, FALSE);
}

/* The summary's checker checks once: the same findings, in the same
 * order, as the window's, and no handler on the document's objects. */
static char *
describe_findings (GkChecker *checker)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%u errors, %u warnings\n", gk_checker_get_n_errors (checker),
                          gk_checker_get_n_warnings (checker));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *location = gk_finding_dup_location (finding);

      g_string_append_printf (text, "%s %s %s\n", gk_finding_get_rule_id (finding), location,
                              gk_finding_get_message (finding));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_unwatched_checker (Fixture       *f,
                        gconstpointer  data)
{
  const char *names[] = { "seed-as-published.gongkai", "pdf/sample-long.gongkai" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", names[i], NULL);
      g_autoptr(GkDocument) document = gk_test_load (path);
      g_autoptr(GkChecker) watching = gk_checker_new (document);
      g_autoptr(GkChecker) once = gk_checker_new_unwatched (document);
      g_autofree char *expected = describe_findings (watching);
      g_autofree char *found = describe_findings (once);
      GListModel *projects = gk_document_get_projects (document);
      g_autoptr(GObject) project = g_list_model_get_item (projects, 0);

      g_assert_cmpuint (gk_checker_get_n_errors (once), >, 0);
      g_assert_cmpstr (found, ==, expected);
      g_assert_cmpuint (g_signal_handler_find (document, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, once), ==, 0);
      g_assert_cmpuint (g_signal_handler_find (project, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, once), ==, 0);
      g_assert_cmpuint (g_signal_handler_find (project, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, watching), !=, 0);
      g_assert_finalize_object (g_steal_pointer (&once));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/summary-concurrent/same-as-serial", test_same_as_serial);
  ADD ("/cli/summary-concurrent/failed-export", test_failed_export);
  ADD ("/cli/summary-concurrent/command", test_command);
  ADD ("/cli/summary-concurrent/lends-while-drawing", test_lends_while_drawing);
  ADD ("/cli/summary-concurrent/unwatched-checker", test_unwatched_checker);
#undef ADD
  return g_test_run ();
}
