/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Cairo writes every number of a PDF page through snprintf: a coordinate
 * with "%f", "%.18f" or "%.*f", a glyph with "%0*x", a count with "%d".
 * glibc formats a double with multiple-precision arithmetic, which made
 * these calls a sixth of the drawing thread's time. This program defines
 * snprintf and __snprintf_chk (which the fortified cairo calls) itself, so
 * that the dynamic linker binds cairo's calls to them: the few formats
 * above are written here, exactly as glibc writes them (the rounding of a
 * double included), and every other format, locale or value goes on to
 * glibc's own vsnprintf. Nothing is written differently: only faster. */

#undef _FORTIFY_SOURCE
#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "gk-pdf-numbers-private.h"

#if defined(__GLIBC__) && defined(__SIZEOF_INT128__)

typedef unsigned __int128 u128;

static const uint64_t powers_of_ten[19] = {
  1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
  100000000ull, 1000000000ull, 10000000000ull, 100000000000ull,
  1000000000000ull, 10000000000000ull, 100000000000000ull,
  1000000000000000ull, 10000000000000000ull, 100000000000000000ull,
  1000000000000000000ull,
};

/* The decimal digits of @value, written backwards ending at @end; returns
 * where they begin. */
static char *
digits_u64 (char     *end,
            uint64_t  value)
{
  do
    {
      *--end = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  return end;
}

static char *
digits_u128 (char *end,
             u128  value)
{
  while (value > UINT64_MAX)
    {
      uint64_t low = (uint64_t) (value % powers_of_ten[18]);

      value /= powers_of_ten[18];
      for (int i = 0; i < 18; i++)
        {
          *--end = (char) ('0' + low % 10);
          low /= 10;
        }
    }
  return digits_u64 (end, (uint64_t) value);
}

/**
 * _gk_pdf_format_fixed:
 * @buffer: (out): at least %GK_PDF_NUMBER_MAX bytes
 * @value: the number
 * @precision: the digits after the point, 0 to 18
 *
 * Writes @value as glibc's "%.*f" does where the decimal point is ".":
 * the exact binary value rounded to @precision decimals, a tie to the
 * even digit (glibc follows the rounding mode, which this program never
 * changes from that), the sign of a negative number (and of -0) kept.
 *
 * Returns: the length written, or -1 for a value this does not write (not
 *   finite, or 2⁶³ and above): glibc has to
 */
int
_gk_pdf_format_fixed (char   *buffer,
                      double  value,
                      int     precision)
{
  char digits[GK_PDF_NUMBER_MAX];
  char *end = digits + sizeof digits;
  char *p;
  uint64_t bits, mantissa, ten;
  int exponent, length = 0;
  gboolean negative;
  u128 scaled;

  if (precision < 0 || precision > 18 || !isfinite (value))
    return -1;
  memcpy (&bits, &value, sizeof bits);
  negative = (bits >> 63) != 0;
  mantissa = bits & ((UINT64_C (1) << 52) - 1);
  exponent = (int) ((bits >> 52) & 0x7ff);
  if (exponent == 0)
    exponent = -1074;
  else
    {
      mantissa |= UINT64_C (1) << 52;
      exponent -= 1075;
    }
  /* value = mantissa × 2^exponent, exactly. */
  ten = powers_of_ten[precision];
  if (mantissa == 0)
    scaled = 0;
  else if (exponent >= 0)
    {
      if (exponent > 10)
        return -1;
      scaled = ((u128) (mantissa << exponent)) * ten;
    }
  else
    {
      int shift = -exponent;
      /* mantissa × 10^precision < 2^53 × 2^60: exact in 128 bits. */
      u128 product = (u128) mantissa * ten;

      if (shift >= 114)
        scaled = 0;     /* below half a unit of the last place */
      else
        {
          u128 half = (u128) 1 << (shift - 1);
          u128 rest = product & (((u128) 1 << shift) - 1);

          scaled = product >> shift;
          if (rest > half || (rest == half && (scaled & 1) != 0))
            scaled++;
        }
    }

  /* The fraction's digits, then the whole part's, backwards. */
  if (precision > 0)
    {
      uint64_t fraction = (uint64_t) (scaled % ten);

      for (int i = 0; i < precision; i++)
        {
          *--end = (char) ('0' + fraction % 10);
          fraction /= 10;
        }
      *--end = '.';
    }
  end = digits_u128 (end, scaled / ten);

  p = buffer;
  if (negative)
    p[length++] = '-';
  memcpy (p + length, end, (size_t) (digits + sizeof digits - end));
  length += (int) (digits + sizeof digits - end);
  buffer[length] = '\0';
  return length;
}

/* Writes @format's value, for the formats above, into @buffer; returns the
 * length, or -1 to leave the call to glibc. @args is the caller's copy:
 * what it read does not matter then. */
static int
format_one (char        *buffer,
            const char  *format,
            va_list      args)
{
  char digits[GK_PDF_NUMBER_MAX];
  char *end = digits + sizeof digits;
  char *start;
  int length = 0;

  if (format[0] != '%')
    return -1;
  switch (format[1])
    {
    case 'd':
      if (format[2] != '\0')
        return -1;
      {
        long long value = va_arg (args, int);

        if (value < 0)
          buffer[length++] = '-';
        start = digits_u64 (end, (uint64_t) (value < 0 ? -value : value));
      }
      break;

    case '0':
      if (format[2] == '*' && format[3] == 'x' && format[4] == '\0')
        {
          int width = va_arg (args, int);
          unsigned int value = va_arg (args, unsigned int);

          if (width < 0 || width > 32)
            return -1;
          start = end;
          do
            {
              *--start = "0123456789abcdef"[value & 0xf];
              value >>= 4;
            }
          while (value != 0);
          while (end - start < width)
            *--start = '0';
        }
      else if (strcmp (format + 2, "10ld") == 0)
        {
          long value = va_arg (args, long);

          if (value < 0)
            return -1;
          start = digits_u64 (end, (uint64_t) value);
          while (end - start < 10)
            *--start = '0';
        }
      else
        return -1;
      break;

    case 'f':
    case '.':
      {
        int precision;
        const char *point;

        if (strcmp (format + 1, "f") == 0)
          precision = 6;
        else if (strcmp (format + 1, ".18f") == 0)
          precision = 18;
        else if (strcmp (format + 1, ".*f") == 0)
          precision = -1;
        else
          return -1;
        /* glibc writes the point of LC_NUMERIC; only "." is written here. */
        point = nl_langinfo (RADIXCHAR);
        if (point[0] != '.' || point[1] != '\0')
          return -1;
        if (precision < 0)
          precision = va_arg (args, int);
        return _gk_pdf_format_fixed (buffer, va_arg (args, double), precision);
      }

    default:
      return -1;
    }
  memcpy (buffer + length, start, (size_t) (end - start));
  length += (int) (end - start);
  buffer[length] = '\0';
  return length;
}

/* snprintf's contract: @size bytes at most, the end always marked, the
 * length the whole would have. */
static int
put (char       *s,
     size_t      size,
     const char *text,
     int         length)
{
  if (size > 0)
    {
      size_t n = (size_t) length < size ? (size_t) length : size - 1;

      memcpy (s, text, n);
      s[n] = '\0';
    }
  return length;
}

extern int __vsnprintf_chk (char *s, size_t maxlen, int flag, size_t slen,
                            const char *format, va_list args);
extern int __snprintf_chk (char *s, size_t maxlen, int flag, size_t slen,
                           const char *format, ...);

/* The formats above, written into @s as snprintf() writes them; -1 to
 * leave the call to glibc. @args is read through a copy, so that glibc
 * still has the whole of it. */
static int
try_format (char       *s,
            size_t      size,
            const char *format,
            va_list     args)
{
  char buffer[GK_PDF_NUMBER_MAX];
  va_list copy;
  int length;

  va_copy (copy, args);
  length = format_one (buffer, format, copy);
  va_end (copy);
  return length < 0 ? -1 : put (s, size, buffer, length);
}

__attribute__ ((visibility ("default"))) int
snprintf (char       *s,
          size_t      size,
          const char *format,
          ...)
{
  va_list args;
  int length;

  va_start (args, format);
  length = try_format (s, size, format, args);
  if (length < 0)
    length = vsnprintf (s, size, format, args);
  va_end (args);
  return length;
}

__attribute__ ((visibility ("default"))) int
__snprintf_chk (char       *s,
                size_t      maxlen,
                int         flag,
                size_t      slen,
                const char *format,
                ...)
{
  va_list args;
  int length = -1;

  va_start (args, format);
  /* A size larger than the buffer is glibc's to report. */
  if (maxlen <= slen)
    length = try_format (s, maxlen, format, args);
  if (length < 0)
    length = __vsnprintf_chk (s, maxlen, flag, slen, format, args);
  va_end (args);
  return length;
}

gboolean
_gk_pdf_numbers_in_use (void)
{
  return TRUE;
}

#else

int
_gk_pdf_format_fixed (char   *buffer,
                      double  value,
                      int     precision)
{
  return -1;
}

gboolean
_gk_pdf_numbers_in_use (void)
{
  return FALSE;
}

#endif
