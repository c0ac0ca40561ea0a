/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gk-amount.h — exact money as fixed-point hundredths */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Hundredths of the document's money unit (万元 or 元). Never a float. */
typedef gint64 GkAmount;

#define GK_AMOUNT_MAX G_MAXINT64
#define GK_AMOUNT_MIN G_MININT64

typedef enum {
  GK_MONEY_UNIT_WANYUAN,   /* 万元 */
  GK_MONEY_UNIT_YUAN,      /* 元 */
} GkMoneyUnit;

#define GK_AMOUNT_ERROR (gk_amount_error_quark ())

typedef enum {
  GK_AMOUNT_ERROR_EMPTY,       /* nothing but blanks */
  GK_AMOUNT_ERROR_INVALID,     /* letters, two signs, misplaced comma, "1.2.3", … */
  GK_AMOUNT_ERROR_PRECISION,   /* more than two decimals */
  GK_AMOUNT_ERROR_NEGATIVE,    /* negative where not allowed */
  GK_AMOUNT_ERROR_OVERFLOW,    /* beyond the int64 range of hundredths */
} GkAmountError;

typedef enum {
  GK_AMOUNT_PARSE_DEFAULT        = 0,
  GK_AMOUNT_PARSE_ALLOW_NEGATIVE = 1 << 0,
} GkAmountParseFlags;

/* What a figure entered into a disclosure may be, wherever it comes from
 * (typed, pasted, imported from a workbook, read from a file): at least
 * zero, since every entered figure is a budget amount and the differences
 * that can be negative (changes against last year) are derived, never
 * entered; in hundredths, so two decimals at most (gk_amount_parse() never
 * rounds); and no more than GkAmount holds, 92 233 720 368 547 758.07,
 * which gk_amount_parse() enforces with its own message. Sums beyond that
 * are flagged as overflows by the tables, not refused here. */
#define GK_AMOUNT_ENTERED_MIN 0
#define GK_AMOUNT_ENTERED_MAX GK_AMOUNT_MAX

GQuark       gk_amount_error_quark     (void);
gboolean     gk_amount_check_entered   (GkAmount             a,
                                        GError             **error);
gboolean     gk_amount_parse_entered   (const char          *text,
                                        GkAmount            *out,
                                        GError             **error);
gboolean     gk_amount_parse           (const char          *text,
                                        GkAmountParseFlags   flags,
                                        GkAmount            *out,
                                        GError             **error);
char        *gk_amount_format          (GkAmount             a);
char        *gk_amount_format_grouped  (GkAmount             a);
char        *gk_amount_format_short    (GkAmount             a);
gboolean     gk_amount_add             (GkAmount             a,
                                        GkAmount             b,
                                        GkAmount            *out);
gboolean     gk_amount_sub             (GkAmount             a,
                                        GkAmount             b,
                                        GkAmount            *out);
gboolean     gk_amount_sum             (const GkAmount      *values,
                                        gsize                n,
                                        GkAmount            *out);
gboolean     gk_amount_convert         (GkAmount             a,
                                        GkMoneyUnit          from,
                                        GkMoneyUnit          to,
                                        GkAmount            *out,
                                        gboolean            *rounded);
void         gk_amount_shares          (const GkAmount      *values,
                                        gsize                n,
                                        gint                *basis_points);
gboolean     gk_amount_change          (GkAmount             this_year,
                                        GkAmount             last_year,
                                        gint                *basis_points);
char        *gk_percent_format         (gint                 basis_points);
const char  *gk_money_unit_to_string   (GkMoneyUnit          unit);
gboolean     gk_money_unit_from_string (const char          *text,
                                        GkMoneyUnit         *unit);

G_END_DECLS
