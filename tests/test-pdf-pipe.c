/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>

#include "gk-disclosure-layout.h"
#include "gk-indicator.h"
#include "gk-pdf-pipe-private.h"
#include "gk-pdf-rewrite-private.h"
#include "gk-pdf-writer.h"
#include "gk-project.h"
#include "gk-test-common.h"
#include "gk-test-pdf-drawn.h"

/* Cairo's file put in order on a thread of its own (gk-pdf-pipe.c): the
 * same bytes as on the drawing thread, whatever the queue's size; a full
 * disk or a cancel on that thread stops the export at once with the same
 * error as before, and the thread never outlives the export. */

#define BLOCK (128 * 1024)

static GBytes *
long_drawing (void)
{
  static GBytes *drawn;

  if (drawn == NULL)
    {
      g_autoptr(GkDocument) document = gk_test_with_projects (60);

      drawn = gk_test_draw_raw (document);
    }
  return g_bytes_ref (drawn);
}

/* The threads of the process: the export's own is gone when it returns. */
static guint
n_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Fed through the pipe in cairo's small, uneven pieces; NULL with @error
 * when the file was refused. */
static GByteArray *
through_pipe (const guchar  *data,
              gsize          size,
              gsize          limit,
              GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  GkPdfRewriter *rewriter = _gk_pdf_rewriter_new ("zh-CN", _gk_pdf_write_to_byte_array, out);
  GkPdfPipe *pipe = _gk_pdf_pipe_new (rewriter, limit);
  gboolean ok = TRUE;

  for (gsize at = 0, step = 1; at < size && ok; at += step, step = step % 997 + 7)
    ok = _gk_pdf_pipe_feed (pipe, data + at, MIN (step, size - at));
  ok = _gk_pdf_pipe_close (pipe, TRUE, error) && ok;
  g_assert_true (ok || (error == NULL || *error != NULL));
  _gk_pdf_pipe_free (pipe);
  ok = ok && _gk_pdf_rewriter_finish (rewriter, error);
  _gk_pdf_rewriter_free (rewriter);
  return ok ? g_steal_pointer (&out) : NULL;
}

/* Whatever the queue's size, the bytes of the file read on the drawing
 * thread; and no thread is left. */
static void
test_same_bytes (void)
{
  g_autoptr(GBytes) drawn = long_drawing ();
  g_autoptr(GByteArray) serial = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const guchar *data = g_bytes_get_data (drawn, &size);
  gsize limits[] = { 0, 1, BLOCK + 1, 4 * 1024 * 1024 };
  guint threads = n_threads ();

  /* Spans blocks many times over, and ends in a part of one. */
  g_assert_cmpuint (size, >, 8 * BLOCK);
  g_assert_cmpint (_gk_pdf_rewrite (data, size, "zh-CN", _gk_pdf_write_to_byte_array, serial, &error), ==, GK_PDF_REWRITE_DONE);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(GByteArray) piped = through_pipe (data, size, limits[i], &error);

      g_assert_no_error (error);
      g_assert_cmpmem (piped->data, piped->len, serial->data, serial->len);
      g_assert_cmpuint (n_threads (), ==, threads);
    }
}

/* A file the rewriter refuses on the pipe's thread (its objects twice):
 * the same error as on the drawing thread, and the pipe takes nothing
 * more. */
static void
test_refused (void)
{
  g_autoptr(GBytes) drawn = long_drawing ();
  g_autoptr(GByteArray) twice = g_byte_array_new ();
  g_autoptr(GError) serial_error = NULL;
  gsize size, header, table;
  const guchar *data = g_bytes_get_data (drawn, &size);
  const guchar *xref = NULL;

  /* The objects between the header's two lines and the table. */
  header = (const guchar *) memchr (data, '\n', size) + 1 - data;
  header = (const guchar *) memchr (data + header, '\n', size - header) + 1 - data;
  for (const guchar *p = data + size - 5; p > data && xref == NULL; p--)
    if (memcmp (p, "\nxref\n", 6) == 0)
      xref = p + 1;
  g_assert_nonnull (xref);
  table = xref - data;
  g_byte_array_append (twice, data, table);
  g_byte_array_append (twice, data + header, size - header);

  g_assert_null (through_pipe (twice->data, twice->len, 0, &serial_error));
  g_assert_error (serial_error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER);
  for (gsize limit = 1; limit <= 4 * 1024 * 1024; limit *= 64)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (through_pipe (twice->data, twice->len, limit, &error));
      g_assert_error (error, serial_error->domain, serial_error->code);
      g_assert_cmpstr (error->message, ==, serial_error->message);
    }
}

