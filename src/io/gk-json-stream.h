/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* JSON written as it is made, in chunks, to a sink: the very bytes
 * json-glib 1.6's pretty generator (indent 2) makes of the same tree,
 * without the tree or the whole text ever being held. */

/* Takes @length bytes; FALSE with @error set stops the stream. */
typedef gboolean (*GkJsonSink) (const char  *data,
                                gsize        length,
                                gpointer     user_data,
                                GError     **error);

typedef struct _GkJsonStream GkJsonStream;

GkJsonStream *gk_json_stream_new          (GkJsonSink     sink,
                                           gpointer       user_data);
void          gk_json_stream_free         (GkJsonStream  *self);

/* @name is the member's name inside an object, NULL inside an array or
 * at the top. */
void          gk_json_stream_begin_object (GkJsonStream  *self,
                                           const char    *name);
void          gk_json_stream_end_object   (GkJsonStream  *self);
void          gk_json_stream_begin_array  (GkJsonStream  *self,
                                           const char    *name);
void          gk_json_stream_end_array    (GkJsonStream  *self);
/* A NULL @value is written as null, as json_object_set_string_member() does. */
void          gk_json_stream_string       (GkJsonStream  *self,
                                           const char    *name,
                                           const char    *value);
void          gk_json_stream_int          (GkJsonStream  *self,
                                           const char    *name,
                                           gint64         value);
void          gk_json_stream_boolean      (GkJsonStream  *self,
                                           const char    *name,
                                           gboolean       value);
void          gk_json_stream_node         (GkJsonStream  *self,
                                           const char    *name,
                                           JsonNode      *node);
/* Text outside the JSON value, such as the file's final newline. */
void          gk_json_stream_raw          (GkJsonStream  *self,
                                           const char    *text);
gboolean      gk_json_stream_flush        (GkJsonStream  *self,
                                           GError       **error);
gboolean      gk_json_stream_failed       (GkJsonStream  *self);

/* Sinks: into a stream (user_data a GkJsonOutput), into memory (a GByteArray) */
typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
} GkJsonOutput;

gboolean      gk_json_sink_output_stream  (const char    *data,
                                           gsize          length,
                                           gpointer       output,
                                           GError       **error);
gboolean      gk_json_sink_byte_array     (const char    *data,
                                           gsize          length,
                                           gpointer       array,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkJsonStream, gk_json_stream_free)

G_END_DECLS
