/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-pdf-rewrite-private.h"

G_BEGIN_DECLS

/* Cairo's file, handed to a rewriter on a thread of its own so that
 * putting it in order and writing it overlap the drawing. */
typedef struct _GkPdfPipe GkPdfPipe;

GkPdfPipe *_gk_pdf_pipe_new        (GkPdfRewriter  *rewriter,
                                    gsize           limit);
gboolean   _gk_pdf_pipe_feed       (GkPdfPipe      *self,
                                    const guchar   *data,
                                    gsize           size);
gboolean   _gk_pdf_pipe_failed     (GkPdfPipe      *self);
gboolean   _gk_pdf_pipe_close      (GkPdfPipe      *self,
                                    gboolean        drain,
                                    GError        **error);
gsize      _gk_pdf_pipe_get_queued (GkPdfPipe      *self);
gsize      _gk_pdf_pipe_get_most_queued (GkPdfPipe *self);
gboolean   _gk_pdf_pipe_is_waiting (GkPdfPipe      *self);
double     _gk_pdf_pipe_get_cpu_ms (GkPdfPipe      *self);
void       _gk_pdf_pipe_free       (GkPdfPipe      *self);

G_END_DECLS
