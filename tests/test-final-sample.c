/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-checker.h"
#include "gk-explanation.h"
#include "gk-finding.h"
#include "gk-table-layout.h"
#include "gk-test-run.h"

/* The bundled 决算 sample, 上海市普陀区生态环境局 2025 年度部门决算: it loads,
 * its tables print the totals the published document prints, and the
 * checks find exactly the errors data/samples/README.md lists. */

#define SAMPLE_NAME "shanghai-putuo-ecology-bureau-2025-final.gongkai"

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "data", "samples", SAMPLE_NAME, NULL);
}

static GkDocument *
load_sample (void)
{
  g_autofree char *path = sample_path ();

  return gk_test_load (path);
}

/* The cells of the first printed line with a cell @label, joined by "|". */
static char *
printed_line (GkDocument *document,
              const char *table_id,
              const char *label)
{
  g_autoptr(GkTableLayout) layout = gk_table_layout_new (document, gk_document_get_table (document, table_id));

  for (guint i = 0; i < layout->lines->len; i++)
    {
      GkLayoutLine *line = g_ptr_array_index (layout->lines, i);

      if (g_strv_contains ((const char * const *) line->cells, label))
        return g_strjoinv ("|", line->cells);
    }
  return NULL;
}

static void
assert_printed (GkDocument *document,
                const char *table_id,
                const char *label,
                const char *expected)
{
  g_autofree char *line = printed_line (document, table_id, label);

  g_assert_cmpstr (line, ==, expected);
}

static void
test_loads (void)
{
  g_autoptr(GkDocument) document = load_sample ();

  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (document)), ==, "juesuan-shanghai-2024");
  g_assert_cmpstr (gk_document_get_unit (document), ==, "上海市普陀区生态环境局");
  g_assert_cmpint (gk_document_get_year (document), ==, 2025);
}

/* The 总计 and 合计 lines as the PDF prints them. One printed cent is
 * read otherwise (data/samples/README.md): 2111101's 项目支出 391.61 where
 * the rows print 391.60, the one reading under which the totals add. */
static void
test_totals (void)
{
  g_autoptr(GkDocument) document = load_sample ();

  /* 表一 */
  assert_printed (document, "final-summary", "总计", "总计|4733.14|总计|4733.14");
  assert_printed (document, "final-summary", "本年收入合计", "本年收入合计|4733.14|本年支出合计|4733.14");
  assert_printed (document, "final-summary", "年初结转和结余", "年初结转和结余|0.00|年末结转和结余|0.00");
  /* 表二: 合计 4,733.14 as published */
  assert_printed (document, "final-income", "合计", "|||合计|4733.14|4733.14|||||");
  /* 表三: 4,733.14 = 3,365.38 + 1,367.76 as published */
  assert_printed (document, "final-expenditure", "合计", "|||合计|4733.14|3365.38|1367.76|||");
  /* 表四 */
  assert_printed (document, "final-fiscal-summary", "总计", "总计|4733.14|总计|4733.14|4733.14||");
  /* 表五: 合计 4,733.14 as published; it prints 项目支出 1,367.75 */
  assert_printed (document, "final-general", "合计", "|||合计|4733.14|3365.38|1367.76");
  /* 表六: 人员经费合计 2,949.02, 公用经费合计 416.36 as published */
  assert_printed (document, "final-basic", "人员经费合计", "人员经费合计||2949.02|公用经费合计||416.36");
  /* 三公: 预算数 21.00, 决算数 16.95 and every item as published */
  {
    g_autoptr(GkTableLayout) layout = gk_table_layout_new (document, gk_document_get_table (document, "final-sangong"));
    GkLayoutLine *line = g_ptr_array_index (layout->lines, 0);
    g_autofree char *cells = g_strjoinv ("|", line->cells);

    g_assert_cmpuint (layout->lines->len, ==, 1);
    g_assert_cmpstr (cells, ==, "21.00|16.95|0.00|0.00|20.50|16.95|0.00|0.00|20.50|16.95|0.50|0.00");
  }
}

/* The findings README lists between "```" after its heading, as
 * "error RULE LOCATION" lines. */
