/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cells copied from a spreadsheet and pasted as text: one line a row, a
 * tab between cells. Kept apart from the table pages so that what they
 * accept can be tested (and fuzzed) without a display. */

GPtrArray *gk_tsv_split (const char *text);

G_END_DECLS
