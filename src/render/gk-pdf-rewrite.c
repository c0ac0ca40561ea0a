/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gprintf.h>

#include "gk-pdf-pack-private.h"
#include "gk-pdf-rewrite-private.h"
#include "gk-pdf-syntax-private.h"
#include "gk-pdf-writer.h"

/* The PDF as cairo 1.16 writes it, put in order as cairo writes it rather
 * than through libqpdf, which builds an object for every number of every
 * structure element and took most of the time and memory of a long export
 * (6 s and 480 MB for 8 000 pages); and the file is never whole in memory.
 * Cairo's streams are copied as they come, with their length written in
 * them; its other objects go into compressed object streams as they come
 * (gk-pdf-pack.c). What else changes is small: one Document element
 * between the structure tree's root and its elements, the catalog's /Lang
 * and /MarkInfo, a cross-reference stream with the true offsets, and a
 * file identifier derived from the content. Only those few objects wait
 * for the end. Anything that does not look like cairo's output (an update
 * appended, object streams, a cross-reference stream) is refused:
 * _gk_pdf_rewrite() then writes nothing, and gk_pdf_finish() hands it to
 * libqpdf. */

/* Output ------------------------------------------------------------------ */

struct _GkPdfRewriter
{
  char           *language;     /* as a PDF string */
  GkPdfPack      *pack;
  GError         *error;        /* the first failure of reading */

  GByteArray     *pending;      /* read, not yet written */
  gsize           scanned;      /* of pending, searched for "endobj" */
  gboolean        header_done;
  gboolean        at_table;     /* all objects read: the table and trailer remain */
  GHashTable     *lengths;      /* length object → the stream's length + 1 */
  GHashTable     *held;         /* number → GBytes of an object written at the end */
  guint64         tree;         /* the structure tree's root */
};

static gboolean
failed (GkPdfRewriter *self)
{
  return self->error != NULL || _gk_pdf_pack_get_error (self->pack) != NULL;
}

static const GError *
get_error (GkPdfRewriter *self)
{
  return self->error != NULL ? self->error : _gk_pdf_pack_get_error (self->pack);
}

static gboolean
seen (GkPdfRewriter *self,
      guint64        number)
{
  return _gk_pdf_pack_has (self->pack, number) || g_hash_table_contains (self->held, GSIZE_TO_POINTER (number));
}

static gboolean
refuse (GkPdfRewriter *self)
{
  if (self->error == NULL)
    g_set_error_literal (&self->error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER, "not a PDF as cairo writes it");
  return FALSE;
}

/* The value of @object into an object stream. */
static void
pack_value (GkPdfRewriter     *self,
            const GkPdfText   *pdf,
            const GkPdfObject *object)
{
  _gk_pdf_pack_begin (self->pack, object->number);
  _gk_pdf_pack_append (self->pack, pdf->data + object->value_start, object->value_end - object->value_start);
  _gk_pdf_pack_end (self->pack);
}

/* Reading ----------------------------------------------------------------- */

/* The language as a PDF string, or NULL when it needs more than ASCII. */
static char *
language_string (const char *language)
{
  for (const char *c = language; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_')
      return NULL;
  return g_strdup_printf ("(%s)", language);
}

GkPdfRewriter *
_gk_pdf_rewriter_new (const char     *language,
                      GkPdfWriteFunc  write,
                      gpointer        user_data)
{
  GkPdfRewriter *self = g_new0 (GkPdfRewriter, 1);

  self->language = language != NULL ? language_string (language) : NULL;
  if (language != NULL && self->language == NULL)
    refuse (self);
  self->pack = _gk_pdf_pack_new (write, user_data);
  self->pending = g_byte_array_new ();
  self->lengths = g_hash_table_new (NULL, NULL);
  self->held = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);
  return self;
}

void
_gk_pdf_rewriter_free (GkPdfRewriter *self)
{
  g_free (self->language);
  _gk_pdf_pack_free (self->pack);
  g_byte_array_unref (self->pending);
  g_hash_table_unref (self->lengths);
  g_hash_table_unref (self->held);
  g_clear_error (&self->error);
  g_free (self);
}

/* Whether anything has gone to @write. */
gboolean
_gk_pdf_rewriter_wrote (GkPdfRewriter *self)
{
  return _gk_pdf_pack_wrote (self->pack);
}

