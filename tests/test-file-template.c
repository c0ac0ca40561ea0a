/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-test-document.h"

/* A document names its template: files of format 1 (no template, tables
 * t1…t9) open as the seed's template; format 2 files name the template,
 * the tables they keep and, for a user template, its whole definition. */

static char *data_home;

static char *
v1_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "v1", name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static GkDocument *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
serialize (GkDocument *document)
{
  g_autoptr(GBytes) bytes = gk_document_serialize (document);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_refused (const char *text,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_from_data (text, -1, &error);

  g_assert_null (document);
  g_assert_nonnull (error);
  if (strstr (error->message, expected) == NULL)
    g_error ("the message “%s” does not say “%s”", error->message, expected);
}

/* The seed's template with a few tables optional and a title of its own:
 * a user template, written where the registry looks. */
static void
write_user_template (const char *id)
{
  g_autofree char *folder = g_build_filename (data_home, "gongkai", "templates", NULL);
  g_autofree char *file = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_id = NULL;

  text = gk_template_to_json (gk_template_get_default (), id, "测试模板");
  edited = g_string_new (text);
  old_id = g_strdup ("\"role\" : \"sangong\",");
  g_assert_cmpuint (g_string_replace (edited, old_id, "\"role\" : \"sangong\", \"optional\" : true,", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"role\" : \"project-expenditure\",",
                                      "\"role\" : \"project-expenditure\", \"optional\" : true,", 1), ==, 1);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, edited->str, -1, &error);
  g_assert_no_error (error);
}

static void
test_v1_opens_as_seed_template (void)
{
  g_autofree char *v1 = v1_path (SAMPLE_NAME);
  g_autofree char *v2 = sample_path ();
  g_autofree char *v1_text = read_text (v1);
  g_autofree char *v2_text = read_text (v2);
  g_autoptr(GkDocument) old = load_text (v1_text);
  g_autoptr(GkDocument) current = load_text (v2_text);
  g_autofree char *old_saved = NULL;
  g_autofree char *current_saved = serialize (current);

  /* Version 1 had no region line; the sample has the seed's. */
  g_assert_cmpstr (gk_document_get_region (current), ==, "新疆维吾尔自治区");
  g_assert_null (gk_document_get_region (old));
  g_object_set (old, "region", gk_document_get_region (current), NULL);
  old_saved = serialize (old);

  g_assert_true (gk_document_get_template (old) == gk_template_get_default ());
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (old)), ==, "xinjiang-2020");
  /* Saved again, a version 1 file becomes the version 2 sample exactly. */
  g_assert_cmpstr (old_saved, ==, current_saved);
  g_assert_cmpstr (current_saved, ==, v2_text);
  g_assert_nonnull (strstr (old_saved, "\"version\" : 2"));
  g_assert_null (strstr (old_saved, "\"t1\""));
}

static void
test_v1_files_all_open (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "v1", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = read_text (path);
      g_autoptr(GkDocument) document = load_text (text);
      g_autofree char *saved = serialize (document);
      g_autoptr(GkDocument) again = load_text (saved);
      g_autofree char *saved_again = serialize (again);

      g_assert_cmpstr (saved, ==, saved_again);
      n++;
    }
  g_assert_cmpuint (n, >=, 2);
}

/* Version 1 keys are only read in version 1 files; version 2 names tables
 * by role, and an unknown one is named with the template's tables. */
static void
test_keys_by_version (void)
{
  assert_refused ("{ \"format\": \"gongkai-disclosure\", \"version\": 2, \"tables\": { \"t2\": {} } }",
                  "$.tables.t2: the template “新疆 县直部门 2020（九张表）” has no table “t2”; its tables are income-summary income");
  assert_refused ("{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"tables\": { \"income\": {} } }",
                  "has no table “income”");
  {
    g_autoptr(GkDocument) d = load_text ("{ \"format\": \"gongkai-disclosure\", \"version\": 1, "
                                         "\"tables\": { \"t8\": { \"values\": { \"abroad\": \"1.00\" } } } }");
    GkTable *sangong = gk_document_get_table (d, "sangong");
    GkAmount value;

    g_assert_true (gk_row_get_amount (gk_table_get_single_row (sangong), column (sangong, "abroad"), &value));
    g_assert_cmpint (value, ==, 100);
  }
}

