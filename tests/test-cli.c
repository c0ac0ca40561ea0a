/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "gk-document-io.h"
#include "gk-test-run.h"
#include "gk-test-template.h"

/* The template commands of the command line, run as a user runs them:
 * --list-templates, --new, and --template with --import-xlsx. */

typedef struct
{
  char *home;      /* XDG_DATA_HOME of the runs, with the test template */
  char *dir;       /* where the runs write */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->home = g_dir_make_tmp ("gongkai-cli-home-XXXXXX", NULL);
  f->dir = g_dir_make_tmp ("gongkai-cli-XXXXXX", NULL);
  gk_test_write_capital_template (f->home);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gk_test_remove_tree (f->home);
  gk_test_remove_tree (f->dir);
  g_free (f->home);
  g_free (f->dir);
}

/* Runs gongkai in the C locale (the messages as written) with the
 * fixture's data folder. */
static void
run_gongkai (Fixture            *f,
             Run                *run,
             const char * const *args)
{
  gk_test_run_gongkai (f->dir, f->home, run, args);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
workbook (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "xlsx", name, NULL);
}

static void
test_list_templates (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) broken = { 0 };
  g_autofree char *bad = g_build_filename (f->home, "gongkai", "templates", "broken.json", NULL);

  run_gongkai (f, &run, (const char *[]) { "--list-templates", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "xinjiang-2020\t新疆 县直部门 2020（九张表）\t9\n"));
  g_assert_nonnull (strstr (run.out, "capital-test\t测试 十张表（含国有资本经营）\t10\tuser template\n"));
  g_assert_null (strstr (run.out, "xinjiang-2020\t新疆 县直部门 2020（九张表）\t9\tuser"));
  /* Bundled before the user's. */
  g_assert_true (strstr (run.out, "xinjiang-2020") < strstr (run.out, "capital-test"));
  g_assert_cmpstr (run.err, ==, "");

  /* A user template that does not load is named on stderr; the others
   * are still listed. */
  g_assert_true (g_file_set_contents (bad, "{ \"id\": ", -1, NULL));
  run_gongkai (f, &broken, (const char *[]) { "--list-templates", NULL });
  g_assert_cmpint (broken.status, ==, 0);
  g_assert_nonnull (strstr (broken.out, "xinjiang-2020\t"));
  g_assert_nonnull (strstr (broken.out, "capital-test\t"));
  g_assert_nonnull (strstr (broken.err, "A user template cannot be used: "));
  g_assert_nonnull (strstr (broken.err, "broken.json"));
  g_assert_null (strstr (broken.out, "broken"));
}

/* --new, then --export-pdf and --check of what it made. */
static void
test_new_then_export (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = path_in (f, "new.gongkai");
  g_autofree char *pdf = path_in (f, "new.pdf");
  g_auto(Run) made = { 0 };
  g_auto(Run) exported = { 0 };
  g_auto(Run) checked = { 0 };
  g_autoptr(GkDocument) document = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;

  run_gongkai (f, &made, (const char *[]) { "--new", out, "--template", GK_TEST_CAPITAL_TEMPLATE,
                                            "--unit", "测试单位", "--year", "2021", "--money-unit", "元", NULL });
  g_assert_cmpint (made.status, ==, 0);
  g_assert_nonnull (strstr (made.out, "capital-test"));
  document = gk_test_load (out);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (document)), ==, GK_TEST_CAPITAL_TEMPLATE);
  g_assert_cmpstr (gk_document_get_unit (document), ==, "测试单位");
  g_assert_cmpuint (gk_document_get_year (document), ==, 2021);
  g_assert_cmpint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_YUAN);
  g_assert_nonnull (gk_document_get_table (document, "capital-expenditure"));
  g_assert_true (gk_table_is_empty (gk_document_get_table (document, "capital-expenditure")));

  run_gongkai (f, &exported, (const char *[]) { "--export-pdf", pdf, out, NULL });
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

  /* A blank disclosure has errors to fix (empty tables say nothing yet),
   * but it is read and checked: status 1, not 2. */
  run_gongkai (f, &checked, (const char *[]) { "--check", out, NULL });
  g_assert_cmpint (checked.status, ==, 1);
  g_assert_nonnull (strstr (checked.out, "capital-expenditure/empty-explanation"));
  g_assert_nonnull (strstr (checked.out, " errors, "));
}

