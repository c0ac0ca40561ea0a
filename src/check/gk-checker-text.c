/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-checker-private.h"

#define S(n) (1u << (n))

/* Reads the figures a typed text states: each number with its unit, what
 * the words before it make of it (an amount, a share after 占, a change
 * after 增加/减少, a percentage after 增长/下降) and what it is of — the last
 * name the document knows (a total, a 类/款/项, a “三公” item …) said before
 * it in the same sentence, else what the paragraph is about. The checks
 * then compare each claim with the tables. */

/* Reading figures ---------------------------------------------------------- */

static const struct { const char *word; int direction; } change_words[] = {
  { "增加", 1 }, { "增长", 1 }, { "上升", 1 }, { "提高", 1 }, { "增", 1 }, { "多", 1 },
  { "减少", -1 }, { "下降", -1 }, { "降低", -1 }, { "压减", -1 }, { "减", -1 }, { "少", -1 },
};

/* The change word the words before a figure end with ("比上年减少"). */
static const char *
ends_with_change (const char *lead,
                  int        *direction)
{
  g_autofree char *trimmed = g_strdup (lead);

  if (g_str_has_suffix (trimmed, "了"))
    trimmed[strlen (trimmed) - strlen ("了")] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (change_words); i++)
    if (g_str_has_suffix (trimmed, change_words[i].word))
      {
        *direction = change_words[i].direction;
        return change_words[i].word;
      }
  return NULL;
}

typedef enum {
  UNIT_NONE,
  UNIT_WANYUAN,
  UNIT_YUAN,
  UNIT_YIYUAN,
  UNIT_PERCENT,
  UNIT_COUNT,
  UNIT_AREA,
  UNIT_THRESHOLD,   /* 50万元以上: a bound, not a figure */
} Unit;

static Unit
unit_at (const char *p,
         gsize      *length)
{
  static const struct { const char *text; Unit unit; } units[] = {
    { "万元以上", UNIT_THRESHOLD }, { "万元以下", UNIT_THRESHOLD }, { "万元及以上", UNIT_THRESHOLD },
    { "元以上", UNIT_THRESHOLD }, { "元以下", UNIT_THRESHOLD },
    { "万元", UNIT_WANYUAN }, { "亿元", UNIT_YIYUAN }, { "元", UNIT_YUAN },
    { "%", UNIT_PERCENT },
    { "平方米", UNIT_AREA },
    { "人次", UNIT_COUNT }, { "批次", UNIT_COUNT }, { "次", UNIT_COUNT },
    { "个", UNIT_COUNT }, { "辆", UNIT_COUNT }, { "人", UNIT_COUNT }, { "名", UNIT_COUNT },
    { "家", UNIT_COUNT }, { "台", UNIT_COUNT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_prefix (p, units[i].text))
      {
        *length = strlen (units[i].text);
        return units[i].unit;
      }
  *length = 0;
  return UNIT_NONE;
}

/* Reads "1,234.56" at p: the whole and the decimals as written. */
static gboolean
read_number (const char *p,
             gsize      *length,
             guint64    *whole,
             guint64    *fraction,
             guint      *decimals)
{
  const char *q = p;

  *whole = 0;
  *fraction = 0;
  *decimals = 0;
  while (g_ascii_isdigit (*q) ||
         (*q == ',' && q > p && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) && g_ascii_isdigit (q[3])))
    {
      if (*q != ',')
        {
          if (*whole >= GK_CHECK_FIGURE_LIMIT / 10)
            return FALSE;
          *whole = *whole * 10 + (*q - '0');
        }
      q++;
    }
  if (*q == '.' && g_ascii_isdigit (q[1]))
    {
      q++;
      while (g_ascii_isdigit (*q))
        {
          if (*decimals < 6)
            *fraction = *fraction * 10 + (*q - '0');
          (*decimals)++;
          q++;
        }
    }
  *length = q - p;
  return TRUE;
}

