/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-row-picker.h"
#include "gk-table-page.h"

G_BEGIN_DECLS

#define GK_TYPE_CATALOG_TABLE_PAGE (gk_catalog_table_page_get_type ())

G_DECLARE_FINAL_TYPE (GkCatalogTablePage, gk_catalog_table_page, GK, CATALOG_TABLE_PAGE, GkTablePage)

GkRowPicker *gk_catalog_table_page_get_picker (GkCatalogTablePage *self);

G_END_DECLS
