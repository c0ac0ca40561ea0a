/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-checker.h"

G_BEGIN_DECLS

/* What a check reads, so that it runs again only when that changes. Bits
 * 0–31 are the document's tables by position; the others its other parts. */
#define GK_CHECK_READS_TABLES       G_GUINT64_CONSTANT (0xffffffff)
#define GK_CHECK_READS_PROJECTS     (G_GUINT64_CONSTANT (1) << 32)   /* names, texts, indicators */
#define GK_CHECK_READS_OVERVIEW     (G_GUINT64_CONSTANT (1) << 33)
#define GK_CHECK_READS_EXPLANATION  (G_GUINT64_CONSTANT (1) << 34)   /* 政府采购, 国有资产, counts … */
#define GK_CHECK_READS_PRIORS       (G_GUINT64_CONSTANT (1) << 35)
#define GK_CHECK_READS_HAND_WRITTEN (G_GUINT64_CONSTANT (1) << 36)
#define GK_CHECK_READS_META         (G_GUINT64_CONSTANT (1) << 37)   /* unit, year, date, names of codes */
#define GK_CHECK_READS_NOTES        (G_GUINT64_CONSTANT (1) << 38)   /* 备注 and empty-table sentences */
#define GK_CHECK_READS_GLOSSARY     (G_GUINT64_CONSTANT (1) << 39)
#define GK_CHECK_READS_STRUCTURE    (G_GUINT64_CONSTANT (1) << 40)   /* rows added to or removed from a table */
#define GK_CHECK_READS_EVERYTHING   G_GUINT64_CONSTANT (0xffffffffffffffff)

/* A number the text checks read: below 10^15 of its unit. Past that it is
 * no amount a budget states, and the sums, differences and scalings of
 * such figures stay far inside 64 bits. */
#define GK_CHECK_FIGURE_LIMIT       G_GINT64_CONSTANT (1000000000000000)

typedef struct
{
  GkChecker  *checker;
  GkDocument *document;
  GkTable    *table;      /* the table of a per-table check, else NULL */
  GPtrArray  *findings;   /* GkFinding, in the order found */
  GPtrArray  *previous;   /* what the check found for this row or project last time, or NULL */
  gboolean    partial;    /* a re-check of the rows that changed, not of the whole table */
} GkCheckRun;

typedef void (*GkCheckFunc)        (GkCheckRun *run);
typedef void (*GkCheckRowFunc)     (GkCheckRun *run,
                                    GkRow      *row);
typedef void (*GkCheckProjectFunc) (GkCheckRun *run,
                                    GkProject  *project);

/* A check reads a part of the document. A check that looks at one row (or
 * one project) at a time gives a row_func (project_func): after an edit it
 * runs again on the rows that changed only, which keeps a re-check fast
 * at ten thousand projects. */
typedef struct
{
  const char         *name;
  GkCheckFunc         func;          /* the whole part at once */
  GkCheckRowFunc      row_func;      /* each row of its table (per_table) */
  GkCheckProjectFunc  project_func;  /* each project */
  guint64             reads;         /* parts other than tables */
  const char         *tables;        /* the tables it reads by role: "expenditure project-expenditure"; "*" for all */
  gboolean            per_table;     /* one instance per table, reading that table */
  gboolean            with_parent;   /* a row's check reads its children: recheck the parent of a changed row */
} GkCheckDef;

const GkCheckDef *gk_check_table_defs     (guint *n_defs);
const GkCheckDef *gk_check_cross_defs     (guint *n_defs);
const GkCheckDef *gk_check_overall_defs   (guint *n_defs);
const GkCheckDef *gk_check_format_defs    (guint *n_defs);
const GkCheckDef *gk_check_narrative_defs (guint *n_defs);
const GkCheckDef *gk_check_paragraph_defs (guint *n_defs);
const GkCheckDef *gk_check_outline_defs   (guint *n_defs);
const GkCheckDef *gk_check_stated_defs    (guint *n_defs);
const GkCheckDef *gk_check_budget_defs    (guint *n_defs);
const GkCheckDef *gk_check_final_defs     (guint *n_defs);
const GkCheckDef *gk_check_final_reasons_defs (guint *n_defs);
const GkCheckDef *gk_check_arith_defs     (guint *n_defs);

/* The hand-written paragraphs of 情况说明, read (GkClaimText, by id). */
GPtrArray        *gk_check_hand_written_texts (GkCheckRun *run);
const char       *gk_check_income_name        (const char *column);

/* Reporting */
GkFinding  *gk_check_report          (GkCheckRun *run,
                                      const char *rule_id,
                                      const char *format,
                                      ...) G_GNUC_PRINTF (3, 4);
