/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gk-checks-page.h"
#include "gk-export.h"
#include "gk-finding.h"
#include "gk-narrative.h"
#include "gk-narrative-page.h"
#include "gk-paragraph-row.h"

#include "gk-test-common.h"

/* 情况说明 as a list of a thousand projects' paragraphs: rows are made for
 * what is in sight, any paragraph can be scrolled to, what is typed in a
 * row survives the row going to another paragraph, and a paragraph can be
 * switched out of the disclosure and back. */

#define N_PROJECTS 1000

typedef struct
{
  GkNarrativePage *page;
  const char      *id;
} ParagraphWait;

static gboolean
paragraph_has_row (gpointer data)
{
  ParagraphWait *wait = data;

  return gk_narrative_page_get_paragraph (wait->page, wait->id) != NULL;
}

static gboolean
paragraph_has_no_row (gpointer data)
{
  return !paragraph_has_row (data);
}

static GtkWidget *
reveal (GkNarrativePage *page,
        const char      *id)
{
  ParagraphWait wait = { page, id };

  g_assert_true (gk_narrative_page_reveal_paragraph (page, id));
  gk_test_iterate_until (paragraph_has_row, &wait);
  return gk_narrative_page_get_paragraph (page, id);
}

static GtkWindow *
show_page (GtkWidget *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  gk_test_iterate_until (gk_test_is_mapped, page);
  gk_test_iterate_idle ();
  return window;
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = GK_IS_PARAGRAPH_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GkDocument *
large_document (void)
{
  GkDocument *document = gk_test_load_sample ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = NULL;

  for (guint i = 0; i < N_PROJECTS; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("网格化管理经费%04u", i));
      g_ptr_array_add (codes, (gpointer) (i % 2 ? "2010399" : "2080505"));
    }
  added = gk_document_add_projects (document, (const char * const *) names->pdata,
                                    (const char * const *) codes->pdata, N_PROJECTS);
  g_assert_cmpuint (added->len, ==, N_PROJECTS);
  return document;
}

/* The paragraphs in the order they are shown. */
static GPtrArray *
paragraph_ids (GPtrArray *sections)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        g_ptr_array_add (ids, ((GkParagraph *) g_ptr_array_index (section->paragraphs, p))->id);
    }
  return ids;
}

static const GkParagraph *
first_body (GPtrArray *sections)
{
  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          if (paragraph->style == GK_PARAGRAPH_BODY && !paragraph->hand_written)
            return paragraph;
        }
    }
  g_assert_not_reached ();
}

