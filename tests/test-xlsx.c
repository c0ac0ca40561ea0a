/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gsf/gsf.h>

#include "gk-document-io.h"
#include "gk-xlsx-reader.h"
#include "gk-xlsx-sheet.h"
#include "gk-xlsx-workbook.h"
#include "gk-xlsx-writer.h"
#include "gk-test-common.h"

/* The nine tables out to an .xlsx workbook and back in, from Gongkai's own
 * workbooks and from workbooks laid out the ways other programs lay them
 * out (tests/data/xlsx/make-workbooks.py writes those). */

static const char * const labels[] = { "表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九" };

/* Removes the folder export_sample() made for `path`. */
static void
remove_export (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gk_test_remove_tree (dir);
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "xlsx", name, NULL);
}

static char *
export_sample (GkDocument **out_document)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-xlsx-XXXXXX", NULL);
  char *path = g_build_filename (dir, "sample.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_xlsx_export (document, path, &error));
  g_assert_no_error (error);
  if (out_document != NULL)
    *out_document = g_steal_pointer (&document);
  return path;
}

static GkDocument *
import (const char *path,
        GString    *report)
{
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_xlsx_import (path, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_test_message ("%s", report->str);
  return document;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *x = gk_xlsx_normalize (a);
  g_autofree char *y = gk_xlsx_normalize (b);
  return g_str_equal (x, y);
}

static void
assert_same_cells (GkRow      *expected,
                   GkRow      *got,
                   GkMoneyUnit from,
                   GkMoneyUnit to,
                   const char *where)
{
  for (guint c = 0; c < gk_row_get_n_columns (expected); c++)
    {
      GkAmount a = 0, b = 0, converted = 0;
      gboolean a_set, b_set;

      if (!gk_row_is_cell_entered (expected, c))
        continue;
      a_set = gk_row_get_amount (expected, c, &a);
      b_set = gk_row_get_amount (got, c, &b);
      g_assert_true (gk_amount_convert (a, from, to, &converted, NULL));
      if (a_set != b_set || converted != b)
        g_error ("%s, column %u: expected %s%" G_GINT64_FORMAT ", got %s%" G_GINT64_FORMAT,
                 where, c, a_set ? "" : "blank ", converted, b_set ? "" : "blank ", b);
    }
}

/* Every entered figure and every row of `tables` in `expected` is in
 * `got`, and nothing more; figures converted to `got`'s money unit. */
typedef enum {
  NAMES_EXACT,
  NAMES_ALIKE,   /* full- and half-width spellings of one name */
  NAMES_ANY,
} NameCheck;

static void
assert_same_entries (GkDocument         *expected,
                     GkDocument         *got,
                     const char * const *tables,
                     NameCheck           names)
{
  GkMoneyUnit from = gk_document_get_money_unit (expected);
  GkMoneyUnit to = gk_document_get_money_unit (got);

  for (guint t = 0; tables[t] != NULL; t++)
    {
      GkTable *a = gk_document_get_table (expected, tables[t]);
      GkTable *b = gk_document_get_table (got, tables[t]);
      const GkTableSchema *schema = gk_table_get_schema (a);

      if (schema->kind == GK_TABLE_KIND_SINGLE)
        {
          assert_same_cells (gk_table_get_single_row (a), gk_table_get_single_row (b), from, to, tables[t]);
          continue;
        }
      if (schema->kind == GK_TABLE_KIND_PROJECTS)
        {
          GListModel *pa = gk_document_get_projects (expected);
          GListModel *pb = gk_document_get_projects (got);

          g_assert_cmpuint (g_list_model_get_n_items (pa), ==, g_list_model_get_n_items (pb));
          for (guint i = 0; i < g_list_model_get_n_items (pa); i++)
            {
              g_autoptr(GkProject) x = g_list_model_get_item (pa, i);
              g_autoptr(GkProject) y = g_list_model_get_item (pb, i);

              g_assert_cmpstr (gk_project_get_name (x), ==, gk_project_get_name (y));
              g_assert_cmpstr (gk_project_get_function_code (x), ==, gk_project_get_function_code (y));
              assert_same_cells (gk_project_get_row (x), gk_project_get_row (y), from, to, gk_project_get_name (x));
            }
          continue;
        }

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (a)), ==, g_list_model_get_n_items (G_LIST_MODEL (b)));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (a)); i++)
        {
          g_autoptr(GkRow) x = g_list_model_get_item (G_LIST_MODEL (a), i);
          g_autoptr(GkRow) y = g_list_model_get_item (G_LIST_MODEL (b), i);
          g_autofree char *where = g_strdup_printf ("%s %s", tables[t], gk_row_get_code (x));

          g_assert_cmpstr (gk_row_get_code (x), ==, gk_row_get_code (y));
          if (names == NAMES_EXACT)
            g_assert_cmpstr (gk_row_get_name (x), ==, gk_row_get_name (y));
          else if (names == NAMES_ALIKE && !same_name (gk_row_get_name (x), gk_row_get_name (y)))
            g_error ("%s: named “%s”, expected “%s”", where, gk_row_get_name (y), gk_row_get_name (x));
          assert_same_cells (x, y, from, to, where);
        }
    }
}

