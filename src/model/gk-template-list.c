/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-error.h"
#include "gk-template-private.h"

/* The columns of a list table (政府采购预算表 and its kin): text columns
 * ("type": "text", or "choice" with its "choices") first, as the published
 * tables print them, then the amount columns with the usual rules. */

static void
text_column_free (gpointer data)
{
  GkTextColumnSchema *c = data;

  g_free (c->id);
  g_free (c->title);
  g_strfreev (c->choices);
  g_free (c);
}

static gboolean
fail (GError    **error,
      const char *where,
      const char *column,
      const char *message)
{
  g_autofree char *place = g_strdup_printf ("%s, column “%s”", where, column);

  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
               _("Template %s: %s"), place, message);
  return FALSE;
}

static const char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
parse_choices (GkTextColumnSchema *c,
               JsonObject         *obj,
               const char         *where,
               GError            **error)
{
  JsonNode *node = json_object_get_member (obj, "choices");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) == 0)
    return fail (error, where, c->id, _("a choice column needs its “choices”, a list of texts"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          (text = json_node_get_string (element))[0] == '\0')
        return fail (error, where, c->id, _("each of its “choices” must be a text that is not empty"));
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (json_array_get_string_element (array, j), text) == 0)
          return fail (error, where, c->id, _("its “choices” list the same text twice"));
      g_strv_builder_add (builder, text);
    }
  c->choices = g_strv_builder_end (builder);
  return TRUE;
}

/* Fills t->texts from the text columns and returns the amount columns,
 * or NULL with @error set. */
JsonArray *
_gk_template_parse_list_columns (GkTableSchema *t,
                                 JsonArray     *columns,
                                 const char    *where,
                                 GError       **error)
{
  g_autoptr(JsonArray) amounts = json_array_new ();

  t->texts = g_ptr_array_new_with_free_func (text_column_free);
  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonNode *node = json_array_get_element (columns, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      JsonObject *obj;
      const char *type, *id, *title;
      GkTextColumnSchema *c;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          fail (error, where, number, _("each column must be an object"));
          return NULL;
        }
      obj = json_node_get_object (node);
      id = member_string (obj, "id");
      title = member_string (obj, "title");
      if (id == NULL || title == NULL)
        {
          fail (error, where, number, _("the column needs an “id” and a “title”"));
          return NULL;
        }
      if (json_object_has_member (obj, "type") && (type = member_string (obj, "type")) == NULL)
        {
          fail (error, where, id, _("“type” must be text, choice or amount"));
          return NULL;
        }
      type = member_string (obj, "type");
      if (type == NULL || g_str_equal (type, "amount"))
        {
          json_array_add_element (amounts, json_node_copy (node));
          continue;
        }
      if (!g_str_equal (type, "text") && !g_str_equal (type, "choice"))
        {
          fail (error, where, id, _("“type” must be text, choice or amount"));
          return NULL;
        }
      if (json_array_get_length (amounts) > 0)
        {
          fail (error, where, id, _("text columns come before the amount columns, as printed"));
          return NULL;
        }
      if (gk_table_schema_text_index (t, id) >= 0)
        {
          fail (error, where, id, _("two columns have this id"));
          return NULL;
        }
      if (json_object_has_member (obj, "sum") || json_object_has_member (obj, "share-of") ||
          json_object_has_member (obj, "source"))
        {
          fail (error, where, id, _("a text column holds no figures: it takes no “sum”, “share-of” or “source”"));
          return NULL;
        }
      c = g_new0 (GkTextColumnSchema, 1);
      c->id = g_strdup (id);
      c->title = g_strdup (title);
      g_ptr_array_add (t->texts, c);
      if (!g_str_equal (type, "choice") && json_object_has_member (obj, "choices"))
        {
          fail (error, where, c->id, _("only a choice column has “choices”; write “type”: “choice”"));
          return NULL;
        }
      if (g_str_equal (type, "choice") && !parse_choices (c, obj, where, error))
        return NULL;
    }
  if (t->texts->len == 0)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID, _("Template %s: %s"), where,
                   _("a list table needs a text column that names its rows"));
      return NULL;
    }
  return g_steal_pointer (&amounts);
}

/* The 部门整体绩效目标表's 年度主要任务 print the same columns in every
 * region's table, so the kind gives them rather than the template. */
JsonArray *
_gk_template_overall_columns (void)
{
  static JsonArray *columns;

  if (g_once_init_enter (&columns))
    {
      g_autoptr(JsonNode) node = json_from_string (
        "[{\"id\": \"name\", \"title\": \"任务名称\", \"type\": \"text\"},"
        " {\"id\": \"content\", \"title\": \"主要内容\", \"type\": \"text\"},"
        " {\"id\": \"total\", \"title\": \"总额\", \"group\": \"预算金额\", \"sum\": [\"fiscal\", \"other\"]},"
        " {\"id\": \"fiscal\", \"title\": \"财政拨款\", \"group\": \"预算金额\"},"
        " {\"id\": \"other\", \"title\": \"其他资金\", \"group\": \"预算金额\"}]", NULL);

      g_once_init_leave (&columns, json_array_ref (json_node_get_array (node)));
    }
  return columns;
}

gboolean
gk_table_schema_has_entries (const GkTableSchema *schema)
{
  return schema->kind == GK_TABLE_KIND_LIST || schema->kind == GK_TABLE_KIND_OVERALL_PERFORMANCE;
}

guint
gk_table_schema_get_n_texts (const GkTableSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->texts != NULL ? schema->texts->len : 0;
}

const GkTextColumnSchema *
gk_table_schema_get_text (const GkTableSchema *schema,
                          guint                index)
{
  g_return_val_if_fail (index < gk_table_schema_get_n_texts (schema), NULL);
  return g_ptr_array_index (schema->texts, index);
}

int
gk_table_schema_text_index (const GkTableSchema *schema,
                            const char          *text_id)
{
  for (guint i = 0; i < gk_table_schema_get_n_texts (schema); i++)
    if (g_strcmp0 (gk_table_schema_get_text (schema, i)->id, text_id) == 0)
      return i;
  return -1;
}
