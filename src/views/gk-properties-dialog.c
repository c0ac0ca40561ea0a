/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gk-document-io.h"
#include "gk-properties-dialog.h"

/* File → Properties…: the document's own facts — the unit (编制部门), the
 * region line of the cover, the year, the money unit and the date. Each
 * row applies on Enter or its tick as one undoable action; what cannot be
 * applied is said on the row and nothing changes. The rows follow the
 * document, so an undo shows at once. */

/* As a file may give them. */
#define YEAR_MIN GK_FILE_YEAR_MIN
#define YEAR_MAX GK_FILE_YEAR_MAX

struct _GkPropertiesDialog
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *unit_row;
  AdwEntryRow          *region_row;
  AdwEntryRow          *year_row;
  AdwComboRow          *money_row;
  AdwComboRow          *unit_type_row;
  AdwEntryRow          *date_row;

  GkDocument           *document;
  GtkWidget            *question;     /* the money unit's, while it is asked */
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (GkPropertiesDialog, gk_properties_dialog, ADW_TYPE_PREFERENCES_WINDOW)

/* A row's message lives in a label at its end, made when first needed. */
static GtkLabel *
row_message (GtkWidget *row,
             gboolean   create)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "gk-message");

  if (label == NULL && create)
    {
      label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_max_width_chars (label, 24);
      gtk_label_set_xalign (label, 1.0);
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
      if (ADW_IS_ENTRY_ROW (row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (label));
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (label));
      g_object_set_data (G_OBJECT (row), "gk-message", label);
    }
  return label;
}

static void
row_say (GtkWidget  *row,
         const char *message)
{
  GtkLabel *label = row_message (row, message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (label != NULL)
    {
      gtk_label_set_text (label, message ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
    }
}

static void
gk_properties_dialog_update (GkPropertiesDialog *self)
{
  g_autofree char *year = NULL;

  if (self->document == NULL)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), gk_document_get_unit (self->document) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), gk_document_get_region (self->document) ?: "");
  year = gk_document_get_year (self->document) != 0 ? g_strdup_printf ("%u", gk_document_get_year (self->document))
                                                    : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), gk_document_get_date (self->document) ?: "");
  adw_combo_row_set_selected (self->money_row, gk_document_get_money_unit (self->document));
  adw_combo_row_set_selected (self->unit_type_row, gk_document_get_unit_type (self->document));
  row_say (GTK_WIDGET (self->unit_row), NULL);
  row_say (GTK_WIDGET (self->region_row), NULL);
  row_say (GTK_WIDGET (self->year_row), NULL);
  row_say (GTK_WIDGET (self->date_row), NULL);
  row_say (GTK_WIDGET (self->money_row), NULL);
  self->updating = FALSE;
}

static void
apply_text (GkPropertiesDialog *self,
            const char         *property,
            const char         *text,
            const char         *label)
{
  gk_document_begin_action (self->document, label);
  gk_document_set_text (self->document, self->document, property, text);
  gk_document_end_action (self->document);
  gk_properties_dialog_update (self);
}

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
gk_properties_dialog_apply_unit (GkPropertiesDialog *self)
{
  g_autofree char *text = dup_stripped (self->unit_row);

  if (text[0] == '\0')
    {
      row_say (GTK_WIDGET (self->unit_row), _("Enter the unit’s name"));
      return;
    }
  apply_text (self, "unit", text, _("Change Unit Name"));
}

static void
gk_properties_dialog_apply_region (GkPropertiesDialog *self)
{
  g_autofree char *text = dup_stripped (self->region_row);

  if (g_utf8_strlen (text, -1) > GK_REGION_MAX_CHARS)
    {
      g_autofree char *message = g_strdup_printf (_("The region line is one line of the cover: at most %d characters"),
                                                  GK_REGION_MAX_CHARS);
      row_say (GTK_WIDGET (self->region_row), message);
      return;
    }
  /* Empty is no region line: the cover shows the unit alone. */
  apply_text (self, "region", text[0] != '\0' ? text : NULL, _("Change Region Line"));
}

