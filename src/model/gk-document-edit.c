/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-explanation-private.h"
#include "gk-table-unit.h"

/* Every edit of a document is a command recorded in a group (one user
 * action); undo applies a group's commands backwards, redo forwards. A
 * command only stores what it needs to go both ways. */

typedef struct
{
  char      *label;
  GPtrArray *commands;
  guint64    serial;
} GkCommandGroup;

static void
command_free (gpointer data)
{
  GkCommand *command = data;
  command->free (command);
}

static void
group_free (gpointer data)
{
  GkCommandGroup *group = data;

  g_free (group->label);
  g_ptr_array_unref (group->commands);
  g_free (group);
}

static GkCommandGroup *
group_new (const char *label)
{
  GkCommandGroup *group = g_new0 (GkCommandGroup, 1);

  group->label = g_strdup (label);
  group->commands = g_ptr_array_new_with_free_func (command_free);
  return group;
}

void
gk_document_history_clear (GkDocument *self)
{
  g_ptr_array_set_free_func (self->undo_stack, group_free);
  g_ptr_array_set_free_func (self->redo_stack, group_free);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_serial = 0;
}

static guint64
current_serial (GkDocument *self)
{
  if (self->undo_stack->len == 0)
    return 0;
  return ((GkCommandGroup *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->serial;
}

void
gk_document_begin_action (GkDocument *self,
                          const char *label)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));

  if (self->action_depth++ == 0)
    self->open_group = group_new (label);
}

void
gk_document_end_action (GkDocument *self)
{
  GkCommandGroup *group;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (self->action_depth > 0);

  /* Before the outermost action closes, the rows of 表五 that follow 表三
   * take its figures, recorded in the same action so that undo puts both
   * back at once. */
  if (self->action_depth == 1 && !self->syncing_follows)
    {
      self->syncing_follows = TRUE;
      gk_document_sync_follows (self);
      self->syncing_follows = FALSE;
    }
  if (--self->action_depth > 0)
    return;

  group = g_steal_pointer (&self->open_group);
  if (group->commands->len == 0)
    {
      group_free (group);
      return;
    }
  group->serial = ++self->next_serial;
  g_ptr_array_add (self->undo_stack, group);
  g_ptr_array_set_size (self->redo_stack, 0);
  gk_document_notify_history (self);
  gk_document_emit_changed (self);
}

/* Applies a command and keeps it in the open action (one is opened for a
 * lone edit). */
void
gk_document_record (GkDocument *self,
                    GkCommand  *command)
{
  gk_document_begin_action (self, NULL);
  command->apply (self, command, FALSE);
  g_ptr_array_add (((GkCommandGroup *) self->open_group)->commands, command);
  gk_document_end_action (self);
}

gboolean
gk_document_can_undo (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  return self->undo_stack->len > 0 && self->action_depth == 0;
}

gboolean
gk_document_can_redo (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  return self->redo_stack->len > 0 && self->action_depth == 0;
}

const char *
gk_document_get_undo_label (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  if (self->undo_stack->len == 0)
    return NULL;
  return ((GkCommandGroup *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->label;
}

const char *
gk_document_get_redo_label (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  if (self->redo_stack->len == 0)
    return NULL;
  return ((GkCommandGroup *) g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1))->label;
}

gboolean
gk_document_undo (GkDocument *self)
{
  GkCommandGroup *group;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  if (!gk_document_can_undo (self))
    return FALSE;
  group = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  for (guint i = group->commands->len; i > 0; i--)
    {
      GkCommand *command = g_ptr_array_index (group->commands, i - 1);
      command->apply (self, command, TRUE);
    }
  g_ptr_array_add (self->redo_stack, group);
  gk_document_notify_history (self);
  gk_document_emit_changed (self);
  return TRUE;
}

gboolean
gk_document_redo (GkDocument *self)
{
  GkCommandGroup *group;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  if (!gk_document_can_redo (self))
    return FALSE;
  group = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  for (guint i = 0; i < group->commands->len; i++)
    {
      GkCommand *command = g_ptr_array_index (group->commands, i);
      command->apply (self, command, FALSE);
    }
  g_ptr_array_add (self->undo_stack, group);
  gk_document_notify_history (self);
  gk_document_emit_changed (self);
  return TRUE;
}

gboolean
gk_document_get_modified (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  return current_serial (self) != self->saved_serial;
}

void
gk_document_mark_saved (GkDocument *self)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));
  self->saved_serial = current_serial (self);
  gk_document_notify_history (self);
}

