/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "gk-checker.h"
#include "gk-document-io.h"
#include "gk-finding.h"
#include "gk-narrative.h"
#include "gk-pdf-export.h"
#include "gk-pdf-import.h"
#include "gk-test-common.h"

/* `document` printed and read back. */
static GkDocument *
round_trip (GkDocument *document,
            GString    *report)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-text-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sample.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GkDocument *back;

  g_assert_true (gk_pdf_export (document, pdf, NULL, &error));
  g_assert_no_error (error);
  back = gk_pdf_import (pdf, NULL, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_test_message ("%s", report->str);
  g_unlink (pdf);
  g_rmdir (dir);
  return back;
}

static GkProject *
project_named (GkDocument *document,
               const char *name)
{
  GListModel *projects = gk_document_get_projects (document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      if (g_strcmp0 (gk_project_get_name (project), name) == 0)
        return project;
    }
  return NULL;
}

static void
log_errors (GkChecker *checker)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_test_message ("%s: %s", gk_finding_get_rule_id (finding), gk_finding_get_message (finding));
    }
}

/* The sample's PDF reads back whole: the checks find nothing wrong, each
 * 绩效目标表 gives its project the same indicators, 情况说明's sections are
 * found and the published sentences kept, 表九's reason too. */
static void
test_sample (void)
{
  g_autoptr(GkDocument) original = gk_test_load_sample ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) back = round_trip (original, report);
  g_autoptr(GkChecker) checker = gk_checker_new (back);
  g_autoptr(GPtrArray) sections = NULL;
  GListModel *projects = gk_document_get_projects (original);
  const char *explanation;
  guint n_hand = 0;

  log_errors (checker);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      GkProject *read = project_named (back, gk_project_get_name (project));
      GListModel *a = gk_project_get_indicators (project);
      GListModel *b;

      g_assert_nonnull (read);
      b = gk_project_get_indicators (read);
      g_assert_cmpuint (g_list_model_get_n_items (b), ==, g_list_model_get_n_items (a));
      g_assert_cmpuint (g_list_model_get_n_items (b), >, 0);
      for (guint k = 0; k < g_list_model_get_n_items (a); k++)
        {
          g_autoptr(GkIndicator) x = g_list_model_get_item (a, k);
          g_autoptr(GkIndicator) y = g_list_model_get_item (b, k);

          g_assert_cmpstr (gk_indicator_get_level1 (y), ==, gk_indicator_get_level1 (x));
          g_assert_cmpstr (gk_indicator_get_level2 (y), ==, gk_indicator_get_level2 (x));
          g_assert_cmpstr (gk_indicator_get_name (y), ==, gk_indicator_get_name (x));
          g_assert_cmpstr (gk_indicator_get_target (y), ==, gk_indicator_get_target (x));
        }
      g_assert_cmpstr (gk_project_get_goal (read), ==, gk_project_get_goal (project));
      g_assert_cmpstr (gk_project_get_basis (read), ==, gk_project_get_basis (project));
      g_assert_cmpstr (gk_project_get_owner (read), ==, gk_project_get_owner (project));
      g_assert_nonnull (strstr (report->str, gk_project_get_name (project)));
    }

  /* Every section of 情况说明 is found by its heading. */
  sections = gk_narrative_compose (back);
  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = sections->pdata[s];
      g_autofree char *heading = gk_narrative_section_heading (section);
      g_autofree char *line = g_strdup_printf ("情况说明 “%s”", heading);

      g_assert_nonnull (strstr (report->str, line));
      for (guint p = 0; p < section->paragraphs->len; p++)
        n_hand += ((GkParagraph *) section->paragraphs->pdata[p])->hand_written;
    }
  g_assert_cmpuint (n_hand, >, 0);
  /* The reasons the sample typed are published sentences, kept. */
  {
    g_autofree char *text = gk_narrative_dup_text (sections);
    g_assert_nonnull (strstr (text, "主要原因是今年人员减少，预算经费压减"));
    g_assert_nonnull (strstr (text, "政府采购货物预算7.00万元"));
    /* 第四部分 名词解释 is not part of 情况说明's last section. */
    g_assert_null (strstr (text, "名词解释"));
  }
  g_assert_nonnull (strstr (report->str, "under no heading of 情况说明"));

  explanation = gk_table_get_empty_explanation (gk_document_get_table (back, "fund-expenditure"));
  g_assert_cmpstr (explanation, ==,
                   gk_table_get_empty_explanation (gk_document_get_table (original, "fund-expenditure")));
}

/* A wrong figure in the published 情况说明 is kept as published, and the
 * checks then name it. */
