/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-narrative.h"

G_BEGIN_DECLS

/* Writes paragraphs span by span while 情况说明 is composed. */
typedef struct
{
  GkDocument         *document;
  GkExplanation      *explanation;
  const char         *money_unit;   /* 万元 / 元: the unit 情况说明 states money in */
  GkMoneyUnit         text_unit;    /* that unit */
  GkMoneyUnit         stored_unit;  /* the document's, which amounts are kept in */
  GPtrArray          *sections;     /* GkNarrativeSection */
  GkNarrativeSection *section;      /* being written */
  GkParagraph        *paragraph;    /* being written */
  const char * const *only;         /* paragraph ids or prefixes whose kinds alone are
                                     * composed, or NULL for all */
  GHashTable         *memos;        /* the document's: memo name → Memo */
  GPtrArray          *memos_used;   /* Memo: the ones this composition filled */
  gpointer            block_memo;   /* Memo of the block being written, or NULL */
  gpointer            block_owner;
  GBytes             *block_inputs;
  guint               block_start;
  gboolean            unkept;       /* reads what was kept, keeps nothing */
} GkComposer;

typedef enum {
  GK_CHANGE_DEFAULT         = 0,
  GK_CHANGE_SHOW_BASIS      = 1 << 0,  /* 比上年执行数 / 比上年预算数 rather than 比上年 */
  GK_CHANGE_REASON_OPTIONAL = 1 << 1,  /* the reasons follow item by item */
} GkChangeFlags;

void         gk_composer_init               (GkComposer       *c,
                                             GkDocument       *document);
void         gk_composer_section            (GkComposer       *c,
                                             const char       *title);
GkParagraph *gk_composer_paragraph          (GkComposer       *c,
                                             GkParagraphStyle  style,
                                             const char       *id_format,
                                             ...) G_GNUC_PRINTF (3, 4);
void         gk_composer_span               (GkComposer       *c,
                                             GkSpanKind        kind,
                                             const char       *text,
                                             const char       *source);
void         gk_composer_text               (GkComposer       *c,
                                             const char       *text);
void         gk_composer_figure             (GkComposer       *c,
                                             const char       *text,
                                             const char       *source_format,
                                             ...) G_GNUC_PRINTF (3, 4);
void         gk_composer_amount             (GkComposer       *c,
                                             GkAmount          amount,
                                             const char       *source);
void         gk_composer_percent            (GkComposer       *c,
                                             gint              basis_points,
                                             const char       *source);
void         gk_composer_count              (GkComposer       *c,
                                             gint64            count,
                                             const char       *source);
void         gk_composer_unit_name          (GkComposer       *c);
void         gk_composer_year               (GkComposer       *c);
void         gk_composer_typed              (GkComposer       *c,
                                             const char       *text,
                                             const char       *source,
                                             const char       *missing);
void         gk_composer_change             (GkComposer       *c,
                                             const char       *key,
                                             GkAmount          this_year,
                                             GkChangeFlags     flags);
void         gk_composer_apply_hand_written (GkComposer       *c);
void         gk_composer_init_memos         (GkComposer       *c);
void         gk_composer_finish             (GkComposer       *c);
GkParagraph *gk_paragraph_ref               (GkParagraph      *paragraph);
void         gk_paragraph_unref             (gpointer          paragraph);

/* A block: the paragraphs one owner (a project) gives a kind, written
 * again only when what they are written from changed. @inputs holds all
 * the block reads besides the owner's identity and the units (serials and
 * figures, compared byte by byte); when they are as last time, the
 * paragraphs of last time are put in place and block_begin returns TRUE;
 * else the caller writes them and calls block_end. Composing 情况说明
 * after an edit of one project then costs a comparison per project. */
gboolean     gk_composer_block_begin        (GkComposer       *c,
                                             const char       *memo,
                                             gpointer          owner,
                                             gconstpointer     inputs,
                                             gsize             size);
void         gk_composer_block_end          (GkComposer       *c);

char        *gk_narrative_chinese_number    (guint             number);
char        *gk_narrative_trim_typed        (const char       *text,
                                             gboolean          drop_end);
void         gk_narrative_compose_outline   (GkComposer       *c);
void         gk_narrative_add_strays        (GkComposer       *c);
void         gk_narrative_drop_off          (GkComposer       *c);

/* The kinds of paragraph an outline names (gk-narrative-outline.c lists
 * them): each writes its paragraphs into the section being written, or
 * nothing when the document lacks what it speaks of. */
