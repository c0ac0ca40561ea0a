/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GK_TYPE_TABLE_HEADER (gk_table_header_get_type ())

G_DECLARE_FINAL_TYPE (GkTableHeader, gk_table_header, GK, TABLE_HEADER, GtkWidget)

GtkWidget     *gk_table_header_new             (void);
void           gk_table_header_set_column_view (GkTableHeader *self,
                                                GtkColumnView *column_view);
GtkColumnView *gk_table_header_get_column_view (GkTableHeader *self);
void           gk_table_header_add_group       (GkTableHeader *self,
                                                const char    *title,
                                                guint          first_column,
                                                guint          n_columns);
void           gk_table_header_add_cell        (GkTableHeader *self,
                                                const char    *title,
                                                guint          row,
                                                guint          row_span,
                                                guint          first_column,
                                                guint          n_columns,
                                                guint          n_rows);
void           gk_table_header_set_n_frozen    (GkTableHeader *self,
                                                guint          n_frozen);
GtkWidget     *gk_table_header_get_label       (GkTableHeader *self,
                                                guint          row,
                                                guint          column);
void           gk_table_header_watch_titles    (GtkColumnView *column_view);
guint          gk_table_header_get_n_groups    (GkTableHeader *self);
const char    *gk_table_header_get_group_title (GkTableHeader *self,
                                                guint          index);

G_END_DECLS
