/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <gsf/gsf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "gk-checker.h"
#include "gk-csv-writer.h"
#include "gk-document-io.h"
#include "gk-finding.h"
#include "gk-pdf-export.h"
#include "gk-test-common.h"
#include "gk-pdf-import.h"
#include "gk-xlsx-reader.h"
#include "gk-xlsx-writer.h"

/* A 部门决算公开 read back from its PDF: Gongkai's own, one with a page
 * of another document's figures, one without a table, a 三公 table drawn
 * by another program, and PDFs that are no 决算 at all; and from its
 * workbook, whose 基本支出 sheet is printed in two halves too. */

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "final",
                           "zhashui-county-audit-bureau-2020-final.gongkai", NULL);
}

static void
export_pdf (GkDocument *document,
            const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_pdf_export (document, path, NULL, &error));
  g_assert_no_error (error);
}

static GkDocument *
import (const char *path,
        GkTemplate *template,
        GString    *report)
{
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_pdf_import (path, template, report, &error);

  g_test_message ("%s", report->str);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* qpdf's --pages: "a.pdf 1-5 b.pdf 6 a.pdf 7-z" */
static void
compose (const char  *out,
         const char **pages)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) "qpdf");
  g_ptr_array_add (argv, (char *) "--empty");
  g_ptr_array_add (argv, (char *) "--pages");
  for (guint i = 0; pages[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) pages[i]);
  g_ptr_array_add (argv, (char *) "--");
  g_ptr_array_add (argv, (char *) out);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

static gboolean
has (GString    *report,
     const char *needle)
{
  if (strstr (report->str, needle) != NULL)
    return TRUE;
  g_test_message ("not in the report: %s", needle);
  return FALSE;
}

/* Every table's printed lines, as CSV, the same byte for byte, but for
 * the file named `except`. */
