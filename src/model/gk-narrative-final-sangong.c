/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-narrative-private.h"

/* 财政拨款“三公”经费支出决算情况说明: 预算 against 决算 with 完成预算 %, the
 * change against last year's 决算, and what was spent on, with the counts
 * the officer entered (团组, 人次, cars bought and held, 接待). The 预算数
 * are the table's *-budget columns, filled from the linked budget. */

static const struct { const char *item; const char *name; const char *spent; } items[] = {
  { "abroad", "因公出国（境）费", "因公出国（境）费" },
  { "vehicle", "公务用车购置及运行维护费", "公务用车购置及运行维护费支出" },
  { "reception", "公务接待费", "公务接待费支出" },
};

static GkAmount
cell (GkTable    *table,
      const char *item,
      const char *which)
{
  g_autofree char *column = g_strdup_printf ("%s-%s", item, which);

  return gk_narrative_cell (gk_table_get_single_row (table), table, column);
}

static char *
source (const char *item,
        const char *which)
{
  return g_strdup_printf ("final-sangong/single/%s-%s", item, which);
}

/* "，完成预算的95.00%"; nothing when the 预算数 is 0. */
static void
rate (GkComposer *c,
      GkTable    *table,
      const char *item)
{
  g_autofree char *rate_source = g_strdup_printf ("final-sangong/single/%s-rate", item);
  gint basis_points;

  if (!gk_final_ratio (cell (table, item, "final"), cell (table, item, "budget"), &basis_points))
    return;
  gk_composer_text (c, "，完成预算的");
  gk_composer_percent (c, basis_points, rate_source);
}

static void
against_budget (GkComposer *c,
                GkTable    *table)
{
  g_autofree char *total_budget = source ("total", "budget");
  g_autofree char *total_final = source ("total", "final");
  g_autofree char *reason_source = g_strdup ("budget/sangong.total/reason");
  g_autofree char *reason = NULL;
  GkAmount planned = cell (table, "total", "budget");
  GkAmount final = cell (table, "total", "final");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-sangong.budget");
  gk_composer_text (c, "“三公”经费财政拨款支出年初预算为");
  gk_composer_amount (c, planned, total_budget);
  gk_composer_text (c, "，支出决算为");
  gk_composer_amount (c, final, total_final);
  rate (c, table, "total");
  gk_composer_text (c, "，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *final_source = source (items[i].item, "final");

      gk_composer_text (c, items[i].name);
      gk_composer_text (c, i == 0 ? "决算为" : "支出决算为");
      gk_composer_amount (c, cell (table, items[i].item, "final"), final_source);
      rate (c, table, items[i].item);
      gk_composer_text (c, gk_narrative_list_end (i, G_N_ELEMENTS (items)));
    }
  gk_final_year (c);
  if (planned == final)
    {
      gk_composer_text (c, "“三公”经费支出决算数与预算数持平。");
      return;
    }
  gk_composer_text (c, final < planned ? "“三公”经费支出决算数小于预算数的主要原因："
                                       : "“三公”经费支出决算数大于预算数的主要原因：");
  reason = gk_narrative_trim_typed (gk_budget_get_reason (gk_document_get_budget (c->document), "sangong.total"), TRUE);
  if (reason[0] != '\0')
    gk_composer_span (c, GK_SPAN_TYPED, reason, reason_source);
  else
    gk_composer_span (c, GK_SPAN_MISSING, "（原因未填写）", reason_source);
  gk_composer_text (c, "。");
}

/* "减少12.00万元，下降5.00%" against last year's 决算 (prior key
 * sangong.<item>), "持平", or what is missing. Returns the difference's
 * sign, or 2 when last year's figure is not entered. */
