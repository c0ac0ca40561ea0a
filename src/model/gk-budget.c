/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-budget.h"
#include "gk-catalog.h"
#include "gk-fields.h"

struct _GkBudget
{
  GObject     parent_instance;

  char       *file;      /* the budget file's name, as linked */
  char       *unit;
  int         year;
  GListStore *figures;   /* GkBudgetFigure, sorted by key */
  GHashTable *by_key;
};

G_DEFINE_FINAL_TYPE (GkBudget, gk_budget, G_TYPE_OBJECT)

struct _GkBudgetFigure
{
  GObject   parent_instance;
  char     *key;
  GkAmount  amount;
  char     *purpose;
  char     *reason;
};

G_DEFINE_FINAL_TYPE (GkBudgetFigure, gk_budget_figure, G_TYPE_OBJECT)

/* "key" is a field too, so the generic reader can set it; it never changes
 * after construction. */
static const GkField figure_fields[] = {
  GK_FIELD_STRING_AT ("key", GkBudgetFigure, key),
  GK_FIELD_AMOUNT_AT ("amount", GkBudgetFigure, amount),
  GK_FIELD_STRING_AT ("purpose", GkBudgetFigure, purpose),
  GK_FIELD_STRING_AT ("reason", GkBudgetFigure, reason),
};
static GParamSpec *figure_properties[G_N_ELEMENTS (figure_fields)];

static void
gk_budget_figure_finalize (GObject *object)
{
  gk_fields_clear (object, figure_fields, G_N_ELEMENTS (figure_fields));
  G_OBJECT_CLASS (gk_budget_figure_parent_class)->finalize (object);
}

