/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-atomic-writer.h"
#include "gk-document-io.h"
#include "gk-document-private.h"

/* Saving writes the document straight into the temporary file beside the
 * target (gk-document-stream.c makes the bytes, a chunk at a time), so
 * that neither a tree of it nor its whole text is held in memory. */

/**
 * gk_document_serialize:
 *
 * The file's bytes in memory, for what needs a copy (a snapshot read in
 * another thread, the clipboard); files are written with
 * gk_document_write_to_stream() instead.
 *
 * Returns: (transfer full): the file as it would be saved, with a nul
 *   after its last byte (not counted in its size)
 */
GBytes *
gk_document_serialize (GkDocument *document)
{
  GByteArray *array;
  gsize length;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  array = g_byte_array_new ();
  /* Memory takes every byte. */
  gk_document_write (document, gk_json_sink_byte_array, array, NULL);
  /* Followed by a nul, as json-glib's text was, for readers of a string. */
  g_byte_array_append (array, (const guint8 *) "", 1);
  length = array->len - 1;
  return g_bytes_new_take (g_byte_array_free (array, FALSE), length);
}

/* The document in a temporary file beside @file, not yet renamed over it. */
static GkAtomicWriter *
write_aside (GkDocument    *document,
             GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GkAtomicWriter) writer = gk_atomic_writer_new (file, GK_ATOMIC_NONE, cancellable, error);

  if (writer == NULL)
    return NULL;
  if (!gk_document_write_to_stream (document, G_OUTPUT_STREAM (writer), cancellable, error))
    {
      gk_atomic_writer_abort (writer);
      return NULL;
    }
  return g_steal_pointer (&writer);
}

/* Through the atomic writer: a failed save (a full disk, a cancel) leaves
 * the old file as it was. The document is marked unmodified only when no
 * edit came between the writing and the end of the save. */
gboolean
gk_document_save (GkDocument    *document,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GkAtomicWriter) writer = NULL;
  guint64 serial;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!gk_document_check_writable (document, error))
    return FALSE;
  serial = gk_document_get_change_serial (document);
  writer = write_aside (document, file, cancellable, error);
  if (writer == NULL || !gk_atomic_writer_commit (writer, cancellable, error))
    return FALSE;
  gk_document_mark_saved_at (document, serial);
  return TRUE;
}

typedef struct
{
  GkAtomicWriter *writer;
  guint64         serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->writer);
  g_free (data);
}

/* Flushing to the disk and the rename, which can take long on a slow
 * disk, in the worker. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!gk_atomic_writer_commit (data->writer, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Back on the calling thread: the outer task, whose source is the
 * document, completes here, so no worker thread holds the document a
 * moment longer than the caller's callback. */
static void
save_written (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (outer, error);
  else
    g_task_return_boolean (outer, TRUE);
}

/* Writes the document into the temporary file on the calling thread (the
 * document is not thread-safe), then flushes and renames it in a worker
 * thread. */
void
gk_document_save_async (GkDocument          *document,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *outer;
  SaveData *data;
  GError *error = NULL;

  g_return_if_fail (GK_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (outer, gk_document_save_async);
  data = g_new0 (SaveData, 1);
  g_task_set_task_data (outer, data, (GDestroyNotify) save_data_free);
  data->serial = gk_document_get_change_serial (document);
  if (!gk_document_check_writable (document, &error) ||
      (data->writer = write_aside (document, file, cancellable, &error)) == NULL)
    {
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }

  task = g_task_new (NULL, cancellable, save_written, outer);
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, save_thread);
}

/* On success the document is unmodified, unless it was edited while the
 * file was written: then it stays modified, since the file holds the
 * document as it was when the save started. */
gboolean
gk_document_save_finish (GkDocument    *document,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  gk_document_mark_saved_at (document, data->serial);
  return TRUE;
}
