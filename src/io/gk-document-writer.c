/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-atomic-writer.h"
#include "gk-document-io.h"
#include "gk-document-private.h"
#include "gk-fields.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"

/* Writes the entered data only, always in the same order, so that saving
 * an unchanged document gives the same bytes. */

static JsonObject *
child_object (JsonObject *parent,
              const char *name)
{
  JsonObject *child;

  if (json_object_has_member (parent, name))
    return json_object_get_object_member (parent, name);
  child = json_object_new ();
  json_object_set_object_member (parent, name, child);
  return child;
}

static void
set_amount (JsonObject *object,
            const char *name,
            GkAmount    amount)
{
  g_autofree char *text = gk_amount_format (amount);
  json_object_set_string_member (object, name, text);
}

/* Every field of `source`, at its path under `object`. */
static void
write_fields (JsonObject *object,
              gpointer    source,
              const char *exclude)
{
  guint n_fields;
  const GkField *fields = gk_fields_of (G_OBJECT_TYPE (source), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const GkField *f = &fields[i];
      g_auto(GStrv) path = g_strsplit (f->json ? f->json : f->name, "/", -1);
      guint depth = g_strv_length (path);
      JsonObject *target = object;

      if (g_strcmp0 (f->name, exclude) == 0)
        continue;
      /* Not entered: not written, so that the file says only what was. */
      if (!gk_field_is_set (source, f))
        continue;
      for (guint j = 0; j + 1 < depth; j++)
        target = child_object (target, path[j]);

      switch (f->type)
        {
        case GK_FIELD_STRING:
          {
            g_autofree char *text = NULL;
            g_object_get (source, f->name, &text, NULL);
            json_object_set_string_member (target, path[depth - 1], text ? text : "");
          }
          break;
        case GK_FIELD_INT:
          {
            int value;
            g_object_get (source, f->name, &value, NULL);
            json_object_set_int_member (target, path[depth - 1], value);
          }
          break;
        case GK_FIELD_AMOUNT:
          {
            gint64 value;
            g_object_get (source, f->name, &value, NULL);
            set_amount (target, path[depth - 1], value);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static JsonArray *
text_list (GListModel *list)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkTextItem) item = g_list_model_get_item (list, i);
      json_array_add_string_element (array, gk_text_item_get_text (item) ? gk_text_item_get_text (item) : "");
    }
  return array;
}

/* The entered cells of a row, {"general": "265.06"}. */
static void
write_cells (JsonObject          *object,
             GkRow               *row,
             const GkTableSchema *schema)
{

  for (guint c = 0; c < gk_row_get_n_columns (row); c++)
    {
      GkAmount amount;

      if (gk_table_schema_get_column (schema, c)->rule != GK_COLUMN_ENTERED)
        continue;
      if (gk_row_get_amount (row, c, &amount))
        set_amount (object, gk_table_schema_get_column (schema, c)->id, amount);
    }
}

static void
collect_codes (GListModel *rows,
               GHashTable *codes)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      if (gk_row_get_code (row) != NULL && gk_row_get_kind (row) <= GK_ROW_KIND_ITEM)
        g_hash_table_add (codes, (gpointer) gk_row_get_code (row));
      collect_codes (gk_row_get_children (row), codes);
    }
}

static JsonObject *
names_object (GkDocument       *document,
              GkClassification  kind)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) sorted = NULL;
  GList *own = gk_document_get_codes (document, kind);
  JsonObject *object = json_object_new ();

  /* The codes of the entered tables of this classification (summaries
   * repeat them; 三公 has none). */
  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);
      GkTableKind table_kind = gk_table_get_schema (table)->kind;

      if (table_kind == GK_TABLE_KIND_ECONOMIC ? kind == GK_CLASSIFICATION_ECONOMIC
          : (table_kind == GK_TABLE_KIND_FUNCTION || table_kind == GK_TABLE_KIND_PROJECTS) &&
            kind == GK_CLASSIFICATION_FUNCTION)
        collect_codes (gk_table_get_roots (table), codes);
    }
  /* Names the document gave itself are kept even when no row uses them now. */
  for (GList *l = own; l != NULL; l = l->next)
    g_hash_table_add (codes, l->data);
  g_list_free (own);

  sorted = g_list_sort (g_hash_table_get_keys (codes), (GCompareFunc) g_strcmp0);
  for (GList *l = sorted; l != NULL; l = l->next)
    {
      const char *name = gk_document_get_code_name (document, kind, l->data);
      json_object_set_string_member (object, l->data, name ? name : l->data);
    }
  return object;
}

