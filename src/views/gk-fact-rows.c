/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "gk-fact-rows.h"
#include "gk-fields.h"
#include "gk-narrative.h"

/* The facts 情况说明 states that no table holds (全口径 “三公”经费, 政府采购
 * by organisation and source, 国有资产, the staff split), one entry row
 * each. What is typed goes in as one undoable edit when applied; an empty
 * row is a fact not entered (the text then says so), a figure that is not
 * one is marked and not taken. */

typedef struct
{
  GkDocument    *document;
  GObject       *holder;
  const GkField *field;
  gboolean       updating;
} Fact;

static void
fact_free (gpointer data)
{
  Fact *fact = data;

  g_object_unref (fact->document);
  g_object_unref (fact->holder);
  g_free (fact);
}

/* "" for a fact not entered. */
static char *
fact_dup_text (Fact *fact)
{
  if (!gk_field_is_set (fact->holder, fact->field))
    return g_strdup ("");
  if (fact->field->type == GK_FIELD_INT)
    {
      int count = 0;

      g_object_get (fact->holder, fact->field->name, &count, NULL);
      return g_strdup_printf ("%d", count);
    }
  else
    {
      gint64 amount = 0;

      g_object_get (fact->holder, fact->field->name, &amount, NULL);
      return gk_amount_format (amount);
    }
}

static void
fact_show (AdwEntryRow *row,
           Fact        *fact)
{
  g_autofree char *text = fact_dup_text (fact);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (row))) == 0)
    return;
  fact->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  fact->updating = FALSE;
}

static void
fact_model_changed (AdwEntryRow *row)
{
  fact_show (row, g_object_get_data (G_OBJECT (row), "gk-fact"));
}

/* A whole number from 0, nothing else. */
static gboolean
parse_count (const char *text,
             gint64     *count)
{
  char *end = NULL;
  gint64 value;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == NULL || *end != '\0' || value > G_MAXINT)
    return FALSE;
  *count = value;
  return TRUE;
}

static void
fact_apply (AdwEntryRow *row)
{
  Fact *fact = g_object_get_data (G_OBJECT (row), "gk-fact");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gint64 value;
  gboolean valid;

  if (text[0] == '\0')
    {
      value = fact->field->type == GK_FIELD_INT ? GK_FIELD_UNSET_INT : GK_FIELD_UNSET_AMOUNT;
      if (!fact->field->optional)
        value = 0;
      valid = TRUE;
    }
  else if (fact->field->type == GK_FIELD_INT)
    valid = parse_count (text, &value);
  else
    valid = gk_amount_parse_entered (text, &value, NULL);

  if (!valid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gk_document_set_int (fact->document, fact->holder, fact->field->name, value);
  fact_show (row, fact);
}

static void
fact_changed (AdwEntryRow *row)
{
  Fact *fact = g_object_get_data (G_OBJECT (row), "gk-fact");

  if (!fact->updating)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* The row's apply button shows only an icon: a screen reader names it. */
static void
name_apply_button (GtkWidget  *widget,
                   const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        {
          /* Translators: the button that takes what was typed for a fact, %s names the fact */
          g_autofree char *label = g_strdup_printf (_("Apply %s"), title);

          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        }
      name_apply_button (child, title);
    }
}

/**
 * gk_fact_row_new:
 * @holder: the document's explanation or overview
 * @property: one of @holder's fields, a count or an amount
 * @title: what the fact is, in the document's words
 *
 * Returns: (transfer floating): an entry row that edits the fact; its
 *   widget name is @property
 */
GtkWidget *
gk_fact_row_new (GkDocument *document,
                 GObject    *holder,
                 const char *property,
                 const char *title)
{
  const GkField *field = gk_fields_lookup (G_OBJECT_TYPE (holder), property);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  GtkWidget *row;
  Fact *fact;

  g_return_val_if_fail (field != NULL && field->type != GK_FIELD_STRING, NULL);

  row = adw_entry_row_new ();
  fact = g_new0 (Fact, 1);
  fact->document = g_object_ref (document);
  fact->holder = g_object_ref (holder);
  fact->field = field;
  g_object_set_data_full (G_OBJECT (row), "gk-fact", fact, fact_free);
  gtk_widget_set_name (row, property);
  if (field->type == GK_FIELD_AMOUNT)
    {
      /* Kept in the document's unit, like the tables' figures. */
      g_autofree char *with_unit = g_strdup_printf ("%s（%s）", title,
                                                    gk_money_unit_to_string (gk_document_get_money_unit (document)));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), with_unit);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "gk-amount");
  name_apply_button (row, title);
  fact_show (ADW_ENTRY_ROW (row), fact);
  g_signal_connect (row, "apply", G_CALLBACK (fact_apply), NULL);
  g_signal_connect (row, "entry-activated", G_CALLBACK (fact_apply), NULL);
  g_signal_connect (row, "changed", G_CALLBACK (fact_changed), NULL);
  g_signal_connect_object (holder, signal, G_CALLBACK (fact_model_changed), row, G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
fact_group (GkDocument         *document,
            GObject            *holder,
            const char         *title,
            const char         *description,
            const char * const *facts)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; facts[i] != NULL; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               gk_fact_row_new (document, holder, facts[i], gk_narrative_fact_name (facts[i])));
  return group;
}

