/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-document-error.h"
#include "gk-template.h"

struct _GkTemplate
{
  GPtrArray *tables;   /* GkTableSchema */
};

static void
column_schema_free (gpointer data)
{
  GkColumnSchema *c = data;

  g_free (c->id);
  g_free (c->title);
  g_free (c->group);
  g_free (c->sources);
  g_strfreev (c->classes);
  g_free (c->source);
  g_free (c);
}

static void
line_schema_free (gpointer data)
{
  GkLineSchema *l = data;

  g_free (l->id);
  g_free (l->title);
  g_free (l->source);
  g_free (l->sums);
  g_free (l);
}

static void
table_schema_free (gpointer data)
{
  GkTableSchema *t = data;

  g_free (t->id);
  g_free (t->number);
  g_free (t->title);
  g_free (t->heading);
  g_ptr_array_unref (t->columns);
  g_free (t->derive_order);
  g_clear_pointer (&t->lines, g_ptr_array_unref);
  g_free (t->line_order);
  g_strfreev (t->classes);
  g_free (t->expenditure_total);
  g_free (t);
}

static char *
dup_member (JsonObject *obj,
            const char *name)
{
  if (!json_object_has_member (obj, name))
    return NULL;
  return g_strdup (json_object_get_string_member (obj, name));
}

static char **
dup_strv_member (JsonObject *obj,
                 const char *name)
{
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (!json_object_has_member (obj, name))
    return NULL;
  array = json_object_get_array_member (obj, name);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  return g_strv_builder_end (builder);
}

static gboolean
parse_kind (const char  *text,
            GkTableKind *kind)
{
  static const struct { const char *name; GkTableKind kind; } kinds[] = {
    { "function", GK_TABLE_KIND_FUNCTION },
    { "economic", GK_TABLE_KIND_ECONOMIC },
    { "projects", GK_TABLE_KIND_PROJECTS },
    { "single", GK_TABLE_KIND_SINGLE },
    { "income-expenditure", GK_TABLE_KIND_INCOME_EXPENDITURE },
    { "fiscal", GK_TABLE_KIND_FISCAL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i].name) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* Resolves "sum" / "share-of" names to column indexes and orders the derived
 * columns so that each is computed after the columns it reads. */
static gboolean
resolve_columns (GkTableSchema *t,
                 GHashTable    *ids,
                 JsonArray     *array,
                 GError       **error)
{
  g_autofree guint8 *state = g_new0 (guint8, t->columns->len);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean progress = TRUE;

  for (guint i = 0; i < t->columns->len; i++)
    {
      GkColumnSchema *c = g_ptr_array_index (t->columns, i);
      JsonObject *obj = json_array_get_object_element (array, i);
      g_autoptr(GArray) sources = g_array_new (FALSE, FALSE, sizeof (guint));

      if (json_object_has_member (obj, "sum"))
        {
          JsonArray *names = json_object_get_array_member (obj, "sum");

          c->rule = GK_COLUMN_SUM;
          for (guint j = 0; j < json_array_get_length (names); j++)
            {
              const char *name = json_array_get_string_element (names, j);
              gpointer idx;

              if (!g_hash_table_lookup_extended (ids, name, NULL, &idx))
                {
                  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                               "template: %s.%s sums unknown column “%s”", t->id, c->id, name);
                  return FALSE;
                }
              {
                guint v = GPOINTER_TO_UINT (idx);
                g_array_append_val (sources, v);
              }
            }
        }
      else if (json_object_has_member (obj, "share-of"))
        {
          gpointer idx;
          const char *name = json_object_get_string_member (obj, "share-of");

          if (!g_hash_table_lookup_extended (ids, name, NULL, &idx))
            {
              g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           "template: %s.%s shares unknown column “%s”", t->id, c->id, name);
              return FALSE;
            }
          c->rule = GK_COLUMN_SHARE_OF;
          c->classes = dup_strv_member (obj, "classes");
          c->except = json_object_get_boolean_member_with_default (obj, "except", FALSE);
          {
                guint v = GPOINTER_TO_UINT (idx);
                g_array_append_val (sources, v);
              }
        }
      else if (json_object_has_member (obj, "source"))
        {
          c->rule = GK_COLUMN_SOURCE;
          c->source = dup_member (obj, "source");
        }
      else
        c->rule = GK_COLUMN_ENTERED;

      c->n_sources = sources->len;
      c->sources = (guint *) g_array_free (g_steal_pointer (&sources), FALSE);
    }

  /* Kahn-style ordering: a derived column is ready when all its sources are. */
  for (guint i = 0; i < t->columns->len; i++)
    {
      GkColumnSchema *c = g_ptr_array_index (t->columns, i);
      if (c->rule == GK_COLUMN_ENTERED || c->rule == GK_COLUMN_SOURCE)
        state[i] = 1;
    }
  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < t->columns->len; i++)
        {
          GkColumnSchema *c = g_ptr_array_index (t->columns, i);
          gboolean ready = TRUE;

          if (state[i])
            continue;
          for (guint j = 0; j < c->n_sources; j++)
            ready &= state[c->sources[j]] != 0;
          if (ready)
            {
              state[i] = 1;
              g_array_append_val (order, i);
              progress = TRUE;
            }
        }
    }
  for (guint i = 0; i < t->columns->len; i++)
    if (!state[i])
      {
        GkColumnSchema *c = g_ptr_array_index (t->columns, i);
        g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                     "template: %s.%s depends on itself", t->id, c->id);
        return FALSE;
      }

  t->n_derived = order->len;
  t->derive_order = (guint *) g_array_free (g_steal_pointer (&order), FALSE);
  return TRUE;
}

