/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dlfcn.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "gk-pdf-numbers-private.h"

#define GK_TEST_DEADLINE_SECONDS 60
#include "gk-test-common.h"

/* The numbers cairo writes into a PDF go through this program's own
 * snprintf: each must be the same characters glibc writes. glibc's
 * vsnprintf, which this program leaves alone, is the reference. */

extern int __snprintf_chk (char *s, size_t maxlen, int flag, size_t slen,
                           const char *format, ...);

/* Through pointers, so that the compiler cannot write a constant call's
 * result itself. */
typedef int (*SnprintfFunc) (char *, size_t, const char *, ...) G_GNUC_PRINTF (3, 4);
typedef int (*SnprintfChkFunc) (char *, size_t, int, size_t, const char *, ...) G_GNUC_PRINTF (5, 6);
static volatile SnprintfFunc call_snprintf = snprintf;
static volatile SnprintfChkFunc call_snprintf_chk = __snprintf_chk;

static int reference (char       *s,
                      size_t      size,
                      const char *format,
                      ...) G_GNUC_PRINTF (3, 4);

static int
reference (char       *s,
           size_t      size,
           const char *format,
           ...)
{
  va_list args;
  int length;

  va_start (args, format);
  length = vsnprintf (s, size, format, args);
  va_end (args);
  return length;
}

static guint64 checked;

static void
assert_fixed (double value,
              int    precision)
{
  char ours[GK_PDF_NUMBER_MAX], glibc[512];
  int length = _gk_pdf_format_fixed (ours, value, precision);

  reference (glibc, sizeof glibc, "%.*f", precision, value);
  if (length < 0 || strcmp (ours, glibc) != 0 || length != (int) strlen (glibc))
    g_error ("%a (%.17g) to %d places: glibc writes “%s”, this “%s” (%d)",
             value, value, precision, glibc, length < 0 ? "(declined)" : ours, length);
  checked++;
}

