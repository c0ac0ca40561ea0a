/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-draft — what writing the draft of unsaved changes costs the main
 * thread.
 *
 *   bench-draft [--direct] [--runs K] FILE
 *
 * Opens FILE, edits it, and lets the draft's timer write the draft, as in
 * the window: the main thread's time over all the main loop's dispatches
 * until the draft is written (its CPU time, and the wall time of the
 * dispatches), the longest single dispatch (what the user feels as a
 * stall), and the peak RSS of the process. --direct times gk_draft_write()
 * instead, which writes the whole draft at once. Median of K runs. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "gk-document-io.h"
#include "gk-draft.h"

static int opt_runs = 3;
static gboolean opt_direct = FALSE;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Drafts written (median taken)", "K" },
  { "direct", 'd', 0, G_OPTION_ARG_NONE, &opt_direct, "Time gk_draft_write() instead of the timer", NULL },
  { NULL }
};

typedef struct
{
  double cpu;      /* the main thread's CPU time, ms */
  double wall;     /* the wall time of the dispatches, ms */
  double longest;  /* the longest dispatch, wall ms */
  double longest_cpu;
  guint  dispatches;
} Figure;

static double
clock_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

static void
count (guint *written)
{
  (*written)++;
}

static Figure
timed_by_timer (GkDraft *draft)
{
  Figure figure = { 0 };
  guint written = 0;
  gulong id = g_signal_connect_swapped (draft, "written", G_CALLBACK (count), &written);

  while (written == 0)
    {
      double wall = clock_ms (CLOCK_MONOTONIC);
      double cpu = clock_ms (CLOCK_THREAD_CPUTIME_ID);
      gboolean pending = g_main_context_pending (NULL);

      g_main_context_iteration (NULL, !pending);
      cpu = clock_ms (CLOCK_THREAD_CPUTIME_ID) - cpu;
      wall = clock_ms (CLOCK_MONOTONIC) - wall;
      figure.cpu += cpu;
      /* Waiting in poll() for the worker thread is no stall. */
      if (pending)
        {
          figure.wall += wall;
          figure.longest = MAX (figure.longest, wall);
          figure.longest_cpu = MAX (figure.longest_cpu, cpu);
          figure.dispatches++;
        }
    }
  g_signal_handler_disconnect (draft, id);
  return figure;
}

static Figure
timed_direct (GkDraft *draft)
{
  Figure figure = { 0 };
  g_autoptr(GError) error = NULL;
  double wall = clock_ms (CLOCK_MONOTONIC);
  double cpu = clock_ms (CLOCK_THREAD_CPUTIME_ID);

  if (!gk_draft_write (draft, &error))
    g_error ("%s", error->message);
  figure.cpu = clock_ms (CLOCK_THREAD_CPUTIME_ID) - cpu;
  figure.wall = clock_ms (CLOCK_MONOTONIC) - wall;
  figure.longest = figure.wall;
  figure.longest_cpu = figure.cpu;
  figure.dispatches = 1;
  return figure;
}

static int
by_cpu (gconstpointer a,
        gconstpointer b)
{
  double x = ((const Figure *) a)->cpu, y = ((const Figure *) b)->cpu;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDraft) draft = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (Figure));
  g_autofree char *dir = NULL;
  Figure median;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: bench-draft [--direct] [--runs K] FILE\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  document = gk_document_load (file, NULL, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("bench-draft-XXXXXX", NULL);
  folder = g_file_new_for_path (dir);
  draft = gk_draft_new (document, folder);
  gk_draft_set_delay (draft, 0);
  if (opt_direct)
    gk_draft_set_enabled (draft, FALSE);

  for (int i = 0; i < MAX (opt_runs, 1); i++)
    {
      g_autofree char *text = g_strdup_printf ("第 %d 次修改的职能", i);
      Figure figure;

      gk_document_set_text (document, gk_document_get_overview (document), "functions", text);
      figure = opt_direct ? timed_direct (draft) : timed_by_timer (draft);
      g_array_append_val (figures, figure);
    }
  g_array_sort (figures, by_cpu);
  median = g_array_index (figures, Figure, figures->len / 2);
  printf ("draft (%s): main thread %.1f ms CPU, %.1f ms wall in %u dispatches, "
          "longest dispatch %.1f ms (%.1f ms CPU); peak RSS %.0f MB\n",
          opt_direct ? "gk_draft_write" : "timer", median.cpu, median.wall, median.dispatches,
          median.longest, median.longest_cpu, peak_rss_mb ());

  gk_draft_discard (draft);
  g_rmdir (dir);
  return 0;
}
