/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-table-cell-private.h"

/* Two things a cell keeps across what the list view does to it: the look
 * of a row of 表五 that follows 表三 (derived, yet typed over to make it
 * the row's own), and what was being typed when the cell is recycled for
 * another row as the table scrolls. */

/* The tooltip of a cell of a following row. */
char *
_gk_table_cell_describe_following (GkRow *row,
                                   guint  column)
{
  return g_strdup (_("Follows 支出总表: this 项 is funded by 一般公共预算 alone, so its "
                     "figures are 支出总表's. Type a figure to enter this row yourself."));
}

static char *
pending_key (guint column)
{
  return g_strdup_printf ("gk-table-cell-pending-%u", column);
}

typedef struct
{
  char *typed;
  char *error;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  g_free (pending->typed);
  g_free (pending->error);
  g_free (pending);
}

/* Editing stops because the cell is recycled (the table scrolled): what
 * was typed is committed like Tab would. A figure that is refused is kept
 * on the row with its reason, and the editor comes back with both when a
 * cell shows that row again. */
void
_gk_table_cell_keep_typing (GkTableCell *self)
{
  GkRow *row = gk_table_cell_get_row (self);
  GtkEditable *editable = gk_table_cell_get_editable (self);
  Pending *pending;
  g_autofree char *key = NULL;

  if (row == NULL || editable == NULL)
    return;
  if (gk_table_cell_stop_editing (self, TRUE))
    return;
  pending = g_new0 (Pending, 1);
  pending->typed = g_strdup (gtk_editable_get_text (editable));
  pending->error = g_strdup (gk_table_cell_get_error (self));
  key = pending_key (gk_table_cell_get_column (self));
  g_object_set_data_full (G_OBJECT (row), key, pending, pending_free);
  gk_table_cell_stop_editing (self, FALSE);
}

/* The typing kept on the cell's row, if any, back in the editor. */
void
_gk_table_cell_restore_typing (GkTableCell *self)
{
  GkRow *row = gk_table_cell_get_row (self);
  g_autofree char *key = NULL;
  Pending *pending;

  if (row == NULL)
    return;
  key = pending_key (gk_table_cell_get_column (self));
  pending = g_object_steal_data (G_OBJECT (row), key);
  if (pending == NULL)
    return;
  if (gk_table_cell_start_editing (self, pending->typed))
    gk_table_cell_set_error (self, pending->error);
  pending_free (pending);
}

/* The typing kept for @column of @row (for tests and the save guard), or
 * NULL. */
const char *
gk_table_cell_get_kept_typing (GkRow *row,
                               guint  column)
{
  g_autofree char *key = pending_key (column);
  Pending *pending = g_object_get_data (G_OBJECT (row), key);

  return pending != NULL ? pending->typed : NULL;
}
