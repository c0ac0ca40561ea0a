/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-explanation.h"

G_BEGIN_DECLS

void gk_explanation_add_prior    (GkExplanation *self,
                                  GkPrior       *prior);
void gk_explanation_remove_prior (GkExplanation *self,
                                  GkPrior       *prior);
void gk_explanation_set_hand_written (GkExplanation *self,
                                      const char    *paragraph_id,
                                      const char    *text);
void gk_explanation_set_paragraph_off (GkExplanation *self,
                                       const char    *paragraph_id,
                                       gboolean       off);

G_END_DECLS
