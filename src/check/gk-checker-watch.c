/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-checker-private.h"
#include "gk-table-overall.h"

/* How the checker learns what changed: it watches every part of the
 * document (tables and their rows, projects and their indicators, the
 * overview, the explanation, last year's figures, the glossary) and marks
 * what each signal touches, down to the row or project, for the next
 * re-check. */

/* What a watched object is part of, and the project it belongs to. */
typedef struct
{
  guint64    part;
  GkProject *project;   /* unowned: the project is watched too */
} Watch;

/* Watching the document -------------------------------------------------- */

static void watch (GkChecker *self, gpointer object, guint64 part, GkProject *project);

static Watch *
watch_of (GkChecker *self,
          gpointer   object)
{
  return object != NULL ? g_hash_table_lookup (self->watched, object) : NULL;
}

guint64
gk_checker_part_of (GkChecker *self,
                    gpointer   object)
{
  Watch *w = watch_of (self, object);

  return w != NULL ? w->part : 0;
}

static void
project_changed (GkChecker *self,
                 GkProject  *project,
                 gboolean    renamed)
{
  if (project == NULL)
    return;
  gk_checker_mark (self, GK_CHECK_READS_PROJECTS);
  g_hash_table_add (self->dirty_projects, project);
  /* Its 表七 row prints its name. */
  if (renamed && gk_project_get_row (project) != NULL &&
      gk_row_get_table (gk_project_get_row (project)) != NULL)
    {
      gk_checker_mark (self, gk_checker_part_of (self, gk_row_get_table (gk_project_get_row (project))));
      g_hash_table_add (self->dirty_rows, gk_project_get_row (project));
    }
}

static void
row_changed_cb (GkRow     *row,
                GkChecker *self)
{
  GkTable *table = gk_row_get_table (row);

  /* A removed row still changes while it is being taken out; its table
   * was marked when it left. */
  if (table == NULL)
    return;
  gk_checker_mark (self, gk_checker_part_of (self, table));
  g_hash_table_add (self->dirty_rows, row);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GkChecker  *self)
{
  const char *name = pspec->name;

  if (GK_IS_ROW (object))
    {
      /* A code renamed; a project's row follows its project. */
      if (gk_row_get_project (GK_ROW (object)) == NULL)
        {
          gk_checker_mark (self, GK_CHECK_READS_META);
          row_changed_cb (GK_ROW (object), self);
        }
    }
  else if (GK_IS_TABLE (object))
    gk_checker_mark (self, GK_CHECK_READS_NOTES);
  else if (GK_IS_DOCUMENT (object))
    {
      /* History state is not content. */
      if (!g_str_equal (name, "modified") && !g_str_equal (name, "can-undo") &&
          !g_str_equal (name, "can-redo"))
        gk_checker_mark (self, GK_CHECK_READS_META);
    }
  else if (GK_IS_PROJECT (object))
    {
      /* Its figures live in its 表七 row, which is watched itself. */
      if (!g_str_equal (name, "total") && !g_str_equal (name, "fiscal"))
        project_changed (self, GK_PROJECT (object), g_str_equal (name, "name"));
    }
  else
    {
      Watch *w = watch_of (self, object);

      if (w != NULL && w->project != NULL)
        project_changed (self, w->project, FALSE);
      else
        gk_checker_mark (self, gk_checker_part_of (self, object));
    }
}

static void
items_changed_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GkChecker  *self)
{
  Watch *w = watch_of (self, list);
  guint64 part = w != NULL ? w->part : 0;
  GkProject *project = w != NULL ? w->project : NULL;

  if (project != NULL)
    project_changed (self, project, FALSE);
  else
    gk_checker_mark (self, part);
  if (GK_IS_TABLE (list) && (removed > 0 || added > 0))
    {
      gk_checker_mark (self, GK_CHECK_READS_STRUCTURE);
      self->structure |= part;
    }
  if (list == gk_document_get_projects (self->document))
    {
      gk_checker_mark (self, gk_checker_part_of (self, gk_document_get_projects_table (self->document)));
      self->projects_moved = TRUE;
    }
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      watch (self, item, part, project);
    }
}

