/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-document-io.h"
#include "gk-export.h"
#include "gk-finding.h"
#include "gk-narrative.h"
#include "gk-narrative-page.h"

#include "gk-test-common.h"

/* An edit composes only what it changed, yet whatever shows or reads
 * 情况说明 afterwards has the new text: the page shown after an edit made
 * while it was hidden, the page in sight while the edit is made, the PDF
 * and the checks. */

#define SCALE_ID "s7.project.p3.scale"

/* Sets the project's 商品和服务支出 and returns the paragraph's new text
 * as a composition from nothing writes it. */
static char *
edit_scale (GkDocument *document,
            const char *amount)
{
  GkProject *project = gk_document_lookup_project (document, "p3");
  GkRow *row = gk_project_get_row (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) fresh = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GBytes) serialized = NULL;

  g_assert_true (gk_document_set_amount_text (document, row, gk_table_column_index (gk_row_get_table (row), "e302"),
                                              amount, &error));
  g_assert_no_error (error);
  serialized = gk_document_serialize (document);
  fresh = gk_document_load_from_data (g_bytes_get_data (serialized, NULL), g_bytes_get_size (serialized), &error);
  g_assert_no_error (error);
  sections = gk_narrative_compose (fresh);
  return gk_paragraph_dup_text (gk_narrative_lookup_paragraph (sections, SCALE_ID));
}

typedef struct
{
  GkNarrativePage *page;
  const char      *text;
} TextWait;

static gboolean
paragraph_shows (gpointer data)
{
  TextWait *wait = data;
  GtkWidget *label = gk_narrative_page_get_paragraph (wait->page, SCALE_ID);

  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), wait->text) == 0;
}

static void
show_paragraph (GkNarrativePage *page,
                const char      *text)
{
  TextWait wait = { page, text };

  g_assert_true (gk_narrative_page_reveal_paragraph (page, SCALE_ID));
  gk_test_iterate_until (paragraph_shows, &wait);
}

static GtkWindow *
window_with (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  gk_test_iterate_until (gk_test_is_mapped, child);
  gk_test_iterate_idle ();
  return window;
}

/* Edited while another page is in front, shown after. */
static void
test_hidden_then_shown (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GtkWidget *other = gtk_label_new ("表七");
  GtkWidget *page = gk_narrative_page_new (document);
  GtkWindow *window;
  g_autoptr(GPtrArray) before = gk_narrative_compose (document);
  g_autofree char *old_text = gk_paragraph_dup_text (gk_narrative_lookup_paragraph (before, SCALE_ID));
  g_autofree char *new_text = NULL;

  gtk_stack_add_child (stack, other);
  gtk_stack_add_child (stack, page);
  gtk_stack_set_visible_child (stack, page);
  window = window_with (GTK_WIDGET (stack));
  show_paragraph (GK_NARRATIVE_PAGE (page), old_text);

  gtk_stack_set_visible_child (stack, other);
  gk_test_iterate_until (gk_test_is_unmapped, page);
  new_text = edit_scale (document, "8765.43");
  g_assert_cmpstr (new_text, !=, old_text);
  g_assert_nonnull (strstr (new_text, "预算安排规模："));

  gtk_stack_set_visible_child (stack, page);
  gk_test_iterate_until (gk_test_is_mapped, page);
  show_paragraph (GK_NARRATIVE_PAGE (page), new_text);

  /* Undone while hidden, the old figure is back when shown. */
  gtk_stack_set_visible_child (stack, other);
  gk_test_iterate_until (gk_test_is_unmapped, page);
  g_assert_true (gk_document_undo (document));
  gtk_stack_set_visible_child (stack, page);
  show_paragraph (GK_NARRATIVE_PAGE (page), old_text);

  gtk_window_destroy (window);
}

/* Edited while in sight: the row changes with the figure. */
static void
test_visible (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page = gk_narrative_page_new (document);
  GtkWindow *window = window_with (page);
  g_autoptr(GPtrArray) before = gk_narrative_compose (document);
  g_autofree char *old_text = gk_paragraph_dup_text (gk_narrative_lookup_paragraph (before, SCALE_ID));
  g_autofree char *new_text = NULL;
  g_autofree char *again = NULL;

  show_paragraph (GK_NARRATIVE_PAGE (page), old_text);
  new_text = edit_scale (document, "8765.43");
  g_assert_cmpstr (new_text, !=, old_text);
  show_paragraph (GK_NARRATIVE_PAGE (page), new_text);
  again = edit_scale (document, "12.34");
  g_assert_cmpstr (again, !=, new_text);
  show_paragraph (GK_NARRATIVE_PAGE (page), again);
  g_assert_true (gk_document_undo (document));
  show_paragraph (GK_NARRATIVE_PAGE (page), new_text);

  gtk_window_destroy (window);
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* The PDF's text, without white space. */
static char *
pdf_text (GkDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gk-narrative-edits-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_no_error (error);
  path = g_build_filename (dir, "out.pdf", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (gk_export_file (document, GK_EXPORT_PDF, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_remove (path);
  g_rmdir (dir);
  return squeeze (out);
}

/* The PDF made after an edit has the new figure, though the page was
 * never shown. */
static void
test_pdf (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GPtrArray) before = gk_narrative_compose (document);
  g_autofree char *old_text = squeeze (gk_paragraph_dup_text (gk_narrative_lookup_paragraph (before, SCALE_ID)));
  g_autofree char *old_pdf = pdf_text (document);
  g_autofree char *new_text = NULL;
  g_autofree char *new_pdf = NULL;
  g_autofree char *squeezed = NULL;

  g_assert_nonnull (strstr (old_pdf, old_text));
  new_text = edit_scale (document, "8765.43");
  squeezed = squeeze (new_text);
  new_pdf = pdf_text (document);
  g_assert_nonnull (strstr (new_pdf, squeezed));
  g_assert_null (strstr (new_pdf, old_text));
}

static guint
count_at (GkChecker  *checker,
          const char *rule,
          const char *paragraph_id)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      if (g_str_equal (gk_finding_get_rule_id (finding), rule) &&
          gk_finding_involves (finding, "narrative", paragraph_id, NULL))
        n++;
    }
  return n;
}

/* The checks after an edit read the text as it now is: a comparison with
 * last year that lost its figure is reported, and not once it is back. */
static void
test_checker (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  g_assert_cmpuint (count_at (checker, "narrative.prior-year", "s3.expenditure.project"), ==, 0);
  gk_document_remove_prior (document, "expenditure.project");
  g_assert_cmpuint (count_at (checker, "narrative.prior-year", "s3.expenditure.project"), ==, 1);
  g_assert_true (gk_document_undo (document));
  g_assert_cmpuint (count_at (checker, "narrative.prior-year", "s3.expenditure.project"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/narrative-edits/hidden-then-shown", test_hidden_then_shown);
  g_test_add_func ("/narrative-edits/visible", test_visible);
  g_test_add_func ("/narrative-edits/pdf", test_pdf);
  g_test_add_func ("/narrative-edits/checker", test_checker);
  return g_test_run ();
}
