/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-pdf-syntax-private.h"

#define MAX_DEPTH 64

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

gsize
_gk_pdf_skip_space (const GkPdfText *pdf,
                    gsize            p,
                    gsize            end)
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
gsize
_gk_pdf_read_uint (const GkPdfText *pdf,
                   gsize            p,
                   gsize            end,
                   guint64         *value)
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
gsize
_gk_pdf_read_reference (const GkPdfText *pdf,
                        gsize            p,
                        gsize            end,
                        guint64         *number)
{
  guint64 generation;

  p = _gk_pdf_read_uint (pdf, p, end, number);
  if (p == 0 || p >= end || !is_space (pdf->data[p]))
    return 0;
  p = _gk_pdf_read_uint (pdf, _gk_pdf_skip_space (pdf, p, end), end, &generation);
  if (p == 0 || p >= end || !is_space (pdf->data[p]))
    return 0;
  p = _gk_pdf_skip_space (pdf, p, end);
  if (p >= end || pdf->data[p] != 'R' || (p + 1 < end && !is_space (pdf->data[p + 1]) &&
                                           !is_delimiter (pdf->data[p + 1])))
    return 0;
  return p + 1;
}

/* The position after the value at @p, or 0 when there is none. */
gsize
_gk_pdf_skip_value (const GkPdfText *pdf,
                    gsize            p,
                    gsize            end,
                    guint            depth)
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
          p = _gk_pdf_skip_space (pdf, p, end);
          if (p + 1 < end && d[p] == '>' && d[p + 1] == '>')
            return p + 2;
          if (p >= end || d[p] != '/')
            return 0;
          p = _gk_pdf_skip_value (pdf, p, end, depth + 1);
          if (p == 0)
            return 0;
          p = _gk_pdf_skip_value (pdf, _gk_pdf_skip_space (pdf, p, end), end, depth + 1);
          if (p == 0)
            return 0;
        }
    }
  if (d[p] == '[')
    {
      p++;
      for (;;)
        {
          p = _gk_pdf_skip_space (pdf, p, end);
          if (p < end && d[p] == ']')
            return p + 1;
          p = _gk_pdf_skip_value (pdf, p, end, depth + 1);
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
  if ((after = _gk_pdf_read_reference (pdf, p, end, &number)) != 0)
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

gboolean
_gk_pdf_is_dictionary (const GkPdfText *pdf,
                       gsize            start,
                       gsize            end)
{
  return end - start >= 4 && pdf->data[start] == '<' && pdf->data[start + 1] == '<';
}

/* Finds @key among the entries of the dictionary at [@start, @end); its
 * key's start and its value's span. */
gboolean
_gk_pdf_find_key (const GkPdfText *pdf,
                  gsize            start,
                  gsize            end,
                  const char      *key,
                  gsize           *key_start,
                  gsize           *value_start,
                  gsize           *value_end)
{
  gsize length = strlen (key);
  gsize p;

  if (!_gk_pdf_is_dictionary (pdf, start, end))
    return FALSE;
  p = start + 2;
  for (;;)
    {
      gsize k, v;

      p = _gk_pdf_skip_space (pdf, p, end);
      if (p >= end || pdf->data[p] != '/')
        return FALSE;
      k = p;
      p = _gk_pdf_skip_value (pdf, p, end, 1);
      if (p == 0)
        return FALSE;
      v = _gk_pdf_skip_space (pdf, p, end);
      p = _gk_pdf_skip_value (pdf, v, end, 1);
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

gboolean
_gk_pdf_find_reference (const GkPdfText *pdf,
                        gsize            start,
                        gsize            end,
                        const char      *key,
                        guint64         *number)
{
  gsize k, v, e;

  return _gk_pdf_find_key (pdf, start, end, key, &k, &v, &e) && _gk_pdf_read_reference (pdf, v, e, number) == e;
}

/* memmem(), which is not in C11. */
const char *
_gk_pdf_find_bytes (const char *haystack,
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

/* Reads one "N 0 obj … endobj" at @p of @pdf into @object; the position
 * after it, or 0 when it is not there whole. */
gsize
_gk_pdf_read_object (const GkPdfText *pdf,
                     gsize            p,
                     GkPdfObject     *object)
{
  const char *d = pdf->data;
  gsize end = pdf->size, start = p, k, v, e;
  guint64 generation, length;

  memset (object, 0, sizeof *object);
  p = _gk_pdf_read_uint (pdf, p, end, &object->number);
  if (p == 0 || object->number == 0 || object->number > 10000000)
    return 0;
  p = _gk_pdf_read_uint (pdf, _gk_pdf_skip_space (pdf, p, end), end, &generation);
  if (p == 0 || generation != 0)
    return 0;
  p = _gk_pdf_skip_space (pdf, p, end);
  if (end - p < 3 || memcmp (d + p, "obj", 3) != 0)
    return 0;
  object->start = start;
  object->value_start = _gk_pdf_skip_space (pdf, p + 3, end);
  object->value_end = _gk_pdf_skip_value (pdf, object->value_start, end, 0);
  if (object->value_end == 0)
    return 0;
  p = _gk_pdf_skip_space (pdf, object->value_end, end);

  if (end - p >= 6 && memcmp (d + p, "stream", 6) == 0)
    {
      gsize data_start;

      p += 6;
      if (p < end && d[p] == '\r')
        p++;
      if (p >= end || d[p] != '\n')
        return 0;
      data_start = ++p;
      if (!_gk_pdf_find_key (pdf, object->value_start, object->value_end, "/Length", &k, &v, &e))
        return 0;
      if (_gk_pdf_read_uint (pdf, v, e, &length) == e)
        {
          if (length > end - data_start)
            return 0;
          p = data_start + length;
        }
      else if (_gk_pdf_read_reference (pdf, v, e, &length) == e)
        {
          /* Cairo writes the length after the stream: the stream ends at
           * "endstream", and its length object must agree. */
          const char *found = _gk_pdf_find_bytes (d + data_start, end - data_start, "endstream", 9);

          if (found == NULL)
            return 0;
          p = found - d;
          object->length_ref = length;
          object->data_start = data_start;
          object->data_end = p;
        }
      else
        return 0;
      p = _gk_pdf_skip_space (pdf, p, end);
      if (end - p < 9 || memcmp (d + p, "endstream", 9) != 0)
        return 0;
      p = _gk_pdf_skip_space (pdf, p + 9, end);
    }
  if (end - p < 6 || memcmp (d + p, "endobj", 6) != 0)
    return 0;
  object->end = p + 6;
  return object->end;
}

gboolean
_gk_pdf_has_type (const GkPdfText   *pdf,
                  const GkPdfObject *object,
                  const char        *type)
{
  gsize k, v, e, length = strlen (type);

  return _gk_pdf_find_key (pdf, object->value_start, object->value_end, "/Type", &k, &v, &e) &&
         e - v == length && memcmp (pdf->data + v, type, length) == 0;
}

