/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-export.h"
#include "gk-narrative.h"
#include "gk-table-list.h"
#include "gk-test-common.h"

/* 情况说明 by outline: each bundled template's sections print in its order
 * under its titles, the seed's text is unchanged, the kinds of paragraph
 * say what the tables hold, and a 事业单位 states no 机关运行经费. */

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

/* The PDF's text, pdftotext -raw (in the order it is written) or, with
 * @layout, in the order a reader reads the page. */
static char *
pdf_text_as (GkDocument *document,
             gboolean    layout)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gk-outline-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  char *text;

  g_assert_no_error (error);
  path = g_build_filename (dir, "out.pdf", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (gk_export_file (document, GK_EXPORT_PDF, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", layout ? path : "-raw", layout ? "-" : path, layout ? NULL : "-", NULL };
    text = run (argv);
  }
  g_remove (path);
  g_rmdir (dir);
  return text;
}

static char *
pdf_text (GkDocument *document)
{
  return pdf_text_as (document, FALSE);
}

static void
set_cell (GkDocument *document,
          const char *table_id,
          const char *code,
          const char *column,
          const char *text)
{
  GkTable *table = gk_document_get_table (document, table_id);
  g_autoptr(GError) error = NULL;
  GkAmount amount;
  GkRow *row;

  if (table == NULL || gk_table_column_index (table, column) < 0)
    return;
  if (code == NULL)
    row = gk_table_get_single_row (table);
  else if ((row = gk_table_lookup (table, code)) == NULL)
    {
      row = gk_document_add_row (document, table, code, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gk_amount_parse_entered (text, &amount, &error));
  gk_document_set_amount (document, row, gk_table_column_index (table, column), &amount, &error);
  g_assert_no_error (error);
}

static void
set_prior (GkDocument *document,
           const char *key,
           GkAmount    amount,
           const char *reason)
{
  GkPrior *prior = gk_document_ensure_prior (document, key);

  gk_document_set_int (document, prior, "amount", amount);
  gk_document_set_text (document, prior, "reason", reason);
}

/* 一般公共预算 10 on 2010301 (with a project of 2 where there are
 * projects), 政府性基金 5 on 212, 国有资本经营 3 on 223, 基本支出 on 30101,
 * a 公务接待费, and a 政府采购 of 货物 where the template lists them. */
static void
fill (GkDocument *document)
{
  gboolean with_projects = gk_document_get_projects_table (document) != NULL;
  GkTable *procurement = gk_document_get_table (document, "procurement");

  set_cell (document, "income", "2010301", "general", with_projects ? "12.00" : "10.00");
  set_cell (document, "expenditure", "2010301", "basic", "10.00");
  set_cell (document, "general-expenditure", "2010301", "basic", "10.00");
  if (with_projects)
    {
      GkProject *project = gk_document_add_project (document, "测试培训项目", "2010301");
      g_autoptr(GError) error = NULL;

      gk_document_set_amount_text (document, gk_project_get_row (project),
                                   gk_table_column_index (gk_document_get_projects_table (document), "e302"),
                                   "2.00", &error);
      g_assert_no_error (error);
      set_cell (document, "expenditure", "2010301", "project", "2.00");
      set_cell (document, "general-expenditure", "2010301", "project", "2.00");
    }
  if (gk_document_get_table (document, "fund-expenditure") != NULL)
    {
      set_cell (document, "income", "212", "fund", "5.00");
      set_cell (document, "expenditure", "212", "basic", "5.00");
      set_cell (document, "fund-expenditure", "212", "basic", "5.00");
    }
  if (gk_document_get_table (document, "capital-expenditure") != NULL)
    {
      set_cell (document, "income", "223", "capital", "3.00");
      set_cell (document, "expenditure", "223", "basic", "3.00");
      set_cell (document, "capital-expenditure", "223", "basic", "3.00");
    }
  set_cell (document, "basic-expenditure", "30101", "total", "10.00");
  set_cell (document, "sangong", NULL, "reception", "1.00");
  if (procurement != NULL)
    {
      const GkTableSchema *schema = gk_table_get_schema (procurement);
      GkRow *row = gk_document_add_list_row (document, procurement, 0);
      g_autoptr(GError) error = NULL;

      gk_document_set_list_text (document, row, 0, "办公设备", &error);
      g_assert_no_error (error);
      gk_document_set_list_text (document, row, gk_table_schema_text_index (schema, "category"), "货物", &error);
      g_assert_no_error (error);
      gk_document_set_amount_text (document, row, gk_table_column_index (procurement, "general"), "1.00", &error);
      g_assert_no_error (error);
    }
}

static GkDocument *
filled (const char *template_id)
{
  GkTemplate *template = gk_template_find (template_id);
  GkDocument *document;

  g_assert_nonnull (template);
  document = gk_document_new_blank_for_template (template, "测试单位", 2025, GK_MONEY_UNIT_WANYUAN);
  fill (document);
  return document;
}

/* Every bundled template ------------------------------------------------- */

static void
test_template_outline (gconstpointer data)
{
  const char *id = data;
  g_autoptr(GkDocument) document = filled (id);
  GkTemplate *template = gk_document_get_template (document);
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  g_autofree char *text = pdf_text (document);
  g_autofree char *flat = squeeze (text);
  g_autofree char *part = gk_template_dup_part_title (template, GK_PART_EXPLANATION, "测试单位", 2025);
  const char *at;

  /* A filled document says something in every section its template
   * outlines, each under the outline's title. */
  if (gk_template_get_n_sections (template) > 0)
    {
      g_assert_cmpuint (sections->len, ==, gk_template_get_n_sections (template));
      for (guint i = 0; i < sections->len; i++)
        {
          const GkNarrativeSection *section = g_ptr_array_index (sections, i);
          g_autofree char *title = gk_template_expand_title (gk_template_get_section (template, i)->title,
                                                             "测试单位", 2025);

          g_assert_cmpstr (section->id, ==, gk_template_get_section (template, i)->id);
          g_assert_cmpstr (section->title, ==, title);
        }
    }
  else
    g_assert_cmpuint (sections->len, ==, 10);

  /* In the PDF, after the part's heading (the second time: the first is
   * the 目录), every section's heading in order, and the parts the
   * outline begins. */
  at = strstr (flat, part);
  g_assert_nonnull (at);
  at = strstr (at + strlen (part), part);
  if (at == NULL)
    g_error ("%s: the part “%s” is not printed", id, part);
  for (guint i = 0; i < sections->len; i++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (sections, i);
      g_autofree char *heading = gk_narrative_section_heading (section);
      g_autofree char *wanted = squeeze (heading);
      const char *found;

      if (section->part != NULL)
        {
          g_autofree char *part_title = squeeze (section->part);
          found = strstr (at, part_title);
          if (found == NULL)
            g_error ("%s: part “%s” not printed in order", id, section->part);
          at = found + strlen (part_title);
        }
      found = strstr (at, wanted);
      if (found == NULL)
        g_error ("%s: section “%s” not printed in order", id, heading);
      at = found + strlen (wanted);
    }
}

static void
test_parts (void)
{
  g_autoptr(GkDocument) guizhou = filled ("guizhou-2025");
  g_autoptr(GkDocument) shanghai = filled ("shanghai-2025");
  g_autofree char *guizhou_text = pdf_text (guizhou);
  g_autofree char *shanghai_text = pdf_text (shanghai);
  g_autofree char *guizhou_flat = squeeze (guizhou_text);
  g_autofree char *shanghai_flat = squeeze (shanghai_text);

  /* 贵州: 第四部分 其他重要事项, and 名词解释 moves on to 第五部分. */
  g_assert_nonnull (strstr (guizhou_flat, "第四部分其他重要事项"));
  g_assert_nonnull (strstr (guizhou_flat, "第五部分名词解释"));
  g_assert_null (strstr (guizhou_flat, "第四部分名词解释"));
  /* 上海's 说明 is a 预算编制说明, before the tables. */
  g_assert_nonnull (strstr (shanghai_flat, "第二部分2025年预算编制说明"));
  g_assert_null (strstr (shanghai_flat, "部门预算情况说明"));
  g_assert_nonnull (strstr (shanghai_flat, "第三部分2025年部门预算公开表"));
}

static int
compare_unichar (const void *a,
                 const void *b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;

  return x < y ? -1 : x > y;
}

/* The seed's text, word for word ------------------------------------------ */

static void
test_sample_unchanged (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  /* In reading order: the order in which a PDF writes its text is the
   * typesetter's business (a tagged PDF writes it as it is read). */
  g_autofree char *text = pdf_text_as (document, TRUE);
  g_autofree char *expected_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "sample-narrative.txt", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *start;
  const char *end;
  g_autofree char *narrative = NULL;

  g_file_get_contents (expected_path, &expected, NULL, &error);
  g_assert_no_error (error);
  /* Pages break where they did; the comparison is of the words. */
  {
    GString *plain = g_string_new (text);
    g_string_replace (plain, "\f", "", 0);
    g_free (text);
    text = g_string_free (plain, FALSE);
  }
  start = strstr (text, "\n第三部分 ");
  g_assert_nonnull (start);
  start = strstr (start + 1, "\n第三部分 ");
  g_assert_nonnull (start);
  end = strstr (start + 1, "\n第四部分 ");
  g_assert_nonnull (end);
  narrative = g_strndup (start + 1, end - start);
  /* Word for word: where lines and pages break is the typesetter's
   * business, so line ends and page numbers are left out of both. */
  {
    g_autoptr(GRegex) folio = g_regex_new ("^— [0-9]+ —$", G_REGEX_MULTILINE, 0, NULL);
    g_autofree char *got = g_regex_replace_literal (folio, narrative, -1, 0, "", 0, NULL);
    g_autofree char *want = g_regex_replace_literal (folio, expected, -1, 0, "", 0, NULL);
    g_autofree char *got_words = squeeze (got);
    g_autofree char *want_words = squeeze (want);
    const char *got_tables = strstr (got_words, "项目支出绩效目标表");
    const char *want_tables = strstr (want_words, "项目支出绩效目标表");
    g_autofree char *got_prose = NULL;
    g_autofree char *want_prose = NULL;
    g_autofree gunichar *got_chars = NULL;
    g_autofree gunichar *want_chars = NULL;
    glong n_got, n_want;

    /* The sentences, word for word. */
    g_assert_nonnull (got_tables);
    g_assert_nonnull (want_tables);
    got_prose = g_strndup (got_words, got_tables - got_words);
    want_prose = g_strndup (want_words, want_tables - want_words);
    g_assert_cmpstr (got_prose, ==, want_prose);
    /* The 绩效目标表 between them: the same cells, whichever order the
     * columns of a table are read in. */
    got_chars = g_utf8_to_ucs4_fast (got_tables, -1, &n_got);
    want_chars = g_utf8_to_ucs4_fast (want_tables, -1, &n_want);
    g_assert_cmpint (n_got, ==, n_want);
    qsort (got_chars, n_got, sizeof (gunichar), compare_unichar);
    qsort (want_chars, n_want, sizeof (gunichar), compare_unichar);
    g_assert_true (memcmp (got_chars, want_chars, n_got * sizeof (gunichar)) == 0);
  }
}

/* Validation --------------------------------------------------------------- */

static char *
template_with_outline (const char *id,
                       const char *outline)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "resources", "templates",
                                            "anhui-2019.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) outline_re = g_regex_new ("\"outline\": \\{.*?\\n  \\},\\n", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) id_re = g_regex_new ("\"id\": \"anhui-2019\"", 0, 0, NULL);
  g_autofree char *replaced = NULL;
  g_autofree char *member = g_strdup_printf ("\"outline\": %s,\n", outline);
  g_autofree char *id_member = g_strdup_printf ("\"id\": \"%s\"", id);

  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);
  replaced = g_regex_replace_literal (outline_re, json, -1, 0, member, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (replaced, !=, json);
  return g_regex_replace_literal (id_re, replaced, -1, 0, id_member, 0, &error);
}

