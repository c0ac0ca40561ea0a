/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-checker-private.h"

/* A 决算 against the same year's budget: its 预算数 and 年初预算 are the
 * budget's, a 项 spent beyond its budget says why, a 完成率 is the 决算 over
 * the 年初预算, and what was left at the end of last year is what this
 * year begins with. */

static const char *
budget_name (GkCheckRun *run)
{
  const char *file = gk_budget_get_file (gk_document_get_budget (run->document));

  return file != NULL && file[0] != '\0' ? file : _("the budget");
}

/* The “三公” table's 预算数 are the budget's 三公 figures. */
static void
check_sangong_budget (GkCheckRun *run)
{
  GkBudget *budget = gk_document_get_budget (run->document);
  GkTable *table = gk_document_get_table (run->document, "final-sangong");
  const GkTableSchema *schema;
  GkRow *row;

  if (table == NULL || !gk_budget_is_present (budget) || (row = gk_table_get_single_row (table)) == NULL)
    return;
  schema = gk_table_get_schema (table);
  for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
    {
      const GkColumnSchema *column = gk_table_schema_get_column (schema, i);
      g_autofree char *item = NULL;
      g_autofree char *key = NULL;
      g_autofree char *entered = NULL;
      g_autofree char *budgeted = NULL;
      GkAmount planned = 0;
      GkFinding *finding;

      if (!g_str_has_suffix (column->id, "-budget"))
        continue;
      item = g_strndup (column->id, strlen (column->id) - strlen ("-budget"));
      key = g_strconcat ("sangong.", item, NULL);
      /* A budget without the item says nothing of it. */
      if (!gk_budget_get_amount (budget, key, &planned) || gk_row_get_value (row, i) == planned)
        continue;
      entered = gk_check_money (run, gk_row_get_value (row, i));
      budgeted = gk_check_money (run, planned);
      finding = gk_check_report (run, "final.budget-figure",
                                 /* Translators: a column of the 三公 table, its figure, the budget file, its figure */
                                 _("“三公” %s is %s, but the year’s budget (%s) has %s. "
                                   "Link the budget again, or correct the figure."),
                                 column->title, entered, budget_name (run), budgeted);
      gk_check_add_cell (finding, row, column->id);
    }
}

static gboolean
has_text (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return stripped[0] != '\0';
}

/* A 项 whose 决算 differs from its 年初预算 needs a reason: above it
 * (@over) even where the budget names no figure for it, below it only
 * where the budget has one. 情况说明 lists each such 项 with its reason. */
void
gk_check_unexplained_items (GkCheckRun *run,
                            gboolean    over)
{
  static const struct { const char *role; const char *prefix; } tables[] = {
    { "final-general", "general" }, { "final-fund", "fund" }, { "final-capital", "capital" },
  };
  GkBudget *budget = gk_document_get_budget (run->document);

  for (guint t = 0; t < G_N_ELEMENTS (tables) && gk_budget_is_present (budget); t++)
    {
      GkTable *table = gk_document_get_table (run->document, tables[t].role);
      int total;

      if (table == NULL || (total = gk_table_column_index (table, "total")) < 0)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (table)); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);
          g_autofree char *key = NULL;
          g_autofree char *label = NULL;
          g_autofree char *final = NULL;
          g_autofree char *planned_text = NULL;
          GkAmount planned = 0, value;
          gboolean budgeted;
          GkFinding *finding;

          if (gk_row_get_kind (row) != GK_ROW_KIND_ITEM || gk_row_get_code (row) == NULL)
            continue;
          key = g_strconcat (tables[t].prefix, ".", gk_row_get_code (row), NULL);
          budgeted = gk_budget_get_amount (budget, key, &planned);
          value = gk_row_get_value (row, total);
          if ((over ? value <= planned : (!budgeted || value >= planned)) ||
              has_text (gk_budget_get_reason (budget, key)))
            continue;
          label = gk_check_row_label (row);
          final = gk_check_money (run, value);
          planned_text = gk_check_money (run, planned);
          if (over)
            finding = gk_check_report (run, "final.over-budget",
                                       /* Translators: a 项, its 决算, its 年初预算 */
                                       _("%s: the final accounts, %s, exceed the year’s budget, %s, and no reason is given. "
                                         "Enter the reason the final accounts are above the budget."),
                                       label, final, planned_text);
          else
            finding = gk_check_report (run, "final.under-budget",
                                       /* Translators: a table and 项 ("表五 2010101 行政运行"), its 决算, its 年初预算 */
                                       _("%s: the final accounts, %s, are below the year’s budget, %s, and no reason is given. "
                                         "Type it in the paragraph’s figure editor, the button beside the paragraph on the 情况说明 page."),
                                       label, final, planned_text);
          gk_check_add_cell (finding, row, "total");
          gk_finding_add_place (finding, "budget", key, "reason");
        }
    }
}

