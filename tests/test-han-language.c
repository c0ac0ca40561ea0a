/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "gk-document-language.h"

/* Pango keeps its default language for the life of the process, so this
 * test is a program of its own: a Japanese desktop, then what main() does. */

static char *
han_family (GtkWidget  *label,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, text);
  PangoLayoutRun *run = pango_layout_get_line_readonly (layout, 0)->runs->data;
  g_autoptr(PangoFontDescription) desc = pango_font_describe (run->item->analysis.font);

  return g_strdup (pango_font_description_get_family (desc));
}

static void
test_japanese_desktop (void)
{
  g_autoptr(GtkWidget) label = NULL;
  g_autofree char *family = NULL;

  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the ja_JP.UTF-8 and zh_CN.UTF-8 locales are not installed (locales-all)");
      return;
    }
  setlocale (LC_ALL, "ja_JP.UTF-8");
  gk_document_language_set_default ();

  /* Nothing else about the locale changed. */
  g_assert_cmpstr (setlocale (LC_CTYPE, NULL), ==, "ja_JP.UTF-8");
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "ja_JP.UTF-8");
  g_assert_cmpstr (pango_language_to_string (pango_language_get_default ()), ==, "zh-cn");

  gtk_init ();
  /* A plain label, with no language of its own (a page title, a sentence
   * of 情况说明): the Simplified Chinese forms. Without the call above it
   * is Noto Sans CJK JP (the control case in test-table-view). */
  label = g_object_ref_sink (gtk_label_new ("预算"));
  family = han_family (label, "预算说明");
  g_test_message ("a plain label under ja_JP: %s", family);
  g_assert_cmpstr (family, ==, "Noto Sans CJK SC");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("PANGO_LANGUAGE");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/han-language/japanese-desktop", test_japanese_desktop);
  return g_test_run ();
}
