/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"

/* 一般公共预算支出表 holds what 一般公共预算 spends on each 项. When 收入总表
 * says a 项 is funded by 一般公共预算 alone, everything 支出总表 spends on it
 * is 一般公共预算's, so the row of 表五 is the row of 表三: it follows,
 * derived like a computed cell, and the figures are entered once. Typing a
 * figure of its own into it makes the row entered ("overridden") until the
 * user asks it to follow again. The tables are found by role only. */

#define ROLE_INCOME      "income"
#define ROLE_EXPENDITURE "expenditure"
#define ROLE_GENERAL     "general-expenditure"

static GkTable *
function_table (GkDocument *self,
                const char *role)
{
  GkTable *table = gk_document_get_table (self, role);

  if (table == NULL || gk_table_get_schema (table)->kind != GK_TABLE_KIND_FUNCTION)
    return NULL;
  return table;
}

/* A row that could follow: a leaf 项 of 表五. */
static gboolean
is_candidate (GkRow *row)
{
  GkTable *table = gk_row_get_table (row);

  return table != NULL &&
         gk_row_get_kind (row) == GK_ROW_KIND_ITEM &&
         gk_row_is_leaf (row) &&
         g_strcmp0 (gk_table_get_id (table), ROLE_GENERAL) == 0 &&
         gk_table_get_schema (table)->kind == GK_TABLE_KIND_FUNCTION;
}

/* 收入总表's row of the 项 has 一般公共预算 and no other source. */
static gboolean
funded_by_general_alone (GkTable    *income,
                         const char *code)
{
  GkRow *row = gk_table_lookup (income, code);
  int general = gk_table_column_index (income, "general");
  guint n;

  if (row == NULL || general < 0 || !gk_row_is_leaf (row) ||
      !gk_row_is_set (row, general) || gk_row_get_value (row, general) == 0)
    return FALSE;
  n = gk_row_get_n_columns (row);
  for (guint c = 0; c < n; c++)
    if ((int) c != general && gk_row_is_cell_entered (row, c) && gk_row_get_value (row, c) != 0)
      return FALSE;
  return TRUE;
}

/* The row of 支出总表 that @row would follow, or NULL. */
static GkRow *
followed_row (GkDocument *self,
              GkRow      *row)
{
  GkTable *income, *expenditure;
  GkRow *source;

  if (!is_candidate (row))
    return NULL;
  income = function_table (self, ROLE_INCOME);
  expenditure = function_table (self, ROLE_EXPENDITURE);
  if (income == NULL || expenditure == NULL)
    return NULL;
  source = gk_table_lookup (expenditure, gk_row_get_code (row));
  if (source == NULL || !gk_row_is_leaf (source) ||
      !funded_by_general_alone (income, gk_row_get_code (row)))
    return NULL;
  return source;
}

/* The column of 表三 an entered column of 表五 takes, by id, or -1. */
static int
source_column (GkRow *row,
               GkRow *source,
               guint  column)
{
  const GkTableSchema *schema = gk_table_get_schema (gk_row_get_table (row));

  if (!gk_row_is_cell_entered (row, column))
    return -1;
  return gk_table_column_index (gk_row_get_table (source),
                                gk_table_schema_get_column (schema, column)->id);
}

static gboolean
same_figures (GkRow *row,
              GkRow *source)
{
  guint n = gk_row_get_n_columns (row);

  for (guint c = 0; c < n; c++)
    {
      int s = source_column (row, source, c);
      gboolean set = gk_row_is_set (row, c);

      if (s < 0)
        continue;
      if (set != gk_row_is_set (source, s) ||
          (set && gk_row_get_value (row, c) != gk_row_get_value (source, s)))
        return FALSE;
    }
  return TRUE;
}

/**
 * gk_document_row_can_follow:
 * @self: a document
 * @row: a row of one of its tables
 *
 * Returns: %TRUE if @row is a 项 of 一般公共预算支出表 whose only source in
 *   收入总表 is 一般公共预算 and which 支出总表 has, followed or not
 */
gboolean
gk_document_row_can_follow (GkDocument *self,
                            GkRow      *row)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (row), FALSE);
  return followed_row (self, row) != NULL;
}

/* Returns: %TRUE if @row's figures are 支出总表's, derived, not entered. */
gboolean
gk_document_row_follows (GkDocument *self,
                         GkRow      *row)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (row), FALSE);
  return !gk_row_is_overridden (row) && followed_row (self, row) != NULL;
}

/* The overridden flag, undoable. */
typedef struct
{
  GkCommand  base;
  GkRow     *row;
  gboolean   overridden[2];   /* [0] before, [1] after */
} FollowCommand;

static void
follow_apply (GkDocument *self,
              GkCommand  *command,
              gboolean    undo)
{
  FollowCommand *c = (FollowCommand *) command;
  gk_row_set_overridden (c->row, c->overridden[undo ? 0 : 1]);
}

static void
follow_free (GkCommand *command)
{
  FollowCommand *c = (FollowCommand *) command;
  g_object_unref (c->row);
  g_free (c);
}

