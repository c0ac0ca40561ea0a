/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-atomic-writer.h"
#include "gk-template-dialog.h"

/* Tables…: the tables of the document's template, each with its switch
 * (optional tables only), its place and its printed title. Apply gives
 * the document a customised template; Save as Template… writes one to
 * the user's templates, where the new-document dialog lists it. */

typedef struct
{
  char        *role;
  gboolean     optional;
  AdwEntryRow *row;
  GtkSwitch   *enabled;
  GtkWidget   *up;
  GtkWidget   *down;
} Entry;

struct _GkTemplateDialog
{
  AdwWindow       parent_instance;

  AdwWindowTitle *window_title;
  GtkListBox     *list;

  GkDocument     *document;
  GPtrArray      *entries;    /* Entry, in the order shown */
};

G_DEFINE_FINAL_TYPE (GkTemplateDialog, gk_template_dialog, ADW_TYPE_WINDOW)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->role);
  g_free (entry);
}

static Entry *
lookup_entry (GkTemplateDialog *self,
              const char       *role,
              guint            *index)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (g_str_equal (entry->role, role))
        {
          if (index != NULL)
            *index = i;
          return entry;
        }
    }
  return NULL;
}

GtkSwitch *
gk_template_dialog_get_switch (GkTemplateDialog *self,
                               const char       *role)
{
  Entry *entry;

  g_return_val_if_fail (GK_IS_TEMPLATE_DIALOG (self), NULL);
  entry = lookup_entry (self, role, NULL);
  return entry != NULL ? entry->enabled : NULL;
}

GtkEditable *
gk_template_dialog_get_title (GkTemplateDialog *self,
                              const char       *role)
{
  Entry *entry;

  g_return_val_if_fail (GK_IS_TEMPLATE_DIALOG (self), NULL);
  entry = lookup_entry (self, role, NULL);
  return entry != NULL ? GTK_EDITABLE (entry->row) : NULL;
}

/* "income expenditure …": the roles switched on, in order. */
char *
gk_template_dialog_dup_roles (GkTemplateDialog *self)
{
  GString *roles = g_string_new (NULL);

  g_return_val_if_fail (GK_IS_TEMPLATE_DIALOG (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (gtk_switch_get_active (entry->enabled))
        g_string_append_printf (roles, roles->len > 0 ? " %s" : "%s", entry->role);
    }
  return g_string_free (roles, FALSE);
}

/**
 * gk_template_dialog_build:
 *
 * The template the dialog describes: the document's template's tables
 * that are switched on, in the order shown, with the titles typed.
 */
GkTemplate *
gk_template_dialog_build (GkTemplateDialog  *self,
                          GError           **error)
{
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (GK_IS_TEMPLATE_DIALOG (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (!gtk_switch_get_active (entry->enabled))
        continue;
      g_ptr_array_add (roles, entry->role);
      g_ptr_array_add (titles, g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry->row)))));
    }
  g_ptr_array_add (roles, NULL);
  g_ptr_array_add (titles, NULL);
  return gk_template_customise (gk_document_get_template (self->document),
                                (const char * const *) roles->pdata,
                                (const char * const *) titles->pdata, error);
}

/* Each row says how its table will be numbered, so the labels follow
 * every switch and move; the buttons at the ends do nothing. */
static void
gk_template_dialog_update (GkTemplateDialog *self)
{
  GkTemplate *template = gk_template_dialog_build (self, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];
      const GkTableSchema *schema = template != NULL ? gk_template_lookup (template, entry->role) : NULL;

      if (!gtk_switch_get_active (entry->enabled))
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->row), _("Not printed"));
      else if (schema != NULL)
        {
          g_autofree char *label = gk_table_schema_dup_label (schema);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->row), label[0] != '\0' ? label : _("Printed"));
        }
      gtk_widget_set_sensitive (entry->up, i > 0);
      gtk_widget_set_sensitive (entry->down, i + 1 < self->entries->len);
    }
}

