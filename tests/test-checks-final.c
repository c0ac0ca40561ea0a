/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-checker.h"
#include "gk-test-final.h"

/* The text of a 决算's “三公” section against its table: the 决算数 and
 * 预算数 it states, 完成预算的 x%, the change against last year's 决算 and
 * against the 预算 (比预算, 差值, 决算数小于预算数). Each sentence is a
 * published one (梧州市农产品质量安全综合检测中心 2020, a unit's 2018 page,
 * 桃江 2019), as published and then with one figure broken. */

/* 梧州 2020: 决算 = 预算 for every item; last year 3.93 (运行 2.93, 接待 1.00). */
static GkDocument *
wuzhou (void)
{
  GkDocument *document = gk_test_final_document ("梧州市农产品质量安全综合检测中心", 2020);

  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-budget", "3.98");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-final", "3.98");
  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "1.50");
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "1.50");
  gk_test_final_prior (document, "sangong.total", "3.93", NULL);
  gk_test_final_prior (document, "sangong.abroad", "0.00", NULL);
  gk_test_final_prior (document, "sangong.vehicle-purchase", "0.00", NULL);
  gk_test_final_prior (document, "sangong.vehicle-operation", "2.93", "检测任务增加");
  gk_test_final_prior (document, "sangong.reception", "1.00", "接待任务增加");
  return document;
}

static const char wuzhou_text[] =
  "2020年度一般公共预算财政拨款安排的“三公”经费支出决算总额为5.48万元，比预算增加0万元，比去年增加1.55万元，"
  "增长39.4%，增加原因主要是公务用车运行支出增加，导致“三公”经费支出增加。其中，因公出国支出决算比预算无增减变化，"
  "比去年无增减变化；公务用车购置支出决算比预算无增减变化，比去年无增减变化，公务用车运行维护费支出决算比预算无增减变化，"
  "比去年增加1.05万元，增长35.8%，增加原因主要是检测任务需较大幅度增加，公务车使用增加；公务接待费支出决算比预算无增减变化，"
  "比去年增加0.5万元，增长50%，增加原因主要是接待任务增加。";

/* The findings of @rule, after a check; NULL-terminated. */
static GkFinding *
finding_of (GkChecker  *checker,
            const char *rule)
{
  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (g_str_equal (gk_finding_get_rule_id (finding), rule))
        return finding;
    }
  return NULL;
}

/* Errors of the text rules (narrative.*, final.*) about the paragraph. */
static guint
text_errors (GkChecker *checker)
{
  guint n = 0;

  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      const char *rule = gk_finding_get_rule_id (finding);

      if (gk_finding_get_severity (finding) != GK_CHECK_SEVERITY_ERROR ||
          !(g_str_has_prefix (rule, "narrative.") || g_str_has_prefix (rule, "final.")))
        continue;
      g_test_message ("%s: %s", rule, gk_finding_get_message (finding));
      n++;
    }
  return n;
}

