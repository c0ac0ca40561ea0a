/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gk-disclosure-layout.h"
#include "gk-document-io.h"
#include "gk-narrative.h"
#include "gk-pdf-export.h"
#include "gk-test-common.h"

/* The PDF engine: its objects, ruled tables, page flow. */

/* Create and destroy ------------------------------------------------------- */

static void
test_pdf_objects_new_free (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkPdfWriter *writer = gk_pdf_writer_new (document);
  GkTypesetter *typesetter = gk_typesetter_new (NULL, NULL);
  GkRuledTable *ruled = gk_ruled_table_new (3);
  GkPageLayout *layout;

  g_assert_true (gk_pdf_writer_get_document (writer) == document);
  g_assert_false (gk_pdf_writer_get_with_charts (writer));
  gk_pdf_writer_set_with_charts (writer, TRUE);
  g_assert_true (gk_pdf_writer_get_with_charts (writer));
  g_assert_finalize_object (writer);

  layout = gk_page_layout_new (typesetter);
  g_assert_true (gk_page_layout_get_typesetter (layout) == typesetter);
  g_assert_finalize_object (layout);
  g_assert_finalize_object (typesetter);

  gk_ruled_table_append_row (ruled, GK_RULED_ROW_HEADER);
  gk_ruled_table_add_cell (ruled, 0, "类", GK_TEXT_TABLE_HEADER, -1, 0, 1, 3);
  g_assert_cmpuint (gk_ruled_table_get_n_rows (ruled), ==, 1);
  g_assert_finalize_object (ruled);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_pdf_writer_notify (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);
  guint notified = 0;

  g_signal_connect (writer, "notify", G_CALLBACK (count_notify), &notified);
  gk_pdf_writer_set_with_charts (writer, TRUE);
  gk_pdf_writer_set_with_charts (writer, TRUE);
  gk_pdf_writer_set_body_font (writer, "Noto Serif CJK SC");
  gk_pdf_writer_set_body_font (writer, "Noto Serif CJK SC");
  gk_pdf_writer_set_heading_font (writer, NULL);
  /* Only real changes are notified. */
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpstr (gk_pdf_writer_get_body_font (writer), ==, "Noto Serif CJK SC");
}

/* The engine --------------------------------------------------------------- */

static void
test_pdf_ruled_table (void)
{
  g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
  g_autoptr(GkRuledTable) ruled = gk_ruled_table_new (3);
  double total = 0;

  gk_ruled_table_set_column (ruled, 0, GK_RULED_COLUMN_CODE, 0);
  gk_ruled_table_set_column (ruled, 1, GK_RULED_COLUMN_TEXT, 8);
  gk_ruled_table_set_column (ruled, 2, GK_RULED_COLUMN_FIGURE, 0);
  gk_ruled_table_append_row (ruled, GK_RULED_ROW_HEADER);
  gk_ruled_table_add_cell (ruled, 0, "编码", GK_TEXT_TABLE_HEADER, -1, 0, 1, 1);
  gk_ruled_table_add_cell (ruled, 1, "名称", GK_TEXT_TABLE_HEADER, -1, 0, 1, 1);
  gk_ruled_table_add_cell (ruled, 2, "金额", GK_TEXT_TABLE_HEADER, -1, 0, 1, 1);
  gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
  gk_ruled_table_add_cell (ruled, 0, "201", GK_TEXT_TABLE_CELL, -1, 0, 2, 1);
  gk_ruled_table_add_cell (ruled, 1, "短", GK_TEXT_TABLE_CELL, -1, 0, 1, 1);
  gk_ruled_table_add_cell (ruled, 2, "1.00", GK_TEXT_TABLE_CELL, PANGO_ALIGN_RIGHT, 0, 1, 1);
  gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
  gk_ruled_table_add_cell (ruled, 1, "其他政府办公厅（室）及相关机构事务支出其他政府办公厅（室）及相关机构事务支出",
                           GK_TEXT_TABLE_CELL, -1, 1, 1, 1);
  gk_ruled_table_add_cell (ruled, 2, "123456.78", GK_TEXT_TABLE_CELL, PANGO_ALIGN_RIGHT, 0, 1, 1);

  gk_ruled_table_measure (ruled, typesetter, 400);
  for (guint c = 0; c < 3; c++)
    total += gk_ruled_table_get_column_width (ruled, c);
  /* The table spans the width it is given. */
  g_assert_cmpfloat_with_epsilon (total, 400, 0.01);
  /* A figure never wraps; a long name does. */
  g_assert_cmpfloat (gk_ruled_table_get_column_width (ruled, 2), >, gk_typesetter_text_width (typesetter, GK_TEXT_TABLE_CELL, "123456.78"));
  g_assert_cmpfloat (gk_ruled_table_get_row_height (ruled, 2), >, 1.5 * gk_ruled_table_get_row_height (ruled, 1));
  /* No page break inside the merged 201. */
  g_assert_true (gk_ruled_table_can_break_before (ruled, 1));
  g_assert_false (gk_ruled_table_can_break_before (ruled, 2));
  g_assert_cmpuint (gk_ruled_table_get_n_header_rows (ruled), ==, 1);
  g_assert_cmpstr (gk_ruled_table_get_cell_text (ruled, 2, 2), ==, "123456.78");
}