/* "4125.49、4143.91万元": the unit a pair's first figure leaves to its second. */
static Unit
unit_after_separator (const char *p)
{
  static const char * const separators[] = { "，", ",", "、" };
  gsize number_length, unit_length;
  guint64 whole, fraction;
  guint decimals;
  Unit unit;

  /* Along the list to the figure that writes it: "A、B、C万元". */
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    if (g_str_has_prefix (p, separators[i]))
      {
        p += strlen (separators[i]);
        if (!g_ascii_isdigit (*p) || !read_number (p, &number_length, &whole, &fraction, &decimals))
          return UNIT_NONE;
        unit = unit_at (p + number_length, &unit_length);
        if (unit == UNIT_NONE)
          return unit_after_separator (p + number_length);
        return unit == UNIT_WANYUAN || unit == UNIT_YUAN || unit == UNIT_YIYUAN || unit == UNIT_PERCENT
                 ? unit : UNIT_NONE;
      }
  return UNIT_NONE;
}

static void
claim_free (gpointer data)
{
  GkClaim *claim = data;

  g_free (claim->subject);
  g_free (claim->written);
  g_free (claim->whole);
  g_free (claim->reason);
  g_free (claim);
}

void
gk_claim_text_free (GkClaimText *text)
{
  if (text == NULL)
    return;
  g_free (text->id);
  g_free (text->text);
  g_ptr_array_unref (text->claims);
  g_free (text);
}

/* Counts named after the figure: "0家行政单位", "下设1个处室". */
static const char *
count_subject_after (const char *p)
{
  static const struct { const char *word; const char *subject; } after[] = {
    { "行政单位", "units:administrative" },
    { "事业单位", "units:institutions" },
    { "处室", "staff:offices" },
    { "科室", "staff:offices" },
    { "内设机构", "staff:offices" },
    { "职能科室", "staff:offices" },
    { "预算单位", "staff:units" },
    { "下属单位", "staff:units" },
    { "二级单位", "staff:units" },
    { "单位", "staff:units" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    if (g_str_has_prefix (p, after[i].word))
      return after[i].subject;
  return NULL;
}

static gboolean
convert_amount (GkDocument *document,
                Unit        unit,
                guint64     whole,
                guint64     fraction,
                guint       decimals,
                GkAmount   *amount,
                gboolean   *exact)
{
  GkMoneyUnit money = gk_document_get_money_unit (document);
  GkAmount written;
  gboolean rounded = FALSE;

  if (decimals > 2 || whole > (guint64) G_MAXINT64 / 1000000)
    return FALSE;
  written = (GkAmount) whole * 100 + (GkAmount) (decimals == 1 ? fraction * 10 : fraction);
  *exact = TRUE;
  switch (unit)
    {
    case UNIT_AREA:
      *amount = written;
      return TRUE;
    case UNIT_WANYUAN:
      if (!gk_amount_convert (written, GK_MONEY_UNIT_WANYUAN, money, amount, &rounded))
        return FALSE;
      *exact = !rounded;
      return TRUE;
    case UNIT_YIYUAN:
      if (!gk_amount_convert (written * 10000, GK_MONEY_UNIT_WANYUAN, money, amount, &rounded))
        return FALSE;
      *exact = !rounded;
      return TRUE;
    case UNIT_YUAN:
      if (!gk_amount_convert (written, GK_MONEY_UNIT_YUAN, money, amount, &rounded))
        return FALSE;
      *exact = !rounded;
      return TRUE;
    default:
      return FALSE;
    }
}

/* "持平", "无增减", "无变化" at p: the length of the word, else 0. */
static gsize
flat_at (const char *p)
{
  static const char * const words[] = { "持平", "无增减", "无变化" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (p, words[i]))
      return strlen (words[i]);
  return 0;
}

/* What "占…x%" is a share of: the words between 占 and the figure. NULL when
 * it names nothing ("占x%", "占比x%": the whole the paragraph divides), "-"
 * for a whole the reader does not know. */
static char *
share_whole (const char *words,
             guint       section)
{
  static const struct { const char *words; guint sections; const char *whole; } wholes[] = {
    { "一般公共预算支出", ~0u, "general-expenditure:total" },
    { "一般公共预算拨款", ~0u, "general-expenditure:total" },
    { "一般公共预算当年拨款", ~0u, "general-expenditure:total" },
    { "一般公共预算拨款支出", ~0u, "general-expenditure:total" },
    { "一般公共预算基本支出", ~0u, "basic-expenditure:total" },
    { "收入预算", ~0u, "income:total" },
    { "收入总预算", ~0u, "income:total" },
    { "总收入", ~0u, "income:total" },
    { "本年收入", ~0u, "income:total" },
    { "支出预算", ~0u, "expenditure:total" },
    { "支出总预算", ~0u, "expenditure:total" },
    { "总支出", ~0u, "expenditure:total" },
    { "本年支出", ~0u, "expenditure:total" },
    { "本年收入合计", S (GK_SECTION_FINAL_TOTALS) | S (GK_SECTION_FINAL_GENERAL), "final-summary:income-total" },
    { "本年支出合计", S (GK_SECTION_FINAL_TOTALS) | S (GK_SECTION_FINAL_GENERAL), "final-summary:expenditure-total" },
    { "基本支出", S (6), "basic-expenditure:total" },
    { "基本支出", S (5), "general-expenditure:basic" },
    { "基本支出", S (3), "expenditure:basic" },
    { "政府采购预算", ~0u, "procurement:total" },
    { "政府采购预算总额", ~0u, "procurement:total" },
    { "政府采购总额", ~0u, "procurement:total" },
    { "“三公”经费", ~0u, "sangong:total" },
    { "三公经费", ~0u, "sangong:total" },
    { "“三公”经费预算", ~0u, "sangong:total" },
  };
  g_autofree char *w = g_strdup (words);
  static const char * const tails[] = { "的比重为", "的比例为", "的比重", "的比例", "比重为", "比例为",
                                        "比重", "比例", "的", "比为", "比", "为" };

  for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
    if (g_str_has_suffix (w, tails[i]))
      {
        w[strlen (w) - strlen (tails[i])] = '\0';
        break;
      }
  if (w[0] == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (wholes); i++)
    if ((wholes[i].sections & S (section)) && g_str_equal (w, wholes[i].words))
      return g_strdup (wholes[i].whole);
  return g_strdup ("-");
}

/* +1 when a reason speaks of rises only ("人员增加"), -1 of falls only
 * ("压缩开支，减少接待次数"), 0 otherwise. */
static int
reason_direction (const char *reason)
{
  static const char * const rises[] = { "增加", "增长", "上升", "提高", "新增", "增多", "扩大", "上涨" };
  static const char * const falls[] = { "减少", "下降", "降低", "压减", "压缩", "核减", "缩减", "削减", "减员" };
  gboolean rise = FALSE, fall = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rises); i++)
    rise |= strstr (reason, rises[i]) != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (falls); i++)
    fall |= strstr (reason, falls[i]) != NULL;
  return rise == fall ? 0 : rise ? 1 : -1;
}

