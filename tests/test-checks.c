/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "gk-check-cli.h"
#include "gk-checker-private.h"
#include "gk-document-io.h"
#include "gk-narrative.h"
#include "gk-row-private.h"
#include "gk-table-private.h"
#include "gk-test-checks.h"

/* Every rule has a case that breaks it and a clean case: the small
 * document below satisfies every rule (no error, no warning); each case
 * breaks one thing, through the editing API as a user would, or behind the
 * model's back (private API) for what the model derives. The checker is
 * created before the break, so each case also tests the incremental
 * re-check. */

/* A small document --------------------------------------------------------- */

static GkRow *
row_of (GkDocument *document,
        const char *table_id,
        const char *code)
{
  GkTable *table = gk_document_get_table (document, table_id);
  g_autoptr(GError) error = NULL;
  GkRow *row = gk_table_lookup (table, code);

  if (row == NULL)
    {
      row = gk_document_add_row (document, table, code, NULL, &error);
      g_assert_no_error (error);
    }
  return row;
}

static void
set_cell (GkDocument *document,
          const char *table_id,
          const char *code,
          const char *column,
          const char *text)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GkRow *row = code != NULL ? row_of (document, table_id, code) : gk_table_get_single_row (table);
  g_autoptr(GError) error = NULL;

  gk_document_set_amount_text (document, row, gk_table_column_index (table, column), text, &error);
  g_assert_no_error (error);
}

static void
set_prior (GkDocument *document,
           const char *key,
           gint64      amount,
           const char *reason)
{
  GkPrior *prior = gk_document_ensure_prior (document, key);

  gk_document_set_int (document, prior, "amount", amount);
  gk_document_set_text (document, prior, "basis", GK_PRIOR_BASIS_BUDGET);
  gk_document_set_text (document, prior, "reason", reason);
}

static GkProject *
first_project (GkDocument *document)
{
  g_autoptr(GkProject) project = g_list_model_get_item (gk_document_get_projects (document), 0);
  return project;
}

/* 表二/三/五 by two 项, 表六 by two 款, one project, 表八, an empty 表九
 * with its sentence, and last year's figures with reasons. */
static GkDocument *
clean_document (void)
{
  GkDocument *document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GkIndicator) indicator = gk_indicator_new ("产出指标", "数量指标", "开展培训", "2次");
  GkProject *project;

  g_object_set (document, "date", "2020-02-03", NULL);
  set_cell (document, "income", "2010301", "general", "100.00");
  set_cell (document, "income", "2080505", "general", "20.00");
  for (guint i = 0; i < 2; i++)
    {
      const char *t = i == 0 ? "expenditure" : "general-expenditure";
      set_cell (document, t, "2010301", "basic", "80.00");
      set_cell (document, t, "2010301", "project", "20.00");
      set_cell (document, t, "2080505", "basic", "20.00");
    }
  set_cell (document, "basic-expenditure", "30101", "total", "70.00");
  set_cell (document, "basic-expenditure", "30201", "total", "30.00");

  project = gk_document_add_project (document, "测试项目", "2010301");
  gk_document_set_amount_text (document, gk_project_get_row (project),
                               gk_table_column_index (gk_document_get_table (document, "project-expenditure"), "e302"),
                               "20.00", NULL);
  gk_document_set_text (document, project, "basis", "按照有关文件。");
  gk_document_set_text (document, project, "owner", "测试单位");
  gk_document_set_text (document, project, "allocation", "培训。");
  gk_document_set_text (document, project, "period", "2020年1月至2020年12月");
  gk_document_set_text (document, project, "goal", "完成培训。");
  gk_document_list_insert (document, gk_project_get_indicators (project), 0, indicator);

  set_cell (document, "sangong", NULL, "abroad", "0.00");
  set_cell (document, "sangong", NULL, "vehicle-purchase", "0.00");
  set_cell (document, "sangong", NULL, "vehicle-operation", "0.00");
  set_cell (document, "sangong", NULL, "reception", "1.00");
  gk_document_set_text (document, gk_document_get_table (document, "fund-expenditure"), "empty-explanation",
                        "2020年没有使用政府性基金预算拨款安排的支出。");

  set_prior (document, "income.general", 11000, "人员增加");
  set_prior (document, "expenditure.basic", 9000, "人员增加");
  set_prior (document, "expenditure.project", 2500, "项目减少");
  set_prior (document, "general.total", 11000, "人员增加");
  set_prior (document, "function.2010301", 9500, "人员增加");
  set_prior (document, "function.2080505", 2000, "");
  set_prior (document, "sangong.total", 100, "");
  set_prior (document, "sangong.abroad", 0, "");
  set_prior (document, "sangong.vehicle-purchase", 0, "");
  set_prior (document, "sangong.vehicle-operation", 0, "");
  set_prior (document, "sangong.reception", 100, "");
  set_prior (document, "running-costs", 3000, "");
  return document;
}

static GkRow *
line_of (GkDocument *document,
         const char *table_id,
         const char *line_id)
{
  GkRow *row = gk_table_lookup_line (gk_document_get_table (document, table_id), line_id);

  g_assert_nonnull (row);
  return row;
}

