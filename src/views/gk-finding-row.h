/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gk-finding.h"

G_BEGIN_DECLS

#define GK_TYPE_FINDING_ROW (gk_finding_row_get_type ())

G_DECLARE_FINAL_TYPE (GkFindingRow, gk_finding_row, GK, FINDING_ROW, GtkListBoxRow)

GtkWidget *gk_finding_row_new         (GkFinding    *finding,
                                       const char   *places);
GkFinding *gk_finding_row_get_finding (GkFindingRow *self);

G_END_DECLS
