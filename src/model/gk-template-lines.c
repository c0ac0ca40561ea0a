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
  if ((l->entered ? 1 : 0) + (l->source != NULL ? 1 : 0) + (json_object_has_member (obj, "sum") ? 1 : 0) +
      (json_object_has_member (obj, "cells") ? 1 : 0) > 1)
    return invalid (error, where, _("line “%s” must be either entered, taken from a “source”, a “sum” or its “cells”, not more than one"),
                    l->id);
  if (json_object_has_member (obj, "cells") && !l->expenditure)
    return invalid (error, where, _("line “%s”: only a line of the expenditure side has “cells”"), l->id);
  if (l->expenditure && l->source != NULL && t->columns->len > 1)
    return invalid (error, where, _("line “%s”: an expenditure line of several columns cannot take one “source”"), l->id);
  return TRUE;
}

/* "sum": ["grand-total", "-expenditure-total", "-distribution"]: lines
 * added, a leading minus taking one away (年末结转和结余 = 总计 − 本年支出
 * − 结余分配). In a line's "cells" an income line gives its one figure and
 * an expenditure line its figure in the cell's column. */
static gboolean
parse_line_sum (GkTableSchema *t,
                GkLineSchema  *l,
                JsonNode      *node,
                GHashTable    *ids,
                gboolean       in_cell,
                guint        **sums,
                guint         *n_sums,
                guint64       *subtract,
                const char    *where,
                GError       **error)
{
  JsonArray *names;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, where, _("line “%s”: “sum” must be a list of line ids"), l->id);
  names = json_node_get_array (node);
  if (json_array_get_length (names) == 0 || json_array_get_length (names) > 64)
    return invalid (error, where, _("line “%s”: “sum” must list from 1 to 64 lines"), l->id);
  *n_sums = json_array_get_length (names);
  *sums = g_new0 (guint, *n_sums);
  *subtract = 0;
  for (guint j = 0; j < *n_sums; j++)
    {
      JsonNode *element = json_array_get_element (names, j);
      const char *name;
      gpointer idx;
      GkLineSchema *other;

      if (!is_string_node (element))
        return invalid (error, where, _("line “%s”: “sum” must be a list of line ids"), l->id);
      name = json_node_get_string (element);
      if (name[0] == '-')
        {
          *subtract |= G_GUINT64_CONSTANT (1) << j;
          name++;
        }
      /* 总计 = 本年支出合计 + 结余分配 + 年末结转和结余 */
      if (g_str_equal (name, EXPENDITURE_TOTAL) && l->expenditure)
        {
          (*sums)[j] = GK_LINE_EXPENDITURE_TOTAL;
          continue;
        }
      if (!g_hash_table_lookup_extended (ids, name, NULL, &idx))
        return invalid (error, where, _("line “%s” sums “%s”, which is not a line of the table"),
                        l->id, json_node_get_string (element));
      (*sums)[j] = GPOINTER_TO_UINT (idx);
      other = t->lines->pdata[(*sums)[j]];
      if (other->expenditure && !l->expenditure)
        return invalid (error, where, _("line “%s” sums “%s”, a line of the expenditure side"), l->id, name);
      /* Which column would an income line's one figure go to? */
      if (!other->expenditure && l->expenditure && !in_cell && t->columns->len > 1)
        return invalid (error, where, _("line “%s” of several columns sums “%s”, a line of the income side: "
                                        "sum it in the line's “cells”"), l->id, name);
    }
  return TRUE;
}

/* "cells": {"general": {"sum": ["opening-general", "general",
 * "-expenditure-total"]}, "fund": {"source": "final-fund:closing"}}: the
 * columns of an expenditure line that have rules of their own; a column
 * that sums others (合计) adds them, the others are blank. */
static gboolean
parse_cells (GkTableSchema *t,
             GkLineSchema  *l,
             JsonNode      *node,
             GHashTable    *ids,
             const char    *where,
             GError       **error)
{
  g_autoptr(GList) members = NULL;
  JsonObject *cells;
  guint k = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node) || json_object_get_size (cells = json_node_get_object (node)) == 0)
    return invalid (error, where, _("line “%s”: “cells” must name columns, each with a “source” or a “sum”"), l->id);
  members = json_object_get_members (cells);
  l->n_cells = json_object_get_size (cells);
  l->cells = g_new0 (GkLineCell, l->n_cells);
  for (GList *m = members; m != NULL; m = m->next, k++)
    {
      GkLineCell *cell = &l->cells[k];
      JsonNode *rule = json_object_get_member (cells, m->data);
      JsonObject *obj;
      int column = gk_table_schema_column_index (t, m->data);

      if (column < 0 || gk_table_schema_get_column (t, column)->rule == GK_COLUMN_SUM)
        return invalid (error, where, _("line “%s”: “cells” names “%s”, which is not a column of the table "
                                        "that takes a figure"), l->id, (const char *) m->data);
      cell->column = column;
      obj = JSON_NODE_HOLDS_OBJECT (rule) ? json_node_get_object (rule) : NULL;
      if (obj == NULL || json_object_has_member (obj, "source") == json_object_has_member (obj, "sum"))
        return invalid (error, where, _("line “%s”, cell “%s”: give a “source” or a “sum”"), l->id,
                        (const char *) m->data);
      if (json_object_has_member (obj, "source"))
        {
          if (!is_string_node (json_object_get_member (obj, "source")))
            return invalid (error, where, _("line “%s”, cell “%s”: “source” must be text"), l->id,
                            (const char *) m->data);
          cell->source = g_strdup (json_object_get_string_member (obj, "source"));
        }
      else if (!parse_line_sum (t, l, json_object_get_member (obj, "sum"), ids, TRUE, &cell->sums, &cell->n_sums,
                                &cell->subtract, where, error))
        return FALSE;
    }
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

      if (json_object_has_member (obj, "sum") &&
          !parse_line_sum (t, l, json_object_get_member (obj, "sum"), ids, FALSE, &l->sums, &l->n_sums,
                           &l->subtract, where, error))
        return FALSE;
      if (json_object_has_member (obj, "cells") &&
          !parse_cells (t, l, json_object_get_member (obj, "cells"), ids, where, error))
        return FALSE;
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
          for (guint c = 0; ready && c < l->n_cells; c++)
            for (guint j = 0; ready && j < l->cells[c].n_sums; j++)
              ready = l->cells[c].sums[j] == GK_LINE_EXPENDITURE_TOTAL || done[l->cells[c].sums[j]];
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

