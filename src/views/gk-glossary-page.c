/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-glossary-page.h"
#include "gk-list-editor.h"
#include "gk-text-field.h"

/* 名词解释: the terms explained at the end of the disclosure. */
struct _GkGlossaryPage
{
  GkPage           parent_instance;

  GtkWidget       *editor;

  AdwToastOverlay *toast_overlay;
  AdwBin          *entries_bin;
};

G_DEFINE_FINAL_TYPE (GkGlossaryPage, gk_glossary_page, GK_TYPE_PAGE)

GtkWidget *
gk_glossary_page_get_editor (GkGlossaryPage *self)
{
  g_return_val_if_fail (GK_IS_GLOSSARY_PAGE (self), NULL);
  return self->editor;
}

static GtkWidget *
create_entry (GkDocument *document,
              gpointer    item,
              gpointer    user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *term = gk_text_field_new (document, item, "term", FALSE);
  GtkWidget *definition = gk_text_field_new (document, item, "definition", TRUE);

  gk_text_field_set_placeholder (GK_TEXT_FIELD (term), _("Term"));
  gk_text_field_set_placeholder (GK_TEXT_FIELD (definition), _("Definition"));
  gtk_widget_add_css_class (gk_text_field_get_editor (GK_TEXT_FIELD (term)), "heading");
  gtk_box_append (GTK_BOX (box), term);
  gtk_box_append (GTK_BOX (box), definition);
  return box;
}

static gpointer
new_entry (gpointer user_data)
{
  return gk_glossary_entry_new ("", "");
}

/* The six entries of a new disclosure replace the list, as one edit. */
static void
gk_glossary_page_restore (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GkGlossaryPage *self = GK_GLOSSARY_PAGE (widget);
  g_autoptr(GkDocument) blank = gk_document_new_blank ("", 0, GK_MONEY_UNIT_WANYUAN);
  GListModel *standard = gk_document_get_glossary (blank);
  GListModel *glossary = gk_document_get_glossary (gk_page_get_document (GK_PAGE (self)));
  AdwToast *toast;

  gk_document_begin_action (gk_page_get_document (GK_PAGE (self)), _("Restore Standard Entries"));
  while (g_list_model_get_n_items (glossary) > 0)
    gk_document_list_remove (gk_page_get_document (GK_PAGE (self)), glossary, g_list_model_get_n_items (glossary) - 1);
  for (guint i = 0; i < g_list_model_get_n_items (standard); i++)
    {
      g_autoptr(GkGlossaryEntry) entry = g_list_model_get_item (standard, i);
      g_autoptr(GkGlossaryEntry) copy = gk_glossary_entry_new (gk_glossary_entry_get_term (entry),
                                                               gk_glossary_entry_get_definition (entry));

      gk_document_list_insert (gk_page_get_document (GK_PAGE (self)), glossary, i, copy);
    }
  gk_document_end_action (gk_page_get_document (GK_PAGE (self)));

  toast = adw_toast_new (_("The standard entries are restored"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWidget *
gk_glossary_page_new (GkDocument *document)
{
  GkGlossaryPage *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_GLOSSARY_PAGE, "document", document, NULL);
  self->editor = gk_list_editor_new (document, gk_document_get_glossary (document), TRUE,
                                     _("Add Term"), create_entry, new_entry, NULL);
  adw_bin_set_child (self->entries_bin, self->editor);
  return GTK_WIDGET (self);
}

static void
gk_glossary_page_dispose (GObject *object)
{
  GkGlossaryPage *self = GK_GLOSSARY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_GLOSSARY_PAGE);

  G_OBJECT_CLASS (gk_glossary_page_parent_class)->dispose (object);
}

static void
gk_glossary_page_class_init (GkGlossaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_glossary_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-glossary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkGlossaryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkGlossaryPage, entries_bin);
  gtk_widget_class_install_action (widget_class, "glossary.restore", NULL, gk_glossary_page_restore);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_glossary_page_init (GkGlossaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
