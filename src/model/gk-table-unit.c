/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-table-unit.h"

/* What a table shows when its figure does not fit in GkAmount once
 * converted (only a 元 table of a 万元 document, above 92 万亿元); like a
 * spreadsheet's too-narrow cell, it hides nothing silently. */
#define OVERFLOW_TEXT "########"

/* @table may be NULL (a row not in a table yet): the document's unit. */
GkMoneyUnit
gk_table_get_money_unit (GkTable    *table,
                         GkDocument *document)
{
  g_return_val_if_fail (table == NULL || GK_IS_TABLE (table), GK_MONEY_UNIT_WANYUAN);
  g_return_val_if_fail (GK_IS_DOCUMENT (document), GK_MONEY_UNIT_WANYUAN);

  if (table == NULL)
    return gk_document_get_money_unit (document);
  return gk_table_schema_get_unit (gk_table_get_schema (table),
                                   gk_document_get_money_unit (document));
}

gboolean
gk_table_unit_differs (GkTable    *table,
                       GkDocument *document)
{
  return gk_table_get_money_unit (table, document) != gk_document_get_money_unit (document);
}

/* "单位：万元", as the table heading prints it. */
char *
gk_table_dup_unit_line (GkTable    *table,
                        GkDocument *document)
{
  return g_strconcat ("单位：", gk_money_unit_to_string (gk_table_get_money_unit (table, document)), NULL);
}

/**
 * gk_table_amount_to_shown:
 * @stored: an amount in the document's unit
 * @shown: (out): the same amount in the table's unit
 * @rounded: (out) (optional): whether digits were lost
 *
 * Sums are kept in the document's unit and converted last, so that a
 * converted table's 合计 is the rounded exact total, not the sum of
 * rounded lines.
 *
 * Returns: %FALSE if the converted amount does not fit
 */
gboolean
gk_table_amount_to_shown (GkTable    *table,
                          GkDocument *document,
                          GkAmount    stored,
                          GkAmount   *shown,
                          gboolean   *rounded)
{
  return gk_amount_convert (stored, gk_document_get_money_unit (document),
                            gk_table_get_money_unit (table, document), shown, rounded);
}

/* The figure as the table shows it, with two decimals. */
char *
gk_table_format_amount (GkTable    *table,
                        GkDocument *document,
                        GkAmount    stored)
{
  GkAmount shown;

  if (!gk_table_amount_to_shown (table, document, stored, &shown, NULL))
    return g_strdup (OVERFLOW_TEXT);
  return gk_amount_format (shown);
}

/**
 * gk_table_parse_amount:
 * @text: a figure typed or pasted into the table, in the table's unit
 * @stored: (out): the amount in the document's unit
 *
 * 万元 typed into a 元 document is multiplied exactly. 元 typed into a
 * 万元 document must be a whole multiple of 100元, the cent of 万元:
 * anything finer would be rounded away, and a typed figure is never
 * changed behind the officer's back.
 *
 * Returns: %TRUE if @text is an amount the document can keep exactly
 */
gboolean
gk_table_parse_amount (GkTable     *table,
                       GkDocument  *document,
                       const char  *text,
                       GkAmount    *stored,
                       GError     **error)
{
  GkMoneyUnit table_unit, document_unit;
  GkAmount typed, converted;
  gboolean rounded = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!gk_amount_parse (text, GK_AMOUNT_PARSE_DEFAULT, &typed, error))
    return FALSE;
  table_unit = gk_table_get_money_unit (table, document);
  document_unit = gk_document_get_money_unit (document);
  if (!gk_amount_convert (typed, table_unit, document_unit, &converted, &rounded))
    {
      g_autofree char *figure = gk_amount_format_grouped (typed);

      g_set_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_OVERFLOW,
                   /* Translators: %s%s is an amount and its unit, %s the document's unit */
                   _("%s%s is too large to keep in %s"),
                   figure, gk_money_unit_to_string (table_unit), gk_money_unit_to_string (document_unit));
      return FALSE;
    }
  if (rounded)
    {
      g_autofree char *figure = gk_amount_format_grouped (typed);

      g_set_error (error, GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_PRECISION,
                   /* Translators: %s%s is an amount and its unit (元); the last %s is 万元 */
                   _("%s%s cannot be kept exactly: this document keeps its amounts in %s to two decimals, "
                     "so type a whole multiple of 100元"),
                   figure, gk_money_unit_to_string (table_unit), gk_money_unit_to_string (document_unit));
      return FALSE;
    }
  if (stored != NULL)
    *stored = converted;
  return TRUE;
}
