/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <qpdf/qpdf-c.h>

#include "gk-disclosure-layout.h"
#include "gk-document-io.h"
#include "gk-indicator.h"
#include "gk-pdf-finish.h"
#include "gk-pdf-rewrite-private.h"
#include "gk-pdf-syntax-private.h"
#include "gk-pdf-writer.h"
#include "gk-project.h"
#include "gk-test-common.h"
#include "gk-test-pdf-drawn.h"

/* The tagged structure of a long disclosure, read back with libqpdf: the
 * file needs no repair, its tree is whole and in reading order, and every
 * page's marked content is in it. */

#define N_PROJECTS 400

static gboolean
refuse (const guchar  *data,
        gsize          size,
        gpointer       user_data,
        GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "full");
  return FALSE;
}

static int
rewrite (GBytes      *pdf,
         GByteArray  *out,
         GError     **error)
{
  gsize size;
  const guchar *data = g_bytes_get_data (pdf, &size);

  return _gk_pdf_rewrite (data, size, "zh-CN", _gk_pdf_write_to_byte_array, out, error);
}

/* What the tree walk found. */
typedef struct
{
  qpdf_data   qpdf;
  GHashTable *page_index;   /* page object id → index + 1 */
  GArray     *order;        /* (page << 20) | MCID, as the tree reads */
  GHashTable *owner;        /* (page << 20) | MCID → element object id */
  guint       n_elements;
} Walk;

static void
walk (Walk    *w,
      qpdf_oh  element,
      int      parent)
{
  qpdf_data qpdf = w->qpdf;
  qpdf_oh kids = qpdf_oh_get_key (qpdf, element, "/K");
  int id = qpdf_oh_get_object_id (qpdf, element);
  guint page = 0;
  int n;

  g_assert_true (qpdf_oh_is_dictionary (qpdf, element));
  g_assert_cmpint (id, >, 0);
  /* Each element names the one it is under. */
  g_assert_cmpint (qpdf_oh_get_object_id (qpdf, qpdf_oh_get_key (qpdf, element, "/P")), ==, parent);
  w->n_elements++;
  if (qpdf_oh_has_key (qpdf, element, "/Pg"))
    page = GPOINTER_TO_UINT (g_hash_table_lookup (w->page_index,
                                                  GINT_TO_POINTER (qpdf_oh_get_object_id (qpdf, qpdf_oh_get_key (qpdf, element, "/Pg")))));

  n = qpdf_oh_is_array (qpdf, kids) ? qpdf_oh_get_array_n_items (qpdf, kids) : 1;
  for (int i = 0; i < n; i++)
    {
      qpdf_oh kid = qpdf_oh_is_array (qpdf, kids) ? qpdf_oh_get_array_item (qpdf, kids, i) : kids;

      if (qpdf_oh_is_integer (qpdf, kid))
        {
          guint key = (page - 1) << 20 | (guint) qpdf_oh_get_int_value_as_int (qpdf, kid);

          g_assert_cmpuint (page, >, 0);
          g_array_append_val (w->order, key);
          g_hash_table_insert (w->owner, GUINT_TO_POINTER (key), GINT_TO_POINTER (id));
        }
      else if (qpdf_oh_is_dictionary_of_type (qpdf, kid, "/StructElem", ""))
        walk (w, kid, id);
      else
        /* A link's annotation. */
        g_assert_true (qpdf_oh_is_dictionary_of_type (qpdf, kid, "/OBJR", ""));
    }
}

/* The entries of a number tree, flattened: key → value. */
static void
number_tree (qpdf_data   qpdf,
             qpdf_oh     node,
             GHashTable *entries)
{
  qpdf_oh nums = qpdf_oh_get_key (qpdf, node, "/Nums");
  qpdf_oh kids = qpdf_oh_get_key (qpdf, node, "/Kids");

  if (qpdf_oh_is_array (qpdf, nums))
    for (int i = 0; i + 1 < qpdf_oh_get_array_n_items (qpdf, nums); i += 2)
      g_hash_table_insert (entries,
                           GINT_TO_POINTER (qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_array_item (qpdf, nums, i))),
                           GUINT_TO_POINTER (qpdf_oh_get_array_item (qpdf, nums, i + 1)));
  if (qpdf_oh_is_array (qpdf, kids))
    for (int i = 0; i < qpdf_oh_get_array_n_items (qpdf, kids); i++)
      number_tree (qpdf, qpdf_oh_get_array_item (qpdf, kids, i), entries);
}

