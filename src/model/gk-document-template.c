/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"

/* Changing the template of an open document: the tables it keeps keep
 * their figures, notes and explanations; a table the new template leaves
 * out is set aside inside the document, so that switching it on again
 * (or undoing) brings it back as it was. One command, one undo step. */

typedef struct
{
  GkCommand   parent;
  GkTemplate *templates[2];   /* before, after */
  GPtrArray  *tables[2];      /* GkTable, in template order */
  GHashTable *set_aside[2];   /* role → GkTable */
} SetTemplate;

static GHashTable *
set_aside_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static GHashTable *
set_aside_copy (GHashTable *from)
{
  GHashTable *copy = set_aside_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_object_ref (value));
  return copy;
}

static void
set_template_apply (GkDocument *self,
                    GkCommand  *command,
                    gboolean    undo)
{
  SetTemplate *c = (SetTemplate *) command;
  guint state = undo ? 0 : 1;
  GPtrArray *tables = c->tables[state];

  self->template = c->templates[state];
  g_ptr_array_set_size (self->tables, 0);
  for (guint i = 0; i < tables->len; i++)
    {
      GkTable *table = tables->pdata[i];

      /* A kept table is the same object under the other template's
       * schema of its role: its number, position or title may differ. */
      table->schema = gk_template_lookup (self->template, gk_table_get_id (table));
      g_assert (table->schema != NULL);
      g_ptr_array_add (self->tables, g_object_ref (table));
    }
  g_clear_pointer (&self->set_aside, g_hash_table_unref);
  self->set_aside = set_aside_copy (c->set_aside[state]);
  gk_document_derive_all (self);
  g_object_notify (G_OBJECT (self), "template");
}

static void
set_template_free (GkCommand *command)
{
  SetTemplate *c = (SetTemplate *) command;

  for (guint i = 0; i < 2; i++)
    {
      g_ptr_array_unref (c->tables[i]);
      g_hash_table_unref (c->set_aside[i]);
    }
  g_free (c);
}

/* Whether @table's figures fit @schema: the same kind of table with the
 * same columns, which a customised template of the same base always has. */
static gboolean
fits (GkTable             *table,
      const GkTableSchema *schema)
{
  const GkTableSchema *own = gk_table_get_schema (table);

  if (own->kind != schema->kind || own->columns->len != schema->columns->len)
    return FALSE;
  for (guint i = 0; i < own->columns->len; i++)
    if (g_strcmp0 (((GkColumnSchema *) own->columns->pdata[i])->id,
                   ((GkColumnSchema *) schema->columns->pdata[i])->id) != 0)
      return FALSE;
  return TRUE;
}

/* The table of @role the document has, shows or keeps aside, or NULL. */
static GkTable *
find_table (GkDocument *self,
            const char *role)
{
  GkTable *table = gk_document_get_table (self, role);

  if (table == NULL && self->set_aside != NULL)
    table = g_hash_table_lookup (self->set_aside, role);
  return table;
}

/**
 * gk_document_set_template:
 * @template: the template the document is to follow
 *
 * Makes the document follow @template, as one undoable action. A table
 * of a role both templates have keeps its figures, 备注 and explanation;
 * a table @template leaves out is kept aside inside the document and
 * comes back, figures and all, when a later template has its role again.
 * The summaries are derived again.
 *
 * Returns: FALSE, with @error set and the document unchanged, when a
 * table of the document cannot take the shape @template gives its role.
 */
gboolean
gk_document_set_template (GkDocument  *self,
                          GkTemplate  *template,
                          GError     **error)
{
  SetTemplate *c;
  guint n;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (template != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (template == self->template)
    return TRUE;

  n = gk_template_get_n_tables (template);
  for (guint i = 0; i < n; i++)
    {
      const GkTableSchema *schema = gk_template_get_table (template, i);
      GkTable *table = find_table (self, schema->id);

      if (table != NULL && !fits (table, schema))
        {
          g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                       _("The template “%s” gives the table “%s” other columns than this document’s; its figures would not fit"),
                       gk_template_get_title (template), schema->title);
          return FALSE;
        }
    }

  c = g_new0 (SetTemplate, 1);
  c->parent.apply = set_template_apply;
  c->parent.free = set_template_free;
  c->templates[0] = self->template;
  c->templates[1] = template;
  c->tables[0] = g_ptr_array_copy (self->tables, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (c->tables[0], g_object_unref);
  c->set_aside[0] = self->set_aside != NULL ? set_aside_copy (self->set_aside) : set_aside_new ();

  c->tables[1] = g_ptr_array_new_with_free_func (g_object_unref);
  c->set_aside[1] = set_aside_copy (c->set_aside[0]);
  for (guint i = 0; i < self->tables->len; i++)
    {
      GkTable *table = self->tables->pdata[i];

      g_hash_table_replace (c->set_aside[1], g_strdup (gk_table_get_id (table)), g_object_ref (table));
    }
  for (guint i = 0; i < n; i++)
    {
      const GkTableSchema *schema = gk_template_get_table (template, i);
      GkTable *table = g_hash_table_lookup (c->set_aside[1], schema->id);

      if (table != NULL)
        {
          g_ptr_array_add (c->tables[1], g_object_ref (table));
          g_hash_table_remove (c->set_aside[1], schema->id);
        }
      else
        g_ptr_array_add (c->tables[1], gk_table_new (schema));
    }

  gk_document_begin_action (self, _("Change Tables"));
  gk_document_record (self, &c->parent);
  gk_document_end_action (self);
  return TRUE;
}

/* Whether the document keeps figures aside in tables its template leaves
 * out (which a file does not hold). */
gboolean
gk_document_has_set_aside_figures (GkDocument *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  if (self->set_aside == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, self->set_aside);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!gk_table_is_empty (value))
      return TRUE;
  return FALSE;
}
