/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-document-io.h"
#include "gk-document-private.h"
#include "gk-fields.h"
#include "gk-json-stream.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"

/* The document as its file, written piece by piece into a sink: the
 * entered data only, always in the same order, so that saving an
 * unchanged document gives the same bytes. No tree of the document and
 * no whole copy of its text is made, and the writing goes by steps (the
 * head, then a table or a project at a time, then the rest), so that a
 * draft can be written between the main loop's other work. */

typedef enum {
  PHASE_HEAD,
  PHASE_TABLES,
  PHASE_PROJECTS,
  PHASE_TAIL,
  PHASE_DONE,
} Phase;

struct _GkDocumentWriter
{
  GkDocument   *document;
  GkJsonStream *json;
  Phase         phase;
  guint         index;
};

static void
put_amount (GkJsonStream *json,
            const char   *name,
            GkAmount      amount)
{
  g_autofree char *text = gk_amount_format (amount);
  gk_json_stream_string (json, name, text);
}

/* Fields ---------------------------------------------------------------------- */

/* A field that is set, with its member path split at "/". */
typedef struct
{
  const GkField  *field;
  const char     *one;
  char          **split;
  const char    **path;
  guint           depth;
} Entry;

static void
put_field (GkJsonStream  *json,
           gpointer       source,
           const GkField *f,
           const char    *name)
{
  switch (f->type)
    {
    case GK_FIELD_STRING:
      {
        g_autofree char *text = NULL;
        g_object_get (source, f->name, &text, NULL);
        gk_json_stream_string (json, name, text ? text : "");
      }
      break;
    case GK_FIELD_INT:
      {
        int value;
        g_object_get (source, f->name, &value, NULL);
        gk_json_stream_int (json, name, value);
      }
      break;
    case GK_FIELD_AMOUNT:
      {
        gint64 value;
        g_object_get (source, f->name, &value, NULL);
        put_amount (json, name, value);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
under (const Entry *e,
       const Entry *anchor,
       guint        depth)
{
  if (e->depth <= depth)
    return FALSE;
  for (guint k = 0; k < depth; k++)
    if (strcmp (e->path[k], anchor->path[k]) != 0)
      return FALSE;
  return TRUE;
}

/* The members at @depth under @anchor's path: a group of fields sits
 * where its first set field would, as when a tree was filled field by
 * field. */
static void
put_level (GkJsonStream *json,
           gpointer      source,
           const Entry  *entries,
           guint         n,
           guint         depth,
           const Entry  *anchor)
{
  for (guint i = 0; i < n; i++)
    {
      const Entry *e = &entries[i];
      gboolean seen = FALSE;

      if (!under (e, anchor, depth))
        continue;
      if (e->depth == depth + 1)
        {
          put_field (json, source, e->field, e->path[depth]);
          continue;
        }
      for (guint j = 0; j < i && !seen; j++)
        seen = under (&entries[j], e, depth + 1) && entries[j].depth > depth + 1;
      if (seen)
        continue;
      gk_json_stream_begin_object (json, e->path[depth]);
      put_level (json, source, entries, n, depth + 1, e);
      gk_json_stream_end_object (json);
    }
}

/* Every set field of @source, at its path, or only those under @group. */
static void
put_fields (GkJsonStream *json,
            gpointer      source,
            const char   *exclude,
            const char   *group)
{
  guint n_fields, n = 0;
  const GkField *fields = gk_fields_of (G_OBJECT_TYPE (source), &n_fields);
  Entry *entries = g_newa (Entry, MAX (n_fields, 1));
  Entry anchor = { NULL, group, NULL, NULL, 1 };

  anchor.path = &anchor.one;
  for (guint i = 0; i < n_fields; i++)
    {
      const GkField *f = &fields[i];
      const char *member = f->json ? f->json : f->name;
      Entry *e = &entries[n];

      if (g_strcmp0 (f->name, exclude) == 0)
        continue;
      /* Not entered: not written, so that the file says only what was. */
      if (!gk_field_is_set (source, f))
        continue;
      e->field = f;
      e->one = member;
      e->split = NULL;
      e->path = &e->one;
      e->depth = 1;
      if (strchr (member, '/') != NULL)
        {
          e->split = g_strsplit (member, "/", -1);
          e->path = (const char **) e->split;
          e->depth = g_strv_length (e->split);
        }
      n++;
    }
  if (group == NULL)
    put_level (json, source, entries, n, 0, NULL);
  else
    put_level (json, source, entries, n, 1, &anchor);
  for (guint i = 0; i < n; i++)
    g_strfreev (entries[i].split);
}

/* Pieces ----------------------------------------------------------------------- */

static void
put_text_list (GkJsonStream *json,
               const char   *name,
               GListModel   *list)
{
  gk_json_stream_begin_array (json, name);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkTextItem) item = g_list_model_get_item (list, i);
      const char *text = gk_text_item_get_text (item);
      gk_json_stream_string (json, NULL, text ? text : "");
    }
  gk_json_stream_end_array (json);
}

/* The entered cells of a row, "general": "265.06". */
static void
put_cells (GkJsonStream        *json,
           GkRow               *row,
           const GkTableSchema *schema)
{
  for (guint c = 0; c < gk_row_get_n_columns (row); c++)
    {
      GkAmount amount;

      if (gk_table_schema_get_column (schema, c)->rule != GK_COLUMN_ENTERED)
        continue;
      if (gk_row_get_amount (row, c, &amount))
        put_amount (json, gk_table_schema_get_column (schema, c)->id, amount);
    }
}

static void
collect_codes (GListModel *rows,
               GHashTable *codes)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);

      /* A project's row names no code and holds no rows: 表七's thousands
       * of projects are passed over. */
      if (gk_row_get_kind (row) == GK_ROW_KIND_PROJECT)
        continue;
      if (gk_row_get_code (row) != NULL && gk_row_get_kind (row) <= GK_ROW_KIND_ITEM)
        g_hash_table_add (codes, (gpointer) gk_row_get_code (row));
      collect_codes (gk_row_get_children (row), codes);
    }
}

