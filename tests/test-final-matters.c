/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-document-io.h"
#include "gk-export.h"
#include "gk-fields.h"
#include "gk-test-final.h"

/* 其他重要事项 of a 决算 in the national template's words: 机关运行经费
 * against last year's 决算 (rise, fall, 持平, none, a unit that has none),
 * 政府采购 as contracted with its 中小企业 shares (figures, none, not yet
 * entered) or, in Shanghai's words, with what was 预留, vehicles by kind and large equipment; an award above what was
 * bought found by the checks; the facts through a save and a file that
 * holds a bad one; the workbook's properties; each fact a paragraph waits
 * for is a finding until typed, and the sample has them all. */

static GkDocument *
national (void)
{
  GkTemplate *template = gk_template_find ("juesuan-national-2023");

  g_assert_nonnull (template);
  return gk_document_new_blank_for_template (template, "测试局", 2024, GK_MONEY_UNIT_WANYUAN);
}

static void
set_amount (GkDocument *document,
            const char *property,
            const char *text)
{
  GkAmount amount;

  g_assert_true (gk_amount_parse_entered (text, &amount, NULL));
  gk_document_set_int (document, gk_document_get_final_facts (document), property, amount);
}

static void
set_count (GkDocument *document,
           const char *property,
           int         count)
{
  gk_document_set_int (document, gk_document_get_final_facts (document), property, count);
}

#define says_exactly(document, id, expected)                                   \
  G_STMT_START {                                                               \
    g_autofree char *said_ = gk_test_final_paragraph ((document), (id));       \
    g_assert_cmpstr (said_, ==, (expected));                                   \
  } G_STMT_END

/* 公用经费 is 302 and 310 here: 8.00 + 2.00. */
static GkDocument *
with_public_costs (void)
{
  GkDocument *document = national ();

  gk_test_final_set (document, "final-basic", "30101", "amount", "40.00");
  gk_test_final_set (document, "final-basic", "30201", "amount", "8.00");
  gk_test_final_set (document, "final-basic", "31002", "amount", "2.00");
  return document;
}

static void
test_running_costs (void)
{
  g_autoptr(GkDocument) document = with_public_costs ();

  says_exactly (document, "k.final-running",
                "测试局2024年度机关运行经费支出10.00万元，比2023年度（上年决算数未填写）。");
  gk_test_final_prior (document, "running-costs", "8.00", "新增办公场所");
  says_exactly (document, "k.final-running",
                "测试局2024年度机关运行经费支出10.00万元，比2023年度增加2.00万元，增长25.00%。主要原因是新增办公场所。");
  gk_test_final_prior (document, "running-costs", "12.50", "");
  says_exactly (document, "k.final-running",
                "测试局2024年度机关运行经费支出10.00万元，比2023年度减少2.50万元，下降20.00%。主要原因是（原因未填写）。");
  gk_test_final_prior (document, "running-costs", "10.00", NULL);
  says_exactly (document, "k.final-running", "测试局2024年度机关运行经费支出10.00万元，与2023年度持平。");

  /* 参公 事业单位 have 机关运行经费; other 事业单位 do not. */
  gk_document_set_unit_type (document, GK_UNIT_TYPE_CIVIL_SERVICE);
  gk_test_final_says (document, "k.final-running", "机关运行经费支出10.00万元");
  gk_document_set_unit_type (document, GK_UNIT_TYPE_INSTITUTION);
  says_exactly (document, "k.final-running", "测试局2024年度无机关运行经费支出。");
}

static void
test_running_costs_none (void)
{
  g_autoptr(GkDocument) document = national ();

  gk_test_final_set (document, "final-basic", "30101", "amount", "40.00");
  says_exactly (document, "k.final-running", "测试局2024年度无机关运行经费支出。");
}

