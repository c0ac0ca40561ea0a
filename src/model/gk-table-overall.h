/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"
#include "gk-text-item.h"

G_BEGIN_DECLS

/* The 部门（单位）整体绩效目标表 (kind overall-performance): its 年度主要任务
 * are the rows of a list table with the fixed columns 任务名称, 主要内容,
 * 总额 = 财政拨款 + 其他资金 (edited with the list tables' functions), and
 * besides them the 年度绩效目标, a text, and the 年度绩效指标, a list of
 * GkIndicator edited with gk_document_list_insert() and its kin. */

#define GK_OVERALL_TEXT_NAME    0
#define GK_OVERALL_TEXT_CONTENT 1

gboolean    gk_table_is_overall_performance (GkTable    *self);
GkTextItem *gk_table_get_goal_item          (GkTable    *self);
const char *gk_table_get_goal               (GkTable    *self);
GListModel *gk_table_get_indicators         (GkTable    *self);
void        gk_document_set_goal            (GkDocument *document,
                                             GkTable    *table,
                                             const char *goal);

G_END_DECLS
