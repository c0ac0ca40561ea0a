/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gk-document-io.h"
#include "gk-indicator.h"
#include "gk-project.h"
#include "gk-pdf-finish.h"
#include "gk-pdf-export.h"
#include "gk-pdf-writer.h"
#include "gk-test-common.h"
#include "gk-test-pdf-drawn.h"

/* The typesetting of the exported PDF as a publisher checks it, read back
 * with poppler's and qpdf's command-line tools. */

static char *
export (GkDocument *document,
        gboolean    with_charts)
{
  GkPdfOptions options = { .with_charts = with_charts };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-typeset-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "disclosure.pdf", NULL);
  g_assert_true (gk_pdf_export (document, path, &options, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_export (char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
}

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, status, &error);
  g_assert_no_error (error);
  return out;
}

/* The lines of 第三部分, page by page, without the page numbers. */
static GPtrArray *
narrative_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status;
  g_autofree char *text = run (argv, &status);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean in_part = FALSE;

  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      GPtrArray *kept = g_ptr_array_new ();

      /* The contents page names every part. */
      if (strstr (pages[p], "第一部分") == NULL)
        {
          if (strstr (pages[p], "第三部分") != NULL)
            in_part = TRUE;
          if (strstr (pages[p], "第四部分") != NULL)
            in_part = FALSE;
        }
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = g_strstrip (g_strdup (lines[i]));

          if (line[0] == '\0' || g_str_has_prefix (line, "—"))
            continue;
          g_ptr_array_add (kept, g_steal_pointer (&line));
        }
      g_ptr_array_add (kept, NULL);
      if (in_part)
        g_ptr_array_add (result, g_ptr_array_free (kept, FALSE));
      else
        g_strfreev ((GStrv) g_ptr_array_free (kept, FALSE));
    }
  return result;
}

static gboolean
is_heading (const char *line)
{
  return g_regex_match_simple ("^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", line, 0, 0);
}

static guint
n_letters (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_ispunct (g_utf8_get_char (p)) && !g_unichar_isspace (g_utf8_get_char (p)))
      n++;
  return n;
}

/* Every amount of 情况说明 and of its 绩效目标表 has two decimals, no
 * figure is parted from its unit, no heading ends a page, no heading
 * leaves one character on a line of its own. */
static void
test_typeset_sample (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *path = export (document, FALSE);
  g_autoptr(GPtrArray) pages = narrative_pages (path);
  g_autoptr(GRegex) money = g_regex_new ("([0-9]+(\\.[0-9]+)?)万元(?!\\s*以\\s*上)", 0, 0, NULL);
  guint n_amounts = 0;

  g_assert_cmpuint (pages->len, >=, 3);
  for (guint p = 0; p < pages->len; p++)
    {
      GStrv lines = g_ptr_array_index (pages, p);
      guint n = g_strv_length (lines);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          for (g_regex_match (money, lines[i], 0, &match); g_match_info_matches (match);
               g_match_info_next (match, NULL))
            {
              g_autofree char *figure = g_match_info_fetch (match, 1);
              const char *dot = strchr (figure, '.');

              if (dot == NULL || strlen (dot) != 3)
                g_error ("page %u of 情况说明 quotes “%s万元”: %s", p + 1, figure, lines[i]);
              n_amounts++;
            }
          if (i + 1 < n && g_ascii_isdigit (lines[i][strlen (lines[i]) - 1]) &&
              (g_str_has_prefix (lines[i + 1], "万") || g_str_has_prefix (lines[i + 1], "元") ||
               g_str_has_prefix (lines[i + 1], "%")))
            g_error ("a figure parted from its unit: “%s” / “%s”", lines[i], lines[i + 1]);
          if (i > 0 && is_heading (lines[i - 1]) && g_utf8_strlen (lines[i], -1) == 1)
            g_error ("a heading leaves “%s” alone on a line", lines[i]);
          /* Nor does a paragraph end with one character and its
           * punctuation ("…见下" / "表："). */
          if (i > 0 && g_utf8_strlen (lines[i - 1], -1) >= 30 && n_letters (lines[i]) == 1)
            g_error ("a paragraph leaves “%s” alone on a line after “%s”", lines[i], lines[i - 1]);
        }
      if (n > 0 && p + 1 < pages->len && is_heading (lines[n - 1]))
        g_error ("the heading “%s” ends a page", lines[n - 1]);
    }
  /* (A threshold, 50万元以上, is wording.) 第三部分 and the six 绩效目标表 quote dozens of amounts. */
  g_assert_cmpuint (n_amounts, >, 30);
  remove_export (g_steal_pointer (&path));
}

static gboolean
qpdf_check (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = NULL;
  int status;

  out = run (argv, &status);
  if (!g_spawn_check_wait_status (status, NULL) || strstr (out, "damaged") != NULL)
    {
      g_printerr ("%s", out);
      return FALSE;
    }
  return TRUE;
}

/* qpdf finds nothing to repair in the sample, with its charts, and in a
 * disclosure of a thousand projects and their 绩效目标表. */
static void
test_typeset_valid (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkDocument) large = NULL;
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  char *plain, *charts, *thousand;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed: the PDF's structure is not checked");
      return;
    }
  plain = export (document, FALSE);
  charts = export (document, TRUE);
  g_assert_true (qpdf_check (plain));
  g_assert_true (qpdf_check (charts));
  remove_export (plain);
  remove_export (charts);

  large = gk_test_with_projects (1000);
  thousand = export (large, FALSE);
  g_assert_true (qpdf_check (thousand));
  remove_export (thousand);
}

