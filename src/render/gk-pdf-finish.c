/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <qpdf/qpdf-c.h>

#include "gk-pdf-finish.h"
#include "gk-pdf-rewrite-private.h"
#include "gk-pdf-writer.h"

/* Cairo writes the structure tree of the tagged headings, paragraphs and
 * tables, but with its elements side by side under the root (readers want
 * one Document element there; cairo 1.16 drops a tag that spans pages)
 * and without saying that the file is tagged, so readers would not use
 * the tree. */
static void
mark_tagged (qpdf_data qpdf)
{
  qpdf_oh catalog = qpdf_get_root (qpdf);
  qpdf_oh tree, kids, document, all;

  if (!qpdf_oh_has_key (qpdf, catalog, "/StructTreeRoot"))
    return;
  tree = qpdf_oh_get_key (qpdf, catalog, "/StructTreeRoot");
  kids = qpdf_oh_get_key (qpdf, tree, "/K");
  if (!qpdf_oh_is_dictionary (qpdf, tree))
    return;

  document = qpdf_make_indirect_object (qpdf, qpdf_oh_new_dictionary (qpdf));
  qpdf_oh_replace_key (qpdf, document, "/Type", qpdf_oh_new_name (qpdf, "/StructElem"));
  qpdf_oh_replace_key (qpdf, document, "/S", qpdf_oh_new_name (qpdf, "/Document"));
  qpdf_oh_replace_key (qpdf, document, "/P", tree);
  all = qpdf_oh_new_array (qpdf);
  if (qpdf_oh_is_array (qpdf, kids))
    {
      int n = qpdf_oh_get_array_n_items (qpdf, kids);

      for (int i = 0; i < n; i++)
        qpdf_oh_append_item (qpdf, all, qpdf_oh_get_array_item (qpdf, kids, i));
    }
  else if (qpdf_oh_is_dictionary (qpdf, kids))
    qpdf_oh_append_item (qpdf, all, kids);
  for (int i = 0; i < qpdf_oh_get_array_n_items (qpdf, all); i++)
    {
      qpdf_oh kid = qpdf_oh_get_array_item (qpdf, all, i);

      if (qpdf_oh_is_dictionary (qpdf, kid))
        qpdf_oh_replace_key (qpdf, kid, "/P", document);
    }
  qpdf_oh_replace_key (qpdf, document, "/K", all);
  qpdf_oh_replace_key (qpdf, tree, "/K", document);
  qpdf_oh_replace_key (qpdf, catalog, "/MarkInfo", qpdf_oh_parse (qpdf, "<< /Marked true >>"));
}

/* Hands the finished bytes to @write as they are made (and, through
 * libqpdf, while it still holds them): a copy of a file of 7 000 pages
 * would be made at the moment memory is fullest. */
static gboolean
finish (GBytes          *pdf,
        const char      *language,
        GkPdfWriteFunc   write,
        gpointer         user_data,
        GError         **error)
{
  qpdf_data qpdf;
  const char *data;
  gsize size;
  gboolean written = FALSE, ok = FALSE;

  data = g_bytes_get_data (pdf, &size);
  /* Cairo's own files, the usual case, in one pass; anything else
   * through libqpdf. */
  switch (_gk_pdf_rewrite ((const guchar *) data, size, language, write, user_data, error))
    {
    case GK_PDF_REWRITE_DONE:
      return TRUE;
    case GK_PDF_REWRITE_FAILED:
      return FALSE;
    default:
      break;
    }

  qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  qpdf_set_attempt_recovery (qpdf, QPDF_TRUE);
  if ((qpdf_read_memory (qpdf, "disclosure.pdf", data, size, NULL) & QPDF_ERRORS) == 0)
    {
      if (language != NULL)
        {
          qpdf_oh root = qpdf_get_root (qpdf);

          qpdf_oh_replace_key (qpdf, root, "/Lang", qpdf_oh_new_unicode_string (qpdf, language));
        }
      mark_tagged (qpdf);
      if ((qpdf_init_write_memory (qpdf) & QPDF_ERRORS) == 0)
        {
          qpdf_set_deterministic_ID (qpdf, QPDF_TRUE);
          qpdf_set_object_stream_mode (qpdf, qpdf_o_disable);
          qpdf_set_compress_streams (qpdf, QPDF_TRUE);
          qpdf_set_stream_data_mode (qpdf, qpdf_s_preserve);
          if ((qpdf_write (qpdf) & QPDF_ERRORS) == 0)
            {
              written = TRUE;
              ok = write (qpdf_get_buffer (qpdf), qpdf_get_buffer_length (qpdf), user_data, error);
            }
        }
    }
  if (!written)
    {
      const char *detail = "";

      if (qpdf_has_error (qpdf))
        detail = qpdf_get_error_full_text (qpdf, qpdf_get_error (qpdf));
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER,
                   _("The finished PDF could not be put in order: %s"), detail);
    }
  qpdf_cleanup (&qpdf);
  return ok;
}

/**
 * gk_pdf_finish:
 * @pdf: a PDF as cairo wrote it
 * @language: (nullable): the document's language, such as "zh-CN"
 *
 * Rewrites @pdf with a cross-reference table that matches its objects.
 * Cairo 1.16 numbers the objects of link annotations and of the tagged
 * structure after it has written their offsets, so readers that trust
 * the table (and checkers, and archives) see a damaged file. Cairo's own
 * files come out with their objects in compressed object streams and a
 * cross-reference stream; any other through libqpdf, plain. The same
 * input gives the same bytes: the file identifier is derived from the
 * content, not drawn at random.
 *
 * Returns: (transfer full): the repaired PDF, or %NULL with @error set
 */
GBytes *
gk_pdf_finish (GBytes      *pdf,
               const char  *language,
               GError     **error)
{
  g_autoptr(GByteArray) result = g_byte_array_new ();

  g_return_val_if_fail (pdf != NULL, NULL);

  if (!finish (pdf, language, _gk_pdf_write_to_byte_array, result, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&result));
}

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
} Output;

static gboolean
write_stream (const guchar  *data,
              gsize          size,
              gpointer       user_data,
              GError       **error)
{
  Output *output = user_data;

  return g_output_stream_write_all (output->stream, data, size, NULL, output->cancellable, error);
}

/**
 * gk_pdf_finish_to_stream:
 *
 * Like gk_pdf_finish(), writing the result into @stream.
 *
 * Returns: %TRUE if the finished PDF was all written
 */
gboolean
gk_pdf_finish_to_stream (GBytes         *pdf,
                         const char     *language,
                         GOutputStream  *stream,
                         GCancellable   *cancellable,
                         GError        **error)
{
  Output output = { stream, cancellable };

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return finish (pdf, language, write_stream, &output, error);
}