static void
put_names (GkJsonStream     *json,
           const char       *name,
           GkDocument       *document,
           GkClassification  kind)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) sorted = NULL;
  GList *own = gk_document_get_codes (document, kind);

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
  gk_json_stream_begin_object (json, name);
  for (GList *l = sorted; l != NULL; l = l->next)
    {
      const char *code_name = gk_document_get_code_name (document, kind, l->data);
      gk_json_stream_string (json, l->data, code_name ? code_name : l->data);
    }
  gk_json_stream_end_object (json);
}

/* Figures by line and column, {"line": {"column": "1.00"}}; the pairs
 * come sorted, so a line's columns follow one another. */
typedef gboolean (*GetFigure) (GkTable *, const char *, const char *, GkAmount *);

static void
put_figures (GkJsonStream *json,
             const char   *name,
             GkTable      *table,
             GPtrArray    *pairs,
             GetFigure     get)
{
  const char *open = NULL;

  gk_json_stream_begin_object (json, name);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *line = pairs->pdata[i];
      const char *column = pairs->pdata[i + 1];
      GkAmount amount = 0;

      if (open == NULL || strcmp (open, line) != 0)
        {
          if (open != NULL)
            gk_json_stream_end_object (json);
          gk_json_stream_begin_object (json, line);
          open = line;
        }
      get (table, line, column, &amount);
      put_amount (json, column, amount);
    }
  if (open != NULL)
    gk_json_stream_end_object (json);
  gk_json_stream_end_object (json);
}

static void
put_indicators (GkJsonStream *json,
                GListModel   *list)
{
  gk_json_stream_begin_array (json, "indicators");
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (list, i);
      gk_json_stream_begin_object (json, NULL);
      put_fields (json, indicator, NULL, NULL);
      gk_json_stream_end_object (json);
    }
  gk_json_stream_end_array (json);
}

