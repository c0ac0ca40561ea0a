/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-table-private.h"

/* The entered lines of a summary (决算's 使用非财政拨款结余, 年初结转和结余,
 * 结余分配, 年末结转和结余): no other table gives them. A summary's rows are
 * rebuilt whenever the function 类 it lists change, so the figures are kept
 * apart from the rows, by line id and column id, and put back on each
 * derivation. */

#define SEPARATOR "\x1f"

/**
 * gk_table_set_line_figure:
 * @set: %FALSE to blank the figure
 *
 * Keeps the figure entered for a summary's line in one column. The caller
 * derives the summary again.
 */
void
gk_table_set_line_figure (GkTable    *self,
                          const char *line,
                          const char *column_id,
                          GkAmount    amount,
                          gboolean    set)
{
  g_autofree char *key = NULL;
  GkAmount *value;

  g_return_if_fail (GK_IS_TABLE (self));
  g_return_if_fail (line != NULL && column_id != NULL);

  key = g_strconcat (line, SEPARATOR, column_id, NULL);
  if (!set)
    {
      if (self->entered != NULL)
        g_hash_table_remove (self->entered, key);
      return;
    }
  if (self->entered == NULL)
    self->entered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  value = g_new (GkAmount, 1);
  *value = amount;
  g_hash_table_replace (self->entered, g_steal_pointer (&key), value);
}

gboolean
gk_table_get_line_figure (GkTable    *self,
                          const char *line,
                          const char *column_id,
                          GkAmount   *amount)
{
  g_autofree char *key = NULL;
  GkAmount *value;

  g_return_val_if_fail (GK_IS_TABLE (self), FALSE);

  if (self->entered == NULL || line == NULL || column_id == NULL)
    return FALSE;
  key = g_strconcat (line, SEPARATOR, column_id, NULL);
  value = g_hash_table_lookup (self->entered, key);
  if (value == NULL)
    return FALSE;
  if (amount != NULL)
    *amount = *value;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * gk_table_dup_line_figures:
 *
 * Returns: (transfer full): the entered lines and columns as pairs, line
 *   then column, sorted, for writing in a fixed order
 */
GPtrArray *
gk_table_dup_line_figures (GkTable *self)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (GK_IS_TABLE (self), pairs);

  if (self->entered == NULL)
    return pairs;
  g_hash_table_iter_init (&iter, self->entered);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *k = keys->pdata[i];
      const char *sep = strstr (k, SEPARATOR);

      g_ptr_array_add (pairs, g_strndup (k, sep - k));
      g_ptr_array_add (pairs, g_strdup (sep + 1));
    }
  return pairs;
}