static void
test_template_member_refused (void)
{
  static const struct { const char *template; const char *expected; } cases[] = {
    { "[]", "$.template: " },
    { "{}", "$.template: the template has no “id”" },
    { "{ \"id\": 7 }", "$.template.id: " },
    { "{ \"id\": \"nowhere-1999\" }", "the file uses the template “nowhere-1999”, which is not installed; put the template’s file in " },
    { "{ \"id\": \"xinjiang-2020\", \"version\": \"1\" }", "$.template.version: " },
    { "{ \"id\": \"xinjiang-2020\", \"version\": 0 }", "$.template.version: " },
    { "{ \"id\": \"xinjiang-2020\", \"colour\": 1 }", "$.template.colour: " },
    { "{ \"id\": \"xinjiang-2020\", \"tables\": {} }", "$.template.tables: " },
    { "{ \"id\": \"xinjiang-2020\", \"tables\": [ { \"title\": \"x\" } ] }", "$.template.tables[0]: the table has no “role”" },
    { "{ \"id\": \"xinjiang-2020\", \"tables\": [ { \"role\": \"income\", \"size\": 1 } ] }", "$.template.tables[0].size: " },
    { "{ \"id\": \"xinjiang-2020\", \"tables\": [ { \"role\": \"procurement\" } ] }", "has no table “procurement”" },
    /* The seed's tables are all required: none can be left out. */
    { "{ \"id\": \"xinjiang-2020\", \"tables\": [ { \"role\": \"income\" } ] }", "cannot be left out" },
    { "{ \"id\": \"nowhere-1999\", \"definition\": { \"id\": \"other\" } }", "$.template.definition: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{ \"format\": \"gongkai-disclosure\", \"version\": 2, \"template\": %s }",
                                               cases[i].template);
      g_test_message ("%s", cases[i].template);
      assert_refused (text, cases[i].expected);
    }
}

/* A document that leaves out optional tables, reorders and retitles the
 * rest: numbered by its own order, saved and read back the same. */
static void
test_customised_round_trip (void)
{
  static const char * const roles[] = {
    "expenditure", "income-summary", "income", "fiscal-summary", "general-expenditure",
    "basic-expenditure", "fund-expenditure", NULL
  };
  static const char * const titles[] = { "支出预算表", NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  GkTemplate *user;
  GkTemplate *customised;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  g_autofree char *label = NULL;

  write_user_template ("test-optional");
  user = gk_template_find ("test-optional");
  g_assert_nonnull (user);
  g_assert_true (gk_template_is_user (user));
  customised = gk_template_customise (user, roles, titles, &error);
  g_assert_no_error (error);
  g_assert_true (gk_template_get_base (customised) == user);
  g_assert_cmpuint (gk_template_get_n_tables (customised), ==, 7);
  /* The same customisation is the same template. */
  g_assert_true (gk_template_customise (user, roles, titles, NULL) == customised);

  document = gk_document_new_blank_for_template (customised, "测试单位", 2025, GK_MONEY_UNIT_WANYUAN);
  g_assert_null (gk_document_get_table (document, "sangong"));
  g_assert_null (gk_document_get_projects_table (document));
  label = gk_table_schema_dup_name (gk_table_get_schema (gk_document_get_table_at (document, 0)));
  g_assert_cmpstr (label, ==, "表一 支出预算表");
  g_clear_pointer (&label, g_free);
  label = gk_table_schema_dup_label (gk_table_get_schema (gk_document_get_table (document, "fund-expenditure")));
  g_assert_cmpstr (label, ==, "表七");

  saved = serialize (document);
  g_assert_nonnull (strstr (saved, "\"id\" : \"test-optional\""));
  g_assert_nonnull (strstr (saved, "\"title\" : \"支出预算表\""));
  g_assert_nonnull (strstr (saved, "\"definition\""));
  again = load_text (saved);
  g_assert_true (gk_document_get_template (again) == customised);
  saved_again = serialize (again);
  g_assert_cmpstr (saved, ==, saved_again);

  /* A required table cannot be dropped, nor a table listed twice. */
  {
    static const char * const missing[] = { "income", NULL };
    static const char * const twice[] = { "income", "income", NULL };
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;

    g_assert_null (gk_template_customise (user, missing, NULL, &e1));
    g_assert_nonnull (strstr (e1->message, "cannot be left out"));
    g_assert_null (gk_template_customise (user, twice, NULL, &e2));
    g_assert_nonnull (strstr (e2->message, "listed twice"));
  }
}

/* A file of a user template opens where that template is not installed:
 * the file carries its definition. */
static void
test_user_template_travels (void)
{
  g_autofree char *folder = g_build_filename (data_home, "gongkai", "templates", NULL);
  g_autofree char *path = g_build_filename (folder, "test-travels.json", NULL);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *without_definition = NULL;
  GkTemplate *user;

  write_user_template ("test-travels");
  user = gk_template_find ("test-travels");
  g_assert_nonnull (user);
  document = gk_document_new_blank_for_template (user, "测试单位", 2025, GK_MONEY_UNIT_YUAN);
  saved = serialize (document);
  g_assert_cmpint (g_unlink (path), ==, 0);

  again = load_text (saved);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (again)), ==, "test-travels");
  g_assert_cmpuint (gk_document_get_n_tables (again), ==, 9);
  /* Saved where the template is not installed, it still carries it. */
  {
    g_autofree char *saved_again = serialize (again);
    g_autoptr(GkDocument) third = load_text (saved_again);

    g_assert_true (gk_template_is_user (gk_document_get_template (again)));
    g_assert_cmpstr (saved_again, ==, saved);
    g_assert_cmpstr (gk_template_get_id (gk_document_get_template (third)), ==, "test-travels");
  }

  /* Without its definition, the message says where the template belongs. */
  g_assert_nonnull (strstr (saved, ",\n    \"definition\" : {\n      \"id\" : \"test-travels\""));
  without_definition = g_strconcat ("{ \"format\": \"gongkai-disclosure\", \"version\": 2, "
                                    "\"template\": { \"id\": \"test-never-installed\" } }", NULL);
  assert_refused (without_definition, folder);
}

