/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* 第一部分 单位概况: 主要职能 (a preamble and the numbered duties) and
 * 机构设置及人员情况 (subordinate units, internal offices, staffing). */
#define GK_TYPE_OVERVIEW (gk_overview_get_type ())
G_DECLARE_FINAL_TYPE (GkOverview, gk_overview, GK, OVERVIEW, GObject)

GkOverview *gk_overview_new                   (void);
const char *gk_overview_get_functions         (GkOverview *self);
const char *gk_overview_get_structure         (GkOverview *self);
GListModel *gk_overview_get_duties            (GkOverview *self);
GListModel *gk_overview_get_subordinate_units (GkOverview *self);
GListModel *gk_overview_get_offices           (GkOverview *self);
int         gk_overview_get_authorized        (GkOverview *self);
int         gk_overview_get_serving           (GkOverview *self);
int         gk_overview_get_retired           (GkOverview *self);
int         gk_overview_get_veteran           (GkOverview *self);
int         gk_overview_get_actual            (GkOverview *self);

G_END_DECLS
