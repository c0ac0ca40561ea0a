/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-checker-private.h"
#include "gk-narrative.h"

/* The rules of 情况说明 and 单位概况. A composed paragraph takes its figures
 * from the tables, so it is right by construction; what is checked is the
 * text the officer typed instead (hand-written paragraphs, the overview's
 * free text): every figure it states for something the document knows,
 * the shares, the changes against last year and their words and reasons,
 * the names of projects and of 表六's items. What the composed paragraphs
 * still need from the officer (last year's figures, reasons) is checked
 * from the document. */

static char *
change_phrase (GkCheckRun *run,
               GkMoneyUnit unit,
               GkAmount    delta)
{
  g_autofree char *amount = NULL;
  GkAmount magnitude = delta > 0 ? delta : -delta;
  GkAmount shown;

  if (delta == 0)
    return g_strdup ("持平");
  if (!gk_amount_convert (magnitude, gk_document_get_money_unit (run->document), unit, &shown, NULL))
    {
      shown = magnitude;
      unit = gk_document_get_money_unit (run->document);
    }
  amount = gk_amount_format_short (shown);
  return g_strdup_printf ("%s%s%s", delta > 0 ? "增加" : "减少", amount, gk_money_unit_to_string (unit));
}

/* Evaluating claims --------------------------------------------------------- */

typedef struct
{
  const char *subject;
  GkAmount    stated;        /* the change as written, signed by its word */
  gboolean    has_stated_this;
  GkAmount    stated_this;
  gboolean    word_reported;
} ChangeContext;

/* Last year's figure of `key`; 公务用车购置及运行费 is the sum of its two
 * parts when only they are entered. */
static gboolean
prior_amount (GkExplanation *explanation,
              const char    *key,
              GkAmount      *amount)
{
  GkPrior *prior = key != NULL ? gk_explanation_lookup_prior (explanation, key) : NULL;
  GkPrior *purchase, *operation;

  if (prior != NULL)
    {
      *amount = gk_prior_get_amount (prior);
      return TRUE;
    }
  if (g_strcmp0 (key, "sangong.vehicle") != 0)
    return FALSE;
  purchase = gk_explanation_lookup_prior (explanation, "sangong.vehicle-purchase");
  operation = gk_explanation_lookup_prior (explanation, "sangong.vehicle-operation");
  if (purchase == NULL || operation == NULL)
    return FALSE;
  return gk_amount_add (gk_prior_get_amount (purchase), gk_prior_get_amount (operation), amount);
}

/* "增长2.25%，主要原因是本年人员减少": a reason that speaks of the other
 * direction. */
static void
check_reason_direction (GkCheckRun     *run,
                        GkClaimText    *text,
                        GkClaim        *claim,
                        GkCheckSubject *s,
                        GkAmount        delta)
{
  int direction = delta > 0 ? 1 : delta < 0 ? -1 : 0;

  if (claim->reason == NULL || claim->reason_direction == 0 || direction == 0 ||
      claim->direction != direction || claim->reason_direction == direction)
    return;
  gk_check_report_text (run, "narrative.reason-direction", text, s,
                        _("The text says “%s” for %s, but gives as its reason “%s”, which speaks of a %s. "
                          "Check the change or its reason."),
                        claim->written, s->label, claim->reason,
                        claim->reason_direction > 0 ? _("rise") : _("fall"));
}

