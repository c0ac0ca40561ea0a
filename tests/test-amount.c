/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-amount.c — GkAmount: parsing, formatting, arithmetic, shares */

#include <string.h>

#include <glib.h>

#include "gk-amount.h"

/* A value no test expects, to prove that a failing call left @out alone. */
#define SENTINEL ((GkAmount) 0x5E5E5E5E5E5E5E5ELL)

typedef struct
{
  const char *text;
  GkAmountParseFlags flags;
  GkAmount expected;
} AcceptCase;

static const AcceptCase accept_cases[] = {
  { "0", GK_AMOUNT_PARSE_DEFAULT, 0 },
  { "0.00", GK_AMOUNT_PARSE_DEFAULT, 0 },
  { "355.08", GK_AMOUNT_PARSE_DEFAULT, 35508 },
  { "71", GK_AMOUNT_PARSE_DEFAULT, 7100 },
  { "71.", GK_AMOUNT_PARSE_DEFAULT, 7100 },
  { "48.6", GK_AMOUNT_PARSE_DEFAULT, 4860 },
  { ".5", GK_AMOUNT_PARSE_DEFAULT, 50 },
  { "0.05", GK_AMOUNT_PARSE_DEFAULT, 5 },
  { "007.10", GK_AMOUNT_PARSE_DEFAULT, 710 },
  { "+5", GK_AMOUNT_PARSE_DEFAULT, 500 },
  { "-3.2", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, -320 },
  { "-0.05", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, -5 },
  { "-0", GK_AMOUNT_PARSE_DEFAULT, 0 },
  { "1234567", GK_AMOUNT_PARSE_DEFAULT, 123456700 },
  { "1,234.50", GK_AMOUNT_PARSE_DEFAULT, 123450 },
  { "1,234,567.5", GK_AMOUNT_PARSE_DEFAULT, 123456750 },
  { "123,456", GK_AMOUNT_PARSE_DEFAULT, 12345600 },
  { "-1,000", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, -100000 },
  { "  42  ", GK_AMOUNT_PARSE_DEFAULT, 4200 },
  { "\t12\n", GK_AMOUNT_PARSE_DEFAULT, 1200 },
  { "\u00a019.02\u00a0", GK_AMOUNT_PARSE_DEFAULT, 1902 },
  { "\u3000355.08\u3000", GK_AMOUNT_PARSE_DEFAULT, 35508 },
  { "\uff13\uff15\uff15\uff0e\uff10\uff18", GK_AMOUNT_PARSE_DEFAULT, 35508 },   /* ３５５．０８ */
  { "\uff11\uff0c\uff12\uff13\uff14", GK_AMOUNT_PARSE_DEFAULT, 123400 },       /* １，２３４ */
  { "\uff0d\uff15", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, -500 },                    /* －５ */
  { "92233720368547758.07", GK_AMOUNT_PARSE_DEFAULT, G_MAXINT64 },
  { "92,233,720,368,547,758.07", GK_AMOUNT_PARSE_DEFAULT, G_MAXINT64 },
  { "-92233720368547758.08", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, G_MININT64 },
  { "00000000000000000000000000001", GK_AMOUNT_PARSE_DEFAULT, 100 },
};

typedef struct
{
  const char *text;
  GkAmountParseFlags flags;
  GkAmountError code;
} RefuseCase;

