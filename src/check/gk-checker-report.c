/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-checker-private.h"

/* What the checks share: making a finding and naming its places, and
 * reading a table's figures as a printed table shows them. */

GkFinding *
gk_check_report (GkCheckRun *run,
                 const char *rule_id,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  GkFinding *finding;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  finding = gk_finding_new (rule_id, message);
  g_ptr_array_add (run->findings, finding);
  return finding;
}

/* The key a place uses for a row: its code, its project's id, its line id,
 * "total" for 合计, NULL for 表八's single row. */
const char *
gk_check_row_key (GkRow *row)
{
  switch (gk_row_get_kind (row))
    {
    case GK_ROW_KIND_PROJECT:
      return gk_row_get_project (row) != NULL ? gk_project_get_id (gk_row_get_project (row)) : NULL;
    case GK_ROW_KIND_LINE:
      return gk_row_get_line_id (row);
    case GK_ROW_KIND_TOTAL:
      return gk_row_get_line_id (row) != NULL ? gk_row_get_line_id (row) : "total";
    case GK_ROW_KIND_SINGLE:
      return NULL;
    case GK_ROW_KIND_CLASS:
    case GK_ROW_KIND_SECTION:
    case GK_ROW_KIND_ITEM:
    default:
      return gk_row_get_code (row);
    }
}

void
gk_check_add_cell (GkFinding  *finding,
                   GkRow      *row,
                   const char *column_id)
{
  GkTable *table = gk_row_get_table (row);

  gk_finding_add_place (finding, table != NULL ? gk_table_get_id (table) : "document",
                        gk_check_row_key (row), column_id);
}

/* "表三 20103 政府办公厅（室）及相关机构事务", "表三 合计", "表七 电子政务工作经费". */
char *
gk_check_row_label (GkRow *row)
{
  GkTable *table = gk_row_get_table (row);
  GString *label = g_string_new (NULL);
  const char *code = gk_row_get_kind (row) == GK_ROW_KIND_PROJECT ? NULL : gk_row_get_code (row);
  const char *name = gk_row_get_name (row);

  if (table != NULL)
    {
      g_autofree char *table_label = gk_table_schema_dup_label (gk_table_get_schema (table));
      g_string_append (label, table_label);
    }
  if (gk_row_get_kind (row) == GK_ROW_KIND_SINGLE)
    return g_string_free (label, FALSE);
  if (code != NULL)
    g_string_append_printf (label, " %s", code);
  if (name != NULL && name[0] != '\0')
    g_string_append_printf (label, " %s", name);
  return g_string_free (label, FALSE);
}

const char *
gk_check_column_title (GkTable *table,
                       guint    column)
{
  const GkColumnSchema *col = gk_table_schema_get_column (gk_table_get_schema (table), column);

  return col->title;
}

const char *
gk_check_unit (GkCheckRun *run)
{
  return gk_money_unit_to_string (gk_document_get_money_unit (run->document));
}

char *
gk_check_money (GkCheckRun *run,
                GkAmount    amount)
{
  g_autofree char *figure = gk_amount_format (amount);

  return g_strconcat (figure, gk_check_unit (run), NULL);
}

/* @amount, kept in the document's unit, as it reads in @unit: "1.23万元",
 * rounded half away from zero when @unit is the coarser. */
char *
gk_check_money_in (GkCheckRun  *run,
                   GkAmount     amount,
                   GkMoneyUnit  unit)
{
  GkAmount converted;
  g_autofree char *figure = NULL;

  if (!gk_amount_convert (amount, gk_document_get_money_unit (run->document), unit, &converted, NULL))
    return gk_check_money (run, amount);
  figure = gk_amount_format (converted);
  return g_strconcat (figure, gk_money_unit_to_string (unit), NULL);
}

/* The unit 情况说明 states money in. */
GkMoneyUnit
gk_check_text_unit (GkCheckRun *run)
{
  return gk_template_get_text_unit (gk_document_get_template (run->document),
                                    gk_document_get_money_unit (run->document));
}

/* The unit a sentence's figure is read in: the one written after it, else
 * the one 情况说明 states money in. */
GkMoneyUnit
gk_check_claim_unit (GkCheckRun    *run,
                     const GkClaim *claim)
{
  return claim->money ? claim->unit : gk_check_text_unit (run);
}

/* Whether a figure written in a sentence states @amount (kept in the
 * document's unit). "1.23万元" in a 元 document states every amount from
 * 12 250.00元 to 12 349.99元: the document's figure is converted into the
 * unit written, rounded as the text would round it, and the two compared
 * to the cent of that unit; likewise in 亿元. A figure in 元 states a 万元 amount only when
 * it is exactly that amount. */
gboolean
gk_check_claim_states (GkCheckRun    *run,
                       const GkClaim *claim,
                       GkAmount       amount)
{
  GkAmount converted;

  if (!claim->money)
    return claim->exact && claim->value == amount;
  if (!gk_amount_convert (amount, gk_document_get_money_unit (run->document), claim->unit, &converted, NULL))
    return FALSE;
  /* "4.40亿元" states every amount from 43 950.00万元 to 44 049.99万元,
   * rounded half away from zero like the 万元 conversion. */
  if (claim->yiyuan)
    converted = converted >= 0 ? (converted + 5000) / 10000 : -((-converted + 5000) / 10000);
  return converted == claim->stated;
}

/* A blank cell counts as 0, as a printed table shows nothing there. */
GkAmount
gk_check_cell (GkTable    *table,
               GkRow      *row,
               const char *column_id)
{
  int column;

  if (table == NULL || row == NULL)
    return 0;
  column = gk_table_column_index (table, column_id);
  if (column < 0)
    return 0;
  return gk_row_get_value (row, column);
}

GkAmount
gk_check_column_total (GkTable    *table,
                       const char *column_id)
{
  GkRow *row;

  if (table == NULL)
    return 0;
  row = gk_table_get_total_row (table);
  if (row == NULL)
    row = gk_table_get_single_row (table);
  return gk_check_cell (table, row, column_id);
}

GkAmount
gk_check_line (GkTable    *table,
               const char *line_id,
               const char *column_id)
{
  if (table == NULL)
    return 0;
  return gk_check_cell (table, gk_table_lookup_line (table, line_id), column_id);
}
