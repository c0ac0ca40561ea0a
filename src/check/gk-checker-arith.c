/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-checker-private.h"

/* A sentence's own arithmetic. "机关运行经费支出185.41万元，比上年增加4.68万元，
 * 增长2.60%" states three figures that must agree among themselves, whether
 * or not a table holds the quantity: the figure compared with is this
 * year's less the change (180.73), and the percentage is the change over
 * that figure, never over this year's. Only the sentences that say it in
 * this one order are read — an amount, then comparisons each made of
 * against what, the change and its percentage — so that the three figures
 * are certainly of one quantity and one comparison.
 *
 * A figure written rounded states every figure that rounds to it (as
 * gk_check_claim_states() reads a 万元 figure of a 元 document): a
 * percentage is wrong only when no figures that round to the written ones
 * give it, rounded as written. */

typedef enum {
  COMPARE_PRIOR,    /* 比上年, 同比, 较2024年度 */
  COMPARE_BUDGET,   /* 比年初预算, 与2025年度预算相比 */
} Compare;

typedef enum {
  UNIT_YUAN,
  UNIT_WANYUAN,
  UNIT_YIYUAN,
  UNIT_PERCENT,
  UNIT_NONE,
} Unit;

typedef struct
{
  gsize   offset;    /* of the number in the normalised text */
  gsize   end;       /* after its unit */
  gint64  value;     /* thousandths of the unit written */
  gint64  half;      /* half a step of the last decimal written, in thousandths */
  guint   decimals;
  Unit    unit;
} Figure;

typedef struct
{
  Compare compare;
  int     direction;          /* of the change word: +1 rise, -1 fall */
  const char *word;           /* the change word as written */
  const char *percent_word;
  gboolean has_before;        /* 较2024年的2190万元: the figure compared with */
  Figure   before;
  gboolean has_change;
  Figure   change;
  gboolean has_percent;
  Figure   percent;
  int      percent_direction;
  gsize    start;             /* where its words start */
  gsize    compared;          /* where the words of what it is against start */
  gsize    compared_length;
  gsize    end;               /* and end */
} Group;

static const struct { const char *word; int direction; } change_words[] = {
  { "增加", 1 }, { "增长", 1 }, { "上升", 1 }, { "提高", 1 },
  { "减少", -1 }, { "下降", -1 }, { "降低", -1 }, { "压减", -1 },
};

static const struct { const char *word; int direction; } percent_words[] = {
  { "增长率为", 1 }, { "增长率", 1 }, { "增幅为", 1 }, { "增幅", 1 }, { "下降率为", -1 }, { "降幅为", -1 },
  { "降幅", -1 }, { "增加", 1 }, { "增长", 1 }, { "上升", 1 }, { "提高", 1 }, { "减少", -1 }, { "下降", -1 },
  { "降低", -1 },
};

static gsize
word_at (const char *p,
         const char *word)
{
  return g_str_has_prefix (p, word) ? strlen (word) : 0;
}

/* A figure at @at: its number, as written, and the unit after it. */
static gboolean
figure_at (const char *t,
           gsize       at,
           Figure     *f)
{
  const char *p = t + at;
  const char *q = p;
  gint64 whole = 0, fraction = 0;
  guint decimals = 0;
  static const struct { const char *text; Unit unit; } units[] = {
    { "万元", UNIT_WANYUAN }, { "亿元", UNIT_YIYUAN }, { "元", UNIT_YUAN }, { "%", UNIT_PERCENT },
  };

  if (!g_ascii_isdigit (*p) || (at > 0 && (g_ascii_isdigit (p[-1]) || p[-1] == '.')))
    return FALSE;
  while (g_ascii_isdigit (*q) ||
         (*q == ',' && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) && g_ascii_isdigit (q[3])))
    {
      if (*q != ',')
        {
          if (whole >= GK_CHECK_FIGURE_LIMIT / 10)
            return FALSE;
          whole = whole * 10 + (*q - '0');
        }
      q++;
    }
  if (*q == '.' && g_ascii_isdigit (q[1]))
    for (q++; g_ascii_isdigit (*q); q++, decimals++)
      if (decimals < 3)
        fraction = fraction * 10 + (*q - '0');
  /* More than two decimals is a fault of its own (format.decimals). */
  if (decimals > 2)
    return FALSE;
  memset (f, 0, sizeof *f);
  f->offset = at;
  f->decimals = decimals;
  f->value = whole * 1000 + fraction * (decimals == 1 ? 100 : decimals == 2 ? 10 : 0);
  f->half = decimals == 2 ? 5 : decimals == 1 ? 50 : 500;
  f->unit = UNIT_NONE;
  f->end = q - t;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_prefix (q, units[i].text))
      {
        /* "50万元以上" is a bound, not a figure. */
        if (g_str_has_prefix (q + strlen (units[i].text), "以上") ||
            g_str_has_prefix (q + strlen (units[i].text), "以下"))
          return FALSE;
        f->unit = units[i].unit;
        f->end += strlen (units[i].text);
        break;
      }
  return TRUE;
}

