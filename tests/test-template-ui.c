/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gk-application.h"
#include "gk-new-document-dialog.h"
#include "gk-template-dialog.h"
#include "gk-window.h"

#include "gk-test-common.h"
#include "gk-test-template.h"

/* The window's sidebar follows the document's template; New chooses a
 * template; Tables… shapes one. */

#define TEST_ID "test-ui-county"
#define TEST_TITLE "测试县界面模板"

static GkTemplate *
test_template (void)
{
  static GkTemplate *template;

  if (template == NULL)
    template = gk_test_install_template (TEST_ID, TEST_TITLE);
  return template;
}

static gpointer
template_child (GkWindow   *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), GK_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
row_label (GtkListBoxRow *row)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  if (GTK_IS_BOX (label))
    label = gtk_widget_get_first_child (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The sidebar lists the overview, then exactly the template's tables in
 * its order and with its names, then the notes and review pages. */
static void
assert_sidebar_follows (GkWindow   *window,
                        GkTemplate *template)
{
  GtkListBox *sidebar = template_child (window, "sidebar");
  guint n = gk_template_get_n_tables (template);

  g_assert_cmpstr (row_label (gtk_list_box_get_row_at_index (sidebar, 0)), ==, _("Unit Overview"));
  for (guint i = 0; i < n; i++)
    {
      const GkTableSchema *schema = gk_template_get_table (template, i);
      g_autofree char *name = gk_table_schema_dup_name (schema);

      g_assert_cmpstr (row_label (gtk_list_box_get_row_at_index (sidebar, i + 1)), ==, name);
      g_assert_nonnull (gk_window_get_page (window, schema->id));
    }
  g_assert_cmpstr (row_label (gtk_list_box_get_row_at_index (sidebar, n + 1)), ==, _("Explanatory Notes"));
  g_assert_cmpstr (row_label (gtk_list_box_get_row_at_index (sidebar, n + 5)), ==, _("Checks"));
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, n + 6));
}

static void
sidebar_follows (GkApplication *app,
                 GkWindow      *window)
{
  g_autoptr(GkDocument) seed = gk_document_new_blank ("单位甲", 2024, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GkDocument) other = gk_document_new_blank_for_template (test_template (), "单位乙", 2024,
                                                                    GK_MONEY_UNIT_WANYUAN);

  /* Without a document, the default template's tables. */
  assert_sidebar_follows (window, gk_template_get_default ());

  gk_window_set_document (window, seed, NULL);
  assert_sidebar_follows (window, gk_template_get_default ());
  gk_window_set_selected_page (window, "basic-expenditure");
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "basic-expenditure");

  /* The other template has no 表六: the sidebar is rebuilt without it
   * and the page shown falls back to the overview. */
  gk_window_set_document (window, other, NULL);
  assert_sidebar_follows (window, test_template ());
  g_assert_null (gk_window_get_page (window, "basic-expenditure"));
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "overview");
  {
    g_autofree char *name = gk_table_schema_dup_name (gk_template_lookup (test_template (), "sangong"));
    g_assert_cmpstr (name, ==, "表七 " GK_TEST_SANGONG_TITLE);
  }

  /* A page the document lacks is no crash, only the overview. */
  gk_window_set_selected_page (window, "basic-expenditure");
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "overview");
  gk_window_set_selected_page (window, "sangong");
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "sangong");

  gk_test_destroy_window (window);
}

static void
test_sidebar_follows (void)
{
  gk_test_run_window (sidebar_follows);
}

static gboolean
lists (GPtrArray  *templates,
       GkTemplate *template)
{
  return g_ptr_array_find (templates, template, NULL);
}

static void
new_document_dialog (GkApplication *app,
                     GkWindow      *window)
{
  GtkWidget *dialog = g_object_ref_sink (gk_new_document_dialog_new (GTK_WINDOW (window)));
  GkNewDocumentDialog *self = GK_NEW_DOCUMENT_DIALOG (dialog);
  GtkEditable *search = gk_new_document_dialog_get_search_entry (self);
  g_autoptr(GPtrArray) shown = gk_new_document_dialog_list_shown (self);
  g_autoptr(GPtrArray) filtered = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "last-template");
  gtk_window_present (GTK_WINDOW (dialog));

  /* Every template, the default chosen. */
  g_assert_true (lists (shown, gk_template_get_default ()));
  g_assert_true (lists (shown, test_template ()));
  g_assert_true (gk_new_document_dialog_get_template (self) == gk_template_get_default ());

  /* The search filters by title, region or id; the choice follows. */
  gtk_editable_set_text (search, "测试县界面");
  g_signal_emit_by_name (search, "search-changed");
  filtered = gk_new_document_dialog_list_shown (self);
  g_assert_cmpuint (filtered->len, ==, 1);
  g_assert_true (filtered->pdata[0] == test_template ());
  g_assert_true (gk_new_document_dialog_get_template (self) == test_template ());

  gtk_editable_set_text (search, "no such template");
  g_signal_emit_by_name (search, "search-changed");
  none = gk_new_document_dialog_list_shown (self);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_null (gk_new_document_dialog_get_template (self));
  gtk_editable_set_text (gk_new_document_dialog_get_unit_entry (self), "示例单位");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  g_assert_null (gk_new_document_dialog_create_document (self));

  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_true (gk_new_document_dialog_select_template (self, TEST_ID));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));

  /* The document has the template's tables; the choice is remembered. */
  document = gk_new_document_dialog_create_document (self);
  g_assert_nonnull (document);
  g_assert_true (gk_document_get_template (document) == test_template ());
  g_assert_null (gk_document_get_table (document, "basic-expenditure"));
  g_assert_cmpstr (gk_document_get_unit (document), ==, "示例单位");
  {
    g_autofree char *last = g_settings_get_string (settings, "last-template");
    g_assert_cmpstr (last, ==, TEST_ID);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  /* The next time, the last template is chosen first. */
  dialog = g_object_ref_sink (gk_new_document_dialog_new (GTK_WINDOW (window)));
  g_assert_true (gk_new_document_dialog_get_template (GK_NEW_DOCUMENT_DIALOG (dialog)) == test_template ());
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  g_settings_reset (settings, "last-template");

  gk_test_destroy_window (window);
}

