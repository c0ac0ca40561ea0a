/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-test-final.h"

/* 情况说明 of a 决算: each kind's sentences and figures on a built
 * document (a rise, 持平, zero, over and under budget), the placeholders
 * where a figure or reason is missing, and the new facts through a save. */

static GkDocument *
built (void)
{
  GkDocument *document = gk_test_final_document ("测试局", 2024);

  gk_test_final_set (document, "final-income", "2010101", "fiscal", "100.00");
  gk_test_final_set (document, "final-income", "2010101", "business", "20.00");
  gk_test_final_set (document, "final-expenditure", "2010101", "basic", "90.00");
  gk_test_final_set (document, "final-expenditure", "2010101", "project", "30.00");
  gk_test_final_set (document, "final-general", "2010101", "basic", "50.00");
  gk_test_final_set (document, "final-general", "2050201", "project", "30.00");
  return document;
}

static void
test_totals (void)
{
  g_autoptr(GkDocument) document = built ();

  gk_test_final_says (document, "k.final-totals", "测试局2024年度收入支出总计120.00万元。与2023年度相比，收入支出总计（上年决算数未填写）。");
  gk_test_final_prior (document, "final.total", "100.00", "业务量增加");
  gk_test_final_says (document, "k.final-totals",
                      "测试局2024年度收入支出总计120.00万元。与2023年度相比，收入支出总计增加20.00万元，增长20.00%。主要原因：业务量增加。");
  gk_test_final_prior (document, "final.total", "150.00", "");
  gk_test_final_says (document, "k.final-totals", "减少30.00万元，下降20.00%。主要原因：（原因未填写）。");
  gk_test_final_prior (document, "final.total", "120.00", "");
  gk_test_final_says (document, "k.final-totals", "与2023年度相比，收入支出总计持平。");
  /* Without its summary table there is no total to state. */
  gk_test_final_says (document, "k.final-fiscal", "财政拨款收入支出总计（总计未取得）。");
}

static void
test_income_expenditure (void)
{
  g_autoptr(GkDocument) document = built ();
  g_autofree char *income = gk_test_final_paragraph (document, "k.final-income");

  g_assert_cmpstr (income, ==, "本年收入合计120.00万元，其中：财政拨款收入100.00万元，占83.33%；事业收入20.00万元，占16.67%。");
  /* 不涉及的不列 */
  g_assert_null (strstr (income, "经营收入"));
  gk_test_final_says (document, "k.final-expenditure",
                      "本年支出合计120.00万元，其中：基本支出90.00万元，占75.00%；项目支出30.00万元，占25.00%。");
}

static void
test_general (void)
{
  g_autoptr(GkDocument) document = built ();

  gk_test_final_says (document, "k.final-general.scale", "一般公共预算财政拨款支出80.00万元，占本年支出合计的66.67%。");
  gk_test_final_prior (document, "general.total", "80.00", NULL);
  gk_test_final_says (document, "k.final-general.scale", "与2023年度相比，一般公共预算财政拨款支出持平。");
  gk_test_final_says (document, "k.final-general.structure", "（类）50.00万元，占62.50%；教育支出（类）30.00万元，占37.50%。");

  /* No budget linked: the 年初预算 is not made up. */
  gk_test_final_says (document, "k.final-general.budget", "一般公共预算财政拨款支出年初预算为（年初预算数未取得），支出决算为80.00万元。");

  gk_test_final_budget (document, "general.total", "70.00", "追加教育项目");
  gk_test_final_budget (document, "general.2010101", "50.00", NULL);
  gk_test_final_budget (document, "general.2050201", "20.00", "追加教育项目");
  gk_document_set_text (document, gk_document_ensure_budget_figure (document, "general.2050201"), "purpose", "学前教育补助");
  gk_test_final_says (document, "k.final-general.budget",
                      "一般公共预算财政拨款支出年初预算为70.00万元，支出决算为80.00万元，完成年初预算的114.29%。"
                      "决算数大于预算数的主要原因：追加教育项目。其中：");
  gk_test_final_says (document, "k.final-general.2010101", "年初预算为50.00万元，支出决算为50.00万元。决算数与预算数持平。");
  gk_test_final_says (document, "k.final-general.2050201",
                      "2、教育支出（类）普通教育（款）学前教育（项）。主要用于：学前教育补助。年初预算为20.00万元，支出决算为30.00万元。"
                      "决算数大于预算数的主要原因：追加教育项目。");
  gk_test_final_says (document, "k.final-general.2010101", "主要用于：（用途未填写）");

  /* Under budget, and a 项 the budget did not have (0). */
  gk_test_final_budget (document, "general.2050201", "40.00", "");
  gk_test_final_says (document, "k.final-general.2050201", "年初预算为40.00万元，支出决算为30.00万元。决算数小于预算数的主要原因：（原因未填写）。");
  gk_test_final_set (document, "final-general", "2080501", "basic", "5.00");
  gk_test_final_says (document, "k.final-general.2080501", "年初预算为0.00万元，支出决算为5.00万元。决算数大于预算数的主要原因：（原因未填写）。");
}

