/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-json-stream.h"

/* A file saved before this writer existed is saved again byte for byte,
 * so the layout and the escaping are json-glib 1.6's: members on lines of
 * their own indented two spaces a level, " : " after a name, an empty
 * array as [], an empty object as { and } with the closing indent between
 * them; in strings \" \\ \b \f \n \r \t, \u00XX for the other control
 * characters and for 0x7f, and every other byte (UTF-8 or not) as it is.
 * One difference: json-glib leaves 0x1f bare, which JSON forbids and our
 * reader refuses, so a text holding one made a file that could not be
 * opened again; it is written \u001f here. No file that opens changes. */

#define CHUNK (64 * 1024)

typedef struct
{
  guint8 is_object : 1;
  guint8 has_members : 1;
} Level;

struct _GkJsonStream
{
  GkJsonSink  sink;
  gpointer    user_data;
  char       *buffer;
  gsize       used;
  GArray     *levels;
  GError     *error;     /* the sink's first failure: nothing more is written */
};

GkJsonStream *
gk_json_stream_new (GkJsonSink sink,
                    gpointer   user_data)
{
  GkJsonStream *self = g_new0 (GkJsonStream, 1);

  g_return_val_if_fail (sink != NULL, NULL);

  self->sink = sink;
  self->user_data = user_data;
  self->buffer = g_malloc (CHUNK);
  self->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  return self;
}

void
gk_json_stream_free (GkJsonStream *self)
{
  if (self == NULL)
    return;
  g_free (self->buffer);
  g_array_unref (self->levels);
  g_clear_error (&self->error);
  g_free (self);
}

static void
push_out (GkJsonStream *self)
{
  if (self->used > 0 && self->error == NULL &&
      !self->sink (self->buffer, self->used, self->user_data, &self->error) &&
      self->error == NULL)
    g_set_error_literal (&self->error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The file could not be written"));
  self->used = 0;
}

static void
put (GkJsonStream *self,
     const char   *data,
     gsize         length)
{
  if (self->error != NULL)
    return;
  while (length > 0)
    {
      gsize n;

      if (self->used == CHUNK)
        {
          push_out (self);
          if (self->error != NULL)
            return;
        }
      n = MIN (length, CHUNK - self->used);
      memcpy (self->buffer + self->used, data, n);
      self->used += n;
      data += n;
      length -= n;
    }
}

static inline void
put_c (GkJsonStream *self,
       char          c)
{
  if (self->used == CHUNK)
    push_out (self);
  if (self->error == NULL)
    self->buffer[self->used++] = c;
}

static void
put_indent (GkJsonStream *self,
            guint         level)
{
  static const char spaces[] = "                                ";

  for (guint n = level * 2; n > 0;)
    {
      guint step = MIN (n, sizeof spaces - 1);

      put (self, spaces, step);
      n -= step;
    }
}

static void
put_escaped (GkJsonStream *self,
             const char   *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      char c = *p;
      const char *named = NULL;
      char code[7];

      if (c == '"')
        named = "\\\"";
      else if (c == '\\')
        named = "\\\\";
      else if ((c > 0 && c <= 0x1f) || c == 0x7f)
        {
          switch (c)
            {
            case '\b': named = "\\b"; break;
            case '\f': named = "\\f"; break;
            case '\n': named = "\\n"; break;
            case '\r': named = "\\r"; break;
            case '\t': named = "\\t"; break;
            default:
              g_snprintf (code, sizeof code, "\\u00%02x", (guint) c);
              named = code;
            }
        }
      if (named == NULL)
        continue;
      put (self, run, p - run);
      put (self, named, strlen (named));
      run = p + 1;
    }
  put (self, run, p - run);
}

/* The separator, the indent and the name before a value. */
static void
begin_value (GkJsonStream *self,
             const char   *name)
{
  guint depth = self->levels->len;

  if (depth > 0)
    {
      Level *parent = &g_array_index (self->levels, Level, depth - 1);

      put (self, parent->has_members ? ",\n" : "\n", parent->has_members ? 2 : 1);
      parent->has_members = TRUE;
      put_indent (self, depth);
      g_warn_if_fail (parent->is_object == (name != NULL));
    }
  if (name != NULL)
    {
      put_c (self, '"');
      put_escaped (self, name);
      put (self, "\" : ", 4);
    }
}

static void
begin (GkJsonStream *self,
       const char   *name,
       gboolean      is_object)
{
  Level level = { is_object, FALSE };

  begin_value (self, name);
  put_c (self, is_object ? '{' : '[');
  g_array_append_val (self->levels, level);
}

