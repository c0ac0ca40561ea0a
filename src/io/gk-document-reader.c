/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "gk-atomic-writer.h"
#include "gk-document-io.h"
#include "gk-document-private.h"
#include "gk-explanation-private.h"
#include "gk-fields.h"
#include "gk-document-input.h"
#include "gk-json-strict.h"

/* Reads a .gongkai file into a new document. Everything is validated; the
 * first problem stops the reading with a message that gives the JSON path
 * ($.tables.t2.rows[3].general) and says what would fix it. Derived figures
 * are never read: they are recomputed once everything is in. */

#define MAX_FILE_SIZE (256 * 1024 * 1024)
#define MAX_DEPTH 32

/* Where the reader is, as a stack of member names and list indexes. It is
 * spelled out ("$.tables.t2.rows[3]") only when something is wrong: most
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
} Reader;

/* A damaged or hostile file can hold megabytes where a code or a member
 * name belongs; a message quotes no more of it than a dialog can show. */
#define MAX_PATH_CHARS    200
#define MAX_MESSAGE_CHARS 1000

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

static gboolean G_GNUC_PRINTF (2, 3)
fail (Reader     *r,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *short_message = NULL;
  g_autofree char *short_path = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  short_message = ellipsize (message, MAX_MESSAGE_CHARS);
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
    short_path = ellipsize (path->str, MAX_PATH_CHARS);
  }
  g_set_error (r->error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
               "%s: %s", short_path, short_message);
  return FALSE;
}

/* `name` must outlive its place on the stack: it is a member name of the
 * parsed tree or a literal. */
static gsize
push_member (Reader     *r,
             const char *name)
{
  gsize len = r->path->len;
  PathSegment segment = { name, 0 };

  g_array_append_val (r->path, segment);
  return len;
}

static gsize
push_index (Reader *r,
            guint   index)
{
  gsize len = r->path->len;
  PathSegment segment = { NULL, index };

  g_array_append_val (r->path, segment);
  return len;
}

static void
pop (Reader *r,
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

static gboolean
expect_object (Reader      *r,
               JsonNode    *node,
               JsonObject **object)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (r, _("expected an object ({ … }), found %s"), kind_of_node (node));
  *object = json_node_get_object (node);
  return TRUE;
}

static gboolean
expect_array (Reader     *r,
              JsonNode   *node,
              JsonArray **array)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (r, _("expected a list ([ … ]), found %s"), kind_of_node (node));
  *array = json_node_get_array (node);
  return TRUE;
}

static gboolean
expect_string (Reader      *r,
               JsonNode    *node,
               const char **string)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, _("expected text in quotes, found %s"), kind_of_node (node));
  *string = json_node_get_string (node);
  return TRUE;
}

static gboolean
expect_int (Reader   *r,
            JsonNode *node,
            gint64    minimum,
            gint64    maximum,
            gint64   *value)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (r, _("expected a whole number, found %s"), kind_of_node (node));
  *value = json_node_get_int (node);
  if (*value < minimum || *value > maximum)
    {
      g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, *value);
      g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, minimum);
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, maximum);

      return fail (r, _("%s is out of range; it must be between %s and %s"), v, lo, hi);
    }
  return TRUE;
}

/* Amounts are text ("355.08"): a JSON number would pass through a double. */
static gboolean
expect_amount (Reader   *r,
               JsonNode *node,
               GkAmount *amount)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING &&
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (r, _("amounts are written as text with two decimals, such as \"355.08\"; found a bare number"));
  if (!expect_string (r, node, &text))
    return FALSE;
  if (!gk_amount_parse_entered (text, amount, &error))
    return fail (r, "%s", error->message);
  return TRUE;
}

static gboolean
unknown_member (Reader     *r,
                const char *name)
{
  gsize len = push_member (r, name);
  fail (r, _("“%s” is not something Gongkai knows here; remove it or correct its spelling"), name);
  pop (r, len);
  return FALSE;
}

