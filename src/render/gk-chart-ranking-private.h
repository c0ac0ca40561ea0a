/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"

G_BEGIN_DECLS

typedef struct _GkChartRanking GkChartRanking;

GkChartRanking *gk_chart_ranking_get          (GkDocument     *document,
                                               guint           shown);
guint64         gk_chart_ranking_get_serial   (GkChartRanking *self);
guint           gk_chart_ranking_get_n_ranked (GkChartRanking *self);
void            gk_chart_ranking_get_first    (GkChartRanking *self,
                                               guint           n,
                                               GkProject     **projects,
                                               GkAmount       *values,
                                               GkAmount       *rest);

G_END_DECLS
