/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gk-chart-data.h"
#include "gk-chart.h"
#include "gk-document-io.h"
#include "gk-font-subset.h"
#include "gk-pdf-export.h"
#include "gk-pdf-writer.h"
#include "gk-test-common.h"
#include "gk-typesetter.h"

/* The PDF's fonts cut to the document's characters before layout: every
 * font embedded and a subset, the text the same as with the whole fonts,
 * and the whole fonts again when a character escaped the cut. */

/* A character in the Noto CJK fonts that neither the sample nor the
 * sources hold. */
#define RARE "龘"

static char *directory;

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

/* Writes @document to NAME.pdf, its fonts cut to @characters (NULL: the
 * whole fonts, as a stream is written unless told); returns the path, and
 * whether the cut fonts were used. */
static char *
export_with (GkDocument *document,
             GBytes     *characters,
             const char *name,
             gboolean    with_charts,
             gboolean   *cut)
{
  g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_strconcat (name, ".pdf", NULL);
  char *path = g_build_filename (directory, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

  g_assert_no_error (error);
  gk_pdf_writer_set_with_charts (writer, with_charts);
  gk_pdf_writer_set_characters (writer, characters);
  g_assert_true (gk_pdf_writer_write_to_stream (writer, G_OUTPUT_STREAM (stream), NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
  *cut = gk_pdf_writer_get_cut_fonts (writer);
  return path;
}

static char *
export (GkDocument *document,
        GBytes     *characters,
        const char *name,
        gboolean   *cut)
{
  return export_with (document, characters, name, FALSE, cut);
}

static char *
text_of (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  return run_tool (argv);
}

/* Every font of @pdf is embedded and a subset; returns how many. */
static guint
assert_fonts_embedded (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  /* name type encoding emb sub uni object ID: two header lines. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      guint n_words;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      words = g_strsplit_set (lines[i], " ", -1);
      {
        g_autoptr(GPtrArray) fields = g_ptr_array_new ();

        for (guint w = 0; words[w] != NULL; w++)
          if (*words[w] != '\0')
            g_ptr_array_add (fields, words[w]);
        n_words = fields->len;
        g_assert_cmpuint (n_words, >=, 7);
        /* emb sub uni, then the object number and generation */
        g_assert_cmpstr (fields->pdata[n_words - 5], ==, "yes");
        g_assert_cmpstr (fields->pdata[n_words - 4], ==, "yes");
        g_assert_nonnull (strchr (fields->pdata[0], '+'));
      }
      n++;
    }
  return n;
}

static void
test_sample (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GBytes) characters = gk_document_serialize (document);
  gboolean cut_used = FALSE, whole_used = TRUE;
  g_autofree char *cut = export (document, characters, "cut", &cut_used);
  g_autofree char *whole = export (document, NULL, "whole", &whole_used);
  g_autofree char *cut_text = text_of (cut);
  g_autofree char *whole_text = text_of (whole);
  GStatBuf cut_stat, whole_stat;

  g_assert_true (cut_used);
  g_assert_false (whole_used);
  g_assert_cmpuint (assert_fonts_embedded (cut), >=, 2);
  g_assert_cmpuint (assert_fonts_embedded (cut), ==, assert_fonts_embedded (whole));
  g_assert_cmpstr (cut_text, ==, whole_text);
  g_assert_nonnull (strstr (cut_text, gk_document_get_unit (document)));
  g_assert_cmpint (g_stat (cut, &cut_stat), ==, 0);
  g_assert_cmpint (g_stat (whole, &whole_stat), ==, 0);
  g_assert_cmpint (cut_stat.st_size, <, whole_stat.st_size);
}

/* The charts of the appendix are set in the cut fonts of the text: no
 * font more than without them, every one a subset, and their text still
 * text. */
static void
test_charts (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GBytes) characters = gk_document_serialize (document);
  g_autoptr(GPtrArray) charts = gk_chart_data_build_all (document);
  gboolean cut_used = FALSE;
  g_autofree char *plain = export_with (document, characters, "plain", FALSE, &cut_used);
  g_autofree char *with_charts = NULL;
  g_autofree char *text = NULL;
  guint n_titles = 0;

  g_assert_true (cut_used);
  with_charts = export_with (document, characters, "charts", TRUE, &cut_used);
  g_assert_true (cut_used);
  g_assert_cmpuint (assert_fonts_embedded (with_charts), ==, assert_fonts_embedded (plain));

  text = text_of (with_charts);
  for (guint i = 0; i < charts->len; i++)
    if (!gk_chart_is_empty (charts->pdata[i]))
      {
        g_assert_nonnull (strstr (text, gk_chart_get_title (charts->pdata[i])));
        n_titles++;
      }
  g_assert_cmpuint (n_titles, >=, 3);
}

/* A chart's label with a character the cut fonts lack marks them, as the
 * text's does, so that the PDF is made again with the whole fonts. */
