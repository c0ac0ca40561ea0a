/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-narrative-private.h"

/* 其他重要事项 of a 决算: 机关运行经费 as spent (一般公共预算财政拨款基本支出
 * 决算表's 公用经费) against last year's 决算, 政府采购 as contracted with
 * what went to 中小企业 and 小微企业 (the national wording, or Shanghai's
 * with what was 预留 for them), and the vehicles and large equipment
 * held at the year's end. What no table holds is the officer's (final/…,
 * gk-final-facts.h); totals and shares are derived from it. */

/* "2019年度" */
static void
last_year (GkComposer *c)
{
  g_autofree char *text = g_strdup_printf ("%u年度", gk_document_get_year (c->document) - 1);

  gk_composer_text (c, text);
}

/* 机关运行经费 ---------------------------------------------------------------- */

/* "，比2019年度增加1.20万元，增长5.00%。主要原因是…。" or "，与2019年度持平。" */
static void
running_change (GkComposer *c,
                GkAmount    amount)
{
  GkPrior *prior = gk_explanation_lookup_prior (c->explanation, "running-costs");
  g_autofree char *reason = NULL;
  GkAmount difference;
  gint basis_points;

  if (prior != NULL && gk_amount_sub (amount, gk_prior_get_amount (prior), &difference) && difference == 0)
    {
      gk_composer_text (c, "，与");
      last_year (c);
      gk_composer_text (c, "持平。");
      return;
    }
  gk_composer_text (c, "，比");
  last_year (c);
  if (prior == NULL || !gk_amount_sub (amount, gk_prior_get_amount (prior), &difference))
    {
      gk_composer_span (c, GK_SPAN_MISSING, "（上年决算数未填写）", "prior/running-costs/amount");
      gk_composer_text (c, "。");
      return;
    }
  gk_composer_text (c, difference > 0 ? "增加" : "减少");
  gk_composer_amount (c, ABS (difference), "prior/running-costs/change");
  if (gk_amount_change (amount, gk_prior_get_amount (prior), &basis_points))
    {
      gk_composer_text (c, difference > 0 ? "，增长" : "，下降");
      gk_composer_percent (c, ABS (basis_points), "prior/running-costs/percent");
    }
  gk_composer_text (c, "。主要原因是");
  reason = gk_narrative_trim_typed (gk_prior_get_reason (prior), TRUE);
  if (reason[0] != '\0')
    gk_composer_span (c, GK_SPAN_TYPED, reason, "prior/running-costs/reason");
  else
    gk_composer_span (c, GK_SPAN_MISSING, "（原因未填写）", "prior/running-costs/reason");
  gk_composer_text (c, "。");
}

void
gk_narrative_kind_final_running_costs (GkComposer *c)
{
  GkTable *table = gk_narrative_table (c, "final-basic");
  GkAmount amount;

  if (table == NULL)
    return;
  amount = gk_final_basic_sum (table, FALSE);
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-running");
  gk_final_unit_year (c);
  /* Only 行政单位 and 参公 事业单位 have 机关运行经费: their 公用经费. */
  if (gk_document_get_unit_type (c->document) == GK_UNIT_TYPE_INSTITUTION || amount == 0)
    {
      gk_composer_text (c, "无机关运行经费支出。");
      return;
    }
  gk_composer_text (c, "机关运行经费支出");
  gk_composer_amount (c, amount, "final-basic/total/public");
  running_change (c, amount);
}

/* 政府采购 ------------------------------------------------------------------ */

static const struct { const char *kind; const char *spent; const char *sme; } purchases[] = {
  { "goods", "政府采购货物支出", "货物" },
  { "works", "政府采购工程支出", "工程" },
  { "services", "政府采购服务支出", "服务" },
};

/* A typed amount, or the span that asks for it. FALSE when not entered. */
static gboolean
fact_amount (GkComposer *c,
             const char *property,
             GkAmount   *amount)
{
  GkFinalFacts *facts = gk_document_get_final_facts (c->document);
  g_autofree char *source = g_strdup_printf ("final/%s", property);

  if (!gk_final_facts_is_set (facts, property))
    {
      *amount = 0;
      gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", source);
      return FALSE;
    }
  *amount = gk_final_facts_get_amount (facts, property);
  gk_composer_amount (c, *amount, source);
  return TRUE;
}

/* part over whole as a share; nothing said of a whole of 0. */
static void
share (GkComposer *c,
       GkAmount    part,
       GkAmount    whole,
       const char *source)
{
  gint basis_points;

  if (gk_final_ratio (part, whole, &basis_points))
    gk_composer_percent (c, basis_points, source);
  else
    gk_composer_span (c, GK_SPAN_MISSING, "（无法计算）", source);
}

/* Whether every one of the properties was entered. */
static gboolean
all_set (GkFinalFacts       *facts,
         const char * const *properties,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (!gk_final_facts_is_set (facts, properties[i]))
      return FALSE;
  return TRUE;
}

