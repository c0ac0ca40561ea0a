/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gk-amount.c — exact money as fixed-point hundredths */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gk-amount.h"

#ifndef __SIZEOF_INT128__
# error "GkAmount needs a 128-bit integer type for shares and changes"
#endif

typedef __int128 GkWide;
typedef unsigned __int128 GkUWide;

/* 万元 and 元 differ by this factor; both are kept in hundredths. */
#define YUAN_PER_WANYUAN 10000

#define BASIS_POINTS_WHOLE 10000

/* Long pasted strings would make an unreadable message. */
#define QUOTE_MAX_CHARS 40

G_DEFINE_QUARK (gk-amount-error-quark, gk_amount_error)

static gboolean
is_blank (gunichar c)
{
  /* U+00A0 comes with figures pasted from spreadsheets and web pages,
   * U+3000 from Chinese input methods. */
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
         c == 0x00A0 || c == 0x3000;
}

/* A Chinese input method left in full-width mode types ０-９, ，and ．;
 * they mean the same figures, so they are read as their ASCII forms. */
static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF19)
    return '0' + (c - 0xFF10);

  switch (c)
    {
    case 0xFF0C:               /* ， */
      return ',';
    case 0xFF0E:               /* ． */
      return '.';
    case 0xFF0B:               /* ＋ */
      return '+';
    case 0xFF0D:               /* － */
    case 0x2212:               /* − */
      return '-';
    default:
      return c;
    }
}

static char *
quote_for_message (const char *text)
{
  if (g_utf8_strlen (text, -1) <= QUOTE_MAX_CHARS)
    return g_strdup (text);

  {
    const char *cut = g_utf8_offset_to_pointer (text, QUOTE_MAX_CHARS);
    g_autofree char *head = g_strndup (text, cut - text);

    return g_strconcat (head, "…", NULL);
  }
}

static gboolean
thousands_groups_valid (const char *digits,
                        gsize       len)
{
  gsize group = 0;
  gsize first_group = 0;
  gboolean in_first = TRUE;

  for (gsize i = 0; i < len; i++)
    {
      if (digits[i] == ',')
        {
          if (in_first)
            {
              if (group < 1 || group > 3)
                return FALSE;
              first_group = group;
              in_first = FALSE;
            }
          else if (group != 3)
            return FALSE;
          group = 0;
        }
      else
        group++;
    }

  if (in_first)
    return TRUE;

  /* "0,123" is far more likely a decimal comma than a grouped zero. */
  if (first_group == 1 && digits[0] == '0')
    return FALSE;

  return group == 3;
}

static gboolean
add_digit (guint64 *magnitude,
           guint    digit,
           guint64  limit)
{
  if (*magnitude > (limit - digit) / 10)
    return FALSE;

  *magnitude = *magnitude * 10 + digit;
  return TRUE;
}

/**
 * gk_amount_parse:
 * @text: what the user typed or pasted
 * @flags: whether a negative amount is acceptable
 * @out: (out) (optional): the amount in hundredths
 * @error: return location for a #GK_AMOUNT_ERROR
 *
 * Reads an amount to the cent. Nothing is ever rounded: more than two
 * decimals is an error, so that a figure is never changed behind the
 * officer's back.
 *
 * Returns: %TRUE if @text is an amount; @out is untouched otherwise
 */
