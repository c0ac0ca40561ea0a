/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gk-disclosure-layout.h"
#include "gk-document-io.h"
#include "gk-narrative.h"
#include "gk-pdf-export.h"
#include "gk-test-common.h"

/* The exported disclosure, read back with poppler's command-line tools as
 * a reader of the published PDF would see it. */

typedef struct
{
  char       *dir;
  char       *path;
  GkDocument *document;
} Exported;

/* Helpers ------------------------------------------------------------------ */

static void
exported_free (Exported *exported)
{
  gk_test_remove_tree (exported->dir);
  g_free (exported->dir);
  g_free (exported->path);
  g_clear_object (&exported->document);
  g_free (exported);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Exported, exported_free)

static Exported *
export (GkDocument   *document,
        gboolean      with_charts)
{
  Exported *exported = g_new0 (Exported, 1);
  GkPdfOptions options = { .with_charts = with_charts };
  g_autoptr(GError) error = NULL;

  exported->dir = g_dir_make_tmp ("gongkai-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  exported->path = g_build_filename (exported->dir, "disclosure.pdf", NULL);
  exported->document = g_object_ref (document);
  g_assert_true (gk_pdf_export (document, exported->path, &options, &error));
  g_assert_no_error (error);
  return exported;
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static char *
pdfinfo (const char *path,
         const char *option)
{
  const char *argv[] = { "pdfinfo", option ? option : path, option ? path : NULL, NULL };
  return run (argv);
}

/* The text of every page, pages[0] being page 1: pdftotext ends each
 * page with a form feed. One run per document, not per page. */
static GStrv
pages_text (const char *path,
            gboolean    raw)
{
  const char *argv[] = { "pdftotext", raw ? "-raw" : "-layout", path, "-", NULL };
  g_autofree char *text = run (argv);
  return g_strsplit (text, "\f", -1);
}

static char *
page_text (const char *path,
           guint       page,
           gboolean    raw)
{
  g_auto(GStrv) pages = pages_text (path, raw);

  g_assert_cmpuint (page, >=, 1);
  g_assert_cmpuint (page, <=, g_strv_length (pages));
  return g_strdup (pages[page - 1]);
}

/* Text without any white space, so that a phrase can be found whatever
 * the line breaks and justification. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static guint
n_pages (const char *path)
{
  g_autofree char *info = pdfinfo (path, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("^Pages:\\s+(\\d+)$", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *pages = NULL;

  g_assert_true (g_regex_match (regex, info, 0, &match));
  pages = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static char *
info_field (const char *info,
            const char *field)
{
  g_autofree char *pattern = g_strdup_printf ("^%s:\\s+(.*)$", field);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, info, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* Each page's size in whole points, "595x842" or "842x595". */
static GPtrArray *
page_sizes (const char *path)
{
  guint n = n_pages (path);
  g_autofree char *last = g_strdup_printf ("%u", n);
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", last, path, NULL };
  g_autofree char *info = run (argv);
  g_autoptr(GRegex) regex = g_regex_new ("^Page\\s+(\\d+) size:\\s+([0-9.]+) x ([0-9.]+) pts", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) rot = g_regex_new ("^Page\\s+\\d+ rot:\\s+(\\d+)", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *sizes = g_ptr_array_new_with_free_func (g_free);

  for (g_regex_match (regex, info, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *w = g_match_info_fetch (match, 2);
      g_autofree char *h = g_match_info_fetch (match, 3);

      g_ptr_array_add (sizes, g_strdup_printf ("%.0fx%.0f", g_ascii_strtod (w, NULL), g_ascii_strtod (h, NULL)));
    }
  g_clear_pointer (&match, g_match_info_unref);
  for (g_regex_match (rot, info, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *angle = g_match_info_fetch (match, 1);
      g_assert_cmpstr (angle, ==, "0");
    }
  g_assert_cmpuint (sizes->len, ==, n);
  return sizes;
}

/* The 1-based page a named destination is on, from pdfinfo -dests. */
static guint
dest_page (const char *dests,
           const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("^\\s*(\\d+)\\s+\\[.*\\]\\s+\"%s\"", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *page = NULL;

  if (!g_regex_match (regex, dests, 0, &match))
    g_error ("No destination “%s” in:\n%s", name, dests);
  page = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (page, NULL, 10);
}

static GkTable *
table (GkDocument *document,
       const char *id)
{
  return gk_document_get_table (document, id);
}

/* The sample --------------------------------------------------------------- */

static Exported *sample = NULL;

static Exported *
sample_pdf (void)
{
  if (sample == NULL)
    {
      g_autoptr(GkDocument) document = gk_test_load_sample ();
      sample = export (document, FALSE);
    }
  return sample;
}

static void
test_pdf_sample_pages (void)
{
  Exported *pdf = sample_pdf ();
  g_autoptr(GkPageLayout) layout = gk_disclosure_layout_new (pdf->document, NULL);
  g_autoptr(GPtrArray) sizes = page_sizes (pdf->path);
  g_autofree char *dests = pdfinfo (pdf->path, "-dests");
  guint n = n_pages (pdf->path);

  /* Cover, 目录, 单位概况, nine tables, 情况说明, 名词解释 at the least. */
  g_assert_cmpuint (n, ==, gk_page_layout_get_n_pages (layout));
  g_assert_cmpuint (n, >=, 14);

  for (guint i = 0; i < gk_document_get_n_tables (pdf->document); i++)
    {
      GkTable *t = gk_document_get_table_at (pdf->document, i);
      g_autofree char *anchor = g_strdup_printf ("table-t%u", gk_table_get_schema (t)->position + 1);
      g_autofree char *next = i + 1 < gk_document_get_n_tables (pdf->document)
        ? g_strdup_printf ("table-t%u", i + 2)
        : g_strdup ("part3");
      guint first = dest_page (dests, anchor);
      guint end = dest_page (dests, next);
      gboolean landscape = gk_table_get_schema (t)->landscape;
      g_autofree char *text = page_text (pdf->path, first, FALSE);
      g_autofree char *flat = squeeze (text);

      g_assert_nonnull (strstr (flat, gk_table_get_schema (t)->title));
      /* Each table starts its own page; 表二 and 表七 and their
       * continuation pages are landscape A4, the others portrait. */
      g_assert_cmpuint (end, >, first);
      for (guint p = first; p < end; p++)
        g_assert_cmpstr (sizes->pdata[p - 1], ==, landscape ? "842x595" : "595x842");
    }
  g_assert_true (gk_table_get_schema (table (pdf->document, "income"))->landscape);
  g_assert_true (gk_table_get_schema (table (pdf->document, "project-expenditure"))->landscape);

  /* Everything outside the two wide tables is portrait A4. */
  for (guint p = 1; p < dest_page (dests, "table-t1"); p++)
    g_assert_cmpstr (sizes->pdata[p - 1], ==, "595x842");
  for (guint p = dest_page (dests, "part3"); p <= n; p++)
    g_assert_cmpstr (sizes->pdata[p - 1], ==, "595x842");
}

static void
test_pdf_sample_metadata (void)
{
  Exported *pdf = sample_pdf ();
  g_autofree char *info = pdfinfo (pdf->path, NULL);
  g_autofree char *title = info_field (info, "Title");
  g_autofree char *author = info_field (info, "Author");
  g_autofree char *subject = info_field (info, "Subject");
  g_autofree char *creator = info_field (info, "Creator");

  g_assert_cmpstr (title, ==, "乌鲁木齐县人民政府办公室2020年部门预算公开");
  g_assert_cmpstr (author, ==, "乌鲁木齐县人民政府办公室");
  g_assert_cmpstr (subject, ==, "2020年部门预算公开");
  g_assert_cmpstr (creator, ==, "Gongkai " PACKAGE_VERSION);
}

static void
test_pdf_sample_fonts (void)
{
  Exported *pdf = sample_pdf ();
  const char *argv[] = { "pdffonts", pdf->path, NULL };
  g_autofree char *fonts = run (argv);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  const char *expected[] = { "NotoSerifCJKsc-Regular", "NotoSansCJKsc-Regular", "NotoSansCJKsc-Bold" };
  guint n_fonts = 0;

  /* Every font embedded: "emb" is the first yes/no column. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n = 0;

      if (lines[i][0] == '\0')
        continue;
      fields = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      n = g_strv_length (fields);
      g_assert_cmpuint (n, >=, 7);
      g_assert_cmpstr (fields[n - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >=, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (fonts, expected[i]) == NULL)
      g_error ("%s is not embedded:\n%s", expected[i], fonts);
}

/* Every figure the seed prints in its nine tables. */
static const struct {
  const char *id;
  const char *figures[32];
} seed_figures[] = {
  { "income-summary", { "355.08", "336.06", "19.02", NULL } },
  { "income", { "336.06", "265.06", "71.00", "19.02", "355.08", NULL } },
  { "expenditure", { "336.06", "284.08", "71.00", "265.06", "19.02", "355.08", NULL } },
  { "fiscal-summary", { "355.08", "336.06", "19.02", NULL } },
  { "general-expenditure", { "336.06", "284.08", "71.00", "265.06", "19.02", "355.08", NULL } },
  { "basic-expenditure", { "188.38", "59.02", "48.85", "4.92", "7.52", "19.02", "17.98", "4.00", "0.95", "21.32",
            "4.80", "58.53", "2.70", "1.00", "0.50", "0.45", "1.47", "3.39", "48.60", "0.42",
            "37.17", "2.68", "0.89", "33.60", "284.08", "225.55", NULL } },
  { "project-expenditure", { "71.00", "5.00", "11.00", "7.00", "4.00", "40.00", NULL } },
  { "sangong", { "49.05", "0.00", "48.60", "0.45", NULL } },
  { "fund-expenditure", { NULL } },
};

static void
test_pdf_sample_figures (void)
{
  Exported *pdf = sample_pdf ();
  g_autofree char *dests = pdfinfo (pdf->path, "-dests");
  g_autoptr(GRegex) figure = g_regex_new ("(?<![0-9.])[0-9]+\\.[0-9]{2}(?![0-9])", 0, 0, NULL);

  g_auto(GStrv) pages = pages_text (pdf->path, FALSE);

  for (guint t = 0; t < G_N_ELEMENTS (seed_figures); t++)
    {
      g_autofree char *anchor = g_strdup_printf ("table-t%u",
                                                 gk_table_get_schema (gk_document_get_table (pdf->document, seed_figures[t].id))->position + 1);
      const char *text = pages[dest_page (dests, anchor) - 1];
      g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GMatchInfo) match = NULL;

      for (g_regex_match (figure, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        g_hash_table_add (present, g_match_info_fetch (match, 0));
      for (guint i = 0; seed_figures[t].figures[i] != NULL; i++)
        if (!g_hash_table_contains (present, seed_figures[t].figures[i]))
          g_error ("The page of %s lacks the seed's figure %s:\n%s", seed_figures[t].id,
                   seed_figures[t].figures[i], text);

      /* 表九 is empty: printed empty, with its reason, never with zeros. */
      if (g_str_equal (seed_figures[t].id, "fund-expenditure"))
        {
          g_autofree char *flat = squeeze (text);

          g_assert_cmpuint (g_hash_table_size (present), ==, 0);
          g_assert_nonnull (strstr (flat, "2020年没有使用政府性基金预算拨款安排的支出"));
          g_assert_null (strstr (text, " 0 "));
        }
    }
}

static void
test_pdf_sample_projects (void)
{
  Exported *pdf = sample_pdf ();
  const char *argv[] = { "pdftotext", "-raw", pdf->path, "-", NULL };
  g_autofree char *text = run (argv);
  g_autofree char *flat = squeeze (text);
  GListModel *projects = gk_document_get_projects (pdf->document);

  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      g_autofree char *subheading = g_strconcat ("项目名称：", gk_project_get_name (project), NULL);
      guint count = 0;

      /* In 表七, in 情况说明 and in its 绩效目标表, always whole. */
      g_assert_nonnull (strstr (flat, subheading));
      for (const char *p = flat; (p = strstr (p, gk_project_get_name (project))) != NULL; p++)
        count++;
      g_assert_cmpuint (count, >=, 3);
    }
}

static void
test_pdf_sample_headings (void)
{
  Exported *pdf = sample_pdf ();
  g_autofree char *dests = pdfinfo (pdf->path, "-dests");
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sections = gk_narrative_compose (pdf->document);
  g_autoptr(GString) body = g_string_new (NULL);
  g_auto(GStrv) pages = NULL;
  const char *at;

  g_ptr_array_add (headings, g_strdup ("第一部分乌鲁木齐县人民政府办公室单位概况"));
  g_ptr_array_add (headings, g_strdup ("一、主要职能"));
  g_ptr_array_add (headings, g_strdup ("二、机构设置及人员情况"));
  g_ptr_array_add (headings, g_strdup ("实有人数27人"));
  g_ptr_array_add (headings, g_strdup ("第二部分2020年部门预算公开表"));
  for (guint i = 0; i < gk_document_get_n_tables (pdf->document); i++)
    {
      const GkTableSchema *schema = gk_table_get_schema (gk_document_get_table_at (pdf->document, i));
      g_autofree char *label = gk_table_schema_dup_label (schema);

      g_ptr_array_add (headings, g_strdup (label));
      g_ptr_array_add (headings, g_strdup (schema->title));
      g_ptr_array_add (headings, g_strdup ("编制部门：乌鲁木齐县人民政府办公室"));
      g_ptr_array_add (headings, g_strdup ("单位：万元"));
      g_ptr_array_add (headings, g_strdup ("备注："));
    }
  g_ptr_array_add (headings, g_strdup ("第三部分2020年部门预算情况说明"));
  for (guint i = 0; i < sections->len; i++)
    {
      g_autofree char *heading = gk_narrative_section_heading (sections->pdata[i]);
      g_ptr_array_add (headings, squeeze (heading));
    }
  g_ptr_array_add (headings, g_strdup ("项目支出绩效目标表"));
  g_ptr_array_add (headings, g_strdup ("第四部分名词解释"));
  g_ptr_array_add (headings, g_strdup ("一、财政拨款："));
  g_ptr_array_add (headings, g_strdup ("六、机关运行经费："));
  g_ptr_array_add (headings, g_strdup ("乌鲁木齐县人民政府办公室2020年2月3日"));

  /* The body starts after 目录. */
  pages = pages_text (pdf->path, FALSE);
  for (guint p = dest_page (dests, "part1"); p <= g_strv_length (pages); p++)
    {
      g_autofree char *flat = squeeze (pages[p - 1]);
      g_string_append (body, flat);
    }

  at = body->str;
  for (guint i = 0; i < headings->len; i++)
    {
      const char *found = strstr (at, headings->pdata[i]);

      if (found == NULL)
        g_error ("“%s” is missing or out of order", (char *) headings->pdata[i]);
      at = found + strlen (headings->pdata[i]);
    }
}

/* The number printed in 目录 for each entry is the page it starts on, and
 * the entry links to that page. */
static void
test_pdf_sample_contents (void)
{
  Exported *pdf = sample_pdf ();
  g_autofree char *dests = pdfinfo (pdf->path, "-dests");
  guint contents = dest_page (dests, "contents");
  guint total = n_pages (pdf->path);
  g_auto(GStrv) pages = pages_text (pdf->path, FALSE);
  g_auto(GStrv) lines = g_strsplit (pages[contents - 1], "\n", -1);
  g_autoptr(GRegex) entry = g_regex_new ("^\\s*(\\S.*?)\\s+(\\d+)\\s*$", 0, 0, NULL);
  g_autoptr(GString) pending = g_string_new (NULL);
  g_autofree char *raw = NULL;
  const char *parts[] = { "part1", "part2", "part3", "part4" };
  guint n_entries = 0, n_parts = 0;
  gsize length;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *title = NULL;
      g_autofree char *number = NULL;
      g_autofree char *flat = NULL;
      g_autofree char *target = NULL;
      g_autofree char *target_flat = NULL;
      const char *name;
      guint page;

      if (strstr (lines[i], "—") != NULL || (strstr (lines[i], "目") != NULL && strstr (lines[i], "录") != NULL))
        continue;
      if (!g_regex_match (entry, lines[i], 0, &match))
        {
          /* An entry wrapped onto a second line. */
          g_string_append (pending, lines[i]);
          continue;
        }
      title = g_match_info_fetch (match, 1);
      number = g_match_info_fetch (match, 2);
      g_string_append (pending, title);
      flat = squeeze (pending->str);
      g_string_truncate (pending, 0);
      page = (guint) g_ascii_strtoull (number, NULL, 10);
      g_assert_cmpuint (page, >, contents);
      g_assert_cmpuint (page, <=, total);

      /* The title as printed on its page, less the 一、 of a table's entry. */
      name = flat;
      if (strstr (flat, "、") != NULL && strstr (flat, "表") != NULL && strstr (flat, "关于") == NULL)
        name = strstr (flat, "、") + strlen ("、");
      target = g_strdup (pages[page - 1]);
      target_flat = squeeze (target);
      if (strstr (target_flat, name) == NULL)
        g_error ("目录 says “%s” is on page %u, which reads:\n%s", flat, page, target);
      n_entries++;

      if (g_str_has_prefix (flat, "第") && strstr (flat, "部分") != NULL)
        {
          g_assert_cmpuint (n_parts, <, G_N_ELEMENTS (parts));
          g_assert_cmpuint (dest_page (dests, parts[n_parts]), ==, page);
          n_parts++;
        }
    }
  /* 4 parts, 2 + 9 + 10 entries under them. */
  g_assert_cmpuint (n_parts, ==, 4);
  g_assert_cmpuint (n_entries, ==, 4 + 2 + 9 + 10);

  /* The entries are links to named destinations: their annotations,
   * read out of the compressed object streams they travel in. */
  {
    g_autofree char *plain = g_build_filename (pdf->dir, "plain.pdf", NULL);
    const char *argv[] = { "qpdf", "--object-streams=disable", pdf->path, plain, NULL };

    g_free (run (argv));
    g_file_get_contents (plain, &raw, &length, NULL);
    g_unlink (plain);
  }
  g_assert_nonnull (raw);
  {
    guint links = 0;

    const char *needle = "/Subtype /Link";

    /* The file has binary streams: no string functions. */
    for (gsize i = 0; i + strlen (needle) <= length; i++)
      if (memcmp (raw + i, needle, strlen (needle)) == 0)
        links++;
    g_assert_cmpuint (links, >=, n_entries);
  }
}

static void
test_pdf_sample_outline (void)
{
  Exported *pdf = sample_pdf ();
  g_autoptr(GkPageLayout) layout = gk_disclosure_layout_new (pdf->document, NULL);
  g_autofree char *dests = pdfinfo (pdf->path, "-dests");
  guint parts = 0, children = 0;

  g_assert_cmpuint (gk_page_layout_get_n_outline (layout), >, 0);
  for (guint i = 0; i < gk_page_layout_get_n_outline (layout); i++)
    {
      const char *title, *anchor;
      guint parent;

      gk_page_layout_get_outline (layout, i, &parent, &title, &anchor);
      /* Each bookmark points at a destination the PDF has. */
      g_assert_cmpint (dest_page (dests, anchor), ==, gk_page_layout_lookup_anchor (layout, anchor) + 1);
      if (parent == 0)
        parts++;
      else
        children++;
    }
  /* 目录 and the four parts; 2 + 9 + 10 under them. */
  g_assert_cmpuint (parts, ==, 5);
  g_assert_cmpuint (children, ==, 21);
}

/* Long tables -------------------------------------------------------------- */

static void
test_pdf_long_projects (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(Exported) pdf = NULL;
  g_autofree char *dests = NULL;
  GkTable *t7 = table (document, "project-expenditure");
  int e302 = gk_table_column_index (t7, "e302");
  g_auto(GStrv) layout_pages = NULL;
  g_auto(GStrv) raw_pages = NULL;
  guint first, end, n_found = 0;

  for (guint i = 0; i < 200; i++)
    {
      /* Long enough to wrap in its cell: a cut row would split it. */
      g_autofree char *name = g_strdup_printf ("第%u号重要节日重大会议期间值班备勤工作经费", i + 1);
      GkProject *project = gk_document_add_project (document, name, "2010399");
      g_autoptr(GError) error = NULL;

      gk_document_set_amount_text (document, gk_project_get_row (project), e302, "1.25", &error);
      g_assert_no_error (error);
    }

  pdf = export (document, FALSE);
  dests = pdfinfo (pdf->path, "-dests");
  first = dest_page (dests, "table-t7");
  end = dest_page (dests, "table-t8");
  g_assert_cmpuint (end - first, >=, 5);

  layout_pages = pages_text (pdf->path, FALSE);
  raw_pages = pages_text (pdf->path, TRUE);
  for (guint p = first; p < end; p++)
    {
      g_autofree char *flat_text = squeeze (layout_pages[p - 1]);
      g_autofree char *flat = squeeze (raw_pages[p - 1]);

      /* The header on every page of the table. */
      g_assert_nonnull (strstr (flat_text, "项目名称"));
      g_assert_nonnull (strstr (flat, "科目编码"));
      g_assert_nonnull (strstr (flat, "项目支出合计"));
      if (p > first)
        g_assert_nonnull (strstr (flat, "表七项目支出情况表（续）"));

      /* A row cut by the page would leave no page with its whole name. */
      for (guint i = 0; i < 200; i++)
        {
          g_autofree char *name = g_strdup_printf ("第%u号重要节日重大会议期间值班备勤工作经费", i + 1);

          for (const char *q = flat; (q = strstr (q, name)) != NULL; q++)
            n_found++;
        }
    }
  /* Each name once in 表七, whole on one page. */
  g_assert_cmpuint (n_found, ==, 200);
}

/* Files -------------------------------------------------------------------- */

static guint
count_files (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

static void
test_pdf_atomic_replace (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "disclosure.pdf", NULL);
  g_autofree char *blocked = g_build_filename (dir, "folder.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_true (gk_pdf_export (document, path, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strrstr_len (contents + length - 16, 16, "%%EOF"));
  /* No temporary file left beside it. */
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* A target that cannot be replaced: an error naming it, nothing left. */
  g_mkdir (blocked, 0755);
  g_assert_false (gk_pdf_export (document, blocked, NULL, &error));
  g_assert_error (error, GK_PDF_ERROR, GK_PDF_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "folder.pdf"));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 2);
  g_assert_true (g_file_test (blocked, G_FILE_TEST_IS_DIR));

  g_assert_false (gk_pdf_export (document, missing, NULL, &error));
  g_assert_error (error, GK_PDF_ERROR, GK_PDF_ERROR_WRITE);
  g_clear_error (&error);

  gk_test_remove_tree (dir);
}

static void
test_pdf_missing_font (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "disclosure.pdf", NULL);
  GkPdfOptions options = { .body_font = "No Such Font Gongkai" };
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_pdf_export (document, path, &options, &error));
  g_assert_error (error, GK_PDF_ERROR, GK_PDF_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "No Such Font Gongkai"));
  g_assert_cmpuint (count_files (dir), ==, 0);
  gk_test_remove_tree (dir);
}

/* Other parts -------------------------------------------------------------- */

static void
test_pdf_charts (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(Exported) pdf = export (document, TRUE);
  g_autofree char *dests = pdfinfo (pdf->path, "-dests");
  guint appendix = dest_page (dests, "appendix");
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) pages = NULL;
  g_autofree char *contents = page_text (pdf->path, dest_page (dests, "contents"), FALSE);
  g_autofree char *flat_contents = squeeze (contents);

  g_assert_nonnull (strstr (flat_contents, "附录图表"));
  g_assert_cmpuint (appendix, >, dest_page (dests, "part4"));
  pages = pages_text (pdf->path, FALSE);
  for (guint p = appendix; p <= g_strv_length (pages); p++)
    {
      g_autofree char *flat = squeeze (pages[p - 1]);
      g_string_append (text, flat);
    }
  g_assert_nonnull (strstr (text->str, "附录图表"));
  /* The charts label their values: the sample's two function 类. */
  g_assert_nonnull (strstr (text->str, "336.06"));
  g_assert_nonnull (strstr (text->str, "19.02"));
}

/* A new document, nothing entered yet: every part is there, every table
 * printed empty, in 元. */
static void
test_pdf_blank (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2021, GK_MONEY_UNIT_YUAN);
  g_autoptr(Exported) pdf = export (document, FALSE);
  g_autofree char *dests = pdfinfo (pdf->path, "-dests");
  g_auto(GStrv) pages = pages_text (pdf->path, FALSE);
  g_autofree char *t3 = squeeze (pages[dest_page (dests, "table-t3") - 1]);

  g_assert_cmpuint (n_pages (pdf->path), >=, 14);
  g_assert_cmpuint (dest_page (dests, "part4"), >, dest_page (dests, "part3"));
  g_assert_nonnull (strstr (t3, "单位：元"));
  g_assert_nonnull (strstr (t3, "编制部门：测试单位"));
  g_assert_null (strstr (t3, "0.00"));
}

