/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-csv-writer.h"
#include "gk-document-io.h"
#include "gk-test-common.h"
#include "gk-pdf-export.h"
#include "gk-table-layout.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"
#include "gk-template.h"

/* The 部门（单位）整体绩效目标表 (kind overall-performance, 表十 of
 * jiangxi-2022-town): its tasks, goal and indicators, undo, the file, the
 * checks and the printed table. */

static GkDocument *
new_jiangxi (void)
{
  GkTemplate *template = gk_template_find ("jiangxi-2022-town");

  g_assert_nonnull (template);
  return gk_document_new_blank_for_template (template, "测试镇人民政府", 2022, GK_MONEY_UNIT_WANYUAN);
}

static GkAmount
cell (GkRow      *row,
      const char *column)
{
  GkAmount amount = -1;

  if (!gk_row_get_amount (row, gk_table_column_index (gk_row_get_table (row), column), &amount))
    return -1;
  return amount;
}

static void
set (GkDocument *document,
     GkRow      *row,
     const char *column,
     const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_set_amount_text (document, row, gk_table_column_index (gk_row_get_table (row), column),
                                              text, &error));
  g_assert_no_error (error);
}

static void
set_text (GkDocument *document,
          GkRow      *row,
          guint       column,
          const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_set_list_text (document, row, column, text, &error));
  g_assert_no_error (error);
}

/* 部门支出 20.00 (201 03 01 基本支出); two tasks: 机关运转 12.00 + 3.00 and
 * 乡村振兴 5.00, together 20.00; the goal and two indicators. */
static GkDocument *
new_filled (void)
{
  GkDocument *document = new_jiangxi ();
  GkTable *expenditure = gk_document_get_table (document, "expenditure");
  GkTable *table = gk_document_get_table (document, "overall-performance");
  g_autoptr(GkIndicator) first = gk_indicator_new ("产出指标", "数量指标", "完成重点工作", "≥10项");
  g_autoptr(GkIndicator) second = gk_indicator_new ("产出指标", "质量指标", "群众满意度", "≥90%");
  g_autoptr(GError) error = NULL;
  GkRow *row;

  row = gk_document_add_row (document, expenditure, "2010301", NULL, &error);
  g_assert_no_error (error);
  set (document, row, "basic", "20");

  row = gk_document_add_list_row (document, table, G_MAXUINT);
  set_text (document, row, GK_OVERALL_TEXT_NAME, "机关运转");
  set_text (document, row, GK_OVERALL_TEXT_CONTENT, "保障机关日常运转");
  set (document, row, "fiscal", "12");
  set (document, row, "other", "3");
  row = gk_document_add_list_row (document, table, G_MAXUINT);
  set_text (document, row, GK_OVERALL_TEXT_NAME, "乡村振兴");
  set (document, row, "fiscal", "5");
  gk_document_set_goal (document, table, "保障全镇各项工作正常开展。");
  gk_document_list_insert (document, gk_table_get_indicators (table), 0, first);
  gk_document_list_insert (document, gk_table_get_indicators (table), 1, second);
  return document;
}

