/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "gk-checker.h"
#include "gk-document-error.h"
#include "gk-document-io.h"
#include "gk-table-layout.h"
#include "gk-table-private.h"
#include "gk-template-private.h"
#include "gk-test-run.h"

/* 部门决算公开: the 决算 templates, the sample, the identities a 决算
 * must keep, and a sum that takes a column away. */

#define SAMPLE "tests/data/final/zhashui-county-audit-bureau-2020-final.gongkai"

static const char * const finals[] = {
  "juesuan-national-2023", "juesuan-shanghai-2024", "juesuan-shaanxi-2020-county",
};

static const char * const titles[] = {
  "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
  "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
  "“三公”经费", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款收入支出决算表",
};

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("GK_SOURCE_ROOT"), SAMPLE, NULL);
}

static JsonNode *
sample_json (void)
{
  g_autofree char *path = sample_path ();

  return gk_test_read_json (path);
}

static JsonObject *
member (JsonNode   *root,
        const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonObject *object = json_node_get_object (root);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (!json_object_has_member (object, parts[i]))
        json_object_set_object_member (object, parts[i], json_object_new ());
      object = json_object_get_object_member (object, parts[i]);
    }
  return object;
}

static void
test_templates (void)
{
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };
  const char *args[] = { "--list-templates", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (finals); i++)
    {
      GkTemplate *template = gk_template_find (finals[i]);
      const GkTableSchema *sangong;

      g_assert_nonnull (template);
      g_assert_true (gk_template_is_final (template));
      g_assert_cmpuint (gk_template_get_n_tables (template), ==, 9);
      g_assert_nonnull (gk_template_get_glossary (template));
      g_assert_cmpuint (gk_template_get_n_sections (template), ==, 11);
      sangong = gk_template_lookup (template, "final-sangong");
      g_assert_nonnull (sangong);
      g_assert_cmpint (gk_table_schema_column_index (sangong, "vehicle-operation-final"), >=, 0);
      g_assert_nonnull (gk_template_lookup (template, "final-basic"));
      g_assert_true (gk_template_lookup (template, "final-basic")->paired);
    }
  g_assert_false (gk_template_is_final (gk_template_find ("national-2016")));
  g_assert_cmpint (gk_table_schema_column_index (gk_template_lookup (gk_template_find ("juesuan-shaanxi-2020-county"),
                                                                     "final-sangong"), "meeting-final"), >=, 0);

  gk_test_run_gongkai (NULL, NULL, &run, args);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (finals); i++)
    {
      g_autofree char *needle = g_strconcat (finals[i], "\t", NULL);
      const char *line = strstr (run.out, needle);
      g_autofree char *whole = NULL;

      g_assert_nonnull (line);
      whole = strchr (line, '\n') != NULL ? g_strndup (line, strchr (line, '\n') - line) : g_strdup (line);
      g_assert_true (g_str_has_suffix (whole, "\tfinal accounts"));
    }
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "national-2016\t"))
      g_assert_null (strstr (lines[i], "final accounts"));
}

/* The three-level header of the 三公 table, 预算数 and 决算数 on the bottom
 * row under each item. */
static void
test_sangong_header (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (gk_template_find ("juesuan-national-2023"),
                                                                       "单位", 2023, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GkTableLayout) layout = gk_table_layout_new (document, gk_document_get_table (document, "final-sangong"));
  guint found = 0;

  g_assert_cmpuint (layout->n_header_rows, ==, 4);
  for (guint i = 0; i < layout->header->len; i++)
    {
      GkLayoutHeaderCell *cell = layout->header->pdata[i];

      if (g_str_equal (cell->text, "预算数") || g_str_equal (cell->text, "决算数"))
        {
          g_assert_cmpuint (cell->row, ==, 3);
          found++;
        }
      if (g_str_equal (cell->text, "合计") || g_str_equal (cell->text, "因公出国（境）费"))
        g_assert_cmpuint (cell->row_span, ==, 2);
      if (g_str_equal (cell->text, "财政拨款“三公”经费"))
        g_assert_cmpuint (cell->column_span, ==, 12);
    }
  g_assert_cmpuint (found, ==, 12);
  /* A new 决算 starts with the template's notes and glossary. */
  g_assert_cmpstr (gk_table_get_note (gk_document_get_table (document, "final-sangong")), ==,
                   "注：本表反映部门本年度“三公”经费支出预决算情况。");
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_glossary (document)), ==, 11);
}

