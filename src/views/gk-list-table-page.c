/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-list-table-page.h"
#include "gk-table-list.h"
#include "gk-table-page-private.h"
#include "gk-text-field.h"

/* A list table (政府采购预算表 …): rows the user adds, in the user's order.
 * The base page shows the amounts and edits them; this page makes the text
 * columns editable — a text field per free-text cell, which commits like
 * every text field of the window (on Enter, on leaving it, before a save),
 * and a drop-down per choice cell, which commits when a choice is made. */
struct _GkListTablePage
{
  GkTablePage  parent_instance;

  GPtrArray   *text_columns;   /* TextColumn */
};

typedef struct
{
  GkListTablePage *page;       /* unowned */
  guint            index;      /* the text column of the schema */
} TextColumn;

G_DEFINE_FINAL_TYPE (GkListTablePage, gk_list_table_page, GK_TYPE_TABLE_PAGE)

/* Choice cells ------------------------------------------------------------ */

static guint
choice_position (const GkTextColumnSchema *column,
                 const char               *text)
{
  for (guint i = 0; column->choices[i] != NULL; i++)
    if (g_strcmp0 (column->choices[i], text) == 0)
      return i + 1;
  return 0;   /* the blank first line */
}

static void
choice_sync (GtkDropDown *drop_down)
{
  const GkTextColumnSchema *column = g_object_get_data (G_OBJECT (drop_down), "gk-text-column");
  GkRow *row = g_object_get_data (G_OBJECT (drop_down), "gk-row");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "gk-index"));
  guint position = choice_position (column, gk_list_row_get_text (row, index));

  if (gtk_drop_down_get_selected (drop_down) != position)
    {
      g_object_set_data (G_OBJECT (drop_down), "gk-updating", GINT_TO_POINTER (TRUE));
      gtk_drop_down_set_selected (drop_down, position);
      g_object_set_data (G_OBJECT (drop_down), "gk-updating", NULL);
    }
}

static void
choice_selected (GtkDropDown *drop_down,
                 GParamSpec  *pspec,
                 TextColumn  *info)
{
  const GkTextColumnSchema *column = g_object_get_data (G_OBJECT (drop_down), "gk-text-column");
  GkRow *row = g_object_get_data (G_OBJECT (drop_down), "gk-row");
  guint position = gtk_drop_down_get_selected (drop_down);
  GkTablePage *page = GK_TABLE_PAGE (info->page);
  g_autoptr(GError) error = NULL;

  if (g_object_get_data (G_OBJECT (drop_down), "gk-updating") || gk_row_get_table (row) == NULL)
    return;
  if (!gk_document_set_list_text (gk_table_page_get_document (page), row, info->index,
                                  position == 0 || position == GTK_INVALID_LIST_POSITION
                                    ? NULL : column->choices[position - 1],
                                  &error))
    {
      gk_table_page_show_message (page, error->message);
      choice_sync (drop_down);
    }
}

static GtkWidget *
choice_new (TextColumn *info,
            GkRow      *row)
{
  const GkTableSchema *schema = gk_table_get_schema (gk_table_page_get_table (GK_TABLE_PAGE (info->page)));
  const GkTextColumnSchema *column = gk_table_schema_get_text (schema, info->index);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *drop_down;

  gtk_string_list_append (strings, "—");
  for (guint i = 0; column->choices[i] != NULL; i++)
    gtk_string_list_append (strings, column->choices[i]);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&strings)), NULL);
  gtk_widget_add_css_class (drop_down, "flat");
  g_object_set_data (G_OBJECT (drop_down), "gk-text-column", (gpointer) column);
  g_object_set_data_full (G_OBJECT (drop_down), "gk-row", g_object_ref (row), g_object_unref);
  g_object_set_data (G_OBJECT (drop_down), "gk-index", GUINT_TO_POINTER (info->index));
  choice_sync (GTK_DROP_DOWN (drop_down));
  /* An undo shows at once. */
  g_signal_connect_object (gk_list_row_get_text_item (row, info->index), "notify::text",
                           G_CALLBACK (choice_sync), drop_down, G_CONNECT_SWAPPED);
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (choice_selected), info);
  return drop_down;
}

/* The factory of the text columns ----------------------------------------- */

static void
text_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            TextColumn               *info)
{
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
text_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           TextColumn               *info)
{
  GkTablePage *page = GK_TABLE_PAGE (info->page);
  const GkTableSchema *schema = gk_table_get_schema (gk_table_page_get_table (page));
  g_autoptr(GkRow) row = _gk_table_page_item_dup_row (gtk_list_item_get_item (list_item), FALSE);
  GtkWidget *child;

  if (row == NULL || gk_row_get_kind (row) != GK_ROW_KIND_ENTRY)
    {
      /* The 合计 row: its title under the first text column. */
      child = gtk_label_new (row != NULL && info->index == 0 ? gk_row_get_name (row) : "");
      gtk_label_set_xalign (GTK_LABEL (child), 0.0);
      gtk_widget_add_css_class (child, "gk-total");
    }
  else if (gk_table_schema_get_text (schema, info->index)->choices != NULL)
    child = choice_new (info, row);
  else
    {
      child = gk_text_field_new (gk_table_page_get_document (page),
                                 gk_list_row_get_text_item (row, info->index), "text", FALSE);
      gk_text_field_set_placeholder (GK_TEXT_FIELD (child), gk_table_schema_get_text (schema, info->index)->title);
    }
  if (row != NULL)
    g_object_set_data_full (G_OBJECT (child), "gk-row", g_object_ref (row), g_object_unref);
  g_object_set_data (G_OBJECT (child), "gk-index", GUINT_TO_POINTER (info->index));
  gtk_list_item_set_child (list_item, child);
}

