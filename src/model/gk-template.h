/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gk-amount.h"

G_BEGIN_DECLS

typedef enum {
  GK_TABLE_KIND_FUNCTION,            /* 支出功能分类 类/款/项 tree */
  GK_TABLE_KIND_ECONOMIC,            /* 支出经济分类 类/款 tree */
  GK_TABLE_KIND_PROJECTS,            /* projects under their function 项 */
  GK_TABLE_KIND_SINGLE,              /* one entered row */
  GK_TABLE_KIND_INCOME_EXPENDITURE,  /* derived summary (表一) */
  GK_TABLE_KIND_FISCAL,              /* derived summary (表四) */
  GK_TABLE_KIND_PROJECT_PERFORMANCE, /* the projects' 绩效目标表: no columns of its own */
  GK_TABLE_KIND_LIST,                /* rows the user adds, with text cells (政府采购) */
  GK_TABLE_KIND_OVERALL_PERFORMANCE, /* 部门整体绩效目标表: tasks (a fixed list), goal, indicators */
} GkTableKind;

typedef enum {
  GK_COLUMN_ENTERED,
  GK_COLUMN_SUM,        /* the sum of other columns of the same row */
  GK_COLUMN_SHARE_OF,   /* another column's whole value when the row's economic 类 qualifies */
  GK_COLUMN_SOURCE,     /* taken from another table (summaries) */
} GkColumnRule;

typedef struct
{
  char         *id;
  char         *title;
  char        **groups;     /* merged headers above the title, outermost first, or NULL */
  GkColumnRule  rule;
  guint        *sources;    /* column indexes, for SUM and SHARE_OF */
  guint         n_sources;
  guint64       subtract;   /* SUM: bit j set when sources[j] is taken away ("-total") */
  char        **classes;    /* SHARE_OF: economic 类 codes */
  gboolean      except;     /* SHARE_OF: qualifies when NOT in classes */
  char         *source;     /* SOURCE: "general-expenditure:total" */
} GkColumnSchema;

/* A line of a summary table: taken from a column total of another table,
 * the sum of other lines, or entered (决算's 年初结转和结余). An
 * expenditure-side line is printed below the expenditure total and has a
 * figure in each column; an income line has one. */
#define GK_LINE_EXPENDITURE_TOTAL G_MAXUINT  /* in sums: the expenditure total */

/* One column of an expenditure line with a rule of its own (决算's 年末
 * by source: 一般公共预算 = 年初 + 收入 − 支出, 政府性基金 from its table). */
typedef struct
{
  guint     column;       /* the column it fills */
  char     *source;       /* "final-fund:closing", or NULL */
  guint    *sums;         /* line indexes, or GK_LINE_EXPENDITURE_TOTAL */
  guint     n_sums;
  guint64   subtract;     /* bit j set when sums[j] is taken away */
} GkLineCell;

typedef struct
{
  char       *id;
  char       *title;
  char       *source;     /* "income:general" (a column total), "final-summary:general"
                           * (a summary's line), or NULL */
  guint      *sums;       /* line indexes, or GK_LINE_EXPENDITURE_TOTAL */
  guint       n_sums;
  guint64     subtract;   /* bit j set when sums[j] is taken away ("-distribution") */
  gboolean    entered;    /* the user enters its figure */
  gboolean    expenditure;/* on the expenditure side, below its total */
  GkLineCell *cells;      /* expenditure lines: columns with rules of their own */
  guint       n_cells;
} GkLineSchema;

/* A text column of a list table: free text, or one of `choices`. */
typedef struct
{
  char   *id;
  char   *title;
  char  **choices;    /* NULL for free text */
} GkTextColumnSchema;

typedef struct _GkTemplate GkTemplate;

/* The four parts of a disclosure, printed in the template's order. */
typedef enum {
  GK_PART_OVERVIEW,     /* 单位概况 */
  GK_PART_TABLES,       /* 部门预算公开表 */
  GK_PART_EXPLANATION,  /* 情况说明 */
  GK_PART_GLOSSARY,     /* 名词解释 */
  GK_N_PARTS
} GkPart;

/* How a template numbers its tables: 表一 / 一、…, 表1 / 1 …, or not at all. */
typedef enum {
  GK_NUMBERING_CHINESE,
  GK_NUMBERING_ARABIC,
  GK_NUMBERING_NONE,
} GkNumbering;

typedef struct
{
  char        *id;          /* the table's role: "income-summary", "sangong" … */
  char        *number;      /* "一", "1", or "" when the template does not number */
  guint        position;    /* index in the template */
  GkTemplate  *template;    /* the template the table belongs to */
  gboolean     optional;    /* may be left out of a document */
  char        *title;
  char        *heading;     /* merged header over the amount columns, or NULL */
  GkTableKind  kind;
  gboolean     landscape;
  GPtrArray   *columns;     /* GkColumnSchema */
  guint       *derive_order;/* derived column indexes, sources first */
  guint        n_derived;
  GPtrArray   *lines;       /* GkLineSchema, summaries only */
  guint       *line_order;  /* line indexes, summed lines first */
  char       **classes;     /* summaries: the function 类 always listed */
  char        *expenditure_total;
  GPtrArray   *texts;       /* GkTextColumnSchema, list tables only; printed before the amounts */
  gboolean     has_unit;    /* the template gives the table its own money unit */
  GkMoneyUnit  unit;        /* that unit, when has_unit */
  char        *note;        /* the template's printed note (注：本表反映…), or NULL */
  gboolean     paired;      /* economic: printed in two halves side by side (决算's 基本支出表) */
  gboolean     every_row;   /* the published table lists every row, those of 0.00 too (上海's 表六) */
} GkTableSchema;

