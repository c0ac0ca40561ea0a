/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-final-facts.h"
#include "gk-test-final.h"
#include "gk-test-findings.h"

/* What a 决算's 收入支出决算总体, 收入决算, 支出决算 and 财政拨款 paragraphs
 * state, against 收入支出决算总表 and the tables beside it, and the count of
 * cars its “三公” text states. The sentences are published ones, from the
 * documents of tests/data/real (a unit on dyrmt.com 2022 and a 保健院 there
 * 2020, 天水市幼儿园 2017, a 梧州 军休 unit 2021, 鹿寨 and 桃江 2019), as
 * published and then with one figure broken. */

/* Findings of any severity about the paragraph @id, but the reasons it leaves out. */
static guint
n_findings_of (GkChecker  *checker,
               const char *id)
{
  g_autofree char *place = g_strconcat ("narrative/", id, NULL);
  guint n = 0;

  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *first = NULL;

      if (gk_finding_get_n_places (finding) == 0 || g_str_equal (gk_finding_get_rule_id (finding), "narrative.reason"))
        continue;
      first = gk_place_to_string (gk_finding_get_place (finding, 0));
      n += g_str_equal (first, place);
    }
  return n;
}

/* @text with @from written as @to gives exactly one error, of @rule, at
 * @place (table/line/column), saying both @said and @right. */
static void
assert_broken (GkDocument *document,
               GkChecker  *checker,
               const char *id,
               const char *text,
               const char *from,
               const char *to,
               const char *rule,
               const char *place,
               const char *said,
               const char *right)
{
  g_autofree char *wrong = gk_test_broken (text, from, to);
  g_autoptr(GPtrArray) errors = NULL;
  GkFinding *finding;

  gk_document_set_hand_written (document, id, wrong);
  errors = gk_test_paragraph_findings (checker, id, GK_CHECK_SEVERITY_ERROR);
  if (errors->len != 1)
    g_error ("%s: “%s” → “%s” gives %u errors, not 1", id, from, to, errors->len);
  finding = errors->pdata[0];
  g_assert_cmpstr (gk_finding_get_rule_id (finding), ==, rule);
  if (place != NULL && !gk_test_finding_has_place (finding, place))
    g_error ("%s: the finding “%s” does not name %s", id, gk_finding_get_message (finding), place);
  if (strstr (gk_finding_get_message (finding), said) == NULL || strstr (gk_finding_get_message (finding), right) == NULL)
    g_error ("%s: the finding “%s” does not say both “%s” and “%s”", id, gk_finding_get_message (finding), said, right);
  /* Put right again, nothing is left. */
  gk_test_assert_no_error (document, checker, id, text);
}

/* dyrmt.com 2022 ---------------------------------------------------------- */

static const char dyrmt_income[] =
  "二、收入决算情况说明\n2022年本年收入合计4125.49万元，其中：一般公共预算财政拨款收入3859.16万元，占93.54%；"
  "政府性基金预算财政拨款收入0万元，占0%；国有资本经营预算财政拨款收入0万元，占0%；上级补助收入0万元，占0%；"
  "事业收入0万元，占0%；经营收入0万元，占0%；附属单位上缴收入0万元，占0%；其他收入266.33万元，占6.46%。";

static const char dyrmt_expenditure[] =
  "三、支出决算情况说明\n2022年本年支出合计4143.91万元，其中：基本支出1140.27万元，占27.52%；"
  "项目支出3003.64万元，占72.48%；上缴上级支出0万元，占0%；经营支出0万元，占0%；对附属单位补助支出0万元，占0%。";

