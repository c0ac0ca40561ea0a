/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-csv-writer.h"
#include "gk-document-io.h"
#include "gk-test-common.h"
#include "gk-pdf-export.h"
#include "gk-table-layout.h"
#include "gk-table-list.h"
#include "gk-template.h"
#include "gk-xlsx-workbook.h"
#include "gk-xlsx-writer.h"

/* List tables (政府采购预算表 and its kin): rows the user adds with their
 * texts and amounts, the derived 合计, undo, the file, and the outputs. */

static GkDocument *
new_hubei (void)
{
  GkTemplate *template = gk_template_find ("hubei-2025");

  g_assert_nonnull (template);
  return gk_document_new_blank_for_template (template, "广水市测试局", 2025, GK_MONEY_UNIT_WANYUAN);
}

static GkAmount
cell (GkRow      *row,
      const char *column)
{
  GkTable *table = gk_row_get_table (row);
  int index = gk_table_column_index (table, column);
  GkAmount amount = -1;

  g_assert_cmpint (index, >=, 0);
  if (!gk_row_get_amount (row, index, &amount))
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
  int index = gk_table_column_index (gk_row_get_table (row), column);

  g_assert_true (gk_document_set_amount_text (document, row, index, text, &error));
  g_assert_no_error (error);
}

static void
set_text (GkDocument *document,
          GkRow      *row,
          guint       text_column,
          const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_set_list_text (document, row, text_column, text, &error));
  g_assert_no_error (error);
}

/* Two procurement rows: 办公设备 货物 12.00 + 3.50 and 物业服务 服务 8.00. */
static GkDocument *
new_with_procurement (void)
{
  GkDocument *document = new_hubei ();
  GkTable *table = gk_document_get_table (document, "procurement");
  GkRow *a, *b;

  a = gk_document_add_list_row (document, table, G_MAXUINT);
  set_text (document, a, 0, "办公设备");
  set_text (document, a, 1, "货物");
  set (document, a, "general", "12.00");
  set (document, a, "other", "3.50");
  b = gk_document_add_list_row (document, table, G_MAXUINT);
  set_text (document, b, 0, "物业服务");
  set_text (document, b, 1, "服务");
  set (document, b, "general", "8");
  return document;
}

static void
test_template (void)
{
  GkTemplate *hubei = gk_template_find ("hubei-2025");
  GkTemplate *anhui = gk_template_find ("anhui-2019");
  const GkTableSchema *schema;

  g_assert_nonnull (hubei);
  g_assert_nonnull (anhui);
  g_assert_cmpuint (gk_template_get_n_tables (hubei), ==, 13);
  g_assert_cmpuint (gk_template_get_n_tables (anhui), ==, 10);
  g_assert_cmpstr (gk_template_get_region (hubei), ==, "湖北");
  g_assert_cmpstr (gk_template_get_region (anhui), ==, "安徽");

  schema = gk_template_lookup (hubei, "procurement");
  g_assert_cmpint (schema->kind, ==, GK_TABLE_KIND_LIST);
  g_assert_true (schema->optional);
  g_assert_cmpstr (schema->number, ==, "十");
  g_assert_cmpuint (gk_table_schema_get_n_texts (schema), ==, 2);
  g_assert_cmpuint (gk_table_schema_get_n_columns (schema), ==, 4);
  g_assert_cmpstrv (gk_table_schema_get_text (schema, 1)->choices,
                    ((const char * const[]) { "货物", "工程", "服务", NULL }));
  g_assert_null (gk_table_schema_get_text (schema, 0)->choices);
  g_assert_cmpstr (gk_template_lookup (hubei, "non-tax")->number, ==, "十三");

  schema = gk_template_lookup (anhui, "capital-expenditure");
  g_assert_cmpint (schema->kind, ==, GK_TABLE_KIND_FUNCTION);
  g_assert_cmpstr (schema->number, ==, "5");
  g_assert_cmpint (gk_table_schema_column_index (gk_template_lookup (anhui, "income"), "capital"), >=, 0);
  g_assert_cmpint (gk_table_schema_column_index (gk_template_lookup (anhui, "fiscal-summary"), "capital"), >=, 0);
  g_assert_cmpstr (gk_template_lookup (anhui, "purchased-services")->number, ==, "10");
}

