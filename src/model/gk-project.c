/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-fields.h"
#include "gk-indicator.h"
#include "gk-project.h"
#include "gk-row-private.h"
#include "gk-template.h"

/* A project exists once: its 表七 row, its description in 情况说明 and its
 * 绩效目标表 all read this object. Its figures live in its row. */
struct _GkProject
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *function_code;
  char       *basis;
  char       *owner;
  char       *allocation;
  char       *period;
  char       *goal;
  char       *performance_name; /* the 绩效目标表's name as published, when not this one */
  GkAmount    other_funds;

  GkRow      *row;
  GListStore *indicators;
  guint64     serial;           /* counts the changes of the fields above */
};

G_DEFINE_FINAL_TYPE (GkProject, gk_project, G_TYPE_OBJECT)

static const GkField fields[] = {
  GK_FIELD_STRING_AT ("name", GkProject, name),
  /* Many projects share their 项, policy basis, owner and period. */
  GK_FIELD_SHARED_STRING_AT ("function", GkProject, function_code),
  GK_FIELD_SHARED_STRING_AT ("basis", GkProject, basis),
  GK_FIELD_SHARED_STRING_AT ("owner", GkProject, owner),
  GK_FIELD_SHARED_STRING_AT ("allocation", GkProject, allocation),
  GK_FIELD_SHARED_STRING_AT ("period", GkProject, period),
  GK_FIELD_AMOUNT_AT ("other-funds", GkProject, other_funds),
  GK_FIELD_SHARED_STRING_AT ("goal", GkProject, goal),
  GK_FIELD_STRING_SET_AT ("performance-name", GkProject, performance_name),
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TOTAL,
  PROP_FISCAL,
  PROP_FIRST_FIELD,
};

static GParamSpec *properties[PROP_FIRST_FIELD];
static GParamSpec *field_properties[G_N_ELEMENTS (fields)];

static void
row_changed_cb (GkProject *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL]);
}

static void
gk_project_dispose (GObject *object)
{
  GkProject *self = GK_PROJECT (object);

  if (self->row != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->row, self);
      self->row->project = NULL;
    }
  g_clear_object (&self->row);
  g_clear_object (&self->indicators);

  G_OBJECT_CLASS (gk_project_parent_class)->dispose (object);
}

static void
gk_project_finalize (GObject *object)
{
  GkProject *self = GK_PROJECT (object);

  g_free (self->id);
  gk_fields_clear (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (gk_project_parent_class)->finalize (object);
}

static void
gk_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GkProject *self = GK_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, gk_project_get_total (self));
      break;
    case PROP_FISCAL:
      g_value_set_int64 (value, gk_project_get_fiscal (self));
      break;
    default:
      if (!gk_fields_get (object, PROP_FIRST_FIELD, fields, G_N_ELEMENTS (fields), prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GkProject *self = GK_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    default:
      if (!gk_fields_set (object, PROP_FIRST_FIELD, fields, G_N_ELEMENTS (fields),
                          field_properties, prop_id, value))
        {
          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
          break;
        }
      self->serial++;
      /* The 表七 row shows the project's name. */
      if (prop_id == PROP_FIRST_FIELD && self->row != NULL)
        gk_row_notify_name (self->row);
    }
}

static void
gk_project_class_init (GkProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_project_dispose;
  object_class->finalize = gk_project_finalize;
  object_class->get_property = gk_project_get_property;
  object_class->set_property = gk_project_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FISCAL] =
    g_param_spec_int64 ("fiscal", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, PROP_FIRST_FIELD, properties);
  gk_fields_install (object_class, PROP_FIRST_FIELD, fields, G_N_ELEMENTS (fields), field_properties);
  gk_fields_register (G_TYPE_FROM_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

const GkTableSchema *
gk_project_get_schema (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return gk_template_lookup (gk_template_get_default (), "project-expenditure");
}

static void
gk_project_init (GkProject *self)
{
  const GkTableSchema *t7 = gk_project_get_schema (self);

  self->indicators = g_list_store_new (GK_TYPE_INDICATOR);
  self->row = gk_row_new (GK_ROW_KIND_PROJECT, NULL, NULL, gk_table_schema_get_n_columns (t7));
  self->row->project = self;
  g_signal_connect_swapped (self->row, "changed", G_CALLBACK (row_changed_cb), self);
}

GkProject *
gk_project_new (const char *id)
{
  return g_object_new (GK_TYPE_PROJECT, "id", id, NULL);
}

/* Changes whenever a field the officer types (name, basis, owner …)
 * does: what is written from them can be kept until it moves. */
guint64
gk_project_get_serial (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), 0);
  return self->serial;
}

const char *
gk_project_get_id (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->id;
}

const char *
gk_project_get_name (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->name;
}

const char *
gk_project_get_function_code (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->function_code;
}

const char *
gk_project_get_basis (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->basis;
}

const char *
gk_project_get_owner (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->owner;
}

const char *
gk_project_get_allocation (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->allocation;
}

const char *
gk_project_get_period (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->period;
}

const char *
gk_project_get_goal (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->goal;
}

/* The name a published 绩效目标表 printed for this project where it was
 * not the 项目支出表's ("网站维护费" for 网站维护), or NULL. */
const char *
gk_project_get_performance_name (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->performance_name;
}

GkAmount
gk_project_get_other_funds (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), 0);
  return self->other_funds;
}

/* 年度资金总额: the project's 表七 合计. A template without a projects
 * table derives no 合计, so it is summed here from the amounts the
 * project keeps. */
GkAmount
gk_project_get_total (GkProject *self)
{
  const GkTableSchema *t7;
  const GkColumnSchema *column;
  int total;
  GkAmount sum = 0;

  g_return_val_if_fail (GK_IS_PROJECT (self), 0);
  t7 = gk_project_get_schema (self);
  total = gk_table_schema_column_index (t7, "total");
  column = gk_table_schema_get_column (t7, total);
  if (self->row->table != NULL)
    return gk_row_get_value (self->row, total);
  for (guint i = 0; i < column->n_sources; i++)
    if (column->subtract & (G_GUINT64_CONSTANT (1) << i)
        ? !gk_amount_sub (sum, gk_row_get_value (self->row, column->sources[i]), &sum)
        : !gk_amount_add (sum, gk_row_get_value (self->row, column->sources[i]), &sum))
      return 0;
  return sum;
}

/* 其中：财政拨款 */
GkAmount
gk_project_get_fiscal (GkProject *self)
{
  GkAmount fiscal;

  g_return_val_if_fail (GK_IS_PROJECT (self), 0);
  if (!gk_amount_sub (gk_project_get_total (self), self->other_funds, &fiscal))
    return 0;
  return fiscal;
}

GkRow *
gk_project_get_row (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return self->row;
}

GListModel *
gk_project_get_indicators (GkProject *self)
{
  g_return_val_if_fail (GK_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->indicators);
}
