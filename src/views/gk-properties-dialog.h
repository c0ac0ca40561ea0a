/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_PROPERTIES_DIALOG (gk_properties_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkPropertiesDialog, gk_properties_dialog, GK, PROPERTIES_DIALOG, AdwPreferencesWindow)

GtkWidget  *gk_properties_dialog_new         (GtkWindow          *parent,
                                              GkDocument         *document);
GtkWidget  *gk_properties_dialog_get_row     (GkPropertiesDialog *self,
                                              const char         *name);
const char *gk_properties_dialog_get_message (GkPropertiesDialog *self,
                                              const char         *name);

G_END_DECLS
