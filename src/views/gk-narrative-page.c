/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-io.h"
#include "gk-dialog.h"
#include "gk-narrative-page-private.h"
#include "gk-paragraph-row.h"

/* 情况说明: the composed text as it will read in the PDF, with the figures
 * taken from the tables set apart from what the officer typed, and the
 * reasons and prior-year figures it still needs edited in place. */

G_DEFINE_FINAL_TYPE (GkNarrativePage, gk_narrative_page, GK_TYPE_PAGE)

/* Structure -------------------------------------------------------------- */

static gboolean
same_structure (GPtrArray *a,
                GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint s = 0; s < a->len; s++)
    {
      GkNarrativeSection *sa = g_ptr_array_index (a, s);
      GkNarrativeSection *sb = g_ptr_array_index (b, s);

      if (g_strcmp0 (sa->title, sb->title) != 0 || sa->paragraphs->len != sb->paragraphs->len)
        return FALSE;
      for (guint p = 0; p < sa->paragraphs->len; p++)
        {
          GkParagraph *pa = g_ptr_array_index (sa->paragraphs, p);
          GkParagraph *pb = g_ptr_array_index (sb->paragraphs, p);

          if (g_strcmp0 (pa->id, pb->id) != 0 || pa->style != pb->style)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
restore_scroll (gpointer user_data)
{
  GkNarrativePage *self = user_data;

  self->restore_id = 0;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), self->restore_value);
  return G_SOURCE_REMOVE;
}

/* "二、关于乌鲁木齐县人民政府办公室2020年收入预算情况说明" reads as
 * "二、收入预算情况说明" in the outline: the unit and year are the same in
 * every heading and would push the part that differs out of sight. */
static char *
outline_title (GkDocument *document,
               const char *heading)
{
  const char *unit = gk_document_get_unit (document);
  g_autofree char *lead = g_strdup_printf ("关于%s%u年", unit != NULL ? unit : "",
                                           gk_document_get_year (document));
  g_autofree char *number = NULL;
  const char *comma = strstr (heading, "、");
  const char *rest;

  if (comma == NULL)
    return g_strdup (heading);
  rest = comma + strlen ("、");
  if (!g_str_has_prefix (rest, lead) || rest[strlen (lead)] == '\0')
    return g_strdup (heading);
  number = g_strndup (heading, rest - heading);
  return g_strconcat (number, rest + strlen (lead), NULL);
}

/* One line per project, a thousand of them in a large unit, and none edited
 * here: a plain label, named by the paragraph's id like a row's label. */
static GtkWidget *
performance_line_new (const GkParagraph *paragraph)
{
  g_autofree char *markup = gk_paragraph_row_dup_markup (paragraph);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  g_object_set_data_full (G_OBJECT (label), "gk-markup", g_steal_pointer (&markup), g_free);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_name (label, paragraph->id);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 16);
  return label;
}

static void
performance_line_update (GtkLabel          *label,
                         const GkParagraph *paragraph)
{
  g_autofree char *markup = gk_paragraph_row_dup_markup (paragraph);

  if (g_strcmp0 (markup, g_object_get_data (G_OBJECT (label), "gk-markup")) == 0)
    return;
  gtk_label_set_markup (label, markup);
  g_object_set_data_full (G_OBJECT (label), "gk-markup", g_steal_pointer (&markup), g_free);
}

static void
gk_narrative_page_build (GkNarrativePage *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->headings, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  g_hash_table_remove_all (self->views);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline))) != NULL)
    gtk_list_box_remove (self->outline, child);

  for (guint s = 0; s < self->sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (self->sections, s);
      g_autofree char *heading_text = gk_narrative_section_heading (section);
      GtkWidget *heading = gtk_label_new (heading_text);
      g_autofree char *outline_text = outline_title (gk_page_get_document (GK_PAGE (self)), heading_text);
      GtkWidget *entry = gtk_label_new (outline_text);

      /* A section that begins a part of its own (第四部分 其他重要事项)
       * shows the part above it, as the PDF does. */
      if (section->part != NULL)
        {
          GtkWidget *part = gtk_label_new (section->part);

          gtk_label_set_xalign (GTK_LABEL (part), 0.0);
          gtk_label_set_wrap (GTK_LABEL (part), TRUE);
          gtk_widget_add_css_class (part, "title-2");
          gtk_widget_set_margin_top (part, 24);
          gtk_box_append (self->sections_box, part);
        }

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (heading, "title-3");
      gtk_widget_set_margin_top (heading, 18);
      gtk_box_append (self->sections_box, heading);
      g_ptr_array_add (self->headings, heading);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          GtkWidget *row = paragraph->style == GK_PARAGRAPH_PERFORMANCE
                           ? performance_line_new (paragraph)
                           : gk_paragraph_row_new (self, paragraph);

          gtk_box_append (self->sections_box, row);
          g_hash_table_replace (self->views,
                                GK_IS_PARAGRAPH_ROW (row) ? (gpointer) gk_paragraph_row_get_id (GK_PARAGRAPH_ROW (row))
                                                          : (gpointer) gtk_widget_get_name (row),
                                row);
        }

      gtk_label_set_xalign (GTK_LABEL (entry), 0.0);
      gtk_label_set_wrap (GTK_LABEL (entry), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (entry), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (entry), 3);
      gtk_label_set_ellipsize (GTK_LABEL (entry), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (entry), 16);
      gtk_widget_set_tooltip_text (entry, heading_text);
      gtk_list_box_append (self->outline, entry);
    }
}