static const char * const all_tables[] = { "income-summary", "income", "expenditure", "fiscal-summary", "general-expenditure", "basic-expenditure", "project-expenditure", "sangong", "fund-expenditure", NULL };

static gboolean
report_has (GString    *report,
            const char *needle)
{
  return strstr (report->str, needle) != NULL;
}

/* Export, then import: every entered figure and name comes back. */
static void
test_xlsx_round_trip (void)
{
  g_autoptr(GkDocument) sample = NULL;
  g_autofree char *path = export_sample (&sample);
  g_autoptr(GString) report = g_string_new (NULL);
  GkDocument *back = import (path, report);

  g_assert_cmpstr (gk_document_get_unit (back), ==, gk_document_get_unit (sample));
  g_assert_cmpuint (gk_document_get_year (back), ==, gk_document_get_year (sample));
  g_assert_cmpint (gk_document_get_money_unit (back), ==, gk_document_get_money_unit (sample));
  assert_same_entries (sample, back, all_tables, NAMES_EXACT);

  for (guint i = 0; all_tables[i] != NULL; i++)
    {
      GkTable *a = gk_document_get_table (sample, all_tables[i]);
      GkTable *b = gk_document_get_table (back, all_tables[i]);

      g_assert_cmpstr (gk_table_get_note (a), ==, gk_table_get_note (b));
      if (gk_table_is_empty (a))
        g_assert_cmpstr (gk_table_get_empty_explanation (a), ==, gk_table_get_empty_explanation (b));
    }

  /* Gongkai's own workbook agrees with what Gongkai derives. */
  g_assert_false (report_has (report, "the workbook has"));
  g_assert_true (report_has (report, "表一: 39 figures compared"));
  g_assert_false (gk_document_can_undo (back));
  g_assert_finalize_object (back);
  remove_export (path);
}

/* A new document exports nine empty tables and imports as one. */
static void
test_xlsx_round_trip_empty (void)
{
  g_autoptr(GkDocument) blank = gk_document_new_blank ("某某局", 2024, GK_MONEY_UNIT_YUAN);
  g_autofree char *dir = g_dir_make_tmp ("gongkai-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "blank.xlsx", NULL);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GkDocument *back;

  g_assert_true (gk_xlsx_export (blank, path, &error));
  g_assert_no_error (error);
  back = import (path, report);
  g_assert_cmpstr (gk_document_get_unit (back), ==, "某某局");
  g_assert_cmpuint (gk_document_get_year (back), ==, 2024);
  g_assert_cmpint (gk_document_get_money_unit (back), ==, GK_MONEY_UNIT_YUAN);
  for (guint i = 0; all_tables[i] != NULL; i++)
    g_assert_cmpint (gk_table_is_empty (gk_document_get_table (back, all_tables[i])), ==,
                     gk_table_is_empty (gk_document_get_table (blank, all_tables[i])));
  g_assert_true (gk_table_is_empty (gk_document_get_table (back, "expenditure")));
  g_assert_true (gk_table_is_empty (gk_document_get_table (back, "sangong")));
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_projects (back)), ==, 0);
  g_assert_false (report_has (report, "the workbook has"));
  g_assert_finalize_object (back);
  gk_test_remove_tree (dir);
}

