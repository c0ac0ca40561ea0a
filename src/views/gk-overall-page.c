/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-list-table-page.h"
#include "gk-overall-page.h"
#include "gk-projects-page.h"
#include "gk-table-overall.h"
#include "gk-text-field.h"

/* The 部门（单位）整体绩效目标表: above, its tasks in the list tables' page
 * (a row per task, its texts and money edited in place, the 合计 derived);
 * below, the goal in a multi-line text field and the indicators in the
 * projects' indicator editor. Every field is a GkTextField, so that the
 * window commits what is being typed before it saves or prints. */
struct _GkOverallPage
{
  GkPage     parent_instance;

  GkTable   *table;
  GtkWidget *tasks;
  GtkWidget *goal;
  GtkWidget *indicators;

  GtkWidget *paned;
  AdwBin    *tasks_bin;
  AdwBin    *goal_bin;
  AdwBin    *indicators_bin;
};

G_DEFINE_FINAL_TYPE (GkOverallPage, gk_overall_page, GK_TYPE_PAGE)

/* The tasks' page marks the checker's findings in its cells too. */
static void
checker_changed (GkOverallPage *self)
{
  if (self->tasks != NULL)
    gk_page_set_checker (GK_PAGE (self->tasks), gk_page_get_checker (GK_PAGE (self)));
}

GtkWidget *
gk_overall_page_new (GkDocument *document,
                     GkTable    *table)
{
  GkOverallPage *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table) && gk_table_is_overall_performance (table), NULL);

  self = g_object_new (GK_TYPE_OVERALL_PAGE, "document", document, NULL);
  self->table = g_object_ref (table);

  self->tasks = g_object_new (GK_TYPE_LIST_TABLE_PAGE, "document", document, "table", table, NULL);
  adw_bin_set_child (self->tasks_bin, self->tasks);

  self->goal = gk_text_field_new (document, gk_table_get_goal_item (table), "text", TRUE);
  gk_text_field_set_placeholder (GK_TEXT_FIELD (self->goal), "年度绩效目标");
  adw_bin_set_child (self->goal_bin, self->goal);

  self->indicators = gk_indicator_editor_new (document, gk_table_get_indicators (table));
  adw_bin_set_child (self->indicators_bin, self->indicators);

  g_signal_connect (self, "notify::checker", G_CALLBACK (checker_changed), NULL);
  checker_changed (self);
  return GTK_WIDGET (self);
}

/* The GkListTablePage of the tasks. */
GtkWidget *
gk_overall_page_get_tasks_page (GkOverallPage *self)
{
  g_return_val_if_fail (GK_IS_OVERALL_PAGE (self), NULL);
  return self->tasks;
}

GtkWidget *
gk_overall_page_get_goal_field (GkOverallPage *self)
{
  g_return_val_if_fail (GK_IS_OVERALL_PAGE (self), NULL);
  return self->goal;
}

GtkWidget *
gk_overall_page_get_indicator_editor (GkOverallPage *self)
{
  g_return_val_if_fail (GK_IS_OVERALL_PAGE (self), NULL);
  return self->indicators;
}

static void
gk_overall_page_dispose (GObject *object)
{
  GkOverallPage *self = GK_OVERALL_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_OVERALL_PAGE);
  self->tasks = NULL;
  self->goal = NULL;
  self->indicators = NULL;
  g_clear_object (&self->table);

  G_OBJECT_CLASS (gk_overall_page_parent_class)->dispose (object);
}

static void
gk_overall_page_class_init (GkOverallPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_overall_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-overall-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkOverallPage, paned);
  gtk_widget_class_bind_template_child (widget_class, GkOverallPage, tasks_bin);
  gtk_widget_class_bind_template_child (widget_class, GkOverallPage, goal_bin);
  gtk_widget_class_bind_template_child (widget_class, GkOverallPage, indicators_bin);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_overall_page_init (GkOverallPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
