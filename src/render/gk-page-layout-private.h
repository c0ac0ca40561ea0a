/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-page-layout.h"

G_BEGIN_DECLS

/* Shared by gk-page-layout.c (laying out) and gk-page-layout-draw.c
 * (reading back and drawing). */

#define PORTRAIT_MARGIN_X   68.0
#define PORTRAIT_MARGIN_Y   68.0
#define LANDSCAPE_MARGIN_X  56.0
#define LANDSCAPE_MARGIN_Y  52.0
#define FOOTER_FROM_BOTTOM  40.0
#define TABLE_SPACE_AFTER   4.0
#define PAGE_NUMBER_WIDTH   36.0
#define CONTENTS_INDENT_EMS 2.0
/* A heading needs this many lines of text under it on its page. */
#define KEEP_LINES          3

typedef enum {
  BOX_TEXT,
  BOX_TABLE,
  BOX_DRAWING,
  BOX_ANCHOR,
  BOX_CONTENTS,
} BoxKind;

typedef struct
{
  guint8       kind;
  guint8       style;
  guint8       flags;        /* GkTypesetFlags */
  gint8        alignment;
  guint        first;        /* TEXT: first line; TABLE: first row */
  guint        end;          /* TEXT: line after the last, 0 for all; TABLE: row after the last */
  guint        shaped;       /* TEXT: its glyphs kept when it was measured, or 0 */
  float        x;
  float        y;
  float        width;
  float        height;
  const char  *text;         /* TEXT, CONTENTS; ANCHOR: its name */
  const char  *anchor;       /* CONTENTS: where it links to */
  gpointer     data;         /* TABLE: GkRuledTable; DRAWING: Drawing */
} Box;

typedef struct
{
  GkPageOrientation  orientation;
  gboolean           numbered;
  GArray            *boxes;   /* Box */
} Page;

typedef struct
{
  GkPageDrawFunc  func;
  gpointer        user_data;
  GDestroyNotify  destroy;
} Drawing;

typedef struct
{
  guint       parent;
  const char *title;
  const char *anchor;
} Outline;

struct _GkPageLayout
{
  GObject        parent_instance;

  GkTypesetter  *typesetter;
  GPtrArray     *pages;      /* Page */
  GStringChunk  *strings;
  GPtrArray     *objects;    /* tables drawn, kept alive */
  guint64        n_cells;    /* in all the tables */
  GPtrArray     *drawings;   /* Drawing */
  GHashTable    *anchors;    /* name → page index + 1 */
  GArray        *outline;    /* Outline */

  /* The page being filled */
  double         cursor;
  gboolean       page_has_content;
  GPtrArray     *pending_anchors;
};

void _gk_page_layout_page_geometry (GkPageOrientation  orientation,
                                    double            *width,
                                    double            *height,
                                    double            *margin_x,
                                    double            *margin_y);

G_END_DECLS
