/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-check-same-names.c — checking 情况说明 when two function rows share a
 * name (行政运行 under two 款) and a paragraph is hand-written. The checker
 * once read a freed name here: run under AddressSanitizer to see it. */

#include "config.h"

#include "gk-checker.h"
#include "gk-document.h"
#include "gk-document-io.h"

static void
check_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "check", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load (file, NULL, &error);
  g_autoptr(GkChecker) checker = NULL;

  g_assert_no_error (error);
  checker = gk_checker_new (document);
  gk_checker_update (checker);
  gk_checker_recheck_all (checker);
  /* The repeated name is still told apart by the 款 said before it. */
  g_assert_cmpuint (gk_checker_count_rule (checker, "narrative.prior-year"), >=, 1);
  g_assert_finalize_object (g_steal_pointer (&checker));
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_check_same_name_rows (void)
{
  check_fixture ("same-name-rows.gongkai");
}

static void
test_check_same_name_rows_fuzzed (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "check",
                                            "same-name-rows-fuzzed.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load (file, NULL, &error);
  g_autoptr(GkChecker) checker = NULL;

  g_assert_no_error (error);
  checker = gk_checker_new (document);
  gk_checker_update (checker);
  gk_checker_recheck_all (checker);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), >, 0);
  g_assert_finalize_object (g_steal_pointer (&checker));
  g_assert_finalize_object (g_steal_pointer (&document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/same-name-rows", test_check_same_name_rows);
  g_test_add_func ("/check/same-name-rows-fuzzed", test_check_same_name_rows_fuzzed);

  return g_test_run ();
}
