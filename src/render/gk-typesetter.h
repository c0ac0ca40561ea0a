/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The printed disclosure's text styles. Sizes follow the Chinese type
 * scale: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt, 小五 9pt. */
typedef enum {
  GK_TEXT_COVER_UNIT,
  GK_TEXT_COVER_TITLE,
  GK_TEXT_COVER_DATE,
  GK_TEXT_CONTENTS_TITLE,
  GK_TEXT_CONTENTS_PART,
  GK_TEXT_CONTENTS_ENTRY,
  GK_TEXT_PART,
  GK_TEXT_HEADING,
  GK_TEXT_SUBHEADING,
  GK_TEXT_BODY,
  GK_TEXT_LIST_ITEM,
  GK_TEXT_TABLE_LABEL,
  GK_TEXT_TABLE_TITLE,
  GK_TEXT_TABLE_META,
  GK_TEXT_TABLE_CONTINUED,
  GK_TEXT_TABLE_CELL,
  GK_TEXT_TABLE_HEADER,
  GK_TEXT_TABLE_TOTAL,
  GK_TEXT_NOTE,
  GK_TEXT_CAPTION,
  GK_TEXT_SIGNATURE,
  GK_TEXT_FOOTER,
  GK_N_TEXT_STYLES
} GkTextStyle;

typedef struct
{
  gboolean        heading_font;    /* the sans family rather than the serif one */
  double          size;            /* points */
  PangoWeight     weight;
  PangoAlignment  alignment;
  gboolean        justify;
  double          first_indent;    /* ems, the first line of a paragraph; negative: hanging */
  double          space_before;    /* points */
  double          space_after;     /* points */
  double          line_spacing;    /* factor of the font's line height, 0 for 1 */
  gboolean        keep_with_next;  /* never the last thing on a page */
} GkTextStyleInfo;

typedef enum {
  GK_TYPESET_DEFAULT   = 0,
  GK_TYPESET_MARKUP    = 1 << 0,   /* the text is Pango markup */
  GK_TYPESET_NO_INDENT = 1 << 1,   /* ignore the style's first-line indent */
} GkTypesetFlags;

#define GK_DEFAULT_BODY_FONT    "Noto Serif CJK SC"
#define GK_DEFAULT_HEADING_FONT "Noto Sans CJK SC"

/* Set on the typesetter's font map once it has shown a layout with a
 * glyph its fonts lack (gk-font-subset.h). */
#define GK_TYPESETTER_UNKNOWN_GLYPHS "gk-typesetter-unknown-glyphs"

/* Turns text into Pango layouts in points, with hinting off so that what
 * is measured for the PDF is what any other cairo_t (a printer's) shows. */
#define GK_TYPE_TYPESETTER (gk_typesetter_get_type ())
G_DECLARE_FINAL_TYPE (GkTypesetter, gk_typesetter, GK, TYPESETTER, GObject)

GkTypesetter          *gk_typesetter_new             (const char     *body_family,
                                                      const char     *heading_family);
GkTypesetter          *gk_typesetter_new_for_font_map (const char    *body_family,
                                                      const char     *heading_family,
                                                      PangoFontMap   *font_map);
const GkTextStyleInfo *gk_typesetter_get_style_info  (GkTextStyle     style);
const char            *gk_typesetter_get_body_family (GkTypesetter   *self);
const char            *gk_typesetter_get_heading_family (GkTypesetter *self);
PangoContext          *gk_typesetter_get_context     (GkTypesetter   *self);
PangoLayout           *gk_typesetter_layout          (GkTypesetter   *self,
                                                      GkTextStyle     style,
                                                      const char     *text,
                                                      double          width,
                                                      PangoAlignment  alignment,
                                                      GkTypesetFlags  flags);
PangoLayout           *gk_typesetter_layout_cached   (GkTypesetter   *self,
                                                      GkTextStyle     style,
                                                      const char     *text,
                                                      double          width,
                                                      PangoAlignment  alignment);
double                 gk_typesetter_text_width      (GkTypesetter   *self,
                                                      GkTextStyle     style,
                                                      const char     *text);
double                 gk_typesetter_text_height     (GkTypesetter   *self,
                                                      GkTextStyle     style,
                                                      const char     *text,
                                                      double          width);
double                 gk_typesetter_line_height     (GkTypesetter   *self,
                                                      GkTextStyle     style);
gboolean               gk_typesetter_fits_one_line   (GkTypesetter   *self,
                                                      GkTextStyle     style,
                                                      const char     *text,
                                                      double          width);

/* Drawing */
void                   gk_typesetter_show_layout     (GkTypesetter   *self,
                                                      cairo_t        *cr,
                                                      PangoLayout    *layout,
                                                      double          x,
                                                      double          y,
                                                      int             first_line,
                                                      int             end_line);
void                   gk_typesetter_flush           (GkTypesetter   *self);
PangoLayout           *gk_typesetter_keep_layout     (GkTypesetter   *self,
                                                      PangoLayout    *layout);
guint64                gk_typesetter_get_lines_visited (GkTypesetter *self);

G_END_DECLS
