/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-error.h"
#include "gk-document-private.h"
#include "gk-table-private.h"

/* Typing a figure into a summary's entered line (决算's 年初结转和结余,
 * 年末结转和结余 by source), as one step of the history like any cell. */

typedef struct
{
  GkCommand  base;
  GkTable   *table;
  char      *line;
  char      *column;
  GkAmount   values[2];   /* [0] before, [1] after */
  gboolean   set[2];
} LineCommand;

static void
line_apply (GkDocument *self,
            GkCommand  *command,
            gboolean    undo)
{
  LineCommand *c = (LineCommand *) command;
  guint side = undo ? 0 : 1;

  gk_table_set_line_figure (c->table, c->line, c->column, c->values[side], c->set[side]);
  gk_document_derive_summary (self, c->table);
}

static void
line_free (GkCommand *command)
{
  LineCommand *c = (LineCommand *) command;

  g_object_unref (c->table);
  g_free (c->line);
  g_free (c->column);
  g_free (c);
}

/**
 * gk_document_set_line_figure:
 * @table: a summary table of @self
 * @line_id: an entered line of its template ("opening")
 * @column_id: the column: the first for an income line, any column that
 *   is not a sum of others for an expenditure line
 * @amount: (nullable): the figure, or %NULL to blank it
 *
 * Returns: %TRUE, or %FALSE with a message naming the line when it takes
 *   no figure there
 */
gboolean
gk_document_set_line_figure (GkDocument      *self,
                             GkTable         *table,
                             const char      *line_id,
                             const char      *column_id,
                             const GkAmount  *amount,
                             GError         **error)
{
  const GkTableSchema *schema;
  const GkLineSchema *line = NULL;
  LineCommand *c;
  int column;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_TABLE (table), FALSE);

  schema = gk_table_get_schema (table);
  for (guint i = 0; schema->lines != NULL && i < schema->lines->len; i++)
    if (g_strcmp0 (((GkLineSchema *) schema->lines->pdata[i])->id, line_id) == 0)
      line = schema->lines->pdata[i];
  column = gk_table_schema_column_index (schema, column_id);
  /* A derived line takes a figure only where it keeps one typed before
   * it was derived (it may be changed or cleared, and then follows). */
  if (line == NULL || column < 0 || (!line->entered && !gk_table_get_line_figure (table, line_id, column_id, NULL)) ||
      (!line->expenditure && column != 0) ||
      (line->expenditure && gk_table_schema_get_column (schema, column)->rule == GK_COLUMN_SUM))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                   _("%s: this figure is computed from other figures and cannot be typed into"),
                   line != NULL ? line->title : schema->title);
      return FALSE;
    }

  c = g_new0 (LineCommand, 1);
  c->base.apply = line_apply;
  c->base.free = line_free;
  c->table = g_object_ref (table);
  c->line = g_strdup (line_id);
  c->column = g_strdup (column_id);
  c->set[0] = gk_table_get_line_figure (table, line_id, column_id, &c->values[0]);
  c->set[1] = amount != NULL;
  c->values[1] = amount != NULL ? *amount : 0;
  if (c->set[0] == c->set[1] && c->values[0] == c->values[1])
    {
      line_free (&c->base);
      return TRUE;
    }
  gk_document_record (self, &c->base);
  return TRUE;
}

static void
settle_table (GkDocument *self,
              GkTable    *table)
{
  const GkTableSchema *schema = gk_table_get_schema (table);

  for (guint k = 0; k < schema->lines->len; k++)
    {
      const GkLineSchema *line = schema->lines->pdata[schema->line_order[k]];
      guint width = line->expenditure ? gk_table_schema_get_n_columns (schema) : 1;

      if (line->entered)
        continue;
      for (guint c = 0; c < width; c++)
        {
          const char *column_id = gk_table_schema_get_column (schema, c)->id;
          GkRow *row = gk_table_lookup_line (table, line->id);
          GkAmount typed, derived;

          if (!gk_table_get_line_figure (table, line->id, column_id, &typed))
            continue;
          gk_table_set_line_figure (table, line->id, column_id, 0, FALSE);
          gk_document_derive_summary (self, table);
          if (row != NULL && gk_row_get_amount (row, c, &derived) && !gk_row_has_overflow (row, c) &&
              derived == typed)
            continue;
          gk_table_set_line_figure (table, line->id, column_id, typed, TRUE);
          gk_document_derive_summary (self, table);
        }
    }
}

/**
 * gk_document_settle_lines:
 *
 * After a document is read: a figure it keeps for a summary line the
 * template derives (一般公共预算财政拨款 on 财政拨款收入支出决算总表, 年末 by
 * source, written when they were entered twice) goes when it is the
 * derived figure, one by one in the order the lines are derived; one that
 * differs stays and is printed, and the checks name it against the
 * figure it should equal. No figure the user typed is lost.
 */
void
gk_document_settle_lines (GkDocument *self)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));

  for (guint i = 0; i < gk_document_get_n_tables (self); i++)
    {
      GkTable *table = gk_document_get_table_at (self, i);

      if (gk_table_schema_is_summary (gk_table_get_schema (table)) && gk_table_get_schema (table)->lines != NULL)
        settle_table (self, table);
    }
}
