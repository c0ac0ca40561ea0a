/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-fields.h"
#include "gk-overview.h"
#include "gk-text-item.h"

struct _GkOverview
{
  GObject     parent_instance;

  char       *functions;
  char       *structure;
  int         authorized;
  int         serving;
  int         serving_change;
  int         retired;
  int         retired_change;
  int         veteran;
  int         veteran_change;
  /* Where a region splits them: unset until entered. */
  int         administrative_posts;
  int         institution_posts;
  int         worker_posts;
  int         contracted;
  int         survivors;

  GListStore *duties;
  GListStore *subordinate_units;
  GListStore *offices;
};

G_DEFINE_FINAL_TYPE (GkOverview, gk_overview, G_TYPE_OBJECT)

static const GkField fields[] = {
  GK_FIELD_STRING_AT ("functions", GkOverview, functions),
  GK_FIELD_STRING_AT ("structure", GkOverview, structure),
  GK_FIELD_INT_IN ("staff/authorized", "authorized", GkOverview, authorized, 0),
  GK_FIELD_INT_IN ("staff/serving", "serving", GkOverview, serving, 0),
  GK_FIELD_INT_IN ("staff/serving-change", "serving-change", GkOverview, serving_change, G_MININT),
  GK_FIELD_INT_IN ("staff/retired", "retired", GkOverview, retired, 0),
  GK_FIELD_INT_IN ("staff/retired-change", "retired-change", GkOverview, retired_change, G_MININT),
  GK_FIELD_INT_IN ("staff/veteran", "veteran", GkOverview, veteran, 0),
  GK_FIELD_INT_IN ("staff/veteran-change", "veteran-change", GkOverview, veteran_change, G_MININT),
  GK_FIELD_INT_SET_IN ("staff/administrative-posts", "administrative-posts", GkOverview, administrative_posts),
  GK_FIELD_INT_SET_IN ("staff/institution-posts", "institution-posts", GkOverview, institution_posts),
  GK_FIELD_INT_SET_IN ("staff/worker-posts", "worker-posts", GkOverview, worker_posts),
  GK_FIELD_INT_SET_IN ("staff/contracted", "contracted", GkOverview, contracted),
  GK_FIELD_INT_SET_IN ("staff/survivors", "survivors", GkOverview, survivors),
};

enum {
  PROP_0,
  PROP_ACTUAL,
  PROP_FIRST_FIELD,
};

static GParamSpec *properties[PROP_FIRST_FIELD];
static GParamSpec *field_properties[G_N_ELEMENTS (fields)];

static void
gk_overview_dispose (GObject *object)
{
  GkOverview *self = GK_OVERVIEW (object);

  g_clear_object (&self->duties);
  g_clear_object (&self->subordinate_units);
  g_clear_object (&self->offices);

  G_OBJECT_CLASS (gk_overview_parent_class)->dispose (object);
}

static void
gk_overview_finalize (GObject *object)
{
  gk_fields_clear (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (gk_overview_parent_class)->finalize (object);
}

static void
gk_overview_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (prop_id == PROP_ACTUAL)
    g_value_set_int (value, gk_overview_get_actual (GK_OVERVIEW (object)));
  else if (!gk_fields_get (object, PROP_FIRST_FIELD, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gk_overview_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  int before = gk_overview_get_actual (GK_OVERVIEW (object));

  if (!gk_fields_set (object, PROP_FIRST_FIELD, fields, G_N_ELEMENTS (fields),
                      field_properties, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  if (before != gk_overview_get_actual (GK_OVERVIEW (object)))
    g_object_notify_by_pspec (object, properties[PROP_ACTUAL]);
}

static void
gk_overview_class_init (GkOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_overview_dispose;
  object_class->finalize = gk_overview_finalize;
  object_class->get_property = gk_overview_get_property;
  object_class->set_property = gk_overview_set_property;

  /* 实有人数 = 在职 + 退休 + 离休: derived, never entered. */
  properties[PROP_ACTUAL] =
    g_param_spec_int ("actual", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, PROP_FIRST_FIELD, properties);
  gk_fields_install (object_class, PROP_FIRST_FIELD, fields, G_N_ELEMENTS (fields), field_properties);
  gk_fields_register (G_TYPE_FROM_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
gk_overview_init (GkOverview *self)
{
  self->duties = g_list_store_new (GK_TYPE_TEXT_ITEM);
  self->subordinate_units = g_list_store_new (GK_TYPE_TEXT_ITEM);
  self->offices = g_list_store_new (GK_TYPE_TEXT_ITEM);
  gk_fields_init_unset (self, fields, G_N_ELEMENTS (fields));
}

GkOverview *
gk_overview_new (void)
{
  return g_object_new (GK_TYPE_OVERVIEW, NULL);
}

const char *
gk_overview_get_functions (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), NULL);
  return self->functions;
}

const char *
gk_overview_get_structure (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), NULL);
  return self->structure;
}

GListModel *
gk_overview_get_duties (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), NULL);
  return G_LIST_MODEL (self->duties);
}

GListModel *
gk_overview_get_subordinate_units (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), NULL);
  return G_LIST_MODEL (self->subordinate_units);
}

GListModel *
gk_overview_get_offices (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), NULL);
  return G_LIST_MODEL (self->offices);
}

int
gk_overview_get_authorized (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), 0);
  return self->authorized;
}

int
gk_overview_get_serving (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), 0);
  return self->serving;
}

int
gk_overview_get_retired (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), 0);
  return self->retired;
}

int
gk_overview_get_veteran (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), 0);
  return self->veteran;
}

int
gk_overview_get_actual (GkOverview *self)
{
  g_return_val_if_fail (GK_IS_OVERVIEW (self), 0);
  return self->serving + self->retired + self->veteran;
}
