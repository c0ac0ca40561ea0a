/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gsf/gsf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gk-chart-data.h"
#include "gk-document-private.h"
#include "gk-checker.h"
#include "gk-export.h"
#include "gk-row-private.h"
#include "gk-table-private.h"
#include "gk-test-checks.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"
#include "gk-test-common.h"

/* Every template the program knows, bundled or the user's: it parses, its
 * summaries read tables it has, and a document made from it prints,
 * exports and checks with exactly its tables, in its order. A broken user
 * template is left out with a message naming the file and the place. */

static char *data_home;

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static guint
dest_page (const char *dests,
           const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("^\\s*(\\d+)\\s+\\[.*\\]\\s+\"%s\"", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *page = NULL;

  if (!g_regex_match (regex, dests, 0, &match))
    return 0;
  page = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (page, NULL, 10);
}

/* A consistent document --------------------------------------------------- */

static void
set_cell (GkDocument *document,
          const char *table_id,
          const char *code,
          const char *column,
          const char *text)
{
  GkTable *table = gk_document_get_table (document, table_id);
  g_autoptr(GError) error = NULL;
  GkRow *row;

  if (table == NULL || gk_table_column_index (table, column) < 0)
    return;
  if (code == NULL)
    row = gk_table_get_single_row (table);
  else if ((row = gk_table_lookup (table, code)) == NULL)
    {
      /* Each table as the fixture fills it, not linked to the others. */
      row = gk_document_add_row_in (document, table, code, NULL, &error);
      g_assert_no_error (error);
    }
  /* In the document's unit, whatever unit the table prints in. */
  {
    GkAmount amount;

    g_assert_true (gk_amount_parse_entered (text, &amount, &error));
    gk_document_set_amount (document, row, gk_table_column_index (table, column), &amount, &error);
    g_assert_no_error (error);
  }
}

static gboolean
has (GkDocument *document,
     const char *role)
{
  return gk_document_get_table (document, role) != NULL;
}

/* The first column a user types into. */
static const char *
first_entered (GkTable *table)
{
  const GkTableSchema *schema = gk_table_get_schema (table);

  for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
    if (gk_table_schema_get_column (schema, c)->rule == GK_COLUMN_ENTERED)
      return gk_table_schema_get_column (schema, c)->id;
  return NULL;
}

/* 一般公共预算 10 (and a project of 2 where the template lists projects)
 * on 2010301, 政府性基金 5 on 212, 国有资本经营 3 on 223, each in the
 * income, expenditure and its own table; one figure in every other
 * table the user fills, by the table's kind. */
static void
fill (GkDocument *document)
{
  gboolean with_projects = gk_document_get_projects_table (document) != NULL;
  gboolean fund = has (document, "fund-expenditure");
  gboolean capital = has (document, "capital-expenditure");

  g_object_set (document, "date", "2025-02-03", NULL);
  set_cell (document, "income", "2010301", "general", with_projects ? "12.00" : "10.00");
  set_cell (document, "expenditure", "2010301", "basic", "10.00");
  set_cell (document, "general-expenditure", "2010301", "basic", "10.00");
  if (with_projects)
    {
      set_cell (document, "expenditure", "2010301", "project", "2.00");
      set_cell (document, "general-expenditure", "2010301", "project", "2.00");
    }
  if (fund)
    {
      set_cell (document, "income", "212", "fund", "5.00");
      set_cell (document, "expenditure", "212", "basic", "5.00");
      set_cell (document, "fund-expenditure", "212", "basic", "5.00");
    }
  if (capital)
    {
      set_cell (document, "income", "223", "capital", "3.00");
      set_cell (document, "expenditure", "223", "basic", "3.00");
      set_cell (document, "capital-expenditure", "223", "basic", "3.00");
    }
  set_cell (document, "basic-expenditure", "30101", "total", "10.00");
  set_cell (document, "sangong", NULL, "reception", "1.00");

  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);
      const GkTableSchema *schema = gk_table_get_schema (table);
      const char *column = first_entered (table);

      if (schema->kind == GK_TABLE_KIND_PROJECTS)
        {
          g_autoptr(GkIndicator) indicator = gk_indicator_new ("产出指标", "数量指标", "开展培训", "2次");
          GkProject *project = gk_document_add_project (document, "测试培训项目", "2010301");
          g_autoptr(GError) error = NULL;

          gk_document_set_amount_text (document, gk_project_get_row (project),
                                       gk_table_column_index (table, "e302"), "2.00", &error);
          g_assert_no_error (error);
          gk_document_set_text (document, project, "owner", "测试单位");
          gk_document_set_text (document, project, "goal", "完成全年培训。");
          gk_document_list_insert (document, gk_project_get_indicators (project), 0, indicator);
        }
      else if (schema->kind == GK_TABLE_KIND_LIST)
        {
          /* A row named by its first text column, with one figure. */
          GkRow *row = gk_document_add_list_row (document, table, 0);
          g_autoptr(GError) error = NULL;

          gk_document_set_list_text (document, row, 0, "测试项目", &error);
          g_assert_no_error (error);
          gk_document_set_amount_text (document, row, gk_table_column_index (table, column), "1.00", &error);
          g_assert_no_error (error);
        }
      else if (schema->kind == GK_TABLE_KIND_OVERALL_PERFORMANCE)
        continue;   /* once the expenditure is complete, below */
      else if (gk_table_is_empty (table) && column != NULL)
        {
          /* A table the roles above do not reach (支出分经济科目表 …). */
          if (schema->kind == GK_TABLE_KIND_ECONOMIC)
            set_cell (document, schema->id, "30101", column, "10.00");
          else if (schema->kind == GK_TABLE_KIND_SINGLE)
            set_cell (document, schema->id, NULL, column, "1.00");
          else
            set_cell (document, schema->id, "2010301", column, "1.00");
        }
    }

  /* The 整体绩效目标表: one task carrying the whole expenditure, its goal
   * and one indicator, so that its checks stay quiet. */
  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);
      GkTable *expenditure = gk_document_get_table (document, "expenditure");
      g_autoptr(GkIndicator) indicator = NULL;
      g_autoptr(GError) error = NULL;
      GkAmount total = 0;
      GkRow *row;

      if (!gk_table_is_overall_performance (table))
        continue;
      g_assert_nonnull (expenditure);
      gk_table_get_column_total (expenditure, 0, &total);
      row = gk_document_add_list_row (document, table, 0);
      gk_document_set_list_text (document, row, GK_OVERALL_TEXT_NAME, "保障机关运转", &error);
      g_assert_no_error (error);
      gk_document_set_amount (document, row, gk_table_column_index (table, "fiscal"), &total, &error);
      g_assert_no_error (error);
      gk_document_set_goal (document, table, "保障机关正常运转，完成年度工作任务。");
      indicator = gk_indicator_new ("产出指标", "数量指标", "履职事项完成率", "100%");
      gk_document_list_insert (document, gk_table_get_indicators (table), 0, indicator);
    }
}