static void
assert_same_tables (GkDocument *a,
                    GkDocument *b,
                    const char *dir,
                    const char *except)
{
  g_autofree char *da = g_build_filename (dir, "a", NULL);
  g_autofree char *db = g_build_filename (dir, "b", NULL);
  g_autoptr(GFile) fa = g_file_new_for_path (da);
  g_autoptr(GFile) fb = g_file_new_for_path (db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n = 0;

  g_mkdir (da, 0700);
  g_mkdir (db, 0700);
  g_assert_true (gk_csv_export_document (a, fa, NULL, NULL, NULL, &error));
  g_assert_true (gk_csv_export_document (b, fb, NULL, NULL, NULL, &error));
  listing = g_dir_open (da, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *pa = g_build_filename (da, name, NULL);
      g_autofree char *pb = g_build_filename (db, name, NULL);
      g_autofree char *ca = gk_test_read_all (pa);
      g_autofree char *cb = gk_test_read_all (pb);

      g_test_message ("%s", name);
      if (g_strcmp0 (name, except) != 0)
        g_assert_cmpstr (cb, ==, ca);
      n++;
    }
  g_assert_cmpuint (n, ==, gk_document_get_n_tables (a));
}

static char *
without_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
assert_same_entries (GkDocument *a,
                     GkDocument *b)
{
  g_assert_cmpstr (gk_document_get_unit (b), ==, gk_document_get_unit (a));
  g_assert_cmpuint (gk_document_get_year (b), ==, gk_document_get_year (a));
  g_assert_cmpstr (gk_document_get_date (b), ==, gk_document_get_date (a));
  g_assert_cmpuint (gk_document_get_money_unit (b), ==, gk_document_get_money_unit (a));
  for (guint t = 0; t < gk_document_get_n_tables (a); t++)
    {
      GkTable *ta = gk_document_get_table_at (a, t);
      GkTable *tb = gk_document_get_table (b, gk_table_get_id (ta));
      g_autoptr(GPtrArray) lines = gk_table_dup_line_figures (ta);
      g_autoptr(GPtrArray) read = gk_table_dup_line_figures (tb);
      g_autofree char *ea = without_spaces (gk_table_get_empty_explanation (ta));
      g_autofree char *eb = without_spaces (gk_table_get_empty_explanation (tb));

      g_test_message ("%s", gk_table_get_id (ta));
      g_assert_cmpstr (gk_table_get_note (tb), ==, gk_table_get_note (ta));
      /* Spaces between Chinese and a figure are the typesetter's. */
      g_assert_cmpstr (eb, ==, ea);
      /* Entered summary lines: each line and column with its figure. */
      for (guint i = 0; i + 1 < lines->len; i += 2)
        {
          GkAmount x = -1, y = -2;

          g_assert_true (gk_table_get_line_figure (ta, lines->pdata[i], lines->pdata[i + 1], &x));
          g_assert_true (gk_table_get_line_figure (tb, lines->pdata[i], lines->pdata[i + 1], &y));
          g_assert_cmpint (y, ==, x);
        }
    }
}

/* Gongkai's own PDF of the 决算 sample reads back to the same document:
 * its template, every table's lines, the entered summary lines, notes,
 * the unit, year and date; no printed figure differs. */
static void
test_round_trip (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GkDocument) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "final.pdf", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  export_pdf (original, pdf);
  g_timer_start (timer);
  back = import (pdf, NULL, report);
  g_test_message ("read in %.3f s", g_timer_elapsed (timer, NULL));

  g_assert_true (gk_template_is_final (gk_document_get_template (back)));
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (back)), ==, "juesuan-shaanxi-2020-county");
  g_assert_true (has (report, "A 决算 (final accounts): tables titled as a 决算's: 9"));
  g_assert_true (has (report, "(juesuan-shaanxi-2020-county): 9 of"));
  g_assert_true (has (report, "page 10: printed in two halves side by side"));
  g_assert_true (has (report, "表一 (sheet “page 4”): entered lines read: 4"));
  g_assert_true (has (report, "表四 (sheet “pages 7–8”): entered lines read: 1"));
  g_assert_true (has (report, "Signed on 2021-09-10"));
  g_assert_false (has (report, ", Gongkai derives"));
  g_assert_false (has (report, "not a column of this table"));
  g_assert_false (has (report, "not in the PDF"));

  assert_same_tables (original, back, dir, NULL);
  assert_same_entries (original, back);
  /* 情况说明 that Gongkai does not compose from the tables alone is kept
   * as published, under its section. */
  g_assert_true (has (report, "情况说明 “（二）“三公”经费财政拨款支出决算具体情况说明”: 4 paragraphs kept as published"));

  checker = gk_checker_new (back);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_assert_cmpstr (gk_finding_get_rule_id (finding), !=, "table.stated");
    }
  gk_test_remove_tree (dir);
}

/* The 决算 sample's workbook as LibreOffice prints it (made by
 * tests/data/pdf/make-pdfs.sh): no cover, its own spacing, 表七's heading
 * levels on lines of their own. */
static void
test_libreoffice (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *pdf = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "pdf",
                                           "libreoffice-final.pdf", NULL);
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GkDocument) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-XXXXXX", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  GkTable *table;

  back = import (pdf, NULL, report);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (back)), ==, "juesuan-shaanxi-2020-county");
  g_assert_cmpstr (gk_document_get_unit (back), ==, "柞水县审计局");
  g_assert_cmpuint (gk_document_get_year (back), ==, 2020);
  g_assert_true (has (report, "表七 (sheet “page 7”): its subtotals and totals agree"));
  g_assert_true (has (report, "表一 (sheet “page 1”): 36 figures compared with what Gongkai derives from the other tables, 0 differ"));
  g_assert_false (has (report, "表七 (sheet “page 7”), column"));
  /* 表四's last figure of 年末财政拨款结转和结余 (0.00) is not read there. */
  assert_same_tables (original, back, dir, "表四.csv");
  table = gk_document_get_table (back, "final-summary");
  for (guint i = 0; i < 2; i++)
    {
      static const char * const lines[] = { "opening", "general" };
      GkAmount x = -1, y = -2;

      g_assert_true (gk_table_get_line_figure (gk_document_get_table (original, "final-summary"), lines[i], "amount", &x));
      g_assert_true (gk_table_get_line_figure (table, lines[i], "amount", &y));
      g_assert_cmpint (y, ==, x);
    }
  gk_test_remove_tree (dir);
}