static const RefuseCase refuse_cases[] = {
  { "", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_EMPTY },
  { "  ", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_EMPTY },
  { "\u3000\t", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_EMPTY },
  { "1.234", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_PRECISION },
  { "0.001", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_PRECISION },
  { "1.230", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_PRECISION },
  { "-3.205", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_PRECISION },
  { "abc", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "1e5", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "0x10", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "NaN", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "inf", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_INVALID },
  { "12元", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "(3.20)", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_INVALID },
  { "1 234", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "- 1", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_INVALID },
  { "--1", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_INVALID },
  { "+-1", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_INVALID },
  { "1.5-", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_INVALID },
  { "1.2.3", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { ".", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "-", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_INVALID },
  { "-.", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_INVALID },
  { ",", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "12,34", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "1,2345", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "1234,567", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "1,234,56", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { ",123", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "1,234,", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "1,,234", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "0,123", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "1.2,3", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "1,234.5,6", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "\xff\xfe" "12", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_INVALID },
  { "-1", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_NEGATIVE },
  { "-0.01", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_NEGATIVE },
  { "\uff0d\uff11", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_NEGATIVE },       /* －１ */
  { "92233720368547758.08", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_OVERFLOW },
  { "92233720368547758.08", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_OVERFLOW },
  { "92233720368547759", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_OVERFLOW },
  { "-92233720368547758.09", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_OVERFLOW },
  { "184467440737095516.16", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_OVERFLOW },
  { "99999999999999999999999999999", GK_AMOUNT_PARSE_DEFAULT, GK_AMOUNT_ERROR_OVERFLOW },
  { "-99999999999999999999999999999.99", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, GK_AMOUNT_ERROR_OVERFLOW },
};

static void
test_parse_accepts (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (accept_cases); i++)
    {
      const AcceptCase *c = &accept_cases[i];
      g_autoptr(GError) error = NULL;
      GkAmount value = SENTINEL;

      g_test_message ("accepting case %" G_GSIZE_FORMAT, i);
      g_assert_true (gk_amount_parse (c->text, c->flags, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, c->expected);

      /* Validation alone needs no output location. */
      g_assert_true (gk_amount_parse (c->text, c->flags, NULL, NULL));
    }
}

static void
test_parse_refuses (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (refuse_cases), >=, 20);

  for (gsize i = 0; i < G_N_ELEMENTS (refuse_cases); i++)
    {
      const RefuseCase *c = &refuse_cases[i];
      g_autoptr(GError) error = NULL;
      GkAmount value = SENTINEL;

      g_test_message ("refusing case %" G_GSIZE_FORMAT, i);
      g_assert_false (gk_amount_parse (c->text, c->flags, &value, &error));
      g_assert_error (error, GK_AMOUNT_ERROR, (gint) c->code);
      g_assert_cmpint (value, ==, SENTINEL);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      /* The officer must see which entry is wrong. */
      if (c->code != GK_AMOUNT_ERROR_EMPTY && g_utf8_validate (c->text, -1, NULL))
        {
          g_autofree char *stripped = g_strstrip (g_strdup (c->text));

          g_assert_nonnull (strstr (error->message, stripped));
        }

      g_assert_false (gk_amount_parse (c->text, c->flags, NULL, NULL));
    }
}

static void
test_parse_huge (void)
{
  g_autoptr(GString) digits = g_string_new ("1");
  g_autoptr(GString) padded = g_string_new ("");
  g_autoptr(GError) error = NULL;
  GkAmount value = SENTINEL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (digits, '0');

  g_assert_false (gk_amount_parse (digits->str, GK_AMOUNT_PARSE_DEFAULT, &value, &error));
  g_assert_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_OVERFLOW);
  g_assert_cmpint (value, ==, SENTINEL);
  /* A pasted column of digits must not turn into a page-long message. */
  g_assert_cmpuint (strlen (error->message), <, 300);
  g_clear_error (&error);

  /* Leading zeros are not magnitude: a long string can still be small. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (padded, '0');
  g_string_append (padded, "355.08");
  g_assert_true (gk_amount_parse (padded->str, GK_AMOUNT_PARSE_DEFAULT, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 35508);
}

static void
test_parse_messages (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gk_amount_parse ("1.234", GK_AMOUNT_PARSE_DEFAULT, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "“1.234” has more than two decimals; amounts are kept to the cent (0.01)");
  g_clear_error (&error);

  /* Blanks around the entry are not part of what is quoted back. */
  g_assert_false (gk_amount_parse ("\u3000 abc ", GK_AMOUNT_PARSE_DEFAULT, NULL, &error));
  g_assert_nonnull (strstr (error->message, "“abc”"));
  g_clear_error (&error);

  g_assert_false (gk_amount_parse ("92233720368547758.08", GK_AMOUNT_PARSE_DEFAULT, NULL, &error));
  g_assert_nonnull (strstr (error->message, "92,233,720,368,547,758.07"));
  g_clear_error (&error);

  g_assert_false (gk_amount_parse ("-92233720368547758.09", GK_AMOUNT_PARSE_ALLOW_NEGATIVE, NULL, &error));
  g_assert_nonnull (strstr (error->message, "-92,233,720,368,547,758.08"));
  g_clear_error (&error);

  g_assert_false (gk_amount_parse ("   ", GK_AMOUNT_PARSE_DEFAULT, NULL, &error));
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_parse_bad_arguments (void)
{
  GkAmount value = SENTINEL;

  if (g_test_undefined ())
    {
      g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*text != NULL*");
      g_assert_false (gk_amount_parse (NULL, GK_AMOUNT_PARSE_DEFAULT, &value, NULL));
      g_test_assert_expected_messages ();
      g_assert_cmpint (value, ==, SENTINEL);
    }
}

static void
test_format (void)
{
  static const struct {
    GkAmount value;
    const char *plain;
    const char *grouped;
    const char *brief;
  } cases[] = {
    { 0, "0.00", "0.00", "0" },
    { 5, "0.05", "0.05", "0.05" },
    { -5, "-0.05", "-0.05", "-0.05" },
    { 50, "0.50", "0.50", "0.5" },
    { 1000, "10.00", "10.00", "10" },
    { 7100, "71.00", "71.00", "71" },
    { 4860, "48.60", "48.60", "48.6" },
    { 35508, "355.08", "355.08", "355.08" },
    { -320, "-3.20", "-3.20", "-3.2" },
    { 99999, "999.99", "999.99", "999.99" },
    { 100000, "1000.00", "1,000.00", "1000" },
    { 123456750, "1234567.50", "1,234,567.50", "1234567.5" },
    { -123456750, "-1234567.50", "-1,234,567.50", "-1234567.5" },
    { 12345678901, "123456789.01", "123,456,789.01", "123456789.01" },
    { G_MAXINT64, "92233720368547758.07", "92,233,720,368,547,758.07", "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08", "-92,233,720,368,547,758.08", "-92233720368547758.08" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = gk_amount_format (cases[i].value);
      g_autofree char *grouped = gk_amount_format_grouped (cases[i].value);
      g_autofree char *brief = gk_amount_format_short (cases[i].value);

      g_assert_cmpstr (plain, ==, cases[i].plain);
      g_assert_cmpstr (grouped, ==, cases[i].grouped);
      g_assert_cmpstr (brief, ==, cases[i].brief);
    }
}

static void
assert_round_trip (GkAmount value)
{
  char *(*formats[]) (GkAmount) = {
    gk_amount_format,
    gk_amount_format_grouped,
    gk_amount_format_short,
  };

  for (gsize f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *text = formats[f] (value);
      g_autoptr(GError) error = NULL;
      GkAmount back = SENTINEL;

      if (!gk_amount_parse (text, GK_AMOUNT_PARSE_ALLOW_NEGATIVE, &back, &error))
        g_error ("“%s” did not parse back: %s", text, error->message);
      g_assert_cmpint (back, ==, value);
    }
}

static void
test_round_trip (void)
{
  static const GkAmount edges[] = {
    0, 1, -1, 5, 9, 10, 11, 99, 100, 101, 999, 1000, 35508, -35508,
    G_MAXINT64, G_MAXINT64 - 1, G_MININT64, G_MININT64 + 1,
    G_MAXINT32, G_MININT32, (GkAmount) G_MAXINT32 * 100,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (edges); i++)
    assert_round_trip (edges[i]);

  for (GkAmount v = -20000; v <= 20000; v++)
    assert_round_trip (v);

  for (guint i = 0; i < 20000; i++)
    {
      guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();

      assert_round_trip ((GkAmount) bits);
      /* Small magnitudes too, where the short form drops decimals. */
      assert_round_trip ((GkAmount) bits % 1000000);
    }
}

static void
test_add_sub_sum (void)
{
  GkAmount out;

  out = SENTINEL;
  g_assert_true (gk_amount_add (33606, 1902, &out));
  g_assert_cmpint (out, ==, 35508);
  g_assert_true (gk_amount_add (G_MAXINT64, 0, &out));
  g_assert_cmpint (out, ==, G_MAXINT64);
  g_assert_true (gk_amount_add (G_MININT64, G_MAXINT64, &out));
  g_assert_cmpint (out, ==, -1);

  out = SENTINEL;
  g_assert_false (gk_amount_add (G_MAXINT64, 1, &out));
  g_assert_false (gk_amount_add (G_MININT64, -1, &out));
  g_assert_false (gk_amount_add (G_MAXINT64, G_MAXINT64, &out));
  g_assert_false (gk_amount_add (G_MININT64, G_MININT64, &out));
  g_assert_cmpint (out, ==, SENTINEL);

  g_assert_true (gk_amount_sub (35508, 43422, &out));
  g_assert_cmpint (out, ==, -7914);
  g_assert_true (gk_amount_sub (-1, G_MININT64, &out));
  g_assert_cmpint (out, ==, G_MAXINT64);
  g_assert_true (gk_amount_sub (G_MININT64, 0, &out));
  g_assert_cmpint (out, ==, G_MININT64);

  out = SENTINEL;
  g_assert_false (gk_amount_sub (0, G_MININT64, &out));
  g_assert_false (gk_amount_sub (G_MININT64, 1, &out));
  g_assert_false (gk_amount_sub (G_MAXINT64, -1, &out));
  g_assert_cmpint (out, ==, SENTINEL);

  {
    const GkAmount seed[] = { 33606, 1902 };
    const GkAmount back_in_range[] = { G_MAXINT64, 1, -1 };
    const GkAmount extremes[] = { G_MAXINT64, G_MAXINT64, G_MININT64, G_MININT64 };
    const GkAmount too_big[] = { G_MAXINT64, 1 };
    const GkAmount too_small[] = { G_MININT64, -1 };
    const GkAmount too_big_late[] = { 1, -1, 2, G_MAXINT64 };

    g_assert_true (gk_amount_sum (seed, G_N_ELEMENTS (seed), &out));
    g_assert_cmpint (out, ==, 35508);
    g_assert_true (gk_amount_sum (NULL, 0, &out));
    g_assert_cmpint (out, ==, 0);
    g_assert_true (gk_amount_sum (back_in_range, G_N_ELEMENTS (back_in_range), &out));
    g_assert_cmpint (out, ==, G_MAXINT64);
    g_assert_true (gk_amount_sum (extremes, G_N_ELEMENTS (extremes), &out));
    g_assert_cmpint (out, ==, -2);

    out = SENTINEL;
    g_assert_false (gk_amount_sum (too_big, G_N_ELEMENTS (too_big), &out));
    g_assert_false (gk_amount_sum (too_small, G_N_ELEMENTS (too_small), &out));
    g_assert_false (gk_amount_sum (too_big_late, G_N_ELEMENTS (too_big_late), &out));
    g_assert_cmpint (out, ==, SENTINEL);
  }
}

static void
assert_convert (GkAmount    value,
                GkMoneyUnit from,
                GkMoneyUnit to,
                GkAmount    expected,
                gboolean    expected_rounded)
{
  GkAmount out = SENTINEL;
  gboolean rounded = !expected_rounded;

  g_assert_true (gk_amount_convert (value, from, to, &out, &rounded));
  g_assert_cmpint (out, ==, expected);
  g_assert_cmpint (rounded, ==, expected_rounded);

  out = SENTINEL;
  g_assert_true (gk_amount_convert (value, from, to, &out, NULL));
  g_assert_cmpint (out, ==, expected);
}

static void
test_convert (void)
{
  const GkMoneyUnit W = GK_MONEY_UNIT_WANYUAN;
  const GkMoneyUnit Y = GK_MONEY_UNIT_YUAN;
  GkAmount out = SENTINEL;
  gboolean rounded = FALSE;

  /* 355.08 万元 = 3,550,800.00 元 */
  assert_convert (35508, W, Y, 355080000, FALSE);
  assert_convert (-320, W, Y, -3200000, FALSE);
  assert_convert (355080000, Y, W, 35508, FALSE);
  assert_convert (0, Y, W, 0, FALSE);

  /* 123.45 元 = 0.012345 万元 */
  assert_convert (12345, Y, W, 1, TRUE);
  /* 50.00 元 = 0.005 万元: exactly half goes away from zero */
  assert_convert (5000, Y, W, 1, TRUE);
  assert_convert (-5000, Y, W, -1, TRUE);
  assert_convert (4999, Y, W, 0, TRUE);
  assert_convert (-4999, Y, W, 0, TRUE);
  assert_convert (15000, Y, W, 2, TRUE);
  assert_convert (25000, Y, W, 3, TRUE);
  assert_convert (-25000, Y, W, -3, TRUE);
  assert_convert (355084999, Y, W, 35508, TRUE);
  assert_convert (355085000, Y, W, 35509, TRUE);
  assert_convert (G_MAXINT64, Y, W, 922337203685478, TRUE);
  assert_convert (G_MININT64, Y, W, -922337203685478, TRUE);

  assert_convert (G_MAXINT64, Y, Y, G_MAXINT64, FALSE);
  assert_convert (G_MININT64, W, W, G_MININT64, FALSE);
  assert_convert (G_MAXINT64 / 10000, W, Y, G_MAXINT64 / 10000 * 10000, FALSE);
  assert_convert (G_MININT64 / 10000, W, Y, G_MININT64 / 10000 * 10000, FALSE);

  g_assert_false (gk_amount_convert (G_MAXINT64 / 10000 + 1, W, Y, &out, &rounded));
  g_assert_false (gk_amount_convert (G_MININT64 / 10000 - 1, W, Y, &out, &rounded));
  g_assert_false (gk_amount_convert (G_MAXINT64, W, Y, &out, NULL));
  g_assert_cmpint (out, ==, SENTINEL);
  g_assert_false (rounded);

  /* Every 万元 amount survives a trip through 元. */
  for (guint i = 0; i < 10000; i++)
    {
      GkAmount wan = (GkAmount) g_test_rand_int_range (G_MININT32, G_MAXINT32);
      GkAmount yuan, back;

      g_assert_true (gk_amount_convert (wan, W, Y, &yuan, NULL));
      g_assert_true (gk_amount_convert (yuan, Y, W, &back, &rounded));
      g_assert_cmpint (back, ==, wan);
      g_assert_false (rounded);
    }
}

static gint
sum_shares (const gint *shares,
            gsize       n)
{
  gint total = 0;

  for (gsize i = 0; i < n; i++)
    total += shares[i];

  return total;
}

static void
assert_shares (const GkAmount *values,
               gsize           n,
               const gint     *expected)
{
  g_autofree gint *shares = g_new (gint, n);

  for (gsize i = 0; i < n; i++)
    shares[i] = -12345;

  gk_amount_shares (values, n, shares);

  for (gsize i = 0; i < n; i++)
    g_assert_cmpint (shares[i], ==, expected[i]);
}

static void
test_shares_cases (void)
{
  /* Naive rounding gives 3333 three times, 99.99% in all. */
  const GkAmount thirds[] = { 100, 100, 100 };
  const gint thirds_bp[] = { 3334, 3333, 3333 };
  /* The seed's 基本支出 284.08 and 项目支出 71.00 of 355.08: exactly
   * 8000.45 and 1999.55 basis points. The seed prints 80.01% / 19.99%,
   * but the larger remainder belongs to 项目支出: 80.00% / 20.00%. */
  const GkAmount seed_kinds[] = { 28408, 7100 };
  const gint seed_kinds_bp[] = { 8000, 2000 };
  /* The seed's 类 336.06 and 19.02: 9464.35 and 535.65. */
  const GkAmount seed_classes[] = { 33606, 1902 };
  const gint seed_classes_bp[] = { 9464, 536 };
  /* Seven equal parts: 1428.57 each, four points to hand out, earliest first. */
  const GkAmount sevenths[] = { 1, 1, 1, 1, 1, 1, 1 };
  const gint sevenths_bp[] = { 1429, 1429, 1429, 1429, 1428, 1428, 1428 };
  const GkAmount thirds_split[] = { 1, 2 };
  const gint thirds_split_bp[] = { 3333, 6667 };
  /* The points go to the largest remainders, here in the middle. */
  const GkAmount tied[] = { 2, 1, 1, 2 };
  const gint tied_bp[] = { 3333, 1667, 1667, 3333 };
  const GkAmount negatives[] = { -500, 100, 0, 300 };
  const gint negatives_bp[] = { 0, 2500, 0, 7500 };
  const GkAmount zeros[] = { 0, 0, 0 };
  const gint zeros_bp[] = { 0, 0, 0 };
  const GkAmount all_negative[] = { -1, -2 };
  const gint all_negative_bp[] = { 0, 0 };
  const GkAmount alone[] = { 35508 };
  const gint alone_bp[] = { 10000 };
  /* Would overflow 64 bits both in the total and in value × 10 000. */
  const GkAmount huge[] = { G_MAXINT64, G_MAXINT64, G_MAXINT64 };
  const gint huge_bp[] = { 3334, 3333, 3333 };
  const GkAmount dwarfed[] = { G_MAXINT64, 1, 1, 1 };
  const gint dwarfed_bp[] = { 10000, 0, 0, 0 };

  assert_shares (thirds, G_N_ELEMENTS (thirds), thirds_bp);
  assert_shares (seed_kinds, G_N_ELEMENTS (seed_kinds), seed_kinds_bp);
  assert_shares (seed_classes, G_N_ELEMENTS (seed_classes), seed_classes_bp);
  assert_shares (sevenths, G_N_ELEMENTS (sevenths), sevenths_bp);
  assert_shares (thirds_split, G_N_ELEMENTS (thirds_split), thirds_split_bp);
  assert_shares (tied, G_N_ELEMENTS (tied), tied_bp);
  assert_shares (negatives, G_N_ELEMENTS (negatives), negatives_bp);
  assert_shares (zeros, G_N_ELEMENTS (zeros), zeros_bp);
  assert_shares (all_negative, G_N_ELEMENTS (all_negative), all_negative_bp);
  assert_shares (alone, G_N_ELEMENTS (alone), alone_bp);
  assert_shares (huge, G_N_ELEMENTS (huge), huge_bp);
  assert_shares (dwarfed, G_N_ELEMENTS (dwarfed), dwarfed_bp);

  gk_amount_shares (NULL, 0, NULL);
}

static void
test_shares_many_tiny (void)
{
  /* More values than basis points: each is worth 0.9999 of one, so the
   * first 10 000 get a point and the last gets none. */
  const gsize n = 10001;
  g_autofree GkAmount *values = g_new (GkAmount, n);
  g_autofree gint *shares = g_new (gint, n);

  for (gsize i = 0; i < n; i++)
    values[i] = 1;

  gk_amount_shares (values, n, shares);

  g_assert_cmpint (sum_shares (shares, n), ==, 10000);
  for (gsize i = 0; i < n - 1; i++)
    g_assert_cmpint (shares[i], ==, 1);
  g_assert_cmpint (shares[n - 1], ==, 0);
}

static void
test_shares_random (void)
{
  for (guint round = 0; round < 2000; round++)
    {
      gsize n = g_test_rand_int_range (1, 40);
      g_autofree GkAmount *values = g_new (GkAmount, n);
      g_autofree gint *shares = g_new (gint, n);
      unsigned __int128 total = 0;
      gint64 scale = round % 2 ? G_MAXINT64 / 64 : 100000;

      for (gsize i = 0; i < n; i++)
        {
          values[i] = (GkAmount) (g_test_rand_double () * (double) scale);
          if (g_test_rand_int_range (0, 10) == 0)
            values[i] = -values[i];
          if (values[i] > 0)
            total += (unsigned __int128) values[i];
        }

      gk_amount_shares (values, n, shares);

      if (total == 0)
        {
          g_assert_cmpint (sum_shares (shares, n), ==, 0);
          continue;
        }

      g_assert_cmpint (sum_shares (shares, n), ==, 10000);

      /* Each share is its exact value rounded down or up, never further. */
      for (gsize i = 0; i < n; i++)
        {
          unsigned __int128 part = values[i] > 0 ? (unsigned __int128) values[i] * 10000 : 0;
          gint floor_bp = (gint) (part / total);

          g_assert_cmpint (shares[i], >=, floor_bp);
          g_assert_cmpint (shares[i], <=, floor_bp + 1);
          if (part % total == 0)
            g_assert_cmpint (shares[i], ==, floor_bp);
        }
    }
}

static void
test_change (void)
{
  gint bp = -12345;

  /* 2020 一般公共预算 355.08 against 434.22 the year before:
   * −79.14 / 434.22 = −18.2258 % */
  g_assert_true (gk_amount_change (35508, 43422, &bp));
  g_assert_cmpint (bp, ==, -1823);
  /* 基本支出 284.08 against 384.77 (284.08 + 100.69): the seed's 下降 26.17% */
  g_assert_true (gk_amount_change (28408, 38477, &bp));
  g_assert_cmpint (bp, ==, -2617);
  /* 项目支出 71 against 77.43: the seed's 下降 8.3% */
  g_assert_true (gk_amount_change (7100, 7743, &bp));
  g_assert_cmpint (bp, ==, -830);

  g_assert_true (gk_amount_change (35508, 35508, &bp));
  g_assert_cmpint (bp, ==, 0);
  g_assert_true (gk_amount_change (200, 100, &bp));
  g_assert_cmpint (bp, ==, 10000);
  g_assert_true (gk_amount_change (0, 100, &bp));
  g_assert_cmpint (bp, ==, -10000);

  /* Exactly half a basis point rounds away from zero, both ways. */
  g_assert_true (gk_amount_change (20001, 20000, &bp));
  g_assert_cmpint (bp, ==, 1);
  g_assert_true (gk_amount_change (19999, 20000, &bp));
  g_assert_cmpint (bp, ==, -1);
  g_assert_true (gk_amount_change (30001, 30000, &bp));
  g_assert_cmpint (bp, ==, 0);

  /* The formula holds for a negative base too. */
  g_assert_true (gk_amount_change (-50, -100, &bp));
  g_assert_cmpint (bp, ==, -5000);

  /* No 64-bit intermediate: this − last and × 10 000 both overflow it. */
  g_assert_true (gk_amount_change (G_MININT64, G_MAXINT64, &bp));
  g_assert_cmpint (bp, ==, -20000);
  g_assert_true (gk_amount_change (G_MAXINT64, G_MAXINT64 / 2, &bp));
  g_assert_cmpint (bp, ==, 10000);

  bp = -12345;
  g_assert_false (gk_amount_change (35508, 0, &bp));
  g_assert_false (gk_amount_change (0, 0, &bp));
  g_assert_false (gk_amount_change (G_MAXINT64, 1, &bp));
  g_assert_cmpint (bp, ==, -12345);
}

static void
test_percent_format (void)
{
  static const struct {
    gint bp;
    const char *text;
  } cases[] = {
    { 8001, "80.01%" },
    { -2617, "-26.17%" },
    { 0, "0.00%" },
    { 5, "0.05%" },
    { -5, "-0.05%" },
    { 10000, "100.00%" },
    { 536, "5.36%" },
    { G_MAXINT, "21474836.47%" },
    { G_MININT, "-21474836.48%" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gk_percent_format (cases[i].bp);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_money_unit (void)
{
  GkMoneyUnit unit = GK_MONEY_UNIT_YUAN;

  g_assert_cmpstr (gk_money_unit_to_string (GK_MONEY_UNIT_WANYUAN), ==, "万元");
  g_assert_cmpstr (gk_money_unit_to_string (GK_MONEY_UNIT_YUAN), ==, "元");

  g_assert_true (gk_money_unit_from_string ("万元", &unit));
  g_assert_cmpint (unit, ==, GK_MONEY_UNIT_WANYUAN);
  g_assert_true (gk_money_unit_from_string (" 元 ", &unit));
  g_assert_cmpint (unit, ==, GK_MONEY_UNIT_YUAN);

  unit = GK_MONEY_UNIT_WANYUAN;
  g_assert_false (gk_money_unit_from_string ("", &unit));
  g_assert_false (gk_money_unit_from_string ("yuan", &unit));
  g_assert_false (gk_money_unit_from_string ("千元", &unit));
  g_assert_false (gk_money_unit_from_string ("元元", &unit));
  g_assert_cmpint (unit, ==, GK_MONEY_UNIT_WANYUAN);

  for (GkMoneyUnit u = GK_MONEY_UNIT_WANYUAN; u <= GK_MONEY_UNIT_YUAN; u++)
    {
      g_assert_true (gk_money_unit_from_string (gk_money_unit_to_string (u), &unit));
      g_assert_cmpint (unit, ==, u);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/amount/parse/accepts", test_parse_accepts);
  g_test_add_func ("/amount/parse/refuses", test_parse_refuses);
  g_test_add_func ("/amount/parse/huge", test_parse_huge);
  g_test_add_func ("/amount/parse/messages", test_parse_messages);
  g_test_add_func ("/amount/parse/bad-arguments", test_parse_bad_arguments);
  g_test_add_func ("/amount/format", test_format);
  g_test_add_func ("/amount/round-trip", test_round_trip);
  g_test_add_func ("/amount/add-sub-sum", test_add_sub_sum);
  g_test_add_func ("/amount/convert", test_convert);
  g_test_add_func ("/amount/shares/cases", test_shares_cases);
  g_test_add_func ("/amount/shares/many-tiny", test_shares_many_tiny);
  g_test_add_func ("/amount/shares/random", test_shares_random);
  g_test_add_func ("/amount/change", test_change);
  g_test_add_func ("/amount/percent-format", test_percent_format);
  g_test_add_func ("/amount/money-unit", test_money_unit);

  return g_test_run ();
}
