/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-narrative-private.h"

/* The kinds of paragraph of a 决算's 情况说明, in the sentences of the
 * national 决算 template: totals, income and expenditure by kind, 财政拨款,
 * 一般公共预算 against its 年初预算 项 by 项, 基本支出, the funds and
 * 预算绩效管理 (“三公” is in gk-narrative-final-sangong.c). A change is
 * against last year's 决算 (a prior figure); a 年初预算 is the linked
 * budget's figure (gk-budget.h). Ids begin with "k.final-". */

/* "{unit}{year}年度" */
void
gk_final_unit_year (GkComposer *c)
{
  gk_composer_unit_name (c);
  gk_final_year (c);
}

void
gk_final_year (GkComposer *c)
{
  gk_composer_year (c);
  gk_composer_text (c, "度");
}

/* "2023年度", last year's, derived from the document's. */
static void
last_year (GkComposer *c)
{
  g_autofree char *text = g_strdup_printf ("%u年度", gk_document_get_year (c->document) - 1);

  gk_composer_text (c, text);
}

static char *
reason_of (const char *typed)
{
  return gk_narrative_trim_typed (typed, TRUE);
}

/* "与2023年度相比，{subject}增加12.00万元，增长5.00%。主要原因：…。", or
 * "…持平。"; the base of the percentage is last year's 决算. */
void
gk_final_change (GkComposer *c,
                 const char *key,
                 const char *subject,
                 GkAmount    amount)
{
  GkPrior *prior = gk_explanation_lookup_prior (c->explanation, key);
  g_autofree char *amount_source = g_strdup_printf ("prior/%s/amount", key);
  g_autofree char *change_source = g_strdup_printf ("prior/%s/change", key);
  g_autofree char *percent_source = g_strdup_printf ("prior/%s/percent", key);
  g_autofree char *reason_source = g_strdup_printf ("prior/%s/reason", key);
  g_autofree char *reason = NULL;
  GkAmount difference;
  gint basis_points;

  gk_composer_text (c, "与");
  last_year (c);
  gk_composer_text (c, "相比，");
  gk_composer_text (c, subject);
  if (prior == NULL)
    {
      gk_composer_span (c, GK_SPAN_MISSING, "（上年决算数未填写）", amount_source);
      gk_composer_text (c, "。");
      return;
    }
  if (!gk_amount_sub (amount, gk_prior_get_amount (prior), &difference))
    {
      gk_composer_span (c, GK_SPAN_MISSING, "（上年数超出范围）", amount_source);
      gk_composer_text (c, "。");
      return;
    }
  if (difference == 0)
    {
      gk_composer_text (c, "持平。");
      return;
    }
  gk_composer_text (c, difference > 0 ? "增加" : "减少");
  gk_composer_amount (c, ABS (difference), change_source);
  if (gk_amount_change (amount, gk_prior_get_amount (prior), &basis_points))
    {
      gk_composer_text (c, difference > 0 ? "，增长" : "，下降");
      gk_composer_percent (c, ABS (basis_points), percent_source);
    }
  gk_composer_text (c, "。主要原因：");
  reason = reason_of (gk_prior_get_reason (prior));
  if (reason[0] != '\0')
    gk_composer_span (c, GK_SPAN_TYPED, reason, reason_source);
  else
    gk_composer_span (c, GK_SPAN_MISSING, "（原因未填写）", reason_source);
  gk_composer_text (c, "。");
}

/* 完成率: part over whole in hundredths of a percent, rounded as the
 * changes are; FALSE when the budget is 0. */
gboolean
gk_final_ratio (GkAmount  part,
                GkAmount  whole,
                gint     *basis_points)
{
  GkAmount sum;

  return whole != 0 && gk_amount_add (part, whole, &sum) && gk_amount_change (sum, whole, basis_points);
}