static void
test_large (void)
{
  g_autoptr(GkDocument) document = large_document ();
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  g_autoptr(GPtrArray) ids = paragraph_ids (sections);
  GtkWidget *page = gk_narrative_page_new (document);
  GtkWindow *window = show_page (page);
  GkNarrativePage *narrative = GK_NARRATIVE_PAGE (page);
  const GkParagraph *last = gk_narrative_lookup_paragraph (sections, g_ptr_array_index (ids, ids->len - 1));
  g_autofree char *last_text = NULL;
  GtkWidget *label;

  g_object_ref (page);
  g_assert_cmpuint (ids->len, >, N_PROJECTS);

  /* The first paragraphs are shown; not a row per paragraph. GTK 4.8's
   * list keeps about 200 rows around what is in sight. */
  g_assert_nonnull (gk_narrative_page_get_section_heading (narrative, 1));
  g_assert_nonnull (gk_narrative_page_get_paragraph (narrative, g_ptr_array_index (ids, 0)));
  g_assert_cmpuint (count_rows (page), >, 5);
  g_assert_cmpuint (count_rows (page), <, 250);
  g_assert_null (gk_narrative_page_get_paragraph (narrative, g_ptr_array_index (ids, ids->len - 1)));

  /* The last paragraph, and back to one in the middle. */
  label = reveal (narrative, g_ptr_array_index (ids, ids->len - 1));
  last_text = last->style == GK_PARAGRAPH_PERFORMANCE
              ? g_strconcat ("项目支出绩效目标表：", gk_project_get_name (last->project), NULL)
              : gk_paragraph_dup_text (last);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, last_text);
  g_assert_null (gk_narrative_page_get_paragraph (narrative, g_ptr_array_index (ids, 0)));
  g_assert_cmpuint (count_rows (page), <, 250);
  label = reveal (narrative, g_ptr_array_index (ids, ids->len / 2));
  g_assert_cmpstr (gtk_widget_get_name (label), ==, g_ptr_array_index (ids, ids->len / 2));
  g_assert_cmpuint (count_rows (page), <, 250);

  /* A finding of 审核 about a paragraph brings it into sight. */
  {
    g_autoptr(GkFinding) finding = gk_finding_new ("narrative.figure", "测试");
    g_autoptr(GkFinding) elsewhere = gk_finding_new ("narrative.figure", "测试");
    ParagraphWait wait = { narrative, g_ptr_array_index (ids, ids->len - 2) };

    gk_finding_add_place (finding, "narrative", wait.id, NULL);
    gk_finding_add_place (elsewhere, "narrative", "s99.none", NULL);
    g_assert_false (gk_checks_page_focus_finding (page, elsewhere));
    g_assert_false (paragraph_has_row (&wait));
    g_assert_true (gk_checks_page_focus_finding (page, finding));
    gk_test_iterate_until (paragraph_has_row, &wait);
  }

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
popover_shown (gpointer popover)
{
  return gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* Text typed in a paragraph's editor outlives its row, which scrolls away
 * and is given to another paragraph; used, it stays when scrolled back. */
static void
test_draft (void)
{
  g_autoptr(GkDocument) document = large_document ();
  GkExplanation *explanation = gk_document_get_explanation (document);
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  g_autoptr(GPtrArray) ids = paragraph_ids (sections);
  g_autofree char *id = g_strdup (first_body (sections)->id);
  const char *typed = "本单位当年收支情况另行说明。";
  GtkWidget *page = gk_narrative_page_new (document);
  GtkWindow *window = show_page (page);
  GkNarrativePage *narrative = GK_NARRATIVE_PAGE (page);
  ParagraphWait gone = { narrative, id };
  GtkWidget *button;
  GtkPopover *popover;
  GtkTextBuffer *buffer;
  g_autofree char *shown = NULL;

  g_object_ref (page);
  reveal (narrative, id);
  button = gk_narrative_page_get_hand_editor (narrative, id);
  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gk_test_iterate_until (popover_shown, popover);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (popover), "text")));
  gtk_text_buffer_set_text (buffer, typed, -1);

  /* Closed by a click elsewhere, then scrolled away: the row goes to
   * another paragraph once the focus has gone to another row (the list
   * keeps the row that had it). */
  gtk_popover_popdown (popover);
  reveal (narrative, g_ptr_array_index (ids, ids->len - 1));
  g_assert_true (gtk_widget_grab_focus (gk_narrative_page_get_switch (narrative, g_ptr_array_index (ids, ids->len - 1))));
  gk_test_iterate_until (paragraph_has_no_row, &gone);
  g_assert_null (gk_explanation_get_hand_written (explanation, id));

  reveal (narrative, id);
  button = gk_narrative_page_get_hand_editor (narrative, id);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (popover), "text")));
  shown = buffer_text (buffer);
  g_assert_cmpstr (shown, ==, typed);

  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  gk_test_iterate_idle ();
  g_assert_cmpstr (gk_explanation_get_hand_written (explanation, id), ==, typed);

  reveal (narrative, g_ptr_array_index (ids, ids->len - 1));
  g_assert_true (gtk_widget_grab_focus (gk_narrative_page_get_switch (narrative, g_ptr_array_index (ids, ids->len - 1))));
  gk_test_iterate_until (paragraph_has_no_row, &gone);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (reveal (narrative, id))), ==, typed);
  /* Used, the text is no longer a draft: the editor shows the paragraph. */
  button = gk_narrative_page_get_hand_editor (narrative, id);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_clear_pointer (&shown, g_free);
  shown = buffer_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (popover), "text"))));
  g_assert_cmpstr (shown, ==, typed);
  g_assert_true (gtk_widget_get_sensitive (find_named (GTK_WIDGET (popover), "composed")));

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
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
  g_autofree char *dir = g_dir_make_tmp ("gk-narrative-list-XXXXXX", &error);
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

