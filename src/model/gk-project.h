/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-amount.h"
#include "gk-row.h"
#include "gk-template.h"

G_BEGIN_DECLS

#define GK_TYPE_PROJECT (gk_project_get_type ())
G_DECLARE_FINAL_TYPE (GkProject, gk_project, GK, PROJECT, GObject)

GkProject  *gk_project_new               (const char *id);
const char *gk_project_get_id            (GkProject  *self);
const char *gk_project_get_name          (GkProject  *self);
const char *gk_project_get_function_code (GkProject  *self);
const char *gk_project_get_basis         (GkProject  *self);
const char *gk_project_get_owner         (GkProject  *self);
const char *gk_project_get_allocation    (GkProject  *self);
const char *gk_project_get_period        (GkProject  *self);
const char *gk_project_get_goal          (GkProject  *self);
const char *gk_project_get_performance_name (GkProject *self);
GkAmount    gk_project_get_other_funds   (GkProject  *self);
GkAmount    gk_project_get_total         (GkProject  *self);
guint64     gk_project_get_serial        (GkProject  *self);
GkAmount    gk_project_get_fiscal        (GkProject  *self);
GkRow      *gk_project_get_row           (GkProject  *self);
/* The columns of the project's amounts: the seed's 表七's, whatever the
 * template (a template without a projects table included). */
const GkTableSchema *gk_project_get_schema (GkProject *self);
GListModel *gk_project_get_indicators    (GkProject  *self);

G_END_DECLS