static void
test_schema (void)
{
  g_autoptr(GkDocument) document = new_jiangxi ();
  GkTable *table = gk_document_get_table (document, "overall-performance");
  const GkTableSchema *schema;
  g_autoptr(GError) error = NULL;
  GkTemplate *bad;

  g_assert_nonnull (table);
  schema = gk_table_get_schema (table);
  g_assert_cmpint (schema->kind, ==, GK_TABLE_KIND_OVERALL_PERFORMANCE);
  g_assert_cmpstr (schema->number, ==, "十");
  g_assert_cmpuint (gk_table_schema_get_n_texts (schema), ==, 2);
  g_assert_cmpstr (gk_table_schema_get_text (schema, 0)->title, ==, "任务名称");
  g_assert_cmpstr (gk_table_schema_get_text (schema, 1)->title, ==, "主要内容");
  g_assert_cmpuint (gk_table_schema_get_n_columns (schema), ==, 3);
  g_assert_cmpstr (gk_table_schema_get_column (schema, 0)->title, ==, "总额");
  g_assert_cmpint (gk_table_schema_get_column (schema, 0)->rule, ==, GK_COLUMN_SUM);
  g_assert_true (gk_table_is_overall_performance (table));
  g_assert_true (gk_table_is_empty (table));
  g_assert_cmpstr (gk_table_get_goal (table), ==, "");
  g_assert_null (gk_table_get_goal (gk_document_get_table (document, "expenditure")));
  g_assert_null (gk_table_get_indicators (gk_document_get_table (document, "expenditure")));

  /* The kind gives the columns: a template may not. */
  bad = gk_template_new_from_data ("{\"id\": \"bad\", \"version\": 1, \"title\": \"t\", \"region\": \"r\", "
                                   "\"numbering\": \"chinese\", \"tables\": [{\"role\": \"overall-performance\", "
                                   "\"title\": \"整体绩效\", \"kind\": \"overall-performance\", "
                                   "\"columns\": [{\"id\": \"x\", \"title\": \"x\"}]}]}", &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“columns”: []"));
}

static void
test_edits_and_undo (void)
{
  g_autoptr(GkDocument) document = new_filled ();
  GkTable *table = gk_document_get_table (document, "overall-performance");
  GListModel *indicators = gk_table_get_indicators (table);
  GkRow *total = gk_table_get_total_row (table);
  GkRow *first = gk_table_get_entry (table, 0);

  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 2);
  g_assert_cmpint (cell (first, "total"), ==, 1500);
  g_assert_cmpint (cell (total, "total"), ==, 2000);
  g_assert_cmpint (cell (total, "other"), ==, 300);
  g_assert_cmpstr (gk_row_get_name (first), ==, "机关运转");
  g_assert_cmpstr (gk_table_get_goal (table), ==, "保障全镇各项工作正常开展。");
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 2);
  g_assert_false (gk_table_is_empty (table));

  /* Undo, one edit at a time: the indicators, the goal, the second task. */
  gk_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 1);
  gk_document_undo (document);
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 0);
  gk_document_undo (document);
  g_assert_cmpstr (gk_table_get_goal (table), ==, "");
  gk_document_undo (document);
  g_assert_cmpint (cell (total, "total"), ==, 1500);
  gk_document_undo (document);
  gk_document_undo (document);
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 1);
  gk_document_redo (document);
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 2);

  /* Removing a task takes its money out of the 合计; undo brings it back. */
  gk_document_remove_list_row (document, first);
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 1);
  g_assert_cmpint (cell (total, "total"), ==, -1);
  gk_document_undo (document);
  g_assert_cmpint (cell (total, "total"), ==, 1500);

  /* A goal of blanks is no goal. */
  gk_document_set_goal (document, table, "  \n ");
  g_assert_cmpstr (gk_table_get_goal (table), ==, "");
}

