/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gk-document.h"

G_BEGIN_DECLS

/* A PDF's text as words with their boxes, in lines, page by page: what a
 * table is rebuilt from. Coordinates are points from the page's top left. */

typedef struct
{
  char   *text;
  double  x1, y1, x2, y2;
  GArray *xs;      /* double: where each character of `text` begins */
} GkPdfWord;

typedef struct
{
  GPtrArray *words;   /* GkPdfWord, left to right */
  double     y1, y2;
} GkPdfLine;

typedef struct
{
  guint      number;  /* from 1 */
  double     width, height;
  GPtrArray *lines;   /* GkPdfLine, top to bottom */
} GkPdfPage;

GPtrArray *_gk_pdf_read_pages (const char  *path,
                               const char  *display_name,
                               guint64     *n_glyphs,
                               GError     **error);
char      *_gk_pdf_line_text  (GkPdfLine   *line,
                               const char  *separator);

/* A line of the pages that carry no table: 情况说明, 绩效目标表, 第一部分. */
typedef struct
{
  GkPdfLine *line;
  guint      page;
  char      *text;     /* its words joined, spaces between Chinese dropped */
  char      *key;      /* `text` without any space: what headings are matched on */
  double     margin;   /* the page's left edge of text */
  gboolean   used;
} GkPdfTextLine;

gboolean   _gk_pdf_line_is_folio (GkPdfLine   *line);
char      *_gk_pdf_tidy          (const char  *text);
char      *_gk_pdf_key           (const char  *text);
gboolean   _gk_pdf_page_has_performance_form (GkPdfPage *page);
void       _gk_pdf_keep_empty_reasons (GkDocument  *document,
                                       GString     *report);
void       _gk_pdf_read_performance (GkDocument  *document,
                                     GPtrArray   *lines,
                                     GString     *report);
void       _gk_pdf_read_narrative   (GkDocument  *document,
                                     GPtrArray   *pages,
                                     GString     *report);

static inline double
gk_pdf_line_middle (GkPdfLine *line)
{
  return (line->y1 + line->y2) / 2;
}

G_END_DECLS
