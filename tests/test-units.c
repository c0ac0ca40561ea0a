/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A table's own money unit: Shanghai's 元 tables with a 万元 三公 table
 * and 情况说明 in 万元, its figures converted exactly where they are shown,
 * printed, exported, typed and checked. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gk-test-common.h"
#include "gk-test-checks.h"
#include "gk-csv-writer.h"
#include "gk-narrative.h"
#include "gk-pdf-export.h"
#include "gk-table-layout.h"
#include "gk-table-unit.h"
#include "gk-xlsx-writer.h"

#define TEMPLATE_ID "units-test"
#define SANGONG_TITLE "一般公共预算“三公”经费支出情况表"

static char *data_home;

/* Every table in 元 but 表八 in 万元, 情况说明 in 万元, as Shanghai
 * publishes; made from the bundled template so that it has its tables. */
static void
write_template (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "resources", "templates",
                                              "xinjiang-2020.json", NULL);
  g_autofree char *folder = g_build_filename (data_home, "gongkai", "templates", NULL);
  g_autofree char *target = g_build_filename (folder, TEMPLATE_ID ".json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *tables;

  g_assert_true (json_parser_load_from_file (parser, source, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "id", TEMPLATE_ID);
  json_object_set_string_member (root, "title", "元 tables, 三公 in 万元");
  json_object_set_string_member (root, "text-unit", "万元");
  tables = json_object_get_array_member (root, "tables");
  for (guint i = 0; i < json_array_get_length (tables); i++)
    {
      JsonObject *table = json_array_get_object_element (tables, i);
      gboolean sangong = g_str_equal (json_object_get_string_member (table, "role"), "sangong");

      json_object_set_string_member (table, "unit", sangong ? "万元" : "元");
    }
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, target, &error));
  g_assert_no_error (error);
}

static GkTemplate *
units_template (void)
{
  GkTemplate *t = gk_template_find (TEMPLATE_ID);

  g_assert_nonnull (t);
  return t;
}

/* The sample on the test template, in @unit: converted to 元 exactly by the
 * document's own conversion, saved, its template renamed, reopened. */
