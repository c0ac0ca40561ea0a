/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "gk-application.h"
#include "gk-chart-data.h"
#include "gk-checker-private.h"
#include "gk-export.h"
#include "gk-narrative.h"
#include "gk-projects-page.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* A document whose template lacks some of the seed's tables: 情况说明, the
 * checks, every export, saving and the window work without them, and
 * nothing printed speaks of a table that is not there. The templates are
 * the seed's, edited, in the user's template folder. */

typedef struct
{
  const char        *id;
  const char *const  absent[3];
  /* What must not be printed or composed when the tables are absent. */
  const char *const  unsaid[7];
  /* Review charts drawn from the absent tables only. */
  const char *const  charts[3];
} Case;

static const Case cases[] = {
  { "absent-projects", { "project-expenditure" },
    { "项目支出情况表", "项目支出情况说明", "项目支出中", "涉及预算金额" },
    { GK_CHART_PROJECTS } },
  { "absent-sangong-fund", { "sangong", "fund-expenditure" },
    { "“三公”经费支出情况表", "“三公”经费预算情况说明", "“三公”经费财政拨款预算", "政府性基金预算支出情况表",
      "政府性基金预算拨款情况说明", "政府性基金预算拨款支出" },
    { GK_CHART_SANGONG } },
  { "absent-basic", { "basic-expenditure" },
    { "基本支出情况表", "一般公共预算基本支出情况说明", "一般公共预算基本支出", "机关运行经费情况", "机关运行经费财政拨款预算" },
    { GK_CHART_PERSONNEL_PUBLIC, GK_CHART_BASIC_ECONOMIC } },
  { "absent-reordered", { NULL }, { NULL }, { NULL } },
};

static char *data_home;

/* The roles of the reordered template: the seed's, back to front. */
static const char * const reordered[] = {
  "fund-expenditure", "sangong", "project-expenditure", "basic-expenditure",
  "general-expenditure", "fiscal-summary", "expenditure", "income", "income-summary",
};

static gboolean
is_absent (const Case *c,
           const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (c->absent) && c->absent[i] != NULL; i++)
    if (g_str_equal (c->absent[i], role))
      return TRUE;
  return FALSE;
}

static JsonObject *
find_table (JsonArray  *tables,
            const char *role)
{
  for (guint i = 0; i < json_array_get_length (tables); i++)
    {
      JsonObject *t = json_array_get_object_element (tables, i);
      if (g_str_equal (json_object_get_string_member (t, "role"), role))
        return t;
    }
  g_assert_not_reached ();
}

/* 表四 takes its 政府性基金 column from 表九; without 表九 it has none. */
static void
drop_fund_column (JsonObject *fiscal)
{
  JsonArray *columns = json_object_get_array_member (fiscal, "columns");
  JsonArray *sum = json_array_new ();

  for (guint i = json_array_get_length (columns); i-- > 0; )
    {
      JsonObject *column = json_array_get_object_element (columns, i);
      if (g_str_equal (json_object_get_string_member (column, "id"), "fund"))
        json_array_remove_element (columns, i);
    }
  json_array_add_string_element (sum, "general");
  json_object_set_array_member (json_array_get_object_element (columns, 0), "sum", sum);
}

static void
write_template (const Case *c)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "resources", "templates",
                                            "xinjiang-2020.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *folder = g_build_filename (data_home, "gongkai", "templates", NULL);
  g_autofree char *name = g_strconcat (c->id, ".json", NULL);
  g_autofree char *target = g_build_filename (folder, name, NULL);
  JsonObject *root;
  JsonArray *tables;
  JsonArray *kept = json_array_new ();

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  tables = json_object_get_array_member (root, "tables");
  json_object_set_string_member (root, "id", c->id);
  json_object_set_string_member (root, "title", c->id);
  if (g_str_equal (c->id, "absent-reordered"))
    for (guint i = 0; i < G_N_ELEMENTS (reordered); i++)
      json_array_add_object_element (kept, json_object_ref (find_table (tables, reordered[i])));
  else
    for (guint i = 0; i < json_array_get_length (tables); i++)
      {
        JsonObject *t = json_array_get_object_element (tables, i);
        if (!is_absent (c, json_object_get_string_member (t, "role")))
          json_array_add_object_element (kept, json_object_ref (t));
      }
  if (is_absent (c, "fund-expenditure"))
    drop_fund_column (find_table (kept, "fiscal-summary"));
  json_object_set_array_member (root, "tables", kept);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, target, &error);
  g_assert_no_error (error);
}