static void
gk_narrative_page_update_markup (GkNarrativePage *self)
{
  for (guint s = 0; s < self->sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (self->sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          GtkWidget *row = g_hash_table_lookup (self->views, paragraph->id);

          if (GK_IS_PARAGRAPH_ROW (row))
            gk_paragraph_row_update (GK_PARAGRAPH_ROW (row), paragraph);
          else if (row != NULL)
            performance_line_update (GTK_LABEL (row), paragraph);
        }
    }
}

/* Recomposes after every edit. When the paragraphs are the same ones, only
 * their text changes, so the reader keeps their place and any open popover
 * stays open; otherwise the column is rebuilt at the same scroll offset. */
static void
gk_narrative_page_recompose (GkNarrativePage *self)
{
  g_autoptr(GPtrArray) sections = gk_narrative_compose (gk_page_get_document (GK_PAGE (self)));

  if (same_structure (self->sections, sections))
    {
      g_clear_pointer (&self->sections, g_ptr_array_unref);
      self->sections = g_steal_pointer (&sections);
      gk_narrative_page_update_markup (self);
      return;
    }

  self->restore_value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->sections = g_steal_pointer (&sections);
  gk_narrative_page_build (self);
  if (self->restore_value > 0 && self->restore_id == 0)
    self->restore_id = g_idle_add_full (G_PRIORITY_LOW, restore_scroll, self, NULL);
}

/* Composing the text of 10 000 projects takes a while: a page the window
 * holds but does not show composes when it is shown, or asked about. */
static void
document_changed (GkDocument      *document,
                  GkNarrativePage *self)
{
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else
    gk_narrative_page_recompose (self);
}

static void
gk_narrative_page_catch_up (GkNarrativePage *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  gk_narrative_page_recompose (self);
}

static void
gk_narrative_page_map (GtkWidget *widget)
{
  gk_narrative_page_catch_up (GK_NARRATIVE_PAGE (widget));
  GTK_WIDGET_CLASS (gk_narrative_page_parent_class)->map (widget);
}

static void gk_narrative_page_update_legend (GkNarrativePage *self);

static void
dark_changed (AdwStyleManager *manager,
              GParamSpec      *pspec,
              GkNarrativePage *self)
{
  gk_narrative_page_update_legend (self);
  if (self->sections != NULL)
    gk_narrative_page_update_markup (self);
}

static void
gk_narrative_page_update_legend (GkNarrativePage *self)
{
  const char *figure;
  const char *missing;
  g_autofree char *markup = NULL;

  gk_paragraph_row_get_colours (&figure, &missing);
  /* Translators: the legend above the 情况说明; keep the <span> tags and %s. */
  markup = g_strdup_printf (_("<span weight=\"bold\" foreground=\"%s\">Figures</span> come from the tables and change with them; "
                              "plain text is fixed wording or typed; "
                              "<span weight=\"bold\" foreground=\"%s\">items in red</span> still need a reason or last year’s figure."),
                            figure, missing);
  gtk_label_set_markup (self->legend, markup);
}

static void
gk_narrative_page_outline_activated (GkNarrativePage *self,
                                     GtkListBoxRow   *row,
                                     GtkListBox      *box)
{
  int index = gtk_list_box_row_get_index (row);
  GtkWidget *heading;
  graphene_point_t point;

  if (index < 0 || (guint) index >= self->headings->len)
    return;
  heading = g_ptr_array_index (self->headings, index);
  /* The clamp is the scrolled content itself, so its coordinates are the
   * scroll offsets. */
  if (!gtk_widget_compute_point (heading, gtk_widget_get_ancestor (heading, ADW_TYPE_CLAMP),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), MAX (point.y - 6, 0));
}

/* Filling from last year's disclosure -------------------------------------- */

