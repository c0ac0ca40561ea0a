/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "gk-fact-rows.h"
#include "gk-fields.h"

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
  fact_show (ADW_ENTRY_ROW (row), fact);
  g_signal_connect (row, "apply", G_CALLBACK (fact_apply), NULL);
  g_signal_connect (row, "entry-activated", G_CALLBACK (fact_apply), NULL);
  g_signal_connect (row, "changed", G_CALLBACK (fact_changed), NULL);
  g_signal_connect_object (holder, signal, G_CALLBACK (fact_model_changed), row, G_CONNECT_SWAPPED);
  return row;
}

typedef struct
{
  const char *property;
  const char *title;
} FactTitle;

static GtkWidget *
fact_group (GkDocument      *document,
            GObject         *holder,
            const char      *title,
            const char      *description,
            const FactTitle *facts,
            guint            n_facts)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i < n_facts; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               gk_fact_row_new (document, holder, facts[i].property, facts[i].title));
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
  static const FactTitle sangong[] = {
    { "sangong-all-abroad", "因公出国（境）费" },
    { "sangong-all-vehicle-purchase", "公务用车购置费" },
    { "sangong-all-vehicle-operation", "公务用车运行费" },
    { "sangong-all-reception", "公务接待费" },
  };
  static const FactTitle procurement[] = {
    { "procurement-goods", "政府采购货物预算" },
    { "procurement-works", "政府采购工程预算" },
    { "procurement-services", "政府采购服务预算" },
    { "procurement-centralized", "政府集中采购" },
    { "procurement-decentralized", "分散采购" },
    { "procurement-general", "一般公共预算安排" },
    { "procurement-fund", "政府性基金预算安排" },
    { "procurement-other-funds", "其他资金安排" },
    { "procurement-sme-reserved", "面向中小企业预留" },
    { "procurement-micro-reserved", "其中面向小微企业预留" },
  };
  static const FactTitle assets[] = {
    { "land-value", "土地原值" },
    { "building-value", "房屋原值" },
    { "general-equipment-value", "通用设备原值" },
    { "special-equipment-value", "专用设备原值" },
    { "furniture-value", "家具原值" },
    { "intangible-value", "无形资产原值" },
    { "other-assets-value", "其他资产原值" },
    { "leader-vehicles", "领导干部用车（辆）" },
    { "leader-vehicles-value", "领导干部用车原值" },
    { "general-vehicles", "一般公务用车（辆）" },
    { "general-vehicles-value", "一般公务用车原值" },
    { "enforcement-vehicles", "执法执勤用车（辆）" },
    { "enforcement-vehicles-value", "执法执勤用车原值" },
    { "special-vehicles", "特种专业技术用车（辆）" },
    { "special-vehicles-value", "特种专业技术用车原值" },
    { "confidential-vehicles", "机要通信用车（辆）" },
    { "confidential-vehicles-value", "机要通信用车原值" },
    { "emergency-vehicles", "应急保障用车（辆）" },
    { "emergency-vehicles-value", "应急保障用车原值" },
    { "other-vehicles", "其他用车（辆）" },
    { "other-vehicles-value", "其他用车原值" },
    { "equipment-50", "单价50万元以上通用设备（台套）" },
    { "equipment-100", "单价100万元以上专用设备（台套）" },
    { "planned-vehicles", "拟购置车辆（辆）" },
    { "planned-equipment-50", "拟购置单价50万元以上设备（台套）" },
    { "planned-equipment-100", "拟购置单价100万元以上设备（台套）" },
    { "planned-value", "新增资产配置预算" },
  };
  GObject *explanation = G_OBJECT (gk_document_get_explanation (document));

  gtk_box_append (box, fact_group (document, explanation, _("“Three Public” Costs, All Funds"),
                                   _("全口径 “三公”经费, for templates that state it beside the part paid by 财政拨款. "
                                     "Leave a figure empty until it is known."),
                                   sangong, G_N_ELEMENTS (sangong)));
  gtk_box_append (box, fact_group (document, explanation, _("Government Procurement"),
                                   _("政府采购 as 情况说明 states it; a template with a 政府采购预算表 takes the "
                                     "amounts by fund source from that table."),
                                   procurement, G_N_ELEMENTS (procurement)));
  gtk_box_append (box, fact_group (document, explanation, _("State-Owned Assets"),
                                   _("国有资产 at the end of last year, by class, and this year’s planned purchases."),
                                   assets, G_N_ELEMENTS (assets)));
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
  static const FactTitle staff[] = {
    { "administrative-posts", "行政编制" },
    { "institution-posts", "事业编制" },
    { "worker-posts", "工勤编制" },
    { "contracted", "聘用人员" },
    { "survivors", "遗属" },
  };
  GObject *overview = G_OBJECT (gk_document_get_overview (document));

  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    adw_preferences_group_add (group, gk_fact_row_new (document, overview, staff[i].property, staff[i].title));
}