void        gk_check_add_cell        (GkFinding  *finding,
                                      GkRow      *row,
                                      const char *column_id);
const char *gk_check_row_key         (GkRow      *row);
char       *gk_check_row_label       (GkRow      *row);
const char *gk_check_column_title    (GkTable    *table,
                                      guint       column);
char       *gk_check_money           (GkCheckRun *run,
                                      GkAmount    amount);
const char *gk_check_unit            (GkCheckRun *run);
char       *gk_check_money_in        (GkCheckRun *run,
                                      GkAmount    amount,
                                      GkMoneyUnit unit);
GkMoneyUnit gk_check_text_unit       (GkCheckRun *run);

/* Figures */
GkAmount    gk_check_cell            (GkTable    *table,
                                      GkRow      *row,
                                      const char *column_id);
GkAmount    gk_check_column_total    (GkTable    *table,
                                      const char *column_id);
GkAmount    gk_check_line            (GkTable    *table,
                                      const char *line_id,
                                      const char *column_id);

/* The checker's state, for the gk-checker*.c files. */
/* How a finding sorts: errors first, then by table, then by row, then by
 * check and in the order the check found them. */
typedef struct
{
  guint  severity;
  guint  rank;
  char  *row;
  guint  instance;
  guint  sequence;
  guint  next;        /* the sequence it takes once out of the list */
} SortKey;

/* The qdata of a listed finding that holds its SortKey. */
extern GQuark _gk_checker_sort_quark;

struct _GkChecker
{
  GObject     parent_instance;

  GkDocument *document;
  GArray     *instances;      /* Instance */
  guint64     dirty;
  guint64     structure;      /* tables whose rows came or went */
  gboolean    projects_moved; /* projects added, removed or moved */
  GHashTable *dirty_rows;     /* GkRow set */
  GHashTable *dirty_projects; /* GkProject set */
  GHashTable *memo;           /* GkRow → GkAmount[] as last checked */
  guint64     memo_tables;    /* tables whose rows are all in memo */
  guint64     serials[64];    /* how many times each part changed */
  GHashTable *watched;        /* GObject → Watch (owns a reference) */
  gboolean    watches;        /* follows the document's changes */
  GPtrArray  *items;          /* GkFinding, as listed */
  GHashTable *removed;        /* GkFinding set: to leave the list at the next rebuild */
  GPtrArray  *added;          /* GkFinding: to enter it */
  GHashTable *index;          /* "part\x1frow" → GPtrArray of GkFinding, built on demand */
  GHashTable *caches;         /* name → Cache */
  GPtrArray  *hand_written;   /* "id\x1ftext", as last seen */
  guint       n_errors;
  guint       n_warnings;
};

void     gk_checker_watch_document       (GkChecker *self);
void     gk_checker_mark                 (GkChecker *self,
                                          guint64    parts);
guint64  gk_checker_part_of              (GkChecker *self,
                                          gpointer   object);
gboolean gk_checker_hand_written_changed (GkChecker *self);

/* How many times a check ran, for the tests of incremental re-checking. */
guint       gk_checker_get_n_runs    (GkChecker  *self,
                                      const char *check_name);

/* The figures of each row as they were at the last check, and the rows
 * changed since: a subtotal that added up then can be kept up to date by
 * what changed, without summing thousands of projects again. */
const GkAmount *gk_checker_get_memo       (GkChecker  *self,
                                           GkRow      *row);
GHashTable     *gk_checker_get_dirty_rows (GkChecker  *self);

/* Caches of the text checks, kept while the parts they read stay the same. */
guint64     gk_checker_get_serial    (GkChecker  *self,
                                      guint64     reads);
gpointer    gk_checker_get_cache     (GkChecker  *self,
                                      const char *name);
void        gk_checker_set_cache     (GkChecker  *self,
                                      const char *name,
                                      gpointer    data,
                                      GDestroyNotify destroy);

/* Figures read from typed text ------------------------------------------- */

/* Sections are 1 … 10 of a budget's 情况说明, 0 for 单位概况; a 决算's
 * 一般公共预算财政拨款支出决算情况说明 has names of its own. */
#define GK_SECTION_FINAL_GENERAL 11
/* … and its 收入支出决算总体, 收入决算, 支出决算 and 财政拨款收入支出决算总体
 * paragraphs, which name the 总表's lines. */
#define GK_SECTION_FINAL_TOTALS 12

