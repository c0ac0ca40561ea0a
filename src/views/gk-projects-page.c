/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-list-editor.h"
#include "gk-projects-page.h"
#include "gk-text-field.h"

/* 项目与绩效目标: the projects of 表七 with what 情况说明 says of each (policy
 * basis, owner, allocation, period) and its 项目支出绩效目标表. Projects
 * are added and removed on 表七, where their figures are entered; this
 * page edits the rest of each. */
struct _GkProjectsPage
{
  GkPage        parent_instance;

  GkProject    *project;       /* the one shown */
  GHashTable   *fields;        /* property → its editor, for the shown project */
  GtkWidget    *indicators;
  GtkLabel     *total_label;
  GtkLabel     *fiscal_label;
  GtkEntry     *other_entry;

  GtkListView  *project_list;   /* recycles its rows: there may be 10 000 */
  GtkSingleSelection *selection;
  GtkLabel     *count_label;
  GtkStack     *detail_stack;
  AdwBin       *detail_bin;
};

G_DEFINE_FINAL_TYPE (GkProjectsPage, gk_projects_page, GK_TYPE_PAGE)

GkProject *
gk_projects_page_get_selected (GkProjectsPage *self)
{
  g_return_val_if_fail (GK_IS_PROJECTS_PAGE (self), NULL);
  return self->project;
}

GtkWidget *
gk_projects_page_get_indicator_editor (GkProjectsPage *self)
{
  g_return_val_if_fail (GK_IS_PROJECTS_PAGE (self), NULL);
  return self->indicators;
}

GtkWidget *
gk_projects_page_get_field (GkProjectsPage *self,
                            const char     *property)
{
  g_return_val_if_fail (GK_IS_PROJECTS_PAGE (self), NULL);
  return g_hash_table_lookup (self->fields, property);
}

void
gk_projects_page_select (GkProjectsPage *self,
                         GkProject      *project)
{
  guint position;

  g_return_if_fail (GK_IS_PROJECTS_PAGE (self));

  if (project != NULL &&
      g_list_store_find (G_LIST_STORE (gk_document_get_projects (gk_page_get_document (GK_PAGE (self)))), project, &position))
    gtk_single_selection_set_selected (self->selection, position);
}

/* Indicators --------------------------------------------------------------- */

static GtkWidget *
create_indicator (GkDocument *document,
                  gpointer    item,
                  gpointer    user_data)
{
  /* The printed column heads of the 绩效目标表. */
  static const struct { const char *property; const char *placeholder; } columns[] = {
    { "level1", "一级指标" },
    { "level2", "二级指标" },
    { "name", "三级指标" },
    { "target", "指标值" },
  };
  GtkWidget *grid = gtk_grid_new ();

  /* Two lines, so that the page stays narrow enough beside the list. */
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkWidget *field = gk_text_field_new (document, item, columns[i].property, FALSE);

      gk_text_field_set_placeholder (GK_TEXT_FIELD (field), columns[i].placeholder);
      gtk_widget_set_tooltip_text (field, columns[i].placeholder);
      gtk_grid_attach (GTK_GRID (grid), field, i % 2, i / 2, 1, 1);
    }
  return grid;
}

static gpointer
new_indicator (gpointer user_data)
{
  return gk_indicator_new ("", "", "", "");
}

/* The editor of a list of GkIndicator: a project's, or the 整体绩效目标表's. */
GtkWidget *
gk_indicator_editor_new (GkDocument *document,
                         GListModel *indicators)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_STORE (indicators), NULL);

  return gk_list_editor_new (document, indicators, FALSE, _("Add Indicator"), create_indicator, new_indicator, NULL);
}

/* The project's detail ------------------------------------------------------ */

