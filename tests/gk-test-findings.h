/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the checker says about one hand-written paragraph, for the tests
 * that read published wordings as written and then with a figure broken. */

#include <string.h>

#include "gk-checker.h"
#include "gk-test-common.h"

/* A document of the real corpus, tests/data/real/@name.gongkai. */
static inline GkDocument *
gk_test_real_document (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".gongkai", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "real", file, NULL);

  return gk_test_load (path);
}

/* @text with @from replaced by @to, which must be in it once. */
static inline char *
gk_test_broken (const char *text,
                const char *from,
                const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, from));
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* After a check, the findings of @severity (-1: any) whose first place is
 * the paragraph @id, leaving out the reasons it does not give (a warning
 * of its own, which every changed figure may raise). */
static inline GPtrArray *
gk_test_paragraph_findings (GkChecker  *checker,
                            const char *id,
                            int         severity)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *place = g_strconcat ("narrative/", id, NULL);

  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *first = NULL;

      if ((severity >= 0 && (int) gk_finding_get_severity (finding) != severity) ||
          gk_finding_get_n_places (finding) == 0 || g_str_equal (gk_finding_get_rule_id (finding), "narrative.reason"))
        continue;
      first = gk_place_to_string (gk_finding_get_place (finding, 0));
      if (!g_str_equal (first, place))
        continue;
      g_test_message ("%s: %s", gk_finding_get_rule_id (finding), gk_finding_get_message (finding));
      g_ptr_array_add (found, g_object_ref (finding));
    }
  return found;
}

static inline gboolean
gk_test_finding_has_place (GkFinding  *finding,
                           const char *place)
{
  for (guint i = 0; i < gk_finding_get_n_places (finding); i++)
    {
      g_autofree char *text = gk_place_to_string (gk_finding_get_place (finding, i));

      if (g_str_equal (text, place))
        return TRUE;
    }
  return FALSE;
}

/* Last year's figure of @key, as budgeted, with a reason typed. */
static inline void
gk_test_set_prior (GkDocument *document,
                   const char *key,
                   gint64      amount)
{
  GkPrior *prior = gk_document_ensure_prior (document, key);

  gk_document_set_int (document, prior, "amount", amount);
  gk_document_set_text (document, prior, "basis", GK_PRIOR_BASIS_BUDGET);
  gk_document_set_text (document, prior, "reason", "原因");
}

/* @text under @id gives no error. */
static inline void
gk_test_assert_no_error (GkDocument *document,
                         GkChecker  *checker,
                         const char *id,
                         const char *text)
{
  g_autoptr(GPtrArray) errors = NULL;

  gk_document_set_hand_written (document, id, text);
  errors = gk_test_paragraph_findings (checker, id, GK_CHECK_SEVERITY_ERROR);
  if (errors->len != 0)
    g_error ("%s: “%s” gives %u error(s), the first: %s", id, text, errors->len,
             gk_finding_get_message (errors->pdata[0]));
}