static void
test_basic (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);

  gk_test_final_set (document, "final-basic", "30101", "amount", "10.00");
  gk_test_final_set (document, "final-basic", "30201", "amount", "5.00");
  gk_test_final_set (document, "final-basic", "30302", "amount", "2.00");
  gk_test_final_says (document, "k.final-basic",
                      "一般公共预算财政拨款基本支出17.00万元。其中：人员经费12.00万元，主要包括：基本工资、退休费；"
                      "公用经费5.00万元，主要包括：办公费。");
}

static void
set_count (GkDocument *document,
           const char *property,
           int         count)
{
  gk_document_set_int (document, gk_document_get_final_facts (document), property, count);
}

static void
test_sangong (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);

  gk_test_final_says (document, "k.final-sangong.none", "测试局2024年度无“三公”经费财政拨款支出。");

  gk_test_final_set (document, "final-sangong", NULL, "abroad-budget", "10.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-purchase-budget", "20.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-budget", "10.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "5.00");
  gk_test_final_set (document, "final-sangong", NULL, "abroad-final", "8.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-purchase-final", "20.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-final", "12.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "5.00");
  gk_test_final_says (document, "k.final-sangong.budget",
                      "“三公”经费财政拨款支出年初预算为45.00万元，支出决算为45.00万元，完成预算的100.00%，其中："
                      "因公出国（境）费决算为8.00万元，完成预算的80.00%；公务用车购置及运行维护费支出决算为32.00万元，完成预算的106.67%；"
                      "公务接待费支出决算为5.00万元，完成预算的100.00%。2024年度“三公”经费支出决算数与预算数持平。");

  gk_test_final_prior (document, "sangong.total", "40.00", NULL);
  gk_test_final_prior (document, "sangong.abroad", "8.00", NULL);
  gk_test_final_prior (document, "sangong.vehicle", "30.00", "车辆老化维修增加");
  gk_test_final_prior (document, "sangong.reception", "2.00", NULL);
  gk_test_final_says (document, "k.final-sangong.change",
                      "2024年度“三公”经费财政拨款支出决算数比2023年度增加5.00万元，增长12.50%，其中：因公出国（境）费支出决算持平；"
                      "公务用车购置及运行维护费支出决算增加2.00万元，增长6.67%；公务接待费支出决算增加3.00万元，增长150.00%。"
                      "公务用车购置及运行维护费支出增加的主要原因是车辆老化维修增加。公务接待费支出增加的主要原因是（原因未填写）。");
  gk_test_final_says (document, "k.final-sangong.shares",
                      "因公出国（境）费支出决算8.00万元，占17.78%；公务用车购置及运行维护费支出决算32.00万元，占71.11%；"
                      "公务接待费支出决算5.00万元，占11.11%。");

  gk_test_final_says (document, "k.final-sangong.abroad", "全年安排因公出国（境）团组（未填写）个、累计（未填写）人次。");
  set_count (document, "sangong-abroad-groups", 2);
  set_count (document, "sangong-abroad-people", 6);
  set_count (document, "sangong-vehicles-held", 0);
  gk_test_final_says (document, "k.final-sangong.abroad", "1、因公出国（境）费支出8.00万元。全年安排因公出国（境）团组2个、累计6人次。");
  gk_test_final_says (document, "k.final-sangong.vehicle-operation", "公务用车保有量为0辆。");
  gk_test_final_says (document, "k.final-sangong.reception", "共接待（未填写）批次");

  /* Over budget: the reason is asked for. */
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "6.00");
  gk_test_final_says (document, "k.final-sangong.budget", "2024年度“三公”经费支出决算数大于预算数的主要原因：（原因未填写）。");
}

