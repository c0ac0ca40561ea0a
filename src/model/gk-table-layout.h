/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"

G_BEGIN_DECLS

/* A table as it is printed: its header with merged cells and its lines of
 * text, the same for the PDF, the spreadsheets, the CSV files and the
 * editor's column titles, so that they cannot disagree. */

typedef enum {
  GK_LAYOUT_COLUMN_CODE,     /* 类 / 款 / 项 digits */
  GK_LAYOUT_COLUMN_TEXT,     /* names */
  GK_LAYOUT_COLUMN_AMOUNT,   /* right-aligned figures */
} GkLayoutColumnKind;

typedef struct
{
  char  *text;
  guint  row;
  guint  column;
  guint  row_span;
  guint  column_span;
} GkLayoutHeaderCell;

typedef struct
{
  GkRow    *row;       /* the model row shown (the income line of 表一/表四), or NULL */
  GkRow    *right;     /* 表一/表四: the expenditure line shown on the right, or NULL */
  char    **cells;     /* one string per column, "" when blank */
  guint     depth;     /* 0 for 类, 1 for 款, 2 for 项 and projects */
  gboolean  total;     /* a 合计 / 总计 line */
  gboolean  plain;     /* every cell is text, amount columns too (the 整体绩效's indicators) */
} GkLayoutLine;

typedef struct
{
  const GkTableSchema *schema;
  guint                n_columns;
  GkLayoutColumnKind  *kinds;
  int                 *model_columns;  /* the model column an amount column shows, else -1 */
  guint                n_header_rows;
  GPtrArray           *header;         /* GkLayoutHeaderCell */
  GPtrArray           *lines;          /* GkLayoutLine */
  GkDocument          *document;       /* not owned: a layout lives while it is written */
  GkTable             *table;          /* not owned */
  GkMoneyUnit          unit;           /* the unit the amounts are printed in */
  char                *unit_line;      /* "单位：万元" */
} GkTableLayout;

GkTableLayout *gk_table_layout_new     (GkDocument    *document,
                                        GkTable       *table);
void           gk_table_layout_free    (GkTableLayout *layout);
char          *gk_table_layout_title   (GkTable       *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkTableLayout, gk_table_layout_free)

G_END_DECLS
