/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-chart.h"
#include "gk-document.h"

G_BEGIN_DECLS

/* The review charts of a disclosure (图表), built from its tables, projects
 * and last year's figures. Ids are stable: they name the exported files. */
#define GK_CHART_FUNCTION_CLASSES        "function-classes"
#define GK_CHART_BASIC_PROJECT           "basic-project"
#define GK_CHART_PERSONNEL_PUBLIC        "personnel-public"
#define GK_CHART_BASIC_ECONOMIC          "basic-economic"
#define GK_CHART_PROJECTS                "projects"
#define GK_CHART_SANGONG                 "sangong"
#define GK_CHART_INCOME_SOURCES          "income-sources"
#define GK_CHART_CHANGE_TOTALS           "change-totals"
#define GK_CHART_CHANGE_FUNCTION_CLASSES "change-function-classes"

const char * const *gk_chart_data_get_ids        (void);
GPtrArray          *gk_chart_data_build_all      (GkDocument *document);
GkChart            *gk_chart_data_build          (GkDocument *document,
                                                  const char *chart_id);
guint64             gk_chart_data_get_serial     (GkDocument *document,
                                                  const char *chart_id);
GkChart            *gk_chart_data_build_for_table (GkDocument *document,
                                                   const char *table_id);

G_END_DECLS