static void
hand (GkDocument *document,
      const char *id,
      const char *text)
{
  gk_document_set_hand_written (document, id, text);
}

/* The cases ----------------------------------------------------------------- */

static void break_subtotal (GkDocument *d) { store (row_of (d, "expenditure", "20103"), "basic", "99.00"); }
/* A 项 changed behind the model's back: its 款 is not derived again. */
static void break_subtotal_child (GkDocument *d) { store (row_of (d, "expenditure", "2010301"), "project", "25.00"); }
static void
break_subtotal_project (GkDocument *d)
{
  set_cell (d, "basic-expenditure", "30201", "total", "31.00");   /* an edit the model derives */
  store (gk_project_get_row (first_project (d)), "e302", "21.00");
}
static void break_row_total (GkDocument *d) { store (row_of (d, "expenditure", "2010301"), "total", "99.00"); }
static void break_row_total_t8 (GkDocument *d) { store (gk_table_get_single_row (gk_document_get_table (d, "sangong")), "vehicle", "3.00"); }
static void break_row_total_t6 (GkDocument *d) { store (row_of (d, "basic-expenditure", "30101"), "total", "71.00"); }
static void break_grand_total (GkDocument *d) { store (gk_table_get_total_row (gk_document_get_table (d, "expenditure")), "basic", "1.00"); }
static void break_personnel (GkDocument *d)
{
  store (row_of (d, "basic-expenditure", "30101"), "personnel", "0.00");
  store (row_of (d, "basic-expenditure", "30101"), "public", "70.00");
}
static void break_t1_balance (GkDocument *d) { store (line_of (d, "income-summary", "income-total"), "amount", "1.00"); }
static void break_t1_income (GkDocument *d) { store (line_of (d, "income-summary", "general"), "amount", "1.00"); }
static void break_t1_expenditure (GkDocument *d) { store (line_of (d, "income-summary", "201"), "amount", "1.00"); }
static void break_t2_t3 (GkDocument *d) { set_cell (d, "income", "2010301", "general", "90.00"); }
static void break_t4_private (GkDocument *d) { store (line_of (d, "fiscal-summary", "general"), "total", "1.00"); }
static void break_t4_balance (GkDocument *d) { set_cell (d, "general-expenditure", "2010301", "basic", "70.00"); }
static void break_t5_t3 (GkDocument *d) { set_cell (d, "general-expenditure", "2010301", "basic", "90.00"); }
static void break_t5_t6 (GkDocument *d) { set_cell (d, "basic-expenditure", "30101", "total", "60.00"); }
static void
break_t3_t7 (GkDocument *d)
{
  gk_document_set_amount_text (d, gk_project_get_row (first_project (d)),
                               gk_table_column_index (gk_document_get_table (d, "project-expenditure"), "e302"), "15.00", NULL);
}
static void
break_t8_t6 (GkDocument *d)
{
  set_cell (d, "basic-expenditure", "30201", "total", "25.00");
  set_cell (d, "basic-expenditure", "30217", "total", "5.00");
}
static void break_t9_t4 (GkDocument *d) { store (gk_table_get_total_row (gk_document_get_table (d, "fund-expenditure")), "total", "5.00"); }

