/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gk-document-io.h"
#include "gk-narrative.h"
#include "gk-narrative-page.h"

#include "gk-test-common.h"
#include "gk-test-final.h"

/* 情况说明, read and edited through its widgets. */

typedef struct
{
  GkNarrativePage *page;
  guint            number;
  GtkWidget       *scroller;
} HeadingWait;

/* The heading scrolled to the top of the page. */
static gboolean
heading_at_top (gpointer data)
{
  HeadingWait *wait = data;
  GtkWidget *heading = gk_narrative_page_get_section_heading (wait->page, wait->number);
  graphene_point_t point;

  /* A row just given to the heading is laid out a frame later. */
  return heading != NULL && gtk_widget_get_height (heading) > 0 &&
         gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (wait->scroller))) > 0 &&
         gtk_widget_compute_point (heading, wait->scroller, &GRAPHENE_POINT_INIT (0, 0), &point) &&
         point.y >= 0 && point.y < 50;
}

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

/* The label of paragraph @id, scrolled into sight when it has no row. */
static GtkWidget *
reveal (GkNarrativePage *page,
        const char      *id)
{
  ParagraphWait wait = { page, id };

  if (!paragraph_has_row (&wait))
    {
      g_assert_true (gk_narrative_page_reveal_paragraph (page, id));
      gk_test_iterate_until (paragraph_has_row, &wait);
    }
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

/* Every label reads exactly as the composed text of its paragraph. */
static void
assert_labels_match (GkNarrativePage *page,
                     GkDocument      *document)
{
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  guint n = 0;

  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          GtkWidget *label = reveal (page, paragraph->id);
          g_autofree char *text = NULL;

          g_assert_nonnull (label);
          if (paragraph->style == GK_PARAGRAPH_PERFORMANCE)
            {
              text = g_strconcat ("项目支出绩效目标表：", gk_project_get_name (paragraph->project), NULL);
            }
          else
            text = gk_paragraph_dup_text (paragraph);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, text);
          n++;
        }
    }
  g_assert_cmpuint (n, >, 20);
}

/* The first paragraph whose spans compare @key with last year. */
static char *
paragraph_with_prior (GkDocument *document,
                      const char *key)
{
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  g_autofree char *prefix = g_strdup_printf ("prior/%s/", key);

  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          for (guint i = 0; i < paragraph->spans->len; i++)
            {
              GkSpan *span = g_ptr_array_index (paragraph->spans, i);

              if (span->source != NULL && g_str_has_prefix (span->source, prefix))
                return g_strdup (paragraph->id);
            }
        }
    }
  return NULL;
}

static void
test_create_destroy (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);
  GtkWidget *page = g_object_ref_sink (gk_narrative_page_new (document));

  g_assert_true (GK_IS_NARRATIVE_PAGE (page));
  g_assert_finalize_object (page);
}

static void
test_reading (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page = gk_narrative_page_new (document);
  GtkWindow *window = show_page (page);
  GkNarrativePage *narrative = GK_NARRATIVE_PAGE (page);
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  GtkListBox *outline = gk_narrative_page_get_outline (narrative);
  gboolean performance = FALSE;
  gboolean figures = FALSE;

  /* The outline lists the ten sections, with their headings. */
  g_assert_cmpuint (sections->len, ==, 10);
  for (guint s = 0; s < 10; s++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (outline, s);
      g_autofree char *heading = gk_narrative_section_heading (g_ptr_array_index (sections, s));

      const char *entry;

      g_assert_nonnull (row);
      /* The outline leaves out the unit and year every heading repeats. */
      entry = gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row)));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_list_box_row_get_child (row)), ==, heading);
      g_assert_null (strstr (entry, "乌鲁木齐县人民政府办公室"));
      g_assert_true (g_str_has_suffix (heading, strstr (entry, "、") + strlen ("、")));
      if (s == 1)
        g_assert_cmpstr (entry, ==, "二、收入预算情况说明");
      {
        g_autofree char *id = g_strdup_printf ("heading:%u", s);
        ParagraphWait shown = { narrative, id };

        g_assert_true (gk_narrative_page_reveal_section (narrative, s + 1));
        gk_test_iterate_until (paragraph_has_row, &shown);
      }
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gk_narrative_page_get_section_heading (narrative, s + 1))),
                       ==, heading);
    }
  g_assert_false (gk_narrative_page_reveal_section (narrative, 11));
  g_assert_null (gtk_list_box_get_row_at_index (outline, 10));
  assert_labels_match (narrative, document);

  /* Figures are set apart from the wording; a 绩效目标表 is one line. */
  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          GtkWidget *label = reveal (narrative, paragraph->id);

          if (paragraph->style == GK_PARAGRAPH_PERFORMANCE)
            {
              performance = TRUE;
              g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "项目支出绩效目标表："));
              g_assert_null (gk_narrative_page_get_hand_editor (narrative, paragraph->id));
              continue;
            }
          for (guint i = 0; i < paragraph->spans->len; i++)
            {
              GkSpan *span = g_ptr_array_index (paragraph->spans, i);
              g_autofree char *escaped = g_markup_escape_text (span->text, -1);
              g_autofree char *figure = g_strdup_printf ("weight=\"bold\" foreground=\"#1c71d8\">%s</span>", escaped);

              if (span->kind == GK_SPAN_FIGURE)
                {
                  figures = TRUE;
                  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), figure));
                }
            }
        }
    }
  g_assert_true (performance);
  g_assert_true (figures);
  g_assert_false (gk_narrative_page_reveal_paragraph (narrative, "s99.none"));

  g_object_ref (page);
  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