/* More than 200 characters, as the template states it. */
#define LONG_TITLE "关于{unit}{year}年收支预算情况的总体说明关于{unit}{year}年收支预算情况的总体说明" \
  "关于{unit}{year}年收支预算情况的总体说明关于{unit}{year}年收支预算情况的总体说明" \
  "关于{unit}{year}年收支预算情况的总体说明关于{unit}{year}年收支预算情况的总体说明" \
  "关于{unit}{year}年收支预算情况的总体说明关于{unit}{year}年收支预算情况的总体说明" \
  "关于{unit}{year}年收支预算情况的总体说明关于{unit}{year}年收支预算情况的总体说明" \
  "关于{unit}{year}年收支预算情况的总体说明关于{unit}{year}年收支预算情况的总体说明" \
  "。"

/* {unit} and {year} are filled in once: a unit whose name holds them
 * keeps it as typed. */
static void
test_expand_title (void)
{
  g_autofree char *title = gk_template_expand_title ("关于{unit}{year}年{x}", "某{year}单位{unit}%s", 2020);

  g_assert_cmpstr (title, ==, "关于某{year}单位{unit}%s2020年{x}");
}

static void
test_validation (void)
{
  static const struct { const char *outline; const char *words; } bad[] = {
    { "{ \"sections\": [ { \"id\": \"money\", \"title\": \"T\", \"paragraphs\": [\"weather\"] } ] }", "“weather”" },
    { "{ \"sections\": [ { \"id\": \"money\", \"title\": \"T\", \"paragraphs\": {} } ] }", "“paragraphs”" },
    { "{ \"sections\": [ { \"id\": \"money\", \"paragraphs\": [\"income\"] } ] }", "“title”" },
    { "{ \"sections\": [ { \"id\": \"money\", \"title\": \"T\", \"numbering\": \"roman\", \"paragraphs\": [\"income\"] } ] }", "“numbering”" },
    { "{ \"sections\": [ { \"id\": \"money\", \"title\": \"T\", \"paragraphs\": [\"income\"] },"
      "  { \"id\": \"money\", \"title\": \"U\", \"paragraphs\": [\"expenditure\"] } ] }", "“id”" },
    { "{ \"titles\": { \"cover\": \"封面\" } }", "“cover”" },
    { "{ \"titles\": { \"glossary\": \"\" } }", "is empty" },
    { "{ \"sections\": [ { \"id\": \"money\", \"title\": \"" LONG_TITLE "\", \"paragraphs\": [\"income\"] } ] }",
      "longer than 200 characters" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = template_with_outline ("outline-bad", bad[i].outline);
      g_autoptr(GError) error = NULL;
      GkTemplate *template = gk_template_new_from_data (json, &error);

      g_assert_null (template);
      g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "outline-bad"));
      if (strstr (error->message, bad[i].words) == NULL)
        g_error ("“%s” does not say %s", error->message, bad[i].words);
      /* The section is named where it has an id. */
      if (i == 0)
        g_assert_nonnull (strstr (error->message, "“money”"));
    }
}

