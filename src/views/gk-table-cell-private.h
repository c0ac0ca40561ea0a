/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-table-cell.h"

G_BEGIN_DECLS

GkDocument *_gk_table_cell_get_document (GkTableCell *self);
GkChecker  *_gk_table_cell_get_checker  (GkTableCell *self);

/* gk-table-cell-tooltip.c */
char     *_gk_table_cell_dup_findings  (GkTableCell *self);
gboolean  _gk_table_cell_query_tooltip (GtkWidget   *widget,
                                        int          x,
                                        int          y,
                                        gboolean     keyboard,
                                        GtkTooltip  *tooltip);

/* gk-table-cell-derivation.c */
char *_gk_table_cell_describe_kept      (GkRow       *row,
                                         guint        column);

/* gk-table-cell-follow.c */
char *_gk_table_cell_describe_following (GkRow       *row,
                                         guint        column);
void  _gk_table_cell_keep_typing        (GkTableCell *self);
void  _gk_table_cell_restore_typing     (GkTableCell *self);

G_END_DECLS
