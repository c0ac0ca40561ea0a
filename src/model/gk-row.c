/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-model-private.h"
#include "gk-project.h"
#include "gk-row-private.h"
#include "gk-table-private.h"

G_DEFINE_FINAL_TYPE (GkRow, gk_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_CODE,
  PROP_NAME,
  PROP_DEPTH,
  PROP_OVERRIDDEN,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gk_row_finalize (GObject *object)
{
  GkRow *self = GK_ROW (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->line_id);
  g_free (self->values);
  g_free (self->set_counts);
  g_clear_object (&self->children);
  g_clear_pointer (&self->texts, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_row_parent_class)->finalize (object);
}

static void
gk_row_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  GkRow *self = GK_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, gk_row_get_name (self));
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, gk_row_get_depth (self));
      break;
    case PROP_OVERRIDDEN:
      g_value_set_boolean (value, self->overridden);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_row_class_init (GkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_row_finalize;
  object_class->get_property = gk_row_get_property;

  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, GK_ROW_KIND_TOTAL, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* 一般公共预算支出表: the row no longer follows 支出总表. A notification,
   * not ::changed: the figures did not change with it. */
  properties[PROP_OVERRIDDEN] =
    g_param_spec_boolean ("overridden", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkRow::changed:
   *
   * A figure of the row changed (entered or derived). Emitted once per
   * recomputation, and only when something really differs.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gk_row_init (GkRow *self)
{
  self->children = g_list_store_new (GK_TYPE_ROW);
}

GkRow *
gk_row_new (GkRowKind   kind,
            const char *code,
            const char *name,
            guint       n_columns)
{
  GkRow *self;

  g_return_val_if_fail (n_columns > 0 && n_columns <= 64, NULL);

  self = g_object_new (GK_TYPE_ROW, NULL);
  self->kind = kind;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->n_columns = n_columns;
  self->values = g_new0 (GkAmount, n_columns);
  return self;
}

GkRowKind
gk_row_get_kind (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), 0);
  return self->kind;
}

const char *
gk_row_get_code (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), NULL);
  return self->code;
}

/* A project row shows its project's name, so the name exists once. */
const char *
gk_row_get_name (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), NULL);
  if (self->project != NULL)
    return gk_project_get_name (self->project);
  return self->name;
}

void
gk_row_set_name (GkRow      *self,
                 const char *name)
{
  g_return_if_fail (GK_IS_ROW (self));
  if (gk_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
gk_row_notify_name (GkRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
gk_row_get_line_id (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), NULL);
  return self->line_id;
}

GkRowSide
gk_row_get_side (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), GK_ROW_SIDE_NONE);
  return self->side;
}

void
gk_row_set_line (GkRow      *self,
                 const char *line_id,
                 GkRowSide   side)
{
  gk_set_str (&self->line_id, line_id);
  self->side = side;
}

guint
gk_row_get_depth (GkRow *self)
{
  guint depth = 0;

  g_return_val_if_fail (GK_IS_ROW (self), 0);
  for (GkRow *p = self->parent; p != NULL; p = p->parent)
    depth++;
  return depth;
}

GkRow *
gk_row_get_parent (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), NULL);
  return self->parent;
}

GListModel *
gk_row_get_children (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), NULL);
  return G_LIST_MODEL (self->children);
}

gboolean
gk_row_is_leaf (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), TRUE);
  /* A project's row never has children: asking its store would touch two
   * more objects per project, which at 10 000 projects no longer fit the
   * cache. */
  return self->kind == GK_ROW_KIND_PROJECT || g_list_model_get_n_items (G_LIST_MODEL (self->children)) == 0;
}

GkProject *
gk_row_get_project (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), NULL);
  return self->project;
}

GkTable *
gk_row_get_table (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), NULL);
  return self->table;
}

guint
gk_row_get_n_columns (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), 0);
  return self->n_columns;
}

/* Returns FALSE for a blank cell (nothing entered and nothing derived),
 * which a published table prints empty, unlike an explicit 0.00. */
