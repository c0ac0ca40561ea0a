/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "gk-chart-private.h"

/* A chart of labelled amounts: what it shows (kind, title, items with
 * optional last-year figures, legend categories) and, once drawn, where it
 * put them. The drawing itself is in gk-chart-draw.c. Everything a chart
 * writes is document wording (Chinese), like the tables it summarises, so
 * that the charts read the same in the editor and in the PDF. */

G_DEFINE_FINAL_TYPE (GkChart, gk_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_MONEY_UNIT,
  PROP_HIGHLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_clear (gpointer data)
{
  GkChartItem *item = data;

  g_free (item->label);
  g_free (item->code);
  g_free (item->prior_label);
}

static void
gk_chart_finalize (GObject *object)
{
  GkChart *self = GK_CHART (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->this_label);
  g_free (self->last_label);
  g_free (self->shares);
  g_array_unref (self->items);
  g_ptr_array_unref (self->categories);
  g_array_unref (self->regions);
  g_array_unref (self->label_rects);

  G_OBJECT_CLASS (gk_chart_parent_class)->finalize (object);
}

static void
gk_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  GkChart *self = GK_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MONEY_UNIT:
      g_value_set_uint (value, self->money_unit);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_int (value, self->highlight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  GkChart *self = GK_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_MONEY_UNIT:
      self->money_unit = g_value_get_uint (value);
      break;
    case PROP_HIGHLIGHT:
      gk_chart_set_highlight (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_chart_class_init (GkChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = gk_chart_finalize;
  object_class->get_property = gk_chart_get_property;
  object_class->set_property = gk_chart_set_property;

  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL,
                       GK_CHART_KIND_DONUT, GK_CHART_KIND_GROUPED, GK_CHART_KIND_BARS,
                       construct);
  /* Stable: names the exported files (function-classes.png). */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, construct);
  properties[PROP_MONEY_UNIT] =
    g_param_spec_uint ("money-unit", NULL, NULL,
                       GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_YUAN, GK_MONEY_UNIT_WANYUAN,
                       construct);
  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_chart_init (GkChart *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (GkChartItem));
  g_array_set_clear_func (self->items, item_clear);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->highlight = -1;
  self->regions = g_array_new (FALSE, TRUE, sizeof (GkChartRegion));
  self->label_rects = g_array_new (FALSE, TRUE, sizeof (cairo_rectangle_t));
}

/**
 * gk_chart_new:
 * @kind: how the items are drawn
 * @id: a stable identifier ("function-classes")
 * @title: the heading, document wording
 * @money_unit: the unit the amounts are in
 *
 * Returns: (transfer full): an empty chart; add items to it
 */
GkChart *
gk_chart_new (GkChartKind  kind,
              const char  *id,
              const char  *title,
              GkMoneyUnit  money_unit)
{
  g_return_val_if_fail (kind <= GK_CHART_KIND_GROUPED, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (GK_TYPE_CHART,
                       "kind", kind,
                       "id", id,
                       "title", title != NULL ? title : "",
                       "money-unit", money_unit,
                       NULL);
}

GkChartKind
gk_chart_get_kind (GkChart *self)
{
  g_return_val_if_fail (GK_IS_CHART (self), GK_CHART_KIND_BARS);
  return self->kind;
}

const char *
gk_chart_get_id (GkChart *self)
{
  g_return_val_if_fail (GK_IS_CHART (self), NULL);
  return self->id;
}

const char *
gk_chart_get_title (GkChart *self)
{
  g_return_val_if_fail (GK_IS_CHART (self), NULL);
  return self->title;
}

GkMoneyUnit
gk_chart_get_money_unit (GkChart *self)
{
  g_return_val_if_fail (GK_IS_CHART (self), GK_MONEY_UNIT_WANYUAN);
  return self->money_unit;
}

GkChartItem *
gk_chart_get_item (GkChart *self,
                   guint    index)
{
  g_assert (index < self->items->len);
  return &g_array_index (self->items, GkChartItem, index);
}

/**
 * gk_chart_add_item:
 * @self: a chart
 * @label: the whole name; the drawing shortens it where it must
 * @code: (nullable): its classification code, shown in the tooltip
 * @value: the amount
 *
 * Returns: the item's index
 */
guint
gk_chart_add_item (GkChart    *self,
                   const char *label,
                   const char *code,
                   GkAmount    value)
{
  GkChartItem item = { 0, };

  g_return_val_if_fail (GK_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  item.label = g_strdup (label);
  item.code = g_strdup (code);
  item.value = value;
  item.category = -1;
  g_array_append_val (self->items, item);
  g_clear_pointer (&self->shares, g_free);
  return self->items->len - 1;
}

/**
 * gk_chart_set_item_prior:
 * @self: a chart
 * @index: an item
 * @prior_value: last year's amount
 * @prior_label: what last year's figure is ("上年执行数")
 */
void
gk_chart_set_item_prior (GkChart    *self,
                         guint       index,
                         GkAmount    prior_value,
                         const char *prior_label)
{
  GkChartItem *item;

  g_return_if_fail (GK_IS_CHART (self));
  g_return_if_fail (index < self->items->len);

  item = gk_chart_get_item (self, index);
  item->has_prior = TRUE;
  item->prior_value = prior_value;
  g_free (item->prior_label);
  item->prior_label = g_strdup (prior_label);
}

/* The rest is drawn in a neutral colour: it is not one thing. */
void
gk_chart_set_item_rest (GkChart *self,
                        guint    index)
{
  g_return_if_fail (GK_IS_CHART (self));
  g_return_if_fail (index < self->items->len);

  gk_chart_get_item (self, index)->rest = TRUE;
}

/**
 * gk_chart_add_category:
 * @self: a chart
 * @label: the legend's text for the category
 *
 * Items of a category share its colour and the legend names it; use it
 * when the colour should mean something the bars do not already say
 * (the economic 类 of a 款).
 *
 * Returns: the category's index
 */
guint
gk_chart_add_category (GkChart    *self,
                       const char *label)
{
  g_return_val_if_fail (GK_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  g_ptr_array_add (self->categories, g_strdup (label));
  return self->categories->len - 1;
}

void
gk_chart_set_item_category (GkChart *self,
                            guint    index,
                            guint    category)
{
  g_return_if_fail (GK_IS_CHART (self));
  g_return_if_fail (index < self->items->len);
  g_return_if_fail (category < self->categories->len);

  gk_chart_get_item (self, index)->category = category;
}

/* The legend of a grouped chart: "2020年预算数", "上年预算数". */
void
gk_chart_set_series_labels (GkChart    *self,
                            const char *this_year,
                            const char *last_year)
{
  g_return_if_fail (GK_IS_CHART (self));

  g_free (self->this_label);
  self->this_label = g_strdup (this_year);
  g_free (self->last_label);
  self->last_label = g_strdup (last_year);
}

guint
gk_chart_get_n_items (GkChart *self)
{
  g_return_val_if_fail (GK_IS_CHART (self), 0);
  return self->items->len;
}

const char *
gk_chart_get_item_label (GkChart *self,
                         guint    index)
{
  g_return_val_if_fail (GK_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return gk_chart_get_item (self, index)->label;
}

GkAmount
gk_chart_get_item_value (GkChart *self,
                         guint    index)
{
  g_return_val_if_fail (GK_IS_CHART (self), 0);
  g_return_val_if_fail (index < self->items->len, 0);
  return gk_chart_get_item (self, index)->value;
}

gboolean
gk_chart_get_item_prior (GkChart  *self,
                         guint     index,
                         GkAmount *prior_value)
{
  GkChartItem *item;

  g_return_val_if_fail (GK_IS_CHART (self), FALSE);
  g_return_val_if_fail (index < self->items->len, FALSE);

  item = gk_chart_get_item (self, index);
  if (item->has_prior && prior_value != NULL)
    *prior_value = item->prior_value;
  return item->has_prior;
}

/**
 * gk_chart_get_item_share:
 * @self: a chart
 * @index: an item
 *
 * Returns: the item's share of the chart's total in basis points, rounded
 *   so that the items add up to exactly 10000 (when the total is not 0),
 *   or -1 for a grouped chart, whose items are not parts of one whole
 */
gint
gk_chart_get_item_share (GkChart *self,
                         guint    index)
{
  g_return_val_if_fail (GK_IS_CHART (self), -1);
  g_return_val_if_fail (index < self->items->len, -1);

  if (self->kind == GK_CHART_KIND_GROUPED)
    return -1;

  if (self->shares == NULL)
    {
      g_autofree GkAmount *values = g_new (GkAmount, self->items->len);

      for (guint i = 0; i < self->items->len; i++)
        values[i] = gk_chart_get_item (self, i)->value;
      self->shares = g_new (gint, self->items->len);
      gk_amount_shares (values, self->items->len, self->shares);
    }
  return self->shares[index];
}

/* The sum of the positive items, saturating: it is only ever shown. */
GkAmount
gk_chart_get_total (GkChart *self)
{
  GkAmount total = 0;

  g_return_val_if_fail (GK_IS_CHART (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      GkAmount v = gk_chart_get_item (self, i)->value;

      if (v > 0 && !gk_amount_add (total, v, &total))
        return GK_AMOUNT_MAX;
    }
  return total;
}

/* Nothing worth a mark: no item, or every figure (and last year's) 0. */
gboolean
gk_chart_is_empty (GkChart *self)
{
  g_return_val_if_fail (GK_IS_CHART (self), TRUE);

  for (guint i = 0; i < self->items->len; i++)
    {
      GkChartItem *item = gk_chart_get_item (self, i);

      if (item->value > 0)
        return FALSE;
      if (self->kind == GK_CHART_KIND_GROUPED && item->has_prior && item->prior_value > 0)
        return FALSE;
    }
  /* Items that are all 0 still say something in a chart of fixed items
   * (三公 all 0 is a real answer), but not in one of shares. */
  return self->items->len == 0 ||
         self->kind == GK_CHART_KIND_DONUT ||
         self->kind == GK_CHART_KIND_STACKED;
}

int
gk_chart_get_highlight (GkChart *self)
{
  g_return_val_if_fail (GK_IS_CHART (self), -1);
  return self->highlight;
}

void
gk_chart_set_highlight (GkChart *self,
                        int      index)
{
  g_return_if_fail (GK_IS_CHART (self));

  if (index < -1)
    index = -1;
  if (self->highlight == index)
    return;
  self->highlight = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

void
gk_chart_add_region (GkChart             *self,
                     const GkChartRegion *region)
{
  g_array_append_val (self->regions, *region);
}

static gboolean
region_contains (const GkChartRegion *r,
                 double               x,
                 double               y)
{
  if (r->shape == GK_CHART_REGION_RECT)
    return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
  else
    {
      double dx = x - r->cx;
      double dy = y - r->cy;
      double d = sqrt (dx * dx + dy * dy);
      double a;

      if (d < r->r_inner || d > r->r_outer)
        return FALSE;
      a = atan2 (dx, -dy);
      if (a < 0)
        a += 2 * G_PI;
      return a >= r->a0 && a < r->a1;
    }
}

/**
 * gk_chart_hit_test:
 * @self: a chart that has been drawn
 * @x: a point in the coordinates the chart was drawn in
 * @y:
 * @hit: (out caller-allocates): what lies there
 *
 * Looks at the geometry of the last gk_chart_draw(): segments, bars, their
 * labels and legend rows all count.
 *
 * Returns: %TRUE if an item lies under the point
 */
gboolean
gk_chart_hit_test (GkChart    *self,
                   double      x,
                   double      y,
                   GkChartHit *hit)
{
  g_return_val_if_fail (GK_IS_CHART (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  /* Later regions are drawn over earlier ones. */
  for (guint i = self->regions->len; i-- > 0; )
    {
      const GkChartRegion *r = &g_array_index (self->regions, GkChartRegion, i);
      GkChartItem *item;

      if (!region_contains (r, x, y))
        continue;

      item = gk_chart_get_item (self, r->index);
      hit->index = r->index;
      hit->prior = r->prior;
      hit->label = item->label;
      hit->code = item->code;
      hit->value = item->value;
      hit->share = gk_chart_get_item_share (self, r->index);
      hit->has_prior = item->has_prior;
      hit->prior_value = item->prior_value;
      hit->prior_label = item->prior_label;
      return TRUE;
    }
  return FALSE;
}

/* "增长 2.25%", "下降 17.24%", "持平", or "新增" when last year had nothing,
 * the words 情况说明 uses. */
char *
gk_chart_change_text (GkAmount this_year,
                      GkAmount last_year)
{
  gint bp;
  g_autofree char *percent = NULL;

  if (this_year == last_year)
    return g_strdup ("持平");
  if (!gk_amount_change (this_year, last_year, &bp))
    return g_strdup (last_year == 0 && this_year > 0 ? "新增" : "");
  if (bp == 0)
    return g_strdup ("持平");
  percent = gk_percent_format (ABS (bp));
  return g_strconcat (bp > 0 ? "增长 " : "下降 ", percent, NULL);
}

/**
 * gk_chart_format_hit:
 * @self: a chart
 * @hit: what gk_chart_hit_test() found
 *
 * Returns: (transfer full): a tooltip in the wording of 情况说明:
 *   "一般公共服务支出（201）\n336.06 万元，占 94.64%"
 */
char *
gk_chart_format_hit (GkChart          *self,
                     const GkChartHit *hit)
{
  const char *unit;
  GString *text;
  g_autofree char *value = NULL;

  g_return_val_if_fail (GK_IS_CHART (self), NULL);
  g_return_val_if_fail (hit != NULL && hit->index < self->items->len, NULL);

  unit = gk_money_unit_to_string (self->money_unit);
  text = g_string_new (hit->label);
  if (hit->code != NULL && hit->code[0] != '\0')
    g_string_append_printf (text, "（%s）", hit->code);
  g_string_append_c (text, '\n');

  value = gk_amount_format (hit->value);
  if (self->kind != GK_CHART_KIND_GROUPED)
    {
      g_string_append_printf (text, "%s %s", value, unit);
      if (hit->share >= 0 && gk_chart_get_total (self) > 0)
        {
          g_autofree char *share = gk_percent_format (hit->share);
          g_string_append_printf (text, "，占 %s", share);
        }
      if (hit->has_prior)
        {
          g_autofree char *prior = gk_amount_format (hit->prior_value);
          g_string_append_printf (text, "\n%s %s %s", hit->prior_label != NULL ? hit->prior_label : "上年数",
                                  prior, unit);
        }
      return g_string_free (text, FALSE);
    }

  g_string_append_printf (text, "%s %s %s",
                          self->this_label != NULL ? self->this_label : "本年预算数",
                          value, unit);
  if (hit->has_prior)
    {
      const char *basis = hit->prior_label != NULL ? hit->prior_label : "上年数";
      g_autofree char *prior = gk_amount_format (hit->prior_value);
      GkAmount difference;

      g_string_append_printf (text, "\n%s %s %s", basis, prior, unit);
      if (gk_amount_sub (hit->value, hit->prior_value, &difference))
        {
          g_autofree char *change = gk_chart_change_text (hit->value, hit->prior_value);
          g_autofree char *magnitude = NULL;

          if (difference == 0)
            g_string_append_printf (text, "\n与%s持平", basis);
          else
            {
              magnitude = gk_amount_format (difference < 0 ? -difference : difference);
              g_string_append_printf (text, "\n比%s%s %s %s", basis,
                                      difference > 0 ? "增加" : "减少", magnitude, unit);
              if (g_str_has_prefix (change, "增长") || g_str_has_prefix (change, "下降"))
                g_string_append_printf (text, "，%s", change);
            }
        }
    }
  return g_string_free (text, FALSE);
}

/**
 * gk_chart_get_label_rects:
 * @self: a chart that has been drawn
 *
 * Returns: (transfer none) (element-type cairo_rectangle_t): the logical
 *   and ink extents of every text the last draw laid out, in the
 *   coordinates it drew in
 */
const GArray *
gk_chart_get_label_rects (GkChart *self)
{
  g_return_val_if_fail (GK_IS_CHART (self), NULL);
  return self->label_rects;
}

/**
 * gk_chart_equal:
 *
 * Returns: whether @a and @b draw the same: the same kind, titles, unit,
 *   items and legend, whatever either last drew or highlights
 */
gboolean
gk_chart_equal (GkChart *a,
                GkChart *b)
{
  g_return_val_if_fail (GK_IS_CHART (a), FALSE);
  g_return_val_if_fail (GK_IS_CHART (b), FALSE);

  if (a->kind != b->kind || a->money_unit != b->money_unit ||
      g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->this_label, b->this_label) != 0 || g_strcmp0 (a->last_label, b->last_label) != 0 ||
      a->items->len != b->items->len || a->categories->len != b->categories->len)
    return FALSE;
  for (guint i = 0; i < a->categories->len; i++)
    if (g_strcmp0 (a->categories->pdata[i], b->categories->pdata[i]) != 0)
      return FALSE;
  for (guint i = 0; i < a->items->len; i++)
    {
      const GkChartItem *x = &g_array_index (a->items, GkChartItem, i);
      const GkChartItem *y = &g_array_index (b->items, GkChartItem, i);

      if (x->value != y->value || x->has_prior != y->has_prior || x->rest != y->rest ||
          x->category != y->category || g_strcmp0 (x->label, y->label) != 0 ||
          g_strcmp0 (x->code, y->code) != 0 ||
          (x->has_prior && (x->prior_value != y->prior_value || g_strcmp0 (x->prior_label, y->prior_label) != 0)))
        return FALSE;
    }
  return TRUE;
}
