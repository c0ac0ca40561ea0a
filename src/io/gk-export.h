/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"
#include "gk-progress.h"

G_BEGIN_DECLS

/* Every export and import of a disclosure goes through here, the window's
 * (in a worker thread) and the command line's (synchronously) alike. */

typedef enum {
  GK_EXPORT_PDF,
  GK_EXPORT_PDF_WITH_CHARTS,
  GK_EXPORT_XLSX,
  GK_EXPORT_CSV,       /* a folder of 表一.csv … 表九.csv */
  GK_EXPORT_CHARTS,    /* a folder of ID.png and ID.svg */
} GkExportFormat;

gboolean    gk_export_is_folder      (GkExportFormat        format);

gboolean    gk_export_file           (GkDocument           *document,
                                      GkExportFormat        format,
                                      GFile                *target,
                                      GkProgressFunc        progress,
                                      gpointer              progress_data,
                                      GCancellable         *cancellable,
                                      GError              **error);
void        gk_export_async          (GkDocument           *document,
                                      GkExportFormat        format,
                                      GFile                *target,
                                      GkProgressFunc        progress,
                                      gpointer              progress_data,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean    gk_export_finish         (GAsyncResult         *result,
                                      GError              **error);

GkDocument *gk_import_xlsx_file      (GFile                *file,
                                      GString              *report,
                                      GCancellable         *cancellable,
                                      GError              **error);
void        gk_import_xlsx_async     (GFile                *file,
                                      GkProgressFunc        progress,
                                      gpointer              progress_data,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
GkDocument *gk_import_xlsx_finish    (GAsyncResult         *result,
                                      char                **report,
                                      GError              **error);

G_END_DECLS
