/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-typesetter.h"

/* The typesetter's caches of shaped texts: the texts of every 绩效目标表
 * stay shaped however many figures met once pass between them, and those
 * figures do not stay for ever. */

/* More than the cache holds in its two generations. */
#define MANY 3000

static void
test_repeated_stays (void)
{
  g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
  PangoLayout *heading = gk_typesetter_layout_cached (typesetter, GK_TEXT_TABLE_CELL, "产出指标", 60, -1);
  PangoLayout *once = gk_typesetter_layout_cached (typesetter, GK_TEXT_TABLE_CELL, "只出现一次", 60, -1);
  int width = 0;

  g_object_add_weak_pointer (G_OBJECT (heading), (gpointer *) &heading);
  g_object_add_weak_pointer (G_OBJECT (once), (gpointer *) &once);
  pango_layout_get_size (heading, &width, NULL);
  g_assert_cmpint (width, >, 0);

  for (guint i = 0; i < MANY; i++)
    {
      g_autofree char *figure = g_strdup_printf ("%u.%02u", i * 7, i % 100);
      PangoLayout *layout = gk_typesetter_layout_cached (typesetter, GK_TEXT_TABLE_CELL, figure, 60, PANGO_ALIGN_RIGHT);

      g_assert_cmpstr (pango_layout_get_text (layout), ==, figure);
      /* Every table has its headings again. */
      if (i % 100 == 0)
        {
          int again = 0;

          g_assert_true (gk_typesetter_layout_cached (typesetter, GK_TEXT_TABLE_CELL, "产出指标", 60, -1) == heading);
          pango_layout_get_size (heading, &again, NULL);
          g_assert_cmpint (again, ==, width);
        }
    }
  g_assert_nonnull (heading);
  g_assert_cmpstr (pango_layout_get_text (heading), ==, "产出指标");
  /* Met once, long ago: dropped. */
  g_assert_null (once);

  /* A different width or alignment is another layout. */
  g_assert_true (gk_typesetter_layout_cached (typesetter, GK_TEXT_TABLE_CELL, "产出指标", 30, -1) != heading);
  g_object_remove_weak_pointer (G_OBJECT (heading), (gpointer *) &heading);
}

static void
test_heights (void)
{
  g_autoptr(GkTypesetter) typesetter = gk_typesetter_new (NULL, NULL);
  const char *name = "乌鲁木齐县人民政府办公室机关运行经费及公务接待费";
  double wrapped = gk_typesetter_text_height (typesetter, GK_TEXT_TABLE_CELL, name, 60);
  double line = gk_typesetter_text_height (typesetter, GK_TEXT_TABLE_CELL, name, -1);

  g_assert_cmpfloat (wrapped, >, 2 * line);
  for (guint i = 0; i < 3 * MANY; i++)
    {
      g_autofree char *text = g_strdup_printf ("项目%u", i);

      g_assert_cmpfloat (gk_typesetter_text_height (typesetter, GK_TEXT_TABLE_CELL, text, -1), ==, line);
      if (i % 1000 == 0)
        g_assert_cmpfloat (gk_typesetter_text_height (typesetter, GK_TEXT_TABLE_CELL, name, 60), ==, wrapped);
    }
  g_assert_cmpfloat (gk_typesetter_text_height (typesetter, GK_TEXT_TABLE_CELL, name, 60), ==, wrapped);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/typesetter-cache/repeated-stays", test_repeated_stays);
  g_test_add_func ("/typesetter-cache/heights", test_heights);
  return g_test_run ();
}
