/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-fields.h"
#include "gk-narrative-private.h"
#include "gk-table-private.h"

/* A 决算 follows last year's 决算: what last year ended with (年末结转和结余)
 * is what this year begins with (年初), source by source and on each row of
 * the 政府性基金 and 国有资本经营 tables, and last year's 决算 figures are
 * the figures 情况说明 sets this year's against (上年决算数, basis
 * "actual"). */

static void
set_actual (GkDocument *self,
            const char *key,
            GkAmount    amount)
{
  GkPrior *prior = gk_document_ensure_prior (self, key);

  gk_document_set_int (self, prior, "amount", amount);
  gk_document_set_text (self, prior, "basis", GK_PRIOR_BASIS_ACTUAL);
}

static GkAmount
line_cell (GkTable    *table,
           const char *line,
           const char *column_id)
{
  GkRow *row = table != NULL ? gk_table_lookup_line (table, line) : NULL;
  int column = table != NULL ? gk_table_column_index (table, column_id) : -1;

  return row != NULL && column >= 0 ? gk_row_get_value (row, column) : 0;
}

/* The first line of a summary the document has, as 情况说明 reads it. */
static gboolean
summary_total (GkTable  *table,
               GkAmount *amount)
{
  static const char * const lines[] = { "total", "grand-total", "income-total" };

  for (guint i = 0; table != NULL && i < G_N_ELEMENTS (lines); i++)
    if (gk_table_lookup_line (table, lines[i]) != NULL)
      {
        *amount = gk_narrative_line_amount (table, lines[i]);
        return TRUE;
      }
  return FALSE;
}

static void
open_line (GkDocument *self,
           GkDocument *last_year,
           const char *role,
           const char *line,
           const char *column,
           const char *closing_line,
           const char *closing_column)
{
  GkTable *table = gk_document_get_table (self, role);
  GkTable *last_table = gk_document_get_table (last_year, role);
  GkAmount amount;

  if (table == NULL || last_table == NULL || gk_table_lookup_line (last_table, closing_line) == NULL)
    return;
  amount = line_cell (last_table, closing_line, closing_column);
  gk_document_set_line_figure (self, table, line, column, &amount, NULL);
}

/* The table a last-year key "closing.<source>.<code>" belongs to. */
static const struct { const char *role; const char *key; } carried_tables[] = {
  { "final-fund", "closing.fund" },
  { "final-capital", "closing.capital" },
};

/* A row last year ended with money on that this year's table lacks: the
 * money is kept as "<key>.<code>" (last year's 年末 of that row), for the
 * check to name until the row is added, and for the row's 年初 then. */
static void
forget_carried (GkDocument *self,
                const char *key)
{
  GListModel *priors = gk_explanation_get_priors (gk_document_get_explanation (self));
  g_autofree char *prefix = g_strconcat (key, ".", NULL);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (priors); i++)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (priors, i);

      if (g_str_has_prefix (gk_prior_get_key (prior), prefix))
        g_ptr_array_add (stale, g_strdup (gk_prior_get_key (prior)));
    }
  for (guint i = 0; i < stale->len; i++)
    gk_document_remove_prior (self, stale->pdata[i]);
}

/* Each row's 年初 is that row's 年末 last year, by function code; a row of
 * last year's with money left that this year's table lacks is reported:
 * its money has to be put somewhere by hand. */
