/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-narrative.h"

/* A 决算 is tied to the same year's budget disclosure: its 年初预算数 are
 * the budget's figures, taken from the budget file, never typed again.
 * They are kept by key (gk-budget.h) beside the tables, and the 预算数
 * columns of the 决算's “三公” table are filled from them. */

GkBudget *
gk_document_get_budget (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return self->budget;
}

GkFinalFacts *
gk_document_get_final_facts (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return self->final_facts;
}

/* Figures come and go ------------------------------------------------------- */

typedef struct
{
  GkCommand  base;
  GkBudgetFigure *figure;
  gboolean   insert;
} FigureCommand;

static void
figure_apply (GkDocument *self,
              GkCommand  *command,
              gboolean    undo)
{
  FigureCommand *c = (FigureCommand *) command;

  if (c->insert != undo)
    gk_budget_add_figure (self->budget, c->figure);
  else
    gk_budget_remove_figure (self->budget, c->figure);
}

static void
figure_free (GkCommand *command)
{
  FigureCommand *c = (FigureCommand *) command;

  g_object_unref (c->figure);
  g_free (c);
}

static void
record_figure (GkDocument *self,
               GkBudgetFigure *figure,
               gboolean    insert)
{
  FigureCommand *c = g_new0 (FigureCommand, 1);

  c->base.apply = figure_apply;
  c->base.free = figure_free;
  c->figure = g_object_ref (figure);
  c->insert = insert;
  gk_document_record (self, &c->base);
}

/**
 * gk_document_ensure_budget_figure:
 * @key: a key gk_budget_key_is_valid() accepts
 *
 * The 年初预算 entry for @key, created (undoably) when missing; set its
 * "amount", "purpose" and "reason" with gk_document_set_int() and
 * gk_document_set_text().
 *
 * Returns: (transfer none): the entry
 */
GkBudgetFigure *
gk_document_ensure_budget_figure (GkDocument *self,
                                  const char *key)
{
  GkBudgetFigure *figure;
  g_autoptr(GkBudgetFigure) created = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (gk_budget_key_is_valid (key), NULL);

  figure = gk_budget_lookup (self->budget, key);
  if (figure != NULL)
    return figure;
  created = gk_budget_figure_new (key);
  record_figure (self, created, TRUE);
  return created;
}

void
gk_document_remove_budget_figure (GkDocument *self,
                                  const char *key)
{
  GkBudgetFigure *figure;

  g_return_if_fail (GK_IS_DOCUMENT (self));

  figure = gk_budget_lookup (self->budget, key);
  if (figure != NULL)
    record_figure (self, figure, FALSE);
}

/* Reading the budget --------------------------------------------------------- */

static void
add (GHashTable *figures,
     const char *key,
     GkAmount    amount)
{
  g_hash_table_replace (figures, g_strdup (key), g_memdup2 (&amount, sizeof amount));
}

static GkAmount
total_of (GkTable    *table,
          const char *column_id)
{
  int column = gk_table_column_index (table, column_id);
  GkAmount amount = 0;

  if (column < 0 || !gk_table_get_column_total (table, column, &amount))
    return 0;
  return amount;
}

/* Every 类, 款 and 项 of a function table under "<prefix>.<code>", and
 * its 合计 under "<prefix>.total". */
static void
add_functions (GHashTable *figures,
               GkDocument *budget,
               const char *role,
               const char *prefix)
{
  GkTable *table = gk_document_get_table (budget, role);
  g_autofree char *total_key = g_strconcat (prefix, ".total", NULL);
  int total;

  if (table == NULL)
    return;
  total = gk_table_column_index (table, "total");
  add (figures, total_key, total_of (table, "total"));
  for (guint i = 0; total >= 0 && i < g_list_model_get_n_items (G_LIST_MODEL (table)); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);
      GkRowKind kind = gk_row_get_kind (row);
      g_autofree char *key = NULL;

      if ((kind != GK_ROW_KIND_CLASS && kind != GK_ROW_KIND_SECTION && kind != GK_ROW_KIND_ITEM) ||
          gk_row_get_code (row) == NULL)
        continue;
      key = g_strconcat (prefix, ".", gk_row_get_code (row), NULL);
      if (gk_budget_key_is_valid (key))
        add (figures, key, gk_row_get_value (row, total));
    }
}