static void break_figure (GkDocument *d) { hand (d, "s6.total", "测试单位一般公共预算基本支出 99 万元，其中："); }
static void clean_figure (GkDocument *d) { hand (d, "s6.total", "测试单位一般公共预算基本支出 100 万元，其中："); }
static void break_figure_yuan (GkDocument *d) { hand (d, "s6.total", "测试单位一般公共预算基本支出 999999 元，其中："); }
static void clean_figure_yuan (GkDocument *d) { hand (d, "s6.total", "测试单位一般公共预算基本支出 1,000,000 元，其中："); }
static void
break_shares (GkDocument *d)
{
  hand (d, "s3.expenditure.basic", "基本支出 100 万元，占 83.34%，比上年增加 10 万元，主要原因是人员增加；");
}
static void
clean_shares (GkDocument *d)
{
  hand (d, "s3.expenditure.basic", "基本支出 100 万元，占 83.33%，比上年增加 10 万元，主要原因是人员增加；");
  hand (d, "s3.expenditure.project", "项目支出 20 万元，占 16.67%，比上年减少 5 万元，主要原因是项目减少。");
}
static void
break_shares_sum (GkDocument *d)
{
  /* Each is off by one hundredth, and together they make 99.99%. */
  hand (d, "s3.expenditure.basic", "基本支出 100 万元，占 83.33%，比上年增加 10 万元，主要原因是人员增加；");
  hand (d, "s3.expenditure.project", "项目支出 20 万元，占 16.66%，比上年减少 5 万元，主要原因是项目减少。");
}
#define ITEM "1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）2020年预算数为100万元，"
static void break_change_base (GkDocument *d) { hand (d, "s5.item.2010301", ITEM "比上年执行数增加5万元，增长5.00%，主要原因是人员增加。"); }
static void clean_change (GkDocument *d) { hand (d, "s5.item.2010301", ITEM "比上年执行数增加5万元，增长5.26%，主要原因是人员增加。"); }
static void clean_change_rounded (GkDocument *d) { hand (d, "s5.item.2010301", ITEM "比上年执行数增加5万元，增长5.3%，主要原因是人员增加。"); }
static void break_change_percent (GkDocument *d) { hand (d, "s5.item.2010301", ITEM "比上年执行数增加5万元，增长6.00%，主要原因是人员增加。"); }
static void
break_change_percent_zero (GkDocument *d)
{
  set_prior (d, "function.2080505", 0, "新增");
  hand (d, "s5.item.2080505", "2.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）"
                              "2020年预算数为20万元，比上年执行数增加20万元，增长100%，主要原因是新增。");
}
static void break_change_word (GkDocument *d) { hand (d, "s5.item.2010301", ITEM "比上年执行数减少5万元，下降5.26%，主要原因是人员增加。"); }
static void break_change_word_flat (GkDocument *d) { hand (d, "s5.item.2010301", ITEM "与上年执行数持平。"); }
static void
break_change_word_zero (GkDocument *d)
{
  hand (d, "s5.item.2080505", "2.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）"
                              "2020年预算数为20万元，比上年执行数增加0万元。");
}
static void break_change_amount (GkDocument *d) { hand (d, "s5.item.2010301", ITEM "比上年执行数增加6万元，主要原因是人员增加。"); }
static void break_reason_direction (GkDocument *d) { hand (d, "s5.item.2010301", ITEM "比上年执行数增加5万元，增长5.26%，主要原因是本年人员减少，预算经费压减；"); }
static void break_reason_hand (GkDocument *d) { hand (d, "s5.item.2010301", ITEM "比上年执行数增加5万元，增长5.26%。"); }
static void
break_reason_composed (GkDocument *d)
{
  gk_document_set_text (d, gk_document_ensure_prior (d, "function.2010301"), "reason", "");
}
static void break_prior_composed (GkDocument *d) { gk_document_remove_prior (d, "general.total"); }
static void
break_prior_hand (GkDocument *d)
{
  gk_document_remove_prior (d, "function.2010301");
  hand (d, "s5.item.2010301", ITEM "比上年执行数增加5万元，主要原因是人员增加。");
}
static void break_project_name (GkDocument *d)
{
  g_autofree char *id = g_strdup_printf ("s7.project.%s", gk_project_get_id (first_project (d)));
  hand (d, id, "（一）项目名称：测试项目经费");
}
static void clean_project_name (GkDocument *d)
{
  g_autofree char *id = g_strdup_printf ("s7.project.%s", gk_project_get_id (first_project (d)));
  hand (d, id, "（一）项目名称：测试项目");
}
static void break_project_rename (GkDocument *d)
{
  clean_project_name (d);
  gk_document_set_text (d, first_project (d), "name", "测试项目二");
}
static void break_items_name (GkDocument *d) { hand (d, "s6.public", "公用经费 30 万元，主要包括：办公经费。"); }
static void break_items_missing (GkDocument *d) { hand (d, "s6.personnel", "人员经费 70 万元，主要包括：津贴补贴。"); }
static void clean_items (GkDocument *d)
{
  hand (d, "s6.personnel", "人员经费 70 万元，主要包括：基本工资。");
  hand (d, "s6.public", "公用经费 30 万元，主要包括：办公费。");
}
static void break_running (GkDocument *d) { hand (d, "s10.running", "2020年，测试单位的机关运行经费财政拨款预算35万元，与上年预算持平。"); }
static void clean_running (GkDocument *d) { hand (d, "s10.running", "2020年，测试单位的机关运行经费财政拨款预算30万元，与上年预算持平。"); }
static void clean_running_explained (GkDocument *d)
{
  hand (d, "s10.running", "2020年，测试单位的机关运行经费财政拨款预算35万元（口径包含下属单位的公用经费），与上年预算持平。");
}
static void
break_procurement (GkDocument *d)
{
  GkExplanation *e = gk_document_get_explanation (d);
  gk_document_set_int (d, e, "procurement-goods", 500);
  gk_document_set_int (d, e, "procurement-sme-reserved", 1000);
}
static void
break_procurement_text (GkDocument *d)
{
  gk_document_set_int (d, gk_document_get_explanation (d), "procurement-goods", 500);
  hand (d, "s10.procurement", "2020年，测试单位政府采购预算8万元，其中：政府采购货物预算5万元，政府采购工程预算0万元，政府采购服务预算0万元。");
}
static void
clean_procurement_text (GkDocument *d)
{
  gk_document_set_int (d, gk_document_get_explanation (d), "procurement-goods", 500);
  hand (d, "s10.procurement", "2020年，测试单位政府采购预算5万元，其中：政府采购货物预算5万元，政府采购工程预算0万元，政府采购服务预算0万元。");
}
static void break_performance (GkDocument *d) { gk_document_list_remove (d, gk_project_get_indicators (first_project (d)), 0); }
static void
break_performance_row (GkDocument *d)
{
  g_autoptr(GkIndicator) stray = gk_indicator_new ("", "", "", "14人");
  gk_document_list_insert (d, gk_project_get_indicators (first_project (d)), 1, stray);
}
static void break_performance_text (GkDocument *d) { hand (d, "s10.performance", "本年度实行绩效管理的项目 2 个，涉及预算金额 20 万元。"); }
static void clean_performance_text (GkDocument *d) { hand (d, "s10.performance", "本年度实行绩效管理的项目 1 个，涉及预算金额 20 万元。"); }
static void break_vehicles (GkDocument *d) { set_cell (d, "sangong", NULL, "vehicle-purchase", "10.00"); }
static void
break_vehicles_text (GkDocument *d)
{
  hand (d, "s10.assets.vehicles", "2.车辆2辆，价值20万元；其中：一般公务用车1辆，价值10万元。");
}
static void
clean_vehicles_text (GkDocument *d)
{
  GkExplanation *e = gk_document_get_explanation (d);
  gk_document_set_int (d, e, "general-vehicles", 1);
  gk_document_set_int (d, e, "general-vehicles-value", 1000);
  hand (d, "s10.assets.vehicles", "2.车辆1辆，价值10万元；其中：一般公务用车1辆，价值10万元；执法执勤用车0辆，价值0万元。");
}
static void
staff (GkDocument *d,
       const char *text)
{
  GkOverview *o = gk_document_get_overview (d);
  gk_document_set_int (d, o, "serving", 5);
  gk_document_set_int (d, o, "serving-change", -1);
  gk_document_set_int (d, o, "retired", 6);
  gk_document_set_text (d, o, "structure", text);
}
static void break_staff (GkDocument *d) { staff (d, "编制数 10 人，实有人数 12 人，其中：在职 5 人，减少 1 人；退休 6 人。"); }
static void break_staff_change (GkDocument *d) { staff (d, "编制数 10 人，实有人数 11 人，其中：在职 5 人，增加 1 人；退休 6 人。"); }
static void clean_staff (GkDocument *d) { staff (d, "实有人数 11 人，其中：在职 5 人，减少 1 人；退休 6 人，离休 0 人。"); }
static void break_placeholder (GkDocument *d) { gk_document_set_text (d, first_project (d), "basis", "待填写"); }
static void break_placeholder_unit (GkDocument *d) { gk_document_set_text (d, d, "unit", "XX单位"); }
static void break_zero_row (GkDocument *d) { set_cell (d, "basic-expenditure", "30199", "total", "0.00"); }
static void break_decimals (GkDocument *d) { hand (d, "s10.other", "另有结转资金7.925万元。"); }
static void break_date (GkDocument *d) { gk_document_set_text (d, d, "date", "2019-12-31"); }
static void break_year_text (GkDocument *d) { hand (d, "s10.other", "2019年部门预算无其他需说明的事项。"); }
static void clean_year_text (GkDocument *d) { hand (d, "s10.other", "截至2019年底无其他需说明的事项，比2019年预算减少。"); }
static void break_period (GkDocument *d) { gk_document_set_text (d, first_project (d), "period", "2019年1月至2019年12月"); }
static void break_empty (GkDocument *d) { gk_document_set_text (d, gk_document_get_table (d, "fund-expenditure"), "empty-explanation", ""); }
static void break_not_empty (GkDocument *d) { set_cell (d, "fund-expenditure", "212", "basic", "5.00"); }
static void
break_class_name (GkDocument *d)
{
  set_cell (d, "expenditure", "21007", "basic", "1.00");
  gk_document_set_code_name (d, GK_CLASSIFICATION_FUNCTION, "210", "医疗卫生与计划生育支出", NULL);
}
static void
break_class_name_text (GkDocument *d)
{
  set_cell (d, "expenditure", "21007", "basic", "1.00");
  hand (d, "s1.expenditure", "支出预算包括：一般公共服务支出、社会保障和就业支出、医疗卫生与计划生育支出。");
}
static void
break_income_list (GkDocument *d)
{
  hand (d, "s1.income", "收入预算包括：一般公共预算、政府性基金预算。");
}
static void
clean_lists (GkDocument *d)
{
  hand (d, "s1.income", "收入预算包括：一般公共预算。");
  hand (d, "s1.expenditure", "支出预算包括：一般公共服务支出、社会保障和就业支出。");
}

