/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "gk-document-private.h"
#include "gk-document-reader-private.h"
#include "gk-explanation-private.h"
#include "gk-fields.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"

/* Reading the tables: each row's entered cells, rows in any order with
 * their parents, and what the file may not hold (derived figures). */

/* Reads {"general": "265.06", …}: only entered columns may appear. */
gboolean
_gk_reader_read_cells (Reader              *r,
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
      len = _gk_reader_push_member (r, name);
      if (column < 0)
        return _gk_reader_fail (r, _("table %s has no column “%s”"), schema->id, name);
      if (gk_table_schema_get_column (schema, column)->rule != GK_COLUMN_ENTERED)
        return _gk_reader_fail (r, _("column “%s” of table %s is computed, not entered; remove it from the file"),
                     name, schema->id);
      if (!_gk_reader_expect_amount (r, json_object_get_member (object, name), &amount))
        return FALSE;
      row->values[column] = amount;
      row->set_mask |= G_GUINT64_CONSTANT (1) << column;
      _gk_reader_pop (r, len);
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

/* "follows": false marks a row of 一般公共预算支出表 that keeps figures of
 * its own instead of following 支出总表; only a 项 there can carry it. */
static gboolean
read_follows (Reader              *r,
              JsonObject          *object,
              const GkTableSchema *schema,
              GkRow               *row)
{
  JsonNode *node = json_object_get_member (object, "follows");
  gsize len;

  if (node == NULL)
    return TRUE;
  len = _gk_reader_push_member (r, "follows");
  if (g_strcmp0 (schema->id, "general-expenditure") != 0)
    return _gk_reader_fail (r, _("only the rows of 一般公共预算支出表 follow 支出总表; remove “follows” here"));
  if (gk_row_get_kind (row) != GK_ROW_KIND_ITEM)
    return _gk_reader_fail (r, _("only a 项 (7 digits) follows 支出总表; remove “follows” from row %s"),
                            gk_row_get_code (row));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _gk_reader_fail (r, _("“follows” must be true or false"));
  gk_row_set_overridden (row, !json_node_get_boolean (node));
  _gk_reader_pop (r, len);
  return TRUE;
}

static gboolean
read_rows (Reader   *r,
           GkTable  *table,
           JsonNode *node)
{
  static const char * const row_members[] = { "code", "follows", NULL };
  const GkTableSchema *schema = gk_table_get_schema (table);
  GkClassification kind = schema->kind == GK_TABLE_KIND_ECONOMIC
                            ? GK_CLASSIFICATION_ECONOMIC : GK_CLASSIFICATION_FUNCTION;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingRow));
  gboolean ok = TRUE;
  JsonArray *array;

  if (!_gk_reader_expect_array (r, node, &array))
    return FALSE;

  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      gsize len = _gk_reader_push_index (r, i);
      JsonObject *object;
      const char *code;
      const char *name;
      PendingRow p = { NULL, i, FALSE };

      ok = _gk_reader_expect_object (r, json_array_get_element (array, i), &object);
      if (ok && !json_object_has_member (object, "code"))
        ok = _gk_reader_fail (r, _("the row has no “code”"));
      if (ok)
        {
          gsize clen = _gk_reader_push_member (r, "code");
          ok = _gk_reader_expect_string (r, json_object_get_member (object, "code"), &code);
          if (ok && gk_classification_level (kind, code) == GK_LEVEL_NONE)
            ok = _gk_reader_fail (r, kind == GK_CLASSIFICATION_FUNCTION
                            ? _("“%s” is not a function classification code (3, 5 or 7 digits)")
                            : _("“%s” is not an economic classification code (3 or 5 digits)"),
                       code);
          if (ok && g_hash_table_contains (seen, code))
            ok = _gk_reader_fail (r, _("code %s appears twice in table %s; keep one row per code"), code, schema->id);
          if (ok && (name = gk_document_get_code_name (r->document, kind, code)) == NULL)
            ok = _gk_reader_fail (r, _("code %s has no name; add it under $.names"), code);
          _gk_reader_pop (r, clen);
        }
      if (ok)
        {
          GkLevel level = gk_classification_level (kind, code);

          p.row = gk_row_new (level == GK_LEVEL_CLASS ? GK_ROW_KIND_CLASS
                              : level == GK_LEVEL_SECTION ? GK_ROW_KIND_SECTION : GK_ROW_KIND_ITEM,
                              code, name, gk_table_schema_get_n_columns (schema));
          ok = _gk_reader_read_cells (r, object, schema, row_members, p.row) &&
               read_follows (r, object, schema, p.row);
          p.has_cells = gk_row_has_figures (p.row);
          g_array_append_val (pending, p);
          g_hash_table_add (seen, p.row->code);
        }
      if (ok)
        _gk_reader_pop (r, len);
    }

  /* Parents first, whatever order the file used. */
  g_array_sort (pending, compare_pending);
  for (guint i = 0; ok && i < pending->len; i++)
    {
      PendingRow *p = &g_array_index (pending, PendingRow, i);
      g_autofree char *parent = gk_classification_parent (kind, p->row->code);

      if (parent != NULL && !g_hash_table_contains (seen, parent))
        {
          gsize len = _gk_reader_push_index (r, p->index);
          ok = _gk_reader_fail (r, _("row %s has no parent row %s; add the row %s before it"),
                     p->row->code, parent, parent);
          _gk_reader_pop (r, len);
          break;
        }
      gk_table_insert_row (table, p->row);
    }

  for (guint i = 0; ok && i < pending->len; i++)
    {
      PendingRow *p = &g_array_index (pending, PendingRow, i);

      if (!gk_row_is_leaf (p->row) && p->has_cells)
        {
          gsize len = _gk_reader_push_index (r, p->index);
          ok = _gk_reader_fail (r, _("row %s has rows under it, so its figures are their sums; "
                          "move its figures to the rows under it"), p->row->code);
          _gk_reader_pop (r, len);
        }
    }

  for (guint i = 0; i < pending->len; i++)
    g_object_unref (g_array_index (pending, PendingRow, i).row);
  return ok;
}