static void
test_procurement (void)
{
  g_autoptr(GkDocument) document = national ();

  set_amount (document, "procurement-goods", "60.00");
  set_amount (document, "procurement-works", "0");
  set_amount (document, "procurement-services", "40.00");
  set_amount (document, "procurement-sme-goods", "30.00");
  set_amount (document, "procurement-sme-services", "40.00");
  set_amount (document, "procurement-micro", "25.00");
  says_exactly (document, "k.final-procurement",
                "2024年度，本部门政府采购支出总额100.00万元，其中：政府采购货物支出60.00万元、政府采购工程支出0.00万元、"
                "政府采购服务支出40.00万元。授予中小企业合同金额70.00万元，占政府采购支出总额的70.00%，"
                "其中：授予小微企业合同金额25.00万元，占政府采购支出总额的25.00%。"
                "货物采购授予中小企业合同金额占货物支出金额的50.00%，服务采购授予中小企业合同金额占服务支出金额的100.00%。");

  /* A kind bought needs its 中小企业 award; the 小微企业 one is asked for too. */
  set_amount (document, "procurement-works", "10.00");
  gk_document_set_int (document, gk_document_get_final_facts (document), "procurement-micro", GK_FIELD_UNSET_AMOUNT);
  gk_test_final_says (document, "k.final-procurement", "政府采购支出总额110.00万元");
  gk_test_final_says (document, "k.final-procurement",
                      "授予中小企业合同金额（未填写），其中：授予小微企业合同金额（未填写）。");
}

static void
test_procurement_none (void)
{
  g_autoptr(GkDocument) document = national ();

  /* Nothing typed yet is not “none”. */
  says_exactly (document, "k.final-procurement",
                "2024年度，本部门政府采购支出总额（未填写），其中：政府采购货物支出（未填写）、"
                "政府采购工程支出（未填写）、政府采购服务支出（未填写）。");
  set_amount (document, "procurement-goods", "0");
  set_amount (document, "procurement-works", "0");
  gk_test_final_says (document, "k.final-procurement", "政府采购服务支出（未填写）。");
  set_amount (document, "procurement-services", "0.00");
  says_exactly (document, "k.final-procurement", "2024年度，本部门无政府采购支出。");
}

/* Shanghai's template states what was 预留 for 中小企业 and 小微企业. */
static void
test_procurement_reserved (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (gk_template_find ("juesuan-shanghai-2024"),
                                                                       "测试局", 2024, GK_MONEY_UNIT_WANYUAN);
  g_autofree char *national_text = NULL;

  set_amount (document, "procurement-goods", "60.00");
  set_amount (document, "procurement-works", "0");
  set_amount (document, "procurement-services", "40.00");
  set_amount (document, "procurement-sme-reserved", "50.00");
  set_amount (document, "procurement-micro-reserved", "20.00");
  set_amount (document, "procurement-sme-reserved-awarded", "48.00");
  set_amount (document, "procurement-micro-reserved-awarded", "19.50");
  says_exactly (document, "k.final-procurement-reserved",
                "测试局2024年度政府采购金额（以合同签订为准）为100.00万元，其中：货物采购金额60.00万元、"
                "工程采购金额0.00万元、服务采购金额40.00万元。");
  says_exactly (document, "k.final-procurement-reserved.sme",
                "2024年度本部门面向中小企业预留政府采购项目预算金额50.00万元，面向小微企业预留政府采购项目预算金额20.00万元。"
                "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额48.00万元；"
                "在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额19.50万元；"
                "在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额（未填写）。");
  national_text = gk_test_final_paragraph (document, "k.final-procurement");
  g_assert_cmpstr (national_text, ==, "");

  set_amount (document, "procurement-goods", "0");
  set_amount (document, "procurement-services", "0");
  says_exactly (document, "k.final-procurement-reserved", "测试局2024年度无政府采购支出。");
  says_exactly (document, "k.final-procurement-reserved.sme", "");
}

static void
test_assets (void)
{
  g_autoptr(GkDocument) document = national ();

  says_exactly (document, "k.final-assets",
                "截至2024年12月31日，测试局共有车辆（未填写）辆。单价100万元（含）以上设备（不含车辆）（未填写）台（套）。");
  set_count (document, "vehicles-principal", 1);
  set_count (document, "vehicles-enforcement", 3);
  set_count (document, "vehicles-special", 0);
  set_count (document, "vehicles-other", 2);
  set_count (document, "equipment-100", 4);
  says_exactly (document, "k.final-assets",
                "截至2024年12月31日，测试局共有车辆6辆，其中：主要领导干部用车1辆、执法执勤用车3辆、其他用车2辆。"
                "单价100万元（含）以上设备（不含车辆）4台（套）。");
  set_count (document, "vehicles-principal", 0);
  set_count (document, "vehicles-enforcement", 0);
  set_count (document, "vehicles-other", 0);
  set_count (document, "equipment-100", 0);
  says_exactly (document, "k.final-assets",
                "截至2024年12月31日，测试局共有车辆0辆。单价100万元（含）以上设备（不含车辆）0台（套）。");
}