/* @text with @from replaced by @to, which must be in it once. */
static char *
broken (const char *text,
        const char *from,
        const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static void
says (GkDocument *document,
      const char *text)
{
  gk_document_set_hand_written (document, "k.final-sangong.budget", text);
}

/* The published paragraph checks; each figure broken gives its finding. */
static void
test_published (void)
{
  g_autoptr(GkDocument) document = wuzhou ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkFinding *finding;

  says (document, wuzhou_text);
  g_assert_cmpuint (text_errors (checker), ==, 0);

  /* A 决算数 that is not the table's. */
  {
    g_autofree char *text = broken (wuzhou_text, "决算总额为5.48万元", "决算总额为5.84万元");

    says (document, text);
    finding = finding_of (checker, "narrative.figure");
    g_assert_nonnull (finding);
    g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_ERROR);
    g_assert_nonnull (strstr (gk_finding_get_message (finding), "5.48万元"));
    g_assert_cmpuint (text_errors (checker), ==, 1);
  }
  /* A wrong change against last year's 决算, and its percentage. */
  {
    g_autofree char *text = broken (wuzhou_text, "比去年增加1.05万元，增长35.8%", "比去年增加1.15万元，增长35.8%");

    says (document, text);
    finding = finding_of (checker, "narrative.figure");
    g_assert_nonnull (finding);
    g_assert_nonnull (strstr (gk_finding_get_message (finding), "增加1.05万元"));
    g_assert_cmpuint (text_errors (checker), ==, 1);
  }
  {
    g_autofree char *text = broken (wuzhou_text, "增长50%", "增长33.33%");

    says (document, text);
    finding = finding_of (checker, "narrative.change-base");
    g_assert_nonnull (finding);
    g_assert_cmpuint (text_errors (checker), ==, 1);
  }
  {
    g_autofree char *text = broken (wuzhou_text, "比去年无增减变化；", "比去年增加0.2万元；");

    says (document, text);
    finding = finding_of (checker, "narrative.figure");
    g_assert_nonnull (finding);
    g_assert_nonnull (strstr (gk_finding_get_message (finding), "持平"));
  }
  /* A difference from the 预算 the table does not have. */
  {
    g_autofree char *text = broken (wuzhou_text, "比预算增加0万元", "比预算增加0.3万元");

    says (document, text);
    finding = finding_of (checker, "final.budget-change");
    g_assert_nonnull (finding);
    g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_ERROR);
    g_assert_cmpuint (text_errors (checker), ==, 1);
  }
  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "2.00");
  says (document, wuzhou_text);
  finding = finding_of (checker, "final.budget-change");
  g_assert_nonnull (finding);
  /* “比预算增加0万元” for the whole and “比预算无增减变化” for 公务接待费. */
  g_assert_cmpuint (text_errors (checker), ==, 2);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "减少0.5万元"));
}

/* 完成预算的 x%: the table's 决算数 over its 预算数, rounded as written. */
static void
test_completion (void)
{
  g_autoptr(GkDocument) document = wuzhou ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkFinding *finding;

  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "2.00");
  says (document, "“三公”经费支出决算总额为5.48万元，完成预算的91.64%。公务接待费支出决算为1.5万元，完成预算的75%。");
  g_assert_cmpuint (text_errors (checker), ==, 0);

  says (document, "“三公”经费支出决算总额为5.48万元，完成预算的91.64%。公务接待费支出决算为1.5万元，完成预算的80%。");
  finding = finding_of (checker, "final.completion-rate");
  g_assert_nonnull (finding);
  g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_ERROR);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "完成预算的75%"));

  says (document, "“三公”经费支出决算总额为5.48万元，完成年初预算的91.6%。");
  g_assert_cmpuint (text_errors (checker), ==, 0);
  says (document, "“三公”经费支出决算总额为5.48万元，完成年初预算的92.6%。");
  g_assert_nonnull (finding_of (checker, "final.completion-rate"));

  /* Traditional characters, as some mirrors print them. */
  says (document, "公務接待費支出決算為1.5萬元，完成預算的80%。");
  g_assert_nonnull (finding_of (checker, "final.completion-rate"));
  says (document, "公務接待費支出決算為1.5萬元，完成預算的75%。");
  g_assert_cmpuint (text_errors (checker), ==, 0);

  /* Of nothing the sentence names: a warning, not an error. */
  /* A change against the 预算 with its percentage. */
  says (document, "公务接待费支出决算为1.5万元，比预算减少0.5万元，下降25%。");
  g_assert_cmpuint (text_errors (checker), ==, 0);
  says (document, "公务接待费支出决算为1.5万元，比预算减少0.5万元，下降33.33%。");
  finding = finding_of (checker, "final.budget-change");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "下降25.00%"));

  says (document, "具体情况如下。完成预算的80%。");
  finding = finding_of (checker, "final.completion-rate");
  g_assert_nonnull (finding);
  g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_WARNING);
  g_assert_cmpuint (text_errors (checker), ==, 0);
}

