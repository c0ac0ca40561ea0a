/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-amount.h"
#include "gk-budget.h"
#include "gk-catalog.h"
#include "gk-document-error.h"
#include "gk-explanation.h"
#include "gk-final-facts.h"
#include "gk-glossary-entry.h"
#include "gk-indicator.h"
#include "gk-overview.h"
#include "gk-prior.h"
#include "gk-project.h"
#include "gk-template.h"
#include "gk-row.h"
#include "gk-table.h"
#include "gk-text-item.h"

G_BEGIN_DECLS

/* A departmental budget disclosure. Everything the user enters lives here
 * once; everything derived (subtotals, 合计 rows, 表一, 表四 …) is computed
 * here. Every edit goes through the gk_document_* operations below, which
 * recompute what depends on the edit and record it for undo; setting
 * properties on the parts directly bypasses both.
 *
 * One thread at a time: reading writes too. Each GListStore of the model
 * moves its cursor on every g_list_model_get_item(), and 情况说明 keeps
 * what a composition wrote for the next one (gk-narrative.h), so two
 * threads reading the same document at once can be handed each other's
 * items. Another thread may have the document while this one does not
 * touch it, handed over by a lock (gk_pdf_writer_set_document_lock()). */
/* What kind of unit publishes: a 事业单位 has no 机关运行经费. Unset in
 * files written before it was asked. */
typedef enum {
  GK_UNIT_TYPE_UNSET,
  GK_UNIT_TYPE_ADMINISTRATIVE,  /* 行政单位 */
  GK_UNIT_TYPE_CIVIL_SERVICE,   /* 参照公务员法管理事业单位 */
  GK_UNIT_TYPE_INSTITUTION,     /* 事业单位 */
} GkUnitType;

#define GK_TYPE_DOCUMENT (gk_document_get_type ())
G_DECLARE_FINAL_TYPE (GkDocument, gk_document, GK, DOCUMENT, GObject)

GkDocument    *gk_document_new              (void);
GkDocument    *gk_document_new_for_template (GkTemplate       *template);
GkDocument    *gk_document_new_blank_for_template (GkTemplate  *template,
                                                   const char  *unit,
                                                   guint        year,
                                                   GkMoneyUnit  money_unit);
GkTemplate    *gk_document_get_template     (GkDocument       *self);
GkTable       *gk_document_get_projects_table (GkDocument     *self);
gboolean       gk_document_set_template     (GkDocument       *self,
                                             GkTemplate       *template,
                                             GError          **error);
gboolean       gk_document_has_set_aside_figures (GkDocument  *self);
GkDocument    *gk_document_new_blank        (const char       *unit,
                                             guint             year,
                                             GkMoneyUnit       money_unit);

const char    *gk_document_get_unit         (GkDocument       *self);
guint          gk_document_get_year         (GkDocument       *self);
GkMoneyUnit    gk_document_get_money_unit   (GkDocument       *self);
const char    *gk_document_get_date         (GkDocument       *self);
gboolean       gk_date_text_is_valid        (const char       *text);
/* The cover's region line is one line (新疆维吾尔自治区昌吉回族自治州). */
#define GK_REGION_MAX_CHARS 100
const char    *gk_document_get_region       (GkDocument       *self);
GkUnitType     gk_document_get_unit_type    (GkDocument       *self);
void           gk_document_set_unit_type    (GkDocument       *self,
                                             GkUnitType        unit_type);
const char    *gk_unit_type_to_string       (GkUnitType        unit_type);
gboolean       gk_unit_type_from_string     (const char       *text,
                                             GkUnitType       *unit_type);
void           gk_document_set_unit_type_internal (GkDocument *self,
                                                   GkUnitType  unit_type);
GkOverview    *gk_document_get_overview     (GkDocument       *self);
GkExplanation *gk_document_get_explanation  (GkDocument       *self);
GListModel    *gk_document_get_projects     (GkDocument       *self);
GListModel    *gk_document_get_glossary     (GkDocument       *self);
guint          gk_document_get_n_tables     (GkDocument       *self);
GkTable       *gk_document_get_table_at     (GkDocument       *self,
                                             guint             index);
GkTable       *gk_document_get_table        (GkDocument       *self,
                                             const char       *table_id);
GkProject     *gk_document_lookup_project   (GkDocument       *self,
                                             const char       *project_id);
const char    *gk_document_get_code_name    (GkDocument       *self,
                                             GkClassification  kind,
                                             const char       *code);
GList         *gk_document_get_codes        (GkDocument       *self,
                                             GkClassification  kind);

/* Edits (undoable) */
void           gk_document_begin_action     (GkDocument       *self,
                                             const char       *label);