static void
gk_budget_figure_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  if (!gk_fields_get (object, 1, figure_fields, G_N_ELEMENTS (figure_fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gk_budget_figure_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  if (!gk_fields_set (object, 1, figure_fields, G_N_ELEMENTS (figure_fields), figure_properties, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gk_budget_figure_class_init (GkBudgetFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_budget_figure_finalize;
  object_class->get_property = gk_budget_figure_get_property;
  object_class->set_property = gk_budget_figure_set_property;
  gk_fields_install (object_class, 1, figure_fields, G_N_ELEMENTS (figure_fields), figure_properties);
  gk_fields_register (G_TYPE_FROM_CLASS (klass), figure_fields, G_N_ELEMENTS (figure_fields));
}

static void
gk_budget_figure_init (GkBudgetFigure *self)
{
}

GkBudgetFigure *
gk_budget_figure_new (const char *key)
{
  return g_object_new (GK_TYPE_BUDGET_FIGURE, "key", key, NULL);
}

const char *
gk_budget_figure_get_key (GkBudgetFigure *self)
{
  g_return_val_if_fail (GK_IS_BUDGET_FIGURE (self), NULL);
  return self->key;
}

GkAmount
gk_budget_figure_get_amount (GkBudgetFigure *self)
{
  g_return_val_if_fail (GK_IS_BUDGET_FIGURE (self), 0);
  return self->amount;
}

const char *
gk_budget_figure_get_reason (GkBudgetFigure *self)
{
  g_return_val_if_fail (GK_IS_BUDGET_FIGURE (self), NULL);
  return self->reason;
}

const char *
gk_budget_figure_get_purpose (GkBudgetFigure *self)
{
  g_return_val_if_fail (GK_IS_BUDGET_FIGURE (self), NULL);
  return self->purpose;
}

/* The store ----------------------------------------------------------------- */

static const GkField fields[] = {
  GK_FIELD_STRING_AT ("file", GkBudget, file),
  GK_FIELD_STRING_AT ("unit", GkBudget, unit),
  GK_FIELD_INT_AT ("year", GkBudget, year, 0),
};
static GParamSpec *properties[G_N_ELEMENTS (fields)];

static void
gk_budget_dispose (GObject *object)
{
  GkBudget *self = GK_BUDGET (object);

  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_object (&self->figures);
  G_OBJECT_CLASS (gk_budget_parent_class)->dispose (object);
}

static void
gk_budget_finalize (GObject *object)
{
  gk_fields_clear (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (gk_budget_parent_class)->finalize (object);
}

static void
gk_budget_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  if (!gk_fields_get (object, 1, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gk_budget_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  if (!gk_fields_set (object, 1, fields, G_N_ELEMENTS (fields), properties, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gk_budget_class_init (GkBudgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_budget_dispose;
  object_class->finalize = gk_budget_finalize;
  object_class->get_property = gk_budget_get_property;
  object_class->set_property = gk_budget_set_property;
  gk_fields_install (object_class, 1, fields, G_N_ELEMENTS (fields), properties);
  gk_fields_register (G_TYPE_FROM_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
gk_budget_init (GkBudget *self)
{
  self->figures = g_list_store_new (GK_TYPE_BUDGET_FIGURE);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
}

GkBudget *
gk_budget_new (void)
{
  return g_object_new (GK_TYPE_BUDGET, NULL);
}

const char *
gk_budget_get_file (GkBudget *self)
{
  g_return_val_if_fail (GK_IS_BUDGET (self), NULL);
  return self->file;
}

const char *
gk_budget_get_unit (GkBudget *self)
{
  g_return_val_if_fail (GK_IS_BUDGET (self), NULL);
  return self->unit;
}

guint
gk_budget_get_year (GkBudget *self)
{
  g_return_val_if_fail (GK_IS_BUDGET (self), 0);
  return (guint) self->year;
}

GListModel *
gk_budget_get_figures (GkBudget *self)
{
  g_return_val_if_fail (GK_IS_BUDGET (self), NULL);
  return G_LIST_MODEL (self->figures);
}

GkBudgetFigure *
gk_budget_lookup (GkBudget   *self,
                  const char *key)
{
  g_return_val_if_fail (GK_IS_BUDGET (self), NULL);
  return key != NULL ? g_hash_table_lookup (self->by_key, key) : NULL;
}

gboolean
gk_budget_get_amount (GkBudget   *self,
                      const char *key,
                      GkAmount   *amount)
{
  GkBudgetFigure *figure = gk_budget_lookup (self, key);

  if (amount != NULL)
    *amount = figure != NULL ? gk_budget_figure_get_amount (figure) : 0;
  return figure != NULL;
}

const char *
gk_budget_get_reason (GkBudget   *self,
                      const char *key)
{
  GkBudgetFigure *figure = gk_budget_lookup (self, key);

  return figure != NULL ? gk_budget_figure_get_reason (figure) : NULL;
}

const char *
gk_budget_get_purpose (GkBudget   *self,
                       const char *key)
{
  GkBudgetFigure *figure = gk_budget_lookup (self, key);

  return figure != NULL ? gk_budget_figure_get_purpose (figure) : NULL;
}

/* A document tied to no budget writes nothing about one. */
gboolean
gk_budget_is_present (GkBudget *self)
{
  g_return_val_if_fail (GK_IS_BUDGET (self), FALSE);
  return self->year != 0 || (self->file != NULL && self->file[0] != '\0') ||
         g_list_model_get_n_items (G_LIST_MODEL (self->figures)) > 0;
}

static gboolean
is_code (GkClassification kind,
         const char      *code)
{
  return gk_classification_level (kind, code) != GK_LEVEL_NONE;
}

/* The quantities a budget disclosure states that a 决算 compares with. */
gboolean
gk_budget_key_is_valid (const char *key)
{
  static const char * const fixed[] = {
    "general.total", "general.basic", "general.project", "expenditure.total", "income.total",
    "fund.total", "capital.total", "running-costs", NULL
  };
  static const char * const sangong[] = {
    "total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception",
    "meeting", "training", NULL
  };
  static const char * const prefixes[] = { "general.", "fund.", "capital.", NULL };

  if (key == NULL)
    return FALSE;
  if (g_strv_contains (fixed, key))
    return TRUE;
  if (g_str_has_prefix (key, "sangong."))
    return g_strv_contains (sangong, key + strlen ("sangong."));
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (key, prefixes[i]))
      return is_code (GK_CLASSIFICATION_FUNCTION, key + strlen (prefixes[i]));
  return FALSE;
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (gk_budget_figure_get_key ((GkBudgetFigure *) a), gk_budget_figure_get_key ((GkBudgetFigure *) b));
}

void
gk_budget_add_figure (GkBudget *self,
                      GkBudgetFigure *figure)
{
  g_return_if_fail (GK_IS_BUDGET (self));
  g_return_if_fail (gk_budget_lookup (self, gk_budget_figure_get_key (figure)) == NULL);

  g_list_store_insert_sorted (self->figures, figure, compare_figures, NULL);
  g_hash_table_insert (self->by_key, (gpointer) gk_budget_figure_get_key (figure), figure);
}

void
gk_budget_remove_figure (GkBudget *self,
                         GkBudgetFigure *figure)
{
  guint position;

  g_return_if_fail (GK_IS_BUDGET (self));

  if (!g_list_store_find (self->figures, figure, &position))
    return;
  g_hash_table_remove (self->by_key, gk_budget_figure_get_key (figure));
  g_list_store_remove (self->figures, position);
}
