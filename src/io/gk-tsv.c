/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-tsv.h"

/* Rows (GStrv, each cell stripped) of `text`: lines end at "\n" or
 * "\r\n"; blank lines at the end are not rows (spreadsheets add one). */
GPtrArray *
gk_tsv_split (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  g_return_val_if_fail (text != NULL, rows);

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  while (n_lines > 0 && g_strstrip (lines[n_lines - 1])[0] == '\0')
    n_lines--;
  for (guint i = 0; i < n_lines; i++)
    {
      gsize len = strlen (lines[i]);
      char **cells;

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      cells = g_strsplit (lines[i], "\t", -1);
      for (guint j = 0; cells[j] != NULL; j++)
        g_strstrip (cells[j]);
      g_ptr_array_add (rows, cells);
    }
  return rows;
}
