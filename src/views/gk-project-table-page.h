/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-table-page.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECT_TABLE_PAGE (gk_project_table_page_get_type ())

G_DECLARE_FINAL_TYPE (GkProjectTablePage, gk_project_table_page, GK, PROJECT_TABLE_PAGE, GkTablePage)

GListModel *gk_project_table_page_list_items (GkProjectTablePage *self);
GkProject  *gk_project_table_page_add       (GkProjectTablePage *self,
                                             const char         *name,
                                             const char         *function_code,
                                             GError            **error);

G_END_DECLS
