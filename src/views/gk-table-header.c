/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-table-header.h"
#include "gk-tooltip.h"

/* The merged header cells of a printed table (功能分类科目编码 over 类/款/项,
 * 支出预算 over the amount columns, 财政拨款“三公”经费 › 公务用车购置及运行维护费
 * over 购置费 …) as rows of labels above a column view's own titles, as
 * many rows as the layout has above its last one. GtkColumnView 4.8 has
 * one title per column and no header widgets, so each label is placed over
 * the titles of the columns it spans, read from where the column view put
 * them. The page lays this widget out after the column view (a GtkGrid
 * allocates in child order), so the titles are where they will be drawn;
 * horizontal scrolling and resized columns change the column view's
 * adjustment, which reallocates these rows.
 *
 * A header that reaches the last row from above (科目名称 beside a
 * three-row amount header) is a blank cell with no rule below it, so that
 * it reads as one cell with the column's title. The first `n_frozen`
 * columns stay in view while the others scroll, as the page's frozen
 * columns do: their cells are drawn last, over those scrolled under them. */
typedef struct
{
  GtkWidget *label;
  guint      row;
  guint      row_span;
  guint      first;
  guint      n_columns;
} Group;

struct _GkTableHeader
{
  GtkWidget      parent_instance;

  GtkColumnView *column_view;
  GtkAdjustment *hadjustment;
  GArray        *groups;
  guint          n_rows;      /* the rows of this widget: the layout's but its last */
  guint          n_frozen;
};

G_DEFINE_FINAL_TYPE (GkTableHeader, gk_table_header, GTK_TYPE_WIDGET)

GtkWidget *
gk_table_header_new (void)
{
  return g_object_new (GK_TYPE_TABLE_HEADER, NULL);
}

static void
gk_table_header_queue_allocate (GkTableHeader *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
gk_table_header_set_hadjustment (GkTableHeader *self,
                                 GtkAdjustment *adjustment)
{
  if (self->hadjustment == adjustment)
    return;
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  g_set_object (&self->hadjustment, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (gk_table_header_queue_allocate),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (adjustment, "changed", G_CALLBACK (gk_table_header_queue_allocate),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
gk_table_header_notify_hadjustment (GkTableHeader *self)
{
  GtkAdjustment *adjustment = NULL;

  if (self->column_view != NULL)
    adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  gk_table_header_set_hadjustment (self, adjustment);
}

static void
gk_table_header_columns_changed (GkTableHeader *self,
                                 guint          position,
                                 guint          removed,
                                 guint          added,
                                 GListModel    *columns)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_signal_connect_object (column, "notify::fixed-width", G_CALLBACK (gk_table_header_queue_allocate),
                               self, G_CONNECT_SWAPPED);
    }
  if (self->column_view != NULL)
    gk_table_header_watch_titles (self->column_view);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
gk_table_header_set_column_view (GkTableHeader *self,
                                 GtkColumnView *column_view)
{
  GListModel *columns;

  g_return_if_fail (GK_IS_TABLE_HEADER (self));
  g_return_if_fail (!column_view || GTK_IS_COLUMN_VIEW (column_view));

  if (self->column_view == column_view)
    return;
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->column_view, self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_columns (self->column_view), self);
    }
  g_set_object (&self->column_view, column_view);
  gk_table_header_notify_hadjustment (self);
  if (column_view == NULL)
    return;

  columns = gtk_column_view_get_columns (column_view);
  g_signal_connect_object (column_view, "notify::hadjustment", G_CALLBACK (gk_table_header_notify_hadjustment),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (columns, "items-changed", G_CALLBACK (gk_table_header_columns_changed),
                           self, G_CONNECT_SWAPPED);
  gk_table_header_columns_changed (self, 0, 0, g_list_model_get_n_items (columns), columns);
}

GtkColumnView *
gk_table_header_get_column_view (GkTableHeader *self)
{
  g_return_val_if_fail (GK_IS_TABLE_HEADER (self), NULL);
  return self->column_view;
}

/* A label cut short shows its whole text on hover, asked for only then. */
static gboolean
label_query_tooltip (GtkWidget  *label,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip)
{
  g_autofree char *text = gk_label_dup_cut_text (GTK_LABEL (label));

  if (text == NULL)
    return FALSE;
  gk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
watch_label (GtkLabel *label)
{
  if (g_object_get_data (G_OBJECT (label), "gk-watched") != NULL)
    return;
  g_object_set_data (G_OBJECT (label), "gk-watched", GINT_TO_POINTER (TRUE));
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip), NULL);
}

static void
watch_labels_below (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    watch_label (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    watch_labels_below (child);
}

/* The column view's own titles ellipsize and show their whole text on
 * hover, as these headers do, and are centred as printed. */
void
gk_table_header_watch_titles (GtkColumnView *column_view)
{
  GtkWidget *header;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));

  header = gtk_widget_get_first_child (GTK_WIDGET (column_view));
  if (header == NULL)
    return;
  watch_labels_below (header);
  for (GtkWidget *title = gtk_widget_get_first_child (header); title; title = gtk_widget_get_next_sibling (title))
    {
      GtkWidget *label = gtk_widget_get_first_child (title);

      for (; label != NULL && !GTK_IS_LABEL (label); label = gtk_widget_get_first_child (label))
        ;
      if (label != NULL)
        {
          gtk_widget_set_hexpand (label, TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0.5);
        }
    }
}