static GPtrArray *
listed_findings (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "data", "samples", "README.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *heading, *open, *end;
  g_autofree char *block = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  heading = strstr (text, "**Findings of `gongkai --check`.**");
  g_assert_nonnull (heading);
  open = strstr (heading, "```\n");
  g_assert_nonnull (open);
  open += 4;
  end = strstr (open, "```");
  g_assert_nonnull (end);
  block = g_strndup (open, end - open);
  lines = g_strsplit (block, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (found, g_strdup (lines[i]));
  return found;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The document as its rows print 2111101 (项目支出 391.60 on 表三 and
 * 表五), which the sample reads as 391.61. */
static void
read_as_printed (GkDocument *document)
{
  const char *tables[] = { "final-expenditure", "final-general" };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GkTable *table = gk_document_get_table (document, tables[i]);
      GkRow *row = gk_table_lookup (table, "2111101");
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (row);
      g_assert_true (gk_document_set_amount_text (document, row, gk_table_column_index (table, "project"),
                                                  "391.60", &error));
      g_assert_no_error (error);
    }
}

/* The sample has one error, 十一（一）'s 2.60 % where its own figures give
 * 2.59 %; read as its rows print, the checks find exactly the errors
 * README lists, each one the published text's. */
static void
test_findings (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GPtrArray) listed = listed_findings ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GkChecker) checker = NULL;
  g_auto(Run) run = { 0 };
  const char *args[] = { "--check", path, NULL };

  gk_test_run_gongkai (NULL, NULL, &run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "1 error, 0 warnings"));
  g_assert_true (g_str_has_prefix (run.out, "error narrative.change-percent narrative/k.final-running: "));
  g_assert_nonnull (strstr (run.out, "“增长2.60%”"));
  g_assert_nonnull (strstr (run.out, "Write “增长2.59%”."));

  read_as_printed (document);
  checker = gk_checker_new (document);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *location = gk_place_to_string (gk_finding_get_place (finding, 0));

      g_ptr_array_add (found, g_strdup_printf ("%s %s %s",
                                               gk_finding_get_severity (finding) == GK_CHECK_SEVERITY_ERROR
                                                 ? "error" : "warning",
                                               gk_finding_get_rule_id (finding), location));
    }
  g_assert_cmpuint (listed->len, >, 0);
  g_ptr_array_sort (listed, compare_strings);
  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < MAX (listed->len, found->len); i++)
    g_assert_cmpstr (i < found->len ? found->pdata[i] : NULL, ==, i < listed->len ? listed->pdata[i] : NULL);
}

/* In the paragraph of one 项 the words 项目支出 and 基本支出 are that 项's:
 * the published item 17 says “…公用支出及项目支出，…当年支出决算为 1493.39
 * 万元”, and 1493.39 is no figure of 表五's whole 项目支出 (1367.75 as the
 * rows print). */
static void
test_item_words (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GkChecker) checker = NULL;
  GListModel *findings;
  guint whole = 0;

  read_as_printed (document);
  checker = gk_checker_new (document);
  findings = G_LIST_MODEL (checker);
  g_assert_nonnull (gk_explanation_get_hand_written (gk_document_get_explanation (document),
                                                      "k.final-general.2111101"));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *location = gk_place_to_string (gk_finding_get_place (finding, 0));

      g_assert_cmpstr (location, !=, "narrative/k.final-general.2111101");
      if (g_strcmp0 (location, "narrative/k.final-general.scale") == 0)
        whole++;
    }
  /* The whole's paragraphs are still read: 4733.14 and 90.09 of 五（一）. */
  g_assert_cmpuint (whole, ==, 2);
}

/* The published document states no staff, so its 概况 says nothing of
 * them; the budget sample, which types them, keeps its sentence. */
static char *
exported_text (const char *dir,
               const char *source)
{
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  const char *args[] = { "--export-pdf", pdf, source, NULL };
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status;

  gk_test_run_gongkai (NULL, NULL, &run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_remove (pdf);
  return text;
}

static void
test_no_staff (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-final-sample-XXXXXX", &error);
  g_autofree char *path = sample_path ();
  g_autofree char *budget = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "data", "samples",
                                              "urumqi-county-government-office-2020.gongkai", NULL);
  g_autofree char *final_text = NULL;
  g_autofree char *budget_text = NULL;

  g_assert_no_error (error);
  final_text = exported_text (dir, path);
  budget_text = exported_text (dir, budget);
  g_assert_nonnull (strstr (final_text, "主要职能"));
  g_assert_null (strstr (final_text, "编制数"));
  g_assert_nonnull (strstr (budget_text, "编制数"));
  gk_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/final-sample/loads", test_loads);
  g_test_add_func ("/final-sample/totals", test_totals);
  g_test_add_func ("/final-sample/findings", test_findings);
  g_test_add_func ("/final-sample/item-words", test_item_words);
  g_test_add_func ("/final-sample/no-staff", test_no_staff);
  return g_test_run ();
}
