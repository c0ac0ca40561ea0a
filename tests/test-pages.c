/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-document-io.h"
#include "gk-glossary-page.h"
#include "gk-list-editor.h"
#include "gk-overview-page.h"
#include "gk-projects-page.h"
#include "gk-text-field.h"

#include "gk-test-common.h"

/* 单位概况, 项目与绩效目标 and 名词解释, edited through their widgets. */

static const char *
text_at (GListModel *list,
         guint       position)
{
  g_autoptr(GkTextItem) item = g_list_model_get_item (list, position);
  return gk_text_item_get_text (item);
}

/* The editor widget of a list row. */
static GtkWidget *
row_field (GkListEditor *editor,
           guint         position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (gk_list_editor_get_list_box (editor), position);

  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), "gk-editor");
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The facts beside the tables: typed and applied, they are the
 * document's; a figure that is not one is marked and not taken; emptied,
 * the fact is not entered again. */
static void
test_facts (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkOverview *overview = gk_document_get_overview (document);
  GkExplanation *explanation = gk_document_get_explanation (document);
  GtkWidget *page = g_object_ref_sink (gk_overview_page_new (document));
  GtkWidget *contracted = find_named (page, "contracted");
  GtkWidget *land = find_named (page, "land-value");
  GtkWidget *goods = find_named (page, "procurement-goods");
  int count = 0;

  g_assert_nonnull (contracted);
  g_assert_nonnull (land);
  g_assert_nonnull (find_named (page, "sangong-all-reception"));
  g_assert_nonnull (find_named (page, "special-vehicles"));
  /* Not entered: empty; entered: as the file has it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (contracted)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (goods)), ==, "7.00");

  gtk_editable_set_text (GTK_EDITABLE (contracted), "4");
  g_signal_emit_by_name (contracted, "apply");
  g_object_get (overview, "contracted", &count, NULL);
  g_assert_cmpint (count, ==, 4);

  gtk_editable_set_text (GTK_EDITABLE (land), "12.5.0");
  g_signal_emit_by_name (land, "apply");
  g_assert_true (gtk_widget_has_css_class (land, "error"));
  g_assert_cmpint (gk_explanation_get_amount (explanation, "land-value"), ==, G_MININT64);
  gtk_editable_set_text (GTK_EDITABLE (land), "12.50");
  g_signal_emit_by_name (land, "apply");
  g_assert_false (gtk_widget_has_css_class (land, "error"));
  g_assert_cmpint (gk_explanation_get_amount (explanation, "land-value"), ==, 1250);

  gtk_editable_set_text (GTK_EDITABLE (contracted), "");
  g_signal_emit_by_name (contracted, "apply");
  g_object_get (overview, "contracted", &count, NULL);
  g_assert_cmpint (count, ==, -1);

  /* Undo shows in the row at once. */
  g_assert_true (gk_document_undo (document));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (contracted)), ==, "4");
  g_assert_true (gk_document_undo (document));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (land)), ==, "");

  g_assert_finalize_object (page);
}

static void
test_overview (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkOverview *overview = gk_document_get_overview (document);
  GListModel *duties = gk_overview_get_duties (overview);
  GtkWidget *page = g_object_ref_sink (gk_overview_page_new (document));
  GkListEditor *editor = GK_LIST_EDITOR (gk_overview_page_get_duties (GK_OVERVIEW_PAGE (page)));
  guint n = g_list_model_get_n_items (duties);
  g_autofree char *first = g_strdup (text_at (duties, 0));
  g_autofree char *second = g_strdup (text_at (duties, 1));
  GtkSpinButton *serving;

  g_assert_cmpuint (n, >, 2);

  /* Reorder, edit, add and remove duties; each is one undoable edit. */
  gk_list_editor_move (editor, 0, 1);
  g_assert_cmpstr (text_at (duties, 0), ==, second);
  g_assert_cmpstr (text_at (duties, 1), ==, first);
  gk_text_field_set_text (GK_TEXT_FIELD (row_field (editor, 0)), "负责新的工作。");
  g_assert_cmpstr (text_at (duties, 0), ==, "负责新的工作。");
  gk_list_editor_add (editor);
  g_assert_cmpuint (g_list_model_get_n_items (duties), ==, n + 1);
  g_assert_cmpstr (text_at (duties, n), ==, "");
  gk_list_editor_remove (editor, n);
  g_assert_cmpuint (g_list_model_get_n_items (duties), ==, n);

  g_assert_true (gk_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (duties), ==, n + 1);
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  /* The field shows the undone text at once. */
  g_assert_cmpstr (text_at (duties, 0), ==, second);
  g_assert_cmpstr (gk_text_field_get_text (GK_TEXT_FIELD (row_field (editor, 0))), ==, second);
  g_assert_true (gk_document_undo (document));
  g_assert_cmpstr (text_at (duties, 0), ==, first);

  /* Staffing: 实有人数 is computed and only shown. */
  g_assert_cmpstr (gk_overview_page_get_actual_text (GK_OVERVIEW_PAGE (page)), ==, "27");
  serving = gk_overview_page_get_spin (GK_OVERVIEW_PAGE (page), "serving");
  gtk_spin_button_set_value (serving, 20);
  g_assert_cmpint (gk_overview_get_serving (overview), ==, 20);
  g_assert_cmpint (gk_overview_get_actual (overview), ==, 33);
  g_assert_cmpstr (gk_overview_page_get_actual_text (GK_OVERVIEW_PAGE (page)), ==, "33");
  g_assert_true (gk_document_undo (document));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (serving), ==, 14);
  g_assert_cmpstr (gk_overview_page_get_actual_text (GK_OVERVIEW_PAGE (page)), ==, "27");

  g_assert_finalize_object (page);
}