static void
gk_properties_dialog_apply_year (GkPropertiesDialog *self)
{
  g_autofree char *text = dup_stripped (self->year_row);
  guint64 year = 0;

  if (!g_ascii_string_to_unsigned (text, 10, YEAR_MIN, YEAR_MAX, &year, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("The year must be a number from %d to %d"),
                                                  YEAR_MIN, YEAR_MAX);
      row_say (GTK_WIDGET (self->year_row), message);
      return;
    }
  gk_document_begin_action (self->document, _("Change Year"));
  gk_document_set_int (self->document, self->document, "year", (gint64) year);
  gk_document_end_action (self->document);
  gk_properties_dialog_update (self);
}

static gboolean
valid_date (const char *text)
{
  return gk_date_text_is_valid (text);
}

static void
gk_properties_dialog_apply_date (GkPropertiesDialog *self)
{
  g_autofree char *text = dup_stripped (self->date_row);

  if (text[0] != '\0' && !valid_date (text))
    {
      row_say (GTK_WIDGET (self->date_row), _("Write the date as YYYY-MM-DD, such as 2020-02-03"));
      return;
    }
  apply_text (self, "date", text, _("Change Date"));
}

static void
convert (GkPropertiesDialog *self,
         GkMoneyUnit         unit)
{
  g_autoptr(GError) error = NULL;

  if (!gk_document_convert_money_unit (self->document, unit, NULL, &error))
    {
      gk_properties_dialog_update (self);
      row_say (GTK_WIDGET (self->money_row), error->message);
      return;
    }
  gk_properties_dialog_update (self);
}

static void
money_response (AdwMessageDialog   *dialog,
                const char         *response,
                GkPropertiesDialog *self)
{
  GkMoneyUnit unit = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "gk-unit"));

  self->question = NULL;
  if (g_strcmp0 (response, "convert") == 0 && self->document != NULL)
    convert (self, unit);
  else
    gk_properties_dialog_update (self);
}

/* 万元 → 元 is exact and simply done; 元 → 万元 may round amounts to the
 * cent of 万元, which is asked first with the count the model gives. */
static void
gk_properties_dialog_money_selected (GkPropertiesDialog *self)
{
  GkMoneyUnit unit = adw_combo_row_get_selected (self->money_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  guint n_rounded = 0;

  if (self->updating || self->document == NULL || self->question != NULL ||
      unit > GK_MONEY_UNIT_YUAN || unit == gk_document_get_money_unit (self->document))
    return;
  if (!gk_document_check_money_unit (self->document, unit, &n_rounded, &error))
    {
      gk_properties_dialog_update (self);
      row_say (GTK_WIDGET (self->money_row), error->message);
      return;
    }
  if (n_rounded == 0)
    {
      convert (self, unit);
      return;
    }
  body = g_strdup_printf (_("Converting to %s rounds the amounts that have more than two decimals in it to the cent, half away from zero. Amounts rounded: %u."),
                          gk_money_unit_to_string (unit), n_rounded);
  self->question = adw_message_dialog_new (GTK_WINDOW (self), _("Round Amounts?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self->question),
                                    "cancel", _("_Cancel"),
                                    "convert", _("_Convert and Round"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self->question), "convert",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self->question), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self->question), "cancel");
  g_object_set_data (G_OBJECT (self->question), "gk-unit", GUINT_TO_POINTER (unit));
  g_signal_connect_object (self->question, "response", G_CALLBACK (money_response), self, 0);
  gtk_window_present (GTK_WINDOW (self->question));
}

/* The position in the list is the GkUnitType; "not stated" is first, so
 * that a file that never said stays as it was. */
static void
gk_properties_dialog_unit_type_selected (GkPropertiesDialog *self)
{
  GkUnitType unit_type = adw_combo_row_get_selected (self->unit_type_row);

  if (self->updating || self->document == NULL || unit_type > GK_UNIT_TYPE_INSTITUTION ||
      unit_type == gk_document_get_unit_type (self->document))
    return;
  gk_document_set_unit_type (self->document, unit_type);
}

/**
 * gk_properties_dialog_get_row:
 * @name: "unit", "region", "unit-type", "year", "money-unit" or "date"
 *
 * Returns: (transfer none) (nullable): the row that edits @name
 */