static gboolean
check_members (Reader            *r,
               JsonObject        *object,
               const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return unknown_member (r, l->data);
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
        if (!expect_string (r, node, &text))
          return FALSE;
        gk_field_store_string (target, field, text);
        return TRUE;
      }
    case GK_FIELD_INT:
      {
        gint64 value;
        if (!expect_int (r, node, field->minimum, G_MAXINT, &value))
          return FALSE;
        gk_field_store_number (target, field, value);
        return TRUE;
      }
    case GK_FIELD_AMOUNT:
      {
        GkAmount amount;
        if (!expect_amount (r, node, &amount))
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
          return unknown_member (r, name);
        }

      len = push_member (r, name);
      if (field != NULL)
        ok = read_field (r, node, target, field);
      else
        {
          JsonObject *group;
          ok = expect_object (r, node, &group) &&
               walk_fields (r, group, target, fields, n_fields, path, NULL, exclude);
        }
      pop (r, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Reads the members of `object` that are fields of `target`; `extra` names
 * members the caller reads itself. */
static gboolean
read_fields (Reader             *r,
             JsonObject         *object,
             gpointer            target,
             const char * const *extra,
             const char * const *exclude)
{
  guint n_fields;
  const GkField *fields = gk_fields_of (G_OBJECT_TYPE (target), &n_fields);

  return walk_fields (r, object, target, fields, n_fields, "", extra, exclude);
}

/* Document parts ----------------------------------------------------------- */

static gboolean
read_text_list (Reader     *r,
                JsonObject *object,
                const char *member,
                GListModel *list)
{
  JsonArray *array;
  gsize len;

  if (!json_object_has_member (object, member))
    return TRUE;
  len = push_member (r, member);
  if (!expect_array (r, json_object_get_member (object, member), &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize ilen = push_index (r, i);
      const char *text;
      g_autoptr(GkTextItem) item = NULL;

      if (!expect_string (r, json_array_get_element (array, i), &text))
        return FALSE;
      item = gk_text_item_new (text);
      g_list_store_append (G_LIST_STORE (list), item);
      pop (r, ilen);
    }
  pop (r, len);
  return TRUE;
}

static gboolean
read_overview (Reader   *r,
               JsonNode *node)
{
  static const char * const lists[] = { "duties", "subordinate-units", "offices", NULL };
  GkOverview *overview = gk_document_get_overview (r->document);
  JsonObject *object;

  return expect_object (r, node, &object) &&
         read_fields (r, object, overview, lists, NULL) &&
         read_text_list (r, object, "duties", gk_overview_get_duties (overview)) &&
         read_text_list (r, object, "subordinate-units", gk_overview_get_subordinate_units (overview)) &&
         read_text_list (r, object, "offices", gk_overview_get_offices (overview));
}

static gboolean
read_names (Reader   *r,
            JsonNode *node)
{
  static const char * const allowed[] = { "function", "economic", NULL };
  static const GkClassification kinds[] = { GK_CLASSIFICATION_FUNCTION, GK_CLASSIFICATION_ECONOMIC };
  JsonObject *object;

  if (!expect_object (r, node, &object) || !check_members (r, object, allowed))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GList) members = NULL;
      JsonObject *codes;
      gsize len;

      if (!json_object_has_member (object, allowed[k]))
        continue;
      len = push_member (r, allowed[k]);
      if (!expect_object (r, json_object_get_member (object, allowed[k]), &codes))
        return FALSE;
      members = json_object_get_members (codes);
      for (GList *l = members; l != NULL; l = l->next)
        {
          gsize clen = push_member (r, l->data);
          const char *name;

          if (gk_classification_level (kinds[k], l->data) == GK_LEVEL_NONE)
            return fail (r, kinds[k] == GK_CLASSIFICATION_FUNCTION
                              ? _("“%s” is not a function classification code (3, 5 or 7 digits)")
                              : _("“%s” is not an economic classification code (3 or 5 digits)"),
                         (const char *) l->data);
          if (!expect_string (r, json_object_get_member (codes, l->data), &name))
            return FALSE;
          if (name[0] == '\0')
            return fail (r, _("the name of code %s is empty"), (const char *) l->data);
          gk_document_set_code_name_internal (r->document, kinds[k], l->data, name);
          pop (r, clen);
        }
      pop (r, len);
    }
  return TRUE;
}

/* Reads {"general": "265.06", …}: only entered columns may appear. */
static gboolean
read_cells (Reader              *r,
            JsonObject          *object,
            const GkTableSchema *schema,
            const char * const  *other_members,
            GkRow               *row)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      int column;
      GkAmount amount;
      gsize len;

      if (other_members != NULL && g_strv_contains (other_members, name))
        continue;
      column = gk_table_schema_column_index (schema, name);
      len = push_member (r, name);
      if (column < 0)
        return fail (r, _("table %s has no column “%s”"), schema->id, name);
      if (gk_table_schema_get_column (schema, column)->rule != GK_COLUMN_ENTERED)
        return fail (r, _("column “%s” of table %s is computed, not entered; remove it from the file"),
                     name, schema->id);
      if (!expect_amount (r, json_object_get_member (object, name), &amount))
        return FALSE;
      row->values[column] = amount;
      row->set_mask |= G_GUINT64_CONSTANT (1) << column;
      pop (r, len);
    }
  return TRUE;
}