static gboolean
is_stream (const GkPdfText   *pdf,
           const GkPdfObject *object)
{
  gsize p = _gk_pdf_skip_space (pdf, object->value_end, object->end);

  return object->end - p > 6 && memcmp (pdf->data + p, "stream", 6) == 0;
}

/* Cairo compresses every stream it writes unless CAIRO_DEBUG_PDF is set,
 * which the command line sets so that page contents come out of cairo
 * uncompressed and are compressed here. Such a stream's dictionary is
 * only its /Length, ending at @length_end. */
static gboolean
is_uncompressed (const GkPdfText   *pdf,
                 const GkPdfObject *object,
                 gsize              length_end)
{
  static const char rest[] = "\n>>\nstream\n";

  return object->data_start - length_end == strlen (rest) &&
         memcmp (pdf->data + length_end, rest, strlen (rest)) == 0;
}

/* Copies, packs or keeps the object just read. */
static gboolean
take_object (GkPdfRewriter *self,
             const GkPdfText     *pdf,
             const GkPdfObject  *object)
{
  const char *d = pdf->data;
  gpointer expected;
  gsize k, v, e;
  guint64 parent;

  if (object->number == 0 || seen (self, object->number))
    return refuse (self);

  /* Cairo ends a stream's data with an end of line and "endstream" and
   * writes its length in the object after it: the stream gets its length
   * now, and the length object's number comes free when it agrees. */
  if (object->length_ref != 0)
    {
      gsize length = object->data_end - 1 - object->data_start;

      if (seen (self, object->length_ref) || g_hash_table_contains (self->lengths, GSIZE_TO_POINTER (object->length_ref)) ||
          object->data_end == object->data_start || d[object->data_end - 1] != '\n' ||
          !_gk_pdf_find_key (pdf, object->value_start, object->value_end, "/Length", &k, &v, &e))
        return refuse (self);
      g_hash_table_insert (self->lengths, GSIZE_TO_POINTER (object->length_ref), GSIZE_TO_POINTER (length + 1));
      _gk_pdf_pack_direct (self->pack, object->number);
      _gk_pdf_pack_append (self->pack, d + object->start, v - object->start);
      if (is_uncompressed (pdf, object, e))
        {
          /* Compressed here as cairo would have: the same bytes, made on
           * the thread that writes the file rather than the one drawing. */
          g_autoptr(GBytes) data = _gk_pdf_pack_deflate_stream (self->pack, (const guint8 *) d + object->data_start, length);
          gsize size;
          gconstpointer bytes = g_bytes_get_data (data, &size);

          _gk_pdf_pack_printf (self->pack, "%" G_GSIZE_FORMAT "\n   /Filter /FlateDecode", size);
          _gk_pdf_pack_append (self->pack, d + e, object->data_start - e);
          _gk_pdf_pack_append (self->pack, bytes, size);
          _gk_pdf_pack_append (self->pack, d + object->data_end - 1, object->end - (object->data_end - 1));
        }
      else
        {
          _gk_pdf_pack_printf (self->pack, "%" G_GSIZE_FORMAT, length);
          _gk_pdf_pack_append (self->pack, d + e, object->end - e);
        }
      _gk_pdf_pack_append (self->pack, "\n", 1);
      return !failed (self);
    }
  if (g_hash_table_lookup_extended (self->lengths, GSIZE_TO_POINTER (object->number), NULL, &expected))
    {
      guint64 value;

      if (_gk_pdf_read_uint (pdf, object->value_start, object->value_end, &value) != object->value_end ||
          value != GPOINTER_TO_SIZE (expected) - 1)
        return refuse (self);
      g_hash_table_remove (self->lengths, GSIZE_TO_POINTER (object->number));
      _gk_pdf_pack_spare (self->pack, object->number);
      return TRUE;
    }

  /* The catalog, the structure tree's root and the elements whose parent
   * has not come yet (the root's, which cairo writes last) wait. */
  if (_gk_pdf_is_dictionary (pdf, object->value_start, object->value_end) &&
      (_gk_pdf_has_type (pdf, object, "/Catalog") || _gk_pdf_has_type (pdf, object, "/StructTreeRoot") ||
       (_gk_pdf_has_type (pdf, object, "/StructElem") && _gk_pdf_find_reference (pdf, object->value_start, object->value_end, "/P", &parent) &&
        !seen (self, parent))))
    {
      if (_gk_pdf_has_type (pdf, object, "/StructTreeRoot"))
        {
          if (self->tree != 0 || !_gk_pdf_find_key (pdf, object->value_start, object->value_end, "/K", &k, &v, &e))
            return refuse (self);
          self->tree = object->number;
        }
      g_hash_table_insert (self->held, GSIZE_TO_POINTER (object->number),
                           g_bytes_new (d + object->start, object->end - object->start));
      return TRUE;
    }

  if (is_stream (pdf, object))
    {
      _gk_pdf_pack_direct (self->pack, object->number);
      _gk_pdf_pack_append (self->pack, d + object->start, object->end - object->start);
      _gk_pdf_pack_append (self->pack, "\n", 1);
    }
  else
    pack_value (self, pdf, object);
  return !failed (self);
}

