/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-document-io.h"
#include "gk-narrative.h"

#include "gk-test-common.h"

/* gk_narrative_compose_unkept(): the PDF's layout composes 情况说明 once
 * and keeps nothing for a next composition, so that a large document's
 * paragraphs do not stay in memory while its pages are drawn. */

#define MEMOS "gk-narrative-memos"

/* How many blocks (a project's paragraphs) the document keeps. */
static guint
n_kept (GkDocument *document)
{
  GHashTable *memos = g_object_get_data (G_OBJECT (document), MEMOS);
  GHashTableIter iter;
  gpointer memo;
  guint n = 0;

  if (memos == NULL)
    return 0;
  g_hash_table_iter_init (&iter, memos);
  while (g_hash_table_iter_next (&iter, NULL, &memo))
    /* A Memo starts with the table of its blocks (gk-narrative-memo.c). */
    n += g_hash_table_size (*(GHashTable **) memo);
  return n;
}

static char *
text_of (GPtrArray *sections)
{
  return gk_narrative_dup_text (sections);
}

/* The same text as a composition that keeps, and nothing kept. */
static void
test_unkept_keeps_nothing (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) unkept = gk_narrative_compose_unkept (document);
  g_autoptr(GPtrArray) kept = NULL;
  g_autofree char *unkept_text = text_of (unkept);
  g_autofree char *kept_text = NULL;

  g_assert_cmpuint (n_kept (document), ==, 0);
  g_assert_nonnull (gk_narrative_lookup_paragraph (unkept, "s7.project.p1.basis"));

  kept = gk_narrative_compose (document);
  kept_text = text_of (kept);
  g_assert_cmpstr (unkept_text, ==, kept_text);
  g_assert_cmpuint (n_kept (document), >, 0);
}

/* What a composition kept is used as it is, and left for the next. */
static void
test_unkept_uses_kept (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) kept = gk_narrative_compose (document);
  guint n = n_kept (document);
  g_autoptr(GPtrArray) unkept = gk_narrative_compose_unkept (document);
  g_autoptr(GPtrArray) again = NULL;

  g_assert_cmpuint (n, >, 0);
  g_assert_true (gk_narrative_lookup_paragraph (unkept, "s7.project.p1.basis") ==
                 gk_narrative_lookup_paragraph (kept, "s7.project.p1.basis"));
  g_assert_cmpuint (n_kept (document), ==, n);

  again = gk_narrative_compose (document);
  g_assert_true (gk_narrative_lookup_paragraph (again, "s7.project.p1.basis") ==
                 gk_narrative_lookup_paragraph (kept, "s7.project.p1.basis"));
}

/* After an edit, a kept block that no longer matches is not used: the
 * text is the document's as it is now, and the next composition that
 * keeps still finds the block out of date. */
static void
test_unkept_after_edit (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkProject *project = gk_document_lookup_project (document, "p1");
  g_autoptr(GPtrArray) kept = gk_narrative_compose (document);
  g_autoptr(GPtrArray) unkept = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *unkept_text = NULL;
  g_autofree char *again_text = NULL;

  gk_document_set_text (document, project, "basis", "新的政策依据");
  unkept = gk_narrative_compose_unkept (document);
  g_assert_false (gk_narrative_lookup_paragraph (unkept, "s7.project.p1.basis") ==
                  gk_narrative_lookup_paragraph (kept, "s7.project.p1.basis"));
  unkept_text = text_of (unkept);
  g_assert_nonnull (strstr (unkept_text, "新的政策依据"));

  again = gk_narrative_compose (document);
  again_text = text_of (again);
  g_assert_cmpstr (again_text, ==, unkept_text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/narrative-unkept/keeps-nothing", test_unkept_keeps_nothing);
  g_test_add_func ("/narrative-unkept/uses-kept", test_unkept_uses_kept);
  g_test_add_func ("/narrative-unkept/after-edit", test_unkept_after_edit);

  return g_test_run ();
}
