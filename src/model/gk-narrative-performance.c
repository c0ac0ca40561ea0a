/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-narrative-private.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"

/* The 绩效 summaries other regions print in 情况说明: 部门整体绩效 from
 * the 部门（单位）整体绩效目标表 and 重点项目绩效 from the projects'
 * 绩效目标表. Their ids begin with "k.<kind>.". */

static void
unit_and_year (GkComposer *c)
{
  gk_composer_unit_name (c);
  gk_composer_year (c);
}

/* 部门整体绩效 ----------------------------------------------------------------- */

void
gk_narrative_kind_performance_overall (GkComposer *c)
{
  GkTable *table = gk_narrative_table (c, "overall-performance");
  GListModel *indicators;
  g_autofree char *label = NULL;
  guint n_tasks;

  if (table == NULL)
    return;
  n_tasks = gk_table_get_n_entries (table);
  indicators = gk_table_get_indicators (table);
  label = gk_table_schema_dup_label (gk_table_get_schema (table));

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.performance-overall.goal");
  unit_and_year (c);
  gk_composer_text (c, "部门整体绩效目标：");
  {
    g_autofree char *goal = gk_narrative_trim_typed (gk_table_get_goal (table), TRUE);

    if (goal[0] == '\0')
      gk_composer_span (c, GK_SPAN_MISSING, "（年度绩效目标未填写）", "overall-performance/goal");
    else
      gk_composer_span (c, GK_SPAN_TYPED, goal, "overall-performance/goal");
  }
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.performance-overall.tasks");
  if (n_tasks == 0)
    {
      gk_composer_text (c, "年度主要任务");
      gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", "overall-performance/tasks");
      gk_composer_text (c, "。");
    }
  else
    {
      int name = gk_table_schema_text_index (gk_table_get_schema (table), "name");

      gk_composer_text (c, "年度主要任务");
      gk_composer_count (c, n_tasks, "overall-performance/tasks/count");
      gk_composer_text (c, "项，预算金额");
      gk_composer_amount (c, gk_narrative_column_total (table, "total"), "overall-performance/total/total");
      gk_composer_text (c, "，其中：财政拨款");
      gk_composer_amount (c, gk_narrative_column_total (table, "fiscal"), "overall-performance/total/fiscal");
      gk_composer_text (c, "，其他资金");
      gk_composer_amount (c, gk_narrative_column_total (table, "other"), "overall-performance/total/other");
      gk_composer_text (c, "；主要任务为：");
      for (guint i = 0; i < n_tasks; i++)
        {
          const char *text = name >= 0 ? gk_list_row_get_text (gk_table_get_entry (table, i), name) : NULL;
          g_autofree char *source = gk_narrative_source ("overall-performance/task/%u/name", i + 1);

          if (i > 0)
            gk_composer_text (c, "、");
          gk_composer_typed (c, text, source, "（任务名称未填写）");
        }
      gk_composer_text (c, "。");
    }

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.performance-overall.indicators");
  gk_composer_text (c, "设置年度绩效指标");
  gk_composer_count (c, indicators != NULL ? g_list_model_get_n_items (indicators) : 0,
                     "overall-performance/indicators/count");
  gk_composer_text (c, "个，详见");
  gk_composer_text (c, label);
  gk_composer_text (c, "。");
}

/* 重点项目绩效 ----------------------------------------------------------------- */

/* "产出指标3个，效益指标2个" in the order the table lists them. */
static void
indicator_levels (GkComposer *c,
                  GkProject  *project)
{
  GListModel *indicators = gk_project_get_indicators (project);
  g_autoptr(GPtrArray) levels = g_ptr_array_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  guint n = g_list_model_get_n_items (indicators);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);
      const char *level = gk_indicator_get_level1 (indicator);
      guint k;

      if (level == NULL || level[0] == '\0')
        continue;
      for (k = 0; k < levels->len && !g_str_equal (levels->pdata[k], level); k++)
        ;
      if (k == levels->len)
        {
          guint zero = 0;

          g_ptr_array_add (levels, (gpointer) level);
          g_array_append_val (counts, zero);
        }
      g_array_index (counts, guint, k)++;
    }
  if (levels->len == 0)
    return;
  gk_composer_text (c, "（");
  for (guint k = 0; k < levels->len; k++)
    {
      g_autofree char *source = gk_narrative_source ("project/%s/indicators/%s", gk_project_get_id (project),
                                                     (const char *) levels->pdata[k]);

      if (k > 0)
        gk_composer_text (c, "，");
      gk_composer_span (c, GK_SPAN_FIGURE, levels->pdata[k], source);
      gk_composer_count (c, g_array_index (counts, guint, k), source);
      gk_composer_text (c, "个");
    }
  gk_composer_text (c, "）");
}

void
gk_narrative_kind_performance_projects (GkComposer *c)
{
  g_autoptr(GPtrArray) projects = gk_narrative_projects (c);
  GkAmount total = 0;

  for (guint i = 0; i < projects->len; i++)
    if (!gk_amount_add (total, gk_project_get_total (projects->pdata[i]), &total))
      total = GK_AMOUNT_MAX;

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.performance-projects.total");
  gk_composer_year (c);
  if (projects->len == 0)
    {
      gk_composer_text (c, "无实行绩效目标管理的项目。");
      return;
    }
  gk_composer_text (c, "实行绩效目标管理的项目");
  gk_composer_count (c, projects->len, "project-expenditure/projects/count");
  gk_composer_text (c, "个，涉及预算金额");
  gk_composer_amount (c, total, "projects/total");
  gk_composer_text (c, "，各项目绩效目标如下：");

  for (guint i = 0; i < projects->len; i++)
    {
      GkProject *project = projects->pdata[i];
      const char *id = gk_project_get_id (project);
      g_autofree char *name_source = gk_narrative_source ("project/%s/name", id);
      g_autofree char *total_source = gk_narrative_source ("project/%s/total", id);
      g_autofree char *goal_source = gk_narrative_source ("project/%s/goal", id);
      g_autofree char *goal = gk_narrative_trim_typed (gk_project_get_goal (project), TRUE);
      GkParagraph *paragraph;

      paragraph = gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "k.performance-projects.%s", id);
      paragraph->project = g_object_ref (project);
      gk_narrative_list_number (c, i + 1);
      gk_composer_typed (c, gk_project_get_name (project), name_source, "（项目名称未填写）");
      gk_composer_text (c, "，预算");
      gk_composer_amount (c, gk_project_get_total (project), total_source);
      gk_composer_text (c, "，年度绩效目标：");
      if (goal[0] == '\0')
        gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", goal_source);
      else
        gk_composer_span (c, GK_SPAN_TYPED, goal, goal_source);
      gk_composer_text (c, "；设置绩效指标");
      {
        g_autofree char *count_source = gk_narrative_source ("project/%s/indicators/count", id);

        gk_composer_count (c, g_list_model_get_n_items (gk_project_get_indicators (project)), count_source);
      }
      gk_composer_text (c, "个");
      indicator_levels (c, project);
      gk_composer_text (c, gk_narrative_list_end (i, projects->len));
    }
}