static void
procurement_sme (GkComposer     *c,
                 const GkAmount *spent,
                 GkAmount        total)
{
  GkFinalFacts *facts = gk_document_get_final_facts (c->document);
  GkAmount awarded[G_N_ELEMENTS (purchases)] = { 0, };
  GkAmount sme = 0;
  GkAmount micro = 0;
  gboolean known = TRUE;
  guint n = 0;

  /* 中小企业 awards are asked for only of a kind bought at all. */
  for (guint i = 0; i < G_N_ELEMENTS (purchases); i++)
    {
      g_autofree char *property = g_strdup_printf ("procurement-sme-%s", purchases[i].kind);

      if (spent[i] == 0 && !gk_final_facts_is_set (facts, property))
        continue;
      if (!gk_final_facts_is_set (facts, property))
        known = FALSE;
      else
        awarded[i] = gk_final_facts_get_amount (facts, property);
    }
  if (!gk_amount_sum (awarded, G_N_ELEMENTS (awarded), &sme))
    known = FALSE;

  gk_composer_text (c, "授予中小企业合同金额");
  if (known)
    {
      gk_composer_amount (c, sme, "final-procurement/sme");
      gk_composer_text (c, "，占政府采购支出总额的");
      share (c, sme, total, "final-procurement/sme/share");
    }
  else
    {
      /* Name the first kind still to be entered. */
      for (guint i = 0; i < G_N_ELEMENTS (purchases); i++)
        {
          g_autofree char *property = g_strdup_printf ("procurement-sme-%s", purchases[i].kind);
          g_autofree char *source = g_strdup_printf ("final/%s", property);

          if (spent[i] != 0 && !gk_final_facts_is_set (facts, property))
            {
              gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", source);
              break;
            }
        }
    }
  gk_composer_text (c, "，其中：授予小微企业合同金额");
  if (fact_amount (c, "procurement-micro", &micro))
    {
      gk_composer_text (c, "，占政府采购支出总额的");
      share (c, micro, total, "final-procurement/micro/share");
    }
  gk_composer_text (c, "。");

  for (guint i = 0; i < G_N_ELEMENTS (purchases); i++)
    {
      g_autofree char *property = g_strdup_printf ("procurement-sme-%s", purchases[i].kind);
      g_autofree char *share_source = g_strdup_printf ("final-procurement/sme-%s/share", purchases[i].kind);

      if (spent[i] == 0 || !gk_final_facts_is_set (facts, property))
        continue;
      gk_composer_text (c, n++ > 0 ? "，" : "");
      gk_composer_text (c, purchases[i].sme);
      gk_composer_text (c, "采购授予中小企业合同金额占");
      gk_composer_text (c, purchases[i].sme);
      gk_composer_text (c, "支出金额的");
      share (c, awarded[i], spent[i], share_source);
    }
  if (n > 0)
    gk_composer_text (c, "。");
}

static const char * const spent_facts[] = { "procurement-goods", "procurement-works", "procurement-services" };

/* 货物, 工程 and 服务 spent and their total; FALSE when one is not typed. */
static gboolean
procurement_spent (GkComposer *c,
                   GkAmount   *spent,
                   GkAmount   *total)
{
  GkFinalFacts *facts = gk_document_get_final_facts (c->document);
  gboolean known = all_set (facts, spent_facts, G_N_ELEMENTS (spent_facts));

  for (guint i = 0; i < G_N_ELEMENTS (spent_facts); i++)
    spent[i] = gk_final_facts_is_set (facts, spent_facts[i]) ? gk_final_facts_get_amount (facts, spent_facts[i]) : 0;
  return gk_amount_sum (spent, G_N_ELEMENTS (spent_facts), total) && known;
}

