/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"

G_BEGIN_DECLS

/* One printed line of 表一 or 表四: an income line on the left and an
 * expenditure line on the right, side by side. */
#define GK_TYPE_SUMMARY_LINE (gk_summary_line_get_type ())

G_DECLARE_FINAL_TYPE (GkSummaryLine, gk_summary_line, GK, SUMMARY_LINE, GObject)

GkSummaryLine *gk_summary_line_new       (GkRow         *left,
                                          GkRow         *right,
                                          gboolean       total);
GkRow         *gk_summary_line_get_left  (GkSummaryLine *self);
GkRow         *gk_summary_line_get_right (GkSummaryLine *self);
gboolean       gk_summary_line_is_total  (GkSummaryLine *self);

G_END_DECLS