gboolean
gk_amount_parse (const char          *text,
                 GkAmountParseFlags   flags,
                 GkAmount            *out,
                 GError             **error)
{
  const char *start;
  const char *end;
  g_autofree char *trimmed = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(GString) ascii = NULL;
  const char *s;
  gsize p = 0;
  gsize int_start, int_end, frac_start, frac_end;
  gboolean negative = FALSE;
  gboolean has_comma = FALSE;
  gboolean nonzero = FALSE;
  gsize int_digits = 0;
  guint64 limit;
  guint64 magnitude = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail ((flags & ~GK_AMOUNT_PARSE_ALLOW_NEGATIVE) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_INVALID,
                           _("The amount contains unreadable characters; type it again with digits only"));
      return FALSE;
    }

  start = text;
  while (*start != '\0' && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  if (end == start)
    {
      g_set_error_literal (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_EMPTY,
                           _("The amount is empty; type a figure such as 355.08, or 0"));
      return FALSE;
    }

  trimmed = g_strndup (start, end - start);
  quoted = quote_for_message (trimmed);

  ascii = g_string_sized_new (end - start);
  for (const char *c = trimmed; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar folded = fold_char (g_utf8_get_char (c));

      if (folded > 0x7F)
        goto invalid;
      g_string_append_c (ascii, (char) folded);
    }

  s = ascii->str;

  if (s[p] == '+' || s[p] == '-')
    {
      negative = (s[p] == '-');
      p++;
    }

  int_start = p;
  while (g_ascii_isdigit (s[p]) || s[p] == ',')
    {
      if (s[p] == ',')
        has_comma = TRUE;
      else
        int_digits++;
      p++;
    }
  int_end = p;

  frac_start = frac_end = p;
  if (s[p] == '.')
    {
      p++;
      frac_start = p;
      while (g_ascii_isdigit (s[p]))
        p++;
      frac_end = p;
    }

  if (p != ascii->len || (int_digits == 0 && frac_end == frac_start))
    goto invalid;

  if (has_comma && !thousands_groups_valid (s + int_start, int_end - int_start))
    {
      g_set_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_INVALID,
                   /* Translators: %s is the text the user typed */
                   _("“%s” has misplaced thousands separators; group the digits by three, as in 1,234,567.50, or leave the commas out"),
                   quoted);
      return FALSE;
    }

  if (frac_end - frac_start > 2)
    {
      g_set_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_PRECISION,
                   /* Translators: %s is the text the user typed */
                   _("“%s” has more than two decimals; amounts are kept to the cent (0.01)"),
                   quoted);
      return FALSE;
    }

  for (gsize i = int_start; i < frac_end; i++)
    if (s[i] >= '1' && s[i] <= '9')
      nonzero = TRUE;

  if (negative && nonzero && !(flags & GK_AMOUNT_PARSE_ALLOW_NEGATIVE))
    {
      g_set_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_NEGATIVE,
                   /* Translators: %s is the text the user typed */
                   _("“%s” is negative; this amount cannot be below zero, type it without the minus sign"),
                   quoted);
      return FALSE;
    }

  /* The magnitude of G_MININT64 is one more than that of G_MAXINT64. */
  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

  for (gsize i = int_start; i < int_end; i++)
    if (s[i] != ',' && !add_digit (&magnitude, s[i] - '0', limit))
      goto overflow;

  for (gsize i = 0; i < 2; i++)
    {
      guint digit = frac_start + i < frac_end ? (guint) (s[frac_start + i] - '0') : 0;

      if (!add_digit (&magnitude, digit, limit))
        goto overflow;
    }

  if (out != NULL)
    {
      if (!negative)
        *out = (GkAmount) magnitude;
      else if (magnitude == (guint64) G_MAXINT64 + 1)
        *out = G_MININT64;
      else
        *out = -(GkAmount) magnitude;
    }

  return TRUE;

invalid:
  g_set_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_INVALID,
               /* Translators: %s is the text the user typed */
               _("“%s” is not an amount; type digits with at most two decimals, such as 355.08 or 1,234.50"),
               quoted);
  return FALSE;

overflow:
  if (negative)
    {
      g_autofree char *bound = gk_amount_format_grouped (G_MININT64);

      g_set_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_OVERFLOW,
                   /* Translators: the first %s is the text the user typed, the second the smallest amount possible */
                   _("“%s” is too far below zero; an amount can be at least %s"),
                   quoted, bound);
    }
  else
    {
      g_autofree char *bound = gk_amount_format_grouped (G_MAXINT64);

      g_set_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_OVERFLOW,
                   /* Translators: the first %s is the text the user typed, the second the largest amount possible */
                   _("“%s” is too large; an amount can be at most %s"),
                   quoted, bound);
    }
  return FALSE;
}

/**
 * gk_amount_check_entered:
 * @a: an amount about to be entered into a disclosure
 * @error: return location for a #GK_AMOUNT_ERROR
 *
 * The one rule every path into a document and every path out of it applies,
 * so that no figure one of them accepts is refused by another.
 *
 * Returns: %TRUE if @a may be entered
 */