static void
put_table (GkJsonStream *json,
           GkTable      *table)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  const char *note = gk_table_get_note (table);
  const char *empty = gk_table_get_empty_explanation (table);

  gk_json_stream_begin_object (json, gk_table_get_id (table));
  gk_json_stream_string (json, "note", note ? note : "");
  if (empty != NULL && empty[0] != '\0')
    gk_json_stream_string (json, "empty-explanation", empty);

  if (schema->kind == GK_TABLE_KIND_FUNCTION || schema->kind == GK_TABLE_KIND_ECONOMIC)
    {
      gk_json_stream_begin_array (json, "rows");
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (table)); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);

          if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
            continue;
          gk_json_stream_begin_object (json, NULL);
          gk_json_stream_string (json, "code", gk_row_get_code (row));
          if (gk_row_is_leaf (row))
            put_cells (json, row, schema);
          /* Only the exception is written: a row of 一般公共预算支出表 with
           * figures of its own, no longer following 支出总表. */
          if (gk_row_is_overridden (row))
            gk_json_stream_boolean (json, "follows", FALSE);
          gk_json_stream_end_object (json);
        }
      gk_json_stream_end_array (json);
    }
  else if (schema->kind == GK_TABLE_KIND_SINGLE)
    {
      gk_json_stream_begin_object (json, "values");
      put_cells (json, gk_table_get_single_row (table), schema);
      gk_json_stream_end_object (json);
    }
  else if (gk_table_schema_has_entries (schema))
    {
      /* Each row's texts, then its entered figures; blank cells are left out. */
      gk_json_stream_begin_array (json, gk_table_is_overall_performance (table) ? "tasks" : "rows");
      for (guint i = 0; i < gk_table_get_n_entries (table); i++)
        {
          GkRow *row = gk_table_get_entry (table, i);

          gk_json_stream_begin_object (json, NULL);
          for (guint t = 0; t < gk_table_schema_get_n_texts (schema); t++)
            {
              const char *text = gk_list_row_get_text (row, t);
              if (text != NULL && text[0] != '\0')
                gk_json_stream_string (json, gk_table_schema_get_text (schema, t)->id, text);
            }
          put_cells (json, row, schema);
          gk_json_stream_end_object (json);
        }
      gk_json_stream_end_array (json);
    }
  if (gk_table_is_overall_performance (table))
    {
      gk_json_stream_string (json, "goal", gk_table_get_goal (table));
      put_indicators (json, gk_table_get_indicators (table));
    }
  {
    g_autoptr(GPtrArray) pairs = gk_table_dup_line_figures (table);

    if (pairs->len > 0)
      put_figures (json, "lines", table, pairs, gk_table_get_line_figure);
  }
  /* Figures as a published disclosure printed them, only in a document
   * read from one. */
  if (gk_table_get_n_stated (table) > 0)
    {
      g_autoptr(GPtrArray) pairs = gk_table_dup_stated (table);
      put_figures (json, "stated", table, pairs, gk_table_get_stated);
    }
  gk_json_stream_end_object (json);
}

static void
put_project (GkJsonStream *json,
             GkProject    *project)
{
  gk_json_stream_begin_object (json, NULL);
  gk_json_stream_string (json, "id", gk_project_get_id (project));
  put_fields (json, project, NULL, NULL);
  gk_json_stream_begin_object (json, "amounts");
  put_cells (json, gk_project_get_row (project), gk_project_get_schema (project));
  gk_json_stream_end_object (json);
  put_indicators (json, gk_project_get_indicators (project));
  gk_json_stream_end_object (json);
}

static void
put_explanation (GkJsonStream *json,
                 GkDocument   *document)
{
  GkExplanation *explanation = gk_document_get_explanation (document);
  GListModel *list = gk_explanation_get_priors (explanation);
  g_auto(GStrv) ids = gk_explanation_dup_hand_written_ids (explanation);
  g_auto(GStrv) off = gk_explanation_dup_off_ids (explanation);

  gk_json_stream_begin_object (json, "explanation");
  gk_json_stream_begin_object (json, "prior-year");
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (list, i);
      gk_json_stream_begin_object (json, gk_prior_get_key (prior));
      put_fields (json, prior, "key", NULL);
      gk_json_stream_end_object (json);
    }
  gk_json_stream_end_object (json);
  put_fields (json, explanation, NULL, NULL);
  /* Only when there is some, so that other files are written as before. */
  if (ids[0] != NULL)
    {
      gk_json_stream_begin_object (json, "hand-written");
      for (guint i = 0; ids[i] != NULL; i++)
        gk_json_stream_string (json, ids[i], gk_explanation_get_hand_written (explanation, ids[i]));
      gk_json_stream_end_object (json);
    }
  if (off[0] != NULL)
    {
      gk_json_stream_begin_array (json, "paragraphs-off");
      for (guint i = 0; off[i] != NULL; i++)
        gk_json_stream_string (json, NULL, off[i]);
      gk_json_stream_end_array (json);
    }
  if (!gk_final_facts_is_empty (gk_document_get_final_facts (document)))
    {
      gk_json_stream_begin_object (json, "final");
      put_fields (json, gk_document_get_final_facts (document), NULL, NULL);
      gk_json_stream_end_object (json);
    }
  gk_json_stream_end_object (json);
}

/* A 决算's tie to its budget: only in a document that has one. A purpose
 * or reason is written only when typed. */
