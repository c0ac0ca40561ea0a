/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-error.h"
#include "gk-json-strict.h"

/* json-glib reads more than JSON and reads some JSON wrongly: a repeated
 * member silently replaces the first, text after the end and single quotes
 * are taken, "\u0000" cuts a text short, a lone "\ud800" becomes bytes that
 * are not UTF-8, and a whole number beyond 64 bits becomes -1. A .gongkai
 * file is read exactly as RFC 8259 defines it, so this pass walks the text
 * once before json-glib sees it and refuses all of that, saying where: the
 * line and column, and the member path that the reader's messages use. */

/* A damaged file can hold megabytes where a name belongs: a message quotes
 * no more of it than a dialog shows. */
#define MAX_QUOTE_CHARS 40
#define MAX_PATH_CHARS  200

typedef struct
{
  GString    *key;       /* the member being read; NULL in a list */
  gboolean    has_key;   /* between a member's name and the next name */
  guint       index;
  GHashTable *seen;      /* member name → line of its first appearance */
} Frame;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  gsize       line_start;
  guint       max_depth;
  GArray     *frames;
  GError    **error;
  /* gk_json_check_strict_spans(): the root member whose list elements are
   * recorded, where its list stands, and the elements' spans. */
  const char *member;
  GkJsonSpan *list;
  GArray     *spans;
  guint       spans_depth;  /* the list's frame depth while inside it, else 0 */
} Scanner;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  if (frame->key != NULL)
    g_string_free (frame->key, TRUE);
  g_clear_pointer (&frame->seen, g_hash_table_unref);
}

static char *
ellipsize (const char *text,
           glong       max_chars)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max_chars);
  return g_strconcat (start, "…", NULL);
}

/* "$.tables.t2.rows[3]": the place inside the document, as far as read. */
static char *
path_of (Scanner *s)
{
  g_autoptr(GString) path = g_string_new ("$");

  for (guint i = 0; i < s->frames->len; i++)
    {
      Frame *frame = &g_array_index (s->frames, Frame, i);

      if (frame->key == NULL)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->has_key)
        g_string_append_printf (path, ".%s", frame->key->str);
    }
  return ellipsize (path->str, MAX_PATH_CHARS);
}

static guint
column_of (Scanner *s,
           gsize    pos)
{
  return (guint) g_utf8_strlen (s->data + s->line_start, pos - s->line_start) + 1;
}

static char *
where (Scanner *s,
       gsize    pos)
{
  /* Translators: a place in the file, said after the problem */
  return g_strdup_printf (_("line %u, column %u"), s->line, column_of (s, pos));
}

/* "$.year: the number … is too large (line 5, column 11)": what is wrong
 * inside a member the reader would otherwise name. */
static gboolean G_GNUC_PRINTF (4, 5)
fail_in_member (Scanner    *s,
                gsize       pos,
                int         code,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = path_of (s);
  g_autofree char *place = where (s, pos);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (s->error, GK_DOCUMENT_ERROR, code,
               /* Translators: the JSON path, the problem, then the line and column */
               _("%s: %s (%s)"), path, message, place);
  return FALSE;
}

/* What stands at `pos`, for a message: a word, or one character. */
static char *
found_at (Scanner *s,
          gsize    pos)
{
  gsize end = pos;
  gunichar c;

  while (end < s->length && end - pos < 20 && g_ascii_isalnum (s->data[end]))
    end++;
  if (end > pos)
    return g_strndup (s->data + pos, end - pos);
  c = g_utf8_get_char (s->data + pos);
  if (c < 0x20 || c == 0x7F || c == 0xFEFF)
    return g_strdup_printf ("U+%04X", c);
  return g_ucs4_to_utf8 (&c, 1, NULL, NULL, NULL);
}

static gboolean
fail_incomplete (Scanner *s)
{
  g_autofree char *path = path_of (s);

  g_set_error (s->error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
               _("The file is incomplete: it ends at line %u, column %u, inside %s; it was cut short or not saved completely"),
               s->line, column_of (s, s->pos), path);
  return FALSE;
}

static gboolean
fail_unexpected (Scanner    *s,
                 const char *expected)
{
  g_autofree char *found = NULL;
  g_autofree char *path = NULL;

  if (s->pos >= s->length)
    return fail_incomplete (s);
  found = found_at (s, s->pos);
  path = path_of (s);
  g_set_error (s->error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
               /* Translators: "found “'” where a member name in double quotes should be" */
               _("The file is damaged at line %u, column %u (in %s): found “%s” where %s should be"),
               s->line, column_of (s, s->pos), path, found, expected);
  return FALSE;
}

