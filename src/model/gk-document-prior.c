/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-fields.h"
#include "gk-table-list.h"

/* Last year's disclosure is last year's budget, so every figure taken from
 * it is a 上年预算数. Reasons already written stay: they explain the change,
 * which the new figure rarely alters. */

static void
set_prior (GkDocument *self,
           const char *key,
           GkAmount    amount)
{
  GkPrior *prior = gk_document_ensure_prior (self, key);

  gk_document_set_int (self, prior, "amount", amount);
  gk_document_set_text (self, prior, "basis", GK_PRIOR_BASIS_BUDGET);
}

static gboolean
column_is_set (GkTable  *table,
               int       column,
               GkAmount *amount)
{
  GkAmount value = 0;
  gboolean set;

  set = table != NULL && column >= 0 && gk_table_get_column_total (table, column, &value);
  if (amount != NULL)
    *amount = set ? value : 0;
  return set;
}

static GkAmount
column_total (GkTable    *table,
              const char *column_id)
{
  GkAmount amount;

  column_is_set (table, gk_table_column_index (table, column_id), &amount);
  return amount;
}

/* A prior figure explains a change in a table: filled when this year's
 * template has the table and last year's had it too. A table last year's
 * disclosure lacks was not 0 last year, so its priors are left as they are. */
static gboolean
both_have (GkDocument *self,
           GkDocument *last_year,
           const char *role)
{
  return gk_document_get_table (self, role) != NULL && gk_document_get_table (last_year, role) != NULL;
}

static void
fill_income (GkDocument *self,
             GkDocument *last_year)
{
  GkTable *table = gk_document_get_table (self, "income");
  GkTable *last_table = gk_document_get_table (last_year, "income");
  const GkTableSchema *schema = gk_table_get_schema (table);

  for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
    {
      const GkColumnSchema *column = gk_table_schema_get_column (schema, i);
      g_autofree char *key = NULL;
      GkAmount amount;
      gboolean set_last;

      if (column->rule != GK_COLUMN_ENTERED)
        continue;
      set_last = column_is_set (last_table, gk_table_column_index (last_table, column->id),
                                &amount);
      if (!set_last && !column_is_set (table, i, NULL))
        continue;
      key = g_strconcat ("income.", column->id, NULL);
      set_prior (self, key, amount);
    }
}

static void
fill_functions (GkDocument *self,
                GkDocument *last_year,
                GString    *report)
{
  GkTable *table = gk_document_get_table (self, "general-expenditure");
  GkTable *last_table = gk_document_get_table (last_year, "general-expenditure");
  int total = gk_table_column_index (last_table, "total");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (table)); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);
      const char *code = gk_row_get_code (row);
      g_autofree char *key = NULL;
      GkRow *last_row;

      if (gk_row_get_kind (row) != GK_ROW_KIND_ITEM || code == NULL || strlen (code) != 7)
        continue;
      last_row = gk_table_lookup (last_table, code);
      if (last_row == NULL || total < 0)
        {
          if (report != NULL)
            {
              g_autofree char *label = gk_table_schema_dup_name (gk_table_get_schema (last_table));
              /* Translators: a function 项 code and name, then last year's table */
              g_string_append_printf (report, _("%s %s: not in last year’s %s\n"),
                                      code, gk_row_get_name (row), label);
            }
          continue;
        }
      key = g_strconcat ("function.", code, NULL);
      set_prior (self, key, gk_row_get_value (last_row, total));
    }
}

static void
fill_sangong (GkDocument *self,
              GkDocument *last_year)
{
  static const char *const columns[] = {
    "total", "abroad", "vehicle-purchase", "vehicle-operation", "reception",
  };
  GkTable *last_table = gk_document_get_table (last_year, "sangong");
  GkRow *row = gk_table_get_single_row (last_table);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *key = g_strconcat ("sangong.", columns[i], NULL);
      int column = gk_table_column_index (last_table, columns[i]);

      set_prior (self, key, row != NULL && column >= 0 ? gk_row_get_value (row, column) : 0);
    }
}

/* Each economic 类 of 基本支出: last year's figure, and 0 for a 类 this
 * year's table has that last year's did not list (it had none). */
static void
fill_basic (GkDocument *self,
            GkDocument *last_year)
{
  GkTable *table = gk_document_get_table (self, "basic-expenditure");
  GkTable *last_table = gk_document_get_table (last_year, "basic-expenditure");
  GListModel *last_roots = gk_table_get_roots (last_table);
  GListModel *roots = gk_table_get_roots (table);
  int total = gk_table_column_index (last_table, "total");

  for (guint i = 0; total >= 0 && i < g_list_model_get_n_items (last_roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (last_roots, i);
      g_autofree char *key = g_strconcat ("basic.", gk_row_get_code (row), NULL);

      set_prior (self, key, gk_row_get_value (row, total));
    }
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
      g_autofree char *key = g_strconcat ("basic.", gk_row_get_code (row), NULL);

      if (gk_table_lookup (last_table, gk_row_get_code (row)) == NULL)
        set_prior (self, key, 0);
    }
}

/* 政府采购 as last year's disclosure stated it: from its 政府采购预算表
 * by 采购类别 where it had one, else as entered beside 情况说明. */
