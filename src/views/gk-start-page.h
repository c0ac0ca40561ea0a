/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_START_PAGE (gk_start_page_get_type ())

G_DECLARE_FINAL_TYPE (GkStartPage, gk_start_page, GK, START_PAGE, GtkWidget)

void        gk_start_page_set_menu_model (GkStartPage *self,
                                          GMenuModel  *menu);
GtkListBox *gk_start_page_get_recent     (GkStartPage *self);
GtkWidget  *gk_start_page_get_button     (GkStartPage *self,
                                          const char  *name);

G_END_DECLS
