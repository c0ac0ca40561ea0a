/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"
#include "gk-progress.h"

G_BEGIN_DECLS

GBytes   *gk_csv_serialize_table  (GkDocument      *document,
                                   GkTable         *table);
gboolean  gk_csv_export_document  (GkDocument      *document,
                                   GFile           *directory,
                                   GkProgressFunc   progress,
                                   gpointer         progress_data,
                                   GCancellable    *cancellable,
                                   GError         **error);

void      gk_csv_append_record    (GString            *out,
                                   const char * const *fields,
                                   guint               n);

G_END_DECLS
