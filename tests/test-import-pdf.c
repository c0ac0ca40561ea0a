/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "gk-checker.h"
#include "gk-csv-writer.h"
#include "gk-document-io.h"
#include "gk-finding.h"
#include "gk-pdf-export.h"
#include "gk-pdf-import.h"
#include "gk-test-common.h"

static void
export_csv (GkDocument *document,
            const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (dir);

  g_assert_true (gk_csv_export_document (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static guint
count_rule (GkChecker  *checker,
            const char *rule,
            const char *needle_a,
            const char *needle_b)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      const char *message = gk_finding_get_message (finding);

      if (!g_str_equal (gk_finding_get_rule_id (finding), rule))
        continue;
      g_test_message ("%s: %s", rule, message);
      if ((needle_a == NULL || strstr (message, needle_a) != NULL) &&
          (needle_b == NULL || strstr (message, needle_b) != NULL))
        n++;
    }
  return n;
}

/* Gongkai's own PDF of the sample reads back to the same tables: every
 * CSV the same, byte for byte, and no printed figure differs from what
 * is derived. */
static void
test_round_trip (void)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GkDocument) back = NULL;
  g_autoptr(GkChecker) checker = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-import-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sample.pdf", NULL);
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autofree char *saved = g_build_filename (dir, "back.gongkai", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GFile) out = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (gk_pdf_export (original, pdf, NULL, &error));
  g_assert_no_error (error);

  timer = g_timer_new ();
  back = gk_pdf_import (pdf, NULL, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_test_message ("%s", report->str);
  g_test_message ("22 pages in %.3f s", g_timer_elapsed (timer, NULL));
  g_assert_nonnull (strstr (report->str, "表三"));
  g_assert_nonnull (strstr (report->str, "page 11"));
  /* Every printed figure is where Gongkai derives it. */
  g_assert_null (strstr (report->str, ", Gongkai derives"));

  g_mkdir (a, 0700);
  g_mkdir (b, 0700);
  export_csv (original, a);
  export_csv (back, b);
  listing = g_dir_open (a, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *pa = g_build_filename (a, name, NULL);
      g_autofree char *pb = g_build_filename (b, name, NULL);
      g_autofree char *ca = gk_test_read_all (pa);
      g_autofree char *cb = gk_test_read_all (pb);

      g_test_message ("%s", name);
      g_assert_cmpstr (cb, ==, ca);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 9);

  /* The printed figures are kept, agree, and survive saving. */
  g_assert_cmpuint (gk_table_get_n_stated (gk_document_get_table (back, "expenditure")), >, 0);
  checker = gk_checker_new (back);
  g_assert_cmpuint (count_rule (checker, "table.stated", NULL, NULL), ==, 0);
  out = g_file_new_for_path (saved);
  g_assert_true (gk_document_save (back, out, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GkDocument) again = gk_test_load (saved);
    GkAmount amount = 0;

    g_assert_cmpuint (gk_table_get_n_stated (gk_document_get_table (again, "expenditure")), ==,
                      gk_table_get_n_stated (gk_document_get_table (back, "expenditure")));
    g_assert_true (gk_table_get_stated (gk_document_get_table (again, "expenditure"), "201", "basic", &amount));
    g_assert_cmpint (amount, ==, 26506);
  }
  gk_test_remove_tree (dir);
}

/* A file whose printed figures name a line or column the table has not
 * is refused, naming the place. */
