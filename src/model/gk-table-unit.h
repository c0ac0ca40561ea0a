/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"

G_BEGIN_DECLS

/* A table may state money in another unit than its document (Shanghai's
 * 元 tables with a 三公 table in 万元). Amounts stay stored in the
 * document's unit; everything that shows, prints, exports or reads a
 * table's figures goes through these, so that they all agree. */

GkMoneyUnit  gk_table_get_money_unit       (GkTable     *table,
                                            GkDocument  *document);
gboolean     gk_table_unit_differs         (GkTable     *table,
                                            GkDocument  *document);
char        *gk_table_dup_unit_line        (GkTable     *table,
                                            GkDocument  *document);
gboolean     gk_table_amount_to_shown      (GkTable     *table,
                                            GkDocument  *document,
                                            GkAmount     stored,
                                            GkAmount    *shown,
                                            gboolean    *rounded);
char        *gk_table_format_amount        (GkTable     *table,
                                            GkDocument  *document,
                                            GkAmount     stored);
gboolean     gk_table_parse_amount         (GkTable     *table,
                                            GkDocument  *document,
                                            const char  *text,
                                            GkAmount    *stored,
                                            GError     **error);

G_END_DECLS
