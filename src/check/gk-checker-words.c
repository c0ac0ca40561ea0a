/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-checker-private.h"

/* Words as the text reader compares them: one spelling for what typists
 * vary, names told apart from near-misses, the items of a list. */

/* One spelling for what typists vary: no spaces, ASCII digits, full-width
 * brackets and colons, simplified characters, so that names and figures
 * compare as written. */
char *
gk_check_normalize (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0x00a0)
        continue;
      if (c >= 0xff10 && c <= 0xff19)
        c = '0' + (c - 0xff10);
      else if (c == 0xff0e)
        c = '.';
      else if (c == 0xff05)
        c = '%';
      else if (c == '(')
        c = 0xff08;
      else if (c == ')')
        c = 0xff09;
      else if (c == ':')
        c = 0xff1a;
      else if (c == ';')
        c = 0xff1b;
      else
        c = gk_check_simplified (c);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* "行政运行（政府办公厅（室）及相关机构事务）" → "行政运行": a 项's name often
 * repeats its 款 in brackets, which the text leaves out. */
char *
gk_check_name_without_parent (const char *name,
                              const char *parent_name)
{
  g_autofree char *n = gk_check_normalize (name);
  g_autofree char *p = NULL;
  g_autofree char *suffix = NULL;

  if (parent_name == NULL)
    return g_steal_pointer (&n);
  p = gk_check_normalize (parent_name);
  suffix = g_strconcat ("（", p, "）", NULL);
  if (g_str_has_suffix (n, suffix) && strlen (n) > strlen (suffix))
    n[strlen (n) - strlen (suffix)] = '\0';
  return g_steal_pointer (&n);
}

/* Edit distance over characters, for names typed almost alike. */
static guint
edit_distance (const char *a,
               const char *b)
{
  glong na, nb;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &na);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  g_autofree guint *row = g_new (guint, nb + 1);

  for (glong j = 0; j <= nb; j++)
    row[j] = j;
  for (glong i = 1; i <= na; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= nb; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diagonal + (ua[i - 1] == ub[j - 1] ? 0 : 1));
          diagonal = above;
        }
    }
  return row[nb];
}

/* Two spellings of one name: a few characters added, dropped or changed. */
gboolean
gk_check_names_close (const char *a,
                      const char *b)
{
  glong la = g_utf8_strlen (a, -1);
  glong lb = g_utf8_strlen (b, -1);
  guint limit = MAX (2, MIN (la, lb) / 4);

  if (la == 0 || lb == 0 || g_str_equal (a, b))
    return FALSE;
  if (ABS (la - lb) > (glong) limit)
    return FALSE;
  return edit_distance (a, b) <= limit;
}

/* The items of a list "包括：A、B、C。", from the list's start (returned in
 * list_start) to the end of its sentence. */
GPtrArray *
gk_check_list_items (const char *text,
                     gsize      *list_start)
{
  const char *start = strstr (text, "包括");
  const char *end;
  g_autofree char *list = NULL;
  g_auto(GStrv) items = NULL;
  GPtrArray *result;

  if (start == NULL)
    return NULL;
  start += strlen ("包括");
  if (g_str_has_prefix (start, "："))
    start += strlen ("：");
  for (end = start; *end != '\0'; end = g_utf8_next_char (end))
    if (g_str_has_prefix (end, "。") || g_str_has_prefix (end, "；") || *end == '\n' ||
        g_str_has_prefix (end, "，"))
      break;
  if (list_start != NULL)
    *list_start = start - text;
  list = g_strndup (start, end - start);
  items = g_strsplit (list, "、", -1);
  result = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strdup (items[i]);

      if (g_str_has_suffix (item, "等"))
        item[strlen (item) - strlen ("等")] = '\0';
      if (item[0] != '\0')
        g_ptr_array_add (result, g_steal_pointer (&item));
    }
  return result;
}

