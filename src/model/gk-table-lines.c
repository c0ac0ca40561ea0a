/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-table-private.h"

/* The entered lines of a summary (决算's 使用非财政拨款结余, 年初结转和结余,
 * 结余分配, 年末结转和结余): no other table gives them. They are kept apart
 * from the rows (gk-table-figures.c) and put back on each derivation. */

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
  g_return_if_fail (GK_IS_TABLE (self));
  g_return_if_fail (line != NULL && column_id != NULL);

  if (set)
    _gk_table_figures_put (&self->entered, line, column_id, amount);
  else
    _gk_table_figures_remove (self->entered, line, column_id);
}

gboolean
gk_table_get_line_figure (GkTable    *self,
                          const char *line,
                          const char *column_id,
                          GkAmount   *amount)
{
  g_return_val_if_fail (GK_IS_TABLE (self), FALSE);
  return _gk_table_figures_get (self->entered, line, column_id, amount);
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
  g_return_val_if_fail (GK_IS_TABLE (self), g_ptr_array_new_with_free_func (g_free));
  return _gk_table_figures_dup_pairs (self->entered);
}