static void
watch (GkChecker *self,
       gpointer   object,
       guint64    part,
       GkProject *project)
{
  Watch *w = g_hash_table_lookup (self->watched, object);

  if (w != NULL)
    return;

  w = g_new (Watch, 1);
  w->part = part;
  w->project = project;
  g_hash_table_insert (self->watched, g_object_ref (object), w);

  if (GK_IS_ROW (object))
    {
      g_signal_connect (object, "changed", G_CALLBACK (row_changed_cb), self);
      g_signal_connect (object, "notify::name", G_CALLBACK (notify_cb), self);
    }
  else
    g_signal_connect (object, "notify", G_CALLBACK (notify_cb), self);

  if (G_IS_LIST_MODEL (object))
    {
      guint n = g_list_model_get_n_items (object);

      g_signal_connect (object, "items-changed", G_CALLBACK (items_changed_cb), self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (object, i);
          watch (self, item, part, project);
        }
    }

  if (GK_IS_PROJECT (object))
    watch (self, gk_project_get_indicators (object), GK_CHECK_READS_PROJECTS, object);
  /* The 整体绩效目标表's goal and indicators are part of its table. */
  if (GK_IS_TABLE (object) && gk_table_is_overall_performance (object))
    {
      watch (self, gk_table_get_goal_item (object), part, NULL);
      watch (self, gk_table_get_indicators (object), part, NULL);
    }
}

void
gk_checker_watch_document (GkChecker *self)
{
  GkDocument *document = self->document;
  GkOverview *overview = gk_document_get_overview (document);
  GkExplanation *explanation = gk_document_get_explanation (document);

  /* Tables first: their rows take the table's part. */
  for (guint i = 0; i < gk_document_get_n_tables (document) && i < 32; i++)
    watch (self, gk_document_get_table_at (document, i), G_GUINT64_CONSTANT (1) << i, NULL);

  watch (self, document, GK_CHECK_READS_META, NULL);
  watch (self, overview, GK_CHECK_READS_OVERVIEW, NULL);
  watch (self, gk_overview_get_duties (overview), GK_CHECK_READS_OVERVIEW, NULL);
  watch (self, gk_overview_get_offices (overview), GK_CHECK_READS_OVERVIEW, NULL);
  watch (self, gk_overview_get_subordinate_units (overview), GK_CHECK_READS_OVERVIEW, NULL);
  watch (self, explanation, GK_CHECK_READS_EXPLANATION, NULL);
  watch (self, gk_explanation_get_priors (explanation), GK_CHECK_READS_PRIORS, NULL);
  watch (self, gk_document_get_projects (document), GK_CHECK_READS_PROJECTS, NULL);
  watch (self, gk_document_get_glossary (document), GK_CHECK_READS_GLOSSARY, NULL);
  /* A 决算's budget figures are compared like last year's. */
  watch (self, gk_document_get_budget (document), GK_CHECK_READS_PRIORS, NULL);
  watch (self, gk_budget_get_figures (gk_document_get_budget (document)), GK_CHECK_READS_PRIORS, NULL);
  watch (self, gk_document_get_final_facts (document), GK_CHECK_READS_EXPLANATION, NULL);
}

/* Hand-written paragraphs are a map without signals; comparing them after
 * each action is cheap, as there are few. Returns whether they changed
 * since the last call. */
gboolean
gk_checker_hand_written_changed (GkChecker *self)
{
  GkExplanation *explanation = gk_document_get_explanation (self->document);
  g_auto(GStrv) ids = gk_explanation_dup_hand_written_ids (explanation);
  g_autoptr(GPtrArray) snapshot = g_ptr_array_new_with_free_func (g_free);
  gboolean same;

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (snapshot, g_strconcat (ids[i], "\x1f",
                                            gk_explanation_get_hand_written (explanation, ids[i]),
                                            NULL));
  same = self->hand_written != NULL && self->hand_written->len == snapshot->len;
  for (guint i = 0; same && i < snapshot->len; i++)
    same = g_str_equal (snapshot->pdata[i], self->hand_written->pdata[i]);
  if (same)
    return FALSE;
  g_clear_pointer (&self->hand_written, g_ptr_array_unref);
  self->hand_written = g_steal_pointer (&snapshot);
  return TRUE;
}

void
gk_checker_mark (GkChecker *self,
                 guint64    parts)
{
  self->dirty |= parts;
  for (guint i = 0; i < 64; i++)
    if (parts & (G_GUINT64_CONSTANT (1) << i))
      self->serials[i]++;
}