/* --template names the template; its tables are read by their titles
 * and the one whose title the PDF lacks is said to be missing. */
static void
test_template_asked (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GkDocument) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "final.pdf", NULL);
  g_autoptr(GString) report = g_string_new (NULL);

  export_pdf (original, pdf);
  back = import (pdf, gk_template_find ("juesuan-national-2023"), report);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (back)), ==, "juesuan-national-2023");
  g_assert_true (has (report, "(juesuan-national-2023), as asked"));
  /* The 陕西 三公 table is the national one with 会议费 and 培训费, which
   * the national one has not. */
  g_assert_true (has (report, "(“会议费/预算数”): not a column of this table; ignored"));
  g_assert_true (has (report, "(“培训费/决算数”): not a column of this table; ignored"));
  g_assert_false (has (report, "is not in the PDF"));
  {
    GkTable *table = gk_document_get_table (back, "final-sangong");
    GkRow *row = gk_table_get_single_row (table);

    g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "vehicle-operation-final")), ==, 450);
  }
  g_assert_true (has (report, "表三 (sheet “page 6”): 13 rows read"));
  gk_test_remove_tree (dir);
}

/* A PDF whose 表三 page comes from a document with another figure: the
 * figure is read where it is printed, and every printed sum elsewhere
 * that no longer agrees is reported by table, line and column. */
static void
test_altered_figure (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GkDocument) altered = gk_test_load (sample);
  g_autoptr(GkDocument) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.pdf", NULL);
  g_autofree char *b = g_build_filename (dir, "b.pdf", NULL);
  g_autofree char *mixed = g_build_filename (dir, "mixed.pdf", NULL);
  const char *pages[] = { a, "1-5", b, "6", a, "7-z", NULL };
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkChecker) checker = NULL;
  GkTable *table = gk_document_get_table (altered, "final-expenditure");
  GkAmount amount = 21840;
  guint n_stated = 0;

  g_assert_true (gk_document_set_amount (altered, gk_table_lookup (table, "2010801"),
                                         gk_table_column_index (table, "basic"), &amount, &error));
  g_assert_no_error (error);
  export_pdf (original, a);
  export_pdf (altered, b);
  compose (mixed, pages);

  back = import (mixed, NULL, report);
  table = gk_document_get_table (back, "final-expenditure");
  g_assert_cmpint (gk_row_get_value (gk_table_lookup (table, "2010801"), gk_table_column_index (table, "basic")), ==, 21840);
  /* 表一 prints the expenditure total of the first document. */
  g_assert_true (has (report, "表一 (sheet “page 4”), cell"));
  g_assert_true (has (report, "(本年支出合计, 决算数): the PDF prints 295.30, Gongkai derives 305.30"));
  g_assert_true (has (report, "一般公共服务支出, 决算数): the PDF prints 247.00, Gongkai derives 257.00"));
  /* 年末 is what is left of 总计, so it takes the difference. */
  g_assert_true (has (report, "(年末结转和结余, 决算数): the PDF prints 4.30, Gongkai derives -5.70"));
  /* 表四 is 表五's, which is the first document's; 表三 agrees with itself. */
  g_assert_true (has (report, "表四 (sheet “pages 7–8”): 116 figures compared with what Gongkai derives from the other tables, 0 differ"));
  g_assert_true (has (report, "表三 (sheet “page 6”): its subtotals and totals agree"));

  checker = gk_checker_new (back);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      n_stated += g_str_equal (gk_finding_get_rule_id (finding), "table.stated");
    }
  g_assert_cmpuint (n_stated, >, 0);
  gk_test_remove_tree (dir);
}

/* A 决算 without its 表八 page: the other tables are read, the missing
 * one is named. */
static void
test_missing_table (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GkDocument) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "final.pdf", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.pdf", NULL);
  const char *pages[] = { pdf, "1-11,13-z", NULL };
  g_autoptr(GString) report = g_string_new (NULL);

  export_pdf (original, pdf);
  compose (cut, pages);
  back = import (cut, NULL, report);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (back)), ==, "juesuan-shaanxi-2020-county");
  g_assert_true (has (report, "表八 政府性基金预算财政拨款收入支出决算表 is not in the PDF (no page has its title); it stays empty"));
  g_assert_true (has (report, "A 决算 (final accounts): tables titled as a 决算's: 8"));
  g_assert_true (has (report, "表七 (sheet “page 11”): its subtotals and totals agree"));
  gk_test_remove_tree (dir);
}

