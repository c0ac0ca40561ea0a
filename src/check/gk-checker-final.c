/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-checker-private.h"

/* The identities of a 部门决算: each 总表 balances (总计 of income = 总计 of
 * expenditure), 年末结转和结余 = 年初 + 收入 − 支出 by source and on each row
 * of the 政府性基金 and 国有资本经营 tables, and the tables agree with the
 * 总表 lines that stand for them. Most sides of these are derived and
 * cannot differ; where a file keeps a figure typed before the template
 * derived its line (一般公共预算 income on both 总表, 年末) the identity can
 * break, and a figure printed by a published 决算 read in counts as printed. */

/* A figure as the table prints it: the published one where the document
 * keeps it, else Gongkai's. */
static GkAmount
figure (GkTable    *table,
        GkRow      *row,
        const char *column_id)
{
  GkAmount stated;

  if (table == NULL || row == NULL)
    return 0;
  if (gk_table_get_stated (table, gk_table_stated_line (row), column_id, &stated))
    return stated;
  return gk_check_cell (table, row, column_id);
}

static GkAmount
line_figure (GkTable    *table,
             const char *line,
             const char *column_id)
{
  return table != NULL ? figure (table, gk_table_lookup_stated_line (table, line), column_id) : 0;
}

static char *
place_label (GkTable    *table,
             const char *line,
             const char *column_id)
{
  g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (table));
  GkRow *row = gk_table_lookup_stated_line (table, line);
  int column = gk_table_column_index (table, column_id);
  g_autofree char *row_name = row != NULL && gk_row_get_code (row) != NULL
                                ? g_strdup_printf ("%s %s", gk_row_get_code (row), gk_row_get_name (row))
                                : g_strdup (row != NULL ? gk_row_get_name (row) : line);

  if (gk_table_schema_get_n_columns (gk_table_get_schema (table)) == 1 || column < 0)
    return g_strdup_printf ("%s %s", label, row_name);
  /* The single row of the “三公” table has no name: its column's header
   * above the title says what the figure is ("合计（预算数）"). */
  if (row_name == NULL)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (gk_table_get_schema (table), column);
      guint n_groups = col->groups != NULL ? g_strv_length (col->groups) : 0;

      return g_strdup_printf ("%s %s（%s）", label, n_groups > 0 ? col->groups[n_groups - 1] : "",
                              gk_check_column_title (table, column));
    }
  return g_strdup_printf ("%s %s（%s）", label, row_name, gk_check_column_title (table, column));
}

/* One finding: @a's figure against what @b_text says it should be. */
static void
report (GkCheckRun *run,
        const char *rule,
        GkTable    *table,
        const char *line,
        const char *column_id,
        GkAmount    value,
        const char *b_text,
        GkAmount    expected)
{
  g_autofree char *a_text = place_label (table, line, column_id);
  g_autofree char *a_money = gk_check_money (run, value);
  g_autofree char *b_money = gk_check_money (run, expected);
  GkRow *row = gk_table_lookup_stated_line (table, line);
  GkFinding *finding;

  finding = gk_check_report (run, rule,
                             /* Translators: 收入支出决算总表 总计 is 120.00万元, but 总计 (expenditure) is 118.00万元 */
                             _("%s is %s, but %s is %s. The two must be equal; correct the one that is wrong."),
                             a_text, a_money, b_text, b_money);
  if (row != NULL)
    gk_check_add_cell (finding, row, column_id);
  else
    gk_finding_add_place (finding, gk_table_get_id (table), NULL, NULL);
}

static const char *
first_column (GkTable *table)
{
  return gk_table_schema_get_column (gk_table_get_schema (table), 0)->id;
}

/* final.balance: 总计 on the income side = 总计 on the expenditure side. */
static void
check_balance (GkCheckRun *run)
{
  static const char * const roles[] = { "final-summary", "final-fiscal-summary" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GkTable *t = gk_document_get_table (run->document, roles[i]);
      GkAmount income, expenditure;
      g_autofree char *other = NULL;

      if (t == NULL || gk_table_lookup_line (t, "grand-total") == NULL ||
          gk_table_lookup_line (t, "expenditure-grand-total") == NULL)
        continue;
      income = line_figure (t, "grand-total", first_column (t));
      expenditure = line_figure (t, "expenditure-grand-total", first_column (t));
      if (income == expenditure)
        continue;
      other = g_strdup_printf (_("%s on the expenditure side"),
                               gk_row_get_name (gk_table_lookup_line (t, "expenditure-grand-total")));
      report (run, "final.balance", t, "grand-total", first_column (t), income, other, expenditure);
    }
}

