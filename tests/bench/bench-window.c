/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-window — how the window copes with a large document.
 *
 *   bench-window [--label L] [--edits E] [--pages P] FILE
 *
 * Opens FILE in a real window (a display is needed: build-aux/bench runs
 * it under Xvfb) and prints, one line each, the CPU and wall time of:
 * opening it until the first frame shows it, and until the main loop has
 * nothing more to do; the first visit of the 表七 page; one cell edit
 * until the window has redrawn and settled (median of E); paging down
 * its table (the view scrolled by its height, median of P); the first
 * visit of 情况说明; and the peak resident memory (VmHWM). The CPU time
 * is the process's, GTK's renderer threads (llvmpipe's, under Xvfb)
 * included; the main thread's share is given beside it. Each line is
 * printed as soon as it is known, so that a run cut short by timeout(1)
 * still says how far it got. With GK_BENCH_MEMORY=1 it also says, after
 * each page visited, the peak memory so far and how many widgets the
 * window holds (GK_BENCH_MEMORY=types lists them by type). */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <adwaita.h>

#include "gk-application.h"
#include "gk-document-io.h"
#include "gk-window.h"

#define TARGET_OPEN_MS_1000    1000.0
#define TARGET_OPEN_MS_10000   2000.0
#define TARGET_OPEN_MS_SAMPLE   500.0
#define TARGET_EDIT_MS           50.0
#define TARGET_PAGE_DOWN_MS      20.0
#define SETTLE_LIMIT_MS      600000.0

static char *opt_label = NULL;
static int opt_edits = 5;
static int opt_pages = 7;
static char *path = NULL;

static const GOptionEntry entries[] = {
  { "label", 'l', 0, G_OPTION_ARG_STRING, &opt_label, "What to call the document in the figures", "L" },
  { "edits", 'e', 0, G_OPTION_ARG_INT, &opt_edits, "Cell edits timed (median taken)", "E" },
  { "pages", 'p', 0, G_OPTION_ARG_INT, &opt_pages, "Page downs timed (median taken)", "P" },
  { NULL }
};

typedef struct
{
  double wall;
  double cpu;
  double main_cpu;  /* the main thread's alone: the renderer's threads are the rest */
} Figure;

static double
clock_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static Figure
stamp (void)
{
  return (Figure) { clock_ms (CLOCK_MONOTONIC), clock_ms (CLOCK_PROCESS_CPUTIME_ID),
                    clock_ms (CLOCK_THREAD_CPUTIME_ID) };
}

static Figure
since (Figure start)
{
  Figure now = stamp ();

  return (Figure) { now.wall - start.wall, now.cpu - start.cpu, now.main_cpu - start.main_cpu };
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static Figure
median (GArray *figures)
{
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) main_cpu = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert (figures->len > 0);
  for (guint i = 0; i < figures->len; i++)
    {
      Figure f = g_array_index (figures, Figure, i);
      g_array_append_val (wall, f.wall);
      g_array_append_val (cpu, f.cpu);
      g_array_append_val (main_cpu, f.main_cpu);
    }
  g_array_sort (wall, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  g_array_sort (main_cpu, compare_doubles);
  return (Figure) { g_array_index (wall, double, wall->len / 2), g_array_index (cpu, double, cpu->len / 2),
                    g_array_index (main_cpu, double, main_cpu->len / 2) };
}

static void
print_figure (const char *label,
              Figure      figure,
              double      target)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "%s window %s: %.1f ms   (main thread %.1f ms; wall %.1f ms",
                          opt_label, label, figure.cpu, figure.main_cpu, figure.wall);
  if (target > 0)
    g_string_append_printf (line, "; target < %g ms: %s", target,
                            figure.cpu < target ? "PASS" : "MISS");
  g_string_append (line, ")");
  puts (line->str);
  fflush (stdout);
}

/* The peak resident set, from the kernel's own account. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

/* Profiling ------------------------------------------------------------------ */

/* Under `perf record -D -1 --control fifo:CTL,ACK`, with GK_BENCH_PERF_CTL
 * and GK_BENCH_PERF_ACK naming those fifos and GK_BENCH_PROFILE naming a
 * step (edit, edit-explanation, page-down), perf samples that step alone. */
