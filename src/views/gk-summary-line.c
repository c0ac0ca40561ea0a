/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-summary-line.h"

struct _GkSummaryLine
{
  GObject   parent_instance;

  GkRow    *left;
  GkRow    *right;
  gboolean  total;
};

G_DEFINE_FINAL_TYPE (GkSummaryLine, gk_summary_line, G_TYPE_OBJECT)

static void
gk_summary_line_dispose (GObject *object)
{
  GkSummaryLine *self = GK_SUMMARY_LINE (object);

  g_clear_object (&self->left);
  g_clear_object (&self->right);

  G_OBJECT_CLASS (gk_summary_line_parent_class)->dispose (object);
}

static void
gk_summary_line_class_init (GkSummaryLineClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gk_summary_line_dispose;
}

static void
gk_summary_line_init (GkSummaryLine *self)
{
}

/* Either side may be NULL where one side has more lines than the other. */
GkSummaryLine *
gk_summary_line_new (GkRow    *left,
                     GkRow    *right,
                     gboolean  total)
{
  GkSummaryLine *self;

  g_return_val_if_fail (!left || GK_IS_ROW (left), NULL);
  g_return_val_if_fail (!right || GK_IS_ROW (right), NULL);

  self = g_object_new (GK_TYPE_SUMMARY_LINE, NULL);
  self->left = left ? g_object_ref (left) : NULL;
  self->right = right ? g_object_ref (right) : NULL;
  self->total = total;
  return self;
}

GkRow *
gk_summary_line_get_left (GkSummaryLine *self)
{
  g_return_val_if_fail (GK_IS_SUMMARY_LINE (self), NULL);
  return self->left;
}

GkRow *
gk_summary_line_get_right (GkSummaryLine *self)
{
  g_return_val_if_fail (GK_IS_SUMMARY_LINE (self), NULL);
  return self->right;
}

gboolean
gk_summary_line_is_total (GkSummaryLine *self)
{
  g_return_val_if_fail (GK_IS_SUMMARY_LINE (self), FALSE);
  return self->total;
}
