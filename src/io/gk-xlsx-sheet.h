/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"
#include "gk-xlsx-workbook.h"

G_BEGIN_DECLS

/* One sheet of an imported workbook read as a disclosure table: which of
 * the template's tables it is (by its title, else its headings, else its
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
  GPtrArray           *titles;       /* the distinct texts above the heading, normalised */
  GkXlsxRole          *roles;        /* per column */
  int                 *amounts;      /* per column: the schema column, or -1 */
  int                  value_column; /* a single row's items as rows: the figures' column, or -1 */
  int                 *item_rows;    /* then per schema column: the item's row, or -1 */
  GPtrArray           *notes;        /* GkXlsxNote */
} GkXlsxTableSheet;

typedef struct
{
  guint  row;
  char  *text;
  gboolean explanation;   /* 说明: why the table is empty */
  gboolean says_empty;    /* "本表为空表…", "本单位无…": why, if the table is */
} GkXlsxNote;

GkXlsxTableSheet *gk_xlsx_table_sheet_new        (GkXlsxWorkbook    *workbook,
                                                  GkXlsxSheet       *sheet);
void              gk_xlsx_table_sheet_free       (GkXlsxTableSheet  *self);
void              gk_xlsx_table_sheet_set_template (GkXlsxTableSheet *self,
                                                  GkTemplate        *template);
const GkTableSchema *gk_xlsx_table_sheet_guess   (GkXlsxTableSheet  *self,
                                                  GkTemplate        *template,
                                                  const char       **title,
                                                  const char       **how);
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

/* gk-xlsx-recognise.c */
const char       *_gk_xlsx_role_by_title         (GkTemplate        *template,
                                                  const char        *normalized,
                                                  gboolean           sheet_name);
guint             _gk_xlsx_table_number          (const char        *normalized);
gboolean          _gk_xlsx_is_own_title          (GkTemplate        *template,
                                                  const char        *normalized,
                                                  const char        *role);
int               _gk_xlsx_match_amount_column   (const GkTableSchema *schema,
                                                  const char        *leaf,
                                                  guint             *score);
gboolean          _gk_xlsx_names_region          (GkXlsxWorkbook    *workbook,
                                                  GPtrArray         *sheets,
                                                  GkTemplate        *template);
/* gk-xlsx-items.c */
void              _gk_xlsx_find_items_as_rows    (GkXlsxTableSheet  *self);
char             *_gk_xlsx_item_label            (GkXlsxTableSheet  *self,
                                                  guint              row,
                                                  int               *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkXlsxTableSheet, gk_xlsx_table_sheet_free)

G_END_DECLS