/* Moves the table of @role by @delta places; FALSE when it cannot. */
gboolean
gk_template_dialog_move (GkTemplateDialog *self,
                         const char       *role,
                         int               delta)
{
  Entry *entry;
  guint index;
  int target;

  g_return_val_if_fail (GK_IS_TEMPLATE_DIALOG (self), FALSE);

  entry = lookup_entry (self, role, &index);
  if (entry == NULL)
    return FALSE;
  target = (int) index + delta;
  if (target < 0 || target >= (int) self->entries->len || delta == 0)
    return FALSE;

  g_ptr_array_steal_index (self->entries, index);
  g_ptr_array_insert (self->entries, target, entry);
  g_object_ref (entry->row);
  gtk_list_box_remove (self->list, GTK_WIDGET (entry->row));
  gtk_list_box_insert (self->list, GTK_WIDGET (entry->row), target);
  g_object_unref (entry->row);
  gk_template_dialog_update (self);
  return TRUE;
}

static void
move_clicked (GtkButton        *button,
              GkTemplateDialog *self)
{
  const char *role = g_object_get_data (G_OBJECT (button), "gk-role");
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "gk-delta"));

  gk_template_dialog_move (self, role, delta);
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

static GtkWidget *
move_button (GkTemplateDialog *self,
             Entry            *entry,
             const char       *icon,
             const char       *tooltip,
             int               delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "gk-role", entry->role);
  g_object_set_data (G_OBJECT (button), "gk-delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", G_CALLBACK (move_clicked), self, 0);
  return button;
}

static void
add_entry (GkTemplateDialog    *self,
           const GkTableSchema *schema,
           gboolean             active)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->role = g_strdup (schema->id);
  entry->optional = schema->optional;
  entry->row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_editable_set_text (GTK_EDITABLE (entry->row), schema->title);

  entry->enabled = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (entry->enabled, active);
  gtk_widget_set_valign (GTK_WIDGET (entry->enabled), GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (GTK_WIDGET (entry->enabled), schema->optional);
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry->enabled),
                               schema->optional ? _("Print this table")
                                                : _("This table cannot be switched off: other tables are derived from it or the template requires it"));
  g_signal_connect_object (entry->enabled, "notify::active", G_CALLBACK (gk_template_dialog_update), self, G_CONNECT_SWAPPED);

  entry->up = move_button (self, entry, "go-up-symbolic", _("Move Up"), -1);
  entry->down = move_button (self, entry, "go-down-symbolic", _("Move Down"), 1);
  adw_entry_row_add_suffix (entry->row, GTK_WIDGET (entry->enabled));
  adw_entry_row_add_suffix (entry->row, entry->up);
  adw_entry_row_add_suffix (entry->row, entry->down);

  g_ptr_array_add (self->entries, entry);
  gtk_list_box_append (self->list, GTK_WIDGET (entry->row));
}

/* The document's tables in its order, then the tables of its base
 * template it leaves out, switched off. */
static void
gk_template_dialog_fill (GkTemplateDialog *self)
{
  GkTemplate *template = gk_document_get_template (self->document);
  GkTemplate *base = gk_template_get_base (template);

  adw_window_title_set_subtitle (self->window_title, gk_template_get_title (base));
  for (guint i = 0; i < gk_template_get_n_tables (template); i++)
    add_entry (self, gk_template_get_table (template, i), TRUE);
  for (guint i = 0; i < gk_template_get_n_tables (base); i++)
    {
      const GkTableSchema *schema = gk_template_get_table (base, i);

      if (gk_template_lookup (template, schema->id) == NULL)
        add_entry (self, schema, FALSE);
    }
  gk_template_dialog_update (self);
}

GtkWidget *
gk_template_dialog_new (GtkWindow  *parent,
                        GkDocument *document)
{
  GkTemplateDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_TEMPLATE_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  gk_template_dialog_fill (self);
  return GTK_WIDGET (self);
}

/* Gives the document the template the dialog describes, as one undoable
 * action. */
gboolean
gk_template_dialog_apply (GkTemplateDialog  *self,
                          GError           **error)
{
  GkTemplate *template;

  g_return_val_if_fail (GK_IS_TEMPLATE_DIALOG (self), FALSE);

  template = gk_template_dialog_build (self, error);
  return template != NULL && gk_document_set_template (self->document, template, error);
}