static void
test_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("gk-final-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "final.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "final.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "csv", NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export-pdf=", pdf, NULL);
  g_autofree char *xlsx_arg = g_strconcat ("--export-xlsx=", xlsx, NULL);
  g_autofree char *csv_arg = g_strconcat ("--export-csv=", csv, NULL);
  g_autofree char *text = NULL;
  g_autofree char *csv_summary = NULL;
  g_autofree char *summary_file = NULL;
  g_autoptr(GError) error = NULL;
  const char *check[] = { "--check", path, NULL };
  const char *to_pdf[] = { pdf_arg, path, NULL };
  const char *to_xlsx[] = { xlsx_arg, path, NULL };
  const char *to_csv[] = { csv_arg, path, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  const char *previous = NULL;
  int status;

  {
    g_auto(Run) run = { 0 };
    gk_test_run_gongkai (NULL, NULL, &run, check);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "0 errors, 0 warnings"));
  }
  {
    g_auto(Run) run = { 0 };
    gk_test_run_gongkai (NULL, NULL, &run, to_pdf);
    g_assert_cmpint (run.status, ==, 0);
  }
  g_spawn_sync (NULL, (char **) text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "2020年度部门决算"));
  /* The nine titles in order, after the contents. */
  previous = strstr (text, "第二部分 2020年度部门决算表");
  previous = previous != NULL ? strstr (previous + 1, "第二部分 2020年度部门决算表") : NULL;
  g_assert_nonnull (previous);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *at = strstr (previous, titles[i]);
      g_assert_nonnull (at);
      previous = at + strlen (titles[i]);
    }
  g_assert_nonnull (strstr (text, "299.60"));
  g_assert_nonnull (strstr (text, "人员经费合计"));
  g_assert_nonnull (strstr (text, "224.30"));
  g_assert_nonnull (strstr (text, "公用经费合计"));
  g_assert_nonnull (strstr (text, "32.40"));
  g_assert_nonnull (strstr (text, "年末结转和结余"));
  /* 情况说明 by the template's outline, every figure computed: the
   * completion rates against the 年初预算 the budget gave (295.30 / 289.10,
   * 5.60 / 6.50), the change against last year's 决算, no blank left. */
  g_assert_nonnull (strstr (text, "年初预算的102.14%"));
  g_assert_nonnull (strstr (text, "的86.15%"));
  g_assert_nonnull (strstr (text, "增长6.47%"));
  g_assert_nonnull (strstr (text, "十、预算绩效管理情况"));
  g_assert_null (strstr (text, "未填写"));
  g_assert_null (strstr (text, "未取得"));

  {
    g_auto(Run) run = { 0 };
    gk_test_run_gongkai (NULL, NULL, &run, to_xlsx);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GDir) listing = NULL;
    const char *name;

    gk_test_run_gongkai (NULL, NULL, &run, to_csv);
    g_assert_cmpint (run.status, ==, 0);
    listing = g_dir_open (csv, 0, &error);
    g_assert_no_error (error);
    while ((name = g_dir_read_name (listing)) != NULL)
      if (g_str_equal (name, "表一.csv"))
        summary_file = g_build_filename (csv, name, NULL);
    g_assert_nonnull (summary_file);
    g_file_get_contents (summary_file, &csv_summary, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (csv_summary, "年初结转和结余"));
    g_assert_nonnull (strstr (csv_summary, "299.60"));
  }
  gk_test_remove_tree (dir);
}

/* A file's entered lines come back as they went; 年末 by source is derived. */
static void
test_round_trip (void)
{
  g_autoptr(JsonNode) root = sample_json ();
  g_autoptr(GkDocument) document = gk_test_load_json (root);
  GkTable *fiscal = gk_document_get_table (document, "final-fiscal-summary");
  GkAmount amount = 0;

  g_assert_true (gk_table_get_line_figure (fiscal, "opening-general", "total", &amount));
  g_assert_cmpint (amount, ==, 560);
  g_assert_false (gk_table_get_line_figure (fiscal, "closing", "general", NULL));
  g_assert_cmpint (gk_row_get_value (gk_table_lookup_line (fiscal, "closing"), 1), ==, 430);
  /* 合计 of an expenditure line is its columns' sum. */
  g_assert_cmpint (gk_row_get_value (gk_table_lookup_line (fiscal, "closing"), 0), ==, 430);
  g_assert_cmpint (gk_row_get_value (gk_table_lookup_line (fiscal, "expenditure-grand-total"), 1), ==, 29960);
}

