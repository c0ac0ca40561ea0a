/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gk-amount.h"

G_BEGIN_DECLS

/* Last year's figure for one quantity that 情况说明 compares (a total, a
 * function 项, a 三公 item …), whether it is last year's budget (上年预算数) or
 * outturn (上年执行数), and the reason given for the change (主要原因). */
#define GK_TYPE_PRIOR (gk_prior_get_type ())
G_DECLARE_FINAL_TYPE (GkPrior, gk_prior, GK, PRIOR, GObject)

#define GK_PRIOR_BASIS_BUDGET "budget"
#define GK_PRIOR_BASIS_ACTUAL "actual"

GkPrior    *gk_prior_new        (const char *key);
const char *gk_prior_get_key    (GkPrior    *self);
GkAmount    gk_prior_get_amount (GkPrior    *self);
const char *gk_prior_get_basis  (GkPrior    *self);
const char *gk_prior_get_reason (GkPrior    *self);

G_END_DECLS