static void
test_stated_strict (void)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autofree char *text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *at;
  g_autoptr(GString) bad = g_string_new (NULL);
  const char *brace;

  g_assert_true (g_file_get_contents (sample, &text, NULL, NULL));
  at = strstr (text, "\"expenditure\"");
  g_assert_nonnull (at);
  brace = strchr (at, '{');
  g_string_append_len (bad, text, brace + 1 - text);
  g_string_append (bad, "\"stated\": {\"20103\": {\"no-such-column\": \"1.00\"}}, ");
  g_string_append (bad, brace + 1);
  g_assert_true (g_file_set_contents (path, bad->str, -1, NULL));
  document = gk_document_load (file, NULL, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "no-such-column"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
draw (cairo_t    *cr,
      double      x,
      double      y,
      const char *text,
      gboolean    right)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC 7");
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, right ? x - w : x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* A 表三 as another program might print it, its 201 基本支出 printed as
 * 284.08 where its 项 add up to 265.06 (as the seed was published), and
 * its 合计 line without the 项目支出 figure. */
static void
make_wrong_pdf (const char *path)
{
  static const struct {
    const char *codes[3];
    const char *name;
    const char *figures[3];
  } rows[] = {
    { { "201", NULL, NULL }, "一般公共服务支出", { "336.06", "284.08", "71.00" } },
    { { "201", "03", NULL }, "政府办公厅（室）及相关机构事务", { "336.06", "265.06", "71.00" } },
    { { "201", "03", "01" }, "行政运行", { "265.06", "265.06", NULL } },
    { { "201", "03", "99" }, "其他政府办公厅（室）及相关机构事务支出", { "71.00", NULL, "71.00" } },
  };
  static const double right[] = { 480, 580, 680 };
  /* Landscape, as wide tables are printed. */
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 842, 595);
  cairo_t *cr = cairo_create (surface);
  double y = 190;

  draw (cr, 56, 50, "表三", FALSE);
  draw (cr, 330, 75, "部门支出总体情况表", FALSE);
  draw (cr, 56, 105, "编制部门：测试单位", FALSE);
  draw (cr, 640, 105, "单位：万元", FALSE);
  draw (cr, 70, 130, "功能分类科目编码", FALSE);
  draw (cr, 230, 140, "功能分类科目名称", FALSE);
  draw (cr, 450, 140, "合计", FALSE);
  draw (cr, 535, 140, "基本支出", FALSE);
  draw (cr, 635, 140, "项目支出", FALSE);
  draw (cr, 62, 158, "类", FALSE);
  draw (cr, 102, 158, "款", FALSE);
  draw (cr, 142, 158, "项", FALSE);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++, y += 20)
    {
      for (guint c = 0; c < 3; c++)
        {
          if (rows[r].codes[c] != NULL)
            draw (cr, 60 + 40 * c, y, rows[r].codes[c], FALSE);
          if (rows[r].figures[c] != NULL)
            draw (cr, right[c], y, rows[r].figures[c], TRUE);
        }
      draw (cr, 190, y, rows[r].name, FALSE);
    }
  draw (cr, 260, y, "合计", FALSE);
  draw (cr, right[0], y, "336.06", TRUE);
  draw (cr, right[1], y, "265.06", TRUE);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_wrong_subtotal (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-import-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "wrong.pdf", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkChecker) checker = NULL;
  GkRow *row;
  GkAmount amount = 0;

  make_wrong_pdf (pdf);
  document = gk_pdf_import (pdf, gk_template_get_default (), report, &error);
  g_test_message ("%s", report->str);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  /* The 项 were taken in; the 类 is derived from them … */
  row = gk_table_lookup (gk_document_get_table (document, "expenditure"), "201");
  g_assert_nonnull (row);
  g_assert_true (gk_row_get_amount (row, 1, &amount));
  g_assert_cmpint (amount, ==, 26506);
  /* … and the report and the check name both figures. */
  g_assert_nonnull (strstr (report->str, "(201 一般公共服务支出, 基本支出): the PDF prints 284.08, Gongkai derives 265.06"));
  /* A figure not printed is said to be missing, not to be 0.00. */
  g_assert_nonnull (strstr (report->str, "(合计, 项目支出): the PDF prints no figure there, Gongkai derives 71.00"));
  g_assert_null (strstr (report->str, "the workbook has"));
  checker = gk_checker_new (document);
  g_assert_cmpuint (count_rule (checker, "table.stated", "284.08", "265.06"), ==, 1);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A figure as printed, kept while the document is being checked, is
 * checked at once; one that agrees is no finding. */
