/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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