/* Cells ------------------------------------------------------------------- */

typedef struct
{
  GkCommand  base;
  GkRow     *row;
  guint      column;
  GkAmount   values[2];   /* [0] before, [1] after */
  gboolean   set[2];
} CellCommand;

static void
cell_apply (GkDocument *self,
            GkCommand  *command,
            gboolean    undo)
{
  CellCommand *c = (CellCommand *) command;
  GkTable *table = gk_row_get_table (c->row);
  guint side = undo ? 0 : 1;

  g_assert (table != NULL);
  gk_table_set_cell (table, c->row, c->column, c->values[side], c->set[side]);
  gk_document_derive_after (self, table);
}

static void
cell_free (GkCommand *command)
{
  CellCommand *c = (CellCommand *) command;
  g_object_unref (c->row);
  g_free (c);
}

void
gk_document_record_cell (GkDocument *self,
             GkRow      *row,
             guint       column,
             GkAmount    value,
             gboolean    set)
{
  CellCommand *c = g_new0 (CellCommand, 1);

  c->base.apply = cell_apply;
  c->base.free = cell_free;
  c->row = g_object_ref (row);
  c->column = column;
  gk_document_touch_follow (self, row, FALSE);
  c->set[0] = gk_row_get_amount (row, column, &c->values[0]);
  c->values[1] = set ? value : 0;
  c->set[1] = set;
  gk_document_record (self, &c->base);
}

/* NULL amount blanks the cell. Refuses derived cells. */
/**
 * gk_document_check_amount:
 * @self: a document
 * @row: a row of one of its tables, or a project's row
 * @column: a column of @row
 * @amount: the figure meant for the cell
 * @error: the reason from gk_amount_check_entered(), after the cell's place
 *   ("表二 部门收入总体情况表, 2010301 行政运行, 一般公共预算拨款: …")
 *
 * Returns: %TRUE if @amount may stand in the cell
 */
gboolean
gk_document_check_amount (GkDocument  *self,
                          GkRow       *row,
                          guint        column,
                          GkAmount     amount,
                          GError     **error)
{
  GkTable *table;
  const GkTableSchema *schema;
  g_autofree char *row_name = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (row), FALSE);

  if (gk_amount_check_entered (amount, error))
    return TRUE;
  if (gk_row_get_project (row) != NULL)
    /* Translators: %s is a project's name */
    row_name = g_strdup_printf (_("project “%s”"), gk_row_get_name (row) ? gk_row_get_name (row) : "");
  else
    row_name = g_strdup_printf ("%s %s", gk_row_get_code (row) ? gk_row_get_code (row) : "",
                                gk_row_get_name (row) ? gk_row_get_name (row) : "");
  table = gk_row_get_table (row);
  schema = table != NULL ? gk_table_get_schema (table) : NULL;
  if (schema != NULL && column < schema->columns->len)
    {
      g_autofree char *table_name = gk_table_schema_dup_name (schema);
      g_prefix_error (error, "%s, %s, %s: ", table_name, row_name,
                      gk_table_schema_get_column (schema, column)->title);
    }
  else
    g_prefix_error (error, "%s: ", row_name);
  return FALSE;
}

gboolean
gk_document_set_amount (GkDocument      *self,
                        GkRow           *row,
                        guint            column,
                        const GkAmount  *amount,
                        GError         **error)
{
  GkAmount old;
  gboolean was_set;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (row), FALSE);
  g_return_val_if_fail (column < gk_row_get_n_columns (row), FALSE);

  if (!gk_row_is_cell_entered (row, column))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                   _("This cell is computed from other figures and cannot be typed into; change the figures it is derived from"));
      return FALSE;
    }
  /* Whatever the path (typing, pasting, an imported workbook), a figure
   * the file could not hold never enters the document. */
  if (amount != NULL && !gk_document_check_amount (self, row, column, *amount, error))
    return FALSE;

  was_set = gk_row_get_amount (row, column, &old);
  if ((amount == NULL && !was_set) || (amount != NULL && was_set && old == *amount))
    return TRUE;
  /* A figure of its own in a row of 表五 ends its following 表三; one
   * equal to what it follows changes nothing, so it keeps following. */
  gk_document_begin_action (self, NULL);
  gk_document_override_row (self, row, column, amount);
  gk_document_record_cell (self, row, column, amount ? *amount : 0, amount != NULL);
  gk_document_end_action (self);
  return TRUE;
}