static void
test_wrong_figure (void)
{
  g_autoptr(GkDocument) original = gk_test_load_sample ();
  g_autoptr(GPtrArray) sections = gk_narrative_compose (original);
  const GkParagraph *paragraph = gk_narrative_lookup_paragraph (sections, "s1.total");
  g_autofree char *text = NULL;
  g_autoptr(GString) wrong = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) back = NULL;
  g_autoptr(GkChecker) checker = NULL;
  const char *at;
  guint n = 0;

  g_assert_nonnull (paragraph);
  text = gk_paragraph_dup_text (paragraph);
  at = strstr (text, "355.08");
  g_assert_nonnull (at);
  wrong = g_string_new_len (text, at - text);
  g_string_append (wrong, "366.08");
  g_string_append (wrong, at + strlen ("355.08"));
  gk_document_set_hand_written (original, "s1.total", wrong->str);

  back = round_trip (original, report);
  checker = gk_checker_new (back);
  log_errors (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      n += strstr (gk_finding_get_message (finding), "366.08") != NULL;
    }
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (gk_checker_get_n_errors (checker), >, 0);
}

static char *
page_text (const char *pdf,
           guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", first, "-l", first, pdf, "-", NULL };
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  return out;
}

/* A published PDF whose 绩效目标表 prints "网站维护费" for the project 项目支出表
 * lists as 网站维护 (made from the sample's pages, those from the first
 * 绩效目标表 on printed with the longer name): the form goes to that
 * project, its printed name is kept, and the check names both. */
static void
test_performance_name (void)
{
  g_autoptr(GkDocument) original = gk_test_load_sample ();
  g_autoptr(GkDocument) renamed = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-name-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.pdf", NULL);
  g_autofree char *b = g_build_filename (dir, "b.pdf", NULL);
  g_autofree char *c = g_build_filename (dir, "c.pdf", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) back = NULL;
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *from = NULL;
  GkProject *project;
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  guint form = 0, found = 0;
  int status = 0;

  if (qpdf == NULL || pdftotext == NULL)
    {
      g_test_skip ("qpdf or pdftotext is not installed (build-aux/deps installs them)");
      return;
    }
  gk_document_set_text (renamed, project_named (renamed, "网站维护"), "name", "网站维护费");
  g_assert_true (gk_pdf_export (original, a, NULL, &error));
  g_assert_true (gk_pdf_export (renamed, b, NULL, &error));
  g_assert_no_error (error);
  for (guint page = 3; page < 60 && form == 0; page++)
    {
      g_autofree char *text = page_text (a, page);
      g_autofree char *other = page_text (b, page);

      g_assert_cmpuint (strlen (text), >, 0);
      if (strstr (text, "一级指标") != NULL)
        {
          /* Both print their forms from the same page on. */
          g_assert_nonnull (strstr (other, "一级指标"));
          form = page;
        }
    }
  g_assert_cmpuint (form, >, 3);
  before = g_strdup_printf ("1-%u", form - 1);
  from = g_strdup_printf ("%u-z", form);
  {
    const char *argv[] = { "qpdf", "--empty", "--pages", a, before, b, from, "--", c, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
  }

  back = gk_pdf_import (c, NULL, report, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report->str);
  project = project_named (back, "网站维护");
  g_assert_nonnull (project);
  g_assert_null (project_named (back, "网站维护费"));
  g_assert_cmpuint (g_list_model_get_n_items (gk_project_get_indicators (project)), ==,
                    g_list_model_get_n_items (gk_project_get_indicators (project_named (original, "网站维护"))));
  g_assert_cmpstr (gk_project_get_performance_name (project), ==, "网站维护费");
  g_assert_nonnull (strstr (report->str, "网站维护费"));

  checker = gk_checker_new (back);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      if (g_str_equal (gk_finding_get_rule_id (finding), "performance.name"))
        {
          g_assert_nonnull (strstr (gk_finding_get_message (finding), "“网站维护费”"));
          g_assert_nonnull (strstr (gk_finding_get_message (finding), "“网站维护”"));
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);

  /* The sample's own PDF names each project once: no such finding. */
  g_clear_object (&checker);
  g_clear_object (&back);
  g_string_truncate (report, 0);
  back = gk_pdf_import (a, NULL, report, &error);
  g_assert_no_error (error);
  checker = gk_checker_new (back);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_assert_cmpstr (gk_finding_get_rule_id (finding), !=, "performance.name");
    }
  g_unlink (a);
  g_unlink (b);
  g_unlink (c);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-pdf-text/sample", test_sample);
  g_test_add_func ("/import-pdf-text/wrong-figure", test_wrong_figure);
  g_test_add_func ("/import-pdf-text/performance-name", test_performance_name);
  return g_test_run ();
}
