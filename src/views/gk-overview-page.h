/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-page.h"

G_BEGIN_DECLS

#define GK_TYPE_OVERVIEW_PAGE (gk_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (GkOverviewPage, gk_overview_page, GK, OVERVIEW_PAGE, GkPage)

GtkWidget  *gk_overview_page_new          (GkDocument     *document);
GkDocument *gk_overview_page_get_document (GkOverviewPage *self);
GtkWidget  *gk_overview_page_get_duties   (GkOverviewPage *self);
GtkSpinButton *gk_overview_page_get_spin  (GkOverviewPage *self,
                                           const char     *property);
const char *gk_overview_page_get_actual_text (GkOverviewPage *self);

G_END_DECLS
