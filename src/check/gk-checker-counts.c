/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gk-checker-private.h"

/* The counts a “三公” text states: “因公出国（境）团组0个、累计0人次”,
 * “国内公务接待共15批次（其中外事接待0批次），105人次”, “公务用车购置100辆”.
 * Each is claimed for the fact a 决算 types (sangong-abroad-groups …) only
 * where the words leave no doubt which count it is: the last thing the
 * sentence names before the figure (a bracket closed before it says nothing
 * of it), the unit, and no word that makes it another year's, a part, an
 * estimate or a plan. Anything else stays the “三公” item's, which has no
 * count: never a finding. */

typedef enum
{
  TOPIC_NONE,
  TOPIC_ABROAD,
  TOPIC_RECEPTION,  /* 接待, 公务接待: 国内 unless the sentence spoke of 外宾 or 国（境）外 */
  TOPIC_DOMESTIC,   /* 国内公务接待 */
  TOPIC_FOREIGN,    /* 外宾, 外事: within 国内公务接待 */
  TOPIC_OUTBOUND,   /* 国（境）外公务接待: no fact holds it */
  TOPIC_BOUGHT,
  TOPIC_HELD,
} Topic;

/* Brackets are read away before these are looked for: 国（境）外 is 国外. */
static const struct { const char *word; Topic topic; } topics[] = {
  { "国外公务接待", TOPIC_OUTBOUND }, { "国外接待", TOPIC_OUTBOUND }, { "境外公务接待", TOPIC_OUTBOUND },
  { "境外接待", TOPIC_OUTBOUND },
  { "外事接待", TOPIC_FOREIGN }, { "外宾接待", TOPIC_FOREIGN }, { "接待外宾", TOPIC_FOREIGN },
  { "接待外事", TOPIC_FOREIGN }, { "外宾", TOPIC_FOREIGN }, { "外事", TOPIC_FOREIGN },
  { "国内公务接待", TOPIC_DOMESTIC }, { "国内接待", TOPIC_DOMESTIC },
  { "公务接待", TOPIC_RECEPTION }, { "接待", TOPIC_RECEPTION },
  { "因公出国", TOPIC_ABROAD }, { "出国", TOPIC_ABROAD }, { "出境", TOPIC_ABROAD },
  { "团组", TOPIC_ABROAD }, { "组团", TOPIC_ABROAD },
  { "购置", TOPIC_BOUGHT }, { "购买", TOPIC_BOUGHT }, { "新购", TOPIC_BOUGHT },
  { "保有", TOPIC_HELD },
};

/* Words in the figure's clause that make it no count of this year's
 * whole: another year, an estimate, a part, a plan, a comparison. */
static const char * const doubtful[] = {
  "约", "近", "左右", "分别", "预计", "计划", "拟", "上年", "去年", "上一年", "同期", "同比", "比", "较",
  "参加", "其他单位", "组织的", "不含", "除",
};

/* Written after the figure: "20批次以上", "100余人次". */
static const char * const vague_after[] = { "以上", "以下", "左右", "余", "多" };

/* Units that say nothing else in a text: their figures are claimed here or
 * not at all. */
static const char * const own_units[] = { "人次", "批次", "次" };

/* @lead with every bracket that closed within it left out: what the
 * bracket says is not of the figure after it. */
