/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-cli-malloc.h"
#include "gk-test-run.h"

/* `gongkai --export-pdf` starts itself once more with glibc's allocator
 * settings: only for that command, only once, keeping the user's own. */

#define OURS "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:" \
             "glibc.malloc.trim_threshold=268435456"

static void
test_wants (void)
{
  const char *plain[] = { NULL };
  const char *guarded[] = { GK_CLI_MALLOC_GUARD "=1", "HOME=/tmp", NULL };
  const char *export[] = { "gongkai", "--export-pdf", "out.pdf", "in.gongkai", NULL };
  const char *joined[] = { "gongkai", "--with-charts", "--export-pdf=out.pdf", "in.gongkai", NULL };
  const char *xlsx[] = { "gongkai", "--export-xlsx", "out.xlsx", "in.gongkai", NULL };
  const char *window[] = { "gongkai", "in.gongkai", NULL };
  const char *file_named[] = { "gongkai", "--", "--export-pdf", NULL };
  const char *similar[] = { "gongkai", "--export-pdfs", "out.pdf", "in.gongkai", NULL };

  g_assert_true (gk_cli_wants_tuned_malloc (export, plain));
  g_assert_true (gk_cli_wants_tuned_malloc (joined, plain));
  /* Started again already: never a second time. */
  g_assert_false (gk_cli_wants_tuned_malloc (export, guarded));
  g_assert_false (gk_cli_wants_tuned_malloc (joined, guarded));
  /* Other commands and the window keep the defaults. */
  g_assert_false (gk_cli_wants_tuned_malloc (xlsx, plain));
  g_assert_false (gk_cli_wants_tuned_malloc (window, plain));
  g_assert_false (gk_cli_wants_tuned_malloc (file_named, plain));
  g_assert_false (gk_cli_wants_tuned_malloc (similar, plain));
}

static void
test_environ (void)
{
  const char *none[] = { "HOME=/home/a", "LANG=zh_CN.UTF-8", NULL };
  const char *user[] = { "GLIBC_TUNABLES=glibc.malloc.hugetlb=0", "HOME=/home/a", NULL };
  const char *empty[] = { "GLIBC_TUNABLES=", NULL };
  g_auto(GStrv) tuned = gk_cli_tuned_environ (none);
  g_auto(GStrv) merged = gk_cli_tuned_environ (user);
  g_auto(GStrv) from_empty = gk_cli_tuned_environ (empty);

  g_assert_cmpstr (g_environ_getenv (tuned, "GLIBC_TUNABLES"), ==, OURS);
  g_assert_cmpstr (g_environ_getenv (tuned, GK_CLI_MALLOC_GUARD), ==, "1");
  g_assert_cmpstr (g_environ_getenv (tuned, "HOME"), ==, "/home/a");
  g_assert_cmpstr (g_environ_getenv (tuned, "LANG"), ==, "zh_CN.UTF-8");
  g_assert_cmpstr (g_environ_getenv (tuned, "CAIRO_DEBUG_PDF"), ==, "1");
  g_assert_cmpuint (g_strv_length (tuned), ==, 5);

  /* The user's settings come last: glibc keeps the last of a name. */
  g_assert_cmpstr (g_environ_getenv (merged, "GLIBC_TUNABLES"), ==, OURS ":glibc.malloc.hugetlb=0");
  g_assert_cmpstr (g_environ_getenv (merged, "HOME"), ==, "/home/a");
  g_assert_cmpstr (g_environ_getenv (from_empty, "GLIBC_TUNABLES"), ==, OURS);

  /* The new environment is what the restarted process judges by. */
  g_assert_false (gk_cli_wants_tuned_malloc ((const char *[]) { "gongkai", "--export-pdf", "o", "i", NULL },
                                             (const char * const *) tuned));
}

static int
count (const char *haystack,
       const char *needle)
{
  int n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The real program, started again once: one summary, one PDF, whether or
 * not the guard is already set; and an unreadable file is said once. */
static void
test_restart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-cli-malloc-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "v1",
                                          "urumqi-county-government-office-2020.gongkai", NULL);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.gongkai", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) guarded = { 0 };
  g_auto(Run) unreadable = { 0 };

  g_unsetenv (GK_CLI_MALLOC_GUARD);
  gk_test_run_gongkai (dir, NULL, &run, (const char *[]) { "--export-pdf", out, in, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (count (run.out, "out.pdf:"), ==, 1);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_unlink (out);

  g_setenv (GK_CLI_MALLOC_GUARD, "1", TRUE);
  gk_test_run_gongkai (dir, NULL, &guarded, (const char *[]) { "--export-pdf", out, in, NULL });
  g_unsetenv (GK_CLI_MALLOC_GUARD);
  g_assert_cmpint (guarded.status, ==, 0);
  g_assert_cmpint (count (guarded.out, "out.pdf:"), ==, 1);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_unlink (out);

  gk_test_run_gongkai (dir, NULL, &unreadable, (const char *[]) { "--export-pdf", out, missing, NULL });
  g_assert_cmpint (unreadable.status, ==, 2);
  g_assert_cmpint (count (unreadable.err, "Cannot read"), ==, 1);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-malloc/wants", test_wants);
  g_test_add_func ("/cli-malloc/environ", test_environ);
  g_test_add_func ("/cli-malloc/restart", test_restart);
  return g_test_run ();
}
