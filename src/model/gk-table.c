/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-catalog.h"
#include "gk-indicator.h"
#include "gk-model-private.h"
#include "gk-project.h"
#include "gk-table-private.h"

/* A table of the disclosure: a tree of rows (类/款/项, projects, or summary
 * lines), exposed both as a tree (roots and each row's children, for
 * GtkTreeListModel) and as a flat GListModel in print order with the 合计 row
 * last (for printing, exporting and checking). Figures are recomputed
 * upwards from the row that changed, and stop as soon as nothing differs. */
static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkTable, gk_table, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_NOTE,
  PROP_EMPTY_EXPLANATION,
  PROP_N_STATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
gk_table_get_item_type (GListModel *model)
{
  return GK_TYPE_ROW;
}

static guint
gk_table_get_n_items (GListModel *model)
{
  return GK_TABLE (model)->flat->len;
}

static gpointer
gk_table_get_item (GListModel *model,
                   guint       position)
{
  GkTable *self = GK_TABLE (model);

  if (position >= self->flat->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->flat, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gk_table_get_item_type;
  iface->get_n_items = gk_table_get_n_items;
  iface->get_item = gk_table_get_item;
}

static void
detach_rows (GListModel *rows)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      detach_rows (G_LIST_MODEL (row->children));
      row->table = NULL;
    }
}

