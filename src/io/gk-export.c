/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-chart-export.h"
#include "gk-csv-writer.h"
#include "gk-document-io.h"
#include "gk-export.h"
#include "gk-pdf-export.h"
#include "gk-pdf-import.h"
#include "gk-xlsx-reader.h"
#include "gk-xlsx-writer.h"

/* GkDocument is not thread-safe and the officer goes on editing while a
 * long disclosure is typeset: the asynchronous export serializes the
 * document on the calling thread and the worker exports a copy loaded
 * from those bytes. Progress is handed back to the calling thread's main
 * context, never after the result. */

gboolean
gk_export_is_folder (GkExportFormat format)
{
  return format == GK_EXPORT_CSV || format == GK_EXPORT_CHARTS;
}

/**
 * gk_export_file:
 * @target: the file, or for %GK_EXPORT_CSV and %GK_EXPORT_CHARTS the
 *   folder (made when missing)
 * @progress: (nullable): told the share done, on this thread
 * @cancellable: (nullable): stops the export; the file being written is
 *   left as it was
 *
 * Exports @document now, on this thread.
 *
 * Returns: %TRUE when everything was written
 */
gboolean
gk_export_file (GkDocument      *document,
                GkExportFormat   format,
                GFile           *target,
                GkProgressFunc   progress,
                gpointer         progress_data,
                GCancellable    *cancellable,
                GError         **error)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  switch (format)
    {
    case GK_EXPORT_PDF:
    case GK_EXPORT_PDF_WITH_CHARTS:
      {
        g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);

        gk_pdf_writer_set_with_charts (writer, format == GK_EXPORT_PDF_WITH_CHARTS);
        return gk_pdf_writer_write_file (writer, target, progress, progress_data, cancellable, error);
      }
    case GK_EXPORT_XLSX:
      return gk_xlsx_export_file (document, target, progress, progress_data, cancellable, error);
    case GK_EXPORT_CSV:
      return gk_csv_export_document (document, target, progress, progress_data, cancellable, error);
    case GK_EXPORT_CHARTS:
      return gk_charts_export_full (document, target, progress, progress_data, cancellable, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Progress across threads ---------------------------------------------------- */

typedef struct
{
  gatomicrefcount  ref_count;
  GMainContext    *context;
  GkProgressFunc   func;
  gpointer         data;
  gboolean         finished;   /* main context only */
} Progress;

static Progress *
progress_new (GkProgressFunc func,
              gpointer       data)
{
  Progress *progress = g_new0 (Progress, 1);

  g_atomic_ref_count_init (&progress->ref_count);
  progress->context = g_main_context_ref_thread_default ();
  progress->func = func;
  progress->data = data;
  return progress;
}

static void
progress_unref (Progress *progress)
{
  if (g_atomic_ref_count_dec (&progress->ref_count))
    {
      g_main_context_unref (progress->context);
      g_free (progress);
    }
}

typedef struct
{
  Progress *progress;
  double    fraction;
} ProgressReport;

static void
progress_report_free (ProgressReport *report)
{
  progress_unref (report->progress);
  g_free (report);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressReport *report = user_data;

  if (!report->progress->finished)
    report->progress->func (report->fraction, report->progress->data);
  return G_SOURCE_REMOVE;
}

/* Called on the worker thread. */
static void
forward_progress (double   fraction,
                  gpointer user_data)
{
  Progress *progress = user_data;
  ProgressReport *report = g_new0 (ProgressReport, 1);
  GSource *source = g_idle_source_new ();

  /* Not g_main_context_invoke(): it runs the function right here when no
   * thread holds the context at that moment. */
  g_atomic_ref_count_inc (&progress->ref_count);
  report->progress = progress;
  report->fraction = fraction;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress, report, (GDestroyNotify) progress_report_free);
  g_source_set_static_name (source, "[gongkai] export progress");
  g_source_attach (source, progress->context);
  g_source_unref (source);
}

/* Exporting in a worker thread ----------------------------------------------- */

