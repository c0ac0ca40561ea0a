/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-table-page.h"

G_BEGIN_DECLS

#define GK_TYPE_LIST_TABLE_PAGE (gk_list_table_page_get_type ())

G_DECLARE_FINAL_TYPE (GkListTablePage, gk_list_table_page, GK, LIST_TABLE_PAGE, GkTablePage)

GtkWidget *gk_list_table_page_get_text_widget (GkListTablePage *self,
                                               GkRow           *row,
                                               guint            text_column);

G_END_DECLS
