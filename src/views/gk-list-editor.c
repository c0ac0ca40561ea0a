/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-list-editor.h"
#include "gk-text-field.h"

/* An ordered list of the document (duties, offices, glossary entries,
 * indicators …) as a boxed list: each row the item's own editor, its
 * number when the list is printed numbered, and buttons to move it up or
 * down and to remove it; an Add button below. Every change is an
 * undoable list edit of the document, and the rows follow the list, so
 * undo shows at once. */
struct _GkListEditor
{
  GtkWidget                parent_instance;

  GkDocument              *document;
  GListModel              *list;
  gboolean                 numbered;
  GkListEditorCreateFunc   create_func;
  GkListEditorNewItemFunc  new_item_func;
  gpointer                 user_data;

  GtkWidget               *box;
  GtkListBox              *list_box;
  GtkWidget               *add_button;
};

G_DEFINE_FINAL_TYPE (GkListEditor, gk_list_editor, GTK_TYPE_WIDGET)

GListModel *
gk_list_editor_get_list (GkListEditor *self)
{
  g_return_val_if_fail (GK_IS_LIST_EDITOR (self), NULL);
  return self->list;
}

GtkListBox *
gk_list_editor_get_list_box (GkListEditor *self)
{
  g_return_val_if_fail (GK_IS_LIST_EDITOR (self), NULL);
  return self->list_box;
}

static GtkWidget *
row_editor (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "gk-editor");
}

void
gk_list_editor_add (GkListEditor *self)
{
  g_autoptr(GObject) item = NULL;
  guint n;
  GtkListBoxRow *row;

  g_return_if_fail (GK_IS_LIST_EDITOR (self));

  n = g_list_model_get_n_items (self->list);
  item = self->new_item_func (self->user_data);
  gk_document_list_insert (self->document, self->list, n, item);
  row = gtk_list_box_get_row_at_index (self->list_box, n);
  if (row != NULL)
    gtk_widget_grab_focus (row_editor (row));
}

void
gk_list_editor_remove (GkListEditor *self,
                       guint         position)
{
  g_return_if_fail (GK_IS_LIST_EDITOR (self));
  g_return_if_fail (position < g_list_model_get_n_items (self->list));

  gk_document_list_remove (self->document, self->list, position);
}

void
gk_list_editor_move (GkListEditor *self,
                     guint         from,
                     guint         to)
{
  guint n;

  g_return_if_fail (GK_IS_LIST_EDITOR (self));

  n = g_list_model_get_n_items (self->list);
  if (from >= n || to >= n || from == to)
    return;
  gk_document_list_move (self->document, self->list, from, to);
}

static guint
button_position (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  return row ? (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : G_MAXUINT;
}

static void
up_clicked (GtkButton    *button,
            GkListEditor *self)
{
  guint position = button_position (GTK_WIDGET (button));

  if (position != G_MAXUINT && position > 0)
    gk_list_editor_move (self, position, position - 1);
}

static void
down_clicked (GtkButton    *button,
              GkListEditor *self)
{
  guint position = button_position (GTK_WIDGET (button));

  if (position != G_MAXUINT)
    gk_list_editor_move (self, position, position + 1);
}

static void
remove_clicked (GtkButton    *button,
                GkListEditor *self)
{
  guint position = button_position (GTK_WIDGET (button));

  if (position != G_MAXUINT)
    gk_list_editor_remove (self, position);
}

static GtkWidget *
icon_button (const char   *icon_name,
             const char   *tooltip,
             GCallback     callback,
             GkListEditor *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  /* A tooltip is not a name: a screen reader must hear what the icon means. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static void
renumber (GkListEditor *self)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);
      GtkWidget *number;
      g_autofree char *text = NULL;

      if (row == NULL)
        break;
      number = g_object_get_data (G_OBJECT (row), "gk-number");
      if (number == NULL)
        continue;
      text = g_strdup_printf ("%d.", i + 1);
      gtk_label_set_text (GTK_LABEL (number), text);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GkListEditor *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *editor = self->create_func (self->document, item, self->user_data);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  if (self->numbered)
    {
      GtkWidget *number = gtk_label_new (NULL);

      gtk_widget_set_valign (number, GTK_ALIGN_START);
      gtk_widget_set_margin_top (number, 7);
      gtk_label_set_width_chars (GTK_LABEL (number), 4);
      gtk_widget_add_css_class (number, "dim-label");
      gtk_box_append (GTK_BOX (box), number);
      g_object_set_data (G_OBJECT (row), "gk-number", number);
    }
  gtk_widget_set_hexpand (editor, TRUE);
  gtk_box_append (GTK_BOX (box), editor);
  gtk_box_append (GTK_BOX (box), icon_button ("go-up-symbolic", _("Move Up"), G_CALLBACK (up_clicked), self));
  gtk_box_append (GTK_BOX (box), icon_button ("go-down-symbolic", _("Move Down"), G_CALLBACK (down_clicked), self));
  gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", _("Remove"), G_CALLBACK (remove_clicked), self));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "gk-editor", editor);
  return row;
}

static void
list_changed (GkListEditor *self)
{
  gboolean empty = g_list_model_get_n_items (self->list) == 0;

  renumber (self);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), !empty);
}

GtkWidget *
gk_list_editor_new (GkDocument              *document,
                    GListModel              *list,
                    gboolean                 numbered,
                    const char              *add_label,
                    GkListEditorCreateFunc   create_func,
                    GkListEditorNewItemFunc  new_item_func,
                    gpointer                 user_data)
{
  GkListEditor *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_STORE (list), NULL);
  g_return_val_if_fail (create_func != NULL && new_item_func != NULL, NULL);

  self = g_object_new (GK_TYPE_LIST_EDITOR, NULL);
  self->document = g_object_ref (document);
  self->list = g_object_ref (list);
  self->numbered = numbered;
  self->create_func = create_func;
  self->new_item_func = new_item_func;
  self->user_data = user_data;

  gtk_button_set_label (GTK_BUTTON (self->add_button), add_label);
  gtk_list_box_bind_model (self->list_box, list, create_row, self, NULL);
  /* After the list box made its rows for the change. */
  g_signal_connect_object (list, "items-changed", G_CALLBACK (list_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  list_changed (self);
  return GTK_WIDGET (self);
}

static void
gk_list_editor_dispose (GObject *object)
{
  GkListEditor *self = GK_LIST_EDITOR (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->list_box = NULL;
  self->add_button = NULL;
  g_clear_object (&self->list);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_list_editor_parent_class)->dispose (object);
}

static void
gk_list_editor_class_init (GkListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_list_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gk-list-editor");
}

static void
gk_list_editor_init (GkListEditor *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_box, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "boxed-list");
  self->add_button = gtk_button_new ();
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (gk_list_editor_add), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->list_box));
  gtk_box_append (GTK_BOX (self->box), self->add_button);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

/* Lists of GkTextItem: duties, offices, subordinate units. */

static GtkWidget *
create_text_item (GkDocument *document,
                  gpointer    item,
                  gpointer    user_data)
{
  return gk_text_field_new (document, item, "text", TRUE);
}

static gpointer
new_text_item (gpointer user_data)
{
  return gk_text_item_new ("");
}

GtkWidget *
gk_text_item_editor_new (GkDocument *document,
                         GListModel *list,
                         gboolean    numbered,
                         const char *add_label)
{
  return gk_list_editor_new (document, list, numbered, add_label,
                             create_text_item, new_text_item, NULL);
}