static gboolean
is_money (const Figure *f)
{
  return f->unit == UNIT_YUAN || f->unit == UNIT_WANYUAN || f->unit == UNIT_YIYUAN;
}

static gsize
skip_comma (const char *t,
            gsize       at)
{
  return at + MAX (word_at (t + at, "，"), word_at (t + at, ","));
}

/* "比上年", "较2024年度决算数的", "与年初预算相比，", "同比": what a change is
 * against. Returns where its words end, 0 where they say no comparison. */
static gsize
comparison_at (const char *t,
               gsize       at,
               guint       year,
               Compare    *compare,
               Group      *group)
{
  static const char * const from[] = { "对比", "比", "较", "与" };
  static const char * const prior[] = { "上一年度", "上年度", "上一年", "上年", "去年" };
  static const char * const suffixes[] = { "同期", "预算", "决算", "执行", "支出", "实际", "数" };
  const char *p = t + at;
  gsize n = 0;
  gboolean said_budget = FALSE, this_year = FALSE, known = FALSE;

  if ((n = word_at (p, "同比")) > 0)
    {
      *compare = COMPARE_PRIOR;
      return at + n;
    }
  for (guint i = 0; n == 0 && i < G_N_ELEMENTS (from); i++)
    n = word_at (p, from[i]);
  if (n == 0)
    return 0;
  p += n;
  *compare = COMPARE_PRIOR;
  if ((n = word_at (p, "年初预算")) > 0 || (n = word_at (p, "预算")) > 0)
    {
      *compare = COMPARE_BUDGET;
      said_budget = known = TRUE;
      p += n;
    }
  for (guint i = 0; !known && i < G_N_ELEMENTS (prior); i++)
    if ((n = word_at (p, prior[i])) > 0)
      {
        known = TRUE;
        p += n;
      }
  if (!known && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
      g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
    {
      guint named = (guint) g_ascii_strtoull (p, NULL, 10);

      p += 4;
      if ((n = word_at (p, "年度")) == 0 && (n = word_at (p, "年")) == 0)
        return 0;
      p += n;
      if (named + 1 != year && named != year)
        return 0;
      this_year = named == year;
      known = TRUE;
    }
  if (!known)
    return 0;
  for (gboolean more = TRUE; more; )
    {
      more = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        if ((n = word_at (p, suffixes[i])) > 0)
          {
            said_budget |= g_str_equal (suffixes[i], "预算");
            p += n;
            more = TRUE;
          }
    }
  /* "与2025年度预算相比" in a 2025 document: this year's 预算. */
  if (this_year)
    {
      if (!said_budget)
        return 0;
      *compare = COMPARE_BUDGET;
    }
  if ((n = word_at (p, "的")) > 0)
    p += n;
  /* "较2024年的2190万元", "较上年2.08减少0.03万元": the figure compared with. */
  if (group != NULL && figure_at (t, p - t, &group->before))
    {
      if (group->before.unit == UNIT_PERCENT)
        return 0;
      group->has_before = TRUE;
      p = t + group->before.end;
    }
  if ((n = word_at (p, "相比")) > 0 || (n = word_at (p, "相较")) > 0)
    p = t + skip_comma (t, p - t + n);
  return p - t;
}

static gsize
change_word_at (const char  *p,
                int         *direction,
                const char **word)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_words); i++)
    if (g_str_has_prefix (p, change_words[i].word))
      {
        gsize n = strlen (change_words[i].word);

        *direction = change_words[i].direction;
        if (word != NULL)
          *word = change_words[i].word;
        return n + word_at (p + n, "了");
      }
  return 0;
}