/* final.grand-total: each 总计 = the lines it is the sum of, as printed. */
static void
check_grand_totals (GkCheckRun *run)
{
  static const char * const roles[] = { "final-summary", "final-fiscal-summary" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GkTable *t = gk_document_get_table (run->document, roles[i]);
      const GkTableSchema *schema = t != NULL ? gk_table_get_schema (t) : NULL;

      for (guint k = 0; schema != NULL && k < schema->lines->len; k++)
        {
          const GkLineSchema *l = schema->lines->pdata[k];
          g_autoptr(GString) parts = g_string_new (NULL);
          g_autofree char *text = NULL;
          GkAmount sum = 0;

          if (l->n_sums < 2)
            continue;
          for (guint j = 0; j < l->n_sums; j++)
            {
              const char *id = l->sums[j] == GK_LINE_EXPENDITURE_TOTAL
                                 ? "expenditure-total" : ((GkLineSchema *) schema->lines->pdata[l->sums[j]])->id;
              GkRow *row = gk_table_lookup_line (t, id);
              gboolean minus = (l->subtract & (G_GUINT64_CONSTANT (1) << j)) != 0;

              if (minus)
                gk_amount_sub (sum, line_figure (t, id, first_column (t)), &sum);
              else
                gk_amount_add (sum, line_figure (t, id, first_column (t)), &sum);
              if (j > 0 || minus)
                g_string_append (parts, minus ? " − " : " + ");
              g_string_append (parts, row != NULL ? gk_row_get_name (row) : id);
            }
          if (sum == line_figure (t, l->id, first_column (t)))
            continue;
          text = g_strdup_printf (_("the sum of %s"), parts->str);
          report (run, "final.grand-total", t, l->id, first_column (t),
                  line_figure (t, l->id, first_column (t)), text, sum);
        }
    }
}

/* final.closing: 年末财政拨款结转和结余 = 年初 + 本年收入 − 本年支出, by source. */
static void
check_closing (GkCheckRun *run)
{
  static const char * const sources[] = { "general", "fund", "capital" };
  GkTable *t = gk_document_get_table (run->document, "final-fiscal-summary");

  if (t == NULL || gk_table_lookup_line (t, "closing") == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autofree char *opening_id = g_strconcat ("opening-", sources[i], NULL);
      GkRow *opening = gk_table_lookup_line (t, opening_id);
      GkRow *income = gk_table_lookup_line (t, sources[i]);
      GkAmount expected, closing;

      if (opening == NULL || income == NULL || gk_table_column_index (t, sources[i]) < 0)
        continue;
      if (!gk_amount_add (line_figure (t, opening_id, first_column (t)), line_figure (t, sources[i], first_column (t)), &expected) ||
          !gk_amount_sub (expected, line_figure (t, "expenditure-total", sources[i]), &expected))
        continue;
      closing = line_figure (t, "closing", sources[i]);
      if (closing == expected)
        continue;
      report (run, "final.closing", t, "closing", sources[i], closing,
              "年初财政拨款结转和结余 + 本年收入 − 本年支出", expected);
    }
}

/* final.fund-row: on each row of 政府性基金 and 国有资本经营, 年末结转和结余
 * = 年初结转和结余 + 本年收入 − 本年支出, as printed. */
static void
check_fund_rows (GkCheckRun *run)
{
  static const char * const roles[] = { "final-fund", "final-capital" };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      GkTable *t = gk_document_get_table (run->document, roles[i]);
      GListModel *rows = t != NULL ? G_LIST_MODEL (t) : NULL;

      if (t == NULL || gk_table_column_index (t, "closing") < 0 || gk_table_column_index (t, "opening") < 0)
        continue;
      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (rows, r);
          const char *line = gk_table_stated_line (row);
          GkAmount expected;

          if (line == NULL ||
              !gk_amount_add (figure (t, row, "opening"), figure (t, row, "income"), &expected) ||
              !gk_amount_sub (expected, figure (t, row, "total"), &expected) ||
              expected == figure (t, row, "closing"))
            continue;
          report (run, "final.fund-row", t, line, "closing", figure (t, row, "closing"),
                  "年初结转和结余 + 本年收入 − 本年支出", expected);
        }
    }
}