static void
test_income_expenditure (void)
{
  g_autoptr(GkDocument) document = gk_test_real_document ("sichuan-dyrmt-unit-2022");
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_test_assert_no_error (document, checker, "k.final-income", dyrmt_income);
  assert_broken (document, checker, "k.final-income", dyrmt_income, "本年收入合计4125.49万元", "本年收入合计4152.49万元",
                 "narrative.figure", "final-summary/income-total/amount", "4152.49万元", "4125.49万元");
  assert_broken (document, checker, "k.final-income", dyrmt_income, "收入3859.16万元", "收入3859.61万元",
                 "narrative.figure", "final-summary/general/amount", "3859.61万元", "3859.16万元");
  assert_broken (document, checker, "k.final-income", dyrmt_income, "其他收入266.33万元", "其他收入266.3万元",
                 "narrative.figure", "final-summary/other/amount", "266.3万元", "266.33万元");
  assert_broken (document, checker, "k.final-income", dyrmt_income, "占93.54%", "占93.45%",
                 "narrative.shares", "final-summary/general/amount", "93.45%", "93.54%");
  /* A share no one means: one error, and its points stay in range. */
  assert_broken (document, checker, "k.final-income", dyrmt_income, "占93.54%", "占999999999999999%",
                 "narrative.shares", "final-summary/general/amount", "999999999999999%", "93.54%");
  /* A source of nothing that the text gives a share. */
  assert_broken (document, checker, "k.final-income", dyrmt_income, "事业收入0万元，占0%", "事业收入0万元，占1%",
                 "narrative.shares", "final-summary/business/amount", "1%", "0%");

  /* A change in a sentence that names nothing is nobody's (梧州 2021's
   * "1.一般公共预算财政拨款收入382.17万元，…。较2020年度决算数减少157.86万元"). */
  gk_document_set_hand_written (document, "k.final-income",
                                "本年收入合计4125.49万元。较2020年度决算数减少157.86万元，下降29.2%。");
  g_assert_cmpuint (n_findings_of (checker, "k.final-income"), ==, 0);

  gk_test_assert_no_error (document, checker, "k.final-expenditure", dyrmt_expenditure);
  assert_broken (document, checker, "k.final-expenditure", dyrmt_expenditure, "基本支出1140.27万元",
                 "基本支出1140.72万元", "narrative.figure", "final-expenditure/total/basic", "1140.72万元", "1140.27万元");
  assert_broken (document, checker, "k.final-expenditure", dyrmt_expenditure, "项目支出3003.64万元",
                 "项目支出3030.64万元", "narrative.figure", "final-expenditure/total/project", "3030.64万元",
                 "3003.64万元");
  assert_broken (document, checker, "k.final-expenditure", dyrmt_expenditure, "本年支出合计4143.91万元",
                 "本年支出合计4143.19万元", "narrative.figure", NULL, "4143.19万元", "4143.91万元");
  assert_broken (document, checker, "k.final-expenditure", dyrmt_expenditure, "占72.48%", "占72.49%",
                 "narrative.shares", "final-expenditure/total/project", "72.49%", "72.48%");
}

/* "收、支总计各是A，B万元": each name with its figure, in order. */
static const char dyrmt_totals[] = "一、收入支出决算总体情况说明\n2022年度收、支总计各是4125.49，4143.91万元。";
/* As published but for its one true error: 2570.97 / 6714.88 is 38.29%, the page says 38.28%. */
static const char dyrmt_change[] =
  "与2021年相比，收、支总计各减少1267.86，2570.97万元，各下降23.51%、38.29%。"
  "主要变动原因是天府旅游名县创建工作完成，项目收入减少。";

