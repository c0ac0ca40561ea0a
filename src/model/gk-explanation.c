/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gk-explanation-private.h"
#include "gk-fields.h"

struct _GkExplanation
{
  GObject     parent_instance;

  GListStore *priors;        /* GkPrior, sorted by key */
  GHashTable *prior_by_key;

  GkAmount    goods;
  GkAmount    works;
  GkAmount    services;
  GkAmount    sme_reserved;
  GkAmount    micro_reserved;

  char       *assets_as_of;
  GkAmount    building_area;
  GkAmount    building_value;
  int         general_vehicles;
  GkAmount    general_vehicles_value;
  int         enforcement_vehicles;
  GkAmount    enforcement_vehicles_value;
  int         other_vehicles;
  GkAmount    other_vehicles_value;
  GkAmount    furniture_value;
  GkAmount    other_assets_value;
  int         equipment_50;
  int         equipment_100;
  int         planned_vehicles;
  int         planned_equipment_50;
  int         planned_equipment_100;

  int         administrative_units;
  int         institutions;

  /* Entered only where the template's outline speaks of them (the
   * optional fields below): unset until then. */
  GkAmount    sangong_all[4];
  GkAmount    centralized;
  GkAmount    decentralized;
  GkAmount    by_source[3];
  int         leader_vehicles;
  GkAmount    leader_vehicles_value;
  int         special_vehicles;
  GkAmount    special_vehicles_value;
  int         confidential_vehicles;
  GkAmount    confidential_vehicles_value;
  int         emergency_vehicles;
  GkAmount    emergency_vehicles_value;
  GkAmount    land_value;
  GkAmount    general_equipment_value;
  GkAmount    special_equipment_value;
  GkAmount    intangible_value;
  GkAmount    planned_value;

  char       *other_matters;

  /* 情况说明 paragraph id → the text that replaces the composed one. */
  GHashTable *hand_written;
  GHashTable *off;           /* ids of composed paragraphs switched off */
};

G_DEFINE_FINAL_TYPE (GkExplanation, gk_explanation, G_TYPE_OBJECT)

