/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-document-io.h"
#include "gk-test-template.h"
#include "gk-xlsx-reader.h"
#include "gk-xlsx-sheet.h"

/* Workbooks with more tables than a template has, or laid out otherwise
 * than the tables' columns (tests/data/xlsx/make-workbooks.py writes
 * them), read into the tables of a template. */

static char *data_home;

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "xlsx", name, NULL);
}

static GkDocument *
import (const char *name,
        const char *template_id,
        GString    *report)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  GkTemplate *template = NULL;
  GkDocument *document;

  if (template_id != NULL)
    {
      template = gk_template_find (template_id);
      g_assert_nonnull (template);
    }
  document = gk_xlsx_import_for_template (path, template, report, &error);
  g_test_message ("%s", report->str);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
assert_reported (GString    *report,
                 const char *needle)
{
  if (strstr (report->str, needle) == NULL)
    g_error ("the report does not say “%s”:\n%s", needle, report->str);
}

/* The figure of @column in the row of @code (NULL: the single row). */
static GkAmount
amount_of (GkDocument *document,
           const char *table_id,
           const char *code,
           const char *column)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GkRow *row;
  GkAmount amount = -1;

  g_assert_nonnull (table);
  row = code != NULL ? gk_table_lookup (table, code) : gk_table_get_single_row (table);
  if (row == NULL)
    g_error ("%s has no row %s", table_id, code);
  if (!gk_row_get_amount (row, gk_table_column_index (table, column), &amount))
    g_error ("%s row %s column %s is blank", table_id, code ? code : "(single)", column);
  return amount;
}

/* A template with a 国有资本经营 table takes its sheet into that table,
 * not into 表三 whose columns it shares. */
static void
test_capital_in_template (void)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) document = import ("capital.xlsx", GK_TEST_CAPITAL_TEMPLATE, report);

  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (document)), ==, GK_TEST_CAPITAL_TEMPLATE);
  assert_reported (report, "Template: 测试 十张表（含国有资本经营） (capital-test), as asked");
  assert_reported (report, "表十 (sheet “国有资本经营”): 表十 国有资本经营预算支出表, recognised by its title");
  assert_reported (report, "表十 (sheet “国有资本经营”): 3 rows read");
  g_assert_cmpint (amount_of (document, "capital-expenditure", "2230105", "project"), ==, 3000);
  g_assert_cmpint (amount_of (document, "capital-expenditure", "2230105", "total"), ==, 3000);
  g_assert_cmpint (amount_of (document, "capital-expenditure", "223", "total"), ==, 3000);
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 26506);
  g_assert_cmpint (amount_of (document, "expenditure", "2010399", "project"), ==, 7100);
  g_assert_cmpint (amount_of (document, "expenditure", "2230105", "project"), ==, 3000);
  g_assert_cmpint (amount_of (document, "expenditure", "201", "total"), ==, 33606);
  g_assert_null (strstr (report->str, "again"));
  g_assert_null (strstr (report->str, "the workbook has"));
}

/* Without one, the sheet is not part of the template: 表三 keeps its own
 * figures, and the 国有资本经营 sheet (first in the workbook) does not
 * take 表三's place. */
static void
test_capital_not_in_template (void)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) document = import ("capital.xlsx", "xinjiang-2020", report);
  GkTable *expenditure = gk_document_get_table (document, "expenditure");
  GkAmount total = 0;

  g_assert_null (gk_document_get_table (document, "capital-expenditure"));
  assert_reported (report, "Sheet “国有资本经营”: “2020年国有资本经营预算支出表” is not part of this template; ignored");
  assert_reported (report, "表三 (sheet “支出总表”): 表三 部门支出总体情况表, recognised by its title");
  g_assert_null (strstr (report->str, "again"));
  g_assert_cmpint (amount_of (document, "expenditure", "2010301", "basic"), ==, 26506);
  g_assert_cmpint (amount_of (document, "expenditure", "2230105", "project"), ==, 3000);
  g_assert_true (gk_row_get_amount (gk_table_get_total_row (expenditure),
                                    gk_table_column_index (expenditure, "total"), &total));
  g_assert_cmpint (total, ==, 36606);
  g_assert_null (strstr (report->str, "the workbook has"));
}

/* The project names of 表七, in order. */
static char *
project_names (GkDocument *document)
{
  GListModel *projects = gk_document_get_projects (document);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      g_string_append_printf (names, "%s%s", i ? "|" : "", gk_project_get_name (project));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define SEED_PROJECTS "电子政务工作经费|网站维护|文印及材料费|县信联办及县群众信访服务中心业务办公经费|" \
                      "重点项目督查经费|重要节日、重大会议、敏感节点期间信访值班备勤及劝返工作经费"

/* 政府购买服务预算表 has 项目名称 like 表七, and comes first: it is no
 * 表七, and the real 表七 is read. */
static void
test_purchased_services (void)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) document = import ("purchased-services.xlsx", NULL, report);
  g_autofree char *names = project_names (document);

  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (document)), ==, "xinjiang-2020");
  assert_reported (report, "Sheet “政府购买服务”: “2020年政府购买服务预算表” is not part of this template; ignored");
  assert_reported (report, "表七 (sheet “项目支出”): 6 projects read");
  g_assert_null (strstr (report->str, "again"));
  g_assert_cmpstr (names, ==, SEED_PROJECTS);
  g_assert_cmpint (amount_of (document, "project-expenditure", "2010399", "total"), ==, 7100);
}

