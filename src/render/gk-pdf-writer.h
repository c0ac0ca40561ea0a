/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-disclosure-layout.h"
#include "gk-document.h"
#include "gk-progress.h"

G_BEGIN_DECLS

#define GK_PDF_ERROR (gk_pdf_error_quark ())

typedef enum {
  GK_PDF_ERROR_WRITE,     /* the file could not be written (io/gk-pdf-export.c) */
  GK_PDF_ERROR_FONT,      /* a font to embed is not installed */
  GK_PDF_ERROR_RENDER,    /* cairo failed to produce the PDF */
} GkPdfError;

GQuark gk_pdf_error_quark (void);

/* Writes the finished disclosure as a PDF: A4, fonts embedded, 目录 linked
 * to its pages, an outline and metadata, into a stream it is given; the
 * file around it is io's (gk-pdf-export.h). */
#define GK_TYPE_PDF_WRITER (gk_pdf_writer_get_type ())
G_DECLARE_FINAL_TYPE (GkPdfWriter, gk_pdf_writer, GK, PDF_WRITER, GObject)

GkPdfWriter *gk_pdf_writer_new              (GkDocument          *document);
GkDocument  *gk_pdf_writer_get_document     (GkPdfWriter         *self);
gboolean     gk_pdf_writer_get_with_charts  (GkPdfWriter         *self);
void         gk_pdf_writer_set_with_charts  (GkPdfWriter         *self,
                                             gboolean             with_charts);
const char  *gk_pdf_writer_get_body_font    (GkPdfWriter         *self);
void         gk_pdf_writer_set_body_font    (GkPdfWriter         *self,
                                             const char          *family);
const char  *gk_pdf_writer_get_heading_font (GkPdfWriter         *self);
void         gk_pdf_writer_set_heading_font (GkPdfWriter         *self,
                                             const char          *family);
void         gk_pdf_writer_set_characters   (GkPdfWriter         *self,
                                             GBytes              *text);
GBytes      *gk_pdf_writer_get_characters   (GkPdfWriter         *self);
gboolean     gk_pdf_writer_get_cut_fonts    (GkPdfWriter         *self);
void         gk_pdf_writer_set_document_lock (GkPdfWriter        *self,
                                             GMutex              *lock);
gboolean     gk_pdf_writer_write_to_stream  (GkPdfWriter         *self,
                                             GOutputStream       *stream,
                                             GkProgressFunc       progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GError             **error);
guint        gk_pdf_writer_get_n_pages      (GkPdfWriter         *self);

G_END_DECLS
