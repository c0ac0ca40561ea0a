/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <malloc.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "gk-page-layout.h"
#include "gk-ruled-table.h"
#include "gk-typesetter-private.h"

/* A text the page layout shapes to measure it is drawn from the glyphs
 * found then, not shaped again; and those glyphs are not held in memory
 * from measuring to drawing, however many pages there are. */

static const char paragraph[] =
  "根据县委、县政府的统一部署，本单位认真贯彻落实过紧日子的要求，严格控制一般性支出，"
  "压减非急需非刚性支出，做好“三公”经费管理，确保各项工作平稳有序开展。第%u段，"
  "全年共组织会议%u次，培训%u人次，较上年减少1.5万元，主要原因是压减了会议规模。";

/* Wraps in its column, so it is measured, and is kept once for every
 * row that repeats it: it is read back between the rows' own texts. */
static const char repeated[] = "每个项目都填写的同一段说明文字";

static const char cell[] =
  "乌鲁木齐县人民政府办公室机关运行经费及公务接待费第%u项，用于保障机关正常运转";

static GkPageLayout *
lay_out (GkTypesetter *typesetter,
         guint         n)
{
  GkPageLayout *layout = gk_page_layout_new (typesetter);
  g_autoptr(GkRuledTable) table = gk_ruled_table_new (3);

  gk_page_layout_new_page (layout, GK_PAGE_PORTRAIT, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf (paragraph, i, i % 7, i * 3);

      gk_page_layout_add_text (layout, GK_TEXT_BODY, text);
    }

  /* Names wrapped in a narrow column, on rows a page cuts between. */
  gk_ruled_table_set_column (table, 0, GK_RULED_COLUMN_TEXT, 6);
  gk_ruled_table_set_column (table, 1, GK_RULED_COLUMN_SHARE, 0.5);
  gk_ruled_table_set_column (table, 2, GK_RULED_COLUMN_TEXT, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf (cell, i);
      g_autofree char *other = g_strdup_printf (cell, i + n);

      gk_ruled_table_append_row (table, GK_RULED_ROW_DEFAULT);
      gk_ruled_table_add_cell (table, 0, name, GK_TEXT_TABLE_CELL, -1, 0, 1, 1);
      gk_ruled_table_add_cell (table, 1, other, GK_TEXT_TABLE_CELL, -1, 0, 1, 1);
      gk_ruled_table_add_cell (table, 2, repeated, GK_TEXT_TABLE_CELL, -1, 0, 1, 1);
    }
  gk_page_layout_add_table (layout, table, NULL);
  return layout;
}

/* 200 projects' short lines: a caption and a unit that repeat, and a
 * figure of each project's own. */
static GkPageLayout *
lay_out_lines (GkTypesetter *typesetter)
{
  GkPageLayout *layout = gk_page_layout_new (typesetter);

  gk_page_layout_new_page (layout, GK_PAGE_PORTRAIT, FALSE);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *figure = g_strdup_printf ("预算安排规模：%u.%02u万元", 100 + i * 7, i % 100);

      gk_page_layout_add_text (layout, GK_TEXT_CAPTION, "项目支出绩效目标表");
      gk_page_layout_add_text (layout, GK_TEXT_BODY, "项目承担单位：乌鲁木齐县人民政府办公室");
      gk_page_layout_add_text (layout, GK_TEXT_BODY, figure);
    }
  return layout;
}

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
draw (GkPageLayout *layout)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append, out, GK_PAGE_A4_WIDTH,
                                                                  GK_PAGE_A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  /* The same bytes whenever it is made. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2020-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, "2020-01-01T00:00:00Z");
  for (guint i = 0; i < gk_page_layout_get_n_pages (layout); i++)
    {
      gk_page_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static void
test_drawn_unshaped (void)
{
  g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
  g_autoptr(GkPageLayout) layout = lay_out (typesetter, 120);
  g_autoptr(GBytes) pdf = NULL;
  guint64 measured = _gk_typesetter_get_n_shaped (typesetter);

  /* Every paragraph and every cell had to be measured. */
  g_assert_cmpuint (measured, >=, 3 * 120);
  g_assert_cmpuint (gk_page_layout_get_n_pages (layout), >, 10);
  g_assert_cmpuint (_gk_typesetter_get_shaped_bytes (typesetter), >, 0);

  pdf = draw (layout);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 0);
  g_assert_cmpuint (_gk_typesetter_get_n_shaped (typesetter), ==, measured);
}

/* Short texts repeated on every row (万元, 产出指标) fit on one line
 * without being measured; they are turned into glyphs once, however
 * many cells and pages repeat them. */