typedef struct
{
  const char *rule;
  void      (*apply) (GkDocument *document);
  gboolean    fires;
} Case;

static const Case cases[] = {
  { "table.subtotal", break_subtotal, TRUE },
  { "table.subtotal", break_subtotal_child, TRUE },
  { "table.subtotal", break_subtotal_project, TRUE },
  { "table.subtotal", break_t2_t3, FALSE },
  { "table.row-total", break_row_total, TRUE },
  { "table.row-total", break_row_total_t8, TRUE },
  { "table.row-total", break_row_total_t6, TRUE },
  { "table.grand-total", break_grand_total, TRUE },
  { "basic.personnel-public", break_personnel, TRUE },
  { "cross.summary-balance", break_t1_balance, TRUE },
  { "cross.summary-income", break_t1_income, TRUE },
  { "cross.summary-expenditure", break_t1_expenditure, TRUE },
  { "cross.income-expenditure", break_t2_t3, TRUE },
  { "cross.fiscal-summary", break_t4_private, TRUE },
  { "cross.fiscal-summary", break_t4_balance, TRUE },
  { "cross.general-expenditure", break_t5_t3, TRUE },
  { "cross.general-basic", break_t5_t6, TRUE },
  { "cross.expenditure-projects", break_t3_t7, TRUE },
  { "cross.sangong-basic", break_t8_t6, TRUE },
  { "cross.fund-fiscal", break_t9_t4, TRUE },
  { "narrative.figure", break_figure, TRUE },
  { "narrative.figure", clean_figure, FALSE },
  { "narrative.figure", break_figure_yuan, TRUE },
  { "narrative.figure", clean_figure_yuan, FALSE },
  { "narrative.figure", break_change_amount, TRUE },
  { "narrative.figure", break_income_list, TRUE },
  { "narrative.figure", clean_lists, FALSE },
  { "narrative.shares", break_shares, TRUE },
  { "narrative.shares", break_shares_sum, TRUE },
  { "narrative.shares", clean_shares, FALSE },
  { "narrative.change-base", break_change_base, TRUE },
  { "narrative.change-base", clean_change, FALSE },
  { "narrative.change-percent", break_change_percent, TRUE },
  { "narrative.change-percent", break_change_percent_zero, TRUE },
  { "narrative.change-percent", clean_change, FALSE },
  { "narrative.change-percent", clean_change_rounded, FALSE },
  { "narrative.change-word", break_change_word, TRUE },
  { "narrative.change-word", break_change_word_flat, TRUE },
  { "narrative.change-word", break_change_word_zero, TRUE },
  { "narrative.change-word", clean_change, FALSE },
  { "narrative.reason", break_reason_hand, TRUE },
  { "narrative.reason", break_reason_composed, TRUE },
  { "narrative.reason", clean_change, FALSE },
  { "narrative.reason-direction", break_reason_direction, TRUE },
  { "narrative.reason-direction", clean_change, FALSE },
  { "narrative.prior-year", break_prior_composed, TRUE },
  { "narrative.prior-year", break_prior_hand, TRUE },
  { "narrative.project-name", break_project_name, TRUE },
  { "narrative.project-name", break_project_rename, TRUE },
  { "narrative.project-name", clean_project_name, FALSE },
  { "narrative.basic-items", break_items_name, TRUE },
  { "narrative.basic-items", break_items_missing, TRUE },
  { "narrative.basic-items", clean_items, FALSE },
  { "explanation.running-costs", break_running, TRUE },
  { "explanation.running-costs", clean_running, FALSE },
  { "explanation.running-costs", clean_running_explained, FALSE },
  { "explanation.procurement", break_procurement, TRUE },
  { "explanation.procurement", break_procurement_text, TRUE },
  { "explanation.procurement", clean_procurement_text, FALSE },
  { "explanation.performance", break_performance, TRUE },
  { "explanation.performance", break_performance_row, TRUE },
  { "explanation.performance", break_performance_text, TRUE },
  { "explanation.performance", clean_performance_text, FALSE },
  { "explanation.vehicles", break_vehicles, TRUE },
  { "explanation.vehicles", break_vehicles_text, TRUE },
  { "explanation.vehicles", clean_vehicles_text, FALSE },
  { "overview.staff", break_staff, TRUE },
  { "overview.staff", break_staff_change, TRUE },
  { "overview.staff", clean_staff, FALSE },
  { "format.placeholder", break_placeholder, TRUE },
  { "format.placeholder", break_placeholder_unit, TRUE },
  { "format.placeholder", break_zero_row, TRUE },
  { "format.decimals", break_decimals, TRUE },
  { "format.consistency", break_date, TRUE },
  { "format.consistency", break_year_text, TRUE },
  { "format.consistency", break_period, TRUE },
  { "format.consistency", clean_year_text, FALSE },
  { "format.empty-table", break_empty, TRUE },
  { "format.empty-table", break_not_empty, TRUE },
  { "format.class-name-year", break_class_name, TRUE },
  { "format.class-name-year", break_class_name_text, TRUE },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GkDocument) document = clean_document ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  guint found;

  print_findings (checker);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, 0);
  g_assert_cmpuint (gk_checker_get_n_warnings (checker), ==, 0);

  c->apply (document);
  /* Edits behind the model's back announce nothing at the end. */
  gk_checker_update (checker);
  print_findings (checker);
  found = gk_checker_count_rule (checker, c->rule);
  if (c->fires)
    g_assert_cmpuint (found, >, 0);
  else
    g_assert_cmpuint (found, ==, 0);

  /* The incremental result is the full one. */
  {
    g_autoptr(GkChecker) fresh = gk_checker_new (document);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (checker)));
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fresh)); i++)
      {
        g_autoptr(GkFinding) a = g_list_model_get_item (G_LIST_MODEL (fresh), i);
        g_autoptr(GkFinding) b = g_list_model_get_item (G_LIST_MODEL (checker), i);
        g_assert_true (gk_finding_equal (a, b));
      }
  }
}