static void
test_funds (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);
  g_autoptr(GError) error = NULL;

  gk_test_final_says (document, "k.final-fund.none", "测试局2024年度无政府性基金预算财政拨款收入和支出。");
  gk_test_final_says (document, "k.final-capital.none", "测试局2024年度无国有资本经营预算财政拨款收入和支出。");
  gk_document_add_row (document, gk_document_get_table (document, "final-fund"), "2120801", "征地和拆迁补偿支出", &error);
  g_assert_no_error (error);
  gk_test_final_set (document, "final-fund", "2120801", "income", "10.00");
  gk_test_final_set (document, "final-fund", "2120801", "project", "8.00");
  gk_test_final_budget (document, "fund.2120801", "10.00", NULL);
  gk_test_final_says (document, "k.final-fund.total", "政府性基金预算财政拨款收入10.00万元，支出8.00万元，支出具体情况如下：");
  gk_test_final_says (document, "k.final-fund.2120801",
                      "年初预算为10.00万元，支出决算为8.00万元。决算数小于预算数的主要原因：（原因未填写）。");
}

static void
test_performance (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);
  GkFinalFacts *facts = gk_document_get_final_facts (document);

  gk_test_final_says (document, "k.performance-management",
                      "编报绩效目标的2024年度项目（未填写）个，涉及预算金额（未填写）；");
  gk_test_final_says (document, "k.performance-management", "平均得分（未填写）分");
  gk_document_set_text (document, facts, "performance-rules", "《预算绩效管理办法》");
  gk_document_set_text (document, facts, "performance-mechanism", "事前评估、事中监控、事后评价");
  set_count (document, "performance-target-projects", 10);
  gk_document_set_int (document, facts, "performance-target-amount", 10000);
  set_count (document, "performance-self-projects", 10);
  gk_document_set_int (document, facts, "performance-self-amount", 10000);
  gk_document_set_text (document, facts, "performance-average-score", "92.50");
  set_count (document, "performance-excellent", 8);
  set_count (document, "performance-good", 2);
  set_count (document, "performance-pass", 0);
  set_count (document, "performance-fail", 0);
  set_count (document, "performance-problems-found", 3);
  set_count (document, "performance-problems-fixed", 2);
  set_count (document, "performance-problems-fixing", 1);
  gk_test_final_says (document, "k.performance-management",
                      "测试局2024年度预算绩效管理工作开展情况如下：本部门建立了如下预算绩效管理制度：《预算绩效管理办法》，"
                      "建立了事前评估、事中监控、事后评价的预算绩效管理工作机制；全过程绩效管理实施情况：编报绩效目标的2024年度项目10个，"
                      "涉及预算金额100.00万元；绩效跟踪评价的2024年度项目（未填写）个，涉及预算金额（未填写）；绩效自评的2024年度项目10个，"
                      "涉及预算金额100.00万元，平均得分92.50分（其中，绩效评级为“优”的项目8个；绩效评级为“良”的项目2个；"
                      "绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个。绩效自评中共发现问题3个，已经完成整改的2个，正在整改的1个）。");
}

/* The budget figures and the facts through a save; nothing is written of
 * them in a document that has none. */
