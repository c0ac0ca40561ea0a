/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_XLSX_ERROR (gk_xlsx_error_quark ())

typedef enum {
  GK_XLSX_ERROR_NOT_WORKBOOK,  /* not an .xlsx file at all (a CSV, an .xls, …) */
  GK_XLSX_ERROR_DAMAGED,       /* a workbook whose parts cannot be read */
  GK_XLSX_ERROR_NO_TABLE,      /* no sheet carries one of the template's tables */
  GK_XLSX_ERROR_INVALID,       /* a cell that cannot be taken as it is */
} GkXlsxError;

GQuark      gk_xlsx_error_quark (void);

GkDocument *gk_xlsx_import      (const char  *path,
                                 GString     *report,
                                 GError     **error);
GkDocument *gk_xlsx_import_for_template (const char  *path,
                                         GkTemplate  *template,
                                         GString     *report,
                                         GError     **error);
GkDocument *gk_xlsx_import_data (const guint8  *data,
                                 gsize          size,
                                 const char    *display_name,
                                 GString       *report,
                                 GError       **error);

G_END_DECLS