/* Rules that only a template can make fire, with the program that breaks
 * them and keeps them clean. */
static const char * const cased_elsewhere[] = {
  "format.unit-rounding",   /* test-units: a 万元 table in a 元 document */
  "overall.tasks-expenditure", /* test-overall-performance: jiangxi-2022-town's 表十 */
  "overall.incomplete",     /* test-overall-performance */
  "table.stated",           /* test-import-pdf: a printed 类 that is not the sum of its 项 */
  /* test-budget-link; test-final: each 决算 identity broken once; test-checks-final; test-final-matters */
  "final.budget-figure", "final.over-budget", "final.completion-rate", "final.carryover", "final.balance",
  "final.grand-total", "final.closing", "final.fund-row", "final.tables", "final.sangong", "narrative.count-twice",
  "final.budget-change", "final.procurement", "final.under-budget", "narrative.fact", "performance.name", /* test-outline-kinds */
  NULL,
};

/* Every rule of the catalogue has a case that makes it fire. */
static void
test_every_rule_has_a_case (void)
{
  guint n_rules;
  const GkCheckRule *rules = gk_check_get_rules (&n_rules);

  for (guint r = 0; r < n_rules; r++)
    {
      gboolean breaks = FALSE, clean = FALSE;

      if (g_strv_contains (cased_elsewhere, rules[r].id))
        continue;

      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        if (g_str_equal (cases[c].rule, rules[r].id))
          {
            breaks |= cases[c].fires;
            clean = TRUE;
          }
      if (!breaks)
        g_test_message ("rule %s has no breaking case", rules[r].id);
      g_assert_true (breaks && clean);
      g_assert_nonnull (gk_check_rule_get_title (&rules[r]));
      g_assert_true (gk_check_lookup_rule (rules[r].id) == &rules[r]);
    }
}