static void
open_rows (GkDocument *self,
           GkDocument *last_year,
           const char *role,
           const char *key,
           GString    *report)
{
  GkTable *table = gk_document_get_table (self, role);
  GkTable *last_table = gk_document_get_table (last_year, role);
  g_autoptr(GPtrArray) leaves = NULL;
  g_autoptr(GPtrArray) last_leaves = NULL;
  int opening;
  int closing;

  if (table == NULL || last_table == NULL)
    return;
  opening = gk_table_column_index (table, "opening");
  closing = gk_table_column_index (last_table, "closing");
  if (opening < 0 || closing < 0)
    return;
  forget_carried (self, key);
  leaves = gk_narrative_leaf_rows (table);
  for (guint i = 0; i < leaves->len; i++)
    {
      GkRow *row = leaves->pdata[i];
      GkRow *last_row = gk_row_get_code (row) != NULL ? gk_table_lookup (last_table, gk_row_get_code (row)) : NULL;
      GkAmount amount = last_row != NULL ? gk_row_get_value (last_row, closing) : 0;

      if (last_row == NULL && !gk_row_get_amount (row, opening, NULL))
        continue;
      gk_document_set_amount (self, row, opening, &amount, NULL);
    }
  last_leaves = gk_narrative_leaf_rows (last_table);
  for (guint i = 0; i < last_leaves->len; i++)
    {
      GkRow *row = last_leaves->pdata[i];
      const char *code = gk_row_get_code (row);

      if (code != NULL && gk_table_lookup (table, code) == NULL && gk_row_get_value (row, closing) != 0)
        {
          g_autofree char *label = gk_table_schema_dup_name (gk_table_get_schema (table));
          g_autofree char *money = gk_amount_format (gk_row_get_value (row, closing));
          g_autofree char *row_key = g_strconcat (key, ".", code, NULL);

          if (report != NULL)
            /* Translators: a function code and name, the table, last year's 年末 figure */
            g_string_append_printf (report, _("%s %s: not in this year’s %s; last year it ended with %s\n"),
                                    code, gk_row_get_name (row), label, money);
          set_actual (self, row_key, gk_row_get_value (row, closing));
          /* Named as last year named it, so that the row can be added by its code. */
          if (gk_document_get_code_name (self, GK_CLASSIFICATION_FUNCTION, code) == NULL)
            gk_document_set_code_name (self, GK_CLASSIFICATION_FUNCTION, code, gk_row_get_name (row), NULL);
        }
    }
  {
    GkAmount total = 0;

    gk_table_get_column_total (last_table, closing, &total);
    set_actual (self, key, total);
  }
}

static void
fill_sangong (GkDocument *self,
              GkTable    *last_table)
{
  static const char * const items[] = { "total", "abroad", "vehicle", "reception" };
  GkRow *row = gk_table_get_single_row (last_table);

  for (guint i = 0; row != NULL && i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *key = g_strconcat ("sangong.", items[i], NULL);
      g_autofree char *column_id = g_strconcat (items[i], "-final", NULL);
      int column = gk_table_column_index (last_table, column_id);

      if (column >= 0)
        set_actual (self, key, gk_row_get_value (row, column));
    }
}

/* Within the caller's action: @self and @last_year are both 决算. */
void
gk_document_fill_prior_final (GkDocument *self,
                              GkDocument *last_year,
                              GString    *report)
{
  GkTable *last_table;
  GkAmount amount;

  open_line (self, last_year, "final-summary", "opening", "amount", "closing", "amount");
  open_line (self, last_year, "final-fiscal-summary", "opening-general", "total", "closing", "general");
  open_rows (self, last_year, "final-fund", "closing.fund", report);
  open_rows (self, last_year, "final-capital", "closing.capital", report);

  if (gk_document_get_table (self, "final-summary") != NULL &&
      summary_total (gk_document_get_table (last_year, "final-summary"), &amount))
    set_actual (self, "final.total", amount);
  if (gk_document_get_table (self, "final-fiscal-summary") != NULL &&
      summary_total (gk_document_get_table (last_year, "final-fiscal-summary"), &amount))
    set_actual (self, "final.fiscal", amount);
  last_table = gk_document_get_table (last_year, "final-general");
  if (last_table != NULL && gk_document_get_table (self, "final-general") != NULL &&
      gk_table_column_index (last_table, "total") >= 0)
    {
      gk_table_get_column_total (last_table, gk_table_column_index (last_table, "total"), &amount);
      set_actual (self, "general.total", amount);
    }
  last_table = gk_document_get_table (last_year, "final-sangong");
  if (last_table != NULL && gk_document_get_table (self, "final-sangong") != NULL)
    fill_sangong (self, last_table);
  last_table = gk_document_get_table (last_year, "final-basic");
  if (last_table != NULL && gk_document_get_table (self, "final-basic") != NULL)
    set_actual (self, "running-costs", gk_final_basic_sum (last_table, FALSE));
}

/* A row added to the 政府性基金 or 国有资本经营 table that last year ended
 * with money on begins with that money (年初), unless a figure is there. */