static GkDocument *
sample_on_template (GkMoneyUnit unit)
{
  g_autoptr(GkDocument) sample = gk_test_load_sample ();
  g_autofree char *directory = g_dir_make_tmp ("gongkai-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "sample.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) renamed = NULL;
  GkDocument *document;
  guint n_rounded = 0;

  if (unit != gk_document_get_money_unit (sample))
    {
      g_assert_true (gk_document_convert_money_unit (sample, unit, &n_rounded, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_rounded, ==, 0);
    }
  g_assert_true (gk_document_save (sample, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  renamed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (renamed, "\"id\" : \"xinjiang-2020\"", "\"id\" : \"" TEMPLATE_ID "\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, renamed->str, -1, NULL));

  document = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gk_document_get_template (document) == units_template ());
  g_assert_cmpint (gk_document_get_money_unit (document), ==, unit);
  g_unlink (path);
  g_rmdir (directory);
  return document;
}

static void
set_stored (GkDocument *document,
            GkRow      *row,
            const char *column_id,
            GkAmount    amount)
{
  g_autoptr(GError) error = NULL;
  int column = gk_table_column_index (gk_row_get_table (row), column_id);

  g_assert_cmpint (column, >=, 0);
  g_assert_true (gk_document_set_amount (document, row, column, &amount, &error));
  g_assert_no_error (error);
}

static GkAmount
stored (GkRow      *row,
        const char *column_id)
{
  GkAmount amount = -1;

  g_assert_true (gk_row_get_amount (row, gk_table_column_index (gk_row_get_table (row), column_id), &amount));
  return amount;
}

/* A 元 document whose 三公 figures round in 万元: 48.6049 + 0.4549 prints
 * 48.60 and 0.45, but the exact total 49.0598 prints 49.06. */
static GkDocument *
rounding_document (void)
{
  GkDocument *document = sample_on_template (GK_MONEY_UNIT_YUAN);
  GkRow *row = gk_table_get_single_row (gk_document_get_table (document, "sangong"));

  set_stored (document, row, "vehicle-operation", 48604900);
  set_stored (document, row, "reception", 454900);
  g_assert_cmpint (stored (row, "total"), ==, 49059800);
  return document;
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* Conversions --------------------------------------------------------------- */

static void
test_convert (void)
{
  const GkMoneyUnit W = GK_MONEY_UNIT_WANYUAN, Y = GK_MONEY_UNIT_YUAN;
  GkAmount out;
  gboolean rounded;

  /* 万元 → 元 is exact. */
  g_assert_true (gk_amount_convert (123, W, Y, &out, &rounded));
  g_assert_cmpint (out, ==, 1230000);
  g_assert_false (rounded);
  /* 元 → 万元 rounds half away from zero and says so. */
  g_assert_true (gk_amount_convert (1234567, Y, W, &out, &rounded));
  g_assert_cmpint (out, ==, 123);
  g_assert_true (rounded);
  g_assert_true (gk_amount_convert (5000, Y, W, &out, &rounded));
  g_assert_cmpint (out, ==, 1);
  g_assert_true (gk_amount_convert (-5000, Y, W, &out, &rounded));
  g_assert_cmpint (out, ==, -1);
  g_assert_true (gk_amount_convert (4999, Y, W, &out, &rounded));
  g_assert_cmpint (out, ==, 0);
  g_assert_true (rounded);
  g_assert_true (gk_amount_convert (1230000, Y, W, &out, &rounded));
  g_assert_cmpint (out, ==, 123);
  g_assert_false (rounded);
  /* There and back is exact from the coarser unit. */
  g_assert_true (gk_amount_convert (out, W, Y, &out, &rounded));
  g_assert_cmpint (out, ==, 1230000);
}

/* Templates ----------------------------------------------------------------- */

static void
test_template_units (void)
{
  GkTemplate *t = units_template ();
  GkTemplate *xinjiang = gk_template_get_default ();

  g_assert_cmpint (gk_table_schema_get_unit (gk_template_lookup (t, "sangong"), GK_MONEY_UNIT_YUAN), ==,
                   GK_MONEY_UNIT_WANYUAN);
  g_assert_cmpint (gk_table_schema_get_unit (gk_template_lookup (t, "income"), GK_MONEY_UNIT_WANYUAN), ==,
                   GK_MONEY_UNIT_YUAN);
  g_assert_cmpint (gk_template_get_text_unit (t, GK_MONEY_UNIT_YUAN), ==, GK_MONEY_UNIT_WANYUAN);
  /* Absent: the document's unit, whichever it is. */
  for (GkMoneyUnit u = GK_MONEY_UNIT_WANYUAN; u <= GK_MONEY_UNIT_YUAN; u++)
    {
      g_assert_cmpint (gk_table_schema_get_unit (gk_template_lookup (xinjiang, "sangong"), u), ==, u);
      g_assert_cmpint (gk_template_get_text_unit (xinjiang, u), ==, u);
    }
}

static void
test_template_bad_unit (void)
{
  static const char *bad_table =
    "{ \"id\": \"bad-unit\", \"version\": 1, \"tables\": [ { \"role\": \"sangong\", \"title\": \"三公\", "
    "\"kind\": \"single\", \"unit\": \"美元\", \"columns\": [ { \"id\": \"total\", \"title\": \"合计\" } ] } ] }";
  static const char *bad_text =
    "{ \"id\": \"bad-text-unit\", \"version\": 1, \"text-unit\": 5, \"tables\": [ { \"role\": \"sangong\", "
    "\"title\": \"三公\", \"kind\": \"single\", \"columns\": [ { \"id\": \"total\", \"title\": \"合计\" } ] } ] }";
  g_autoptr(GError) error = NULL;

  g_assert_null (gk_template_new_from_data (bad_table, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sangong"));
  g_assert_nonnull (strstr (error->message, "unit"));
  g_clear_error (&error);
  g_assert_null (gk_template_new_from_data (bad_text, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "text-unit"));
}

/* Shown, typed ---------------------------------------------------------------- */

static void
test_layout_converts (void)
{
  g_autoptr(GkDocument) document = rounding_document ();
  GkTable *sangong = gk_document_get_table (document, "sangong");
  GkTable *income = gk_document_get_table (document, "income");
  g_autoptr(GkTableLayout) layout = gk_table_layout_new (document, sangong);
  g_autoptr(GkTableLayout) income_layout = gk_table_layout_new (document, income);
  GkLayoutLine *line;
  g_autofree char *typed_total = NULL;

  g_assert_cmpstr (layout->unit_line, ==, "单位：万元");
  g_assert_cmpstr (income_layout->unit_line, ==, "单位：元");
  g_assert_true (gk_table_unit_differs (sangong, document));
  g_assert_false (gk_table_unit_differs (income, document));
  line = g_ptr_array_index (layout->lines, 0);
  /* 合计, 出国, 公车小计, 购置, 运行, 接待: the total is rounded from the
   * exact sum, not added from the rounded figures. */
  g_assert_cmpstr (line->cells[0], ==, "49.06");
  g_assert_cmpstr (line->cells[2], ==, "48.60");
  g_assert_cmpstr (line->cells[4], ==, "48.60");
  g_assert_cmpstr (line->cells[5], ==, "0.45");
  /* 元 tables of a 元 document print what is stored. */
  line = g_ptr_array_index (income_layout->lines, income_layout->lines->len - 1);
  typed_total = gk_amount_format (stored (gk_table_get_total_row (income), "total"));
  g_assert_true (g_strv_contains ((const char * const *) line->cells, typed_total));
}

static void
test_typing_wanyuan_into_yuan_document (void)
{
  g_autoptr(GkDocument) document = sample_on_template (GK_MONEY_UNIT_YUAN);
  GkRow *row = gk_table_get_single_row (gk_document_get_table (document, "sangong"));
  int abroad = gk_table_column_index (gk_row_get_table (row), "abroad");
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  /* 1.23 typed in the 万元 cell is 12 300.00元, exactly. */
  g_assert_true (gk_document_set_amount_text (document, row, abroad, "1.23", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored (row, "abroad"), ==, 1230000);
  shown = gk_table_format_amount (gk_row_get_table (row), document, stored (row, "abroad"));
  g_assert_cmpstr (shown, ==, "1.23");
  /* More than two decimals of 万元 is refused, as everywhere. */
  g_assert_false (gk_document_set_amount_text (document, row, abroad, "1.2345", &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_PRECISION);
  g_assert_cmpint (stored (row, "abroad"), ==, 1230000);
}

static void
test_typing_yuan_into_wanyuan_document (void)
{
  g_autoptr(GkDocument) document = sample_on_template (GK_MONEY_UNIT_WANYUAN);
  GkTable *expenditure = gk_document_get_table (document, "expenditure");
  GkRow *row = gk_table_lookup (expenditure, "2010301");
  int basic = gk_table_column_index (expenditure, "basic");
  GkAmount before;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;

  g_assert_nonnull (row);
  before = stored (row, "basic");
  /* The 元 table shows a 万元 document's figure multiplied, exactly. */
  shown = gk_table_format_amount (expenditure, document, before);
  g_assert_cmpint (strlen (shown), >, 0);
  {
    GkAmount back;
    g_assert_true (gk_amount_parse (shown, GK_AMOUNT_PARSE_DEFAULT, &back, NULL));
    g_assert_cmpint (back, ==, before * 10000);
  }
  /* 12 345.67元 cannot be kept in 万元 to the cent: refused, nothing changes. */
  g_assert_false (gk_document_set_amount_text (document, row, basic, "12345.67", &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_PRECISION);
  g_assert_nonnull (strstr (error->message, "12,345.67元"));
  g_assert_cmpint (stored (row, "basic"), ==, before);
  g_clear_error (&error);
  /* 12 300元 is 1.23万元. */
  g_assert_true (gk_document_set_amount_text (document, row, basic, "12300", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored (row, "basic"), ==, 123);
}

/* Checked ---------------------------------------------------------------------- */

static gboolean
has_finding (GkChecker  *checker,
             const char *rule,
             const char *text1,
             const char *text2)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      const char *message = gk_finding_get_message (finding);

      if (g_str_equal (gk_finding_get_rule_id (finding), rule) &&
          strstr (message, text1) != NULL && (text2 == NULL || strstr (message, text2) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
test_rounding_warning (void)
{
  g_autoptr(GkDocument) document = rounding_document ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GkDocument) exact = sample_on_template (GK_MONEY_UNIT_YUAN);
  g_autoptr(GkChecker) exact_checker = gk_checker_new (exact);

  print_findings (checker);
  /* 运行, 接待, 公车小计, 合计. */
  g_assert_cmpuint (gk_checker_count_rule (checker, "format.unit-rounding"), ==, 4);
  g_assert_true (has_finding (checker, "format.unit-rounding", "0.45万元", "4549.00元"));
  g_assert_true (has_finding (checker, "format.unit-rounding", "49.06万元", "490598.00元"));
  /* Whole hundredths of 万元 print exactly: nothing to say. */
  g_assert_cmpuint (gk_checker_count_rule (exact_checker, "format.unit-rounding"), ==, 0);
}

static void
test_narrative_in_text_unit (void)
{
  g_autoptr(GkDocument) document = rounding_document ();
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  const GkParagraph *paragraph = gk_narrative_lookup_paragraph (sections, "s8.total");
  g_autofree char *text = NULL;
  g_autoptr(GString) wrong = NULL;
  g_autoptr(GString) in_yuan = NULL;
  guint before;

  g_assert_nonnull (paragraph);
  text = gk_paragraph_dup_text (paragraph);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "预算数为49.06万元"));
  g_assert_nonnull (strstr (text, "公务接待费0.45万元"));

  {
    g_autoptr(GkChecker) checker = gk_checker_new (document);

    before = gk_checker_get_n_errors (checker);
  }
  /* The composed sentence, typed by hand, reads back right in 万元. */
  gk_document_set_hand_written (document, "s8.total", text);
  {
    g_autoptr(GkChecker) checker = gk_checker_new (document);

    print_findings (checker);
    g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, before);
  }
  /* The sum of the rounded lines is not the rounded total. */
  wrong = g_string_new (text);
  g_assert_cmpuint (g_string_replace (wrong, "预算数为49.06万元", "预算数为49.05万元", 1), ==, 1);
  gk_document_set_hand_written (document, "s8.total", wrong->str);
  {
    g_autoptr(GkChecker) checker = gk_checker_new (document);

    print_findings (checker);
    g_assert_cmpuint (gk_checker_get_n_errors (checker), >, before);
    g_assert_true (has_finding (checker, "narrative.figure", "49.05万元", "49.06万元"));
  }
  /* In 元 the figure must be exact to the cent. */
  in_yuan = g_string_new (text);
  g_assert_cmpuint (g_string_replace (in_yuan, "预算数为49.06万元", "预算数为490598元", 1), ==, 1);
  gk_document_set_hand_written (document, "s8.total", in_yuan->str);
  {
    g_autoptr(GkChecker) checker = gk_checker_new (document);

    g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, before);
  }
  g_assert_cmpuint (g_string_replace (in_yuan, "490598元", "490598.01元", 1), ==, 1);
  gk_document_set_hand_written (document, "s8.total", in_yuan->str);
  {
    g_autoptr(GkChecker) checker = gk_checker_new (document);

    g_assert_cmpuint (gk_checker_get_n_errors (checker), >, before);
  }
}

/* Exported ---------------------------------------------------------------------- */

static void
test_csv (void)
{
  g_autoptr(GkDocument) document = rounding_document ();
  g_autoptr(GBytes) sangong = gk_csv_serialize_table (document, gk_document_get_table (document, "sangong"));
  g_autoptr(GBytes) income = gk_csv_serialize_table (document, gk_document_get_table (document, "income"));
  g_autofree char *s = g_strndup (g_bytes_get_data (sangong, NULL), g_bytes_get_size (sangong));
  g_autofree char *i = g_strndup (g_bytes_get_data (income, NULL), g_bytes_get_size (income));

  g_assert_true (g_str_has_prefix (s, "\xEF\xBB\xBF单位：万元,,,,,\r\n合计,"));
  g_assert_nonnull (strstr (s, "\r\n49.06,0.00,48.60,0.00,48.60,0.45\r\n"));
  /* A table in the document's unit has no line of its own. */
  g_assert_true (g_str_has_prefix (i, "\xEF\xBB\xBF功能分类科目编码,"));
}

static void
test_xlsx (void)
{
  g_autoptr(GkDocument) document = rounding_document ();
  g_autofree char *directory = g_dir_make_tmp ("gongkai-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "tables.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  const char *strings_argv[] = { "unzip", "-p", path, "xl/sharedStrings.xml", NULL };
  const char *sheet_argv[] = { "unzip", "-p", path, "xl/worksheets/sheet8.xml", NULL };
  g_autofree char *strings = NULL;
  g_autofree char *sheet = NULL;

  g_assert_true (gk_xlsx_export (document, path, &error));
  g_assert_no_error (error);
  strings = run_tool (strings_argv);
  sheet = run_tool (sheet_argv);
  g_assert_nonnull (strstr (strings, "单位：万元"));
  g_assert_nonnull (strstr (strings, "单位：元"));
  g_assert_nonnull (strstr (sheet, "<v>49.06</v>"));
  g_assert_nonnull (strstr (sheet, "<v>0.45</v>"));
  g_assert_null (strstr (sheet, "<v>490598</v>"));
  g_unlink (path);
  g_rmdir (directory);
}

/* The page of the PDF that prints @title with its 单位 line. */
static char *
pdf_page_with (GStrv       pages,
               const char *title)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], title) != NULL && strstr (pages[i], "单位：") != NULL)
      return g_strdup (pages[i]);
  return NULL;
}

static void
test_pdf (void)
{
  g_autoptr(GkDocument) document = rounding_document ();
  g_autofree char *directory = g_dir_make_tmp ("gongkai-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "disclosure.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *sangong = NULL;
  g_autofree char *income = NULL;

  g_assert_true (gk_pdf_export (document, path, NULL, &error));
  g_assert_no_error (error);
  text = run_tool (argv);
  pages = g_strsplit (text, "\f", -1);
  sangong = pdf_page_with (pages, SANGONG_TITLE);
  income = pdf_page_with (pages, "部门收入总体情况表");
  g_assert_nonnull (sangong);
  g_assert_nonnull (income);
  g_assert_nonnull (strstr (sangong, "单位：万元"));
  g_assert_nonnull (strstr (sangong, "49.06"));
  g_assert_nonnull (strstr (sangong, "48.60"));
  g_assert_nonnull (strstr (sangong, "0.45"));
  g_assert_null (strstr (sangong, "490598"));
  g_assert_nonnull (strstr (income, "单位：元"));
  g_assert_null (strstr (income, "单位：万元"));
  /* 情况说明 in 万元. */
  g_assert_nonnull (strstr (text, "49.06万元"));
  if (g_getenv ("GK_UNITS_KEEP_PDF") != NULL)
    g_test_message ("PDF kept at %s", path);
  else
    {
      g_unlink (path);
      g_rmdir (directory);
    }
}

/* The bundled 上海 template: its tables in 元 whatever the document's unit,
 * its 三公 table and 情况说明 in 万元, exactly converted both ways. */
static void
test_shanghai (void)
{
  GkTemplate *shanghai = gk_template_find ("shanghai-2025");
  g_autoptr(GkDocument) document = NULL;
  g_autofree char *directory = g_dir_make_tmp ("gongkai-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "shanghai.pdf", NULL);
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *sangong_page = NULL;
  g_autofree char *income_page = NULL;
  GkTable *sangong;
  GkTable *income;
  GkRow *row;
  GkAmount amount;

  g_assert_nonnull (shanghai);
  document = gk_document_new_blank_for_template (shanghai, "上海市普陀区测试局", 2025, GK_MONEY_UNIT_WANYUAN);
  sangong = gk_document_get_table (document, "sangong");
  income = gk_document_get_table (document, "income");
  g_assert_cmpint (gk_table_get_money_unit (sangong, document), ==, GK_MONEY_UNIT_WANYUAN);
  g_assert_cmpint (gk_table_get_money_unit (income, document), ==, GK_MONEY_UNIT_YUAN);

  /* Typed in 元 into a 万元 document: 123 400 元 is 12.34 万元 exactly. */
  row = gk_document_add_row (document, income, "2010301", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gk_document_set_amount_text (document, row, gk_table_column_index (income, "general"),
                                              "123400", &error));
  g_assert_no_error (error);
  g_assert_true (gk_row_get_amount (row, gk_table_column_index (income, "general"), &amount));
  g_assert_cmpint (amount, ==, 1234);
  /* 元 finer than the document keeps is refused, nothing changes. */
  g_assert_false (gk_document_set_amount_text (document, row, gk_table_column_index (income, "general"),
                                               "123456.78", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (gk_row_get_amount (row, gk_table_column_index (income, "general"), &amount));
  g_assert_cmpint (amount, ==, 1234);

  row = gk_table_get_single_row (sangong);
  g_assert_true (gk_document_set_amount_text (document, row, gk_table_column_index (sangong, "reception"),
                                              "0.45", &error));
  g_assert_no_error (error);

  g_assert_true (gk_pdf_export (document, path, NULL, &error));
  g_assert_no_error (error);
  text = run_tool (argv);
  pages = g_strsplit (text, "\f", -1);
  sangong_page = pdf_page_with (pages, "“三公”经费和机关运行经费预算表");
  income_page = pdf_page_with (pages, "收入预算总表");
  g_assert_nonnull (sangong_page);
  g_assert_nonnull (income_page);
  g_assert_nonnull (strstr (sangong_page, "单位：万元"));
  g_assert_nonnull (strstr (sangong_page, "0.45"));
  g_assert_nonnull (strstr (income_page, "单位：元"));
  g_assert_nonnull (strstr (income_page, "123400.00"));
  g_unlink (path);
  g_rmdir (directory);
}

/* Saved ------------------------------------------------------------------------- */

static void
test_file_round_trip (void)
{
  g_autoptr(GkDocument) document = rounding_document ();
  g_autofree char *directory = g_dir_make_tmp ("gongkai-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "yuan.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) reopened = NULL;
  g_autofree char *text = NULL;
  GkRow *row;

  g_assert_true (gk_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* The file keeps the document's unit and the exact 元 figures. */
  g_assert_nonnull (strstr (text, "\"money-unit\" : \"元\""));
  g_assert_nonnull (strstr (text, "\"reception\" : \"4549.00\""));
  g_assert_nonnull (strstr (text, "\"vehicle-operation\" : \"486049.00\""));

  reopened = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_document_get_money_unit (reopened), ==, GK_MONEY_UNIT_YUAN);
  g_assert_true (gk_document_get_template (reopened) == units_template ());
  row = gk_table_get_single_row (gk_document_get_table (reopened, "sangong"));
  g_assert_cmpint (stored (row, "reception"), ==, 454900);
  g_assert_cmpint (stored (row, "total"), ==, 49059800);
  g_unlink (path);
  g_rmdir (directory);
}

/* Unchanged --------------------------------------------------------------------- */

/* GK_UNITS_BASELINE names a folder of exports made before tables had units
 * (sample.pdf, sample.xlsx, csv/): the sample's exports must still be
 * byte for byte the same, the workbook's creation time apart, and the
 * PDF's text: its fonts are cut to the document's characters, which cairo
 * embeds other bytes for. */
static void
test_baseline (void)
{
  const char *baseline = g_getenv ("GK_UNITS_BASELINE");
  g_autofree char *sample = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *base_pdf = NULL;
  g_autofree char *base_csv = NULL;
  g_autofree char *base_xlsx = NULL;

  if (baseline == NULL)
    {
      g_test_skip ("GK_UNITS_BASELINE is not set");
      return;
    }
  sample = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "v1", GK_TEST_SAMPLE_NAME, NULL);
  directory = g_dir_make_tmp ("gongkai-units-XXXXXX", NULL);
  pdf = g_build_filename (directory, "sample.pdf", NULL);
  xlsx = g_build_filename (directory, "sample.xlsx", NULL);
  csv = g_build_filename (directory, "csv", NULL);
  base_pdf = g_build_filename (baseline, "sample.pdf", NULL);
  base_xlsx = g_build_filename (baseline, "sample.xlsx", NULL);
  base_csv = g_build_filename (baseline, "csv", NULL);
  {
    const char *argv_pdf[] = { g_getenv ("GK_GONGKAI"), "--export-pdf", pdf, sample, NULL };
    const char *argv_xlsx[] = { g_getenv ("GK_GONGKAI"), "--export-xlsx", xlsx, sample, NULL };
    const char *argv_csv[] = { g_getenv ("GK_GONGKAI"), "--export-csv", csv, sample, NULL };
    const char *text_pdf[] = { "pdftotext", "-layout", pdf, "-", NULL };
    const char *text_base_pdf[] = { "pdftotext", "-layout", base_pdf, "-", NULL };
    const char *diff_csv[] = { "diff", "-r", csv, base_csv, NULL };

    g_free (run_tool (argv_pdf));
    g_free (run_tool (argv_xlsx));
    g_free (run_tool (argv_csv));
    {
      g_autofree char *a = run_tool (text_pdf);
      g_autofree char *b = run_tool (text_base_pdf);

      g_assert_cmpstr (a, ==, b);
    }
    g_free (run_tool (diff_csv));
    {
      const char *list[] = { "unzip", "-Z1", base_xlsx, NULL };
      g_autofree char *names = run_tool (list);
      g_auto(GStrv) entries = g_strsplit (g_strstrip (names), "\n", -1);

      for (guint i = 0; entries[i] != NULL; i++)
        {
          /* unzip reads [ as a wildcard: [Content_Types].xml. */
          g_autoptr(GString) pattern = g_string_new (entries[i]);
          const char *mine[] = { "unzip", "-p", xlsx, NULL, NULL };
          const char *theirs[] = { "unzip", "-p", base_xlsx, NULL, NULL };
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          g_string_replace (pattern, "[", "\\[", 0);
          mine[3] = theirs[3] = pattern->str;
          if (g_str_equal (entries[i], "docProps/core.xml"))
            continue;
          a = run_tool (mine);
          b = run_tool (theirs);
          g_assert_cmpstr (a, ==, b);
        }
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for the user's data folder. */
  data_home = g_dir_make_tmp ("gongkai-units-home-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  write_template ();

  g_test_add_func ("/units/convert", test_convert);
  g_test_add_func ("/units/template", test_template_units);
  g_test_add_func ("/units/template-bad-unit", test_template_bad_unit);
  g_test_add_func ("/units/layout", test_layout_converts);
  g_test_add_func ("/units/type/wanyuan-into-yuan-document", test_typing_wanyuan_into_yuan_document);
  g_test_add_func ("/units/type/yuan-into-wanyuan-document", test_typing_yuan_into_wanyuan_document);
  g_test_add_func ("/units/check/rounding-warning", test_rounding_warning);
  g_test_add_func ("/units/check/narrative", test_narrative_in_text_unit);
  g_test_add_func ("/units/export/csv", test_csv);
  g_test_add_func ("/units/export/xlsx", test_xlsx);
  g_test_add_func ("/units/export/pdf", test_pdf);
  g_test_add_func ("/units/file/round-trip", test_file_round_trip);
  g_test_add_func ("/units/shanghai", test_shanghai);
  g_test_add_func ("/units/baseline", test_baseline);
  status = g_test_run ();

  {
    g_autofree char *folder = g_build_filename (data_home, "gongkai", "templates", NULL);
    g_autofree char *file = g_build_filename (folder, TEMPLATE_ID ".json", NULL);
    g_autofree char *parent = g_build_filename (data_home, "gongkai", NULL);

    g_unlink (file);
    g_rmdir (folder);
    g_rmdir (parent);
    g_rmdir (data_home);
  }
  return status;
}