/* Typing 年初结转和结余 is one step of the history; a derived line refuses. */
static void
test_enter_line (void)
{
  g_autoptr(JsonNode) root = sample_json ();
  g_autoptr(GkDocument) document = gk_test_load_json (root);
  GkTable *summary = gk_document_get_table (document, "final-summary");
  GkAmount opening = 1000;
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_set_line_figure (document, summary, "opening", "amount", &opening, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_row_get_value (gk_table_lookup_line (summary, "grand-total"), 0), ==, 29400 + 1000);
  gk_document_undo (document);
  g_assert_cmpint (gk_row_get_value (gk_table_lookup_line (summary, "grand-total"), 0), ==, 29960);
  g_assert_false (gk_document_set_line_figure (document, summary, "grand-total", "amount", &opening, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_assert_nonnull (strstr (error->message, "总计"));
}

typedef struct
{
  const char *rule;
  const char *path;    /* the object in the file */
  const char *member;
  const char *value;
  const char *says[2]; /* in the message: the table or line, and a figure */
} Break;

static void
test_identities (void)
{
  static const Break breaks[] = {
    /* 总计 of income no longer that of expenditure. */
    { "final.balance", "tables/final-summary/lines/closing", "amount", "5.30", { "表一", "300.60" } },
    /* 年末 of 一般公共预算 ≠ 年初 + 收入 − 支出. */
    { "final.closing", "tables/final-fiscal-summary/lines/closing", "general", "5.30", { "年末财政拨款结转和结余", "4.30" } },
    /* 一般公共预算 income on one 总表 only. */
    { "final.tables", "tables/final-fiscal-summary/lines/general", "total", "295.00", { "一般公共预算财政拨款", "295.00" } },
    /* A 总计 printed unlike its lines. */
    { "final.grand-total", "tables/final-summary/stated/grand-total", "amount", "300.00", { "总计", "299.60" } },
    /* A row of the 政府性基金 table printed unbalanced. */
    { "final.fund-row", "tables/final-fund/stated/total", "closing", "1.00", { "表八", "1.00" } },
    /* 三公 决算 小计 printed unlike 购置 + 运行. */
    { "final.sangong", "tables/final-sangong/stated/values", "vehicle-final", "5.00", { "购置费", "4.50" } },
    /* 支出决算表 total printed unlike the 总表's 本年支出合计. */
    { "final.tables", "tables/final-expenditure/stated/total", "total", "290.00", { "表三", "290.00" } },
  };

  {
    g_autoptr(JsonNode) root = sample_json ();
    g_autoptr(GkDocument) document = gk_test_load_json (root);
    g_autoptr(GkChecker) checker = gk_checker_new (document);

    g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, 0);
  }
  for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
    {
      g_autoptr(JsonNode) root = sample_json ();
      g_autoptr(GkDocument) document = NULL;
      g_autoptr(GkChecker) checker = NULL;
      gboolean said = FALSE;

      json_object_set_string_member (member (root, breaks[i].path), breaks[i].member, breaks[i].value);
      document = gk_test_load_json (root);
      checker = gk_checker_new (document);
      g_assert_cmpuint (gk_checker_count_rule (checker, breaks[i].rule), >=, 1);
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (checker)); k++)
        {
          g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), k);
          const char *message = gk_finding_get_message (finding);

          if (g_str_equal (gk_finding_get_rule_id (finding), breaks[i].rule) &&
              strstr (message, breaks[i].says[0]) != NULL && strstr (message, breaks[i].says[1]) != NULL)
            said = TRUE;
        }
      for (guint k = 0; !said && k < g_list_model_get_n_items (G_LIST_MODEL (checker)); k++)
        {
          g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), k);
          g_printerr ("%s: %s\n", gk_finding_get_rule_id (finding), gk_finding_get_message (finding));
        }
      if (!said)
        g_error ("%s: no finding names “%s” and “%s”", breaks[i].rule, breaks[i].says[0], breaks[i].says[1]);
    }
}