typedef enum {
  GK_CLAIM_AMOUNT,    /* 284.08万元 */
  GK_CLAIM_COUNT,     /* 6个, 3辆, 14人 */
  GK_CLAIM_SHARE,     /* 占80.01% */
  GK_CLAIM_CHANGE,    /* 比上年减少72.4万元, 与上年持平 */
  GK_CLAIM_PERCENT,   /* 下降26.17% */
  GK_CLAIM_COMPLETION, /* 决算: 完成预算的95.5% */
} GkClaimKind;

typedef struct
{
  GkClaimKind  kind;
  char        *subject;     /* what the figure is of ("expenditure:basic", "general-expenditure/2010301", "project/p3" …), or NULL */
  gint64       value;       /* GkAmount in the document's unit, a count, or a percentage × 10^decimals */
  guint        decimals;    /* percentages: the decimals written */
  int          direction;   /* changes and percentages: +1 rise, -1 fall, 0 持平 */
  gboolean     exact;       /* FALSE for an amount in 元 that is no whole hundredth of a 万元 */
  gboolean     has_reason;  /* changes: a 原因 follows before the next change */
  gboolean     area;        /* an amount of 平方米, not of money */
  gboolean     certain;     /* the subject is named for this figure, not only the paragraph's */
  char        *whole;       /* shares: what the share is of ("general-expenditure:total"), "-" unknown, NULL unsaid */
  int          reason_direction; /* changes: +1/-1 when the reason speaks only of a rise/fall */
  char        *reason;      /* changes: the reason as written, if any */
  gsize        offset;      /* in the normalised text */
  char        *written;     /* as written, with the words before it: "减少72.4万元" */
  gboolean     money;       /* an amount of money in 元 or 万元 */
  GkMoneyUnit  unit;        /* money: the unit written after the figure */
  GkAmount     stated;      /* money: the figure in hundredths of that unit */
  gboolean     yiyuan;      /* money written in 亿元: unit is 万元, stated in hundredths of 亿元 */
  gboolean     budget;      /* 决算: of the year's 预算 (年初预算为…), or a change against it (比预算减少…) */
  gboolean     wording;     /* a change said without a figure ("决算数小于预算数") */
  gboolean     or_equal;    /* wording: "未超过" allows no change */
  gboolean     magnitude;   /* a change without its direction ("差值为0.9万元") */
  gboolean     in_reason;   /* a change said as the reason of another ("主要原因是基本支出增加50万元") */
} GkClaim;

typedef struct
{
  char      *id;            /* "s5.item.2010301", "overview/structure" */
  guint      section;       /* 1 … 10 of 情况说明; 0 elsewhere */
  char      *text;          /* normalised */
  GPtrArray *claims;        /* GkClaim */
  gsize      scanned;       /* bytes read for sentence starts: the work of parsing */
} GkClaimText;

/* A name found in a text: a fixed subject ("-" for a part the document
 * does not hold), or the codes a 类/款/项 name can mean. */
typedef struct
{
  gsize       start;
  gsize       end;
  char       *subject;
  GPtrArray  *codes;
} GkNameAt;

/* Reads a text once for the sentence starts of offsets asked in order. */
#define GK_SENTENCE_DEPTH 8
typedef struct
{
  const char *text;
  const char *next;     /* where reading stopped */
  gsize       offset;   /* the last offset asked */
  gsize       read;     /* bytes read in all */
  gsize       start[GK_SENTENCE_DEPTH];
  gboolean    ended[GK_SENTENCE_DEPTH];
  guint       depth;
} GkSentenceScan;

GArray      *gk_check_find_names       (GkDocument  *document,
                                        const char  *text,
                                        guint        section);
char        *gk_check_default_subject  (const char  *id);
void         gk_check_sentence_scan_init (GkSentenceScan *scan,
                                          const char     *text);
gsize        gk_check_sentence_scan_to (GkSentenceScan *scan,
                                        gsize           offset);
const char  *gk_check_subject_at       (GArray      *names,
                                        const char  *text,
                                        gsize        from,
                                        gsize        offset,
                                        const char  *fallback,
                                        gboolean    *certain);
char        *gk_check_normalize        (const char  *text);
gunichar     gk_check_simplified       (gunichar     c);
guint        gk_check_section_of       (const char  *paragraph_id);
GkClaimText *gk_claim_text_parse       (GkDocument  *document,
                                        const char  *id,
                                        guint        section,
                                        const char  *text);
void         gk_claim_text_free        (GkClaimText *text);
/* The “三公” counts of a text (gk-checker-counts.c). */
gboolean     gk_check_count_claim      (GkDocument  *document,
                                        const char  *text,
                                        guint        section,
                                        gsize        sentence,
                                        gsize        offset,
                                        gsize        length,
                                        GkClaim     *claim);