/* 年初预算为 x, 差值为 y (a unit's 2018 page), and 决算数未超过预算数 (桃江 2019). */
static void
test_budget_words (void)
{
  static const char text[] =
    "2018年度本部门一般公共预算财政拨款安排的“三公\"经费支出2.05万元，年初预算为2.95万元，差值为0.9万元。"
    "其中：因公出国（境）支出0万元，年初预算为0万元，差值为0万元，原因为落实中央八项规定精神，压缩各项开支；"
    "公务用车运行维护费支出0万元，年初预算为0.95万元，差值为0.95万元，原因为厉行节约，压减开支；"
    "公务接待费支出2.05万元，年初预算为2万元，差值为0.05万元，原因为项目增多，下乡次数增加。";
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2018);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkFinding *finding;

  /* A page that states no 预算数 leaves them blank: nothing to compare. */
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "2.05");
  says (document, "本年度“三公经费”决算数小于预算数，完成预算的80%。");
  g_assert_cmpuint (text_errors (checker), ==, 0);

  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-budget", "0.95");
  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "2.00");
  says (document, "本年度“三公经费”决算数小于预算数，完成预算的80%。");
  g_assert_cmpuint (text_errors (checker), ==, 1);
  says (document, text);
  g_assert_cmpuint (text_errors (checker), ==, 0);

  {
    g_autofree char *wrong = broken (text, "年初预算为2.95万元", "年初预算为2.59万元");

    says (document, wrong);
    finding = finding_of (checker, "narrative.figure");
    g_assert_nonnull (finding);
    g_assert_nonnull (strstr (gk_finding_get_message (finding), "2.95万元"));
    g_assert_cmpuint (text_errors (checker), ==, 1);
  }
  {
    g_autofree char *wrong = broken (text, "差值为0.05万元", "差值为0.5万元");

    says (document, wrong);
    g_assert_nonnull (finding_of (checker, "final.budget-change"));
    g_assert_cmpuint (text_errors (checker), ==, 1);
  }

  says (document, "2019年实际支出“三公经费”决算为2.05万元。本年度“三公经费”决算数未超过2019年预算数。");
  g_assert_cmpuint (text_errors (checker), ==, 0);
  says (document, "2019年实际支出“三公经费”决算为2.05万元。本年度“三公经费”决算数大于预算数。");
  g_assert_nonnull (finding_of (checker, "final.budget-change"));
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "3.00");
  says (document, "2019年实际支出“三公经费”决算为3万元。本年度“三公经费”决算数未超过2019年预算数。");
  g_assert_nonnull (finding_of (checker, "final.budget-change"));
}