static void
test_stated_live (void)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autoptr(GkDocument) document = gk_test_load (sample);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkTable *table = gk_document_get_table (document, "expenditure");
  GkRow *row = gk_table_lookup (table, "201");
  GkAmount derived = gk_row_get_value (row, gk_table_column_index (table, "basic"));

  gk_table_set_stated (table, "201", "basic", derived);
  gk_table_set_stated (table, "total", "total", 1);
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "table.stated", NULL, NULL), ==, 1);
  g_assert_cmpuint (count_rule (checker, "table.stated", "0.01", "355.08"), ==, 1);
  gk_table_set_stated (table, "201", "basic", derived + 1902);
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "table.stated", "284.08", "265.06"), ==, 1);
}

static void
assert_refused (const char *path,
                int         code,
                const char *needle)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_pdf_import (path, NULL, report, &error);

  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (code >= 0)
    g_assert_error (error, GK_PDF_IMPORT_ERROR, code);
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

/* A scan: a page that is an image, without text. */
static void
test_scanned (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-import-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "scan.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595, 842);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 20, 20, 160, 4);
  cairo_fill (cr);
  cairo_destroy (cr);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, image, 50, 50);
  cairo_paint (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);

  assert_refused (pdf, GK_PDF_IMPORT_ERROR_NO_TEXT, "scan");
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A PDF of blank pages has neither text nor images: no scan. */
static void
test_blank (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-import-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "blank.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;

  /* A ruled frame, drawn, and an empty second page. */
  cairo_rectangle (cr, 50, 50, 400, 300);
  cairo_stroke (cr);
  cairo_show_page (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  assert_refused (pdf, GK_PDF_IMPORT_ERROR_NO_TEXT, "no text and no images");
  document = gk_pdf_import (pdf, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_null (strstr (error->message, "scan"));
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A printed figure on a cell typed in (a 项's) is compared with what was
 * entered, not with a sum of figures under it. */
static void
test_stated_typed (void)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autoptr(GkDocument) document = gk_test_load (sample);
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkTable *table = gk_document_get_table (document, "expenditure");
  GkRow *row = gk_table_lookup (table, "2010301");

  g_assert_true (gk_row_is_cell_entered (row, gk_table_column_index (table, "basic")));
  gk_table_set_stated (table, gk_table_stated_line (row), "basic", 27000);
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "table.stated", "270.00", "265.06万元 is entered"), ==, 1);
  g_assert_cmpuint (count_rule (checker, "table.stated", "add up to", NULL), ==, 0);
}

static void
test_not_pdf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-import-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "budget.pdf", NULL);

  g_assert_true (g_file_set_contents (pdf, "编制部门,单位\n201,336.06\n", -1, NULL));
  assert_refused (pdf, GK_PDF_IMPORT_ERROR_NOT_PDF, "budget.pdf");
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_truncated (void)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-import-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "whole.pdf", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (gk_pdf_export (original, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  /* The first tenth: the cover, perhaps, and no table. */
  g_assert_true (g_file_set_contents (cut, contents, length / 10, NULL));
  assert_refused (cut, -1, "cut.pdf");
  g_unlink (cut);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-pdf/round-trip", test_round_trip);
  g_test_add_func ("/import-pdf/stated-strict", test_stated_strict);
  g_test_add_func ("/import-pdf/wrong-subtotal", test_wrong_subtotal);
  g_test_add_func ("/import-pdf/stated-live", test_stated_live);
  g_test_add_func ("/import-pdf/scanned", test_scanned);
  g_test_add_func ("/import-pdf/blank", test_blank);
  g_test_add_func ("/import-pdf/stated-typed", test_stated_typed);
  g_test_add_func ("/import-pdf/not-pdf", test_not_pdf);
  g_test_add_func ("/import-pdf/truncated", test_truncated);

  return g_test_run ();
}
