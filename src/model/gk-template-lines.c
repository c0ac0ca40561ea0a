/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-error.h"
#include "gk-template-private.h"

/* The lines of a summary table (收支总表, 决算's 收入支出决算总表) and the
 * column sums that may take a column away (年末 = 年初 + 收入 − 支出). */

#define EXPENDITURE_TOTAL "expenditure-total"

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
is_string_node (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_string_array (JsonObject *obj,
                 const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_string_node (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

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
  if (!is_string_node (json_object_get_member (obj, name)))
    return invalid (error, where, _("“%s” must be text"), name);
  *out = g_strdup (json_object_get_string_member (obj, name));
  return TRUE;
}

/* "sum": ["opening", "income", "-total"]: the columns added, a leading
 * minus taking one away. */
gboolean
_gk_template_parse_sum (GkColumnSchema *c,
                        JsonObject     *obj,
                        GHashTable     *ids,
                        GArray         *sources,
                        const char     *where,
                        GError        **error)
{
  JsonArray *names;

  if (!is_string_array (obj, "sum") || json_array_get_length (json_object_get_array_member (obj, "sum")) == 0)
    return invalid (error, where, _("“sum” must be a list of column ids"));
  names = json_object_get_array_member (obj, "sum");
  if (json_array_get_length (names) > 64)
    return invalid (error, where, _("“sum” may add at most 64 columns"));
  c->rule = GK_COLUMN_SUM;
  c->subtract = 0;
  for (guint j = 0; j < json_array_get_length (names); j++)
    {
      const char *name = json_array_get_string_element (names, j);
      gboolean minus = name[0] == '-';
      gpointer idx;
      guint v;

      if (minus)
        name++;
      if (name[0] == '\0' || !g_hash_table_lookup_extended (ids, name, NULL, &idx))
        return invalid (error, where, _("it sums “%s”, which is not a column of the table"),
                        json_array_get_string_element (names, j));
      v = GPOINTER_TO_UINT (idx);
      if (minus)
        c->subtract |= G_GUINT64_CONSTANT (1) << j;
      g_array_append_val (sources, v);
    }
  return TRUE;
}

static gboolean
parse_line (GkTableSchema *t,
            GkLineSchema  *l,
            JsonObject    *obj,
            guint          index,
            const char    *where,
            GError       **error)
{
  g_autofree char *side = NULL;
  JsonNode *entered;

  if (!dup_string (obj, "id", where, &l->id, error) ||
      !dup_string (obj, "title", where, &l->title, error) ||
      !dup_string (obj, "source", where, &l->source, error) ||
      !dup_string (obj, "side", where, &side, error))
    return FALSE;
  if (l->id == NULL || l->title == NULL)
    return invalid (error, where, _("line %u needs an “id” and a “title”"), index + 1);
  /* The expenditure side's lines are the function 类 codes and the
   * expenditure total: no other line may take their ids. */
  if (g_str_equal (l->id, EXPENDITURE_TOTAL) || (l->id[0] != '\0' && strspn (l->id, "0123456789") == strlen (l->id)))
    return invalid (error, where, _("the line id “%s” is kept for the expenditure side; choose another"), l->id);
  if (side != NULL && !g_str_equal (side, "income") && !g_str_equal (side, "expenditure"))
    return invalid (error, where, _("line “%s”: “side” must be income or expenditure"), l->id);
  l->expenditure = g_strcmp0 (side, "expenditure") == 0;
  entered = json_object_get_member (obj, "entered");
  if (entered != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (entered) || json_node_get_value_type (entered) != G_TYPE_BOOLEAN)
        return invalid (error, where, _("line “%s”: “entered” must be true or false"), l->id);
      l->entered = json_node_get_boolean (entered);
    }
  if ((l->entered ? 1 : 0) + (l->source != NULL ? 1 : 0) + (json_object_has_member (obj, "sum") ? 1 : 0) > 1)
    return invalid (error, where, _("line “%s” must be either entered, taken from a “source” or a “sum”, not more than one"),
                    l->id);
  if (l->expenditure && l->source != NULL && t->columns->len > 1)
    return invalid (error, where, _("line “%s”: an expenditure line of several columns cannot take one “source”"), l->id);
  return TRUE;
}

/* Lines are printed in file order but may sum lines printed below them
 * (财政拨款 = 一般公共预算 + 政府性基金): order their evaluation. */
gboolean
_gk_template_parse_lines (GkTableSchema *t,
                          JsonArray     *array,
                          GDestroyNotify free_line,
                          const char    *where,
                          GError       **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gboolean *done = NULL;
  gboolean progress = TRUE;
  guint n = json_array_get_length (array);

  t->lines = g_ptr_array_new_with_free_func (free_line);
  for (guint i = 0; i < n; i++)
    {
      GkLineSchema *l;

      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
        return invalid (error, where, _("line %u must be an object"), i + 1);
      l = g_new0 (GkLineSchema, 1);
      g_ptr_array_add (t->lines, l);
      if (!parse_line (t, l, json_array_get_object_element (array, i), i, where, error))
        return FALSE;
      if (!g_hash_table_insert (ids, l->id, GUINT_TO_POINTER (i)))
        return invalid (error, where, _("two lines have the id “%s”"), l->id);
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);
      GkLineSchema *l = g_ptr_array_index (t->lines, i);
      JsonArray *names;

      if (!json_object_has_member (obj, "sum"))
        continue;
      if (!is_string_array (obj, "sum"))
        return invalid (error, where, _("line “%s”: “sum” must be a list of line ids"), l->id);
      names = json_object_get_array_member (obj, "sum");
      l->n_sums = json_array_get_length (names);
      l->sums = g_new0 (guint, l->n_sums);
      for (guint j = 0; j < l->n_sums; j++)
        {
          const char *name = json_array_get_string_element (names, j);
          gpointer idx;

          /* 总计 = 本年支出合计 + 结余分配 + 年末结转和结余 */
          if (g_str_equal (name, EXPENDITURE_TOTAL) && l->expenditure)
            {
              l->sums[j] = GK_LINE_EXPENDITURE_TOTAL;
              continue;
            }
          if (!g_hash_table_lookup_extended (ids, name, NULL, &idx))
            return invalid (error, where, _("line “%s” sums “%s”, which is not a line of the table"), l->id, name);
          l->sums[j] = GPOINTER_TO_UINT (idx);
          if (((GkLineSchema *) t->lines->pdata[l->sums[j]])->expenditure && !l->expenditure)
            return invalid (error, where, _("line “%s” sums “%s”, a line of the expenditure side"), l->id, name);
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
            ready = l->sums[j] == GK_LINE_EXPENDITURE_TOTAL || done[l->sums[j]];
          if (ready)
            {
              done[i] = TRUE;
              g_array_append_val (order, i);
              progress = TRUE;
            }
        }
    }
  if (order->len != n)
    return invalid (error, where, _("its lines sum each other in a circle"));
  t->line_order = (guint *) g_array_free (g_steal_pointer (&order), FALSE);
  return TRUE;
}