static guint
count (const guchar *data,
       gsize         size,
       const char   *text)
{
  gsize length = strlen (text);
  guint n = 0;

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      n++;
  return n;
}

static const char *
find (const char *data,
      gsize       size,
      const char *text)
{
  gsize length = strlen (text);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return data + i;
  return NULL;
}

/* zlib's data inflated. */
static GBytes *
inflate (const char *data,
         gsize       size)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  g_autoptr(GInputStream) base = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (base, G_CONVERTER (decompressor));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error), >=, 0);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* The integer of key @key in the dictionary at [@start, @end). */
static guint64
integer_in (const GkPdfText *pdf,
            gsize            start,
            gsize            end,
            const char      *key)
{
  gsize k, v, e;
  guint64 value;

  g_assert_true (_gk_pdf_find_key (pdf, start, end, key, &k, &v, &e));
  g_assert_cmpuint (_gk_pdf_read_uint (pdf, v, e, &value), ==, e);
  return value;
}

static guint64
integer_of (const GkPdfText   *pdf,
            const GkPdfObject *object,
            const char        *key)
{
  return integer_in (pdf, object->value_start, object->value_end, key);
}

/* The data of the stream @object, inflated. */
static GBytes *
stream_of (const GkPdfText   *pdf,
           const GkPdfObject *object)
{
  gsize p = _gk_pdf_skip_space (pdf, object->value_end, object->end);
  gsize k, v, e;

  g_assert_true (_gk_pdf_find_key (pdf, object->value_start, object->value_end, "/Filter", &k, &v, &e));
  g_assert_cmpmem (pdf->data + v, e - v, "/FlateDecode", 12);
  g_assert_cmpmem (pdf->data + p, 7, "stream\n", 7);
  return inflate (pdf->data + p + 7, integer_of (pdf, object, "/Length"));
}

static gboolean
is_stream (const GkPdfText   *pdf,
           const GkPdfObject *object)
{
  gsize p = _gk_pdf_skip_space (pdf, object->value_end, object->end);

  return object->end - p > 6 && memcmp (pdf->data + p, "stream", 6) == 0;
}

/* What a cross-reference stream says, checked against the file. */
typedef struct
{
  guint n_direct;     /* streams in the file */
  guint n_plain;      /* objects in the file that are not streams */
  guint n_packed;     /* objects in object streams */
  guint n_streams;    /* object streams */
} Table;

/* Reads @pdf's cross-reference stream by itself, without libqpdf: every
 * offset leads to its object, every packed object is where its object
 * stream says; then libqpdf reads the file without a repair and finds
 * every object. */