static void
test_repeated_cells (void)
{
  static const char * const texts[] = { "产出指标", "万元", "数量指标" };
  g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
  g_autoptr(GkPageLayout) layout = gk_page_layout_new (typesetter);
  g_autoptr(GkRuledTable) table = gk_ruled_table_new (3);
  g_autoptr(GBytes) pdf = NULL;
  guint64 shaped;

  gk_page_layout_new_page (layout, GK_PAGE_PORTRAIT, FALSE);
  for (guint c = 0; c < 3; c++)
    gk_ruled_table_set_column (table, c, GK_RULED_COLUMN_TEXT, 6);
  for (guint i = 0; i < 300; i++)
    {
      gk_ruled_table_append_row (table, GK_RULED_ROW_DEFAULT);
      for (guint c = 0; c < 3; c++)
        gk_ruled_table_add_cell (table, c, texts[(i + c) % 3], GK_TEXT_TABLE_CELL, -1, 0, 1, 1);
    }
  gk_page_layout_add_table (layout, table, NULL);
  g_assert_cmpuint (gk_page_layout_get_n_pages (layout), >, 5);
  shaped = _gk_typesetter_get_n_shaped (typesetter);

  pdf = draw (layout);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 0);
  /* Three texts, each shaped once and replayed for its 300 cells: no
   * cell walks a layout's lines (only the page numbers do, if any). */
  g_assert_cmpuint (_gk_typesetter_get_n_shaped (typesetter) - shaped, <=, 3 + gk_page_layout_get_n_pages (layout));
  g_assert_cmpuint (gk_typesetter_get_lines_visited (typesetter), <=, gk_page_layout_get_n_pages (layout));
}

/* The glyphs kept for drawing, and the memory held, once @n paragraphs
 * and cells are laid out. The memory is the middle of three runs, signed:
 * a run during which something else frees memory (a cache of an earlier
 * test, a thread's buffers) would otherwise read as holding less than
 * nothing, or as holding more than it does. */
static void
lay_out_counting (guint   n,
                  guint64 *kept,
                  gint64  *held)
{
  gint64 runs[3];

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      struct mallinfo2 before = mallinfo2 ();
      g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
      g_autoptr(GkPageLayout) layout = lay_out (typesetter, n);
      struct mallinfo2 after = mallinfo2 ();

      g_assert_cmpuint (gk_page_layout_get_n_pages (layout), >, n / 12);
      *kept = _gk_typesetter_get_shaped_bytes (typesetter);
      runs[r] = (gint64) (after.uordblks + after.hblkhd) - (gint64) (before.uordblks + before.hblkhd);
    }
  *held = MAX (MIN (runs[0], runs[1]), MIN (MAX (runs[0], runs[1]), runs[2]));
}

static void
test_flat (void)
{
  guint64 few_kept, many_kept;
  gint64 few_held, many_held;

  /* Fontconfig's and Pango's caches, made once for the process. */
  lay_out_counting (60, &few_kept, &few_held);

  lay_out_counting (60, &few_kept, &few_held);
  lay_out_counting (240, &many_kept, &many_held);
  g_test_message ("kept %" G_GUINT64_FORMAT " -> %" G_GUINT64_FORMAT " bytes, held %" G_GINT64_FORMAT
                  " -> %" G_GINT64_FORMAT, few_kept, many_kept, few_held, many_held);
  g_assert_cmpuint (many_kept, >, few_kept + 180 * 1000);
  /* The glyphs are kept out of memory: what the layout holds grows by
   * its boxes and texts only. */
  g_assert_cmpint (many_held - few_held, <, (gint64) (many_kept - few_kept) * 3 / 4);
}

/* In a subprocess without a temporary directory: the PDF of @n
 * paragraphs and rows, every text shaped again to be drawn, written
 * where GK_TEST_SHAPED_OUT says. */