/* 项目支出绩效目标表 lists projects too; it must not take 表七's place. */
static void
test_performance_targets (void)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) document = import ("performance.xlsx", "xinjiang-2020", report);
  g_autofree char *names = project_names (document);

  assert_reported (report, "Sheet “绩效目标”: “2020年项目支出绩效目标表” is not part of this template; ignored");
  assert_reported (report, "表七 (sheet “项目支出”): 6 projects read");
  g_assert_null (strstr (report->str, "again"));
  g_assert_cmpstr (names, ==, SEED_PROJECTS);
}

/* 三公 with its items down the sheet and 本年预算数 beside 上年预算数 and
 * 增减: this year's figures land, the rest is reported. */
static void
test_sangong_items_as_rows (void)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) document = import ("sangong-rows.xlsx", "xinjiang-2020", report);

  g_assert_cmpint (amount_of (document, "sangong", NULL, "abroad"), ==, 120);
  g_assert_cmpint (amount_of (document, "sangong", NULL, "vehicle-purchase"), ==, 1000);
  g_assert_cmpint (amount_of (document, "sangong", NULL, "vehicle-operation"), ==, 3860);
  g_assert_cmpint (amount_of (document, "sangong", NULL, "reception"), ==, 45);
  /* Derived, and equal to the workbook's 合计 and 小计 rows. */
  g_assert_cmpint (amount_of (document, "sangong", NULL, "vehicle"), ==, 4860);
  g_assert_cmpint (amount_of (document, "sangong", NULL, "total"), ==, 5025);
  g_assert_null (strstr (report->str, "the workbook has"));
  assert_reported (report, "表八 (sheet “三公经费”): its subtotals and totals agree with what Gongkai derives");
  assert_reported (report, "表八 (sheet “三公经费”), row 11 (“会议费”): not an item of this table; ignored");
  assert_reported (report, "表八 (sheet “三公经费”), column C (“上年预算数”): not a column of this table; ignored");
  assert_reported (report, "表八 (sheet “三公经费”), column D (“增减”): not a column of this table; ignored");
  g_assert_null (strstr (report->str, "has no column"));
}

/* "注：本表为空表…" and "本单位无…" under an empty table's heading say
 * why it is empty; the standard 备注 stays. */
static void
test_empty_explanations (void)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) document = import ("empty-notes.xlsx", NULL, report);
  GkTable *fund = gk_document_get_table (document, "fund-expenditure");
  GkTable *sangong = gk_document_get_table (document, "sangong");

  g_assert_true (gk_table_is_empty (fund));
  g_assert_true (gk_table_is_empty (sangong));
  g_assert_cmpstr (gk_table_get_empty_explanation (fund), ==, "本表为空表，本单位2020年无政府性基金预算拨款安排的支出。");
  g_assert_cmpstr (gk_table_get_empty_explanation (sangong), ==, "本单位无“三公”经费支出。");
  g_assert_cmpstr (gk_table_get_note (fund), ==, "无内容应公开空表并说明情况。");
  g_assert_cmpstr (gk_table_get_note (sangong), ==, "无内容应公开空表并说明情况。");
  assert_reported (report, "表九 (sheet “政府性基金”) is empty; “本表为空表，本单位2020年无政府性基金预算拨款安排的支出。” is taken as the reason it is");
  g_assert_null (gk_table_get_empty_explanation (gk_document_get_table (document, "expenditure")));
}

/* Without --template: the bundled template the sheets match best, the
 * seed's of equals; never a user's. */
static void
test_template_chosen (void)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) document = import ("seed-layout.xlsx", NULL, report);
  g_autoptr(GString) capital_report = g_string_new (NULL);
  g_autoptr(GkDocument) capital = import ("capital.xlsx", NULL, capital_report);

  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (document)), ==, "xinjiang-2020");
  g_assert_true (g_str_has_prefix (report->str, "Template: 新疆 县直部门 2020（九张表） (xinjiang-2020)"));
  assert_reported (report, "9 of the workbook's sheets are its tables");
  g_assert_nonnull (gk_template_find (GK_TEST_CAPITAL_TEMPLATE));
  /* A bundled template with a 国有资本经营预算支出表 fits it better than
   * the seed's: the sheet is read, not ignored. */
  g_assert_false (gk_template_is_user (gk_document_get_template (capital)));
  g_assert_nonnull (gk_document_get_table (capital, "capital-expenditure"));
  g_assert_false (gk_table_is_empty (gk_document_get_table (capital, "capital-expenditure")));
  g_assert_null (strstr (capital_report->str, "is not part of this template"));
}