/* "较2024年的2190万元", "比上年的": the figure of a year compared with,
 * which is last year's, not this year's. */
static gboolean
names_compared_year (const char *lead,
                     guint       year)
{
  static const char * const tails[] = { "的", "预算数", "预算", "度", "同期" };
  static const char * const from[] = { "较", "比", "与", "由", "从" };
  g_autofree char *w = g_strdup (lead);
  const char *compared = NULL;
  gboolean stripped = TRUE;

  while (stripped)
    {
      stripped = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (tails); i++)
        if (g_str_has_suffix (w, tails[i]) && strlen (w) > strlen (tails[i]))
          {
            w[strlen (w) - strlen (tails[i])] = '\0';
            stripped = TRUE;
          }
    }
  for (guint i = 0; i < G_N_ELEMENTS (from); i++)
    {
      const char *at = g_strrstr (w, from[i]);

      if (at != NULL && (compared == NULL || at > compared))
        compared = at;
    }
  if (compared == NULL)
    return FALSE;
  compared = g_utf8_next_char (compared);
  if (g_str_equal (compared, "上年") || g_str_equal (compared, "去年"))
    return TRUE;
  return strlen (compared) == 4 + strlen ("年") && g_ascii_isdigit (compared[0]) &&
         g_ascii_isdigit (compared[1]) && g_ascii_isdigit (compared[2]) && g_ascii_isdigit (compared[3]) &&
         g_str_has_suffix (compared, "年") && (guint) g_ascii_strtoull (compared, NULL, 10) != year;
}