/* key → GkAmount*, in the budget's money unit. */
static GHashTable *
budget_figures (GkDocument *budget)
{
  static const char * const sangong[] = {
    "total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception", "meeting", "training",
  };
  GHashTable *figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GkTable *table;

  add_functions (figures, budget, "general-expenditure", "general");
  if ((table = gk_document_get_table (budget, "general-expenditure")) != NULL)
    {
      add (figures, "general.basic", total_of (table, "basic"));
      add (figures, "general.project", total_of (table, "project"));
    }
  add_functions (figures, budget, "fund-expenditure", "fund");
  add_functions (figures, budget, "capital-expenditure", "capital");
  if ((table = gk_document_get_table (budget, "expenditure")) != NULL)
    add (figures, "expenditure.total", total_of (table, "total"));
  if ((table = gk_document_get_table (budget, "income")) != NULL)
    add (figures, "income.total", total_of (table, "total"));
  if ((table = gk_document_get_table (budget, "basic-expenditure")) != NULL)
    add (figures, "running-costs", total_of (table, "public"));
  if ((table = gk_document_get_table (budget, "sangong")) != NULL)
    {
      GkRow *row = gk_table_get_single_row (table);

      for (guint i = 0; i < G_N_ELEMENTS (sangong); i++)
        {
          int column = gk_table_column_index (table, sangong[i]);
          g_autofree char *key = g_strconcat ("sangong.", sangong[i], NULL);

          if (column >= 0 && row != NULL)
            add (figures, key, gk_row_get_value (row, column));
        }
    }
  return figures;
}

static gboolean
convert_figures (GkDocument  *budget,
                 GHashTable  *figures,
                 GkMoneyUnit  from,
                 GkMoneyUnit  to,
                 GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (from == to)
    return TRUE;
  g_hash_table_iter_init (&iter, figures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GkAmount *amount = value;
      gboolean rounded = FALSE;
      GkAmount converted;

      if (!gk_amount_convert (*amount, from, to, &converted, &rounded) || rounded)
        {
          g_autofree char *text = gk_amount_format (*amount);
          g_autofree char *what = gk_narrative_describe_key (budget, key);

          g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                       /* Translators: the figure (“2010301 行政运行（一般公共预算财政拨款支出）”), the amount, its unit, then the 决算's unit */
                       _("The budget’s figure %s, %s %s, is no whole figure in %s; convert the budget to %s first"),
                       what, text, gk_money_unit_to_string (from), gk_money_unit_to_string (to),
                       gk_money_unit_to_string (to));
          return FALSE;
        }
      *amount = converted;
    }
  return TRUE;
}

/* The 决算's “三公” 预算数 columns from the budget's 三公 figures. */
static guint
fill_sangong_cells (GkDocument *self,
                    GHashTable *figures)
{
  GkTable *table = gk_document_get_table (self, "final-sangong");
  const GkTableSchema *schema;
  GkRow *row;
  guint n = 0;

  if (table == NULL || (row = gk_table_get_single_row (table)) == NULL)
    return 0;
  schema = gk_table_get_schema (table);
  for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
    {
      const GkColumnSchema *column = gk_table_schema_get_column (schema, i);
      g_autofree char *item = NULL;
      g_autofree char *key = NULL;
      GkAmount *amount;

      if (column->rule != GK_COLUMN_ENTERED || !g_str_has_suffix (column->id, "-budget"))
        continue;
      item = g_strndup (column->id, strlen (column->id) - strlen ("-budget"));
      key = g_strconcat ("sangong.", item, NULL);
      if ((amount = g_hash_table_lookup (figures, key)) != NULL &&
          gk_document_set_amount (self, row, i, amount, NULL))
        n++;
    }
  return n;
}

static void
copy_text_if_empty (GkDocument *self,
                    gpointer    target,
                    gpointer    source,
                    const char *property)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_object_get (target, property, &mine, NULL);
  g_object_get (source, property, &theirs, NULL);
  if ((mine == NULL || mine[0] == '\0') && theirs != NULL && theirs[0] != '\0')
    gk_document_set_text (self, target, property, theirs);
}

static void
copy_list_if_empty (GkDocument *self,
                    GListModel *target,
                    GListModel *source)
{
  if (g_list_model_get_n_items (target) > 0)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (source); i++)
    {
      g_autoptr(GkTextItem) item = g_list_model_get_item (source, i);
      g_autoptr(GkTextItem) copy = gk_text_item_new (gk_text_item_get_text (item));

      gk_document_list_insert (self, target, i, copy);
    }
}

/* The unit's name, region line, type and overview come with the budget
 * where this document has none yet: what was typed here stays. */