static int
change (GkComposer *c,
        const char *item,
        GkAmount    amount)
{
  g_autofree char *key = g_strconcat ("sangong.", item, NULL);
  GkPrior *prior = gk_explanation_lookup_prior (c->explanation, key);
  g_autofree char *amount_source = g_strdup_printf ("prior/%s/amount", key);
  g_autofree char *change_source = g_strdup_printf ("prior/%s/change", key);
  g_autofree char *percent_source = g_strdup_printf ("prior/%s/percent", key);
  GkAmount difference;
  gint basis_points;

  if (prior == NULL || !gk_amount_sub (amount, gk_prior_get_amount (prior), &difference))
    {
      gk_composer_span (c, GK_SPAN_MISSING, "（上年决算数未填写）", amount_source);
      return 2;
    }
  if (difference == 0)
    {
      gk_composer_text (c, "持平");
      return 0;
    }
  gk_composer_text (c, difference > 0 ? "增加" : "减少");
  gk_composer_amount (c, ABS (difference), change_source);
  if (gk_amount_change (amount, gk_prior_get_amount (prior), &basis_points))
    {
      gk_composer_text (c, difference > 0 ? "，增长" : "，下降");
      gk_composer_percent (c, ABS (basis_points), percent_source);
    }
  return difference > 0 ? 1 : -1;
}