GtkWidget *
gk_properties_dialog_get_row (GkPropertiesDialog *self,
                              const char         *name)
{
  g_return_val_if_fail (GK_IS_PROPERTIES_DIALOG (self), NULL);

  if (g_strcmp0 (name, "unit") == 0)
    return GTK_WIDGET (self->unit_row);
  if (g_strcmp0 (name, "region") == 0)
    return GTK_WIDGET (self->region_row);
  if (g_strcmp0 (name, "unit-type") == 0)
    return GTK_WIDGET (self->unit_type_row);
  if (g_strcmp0 (name, "year") == 0)
    return GTK_WIDGET (self->year_row);
  if (g_strcmp0 (name, "money-unit") == 0)
    return GTK_WIDGET (self->money_row);
  if (g_strcmp0 (name, "date") == 0)
    return GTK_WIDGET (self->date_row);
  return NULL;
}

/* The message the row of @name shows, or NULL when it shows none. */
const char *
gk_properties_dialog_get_message (GkPropertiesDialog *self,
                                  const char         *name)
{
  GtkWidget *row = gk_properties_dialog_get_row (self, name);
  GtkLabel *label;

  g_return_val_if_fail (row != NULL, NULL);
  label = row_message (row, FALSE);
  if (label == NULL || !gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  return gtk_label_get_text (label);
}

static void
gk_properties_dialog_dispose (GObject *object)
{
  GkPropertiesDialog *self = GK_PROPERTIES_DIALOG (object);

  if (self->question != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->question)));
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PROPERTIES_DIALOG);

  G_OBJECT_CLASS (gk_properties_dialog_parent_class)->dispose (object);
}

static void
gk_properties_dialog_class_init (GkPropertiesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_properties_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-properties-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPropertiesDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, GkPropertiesDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, GkPropertiesDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, GkPropertiesDialog, money_row);
  gtk_widget_class_bind_template_child (widget_class, GkPropertiesDialog, unit_type_row);
  gtk_widget_class_bind_template_child (widget_class, GkPropertiesDialog, date_row);
  gtk_widget_class_bind_template_callback (widget_class, gk_properties_dialog_apply_unit);
  gtk_widget_class_bind_template_callback (widget_class, gk_properties_dialog_apply_region);
  gtk_widget_class_bind_template_callback (widget_class, gk_properties_dialog_apply_year);
  gtk_widget_class_bind_template_callback (widget_class, gk_properties_dialog_apply_date);
  gtk_widget_class_bind_template_callback (widget_class, gk_properties_dialog_money_selected);
  gtk_widget_class_bind_template_callback (widget_class, gk_properties_dialog_unit_type_selected);
}

static void
gk_properties_dialog_init (GkPropertiesDialog *self)
{
  g_autoptr(GtkStringList) units = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) unit_types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The money units as the tables print them, whatever the UI language;
   * the position is the GkMoneyUnit. */
  self->updating = TRUE;
  gtk_string_list_append (units, gk_money_unit_to_string (GK_MONEY_UNIT_WANYUAN));
  gtk_string_list_append (units, gk_money_unit_to_string (GK_MONEY_UNIT_YUAN));
  adw_combo_row_set_model (self->money_row, G_LIST_MODEL (units));
  /* The types as the file and 情况说明 write them; the position is the
   * GkUnitType. */
  gtk_string_list_append (unit_types, _("Not stated"));
  for (GkUnitType t = GK_UNIT_TYPE_ADMINISTRATIVE; t <= GK_UNIT_TYPE_INSTITUTION; t++)
    gtk_string_list_append (unit_types, gk_unit_type_to_string (t));
  adw_combo_row_set_model (self->unit_type_row, G_LIST_MODEL (unit_types));
  self->updating = FALSE;
}

GtkWidget *
gk_properties_dialog_new (GtkWindow  *parent,
                          GkDocument *document)
{
  GkPropertiesDialog *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_PROPERTIES_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  /* Undo and redo change the document under the dialog. */
  g_signal_connect_object (document, "changed", G_CALLBACK (gk_properties_dialog_update), self, G_CONNECT_SWAPPED);
  gk_properties_dialog_update (self);
  return GTK_WIDGET (self);
}