static void
copy_unit (GkDocument *self,
           GkDocument *budget)
{
  GkOverview *mine = self->overview;
  GkOverview *theirs = gk_document_get_overview (budget);
  static const char * const counts[] = { "authorized", "serving", "retired", "veteran" };

  copy_text_if_empty (self, self, budget, "unit");
  copy_text_if_empty (self, self, budget, "region");
  if (self->unit_type == GK_UNIT_TYPE_UNSET && gk_document_get_unit_type (budget) != GK_UNIT_TYPE_UNSET)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_UINT);
      g_value_set_uint (&value, gk_document_get_unit_type (budget));
      gk_document_set_value (self, self, "unit-type", &value);
    }
  copy_text_if_empty (self, mine, theirs, "functions");
  copy_text_if_empty (self, mine, theirs, "structure");
  copy_list_if_empty (self, gk_overview_get_duties (mine), gk_overview_get_duties (theirs));
  copy_list_if_empty (self, gk_overview_get_subordinate_units (mine), gk_overview_get_subordinate_units (theirs));
  copy_list_if_empty (self, gk_overview_get_offices (mine), gk_overview_get_offices (theirs));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      int value = 0;

      g_object_get (mine, counts[i], &value, NULL);
      if (value == 0)
        {
          g_object_get (theirs, counts[i], &value, NULL);
          gk_document_set_int (self, mine, counts[i], value);
        }
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gk_document_link_budget:
 * @budget: the same year's budget disclosure, as opened
 * @file_name: its file's name, which the 决算 records
 * @n_filled: (out) (optional): how many figures and cells were set
 *
 * Ties this 决算 to @budget, as one undoable action: its 年初预算 figures
 * become @budget's, the 预算数 of the “三公” table are filled, and the
 * unit's name, region, type and overview come from @budget where this
 * document has none. Linking again refreshes the figures; the reasons
 * typed stay. Refuses, changing nothing, a budget of another year or unit
 * or one whose figures this document's money unit cannot hold exactly.
 */
gboolean
gk_document_link_budget (GkDocument  *self,
                         GkDocument  *budget,
                         const char  *file_name,
                         guint       *n_filled,
                         GError     **error)
{
  g_autoptr(GHashTable) figures = NULL;
  g_autofree gpointer *keys = NULL;
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  GListModel *list = gk_budget_get_figures (self->budget);
  const char *unit = gk_document_get_unit (budget);
  guint n_keys = 0;
  guint n = 0;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_DOCUMENT (budget), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->year != 0 && gk_document_get_year (budget) != self->year)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("The budget chosen is for %u, but these final accounts are for %u; choose the %u budget"),
                   gk_document_get_year (budget), self->year, self->year);
      return FALSE;
    }
  if (self->unit != NULL && self->unit[0] != '\0' && g_strcmp0 (unit, self->unit) != 0)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("The budget chosen is of “%s”, but these final accounts are of “%s”; choose the budget of the same unit"),
                   unit != NULL ? unit : "", self->unit);
      return FALSE;
    }
  figures = budget_figures (budget);
  if (!convert_figures (budget, figures, gk_document_get_money_unit (budget), self->money_unit, error))
    return FALSE;

  gk_document_begin_action (self, _("Link Budget"));
  if (self->year == 0)
    gk_document_set_int (self, self, "year", gk_document_get_year (budget));
  copy_unit (self, budget);
  gk_document_set_text (self, self->budget, "file", file_name);
  gk_document_set_text (self, self->budget, "unit", unit);
  gk_document_set_int (self, self->budget, "year", gk_document_get_year (budget));

  /* A figure the budget no longer has goes, unless a reason or purpose
   * was typed for it (it is then 0): nothing typed is lost. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkBudgetFigure) figure = g_list_model_get_item (list, i);
      const char *reason = gk_budget_figure_get_reason (figure);
      const char *purpose = gk_budget_figure_get_purpose (figure);

      if (g_hash_table_contains (figures, gk_budget_figure_get_key (figure)))
        continue;
      if ((reason == NULL || reason[0] == '\0') && (purpose == NULL || purpose[0] == '\0'))
        g_ptr_array_add (stale, g_strdup (gk_budget_figure_get_key (figure)));
      else
        gk_document_set_int (self, figure, "amount", 0);
    }
  for (guint i = 0; i < stale->len; i++)
    gk_document_remove_budget_figure (self, stale->pdata[i]);

  keys = g_hash_table_get_keys_as_array (figures, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    {
      GkBudgetFigure *figure = gk_document_ensure_budget_figure (self, keys[i]);

      gk_document_set_int (self, figure, "amount", *(GkAmount *) g_hash_table_lookup (figures, keys[i]));
      n++;
    }
  n += fill_sangong_cells (self, figures);
  gk_document_end_action (self);

  if (n_filled != NULL)
    *n_filled = n;
  return TRUE;
}
