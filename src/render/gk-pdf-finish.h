/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *gk_pdf_finish (GBytes      *pdf,
                       const char  *language,
                       GError     **error);

G_END_DECLS
