/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"
#include "gk-text-item.h"

G_BEGIN_DECLS

/* List tables (政府采购预算表, 政府购买服务预算表 …): rows the user adds, in
 * the user's order, each with its text cells and its amounts, and a
 * derived 合计 row. Every edit is undoable. Amounts are set with
 * gk_document_set_amount() like any other cell. */

GkRow      *gk_list_row_new            (const GkTableSchema *schema);
const char *gk_list_row_get_text       (GkRow               *row,
                                        guint                text_column);
GkTextItem *gk_list_row_get_text_item  (GkRow               *row,
                                        guint                text_column);
gboolean    gk_table_schema_check_text (const GkTableSchema *schema,
                                        guint                text_column,
                                        const char          *text,
                                        GError             **error);

GkRow      *gk_document_add_list_row    (GkDocument  *self,
                                         GkTable     *table,
                                         guint        position);
void        gk_document_remove_list_row (GkDocument  *self,
                                         GkRow       *row);
gboolean    gk_document_move_list_row   (GkDocument  *self,
                                         GkRow       *row,
                                         guint        position);
gboolean    gk_document_set_list_text   (GkDocument  *self,
                                         GkRow       *row,
                                         guint        text_column,
                                         const char  *text,
                                         GError     **error);
guint       gk_table_get_n_entries      (GkTable     *table);
GkRow      *gk_table_get_entry          (GkTable     *table,
                                         guint        position);

G_END_DECLS
