/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gk-amount.h"

G_BEGIN_DECLS

/* What a 决算's 情况说明 states that no table holds: the “三公” facts
 * (团组 and 人次 abroad, cars bought and held, 接待 batches and people) and
 * 预算绩效管理 (制度, the projects under 绩效目标, 跟踪 and 自评 with their
 * amounts, the average score, the grades, the problems found and fixed),
 * 政府采购 as contracted (货物, 工程, 服务 and their 中小企业 awards, the
 * 小微企业 awards, or as Shanghai states it what was 预留 for them and
 * awarded; amounts unset until typed) and the vehicles by kind and
 * 单价100万元以上设备 held at the year's end.
 * Properties are the file's members under "explanation"/"final"
 * ("sangong-abroad-groups" is sangong/abroad-groups). */
#define GK_TYPE_FINAL_FACTS (gk_final_facts_get_type ())
G_DECLARE_FINAL_TYPE (GkFinalFacts, gk_final_facts, GK, FINAL_FACTS, GObject)

GkFinalFacts *gk_final_facts_new        (void);
int           gk_final_facts_get_count  (GkFinalFacts *self,
                                         const char   *property);
GkAmount      gk_final_facts_get_amount (GkFinalFacts *self,
                                         const char   *property);
const char   *gk_final_facts_get_text   (GkFinalFacts *self,
                                         const char   *property);
gboolean      gk_final_facts_is_set     (GkFinalFacts *self,
                                         const char   *property);
gboolean      gk_final_facts_is_empty   (GkFinalFacts *self);
const char   *gk_final_facts_name       (const char   *property);

/* A count not entered is -1: 情况说明 then says so rather than print 0. */
#define GK_FINAL_FACTS_UNSET (-1)

G_END_DECLS