/* A list table's rows, in the file's order: {"item": "…", "category":
 * "货物", "general": "12.00"}. Text members are texts (a choice column's one
 * of its choices); the others are entered amount columns. */
static gboolean
read_list_rows (Reader   *r,
                GkTable  *table,
                JsonNode *node)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  guint n_texts = gk_table_schema_get_n_texts (schema);
  g_autofree const char **text_ids = g_new0 (const char *, n_texts + 1);
  JsonArray *array;

  for (guint t = 0; t < n_texts; t++)
    text_ids[t] = gk_table_schema_get_text (schema, t)->id;
  if (!_gk_reader_expect_array (r, node, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len = _gk_reader_push_index (r, i);
      g_autoptr(GkRow) row = NULL;
      JsonObject *object;

      if (!_gk_reader_expect_object (r, json_array_get_element (array, i), &object))
        return FALSE;
      row = gk_list_row_new (schema);
      for (guint t = 0; t < n_texts; t++)
        {
          JsonNode *member = json_object_get_member (object, text_ids[t]);
          g_autoptr(GError) error = NULL;
          const char *text;
          gsize tlen;

          if (member == NULL)
            continue;
          tlen = _gk_reader_push_member (r, text_ids[t]);
          if (!_gk_reader_expect_string (r, member, &text))
            return FALSE;
          if (!gk_table_schema_check_text (schema, t, text, &error))
            return _gk_reader_fail (r, "%s", error->message);
          g_object_set (gk_list_row_get_text_item (row, t), "text", text[0] != '\0' ? text : NULL, NULL);
          _gk_reader_pop (r, tlen);
        }
      if (!_gk_reader_read_cells (r, object, schema, (const char * const *) text_ids, row))
        return FALSE;
      gk_table_insert_entry (table, row, G_MAXUINT);
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

static const char *version_1_role (const char *key);
/* A line of the stated figures: one the table can have. */
static gboolean
is_stated_line (const GkTableSchema *schema,
                const char          *line)
{
  if (g_str_equal (line, "total"))
    return schema->kind != GK_TABLE_KIND_SINGLE;
  if (g_str_equal (line, "values"))
    return schema->kind == GK_TABLE_KIND_SINGLE;
  if (g_ascii_isdigit (line[0]))
    {
      gsize n = strspn (line, "0123456789");
      /* A summary's expenditure lines are the 类 of the tables it sums. */
      return line[n] == '\0' && (n == 3 || n == 5 || n == 7) &&
             (schema->kind == GK_TABLE_KIND_FUNCTION || schema->kind == GK_TABLE_KIND_ECONOMIC ||
              schema->kind == GK_TABLE_KIND_PROJECTS || gk_table_schema_is_summary (schema));
    }
  if (gk_table_schema_is_summary (schema) && g_str_equal (line, "expenditure-total"))
    return TRUE;
  for (guint i = 0; schema->lines != NULL && i < schema->lines->len; i++)
    if (g_str_equal (((GkLineSchema *) schema->lines->pdata[i])->id, line))
      return TRUE;
  return FALSE;
}

/* "stated": {"201": {"basic": "284.08"}, "total": {…}}: the figures a
 * published disclosure printed for derived cells. */
static gboolean
read_stated (Reader   *r,
             GkTable  *table,
             JsonNode *node)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  g_autoptr(GList) lines = NULL;
  JsonObject *object;

  if (!_gk_reader_expect_object (r, node, &object))
    return FALSE;
  lines = json_object_get_members (object);
  for (GList *l = lines; l != NULL; l = l->next)
    {
      const char *line = l->data;
      gsize len = _gk_reader_push_member (r, line);
      g_autoptr(GList) columns = NULL;
      JsonObject *cells;

      if (!is_stated_line (schema, line))
        return _gk_reader_fail (r, _("table %s has no line “%s” for a printed figure"), schema->id, line);
      if (!_gk_reader_expect_object (r, json_object_get_member (object, line), &cells))
        return FALSE;
      columns = json_object_get_members (cells);
      for (GList *c = columns; c != NULL; c = c->next)
        {
          const char *column = c->data;
          gsize clen = _gk_reader_push_member (r, column);
          GkAmount amount;

          if (gk_table_schema_column_index (schema, column) < 0)
            return _gk_reader_fail (r, _("table %s has no column “%s”"), schema->id, column);
          if (!_gk_reader_expect_amount (r, json_object_get_member (cells, column), &amount))
            return FALSE;
          gk_table_set_stated (table, line, column, amount);
          _gk_reader_pop (r, clen);
        }
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

/* "lines": {"opening": {"amount": "12.00"}, "distribution": {"amount": "3.00"}}:
 * the figures of a summary's entered lines (决算's 年初结转和结余). A
 * figure of a line the template derives was typed when it was entered (年末
 * by source) or is one the user kept: it is read as typed, and the
 * document drops it once read if it is the derived figure. */
static gboolean
read_lines (Reader   *r,
            GkTable  *table,
            JsonNode *node)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  g_autoptr(GList) lines = NULL;
  JsonObject *object;

  if (!_gk_reader_expect_object (r, node, &object))
    return FALSE;
  lines = json_object_get_members (object);
  for (GList *l = lines; l != NULL; l = l->next)
    {
      const char *id = l->data;
      gsize len = _gk_reader_push_member (r, id);
      const GkLineSchema *line = NULL;
      g_autoptr(GList) columns = NULL;
      JsonObject *cells;

      for (guint i = 0; i < schema->lines->len; i++)
        if (g_str_equal (((GkLineSchema *) schema->lines->pdata[i])->id, id))
          line = schema->lines->pdata[i];
      if (line == NULL)
        return _gk_reader_fail (r, _("table %s has no line “%s”"), schema->id, id);
      if (!_gk_reader_expect_object (r, json_object_get_member (object, id), &cells))
        return FALSE;
      columns = json_object_get_members (cells);
      for (GList *c = columns; c != NULL; c = c->next)
        {
          const char *column = c->data;
          gsize clen = _gk_reader_push_member (r, column);
          int index = gk_table_schema_column_index (schema, column);
          GkAmount amount;

          /* An income line has one figure; an expenditure line one in
           * each column that is not a sum of the others. */
          if (index < 0 || (!line->expenditure && index != 0) ||
              (line->expenditure && gk_table_schema_get_column (schema, index)->rule == GK_COLUMN_SUM))
            return _gk_reader_fail (r, _("line “%s” of table %s takes no figure in column “%s”"), id, schema->id, column);
          if (!_gk_reader_expect_amount (r, json_object_get_member (cells, column), &amount))
            return FALSE;
          gk_table_set_line_figure (table, id, column, amount, TRUE);
          _gk_reader_pop (r, clen);
        }
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

/* Format version 1 named the seed's nine tables by position. */
const char *
_gk_reader_table_role (Reader     *r,
                       const char *key)
{
  return r->version == 1 ? version_1_role (key) : key;
}

static const char *
version_1_role (const char *key)
{
  static const char * const roles[] = {
    "income-summary", "income", "expenditure", "fiscal-summary", "general-expenditure",
    "basic-expenditure", "project-expenditure", "sangong", "fund-expenditure",
  };

  if (key[0] == 't' && key[1] >= '1' && key[1] <= '9' && key[2] == '\0')
    return roles[key[1] - '1'];
  return NULL;
}

static gboolean
read_table (Reader     *r,
            const char *key,
            JsonNode   *node)
{
  const char *id = _gk_reader_table_role (r, key);
  GkTable *table = id != NULL ? gk_document_get_table (r->document, id) : NULL;
  const GkTableSchema *schema;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (table == NULL)
    {
      GkTemplate *template = gk_document_get_template (r->document);
      g_autofree char *roles = gk_template_dup_table_roles (template);
      return _gk_reader_fail (r, _("the template “%s” has no table “%s”; its tables are %s"),
                              gk_template_get_title (template), key, roles);
    }
  schema = gk_table_get_schema (table);
  if (!_gk_reader_expect_object (r, node, &object))
    return FALSE;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *member = json_object_get_member (object, name);
      gsize len = _gk_reader_push_member (r, name);
      gboolean ok;

      if (g_str_equal (name, "note") || g_str_equal (name, "empty-explanation"))
        {
          const char *text;
          ok = _gk_reader_expect_string (r, member, &text);
          if (ok)
            g_object_set (table, name, text, NULL);
        }
      else if (g_str_equal (name, "stated") && r->version >= 2)
        ok = read_stated (r, table, member);
      else if (g_str_equal (name, "lines") && r->version >= 2 && gk_table_schema_is_summary (schema))
        ok = read_lines (r, table, member);
      else if (g_str_equal (name, "rows") &&
               (schema->kind == GK_TABLE_KIND_FUNCTION || schema->kind == GK_TABLE_KIND_ECONOMIC))
        ok = read_rows (r, table, member);
      else if (g_str_equal (name, "values") && schema->kind == GK_TABLE_KIND_SINGLE)
        {
          JsonObject *values;
          ok = _gk_reader_expect_object (r, member, &values) &&
               _gk_reader_read_cells (r, values, schema, NULL, gk_table_get_single_row (table));
        }
      else if (g_str_equal (name, "rows") && schema->kind == GK_TABLE_KIND_LIST)
        ok = read_list_rows (r, table, member);
      else if (g_str_equal (name, "tasks") && gk_table_is_overall_performance (table))
        ok = read_list_rows (r, table, member);
      else if (g_str_equal (name, "goal") && gk_table_is_overall_performance (table))
        {
          const char *text;
          ok = _gk_reader_expect_string (r, member, &text);
          if (ok)
            g_object_set (gk_table_get_goal_item (table), "text", text[0] != '\0' ? text : NULL, NULL);
        }
      else if (g_str_equal (name, "indicators") && gk_table_is_overall_performance (table))
        ok = _gk_reader_read_indicators (r, G_LIST_STORE (gk_table_get_indicators (table)), member);
      else if (g_str_equal (name, "rows") && gk_table_is_overall_performance (table))
        ok = _gk_reader_fail (r, _("the tasks of table %s are written under “tasks”"), id);
      else if (g_str_equal (name, "rows") && schema->kind == GK_TABLE_KIND_PROJECTS)
        ok = _gk_reader_fail (r, _("the rows of table %s come from the projects; enter figures under $.projects"), id);
      else if (g_str_equal (name, "rows") || g_str_equal (name, "values"))
        ok = _gk_reader_fail (r, _("table %s is derived from the other tables; it takes no figures"), id);
      else
        {
          _gk_reader_pop (r, len);
          return _gk_reader_unknown_member (r, name);
        }
      if (!ok)
        return FALSE;
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

gboolean
_gk_reader_read_tables (Reader   *r,
                        JsonNode *node)
{
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!_gk_reader_expect_object (r, node, &object))
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gsize len = _gk_reader_push_member (r, l->data);
      if (!read_table (r, l->data, json_object_get_member (object, l->data)))
        return FALSE;
      _gk_reader_pop (r, len);
    }
  return TRUE;
}