/* Parses what the user typed: empty text blanks the cell, a bad figure is
 * refused with the parser's reason and nothing changes. */
gboolean
gk_document_set_amount_text (GkDocument  *self,
                             GkRow       *row,
                             guint        column,
                             const char  *text,
                             GError     **error)
{
  GkAmount amount;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  if (stripped[0] == '\0')
    return gk_document_set_amount (self, row, column, NULL, error);
  /* Typed in the table's unit, which may not be the document's. */
  if (!gk_table_parse_amount (gk_row_get_table (row), self, stripped, &amount, error))
    return FALSE;
  return gk_document_set_amount (self, row, column, &amount, error);
}

/* Rows -------------------------------------------------------------------- */

typedef struct
{
  GkCommand  base;
  GkTable   *table;
  GkRow     *row;
  gboolean   insert;
} RowCommand;

static void
row_apply (GkDocument *self,
           GkCommand  *command,
           gboolean    undo)
{
  RowCommand *c = (RowCommand *) command;

  if (c->insert != undo)
    gk_table_insert_row (c->table, c->row);
  else
    gk_table_remove_row (c->table, c->row);
  gk_document_derive_after (self, c->table);
}

static void
row_free (GkCommand *command)
{
  RowCommand *c = (RowCommand *) command;
  g_object_unref (c->table);
  g_object_unref (c->row);
  g_free (c);
}

static void
record_row (GkDocument *self,
            GkTable    *table,
            GkRow      *row,
            gboolean    insert)
{
  RowCommand *c = g_new0 (RowCommand, 1);

  c->base.apply = row_apply;
  c->base.free = row_free;
  c->table = g_object_ref (table);
  c->row = g_object_ref (row);
  c->insert = insert;
  gk_document_touch_follow (self, row, TRUE);
  gk_document_record (self, &c->base);
}

static GkRowKind
kind_of_code (GkClassification kind,
              const char      *code)
{
  switch (gk_classification_level (kind, code))
    {
    case GK_LEVEL_CLASS:
      return GK_ROW_KIND_CLASS;
    case GK_LEVEL_SECTION:
      return GK_ROW_KIND_SECTION;
    default:
      return GK_ROW_KIND_ITEM;
    }
}

/* Adds a 类/款/项 row to a classification table, with any missing parent
 * rows. A parent that was a leaf with figures hands them to its first
 * child, so that nothing typed is lost when a 款 gains its 项. `name`
 * names a code the catalog does not know (or renames one); NULL keeps the
 * catalog's. */
GkRow *
gk_document_add_row_in (GkDocument  *self,
                        GkTable     *table,
                        const char  *code,
                        const char  *name,
                        GError     **error)
{
  const GkTableSchema *schema;
  GkClassification kind;
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
  GkRow *added = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table), NULL);

  schema = gk_table_get_schema (table);
  if (schema->kind != GK_TABLE_KIND_FUNCTION && schema->kind != GK_TABLE_KIND_ECONOMIC)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                   schema->kind == GK_TABLE_KIND_PROJECTS
                     ? _("Rows of this table come from the projects; add a project instead")
                     : _("The rows of this table are derived from the other tables"));
      return NULL;
    }
  kind = schema->kind == GK_TABLE_KIND_ECONOMIC ? GK_CLASSIFICATION_ECONOMIC : GK_CLASSIFICATION_FUNCTION;
  if (gk_classification_level (kind, code) == GK_LEVEL_NONE)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   kind == GK_CLASSIFICATION_FUNCTION
                     ? _("“%s” is not a function classification code; use 3 digits for a 类, 5 for a 款 or 7 for a 项, such as 2010301")
                     : _("“%s” is not an economic classification code; use 3 digits for a 类 or 5 for a 款, such as 30101"),
                   code ? code : "");
      return NULL;
    }
  if (gk_table_lookup (table, code) != NULL)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_EXISTS,
                   _("The table already has a row %s"), code);
      return NULL;
    }
  if (name == NULL && gk_document_get_code_name (self, kind, code) == NULL)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("Code %s is not in the classification catalog; type the name it should print with"),
                   code);
      return NULL;
    }

  /* The missing ancestors, top-down, then the code itself. */
  for (char *c = g_strdup (code); c != NULL; c = gk_classification_parent (kind, c))
    {
      if (gk_table_lookup (table, c) != NULL)
        {
          g_free (c);
          break;
        }
      g_ptr_array_insert (chain, 0, c);
    }

  gk_document_begin_action (self, _("Add Row"));
  if (name != NULL && g_strcmp0 (name, gk_document_get_code_name (self, kind, code)) != 0)
    gk_document_set_code_name (self, kind, code, name, NULL);

  for (guint i = 0; i < chain->len; i++)
    {
      const char *c = chain->pdata[i];
      g_autofree char *parent_code = gk_classification_parent (kind, c);
      GkRow *parent = gk_table_lookup (table, parent_code);
      g_autoptr(GkRow) row = NULL;
      g_autofree GkAmount *moved = NULL;
      guint64 moved_mask = 0;
      guint n_columns = gk_table_schema_get_n_columns (schema);

      if (parent_code != NULL && gk_document_get_code_name (self, kind, c) == NULL)
        gk_document_set_code_name (self, kind, c, c, NULL);

      /* A leaf parent's figures move down to its new first child. */
      if (parent != NULL && gk_row_is_leaf (parent) && gk_row_has_figures (parent))
        {
          moved = g_new0 (GkAmount, n_columns);
          for (guint col = 0; col < n_columns; col++)
            if (gk_row_is_cell_entered (parent, col) && gk_row_get_amount (parent, col, &moved[col]))
              {
                moved_mask |= G_GUINT64_CONSTANT (1) << col;
                gk_document_record_cell (self, parent, col, 0, FALSE);
              }
        }

      row = gk_row_new (kind_of_code (kind, c), c,
                        gk_document_get_code_name (self, kind, c), n_columns);
      record_row (self, table, row, TRUE);
      for (guint col = 0; col < n_columns; col++)
        if (moved_mask & (G_GUINT64_CONSTANT (1) << col))
          gk_document_record_cell (self, row, col, moved[col], TRUE);
      added = row;
    }
  if (added != NULL)
    gk_document_open_carried_row (self, table, added);
  gk_document_end_action (self);

  return added;
}