gboolean
gk_amount_check_entered (GkAmount   a,
                         GError   **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (a < GK_AMOUNT_ENTERED_MIN)
    {
      g_autofree char *text = gk_amount_format_grouped (a);

      g_set_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_NEGATIVE,
                   /* Translators: %s is an amount such as -5.00 */
                   _("“%s” is negative; the figures of a disclosure cannot be below zero, correct it or leave it out"),
                   text);
      return FALSE;
    }
  return TRUE;
}

/**
 * gk_amount_parse_entered:
 * @text: a figure as text
 * @out: (out) (optional): the amount in hundredths
 * @error: return location for a #GK_AMOUNT_ERROR
 *
 * gk_amount_parse() followed by gk_amount_check_entered().
 *
 * Returns: %TRUE if @text is a figure that may be entered; @out is
 *   untouched otherwise
 */
gboolean
gk_amount_parse_entered (const char  *text,
                         GkAmount    *out,
                         GError     **error)
{
  GkAmount amount;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!gk_amount_parse (text, GK_AMOUNT_PARSE_DEFAULT, &amount, error) ||
      !gk_amount_check_entered (amount, error))
    return FALSE;
  if (out != NULL)
    *out = amount;
  return TRUE;
}

static void
split_amount (GkAmount  a,
              gboolean *negative,
              guint64  *whole,
              guint    *cents)
{
  /* Unsigned negation is defined for G_MININT64, signed is not. */
  guint64 magnitude = a < 0 ? (guint64) 0 - (guint64) a : (guint64) a;

  *negative = a < 0;
  *whole = magnitude / 100;
  *cents = (guint) (magnitude % 100);
}

/**
 * gk_amount_format:
 * @a: an amount
 *
 * Returns: (transfer full): @a with two decimals, as the tables print it
 */
char *
gk_amount_format (GkAmount a)
{
  gboolean negative;
  guint64 whole;
  guint cents;

  split_amount (a, &negative, &whole, &cents);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u",
                          negative ? "-" : "", whole, cents);
}

/**
 * gk_amount_format_grouped:
 * @a: an amount
 *
 * Returns: (transfer full): @a with two decimals and thousands commas
 */
char *
gk_amount_format_grouped (GkAmount a)
{
  gboolean negative;
  guint64 whole;
  guint cents;
  g_autofree char *digits = NULL;
  GString *str;
  gsize len;

  split_amount (a, &negative, &whole, &cents);
  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, whole);
  len = strlen (digits);

  str = g_string_sized_new (len + len / 3 + 5);
  if (negative)
    g_string_append_c (str, '-');

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (str, ',');
      g_string_append_c (str, digits[i]);
    }

  g_string_append_printf (str, ".%02u", cents);

  return g_string_free (str, FALSE);
}

/**
 * gk_amount_format_short:
 * @a: an amount
 *
 * Returns: (transfer full): @a without trailing zero decimals, the way
 *   情况说明 quotes figures in sentences ("71", "48.6", "355.08")
 */