void           gk_document_end_action       (GkDocument       *self);
gboolean       gk_document_check_amount     (GkDocument       *self,
                                             GkRow            *row,
                                             guint             column,
                                             GkAmount          amount,
                                             GError          **error);
gboolean       gk_document_set_amount       (GkDocument       *self,
                                             GkRow            *row,
                                             guint             column,
                                             const GkAmount   *amount,
                                             GError          **error);
gboolean       gk_document_set_line_figure  (GkDocument       *self,
                                             GkTable          *table,
                                             const char       *line_id,
                                             const char       *column_id,
                                             const GkAmount   *amount,
                                             GError          **error);
gboolean       gk_document_set_amount_text  (GkDocument       *self,
                                             GkRow            *row,
                                             guint             column,
                                             const char       *text,
                                             GError          **error);
GkRow         *gk_document_add_row          (GkDocument       *self,
                                             GkTable          *table,
                                             const char       *code,
                                             const char       *name,
                                             GError          **error);
void           gk_document_remove_row       (GkDocument       *self,
                                             GkRow            *row);
gboolean       gk_document_row_can_follow   (GkDocument       *self,
                                             GkRow            *row);
gboolean       gk_document_row_follows      (GkDocument       *self,
                                             GkRow            *row);
gboolean       gk_document_follow_row       (GkDocument       *self,
                                             GkRow            *row,
                                             GError          **error);
gboolean       gk_document_set_code_name    (GkDocument       *self,
                                             GkClassification  kind,
                                             const char       *code,
                                             const char       *name,
                                             GError          **error);
void           gk_document_set_value        (GkDocument       *self,
                                             gpointer          object,
                                             const char       *property,
                                             const GValue     *value);
void           gk_document_set_text         (GkDocument       *self,
                                             gpointer          object,
                                             const char       *property,
                                             const char       *text);
void           gk_document_set_int          (GkDocument       *self,
                                             gpointer          object,
                                             const char       *property,
                                             gint64            number);
void           gk_document_list_insert      (GkDocument       *self,
                                             GListModel       *list,
                                             guint             position,
                                             gpointer          item);
void           gk_document_list_remove      (GkDocument       *self,
                                             GListModel       *list,
                                             guint             position);
void           gk_document_list_move        (GkDocument       *self,
                                             GListModel       *list,
                                             guint             from,
                                             guint             to);
GkProject     *gk_document_add_project      (GkDocument       *self,
                                             const char       *name,
                                             const char       *function_code);
GPtrArray     *gk_document_add_projects     (GkDocument         *self,
                                             const char * const *names,
                                             const char * const *function_codes,
                                             guint               n);
GkPrior       *gk_document_ensure_prior     (GkDocument       *self,
                                             const char       *key);
void           gk_document_remove_prior     (GkDocument       *self,
                                             const char       *key);

gboolean       gk_document_check_money_unit (GkDocument       *self,
                                             GkMoneyUnit       unit,
                                             guint            *n_rounded,
                                             GError          **error);
gboolean       gk_document_convert_money_unit (GkDocument     *self,
                                               GkMoneyUnit     unit,
                                               guint          *n_rounded,
                                               GError        **error);
gboolean       gk_document_start_next_year  (GkDocument       *self,
                                             GkDocument       *this_year,
                                             GString          *report,
                                             GError          **error);
gboolean       gk_document_fill_prior_year  (GkDocument       *self,
                                             GkDocument       *last_year,
                                             GString          *report,
                                             GError          **error);

/* The same year's budget a 决算 is tied to (gk-document-budget.c). */
GkBudget      *gk_document_get_budget       (GkDocument       *self);
GkFinalFacts  *gk_document_get_final_facts  (GkDocument       *self);
GkBudgetFigure *gk_document_ensure_budget_figure (GkDocument   *self,
                                                 const char   *key);
void           gk_document_remove_budget_figure (GkDocument   *self,
                                                 const char   *key);
gboolean       gk_document_link_budget      (GkDocument       *self,
                                             GkDocument       *budget,
                                             const char       *file_name,
                                             guint            *n_filled,
                                             GError          **error);

gboolean       gk_document_can_undo         (GkDocument       *self);
gboolean       gk_document_can_redo         (GkDocument       *self);
const char    *gk_document_get_undo_label   (GkDocument       *self);
const char    *gk_document_get_redo_label   (GkDocument       *self);
gboolean       gk_document_undo             (GkDocument       *self);
gboolean       gk_document_redo             (GkDocument       *self);
gboolean       gk_document_get_modified     (GkDocument       *self);
void           gk_document_mark_saved       (GkDocument       *self);
guint64        gk_document_get_change_serial (GkDocument      *self);
gboolean       gk_document_mark_saved_at    (GkDocument       *self,
                                             guint64           change_serial);

G_END_DECLS
