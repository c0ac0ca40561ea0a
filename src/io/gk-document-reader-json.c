/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "gk-document-private.h"
#include "gk-document-reader-private.h"
#include "gk-explanation-private.h"
#include "gk-fields.h"
#include "gk-table.h"
#include "gk-template.h"

/* Reading JSON with a path: where the reader is, what it expects there,
 * and the message when the file holds something else. */

char *
_gk_reader_ellipsize (const char *text,
                      glong       max_chars)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max_chars);
  return g_strconcat (start, "…", NULL);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
array_element (JsonObject *object,
               const char *name,
               guint       index)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const PathSegment *
segment_at (Reader *r,
            guint   i)
{
  return i < r->path->len ? &g_array_index (r->path, PathSegment, i) : NULL;
}

/* "表二 收入预算表 2010399 其他政府办公厅（室）及相关机构事务支出 一般公共预算":
 * the place of a table cell as the person who typed it sees it, or NULL
 * where the file's own path says it better. */
static char *
describe_table_place (Reader *r,
                      JsonObject *root)
{
  const PathSegment *role = segment_at (r, 1);
  const PathSegment *part = segment_at (r, 2);
  const PathSegment *index = segment_at (r, 3);
  GkTable *table;
  const GkTableSchema *schema;
  g_autoptr(GString) words = NULL;
  g_autofree char *name = NULL;
  const PathSegment *cell;
  int column;

  /* A whole table or a member of it is named well enough by the path. */
  if (role == NULL || role->name == NULL || r->document == NULL || r->path->len < 4)
    return NULL;
  table = _gk_reader_table_role (r, role->name) != NULL
          ? gk_document_get_table (r->document, _gk_reader_table_role (r, role->name)) : NULL;
  if (table == NULL)
    return NULL;
  schema = gk_table_get_schema (table);
  name = gk_table_schema_dup_name (schema);
  words = g_string_new (name);
  cell = segment_at (r, 3);
  if (part != NULL && part->name != NULL && index != NULL && index->name == NULL)
    {
      JsonObject *row = array_element (object_member (object_member (root, "tables"), role->name),
                                       part->name, index->index);
      const char *code = string_member (row, "code");
      GkClassification kind = schema->kind == GK_TABLE_KIND_ECONOMIC
                                ? GK_CLASSIFICATION_ECONOMIC : GK_CLASSIFICATION_FUNCTION;
      const char *code_name = NULL;

      if (code != NULL && gk_classification_level (kind, code) != GK_LEVEL_NONE)
        code_name = gk_document_get_code_name (r->document, kind, code);
      if (code != NULL && code_name != NULL)
        g_string_append_printf (words, " %s %s", code, code_name);
      else
        /* Translators: a row of a table by its position, counted from 1 */
        g_string_append_printf (words, _(" row %u"), index->index + 1);
      cell = segment_at (r, 4);
    }
  if (cell != NULL && cell->name != NULL &&
      (column = gk_table_schema_column_index (schema, cell->name)) >= 0)
    g_string_append_printf (words, " %s", gk_table_schema_get_column (schema, column)->title);
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* 项目“网站维护”: a project by the name the person gave it. */
static char *
describe_project_place (Reader     *r,
                        JsonObject *root)
{
  const PathSegment *index = segment_at (r, 1);
  const char *name;

  if (index == NULL || index->name != NULL)
    return NULL;
  if (r->projects != NULL)
    {
      JsonNode *node = index->index >= r->projects_first &&
                       index->index - r->projects_first < json_array_get_length (r->projects)
                       ? json_array_get_element (r->projects, index->index - r->projects_first) : NULL;
      name = string_member (node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL,
                            "name");
    }
  else
    name = string_member (array_element (root, "projects", index->index), "name");
  if (name == NULL || name[0] == '\0')
    /* Translators: a project by its position in the file, counted from 1 */
    return g_strdup_printf (_("project %u"), index->index + 1);
  /* Translators: a project by its name */
  return g_strdup_printf (_("project “%s”"), name);
}

static char *
describe_place (Reader *r)
{
  JsonObject *root;
  const PathSegment *first = segment_at (r, 0);

  if (r->root == NULL || !JSON_NODE_HOLDS_OBJECT (r->root) || first == NULL || first->name == NULL)
    return NULL;
  root = json_node_get_object (r->root);
  if (g_str_equal (first->name, "tables"))
    return describe_table_place (r, root);
  if (g_str_equal (first->name, "projects"))
    return describe_project_place (r, root);
  return NULL;
}

gboolean G_GNUC_PRINTF (2, 3)
_gk_reader_fail (Reader     *r,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *short_message = NULL;
  g_autofree char *short_path = NULL;
  g_autofree char *place = NULL;
  g_autofree char *short_place = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  short_message = _gk_reader_ellipsize (message, MAX_MESSAGE_CHARS);
  {
    g_autoptr(GString) path = g_string_new ("$");

    for (guint i = 0; i < r->path->len; i++)
      {
        PathSegment *segment = &g_array_index (r->path, PathSegment, i);
        if (segment->name != NULL)
          g_string_append_printf (path, ".%s", segment->name);
        else
          g_string_append_printf (path, "[%u]", segment->index);
      }
    short_path = _gk_reader_ellipsize (path->str, MAX_PATH_CHARS);
  }
  place = describe_place (r);
  if (place != NULL)
    {
      /* What a person understands comes first: the table, row and column
       * in the document's words; the member path stays for whoever opens
       * the file in a text editor. */
      short_place = _gk_reader_ellipsize (place, MAX_PATH_CHARS);
      g_set_error (r->error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   /* Translators: the place in the document's words, the
                    * problem, then the place in the file (a JSON path) */
                   _("%s: %s (in the file at %s)"), short_place, short_message, short_path);
    }
  else
    g_set_error (r->error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                 "%s: %s", short_path, short_message);
  return FALSE;
}

/* `name` must outlive its place on the stack: it is a member name of the
 * parsed tree or a literal. */
gsize
_gk_reader_push_member (Reader     *r,
                        const char *name)
{
  gsize len = r->path->len;
  PathSegment segment = { name, 0 };

  g_array_append_val (r->path, segment);
  return len;
}

gsize
_gk_reader_push_index (Reader *r,
                       guint   index)
{
  gsize len = r->path->len;
  PathSegment segment = { NULL, index };

  g_array_append_val (r->path, segment);
  return len;
}

void
_gk_reader_pop (Reader *r,
                gsize   len)
{
  g_array_set_size (r->path, len);
}

static const char *
kind_of_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

gboolean
_gk_reader_expect_object (Reader      *r,
                          JsonNode    *node,
                          JsonObject **object)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _gk_reader_fail (r, _("expected an object ({ … }), found %s"), kind_of_node (node));
  *object = json_node_get_object (node);
  return TRUE;
}