static void
draw (cairo_t    *cr,
      double      x,
      double      y,
      const char *text,
      int         align)   /* -1 left, 0 centred, 1 right of x */
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC 7");
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, align > 0 ? x - w : align == 0 ? x - w / 2.0 : x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

/* The national 三公 决算 table as another program might print it: four
 * heading levels, centred in cells 50 points wide, figures right-aligned,
 * the 决算数 合计 printed as 5.70 where its items add up to 5.60. */
static void
make_sangong_pdf (const char *path)
{
  static const char * const figures[12] = {
    "6.50", "5.70", "0.00", "0.00", "5.00", "4.50", "0.00", "0.00", "5.00", "4.50", "1.50", "1.10",
  };
  static const struct { const char *text; guint c1, c2; double y; } headings[] = {
    { "财政拨款“三公”经费", 0, 11, 130 },
    { "公务用车购置及运行维护费", 4, 9, 148 },
    { "合计", 0, 1, 157 }, { "因公出国（境）费", 2, 3, 157 }, { "公务接待费", 10, 11, 157 },
    { "小计", 4, 5, 166 }, { "公务用车购置费", 6, 7, 166 }, { "公务用车运行维护费", 8, 9, 166 },
  };
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 842, 595);
  cairo_t *cr = cairo_create (surface);
  const double x0 = 90, width = 55;

  draw (cr, 56, 50, "表七", -1);
  draw (cr, 421, 75, "财政拨款“三公”经费支出决算表", 0);
  draw (cr, 56, 105, "编制部门：测试单位", -1);
  draw (cr, 700, 105, "单位：万元", -1);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    draw (cr, x0 + width * (headings[i].c1 + headings[i].c2 + 1) / 2.0, headings[i].y, headings[i].text, 0);
  for (guint c = 0; c < 12; c++)
    {
      draw (cr, x0 + width * (c + 0.5), 184, c % 2 == 0 ? "预算数" : "决算数", 0);
      draw (cr, x0 + width * (c + 1) - 4, 204, figures[c], 1);
    }
  draw (cr, 56, 230, "注：本表反映部门本年度“三公”经费支出预决算情况。", -1);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Each figure goes to the column its whole heading path names, not its
 * position, and the wrong 合计 is reported. */
static void
test_drawn_sangong (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sangong.pdf", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) document = NULL;
  GkTable *table;
  GkRow *row;

  make_sangong_pdf (pdf);
  document = import (pdf, NULL, report);
  g_assert_true (gk_template_is_final (gk_document_get_template (document)));
  table = gk_document_get_table (document, "final-sangong");
  row = gk_table_get_single_row (table);
  g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "vehicle-operation-budget")), ==, 500);
  g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "vehicle-operation-final")), ==, 450);
  g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "reception-budget")), ==, 150);
  g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "reception-final")), ==, 110);
  g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "total-final")), ==, 560);
  g_assert_true (has (report, "决算数): the PDF prints 5.70, Gongkai derives 5.60"));
  g_assert_false (has (report, "not a column of this table"));
  g_assert_true (has (report, "收入支出决算总表 is not in the PDF (no page has its title); Gongkai derives it"));
  gk_test_remove_tree (dir);
}

/* The 三公 table of 上海市嘉定区司法局's 2017 决算 as its web page gives it
 * (the stored page's text, laid out again): 2017's wording (公务用车购置及
 * 运行费), a 机关运行经费 column no template has, and blank cells for the
 * items it did not spend on. */
