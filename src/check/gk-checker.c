/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-checker-private.h"

/* The checks are grouped by what they read (a table, the projects' texts,
 * the hand-written paragraphs …). The checker watches each part of the
 * document, marks the parts that change, and when the action is over
 * (GkDocument::changed) runs again only the checks that read a marked part
 * — and of a check that looks at one row or one project at a time, only
 * the rows and projects that changed. Each check keeps its own findings;
 * the list is their merge, sorted. */

typedef struct
{
  const GkCheckDef *def;
  GkTable          *table;      /* per-table checks */
  guint64           reads;
  GHashTable       *by_item;    /* row, project or the instance itself → GPtrArray of GkFinding */
  gboolean          ran;
  guint             n_runs;
} Instance;

typedef struct
{
  gpointer       data;
  GDestroyNotify destroy;
} Cache;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkChecker, gk_checker, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_WATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINDINGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
GQuark _gk_checker_sort_quark;
#define sort_quark _gk_checker_sort_quark

static GType
gk_checker_get_item_type (GListModel *model)
{
  return GK_TYPE_FINDING;
}

static guint
gk_checker_get_n_items (GListModel *model)
{
  return GK_CHECKER (model)->items->len;
}

static gpointer
gk_checker_get_item (GListModel *model,
                     guint       position)
{
  GkChecker *self = GK_CHECKER (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gk_checker_get_item_type;
  iface->get_n_items = gk_checker_get_n_items;
  iface->get_item = gk_checker_get_item;
}

static void
cache_free (gpointer data)
{
  Cache *cache = data;

  if (cache->destroy != NULL)
    cache->destroy (cache->data);
  g_free (cache);
}

static void
sort_key_free (gpointer data)
{
  SortKey *key = data;

  g_free (key->row);
  g_free (key);
}

static void
document_changed_cb (GkChecker *self)
{
  gk_checker_update (self);
}

/* Running --------------------------------------------------------------- */

static void
remember_row (GkChecker *self,
              GkRow     *row)
{
  guint n = gk_row_get_n_columns (row);
  GkAmount *values = g_new (GkAmount, n);

  for (guint c = 0; c < n; c++)
    values[c] = gk_row_get_value (row, c);
  g_hash_table_replace (self->memo, row, values);
}

/* After a check: the figures it saw, for the next one. */
static void
remember_rows (GkChecker *self)
{
  GHashTableIter iter;
  gpointer key;

  for (guint t = 0; t < gk_document_get_n_tables (self->document) && t < 32; t++)
    {
      GkTable *table = gk_document_get_table_at (self->document, t);
      guint64 bit = G_GUINT64_CONSTANT (1) << t;
      GListModel *rows = G_LIST_MODEL (table);

      if ((self->memo_tables & bit) && !(self->structure & bit))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
          remember_row (self, row);
        }
      self->memo_tables |= bit;
    }
  g_hash_table_iter_init (&iter, self->dirty_rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    remember_row (self, key);
}

static guint
rank_of_part (GkChecker  *self,
              const char *part)
{
  static const char * const texts[] = { "overview", "narrative", "explanation", "projects" };

  for (guint i = 0; i < gk_document_get_n_tables (self->document); i++)
    if (g_strcmp0 (gk_table_get_id (gk_document_get_table_at (self->document, i)), part) == 0)
      return i;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (texts[i], part) == 0)
      return 1000 + i;
  return 2000;
}

static char *
finding_key (GkFinding *finding)
{
  g_autofree char *location = gk_finding_dup_location (finding);

  /* The severity too: an edit may make the same figure certain, and the
   * finding an error instead of a warning. */
  return g_strdup_printf ("%s\x1f%d\x1f%s\x1f%s", gk_finding_get_rule_id (finding),
                          (int) gk_finding_get_severity (finding),
                          gk_finding_get_message (finding), location);
}

/* Replaces what a check found for one item, keeping the findings that are
 * still there as the same objects, and notes what leaves and enters the
 * list. Returns whether anything differs. */