/* The clause a lead ends in: after its last comma, colon or stop. */
static const char *
clause_tail (const char *lead)
{
  static const char * const marks[] = { "，", "：", "、", "；", "。" };
  const char *tail = lead;

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *at = g_strrstr (lead, marks[i]);

      if (at != NULL && at + strlen (marks[i]) > tail)
        tail = at + strlen (marks[i]);
    }
  return tail;
}

/* A 决算 set against its 预算: "比预算增加", "与年初预算相比", "与2021年度预算相比"
 * (this year's), "决算数与预算数持平" — where the last comparison the words
 * make is with a 预算, not with last year. */
static gboolean
against_budget (const char *words,
                guint       year)
{
  static const char * const budget[] = { "比预算", "较预算", "与预算", "比年初预算", "较年初预算", "与年初预算",
                                         "对比年初预算", "对比预算" };
  static const char * const prior[] = { "上年", "去年", "同比", "上一年" };
  static const char * const from[] = { "与", "比", "较" };
  g_autofree char *in_year = g_strdup_printf ("%u年度预算", year);
  g_autofree char *in_year_short = g_strdup_printf ("%u年预算", year);
  const char * const this_year[] = { in_year, in_year_short };
  const char *last_budget = NULL, *last_prior = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (budget); i++)
    {
      const char *at = g_strrstr (words, budget[i]);

      if (at != NULL && (last_budget == NULL || at > last_budget))
        last_budget = at;
    }
  /* "与2021年度预算相比": this year's 预算, compared with. */
  for (guint i = 0; i < G_N_ELEMENTS (this_year); i++)
    {
      const char *at = g_strrstr (words, this_year[i]);

      for (guint f = 0; at != NULL && f < G_N_ELEMENTS (from); f++)
        if ((gsize) (at - words) >= strlen (from[f]) && strncmp (at - strlen (from[f]), from[f], strlen (from[f])) == 0 &&
            (last_budget == NULL || at > last_budget))
          last_budget = at;
    }
  for (guint i = 0; i < G_N_ELEMENTS (prior); i++)
    {
      const char *at = g_strrstr (words, prior[i]);

      if (at != NULL && (last_prior == NULL || at > last_prior))
        last_prior = at;
    }
  return last_budget != NULL && (last_prior == NULL || last_budget > last_prior);
}

