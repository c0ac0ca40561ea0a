/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gk-checker.h"
#include "gk-document-error.h"
#include "gk-document-io.h"
#include "gk-export.h"
#include "gk-table.h"
#include "gk-test-common.h"

/* A 决算 enters each figure once: 一般公共预算财政拨款收入 on 收入支出决算总表
 * (财政拨款收入支出决算总表 reads it), 年末 by source derived as 年初 + 收入
 * − 支出, 收入支出决算总表's 年末结转和结余 as 总计 − 本年支出 − 结余分配. A file
 * written when they were entered twice opens without losing a figure. */

#define SAMPLE "tests/data/final/zhashui-county-audit-bureau-2020-final.gongkai"

static JsonNode *
sample_json (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), SAMPLE, NULL);

  return gk_test_read_json (path);
}

static JsonObject *
lines_of (JsonNode   *root,
          const char *table)
{
  JsonObject *tables = json_object_get_object_member (json_node_get_object (root), "tables");
  JsonObject *object = json_object_get_object_member (tables, table);

  if (!json_object_has_member (object, "lines"))
    json_object_set_object_member (object, "lines", json_object_new ());
  return json_object_get_object_member (object, "lines");
}

static void
put (JsonNode   *root,
     const char *table,
     const char *line,
     const char *column,
     const char *value)
{
  JsonObject *lines = lines_of (root, table);

  if (!json_object_has_member (lines, line))
    json_object_set_object_member (lines, line, json_object_new ());
  json_object_set_string_member (json_object_get_object_member (lines, line), column, value);
}

static GkAmount
figure (GkDocument *document,
        const char *table,
        const char *line,
        guint       column)
{
  GkRow *row = gk_table_lookup_line (gk_document_get_table (document, table), line);

  g_assert_nonnull (row);
  g_assert_true (gk_row_is_set (row, column));
  return gk_row_get_value (row, column);
}

static char *
pdf_text (GkDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-once-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "final.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  char *out = NULL;
  int status;

  g_assert_no_error (error);
  g_assert_true (gk_export_file (document, GK_EXPORT_PDF, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_remove (pdf);
  g_rmdir (dir);
  return out;
}

/* The line of the PDF that begins (after spaces) with @title and holds
 * @figure: the row is printed with that figure. */
static gboolean
prints (const char *text,
        const char *title,
        const char *amount)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), title) && strstr (lines[i], amount) != NULL)
      return TRUE;
  return FALSE;
}

/* One figure typed on 收入支出决算总表: both 总表, every line that adds it,
 * 年末 by source and the PDF follow; the checks stay clean. */
static void
test_one_entry (void)
{
  g_autoptr(JsonNode) root = sample_json ();
  g_autoptr(GkDocument) document = gk_test_load_json (root);
  GkTable *summary = gk_document_get_table (document, "final-summary");
  GkTable *fiscal = gk_document_get_table (document, "final-fiscal-summary");
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  GkAmount general = 30000, opening = 700;

  /* Entered once; derived lines take no figure. */
  g_assert_false (gk_table_get_line_figure (fiscal, "general", "total", NULL));
  g_assert_false (gk_document_set_line_figure (document, fiscal, "general", "total", &general, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  g_assert_false (gk_document_set_line_figure (document, fiscal, "closing", "general", &general, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  g_assert_false (gk_document_set_line_figure (document, summary, "closing", "amount", &general, &error));
  g_clear_error (&error);

  g_assert_cmpint (figure (document, "final-fiscal-summary", "general", 0), ==, 29400);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "closing", 1), ==, 430);
  g_assert_cmpint (figure (document, "final-summary", "closing", 0), ==, 430);
  before = pdf_text (document);
  g_assert_true (prints (before, "一、一般公共预算财政拨款收入", "294.00"));
  g_assert_true (prints (before, "年初财政拨款结转和结余", "4.30"));

  g_assert_true (gk_document_set_line_figure (document, summary, "general", "amount", &general, &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_set_line_figure (document, fiscal, "opening-general", "total", &opening, &error));
  g_assert_no_error (error);
  /* 300.00 + 7.00 − 295.30 = 11.70 */
  g_assert_cmpint (figure (document, "final-summary", "income-total", 0), ==, 30000);
  g_assert_cmpint (figure (document, "final-summary", "closing", 0), ==, 30000 + 560 - 29530);
  g_assert_cmpint (figure (document, "final-summary", "expenditure-grand-total", 0), ==, 30560);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "general", 0), ==, 30000);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "income-total", 0), ==, 30000);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "closing", 1), ==, 1170);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "closing", 0), ==, 1170);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "grand-total", 0), ==, 30700);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "expenditure-grand-total", 0), ==, 30700);
  checker = gk_checker_new (document);
  g_assert_cmpuint (gk_checker_count_rule (checker, "final.balance"), ==, 0);
  g_assert_cmpuint (gk_checker_count_rule (checker, "final.closing"), ==, 0);
  g_assert_cmpuint (gk_checker_count_rule (checker, "final.grand-total"), ==, 0);
  g_assert_cmpuint (gk_checker_count_rule (checker, "table.subtotal"), ==, 0);

  after = pdf_text (document);
  g_assert_true (prints (after, "一、一般公共预算财政拨款收入", "300.00"));
  g_assert_true (prints (after, "一、一般公共预算财政拨款", "300.00"));
  g_assert_false (prints (after, "一、一般公共预算财政拨款", "294.00"));
  g_assert_true (prints (after, "年初结转和结余", "10.30"));
  g_assert_true (prints (after, "年初财政拨款结转和结余", "11.70"));

  /* Undone, every place is back. */
  gk_document_undo (document);
  gk_document_undo (document);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "general", 0), ==, 29400);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "closing", 1), ==, 430);
  g_assert_cmpint (figure (document, "final-summary", "closing", 0), ==, 430);
}