/* A file opens with the definition it carries, even where another
 * template of the same id is installed. */
static void
test_definition_wins (void)
{
  static const char * const kept[] = {
    "income-summary", "income", "expenditure", "fiscal-summary", "general-expenditure",
    "basic-expenditure", "project-expenditure", "fund-expenditure", NULL
  };
  g_autofree char *folder = g_build_filename (data_home, "gongkai", "templates", NULL);
  g_autofree char *path = g_build_filename (folder, "test-shadow.json", NULL);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;
  GkTemplate *user;

  write_user_template ("test-shadow");
  user = gk_template_find ("test-shadow");
  document = gk_document_new_blank_for_template (user, "测试单位", 2025, GK_MONEY_UNIT_WANYUAN);
  saved = serialize (document);

  /* Another "test-shadow", without 三公, installed in its place. */
  other = gk_template_to_json (gk_template_customise (user, kept, NULL, &error), "test-shadow", "另一个");
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, other, -1, &error));
  g_assert_no_error (error);

  again = load_text (saved);
  g_assert_nonnull (gk_document_get_table (again, "sangong"));
  g_assert_cmpuint (gk_document_get_n_tables (again), ==, 9);
}

/* A bundled template's file records only its id and version. */
static void
test_bundled_recorded_by_id (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank (NULL, 2025, GK_MONEY_UNIT_WANYUAN);
  g_autofree char *saved = serialize (document);

  /* The whole member: no "tables", no "definition". */
  g_assert_nonnull (strstr (saved, "\"template\" : {\n    \"id\" : \"xinjiang-2020\",\n    \"version\" : 1\n  },"));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("gongkai-template-XXXXXX", NULL);

  /* Before GLib reads it: the registry finds user templates here. */
  data_home = g_strdup (tmp);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-template/v1-opens-as-seed-template", test_v1_opens_as_seed_template);
  g_test_add_func ("/file-template/v1-files-all-open", test_v1_files_all_open);
  g_test_add_func ("/file-template/keys-by-version", test_keys_by_version);
  g_test_add_func ("/file-template/template-member-refused", test_template_member_refused);
  g_test_add_func ("/file-template/customised-round-trip", test_customised_round_trip);
  g_test_add_func ("/file-template/user-template-travels", test_user_template_travels);
  g_test_add_func ("/file-template/definition-wins", test_definition_wins);
  g_test_add_func ("/file-template/bundled-recorded-by-id", test_bundled_recorded_by_id);
  return g_test_run ();
}