/* A section of 情况说明 as the template outlines it: its title ({unit} and
 * {year} stand for the document's), how it is numbered, and the kinds of
 * paragraph composed in it, in order. `part` is the title of a new part
 * the section begins (贵州's 第四部分 其他重要事项), or NULL. */
typedef struct
{
  char        *id;
  char        *title;
  char        *part;
  GkNumbering  numbering;
  char       **kinds;
  gboolean     no_subheadings; /* its kinds run on without （一）… between them */
} GkOutlineSection;

GkTemplate          *gk_template_get_default         (void);
GkTemplate          *gk_template_find                (const char     *id);
GPtrArray           *gk_template_list_all            (void);
GPtrArray           *gk_template_list_all_with_errors (GPtrArray     *errors);
char                *gk_template_get_user_folder     (void);
GkTemplate          *gk_template_load_file           (const char     *path,
                                                      GError        **error);
const char          *gk_template_get_id              (GkTemplate     *self);
guint                gk_template_get_version         (GkTemplate     *self);
const char          *gk_template_get_title           (GkTemplate     *self);
const char          *gk_template_get_region          (GkTemplate     *self);
const char          *gk_template_get_description     (GkTemplate     *self);
gboolean             gk_template_is_user             (GkTemplate     *self);
gboolean             gk_template_is_final            (GkTemplate     *self);
GPtrArray           *gk_template_get_glossary        (GkTemplate     *self);
GkTemplate          *gk_template_get_base            (GkTemplate     *self);
GkTemplate          *gk_template_customise           (GkTemplate         *self,
                                                      const char * const *roles,
                                                      const char * const *titles,
                                                      GError            **error);
char                *gk_template_to_json             (GkTemplate     *self,
                                                      const char     *id,
                                                      const char     *title);
char                *gk_template_dup_table_roles     (GkTemplate     *self);
GkNumbering          gk_template_get_numbering       (GkTemplate     *self);
GkPart               gk_template_get_part            (GkTemplate     *self,
                                                      guint           index);
char                *gk_chinese_number               (guint           number);
guint                gk_template_get_n_sections      (GkTemplate     *self);
const GkOutlineSection *gk_template_get_section      (GkTemplate     *self,
                                                      guint           index);
char                *gk_template_dup_part_title      (GkTemplate     *self,
                                                      GkPart          part,
                                                      const char     *unit,
                                                      guint           year);
char                *gk_template_expand_title       (const char     *title,
                                                      const char     *unit,
                                                      guint           year);
GkMoneyUnit          gk_template_get_text_unit       (GkTemplate     *self,
                                                      GkMoneyUnit     document_unit);
GkTemplate          *gk_template_new_from_data       (const char     *json,
                                                      GError        **error);
guint                gk_template_get_n_tables        (GkTemplate     *self);
const GkTableSchema *gk_template_get_table           (GkTemplate     *self,
                                                      guint           index);
const GkTableSchema *gk_template_lookup              (GkTemplate     *self,
                                                      const char     *table_id);

int                  gk_table_schema_column_index    (const GkTableSchema *schema,
                                                      const char          *column_id);
const GkColumnSchema *gk_table_schema_get_column     (const GkTableSchema *schema,
                                                      guint                index);
guint                gk_table_schema_get_n_columns   (const GkTableSchema *schema);
gboolean             gk_table_schema_is_summary      (const GkTableSchema *schema);
gboolean             gk_table_schema_has_tree        (const GkTableSchema *schema);
gboolean             gk_table_schema_has_entries     (const GkTableSchema *schema);
guint                gk_table_schema_get_n_texts     (const GkTableSchema *schema);
const GkTextColumnSchema *gk_table_schema_get_text   (const GkTableSchema *schema,
                                                      guint                index);
int                  gk_table_schema_text_index      (const GkTableSchema *schema,
                                                      const char          *text_id);
char                *gk_table_schema_dup_label       (const GkTableSchema *schema);
char                *gk_table_schema_dup_name        (const GkTableSchema *schema);
char                *gk_table_schema_dup_heading     (const GkTableSchema *schema);
GPtrArray           *gk_table_schema_dup_lines       (const GkTableSchema *schema,
                                                      gboolean             expenditure);
GkMoneyUnit          gk_table_schema_get_unit        (const GkTableSchema *schema,
                                                      GkMoneyUnit          document_unit);

G_END_DECLS
