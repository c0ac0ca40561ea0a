/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "gk-ruled-table.h"
#include "gk-typesetter.h"

G_BEGIN_DECLS

/* A4 in points */
#define GK_PAGE_A4_WIDTH  595.276
#define GK_PAGE_A4_HEIGHT 841.89

typedef enum {
  GK_PAGE_PORTRAIT,
  GK_PAGE_LANDSCAPE,
} GkPageOrientation;

typedef void (*GkPageDrawFunc) (cairo_t  *cr,
                                double    width,
                                double    height,
                                gpointer  user_data);

/* Content flowed onto A4 pages: paragraphs split between lines, tables
 * between rows with their header repeated, headings kept with what
 * follows them. Laying out only records boxes; any page can then be drawn
 * on any cairo_t (a PDF surface, a printer's), in any order. */
#define GK_TYPE_PAGE_LAYOUT (gk_page_layout_get_type ())
G_DECLARE_FINAL_TYPE (GkPageLayout, gk_page_layout, GK, PAGE_LAYOUT, GObject)

GkPageLayout      *gk_page_layout_new                (GkTypesetter      *typesetter);
GkTypesetter      *gk_page_layout_get_typesetter     (GkPageLayout      *self);

/* Laying out */
void               gk_page_layout_new_page           (GkPageLayout      *self,
                                                      GkPageOrientation  orientation,
                                                      gboolean           numbered);
double             gk_page_layout_get_content_width  (GkPageLayout      *self);
double             gk_page_layout_get_remaining      (GkPageLayout      *self);
void               gk_page_layout_add_space          (GkPageLayout      *self,
                                                      double             points);
void               gk_page_layout_keep_space         (GkPageLayout      *self,
                                                      double             height);
void               gk_page_layout_add_text           (GkPageLayout      *self,
                                                      GkTextStyle        style,
                                                      const char        *text);
void               gk_page_layout_add_markup         (GkPageLayout      *self,
                                                      GkTextStyle        style,
                                                      const char        *markup);
void               gk_page_layout_add_pair           (GkPageLayout      *self,
                                                      GkTextStyle        style,
                                                      const char        *left,
                                                      const char        *right);
void               gk_page_layout_add_table          (GkPageLayout      *self,
                                                      GkRuledTable      *table,
                                                      const char        *continued);
void               gk_page_layout_add_drawing        (GkPageLayout      *self,
                                                      double             height,
                                                      GkPageDrawFunc     func,
                                                      gpointer           user_data,
                                                      GDestroyNotify     destroy);
void               gk_page_layout_add_anchor         (GkPageLayout      *self,
                                                      const char        *name);
void               gk_page_layout_add_contents_entry (GkPageLayout      *self,
                                                      GkTextStyle        style,
                                                      const char        *text,
                                                      const char        *anchor);
guint              gk_page_layout_add_outline        (GkPageLayout      *self,
                                                      guint              parent,
                                                      const char        *title,
                                                      const char        *anchor);

/* Reading and drawing */
guint              gk_page_layout_get_n_pages        (GkPageLayout      *self);
GkPageOrientation  gk_page_layout_get_orientation    (GkPageLayout      *self,
                                                      guint              page);
void               gk_page_layout_get_page_size      (GkPageLayout      *self,
                                                      guint              page,
                                                      double            *width,
                                                      double            *height);
int                gk_page_layout_lookup_anchor      (GkPageLayout      *self,
                                                      const char        *name);
guint              gk_page_layout_get_n_outline      (GkPageLayout      *self);
void               gk_page_layout_get_outline        (GkPageLayout      *self,
                                                      guint              index,
                                                      guint             *parent,
                                                      const char       **title,
                                                      const char       **anchor);
void               gk_page_layout_draw_page          (GkPageLayout      *self,
                                                      cairo_t           *cr,
                                                      guint              page);

G_END_DECLS