static gboolean
replace_findings (GkChecker *self,
                  Instance  *instance,
                  gpointer   item,
                  GPtrArray *found)
{
  guint index = instance - &g_array_index (self->instances, Instance, 0);
  GPtrArray *old = g_hash_table_lookup (instance->by_item, item);
  g_autoptr(GHashTable) keys = NULL;
  GHashTableIter iter;
  gpointer value;
  gboolean changed = FALSE;

  if ((old == NULL || old->len == 0) && found->len == 0)
    return FALSE;

  keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; old != NULL && i < old->len; i++)
    g_hash_table_insert (keys, finding_key (old->pdata[i]), old->pdata[i]);
  for (guint i = 0; i < found->len; i++)
    {
      GkFinding *finding = found->pdata[i];
      g_autofree char *key = finding_key (finding);
      GkFinding *same = g_hash_table_lookup (keys, key);
      SortKey *sort;

      if (same != NULL)
        {
          g_hash_table_remove (keys, key);
          g_object_unref (finding);
          found->pdata[i] = g_object_ref (same);
          sort = g_object_get_qdata (G_OBJECT (same), sort_quark);
          if (sort->sequence == i)
            continue;
          /* Still there, but in another place among its row's: it
           * leaves under its old place and comes back under this one. */
          sort->next = i;
          g_hash_table_add (self->removed, same);
          g_ptr_array_add (self->added, same);
          changed = TRUE;
          continue;
        }

      {
        const GkPlace *place = gk_finding_get_n_places (finding) > 0
                                 ? gk_finding_get_place (finding, 0) : NULL;

        sort = g_new0 (SortKey, 1);
        sort->severity = gk_finding_get_severity (finding);
        sort->rank = rank_of_part (self, place != NULL ? place->part : NULL);
        sort->row = g_strdup (place != NULL ? place->row : NULL);
        sort->instance = index;
        sort->sequence = sort->next = i;
        g_object_set_qdata_full (G_OBJECT (finding), sort_quark, sort, sort_key_free);
        g_ptr_array_add (self->added, finding);
        changed = TRUE;
      }
    }

  /* What is no longer found leaves the list. */
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_hash_table_add (self->removed, value);
      changed = TRUE;
    }

  if (found->len == 0)
    g_hash_table_remove (instance->by_item, item);
  else
    g_hash_table_replace (instance->by_item, item, g_ptr_array_ref (found));
  return changed;
}

static gboolean
run_whole (GkChecker *self,
           Instance  *instance)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GkCheckRun run = { self, self->document, instance->table, found,
                     g_hash_table_lookup (instance->by_item, instance), FALSE };

  instance->def->func (&run);
  return replace_findings (self, instance, instance, found);
}

static gboolean
run_row (GkChecker *self,
         Instance  *instance,
         GkRow     *row,
         gboolean   partial)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GkCheckRun run = { self, self->document, instance->table, found,
                     g_hash_table_lookup (instance->by_item, row), partial };

  instance->def->row_func (&run, row);
  return replace_findings (self, instance, row, found);
}

static gboolean
run_project (GkChecker *self,
             Instance  *instance,
             GkProject *project)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GkCheckRun run = { self, self->document, NULL, found,
                     g_hash_table_lookup (instance->by_item, project), TRUE };

  instance->def->project_func (&run, project);
  return replace_findings (self, instance, project, found);
}

/* Drops what was found for rows or projects that are gone. */
static gboolean
keep_only (GkChecker  *self,
           Instance   *instance,
           GHashTable *present)
{
  GHashTableIter iter;
  gpointer item, value;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, instance->by_item);
  while (g_hash_table_iter_next (&iter, &item, &value))
    if (item != instance && !g_hash_table_contains (present, item))
      {
        GPtrArray *list = value;

        for (guint i = 0; i < list->len; i++)
          g_hash_table_add (self->removed, list->pdata[i]);
        g_hash_table_iter_remove (&iter);
        changed = TRUE;
      }
  return changed;
}

