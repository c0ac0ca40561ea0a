/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

GtkWidget *gk_fact_row_new         (GkDocument          *document,
                                    GObject             *holder,
                                    const char          *property,
                                    const char          *title);
void       gk_fact_rows_add_groups (GkDocument          *document,
                                    GtkBox              *box);
void       gk_fact_rows_add_staff  (GkDocument          *document,
                                    AdwPreferencesGroup *group);

G_END_DECLS