/* Exports ------------------------------------------------------------------- */

static GPtrArray *
expected_names (GkDocument *document,
                char       *(*name) (const GkTableSchema *))
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    g_ptr_array_add (names, name (gk_table_get_schema (gk_document_get_table_at (document, i))));
  return names;
}

static void
assert_names (GPtrArray  *found,
              GPtrArray  *expected,
              const char *what)
{
  for (guint i = 0; i < MAX (found->len, expected->len); i++)
    {
      const char *f = i < found->len ? found->pdata[i] : "(none)";
      const char *e = i < expected->len ? expected->pdata[i] : "(none)";

      if (g_strcmp0 (f, e) != 0)
        g_error ("%s %u is “%s”, but the template's table there is “%s”", what, i + 1, f, e);
    }
}

static char *
squeezed_heading (const GkTableSchema *schema)
{
  g_autofree char *heading = gk_table_schema_dup_heading (schema);
  return squeeze (heading);
}

/* 目录's entries of the tables' part (…部门预算公开表, …部门决算表) up to the next part,
 * white space removed. */
static GPtrArray *
contents_tables (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  g_autoptr(GRegex) entry = g_regex_new ("^\\s*(\\S.*?)\\s+(\\d+)\\s*$", 0, 0, NULL);
  g_autoptr(GString) pending = g_string_new (NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_free);
  gboolean in_tables = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *title = NULL;
      g_autofree char *flat = NULL;

      if (!g_regex_match (entry, lines[i], 0, &match))
        {
          g_string_append (pending, lines[i]);
          continue;
        }
      title = g_match_info_fetch (match, 1);
      g_string_append (pending, title);
      flat = squeeze (pending->str);
      g_string_truncate (pending, 0);
      if (g_str_has_prefix (flat, "第") && strstr (flat, "部分") != NULL)
        {
          if (in_tables)
            break;
          in_tables = g_str_has_suffix (flat, "部门预算公开表") || g_str_has_suffix (flat, "部门决算表");
        }
      else if (in_tables)
        g_ptr_array_add (entries, g_steal_pointer (&flat));
    }
  return entries;
}