static int
compare_ids (const void *a,
             const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static const GkField fields[] = {
  GK_FIELD_AMOUNT_IN ("procurement/goods", "procurement-goods", GkExplanation, goods),
  GK_FIELD_AMOUNT_IN ("procurement/works", "procurement-works", GkExplanation, works),
  GK_FIELD_AMOUNT_IN ("procurement/services", "procurement-services", GkExplanation, services),
  GK_FIELD_AMOUNT_IN ("procurement/sme-reserved", "procurement-sme-reserved", GkExplanation, sme_reserved),
  GK_FIELD_AMOUNT_IN ("procurement/micro-reserved", "procurement-micro-reserved", GkExplanation, micro_reserved),
  GK_FIELD_STRING_IN ("assets/as-of", "assets-as-of", GkExplanation, assets_as_of),
  GK_FIELD_AMOUNT_IN ("assets/building-area", "building-area", GkExplanation, building_area),
  GK_FIELD_AMOUNT_IN ("assets/building-value", "building-value", GkExplanation, building_value),
  GK_FIELD_INT_IN ("assets/vehicles/general/count", "general-vehicles", GkExplanation, general_vehicles, 0),
  GK_FIELD_AMOUNT_IN ("assets/vehicles/general/value", "general-vehicles-value", GkExplanation, general_vehicles_value),
  GK_FIELD_INT_IN ("assets/vehicles/enforcement/count", "enforcement-vehicles", GkExplanation, enforcement_vehicles, 0),
  GK_FIELD_AMOUNT_IN ("assets/vehicles/enforcement/value", "enforcement-vehicles-value", GkExplanation, enforcement_vehicles_value),
  GK_FIELD_INT_IN ("assets/vehicles/other/count", "other-vehicles", GkExplanation, other_vehicles, 0),
  GK_FIELD_AMOUNT_IN ("assets/vehicles/other/value", "other-vehicles-value", GkExplanation, other_vehicles_value),
  GK_FIELD_AMOUNT_IN ("assets/furniture-value", "furniture-value", GkExplanation, furniture_value),
  GK_FIELD_AMOUNT_IN ("assets/other-value", "other-assets-value", GkExplanation, other_assets_value),
  GK_FIELD_INT_IN ("assets/equipment-50", "equipment-50", GkExplanation, equipment_50, 0),
  GK_FIELD_INT_IN ("assets/equipment-100", "equipment-100", GkExplanation, equipment_100, 0),
  GK_FIELD_INT_IN ("assets/planned-vehicles", "planned-vehicles", GkExplanation, planned_vehicles, 0),
  GK_FIELD_INT_IN ("assets/planned-equipment-50", "planned-equipment-50", GkExplanation, planned_equipment_50, 0),
  GK_FIELD_INT_IN ("assets/planned-equipment-100", "planned-equipment-100", GkExplanation, planned_equipment_100, 0),
  GK_FIELD_INT_IN ("running-costs/administrative-units", "administrative-units", GkExplanation, administrative_units, 0),
  GK_FIELD_INT_IN ("running-costs/institutions", "institutions", GkExplanation, institutions, 0),
  GK_FIELD_STRING_AT ("other-matters", GkExplanation, other_matters),
  GK_FIELD_AMOUNT_SET_IN ("sangong-all/abroad", "sangong-all-abroad", GkExplanation, sangong_all[0]),
  GK_FIELD_AMOUNT_SET_IN ("sangong-all/vehicle-purchase", "sangong-all-vehicle-purchase", GkExplanation, sangong_all[1]),
  GK_FIELD_AMOUNT_SET_IN ("sangong-all/vehicle-operation", "sangong-all-vehicle-operation", GkExplanation, sangong_all[2]),
  GK_FIELD_AMOUNT_SET_IN ("sangong-all/reception", "sangong-all-reception", GkExplanation, sangong_all[3]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/centralized", "procurement-centralized", GkExplanation, centralized),
  GK_FIELD_AMOUNT_SET_IN ("procurement/decentralized", "procurement-decentralized", GkExplanation, decentralized),
  GK_FIELD_AMOUNT_SET_IN ("procurement/general", "procurement-general", GkExplanation, by_source[0]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/fund", "procurement-fund", GkExplanation, by_source[1]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/other-funds", "procurement-other-funds", GkExplanation, by_source[2]),
  GK_FIELD_INT_SET_IN ("assets/vehicles/leader/count", "leader-vehicles", GkExplanation, leader_vehicles),
  GK_FIELD_AMOUNT_SET_IN ("assets/vehicles/leader/value", "leader-vehicles-value", GkExplanation, leader_vehicles_value),
  GK_FIELD_INT_SET_IN ("assets/vehicles/special/count", "special-vehicles", GkExplanation, special_vehicles),
  GK_FIELD_AMOUNT_SET_IN ("assets/vehicles/special/value", "special-vehicles-value", GkExplanation, special_vehicles_value),
  GK_FIELD_INT_SET_IN ("assets/vehicles/confidential/count", "confidential-vehicles", GkExplanation, confidential_vehicles),
  GK_FIELD_AMOUNT_SET_IN ("assets/vehicles/confidential/value", "confidential-vehicles-value", GkExplanation, confidential_vehicles_value),
  GK_FIELD_INT_SET_IN ("assets/vehicles/emergency/count", "emergency-vehicles", GkExplanation, emergency_vehicles),
  GK_FIELD_AMOUNT_SET_IN ("assets/vehicles/emergency/value", "emergency-vehicles-value", GkExplanation, emergency_vehicles_value),
  GK_FIELD_AMOUNT_SET_IN ("assets/land-value", "land-value", GkExplanation, land_value),
  GK_FIELD_AMOUNT_SET_IN ("assets/general-equipment-value", "general-equipment-value", GkExplanation, general_equipment_value),
  GK_FIELD_AMOUNT_SET_IN ("assets/special-equipment-value", "special-equipment-value", GkExplanation, special_equipment_value),
  GK_FIELD_AMOUNT_SET_IN ("assets/intangible-value", "intangible-value", GkExplanation, intangible_value),
  GK_FIELD_AMOUNT_SET_IN ("assets/planned-value", "planned-value", GkExplanation, planned_value),
};
static GParamSpec *properties[G_N_ELEMENTS (fields)];

static void
gk_explanation_dispose (GObject *object)
{
  GkExplanation *self = GK_EXPLANATION (object);

  g_clear_pointer (&self->prior_by_key, g_hash_table_unref);
  g_clear_object (&self->priors);

  G_OBJECT_CLASS (gk_explanation_parent_class)->dispose (object);
}

static void
gk_explanation_finalize (GObject *object)
{
  GkExplanation *self = GK_EXPLANATION (object);

  g_hash_table_unref (self->hand_written);
  g_hash_table_unref (self->off);
  gk_fields_clear (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (gk_explanation_parent_class)->finalize (object);
}

static void
gk_explanation_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (!gk_fields_get (object, 1, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gk_explanation_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (!gk_fields_set (object, 1, fields, G_N_ELEMENTS (fields), properties, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gk_explanation_class_init (GkExplanationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_explanation_dispose;
  object_class->finalize = gk_explanation_finalize;
  object_class->get_property = gk_explanation_get_property;
  object_class->set_property = gk_explanation_set_property;
  gk_fields_install (object_class, 1, fields, G_N_ELEMENTS (fields), properties);
  gk_fields_register (G_TYPE_FROM_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
gk_explanation_init (GkExplanation *self)
{
  self->priors = g_list_store_new (GK_TYPE_PRIOR);
  self->prior_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->hand_written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->off = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gk_fields_init_unset (self, fields, G_N_ELEMENTS (fields));
}

GkExplanation *
gk_explanation_new (void)
{
  return g_object_new (GK_TYPE_EXPLANATION, NULL);
}

GListModel *
gk_explanation_get_priors (GkExplanation *self)
{
  g_return_val_if_fail (GK_IS_EXPLANATION (self), NULL);
  return G_LIST_MODEL (self->priors);
}

GkPrior *
gk_explanation_lookup_prior (GkExplanation *self,
                             const char    *key)
{
  g_return_val_if_fail (GK_IS_EXPLANATION (self), NULL);
  return g_hash_table_lookup (self->prior_by_key, key);
}

static int
compare_priors (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return g_strcmp0 (gk_prior_get_key ((GkPrior *) a), gk_prior_get_key ((GkPrior *) b));
}

void
gk_explanation_add_prior (GkExplanation *self,
                          GkPrior       *prior)
{
  g_return_if_fail (GK_IS_EXPLANATION (self));
  g_return_if_fail (gk_explanation_lookup_prior (self, gk_prior_get_key (prior)) == NULL);

  g_list_store_insert_sorted (self->priors, prior, compare_priors, NULL);
  g_hash_table_insert (self->prior_by_key, (gpointer) gk_prior_get_key (prior), prior);
}

void
gk_explanation_remove_prior (GkExplanation *self,
                             GkPrior       *prior)
{
  guint position;

  g_return_if_fail (GK_IS_EXPLANATION (self));

  if (!g_list_store_find (self->priors, prior, &position))
    return;
  g_hash_table_remove (self->prior_by_key, gk_prior_get_key (prior));
  g_list_store_remove (self->priors, position);
}

GkAmount
gk_explanation_get_amount (GkExplanation *self,
                           const char    *property)
{
  gint64 value = 0;

  g_return_val_if_fail (GK_IS_EXPLANATION (self), 0);
  g_object_get (self, property, &value, NULL);
  return value;
}

int
gk_explanation_get_count (GkExplanation *self,
                          const char    *property)
{
  int value = 0;

  g_return_val_if_fail (GK_IS_EXPLANATION (self), 0);
  g_object_get (self, property, &value, NULL);
  return value;
}

/* Borrowed from the object; valid until the property changes. */
const char *
gk_explanation_get_text (GkExplanation *self,
                         const char    *property)
{
  g_return_val_if_fail (GK_IS_EXPLANATION (self), NULL);

  if (g_strcmp0 (property, "assets-as-of") == 0)
    return self->assets_as_of;
  if (g_strcmp0 (property, "other-matters") == 0)
    return self->other_matters;
  g_return_val_if_reached (NULL);
}

/* Borrowed; NULL when the paragraph is composed from the tables. */
const char *
gk_explanation_get_hand_written (GkExplanation *self,
                                 const char    *paragraph_id)
{
  g_return_val_if_fail (GK_IS_EXPLANATION (self), NULL);
  g_return_val_if_fail (paragraph_id != NULL, NULL);

  return g_hash_table_lookup (self->hand_written, paragraph_id);
}

/* Sorted, so that the file lists them in a stable order. Free with
 * g_strfreev(). */
char **
gk_explanation_dup_hand_written_ids (GkExplanation *self)
{
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  char **ids;

  g_return_val_if_fail (GK_IS_EXPLANATION (self), NULL);

  keys = g_hash_table_get_keys_as_array (self->hand_written, &n);
  ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (keys[i]);
  qsort (ids, n, sizeof (char *), compare_ids);
  return ids;
}

/* Not undoable: gk_document_set_hand_written() records the edit. NULL or
 * an empty text goes back to the composed paragraph. */
void
gk_explanation_set_hand_written (GkExplanation *self,
                                 const char    *paragraph_id,
                                 const char    *text)
{
  g_return_if_fail (GK_IS_EXPLANATION (self));
  g_return_if_fail (paragraph_id != NULL);

  if (text == NULL || text[0] == '\0')
    g_hash_table_remove (self->hand_written, paragraph_id);
  else
    g_hash_table_replace (self->hand_written, g_strdup (paragraph_id), g_strdup (text));
}

static int
compare_off_ids (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

gboolean
gk_explanation_get_paragraph_off (GkExplanation *self,
                                  const char    *paragraph_id)
{
  g_return_val_if_fail (GK_IS_EXPLANATION (self), FALSE);
  return paragraph_id != NULL && g_hash_table_contains (self->off, paragraph_id);
}

/* Sorted, so that files list them the same way every time. */
char **
gk_explanation_dup_off_ids (GkExplanation *self)
{
  g_autofree gpointer *keys = NULL;
  guint n;
  char **ids;

  g_return_val_if_fail (GK_IS_EXPLANATION (self), NULL);

  keys = g_hash_table_get_keys_as_array (self->off, &n);
  ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (keys[i]);
  qsort (ids, n, sizeof (char *), compare_off_ids);
  return ids;
}

/* Not undoable: gk_document_set_paragraph_off() records the edit. */
void
gk_explanation_set_paragraph_off (GkExplanation *self,
                                  const char    *paragraph_id,
                                  gboolean       off)
{
  g_return_if_fail (GK_IS_EXPLANATION (self));
  g_return_if_fail (paragraph_id != NULL);

  if (off)
    g_hash_table_add (self->off, g_strdup (paragraph_id));
  else
    g_hash_table_remove (self->off, paragraph_id);
}