static gsize
percent_word_at (const char  *p,
                 int         *direction,
                 const char **word)
{
  for (guint i = 0; i < G_N_ELEMENTS (percent_words); i++)
    if (g_str_has_prefix (p, percent_words[i].word))
      {
        gsize n = strlen (percent_words[i].word);

        *direction = percent_words[i].direction;
        *word = percent_words[i].word;
        n += word_at (p + n, "了");
        return n + word_at (p + n, "为");
      }
  return 0;
}

/* One comparison at @at: "，比上年增加4.68万元，增长2.60%". Returns where it
 * ends, 0 where the words are not one. */
static gsize
group_at (const char *t,
          gsize       at,
          guint       year,
          Group      *group)
{
  gsize p, n;

  memset (group, 0, sizeof *group);
  group->start = at;
  p = skip_comma (t, at);
  if ((n = comparison_at (t, p, year, &group->compare, group)) == 0)
    return 0;
  group->compared = p;
  group->compared_length = n - p;
  p = n;
  /* "与上年持平": a comparison without figures; the next may follow. */
  if ((n = word_at (t + p, "持平")) > 0 || (n = word_at (t + p, "无增减变化")) > 0 ||
      (n = word_at (t + p, "无增减")) > 0 || (n = word_at (t + p, "无变化")) > 0)
    return group->has_before ? 0 : p + n;
  if ((n = change_word_at (t + p, &group->direction, &group->word)) == 0)
    return 0;
  p += n;
  if (!figure_at (t, p, &group->change))
    return 0;
  if (group->change.unit == UNIT_PERCENT)
    {
      group->percent = group->change;
      group->percent_direction = group->direction;
      group->percent_word = group->word;
      group->has_percent = TRUE;
      memset (&group->change, 0, sizeof group->change);
      return group->percent.end;
    }
  if (!is_money (&group->change))
    return 0;
  group->has_change = TRUE;
  /* "较上年2.08减少0.03万元": the figure compared with in the change's unit. */
  if (group->has_before && group->before.unit == UNIT_NONE)
    group->before.unit = group->change.unit;
  p = group->change.end;
  at = skip_comma (t, p);
  /* "比上年增加4.68万元，同比增长2.59%": the same comparison again. */
  if (group->compare == COMPARE_PRIOR)
    at += word_at (t + at, "同比");
  if ((n = percent_word_at (t + at, &group->percent_direction, &group->percent_word)) > 0 &&
      figure_at (t, at + n, &group->percent) && group->percent.unit == UNIT_PERCENT)
    {
      group->has_percent = TRUE;
      return group->percent.end;
    }
  return p;
}

/* Comparisons one after another from @at: "，较年初预算数减少10.93万元，下降54.65%，较上年
 * 支出数减少0.71万元，下降7.83%". */
static GArray *
groups_from (const char *t,
             gsize       at,
             guint       year)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (Group));
  Group group;
  gsize end;

  while ((end = group_at (t, at, year, &group)) > 0)
    {
      group.end = end;
      g_array_append_val (groups, group);
      at = end;
    }
  return groups;
}

/* Sentences ---------------------------------------------------------------- */

static gboolean
sentence_end_at (const char *p)
{
  return *p == '\n' || g_str_has_prefix (p, "。") || g_str_has_prefix (p, "；") || g_str_has_prefix (p, "！") ||
         g_str_has_prefix (p, "？");
}

/* Where the sentence before the one starting at @sentence starts; FALSE
 * where none does. */
static gboolean
previous_sentence (const char *t,
                   gsize       sentence,
                   gsize      *start)
{
  const char *p, *end;

  if (sentence == 0)
    return FALSE;
  p = g_utf8_prev_char (t + sentence);
  if (!sentence_end_at (p))
    return FALSE;
  while (p > t && sentence_end_at (g_utf8_prev_char (p)))
    p = g_utf8_prev_char (p);
  end = p;
  while (p > t && !sentence_end_at (g_utf8_prev_char (p)))
    p = g_utf8_prev_char (p);
  if (p == end)
    return FALSE;
  *start = p - t;
  return TRUE;
}

