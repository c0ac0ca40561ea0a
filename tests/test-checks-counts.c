/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-final-facts.h"
#include "gk-test-final.h"
#include "gk-test-findings.h"

/* The counts a 决算's “三公” text states (团组, 人次, 批次, cars bought)
 * against the facts typed for them. The sentences are published ones, from
 * tests/data/real (鹿寨 2019, 杜集 2021, 梧州 2020) and the 普陀 sample, as
 * published and with one figure broken; and the words that leave a count
 * unsure, which are never an error. */

/* @text under @id gives no finding at all. */
static void
assert_silent (GkDocument *document,
               GkChecker  *checker,
               const char *id,
               const char *text)
{
  g_autoptr(GPtrArray) found = NULL;

  gk_document_set_hand_written (document, id, text);
  found = gk_test_paragraph_findings (checker, id, -1);
  if (found->len != 0)
    g_error ("%s: “%s” gives %u finding(s), the first: %s", id, text, found->len,
             gk_finding_get_message (found->pdata[0]));
}

/* @text with @from written as @to gives no finding. */
static void
assert_unsure (GkDocument *document,
               GkChecker  *checker,
               const char *id,
               const char *text,
               const char *from,
               const char *to)
{
  g_autofree char *wrong = gk_test_broken (text, from, to);

  assert_silent (document, checker, id, wrong);
}

/* @text with @from written as @to gives one error, narrative.figure, at
 * the fact @fact, saying @said and the fact's @right. */
static void
assert_broken (GkDocument *document,
               GkChecker  *checker,
               const char *id,
               const char *text,
               const char *from,
               const char *to,
               const char *fact,
               const char *said,
               const char *right)
{
  g_autofree char *wrong = gk_test_broken (text, from, to);
  g_autofree char *place = g_strconcat ("explanation/final/sangong/", fact, NULL);
  g_autoptr(GPtrArray) errors = NULL;
  GkFinding *finding;

  gk_document_set_hand_written (document, id, wrong);
  errors = gk_test_paragraph_findings (checker, id, GK_CHECK_SEVERITY_ERROR);
  if (errors->len != 1)
    g_error ("%s: “%s” → “%s” gives %u errors, not 1", id, from, to, errors->len);
  finding = errors->pdata[0];
  g_assert_cmpstr (gk_finding_get_rule_id (finding), ==, "narrative.figure");
  if (!gk_test_finding_has_place (finding, place))
    g_error ("%s: “%s” → “%s” is not placed at %s", id, from, to, place);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), said));
  g_assert_nonnull (strstr (gk_finding_get_message (finding), right));
  gk_document_set_hand_written (document, id, text);
}

static void
set_count (GkDocument *document,
           const char *fact,
           gint64      count)
{
  g_autofree char *property = g_strconcat ("sangong-", fact, NULL);

  gk_document_set_int (document, gk_document_get_final_facts (document), property, count);
}

/* 鹿寨 2019: every count in one paragraph, each against its fact. */
static const char luzhai[] =
  "2019年鹿寨县因公出国（境）团组0个，人数0人；公务用车购置100辆，公务用车保有量345辆；国内公务接待批次3978个，"
  "接待人次28598人；国（境）外公务接待批次23个，接待人次142人。";

