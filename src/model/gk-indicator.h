/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of a 项目支出绩效目标表: 一级指标 / 二级指标 / 三级指标 and its target. */
#define GK_TYPE_INDICATOR (gk_indicator_get_type ())
G_DECLARE_FINAL_TYPE (GkIndicator, gk_indicator, GK, INDICATOR, GObject)

GkIndicator *gk_indicator_new        (const char  *level1,
                                      const char  *level2,
                                      const char  *name,
                                      const char  *target);
const char  *gk_indicator_get_level1 (GkIndicator *self);
const char  *gk_indicator_get_level2 (GkIndicator *self);
const char  *gk_indicator_get_name   (GkIndicator *self);
const char  *gk_indicator_get_target (GkIndicator *self);

G_END_DECLS