/* The kinds of paragraph --------------------------------------------------- */

static char *
compose_text (GkDocument *document)
{
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);

  return gk_narrative_dup_text (sections);
}

static void
assert_says (const char *text,
             const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("情况说明 does not say “%s”:\n%s", words, text);
}

static void
test_kinds (void)
{
  g_autofree char *json = template_with_outline (
    "outline-kinds",
    "{ \"sections\": [ { \"id\": \"all\", \"title\": \"各类说明\", \"paragraphs\": "
    "[\"totals\", \"function-classes\", \"function-items\", \"item-split\", \"basic-economic\", \"capital\", "
    "\"procurement-list\"] } ] }");
  g_autoptr(GError) error = NULL;
  GkTemplate *template = gk_template_new_from_data (json, &error);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) none = NULL;
  g_autofree char *text = NULL;
  g_autofree char *none_text = NULL;

  g_assert_no_error (error);
  document = gk_document_new_blank_for_template (template, "测试单位", 2025, GK_MONEY_UNIT_WANYUAN);
  none = gk_document_new_blank_for_template (template, "测试单位", 2025, GK_MONEY_UNIT_WANYUAN);
  fill (document);
  set_prior (document, "income.total", 1500, "新增政府性基金");
  set_prior (document, "expenditure.total", 1800, "");
  set_prior (document, "expenditure.201", 1000, "人员增加");
  set_prior (document, "expenditure.2010301", 800, "人员增加");
  text = compose_text (document);

  /* 收支总体 with the change, and the reason still to be typed. */
  assert_says (text, "测试单位2025年收入预算合计18.00万元，比上年增加3.00万元，增长20.00%，主要原因是新增政府性基金。");
  assert_says (text, "支出预算合计18.00万元，与上年持平。");
  /* 类 and 项 with shares and changes; the 类 without last year's figure
   * says so. */
  assert_says (text, "1.一般公共服务支出（类）10.00万元，占55.55%，与上年持平");
  assert_says (text, "（上年数未填写）");
  assert_says (text, "行政运行（项）10.00万元，占55.55%，比上年增加2.00万元，增长25.00%，主要原因是人员增加");
  /* 其中：基本支出 X，项目支出 Y */
  assert_says (text, "行政运行（项）10.00万元，其中：基本支出10.00万元，项目支出0.00万元。");
  /* 基本支出 by economic 类 with its share. */
  assert_says (text, "一般公共预算基本支出10.00万元，按经济分类：");
  assert_says (text, "1.工资福利支出10.00万元，占100.00%，（上年数未填写）。");
  assert_says (text, "测试单位2025年国有资本经营预算支出3.00万元，其中：基本支出3.00万元，项目支出0.00万元。");
  assert_says (text, "政府采购预算1.00万元，其中：政府采购货物预算1.00万元，政府采购工程预算0.00万元，政府采购服务预算0.00万元。");

  none_text = compose_text (none);
  assert_says (none_text, "本单位无国有资本经营预算。");
  assert_says (none_text, "未安排政府采购预算。");
  assert_says (none_text, "无支出预算。");
}