static void
test_new_document_dialog (void)
{
  gk_test_run_window (new_document_dialog);
}

static GkTemplateDialog *
find_template_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GK_IS_TEMPLATE_DIALOG (window) && gtk_widget_get_visible (window))
        return GK_TEMPLATE_DIALOG (window);
    }
  return NULL;
}

static gboolean
template_dialog_shown (gpointer data)
{
  return find_template_dialog () != NULL;
}

static GkTemplateDialog *
open_template_dialog (GkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-template", NULL));
  gk_test_iterate_until (template_dialog_shown, NULL);
  return find_template_dialog ();
}

static GkAmount
sangong_reception (GkDocument *document)
{
  GkTable *sangong = gk_document_get_table (document, "sangong");

  g_assert_nonnull (sangong);
  return gk_row_get_value (gk_table_get_single_row (sangong), gk_table_column_index (sangong, "reception"));
}

static void
template_dialog (GkApplication *app,
                 GkWindow      *window)
{
  g_autoptr(GkDocument) document = gk_document_new_blank_for_template (test_template (), "单位丙", 2024,
                                                                       GK_MONEY_UNIT_WANYUAN);
  GkTable *sangong = gk_document_get_table (document, "sangong");
  GkTemplateDialog *dialog;
  GtkSwitch *optional;
  GtkSwitch *required;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *roles = NULL;
  gboolean found = FALSE;

  g_assert_true (gk_document_set_amount_text (document, gk_table_get_single_row (sangong),
                                              gk_table_column_index (sangong, "reception"), "8", &error));
  g_assert_no_error (error);

  /* Without a document there is nothing to shape. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-template", NULL);
  gk_test_iterate_idle ();
  g_assert_null (find_template_dialog ());
  gk_window_set_document (window, document, NULL);
  gk_window_set_selected_page (window, "sangong");

  dialog = open_template_dialog (window);
  optional = gk_template_dialog_get_switch (dialog, "sangong");
  required = gk_template_dialog_get_switch (dialog, "income");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (optional)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (required)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (required)));
  g_assert_null (gk_template_dialog_get_switch (dialog, "no-such-table"));

  /* Switched off and applied: the sidebar loses 表八. */
  gtk_switch_set_active (optional, FALSE);
  g_assert_true (gk_template_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (gk_document_get_table (document, "sangong"));
  g_assert_null (gk_window_get_page (window, "sangong"));
  g_assert_cmpstr (gk_window_get_selected_page (window), ==, "overview");
  assert_sidebar_follows (window, gk_document_get_template (document));

  /* The dialog lists it switched off; switched on, its figure is back. */
  dialog = open_template_dialog (window);
  optional = gk_template_dialog_get_switch (dialog, "sangong");
  g_assert_false (gtk_switch_get_active (optional));
  gtk_switch_set_active (optional, TRUE);
  g_assert_true (gk_template_dialog_apply (dialog, &error));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (sangong_reception (document), ==, 800);
  g_assert_nonnull (gk_window_get_page (window, "sangong"));

  /* Undo goes back one change at a time, the sidebar with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (gk_window_get_page (window, "sangong"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  assert_sidebar_follows (window, test_template ());
  g_assert_cmpint (sangong_reception (document), ==, 800);

  /* Moved and retitled. */
  dialog = open_template_dialog (window);
  g_assert_false (gk_template_dialog_move (dialog, "income-summary", -1));
  g_assert_true (gk_template_dialog_move (dialog, "income", 1));
  gtk_editable_set_text (gk_template_dialog_get_title (dialog, "income"), "收入预算表");
  roles = gk_template_dialog_dup_roles (dialog);
  g_assert_true (g_str_has_prefix (roles, "income-summary expenditure income "));

  /* Saved as the user's template, it is listed for New. */
  g_assert_null (gk_template_dialog_save_as (dialog, "  ", &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  saved = gk_template_dialog_save_as (dialog, "我的模板", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (saved, NULL));
  all = gk_template_list_all ();
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gk_template_get_title (all->pdata[i]), "我的模板") == 0)
      {
        GkTemplate *mine = all->pdata[i];

        found = TRUE;
        g_assert_true (gk_template_is_user (mine));
        g_assert_cmpstr (gk_template_get_table (mine, 2)->id, ==, "income");
        g_assert_cmpstr (gk_template_get_table (mine, 2)->title, ==, "收入预算表");
      }
  g_assert_true (found);

  g_assert_true (gk_template_dialog_apply (dialog, &error));
  g_assert_cmpstr (gk_table_get_id (gk_document_get_table_at (document, 2)), ==, "income");
  assert_sidebar_follows (window, gk_document_get_template (document));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gk_window_set_document (window, NULL, NULL);
  gk_test_destroy_window (window);
}

static void
test_template_dialog (void)
{
  gk_test_run_window (template_dialog);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("GK_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  gk_test_use_temporary_data_home ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();

  g_test_add_func ("/template-ui/sidebar-follows", test_sidebar_follows);
  g_test_add_func ("/template-ui/new-document-dialog", test_new_document_dialog);
  g_test_add_func ("/template-ui/template-dialog", test_template_dialog);

  return g_test_run ();
}