/**
 * gk_fact_rows_add_groups:
 * @box: a vertical box the groups are appended to
 *
 * Adds the groups of the facts 情况说明 states beside the tables:
 * 全口径 “三公”经费, 政府采购 and 国有资产. The Chinese titles are the
 * disclosures' own words.
 */
void
gk_fact_rows_add_groups (GkDocument *document,
                         GtkBox     *box)
{
  static const char * const sangong[] = {
    "sangong-all-abroad", "sangong-all-vehicle-purchase", "sangong-all-vehicle-operation", "sangong-all-reception",
    NULL
  };
  static const char * const procurement[] = {
    "procurement-goods", "procurement-works", "procurement-services", "procurement-centralized",
    "procurement-decentralized", "procurement-general", "procurement-fund", "procurement-other-funds",
    "procurement-sme-reserved", "procurement-micro-reserved", NULL
  };
  static const char * const assets[] = {
    "land-value", "building-value", "general-equipment-value", "special-equipment-value", "furniture-value",
    "intangible-value", "other-assets-value", "leader-vehicles", "leader-vehicles-value", "general-vehicles",
    "general-vehicles-value", "enforcement-vehicles", "enforcement-vehicles-value", "special-vehicles",
    "special-vehicles-value", "confidential-vehicles", "confidential-vehicles-value", "emergency-vehicles",
    "emergency-vehicles-value", "other-vehicles", "other-vehicles-value", "equipment-50", "equipment-100",
    "planned-vehicles", "planned-equipment-50", "planned-equipment-100", "planned-value", NULL
  };
  GObject *explanation = G_OBJECT (gk_document_get_explanation (document));

  gtk_box_append (box, fact_group (document, explanation, _("“Three Public” Costs, All Funds"),
                                   _("全口径 “三公”经费, for templates that state it beside the part paid by 财政拨款. "
                                     "Leave a figure empty until it is known."),
                                   sangong));
  gtk_box_append (box, fact_group (document, explanation, _("Government Procurement"),
                                   _("政府采购 as 情况说明 states it; a template with a 政府采购预算表 takes the "
                                     "amounts by fund source from that table."),
                                   procurement));
  gtk_box_append (box, fact_group (document, explanation, _("State-Owned Assets"),
                                   _("国有资产 at the end of last year, by class, and this year’s planned purchases."),
                                   assets));
}

/**
 * gk_fact_rows_add_staff:
 * @group: the staffing group
 *
 * Adds the staff split some regions state: 行政编制 / 事业编制 / 工勤编制,
 * 聘用人员 and 遗属.
 */
void
gk_fact_rows_add_staff (GkDocument          *document,
                        AdwPreferencesGroup *group)
{
  static const char * const staff[] = {
    "administrative-posts", "institution-posts", "worker-posts", "contracted", "survivors",
  };
  GObject *overview = G_OBJECT (gk_document_get_overview (document));

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    adw_preferences_group_add (group, gk_fact_row_new (document, overview, staff[i], gk_narrative_fact_name (staff[i])));
}
