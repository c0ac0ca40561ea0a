/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gprintf.h>

#include "gk-pdf-pack-private.h"
#include "gk-pdf-writer.h"

/* Cairo 1.16 writes every object plain: the tags of a disclosure, a
 * dictionary of some 90 bytes for each heading, paragraph and table cell,
 * made a quarter of the file, and its table of offsets another tenth.
 * PDF 1.5 lets objects other than streams travel together in a compressed
 * object stream, and the table be a compressed stream too.
 *
 * Every object stream needs an object number that no object of cairo's
 * has, while cairo is still numbering: it takes the number of one of
 * cairo's stream length objects, which the rewrite drops after writing the
 * length into its stream (a page brings at least one). When none is free,
 * the object stream waits compressed, to be numbered after cairo's last
 * object at the end. */

#define PER_STREAM 200           /* objects in an object stream */
#define STREAM_BYTES (48 * 1024) /* or fewer, as many bytes */

/* zlib's usual level makes the objects of a disclosure of a few hundred
 * pages a tenth smaller than its fastest, at five times the time: past
 * that much, the fastest, so that the longest exports do not wait on it
 * (a quarter of a second for 5 000 projects). */
#define BEST_BYTES (4 * 1024 * 1024)

/* An entry of the table: 0 for none yet, else an offset in the file, or
 * PACKED with the object stream's sequence and the index in it, or SPARE. */
#define PACKED (G_GUINT64_CONSTANT (1) << 63)
#define SPARE G_MAXUINT64

typedef struct
{
  guint64  sequence;
  GBytes  *data;      /* "<< … >>\nstream\n…\nendstream" */
} Waiting;

struct _GkPdfPack
{
  GkPdfWriteFunc   write;
  gpointer         user_data;
  GChecksum       *checksum;
  GString         *buffer;      /* written, not yet handed over */
  guint64          offset;
  GError          *error;       /* the first failure */
  gboolean         wrote;

  GArray          *entries;     /* guint64 by object number */
  GZlibCompressor *best;
  GZlibCompressor *fast;
  GZlibCompressor *usual;       /* zlib's default level, as cairo compresses */
  guint64          deflated;    /* bytes compressed so far */
  gboolean         packing;     /* output goes to packed */
  GString         *packed;      /* the values of the object stream being filled */
  GArray          *index;       /* its (number, offset) pairs, guint64 */
  GArray          *numbers;     /* the object streams' numbers by sequence; 0 until known */
  GArray          *spares;      /* numbers that came free, guint64 */
  guint            next_spare;
  GArray          *waiting;     /* Waiting */
};

static void
waiting_clear (gpointer data)
{
  g_bytes_unref (((Waiting *) data)->data);
}

GkPdfPack *
_gk_pdf_pack_new (GkPdfWriteFunc write,
                  gpointer       user_data)
{
  GkPdfPack *self = g_new0 (GkPdfPack, 1);

  self->write = write;
  self->user_data = user_data;
  self->checksum = g_checksum_new (G_CHECKSUM_MD5);
  self->buffer = g_string_sized_new (64 * 1024 + 4096);
  self->entries = g_array_new (FALSE, TRUE, sizeof (guint64));
  self->best = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  self->fast = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1);
  self->usual = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, -1);
  self->packed = g_string_sized_new (STREAM_BYTES + 4096);
  self->index = g_array_sized_new (FALSE, FALSE, sizeof (guint64), 2 * PER_STREAM);
  self->numbers = g_array_new (FALSE, TRUE, sizeof (guint64));
  self->spares = g_array_new (FALSE, FALSE, sizeof (guint64));
  self->waiting = g_array_new (FALSE, FALSE, sizeof (Waiting));
  g_array_set_clear_func (self->waiting, waiting_clear);
  return self;
}

void
_gk_pdf_pack_free (GkPdfPack *self)
{
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_string_free (self->buffer, TRUE);
  g_array_unref (self->entries);
  g_object_unref (self->best);
  g_object_unref (self->fast);
  g_object_unref (self->usual);
  g_string_free (self->packed, TRUE);
  g_array_unref (self->index);
  g_array_unref (self->numbers);
  g_array_unref (self->spares);
  g_array_unref (self->waiting);
  g_clear_error (&self->error);
  g_free (self);
}