static void
profile (const char *step,
         gboolean    on)
{
  const char *wanted = g_getenv ("GK_BENCH_PROFILE");
  const char *ctl = g_getenv ("GK_BENCH_PERF_CTL");
  const char *ack = g_getenv ("GK_BENCH_PERF_ACK");
  const char *command = on ? "enable\n" : "disable\n";
  char reply[16];
  int out, in;

  if (wanted == NULL || ctl == NULL || ack == NULL || strcmp (wanted, step) != 0)
    return;
  out = open (ctl, O_WRONLY);
  in = open (ack, O_RDONLY);
  if (out < 0 || in < 0 || write (out, command, strlen (command)) < 0 ||
      read (in, reply, sizeof reply) < 0)
    g_printerr ("bench-window: perf did not answer\n");
  if (out >= 0)
    close (out);
  if (in >= 0)
    close (in);
}

/* Frames -------------------------------------------------------------------- */

static guint paints = 0;

/* With GK_BENCH_FRAMES=1, what each frame cost since the one before:
 * the process (the renderer's threads included) and the main thread. */
static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  static Figure last;
  Figure now = stamp ();

  paints++;
  if (g_getenv ("GK_BENCH_FRAMES") != NULL)
    g_printerr ("bench-window:   frame %u: %.1f ms, main thread %.1f ms\n",
                paints, now.cpu - last.cpu, now.main_cpu - last.main_cpu);
  last = now;
}

/* Runs the main loop until a frame later than @after has been painted and
 * nothing is left to do: the window has then shown whatever the step
 * changed. A step that changes nothing on screen ends when the loop has
 * been idle for QUIET_MS. Returns the time from @start to the last work
 * done, the quiet wait excluded; FALSE in *settled when cut short. */
#define QUIET_MS 300.0

static Figure
settle_since (Figure start)
{
  guint after = paints;
  Figure last = stamp ();
  double deadline = last.wall + SETTLE_LIMIT_MS;

  for (;;)
    {
      if (g_main_context_iteration (NULL, FALSE))
        {
          last = stamp ();
          continue;
        }
      if (paints > after && !g_main_context_pending (NULL))
        break;
      if (clock_ms (CLOCK_MONOTONIC) - last.wall > QUIET_MS)
        break;
      if (clock_ms (CLOCK_MONOTONIC) > deadline)
        {
          g_printerr ("bench-window: the window did not settle\n");
          break;
        }
      g_usleep (500);
    }
  /* How many frames a step took, each a render: GK_BENCH_FRAMES=1. */
  if (g_getenv ("GK_BENCH_FRAMES") != NULL)
    g_printerr ("bench-window: %u frames\n", paints - after);
  return (Figure) { last.wall - start.wall, last.cpu - start.cpu, last.main_cpu - start.main_cpu };
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  if (g_strcmp0 (g_getenv ("GK_BENCH_MEMORY"), "types") == 0)
    g_printerr ("type %s\n", G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

/* The steps ------------------------------------------------------------------ */

static GkProject *
first_project (GkDocument *document)
{
  GListModel *projects = gk_document_get_projects (document);

  if (g_list_model_get_n_items (projects) == 0)
    return NULL;
  return g_list_model_get_item (projects, 0);
}

static void
visit (GkWindow   *window,
       const char *page_id,
       const char *label)
{
  Figure start = stamp ();

  gk_window_set_selected_page (window, page_id);
  print_figure (label, settle_since (start), 0);
  /* Which step raises the peak: GK_BENCH_MEMORY=1 (=types lists the
   * window's widgets by type). */
  if (g_getenv ("GK_BENCH_MEMORY") != NULL)
    g_printerr ("bench-window: peak RSS after %s: %.0f MB, %u widgets in the window\n", label,
                peak_rss_mb (), count_widgets (GTK_WIDGET (window)));
}

static void
time_edits (GkWindow   *window,
            GkDocument *document,
            GkRow      *row,
            int         column,
            const char *step)
{
  g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (Figure));

  for (int i = 0; i < opt_edits; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d.%02d", 1000 + i, i);
      g_autoptr(GError) error = NULL;
      Figure start, figure;

      profile (step, TRUE);
      start = stamp ();
      if (!gk_document_set_amount_text (document, row, column, text, &error))
        g_error ("%s", error->message);
      figure = settle_since (start);
      profile (step, FALSE);
      g_array_append_val (figures, figure);
    }
  print_figure ("edit", median (figures), TARGET_EDIT_MS);
}

/* What Page_Down does to the view: scroll it by its height, so that a
 * page of rows is unbound and another bound. */
static void
time_page_downs (GtkWidget *page)
{
  GtkWidget *view = find_descendant (page, GTK_TYPE_COLUMN_VIEW);
  g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (Figure));
  GtkAdjustment *adjustment;

  if (view == NULL)
    {
      g_printerr ("bench-window: no table on the page\n");
      return;
    }
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  for (int i = 0; i < opt_pages; i++)
    {
      Figure start, figure;

      profile ("page-down", TRUE);
      start = stamp ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      figure = settle_since (start);
      profile ("page-down", FALSE);
      g_array_append_val (figures, figure);
    }
  print_figure ("page down", median (figures), TARGET_PAGE_DOWN_MS);
}