static void
gk_table_dispose (GObject *object)
{
  GkTable *self = GK_TABLE (object);

  if (self->roots != NULL)
    detach_rows (G_LIST_MODEL (self->roots));
  g_clear_object (&self->roots);
  g_clear_pointer (&self->flat, g_ptr_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_object (&self->total);
  g_clear_object (&self->goal);
  g_clear_object (&self->indicators);

  G_OBJECT_CLASS (gk_table_parent_class)->dispose (object);
}

static void
gk_table_finalize (GObject *object)
{
  GkTable *self = GK_TABLE (object);

  g_free (self->note);
  g_free (self->empty_explanation);
  g_clear_pointer (&self->stated, g_hash_table_unref);
  g_clear_pointer (&self->entered, g_hash_table_unref);

  G_OBJECT_CLASS (gk_table_parent_class)->finalize (object);
}

static void
gk_table_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  GkTable *self = GK_TABLE (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_EMPTY_EXPLANATION:
      g_value_set_string (value, self->empty_explanation);
      break;
    case PROP_N_STATED:
      g_value_set_uint (value, self->stated != NULL ? g_hash_table_size (self->stated) : 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_table_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  GkTable *self = GK_TABLE (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      if (gk_set_str (&self->note, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_EMPTY_EXPLANATION:
      if (gk_set_str (&self->empty_explanation, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_table_class_init (GkTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_table_dispose;
  object_class->finalize = gk_table_finalize;
  object_class->get_property = gk_table_get_property;
  object_class->set_property = gk_table_set_property;

  /* Writable for the document's undoable property edits; views go through
   * gk_document_set_text(), not g_object_set(). */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_EXPLANATION] =
    g_param_spec_string ("empty-explanation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Notified when a figure as published is kept, for the checker. */
  properties[PROP_N_STATED] =
    g_param_spec_uint ("n-stated", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_table_init (GkTable *self)
{
  self->roots = g_list_store_new (GK_TYPE_ROW);
  self->flat = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

GkTable *
gk_table_new (const GkTableSchema *schema)
{
  GkTable *self;
  guint n_columns;

  g_return_val_if_fail (schema != NULL, NULL);

  self = g_object_new (GK_TYPE_TABLE, NULL);
  self->schema = schema;
  n_columns = gk_table_schema_get_n_columns (schema);

  if (schema->kind == GK_TABLE_KIND_SINGLE)
    {
      self->single = gk_row_new (GK_ROW_KIND_SINGLE, NULL, NULL, n_columns);
      self->single->table = self;
      g_list_store_append (self->roots, self->single);
      g_ptr_array_add (self->flat, g_object_ref (self->single));
      g_object_unref (self->single);
    }
  else if (!gk_table_schema_is_summary (schema) && schema->kind != GK_TABLE_KIND_PROJECT_PERFORMANCE)
    {
      self->total = gk_row_new (GK_ROW_KIND_TOTAL, NULL, "合计", n_columns);
      self->total->table = self;
      g_ptr_array_add (self->flat, g_object_ref (self->total));
    }
  if (schema->kind == GK_TABLE_KIND_OVERALL_PERFORMANCE)
    {
      self->goal = gk_text_item_new (NULL);
      self->indicators = g_list_store_new (GK_TYPE_INDICATOR);
    }
  return self;
}

const GkTableSchema *
gk_table_get_schema (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  return self->schema;
}

const char *
gk_table_get_id (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  return self->schema->id;
}

GListModel *
gk_table_get_roots (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  return G_LIST_MODEL (self->roots);
}

GkRow *
gk_table_get_total_row (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  return self->total;
}

GkRow *
gk_table_get_single_row (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  return self->single;
}

GkRow *
gk_table_lookup (GkTable    *self,
                 const char *code)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_code, code);
}

GkRow *
gk_table_lookup_line (GkTable    *self,
                      const char *line_id)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);

  for (guint i = 0; i < self->flat->len; i++)
    {
      GkRow *row = g_ptr_array_index (self->flat, i);
      if (g_strcmp0 (row->line_id, line_id) == 0)
        return row;
    }
  return NULL;
}

/* The 合计 of a column: the total row, or the single row of 表八. */
gboolean
gk_table_get_column_total (GkTable  *self,
                           guint     column,
                           GkAmount *amount)
{
  GkRow *row;

  g_return_val_if_fail (GK_IS_TABLE (self), FALSE);

  row = self->total != NULL ? self->total : self->single;
  if (row == NULL)
    {
      if (amount != NULL)
        *amount = 0;
      return FALSE;
    }
  return gk_row_get_amount (row, column, amount);
}

/* A table with no content: no rows (an empty 表九), or a single row with
 * nothing entered. Published empty with its explanation. */
gboolean
gk_table_is_empty (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), TRUE);

  /* A 绩效目标表 holds no rows: its content is the projects'. */
  if (gk_table_schema_is_summary (self->schema) || self->schema->kind == GK_TABLE_KIND_PROJECT_PERFORMANCE)
    return FALSE;
  if (self->single != NULL)
    return !gk_row_has_figures (self->single);
  if (self->goal != NULL &&
      ((gk_text_item_get_text (self->goal) != NULL && gk_text_item_get_text (self->goal)[0] != '\0') ||
       g_list_model_get_n_items (G_LIST_MODEL (self->indicators)) > 0))
    return FALSE;
  return g_list_model_get_n_items (G_LIST_MODEL (self->roots)) == 0;
}

int
gk_table_column_index (GkTable    *self,
                       const char *column_id)
{
  g_return_val_if_fail (GK_IS_TABLE (self), -1);
  return gk_table_schema_column_index (self->schema, column_id);
}

const char *
gk_table_get_note (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  return self->note;
}

const char *
gk_table_get_empty_explanation (GkTable *self)
{
  g_return_val_if_fail (GK_IS_TABLE (self), NULL);
  return self->empty_explanation;
}

/* Flat order ------------------------------------------------------------ */

static void
collect_rows (GListModel *rows,
              GPtrArray  *into)
{
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      GkRow *row = g_list_model_get_item (rows, i);   /* ref owned by into */
      g_ptr_array_add (into, row);
      if (!gk_row_is_leaf (row))
        collect_rows (G_LIST_MODEL (row->children), into);
    }
}

/* Recomputes the print order and announces only the span that differs, so
 * that views keep their state for the rows that did not move. */
void
_gk_table_rebuild_flat (GkTable *self)
{
  g_autoptr(GPtrArray) old = self->flat;
  GPtrArray *flat = g_ptr_array_new_full (old->len + 1, g_object_unref);
  guint prefix = 0, suffix = 0;

  collect_rows (G_LIST_MODEL (self->roots), flat);
  if (self->total != NULL)
    g_ptr_array_add (flat, g_object_ref (self->total));

  while (prefix < old->len && prefix < flat->len &&
         old->pdata[prefix] == flat->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < flat->len - prefix &&
         old->pdata[old->len - 1 - suffix] == flat->pdata[flat->len - 1 - suffix])
    suffix++;

  self->flat = flat;
  if (old->len - prefix - suffix > 0 || flat->len - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self),
                                prefix,
                                old->len - prefix - suffix,
                                flat->len - prefix - suffix);
}

/* Tree edits -------------------------------------------------------------- */

static guint
sorted_position (GListModel *rows,
                 const char *code)
{
  guint lo = 0, hi = g_list_model_get_n_items (rows);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GkRow) row = g_list_model_get_item (rows, mid);

      if (g_strcmp0 (row->code, code) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static GkClassification
table_classification (GkTable *self)
{
  return self->schema->kind == GK_TABLE_KIND_ECONOMIC
           ? GK_CLASSIFICATION_ECONOMIC
           : GK_CLASSIFICATION_FUNCTION;
}

static void
index_rows (GkTable *self,
            GkRow   *row,
            gboolean add)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (row->children));

  if (row->code != NULL && row->kind != GK_ROW_KIND_PROJECT)
    {
      if (add)
        g_hash_table_insert (self->by_code, row->code, row);
      else
        g_hash_table_remove (self->by_code, row->code);
    }
  row->table = add ? self : NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) child = g_list_model_get_item (G_LIST_MODEL (row->children), i);
      index_rows (self, child, add);
    }
}