/* Lines are printed in file order but may sum lines printed below them
 * (财政拨款 = 一般公共预算 + 政府性基金): order their evaluation. */
static gboolean
parse_lines (GkTableSchema *t,
             JsonArray     *array,
             GError       **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *done = NULL;
  gboolean progress = TRUE;
  guint n = json_array_get_length (array);

  t->lines = g_ptr_array_new_with_free_func (line_schema_free);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      GkLineSchema *l = g_new0 (GkLineSchema, 1);

      l->id = dup_member (obj, "id");
      l->title = dup_member (obj, "title");
      l->source = dup_member (obj, "source");
      g_ptr_array_add (t->lines, l);
      g_hash_table_insert (ids, l->id, GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      GkLineSchema *l = g_ptr_array_index (t->lines, i);
      JsonArray *names;

      if (!json_object_has_member (obj, "sum"))
        continue;
      names = json_object_get_array_member (obj, "sum");
      l->n_sums = json_array_get_length (names);
      l->sums = g_new0 (guint, l->n_sums);
      for (guint j = 0; j < l->n_sums; j++)
        {
          const char *name = json_array_get_string_element (names, j);
          gpointer idx;

          if (!g_hash_table_lookup_extended (ids, name, NULL, &idx))
            {
              g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           "template: %s line %s sums unknown line “%s”", t->id, l->id, name);
              return FALSE;
            }
          l->sums[j] = GPOINTER_TO_UINT (idx);
        }
    }

  done = g_new0 (gboolean, n);
  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < n; i++)
        {
          GkLineSchema *l = g_ptr_array_index (t->lines, i);
          gboolean ready = !done[i];

          for (guint j = 0; ready && j < l->n_sums; j++)
            ready = done[l->sums[j]];
          if (ready)
            {
              done[i] = TRUE;
              g_array_append_val (order, i);
              progress = TRUE;
            }
        }
    }
  if (order->len != n)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   "template: %s lines sum each other in a circle", t->id);
      return FALSE;
    }
  t->line_order = (guint *) g_array_free (g_steal_pointer (&order), FALSE);
  return TRUE;
}