static void
update_amounts (GkProjectsPage *self)
{
  g_autofree char *total = NULL;
  g_autofree char *fiscal = NULL;
  g_autofree char *other = NULL;

  if (self->project == NULL || self->total_label == NULL)
    return;
  total = gk_amount_format (gk_project_get_total (self->project));
  fiscal = gk_amount_format (gk_project_get_fiscal (self->project));
  other = gk_amount_format (gk_project_get_other_funds (self->project));
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->fiscal_label, fiscal);
  /* Not while it is being typed into. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->other_entry)) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->other_entry), other);
}

static void
other_funds_commit (GkProjectsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GkAmount amount = 0;

  if (self->project == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->other_entry))));
  if (text[0] != '\0' &&
      !gk_amount_parse (text, GK_AMOUNT_PARSE_DEFAULT, &amount, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->other_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->other_entry), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->other_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->other_entry), NULL);
  if (amount != gk_project_get_other_funds (self->project))
    gk_document_set_int (gk_page_get_document (GK_PAGE (self)), self->project, "other-funds", amount);
}

static GtkWidget *
field_label (const char *text,
             const char *printed)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *term = gtk_label_new (printed);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_xalign (GTK_LABEL (term), 1.0);
  gtk_widget_add_css_class (term, "dim-label");
  gtk_widget_add_css_class (term, "caption");
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (box, 4);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), term);
  return box;
}

static void
attach (GtkGrid    *grid,
        int         row,
        const char *text,
        const char *printed,
        GtkWidget  *widget)
{
  gtk_grid_attach (grid, field_label (text, printed), 0, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);
}

static GtkWidget *
add_text (GkProjectsPage *self,
          GtkGrid        *grid,
          int             row,
          const char     *property,
          const char     *text,
          const char     *printed,
          gboolean        multiline)
{
  GtkWidget *field = gk_text_field_new (gk_page_get_document (GK_PAGE (self)), self->project, property, multiline);

  g_hash_table_insert (self->fields, (gpointer) g_intern_string (property), field);
  attach (grid, row, text, printed, field);
  return field;
}

static GtkWidget *
amount_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "gk-amount");
  return label;
}

static void
gk_projects_page_show (GkProjectsPage *self,
                       GkProject      *project)
{
  GtkWidget *box, *grid, *group;
  GtkEventController *focus;
  g_autofree char *money = NULL;
  int row = 0;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_hash_table_remove_all (self->fields);
  self->indicators = NULL;
  self->total_label = self->fiscal_label = NULL;
  self->other_entry = NULL;
  adw_bin_set_child (self->detail_bin, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, project ? "project" : "empty");
  if (project == NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  add_text (self, GTK_GRID (grid), row++, "name", _("Name"), "项目名称", FALSE);
  add_text (self, GTK_GRID (grid), row++, "function", _("Function item"), "功能科目", FALSE);
  add_text (self, GTK_GRID (grid), row++, "basis", _("Policy basis"), "立项依据", TRUE);
  add_text (self, GTK_GRID (grid), row++, "owner", _("Carried out by"), "实施主体", FALSE);
  add_text (self, GTK_GRID (grid), row++, "allocation", _("Use of the funds"), "资金分配情况", TRUE);
  add_text (self, GTK_GRID (grid), row++, "period", _("Period"), "实施周期", FALSE);
  add_text (self, GTK_GRID (grid), row++, "goal", _("Performance goal"), "年度绩效目标", TRUE);

  self->other_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_alignment (GTK_EDITABLE (self->other_entry), 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->other_entry), "gk-amount");
  gtk_widget_set_halign (GTK_WIDGET (self->other_entry), GTK_ALIGN_START);
  g_signal_connect_object (self->other_entry, "activate", G_CALLBACK (other_funds_commit), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (other_funds_commit), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->other_entry), focus);
  money = g_strdup_printf (_("Other funds (%s)"), gk_money_unit_to_string (gk_document_get_money_unit (gk_page_get_document (GK_PAGE (self)))));
  attach (GTK_GRID (grid), row++, money, "其他资金", GTK_WIDGET (self->other_entry));

  self->total_label = GTK_LABEL (amount_label ());
  attach (GTK_GRID (grid), row++, _("Total, from Table 7"), "项目支出合计", GTK_WIDGET (self->total_label));
  self->fiscal_label = GTK_LABEL (amount_label ());
  attach (GTK_GRID (grid), row++, _("Fiscal funds, computed"), "财政资金", GTK_WIDGET (self->fiscal_label));
  gtk_box_append (GTK_BOX (box), grid);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Performance Indicators"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The rows of the project’s 项目支出绩效目标表, in printed order."));
  self->indicators = gk_indicator_editor_new (gk_page_get_document (GK_PAGE (self)), gk_project_get_indicators (project));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->indicators);
  gtk_box_append (GTK_BOX (box), group);

  adw_bin_set_child (self->detail_bin, box);
  g_signal_connect_object (project, "notify", G_CALLBACK (update_amounts), self, G_CONNECT_SWAPPED);
  update_amounts (self);
}

static void
gk_projects_page_selection_changed (GkProjectsPage *self)
{
  GkProject *project = gtk_single_selection_get_selected_item (self->selection);

  if (project != self->project)
    gk_projects_page_show (self, project);
}

/* The project list ---------------------------------------------------------- */

