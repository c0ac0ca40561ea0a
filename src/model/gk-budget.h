/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-amount.h"

G_BEGIN_DECLS

/* The same year's budget (年初预算数) a 决算 is tied to: the budget file's
 * name, unit and year, and its figures by key ("general.2010301",
 * "general.total", "sangong.abroad", "fund.2120801", "running-costs" …),
 * each with what the money is for and the reason the 决算 differs from it
 * (typed like the reasons of a change against last year). */
#define GK_TYPE_BUDGET_FIGURE (gk_budget_figure_get_type ())
G_DECLARE_FINAL_TYPE (GkBudgetFigure, gk_budget_figure, GK, BUDGET_FIGURE, GObject)

GkBudgetFigure *gk_budget_figure_new         (const char     *key);
const char     *gk_budget_figure_get_key     (GkBudgetFigure *self);
GkAmount        gk_budget_figure_get_amount  (GkBudgetFigure *self);
const char     *gk_budget_figure_get_reason  (GkBudgetFigure *self);
const char     *gk_budget_figure_get_purpose (GkBudgetFigure *self);

#define GK_TYPE_BUDGET (gk_budget_get_type ())
G_DECLARE_FINAL_TYPE (GkBudget, gk_budget, GK, BUDGET, GObject)

GkBudget    *gk_budget_new          (void);
const char  *gk_budget_get_file     (GkBudget   *self);
const char  *gk_budget_get_unit     (GkBudget   *self);
guint        gk_budget_get_year     (GkBudget   *self);
GListModel  *gk_budget_get_figures  (GkBudget   *self);
GkBudgetFigure *gk_budget_lookup       (GkBudget   *self,
                                     const char *key);
gboolean     gk_budget_get_amount   (GkBudget   *self,
                                     const char *key,
                                     GkAmount   *amount);
const char  *gk_budget_get_reason   (GkBudget   *self,
                                     const char *key);
const char  *gk_budget_get_purpose  (GkBudget   *self,
                                     const char *key);
gboolean     gk_budget_is_present   (GkBudget   *self);
gboolean     gk_budget_key_is_valid (const char *key);

/* Not undoable: for the reader and the document's recorded edits. */
void         gk_budget_add_figure    (GkBudget  *self,
                                      GkBudgetFigure *figure);
void         gk_budget_remove_figure (GkBudget  *self,
                                      GkBudgetFigure *figure);

G_END_DECLS
