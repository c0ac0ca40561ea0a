/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-document-io.h"
#include "gk-pdf-export.h"
#include "gk-pdf-import.h"
#include "gk-test-common.h"

/* The words a 决算's PDF prints beside its tables, read back: 单位概况
 * under its headings, and a table's note printed over several lines,
 * Chinese joined without a space and Latin words with one. The texts
 * compared are the document's own, whatever its figures. */

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "final",
                           "zhashui-county-audit-bureau-2020-final.gongkai", NULL);
}

/* @document as its PDF, read back. */
static GkDocument *
round_trip (GkDocument *document,
            GString    *report)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-text-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "final.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GkDocument *back;

  g_assert_true (gk_pdf_export (document, pdf, NULL, &error));
  g_assert_no_error (error);
  back = gk_pdf_import (pdf, gk_document_get_template (document), report, &error);
  g_test_message ("%s", report->str);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  gk_test_remove_tree (dir);
  return back;
}

static char *
without_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
test_overview (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) back = NULL;
  GkOverview *a = gk_document_get_overview (original);
  GkOverview *b;

  g_assert_cmpstr (gk_overview_get_functions (a), !=, "");
  g_assert_cmpstr (gk_overview_get_structure (a), !=, "");
  back = round_trip (original, report);
  b = gk_document_get_overview (back);
  g_assert_cmpstr (gk_overview_get_functions (b), ==, gk_overview_get_functions (a));
  /* Spaces between Chinese and a figure are the typesetter's; the staff
   * sentence under the heading is composed, not kept. */
  {
    g_autofree char *sa = without_spaces (gk_overview_get_structure (a));
    g_autofree char *sb = without_spaces (gk_overview_get_structure (b));

    g_assert_cmpstr (sb, ==, sa);
  }
  g_assert_nonnull (strstr (report->str, "单位概况: 主要职能 kept as printed"));
}

/* A PDF without 单位概况 leaves it blank. */
static void
test_no_overview (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) back = NULL;
  GkOverview *overview = gk_document_get_overview (original);

  gk_document_set_text (original, overview, "functions", NULL);
  gk_document_set_text (original, overview, "structure", NULL);
  back = round_trip (original, report);
  {
    const char *functions = gk_overview_get_functions (gk_document_get_overview (back));

    g_assert_true (functions == NULL || functions[0] == '\0');
  }
  g_assert_null (strstr (report->str, "单位概况: 主要职能"));
}

static void
test_wrapped_note (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) back = NULL;
  GkTable *summary = gk_document_get_table (original, "final-summary");
  GkTable *income = gk_document_get_table (original, "final-income");
  const char *chinese = "注：本表反映部门本年度的总收支和年末结转结余情况，收入按来源、支出按功能分类和经济性质列示，"
                        "本年收入与本年支出之差连同年初结转和结余构成年末结转和结余，各项数字均以经审核的会计账簿为准，"
                        "金额单位为万元，保留两位小数，合计数因四舍五入可能与分项之和略有差异。";
  const char *latin = "注：Figures are those of the audited accounts of the year, in ten thousand yuan, rounded to "
                      "two decimals; totals may differ from the sum of their parts by rounding, and a blank cell "
                      "means that nothing was received or spent under that heading during the year 2020.";

  gk_document_set_text (original, summary, "note", chinese);
  gk_document_set_text (original, income, "note", latin);
  back = round_trip (original, report);
  g_assert_cmpstr (gk_table_get_note (gk_document_get_table (back, "final-summary")), ==, chinese);
  g_assert_cmpstr (gk_table_get_note (gk_document_get_table (back, "final-income")), ==, latin);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-pdf-final-text/overview", test_overview);
  g_test_add_func ("/import-pdf-final-text/no-overview", test_no_overview);
  g_test_add_func ("/import-pdf-final-text/wrapped-note", test_wrapped_note);
  return g_test_run ();
}
