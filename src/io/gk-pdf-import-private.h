/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gk-document.h"
#include "gk-xlsx-sheet.h"
#include "gk-xlsx-workbook.h"

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
                               guint       *n_images,
                               GError     **error);
char      *_gk_pdf_line_text  (GkPdfLine   *line,
                               const char  *separator);

/* A table as read from its pages: the kinds of their lines, its columns,
 * the sheet its cells are laid out in for the workbook's recognition. */
typedef struct
{
  double x1, x2;
} Column;

typedef enum {
  LINE_PRE,       /* label, title, 编制部门, 单位 */
  LINE_HEADING,
  LINE_DATA,      /* figures, a code or a 合计 */
  LINE_TEXT,      /* text alone: part of a wrapped name, or a line without figures */
  LINE_NOTE,      /* 备注, 说明 and what follows them */
} LineKind;

typedef struct
{
  GkPdfPage *page;
  LineKind  *kinds;   /* per line */
  guint      n_pre;
} PageScan;

typedef struct
{
  char       *role;       /* what the title names, or NULL */
  GPtrArray  *pages;      /* PageScan */
  GArray     *columns;    /* Column, from the first page */
  GkXlsxSheet *sheet;
  guint       n_lines;    /* lines of figures */
  guint       header_row; /* the sheet's first row of the heading */
  guint       data_row;   /* the sheet's first row after the heading */
} Table;

/* gk-pdf-import-final.c: what a 决算 prints its own way. */
const char *_gk_pdf_final_role        (const char  *normalized);
char       *_gk_pdf_final_title       (GPtrArray   *pages,
                                       guint        first_table_page);
GPtrArray  *_gk_pdf_collect_notes     (GkXlsxWorkbook *workbook);
void        _gk_pdf_keep_note_words   (GkDocument  *document,
                                       GPtrArray   *notes);
char       *_gk_pdf_final_date        (GPtrArray   *pages);
void        _gk_pdf_final_overview    (GkDocument  *document,
                                       GPtrArray   *pages,
                                       GString     *report);
void        _gk_pdf_join_lines        (GString     *before,
                                       const char  *line);


gboolean   _gk_pdf_is_number_word  (const char  *text);
gboolean   _gk_pdf_is_code_word    (const char  *text);
GArray    *_gk_pdf_find_columns    (PageScan    *scan);
guint      _gk_pdf_column_of       (GArray      *columns,
                                    double       x1,
                                    double       x2);
void       _gk_pdf_put_text        (GkXlsxSheet *sheet,
                                    guint        row,
                                    guint        column,
                                    const char  *text,
                                    gboolean     before);
void       _gk_pdf_append_fragment (GkXlsxSheet *sheet,
                                    guint        row,
                                    guint        column,
                                    const char  *text,
                                    gboolean     before);
gboolean   _gk_pdf_has_figures     (PageScan    *scan,
                                    Column      *col);

/* gk-pdf-stacked.c: a heading of three levels over figures alone. */
typedef struct
{
  GkPdfWord *word;
  guint      c1, c2;   /* the columns it heads */
} GkPdfPlaced;

GArray    *_gk_pdf_place_stacked   (PageScan    *scan,
                                    GArray      *columns);
guint      _gk_pdf_lay_out_heading (Table       *table,
                                    PageScan    *scan,
                                    guint        row);

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