/* The lines a heading is set in, word joiners left out. */
static char *
heading_lines (GkTypesetter *typesetter,
               const char   *text,
               double        width)
{
  PangoLayout *layout = gk_typesetter_layout (typesetter, GK_TEXT_TABLE_HEADER, text, width, -1, GK_TYPESET_DEFAULT);
  const char *laid = pango_layout_get_text (layout);
  GString *lines = g_string_new (NULL);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      if (lines->len > 0)
        g_string_append_c (lines, '/');
      for (const char *p = laid + line->start_index; p < laid + line->start_index + line->length; p = g_utf8_next_char (p))
        if (g_utf8_get_char (p) != 0x2060)
          g_string_append_len (lines, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (lines, FALSE);
}

/* A column title breaks between its words, never inside one
 * ("债务利/息及费/用支出" was what four characters of room gave). */
static void
test_pdf_heading_words (void)
{
  static const struct { const char *title; guint ems; const char *lines; } cases[] = {
    { "债务利息及费用支出", 4, "债务利息/及费用/支出" },
    { "工资福利支出", 4, "工资福利/支出" },
    { "对社会保障基金补助", 4, "对/社会保障/基金补助" },
    { "一般公共预算拨款", 4, "一般公共/预算拨款" },
    { "用事业基金弥补收支差额", 4, "用事业/基金弥补/收支差额" },
    { "商品和服务支出", 3, "商品和/服务/支出" },
  };
  g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
  double em = gk_typesetter_get_style_info (GK_TEXT_TABLE_HEADER)->size;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *lines = heading_lines (typesetter, cases[i].title, cases[i].ems * em + 0.5);
      g_assert_cmpstr (lines, ==, cases[i].lines);
    }

  /* A table too narrow for its titles widens each column to its longest
   * word instead of breaking it. */
  {
    g_autoptr(GkRuledTable) ruled = gk_ruled_table_new (4);

    for (guint c = 0; c < 4; c++)
      gk_ruled_table_set_column (ruled, c, GK_RULED_COLUMN_FIGURE, 0);
    gk_ruled_table_append_row (ruled, GK_RULED_ROW_HEADER);
    gk_ruled_table_add_cell (ruled, 0, "工资福利支出", GK_TEXT_TABLE_HEADER, -1, 0, 1, 1);
    gk_ruled_table_add_cell (ruled, 1, "债务利息及费用支出", GK_TEXT_TABLE_HEADER, -1, 0, 1, 1);
    gk_ruled_table_add_cell (ruled, 2, "对社会保障基金补助", GK_TEXT_TABLE_HEADER, -1, 0, 1, 1);
    gk_ruled_table_add_cell (ruled, 3, "其他支出", GK_TEXT_TABLE_HEADER, -1, 0, 1, 1);
    gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
    for (guint c = 0; c < 4; c++)
      gk_ruled_table_add_cell (ruled, c, "1.00", GK_TEXT_TABLE_CELL, PANGO_ALIGN_RIGHT, 0, 1, 1);
    gk_ruled_table_measure (ruled, typesetter, 4 * (4 * em + 7));
    for (guint c = 0; c < 3; c++)
      g_assert_cmpfloat (gk_ruled_table_get_column_width (ruled, c), >=,
                         gk_typesetter_text_width (typesetter, GK_TEXT_TABLE_HEADER, "债务利息"));
  }
}

