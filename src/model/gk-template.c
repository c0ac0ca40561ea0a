/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-document-error.h"
#include "gk-template-private.h"


static void
column_schema_free (gpointer data)
{
  GkColumnSchema *c = data;

  g_free (c->id);
  g_free (c->title);
  g_strfreev (c->groups);
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
  for (guint i = 0; i < l->n_cells; i++)
    {
      g_free (l->cells[i].source);
      g_free (l->cells[i].sums);
    }
  g_free (l->cells);
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
  g_clear_pointer (&t->columns, g_ptr_array_unref);
  g_free (t->derive_order);
  g_clear_pointer (&t->lines, g_ptr_array_unref);
  g_free (t->line_order);
  g_strfreev (t->classes);
  g_free (t->expenditure_total);
  g_clear_pointer (&t->texts, g_ptr_array_unref);
  g_free (t->note);
  g_free (t);
}

/* A template may come from the user's folder: every member is checked
 * before it is read, and a wrong one is named with where it is. */
static gboolean
invalid (GError    **error,
         const char *where,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError    **error,
         const char *where,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
               _("Template %s: %s"), where, message);
  return FALSE;
}

static gboolean
is_string (JsonObject *obj,
           const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_array (JsonObject *obj,
          const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node);
}

static gboolean
is_object_element (JsonArray *array,
                   guint      index)
{
  return JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, index));
}