static void
check_change (GkCheckRun    *run,
              GkClaimText   *text,
              GkClaim       *claim,
              GkCheckSubject       *s,
              ChangeContext *context)
{
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  GkAmount last, delta, stated;
  g_autofree char *right = NULL;
  g_autofree char *this_text = NULL;
  g_autofree char *last_text = NULL;

  context->subject = claim->subject;
  context->word_reported = FALSE;

  if (s->has_change_count)
    {
      /* 单位概况: "在职14人，减少1人" against the entered change. */
      gint64 stated_change = claim->direction * claim->value;

      if (stated_change != s->change_count)
        gk_check_report_text (run, "overview.staff", text, s,
                   _("The text says “%s” for %s, but the change entered is %+d. "
                     "Correct the text or the figure."),
                   claim->written, s->label, (int) s->change_count);
      return;
    }
  if (!s->has_amount)
    return;

  if (!prior_amount (explanation, s->prior_key, &last))
    {
      if (s->prior_key != NULL)
        {
          g_autofree char *what = gk_narrative_describe_key (run->document, s->prior_key);

          gk_check_report_text (run, "narrative.prior-year", text, s,
                     _("The text states a change for %s (“%s”), but last year's figure is not entered, "
                       "so the change cannot be checked. Enter last year's figure (%s)."),
                     s->label, claim->written, what);
        }
      return;
    }

  if (!gk_amount_sub (s->amount, last, &delta))
    return;
  stated = claim->direction >= 0 ? claim->value : -claim->value;
  context->stated = stated;
  right = change_phrase (run, gk_check_claim_unit (run, claim), delta);
  this_text = gk_check_money_in (run, s->amount, gk_check_claim_unit (run, claim));
  last_text = gk_check_money_in (run, last, gk_check_claim_unit (run, claim));

  if ((delta > 0 && claim->direction < 0) || (delta < 0 && claim->direction > 0) ||
      (delta != 0 && claim->direction == 0 && g_str_equal (claim->written, "持平")) ||
      (delta == 0 && claim->direction != 0 && claim->value == 0))
    {
      GkFinding *finding;

      context->word_reported = TRUE;
      finding = gk_check_report_text (run, "narrative.change-word", text, s,
                 _("The text says “%s” for %s, but from %s last year to %s this year the change is “%s”."),
                 claim->written, s->label, last_text, this_text, right);
      /* "增加0万元" states the right figure in the wrong word: worth
       * correcting, not an error of the disclosure. */
      if (finding != NULL && delta == 0 && claim->value == 0)
        gk_finding_set_uncertain (finding, TRUE);
    }
  else if (!gk_check_claim_states (run, claim, delta > 0 ? delta : -delta))
    gk_check_report_text (run, "narrative.figure", text, s,
               _("The text says “%s” for %s, but from %s last year to %s this year the change is “%s”. "
                 "Write “%s”."),
               claim->written, s->label, last_text, this_text, right, right);

  if (!context->word_reported)
    check_reason_direction (run, text, claim, s, delta);
  if ((delta != 0 || claim->value != 0) && !claim->has_reason && !s->reason_optional)
    gk_check_report_text (run, "narrative.reason", text, s,
               _("The text states a change for %s (“%s”) without its reason. Add “主要原因是…”."),
               s->label, claim->written);
}

static void
check_percent (GkCheckRun    *run,
               GkClaimText   *text,
               GkClaim       *claim,
               GkCheckSubject       *s,
               ChangeContext *context)
{
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  gboolean same = context->subject != NULL && g_strcmp0 (context->subject, claim->subject) == 0;
  GkAmount last, delta;
  gint64 expected, other;
  g_autofree char *right = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *this_text = NULL;

  if (!s->has_amount || !prior_amount (explanation, s->prior_key, &last))
    return;
  if (!gk_amount_sub (s->amount, last, &delta))
    return;
  /* "增长0%" of nothing to nothing: the word is checked with the amount. */
  if (last == 0 && delta == 0 && claim->value == 0)
    return;
  last_text = gk_check_money_in (run, last, gk_check_text_unit (run));
  this_text = gk_check_money_in (run, s->amount, gk_check_text_unit (run));

  if (last == 0)
    {
      gk_check_report_text (run, "narrative.change-percent", text, s,
                 _("The text says “%s” for %s, but last year's figure is 0, against which no percentage "
                   "can be given. Leave the percentage out."),
                 claim->written, s->label);
      return;
    }
  if (!(same && context->word_reported) &&
      ((delta > 0 && claim->direction < 0) || (delta < 0 && claim->direction > 0)))
    {
      g_autofree char *phrase = change_phrase (run, gk_check_text_unit (run), delta);
      gk_check_report_text (run, "narrative.change-word", text, s,
                 _("The text says “%s” for %s, but from %s last year to %s this year the change is “%s”."),
                 claim->written, s->label, last_text, this_text, phrase);
      return;
    }
  if (!same)
    check_reason_direction (run, text, claim, s, delta);
  if (!gk_check_ratio_percent (delta, last, claim->decimals, &expected) || expected == claim->value)
    return;

  percent = gk_check_percent_text (expected, claim->decimals);
  right = g_strconcat (delta > 0 ? "增长" : "下降", percent, NULL);

  /* Worked out from the wrong change the text states: the percentage is
   * wrong too, and the auditor marks both; after a wrong word the whole
   * clause is of another figure, said once. */
  if (same && context->stated != delta &&
      gk_check_ratio_percent (context->stated, last, claim->decimals, &other) && other == claim->value)
    {
      if (!context->word_reported)
        gk_check_report_text (run, "narrative.change-percent", text, s,
                   _("The text says “%s” for %s, worked out from the wrong change it states; the change "
                     "from %s to %s is %s of last year's figure. Write “%s”."),
                   claim->written, s->label, last_text, this_text, percent, right);
    }
  else if ((gk_check_ratio_percent (delta, s->amount, claim->decimals, &other) && other == claim->value) ||
           (same && gk_check_ratio_percent (context->stated, s->amount, claim->decimals, &other) && other == claim->value))
    gk_check_report_text (run, "narrative.change-base", text, s,
               _("The text says “%s” for %s, which divides the change by this year's %s; a change is "
                 "divided by last year's %s, which gives “%s”."),
               claim->written, s->label, this_text, last_text, right);
  else
    gk_check_report_text (run, "narrative.change-percent", text, s,
               _("The text says “%s” for %s, but the change from %s to %s is %s of last year's figure. "
                 "Write “%s”."),
               claim->written, s->label, last_text, this_text, percent, right);
}

