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

typedef struct
{
  GkDocument *document;
  GkRow      *row;
  guint       column;
} Commit;

static void
commit_free (gpointer data)
{
  Commit *commit = data;

  g_object_unref (commit->document);
  g_object_unref (commit->row);
  g_free (commit);
}

/* What was typed goes into the document once the list view is done laying
 * out its rows: changing figures in the middle of that pass changes the
 * widgets being allocated. A refusal stays on the row with its reason. */
static gboolean
commit_kept (gpointer data)
{
  Commit *commit = data;
  g_autofree char *key = pending_key (commit->column);
  Pending *pending = g_object_get_data (G_OBJECT (commit->row), key);
  g_autoptr(GError) error = NULL;

  /* Taken back into an editor meanwhile, or already refused. */
  if (pending == NULL || pending->error != NULL)
    return G_SOURCE_REMOVE;
  if (gk_row_get_table (commit->row) != NULL &&
      gk_document_set_amount_text (commit->document, commit->row, commit->column, pending->typed, &error))
    g_object_set_data (G_OBJECT (commit->row), key, NULL);
  else
    pending->error = g_strdup (error != NULL ? error->message : _("This figure cannot be entered here"));
  return G_SOURCE_REMOVE;
}

/* Editing stops because the cell is recycled (the table scrolled): what
 * was typed is committed like Tab would, and one that is refused is kept
 * on the row with its reason: the editor comes back with both when a
 * cell shows that row again. */
void
_gk_table_cell_keep_typing (GkTableCell *self)
{
  GkRow *row = gk_table_cell_get_row (self);
  GtkEditable *editable = gk_table_cell_get_editable (self);
  GkDocument *document = _gk_table_cell_get_document (self);
  Pending *pending;
  Commit *commit;
  g_autofree char *key = NULL;

  if (row == NULL || editable == NULL)
    return;
  if (document == NULL ||
      g_strcmp0 (gtk_editable_get_text (editable), gk_table_cell_get_text (self)) == 0)
    {
      gk_table_cell_stop_editing (self, FALSE);
      return;
    }
  pending = g_new0 (Pending, 1);
  pending->typed = g_strdup (gtk_editable_get_text (editable));
  key = pending_key (gk_table_cell_get_column (self));
  g_object_set_data_full (G_OBJECT (row), key, pending, pending_free);
  gk_table_cell_stop_editing (self, FALSE);

  commit = g_new0 (Commit, 1);
  commit->document = g_object_ref (document);
  commit->row = g_object_ref (row);
  commit->column = gk_table_cell_get_column (self);
  g_idle_add_full (G_PRIORITY_DEFAULT, commit_kept, commit, commit_free);
}

/* A refused figure kept on the cell's row, back in the editor. */
void
_gk_table_cell_restore_typing (GkTableCell *self)
{
  GkRow *row = gk_table_cell_get_row (self);
  g_autofree char *key = NULL;
  Pending *pending;

  if (row == NULL)
    return;
  key = pending_key (gk_table_cell_get_column (self));
  pending = g_object_get_data (G_OBJECT (row), key);
  if (pending == NULL || pending->error == NULL)
    return;
  pending = g_object_steal_data (G_OBJECT (row), key);
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
