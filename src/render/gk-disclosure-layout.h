/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"
#include "gk-page-layout.h"

G_BEGIN_DECLS

/* The printed disclosure, laid out on pages: cover, 目录, the four parts,
 * the unit's name and the date, and optionally an appendix of the review
 * charts. The PDF writer draws it on a PDF surface; printing can draw the
 * same pages on a printer's cairo_t. */

typedef struct
{
  gboolean    with_charts;    /* an appendix with the review charts */
  const char *body_font;      /* fontconfig family, NULL for Noto Serif CJK SC */
  const char *heading_font;   /* NULL for Noto Sans CJK SC */
} GkPdfOptions;

GkPageLayout *gk_disclosure_layout_new         (GkDocument         *document,
                                                const GkPdfOptions *options);
GkPageLayout *gk_disclosure_layout_new_for_font_map (GkDocument         *document,
                                                     const GkPdfOptions *options,
                                                     PangoFontMap       *font_map);
GkRuledTable *gk_disclosure_table_new          (GkDocument         *document,
                                                GkTable            *table);
GkRuledTable *gk_disclosure_overall_new        (GkDocument         *document,
                                                GkTable            *table);
GkRuledTable *gk_disclosure_performance_new    (GkDocument         *document,
                                                GkProject          *project);
char         *gk_disclosure_dup_title          (GkDocument         *document);
char         *gk_disclosure_format_date        (const char         *date);

G_END_DECLS