/* The 年初预算 of `key`, or the span that says it is not there. */
gboolean
gk_final_budget (GkComposer *c,
                 const char *key,
                 GkAmount   *amount)
{
  GkBudget *budget = gk_document_get_budget (c->document);
  g_autofree char *source = g_strdup_printf ("budget/%s/amount", key);

  if (gk_budget_get_amount (budget, key, amount))
    {
      gk_composer_amount (c, *amount, source);
      return TRUE;
    }
  /* Tied to a budget that has no such figure: nothing was budgeted. */
  if (gk_budget_is_present (budget))
    {
      *amount = 0;
      gk_composer_amount (c, 0, source);
      return TRUE;
    }
  gk_composer_span (c, GK_SPAN_MISSING, "（年初预算数未取得）", source);
  return FALSE;
}

/* "决算数大于预算数的主要原因：…。", or "决算数与预算数持平。" */
void
gk_final_budget_reason (GkComposer *c,
                        const char *key,
                        GkAmount    budget,
                        GkAmount    final)
{
  g_autofree char *source = g_strdup_printf ("budget/%s/reason", key);
  g_autofree char *reason = reason_of (gk_budget_get_reason (gk_document_get_budget (c->document), key));

  if (budget == final)
    {
      gk_composer_text (c, "决算数与预算数持平。");
      return;
    }
  gk_composer_text (c, final > budget ? "决算数大于预算数的主要原因：" : "决算数小于预算数的主要原因：");
  if (reason[0] != '\0')
    gk_composer_span (c, GK_SPAN_TYPED, reason, source);
  else
    gk_composer_span (c, GK_SPAN_MISSING, "（原因未填写）", source);
  gk_composer_text (c, "。");
}

/* A figure of a summary: its line's, tried by id in order. */
static gboolean
summary_total (GkComposer *c,
               const char *role,
               GkAmount   *amount)
{
  static const char * const lines[] = { "total", "grand-total", "income-total" };
  GkTable *table = gk_narrative_table (c, role);

  if (table == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (gk_table_lookup_line (table, lines[i]) != NULL)
      {
        *amount = gk_narrative_line_amount (table, lines[i]);
        return TRUE;
      }
  return FALSE;
}

static void
summary_kind (GkComposer *c,
              const char *role,
              const char *id,
              const char *words,
              const char *key)
{
  GkAmount total = 0;
  g_autofree char *source = g_strdup_printf ("%s/total", role);
  gboolean known = summary_total (c, role, &total);

  if (!known && gk_narrative_table (c, "final-income") == NULL)
    return;
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "%s", id);
  gk_final_unit_year (c);
  gk_composer_text (c, words);
  if (!known)
    {
      gk_composer_span (c, GK_SPAN_MISSING, "（总计未取得）", source);
      gk_composer_text (c, "。");
      return;
    }
  gk_composer_amount (c, total, source);
  gk_composer_text (c, "。");
  gk_final_change (c, key, words, total);
}

void
gk_narrative_kind_final_totals (GkComposer *c)
{
  summary_kind (c, "final-summary", "k.final-totals", "收入支出总计", "final.total");
}

void
gk_narrative_kind_final_fiscal (GkComposer *c)
{
  summary_kind (c, "final-fiscal-summary", "k.final-fiscal", "财政拨款收入支出总计", "final.fiscal");
}

/* "本年收入合计…，其中：财政拨款收入…，占…；事业收入…" over the columns of
 * a table; a part that is 0 is not listed. */
typedef struct { const char *column; const char *name; } Part;