static void
make_jiading_pdf (const char *path)
{
  static const char * const figures[13] = {
    "22.00", "8.77", NULL, NULL, "14.00", "8.47", NULL, NULL, "14.00", "8.47", "8.00", "0.30", "325.88",
  };
  static const struct { const char *text; guint c1, c2; double y; } headings[] = {
    { "一般公共预算财政拨款“三公”经费", 0, 11, 120 },
    { "公务用车购置及运行费", 4, 9, 138 },
    { "合计", 0, 1, 147 }, { "因公出国（境）费", 2, 3, 147 }, { "公务接待费", 10, 11, 147 },
    { "机关运行", 12, 12, 140 }, { "经费决算数", 12, 12, 154 },
    { "小计", 4, 5, 156 }, { "公务用车购置费", 6, 7, 156 }, { "公务用车运行费", 8, 9, 156 },
  };
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 842, 595);
  cairo_t *cr = cairo_create (surface);
  const double x0 = 60, width = 52;

  draw (cr, 421, 60, "2017年度一般公共预算财政拨款“三公”经费及机关运行经费支出决算表", 0);
  draw (cr, 56, 90, "编制部门：上海市嘉定区司法局", -1);
  draw (cr, 740, 90, "单位：万元", -1);
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    draw (cr, x0 + width * (headings[i].c1 + headings[i].c2 + 1) / 2.0, headings[i].y, headings[i].text, 0);
  for (guint c = 0; c < 13; c++)
    {
      if (c < 12)
        draw (cr, x0 + width * (c + 0.5), 174, c % 2 == 0 ? "预算数" : "决算数", 0);
      if (figures[c] != NULL)
        draw (cr, x0 + width * (c + 1) - 4, 194, figures[c], 1);
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static void
test_jiading (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "jiading.pdf", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) document = NULL;
  GkTable *table;
  GkRow *row;

  make_jiading_pdf (pdf);
  document = import (pdf, gk_template_find ("juesuan-shanghai-2024"), report);
  table = gk_document_get_table (document, "final-sangong");
  row = gk_table_get_single_row (table);
  g_assert_cmpuint (gk_document_get_year (document), ==, 2017);
  g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "vehicle-operation-budget")), ==, 1400);
  g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "vehicle-operation-final")), ==, 847);
  g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "reception-budget")), ==, 800);
  g_assert_cmpint (gk_row_get_value (row, gk_table_column_index (table, "reception-final")), ==, 30);
  g_assert_false (gk_row_is_set (row, gk_table_column_index (table, "abroad-final")));
  /* Its 合计 and 小计 agree with its items; 公务用车运行费 is 公务用车运行维护费. */
  g_assert_false (has (report, ", Gongkai derives"));
  g_assert_true (has (report, "表七 (sheet “page 1”): its subtotals and totals agree"));
  g_assert_false (has (report, "has no column"));
  g_assert_true (has (report, "(“机关运行经费决算数”): not a column of this table; ignored"));
  gk_test_remove_tree (dir);
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
  g_assert_nonnull (strstr (error->message, needle));
}

/* A letter, not a disclosure: text, but no table's title. */
static void
test_neither (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "letter.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595, 842);
  cairo_t *cr = cairo_create (surface);

  draw (cr, 56, 60, "关于召开2020年度决算工作会议的通知", -1);
  draw (cr, 56, 90, "各预算单位：定于下周一召开会议，请准时参加。", -1);
  draw (cr, 56, 110, "会议费 1.00 万元", -1);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  assert_refused (pdf, GK_PDF_IMPORT_ERROR_NO_TABLE, "neither a budget (预算) nor a final accounts (决算) disclosure");
  gk_test_remove_tree (dir);
}

/* A 决算 PDF cut short in transfer. */
static void
test_damaged (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-final-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "whole.pdf", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  export_pdf (original, pdf);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 3, NULL));
  assert_refused (cut, -1, "cut.pdf");
  gk_test_remove_tree (dir);
}