/* A workbook none of whose sheets is a table of the template. */
static void
test_no_table_of_template (void)
{
  g_autofree char *path = data_path ("performance.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  GkTemplate *sangong_only = gk_template_new_from_data (
    "{ \"id\": \"sangong-only\", \"version\": 1, \"title\": \"只有三公\", \"region\": \"测试\","
    "  \"description\": \"\", \"numbering\": \"none\", \"tables\": ["
    "  { \"role\": \"sangong\", \"title\": \"“三公”经费支出表\", \"kind\": \"single\", \"orientation\": \"portrait\","
    "    \"columns\": [ { \"id\": \"total\", \"title\": \"合计\" } ] } ] }", &error);

  g_assert_no_error (error);
  document = gk_xlsx_import_for_template (path, sangong_only, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_NO_TABLE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "no sheet with one of the tables of the template “只有三公”"));
  g_assert_nonnull (strstr (error->message, "“2020年项目支出绩效目标表” is not part of this template"));
  g_assert_nonnull (strstr (error->message, "“2020年项目支出情况表” is not part of this template"));
}

/* Title words: a unit's name is no table; a table no template has is
 * still known, so that it is not taken for another. */
static void
test_title_words (void)
{
  GkTemplate *seed = gk_template_get_default ();

  g_assert_null (_gk_xlsx_role_by_title (seed, "乌鲁木齐县政府采购中心2020年部门预算", FALSE));
  g_assert_cmpstr (_gk_xlsx_role_by_title (seed, "2020年政府采购预算表", FALSE), ==, "procurement");
  g_assert_cmpstr (_gk_xlsx_role_by_title (seed, "国有资本经营", TRUE), ==, "capital-expenditure");
  g_assert_null (_gk_xlsx_role_by_title (seed, "国有资本经营", FALSE));
  g_assert_cmpstr (_gk_xlsx_role_by_title (seed, "一般公共预算三公经费支出情况表", FALSE), ==, "sangong");
  g_assert_cmpstr (_gk_xlsx_role_by_title (seed, "项目支出绩效目标表", FALSE), ==, "project-performance");
  g_assert_cmpstr (_gk_xlsx_role_by_title (seed, "部门收入预算总表", FALSE), ==, "income");
  g_assert_cmpstr (_gk_xlsx_role_by_title (seed, "一般公共预算基本支出情况表", FALSE), ==, "basic-expenditure");
  g_assert_null (_gk_xlsx_role_by_title (seed, "编制部门:国有资本经营预算支出表", FALSE));
  g_assert_cmpuint (_gk_xlsx_table_number ("表十一"), ==, 11);
  g_assert_cmpuint (_gk_xlsx_table_number ("附表12"), ==, 12);
  g_assert_cmpuint (_gk_xlsx_table_number ("表三"), ==, 3);
  g_assert_cmpuint (_gk_xlsx_table_number ("表一百"), ==, 0);
  g_assert_cmpuint (_gk_xlsx_table_number ("表123"), ==, 0);
  g_assert_cmpuint (_gk_xlsx_table_number ("表0"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for the user's data folder, which it keeps. */
  data_home = g_dir_make_tmp ("gongkai-templates-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  gk_test_write_capital_template (data_home);

  g_test_add_func ("/xlsx-templates/capital/in-template", test_capital_in_template);
  g_test_add_func ("/xlsx-templates/capital/not-in-template", test_capital_not_in_template);
  g_test_add_func ("/xlsx-templates/purchased-services", test_purchased_services);
  g_test_add_func ("/xlsx-templates/performance-targets", test_performance_targets);
  g_test_add_func ("/xlsx-templates/sangong-items-as-rows", test_sangong_items_as_rows);
  g_test_add_func ("/xlsx-templates/empty-explanations", test_empty_explanations);
  g_test_add_func ("/xlsx-templates/template-chosen", test_template_chosen);
  g_test_add_func ("/xlsx-templates/no-table-of-template", test_no_table_of_template);
  g_test_add_func ("/xlsx-templates/title-words", test_title_words);
  status = g_test_run ();

  {
    g_autofree char *file = g_build_filename (data_home, "gongkai", "templates", GK_TEST_CAPITAL_TEMPLATE ".json", NULL);
    g_autofree char *templates = g_build_filename (data_home, "gongkai", "templates", NULL);
    g_autofree char *gongkai = g_build_filename (data_home, "gongkai", NULL);

    g_remove (file);
    g_rmdir (templates);
    g_rmdir (gongkai);
    g_rmdir (data_home);
  }
  return status;
}