static void
project_row_update (GtkListItem *item)
{
  GkProject *project = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  g_autofree char *total = gk_amount_format (gk_project_get_total (project));
  g_autofree char *text = g_strdup_printf ("%s · %s", gk_project_get_function_code (project) ?: "", total);

  gtk_label_set_text (GTK_LABEL (name), gk_project_get_name (project) ?: "");
  gtk_label_set_text (GTK_LABEL (detail), text);
}

static void
setup_project_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "gk-amount");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (item, box);
}

static void
bind_project_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  g_signal_connect_object (gtk_list_item_get_item (item), "notify",
                           G_CALLBACK (project_row_update), item, G_CONNECT_SWAPPED);
  project_row_update (item);
}

static void
unbind_project_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), project_row_update, item);
}

static void
gk_projects_page_projects_changed (GkProjectsPage *self)
{
  GListModel *projects = gk_document_get_projects (gk_page_get_document (GK_PAGE (self)));
  guint n = g_list_model_get_n_items (projects);
  g_autofree char *count = NULL;
  guint position;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);
  gtk_label_set_text (self->count_label, count);

  /* The shown project stays shown while it is in the list. */
  if (self->project != NULL && g_list_store_find (G_LIST_STORE (projects), self->project, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      return;
    }
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  gk_projects_page_selection_changed (self);
}

GtkWidget *
gk_projects_page_new (GkDocument *document)
{
  GkProjectsPage *self;
  GListModel *projects;
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_PROJECTS_PAGE, "document", document, NULL);
  projects = gk_document_get_projects (document);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_project_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_project_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_project_row), NULL);
  gtk_list_view_set_factory (self->project_list, factory);
  self->selection = gtk_single_selection_new (g_object_ref (projects));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (gk_projects_page_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->project_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (projects, "items-changed", G_CALLBACK (gk_projects_page_projects_changed),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gk_projects_page_projects_changed (self);
  return GTK_WIDGET (self);
}

static void
gk_projects_page_dispose (GObject *object)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (object);

  if (self->project_list != NULL)
    gtk_list_view_set_model (self->project_list, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  /* The template's top widget is not a bound child, which is all that
   * gtk_widget_dispose_template() removes. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (gk_projects_page_parent_class)->dispose (object);
}

static void
gk_projects_page_finalize (GObject *object)
{
  GkProjectsPage *self = GK_PROJECTS_PAGE (object);

  g_hash_table_unref (self->fields);

  G_OBJECT_CLASS (gk_projects_page_parent_class)->finalize (object);
}

static void
gk_projects_page_class_init (GkProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_projects_page_dispose;
  object_class->finalize = gk_projects_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, project_list);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, GkProjectsPage, detail_bin);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_projects_page_init (GkProjectsPage *self)
{
  self->fields = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}