/* A 事业单位 -------------------------------------------------------------- */

static guint
count_running_findings (GkDocument *document)
{
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  guint n = 0;

  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (g_str_equal (gk_finding_get_rule_id (finding), "explanation.running-costs") ||
          gk_finding_involves (finding, "explanation", "prior-year", "running-costs") ||
          gk_finding_involves (finding, "narrative", "s10.running", NULL))
        n++;
    }
  return n;
}

static void
test_institution (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GRegex) figure = g_regex_new ("机关运行经费[^。；]{0,30}[0-9]", 0, 0, NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *flat = NULL;
  GkPrior *prior;

  /* As a 行政单位, the figure and its change; without last year's figure
   * the check asks for it. */
  gk_document_set_unit_type (document, GK_UNIT_TYPE_ADMINISTRATIVE);
  text = compose_text (document);
  g_assert_true (g_regex_match (figure, text, 0, NULL));
  prior = gk_explanation_lookup_prior (gk_document_get_explanation (document), "running-costs");
  g_assert_nonnull (prior);
  gk_document_remove_prior (document, "running-costs");
  g_assert_cmpuint (count_running_findings (document), >, 0);

  /* As a 事业单位, no figure anywhere, and nothing to find. */
  gk_document_set_unit_type (document, GK_UNIT_TYPE_INSTITUTION);
  g_clear_pointer (&text, g_free);
  text = compose_text (document);
  g_assert_false (g_regex_match (figure, text, 0, NULL));
  assert_says (text, "乌鲁木齐县人民政府办公室为事业单位，不存在机关运行经费。");
  pdf = pdf_text (document);
  flat = squeeze (pdf);
  g_assert_false (g_regex_match (figure, flat, 0, NULL));
  g_assert_nonnull (strstr (flat, "不存在机关运行经费"));
  g_assert_cmpuint (count_running_findings (document), ==, 0);

  /* Undone, the 行政单位 again. */
  g_assert_true (gk_document_undo (document));
  g_assert_cmpint (gk_document_get_unit_type (document), ==, GK_UNIT_TYPE_ADMINISTRATIVE);
}