static void
test_template_invalid (void)
{
  static const struct { const char *columns; const char *message; } cases[] = {
    { "[{\"id\": \"a\", \"title\": \"金额\"}]", "needs a text column" },
    { "[{\"id\": \"n\", \"title\": \"项目\", \"type\": \"words\"}, {\"id\": \"a\", \"title\": \"金额\"}]",
      "“type” must be text, choice or amount" },
    { "[{\"id\": \"n\", \"title\": \"项目\", \"type\": \"choice\"}, {\"id\": \"a\", \"title\": \"金额\"}]",
      "needs its “choices”" },
    { "[{\"id\": \"n\", \"title\": \"项目\", \"type\": \"choice\", \"choices\": [\"货物\", 3]}, {\"id\": \"a\", \"title\": \"金额\"}]",
      "each of its “choices”" },
    { "[{\"id\": \"n\", \"title\": \"项目\", \"type\": \"choice\", \"choices\": [\"货物\", \"货物\"]}, {\"id\": \"a\", \"title\": \"金额\"}]",
      "the same text twice" },
    { "[{\"id\": \"a\", \"title\": \"金额\"}, {\"id\": \"n\", \"title\": \"项目\", \"type\": \"text\"}]",
      "come before the amount columns" },
    { "[{\"id\": \"n\", \"title\": \"项目\", \"type\": \"text\"}, {\"id\": \"n\", \"title\": \"金额\"}]",
      "two columns have the id “n”" },
    { "[{\"id\": \"n\", \"title\": \"项目\", \"type\": \"text\", \"sum\": [\"a\"]}, {\"id\": \"a\", \"title\": \"金额\"}]",
      "holds no figures" },
    { "[{\"id\": \"n\", \"type\": \"text\"}, {\"id\": \"a\", \"title\": \"金额\"}]",
      "needs an “id” and a “title”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf ("{\"id\": \"t\", \"version\": 1, \"tables\": [{\"role\": \"procurement\", "
                                               "\"title\": \"政府采购预算表\", \"kind\": \"list\", \"columns\": %s}]}",
                                               cases[i].columns);

      g_assert_null (gk_template_new_from_data (json, &error));
      g_assert_nonnull (error);
      if (!gk_test_message_says (error->message, cases[i].message))
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

static void
test_edits_and_undo (void)
{
  g_autoptr(GkDocument) document = new_hubei ();
  GkTable *table = gk_document_get_table (document, "procurement");
  GkRow *total = gk_table_get_total_row (table);
  g_autoptr(GError) error = NULL;
  GkRow *a, *b;

  g_assert_true (gk_table_is_empty (table));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, 1);

  a = gk_document_add_list_row (document, table, G_MAXUINT);
  g_assert_cmpint (gk_row_get_kind (a), ==, GK_ROW_KIND_ENTRY);
  g_assert_false (gk_table_is_empty (table));
  set_text (document, a, 0, "办公设备");
  g_assert_cmpstr (gk_list_row_get_text (a, 0), ==, "办公设备");
  g_assert_cmpstr (gk_row_get_name (a), ==, "办公设备");
  set (document, a, "general", "12.00");
  set (document, a, "fund", "1.25");
  g_assert_cmpint (cell (a, "total"), ==, 1325);
  g_assert_cmpint (cell (total, "total"), ==, 1325);
  g_assert_cmpint (cell (total, "general"), ==, 1200);

  /* The 合计 is derived, and a derived cell cannot be typed into. */
  g_assert_false (gk_document_set_amount_text (document, total, 1, "5", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  g_assert_false (gk_document_set_amount_text (document, a, 0, "5", &error));
  g_clear_error (&error);

  /* A choice column takes only its choices; nothing changes otherwise. */
  g_assert_false (gk_document_set_list_text (document, a, 1, "设备", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“设备”"));
  g_assert_nonnull (strstr (error->message, "货物"));
  g_assert_nonnull (strstr (error->message, "采购品目"));
  g_clear_error (&error);
  g_assert_cmpstr (gk_list_row_get_text (a, 1), ==, "");
  set_text (document, a, 1, "工程");

  /* A bad figure names the row by its first text. */
  g_assert_false (gk_document_set_amount (document, a, 1, &(GkAmount) { -500 }, &error));
  g_assert_nonnull (strstr (error->message, "办公设备"));
  g_clear_error (&error);

  b = gk_document_add_list_row (document, table, 0);
  g_assert_true (gk_table_get_entry (table, 0) == b);
  set (document, b, "other", "2");
  g_assert_cmpint (cell (total, "total"), ==, 1525);

  /* Move, then undo every step back to the blank table. */
  g_assert_true (gk_document_move_list_row (document, b, 1));
  g_assert_true (gk_table_get_entry (table, 0) == a);
  g_assert_true (gk_table_get_entry (table, 1) == b);
  g_assert_false (gk_document_move_list_row (document, b, 5));
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_table_get_entry (table, 0) == b);

  g_object_ref (b);
  gk_document_remove_list_row (document, b);
  g_assert_null (gk_row_get_table (b));
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 1);
  g_assert_cmpint (cell (total, "total"), ==, 1325);
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_table_get_entry (table, 0) == b);
  g_assert_cmpint (cell (b, "other"), ==, 200);
  g_assert_cmpint (cell (total, "total"), ==, 1525);
  g_object_unref (b);

  while (gk_document_undo (document))
    ;
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 0);
  g_assert_cmpint (cell (total, "total"), ==, -1);
  g_assert_true (gk_table_is_empty (table));

  /* Redo brings every text and figure back, the removal (whose undo was
   * undone too) last. */
  for (guint i = 0; i < 7; i++)
    g_assert_true (gk_document_redo (document));
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 2);
  g_assert_cmpint (cell (total, "total"), ==, 1525);
  g_assert_true (gk_document_redo (document));
  g_assert_false (gk_document_redo (document));
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 1);
  g_assert_cmpstr (gk_list_row_get_text (gk_table_get_entry (table, 0), 0), ==, "办公设备");
  g_assert_cmpstr (gk_list_row_get_text (gk_table_get_entry (table, 0), 1), ==, "工程");
  g_assert_cmpint (cell (total, "total"), ==, 1325);
}

