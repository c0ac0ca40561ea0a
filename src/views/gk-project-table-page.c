/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-dialog.h"
#include "gk-project-table-page.h"

/* 表七: its rows are the projects, grouped under their function 项. A new
 * project names its 项 among those of 表三, where its expenditure must
 * already be budgeted (表三 项目支出 = 表七 per 项). */
struct _GkProjectTablePage
{
  GkTablePage parent_instance;
};

G_DEFINE_FINAL_TYPE (GkProjectTablePage, gk_project_table_page, GK_TYPE_TABLE_PAGE)

/* "2010301 行政运行" for each function 项 of 表三, for the project dialog. */
GListModel *
gk_project_table_page_list_items (GkProjectTablePage *self)
{
  GkDocument *document;
  GkTable *expenditure;
  GtkStringList *items;

  g_return_val_if_fail (GK_IS_PROJECT_TABLE_PAGE (self), NULL);

  document = gk_table_page_get_document (GK_TABLE_PAGE (self));
  expenditure = gk_document_get_table (document, "expenditure");
  items = gtk_string_list_new (NULL);
  for (guint i = 0; expenditure && i < g_list_model_get_n_items (G_LIST_MODEL (expenditure)); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (expenditure), i);
      g_autofree char *text = NULL;

      if (gk_row_get_kind (row) != GK_ROW_KIND_ITEM)
        continue;
      text = g_strdup_printf ("%s %s", gk_row_get_code (row), gk_row_get_name (row));
      gtk_string_list_append (items, text);
    }
  return G_LIST_MODEL (items);
}

GkProject *
gk_project_table_page_add (GkProjectTablePage  *self,
                           const char          *name,
                           const char          *function_code,
                           GError             **error)
{
  GkTablePage *page = GK_TABLE_PAGE (self);
  g_autofree char *stripped = NULL;
  GkProject *project;

  g_return_val_if_fail (GK_IS_PROJECT_TABLE_PAGE (self), NULL);

  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("A project needs a name"));
      return NULL;
    }
  if (gk_classification_level (GK_CLASSIFICATION_FUNCTION, function_code) != GK_LEVEL_ITEM)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("A project belongs to a function item (项) of 7 digits, such as 2010301"));
      return NULL;
    }
  project = gk_document_add_project (gk_table_page_get_document (page), stripped, function_code);
  gk_table_page_added_row (page, gk_project_get_row (project));
  return project;
}

static void
add_response (AdwMessageDialog   *dialog,
              const char         *response,
              GkProjectTablePage *self)
{
  AdwEntryRow *name = g_object_get_data (G_OBJECT (dialog), "gk-name");
  AdwComboRow *item = g_object_get_data (G_OBJECT (dialog), "gk-item");
  GtkStringObject *chosen;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  chosen = adw_combo_row_get_selected_item (item);
  if (chosen == NULL)
    return;
  code = g_strndup (gtk_string_object_get_string (chosen), strcspn (gtk_string_object_get_string (chosen), " "));
  if (gk_project_table_page_add (self, gtk_editable_get_text (GTK_EDITABLE (name)), code, &error) == NULL)
    gk_table_page_show_message (GK_TABLE_PAGE (self), error->message);
}

static void
name_changed (AdwMessageDialog *dialog,
              GtkEditable      *name)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));
  adw_message_dialog_set_response_enabled (dialog, "add", text[0] != '\0');
}

static void
gk_project_table_page_add_row (GkTablePage *page,
                               GtkWidget   *anchor)
{
  GkProjectTablePage *self = GK_PROJECT_TABLE_PAGE (page);
  g_autoptr(GListModel) items = gk_project_table_page_list_items (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *list, *name, *item;

  if (g_list_model_get_n_items (items) == 0)
    {
      gk_table_page_show_message (page, _("Add the function item (项) of the project to Table 3 first"));
      return;
    }
  if (!GTK_IS_WINDOW (root))
    return;

  dialog = gk_dialog_new_message (GTK_WIDGET (self), _("New Project"),
                                   _("Its figures are then entered on its row of Table 7, and its description on the Projects page."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Project name"));
  item = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), _("Function item"));
  adw_combo_row_set_model (ADW_COMBO_ROW (item), items);
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  gtk_list_box_append (GTK_LIST_BOX (list), item);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "gk-name", name);
  g_object_set_data (G_OBJECT (dialog), "gk-item", item);
  g_signal_connect_object (name, "changed", G_CALLBACK (name_changed), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
gk_project_table_page_can_remove_row (GkTablePage  *page,
                                      GkRow        *row,
                                      GError      **error)
{
  if (gk_row_get_project (row) == NULL)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                           _("Only projects can be removed here; the rows above them follow from the projects"));
      return FALSE;
    }
  return TRUE;
}

static void
gk_project_table_page_remove_row (GkTablePage *page,
                                  GkRow       *row)
{
  GkDocument *document = gk_table_page_get_document (page);
  GListModel *projects = gk_document_get_projects (document);
  guint position;

  if (gk_row_get_project (row) == NULL ||
      !g_list_store_find (G_LIST_STORE (projects), gk_row_get_project (row), &position))
    return;
  gk_document_list_remove (document, projects, position);
}

static void
gk_project_table_page_class_init (GkProjectTablePageClass *klass)
{
  GkTablePageClass *page_class = GK_TABLE_PAGE_CLASS (klass);

  page_class->add_row = gk_project_table_page_add_row;
  page_class->can_remove_row = gk_project_table_page_can_remove_row;
  page_class->remove_row = gk_project_table_page_remove_row;
}

static void
gk_project_table_page_init (GkProjectTablePage *self)
{
  AdwButtonContent *content = NULL;

  /* The Add button speaks of projects here. */
  content = ADW_BUTTON_CONTENT (gtk_widget_get_template_child (GTK_WIDGET (self), GK_TYPE_TABLE_PAGE,
                                                               "add_button_content"));
  adw_button_content_set_label (content, _("_Add Project"));
}