static void
assert_table (const guchar *data,
              gsize         size,
              Table        *table)
{
  GkPdfText pdf = { (const char *) data, size };
  const char *start = NULL;
  guint64 xref, n, w[3], count;
  g_autoptr(GBytes) rows = NULL;
  g_autoptr(GHashTable) streams = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);
  GkPdfObject object;
  const guchar *r;
  gsize k, v, e, length;
  guint columns;
  qpdf_data qpdf;

  memset (table, 0, sizeof *table);
  for (const char *p = pdf.data; (p = find (p, size - (p - pdf.data), "startxref\n")) != NULL; p++)
    start = p;
  g_assert_nonnull (start);
  g_assert_cmpuint (_gk_pdf_read_uint (&pdf, start + 10 - pdf.data, size, &xref), >, 0);
  g_assert_cmpuint (_gk_pdf_read_object (&pdf, xref, &object), >, 0);
  g_assert_true (_gk_pdf_has_type (&pdf, &object, "/XRef"));
  n = integer_of (&pdf, &object, "/Size");
  g_assert_true (_gk_pdf_find_key (&pdf, object.value_start, object.value_end, "/W", &k, &v, &e));
  g_assert_cmpint (sscanf (pdf.data + v, "[%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "]",
                           &w[0], &w[1], &w[2]), ==, 3);
  g_assert_true (_gk_pdf_find_key (&pdf, object.value_start, object.value_end, "/Index", &k, &v, &e));
  g_assert_cmpint (sscanf (pdf.data + v, "[0 %" G_GUINT64_FORMAT "]", &count), ==, 1);
  g_assert_cmpuint (count, ==, n);
  g_assert_true (_gk_pdf_find_key (&pdf, object.value_start, object.value_end, "/ID", &k, &v, &e));
  g_assert_true (_gk_pdf_find_key (&pdf, object.value_start, object.value_end, "/Root", &k, &v, &e));
  g_assert_true (_gk_pdf_find_key (&pdf, object.value_start, object.value_end, "/DecodeParms", &k, &v, &e));
  g_assert_cmpuint (integer_in (&pdf, v, e, "/Predictor"), ==, 12);
  columns = w[0] + w[1] + w[2];
  g_assert_cmpuint (integer_in (&pdf, v, e, "/Columns"), ==, columns);

  /* PNG's "up" predictor undone in place. */
  rows = stream_of (&pdf, &object);
  r = g_bytes_get_data (rows, &length);
  g_assert_cmpuint (length, ==, (columns + 1) * n);
  {
    g_autofree guchar *entries = g_malloc0 (columns * (n + 1));

    for (guint64 i = 0; i < n; i++)
      {
        g_assert_cmpuint (r[(columns + 1) * i], ==, 2);
        for (guint b = 0; b < columns; b++)
          entries[columns * (i + 1) + b] = entries[columns * i + b] + r[(columns + 1) * i + 1 + b];
      }

    for (guint64 i = 0; i < n; i++)
      {
        const guchar *entry = entries + columns * (i + 1);
        guint64 field[3] = { 0, 0, 0 };

        for (guint f = 0, at = 0; f < 3; f++)
          for (guint b = 0; b < w[f]; b++)
            field[f] = field[f] << 8 | entry[at++];
        if (i == 0)
          g_assert_cmpuint (field[0], ==, 0);
        if (field[0] == 1)
          {
            GkPdfObject one;

            g_assert_cmpuint (_gk_pdf_read_object (&pdf, field[1], &one), >, 0);
            g_assert_cmpuint (one.number, ==, i);
            if (is_stream (&pdf, &one))
              table->n_direct++;
            else
              table->n_plain++;
            /* Object streams of a few hundred objects: a reader
             * inflates a whole one for any object in it. */
            if (_gk_pdf_has_type (&pdf, &one, "/ObjStm"))
              g_assert_cmpuint (integer_of (&pdf, &one, "/N"), <=, 200);
            if (_gk_pdf_has_type (&pdf, &one, "/ObjStm"))
              g_hash_table_insert (streams, GSIZE_TO_POINTER (i), stream_of (&pdf, &one));
          }
      }

    /* Each packed object is in its stream at its index. */
    for (guint64 i = 0; i < n; i++)
      {
        const guchar *entry = entries + columns * (i + 1);
        guint64 field[3] = { 0, 0, 0 };
        GBytes *packed;
        const char *text;
        guint64 number;
        char *end;

        for (guint f = 0, at = 0; f < 3; f++)
          for (guint b = 0; b < w[f]; b++)
            field[f] = field[f] << 8 | entry[at++];
        if (field[0] != 2)
          continue;
        packed = g_hash_table_lookup (streams, GSIZE_TO_POINTER (field[1]));
        g_assert_nonnull (packed);
        text = g_bytes_get_data (packed, NULL);
        for (guint64 j = 0; j <= field[2]; j++)
          {
            number = g_ascii_strtoull (text, &end, 10);
            g_assert_true (end > text);
            g_ascii_strtoull (end, (char **) &text, 10);
          }
        g_assert_cmpuint (number, ==, i);
        table->n_packed++;
      }
  }
  table->n_streams = g_hash_table_size (streams);

  qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  qpdf_set_attempt_recovery (qpdf, QPDF_FALSE);
  g_assert_cmpint (qpdf_read_memory (qpdf, "table.pdf", (const char *) data, size, NULL), ==, QPDF_SUCCESS);
  g_assert_cmpint (qpdf_check_pdf (qpdf), ==, QPDF_SUCCESS);
  for (guint64 i = 1; i < n; i++)
    g_assert_true (qpdf_oh_is_initialized (qpdf, qpdf_get_object_by_id (qpdf, i, 0)));
  g_assert_false (qpdf_more_warnings (qpdf));
  qpdf_cleanup (&qpdf);
}

