/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-catalog.h"
#include "gk-model-private.h"
#include "gk-project.h"
#include "gk-table-private.h"

/* 表七 -------------------------------------------------------------------- */

static void
store_replace (GListStore *store,
               GPtrArray  *items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean same = n == items->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      same = item == items->pdata[i];
    }
  if (!same)
    g_list_store_splice (store, 0, n, items->pdata, items->len);
}

static int
compare_row_codes (gconstpointer a,
                   gconstpointer b)
{
  const GkRow *ra = *(GkRow **) a;
  const GkRow *rb = *(GkRow **) b;
  return g_strcmp0 (ra->code, rb->code);
}

static GkRowKind
kind_for_level (GkLevel level)
{
  switch (level)
    {
    case GK_LEVEL_CLASS:
      return GK_ROW_KIND_CLASS;
    case GK_LEVEL_SECTION:
      return GK_ROW_KIND_SECTION;
    case GK_LEVEL_ITEM:
    case GK_LEVEL_NONE:
    default:
      return GK_ROW_KIND_ITEM;
    }
}

/* 表七's 类/款/项 rows exist only because projects sit under them: the tree
 * is recomputed from the projects (in document order within a 项), reusing
 * the rows that stay, so that views keep their state. */
void
gk_table_rebuild_projects (GkTable    *self,
                           GListModel *projects,
                           GkNameFunc  name_func,
                           gpointer    user_data)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  g_autoptr(GPtrArray) loose = g_ptr_array_new ();
  g_autoptr(GPtrArray) old_groups = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  guint n;

  g_return_if_fail (GK_IS_TABLE (self));
  g_return_if_fail (self->schema->kind == GK_TABLE_KIND_PROJECTS);

  g_hash_table_iter_init (&iter, self->by_code);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (old_groups, g_object_ref (value));
  g_ptr_array_set_free_func (old_groups, g_object_unref);

  /* Removed projects must not keep pointing into the table. */
  for (guint i = 0; i < self->flat->len; i++)
    {
      GkRow *row = self->flat->pdata[i];
      if (row->kind == GK_ROW_KIND_PROJECT)
        {
          row->parent = NULL;
          row->table = NULL;
        }
    }

  n = g_list_model_get_n_items (projects);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      GkRow *row = gk_project_get_row (project);
      const char *code = gk_project_get_function_code (project);
      g_autofree char *c = NULL;
      GPtrArray *list;

      /* A project not yet given its 项 has no code at all. */
      if (code == NULL || gk_classification_level (GK_CLASSIFICATION_FUNCTION, code) == GK_LEVEL_NONE)
        {
          g_ptr_array_add (loose, row);
          continue;
        }

      /* A group met before brought its parents with it: most projects
       * share their 项 with others and need no walk up the tree. */
      for (c = g_hash_table_contains (groups, code) ? NULL : g_strdup (code); c != NULL; )
        {
          char *parent;

          if (!g_hash_table_contains (groups, c))
            {
              GkRow *group = g_hash_table_lookup (self->by_code, c);
              const char *name = name_func (c, user_data);

              if (group == NULL)
                group = gk_row_new (kind_for_level (gk_classification_level (GK_CLASSIFICATION_FUNCTION, c)),
                                    c, name, gk_table_schema_get_n_columns (self->schema));
              else
                {
                  g_object_ref (group);
                  gk_row_set_name (group, name);
                }
              /* groups holds the reference; keys are the rows' own codes */
              g_hash_table_insert (groups, group->code, group);
            }
          parent = gk_classification_parent (GK_CLASSIFICATION_FUNCTION, c);
          g_free (c);
          c = parent;
        }

      list = g_hash_table_lookup (members, code);
      if (list == NULL)
        {
          GkRow *group = g_hash_table_lookup (groups, code);
          list = g_ptr_array_new ();
          g_hash_table_insert (members, group->code, list);
        }
      g_ptr_array_add (list, row);
    }

  /* Sub-groups under their parent group, in code order, before projects. */
  {
    g_autoptr(GHashTable) subgroups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             (GDestroyNotify) g_ptr_array_unref);

    g_hash_table_iter_init (&iter, groups);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        GkRow *group = value;
        char *parent = gk_classification_parent (GK_CLASSIFICATION_FUNCTION, group->code);
        GPtrArray *list;

        if (parent == NULL)
          {
            g_ptr_array_add (top, group);
            continue;
          }
        list = g_hash_table_lookup (subgroups, parent);
        if (list == NULL)
          {
            list = g_ptr_array_new ();
            g_hash_table_insert (subgroups, g_strdup (parent), list);
          }
        g_ptr_array_add (list, group);
        g_free (parent);
      }

    g_hash_table_iter_init (&iter, groups);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        GkRow *group = value;
        GPtrArray *subs = g_hash_table_lookup (subgroups, group->code);
        GPtrArray *own = g_hash_table_lookup (members, group->code);
        g_autoptr(GPtrArray) children = g_ptr_array_new ();

        if (subs != NULL)
          {
            g_ptr_array_sort (subs, compare_row_codes);
            g_ptr_array_extend (children, subs, NULL, NULL);
          }
        if (own != NULL)
          g_ptr_array_extend (children, own, NULL, NULL);
        for (guint i = 0; i < children->len; i++)
          ((GkRow *) children->pdata[i])->parent = group;
        store_replace (group->children, children);
      }
  }

  g_ptr_array_sort (top, compare_row_codes);
  g_ptr_array_extend (top, loose, NULL, NULL);
  for (guint i = 0; i < top->len; i++)
    ((GkRow *) top->pdata[i])->parent = NULL;
  store_replace (self->roots, top);

  /* Groups that no project needs any more leave the table. */
  for (guint i = 0; i < old_groups->len; i++)
    {
      GkRow *old = old_groups->pdata[i];
      if (g_hash_table_lookup (groups, old->code) != old)
        {
          g_list_store_remove_all (old->children);
          old->parent = NULL;
          old->table = NULL;
        }
    }

  g_hash_table_remove_all (self->by_code);
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GkRow *group = value;
      group->table = self;
      g_hash_table_insert (self->by_code, group->code, group);
      g_object_unref (group);   /* now held by its parent's store or the roots */
    }
  n = g_list_model_get_n_items (projects);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      gk_project_get_row (project)->table = self;
    }

  _gk_table_rebuild_flat (self);
  gk_table_derive_all (self);
}