/* "…总额X万元，其中：政府采购货物支出X万元、…、政府采购服务支出X万元。" */
static void
procurement_parts (GkComposer *c,
                   gboolean    known,
                   GkAmount    total,
                   const char *total_words,
                   gboolean    short_names)
{
  gk_composer_text (c, total_words);
  if (known)
    gk_composer_amount (c, total, "final-procurement/total");
  else
    gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", "final-procurement/total");
  gk_composer_text (c, "，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (purchases); i++)
    {
      GkAmount amount;

      gk_composer_text (c, i > 0 ? "、" : "");
      if (short_names)
        {
          gk_composer_text (c, purchases[i].sme);
          gk_composer_text (c, "采购金额");
        }
      else
        gk_composer_text (c, purchases[i].spent);
      fact_amount (c, spent_facts[i], &amount);
    }
  gk_composer_text (c, "。");
}

void
gk_narrative_kind_final_procurement (GkComposer *c)
{
  GkAmount spent[G_N_ELEMENTS (purchases)] = { 0, };
  GkAmount total = 0;
  gboolean known = procurement_spent (c, spent, &total);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-procurement");
  gk_final_year (c);
  gk_composer_text (c, "，本部门");
  if (known && total == 0)
    {
      gk_composer_text (c, "无政府采购支出。");
      return;
    }
  procurement_parts (c, known, total, "政府采购支出总额", FALSE);
  if (known)
    procurement_sme (c, spent, total);
}

/* Shanghai's: the amount as contracted by kind, then what was 预留 for
 * 中小企业 and 小微企业 and what went to them. */
void
gk_narrative_kind_final_procurement_reserved (GkComposer *c)
{
  static const struct { const char *words; const char *property; } reserved[] = {
    { "度本部门面向中小企业预留政府采购项目预算金额", "procurement-sme-reserved" },
    { "，面向小微企业预留政府采购项目预算金额", "procurement-micro-reserved" },
    { "。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额", "procurement-sme-reserved-awarded" },
    { "；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额", "procurement-micro-reserved-awarded" },
    { "；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额", "procurement-sme-other-awarded" },
  };
  GkAmount spent[G_N_ELEMENTS (purchases)] = { 0, };
  GkAmount total = 0;
  gboolean known = procurement_spent (c, spent, &total);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-procurement-reserved");
  gk_final_unit_year (c);
  if (known && total == 0)
    {
      gk_composer_text (c, "无政府采购支出。");
      return;
    }
  procurement_parts (c, known, total, "政府采购金额（以合同签订为准）为", TRUE);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-procurement-reserved.sme");
  gk_composer_year (c);
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    {
      GkAmount amount;

      gk_composer_text (c, reserved[i].words);
      fact_amount (c, reserved[i].property, &amount);
    }
  gk_composer_text (c, "。");
}

/* 国有资产 ------------------------------------------------------------------ */

static const struct { const char *property; const char *name; } vehicles[] = {
  { "vehicles-ministerial", "部级领导干部用车" },
  { "vehicles-principal", "主要领导干部用车" },
  { "vehicles-confidential", "机要通信用车" },
  { "vehicles-emergency", "应急保障用车" },
  { "vehicles-enforcement", "执法执勤用车" },
  { "vehicles-special", "特种专业技术用车" },
  { "vehicles-retired", "离退休干部用车" },
  { "vehicles-other", "其他用车" },
};

/* "，其他用车主要是用于后勤保障的车辆", as the national template says
 * it, once typed and while other vehicles are held: a published document
 * has no placeholder for it, only the paragraph's figure editor. */
static void
other_use (GkComposer   *c,
           GkFinalFacts *facts)
{
  g_autofree char *use = gk_narrative_trim_typed (gk_final_facts_get_text (facts, "vehicles-other-use"), TRUE);

  if (gk_final_facts_get_count (facts, "vehicles-other") <= 0 || use[0] == '\0')
    return;
  gk_composer_text (c, "，其他用车主要是");
  gk_composer_span (c, GK_SPAN_TYPED, use, "final/vehicles-other-use");
}

/* "截至2020年12月31日，柞水县审计局共有车辆1辆，其中：执法执勤用车1辆。
 * 单价100万元（含）以上设备（不含车辆）0台（套）。" A kind not entered
 * holds none, once any kind is entered; a kind holding none is not named. */
void
gk_narrative_kind_final_assets (GkComposer *c)
{
  GkFinalFacts *facts = gk_document_get_final_facts (c->document);
  gint64 total = 0;
  gboolean any = FALSE;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (vehicles); i++)
    if (gk_final_facts_is_set (facts, vehicles[i].property))
      {
        any = TRUE;
        total += gk_final_facts_get_count (facts, vehicles[i].property);
      }

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-assets");
  gk_composer_text (c, "截至");
  gk_composer_year (c);
  gk_composer_text (c, "12月31日，");
  gk_composer_unit_name (c);
  gk_composer_text (c, "共有车辆");
  if (!any)
    gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", "final/vehicles-enforcement");
  else
    gk_composer_count (c, total, "final-assets/vehicles");
  gk_composer_text (c, "辆");
  for (guint i = 0; i < G_N_ELEMENTS (vehicles); i++)
    {
      g_autofree char *source = g_strdup_printf ("final/%s", vehicles[i].property);
      int count = gk_final_facts_get_count (facts, vehicles[i].property);

      if (count <= 0)
        continue;
      gk_composer_text (c, n++ > 0 ? "、" : "，其中：");
      gk_composer_text (c, vehicles[i].name);
      gk_composer_count (c, count, source);
      gk_composer_text (c, "辆");
    }
  other_use (c, facts);
  gk_composer_text (c, "。单价100万元（含）以上设备（不含车辆）");
  gk_final_count (c, "equipment-100");
  gk_composer_text (c, "台（套）。");
}