static void
test_unit_type_file (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GBytes) before = gk_document_serialize (document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GkDocument) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gk_test_sample_path ();
  g_autofree char *original = NULL;
  g_autofree char *bad = NULL;
  gsize length;

  /* Unset: the file is what it was. */
  g_file_get_contents (path, &original, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before), original, length);
  g_assert_null (strstr (original, "unit-type"));

  gk_document_set_unit_type (document, GK_UNIT_TYPE_CIVIL_SERVICE);
  after = gk_document_serialize (document);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                                  "\"unit-type\" : \"参照公务员法管理事业单位\""));
  opened = gk_document_load_from_data (g_bytes_get_data (after, NULL), g_bytes_get_size (after), &error);
  g_assert_no_error (error);
  g_assert_cmpint (gk_document_get_unit_type (opened), ==, GK_UNIT_TYPE_CIVIL_SERVICE);

  /* Strict: a type that is none of the three is refused, named. */
  {
    GString *text = g_string_new_len (g_bytes_get_data (after, NULL), g_bytes_get_size (after));
    g_string_replace (text, "参照公务员法管理事业单位", "企业", 0);
    bad = g_string_free (text, FALSE);
  }
  g_clear_object (&opened);
  opened = gk_document_load_from_data (bad, -1, &error);
  g_assert_null (opened);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "企业"));
}

