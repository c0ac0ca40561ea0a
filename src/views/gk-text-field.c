/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-text-field.h"

/* Edits one string property of a part of the document (a duty, a
 * project's policy basis, a glossary term …). What is typed becomes one
 * undoable edit when the field is left or Enter is pressed, not one per
 * keystroke; an undo or redo shows up in the field at once. */
struct _GkTextField
{
  GtkWidget   parent_instance;

  GkDocument *document;
  GObject    *object;
  char       *property;
  gboolean    multiline;
  GtkWidget  *editor;     /* GtkEntry, or a GtkTextView in a frame */
  GtkWidget  *text_view;
  char       *shown;      /* the text as last shown, to see what changed */
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (GkTextField, gk_text_field, GTK_TYPE_WIDGET)

static char *
editor_dup_text (GkTextField *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!self->multiline)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
editor_set_text (GkTextField *self,
                 const char  *text)
{
  self->updating = TRUE;
  if (self->multiline)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->editor), text ? text : "");
  self->updating = FALSE;
}

static void
gk_text_field_model_changed (GkTextField *self)
{
  g_autofree char *value = NULL;

  g_object_get (self->object, self->property, &value, NULL);
  if (g_strcmp0 (value ? value : "", self->shown ? self->shown : "") == 0)
    return;
  g_free (self->shown);
  self->shown = g_strdup (value ? value : "");
  editor_set_text (self, self->shown);
}

/* Records what was typed as one edit; returns whether it changed anything. */
gboolean
gk_text_field_commit (GkTextField *self)
{
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (GK_IS_TEXT_FIELD (self), FALSE);

  if (self->object == NULL)
    return FALSE;
  text = editor_dup_text (self);
  g_object_get (self->object, self->property, &value, NULL);
  if (g_strcmp0 (text, value ? value : "") == 0)
    return FALSE;
  g_free (self->shown);
  self->shown = g_strdup (text);
  gk_document_set_text (self->document, self->object, self->property, text);
  return TRUE;
}

const char *
gk_text_field_get_text (GkTextField *self)
{
  g_return_val_if_fail (GK_IS_TEXT_FIELD (self), NULL);
  return self->shown;
}

/* Types @text into the field and commits it, as a user would. */
void
gk_text_field_set_text (GkTextField *self,
                        const char  *text)
{
  g_return_if_fail (GK_IS_TEXT_FIELD (self));

  editor_set_text (self, text);
  gk_text_field_commit (self);
}

GtkWidget *
gk_text_field_get_editor (GkTextField *self)
{
  g_return_val_if_fail (GK_IS_TEXT_FIELD (self), NULL);
  return self->multiline ? self->text_view : self->editor;
}

void
gk_text_field_set_placeholder (GkTextField *self,
                               const char  *placeholder)
{
  g_return_if_fail (GK_IS_TEXT_FIELD (self));

  if (!self->multiline)
    gtk_entry_set_placeholder_text (GTK_ENTRY (self->editor), placeholder);
  else
    gtk_widget_set_tooltip_text (self->text_view, placeholder);
}

GtkWidget *
gk_text_field_new (GkDocument *document,
                   gpointer    object,
                   const char *property,
                   gboolean    multiline)
{
  GkTextField *self;
  GtkEventController *focus;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  self = g_object_new (GK_TYPE_TEXT_FIELD, NULL);
  self->document = g_object_ref (document);
  self->object = g_object_ref (object);
  self->property = g_strdup (property);
  self->multiline = multiline;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (gk_text_field_commit), self, G_CONNECT_SWAPPED);
  if (multiline)
    {
      self->text_view = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 6);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 6);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
      gtk_widget_add_controller (self->text_view, focus);
      self->editor = gtk_frame_new (NULL);
      gtk_frame_set_child (GTK_FRAME (self->editor), self->text_view);
      gtk_widget_add_css_class (self->editor, "gk-text-field");
    }
  else
    {
      self->editor = gtk_entry_new ();
      /* Narrow by default; the field expands into the room it gets. */
      gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), 4);
      g_signal_connect_object (self->editor, "activate", G_CALLBACK (gk_text_field_commit), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (self->editor, focus);
    }
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));

  signal = g_strconcat ("notify::", property, NULL);
  g_signal_connect_object (object, signal, G_CALLBACK (gk_text_field_model_changed), self, G_CONNECT_SWAPPED);
  gk_text_field_model_changed (self);
  return GTK_WIDGET (self);
}

static gboolean
gk_text_field_grab_focus (GtkWidget *widget)
{
  GkTextField *self = GK_TEXT_FIELD (widget);
  return gtk_widget_grab_focus (gk_text_field_get_editor (self));
}

static void
gk_text_field_dispose (GObject *object)
{
  GkTextField *self = GK_TEXT_FIELD (object);

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  self->text_view = NULL;
  g_clear_object (&self->object);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_text_field_parent_class)->dispose (object);
}

static void
gk_text_field_finalize (GObject *object)
{
  GkTextField *self = GK_TEXT_FIELD (object);

  g_free (self->property);
  g_free (self->shown);

  G_OBJECT_CLASS (gk_text_field_parent_class)->finalize (object);
}

static void
gk_text_field_class_init (GkTextFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_text_field_dispose;
  object_class->finalize = gk_text_field_finalize;
  widget_class->grab_focus = gk_text_field_grab_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gk-text-field");
}

static void
gk_text_field_init (GkTextField *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}
