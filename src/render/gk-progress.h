/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Told how much of a long job (a PDF, a workbook, an export) is done,
 * from 0 to 1, on the thread that does it. */
typedef void (*GkProgressFunc) (double   fraction,
                                gpointer user_data);

G_END_DECLS