static void
put_budget (GkJsonStream *json,
            GkBudget     *budget)
{
  GListModel *list = gk_budget_get_figures (budget);

  gk_json_stream_begin_object (json, "budget");
  gk_json_stream_string (json, "file", gk_budget_get_file (budget) ? gk_budget_get_file (budget) : "");
  gk_json_stream_string (json, "unit", gk_budget_get_unit (budget) ? gk_budget_get_unit (budget) : "");
  gk_json_stream_int (json, "year", gk_budget_get_year (budget));
  gk_json_stream_begin_object (json, "figures");
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkBudgetFigure) figure = g_list_model_get_item (list, i);
      const char *purpose = gk_budget_figure_get_purpose (figure);
      const char *reason = gk_budget_figure_get_reason (figure);

      gk_json_stream_begin_object (json, gk_budget_figure_get_key (figure));
      put_amount (json, "amount", gk_budget_figure_get_amount (figure));
      if (purpose != NULL && purpose[0] != '\0')
        gk_json_stream_string (json, "purpose", purpose);
      if (reason != NULL && reason[0] != '\0')
        gk_json_stream_string (json, "reason", reason);
      gk_json_stream_end_object (json);
    }
  gk_json_stream_end_object (json);
  gk_json_stream_end_object (json);
}

/* The template by its id and version; the tables when the document keeps
 * its own selection, order or titles of them; the whole definition when
 * the template is the user's, so that the file opens anywhere. */
static void
put_template (GkJsonStream *json,
              GkTemplate   *template)
{
  GkTemplate *base = gk_template_get_base (template);

  gk_json_stream_begin_object (json, "template");
  gk_json_stream_string (json, "id", gk_template_get_id (base));
  gk_json_stream_int (json, "version", gk_template_get_version (base));
  if (template != base)
    {
      gk_json_stream_begin_array (json, "tables");
      for (guint i = 0; i < gk_template_get_n_tables (template); i++)
        {
          const GkTableSchema *schema = gk_template_get_table (template, i);
          const GkTableSchema *original = gk_template_lookup (base, schema->id);

          gk_json_stream_begin_object (json, NULL);
          gk_json_stream_string (json, "role", schema->id);
          if (original == NULL || g_strcmp0 (original->title, schema->title) != 0)
            gk_json_stream_string (json, "title", schema->title);
          gk_json_stream_end_object (json);
        }
      gk_json_stream_end_array (json);
    }
  if (gk_template_is_user (base))
    {
      g_autofree char *text = gk_template_to_json (base, NULL, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, text, -1, NULL))
        gk_json_stream_node (json, "definition", json_parser_get_root (parser));
    }
  gk_json_stream_end_object (json);
}

static void
put_head (GkJsonStream *json,
          GkDocument   *document)
{
  GkOverview *ov = gk_document_get_overview (document);
  g_autofree char *functions = NULL;
  g_autofree char *structure = NULL;

  gk_json_stream_begin_object (json, NULL);
  gk_json_stream_string (json, "format", GK_FILE_FORMAT_NAME);
  gk_json_stream_int (json, "version", GK_FILE_FORMAT_VERSION);
  put_template (json, gk_document_get_template (document));
  gk_json_stream_string (json, "unit", gk_document_get_unit (document) ? gk_document_get_unit (document) : "");
  /* 0 is no year yet, which the reader takes as a missing "year". */
  if (gk_document_get_year (document) != 0)
    gk_json_stream_int (json, "year", gk_document_get_year (document));
  gk_json_stream_string (json, "money-unit", gk_money_unit_to_string (gk_document_get_money_unit (document)));
  gk_json_stream_string (json, "date", gk_document_get_date (document) ? gk_document_get_date (document) : "");
  /* Only when set, so that a file without one is written as it was read. */
  if (gk_document_get_region (document) != NULL)
    gk_json_stream_string (json, "region", gk_document_get_region (document));
  /* Only when set: a file that never said stays as it was written. */
  if (gk_document_get_unit_type (document) != GK_UNIT_TYPE_UNSET)
    gk_json_stream_string (json, "unit-type", gk_unit_type_to_string (gk_document_get_unit_type (document)));

  gk_json_stream_begin_object (json, "names");
  put_names (json, "function", document, GK_CLASSIFICATION_FUNCTION);
  put_names (json, "economic", document, GK_CLASSIFICATION_ECONOMIC);
  gk_json_stream_end_object (json);

  /* The file's reading order: texts, lists, then the staff figures. */
  g_object_get (ov, "functions", &functions, "structure", &structure, NULL);
  gk_json_stream_begin_object (json, "overview");
  gk_json_stream_string (json, "functions", functions ? functions : "");
  put_text_list (json, "duties", gk_overview_get_duties (ov));
  gk_json_stream_string (json, "structure", structure ? structure : "");
  put_text_list (json, "subordinate-units", gk_overview_get_subordinate_units (ov));
  put_text_list (json, "offices", gk_overview_get_offices (ov));
  gk_json_stream_begin_object (json, "staff");
  put_fields (json, ov, NULL, "staff");
  gk_json_stream_end_object (json);
  gk_json_stream_end_object (json);
}

