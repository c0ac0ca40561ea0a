/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-xlsx-sheet.h"

/* The text and figures of workbook cells as budget systems and people
 * write them: normalized, stripped, codes split off, decimals read
 * exactly. */

/* Text ------------------------------------------------------------------- */

static gboolean
is_dropped_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 ||
         c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0x300C || c == 0x300D || c == 0x300E || c == 0x300F;
}

/* "表二  部门收入总体情况表（万元）" → "表二部门收入总体情况表(万元)" */
char *
gk_xlsx_normalize (const char *text)
{
  g_autofree char *nfkc = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (nfkc));
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_dropped_char (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Trims blanks, the ideographic space included, from both ends. */
static gboolean
is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0;
}

/* Trims blanks, the ideographic space included, from both ends. */
char *
gk_xlsx_strip (const char *text)
{
  const char *start = text ? text : "";
  const char *end;

  while (*start != '\0' && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

gboolean
gk_xlsx_is_total_word (const char *normalized)
{
  static const char * const words[] = {
    "合计", "总计", "小计", "收入总计", "支出总计", "支出合计", "收入合计", "本年收入合计",
    "本年支出合计", "合计数", "总合计", "项目支出合计", NULL
  };

  return normalized != NULL && g_strv_contains (words, normalized);
}

/* "201 一般公共服务支出", "[2010301]行政运行" → "201", "一般公共服务支出" */
char *
gk_xlsx_leading_code (const char  *text,
                      char       **rest)
{
  g_autofree char *nfkc = text ? g_utf8_normalize (text, -1, G_NORMALIZE_NFKC) : NULL;
  const char *p = nfkc;
  const char *digits;
  gsize n = 0;

  if (rest != NULL)
    *rest = NULL;
  if (p == NULL)
    return NULL;
  while (*p == ' ' || *p == '[' || *p == '(' || *p == '\t')
    p++;
  if (g_str_has_prefix (p, "【"))
    p += strlen ("【");
  digits = p;
  while (g_ascii_isdigit (p[n]))
    n++;
  if (n != 3 && n != 5 && n != 7)
    return NULL;
  p += n;
  if (*p == '.' && g_ascii_isdigit (p[1]))
    return NULL;
  if (rest != NULL)
    {
      while (*p == ' ' || *p == ']' || *p == ')' || *p == '-' || *p == '.' || *p == '\t' || *p == ':')
        p++;
      if (g_str_has_prefix (p, "】"))
        p += strlen ("】");
      if (g_str_has_prefix (p, "、"))
        p += strlen ("、");
      /* The name as written, not its normalised form. */
      *rest = gk_xlsx_strip (p);
    }
  return g_strndup (digits, n);
}

/* Amounts ----------------------------------------------------------------- */

typedef struct
{
  gboolean negative;
  GString *digits;     /* no leading zeros */
  int      exponent;   /* value = digits × 10^exponent */
} Decimal;

static gboolean
parse_decimal (const char *s,
               Decimal    *d)
{
  const char *p = s;
  gboolean any = FALSE;

  d->negative = FALSE;
  d->exponent = 0;
  g_string_truncate (d->digits, 0);

  if (*p == '+' || *p == '-')
    d->negative = *p++ == '-';
  for (; g_ascii_isdigit (*p); p++, any = TRUE)
    if (d->digits->len > 0 || *p != '0')
      g_string_append_c (d->digits, *p);
  if (*p == '.')
    {
      p++;
      for (; g_ascii_isdigit (*p); p++, any = TRUE)
        {
          if (d->digits->len > 0 || *p != '0')
            g_string_append_c (d->digits, *p);
          d->exponent--;
        }
    }
  if (!any)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      gint64 e;
      char *end;

      p++;
      e = g_ascii_strtoll (p, &end, 10);
      if (end == p || *end != '\0' || e > 400 || e < -400)
        return FALSE;
      d->exponent += (int) e;
      p = end;
    }
  return *p == '\0' && d->digits->len <= 400;
}

/* Spreadsheets keep 15 significant digits; what a file stores beyond them
 * (265.06000000000000227) is binary noise, not a figure. */
static void
cut_to_15_digits (Decimal *d)
{
  gsize len = d->digits->len;
  gboolean up;

  if (len <= 15)
    return;
  up = d->digits->str[15] >= '5';
  g_string_truncate (d->digits, 15);
  d->exponent += (int) (len - 15);
  if (up)
    {
      int i = 14;
      while (i >= 0 && d->digits->str[i] == '9')
        d->digits->str[i--] = '0';
      if (i >= 0)
        d->digits->str[i]++;
      else
        g_string_prepend_c (d->digits, '1');
    }
}

gboolean
gk_xlsx_decimal_to_amount (const char  *text,
                           gboolean     from_number_cell,
                           GkMoneyUnit  from,
                           GkMoneyUnit  to,
                           GkAmount    *amount,
                           gboolean    *rounded)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  Decimal d = { FALSE, digits, 0 };
  gint64 value = 0;
  gboolean lost = FALSE;
  int e;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!parse_decimal (text, &d))
    return FALSE;
  if (from_number_cell)
    cut_to_15_digits (&d);

  /* Hundredths of `to`: 万元 → 元 is × 10⁴, 元 → 万元 is × 10⁻⁴. */
  e = d.exponent + 2 + (from == to ? 0 : from == GK_MONEY_UNIT_WANYUAN ? 4 : -4);
  if (e >= 0)
    {
      for (gsize i = 0; i < d.digits->len; i++)
        if (__builtin_mul_overflow (value, 10, &value) ||
            __builtin_add_overflow (value, d.digits->str[i] - '0', &value))
          return FALSE;
      for (int i = 0; i < e && value != 0; i++)
        if (__builtin_mul_overflow (value, 10, &value))
          return FALSE;
    }
  else
    {
      int kept = (int) d.digits->len + e;
      char first_dropped = kept >= 0 && kept < (int) d.digits->len ? d.digits->str[kept] : '0';

      for (int i = 0; i < kept; i++)
        if (__builtin_mul_overflow (value, 10, &value) ||
            __builtin_add_overflow (value, d.digits->str[i] - '0', &value))
          return FALSE;
      for (gsize i = MAX (kept, 0); i < d.digits->len; i++)
        if (d.digits->str[i] != '0')
          lost = TRUE;
      if (first_dropped >= '5' && __builtin_add_overflow (value, 1, &value))
        return FALSE;
    }
  *amount = d.negative ? -value : value;
  if (rounded != NULL)
    *rounded = lost;
  return TRUE;
}