static void
test_round_trip (void)
{
  g_autoptr(GkDocument) document = new_filled ();
  g_autoptr(GBytes) bytes = gk_document_serialize (document);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GkDocument) loaded = NULL;
  g_autoptr(GkIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = g_bytes_get_data (bytes, NULL);
  GkTable *table;

  g_assert_nonnull (strstr (text, "\"tasks\""));
  g_assert_nonnull (strstr (text, "\"goal\""));
  g_assert_nonnull (strstr (text, "\"indicators\""));
  loaded = gk_document_load_from_data (text, g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  table = gk_document_get_table (loaded, "overall-performance");
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 2);
  g_assert_cmpstr (gk_list_row_get_text (gk_table_get_entry (table, 0), GK_OVERALL_TEXT_CONTENT), ==,
                   "保障机关日常运转");
  g_assert_cmpint (cell (gk_table_get_total_row (table), "total"), ==, 2000);
  g_assert_cmpstr (gk_table_get_goal (table), ==, "保障全镇各项工作正常开展。");
  g_assert_cmpuint (g_list_model_get_n_items (gk_table_get_indicators (table)), ==, 2);
  indicator = g_list_model_get_item (gk_table_get_indicators (table), 1);
  g_assert_cmpstr (gk_indicator_get_level2 (indicator), ==, "质量指标");
  g_assert_cmpstr (gk_indicator_get_target (indicator), ==, "≥90%");
  again = gk_document_serialize (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_malformed (void)
{
  static const struct { const char *member; const char *value; const char *message; } cases[] = {
    { "tasks", "{}", "$.tables.overall-performance.tasks: expected a list" },
    { "tasks", "[3]", "$.tables.overall-performance.tasks[0]: expected an object" },
    { "tasks", "[{\"name\": 12}]", "$.tables.overall-performance.tasks[0].name: expected" },
    { "tasks", "[{\"name\": \"a\"}, {\"fiscal\": \"1.234\"}]", "$.tables.overall-performance.tasks[1].fiscal:" },
    { "tasks", "[{\"total\": \"5\"}]", "$.tables.overall-performance.tasks[0].total: column “total”" },
    { "tasks", "[{\"price\": \"5\"}]", "$.tables.overall-performance.tasks[0].price:" },
    { "goal", "5", "$.tables.overall-performance.goal: expected" },
    { "goal", "[\"a\"]", "$.tables.overall-performance.goal: expected" },
    { "indicators", "{}", "$.tables.overall-performance.indicators: expected a list" },
    { "indicators", "[\"产出指标\"]", "$.tables.overall-performance.indicators[0]: expected an object" },
    { "indicators", "[{\"level1\": 3}]", "$.tables.overall-performance.indicators[0].level1:" },
    { "indicators", "[{\"level1\": \"a\"}, {\"weight\": \"x\"}]", "$.tables.overall-performance.indicators[1].weight:" },
    { "rows", "[]", "$.tables.overall-performance.rows: the tasks of table overall-performance are written under “tasks”" },
  };
  g_autoptr(GkDocument) document = new_filled ();
  g_autoptr(GBytes) bytes = gk_document_serialize (document);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
      g_autoptr(JsonNode) value = json_from_string (cases[i].value, NULL);
      JsonObject *tables = json_object_get_object_member (json_node_get_object (root), "tables");
      JsonObject *table = json_object_get_object_member (tables, "overall-performance");
      g_autofree char *broken = NULL;
      g_autoptr(GkDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (table);
      json_object_set_member (table, cases[i].member, g_steal_pointer (&value));
      broken = json_to_string (root, TRUE);
      loaded = gk_document_load_from_data (broken, -1, &error);
      g_assert_null (loaded);
      g_assert_nonnull (error);
      if (!gk_test_message_says (error->message, cases[i].message))
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

static guint
count_rule (GkChecker  *checker,
            const char *rule_id,
            const char *message_part)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (g_str_equal (gk_finding_get_rule_id (finding), rule_id) &&
          (message_part == NULL || strstr (gk_finding_get_message (finding), message_part) != NULL))
        {
          g_assert_cmpint (gk_finding_get_severity (finding), ==, GK_CHECK_SEVERITY_WARNING);
          n++;
        }
    }
  return n;
}

static void
test_checks (void)
{
  g_autoptr(GkDocument) document = new_filled ();
  g_autoptr(GkDocument) empty = new_jiangxi ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GkChecker) empty_checker = gk_checker_new (empty);
  GkTable *table = gk_document_get_table (document, "overall-performance");
  GkRow *second = gk_table_get_entry (table, 1);

  /* Clean: 20.00 = 20.00, tasks and indicators there. */
  g_assert_cmpuint (count_rule (checker, "overall.tasks-expenditure", NULL), ==, 0);
  g_assert_cmpuint (count_rule (checker, "overall.incomplete", NULL), ==, 0);

  /* A task's money changed: both figures are named. */
  set (document, second, "fiscal", "4");
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "overall.tasks-expenditure", "19.00"), ==, 1);
  g_assert_cmpuint (count_rule (checker, "overall.tasks-expenditure", "20.00"), ==, 1);
  gk_document_undo (document);
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "overall.tasks-expenditure", NULL), ==, 0);

  /* The indicators removed: the table is incomplete, and the checker saw it. */
  gk_document_list_remove (document, gk_table_get_indicators (table), 1);
  gk_document_list_remove (document, gk_table_get_indicators (table), 0);
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "overall.incomplete", "indicator"), ==, 1);

  /* An empty table: no task and no indicator; no comparison of nothing. */
  g_assert_cmpuint (count_rule (empty_checker, "overall.incomplete", NULL), ==, 2);
  g_assert_cmpuint (count_rule (empty_checker, "overall.tasks-expenditure", NULL), ==, 0);
}