const GError *
_gk_pdf_pack_get_error (GkPdfPack *self)
{
  return self->error;
}

/* Whether anything has gone to the write function. */
gboolean
_gk_pdf_pack_wrote (GkPdfPack *self)
{
  return self->wrote;
}

/* Whether object @number was written, packed, or came free. */
gboolean
_gk_pdf_pack_has (GkPdfPack *self,
                  guint64    number)
{
  return number < self->entries->len && g_array_index (self->entries, guint64, number) != 0;
}

/* A number above every one written, packed or come free. */
guint64
_gk_pdf_pack_next_number (GkPdfPack *self)
{
  return MAX (self->entries->len, 1);
}

static void
set_entry (GkPdfPack *self,
           guint64    number,
           guint64    entry)
{
  if (number >= self->entries->len)
    g_array_set_size (self->entries, number + 1);
  g_array_index (self->entries, guint64, number) = entry;
}

/* Output ------------------------------------------------------------------ */

static void
flush (GkPdfPack *self)
{
  if (self->buffer->len == 0 || self->error != NULL)
    return;
  if (!self->write ((const guchar *) self->buffer->str, self->buffer->len, self->user_data, &self->error) &&
      self->error == NULL)
    g_set_error_literal (&self->error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER, "write");
  g_string_truncate (self->buffer, 0);
}

static void
emit (GkPdfPack  *self,
      const char *data,
      gsize       length)
{
  if (self->error != NULL)
    return;
  if (self->checksum != NULL)
    g_checksum_update (self->checksum, (const guchar *) data, length);
  self->offset += length;
  self->wrote = TRUE;
  if (length >= 64 * 1024)
    {
      /* A stream goes as it is, not through the buffer. */
      flush (self);
      if (self->error == NULL &&
          !self->write ((const guchar *) data, length, self->user_data, &self->error) && self->error == NULL)
        g_set_error_literal (&self->error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER, "write");
      return;
    }
  g_string_append_len (self->buffer, data, length);
  if (self->buffer->len >= 64 * 1024)
    flush (self);
}

G_GNUC_PRINTF (2, 3)
static void
emit_printf (GkPdfPack  *self,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;
  int length;

  va_start (args, format);
  length = g_vasprintf (&text, format, args);
  va_end (args);
  emit (self, text, length);
}

void
_gk_pdf_pack_append (GkPdfPack  *self,
                     const char *data,
                     gsize       length)
{
  if (self->packing)
    g_string_append_len (self->packed, data, length);
  else
    emit (self, data, length);
}

void
_gk_pdf_pack_printf (GkPdfPack  *self,
                     const char *format,
                     ...)
{
  g_autofree char *text = NULL;
  va_list args;
  int length;

  va_start (args, format);
  length = g_vasprintf (&text, format, args);
  va_end (args);
  _gk_pdf_pack_append (self, text, length);
}

/* zlib's format, as FlateDecode reads it; the same bytes every time. */
static GBytes *
deflate_with (GkPdfPack    *self,
              GConverter   *compressor,
              const guint8 *data,
              gsize         size)
{
  GByteArray *out = g_byte_array_sized_new (size / 2 + 64);
  gsize read = 0, at = 0;

  g_converter_reset (compressor);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      GConverterResult result;
      gsize r = 0, w = 0;

      if (out->len - at < 4096 + (size - read) / 2)
        g_byte_array_set_size (out, at + 4096 + (size - read) / 2 + out->len / 2);
      result = g_converter_convert (compressor, data + read, size - read,
                                    out->data + at, out->len - at, G_CONVERTER_INPUT_AT_END, &r, &w, &error);
      read += r;
      at += w;
      if (result == G_CONVERTER_FINISHED)
        break;
      /* Out of room for the output: more next time round. */
      if (result == G_CONVERTER_ERROR && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          if (self->error == NULL)
            g_set_error (&self->error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER, "zlib: %s", error->message);
          at = 0;
          break;
        }
    }
  g_byte_array_set_size (out, at);
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
deflate (GkPdfPack    *self,
         const guint8 *data,
         gsize         size)
{
  GConverter *compressor = G_CONVERTER (self->deflated < BEST_BYTES ? self->best : self->fast);

  self->deflated += size;
  return deflate_with (self, compressor, data, size);
}