GkTemplate *
gk_template_new_from_data (const char  *json,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GkTemplate) self = NULL;
  JsonObject *root;
  JsonArray *tables;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  self = g_new0 (GkTemplate, 1);
  self->tables = g_ptr_array_new_with_free_func (table_schema_free);

  root = json_node_get_object (json_parser_get_root (parser));
  tables = json_object_get_array_member (root, "tables");
  for (guint i = 0; i < json_array_get_length (tables); i++)
    {
      JsonObject *obj = json_array_get_object_element (tables, i);
      JsonArray *columns = json_object_get_array_member (obj, "columns");
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
      GkTableSchema *t = g_new0 (GkTableSchema, 1);

      g_ptr_array_add (self->tables, t);
      t->id = dup_member (obj, "id");
      t->number = dup_member (obj, "number");
      t->title = dup_member (obj, "title");
      t->heading = dup_member (obj, "heading");
      t->landscape = g_strcmp0 (json_object_get_string_member_with_default (obj, "orientation", "portrait"),
                                "landscape") == 0;
      t->classes = dup_strv_member (obj, "classes");
      t->expenditure_total = dup_member (obj, "expenditure-total");
      if (!parse_kind (json_object_get_string_member (obj, "kind"), &t->kind))
        {
          g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                       "template: table %s has an unknown kind", t->id);
          return NULL;
        }

      t->columns = g_ptr_array_new_with_free_func (column_schema_free);
      for (guint j = 0; j < json_array_get_length (columns); j++)
        {
          JsonObject *cobj = json_array_get_object_element (columns, j);
          GkColumnSchema *c = g_new0 (GkColumnSchema, 1);

          c->id = dup_member (cobj, "id");
          c->title = dup_member (cobj, "title");
          c->group = dup_member (cobj, "group");
          g_ptr_array_add (t->columns, c);
          g_hash_table_insert (ids, c->id, GUINT_TO_POINTER (j));
        }
      /* Cell masks are 64 bits wide. */
      if (t->columns->len == 0 || t->columns->len > 64)
        {
          g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                       "template: table %s must have between 1 and 64 columns", t->id);
          return NULL;
        }
      if (!resolve_columns (t, ids, columns, error))
        return NULL;
      if (json_object_has_member (obj, "lines") &&
          !parse_lines (t, json_object_get_array_member (obj, "lines"), error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

GkTemplate *
gk_template_get_default (void)
{
  static GkTemplate *template;

  if (g_once_init_enter (&template))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      GkTemplate *t;

      bytes = g_resources_lookup_data ("/io/github/gongkai/Gongkai/core/template.json", 0, &error);
      if (bytes == NULL)
        g_error ("The disclosure template is missing from the resources: %s", error->message);
      t = gk_template_new_from_data (g_bytes_get_data (bytes, NULL), &error);
      if (t == NULL)
        g_error ("The bundled disclosure template is broken: %s", error->message);
      g_once_init_leave (&template, t);
    }
  return template;
}

void
gk_template_free (GkTemplate *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->tables);
  g_free (self);
}

guint
gk_template_get_n_tables (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->tables->len;
}

const GkTableSchema *
gk_template_get_table (GkTemplate *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);
  return g_ptr_array_index (self->tables, index);
}

const GkTableSchema *
gk_template_lookup (GkTemplate *self,
                    const char *table_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->tables->len; i++)
    {
      const GkTableSchema *t = g_ptr_array_index (self->tables, i);
      if (g_strcmp0 (t->id, table_id) == 0)
        return t;
    }
  return NULL;
}

int
gk_table_schema_column_index (const GkTableSchema *schema,
                              const char          *column_id)
{
  g_return_val_if_fail (schema != NULL, -1);

  for (guint i = 0; i < schema->columns->len; i++)
    {
      const GkColumnSchema *c = g_ptr_array_index (schema->columns, i);
      if (g_strcmp0 (c->id, column_id) == 0)
        return i;
    }
  return -1;
}

const GkColumnSchema *
gk_table_schema_get_column (const GkTableSchema *schema,
                            guint                index)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (index < schema->columns->len, NULL);
  return g_ptr_array_index (schema->columns, index);
}

guint
gk_table_schema_get_n_columns (const GkTableSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->columns->len;
}

gboolean
gk_table_schema_is_summary (const GkTableSchema *schema)
{
  return schema->kind == GK_TABLE_KIND_INCOME_EXPENDITURE ||
         schema->kind == GK_TABLE_KIND_FISCAL;
}

gboolean
gk_table_schema_has_tree (const GkTableSchema *schema)
{
  return schema->kind == GK_TABLE_KIND_FUNCTION ||
         schema->kind == GK_TABLE_KIND_ECONOMIC ||
         schema->kind == GK_TABLE_KIND_PROJECTS;
}

/* "表二" — the label the document prints before the title. */
char *
gk_table_schema_dup_label (const GkTableSchema *schema)
{
  return g_strconcat ("表", schema->number, NULL);
}