typedef struct
{
  GkRow   *row;
  guint    index;
  gboolean has_cells;   /* the file gave it figures */
} PendingRow;

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (((const PendingRow *) a)->row->code, ((const PendingRow *) b)->row->code);
}

static gboolean
read_rows (Reader   *r,
           GkTable  *table,
           JsonNode *node)
{
  static const char * const row_members[] = { "code", NULL };
  const GkTableSchema *schema = gk_table_get_schema (table);
  GkClassification kind = schema->kind == GK_TABLE_KIND_ECONOMIC
                            ? GK_CLASSIFICATION_ECONOMIC : GK_CLASSIFICATION_FUNCTION;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingRow));
  gboolean ok = TRUE;
  JsonArray *array;

  if (!expect_array (r, node, &array))
    return FALSE;

  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      gsize len = push_index (r, i);
      JsonObject *object;
      const char *code;
      const char *name;
      PendingRow p = { NULL, i, FALSE };

      ok = expect_object (r, json_array_get_element (array, i), &object);
      if (ok && !json_object_has_member (object, "code"))
        ok = fail (r, _("the row has no “code”"));
      if (ok)
        {
          gsize clen = push_member (r, "code");
          ok = expect_string (r, json_object_get_member (object, "code"), &code);
          if (ok && gk_classification_level (kind, code) == GK_LEVEL_NONE)
            ok = fail (r, kind == GK_CLASSIFICATION_FUNCTION
                            ? _("“%s” is not a function classification code (3, 5 or 7 digits)")
                            : _("“%s” is not an economic classification code (3 or 5 digits)"),
                       code);
          if (ok && g_hash_table_contains (seen, code))
            ok = fail (r, _("code %s appears twice in table %s; keep one row per code"), code, schema->id);
          if (ok && (name = gk_document_get_code_name (r->document, kind, code)) == NULL)
            ok = fail (r, _("code %s has no name; add it under $.names"), code);
          pop (r, clen);
        }
      if (ok)
        {
          GkLevel level = gk_classification_level (kind, code);

          p.row = gk_row_new (level == GK_LEVEL_CLASS ? GK_ROW_KIND_CLASS
                              : level == GK_LEVEL_SECTION ? GK_ROW_KIND_SECTION : GK_ROW_KIND_ITEM,
                              code, name, gk_table_schema_get_n_columns (schema));
          ok = read_cells (r, object, schema, row_members, p.row);
          p.has_cells = gk_row_has_figures (p.row);
          g_array_append_val (pending, p);
          g_hash_table_add (seen, p.row->code);
        }
      if (ok)
        pop (r, len);
    }

  /* Parents first, whatever order the file used. */
  g_array_sort (pending, compare_pending);
  for (guint i = 0; ok && i < pending->len; i++)
    {
      PendingRow *p = &g_array_index (pending, PendingRow, i);
      g_autofree char *parent = gk_classification_parent (kind, p->row->code);

      if (parent != NULL && !g_hash_table_contains (seen, parent))
        {
          gsize len = push_index (r, p->index);
          ok = fail (r, _("row %s has no parent row %s; add the row %s before it"),
                     p->row->code, parent, parent);
          pop (r, len);
          break;
        }
      gk_table_insert_row (table, p->row);
    }

  for (guint i = 0; ok && i < pending->len; i++)
    {
      PendingRow *p = &g_array_index (pending, PendingRow, i);

      if (!gk_row_is_leaf (p->row) && p->has_cells)
        {
          gsize len = push_index (r, p->index);
          ok = fail (r, _("row %s has rows under it, so its figures are their sums; "
                          "move its figures to the rows under it"), p->row->code);
          pop (r, len);
        }
    }

  for (guint i = 0; i < pending->len; i++)
    g_object_unref (g_array_index (pending, PendingRow, i).row);
  return ok;
}