/* Everything a reader of the tags relies on, asserted of @pdf. */
static void
assert_structure (GBytes *pdf)
{
  g_autoptr(GHashTable) page_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) owner = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *per_page = NULL;
  qpdf_data qpdf = qpdf_init ();
  qpdf_oh root, tree, document;
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  Walk w = { qpdf, page_index, order, owner, 0 };
  int n_pages;

  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  qpdf_set_attempt_recovery (qpdf, QPDF_FALSE);
  g_assert_cmpint (qpdf_read_memory (qpdf, "structure.pdf", data, size, NULL), ==, QPDF_SUCCESS);
  n_pages = qpdf_get_num_pages (qpdf);
  g_assert_cmpint (n_pages, >, 100);
  for (int i = 0; i < n_pages; i++)
    g_hash_table_insert (page_index, GINT_TO_POINTER (qpdf_oh_get_object_id (qpdf, qpdf_get_page_n (qpdf, i))),
                         GUINT_TO_POINTER (i + 1));

  root = qpdf_get_root (qpdf);
  g_assert_cmpstr (qpdf_oh_get_utf8_value (qpdf, qpdf_oh_get_key (qpdf, root, "/Lang")), ==, "zh-CN");
  g_assert_true (qpdf_oh_get_bool_value (qpdf, qpdf_oh_get_key (qpdf, qpdf_oh_get_key (qpdf, root, "/MarkInfo"), "/Marked")));

  /* One Document under the root, everything under it. */
  tree = qpdf_oh_get_key (qpdf, root, "/StructTreeRoot");
  document = qpdf_oh_get_key (qpdf, tree, "/K");
  g_assert_true (qpdf_oh_is_dictionary (qpdf, document));
  g_assert_true (qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, document, "/S"), "/Document"));
  walk (&w, document, qpdf_oh_get_object_id (qpdf, tree));
  g_assert_cmpuint (w.n_elements, >, 1000);

  /* In reading order: page after page, each page's content in the
   * order it was drawn; and no page without content in the tree. */
  per_page = g_new0 (guint, n_pages);
  for (guint i = 0; i < order->len; i++)
    {
      guint key = g_array_index (order, guint, i);

      if (i > 0)
        g_assert_cmpuint (g_array_index (order, guint, i - 1), <, key);
      per_page[key >> 20]++;
    }

  /* Each page's marked content is all in the tree, and the parent tree
   * leads from each back to its element. */
  number_tree (qpdf, qpdf_oh_get_key (qpdf, tree, "/ParentTree"), parents);
  for (int p = 0; p < n_pages; p++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, p);
      qpdf_oh list;
      unsigned char *content = NULL;
      size_t length = 0;
      gpointer value;

      g_assert_cmpuint (per_page[p], >, 0);
      g_assert_cmpint (qpdf_oh_get_page_content_data (qpdf, page, &content, &length), ==, QPDF_SUCCESS);
      g_assert_cmpuint (count (content, length, "/MCID "), ==, per_page[p]);
      free (content);

      g_assert_true (g_hash_table_lookup_extended (parents, GINT_TO_POINTER (qpdf_oh_get_int_value_as_int (qpdf, qpdf_oh_get_key (qpdf, page, "/StructParents"))),
                                                   NULL, &value));
      list = GPOINTER_TO_UINT (value);
      g_assert_cmpint (qpdf_oh_get_array_n_items (qpdf, list), ==, per_page[p]);
      for (guint m = 0; m < per_page[p]; m++)
        g_assert_cmpint (qpdf_oh_get_object_id (qpdf, qpdf_oh_get_array_item (qpdf, list, m)), ==,
                         GPOINTER_TO_INT (g_hash_table_lookup (owner, GUINT_TO_POINTER ((guint) p << 20 | m))));
    }
  /* Read without a repair: the offsets of the table are the objects'. */
  g_assert_false (qpdf_more_warnings (qpdf));
  qpdf_cleanup (&qpdf);
}