static void
parts_with_shares (GkComposer *c,
                   const char *role,
                   const char *id,
                   const char *total_words,
                   const Part *parts,
                   guint       n_parts)
{
  GkTable *table = gk_narrative_table (c, role);
  g_autofree GkAmount *values = g_new0 (GkAmount, n_parts);
  g_autofree gint *shares = g_new0 (gint, n_parts);
  g_autofree char *total_source = NULL;
  guint n = 0;
  guint said = 0;
  guint index[16];

  if (table == NULL)
    return;
  for (guint i = 0; i < n_parts && n < G_N_ELEMENTS (index); i++)
    if (gk_table_column_index (table, parts[i].column) >= 0 &&
        gk_narrative_column_total (table, parts[i].column) != 0)
      {
        index[n] = i;
        values[n++] = gk_narrative_column_total (table, parts[i].column);
      }
  gk_amount_shares (values, n, shares);

  total_source = g_strdup_printf ("%s/total/total", role);
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "%s", id);
  gk_composer_text (c, total_words);
  gk_composer_amount (c, gk_narrative_column_total (table, "total"), total_source);
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *amount_source = g_strdup_printf ("%s/total/%s", role, parts[index[k]].column);
      g_autofree char *share_source = g_strdup_printf ("%s/total/%s/share", role, parts[index[k]].column);

      gk_composer_text (c, said++ == 0 ? "，其中：" : "；");
      gk_composer_text (c, parts[index[k]].name);
      gk_composer_amount (c, values[k], amount_source);
      gk_composer_text (c, "，占");
      gk_composer_percent (c, shares[k], share_source);
    }
  gk_composer_text (c, "。");
}

void
gk_narrative_kind_final_income (GkComposer *c)
{
  static const Part parts[] = {
    { "fiscal", "财政拨款收入" }, { "superior", "上级补助收入" }, { "business", "事业收入" },
    { "operating", "经营收入" }, { "affiliated", "附属单位上缴收入" }, { "other", "其他收入" },
  };

  parts_with_shares (c, "final-income", "k.final-income", "本年收入合计", parts, G_N_ELEMENTS (parts));
}

void
gk_narrative_kind_final_expenditure (GkComposer *c)
{
  static const Part parts[] = {
    { "basic", "基本支出" }, { "project", "项目支出" }, { "remit", "上缴上级支出" },
    { "operating", "经营支出" }, { "affiliated", "对附属单位补助支出" },
  };

  parts_with_shares (c, "final-expenditure", "k.final-expenditure", "本年支出合计", parts, G_N_ELEMENTS (parts));
}

/* "1、教育支出（类）普通教育（款）初中教育（项）。主要用于：…。年初预算为…，
 * 支出决算为…。决算数大于预算数的主要原因：…。" for each 项 of a table. */
static guint
items_against_budget (GkComposer *c,
                      const char *role,
                      const char *prefix,
                      const char *column)
{
  GkTable *table = gk_narrative_table (c, role);
  GkBudget *budget = gk_document_get_budget (c->document);
  g_autoptr(GPtrArray) leaves = gk_narrative_leaf_rows (table);
  guint n = 0;

  for (guint i = 0; i < leaves->len; i++)
    {
      GkRow *row = leaves->pdata[i];
      const char *code = gk_row_get_code (row);
      g_autofree char *key = g_strconcat (prefix, ".", code, NULL);
      g_autofree char *amount_source = g_strdup_printf ("%s/%s/%s", role, code, column);
      g_autofree char *purpose_source = g_strdup_printf ("budget/%s/purpose", key);
      g_autofree char *number = NULL;
      GkAmount final = gk_narrative_cell (row, table, column);
      GkAmount planned = 0;

      if (final == 0 && !gk_budget_get_amount (budget, key, &planned))
        continue;
      if (final == 0 && planned == 0)
        continue;
      gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "k.final-%s.%s", prefix, code);
      number = g_strdup_printf ("%u、", ++n);
      gk_composer_text (c, number);
      gk_narrative_function_path (c, role, row);
      gk_composer_text (c, "。主要用于：");
      gk_composer_typed (c, gk_budget_get_purpose (budget, key), purpose_source, "（用途未填写）");
      gk_composer_text (c, "。年初预算为");
      if (gk_final_budget (c, key, &planned))
        {
          gk_composer_text (c, "，支出决算为");
          gk_composer_amount (c, final, amount_source);
          gk_composer_text (c, "。");
          gk_final_budget_reason (c, key, planned, final);
        }
      else
        {
          gk_composer_text (c, "，支出决算为");
          gk_composer_amount (c, final, amount_source);
          gk_composer_text (c, "。");
        }
    }
  return n;
}

