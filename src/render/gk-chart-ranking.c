/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-chart-ranking-private.h"
#include "gk-table-unit.h"

/* The projects of a document ranked by their 合计 as the projects chart
 * shows them (in 表七's unit, largest first, then in list order), kept
 * up to date by difference: an edit moves the projects it changed and
 * adjusts the sum of the rest, so that charting the largest few of 10 000
 * projects after an edit costs a few steps, not a pass over all of them.
 * A project added, removed or moved, or a change of unit, ranks them all
 * anew on the next look. */

#define RANKING_KEY "gk-chart-ranking"

typedef struct
{
  GkProject     *project;
  GkAmount       value;
  guint          order;
  GSequenceIter *iter;     /* NULL while the value is not above 0 */
} Node;

struct _GkChartRanking
{
  GkDocument  *document;   /* unowned: the ranking is its data */
  GListModel  *projects;
  GHashTable  *nodes;      /* GkProject * → Node * */
  GSequence   *ranked;     /* Node *, largest first */
  GkAmount     sum;        /* of the ranked values */
  gboolean     sum_fits;
  GkMoneyUnit  table_unit;
  GkMoneyUnit  document_unit;
  gboolean     valid;
  guint64      serial;
  guint        shown;      /* how many of the first are charted by name */
};

static guint64 next_serial = 0;

static int
compare_nodes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Node *x = a;
  const Node *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

static GkAmount
node_value (GkChartRanking *self,
            GkProject      *project)
{
  GkTable *table = gk_document_get_projects_table (self->document);
  GkAmount value = gk_project_get_total (project);
  GkAmount converted;

  if (table == NULL)
    return value;
  if (!gk_table_amount_to_shown (table, self->document, value, &converted, NULL))
    return value < 0 ? GK_AMOUNT_MIN : GK_AMOUNT_MAX;
  return converted;
}

static void
sum_add (GkChartRanking *self,
         GkAmount        value,
         gboolean        add)
{
  if (value <= 0 || !self->sum_fits)
    return;
  if (add ? !gk_amount_add (self->sum, value, &self->sum) : !gk_amount_sub (self->sum, value, &self->sum))
    self->sum_fits = FALSE;
}

/* Whether @node is among the first few, whose names the chart shows. */
static gboolean
node_is_named (GkChartRanking *self,
               Node           *node)
{
  return node->iter != NULL && (guint) g_sequence_iter_get_position (node->iter) < self->shown;
}

static void
total_changed (GkProject      *project,
               GParamSpec     *pspec,
               GkChartRanking *self)
{
  Node *node = g_hash_table_lookup (self->nodes, project);
  GkAmount value;

  if (!self->valid || node == NULL)
    return;
  value = node_value (self, project);
  if (value == node->value)
    return;
  sum_add (self, node->value, FALSE);
  if (node->iter != NULL)
    g_sequence_remove (node->iter);
  node->iter = NULL;
  node->value = value;
  if (value > 0)
    node->iter = g_sequence_insert_sorted (self->ranked, node, compare_nodes, NULL);
  sum_add (self, value, TRUE);
  self->serial = ++next_serial;
}

static void
name_changed (GkProject      *project,
              GParamSpec     *pspec,
              GkChartRanking *self)
{
  Node *node = g_hash_table_lookup (self->nodes, project);

  if (self->valid && node != NULL && node_is_named (self, node))
    self->serial = ++next_serial;
}

static void
node_free (gpointer data)
{
  Node *node = data;

  g_object_unref (node->project);
  g_free (node);
}

static void
ranking_clear (GkChartRanking *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->nodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_signal_handlers_disconnect_by_data (key, self);
  g_hash_table_remove_all (self->nodes);
  g_sequence_remove_range (g_sequence_get_begin_iter (self->ranked), g_sequence_get_end_iter (self->ranked));
  self->sum = 0;
  self->sum_fits = TRUE;
  self->valid = FALSE;
  self->serial = ++next_serial;
}

static void
projects_changed (GkChartRanking *self)
{
  if (self->valid)
    ranking_clear (self);
}