/**
 * _gk_pdf_pack_deflate_stream:
 *
 * Compresses a stream's data as cairo does its own (zlib's default
 * level), so that a stream cairo left uncompressed comes out as the same
 * bytes it would have written.
 *
 * Returns: the compressed data; empty when zlib failed, and the pack
 *   then has its error
 */
GBytes *
_gk_pdf_pack_deflate_stream (GkPdfPack    *self,
                             const guint8 *data,
                             gsize         size)
{
  return deflate_with (self, G_CONVERTER (self->usual), data, size);
}

/* Object streams ------------------------------------------------------------ */

static void
write_stream (GkPdfPack *self,
              guint64    number,
              GBytes    *data)
{
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);

  set_entry (self, number, self->offset);
  emit_printf (self, "%" G_GUINT64_FORMAT " 0 obj\n", number);
  emit (self, bytes, size);
  emit (self, "\nendobj\n", 8);
}

/* Compresses the object stream being filled and writes it, or keeps it
 * for the end when no number is free. */
static void
close_stream (GkPdfPack *self)
{
  g_autoptr(GString) head = NULL;
  g_autoptr(GString) whole = NULL;
  g_autoptr(GBytes) compressed = NULL;
  guint64 sequence = self->numbers->len, number = 0;
  guint n = self->index->len / 2;
  gsize size;

  if (n == 0)
    return;
  head = g_string_sized_new (n * 12);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (head, "%s%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, i > 0 ? " " : "",
                            g_array_index (self->index, guint64, 2 * i),
                            g_array_index (self->index, guint64, 2 * i + 1));
  g_string_append_c (head, '\n');
  g_string_prepend_len (self->packed, head->str, head->len);
  compressed = deflate (self, (const guint8 *) self->packed->str, self->packed->len);
  g_bytes_get_data (compressed, &size);

  whole = g_string_sized_new (size + 128);
  g_string_printf (whole, "<< /Type /ObjStm\n   /N %u\n   /First %" G_GSIZE_FORMAT
                   "\n   /Filter /FlateDecode\n   /Length %" G_GSIZE_FORMAT "\n>>\nstream\n", n, head->len, size);
  g_string_append_len (whole, g_bytes_get_data (compressed, NULL), size);
  g_string_append (whole, "\nendstream");

  if (self->next_spare < self->spares->len)
    number = g_array_index (self->spares, guint64, self->next_spare++);
  g_array_append_val (self->numbers, number);
  if (number != 0)
    {
      g_autoptr(GBytes) bytes = g_string_free_to_bytes (g_steal_pointer (&whole));

      write_stream (self, number, bytes);
    }
  else
    {
      Waiting waiting = { sequence, g_string_free_to_bytes (g_steal_pointer (&whole)) };

      g_array_append_val (self->waiting, waiting);
    }
  g_string_truncate (self->packed, 0);
  g_array_set_size (self->index, 0);
}

void
_gk_pdf_pack_direct (GkPdfPack *self,
                     guint64    number)
{
  g_assert (!self->packing);
  set_entry (self, number, self->offset);
}

void
_gk_pdf_pack_begin (GkPdfPack *self,
                    guint64    number)
{
  guint64 offset = self->packed->len;

  g_assert (!self->packing);
  set_entry (self, number, PACKED | (guint64) self->numbers->len << 16 | self->index->len / 2);
  g_array_append_val (self->index, number);
  g_array_append_val (self->index, offset);
  self->packing = TRUE;
}

void
_gk_pdf_pack_end (GkPdfPack *self)
{
  g_assert (self->packing);
  g_string_append_c (self->packed, '\n');
  self->packing = FALSE;
  if (self->index->len / 2 >= PER_STREAM || self->packed->len >= STREAM_BYTES)
    close_stream (self);
}

void
_gk_pdf_pack_spare (GkPdfPack *self,
                    guint64    number)
{
  set_entry (self, number, SPARE);
  g_array_append_val (self->spares, number);
}

/* The end --------------------------------------------------------------- */

