/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gk-document.h"
#include "gk-fields.h"

G_BEGIN_DECLS

/* Shared by the files of the .gongkai reader: gk-document-reader.c (the
 * document), -json.c (paths and expectations), -tables.c (tables). */

/* Where the reader is, as a stack of member names and list indexes. It is
 * spelled out ("$.tables.income.rows[3]") only when something is wrong: most
 * of a large file is read without a problem. */
typedef struct
{
  const char *name;    /* NULL for an index */
  guint       index;
} PathSegment;

typedef struct
{
  GArray     *path;
  GError    **error;
  GkDocument *document;
  gint64      version;   /* the file format version */
  JsonNode   *root;      /* the parsed file, for naming a place in the document's words */
  /* A large file's projects are not in the parsed tree: they are parsed
   * a few at a time from the file's text, where these spans say. */
  const char *text;
  GArray     *project_spans;  /* GkJsonSpan, one per project */
  JsonArray  *projects;       /* the projects parsed last … */
  guint       projects_first; /* … and the index of the first of them */
} Reader;

/* A damaged or hostile file can hold megabytes where a code or a member
 * name belongs; a message quotes no more of it than a dialog can show. */
#define MAX_PATH_CHARS    200
#define MAX_MESSAGE_CHARS 1000

gboolean _gk_reader_check_members  (Reader               *r,
                                    JsonObject           *object,
                                    const char * const   *allowed);
char *   _gk_reader_ellipsize      (const char           *text,
                                    glong                 max_chars);
gboolean _gk_reader_expect_amount  (Reader               *r,
                                    JsonNode             *node,
                                    GkAmount             *amount);
gboolean _gk_reader_expect_array   (Reader               *r,
                                    JsonNode             *node,
                                    JsonArray           **array);
gboolean _gk_reader_expect_int     (Reader               *r,
                                    JsonNode             *node,
                                    gint64                minimum,
                                    gint64                maximum,
                                    gint64               *value);
gboolean _gk_reader_expect_object  (Reader               *r,
                                    JsonNode             *node,
                                    JsonObject          **object);
gboolean _gk_reader_expect_string  (Reader               *r,
                                    JsonNode             *node,
                                    const char          **string);
gboolean _gk_reader_fail           (Reader               *r,
                                    const char           *format,
                                    ...) G_GNUC_PRINTF (2, 3);
void     _gk_reader_pop            (Reader               *r,
                                    gsize                 len);
gboolean _gk_reader_read_indicators (Reader              *r,
                                     GListStore          *store,
                                     JsonNode            *node);
const char *_gk_reader_table_role (Reader             *r,
                                  const char         *key);
gsize    _gk_reader_push_index     (Reader               *r,
                                    guint                 index);
gsize    _gk_reader_push_member    (Reader               *r,
                                    const char           *name);
gboolean _gk_reader_read_cells     (Reader               *r,
                                    JsonObject           *object,
                                    const GkTableSchema  *schema,
                                    const char * const   *other_members,
                                    GkRow                *row);
gboolean _gk_reader_read_fields    (Reader               *r,
                                    JsonObject           *object,
                                    gpointer              target,
                                    const char * const   *extra,
                                    const char * const   *exclude);
gboolean _gk_reader_read_tables    (Reader               *r,
                                    JsonNode             *node);
/* gk-document-reader-projects.c */
gboolean _gk_reader_read_projects  (Reader               *r,
                                    JsonNode             *node);
gboolean _gk_reader_set_not_json   (const char           *data,
                                    gsize                 length,
                                    GError              **error);
/* gk-document-reader-budget.c */
gboolean _gk_reader_read_budget    (Reader               *r,
                                    JsonNode             *node);
gboolean _gk_reader_read_final_facts (Reader             *r,
                                      JsonNode           *node);
gboolean _gk_reader_unknown_member (Reader               *r,
                                    const char           *name);

G_END_DECLS