static void
ranking_fill (GkChartRanking *self)
{
  GkTable *table = gk_document_get_projects_table (self->document);
  guint n = g_list_model_get_n_items (self->projects);

  ranking_clear (self);
  self->document_unit = gk_document_get_money_unit (self->document);
  self->table_unit = table != NULL ? gk_table_get_money_unit (table, self->document) : self->document_unit;
  for (guint i = 0; i < n; i++)
    {
      Node *node = g_new0 (Node, 1);

      node->project = g_list_model_get_item (self->projects, i);
      node->order = i;
      node->value = node_value (self, node->project);
      if (node->value > 0)
        node->iter = g_sequence_append (self->ranked, node);
      sum_add (self, node->value, TRUE);
      g_hash_table_insert (self->nodes, node->project, node);
      g_signal_connect (node->project, "notify::total", G_CALLBACK (total_changed), self);
      g_signal_connect (node->project, "notify::name", G_CALLBACK (name_changed), self);
    }
  g_sequence_sort (self->ranked, compare_nodes, NULL);
  self->valid = TRUE;
}

static void
ranking_free (gpointer data)
{
  GkChartRanking *self = data;

  ranking_clear (self);
  g_signal_handlers_disconnect_by_data (self->projects, self);
  g_object_unref (self->projects);
  g_hash_table_unref (self->nodes);
  g_sequence_free (self->ranked);
  g_free (self);
}

/* The ranking of @document's projects, made on the first look and kept
 * with the document; @shown: how many of the first the chart names. */
GkChartRanking *
gk_chart_ranking_get (GkDocument *document,
                      guint       shown)
{
  GkChartRanking *self = g_object_get_data (G_OBJECT (document), RANKING_KEY);
  GkTable *table;

  if (self == NULL)
    {
      self = g_new0 (GkChartRanking, 1);
      self->document = document;
      self->projects = g_object_ref (gk_document_get_projects (document));
      self->nodes = g_hash_table_new_full (NULL, NULL, NULL, node_free);
      self->ranked = g_sequence_new (NULL);
      self->sum_fits = TRUE;
      g_signal_connect_swapped (self->projects, "items-changed", G_CALLBACK (projects_changed), self);
      g_object_set_data_full (G_OBJECT (document), RANKING_KEY, self, ranking_free);
    }
  self->shown = MAX (self->shown, shown);

  table = gk_document_get_projects_table (document);
  if (self->valid &&
      (self->document_unit != gk_document_get_money_unit (document) ||
       self->table_unit != (table != NULL ? gk_table_get_money_unit (table, document) : self->document_unit)))
    ranking_clear (self);
  if (!self->valid)
    ranking_fill (self);
  return self;
}

/* Changes whenever what the first few or the rest add up to may have. */
guint64
gk_chart_ranking_get_serial (GkChartRanking *self)
{
  return self->serial;
}

/* How many projects are above 0. */
guint
gk_chart_ranking_get_n_ranked (GkChartRanking *self)
{
  return g_sequence_get_length (self->ranked);
}

/* The first @n projects above 0, largest first, and through @value the
 * charted value of each; then in *@rest what the others add up to (at the
 * largest amount when that does not fit). */
void
gk_chart_ranking_get_first (GkChartRanking *self,
                            guint           n,
                            GkProject     **projects,
                            GkAmount       *values,
                            GkAmount       *rest)
{
  GSequenceIter *iter = g_sequence_get_begin_iter (self->ranked);
  GkAmount first = 0;
  gboolean first_fits = TRUE;
  guint i;

  for (i = 0; i < n && !g_sequence_iter_is_end (iter); i++, iter = g_sequence_iter_next (iter))
    {
      Node *node = g_sequence_get (iter);

      projects[i] = node->project;
      values[i] = node->value;
      if (first_fits && !gk_amount_add (first, node->value, &first))
        first_fits = FALSE;
    }
  if (self->sum_fits && first_fits)
    {
      *rest = self->sum - first;
      return;
    }
  /* Beyond any budget: summed one by one, as far as it goes. */
  *rest = 0;
  for (; !g_sequence_iter_is_end (iter); iter = g_sequence_iter_next (iter))
    {
      Node *node = g_sequence_get (iter);

      if (!gk_amount_add (*rest, node->value, rest))
        {
          *rest = GK_AMOUNT_MAX;
          return;
        }
    }
}