/* Objects ------------------------------------------------------------------- */

static void
test_finding_new (void)
{
  GkFinding *finding = gk_finding_new ("table.subtotal", "message");
  g_autofree char *location = NULL;

  gk_finding_add_place (finding, "expenditure", "20103", "basic");
  gk_finding_add_place (finding, "sangong", NULL, "abroad");
  g_assert_cmpstr (gk_finding_get_rule_id (finding), ==, "table.subtotal");
  g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_ERROR);
  location = gk_finding_dup_location (finding);
  g_assert_cmpstr (location, ==, "expenditure/20103/basic,sangong//abroad");
  g_assert_true (gk_finding_involves (finding, "expenditure", "20103", NULL));
  g_assert_false (gk_finding_involves (finding, "expenditure", "201", NULL));
  g_assert_finalize_object (finding);
}

static void
test_checker_new (void)
{
  GkDocument *document = gk_document_new ();
  GkChecker *checker = gk_checker_new (document);

  g_assert_true (gk_checker_get_document (checker) == document);
  g_assert_finalize_object (checker);
  g_assert_finalize_object (document);
}

static void
test_clean_document (void)
{
  g_autoptr(GkDocument) document = clean_document ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  print_findings (checker);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checker)), ==, 0);
}

static void
test_sample_clean (void)
{
  g_autoptr(GkDocument) document = load ("../data/samples/urumqi-county-government-office-2020.gongkai");
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  print_findings (checker);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, 0);
}

/* The composed 情况说明, typed back by hand word for word, states nothing
 * the tables contradict: the checker reads what the composer writes. */
static void
test_composed_text_is_clean (gconstpointer data)
{
  g_autoptr(GkDocument) document = data != NULL ? load (data) : clean_document ();
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  g_autoptr(GkChecker) checker = NULL;
  guint n = 0, n_claims = 0, n_subjects = 0;

  gk_document_begin_action (document, "hand-write everything");
  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          g_autofree char *text = gk_paragraph_dup_text (paragraph);

          if (paragraph->style == GK_PARAGRAPH_PERFORMANCE || text[0] == '\0')
            continue;
          gk_document_set_hand_written (document, paragraph->id, text);
          n++;
          {
            g_autoptr(GkClaimText) claims = gk_claim_text_parse (document, paragraph->id,
                                                                 gk_check_section_of (paragraph->id), text);
            n_claims += claims->claims->len;
            for (guint c = 0; c < claims->claims->len; c++)
              n_subjects += ((GkClaim *) claims->claims->pdata[c])->subject != NULL;
          }
        }
    }
  gk_document_end_action (document);
  g_test_message ("%u paragraphs, %u figures read, %u of them placed", n, n_claims, n_subjects);
  /* The text was read, not skipped: its figures were found and placed. */
  g_assert_cmpuint (n, >, 20);
  g_assert_cmpuint (n_claims, >, 30);
  g_assert_cmpuint (n_subjects, ==, n_claims);

  checker = gk_checker_new (document);
  print_findings (checker);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, 0);
  g_assert_cmpuint (gk_checker_get_n_warnings (checker), ==, 0);
}

/* Incremental re-checking ---------------------------------------------------- */

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *n)
{
  (*n)++;
}

