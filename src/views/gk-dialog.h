/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget            *gk_dialog_new_message      (GtkWidget            *for_widget,
                                                  const char           *heading,
                                                  const char           *body);
GtkFileChooserNative *gk_dialog_new_file_chooser (GtkWidget            *for_widget,
                                                  const char           *title,
                                                  GtkFileChooserAction  action,
                                                  const char           *accept_label,
                                                  GtkFileFilter        *filter);

G_END_DECLS
