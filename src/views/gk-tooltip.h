/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gk_tooltip_set_text (GtkTooltip *tooltip,
                          const char *text);

char *gk_label_dup_cut_text (GtkLabel   *label);

G_END_DECLS
