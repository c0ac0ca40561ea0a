/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gprintf.h>

#include "gk-pdf-rewrite-private.h"

/* The PDF as cairo 1.16 writes it, put in order in one pass over its bytes
 * rather than through libqpdf, which builds an object for every number of
 * every structure element and took most of the time and memory of a long
 * export (6 s and 480 MB for 8 000 pages). Cairo's objects are copied as
 * they are; what changes is small: a cross-reference table with the true
 * offsets, one Document element between the structure tree's root and its
 * elements, the catalog's /Lang and /MarkInfo, and a file identifier
 * derived from the content. Anything that does not look like cairo's
 * output (an update appended, object streams, a cross-reference stream) is
 * left to libqpdf: nothing is written before the whole file is read. */

#define MAX_DEPTH 64

typedef struct
{
  gsize  start;          /* "N 0 obj" */
  gsize  end;            /* after "endobj" */
  gsize  value_start;
  gsize  value_end;
  gsize  data_start;     /* of a stream whose length is not direct */
  gsize  data_end;       /* "endstream" */
  guint  length_ref;     /* its /Length object, 0 when direct */
  gboolean present;
} Object;

typedef struct
{
  const char *data;
  gsize       size;
  GArray     *objects;   /* Object, by number */
} Pdf;

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL;
}

static gsize
skip_space (const Pdf *pdf,
            gsize      p,
            gsize      end)
{
  while (p < end)
    {
      if (is_space (pdf->data[p]))
        p++;
      else if (pdf->data[p] == '%')
        {
          while (p < end && pdf->data[p] != '\n' && pdf->data[p] != '\r')
            p++;
        }
      else
        break;
    }
  return p;
}

/* Reads an unsigned integer at @p; the position after it, or 0. */
static gsize
read_uint (const Pdf *pdf,
           gsize      p,
           gsize      end,
           guint64   *value)
{
  gsize start = p;

  *value = 0;
  while (p < end && g_ascii_isdigit (pdf->data[p]) && p - start < 12)
    *value = *value * 10 + (pdf->data[p++] - '0');
  if (p == start || (p < end && g_ascii_isdigit (pdf->data[p])))
    return 0;
  return p;
}

/* "N G R" at @p: the position after it, or 0. */
static gsize
read_reference (const Pdf *pdf,
                gsize      p,
                gsize      end,
                guint64   *number)
{
  guint64 generation;

  p = read_uint (pdf, p, end, number);
  if (p == 0 || p >= end || !is_space (pdf->data[p]))
    return 0;
  p = read_uint (pdf, skip_space (pdf, p, end), end, &generation);
  if (p == 0 || p >= end || !is_space (pdf->data[p]))
    return 0;
  p = skip_space (pdf, p, end);
  if (p >= end || pdf->data[p] != 'R' || (p + 1 < end && !is_space (pdf->data[p + 1]) &&
                                           !is_delimiter (pdf->data[p + 1])))
    return 0;
  return p + 1;
}