static void
activated (GApplication *app,
           gpointer      data)
{
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkProject) project = NULL;
  GdkFrameClock *clock;
  Figure start;
  double open_target;

  /* An empty window first, so that opening is timed from a shown window
   * as when a file is chosen. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
  settle_since (stamp ());

  start = stamp ();
  document = gk_document_load (file, NULL, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  gk_window_set_document (window, document, file);
  open_target = g_str_has_prefix (opt_label, "N=10000") ? TARGET_OPEN_MS_10000
              : g_str_has_prefix (opt_label, "N=") ? TARGET_OPEN_MS_1000 : TARGET_OPEN_MS_SAMPLE;
  {
    guint before = paints;

    while (paints == before)
      g_main_context_iteration (NULL, TRUE);
  }
  print_figure ("open (first frame)", since (start), 0);
  print_figure ("open (settled)", settle_since (start), open_target);
  /* What opening alone costs, before any page builds its widgets. */
  printf ("%s window peak RSS after opening: %.0f MB\n", opt_label, peak_rss_mb ());
  fflush (stdout);

  project = first_project (document);
  if (project != NULL)
    {
      GkRow *row = gk_project_get_row (project);
      GkTable *table = gk_row_get_table (row);
      const char *page_id = gk_table_get_id (table);

      visit (window, page_id, "visit 表七");
      time_edits (window, document, row, gk_table_column_index (table, "e302"), "edit");
      time_page_downs (gk_window_get_page (window, page_id));
    }
  visit (window, "explanation", "visit 情况说明");
  if (project != NULL)
    {
      GkRow *row = gk_project_get_row (project);

      time_edits (window, document, row, gk_table_column_index (gk_row_get_table (row), "e302"),
                  "edit-explanation");
    }
  visit (window, "projects", "visit 项目");
  printf ("%s window peak RSS: %.0f MB\n", opt_label, peak_rss_mb ());
  fflush (stdout);
  /* Which mappings the memory is in (heap, the renderer's, fonts,
   * libraries): GK_BENCH_SMAPS=FILE keeps a copy of /proc/self/smaps. */
  if (g_getenv ("GK_BENCH_SMAPS") != NULL)
    {
      g_autofree char *smaps = NULL;
      gsize length;

      if (g_file_get_contents ("/proc/self/smaps", &smaps, &length, NULL))
        g_file_set_contents (g_getenv ("GK_BENCH_SMAPS"), smaps, length, NULL);
    }

  /* Modified: closing would ask whether to save. */
  g_application_quit (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  char *app_argv[] = { (char *) "gongkai", NULL };
  GkApplication *app;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "one file expected");
      return 2;
    }
  path = argv[1];
  if (opt_label == NULL)
    opt_label = g_path_get_basename (path);
  if (opt_edits < 1)
    opt_edits = 1;
  if (opt_pages < 1)
    opt_pages = 1;

  /* Drafts of the edits go nowhere that matters. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  {
    g_autofree char *data = g_dir_make_tmp ("gongkai-bench-XXXXXX", NULL);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }

  app = gk_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated), NULL);
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