/* A list of the sums a text states: "车辆3辆 … 其中：一般公务用车3辆 …". */
typedef struct
{
  const char *whole;
  const char *parts[3];
  const char *rule;
} Sum;

static const Sum sums[] = {
  { "procurement:total", { "procurement:goods", "procurement:works", "procurement:services" },
    "explanation.procurement" },
  { "vehicles:total", { "vehicles:general", "vehicles:enforcement", "vehicles:other" },
    "explanation.vehicles" },
  { "staff:actual", { "staff:serving", "staff:retired", "staff:veteran" }, "overview.staff" },
};

/* What a text states must add up within itself too: its own total against
 * its own parts, and reserved amounts within the whole. */
static void
check_stated_sums (GkCheckRun  *run,
                   GkClaimText *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    for (guint kind = 0; kind < 2; kind++)
      {
        GkClaimKind wanted = kind == 0 ? GK_CLAIM_AMOUNT : GK_CLAIM_COUNT;
        gboolean have_whole = FALSE;
        gint64 whole = 0, parts = 0;
        guint n_parts = 0;

        for (guint c = 0; c < text->claims->len; c++)
          {
            GkClaim *claim = text->claims->pdata[c];

            if (claim->kind != wanted || claim->subject == NULL || claim->area)
              continue;
            if (g_str_equal (claim->subject, sums[i].whole))
              {
                have_whole = TRUE;
                whole = claim->value;
              }
            for (guint p = 0; p < G_N_ELEMENTS (sums[i].parts); p++)
              if (g_str_equal (claim->subject, sums[i].parts[p]))
                {
                  parts += claim->value;
                  n_parts++;
                }
          }
        if (have_whole && n_parts > 0 && whole != parts)
          {
            g_auto(GkCheckSubject) s = { 0 };
            g_autofree char *whole_text = NULL;
            g_autofree char *parts_text = NULL;

            gk_check_resolve (run, sums[i].whole, &s);
            whole_text = wanted == GK_CLAIM_AMOUNT ? gk_check_money (run, whole)
                                                   : g_strdup_printf ("%" G_GINT64_FORMAT, whole);
            parts_text = wanted == GK_CLAIM_AMOUNT ? gk_check_money (run, parts)
                                                   : g_strdup_printf ("%" G_GINT64_FORMAT, parts);
            gk_check_report_text (run, sums[i].rule, text, &s,
                       _("The text gives %s as %s, but the parts it lists add up to %s."),
                       s.label, whole_text, parts_text);
          }
      }

  /* Reserved for 中小企业 within the whole, 小微企业 within that. */
  {
    gint64 total = -1, sme = -1, micro = -1;

    for (guint c = 0; c < text->claims->len; c++)
      {
        GkClaim *claim = text->claims->pdata[c];

        if (claim->kind != GK_CLAIM_AMOUNT || claim->subject == NULL)
          continue;
        if (g_str_equal (claim->subject, "procurement:total"))
          total = claim->value;
        else if (g_str_equal (claim->subject, "procurement:sme"))
          sme = claim->value;
        else if (g_str_equal (claim->subject, "procurement:micro"))
          micro = claim->value;
      }
    if (micro >= 0 && sme >= 0 && micro > sme)
      {
        g_auto(GkCheckSubject) s = { 0 };

        gk_check_resolve (run, "procurement:micro", &s);
        gk_check_report_text (run, "explanation.procurement", text, &s,
                   _("The text reserves more for 小微企业 than for 中小企业 as a whole."));
      }
    if (sme >= 0 && total >= 0 && sme > total)
      {
        g_auto(GkCheckSubject) s = { 0 };

        gk_check_resolve (run, "procurement:sme", &s);
        gk_check_report_text (run, "explanation.procurement", text, &s,
                   _("The text reserves more for 中小企业 than the whole 政府采购预算."));
      }
  }
}

