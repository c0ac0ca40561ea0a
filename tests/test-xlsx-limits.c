/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile workbooks: each is refused with a message naming the place and
 * the limit, or imported into a document that can be saved and opened
 * again, in seconds and without holding more than a bounded amount. */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-document-io.h"
#include "gk-xlsx-reader.h"

static char *
hostile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xlsx", "hostile", name, NULL);
}

static char *
generated_path (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, "hostile", name, NULL);
}

/* Imports `path`, expecting a refusal whose message holds every one of
 * `words`, within `seconds`. */
static void
assert_refused (const char  *path,
                double       seconds,
                const char  *first_word,
                ...)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  gint64 start = g_get_monotonic_time ();
  double elapsed;
  va_list args;

  document = gk_xlsx_import (path, report, &error);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("%s (%.2f s)", error->message, elapsed);
  g_assert_true (error->domain == GK_XLSX_ERROR);
  va_start (args, first_word);
  for (const char *w = first_word; w != NULL; w = va_arg (args, const char *))
    if (strstr (error->message, w) == NULL)
      g_error ("“%s” is not in “%s”", w, error->message);
  va_end (args);
  g_assert_cmpfloat (elapsed, <, seconds);
}

static void
test_xlsx_internal_entities_refused (void)
{
  g_autofree char *path = hostile_path ("xlsx-27-quadratic-blowup.xlsx");
  assert_refused (path, 5, "<!DOCTYPE", "xl/sharedStrings.xml", NULL);
}

static void
test_xlsx_billion_laughs_refused (void)
{
  g_autofree char *path = hostile_path ("xlsx-26-billion-laughs.xlsx");
  assert_refused (path, 5, "<!DOCTYPE", NULL);
}

static void
test_xlsx_external_entities_refused (void)
{
  g_autofree char *path = hostile_path ("xlsx-21-xxe-sharedstrings-passwd.xlsx");
  assert_refused (path, 5, "<!DOCTYPE", NULL);
}

static void
test_xlsx_merge_area_bounded (void)
{
  g_autofree char *one = hostile_path ("xlsx-46-merge-1M-cells-100KB.xlsx");
  g_autofree char *nine = hostile_path ("xlsx-47-merge-9-sheets-1M.xlsx");

  assert_refused (one, 5, "表3", "merges", "100000", NULL);
  assert_refused (nine, 5, "merges", "100000", NULL);
}

static void
test_xlsx_many_cells_bounded (void)
{
  g_autofree char *many = generated_path ("many-cells.xlsx");
  g_autofree char *far = generated_path ("far-column.xlsx");

  assert_refused (many, 60, "表1", "2000000 cells", NULL);
  assert_refused (far, 60, "2000000 cells", NULL);
}

static void
test_xlsx_long_string_refused (void)
{
  g_autofree char *path = generated_path ("long-string.xlsx");
  assert_refused (path, 5, "32 767", "xl/sharedStrings.xml", NULL);
}

static void
test_xlsx_many_strings_refused (void)
{
  g_autofree char *path = generated_path ("many-strings.xlsx");
  assert_refused (path, 10, "200000", NULL);
}

static void
test_xlsx_many_lines_bounded (void)
{
  g_autofree char *path = generated_path ("lines-8000.xlsx");
  assert_refused (path, 30, "表3", "3000 lines", NULL);
}

static double
import_seconds (const char *name)
{
  g_autofree char *path = generated_path (name);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  gint64 start = g_get_monotonic_time ();

  document = gk_xlsx_import (path, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Twice the lines may cost a little more than twice the time (each line
 * goes into a table that grows), never the square. */
static void
test_xlsx_many_cells_linear (void)
{
  double small = import_seconds ("lines-1000.xlsx");
  double large = import_seconds ("lines-2000.xlsx");

  g_test_message ("1000 lines: %.2f s, 2000 lines: %.2f s", small, large);
  g_assert_cmpfloat (large, <, 15);
  g_assert_cmpfloat (large, <, 4 * small + 1);
}

/* A negative figure is left out with a line in the report; what is
 * imported can be saved and opened again. */
static void
import_save_load (const char *name,
                  const char *cell)
{
  g_autofree char *path = hostile_path (name);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-xlsx-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "imported.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);

  document = gk_xlsx_import (path, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, cell));
  g_assert_nonnull (strstr (report->str, "the cell is left empty"));
  g_assert_true (gk_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  again = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_unlink (out);
  g_rmdir (dir);
}

static void
test_xlsx_negative_amount_left_out (void)
{
  import_save_load ("xlsx-87-amount-neg.xlsx", "cell ");
  import_save_load ("xlsx-88-amount-paren.xlsx", "cell ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);

  g_test_add_func ("/xlsx-limits/internal-entities-refused", test_xlsx_internal_entities_refused);
  g_test_add_func ("/xlsx-limits/billion-laughs-refused", test_xlsx_billion_laughs_refused);
  g_test_add_func ("/xlsx-limits/external-entities-refused", test_xlsx_external_entities_refused);
  g_test_add_func ("/xlsx-limits/merge-area-bounded", test_xlsx_merge_area_bounded);
  g_test_add_func ("/xlsx-limits/many-cells-bounded", test_xlsx_many_cells_bounded);
  g_test_add_func ("/xlsx-limits/long-string-refused", test_xlsx_long_string_refused);
  g_test_add_func ("/xlsx-limits/many-strings-refused", test_xlsx_many_strings_refused);
  g_test_add_func ("/xlsx-limits/many-lines-bounded", test_xlsx_many_lines_bounded);
  g_test_add_func ("/xlsx-limits/many-cells-linear", test_xlsx_many_cells_linear);
  g_test_add_func ("/xlsx-limits/negative-amount-left-out", test_xlsx_negative_amount_left_out);

  return g_test_run ();
}