void
gk_document_open_carried_row (GkDocument *self,
                              GkTable    *table,
                              GkRow      *row)
{
  const char *role = gk_table_get_schema (table)->id;
  int opening = gk_table_column_index (table, "opening");

  if (gk_row_get_code (row) == NULL || opening < 0 || !gk_row_is_cell_entered (row, opening) ||
      gk_row_get_amount (row, opening, NULL))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (carried_tables); i++)
    if (g_strcmp0 (role, carried_tables[i].role) == 0)
      {
        g_autofree char *key = g_strconcat (carried_tables[i].key, ".", gk_row_get_code (row), NULL);
        GkPrior *prior = gk_explanation_lookup_prior (gk_document_get_explanation (self), key);
        GkAmount amount;

        if (prior == NULL)
          return;
        amount = gk_prior_get_amount (prior);
        gk_document_set_amount (self, row, opening, &amount, NULL);
      }
}

/* Next year's 决算 begins with no line typed: its 年初 comes from this
 * year's 年末 (above) and the rest is next year's to enter. */
void
gk_document_clear_final_lines (GkDocument *self,
                               guint      *cleared)
{
  for (guint t = 0; t < gk_document_get_n_tables (self); t++)
    {
      GkTable *table = gk_document_get_table_at (self, t);
      const GkTableSchema *schema = gk_table_get_schema (table);

      for (guint l = 0; schema->lines != NULL && l < schema->lines->len; l++)
        {
          const GkLineSchema *line = schema->lines->pdata[l];

          for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
            {
              const char *column = gk_table_schema_get_column (schema, c)->id;

              if (gk_table_get_line_figure (table, line->id, column, NULL) &&
                  gk_document_set_line_figure (self, table, line->id, column, NULL, NULL))
                (*cleared)++;
            }
        }
    }
}

/* The “三公” facts, 预算绩效管理 and 政府采购 of the year are that year's;
 * the 制度 and 机制 of 绩效管理 and the assets held stand until changed. */
void
gk_document_clear_final_facts (GkDocument *self,
                               guint      *cleared)
{
  GkFinalFacts *facts = gk_document_get_final_facts (self);
  guint n_fields;
  const GkField *fields = gk_fields_of (GK_TYPE_FINAL_FACTS, &n_fields);

  for (guint i = 0; fields != NULL && i < n_fields; i++)
    {
      const GkField *field = &fields[i];

      if (!(g_str_has_prefix (field->name, "sangong-") || g_str_has_prefix (field->name, "performance-") ||
            g_str_has_prefix (field->name, "procurement-")) ||
          g_str_equal (field->name, "performance-rules") || g_str_equal (field->name, "performance-mechanism"))
        continue;
      switch (field->type)
        {
        case GK_FIELD_STRING:
          if (gk_final_facts_get_text (facts, field->name) == NULL ||
              gk_final_facts_get_text (facts, field->name)[0] == '\0')
            continue;
          gk_document_set_text (self, facts, field->name, NULL);
          break;
        case GK_FIELD_INT:
          if (gk_final_facts_get_count (facts, field->name) == GK_FIELD_UNSET_INT)
            continue;
          gk_document_set_int (self, facts, field->name, GK_FIELD_UNSET_INT);
          break;
        case GK_FIELD_AMOUNT:
        default:
          {
            GkAmount empty = field->optional ? GK_FIELD_UNSET_AMOUNT : 0;

            if (gk_final_facts_get_amount (facts, field->name) == empty)
              continue;
            gk_document_set_int (self, facts, field->name, empty);
          }
          break;
        }
      (*cleared)++;
    }
}

/* The 年初预算 a 决算 sets its figures against is its own year's budget:
 * this year's link does not hold for next year's, which links its own. */
void
gk_document_unlink_budget (GkDocument *self)
{
  GkBudget *budget = gk_document_get_budget (self);
  GListModel *figures = gk_budget_get_figures (budget);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(GkBudgetFigure) figure = g_list_model_get_item (figures, i);

      g_ptr_array_add (keys, g_strdup (gk_budget_figure_get_key (figure)));
    }
  for (guint i = 0; i < keys->len; i++)
    gk_document_remove_budget_figure (self, keys->pdata[i]);
  gk_document_set_text (self, budget, "file", NULL);
  gk_document_set_text (self, budget, "unit", NULL);
  gk_document_set_int (self, budget, "year", 0);
}
