/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-table-header.h"

/* The merged header cells of a printed table (功能分类科目编码 over 类/款/项,
 * 支出预算 over the amount columns …) as a row of labels above a column
 * view's own titles. GtkColumnView 4.8 has one title per column and no
 * header widgets, so each label is placed over the titles of the columns
 * it spans, read from where the column view put them. The page lays this
 * widget out after the column view (a GtkGrid allocates in child order),
 * so the titles are where they will be drawn; horizontal scrolling and
 * resized columns change the column view's adjustment, which reallocates
 * this row. */
typedef struct
{
  GtkWidget *label;
  guint      first;
  guint      n_columns;
} Group;

struct _GkTableHeader
{
  GtkWidget      parent_instance;

  GtkColumnView *column_view;
  GtkAdjustment *hadjustment;
  GArray        *groups;
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

void
gk_table_header_add_group (GkTableHeader *self,
                           const char    *title,
                           guint          first_column,
                           guint          n_columns)
{
  Group group;

  g_return_if_fail (GK_IS_TABLE_HEADER (self));
  g_return_if_fail (n_columns > 0);

  group.label = gtk_label_new (title);
  group.first = first_column;
  group.n_columns = n_columns;
  gtk_label_set_ellipsize (GTK_LABEL (group.label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (group.label, title);
  gtk_widget_set_parent (group.label, GTK_WIDGET (self));
  g_array_append_val (self->groups, group);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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
  /* The width is the column view's: this row never asks for more. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    return;
  for (guint i = 0; i < self->groups->len; i++)
    {
      int min, nat;

      gtk_widget_measure (g_array_index (self->groups, Group, i).label, orientation, -1,
                          &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
gk_table_header_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GkTableHeader *self = GK_TABLE_HEADER (widget);
  g_autoptr(GPtrArray) titles = collect_titles (self);

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
      allocation.x = first.origin.x;
      allocation.y = 0;
      allocation.width = MAX (0, last.origin.x + last.size.width - first.origin.x);
      allocation.height = height;
      gtk_widget_set_child_visible (group->label, TRUE);
      gtk_widget_size_allocate (group->label, &allocation, -1);
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

  gtk_widget_class_set_css_name (widget_class, "gk-table-header");
}

static void
gk_table_header_init (GkTableHeader *self)
{
  self->groups = g_array_new (FALSE, FALSE, sizeof (Group));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
