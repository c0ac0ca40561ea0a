/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GK_TYPE_SPLIT (gk_split_get_type ())

G_DECLARE_FINAL_TYPE (GkSplit, gk_split, GK, SPLIT, GtkWidget)

GtkWidget *gk_split_new              (void);
GtkWidget *gk_split_get_sidebar      (GkSplit   *self);
void       gk_split_set_sidebar      (GkSplit   *self,
                                      GtkWidget *sidebar);
GtkWidget *gk_split_get_content      (GkSplit   *self);
void       gk_split_set_content      (GkSplit   *self,
                                      GtkWidget *content);
gboolean   gk_split_get_folded       (GkSplit   *self);
gboolean   gk_split_get_show_content (GkSplit   *self);
void       gk_split_set_show_content (GkSplit   *self,
                                      gboolean   show_content);
gboolean   gk_split_navigate_back    (GkSplit   *self);

G_END_DECLS