/* The tables switched off here that hold figures, as "表八、表九". */
static char *
dup_dropped_with_figures (GkTemplateDialog *self)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];
      GkTable *table = gk_document_get_table (self->document, entry->role);

      if (gtk_switch_get_active (entry->enabled) || table == NULL || gk_table_is_empty (table))
        continue;
      if (names->len > 0)
        g_string_append (names, "、");
      g_string_append_printf (names, "“%s”", gk_table_get_schema (table)->title);
    }
  return g_string_free (names, names->len == 0);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_template_dialog_apply_now (GkTemplateDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!gk_template_dialog_apply (self, &error))
    {
      show_error (GTK_WINDOW (self), _("Cannot Change the Tables"), error);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
switch_off_response (AdwMessageDialog *dialog,
                     const char       *response,
                     GkTemplateDialog *self)
{
  if (g_strcmp0 (response, "switch-off") == 0)
    gk_template_dialog_apply_now (self);
}

/* Switching off a table that holds figures keeps them in the document
 * (switching the table on brings them back, and so does Undo), but the
 * file holds only the tables printed: that is said before, not after. */
static void
gk_template_dialog_apply_clicked (GkTemplateDialog *self)
{
  g_autofree char *dropped = dup_dropped_with_figures (self);
  GtkWidget *dialog;

  if (dropped == NULL)
    {
      gk_template_dialog_apply_now (self);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Switch Off Tables With Figures?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s hold figures. They stay in this document while it is open, and come back when the table is switched on again or the change is undone, but a saved file keeps only the tables that are printed."),
                                  dropped);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "switch-off", _("_Switch Off"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "switch-off", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (switch_off_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gk_template_dialog_save_as:
 * @name: the title the template is listed under
 *
 * Writes the template the dialog describes to the user's templates,
 * under an id made from @name (the same name replaces the template saved
 * before under it).
 *
 * Returns: (transfer full): the file written, or NULL with @error set
 */
GFile *
gk_template_dialog_save_as (GkTemplateDialog  *self,
                            const char        *name,
                            GError           **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *id = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *folder_path = gk_template_get_user_folder ();
  g_autofree char *json = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) file = NULL;
  GkTemplate *template;

  g_return_val_if_fail (GK_IS_TEMPLATE_DIALOG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  clean = g_strstrip (g_strdup (name));
  if (clean[0] == '\0')
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID, _("The template needs a name"));
      return NULL;
    }
  template = gk_template_dialog_build (self, error);
  if (template == NULL)
    return NULL;

  /* Ids are plain ASCII whatever the name; the name is the title. */
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, clean, -1);
  id = g_strdup_printf ("user-%.12s", digest);
  basename = g_strconcat (id, ".json", NULL);
  json = gk_template_to_json (template, id, clean);
  file = g_file_get_child (folder, basename);
  if (!gk_file_make_folder (folder, error) ||
      !gk_file_write_atomic (file, json, strlen (json), GK_ATOMIC_NONE, NULL, error))
    return NULL;
  return g_steal_pointer (&file);
}

static void
save_response (AdwMessageDialog *dialog,
               const char       *response,
               GkTemplateDialog *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *message = NULL;
  GtkWindow *parent;

  if (g_strcmp0 (response, "save") != 0)
    return;
  file = gk_template_dialog_save_as (self, gtk_editable_get_text (entry), &error);
  if (file == NULL)
    {
      show_error (GTK_WINDOW (self), _("Cannot Save the Template"), error);
      return;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  message = g_strdup_printf (_("Template “%s” saved; New lists it"), gtk_editable_get_text (entry));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", message);
}

static void
name_changed (GtkEditable      *entry,
              AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

static void
gk_template_dialog_save_clicked (GkTemplateDialog *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save as Template"),
                                              _("The template keeps the tables switched on here, in this order and with these titles. New lists it for other disclosures."));
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *suggestion = g_strdup_printf (_("%s (own)"), gk_template_get_title (gk_template_get_base (gk_document_get_template (self->document))));

  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_template_dialog_dispose (GObject *object)
{
  GkTemplateDialog *self = GK_TEMPLATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_TEMPLATE_DIALOG);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_template_dialog_parent_class)->dispose (object);
}

static void
gk_template_dialog_class_init (GkTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_template_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkTemplateDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GkTemplateDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, gk_template_dialog_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, gk_template_dialog_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gk_template_dialog_init (GkTemplateDialog *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