/* Figures as a published disclosure printed them, only in a document
 * read from one. */
static void
write_stated (JsonObject *object,
              GkTable    *table)
{
  g_autoptr(GPtrArray) pairs = NULL;
  JsonObject *stated;

  if (gk_table_get_n_stated (table) == 0)
    return;
  pairs = gk_table_dup_stated (table);
  stated = json_object_new ();
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *line = pairs->pdata[i];
      const char *column = pairs->pdata[i + 1];
      GkAmount amount = 0;

      if (!json_object_has_member (stated, line))
        json_object_set_object_member (stated, line, json_object_new ());
      gk_table_get_stated (table, line, column, &amount);
      set_amount (json_object_get_object_member (stated, line), column, amount);
    }
  json_object_set_object_member (object, "stated", stated);
}

/* The figures of a summary's entered lines, where it has any. */
static void
write_lines (JsonObject *object,
             GkTable    *table)
{
  g_autoptr(GPtrArray) pairs = gk_table_dup_line_figures (table);
  JsonObject *lines;

  if (pairs->len == 0)
    return;
  lines = json_object_new ();
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *line = pairs->pdata[i];
      const char *column = pairs->pdata[i + 1];
      GkAmount amount = 0;

      if (!json_object_has_member (lines, line))
        json_object_set_object_member (lines, line, json_object_new ());
      gk_table_get_line_figure (table, line, column, &amount);
      set_amount (json_object_get_object_member (lines, line), column, amount);
    }
  json_object_set_object_member (object, "lines", lines);
}

static JsonObject *
table_object (GkTable *table)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  JsonObject *object = json_object_new ();
  const char *note = gk_table_get_note (table);
  const char *empty = gk_table_get_empty_explanation (table);

  json_object_set_string_member (object, "note", note ? note : "");
  if (empty != NULL && empty[0] != '\0')
    json_object_set_string_member (object, "empty-explanation", empty);

  if (schema->kind == GK_TABLE_KIND_FUNCTION || schema->kind == GK_TABLE_KIND_ECONOMIC)
    {
      JsonArray *rows = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (table)); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);
          JsonObject *r;

          if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
            continue;
          r = json_object_new ();
          json_object_set_string_member (r, "code", gk_row_get_code (row));
          if (gk_row_is_leaf (row))
            write_cells (r, row, schema);
          /* Only the exception is written: a row of 一般公共预算支出表 with
           * figures of its own, no longer following 支出总表. */
          if (gk_row_is_overridden (row))
            json_object_set_boolean_member (r, "follows", FALSE);
          json_array_add_object_element (rows, r);
        }
      json_object_set_array_member (object, "rows", rows);
    }
  else if (schema->kind == GK_TABLE_KIND_SINGLE)
    {
      JsonObject *values = json_object_new ();
      write_cells (values, gk_table_get_single_row (table), schema);
      json_object_set_object_member (object, "values", values);
    }
  else if (gk_table_schema_has_entries (schema))
    {
      JsonArray *rows = json_array_new ();

      /* Each row's texts, then its entered figures; blank cells are left out. */
      for (guint i = 0; i < gk_table_get_n_entries (table); i++)
        {
          GkRow *row = gk_table_get_entry (table, i);
          JsonObject *r = json_object_new ();

          for (guint t = 0; t < gk_table_schema_get_n_texts (schema); t++)
            {
              const char *text = gk_list_row_get_text (row, t);
              if (text != NULL && text[0] != '\0')
                json_object_set_string_member (r, gk_table_schema_get_text (schema, t)->id, text);
            }
          write_cells (r, row, schema);
          json_array_add_object_element (rows, r);
        }
      json_object_set_array_member (object, gk_table_is_overall_performance (table) ? "tasks" : "rows", rows);
    }
  if (gk_table_is_overall_performance (table))
    {
      GListModel *list = gk_table_get_indicators (table);
      JsonArray *indicators = json_array_new ();

      json_object_set_string_member (object, "goal", gk_table_get_goal (table));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GkIndicator) indicator = g_list_model_get_item (list, i);
          JsonObject *o = json_object_new ();
          write_fields (o, indicator, NULL);
          json_array_add_object_element (indicators, o);
        }
      json_object_set_array_member (object, "indicators", indicators);
    }
  write_lines (object, table);
  write_stated (object, table);
  return object;
}