/* A table edit shows in the text at once, and the reader keeps their place. */
static void
test_table_edit (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *page = gk_narrative_page_new (document);
  GtkWindow *window = show_page (page);
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  int basic = gk_table_column_index (t3, "basic");
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (gk_narrative_page_get_section_heading (GK_NARRATIVE_PAGE (page), 1),
                                                                              GTK_TYPE_SCROLLED_WINDOW));
  HeadingWait wait = { GK_NARRATIVE_PAGE (page), 5, GTK_WIDGET (scroller) };
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GkRow *leaf = NULL;
  GkAmount amount = 0;
  GtkWidget *heading;

  g_object_ref (page);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (t3)) && leaf == NULL; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (t3), i);

      if (gk_row_is_cell_entered (row, basic) && gk_row_get_amount (row, basic, &amount) && amount > 0)
        leaf = row;
    }
  g_assert_nonnull (leaf);

  /* Jump to 五、 through the outline. */
  g_signal_emit_by_name (gk_narrative_page_get_outline (GK_NARRATIVE_PAGE (page)), "row-activated",
                         gtk_list_box_get_row_at_index (gk_narrative_page_get_outline (GK_NARRATIVE_PAGE (page)), 4));
  gk_test_iterate_until (heading_at_top, &wait);
  heading = gk_narrative_page_get_section_heading (GK_NARRATIVE_PAGE (page), 5);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);
  {
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (heading, GTK_WIDGET (scroller), &GRAPHENE_POINT_INIT (0, 0), &point));
    g_assert_cmpfloat (point.y, >=, 0);
    g_assert_cmpfloat (point.y, <, 50);
  }

  before = g_strdup (gtk_label_get_label (GTK_LABEL (gk_narrative_page_get_section_heading (GK_NARRATIVE_PAGE (page), 5))));
  {
    double value = gtk_adjustment_get_value (adjustment);
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) old_sections = gk_narrative_compose (document);
    g_autofree char *old_text = gk_narrative_dup_text (old_sections);
    g_autoptr(GPtrArray) new_sections = NULL;
    g_autofree char *new_text = NULL;

    amount += 1000;
    g_assert_true (gk_document_set_amount (document, leaf, basic, &amount, &error));
    g_assert_no_error (error);
    gk_test_iterate_idle ();

    new_sections = gk_narrative_compose (document);
    new_text = gk_narrative_dup_text (new_sections);
    g_assert_cmpstr (old_text, !=, new_text);
    g_assert_cmpfloat (ABS (gtk_adjustment_get_value (adjustment) - value), <, 1);
    g_assert_true (gk_narrative_page_get_section_heading (GK_NARRATIVE_PAGE (page), 5) == heading);
    assert_labels_match (GK_NARRATIVE_PAGE (page), document);

    g_assert_true (gk_document_undo (document));
    gk_test_iterate_idle ();
    assert_labels_match (GK_NARRATIVE_PAGE (page), document);
  }

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