static void
skip_blanks (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c == '\n')
        {
          s->line++;
          s->line_start = s->pos + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      s->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Scanner  *s,
           gsize     at,
           gunichar *out)
{
  gunichar value = 0;

  if (at + 4 > s->length)
    return FALSE;
  for (gsize i = 0; i < 4; i++)
    {
      int h = hex_value (s->data[at + i]);
      if (h < 0)
        return FALSE;
      value = value * 16 + (gunichar) h;
    }
  *out = value;
  return TRUE;
}

/* A text in double quotes, from its opening quote. `decoded` receives the
 * text when the caller needs it (a member name), else NULL. */
static gboolean
read_string (Scanner *s,
             GString *decoded)
{
  g_assert (s->data[s->pos] == '"');
  s->pos++;
  for (;;)
    {
      gsize run = s->pos;
      unsigned char c;

      while (s->pos < s->length && (unsigned char) s->data[s->pos] >= 0x20 &&
             s->data[s->pos] != '"' && s->data[s->pos] != '\\')
        s->pos++;
      if (decoded != NULL)
        g_string_append_len (decoded, s->data + run, s->pos - run);
      if (s->pos >= s->length)
        {
          s->pos = s->length;
          return fail_incomplete (s);
        }
      c = (unsigned char) s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return fail_in_member (s, s->pos, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                               _("a text in quotes holds a line break or control character (U+%04X); it must be written as an escape such as \\n"),
                               c);

      /* A backslash. */
      if (s->pos + 1 >= s->length)
        {
          s->pos = s->length;
          return fail_incomplete (s);
        }
      switch (s->data[s->pos + 1])
        {
        case '"': case '\\': case '/':
          if (decoded != NULL)
            g_string_append_c (decoded, s->data[s->pos + 1]);
          s->pos += 2;
          continue;
        case 'b': case 'f': case 'n': case 'r': case 't':
          if (decoded != NULL)
            g_string_append_c (decoded, ' ');
          s->pos += 2;
          continue;
        case 'u':
          break;
        default:
          {
            g_autofree char *found = found_at (s, s->pos + 1);
            return fail_in_member (s, s->pos, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                                   _("“\\%s” is not an escape JSON knows; a backslash is written \\\\"),
                                   found);
          }
        }

      {
        gunichar unit, low;

        if (!read_hex4 (s, s->pos + 2, &unit))
          return fail_in_member (s, s->pos, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                                 _("“\\u” must be followed by four hexadecimal digits"));
        if (unit == 0)
          return fail_in_member (s, s->pos, GK_DOCUMENT_ERROR_INVALID,
                                 _("the text holds \\u0000, a NUL character, which would cut it short; remove it"));
        if (unit >= 0xDC00 && unit <= 0xDFFF)
          return fail_in_member (s, s->pos, GK_DOCUMENT_ERROR_INVALID,
                                 _("the text holds \\u%04x, the second half of a character without its first half; the file is damaged"),
                                 unit);
        if (unit >= 0xD800 && unit <= 0xDBFF)
          {
            if (s->pos + 12 > s->length || s->data[s->pos + 6] != '\\' || s->data[s->pos + 7] != 'u' ||
                !read_hex4 (s, s->pos + 8, &low) || low < 0xDC00 || low > 0xDFFF)
              return fail_in_member (s, s->pos, GK_DOCUMENT_ERROR_INVALID,
                                     _("the text holds \\u%04x, the first half of a character without its second half; the file is damaged"),
                                     unit);
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            s->pos += 6;
          }
        if (decoded != NULL)
          g_string_append_unichar (decoded, unit);
        s->pos += 6;
      }
    }
}

static gboolean
read_digits (Scanner *s)
{
  gsize start = s->pos;

  while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;
  return s->pos > start;
}

/* Whole numbers must fit in 64 bits: json-glib turns a larger one into -1
 * without a word. Fractions and exponents go through a double, which the
 * reader refuses wherever it expects a whole number. */
