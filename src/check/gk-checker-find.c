/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-checker-private.h"

/* Finding the findings of a place (a cell, a project, a paragraph) and
 * counting those of a rule: an index built on first use after a change. */

static char *
index_key (const char *part,
           const char *row)
{
  return g_strconcat (part, "\x1f", row ? row : "", NULL);
}

static void
build_index (GkChecker *self)
{
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      GkFinding *finding = self->items->pdata[i];

      for (guint p = 0; p < gk_finding_get_n_places (finding); p++)
        {
          const GkPlace *place = gk_finding_get_place (finding, p);
          g_autofree char *key = index_key (place->part, place->row);
          GPtrArray *list = g_hash_table_lookup (self->index, key);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (self->index, g_steal_pointer (&key), list);
            }
          if (list->len == 0 || list->pdata[list->len - 1] != finding)
            g_ptr_array_add (list, finding);
        }
    }
}

/* Keeps the index, when there is one, as the list changes by a finding
 * taken out or put in, rather than building it again on the next look:
 * the cells in sight look after every change of the list. */
void
_gk_checker_index_remove (GkChecker *self,
                          GkFinding *finding)
{
  if (self->index == NULL)
    return;
  for (guint p = 0; p < gk_finding_get_n_places (finding); p++)
    {
      const GkPlace *place = gk_finding_get_place (finding, p);
      g_autofree char *key = index_key (place->part, place->row);
      GPtrArray *list = g_hash_table_lookup (self->index, key);

      if (list == NULL)
        continue;
      while (g_ptr_array_remove (list, finding))
        ;
      if (list->len == 0)
        g_hash_table_remove (self->index, key);
    }
}

/* @compare: the list's order, in which each place's findings are kept. */
void
_gk_checker_index_add (GkChecker    *self,
                       GkFinding    *finding,
                       GCompareFunc  compare)
{
  if (self->index == NULL)
    return;
  for (guint p = 0; p < gk_finding_get_n_places (finding); p++)
    {
      const GkPlace *place = gk_finding_get_place (finding, p);
      g_autofree char *key = index_key (place->part, place->row);
      GPtrArray *list = g_hash_table_lookup (self->index, key);
      guint i;

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->index, g_steal_pointer (&key), list);
        }
      if (g_ptr_array_find (list, finding, NULL))
        continue;
      for (i = list->len; i > 0 && compare (&list->pdata[i - 1], &finding) > 0; i--)
        ;
      g_ptr_array_insert (list, i, finding);
    }
}

/**
 * gk_checker_find:
 * @part: "expenditure", "overview", "narrative" …
 * @row: (nullable): a row key (code, project id, "total" …) or a text key
 * @column: (nullable): a column id, or %NULL for any
 *
 * The findings that involve a place, for marking a cell or a paragraph.
 * A %NULL @row matches only places without a row (表八's single row, a
 * whole part).
 *
 * Returns: (transfer container) (element-type GkFinding): in list order
 */
GPtrArray *
gk_checker_find (GkChecker  *self,
                 const char *part,
                 const char *row,
                 const char *column)
{
  g_autofree char *key = NULL;
  GPtrArray *found;
  GPtrArray *list;

  g_return_val_if_fail (GK_IS_CHECKER (self), NULL);
  g_return_val_if_fail (part != NULL, NULL);

  found = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->index == NULL)
    build_index (self);
  key = index_key (part, row);
  list = g_hash_table_lookup (self->index, key);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      GkFinding *finding = list->pdata[i];

      for (guint p = 0; p < gk_finding_get_n_places (finding); p++)
        {
          const GkPlace *place = gk_finding_get_place (finding, p);

          if (g_strcmp0 (place->part, part) == 0 && g_strcmp0 (place->row, row) == 0 &&
              (column == NULL || g_strcmp0 (place->column, column) == 0))
            {
              g_ptr_array_add (found, g_object_ref (finding));
              break;
            }
        }
    }
  return found;
}

guint
gk_checker_count_rule (GkChecker  *self,
                       const char *rule_id)
{
  guint n = 0;

  g_return_val_if_fail (GK_IS_CHECKER (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (gk_finding_get_rule_id (self->items->pdata[i]), rule_id) == 0)
      n++;
  return n;
}