/* "…年初预算为…，支出决算为…，完成年初预算的…%。" */
static void
completion (GkComposer *c,
            const char *key,
            const char *subject,
            GkAmount    final,
            const char *final_source,
            const char *rate_words)
{
  g_autofree char *rate_source = g_strdup_printf ("budget/%s/rate", key);
  GkAmount planned = 0;
  gint basis_points;
  gboolean known;

  gk_composer_text (c, subject);
  gk_composer_text (c, "年初预算为");
  known = gk_final_budget (c, key, &planned);
  gk_composer_text (c, "，支出决算为");
  gk_composer_amount (c, final, final_source);
  if (known && gk_final_ratio (final, planned, &basis_points))
    {
      gk_composer_text (c, rate_words);
      gk_composer_percent (c, basis_points, rate_source);
    }
  gk_composer_text (c, "。");
  if (known)
    gk_final_budget_reason (c, key, planned, final);
}

void
gk_narrative_kind_final_general (GkComposer *c)
{
  GkTable *table = gk_narrative_table (c, "final-general");
  GkTable *expenditure = gk_narrative_table (c, "final-expenditure");
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree GkAmount *values = NULL;
  g_autofree gint *shares = NULL;
  GListModel *roots;
  GkAmount total;

  if (table == NULL)
    return;
  total = gk_narrative_column_total (table, "total");

  gk_narrative_subheading (c, 1, "一般公共预算财政拨款支出决算总体情况", "k.final-general.scale.heading");
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-general.scale");
  gk_composer_text (c, "一般公共预算财政拨款支出");
  gk_composer_amount (c, total, "final-general/total/total");
  if (expenditure != NULL)
    {
      gint basis_points = 0;

      gk_composer_text (c, "，占本年支出合计的");
      gk_final_ratio (total, gk_narrative_column_total (expenditure, "total"), &basis_points);
      gk_composer_percent (c, basis_points, "final-general/total/total/share");
    }
  gk_composer_text (c, "。");
  gk_final_change (c, "general.total", "一般公共预算财政拨款支出", total);

  roots = gk_table_get_roots (table);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      GkRow *row = g_list_model_get_item (roots, i);

      if (gk_narrative_cell (row, table, "total") != 0)
        g_ptr_array_add (classes, row);
      else
        g_object_unref (row);
    }
  values = g_new0 (GkAmount, MAX (classes->len, 1));
  shares = g_new0 (gint, MAX (classes->len, 1));
  for (guint i = 0; i < classes->len; i++)
    values[i] = gk_narrative_cell (classes->pdata[i], table, "total");
  gk_amount_shares (values, classes->len, shares);

  gk_narrative_subheading (c, 2, "一般公共预算财政拨款支出决算结构情况", "k.final-general.structure.heading");
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-general.structure");
  gk_composer_text (c, "一般公共预算财政拨款支出");
  gk_composer_amount (c, total, "final-general/total/total");
  gk_composer_text (c, classes->len > 0 ? "，主要用于以下方面：" : "。");
  for (guint i = 0; i < classes->len; i++)
    {
      GkRow *row = classes->pdata[i];
      const char *code = gk_row_get_code (row);
      g_autofree char *amount_source = g_strdup_printf ("final-general/%s/total", code);
      g_autofree char *share_source = g_strdup_printf ("final-general/%s/total/share", code);

      gk_narrative_function_path (c, "final-general", row);
      gk_composer_amount (c, values[i], amount_source);
      gk_composer_text (c, "，占");
      gk_composer_percent (c, shares[i], share_source);
      gk_composer_text (c, gk_narrative_list_end (i, classes->len));
    }

  gk_narrative_subheading (c, 3, "一般公共预算财政拨款支出决算具体情况", "k.final-general.items.heading");
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-general.budget");
  completion (c, "general.total", "一般公共预算财政拨款支出", total, "final-general/total/total", "，完成年初预算的");
  {
    GkParagraph *budget = c->paragraph;

    /* "…主要原因：…。其中：" when 项 follow. */
    if (items_against_budget (c, "final-general", "general", "total") > 0)
      {
        GkParagraph *last = c->paragraph;

        c->paragraph = budget;
        gk_composer_text (c, "其中：");
        c->paragraph = last;
      }
  }
}