void         gk_narrative_kind_overall           (GkComposer *c);
void         gk_narrative_kind_income            (GkComposer *c);
void         gk_narrative_kind_expenditure       (GkComposer *c);
void         gk_narrative_kind_fiscal            (GkComposer *c);
void         gk_narrative_kind_general_scale     (GkComposer *c);
void         gk_narrative_kind_general_structure (GkComposer *c);
void         gk_narrative_kind_general_items     (GkComposer *c);
void         gk_narrative_kind_basic             (GkComposer *c);
void         gk_narrative_kind_projects          (GkComposer *c);
void         gk_narrative_kind_sangong           (GkComposer *c);
void         gk_narrative_kind_fund              (GkComposer *c);
void         gk_narrative_kind_running_costs     (GkComposer *c);
void         gk_narrative_kind_procurement       (GkComposer *c);
void         gk_narrative_kind_assets            (GkComposer *c);
void         gk_narrative_kind_performance       (GkComposer *c);
void         gk_narrative_kind_other_matters     (GkComposer *c);
/* gk-narrative-kinds.c */
void         gk_narrative_kind_totals            (GkComposer *c);
void         gk_narrative_kind_function_classes  (GkComposer *c);
void         gk_narrative_kind_function_items    (GkComposer *c);
void         gk_narrative_kind_item_split        (GkComposer *c);
void         gk_narrative_kind_basic_economic    (GkComposer *c);
void         gk_narrative_kind_capital           (GkComposer *c);
void         gk_narrative_kind_procurement_list  (GkComposer *c);
/* gk-narrative-facts.c */
void         gk_narrative_kind_sangong_all          (GkComposer *c);
void         gk_narrative_kind_procurement_detail   (GkComposer *c);
void         gk_narrative_kind_assets_detail        (GkComposer *c);
void         gk_narrative_kind_staffing             (GkComposer *c);
/* gk-narrative-performance.c */
void         gk_narrative_kind_performance_overall  (GkComposer *c);
void         gk_narrative_kind_performance_projects (GkComposer *c);
void         gk_narrative_procurement_change        (GkComposer *c,
                                                     const char *id,
                                                     GkAmount    total);

/* gk-narrative-final.c, gk-narrative-final-sangong.c: a 决算's */
void         gk_narrative_kind_final_totals      (GkComposer *c);
void         gk_narrative_kind_final_income      (GkComposer *c);
void         gk_narrative_kind_final_expenditure (GkComposer *c);
void         gk_narrative_kind_final_fiscal      (GkComposer *c);
void         gk_narrative_kind_final_general     (GkComposer *c);
void         gk_narrative_kind_final_basic       (GkComposer *c);
void         gk_narrative_kind_final_sangong     (GkComposer *c);
void         gk_narrative_kind_final_fund        (GkComposer *c);
void         gk_narrative_kind_final_capital     (GkComposer *c);
void         gk_narrative_kind_performance_management (GkComposer *c);
/* gk-narrative-final-matters.c */
void         gk_narrative_kind_final_running_costs (GkComposer *c);
void         gk_narrative_kind_final_procurement   (GkComposer *c);
void         gk_narrative_kind_final_procurement_reserved (GkComposer *c);
void         gk_narrative_kind_final_assets        (GkComposer *c);
GkAmount     gk_final_basic_sum                  (GkTable    *table,
                                                  gboolean    personnel);
void         gk_final_unit_year                  (GkComposer *c);
void         gk_final_year                       (GkComposer *c);
void         gk_final_change                     (GkComposer *c,
                                                  const char *key,
                                                  const char *subject,
                                                  GkAmount    amount);
gboolean     gk_final_ratio                      (GkAmount    part,
                                                  GkAmount    whole,
                                                  gint       *basis_points);
gboolean     gk_final_budget                     (GkComposer *c,
                                                  const char *key,
                                                  GkAmount   *amount);
void         gk_final_budget_reason              (GkComposer *c,
                                                  const char *key,
                                                  GkAmount    budget,
                                                  GkAmount    final);
void         gk_final_count                      (GkComposer *c,
                                                  const char *property);
void         gk_final_text                       (GkComposer *c,
                                                  const char *property);

/* Shared by the sections. */
GkTable     *gk_narrative_table             (GkComposer       *c,
                                             const char       *id);
GkAmount     gk_narrative_column_total      (GkTable          *table,
                                             const char       *column_id);
GkAmount     gk_narrative_cell              (GkRow            *row,
                                             GkTable          *table,
                                             const char       *column_id);
GkAmount     gk_narrative_line_amount       (GkTable          *table,
                                             const char       *line_id);
const char  *gk_narrative_income_name       (GkTable          *income,
                                             const char       *column_id);
const char  *gk_narrative_list_end          (guint             index,
                                             guint             n);
void         gk_narrative_list_number       (GkComposer       *c,
                                             guint             number);
char        *gk_narrative_source            (const char       *format,
                                             ...) G_GNUC_PRINTF (1, 2);
GPtrArray   *gk_narrative_leaf_rows         (GkTable          *table);
void         gk_narrative_function_path     (GkComposer       *c,
                                             const char       *table_id,
                                             GkRow            *row);
void         gk_narrative_subheading        (GkComposer       *c,
                                             guint             number,
                                             const char       *title,
                                             const char       *id);
GPtrArray   *gk_narrative_projects          (GkComposer       *c);
gboolean     gk_narrative_has_tables        (GkComposer       *c,
                                             const char       *roles);

G_END_DECLS
