/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gk-typesetter.h"

G_BEGIN_DECLS

typedef enum {
  GK_RULED_COLUMN_CODE,     /* 类 / 款 / 项 digits: as wide as the widest, never more */
  GK_RULED_COLUMN_TEXT,     /* names: natural width up to a maximum, wrapped beyond */
  GK_RULED_COLUMN_FIGURE,   /* amounts: as wide as the widest figure; their titles wrap */
  GK_RULED_COLUMN_SHARE,    /* a fixed share of the table's width */
} GkRuledColumnKind;

typedef enum {
  GK_RULED_ROW_DEFAULT = 0,
  GK_RULED_ROW_HEADER  = 1 << 0,   /* repeated at the top of every page the table runs on */
  GK_RULED_ROW_TOTAL   = 1 << 1,
} GkRuledRowFlags;

/* A table with ruled cells, merged cells and wrapped text, measured for a
 * width and then drawn a run of rows at a time, so that a page layout can
 * cut it between rows and repeat its header. */
#define GK_TYPE_RULED_TABLE (gk_ruled_table_get_type ())
G_DECLARE_FINAL_TYPE (GkRuledTable, gk_ruled_table, GK, RULED_TABLE, GObject)

GkRuledTable *gk_ruled_table_new                (guint              n_columns);
guint         gk_ruled_table_get_n_columns      (GkRuledTable      *self);
void          gk_ruled_table_set_column         (GkRuledTable      *self,
                                                 guint              column,
                                                 GkRuledColumnKind  kind,
                                                 double             size);
void          gk_ruled_table_set_keep_together  (GkRuledTable      *self,
                                                 gboolean           keep_together);
gboolean      gk_ruled_table_get_keep_together  (GkRuledTable      *self);
void          gk_ruled_table_set_tag_cells      (GkRuledTable      *self,
                                                 gboolean           tag_cells);
guint         gk_ruled_table_append_row         (GkRuledTable      *self,
                                                 GkRuledRowFlags    flags);
void          gk_ruled_table_add_cell           (GkRuledTable      *self,
                                                 guint              column,
                                                 const char        *text,
                                                 GkTextStyle        style,
                                                 PangoAlignment     alignment,
                                                 guint              indent,
                                                 guint              row_span,
                                                 guint              column_span);
guint         gk_ruled_table_get_n_rows         (GkRuledTable      *self);
guint         gk_ruled_table_get_n_header_rows  (GkRuledTable      *self);
const char   *gk_ruled_table_get_cell_text      (GkRuledTable      *self,
                                                 guint              row,
                                                 guint              column);

/* Measuring and drawing (points) */
void          gk_ruled_table_measure            (GkRuledTable      *self,
                                                 GkTypesetter      *typesetter,
                                                 double             width);
double        gk_ruled_table_get_column_width   (GkRuledTable      *self,
                                                 guint              column);
double        gk_ruled_table_get_row_height     (GkRuledTable      *self,
                                                 guint              row);
double        gk_ruled_table_get_header_height  (GkRuledTable      *self);
gboolean      gk_ruled_table_can_break_before   (GkRuledTable      *self,
                                                 guint              row);
double        gk_ruled_table_draw               (GkRuledTable      *self,
                                                 GkTypesetter      *typesetter,
                                                 cairo_t           *cr,
                                                 double             x,
                                                 double             y,
                                                 guint              first_row,
                                                 guint              end_row);

G_END_DECLS