/* 人员经费 is 301 and 303; 公用经费 the other economic 类. */
static gboolean
is_personnel (GkRow *row)
{
  const char *code = gk_row_get_code (row);

  return code != NULL && (g_str_has_prefix (code, "301") || g_str_has_prefix (code, "303"));
}

/* 人员经费 or 公用经费 of 一般公共预算财政拨款基本支出决算表; 公用经费 is
 * also what a 行政单位 reports as 机关运行经费. */
GkAmount
gk_final_basic_sum (GkTable  *table,
                    gboolean  personnel)
{
  g_autoptr(GPtrArray) leaves = gk_narrative_leaf_rows (table);
  GkAmount sum = 0;

  for (guint i = 0; i < leaves->len; i++)
    if (is_personnel (leaves->pdata[i]) == personnel &&
        !gk_amount_add (sum, gk_narrative_cell (leaves->pdata[i], table, "amount"), &sum))
      sum = GK_AMOUNT_MAX;
  return sum;
}

static void
basic_part (GkComposer *c,
            GkTable    *table,
            GPtrArray  *leaves,
            gboolean    personnel,
            const char *words)
{
  GkAmount sum = gk_final_basic_sum (table, personnel);
  guint n = 0;

  gk_composer_text (c, words);
  gk_composer_amount (c, sum, personnel ? "final-basic/total/personnel" : "final-basic/total/public");
  for (guint i = 0; i < leaves->len; i++)
    {
      GkRow *row = leaves->pdata[i];
      g_autofree char *name_source = NULL;

      if (is_personnel (row) != personnel || gk_narrative_cell (row, table, "amount") == 0)
        continue;
      gk_composer_text (c, n++ > 0 ? "、" : "，主要包括：");
      name_source = g_strdup_printf ("final-basic/%s/name", gk_row_get_code (row));
      gk_composer_span (c, GK_SPAN_FIGURE, gk_row_get_name (row), name_source);
    }
}

void
gk_narrative_kind_final_basic (GkComposer *c)
{
  GkTable *table = gk_narrative_table (c, "final-basic");
  g_autoptr(GPtrArray) leaves = NULL;

  if (table == NULL)
    return;
  leaves = gk_narrative_leaf_rows (table);
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-basic");
  gk_composer_text (c, "一般公共预算财政拨款基本支出");
  gk_composer_amount (c, gk_narrative_column_total (table, "amount"), "final-basic/total/amount");
  gk_composer_text (c, "。其中：");
  basic_part (c, table, leaves, TRUE, "人员经费");
  gk_composer_text (c, "；");
  basic_part (c, table, leaves, FALSE, "公用经费");
  gk_composer_text (c, "。");
}

/* 政府性基金 and 国有资本经营: by 项 against the 年初预算, or that there
 * was none. */
static void
fund_kind (GkComposer *c,
           const char *role,
           const char *prefix,
           const char *words)
{
  GkTable *table = gk_narrative_table (c, role);
  g_autofree char *income_source = g_strdup_printf ("%s/total/income", role);
  g_autofree char *total_source = g_strdup_printf ("%s/total/total", role);
  GkAmount income;
  GkAmount total;

  if (table == NULL)
    return;
  income = gk_narrative_column_total (table, "income");
  total = gk_narrative_column_total (table, "total");
  if (income == 0 && total == 0)
    {
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-%s.none", prefix);
      gk_final_unit_year (c);
      gk_composer_text (c, "无");
      gk_composer_text (c, words);
      gk_composer_text (c, "财政拨款收入和支出。");
      return;
    }
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.final-%s.total", prefix);
  gk_composer_text (c, words);
  gk_composer_text (c, "财政拨款收入");
  gk_composer_amount (c, income, income_source);
  gk_composer_text (c, "，支出");
  gk_composer_amount (c, total, total_source);
  gk_composer_text (c, "，支出具体情况如下：");
  items_against_budget (c, role, prefix, "total");
}