/* Words that say what a change is against ("比上年", "同比", "较预算"). */
static gboolean
names_comparison (const char *clause)
{
  static const char * const words[] = { "比", "较", "与", "上年", "去年", "预算", "决算" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (clause, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* "支出预算为44.52万元", "年初预算为2.95万元": the clause says 预算 after the
 * last 决算, not as part of a source's name (一般公共预算). */
static gboolean
names_budget (const char *clause)
{
  static const char * const sources[] = { "一般公共预算", "政府性基金预算", "国有资本经营预算", "预算单位" };
  g_autofree char *w = g_strdup (clause);
  const char *budget, *final;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    for (char *at = strstr (w, sources[i]); at != NULL; at = strstr (at, sources[i]))
      memset (at, '_', strlen (sources[i]));
  budget = g_strrstr (w, "预算");
  final = g_strrstr (w, "决算");
  return budget != NULL && (final == NULL || budget > final);
}

/* "完成预算的95.5%", "完成年初预算的", "预算完成率为": a 决算 over its 预算. */
static gboolean
ends_with_completion (const char *lead)
{
  static const char * const words[] = { "完成预算的", "完成年初预算的", "完成预算", "完成年初预算", "为预算的",
                                        "为年初预算的", "预算完成率为", "预算完成率", "完成率为", "完成率",
                                        "预算执行率为", "执行率为" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_suffix (lead, words[i]))
      return TRUE;
  return FALSE;
}

/* "差值为0.9万元": how far a 决算 is from its 预算, without a direction.
 * Returns the word, else NULL. */
static const char *
ends_with_difference (const char *lead)
{
  static const char * const words[] = { "差值为", "差额为", "差值", "差额", "相差" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_suffix (lead, words[i]))
      return words[i];
  return NULL;
}

/* "决算数小于预算数", "决算数未超过2019年预算数": a 决算 against its 预算 in
 * words. Returns the length up to 预算, else 0. */
static gsize
budget_wording_at (const char *p,
                   int        *direction,
                   gboolean   *or_equal)
{
  static const struct { const char *word; int direction; gboolean or_equal; } words[] = {
    { "未超过", -1, TRUE }, { "没有超过", -1, TRUE }, { "不超过", -1, TRUE }, { "未超出", -1, TRUE },
    { "小于", -1, FALSE }, { "低于", -1, FALSE }, { "少于", -1, FALSE },
    { "大于", 1, FALSE }, { "高于", 1, FALSE }, { "多于", 1, FALSE }, { "超过", 1, FALSE }, { "超出", 1, FALSE },
  };
  const char *q = p;

  if (!g_str_has_prefix (q, "决算"))
    return 0;
  q += strlen ("决算");
  if (g_str_has_prefix (q, "数"))
    q += strlen ("数");
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (q, words[i].word))
      {
        const char *r = q + strlen (words[i].word);

        /* 预算 within a few characters ("2019年预算数"), in the same clause. */
        for (guint n = 0; *r != '\0' && n < 8; n++, r = g_utf8_next_char (r))
          {
            if (g_str_has_prefix (r, "预算"))
              {
                *direction = words[i].direction;
                *or_equal = words[i].or_equal;
                return r + strlen ("预算") - p;
              }
            if (g_str_has_prefix (r, "，") || g_str_has_prefix (r, "。") || g_str_has_prefix (r, "；"))
              break;
          }
        return 0;
      }
  return 0;
}

/**
 * gk_claim_text_parse:
 * @document: the document whose names the text may use
 * @id: the paragraph id ("s5.item.2010301") or a text location
 * @section: 1 … 10 of 情况说明, 0 for 单位概况
 * @text: the text as typed
 *
 * Returns: (transfer full): the figures the text states
 */
GkClaimText *
gk_claim_text_parse (GkDocument *document,
                     const char *id,
                     guint       section,
                     const char *text)
{
  GkClaimText *result = g_new0 (GkClaimText, 1);
  g_autoptr(GArray) names = NULL;
  g_autofree char *fallback = gk_check_default_subject (id);
  const char *t;
  gsize previous_end = 0;
  guint threshold = 0;
  GkSentenceScan scan;
  GkPairState pairs = { G_MAXSIZE, { 0 }, 0, NULL };

  result->id = g_strdup (id);
  result->section = section;
  result->text = gk_check_normalize (text);
  result->claims = g_ptr_array_new_with_free_func (claim_free);
  t = result->text;
  names = gk_check_find_names (document, t, section);
  /* In the paragraph of one 项 (k.final-general.2111101), 基本支出 and
   * 项目支出 are that 项's parts or words of its purpose ("人员支出，公用支出
   * 及项目支出，…支出决算为 X"), never the whole table's: their figures are
   * nobody's. */
  if (id != NULL && g_str_has_prefix (id, "k.final-general.") &&
      g_ascii_isdigit (id[strlen ("k.final-general.")]))
    for (guint i = 0; i < names->len; i++)
      {
        GkNameAt *named = &g_array_index (names, GkNameAt, i);

        if (named->subject != NULL && g_str_has_prefix (named->subject, "final-general:"))
          {
            g_free (named->subject);
            named->subject = g_strdup ("-");
          }
      }
  gk_check_sentence_scan_init (&scan, t);

  for (const char *p = t; *p != '\0'; )
    {
      gsize offset = p - t, number_length, unit_length;
      gsize sentence = gk_check_sentence_scan_to (&scan, offset);
      gsize from = sentence;
      guint64 whole, fraction;
      guint decimals;
      Unit unit;
      g_autofree char *lead = NULL;
      gboolean in_reason;
      const char *item;
      const char *word;
      int direction = 0;
      GkClaim *claim;
      gboolean certain = FALSE;
      const char *share = NULL;
      const char *subject;
      gsize flat, wording;
      gboolean or_equal = FALSE;

      /* 与上年持平: a change without a figure; "基本持平" says no figure. */
      flat = flat_at (p);
      if (flat > 0)
        {
          g_autofree char *before = g_strndup (t + from, offset - from);

          subject = gk_check_subject_at (names, t, from, offset, fallback, &certain);
          p += flat;
          previous_end = p - t;
          /* A bare "与上年持平" in a sentence that names nothing is no one's. */
          if (subject == NULL || !certain || gk_check_in_reason (t, from, offset) || g_str_has_suffix (before, "基本"))
            continue;
          claim = g_new0 (GkClaim, 1);
          claim->kind = GK_CLAIM_CHANGE;
          claim->subject = g_strdup (subject);
          claim->certain = certain;
          claim->exact = TRUE;
          claim->offset = offset;
          claim->budget = against_budget (clause_tail (before), gk_document_get_year (document));
          claim->written = g_strdup ("持平");
          g_ptr_array_add (result->claims, claim);
          continue;
        }

      /* 决算数小于预算数: the direction of a 决算 against its 预算. */
      wording = budget_wording_at (p, &direction, &or_equal);
      if (wording > 0)
        {
          g_autofree char *before = g_strndup (t + from, offset - from);

          subject = gk_check_subject_at (names, t, from, offset, fallback, &certain);
          claim = NULL;
          if (subject != NULL && strstr (before, "原因") == NULL)
            {
              claim = g_new0 (GkClaim, 1);
              claim->kind = GK_CLAIM_CHANGE;
              claim->subject = g_strdup (subject);
              claim->certain = certain;
              claim->exact = TRUE;
              claim->offset = offset;
              claim->budget = TRUE;
              claim->wording = TRUE;
              claim->direction = direction;
              claim->or_equal = or_equal;
              claim->written = g_strndup (p, wording + (g_str_has_prefix (p + wording, "数") ? strlen ("数") : 0));
              g_ptr_array_add (result->claims, claim);
            }
          p += wording;
          previous_end = p - t;
          continue;
        }

      if (!g_ascii_isdigit (*p) || (p > t && (g_ascii_isdigit (p[-1]) || p[-1] == '.')))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (!read_number (p, &number_length, &whole, &fraction, &decimals))
        {
          p += 1;
          continue;
        }
      unit = unit_at (p + number_length, &unit_length);
      if (unit == UNIT_NONE && section == GK_SECTION_FINAL_TOTALS &&
          gk_check_pair_at (names, sentence, offset) != NULL)
        unit = unit_after_separator (p + number_length);
      if (from < previous_end)
        from = previous_end;
      lead = g_strndup (t + from, offset - from);
      p += number_length + unit_length;

      if (unit == UNIT_THRESHOLD)
        {
          threshold = (guint) whole;
          previous_end = p - t;
          continue;
        }
      if (unit == UNIT_NONE)
        continue;
      previous_end = p - t;

      /* Last year's figure, said on the way to this year's change. */
      if ((unit == UNIT_WANYUAN || unit == UNIT_YUAN || unit == UNIT_YIYUAN) &&
          names_compared_year (lead, gk_document_get_year (document)))
        continue;

      /* What follows 原因 is free text, not a figure of the tables, but for
       * the change of a quantity it names alone; "1.上级补助收入8.38万元，…。较
       * 上年减少17.40万元" is of the item before. */
      in_reason = gk_check_in_reason (t, sentence, offset);
      if (!in_reason && unit == UNIT_PERCENT && !ends_with_completion (lead))
        share = g_strrstr (lead, "占");
      subject = in_reason || section != GK_SECTION_FINAL_TOTALS || share != NULL ? NULL
                : gk_check_pair_at (names, sentence, offset);
      certain = subject != NULL;
      if (in_reason)
        certain = (subject = unit == UNIT_COUNT || unit == UNIT_AREA ? NULL
                             : gk_check_reason_subject (names, t, sentence, offset)) != NULL;
      else if (subject == NULL)
        subject = gk_check_subject_at (names, t, sentence, share != NULL ? (gsize) (share - lead) + from : offset,
                                       fallback, &certain);
      item = certain || in_reason || share != NULL ? NULL
             : gk_check_item_subject (result->claims, t, sentence, offset, gk_document_get_year (document));
      if (item != NULL)
        {
          subject = item;
          certain = TRUE;
        }
      if (subject == NULL)
        continue;
      claim = g_new0 (GkClaim, 1);
      claim->offset = offset;
      claim->exact = TRUE;
      claim->decimals = decimals;
      claim->subject = g_strdup (subject);
      claim->certain = certain;
      claim->in_reason = in_reason;
      word = ends_with_change (lead, &direction);
      /* "各减少1267.86、2570.97万元": the pair's second figure has the first's word. */
      if (word == NULL && g_str_has_prefix (subject, "pair:") && pairs.word != NULL &&
          (g_str_equal (lead, "，") || g_str_equal (lead, ",") || g_str_equal (lead, "、")))
        {
          word = pairs.word;
          direction = pairs.direction;
        }
      claim->direction = direction;
      /* A change is against what the words since the last figure compare it with. */
      claim->budget = word != NULL ? against_budget (lead, gk_document_get_year (document))
                                   : names_budget (clause_tail (lead));

      switch (unit)
        {
        case UNIT_PERCENT:
          if (decimals > 2)
            goto skip;
          claim->value = (gint64) whole;
          for (guint d = 0; d < decimals; d++)
            claim->value *= 10;
          claim->value += fraction;
          if (ends_with_completion (lead))
            {
              claim->kind = GK_CLAIM_COMPLETION;
              claim->budget = FALSE;
              claim->written = g_strdup_printf ("%s%.*s%%", clause_tail (lead), (int) number_length, t + offset);
            }
          else if (share != NULL)
            {
              claim->kind = GK_CLAIM_SHARE;
              claim->whole = share_whole (share + strlen ("占"), section);
              claim->written = g_strdup_printf ("%s%.*s%%", share, (int) number_length, t + offset);
            }
          else if (word != NULL)
            {
              claim->kind = GK_CLAIM_PERCENT;
              claim->written = g_strdup_printf ("%s%.*s%%", word, (int) number_length, t + offset);
            }
          else
            goto skip;
          break;

        case UNIT_COUNT:
          if (decimals > 0)
            goto skip;
          claim->kind = word != NULL ? GK_CLAIM_CHANGE : GK_CLAIM_COUNT;
          claim->value = (gint64) MIN (whole, (guint64) G_MAXINT64);
          if (g_str_has_prefix (t + offset + number_length, "家") ||
              g_str_has_prefix (t + offset + number_length, "个"))
            {
              const char *named = count_subject_after (p);
              if (named != NULL)
                {
                  g_free (claim->subject);
                  claim->subject = g_strdup (named);
                }
            }
          else if (g_str_has_prefix (t + offset + number_length, "台") && threshold != 0)
            {
              g_free (claim->subject);
              claim->subject = g_strdup_printf ("%s:%u",
                                                g_str_equal (id, "s10.assets.planned") ? "planned" : "equipment",
                                                threshold);
            }
          else if (g_str_has_prefix (t + offset + number_length, "辆") &&
                   g_str_equal (id, "s10.assets.planned"))
            {
              g_free (claim->subject);
              claim->subject = g_strdup ("planned:vehicles");
            }
          if (!gk_check_count_claim (document, t, section, sentence, offset, number_length + unit_length, claim))
            goto skip;
          claim->written = g_strdup_printf ("%s%.*s", word ? word : "",
                                            (int) (number_length + unit_length), t + offset);
          break;

        case UNIT_WANYUAN:
        case UNIT_YUAN:
        case UNIT_YIYUAN:
        case UNIT_AREA:
          if (!convert_amount (document, unit, whole, fraction, decimals, &claim->value, &claim->exact))
            goto skip;
          /* The unit written decides how the figure is compared: in it. */
          if (unit == UNIT_WANYUAN || unit == UNIT_YUAN || unit == UNIT_YIYUAN)
            {
              claim->money = TRUE;
              claim->unit = unit == UNIT_YUAN ? GK_MONEY_UNIT_YUAN : GK_MONEY_UNIT_WANYUAN;
              claim->yiyuan = unit == UNIT_YIYUAN;
              claim->stated = (GkAmount) whole * 100 + (GkAmount) (decimals == 1 ? fraction * 10 : fraction);
            }
          claim->kind = word != NULL ? GK_CLAIM_CHANGE : GK_CLAIM_AMOUNT;
          if (word == NULL && (word = ends_with_difference (lead)) != NULL)
            {
              claim->kind = GK_CLAIM_CHANGE;
              claim->budget = TRUE;
              claim->magnitude = TRUE;
            }
          claim->area = unit == UNIT_AREA;
          claim->written = g_strdup_printf ("%s%.*s", word ? word : "",
                                            (int) (number_length + unit_length), t + offset);
          break;

        case UNIT_NONE:
        case UNIT_THRESHOLD:
        default:
          goto skip;
        }
      if (g_str_has_prefix (claim->subject, "pair:"))
        {
          const char *paired = gk_check_pair_subject (names, sentence, offset, claim->kind, &pairs);

          if (paired == NULL || g_str_equal (paired, "-"))
            goto skip;
          g_free (claim->subject);
          claim->subject = g_strdup (paired);
          if (word != NULL && word != pairs.word)
            {
              g_free (pairs.word);
              pairs.word = g_strdup (word);
              pairs.direction = direction;
            }
        }
      /* "比预算减少0.5万元，下降25%", "比预算数减少9.43亿元 …；公务接待费5.42亿元，
       * 减少3.77亿元": a change that says against what goes with the change
       * before it. */
      if ((claim->kind == GK_CLAIM_PERCENT || (claim->kind == GK_CLAIM_CHANGE && !claim->magnitude)) &&
          !claim->budget && !names_comparison (clause_tail (lead)))
        for (guint i = result->claims->len; i > 0; i--)
          {
            GkClaim *before = result->claims->pdata[i - 1];

            if (before->kind != GK_CLAIM_CHANGE || before->wording || before->magnitude)
              continue;
            claim->budget = before->budget;
            break;
          }
      /* "预算为20万元，其中：因公出国（境）费0万元，公务接待费9万元": the
       * parts of a 预算 listed after it are 预算 too. */
      if (claim->kind == GK_CLAIM_AMOUNT && !claim->budget && result->claims->len > 0)
        {
          GkClaim *before = result->claims->pdata[result->claims->len - 1];
          const char *tail = clause_tail (lead);

          claim->budget = before->kind == GK_CLAIM_AMOUNT && before->budget && before->offset >= sentence &&
                          strstr (tail, "决算") == NULL && strstr (tail, "支出") == NULL && strstr (tail, "实际") == NULL;
        }
      g_ptr_array_add (result->claims, claim);
      continue;
    skip:
      claim_free (claim);
    }

  /* A change has its reason when 原因 follows before the next change. */
  for (guint i = 0; i < result->claims->len; i++)
    {
      GkClaim *claim = result->claims->pdata[i];
      gsize end = strlen (t);
      const char *reason;

      if (claim->kind != GK_CLAIM_CHANGE && claim->kind != GK_CLAIM_PERCENT)
        continue;
      for (guint j = i + 1; j < result->claims->len; j++)
        {
          GkClaim *next = result->claims->pdata[j];
          if (next->kind == GK_CLAIM_CHANGE || (claim->kind == GK_CLAIM_PERCENT && next->kind == GK_CLAIM_PERCENT))
            {
              end = next->offset;
              break;
            }
        }
      reason = g_strstr_len (t + claim->offset, end - claim->offset, "原因");
      /* A change given as a reason needs none of its own. */
      claim->has_reason = reason != NULL || claim->in_reason;
      if (reason != NULL)
        {
          const char *stop = reason;

          while (*stop != '\0' && !g_str_has_prefix (stop, "。") && !g_str_has_prefix (stop, "；") &&
                 *stop != '\n')
            stop = g_utf8_next_char (stop);
          claim->reason = g_strndup (reason, stop - reason);
          claim->reason_direction = reason_direction (claim->reason);
        }
    }
  gk_check_pair_state_clear (&pairs);
  gk_check_counts_settle (result);
  result->scanned = scan.read;
  return result;
}
