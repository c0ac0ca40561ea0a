/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"
#include "gk-xlsx-sheet.h"
#include "gk-xlsx-workbook.h"

G_BEGIN_DECLS

/* Shared by gk-xlsx-reader.c (reading and entering figures) and
 * gk-xlsx-compare.c (comparing what the workbook derived with what
 * Gongkai derives). */

/* A line of a table as the workbook has it. */
typedef struct
{
  guint      row;        /* in the sheet */
  char      *code;       /* NULL for a 合计 line and 表八's row */
  char      *name;       /* as written, or NULL */
  char      *project;    /* 表七: the project's name */
  gboolean   total;
  GkAmount  *values;     /* per schema column, in the document's unit */
  guint64    set;
  int       *cells;      /* per schema column: the sheet column, or -1 */
  int       *rows;       /* items as rows: per schema column, the sheet row; else NULL */
  GkProject *made;       /* 表七: the project made from this line */
} GkXlsxLine;

/* A recognised sheet and the table it fills. */
typedef struct
{
  GkXlsxTableSheet *ts;
  GkTable          *table;
  GkMoneyUnit       unit;    /* the sheet's */
  GPtrArray        *lines;   /* GkXlsxLine */
  guint             n_dashes;
} GkXlsxPart;

typedef struct
{
  GkXlsxWorkbook *workbook;
  GkDocument     *doc;
  GString        *report;
  GkMoneyUnit     unit;      /* the document's */
  GHashTable     *named;     /* "f2010301" → label of the sheet whose name was taken */
  guint           n_differences;
  gboolean        keep_stated;  /* keep the printed figures of derived cells */
} GkXlsxImporter;

void     gk_xlsx_report          (GkXlsxImporter  *imp,
                                  const char      *format,
                                  ...) G_GNUC_PRINTF (2, 3);
gboolean gk_xlsx_is_dash         (const char      *normalized);
gboolean gk_xlsx_read_amount     (GkXlsxImporter  *imp,
                                  GkXlsxPart      *part,
                                  guint            row,
                                  guint            column,
                                  guint            schema_column,
                                  GkAmount        *amount,
                                  gboolean        *set,
                                  GError         **error);
void     gk_xlsx_compare_part    (GkXlsxImporter  *imp,
                                  GkXlsxPart      *part);
gboolean gk_xlsx_compare_summary (GkXlsxImporter  *imp,
                                  GkXlsxPart      *part,
                                  GError         **error);

static inline const char *
gk_xlsx_column_title (const GkTableSchema *schema,
                      guint                column)
{
  return gk_table_schema_get_column (schema, column)->title;
}

GkDocument *gk_xlsx_import_workbook   (GkXlsxWorkbook  *workbook,
                                      GkTemplate      *template,
                                      gboolean         keep_stated,
                                      GString         *report,
                                      GError         **error);

/* gk-xlsx-lines.c: a table's sheet read into lines. */
GkXlsxLine *_gk_xlsx_line_new          (guint            n_columns);
void        _gk_xlsx_line_free         (gpointer         data);
gboolean    _gk_xlsx_row_is_blank      (GkXlsxPart      *part,
                                        guint            row);
gboolean    _gk_xlsx_read_line_amounts (GkXlsxImporter  *imp,
                                        GkXlsxPart      *part,
                                        GkXlsxLine      *line,
                                        GError         **error);
gboolean    _gk_xlsx_read_lines        (GkXlsxImporter  *imp,
                                        GkXlsxPart      *part,
                                        GError         **error);

/* gk-xlsx-items.c: a one-row table with its items as rows. */
gboolean    _gk_xlsx_read_items        (GkXlsxImporter  *imp,
                                        GkXlsxPart      *part,
                                        GkXlsxLine     **line,
                                        GError         **error);

/* gk-xlsx-halves.c: the 基本支出 table printed in two halves side by
 * side (人员经费 | 公用经费), from a workbook or a PDF. */
typedef struct
{
  char     *sheet;
  GkAmount  sums[2];   /* 人员经费合计, 公用经费合计 as printed */
  gboolean  set[2];
  char     *cells[2];
  int       unit;      /* GkMoneyUnit of the sums; -1: the table's own */
} GkXlsxPairedSums;

GkXlsxPairedSums *_gk_xlsx_paired_sums_new  (void);
void              _gk_xlsx_paired_sums_free (gpointer          data);
GkXlsxSheet      *_gk_xlsx_unpair           (GkXlsxSheet      *sheet,
                                             guint             header_row,
                                             guint             data_row,
                                             GkXlsxPairedSums *paired);
void              _gk_xlsx_unpair_sheets    (GkXlsxWorkbook   *workbook,
                                             GPtrArray        *paired,
                                             GString          *report);
void              _gk_xlsx_compare_paired   (GkDocument       *document,
                                             GPtrArray        *paired,
                                             gboolean          from_pdf,
                                             GString          *report);

G_END_DECLS