static gboolean
has_dim_text (GtkWidget *label)
{
  return gtk_widget_has_css_class (gtk_widget_get_parent (label), "dim-label");
}

/* A paragraph switched off stays on the page, dimmed, and leaves the PDF;
 * undone, it is back in both. */
static void
test_switch (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkExplanation *explanation = gk_document_get_explanation (document);
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  const GkParagraph *paragraph = first_body (sections);
  g_autofree char *id = g_strdup (paragraph->id);
  g_autofree char *text = gk_paragraph_dup_text (paragraph);
  g_autofree char *squeezed = squeeze (text);
  g_autofree char *before = pdf_text (document);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GPtrArray) composed = NULL;
  GtkWidget *page = gk_narrative_page_new (document);
  GtkWindow *window = show_page (page);
  GkNarrativePage *narrative = GK_NARRATIVE_PAGE (page);
  GtkWidget *label;
  GtkWidget *button;

  g_object_ref (page);
  g_assert_nonnull (strstr (before, squeezed));
  label = reveal (narrative, id);
  button = gk_narrative_page_get_switch (narrative, id);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (button)));
  g_assert_false (has_dim_text (label));
  /* Headings have no switch. */
  g_assert_null (gk_narrative_page_get_switch (narrative, "heading:0"));

  gtk_switch_set_active (GTK_SWITCH (button), FALSE);
  gk_test_iterate_idle ();
  g_assert_true (gk_explanation_get_paragraph_off (explanation, id));
  label = gk_narrative_page_get_paragraph (narrative, id);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
  g_assert_true (has_dim_text (label));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (gk_narrative_page_get_switch (narrative, id))));
  composed = gk_narrative_compose (document);
  g_assert_null (gk_narrative_lookup_paragraph (composed, id));
  after = pdf_text (document);
  g_assert_null (strstr (after, squeezed));

  g_assert_true (gk_document_undo (document));
  gk_test_iterate_idle ();
  g_assert_false (gk_explanation_get_paragraph_off (explanation, id));
  label = gk_narrative_page_get_paragraph (narrative, id);
  g_assert_false (has_dim_text (label));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (gk_narrative_page_get_switch (narrative, id))));
  undone = pdf_text (document);
  g_assert_cmpstr (undone, ==, before);

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

/* The paragraphs of a project added while the page is shown come into the
 * list where they belong, and go with an undo; the rows in sight stay. */
static void
test_structure (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page = gk_narrative_page_new (document);
  GtkWindow *window = show_page (page);
  GkNarrativePage *narrative = GK_NARRATIVE_PAGE (page);
  g_autoptr(GPtrArray) before = gk_narrative_compose (document);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GtkWidget *first = NULL;
  GkProject *project;
  const char *added = NULL;
  guint n_before = 0;

  g_object_ref (page);
  ids = paragraph_ids (before);
  n_before = ids->len;
  first = gk_narrative_page_get_paragraph (narrative, g_ptr_array_index (ids, 0));
  g_assert_nonnull (first);

  project = gk_document_add_project (document, "档案数字化经费", "2010399");
  gk_test_iterate_idle ();
  after = gk_narrative_compose (document);
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = paragraph_ids (after);
  g_assert_cmpuint (ids->len, >, n_before);
  for (guint s = 0; s < after->len && added == NULL; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (after, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          if (paragraph->project == project && paragraph->style == GK_PARAGRAPH_PERFORMANCE)
            added = paragraph->id;
        }
    }
  g_assert_nonnull (added);
  /* The first paragraph kept its row. */
  g_assert_true (gk_narrative_page_get_paragraph (narrative, g_ptr_array_index (ids, 0)) == first);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (reveal (narrative, added))), "档案数字化经费"));

  g_assert_true (gk_document_undo (document));
  gk_test_iterate_idle ();
  g_assert_false (gk_narrative_page_reveal_paragraph (narrative, added));
  g_assert_nonnull (reveal (narrative, g_ptr_array_index (ids, 0)));

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/narrative-list/large", test_large);
  g_test_add_func ("/narrative-list/draft", test_draft);
  g_test_add_func ("/narrative-list/switch", test_switch);
  g_test_add_func ("/narrative-list/structure", test_structure);

  return g_test_run ();
}