static void
test_pdf_performance_table (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkProject) project = g_list_model_get_item (gk_document_get_projects (document), 0);
  g_autoptr(GkRuledTable) ruled = gk_disclosure_performance_new (document, project);

  /* Owner, name, money, goal, the heading row, then seven indicators of
   * which the four 产出指标 share one merged 一级指标 cell. */
  g_assert_cmpuint (gk_ruled_table_get_n_rows (ruled), ==, 4 + 7);
  g_assert_cmpstr (gk_ruled_table_get_cell_text (ruled, 0, 1), ==, "县电子政务办");
  g_assert_cmpstr (gk_ruled_table_get_cell_text (ruled, 0, 5), ==, "电子政务工作经费");
  g_assert_cmpstr (gk_ruled_table_get_cell_text (ruled, 1, 2), ==, "5.00万元");
  g_assert_cmpstr (gk_ruled_table_get_cell_text (ruled, 1, 4), ==, "5.00万元");
  g_assert_cmpstr (gk_ruled_table_get_cell_text (ruled, 2, 1), ==, "进一步使政府工作高效运转");
  g_assert_cmpstr (gk_ruled_table_get_cell_text (ruled, 4, 0), ==, "产出指标");
  g_assert_null (gk_ruled_table_get_cell_text (ruled, 5, 0));
  g_assert_cmpstr (gk_ruled_table_get_cell_text (ruled, 8, 0), ==, "效益指标");
  g_assert_cmpstr (gk_ruled_table_get_cell_text (ruled, 4, 5), ==, "10元");
  g_assert_true (gk_ruled_table_get_keep_together (ruled));
}

static void
draw_nothing (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static void
test_pdf_page_flow (void)
{
  g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
  g_autoptr(GkPageLayout) layout = gk_page_layout_new (typesetter);
  g_autoptr(GkRuledTable) ruled = gk_ruled_table_new (2);
  g_autoptr(GString) text = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint drawn = 0;
  guint pages;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "部门预算公开");

  gk_page_layout_new_page (layout, GK_PAGE_PORTRAIT, TRUE);
  gk_page_layout_add_anchor (layout, "text");
  gk_page_layout_add_text (layout, GK_TEXT_BODY, text->str);
  /* 2 400 characters of body text take more than a page. */
  g_assert_cmpuint (gk_page_layout_get_n_pages (layout), ==, 2);

  gk_page_layout_new_page (layout, GK_PAGE_LANDSCAPE, TRUE);
  gk_page_layout_add_anchor (layout, "table");
  gk_ruled_table_append_row (ruled, GK_RULED_ROW_HEADER);
  gk_ruled_table_add_cell (ruled, 0, "名称", GK_TEXT_TABLE_HEADER, -1, 0, 1, 1);
  gk_ruled_table_add_cell (ruled, 1, "金额", GK_TEXT_TABLE_HEADER, -1, 0, 1, 1);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("项目%u", i);
      gk_ruled_table_append_row (ruled, GK_RULED_ROW_DEFAULT);
      gk_ruled_table_add_cell (ruled, 0, name, GK_TEXT_TABLE_CELL, -1, 0, 1, 1);
      gk_ruled_table_add_cell (ruled, 1, "1.00", GK_TEXT_TABLE_CELL, PANGO_ALIGN_RIGHT, 0, 1, 1);
    }
  gk_page_layout_add_table (layout, ruled, "续");
  gk_page_layout_add_drawing (layout, 100, draw_nothing, &drawn, NULL);

  pages = gk_page_layout_get_n_pages (layout);
  g_assert_cmpuint (pages, >, 4);
  g_assert_cmpint (gk_page_layout_lookup_anchor (layout, "text"), ==, 0);
  g_assert_cmpint (gk_page_layout_lookup_anchor (layout, "table"), ==, 2);
  g_assert_cmpint (gk_page_layout_lookup_anchor (layout, "none"), ==, -1);
  /* A table's continuation pages keep its orientation. */
  for (guint p = 2; p < pages; p++)
    g_assert_cmpint (gk_page_layout_get_orientation (layout, p), ==, GK_PAGE_LANDSCAPE);

  /* Any cairo_t will do, as for printing: draw the last page on an image. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 842, 595);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gk_page_layout_draw_page (layout, cr, pages - 1);
  g_assert_cmpuint (drawn, ==, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* One paragraph of @n phrases over several pages, and its pages drawn
 * in order: the lines stepped through, and the pages in @n_pages. */