/* Last year's figure and the reason are typed in the paragraph's popover. */
static void
test_prior (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkExplanation *explanation = gk_document_get_explanation (document);
  const char *key = "sangong.reception";
  GtkWidget *page;
  GtkWindow *window;
  g_autofree char *id = NULL;
  GtkWidget *button;
  GtkPopover *popover;
  GtkWidget *label;
  GkPrior *prior;
  guint n_priors;

  gk_document_remove_prior (document, key);
  n_priors = g_list_model_get_n_items (gk_explanation_get_priors (explanation));
  id = paragraph_with_prior (document, key);
  g_assert_nonnull (id);

  page = gk_narrative_page_new (document);
  window = show_page (page);
  g_object_ref (page);
  label = reveal (GK_NARRATIVE_PAGE (page), id);
  /* Still needed: shown in the error colour. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "foreground=\"#c01c28\">（上年数未填写）"));

  button = gk_narrative_page_get_prior_editor (GK_NARRATIVE_PAGE (page), id);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  /* Not a figure: nothing is written. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (popover), "amount:sangong.reception")), "abc");
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  g_assert_null (gk_explanation_lookup_prior (explanation, key));
  g_assert_true (gtk_widget_has_css_class (find_named (GTK_WIDGET (popover), "amount:sangong.reception"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (popover), "amount:sangong.reception")), "99999.5");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (popover), "basis:sangong.reception")), 1);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (popover), "reason:sangong.reception")), "厉行节约");
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  gk_test_iterate_idle ();

  prior = gk_explanation_lookup_prior (explanation, key);
  g_assert_nonnull (prior);
  g_assert_cmpint (gk_prior_get_amount (prior), ==, 9999950);
  g_assert_cmpstr (gk_prior_get_basis (prior), ==, GK_PRIOR_BASIS_ACTUAL);
  g_assert_cmpstr (gk_prior_get_reason (prior), ==, "厉行节约");
  g_assert_cmpuint (g_list_model_get_n_items (gk_explanation_get_priors (explanation)), ==, n_priors + 1);
  label = gk_narrative_page_get_paragraph (GK_NARRATIVE_PAGE (page), id);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "主要原因是厉行节约"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (label)), "（上年数未填写）"));

  /* The editor shows what was entered; the edit is one undo. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (popover), "amount:sangong.reception"))),
                   ==, "99999.50");
  g_assert_true (gk_document_undo (document));
  gk_test_iterate_idle ();
  g_assert_null (gk_explanation_lookup_prior (explanation, key));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gk_narrative_page_get_paragraph (GK_NARRATIVE_PAGE (page), id))),
                            "（上年数未填写）"));

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

/* A 决算's facts and the reason it differs from its budget are typed in
 * the same popover; a count that is not one is refused. */
static void
test_final_fields (void)
{
  g_autoptr(GkDocument) document = gk_test_final_document ("测试局", 2024);
  GkFinalFacts *facts = gk_document_get_final_facts (document);
  GtkWidget *page;
  GtkWindow *window;
  GtkWidget *button;
  GtkPopover *popover;
  GtkWidget *groups;

  gk_test_final_set (document, "final-sangong", NULL, "abroad-final", "8.00");
  page = gk_narrative_page_new (document);
  window = show_page (page);
  g_object_ref (page);

  button = gk_narrative_page_get_prior_editor (GK_NARRATIVE_PAGE (page), "k.final-sangong.abroad");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  groups = find_named (GTK_WIDGET (popover), "field:final/sangong-abroad-groups");
  g_assert_nonnull (groups);
  gtk_editable_set_text (GTK_EDITABLE (groups), "两个");
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  g_assert_true (gtk_widget_has_css_class (groups, "error"));
  g_assert_cmpint (gk_final_facts_get_count (facts, "sangong-abroad-groups"), ==, GK_FINAL_FACTS_UNSET);

  gtk_editable_set_text (GTK_EDITABLE (groups), "2");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (popover), "field:final/sangong-abroad-content")), "考察交流");
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  gk_test_iterate_idle ();
  g_assert_cmpint (gk_final_facts_get_count (facts, "sangong-abroad-groups"), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gk_narrative_page_get_paragraph (GK_NARRATIVE_PAGE (page),
                                                                                             "k.final-sangong.abroad"))),
                            "团组2个"));
  g_assert_true (gk_document_undo (document));
  g_assert_cmpint (gk_final_facts_get_count (facts, "sangong-abroad-groups"), ==, GK_FINAL_FACTS_UNSET);
  g_assert_null (gk_final_facts_get_text (facts, "sangong-abroad-content"));
  gk_test_iterate_idle ();

  /* The reason the 决算 is above the (unlinked, so 0) 预算. */
  button = gk_narrative_page_get_prior_editor (GK_NARRATIVE_PAGE (page), "k.final-sangong.budget");
  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (popover), "field:budget/sangong.total/reason")), "临时出访任务");
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  gk_test_iterate_idle ();
  g_assert_cmpstr (gk_budget_get_reason (gk_document_get_budget (document), "sangong.total"), ==, "临时出访任务");

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

/* 政府采购 and the vehicles of a 决算 are typed in their paragraphs'
 * popovers, every kind offered even when the text names none of it; an
 * amount below nothing is refused, and one apply is one undo. */
