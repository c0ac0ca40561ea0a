/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"

/* The undoable edits of a document's lists; the commands and history are
 * in gk-document-edit.c. */

/* Lists (duties, offices, glossary, indicators, projects) ------------------- */

typedef struct
{
  GkCommand   base;
  GListStore *list;
  guint       position;
  GObject    *item;
  gboolean    insert;
} ListCommand;

static void
list_apply (GkDocument *self,
            GkCommand  *command,
            gboolean    undo)
{
  ListCommand *c = (ListCommand *) command;

  if (c->insert != undo)
    g_list_store_insert (c->list, c->position, c->item);
  else
    g_list_store_remove (c->list, c->position);
  if (c->list == self->projects)
    gk_document_rebuild_projects (self);
}

static void
list_free (GkCommand *command)
{
  ListCommand *c = (ListCommand *) command;
  g_object_unref (c->list);
  g_object_unref (c->item);
  g_free (c);
}

static void
record_list (GkDocument *self,
             GListStore *list,
             guint       position,
             GObject    *item,
             gboolean    insert)
{
  ListCommand *c = g_new0 (ListCommand, 1);

  c->base.apply = list_apply;
  c->base.free = list_free;
  c->list = g_object_ref (list);
  c->position = position;
  c->item = g_object_ref (item);
  c->insert = insert;
  gk_document_record (self, &c->base);
}

void
gk_document_list_insert (GkDocument *self,
                         GListModel *list,
                         guint       position,
                         gpointer    item)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (position <= g_list_model_get_n_items (list));

  record_list (self, G_LIST_STORE (list), position, item, TRUE);
}

void
gk_document_list_remove (GkDocument *self,
                         GListModel *list,
                         guint       position)
{
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (position < g_list_model_get_n_items (list));

  item = g_list_model_get_item (list, position);
  record_list (self, G_LIST_STORE (list), position, item, FALSE);
}

void
gk_document_list_move (GkDocument *self,
                       GListModel *list,
                       guint       from,
                       guint       to)
{
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (from < g_list_model_get_n_items (list));
  g_return_if_fail (to < g_list_model_get_n_items (list));

  if (from == to)
    return;
  item = g_list_model_get_item (list, from);
  gk_document_begin_action (self, _("Move"));
  record_list (self, G_LIST_STORE (list), from, item, FALSE);
  record_list (self, G_LIST_STORE (list), to, item, TRUE);
  gk_document_end_action (self);
}

/* Projects ------------------------------------------------------------------ */

static char *
new_project_id (GkDocument *self)
{
  for (guint n = g_list_model_get_n_items (G_LIST_MODEL (self->projects)) + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", n);
      if (gk_document_lookup_project (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/* Inserting or removing many projects at once: one splice and one
 * rebuild of 表七, so that importing 10 000 projects stays linear. */
typedef struct
{
  GkCommand  base;
  guint      position;
  GPtrArray *projects;
} ProjectsCommand;

static void
projects_apply (GkDocument *self,
                GkCommand  *command,
                gboolean    undo)
{
  ProjectsCommand *c = (ProjectsCommand *) command;

  if (undo)
    g_list_store_splice (self->projects, c->position, c->projects->len, NULL, 0);
  else
    g_list_store_splice (self->projects, c->position, 0, c->projects->pdata, c->projects->len);
  gk_document_rebuild_projects (self);
}

static void
projects_free (GkCommand *command)
{
  ProjectsCommand *c = (ProjectsCommand *) command;
  g_ptr_array_unref (c->projects);
  g_free (c);
}

/* Appends one project per name, under the function code of the same
 * index (NULL: none yet), as one undoable action, and returns them in
 * order; their figures are then entered on their 表七 rows. Linear in the
 * number of projects, unlike adding them one at a time. */
GPtrArray *
gk_document_add_projects (GkDocument         *self,
                          const char * const *names,
                          const char * const *function_codes,
                          guint               n)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  ProjectsCommand *c;
  GListModel *projects;
  guint next = 1;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n == 0 || names != NULL, NULL);

  projects = G_LIST_MODEL (self->projects);
  c = g_new0 (ProjectsCommand, 1);
  c->base.apply = projects_apply;
  c->base.free = projects_free;
  c->position = g_list_model_get_n_items (projects);
  c->projects = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < c->position; i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      g_hash_table_add (taken, (gpointer) gk_project_get_id (project));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = NULL;
      GkProject *project;

      /* Ids are p1, p2 …; skip those a file already uses. */
      do
        {
          g_free (id);
          id = g_strdup_printf ("p%u", next++);
        }
      while (g_hash_table_contains (taken, id));
      project = gk_project_new (id);
      g_object_set (project,
                    "name", names[i],
                    "function", function_codes != NULL ? function_codes[i] : NULL,
                    NULL);
      g_ptr_array_add (c->projects, project);
    }

  gk_document_begin_action (self, n == 1 ? _("Add Project") : _("Add Projects"));
  gk_document_record (self, &c->base);
  gk_document_end_action (self);
  return g_ptr_array_ref (c->projects);
}

/* Appends a project; its figures are then entered on its 表七 row. */
GkProject *
gk_document_add_project (GkDocument *self,
                         const char *name,
                         const char *function_code)
{
  g_autofree char *id = NULL;
  g_autoptr(GkProject) project = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  id = new_project_id (self);
  project = gk_project_new (id);
  g_object_set (project, "name", name, "function", function_code, NULL);
  gk_document_begin_action (self, _("Add Project"));
  record_list (self, self->projects, g_list_model_get_n_items (G_LIST_MODEL (self->projects)),
               G_OBJECT (project), TRUE);
  gk_document_end_action (self);
  return project;
}