static char *
read_member (const char *path,
             const char *member)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (path, &error);
  GsfInfile *zip;
  GsfInput *child;
  g_auto(GStrv) names = g_strsplit (member, "/", -1);
  char *text;
  gsf_off_t size;

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  child = gsf_infile_child_by_aname (zip, (const char **) names);
  g_assert_nonnull (child);
  size = gsf_input_size (child);
  text = g_malloc0 (size + 1);
  g_assert_nonnull (gsf_input_read (child, size, (guint8 *) text));
  g_object_unref (child);
  g_object_unref (zip);
  g_object_unref (input);
  return text;
}

static const GkXlsxCell *
cell (GkXlsxSheet *sheet,
      const char  *name)
{
  for (guint r = 0; r < sheet->n_rows; r++)
    for (guint c = 0; c < sheet->n_columns; c++)
      {
        g_autofree char *n = gk_xlsx_cell_name (r, c);
        if (g_str_equal (n, name))
          return gk_xlsx_sheet_get_cell (sheet, r, c);
      }
  g_error ("no cell %s in sheet %s", name, sheet->name);
}

/* The sheets are laid out as printed: title, unit line, merged headers,
 * codes as text, figures as numbers with two decimals, print settings. */
static void
test_xlsx_export_layout (void)
{
  g_autofree char *path = export_sample (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkXlsxWorkbook) workbook = gk_xlsx_workbook_open (path, &error);
  GkXlsxSheet *t2, *t8, *t9;
  g_autofree char *book = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (workbook->sheets->len, ==, 9);
  for (guint i = 0; i < 9; i++)
    g_assert_cmpstr (((GkXlsxSheet *) workbook->sheets->pdata[i])->name, ==, labels[i]);
  g_assert_nonnull (strstr (workbook->title, "2020年"));

  t2 = workbook->sheets->pdata[1];
  g_assert_cmpstr (cell (t2, "A1")->text, ==, "表二 部门收入总体情况表");
  g_assert_true (cell (t2, "M1")->covered);
  g_assert_cmpstr (cell (t2, "A2")->text, ==, "编制部门：乌鲁木齐县人民政府办公室");
  g_assert_cmpstr (cell (t2, "J2")->text, ==, "单位：万元");
  g_assert_cmpstr (cell (t2, "A3")->text, ==, "功能分类科目编码");
  g_assert_true (cell (t2, "C3")->covered);
  g_assert_cmpstr (cell (t2, "B4")->text, ==, "款");
  g_assert_true (cell (t2, "D4")->covered);   /* 功能分类科目名称 spans two rows */
  /* 201 03 01 行政运行: codes as text with their zeros, figures as numbers. */
  g_assert_cmpint (cell (t2, "B7")->type, ==, GK_XLSX_CELL_TEXT);
  g_assert_cmpstr (cell (t2, "B7")->text, ==, "03");
  g_assert_cmpstr (cell (t2, "C7")->text, ==, "01");
  g_assert_cmpint (cell (t2, "E7")->type, ==, GK_XLSX_CELL_NUMBER);
  g_assert_cmpstr (cell (t2, "E7")->text, ==, "265.06");
  g_assert_cmpstr (gk_xlsx_workbook_number_format (workbook, cell (t2, "E7")->style), ==, "#,##0.00");
  g_assert_cmpint (cell (t2, "G7")->type, ==, GK_XLSX_CELL_BLANK);
  g_assert_cmpstr (cell (t2, "D12")->text, ==, "合计");
  g_assert_cmpstr (cell (t2, "E12")->text, ==, "355.08");
  g_assert_cmpstr (cell (t2, "A13")->text, ==, "备注：无内容应公开空表并说明情况。");

  t8 = workbook->sheets->pdata[7];
  g_assert_cmpstr (cell (t8, "C3")->text, ==, "公务用车购置及运行费");
  g_assert_true (cell (t8, "E3")->covered);
  g_assert_cmpstr (cell (t8, "B5")->text, ==, "0");    /* entered zero, not blank */

  t9 = workbook->sheets->pdata[8];
  g_assert_cmpstr (cell (t9, "D5")->text, ==, "合计");
  g_assert_true (g_str_has_prefix (cell (t9, "A7")->text, "说明：2020年没有使用政府性基金预算拨款"));

  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *member = g_strdup_printf ("xl/worksheets/sheet%u.xml", i + 1);
      g_autofree char *xml = read_member (path, member);

      g_assert_nonnull (strstr (xml, "paperSize=\"9\""));
      g_assert_true ((strstr (xml, "orientation=\"landscape\"") != NULL) == (i == 1 || i == 6));
      g_assert_nonnull (strstr (xml, "state=\"frozen\""));
      g_assert_null (strstr (xml, "<f>"));   /* values, never formulas */
      g_assert_nonnull (strstr (xml, "<cols>"));
    }
  book = read_member (path, "xl/workbook.xml");
  g_assert_nonnull (strstr (book, "_xlnm.Print_Titles"));
  remove_export (path);
}