/* Places a classification row (with any subtree it carries, as after an
 * undone removal) under its parent, which must already be in the table. */
void
gk_table_insert_row (GkTable *self,
                     GkRow   *row)
{
  g_autofree char *parent_code = NULL;
  GkRow *parent = NULL;
  GListStore *siblings;

  g_return_if_fail (GK_IS_TABLE (self));
  g_return_if_fail (GK_IS_ROW (row));
  g_return_if_fail (row->parent == NULL);
  g_return_if_fail (gk_table_lookup (self, row->code) == NULL);

  parent_code = gk_classification_parent (table_classification (self), row->code);
  if (parent_code != NULL)
    {
      parent = gk_table_lookup (self, parent_code);
      g_return_if_fail (parent != NULL);
    }

  siblings = parent != NULL ? parent->children : self->roots;
  g_list_store_insert (siblings, sorted_position (G_LIST_MODEL (siblings), row->code), row);
  row->parent = parent;
  index_rows (self, row, TRUE);
  _gk_table_rebuild_flat (self);

  /* The row brings its own figures (a removal being undone): its sums are
   * already right, but its parent and the 合计 must take them in, even
   * when the row is a 类 and has no parent. */
  gk_table_derive_from (self, parent);
}

void
gk_table_remove_row (GkTable *self,
                     GkRow   *row)
{
  GListStore *siblings;
  GkRow *parent;
  guint position;

  g_return_if_fail (GK_IS_TABLE (self));
  g_return_if_fail (GK_IS_ROW (row));
  g_return_if_fail (row->table == self);

  parent = row->parent;
  siblings = parent != NULL ? parent->children : self->roots;
  if (!g_list_store_find (siblings, row, &position))
    g_return_if_reached ();

  g_object_ref (row);
  index_rows (self, row, FALSE);
  row->parent = NULL;
  g_list_store_remove (siblings, position);
  _gk_table_rebuild_flat (self);
  g_object_unref (row);

  /* A parent left without rows held only their sums, none of its own:
   * it becomes a blank leaf, and what was removed leaves every total. */
  if (parent != NULL && gk_row_is_leaf (parent))
    {
      g_autofree GkAmount *blank = g_new0 (GkAmount, parent->n_columns);

      gk_row_store (parent, blank, 0, 0);
      gk_table_derive_from (self, parent->parent);
    }
  else
    gk_table_derive_from (self, parent);
}

/* Places a row of a list table at @position (G_MAXUINT: last), with the
 * figures it carries (a removal being undone), and updates the 合计. */
void
gk_table_insert_entry (GkTable *self,
                       GkRow   *row,
                       guint    position)
{
  guint n;

  g_return_if_fail (GK_IS_TABLE (self));
  g_return_if_fail (GK_IS_ROW (row));
  g_return_if_fail (gk_table_schema_has_entries (self->schema));
  g_return_if_fail (row->kind == GK_ROW_KIND_ENTRY && row->table == NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->roots));
  g_list_store_insert (self->roots, MIN (position, n), row);
  row->table = self;
  _gk_table_rebuild_flat (self);
  gk_table_derive_from (self, row);
  gk_table_derive_from (self, NULL);
}

/* Summary tables are built line by line by the document. */
void
gk_table_append_line (GkTable *self,
                      GkRow   *row)
{
  g_return_if_fail (GK_IS_TABLE (self));
  g_return_if_fail (gk_table_schema_is_summary (self->schema));

  row->table = self;
  g_list_store_append (self->roots, row);
  if (row->code != NULL)
    g_hash_table_insert (self->by_code, row->code, row);
  _gk_table_rebuild_flat (self);
}

void
gk_table_clear_lines (GkTable *self)
{
  g_return_if_fail (GK_IS_TABLE (self));
  g_return_if_fail (gk_table_schema_is_summary (self->schema));

  detach_rows (G_LIST_MODEL (self->roots));
  g_hash_table_remove_all (self->by_code);
  g_list_store_remove_all (self->roots);
  _gk_table_rebuild_flat (self);
}