static gboolean
read_number (Scanner *s)
{
  static const char max_positive[] = "9223372036854775807";
  static const char max_negative[] = "9223372036854775808";
  gsize start = s->pos;
  gsize digits_start, digits_len;
  gboolean negative = FALSE, whole = TRUE;

  if (s->data[s->pos] == '-')
    {
      negative = TRUE;
      s->pos++;
    }
  digits_start = s->pos;
  if (s->pos < s->length && s->data[s->pos] == '0')
    s->pos++;
  else if (!read_digits (s))
    return fail_unexpected (s, _("a digit"));
  digits_len = s->pos - digits_start;
  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      whole = FALSE;
      s->pos++;
      if (!read_digits (s))
        return fail_unexpected (s, _("a digit"));
    }
  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      whole = FALSE;
      s->pos++;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (!read_digits (s))
        return fail_unexpected (s, _("a digit"));
    }

  if (whole)
    {
      const char *limit = negative ? max_negative : max_positive;
      gsize limit_len = strlen (limit);

      if (digits_len > limit_len ||
          (digits_len == limit_len && memcmp (s->data + digits_start, limit, limit_len) > 0))
        {
          g_autofree char *number = g_strndup (s->data + start, s->pos - start);
          g_autofree char *quoted = ellipsize (number, MAX_QUOTE_CHARS);

          return fail_in_member (s, start, GK_DOCUMENT_ERROR_INVALID,
                                 _("the whole number %s is too large to be read; no figure of a disclosure comes near it, so the file is damaged"),
                                 quoted);
        }
    }
  return TRUE;
}

static gboolean
read_literal (Scanner    *s,
              const char *word)
{
  gsize len = strlen (word);

  if (s->length - s->pos < len || memcmp (s->data + s->pos, word, len) != 0)
    return fail_unexpected (s, _("a value (text in double quotes, a number, an object, a list, true, false or null)"));
  s->pos += len;
  return TRUE;
}

static gboolean read_value (Scanner *s);

static gboolean
push_frame (Scanner  *s,
            gboolean  object)
{
  Frame frame = { object ? g_string_new (NULL) : NULL, FALSE, 0, NULL };

  if (s->frames->len >= s->max_depth)
    return fail_in_member (s, s->pos, GK_DOCUMENT_ERROR_INVALID,
                           _("The file nests more than %u levels deep; it is not a Gongkai disclosure"),
                           s->max_depth);
  g_array_append_val (s->frames, frame);
  s->pos++;
  return TRUE;
}

static gboolean
read_object (Scanner *s)
{
  Frame *frame;

  if (!push_frame (s, TRUE))
    return FALSE;
  skip_blanks (s);
  if (s->pos < s->length && s->data[s->pos] == '}')
    {
      s->pos++;
      g_array_set_size (s->frames, s->frames->len - 1);
      return TRUE;
    }
  for (;;)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      gsize key_pos;
      guint key_line = s->line;
      gpointer first_line;

      frame = &g_array_index (s->frames, Frame, s->frames->len - 1);
      frame->has_key = FALSE;
      if (s->pos >= s->length || s->data[s->pos] != '"')
        return fail_unexpected (s, _("a member name in double quotes (\")"));
      key_pos = s->pos;
      if (!read_string (s, name))
        return FALSE;
      g_string_assign (frame->key, name->str);
      frame->has_key = TRUE;
      if (frame->seen == NULL)
        frame->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      if (g_hash_table_lookup_extended (frame->seen, frame->key->str, NULL, &first_line))
        {
          g_autofree char *quoted = ellipsize (frame->key->str, MAX_QUOTE_CHARS);

          return fail_in_member (s, key_pos, GK_DOCUMENT_ERROR_INVALID,
                                 _("“%s” appears a second time in the same object (first on line %u); keep only one"),
                                 quoted, GPOINTER_TO_UINT (first_line));
        }
      g_hash_table_insert (frame->seen, g_strdup (frame->key->str), GUINT_TO_POINTER (key_line));

      skip_blanks (s);
      if (s->pos >= s->length || s->data[s->pos] != ':')
        return fail_unexpected (s, _("a colon (:) after the member name"));
      s->pos++;
      skip_blanks (s);
      if (s->spans != NULL && s->frames->len == 1 && s->pos < s->length && s->data[s->pos] == '[' &&
          g_str_equal (name->str, s->member))
        {
          s->list->start = s->pos;
          s->spans_depth = 2;
          if (!read_value (s))
            return FALSE;
          s->spans_depth = 0;
          s->list->end = s->pos;
        }
      else if (!read_value (s))
        return FALSE;
      /* Past the member's value, the place is the object itself. */
      g_array_index (s->frames, Frame, s->frames->len - 1).has_key = FALSE;
      skip_blanks (s);
      if (s->pos < s->length && s->data[s->pos] == '}')
        {
          s->pos++;
          g_array_set_size (s->frames, s->frames->len - 1);
          return TRUE;
        }
      if (s->pos >= s->length || s->data[s->pos] != ',')
        return fail_unexpected (s, _("a comma (,) or the closing brace (})"));
      s->pos++;
      skip_blanks (s);
    }
}

