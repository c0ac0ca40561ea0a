/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"

G_BEGIN_DECLS

/* 第三部分 情况说明, composed from the document: every figure, share, change
 * and name comes from the tables; only reasons and free paragraphs are
 * typed. A paragraph can be switched to hand-written text, which then
 * replaces the composed one (and is checked instead of generated). */

typedef enum {
  GK_SPAN_TEXT,     /* fixed wording */
  GK_SPAN_FIGURE,   /* a figure, share, change or name taken from the document */
  GK_SPAN_TYPED,    /* something the user typed (a reason, a description) */
  GK_SPAN_MISSING,  /* a reason or prior-year figure that is still needed */
} GkSpanKind;

typedef struct
{
  GkSpanKind  kind;
  char       *text;
  char       *source;   /* where it comes from: "expenditure/2010301/total", "prior/income.general/reason",
                           "project/p1/basis" …; NULL for fixed wording */
} GkSpan;

typedef enum {
  GK_PARAGRAPH_HEADING,      /* 一、关于…的总体说明 */
  GK_PARAGRAPH_SUBHEADING,   /* （一）… */
  GK_PARAGRAPH_BODY,
  GK_PARAGRAPH_LIST_ITEM,    /* 1.… */
  GK_PARAGRAPH_PERFORMANCE,  /* the 项目支出绩效目标表 of `project`: no spans, drawn as a table */
} GkParagraphStyle;

typedef struct
{
  char             *id;        /* stable: "s2.income.general", "s7.project.p3.basis" … */
  GkParagraphStyle  style;
  GPtrArray        *spans;     /* GkSpan */
  GkProject        *project;   /* GK_PARAGRAPH_PERFORMANCE (and project paragraphs) */
  gboolean          hand_written;
  gboolean          off;       /* switched off: kept only by gk_narrative_compose_all() */
  grefcount         ref_count; /* private: a paragraph that did not change is shared
                                * by the compositions before and after an edit */
} GkParagraph;

typedef struct
{
  guint        number;     /* 1 …, counted within its part */
  char        *title;      /* 关于乌鲁木齐县人民政府办公室2020年收支预算情况的总体说明 */
  GPtrArray   *paragraphs; /* GkParagraph */
  char        *id;         /* the outline's section id: "overall", "income" … */
  char        *part;       /* the title of a part this section begins, or NULL */
  GkNumbering  numbering;  /* 一、 / 1. / none */
} GkNarrativeSection;

GPtrArray *gk_narrative_compose        (GkDocument         *document);   /* GkNarrativeSection, free with g_ptr_array_unref */
GPtrArray *gk_narrative_compose_unkept (GkDocument         *document);   /* keeps nothing for the next composition */
GPtrArray *gk_narrative_compose_all    (GkDocument         *document);   /* the switched-off paragraphs too, marked */
GPtrArray *gk_narrative_compose_some   (GkDocument         *document,     /* the kinds writing these paragraphs */
                                        const char * const *only);
void       gk_narrative_forget         (GkDocument         *document);   /* drops what compositions kept */
char      *gk_paragraph_dup_text       (const GkParagraph  *paragraph);
char      *gk_narrative_section_heading (const GkNarrativeSection *section); /* "一、关于…" */

char              *gk_narrative_dup_text         (GPtrArray          *sections);
gboolean           gk_narrative_kind_is_known    (const char         *kind);
const char * const *gk_narrative_list_kinds      (void);
const char         *gk_narrative_fact_name        (const char         *property);
char               *gk_narrative_describe_key     (GkDocument         *document,
                                                  const char         *key);
const GkParagraph *gk_narrative_lookup_paragraph (GPtrArray          *sections,
                                                  const char         *id);

/* Hand-written paragraphs: `text` replaces the composed paragraph `id`
 * (undoable); NULL or "" goes back to the composed one. Stored in the
 * explanation (gk_explanation_get_hand_written()). */
void               gk_document_set_hand_written  (GkDocument         *document,
                                                  const char         *id,
                                                  const char         *text);
void               gk_document_set_paragraph_off (GkDocument         *document,
                                                  const char         *id,
                                                  gboolean            off);


G_END_DECLS