/* "（一）", "一、", "1.", "1、", "（1）", "①": a numbered item begins at @p. */
static gboolean
numbered_at (const char *p)
{
  static const char * const han[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
  gunichar c = g_utf8_get_char (p);
  gboolean bracket = g_str_has_prefix (p, "（");

  if (c >= 0x2460 && c <= 0x2473)   /* ① … ⑳ */
    return TRUE;
  if (bracket)
    p += strlen ("（");
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      if (bracket)
        return g_str_has_prefix (p, "）");
      return (g_str_has_prefix (p, "、") || (*p == '.' && !g_ascii_isdigit (p[1])));
    }
  for (gboolean more = TRUE; more; )
    {
      more = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (han); i++)
        if (g_str_has_prefix (p, han[i]))
          {
            p += strlen (han[i]);
            more = TRUE;
          }
    }
  return bracket ? g_str_has_prefix (p, "）") : g_str_has_prefix (p, "、");
}

/* The one amount of money a numbered item states ("1.一般公共预算财政拨款收入
 * 382.17万元，为…。"), where the sentence before @sentence is one; FALSE
 * where it is not, or states more or fewer amounts. */
static gboolean
numbered_item_before (const char *t,
                      gsize       sentence,
                      gsize      *item,
                      Figure     *amount)
{
  guint n = 0;

  if (!previous_sentence (t, sentence, item) || !numbered_at (t + *item))
    return FALSE;
  for (gsize p = *item; p < sentence; )
    {
      Figure f;

      if (figure_at (t, p, &f))
        {
          if (is_money (&f))
            {
              *amount = f;
              n++;
            }
          p = MAX (f.end, p + 1);
        }
      else
        p = g_utf8_next_char (t + p) - t;
    }
  return n == 1;
}

/**
 * gk_check_item_subject:
 * @claims: the claims read so far (GkClaim)
 * @text: the normalised text
 * @sentence: where the figure's sentence starts
 * @offset: where the figure is
 *
 * "1.一般公共预算财政拨款收入382.17万元，为…。较2020年度决算数减少157.86万元，
 * 下降29.2%": a sentence that starts with its comparison names nothing; its
 * change is of the numbered item before it, where that item states one
 * amount of one quantity the reader knows.
 *
 * Returns: the subject of the change or percentage at @offset, or %NULL
 */
const char *
gk_check_item_subject (GPtrArray  *claims,
                       const char *text,
                       gsize       sentence,
                       gsize       offset,
                       guint       year)
{
  g_autoptr(GArray) groups = groups_from (text, sentence, year);
  const GkClaim *only = NULL;
  gboolean covered = FALSE;
  gsize item;
  Figure amount;

  for (guint i = 0; i < groups->len; i++)
    {
      const Group *g = &g_array_index (groups, Group, i);

      covered |= (g->has_change && g->change.offset == offset) || (g->has_percent && g->percent.offset == offset);
    }
  if (!covered || !numbered_item_before (text, sentence, &item, &amount))
    return NULL;
  for (guint i = 0; i < claims->len; i++)
    {
      const GkClaim *claim = claims->pdata[i];

      if (claim->offset < item || claim->offset >= sentence || claim->kind == GK_CLAIM_SHARE)
        continue;
      if (only != NULL)
        return NULL;
      only = claim;
    }
  if (only == NULL || only->kind != GK_CLAIM_AMOUNT || !only->money || !only->certain || only->budget ||
      only->offset != amount.offset || only->subject == NULL || g_str_equal (only->subject, "-"))
    return NULL;
  return only->subject;
}

/* Reasons ------------------------------------------------------------------ */

/* "主要原因：一是…；二是…": a reason that goes on over sentences numbered 二是,
 * 三是 … */
static gboolean
reason_goes_on (const char *p)
{
  static const char * const han[] = { "二", "三", "四", "五", "六", "七", "八", "九", "十" };

  for (guint i = 0; i < G_N_ELEMENTS (han); i++)
    if (g_str_has_prefix (p, han[i]) && g_str_has_prefix (p + strlen (han[i]), "是"))
      return TRUE;
  return FALSE;
}

/**
 * gk_check_in_reason:
 *
 * Returns: whether the figure at @offset is said in a reason: after 原因 in
 *   its sentence, or in the sentences 二是, 三是 … of a reason that began
 *   before
 */
gboolean
gk_check_in_reason (const char *text,
                    gsize       sentence,
                    gsize       offset)
{
  gsize start;

  if (g_strstr_len (text + sentence, offset - sentence, "原因") != NULL)
    return TRUE;
  while (reason_goes_on (text + sentence) && previous_sentence (text, sentence, &start))
    {
      if (g_strstr_len (text + start, sentence - start, "原因") != NULL)
        return TRUE;
      sentence = start;
    }
  return FALSE;
}