/* Copies the members of a zip, `member`'s with `old` replaced by `new`. */
static void
copy_tree (GsfInfile  *in,
           GsfOutfile *out,
           const char *path,
           const char *member,
           const char *old,
           const char *new,
           guint      *n_replaced)
{
  for (int i = 0; i < gsf_infile_num_children (in); i++)
    {
      GsfInput *child = gsf_infile_child_by_index (in, i);
      const char *name = gsf_infile_name_by_index (in, i);
      g_autofree char *p = path[0] != '\0' ? g_strconcat (path, "/", name, NULL) : g_strdup (name);
      gboolean dir = GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0;
      GsfOutput *o = gsf_outfile_new_child (out, name, dir);

      if (dir)
        copy_tree (GSF_INFILE (child), GSF_OUTFILE (o), p, member, old, new, n_replaced);
      else
        {
          gsf_off_t size = gsf_input_size (child);
          g_autoptr(GString) data = g_string_sized_new (size + 1);

          g_string_set_size (data, size);
          g_assert_true (size == 0 || gsf_input_read (child, size, (guint8 *) data->str) != NULL);
          if (g_str_equal (p, member))
            *n_replaced += g_string_replace (data, old, new, 0);
          g_assert_true (gsf_output_write (o, data->len, (const guint8 *) data->str));
        }
      gsf_output_close (o);
      g_object_unref (o);
      g_object_unref (child);
    }
}

static void
rewrite_xlsx (const char *from,
              const char *to,
              const char *member,
              const char *old,
              const char *new)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (from, &error);
  GsfInfile *zip;
  GsfOutput *output;
  GsfOutfile *out;
  guint n_replaced = 0;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  output = gsf_output_stdio_new (to, &error);
  g_assert_no_error (error);
  out = gsf_outfile_zip_new (output, &error);
  g_assert_no_error (error);
  copy_tree (zip, out, "", member, old, new, &n_replaced);
  g_assert_true (gsf_output_close (GSF_OUTPUT (out)));
  g_object_unref (out);
  g_object_unref (output);
  g_object_unref (zip);
  g_object_unref (input);
  g_assert_cmpuint (n_replaced, ==, 1);
}

static GkDocument *
import_xlsx (const char *path,
             GString    *report)
{
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_xlsx_import_for_template (path, NULL, report, &error);

  g_test_message ("%s", report->str);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
export_xlsx (GkDocument *document,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_xlsx_export (document, path, &error));
  g_assert_no_error (error);
}

/* The 决算's workbook read back: its 基本支出 sheet, printed 人员经费 |
 * 公用经费 side by side, is read whole, and every table is the same. */
static void
test_xlsx_round_trip (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GkDocument) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-xlsx-final-XXXXXX", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "final.xlsx", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  GkTable *a, *b;
  guint n_public = 0;

  export_xlsx (original, xlsx);
  back = import_xlsx (xlsx, report);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (back)), ==, "juesuan-shaanxi-2020-county");
  g_assert_true (has (report, "表六: printed in two halves side by side"));
  g_assert_false (has (report, ", Gongkai derives"));
  g_assert_false (has (report, "not a column of this table"));
  g_assert_false (has (report, "is not an economic classification code"));

  /* 公用经费 (302, 310) is the right half. */
  a = gk_document_get_table (original, "final-basic");
  b = gk_document_get_table (back, "final-basic");
  g_assert_nonnull (a);
  for (guint i = 0; i < g_list_model_get_n_items (gk_table_get_roots (a)); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (gk_table_get_roots (a), i);
      const char *code = gk_row_get_code (row);
      GkRow *other;

      if (code == NULL || g_str_has_prefix (code, "301") || g_str_has_prefix (code, "303"))
        continue;
      other = gk_table_lookup (b, code);
      g_assert_nonnull (other);
      g_assert_cmpint (gk_row_get_value (other, 0), ==, gk_row_get_value (row, 0));
      n_public++;
    }
  g_assert_cmpuint (n_public, >, 0);
  assert_same_tables (original, back, dir, NULL);
  gk_test_remove_tree (dir);
}

/* A figure of the right half that no longer adds up to the sheet's
 * 公用经费合计: the cell of the total is named. */
static void
test_xlsx_halves_disagree (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GkDocument) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-xlsx-final-XXXXXX", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "final.xlsx", NULL);
  g_autofree char *altered = g_build_filename (dir, "altered.xlsx", NULL);
  g_autoptr(GString) report = g_string_new (NULL);

  export_xlsx (original, xlsx);
  rewrite_xlsx (xlsx, altered, "xl/worksheets/sheet6.xml",
                "<c r=\"F14\" s=\"6\"><v>1.3</v></c>", "<c r=\"F14\" s=\"6\"><v>2.3</v></c>");
  back = import_xlsx (altered, report);
  g_assert_true (has (report, "表六 (sheet “表六”), cell F15 (公用经费合计, 决算数): the workbook has 32.40, Gongkai derives 33.40"));
  g_assert_false (has (report, "人员经费合计, 决算数"));
  gk_test_remove_tree (dir);
}