static gboolean
read_table (Reader     *r,
            const char *id,
            JsonNode   *node)
{
  GkTable *table = gk_document_get_table (r->document, id);
  const GkTableSchema *schema;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (table == NULL)
    return fail (r, _("there is no table “%s”; the tables are t1 to t9"), id);
  schema = gk_table_get_schema (table);
  if (!expect_object (r, node, &object))
    return FALSE;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *member = json_object_get_member (object, name);
      gsize len = push_member (r, name);
      gboolean ok;

      if (g_str_equal (name, "note") || g_str_equal (name, "empty-explanation"))
        {
          const char *text;
          ok = expect_string (r, member, &text);
          if (ok)
            g_object_set (table, name, text, NULL);
        }
      else if (g_str_equal (name, "rows") &&
               (schema->kind == GK_TABLE_KIND_FUNCTION || schema->kind == GK_TABLE_KIND_ECONOMIC))
        ok = read_rows (r, table, member);
      else if (g_str_equal (name, "values") && schema->kind == GK_TABLE_KIND_SINGLE)
        {
          JsonObject *values;
          ok = expect_object (r, member, &values) &&
               read_cells (r, values, schema, NULL, gk_table_get_single_row (table));
        }
      else if (g_str_equal (name, "rows") && schema->kind == GK_TABLE_KIND_PROJECTS)
        ok = fail (r, _("the rows of table %s come from the projects; enter figures under $.projects"), id);
      else if (g_str_equal (name, "rows") || g_str_equal (name, "values"))
        ok = fail (r, _("table %s is derived from the other tables; it takes no figures"), id);
      else
        {
          pop (r, len);
          return unknown_member (r, name);
        }
      if (!ok)
        return FALSE;
      pop (r, len);
    }
  return TRUE;
}

static gboolean
read_tables (Reader   *r,
             JsonNode *node)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!expect_object (r, node, &object))
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gsize len = push_member (r, l->data);
      if (!read_table (r, l->data, json_object_get_member (object, l->data)))
        return FALSE;
      pop (r, len);
    }
  return TRUE;
}

