/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_TEXT_FIELD (gk_text_field_get_type ())

G_DECLARE_FINAL_TYPE (GkTextField, gk_text_field, GK, TEXT_FIELD, GtkWidget)

GtkWidget  *gk_text_field_new             (GkDocument  *document,
                                           gpointer     object,
                                           const char  *property,
                                           gboolean     multiline);
void        gk_text_field_set_placeholder (GkTextField *self,
                                           const char  *placeholder);
const char *gk_text_field_get_text        (GkTextField *self);
void        gk_text_field_set_text        (GkTextField *self,
                                           const char  *text);
gboolean    gk_text_field_commit          (GkTextField *self);
GtkWidget  *gk_text_field_get_editor      (GkTextField *self);

G_END_DECLS