gboolean
_gk_reader_expect_array (Reader     *r,
                         JsonNode   *node,
                         JsonArray **array)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _gk_reader_fail (r, _("expected a list ([ … ]), found %s"), kind_of_node (node));
  *array = json_node_get_array (node);
  return TRUE;
}

gboolean
_gk_reader_expect_string (Reader      *r,
                          JsonNode    *node,
                          const char **string)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return _gk_reader_fail (r, _("expected text in quotes, found %s"), kind_of_node (node));
  *string = json_node_get_string (node);
  return TRUE;
}

gboolean
_gk_reader_expect_int (Reader   *r,
                       JsonNode *node,
                       gint64    minimum,
                       gint64    maximum,
                       gint64   *value)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _gk_reader_fail (r, _("expected a whole number, found %s"), kind_of_node (node));
  *value = json_node_get_int (node);
  if (*value < minimum || *value > maximum)
    {
      g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, *value);
      g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, minimum);
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, maximum);

      return _gk_reader_fail (r, _("%s is out of range; it must be between %s and %s"), v, lo, hi);
    }
  return TRUE;
}

/* Amounts are text ("355.08"): a JSON number would pass through a double. */
gboolean
_gk_reader_expect_amount (Reader   *r,
                          JsonNode *node,
                          GkAmount *amount)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING &&
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _gk_reader_fail (r, _("amounts are written as text with two decimals, such as \"355.08\"; found a bare number"));
  if (!_gk_reader_expect_string (r, node, &text))
    return FALSE;
  if (!gk_amount_parse_entered (text, amount, &error))
    return _gk_reader_fail (r, "%s", error->message);
  return TRUE;
}