/* A long disclosure, as written, passes every check of its tags. */
static void
test_structure_long (void)
{
  g_autoptr(GkDocument) document = gk_test_with_projects (N_PROJECTS);
  g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  Table table;

  g_assert_true (gk_pdf_writer_write_to_stream (writer, memory, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (memory, NULL, NULL));
  pdf = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  assert_structure (pdf);
  assert_table (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &table);
  g_assert_cmpuint (table.n_plain, ==, 0);
}

/* Cairo's files are put in order in one pass, the same file each time;
 * what is not like them (junk, a file cut short, an update appended, a
 * stream longer than its length says) is left for libqpdf, nothing
 * written; and a write that fails says so. */
static void
test_structure_rewrite (void)
{
  g_autoptr(GkDocument) document = gk_test_with_projects (40);
  g_autoptr(GBytes) drawn = gk_test_draw_raw (document);
  g_autoptr(GByteArray) first = g_byte_array_new ();
  g_autoptr(GByteArray) second = g_byte_array_new ();
  g_autoptr(GByteArray) nothing = g_byte_array_new ();
  g_autoptr(GBytes) finished = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (drawn, &size);
  const char *end_stream;

  g_assert_cmpint (rewrite (drawn, first, &error), ==, GK_PDF_REWRITE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (rewrite (drawn, second, &error), ==, GK_PDF_REWRITE_DONE);
  g_assert_cmpmem (first->data, first->len, second->data, second->len);

  /* gk_pdf_finish() gives the same bytes. */
  finished = gk_pdf_finish (drawn, "zh-CN", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (finished, NULL), g_bytes_get_size (finished), first->data, first->len);

  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("%PDF-1.5\nnot a PDF at all\n", 26);
    g_autoptr(GBytes) cut = g_bytes_new_from_bytes (drawn, 0, size / 2);
    g_autoptr(GByteArray) updated = g_byte_array_new ();
    g_autoptr(GByteArray) longer = g_byte_array_new ();
    g_autoptr(GBytes) updated_bytes = NULL;
    g_autoptr(GBytes) longer_bytes = NULL;
    gsize at;

    g_byte_array_append (updated, (const guint8 *) data, size);
    g_byte_array_append (updated, (const guint8 *) "1 0 obj\nnull\nendobj\n", 20);
    updated_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&updated));

    /* "endstream" inside a stream's data, where its length says the
     * data goes on. */
    end_stream = find (data, size, "\nendstream");
    g_assert_nonnull (end_stream);
    at = end_stream - data - 4;
    g_byte_array_append (longer, (const guint8 *) data, at);
    g_byte_array_append (longer, (const guint8 *) "\nendstream", 10);
    g_byte_array_append (longer, (const guint8 *) data + at, size - at);
    longer_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&longer));

    g_assert_cmpint (rewrite (junk, nothing, &error), ==, GK_PDF_REWRITE_UNSUPPORTED);
    g_assert_cmpint (rewrite (cut, nothing, &error), ==, GK_PDF_REWRITE_UNSUPPORTED);
    g_assert_cmpint (rewrite (updated_bytes, nothing, &error), ==, GK_PDF_REWRITE_UNSUPPORTED);
    g_assert_cmpint (rewrite (longer_bytes, nothing, &error), ==, GK_PDF_REWRITE_UNSUPPORTED);
    g_assert_no_error (error);
    g_assert_cmpuint (nothing->len, ==, 0);
  }

  g_assert_cmpint (_gk_pdf_rewrite (g_bytes_get_data (drawn, NULL), size, "zh-CN", refuse, NULL, &error),
                   ==, GK_PDF_REWRITE_FAILED);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