/* 中央 2015, in 亿元: “比预算数减少” said once for the list. */
static void
test_against_budget_list (void)
{
  static const char text[] =
    "2015年中央行政事业单位财政拨款的“三公”经费支出合计53.73亿元，比预算数减少9.43亿元。“三公”经费中，"
    "因公出国（境）经费17.44亿元，比预算数减少1.94亿元；公务用车购置及运行费30.87亿元，减少3.72亿元；"
    "公务接待费5.42亿元，减少3.77亿元。";
  g_autoptr(GkDocument) document = gk_test_final_document ("测试部", 2015);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkFinding *finding;

  gk_test_final_set (document, "final-sangong", NULL, "abroad-budget", "193800.00");
  gk_test_final_set (document, "final-sangong", NULL, "abroad-final", "174400.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-budget", "345900.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-final", "308700.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "91900.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "54200.00");
  says (document, text);
  g_assert_cmpuint (text_errors (checker), ==, 0);
  /* Against the 预算, not last year: the text asks for no last year's figure. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) any = g_list_model_get_item (G_LIST_MODEL (checker), i);

      g_assert_null (strstr (gk_finding_get_message (any), "亿元"));
    }
  {
    g_autofree char *wrong = broken (text, "减少3.77亿元", "减少3.27亿元");

    says (document, wrong);
    finding = finding_of (checker, "final.budget-change");
    g_assert_nonnull (finding);
    g_assert_nonnull (strstr (gk_finding_get_message (finding), "37700"));
    g_assert_cmpuint (text_errors (checker), ==, 1);
  }
}

/* 一般公共预算财政拨款支出决算: the total, a 项, and the change, against 表五. */
static void
test_general (void)
{
  static const char budget[] = "一般公共预算财政拨款支出年初预算为70.00万元，支出决算为80.00万元，完成年初预算的114.29%。";
  static const char scale[] = "一般公共预算财政拨款支出80.00万元，占本年支出合计的66.67%。与2023年度相比，"
                              "一般公共预算财政拨款支出增加10.00万元，增长14.29%。主要原因是追加教育项目。";
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_test_final_set (document, "final-general", "2010101", "basic", "50.00");
  gk_test_final_set (document, "final-general", "2050201", "project", "30.00");
  gk_test_final_prior (document, "general.total", "70.00", "追加教育项目");
  gk_document_set_hand_written (document, "k.final-general.budget", budget);
  gk_document_set_hand_written (document, "k.final-general.scale", scale);
  gk_document_set_hand_written (document, "k.final-general.2050201", "年初预算为20.00万元，支出决算为30.00万元。");
  g_assert_cmpuint (text_errors (checker), ==, 0);

  {
    g_autofree char *wrong = broken (budget, "支出决算为80.00万元", "支出决算为85.00万元");

    gk_document_set_hand_written (document, "k.final-general.budget", wrong);
    g_assert_nonnull (finding_of (checker, "narrative.figure"));
    gk_document_set_hand_written (document, "k.final-general.budget", budget);
  }
  {
    g_autofree char *wrong = broken (scale, "增加10.00万元", "增加12.00万元");

    gk_document_set_hand_written (document, "k.final-general.scale", wrong);
    g_assert_nonnull (finding_of (checker, "narrative.figure"));
    g_assert_cmpuint (text_errors (checker), ==, 1);
    gk_document_set_hand_written (document, "k.final-general.scale", scale);
  }
  gk_document_set_hand_written (document, "k.final-general.2050201", "年初预算为20.00万元，支出决算为35.00万元。");
  g_assert_nonnull (finding_of (checker, "narrative.figure"));
  g_assert_cmpuint (text_errors (checker), ==, 1);
}

/* A 决算 kept in 元 reads 万元 and 元 alike. */
static void
test_units (void)
{
  GkTemplate *template = gk_test_final_template ();
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (template, "测试局", 2020, GK_MONEY_UNIT_YUAN);
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "20000.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "15000.00");
  says (document, "公务接待费支出决算为15000元，完成预算的75%；“三公”经费支出决算为1.5万元。");
  g_assert_cmpuint (text_errors (checker), ==, 0);
  says (document, "公务接待费支出决算为14000元，完成预算的75%。");
  g_assert_nonnull (finding_of (checker, "narrative.figure"));
}

/* The sentences Gongkai composes, typed by hand: they hold. */
static void
test_composed (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_test_final_set (document, "final-sangong", NULL, "abroad-budget", "10.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-purchase-budget", "20.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-budget", "10.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "5.00");
  gk_test_final_set (document, "final-sangong", NULL, "abroad-final", "8.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-purchase-final", "20.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-final", "12.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "5.00");
  gk_test_final_prior (document, "sangong.total", "40.00", NULL);
  gk_test_final_prior (document, "sangong.abroad", "8.00", NULL);
  gk_test_final_prior (document, "sangong.vehicle", "30.00", "车辆老化维修增加");
  gk_test_final_prior (document, "sangong.reception", "2.00", "接待增加");
  says (document, "“三公”经费财政拨款支出年初预算为45.00万元，支出决算为45.00万元，完成预算的100.00%，其中："
                  "因公出国（境）费决算为8.00万元，完成预算的80.00%；公务用车购置及运行维护费支出决算为32.00万元，"
                  "完成预算的106.67%；公务接待费支出决算为5.00万元，完成预算的100.00%。"
                  "2024年度“三公”经费支出决算数与预算数持平。");
  gk_document_set_hand_written (document, "k.final-sangong.change",
                                "2024年度“三公”经费财政拨款支出决算数比2023年度增加5.00万元，增长12.50%，其中：因公出国（境）费支出决算持平；"
                                "公务用车购置及运行维护费支出决算增加2.00万元，增长6.67%；公务接待费支出决算增加3.00万元，增长150.00%。"
                                "公务用车购置及运行维护费支出增加的主要原因是车辆老化维修增加。公务接待费支出增加的主要原因是接待增加。");
  g_assert_cmpuint (text_errors (checker), ==, 0);

  /* 106.67% typed as 105.67%; a 决算数与预算数持平 that no longer holds. */
  says (document, "公务用车购置及运行维护费支出决算为32.00万元，完成预算的105.67%。");
  g_assert_nonnull (finding_of (checker, "final.completion-rate"));
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "6.00");
  says (document, "2024年度“三公”经费支出决算数与预算数持平。");
  g_assert_nonnull (finding_of (checker, "final.budget-change"));
}

/* 安居镇 2021: a 预算 and its parts, then the 决算 against the 预算 and
 * against last year; 杜集区政府办 2021: “与2021年度预算相比” is this year's. */
static void
test_town (void)
{
  static const char text[] =
    "2021年我镇“三公”经费预算为20万元，其中：因公出国（境）费0万元，公务接待费9万元，公务用车运行维护费11万元，"
    "公务用车购置0万元。\n2021年“三公”经费支出共计9.07万元，较年初预算数减少10.93万元，下降54.65%，"
    "较上年支出数减少0.71万元，下降7.26%，主要原因是从严控制三公经费。";
  g_autoptr(GkDocument) document = gk_test_final_document ("安居镇", 2021);
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "9.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-budget", "11.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "4.00");
  gk_test_final_set (document, "final-sangong", NULL, "vehicle-operation-final", "5.07");
  gk_test_final_prior (document, "sangong.total", "9.78", "从严控制三公经费");
  says (document, text);
  g_assert_cmpuint (text_errors (checker), ==, 0);
  {
    g_autofree char *wrong = broken (text, "下降7.26%", "下降7.83%");

    says (document, wrong);
    g_assert_nonnull (finding_of (checker, "narrative.change-base"));
    g_assert_cmpuint (text_errors (checker), ==, 1);
  }
  {
    g_autofree char *wrong = broken (text, "公务接待费9万元", "公务接待费8万元");

    says (document, wrong);
    g_assert_nonnull (finding_of (checker, "narrative.figure"));
    g_assert_cmpuint (text_errors (checker), ==, 1);
  }

  gk_test_final_set (document, "final-sangong", NULL, "abroad-budget", "20.00");
  says (document, "1.因公出國（境）費支出0萬元，與2021年度預算相比無增減。");
  g_assert_nonnull (finding_of (checker, "final.budget-change"));
  /* Another year's 预算 is not this year's. */
  says (document, "1.因公出國（境）費支出0萬元，與2020年度預算相比無增減。");
  g_assert_null (finding_of (checker, "final.budget-change"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/checks-final/published", test_published);
  g_test_add_func ("/checks-final/completion", test_completion);
  g_test_add_func ("/checks-final/budget-words", test_budget_words);
  g_test_add_func ("/checks-final/units", test_units);
  g_test_add_func ("/checks-final/composed", test_composed);
  g_test_add_func ("/checks-final/general", test_general);
  g_test_add_func ("/checks-final/town", test_town);
  g_test_add_func ("/checks-final/against-budget-list", test_against_budget_list);
  return g_test_run ();
}
