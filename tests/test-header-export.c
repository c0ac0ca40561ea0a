/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gk-table-layout.h"
#include "gk-template-private.h"
#include "gk-xlsx-workbook.h"
#include "gk-xlsx-writer.h"

/* The workbook prints headers several rows deep as the layout has them:
 * each header cell a merged range over its rows and columns, read back
 * with the project's own reader (tests/data/templates/headers-test.json:
 * four header rows in both tables). */

/* The first header row of a sheet, below the title and the unit line. */
#define FIRST_HEADER 2

static GkDocument *
load_document (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "templates",
                                            "headers-test.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GkTemplate *template;
  GkDocument *document;
  GkTable *table;
  GkRow *row;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  template = gk_template_parse_definition (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  document = gk_document_new_for_template (template);
  table = gk_document_get_table (document, "expenditure");
  row = gk_document_add_row (document, table, "2010301", "行政运行", &error);
  g_assert_no_error (error);
  g_assert_true (gk_document_set_amount_text (document, row, gk_table_column_index (table, "personnel"),
                                              "12.5", &error));
  g_assert_no_error (error);
  return document;
}

static const GkXlsxCell *
cell_at (GkXlsxSheet *sheet,
         guint        row,
         guint        column)
{
  GArray *cells;

  g_assert_cmpuint (row, <, sheet->rows->len);
  cells = sheet->rows->pdata[row];
  g_assert_nonnull (cells);
  g_assert_cmpuint (column, <, cells->len);
  return &g_array_index (cells, GkXlsxCell, column);
}

static void
assert_sheet (GkXlsxSheet   *sheet,
              GkTableLayout *layout)
{
  for (guint i = 0; i < layout->header->len; i++)
    {
      GkLayoutHeaderCell *header = layout->header->pdata[i];

      for (guint r = header->row; r < header->row + header->row_span; r++)
        for (guint c = header->column; c < header->column + header->column_span; c++)
          {
            const GkXlsxCell *cell = cell_at (sheet, FIRST_HEADER + r, c);
            gboolean first = r == header->row && c == header->column;

            /* The merged range's first cell holds the text; the others
             * are covered by it, and read as copies of it. */
            g_assert_cmpstr (cell->text, ==, header->text);
            g_assert_true (cell->covered == !first);
          }
    }
}

static void
test_xlsx_merges (void)
{
  g_autoptr(GkDocument) document = load_document ();
  g_autofree char *directory = g_dir_make_tmp ("gongkai-headers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "headers.xlsx", NULL);
  g_autoptr(GkXlsxWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  const char *roles[] = { "expenditure", "sangong" };

  g_assert_true (gk_xlsx_export (document, path, &error));
  g_assert_no_error (error);
  workbook = gk_xlsx_workbook_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workbook->sheets->len, ==, G_N_ELEMENTS (roles));
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(GkTableLayout) layout = gk_table_layout_new (document, gk_document_get_table (document, roles[i]));

      g_assert_cmpuint (layout->n_header_rows, ==, 4);
      assert_sheet (workbook->sheets->pdata[i], layout);
    }
  /* The lines come right below the header: 201 first. */
  g_assert_cmpstr (cell_at (workbook->sheets->pdata[0], FIRST_HEADER + 4, 0)->text, ==, "201");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (directory), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/header-export/xlsx-merges", test_xlsx_merges);
  return g_test_run ();
}
