/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-new-document-dialog.h"

/* Asks for what a blank disclosure needs: the unit, the year, the money
 * unit of its tables and the template that gives its tables. The
 * templates are grouped by region and filtered by the search entry; the
 * chosen one's tables are listed as they will be numbered. "Create" is
 * enabled once a unit is named and a template chosen. */
struct _GkNewDocumentDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *unit_row;
  GtkSpinButton    *year_spin;
  AdwComboRow      *money_row;
  GtkSearchEntry   *search_entry;
  GtkListBox       *template_list;
  GtkLabel         *tables_heading;
  GtkListBox       *table_list;

  GSettings        *settings;
};

G_DEFINE_FINAL_TYPE (GkNewDocumentDialog, gk_new_document_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The money units in the order of the combo row. */
static const GkMoneyUnit money_units[] = { GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_YUAN };

#define TEMPLATE_KEY "gk-template"
#define LAST_TEMPLATE "last-template"

GtkWidget *
gk_new_document_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (GK_TYPE_NEW_DOCUMENT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
}

GtkEditable *
gk_new_document_dialog_get_unit_entry (GkNewDocumentDialog *self)
{
  g_return_val_if_fail (GK_IS_NEW_DOCUMENT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->unit_row);
}

GtkEditable *
gk_new_document_dialog_get_search_entry (GkNewDocumentDialog *self)
{
  g_return_val_if_fail (GK_IS_NEW_DOCUMENT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

static GkTemplate *
row_template (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), TEMPLATE_KEY) : NULL;
}

/* The template chosen, or NULL when the search hides every one. */
GkTemplate *
gk_new_document_dialog_get_template (GkNewDocumentDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GK_IS_NEW_DOCUMENT_DIALOG (self), NULL);

  row = gtk_list_box_get_selected_row (self->template_list);
  if (row == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (row)))
    return NULL;
  return row_template (row);
}

/* The templates the search leaves shown, in the order listed. */
GPtrArray *
gk_new_document_dialog_list_shown (GkNewDocumentDialog *self)
{
  GPtrArray *shown = g_ptr_array_new ();

  g_return_val_if_fail (GK_IS_NEW_DOCUMENT_DIALOG (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->template_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child) && row_template (GTK_LIST_BOX_ROW (child)) != NULL)
      g_ptr_array_add (shown, row_template (GTK_LIST_BOX_ROW (child)));
  return shown;
}

static GtkListBoxRow *
find_row (GkNewDocumentDialog *self,
          const char          *id)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->template_list, i)) != NULL; i++)
    if (g_strcmp0 (gk_template_get_id (row_template (row)), id) == 0)
      return row;
  return NULL;
}

gboolean
gk_new_document_dialog_select_template (GkNewDocumentDialog *self,
                                        const char          *id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (GK_IS_NEW_DOCUMENT_DIALOG (self), FALSE);

  row = find_row (self, id);
  if (row == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (row)))
    return FALSE;
  gtk_list_box_select_row (self->template_list, row);
  return TRUE;
}

static char *
dup_unit_name (GkNewDocumentDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row))));
}

/* The blank document the dialog describes; NULL while no unit is named
 * or no template chosen. The template is remembered for the next time. */
GkDocument *
gk_new_document_dialog_create_document (GkNewDocumentDialog *self)
{
  g_autofree char *name = NULL;
  GkTemplate *template;
  guint money;

  g_return_val_if_fail (GK_IS_NEW_DOCUMENT_DIALOG (self), NULL);

  name = dup_unit_name (self);
  template = gk_new_document_dialog_get_template (self);
  if (name[0] == '\0' || template == NULL)
    return NULL;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, LAST_TEMPLATE, gk_template_get_id (template));
  money = adw_combo_row_get_selected (self->money_row);
  return gk_document_new_blank_for_template (template, name, gtk_spin_button_get_value_as_int (self->year_spin),
                                             money < G_N_ELEMENTS (money_units) ? money_units[money] : GK_MONEY_UNIT_WANYUAN);
}

static void
gk_new_document_dialog_update_create (GkNewDocumentDialog *self)
{
  g_autofree char *name = dup_unit_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           name[0] != '\0' && gk_new_document_dialog_get_template (self) != NULL);
}

static GtkWidget *
table_row (const GkTableSchema *schema)
{
  g_autofree char *name = gk_table_schema_dup_name (schema);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* The chosen template's tables, numbered as they will print. */
static void
gk_new_document_dialog_template_selected (GkNewDocumentDialog *self)
{
  GkTemplate *template;
  GtkWidget *child;

  /* The list is emptied while the dialog is disposed. */
  if (self->table_list == NULL || self->template_list == NULL)
    return;
  template = gk_new_document_dialog_get_template (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table_list))) != NULL)
    gtk_list_box_remove (self->table_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->table_list), template != NULL);
  if (template == NULL)
    gtk_label_set_text (self->tables_heading, "");
  else
    {
      guint n = gk_template_get_n_tables (template);
      g_autofree char *heading = g_strdup_printf (_("Tables of “%s”, as they will be numbered"),
                                                  gk_template_get_title (template));

      gtk_label_set_text (self->tables_heading, heading);
      for (guint i = 0; i < n; i++)
        gtk_list_box_append (self->table_list, table_row (gk_template_get_table (template, i)));
    }
  gk_new_document_dialog_update_create (self);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  GkNewDocumentDialog *self = user_data;
  GkTemplate *template = row_template (row);
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  g_strstrip (needle);
  return needle[0] == '\0' ||
         contains (gk_template_get_title (template), needle) ||
         contains (gk_template_get_region (template), needle) ||
         contains (gk_template_get_id (template), needle) ||
         contains (gk_template_get_description (template), needle);
}

