/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-tooltip.h"
#include "gk-document-language.h"

/* The widest a tooltip line grows, in the width of a Latin letter. */
#define MAX_CHARS 60

/* GTK's own tooltip label may be measured at its minimum width, which for
 * Chinese, where a line may break after any character, is one or two
 * characters: a name came out as a column of glyphs. This label asks for
 * the width its text needs, up to a sensible line, and wraps only beyond. */
void
gk_tooltip_set_text (GtkTooltip *tooltip,
                     const char *text)
{
  GtkWidget *label;
  int width = 0;

  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));

  for (const char *p = text ? text : ""; *p != '\0' && width < MAX_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        break;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (width, MAX_CHARS));
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gk_label_use_document_language (GTK_LABEL (label));
  gtk_tooltip_set_custom (tooltip, label);
}

/* The whole text of a label its width cut short, else NULL. */
char *
gk_label_dup_cut_text (GtkLabel *label)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  text = gtk_label_get_text (label);
  if (text[0] == '\0' || !pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return NULL;
  return g_strdup (text);
}