void         gk_check_counts_settle    (GkClaimText *text);
GPtrArray   *gk_check_list_items       (const char  *text,
                                        gsize       *list_start);
gboolean     gk_check_names_close      (const char  *a,
                                        const char  *b);
char        *gk_check_name_without_parent (const char *name,
                                           const char *parent_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkClaimText, gk_claim_text_free)

/* A sentence's own arithmetic, and whose its figures are: gk-checker-arith.c */
const char  *gk_check_item_subject     (GPtrArray   *claims,
                                        const char  *text,
                                        gsize        sentence,
                                        gsize        offset,
                                        guint        year);
gboolean     gk_check_in_reason        (const char  *text,
                                        gsize        sentence,
                                        gsize        offset);
const char  *gk_check_reason_subject   (GArray      *names,
                                        const char  *text,
                                        gsize        lead,
                                        gsize        offset);

/* Paired names ("收、支总计各是A、B万元"): gk-checker-pairs.c */
typedef struct
{
  gsize  phrase;      /* where the pair's name starts; G_MAXSIZE for none */
  guint  n[8];        /* figures read since, by GkClaimKind */
  int    direction;   /* of the change word last read in the pair */
  char  *word;        /* that word, to carry to the pair's second figure */
} GkPairState;

gboolean     gk_check_is_final_totals  (const char  *paragraph_id);
const char  *gk_check_pair_subject     (GArray      *names,
                                        gsize        sentence,
                                        gsize        offset,
                                        GkClaimKind  kind,
                                        GkPairState *state);
const char  *gk_check_pair_at          (GArray      *names,
                                        gsize        sentence,
                                        gsize        offset);
void         gk_check_pair_state_clear (GkPairState *state);
const char  *gk_check_final_share_whole (const char *subject);

/* What a claim is compared with. */
typedef struct
{
  char       *label;             /* as a message names it */
  const char *rule;              /* for a wrong amount or count */
  gboolean    has_amount;
  GkAmount    amount;
  gboolean    has_count;
  gint64      count;
  gboolean    has_area;
  GkAmount    area;
  char       *prior_key;
  gboolean    reason_optional;
  gboolean    has_change_count;  /* 单位概况's staff changes */
  gint64      change_count;
  gboolean    final;             /* a 决算's figure: a 预算 stated is not it */
  gboolean    has_budget;        /* a 决算's figure, with the 预算数 beside it */
  GkAmount    budget;
  const char *share_group;
  GPtrArray  *places;            /* GkPlace */
} GkCheckSubject;

gboolean gk_check_resolve        (GkCheckRun     *run,
                                  const char     *key,
                                  GkCheckSubject *subject);
void     gk_check_subject_clear  (GkCheckSubject *subject);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GkCheckSubject, gk_check_subject_clear)

/* Reporting on a typed text: the text first, then the subject's places. */
GkFinding *gk_check_report_text   (GkCheckRun           *run,
                                   const char           *rule_id,
                                   GkClaimText          *text,
                                   const GkCheckSubject *s,
                                   const char           *format,
                                   ...) G_GNUC_PRINTF (5, 6);
char      *gk_check_percent_text  (gint64                value,
                                   guint                 decimals);
gboolean   gk_check_ratio_percent (GkAmount              numerator,
                                   GkAmount              denominator,
                                   guint                 decimals,
                                   gint64               *out);
GPtrArray *gk_check_share_groups  (GkCheckRun           *run);
void       gk_check_share         (GkCheckRun           *run,
                                   GkClaimText          *text,
                                   GkClaim              *claim,
                                   GkCheckSubject       *s,
                                   GPtrArray            *groups);
void       gk_check_share_sums    (GkCheckRun           *run,
                                   GPtrArray            *groups);

/* Figures written in sentences, compared in the unit written */
GkMoneyUnit gk_check_claim_unit      (GkCheckRun    *run,
                                      const GkClaim *claim);
gboolean    gk_check_claim_states    (GkCheckRun    *run,
                                      const GkClaim *claim,
                                      GkAmount       amount);

void      _gk_checker_index_remove (GkChecker    *self,
                                    GkFinding    *finding);
void      _gk_checker_index_add    (GkChecker    *self,
                                    GkFinding    *finding,
                                    GCompareFunc  compare);

int       _gk_checker_compare_findings (gconstpointer a,
                                        gconstpointer b);
void      _gk_checker_splice           (GkChecker    *self);

/* gk-checker-budget.c: final.over-budget (@over) or final.under-budget */
void      gk_check_unexplained_items   (GkCheckRun   *run,
                                        gboolean      over);

G_END_DECLS
