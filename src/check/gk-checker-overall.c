/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-checker-private.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"

/* The 部门（单位）整体绩效目标表: its tasks are what the unit spends its
 * budget on, so their 总额 add up to the 部门支出总表's 合计; and a table
 * without a task or an indicator tells the reader nothing. Warnings: a
 * unit may list only its main tasks. */

static GkTable *
overall_table (GkCheckRun *run)
{
  GkTable *table = gk_document_get_table (run->document, "overall-performance");

  return table != NULL && gk_table_is_overall_performance (table) ? table : NULL;
}

static void
check_tasks_expenditure (GkCheckRun *run)
{
  GkTable *overall = overall_table (run);
  GkTable *expenditure = gk_document_get_table (run->document, "expenditure");
  g_autofree char *overall_label = NULL;
  g_autofree char *expenditure_label = NULL;
  g_autofree char *tasks = NULL;
  g_autofree char *spent = NULL;
  const char *column;
  GkFinding *finding;
  GkAmount a, b;

  if (overall == NULL || expenditure == NULL || gk_table_get_n_entries (overall) == 0 ||
      gk_table_schema_get_n_columns (gk_table_get_schema (expenditure)) == 0)
    return;
  column = gk_table_schema_get_column (gk_table_get_schema (expenditure), 0)->id;
  a = gk_check_column_total (overall, "total");
  b = gk_check_column_total (expenditure, column);
  if (a == b)
    return;
  overall_label = gk_table_schema_dup_label (gk_table_get_schema (overall));
  expenditure_label = gk_table_schema_dup_label (gk_table_get_schema (expenditure));
  tasks = gk_check_money (run, a);
  spent = gk_check_money (run, b);
  finding = gk_check_report (run, "overall.tasks-expenditure",
                             /* Translators: 表十's tasks total 30.00万元 but 表三 合计 is 45.00万元 */
                             _("%s: the tasks’ 总额 add up to %s but %s 合计 is %s. "
                               "List the tasks the whole budget goes to, or correct their amounts."),
                             overall_label, tasks, expenditure_label, spent);
  gk_check_add_cell (finding, gk_table_get_total_row (overall), "total");
  if (gk_table_get_total_row (expenditure) != NULL)
    gk_check_add_cell (finding, gk_table_get_total_row (expenditure), column);
}

static void
check_complete (GkCheckRun *run)
{
  GkTable *overall = overall_table (run);
  g_autofree char *label = NULL;
  GkFinding *finding;

  if (overall == NULL)
    return;
  label = gk_table_schema_dup_label (gk_table_get_schema (overall));
  if (gk_table_get_n_entries (overall) == 0)
    {
      finding = gk_check_report (run, "overall.incomplete",
                                 _("%s lists no task: add the year’s main tasks with their amounts."), label);
      gk_finding_add_place (finding, gk_table_get_id (overall), NULL, NULL);
    }
  if (g_list_model_get_n_items (gk_table_get_indicators (overall)) == 0)
    {
      finding = gk_check_report (run, "overall.incomplete",
                                 _("%s has no performance indicator: add the indicators the year’s work is measured by."),
                                 label);
      gk_finding_add_place (finding, gk_table_get_id (overall), NULL, NULL);
    }
}

static const GkCheckDef defs[] = {
  { .name = "overall.tasks-expenditure", .func = check_tasks_expenditure, .tables = "overall-performance expenditure" },
  { .name = "overall.incomplete", .func = check_complete, .tables = "overall-performance" },
};

const GkCheckDef *
gk_check_overall_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