/* Templates that print the same tables tie; the one whose region the
 * workbook names is taken, else --template is asked for. */
static void
test_xlsx_region_named (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GkDocument) original = gk_test_load (sample);
  g_autoptr(GkDocument) back = NULL;
  g_autoptr(GkDocument) named = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-xlsx-final-XXXXXX", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "final.xlsx", NULL);
  g_autofree char *shaanxi = g_build_filename (dir, "shaanxi.xlsx", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GString) named_report = g_string_new (NULL);

  export_xlsx (original, xlsx);
  back = import_xlsx (xlsx, report);
  g_assert_true (has (report, "(juesuan-national-2023); give --template to choose another"));
  rewrite_xlsx (xlsx, shaanxi, "docProps/core.xml",
                "<dc:title>柞水县", "<dc:title>陕西省柞水县");
  named = import_xlsx (shaanxi, named_report);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (named)), ==, "juesuan-shaanxi-2020-county");
  g_assert_true (has (named_report, "(juesuan-national-2023); chosen because the workbook names 陕西"));
  g_assert_false (has (named_report, "give --template"));
  gk_test_remove_tree (dir);
}

/* The national and 上海 决算 print the same nine tables: a 上海 unit's
 * workbook is read as 上海's, one that names no region asks. */
static void
test_xlsx_shanghai (void)
{
  GkTemplate *shanghai = gk_template_find ("juesuan-shanghai-2024");
  g_autoptr(GkDocument) named = gk_document_new_blank_for_template (shanghai, "上海市嘉定区审计局", 2024, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GkDocument) unnamed = gk_document_new_blank_for_template (shanghai, "嘉定区审计局", 2024, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GkDocument) a = NULL;
  g_autoptr(GkDocument) b = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-xlsx-final-XXXXXX", NULL);
  g_autofree char *pa = g_build_filename (dir, "a.xlsx", NULL);
  g_autofree char *pb = g_build_filename (dir, "b.xlsx", NULL);
  g_autoptr(GString) ra = g_string_new (NULL);
  g_autoptr(GString) rb = g_string_new (NULL);

  export_xlsx (named, pa);
  export_xlsx (unnamed, pb);
  a = import_xlsx (pa, ra);
  b = import_xlsx (pb, rb);
  g_assert_cmpstr (gk_template_get_id (gk_document_get_template (a)), ==, "juesuan-shanghai-2024");
  g_assert_true (has (ra, "chosen because the workbook names 上海"));
  g_assert_true (has (rb, "(juesuan-shanghai-2024); give --template to choose another"));
  g_unlink (pa);
  g_unlink (pb);
  gk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-pdf-final/round-trip", test_round_trip);
  g_test_add_func ("/import-pdf-final/libreoffice", test_libreoffice);
  g_test_add_func ("/import-pdf-final/template-asked", test_template_asked);
  g_test_add_func ("/import-pdf-final/altered-figure", test_altered_figure);
  g_test_add_func ("/import-pdf-final/missing-table", test_missing_table);
  g_test_add_func ("/import-pdf-final/drawn-sangong", test_drawn_sangong);
  g_test_add_func ("/import-pdf-final/jiading", test_jiading);
  g_test_add_func ("/import-pdf-final/neither", test_neither);
  g_test_add_func ("/import-pdf-final/damaged", test_damaged);
  g_test_add_func ("/import-pdf-final/xlsx/round-trip", test_xlsx_round_trip);
  g_test_add_func ("/import-pdf-final/xlsx/halves-disagree", test_xlsx_halves_disagree);
  g_test_add_func ("/import-pdf-final/xlsx/region-named", test_xlsx_region_named);
  g_test_add_func ("/import-pdf-final/xlsx/shanghai", test_xlsx_shanghai);

  return g_test_run ();
}
