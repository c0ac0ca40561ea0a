/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-row.h"

G_BEGIN_DECLS

struct _GkRow
{
  GObject     parent_instance;

  GkRowKind   kind;
  GkRowSide   side;
  char       *code;
  char       *name;
  char       *line_id;
  GkTable    *table;      /* unowned: the table holds its rows */
  GkRow      *parent;     /* unowned */
  GkProject  *project;    /* unowned: the project owns its row */
  GListStore *children;   /* GkRow, in display order */
  guint       n_columns;
  GkAmount   *values;
  guint64     set_mask;
  guint64     overflow_mask;
  /* Per column, how many children have the cell set: lets an edit update
   * a parent by the difference instead of re-adding every sibling. Filled
   * by gk_row_sum_rows(); NULL until then. */
  guint      *set_counts;
  /* List tables: the row's text cells, a GkTextItem per text column. */
  GPtrArray  *texts;
  /* 一般公共预算支出表: the user typed figures of the row's own, so it no
   * longer follows 支出总表 (gk-document-follow.c). */
  gboolean    overridden;
};

GkRow    *gk_row_new            (GkRowKind       kind,
                                 const char     *code,
                                 const char     *name,
                                 guint           n_columns);
void      gk_row_set_name       (GkRow          *self,
                                 const char     *name);
void      gk_row_set_line       (GkRow          *self,
                                 const char     *line_id,
                                 GkRowSide       side);
gboolean  gk_row_store          (GkRow          *self,
                                 const GkAmount *values,
                                 guint64         set_mask,
                                 guint64         overflow_mask);
void      gk_row_notify_name    (GkRow          *self);
void      gk_row_set_overridden (GkRow          *self,
                                 gboolean        overridden);
void      gk_row_sum_rows       (GListModel     *rows,
                                 guint           n_columns,
                                 GkAmount       *values,
                                 guint64        *set_mask,
                                 guint64        *overflow_mask,
                                 guint          *set_counts);

G_END_DECLS