typedef struct
{
  GBytes              *snapshot;
  GkExportFormat       format;
  GFile               *target;
  Progress            *progress;   /* or NULL */
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_bytes_unref (data->snapshot);
  g_object_unref (data->target);
  if (data->progress != NULL)
    progress_unref (data->progress);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GkDocument) copy = NULL;
  GError *error = NULL;
  gsize length;
  const char *bytes = g_bytes_get_data (data->snapshot, &length);

  copy = gk_document_load_from_data (bytes, length, &error);
  if (copy == NULL ||
      !gk_export_file (copy, data->format, data->target,
                       data->progress != NULL ? forward_progress : NULL, data->progress,
                       cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* No progress report reaches the caller after its callback. */
static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportData *data = g_task_get_task_data (G_TASK (result));

  if (data->progress != NULL)
    data->progress->finished = TRUE;
  if (data->callback != NULL)
    data->callback (source, result, data->user_data);
}

/**
 * gk_export_async:
 * @progress: (nullable): told the share done, on the calling thread's
 *   main context, until @callback runs
 *
 * Exports a snapshot of @document, as it is when this is called, in a
 * worker thread. Finish with gk_export_finish().
 */
void
gk_export_async (GkDocument          *document,
                 GkExportFormat       format,
                 GFile               *target,
                 GkProgressFunc       progress,
                 gpointer             progress_data,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (GK_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (target));

  data = g_new0 (ExportData, 1);
  data->snapshot = gk_document_serialize (document);
  data->format = format;
  data->target = g_object_ref (target);
  data->progress = progress != NULL ? progress_new (progress, progress_data) : NULL;
  data->callback = callback;
  data->user_data = user_data;

  task = g_task_new (NULL, cancellable, export_done, NULL);
  g_task_set_source_tag (task, gk_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
gk_export_finish (GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Importing ------------------------------------------------------------------ */

/**
 * gk_import_xlsx_file:
 * @report: (nullable): receives what was read and what was not
 *
 * Reads an Excel workbook, or a published PDF when its name ends in .pdf,
 * as a new, unsaved document, on this thread.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GkDocument *
gk_import_xlsx_file (GFile         *file,
                     GString       *report,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GkDocument) document = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only files on this computer can be imported"));
      return NULL;
    }
  /* A published PDF goes through the same recognition of tables. */
  if (gk_pdf_import_is_pdf_name (path))
    document = gk_pdf_import (path, NULL, report, error);
  else
    document = gk_xlsx_import (path, report, error);
  if (document == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&document);
}

typedef struct
{
  GFile               *file;
  GString             *report;
  Progress            *progress;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->file);
  g_string_free (data->report, TRUE);
  if (data->progress != NULL)
    progress_unref (data->progress);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  GkDocument *document;

  document = gk_import_xlsx_file (data->file, data->report, cancellable, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->progress != NULL)
    forward_progress (1.0, data->progress);
  g_task_return_pointer (task, document, g_object_unref);
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportData *data = g_task_get_task_data (G_TASK (result));

  if (data->progress != NULL)
    data->progress->finished = TRUE;
  if (data->callback != NULL)
    data->callback (source, result, data->user_data);
}

/**
 * gk_import_xlsx_async:
 * @progress: (nullable): told the share done, on the calling thread's
 *   main context
 *
 * Reads @file in a worker thread. Finish with gk_import_xlsx_finish().
 */
void
gk_import_xlsx_async (GFile               *file,
                      GkProgressFunc       progress,
                      gpointer             progress_data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->report = g_string_new (NULL);
  data->progress = progress != NULL ? progress_new (progress, progress_data) : NULL;
  data->callback = callback;
  data->user_data = user_data;

  task = g_task_new (NULL, cancellable, import_done, NULL);
  g_task_set_source_tag (task, gk_import_xlsx_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * gk_import_xlsx_finish:
 * @report: (out) (optional): what was read and what was not
 *
 * Returns: (transfer full): the new document, or %NULL with @error set
 */
GkDocument *
gk_import_xlsx_finish (GAsyncResult  *result,
                       char         **report,
                       GError       **error)
{
  ImportData *data;
  GkDocument *document;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gk_import_xlsx_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  document = g_task_propagate_pointer (G_TASK (result), error);
  if (report != NULL)
    *report = document != NULL ? g_strdup (data->report->str) : NULL;
  return document;
}
