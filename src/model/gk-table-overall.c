/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-table-overall.h"
#include "gk-table-private.h"

/* The goal is a GkTextItem so that its edit is the document's ordinary
 * undoable property edit, which the editor's text fields commit like any
 * other; the indicators are a GListStore so that the undoable list edits
 * of the projects' indicators serve them too. */

gboolean
gk_table_is_overall_performance (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), FALSE);
  return self->schema->kind == GK_TABLE_KIND_OVERALL_PERFORMANCE;
}

/* NULL unless the table is an overall-performance table. */
GkTextItem *
gk_table_get_goal_item (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  return self->goal;
}

/* The 年度绩效目标, "" when blank; NULL for another kind of table. */
const char *
gk_table_get_goal (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  if (self->goal == NULL)
    return NULL;
  return gk_text_item_get_text (self->goal) ? gk_text_item_get_text (self->goal) : "";
}

GListModel *
gk_table_get_indicators (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  return self->indicators != NULL ? G_LIST_MODEL (self->indicators) : NULL;
}

void
gk_document_set_goal (GkDocument *document,
                      GkTable    *table,
                      const char *goal)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (GK_IS_DOCUMENT (document));
  g_return_if_fail (gk_table_get_goal_item (table) != NULL);

  stripped = g_strstrip (g_strdup (goal != NULL ? goal : ""));
  gk_document_set_text (document, gk_table_get_goal_item (table), "text",
                        stripped[0] != '\0' ? stripped : NULL);
}
