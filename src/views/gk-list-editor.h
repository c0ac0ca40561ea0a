/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gk-document.h"

G_BEGIN_DECLS

/* The editing widget of one item of the list. */
typedef GtkWidget *(*GkListEditorCreateFunc) (GkDocument *document,
                                              gpointer    item,
                                              gpointer    user_data);
/* A new, empty item for the Add button. */
typedef gpointer   (*GkListEditorNewItemFunc) (gpointer   user_data);

#define GK_TYPE_LIST_EDITOR (gk_list_editor_get_type ())

G_DECLARE_FINAL_TYPE (GkListEditor, gk_list_editor, GK, LIST_EDITOR, GtkWidget)

GtkWidget  *gk_list_editor_new        (GkDocument              *document,
                                       GListModel              *list,
                                       gboolean                 numbered,
                                       const char              *add_label,
                                       GkListEditorCreateFunc   create_func,
                                       GkListEditorNewItemFunc  new_item_func,
                                       gpointer                 user_data);
GListModel *gk_list_editor_get_list   (GkListEditor            *self);
GtkListBox *gk_list_editor_get_list_box (GkListEditor          *self);
void        gk_list_editor_add        (GkListEditor            *self);
void        gk_list_editor_remove     (GkListEditor            *self,
                                       guint                    position);
void        gk_list_editor_move       (GkListEditor            *self,
                                       guint                    from,
                                       guint                    to);

GtkWidget  *gk_text_item_editor_new   (GkDocument              *document,
                                       GListModel              *list,
                                       gboolean                 numbered,
                                       const char              *add_label);

G_END_DECLS