gboolean
_gk_reader_unknown_member (Reader     *r,
                           const char *name)
{
  gsize len = _gk_reader_push_member (r, name);
  _gk_reader_fail (r, _("“%s” is not something Gongkai knows here; remove it or correct its spelling"), name);
  _gk_reader_pop (r, len);
  return FALSE;
}

gboolean
_gk_reader_check_members (Reader            *r,
                          JsonObject        *object,
                          const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return _gk_reader_unknown_member (r, l->data);
  return TRUE;
}

/* Fields ------------------------------------------------------------------- */

static const GkField *
find_field (const GkField      *fields,
            guint               n_fields,
            const char         *path,
            const char * const *exclude)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *p = fields[i].json ? fields[i].json : fields[i].name;
      if (g_str_equal (p, path) && (exclude == NULL || !g_strv_contains (exclude, fields[i].name)))
        return &fields[i];
    }
  return NULL;
}

static gboolean
is_field_group (const GkField *fields,
                guint          n_fields,
                const char    *path)
{
  g_autofree char *prefix = g_strconcat (path, "/", NULL);

  for (guint i = 0; i < n_fields; i++)
    if (fields[i].json != NULL && g_str_has_prefix (fields[i].json, prefix))
      return TRUE;
  return FALSE;
}

static gboolean
read_field (Reader        *r,
            JsonNode      *node,
            GObject       *target,
            const GkField *field)
{
  switch (field->type)
    {
    case GK_FIELD_STRING:
      {
        const char *text;
        if (!_gk_reader_expect_string (r, node, &text))
          return FALSE;
        gk_field_store_string (target, field, text);
        return TRUE;
      }
    case GK_FIELD_INT:
      {
        gint64 value;
        if (!_gk_reader_expect_int (r, node, field->minimum, G_MAXINT, &value))
          return FALSE;
        gk_field_store_number (target, field, value);
        return TRUE;
      }
    case GK_FIELD_AMOUNT:
      {
        GkAmount amount;
        if (!_gk_reader_expect_amount (r, node, &amount))
          return FALSE;
        gk_field_store_number (target, field, amount);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
walk_fields (Reader             *r,
             JsonObject         *object,
             GObject            *target,
             const GkField      *fields,
             guint               n_fields,
             const char         *prefix,
             const char * const *extra,
             const char * const *exclude)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *path = prefix[0] ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);
      JsonNode *node = json_object_get_member (object, name);
      const GkField *field = find_field (fields, n_fields, path, exclude);
      gboolean ok = TRUE;
      gsize len;

      if (field == NULL && !is_field_group (fields, n_fields, path))
        {
          if (prefix[0] == '\0' && extra != NULL && g_strv_contains (extra, name))
            continue;
          return _gk_reader_unknown_member (r, name);
        }

      len = _gk_reader_push_member (r, name);
      if (field != NULL)
        ok = read_field (r, node, target, field);
      else
        {
          JsonObject *group;
          ok = _gk_reader_expect_object (r, node, &group) &&
               walk_fields (r, group, target, fields, n_fields, path, NULL, exclude);
        }
      _gk_reader_pop (r, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Reads the members of `object` that are fields of `target`; `extra` names
 * members the caller reads itself. */
gboolean
_gk_reader_read_fields (Reader             *r,
                        JsonObject         *object,
                        gpointer            target,
                        const char * const *extra,
                        const char * const *exclude)
{
  guint n_fields;
  const GkField *fields = gk_fields_of (G_OBJECT_TYPE (target), &n_fields);

  return walk_fields (r, object, target, fields, n_fields, "", extra, exclude);
}
