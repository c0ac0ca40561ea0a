/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-disclosure-layout.h"
#include "gk-table-layout.h"
#include "gk-table-overall.h"

/* The 部门（单位）整体绩效目标表 as the units publish it: a first column
 * naming the three parts (年度主要任务, 年度绩效目标, 年度绩效指标) down
 * their rows, the tasks with their money and 合计, the goal across the
 * table, the indicators with equal 一级 and 二级指标 merged down the rows.
 * The tasks' figures come from the shared table layout, so that the PDF
 * and the spreadsheets print the same figures in the same unit. Printed
 * wording is the disclosure's own, Chinese whatever the interface
 * language. */

/* Part name, 任务名称 / 一级指标, 主要内容 / 二级指标, (主要内容) / 三级指标,
 * 总额 / (三级指标), 财政拨款 / 指标值, 其他资金 / (指标值). */
static const double shares[] = { 0.10, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15 };

static void
cell (GkRuledTable   *table,
      guint           column,
      const char     *text,
      gboolean        label,
      PangoAlignment  alignment,
      guint           row_span,
      guint           column_span)
{
  gk_ruled_table_add_cell (table, column, text, label ? GK_TEXT_TABLE_HEADER : GK_TEXT_TABLE_CELL,
                           alignment, 0, row_span, column_span);
}

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

      if (g_strcmp0 (gk_indicator_get_level1 (next), gk_indicator_get_level1 (head)) != 0 ||
          (level2 && g_strcmp0 (gk_indicator_get_level2 (next), gk_indicator_get_level2 (head)) != 0))
        break;
    }
  return end - first;
}

/**
 * gk_disclosure_overall_new:
 *
 * The 整体绩效目标表 of @table (kind overall-performance).
 *
 * Returns: (transfer full): the table, to add to a page layout
 */
GkRuledTable *
gk_disclosure_overall_new (GkDocument *document,
                           GkTable    *table)
{
  g_autoptr(GkTableLayout) layout = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new ();
  GListModel *indicators;
  GkRuledTable *ruled;
  guint n, level1_end = 0, level2_end = 0;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table) && gk_table_is_overall_performance (table), NULL);

  layout = gk_table_layout_new (document, table);
  for (guint i = 0; i < layout->lines->len; i++)
    if (!((GkLayoutLine *) layout->lines->pdata[i])->plain)
      g_ptr_array_add (tasks, layout->lines->pdata[i]);

  ruled = gk_ruled_table_new (G_N_ELEMENTS (shares));
  for (guint c = 0; c < G_N_ELEMENTS (shares); c++)
    gk_ruled_table_set_column (ruled, c, GK_RULED_COLUMN_SHARE, shares[c]);

  /* 年度主要任务: two heading rows, then a row per task and the 合计. */
  gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
  cell (ruled, 0, "年度主要任务", TRUE, PANGO_ALIGN_CENTER, 2 + tasks->len, 1);
  cell (ruled, 1, "任务名称", TRUE, PANGO_ALIGN_CENTER, 2, 1);
  cell (ruled, 2, "主要内容", TRUE, PANGO_ALIGN_CENTER, 2, 2);
  cell (ruled, 4, "预算金额", TRUE, PANGO_ALIGN_CENTER, 1, 3);
  gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
  cell (ruled, 4, "总额", TRUE, PANGO_ALIGN_CENTER, 1, 1);
  cell (ruled, 5, "财政拨款", TRUE, PANGO_ALIGN_CENTER, 1, 1);
  cell (ruled, 6, "其他资金", TRUE, PANGO_ALIGN_CENTER, 1, 1);
  for (guint i = 0; i < tasks->len; i++)
    {
      GkLayoutLine *line = tasks->pdata[i];
      GkTextStyle style = line->total ? GK_TEXT_TABLE_TOTAL : GK_TEXT_TABLE_CELL;

      gk_ruled_table_append_row (ruled, line->total ? GK_RULED_ROW_TOTAL : GK_RULED_ROW_DEFAULT);
      gk_ruled_table_add_cell (ruled, 1, line->cells[0], style,
                               line->total ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, 0, 1, 1);
      gk_ruled_table_add_cell (ruled, 2, line->cells[1], style, PANGO_ALIGN_LEFT, 0, 1, 2);
      for (guint c = 0; c < 3 && 2 + c < layout->n_columns; c++)
        gk_ruled_table_add_cell (ruled, 4 + c, line->cells[2 + c], style, PANGO_ALIGN_RIGHT, 0, 1, 1);
    }

  gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
  cell (ruled, 0, "年度绩效目标", TRUE, PANGO_ALIGN_CENTER, 1, 1);
  cell (ruled, 1, gk_table_get_goal (table), FALSE, PANGO_ALIGN_LEFT, 1, 6);

  /* 年度绩效指标: a heading row, then a row per indicator. */
  indicators = gk_table_get_indicators (table);
  n = g_list_model_get_n_items (indicators);
  gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
  cell (ruled, 0, "年度绩效指标", TRUE, PANGO_ALIGN_CENTER, 1 + MAX (n, 1), 1);
  cell (ruled, 1, "一级指标", TRUE, PANGO_ALIGN_CENTER, 1, 1);
  cell (ruled, 2, "二级指标", TRUE, PANGO_ALIGN_CENTER, 1, 1);
  cell (ruled, 3, "三级指标", TRUE, PANGO_ALIGN_CENTER, 1, 2);
  cell (ruled, 5, "指标值（包含数字及文字描述）", TRUE, PANGO_ALIGN_CENTER, 1, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);

      gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
      if (i == level1_end)
        {
          guint span = run_length (indicators, i, FALSE);
          cell (ruled, 1, gk_indicator_get_level1 (indicator), FALSE, PANGO_ALIGN_CENTER, span, 1);
          level1_end = i + span;
        }
      if (i == level2_end)
        {
          guint span = run_length (indicators, i, TRUE);
          cell (ruled, 2, gk_indicator_get_level2 (indicator), FALSE, PANGO_ALIGN_CENTER, span, 1);
          level2_end = i + span;
        }
      cell (ruled, 3, gk_indicator_get_name (indicator), FALSE, PANGO_ALIGN_LEFT, 1, 2);
      cell (ruled, 5, gk_indicator_get_target (indicator), FALSE, PANGO_ALIGN_CENTER, 1, 2);
    }
  if (n == 0)
    {
      gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
      cell (ruled, 1, "未设定绩效指标", FALSE, PANGO_ALIGN_CENTER, 1, 6);
    }
  return ruled;
}