static guint
width_of (guint64 value)
{
  guint width = 1;

  while (value >>= 8)
    width++;
  return width;
}

/* The table as a stream of rows (type, offset or object stream, index or
 * generation), each row told as the difference from the one above (PNG's
 * "up" predictor): offsets that grow slowly compress to next to nothing. */
static GBytes *
xref_rows (GkPdfPack *self,
           guint64    size,
           guint      width)
{
  guint columns = 1 + width + 2;
  g_autofree guint8 *rows = g_malloc0 ((columns + 1) * size);
  g_autofree guint8 *previous = g_malloc0 (columns);
  g_autofree guint8 *row = g_malloc (columns);
  guint64 next_free = 0;

  for (guint64 i = size; i-- > 0;)
    {
      guint64 entry = i < self->entries->len ? g_array_index (self->entries, guint64, i) : 0;
      guint64 field2, field3;
      guint8 *r = rows + (columns + 1) * i;

      if (entry == 0 || entry == SPARE)
        {
          r[1] = 0;
          field2 = next_free;
          field3 = i == 0 ? 65535 : 1;
          next_free = i;
        }
      else if (entry & PACKED)
        {
          r[1] = 2;
          field2 = g_array_index (self->numbers, guint64, (entry & ~PACKED) >> 16);
          field3 = entry & 0xffff;
        }
      else
        {
          r[1] = 1;
          field2 = entry;
          field3 = 0;
        }
      for (guint b = 0; b < width; b++)
        r[2 + b] = field2 >> (8 * (width - 1 - b));
      r[2 + width] = field3 >> 8;
      r[3 + width] = field3;
    }
  for (guint64 i = 0; i < size; i++)
    {
      guint8 *r = rows + (columns + 1) * i;

      memcpy (row, r + 1, columns);
      r[0] = 2;
      for (guint b = 0; b < columns; b++)
        r[1 + b] = row[b] - previous[b];
      memcpy (previous, row, columns);
    }
  return deflate (self, rows, (columns + 1) * size);
}

/**
 * _gk_pdf_pack_finish:
 * @next_number: a number above all that objects have
 *
 * Writes the last object stream, those that waited for a number, and the
 * cross-reference stream.
 */
gboolean
_gk_pdf_pack_finish (GkPdfPack *self,
                     guint64    next_number,
                     guint64    root,
                     guint64    info)
{
  g_autoptr(GBytes) rows = NULL;
  g_autofree char *id = NULL;
  guint64 xref, size, largest;
  guint width;
  gsize length;

  g_assert (!self->packing);
  close_stream (self);
  next_number = MAX (next_number, self->entries->len);
  for (guint i = 0; i < self->waiting->len; i++)
    {
      Waiting *waiting = &g_array_index (self->waiting, Waiting, i);

      g_array_index (self->numbers, guint64, waiting->sequence) = next_number;
      write_stream (self, next_number++, waiting->data);
    }
  g_array_set_size (self->waiting, 0);

  xref = next_number;
  size = xref + 1;
  set_entry (self, xref, self->offset);
  largest = MAX (self->offset, size);
  width = width_of (largest);
  rows = xref_rows (self, size, width);

  /* The identifier is that of the content before it. */
  id = g_strdup (g_checksum_get_string (self->checksum));
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_bytes_get_data (rows, &length);
  emit_printf (self, "%" G_GUINT64_FORMAT " 0 obj\n<< /Type /XRef\n   /Size %" G_GUINT64_FORMAT
               "\n   /Index [0 %" G_GUINT64_FORMAT "]\n   /W [1 %u 2]\n   /Root %" G_GUINT64_FORMAT " 0 R\n",
               xref, size, size, width, root);
  if (info != 0)
    emit_printf (self, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
  emit_printf (self, "   /ID [<%s> <%s>]\n   /Filter /FlateDecode\n   /DecodeParms << /Columns %u /Predictor 12 >>\n"
               "   /Length %" G_GSIZE_FORMAT "\n>>\nstream\n", id, id, 1 + width + 2, length);
  emit (self, g_bytes_get_data (rows, NULL), length);
  emit_printf (self, "\nendstream\nendobj\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
               g_array_index (self->entries, guint64, xref));
  flush (self);
  return self->error == NULL;
}
