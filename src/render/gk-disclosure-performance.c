/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-disclosure-layout.h"
#include "gk-table-unit.h"

/* A project's 项目支出绩效目标表, as 情况说明 and the tables print it. Its
 * wording is the disclosure's own, so none of it is translated. */

/* 绩效目标表 column shares: 一级指标, 二级指标, three for 三级指标, two
 * for the target; the rows above the indicators reuse them. */
static const double performance_shares[] = { 0.13, 0.19, 0.11, 0.16, 0.11, 0.13, 0.17 };

static char *
format_money (GkDocument *document,
              GkAmount    amount)
{
  g_autofree char *figure = gk_amount_format (amount);
  return g_strconcat (figure, gk_money_unit_to_string (gk_document_get_money_unit (document)), NULL);
}

static void
add_label (GkRuledTable *table,
           guint         column,
           const char   *text,
           guint         column_span)
{
  gk_ruled_table_add_cell (table, column, text, GK_TEXT_TABLE_HEADER, PANGO_ALIGN_CENTER, 0, 1, column_span);
}

static void
add_value (GkRuledTable   *table,
           guint           column,
           const char     *text,
           PangoAlignment  alignment,
           guint           row_span,
           guint           column_span)
{
  gk_ruled_table_add_cell (table, column, text, GK_TEXT_TABLE_CELL, alignment, 0, row_span, column_span);
}

/* How many indicators from @first share its 一级指标 (and, with
 * @level2, its 二级指标): they are printed in one merged cell. */
static guint
run_length (GListModel *indicators,
            guint       first,
            gboolean    level2)
{
  g_autoptr(GkIndicator) head = g_list_model_get_item (indicators, first);
  guint n = g_list_model_get_n_items (indicators);
  guint end = first + 1;

  for (; end < n; end++)
    {
      g_autoptr(GkIndicator) next = g_list_model_get_item (indicators, end);

      if (g_strcmp0 (gk_indicator_get_level1 (next), gk_indicator_get_level1 (head)) != 0)
        break;
      if (level2 && g_strcmp0 (gk_indicator_get_level2 (next), gk_indicator_get_level2 (head)) != 0)
        break;
    }
  return end - first;
}

/**
 * gk_disclosure_performance_new:
 *
 * The 项目支出绩效目标表 of @project: its owner and name, its total,
 * fiscal and other funds, its goal, and its indicators with equal 一级
 * and 二级指标 merged down the rows.
 *
 * Returns: (transfer full): the table, kept whole on one page
 */
GkRuledTable *
gk_disclosure_performance_new (GkDocument *document,
                               GkProject  *project)
{
  GListModel *indicators;
  GkRuledTable *table;
  g_autofree char *total = NULL;
  g_autofree char *fiscal = NULL;
  g_autofree char *other = NULL;
  guint n, level1_end = 0, level2_end = 0;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_PROJECT (project), NULL);

  table = gk_ruled_table_new (G_N_ELEMENTS (performance_shares));
  for (guint c = 0; c < G_N_ELEMENTS (performance_shares); c++)
    gk_ruled_table_set_column (table, c, GK_RULED_COLUMN_SHARE, performance_shares[c]);
  gk_ruled_table_set_keep_together (table, TRUE);

  /* The project, its money and goal and the indicators' headings come
   * again on each page of a table taller than a page. */
  gk_ruled_table_append_row (table, GK_RULED_ROW_HEADER);
  add_label (table, 0, "预算单位", 1);
  add_value (table, 1, gk_project_get_owner (project), PANGO_ALIGN_LEFT, 1, 3);
  add_label (table, 4, "项目名称", 1);
  add_value (table, 5, gk_project_get_name (project), PANGO_ALIGN_LEFT, 1, 2);

  total = format_money (document, gk_project_get_total (project));
  fiscal = format_money (document, gk_project_get_fiscal (project));
  other = format_money (document, gk_project_get_other_funds (project));
  gk_ruled_table_append_row (table, GK_RULED_ROW_HEADER);
  add_label (table, 0, "项目资金", 1);
  add_label (table, 1, "年度资金总额", 1);
  add_value (table, 2, total, PANGO_ALIGN_RIGHT, 1, 1);
  add_label (table, 3, "其中：财政拨款", 1);
  add_value (table, 4, fiscal, PANGO_ALIGN_RIGHT, 1, 1);
  add_label (table, 5, "其他资金", 1);
  add_value (table, 6, other, PANGO_ALIGN_RIGHT, 1, 1);

  gk_ruled_table_append_row (table, GK_RULED_ROW_HEADER);
  add_label (table, 0, "项目总体目标", 1);
  add_value (table, 1, gk_project_get_goal (project), PANGO_ALIGN_LEFT, 1, 6);

  gk_ruled_table_append_row (table, GK_RULED_ROW_HEADER);
  add_label (table, 0, "一级指标", 1);
  add_label (table, 1, "二级指标", 1);
  add_label (table, 2, "三级指标", 3);
  add_label (table, 5, "指标值（包含数字及文字描述）", 2);

  indicators = gk_project_get_indicators (project);
  n = g_list_model_get_n_items (indicators);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);

      gk_ruled_table_append_row (table, GK_RULED_ROW_DEFAULT);
      if (i == level1_end)
        {
          guint span = run_length (indicators, i, FALSE);
          add_value (table, 0, gk_indicator_get_level1 (indicator), PANGO_ALIGN_CENTER, span, 1);
          level1_end = i + span;
        }
      if (i == level2_end)
        {
          guint span = run_length (indicators, i, TRUE);
          add_value (table, 1, gk_indicator_get_level2 (indicator), PANGO_ALIGN_CENTER, span, 1);
          level2_end = i + span;
        }
      add_value (table, 2, gk_indicator_get_name (indicator), PANGO_ALIGN_LEFT, 1, 3);
      add_value (table, 5, gk_indicator_get_target (indicator), PANGO_ALIGN_CENTER, 1, 2);
    }
  if (n == 0)
    {
      gk_ruled_table_append_row (table, GK_RULED_ROW_DEFAULT);
      add_value (table, 0, "未设定绩效指标", PANGO_ALIGN_CENTER, 1, G_N_ELEMENTS (performance_shares));
    }
  return table;
}