/* Column widths fit the content, CJK characters counting double. */
static void
test_xlsx_export_widths (void)
{
  g_autofree char *path = export_sample (NULL);
  g_autofree char *xml = read_member (path, "xl/worksheets/sheet7.xml");
  g_autoptr(GRegex) regex = g_regex_new ("<col min=\"(\\d+)\" max=\"\\d+\" width=\"([\\d.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  double widths[32] = { 0 };

  g_regex_match (regex, xml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *col = g_match_info_fetch (match, 1);
      g_autofree char *width = g_match_info_fetch (match, 2);
      guint c = (guint) g_ascii_strtoull (col, NULL, 10);

      if (c < G_N_ELEMENTS (widths))
        widths[c] = g_ascii_strtod (width, NULL);
      g_match_info_next (match, NULL);
    }
  /* A: 类 codes (3 digits); E: the longest project name, 29 CJK characters. */
  g_assert_cmpfloat (widths[1], <, 10);
  g_assert_cmpfloat (widths[5], >=, 58);
  g_assert_cmpfloat (widths[5], <=, 62);
  remove_export (path);
}

/* Written atomically: a failure leaves no file, a success no temporary. */
static void
test_xlsx_export_atomic (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tables.xlsx", NULL);
  g_autofree char *bad = g_build_filename (dir, "missing", "tables.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (gk_xlsx_export (document, path, &error));
  g_assert_no_error (error);
  g_assert_true (gk_xlsx_export (document, path, &error));
  g_assert_no_error (error);

  g_assert_false (gk_xlsx_export (document, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, bad));

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);
  {
    g_autofree char *contents = NULL;
    gsize length;
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (length > 4 && memcmp (contents, "PK", 2) == 0);
  }
  gk_test_remove_tree (dir);
}

/* CSV records, quoted fields and all. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (*p == '\r')
        continue;
      else if (*p == '\n')
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, fields);
          fields = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (field, *p);
    }
  if (field->len > 0 || fields->len > 0)
    {
      g_ptr_array_add (fields, g_string_free (field, FALSE));
      g_ptr_array_add (records, fields);
    }
  else
    {
      g_string_free (field, TRUE);
      g_ptr_array_unref (fields);
    }
  return records;
}

static gboolean
same_field (const char *a,
            const char *b)
{
  GkAmount x, y;
  g_autofree char *plain = g_strdup (b);

  if (g_str_equal (a, b))
    return TRUE;
  /* LibreOffice may group thousands; the CSV export does not. */
  g_strdelimit (plain, ",", ' ');
  {
    char *w = plain;
    for (const char *r = plain; *r; r++)
      if (*r != ' ')
        *w++ = *r;
    *w = '\0';
  }
  return gk_amount_parse (a, GK_AMOUNT_PARSE_ALLOW_NEGATIVE, &x, NULL) &&
         gk_amount_parse (plain, GK_AMOUNT_PARSE_ALLOW_NEGATIVE, &y, NULL) && x == y;
}

/* LibreOffice opens the exported workbook and shows, sheet by sheet, the
 * figures and words of `gongkai --export-csv`. */