static JsonObject *
project_object (GkProject *project)
{
  JsonObject *object = json_object_new ();
  JsonObject *amounts = json_object_new ();
  JsonArray *indicators = json_array_new ();
  GListModel *list = gk_project_get_indicators (project);

  json_object_set_string_member (object, "id", gk_project_get_id (project));
  write_fields (object, project, NULL);
  write_cells (amounts, gk_project_get_row (project), gk_project_get_schema (project));
  json_object_set_object_member (object, "amounts", amounts);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (list, i);
      JsonObject *o = json_object_new ();
      write_fields (o, indicator, NULL);
      json_array_add_object_element (indicators, o);
    }
  json_object_set_array_member (object, "indicators", indicators);
  return object;
}

static JsonObject *
explanation_object (GkExplanation *explanation)
{
  JsonObject *object = json_object_new ();
  JsonObject *priors = json_object_new ();
  GListModel *list = gk_explanation_get_priors (explanation);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (list, i);
      JsonObject *o = json_object_new ();
      write_fields (o, prior, "key");
      json_object_set_object_member (priors, gk_prior_get_key (prior), o);
    }
  json_object_set_object_member (object, "prior-year", priors);
  write_fields (object, explanation, NULL);
  /* Only when there is some, so that other files are written as before. */
  {
    g_auto(GStrv) ids = gk_explanation_dup_hand_written_ids (explanation);

    if (ids[0] != NULL)
      {
        JsonObject *hand = json_object_new ();
        for (guint i = 0; ids[i] != NULL; i++)
          json_object_set_string_member (hand, ids[i], gk_explanation_get_hand_written (explanation, ids[i]));
        json_object_set_object_member (object, "hand-written", hand);
      }
  }
  {
    g_auto(GStrv) off = gk_explanation_dup_off_ids (explanation);

    if (off[0] != NULL)
      {
        JsonArray *array = json_array_new ();
        for (guint i = 0; off[i] != NULL; i++)
          json_array_add_string_element (array, off[i]);
        json_object_set_array_member (object, "paragraphs-off", array);
      }
  }
  return object;
}

/* A 决算's tie to its budget: only in a document that has one. A purpose
 * or reason is written only when typed. */
static JsonObject *
budget_object (GkBudget *budget)
{
  JsonObject *object = json_object_new ();
  JsonObject *figures = json_object_new ();
  GListModel *list = gk_budget_get_figures (budget);

  json_object_set_string_member (object, "file", gk_budget_get_file (budget) ? gk_budget_get_file (budget) : "");
  json_object_set_string_member (object, "unit", gk_budget_get_unit (budget) ? gk_budget_get_unit (budget) : "");
  json_object_set_int_member (object, "year", gk_budget_get_year (budget));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkBudgetFigure) figure = g_list_model_get_item (list, i);
      JsonObject *o = json_object_new ();
      const char *purpose = gk_budget_figure_get_purpose (figure);
      const char *reason = gk_budget_figure_get_reason (figure);

      set_amount (o, "amount", gk_budget_figure_get_amount (figure));
      if (purpose != NULL && purpose[0] != '\0')
        json_object_set_string_member (o, "purpose", purpose);
      if (reason != NULL && reason[0] != '\0')
        json_object_set_string_member (o, "reason", reason);
      json_object_set_object_member (figures, gk_budget_figure_get_key (figure), o);
    }
  json_object_set_object_member (object, "figures", figures);
  return object;
}