static void
test_undo_redo (void)
{
  g_autoptr(GkDocument) document = clean_document ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  guint n_changes = 0;

  g_signal_connect (checker, "items-changed", G_CALLBACK (count_changes), &n_changes);
  break_t2_t3 (document);
  g_assert_cmpuint (gk_checker_count_rule (checker, "cross.income-expenditure"), ==, 1);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), >, 0);
  g_assert_cmpuint (n_changes, >, 0);

  g_assert_true (gk_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checker)), ==, 0);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, 0);
  g_assert_true (gk_document_redo (document));
  g_assert_cmpuint (gk_checker_count_rule (checker, "cross.income-expenditure"), ==, 1);
}

/* An edit runs only the checks that read what it changed, and a finding that
 * stays is the same object. */
static void
test_scoped (void)
{
  g_autoptr(GkDocument) document = clean_document ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GkFinding) standing = NULL;
  g_autoptr(GkFinding) after = NULL;
  guint t7_runs, t6_runs, text_runs;

  break_project_name (document);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checker)), ==, 1);
  standing = g_list_model_get_item (G_LIST_MODEL (checker), 0);

  t7_runs = gk_checker_get_n_runs (checker, "cross.expenditure-projects");
  t6_runs = gk_checker_get_n_runs (checker, "cross.general-basic");
  text_runs = gk_checker_get_n_runs (checker, "format.projects");
  set_cell (document, "basic-expenditure", "30201", "total", "31.00");
  g_assert_cmpuint (gk_checker_get_n_runs (checker, "cross.expenditure-projects"), ==, t7_runs);
  g_assert_cmpuint (gk_checker_get_n_runs (checker, "format.projects"), ==, text_runs);
  g_assert_cmpuint (gk_checker_get_n_runs (checker, "cross.general-basic"), ==, t6_runs + 1);
  g_assert_cmpuint (gk_checker_count_rule (checker, "cross.general-basic"), ==, 1);

  /* The text's name is still wrong, and still the same finding. */
  g_assert_cmpuint (gk_checker_count_rule (checker, "narrative.project-name"), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      if (g_str_equal (gk_finding_get_rule_id (finding), "narrative.project-name"))
        g_set_object (&after, finding);
    }
  g_assert_true (after == standing);

  /* A project's text runs the project checks, not the tables'. */
  t7_runs = gk_checker_get_n_runs (checker, "cross.expenditure-projects");
  gk_document_set_text (document, first_project (document), "basis", "按照新文件。");
  g_assert_cmpuint (gk_checker_get_n_runs (checker, "format.projects"), ==, text_runs + 1);
  g_assert_cmpuint (gk_checker_get_n_runs (checker, "cross.expenditure-projects"), ==, t7_runs);
}

static void
assert_same_as_fresh (GkChecker  *checker,
                      GkDocument *document)
{
  g_autoptr(GkChecker) fresh = gk_checker_new (document);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fresh));

  if (n != g_list_model_get_n_items (G_LIST_MODEL (checker)))
    {
      g_test_message ("incremental:");
      print_findings (checker);
      g_test_message ("fresh:");
      print_findings (fresh);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (checker)), ==, n);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, gk_checker_get_n_errors (fresh));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkFinding) a = g_list_model_get_item (G_LIST_MODEL (fresh), i);
      g_autoptr(GkFinding) b = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_assert_true (gk_finding_equal (a, b));
    }
}

/* Many edits in a row, undone and redone: after each, what the checker
 * kept up to date equals what a new checker finds. */
