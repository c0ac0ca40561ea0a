/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-file-strict.c — the .gongkai file is JSON as RFC 8259 defines it, and
 * every file the reader takes is one the writer gives back unchanged */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gk-document.h"
#include "gk-document-io.h"
#include "gk-document-private.h"
#include "gk-test-common.h"

/* The sample as format version 1 wrote it (its line numbers are the ones
 * below): strict reading holds for files written before templates too. */
static char *
sample_text (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "v1",
                                                 "urumqi-county-government-office-2020.gongkai", NULL);
  g_autoptr(GError) error = NULL;
  char *contents;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* The sample with the first `find` replaced by `replace`. */
static char *
sample_with (const char *find,
             const char *replace)
{
  g_autofree char *text = sample_text (NULL);
  const char *at = strstr (text, find);

  if (at == NULL)
    g_error ("the sample has no “%s”", find);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, replace, at + strlen (find));
}

/* Refused with `code`, and the message holds every one of the NULL-ended
 * strings that follow: the place (line, column, path) and the reason. */
static void
assert_refused (const char *data,
                gssize      length,
                int         code,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  va_list args;
  const char *needle;

  document = gk_document_load_from_data (data, length, &error);
  if (document != NULL)
    g_error ("loaded although it should not");
  if (!g_error_matches (error, GK_DOCUMENT_ERROR, code))
    g_error ("expected error %d of %s, got %s: %s", code, g_quark_to_string (GK_DOCUMENT_ERROR),
             error ? g_quark_to_string (error->domain) : "nothing", error ? error->message : "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 1500);
  va_start (args, code);
  while ((needle = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, needle) == NULL)
      g_error ("the message does not say “%s”: %s", needle, error->message);
  va_end (args);
  g_test_message ("%s", error->message);
}

static GkDocument *
assert_loads (const char *data,
              gssize      length)
{
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load_from_data (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* duplicate-tables-key.gongkai: the second "tables" silently replaced the first. */
static void
test_file_duplicate_key_refused (void)
{
  g_autofree char *root = sample_with ("  \"unit\" :", "  \"unit\" : \"另一个单位\",\n  \"unit\" :");
  g_autofree char *row = sample_with ("\"code\" : \"2010301\",", "\"code\" : \"2010301\", \"general\" : \"1.00\",");
  g_autofree char *escaped = sample_with ("  \"unit\" :", "  \"\\u0075nit\" : \"x\",\n  \"unit\" :");
  g_autofree char *tables = NULL;

  assert_refused (root, -1, GK_DOCUMENT_ERROR_INVALID,
                  "$.unit: ", "“unit” appears a second time", "first on line 4", "line 5, column 3", NULL);
  /* The one added is on the line of the code (91), the sample's on 92. */
  assert_refused (row, -1, GK_DOCUMENT_ERROR_INVALID,
                  "$.tables.t2.rows[2].general: ", "first on line 91", "line 92, column 11", NULL);
  /* The same name written with an escape is the same name. */
  assert_refused (escaped, -1, GK_DOCUMENT_ERROR_INVALID, "$.unit: ", "line 5", NULL);

  /* The whole "tables" member again, as in the file where it was found. */
  {
    g_autofree char *text = sample_text (NULL);
    const char *start = strstr (text, "  \"tables\" :");
    const char *end = strstr (text, "  \"projects\" :");
    g_autofree char *copy = g_strndup (start, end - start);

    tables = g_strdup_printf ("%.*s%s%s", (int) (end - text), text, copy, end);
  }
  assert_refused (tables, -1, GK_DOCUMENT_ERROR_INVALID, "$.tables: ", "“tables” appears a second time", NULL);

  /* The same member name in two different objects is no repetition. */
  g_assert_finalize_object (assert_loads ("{ \"format\": \"gongkai-disclosure\", \"version\": 1, "
                                          "\"overview\": { \"staff\": { \"serving\": 1 } }, "
                                          "\"explanation\": { \"assets\": { \"vehicles\": { \"general\": { \"count\": 1 } } } } }", -1));
}

static void
test_file_trailing_garbage_refused (void)
{
  gsize length;
  g_autofree char *text = sample_text (&length);
  g_autofree char *garbage = g_strconcat (text, "{}", NULL);
  g_autofree char *word = g_strconcat (text, "\n\nsaved by hand\n", NULL);

  /* The sample ends "}\n": its 775th line is the closing brace. */
  assert_refused (garbage, -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "line 776, column 1", "“{”", NULL);
  assert_refused (word, -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "line 778, column 1", "“saved”", NULL);
  /* Blanks after the end are no content. */
  {
    g_autofree char *blanks = g_strconcat (text, "\n \r\n\t", NULL);
    g_assert_finalize_object (assert_loads (blanks, -1));
  }
}

static void
test_file_single_quoted_key_refused (void)
{
  g_autofree char *key = sample_with ("\"unit\" :", "'unit' :");
  g_autofree char *value = sample_with ("\"unit\" : \"乌鲁木齐县人民政府办公室\"", "\"unit\" : '乌鲁木齐县人民政府办公室'");
  g_autofree char *bare = sample_with ("\"unit\" :", "unit :");

  assert_refused (key, -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "line 4, column 3", "“'”", "double quotes", NULL);
  assert_refused (value, -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "line 4, column 12", "$.unit", NULL);
  assert_refused (bare, -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "line 4, column 3", "“unit”", NULL);
}

/* nul-escape-in-amount.gongkai: "1\u00002.00" was read as 1.00. */
static void
test_file_nul_escape_refused (void)
{
  g_autofree char *amount = sample_with ("\"abroad\" : \"0.00\"", "\"abroad\" : \"1\\u00002.00\"");
  g_autofree char *unit = sample_with ("\"unit\" : \"", "\"unit\" : \"\\u0000");
  g_autofree char *key = sample_with ("\"unit\" :", "\"unit\\u0000\" :");

  assert_refused (amount, -1, GK_DOCUMENT_ERROR_INVALID,
                  "$.tables.t8.values.abroad: ", "\\u0000", "line 275, column 22", NULL);
  assert_refused (unit, -1, GK_DOCUMENT_ERROR_INVALID, "$.unit: ", "line 4, column 13", NULL);
  assert_refused (key, -1, GK_DOCUMENT_ERROR_INVALID, "line 4, column 8", NULL);
}

/* integer-overflow-becomes-minus-1.gongkai, version-overflow-message.gongkai:
 * 2^66 was read as -1, and the message then spoke of -1. */
static void
test_file_integer_overflow_refused (void)
{
  g_autofree char *staff = sample_with ("\"serving-change\" : -1", "\"serving-change\" : 99999999999999999999");
  g_autofree char *version = sample_with ("\"version\" : 1", "\"version\" : 99999999999999999999");
  g_autofree char *negative = sample_with ("\"serving-change\" : -1", "\"serving-change\" : -9223372036854775809");
  g_autofree char *largest = sample_with ("\"serving-change\" : -1", "\"serving-change\" : 9223372036854775807");
  g_autofree char *past = sample_with ("\"serving-change\" : -1", "\"serving-change\" : 9223372036854775808");
  g_autoptr(GError) error = NULL;

  assert_refused (staff, -1, GK_DOCUMENT_ERROR_INVALID,
                  "$.overview.staff.serving-change: ", "99999999999999999999", "line 70, column 26", NULL);
  assert_refused (version, -1, GK_DOCUMENT_ERROR_INVALID, "$.version: ", "99999999999999999999", "line 3, column 15", NULL);
  assert_refused (negative, -1, GK_DOCUMENT_ERROR_INVALID, "-9223372036854775809", NULL);
  assert_refused (past, -1, GK_DOCUMENT_ERROR_INVALID, "9223372036854775808", NULL);
  /* The largest 64-bit number is read as itself, then found out of range. */
  assert_refused (largest, -1, GK_DOCUMENT_ERROR_INVALID, "$.overview.staff.serving-change: ",
                  "9223372036854775807 is out of range", NULL);
  g_assert_null (gk_document_load_from_data (version, -1, &error));
  g_assert_null (strstr (error->message, "-1"));
}

/* lone-surrogate-escape.gongkai: "\ud800" was taken and written back as
 * bytes that are not UTF-8. */
static void
test_file_lone_surrogate_refused (void)
{
  g_autofree char *high = sample_with ("\"unit\" : \"乌鲁木齐县", "\"unit\" : \"\\ud800x");
  g_autofree char *low = sample_with ("\"unit\" : \"乌鲁木齐县", "\"unit\" : \"\\udc00");
  g_autofree char *reversed = sample_with ("\"unit\" : \"乌鲁木齐县", "\"unit\" : \"\\ude00\\ud83d");
  g_autofree char *at_end = sample_with ("\"unit\" : \"乌鲁木齐县人民政府办公室\"", "\"unit\" : \"\\ud83d\"");
  g_autofree char *pair = sample_with ("\"unit\" : \"乌鲁木齐县", "\"unit\" : \"\\ud83d\\ude00");
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;

  assert_refused (high, -1, GK_DOCUMENT_ERROR_INVALID, "$.unit: ", "\\ud800", "line 4, column 13", NULL);
  assert_refused (low, -1, GK_DOCUMENT_ERROR_INVALID, "$.unit: ", "\\udc00", NULL);
  assert_refused (reversed, -1, GK_DOCUMENT_ERROR_INVALID, "$.unit: ", "\\ude00", NULL);
  assert_refused (at_end, -1, GK_DOCUMENT_ERROR_INVALID, "$.unit: ", "\\ud83d", NULL);

  /* A whole pair is one character, written back as UTF-8. */
  document = assert_loads (pair, -1);
  g_assert_true (g_str_has_prefix (gk_document_get_unit (document), "😀"));
  bytes = gk_document_serialize (document);
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"😀人民政府办公室\""));
}

static void
test_file_bad_escape_refused (void)
{
  g_autofree char *letter = sample_with ("\"unit\" : \"乌鲁木齐县", "\"unit\" : \"\\x41");
  g_autofree char *short_u = sample_with ("\"unit\" : \"乌鲁木齐县", "\"unit\" : \"\\u12g4");
  g_autofree char *tab = sample_with ("\"unit\" : \"乌鲁木齐县", "\"unit\" : \"\t");
  g_autofree char *line_break = sample_with ("\"unit\" : \"乌鲁木齐县", "\"unit\" : \"\n");

  assert_refused (letter, -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$.unit: ", "“\\x41”", "line 4, column 13", NULL);
  assert_refused (short_u, -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$.unit: ", "four hexadecimal digits", NULL);
  assert_refused (tab, -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$.unit: ", "U+0009", NULL);
  assert_refused (line_break, -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "$.unit: ", "U+000A", NULL);
}

/* A file cut short says where it ends, in lines a person can look up. */
static void
test_file_incomplete_names_line (void)
{
  gsize length;
  g_autofree char *text = sample_text (&length);
  const char *cut = strstr (text, "\"abroad\" : \"0.0");
  gsize at = cut - text + strlen ("\"abroad\" : \"0.0");

  assert_refused (text, at, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                  "incomplete", "line 275, column 24", "$.tables.t8.values.abroad", NULL);
  assert_refused (text, strstr (text, "  \"projects\"") - text, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                  "incomplete", "line 287, column 1", NULL);
  assert_refused (text, length - 2, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "incomplete", "line 775, column 1", "inside $;", NULL);
  assert_refused ("{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"unit\": tru }", -1,
                  GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "line 1, column 57", "“tru”", NULL);
  assert_refused ("{ \"format\": \"gongkai-disclosure\", \"version\": 01 }", -1,
                  GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "line 1, column 47", NULL);
}

/* empty.gongkai was described as "JSON but not a Gongkai disclosure". */
static void
test_file_empty_refused (void)
{
  assert_refused ("", 0, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "empty", NULL);
  assert_refused (" \n\t\r\n", -1, GK_DOCUMENT_ERROR_NOT_DISCLOSURE, "empty", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (gk_document_load_from_data ("", 0, &error));
    g_assert_null (strstr (error->message, "JSON"));
  }
}

/* project-without-function-critical.gongkai: a GLib CRITICAL in gk-table.c
 * (tests run with fatal warnings, so it aborted). */
static void
test_file_project_without_function_refused (void)
{
  g_autofree char *text = sample_with ("      \"function\" : \"2010399\",\n", "");
  g_autofree char *blank = sample_with ("\"function\" : \"2010399\"", "\"function\" : \"\"");
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkProject) project = gk_project_new ("new");

  assert_refused (text, -1, GK_DOCUMENT_ERROR_INVALID, "project “", "(in the file at $.projects[0])", "“function”", NULL);
  /* "" is how the writer says "none yet": taken, and kept among the loose rows. */
  g_assert_finalize_object (assert_loads (blank, -1));

  /* The model itself copes with a project that was never given a code. */
  document = gk_test_load_sample ();
  g_list_store_append (G_LIST_STORE (gk_document_get_projects (document)), project);
  gk_document_derive_all (document);
  g_assert_null (gk_project_get_function_code (project));
}

/* A mistake in a table cell or a project is named as the person who typed
 * it sees it: the table, the row's code and name, the column; the file's
 * own path comes after, for whoever opens it in a text editor. */
static void
test_file_place_in_document_words (void)
{
  g_autofree char *cell = sample_with ("\"general\" : \"71.00\"", "\"general\" : \"71.0x\"");
  g_autofree char *column = sample_with ("\"general\" : \"71.00\"", "\"generous\" : \"71.00\"");
  g_autofree char *project = sample_with ("\"function\" : \"2010399\"", "\"function\" : 2010399");
  g_autoptr(GError) error = NULL;

  g_assert_null (gk_document_load_from_data (cell, -1, &error));
  g_assert_true (g_str_has_prefix (error->message,
                                   "表二 部门收入总体情况表 2010399 其他政府办公厅（室）及相关机构事务支出 一般公共预算拨款: "));
  g_assert_true (g_str_has_suffix (error->message, "(in the file at $.tables.t2.rows[3].general)"));
  g_assert_nonnull (strstr (error->message, "“71.0x”"));
  g_clear_error (&error);

  /* A column the table does not have: the row is named, no column title. */
  g_assert_null (gk_document_load_from_data (column, -1, &error));
  g_assert_true (g_str_has_prefix (error->message,
                                   "表二 部门收入总体情况表 2010399 其他政府办公厅（室）及相关机构事务支出: "));
  g_assert_nonnull (strstr (error->message, "“generous”"));
  g_clear_error (&error);

  g_assert_null (gk_document_load_from_data (project, -1, &error));
  g_assert_true (g_str_has_prefix (error->message, "project “"));
  g_assert_nonnull (strstr (error->message, "(in the file at $.projects["));
  g_clear_error (&error);

  /* Where there is no row or cell, the path alone says it. */
  {
    g_autofree char *member = sample_with ("\"note\" : \"无内容应公开空表并说明情况。\"\n",
                                           "\"comment\" : \"无内容应公开空表并说明情况。\"\n");
    assert_refused (member, -1, GK_DOCUMENT_ERROR_INVALID, "$.tables.", ".comment: ", NULL);
  }
}

/* A signed year is no date, however sscanf would read it. */
static void
test_file_signed_date_refused (void)
{
  g_autofree char *negative = sample_with ("\"date\" : \"2020-02-03\"", "\"date\" : \"-202-01-01\"");
  g_autofree char *positive = sample_with ("\"date\" : \"2020-02-03\"", "\"date\" : \"+202-01-01\"");

  assert_refused (negative, -1, GK_DOCUMENT_ERROR_INVALID, "$.date: ", "is not a date", NULL);
  assert_refused (positive, -1, GK_DOCUMENT_ERROR_INVALID, "$.date: ", "is not a date", NULL);
  g_assert_true (gk_date_text_is_valid ("2020-02-29"));
  g_assert_false (gk_date_text_is_valid ("2019-02-29"));
}

/* A file cut short inside a character is incomplete, not "not text". */
static void
test_file_cut_inside_character (void)
{
  gsize length;
  g_autofree char *text = sample_text (&length);
  const char *han = strstr (text, "乌鲁木齐");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (han);
  /* One byte into the three of 乌. */
  g_assert_null (gk_document_load_from_data (text, han - text + 1, &error));
  g_assert_nonnull (strstr (error->message, "incomplete"));
  g_assert_null (strstr (error->message, "UTF-8"));
}

/* Round trips ------------------------------------------------------------- */

/* Read, write, read again, write again: both writes are the same bytes,
 * and each write reads back. */
static GBytes *
assert_round_trip (const char *what,
                   const char *data,
                   gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) first = gk_document_load_from_data (data, length, &error);
  g_autoptr(GkDocument) second = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) again = NULL;

  if (first == NULL)
    g_error ("%s: %s", what, error->message);
  g_assert_true (gk_document_check_writable (first, &error));
  g_assert_no_error (error);
  written = gk_document_serialize (first);
  second = gk_document_load_from_data (g_bytes_get_data (written, NULL), g_bytes_get_size (written), &error);
  if (second == NULL)
    g_error ("%s, written back: %s", what, error->message);
  again = gk_document_serialize (second);
  if (!g_bytes_equal (written, again))
    g_error ("%s: written twice, the bytes differ", what);
  g_assert_finalize_object (g_steal_pointer (&first));
  g_assert_finalize_object (g_steal_pointer (&second));
  return g_steal_pointer (&written);
}

static void
round_trip_dir (const char *dir,
                guint      *count)
{
  g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (entries);
  while ((name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) written = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".gongkai"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      written = assert_round_trip (name, contents, length);
      (*count)++;
    }
}

/* roundtrip-no-year.gongkai: taken without "year", saved with "year": 0,
 * which was then refused. */
static void
test_file_no_year_round_trips (void)
{
  static const char minimal[] = "{\"format\":\"gongkai-disclosure\",\"version\":1}";
  g_autoptr(GBytes) written = assert_round_trip ("no year", minimal, strlen (minimal));
  g_autofree char *dir = g_dir_make_tmp ("gongkai-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "no-year.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_from_data (minimal, -1, &error);
  g_autoptr(GkDocument) reloaded = NULL;

  g_assert_null (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written), "\"year\""));
  g_assert_true (gk_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  reloaded = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gk_document_get_year (reloaded), ==, 0);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Every document the reader takes among the fixtures. */
static void
test_file_accepted_round_trip (void)
{
  const char *root = g_getenv ("GK_SOURCE_ROOT");
  g_autofree char *samples = g_build_filename (root, "data", "samples", NULL);
  g_autofree char *data = g_build_filename (root, "tests", "data", NULL);
  g_autofree char *accepted = g_build_filename (root, "tests", "data", "accepted", NULL);
  g_autofree char *check = g_build_filename (root, "tests", "data", "check", NULL);
  g_autofree char *sample_path = gk_test_sample_path ();
  g_autofree char *sample = NULL;
  gsize length;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) original = NULL;
  guint count = 0;

  round_trip_dir (samples, &count);
  round_trip_dir (data, &count);
  round_trip_dir (accepted, &count);
  round_trip_dir (check, &count);
  g_test_message ("%u files", count);
  g_assert_cmpuint (count, >=, 6);

  /* The sample is in the writer's own form: not one byte changes. */
  g_assert_true (g_file_get_contents (sample_path, &sample, &length, NULL));
  written = assert_round_trip ("sample", sample, length);
  original = g_bytes_new (sample, length);
  g_assert_true (g_bytes_equal (written, original));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-strict/duplicate-key-refused", test_file_duplicate_key_refused);
  g_test_add_func ("/file-strict/trailing-garbage-refused", test_file_trailing_garbage_refused);
  g_test_add_func ("/file-strict/single-quoted-key-refused", test_file_single_quoted_key_refused);
  g_test_add_func ("/file-strict/nul-escape-refused", test_file_nul_escape_refused);
  g_test_add_func ("/file-strict/integer-overflow-refused", test_file_integer_overflow_refused);
  g_test_add_func ("/file-strict/lone-surrogate-refused", test_file_lone_surrogate_refused);
  g_test_add_func ("/file-strict/bad-escape-refused", test_file_bad_escape_refused);
  g_test_add_func ("/file-strict/incomplete-names-line", test_file_incomplete_names_line);
  g_test_add_func ("/file-strict/empty-refused", test_file_empty_refused);
  g_test_add_func ("/file-strict/project-without-function-refused", test_file_project_without_function_refused);
  g_test_add_func ("/file-strict/place-in-document-words", test_file_place_in_document_words);
  g_test_add_func ("/file-strict/cut-inside-character", test_file_cut_inside_character);
  g_test_add_func ("/file-strict/signed-date-refused", test_file_signed_date_refused);
  g_test_add_func ("/file-strict/no-year-round-trips", test_file_no_year_round_trips);
  g_test_add_func ("/file-strict/accepted-round-trip", test_file_accepted_round_trip);

  return g_test_run ();
}
