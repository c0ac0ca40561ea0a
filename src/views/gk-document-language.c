/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-document-language.h"

/* The document is Simplified Chinese whatever the desktop's language. Pango
 * picks a font for Han text by the context's language, which GTK takes
 * from LC_CTYPE: under ja_JP, fontconfig then gives Noto Sans CJK JP, whose
 * forms of 变, 预, 说 and many more are not the ones printed in a Chinese
 * budget. A language attribute on the label wins over the context's. */
void
gk_label_use_document_language (GtkLabel *label)
{
  static PangoAttrList *attrs;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_once_init_enter (&attrs))
    {
      PangoAttrList *list = pango_attr_list_new ();

      pango_attr_list_insert (list, pango_attr_language_new (pango_language_from_string ("zh-cn")));
      g_once_init_leave (&attrs, list);
    }
  gtk_label_set_attributes (label, attrs);
}

/* Labels without the attribute (page titles, 情况说明, headers) take the
 * context's language, which Pango reads once from LC_CTYPE and keeps. On a
 * desktop whose language sets Han in other forms (ja, ko, zh_TW, zh_HK),
 * Pango is made to read zh_CN instead, and LC_CTYPE is put back at once,
 * so that nothing else about the locale changes. Elsewhere nothing is
 * done: under en_US, Han text already follows PANGO_LANGUAGE, and a
 * Chinese default there would pick CJK fonts for Latin text too. Must run
 * before anything asks Pango for its default language. */
void
gk_document_language_set_default (void)
{
  static const char *other_forms[] = { "ja", "ko", "zh_TW", "zh_HK", "zh_MO" };
  g_autofree char *saved = g_strdup (setlocale (LC_CTYPE, NULL));
  gboolean other = FALSE;

  if (saved == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (other_forms); i++)
    other |= g_str_has_prefix (saved, other_forms[i]);
  if (!other || setlocale (LC_CTYPE, "zh_CN.UTF-8") == NULL)
    return;
  /* Used, not just called: Pango declares the function constant, and a
   * call whose result is dropped is compiled away. */
  g_debug ("Han text without a language of its own is set as %s",
           pango_language_to_string (pango_language_get_default ()));
  setlocale (LC_CTYPE, saved);
}