static void
check_over_budget (GkCheckRun *run)
{
  gk_check_unexplained_items (run, TRUE);
}

/* An amount as typed ("12.34") in the text's unit, in the document's. */
static gboolean
stated_amount (GkCheckRun *run,
               const char *text,
               const char *unit,
               GkAmount   *amount)
{
  GkMoneyUnit money_unit;
  GkAmount typed;

  if (!gk_amount_parse_entered (text, &typed, NULL) || !gk_money_unit_from_string (unit, &money_unit))
    return FALSE;
  return gk_amount_convert (typed, money_unit, gk_document_get_money_unit (run->document), amount, NULL);
}

/* The budget key a hand-written paragraph of a 决算 kind speaks of. */
static char *
paragraph_key (const char *id)
{
  static const struct { const char *prefix; const char *key; } map[] = {
    { "k.final-general.budget", "general.total" },
    { "k.final-sangong.budget", "sangong.total" },
    { "k.final-general.", "general." },
    { "k.final-fund.", "fund." },
    { "k.final-capital.", "capital." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_has_prefix (id, map[i].prefix))
      return g_str_has_suffix (map[i].key, ".") ? g_strconcat (map[i].key, id + strlen (map[i].prefix), NULL)
                                                : g_strdup (map[i].key);
  return NULL;
}

/* In the paragraphs the officer wrote: a 年初预算 stated is the budget's,
 * and "完成年初预算的x%" is the 决算 stated over the 年初预算 stated. */
static void
check_text (GkCheckRun *run)
{
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  GkBudget *budget = gk_document_get_budget (run->document);
  g_auto(GStrv) ids = gk_explanation_dup_hand_written_ids (explanation);
  g_autoptr(GRegex) stated = g_regex_new ("年初预算(?:数)?为\\s*([0-9,]+(?:\\.[0-9]+)?)\\s*(万元|元)"
                                          "(?:[，,]\\s*支出决算(?:数)?为\\s*([0-9,]+(?:\\.[0-9]+)?)\\s*(万元|元)"
                                          "(?:[，,]\\s*完成(?:年初)?预算的\\s*([0-9]+(?:\\.([0-9]+))?)\\s*%)?)?",
                                          0, 0, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *text = gk_explanation_get_hand_written (explanation, ids[i]);
      g_autofree char *key = paragraph_key (ids[i]);
      g_autoptr(GMatchInfo) match = NULL;

      if (key == NULL || text == NULL)
        continue;
      g_regex_match (stated, text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *budget_text = g_match_info_fetch (match, 1);
          g_autofree char *budget_unit = g_match_info_fetch (match, 2);
          g_autofree char *final_text = g_match_info_fetch (match, 3);
          g_autofree char *final_unit = g_match_info_fetch (match, 4);
          g_autofree char *rate_text = g_match_info_fetch (match, 5);
          g_autofree char *decimals = g_match_info_fetch (match, 6);
          GkAmount typed_budget, typed_final, planned;
          gint basis_points;

          g_strdelimit (budget_text, ",", ' ');
          if (!stated_amount (run, budget_text, budget_unit, &typed_budget))
            continue;
          if (gk_budget_is_present (budget) && gk_budget_get_amount (budget, key, &planned) && planned != typed_budget)
            {
              g_autofree char *a = gk_check_money (run, typed_budget);
              g_autofree char *b = gk_check_money (run, planned);
              GkFinding *finding = gk_check_report (run, "final.budget-figure",
                                                    /* Translators: the 年初预算 typed, the budget file, its figure */
                                                    _("情况说明 states a 年初预算 of %s, but the year’s budget (%s) has %s. "
                                                      "Correct the text."),
                                                    a, budget_name (run), b);

              gk_finding_add_place (finding, "narrative", ids[i], NULL);
            }
          /* The “三公” rates are read with the table's figures, by the text reader. */
          if (g_str_has_prefix (key, "sangong.") ||
              final_text == NULL || final_text[0] == '\0' || rate_text == NULL || rate_text[0] == '\0' ||
              !stated_amount (run, final_text, final_unit, &typed_final) || typed_budget == 0)
            continue;
          {
            guint n_decimals = decimals != NULL ? strlen (decimals) : 0;
            gint64 scale = n_decimals >= 2 ? 1 : n_decimals == 1 ? 10 : 100;
            gint64 written;
            gint64 computed;
            GkAmount sum;

            if (n_decimals > 2 || !gk_amount_add (typed_final, typed_budget, &sum) ||
                !gk_amount_change (sum, typed_budget, &basis_points))
              continue;
            g_strdelimit (rate_text, ".", '\0');
            written = g_ascii_strtoll (rate_text, NULL, 10) * (n_decimals == 0 ? 1 : (n_decimals == 1 ? 10 : 100)) +
                      (decimals != NULL && decimals[0] != '\0' ? g_ascii_strtoll (decimals, NULL, 10) : 0);
            /* Rounded to what was written, half away from zero. */
            computed = (basis_points + (basis_points >= 0 ? scale / 2 : -scale / 2)) / scale;
            if (computed != written)
              {
                g_autofree char *right = gk_percent_format ((gint) (computed * scale));
                GkFinding *finding = gk_check_report (run, "final.completion-rate",
                                                      /* Translators: the line typed, then the rate it should state */
                                                      _("情况说明 states a completion rate that is not the final accounts over the budget it states: "
                                                        "the figures give %s. Correct the rate."),
                                                      right);

                gk_finding_add_place (finding, "narrative", ids[i], NULL);
              }
          }
        }
    }
}

/* What last year's 决算 left (prior "closing.<source>") is what this year's
 * begins with (年初结转和结余). */
static void
check_carryover (GkCheckRun *run)
{
  static const struct { const char *key; const char *role; } sources[] = {
    { "closing.fund", "final-fund" },
    { "closing.capital", "final-capital" },
  };
  GkExplanation *explanation = gk_document_get_explanation (run->document);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      GkPrior *prior = gk_explanation_lookup_prior (explanation, sources[i].key);
      GkTable *table = gk_document_get_table (run->document, sources[i].role);
      g_autofree char *last = NULL;
      g_autofree char *now = NULL;
      g_autofree char *name = NULL;
      GkAmount opening;
      GkFinding *finding;

      if (prior == NULL || table == NULL || gk_table_column_index (table, "opening") < 0)
        continue;
      opening = gk_check_column_total (table, "opening");
      if (opening == gk_prior_get_amount (prior))
        continue;
      name = gk_table_schema_dup_name (gk_table_get_schema (table));
      last = gk_check_money (run, gk_prior_get_amount (prior));
      now = gk_check_money (run, opening);
      finding = gk_check_report (run, "final.carryover",
                                 /* Translators: the table, this year's 年初结转和结余, last year's 年末结转和结余 */
                                 _("%s: 年初结转和结余 is %s, but last year’s final accounts ended with %s (年末结转和结余). "
                                   "They are the same money: correct one of them."),
                                 name, now, last);
      gk_finding_add_place (finding, sources[i].role, NULL, "opening");
      gk_finding_add_place (finding, "explanation", "prior-year", sources[i].key);
    }
}

static const GkCheckDef defs[] = {
  { .name = "final.budget-figure", .func = check_sangong_budget, .tables = "final-sangong",
    .reads = GK_CHECK_READS_PRIORS },
  { .name = "final.budget-text", .func = check_text,
    .reads = GK_CHECK_READS_PRIORS | GK_CHECK_READS_HAND_WRITTEN | GK_CHECK_READS_META },
  { .name = "final.over-budget", .func = check_over_budget, .tables = "final-general final-fund final-capital",
    .reads = GK_CHECK_READS_PRIORS },
  { .name = "final.carryover", .func = check_carryover, .tables = "final-fund final-capital",
    .reads = GK_CHECK_READS_PRIORS },
};

const GkCheckDef *
gk_check_budget_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