static void
record_overridden (GkDocument *self,
                   GkRow      *row,
                   gboolean    overridden)
{
  FollowCommand *c;

  if (gk_row_is_overridden (row) == overridden)
    return;
  c = g_new0 (FollowCommand, 1);
  c->base.apply = follow_apply;
  c->base.free = follow_free;
  c->row = g_object_ref (row);
  gk_document_touch_follow (self, row, FALSE);
  c->overridden[0] = gk_row_is_overridden (row);
  c->overridden[1] = overridden;
  gk_document_record (self, &c->base);
}

/* Before @amount (NULL: blank) is set in @column of @row: a row of 表五
 * becomes entered, whether it follows now or could later (its 收入总表 row
 * not yet filled in), so that a figure the user typed is never replaced
 * by 表三's. A figure equal to the one it follows (a converted money unit,
 * a table pasted back) changes nothing: the row keeps following. */
void
gk_document_override_row (GkDocument     *self,
                          GkRow          *row,
                          guint           column,
                          const GkAmount *amount)
{
  GkRow *source;

  if (!is_candidate (row) || gk_row_is_overridden (row))
    return;
  source = followed_row (self, row);
  if (source != NULL)
    {
      int s = source_column (row, source, column);
      GkAmount value;
      gboolean set;

      if (s >= 0)
        {
          set = gk_row_get_amount (source, s, &value);
          if ((amount == NULL && !set) || (amount != NULL && set && value == *amount))
            return;
        }
    }
  record_overridden (self, row, TRUE);
}

/**
 * gk_document_follow_row:
 * @self: a document
 * @row: an overridden row of 一般公共预算支出表
 * @error: why it cannot follow
 *
 * Makes @row follow 支出总表 again, taking its figures (undoable).
 */
gboolean
gk_document_follow_row (GkDocument  *self,
                        GkRow       *row,
                        GError     **error)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (row), FALSE);

  if (followed_row (self, row) == NULL)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                   _("%s %s cannot follow 支出总表: only a 项 that 支出总表 has and whose only "
                     "source in 收入总表 is 一般公共预算 follows it"),
                   gk_row_get_code (row) ? gk_row_get_code (row) : "",
                   gk_row_get_name (row) ? gk_row_get_name (row) : "");
      return FALSE;
    }
  gk_document_begin_action (self, _("Follow 支出总表"));
  record_overridden (self, row, FALSE);
  gk_document_end_action (self);   /* the figures follow as the action closes */
  return TRUE;
}

/* Notes, as an edit is recorded, what the closing of its action must look
 * at: the 项 of a cell of 表二, 表三 or 表五, or every row when rows came
 * or went. One edit then costs one row, not the whole table (an import
 * sets thousands of cells). */
void
gk_document_touch_follow (GkDocument *self,
                          GkRow      *row,
                          gboolean    rows_changed)
{
  GkTable *table = gk_row_get_table (row);
  const char *role;

  if (table == NULL || (role = gk_table_get_id (table)) == NULL ||
      (g_strcmp0 (role, ROLE_INCOME) != 0 && g_strcmp0 (role, ROLE_EXPENDITURE) != 0 &&
       g_strcmp0 (role, ROLE_GENERAL) != 0))
    return;
  if (rows_changed || gk_row_get_code (row) == NULL)
    {
      self->follow_all = TRUE;
      return;
    }
  if (self->follow_dirty == NULL)
    self->follow_dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (self->follow_dirty, g_strdup (gk_row_get_code (row)));
}

/* Whether @row holds what 支出总表 holds for its 项. */
static gboolean
same_as_expenditure (GkDocument *self,
                     GkRow      *row)
{
  GkTable *expenditure = function_table (self, ROLE_EXPENDITURE);
  GkRow *source = expenditure != NULL ? gk_table_lookup (expenditure, gk_row_get_code (row)) : NULL;

  return source != NULL && gk_row_is_leaf (source) && same_figures (row, source);
}

/* A row that follows takes 表三's figures. One that cannot follow now and
 * holds figures other than 表三's holds them as its own: it is marked
 * overridden, so that it keeps them when it could follow again. The same
 * rule settles a document that is read, so a file reopens as it was. */
static void
sync_row (GkDocument *self,
          GkRow      *row)
{
  GkRow *source;

  if (!is_candidate (row) || gk_row_is_overridden (row))
    return;
  if ((source = followed_row (self, row)) == NULL)
    {
      if (gk_row_has_figures (row) && !same_as_expenditure (self, row))
        record_overridden (self, row, TRUE);
      return;
    }
  for (guint c = 0; c < gk_row_get_n_columns (row); c++)
    {
      int s = source_column (row, source, c);
      GkAmount value;
      gboolean set;

      if (s < 0)
        continue;
      set = gk_row_get_amount (source, s, &value);
      if (set == gk_row_is_set (row, c) && (!set || value == gk_row_get_value (row, c)))
        continue;
      gk_document_record_cell (self, row, c, set ? value : 0, set);
    }
}

