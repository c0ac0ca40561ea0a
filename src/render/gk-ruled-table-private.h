/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-ruled-table.h"

G_BEGIN_DECLS

/* Shared by gk-ruled-table.c (cells, measuring) and gk-ruled-table-draw.c. */

#define PAD_X          3.0
#define PAD_Y          2.5
#define RULE_WIDTH     0.5
#define FRAME_WIDTH    1.0
#define TEXT_MAX_EMS   14.0   /* a name column wraps beyond this */
#define TEXT_MIN_EMS   6.0
#define TITLE_MAX_EMS  5.0    /* an amount column's title wraps beyond this */
#define TITLE_MIN_EMS  2.0
/* An amount column keeps three characters of its title a line, so that
 * an empty column of 表七 does not stack its title five lines deep. */
#define FIGURE_TITLE_MIN_EMS 3.0
/* The longest heading word a column makes room for. */
#define HEADING_WORD_MAX_EMS 4
#define CODE_MIN_EMS   1.7
#define SHADE          0.92
/* Short texts (codes, 95%, 产出指标 …) come back often enough that keeping
 * their shaped layouts pays. */
#define CACHED_TEXT_BYTES 64

typedef struct
{
  GkRuledColumnKind kind;
  double            size;      /* TEXT: maximum in ems; SHARE: fraction */
} Column;

typedef struct
{
  const char *text;            /* in the table's string chunk, or NULL */
  guint16     column;
  guint16     column_span;
  guint16     row_span;
  guint8      style;
  gint8       alignment;
  guint8      indent;          /* ems */
  float       wrap;            /* measured: the width its text wraps at */
} Cell;

/* A cell drawn from the glyphs its typesetter kept when measuring it. */
typedef struct
{
  guint cell;
  guint shaped;
} Shaped;

typedef struct
{
  guint  first_cell;
  guint  n_cells;
  guint8 flags;
  guint8 no_break;             /* inside a cell merged from the row above */
  float  height;
} Row;

struct _GkRuledTable
{
  GObject       parent_instance;

  guint         n_columns;
  Column       *columns;
  GArray       *rows;          /* Row */
  GArray       *cells;         /* Cell, row by row */
  GStringChunk *strings;
  gboolean      keep_together;
  gboolean      tag_cells;

  /* Measured */
  GkTypesetter *measured_with;   /* not a reference: only compared */
  double        measured_width;
  double       *widths;
  double       *x;
  double        width;
  GArray       *shaped;        /* Shaped, by cell; NULL for none */
};

guint _gk_ruled_table_get_shaped (GkRuledTable *self,
                                  guint         cell);

double _gk_ruled_table_cell_inner_width (GkRuledTable *self,
                                        Cell         *cell);

static inline Row *
_gk_ruled_table_row_at (GkRuledTable *self,
                        guint         index)
{
  return &g_array_index (self->rows, Row, index);
}

static inline Cell *
_gk_ruled_table_cell_at (GkRuledTable *self,
                         guint         index)
{
  return &g_array_index (self->cells, Cell, index);
}

G_END_DECLS