static gboolean
is_string_element (JsonArray *array,
                   guint      index)
{
  JsonNode *node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* An optional true/false member: FALSE with a message when it is there
 * but something else ("true" as text is not true). */
static gboolean
get_boolean (JsonObject  *obj,
             const char  *name,
             const char  *where,
             gboolean    *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (obj, name);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return invalid (error, where, _("“%s” must be true or false"), name);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
is_string_array (JsonObject *obj,
                 const char *name)
{
  JsonArray *array;

  if (!is_array (obj, name))
    return FALSE;
  array = json_object_get_array_member (obj, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_string_element (array, i))
      return FALSE;
  return TRUE;
}

/* Reads an optional string member; FALSE if it is there but not a string. */
static gboolean
dup_string (JsonObject  *obj,
            const char  *name,
            const char  *where,
            char       **out,
            GError     **error)
{
  *out = NULL;
  if (!json_object_has_member (obj, name))
    return TRUE;
  if (!is_string (obj, name))
    return invalid (error, where, _("“%s” must be text"), name);
  *out = g_strdup (json_object_get_string_member (obj, name));
  return TRUE;
}

static gboolean
dup_strv (JsonObject  *obj,
          const char  *name,
          const char  *where,
          char      ***out,
          GError     **error)
{
  JsonArray *array;
  g_autoptr(GStrvBuilder) builder = NULL;

  *out = NULL;
  if (!json_object_has_member (obj, name))
    return TRUE;
  if (!is_string_array (obj, name))
    return invalid (error, where, _("“%s” must be a list of texts"), name);
  array = json_object_get_array_member (obj, name);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_strv_builder_add (builder, json_array_get_string_element (array, i));
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* An optional "unit": 元 or 万元, the unit a table (or 情况说明) states money
 * in when it is not the document's. */
static gboolean
parse_unit (JsonObject  *obj,
            const char  *name,
            const char  *where,
            gboolean    *has_unit,
            GkMoneyUnit *unit,
            GError     **error)
{
  g_autofree char *text = NULL;

  if (!dup_string (obj, name, where, &text, error))
    return FALSE;
  *has_unit = text != NULL;
  if (text != NULL && !gk_money_unit_from_string (text, unit))
    return invalid (error, where, _("“%s” must be 元 or 万元"), name);
  return TRUE;
}

/* Resolves "sum" / "share-of" names to column indexes and orders the derived
 * columns so that each is computed after the columns it reads. */
static gboolean
resolve_columns (GkTableSchema *t,
                 GHashTable    *ids,
                 JsonArray     *array,
                 const char    *where,
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
      g_autofree char *column_where = g_strdup_printf ("%s, column “%s”", where, c->id);

      if (json_object_has_member (obj, "sum"))
        {
          if (!_gk_template_parse_sum (c, obj, ids, sources, column_where, error))
            return FALSE;
        }
      else if (json_object_has_member (obj, "share-of"))
        {
          gpointer idx;
          const char *name;
          guint v;

          if (!is_string (obj, "share-of"))
            return invalid (error, column_where, _("“share-of” must be a column id"));
          name = json_object_get_string_member (obj, "share-of");
          if (!g_hash_table_lookup_extended (ids, name, NULL, &idx))
            return invalid (error, column_where, _("it shares “%s”, which is not a column of the table"), name);
          c->rule = GK_COLUMN_SHARE_OF;
          if (!dup_strv (obj, "classes", column_where, &c->classes, error))
            return FALSE;
          if (!get_boolean (obj, "except", column_where, &c->except, error))
            return FALSE;
          v = GPOINTER_TO_UINT (idx);
          g_array_append_val (sources, v);
        }
      else if (json_object_has_member (obj, "source"))
        {
          /* Only a summary takes its columns from other tables; anywhere
           * else the column could be neither entered nor derived. */
          if (!gk_table_schema_is_summary (t))
            return invalid (error, column_where, _("only a summary table takes a column from another table (“source”)"));
          c->rule = GK_COLUMN_SOURCE;
          if (!dup_string (obj, "source", column_where, &c->source, error))
            return FALSE;
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
        return invalid (error, where, _("column “%s” depends on itself"), c->id);
      }

  t->n_derived = order->len;
  t->derive_order = (guint *) g_array_free (g_steal_pointer (&order), FALSE);
  return TRUE;
}

static const char * const chinese_digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

/* 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三; from 100 on, figures. */
char *
gk_chinese_number (guint n)
{
  if (n < 10)
    return g_strdup (chinese_digits[n]);
  if (n >= 100)
    return g_strdup_printf ("%u", n);
  return g_strconcat (n >= 20 ? chinese_digits[n / 10] : "", "十", chinese_digits[n % 10], NULL);
}

static char *
table_number (GkNumbering numbering,
              guint       position)
{
  switch (numbering)
    {
    case GK_NUMBERING_CHINESE:
      return gk_chinese_number (position + 1);
    case GK_NUMBERING_ARABIC:
      return g_strdup_printf ("%u", position + 1);
    case GK_NUMBERING_NONE:
    default:
      return g_strdup ("");
    }
}

void
gk_template_free_internal (GkTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_free (self->region);
  g_free (self->description);
  g_clear_pointer (&self->definition, json_object_unref);
  g_free (self->text);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->glossary, g_ptr_array_unref);
  _gk_template_free_outline (self);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkTemplate, gk_template_free_internal)

static gboolean
parse_table (GkTemplate  *self,
             JsonArray   *tables,
             guint        index,
             GError     **error)
{
  g_autofree char *where = g_strdup_printf ("“%s”, table %u", self->id, index + 1);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonArray) amounts = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *orientation = NULL;
  JsonObject *obj;
  JsonArray *columns;
  GkTableSchema *t;

  if (!is_object_element (tables, index))
    return invalid (error, where, _("each table must be an object"));
  obj = json_array_get_object_element (tables, index);
  t = g_new0 (GkTableSchema, 1);
  g_ptr_array_add (self->tables, t);
  t->position = index;
  t->template = self;
  t->number = table_number (self->numbering, index);
  if (!dup_string (obj, "role", where, &t->id, error) ||
      !dup_string (obj, "title", where, &t->title, error) ||
      !dup_string (obj, "heading", where, &t->heading, error) ||
      !dup_string (obj, "note", where, &t->note, error) ||
      !dup_string (obj, "expenditure-total", where, &t->expenditure_total, error) ||
      !dup_string (obj, "kind", where, &kind, error) ||
      !dup_string (obj, "orientation", where, &orientation, error) ||
      !dup_strv (obj, "classes", where, &t->classes, error))
    return FALSE;
  if (t->id == NULL || t->id[0] == '\0')
    return invalid (error, where, _("the table has no “role”"));
  g_free (where);
  where = g_strdup_printf ("“%s”, table “%s”", self->id, t->id);
  if (t->title == NULL || t->title[0] == '\0')
    return invalid (error, where, _("the table has no “title”"));
  for (guint i = 0; i < index; i++)
    if (g_str_equal (((GkTableSchema *) self->tables->pdata[i])->id, t->id))
      return invalid (error, where, _("two tables have this role; give each table its own"));
  if (!_gk_template_parse_kind (kind, &t->kind))
    return invalid (error, where,
                    _("“kind” must be one of function, economic, projects, single, income-expenditure, fiscal, "
                      "project-performance, list, overall-performance"));
  if (orientation != NULL && !g_str_equal (orientation, "portrait") && !g_str_equal (orientation, "landscape"))
    return invalid (error, where, _("“orientation” must be portrait or landscape"));
  {
    GkTableKind required;

    if (_gk_template_role_kind (t->id, &required) && t->kind != required)
      return invalid (error, where, _("a table of this role must be of the kind “%s”"),
                      _gk_template_kind_name (required));
  }
  t->landscape = g_strcmp0 (orientation, "landscape") == 0;
  if (!get_boolean (obj, "optional", where, &t->optional, error) ||
      !get_boolean (obj, "side-by-side", where, &t->paired, error) ||
      !get_boolean (obj, "every-row", where, &t->every_row, error))
    return FALSE;
  if (t->paired && t->kind != GK_TABLE_KIND_ECONOMIC)
    return invalid (error, where, _("only an economic table is printed “side-by-side”"));
  if (!parse_unit (obj, "unit", where, &t->has_unit, &t->unit, error))
    return FALSE;
  if (t->kind == GK_TABLE_KIND_INCOME_EXPENDITURE || t->kind == GK_TABLE_KIND_FISCAL)
    {
      if (!is_array (obj, "lines"))
        return invalid (error, where, _("a summary table needs its “lines”"));
      if (t->expenditure_total == NULL)
        return invalid (error, where, _("a summary table needs its “expenditure-total” title"));
    }

  if (!is_array (obj, "columns"))
    return invalid (error, where, _("the table has no “columns” list"));
  columns = json_object_get_array_member (obj, "columns");
  /* A list table's text columns go apart: the amount columns keep the
   * rules (and the indexes) of every other table. */
  if (t->kind == GK_TABLE_KIND_OVERALL_PERFORMANCE)
    {
      if (json_array_get_length (columns) != 0)
        return invalid (error, where, _("an overall-performance table has columns of its own: write “columns”: []"));
      columns = _gk_template_overall_columns ();
    }
  if (t->kind == GK_TABLE_KIND_LIST || t->kind == GK_TABLE_KIND_OVERALL_PERFORMANCE)
    {
      amounts = _gk_template_parse_list_columns (t, columns, where, error);
      if (amounts == NULL)
        return FALSE;
      columns = amounts;
    }
  t->columns = g_ptr_array_new_with_free_func (column_schema_free);
  /* Cell masks are 64 bits wide. The 绩效目标表 prints the projects'
   * goals and indicators, not figures of its own. */
  if (t->kind == GK_TABLE_KIND_PROJECT_PERFORMANCE)
    {
      if (json_array_get_length (columns) != 0)
        return invalid (error, where, _("a project-performance table has no columns: write “columns”: []"));
    }
  else if (json_array_get_length (columns) == 0 || json_array_get_length (columns) > 64)
    return invalid (error, where, _("a table must have between 1 and 64 columns"));
  for (guint j = 0; j < json_array_get_length (columns); j++)
    {
      JsonObject *cobj;
      GkColumnSchema *c;
      const char *message;

      if (!is_object_element (columns, j))
        return invalid (error, where, _("column %u must be an object"), j + 1);
      cobj = json_array_get_object_element (columns, j);
      c = g_new0 (GkColumnSchema, 1);
      g_ptr_array_add (t->columns, c);
      if (!dup_string (cobj, "id", where, &c->id, error) ||
          !dup_string (cobj, "title", where, &c->title, error))
        return FALSE;
      if ((message = _gk_template_parse_groups (cobj, &c->groups)) != NULL)
        return invalid (error, where, "%s", message);
      if (c->id == NULL || c->title == NULL)
        return invalid (error, where, _("column %u needs an “id” and a “title”"), j + 1);
      /* A row of a file names its code beside its figures. */
      if (g_str_equal (c->id, "code"))
        return invalid (error, where, _("the column id “code” is kept for the rows' codes; choose another"));
      if (!g_hash_table_insert (ids, c->id, GUINT_TO_POINTER (j)) ||
          (t->texts != NULL && gk_table_schema_text_index (t, c->id) >= 0))
        return invalid (error, where, _("two columns have the id “%s”"), c->id);
    }
  if (!resolve_columns (t, ids, columns, where, error))
    return FALSE;
  if (json_object_has_member (obj, "lines"))
    {
      if (!gk_table_schema_is_summary (t))
        return invalid (error, where, _("only a summary table has “lines”"));
      if (!_gk_template_parse_lines (t, json_object_get_array_member (obj, "lines"), line_schema_free, where, error))
        return FALSE;
    }
  return TRUE;
}

/* "parts": the four parts of the document in printed order (预算编制说明
 * before the tables in 上海 and 湖南); the usual order when absent. */
static gboolean
parse_parts (GkTemplate  *self,
             JsonObject  *root,
             GError     **error)
{
  static const char * const names[GK_N_PARTS] = { "overview", "tables", "explanation", "glossary" };
  JsonArray *array;
  guint seen = 0;

  for (guint i = 0; i < GK_N_PARTS; i++)
    self->parts[i] = (GkPart) i;
  if (!json_object_has_member (root, "parts"))
    return TRUE;
  if (!is_string_array (root, "parts") ||
      json_array_get_length (array = json_object_get_array_member (root, "parts")) != GK_N_PARTS)
    return invalid (error, self->id, _("“parts” must list overview, tables, explanation and glossary, each once"));
  for (guint i = 0; i < GK_N_PARTS; i++)
    {
      const char *name = json_array_get_string_element (array, i);
      guint part = GK_N_PARTS;

      for (guint k = 0; k < GK_N_PARTS; k++)
        if (g_str_equal (name, names[k]))
          part = k;
      if (part == GK_N_PARTS || (seen & (1u << part)) != 0)
        return invalid (error, self->id, _("“parts” must list overview, tables, explanation and glossary, each once"));
      seen |= 1u << part;
      self->parts[i] = (GkPart) part;
    }
  return TRUE;
}

/* The part printed @index-th (from 0). */
GkPart
gk_template_get_part (GkTemplate *self,
                      guint       index)
{
  g_return_val_if_fail (self != NULL, GK_PART_OVERVIEW);
  g_return_val_if_fail (index < GK_N_PARTS, GK_PART_OVERVIEW);
  return self->parts[index];
}

GkTemplate *
gk_template_parse_definition (JsonObject  *root,
                  GError     **error)
{
  g_autoptr(GkTemplate) self = g_new0 (GkTemplate, 1);
  g_autofree char *numbering = NULL;
  g_autofree char *disclosure = NULL;
  JsonNode *version;
  JsonArray *tables;

  self->tables = g_ptr_array_new_with_free_func (table_schema_free);
  if (!dup_string (root, "id", "", &self->id, error))
    return NULL;
  if (self->id == NULL || self->id[0] == '\0')
    {
      invalid (error, "", _("the template has no “id”"));
      return NULL;
    }
  if (!dup_string (root, "title", self->id, &self->title, error) ||
      !dup_string (root, "region", self->id, &self->region, error) ||
      !dup_string (root, "description", self->id, &self->description, error) ||
      !dup_string (root, "numbering", self->id, &numbering, error) ||
      !dup_string (root, "disclosure", self->id, &disclosure, error))
    return NULL;
  /* 部门预算公开 in spring, 部门决算公开 of the year before in summer. */
  if (disclosure != NULL && !g_str_equal (disclosure, "budget") && !g_str_equal (disclosure, "final"))
    {
      invalid (error, self->id, _("“disclosure” must be budget or final"));
      return NULL;
    }
  self->final = g_strcmp0 (disclosure, "final") == 0;
  if (self->title == NULL)
    self->title = g_strdup (self->id);
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1 || json_node_get_int (version) > G_MAXINT)
    {
      invalid (error, self->id, _("“version” must be a whole number from 1"));
      return NULL;
    }
  self->version = json_node_get_int (version);
  if (numbering == NULL || g_str_equal (numbering, "chinese"))
    self->numbering = GK_NUMBERING_CHINESE;
  else if (g_str_equal (numbering, "arabic"))
    self->numbering = GK_NUMBERING_ARABIC;
  else if (g_str_equal (numbering, "none"))
    self->numbering = GK_NUMBERING_NONE;
  else
    {
      invalid (error, self->id, _("“numbering” must be chinese, arabic or none"));
      return NULL;
    }

  if (!parse_unit (root, "text-unit", self->id, &self->has_text_unit, &self->text_unit, error))
    return NULL;
  if (!parse_parts (self, root, error))
    return NULL;
  if (!is_array (root, "tables") || json_array_get_length (json_object_get_array_member (root, "tables")) == 0)
    {
      invalid (error, self->id, _("the template has no “tables” list"));
      return NULL;
    }
  tables = json_object_get_array_member (root, "tables");
  /* Numbered 一 … 九十九. */
  if (json_array_get_length (tables) > 99)
    {
      invalid (error, self->id, _("a template has at most 99 tables"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (tables); i++)
    if (!parse_table (self, tables, i, error))
      return NULL;
  if (!_gk_template_check_sources (self, error))
    return NULL;
  if (!_gk_template_parse_outline (self, root, error) ||
      !_gk_template_parse_glossary (self, root, error))
    return NULL;
  self->definition = json_object_ref (root);
  return g_steal_pointer (&self);
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

/* "表二" (or "表2") — what a message calls the table; its title when the
 * template does not number its tables. */
char *
gk_table_schema_dup_label (const GkTableSchema *schema)
{
  if (schema->number[0] == '\0')
    return g_strdup (schema->title);
  return g_strconcat ("表", schema->number, NULL);
}

/* "表二 部门收入总体情况表", or the title alone when tables are not numbered. */
char *
gk_table_schema_dup_name (const GkTableSchema *schema)
{
  if (schema->number[0] == '\0')
    return g_strdup (schema->title);
  return g_strconcat ("表", schema->number, " ", schema->title, NULL);
}

/* The heading the document prints: "二、部门收入总体情况表", "2 部门收入总表", or the title. */
char *
gk_table_schema_dup_heading (const GkTableSchema *schema)
{
  switch (gk_template_get_numbering (schema->template))
    {
    case GK_NUMBERING_CHINESE:
      return g_strconcat (schema->number, "、", schema->title, NULL);
    case GK_NUMBERING_ARABIC:
      return g_strconcat (schema->number, " ", schema->title, NULL);
    case GK_NUMBERING_NONE:
    default:
      return g_strdup (schema->title);
    }
}

/* Whether the template is a 部门决算公开 (final accounts) rather than a budget. */
gboolean
gk_template_is_final (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->final;
}

/* The unit the table shows, prints and accepts its figures in: its own when
 * the template gives it one, else the document's. */
GkMoneyUnit
gk_table_schema_get_unit (const GkTableSchema *schema,
                          GkMoneyUnit          document_unit)
{
  g_return_val_if_fail (schema != NULL, document_unit);
  return schema->has_unit ? schema->unit : document_unit;
}

/* The unit 情况说明 states money in: the template's "text-unit", else the
 * document's. */
GkMoneyUnit
gk_template_get_text_unit (GkTemplate  *self,
                           GkMoneyUnit  document_unit)
{
  g_return_val_if_fail (self != NULL, document_unit);
  return self->has_text_unit ? self->text_unit : document_unit;
}