/* The command line has cairo leave its streams uncompressed and
 * compresses them while it writes the file: the same bytes as cairo's. */
static void
test_structure_uncompressed (void)
{
  g_autoptr(GkDocument) document = gk_test_with_projects (40);
  g_autoptr(GBytes) compressed = gk_test_draw_raw (document);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GByteArray) from_compressed = g_byte_array_new ();
  g_autoptr(GByteArray) from_plain = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (g_getenv ("CAIRO_DEBUG_PDF"));

  g_setenv ("CAIRO_DEBUG_PDF", "1", TRUE);
  plain = gk_test_draw_raw (document);
  if (before != NULL)
    g_setenv ("CAIRO_DEBUG_PDF", before, TRUE);
  else
    g_unsetenv ("CAIRO_DEBUG_PDF");

  /* Cairo did leave the pages' contents uncompressed. */
  g_assert_cmpuint (count (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), "/FlateDecode") + 20, <,
                    count (g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed), "/FlateDecode"));
  g_assert_cmpuint (g_bytes_get_size (plain), >, g_bytes_get_size (compressed) + 100 * 1024);

  g_assert_cmpint (rewrite (compressed, from_compressed, &error), ==, GK_PDF_REWRITE_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (rewrite (plain, from_plain, &error), ==, GK_PDF_REWRITE_DONE);
  g_assert_no_error (error);
  g_assert_cmpmem (from_plain->data, from_plain->len, from_compressed->data, from_compressed->len);
}

/* Every object but the streams travels in compressed object streams,
 * and the table is a compressed stream of its own: the tags no longer
 * show in the file, which is far smaller than cairo's. */
static void
test_structure_packed (void)
{
  g_autoptr(GkDocument) document = gk_test_with_projects (40);
  g_autoptr(GBytes) drawn = gk_test_draw_raw (document);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  Table table;

  g_assert_cmpint (rewrite (drawn, out, &error), ==, GK_PDF_REWRITE_DONE);
  g_assert_no_error (error);
  g_assert_cmpmem (out->data, 9, "%PDF-1.5\n", 9);
  g_assert_cmpuint (count (g_bytes_get_data (drawn, NULL), g_bytes_get_size (drawn), "/StructElem"), >, 1000);
  g_assert_cmpuint (count (out->data, out->len, "/StructElem"), ==, 0);
  g_assert_cmpuint (count (out->data, out->len, "\nxref\n"), ==, 0);
  g_assert_cmpuint (count (out->data, out->len, "trailer"), ==, 0);

  assert_table (out->data, out->len, &table);
  g_assert_cmpuint (table.n_plain, ==, 0);
  g_assert_cmpuint (table.n_packed, >, 1000);
  g_assert_cmpuint (table.n_streams, >=, table.n_packed / 200);
  g_assert_cmpuint (out->len, <, g_bytes_get_size (drawn) * 3 / 4);
}

/* A file with more objects than its streams' lengths lend numbers to
 * object streams: those left over wait, and take numbers after cairo's
 * last at the end. */