static void
test_paired_totals (void)
{
  g_autoptr(GkDocument) document = gk_test_real_document ("sichuan-dyrmt-unit-2022");
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *published = NULL;

  gk_test_assert_no_error (document, checker, "k.final-totals", dyrmt_totals);
  assert_broken (document, checker, "k.final-totals", dyrmt_totals, "4125.49，", "4125.94，", "narrative.figure",
                 "final-summary/grand-total/amount", "4125.94", "4125.49万元");
  assert_broken (document, checker, "k.final-totals", dyrmt_totals, "4143.91万元", "4134.91万元", "narrative.figure",
                 "final-summary/expenditure-grand-total/amount", "4134.91万元", "4143.91万元");

  gk_test_assert_no_error (document, checker, "k.final-totals", dyrmt_change);
  assert_broken (document, checker, "k.final-totals", dyrmt_change, "1267.86，", "1276.86，", "narrative.figure",
                 "final-summary/grand-total/amount", "1276.86", "减少1267.86万元");
  assert_broken (document, checker, "k.final-totals", dyrmt_change, "2570.97万元", "2507.97万元", "narrative.figure",
                 "final-summary/expenditure-grand-total/amount", "2507.97万元", "减少2570.97万元");
  assert_broken (document, checker, "k.final-totals", dyrmt_change, "23.51%", "23.15%", "narrative.change-percent",
                 "final-summary/grand-total/amount", "23.15%", "23.51%");
  /* The page as published: its one true error, the second percentage. */
  published = gk_test_broken (dyrmt_change, "38.29%", "38.28%");
  gk_document_set_hand_written (document, "k.final-totals", published);
  errors = gk_test_paragraph_findings (checker, "k.final-totals", GK_CHECK_SEVERITY_ERROR);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (gk_finding_get_rule_id (errors->pdata[0]), ==, "narrative.change-percent");
  g_assert_true (gk_test_finding_has_place (errors->pdata[0], "final-summary/expenditure-grand-total/amount"));
  g_assert_nonnull (strstr (gk_finding_get_message (errors->pdata[0]), "38.28%"));
  g_assert_nonnull (strstr (gk_finding_get_message (errors->pdata[0]), "38.29%"));

  /* "收入、支出总计分别为A万元、B万元". */
  {
    static const char each[] = "2022年度收入、支出总计分别为4125.49万元、4143.91万元。";

    gk_test_assert_no_error (document, checker, "k.final-totals", each);
    assert_broken (document, checker, "k.final-totals", each, "4143.91万元", "4143.9万元", "narrative.figure",
                   "final-summary/expenditure-grand-total/amount", "4143.9万元", "4143.91万元");
  }
  /* A third figure after a pair is nobody's; a pair named alone is not read
   * as either side. */
  gk_test_assert_no_error (document, checker, "k.final-totals", "2022年度收、支总计各是4125.49，4143.91，9999万元。");
  gk_test_assert_no_error (document, checker, "k.final-totals", "2022年度收支总计9999万元。");
}

/* 保健院 2020: 财政拨款收入总计 and 财政拨款支出总计, each with its change. */
static const char hospital_fiscal[] =
  "四、财政拨款收入支出决算总体情况说明\n2020年财政拨款收入总计1614.63万元，与2019年相比增加540.23万元，增长50.28%；"
  "财政拨款支出总计1870.91万元，与2019年相比增加633.43万元，增长51.19%。收入、支出变动较大的主要原因是2020年新增了"
  "605.99万元政府性基金预算财政拨款-抗疫特别国债资金，主要用于保健院住院楼项目建设购置设备。";

static void
test_fiscal (void)
{
  g_autoptr(GkDocument) document = gk_test_real_document ("sichuan-dyrmt-hospital-2020");
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_test_assert_no_error (document, checker, "k.final-fiscal", hospital_fiscal);
  assert_broken (document, checker, "k.final-fiscal", hospital_fiscal, "收入总计1614.63万元", "收入总计1641.63万元",
                 "narrative.figure", "final-fiscal-summary/grand-total/total", "1641.63万元", "1614.63万元");
  assert_broken (document, checker, "k.final-fiscal", hospital_fiscal, "增加633.43万元", "增加663.43万元",
                 "narrative.figure", "final-fiscal-summary/expenditure-grand-total/total", "663.43万元",
                 "增加633.43万元");
  assert_broken (document, checker, "k.final-fiscal", hospital_fiscal, "增长50.28%", "增长50.82%",
                 "narrative.change-percent", "final-fiscal-summary/grand-total/total", "50.82%", "50.28%");
}

/* 天水市幼儿园 2017, held in 元, its text in 万元 (and traditional characters). */
static const char tianshui_income[] =
  "（一）收入決算情況。\n2017年度，本單位收入為1687.45萬元，其中：財政撥款收入1516.64萬元，占89.88%；"
  "事業收入170.81萬元，占10.12%；經營收入0萬元，占0%；其他收入0萬元，占0%。";
static const char tianshui_fiscal[] =
  "（三）財政撥款收入決算情況。\n2017年度，本單位財政撥款收入總計1516.64萬元，與上年相比減少58.49萬元，降低3.71%。"
  "其中：一般公共預算財政撥款收入1486.64萬元，政府性基金預算財政撥款收入30萬元。";

