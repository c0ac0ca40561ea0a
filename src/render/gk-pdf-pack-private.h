/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gk-pdf-rewrite-private.h"

G_BEGIN_DECLS

/* The output of gk-pdf-rewrite.c: streams go out as they come, every
 * other object into compressed object streams, and the file ends with a
 * cross-reference stream. */
typedef struct _GkPdfPack GkPdfPack;

GkPdfPack    *_gk_pdf_pack_new       (GkPdfWriteFunc  write,
                                      gpointer        user_data);
void          _gk_pdf_pack_free      (GkPdfPack      *self);
const GError *_gk_pdf_pack_get_error (GkPdfPack      *self);
gboolean      _gk_pdf_pack_wrote     (GkPdfPack      *self);
gboolean      _gk_pdf_pack_has       (GkPdfPack      *self,
                                      guint64         number);
guint64       _gk_pdf_pack_next_number (GkPdfPack    *self);

void          _gk_pdf_pack_append    (GkPdfPack      *self,
                                      const char     *data,
                                      gsize           length);
void          _gk_pdf_pack_printf    (GkPdfPack      *self,
                                      const char     *format,
                                      ...) G_GNUC_PRINTF (2, 3);

/* Object @number follows, "N 0 obj" to "endobj", in the file itself. */
GBytes       *_gk_pdf_pack_deflate_stream (GkPdfPack  *self,
                                          const guint8 *data,
                                          gsize       size);
void          _gk_pdf_pack_direct    (GkPdfPack      *self,
                                      guint64         number);
/* Object @number's value follows, up to _gk_pdf_pack_end(), into an
 * object stream. */
void          _gk_pdf_pack_begin     (GkPdfPack      *self,
                                      guint64         number);
void          _gk_pdf_pack_end       (GkPdfPack      *self);
/* @number is cairo's, but will not be written: an object stream may
 * take it. */
void          _gk_pdf_pack_spare     (GkPdfPack      *self,
                                      guint64         number);

gboolean      _gk_pdf_pack_finish    (GkPdfPack      *self,
                                      guint64         next_number,
                                      guint64         root,
                                      guint64         info);

G_END_DECLS
