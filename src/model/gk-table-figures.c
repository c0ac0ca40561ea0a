/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-table-private.h"

/* Figures a table keeps apart from its rows, by line id and column id: the
 * figures a published disclosure printed, and a summary's entered lines.
 * Rows are rebuilt (a summary whenever its 类 change), so the figures are
 * not stored on them. The key joins the two ids with a character neither
 * can hold. */

#define SEPARATOR "\x1f"

void
_gk_table_figures_put (GHashTable **figures,
                       const char  *line,
                       const char  *column_id,
                       GkAmount     amount)
{
  GkAmount *value = g_new (GkAmount, 1);

  if (*figures == NULL)
    *figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  *value = amount;
  g_hash_table_replace (*figures, g_strconcat (line, SEPARATOR, column_id, NULL), value);
}

void
_gk_table_figures_remove (GHashTable *figures,
                          const char *line,
                          const char *column_id)
{
  g_autofree char *key = NULL;

  if (figures == NULL)
    return;
  key = g_strconcat (line, SEPARATOR, column_id, NULL);
  g_hash_table_remove (figures, key);
}

gboolean
_gk_table_figures_get (GHashTable *figures,
                       const char *line,
                       const char *column_id,
                       GkAmount   *amount)
{
  g_autofree char *key = NULL;
  GkAmount *value;

  if (figures == NULL || line == NULL || column_id == NULL)
    return FALSE;
  key = g_strconcat (line, SEPARATOR, column_id, NULL);
  value = g_hash_table_lookup (figures, key);
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

/* The figures' lines and columns as pairs, line then column, sorted, for
 * writing and checking in a fixed order. */
GPtrArray *
_gk_table_figures_dup_pairs (GHashTable *figures)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (figures == NULL)
    return pairs;
  g_hash_table_iter_init (&iter, figures);
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