/* Reads what whole objects @pending holds. */
static gboolean
read_pending (GkPdfRewriter *self)
{
  GByteArray *pending = self->pending;
  gsize consumed = 0;

  if (!self->header_done)
    {
      /* The header line and its line of binary characters. */
      gsize p = 0;

      for (guint line = 0; line < 2; line++)
        {
          while (p < pending->len && pending->data[p] != '\n')
            p++;
          if (p++ >= pending->len)
            return pending->len < 1024 || refuse (self);
        }
      if (p < 9 || memcmp (pending->data, "%PDF-1.", 7) != 0 || !g_ascii_isdigit (pending->data[7]))
        return refuse (self);
      /* Object streams came with PDF 1.5. */
      _gk_pdf_pack_append (self->pack, pending->data[7] < '5' ? "%PDF-1.5" : (const char *) pending->data, 8);
      _gk_pdf_pack_append (self->pack, (const char *) pending->data + 8, p - 8);
      consumed = p;
      self->scanned = p;
      self->header_done = TRUE;
    }

  while (!self->at_table)
    {
      GkPdfText pdf = { (const char *) pending->data, pending->len };
      const char *end;
      gsize start = _gk_pdf_skip_space (&pdf, consumed, pending->len);
      GkPdfObject object;

      if (pending->len - start >= 4 && memcmp (pending->data + start, "xref", 4) == 0)
        {
          self->at_table = TRUE;
          consumed = start;
          break;
        }
      if (pending->len - start < 4)
        break;
      /* Whole when it reads as an object up to an "endobj": one inside a
       * stream's data leads only to looking further. */
      end = _gk_pdf_find_bytes (pdf.data + MAX (self->scanned, start), pending->len - MAX (self->scanned, start),
                        "endobj", 6);
      if (end == NULL)
        {
          self->scanned = pending->len > 6 ? pending->len - 5 : start;
          break;
        }
      pdf.size = end - pdf.data + 6;
      if (_gk_pdf_read_object (&pdf, start, &object) != pdf.size)
        {
          self->scanned = end - pdf.data + 1;
          continue;
        }
      if (!take_object (self, &pdf, &object))
        return FALSE;
      consumed = object.end;
      self->scanned = consumed;
    }

  if (consumed > 0)
    {
      g_byte_array_remove_range (pending, 0, consumed);
      self->scanned -= MIN (self->scanned, consumed);
    }
  return !failed (self);
}

/**
 * _gk_pdf_rewriter_feed:
 *
 * Takes the next bytes of cairo's file; whole objects go on to the
 * output as they come.
 *
 * Returns: %FALSE when the file is not as cairo writes it or a write
 *   failed: @error says which
 */
gboolean
_gk_pdf_rewriter_feed (GkPdfRewriter  *self,
                       const guchar   *data,
                       gsize           size,
                       GError        **error)
{
  if (!failed (self))
    {
      g_byte_array_append (self->pending, data, size);
      /* The table and the trailer wait for the end. */
      if (!self->at_table || !self->header_done)
        read_pending (self);
    }
  if (failed (self))
    {
      g_propagate_error (error, g_error_copy (get_error (self)));
      return FALSE;
    }
  return TRUE;
}

/* Writing the end --------------------------------------------------------- */