static void
test_structure_numbers (void)
{
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  const char *content = "0 0 m 100 100 l S";
  Table table;

  g_string_append (pdf, "1 0 obj\n<< /Type /Pages\n   /Kids [ 3 0 R ]\n   /Count 1\n>>\nendobj\n");
  g_string_append (pdf, "2 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n>>\nendobj\n");
  g_string_append (pdf, "3 0 obj\n<< /Type /Page\n   /Parent 1 0 R\n   /MediaBox [ 0 0 100 100 ]\n"
                        "   /Contents 4 0 R\n>>\nendobj\n");
  g_string_append_printf (pdf, "4 0 obj\n<< /Length 5 0 R\n>>\nstream\n%s\nendstream\nendobj\n"
                               "5 0 obj\n   %zu\nendobj\n", content, strlen (content));
  for (guint i = 6; i < 506; i++)
    g_string_append_printf (pdf, "%u 0 obj\n<< /Value %u >>\nendobj\n", i, i);
  g_string_append (pdf, "xref\n0 506\n0000000000 65535 f \ntrailer\n<< /Size 506\n   /Root 2 0 R\n>>\n"
                        "startxref\n0\n%%EOF\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&pdf));

  g_assert_cmpint (rewrite (bytes, out, &error), ==, GK_PDF_REWRITE_DONE);
  g_assert_no_error (error);
  g_assert_cmpmem (out->data, 9, "%PDF-1.5\n", 9);
  assert_table (out->data, out->len, &table);
  /* The content, the object streams (one numbered 5), the table. */
  g_assert_cmpuint (table.n_packed, ==, 503);
  g_assert_cmpuint (table.n_streams, ==, 3);
  g_assert_cmpuint (table.n_direct, ==, 5);
  g_assert_nonnull (find ((const char *) out->data, out->len, "\n5 0 obj\n<< /Type /ObjStm"));
  g_assert_nonnull (find ((const char *) out->data, out->len, "\n507 0 obj\n<< /Type /ObjStm"));
  g_assert_nonnull (find ((const char *) out->data, out->len, "\n508 0 obj\n<< /Type /XRef"));
}

/* Fed as cairo feeds it, a few bytes at a time, the same file as when it
 * is read whole; and a file that ends early is refused at the end. */
static void
test_structure_streamed (void)
{
  g_autoptr(GkDocument) document = gk_test_with_projects (10);
  g_autoptr(GBytes) drawn = gk_test_draw_raw (document);
  g_autoptr(GByteArray) whole = g_byte_array_new ();
  g_autoptr(GByteArray) streamed = g_byte_array_new ();
  g_autoptr(GByteArray) cut = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  GkPdfRewriter *rewriter;
  gsize size;
  const guchar *data = g_bytes_get_data (drawn, &size);

  g_assert_cmpint (rewrite (drawn, whole, &error), ==, GK_PDF_REWRITE_DONE);
  rewriter = _gk_pdf_rewriter_new ("zh-CN", _gk_pdf_write_to_byte_array, streamed);
  for (gsize at = 0, step = 1; at < size; at += step, step = step % 97 + 3)
    g_assert_true (_gk_pdf_rewriter_feed (rewriter, data + at, MIN (step, size - at), &error));
  g_assert_true (_gk_pdf_rewriter_finish (rewriter, &error));
  g_assert_no_error (error);
  _gk_pdf_rewriter_free (rewriter);
  g_assert_cmpmem (whole->data, whole->len, streamed->data, streamed->len);

  rewriter = _gk_pdf_rewriter_new ("zh-CN", _gk_pdf_write_to_byte_array, cut);
  g_assert_true (_gk_pdf_rewriter_feed (rewriter, data, size - 200, &error));
  g_assert_false (_gk_pdf_rewriter_finish (rewriter, &error));
  g_assert_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER);
  _gk_pdf_rewriter_free (rewriter);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-structure/long", test_structure_long);
  g_test_add_func ("/pdf-structure/rewrite", test_structure_rewrite);
  g_test_add_func ("/pdf-structure/streamed", test_structure_streamed);
  g_test_add_func ("/pdf-structure/packed", test_structure_packed);
  g_test_add_func ("/pdf-structure/uncompressed", test_structure_uncompressed);
  g_test_add_func ("/pdf-structure/numbers", test_structure_numbers);
  return g_test_run ();
}
