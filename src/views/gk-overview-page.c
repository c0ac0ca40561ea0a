/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-fact-rows.h"
#include "gk-list-editor.h"
#include "gk-overview-page.h"
#include "gk-text-field.h"

/* 单位概况: the unit's functions and duties, its organisation and its
 * staffing. Each figure is entered once; 实有人数 is the sum the model
 * computes and is only shown. */
struct _GkOverviewPage
{
  GkPage                parent_instance;

  GHashTable           *spins;       /* property name → GtkSpinButton */
  GtkLabel             *actual_label;
  GtkWidget            *duties;

  AdwPreferencesGroup  *functions_group;
  AdwPreferencesGroup  *duties_group;
  AdwPreferencesGroup  *structure_group;
  AdwPreferencesGroup  *offices_group;
  AdwPreferencesGroup  *units_group;
  AdwPreferencesGroup  *staff_group;
};

G_DEFINE_FINAL_TYPE (GkOverviewPage, gk_overview_page, GK_TYPE_PAGE)

GkDocument *
gk_overview_page_get_document (GkOverviewPage *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW_PAGE (self), NULL);
  return gk_page_get_document (GK_PAGE (self));
}

GtkWidget *
gk_overview_page_get_duties (GkOverviewPage *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW_PAGE (self), NULL);
  return self->duties;
}

GtkSpinButton *
gk_overview_page_get_spin (GkOverviewPage *self,
                           const char     *property)
{
  g_return_val_if_fail (GK_IS_OVERVIEW_PAGE (self), NULL);
  return g_hash_table_lookup (self->spins, property);
}

const char *
gk_overview_page_get_actual_text (GkOverviewPage *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW_PAGE (self), NULL);
  return gtk_label_get_text (self->actual_label);
}

static void
spin_value_changed (GtkSpinButton  *spin,
                    GkOverviewPage *self)
{
  const char *property = g_object_get_data (G_OBJECT (spin), "gk-property");
  GkOverview *overview = gk_document_get_overview (gk_page_get_document (GK_PAGE (self)));
  int value;

  g_object_get (overview, property, &value, NULL);
  if (value != gtk_spin_button_get_value_as_int (spin))
    gk_document_set_int (gk_page_get_document (GK_PAGE (self)), overview, property, gtk_spin_button_get_value_as_int (spin));
}

static void
gk_overview_page_model_changed (GkOverviewPage *self)
{
  GkOverview *overview = gk_document_get_overview (gk_page_get_document (GK_PAGE (self)));
  g_autofree char *actual = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->spins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int number;

      g_object_get (overview, key, &number, NULL);
      if (gtk_spin_button_get_value_as_int (value) != number)
        gtk_spin_button_set_value (value, number);
    }
  actual = g_strdup_printf ("%d", gk_overview_get_actual (overview));
  gtk_label_set_text (self->actual_label, actual);
}

static GtkWidget *
add_spin (GkOverviewPage *self,
          GtkWidget      *box,
          const char     *property,
          gboolean        change)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (change ? -9999 : 0, 99999, 1);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (spin, "gk-amount");
  g_object_set_data_full (G_OBJECT (spin), "gk-property", g_strdup (property), g_free);
  g_hash_table_insert (self->spins, (gpointer) g_intern_string (property), spin);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (spin_value_changed), self, 0);
  gtk_box_append (GTK_BOX (box), spin);
  return spin;
}

/* A staffing row: its count, and its change against last year. */
static void
add_staff_row (GkOverviewPage *self,
               const char     *title,
               const char     *subtitle,
               const char     *property,
               const char     *change_property)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  add_spin (self, box, property, FALSE);
  if (change_property != NULL)
    {
      GtkWidget *label = gtk_label_new (_("change"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, 12);
      gtk_box_append (GTK_BOX (box), label);
      add_spin (self, box, change_property, TRUE);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (self->staff_group, row);
}

static void
gk_overview_page_build (GkOverviewPage *self)
{
  GkOverview *overview = gk_document_get_overview (gk_page_get_document (GK_PAGE (self)));
  GtkWidget *field;
  GtkWidget *row;

  field = gk_text_field_new (gk_page_get_document (GK_PAGE (self)), overview, "functions", TRUE);
  adw_preferences_group_add (self->functions_group, field);

  self->duties = gk_text_item_editor_new (gk_page_get_document (GK_PAGE (self)), gk_overview_get_duties (overview),
                                          TRUE, _("Add Duty"));
  adw_preferences_group_add (self->duties_group, self->duties);

  field = gk_text_field_new (gk_page_get_document (GK_PAGE (self)), overview, "structure", TRUE);
  adw_preferences_group_add (self->structure_group, field);
  adw_preferences_group_add (self->offices_group,
                             gk_text_item_editor_new (gk_page_get_document (GK_PAGE (self)), gk_overview_get_offices (overview),
                                                      FALSE, _("Add Office")));
  adw_preferences_group_add (self->units_group,
                             gk_text_item_editor_new (gk_page_get_document (GK_PAGE (self)), gk_overview_get_subordinate_units (overview),
                                                      FALSE, _("Add Subordinate Unit")));

  /* The Chinese terms are those of the published 单位概况. */
  add_staff_row (self, _("Authorized posts"), "编制数", "authorized", NULL);
  add_staff_row (self, _("Serving staff"), "在职人员", "serving", "serving-change");
  add_staff_row (self, _("Retired staff"), "退休人员", "retired", "retired-change");
  add_staff_row (self, _("Veteran cadres"), "离休人员", "veteran", "veteran-change");

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Actual headcount"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("实有人数 = serving + retired + veteran, computed"));
  self->actual_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->actual_label), "gk-amount");
  gtk_widget_add_css_class (GTK_WIDGET (self->actual_label), "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->actual_label));
  adw_preferences_group_add (self->staff_group, row);
  gk_fact_rows_add_staff (gk_page_get_document (GK_PAGE (self)), self->staff_group);
  /* What 情况说明 states beside the tables, after the unit's own facts. */
  gk_fact_rows_add_groups (gk_page_get_document (GK_PAGE (self)),
                           GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->staff_group))));

  g_signal_connect_object (overview, "notify", G_CALLBACK (gk_overview_page_model_changed),
                           self, G_CONNECT_SWAPPED);
  gk_overview_page_model_changed (self);
}

GtkWidget *
gk_overview_page_new (GkDocument *document)
{
  GkOverviewPage *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_OVERVIEW_PAGE, "document", document, NULL);
  gk_overview_page_build (self);
  return GTK_WIDGET (self);
}

static void
gk_overview_page_dispose (GObject *object)
{
  GkOverviewPage *self = GK_OVERVIEW_PAGE (object);

  /* The template's top widget is not a bound child, which is all that
   * gtk_widget_dispose_template() removes. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gk_overview_page_parent_class)->dispose (object);
}

static void
gk_overview_page_finalize (GObject *object)
{
  GkOverviewPage *self = GK_OVERVIEW_PAGE (object);

  g_hash_table_unref (self->spins);

  G_OBJECT_CLASS (gk_overview_page_parent_class)->finalize (object);
}

static void
gk_overview_page_class_init (GkOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_overview_page_dispose;
  object_class->finalize = gk_overview_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, functions_group);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, duties_group);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, structure_group);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, offices_group);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, units_group);
  gtk_widget_class_bind_template_child (widget_class, GkOverviewPage, staff_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_overview_page_init (GkOverviewPage *self)
{
  self->spins = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}