/* Words that say why 机关运行经费 is not the 公用经费 of 表六. */
static gboolean
explains_difference (const char *text)
{
  static const char * const words[] = { "口径", "不含", "不包括", "包含", "差异", "差额", "因为", "由于" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* A 决算 against its 预算: "比预算减少0.9万元", "差值为0.9万元",
 * "决算数小于预算数", "与预算数持平", each against the table's two columns. */
static void
check_budget_change (GkCheckRun     *run,
                     GkClaimText    *text,
                     GkClaim        *claim,
                     GkCheckSubject *s)
{
  GkAmount delta;
  g_autofree char *final_text = NULL;
  g_autofree char *budget_text = NULL;
  g_autofree char *right = NULL;
  gboolean flat_word = claim->direction == 0 && !claim->magnitude;

  if (!s->has_amount || !s->has_budget || !gk_amount_sub (s->amount, s->budget, &delta))
    return;
  final_text = gk_check_money_in (run, s->amount, gk_check_claim_unit (run, claim));
  budget_text = gk_check_money_in (run, s->budget, gk_check_claim_unit (run, claim));
  right = change_phrase (run, gk_check_claim_unit (run, claim), delta);

  if (claim->wording)
    {
      if (claim->or_equal ? delta <= 0 : (claim->direction > 0 ? delta > 0 : delta < 0))
        return;
    }
  else if (claim->magnitude)
    {
      if (gk_check_claim_states (run, claim, delta > 0 ? delta : -delta))
        return;
    }
  else if (flat_word ? delta == 0
                     : (delta > 0) == (claim->direction > 0) && delta != 0 &&
                       gk_check_claim_states (run, claim, delta > 0 ? delta : -delta))
    return;
  else if (!flat_word && delta == 0 && claim->value == 0)
    return;   /* "比预算增加0万元": the right figure */
  gk_check_report_text (run, "final.budget-change", text, s,
                        /* Translators: the words typed, the item, its 决算数, its 预算数, the difference */
                        _("The text says “%s” for %s, but its 决算数 is %s against a 预算数 of %s: “%s”."),
                        claim->written, s->label, final_text, budget_text, right);
}

/* "比预算减少10%": the difference over the 预算数. */
static void
check_budget_percent (GkCheckRun     *run,
                      GkClaimText    *text,
                      GkClaim        *claim,
                      GkCheckSubject *s)
{
  GkAmount delta;
  gint64 expected;
  g_autofree char *final_text = NULL;
  g_autofree char *budget_text = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *right = NULL;

  if (!s->has_amount || !s->has_budget || !gk_amount_sub (s->amount, s->budget, &delta) ||
      !gk_check_ratio_percent (delta, s->budget, claim->decimals, &expected))
    return;
  if (expected == claim->value && (delta == 0 || (delta > 0) == (claim->direction > 0)))
    return;
  percent = gk_check_percent_text (expected, claim->decimals);
  right = delta == 0 ? g_strdup ("持平") : g_strconcat (delta > 0 ? "增长" : "下降", percent, NULL);
  final_text = gk_check_money_in (run, s->amount, gk_check_text_unit (run));
  budget_text = gk_check_money_in (run, s->budget, gk_check_text_unit (run));
  gk_check_report_text (run, "final.budget-change", text, s,
                        _("The text says “%s” for %s, but its 决算数 is %s against a 预算数 of %s: “%s”."),
                        claim->written, s->label, final_text, budget_text, right);
}

/* "完成预算的95.5%": the 决算数 over the 预算数 of the table, as written. */
static void
check_completion (GkCheckRun     *run,
                  GkClaimText    *text,
                  GkClaim        *claim,
                  GkCheckSubject *s)
{
  gint64 expected;
  g_autofree char *percent = NULL;
  g_autofree char *final_text = NULL;
  g_autofree char *budget_text = NULL;

  if (!s->has_amount || !s->has_budget ||
      !gk_check_ratio_percent (s->amount, s->budget, claim->decimals, &expected) || expected == claim->value)
    return;
  percent = gk_check_percent_text (expected, claim->decimals);
  final_text = gk_check_money_in (run, s->amount, gk_check_text_unit (run));
  budget_text = gk_check_money_in (run, s->budget, gk_check_text_unit (run));
  gk_check_report_text (run, "final.completion-rate", text, s,
                        /* Translators: the words typed, the item, its 决算数, its 预算数, the right rate */
                        _("The text says “%s” for %s, but its 决算数 %s over its 预算数 %s is %s. Write “完成预算的%s”."),
                        claim->written, s->label, final_text, budget_text, percent, percent);
}

static void
check_claims (GkCheckRun  *run,
              GkClaimText *text,
              GPtrArray   *groups)
{
  ChangeContext context = { NULL, 0, FALSE, 0, FALSE };
  gboolean scale = g_str_equal (text->id, "s5.scale");

  for (guint c = 0; c < text->claims->len; c++)
    {
      GkClaim *claim = text->claims->pdata[c];
      const char *key = claim->subject;
      g_auto(GkCheckSubject) s = { 0 };
      guint mark;

      /* 规模变化 compares the whole 一般公共预算当年拨款, whatever it names. */
      if (scale && (claim->kind == GK_CLAIM_CHANGE || claim->kind == GK_CLAIM_PERCENT))
        key = "general-expenditure:total";
      if (!gk_check_resolve (run, key, &s))
        continue;
      mark = run->findings->len;

      switch (claim->kind)
        {
        case GK_CLAIM_AMOUNT:
          /* A 年初预算 stated in a 决算: of the 预算数 beside it, where the
           * table has one; the budget's own check reads the others. */
          if (claim->budget && (s.has_budget || s.final))
            {
              g_autofree char *right = NULL;

              if (!s.has_budget || gk_check_claim_states (run, claim, s.budget))
                break;
              right = gk_check_money_in (run, s.budget, gk_check_claim_unit (run, claim));
              gk_check_report_text (run, "narrative.figure", text, &s,
                         /* Translators: the figure typed, the item, the table's 预算数 */
                         _("The text states %s as the 预算数 of %s, but the table has %s. Write %s, or correct the table."),
                         claim->written, s.label, right, right);
              break;
            }
          if (claim->area ? !s.has_area : !s.has_amount)
            break;
          if (claim->area ? claim->exact && claim->value == s.area
                          : gk_check_claim_states (run, claim, s.amount))
            break;
          if (claim->area)
            {
              g_autofree char *area = gk_amount_format (s.area);
              gk_check_report_text (run, "narrative.figure", text, &s,
                         _("The text states %s for %s, but %s平方米 is entered. Correct the text or the figure."),
                         claim->written, s.label, area);
            }
          else if (g_str_equal (s.rule, "explanation.running-costs") && explains_difference (text->text))
            break;
          else
            {
              g_autofree char *right = gk_check_money_in (run, s.amount, gk_check_claim_unit (run, claim));
              gk_check_report_text (run, s.rule, text, &s,
                         _("The text states %s for %s, but the document has %s. Write %s, or correct the figures."),
                         claim->written, s.label, right, right);
            }
          break;

        case GK_CLAIM_COUNT:
          if (s.has_count && claim->value != s.count)
            gk_check_report_text (run, s.rule, text, &s,
                       _("The text states %s for %s, but the document has %d. "
                         "Correct the text or the figure."),
                       claim->written, s.label, (int) s.count);
          break;

        case GK_CLAIM_SHARE:
          gk_check_share (run, text, claim, &s, groups);
          break;

        case GK_CLAIM_CHANGE:
          if (claim->budget)
            {
              check_budget_change (run, text, claim, &s);
              break;
            }
          check_change (run, text, claim, &s, &context);
          context.subject = claim->subject;
          if (scale)
            context.subject = "general-expenditure:total";
          break;

        case GK_CLAIM_COMPLETION:
          check_completion (run, text, claim, &s);
          break;

        case GK_CLAIM_PERCENT:
          if (claim->budget)
            {
              check_budget_percent (run, text, claim, &s);
              break;
            }
          {
            GkClaim copy = *claim;

            copy.subject = (char *) key;
            check_percent (run, text, &copy, &s, &context);
          }
          break;

        default:
          break;
        }
      /* Not sure what the figure is of: a warning at most. */
      for (guint f = mark; !claim->certain && f < run->findings->len; f++)
        gk_finding_set_uncertain (run->findings->pdata[f], TRUE);
    }

  check_stated_sums (run, text);
}

/* Hand-written paragraphs, parsed once while they and the names they use
 * stay the same; a paragraph that did not change is not parsed again. */
typedef struct
{
  guint64    names_serial;
  guint64    text_serial;
  GPtrArray *texts;   /* GkClaimText, by id */
} Parsed;

static void
parsed_free (gpointer data)
{
  Parsed *parsed = data;

  g_ptr_array_unref (parsed->texts);
  g_free (parsed);
}

#define NAMES_READ (GK_CHECK_READS_META | GK_CHECK_READS_STRUCTURE)

GPtrArray *
gk_check_hand_written_texts (GkCheckRun *run)
{
  Parsed *parsed = gk_checker_get_cache (run->checker, "hand-written");
  guint64 names_serial = gk_checker_get_serial (run->checker, NAMES_READ);
  guint64 text_serial = gk_checker_get_serial (run->checker, GK_CHECK_READS_HAND_WRITTEN);
  GkExplanation *explanation;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GHashTable) before = NULL;
  Parsed *fresh;

  if (parsed != NULL && parsed->names_serial == names_serial && parsed->text_serial == text_serial)
    return parsed->texts;

  before = g_hash_table_new (g_str_hash, g_str_equal);
  if (parsed != NULL && parsed->names_serial == names_serial)
    for (guint i = 0; i < parsed->texts->len; i++)
      g_hash_table_insert (before, ((GkClaimText *) parsed->texts->pdata[i])->id, parsed->texts->pdata[i]);

  explanation = gk_document_get_explanation (run->document);
  ids = gk_explanation_dup_hand_written_ids (explanation);
  fresh = g_new0 (Parsed, 1);
  fresh->names_serial = names_serial;
  fresh->text_serial = text_serial;
  fresh->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_claim_text_free);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *raw = gk_explanation_get_hand_written (explanation, ids[i]);
      GkClaimText *known = g_hash_table_lookup (before, ids[i]);
      g_autofree char *normal = known != NULL ? gk_check_normalize (raw) : NULL;

      if (known != NULL && g_str_equal (normal, known->text))
        {
          guint index;

          /* Moved over from the old cache, which goes below. */
          if (g_ptr_array_find (parsed->texts, known, &index))
            g_ptr_array_steal_index_fast (parsed->texts, index);
          g_ptr_array_add (fresh->texts, known);
          continue;
        }
      g_ptr_array_add (fresh->texts,
                       gk_claim_text_parse (run->document, ids[i], gk_check_section_of (ids[i]), raw));
    }
  gk_checker_set_cache (run->checker, "hand-written", fresh, parsed_free);
  return fresh->texts;
}