static void
test_luzhai (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("鹿寨县", 2019);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  const char *id = "k.final-sangong.abroad";

  /* No fact typed: a count is nobody's, whatever it says. */
  assert_silent (document, checker, id, luzhai);
  assert_unsure (document, checker, id, luzhai, "批次3978个", "批次3987个");

  set_count (document, "abroad-groups", 0);
  set_count (document, "abroad-people", 0);
  set_count (document, "vehicles-bought", 100);
  set_count (document, "reception-batches", 3978);
  set_count (document, "reception-people", 28598);
  set_count (document, "foreign-batches", 5);
  set_count (document, "foreign-people", 40);
  assert_silent (document, checker, id, luzhai);
  assert_broken (document, checker, id, luzhai, "团组0个", "团组2个", "abroad-groups", "2个", "因公出国（境）团组");
  assert_broken (document, checker, id, luzhai, "人数0人", "人数3人", "abroad-people", "3人", "因公出国（境）人次");
  assert_broken (document, checker, id, luzhai, "购置100辆", "购置10辆", "vehicles-bought", "10辆", "100");
  assert_broken (document, checker, id, luzhai, "批次3978个", "批次3987个", "reception-batches", "3987个", "3978");
  assert_broken (document, checker, id, luzhai, "28598人", "28589人", "reception-people", "28589人", "28598");
  /* 国（境）外公务接待 is no 外宾 接待 within 国内: no fact holds it, and the
   * bare 接待人次 after it may be of either. */
  assert_unsure (document, checker, id, luzhai, "批次23个", "批次24个");
  assert_unsure (document, checker, id, luzhai, "142人", "143人");
}

/* 杜集 2021: the whole and, in brackets, its 外事 part. */
static const char duji[] =
  "2021年杜集区机关事务管理中心国内公务接待共15批次（其中外事接待0批次），105人次（其中外事接待0人次）。"
  "主要是用于招商引资。";
static const char duji_traditional[] =
  "2021年杜集區政府辦國內公務接待共30批次（其中外事接待26批次），579人次（其中外事接待500人次）。";

static void
test_duji (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("杜集区机关事务管理中心", 2021);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  const char *id = "k.final-sangong.reception";

  set_count (document, "reception-batches", 15);
  set_count (document, "reception-people", 105);
  set_count (document, "foreign-batches", 0);
  set_count (document, "foreign-people", 0);
  assert_silent (document, checker, id, duji);
  assert_broken (document, checker, id, duji, "共15批次", "共16批次", "reception-batches", "16批次", "15");
  assert_broken (document, checker, id, duji, "外事接待0批次", "外事接待2批次", "foreign-batches", "2批次", "0");
  assert_broken (document, checker, id, duji, "105人次", "150人次", "reception-people", "150人次", "105");
  assert_broken (document, checker, id, duji, "外事接待0人次", "外事接待9人次", "foreign-people", "9人次", "0");

  set_count (document, "reception-batches", 30);
  set_count (document, "reception-people", 579);
  set_count (document, "foreign-batches", 26);
  set_count (document, "foreign-people", 500);
  assert_silent (document, checker, id, duji_traditional);
  assert_broken (document, checker, id, duji_traditional, "外事接待500人次", "外事接待50人次", "foreign-people",
                 "50人次", "500");
}

/* hlx.gov.cn 2018 (its place not named), 桃江 2019 and 外交部 2014 (its comma typed as ASCII). */
static const char hlx[] = "2018年公务接待24批次，210人次，支出2.05万元。";
static const char taojiang[] = "无因公出国（境）人数，公务用车保有量为2辆，国内公务接待批次为520个，接待人次为4200人。";
static const char waijiaobu[] =
  "因公出国(境)团组729个,总计2143人次；2014年度未购置车辆；公务接待共75批次,接待人数1070人次。";

static void
test_other_wordings (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("某单位", 2018);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  const char *id = "k.final-sangong.vehicle";

  set_count (document, "reception-batches", 24);
  set_count (document, "reception-people", 210);
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "2.05");
  assert_silent (document, checker, id, hlx);
  assert_broken (document, checker, id, hlx, "24批次", "42批次", "reception-batches", "42批次", "24");
  assert_broken (document, checker, id, hlx, "210人次", "201人次", "reception-people", "201人次", "210");

  g_object_set (document, "year", 2019, NULL);
  set_count (document, "reception-batches", 520);
  set_count (document, "reception-people", 4200);
  assert_silent (document, checker, id, taojiang);
  assert_broken (document, checker, id, taojiang, "为520个", "为502个", "reception-batches", "502个", "520");
  assert_broken (document, checker, id, taojiang, "4200人", "4020人", "reception-people", "4020人", "4200");

  g_object_set (document, "year", 2014, NULL);
  set_count (document, "abroad-groups", 729);
  set_count (document, "abroad-people", 2143);
  set_count (document, "reception-batches", 75);
  set_count (document, "reception-people", 1070);
  assert_silent (document, checker, id, waijiaobu);
  assert_broken (document, checker, id, waijiaobu, "729个", "792个", "abroad-groups", "792个", "729");
  assert_broken (document, checker, id, waijiaobu, "2143人次", "2134人次", "abroad-people", "2134人次", "2143");
  assert_broken (document, checker, id, waijiaobu, "75批次", "57批次", "reception-batches", "57批次", "75");
  assert_broken (document, checker, id, waijiaobu, "1070人次", "1007人次", "reception-people", "1007人次", "1070");
}