static gboolean
read_indicators (Reader    *r,
                 GkProject *project,
                 JsonNode  *node)
{
  JsonArray *array;

  if (!expect_array (r, node, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len = push_index (r, i);
      g_autoptr(GkIndicator) indicator = gk_indicator_new (NULL, NULL, NULL, NULL);
      JsonObject *object;

      if (!expect_object (r, json_array_get_element (array, i), &object) ||
          !read_fields (r, object, indicator, NULL, NULL))
        return FALSE;
      g_list_store_append (G_LIST_STORE (gk_project_get_indicators (project)), indicator);
      pop (r, len);
    }
  return TRUE;
}

static gboolean
check_project_id (Reader      *r,
                  JsonNode    *node,
                  GHashTable  *ids,
                  const char **id)
{
  JsonObject *object;
  gsize len;

  if (!expect_object (r, node, &object))
    return FALSE;
  if (!json_object_has_member (object, "id"))
    return fail (r, _("the project has no “id”"));
  len = push_member (r, "id");
  if (!expect_string (r, json_object_get_member (object, "id"), id))
    return FALSE;
  if ((*id)[0] == '\0')
    return fail (r, _("a project id cannot be empty"));
  if (!g_hash_table_add (ids, (gpointer) *id))
    return fail (r, _("two projects have the id “%s”; give each its own"), *id);
  pop (r, len);
  return TRUE;
}

/* The project's id has been checked by check_project_id(). */
static gboolean
read_project (Reader     *r,
              JsonNode   *node,
              GPtrArray  *projects)
{
  static const char * const extra[] = { "id", "amounts", "indicators", NULL };
  const GkTableSchema *t7 = gk_table_get_schema (gk_document_get_table (r->document, "t7"));
  g_autoptr(GkProject) project = NULL;
  JsonObject *object = json_node_get_object (node);
  const char *code;
  gsize len;

  /* Every file Gongkai writes names it, "" while there is none yet: a file
   * without it was not written by Gongkai and is better refused than
   * guessed at. */
  if (!json_object_has_member (object, "function"))
    return fail (r, _("the project has no “function”; give the function 项 it is paid from, such as \"2010399\", or \"\" while it has none"));
  project = gk_project_new (json_object_get_string_member (object, "id"));
  if (!read_fields (r, object, project, extra, NULL))
    return FALSE;

  code = gk_project_get_function_code (project);
  if (code != NULL && code[0] != '\0')
    {
      len = push_member (r, "function");
      if (gk_classification_level (GK_CLASSIFICATION_FUNCTION, code) == GK_LEVEL_NONE)
        return fail (r, _("“%s” is not a function classification code; a project sits under a 7-digit 项 such as 2010399"), code);
      for (g_autofree char *c = g_strdup (code); c != NULL; )
        {
          char *parent;
          if (gk_document_get_code_name (r->document, GK_CLASSIFICATION_FUNCTION, c) == NULL)
            return fail (r, _("code %s has no name; add it under $.names"), c);
          parent = gk_classification_parent (GK_CLASSIFICATION_FUNCTION, c);
          g_free (c);
          c = parent;
        }
      pop (r, len);
    }

  if (json_object_has_member (object, "amounts"))
    {
      JsonObject *amounts;
      len = push_member (r, "amounts");
      if (!expect_object (r, json_object_get_member (object, "amounts"), &amounts) ||
          !read_cells (r, amounts, t7, NULL, gk_project_get_row (project)))
        return FALSE;
      pop (r, len);
    }
  if (json_object_has_member (object, "indicators"))
    {
      len = push_member (r, "indicators");
      if (!read_indicators (r, project, json_object_get_member (object, "indicators")))
        return FALSE;
      pop (r, len);
    }

  g_ptr_array_add (projects, g_steal_pointer (&project));
  return TRUE;
}

static gboolean
read_projects (Reader   *r,
               JsonNode *node)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!expect_array (r, node, &array))
    return FALSE;
  /* Ids first, in file order, so that a duplicate is reported where it
   * repeats an earlier one. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len = push_index (r, i);
      const char *id;

      if (!check_project_id (r, json_array_get_element (array, i), ids, &id))
        return FALSE;
      pop (r, len);
    }
  g_hash_table_remove_all (ids);

  /* Projects are most of a large file: each one's part of the parsed tree
   * is dropped once read, from the end so that nothing shifts, which keeps
   * the tree and the document from both being whole in memory. */
  for (guint i = json_array_get_length (array); i > 0; i--)
    {
      gsize len = push_index (r, i - 1);
      if (!read_project (r, json_array_get_element (array, i - 1), projects))
        return FALSE;
      pop (r, len);
      json_array_remove_element (array, i - 1);
    }
  for (guint i = projects->len; i > 0; i--)
    g_list_store_append (G_LIST_STORE (gk_document_get_projects (r->document)), projects->pdata[i - 1]);
  return TRUE;
}

/* The quantities whose last-year figure 情况说明 can quote. */
static gboolean
is_prior_key (GkDocument *document,
              const char *key)
{
  static const char * const fixed[] = {
    "expenditure.basic", "expenditure.project", "general.total",
    "sangong.total", "sangong.abroad", "sangong.vehicle-purchase",
    "sangong.vehicle-operation", "sangong.reception", "running-costs", NULL
  };

  if (g_strv_contains (fixed, key))
    return TRUE;
  if (g_str_has_prefix (key, "income."))
    {
      const GkTableSchema *t2 = gk_table_get_schema (gk_document_get_table (document, "t2"));
      int column = gk_table_schema_column_index (t2, key + strlen ("income."));
      return column >= 0 && gk_table_schema_get_column (t2, column)->rule == GK_COLUMN_ENTERED;
    }
  if (g_str_has_prefix (key, "function."))
    return gk_classification_level (GK_CLASSIFICATION_FUNCTION, key + strlen ("function.")) != GK_LEVEL_NONE;
  return FALSE;
}

static gboolean
read_priors (Reader   *r,
             JsonNode *node)
{
  static const char * const exclude[] = { "key", NULL };
  GkExplanation *explanation = gk_document_get_explanation (r->document);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!expect_object (r, node, &object))
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      gsize len = push_member (r, key);
      g_autoptr(GkPrior) prior = gk_prior_new (key);
      JsonObject *fields;
      const char *basis;

      if (!is_prior_key (r->document, key))
        return fail (r, _("“%s” is not a figure whose last-year value Gongkai compares "
                          "(for example income.general, expenditure.basic, function.2010301, sangong.reception)"),
                     key);
      if (!expect_object (r, json_object_get_member (object, key), &fields) ||
          !read_fields (r, fields, prior, NULL, exclude))
        return FALSE;
      basis = gk_prior_get_basis (prior);
      if (g_strcmp0 (basis, GK_PRIOR_BASIS_BUDGET) != 0 && g_strcmp0 (basis, GK_PRIOR_BASIS_ACTUAL) != 0)
        {
          push_member (r, "basis");
          return fail (r, _("“%s” is not a basis; use \"budget\" (上年预算数) or \"actual\" (上年执行数)"), basis);
        }
      gk_explanation_add_prior (explanation, prior);
      pop (r, len);
    }
  return TRUE;
}