static void
test_round_trip (void)
{
  g_autoptr(GkDocument) document = new_with_procurement ();
  g_autoptr(GBytes) bytes = gk_document_serialize (document);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GkDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = g_bytes_get_data (bytes, NULL);
  GkTable *table;

  g_assert_nonnull (strstr (text, "\"procurement\""));
  g_assert_nonnull (strstr (text, "\"category\" : \"货物\"") ?: strstr (text, "\"category\": \"货物\""));
  loaded = gk_document_load_from_data (text, g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  table = gk_document_get_table (loaded, "procurement");
  g_assert_cmpuint (gk_table_get_n_entries (table), ==, 2);
  g_assert_cmpstr (gk_list_row_get_text (gk_table_get_entry (table, 0), 0), ==, "办公设备");
  g_assert_cmpstr (gk_list_row_get_text (gk_table_get_entry (table, 1), 1), ==, "服务");
  g_assert_cmpint (cell (gk_table_get_total_row (table), "total"), ==, 2350);
  g_assert_cmpint (cell (gk_table_get_entry (table, 0), "total"), ==, 1550);
  again = gk_document_serialize (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_malformed (void)
{
  static const struct { const char *rows; const char *message; } cases[] = {
    { "{}", "$.tables.procurement.rows: expected a list" },
    { "[3]", "$.tables.procurement.rows[0]: expected an object" },
    { "[{\"item\": \"a\"}, {\"item\": \"b\"}, {\"category\": \"设备\"}]",
      "$.tables.procurement.rows[2].category: “设备” is not one of 货物、工程、服务" },
    { "[{\"item\": 12}]", "$.tables.procurement.rows[0].item: expected" },
    { "[{\"category\": null}]", "$.tables.procurement.rows[0].category: expected" },
    { "[{\"general\": \"1.234\"}]", "$.tables.procurement.rows[0].general:" },
    { "[{\"general\": \"-5\"}]", "$.tables.procurement.rows[0].general:" },
    { "[{\"general\": 5}]", "$.tables.procurement.rows[0].general:" },
    { "[{\"total\": \"5\"}]", "$.tables.procurement.rows[0].total: column “total” of table procurement is computed" },
    { "[{\"price\": \"5\"}]", "$.tables.procurement.rows[0].price: table procurement has no column “price”" },
  };
  g_autoptr(GkDocument) document = new_with_procurement ();
  g_autoptr(GBytes) bytes = gk_document_serialize (document);
  g_autoptr(GRegex) regex = g_regex_new ("\"procurement\" ?: ?\\{[^}]*\"rows\" ?: ?\\[[^]]*\\]", G_REGEX_MULTILINE, 0, NULL);
  const char *text = g_bytes_get_data (bytes, NULL);

  g_assert_true (g_regex_match (regex, text, 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *replacement = g_strdup_printf ("\"procurement\": { \"note\": \"\", \"rows\": %s", cases[i].rows);
      g_autofree char *escaped = g_regex_escape_string (replacement, -1);
      g_autofree char *broken = NULL;
      g_autoptr(GkDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) fixed = g_string_new (replacement);

      /* "\\" would be read as a back reference; the replacement is literal. */
      g_string_replace (fixed, "\\", "\\\\", 0);
      broken = g_regex_replace (regex, text, -1, 0, fixed->str, 0, NULL);
      g_assert_nonnull (broken);
      g_assert_true (strstr (broken, cases[i].rows) != NULL);
      loaded = gk_document_load_from_data (broken, -1, &error);
      g_assert_null (loaded);
      g_assert_nonnull (error);
      if (!gk_test_message_says (error->message, cases[i].message))
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

static void
test_layout (void)
{
  g_autoptr(GkDocument) document = new_with_procurement ();
  g_autoptr(GkDocument) empty = new_hubei ();
  g_autoptr(GkTableLayout) layout = gk_table_layout_new (document, gk_document_get_table (document, "procurement"));
  g_autoptr(GkTableLayout) blank = gk_table_layout_new (empty, gk_document_get_table (empty, "procurement"));
  GkLayoutLine *line;

  g_assert_cmpuint (layout->n_columns, ==, 6);
  g_assert_cmpint (layout->kinds[0], ==, GK_LAYOUT_COLUMN_TEXT);
  g_assert_cmpint (layout->kinds[1], ==, GK_LAYOUT_COLUMN_TEXT);
  g_assert_cmpint (layout->kinds[2], ==, GK_LAYOUT_COLUMN_AMOUNT);
  g_assert_cmpuint (layout->lines->len, ==, 3);
  line = layout->lines->pdata[0];
  g_assert_cmpstr (line->cells[0], ==, "办公设备");
  g_assert_cmpstr (line->cells[1], ==, "货物");
  g_assert_cmpstr (line->cells[2], ==, "15.50");
  g_assert_cmpstr (line->cells[4], ==, "");
  line = layout->lines->pdata[2];
  g_assert_true (line->total);
  g_assert_cmpstr (line->cells[0], ==, "合计");
  g_assert_cmpstr (line->cells[2], ==, "23.50");
  g_assert_cmpuint (blank->lines->len, ==, 1);
}

static char *
run_pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_outputs (void)
{
  g_autoptr(GkDocument) document = new_with_procurement ();
  g_autoptr(GkDocument) empty = new_hubei ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-list-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "hubei.pdf", NULL);
  g_autofree char *empty_pdf = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "hubei.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *empty_text = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GkXlsxWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  GkTable *table = gk_document_get_table (document, "procurement");
  gboolean found_row = FALSE, found_total = FALSE;
  const char *start;

  g_object_set (gk_document_get_table (empty, "procurement"), "empty-explanation",
                "本单位无政府采购预算。", NULL);

  /* PDF: the rows and the 合计 under the table's heading. */
  g_assert_true (gk_pdf_export (document, pdf, NULL, &error));
  g_assert_no_error (error);
  text = run_pdftotext (pdf);
  start = strstr (text, "十、政府采购预算表");
  g_assert_nonnull (start);
  g_assert_nonnull (g_regex_match_simple ("办公设备\\s+货物\\s+15\\.50\\s+12\\.00\\s+3\\.50", start, 0, 0) ? start : NULL);
  g_assert_true (g_regex_match_simple ("物业服务\\s+服务\\s+8\\.00\\s+8\\.00", start, 0, 0));
  g_assert_true (g_regex_match_simple ("合计\\s+23\\.50\\s+20\\.00\\s+3\\.50", start, 0, 0));
  g_assert_nonnull (strstr (start, "十三、非税征收计划表"));

  g_assert_true (gk_pdf_export (empty, empty_pdf, NULL, &error));
  g_assert_no_error (error);
  empty_text = run_pdftotext (empty_pdf);
  start = strstr (empty_text, "十、政府采购预算表");
  g_assert_nonnull (start);
  g_assert_nonnull (strstr (start, "本单位无政府采购预算。"));
  g_assert_nonnull (strstr (start, "采购品目"));

  /* CSV: one line per row, then the 合计. */
  csv = gk_csv_serialize_table (document, table);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "办公设备,货物,15.50,12.00,,3.50"));
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "物业服务,服务,8.00,8.00,,"));
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "合计,,23.50,20.00,,3.50"));

  /* xlsx: the sheet of 政府采购预算表 holds the texts and the figures. */
  g_assert_true (gk_xlsx_export (document, xlsx, &error));
  g_assert_no_error (error);
  workbook = gk_xlsx_workbook_open (xlsx, &error);
  g_assert_no_error (error);
  for (guint s = 0; s < workbook->sheets->len; s++)
    {
      GkXlsxSheet *sheet = workbook->sheets->pdata[s];

      for (guint r = 0; r < sheet->n_rows; r++)
        {
          const GkXlsxCell *first = gk_xlsx_sheet_get_cell (sheet, r, 0);
          const GkXlsxCell *second = gk_xlsx_sheet_get_cell (sheet, r, 1);
          const GkXlsxCell *third = gk_xlsx_sheet_get_cell (sheet, r, 2);

          if (first == NULL || first->text == NULL || third == NULL)
            continue;
          if (g_str_equal (first->text, "办公设备") && second != NULL && g_strcmp0 (second->text, "货物") == 0 &&
              third->type == GK_XLSX_CELL_NUMBER && g_strcmp0 (third->text, "15.5") == 0)
            found_row = TRUE;
          if (g_str_equal (first->text, "合计") && third->type == GK_XLSX_CELL_NUMBER &&
              g_strcmp0 (third->text, "23.5") == 0)
            found_total = TRUE;
        }
    }
  g_assert_true (found_row);
  g_assert_true (found_total);

  g_remove (pdf);
  g_remove (empty_pdf);
  g_remove (xlsx);
  g_rmdir (dir);
}