/* The writer ------------------------------------------------------------------- */

/**
 * gk_document_writer_new:
 * @sink: takes the file's bytes, a chunk at a time
 *
 * Writes @document with gk_document_writer_step(). The document must not
 * change between the steps.
 */
GkDocumentWriter *
gk_document_writer_new (GkDocument *document,
                        GkJsonSink  sink,
                        gpointer    user_data)
{
  GkDocumentWriter *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (sink != NULL, NULL);

  self = g_new0 (GkDocumentWriter, 1);
  self->document = g_object_ref (document);
  self->json = gk_json_stream_new (sink, user_data);
  return self;
}

void
gk_document_writer_free (GkDocumentWriter *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->document);
  gk_json_stream_free (self->json);
  g_free (self);
}

/**
 * gk_document_writer_step:
 * @error: the sink's error, when it failed
 *
 * Writes the next piece of the document: its head, one table, one
 * project, or the rest, which ends with the file's final newline and
 * hands everything left to the sink.
 *
 * Returns: %TRUE while more is to be written; %FALSE once the document is
 *   written whole or the sink failed (then @error is set)
 */
gboolean
gk_document_writer_step (GkDocumentWriter  *self,
                         GError           **error)
{
  GkDocument *document;
  GListModel *list;

  g_return_val_if_fail (self != NULL, FALSE);

  document = self->document;
  switch (self->phase)
    {
    case PHASE_HEAD:
      put_head (self->json, document);
      gk_json_stream_begin_object (self->json, "tables");
      self->phase = PHASE_TABLES;
      self->index = 0;
      break;
    case PHASE_TABLES:
      if (self->index < gk_document_get_n_tables (document))
        {
          put_table (self->json, gk_document_get_table_at (document, self->index++));
          break;
        }
      gk_json_stream_end_object (self->json);
      gk_json_stream_begin_array (self->json, "projects");
      self->phase = PHASE_PROJECTS;
      self->index = 0;
      G_GNUC_FALLTHROUGH;
    case PHASE_PROJECTS:
      list = gk_document_get_projects (document);
      if (self->index < g_list_model_get_n_items (list))
        {
          g_autoptr(GkProject) project = g_list_model_get_item (list, self->index++);
          put_project (self->json, project);
          break;
        }
      gk_json_stream_end_array (self->json);
      self->phase = PHASE_TAIL;
      G_GNUC_FALLTHROUGH;
    case PHASE_TAIL:
      put_explanation (self->json, document);
      list = gk_document_get_glossary (document);
      gk_json_stream_begin_array (self->json, "glossary");
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GkGlossaryEntry) entry = g_list_model_get_item (list, i);
          gk_json_stream_begin_object (self->json, NULL);
          put_fields (self->json, entry, NULL, NULL);
          gk_json_stream_end_object (self->json);
        }
      gk_json_stream_end_array (self->json);
      if (gk_budget_is_present (gk_document_get_budget (document)))
        put_budget (self->json, gk_document_get_budget (document));
      gk_json_stream_end_object (self->json);
      /* A text file ends with a newline. */
      gk_json_stream_raw (self->json, "\n");
      self->phase = PHASE_DONE;
      gk_json_stream_flush (self->json, error);
      return FALSE;
    case PHASE_DONE:
    default:
      return FALSE;
    }
  if (gk_json_stream_failed (self->json))
    {
      gk_json_stream_flush (self->json, error);
      self->phase = PHASE_DONE;
      return FALSE;
    }
  return TRUE;
}

/**
 * gk_document_write:
 *
 * Writes the whole of @document into @sink now.
 *
 * Returns: %TRUE when the sink took all of it
 */
gboolean
gk_document_write (GkDocument  *document,
                   GkJsonSink   sink,
                   gpointer     user_data,
                   GError     **error)
{
  GkDocumentWriter *writer;
  GError *local_error = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);

  writer = gk_document_writer_new (document, sink, user_data);
  while (gk_document_writer_step (writer, &local_error))
    ;
  gk_document_writer_free (writer);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_document_write_to_stream (GkDocument     *document,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error)
{
  GkJsonOutput output = { stream, cancellable };

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  return gk_document_write (document, gk_json_sink_output_stream, &output, error);
}
