/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "gk-check-cli.h"
#include "gk-checker-private.h"
#include "gk-document-io.h"
#include "gk-narrative.h"
#include "gk-row-private.h"
#include "gk-table-private.h"
#include "gk-test-checks.h"

/* The checker on the seed as it was published, and the command line. */

/* The seed as published ------------------------------------------------------- */

typedef struct
{
  const char *rule;
  const char *location;   /* the first place */
  const char *in_message; /* a figure the message must name */
  gboolean    warning;    /* a warning, not an error */
} Expected;

/* What an auditor finds in the seed, as far as the file can hold it. */
static const Expected seed_findings[] = {
  /* "增加0万元": the right figure in the wrong word, a warning. */
  { "narrative.change-word", "narrative/s2.income.fund", "持平", TRUE },
  { "narrative.shares", "narrative/s3.expenditure.basic", "80.00%" },
  { "narrative.shares", "narrative/s3.expenditure.project", "20.00%" },
  { "narrative.figure", "narrative/s5.scale", "29.69" },
  /* "下降26.17%" is 100.69 / 384.77, the wrong change: 29.69 / 384.77. */
  { "narrative.change-percent", "narrative/s5.scale", "7.72%" },
  { "narrative.figure", "narrative/s5.item.2010301", "265.06" },
  { "narrative.change-word", "narrative/s5.item.2010301", "减少63.6" },
  { "narrative.change-percent", "narrative/s5.item.2080505", "32.4%" },
  { "narrative.basic-items", "narrative/s6.personnel", "机关事业单位基本养老保险费" },
  { "narrative.basic-items", "narrative/s6.public", "工会经费" },
  { "narrative.project-name", "narrative/s7.project.p3", "文印及耗材费" },
  { "narrative.project-name", "narrative/s7.project.p5", "重点项目督查检查经费" },
  { "narrative.project-name", "narrative/s7.project.p4", "县信联办及群众信访服务中心业务办公经费" },
  { "narrative.change-word", "narrative/s8.change", "持平", TRUE },
  { "explanation.performance", "projects/p3/indicators", "indicator 4" },
  { "explanation.performance", "projects/p3/indicators", "indicator 5" },
  { "explanation.performance", "projects/p2/indicators", "indicator 4" },
  { "explanation.performance", "projects/p1/indicators", "indicator 4" },
};

static gboolean
has_finding (GkChecker      *checker,
             const Expected *e)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *place = gk_place_to_string (gk_finding_get_place (finding, 0));

      if (g_str_equal (gk_finding_get_rule_id (finding), e->rule) && g_str_equal (place, e->location) &&
          strstr (gk_finding_get_message (finding), e->in_message) != NULL &&
          (gk_finding_get_severity (finding) == GK_CHECK_SEVERITY_WARNING) == e->warning)
        return TRUE;
    }
  return FALSE;
}

static void
test_seed (void)
{
  g_autoptr(GkDocument) document = load ("data/seed-as-published.gongkai");
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  print_findings (checker);
  for (guint i = 0; i < G_N_ELEMENTS (seed_findings); i++)
    {
      if (!has_finding (checker, &seed_findings[i]))
        g_test_message ("missing: %s %s", seed_findings[i].rule, seed_findings[i].location);
      g_assert_true (has_finding (checker, &seed_findings[i]));
    }
  /* Nothing else: every finding is one of the seed's faults. */
  g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, G_N_ELEMENTS (seed_findings) - 2);
  g_assert_cmpuint (gk_checker_get_n_warnings (checker), ==, 2);
}

/* The seed's tables as printed hold what a .gongkai file cannot: subtotals
 * that differ from their rows (表三/表五 201 and 20103 基本支出 284.08, their
 * 项 adding to 265.06) and 表九's row of zeros. An import would keep them;
 * here they are written behind the model's back. */
