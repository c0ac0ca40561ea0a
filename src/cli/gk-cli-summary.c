/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-checker.h"
#include "gk-cli-private.h"
#include "gk-narrative.h"

/* A document of a thousand 项 can hold hundreds; the first ones say
 * what is missing, the count says how much. */
#define MAX_LISTED 20

/* The red placeholders of 情况说明 that reach the PDF, by section title
 * and paragraph. */
static guint
list_missing (GkDocument *document,
              GString    *places)
{
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  guint n = 0;

  for (guint s = 0; s < sections->len; s++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          for (guint i = 0; paragraph->spans != NULL && i < paragraph->spans->len; i++)
            {
              const GkSpan *span = g_ptr_array_index (paragraph->spans, i);

              if (span->kind != GK_SPAN_MISSING)
                continue;
              if (++n <= MAX_LISTED)
                g_string_append_printf (places, "  %s (%s) %s\n", section->title ? section->title : "",
                                        paragraph->id, span->text ? span->text : "");
            }
        }
    }
  return n;
}

/**
 * _gk_cli_pdf_summary:
 *
 * Prints one line on the PDF just written (its pages and the findings of
 * the checks), then what a reader should not see printed: the errors and
 * the placeholders still in red.
 *
 * Returns: %FALSE when the document has error-severity findings
 */
gboolean
_gk_cli_pdf_summary (GkDocument *document,
                     const char *out,
                     guint       n_pages)
{
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GString) places = g_string_new (NULL);
  guint n_errors = gk_checker_get_n_errors (checker);
  guint n_warnings = gk_checker_get_n_warnings (checker);
  guint n_missing = list_missing (document, places);
  g_autofree char *pages = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);
  g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

  /* TRANSLATORS: after --export-pdf: "out.pdf: 22 pages; checks: 0 errors, 1 warning" */
  g_print (_("%s: %s; checks: %s, %s\n"), out, pages, errors, warnings);
  if (n_missing > 0)
    {
      g_print (ngettext ("%u placeholder still to fill in is printed in red:\n",
                         "%u placeholders still to fill in are printed in red:\n", n_missing), n_missing);
      g_print ("%s", places->str);
      if (n_missing > MAX_LISTED)
        /* TRANSLATORS: after the first placeholders of a long list */
        g_print (ngettext ("  … and %u more\n", "  … and %u more\n", n_missing - MAX_LISTED),
                 n_missing - MAX_LISTED);
    }
  if (n_errors > 0)
    g_print (_("The document has errors: see them with gongkai --check before publishing this PDF\n"));
  return n_errors == 0;
}