static void
test_xlsx_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *sample = gk_test_sample_path ();
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv_dir = NULL;
  g_autofree char *lo_dir = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed; install libreoffice-calc-nogui to run this test");
      return;
    }

  path = export_sample (NULL);
  dir = g_path_get_dirname (path);
  csv_dir = g_build_filename (dir, "csv", NULL);
  lo_dir = g_build_filename (dir, "lo", NULL);
  profile = g_build_filename (dir, "profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);

  {
    const char *argv[] = { g_getenv ("GK_GONGKAI"), "--export-csv", csv_dir, sample, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
    /* 44,34,76: comma, double quote, UTF-8; true (9th): as shown; -1: every sheet. */
    const char *argv[] = { soffice, env, "--headless", "--norestore", "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                           "--outdir", lo_dir, path, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("soffice failed: %s %s", out, err);
  }

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *ours_name = g_strconcat (labels[i], ".csv", NULL);
      g_autofree char *lo_name = g_strconcat ("sample-", labels[i], ".csv", NULL);
      g_autofree char *ours_path = g_build_filename (csv_dir, ours_name, NULL);
      g_autofree char *lo_path = g_build_filename (lo_dir, lo_name, NULL);
      g_autofree char *ours_text = NULL, *lo_text = NULL;
      g_autoptr(GPtrArray) ours = NULL, lo = NULL;

      g_assert_true (g_file_get_contents (ours_path, &ours_text, NULL, NULL));
      if (!g_file_get_contents (lo_path, &lo_text, NULL, &error))
        g_error ("LibreOffice wrote no %s: %s", lo_path, error->message);
      ours = parse_csv (ours_text);
      lo = parse_csv (lo_text);

      /* The workbook adds the title and unit lines above and the notes below. */
      g_assert_cmpuint (lo->len, >=, ours->len + 2);
      for (guint r = 0; r < ours->len; r++)
        {
          GPtrArray *a = ours->pdata[r];
          GPtrArray *b = lo->pdata[r + 2];

          g_assert_cmpuint (a->len, ==, b->len);
          for (guint c = 0; c < a->len; c++)
            if (!same_field (a->pdata[c], b->pdata[c]))
              g_error ("%s row %u column %u: gongkai --export-csv has “%s”, LibreOffice shows “%s”",
                       labels[i], r + 1, c + 1, (char *) a->pdata[c], (char *) b->pdata[c]);
        }
    }
  gk_test_remove_tree (dir);
}

/* The seed's own layout: 表N labels, three code columns (款 as numbers
 * shown 00), half-width names, the seed's inconsistent 284.08 and its row
 * of zeros in 表九, sheets out of order. */
static void
test_xlsx_import_seed_layout (void)
{
  g_autofree char *path = data_path ("seed-layout.xlsx");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) sample = gk_test_load_sample ();
  g_autoptr(GkDocument) document = import (path, report);
  GkTable *t9;

  g_assert_cmpstr (gk_document_get_unit (document), ==, "乌鲁木齐县人民政府办公室");
  g_assert_cmpint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_WANYUAN);
  assert_same_entries (sample, document, all_tables, NAMES_ALIKE);

  /* The subtotal rows that do not add up are reported, cell by cell. */
  g_assert_true (report_has (report, "表三 (sheet “表3”), cell F8 (201 一般公共服务支出, 基本支出): the workbook has 284.08, Gongkai derives 265.06"));
  g_assert_true (report_has (report, "表三 (sheet “表3”), cell F9 (20103"));
  g_assert_true (report_has (report, "表五 (sheet “表5”), cell F8 (201"));
  g_assert_true (report_has (report, "表一 (sheet “表1”): 25 figures compared with what Gongkai derives from the other tables, 0 differ"));
  g_assert_true (report_has (report, "表九 (sheet “表9”), row 8: a placeholder row of zeros; ignored"));
  g_assert_true (report_has (report, "does not say which year"));

  t9 = gk_document_get_table (document, "fund-expenditure");
  g_assert_true (gk_table_is_empty (t9));
  g_assert_cmpstr (gk_table_get_note (t9), ==, "2020 年没有使用政府性基金预算拨款安排的支出, 政府性基金预算支出情况表为空表。");
}

/* A budget system's export: titles as sheet names, amounts in 元, whole
 * codes as numbers in one column, indented names, a 栏次 row. */
static void
test_xlsx_import_budget_system (void)
{
  g_autofree char *path = data_path ("budget-system-yuan.xlsx");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) sample = gk_test_load_sample ();
  g_autoptr(GkDocument) document = import (path, report);
  GkRow *row;
  GkAmount amount;

  g_assert_cmpint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_YUAN);
  g_assert_cmpuint (gk_document_get_year (document), ==, 2020);
  g_assert_cmpstr (gk_document_get_unit (document), ==, "乌鲁木齐县人民政府办公室");
  assert_same_entries (sample, document, all_tables, NAMES_ANY);

  row = gk_table_lookup (gk_document_get_table (document, "expenditure"), "2010301");
  g_assert_true (gk_row_get_amount (row, 1, &amount));
  g_assert_cmpint (amount, ==, G_GINT64_CONSTANT (265060000));   /* 2,650,600.00 元 */
  g_assert_cmpstr (gk_row_get_name (row), ==, "行政运行");

  g_assert_true (report_has (report, "表一 (sheet “部门收支总体情况表”): 8 figures compared with what Gongkai derives from the other tables, 0 differ"));
  g_assert_true (report_has (report, "表四 (sheet “财政拨款收支总体情况表”): 12 figures compared"));
  g_assert_false (report_has (report, "the workbook has"));
}