/* Derivation -------------------------------------------------------------- */

static gboolean
class_listed (char       **classes,
              const char  *code)
{
  if (classes == NULL || code == NULL || strlen (code) < 3)
    return FALSE;
  for (guint i = 0; classes[i] != NULL; i++)
    if (strncmp (classes[i], code, 3) == 0)
      return TRUE;
  return FALSE;
}

/* The row's own rules (row totals, 人员/公用 by economic 类), applied to a
 * leaf's entered figures. */
void
gk_table_apply_rules (GkTable  *self,
             GkRow    *row,
             GkAmount *values,
             guint64  *set_mask,
             guint64  *overflow_mask)
{
  const GkTableSchema *schema = self->schema;

  for (guint k = 0; k < schema->n_derived; k++)
    {
      guint i = schema->derive_order[k];
      const GkColumnSchema *col = g_ptr_array_index (schema->columns, i);
      guint64 bit = G_GUINT64_CONSTANT (1) << i;
      GkAmount v = 0;
      gboolean set = FALSE, overflow = FALSE;

      if (col->rule == GK_COLUMN_SUM)
        {
          for (guint j = 0; j < col->n_sources; j++)
            {
              guint s = col->sources[j];
              guint64 sbit = G_GUINT64_CONSTANT (1) << s;

              if (*set_mask & sbit)
                set = TRUE;
              if (*overflow_mask & sbit)
                overflow = TRUE;
              if (col->subtract & (G_GUINT64_CONSTANT (1) << j)
                  ? !gk_amount_sub (v, values[s], &v)
                  : !gk_amount_add (v, values[s], &v))
                {
                  overflow = TRUE;
                  v = values[s] < 0 ? G_MININT64 : G_MAXINT64;
                }
            }
        }
      else if (col->rule == GK_COLUMN_SHARE_OF)
        {
          guint s = col->sources[0];
          gboolean qualifies = class_listed (col->classes, row->code) != col->except;

          if (qualifies)
            {
              v = values[s];
              set = (*set_mask & (G_GUINT64_CONSTANT (1) << s)) != 0;
            }
        }
      else
        continue;

      values[i] = v;
      *set_mask = set ? (*set_mask | bit) : (*set_mask & ~bit);
      *overflow_mask = overflow ? (*overflow_mask | bit) : (*overflow_mask & ~bit);
    }
}

static gboolean
recompute (GkTable *self,
           GkRow   *row)
{
  g_autofree GkAmount *values = g_new (GkAmount, row->n_columns);
  guint64 set_mask, overflow_mask;

  if (gk_row_is_leaf (row) && row->kind != GK_ROW_KIND_TOTAL)
    {
      memcpy (values, row->values, sizeof (GkAmount) * row->n_columns);
      set_mask = row->set_mask;
      overflow_mask = 0;
      gk_table_apply_rules (self, row, values, &set_mask, &overflow_mask);
    }
  else
    {
      /* The 合计 row sums the 类 rows, which are the roots. */
      GListModel *children = G_LIST_MODEL (row->kind == GK_ROW_KIND_TOTAL ? self->roots : row->children);

      if (row->set_counts == NULL)
        row->set_counts = g_new0 (guint, row->n_columns);
      gk_row_sum_rows (children, row->n_columns, values, &set_mask, &overflow_mask, row->set_counts);
    }

  return gk_row_store (row, values, set_mask, overflow_mask);
}

/* The row whose sum includes @row: its parent, or the 合计 row for a root. */
static GkRow *
summing_row (GkTable *self,
             GkRow   *row)
{
  if (row->parent != NULL)
    return row->parent;
  if (row->kind == GK_ROW_KIND_CLASS || row->kind == GK_ROW_KIND_SECTION ||
      row->kind == GK_ROW_KIND_ITEM || row->kind == GK_ROW_KIND_PROJECT ||
      row->kind == GK_ROW_KIND_ENTRY)
    return row == self->total ? NULL : self->total;
  return NULL;
}

/* Updates @sum, which sums a child that went from @old (@old_set) to the
 * child's current state, by the difference: one edit costs the depth of
 * the tree, not the number of siblings (a 项 of 表七 may hold thousands of
 * projects). Falls back to re-adding the children where the difference
 * cannot be trusted: no counts yet, or an overflow on either side. */
