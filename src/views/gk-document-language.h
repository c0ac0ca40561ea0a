/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gk_label_use_document_language (GtkLabel *label);
void gk_document_language_set_default (void);

G_END_DECLS