static void
test_anhui (void)
{
  GkTemplate *template = gk_template_find ("anhui-2019");
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (template, "宿州市测试局", 2019,
                                                                       GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GkDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GkTable *table = gk_document_get_table (document, "purchased-services");
  GkRow *row;

  g_assert_null (gk_document_get_table (document, "sangong"));
  row = gk_document_add_list_row (document, table, G_MAXUINT);
  set_text (document, row, 0, "社区养老服务");
  set_text (document, row, 1, "基本公共服务/养老服务");
  set (document, row, "general", "30");
  bytes = gk_document_serialize (document);
  loaded = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  table = gk_document_get_table (loaded, "purchased-services");
  g_assert_cmpstr (gk_list_row_get_text (gk_table_get_entry (table, 0), 1), ==, "基本公共服务/养老服务");
  g_assert_cmpint (cell (gk_table_get_total_row (table), "total"), ==, 3000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-table/template", test_template);
  g_test_add_func ("/list-table/template-invalid", test_template_invalid);
  g_test_add_func ("/list-table/edits-and-undo", test_edits_and_undo);
  g_test_add_func ("/list-table/round-trip", test_round_trip);
  g_test_add_func ("/list-table/malformed", test_malformed);
  g_test_add_func ("/list-table/layout", test_layout);
  g_test_add_func ("/list-table/outputs", test_outputs);
  g_test_add_func ("/list-table/anhui", test_anhui);

  return g_test_run ();
}
