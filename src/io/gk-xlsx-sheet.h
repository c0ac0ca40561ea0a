/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"
#include "gk-xlsx-workbook.h"

G_BEGIN_DECLS

/* One sheet of an imported workbook read as a disclosure table: which of
 * the nine tables it is (by its title, else its headings, else its
 * number), its money unit, where its header and its lines are, and what
 * each column holds. Budget systems lay the same table out in many ways;
 * everything here is recognised by wording, never by position. */

typedef enum {
  GK_XLSX_ROLE_NONE,
  GK_XLSX_ROLE_CLASS,     /* 类 part of a split code */
  GK_XLSX_ROLE_SECTION,   /* 款 part */
  GK_XLSX_ROLE_ITEM,      /* 项 part */
  GK_XLSX_ROLE_CODE,      /* a whole code in one column */
  GK_XLSX_ROLE_NAME,      /* 科目名称 */
  GK_XLSX_ROLE_PROJECT,   /* 项目名称 (表七) */
  GK_XLSX_ROLE_AMOUNT,    /* a column of the table's schema */
} GkXlsxRole;

typedef struct
{
  GkXlsxWorkbook      *workbook;     /* unowned */
  GkXlsxSheet         *sheet;        /* unowned */
  const GkTableSchema *schema;       /* NULL: not one of the tables */
  char                *label;        /* "表三", or "表三 (sheet “Sheet3”)" */
  char                *reason;       /* why it is not a table, or how it was recognised */
  int                  money_unit;   /* GkMoneyUnit, or -1 when the sheet does not say */
  char                *unit_name;    /* 编制部门, or NULL */
  guint                year;         /* from a title, or 0 */
  guint                header_start;
  guint                data_start;
  guint                n_columns;
  GPtrArray           *headings;     /* per column: its heading words joined by "/", normalised */
  GkXlsxRole          *roles;        /* per column */
  int                 *amounts;      /* per column: the schema column, or -1 */
  GPtrArray           *notes;        /* GkXlsxNote */
} GkXlsxTableSheet;

typedef struct
{
  guint  row;
  char  *text;
  gboolean explanation;   /* 说明: why the table is empty */
} GkXlsxNote;

GkXlsxTableSheet *gk_xlsx_table_sheet_new        (GkXlsxWorkbook    *workbook,
                                                  GkXlsxSheet       *sheet);
void              gk_xlsx_table_sheet_free       (GkXlsxTableSheet  *self);
const char       *gk_xlsx_table_sheet_text       (GkXlsxTableSheet  *self,
                                                  guint              row,
                                                  guint              column);
const char       *gk_xlsx_table_sheet_heading    (GkXlsxTableSheet  *self,
                                                  guint              column);
int               gk_xlsx_table_sheet_find_role  (GkXlsxTableSheet  *self,
                                                  GkXlsxRole         role);
gboolean          gk_xlsx_table_sheet_is_note    (GkXlsxTableSheet  *self,
                                                  guint              row);

char             *gk_xlsx_normalize              (const char        *text);
gboolean          gk_xlsx_is_total_word          (const char        *normalized);
char             *gk_xlsx_leading_code           (const char        *text,
                                                  char             **rest);
char             *gk_xlsx_strip                  (const char        *text);
guint             gk_xlsx_find_year              (const char        *text);

/* Decimal text ("265.06", "2.5E+7") to hundredths of `to`, exactly or
 * rounded half away from zero (then *rounded is set). Number cells are
 * first cut to the 15 significant digits that spreadsheets keep. */
gboolean          gk_xlsx_decimal_to_amount      (const char        *text,
                                                  gboolean           from_number_cell,
                                                  GkMoneyUnit        from,
                                                  GkMoneyUnit        to,
                                                  GkAmount          *amount,
                                                  gboolean          *rounded);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkXlsxTableSheet, gk_xlsx_table_sheet_free)

G_END_DECLS
