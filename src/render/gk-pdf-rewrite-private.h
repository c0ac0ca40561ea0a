/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Takes the bytes of the finished PDF, part by part. */
typedef gboolean (*GkPdfWriteFunc) (const guchar  *data,
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

G_END_DECLS