/* Paragraphs of 情况说明 the officer rewrote: paragraph id → text. */
static gboolean
read_hand_written (Reader   *r,
                   JsonNode *node)
{
  GkExplanation *explanation = gk_document_get_explanation (r->document);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!expect_object (r, node, &object))
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gsize len = push_member (r, l->data);
      const char *text;

      if (!expect_string (r, json_object_get_member (object, l->data), &text))
        return FALSE;
      gk_explanation_set_hand_written (explanation, l->data, text);
      pop (r, len);
    }
  return TRUE;
}

static gboolean
read_explanation (Reader   *r,
                  JsonNode *node)
{
  static const char * const extra[] = { "prior-year", "hand-written", NULL };
  GkExplanation *explanation = gk_document_get_explanation (r->document);
  JsonObject *object;
  gsize len;

  if (!expect_object (r, node, &object) || !read_fields (r, object, explanation, extra, NULL))
    return FALSE;
  if (json_object_has_member (object, "hand-written"))
    {
      len = push_member (r, "hand-written");
      if (!read_hand_written (r, json_object_get_member (object, "hand-written")))
        return FALSE;
      pop (r, len);
    }
  if (!json_object_has_member (object, "prior-year"))
    return TRUE;
  len = push_member (r, "prior-year");
  if (!read_priors (r, json_object_get_member (object, "prior-year")))
    return FALSE;
  pop (r, len);
  return TRUE;
}

static gboolean
read_glossary (Reader   *r,
               JsonNode *node)
{
  JsonArray *array;

  if (!expect_array (r, node, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len = push_index (r, i);
      g_autoptr(GkGlossaryEntry) entry = gk_glossary_entry_new (NULL, NULL);
      JsonObject *object;

      if (!expect_object (r, json_array_get_element (array, i), &object) ||
          !read_fields (r, object, entry, NULL, NULL))
        return FALSE;
      g_list_store_append (G_LIST_STORE (gk_document_get_glossary (r->document)), entry);
      pop (r, len);
    }
  return TRUE;
}

static gboolean
read_header (Reader     *r,
             JsonObject *root)
{
  GkDocument *document = r->document;
  const char *text;
  gint64 number;
  gsize len;

  if (json_object_has_member (root, "unit"))
    {
      len = push_member (r, "unit");
      if (!expect_string (r, json_object_get_member (root, "unit"), &text))
        return FALSE;
      g_object_set (document, "unit", text, NULL);
      pop (r, len);
    }
  if (json_object_has_member (root, "year"))
    {
      len = push_member (r, "year");
      if (!expect_int (r, json_object_get_member (root, "year"), GK_FILE_YEAR_MIN, GK_FILE_YEAR_MAX, &number))
        return FALSE;
      g_object_set (document, "year", (guint) number, NULL);
      pop (r, len);
    }
  if (json_object_has_member (root, "money-unit"))
    {
      GkMoneyUnit unit;
      len = push_member (r, "money-unit");
      if (!expect_string (r, json_object_get_member (root, "money-unit"), &text))
        return FALSE;
      if (!gk_money_unit_from_string (text, &unit))
        return fail (r, _("“%s” is not a money unit; use \"万元\" or \"元\""), text);
      g_object_set (document, "money-unit", (guint) unit, NULL);
      pop (r, len);
    }
  if (json_object_has_member (root, "date"))
    {
      guint y, m, d;
      char tail;
      len = push_member (r, "date");
      if (!expect_string (r, json_object_get_member (root, "date"), &text))
        return FALSE;
      if (text[0] != '\0' &&
          (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
           !g_date_valid_dmy (d, m, y)))
        return fail (r, _("“%s” is not a date; write it as YYYY-MM-DD, such as 2020-02-03"), text);
      g_object_set (document, "date", text, NULL);
      pop (r, len);
    }
  return TRUE;
}

static void
set_too_large (GError **error)
{
  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
               _("The file is too large to be a disclosure (over 256 MB)"));
}

