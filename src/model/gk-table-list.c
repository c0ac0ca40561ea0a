/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-table-list.h"

/* The rows of a list table are the table's roots, in the user's order; the
 * 合计 row sums them like the 类 rows of other tables. A row keeps its text
 * cells as GkTextItems, so that a text edit is the document's ordinary
 * undoable property edit and the editor's text fields commit it like any
 * other; the row's name follows its first text column, so that messages
 * about its figures name it. */

static void
first_text_changed (GkRow      *row,
                    GParamSpec *pspec,
                    GkTextItem *item)
{
  gk_row_set_name (row, gk_text_item_get_text (item));
}

GkRow *
gk_list_row_new (const GkTableSchema *schema)
{
  GkRow *row;
  guint n_texts;

  g_return_val_if_fail (schema != NULL && gk_table_schema_has_entries (schema), NULL);

  row = gk_row_new (GK_ROW_KIND_ENTRY, NULL, NULL, gk_table_schema_get_n_columns (schema));
  n_texts = gk_table_schema_get_n_texts (schema);
  row->texts = g_ptr_array_new_full (n_texts, g_object_unref);
  for (guint i = 0; i < n_texts; i++)
    g_ptr_array_add (row->texts, gk_text_item_new (NULL));
  if (n_texts > 0)
    g_signal_connect_object (row->texts->pdata[0], "notify::text", G_CALLBACK (first_text_changed),
                             row, G_CONNECT_SWAPPED);
  return row;
}

GkTextItem *
gk_list_row_get_text_item (GkRow *row,
                           guint  text_column)
{
  g_return_val_if_fail (GK_IS_ROW (row), NULL);
  if (row->texts == NULL || text_column >= row->texts->len)
    return NULL;
  return row->texts->pdata[text_column];
}

/* The cell's text, "" when blank; NULL for a row that is not a list row. */
const char *
gk_list_row_get_text (GkRow *row,
                      guint  text_column)
{
  GkTextItem *item = gk_list_row_get_text_item (row, text_column);

  if (item == NULL)
    return NULL;
  return gk_text_item_get_text (item) ? gk_text_item_get_text (item) : "";
}

/* A choice column takes one of its choices, or nothing. */
gboolean
gk_table_schema_check_text (const GkTableSchema *schema,
                            guint                text_column,
                            const char          *text,
                            GError             **error)
{
  const GkTextColumnSchema *column;
  g_autofree char *choices = NULL;

  g_return_val_if_fail (text_column < gk_table_schema_get_n_texts (schema), FALSE);

  column = gk_table_schema_get_text (schema, text_column);
  if (column->choices == NULL || text == NULL || text[0] == '\0' ||
      g_strv_contains ((const char * const *) column->choices, text))
    return TRUE;
  choices = g_strjoinv ("、", column->choices);
  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
               /* Translators: “设备” is not one of 货物、工程、服务 */
               _("“%s” is not one of %s"), text, choices);
  return FALSE;
}

guint
gk_table_get_n_entries (GkTable *table)
{
  g_return_val_if_fail (GK_IS_TABLE (table), 0);
  if (!gk_table_schema_has_entries (gk_table_get_schema (table)))
    return 0;
  return g_list_model_get_n_items (gk_table_get_roots (table));
}

/* The row at @position, owned by the table; NULL past the end. */
GkRow *
gk_table_get_entry (GkTable *table,
                    guint    position)
{
  g_autoptr(GkRow) row = NULL;

  g_return_val_if_fail (GK_IS_TABLE (table), NULL);
  if (position >= gk_table_get_n_entries (table))
    return NULL;
  row = g_list_model_get_item (gk_table_get_roots (table), position);
  return row;   /* the table keeps its reference */
}

/* Commands ------------------------------------------------------------------ */

typedef struct
{
  GkCommand  base;
  GkTable   *table;
  GkRow     *row;
  guint      position;
  gboolean   insert;
} EntryCommand;

