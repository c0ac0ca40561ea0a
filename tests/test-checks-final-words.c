/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-test-final.h"
#include "gk-test-findings.h"

/* Wordings of published 决算 text that misled the reader of figures into
 * claiming one for a 总表 line it is not of. The sentences are the
 * published ones of tests/data/real: 烏魯木齊市政務服務中心 2023 (in the
 * mirror's traditional characters and in simplified ones) and 忻州市第二
 * 实验小学 2018. Each is right as published; a figure broken beside it is
 * still read, so that the fix did not stop the reading. */

/* @text gives one narrative.figure error, naming @place and saying @said. */
static void
assert_wrong (GkDocument *document,
              GkChecker  *checker,
              const char *id,
              const char *text,
              const char *place,
              const char *said)
{
  g_autoptr(GPtrArray) errors = NULL;

  gk_document_set_hand_written (document, id, text);
  errors = gk_test_paragraph_findings (checker, id, GK_CHECK_SEVERITY_ERROR);
  if (errors->len != 1)
    g_error ("%s: “%s” gives %u errors, not 1", id, text, errors->len);
  g_assert_cmpstr (gk_finding_get_rule_id (errors->pdata[0]), ==, "narrative.figure");
  if (!gk_test_finding_has_place (errors->pdata[0], place))
    g_error ("the finding “%s” does not name %s", gk_finding_get_message (errors->pdata[0]), place);
  g_assert_nonnull (strstr (gk_finding_get_message (errors->pdata[0]), said));
}

/* 结余分配 ------------------------------------------------------------------- */

/* "本年支出合计B万元，结余分配C万元": C is 结余分配's, not one more 本年支出合计. */
static void
test_distribution (void)
{
  g_autoptr(GkDocument) document = gk_test_real_document ("xinjiang-urumqi-service-centre-2023");
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_test_assert_no_error (document, checker, "k.final-totals",
                           "2023年度支出總計434.72萬元，其中：本年支出合計434.16萬元，結余分配0.00萬元，年末結轉和結余0.55萬元。");
  gk_test_assert_no_error (document, checker, "k.final-totals",
                           "2023年度支出总计434.72万元，其中：本年支出合计434.16万元，结余分配0.00万元，年末结转和结余0.55万元。");

  assert_wrong (document, checker, "k.final-totals",
                "2023年度支出总计434.72万元，其中：本年支出合计434.16万元，结余分配0.10万元，年末结转和结余0.55万元。",
                "final-summary/distribution/amount", "0.10万元");
  assert_wrong (document, checker, "k.final-totals",
                "2023年度支出总计434.72万元，其中：本年支出合计434.61万元，结余分配0.00万元，年末结转和结余0.55万元。",
                "final-summary/expenditure-total/amount", "434.61万元");
}

/* 忻州 2018 ----------------------------------------------------------------- */

static const char xinzhou_totals[] =
  "2018年度决算总收入1244.27万元，比2017年度决算总收入1058.51万元增加了185.76万元 ，主要原因是本年度增加非财政性"
  "资金拆迁补偿款158.96万元。2018年度总支出1095.67万元比2017年度总支出1060.87万元增加34.80万元，主要是拆迁补偿款用于"
  "校园绿化、硬化等工程。2018年度年末结转和结余164.61万元（其中：项目支出结转和结余27.80万元）。";

static const char xinzhou_fiscal[] =
  "2018年度一般公共预算收入总计1085.31万元，本年支出1070.67万元，年末结转和结余30.65万元，其中项目支出结转和结余"
  "27.80万元。";

/* 总收入 and 总支出 are 收入总计 on one page ("总收入581.45万元，其中本年收入
 * 390.55万元") and 本年收入合计 on this one, so nobody's; 项目支出结转和结余
 * is a part of 年末结转和结余, not 项目支出. */
static void
test_totals_and_parts (void)
{
  g_autoptr(GkDocument) document = gk_test_real_document ("shanxi-xinzhou-school-2018");
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_test_assert_no_error (document, checker, "k.final-totals", xinzhou_totals);

  /* The year's own figures, named otherwise, still read. */
  assert_wrong (document, checker, "k.final-totals",
                "2018年度本年支出1095.76万元比2017年度总支出1060.87万元增加34.80万元。",
                "final-summary/expenditure-total/amount", "1095.76万元");
  assert_wrong (document, checker, "k.final-totals", "2018年度年末结转和结余164.16万元（其中：项目支出结转和结余27.80万元）。",
                "final-summary/closing/amount", "164.16万元");
}

/* A sentence about 一般公共预算's money: its 收入总计, 本年支出 and 结转和结余
 * are 表四's, not 表一's. */
static void
test_one_fund (void)
{
  g_autoptr(GkDocument) document = gk_test_real_document ("shanxi-xinzhou-school-2018");
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_test_assert_no_error (document, checker, "k.final-fiscal", xinzhou_fiscal);

  /* Without the fund, the same words are 表一's. */
  assert_wrong (document, checker, "k.final-fiscal", "2018年度本年支出1070.67万元。",
                "final-summary/expenditure-total/amount", "1070.67万元");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks-final-words/distribution", test_distribution);
  g_test_add_func ("/checks-final-words/totals-and-parts", test_totals_and_parts);
  g_test_add_func ("/checks-final-words/one-fund", test_one_fund);
  return g_test_run ();
}