static void
check_pdf (GkDocument *document,
           const char *path)
{
  const char *info_argv[] = { "pdfinfo", "-dests", path, NULL };
  const char *text_argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autofree char *dests = run (info_argv);
  g_autofree char *text = run (text_argv);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  g_autoptr(GPtrArray) expected = expected_names (document, squeezed_heading);
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *next = NULL;
  guint contents = dest_page (dests, "contents");
  guint last = 0;

  g_assert_cmpuint (contents, >, 0);
  entries = contents_tables (pages[contents - 1]);
  assert_names (entries, expected, "目录's table");

  /* Each table's heading on the page its destination names, in order,
   * and no table beyond the template's. */
  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      const GkTableSchema *schema = gk_table_get_schema (gk_document_get_table_at (document, i));
      g_autofree char *anchor = g_strdup_printf ("table-t%u", i + 1);
      g_autofree char *label = gk_table_schema_dup_label (schema);
      g_autofree char *printed = schema->number[0] != '\0' ? g_strconcat (label, schema->title, NULL)
                                                           : g_strdup (schema->title);
      g_autofree char *heading = squeeze (printed);
      g_autofree char *flat = NULL;
      guint page = dest_page (dests, anchor);

      g_assert_cmpuint (page, >, last);
      g_assert_cmpuint (page, <=, g_strv_length (pages));
      flat = squeeze (pages[page - 1]);
      if (strstr (flat, heading) == NULL)
        g_error ("Page %u, where %s starts, does not read “%s”:\n%s", page, anchor, heading, pages[page - 1]);
      last = page;
    }
  next = g_strdup_printf ("table-t%u", gk_document_get_n_tables (document) + 1);
  g_assert_cmpuint (dest_page (dests, next), ==, 0);
}