char *
gk_amount_format_short (GkAmount a)
{
  gboolean negative;
  guint64 whole;
  guint cents;
  const char *sign;

  split_amount (a, &negative, &whole, &cents);
  sign = negative ? "-" : "";

  if (cents == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, whole);
  else if (cents % 10 == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%u", sign, whole, cents / 10);
  else
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", sign, whole, cents);
}

/**
 * gk_amount_add:
 * @a: an amount
 * @b: an amount
 * @out: (out): @a + @b
 *
 * Returns: %FALSE if the sum does not fit, leaving @out untouched
 */
gboolean
gk_amount_add (GkAmount  a,
               GkAmount  b,
               GkAmount *out)
{
  GkAmount result;

  g_return_val_if_fail (out != NULL, FALSE);

  if (__builtin_add_overflow (a, b, &result))
    return FALSE;

  *out = result;
  return TRUE;
}

/**
 * gk_amount_sub:
 * @a: an amount
 * @b: an amount
 * @out: (out): @a − @b
 *
 * Returns: %FALSE if the difference does not fit, leaving @out untouched
 */
gboolean
gk_amount_sub (GkAmount  a,
               GkAmount  b,
               GkAmount *out)
{
  GkAmount result;

  g_return_val_if_fail (out != NULL, FALSE);

  if (__builtin_sub_overflow (a, b, &result))
    return FALSE;

  *out = result;
  return TRUE;
}

/**
 * gk_amount_sum:
 * @values: (array length=n) (nullable): amounts
 * @n: number of @values
 * @out: (out): the total
 *
 * Only the total has to fit: a column whose running total passes the
 * limit on the way still adds up if the final figure is representable.
 *
 * Returns: %FALSE if the total does not fit, leaving @out untouched
 */
gboolean
gk_amount_sum (const GkAmount *values,
               gsize           n,
               GkAmount       *out)
{
  GkWide total = 0;

  g_return_val_if_fail (values != NULL || n == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  /* No count of values that fits in memory can overflow 128 bits. */
  for (gsize i = 0; i < n; i++)
    total += values[i];

  if (total > G_MAXINT64 || total < G_MININT64)
    return FALSE;

  *out = (GkAmount) total;
  return TRUE;
}

/**
 * gk_amount_convert:
 * @a: an amount in @from
 * @from: the unit of @a
 * @to: the unit wanted
 * @out: (out): @a in @to
 * @rounded: (out) (optional): whether anything below a cent of @to was lost
 *
 * 万元 to 元 is exact; 元 to 万元 rounds half away from zero, as the budget
 * system does, and says so through @rounded.
 *
 * Returns: %FALSE if the result does not fit, leaving @out untouched
 */
gboolean
gk_amount_convert (GkAmount     a,
                   GkMoneyUnit  from,
                   GkMoneyUnit  to,
                   GkAmount    *out,
                   gboolean    *rounded)
{
  GkAmount result;
  gboolean lost = FALSE;

  g_return_val_if_fail (from == GK_MONEY_UNIT_WANYUAN || from == GK_MONEY_UNIT_YUAN, FALSE);
  g_return_val_if_fail (to == GK_MONEY_UNIT_WANYUAN || to == GK_MONEY_UNIT_YUAN, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (from == to)
    {
      result = a;
    }
  else if (from == GK_MONEY_UNIT_WANYUAN)
    {
      if (__builtin_mul_overflow (a, (GkAmount) YUAN_PER_WANYUAN, &result))
        return FALSE;
    }
  else
    {
      /* C division truncates toward zero and the remainder keeps the sign
       * of @a, which makes rounding half away from zero symmetric. */
      GkAmount remainder = a % YUAN_PER_WANYUAN;

      result = a / YUAN_PER_WANYUAN;
      if (remainder >= YUAN_PER_WANYUAN / 2)
        result++;
      else if (remainder <= -(YUAN_PER_WANYUAN / 2))
        result--;
      lost = remainder != 0;
    }

  *out = result;
  if (rounded != NULL)
    *rounded = lost;

  return TRUE;
}

typedef struct
{
  GkUWide remainder;
  gsize index;
} ShareRemainder;

static int
compare_remainders (const void *a,
                    const void *b)
{
  const ShareRemainder *ra = a;
  const ShareRemainder *rb = b;

  if (ra->remainder != rb->remainder)
    return ra->remainder > rb->remainder ? -1 : 1;

  return ra->index < rb->index ? -1 : (ra->index > rb->index ? 1 : 0);
}

/**
 * gk_amount_shares:
 * @values: (array length=n) (nullable): amounts
 * @n: number of @values
 * @basis_points: (array length=n) (out caller-allocates): each value's share
 *   of the total in hundredths of a percent
 *
 * Shares are rounded by the largest-remainder method so that a table of
 * percentages always adds up to exactly 100.00%, which independent
 * rounding does not (three equal parts give 33.33% each). Ties go to the
 * earlier value. A negative value counts as nothing; if nothing is left,
 * every share is 0.
 */
void
gk_amount_shares (const GkAmount *values,
                  gsize           n,
                  gint           *basis_points)
{
  GkUWide total = 0;
  GkUWide assigned = 0;
  g_autofree ShareRemainder *remainders = NULL;
  gsize missing;

  g_return_if_fail (values != NULL || n == 0);
  g_return_if_fail (basis_points != NULL || n == 0);

  for (gsize i = 0; i < n; i++)
    if (values[i] > 0)
      total += (GkUWide) values[i];

  if (total == 0)
    {
      for (gsize i = 0; i < n; i++)
        basis_points[i] = 0;
      return;
    }

  remainders = g_new (ShareRemainder, n);

  for (gsize i = 0; i < n; i++)
    {
      GkUWide part = values[i] > 0 ? (GkUWide) values[i] * BASIS_POINTS_WHOLE : 0;

      basis_points[i] = (gint) (part / total);
      assigned += part / total;
      remainders[i].remainder = part % total;
      remainders[i].index = i;
    }

  /* The remainders add up to exactly the missing basis points times the
   * total, each below the total, so more values than missing points have
   * a remainder and no zero value ever receives one. */
  g_assert (assigned <= BASIS_POINTS_WHOLE);
  missing = (gsize) (BASIS_POINTS_WHOLE - assigned);
  g_assert (missing < n);

  qsort (remainders, n, sizeof *remainders, compare_remainders);

  for (gsize i = 0; i < missing; i++)
    {
      g_assert (remainders[i].remainder > 0);
      basis_points[remainders[i].index]++;
    }
}

/**
 * gk_amount_change:
 * @this_year: this year's amount
 * @last_year: last year's amount, the base
 * @basis_points: (out): (this − last) / last in hundredths of a percent,
 *   rounded half away from zero
 *
 * Returns: %FALSE when no percentage exists (last year was 0, or the
 *   change is too large to express), leaving @basis_points untouched
 */
gboolean
gk_amount_change (GkAmount  this_year,
                  GkAmount  last_year,
                  gint     *basis_points)
{
  GkWide numerator;
  GkWide quotient;
  GkWide remainder;
  GkWide magnitude_remainder;
  GkWide magnitude_base;

  g_return_val_if_fail (basis_points != NULL, FALSE);

  if (last_year == 0)
    return FALSE;

  numerator = ((GkWide) this_year - (GkWide) last_year) * BASIS_POINTS_WHOLE;
  quotient = numerator / last_year;
  remainder = numerator % last_year;

  magnitude_remainder = remainder < 0 ? -remainder : remainder;
  magnitude_base = last_year < 0 ? -(GkWide) last_year : (GkWide) last_year;

  if (2 * magnitude_remainder >= magnitude_base)
    quotient += ((numerator < 0) != (last_year < 0)) ? -1 : 1;

  if (quotient > G_MAXINT || quotient < G_MININT)
    return FALSE;

  *basis_points = (gint) quotient;
  return TRUE;
}

/**
 * gk_percent_format:
 * @basis_points: hundredths of a percent
 *
 * Returns: (transfer full): e.g. "80.01%" or "-26.17%"
 */
char *
gk_percent_format (gint basis_points)
{
  gint64 value = basis_points;
  gint64 magnitude = value < 0 ? -value : value;

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT "%%",
                          value < 0 ? "-" : "",
                          magnitude / 100, magnitude % 100);
}

/**
 * gk_money_unit_to_string:
 * @unit: a money unit
 *
 * The unit is document wording, printed in every table heading whatever
 * the interface language, so it is not translated.
 *
 * Returns: "万元" or "元"
 */
const char *
gk_money_unit_to_string (GkMoneyUnit unit)
{
  switch (unit)
    {
    case GK_MONEY_UNIT_WANYUAN:
      return "万元";
    case GK_MONEY_UNIT_YUAN:
      return "元";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * gk_money_unit_from_string:
 * @text: "万元" or "元", blanks around it allowed
 * @unit: (out): the unit
 *
 * Returns: %FALSE if @text names no unit, leaving @unit untouched
 */
gboolean
gk_money_unit_from_string (const char  *text,
                           GkMoneyUnit *unit)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));

  if (g_str_equal (stripped, "万元"))
    *unit = GK_MONEY_UNIT_WANYUAN;
  else if (g_str_equal (stripped, "元"))
    *unit = GK_MONEY_UNIT_YUAN;
  else
    return FALSE;

  return TRUE;
}
