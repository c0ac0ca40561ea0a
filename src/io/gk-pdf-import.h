/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_PDF_IMPORT_ERROR (gk_pdf_import_error_quark ())

typedef enum {
  GK_PDF_IMPORT_ERROR_NOT_PDF,     /* not a PDF at all, whatever its name */
  GK_PDF_IMPORT_ERROR_DAMAGED,     /* a PDF whose pages cannot be read */
  GK_PDF_IMPORT_ERROR_ENCRYPTED,   /* protected by a password */
  GK_PDF_IMPORT_ERROR_NO_TEXT,     /* pages that are images: a scan */
  GK_PDF_IMPORT_ERROR_NO_TABLE,    /* text, but none of the tables */
} GkPdfImportError;

GQuark      gk_pdf_import_error_quark (void);

gboolean    gk_pdf_import_is_pdf_name (const char  *path);
GkDocument *gk_pdf_import             (const char  *path,
                                       GkTemplate  *template,
                                       GString     *report,
                                       GError     **error);

G_END_DECLS