/* "公务用车保有量12辆" in one paragraph and "保有量11辆" in another: one
 * count, stated twice, cannot be both. The first statement stands; each
 * later one that differs is named with both figures. */
static void
check_counts_twice (GkCheckRun *run,
                    GPtrArray  *texts)
{
  static const char * const once[] = { "vehicles:held", "sangong-count:abroad-groups", "sangong-count:abroad-people",
                                       "sangong-count:vehicles-bought", "sangong-count:reception-batches",
                                       "sangong-count:reception-people", "sangong-count:foreign-batches",
                                       "sangong-count:foreign-people" };

  for (guint k = 0; k < G_N_ELEMENTS (once); k++)
    {
      GkClaimText *first_text = NULL;
      GkClaim *first = NULL;

      for (guint i = 0; i < texts->len; i++)
        {
          GkClaimText *text = texts->pdata[i];

          for (guint c = 0; c < text->claims->len; c++)
            {
              GkClaim *claim = text->claims->pdata[c];
              GkFinding *finding;

              if (claim->kind != GK_CLAIM_COUNT || !claim->certain || g_strcmp0 (claim->subject, once[k]) != 0)
                continue;
              if (first == NULL)
                {
                  first = claim;
                  first_text = text;
                  continue;
                }
              if (claim->value == first->value)
                continue;
              finding = gk_check_report (run, "narrative.count-twice",
                                         /* Translators: 公务用车保有量11辆, k.final-sangong.vehicle, 公务用车保有量12辆, k.final-sangong.abroad */
                                         _("The text states “%s” in paragraph %s, but “%s” in paragraph %s. "
                                           "One count cannot have two values; correct the one that is wrong."),
                                         claim->written, text->id, first->written, first_text->id);
              gk_finding_add_place (finding, "narrative", text->id, NULL);
              gk_finding_add_place (finding, "narrative", first_text->id, NULL);
            }
        }
    }
}