/* A search that hides the chosen template chooses the first one shown. */
static void
gk_new_document_dialog_search_changed (GkNewDocumentDialog *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->template_list);

  gtk_list_box_invalidate_filter (self->template_list);
  gtk_list_box_invalidate_headers (self->template_list);
  if (selected == NULL || !gtk_widget_get_child_visible (GTK_WIDGET (selected)))
    {
      g_autoptr(GPtrArray) shown = gk_new_document_dialog_list_shown (self);

      if (shown->len > 0)
        gtk_list_box_select_row (self->template_list,
                                 find_row (self, gk_template_get_id (shown->pdata[0])));
      else
        gtk_list_box_unselect_all (self->template_list);
    }
  gk_new_document_dialog_template_selected (self);
}

/* A heading above the first template of each region. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const char *region = gk_template_get_region (row_template (row));
  GtkWidget *heading;

  if (before != NULL && g_strcmp0 (gk_template_get_region (row_template (before)), region) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  heading = gtk_label_new (region != NULL && region[0] != '\0' ? region : _("Other regions"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_set_margin_start (heading, 12);
  gtk_widget_set_margin_top (heading, 6);
  gtk_widget_set_margin_bottom (heading, 3);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_list_box_row_set_header (row, heading);
}

static gboolean
is_national (GkTemplate *template)
{
  return g_strcmp0 (gk_template_get_region (template), "全国") == 0;
}

/* The national set first, then the regions as the locale sorts their
 * names (拼音 under zh_CN), a region's bundled templates before the
 * user's own. */
static int
compare_by_region (gconstpointer a,
                   gconstpointer b)
{
  GkTemplate *x = *(GkTemplate **) a;
  GkTemplate *y = *(GkTemplate **) b;
  const char *rx = gk_template_get_region (x) ? gk_template_get_region (x) : "";
  const char *ry = gk_template_get_region (y) ? gk_template_get_region (y) : "";
  int order = (int) is_national (y) - (int) is_national (x);

  if (order == 0 && g_strcmp0 (rx, ry) != 0)
    order = g_utf8_collate (rx, ry);
  if (order == 0)
    order = (int) gk_template_is_user (x) - (int) gk_template_is_user (y);
  return order != 0 ? order : g_strcmp0 (gk_template_get_title (x), gk_template_get_title (y));
}

static GtkWidget *
template_row (GkTemplate *template)
{
  guint n = gk_template_get_n_tables (template);
  g_autofree char *count = g_strdup_printf (_("Tables: %u"), n);
  g_autofree char *kind = gk_template_is_final (template)
                            ? g_strdup_printf (_("%s · final accounts"), count)
                            : g_strdup (count);
  g_autofree char *subtitle = gk_template_is_user (template)
                                ? g_strdup_printf (_("%s · your template"), kind)
                                : g_strdup (kind);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gk_template_get_title (template));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, gk_template_get_description (template));
  g_object_set_data (G_OBJECT (row), TEMPLATE_KEY, template);
  return row;
}

static void
gk_new_document_dialog_fill_templates (GkNewDocumentDialog *self)
{
  g_autoptr(GPtrArray) templates = gk_template_list_all ();
  g_autofree char *last = self->settings != NULL ? g_settings_get_string (self->settings, LAST_TEMPLATE) : NULL;

  g_ptr_array_sort (templates, compare_by_region);
  for (guint i = 0; i < templates->len; i++)
    gtk_list_box_append (self->template_list, template_row (templates->pdata[i]));
  gtk_list_box_set_filter_func (self->template_list, filter_row, self, NULL);
  gtk_list_box_set_header_func (self->template_list, update_header, NULL, NULL);

  if ((last == NULL || !gk_new_document_dialog_select_template (self, last)) &&
      !gk_new_document_dialog_select_template (self, gk_template_get_id (gk_template_get_default ())))
    gtk_list_box_select_row (self->template_list, gtk_list_box_get_row_at_index (self->template_list, 0));
}

static void
gk_new_document_dialog_dispose (GObject *object)
{
  GkNewDocumentDialog *self = GK_NEW_DOCUMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_NEW_DOCUMENT_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gk_new_document_dialog_parent_class)->dispose (object);
}

static void
gk_new_document_dialog_class_init (GkNewDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_new_document_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-new-document-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkNewDocumentDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, GkNewDocumentDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, GkNewDocumentDialog, money_row);
  gtk_widget_class_bind_template_child (widget_class, GkNewDocumentDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkNewDocumentDialog, template_list);
  gtk_widget_class_bind_template_child (widget_class, GkNewDocumentDialog, tables_heading);
  gtk_widget_class_bind_template_child (widget_class, GkNewDocumentDialog, table_list);
  gtk_widget_class_bind_template_callback (widget_class, gk_new_document_dialog_update_create);
  gtk_widget_class_bind_template_callback (widget_class, gk_new_document_dialog_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, gk_new_document_dialog_template_selected);
}

static void
gk_new_document_dialog_init (GkNewDocumentDialog *self)
{
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Without the installed schema (the build tree) the last template is
   * not remembered; the default one is chosen. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, LAST_TEMPLATE))
    self->settings = g_settings_new_full (schema, NULL, NULL);

  /* The money units as the tables print them, whatever the UI language. */
  for (guint i = 0; i < G_N_ELEMENTS (money_units); i++)
    gtk_string_list_append (units, gk_money_unit_to_string (money_units[i]));
  adw_combo_row_set_model (self->money_row, G_LIST_MODEL (units));
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
  gk_new_document_dialog_fill_templates (self);
}