static gboolean
run_rows (GkChecker *self,
          Instance  *instance)
{
  GListModel *rows = G_LIST_MODEL (instance->table);
  guint64 bit = gk_checker_part_of (self, instance->table);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  gboolean changed = FALSE;

  if (!instance->ran || (self->structure & bit))
    {
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (rows, i);

          g_hash_table_add (done, row);
          changed |= run_row (self, instance, row, FALSE);
        }
      return keep_only (self, instance, done) || changed;
    }

  /* A row's subtotal reads its children: a changed row rechecks its parent. */
  g_hash_table_iter_init (&iter, self->dirty_rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GkRow *row = key;

      if (gk_row_get_table (row) != instance->table)
        continue;
      for (guint level = 0; row != NULL && level < (instance->def->with_parent ? 2u : 1u); level++)
        {
          if (g_hash_table_add (done, row))
            changed |= run_row (self, instance, row, TRUE);
          row = gk_row_get_parent (row);
        }
    }
  return changed;
}

static gboolean
run_projects (GkChecker *self,
              Instance  *instance)
{
  GListModel *projects = gk_document_get_projects (self->document);
  g_autoptr(GHashTable) present = NULL;
  GHashTableIter iter;
  gpointer key;
  gboolean changed = FALSE;

  if (!instance->ran || self->projects_moved)
    {
      present = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
        {
          g_autoptr(GkProject) project = g_list_model_get_item (projects, i);

          g_hash_table_add (present, project);
          changed |= run_project (self, instance, project);
        }
      return keep_only (self, instance, present) || changed;
    }

  g_hash_table_iter_init (&iter, self->dirty_projects);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    changed |= run_project (self, instance, key);
  return changed;
}

static gboolean
run_instance (GkChecker *self,
              Instance  *instance)
{
  const GkCheckDef *def = instance->def;
  gboolean changed = FALSE;

  instance->n_runs++;
  if (def->func != NULL)
    changed |= run_whole (self, instance);
  if (def->row_func != NULL && instance->table != NULL)
    changed |= run_rows (self, instance);
  if (def->project_func != NULL)
    changed |= run_projects (self, instance);
  instance->ran = TRUE;
  return changed;
}