static gboolean
read_array (Scanner *s)
{
  if (!push_frame (s, FALSE))
    return FALSE;
  skip_blanks (s);
  if (s->pos < s->length && s->data[s->pos] == ']')
    {
      s->pos++;
      g_array_set_size (s->frames, s->frames->len - 1);
      return TRUE;
    }
  for (;;)
    {
      GkJsonSpan span;

      skip_blanks (s);
      span.start = s->pos;
      if (!read_value (s))
        return FALSE;
      span.end = s->pos;
      if (s->spans_depth == s->frames->len)
        g_array_append_val (s->spans, span);
      skip_blanks (s);
      if (s->pos < s->length && s->data[s->pos] == ']')
        {
          s->pos++;
          g_array_set_size (s->frames, s->frames->len - 1);
          return TRUE;
        }
      if (s->pos >= s->length || s->data[s->pos] != ',')
        return fail_unexpected (s, _("a comma (,) or the closing bracket (])"));
      s->pos++;
      g_array_index (s->frames, Frame, s->frames->len - 1).index++;
    }
}

static gboolean
read_value (Scanner *s)
{
  skip_blanks (s);
  if (s->pos >= s->length)
    return fail_incomplete (s);
  switch (s->data[s->pos])
    {
    case '{':
      return read_object (s);
    case '[':
      return read_array (s);
    case '"':
      return read_string (s, NULL);
    case 't':
      return read_literal (s, "true");
    case 'f':
      return read_literal (s, "false");
    case 'n':
      return read_literal (s, "null");
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (s);
    default:
      return fail_unexpected (s, _("a value (text in double quotes, a number, an object, a list, true, false or null)"));
    }
}

/**
 * gk_json_check_strict:
 * @data: UTF-8 text
 * @length: its length in bytes
 * @max_depth: how deeply objects and lists may nest
 * @error: a #GK_DOCUMENT_ERROR naming the line, the column and, where
 *   known, the member path of the first problem
 *
 * Returns: %TRUE if @data is one JSON value as RFC 8259 defines it, with
 *   no member repeated in an object, no NUL and no half character in a
 *   text, and no whole number beyond 64 bits
 */
gboolean
gk_json_check_strict (const char  *data,
                      gsize        length,
                      guint        max_depth,
                      GError     **error)
{
  return gk_json_check_strict_spans (data, length, max_depth, NULL, NULL, NULL, error);
}

/**
 * gk_json_check_strict_spans:
 * @member: (nullable): a member of the root object
 * @list: (out caller-allocates) (optional): where @member's value stands
 *   when it is a list; left alone otherwise
 * @spans: (element-type GkJsonSpan) (optional): receives where each element
 *   of that list stands, in order
 *
 * As gk_json_check_strict(), and finds on the way the elements of the list
 * @member holds, so that each can be parsed on its own: a large file's
 * list then never stands whole in memory as a tree.
 */
gboolean
gk_json_check_strict_spans (const char  *data,
                            gsize        length,
                            guint        max_depth,
                            const char  *member,
                            GkJsonSpan  *list,
                            GArray      *spans,
                            GError     **error)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  Scanner s = { data, length, 0, 1, 0, max_depth, frames, error, member, list, spans, 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail ((member != NULL) == (spans != NULL) && (list != NULL) == (spans != NULL), FALSE);

  g_array_set_clear_func (frames, frame_clear);
  skip_blanks (&s);
  if (s.pos >= length)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                           _("The file is empty; it is not a Gongkai disclosure, or it was not saved completely"));
      return FALSE;
    }
  if (!read_value (&s))
    return FALSE;
  skip_blanks (&s);
  if (s.pos < length)
    {
      g_autofree char *found = found_at (&s, s.pos);

      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("The file goes on after its end: line %u, column %u holds “%s” after the last closing brace; "
                     "remove what follows it, or take the file from a copy"),
                   s.line, column_of (&s, s.pos), found);
      return FALSE;
    }
  return TRUE;
}
