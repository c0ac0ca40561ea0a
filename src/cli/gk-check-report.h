/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-check-batch.h"

G_BEGIN_DECLS

typedef enum {
  GK_REPORT_NONE,
  GK_REPORT_CSV,
  GK_REPORT_XLSX,
  GK_REPORT_HTML,
} GkReportFormat;

GkReportFormat gk_check_report_format (const char *path);
gboolean       gk_check_report_write  (GFile      *file,
                                       GPtrArray  *results,
                                       const char *summary,
                                       GError    **error);
void           gk_check_report_set_xlsx_row_limit (guint limit);

G_END_DECLS