static void
check_hand_written (GkCheckRun *run)
{
  GPtrArray *texts = gk_check_hand_written_texts (run);
  g_autoptr(GPtrArray) groups = NULL;
  GkTable *t8 = gk_document_get_table (run->document, "sangong");
  GkTable *t9 = gk_document_get_table (run->document, "fund-expenditure");

  if (texts->len == 0)
    return;
  groups = gk_check_share_groups (run);
  for (guint i = 0; i < texts->len; i++)
    {
      GkClaimText *text = texts->pdata[i];

      check_claims (run, text, groups);

      /* Sentences that state a figure without a number. */
      if (text->section == 9 && t9 != NULL && gk_check_column_total (t9, "total") != 0 &&
          (strstr (text->text, "没有使用") != NULL || strstr (text->text, "空表") != NULL))
        {
          g_auto(GkCheckSubject) s = { 0 };
          g_autofree char *amount = NULL;

          gk_check_resolve (run, "fund-expenditure:total", &s);
          amount = gk_check_money (run, s.amount);
          gk_check_report_text (run, "narrative.figure", text, &s,
                     _("The text says there is no 政府性基金 expenditure, but 表九 has %s."), amount);
        }
      if (g_str_equal (text->id, "s10.assets.planned") && strstr (text->text, "未安排购置车辆") != NULL &&
          t8 != NULL && gk_check_column_total (t8, "vehicle-purchase") != 0)
        {
          g_auto(GkCheckSubject) s = { 0 };
          g_autofree char *amount = NULL;

          gk_check_resolve (run, "sangong:vehicle-purchase", &s);
          amount = gk_check_money (run, s.amount);
          gk_check_report_text (run, "explanation.vehicles", text, &s,
                     _("The text says no vehicle purchase is planned, but 表八 budgets %s for 公务用车购置."),
                     amount);
        }
    }
  gk_check_share_sums (run, groups);
  check_counts_twice (run, texts);
}