/* A file of when both 总表 entered 一般公共预算 and 年末 was entered: an
 * equal figure goes without a word, a differing one stays, is printed
 * and saved, and the checks name both places and figures. */
static void
test_old_form (void)
{
  g_autoptr(JsonNode) root = sample_json ();
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) again = NULL;
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GkTable *fiscal, *summary;
  GkAmount amount = 0;
  gboolean named = FALSE;

  put (root, "final-summary", "closing", "amount", "4.30");
  put (root, "final-fiscal-summary", "general", "total", "296.00");
  put (root, "final-fiscal-summary", "closing", "general", "4.30");
  put (root, "final-fiscal-summary", "closing", "fund", "0.00");
  document = gk_test_load_json (root);
  fiscal = gk_document_get_table (document, "final-fiscal-summary");
  summary = gk_document_get_table (document, "final-summary");

  /* Equal to the derived figure: dropped. */
  g_assert_false (gk_table_get_line_figure (summary, "closing", "amount", NULL));
  /* Differing: kept as typed, and what follows from it with it. */
  g_assert_true (gk_table_get_line_figure (fiscal, "general", "total", &amount));
  g_assert_cmpint (amount, ==, 29600);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "general", 0), ==, 29600);
  g_assert_cmpint (figure (document, "final-fiscal-summary", "income-total", 0), ==, 29600);
  /* 年末 was typed against 294.00, so it no longer equals 5.60 + 296.00 − 295.30. */
  g_assert_true (gk_table_get_line_figure (fiscal, "closing", "general", &amount));
  g_assert_cmpint (amount, ==, 430);
  /* A typed 0.00 where the empty table derives nothing is kept too. */
  g_assert_true (gk_table_get_line_figure (fiscal, "closing", "fund", &amount));
  g_assert_cmpint (amount, ==, 0);

  checker = gk_checker_new (document);
  g_assert_cmpuint (gk_checker_count_rule (checker, "final.tables"), >=, 1);
  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (checker)); k++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), k);
      const char *message = gk_finding_get_message (finding);

      g_test_message ("%s: %s", gk_finding_get_rule_id (finding), message);
      if (g_str_equal (gk_finding_get_rule_id (finding), "final.tables") &&
          strstr (message, "294.00") != NULL && strstr (message, "296.00") != NULL &&
          strstr (message, "一般公共预算财政拨款") != NULL)
        named = TRUE;
    }
  g_assert_true (named);
  text = pdf_text (document);
  g_assert_true (prints (text, "一、一般公共预算财政拨款", "296.00"));

  /* Saved and read again, the typed figure is still there; cleared, the
   * line follows 收入支出决算总表 again. */
  bytes = gk_document_serialize (document);
  again = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  fiscal = gk_document_get_table (again, "final-fiscal-summary");
  g_assert_true (gk_table_get_line_figure (fiscal, "general", "total", &amount));
  g_assert_cmpint (amount, ==, 29600);
  g_assert_true (gk_document_set_line_figure (again, fiscal, "general", "total", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (figure (again, "final-fiscal-summary", "general", 0), ==, 29400);
  g_assert_false (gk_document_set_line_figure (again, fiscal, "general", "total", &amount, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
}

/* A figure for a line the template does not have is still refused. */
static void
test_unknown_line (void)
{
  static const char *bad[][4] = {
    /* 合计 sums the sources: never typed. */
    { "final-fiscal-summary", "closing", "total", "“total”" },
    { "final-summary", "carried", "amount", "“carried”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) root = sample_json ();
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      put (root, bad[i][0], bad[i][1], bad[i][2], "4.30");
      text = json_to_string (root, FALSE);
      g_assert_null (gk_document_load_from_data (text, -1, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i][3]));
    }
}

#define TEMPLATE(fiscal_lines) \
  "{\"id\": \"once\", \"version\": 1, \"tables\": [" \
  " {\"role\": \"final-expenditure\", \"title\": \"支出\", \"kind\": \"function\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}," \
  " {\"role\": \"final-summary\", \"title\": \"总表\", \"kind\": \"income-expenditure\", \"expenditure-total\": \"本年支出合计\"," \
  "  \"columns\": [{\"id\": \"amount\", \"title\": \"决算数\", \"source\": \"final-expenditure:total\"}]," \
  "  \"lines\": [{\"id\": \"general\", \"title\": \"一般\", \"entered\": true}]}," \
  " {\"role\": \"final-fiscal-summary\", \"title\": \"财政总表\", \"kind\": \"fiscal\", \"expenditure-total\": \"本年支出合计\"," \
  "  \"columns\": [{\"id\": \"total\", \"title\": \"合计\", \"sum\": [\"general\"]}," \
  "   {\"id\": \"general\", \"title\": \"一般\", \"source\": \"final-expenditure:total\"}]," \
  "  \"lines\": [" fiscal_lines "]}]}"

/* The template reader resolves every line "source" and refuses one that
 * names a missing table or line, saying which. */
static void
test_template_sources (void)
{
  static const char *bad[][3] = {
    { TEMPLATE ("{\"id\": \"general\", \"title\": \"一般\", \"source\": \"final-summary:generl\"}"),
      "line “general”", "final-summary:generl" },
    { TEMPLATE ("{\"id\": \"general\", \"title\": \"一般\", \"source\": \"final-summery:general\"}"),
      "names a table the template does not have", "final-summery:general" },
    { TEMPLATE ("{\"id\": \"general\", \"title\": \"一般\", \"source\": \"final-fiscal-summary:general\"}"),
      "same table", "final-fiscal-summary:general" },
    { TEMPLATE ("{\"id\": \"closing\", \"title\": \"年末\", \"side\": \"expenditure\","
                " \"cells\": {\"total\": {\"source\": \"final-expenditure:total\"}}}"),
      "line “closing”", "“total”" },
    { TEMPLATE ("{\"id\": \"closing\", \"title\": \"年末\", \"side\": \"expenditure\","
                " \"cells\": {\"general\": {\"source\": \"final-expenditure:closing\"}}}"),
      "line “closing”", "final-expenditure:closing" },
    { TEMPLATE ("{\"id\": \"a\", \"title\": \"A\", \"entered\": true},"
                " {\"id\": \"closing\", \"title\": \"年末\", \"side\": \"expenditure\", \"sum\": [\"a\"]}"),
      "line “closing”", "“a”" },
    { TEMPLATE ("{\"id\": \"closing\", \"title\": \"年末\", \"side\": \"expenditure\","
                " \"cells\": {\"general\": {\"sum\": [\"-opening\"]}}}"),
      "line “closing”", "-opening" },
  };
  g_autoptr(GError) error = NULL;
  GkTemplate *good = gk_template_new_from_data (
    TEMPLATE ("{\"id\": \"general\", \"title\": \"一般\", \"source\": \"final-summary:general\"},"
              " {\"id\": \"opening\", \"title\": \"年初\", \"entered\": true},"
              " {\"id\": \"closing\", \"title\": \"年末\", \"side\": \"expenditure\","
              "  \"cells\": {\"general\": {\"sum\": [\"opening\", \"general\", \"-expenditure-total\"]}}}"),
    &error);

  g_assert_no_error (error);
  g_assert_nonnull (good);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_null (gk_template_new_from_data (bad[i][0], &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "“once”"));
      g_assert_nonnull (strstr (error->message, "final-fiscal-summary"));
      g_assert_nonnull (strstr (error->message, bad[i][1]));
      g_assert_nonnull (strstr (error->message, bad[i][2]));
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/final-once/one-entry", test_one_entry);
  g_test_add_func ("/final-once/old-form", test_old_form);
  g_test_add_func ("/final-once/unknown-line", test_unknown_line);
  g_test_add_func ("/final-once/template-sources", test_template_sources);
  return g_test_run ();
}