static void
text_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             TextColumn               *info)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  /* What was typed is kept even when the row scrolls away. */
  if (GK_IS_TEXT_FIELD (child))
    gk_text_field_commit (GK_TEXT_FIELD (child));
  gtk_list_item_set_child (list_item, NULL);
}

/* The widget that edits a text cell of @row, once the list has made it. */
GtkWidget *
gk_list_table_page_get_text_widget (GkListTablePage *self,
                                    GkRow           *row,
                                    guint            text_column)
{
  GtkWidget *view;

  g_return_val_if_fail (GK_IS_LIST_TABLE_PAGE (self), NULL);

  view = GTK_WIDGET (gk_table_page_get_column_view (GK_TABLE_PAGE (self)));
  /* Depth-first over the column view's cells. */
  for (GtkWidget *w = gtk_widget_get_first_child (view); w != NULL; )
    {
      GkRow *bound = g_object_get_data (G_OBJECT (w), "gk-row");

      if (bound == row && (GK_IS_TEXT_FIELD (w) || GTK_IS_DROP_DOWN (w)) &&
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "gk-index")) == text_column)
        return w;
      if (gtk_widget_get_first_child (w) != NULL && !GK_IS_TEXT_FIELD (w) && !GTK_IS_DROP_DOWN (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != view && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == view ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  return NULL;
}

/* Rows --------------------------------------------------------------------- */

static void
gk_list_table_page_add_row (GkTablePage *page,
                            GtkWidget   *anchor)
{
  GkTable *table = gk_table_page_get_table (page);
  GkRow *selected = gk_table_page_get_selected_row (page);
  guint position = G_MAXUINT;
  GkRow *row;

  /* Below the selected row, else last. */
  if (selected != NULL && gk_row_get_kind (selected) == GK_ROW_KIND_ENTRY)
    for (guint i = 0; i < gk_table_get_n_entries (table); i++)
      if (gk_table_get_entry (table, i) == selected)
        position = i + 1;
  row = gk_document_add_list_row (gk_table_page_get_document (page), table, position);
  gk_table_page_added_row (page, row);
}

static gboolean
gk_list_table_page_can_remove_row (GkTablePage  *page,
                                   GkRow        *row,
                                   GError      **error)
{
  if (gk_row_get_kind (row) != GK_ROW_KIND_ENTRY)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                           _("The total row cannot be removed"));
      return FALSE;
    }
  return TRUE;
}

static void
gk_list_table_page_remove_row (GkTablePage *page,
                               GkRow       *row)
{
  gk_document_remove_list_row (gk_table_page_get_document (page), row);
}

/* GObject ------------------------------------------------------------------- */

static void
gk_list_table_page_constructed (GObject *object)
{
  GkListTablePage *self = GK_LIST_TABLE_PAGE (object);
  GListModel *columns;
  guint n_texts;

  G_OBJECT_CLASS (gk_list_table_page_parent_class)->constructed (object);

  /* The layout puts the text columns first: they get this page's cells. */
  n_texts = gk_table_schema_get_n_texts (gk_table_get_schema (gk_table_page_get_table (GK_TABLE_PAGE (self))));
  columns = gtk_column_view_get_columns (gk_table_page_get_column_view (GK_TABLE_PAGE (self)));
  for (guint i = 0; i < n_texts && i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      TextColumn *info = g_new0 (TextColumn, 1);

      info->page = self;
      info->index = i;
      g_ptr_array_add (self->text_columns, info);
      g_signal_connect (factory, "setup", G_CALLBACK (text_setup), info);
      g_signal_connect (factory, "bind", G_CALLBACK (text_bind), info);
      g_signal_connect (factory, "unbind", G_CALLBACK (text_unbind), info);
      gtk_column_view_column_set_factory (column, factory);
      gtk_column_view_column_set_fixed_width (column, i == 0 ? 240 : 150);
      gtk_column_view_column_set_expand (column, i == 0);
    }
}

static void
gk_list_table_page_finalize (GObject *object)
{
  GkListTablePage *self = GK_LIST_TABLE_PAGE (object);

  g_ptr_array_unref (self->text_columns);

  G_OBJECT_CLASS (gk_list_table_page_parent_class)->finalize (object);
}

static void
gk_list_table_page_class_init (GkListTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GkTablePageClass *page_class = GK_TABLE_PAGE_CLASS (klass);

  object_class->constructed = gk_list_table_page_constructed;
  object_class->finalize = gk_list_table_page_finalize;
  page_class->add_row = gk_list_table_page_add_row;
  page_class->can_remove_row = gk_list_table_page_can_remove_row;
  page_class->remove_row = gk_list_table_page_remove_row;

  /* Ctrl+Enter adds a row below the one being edited. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "table.add-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "table.add-row", NULL);
}

static void
gk_list_table_page_init (GkListTablePage *self)
{
  self->text_columns = g_ptr_array_new_with_free_func (g_free);
}
