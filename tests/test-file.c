/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-file.c — the .gongkai file: round trips, bad input, failed saves */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gk-document.h"
#include "gk-document-io.h"

#if defined(__has_include)
# if __has_include(<valgrind/valgrind.h>)
#  include <valgrind/valgrind.h>
# endif
#endif
#ifndef RUNNING_ON_VALGRIND
# define RUNNING_ON_VALGRIND 0
#endif

#include "gk-test-file.h"

/* Round trips ------------------------------------------------------------- */

static void
test_round_trip_bytes (void)
{
  g_autoptr(GBytes) file = sample_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = load_bytes (file, &error);
  g_autoptr(GBytes) serialized = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  serialized = gk_document_serialize (document);
  assert_bytes_equal (serialized, file);

  /* Serializing twice gives the same bytes. */
  {
    g_autoptr(GBytes) again = gk_document_serialize (document);
    assert_bytes_equal (again, serialized);
  }
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_round_trip_save (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *saved_path = g_build_filename (dir, "saved.gongkai", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (path);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) reloaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) on_disk = NULL;

  document = gk_document_load (sample, NULL, &error);
  g_assert_no_error (error);
  first = gk_document_serialize (document);

  g_assert_true (gk_document_save (document, saved, NULL, &error));
  g_assert_no_error (error);
  on_disk = g_file_load_bytes (saved, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_bytes_equal (on_disk, first);

  reloaded = gk_document_load (saved, NULL, &error);
  g_assert_no_error (error);
  second = gk_document_serialize (reloaded);
  assert_bytes_equal (second, first);
  g_assert_false (gk_document_get_modified (reloaded));

  /* Saving over an existing file replaces it. */
  {
    g_autoptr(GkDocument) blank = gk_document_new_blank ("另一单位", 2021, GK_MONEY_UNIT_YUAN);
    g_autoptr(GBytes) blank_bytes = gk_document_serialize (blank);
    g_autoptr(GBytes) now = NULL;

    g_assert_true (gk_document_save (blank, saved, NULL, &error));
    g_assert_no_error (error);
    now = g_file_load_bytes (saved, NULL, NULL, &error);
    g_assert_no_error (error);
    assert_bytes_equal (now, blank_bytes);
    g_assert_finalize_object (g_steal_pointer (&blank));
  }

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&reloaded));
  remove_temp_dir (dir);
}

static void
test_round_trip_edited (void)
{
  g_autoptr(GBytes) file = sample_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = load_bytes (file, &error);
  g_autoptr(GkDocument) reloaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  GkTable *t2 = gk_document_get_table (document, "income");
  GkProject *project;

  g_assert_no_error (error);

  /* Blank and zero cells, a renamed code, a code of the document's own, a
   * project with every kind of figure, a money unit: all survive. */
  g_assert_true (gk_document_set_amount_text (document, gk_table_lookup (t2, "2010301"),
                                              gk_table_column_index (t2, "fund"), "0", &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_set_amount_text (document, gk_table_lookup (t2, "2010301"),
                                              gk_table_column_index (t2, "general"), "", &error));
  g_assert_no_error (error);
  g_assert_nonnull (gk_document_add_row (document, t2, "2101188", "自定义项目", &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_set_code_name (document, GK_CLASSIFICATION_FUNCTION, "201", "一般公共服务", &error));
  g_assert_no_error (error);
  project = gk_document_add_project (document, "新项目", "2101188");
  for (guint c = 1; c < gk_row_get_n_columns (gk_project_get_row (project)); c++)
    {
      g_autofree char *text = g_strdup_printf ("%u.%02u", c, c);
      g_assert_true (gk_document_set_amount_text (document, gk_project_get_row (project), c, text, &error));
      g_assert_no_error (error);
    }
  g_object_set (document, "money-unit", GK_MONEY_UNIT_YUAN, "date", "", NULL);

  first = gk_document_serialize (document);
  reloaded = load_bytes (first, &error);
  g_assert_no_error (error);
  second = gk_document_serialize (reloaded);
  assert_bytes_equal (second, first);
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (gk_document_get_table (reloaded, "income"), "2101188")), ==, "自定义项目");
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (gk_document_get_table (reloaded, "project-expenditure"), "201")), ==, "一般公共服务");
  g_assert_cmpint (gk_project_get_total (gk_document_lookup_project (reloaded, "p7")), ==,
                   gk_project_get_total (project));
  g_assert_true (gk_row_is_set (gk_table_lookup (gk_document_get_table (reloaded, "income"), "2010301"),
                                gk_table_column_index (t2, "fund")));
  g_assert_false (gk_row_is_set (gk_table_lookup (gk_document_get_table (reloaded, "income"), "2010301"),
                                 gk_table_column_index (t2, "general")));

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&reloaded));
}