static guint
rule_fires (GkDocument *document)
{
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  return gk_checker_count_rule (checker, "final.procurement");
}

/* An award above what was bought is found; one within it is not. */
static void
test_procurement_check (void)
{
  g_autoptr(GkDocument) document = national ();
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GkFinding) finding = NULL;

  set_amount (document, "procurement-goods", "10.00");
  set_amount (document, "procurement-works", "0");
  set_amount (document, "procurement-services", "5.00");
  set_amount (document, "procurement-sme-goods", "10.00");
  set_amount (document, "procurement-sme-services", "5.00");
  set_amount (document, "procurement-micro", "15.00");
  g_assert_cmpuint (rule_fires (document), ==, 0);

  set_amount (document, "procurement-sme-goods", "12.00");
  checker = gk_checker_new (document);
  g_assert_cmpuint (gk_checker_count_rule (checker, "final.procurement"), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)) && finding == NULL; i++)
    {
      g_autoptr(GkFinding) item = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (g_str_equal (gk_finding_get_rule_id (item), "final.procurement"))
        finding = g_steal_pointer (&item);
    }
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "货物采购授予中小企业合同金额"));
  g_assert_nonnull (strstr (gk_finding_get_message (finding), "政府采购货物支出"));

  set_amount (document, "procurement-sme-goods", "8.00");
  g_assert_cmpuint (rule_fires (document), ==, 1);   /* 小微 15.00 above 中小 13.00 */
  set_amount (document, "procurement-micro", "13.00");
  g_assert_cmpuint (rule_fires (document), ==, 0);
}

/* The facts through a save, and nothing of them in a file without them. */
static void
test_round_trip (void)
{
  g_autoptr(GkDocument) document = national ();
  g_autoptr(GBytes) blank = gk_document_serialize (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GkDocument) read = NULL;
  g_autoptr(GError) error = NULL;
  GkFinalFacts *facts;

  g_assert_null (strstr (g_bytes_get_data (blank, NULL), "\"final\""));
  set_amount (document, "procurement-goods", "12.60");
  set_amount (document, "procurement-works", "0");
  set_amount (document, "procurement-sme-goods", "6.30");
  set_count (document, "vehicles-enforcement", 1);
  set_count (document, "equipment-100", 0);
  bytes = gk_document_serialize (document);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"works\" : \"0.00\""));
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "\"sme-services\""));
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "\"ministerial\""));
  read = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  facts = gk_document_get_final_facts (read);
  g_assert_cmpint (gk_final_facts_get_amount (facts, "procurement-goods"), ==, 1260);
  g_assert_true (gk_final_facts_is_set (facts, "procurement-works"));
  g_assert_cmpint (gk_final_facts_get_amount (facts, "procurement-works"), ==, 0);
  g_assert_false (gk_final_facts_is_set (facts, "procurement-services"));
  g_assert_cmpint (gk_final_facts_get_amount (facts, "procurement-sme-goods"), ==, 630);
  g_assert_cmpint (gk_final_facts_get_count (facts, "vehicles-enforcement"), ==, 1);
  g_assert_false (gk_final_facts_is_set (facts, "vehicles-retired"));
  g_assert_true (gk_final_facts_is_set (facts, "equipment-100"));
  again = gk_document_serialize (read);
  g_assert_true (g_bytes_equal (bytes, again));

  /* An edit of a fact is undone like any other. */
  set_amount (read, "procurement-micro", "3.00");
  g_assert_true (gk_final_facts_is_set (facts, "procurement-micro"));
  g_assert_true (gk_document_undo (read));
  g_assert_false (gk_final_facts_is_set (facts, "procurement-micro"));
}

/* Typed amounts follow the document into another unit; one not typed
 * stays so. */
