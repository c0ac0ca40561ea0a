/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Takes the bytes of the finished PDF, part by part. */
typedef gboolean (*GkPdfWriteFunc) (const guchar  *data,
                                    gsize          size,
                                    gpointer       user_data,
                                    GError       **error);

/* A GkPdfWriteFunc that appends every part to the GByteArray @user_data. */
gboolean _gk_pdf_write_to_byte_array (const guchar  *data,
                                      gsize          size,
                                      gpointer       user_data,
                                      GError       **error);

enum {
  GK_PDF_REWRITE_DONE,
  GK_PDF_REWRITE_UNSUPPORTED,   /* not cairo's kind of file; nothing was written */
  GK_PDF_REWRITE_FAILED,        /* @write failed and said why */
};

int _gk_pdf_rewrite (const guchar    *data,
                     gsize            size,
                     const char      *language,
                     GkPdfWriteFunc   write,
                     gpointer         user_data,
                     GError         **error);

/* The same as cairo writes the file, a part at a time. */
typedef struct _GkPdfRewriter GkPdfRewriter;

GkPdfRewriter *_gk_pdf_rewriter_new    (const char      *language,
                                        GkPdfWriteFunc   write,
                                        gpointer         user_data);
gboolean       _gk_pdf_rewriter_feed   (GkPdfRewriter   *self,
                                        const guchar    *data,
                                        gsize            size,
                                        GError         **error);
gboolean       _gk_pdf_rewriter_finish (GkPdfRewriter   *self,
                                        GError         **error);
gboolean       _gk_pdf_rewriter_wrote  (GkPdfRewriter   *self);
void           _gk_pdf_rewriter_free   (GkPdfRewriter   *self);

G_END_DECLS