/* final.tables: the tables against the 总表 lines that stand for them. */
static void
check_tables (GkCheckRun *run)
{
  GkTable *summary = gk_document_get_table (run->document, "final-summary");
  GkTable *fiscal = gk_document_get_table (run->document, "final-fiscal-summary");
  GkTable *income = gk_document_get_table (run->document, "final-income");
  GkTable *expenditure = gk_document_get_table (run->document, "final-expenditure");
  GkTable *general = gk_document_get_table (run->document, "final-general");
  GkTable *fund = gk_document_get_table (run->document, "final-fund");

  if (summary != NULL && income != NULL && gk_table_get_total_row (income) != NULL)
    {
      g_autofree char *text = place_label (income, "total", "total");

      if (line_figure (summary, "income-total", first_column (summary)) != figure (income, gk_table_get_total_row (income), "total"))
        report (run, "final.tables", summary, "income-total", first_column (summary),
                line_figure (summary, "income-total", first_column (summary)), text,
                figure (income, gk_table_get_total_row (income), "total"));
    }
  if (summary != NULL && expenditure != NULL && gk_table_get_total_row (expenditure) != NULL &&
      line_figure (summary, "expenditure-total", first_column (summary)) != figure (expenditure, gk_table_get_total_row (expenditure), "total"))
    {
      g_autofree char *text = place_label (expenditure, "total", "total");
      report (run, "final.tables", summary, "expenditure-total", first_column (summary),
              line_figure (summary, "expenditure-total", first_column (summary)), text,
              figure (expenditure, gk_table_get_total_row (expenditure), "total"));
    }
  if (fiscal != NULL && general != NULL && gk_table_get_total_row (general) != NULL &&
      gk_table_column_index (fiscal, "general") >= 0 &&
      line_figure (fiscal, "expenditure-total", "general") != figure (general, gk_table_get_total_row (general), "total"))
    {
      g_autofree char *text = place_label (general, "total", "total");
      report (run, "final.tables", fiscal, "expenditure-total", "general",
              line_figure (fiscal, "expenditure-total", "general"), text,
              figure (general, gk_table_get_total_row (general), "total"));
    }
  /* 一般公共预算财政拨款收入: entered on 收入支出决算总表, read by the other. */
  if (summary != NULL && fiscal != NULL && gk_table_lookup_line (summary, "general") != NULL &&
      gk_table_lookup_line (fiscal, "general") != NULL &&
      line_figure (summary, "general", first_column (summary)) != line_figure (fiscal, "general", first_column (fiscal)))
    {
      g_autofree char *text = place_label (fiscal, "general", first_column (fiscal));
      report (run, "final.tables", summary, "general", first_column (summary),
              line_figure (summary, "general", first_column (summary)), text,
              line_figure (fiscal, "general", first_column (fiscal)));
    }
  /* 年末 of 政府性基金: derived in its table, read by the 总表. */
  if (fiscal != NULL && fund != NULL && gk_table_get_total_row (fund) != NULL &&
      gk_table_lookup_line (fiscal, "closing") != NULL && gk_table_column_index (fiscal, "fund") >= 0 &&
      gk_table_column_index (fund, "closing") >= 0 &&
      line_figure (fiscal, "closing", "fund") != figure (fund, gk_table_get_total_row (fund), "closing"))
    {
      g_autofree char *text = place_label (fund, "total", "closing");
      report (run, "final.tables", fiscal, "closing", "fund", line_figure (fiscal, "closing", "fund"), text,
              figure (fund, gk_table_get_total_row (fund), "closing"));
    }
}

/* final.sangong: 决算 合计 = its items, 小计 = 购置费 + 运行维护费, as printed. */
static void
check_sangong (GkCheckRun *run)
{
  static const char * const parts[] = { "budget", "final" };
  GkTable *t = gk_document_get_table (run->document, "final-sangong");
  GkRow *row = t != NULL ? gk_table_get_single_row (t) : NULL;

  if (row == NULL)
    return;
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_autofree char *total = g_strconcat ("total-", parts[p], NULL);
      g_autofree char *abroad = g_strconcat ("abroad-", parts[p], NULL);
      g_autofree char *vehicle = g_strconcat ("vehicle-", parts[p], NULL);
      g_autofree char *purchase = g_strconcat ("vehicle-purchase-", parts[p], NULL);
      g_autofree char *operation = g_strconcat ("vehicle-operation-", parts[p], NULL);
      g_autofree char *reception = g_strconcat ("reception-", parts[p], NULL);
      GkAmount sum;

      if (gk_table_column_index (t, total) < 0 || gk_table_column_index (t, vehicle) < 0)
        continue;
      if (gk_amount_add (figure (t, row, purchase), figure (t, row, operation), &sum) &&
          sum != figure (t, row, vehicle))
        report (run, "final.sangong", t, "values", vehicle, figure (t, row, vehicle),
                "公务用车购置费 + 公务用车运行维护费", sum);
      if (gk_amount_add (figure (t, row, abroad), figure (t, row, vehicle), &sum) &&
          gk_amount_add (sum, figure (t, row, reception), &sum) &&
          sum != figure (t, row, total))
        report (run, "final.sangong", t, "values", total, figure (t, row, total),
                "因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费", sum);
    }
}