static void
test_final_matters_fields (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (gk_template_find ("juesuan-national-2023"),
                                                                       "测试局", 2024, GK_MONEY_UNIT_WANYUAN);
  GkFinalFacts *facts = gk_document_get_final_facts (document);
  GtkWidget *page;
  GtkWindow *window;
  GtkWidget *button;
  GtkPopover *popover;
  GtkWidget *goods;

  page = gk_narrative_page_new (document);
  window = show_page (page);
  g_object_ref (page);

  button = gk_narrative_page_get_prior_editor (GK_NARRATIVE_PAGE (page), "k.final-procurement");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  goods = find_named (GTK_WIDGET (popover), "field:final/procurement-goods");
  g_assert_nonnull (goods);
  g_assert_nonnull (find_named (GTK_WIDGET (popover), "field:final/procurement-micro"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (goods)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (goods), "-5");
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  g_assert_true (gtk_widget_has_css_class (goods, "error"));
  g_assert_false (gk_final_facts_is_set (facts, "procurement-goods"));

  gtk_editable_set_text (GTK_EDITABLE (goods), "0");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (popover), "field:final/procurement-works")), "0");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (popover), "field:final/procurement-services")), "0");
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  gk_test_iterate_idle ();
  g_assert_true (gk_final_facts_is_set (facts, "procurement-goods"));
  g_assert_false (gk_final_facts_is_set (facts, "procurement-micro"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gk_narrative_page_get_paragraph (GK_NARRATIVE_PAGE (page),
                                                                                             "k.final-procurement"))),
                            "本部门无政府采购支出"));
  g_assert_true (gk_document_undo (document));
  g_assert_false (gk_final_facts_is_set (facts, "procurement-goods"));
  g_assert_false (gk_final_facts_is_set (facts, "procurement-services"));
  gk_test_iterate_idle ();

  button = gk_narrative_page_get_prior_editor (GK_NARRATIVE_PAGE (page), "k.final-assets");
  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (popover), "field:final/vehicles-retired")), "2");
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  gk_test_iterate_idle ();
  g_assert_cmpint (gk_final_facts_get_count (facts, "vehicles-retired"), ==, 2);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gk_narrative_page_get_paragraph (GK_NARRATIVE_PAGE (page),
                                                                                             "k.final-assets"))),
                            "共有车辆2辆，其中：离退休干部用车2辆"));

  gtk_window_destroy (window);
  g_assert_finalize_object (page);
}

/* A paragraph switched to hand-written text, and back. */
static void
test_hand_written (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkExplanation *explanation = gk_document_get_explanation (document);
  GtkWidget *page = gk_narrative_page_new (document);
  GtkWindow *window = show_page (page);
  g_autofree char *id = paragraph_with_prior (document, "general.total");
  g_autofree char *composed = NULL;
  GtkWidget *button;
  GtkPopover *popover;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;
  GtkWidget *label;

  g_object_ref (page);
  g_assert_nonnull (id);
  label = reveal (GK_NARRATIVE_PAGE (page), id);
  composed = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
  button = gk_narrative_page_get_hand_editor (GK_NARRATIVE_PAGE (page), id);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

  /* The composed text is the starting point. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_named (GTK_WIDGET (popover), "text")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, composed);
  g_assert_false (gtk_widget_get_sensitive (find_named (GTK_WIDGET (popover), "composed")));

  gtk_text_buffer_set_text (buffer, "本单位一般公共预算当年拨款情况另行说明。", -1);
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "apply"), "clicked");
  gk_test_iterate_idle ();
  g_assert_cmpstr (gk_explanation_get_hand_written (explanation, id), ==, "本单位一般公共预算当年拨款情况另行说明。");
  label = gk_narrative_page_get_paragraph (GK_NARRATIVE_PAGE (page), id);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "本单位一般公共预算当年拨款情况另行说明。");

  g_assert_true (gtk_widget_get_sensitive (find_named (GTK_WIDGET (popover), "composed")));
  g_signal_emit_by_name (find_named (GTK_WIDGET (popover), "composed"), "clicked");
  gk_test_iterate_idle ();
  g_assert_null (gk_explanation_get_hand_written (explanation, id));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gk_narrative_page_get_paragraph (GK_NARRATIVE_PAGE (page), id))),
                   ==, composed);

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

  g_test_add_func ("/narrative-page/create-destroy", test_create_destroy);
  g_test_add_func ("/narrative-page/reading", test_reading);
  g_test_add_func ("/narrative-page/table-edit", test_table_edit);
  g_test_add_func ("/narrative-page/prior", test_prior);
  g_test_add_func ("/narrative-page/final-fields", test_final_fields);
  g_test_add_func ("/narrative-page/final-matters-fields", test_final_matters_fields);
  g_test_add_func ("/narrative-page/hand-written", test_hand_written);

  return g_test_run ();
}
