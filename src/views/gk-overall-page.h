/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-page.h"

G_BEGIN_DECLS

#define GK_TYPE_OVERALL_PAGE (gk_overall_page_get_type ())

G_DECLARE_FINAL_TYPE (GkOverallPage, gk_overall_page, GK, OVERALL_PAGE, GkPage)

GtkWidget *gk_overall_page_new                (GkDocument    *document,
                                               GkTable       *table);
GtkWidget *gk_overall_page_get_tasks_page     (GkOverallPage *self);
GtkWidget *gk_overall_page_get_goal_field     (GkOverallPage *self);
GtkWidget *gk_overall_page_get_indicator_editor (GkOverallPage *self);

G_END_DECLS