static void
write_reshaped (const char *out,
                guint       n)
{
  g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
  g_autoptr(GkPageLayout) layout = lay_out (typesetter, n);
  guint64 measured = _gk_typesetter_get_n_shaped (typesetter);
  g_autoptr(GBytes) pdf = draw (layout);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (_gk_typesetter_get_shaped_bytes (typesetter), ==, 0);
  g_assert_cmpuint (_gk_typesetter_get_n_shaped (typesetter), >, measured);
  g_file_set_contents (out, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
}

/* Runs this test again in a subprocess that cannot make the file, and
 * checks that it drew the same bytes as @pdf. */
static void
assert_same_as_reshaped (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-shaped-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *tmpdir = g_strdup (g_getenv ("TMPDIR"));
  gsize length;

  g_assert_no_error (error);
  path = g_build_filename (dir, "reshaped.pdf", NULL);
  missing = g_build_filename (dir, "missing", NULL);
  g_setenv ("GK_TEST_SHAPED_OUT", path, TRUE);
  g_setenv ("TMPDIR", missing, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("GK_TEST_SHAPED_OUT");
  if (tmpdir != NULL)
    g_setenv ("TMPDIR", tmpdir, TRUE);
  else
    g_unsetenv ("TMPDIR");
  g_test_trap_assert_passed ();

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, g_bytes_get_size (pdf));
  g_assert_true (memcmp (contents, g_bytes_get_data (pdf, NULL), length) == 0);
  g_unlink (path);
  g_rmdir (dir);
}

/* Without a temporary file the texts are shaped again, to the same PDF. */
static void
test_no_file (void)
{
  const char *out = g_getenv ("GK_TEST_SHAPED_OUT");
  g_autoptr(GkTypesetter) typesetter = NULL;
  g_autoptr(GkPageLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;

  if (out != NULL)
    {
      write_reshaped (out, 40);
      return;
    }
  typesetter = gk_typesetter_new (NULL, NULL);
  layout = lay_out (typesetter, 40);
  pdf = draw (layout);
  g_assert_cmpuint (_gk_typesetter_get_shaped_bytes (typesetter), >, 0);
  assert_same_as_reshaped (pdf);
}

/* A long export reads its glyphs back in blocks: a cell every row
 * repeats, read between the rows' own texts, costs no read of its own,
 * and what is drawn is what shaping again would draw, texts that cross
 * from one block to the next included. */
static void
test_read_back (void)
{
  const char *out = g_getenv ("GK_TEST_SHAPED_OUT");
  g_autoptr(GkTypesetter) typesetter = NULL;
  g_autoptr(GkPageLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint64 kept, reads, n_shaped;

  if (out != NULL)
    {
      write_reshaped (out, 400);
      return;
    }
  typesetter = gk_typesetter_new (NULL, NULL);
  layout = lay_out (typesetter, 400);
  kept = _gk_typesetter_get_shaped_bytes (typesetter);
  n_shaped = _gk_typesetter_get_n_shaped (typesetter);
  pdf = draw (layout);
  reads = _gk_typesetter_get_shaped_reads (typesetter);
  g_test_message ("%" G_GUINT64_FORMAT " texts, %" G_GUINT64_FORMAT " bytes kept, read back in %"
                  G_GUINT64_FORMAT " reads", n_shaped, kept, reads);

  /* Several blocks of 64 KB, so that texts cross from one to the next. */
  g_assert_cmpuint (kept, >, 4 * 64 * 1024);
  g_assert_cmpuint (reads, >, 0);
  /* Each block about once, not a read for every text drawn (1 200 here). */
  g_assert_cmpuint (reads, <=, kept / (64 * 1024) + 1 + 16);
  assert_same_as_reshaped (pdf);
}

/* Lines short enough to be measured by counting their characters are
 * shaped when drawn; one that comes back (the caption over every
 * project's targets, the unit that carries out every project) is shaped
 * once, and the PDF is the same as when each was shaped. */
static void
test_repeated_lines (void)
{
  const char *out = g_getenv ("GK_TEST_SHAPED_OUT");
  g_autoptr(GkTypesetter) typesetter = NULL;
  g_autoptr(GkPageLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint64 shaped;

  if (out != NULL)
    {
      g_autoptr(GBytes) reshaped = NULL;
      g_autoptr(GError) error = NULL;

      typesetter = gk_typesetter_new (NULL, NULL);
      layout = lay_out_lines (typesetter);
      reshaped = draw (layout);
      g_file_set_contents (out, g_bytes_get_data (reshaped, NULL), g_bytes_get_size (reshaped), &error);
      g_assert_no_error (error);
      return;
    }
  typesetter = gk_typesetter_new (NULL, NULL);
  layout = lay_out_lines (typesetter);
  g_assert_cmpuint (gk_page_layout_get_n_pages (layout), >, 5);
  shaped = _gk_typesetter_get_n_shaped (typesetter);
  pdf = draw (layout);
  /* Each of the 200 figures once, the two lines that repeat once or
   * twice, and the page numbers. */
  g_assert_cmpuint (_gk_typesetter_get_n_shaped (typesetter) - shaped, <=, 200 + 4 + gk_page_layout_get_n_pages (layout));
  assert_same_as_reshaped (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shaped-once/drawn-unshaped", test_drawn_unshaped);
  g_test_add_func ("/shaped-once/repeated-cells", test_repeated_cells);
  g_test_add_func ("/shaped-once/flat", test_flat);
  g_test_add_func ("/shaped-once/no-file", test_no_file);
  g_test_add_func ("/shaped-once/read-back", test_read_back);
  g_test_add_func ("/shaped-once/repeated-lines", test_repeated_lines);

  return g_test_run ();
}