/* The sample, its file edited to name the case's template and to leave
 * out the absent tables: a consistent, filled-in document. */
static GkDocument *
load_case (const Case *c)
{
  g_autofree char *path = gk_test_sample_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonObject *root;
  JsonObject *template;
  JsonObject *tables;
  GkDocument *document;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  template = json_object_get_object_member (root, "template");
  json_object_set_string_member (template, "id", c->id);
  tables = json_object_get_object_member (root, "tables");
  for (guint i = 0; i < G_N_ELEMENTS (c->absent) && c->absent[i] != NULL; i++)
    json_object_remove_member (tables, c->absent[i]);
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, NULL);

  document = gk_document_load_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (document)), ==, c->id);
  for (guint i = 0; i < G_N_ELEMENTS (c->absent) && c->absent[i] != NULL; i++)
    g_assert_null (gk_document_get_table (document, c->absent[i]));
  return document;
}

static void
assert_unsaid (const Case *c,
               const char *text,
               const char *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (c->unsaid) && c->unsaid[i] != NULL; i++)
    if (strstr (text, c->unsaid[i]) != NULL)
      g_error ("%s of %s says “%s”", what, c->id, c->unsaid[i]);
}

static void
test_narrative (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GkDocument) document = load_case (c);
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  g_autofree char *text = gk_narrative_dup_text (sections);
  static const char * const numbers[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
  guint n_sections = 10;

  /* One section about each table but 表一, and 其他重要事项. */
  if (is_absent (c, "project-expenditure"))
    n_sections--;
  if (is_absent (c, "sangong"))
    n_sections--;
  if (is_absent (c, "fund-expenditure"))
    n_sections--;
  if (is_absent (c, "basic-expenditure"))
    n_sections--;
  g_assert_cmpuint (sections->len, ==, n_sections);
  for (guint i = 0; i < sections->len; i++)
    {
      g_autofree char *heading = gk_narrative_section_heading (sections->pdata[i]);
      g_autofree char *number = g_strconcat (numbers[i], "、", NULL);
      g_assert_true (g_str_has_prefix (heading, number));
    }
  assert_unsaid (c, text, "情况说明");
  /* The sections that remain still say their figures. */
  g_assert_nonnull (strstr (text, "收入预算"));
  g_assert_nonnull (strstr (text, "一般公共预算当年拨款"));
}

static void
test_checks (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GkDocument) document = load_case (c);
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  gk_checker_recheck_all (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *location = gk_finding_dup_location (finding);

      g_test_message ("%s %s: %s", gk_finding_get_rule_id (finding), location, gk_finding_get_message (finding));
      for (guint k = 0; k < G_N_ELEMENTS (c->absent) && c->absent[k] != NULL; k++)
        g_assert_null (strstr (location, c->absent[k]));
    }
  g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, 0);

  /* A figure changed and changed back: the checks rerun on the edit alone. */
  {
    GkTable *income = gk_document_get_table (document, "income");
    GkRow *total = gk_table_get_total_row (income);
    g_autoptr(GkRow) row = NULL;
    int general = gk_table_column_index (income, "general");
    GkAmount before;
    GkAmount more;
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (total);
    for (guint i = 0; row == NULL || !gk_row_is_leaf (row) || gk_row_get_kind (row) != GK_ROW_KIND_ITEM; i++)
      {
        g_clear_object (&row);
        row = g_list_model_get_item (G_LIST_MODEL (income), i);
      }
    before = gk_row_get_value (row, general);
    more = before + 100;
    g_assert_true (gk_document_set_amount (document, row, general, &more, &error));
    g_assert_no_error (error);
    gk_checker_update (checker);
    g_assert_true (gk_document_undo (document));
    gk_checker_update (checker);
    g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, 0);
  }
}

