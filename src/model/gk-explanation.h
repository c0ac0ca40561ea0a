/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-amount.h"
#include "gk-prior.h"

G_BEGIN_DECLS

/* What 情况说明 needs that no table holds: last year's figures with their
 * reasons, 政府采购, 国有资产占用, the count of units under 机关运行经费, and
 * other matters. Properties are the file's members ("procurement-goods" is
 * procurement/goods). */
#define GK_TYPE_EXPLANATION (gk_explanation_get_type ())
G_DECLARE_FINAL_TYPE (GkExplanation, gk_explanation, GK, EXPLANATION, GObject)

GkExplanation *gk_explanation_new          (void);
GListModel    *gk_explanation_get_priors   (GkExplanation *self);
GkPrior       *gk_explanation_lookup_prior (GkExplanation *self,
                                            const char    *key);
GkAmount       gk_explanation_get_amount   (GkExplanation *self,
                                            const char    *property);
int            gk_explanation_get_count    (GkExplanation *self,
                                            const char    *property);
const char    *gk_explanation_get_text     (GkExplanation *self,
                                            const char    *property);
const char    *gk_explanation_get_hand_written     (GkExplanation *self,
                                                    const char    *paragraph_id);
char         **gk_explanation_dup_hand_written_ids (GkExplanation *self);
gboolean       gk_explanation_get_paragraph_off    (GkExplanation *self,
                                                    const char    *paragraph_id);
char         **gk_explanation_dup_off_ids          (GkExplanation *self);

G_END_DECLS
