/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-atomic-writer.h"
#include "gk-document-io.h"
#include "gk-font-subset.h"
#include "gk-pdf-export.h"

static gboolean
add_characters (const char  *data,
                gsize        length,
                gpointer     set,
                GError     **error)
{
  gk_character_set_add (set, data, length);
  return TRUE;
}

/* The characters of the document's file, gathered as it is written
 * rather than from a copy of it. */
static GBytes *
document_characters (GkDocument *document)
{
  g_autoptr(GkCharacterSet) set = gk_character_set_new ();

  gk_document_write (document, add_characters, set, NULL);
  return gk_character_set_to_bytes (set);
}

/**
 * gk_pdf_writer_write_file:
 * @file: the PDF file to write or replace
 * @progress: (nullable): told the share done
 * @cancellable: (nullable): a cancel leaves @file as it was
 *
 * Returns: %TRUE when @file holds the whole PDF
 */
gboolean
gk_pdf_writer_write_file (GkPdfWriter     *self,
                          GFile           *file,
                          GkProgressFunc   progress,
                          gpointer         progress_data,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(GkAtomicWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) characters = NULL;

  g_return_val_if_fail (GK_IS_PDF_WRITER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The document's file holds every character it prints but the fixed
   * text: the fonts are cut to them. */
  if (gk_pdf_writer_get_characters (self) == NULL)
    {
      characters = document_characters (gk_pdf_writer_get_document (self));
      gk_pdf_writer_set_characters (self, characters);
    }

  writer = gk_atomic_writer_new (file, GK_ATOMIC_NONE, cancellable, &local_error);
  if (writer != NULL &&
      !gk_pdf_writer_write_to_stream (self, G_OUTPUT_STREAM (writer), progress, progress_data,
                                      cancellable, &local_error))
    gk_atomic_writer_abort (writer);
  else if (writer != NULL)
    gk_atomic_writer_commit (writer, cancellable, &local_error);
  if (characters != NULL)
    gk_pdf_writer_set_characters (self, NULL);

  if (local_error == NULL)
    return TRUE;
  if (local_error->domain == GK_PDF_ERROR || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (local_error->domain == GK_PDF_ERROR)
        g_prefix_error (&local_error, _("Cannot write the PDF “%s”: "), name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The atomic writer's message names the file and the reason already. */
  g_set_error_literal (error, GK_PDF_ERROR, GK_PDF_ERROR_WRITE, local_error->message);
  return FALSE;
}

gboolean
gk_pdf_writer_write (GkPdfWriter  *self,
                     const char   *path,
                     GError      **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  return gk_pdf_writer_write_file (self, file, NULL, NULL, NULL, error);
}

/**
 * gk_pdf_export:
 * @options: (nullable): charts and fonts; %NULL for the defaults
 *
 * Writes @document as the finished disclosure to @path.
 *
 * Returns: %TRUE on success
 */
gboolean
gk_pdf_export (GkDocument          *document,
               const char          *path,
               const GkPdfOptions  *options,
               GError             **error)
{
  g_autoptr(GkPdfWriter) writer = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  writer = gk_pdf_writer_new (document);
  if (options != NULL)
    {
      gk_pdf_writer_set_with_charts (writer, options->with_charts);
      gk_pdf_writer_set_body_font (writer, options->body_font);
      gk_pdf_writer_set_heading_font (writer, options->heading_font);
    }
  return gk_pdf_writer_write (writer, path, error);
}