static char *
run_pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_outputs (void)
{
  g_autoptr(GkDocument) document = new_filled ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-overall-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "jiangxi.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  GkTable *table = gk_document_get_table (document, "overall-performance");
  const char *start, *next;

  g_assert_true (gk_pdf_export (document, pdf, NULL, &error));
  g_assert_no_error (error);
  text = run_pdftotext (pdf);
  /* In the 目录 as 十、…, then on its page as 表十 and its title, before 表十一. */
  start = strstr (text, "十、部门(单位)整体绩效目标表");
  g_assert_nonnull (start);
  start = strstr (start, "表十\n");
  g_assert_nonnull (start);
  g_assert_nonnull (strstr (start, "部门(单位)整体绩效目标表"));
  next = strstr (start, "表十一\n");
  g_assert_nonnull (next);
  if (g_getenv ("GK_TEST_KEEP") != NULL)
    g_test_message ("%s", pdf);
  g_assert_true (g_regex_match_simple ("机关运转\\s+保障机关日常运转\\s+15\\.00\\s+12\\.00\\s+3\\.00", start, 0, 0));
  g_assert_true (g_regex_match_simple ("乡村振兴\\s+5\\.00\\s+5\\.00", start, 0, 0));
  g_assert_true (g_regex_match_simple ("合计\\s+20\\.00\\s+17\\.00\\s+3\\.00", start, 0, 0));
  g_assert_true (g_regex_match_simple ("年度绩效目标\\s+保障全镇各项工作正常开展。", start, 0, 0));
  /* 产出指标 is one cell over both indicators. */
  g_assert_true (g_regex_match_simple ("数量指标\\s+完成重点工作\\s+≥10项", start, 0, 0));
  g_assert_true (strstr (start, "产出指标") != NULL && strstr (start, "产出指标") < next);
  g_assert_true (g_regex_match_simple ("质量指标\\s+群众满意度\\s+≥90%", start, 0, 0));
  g_assert_true (strstr (start, "群众满意度") < next);

  /* CSV: the tasks, the 合计, the goal and the indicators. */
  csv = gk_csv_serialize_table (document, table);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "机关运转,保障机关日常运转,15.00,12.00,3.00"));
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "合计,,20.00,17.00,3.00"));
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "年度绩效目标,保障全镇各项工作正常开展。"));
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "产出指标,质量指标,群众满意度,≥90%"));

  if (g_getenv ("GK_TEST_KEEP") != NULL)
    g_test_message ("%s", pdf);
  else
    {
      g_remove (pdf);
      g_rmdir (dir);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overall-performance/schema", test_schema);
  g_test_add_func ("/overall-performance/edits-and-undo", test_edits_and_undo);
  g_test_add_func ("/overall-performance/round-trip", test_round_trip);
  g_test_add_func ("/overall-performance/malformed", test_malformed);
  g_test_add_func ("/overall-performance/checks", test_checks);
  g_test_add_func ("/overall-performance/outputs", test_outputs);

  return g_test_run ();
}