/* Hand-made variants in strict OOXML: sheets to ignore, a table known only
 * by its number and headings, 类 left blank, dashes, formulas, 表六
 * without 总计, projects under their 项 without codes of their own. */
static void
test_xlsx_import_variants (void)
{
  g_autofree char *path = data_path ("variants.xlsx");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GkDocument) sample = gk_test_load_sample ();
  g_autoptr(GkDocument) document = import (path, report);
  const char * const tables[] = { "expenditure", "basic-expenditure", "project-expenditure", "sangong", NULL };
  GkTable *t2 = gk_document_get_table (document, "income");
  GkAmount amount;

  g_assert_cmpuint (gk_document_get_year (document), ==, 2020);
  g_assert_cmpstr (gk_document_get_unit (document), ==, "乌鲁木齐县人民政府办公室");
  assert_same_entries (sample, document, tables, NAMES_ANY);

  g_assert_true (gk_row_get_amount (gk_table_lookup (t2, "2010399"), gk_table_column_index (t2, "general"), &amount));
  g_assert_cmpint (amount, ==, 7100);
  g_assert_true (gk_table_is_empty (gk_document_get_table (document, "general-expenditure")));

  g_assert_true (report_has (report, "Sheet “封面”: not part of this template (no title or headings of its tables); ignored"));
  g_assert_true (report_has (report, "Sheet “数据”: hidden; ignored"));
  g_assert_true (report_has (report, "Sheet “政府采购预算表”: “政府采购预算表” is not part of this template; ignored"));
  g_assert_true (report_has (report, "表三 (sheet “表3”): 表三 部门支出总体情况表, recognised by its number and headings"));
  g_assert_true (report_has (report, "表三 (sheet “表3”): 3 cells with a dash were read as blank"));
  g_assert_true (report_has (report, "表二 (sheet “收入”), column E (“备用”): not a column of this table; ignored"));
  g_assert_true (report_has (report, "表六 (sheet “基本支出”) has no 总计 column"));
  g_assert_true (report_has (report, "表五 一般公共预算支出情况表 is not in the workbook; it stays empty"));
  g_assert_false (report_has (report, "the workbook has"));
}

static void
assert_import_fails (const char *name,
                     int         code,
                     const char *const *needles)
{
  g_autofree char *path = g_str_has_prefix (name, "/") ? g_strdup (name) : data_path (name);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_xlsx_import (path, report, &error);

  g_assert_null (document);
  g_assert_error (error, GK_XLSX_ERROR, code);
  g_test_message ("%s: %s", name, error->message);
  for (guint i = 0; needles[i] != NULL; i++)
    if (strstr (error->message, needles[i]) == NULL)
      g_error ("“%s” does not mention “%s”", error->message, needles[i]);
}