static void
test_round_trip (void)
{
  g_autoptr(GkDocument) document = built ();
  g_autoptr(GkDocument) blank = gk_test_final_document ("测试局", 2024);
  g_autoptr(GBytes) blank_bytes = gk_document_serialize (blank);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GkDocument) read = NULL;
  g_autoptr(GError) error = NULL;
  GkBudget *budget;

  g_assert_null (strstr (g_bytes_get_data (blank_bytes, NULL), "\"budget\""));
  g_assert_null (strstr (g_bytes_get_data (blank_bytes, NULL), "\"final\""));

  gk_test_final_budget (document, "general.2050201", "20.00", "追加教育项目");
  gk_document_set_text (document, gk_document_get_budget (document), "file", "预算.gongkai");
  gk_document_set_int (document, gk_document_get_budget (document), "year", 2024);
  set_count (document, "sangong-abroad-groups", 2);
  gk_document_set_text (document, gk_document_get_final_facts (document), "sangong-reception-use", "上级检查");
  bytes = gk_document_serialize (document);
  read = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  budget = gk_document_get_budget (read);
  g_assert_cmpstr (gk_budget_get_file (budget), ==, "预算.gongkai");
  g_assert_cmpuint (gk_budget_get_year (budget), ==, 2024);
  g_assert_cmpstr (gk_budget_get_reason (budget, "general.2050201"), ==, "追加教育项目");
  g_assert_cmpint (gk_final_facts_get_count (gk_document_get_final_facts (read), "sangong-abroad-groups"), ==, 2);
  g_assert_cmpint (gk_final_facts_get_count (gk_document_get_final_facts (read), "sangong-abroad-people"), ==, -1);
  g_assert_cmpstr (gk_final_facts_get_text (gk_document_get_final_facts (read), "sangong-reception-use"), ==, "上级检查");
  again = gk_document_serialize (read);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* The 年初预算 and the facts' amounts are money: they follow the
 * document into another unit. */
static void
test_convert (void)
{
  g_autoptr(GkDocument) document = built ();
  g_autoptr(GError) error = NULL;
  GkAmount amount = 0;
  guint n_rounded = 0;

  gk_test_final_budget (document, "general.2050201", "20.00", NULL);
  gk_document_set_int (document, gk_document_get_final_facts (document), "performance-target-amount", 150);
  g_assert_true (gk_document_convert_money_unit (document, GK_MONEY_UNIT_YUAN, &n_rounded, &error));
  g_assert_no_error (error);
  g_assert_true (gk_budget_get_amount (gk_document_get_budget (document), "general.2050201", &amount));
  g_assert_cmpint (amount, ==, G_GINT64_CONSTANT (20000000));
  g_assert_cmpint (gk_final_facts_get_amount (gk_document_get_final_facts (document), "performance-target-amount"), ==, 1500000);
}

static void
assert_refused (const char *text,
                const char *from,
                const char *to,
                const char *expected)
{
  g_autofree char *head = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) read = NULL;
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  head = g_strndup (text, at - text);
  bad = g_strconcat (head, to, at + strlen (from), NULL);
  read = gk_document_load_from_data (bad, -1, &error);
  g_assert_null (read);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  if (!gk_test_message_says (error->message, expected))
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
test_strict (void)
{
  g_autoptr(GkDocument) document = built ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  gk_test_final_budget (document, "general.2050201", "20.00", "追加教育项目");
  set_count (document, "sangong-abroad-groups", 2);
  bytes = gk_document_serialize (document);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  assert_refused (text, "\"general.2050201\"", "\"general.bogus\"", "$.budget.figures.general.bogus: “general.bogus” is not a budget figure");
  assert_refused (text, "\"amount\" : \"20.00\"", "\"amount\" : 20", "$.budget.figures.general.2050201.amount: amounts are written as text");
  assert_refused (text, "\"abroad-groups\" : 2", "\"abroad-group\" : 2", "$.explanation.final.sangong.abroad-group: “abroad-group” is not something Gongkai knows here");
  assert_refused (text, "\"abroad-groups\" : 2", "\"abroad-groups\" : -2", "$.explanation.final.sangong.abroad-groups: -2 is out of range");
  assert_refused (text, "\"file\" : \"\"", "\"filename\" : \"\"", "$.budget.filename:");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/final-text/totals", test_totals);
  g_test_add_func ("/final-text/income-expenditure", test_income_expenditure);
  g_test_add_func ("/final-text/general", test_general);
  g_test_add_func ("/final-text/basic", test_basic);
  g_test_add_func ("/final-text/sangong", test_sangong);
  g_test_add_func ("/final-text/funds", test_funds);
  g_test_add_func ("/final-text/performance", test_performance);
  g_test_add_func ("/final-text/round-trip", test_round_trip);
  g_test_add_func ("/final-text/strict", test_strict);
  g_test_add_func ("/final-text/convert", test_convert);
  return g_test_run ();
}
