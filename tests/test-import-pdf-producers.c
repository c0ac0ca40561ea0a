/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-csv-writer.h"
#include "gk-document-io.h"
#include "gk-pdf-export.h"
#include "gk-pdf-import.h"
#include "gk-test-common.h"

/* PDFs that other programs made, and pages turned by /Rotate: every
 * figure comes back. The LibreOffice PDFs are committed (made by
 * tests/data/pdf/make-pdfs.sh) so that the test needs no LibreOffice. */

static char *
source_path (const char *first,
             ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) g_getenv ("GK_SOURCE_ROOT"));
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static void
export_csv (GkDocument *document,
            const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (dir);

  g_mkdir (dir, 0700);
  g_assert_true (gk_csv_export_document (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The lines of the CSVs in `a` that differ from those in `b`. */
static guint
csv_differences (const char *a,
                 const char *b)
{
  g_autoptr(GDir) listing = g_dir_open (a, 0, NULL);
  const char *name;
  guint n_files = 0, n_lines = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *pa = g_build_filename (a, name, NULL);
      g_autofree char *pb = g_build_filename (b, name, NULL);
      g_autofree char *ca = NULL;
      g_autofree char *cb = NULL;
      g_auto(GStrv) la = NULL;
      g_auto(GStrv) lb = NULL;

      g_assert_true (g_file_get_contents (pa, &ca, NULL, NULL));
      if (!g_file_get_contents (pb, &cb, NULL, NULL))
        cb = g_strdup ("");
      la = g_strsplit (ca, "\n", -1);
      lb = g_strsplit (cb, "\n", -1);
      for (guint i = 0; i < MAX (g_strv_length (la), g_strv_length (lb)); i++)
        {
          const char *x = i < g_strv_length (la) ? la[i] : "";
          const char *y = i < g_strv_length (lb) ? lb[i] : "";

          if (!g_str_equal (x, y))
            {
              g_test_message ("%s line %u: “%s” ≠ “%s”", name, i + 1, x, y);
              n_lines++;
            }
        }
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 9);
  return n_lines;
}

/* Imports `pdf` and counts the CSV lines that differ from `expected`'s. */
static guint
import_differences (const char *pdf,
                    GkDocument *expected,
                    GString    *report)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-producers-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a", NULL);
  g_autofree char *b = g_build_filename (dir, "b", NULL);
  g_autoptr(GkDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  back = gk_pdf_import (pdf, NULL, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_test_message ("%s", report->str);
  export_csv (expected, a);
  export_csv (back, b);
  n = csv_differences (a, b);
  gk_test_remove_tree (dir);
  return n;
}

/* LibreOffice prints a figure right against the next cell ("355.08201")
 * and 表七's 科目编码 over narrow 类, 款 and 项 columns. */
static void
test_libreoffice (void)
{
  g_autofree char *pdf = source_path ("tests", "data", "pdf", "libreoffice-sample.pdf", NULL);
  g_autoptr(GkDocument) sample = gk_test_load_sample ();
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_cmpuint (import_differences (pdf, sample, report), ==, 0);
  /* Every printed figure is where Gongkai derives it. */
  g_assert_null (strstr (report->str, ", Gongkai derives"));
  g_assert_nonnull (strstr (report->str, "表四 (sheet “page 4”): 85 figures compared with what Gongkai derives from the other tables, 0 differ"));
  g_assert_null (strstr (report->str, "is not a line of this table"));
  g_assert_null (strstr (report->str, "which is not a 项"));
}

static void
test_libreoffice_yuan (void)
{
  g_autofree char *pdf = source_path ("tests", "data", "pdf", "libreoffice-sample-yuan.pdf", NULL);
  g_autoptr(GkDocument) sample = gk_test_load_sample ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_convert_money_unit (sample, GK_MONEY_UNIT_YUAN, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (import_differences (pdf, sample, report), ==, 0);
  g_assert_nonnull (strstr (report->str, "amounts in 元"));
}

/* A 表七 of 105 lines runs over two pages without a title on the second. */
static void
test_libreoffice_long (void)
{
  g_autofree char *pdf = source_path ("tests", "data", "pdf", "libreoffice-sample-long.pdf", NULL);
  g_autofree char *source = source_path ("tests", "data", "pdf", "sample-long.gongkai", NULL);
  g_autoptr(GkDocument) long_sample = gk_test_load (source);
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_cmpuint (import_differences (pdf, long_sample, report), ==, 0);
  g_assert_nonnull (strstr (report->str, "pages 7–8"));
  g_assert_nonnull (strstr (report->str, "105 projects read"));
}

/* Gongkai's own PDF of the sample with pages turned by qpdf. */
static void
check_rotated (const char *rotate,
               guint       n_pages_expected)
{
  g_autoptr(GkDocument) sample = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-rotated-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sample.pdf", NULL);
  g_autofree char *turned = g_build_filename (dir, "turned.pdf", NULL);
  g_autofree char *rotate_arg = g_strdup_printf ("--rotate=%s", rotate);
  const char *argv[] = { "qpdf", rotate_arg, pdf, turned, NULL };
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pages = g_strdup_printf ("%u pages", n_pages_expected);
  int status = -1;

  g_assert_true (gk_pdf_export (sample, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (import_differences (turned, sample, report), ==, 0);
  g_assert_nonnull (strstr (report->str, pages));
  g_assert_nonnull (strstr (report->str, "6 projects read"));
  /* Every printed figure is where Gongkai derives it (表八's 合计 and
   * 小计 stand clear of their figures). */
  g_assert_null (strstr (report->str, ", Gongkai derives"));
  gk_test_remove_tree (dir);
}

static void
test_rotated_page (void)
{
  /* Page 11 is 表七. */
  check_rotated ("+90:11", 22);
}

static void
test_rotated_all (void)
{
  check_rotated ("+90", 22);
  check_rotated ("+270", 22);
  check_rotated ("+180:1-12", 22);
}

/* 第四部分 名词解释 reads back term by term, a term added by the unit
 * included, and the signature under it is not part of the last one. */
static void
test_glossary (void)
{
  g_autoptr(GkDocument) sample = gk_test_load_sample ();
  g_autoptr(GkDocument) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gongkai-pdf-glossary-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sample.pdf", NULL);
  g_autoptr(GkGlossaryEntry) added = gk_glossary_entry_new ("政府采购", "指各级国家机关使用财政性资金采购货物、工程和服务的行为。");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GListModel *a, *b;

  g_list_store_append (G_LIST_STORE (gk_document_get_glossary (sample)), added);
  g_assert_true (gk_pdf_export (sample, pdf, NULL, &error));
  g_assert_no_error (error);
  back = gk_pdf_import (pdf, NULL, report, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, "名词解释: 7 terms read"));
  a = gk_document_get_glossary (sample);
  b = gk_document_get_glossary (back);
  g_assert_cmpuint (g_list_model_get_n_items (b), ==, g_list_model_get_n_items (a));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(GkGlossaryEntry) x = g_list_model_get_item (a, i);
      g_autoptr(GkGlossaryEntry) y = g_list_model_get_item (b, i);

      g_assert_cmpstr (gk_glossary_entry_get_term (y), ==, gk_glossary_entry_get_term (x));
      g_assert_cmpstr (gk_glossary_entry_get_definition (y), ==, gk_glossary_entry_get_definition (x));
    }
  gk_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import-pdf-producers/libreoffice", test_libreoffice);
  g_test_add_func ("/import-pdf-producers/libreoffice-yuan", test_libreoffice_yuan);
  g_test_add_func ("/import-pdf-producers/libreoffice-long", test_libreoffice_long);
  g_test_add_func ("/import-pdf-producers/rotated-page", test_rotated_page);
  g_test_add_func ("/import-pdf-producers/rotated-all", test_rotated_all);
  g_test_add_func ("/import-pdf-producers/glossary", test_glossary);
  return g_test_run ();
}