static guint64
tables_read (GkDocument *document,
             const char *tables)
{
  g_auto(GStrv) ids = NULL;
  guint64 bits = 0;

  if (tables == NULL)
    return 0;
  if (g_str_equal (tables, "*"))
    return GK_CHECK_READS_TABLES;
  ids = g_strsplit (tables, " ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    for (guint t = 0; t < gk_document_get_n_tables (document) && t < 32; t++)
      if (g_strcmp0 (gk_table_get_id (gk_document_get_table_at (document, t)), ids[i]) == 0)
        bits |= G_GUINT64_CONSTANT (1) << t;
  return bits;
}

/* Whether the document's template has every table the rule reads: a rule
 * about a table the template does not print has nothing to check. */
static gboolean
has_tables (GkDocument *document,
            const char *tables)
{
  g_auto(GStrv) ids = NULL;

  if (tables == NULL || g_str_equal (tables, "*"))
    return TRUE;
  ids = g_strsplit (tables, " ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    if (ids[i][0] != '\0' && gk_document_get_table (document, ids[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
add_instance (GkChecker        *self,
              const GkCheckDef *def,
              GkTable          *table,
              guint64           reads)
{
  Instance instance = { 0 };

  instance.def = def;
  instance.table = table;
  instance.reads = reads;
  instance.by_item = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_array_append_val (self->instances, instance);
}

static void
add_instances (GkChecker        *self,
               const GkCheckDef *defs,
               guint             n_defs)
{
  for (guint d = 0; d < n_defs; d++)
    {
      const GkCheckDef *def = &defs[d];

      if (def->per_table)
        for (guint t = 0; t < gk_document_get_n_tables (self->document) && t < 32; t++)
          add_instance (self, def, gk_document_get_table_at (self->document, t),
                        def->reads | (G_GUINT64_CONSTANT (1) << t));
      else if (has_tables (self->document, def->tables))
        add_instance (self, def, NULL, def->reads | tables_read (self->document, def->tables));
    }
}

static void
instance_clear (gpointer data)
{
  Instance *instance = data;

  g_clear_pointer (&instance->by_item, g_hash_table_unref);
}

/* GObject ---------------------------------------------------------------- */

static void
gk_checker_constructed (GObject *object)
{
  GkChecker *self = GK_CHECKER (object);
  const GkCheckDef *defs;
  guint n_defs;

  G_OBJECT_CLASS (gk_checker_parent_class)->constructed (object);

  g_return_if_fail (GK_IS_DOCUMENT (self->document));

  defs = gk_check_table_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_cross_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_overall_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_stated_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_final_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_final_reasons_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_narrative_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_arith_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_paragraph_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_outline_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_format_defs (&n_defs);
  add_instances (self, defs, n_defs);
  defs = gk_check_budget_defs (&n_defs);
  add_instances (self, defs, n_defs);

  if (self->watches)
    {
      gk_checker_watch_document (self);
      g_signal_connect_swapped (self->document, "changed", G_CALLBACK (document_changed_cb), self);
    }

  gk_checker_hand_written_changed (self);
  gk_checker_mark (self, GK_CHECK_READS_EVERYTHING);
  gk_checker_update (self);
}

static void
gk_checker_dispose (GObject *object)
{
  GkChecker *self = GK_CHECKER (object);

  if (self->watched != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->watched);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_signal_handlers_disconnect_by_data (key, self);
      g_clear_pointer (&self->watched, g_hash_table_unref);
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->caches, g_hash_table_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->dirty_rows, g_hash_table_unref);
  g_clear_pointer (&self->dirty_projects, g_hash_table_unref);
  g_clear_pointer (&self->memo, g_hash_table_unref);
  g_clear_pointer (&self->removed, g_hash_table_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);
  if (self->instances != NULL)
    g_array_set_size (self->instances, 0);

  G_OBJECT_CLASS (gk_checker_parent_class)->dispose (object);
}

static void
gk_checker_finalize (GObject *object)
{
  GkChecker *self = GK_CHECKER (object);

  g_array_unref (self->instances);
  g_ptr_array_unref (self->items);
  g_clear_pointer (&self->hand_written, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_checker_parent_class)->finalize (object);
}

static void
gk_checker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GkChecker *self = GK_CHECKER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->n_errors);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->n_warnings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_checker_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GkChecker *self = GK_CHECKER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_WATCHES:
      self->watches = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_checker_class_init (GkCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gk_checker_constructed;
  object_class->dispose = gk_checker_dispose;
  object_class->finalize = gk_checker_finalize;
  object_class->get_property = gk_checker_get_property;
  object_class->set_property = gk_checker_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] =
    g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* FALSE: the findings of the document as it is now, and no more. */
  properties[PROP_WATCHES] =
    g_param_spec_boolean ("watches", NULL, NULL, TRUE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkChecker::findings-changed:
   *
   * Emitted once after a re-check changed the list, after all its
   * ::items-changed: for views that only look up the findings of a place
   * (a cell), which need not hear of every splice.
   */
  signals[FINDINGS_CHANGED] =
    g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  sort_quark = g_quark_from_static_string ("gk-checker-sort");
}

static void
gk_checker_init (GkChecker *self)
{
  self->instances = g_array_new (FALSE, FALSE, sizeof (Instance));
  g_array_set_clear_func (self->instances, instance_clear);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->watched = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, g_free);
  self->watches = TRUE;
  self->dirty_rows = g_hash_table_new (NULL, NULL);
  self->dirty_projects = g_hash_table_new (NULL, NULL);
  self->memo = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->removed = g_hash_table_new (NULL, NULL);
  self->added = g_ptr_array_new ();
  self->caches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_free);
}

/* Public API -------------------------------------------------------------- */

GkChecker *
gk_checker_new (GkDocument *document)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  return g_object_new (GK_TYPE_CHECKER, "document", document, NULL);
}