static void
entry_apply (GkDocument *self,
             GkCommand  *command,
             gboolean    undo)
{
  EntryCommand *c = (EntryCommand *) command;

  if (c->insert != undo)
    gk_table_insert_entry (c->table, c->row, c->position);
  else
    gk_table_remove_row (c->table, c->row);
  gk_document_derive_after (self, c->table);
}

static void
entry_free (GkCommand *command)
{
  EntryCommand *c = (EntryCommand *) command;

  g_object_unref (c->table);
  g_object_unref (c->row);
  g_free (c);
}

static void
record_entry (GkDocument *self,
              GkTable    *table,
              GkRow      *row,
              guint       position,
              gboolean    insert)
{
  EntryCommand *c = g_new0 (EntryCommand, 1);

  c->base.apply = entry_apply;
  c->base.free = entry_free;
  c->table = g_object_ref (table);
  c->row = g_object_ref (row);
  c->position = position;
  c->insert = insert;
  gk_document_record (self, &c->base);
}

static guint
entry_position (GkRow *row)
{
  guint position = G_MAXUINT;

  g_list_store_find (G_LIST_STORE (gk_table_get_roots (gk_row_get_table (row))), row, &position);
  return position;
}

/* Adds a blank row at @position (G_MAXUINT: after the last) and returns
 * it, owned by the table. */
GkRow *
gk_document_add_list_row (GkDocument *self,
                          GkTable    *table,
                          guint       position)
{
  g_autoptr(GkRow) row = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table), NULL);
  g_return_val_if_fail (gk_table_schema_has_entries (gk_table_get_schema (table)), NULL);

  position = MIN (position, gk_table_get_n_entries (table));
  row = gk_list_row_new (gk_table_get_schema (table));
  gk_document_begin_action (self, _("Add Row"));
  record_entry (self, table, row, position, TRUE);
  gk_document_end_action (self);
  return row;
}

void
gk_document_remove_list_row (GkDocument *self,
                             GkRow      *row)
{
  GkTable *table;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (GK_IS_ROW (row));
  g_return_if_fail (gk_row_get_kind (row) == GK_ROW_KIND_ENTRY);

  table = gk_row_get_table (row);
  g_return_if_fail (table != NULL);

  gk_document_begin_action (self, _("Remove Row"));
  record_entry (self, table, row, entry_position (row), FALSE);
  gk_document_end_action (self);
}

/* Moves @row to @position among the rows; FALSE when it is there already. */
gboolean
gk_document_move_list_row (GkDocument *self,
                           GkRow      *row,
                           guint       position)
{
  GkTable *table;
  guint from;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (row), FALSE);
  g_return_val_if_fail (gk_row_get_kind (row) == GK_ROW_KIND_ENTRY, FALSE);

  table = gk_row_get_table (row);
  g_return_val_if_fail (table != NULL, FALSE);

  from = entry_position (row);
  position = MIN (position, gk_table_get_n_entries (table) - 1);
  if (from == position)
    return FALSE;
  gk_document_begin_action (self, _("Move Row"));
  record_entry (self, table, row, from, FALSE);
  record_entry (self, table, row, position, TRUE);
  gk_document_end_action (self);
  return TRUE;
}

/* Sets a text cell, undoably; a choice column refuses what is not one of
 * its choices, with the place of the cell. */
gboolean
gk_document_set_list_text (GkDocument  *self,
                           GkRow       *row,
                           guint        text_column,
                           const char  *text,
                           GError     **error)
{
  GkTable *table;
  const GkTableSchema *schema;
  GkTextItem *item;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (row), FALSE);

  item = gk_list_row_get_text_item (row, text_column);
  table = gk_row_get_table (row);
  g_return_val_if_fail (item != NULL && table != NULL, FALSE);
  schema = gk_table_get_schema (table);

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (!gk_table_schema_check_text (schema, text_column, stripped, error))
    {
      g_autofree char *name = gk_table_schema_dup_name (schema);
      g_prefix_error (error, "%s, %s: ", name, gk_table_schema_get_text (schema, text_column)->title);
      return FALSE;
    }
  gk_document_set_text (self, item, "text", stripped[0] != '\0' ? stripped : NULL);
  return TRUE;
}
