/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-row-picker.h"

/* Picks the classification code of a new row: a search over the catalog
 * of the table's classification, the codes already in the table shown
 * but not offered, and a code the catalog does not know accepted with a
 * typed name. It only emits ::picked; the page adds the row. */
struct _GkRowPicker
{
  GtkPopover        parent_instance;

  GkDocument       *document;
  GkTable          *table;
  GkClassification  kind;
  GListModel       *results;
  GtkNoSelection   *selection;

  GtkSearchEntry   *search_entry;
  GtkListView      *results_view;
  GtkLabel         *status_label;
  GtkWidget        *custom_box;
  GtkEntry         *custom_name;
};

G_DEFINE_FINAL_TYPE (GkRowPicker, gk_row_picker, GTK_TYPE_POPOVER)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
gk_row_picker_new (GkDocument *document,
                   GkTable    *table)
{
  GkRowPicker *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table), NULL);

  self = g_object_new (GK_TYPE_ROW_PICKER, NULL);
  self->document = g_object_ref (document);
  self->table = g_object_ref (table);
  self->kind = gk_table_get_schema (table)->kind == GK_TABLE_KIND_ECONOMIC
                 ? GK_CLASSIFICATION_ECONOMIC
                 : GK_CLASSIFICATION_FUNCTION;
  gk_row_picker_set_search (self, "");
  return GTK_WIDGET (self);
}

GListModel *
gk_row_picker_get_results (GkRowPicker *self)
{
  g_return_val_if_fail (GK_IS_ROW_PICKER (self), NULL);
  return self->results;
}

static char *
typed_code (GkRowPicker *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
gk_row_picker_refresh (GkRowPicker *self)
{
  g_autofree char *text = typed_code (self);
  gboolean custom;

  g_clear_object (&self->results);
  self->results = gk_catalog_search (gk_catalog_get_default (self->kind), text);
  gtk_no_selection_set_model (self->selection, self->results);

  /* A well-formed code that neither the catalog nor the document names. */
  custom = gk_classification_level (self->kind, text) != GK_LEVEL_NONE &&
           gk_document_get_code_name (self->document, self->kind, text) == NULL &&
           gk_table_lookup (self->table, text) == NULL;
  gtk_widget_set_visible (self->custom_box, custom);
  if (custom)
    {
      g_autofree char *status = g_strdup_printf (_("%s is not in the classification catalog: type the name it prints with."), text);
      gtk_label_set_text (self->status_label, status);
    }
  else if (g_list_model_get_n_items (self->results) == 0)
    gtk_label_set_text (self->status_label, _("No code or name matches"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label),
                          custom || g_list_model_get_n_items (self->results) == 0);
}

/* Sets the search text and updates the results at once (the entry's own
 * search waits for typing to pause). */
void
gk_row_picker_set_search (GkRowPicker *self,
                          const char  *text)
{
  g_return_if_fail (GK_IS_ROW_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gk_row_picker_refresh (self);
}

static void
gk_row_picker_search_changed (GkRowPicker *self)
{
  gk_row_picker_refresh (self);
}

/* Emits ::picked for the result at @position unless the table already
 * has that code. */
gboolean
gk_row_picker_choose (GkRowPicker *self,
                      guint        position)
{
  g_autoptr(GkCatalogEntry) entry = NULL;
  const char *code;

  g_return_val_if_fail (GK_IS_ROW_PICKER (self), FALSE);

  entry = g_list_model_get_item (self->results, position);
  if (entry == NULL)
    return FALSE;
  code = gk_catalog_entry_get_code (entry);
  if (gk_table_lookup (self->table, code) != NULL)
    {
      g_autofree char *status = g_strdup_printf (_("The table already has a row %s"), code);

      gtk_label_set_text (self->status_label, status);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[PICKED], 0, code, NULL);
  return TRUE;
}

/* Emits ::picked for the typed code, not in the catalog, named @name. */
gboolean
gk_row_picker_choose_custom (GkRowPicker *self,
                             const char  *name)
{
  g_autofree char *code = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (GK_IS_ROW_PICKER (self), FALSE);

  code = typed_code (self);
  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (!gtk_widget_get_visible (self->custom_box) || stripped[0] == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->custom_name));
      return FALSE;
    }
  g_signal_emit (self, signals[PICKED], 0, code, stripped);
  return TRUE;
}

static void
gk_row_picker_result_activated (GkRowPicker *self,
                                guint        position)
{
  gk_row_picker_choose (self, position);
}

static void
gk_row_picker_custom_activated (GkRowPicker *self)
{
  gk_row_picker_choose_custom (self, gtk_editable_get_text (GTK_EDITABLE (self->custom_name)));
}

/* Enter in the search takes the first code that can be added. */
static void
gk_row_picker_search_activated (GkRowPicker *self)
{
  if (gtk_widget_get_visible (self->custom_box))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->custom_name));
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (self->results); i++)
    {
      g_autoptr(GkCatalogEntry) entry = g_list_model_get_item (self->results, i);

      if (gk_table_lookup (self->table, gk_catalog_entry_get_code (entry)) == NULL)
        {
          gk_row_picker_choose (self, i);
          return;
        }
    }
}

static void
result_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (code), 0.0);
  gtk_label_set_width_chars (GTK_LABEL (code), 8);
  gtk_widget_add_css_class (code, "gk-code");
  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), name);
  gtk_list_item_set_child (list_item, box);
}

static void
result_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             GkRowPicker              *self)
{
  GkCatalogEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *code = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_next_sibling (code);
  gboolean present = gk_table_lookup (self->table, gk_catalog_entry_get_code (entry)) != NULL;

  gtk_label_set_text (GTK_LABEL (code), gk_catalog_entry_get_code (entry));
  gtk_label_set_text (GTK_LABEL (name), gk_catalog_entry_get_name (entry));
  /* 类 flush left, 款 and 项 indented under it. */
  gtk_widget_set_margin_start (code, 12 * (gk_catalog_entry_get_level (entry) - 1));
  gtk_widget_set_sensitive (box, !present);
  gtk_widget_set_tooltip_text (box, present ? _("Already in the table") : NULL);
}

static void
gk_row_picker_dispose (GObject *object)
{
  GkRowPicker *self = GK_ROW_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_ROW_PICKER);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->table);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_row_picker_parent_class)->dispose (object);
}

static void
gk_row_picker_class_init (GkRowPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_row_picker_dispose;

  /**
   * GkRowPicker::picked:
   * @code: the classification code
   * @name: (nullable): the name typed for a code not in the catalog
   */
  signals[PICKED] =
    g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-row-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, GkRowPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GkRowPicker, results_view);
  gtk_widget_class_bind_template_child (widget_class, GkRowPicker, status_label);
  gtk_widget_class_bind_template_child (widget_class, GkRowPicker, custom_box);
  gtk_widget_class_bind_template_child (widget_class, GkRowPicker, custom_name);
  gtk_widget_class_bind_template_callback (widget_class, gk_row_picker_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, gk_row_picker_search_activated);
  gtk_widget_class_bind_template_callback (widget_class, gk_row_picker_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, gk_row_picker_custom_activated);
}

static void
gk_row_picker_init (GkRowPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (result_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (result_bind), self);
  gtk_list_view_set_factory (self->results_view, factory);
  self->selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->selection));
}