/* The position after the value at @p, or 0 when there is none. */
static gsize
skip_value (const Pdf *pdf,
            gsize      p,
            gsize      end,
            guint      depth)
{
  const char *d = pdf->data;
  guint64 number;
  gsize after;

  if (p >= end || depth > MAX_DEPTH)
    return 0;
  if (d[p] == '<' && p + 1 < end && d[p + 1] == '<')
    {
      p += 2;
      for (;;)
        {
          p = skip_space (pdf, p, end);
          if (p + 1 < end && d[p] == '>' && d[p + 1] == '>')
            return p + 2;
          if (p >= end || d[p] != '/')
            return 0;
          p = skip_value (pdf, p, end, depth + 1);
          if (p == 0)
            return 0;
          p = skip_value (pdf, skip_space (pdf, p, end), end, depth + 1);
          if (p == 0)
            return 0;
        }
    }
  if (d[p] == '[')
    {
      p++;
      for (;;)
        {
          p = skip_space (pdf, p, end);
          if (p < end && d[p] == ']')
            return p + 1;
          p = skip_value (pdf, p, end, depth + 1);
          if (p == 0)
            return 0;
        }
    }
  if (d[p] == '<')
    {
      while (++p < end && d[p] != '>')
        if (!g_ascii_isxdigit (d[p]) && !is_space (d[p]))
          return 0;
      return p < end ? p + 1 : 0;
    }
  if (d[p] == '(')
    {
      guint open = 1;

      while (++p < end)
        {
          if (d[p] == '\\')
            p++;
          else if (d[p] == '(')
            open++;
          else if (d[p] == ')' && --open == 0)
            return p + 1;
        }
      return 0;
    }
  if (d[p] == '/')
    {
      while (++p < end && !is_space (d[p]) && !is_delimiter (d[p]))
        ;
      return p;
    }
  if ((after = read_reference (pdf, p, end, &number)) != 0)
    return after;
  if (g_ascii_isdigit (d[p]) || d[p] == '-' || d[p] == '+' || d[p] == '.')
    {
      while (++p < end && (g_ascii_isdigit (d[p]) || d[p] == '.'))
        ;
      return p;
    }
  if (g_ascii_isalpha (d[p]))
    {
      gsize start = p;

      while (++p < end && g_ascii_isalpha (d[p]))
        ;
      if ((p - start == 4 && (memcmp (d + start, "true", 4) == 0 || memcmp (d + start, "null", 4) == 0)) ||
          (p - start == 5 && memcmp (d + start, "false", 5) == 0))
        return p;
    }
  return 0;
}

static gboolean
is_dictionary (const Pdf *pdf,
               gsize      start,
               gsize      end)
{
  return end - start >= 4 && pdf->data[start] == '<' && pdf->data[start + 1] == '<';
}

/* Finds @key among the entries of the dictionary at [@start, @end); its
 * key's start and its value's span. */
static gboolean
find_key (const Pdf  *pdf,
          gsize       start,
          gsize       end,
          const char *key,
          gsize      *key_start,
          gsize      *value_start,
          gsize      *value_end)
{
  gsize length = strlen (key);
  gsize p;

  if (!is_dictionary (pdf, start, end))
    return FALSE;
  p = start + 2;
  for (;;)
    {
      gsize k, v;

      p = skip_space (pdf, p, end);
      if (p >= end || pdf->data[p] != '/')
        return FALSE;
      k = p;
      p = skip_value (pdf, p, end, 1);
      if (p == 0)
        return FALSE;
      v = skip_space (pdf, p, end);
      p = skip_value (pdf, v, end, 1);
      if (p == 0)
        return FALSE;
      if (v - k >= length && memcmp (pdf->data + k, key, length) == 0 &&
          (is_space (pdf->data[k + length]) || is_delimiter (pdf->data[k + length])))
        {
          *key_start = k;
          *value_start = v;
          *value_end = p;
          return TRUE;
        }
    }
}

static gboolean
find_reference (const Pdf  *pdf,
                gsize       start,
                gsize       end,
                const char *key,
                guint64    *number)
{
  gsize k, v, e;

  return find_key (pdf, start, end, key, &k, &v, &e) && read_reference (pdf, v, e, number) == e;
}

/* memmem(), which is not in C11. */
static const char *
find_bytes (const char *haystack,
            gsize       size,
            const char *needle,
            gsize       length)
{
  const char *end = haystack + size;
  const char *p = haystack;

  while (p + length <= end && (p = memchr (p, needle[0], end - p - length + 1)) != NULL)
    {
      if (memcmp (p, needle, length) == 0)
        return p;
      p++;
    }
  return NULL;
}

static Object *
lookup (const Pdf *pdf,
        guint64    number)
{
  Object *object;

  if (number >= pdf->objects->len)
    return NULL;
  object = &g_array_index (pdf->objects, Object, number);
  return object->present ? object : NULL;
}