/* 梧州 2020: the unit's own 团组, those of others it joined, then the
 * whole; and the 普陀 sample's wording with its spaces. */
static const char wuzhou[] =
  "（一）因公出国（境）费支出0万元。全年使用财政拨款安排梧州市农产品质量安全综合检测中心出国团组0个，"
  "参加其他单位组织的出国团组0个，全年因公出国（境）团组共计，0个，累计0人次。";
static const char putuo_abroad[] = "1、因公出国（境）费支出 0.00 万元。全年安排因公出国（境）团组 0 个、累计 0 人次。";
static const char putuo_reception[] =
  "3、公务接待费支出 0 万元。其中：国内公务接待支出 0.00 万（含外宾接待支出 0.00 万元）。其中：接待外宾 0 批次、0 人次。";

static void
test_parts_and_spaces (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("梧州市农产品质量安全综合检测中心", 2020);
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  set_count (document, "abroad-groups", 0);
  set_count (document, "abroad-people", 0);
  assert_silent (document, checker, "k.final-sangong.abroad", wuzhou);
  /* A part is not the whole. */
  assert_unsure (document, checker, "k.final-sangong.abroad", wuzhou, "检测中心出国团组0个", "检测中心出国团组1个");
  assert_unsure (document, checker, "k.final-sangong.abroad", wuzhou, "组织的出国团组0个", "组织的出国团组1个");
  assert_broken (document, checker, "k.final-sangong.abroad", wuzhou, "共计，0个", "共计，2个", "abroad-groups", "2个",
                 "因公出国（境）团组");
  assert_broken (document, checker, "k.final-sangong.abroad", wuzhou, "累计0人次", "累计4人次", "abroad-people",
                 "4人次", "0");

  assert_silent (document, checker, "k.final-sangong.abroad", putuo_abroad);
  assert_broken (document, checker, "k.final-sangong.abroad", putuo_abroad, "团组 0 个", "团组 1 个", "abroad-groups",
                 "1个", "0");
  set_count (document, "foreign-batches", 0);
  set_count (document, "foreign-people", 0);
  assert_silent (document, checker, "k.final-sangong.reception", putuo_reception);
  assert_broken (document, checker, "k.final-sangong.reception", putuo_reception, "0 批次", "3 批次",
                 "foreign-batches", "3批次", "0");
  assert_broken (document, checker, "k.final-sangong.reception", putuo_reception, "、0 人次", "、7 人次",
                 "foreign-people", "7人次", "0");
}

/* Words that leave a count unsure: another year, a change, an estimate,
 * a part. The facts differ from every figure; nothing is said. */