static void
test_random_edits (void)
{
  static const char * const cells[][3] = {
    { "income", "2010301", "general" }, { "income", "2080505", "general" }, { "income", "2010399", "general" },
    { "expenditure", "2010301", "basic" }, { "expenditure", "2010301", "project" }, { "expenditure", "2080505", "basic" },
    { "expenditure", "2010399", "project" }, { "general-expenditure", "2010301", "basic" }, { "general-expenditure", "2010399", "project" },
    { "basic-expenditure", "30101", "total" }, { "basic-expenditure", "30201", "total" }, { "basic-expenditure", "30217", "total" },
    { "fund-expenditure", "212", "basic" },
  };
  static const char * const texts[][2] = {
    { "s6.total", "测试单位一般公共预算基本支出 100 万元，其中：" },
    { "s3.expenditure.basic", "基本支出 100 万元，占 83.34%，比上年增加 10 万元；" },
    { "s6.public", "公用经费 30 万元，主要包括：办公经费。" },
    { "s10.other", "2019年部门预算无其他需说明的事项7.925万元。" },
    { "s5.item.2010301", ITEM "比上年执行数减少5万元，下降5.26%。" },
  };
  static const char * const amounts[] = { NULL, "0.00", "5.00", "20.00", "80.00", "100.00" };
  static const char * const derived[] = {
    "table.subtotal", "table.row-total", "table.grand-total", "basic.personnel-public",
    "cross.summary-income", "cross.summary-expenditure", "cross.fund-fiscal",
  };
  g_autoptr(GkDocument) document = clean_document ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20200203);

  for (guint step = 0; step < 300; step++)
    {
      guint what = g_rand_int_range (rand, 0, 10);

      if (what <= 3)
        {
          guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (cells));
          set_cell (document, cells[c][0], cells[c][1], cells[c][2],
                    amounts[g_rand_int_range (rand, 1, G_N_ELEMENTS (amounts))]);
        }
      else if (what == 4)
        {
          guint t = g_rand_int_range (rand, 0, G_N_ELEMENTS (texts));
          hand (document, texts[t][0], g_rand_boolean (rand) ? texts[t][1] : NULL);
        }
      else if (what == 5)
        {
          GListModel *projects = gk_document_get_projects (document);
          guint n = g_list_model_get_n_items (projects);

          if (n < 4 && g_rand_boolean (rand))
            {
              GkProject *project = gk_document_add_project (document, "新项目", g_rand_boolean (rand) ? "2010301" : "2010399");
              gk_document_set_amount_text (document, gk_project_get_row (project),
                                           gk_table_column_index (gk_document_get_table (document, "project-expenditure"), "e302"),
                                           amounts[g_rand_int_range (rand, 1, G_N_ELEMENTS (amounts))], NULL);
            }
          else if (n > 0)
            {
              g_autoptr(GkProject) project = g_list_model_get_item (projects, g_rand_int_range (rand, 0, n));
              gk_document_set_text (document, project, "name", g_rand_boolean (rand) ? "测试项目" : "改名项目");
            }
        }
      else if (what == 6)
        {
          GkTable *t3 = gk_document_get_table (document, "expenditure");
          GkRow *row = gk_table_lookup (t3, "2010399");

          if (row != NULL)
            gk_document_remove_row (document, row);
          else
            set_cell (document, "expenditure", "2010399", "project", "5.00");
        }
      else if (what == 7)
        set_prior (document, "function.2010301", g_rand_int_range (rand, 0, 12000), g_rand_boolean (rand) ? "人员增加" : "");
      else if (what == 8)
        gk_document_undo (document);
      else
        gk_document_redo (document);

      assert_same_as_fresh (checker, document);
      /* What the model derives never breaks the rules on it. */
      for (guint r = 0; r < G_N_ELEMENTS (derived); r++)
        g_assert_cmpuint (gk_checker_count_rule (checker, derived[r]), ==, 0);
    }
}

static void
test_find (void)
{
  g_autoptr(GkDocument) document = clean_document ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GPtrArray) other = NULL;

  break_t2_t3 (document);
  cell = gk_checker_find (checker, "income", "2010301", "total");
  g_assert_cmpuint (cell->len, ==, 1);
  g_assert_cmpstr (gk_finding_get_rule_id (cell->pdata[0]), ==, "cross.income-expenditure");
  other = gk_checker_find (checker, "income", "2080505", NULL);
  g_assert_cmpuint (other->len, ==, 0);
}

/* Sorted by severity, then by table. */
static guint
part_rank (const char *part)
{
  static const char * const order[] = { "income-summary", "income", "expenditure", "fiscal-summary", "general-expenditure", "basic-expenditure", "project-expenditure", "sangong", "fund-expenditure",
                                        "overview", "narrative", "explanation", "projects" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_str_equal (order[i], part))
      return i;
  return G_N_ELEMENTS (order);
}

static void
test_order (void)
{
  g_autoptr(GkDocument) document = clean_document ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkCheckSeverity last = GK_CHECK_SEVERITY_ERROR;
  guint last_rank = 0;

  break_reason_composed (document);
  break_figure (document);
  break_t5_t6 (document);
  break_t2_t3 (document);
  print_findings (checker);
  g_assert_cmpuint (gk_checker_get_n_warnings (checker), >, 0);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), >, 2);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      guint rank = part_rank (gk_finding_get_place (finding, 0)->part);

      g_assert_cmpint (gk_finding_get_severity (finding), >=, last);
      if (gk_finding_get_severity (finding) != last)
        last_rank = 0;
      g_assert_cmpuint (rank, >=, last_rank);
      last = gk_finding_get_severity (finding);
      last_rank = rank;
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/finding/new", test_finding_new);
  g_test_add_func ("/checks/checker/new", test_checker_new);
  g_test_add_func ("/checks/clean-document", test_clean_document);
  g_test_add_func ("/checks/sample-clean", test_sample_clean);
  g_test_add_func ("/checks/every-rule-has-a-case", test_every_rule_has_a_case);
  g_test_add_data_func ("/checks/composed-text/clean-document", NULL, test_composed_text_is_clean);
  g_test_add_data_func ("/checks/composed-text/sample",
                        "../data/samples/urumqi-county-government-office-2020.gongkai",
                        test_composed_text_is_clean);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checks/rule/%s/%s-%u", cases[i].rule,
                                               cases[i].fires ? "breaks" : "clean", i);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/checks/incremental/undo-redo", test_undo_redo);
  g_test_add_func ("/checks/incremental/scoped", test_scoped);
  g_test_add_func ("/checks/incremental/random-edits", test_random_edits);
  g_test_add_func ("/checks/find", test_find);
  g_test_add_func ("/checks/order", test_order);

  return g_test_run ();
}
