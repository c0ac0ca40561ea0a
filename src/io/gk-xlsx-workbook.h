/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The cells of an .xlsx workbook as plain text, read from its zip package
 * (SpreadsheetML, transitional or strict), for gk-xlsx-reader.c to
 * recognise tables in. Nothing here knows about budgets. */

typedef enum {
  GK_XLSX_CELL_BLANK,
  GK_XLSX_CELL_NUMBER,   /* text: the number as stored, "265.06" */
  GK_XLSX_CELL_TEXT,
  GK_XLSX_CELL_BOOLEAN,
  GK_XLSX_CELL_ERROR,    /* text: "#N/A", "#REF!", … */
} GkXlsxCellType;

typedef struct
{
  GkXlsxCellType  type;
  char           *text;
  guint           style;     /* index into the workbook's cell formats */
  gboolean        formula;   /* computed by a formula (text is its cached value) */
  gboolean        covered;   /* inside a merged range, not its first cell: a copy of that cell */
} GkXlsxCell;

typedef struct
{
  char      *name;
  gboolean   hidden;
  guint      n_rows;
  guint      n_columns;
  GPtrArray *rows;       /* GArray of GkXlsxCell, or NULL for an empty row */
  guint      n_dropped;  /* cells beyond the limits below, not kept */
} GkXlsxSheet;

typedef struct
{
  char      *display_name;
  char      *title;          /* docProps/core.xml dc:title, or NULL */
  GPtrArray *sheets;         /* GkXlsxSheet, workbook order */
  GPtrArray *number_formats; /* per cell format: its number format code */
} GkXlsxWorkbook;

#define GK_XLSX_MAX_ROWS    20000
#define GK_XLSX_MAX_COLUMNS 256

GkXlsxWorkbook   *gk_xlsx_workbook_open          (const char     *path,
                                                  GError        **error);
GkXlsxWorkbook   *gk_xlsx_workbook_open_data     (const guint8   *data,
                                                  gsize           size,
                                                  const char     *display_name,
                                                  GError        **error);
GkXlsxWorkbook   *gk_xlsx_workbook_new           (const char     *display_name);
void              gk_xlsx_workbook_free          (GkXlsxWorkbook *workbook);
GkXlsxSheet      *gk_xlsx_sheet_new              (const char     *name);
void              gk_xlsx_sheet_put              (GkXlsxSheet    *sheet,
                                                  guint           row,
                                                  guint           column,
                                                  GkXlsxCellType  type,
                                                  const char     *text,
                                                  gboolean        covered);
const char       *gk_xlsx_workbook_number_format (GkXlsxWorkbook *workbook,
                                                  guint           style);
const GkXlsxCell *gk_xlsx_sheet_get_cell         (GkXlsxSheet    *sheet,
                                                  guint           row,
                                                  guint           column);
char             *gk_xlsx_cell_name              (guint           row,
                                                  guint           column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkXlsxWorkbook, gk_xlsx_workbook_free)

G_END_DECLS