static double
from_bits (guint64 bits)
{
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

/* Ties, where glibc rounds to the even digit; the sign of -0 and of a
 * negative number that rounds to 0; the smallest and largest values
 * written here. */
static void
test_fixed_edges (void)
{
  static const double values[] = {
    0.0, 0.5, 1.5, 2.5, 3.5, 0.125, 0.375, 0.0078125, 0.0000005, 0.0000015,
    0.1, 0.2, 0.3, 0.7, 1.0 / 3, 2.0 / 3, 123.456, 841.89, 595.28, 1e-7, 1e-9,
    1e-18, 5e-19, 1.5e-18, 2.5e-18, 1e-30, 4.9e-324, 2.2250738585072014e-308,
    9007199254740993.0, 4611686018427387904.0, 9223372036854774784.0,
    0.1000000000000000055511151231257827, 999999.9999995, 0.9999995, 9.5, 10.5,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    for (int precision = 0; precision <= 18; precision++)
      {
        assert_fixed (values[i], precision);
        assert_fixed (-values[i], precision);
      }
  /* 2⁶³ and above, infinities and NaN are left to glibc. */
  {
    char buffer[GK_PDF_NUMBER_MAX];

    g_assert_cmpint (_gk_pdf_format_fixed (buffer, 9223372036854775808.0, 6), ==, -1);
    g_assert_cmpint (_gk_pdf_format_fixed (buffer, DBL_MAX, 6), ==, -1);
    g_assert_cmpint (_gk_pdf_format_fixed (buffer, INFINITY, 6), ==, -1);
    g_assert_cmpint (_gk_pdf_format_fixed (buffer, NAN, 6), ==, -1);
    g_assert_cmpint (_gk_pdf_format_fixed (buffer, 1.0, 19), ==, -1);
    g_assert_cmpint (_gk_pdf_format_fixed (buffer, 1.0, -1), ==, -1);
  }
}

/* A million values of each kind cairo writes: page coordinates in
 * thousandths, font matrices' small factors, dyadic fractions (the
 * exact binary values whose decimal digits end in a tie), and any bit
 * pattern of the range written here. */
static void
test_fixed_random (void)
{
  GRand *rand = g_rand_new_with_seed (20201231);

  for (int i = 0; i < 250000; i++)
    {
      int precision = g_rand_int_range (rand, 0, 19);
      double coordinate = g_rand_int_range (rand, -2000000, 2000000) / 1000.0;
      double small = g_rand_double (rand) * pow (10, -g_rand_int_range (rand, 0, 20));
      double dyadic = g_rand_int_range (rand, 0, 1 << 30) / (double) (1u << g_rand_int_range (rand, 0, 31));
      /* Exponents from 2⁻⁸⁰ to 2⁶²: any mantissa, either sign. */
      guint64 bits = ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) & ((G_GUINT64_CONSTANT (1) << 52) - 1);
      double any;

      bits |= (guint64) g_rand_int_range (rand, 1023 - 80, 1023 + 63) << 52;
      if (g_rand_boolean (rand))
        bits |= G_GUINT64_CONSTANT (1) << 63;
      any = from_bits (bits);

      assert_fixed (coordinate, precision);
      assert_fixed (coordinate, 6);
      assert_fixed (small, precision);
      assert_fixed (small, 18);
      assert_fixed (dyadic, precision);
      assert_fixed (-dyadic, 6);
      assert_fixed (any, precision);
      assert_fixed (any, 6);
    }
  g_rand_free (rand);
  g_test_message ("%" G_GUINT64_FORMAT " numbers written as glibc writes them", checked);
}

/* What the two functions cairo calls return and leave in the buffer, for
 * every format (the fast ones and the rest), down to a buffer too small. */
static void
assert_same (const char *ours,
             int         ours_length,
             const char *glibc,
             int         glibc_length,
             const char *what)
{
  if (ours_length != glibc_length || strcmp (ours, glibc) != 0)
    g_error ("%s: glibc “%s” (%d), this “%s” (%d)", what, glibc, glibc_length, ours, ours_length);
}

#define CHECK(size, ...)                                                                  \
  G_STMT_START {                                                                          \
    char a[64], b[64], c[64];                                                             \
    int la, lb, lc;                                                                       \
    memset (a, 'x', sizeof a); memset (b, 'x', sizeof b); memset (c, 'x', sizeof c);      \
    a[63] = b[63] = c[63] = '\0';                                                         \
    la = call_snprintf (a, size, __VA_ARGS__);                                              \
    lb = call_snprintf_chk (b, size, 1, sizeof b, __VA_ARGS__);                           \
    lc = reference (c, size, __VA_ARGS__);                                                \
    assert_same (a, la, c, lc, "snprintf " #__VA_ARGS__);                                 \
    assert_same (b, lb, c, lc, "__snprintf_chk " #__VA_ARGS__);                           \
  } G_STMT_END

static void
test_calls (void)
{
  static const size_t sizes[] = { 64, 0, 1, 2, 4, 7 };

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      size_t size = sizes[i];

      CHECK (size, "%d", 0);
      CHECK (size, "%d", 1234567);
      CHECK (size, "%d", -42);
      CHECK (size, "%d", G_MININT);
      CHECK (size, "%d", G_MAXINT);
      for (int width = 0; width <= 6; width++)
        {
          CHECK (size, "%0*x", width, 0u);
          CHECK (size, "%0*x", width, 0x2au);
          CHECK (size, "%0*x", width, 0xffffffffu);
        }
      CHECK (size, "%0*x", -4, 0x2au);
      CHECK (size, "%0*x", 40, 0x2au);
      CHECK (size, "%010ld", 0L);
      CHECK (size, "%010ld", 123456789L);
      CHECK (size, "%010ld", 12345678901L);
      CHECK (size, "%010ld", -5L);
      CHECK (size, "%f", 841.889764);
      CHECK (size, "%f", -0.1);
      CHECK (size, "%f", 1e300);
      CHECK (size, "%f", NAN);
      CHECK (size, "%f", -INFINITY);
      CHECK (size, "%.18f", 0.012345678901234567);
      CHECK (size, "%.18f", -1e-25);
      CHECK (size, "%.*f", 3, 0.0625);
      CHECK (size, "%.*f", 20, 0.1);
      /* Everything else is glibc's. */
      CHECK (size, "%s %d", "page", 3);
      CHECK (size, "%.2f", 1.005);
      CHECK (size, "%5d", 42);
      CHECK (size, "%x", 255u);
      CHECK (size, "%ld", -7L);
      CHECK (size, "%%d");
    }
}

/* A decimal comma is glibc's to write. */
static void
test_decimal_comma (void)
{
  char buffer[64];

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("the de_DE.UTF-8 locale is not installed (locales-all)");
      return;
    }
  call_snprintf (buffer, sizeof buffer, "%f", 1.5);
  g_assert_cmpstr (buffer, ==, "1,500000");
  call_snprintf_chk (buffer, sizeof buffer, 1, sizeof buffer, "%.*f", 2, -0.25);
  g_assert_cmpstr (buffer, ==, "-0,25");
  setlocale (LC_NUMERIC, "C");
  call_snprintf (buffer, sizeof buffer, "%f", 1.5);
  g_assert_cmpstr (buffer, ==, "1.500000");
}

/* cairo's calls come here: the libraries' references bind to the
 * program's functions, in the tests as in gongkai itself. */
static void
test_bound (void)
{
  const char *gongkai = g_getenv ("GK_GONGKAI");
  g_autofree char *nm = g_find_program_in_path ("nm");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (_gk_pdf_numbers_in_use ());
  g_assert_true (dlsym (RTLD_DEFAULT, "snprintf") == (void *) snprintf);
  g_assert_true (dlsym (RTLD_DEFAULT, "__snprintf_chk") == (void *) __snprintf_chk);
  g_assert_true (dlsym (RTLD_NEXT, "__snprintf_chk") != (void *) __snprintf_chk);

  if (gongkai == NULL || nm == NULL)
    {
      g_test_skip ("GK_GONGKAI or nm is missing: gongkai's own symbols are not read");
      return;
    }
  {
    const char *argv[] = { nm, "-D", "--defined-only", gongkai, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, NULL));
  }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, " T snprintf\n"));
  g_assert_nonnull (strstr (out, " T __snprintf_chk\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf-numbers/fixed-edges", test_fixed_edges);
  g_test_add_func ("/pdf-numbers/fixed-random", test_fixed_random);
  g_test_add_func ("/pdf-numbers/calls", test_calls);
  g_test_add_func ("/pdf-numbers/decimal-comma", test_decimal_comma);
  g_test_add_func ("/pdf-numbers/bound", test_bound);

  return g_test_run ();
}