/* A disk that takes nothing until it is let go, then is full. */
typedef struct
{
  GMutex  mutex;
  GCond   cond;
  gboolean entered;
  gboolean released;
  guint    calls;
} Gate;

static gboolean
gated_write (const guchar  *data,
             gsize          size,
             gpointer       user_data,
             GError       **error)
{
  Gate *gate = user_data;

  g_mutex_lock (&gate->mutex);
  gate->entered = TRUE;
  gate->calls++;
  while (!gate->released)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "the disk is full");
  return FALSE;
}

typedef struct
{
  GkPdfPipe    *pipe;
  const guchar *data;
  gsize         size;
  gsize         fed;        /* atomic */
  gboolean      refused;
} Feeder;

static gpointer
feed_all (gpointer user_data)
{
  Feeder *feeder = user_data;

  for (gsize at = 0, step = 1; at < feeder->size; at += step, step = step % 997 + 7)
    {
      if (!_gk_pdf_pipe_feed (feeder->pipe, feeder->data + at, MIN (step, feeder->size - at)))
        {
          feeder->refused = TRUE;
          break;
        }
      g_atomic_pointer_set (&feeder->fed, at + MIN (step, feeder->size - at));
    }
  return NULL;
}

typedef struct
{
  Gate      *gate;
  GkPdfPipe *pipe;
} Stuck;

/* The thread stuck in a write, the drawing waiting for room. */
static gboolean
is_stuck (gpointer data)
{
  Stuck *stuck = data;
  gboolean entered;

  g_mutex_lock (&stuck->gate->mutex);
  entered = stuck->gate->entered;
  g_mutex_unlock (&stuck->gate->mutex);
  return entered && _gk_pdf_pipe_is_waiting (stuck->pipe);
}

/* A slow disk makes the drawing wait with a bounded queue rather than
 * hold the file; when the disk then fails, the waiting drawing thread
 * wakes, is refused, and the disk's error comes back. */
static void
test_slow_then_full (void)
{
  g_autoptr(GBytes) drawn = long_drawing ();
  g_autoptr(GError) error = NULL;
  Gate gate = { 0, };
  GkPdfRewriter *rewriter = _gk_pdf_rewriter_new ("zh-CN", gated_write, &gate);
  Feeder feeder = { _gk_pdf_pipe_new (rewriter, 2 * BLOCK), NULL, 0, 0, FALSE };
  Stuck stuck = { &gate, feeder.pipe };
  GThread *thread;

  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);
  feeder.data = g_bytes_get_data (drawn, &feeder.size);
  thread = g_thread_new ("feeder", feed_all, &feeder);

  gk_test_iterate_until (is_stuck, &stuck);
  g_assert_cmpuint (_gk_pdf_pipe_get_queued (feeder.pipe), <=, 2 * BLOCK);

  g_mutex_lock (&gate.mutex);
  gate.released = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.mutex);
  g_thread_join (thread);

  g_assert_true (feeder.refused);
  g_assert_cmpuint (feeder.fed, <, feeder.size);
  g_assert_true (_gk_pdf_pipe_failed (feeder.pipe));
  g_assert_false (_gk_pdf_pipe_close (feeder.pipe, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, "the disk is full");
  g_assert_cmpuint (gate.calls, ==, 1);
  _gk_pdf_pipe_free (feeder.pipe);
  _gk_pdf_rewriter_free (rewriter);
  g_mutex_clear (&gate.mutex);
  g_cond_clear (&gate.cond);
}

/* A stream that takes @limit bytes, then says the disk is full, or that
 * the export was cancelled when it has @cancellable. */
typedef struct
{
  GOutputStream parent_instance;
  gsize         limit;
  gsize         taken;
  guint         refused;
  GCancellable *cancellable;
  guint        *pages;
  guint         pages_at_refusal;
} FullStream;

typedef GOutputStreamClass FullStreamClass;

static GType full_stream_get_type (void);
G_DEFINE_TYPE (FullStream, full_stream, G_TYPE_OUTPUT_STREAM)