/* A 项 of 收入总表, 支出总表 or 一般公共预算支出表 is added to the other two
 * as well, in the same action: it is entered once. */
GkRow *
gk_document_add_row (GkDocument  *self,
                     GkTable     *table,
                     const char  *code,
                     const char  *name,
                     GError     **error)
{
  GkRow *added;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table), NULL);

  gk_document_begin_action (self, _("Add Row"));
  added = gk_document_add_row_in (self, table, code, name, error);
  if (added != NULL)
    gk_document_add_row_elsewhere (self, table, code);
  gk_document_end_action (self);
  return added;
}

void
gk_document_remove_row_in (GkDocument *self,
                           GkRow      *row)
{
  record_row (self, gk_row_get_table (row), row, FALSE);
}

void
gk_document_remove_row (GkDocument *self,
                        GkRow      *row)
{
  GkTable *table;
  g_autoptr(GPtrArray) elsewhere = NULL;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (GK_IS_ROW (row));

  table = gk_row_get_table (row);
  g_return_if_fail (table != NULL);
  g_return_if_fail (gk_row_get_kind (row) <= GK_ROW_KIND_ITEM);

  /* Chosen before the row goes: whether a row of 表五 follows it. */
  elsewhere = gk_document_rows_removed_with (self, row);
  gk_document_begin_action (self, _("Remove Row"));
  record_row (self, table, row, FALSE);
  for (guint i = 0; i < elsewhere->len; i++)
    gk_document_remove_row_in (self, elsewhere->pdata[i]);
  gk_document_end_action (self);
}

/* Names of codes ------------------------------------------------------------ */

typedef struct
{
  GkCommand         base;
  GkClassification  kind;
  char             *code;
  char             *names[2];
} NameCommand;

static void
name_apply (GkDocument *self,
            GkCommand  *command,
            gboolean    undo)
{
  NameCommand *c = (NameCommand *) command;
  gk_document_set_code_name_internal (self, c->kind, c->code, c->names[undo ? 0 : 1]);
}

static void
name_free (GkCommand *command)
{
  NameCommand *c = (NameCommand *) command;
  g_free (c->code);
  g_free (c->names[0]);
  g_free (c->names[1]);
  g_free (c);
}