static void
test_round_trip_blank (void)
{
  g_autoptr(GkDocument) blank = gk_document_new_blank ("某单位", 2021, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GBytes) first = gk_document_serialize (blank);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) reloaded = load_bytes (first, &error);
  g_autoptr(GBytes) second = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "blank.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  second = gk_document_serialize (reloaded);
  assert_bytes_equal (second, first);
  g_assert_cmpstr (gk_document_get_unit (reloaded), ==, "某单位");
  g_assert_cmpuint (gk_document_get_year (reloaded), ==, 2021);
  g_assert_cmpstr (gk_document_get_date (reloaded), ==, gk_document_get_date (blank));
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_glossary (reloaded)), ==, 6);
  g_assert_finalize_object (g_steal_pointer (&reloaded));

  /* Through the disk as well. */
  g_assert_true (gk_document_save (blank, file, NULL, &error));
  g_assert_no_error (error);
  reloaded = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_bytes_unref (second);
  second = gk_document_serialize (reloaded);
  assert_bytes_equal (second, first);

  g_assert_finalize_object (g_steal_pointer (&blank));
  g_assert_finalize_object (g_steal_pointer (&reloaded));
  remove_temp_dir (dir);
}

static void
test_round_trip_async (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *saved_path = g_build_filename (dir, "async.gongkai", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.gongkai", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (path);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GBytes) file = sample_bytes ();
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, NULL, FALSE, NULL };

  gk_document_load_async (sample, NULL, loaded_cb, &data);
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_true (GK_IS_DOCUMENT (data.document));

  gk_document_save_async (data.document, saved, NULL, saved_cb, &data);
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  g_assert_true (data.saved);
  on_disk = g_file_load_bytes (saved, NULL, NULL, &data.error);
  g_assert_no_error (data.error);
  assert_bytes_equal (on_disk, file);
  g_assert_finalize_object (g_steal_pointer (&data.document));

  /* A missing file is an I/O error, not a damaged disclosure. */
  gk_document_load_async (missing, NULL, loaded_cb, &data);
  g_main_loop_run (loop);
  g_assert_null (data.document);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&data.error);

  remove_temp_dir (dir);
}

/* Bad input ------------------------------------------------------------------ */

/* Loading must fail cleanly: NULL, an error of ours with a message, and
 * (G_DEBUG=fatal-warnings) no warning on the way. `path` is the JSON path
 * the message must start its explanation with. */
static void
assert_load_fails (const char *what,
                   const char *data,
                   gsize       length,
                   int         code,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;

  document = gk_document_load_from_data (data, length, &error);
  if (document != NULL)
    g_error ("%s: loaded although it should not", what);
  g_assert_nonnull (error);
  if (!g_error_matches (error, GK_DOCUMENT_ERROR, code))
    g_error ("%s: expected error %d of %s, got %d of %s: %s", what, code,
             g_quark_to_string (GK_DOCUMENT_ERROR), error->code,
             g_quark_to_string (error->domain), error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 10);
  /* Whatever the file holds, the message fits in a dialog. */
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 1500);
  if (path != NULL)
    {
      g_autofree char *needle = g_strconcat (path, ": ", NULL);
      g_autofree char *at = g_strdup_printf ("(in the file at %s)", path);
      if (strstr (error->message, needle) == NULL && strstr (error->message, at) == NULL)
        g_error ("%s: the message does not name %s: %s", what, path, error->message);
    }
  g_test_message ("%s: %s", what, error->message);
}

typedef struct
{
  const char *what;
  const char *data;
  int         code;
  const char *path;
} RawCase;