static void
test_chart_missing_character (void)
{
  const char *families[] = { GK_DEFAULT_BODY_FONT, GK_DEFAULT_HEADING_FONT, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GkFontSubset) subset = gk_font_subset_new (families, "财政拨款", -1, &error);
  g_autoptr(GkChart) chart = gk_chart_new (GK_CHART_KIND_BARS, "test", "财政拨款", GK_MONEY_UNIT_WANYUAN);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  g_assert_no_error (error);
  gk_chart_add_item (chart, "财政", NULL, 1000);
  gk_chart_draw_with_font_map (chart, cr, 400, 300, GK_CHART_STYLE_PRINT, gk_font_subset_get_font_map (subset));
  g_assert_false (gk_font_subset_saw_unknown_glyphs (subset));

  gk_chart_add_item (chart, "拨款" RARE, NULL, 500);
  gk_chart_draw_with_font_map (chart, cr, 400, 300, GK_CHART_STYLE_PRINT, gk_font_subset_get_font_map (subset));
  g_assert_true (gk_font_subset_saw_unknown_glyphs (subset));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The file writer takes the document's characters from its file. */
static void
test_file_writer (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (directory, "file.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (gk_pdf_writer_write_file (writer, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gk_pdf_writer_get_cut_fonts (writer));
  g_assert_null (gk_pdf_writer_get_characters (writer));
  assert_fonts_embedded (path);
}

/* A character missing from the cut fonts would print as a box: the PDF is
 * made with the whole fonts instead, and says it. */
static void
test_missing_character (void)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autofree char *contents = gk_test_read_all (sample);
  g_autoptr(GkDocument) plain = gk_test_load_sample ();
  g_autoptr(GString) changed = g_string_new (contents);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GBytes) characters = g_bytes_new_static (contents, strlen (contents));
  g_autoptr(GBytes) none = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *missed = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *emptied = NULL;
  g_autofree char *whole_plain = NULL;
  g_autofree char *missed_text = NULL;
  gboolean cut = TRUE;

  g_assert_null (strstr (contents, RARE));
  unit = g_strconcat (gk_document_get_unit (plain), RARE, NULL);
  g_assert_cmpuint (g_string_replace (changed, gk_document_get_unit (plain), unit, 1), ==, 1);
  document = gk_document_load_from_data (changed->str, changed->len, &error);
  g_assert_no_error (error);

  /* Cut to the file before the change: 龘 escaped. */
  missed = export (document, characters, "missed", &cut);
  g_assert_false (cut);
  whole = export (document, NULL, "missed-whole", &cut);
  missed_text = text_of (missed);
  g_assert_nonnull (strstr (missed_text, RARE));
  {
    g_autofree char *whole_text = text_of (whole);

    g_assert_cmpstr (missed_text, ==, whole_text);
  }
  assert_fonts_embedded (missed);

  /* Cut to nothing but the fixed text: the unit's name escapes. */
  emptied = export (plain, none, "emptied", &cut);
  g_assert_false (cut);
  whole_plain = export (plain, NULL, "plain-whole", &cut);
  {
    g_autofree char *a = text_of (emptied);
    g_autofree char *b = text_of (whole_plain);

    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_subset (void)
{
  const char *families[] = { GK_DEFAULT_BODY_FONT, GK_DEFAULT_HEADING_FONT, NULL };
  const char *absent[] = { GK_DEFAULT_BODY_FONT, "No Such Font Gongkai", NULL };
  g_autoptr(GError) error = NULL;
  GkFontSubset *subset;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  PangoContext *context;
  PangoLayout *layout;
  guint n = 0;

  subset = gk_font_subset_new (absent, "财政", -1, &error);
  g_assert_error (error, GK_PDF_ERROR, GK_PDF_ERROR_FONT);
  g_assert_null (subset);
  g_clear_error (&error);

  subset = gk_font_subset_new (families, "财政拨款", -1, &error);
  g_assert_no_error (error);
  dir = g_strdup (gk_font_subset_get_directory (subset));
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (listing) != NULL)
    n++;
  /* Serif and sans, regular and bold */
  g_assert_cmpuint (n, ==, 4);

  context = pango_font_map_create_context (gk_font_subset_get_font_map (subset));
  layout = pango_layout_new (context);
  pango_layout_set_text (layout, "财政拨款 2024", -1);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  pango_layout_set_text (layout, "财政拨款" RARE, -1);
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 1);
  g_assert_false (gk_font_subset_saw_unknown_glyphs (subset));
  g_object_unref (layout);
  g_object_unref (context);

  gk_font_subset_free (subset);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  directory = g_dir_make_tmp ("gongkai-pdf-fonts-XXXXXX", NULL);

  g_test_add_func ("/pdf-fonts/subset", test_subset);
  g_test_add_func ("/pdf-fonts/sample", test_sample);
  g_test_add_func ("/pdf-fonts/file-writer", test_file_writer);
  g_test_add_func ("/pdf-fonts/missing-character", test_missing_character);
  g_test_add_func ("/pdf-fonts/charts", test_charts);
  g_test_add_func ("/pdf-fonts/chart-missing-character", test_chart_missing_character);
  status = g_test_run ();

  gk_test_remove_tree (directory);
  g_free (directory);
  return status;
}