static void
against_last_year (GkComposer *c,
                   GkTable    *table)
{
  int signs[G_N_ELEMENTS (items)];

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-sangong.change");
  gk_final_year (c);
  gk_composer_text (c, "“三公”经费财政拨款支出决算数比");
  {
    g_autofree char *last = g_strdup_printf ("%u年度", gk_document_get_year (c->document) - 1);
    gk_composer_text (c, last);
  }
  change (c, "total", cell (table, "total", "final"));
  gk_composer_text (c, "，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      gk_composer_text (c, items[i].spent);
      gk_composer_text (c, i == 0 ? "支出决算" : "决算");
      signs[i] = change (c, items[i].item, cell (table, items[i].item, "final"));
      gk_composer_text (c, gk_narrative_list_end (i, G_N_ELEMENTS (items)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *key = g_strconcat ("sangong.", items[i].item, NULL);
      g_autofree char *reason_source = g_strdup_printf ("prior/%s/reason", key);
      GkPrior *prior = gk_explanation_lookup_prior (c->explanation, key);
      g_autofree char *reason = NULL;

      if (signs[i] == 0 || signs[i] == 2)
        continue;
      gk_composer_text (c, items[i].spent);
      gk_composer_text (c, i == 0 ? "支出" : "");
      gk_composer_text (c, signs[i] > 0 ? "增加的主要原因是" : "减少的主要原因是");
      reason = gk_narrative_trim_typed (gk_prior_get_reason (prior), TRUE);
      if (reason[0] != '\0')
        gk_composer_span (c, GK_SPAN_TYPED, reason, reason_source);
      else
        gk_composer_span (c, GK_SPAN_MISSING, "（原因未填写）", reason_source);
      gk_composer_text (c, "。");
    }
}

static void
amount_of (GkComposer *c,
           GkTable    *table,
           const char *item)
{
  g_autofree char *final_source = source (item, "final");

  gk_composer_amount (c, cell (table, item, "final"), final_source);
}

static void
details (GkComposer *c,
         GkTable    *table)
{
  GkAmount values[G_N_ELEMENTS (items)];
  gint shares[G_N_ELEMENTS (items)];
  GkFinalFacts *facts = gk_document_get_final_facts (c->document);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    values[i] = cell (table, items[i].item, "final");
  gk_amount_shares (values, G_N_ELEMENTS (items), shares);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-sangong.shares");
  gk_composer_text (c, "“三公”经费财政拨款支出决算中，");
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *share_source = g_strdup_printf ("final-sangong/single/%s-final/share", items[i].item);

      gk_composer_text (c, items[i].spent);
      gk_composer_text (c, i == 0 ? "支出决算" : "决算");
      amount_of (c, table, items[i].item);
      gk_composer_text (c, "，占");
      gk_composer_percent (c, shares[i], share_source);
      gk_composer_text (c, i + 1 < G_N_ELEMENTS (items) ? "；" : "。具体情况如下：");
    }

  gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "k.final-sangong.abroad");
  gk_composer_text (c, "1、因公出国（境）费支出");
  amount_of (c, table, "abroad");
  gk_composer_text (c, "。全年安排因公出国（境）团组");
  gk_final_count (c, "sangong-abroad-groups");
  gk_composer_text (c, "个、累计");
  gk_final_count (c, "sangong-abroad-people");
  gk_composer_text (c, "人次。开支内容包括：");
  gk_final_text (c, "sangong-abroad-content");
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "k.final-sangong.vehicle");
  gk_composer_text (c, "2、公务用车购置及运行维护费支出");
  amount_of (c, table, "vehicle");
  gk_composer_text (c, "。其中：");
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-sangong.vehicle-purchase");
  gk_composer_text (c, "公务用车购置支出为");
  amount_of (c, table, "vehicle-purchase");
  gk_composer_text (c, "。主要用于");
  gk_final_text (c, "sangong-vehicle-purchase-use");
  gk_composer_text (c, "，购置公务用车");
  gk_final_count (c, "sangong-vehicles-bought");
  gk_composer_text (c, "辆。");
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-sangong.vehicle-operation");
  gk_composer_text (c, "公务用车运行维护支出");
  amount_of (c, table, "vehicle-operation");
  gk_composer_text (c, "。主要用于");
  gk_final_text (c, "sangong-vehicle-operation-use");
  gk_composer_text (c, "。");
  gk_composer_year (c);
  gk_composer_text (c, "，");
  gk_composer_unit_name (c);
  gk_composer_text (c, "所属各预算单位开支财政拨款的公务用车保有量为");
  gk_final_count (c, "sangong-vehicles-held");
  gk_composer_text (c, "辆。");

  gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "k.final-sangong.reception");
  gk_composer_text (c, "3、公务接待费支出");
  amount_of (c, table, "reception");
  gk_composer_text (c, "。其中：国内公务接待支出");
  amount_of (c, table, "reception");
  gk_composer_text (c, "（含外宾接待支出");
  /* Not entered until the 外宾 batches are. */
  if (gk_final_facts_get_count (facts, "sangong-foreign-batches") == GK_FINAL_FACTS_UNSET)
    gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", "final/sangong-foreign-amount");
  else
    gk_composer_amount (c, gk_final_facts_get_amount (facts, "sangong-foreign-amount"), "final/sangong-foreign-amount");
  gk_composer_text (c, "）。主要用于");
  gk_final_text (c, "sangong-reception-use");
  gk_composer_text (c, "，共接待");
  gk_final_count (c, "sangong-reception-batches");
  gk_composer_text (c, "批次、");
  gk_final_count (c, "sangong-reception-people");
  gk_composer_text (c, "人次，其中：接待外宾");
  gk_final_count (c, "sangong-foreign-batches");
  gk_composer_text (c, "批次、");
  gk_final_count (c, "sangong-foreign-people");
  gk_composer_text (c, "人次。");
}

void
gk_narrative_kind_final_sangong (GkComposer *c)
{
  GkTable *table = gk_narrative_table (c, "final-sangong");

  if (table == NULL)
    return;
  if (cell (table, "total", "final") == 0 && cell (table, "total", "budget") == 0)
    {
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-sangong.none");
      gk_final_unit_year (c);
      gk_composer_text (c, "无“三公”经费财政拨款支出。");
      return;
    }
  gk_narrative_subheading (c, 1, "“三公”经费财政拨款支出决算总体情况说明", "k.final-sangong.heading");
  against_budget (c, table);
  against_last_year (c, table);
  gk_narrative_subheading (c, 2, "“三公”经费财政拨款支出决算具体情况说明", "k.final-sangong.details.heading");
  details (c, table);
}