static const RawCase raw_cases[] = {
  { "empty file", "", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL },
  { "blank file", " \n\t\n", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL },
  { "malformed JSON", "{ \"format\": \"gongkai-disclosure\", \"version\": 1, ", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL },
  { "missing comma", "{ \"format\": \"gongkai-disclosure\" \"version\": 1 }", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL },
  { "unquoted member", "{ format: \"gongkai-disclosure\", \"version\": 1 }", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL },
  { "unterminated string", "{ \"format\": \"gongkai-disclosure", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL },
  { "a list at the root", "[ { \"format\": \"gongkai-disclosure\", \"version\": 1 } ]", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$" },
  { "text at the root", "\"gongkai-disclosure\"", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$" },
  { "a number at the root", "1", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$" },
  { "null at the root", "null", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$" },
  { "an empty object", "{}", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$.format" },
  { "another program's JSON", "{ \"name\": \"package\", \"version\": \"1.0.0\" }", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$.format" },
  { "no version", "{ \"format\": \"gongkai-disclosure\" }", GK_DOCUMENT_ERROR_INVALID, "$.version" },
  { "version 0", "{ \"format\": \"gongkai-disclosure\", \"version\": 0 }", GK_DOCUMENT_ERROR_INVALID, "$.version" },
  { "version -1", "{ \"format\": \"gongkai-disclosure\", \"version\": -1 }", GK_DOCUMENT_ERROR_INVALID, "$.version" },
  { "version as text", "{ \"format\": \"gongkai-disclosure\", \"version\": \"1\" }", GK_DOCUMENT_ERROR_INVALID, "$.version" },
  { "version with decimals", "{ \"format\": \"gongkai-disclosure\", \"version\": 1.5 }", GK_DOCUMENT_ERROR_INVALID, "$.version" },
  { "version null", "{ \"format\": \"gongkai-disclosure\", \"version\": null }", GK_DOCUMENT_ERROR_INVALID, "$.version" },
  { "version 3", "{ \"format\": \"gongkai-disclosure\", \"version\": 3 }", GK_DOCUMENT_ERROR_NEWER_VERSION, NULL },
  { "version 3 with members this version does not know",
    "{ \"format\": \"gongkai-disclosure\", \"version\": 3, \"signatures\": [] }", GK_DOCUMENT_ERROR_NEWER_VERSION, NULL },
  { "version 1000", "{ \"format\": \"gongkai-disclosure\", \"version\": 1000 }", GK_DOCUMENT_ERROR_NEWER_VERSION, NULL },
  { "huge year", "{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"year\": 99999999999999999999 }", GK_DOCUMENT_ERROR_INVALID, "$.year" },
  { "unknown member, minimal file", "{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"colour\": \"red\" }", GK_DOCUMENT_ERROR_INVALID, "$.colour" },
};

static void
test_bad_raw (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (raw_cases); i++)
    assert_load_fails (raw_cases[i].what, raw_cases[i].data, strlen (raw_cases[i].data),
                       raw_cases[i].code, raw_cases[i].path);

  /* Bytes that are not UTF-8: Latin-1, a lone continuation byte, a UTF-16
   * byte-order mark, an encoded NUL. */
  {
    static const char latin1[] = "{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"unit\": \"caf\xe9\" }";
    static const char utf16[] = "\xff\xfe{\0\"\0";
    static const char nul[] = "{ \"format\": \"gongkai-disclosure\"\0, \"version\": 1 }";

    assert_load_fails ("Latin-1", latin1, strlen (latin1), GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL);
    assert_load_fails ("continuation byte", "\x80", 1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL);
    assert_load_fails ("UTF-16", utf16, sizeof utf16 - 1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL);
    assert_load_fails ("NUL byte", nul, sizeof nul - 1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL);
  }

  /* The minimal file that is one loads: the cases above fail for their
   * own reason. */
  {
    static const char minimal[] = "{ \"format\": \"gongkai-disclosure\", \"version\": 1 }";
    g_autoptr(GError) error = NULL;
    g_autoptr(GkDocument) document = gk_document_load_from_data (minimal, -1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (document);
    g_assert_finalize_object (g_steal_pointer (&document));
  }
}

static void
test_bad_truncated (void)
{
  g_autoptr(GBytes) file = sample_bytes ();
  gsize size;
  const char *data = g_bytes_get_data (file, &size);

  /* Cut anywhere, even inside a character, the file is refused. The last
   * two bytes are "}\n": without the newline it is still whole. */
  for (gsize cut = 0; cut < size - 2; cut += 1 + cut / 16)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GkDocument) document = gk_document_load_from_data (data, cut, &error);

      if (document != NULL)
        g_error ("the file cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes loaded", cut, size);
      g_assert_nonnull (error);
      g_assert_true (error->domain == GK_DOCUMENT_ERROR);
    }
  assert_load_fails ("truncated in half", data, size / 2, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL);
  assert_load_fails ("last brace missing", data, size - 2, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, NULL);
}

static void
test_bad_nesting (void)
{
  const guint depth = 10000;
  GString *nested = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *inside = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (nested, ']');
  text = g_string_free (nested, FALSE);

  assert_load_fails ("10 000 nested lists", text, strlen (text), GK_DOCUMENT_ERROR_INVALID, NULL);

  inside = g_strdup_printf ("{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"unit\": %s }", text);
  assert_load_fails ("10 000 nested lists in a member", inside, strlen (inside), GK_DOCUMENT_ERROR_INVALID, NULL);

  /* Objects, and brackets that only look nested because they are text. */
  {
    GString *objects = g_string_new ("{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"unit\": ");
    g_autofree char *objects_text = NULL;
    g_autofree char *quoted = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GkDocument) document = NULL;

    for (guint i = 0; i < depth; i++)
      g_string_append (objects, "{\"a\":");
    g_string_append (objects, "1");
    for (guint i = 0; i < depth; i++)
      g_string_append_c (objects, '}');
    g_string_append (objects, " }");
    objects_text = g_string_free (objects, FALSE);
    assert_load_fails ("10 000 nested objects", objects_text, strlen (objects_text), GK_DOCUMENT_ERROR_INVALID, NULL);

    quoted = g_strdup_printf ("{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"unit\": \"%s\\\"[{\" }", text);
    document = gk_document_load_from_data (quoted, -1, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (gk_document_get_unit (document), "[[[["));
    g_assert_finalize_object (g_steal_pointer (&document));
  }
}

/* Mutations of the sample: the node at `container` (members and list
 * indexes separated by "/") gets `member` set to the JSON `value`, or
 * removed (value NULL); in a list, member "+" appends and an index with a
 * NULL value removes that element. */
typedef struct
{
  const char *what;
  const char *container;
  const char *member;
  const char *value;
  int         code;
  const char *path;
} Mutation;

#define INVALID GK_DOCUMENT_ERROR_INVALID

static const Mutation mutations[] = {
  /* The header. */
  { "missing format", "", "format", NULL, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$.format" },
  { "wrong format", "", "format", "\"gongkai-budget\"", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$.format" },
  { "format as a number", "", "format", "1", GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$.format" },
  { "missing version", "", "version", NULL, INVALID, "$.version" },
  { "version 3 (newer)", "", "version", "3", GK_DOCUMENT_ERROR_NEWER_VERSION, NULL },
  { "version 0", "", "version", "0", INVALID, "$.version" },
  { "version as text", "", "version", "\"1\"", INVALID, "$.version" },
  { "version true", "", "version", "true", INVALID, "$.version" },
  { "unknown root member", "", "signature", "\"abc\"", INVALID, "$.signature" },
  { "unit as a number", "", "unit", "5", INVALID, "$.unit" },
  { "year out of range (low)", "", "year", "1800", INVALID, "$.year" },
  { "year out of range (high)", "", "year", "10000", INVALID, "$.year" },
  { "year as text", "", "year", "\"2020\"", INVALID, "$.year" },
  { "money unit", "", "money-unit", "\"美元\"", INVALID, "$.money-unit" },
  { "bad date 2020-13-01", "", "date", "\"2020-13-01\"", INVALID, "$.date" },
  { "bad date 2020-02-30", "", "date", "\"2020-02-30\"", INVALID, "$.date" },
  { "date without dashes", "", "date", "\"20200203\"", INVALID, "$.date" },
  { "date with a tail", "", "date", "\"2020-02-03x\"", INVALID, "$.date" },
  { "date in words", "", "date", "\"2020年2月3日\"", INVALID, "$.date" },
  /* Names. */
  { "names not an object", "", "names", "[]", INVALID, "$.names" },
  { "names of an unknown kind", "names", "region", "{}", INVALID, "$.names.region" },
  { "name of an invalid code", "names/function", "20a", "\"名称\"", INVALID, "$.names.function.20a" },
  { "economic name of a function code", "names/economic", "2010301", "\"名称\"", INVALID, "$.names.economic.2010301" },
  { "empty name", "names/function", "201", "\"\"", INVALID, "$.names.function.201" },
  { "name as a number", "names/economic", "301", "301", INVALID, "$.names.economic.301" },
  /* Overview. */
  { "staff count negative", "overview/staff", "serving", "-1", INVALID, "$.overview.staff.serving" },
  { "staff count as text", "overview/staff", "authorized", "\"24\"", INVALID, "$.overview.staff.authorized" },
  { "staff count with decimals", "overview/staff", "retired", "13.5", INVALID, "$.overview.staff.retired" },
  { "unknown staff member", "overview/staff", "interns", "2", INVALID, "$.overview.staff.interns" },
  { "staff not an object", "overview", "staff", "24", INVALID, "$.overview.staff" },
  { "duties not a list", "overview", "duties", "\"负责……\"", INVALID, "$.overview.duties" },
  { "a duty that is not text", "overview", "duties", "[\"负责……\", 2]", INVALID, "$.overview.duties[1]" },
  { "unknown overview member", "overview", "history", "\"\"", INVALID, "$.overview.history" },
  { "functions as a list", "overview", "functions", "[]", INVALID, "$.overview.functions" },
  /* Tables. */
  { "tables not an object", "", "tables", "[]", INVALID, "$.tables" },
  { "unknown table t10", "tables", "t10", "{ \"note\": \"\" }", INVALID, "$.tables.t10" },
  { "unknown table member", "tables/income", "comment", "\"\"", INVALID, "$.tables.income.comment" },
  { "note as a number", "tables/expenditure", "note", "1", INVALID, "$.tables.expenditure.note" },
  { "rows not a list", "tables/income", "rows", "{}", INVALID, "$.tables.income.rows" },
  { "a row that is not an object", "tables/income/rows", "+", "\"2010301\"", INVALID, "$.tables.income.rows[7]" },
  { "amount as a JSON number", "tables/income/rows/2", "general", "265.06", INVALID, "$.tables.income.rows[2].general" },
  { "amount as a whole JSON number", "tables/basic-expenditure/rows/1", "total", "59", INVALID, "$.tables.basic-expenditure.rows[1].total" },
  { "amount 1.234", "tables/income/rows/2", "general", "\"1.234\"", INVALID, "$.tables.income.rows[2].general" },
  { "amount abc", "tables/expenditure/rows/3", "project", "\"abc\"", INVALID, "$.tables.expenditure.rows[3].project" },
  { "amount negative", "tables/general-expenditure/rows/2", "basic", "\"-265.06\"", INVALID, "$.tables.general-expenditure.rows[2].basic" },
  { "amount overflow", "tables/income/rows/2", "general", "\"92233720368547758.08\"", INVALID, "$.tables.income.rows[2].general" },
  { "amount far beyond any range", "tables/income/rows/2", "general", "\"1000000000000000000000000000000.00\"", INVALID, "$.tables.income.rows[2].general" },
  { "amount empty", "tables/income/rows/2", "general", "\"\"", INVALID, "$.tables.income.rows[2].general" },
  { "amount null", "tables/income/rows/2", "general", "null", INVALID, "$.tables.income.rows[2].general" },
  { "amount true", "tables/income/rows/2", "general", "true", INVALID, "$.tables.income.rows[2].general" },
  { "amount with a unit", "tables/income/rows/2", "general", "\"265.06万元\"", INVALID, "$.tables.income.rows[2].general" },
  { "unknown column in a row", "tables/expenditure/rows/2", "reserve", "\"1.00\"", INVALID, "$.tables.expenditure.rows[2].reserve" },
  { "computed column total in 表二", "tables/income/rows/2", "total", "\"265.06\"", INVALID, "$.tables.income.rows[2].total" },
  { "computed column in 表六", "tables/basic-expenditure/rows/1", "personnel", "\"59.02\"", INVALID, "$.tables.basic-expenditure.rows[1].personnel" },
  { "duplicate code", "tables/income/rows", "+", "{ \"code\": \"2010301\", \"general\": \"1.00\" }", INVALID, "$.tables.income.rows[7].code" },
  { "项 whose 款 is missing", "tables/income/rows", "5", NULL, INVALID, "$.tables.income.rows[5]" },
  { "款 whose 类 is missing", "tables/basic-expenditure/rows", "0", NULL, INVALID, "$.tables.basic-expenditure.rows[0]" },
  { "figures on a 款 with 项", "tables/income/rows/1", "general", "\"336.06\"", INVALID, "$.tables.income.rows[1]" },
  { "figures on a 类 with 款", "tables/basic-expenditure/rows/0", "total", "\"188.38\"", INVALID, "$.tables.basic-expenditure.rows[0]" },
  { "invalid code 20a", "tables/expenditure/rows/0", "code", "\"20a\"", INVALID, "$.tables.expenditure.rows[0].code" },
  { "code of eight digits", "tables/expenditure/rows/2", "code", "\"20103011\"", INVALID, "$.tables.expenditure.rows[2].code" },
  { "function code in 表六", "tables/basic-expenditure/rows/1", "code", "\"2010301\"", INVALID, "$.tables.basic-expenditure.rows[1].code" },
  { "code as a number", "tables/income/rows/0", "code", "201", INVALID, "$.tables.income.rows[0].code" },
  { "row without code", "tables/income/rows/0", "code", NULL, INVALID, "$.tables.income.rows[0]" },
  { "code with no name", "tables/income/rows", "+", "{ \"code\": \"2010398\" }", INVALID, "$.tables.income.rows[7].code" },
  { "rows in 表七", "tables/project-expenditure", "rows", "[]", INVALID, "$.tables.project-expenditure.rows" },
  { "rows in 表一", "tables/income-summary", "rows", "[]", INVALID, "$.tables.income-summary.rows" },
  { "values in 表四", "tables/fiscal-summary", "values", "{}", INVALID, "$.tables.fiscal-summary.values" },
  { "values in 表二", "tables/income", "values", "{}", INVALID, "$.tables.income.values" },
  { "rows in 表八", "tables/sangong", "rows", "[]", INVALID, "$.tables.sangong.rows" },
  { "unknown column in 表八", "tables/sangong/values", "gifts", "\"1.00\"", INVALID, "$.tables.sangong.values.gifts" },
  { "computed column in 表八", "tables/sangong/values", "vehicle", "\"48.60\"", INVALID, "$.tables.sangong.values.vehicle" },
  { "amount as a number in 表八", "tables/sangong/values", "reception", "0.45", INVALID, "$.tables.sangong.values.reception" },
  /* Projects. */
  { "projects not a list", "", "projects", "{}", INVALID, "$.projects" },
  { "duplicate project id", "projects/1", "id", "\"p1\"", INVALID, "$.projects[1].id" },
  { "project without id", "projects/2", "id", NULL, INVALID, "$.projects[2]" },
  { "empty project id", "projects/0", "id", "\"\"", INVALID, "$.projects[0].id" },
  { "project function not a code", "projects/0", "function", "\"电子政务\"", INVALID, "$.projects[0].function" },
  { "project function 20a", "projects/3", "function", "\"20a\"", INVALID, "$.projects[3].function" },
  { "project function with no name", "projects/0", "function", "\"2010398\"", INVALID, "$.projects[0].function" },
  { "project function as a number", "projects/0", "function", "2010399", INVALID, "$.projects[0].function" },
  { "project computed amount", "projects/0/amounts", "total", "\"5.00\"", INVALID, "$.projects[0].amounts.total" },
  { "project unknown amount", "projects/0/amounts", "e304", "\"5.00\"", INVALID, "$.projects[0].amounts.e304" },
  { "project amount as a number", "projects/5/amounts", "e302", "4", INVALID, "$.projects[5].amounts.e302" },
  { "project other funds negative", "projects/0", "other-funds", "\"-1.00\"", INVALID, "$.projects[0].other-funds" },
  { "unknown project member", "projects/0", "colour", "\"red\"", INVALID, "$.projects[0].colour" },
  { "indicators not a list", "projects/0", "indicators", "{}", INVALID, "$.projects[0].indicators" },
  { "unknown indicator member", "projects/0/indicators/2", "weight", "\"10%\"", INVALID, "$.projects[0].indicators[2].weight" },
  { "indicator target as a number", "projects/1/indicators/0", "target", "11", INVALID, "$.projects[1].indicators[0].target" },
  /* Explanation. */
  { "unknown prior-year key", "explanation/prior-year", "income.grants", "{ \"amount\": \"1.00\", \"basis\": \"budget\", \"reason\": \"\" }",
    INVALID, "$.explanation.prior-year.income.grants" },
  { "prior-year key of no kind", "explanation/prior-year", "weather", "{ \"amount\": \"1.00\", \"basis\": \"budget\", \"reason\": \"\" }",
    INVALID, "$.explanation.prior-year.weather" },
  { "prior-year function key with a bad code", "explanation/prior-year", "function.20a",
    "{ \"amount\": \"1.00\", \"basis\": \"budget\", \"reason\": \"\" }", INVALID, "$.explanation.prior-year.function.20a" },
  { "bad basis", "explanation/prior-year/income.general", "basis", "\"estimate\"", INVALID,
    "$.explanation.prior-year.income.general.basis" },
  { "prior-year amount as a number", "explanation/prior-year/running-costs", "amount", "56.09", INVALID,
    "$.explanation.prior-year.running-costs.amount" },
  { "prior-year key repeated inside", "explanation/prior-year/income.general", "key", "\"income.general\"", INVALID,
    "$.explanation.prior-year.income.general.key" },
  { "prior year not an object", "explanation", "prior-year", "[]", INVALID, "$.explanation.prior-year" },
  { "procurement amount as a number", "explanation/procurement", "goods", "7", INVALID, "$.explanation.procurement.goods" },
  { "unknown procurement member", "explanation/procurement", "consulting", "\"1.00\"", INVALID, "$.explanation.procurement.consulting" },
  { "vehicle count negative", "explanation/assets/vehicles/general", "count", "-3", INVALID, "$.explanation.assets.vehicles.general.count" },
  { "unknown vehicle kind", "explanation/assets/vehicles", "boats", "{ \"count\": 1, \"value\": \"1.00\" }", INVALID,
    "$.explanation.assets.vehicles.boats" },
  { "assets not an object", "explanation", "assets", "\"none\"", INVALID, "$.explanation.assets" },
  { "unit count negative", "explanation/running-costs", "institutions", "-1", INVALID, "$.explanation.running-costs.institutions" },
  { "unknown explanation member", "explanation", "summary", "\"\"", INVALID, "$.explanation.summary" },
  /* Glossary. */
  { "glossary not a list", "", "glossary", "{}", INVALID, "$.glossary" },
  { "glossary entry not an object", "glossary", "+", "\"财政拨款\"", INVALID, "$.glossary[6]" },
  { "unknown glossary member", "glossary/1", "source", "\"\"", INVALID, "$.glossary[1].source" },
};

static JsonNode *
node_at (JsonNode   *root,
         const char *container)
{
  g_auto(GStrv) parts = g_strsplit (container, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL && parts[i][0] != '\0'; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          guint index = atoi (parts[i]);
          g_assert_cmpuint (index, <, json_array_get_length (json_node_get_array (node)));
          node = json_array_get_element (json_node_get_array (node), index);
        }
      else
        node = NULL;
      if (node == NULL)
        g_error ("the sample has nothing at %s (stopped at %s)", container, parts[i]);
    }
  return node;
}

static JsonNode *
parse_value (const char *value)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (value, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
mutate (JsonNode       *root,
        const Mutation *m)
{
  JsonNode *container = node_at (root, m->container);

  if (JSON_NODE_HOLDS_OBJECT (container))
    {
      JsonObject *object = json_node_get_object (container);

      if (m->value == NULL)
        {
          g_assert_true (json_object_has_member (object, m->member));
          json_object_remove_member (object, m->member);
        }
      else
        json_object_set_member (object, m->member, parse_value (m->value));
    }
  else
    {
      JsonArray *array = json_node_get_array (container);

      g_assert_true (JSON_NODE_HOLDS_ARRAY (container));
      if (g_str_equal (m->member, "+"))
        json_array_add_element (array, parse_value (m->value));
      else
        {
          guint index = atoi (m->member);
          g_assert_null (m->value);
          g_assert_cmpuint (index, <, json_array_get_length (array));
          json_array_remove_element (array, index);
        }
    }
}

static JsonNode *
parse_sample (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = sample_path ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
generate (JsonNode *root,
          gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

static void
test_bad_mutations (void)
{
  /* The sample regenerated by json-glib, unchanged, loads: each mutation
   * below is what makes its file fail. */
  {
    g_autoptr(JsonNode) root = parse_sample ();
    g_autoptr(GError) error = NULL;
    gsize length;
    g_autofree char *text = generate (root, &length);
    g_autoptr(GkDocument) document = gk_document_load_from_data (text, length, &error);

    g_assert_no_error (error);
    g_assert_finalize_object (g_steal_pointer (&document));
  }

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr(JsonNode) root = parse_sample ();
      g_autofree char *text = NULL;
      gsize length;

      mutate (root, &mutations[i]);
      text = generate (root, &length);
      assert_load_fails (mutations[i].what, text, length, mutations[i].code, mutations[i].path);
    }
  g_assert_cmpuint (G_N_ELEMENTS (mutations) + G_N_ELEMENTS (raw_cases), >=, 25);
}

/* 50 MB strings where a figure, a code or a member name belongs: refused,
 * and quoted in the message only in part. The
 * sample's text is spliced rather than regenerated, to keep this quick. */
static void
test_bad_huge_string (void)
{
  /* Valgrind makes 50 MB take minutes; what it checks shows at 5 MB. */
  const gsize size = (RUNNING_ON_VALGRIND ? 5 : 50) * 1024 * 1024;
  static const struct {
    const char *what;
    const char *find;      /* in the sample */
    const char *before;    /* replaces `find`, then the huge string */
    const char *after;     /* then this */
    char        fill;
    int         code;
    const char *path;
  } cases[] = {
    { "50 MB amount", "\"general\" : \"265.06\"", "\"general\" : \"", "\"", '9',
      GK_DOCUMENT_ERROR_INVALID, "$.tables.income.rows[2].general" },
    { "50 MB code", "\"code\" : \"201\"", "\"code\" : \"", "\"", '2',
      GK_DOCUMENT_ERROR_INVALID, "$.tables.income.rows[0].code" },
    { "50 MB member name", "\"general\" : \"265.06\"", "\"", "\" : \"265.06\"", 'x',
      GK_DOCUMENT_ERROR_INVALID, NULL },
  };
  g_autoptr(GBytes) file = sample_bytes ();
  const char *sample = g_bytes_get_data (file, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *at = strstr (sample, cases[i].find);
      GString *text;
      g_autofree char *data = NULL;
      gsize length;

      g_assert_nonnull (at);
      text = g_string_sized_new (g_bytes_get_size (file) + size + 64);
      g_string_append_len (text, sample, at - sample);
      g_string_append (text, cases[i].before);
      for (gsize n = 0; n < size; n++)
        g_string_append_c (text, cases[i].fill);
      g_string_append (text, cases[i].after);
      g_string_append (text, at + strlen (cases[i].find));
      length = text->len;
      data = g_string_free (text, FALSE);

      assert_load_fails (cases[i].what, data, length, cases[i].code, cases[i].path);
    }
}

/* Failed saves ---------------------------------------------------------------- */

static void
test_save_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  static const char old_text[] = "the file saved before\n";

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores file permissions");
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "disclosure.gongkai", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (g_file_set_contents (path, old_text, -1, &error));
  g_assert_no_error (error);
  old = g_bytes_new_static (old_text, strlen (old_text));
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  document = gk_document_new_blank ("某单位", 2021, GK_MONEY_UNIT_WANYUAN);
  g_assert_false (gk_document_save (document, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  now = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_bytes_equal (now, old);

  /* The asynchronous save fails the same way. */
  {
    g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
    AsyncData data = { loop, NULL, TRUE, NULL };

    gk_document_save_async (document, file, NULL, saved_cb, &data);
    g_main_loop_run (loop);
    g_assert_false (data.saved);
    g_assert_nonnull (data.error);
    g_clear_error (&data.error);
    g_bytes_unref (now);
    now = g_file_load_bytes (file, NULL, NULL, &error);
    g_assert_no_error (error);
    assert_bytes_equal (now, old);
  }

  /* Nothing was left behind in the directory. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
    guint n = 0;

    g_assert_no_error (error);
    while (g_dir_read_name (d) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  g_assert_finalize_object (g_steal_pointer (&document));
  remove_temp_dir (dir);
}

static void
test_save_missing_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "disclosure.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkDocument) document = gk_document_new_blank ("某单位", 2021, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_document_save (document, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_finalize_object (g_steal_pointer (&document));
  remove_temp_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file/round-trip/bytes", test_round_trip_bytes);
  g_test_add_func ("/file/round-trip/save", test_round_trip_save);
  g_test_add_func ("/file/round-trip/edited", test_round_trip_edited);
  g_test_add_func ("/file/round-trip/blank", test_round_trip_blank);
  g_test_add_func ("/file/round-trip/async", test_round_trip_async);
  g_test_add_func ("/file/bad/raw", test_bad_raw);
  g_test_add_func ("/file/bad/truncated", test_bad_truncated);
  g_test_add_func ("/file/bad/nesting", test_bad_nesting);
  g_test_add_func ("/file/bad/mutations", test_bad_mutations);
  g_test_add_func ("/file/bad/huge-string", test_bad_huge_string);
  g_test_add_func ("/file/save/read-only", test_save_read_only);
  g_test_add_func ("/file/save/missing-directory", test_save_missing_directory);

  return g_test_run ();
}
