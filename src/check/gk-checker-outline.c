/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-checker-private.h"
#include "gk-fields.h"
#include "gk-final-facts.h"
#include "gk-narrative.h"

/* The kinds of paragraph an outline adds (ids "k.…") compare with last
 * year as the seed's do; what they still need is read from the composed
 * text itself, so the rule follows whatever the outline composes. */

/* The heading @id is printed under: its subheading, else its section's.
 * The whole text is composed for it, as the subheadings are numbered. */
static char *
heading_of (GkCheckRun *run,
            GPtrArray **composed,
            const char *id)
{
  GPtrArray *sections;

  if (*composed == NULL)
    *composed = gk_narrative_compose (run->document);
  sections = *composed;

  for (guint s = 0; s < sections->len; s++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (sections, s);
      const GkParagraph *heading = NULL;

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          if (paragraph->style == GK_PARAGRAPH_HEADING || paragraph->style == GK_PARAGRAPH_SUBHEADING)
            heading = paragraph;
          else if (g_str_equal (paragraph->id, id))
            return heading != NULL ? gk_paragraph_dup_text (heading) : gk_narrative_section_heading (section);
        }
    }
  return g_strdup (id);
}

/* A 决算's fact is typed in the figure editor of the paragraph stating it.
 * The vehicles' total is missing while no kind is typed: the kinds are
 * what is asked for. */
static void
report_final_fact (GkCheckRun        *run,
                   const GkParagraph *paragraph,
                   const char        *property,
                   GHashTable        *facts_reported,
                   GPtrArray        **composed)
{
  g_autofree char *heading = NULL;
  g_autofree char *key = g_strconcat ("final/", property, NULL);
  const char *name = g_str_has_prefix (property, "vehicles-") ? _("车辆 by kind") : gk_final_facts_name (property);
  GkFinding *finding;

  if (!g_hash_table_add (facts_reported, g_steal_pointer (&key)))
    return;
  heading = heading_of (run, composed, paragraph->id);
  finding = gk_check_report (run, "narrative.fact",
                             _("%s: 情况说明 states “%s”, which is not typed yet. "
                               "Type it in the paragraph’s figure editor, the button beside the paragraph on the 情况说明 page."),
                             heading, name);
  gk_finding_add_place (finding, "narrative", paragraph->id, NULL);
}

static void
report_missing (GkCheckRun        *run,
                const GkParagraph *paragraph,
                const GkSpan      *span,
                GHashTable        *facts_reported,
                GPtrArray        **composed)
{
  g_auto(GStrv) parts = g_strsplit (span->source, "/", 3);
  g_autofree char *what = NULL;
  GkFinding *finding;

  if (g_strv_length (parts) == 2 && g_str_equal (parts[0], "final"))
    {
      report_final_fact (run, paragraph, parts[1], facts_reported, composed);
      return;
    }

  /* A fact beside the tables: it is entered on the 单位概况 page. A sum
   * of facts is missing for a part of it, which is reported itself. */
  if (g_strv_length (parts) == 2 && (g_str_equal (parts[0], "explanation") || g_str_equal (parts[0], "overview")))
    {
      GType holder = g_str_equal (parts[0], "overview") ? GK_TYPE_OVERVIEW : GK_TYPE_EXPLANATION;

      /* A fact a sum needs is named once, where it is first missing. */
      if (gk_fields_lookup (holder, parts[1]) == NULL || !g_hash_table_add (facts_reported, g_strdup (span->source)))
        return;
      finding = gk_check_report (run, "narrative.fact",
                                 _("情况说明 states “%s”, which is not entered yet. Enter it on the 单位概况 page."),
                                 gk_narrative_fact_name (parts[1]));
      gk_finding_add_place (finding, "overview", NULL, parts[1]);
      gk_finding_add_place (finding, "narrative", paragraph->id, NULL);
      return;
    }
  if (g_strv_length (parts) != 3 || !g_str_equal (parts[0], "prior"))
    return;
  what = gk_narrative_describe_key (run->document, parts[1]);
  /* A 决算's paragraph takes last year's 决算 in its figure editor. */
  if (g_str_has_prefix (paragraph->id, "k.final") &&
      (g_str_equal (parts[2], "amount") || g_str_equal (parts[2], "reason")))
    {
      g_autofree char *heading = heading_of (run, composed, paragraph->id);
      gboolean amount = g_str_equal (parts[2], "amount");

      finding = gk_check_report (run, amount ? "narrative.prior-year" : "narrative.reason",
                                 amount ? _("%s: 情况说明 compares %s with last year’s 决算, which is not typed yet. "
                                            "Type it in the paragraph’s figure editor, the button beside the paragraph on the 情况说明 page.")
                                        : _("%s: %s changed from last year, but no reason is typed. "
                                            "Type it in the paragraph’s figure editor, the button beside the paragraph on the 情况说明 page."),
                                 heading, what);
    }
  else if (g_str_equal (parts[2], "amount"))
    finding = gk_check_report (run, "narrative.prior-year",
                               _("情况说明 compares %s with last year, but last year's figure is not entered. "
                                 "Enter it among last year's figures."), what);
  else if (g_str_equal (parts[2], "reason"))
    finding = gk_check_report (run, "narrative.reason",
                               _("%s changed from last year, but no reason is entered. "
                                 "Enter the reason among last year's figures."), what);
  else
    return;
  gk_finding_add_place (finding, "explanation", "prior-year", parts[1]);
  gk_finding_add_place (finding, "narrative", paragraph->id, NULL);
}

static void
check_kind_changes (GkCheckRun *run)
{
  /* Only the kinds a template adds ("k.…") are looked at: composing the
   * projects' paragraphs after every edit would be work thrown away. */
  static const char * const only[] = { "k.", NULL };
  g_autoptr(GPtrArray) sections = gk_narrative_compose_some (run->document, only);
  g_autoptr(GHashTable) facts_reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) composed = NULL;

  for (guint s = 0; s < sections->len; s++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          if (!g_str_has_prefix (paragraph->id, "k.") || paragraph->hand_written)
            continue;
          for (guint i = 0; i < paragraph->spans->len; i++)
            {
              const GkSpan *span = g_ptr_array_index (paragraph->spans, i);

              if (span->kind == GK_SPAN_MISSING && span->source != NULL)
                report_missing (run, paragraph, span, facts_reported, &composed);
            }
        }
    }
}

static const GkCheckDef defs[] = {
  { .name = "narrative.kind-changes", .func = check_kind_changes,
    .reads = GK_CHECK_READS_EVERYTHING },
};

const GkCheckDef *
gk_check_outline_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