/* A header cell of the layout, whose @n_rows header rows are this widget's
 * rows and the column view's titles below them. The cells of the last row
 * are those titles; a cell that reaches it from above is a blank cell here. */
void
gk_table_header_add_cell (GkTableHeader *self,
                          const char    *title,
                          guint          row,
                          guint          row_span,
                          guint          first_column,
                          guint          n_columns,
                          guint          n_rows)
{
  Group group;

  g_return_if_fail (GK_IS_TABLE_HEADER (self));
  g_return_if_fail (n_columns > 0 && row_span > 0);
  g_return_if_fail (row + row_span <= n_rows);

  if (row + 1 >= n_rows)
    return;
  self->n_rows = MAX (self->n_rows, n_rows - 1);
  group.first = first_column;
  group.n_columns = n_columns;
  group.row = row;
  group.row_span = MIN (row_span, n_rows - 1 - row);
  if (row + row_span == n_rows)
    {
      group.label = gtk_label_new (NULL);
      gtk_widget_add_css_class (group.label, "gk-continued");
    }
  else
    {
      group.label = gtk_label_new (title);
      watch_label (GTK_LABEL (group.label));
    }
  gtk_widget_set_parent (group.label, GTK_WIDGET (self));
  g_array_append_val (self->groups, group);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* A label over the first of two header rows. */
void
gk_table_header_add_group (GkTableHeader *self,
                           const char    *title,
                           guint          first_column,
                           guint          n_columns)
{
  gk_table_header_add_cell (self, title, 0, 1, first_column, n_columns, MAX (self->n_rows + 1, 2));
}

/* The first @n_frozen columns stay in view when the others scroll. */
void
gk_table_header_set_n_frozen (GkTableHeader *self,
                              guint          n_frozen)
{
  g_return_if_fail (GK_IS_TABLE_HEADER (self));

  self->n_frozen = n_frozen;
  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = &g_array_index (self->groups, Group, i);

      if (group->first + group->n_columns <= n_frozen)
        gtk_widget_add_css_class (group->label, "gk-frozen");
      else
        gtk_widget_remove_css_class (group->label, "gk-frozen");
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
gk_table_header_get_n_groups (GkTableHeader *self)
{
  g_return_val_if_fail (GK_IS_TABLE_HEADER (self), 0);
  return self->groups->len;
}

const char *
gk_table_header_get_group_title (GkTableHeader *self,
                                 guint          index)
{
  g_return_val_if_fail (GK_IS_TABLE_HEADER (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return gtk_label_get_text (GTK_LABEL (g_array_index (self->groups, Group, index).label));
}

/* The label of the header cell at @row over @column, or NULL. */
GtkWidget *
gk_table_header_get_label (GkTableHeader *self,
                           guint          row,
                           guint          column)
{
  g_return_val_if_fail (GK_IS_TABLE_HEADER (self), NULL);

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = &g_array_index (self->groups, Group, i);

      if (group->row <= row && row < group->row + group->row_span &&
          group->first <= column && column < group->first + group->n_columns)
        return group->label;
    }
  return NULL;
}

/* The column titles, in column order: the children of the column view's
 * first child, its header row. */
static GPtrArray *
collect_titles (GkTableHeader *self)
{
  GPtrArray *titles = g_ptr_array_new ();
  GtkWidget *header;

  if (self->column_view == NULL)
    return titles;
  header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  if (header == NULL)
    return titles;
  for (GtkWidget *child = gtk_widget_get_first_child (header);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      g_ptr_array_add (titles, child);
  return titles;
}

/* One header row is as high as its highest one-line label. */
static int
row_height (GkTableHeader *self)
{
  int height = 0;

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = &g_array_index (self->groups, Group, i);
      int min, nat;

      if (gtk_widget_has_css_class (group->label, "gk-continued"))
        continue;
      gtk_widget_measure (group->label, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
      height = MAX (height, (nat + (int) group->row_span - 1) / (int) group->row_span);
    }
  return height;
}

static void
gk_table_header_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GkTableHeader *self = GK_TABLE_HEADER (widget);

  *minimum = *natural = 0;
  /* The width is the column view's: these rows never ask for more. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    return;
  *minimum = *natural = row_height (self) * (int) self->n_rows;
}

static gboolean
is_frozen (GkTableHeader *self,
           Group         *group)
{
  return group->first + group->n_columns <= self->n_frozen;
}

static void
gk_table_header_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GkTableHeader *self = GK_TABLE_HEADER (widget);
  g_autoptr(GPtrArray) titles = collect_titles (self);
  double scrolled = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  int row_h = self->n_rows > 0 ? height / (int) self->n_rows : 0;

  for (guint i = 0; i < self->groups->len; i++)
    {
      Group *group = &g_array_index (self->groups, Group, i);
      graphene_rect_t first, last;
      GtkAllocation allocation;

      if (group->first + group->n_columns > titles->len ||
          !gtk_widget_compute_bounds (titles->pdata[group->first], widget, &first) ||
          !gtk_widget_compute_bounds (titles->pdata[group->first + group->n_columns - 1], widget, &last))
        {
          gtk_widget_set_child_visible (group->label, FALSE);
          continue;
        }
      allocation.x = first.origin.x + (is_frozen (self, group) ? scrolled : 0);
      allocation.y = (int) group->row * row_h;
      allocation.width = MAX (0, last.origin.x + last.size.width - first.origin.x);
      /* The last row takes what rounding left. */
      allocation.height = group->row + group->row_span >= self->n_rows
                            ? height - allocation.y
                            : (int) group->row_span * row_h;
      gtk_widget_set_child_visible (group->label, TRUE);
      gtk_widget_size_allocate (group->label, &allocation, -1);
    }
}

/* The frozen cells go over those scrolled under them. */
static void
gk_table_header_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  GkTableHeader *self = GK_TABLE_HEADER (widget);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->groups->len; i++)
      {
        Group *group = &g_array_index (self->groups, Group, i);

        if (is_frozen (self, group) == (pass == 1))
          gtk_widget_snapshot_child (widget, group->label, snapshot);
      }
}

static void
gk_table_header_dispose (GObject *object)
{
  GkTableHeader *self = GK_TABLE_HEADER (object);

  gk_table_header_set_column_view (self, NULL);
  for (guint i = 0; i < self->groups->len; i++)
    gtk_widget_unparent (g_array_index (self->groups, Group, i).label);
  g_array_set_size (self->groups, 0);

  G_OBJECT_CLASS (gk_table_header_parent_class)->dispose (object);
}

static void
gk_table_header_finalize (GObject *object)
{
  GkTableHeader *self = GK_TABLE_HEADER (object);

  g_array_unref (self->groups);

  G_OBJECT_CLASS (gk_table_header_parent_class)->finalize (object);
}

static void
gk_table_header_class_init (GkTableHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_table_header_dispose;
  object_class->finalize = gk_table_header_finalize;
  widget_class->measure = gk_table_header_measure;
  widget_class->size_allocate = gk_table_header_size_allocate;
  widget_class->snapshot = gk_table_header_snapshot;

  gtk_widget_class_set_css_name (widget_class, "gk-table-header");
}

static void
gk_table_header_init (GkTableHeader *self)
{
  self->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