/* Renames a code everywhere it is printed. */
gboolean
gk_document_set_code_name (GkDocument        *self,
                           GkClassification   kind,
                           const char        *code,
                           const char        *name,
                           GError           **error)
{
  NameCommand *c;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  /* A name under a code the file cannot hold ("0399", a 款 and 项 without
   * their 类) would make a document that cannot be opened again. */
  if (code == NULL || gk_classification_level (kind, code) == GK_LEVEL_NONE)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("“%s” is not a classification code (3, 5 or 7 digits)"), code ? code : "");
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (stripped[0] == '\0')
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("The name of %s cannot be empty"), code);
      return FALSE;
    }
  c = g_new0 (NameCommand, 1);
  c->base.apply = name_apply;
  c->base.free = name_free;
  c->kind = kind;
  c->code = g_strdup (code);
  c->names[0] = g_strdup (g_hash_table_lookup (self->names[kind], code));
  c->names[1] = g_steal_pointer (&stripped);
  gk_document_record (self, &c->base);
  return TRUE;
}

/* Properties ---------------------------------------------------------------- */

typedef struct
{
  GkCommand  base;
  GObject   *object;
  char      *property;
  GValue     values[2];
} PropertyCommand;

static void
property_apply (GkDocument *self,
                GkCommand  *command,
                gboolean    undo)
{
  PropertyCommand *c = (PropertyCommand *) command;

  g_object_set_property (c->object, c->property, &c->values[undo ? 0 : 1]);
  /* A project that moves to another 项 moves in 表七. */
  if (GK_IS_PROJECT (c->object) && g_str_equal (c->property, "function"))
    gk_document_rebuild_projects (self);
}

static void
property_free (GkCommand *command)
{
  PropertyCommand *c = (PropertyCommand *) command;
  g_object_unref (c->object);
  g_free (c->property);
  g_value_unset (&c->values[0]);
  g_value_unset (&c->values[1]);
  g_free (c);
}

void
gk_document_set_value (GkDocument   *self,
                       gpointer      object,
                       const char   *property,
                       const GValue *value)
{
  GParamSpec *pspec;
  PropertyCommand *c;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE));

  c = g_new0 (PropertyCommand, 1);
  c->base.apply = property_apply;
  c->base.free = property_free;
  c->object = g_object_ref (object);
  c->property = g_strdup (property);
  g_value_init (&c->values[0], pspec->value_type);
  g_value_init (&c->values[1], pspec->value_type);
  g_object_get_property (object, property, &c->values[0]);
  if (!g_value_transform (value, &c->values[1]) ||
      g_param_values_cmp (pspec, &c->values[0], &c->values[1]) == 0)
    {
      property_free (&c->base);
      return;
    }
  gk_document_record (self, &c->base);
}

void
gk_document_set_text (GkDocument *self,
                      gpointer    object,
                      const char *property,
                      const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  gk_document_set_value (self, object, property, &value);
}

void
gk_document_set_int (GkDocument *self,
                     gpointer    object,
                     const char *property,
                     gint64      number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  gk_document_set_value (self, object, property, &value);
}

/* Prior-year figures ------------------------------------------------------- */

typedef struct
{
  GkCommand  base;
  GkPrior   *prior;
  gboolean   insert;
} PriorCommand;

static void
prior_apply (GkDocument *self,
             GkCommand  *command,
             gboolean    undo)
{
  PriorCommand *c = (PriorCommand *) command;

  if (c->insert != undo)
    gk_explanation_add_prior (self->explanation, c->prior);
  else
    gk_explanation_remove_prior (self->explanation, c->prior);
}

static void
prior_free (GkCommand *command)
{
  PriorCommand *c = (PriorCommand *) command;
  g_object_unref (c->prior);
  g_free (c);
}

static void
record_prior (GkDocument *self,
              GkPrior    *prior,
              gboolean    insert)
{
  PriorCommand *c = g_new0 (PriorCommand, 1);

  c->base.apply = prior_apply;
  c->base.free = prior_free;
  c->prior = g_object_ref (prior);
  c->insert = insert;
  gk_document_record (self, &c->base);
}

/* The prior-year entry for `key`, created (undoably) when missing. */
GkPrior *
gk_document_ensure_prior (GkDocument *self,
                          const char *key)
{
  GkPrior *prior;
  g_autoptr(GkPrior) created = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  prior = gk_explanation_lookup_prior (self->explanation, key);
  if (prior != NULL)
    return prior;
  created = gk_prior_new (key);
  record_prior (self, created, TRUE);
  return created;
}

void
gk_document_remove_prior (GkDocument *self,
                          const char *key)
{
  GkPrior *prior;

  g_return_if_fail (GK_IS_DOCUMENT (self));

  prior = gk_explanation_lookup_prior (self->explanation, key);
  if (prior != NULL)
    record_prior (self, prior, FALSE);
}