/**
 * gk_checker_new_unwatched:
 *
 * A checker of @document as it is now, for a command that checks and
 * goes: it does not follow the document's changes, so it connects to
 * none of its objects. On 10 000 projects that saves connecting tens of
 * thousands of handlers, and the memory GObject keeps for them on each
 * object until the object goes.
 */
GkChecker *
gk_checker_new_unwatched (GkDocument *document)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  return g_object_new (GK_TYPE_CHECKER, "document", document, "watches", FALSE, NULL);
}

GkDocument *
gk_checker_get_document (GkChecker *self)
{
  g_return_val_if_fail (GK_IS_CHECKER (self), NULL);
  return self->document;
}

guint
gk_checker_get_n_errors (GkChecker *self)
{
  g_return_val_if_fail (GK_IS_CHECKER (self), 0);
  return self->n_errors;
}

guint
gk_checker_get_n_warnings (GkChecker *self)
{
  g_return_val_if_fail (GK_IS_CHECKER (self), 0);
  return self->n_warnings;
}

/**
 * gk_checker_update:
 *
 * Runs the checks whose parts changed since they last ran. Called after
 * every action of the document; call it yourself after changing the
 * document in some other way.
 */
void
gk_checker_update (GkChecker *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (GK_IS_CHECKER (self));

  if (self->document == NULL)
    return;

  if (gk_checker_hand_written_changed (self))
    gk_checker_mark (self, GK_CHECK_READS_HAND_WRITTEN);

  if (self->dirty == 0)
    return;

  for (guint i = 0; i < self->instances->len; i++)
    {
      Instance *instance = &g_array_index (self->instances, Instance, i);

      if (instance->reads & self->dirty)
        changed |= run_instance (self, instance);
    }
  remember_rows (self);
  self->dirty = 0;
  self->structure = 0;
  self->projects_moved = FALSE;
  g_hash_table_remove_all (self->dirty_rows);
  g_hash_table_remove_all (self->dirty_projects);
  if (changed)
    {
      guint n_errors = self->n_errors, n_warnings = self->n_warnings;

      _gk_checker_splice (self);
      if (self->n_errors != n_errors)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ERRORS]);
      if (self->n_warnings != n_warnings)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
      g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
    }
}

/* For changes made behind the document's back (imports, tests). */
void
gk_checker_recheck_all (GkChecker *self)
{
  g_return_if_fail (GK_IS_CHECKER (self));

  gk_checker_mark (self, GK_CHECK_READS_EVERYTHING);
  self->structure = GK_CHECK_READS_TABLES;
  self->memo_tables = 0;
  self->projects_moved = TRUE;
  gk_checker_update (self);
}

/* Private API for the checks ------------------------------------------------ */

const GkAmount *
gk_checker_get_memo (GkChecker *self,
                     GkRow     *row)
{
  return g_hash_table_lookup (self->memo, row);
}

GHashTable *
gk_checker_get_dirty_rows (GkChecker *self)
{
  return self->dirty_rows;
}

guint
gk_checker_get_n_runs (GkChecker  *self,
                       const char *check_name)
{
  guint n = 0;

  for (guint i = 0; i < self->instances->len; i++)
    {
      Instance *instance = &g_array_index (self->instances, Instance, i);

      if (g_strcmp0 (instance->def->name, check_name) == 0)
        n += instance->n_runs;
    }
  return n;
}

guint64
gk_checker_get_serial (GkChecker *self,
                       guint64    reads)
{
  guint64 serial = 0;

  for (guint i = 0; i < 64; i++)
    if (reads & (G_GUINT64_CONSTANT (1) << i))
      serial += self->serials[i];
  return serial;
}

gpointer
gk_checker_get_cache (GkChecker  *self,
                      const char *name)
{
  Cache *cache = g_hash_table_lookup (self->caches, name);

  return cache != NULL ? cache->data : NULL;
}

void
gk_checker_set_cache (GkChecker      *self,
                      const char     *name,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  Cache *cache = g_new0 (Cache, 1);

  cache->data = data;
  cache->destroy = destroy;
  g_hash_table_replace (self->caches, g_strdup (name), cache);
}
