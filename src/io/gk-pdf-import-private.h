/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A PDF's text as words with their boxes, in lines, page by page: what a
 * table is rebuilt from. Coordinates are points from the page's top left. */

typedef struct
{
  char   *text;
  double  x1, y1, x2, y2;
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

static inline double
gk_pdf_line_middle (GkPdfLine *line)
{
  return (line->y1 + line->y2) / 2;
}

G_END_DECLS