static void
test_pdf_format_date (void)
{
  g_autofree char *date = gk_disclosure_format_date ("2020-02-03");
  g_autofree char *other = gk_disclosure_format_date ("二〇二〇年二月");

  g_assert_cmpstr (date, ==, "2020年2月3日");
  g_assert_cmpstr (other, ==, "二〇二〇年二月");
  g_assert_null (gk_disclosure_format_date (""));
  g_assert_null (gk_disclosure_format_date (NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/format-date", test_pdf_format_date);
  g_test_add_func ("/pdf/sample/pages", test_pdf_sample_pages);
  g_test_add_func ("/pdf/sample/metadata", test_pdf_sample_metadata);
  g_test_add_func ("/pdf/sample/fonts", test_pdf_sample_fonts);
  g_test_add_func ("/pdf/sample/figures", test_pdf_sample_figures);
  g_test_add_func ("/pdf/sample/projects", test_pdf_sample_projects);
  g_test_add_func ("/pdf/sample/headings", test_pdf_sample_headings);
  g_test_add_func ("/pdf/sample/contents", test_pdf_sample_contents);
  g_test_add_func ("/pdf/sample/outline", test_pdf_sample_outline);
  g_test_add_func ("/pdf/long-projects", test_pdf_long_projects);
  g_test_add_func ("/pdf/atomic-replace", test_pdf_atomic_replace);
  g_test_add_func ("/pdf/missing-font", test_pdf_missing_font);
  g_test_add_func ("/pdf/charts", test_pdf_charts);
  g_test_add_func ("/pdf/blank", test_pdf_blank);

  status = g_test_run ();
  g_clear_pointer (&sample, exported_free);
  return status;
}