void
gk_narrative_kind_final_fund (GkComposer *c)
{
  fund_kind (c, "final-fund", "fund", "政府性基金预算");
}

void
gk_narrative_kind_final_capital (GkComposer *c)
{
  fund_kind (c, "final-capital", "capital", "国有资本经营预算");
}

/* 预算绩效管理 ---------------------------------------------------------------- */

void
gk_final_count (GkComposer *c,
                const char *property)
{
  GkFinalFacts *facts = gk_document_get_final_facts (c->document);
  int count = gk_final_facts_get_count (facts, property);
  g_autofree char *source = g_strdup_printf ("final/%s", property);

  if (count == GK_FINAL_FACTS_UNSET)
    gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", source);
  else
    gk_composer_count (c, count, source);
}

void
gk_final_text (GkComposer *c,
               const char *property)
{
  GkFinalFacts *facts = gk_document_get_final_facts (c->document);
  g_autofree char *source = g_strdup_printf ("final/%s", property);

  gk_composer_typed (c, gk_final_facts_get_text (facts, property), source, "（未填写）");
}

static void
projects_line (GkComposer *c,
               const char *words,
               const char *count,
               const char *amount)
{
  GkFinalFacts *facts = gk_document_get_final_facts (c->document);
  g_autofree char *source = g_strdup_printf ("final/%s", amount);

  gk_composer_text (c, words);
  gk_final_year (c);
  gk_composer_text (c, "项目");
  gk_final_count (c, count);
  gk_composer_text (c, "个，涉及预算金额");
  /* An amount of projects not counted yet is not entered either. */
  if (gk_final_facts_get_count (facts, count) == GK_FINAL_FACTS_UNSET)
    gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", source);
  else
    gk_composer_amount (c, gk_final_facts_get_amount (facts, amount), source);
}

void
gk_narrative_kind_performance_management (GkComposer *c)
{
  static const struct { const char *grade; const char *property; } grades[] = {
    { "优", "performance-excellent" }, { "良", "performance-good" },
    { "合格", "performance-pass" }, { "不合格", "performance-fail" },
  };

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.performance-management");
  gk_final_unit_year (c);
  gk_composer_text (c, "预算绩效管理工作开展情况如下：本部门建立了如下预算绩效管理制度：");
  gk_final_text (c, "performance-rules");
  gk_composer_text (c, "，建立了");
  gk_final_text (c, "performance-mechanism");
  gk_composer_text (c, "的预算绩效管理工作机制；全过程绩效管理实施情况：");
  projects_line (c, "编报绩效目标的", "performance-target-projects", "performance-target-amount");
  gk_composer_text (c, "；");
  projects_line (c, "绩效跟踪评价的", "performance-tracking-projects", "performance-tracking-amount");
  gk_composer_text (c, "；");
  projects_line (c, "绩效自评的", "performance-self-projects", "performance-self-amount");
  gk_composer_text (c, "，平均得分");
  gk_final_text (c, "performance-average-score");
  gk_composer_text (c, "分（其中，");
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      g_autofree char *words = g_strdup_printf ("%s绩效评级为“%s”的项目", i > 0 ? "；" : "", grades[i].grade);

      gk_composer_text (c, words);
      gk_final_count (c, grades[i].property);
      gk_composer_text (c, "个");
    }
  gk_composer_text (c, "。绩效自评中共发现问题");
  gk_final_count (c, "performance-problems-found");
  gk_composer_text (c, "个，已经完成整改的");
  gk_final_count (c, "performance-problems-fixed");
  gk_composer_text (c, "个，正在整改的");
  gk_final_count (c, "performance-problems-fixing");
  gk_composer_text (c, "个）。");
}
