/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gk-document.h"

G_BEGIN_DECLS

GtkWidget *gk_table_pages_create (GkDocument *document,
                                  GkTable    *table);

G_END_DECLS