/* The catalog's entries but /Lang and /MarkInfo, then those two. */
static void
pack_catalog (GkPdfRewriter     *self,
              const GkPdfText   *pdf,
              const GkPdfObject *catalog)
{
  gsize p = catalog->value_start + 2, end = catalog->value_end;

  _gk_pdf_pack_begin (self->pack, catalog->number);
  _gk_pdf_pack_append (self->pack, "<<", 2);
  for (;;)
    {
      gsize k, v;

      p = _gk_pdf_skip_space (pdf, p, end);
      if (pdf->data[p] != '/')
        break;
      k = p;
      v = _gk_pdf_skip_value (pdf, k, end, 1);
      p = _gk_pdf_skip_value (pdf, _gk_pdf_skip_space (pdf, v, end), end, 1);
      if ((v - k == 5 && memcmp (pdf->data + k, "/Lang", 5) == 0) ||
          (self->tree != 0 && v - k == 9 && memcmp (pdf->data + k, "/MarkInfo", 9) == 0))
        continue;
      _gk_pdf_pack_append (self->pack, "\n   ", 4);
      _gk_pdf_pack_append (self->pack, pdf->data + k, p - k);
    }
  if (self->language != NULL)
    _gk_pdf_pack_printf (self->pack, "\n   /Lang %s", self->language);
  if (self->tree != 0)
    _gk_pdf_pack_printf (self->pack, "\n   /MarkInfo << /Marked true >>");
  _gk_pdf_pack_append (self->pack, "\n>>", 3);
  _gk_pdf_pack_end (self->pack);
}

/* @object with the value at [@from, @to) of its dictionary replaced. */
static void
pack_replacing (GkPdfRewriter     *self,
                const GkPdfText   *pdf,
                const GkPdfObject *object,
                gsize              from,
                gsize              to,
                const char        *replacement)
{
  _gk_pdf_pack_begin (self->pack, object->number);
  _gk_pdf_pack_append (self->pack, pdf->data + object->value_start, from - object->value_start);
  _gk_pdf_pack_append (self->pack, replacement, strlen (replacement));
  _gk_pdf_pack_append (self->pack, pdf->data + to, object->value_end - to);
  _gk_pdf_pack_end (self->pack);
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * _gk_pdf_rewriter_finish:
 *
 * Writes the objects that waited, the Document element, the table and
 * the trailer.
 *
 * Returns: %FALSE with @error set when the file was not whole or not as
 *   cairo writes it, or a write failed
 */
gboolean
_gk_pdf_rewriter_finish (GkPdfRewriter  *self,
                         GError        **error)
{
  GkPdfText pdf = { (const char *) self->pending->data, self->pending->len };
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autofree char *document_ref = NULL;
  g_autoptr(GBytes) tree_bytes = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint64 root, info = 0, size, document = 0, xref;
  gsize p, t, t_end, k, v, e;
  const char *trailer;

  if (failed (self) || !self->at_table || g_hash_table_size (self->lengths) > 0)
    goto refused;

  /* One table, one trailer, nothing appended after the end. */
  trailer = _gk_pdf_find_bytes (pdf.data, pdf.size, "trailer", 7);
  if (trailer == NULL)
    goto refused;
  t = _gk_pdf_skip_space (&pdf, trailer - pdf.data + 7, pdf.size);
  t_end = _gk_pdf_skip_value (&pdf, t, pdf.size, 0);
  if (t_end == 0 || !_gk_pdf_is_dictionary (&pdf, t, t_end) ||
      !_gk_pdf_find_reference (&pdf, t, t_end, "/Root", &root) ||
      _gk_pdf_find_key (&pdf, t, t_end, "/Prev", &k, &v, &e) ||
      _gk_pdf_find_key (&pdf, t, t_end, "/Encrypt", &k, &v, &e) ||
      _gk_pdf_find_key (&pdf, t, t_end, "/XRefStm", &k, &v, &e) ||
      !_gk_pdf_find_key (&pdf, t, t_end, "/Size", &k, &v, &e) || _gk_pdf_read_uint (&pdf, v, e, &size) != e)
    goto refused;
  if (_gk_pdf_find_key (&pdf, t, t_end, "/Info", &k, &v, &e) && !_gk_pdf_find_reference (&pdf, t, t_end, "/Info", &info))
    goto refused;
  if (info != 0 && !seen (self, info))
    goto refused;
  p = _gk_pdf_skip_space (&pdf, t_end, pdf.size);
  if (pdf.size - p < 9 || memcmp (pdf.data + p, "startxref", 9) != 0)
    goto refused;
  p = _gk_pdf_read_uint (&pdf, _gk_pdf_skip_space (&pdf, p + 9, pdf.size), pdf.size, &xref);
  if (p == 0 || _gk_pdf_skip_space (&pdf, p, pdf.size) != pdf.size)
    goto refused;   /* an update after %%EOF */
  if (!g_hash_table_contains (self->held, GSIZE_TO_POINTER (root)))
    goto refused;

  document = MAX (size, _gk_pdf_pack_next_number (self->pack));
  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 number = GPOINTER_TO_SIZE (key);

      g_array_append_val (numbers, number);
      document = MAX (document, number + 1);
    }
  g_array_sort (numbers, compare_numbers);
  document_ref = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 R", document);

  /* What waited, in the order of its numbers. */
  for (guint i = 0; i < numbers->len && !failed (self); i++)
    {
      guint64 number = g_array_index (numbers, guint64, i);
      GBytes *bytes = g_hash_table_lookup (self->held, GSIZE_TO_POINTER (number));
      GkPdfText one = { g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) };
      GkPdfObject object;
      guint64 parent = 0;

      _gk_pdf_read_object (&one, 0, &object);
      if (number == root)
        {
          if (!_gk_pdf_has_type (&one, &object, "/Catalog"))
            goto refused;
          pack_catalog (self, &one, &object);
        }
      else if (number == self->tree)
        {
          _gk_pdf_find_key (&one, object.value_start, object.value_end, "/K", &k, &v, &e);
          pack_replacing (self, &one, &object, v, e, document_ref);
          tree_bytes = g_bytes_ref (bytes);
        }
      else if (_gk_pdf_find_key (&one, object.value_start, object.value_end, "/P", &k, &v, &e) &&
               _gk_pdf_read_reference (&one, v, e, &parent) == e && parent == self->tree && parent != 0)
        pack_replacing (self, &one, &object, v, e, document_ref);
      else if (seen (self, parent))
        pack_value (self, &one, &object);
      else
        goto refused;   /* an element whose parent never came */
    }

  /* The Document element holds what the root held. */
  if (self->tree != 0)
    {
      GkPdfText one = { g_bytes_get_data (tree_bytes, NULL), g_bytes_get_size (tree_bytes) };
      GkPdfObject object;
      gboolean array;

      _gk_pdf_read_object (&one, 0, &object);
      _gk_pdf_find_key (&one, object.value_start, object.value_end, "/K", &k, &v, &e);
      array = one.data[v] == '[';
      _gk_pdf_pack_begin (self->pack, document);
      _gk_pdf_pack_printf (self->pack, "<< /Type /StructElem\n   /S /Document\n   /P %" G_GUINT64_FORMAT
                           " 0 R\n   /K %s", self->tree, array ? "" : "[ ");
      _gk_pdf_pack_append (self->pack, one.data + v, e - v);
      _gk_pdf_pack_printf (self->pack, "%s\n>>", array ? "" : " ]");
      _gk_pdf_pack_end (self->pack);
    }

  if (!_gk_pdf_pack_finish (self->pack, self->tree != 0 ? document + 1 : document, root, info))
    {
      g_propagate_error (error, g_error_copy (get_error (self)));
      return FALSE;
    }
  return TRUE;