static void
fill_procurement (GkDocument *self,
                  GkDocument *last_year)
{
  static const struct { const char *category; const char *property; const char *key; } parts[] = {
    { "货物", "procurement-goods", "procurement.goods" },
    { "工程", "procurement-works", "procurement.works" },
    { "服务", "procurement-services", "procurement.services" },
  };
  GkTable *table = gk_document_get_table (last_year, "procurement");
  GkExplanation *explanation = gk_document_get_explanation (last_year);
  GkAmount values[G_N_ELEMENTS (parts)] = { 0, };
  GkAmount total = 0;

  if (table != NULL)
    {
      int category = gk_table_schema_text_index (gk_table_get_schema (table), "category");
      int amount = gk_table_column_index (table, "total");

      for (guint i = 0; i < gk_table_get_n_entries (table); i++)
        {
          GkRow *row = gk_table_get_entry (table, i);
          const char *text = category >= 0 ? gk_list_row_get_text (row, category) : NULL;
          GkAmount value = 0;

          if (amount < 0 || !gk_row_get_amount (row, amount, &value))
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
            if (g_strcmp0 (text, parts[k].category) == 0 && !gk_amount_add (values[k], value, &values[k]))
              values[k] = GK_AMOUNT_MAX;
        }
      total = column_total (table, "total");
    }
  else
    {
      for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
        values[k] = gk_explanation_get_amount (explanation, parts[k].property);
      gk_amount_sum (values, G_N_ELEMENTS (values), &total);
    }
  set_prior (self, "procurement.total", total);
  for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
    set_prior (self, parts[k].key, values[k]);
}

/* 全口径 “三公”经费, where last year's disclosure stated all of it. */
static void
fill_sangong_all (GkDocument *self,
                  GkDocument *last_year)
{
  static const char * const items[] = {
    "sangong-all-abroad", "sangong-all-vehicle-purchase", "sangong-all-vehicle-operation", "sangong-all-reception",
  };
  GkExplanation *explanation = gk_document_get_explanation (last_year);
  const GkField *field;
  GkAmount total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      field = gk_fields_lookup (GK_TYPE_EXPLANATION, items[i]);
      if (!gk_field_is_set (explanation, field) ||
          !gk_amount_add (total, gk_explanation_get_amount (explanation, items[i]), &total))
        return;
    }
  set_prior (self, "sangong-all.total", total);
}

static GkProject *
find_project (GListModel *projects,
              const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);

      if (g_strcmp0 (gk_project_get_name (project), name) == 0)
        return project;
    }
  return NULL;
}

static void
report_projects (GkDocument *self,
                 GkDocument *last_year,
                 GString    *report)
{
  GListModel *projects = gk_document_get_projects (self);
  GListModel *last_projects = gk_document_get_projects (last_year);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      const char *name = gk_project_get_name (project);

      if (find_project (last_projects, name) != NULL)
        g_string_append_printf (report, _("Project “%s”: also in last year’s disclosure\n"),
                                name);
      else
        g_string_append_printf (report, _("Project “%s”: new this year\n"), name);
    }
}

static gboolean
is_final (GkDocument *document)
{
  GkTemplate *template = gk_document_get_template (document);

  return template != NULL && gk_template_is_final (template);
}

/* Copies @last_year's figures in as this year's prior-year figures (上年预算数),
 * as one undoable action, and appends to @report (if not NULL) a line for
 * each 项 it could not match and for each project. Refuses, changing
 * nothing, when the money units differ or @last_year is not the year
 * before. */
gboolean
gk_document_fill_prior_year (GkDocument  *self,
                             GkDocument  *last_year,
                             GString     *report,
                             GError     **error)
{
  guint year;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_DOCUMENT (last_year), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  year = gk_document_get_year (self);
  if (gk_document_get_money_unit (last_year) != gk_document_get_money_unit (self))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("Last year’s disclosure is in %s and this one in %s; convert one of them first"),
                   gk_money_unit_to_string (gk_document_get_money_unit (last_year)),
                   gk_money_unit_to_string (gk_document_get_money_unit (self)));
      return FALSE;
    }
  if (year == 0 || gk_document_get_year (last_year) != year - 1)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("The disclosure chosen is for %u, not for %u, the year before %u"),
                   gk_document_get_year (last_year), year - 1, year);
      return FALSE;
    }
  if (is_final (self) != is_final (last_year))
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           is_final (self)
                           ? _("The disclosure chosen is a budget (预算), but this is final accounts (决算): "
                               "choose last year’s final accounts")
                           : _("The disclosure chosen is final accounts (决算), but this is a budget (预算): "
                               "choose last year’s budget"));
      return FALSE;
    }
  if (is_final (self))
    {
      gk_document_begin_action (self, _("Fill from Last Year"));
      gk_document_fill_prior_final (self, last_year, report);
      gk_document_end_action (self);
      return TRUE;
    }

  gk_document_begin_action (self, _("Fill from Last Year"));
  if (both_have (self, last_year, "income"))
    fill_income (self, last_year);
  if (both_have (self, last_year, "expenditure"))
    {
      set_prior (self, "expenditure.basic",
                 column_total (gk_document_get_table (last_year, "expenditure"), "basic"));
      set_prior (self, "expenditure.project",
                 column_total (gk_document_get_table (last_year, "expenditure"), "project"));
    }
  if (both_have (self, last_year, "general-expenditure"))
    {
      set_prior (self, "general.total",
                 column_total (gk_document_get_table (last_year, "general-expenditure"), "total"));
      fill_functions (self, last_year, report);
    }
  if (both_have (self, last_year, "sangong"))
    fill_sangong (self, last_year);
  if (both_have (self, last_year, "basic-expenditure"))
    {
      set_prior (self, "running-costs",
                 column_total (gk_document_get_table (last_year, "basic-expenditure"), "public"));
      fill_basic (self, last_year);
    }
  fill_procurement (self, last_year);
  fill_sangong_all (self, last_year);
  gk_document_end_action (self);

  if (report != NULL)
    report_projects (self, last_year, report);
  return TRUE;
}
