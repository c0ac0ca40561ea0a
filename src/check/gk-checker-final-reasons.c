/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-checker-private.h"

/* What a 决算's 情况说明 and tables still owe once last year's and the
 * budget's figures are in: the money a row ended last year with that has
 * no row this year, and the reason a 项 stayed below its 年初预算. */

static const struct { const char *key; const char *role; } carried[] = {
  { "closing.fund.", "final-fund" },
  { "closing.capital.", "final-capital" },
};

/* Filling from last year keeps each such row's 年末 under
 * "closing.<source>.<code>"; adding the row takes it as its 年初. A
 * warning: the money may rightly have gone to another row, by hand. */
static void
check_carried_rows (GkCheckRun *run)
{
  GListModel *priors = gk_explanation_get_priors (gk_document_get_explanation (run->document));

  for (guint i = 0; i < g_list_model_get_n_items (priors); i++)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (priors, i);
      const char *key = gk_prior_get_key (prior);

      for (guint s = 0; s < G_N_ELEMENTS (carried); s++)
        {
          GkTable *table = gk_document_get_table (run->document, carried[s].role);
          const char *code = key + strlen (carried[s].key);
          const char *name;
          g_autofree char *label = NULL;
          g_autofree char *money = NULL;
          GkFinding *finding;

          if (!g_str_has_prefix (key, carried[s].key) || table == NULL ||
              gk_table_lookup (table, code) != NULL || gk_prior_get_amount (prior) == 0)
            continue;
          name = gk_document_get_code_name (run->document, GK_CLASSIFICATION_FUNCTION, code);
          label = gk_table_schema_dup_name (gk_table_get_schema (table));
          money = gk_check_money (run, gk_prior_get_amount (prior));
          finding = gk_check_report (run, "final.carryover",
                                     /* Translators: the table, a function code, its name, last year's 年末结转和结余 */
                                     _("%s: last year’s final accounts ended %s %s with %s (年末结转和结余), "
                                       "but this year’s table has no such row. Add the row: its 年初结转和结余 "
                                       "is then filled from last year."),
                                     label, code, name != NULL ? name : "", money);
          gk_finding_set_uncertain (finding, TRUE);
          gk_finding_add_place (finding, carried[s].role, NULL, "opening");
          gk_finding_add_place (finding, "explanation", "prior-year", key);
        }
    }
}

static void
check_under_budget (GkCheckRun *run)
{
  gk_check_unexplained_items (run, FALSE);
}

static const GkCheckDef defs[] = {
  { .name = "final.carryover-row", .func = check_carried_rows, .tables = "final-fund final-capital",
    .reads = GK_CHECK_READS_PRIORS | GK_CHECK_READS_STRUCTURE | GK_CHECK_READS_META },
  { .name = "final.under-budget", .func = check_under_budget, .tables = "final-general final-fund final-capital",
    .reads = GK_CHECK_READS_PRIORS },
};

const GkCheckDef *
gk_check_final_reasons_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