static void
test_unsure (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("某单位", 2019);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  static const char * const texts[] = {
    "2018年公务接待30批次，300人次。",
    "公务接待批次比上年减少3批次，接待人次较上年减少30人次。",
    "共接待记者约46批次，约600人次。",
    "接待100余人次。",
    "公务用车购置数及保有量分别为1辆和130辆。",
    "公务用车购置及运行维护费主要用于车辆2辆。",
    "本年度预计购置执法执勤用车2辆。",
    "组织出国3次。",
    "接待外宾3批次，共接待20批次。",
  };

  set_count (document, "abroad-groups", 9);
  set_count (document, "abroad-people", 9);
  set_count (document, "vehicles-bought", 9);
  set_count (document, "reception-batches", 9);
  set_count (document, "reception-people", 9);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_silent (document, checker, "k.final-sangong.reception", texts[i]);

  /* As sure as the words are: the same sentences stated plainly are read. */
  gk_document_set_hand_written (document, "k.final-sangong.reception", "2019年公务接待30批次，300人次。");
  {
    g_autoptr(GPtrArray) errors = gk_test_paragraph_findings (checker, "k.final-sangong.reception", GK_CHECK_SEVERITY_ERROR);
    g_assert_cmpuint (errors->len, ==, 2);
  }
  gk_document_set_hand_written (document, "k.final-sangong.reception", "");
}

/* One count stated twice otherwise is an error with no fact typed; the
 * 公务用车保有量 typed for the “三公” text goes before the 国有资产 count. */
static void
test_twice_and_held (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("某单位", 2019);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkFinalFacts *facts = gk_document_get_final_facts (document);
  g_autoptr(GPtrArray) errors = NULL;

  gk_document_set_hand_written (document, "k.final-sangong.abroad", "全年安排因公出国（境）团组2个、累计10人次。");
  gk_document_set_hand_written (document, "k.final-sangong.budget", "全年因公出国（境）团组2个，累计10人次。");
  errors = gk_test_paragraph_findings (checker, "k.final-sangong.budget", GK_CHECK_SEVERITY_ERROR);
  g_assert_cmpuint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);
  gk_document_set_hand_written (document, "k.final-sangong.budget", "全年因公出国（境）团组3个，累计10人次。");
  errors = gk_test_paragraph_findings (checker, "k.final-sangong.budget", GK_CHECK_SEVERITY_ERROR);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (gk_finding_get_rule_id (errors->pdata[0]), ==, "narrative.count-twice");
  g_assert_true (gk_test_finding_has_place (errors->pdata[0], "narrative/k.final-sangong.abroad"));
  g_assert_nonnull (strstr (gk_finding_get_message (errors->pdata[0]), "3个"));
  g_assert_nonnull (strstr (gk_finding_get_message (errors->pdata[0]), "2个"));
  g_clear_pointer (&errors, g_ptr_array_unref);
  gk_document_set_hand_written (document, "k.final-sangong.budget", "");
  gk_document_set_hand_written (document, "k.final-sangong.abroad", "");

  /* 保有量: the 国有资产 count while the “三公” one is not typed, then it. */
  gk_document_set_int (document, facts, "vehicles-other", 12);
  assert_silent (document, checker, "k.final-sangong.vehicle", "公务用车保有量为12辆。");
  set_count (document, "vehicles-held", 9);
  assert_broken (document, checker, "k.final-sangong.vehicle", "公务用车保有量为9辆。", "为9辆", "为12辆",
                 "vehicles-held", "12辆", "9");
}

/* A budget's “三公” text has no counts typed: its 团组 and 批次 are no
 * one's, and 人次 outside “三公” is never a count of staff. */
static void
test_budget (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GPtrArray) errors = NULL;

  gk_document_set_hand_written (document, "s8.total",
                                "2020年“三公”经费预算安排因公出国（境）团组3个、15人次，公务接待80批次、600人次。");
  errors = gk_test_paragraph_findings (checker, "s8.total", GK_CHECK_SEVERITY_ERROR);
  g_assert_cmpuint (errors->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks-counts/luzhai", test_luzhai);
  g_test_add_func ("/checks-counts/duji", test_duji);
  g_test_add_func ("/checks-counts/other-wordings", test_other_wordings);
  g_test_add_func ("/checks-counts/parts-and-spaces", test_parts_and_spaces);
  g_test_add_func ("/checks-counts/unsure", test_unsure);
  g_test_add_func ("/checks-counts/twice-and-held", test_twice_and_held);
  g_test_add_func ("/checks-counts/budget", test_budget);
  return g_test_run ();
}
