/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-amount.h"

G_BEGIN_DECLS

typedef enum {
  GK_ROW_KIND_CLASS,    /* 类 */
  GK_ROW_KIND_SECTION,  /* 款 */
  GK_ROW_KIND_ITEM,     /* 项 */
  GK_ROW_KIND_PROJECT,  /* a project of 表七 */
  GK_ROW_KIND_SINGLE,   /* the one row of a single-row table (表八) */
  GK_ROW_KIND_LINE,     /* a line of a derived summary (表一, 表四) */
  GK_ROW_KIND_TOTAL,    /* 合计 */
  GK_ROW_KIND_ENTRY,    /* a row of a list table (政府采购), in the user's order */
} GkRowKind;

typedef enum {
  GK_ROW_SIDE_NONE,
  GK_ROW_SIDE_INCOME,
  GK_ROW_SIDE_EXPENDITURE,
} GkRowSide;

typedef struct _GkTable GkTable;
typedef struct _GkProject GkProject;

#define GK_TYPE_ROW (gk_row_get_type ())
G_DECLARE_FINAL_TYPE (GkRow, gk_row, GK, ROW, GObject)

GkRowKind    gk_row_get_kind           (GkRow      *self);
const char  *gk_row_get_code           (GkRow      *self);
const char  *gk_row_get_name           (GkRow      *self);
const char  *gk_row_get_line_id        (GkRow      *self);
GkRowSide    gk_row_get_side           (GkRow      *self);
guint        gk_row_get_depth          (GkRow      *self);
GkRow       *gk_row_get_parent         (GkRow      *self);
GListModel  *gk_row_get_children       (GkRow      *self);
gboolean     gk_row_is_leaf            (GkRow      *self);
GkProject   *gk_row_get_project        (GkRow      *self);
GkTable     *gk_row_get_table          (GkRow      *self);
guint        gk_row_get_n_columns      (GkRow      *self);
gboolean     gk_row_get_amount         (GkRow      *self,
                                        guint       column,
                                        GkAmount   *amount);
GkAmount     gk_row_get_value          (GkRow      *self,
                                        guint       column);
gboolean     gk_row_is_set             (GkRow      *self,
                                        guint       column);
gboolean     gk_row_has_overflow       (GkRow      *self,
                                        guint       column);
gboolean     gk_row_is_cell_entered    (GkRow      *self,
                                        guint       column);
gboolean     gk_row_has_figures        (GkRow      *self);
gboolean     gk_row_is_overridden      (GkRow      *self);

G_END_DECLS