/* The file says it is tagged, and its structure reads as the page does:
 * one Document, the parts as H1, tables with their header cells first. */
static void
test_typeset_tagged (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *path = export (document, FALSE);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  const char *struct_argv[] = { "pdfinfo", "-struct-text", path, NULL };
  g_autofree char *info = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *warnings = NULL;
  g_autoptr(GError) error = NULL;
  const char *part, *heading, *table, *header, *cell;
  int status;

  info = run (info_argv, &status);
  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  g_spawn_sync (NULL, (char **) struct_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &tree, &warnings, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* poppler names every element out of place. */
  g_assert_cmpstr (warnings, ==, "");
  g_assert_true (g_str_has_prefix (tree, "Document\n"));
  part = strstr (tree, "  H1 (block)\n    \"第三部分");
  g_assert_nonnull (part);
  heading = strstr (part, "  H2 (block)\n    \"一、");
  g_assert_nonnull (heading);
  table = strstr (tree, "  Table (block)\n    TR\n      TH\n");
  g_assert_nonnull (table);
  header = strstr (table, "TH\n");
  cell = strstr (table, "TD\n");
  g_assert_true (header != NULL && cell != NULL && header < cell);
  remove_export (g_steal_pointer (&path));
}

/* A 绩效目标表 taller than a page goes on under its caption with （续）
 * and its project, money, goal and indicator headings again. */
static void
test_typeset_tall_performance (void)
{
  g_autoptr(GkDocument) document = gk_test_with_projects (1);
  g_autoptr(GkProject) project = NULL;
  GListModel *projects = gk_document_get_projects (document);
  g_autofree char *path = NULL;
  const char *argv[] = { "pdftotext", "-layout", NULL, "-", NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_continued = 0;
  int status;

  project = g_list_model_get_item (projects, g_list_model_get_n_items (projects) - 1);
  for (guint k = 0; k < 90; k++)
    {
      g_autofree char *name = g_strdup_printf ("第%u项考核内容", k + 1);
      g_autoptr(GkIndicator) indicator = gk_indicator_new ("效益指标", "社会效益指标", name, "100%");

      gk_document_list_insert (document, gk_project_get_indicators (project), 0, indicator);
    }
  path = export (document, FALSE);
  argv[2] = path;
  text = run (argv, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = g_strsplit (text, "\f", -1);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      if (strstr (pages[p], "绩效目标表（续）") == NULL)
        continue;
      n_continued++;
      g_assert_nonnull (strstr (pages[p], "网格化管理经费1"));
      g_assert_nonnull (strstr (pages[p], "年度资金总额"));
      g_assert_nonnull (strstr (pages[p], "一级指标"));
      g_assert_nonnull (strstr (pages[p], "三级指标"));
    }
  g_assert_cmpuint (n_continued, >=, 1);
  g_assert_nonnull (strstr (text, "第1项考核内容"));
  g_assert_nonnull (strstr (text, "第90项考核内容"));
  remove_export (g_steal_pointer (&path));
}

/* Whether @bytes hold @text, binary streams and all. */
static gboolean
contains (GBytes     *bytes,
          const char *text)
{
  gsize size, length = strlen (text);
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return TRUE;
  return FALSE;
}

/* The same drawing gives the same file, and a file that is not a PDF is
 * refused with a message rather than written. */
static void
test_typeset_finish (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *path = export (document, FALSE);
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GBytes) drawn = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a PDF", 9);
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  drawn = g_bytes_new (data, length);
  first = gk_pdf_finish (drawn, "zh-CN", &error);
  g_assert_no_error (error);
  second = gk_pdf_finish (drawn, "zh-CN", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (contains (first, "/Lang (zh-CN)"));

  refused = gk_pdf_finish (junk, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER);
  g_clear_error (&error);

  /* Written into a stream, the same bytes; a stream that cannot take
   * them says so. */
  {
    g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
    g_autoptr(GOutputStream) closed = g_memory_output_stream_new_resizable ();
    g_autoptr(GBytes) streamed = NULL;

    g_assert_true (gk_pdf_finish_to_stream (drawn, "zh-CN", memory, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_output_stream_close (memory, NULL, NULL));
    streamed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
    g_assert_true (g_bytes_equal (first, streamed));

    g_assert_false (gk_pdf_finish_to_stream (junk, NULL, memory, NULL, &error));
    g_assert_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER);
    g_clear_error (&error);

    g_assert_true (g_output_stream_close (closed, NULL, NULL));
    g_assert_false (gk_pdf_finish_to_stream (drawn, "zh-CN", closed, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  }
  remove_export (g_steal_pointer (&path));
}

/* A name of tens of thousands of characters without a break opportunity
 * is set in linear time: before, 10 000 took minutes. */
static void
test_typeset_long_name (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GkDocument) document = NULL;
  g_autofree char *path = NULL;
  gint64 start;

  for (guint i = 0; i < 30000; i++)
    g_string_append_c (name, 'a' + i % 3);
  document = gk_document_new_blank (name->str, 2020, GK_MONEY_UNIT_WANYUAN);
  start = g_get_monotonic_time ();
  path = export (document, FALSE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
  remove_export (g_steal_pointer (&path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-typeset/sample", test_typeset_sample);
  g_test_add_func ("/pdf-typeset/valid", test_typeset_valid);
  g_test_add_func ("/pdf-typeset/tagged", test_typeset_tagged);
  g_test_add_func ("/pdf-typeset/tall-performance", test_typeset_tall_performance);
  g_test_add_func ("/pdf-typeset/finish", test_typeset_finish);
  g_test_add_func ("/pdf-typeset/long-name", test_typeset_long_name);

  return g_test_run ();
}