static void
test_yuan_document (void)
{
  g_autoptr(GkDocument) document = gk_test_real_document ("gansu-tianshui-kindergarten-2017");
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  g_assert_cmpint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_YUAN);
  gk_test_assert_no_error (document, checker, "k.final-income", tianshui_income);
  assert_broken (document, checker, "k.final-income", tianshui_income, "財政撥款收入1516.64萬元",
                 "財政撥款收入1516.46萬元", "narrative.figure", "final-income/total/fiscal", "1516.46万元",
                 "1516.64万元");
  assert_broken (document, checker, "k.final-income", tianshui_income, "占89.88%", "占89.98%",
                 "narrative.shares", "final-income/total/fiscal", "89.98%", "89.88%");
  gk_test_assert_no_error (document, checker, "k.final-fiscal", tianshui_fiscal);
  assert_broken (document, checker, "k.final-fiscal", tianshui_fiscal, "減少58.49萬元", "減少58.94萬元",
                 "narrative.figure", "final-fiscal-summary/grand-total/total", "58.94万元", "减少58.49万元");
  assert_broken (document, checker, "k.final-fiscal", tianshui_fiscal, "政府性基金預算財政撥款收入30萬元",
                 "政府性基金預算財政撥款收入3萬元", "narrative.figure", "final-summary/fund/amount", "3万元", "30.00万元");
}

/* 公务用车保有量 ----------------------------------------------------------- */

static const char luzhai_counts[] =
  "2019年鹿寨县因公出国（境）团组0个，人数0人；公务用车购置100辆，公务用车保有量345辆；国内公务接待批次3978个，"
  "接待人次28598人；国（境）外公务接待批次23个，接待人次142人。";
static const char taojiang_counts[] = "无因公出国（境）人数，公务用车保有量为2辆，国内公务接待批次为520个，接待人次为4200人。";

static void
test_vehicles_held (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("鹿寨县", 2019);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkFinalFacts *facts = gk_document_get_final_facts (document);
  g_autoptr(GPtrArray) errors = NULL;

  /* Without a 国有资产 count, nothing to compare with. */
  gk_test_assert_no_error (document, checker, "k.final-sangong.abroad", luzhai_counts);

  gk_document_set_int (document, facts, "vehicles-enforcement", 300);
  gk_document_set_int (document, facts, "vehicles-emergency", 45);
  gk_test_assert_no_error (document, checker, "k.final-sangong.abroad", luzhai_counts);
  assert_broken (document, checker, "k.final-sangong.abroad", luzhai_counts, "保有量345辆", "保有量354辆",
                 "narrative.figure", "explanation/final/assets/vehicles", "354辆", "345");

  /* The same count stated twice, once otherwise. */
  gk_document_set_int (document, facts, "vehicles-enforcement", -1);
  gk_document_set_int (document, facts, "vehicles-emergency", -1);
  gk_document_set_hand_written (document, "k.final-sangong.abroad", luzhai_counts);
  gk_test_assert_no_error (document, checker, "k.final-sangong.vehicle", "年末公务用车保有量345辆。");
  gk_document_set_hand_written (document, "k.final-sangong.vehicle", "年末公务用车保有量354辆。");
  errors = gk_test_paragraph_findings (checker, "k.final-sangong.vehicle", GK_CHECK_SEVERITY_ERROR);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (gk_finding_get_rule_id (errors->pdata[0]), ==, "narrative.count-twice");
  g_assert_true (gk_test_finding_has_place (errors->pdata[0], "narrative/k.final-sangong.abroad"));
  g_assert_nonnull (strstr (gk_finding_get_message (errors->pdata[0]), "354辆"));
  g_assert_nonnull (strstr (gk_finding_get_message (errors->pdata[0]), "345辆"));
  gk_document_set_hand_written (document, "k.final-sangong.vehicle", "");
  gk_document_set_hand_written (document, "k.final-sangong.abroad", "");

  /* 桃江: "保有量为2辆". */
  gk_document_set_int (document, facts, "vehicles-other", 2);
  gk_test_assert_no_error (document, checker, "k.final-sangong.budget", taojiang_counts);
  assert_broken (document, checker, "k.final-sangong.budget", taojiang_counts, "保有量为2辆", "保有量为3辆",
                 "narrative.figure", "explanation/final/assets/vehicles", "3辆", "2");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks-final-totals/income-expenditure", test_income_expenditure);
  g_test_add_func ("/checks-final-totals/paired-totals", test_paired_totals);
  g_test_add_func ("/checks-final-totals/fiscal", test_fiscal);
  g_test_add_func ("/checks-final-totals/yuan-document", test_yuan_document);
  g_test_add_func ("/checks-final-totals/vehicles-held", test_vehicles_held);
  return g_test_run ();
}