/**
 * gk_check_reason_subject:
 * @names: the names found in @text
 * @lead: where the words before the figure start (its clause)
 * @offset: where the figure is
 *
 * "主要原因是基本支出增加50万元": a change in a reason is read only where
 * its clause is nothing but a name the document knows, the change word
 * and the figure — "上年项目支出50万元", "新增XX项目支出50万元",
 * "基本支出增加50万元的培训经费" or "下拨了抚恤金74.31万元" may be of last
 * year, of a part or of nothing the tables hold.
 *
 * Returns: the subject of the change at @offset, or %NULL
 */
const char *
gk_check_reason_subject (GArray     *names,
                         const char *text,
                         gsize       lead,
                         gsize       offset)
{
  static const char * const openings[] = { "主要原因是", "主要原因为", "主要原因：", "原因主要是", "原因是", "原因为",
                                           "原因：", "主要是", "主要由于", "由于", "一是", "二是", "三是", "四是",
                                           "五是", "是" };
  const char *p = text + lead;
  gsize clause = lead;
  int direction;
  Figure figure;

  /* The clause the figure is in. */
  for (const char *q = p; (gsize) (q - text) < offset; q = g_utf8_next_char (q))
    if (sentence_end_at (q) || g_str_has_prefix (q, "，") || g_str_has_prefix (q, "：") || g_str_has_prefix (q, "、"))
      clause = g_utf8_next_char (q) - text;
  for (gboolean more = TRUE; more; )
    {
      more = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
        if (g_str_has_prefix (text + clause, openings[i]) && clause + strlen (openings[i]) < offset)
          {
            clause += strlen (openings[i]);
            more = TRUE;
            break;
          }
    }
  for (guint i = 0; i < names->len; i++)
    {
      const GkNameAt *named = &g_array_index (names, GkNameAt, i);
      gsize n;

      if (named->start != clause || named->subject == NULL || g_str_equal (named->subject, "-"))
        continue;
      n = change_word_at (text + named->end, &direction, NULL);
      if (n > 0 && named->end + n == offset && figure_at (text, offset, &figure) &&
          (text[figure.end] == '\0' || sentence_end_at (text + figure.end) || word_at (text + figure.end, "，") > 0 ||
           word_at (text + figure.end, "、") > 0))
        return named->subject;
    }
  return NULL;
}

/* The check ----------------------------------------------------------------- */

/* Whether the figure at @offset is one the checks of the tables compare:
 * a change or percentage of a quantity with last year's figure (or its
 * 预算数) entered. Those say it already, with the document's figures. */
static gboolean
compared_with_tables (GkCheckRun  *run,
                      GkClaimText *text,
                      gsize        offset)
{
  GkExplanation *explanation = gk_document_get_explanation (run->document);

  for (guint i = 0; i < text->claims->len; i++)
    {
      GkClaim *claim = text->claims->pdata[i];
      g_auto(GkCheckSubject) s = { 0 };
      const char *key = claim->subject;

      if (claim->offset != offset)
        continue;
      if (g_str_equal (text->id, "s5.scale"))
        key = "general-expenditure:total";
      if (!gk_check_resolve (run, key, &s) || !s.has_amount)
        return FALSE;
      if (claim->budget)
        return s.has_budget;
      if (s.prior_key == NULL)
        return FALSE;
      if (g_str_equal (s.prior_key, "sangong.vehicle"))
        return gk_explanation_lookup_prior (explanation, "sangong.vehicle") != NULL ||
               (gk_explanation_lookup_prior (explanation, "sangong.vehicle-purchase") != NULL &&
                gk_explanation_lookup_prior (explanation, "sangong.vehicle-operation") != NULL);
      return gk_explanation_lookup_prior (explanation, s.prior_key) != NULL;
    }
  return FALSE;
}

/* A figure in thousandths of its unit, as a message shows it: "180.73万元". */
static char *
figure_text (gint64      value,
             guint       decimals,
             Unit        unit)
{
  static const char * const units[] = { "元", "万元", "亿元", "%", "" };
  gint64 magnitude = value < 0 ? -value : value;
  gint64 scale = decimals == 2 ? 10 : decimals == 1 ? 100 : 1000;
  gint64 rounded = (magnitude + scale / 2) / scale;
  g_autofree char *number = NULL;

  if (decimals == 0)
    number = g_strdup_printf ("%" G_GINT64_FORMAT, rounded);
  else
    number = g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT, rounded / (decimals == 2 ? 100 : 10),
                              (int) decimals, rounded % (decimals == 2 ? 100 : 10));
  return g_strdup_printf ("%s%s%s", value < 0 ? "-" : "", number, units[unit]);
}