/* The lines of @schema on one side, in printed order. */
GPtrArray *
gk_table_schema_dup_lines (const GkTableSchema *schema,
                           gboolean             expenditure)
{
  GPtrArray *lines = g_ptr_array_new ();

  for (guint i = 0; schema->lines != NULL && i < schema->lines->len; i++)
    {
      GkLineSchema *l = g_ptr_array_index (schema->lines, i);
      if (l->expenditure == expenditure)
        g_ptr_array_add (lines, l);
    }
  return lines;
}

/* "glossary": [{"term": …, "definition": …}]: the 名词解释 a new document of
 * the template starts with (决算 explains 年初结转和结余, 经营支出 …) in place
 * of the budget's six entries. */
gboolean
_gk_template_parse_glossary (GkTemplate  *self,
                             JsonObject  *root,
                             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "glossary");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, self->id, _("“glossary” must be a list of entries with “term” and “definition”"));
  array = json_node_get_array (node);
  self->glossary = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !is_string_node (json_object_get_member (entry = json_node_get_object (element), "term")) ||
          !is_string_node (json_object_get_member (entry, "definition")) ||
          json_object_get_string_member (entry, "term")[0] == '\0')
        return invalid (error, self->id, _("glossary entry %u needs a “term” and a “definition”"), i + 1);
      g_ptr_array_add (self->glossary, g_strdup (json_object_get_string_member (entry, "term")));
      g_ptr_array_add (self->glossary, g_strdup (json_object_get_string_member (entry, "definition")));
    }
  return TRUE;
}

/* The template's 名词解释 as term, definition pairs, or NULL for the
 * standard entries. */
GPtrArray *
gk_template_get_glossary (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->glossary;
}
