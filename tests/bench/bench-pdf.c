/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-pdf — how long exporting the disclosure PDF takes, and how much
 * memory it needs.
 *
 *   bench-pdf [--runs K] [--with-charts] [--target-ms T] [--target-mb M] FILE
 *
 * Loads FILE once, exports it K times to a temporary PDF and prints the
 * wall time of the first gk_pdf_export() (cold: fonts not yet loaded, as
 * for `gongkai --export-pdf`), which the target judges, the median of the
 * K runs (warm, as for a second export from the window), the CPU time and
 * the process's peak memory (the load included: it is what the user's
 * machine must have).
 * One document per process, so that the peak is that document's alone.
 * tests/bench/bench-pdf.sh runs it on the sample and on 10 000 projects. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <glib/gstdio.h>

#include "gk-document-io.h"
#include "gk-pdf-export.h"

static int opt_runs = 3;
static gboolean opt_with_charts = FALSE;
static double opt_target_ms = 0;
static double opt_target_mb = 0;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Exports to time (median taken)", "K" },
  { "with-charts", 'c', 0, G_OPTION_ARG_NONE, &opt_with_charts, "Add the appendix of charts", NULL },
  { "target-ms", 't', 0, G_OPTION_ARG_DOUBLE, &opt_target_ms, "Time the median must stay under", "T" },
  { "target-mb", 'm', 0, G_OPTION_ARG_DOUBLE, &opt_target_mb, "Peak memory to stay under", "M" },
  { NULL }
};

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

static double
max_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static const char *
verdict (double value,
         double target)
{
  if (target <= 0)
    return "";
  return value < target ? "PASS" : "MISS";
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GArray) walls = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  GkPdfOptions options = { 0, };
  double start, load_ms, cpu = 0, median, first = 0, rss_loaded, rss;
  g_autofree char *pages = NULL;

  setlocale (LC_ALL, "");
  g_option_context_set_summary (context, "Times exporting a disclosure as PDF.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || opt_runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-pdf [OPTION…] FILE");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  name = g_file_get_basename (file);
  start = now_ms ();
  document = gk_document_load (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("Cannot load %s: %s\n", argv[1], error->message);
      return 2;
    }
  load_ms = now_ms () - start;
  rss_loaded = max_rss_mb ();

  dir = g_dir_make_tmp ("gongkai-bench-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "disclosure.pdf", NULL);
  options.with_charts = opt_with_charts;

  for (int i = 0; i < opt_runs; i++)
    {
      double cpu_start = cpu_ms (), ms;

      start = now_ms ();
      if (!gk_pdf_export (document, path, &options, &error))
        {
          g_printerr ("Export failed: %s\n", error->message);
          return 1;
        }
      ms = now_ms () - start;
      cpu += cpu_ms () - cpu_start;
      if (i == 0)
        first = ms;
      g_array_append_val (walls, ms);
    }
  g_array_sort (walls, compare_doubles);
  median = g_array_index (walls, double, walls->len / 2);
  rss = max_rss_mb ();

  {
    const char *pdfinfo[] = { "pdfinfo", path, NULL };
    g_autofree char *info = NULL;

    if (g_spawn_sync (NULL, (char **) pdfinfo, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &info, NULL, NULL, NULL) && info != NULL)
      {
        const char *line = strstr (info, "Pages:");
        if (line != NULL)
          pages = g_strstrip (g_strndup (line + strlen ("Pages:"), strcspn (line + strlen ("Pages:"), "\n")));
      }
  }

  g_print ("%s export: %.0f ms   (first run; median of %d: %.0f ms; cpu %.0f ms a run; %s pages; "
           "loading, not counted: %.0f ms)",
           name, first, opt_runs, median, cpu / opt_runs, pages ? pages : "?", load_ms);
  if (opt_target_ms > 0)
    g_print ("   target < %.0f ms: %s", opt_target_ms, verdict (first, opt_target_ms));
  g_print ("\n%s peak memory: %.1f MB   (%.1f MB once loaded)", name, rss, rss_loaded);
  if (opt_target_mb > 0)
    g_print ("   target < %.0f MB: %s", opt_target_mb, verdict (rss, opt_target_mb));
  g_print ("\n");

  g_unlink (path);
  g_rmdir (dir);
  return (opt_target_ms > 0 && first >= opt_target_ms) || (opt_target_mb > 0 && rss >= opt_target_mb);
}