/* Reads one "N 0 obj … endobj" at @p into its place in @pdf; the position
 * after it, or 0. */
static gsize
read_object (Pdf   *pdf,
             gsize  p)
{
  const char *d = pdf->data;
  gsize end = pdf->size, start = p, k, v, e;
  guint64 number, generation, length;
  Object object = { 0, };

  p = read_uint (pdf, p, end, &number);
  if (p == 0 || number == 0 || number > 10000000)
    return 0;
  p = read_uint (pdf, skip_space (pdf, p, end), end, &generation);
  if (p == 0 || generation != 0)
    return 0;
  p = skip_space (pdf, p, end);
  if (end - p < 3 || memcmp (d + p, "obj", 3) != 0)
    return 0;
  object.start = start;
  object.value_start = skip_space (pdf, p + 3, end);
  object.value_end = skip_value (pdf, object.value_start, end, 0);
  if (object.value_end == 0)
    return 0;
  p = skip_space (pdf, object.value_end, end);

  if (end - p >= 6 && memcmp (d + p, "stream", 6) == 0)
    {
      gsize data_start;

      p += 6;
      if (p < end && d[p] == '\r')
        p++;
      if (p >= end || d[p] != '\n')
        return 0;
      data_start = ++p;
      if (!find_key (pdf, object.value_start, object.value_end, "/Length", &k, &v, &e))
        return 0;
      if (read_uint (pdf, v, e, &length) == e)
        {
          if (length > end - data_start)
            return 0;
          p = data_start + length;
        }
      else if (read_reference (pdf, v, e, &length) == e)
        {
          /* Cairo writes the length after the stream: the stream ends at
           * "endstream", and its length object must agree (checked once
           * all is read). */
          const char *found = find_bytes (d + data_start, end - data_start, "endstream", 9);

          if (found == NULL)
            return 0;
          p = found - d;
          object.length_ref = length;
          object.data_start = data_start;
          object.data_end = p;
        }
      else
        return 0;
      p = skip_space (pdf, p, end);
      if (end - p < 9 || memcmp (d + p, "endstream", 9) != 0)
        return 0;
      p = skip_space (pdf, p + 9, end);
    }
  if (end - p < 6 || memcmp (d + p, "endobj", 6) != 0)
    return 0;
  object.end = p + 6;
  object.present = TRUE;

  if (number >= pdf->objects->len)
    g_array_set_size (pdf->objects, number + 1);
  if (g_array_index (pdf->objects, Object, number).present)
    return 0;
  g_array_index (pdf->objects, Object, number) = object;
  return object.end;
}

/* Output ------------------------------------------------------------------ */

typedef struct
{
  GkPdfWriteFunc  write;
  gpointer        user_data;
  GChecksum      *checksum;
  GString        *buffer;
  guint64         offset;
  GError        **error;
  gboolean        failed;
} Out;

static void
out_flush (Out *out)
{
  if (out->buffer->len == 0 || out->failed)
    return;
  if (!out->write ((const guchar *) out->buffer->str, out->buffer->len, out->user_data, out->error))
    out->failed = TRUE;
  g_string_truncate (out->buffer, 0);
}

static void
out_append (Out        *out,
            const char *data,
            gsize       length)
{
  if (out->failed)
    return;
  if (out->checksum != NULL)
    g_checksum_update (out->checksum, (const guchar *) data, length);
  out->offset += length;
  if (length >= 64 * 1024)
    {
      /* A stream goes as it is, not through the buffer. */
      out_flush (out);
      if (!out->failed && !out->write ((const guchar *) data, length, out->user_data, out->error))
        out->failed = TRUE;
      return;
    }
  g_string_append_len (out->buffer, data, length);
  if (out->buffer->len >= 64 * 1024)
    out_flush (out);
}

G_GNUC_PRINTF (2, 3)
static void
out_printf (Out        *out,
            const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;
  int length;

  va_start (args, format);
  length = g_vasprintf (&text, format, args);
  va_end (args);
  out_append (out, text, length);
}