gboolean
gk_row_get_amount (GkRow    *self,
                   guint     column,
                   GkAmount *amount)
{
  g_return_val_if_fail (GK_IS_ROW (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  if (amount != NULL)
    *amount = self->values[column];
  return (self->set_mask & (G_GUINT64_CONSTANT (1) << column)) != 0;
}

GkAmount
gk_row_get_value (GkRow *self,
                  guint  column)
{
  g_return_val_if_fail (GK_IS_ROW (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  return self->values[column];
}

gboolean
gk_row_is_set (GkRow *self,
               guint  column)
{
  return gk_row_get_amount (self, column, NULL);
}

gboolean
gk_row_has_overflow (GkRow *self,
                     guint  column)
{
  g_return_val_if_fail (GK_IS_ROW (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);
  return (self->overflow_mask & (G_GUINT64_CONSTANT (1) << column)) != 0;
}

gboolean
gk_row_has_figures (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), FALSE);
  return self->set_mask != 0;
}

gboolean
gk_row_is_overridden (GkRow *self)
{
  g_return_val_if_fail (GK_IS_ROW (self), FALSE);
  return self->overridden;
}

/* Notified: a view shows a following row's figures as derived and an
 * overridden row's as entered. */
void
gk_row_set_overridden (GkRow    *self,
                       gboolean  overridden)
{
  g_return_if_fail (GK_IS_ROW (self));
  if (self->overridden == !!overridden)
    return;
  self->overridden = !!overridden;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERRIDDEN]);
}

/* Entered cells are those of leaf rows in columns that no rule derives;
 * everything else is computed and cannot be typed into. */
gboolean
gk_row_is_cell_entered (GkRow *self,
                        guint  column)
{
  const GkTableSchema *schema;
  const GkColumnSchema *col;

  g_return_val_if_fail (GK_IS_ROW (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  if (self->table == NULL)
    return FALSE;
  schema = gk_table_get_schema (self->table);
  if (gk_table_schema_is_summary (schema))
    return FALSE;
  if (self->kind == GK_ROW_KIND_TOTAL || self->kind == GK_ROW_KIND_LINE)
    return FALSE;
  if (schema->kind == GK_TABLE_KIND_PROJECTS && self->kind != GK_ROW_KIND_PROJECT)
    return FALSE;
  if (!gk_row_is_leaf (self))
    return FALSE;
  col = gk_table_schema_get_column (schema, column);
  return col->rule == GK_COLUMN_ENTERED;
}

/* Stores a recomputed state; emits ::changed only when it differs. */
gboolean
gk_row_store (GkRow          *self,
              const GkAmount *values,
              guint64         set_mask,
              guint64         overflow_mask)
{
  if (self->set_mask == set_mask &&
      self->overflow_mask == overflow_mask &&
      memcmp (self->values, values, sizeof (GkAmount) * self->n_columns) == 0)
    return FALSE;

  memcpy (self->values, values, sizeof (GkAmount) * self->n_columns);
  self->set_mask = set_mask;
  self->overflow_mask = overflow_mask;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Every column of a row with children is the sum of its children: for the
 * derived columns that equals applying the row's rule to the sums, since
 * every rule is linear. A cell is set when any child's cell is; @set_counts
 * (n_columns, may be NULL) receives how many children have it set. */
void
gk_row_sum_rows (GListModel *rows,
                 guint       n_columns,
                 GkAmount   *values,
                 guint64    *set_mask,
                 guint64    *overflow_mask,
                 guint      *set_counts)
{
  guint n = g_list_model_get_n_items (rows);

  memset (values, 0, sizeof (GkAmount) * n_columns);
  if (set_counts != NULL)
    memset (set_counts, 0, sizeof (guint) * n_columns);
  *set_mask = 0;
  *overflow_mask = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) child = g_list_model_get_item (rows, i);

      *set_mask |= child->set_mask;
      *overflow_mask |= child->overflow_mask;
      if (set_counts != NULL)
        for (guint c = 0; c < n_columns; c++)
          set_counts[c] += (child->set_mask >> c) & 1;
      for (guint c = 0; c < n_columns; c++)
        if (!gk_amount_add (values[c], child->values[c], &values[c]))
          {
            *overflow_mask |= G_GUINT64_CONSTANT (1) << c;
            values[c] = child->values[c] < 0 ? G_MININT64 : G_MAXINT64;
          }
    }
}
