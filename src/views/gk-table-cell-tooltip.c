/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-table-cell-private.h"
#include "gk-table-unit.h"
#include "gk-tooltip.h"

/* What a cell of a table page says on hover, and whether a finding of
 * 审核 marks it. */

/* The row as a GkPlace names it. */
static const char *
place_row_id (GkRow *row)
{
  switch (gk_row_get_kind (row))
    {
    case GK_ROW_KIND_TOTAL:
      return "total";
    case GK_ROW_KIND_LINE:
      return gk_row_get_line_id (row);
    case GK_ROW_KIND_PROJECT:
      return gk_row_get_project (row) != NULL ? gk_project_get_id (gk_row_get_project (row)) : NULL;
    case GK_ROW_KIND_SINGLE:
      return NULL;
    case GK_ROW_KIND_CLASS:
    case GK_ROW_KIND_SECTION:
    case GK_ROW_KIND_ITEM:
    default:
      return gk_row_get_code (row);
    }
}

/* A cell that a finding of 审核 involves is marked, its tooltip the
 * findings' messages. */
char *
_gk_table_cell_dup_findings (GkTableCell *self)
{
  GkRow *row = gk_table_cell_get_row (self);
  GkChecker *checker = _gk_table_cell_get_checker (self);
  GkTable *table = gk_row_get_table (row);
  const GkColumnSchema *column;
  g_autoptr(GPtrArray) found = NULL;
  GString *messages;

  if (checker == NULL || table == NULL)
    return NULL;
  column = gk_table_schema_get_column (gk_table_get_schema (table), gk_table_cell_get_column (self));
  found = gk_checker_find (checker, gk_table_get_id (table), place_row_id (row), column->id);
  if (found->len == 0)
    return NULL;
  messages = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      if (i > 0)
        g_string_append (messages, "\n\n");
      g_string_append (messages, gk_finding_get_message (found->pdata[i]));
    }
  return g_string_free (messages, FALSE);
}

/* The tooltip is computed when GTK asks for it: setting one on every bind
 * made GTK ask the X server where the pointer is, for every cell that
 * scrolled into view. */
char *
gk_table_cell_dup_tooltip (GkTableCell *self)
{
  GkDocument *document;
  GkRow *row;
  guint column;
  char *findings;
  GkAmount amount;

  g_return_val_if_fail (GK_IS_TABLE_CELL (self), NULL);

  row = gk_table_cell_get_row (self);
  column = gk_table_cell_get_column (self);
  document = _gk_table_cell_get_document (self);
  if (row == NULL)
    return NULL;
  if (gk_table_cell_get_error (self) != NULL)
    return g_strdup (gk_table_cell_get_error (self));
  if ((findings = _gk_table_cell_dup_findings (self)) != NULL)
    return findings;
  if (gk_row_has_overflow (row, column))
    return g_strdup (_("The sum is too large to be computed"));
  if (document != NULL && gk_row_get_amount (row, column, &amount))
    {
      GkAmount shown;
      gboolean rounded = FALSE;

      if (!gk_table_amount_to_shown (gk_row_get_table (row), document, amount, &shown, &rounded))
        return g_strdup (_("The figure is too large to be shown in this table's unit"));
      /* The cell shows the figure rounded to its table's unit; the exact
       * one the document keeps is said, not hidden. */
      if (rounded)
        {
          g_autofree char *exact = gk_amount_format_grouped (amount);
          GkMoneyUnit unit = gk_document_get_money_unit (document);

          return g_strdup_printf (_("%s%s, shown rounded in this table's unit"),
                                  exact, gk_money_unit_to_string (unit));
        }
    }
  if (!gk_table_cell_takes_figure (row, column))
    return gk_table_cell_describe_derivation (row, column);
  if ((findings = _gk_table_cell_describe_kept (row, column)) != NULL)
    return findings;
  if (document != NULL && gk_document_row_follows (document, row))
    return _gk_table_cell_describe_following (row, column);
  return NULL;
}

gboolean
_gk_table_cell_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  g_autofree char *text = gk_table_cell_dup_tooltip (GK_TABLE_CELL (widget));

  if (text == NULL)
    return FALSE;
  gk_tooltip_set_text (tooltip, text);
  return TRUE;
}