static char *
without_closed_brackets (const char *lead)
{
  GString *out = g_string_new (NULL);
  gsize open[16];
  guint depth = 0;

  for (const char *p = lead; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_str_has_prefix (p, "（"))
        {
          if (depth < G_N_ELEMENTS (open))
            open[depth] = out->len;
          depth++;
        }
      else if (g_str_has_prefix (p, "）") && depth > 0)
        {
          depth--;
          if (depth < G_N_ELEMENTS (open))
            g_string_truncate (out, open[depth]);
          continue;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* "购置及运行维护费", "购置费", "购置支出": the item's name, not a purchase. */
static gboolean
names_item (const char *after)
{
  static const char * const words[] = { "及", "和", "费", "支出", "经费", "预算", "决算" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (after, words[i]))
      return TRUE;
  return FALSE;
}

typedef struct
{
  Topic  topic;
  gsize  start;           /* in the lead */
  gsize  end;
  gboolean other_before;  /* 外宾 or 国（境）外 named before it in the sentence */
} Named;

/* The last topic the lead names. */
static Named
last_named (const char *lead)
{
  Named last = { TOPIC_NONE, 0, 0, FALSE };
  gboolean other = FALSE;

  for (const char *p = lead; *p != '\0'; )
    {
      gsize best = 0;
      Topic topic = TOPIC_NONE;

      for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
        if (strlen (topics[i].word) > best && g_str_has_prefix (p, topics[i].word))
          {
            best = strlen (topics[i].word);
            topic = topics[i].topic;
          }
      if (best == 0 || (topic == TOPIC_BOUGHT && names_item (p + best)))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      last.other_before = other;
      last.topic = topic;
      last.start = p - lead;
      last.end = p - lead + best;
      if (topic == TOPIC_FOREIGN || topic == TOPIC_OUTBOUND)
        other = TRUE;
      p += best;
    }
  return last;
}

/* The clause the figure ends: from the last "，", "：" or "；" of @lead. */
static const char *
clause_of (const char *lead)
{
  static const char * const marks[] = { "，", "：", "；", "。" };
  const char *start = lead;

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      const char *at = g_strrstr (lead, marks[i]);

      if (at != NULL && at + strlen (marks[i]) > start)
        start = at + strlen (marks[i]);
    }
  return start;
}

/* A year other than the document's, written before the figure. */
static gboolean
names_other_year (const char *lead,
                  guint       year)
{
  for (const char *p = lead; *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
        (p == lead || !g_ascii_isdigit (p[-1])) && g_str_has_prefix (p + 4, "年") &&
        (guint) atoi (p) != year)
      return TRUE;
  return FALSE;
}

/* The fact a count of @unit after @named is, or NULL. */
static const char *
fact_of (Topic       topic,
         const char *unit,
         const char *between,
         const char *after,
         gboolean    group_word)
{
  gboolean people = g_str_equal (unit, "人次") || g_str_equal (unit, "人") || g_str_equal (unit, "名");
  gboolean batches = g_str_equal (unit, "批次") ||
                     ((g_str_equal (unit, "个") || g_str_equal (unit, "次")) && strstr (between, "批次") != NULL);
  gboolean groups = (g_str_equal (unit, "个") || g_str_equal (unit, "次")) && !batches &&
                    (group_word || strstr (between, "团") != NULL || g_str_has_prefix (after, "团"));

  switch (topic)
    {
    case TOPIC_ABROAD:
      return groups ? "abroad-groups" : people ? "abroad-people" : NULL;
    case TOPIC_RECEPTION:
    case TOPIC_DOMESTIC:
      return batches ? "reception-batches" : people ? "reception-people" : NULL;
    case TOPIC_FOREIGN:
      return batches ? "foreign-batches" : people ? "foreign-people" : NULL;
    case TOPIC_BOUGHT:
      return g_str_equal (unit, "辆") ? "vehicles-bought" : NULL;
    case TOPIC_NONE:
    case TOPIC_OUTBOUND:
    case TOPIC_HELD:
    default:
      return NULL;
    }
}

/* What the count at @offset of @text (the figure and its unit @length long)
 * is, as "sangong-count:abroad-groups", or NULL. */
static char *
count_subject (GkDocument *document,
               const char *text,
               gsize       sentence,
               gsize       offset,
               gsize       length)
{
  g_autofree char *raw = g_strndup (text + sentence, offset - sentence);
  g_autofree char *lead = without_closed_brackets (raw);
  g_autofree char *between = NULL;
  const char *figure_end = text + offset + length;
  const char *unit = text + offset;
  g_autofree char *unit_word = NULL;
  const char *clause = clause_of (lead);
  const char *fact;
  Named named;
  Topic topic;
  gboolean group_word;

  while (g_ascii_isdigit (*unit) || *unit == ',')
    unit++;
  unit_word = g_strndup (unit, figure_end - unit);

  for (guint i = 0; i < G_N_ELEMENTS (doubtful); i++)
    if (strstr (clause, doubtful[i]) != NULL)
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (vague_after); i++)
    if (g_str_has_prefix (figure_end, vague_after[i]))
      return NULL;
  if (names_other_year (lead, gk_document_get_year (document)))
    return NULL;

  named = last_named (lead);
  topic = named.topic;
  group_word = topic == TOPIC_ABROAD &&
               (g_str_has_prefix (lead + named.start, "团组") || g_str_has_prefix (lead + named.start, "组团"));
  /* "3个团组", "2个出国团组": named after the figure. */
  if (g_str_equal (unit_word, "个") &&
      (g_str_has_prefix (figure_end, "团组") || g_str_has_prefix (figure_end, "出国") ||
       g_str_has_prefix (figure_end, "因公出国")))
    {
      topic = TOPIC_ABROAD;
      group_word = TRUE;
      named.start = named.end = strlen (lead);
    }
  else if (topic == TOPIC_NONE)
    return NULL;
  /* A purchase is stated in its own clause: "公务用车购置100辆". */
  if (topic == TOPIC_BOUGHT && named.start < (gsize) (clause - lead))
    return NULL;
  /* A bare 接待 after 外宾 or 国（境）外 in the sentence may be either. */
  if (topic == TOPIC_RECEPTION && named.other_before)
    return NULL;
  between = g_strdup (lead + named.end);
  fact = fact_of (topic, unit_word, between, figure_end, group_word);
  return fact != NULL ? g_strconcat ("sangong-count:", fact, NULL) : NULL;
}