static void
gk_narrative_page_show_message (GkNarrativePage *self,
                                const char      *heading,
                                const char      *text)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  dialog = gk_dialog_new_message (GTK_WIDGET (self), heading, NULL);
  label = gtk_label_new (text);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  /* The report can list many 项 and projects; the dialog must stay on screen. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gk_narrative_page_fill_loaded (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(GkNarrativePage) self = user_data;
  g_autoptr(GkDocument) last_year = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  last_year = gk_document_load_finish (result, &error);
  if (gk_page_get_document (GK_PAGE (self)) == NULL)
    return;
  if (last_year == NULL
      || !gk_document_fill_prior_year (gk_page_get_document (GK_PAGE (self)), last_year, report, &error))
    {
      gk_narrative_page_show_message (self, _("Cannot Fill from Last Year"), error->message);
      return;
    }
  if (report->len == 0)
    g_string_append (report, _("Every figure was matched."));
  else if (report->str[report->len - 1] == '\n')
    g_string_truncate (report, report->len - 1);
  gk_narrative_page_show_message (self, _("Filled from Last Year"), report->str);
}

static void
gk_narrative_page_fill_response (GtkNativeDialog *chooser,
                                 int              response,
                                 GkNarrativePage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    gk_document_load_async (file, NULL, gk_narrative_page_fill_loaded, g_object_ref (self));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
gk_narrative_page_fill_clicked (GkNarrativePage *self,
                                GtkButton       *button)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Budget disclosures"));
  gtk_file_filter_add_pattern (filter, "*.gongkai");
  chooser = gk_dialog_new_file_chooser (GTK_WIDGET (self), _("Last Year’s Disclosure"),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (gk_narrative_page_fill_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

GtkWidget *
gk_narrative_page_new (GkDocument *document)
{
  GkNarrativePage *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  self = g_object_new (GK_TYPE_NARRATIVE_PAGE, "document", document, NULL);
  self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (document_changed), self);
  gk_narrative_page_recompose (self);
  return GTK_WIDGET (self);
}

GtkListBox *
gk_narrative_page_get_outline (GkNarrativePage *self)
{
  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);
  gk_narrative_page_catch_up (self);
  return self->outline;
}

/* The label showing paragraph @paragraph_id, or NULL. */
GtkWidget *
gk_narrative_page_get_paragraph (GkNarrativePage *self,
                                 const char      *paragraph_id)
{
  GtkWidget *view;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);
  g_return_val_if_fail (paragraph_id != NULL, NULL);

  gk_narrative_page_catch_up (self);
  view = g_hash_table_lookup (self->views, paragraph_id);
  return GK_IS_PARAGRAPH_ROW (view) ? gk_paragraph_row_get_label (GK_PARAGRAPH_ROW (view)) : view;
}

/* The menu button whose popover edits the prior-year figures of the
 * paragraph; hidden when the paragraph compares nothing with last year. */
GtkWidget *
gk_narrative_page_get_prior_editor (GkNarrativePage *self,
                                    const char      *paragraph_id)
{
  GtkWidget *view;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);
  g_return_val_if_fail (paragraph_id != NULL, NULL);

  gk_narrative_page_catch_up (self);
  view = g_hash_table_lookup (self->views, paragraph_id);
  return GK_IS_PARAGRAPH_ROW (view) ? gk_paragraph_row_get_prior_button (GK_PARAGRAPH_ROW (view)) : NULL;
}

GtkWidget *
gk_narrative_page_get_hand_editor (GkNarrativePage *self,
                                   const char      *paragraph_id)
{
  GtkWidget *view;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);
  g_return_val_if_fail (paragraph_id != NULL, NULL);

  gk_narrative_page_catch_up (self);
  view = g_hash_table_lookup (self->views, paragraph_id);
  return GK_IS_PARAGRAPH_ROW (view) ? gk_paragraph_row_get_hand_button (GK_PARAGRAPH_ROW (view)) : NULL;
}

/* The heading of section @number (1 … 10), or NULL. */
GtkWidget *
gk_narrative_page_get_section_heading (GkNarrativePage *self,
                                       guint            number)
{
  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);

  gk_narrative_page_catch_up (self);
  if (number == 0 || number > self->headings->len)
    return NULL;
  return g_ptr_array_index (self->headings, number - 1);
}

static void
gk_narrative_page_dispose (GObject *object)
{
  GkNarrativePage *self = GK_NARRATIVE_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->restore_id, g_source_remove);
  g_clear_signal_handler (&self->dark_id, adw_style_manager_get_default ());
  if (gk_page_get_document (GK_PAGE (self)) != NULL)
    g_clear_signal_handler (&self->changed_id, gk_page_get_document (GK_PAGE (self)));
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_NARRATIVE_PAGE);
  /* The template's top box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->views, g_hash_table_unref);

  G_OBJECT_CLASS (gk_narrative_page_parent_class)->dispose (object);
}

static void
gk_narrative_page_finalize (GObject *object)
{
  GkNarrativePage *self = GK_NARRATIVE_PAGE (object);

  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_narrative_page_parent_class)->finalize (object);
}

static void
gk_narrative_page_class_init (GkNarrativePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_narrative_page_dispose;
  object_class->finalize = gk_narrative_page_finalize;
  widget_class->map = gk_narrative_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-narrative-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkNarrativePage, outline);
  gtk_widget_class_bind_template_child (widget_class, GkNarrativePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GkNarrativePage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, GkNarrativePage, legend);
  gtk_widget_class_bind_template_callback (widget_class, gk_narrative_page_outline_activated);
  gtk_widget_class_bind_template_callback (widget_class, gk_narrative_page_fill_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_narrative_page_init (GkNarrativePage *self)
{
  self->views = g_hash_table_new (g_str_hash, g_str_equal);
  self->headings = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gk_narrative_page_update_legend (self);
  self->dark_id = g_signal_connect (adw_style_manager_get_default (), "notify::dark",
                                    G_CALLBACK (dark_changed), self);
}
