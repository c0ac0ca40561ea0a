/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-pdf-writer.h"

G_BEGIN_DECLS

/* The PDF as a file: render's GkPdfWriter draws it into the atomic
 * writer's stream, so a reader never sees half a PDF and a failed or
 * cancelled export leaves the previous file as it was. */

gboolean gk_pdf_writer_write_file (GkPdfWriter         *self,
                                   GFile               *file,
                                   GkProgressFunc       progress,
                                   gpointer             progress_data,
                                   GCancellable        *cancellable,
                                   GError             **error);
gboolean gk_pdf_writer_write      (GkPdfWriter         *self,
                                   const char          *path,
                                   GError             **error);
gboolean gk_pdf_export            (GkDocument          *document,
                                   const char          *path,
                                   const GkPdfOptions  *options,
                                   GError             **error);

G_END_DECLS
