/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_TEMPLATE_DIALOG (gk_template_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkTemplateDialog, gk_template_dialog, GK, TEMPLATE_DIALOG, AdwWindow)

GtkWidget   *gk_template_dialog_new            (GtkWindow        *parent,
                                                GkDocument       *document);
GtkSwitch   *gk_template_dialog_get_switch     (GkTemplateDialog *self,
                                                const char       *role);
GtkEditable *gk_template_dialog_get_title      (GkTemplateDialog *self,
                                                const char       *role);
gboolean     gk_template_dialog_move           (GkTemplateDialog *self,
                                                const char       *role,
                                                int               delta);
char        *gk_template_dialog_dup_roles      (GkTemplateDialog *self);
GkTemplate  *gk_template_dialog_build          (GkTemplateDialog *self,
                                                GError          **error);
gboolean     gk_template_dialog_apply          (GkTemplateDialog *self,
                                                GError          **error);
GFile       *gk_template_dialog_save_as        (GkTemplateDialog *self,
                                                const char       *name,
                                                GError          **error);

G_END_DECLS