/* The template by its id and version; the tables when the document keeps
 * its own selection, order or titles of them; the whole definition when
 * the template is the user's, so that the file opens anywhere. */
static JsonObject *
template_object (GkTemplate *template)
{
  GkTemplate *base = gk_template_get_base (template);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", gk_template_get_id (base));
  json_object_set_int_member (object, "version", gk_template_get_version (base));
  if (template != base)
    {
      JsonArray *tables = json_array_new ();
      for (guint i = 0; i < gk_template_get_n_tables (template); i++)
        {
          const GkTableSchema *schema = gk_template_get_table (template, i);
          const GkTableSchema *original = gk_template_lookup (base, schema->id);
          JsonObject *table = json_object_new ();

          json_object_set_string_member (table, "role", schema->id);
          if (original == NULL || g_strcmp0 (original->title, schema->title) != 0)
            json_object_set_string_member (table, "title", schema->title);
          json_array_add_object_element (tables, table);
        }
      json_object_set_array_member (object, "tables", tables);
    }
  if (gk_template_is_user (base))
    {
      g_autofree char *text = gk_template_to_json (base, NULL, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, text, -1, NULL))
        json_object_set_member (object, "definition", json_node_copy (json_parser_get_root (parser)));
    }
  return object;
}

GBytes *
gk_document_serialize (GkDocument *document)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonObject *names = json_object_new ();
  JsonObject *overview = json_object_new ();
  JsonObject *tables = json_object_new ();
  JsonArray *projects = json_array_new ();
  JsonArray *glossary = json_array_new ();
  GkOverview *ov;
  GListModel *list;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  json_object_set_string_member (object, "format", GK_FILE_FORMAT_NAME);
  json_object_set_int_member (object, "version", GK_FILE_FORMAT_VERSION);
  json_object_set_object_member (object, "template", template_object (gk_document_get_template (document)));
  json_object_set_string_member (object, "unit", gk_document_get_unit (document) ? gk_document_get_unit (document) : "");
  /* 0 is no year yet, which the reader takes as a missing "year". */
  if (gk_document_get_year (document) != 0)
    json_object_set_int_member (object, "year", gk_document_get_year (document));
  json_object_set_string_member (object, "money-unit", gk_money_unit_to_string (gk_document_get_money_unit (document)));
  json_object_set_string_member (object, "date", gk_document_get_date (document) ? gk_document_get_date (document) : "");
  /* Only when set, so that a file without one is written as it was read. */
  if (gk_document_get_region (document) != NULL)
    json_object_set_string_member (object, "region", gk_document_get_region (document));
  /* Only when set: a file that never said stays as it was written. */
  if (gk_document_get_unit_type (document) != GK_UNIT_TYPE_UNSET)
    json_object_set_string_member (object, "unit-type", gk_unit_type_to_string (gk_document_get_unit_type (document)));

  json_object_set_object_member (names, "function",
                                 names_object (document, GK_CLASSIFICATION_FUNCTION));
  json_object_set_object_member (names, "economic",
                                 names_object (document, GK_CLASSIFICATION_ECONOMIC));
  json_object_set_object_member (object, "names", names);

  ov = gk_document_get_overview (document);
  write_fields (overview, ov, NULL);
  /* Keep the file's reading order: texts, lists, then the staff figures. */
  {
    JsonObject *ordered = json_object_new ();
    json_object_set_string_member (ordered, "functions", json_object_get_string_member (overview, "functions"));
    json_object_set_array_member (ordered, "duties", text_list (gk_overview_get_duties (ov)));
    json_object_set_string_member (ordered, "structure", json_object_get_string_member (overview, "structure"));
    json_object_set_array_member (ordered, "subordinate-units", text_list (gk_overview_get_subordinate_units (ov)));
    json_object_set_array_member (ordered, "offices", text_list (gk_overview_get_offices (ov)));
    json_object_set_member (ordered, "staff", json_node_copy (json_object_get_member (overview, "staff")));
    json_object_unref (overview);
    overview = ordered;
  }
  json_object_set_object_member (object, "overview", overview);

  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);
      json_object_set_object_member (tables, gk_table_get_id (table), table_object (table));
    }
  json_object_set_object_member (object, "tables", tables);

  list = gk_document_get_projects (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (list, i);
      json_array_add_object_element (projects, project_object (project));
    }
  json_object_set_array_member (object, "projects", projects);

  json_object_set_object_member (object, "explanation",
                                 explanation_object (gk_document_get_explanation (document)));
  if (!gk_final_facts_is_empty (gk_document_get_final_facts (document)))
    {
      JsonObject *facts = json_object_new ();

      write_fields (facts, gk_document_get_final_facts (document), NULL);
      json_object_set_object_member (json_object_get_object_member (object, "explanation"), "final", facts);
    }

  list = gk_document_get_glossary (document);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkGlossaryEntry) entry = g_list_model_get_item (list, i);
      JsonObject *o = json_object_new ();
      write_fields (o, entry, NULL);
      json_array_add_object_element (glossary, o);
    }
  json_object_set_array_member (object, "glossary", glossary);
  if (gk_budget_is_present (gk_document_get_budget (document)))
    json_object_set_object_member (object, "budget", budget_object (gk_document_get_budget (document)));

  json_node_take_object (root, object);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);

  /* A text file ends with a newline. */
  return g_bytes_new_take (g_strconcat (text, "\n", NULL), length + 1);
}