refused:
  refuse (self);
  g_propagate_error (error, g_error_copy (get_error (self)));
  return FALSE;
}

gboolean
_gk_pdf_write_to_byte_array (const guchar  *data,
                             gsize          size,
                             gpointer       user_data,
                             GError       **error)
{
  g_byte_array_append (user_data, data, size);
  return TRUE;
}

/**
 * _gk_pdf_rewrite:
 *
 * The whole of a file at once: nothing goes to @write unless all of it
 * was read.
 */
int
_gk_pdf_rewrite (const guchar    *data,
                 gsize            size,
                 const char      *language,
                 GkPdfWriteFunc   write,
                 gpointer         user_data,
                 GError         **error)
{
  g_autoptr(GByteArray) result = g_byte_array_new ();
  GkPdfRewriter *rewriter = _gk_pdf_rewriter_new (language, _gk_pdf_write_to_byte_array, result);
  gboolean ok;

  ok = _gk_pdf_rewriter_feed (rewriter, data, size, NULL) && _gk_pdf_rewriter_finish (rewriter, NULL);
  _gk_pdf_rewriter_free (rewriter);
  if (!ok)
    return GK_PDF_REWRITE_UNSUPPORTED;
  for (gsize at = 0; at < result->len; at += 1024 * 1024)
    if (!write (result->data + at, MIN (1024 * 1024, result->len - at), user_data, error))
      return GK_PDF_REWRITE_FAILED;
  return GK_PDF_REWRITE_DONE;
}