/* Rewriting --------------------------------------------------------------- */

/* The language as a PDF string, or NULL when it needs more than ASCII. */
static char *
language_string (const char *language)
{
  for (const char *c = language; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_')
      return NULL;
  return g_strdup_printf ("(%s)", language);
}

/* The catalog's entries but /Lang and /MarkInfo, then those two. */
static void
write_catalog (Out        *out,
               const Pdf  *pdf,
               guint64     number,
               const char *language,
               gboolean    tagged)
{
  const Object *catalog = lookup (pdf, number);
  gsize p = catalog->value_start + 2, end = catalog->value_end;

  out_printf (out, "%" G_GUINT64_FORMAT " 0 obj\n<<", number);
  for (;;)
    {
      gsize k, v;

      p = skip_space (pdf, p, end);
      if (pdf->data[p] != '/')
        break;
      k = p;
      p = skip_value (pdf, skip_space (pdf, skip_value (pdf, p, end, 1), end), end, 1);
      v = skip_value (pdf, k, end, 1);
      if ((v - k == 5 && memcmp (pdf->data + k, "/Lang", 5) == 0) ||
          (tagged && v - k == 9 && memcmp (pdf->data + k, "/MarkInfo", 9) == 0))
        continue;
      out_append (out, "\n   ", 4);
      out_append (out, pdf->data + k, p - k);
    }
  if (language != NULL)
    out_printf (out, "\n   /Lang %s", language);
  if (tagged)
    out_printf (out, "\n   /MarkInfo << /Marked true >>");
  out_printf (out, "\n>>\nendobj\n");
}

/* @object with the value at [@from, @to) of its dictionary replaced. */
static void
write_replacing (Out          *out,
                 const Pdf    *pdf,
                 const Object *object,
                 gsize         from,
                 gsize         to,
                 const char   *replacement)
{
  out_append (out, pdf->data + object->start, from - object->start);
  out_append (out, replacement, strlen (replacement));
  out_append (out, pdf->data + to, object->end - to);
  out_append (out, "\n", 1);
}

int
_gk_pdf_rewrite (const guchar    *data,
                 gsize            size,
                 const char      *language,
                 GkPdfWriteFunc   write,
                 gpointer         user_data,
                 GError         **error)
{
  g_autoptr(GArray) objects = g_array_new (FALSE, TRUE, sizeof (Object));
  g_autoptr(GArray) offsets = NULL;
  g_autoptr(GHashTable) reparent = g_hash_table_new (NULL, NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  g_autoptr(GString) buffer = g_string_sized_new (64 * 1024 + 4096);
  g_autofree char *lang = NULL;
  g_autofree char *document_ref = NULL;
  g_autofree char *id = NULL;
  Pdf pdf = { (const char *) data, size, objects };
  Out out = { write, user_data, checksum, buffer, 0, error, FALSE };
  gsize p, header_end, k, v, e, kids_start = 0, kids_end = 0;
  guint64 root, info = 0, tree = 0, document = 0, xref, number;
  const char *d = pdf.data;

  if (size < 16 || memcmp (data, "%PDF-1.", 7) != 0)
    return GK_PDF_REWRITE_UNSUPPORTED;
  if (language != NULL && (lang = language_string (language)) == NULL)
    return GK_PDF_REWRITE_UNSUPPORTED;

  /* The header line and its line of binary characters. */
  p = 0;
  for (guint line = 0; line < 2 && p < size; line++)
    {
      while (p < size && d[p] != '\n')
        p++;
      p++;
    }
  header_end = p;
  if (header_end >= size || d[header_end - 1] != '\n')
    return GK_PDF_REWRITE_UNSUPPORTED;

  for (;;)
    {
      p = skip_space (&pdf, p, size);
      if (p >= size)
        return GK_PDF_REWRITE_UNSUPPORTED;
      if (size - p >= 4 && memcmp (d + p, "xref", 4) == 0)
        break;
      p = read_object (&pdf, p);
      if (p == 0)
        return GK_PDF_REWRITE_UNSUPPORTED;
    }

  /* One table, one trailer, nothing appended after the end. */
  {
    const char *trailer = g_strstr_len (d + p, size - p, "trailer");
    gsize t, t_end;

    if (trailer == NULL)
      return GK_PDF_REWRITE_UNSUPPORTED;
    t = skip_space (&pdf, trailer - d + 7, size);
    t_end = skip_value (&pdf, t, size, 0);
    if (t_end == 0 || !is_dictionary (&pdf, t, t_end) ||
        !find_reference (&pdf, t, t_end, "/Root", &root) ||
        find_key (&pdf, t, t_end, "/Prev", &k, &v, &e) ||
        find_key (&pdf, t, t_end, "/Encrypt", &k, &v, &e) ||
        find_key (&pdf, t, t_end, "/XRefStm", &k, &v, &e))
      return GK_PDF_REWRITE_UNSUPPORTED;
    if (find_key (&pdf, t, t_end, "/Info", &k, &v, &e) && !find_reference (&pdf, t, t_end, "/Info", &info))
      return GK_PDF_REWRITE_UNSUPPORTED;
    p = skip_space (&pdf, t_end, size);
    if (size - p < 9 || memcmp (d + p, "startxref", 9) != 0)
      return GK_PDF_REWRITE_UNSUPPORTED;
    p = read_uint (&pdf, skip_space (&pdf, p + 9, size), size, &xref);
    if (p == 0)
      return GK_PDF_REWRITE_UNSUPPORTED;
    p = skip_space (&pdf, p, size);
    if (p != size)
      return GK_PDF_REWRITE_UNSUPPORTED;   /* an update after %%EOF */
  }

  /* Each stream's length as its length object says. */
  for (guint i = 0; i < objects->len; i++)
    {
      Object *object = &g_array_index (objects, Object, i);
      Object *length;
      guint64 value;

      if (!object->present || object->length_ref == 0)
        continue;
      length = lookup (&pdf, object->length_ref);
      if (length == NULL ||
          read_uint (&pdf, length->value_start, length->value_end, &value) != length->value_end ||
          value > object->data_end - object->data_start ||
          object->data_end - object->data_start - value > 2)
        return GK_PDF_REWRITE_UNSUPPORTED;
      /* Only an end of line between the data (which may itself end with
       * a carriage return) and "endstream". */
      for (gsize j = object->data_start + value; j < object->data_end; j++)
        if (d[j] != '\r' && d[j] != '\n')
          return GK_PDF_REWRITE_UNSUPPORTED;
    }

  if (lookup (&pdf, root) == NULL || !is_dictionary (&pdf, lookup (&pdf, root)->value_start,
                                                     lookup (&pdf, root)->value_end) ||
      (info != 0 && lookup (&pdf, info) == NULL))
    return GK_PDF_REWRITE_UNSUPPORTED;

  /* The structure tree's elements go under one Document element. */
  if (find_reference (&pdf, lookup (&pdf, root)->value_start, lookup (&pdf, root)->value_end,
                      "/StructTreeRoot", &tree))
    {
      const Object *object = lookup (&pdf, tree);
      gsize q;

      if (object == NULL ||
          !find_key (&pdf, object->value_start, object->value_end, "/K", &k, &kids_start, &kids_end))
        return GK_PDF_REWRITE_UNSUPPORTED;
      document = objects->len;
      q = d[kids_start] == '[' ? kids_start + 1 : kids_start;
      for (;;)
        {
          const Object *kid;
          gsize parent_start, parent_end;
          guint64 parent;

          q = skip_space (&pdf, q, kids_end);
          if (q >= kids_end || d[q] == ']')
            break;
          q = read_reference (&pdf, q, kids_end, &number);
          if (q == 0 || (kid = lookup (&pdf, number)) == NULL ||
              !find_key (&pdf, kid->value_start, kid->value_end, "/P", &k, &parent_start, &parent_end) ||
              read_reference (&pdf, parent_start, parent_end, &parent) != parent_end || parent != tree ||
              g_hash_table_contains (reparent, GUINT_TO_POINTER (number)))
            return GK_PDF_REWRITE_UNSUPPORTED;
          g_hash_table_insert (reparent, GUINT_TO_POINTER (number), GSIZE_TO_POINTER (parent_start));
        }
      document_ref = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 R", document);
    }

  /* Nothing is written before this point: from here the file is ours. */
  offsets = g_array_sized_new (FALSE, TRUE, sizeof (guint64), objects->len + 1);
  g_array_set_size (offsets, objects->len + 1);
  out_append (&out, d, header_end);
  for (guint i = 0; i < objects->len && !out.failed; i++)
    {
      const Object *object = &g_array_index (objects, Object, i);
      gpointer parent_start;

      if (!object->present)
        continue;
      g_array_index (offsets, guint64, i) = out.offset;
      if (i == root)
        write_catalog (&out, &pdf, root, lang, tree != 0);
      else if (i == tree)
        write_replacing (&out, &pdf, object, kids_start, kids_end, document_ref);
      else if (g_hash_table_lookup_extended (reparent, GUINT_TO_POINTER (i), NULL, &parent_start))
        write_replacing (&out, &pdf, object, GPOINTER_TO_SIZE (parent_start),
                         skip_value (&pdf, GPOINTER_TO_SIZE (parent_start), object->value_end, 0),
                         document_ref);
      else
        {
          out_append (&out, d + object->start, object->end - object->start);
          out_append (&out, "\n", 1);
        }
    }
  if (tree != 0)
    {
      g_array_index (offsets, guint64, document) = out.offset;
      out_printf (&out, "%" G_GUINT64_FORMAT " 0 obj\n<< /Type /StructElem\n   /S /Document\n   /P %"
                  G_GUINT64_FORMAT " 0 R\n   /K %s", document, tree, d[kids_start] == '[' ? "" : "[ ");
      out_append (&out, d + kids_start, kids_end - kids_start);
      out_printf (&out, "%s\n>>\nendobj\n", d[kids_start] == '[' ? "" : " ]");
    }

  /* The table: numbers no object has are free, linked in a list. */
  {
    guint n = tree != 0 ? document + 1 : objects->len;
    guint64 start = out.offset;
    guint next_free = 0;
    g_autofree char *entries = g_malloc (20 * (gsize) n + 1);

    for (guint i = n; i-- > 0;)
      {
        gboolean used = i != 0 && (i == document ? tree != 0 : lookup (&pdf, i) != NULL);
        char entry[21];

        if (used)
          snprintf (entry, sizeof entry, "%010" G_GUINT64_FORMAT " 00000 n \n",
                    g_array_index (offsets, guint64, i));
        else
          {
            snprintf (entry, sizeof entry, "%010u %05u f \n", next_free, i == 0 ? 65535 : 1);
            next_free = i;
          }
        memcpy (entries + 20 * (gsize) i, entry, 20);
      }
    out_printf (&out, "xref\n0 %u\n", n);
    out_append (&out, entries, 20 * (gsize) n);
    /* The identifier is that of the content before it. */
    id = g_strdup (g_checksum_get_string (checksum));
    out.checksum = NULL;
    out_printf (&out, "trailer\n<< /Size %u\n   /Root %" G_GUINT64_FORMAT " 0 R\n", n, root);
    if (info != 0)
      out_printf (&out, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
    out_printf (&out, "   /ID [<%s> <%s>]\n>>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n", id, id, start);
  }
  out_flush (&out);
  return out.failed ? GK_PDF_REWRITE_FAILED : GK_PDF_REWRITE_DONE;
}