/**
 * gk_check_count_claim:
 * @document: the document the text is of
 * @text: the normalised text
 * @section: the text's section
 * @sentence: where the figure's sentence starts
 * @offset: where the figure starts
 * @length: the figure and its unit
 * @claim: the count read there, with the subject its sentence names
 *
 * Gives a “三公” count the fact it states ("sangong-count:reception-batches")
 * where the words are sure of it.
 *
 * Returns: %FALSE when the figure is nobody's: a unit such as 人次 that
 *   only the “三公” counts are read in, where they are not sure
 */
gboolean
gk_check_count_claim (GkDocument *document,
                      const char *text,
                      guint       section,
                      gsize       sentence,
                      gsize       offset,
                      gsize       length,
                      GkClaim    *claim)
{
  const char *unit = text + offset;
  gboolean own_unit = FALSE;
  g_autofree char *subject = NULL;

  while (g_ascii_isdigit (*unit) || *unit == ',')
    unit++;
  for (guint i = 0; i < G_N_ELEMENTS (own_units); i++)
    if (g_str_has_prefix (unit, own_units[i]) && (gsize) (unit - text) + strlen (own_units[i]) == offset + length)
      own_unit = TRUE;
  if (section == 8 && claim->kind == GK_CLAIM_COUNT)
    subject = count_subject (document, text, sentence, offset, length);
  if (subject == NULL)
    return !own_unit;
  g_free (claim->subject);
  claim->subject = g_steal_pointer (&subject);
  claim->certain = TRUE;
  return TRUE;
}

/* Whether the clause before @offset says the figure is a whole: "共计",
 * "累计". */
static gboolean
states_whole (const char *text,
              gsize       offset)
{
  static const char * const words[] = { "共计", "合计", "总计", "累计", "共" };
  /* 共 of its own, not of 公共. */
  g_autofree char *lead = g_strndup (text, offset);
  const char *clause = lead;
  const char *mark;

  /* "团组共计，0个": the word may end the clause before. */
  if ((mark = g_strrstr (lead, "。")) != NULL)
    clause = mark;
  if ((mark = g_strrstr (clause, "；")) != NULL)
    clause = mark;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *at = g_strrstr (clause, words[i]);
      const char *comma;

      if (at == NULL || (at - clause >= 3 && g_str_has_prefix (at - 3, "公")))
        continue;
      comma = strstr (at, "，");
      /* At most the one comma right after the word. */
      if (comma == NULL || strstr (comma + strlen ("，"), "，") == NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
same_sentence (const char *text,
               gsize       a,
               gsize       b)
{
  static const char * const ends[] = { "。", "；", "\n" };

  for (const char *p = text + a; p < text + b; p = g_utf8_next_char (p))
    for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
      if (g_str_has_prefix (p, ends[i]))
        return FALSE;
  return TRUE;
}

/**
 * gk_check_counts_settle:
 * @text: a parsed text
 *
 * One sentence stating one count twice ("本单位出国团组0个，参加其他单位组织的
 * 出国团组0个，全年因公出国（境）团组共计0个") gives its parts and then the
 * whole: the figure said to be the whole keeps the claim, the others are
 * nobody's; without such a word none is sure.
 */
void
gk_check_counts_settle (GkClaimText *text)
{
  GPtrArray *claims = text->claims;

  for (guint i = 0; i < claims->len; i++)
    {
      GkClaim *claim = claims->pdata[i];
      gboolean repeated = FALSE, other_whole = FALSE;

      if (claim->kind != GK_CLAIM_COUNT || claim->subject == NULL ||
          !g_str_has_prefix (claim->subject, "sangong-count:"))
        continue;
      for (guint j = 0; j < claims->len; j++)
        {
          GkClaim *other = claims->pdata[j];

          if (j == i || other->kind != GK_CLAIM_COUNT || g_strcmp0 (other->subject, claim->subject) != 0 ||
              !same_sentence (text->text, MIN (claim->offset, other->offset), MAX (claim->offset, other->offset)))
            continue;
          repeated = TRUE;
          if (states_whole (text->text, other->offset))
            other_whole = TRUE;
        }
      if (repeated && (other_whole || !states_whole (text->text, claim->offset)))
        claim->certain = FALSE;
    }
  for (guint i = 0; i < claims->len; i++)
    {
      GkClaim *claim = claims->pdata[i];

      if (claim->subject != NULL && g_str_has_prefix (claim->subject, "sangong-count:") && !claim->certain)
        {
          g_free (claim->subject);
          claim->subject = g_strdup ("-");
        }
    }
}
