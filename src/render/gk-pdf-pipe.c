/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include "gk-pdf-pipe-private.h"

/* Cairo writes its file in pieces of a few bytes to a few hundred, on the
 * thread that draws. Putting the file in order (parsing, packing objects,
 * zlib) and writing it to disk took a fifth of a long export on that
 * thread; here they run on a thread of their own, one block of cairo's
 * bytes at a time, while the next pages are drawn. The blocks in flight
 * are bounded, so that a slow disk makes the drawing wait rather than the
 * memory grow. The rewriter reads whole objects whatever the pieces
 * (test-pdf-structure.c), so the file is the same bytes as when it is fed
 * on the drawing thread. */

#define BLOCK_SIZE (128 * 1024)

typedef struct
{
  gsize  length;
  guchar data[BLOCK_SIZE];
} Block;

struct _GkPdfPipe
{
  GkPdfRewriter *rewriter;
  gsize          limit;      /* the bytes queued or being read, at most */
  GThread       *thread;     /* NULL: fed on the caller's thread */
  Block         *filling;    /* the caller's, outside the lock */

  GMutex         mutex;
  GCond          cond;       /* the queue or the flags changed */
  GQueue         queue;      /* full blocks, oldest first */
  GSList        *spare;      /* read blocks, to fill again */
  gsize          queued;
  gsize          most;       /* queued at any one time */
  gboolean       closing;    /* no more blocks come */
  gboolean       drain;      /* and those queued are still read */
  gboolean       waiting;    /* the caller, for room in the queue */

  int            failed;     /* atomic: the rewriter refused or a write failed */
  GError        *error;      /* why: set by the thread, read after the join */
  double         cpu_ms;     /* the thread's own time */
};

static double
thread_cpu_ms (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static gpointer
run (gpointer data)
{
  GkPdfPipe *self = data;

  g_mutex_lock (&self->mutex);
  for (;;)
    {
      Block *block;
      gboolean ok = TRUE;

      while (g_queue_is_empty (&self->queue) && !self->closing)
        g_cond_wait (&self->cond, &self->mutex);
      block = g_queue_pop_head (&self->queue);
      if (block == NULL)
        break;

      /* After a failure or an abandoned file the rest is only dropped. */
      if (!g_atomic_int_get (&self->failed) && (!self->closing || self->drain))
        {
          g_mutex_unlock (&self->mutex);
          ok = _gk_pdf_rewriter_feed (self->rewriter, block->data, block->length, &self->error);
          g_mutex_lock (&self->mutex);
        }
      if (!ok)
        g_atomic_int_set (&self->failed, TRUE);
      self->queued -= block->length;
      block->length = 0;
      self->spare = g_slist_prepend (self->spare, block);
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->mutex);

  self->cpu_ms = thread_cpu_ms ();
  return NULL;
}

/**
 * _gk_pdf_pipe_new:
 * @rewriter: fed on the pipe's thread until _gk_pdf_pipe_close(); its
 *   write function is called there
 * @limit: the bytes waiting at most before _gk_pdf_pipe_feed() waits;
 *   0 to feed @rewriter on the caller's thread
 */
GkPdfPipe *
_gk_pdf_pipe_new (GkPdfRewriter *rewriter,
                  gsize          limit)
{
  GkPdfPipe *self = g_new0 (GkPdfPipe, 1);

  self->rewriter = rewriter;
  self->limit = MAX (limit, BLOCK_SIZE);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->queue);
  /* Without a thread the file is only written on the drawing thread. */
  if (limit > 0)
    self->thread = g_thread_try_new ("gk-pdf-writer", run, self, NULL);
  return self;
}