static GkPageLayout *
long_paragraph (guint n)
{
  g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
  GkPageLayout *layout = gk_page_layout_new (typesetter);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, "部门预算公开。");
  gk_page_layout_new_page (layout, GK_PAGE_PORTRAIT, TRUE);
  gk_page_layout_add_text (layout, GK_TEXT_BODY, text->str);
  return layout;
}

static cairo_surface_t *
draw_page (GkPageLayout *layout,
           guint         page)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  gk_page_layout_draw_page (layout, cr, page);
  gk_typesetter_flush (gk_page_layout_get_typesetter (layout));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint64
lines_visited (guint   n,
               guint  *n_pages)
{
  g_autoptr(GkPageLayout) layout = long_paragraph (n);
  GkTypesetter *typesetter = gk_page_layout_get_typesetter (layout);
  guint64 before = gk_typesetter_get_lines_visited (typesetter);

  *n_pages = gk_page_layout_get_n_pages (layout);
  for (guint p = 0; p < *n_pages; p++)
    cairo_surface_destroy (draw_page (layout, p));
  return gk_typesetter_get_lines_visited (typesetter) - before;
}

/* A paragraph of many pages costs its lines, not their square: each page
 * goes on from where the one before stopped. */
static void
test_pdf_long_paragraph (void)
{
  guint short_pages, long_pages;
  guint64 short_lines = lines_visited (1500, &short_pages);
  guint64 long_lines = lines_visited (6000, &long_pages);

  g_test_message ("%u pages: %" G_GUINT64_FORMAT " lines visited; %u pages: %" G_GUINT64_FORMAT,
                  short_pages, short_lines, long_pages, long_lines);

  g_assert_cmpuint (short_pages, >=, 5);
  g_assert_cmpuint (long_pages, >=, 4 * short_pages - 1);
  /* No page holds 60 lines of body text with its page number. */
  g_assert_cmpuint (short_lines, <=, 60 * short_pages);
  g_assert_cmpuint (long_lines, <=, 60 * long_pages);
  g_assert_cmpuint (long_lines, <=, 5 * short_lines);
}

/* Pages drawn out of order (a print preview) show the same lines. */
static void
assert_same_page (GPtrArray    *in_order,
                  GkPageLayout *layout,
                  guint         page)
{
  cairo_surface_t *again = draw_page (layout, page);
  cairo_surface_t *first = g_ptr_array_index (in_order, page);
  int size = cairo_image_surface_get_stride (again) * cairo_image_surface_get_height (again);

  g_assert_cmpmem (cairo_image_surface_get_data (first), size, cairo_image_surface_get_data (again), size);
  cairo_surface_destroy (again);
}

static void
test_pdf_long_paragraph_any_order (void)
{
  g_autoptr(GkPageLayout) layout = long_paragraph (1500);
  guint pages = gk_page_layout_get_n_pages (layout);
  g_autoptr(GPtrArray) in_order = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  for (guint p = 0; p < pages; p++)
    g_ptr_array_add (in_order, draw_page (layout, p));
  for (guint p = pages; p-- > 0;)
    assert_same_page (in_order, layout, p);
  /* Page 3 twice, then 2 and 3: the cursor never lands on a later line. */
  assert_same_page (in_order, layout, 3);
  assert_same_page (in_order, layout, 3);
  assert_same_page (in_order, layout, 2);
  assert_same_page (in_order, layout, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/objects-new-free", test_pdf_objects_new_free);
  g_test_add_func ("/pdf/writer-notify", test_pdf_writer_notify);
  g_test_add_func ("/pdf/ruled-table", test_pdf_ruled_table);
  g_test_add_func ("/pdf/heading-words", test_pdf_heading_words);
  g_test_add_func ("/pdf/performance-table", test_pdf_performance_table);
  g_test_add_func ("/pdf/page-flow", test_pdf_page_flow);
  g_test_add_func ("/pdf/long-paragraph", test_pdf_long_paragraph);
  g_test_add_func ("/pdf/long-paragraph/any-order", test_pdf_long_paragraph_any_order);

  return g_test_run ();
}
