/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-budget.h"
#include "gk-fields.h"
#include "gk-final-facts.h"
#include "gk-paragraph-fields.h"

/* Paragraphs that name only what is held or bought offer every fact they
 * could name: a kind of vehicle not held is not in the text, yet it is
 * typed there. */
static const struct { const char *id; const char *fields[10]; } paragraph_facts[] = {
  { "k.final-procurement",
    { "final/procurement-goods", "final/procurement-works", "final/procurement-services",
      "final/procurement-sme-goods", "final/procurement-sme-works", "final/procurement-sme-services",
      "final/procurement-micro" } },
  { "k.final-procurement-reserved",
    { "final/procurement-goods", "final/procurement-works", "final/procurement-services" } },
  { "k.final-procurement-reserved.sme",
    { "final/procurement-sme-reserved", "final/procurement-micro-reserved", "final/procurement-sme-reserved-awarded",
      "final/procurement-micro-reserved-awarded", "final/procurement-sme-other-awarded" } },
  { "k.final-assets",
    { "final/vehicles-ministerial", "final/vehicles-principal", "final/vehicles-confidential",
      "final/vehicles-emergency", "final/vehicles-enforcement", "final/vehicles-special",
      "final/vehicles-retired", "final/vehicles-other", "final/vehicles-other-use", "final/equipment-100" } },
};

GStrv
gk_paragraph_fields_of (const GkParagraph *paragraph)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (paragraph_facts); i++)
    if (g_strcmp0 (paragraph->id, paragraph_facts[i].id) == 0)
      for (guint k = 0; k < G_N_ELEMENTS (paragraph_facts[i].fields) && paragraph_facts[i].fields[k] != NULL; k++)
        {
          g_hash_table_add (seen, (gpointer) paragraph_facts[i].fields[k]);
          g_strv_builder_add (builder, paragraph_facts[i].fields[k]);
        }
  for (guint i = 0; i < paragraph->spans->len; i++)
    {
      const GkSpan *span = g_ptr_array_index (paragraph->spans, i);

      if (span->source == NULL)
        continue;
      if (!g_str_has_prefix (span->source, "final/") &&
          !(g_str_has_prefix (span->source, "budget/") &&
            (g_str_has_suffix (span->source, "/purpose") || g_str_has_suffix (span->source, "/reason"))))
        continue;
      if (g_hash_table_add (seen, span->source))
        g_strv_builder_add (builder, span->source);
    }
  return g_strv_builder_end (builder);
}

char *
gk_paragraph_field_describe (GkDocument *document,
                const char *source)
{
  if (g_str_has_prefix (source, "final/"))
    return g_strdup (gk_final_facts_name (source + strlen ("final/")));
  else
    {
      g_auto(GStrv) parts = g_strsplit (source, "/", 3);
      const char *dot = strchr (parts[1], '.');
      const char *code = dot != NULL ? dot + 1 : parts[1];
      const char *name = gk_document_get_code_name (document, GK_CLASSIFICATION_FUNCTION, code);

      if (g_str_equal (code, "total"))
        return g_strdup_printf ("%s：%s", g_str_has_prefix (parts[1], "sangong.") ? "“三公”经费" : "合计",
                                g_str_equal (parts[2], "purpose") ? "主要用于" : "决算数与年初预算不同的原因");
      return g_strdup_printf ("%s%s%s：%s", code, name != NULL ? " " : "", name != NULL ? name : "",
                              g_str_equal (parts[2], "purpose") ? "主要用于" : "决算数与年初预算不同的原因");
    }
}

static GParamSpec *
fact_pspec (GkDocument *document,
            const char *source)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (gk_document_get_final_facts (document)),
                                       source + strlen ("final/"));
}

/* The field's value as the entry shows it: a count not entered is blank. */
char *
gk_paragraph_field_text (GkDocument *document,
            const char *source)
{
  GkFinalFacts *facts = gk_document_get_final_facts (document);

  if (g_str_has_prefix (source, "final/"))
    {
      GParamSpec *pspec = fact_pspec (document, source);
      const char *property = source + strlen ("final/");

      if (pspec == NULL)
        return g_strdup ("");
      if (pspec->value_type == G_TYPE_INT)
        {
          int count = gk_final_facts_get_count (facts, property);
          return count == GK_FINAL_FACTS_UNSET ? g_strdup ("") : g_strdup_printf ("%d", count);
        }
      if (pspec->value_type == G_TYPE_INT64)
        return gk_final_facts_is_set (facts, property) ? gk_amount_format (gk_final_facts_get_amount (facts, property))
                                                       : g_strdup ("");
      return g_strdup (gk_final_facts_get_text (facts, property) ? gk_final_facts_get_text (facts, property) : "");
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (source, "/", 3);
      GkBudget *budget = gk_document_get_budget (document);
      const char *text = g_str_equal (parts[2], "purpose") ? gk_budget_get_purpose (budget, parts[1])
                                                           : gk_budget_get_reason (budget, parts[1]);

      return g_strdup (text != NULL ? text : "");
    }
}

/* Writes what was typed into a field, inside the caller's action. FALSE,
 * writing nothing, when a count or amount is not one. */
gboolean
gk_paragraph_field_apply (GkDocument *document,
             const char *source,
             const char *text,
             gboolean    check_only)
{
  if (g_str_has_prefix (source, "final/"))
    {
      GParamSpec *pspec = fact_pspec (document, source);
      GkFinalFacts *facts = gk_document_get_final_facts (document);
      const char *property = source + strlen ("final/");

      if (pspec == NULL)
        return FALSE;
      if (pspec->value_type == G_TYPE_INT)
        {
          guint64 count = 0;

          if (text[0] != '\0' && !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &count, NULL))
            return FALSE;
          if (!check_only)
            gk_document_set_int (document, facts, property, text[0] != '\0' ? (gint64) count : GK_FINAL_FACTS_UNSET);
          return TRUE;
        }
      if (pspec->value_type == G_TYPE_INT64)
        {
          GkAmount amount = 0;

          /* An amount that may be left out is blank until typed, and
           * never below nothing. */
          gboolean optional = G_PARAM_SPEC_INT64 (pspec)->minimum == GK_FIELD_UNSET_AMOUNT;

          if (text[0] != '\0' && !gk_amount_parse (text, GK_AMOUNT_PARSE_DEFAULT, &amount, NULL))
            return FALSE;
          if (optional && amount < 0)
            return FALSE;
          if (optional && text[0] == '\0')
            amount = GK_FIELD_UNSET_AMOUNT;
          if (!check_only)
            gk_document_set_int (document, facts, property, amount);
          return TRUE;
        }
      if (!check_only)
        gk_document_set_text (document, facts, property, text);
      return TRUE;
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (source, "/", 3);
      GkBudgetFigure *figure;

      if (check_only)
        return TRUE;
      /* A reason typed for a 项 the budget lacks keeps its 年初预算 at 0. */
      if (gk_budget_lookup (gk_document_get_budget (document), parts[1]) == NULL && text[0] == '\0')
        return TRUE;
      figure = gk_document_ensure_budget_figure (document, parts[1]);
      gk_document_set_text (document, figure, parts[2], text);
      return TRUE;
    }
}