/* Called as each outermost action closes: the following rows that the
 * action may have touched take what their 表三 rows hold now, as recorded
 * cell edits of the same action. */
void
gk_document_sync_follows (GkDocument *self)
{
  GkTable *general = function_table (self, ROLE_GENERAL);
  g_autoptr(GHashTable) dirty = g_steal_pointer (&self->follow_dirty);
  gboolean all = self->follow_all;

  self->follow_all = FALSE;
  if (general == NULL || (!all && dirty == NULL))
    return;

  if (all)
    {
      /* Setting cells does not move rows, but a copy keeps the walk simple. */
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (general)); i++)
        g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (general), i));
      for (guint i = 0; i < rows->len; i++)
        sync_row (self, rows->pdata[i]);
    }
  else
    {
      g_autoptr(GList) codes = g_hash_table_get_keys (dirty);

      for (GList *l = codes; l != NULL; l = l->next)
        {
          GkRow *row = gk_table_lookup (general, l->data);
          if (row != NULL)
            sync_row (self, row);
        }
    }
  /* What the sync itself set needs no second look. */
  g_clear_pointer (&self->follow_dirty, g_hash_table_unref);
  self->follow_all = FALSE;
}

/* After a document is read (or its tables rebuilt): a row of 表五 whose
 * figures differ from 表三's was entered by hand, in a file written before
 * rows followed or by choice, and is kept as it is. No figure changes. */
void
gk_document_settle_follows (GkDocument *self)
{
  GkTable *general = function_table (self, ROLE_GENERAL);

  if (general == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (general)); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (general), i);
      GkRow *source;

      if (!is_candidate (row) || gk_row_is_overridden (row))
        continue;
      source = followed_row (self, row);
      if (source != NULL ? !same_figures (row, source)
                         : gk_row_has_figures (row) && !same_as_expenditure (self, row))
        gk_row_set_overridden (row, TRUE);
    }
}

static gboolean
is_linked_role (const char *role)
{
  return g_strcmp0 (role, ROLE_INCOME) == 0 ||
         g_strcmp0 (role, ROLE_EXPENDITURE) == 0 ||
         g_strcmp0 (role, ROLE_GENERAL) == 0;
}

/* After @code was added to @table: the other two of 收入总表, 支出总表 and
 * 一般公共预算支出表 that the template has get it too (with its missing
 * parents); a table that already has it is left alone. */
void
gk_document_add_row_elsewhere (GkDocument *self,
                               GkTable    *table,
                               const char *code)
{
  static const char * const roles[] = { ROLE_INCOME, ROLE_EXPENDITURE, ROLE_GENERAL };

  if (!is_linked_role (gk_table_get_id (table)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GkTable *other = function_table (self, roles[i]);

      if (other == NULL || other == table || gk_table_lookup (other, code) != NULL)
        continue;
      gk_document_add_row_in (self, other, code, NULL, NULL);
    }
}

static gboolean
has_nonzero_figures (GkRow *row)
{
  GListModel *children = gk_row_get_children (row);

  if (gk_row_is_leaf (row))
    {
      for (guint c = 0; c < gk_row_get_n_columns (row); c++)
        if (gk_row_is_cell_entered (row, c) && gk_row_get_value (row, c) != 0)
          return TRUE;
      return FALSE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GkRow) child = g_list_model_get_item (children, i);
      if (has_nonzero_figures (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
subtree_follows (GkDocument *self,
                 GkRow      *row)
{
  GListModel *children = gk_row_get_children (row);

  if (gk_row_is_leaf (row))
    return gk_document_row_follows (self, row);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GkRow) child = g_list_model_get_item (children, i);
      if (has_nonzero_figures (child) && !subtree_follows (self, child))
        return FALSE;
    }
  return TRUE;
}

/* The rows of the same code in the other linked tables that go when @row
 * is removed. Only those that hold nothing the user typed: rows whose
 * figures are all zero or empty, and rows of 表五 that follow the 表三 row
 * being removed (their figures are 表三's). A row with figures of its own
 * stays: removing it would lose work in a table the user is not looking
 * at, and the model cannot ask; the user removes it there if it must go. */
GPtrArray *
gk_document_rows_removed_with (GkDocument *self,
                               GkRow      *row)
{
  static const char * const roles[] = { ROLE_INCOME, ROLE_EXPENDITURE, ROLE_GENERAL };
  GPtrArray *rows = g_ptr_array_new ();
  GkTable *table = gk_row_get_table (row);
  const char *code = gk_row_get_code (row);

  if (table == NULL || code == NULL || !is_linked_role (gk_table_get_id (table)))
    return rows;
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GkTable *other = function_table (self, roles[i]);
      GkRow *twin;

      if (other == NULL || other == table || (twin = gk_table_lookup (other, code)) == NULL)
        continue;
      if (!has_nonzero_figures (twin) ||
          (g_str_equal (gk_table_get_id (table), ROLE_EXPENDITURE) &&
           g_str_equal (roles[i], ROLE_GENERAL) && subtree_follows (self, twin)))
        g_ptr_array_add (rows, twin);
    }
  return rows;
}