static void
check_xlsx (GkDocument *document,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;
  GsfInput *workbook;
  g_autoptr(GRegex) sheet = g_regex_new ("<sheet [^>]*name=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) expected = expected_names (document, gk_table_schema_dup_label);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *names[] = { "xl", "workbook.xml", NULL };
  g_autofree char *xml = NULL;
  gsf_off_t size;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  workbook = gsf_infile_child_by_aname (zip, names);
  g_assert_nonnull (workbook);
  size = gsf_input_size (workbook);
  xml = g_strndup ((const char *) gsf_input_read (workbook, size, NULL), size);
  g_object_unref (workbook);
  g_object_unref (zip);
  g_object_unref (input);
  for (g_regex_match (sheet, xml, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_ptr_array_add (found, g_strdup (name));
    }
  /* The sheets may be followed by the 说明 sheet, never preceded. */
  if (found->len > expected->len)
    g_ptr_array_set_size (found, expected->len);
  assert_names (found, expected, "Sheet");
}

static char *
csv_name (const GkTableSchema *schema)
{
  g_autofree char *label = gk_table_schema_dup_label (schema);
  return g_strconcat (label, ".csv", NULL);
}

static void
check_csv (GkDocument *document,
           const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) expected = expected_names (document, csv_name);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (found, g_strdup (name));
  g_assert_cmpuint (found->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    if (!g_ptr_array_find_with_equal_func (found, expected->pdata[i], g_str_equal, NULL))
      g_error ("No %s among the CSV files", (char *) expected->pdata[i]);
}

static void
test_template_exports (gconstpointer data)
{
  GkTemplate *template = (GkTemplate *) data;
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (template, "测试单位", 2025,
                                                                       GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-templates-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "disclosure.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "disclosure.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "csv", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);

  g_assert_no_error (error);
  g_assert_true (gk_document_get_template (document) == template);
  fill (document);
  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);

      if (!gk_table_schema_is_summary (gk_table_get_schema (table)) &&
          gk_table_get_schema (table)->kind != GK_TABLE_KIND_PROJECT_PERFORMANCE)
        g_assert_false (gk_table_is_empty (table));
    }

  g_assert_true (gk_export_file (document, GK_EXPORT_PDF, pdf_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gk_export_file (document, GK_EXPORT_XLSX, xlsx_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gk_export_file (document, GK_EXPORT_CSV, csv_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  check_pdf (document, pdf);
  check_xlsx (document, xlsx);
  check_csv (document, csv);

  /* Saved and opened again, the same template and the same bytes. */
  {
    g_autoptr(GBytes) saved = gk_document_serialize (document);
    g_autoptr(GkDocument) opened = gk_document_load_from_data (g_bytes_get_data (saved, NULL),
                                                              g_bytes_get_size (saved), &error);
    g_autoptr(GBytes) again = NULL;

    g_assert_no_error (error);
    g_assert_true (gk_document_get_template (opened) == template);
    again = gk_document_serialize (opened);
    g_assert_true (g_bytes_equal (saved, again));
  }

  /* The core set's fifth budget is printed where the template has it. */
  if (g_str_equal (gk_template_get_id (template), "national-2016") ||
      g_str_equal (gk_template_get_id (template), "shanghai-2025"))
    {
      const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
      g_autofree char *text = run (argv);

      g_assert_nonnull (gk_document_get_table (document, "capital-expenditure"));
      g_assert_nonnull (strstr (text, "国有资本经营预算支出"));
    }

  /* GK_TEST_KEEP=1 leaves the exports to look at. */
  if (g_getenv ("GK_TEST_KEEP") != NULL)
    g_test_message ("%s: %s", gk_template_get_id (template), dir);
  else
    gk_test_remove_tree (dir);
}

static void
test_template_checks (gconstpointer data)
{
  GkTemplate *template = (GkTemplate *) data;
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (template, "测试单位", 2025,
                                                                       GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GkChecker) checker = NULL;

  /* A 决算's figures hang together by its own identities: test-final
   * checks its sample clean and breaks each identity. */
  if (gk_template_is_final (template))
    {
      g_test_skip ("a 决算 template is checked by test-final");
      return;
    }
  fill (document);
  checker = gk_checker_new (document);
  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (gk_finding_get_severity (finding) != GK_CHECK_SEVERITY_ERROR)
        continue;
      g_error ("%s: %s", gk_finding_get_rule_id (finding), gk_finding_get_message (finding));
    }
  g_assert_cmpuint (gk_checker_count_rule (checker, "cross.fiscal-summary"), ==, 0);
  g_assert_cmpuint (gk_checker_count_rule (checker, "cross.fund-fiscal"), ==, 0);
}

/* 国有资本经营 against 表四, as 政府性基金 always was. */
static void
test_capital_checked (void)
{
  GkTemplate *template = gk_template_find ("national-2016");
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (template, "测试单位", 2025,
                                                                       GK_MONEY_UNIT_WANYUAN);
  GkTable *capital;
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GkChart) chart = NULL;
  GkRow *line;

  g_assert_nonnull (template);
  fill (document);
  capital = gk_document_get_table (document, "capital-expenditure");
  line = gk_table_lookup_line (gk_document_get_table (document, "fiscal-summary"), "expenditure-total");
  g_assert_nonnull (line);
  g_assert_cmpint (gk_row_get_value (line, gk_table_column_index (gk_document_get_table (document, "fiscal-summary"),
                                                                   "capital")), ==, 300);
  g_assert_cmpint (gk_row_get_value (gk_table_lookup_line (gk_document_get_table (document, "income-summary"), "fiscal"),
                                     0), ==, 1800);

  checker = gk_checker_new (document);
  gk_checker_update (checker);
  g_assert_cmpuint (gk_checker_count_rule (checker, "cross.fund-fiscal"), ==, 0);
  /* 表四 is derived: a figure stored behind its back is what the rule sees. */
  store (gk_table_get_total_row (capital), "total", "4.00");
  gk_checker_recheck_all (checker);
  g_assert_cmpuint (gk_checker_count_rule (checker, "cross.fund-fiscal"), ==, 1);

  /* Its page has a chart of its 类, as 表九's has. */
  chart = gk_chart_data_build_for_table (document, "capital-expenditure");
  g_assert_nonnull (chart);
  g_assert_false (gk_chart_is_empty (chart));
  g_assert_cmpstr (gk_chart_get_id (chart), ==, "capital-function-classes");
}

static guint
n_found (GkChecker  *checker,
         const char *part,
         const char *row)
{
  g_autoptr(GPtrArray) found = gk_checker_find (checker, part, row, NULL);
  return found->len;
}

/* An empty 国有资本经营预算支出表 is published empty with its reason, as
 * 表九 is. */
static void
test_capital_empty (void)
{
  GkTemplate *template = gk_template_find ("national-2016");
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (template, "测试单位", 2025,
                                                                       GK_MONEY_UNIT_WANYUAN);
  GkTable *capital = gk_document_get_table (document, "capital-expenditure");
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-templates-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "disclosure.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (capital);
  g_assert_true (gk_table_is_empty (capital));
  checker = gk_checker_new (document);
  gk_checker_update (checker);
  g_assert_cmpuint (n_found (checker, "capital-expenditure", "empty-explanation"), ==, 1);

  gk_document_set_text (document, capital, "empty-explanation", "本单位无国有资本经营预算支出。");
  gk_checker_update (checker);
  g_assert_cmpuint (n_found (checker, "capital-expenditure", "empty-explanation"), ==, 0);

  g_assert_true (gk_export_file (document, GK_EXPORT_PDF, pdf_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = run (argv);
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, "国有资本经营预算支出表"));
  g_assert_nonnull (strstr (flat, "备注：本单位无国有资本经营预算支出。"));
  gk_test_remove_tree (dir);
}

/* Template validation -------------------------------------------------------- */

static const char *broken_templates[][3] = {
  { "bad-kind.json",
    "{\"id\": \"bad-kind\", \"version\": 1, \"tables\": [{\"role\": \"income\", \"title\": \"收入总表\", "
    "\"kind\": \"functional\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "table “income”: “kind” must be one of" },
  { "unknown-source.json",
    "{\"id\": \"unknown-source\", \"version\": 1, \"tables\": [{\"role\": \"fiscal-summary\", \"title\": \"财政拨款收支总表\", "
    "\"kind\": \"fiscal\", \"expenditure-total\": \"支出总计\", \"columns\": [{\"id\": \"capital\", \"title\": \"国有资本经营预算\", "
    "\"source\": \"capital-expenditure:total\"}], \"lines\": [{\"id\": \"income-total\", \"title\": \"收入总计\"}]}]}",
    "table “fiscal-summary”: source “capital-expenditure:total” names a table the template does not have" },
  { "duplicate-role.json",
    "{\"id\": \"duplicate-role\", \"version\": 1, \"tables\": ["
    "{\"role\": \"sangong\", \"title\": \"三公\", \"kind\": \"single\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]},"
    "{\"role\": \"sangong\", \"title\": \"三公二\", \"kind\": \"single\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "table “sangong”: two tables have this role" },
  { "missing-title.json",
    "{\"id\": \"missing-title\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"kind\": \"single\", "
    "\"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "table “sangong”: the table has no “title”" },
  { "wrong-version.json",
    "{\"id\": \"wrong-version\", \"version\": \"2\", \"tables\": []}",
    "“version” must be a whole number" },
  { "wrong-title-type.json",
    "{\"id\": \"wrong-title-type\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": 8, \"kind\": \"single\", "
    "\"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "“title” must be text" },
  { "wrong-columns-type.json",
    "{\"id\": \"wrong-columns-type\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", "
    "\"kind\": \"single\", \"columns\": {\"id\": \"total\"}}]}",
    "table “sangong”: the table has no “columns” list" },
  { "performance-columns.json",
    "{\"id\": \"performance-columns\", \"version\": 1, \"tables\": [{\"role\": \"project-performance\", "
    "\"title\": \"项目支出绩效目标表\", \"kind\": \"project-performance\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "table “project-performance”: a project-performance table has no columns" },
  { "role-kind.json",
    "{\"id\": \"role-kind\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", "
    "\"kind\": \"function\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "table “sangong”: a table of this role must be of the kind “single”" },
  { "code-column.json",
    "{\"id\": \"code-column\", \"version\": 1, \"tables\": [{\"role\": \"expenditure\", \"title\": \"支出总表\", "
    "\"kind\": \"function\", \"columns\": [{\"id\": \"code\", \"title\": \"基本支出\"}]}]}",
    "the column id “code” is kept" },
  { "optional-text.json",
    "{\"id\": \"optional-text\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", "
    "\"kind\": \"single\", \"optional\": \"true\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "“optional” must be true or false" },
  { "lines-elsewhere.json",
    "{\"id\": \"lines-elsewhere\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", "
    "\"kind\": \"single\", \"lines\": 5, \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "only a summary table has “lines”" },
  { "source-elsewhere.json",
    "{\"id\": \"source-elsewhere\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", "
    "\"kind\": \"single\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\", \"source\": \"sangong:total\"}]}]}",
    "only a summary table takes a column from another table" },
  { "summary-of-summary.json",
    "{\"id\": \"summary-of-summary\", \"version\": 1, \"tables\": [{\"role\": \"income-summary\", \"title\": \"收支总表\", "
    "\"kind\": \"income-expenditure\", \"expenditure-total\": \"支出合计\", \"columns\": [{\"id\": \"amount\", "
    "\"title\": \"预算数\", \"source\": \"income-summary:amount\"}], \"lines\": [{\"id\": \"income-total\", \"title\": \"收入总计\"}]}]}",
    "names a summary table" },
  { "reserved-line.json",
    "{\"id\": \"reserved-line\", \"version\": 1, \"tables\": [{\"role\": \"fiscal-summary\", \"title\": \"财政拨款收支总表\", "
    "\"kind\": \"fiscal\", \"expenditure-total\": \"支出总计\", \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}], "
    "\"lines\": [{\"id\": \"expenditure-total\", \"title\": \"收入总计\"}]}]}",
    "the line id “expenditure-total” is kept" },
  { "parts-twice.json",
    "{\"id\": \"parts-twice\", \"version\": 1, \"parts\": [\"overview\", \"tables\", \"tables\", \"glossary\"], "
    "\"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", \"kind\": \"single\", "
    "\"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "“parts” must list overview, tables, explanation and glossary, each once" },
  { "choices-on-text.json",
    "{\"id\": \"choices-on-text\", \"version\": 1, \"tables\": [{\"role\": \"procurement\", \"title\": \"政府采购预算表\", "
    "\"kind\": \"list\", \"columns\": [{\"id\": \"item\", \"title\": \"项目\", \"type\": \"text\", \"choices\": [\"货物\"]}, "
    "{\"id\": \"total\", \"title\": \"合计\"}]}]}",
    "only a choice column has “choices”" },
};

/* 上海 prints its 说明 before its tables: the parts follow the template,
 * numbered in their order. */
static void
test_parts_order (void)
{
  GkTemplate *shanghai = gk_template_find ("shanghai-2025");
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (shanghai, "测试单位", 2025,
                                                                       GK_MONEY_UNIT_YUAN);
  g_autofree char *dir = g_dir_make_tmp ("gongkai-parts-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "parts.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *explanation, *tables, *glossary;

  g_assert_cmpint (gk_template_get_part (shanghai, 1), ==, GK_PART_EXPLANATION);
  g_assert_cmpint (gk_template_get_part (gk_template_get_default (), 1), ==, GK_PART_TABLES);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);

  g_assert_true (gk_export_file (document, GK_EXPORT_PDF, pdf_file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-layout", "-l", "2", pdf, "-", NULL };
    text = run (argv);
  }
  explanation = strstr (text, "第二部分 2025年预算编制说明");
  tables = strstr (text, "第三部分 2025年部门预算公开表");
  glossary = strstr (text, "第四部分 名词解释");
  g_assert_nonnull (explanation);
  g_assert_nonnull (tables);
  g_assert_nonnull (glossary);
  g_assert_true (explanation < tables && tables < glossary);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A template of more tables than 一 … 九十九 can number. */
static void
test_too_many_tables (void)
{
  g_autoptr(GString) json = g_string_new ("{\"id\": \"too-many\", \"version\": 1, \"tables\": [");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (json, "%s{\"role\": \"extra%u\", \"title\": \"表\", \"kind\": \"function\", "
                            "\"optional\": true, \"columns\": [{\"id\": \"total\", \"title\": \"合计\"}]}",
                            i > 0 ? ", " : "", i);
  g_string_append (json, "]}");
  g_assert_null (gk_template_new_from_data (json->str, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "at most 99 tables"));
}

static void
test_broken_user_templates (void)
{
  g_autofree char *folder = gk_template_get_user_folder ();
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (folder, data_home));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (broken_templates); i++)
    {
      g_autofree char *path = g_build_filename (folder, broken_templates[i][0], NULL);

      g_assert_true (g_file_set_contents (path, broken_templates[i][1], -1, &error));
      g_assert_no_error (error);
    }

  all = gk_template_list_all_with_errors (errors);
  g_assert_cmpuint (errors->len, ==, G_N_ELEMENTS (broken_templates));
  for (guint i = 0; i < G_N_ELEMENTS (broken_templates); i++)
    {
      gboolean found = FALSE;

      for (guint e = 0; e < errors->len && !found; e++)
        found = strstr (errors->pdata[e], broken_templates[i][0]) != NULL &&
                strstr (errors->pdata[e], broken_templates[i][2]) != NULL;
      if (!found)
        {
          g_autofree char *listed = g_strjoinv ("\n", (char **) errors->pdata);
          g_error ("No message “%s” for %s among:\n%s", broken_templates[i][2], broken_templates[i][0], listed);
        }
    }
  for (guint i = 0; i < all->len; i++)
    g_assert_false (gk_template_is_user (all->pdata[i]));

  for (guint i = 0; i < G_N_ELEMENTS (broken_templates); i++)
    {
      g_autofree char *path = g_build_filename (folder, broken_templates[i][0], NULL);
      g_remove (path);
    }
}

/* Every summary source names a table and column of its own template. */
static void
test_sources_resolve (void)
{
  g_autoptr(GPtrArray) all = gk_template_list_all ();

  g_assert_cmpuint (all->len, >=, 5);
  for (guint i = 0; i < all->len; i++)
    {
      GkTemplate *template = all->pdata[i];

      g_assert_nonnull (gk_template_get_description (template));
      g_assert_nonnull (gk_template_get_region (template));
      for (guint t = 0; t < gk_template_get_n_tables (template); t++)
        {
          const GkTableSchema *schema = gk_template_get_table (template, t);
          guint n = schema->columns->len + (schema->lines ? schema->lines->len : 0);

          g_assert_cmpuint (schema->position, ==, t);
          for (guint k = 0; k < n; k++)
            {
              const char *source = k < schema->columns->len
                                   ? ((GkColumnSchema *) schema->columns->pdata[k])->source
                                   : ((GkLineSchema *) schema->lines->pdata[k - schema->columns->len])->source;
              g_auto(GStrv) parts = NULL;
              const GkTableSchema *from;

              if (source == NULL)
                continue;
              parts = g_strsplit (source, ":", 2);
              from = gk_template_lookup (template, parts[0]);
              /* A summary's line names a line of another summary. */
              if (from != NULL && gk_table_schema_is_summary (from) && k >= schema->columns->len)
                {
                  g_autoptr(GPtrArray) lines = gk_table_schema_dup_lines (from, FALSE);
                  gboolean found = FALSE;

                  for (guint l = 0; l < lines->len; l++)
                    found |= g_str_equal (((GkLineSchema *) lines->pdata[l])->id, parts[1]);
                  if (found)
                    continue;
                }
              if (from == NULL || gk_table_schema_column_index (from, parts[1]) < 0)
                g_error ("%s, %s: source %s does not resolve", gk_template_get_id (template), schema->id, source);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  int status;

  /* Before GLib reads it: the user's templates are this test's own. */
  data_home = g_dir_make_tmp ("gongkai-templates-home-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/sources-resolve", test_sources_resolve);
  g_test_add_func ("/templates/broken-user-templates", test_broken_user_templates);
  g_test_add_func ("/templates/too-many-tables", test_too_many_tables);
  g_test_add_func ("/templates/parts-order", test_parts_order);
  g_test_add_func ("/templates/capital-checked", test_capital_checked);
  g_test_add_func ("/templates/capital-empty", test_capital_empty);
  all = gk_template_list_all ();
  for (guint i = 0; i < all->len; i++)
    {
      GkTemplate *template = all->pdata[i];
      g_autofree char *exports = g_strdup_printf ("/templates/%s/exports", gk_template_get_id (template));
      g_autofree char *checks = g_strdup_printf ("/templates/%s/checks", gk_template_get_id (template));

      g_test_add_data_func (exports, template, test_template_exports);
      g_test_add_data_func (checks, template, test_template_checks);
    }
  status = g_test_run ();
  gk_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