/* final.procurement: the 中小企业 awards of a kind within what was spent
 * on it, the 小微企业 awards within the 中小企业 ones. Shares above 100%
 * would follow. */
static void
check_procurement (GkCheckRun *run)
{
  static const struct { const char *kind; const char *spent; const char *awarded; } kinds[] = {
    { "goods", "政府采购货物支出", "货物采购授予中小企业合同金额" },
    { "works", "政府采购工程支出", "工程采购授予中小企业合同金额" },
    { "services", "政府采购服务支出", "服务采购授予中小企业合同金额" },
  };
  GkFinalFacts *facts = gk_document_get_final_facts (run->document);
  GkAmount sme = 0;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *spent = g_strdup_printf ("procurement-%s", kinds[i].kind);
      g_autofree char *awarded = g_strdup_printf ("procurement-sme-%s", kinds[i].kind);
      GkAmount amount;

      if (!gk_final_facts_is_set (facts, awarded))
        continue;
      amount = gk_final_facts_get_amount (facts, awarded);
      if (!gk_amount_add (sme, amount, &sme))
        sme = GK_AMOUNT_MAX;
      if (gk_final_facts_is_set (facts, spent) && amount > gk_final_facts_get_amount (facts, spent))
        {
          g_autofree char *a_money = gk_check_money (run, amount);
          g_autofree char *b_money = gk_check_money (run, gk_final_facts_get_amount (facts, spent));
          GkFinding *finding = gk_check_report (run, "final.procurement",
                                                /* Translators: 货物采购授予中小企业合同金额 is 12.00万元, more than 政府采购货物支出, 10.00万元 */
                                                _("%s is %s, more than %s, %s. Correct the one that is wrong."),
                                                kinds[i].awarded, a_money, kinds[i].spent, b_money);
          gk_finding_add_place (finding, "narrative", "k.final-procurement", NULL);
        }
    }
  if (gk_final_facts_is_set (facts, "procurement-micro") && gk_final_facts_get_amount (facts, "procurement-micro") > sme)
    {
      g_autofree char *a_money = gk_check_money (run, gk_final_facts_get_amount (facts, "procurement-micro"));
      g_autofree char *b_money = gk_check_money (run, sme);
      GkFinding *finding = gk_check_report (run, "final.procurement",
                                            _("%s is %s, more than %s, %s. Correct the one that is wrong."),
                                            "授予小微企业合同金额", a_money, "授予中小企业合同金额", b_money);
      gk_finding_add_place (finding, "narrative", "k.final-procurement", NULL);
    }
}

/* Each reads tables that may be left out of a template: "*", and each
 * looks for what it needs. */
static const GkCheckDef defs[] = {
  { .name = "final.balance", .func = check_balance, .tables = "*", .reads = GK_CHECK_READS_NOTES },
  { .name = "final.grand-total", .func = check_grand_totals, .tables = "*", .reads = GK_CHECK_READS_NOTES },
  { .name = "final.closing", .func = check_closing, .tables = "*", .reads = GK_CHECK_READS_NOTES },
  { .name = "final.fund-row", .func = check_fund_rows, .tables = "*", .reads = GK_CHECK_READS_NOTES },
  { .name = "final.tables", .func = check_tables, .tables = "*", .reads = GK_CHECK_READS_NOTES },
  { .name = "final.sangong", .func = check_sangong, .tables = "*", .reads = GK_CHECK_READS_NOTES },
  { .name = "final.procurement", .func = check_procurement, .tables = "*", .reads = GK_CHECK_READS_EXPLANATION },
};

const GkCheckDef *
gk_check_final_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