/* Through the atomic writer: a failed save (a full disk, a cancel) leaves
 * the old file as it was. The document is marked unmodified only when no
 * edit came between the serialization and the end of the write. */
gboolean
gk_document_save (GkDocument    *document,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 serial;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!gk_document_check_writable (document, error))
    return FALSE;
  serial = gk_document_get_change_serial (document);
  bytes = gk_document_serialize (document);
  if (!gk_file_write_bytes_atomic (file, bytes, GK_ATOMIC_NONE, cancellable, error))
    return FALSE;
  gk_document_mark_saved_at (document, serial);
  return TRUE;
}

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  guint64  serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->file);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!gk_file_write_bytes_atomic (data->file, data->bytes, GK_ATOMIC_NONE, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Back on the calling thread: the outer task, whose source is the
 * document, completes here, so no worker thread holds the document a
 * moment longer than the caller's callback. */
static void
save_written (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (outer, error);
  else
    g_task_return_boolean (outer, TRUE);
}

/* Serialises on the calling thread (the document is not thread-safe) and
 * writes in a worker thread. */
void
gk_document_save_async (GkDocument          *document,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GTask *outer;
  SaveData *data;

  g_return_if_fail (GK_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (outer, gk_document_save_async);
  {
    GError *error = NULL;

    if (!gk_document_check_writable (document, &error))
      {
        g_task_return_error (outer, error);
        g_object_unref (outer);
        return;
      }
  }
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->serial = gk_document_get_change_serial (document);
  data->bytes = gk_document_serialize (document);
  g_task_set_task_data (outer, data, (GDestroyNotify) save_data_free);

  task = g_task_new (NULL, cancellable, save_written, outer);
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, save_thread);
}

/* On success the document is unmodified, unless it was edited while the
 * file was written: then it stays modified, since the file holds the
 * document as it was when the save started. */
gboolean
gk_document_save_finish (GkDocument    *document,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  gk_document_mark_saved_at (document, data->serial);
  return TRUE;
}
