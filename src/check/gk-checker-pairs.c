/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-checker-private.h"

/* Names that stand for two figures at once. A 决算's 情况说明 says the
 * income and the expenditure side of its 总表 in one breath: "收、支总计各是
 * 4125.49、4143.91万元。与上年相比，收、支总计各减少1267.86、2570.97万元，各
 * 下降23.51%、38.28%", "收入、支出总计分别为A万元、B万元". Each name is paired
 * with its figure in order: of the figures of one kind (amounts, changes,
 * percentages) read after the paired name in its sentence, the first is the
 * income side's and the second the expenditure side's. A third figure of
 * the same kind is nobody's: the reader cannot tell whose it is. */

static const struct
{
  const char *name;         /* the subject gk-checker-names.c gives the paired name */
  const char *subjects[2];  /* income side, expenditure side */
} pairs[] = {
  { "pair:totals", { "final-summary:grand-total", "final-summary:expenditure-grand-total" } },
  { "pair:fiscal", { "final-fiscal-summary:grand-total", "final-fiscal-summary:expenditure-grand-total" } },
};

gboolean
gk_check_is_final_totals (const char *paragraph_id)
{
  static const char * const ids[] = { "k.final-totals", "k.final-income", "k.final-expenditure", "k.final-fiscal" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      gsize len = strlen (ids[i]);

      if (strncmp (paragraph_id, ids[i], len) == 0 && (paragraph_id[len] == '\0' || paragraph_id[len] == '.'))
        return TRUE;
    }
  return FALSE;
}

/* The last name before @offset in its sentence, if it is a paired one. */
static const GkNameAt *
pair_before (GArray *names,
             gsize   sentence,
             gsize   offset)
{
  const GkNameAt *last = NULL;

  for (guint i = 0; i < names->len; i++)
    {
      const GkNameAt *o = &g_array_index (names, GkNameAt, i);

      if (o->start >= sentence && o->end <= offset)
        last = o;
    }
  if (last == NULL || last->subject == NULL || !g_str_has_prefix (last->subject, "pair:"))
    return NULL;
  return last;
}

/* The paired name the figure at @offset follows in its sentence, with no
 * other name between ("pair:totals"), or %NULL. Its "、" does not end the
 * clause it names, as it would for gk_check_subject_at(); and
 * "4125.49、4143.91万元" writes its unit once, after the pair. */
const char *
gk_check_pair_at (GArray *names,
                  gsize   sentence,
                  gsize   offset)
{
  const GkNameAt *pair = pair_before (names, sentence, offset);

  return pair != NULL ? pair->subject : NULL;
}

/**
 * gk_check_pair_subject:
 * @kind: what the figure at @offset was read as
 * @state: what was read since the paired name
 *
 * Returns: the subject of the figure at @offset after a paired name, "-"
 *   for a figure of the pair that is nobody's (a third of its kind), or
 *   %NULL where no paired name speaks for it
 */
const char *
gk_check_pair_subject (GArray      *names,
                       gsize        sentence,
                       gsize        offset,
                       GkClaimKind  kind,
                       GkPairState *state)
{
  const GkNameAt *pair = pair_before (names, sentence, offset);
  guint index;

  if (pair == NULL)
    return NULL;
  if (state->phrase != pair->start)
    {
      memset (state->n, 0, sizeof state->n);
      state->phrase = pair->start;
      g_clear_pointer (&state->word, g_free);
      state->direction = 0;
    }
  if ((guint) kind >= G_N_ELEMENTS (state->n))
    return "-";
  index = state->n[kind]++;
  if (index >= 2)
    return "-";
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (g_str_equal (pairs[i].name, pair->subject))
      return pairs[i].subjects[index];
  return "-";
}

void
gk_check_pair_state_clear (GkPairState *state)
{
  g_clear_pointer (&state->word, g_free);
  memset (state, 0, sizeof *state);
  state->phrase = G_MAXSIZE;
}

/* "其中：一般公共预算财政拨款收入3859.16万元，占93.54%": a share in a 决算's
 * 收入决算 or 支出决算 paragraph that names no whole is of the 本年 合计 of its
 * side. */
const char *
gk_check_final_share_whole (const char *subject)
{
  static const char * const income[] = { "final-summary:general", "final-summary:fund", "final-summary:capital",
                                         "final-summary:superior", "final-summary:business",
                                         "final-summary:operating", "final-summary:affiliated",
                                         "final-summary:other" };

  if (subject == NULL)
    return NULL;
  if (g_str_has_prefix (subject, "final-income:") && !g_str_equal (subject, "final-income:total"))
    return "final-summary:income-total";
  for (guint i = 0; i < G_N_ELEMENTS (income); i++)
    if (g_str_equal (subject, income[i]))
      return "final-summary:income-total";
  if (g_str_has_prefix (subject, "final-expenditure:") && !g_str_equal (subject, "final-expenditure:total"))
    return "final-summary:expenditure-total";
  return NULL;
}
