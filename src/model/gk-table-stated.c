/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-project.h"
#include "gk-table-private.h"

/* Figures as printed. A published disclosure states every subtotal, 合计
 * and summary line that Gongkai derives; a document read from one keeps
 * those figures beside the derived ones, so that a check can name each
 * place where the two differ. A figure is addressed by its line — a code,
 * "total", a summary's line id, "values" for a one-row table — and its
 * column's id. */

/**
 * gk_table_stated_line:
 *
 * Returns: (nullable): how @row is addressed among the stated figures,
 *   or %NULL for a row that has none (a project's)
 */
const char *
gk_table_stated_line (GkRow *row)
{
  g_return_val_if_fail (GK_IS_ROW (row), NULL);

  switch (gk_row_get_kind (row))
    {
    case GK_ROW_KIND_TOTAL:
      /* A summary's totals are lines of their own (收入总计, 支出合计). */
      return gk_row_get_line_id (row) != NULL ? gk_row_get_line_id (row) : "total";
    case GK_ROW_KIND_SINGLE:
      return "values";
    case GK_ROW_KIND_LINE:
      return gk_row_get_line_id (row);
    case GK_ROW_KIND_CLASS:
    case GK_ROW_KIND_SECTION:
    case GK_ROW_KIND_ITEM:
      return gk_row_get_code (row);
    case GK_ROW_KIND_PROJECT:
    case GK_ROW_KIND_ENTRY:
    default:
      return NULL;
    }
}

/**
 * gk_table_lookup_stated_line:
 *
 * Returns: (transfer none) (nullable): the row @line addresses, if the
 *   table has it
 */
GkRow *
gk_table_lookup_stated_line (GkTable    *self,
                             const char *line)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  g_return_val_if_fail (line != NULL, NULL);

  if (g_str_equal (line, "total"))
    return self->total;
  if (g_str_equal (line, "values"))
    return self->single;
  if (g_ascii_isdigit (line[0]) && gk_table_lookup (self, line) != NULL)
    return gk_table_lookup (self, line);
  if (self->total != NULL && g_strcmp0 (gk_row_get_line_id (self->total), line) == 0)
    return self->total;
  return gk_table_lookup_line (self, line);
}

/**
 * gk_table_set_stated:
 * @line: as gk_table_stated_line() gives it
 * @column_id: the column's id in the table's schema
 *
 * Keeps the figure a published disclosure printed for a derived cell.
 */
void
gk_table_set_stated (GkTable    *self,
                     const char *line,
                     const char *column_id,
                     GkAmount    amount)
{
  g_return_if_fail (GK_IS_TABLE (self));
  g_return_if_fail (line != NULL && column_id != NULL);

  _gk_table_figures_put (&self->stated, line, column_id, amount);
  g_object_notify (G_OBJECT (self), "n-stated");
}

/**
 * gk_table_clear_stated:
 *
 * Forgets every printed figure: they belong to one published document.
 */
void
gk_table_clear_stated (GkTable *self)
{
  g_return_if_fail (GK_IS_TABLE (self));

  if (self->stated == NULL || g_hash_table_size (self->stated) == 0)
    return;
  g_hash_table_remove_all (self->stated);
  g_object_notify (G_OBJECT (self), "n-stated");
}

gboolean
gk_table_get_stated (GkTable    *self,
                     const char *line,
                     const char *column_id,
                     GkAmount   *amount)
{
  g_return_val_if_fail (GK_IS_TABLE (self), FALSE);
  return _gk_table_figures_get (self->stated, line, column_id, amount);
}

guint
gk_table_get_n_stated (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), 0);

  return self->stated != NULL ? g_hash_table_size (self->stated) : 0;
}

/**
 * gk_table_dup_stated:
 *
 * Returns: (transfer full): the stated figures' lines and columns as
 *   pairs, line then column, sorted, for writing and checking in a fixed
 *   order
 */
GPtrArray *
gk_table_dup_stated (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), g_ptr_array_new_with_free_func (g_free));
  return _gk_table_figures_dup_pairs (self->stated);
}
