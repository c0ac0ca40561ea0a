/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the tests of a 决算: its test template (tests/data/final/),
 * a blank document of it, and entering figures. */

#include "gk-narrative.h"
#include "gk-test-common.h"

/* Templates live as long as the program: one, read once. */
static inline GkTemplate *
gk_test_final_template (void)
{
  static GkTemplate *template;
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "final",
                                            "final-test.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  if (template != NULL)
    return template;
  g_assert_true (g_file_get_contents (path, &json, NULL, &error));
  template = gk_template_new_from_data (json, &error);
  g_assert_no_error (error);
  return template;
}

static inline GkDocument *
gk_test_final_document (const char *unit,
                        guint       year)
{
  GkTemplate *template = gk_test_final_template ();

  return gk_document_new_blank_for_template (template, unit, year, GK_MONEY_UNIT_WANYUAN);
}

/* @code NULL: the single row. */
static inline void
gk_test_final_set (GkDocument *document,
                   const char *role,
                   const char *code,
                   const char *column,
                   const char *text)
{
  GkTable *table = gk_document_get_table (document, role);
  g_autoptr(GError) error = NULL;
  GkAmount amount;
  GkRow *row;

  g_assert_nonnull (table);
  g_assert_cmpint (gk_table_column_index (table, column), >=, 0);
  if (code == NULL)
    row = gk_table_get_single_row (table);
  else if ((row = gk_table_lookup (table, code)) == NULL)
    {
      row = gk_document_add_row (document, table, code, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (gk_amount_parse_entered (text, &amount, &error));
  gk_document_set_amount (document, row, gk_table_column_index (table, column), &amount, &error);
  g_assert_no_error (error);
}

static inline void
gk_test_final_budget (GkDocument *document,
                      const char *key,
                      const char *amount,
                      const char *reason)
{
  GkBudgetFigure *figure = gk_document_ensure_budget_figure (document, key);
  GkAmount value;

  g_assert_true (gk_amount_parse_entered (amount, &value, NULL));
  gk_document_set_int (document, figure, "amount", value);
  if (reason != NULL)
    gk_document_set_text (document, figure, "reason", reason);
}

static inline void
gk_test_final_prior (GkDocument *document,
                     const char *key,
                     const char *amount,
                     const char *reason)
{
  GkPrior *prior = gk_document_ensure_prior (document, key);
  GkAmount value;

  g_assert_true (gk_amount_parse_entered (amount, &value, NULL));
  gk_document_set_int (document, prior, "amount", value);
  gk_document_set_text (document, prior, "basis", GK_PRIOR_BASIS_ACTUAL);
  if (reason != NULL)
    gk_document_set_text (document, prior, "reason", reason);
}

/* The text of one composed paragraph, or "" when there is none. */
static inline char *
gk_test_final_paragraph (GkDocument *document,
                         const char *id)
{
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  const GkParagraph *paragraph = gk_narrative_lookup_paragraph (sections, id);

  return paragraph != NULL ? gk_paragraph_dup_text (paragraph) : g_strdup ("");
}

#define gk_test_final_says(document, id, expected)                              \
  G_STMT_START {                                                                \
    g_autofree char *said_ = gk_test_final_paragraph ((document), (id));        \
    if (strstr (said_, (expected)) == NULL)                                     \
      g_error ("%s says “%s”, not “%s”", (id), said_, (expected));             \
  } G_STMT_END