static void
end (GkJsonStream *self,
     gboolean      is_object)
{
  Level level;
  guint depth;

  g_return_if_fail (self->levels->len > 0);

  level = g_array_index (self->levels, Level, self->levels->len - 1);
  g_return_if_fail (level.is_object == is_object);
  g_array_set_size (self->levels, self->levels->len - 1);
  depth = self->levels->len;
  if (level.has_members)
    {
      put_c (self, '\n');
      put_indent (self, depth);
    }
  else if (is_object)
    put_indent (self, depth);
  put_c (self, is_object ? '}' : ']');
}

void
gk_json_stream_begin_object (GkJsonStream *self,
                             const char   *name)
{
  begin (self, name, TRUE);
}

void
gk_json_stream_end_object (GkJsonStream *self)
{
  end (self, TRUE);
}

void
gk_json_stream_begin_array (GkJsonStream *self,
                            const char   *name)
{
  begin (self, name, FALSE);
}

void
gk_json_stream_end_array (GkJsonStream *self)
{
  end (self, FALSE);
}

void
gk_json_stream_string (GkJsonStream *self,
                       const char   *name,
                       const char   *value)
{
  begin_value (self, name);
  if (value == NULL)
    {
      put (self, "null", 4);
      return;
    }
  put_c (self, '"');
  put_escaped (self, value);
  put_c (self, '"');
}

void
gk_json_stream_int (GkJsonStream *self,
                    const char   *name,
                    gint64        value)
{
  char text[24];
  int n = g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);

  begin_value (self, name);
  put (self, text, n);
}

void
gk_json_stream_boolean (GkJsonStream *self,
                        const char   *name,
                        gboolean      value)
{
  begin_value (self, name);
  if (value)
    put (self, "true", 4);
  else
    put (self, "false", 5);
}

static void
put_value (GkJsonStream *self,
           const char   *name,
           JsonNode     *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      gk_json_stream_int (self, name, json_node_get_int (node));
      break;
    case G_TYPE_BOOLEAN:
      gk_json_stream_boolean (self, name, json_node_get_boolean (node));
      break;
    case G_TYPE_STRING:
      gk_json_stream_string (self, name, json_node_get_string (node));
      break;
    case G_TYPE_DOUBLE:
      {
        char text[G_ASCII_DTOSTR_BUF_SIZE];

        /* As json-glib: a double stays one when read back. */
        g_ascii_dtostr (text, sizeof text, json_node_get_double (node));
        begin_value (self, name);
        put (self, text, strlen (text));
        if (strchr (text, '.') == NULL && strchr (text, 'e') == NULL && strchr (text, 'E') == NULL)
          put (self, ".0", 2);
      }
      break;
    default:
      begin_value (self, name);
      put (self, "null", 4);
    }
}

/* A small tree (a template's definition) inside the streamed document. */
void
gk_json_stream_node (GkJsonStream *self,
                     const char   *name,
                     JsonNode     *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        gk_json_stream_begin_object (self, name);
        for (GList *l = members; l != NULL; l = l->next)
          gk_json_stream_node (self, l->data, json_object_get_member (object, l->data));
        gk_json_stream_end_object (self);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        gk_json_stream_begin_array (self, name);
        for (guint i = 0; i < json_array_get_length (array); i++)
          gk_json_stream_node (self, NULL, json_array_get_element (array, i));
        gk_json_stream_end_array (self);
      }
      break;
    case JSON_NODE_VALUE:
      put_value (self, name, node);
      break;
    case JSON_NODE_NULL:
    default:
      begin_value (self, name);
      put (self, "null", 4);
    }
}

void
gk_json_stream_raw (GkJsonStream *self,
                    const char   *text)
{
  put (self, text, strlen (text));
}

/* Hands what is buffered to the sink. */
gboolean
gk_json_stream_flush (GkJsonStream  *self,
                      GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  push_out (self);
  if (self->error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_json_stream_failed (GkJsonStream *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->error != NULL;
}

gboolean
gk_json_sink_output_stream (const char  *data,
                            gsize        length,
                            gpointer     output,
                            GError     **error)
{
  GkJsonOutput *out = output;

  return g_output_stream_write_all (out->stream, data, length, NULL, out->cancellable, error);
}

gboolean
gk_json_sink_byte_array (const char  *data,
                         gsize        length,
                         gpointer     array,
                         GError     **error)
{
  g_byte_array_append (array, (const guint8 *) data, length);
  return TRUE;
}