/* Whether some figures within @half of @change and of @base give @percent,
 * rounded as written: 100 × change / base within half a step of it. */
static gboolean
percent_possible (const Figure *change,
                  gint64        base,
                  gint64        base_half,
                  const Figure *percent)
{
  gint64 scale = percent->decimals == 2 ? 100 : percent->decimals == 1 ? 10 : 1;
  gint64 p = percent->value / (1000 / scale);    /* the percentage × 10^decimals */
  gint64 low_change = MAX (change->value - change->half, 0), high_change = change->value + change->half;
  gint64 low_base = base - base_half, high_base = base + base_half;
  gint64 a, b;

  /* At the top: 100 × high_change / low_base ≥ p − ½, i.e. 200·scale·high_change ≥ (2p − 1)·low_base;
   * at the bottom: 200·scale·low_change ≤ (2p + 1)·high_base. */
  if (__builtin_mul_overflow (high_change, 200 * scale, &a) || __builtin_mul_overflow (2 * p - 1, low_base, &b))
    return TRUE;
  if (a < b)
    return FALSE;
  if (__builtin_mul_overflow (low_change, 200 * scale, &a) || __builtin_mul_overflow (2 * p + 1, high_base, &b))
    return TRUE;
  return a <= b;
}

/* The words before a figure end in a change word: it is a change, not an
 * amount a comparison can follow. */