static gssize
full_stream_write (GOutputStream  *stream,
                   const void     *buffer,
                   gsize           count,
                   GCancellable   *cancellable,
                   GError        **error)
{
  FullStream *self = (FullStream *) stream;
  gsize n = MIN (count, self->limit - self->taken);

  if (n > 0)
    {
      self->taken += n;
      return n;
    }
  if (self->refused++ == 0)
    self->pages_at_refusal = g_atomic_int_get (self->pages);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_cancellable_set_error_if_cancelled (self->cancellable, error);
    }
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "the disk is full");
  return -1;
}

static void
full_stream_class_init (FullStreamClass *klass)
{
  klass->write_fn = full_stream_write;
}

static void
full_stream_init (FullStream *self)
{
}

typedef struct
{
  guint         pages;        /* atomic: drawn so far */
  guint         cancel_at;    /* 0: never */
  GCancellable *cancellable;
} Progress;

static void
count_pages (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  /* The first report comes after the layout, before any page. */
  if (fraction <= 0.5)
    return;
  g_atomic_int_inc (&progress->pages);
  if (progress->cancel_at != 0 && g_atomic_int_get (&progress->pages) == progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

/* A disk that fills while the thread writes: the export fails with the
 * disk's own error, writes nothing more, stops drawing within a page, and
 * leaves no thread. */
static void
test_full_disk (void)
{
  g_autoptr(GkDocument) document = gk_test_with_projects (60);
  g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);
  g_autoptr(GOutputStream) whole = g_memory_output_stream_new_resizable ();
  Progress all = { 0, };
  guint threads = n_threads ();
  gsize size;

  g_assert_true (gk_pdf_writer_write_to_stream (writer, whole, count_pages, &all, NULL, NULL));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (whole));
  {
  g_assert_cmpuint (all.pages, >, 30);

  gsize limits[] = { 0, 64 * 1024, size / 3, size * 2 / 3, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      gsize limit = limits[i];
      FullStream *out = g_object_new (full_stream_get_type (), NULL);
      Progress progress = { 0, };
      g_autoptr(GError) error = NULL;

      out->limit = limit;
      out->pages = &progress.pages;
      g_assert_false (gk_pdf_writer_write_to_stream (writer, G_OUTPUT_STREAM (out), count_pages, &progress,
                                                     NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpstr (error->message, ==, "the disk is full");
      g_assert_cmpuint (out->taken, ==, limit);
      g_assert_cmpuint (out->refused, ==, 1);
      g_test_message ("limit %zu of %zu: refused at page %u, stopped at %u of %u", limit, size,
                      out->pages_at_refusal, progress.pages, all.pages);
      /* The page being drawn when the disk filled, and no further. */
      g_assert_cmpuint (progress.pages, <=, out->pages_at_refusal + 1);
      /* The pages are a small part of the file, its fonts most of it:
       * the first write comes some way in. */
      if (limit == 0)
        g_assert_cmpuint (progress.pages, <, all.pages);
      g_assert_cmpuint (n_threads (), ==, threads);
      g_assert_finalize_object (out);
    }
  }
}

/* A cancel between pages, and one that a write on the thread meets: both
 * end the export as cancelled, without a thread left. */
static void
test_cancelled (void)
{
  g_autoptr(GkDocument) document = gk_test_with_projects (60);
  g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);
  guint threads = n_threads ();

  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    Progress progress = { 0, 5, cancellable };

    g_assert_false (gk_pdf_writer_write_to_stream (writer, out, count_pages, &progress, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (progress.pages, ==, 5);
    g_assert_cmpuint (n_threads (), ==, threads);
  }
  {
    FullStream *out = g_object_new (full_stream_get_type (), NULL);
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;
    Progress progress = { 0, };

    out->limit = 64 * 1024;
    out->cancellable = cancellable;
    out->pages = &progress.pages;
    g_assert_false (gk_pdf_writer_write_to_stream (writer, G_OUTPUT_STREAM (out), count_pages, &progress,
                                                   cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (out->refused, ==, 1);
    g_assert_cmpuint (progress.pages, <=, out->pages_at_refusal + 1);
    g_assert_cmpuint (n_threads (), ==, threads);
    g_assert_finalize_object (out);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-pipe/same-bytes", test_same_bytes);
  g_test_add_func ("/pdf-pipe/refused", test_refused);
  g_test_add_func ("/pdf-pipe/slow-then-full", test_slow_then_full);
  g_test_add_func ("/pdf-pipe/full-disk", test_full_disk);
  g_test_add_func ("/pdf-pipe/cancelled", test_cancelled);
  return g_test_run ();
}