static char *
run_pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  GString *flat;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Lines break anywhere in Chinese text: search it unbroken. */
  flat = g_string_new (NULL);
  for (const char *p = out; *p != '\0'; p++)
    if (*p != '\n' && *p != ' ')
      g_string_append_c (flat, *p);
  return g_string_free (flat, FALSE);
}

static void
export_to (GkDocument     *document,
           GkExportFormat  format,
           const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_export_file (document, format, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_exports (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GkDocument) document = load_case (c);
  g_autofree char *dir = g_dir_make_tmp ("gongkai-absent-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *charts_pdf = g_build_filename (dir, "charts.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "out.xlsx", NULL);
  g_autofree char *csv = g_build_filename (dir, "csv", NULL);
  g_autofree char *charts = g_build_filename (dir, "charts", NULL);
  GkTemplate *template = gk_document_get_template (document);
  g_autofree char *text = NULL;
  g_autofree char *charts_text = NULL;
  guint n_csv = 0;

  export_to (document, GK_EXPORT_PDF, pdf);
  export_to (document, GK_EXPORT_PDF_WITH_CHARTS, charts_pdf);
  export_to (document, GK_EXPORT_XLSX, xlsx);
  export_to (document, GK_EXPORT_CSV, csv);
  export_to (document, GK_EXPORT_CHARTS, charts);

  text = run_pdftotext (pdf);
  charts_text = run_pdftotext (charts_pdf);
  assert_unsaid (c, text, "The PDF");
  assert_unsaid (c, charts_text, "The PDF with charts");
  /* Every table of the template is printed, under its own number. */
  for (guint i = 0; i < gk_template_get_n_tables (template); i++)
    g_assert_nonnull (strstr (text, gk_template_get_table (template, i)->title));

  /* Each project's 绩效目标表 is printed, projects table or not. */
  for (guint i = 0; i < g_list_model_get_n_items (gk_document_get_projects (document)); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (gk_document_get_projects (document), i);
      g_assert_nonnull (strstr (text, gk_project_get_goal (project)));
    }

  {
    g_autoptr(GDir) d = g_dir_open (csv, 0, NULL);
    while (d != NULL && g_dir_read_name (d) != NULL)
      n_csv++;
    g_assert_cmpuint (n_csv, ==, gk_template_get_n_tables (template));
  }
  for (guint i = 0; i < G_N_ELEMENTS (c->charts) && c->charts[i] != NULL; i++)
    {
      g_autofree char *png = g_strdup_printf ("%s/%s.png", charts, c->charts[i]);
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
      g_assert_null (gk_chart_data_build (document, c->charts[i]));
    }
  {
    g_autofree char *png = g_strdup_printf ("%s/%s.png", charts, GK_CHART_FUNCTION_CLASSES);
    g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  }
  for (guint i = 0; i < G_N_ELEMENTS (c->absent) && c->absent[i] != NULL; i++)
    g_assert_null (gk_chart_data_build_for_table (document, c->absent[i]));
}

static void
test_reopen (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GkDocument) document = load_case (c);
  g_autoptr(GBytes) bytes = gk_document_serialize (document);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GkDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  reopened = gk_document_load_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_true (gk_document_get_template (reopened) == gk_document_get_template (document));
  again = gk_document_serialize (reopened);
  g_assert_true (g_bytes_equal (bytes, again));
  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *a = gk_document_get_table_at (document, i);
      GkTable *b = gk_document_get_table_at (reopened, i);
      GkRow *ta = gk_table_get_total_row (a) ? gk_table_get_total_row (a) : gk_table_get_single_row (a);
      GkRow *tb = gk_table_get_total_row (b) ? gk_table_get_total_row (b) : gk_table_get_single_row (b);

      g_assert_cmpstr (gk_table_get_id (a), ==, gk_table_get_id (b));
      if (ta == NULL)
        continue;
      for (guint k = 0; k < gk_row_get_n_columns (ta); k++)
        g_assert_cmpint (gk_row_get_value (ta, k), ==, gk_row_get_value (tb, k));
    }
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_projects (reopened)), ==,
                    g_list_model_get_n_items (gk_document_get_projects (document)));
}