static gboolean
update_by_difference (GkTable        *self,
                      GkRow          *sum,
                      GkRow          *child,
                      const GkAmount *old,
                      guint64         old_set,
                      guint64         old_overflow)
{
  g_autofree GkAmount *values = NULL;
  guint64 set_mask = sum->set_mask;

  if (sum->set_counts == NULL || old_overflow != 0 || child->overflow_mask != 0 ||
      sum->overflow_mask != 0)
    return recompute (self, sum);

  values = g_memdup2 (sum->values, sizeof (GkAmount) * sum->n_columns);
  for (guint c = 0; c < sum->n_columns; c++)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << c;
      gboolean was = (old_set & bit) != 0;
      gboolean is = (child->set_mask & bit) != 0;

      if (!gk_amount_sub (values[c], old[c], &values[c]) ||
          !gk_amount_add (values[c], child->values[c], &values[c]))
        return recompute (self, sum);
      if (was && !is)
        {
          g_assert (sum->set_counts[c] > 0);
          sum->set_counts[c]--;
        }
      else if (is && !was)
        sum->set_counts[c]++;
      set_mask = sum->set_counts[c] > 0 ? (set_mask | bit) : (set_mask & ~bit);
    }
  return gk_row_store (sum, values, set_mask, 0);
}

/* After @row changed from @old, updates the rows that sum it, up to the
 * 合计 row, stopping at the first that does not change. */
static void
propagate_difference (GkTable        *self,
                      GkRow          *row,
                      GkAmount       *old,
                      guint64         old_set,
                      guint64         old_overflow)
{
  g_autofree GkAmount *before = g_new (GkAmount, row->n_columns);

  for (GkRow *sum = summing_row (self, row); sum != NULL; row = sum, sum = summing_row (self, sum))
    {
      guint64 sum_set = sum->set_mask;
      guint64 sum_overflow = sum->overflow_mask;

      memcpy (before, sum->values, sizeof (GkAmount) * sum->n_columns);
      if (!update_by_difference (self, sum, row, old, old_set, old_overflow))
        return;
      memcpy (old, before, sizeof (GkAmount) * sum->n_columns);
      old_set = sum_set;
      old_overflow = sum_overflow;
    }
}

/* Recomputes `row` and its ancestors, stopping at the first that does not
 * change, then the 合计 row. NULL recomputes only the 合计 row. */
void
gk_table_derive_from (GkTable *self,
                      GkRow   *row)
{
  gboolean changed = TRUE;

  g_return_if_fail (GK_IS_TABLE (self));

  for (GkRow *r = row; r != NULL && changed; r = r->parent)
    changed = recompute (self, r);
  if ((changed || row == NULL) && self->total != NULL)
    recompute (self, self->total);
}

void
gk_table_derive_all (GkTable *self)
{
  g_autoptr(GPtrArray) flat = NULL;

  g_return_if_fail (GK_IS_TABLE (self));

  if (gk_table_schema_is_summary (self->schema))
    return;
  /* The print order puts each row before its children, so backwards every
   * row comes after all of its children, as in a walk of the tree, but
   * without a list lookup and a reference per row. The 合计 sums the
   * roots: it comes last. */
  flat = g_ptr_array_ref (self->flat);
  for (guint i = flat->len; i > 0; i--)
    if (flat->pdata[i - 1] != self->total)
      recompute (self, flat->pdata[i - 1]);
  if (self->total != NULL)
    recompute (self, self->total);
}

/* Sets one entered cell and recomputes what depends on it. */
gboolean
gk_table_set_cell (GkTable  *self,
                   GkRow    *row,
                   guint     column,
                   GkAmount  value,
                   gboolean  set)
{
  g_autofree GkAmount *values = NULL;
  g_autofree GkAmount *old = NULL;
  guint64 bit = G_GUINT64_CONSTANT (1) << column;
  guint64 set_mask, overflow_mask = 0;
  guint64 old_set, old_overflow;

  g_return_val_if_fail (GK_IS_TABLE (self), FALSE);
  g_return_val_if_fail (row->table == self, FALSE);
  g_return_val_if_fail (column < row->n_columns, FALSE);

  old = g_memdup2 (row->values, sizeof (GkAmount) * row->n_columns);
  old_set = row->set_mask;
  old_overflow = row->overflow_mask;
  values = g_memdup2 (row->values, sizeof (GkAmount) * row->n_columns);
  values[column] = set ? value : 0;
  set_mask = set ? (row->set_mask | bit) : (row->set_mask & ~bit);
  gk_table_apply_rules (self, row, values, &set_mask, &overflow_mask);
  if (!gk_row_store (row, values, set_mask, overflow_mask))
    return FALSE;

  propagate_difference (self, row, old, old_set, old_overflow);
  return TRUE;
}
