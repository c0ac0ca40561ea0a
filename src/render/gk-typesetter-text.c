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
 * joins the last character, its closing punctuation aside ("表："), to
 * the one before it when @join_last. */
char *
_gk_typesetter_join_text (const char *text,
                          gboolean    join_last)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  const char *last = NULL, *from = NULL;
  gunichar before = 0;
  guint run = 0;

  if (join_last)
    {
      const char *end = text + strlen (text);

      last = g_utf8_find_prev_char (text, end);
      while (last != NULL && last > text && g_unichar_ispunct (g_utf8_get_char (last)))
        last = g_utf8_find_prev_char (text, last);
      /* and the one before it, across brackets: "0台（套）". */
      from = last != NULL ? g_utf8_find_prev_char (text, last) : NULL;
      while (from != NULL && from > text && g_unichar_ispunct (g_utf8_get_char (from)))
        from = g_utf8_find_prev_char (text, from);
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (before != 0 && (is_unit_join (before, c) || (from != NULL && p > from && p <= last)))
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

/* The words of table headings, none longer than four characters so that
 * a long compound still breaks between its parts (一般/公共/预算). Chinese
 * has no spaces: without these a narrow column title breaks anywhere
 * ("债务利/息及费/用支出"); with them it breaks between words ("债务利息/及
 * 费用/支出"), and inside one only when a word is wider than its column.
 * Longest match first. */
static const char * const heading_words[] = {
  "一般", "公共", "预算", "政府性", "基金", "国有资本", "经营", "财政", "专户", "拨款",
  "工资福利", "商品", "服务", "个人", "家庭", "债务利息", "社会保障", "资本性", "建设",
  "因公", "出国（境）", "公务用车", "公务", "接待", "机关", "运行", "人员经费", "公用经费",
  "上年结余", "上年结转", "结转结余", "国库", "集中", "支付", "额度", "结余", "不包括", "弥补",
  "收支", "差额", "事业", "单位", "收入", "支出", "补助", "费用", "合计", "小计", "总计",
  "项目", "基本", "企业", "其他", "购置", "维护", "会议", "培训", "经费", "管理", "资金",
  "本年", "上年", "增减", "功能", "经济", "分类", "科目", "编码", "名称", "金额", "本级",
  "上级", "附属", "上缴", "结转", "采购", "货物", "工程", "政府", "购买", "部门", "资产",
  "配置", "数量", "非税", "征收", "计划", "绩效", "目标", "指标", "年度", "用车", "行政",
  "执法", "执勤", "特种", "专业", "技术", "预算数", "决算数",
};

static guint
match_word (const char *p)
{
  guint best = 0;

  for (guint i = 0; i < G_N_ELEMENTS (heading_words); i++)
    {
      gsize len = strlen (heading_words[i]);
      if (len > best && strncmp (p, heading_words[i], len) == 0)
        best = len;
    }
  return best;
}

/* @text with a word joiner between the characters of each heading word.
 * Returns NULL when no word of two characters or more is found. */
char *
_gk_typesetter_join_heading_words (const char  *text,
                                   char       **longest)
{
  GString *out = g_string_sized_new (strlen (text) * 2);
  gboolean joined = FALSE;
  guint most = 0;
  const char *most_at = text;
  gsize most_len = 0;

  for (const char *p = text; *p != '\0';)
    {
      guint len = match_word (p);
      const char *end = p + (len > 0 ? len : (guint) (g_utf8_next_char (p) - p));
      guint chars = 0;

      for (const char *q = p; q < end; q = g_utf8_next_char (q))
        {
          if (q > p)
            {
              g_string_append_unichar (out, WORD_JOINER);
              joined = TRUE;
            }
          g_string_append_len (out, q, g_utf8_next_char (q) - q);
          chars++;
        }
      if (chars > most)
        {
          most = chars;
          most_at = p;
          most_len = end - p;
        }
      p = end;
    }
  if (longest != NULL)
    *longest = g_strndup (most_at, most_len);
  if (!joined)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Caches of two generations: when the young one is full, the old one goes
 * and the young one becomes old; what is found in the old one moves back.
 * Texts met again and again stay, however many texts met once (the
 * figures of a long table) pass through.
 *
 * Adds @key (taken) and @value to @young. */
void
_gk_typesetter_cache_insert (GHashTable **young,
                             GHashTable **old,
                             guint        size,
                             char        *key,
                             gpointer     value)
{
  if (g_hash_table_size (*young) >= size)
    {
      GHashTable *dropped = *old;

      *old = *young;
      *young = dropped;
      g_hash_table_remove_all (*young);
    }
  g_hash_table_insert (*young, key, value);
}

/* Looks @key up in @young, then in @old, whose entry then moves to
 * @young. */
gboolean
_gk_typesetter_cache_lookup (GHashTable **young,
                             GHashTable **old,
                             guint        size,
                             const char  *key,
                             gpointer    *value)
{
  gpointer old_key;

  if (g_hash_table_lookup_extended (*young, key, NULL, value))
    return TRUE;
  if (!g_hash_table_steal_extended (*old, key, &old_key, value))
    return FALSE;
  _gk_typesetter_cache_insert (young, old, size, old_key, *value);
  return TRUE;
}

/* Returns: (transfer full): a typesetter with a font map of its own */
GkTypesetter *
gk_typesetter_new (const char *body_family,
                   const char *heading_family)
{
  return gk_typesetter_new_for_font_map (body_family, heading_family, NULL);
}
