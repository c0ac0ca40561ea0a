/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-new-document-dialog.h"

/* Asks for what a blank disclosure needs: the unit, the year and the
 * money unit of its tables. "Create" is enabled once a unit is named. */
struct _GkNewDocumentDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *unit_row;
  GtkSpinButton    *year_spin;
  AdwComboRow      *money_row;
};

G_DEFINE_FINAL_TYPE (GkNewDocumentDialog, gk_new_document_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The money units in the order of the combo row. */
static const GkMoneyUnit money_units[] = { GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_YUAN };

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

static char *
dup_unit_name (GkNewDocumentDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row))));
}

/* The blank document the dialog describes; NULL while no unit is named. */
GkDocument *
gk_new_document_dialog_create_document (GkNewDocumentDialog *self)
{
  g_autofree char *name = NULL;
  guint money;

  g_return_val_if_fail (GK_IS_NEW_DOCUMENT_DIALOG (self), NULL);

  name = dup_unit_name (self);
  if (name[0] == '\0')
    return NULL;
  money = adw_combo_row_get_selected (self->money_row);
  return gk_document_new_blank (name, gtk_spin_button_get_value_as_int (self->year_spin),
                                money < G_N_ELEMENTS (money_units) ? money_units[money] : GK_MONEY_UNIT_WANYUAN);
}

static void
gk_new_document_dialog_unit_changed (GkNewDocumentDialog *self)
{
  g_autofree char *name = dup_unit_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", name[0] != '\0');
}

static void
gk_new_document_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_NEW_DOCUMENT_DIALOG);

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
  gtk_widget_class_bind_template_callback (widget_class, gk_new_document_dialog_unit_changed);
}

static void
gk_new_document_dialog_init (GkNewDocumentDialog *self)
{
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The money units as the tables print them, whatever the UI language. */
  for (guint i = 0; i < G_N_ELEMENTS (money_units); i++)
    gtk_string_list_append (units, gk_money_unit_to_string (money_units[i]));
  adw_combo_row_set_model (self->money_row, G_LIST_MODEL (units));
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
}