static void
test_convert (void)
{
  g_autoptr(GkDocument) document = national ();
  GkFinalFacts *facts = gk_document_get_final_facts (document);
  g_autoptr(GError) error = NULL;
  guint n_rounded = 0;

  set_amount (document, "procurement-goods", "12.60");
  g_assert_true (gk_document_convert_money_unit (document, GK_MONEY_UNIT_YUAN, &n_rounded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_final_facts_get_amount (facts, "procurement-goods"), ==, G_GINT64_CONSTANT (12600000));
  g_assert_false (gk_final_facts_is_set (facts, "procurement-works"));
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
  g_autoptr(GkDocument) document = national ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  set_amount (document, "procurement-goods", "12.60");
  set_count (document, "vehicles-enforcement", 1);
  bytes = gk_document_serialize (document);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  assert_refused (text, "\"goods\" : \"12.60\"", "\"goods\" : 12.6",
                  "$.explanation.final.procurement.goods: amounts are written as text");
  assert_refused (text, "\"goods\" : \"12.60\"", "\"goods\" : \"十二\"",
                  "$.explanation.final.procurement.goods:");
  assert_refused (text, "\"goods\" : \"12.60\"", "\"good\" : \"12.60\"",
                  "$.explanation.final.procurement.good: “good” is not something Gongkai knows here");
  assert_refused (text, "\"enforcement\" : 1", "\"enforcement\" : -1",
                  "$.explanation.final.assets.vehicles.enforcement: -1 is out of range");
}

/* A 决算's workbook says what it is. */
static void
test_workbook_properties (void)
{
  g_autoptr(GkDocument) document = national ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-final-matters-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "决算.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *core = NULL;
  g_autofree char *strings = NULL;
  const char *argv[] = { "unzip", "-p", path, "docProps/core.xml", NULL };
  const char *strings_argv[] = { "unzip", "-p", path, "xl/sharedStrings.xml", NULL };
  GkTable *empty = gk_document_get_table_at (document, gk_document_get_n_tables (document) - 1);
  int status = 0;

  /* The reason under an empty table is typed with its 说明： as printed. */
  g_object_set (empty, "empty-explanation", "说明：本年度没有国有资本经营预算财政拨款收入和支出。", NULL);
  g_assert_true (gk_export_file (document, GK_EXPORT_XLSX, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &core, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (core, "<dc:subject>部门决算公开</dc:subject>"));
  g_assert_nonnull (strstr (core, "测试局2024年度部门决算公开表"));
  g_assert_null (strstr (core, "预算"));
  g_assert_true (g_spawn_sync (NULL, (char **) strings_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &strings, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (strings, "说明：本年度没有国有资本经营"));
  g_assert_null (strstr (strings, "说明：说明："));
  g_unlink (path);
  g_rmdir (dir);
}

/* narrative.fact's findings: the messages of the check. */
static GPtrArray *
fact_findings (GkDocument *document)
{
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (g_str_equal (gk_finding_get_rule_id (finding), "narrative.fact"))
        g_ptr_array_add (messages, g_strdup (gk_finding_get_message (finding)));
    }
  return messages;
}

static gboolean
asks_for (GPtrArray  *messages,
          const char *heading,
          const char *fact)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", fact);

  for (guint i = 0; i < messages->len; i++)
    {
      const char *message = messages->pdata[i];
      const char *said = strstr (message, ": 情况说明 states");
      const char *named = strstr (message, heading);

      /* The heading comes first, as printed, then the fact. */
      if (said != NULL && named != NULL && named < said && strstr (said, quoted) != NULL &&
          strstr (message, "figure editor") != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Every fact a 决算 paragraph waits for is a finding naming the paragraph's
 * heading and the fact, until it is typed; typed as 0 it is typed. */
static void
test_facts_missing (void)
{
  static const struct { const char *property; const char *heading; const char *fact; gboolean amount; } facts[] = {
    { "sangong-abroad-groups", "“三公”经费财政拨款支出决算具体情况说明", "因公出国（境）团组（个）", FALSE },
    { "sangong-abroad-people", "“三公”经费财政拨款支出决算具体情况说明", "因公出国（境）人次", FALSE },
    { "sangong-vehicles-bought", "“三公”经费财政拨款支出决算具体情况说明", "购置公务用车（辆）", FALSE },
    { "sangong-vehicles-held", "“三公”经费财政拨款支出决算具体情况说明", "公务用车保有量（辆）", FALSE },
    { "sangong-reception-batches", "“三公”经费财政拨款支出决算具体情况说明", "公务接待批次", FALSE },
    { "sangong-reception-people", "“三公”经费财政拨款支出决算具体情况说明", "公务接待人次", FALSE },
    { "sangong-foreign-batches", "“三公”经费财政拨款支出决算具体情况说明", "接待外宾批次", FALSE },
    { "sangong-foreign-people", "“三公”经费财政拨款支出决算具体情况说明", "接待外宾人次", FALSE },
    { "performance-target-projects", "预算绩效管理情况", "编报绩效目标的项目（个）", FALSE },
    { "performance-tracking-projects", "预算绩效管理情况", "绩效跟踪评价的项目（个）", FALSE },
    { "performance-self-projects", "预算绩效管理情况", "绩效自评的项目（个）", FALSE },
    { "performance-excellent", "预算绩效管理情况", "评级为“优”的项目（个）", FALSE },
    { "performance-good", "预算绩效管理情况", "评级为“良”的项目（个）", FALSE },
    { "performance-pass", "预算绩效管理情况", "评级为“合格”的项目（个）", FALSE },
    { "performance-fail", "预算绩效管理情况", "评级为“不合格”的项目（个）", FALSE },
    { "performance-problems-found", "预算绩效管理情况", "发现问题（个）", FALSE },
    { "performance-problems-fixed", "预算绩效管理情况", "已完成整改（个）", FALSE },
    { "performance-problems-fixing", "预算绩效管理情况", "正在整改（个）", FALSE },
    { "procurement-goods", "（二）政府采购支出情况", "政府采购货物支出", TRUE },
    { "procurement-works", "（二）政府采购支出情况", "政府采购工程支出", TRUE },
    { "procurement-services", "（二）政府采购支出情况", "政府采购服务支出", TRUE },
    { "equipment-100", "（三）国有资产占有使用情况", "单价100万元（含）以上设备（台、套）", FALSE },
  };
  static const char * const texts[] = {
    "sangong-abroad-content", "sangong-vehicle-purchase-use", "sangong-vehicle-operation-use",
    "sangong-reception-use", "performance-rules", "performance-mechanism", "performance-average-score",
  };
  g_autoptr(GkDocument) document = with_public_costs ();
  g_autoptr(GPtrArray) messages = NULL;

  gk_test_final_set (document, "final-sangong", NULL, "reception-budget", "2.00");
  gk_test_final_set (document, "final-sangong", NULL, "reception-final", "1.50");
  gk_test_final_prior (document, "running-costs", "10.00", NULL);
  messages = fact_findings (document);
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    if (!asks_for (messages, facts[i].heading, facts[i].fact))
      g_error ("no finding asks for %s under %s", facts[i].fact, facts[i].heading);
  g_assert_true (asks_for (messages, "（三）国有资产占有使用情况", "车辆 by kind"));
  g_assert_true (asks_for (messages, "“三公”经费财政拨款支出决算具体情况说明", "公务接待主要用于"));

  /* Typed one by one, as 0, each finding goes and no other. */
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      g_autoptr(GPtrArray) before = fact_findings (document);
      g_autoptr(GPtrArray) after = NULL;

      if (facts[i].amount)
        set_amount (document, facts[i].property, "0");
      else
        set_count (document, facts[i].property, 0);
      after = fact_findings (document);
      g_assert_false (asks_for (after, facts[i].heading, facts[i].fact));
      g_assert_cmpuint (after->len, <, before->len);
    }
  set_count (document, "vehicles-enforcement", 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    gk_document_set_text (document, gk_document_get_final_facts (document), texts[i], "日常公务");
  g_clear_pointer (&messages, g_ptr_array_unref);
  messages = fact_findings (document);
  for (guint i = 0; i < messages->len; i++)
    g_printerr ("%s\n", (char *) messages->pdata[i]);
  g_assert_cmpuint (messages->len, ==, 0);
}

/* 中小企业 awards are asked for of a kind bought; Shanghai's 预留 facts too. */
static void
test_facts_missing_procurement (void)
{
  g_autoptr(GkDocument) document = national ();
  g_autoptr(GkDocument) shanghai = gk_document_new_blank_for_template (gk_template_find ("juesuan-shanghai-2024"),
                                                                       "测试局", 2024, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GPtrArray) messages = NULL;

  set_amount (document, "procurement-goods", "10.00");
  set_amount (document, "procurement-works", "0");
  set_amount (document, "procurement-services", "0");
  messages = fact_findings (document);
  g_assert_true (asks_for (messages, "政府采购支出情况", "货物采购授予中小企业合同金额"));
  g_assert_true (asks_for (messages, "政府采购支出情况", "授予小微企业合同金额"));
  g_assert_false (asks_for (messages, "政府采购支出情况", "服务采购授予中小企业合同金额"));
  set_amount (document, "procurement-sme-goods", "0");
  set_amount (document, "procurement-micro", "0");
  g_clear_pointer (&messages, g_ptr_array_unref);
  messages = fact_findings (document);
  g_assert_false (asks_for (messages, "", "货物采购授予中小企业合同金额"));
  g_assert_false (asks_for (messages, "", "授予小微企业合同金额"));

  set_amount (shanghai, "procurement-goods", "60.00");
  set_amount (shanghai, "procurement-works", "0");
  set_amount (shanghai, "procurement-services", "0");
  g_clear_pointer (&messages, g_ptr_array_unref);
  messages = fact_findings (shanghai);
  g_assert_true (asks_for (messages, "", "面向中小企业预留项目预算金额"));
  g_assert_true (asks_for (messages, "", "其他项目中由中小企业中标或成交的金额"));
  set_amount (shanghai, "procurement-sme-other-awarded", "0");
  g_clear_pointer (&messages, g_ptr_array_unref);
  messages = fact_findings (shanghai);
  g_assert_false (asks_for (messages, "", "其他项目中由中小企业中标或成交的金额"));
  g_assert_true (asks_for (messages, "", "面向中小企业预留项目预算金额"));
}

/* The sample has its facts typed: it checks clean, until one is taken back. */
static void
test_facts_sample (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "final",
                                            "zhashui-county-audit-bureau-2020-final.gongkai", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GPtrArray) messages = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  document = gk_document_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  checker = gk_checker_new (document);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, 0);
  g_assert_cmpuint (gk_checker_get_n_warnings (checker), ==, 0);

  set_count (document, "sangong-reception-batches", GK_FINAL_FACTS_UNSET);
  messages = fact_findings (document);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_true (asks_for (messages, "“三公”经费财政拨款支出决算具体情况说明", "公务接待批次"));
}

/* Last year's 机关运行经费 and the reason for its change: asked for under
 * the paragraph's heading, gone once typed. */
static void
test_facts_missing_prior (void)
{
  g_autoptr(GkDocument) document = with_public_costs ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  const char *said;

  g_assert_cmpuint (gk_checker_count_rule (checker, "narrative.prior-year"), >=, 1);
  said = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)) && said == NULL; i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      const char *message = gk_finding_get_message (finding);

      if (strstr (message, "compares 机关运行经费 with last year’s 决算") != NULL)
        {
          g_assert_true (g_str_has_prefix (message, "（一）"));
          g_assert_nonnull (strstr (message, "figure editor"));
          said = "found";
        }
    }
  g_assert_nonnull (said);
  gk_test_final_prior (document, "running-costs", "8.00", "");
  g_clear_object (&checker);
  checker = gk_checker_new (document);
  g_assert_cmpuint (gk_checker_count_rule (checker, "narrative.reason"), >=, 1);
  gk_test_final_prior (document, "running-costs", "8.00", "新增办公场所");
  g_clear_object (&checker);
  checker = gk_checker_new (document);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      g_assert_null (strstr (gk_finding_get_message (finding), "running-costs"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/final-matters/running-costs", test_running_costs);
  g_test_add_func ("/final-matters/running-costs-none", test_running_costs_none);
  g_test_add_func ("/final-matters/procurement", test_procurement);
  g_test_add_func ("/final-matters/procurement-none", test_procurement_none);
  g_test_add_func ("/final-matters/procurement-reserved", test_procurement_reserved);
  g_test_add_func ("/final-matters/assets", test_assets);
  g_test_add_func ("/final-matters/procurement-check", test_procurement_check);
  g_test_add_func ("/final-matters/round-trip", test_round_trip);
  g_test_add_func ("/final-matters/convert", test_convert);
  g_test_add_func ("/final-matters/strict", test_strict);
  g_test_add_func ("/final-matters/workbook-properties", test_workbook_properties);
  g_test_add_func ("/final-matters/facts-missing", test_facts_missing);
  g_test_add_func ("/final-matters/facts-missing-procurement", test_facts_missing_procurement);
  g_test_add_func ("/final-matters/facts-sample", test_facts_sample);
  g_test_add_func ("/final-matters/facts-missing-prior", test_facts_missing_prior);
  return g_test_run ();
}