#define SUBTRACTING(minus) \
  "{\"id\": \"minus\", \"version\": 1, \"tables\": [{\"role\": \"fund\", \"title\": \"基金\", \"kind\": \"function\"," \
  " \"columns\": [" \
  "  {\"id\": \"opening\", \"title\": \"年初\"}, {\"id\": \"income\", \"title\": \"收入\"}," \
  "  {\"id\": \"total\", \"title\": \"支出\"}," \
  "  {\"id\": \"closing\", \"title\": \"年末\", \"sum\": [\"opening\", \"income\", \"" minus "\"]}]}]}"

static void
test_subtracting_sum (void)
{
  const char *good = SUBTRACTING ("-total");
  const char *bad = SUBTRACTING ("-spent");
  const char *empty = SUBTRACTING ("-");
  g_autoptr(GError) error = NULL;
  GkTemplate *template = gk_template_new_from_data (good, &error);
  const GkColumnSchema *closing;
  GkAmount values[4] = { 12345678901, 1, 99999999999, 0 };
  guint64 set = 7, overflow = 0;
  g_autoptr(GkDocument) document = NULL;
  GkTable *table;
  g_autoptr(GkRow) row = NULL;

  g_assert_no_error (error);
  closing = gk_table_schema_get_column (gk_template_lookup (template, "fund"), 3);
  g_assert_cmpint (closing->rule, ==, GK_COLUMN_SUM);
  g_assert_cmpuint (closing->subtract, ==, 4);
  /* Exact to the fen: 123456789.01 + 0.01 − 999999999.99. */
  document = gk_document_new_blank_for_template (template, "单位", 2023, GK_MONEY_UNIT_YUAN);
  table = gk_document_get_table (document, "fund");
  row = gk_row_new (GK_ROW_KIND_ITEM, "2120101", "x", 4);
  gk_table_apply_rules (table, row, values, &set, &overflow);
  g_assert_cmpint (values[3], ==, G_GINT64_CONSTANT (12345678901) + 1 - G_GINT64_CONSTANT (99999999999));
  g_assert_cmpuint (set & 8, ==, 8);

  g_assert_null (gk_template_new_from_data (bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“minus”"));
  g_assert_nonnull (strstr (error->message, "“closing”"));
  g_assert_nonnull (strstr (error->message, "-spent"));
  g_clear_error (&error);
  g_assert_null (gk_template_new_from_data (empty, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“closing”"));
}

/* An entered line takes no sum, and an expenditure total only on its side. */
static void
test_malformed_lines (void)
{
  static const char *bad[][2] = {
    { "{\"id\": \"opening\", \"title\": \"年初\", \"entered\": true, \"sum\": [\"a\"]}", "opening" },
    { "{\"id\": \"t\", \"title\": \"总计\", \"sum\": [\"expenditure-total\"]}", "expenditure-total" },
    { "{\"id\": \"t\", \"title\": \"总计\", \"side\": \"left\"}", "side" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\": \"lines-test\", \"version\": 1, \"tables\": ["
        " {\"role\": \"final-expenditure\", \"title\": \"支出\", \"kind\": \"function\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]},"
        " {\"role\": \"final-summary\", \"title\": \"总表\", \"kind\": \"income-expenditure\", \"expenditure-total\": \"本年支出合计\","
        "  \"columns\": [{\"id\": \"amount\", \"title\": \"决算数\", \"source\": \"final-expenditure:total\"}],"
        "  \"lines\": [{\"id\": \"a\", \"title\": \"A\", \"entered\": true}, %s]}]}", bad[i][0]);
      g_autoptr(GError) error = NULL;

      g_assert_null (gk_template_new_from_data (json, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "“lines-test”"));
      g_assert_nonnull (strstr (error->message, bad[i][1]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/final/templates", test_templates);
  g_test_add_func ("/final/sangong-header", test_sangong_header);
  g_test_add_func ("/final/sample", test_sample);
  g_test_add_func ("/final/round-trip", test_round_trip);
  g_test_add_func ("/final/enter-line", test_enter_line);
  g_test_add_func ("/final/identities", test_identities);
  g_test_add_func ("/final/subtracting-sum", test_subtracting_sum);
  g_test_add_func ("/final/malformed-lines", test_malformed_lines);
  return g_test_run ();
}
