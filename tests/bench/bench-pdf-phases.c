/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-pdf-phases — where the time of one PDF export goes.
 *
 *   bench-pdf-phases [--with-charts] FILE
 *
 * Does what gk_pdf_writer_write_to_stream() does, one step at a time, and
 * prints the CPU time of each: loading the file, setting the fonts up
 * (the first typesetter: fontconfig and the first font), laying the pages
 * out (measuring text), drawing them (shaping again and converting to
 * glyphs), cairo's page output, cairo's finishing (fonts embedded) and the
 * end of the file; then the process's peak memory. One cold export per
 * process, as `gongkai --export-pdf` does. As there, the file is put in
 * order (gk-pdf-rewrite.c) and written on a thread of its own
 * (gk-pdf-pipe.c): the phases are the drawing thread's CPU time, and that
 * thread's is printed apart; --serial feeds the rewriter on the drawing
 * thread instead, as before the pipe. */
#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <cairo-pdf.h>

#include "gk-disclosure-layout.h"
#include "gk-document-io.h"
#include "gk-pdf-pipe-private.h"
#include "gk-pdf-rewrite-private.h"

static gboolean opt_with_charts = FALSE;
static char *opt_raw = NULL;
static int opt_block = 0;
static gboolean opt_serial = FALSE;

static const GOptionEntry entries[] = {
  { "with-charts", 'c', 0, G_OPTION_ARG_NONE, &opt_with_charts, "Add the appendix of charts", NULL },
  { "raw", 'r', 0, G_OPTION_ARG_FILENAME, &opt_raw, "Also write the PDF as cairo made it to FILE", "FILE" },
  { "block", 'b', 0, G_OPTION_ARG_INT, &opt_block, "Also print the drawing and page output of every N pages, "
    "to see whether a page costs more the later it comes", "N" },
  { "serial", 's', 0, G_OPTION_ARG_NONE, &opt_serial, "Put the file in order on the drawing thread", NULL },
  { NULL }
};

/* The drawing thread's own, without the pipe's thread. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static double
max_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* What the program holds, as against what the system lent it (the peak
 * resident size): the difference is memory freed but kept by malloc. */
static double
in_use_mb (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

typedef struct
{
  GkPdfRewriter *rewriter;
  GkPdfPipe     *pipe;
  GOutputStream *out;
  GByteArray    *raw;
} Sink;

static gboolean
write_out (const guchar  *data,
           gsize          size,
           gpointer       user_data,
           GError       **error)
{
  Sink *sink = user_data;

  return g_output_stream_write_all (sink->out, data, size, NULL, NULL, error);
}

static cairo_status_t
collect (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  Sink *sink = closure;

  if (sink->raw != NULL)
    g_byte_array_append (sink->raw, data, length);
  return _gk_pdf_pipe_feed (sink->pipe, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkTypesetter) first = NULL;
  g_autoptr(GkPageLayout) layout = NULL;
  g_autoptr(GFile) null = g_file_new_for_path ("/dev/null");
  g_autoptr(GFileOutputStream) out = NULL;
  Sink sink = { NULL, NULL, NULL, NULL };
  GkPdfOptions options = { 0, };
  cairo_surface_t *surface;
  cairo_t *cr;
  double t, load, fonts, lay, draw = 0, pages_out = 0, finish, order, total;
  double worker, width, height, rss_drawn, rss_loaded, rss_laid_out;
  double block_draw = 0, block_out = 0;
  double used_loaded, used_laid_out, used_drawn;
  guint n_pages;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: bench-pdf-phases [--with-charts] FILE");
      return 2;
    }

  t = cpu_ms ();
  file = g_file_new_for_commandline_arg (argv[1]);
  document = gk_document_load (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("Cannot load %s: %s\n", argv[1], error->message);
      return 2;
    }
  load = cpu_ms () - t;
  rss_loaded = max_rss_mb ();
  used_loaded = in_use_mb ();

  t = cpu_ms ();
  first = gk_typesetter_new (NULL, NULL);
  gk_typesetter_text_width (first, GK_TEXT_BODY, "部门预算");
  gk_typesetter_text_width (first, GK_TEXT_TABLE_CELL, "部门预算");
  fonts = cpu_ms () - t;

  t = cpu_ms ();
  options.with_charts = opt_with_charts;
  layout = gk_disclosure_layout_new (document, &options);
  lay = cpu_ms () - t;
  rss_laid_out = max_rss_mb ();
  used_laid_out = in_use_mb ();

  n_pages = gk_page_layout_get_n_pages (layout);
  gk_page_layout_get_page_size (layout, 0, &width, &height);
  out = g_file_append_to (null, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  sink.out = G_OUTPUT_STREAM (out);
  sink.raw = opt_raw != NULL ? g_byte_array_new () : NULL;
  sink.rewriter = _gk_pdf_rewriter_new ("zh-CN", write_out, &sink);
  /* The writer's own limit (gk-pdf-writer.c). */
  sink.pipe = _gk_pdf_pipe_new (sink.rewriter, opt_serial ? 0 : 4 * 1024 * 1024);
  surface = cairo_pdf_surface_create_for_stream (collect, &sink, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      gk_page_layout_get_page_size (layout, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      t = cpu_ms ();
      gk_page_layout_draw_page (layout, cr, i);
      draw += cpu_ms () - t;
      t = cpu_ms ();
      cairo_show_page (cr);
      pages_out += cpu_ms () - t;
      if (opt_block > 0 && ((i + 1) % opt_block == 0 || i + 1 == n_pages))
        {
          g_print ("pages to %u: drawing %.0f ms, page output %.0f ms\n",
                   i + 1, draw - block_draw, pages_out - block_out);
          block_draw = draw;
          block_out = pages_out;
        }
    }
  t = cpu_ms ();
  used_drawn = in_use_mb ();
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  finish = cpu_ms () - t;
  rss_drawn = max_rss_mb ();

  t = cpu_ms ();
  if (!_gk_pdf_pipe_close (sink.pipe, TRUE, &error) ||
      !_gk_pdf_rewriter_finish (sink.rewriter, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  order = cpu_ms () - t;
  if (opt_raw != NULL &&
      !g_file_set_contents (opt_raw, (const char *) sink.raw->data, sink.raw->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  worker = _gk_pdf_pipe_get_cpu_ms (sink.pipe);
  total = load + fonts + lay + draw + pages_out + finish + order;

  g_print ("%s: %u pages\n", argv[1], n_pages);
  g_print ("cpu ms: load %.0f, font setup %.0f, layout %.0f, drawing %.0f, page output %.0f, "
           "finish (fonts) %.0f, end of file %.0f; total %.0f\n",
           load, fonts, lay, draw, pages_out, finish, order, total);
  if (!opt_serial)
    g_print ("cpu ms of the thread putting the file in order and writing it, beside those: %.0f\n", worker);
  g_print ("peak memory: %.1f MB (%.1f MB loaded, %.1f MB laid out, %.1f MB when cairo finished)\n",
           max_rss_mb (), rss_loaded, rss_laid_out, rss_drawn);
  g_print ("in use: %.1f MB loaded, %.1f MB laid out, %.1f MB with every page drawn\n",
           used_loaded, used_laid_out, used_drawn);
  _gk_pdf_pipe_free (sink.pipe);
  _gk_pdf_rewriter_free (sink.rewriter);
  if (sink.raw != NULL)
    g_byte_array_unref (sink.raw);
  return 0;
}