/* 单位概况 ---------------------------------------------------------------------- */

static void
check_overview (GkCheckRun *run)
{
  GkOverview *overview = gk_document_get_overview (run->document);
  static const char * const texts[] = { "structure", "functions" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *value = g_str_equal (texts[i], "structure") ? gk_overview_get_structure (overview)
                                                              : gk_overview_get_functions (overview);
      g_autofree char *id = g_strconcat ("overview/", texts[i], NULL);
      g_autoptr(GkClaimText) text = NULL;
      g_autoptr(GPtrArray) groups = g_ptr_array_new ();

      if (value == NULL || value[0] == '\0')
        continue;
      text = gk_claim_text_parse (run->document, id, 0, value);
      check_claims (run, text, groups);

      if (strstr (text->text, "无下属") != NULL &&
          g_list_model_get_n_items (gk_overview_get_subordinate_units (overview)) > 0)
        {
          g_auto(GkCheckSubject) s = { 0 };

          gk_check_resolve (run, "staff:units", &s);
          gk_check_report_text (run, "overview.staff", text, &s,
                     _("The text says there are no subordinate units, but %d are listed."),
                     (int) s.count);
        }
    }
}

static const GkCheckDef defs[] = {
  { .name = "narrative.figures", .func = check_hand_written,
    .reads = GK_CHECK_READS_HAND_WRITTEN | GK_CHECK_READS_PRIORS | GK_CHECK_READS_EXPLANATION |
             GK_CHECK_READS_PROJECTS | GK_CHECK_READS_META | GK_CHECK_READS_STRUCTURE,
    .tables = "*" },
  { .name = "overview", .func = check_overview, .reads = GK_CHECK_READS_OVERVIEW },
};

const GkCheckDef *
gk_check_narrative_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