/* Defaults: the seed's money unit and this year, an unnamed unit. */
static void
test_new_defaults (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = path_in (f, "plain.gongkai");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GkDocument) document = NULL;
  g_auto(Run) run = { 0 };

  run_gongkai (f, &run, (const char *[]) { "--new", out, "--template", "xinjiang-2020", NULL });
  g_assert_cmpint (run.status, ==, 0);
  document = gk_test_load (out);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (document)), ==, "xinjiang-2020");
  g_assert_cmpint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_WANYUAN);
  g_assert_cmpuint (gk_document_get_year (document), ==, (guint) g_date_time_get_year (now));
  g_assert_null (gk_document_get_table (document, "capital-expenditure"));
}

/* An existing file is kept unless --force. */
static void
test_new_refuses_existing (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out = path_in (f, "existing.gongkai");
  g_autofree char *after = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) forced = { 0 };

  g_assert_true (g_file_set_contents (out, "not to be lost", -1, NULL));
  run_gongkai (f, &refused, (const char *[]) { "--new", out, "--template", "xinjiang-2020", NULL });
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "already exists"));
  g_assert_nonnull (strstr (refused.err, "--force"));
  g_assert_true (g_file_get_contents (out, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "not to be lost");

  run_gongkai (f, &forced, (const char *[]) { "--new", out, "--template", GK_TEST_CAPITAL_TEMPLATE, "--force", NULL });
  g_assert_cmpint (forced.status, ==, 0);
  document = gk_test_load (out);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (document)), ==, GK_TEST_CAPITAL_TEMPLATE);
}

typedef struct
{
  const char *args[8];
  const char *message;
} Refusal;

/* Each wrong command line: status 2, a message, and no file. */
static void
test_new_errors (Fixture       *f,
                 gconstpointer  data)
{
  static const Refusal refusals[] = {
    { { "--template", "no-such-template", NULL }, "there is no template “no-such-template”; the templates are: " },
    { { NULL }, "--new needs --template ID, one of: " },
    { { "--template", "xinjiang-2020", "--year", "1800", NULL }, "--year 1800 is not a year a disclosure can have" },
    { { "--template", "xinjiang-2020", "--money-unit", "千元", NULL }, "--money-unit “千元” is not a unit of money" },
    { { "--template", "xinjiang-2020", "extra.gongkai", NULL }, "--new takes the new file and its template" },
  };
  g_autofree char *out = path_in (f, "refused.gongkai");

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(Run) run = { 0 };

      g_ptr_array_add (args, (char *) "--new");
      g_ptr_array_add (args, out);
      for (guint a = 0; refusals[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (char *) refusals[i].args[a]);
      g_ptr_array_add (args, NULL);
      run_gongkai (f, &run, (const char * const *) args->pdata);
      g_assert_cmpint (run.status, ==, 2);
      if (strstr (run.err, refusals[i].message) == NULL)
        g_error ("“%s” does not say “%s”", run.err, refusals[i].message);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  /* The unknown id's message lists the ids there are, the user's too. */
  {
    g_auto(Run) run = { 0 };
    run_gongkai (f, &run, (const char *[]) { "--new", out, "--template", "nope", NULL });
    g_assert_nonnull (strstr (run.err, "xinjiang-2020"));
    g_assert_nonnull (strstr (run.err, GK_TEST_CAPITAL_TEMPLATE));
  }
}

/* --import-xlsx with and without --template. */
static void
test_import_with_template (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *in = workbook ("capital.xlsx");
  g_autofree char *out = path_in (f, "imported.gongkai");
  g_autofree char *plain_out = path_in (f, "plain-import.gongkai");
  g_autofree char *refused_out = path_in (f, "refused-import.gongkai");
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) plain = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) plain_run = { 0 };
  g_auto(Run) refused = { 0 };
  GkTable *capital;
  GkAmount amount = 0;

  run_gongkai (f, &run, (const char *[]) { "--import-xlsx", in, "--template", GK_TEST_CAPITAL_TEMPLATE, out, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Template: 测试 十张表（含国有资本经营） (capital-test), as asked"));
  document = gk_test_load (out);
  capital = gk_document_get_table (document, "capital-expenditure");
  g_assert_nonnull (capital);
  g_assert_true (gk_row_get_amount (gk_table_lookup (capital, "2230105"), gk_table_column_index (capital, "project"),
                                    &amount));
  g_assert_cmpint (amount, ==, 3000);

  run_gongkai (f, &plain_run, (const char *[]) { "--import-xlsx", in, plain_out, NULL });
  g_assert_cmpint (plain_run.status, ==, 0);
  g_assert_nonnull (strstr (plain_run.out, "Template: "));
  plain = gk_test_load (plain_out);
  g_assert_false (gk_template_is_user (gk_document_get_template (plain)));

  run_gongkai (f, &refused, (const char *[]) { "--import-xlsx", in, "--template", "nope", refused_out, NULL });
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, "--import-xlsx: there is no template “nope”"));
  g_assert_false (g_file_test (refused_out, G_FILE_TEST_EXISTS));
}

