/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"
#include "gk-progress.h"

G_BEGIN_DECLS

gboolean gk_xlsx_export      (GkDocument         *doc,
                              const char         *path,
                              GError            **error);
gboolean gk_xlsx_export_file (GkDocument         *doc,
                              GFile              *file,
                              GkProgressFunc      progress,
                              gpointer            progress_data,
                              GCancellable       *cancellable,
                              GError            **error);

gboolean gk_xlsx_write_list  (GFile              *file,
                              const char         *sheet_name,
                              const char * const *header,
                              GPtrArray          *rows,
                              GError            **error);

G_END_DECLS
