/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-checker-private.h"

/* The list of findings as the checks change it: kept sorted, and changed
 * in place by splices that GListModel::items-changed tells one by one, so
 * that a view of it keeps the rows of the findings that stay. */

int
_gk_checker_compare_findings (gconstpointer a,
                              gconstpointer b)
{
  const SortKey *ka = g_object_get_qdata (*(GObject **) a, _gk_checker_sort_quark);
  const SortKey *kb = g_object_get_qdata (*(GObject **) b, _gk_checker_sort_quark);
  int order;

  if (ka->severity != kb->severity)
    return ka->severity < kb->severity ? -1 : 1;
  if (ka->rank != kb->rank)
    return ka->rank < kb->rank ? -1 : 1;
  order = g_strcmp0 (ka->row, kb->row);
  if (order != 0)
    return order;
  if (ka->instance != kb->instance)
    return ka->instance < kb->instance ? -1 : 1;
  return ka->sequence < kb->sequence ? -1 : ka->sequence > kb->sequence;
}

static void
count_finding (GkChecker *self,
               GkFinding *finding,
               int        delta)
{
  if (gk_finding_get_severity (finding) == GK_CHECK_SEVERITY_ERROR)
    self->n_errors += delta;
  else
    self->n_warnings += delta;
}

/* Up to this many changes, each finds its place by bisection. */
#define ONE_BY_ONE 64

/* Where @finding is in the sorted list, or the list's length. */
static guint
position_of (GPtrArray *items,
             GkFinding *finding)
{
  guint lo = 0, hi = items->len;
  guint index;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (_gk_checker_compare_findings (&items->pdata[mid], &finding) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (; lo < items->len && _gk_checker_compare_findings (&items->pdata[lo], &finding) == 0; lo++)
    if (items->pdata[lo] == finding)
      return lo;
  /* Not where its key says: look everywhere rather than lose it. */
  return g_ptr_array_find (items, finding, &index) ? index : items->len;
}

/* Where @finding goes: after every finding that sorts before or with it. */
static guint
position_after (GPtrArray *items,
                GkFinding *finding)
{
  guint lo = 0, hi = items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (_gk_checker_compare_findings (&items->pdata[mid], &finding) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A few changes, as after most edits: each taken out where its key says
 * it is and put in where its key says it goes, without a pass over the
 * list. */
static void
splice_one_by_one (GkChecker  *self,
                   GPtrArray  *fresh,
                   GHashTable *removed)
{
  GHashTableIter iter;
  gpointer finding;

  g_hash_table_iter_init (&iter, removed);
  while (g_hash_table_iter_next (&iter, &finding, NULL))
    {
      guint position = position_of (self->items, finding);

      if (position >= self->items->len)
        continue;
      count_finding (self, finding, -1);
      _gk_checker_index_remove (self, finding);
      g_ptr_array_remove_index (self->items, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
  for (guint k = 0; k < fresh->len; k++)
    {
      SortKey *sort = g_object_get_qdata (fresh->pdata[k], _gk_checker_sort_quark);
      sort->sequence = sort->next;
    }
  g_ptr_array_sort (fresh, _gk_checker_compare_findings);
  for (guint k = 0; k < fresh->len; k++)
    {
      guint position = position_after (self->items, fresh->pdata[k]);

      count_finding (self, fresh->pdata[k], 1);
      g_ptr_array_insert (self->items, position, g_object_ref (fresh->pdata[k]));
      _gk_checker_index_add (self, fresh->pdata[k], _gk_checker_compare_findings);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
}

/* Splices what the checks found anew into the sorted list and takes out
 * what they no longer find, one run of neighbouring changes at a time:
 * the rest stays where it is, the same objects, so that a list view keeps
 * its rows (and its selection) and a re-check among thousands of findings
 * costs one pass over the list, not a sort or a copy of it. */
void
_gk_checker_splice (GkChecker *self)
{
  g_autoptr(GPtrArray) fresh = g_steal_pointer (&self->added);
  g_autoptr(GHashTable) removed = g_steal_pointer (&self->removed);
  GPtrArray *items = self->items;
  GHashTableIter iter;
  gpointer finding;
  guint pos = 0, j = 0;

  self->added = g_ptr_array_new ();
  self->removed = g_hash_table_new (NULL, NULL);

  if (fresh->len + g_hash_table_size (removed) <= ONE_BY_ONE)
    {
      splice_one_by_one (self, fresh, removed);
      return;
    }

  /* Out of the index first: a finding that moves comes back into it. */
  g_hash_table_iter_init (&iter, removed);
  while (g_hash_table_iter_next (&iter, &finding, NULL))
    _gk_checker_index_remove (self, finding);
  for (guint k = 0; k < fresh->len; k++)
    {
      SortKey *sort = g_object_get_qdata (fresh->pdata[k], _gk_checker_sort_quark);
      sort->sequence = sort->next;
    }
  g_ptr_array_sort (fresh, _gk_checker_compare_findings);

  for (;;)
    {
      guint start, n_removed = 0, n_added = 0;

      /* What stays, up to the next change. */
      while (pos < items->len && !g_hash_table_contains (removed, items->pdata[pos]) &&
             (j >= fresh->len || _gk_checker_compare_findings (&items->pdata[pos], &fresh->pdata[j]) <= 0))
        pos++;
      if (pos >= items->len && j >= fresh->len)
        break;

      /* A run: what leaves there, and what comes in between. */
      start = pos;
      for (;;)
        {
          guint next = start + n_removed;

          if (next < items->len && g_hash_table_contains (removed, items->pdata[next]))
            {
              count_finding (self, items->pdata[next], -1);
              n_removed++;
            }
          else if (j + n_added < fresh->len &&
                   (next >= items->len ||
                    _gk_checker_compare_findings (&items->pdata[next], &fresh->pdata[j + n_added]) > 0))
            {
              count_finding (self, fresh->pdata[j + n_added], 1);
              _gk_checker_index_add (self, fresh->pdata[j + n_added], _gk_checker_compare_findings);
              n_added++;
            }
          else
            break;
        }
      g_ptr_array_remove_range (items, start, n_removed);
      for (guint k = 0; k < n_added; k++)
        g_ptr_array_insert (items, start + k, g_object_ref (fresh->pdata[j + k]));
      j += n_added;
      pos = start + n_added;
      g_list_model_items_changed (G_LIST_MODEL (self), start, n_removed, n_added);
    }
}
