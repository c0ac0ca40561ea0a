/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-page.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECTS_PAGE (gk_projects_page_get_type ())

G_DECLARE_FINAL_TYPE (GkProjectsPage, gk_projects_page, GK, PROJECTS_PAGE, GkPage)

GtkWidget  *gk_projects_page_new                  (GkDocument     *document);
GtkWidget  *gk_indicator_editor_new               (GkDocument     *document,
                                                   GListModel     *indicators);
GkProject  *gk_projects_page_get_selected         (GkProjectsPage *self);
void        gk_projects_page_select               (GkProjectsPage *self,
                                                   GkProject      *project);
GtkWidget  *gk_projects_page_get_indicator_editor (GkProjectsPage *self);
GtkWidget  *gk_projects_page_get_field            (GkProjectsPage *self,
                                                   const char     *property);

G_END_DECLS