/* Hand-written paragraphs -------------------------------------------------- */

static void
test_hand_written (void)
{
  g_autoptr(GkDocument) document = filled ("jiangxi-2022-town");
  g_autofree char *text = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *flat = NULL;

  /* One of the outline's kinds, rewritten: it replaces the composed one. */
  gk_document_set_hand_written (document, "k.totals.income", "本镇收入预算为手写的一段话。");
  /* One the outline does not compose (written under another template):
   * shown and printed all the same. */
  gk_document_set_hand_written (document, "s5.scale", "当年拨款规模的手写说明。");
  /* One of a kind the outline has that is not composed now (a project
   * since deleted): kept, not shown. */
  gk_document_set_hand_written (document, "k.function-classes.299", "已删除的类。");
  text = compose_text (document);
  assert_says (text, "本镇收入预算为手写的一段话。");
  g_assert_null (strstr (text, "测试单位2025年收入预算合计"));
  assert_says (text, "当年拨款规模的手写说明。");
  g_assert_null (strstr (text, "已删除的类。"));
  pdf = pdf_text (document);
  flat = squeeze (pdf);
  g_assert_nonnull (strstr (flat, "本镇收入预算为手写的一段话。"));
  g_assert_nonnull (strstr (flat, "当年拨款规模的手写说明。"));
}

/* A composed paragraph switched off: gone from the text and the PDF, kept
 * in the file, back when switched on or undone. */
static void
test_switched_off (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GkDocument) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *opened_text = NULL;
  g_autofree char *back = NULL;
  g_autoptr(GPtrArray) sections = NULL;

  gk_document_set_paragraph_off (document, "s10.other", TRUE);
  gk_document_set_paragraph_off (document, "s10.other.heading", TRUE);
  text = compose_text (document);
  g_assert_null (strstr (text, "其他需说明的事项"));
  assert_says (text, "预算绩效情况");

  saved = gk_document_serialize (document);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "\"paragraphs-off\""));
  opened = gk_document_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), &error);
  g_assert_no_error (error);
  opened_text = compose_text (opened);
  g_assert_cmpstr (opened_text, ==, text);

  /* A whole section switched off is left out; the next ones move up. */
  sections = gk_narrative_compose (document);
  g_assert_cmpuint (sections->len, ==, 10);
  gk_document_set_paragraph_off (document, "s9.empty", TRUE);
  g_clear_pointer (&sections, g_ptr_array_unref);
  sections = gk_narrative_compose (document);
  g_assert_cmpuint (sections->len, ==, 9);
  g_assert_cmpuint (((GkNarrativeSection *) g_ptr_array_index (sections, 8))->number, ==, 9);

  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  back = compose_text (document);
  assert_says (back, "其他需说明的事项");
}

int
main (int   argc,
      char *argv[])
{
  static const char * const ids[] = {
    "xinjiang-2020", "national-2016", "shanghai-2025", "anhui-2019", "guangxi-2019-town",
    "guizhou-2025", "hubei-2025", "jiangxi-2022-town",
  };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("/outlines/template/%s", ids[i]);
      g_test_add_data_func (name, ids[i], test_template_outline);
    }
  g_test_add_func ("/outlines/parts", test_parts);
  g_test_add_func ("/outlines/sample-unchanged", test_sample_unchanged);
  g_test_add_func ("/outlines/validation", test_validation);
  g_test_add_func ("/outlines/expand-title", test_expand_title);
  g_test_add_func ("/outlines/kinds", test_kinds);
  g_test_add_func ("/outlines/institution", test_institution);
  g_test_add_func ("/outlines/unit-type-file", test_unit_type_file);
  g_test_add_func ("/outlines/hand-written", test_hand_written);
  g_test_add_func ("/outlines/switched-off", test_switched_off);
  return g_test_run ();
}