/* --export-pdf says what it wrote and what the checks found; a document
 * with errors still exports (exit 0) unless --strict, and the red
 * placeholders that reach the PDF are named. */
static void
test_export_summary (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *seed = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "seed-as-published.gongkai", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "data", "samples",
                                              "urumqi-county-government-office-2020.gongkai", NULL);
  g_autofree char *pdf = path_in (f, "out.pdf");
  g_autofree char *next = path_in (f, "next.gongkai");

  {
    g_auto(Run) run = { 0 };

    run_gongkai (f, &run, (const char *[]) { "--export-pdf", pdf, sample, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_suffix (run.out, "out.pdf: 22 pages; checks: 0 errors, 0 warnings\n"));
    g_assert_null (strstr (run.out, "placeholder"));
  }
  {
    g_auto(Run) run = { 0 };

    run_gongkai (f, &run, (const char *[]) { "--export-pdf", pdf, seed, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "checks: 16 errors, 2 warnings"));
    g_assert_nonnull (strstr (run.out, "The document has errors"));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    g_remove (pdf);
    run_gongkai (f, &run, (const char *[]) { "--export-pdf", pdf, seed, "--strict", NULL });
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "The document has errors"));
  }
  {
    g_auto(Run) made = { 0 };
    g_auto(Run) run = { 0 };

    /* Next year before its reasons are written: each red placeholder. */
    run_gongkai (f, &made, (const char *[]) { "--next-year", sample, next, NULL });
    g_assert_cmpint (made.status, ==, 0);
    run_gongkai (f, &run, (const char *[]) { "--export-pdf", pdf, next, NULL });
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "placeholders still to fill in are printed in red:\n"));
    g_assert_nonnull (strstr (run.out, "(s8.change) （原因未填写）"));
    /* Named by the section a reader sees. */
    g_assert_nonnull (strstr (run.out, "“三公”经费"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("GK_GONGKAI") == NULL)
    {
      g_printerr ("GK_GONGKAI is not set: run this test through meson test\n");
      return 77;
    }
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/list-templates", test_list_templates);
  ADD ("/cli/new/then-export-and-check", test_new_then_export);
  ADD ("/cli/new/defaults", test_new_defaults);
  ADD ("/cli/new/refuses-existing", test_new_refuses_existing);
  ADD ("/cli/new/errors", test_new_errors);
  ADD ("/cli/import-xlsx/template", test_import_with_template);
  ADD ("/cli/export-pdf/summary", test_export_summary);
#undef ADD
  return g_test_run ();
}