static gboolean
after_change_word (const char *t,
                   gsize       at)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_words); i++)
    {
      gsize n = strlen (change_words[i].word);

      if (at >= n && strncmp (t + at - n, change_words[i].word, n) == 0)
        return TRUE;
      if (at >= n + strlen ("了") && strncmp (t + at - n - strlen ("了"), change_words[i].word, n) == 0 &&
          strncmp (t + at - strlen ("了"), "了", strlen ("了")) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
check_group (GkCheckRun   *run,
             GkClaimText  *text,
             const Figure *amount,
             const Group  *g)
{
  const Figure *change = &g->change;
  guint decimals = MAX (amount->decimals, change->decimals);
  gint64 base, base_half, stated = g->direction * change->value;
  g_autofree char *amount_text = figure_text (amount->value, amount->decimals, amount->unit);
  g_autofree char *change_text = NULL;
  g_autofree char *base_text = NULL;
  g_autofree char *percent_text = NULL;
  g_autofree char *right = NULL;
  gint64 expected;

  if (!g->has_change || change->unit != amount->unit || (g->has_before && g->before.unit != amount->unit))
    return;
  {
    g_autofree char *figure = figure_text (change->value, change->decimals, change->unit);

    change_text = g_strconcat (g->word, figure, NULL);
  }
  if (g->has_before)
    {
      gint64 difference = amount->value - g->before.value;

      base = g->before.value;
      base_half = g->before.half;
      base_text = figure_text (base, g->before.decimals, amount->unit);
      if (ABS (difference - stated) > amount->half + g->before.half + change->half)
        {
          g_autofree char *difference_text = NULL;

          if (compared_with_tables (run, text, change->offset))
            return;
          difference_text = figure_text (difference, MAX (decimals, g->before.decimals), amount->unit);
          gk_check_report_text (run, "narrative.figure", text, NULL,
                                /* Translators: 1969万元, 2190万元, 减少211万元, 1969万元, 2190万元, -221万元 */
                                _("The text states %s against %s, but a change of “%s”: %s − %s is %s. "
                                  "Correct the figures."),
                                amount_text, base_text, change_text, amount_text, base_text, difference_text);
          return;
        }
    }
  else
    {
      base = amount->value - stated;
      base_half = amount->half + change->half;
      base_text = figure_text (base, decimals, amount->unit);
    }
  /* "增加0.5万元，增长100%" of nothing: no percentage to check; and one of
   * the other direction is a word, not arithmetic. */
  if (!g->has_percent || g->percent_direction != g->direction || base - base_half <= 0 ||
      percent_possible (change, base, base_half, &g->percent) ||
      compared_with_tables (run, text, g->percent.offset))
    return;
  if (!gk_check_ratio_percent (change->value, base, g->percent.decimals, &expected))
    return;
  {
    g_autofree char *written = figure_text (g->percent.value, g->percent.decimals, UNIT_PERCENT);
    g_autofree char *figure = gk_check_percent_text (expected, g->percent.decimals);

    percent_text = g_strconcat (g->percent_word, written, NULL);
    right = g_strconcat (g->percent_word, figure, NULL);
  }
  if (percent_possible (change, amount->value, amount->half, &g->percent))
    gk_check_report_text (run, "narrative.change-base", text, NULL,
                          /* Translators: 185.41万元, 增加4.68万元, 180.73万元, 增长2.52%, 185.41万元, 增长2.59% */
                          _("The text states %s, a change of “%s” against %s, and “%s”, which divides the change by "
                            "this year's %s; a change is divided by the figure it is against, which gives “%s”."),
                          amount_text, change_text, base_text, percent_text, amount_text, right);
  else
    {
      g_autofree char *expected_text = gk_check_percent_text (expected, g->percent.decimals);

      gk_check_report_text (run, "narrative.change-percent", text, NULL,
                            /* Translators: 185.41万元, 增加4.68万元, 180.73万元, 增长2.60%, 2.59%, 180.73万元, 增长2.59% */
                            _("The text states %s, a change of “%s” against %s, and “%s”; by these figures the "
                              "change is %s of %s. Write “%s”."),
                            amount_text, change_text, base_text, percent_text, expected_text, base_text, right);
    }
}

static void
check_text (GkCheckRun  *run,
            GkClaimText *text)
{
  const char *t = text->text;
  guint year = gk_document_get_year (run->document);
  gsize p = 0;

  while (t[p] != '\0')
    {
      g_autoptr(GArray) groups = NULL;
      Figure amount;
      gsize item;

      /* "1.上级补助收入8.38万元，为…。较2020年度决算数减少17.40万元": a
       * sentence that starts with its comparison, after a numbered item
       * of one amount. */
      if (p > 0 && sentence_end_at (g_utf8_prev_char (t + p)))
        {
          groups = groups_from (t, p, year);
          if (groups->len > 0 && !numbered_item_before (t, p, &item, &amount))
            g_array_set_size (groups, 0);
        }
      if ((groups == NULL || groups->len == 0) && figure_at (t, p, &amount))
        {
          g_clear_pointer (&groups, g_array_unref);
          if (is_money (&amount) && !after_change_word (t, p))
            groups = groups_from (t, amount.end, year);
          if (groups == NULL || groups->len == 0)
            {
              p = amount.end;
              continue;
            }
        }
      if (groups == NULL || groups->len == 0)
        {
          p = g_utf8_next_char (t + p) - t;
          continue;
        }
      for (guint i = 0; i < groups->len; i++)
        {
          Group *g = &g_array_index (groups, Group, i);
          const Group *next = i + 1 < groups->len ? &g_array_index (groups, Group, i + 1) : NULL;

          /* "比上年增加4.68万元，比上年增长2.59%": one comparison said twice. */
          if (g->has_change && !g->has_percent && next != NULL && !next->has_change && next->has_percent &&
              !next->has_before && !g->has_before && next->compared_length == g->compared_length &&
              strncmp (t + next->compared, t + g->compared, g->compared_length) == 0)
            {
              g->has_percent = TRUE;
              g->percent = next->percent;
              g->percent_direction = next->percent_direction;
              g->percent_word = next->percent_word;
              i++;
            }
          check_group (run, text, &amount, g);
        }
      p = g_array_index (groups, Group, groups->len - 1).end;
    }
}

static void
check_arithmetic (GkCheckRun *run)
{
  GPtrArray *texts = gk_check_hand_written_texts (run);

  for (guint i = 0; i < texts->len; i++)
    check_text (run, texts->pdata[i]);
}

static const GkCheckDef defs[] = {
  { .name = "narrative.arithmetic", .func = check_arithmetic,
    .reads = GK_CHECK_READS_HAND_WRITTEN | GK_CHECK_READS_PRIORS | GK_CHECK_READS_EXPLANATION |
             GK_CHECK_READS_PROJECTS | GK_CHECK_READS_META | GK_CHECK_READS_STRUCTURE,
    .tables = "*" },
};

const GkCheckDef *
gk_check_arith_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
