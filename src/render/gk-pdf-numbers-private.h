/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for any number _gk_pdf_format_fixed() writes, and its end. */
#define GK_PDF_NUMBER_MAX 64

int      _gk_pdf_format_fixed   (char   *buffer,
                                 double  value,
                                 int     precision);
gboolean _gk_pdf_numbers_in_use (void);

G_END_DECLS