/* Queues the block being filled; waits while the queue is full. */
static gboolean
push (GkPdfPipe *self)
{
  Block *block = g_steal_pointer (&self->filling);

  g_mutex_lock (&self->mutex);
  while (self->queued > 0 && self->queued + block->length > self->limit &&
         !g_atomic_int_get (&self->failed))
    {
      self->waiting = TRUE;
      g_cond_wait (&self->cond, &self->mutex);
    }
  self->waiting = FALSE;
  if (g_atomic_int_get (&self->failed))
    {
      block->length = 0;
      self->filling = block;
      g_mutex_unlock (&self->mutex);
      return FALSE;
    }
  g_queue_push_tail (&self->queue, block);
  self->queued += block->length;
  self->most = MAX (self->most, self->queued);
  if (self->spare != NULL)
    {
      self->filling = self->spare->data;
      self->spare = g_slist_delete_link (self->spare, self->spare);
    }
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  return TRUE;
}

/**
 * _gk_pdf_pipe_feed:
 *
 * Takes the next bytes of cairo's file.
 *
 * Returns: %FALSE once the rewriter has refused the file or a write
 *   failed; _gk_pdf_pipe_close() says why
 */
gboolean
_gk_pdf_pipe_feed (GkPdfPipe    *self,
                   const guchar *data,
                   gsize         size)
{
  if (g_atomic_int_get (&self->failed))
    return FALSE;
  if (self->thread == NULL)
    {
      if (!_gk_pdf_rewriter_feed (self->rewriter, data, size, &self->error))
        g_atomic_int_set (&self->failed, TRUE);
      return !self->failed;
    }

  while (size > 0)
    {
      gsize n;

      if (self->filling == NULL)
        {
          self->filling = g_new (Block, 1);
          self->filling->length = 0;
        }
      n = MIN (size, BLOCK_SIZE - self->filling->length);
      memcpy (self->filling->data + self->filling->length, data, n);
      self->filling->length += n;
      data += n;
      size -= n;
      if (self->filling->length == BLOCK_SIZE && !push (self))
        return FALSE;
    }
  return TRUE;
}

/* Whether the file failed: the drawing can stop. */
gboolean
_gk_pdf_pipe_failed (GkPdfPipe *self)
{
  return g_atomic_int_get (&self->failed);
}

/* The bytes waiting to be read, or being read. */
gsize
_gk_pdf_pipe_get_queued (GkPdfPipe *self)
{
  gsize queued;

  g_mutex_lock (&self->mutex);
  queued = self->queued;
  g_mutex_unlock (&self->mutex);
  return queued;
}

/* Whether the caller waits for room in the queue, for the tests. */
gboolean
_gk_pdf_pipe_is_waiting (GkPdfPipe *self)
{
  gboolean waiting;

  g_mutex_lock (&self->mutex);
  waiting = self->waiting;
  g_mutex_unlock (&self->mutex);
  return waiting;
}

/**
 * _gk_pdf_pipe_close:
 * @drain: whether what was fed is still read; %FALSE when the file is
 *   abandoned anyway (cancelled, or cairo failed)
 *
 * Ends the thread: the rewriter is the caller's again, to finish.
 *
 * Returns: %FALSE with @error set when the rewriter refused the file or
 *   a write failed
 */
gboolean
_gk_pdf_pipe_close (GkPdfPipe  *self,
                    gboolean    drain,
                    GError    **error)
{
  if (self->thread != NULL)
    {
      if (drain && self->filling != NULL && self->filling->length > 0)
        push (self);
      g_mutex_lock (&self->mutex);
      self->closing = TRUE;
      self->drain = drain;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);
      g_thread_join (g_steal_pointer (&self->thread));
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return !self->failed;
}

/* The most bytes waiting at any one time. */
gsize
_gk_pdf_pipe_get_most_queued (GkPdfPipe *self)
{
  return self->most;
}

/* The CPU time of the pipe's thread, once closed. */
double
_gk_pdf_pipe_get_cpu_ms (GkPdfPipe *self)
{
  return self->cpu_ms;
}

void
_gk_pdf_pipe_free (GkPdfPipe *self)
{
  if (self->thread != NULL)
    _gk_pdf_pipe_close (self, FALSE, NULL);
  g_queue_clear_full (&self->queue, g_free);
  g_slist_free_full (self->spare, g_free);
  g_free (self->filling);
  g_clear_error (&self->error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}
