/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-table-cell.h"

/* A screen reader moving through the grid hears a number; without its row
 * and column the number means nothing. The names are what a sighted reader
 * takes from the row's left and the column's top. */

char *
gk_table_cell_describe_place (GkRow *row,
                              guint  column)
{
  GkTable *table;
  const GkColumnSchema *col;
  const char *code, *name;
  g_autofree char *row_name = NULL;

  g_return_val_if_fail (GK_IS_ROW (row), NULL);

  code = gk_row_get_code (row);
  name = gk_row_get_name (row);
  if (code != NULL && *code != '\0' && name != NULL && *name != '\0')
    row_name = g_strdup_printf ("%s %s", code, name);
  else
    row_name = g_strdup (name != NULL && *name != '\0' ? name : code ? code : "");

  table = gk_row_get_table (row);
  col = table ? gk_table_schema_get_column (gk_table_get_schema (table), column) : NULL;
  if (col == NULL || col->title == NULL)
    return g_steal_pointer (&row_name);
  /* TRANSLATORS: a table cell for a screen reader: the row's code and name, then the column's title */
  return g_strdup_printf (_("%s, %s"), row_name, col->title);
}

void
gk_table_cell_update_accessible (GkTableCell *self,
                                 GkRow       *row,
                                 guint        column,
                                 gboolean     entered)
{
  g_autofree char *place = NULL;

  if (row == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  place = gk_table_cell_describe_place (row, column);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, place,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  entered ? _("Entered") : _("Calculated automatically"),
                                  -1);
}