static void
test_glossary (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GListModel *glossary = gk_document_get_glossary (document);
  GtkWidget *page = g_object_ref_sink (gk_glossary_page_new (document));
  GkListEditor *editor = GK_LIST_EDITOR (gk_glossary_page_get_editor (GK_GLOSSARY_PAGE (page)));
  g_autoptr(GkGlossaryEntry) entry = NULL;

  /* Rename a term, drop the last entry. */
  gk_text_field_set_text (GK_TEXT_FIELD (gtk_widget_get_first_child (row_field (editor, 0))), "拨款");
  entry = g_list_model_get_item (glossary, 0);
  g_assert_cmpstr (gk_glossary_entry_get_term (entry), ==, "拨款");
  gk_list_editor_remove (editor, g_list_model_get_n_items (glossary) - 1);
  g_assert_cmpuint (g_list_model_get_n_items (glossary), ==, 5);

  /* The six standard entries come back as one edit. */
  g_assert_true (gtk_widget_activate_action (page, "glossary.restore", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (glossary), ==, 6);
  g_clear_object (&entry);
  entry = g_list_model_get_item (glossary, 0);
  g_assert_cmpstr (gk_glossary_entry_get_term (entry), ==, "财政拨款");
  g_assert_true (gk_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (glossary), ==, 5);

  g_assert_finalize_object (page);
}

static void
test_projects (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GListModel *projects = gk_document_get_projects (document);
  GtkWidget *page = g_object_ref_sink (gk_projects_page_new (document));
  g_autoptr(GkProject) second = g_list_model_get_item (projects, 1);
  GkListEditor *indicators;
  GtkWidget *name;
  guint n;

  /* The first project is shown; another is chosen from the list. */
  g_assert_nonnull (gk_projects_page_get_selected (GK_PROJECTS_PAGE (page)));
  gk_projects_page_select (GK_PROJECTS_PAGE (page), second);
  g_assert_true (gk_projects_page_get_selected (GK_PROJECTS_PAGE (page)) == second);

  /* Its name is entered once: 表七 shows the new one. */
  name = gk_projects_page_get_field (GK_PROJECTS_PAGE (page), "name");
  gk_text_field_set_text (GK_TEXT_FIELD (name), "网站运行维护");
  g_assert_cmpstr (gk_project_get_name (second), ==, "网站运行维护");
  g_assert_cmpstr (gk_row_get_name (gk_project_get_row (second)), ==, "网站运行维护");

  /* Its indicators are added, reordered and removed. */
  indicators = GK_LIST_EDITOR (gk_projects_page_get_indicator_editor (GK_PROJECTS_PAGE (page)));
  n = g_list_model_get_n_items (gk_project_get_indicators (second));
  gk_list_editor_add (indicators);
  g_assert_cmpuint (g_list_model_get_n_items (gk_project_get_indicators (second)), ==, n + 1);
  gk_list_editor_move (indicators, n, 0);
  gk_list_editor_remove (indicators, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gk_project_get_indicators (second)), ==, n);
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_assert_cmpstr (gk_project_get_name (second), ==, "网站维护");

  /* A removed project leaves the page; the next one is shown. */
  gk_document_list_remove (document, projects, 1);
  g_assert_true (gk_projects_page_get_selected (GK_PROJECTS_PAGE (page)) != second);

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/pages/overview", test_overview);
  g_test_add_func ("/pages/facts", test_facts);
  g_test_add_func ("/pages/glossary", test_glossary);
  g_test_add_func ("/pages/projects", test_projects);

  return g_test_run ();
}