static void
test_xlsx_import_bad (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-xlsx-XXXXXX", NULL);
  g_autofree char *random = g_build_filename (dir, "random.xlsx", NULL);
  g_autofree char *nothing = g_build_filename (dir, "nothing.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.xlsx", NULL);
  guint8 bytes[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_test_rand_int_range (0, 256);
  bytes[0] = 0x01;
  g_assert_true (g_file_set_contents (random, (const char *) bytes, sizeof bytes, NULL));
  g_assert_true (g_file_set_contents (nothing, "", 0, NULL));

  assert_import_fails ("damaged.xlsx", GK_XLSX_ERROR_DAMAGED,
                       (const char *[]) { "damaged.xlsx", "damaged or incomplete zip", NULL });
  assert_import_fails ("garbled-sheet.xlsx", GK_XLSX_ERROR_DAMAGED,
                       (const char *[]) { "garbled-sheet.xlsx", "sheet “表1”", NULL });
  assert_import_fails ("bad-xml.xlsx", GK_XLSX_ERROR_DAMAGED,
                       (const char *[]) { "bad-xml.xlsx", "sheet “表三”", "not well-formed", NULL });
  assert_import_fails ("csv-renamed.xlsx", GK_XLSX_ERROR_NOT_WORKBOOK,
                       (const char *[]) { "csv-renamed.xlsx", "text file", NULL });
  assert_import_fails ("not-a-workbook.xlsx", GK_XLSX_ERROR_NOT_WORKBOOK,
                       (const char *[]) { "not-a-workbook.xlsx", "not an Excel workbook", NULL });
  assert_import_fails ("empty.xlsx", GK_XLSX_ERROR_NO_TABLE,
                       (const char *[]) { "empty.xlsx", "Sheet1", "empty", NULL });
  assert_import_fails ("text-amount.xlsx", GK_XLSX_ERROR_INVALID,
                       (const char *[]) { "text-amount.xlsx", "表三", "D4", "基本支出", "“待定” is not an amount", NULL });
  assert_import_fails (random, GK_XLSX_ERROR_NOT_WORKBOOK, (const char *[]) { "random.xlsx", NULL });
  assert_import_fails (nothing, GK_XLSX_ERROR_NOT_WORKBOOK, (const char *[]) { "nothing.xlsx", "empty", NULL });
  assert_import_fails (missing, GK_XLSX_ERROR_NOT_WORKBOOK, (const char *[]) { "missing.xlsx", NULL });
  gk_test_remove_tree (dir);
}

/* Amounts are converted exactly, or rounded to the cent and said so. */
static void
test_xlsx_amounts (void)
{
  static const struct {
    const char  *text;
    gboolean     number;
    GkMoneyUnit  from, to;
    gboolean     ok;
    GkAmount     amount;
    gboolean     rounded;
  } cases[] = {
    { "265.06", TRUE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 26506, FALSE },
    { "265.06000000000000227", TRUE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 26506, FALSE },
    { "0.30000000000000004", TRUE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 30, FALSE },
    { "265.061", FALSE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 26506, TRUE },
    { "265.065", FALSE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 26507, TRUE },
    { "2650600", TRUE, GK_MONEY_UNIT_YUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 26506, FALSE },
    { "2650612.35", TRUE, GK_MONEY_UNIT_YUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 26506, TRUE },
    { "265.061235", FALSE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_YUAN, TRUE, 265061235, FALSE },
    { "2.5E+7", TRUE, GK_MONEY_UNIT_YUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 250000, FALSE },
    { "1E-3", TRUE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 0, TRUE },
    { "-12.5", FALSE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, TRUE, -1250, FALSE },
    { "0", TRUE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, TRUE, 0, FALSE },
    { "99999999999999999999", FALSE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, FALSE, 0, FALSE },
    { "待定", FALSE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, FALSE, 0, FALSE },
    { "1.2.3", FALSE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, FALSE, 0, FALSE },
    { "", FALSE, GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_WANYUAN, FALSE, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GkAmount amount = 0;
      gboolean rounded = FALSE;
      gboolean ok = gk_xlsx_decimal_to_amount (cases[i].text, cases[i].number, cases[i].from, cases[i].to,
                                               &amount, &rounded);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        continue;
      g_assert_cmpint (amount, ==, cases[i].amount);
      g_assert_cmpint (rounded, ==, cases[i].rounded);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/round-trip", test_xlsx_round_trip);
  g_test_add_func ("/xlsx/round-trip-empty", test_xlsx_round_trip_empty);
  g_test_add_func ("/xlsx/export/layout", test_xlsx_export_layout);
  g_test_add_func ("/xlsx/export/widths", test_xlsx_export_widths);
  g_test_add_func ("/xlsx/export/atomic", test_xlsx_export_atomic);
  g_test_add_func ("/xlsx/export/libreoffice", test_xlsx_libreoffice);
  g_test_add_func ("/xlsx/import/seed-layout", test_xlsx_import_seed_layout);
  g_test_add_func ("/xlsx/import/budget-system", test_xlsx_import_budget_system);
  g_test_add_func ("/xlsx/import/variants", test_xlsx_import_variants);
  g_test_add_func ("/xlsx/import/bad-input", test_xlsx_import_bad);
  g_test_add_func ("/xlsx/amounts", test_xlsx_amounts);

  return g_test_run ();
}