static GkDocument *load (const char  *data,
                         gssize       length,
                         char        *owned_data,
                         GError     **error);

GkDocument *
gk_document_load_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  return load (data, length, NULL, error);
}

/* `owned_data` (the same text, or NULL) is freed as soon as it is parsed:
 * a large file then does not stay in memory beside its tree. */
static GkDocument *
load (const char  *data,
      gssize       length,
      char        *owned_text,
      GError     **error)
{
  g_autofree char *owned_data = owned_text;
  static const char * const root_members[] = {
    "format", "version", "unit", "year", "money-unit", "date", "names", "overview",
    "tables", "projects", "explanation", "glossary", NULL
  };
  static const struct {
    const char *member;
    gboolean (*read) (Reader *r, JsonNode *node);
  } parts[] = {
    { "names", read_names },
    { "overview", read_overview },
    { "tables", read_tables },
    { "projects", read_projects },
    { "explanation", read_explanation },
    { "glossary", read_glossary },
  };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (PathSegment));
  Reader r = { path, error, NULL };
  JsonObject *root;
  JsonNode *node;
  const char *format = NULL;
  gint64 version;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if ((gsize) length > MAX_FILE_SIZE)
    {
      set_too_large (error);
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      const char *end;
      g_autofree char *offset = NULL;

      g_utf8_validate (data, length, &end);
      offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (end - data));
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("The file is not UTF-8 text (invalid byte at offset %s); it is not a Gongkai disclosure or it is damaged"),
                   offset);
      return NULL;
    }
  /* Also bounds the nesting: json-glib recurses once per level, so a
   * hostile file could otherwise exhaust the stack. */
  if (!gk_json_check_strict (data, length, MAX_DEPTH, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_autofree char *reason = ellipsize (local_error->message, MAX_MESSAGE_CHARS);
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("The file is not valid JSON: %s"), reason);
      return NULL;
    }

  g_clear_pointer (&owned_data, g_free);
  data = NULL;

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("$: the file is JSON but not a Gongkai disclosure (it should start with { \"format\": \"%s\" …)"),
                   GK_FILE_FORMAT_NAME);
      return NULL;
    }
  root = json_node_get_object (node);
  if (json_object_has_member (root, "format"))
    {
      JsonNode *f = json_object_get_member (root, "format");
      if (JSON_NODE_HOLDS_VALUE (f) && json_node_get_value_type (f) == G_TYPE_STRING)
        format = json_node_get_string (f);
    }
  if (g_strcmp0 (format, GK_FILE_FORMAT_NAME) != 0)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("$.format: the file is not a Gongkai disclosure (its format should be \"%s\")"),
                   GK_FILE_FORMAT_NAME);
      return NULL;
    }
  if (!json_object_has_member (root, "version"))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("$.version: the file does not say which format version it uses"));
      return NULL;
    }
  {
    gsize len = push_member (&r, "version");
    if (!expect_int (&r, json_object_get_member (root, "version"), 1, G_MAXINT, &version))
      return NULL;
    pop (&r, len);
  }
  if (version > GK_FILE_FORMAT_VERSION)
    {
      g_autofree char *written = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NEWER_VERSION,
                   _("The file was written by a newer version of Gongkai (format %s; this version reads up to %d). Update Gongkai to open it."),
                   written, GK_FILE_FORMAT_VERSION);
      return NULL;
    }

  if (!check_members (&r, root, root_members))
    return NULL;

  document = gk_document_new ();
  r.document = document;
  if (!read_header (&r, root))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gsize len;

      if (!json_object_has_member (root, parts[i].member))
        continue;
      len = push_member (&r, parts[i].member);
      if (!parts[i].read (&r, json_object_get_member (root, parts[i].member)))
        return NULL;
      pop (&r, len);
    }

  gk_document_derive_all (document);
  gk_document_history_clear (document);
  return g_steal_pointer (&document);
}

GkDocument *
gk_document_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  char *contents;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  contents = gk_document_read_contents (file, MAX_FILE_SIZE, cancellable, &length, error);
  if (contents == NULL)
    return NULL;
  return load (contents, length, contents, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (task_data);
  GkDocument *document = gk_document_load (task_data, cancellable, &error);

  /* What a killed save left beside the document goes when it is opened. */
  if (folder != NULL)
    gk_atomic_clean_folder (folder);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
gk_document_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gk_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

GkDocument *
gk_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