static void
test_seed_tables_as_printed (void)
{
  g_autoptr(GkDocument) document = load ("data/seed-as-published.gongkai");
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkTable *t9 = gk_document_get_table (document, "fund-expenditure");
  g_autoptr(GkRow) zeros = gk_row_new (GK_ROW_KIND_ITEM, "0", "0", 3);
  static const char * const tables[] = { "expenditure", "general-expenditure" };
  static const Expected printed[] = {
    { "table.subtotal", "expenditure/20103/basic", "265.06" },
    { "table.subtotal", "general-expenditure/20103/basic", "265.06" },
    { "table.row-total", "expenditure/201/total", "355.08" },
    { "table.row-total", "expenditure/20103/total", "355.08" },
    { "table.grand-total", "expenditure/total/basic", "303.10" },
    { "format.placeholder", "fund-expenditure/0", "zeros" },
    { "format.empty-table", "fund-expenditure/empty-explanation", "表九" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      store (gk_table_lookup (gk_document_get_table (document, tables[i]), "201"), "basic", "284.08");
      store (gk_table_lookup (gk_document_get_table (document, tables[i]), "20103"), "basic", "284.08");
    }
  gk_table_insert_row (t9, zeros);
  for (guint c = 0; c < 3; c++)
    store (zeros, gk_table_schema_get_column (gk_table_get_schema (t9), c)->id, "0");
  gk_checker_update (checker);
  print_findings (checker);

  for (guint i = 0; i < G_N_ELEMENTS (printed); i++)
    {
      if (!has_finding (checker, &printed[i]))
        g_test_message ("missing: %s %s", printed[i].rule, printed[i].location);
      g_assert_true (has_finding (checker, &printed[i]));
    }
}

/* The command line -------------------------------------------------------------- */

static void
test_cli_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seed-as-published.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *count = NULL;
  guint n;

  g_assert_cmpint (gk_check_run_cli (file, FALSE, out), ==, 1);
  lines = g_strsplit (out->str, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (seed_findings) + 2);   /* the count line, and "" after it */
  /* Errors first, then the warnings. */
  g_assert_true (g_str_has_prefix (lines[0], "error narrative."));
  g_assert_nonnull (strstr (out->str, "error narrative.shares narrative/s3.expenditure.basic: "));
  g_assert_true (g_str_has_prefix (lines[n - 3], "warning narrative.change-word"));
  count = g_strdup_printf ("%u errors, 2 warnings", (guint) G_N_ELEMENTS (seed_findings) - 2);
  g_assert_cmpstr (lines[n - 2], ==, count);
}

static void
test_cli_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "seed-as-published.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *findings;
  JsonObject *first;

  g_assert_cmpint (gk_check_run_cli (file, TRUE, out), ==, 1);
  json_parser_load_from_data (parser, out->str, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "errors"), ==, G_N_ELEMENTS (seed_findings) - 2);
  g_assert_cmpint (json_object_get_int_member (root, "warnings"), ==, 2);
  findings = json_object_get_array_member (root, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, G_N_ELEMENTS (seed_findings));
  first = json_array_get_object_element (findings, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "severity"), ==, "error");
  g_assert_true (json_array_get_length (json_object_get_array_member (first, "places")) > 0);
}

static void
test_cli_clean_and_unreadable (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "urumqi-county-government-office-2020.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/nothing.gongkai");
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gk_check_run_cli (file, FALSE, out), ==, 0);
  g_assert_true (g_str_has_suffix (out->str, "0 errors, 0 warnings\n"));

  g_string_truncate (out, 0);
  g_assert_cmpint (gk_check_run_cli (missing, FALSE, out), ==, 2);
  g_assert_nonnull (strstr (out->str, "nothing.gongkai"));

  broken = g_file_new_tmp ("checks-XXXXXX.gongkai", &stream, &error);
  g_assert_no_error (error);
  g_file_replace_contents (broken, "{ \"format\": ", 12, NULL, FALSE, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_string_truncate (out, 0);
  g_assert_cmpint (gk_check_run_cli (broken, TRUE, out), ==, 2);
  g_assert_nonnull (strstr (out->str, "\"error\""));
  g_file_delete (broken, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/seed/as-published", test_seed);
  g_test_add_func ("/checks/seed/tables-as-printed", test_seed_tables_as_printed);
  g_test_add_func ("/checks/cli/text", test_cli_text);
  g_test_add_func ("/checks/cli/json", test_cli_json);
  g_test_add_func ("/checks/cli/clean-and-unreadable", test_cli_clean_and_unreadable);

  return g_test_run ();
}