static const GkLineSchema *
find_line (const GkTableSchema *t,
           const char          *id)
{
  for (guint i = 0; t->lines != NULL && i < t->lines->len; i++)
    if (g_str_equal (((GkLineSchema *) t->lines->pdata[i])->id, id))
      return t->lines->pdata[i];
  return NULL;
}

/* "role:column" names a column of another table, whose total is taken;
 * for a line, "role:line" names an income line of another summary
 * (财政拨款收入支出决算总表 takes 一般公共预算财政拨款收入 from 收入支出决算总表,
 * where it is entered). Every name must resolve. */
static gboolean
check_source (GkTemplate          *self,
              const GkTableSchema *t,
              const char          *source,
              gboolean             line,
              const char          *where,
              GError             **error)
{
  g_auto(GStrv) parts = g_strsplit (source, ":", 2);
  const GkTableSchema *from;
  const GkLineSchema *l;

  if (g_strv_length (parts) != 2)
    return invalid (error, where, _("source “%s” must be written role:column or role:line"), source);
  from = gk_template_lookup (self, parts[0]);
  if (from == NULL)
    return invalid (error, where, _("source “%s” names a table the template does not have"), source);
  if (!gk_table_schema_is_summary (from))
    {
      if (gk_table_schema_column_index (from, parts[1]) < 0)
        return invalid (error, where, _("source “%s” names a column table “%s” does not have"), source, parts[0]);
      return TRUE;
    }
  /* A summary's columns are derived in an order fixed by the entered
   * tables only; its lines may read the lines of another summary. */
  if (!line)
    return invalid (error, where, _("source “%s” names a summary table; a summary's column reads entered tables only"),
                    source);
  if (from == t)
    return invalid (error, where, _("source “%s” names a line of the same table: use a “sum”"), source);
  l = find_line (from, parts[1]);
  if (l == NULL || l->expenditure)
    return invalid (error, where, _("source “%s” names a line table “%s” does not have on its income side"),
                    source, parts[0]);
  return TRUE;
}

/* Whether summary @t reads the lines of summary @from, directly or
 * through others; @depth bounds the walk of a template in a circle. */
static gboolean
reads_summary (GkTemplate          *self,
               const GkTableSchema *t,
               const GkTableSchema *from,
               guint                depth)
{
  if (depth > self->tables->len)
    return TRUE;
  for (guint i = 0; t->lines != NULL && i < t->lines->len; i++)
    {
      const GkLineSchema *l = t->lines->pdata[i];

      for (guint c = 0; c <= l->n_cells; c++)
        {
          const char *source = c == 0 ? l->source : l->cells[c - 1].source;
          g_auto(GStrv) parts = NULL;
          const GkTableSchema *other;

          if (source == NULL)
            continue;
          parts = g_strsplit (source, ":", 2);
          other = gk_template_lookup (self, parts[0]);
          if (other == NULL || !gk_table_schema_is_summary (other))
            continue;
          if (other == from || reads_summary (self, other, from, depth + 1))
            return TRUE;
        }
    }
  return FALSE;
}

/* Summary columns and lines read other tables by role: "income:general".
 * A source naming a role the template does not have is an error; one
 * naming a column or line that table does not have, too, and summaries
 * that read each other's lines in a circle. */
gboolean
_gk_template_check_sources (GkTemplate  *self,
                            GError     **error)
{
  for (guint i = 0; i < self->tables->len; i++)
    {
      GkTableSchema *t = self->tables->pdata[i];
      g_autofree char *where = g_strdup_printf ("“%s”, table “%s”", self->id, t->id);

      for (guint k = 0; k < t->columns->len; k++)
        {
          const char *source = ((GkColumnSchema *) t->columns->pdata[k])->source;

          if (source != NULL && !check_source (self, t, source, FALSE, where, error))
            return FALSE;
        }
      for (guint k = 0; t->lines != NULL && k < t->lines->len; k++)
        {
          const GkLineSchema *l = t->lines->pdata[k];
          g_autofree char *line_where = g_strdup_printf ("%s, line “%s”", where, l->id);

          for (guint c = 0; c <= l->n_cells; c++)
            {
              const char *source = c == 0 ? l->source : l->cells[c - 1].source;

              if (source != NULL && !check_source (self, t, source, TRUE, line_where, error))
                return FALSE;
            }
        }
      if (gk_table_schema_is_summary (t) && reads_summary (self, t, t, 0))
        return invalid (error, where, _("its lines read summaries that read its own lines, in a circle"));
    }
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