/* A blank document of the template, figures typed into it. */
static void
test_blank (gconstpointer data)
{
  const Case *c = data;
  GkTemplate *template = gk_template_find (c->id);
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (template, "某单位", 2020,
                                                                       GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkTable *income = gk_document_get_table (document, "income");
  GkTable *expenditure = gk_document_get_table (document, "expenditure");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *text = NULL;
  GkAmount amount = 12345;
  GkRow *row;

  g_assert_nonnull (template);
  g_assert_true (gk_document_set_code_name (document, GK_CLASSIFICATION_FUNCTION, "201", "一般公共服务支出", &error));
  g_assert_no_error (error);
  row = gk_document_add_row (document, income, "201", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gk_document_set_amount (document, row, gk_table_column_index (income, "general"), &amount, &error));
  g_assert_no_error (error);
  /* Added to 表二, it is in 表三 already. */
  row = gk_table_lookup (expenditure, "201");
  g_assert_nonnull (row);
  g_assert_true (gk_document_set_amount (document, row, gk_table_column_index (expenditure, "basic"), &amount, &error));
  g_assert_no_error (error);
  gk_document_add_project (document, "某项目", "");

  gk_checker_recheck_all (checker);
  sections = gk_narrative_compose (document);
  text = gk_narrative_dup_text (sections);
  assert_unsaid (c, text, "情况说明 of a blank document");
  charts = gk_chart_data_build_all (document);
  g_assert_cmpuint (charts->len, >, 0);
  g_assert_true (gk_document_undo (document));
}

static void
show_every_page (GkApplication *app,
                 GkWindow      *window)
{
  const Case *c = g_object_get_data (G_OBJECT (app), "case");
  g_autoptr(GkDocument) document = load_case (c);
  static const char * const others[] = {
    "overview", "explanation", "projects", "glossary", "charts", "checks",
  };
  GkTemplate *template = gk_document_get_template (document);

  gk_window_set_document (window, document, NULL);
  gk_test_iterate_idle ();
  for (guint i = 0; i < gk_template_get_n_tables (gk_template_get_default ()); i++)
    {
      const char *role = gk_template_get_table (gk_template_get_default (), i)->id;

      gk_window_set_selected_page (window, role);
      gk_test_iterate_idle ();
      if (gk_template_lookup (template, role) != NULL)
        g_assert_cmpstr (gk_window_get_selected_page (window), ==, role);
    }
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      gk_window_set_selected_page (window, others[i]);
      gk_test_iterate_idle ();
      g_assert_cmpstr (gk_window_get_selected_page (window), ==, others[i]);
      g_assert_nonnull (gk_window_get_page (window, others[i]));
    }
  /* The projects keep their 绩效目标表 without a projects table. */
  g_assert_true (GK_IS_PROJECTS_PAGE (gk_window_get_page (window, "projects")));
  gk_test_destroy_window (window);
}

static void
window_activated (GApplication *app,
                  gpointer      user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_object_set_data (G_OBJECT (app), "case", user_data);
  gk_test_iterate_until (gk_test_is_mapped, window);
  show_every_page (GK_APPLICATION (app), GK_WINDOW (window));
}

static void
test_window (gconstpointer data)
{
  gk_test_run_app (G_CALLBACK (window_activated), (gpointer) data);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = g_dir_make_tmp ("gongkai-templates-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      static const struct { const char *name; GTestDataFunc func; } tests[] = {
        { "narrative", test_narrative },
        { "checks", test_checks },
        { "exports", test_exports },
        { "reopen", test_reopen },
        { "blank", test_blank },
        { "window", test_window },
      };

      write_template (&cases[i]);
      for (guint k = 0; k < G_N_ELEMENTS (tests); k++)
        {
          g_autofree char *path = g_strdup_printf ("/absent-tables/%s/%s", cases[i].id, tests[k].name);
          g_test_add_data_func (path, &cases[i], tests[k].func);
        }
    }

  status = g_test_run ();
  if (g_getenv ("GK_TEST_KEEP") == NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf %s", data_home);
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }
  return status;
}
