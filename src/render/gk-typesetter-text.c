/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-typesetter-private.h"

/* Where a line of Chinese text may stretch and where it may not break:
 * stretch between Han characters and at full-width punctuation, never
 * inside a number or a Latin word, never between a number and its unit. */

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* Full-width punctuation and the quotes and dashes set with it. */
static gboolean
is_cjk_punctuation (gunichar c)
{
  return (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFF0F && c != 0xFF05) ||
         (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65) ||
         (c >= 0x2018 && c <= 0x201F) ||
         c == 0x2014 || c == 0x2026 || c == 0x00B7;
}

/* Whether a justified line may widen the gap between @before and @after:
 * between Chinese characters and at punctuation, never inside a number
 * or a Latin word, nor between a figure and its unit. */
gboolean
_gk_typesetter_is_stretch_point (gunichar before,
                                 gunichar after)
{
  if (before == 0 || before == WORD_JOINER || after == WORD_JOINER)
    return FALSE;
  if (is_cjk_punctuation (before) || is_cjk_punctuation (after))
    return TRUE;
  return is_han (before) && is_han (after);
}

/* Whether a line may not break between @before and @after: a figure and
 * its unit ("6.43万元", "1人", "26.17%") stay on one line. */
static gboolean
is_unit_join (gunichar before,
              gunichar after)
{
  if (g_unichar_isdigit (before))
    return is_han (after) || after == '%' || after == 0xFF05 || after == 0x2030;
  if (before == 0x4E07 || before == 0x5343 || before == 0x4EBF)   /* 万 千 亿 */
    return after == 0x5143;                                       /* 元 */
  return FALSE;
}

/* Latin letters and digits: no line breaks between them. */
static gboolean
is_word_character (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

/* @text with a word joiner wherever a line must not break, so that Pango
 * (which has no attribute for it) keeps those characters together. Also
 * joins the last two characters when @join_last. */
char *
_gk_typesetter_join_text (const char *text,
                          gboolean    join_last)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  const char *last = NULL;
  gunichar before = 0;
  guint run = 0;

  if (join_last)
    {
      const char *end = text + strlen (text);

      last = g_utf8_find_prev_char (text, end);
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (before != 0 && (is_unit_join (before, c) || p == last))
        g_string_append_unichar (out, WORD_JOINER);
      /* A word longer than a line breaks anywhere: Pango would search
       * and reshape the whole rest of it for every line. */
      run = is_word_character (c) ? run + 1 : 0;
      if (run > LONG_WORD && run % LONG_WORD == 1)
        g_string_append_unichar (out, ZERO_WIDTH_SPACE);
      g_string_append_unichar (out, c);
      before = c;
    }
  return g_string_free (out, FALSE);
}

gboolean
_gk_typesetter_needs_join (const char *text)
{
  gunichar before = 0;
  guint run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (before != 0 && is_unit_join (before, c))
        return TRUE;
      run = is_word_character (c) ? run + 1 : 0;
      if (run > LONG_WORD)
        return TRUE;
      before = c;
    }
  return FALSE;
}
