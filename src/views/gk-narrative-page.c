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

/* The list ------------------------------------------------------------------ */

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

static void
gk_narrative_page_build_outline (GkNarrativePage *self,
                                 GStrv            headings)
{
  GkDocument *document = gk_page_get_document (GK_PAGE (self));
  GtkWidget *child;

  if (self->outline_texts != NULL && g_strv_equal ((const char * const *) self->outline_texts,
                                                   (const char * const *) headings))
    return;
  g_strfreev (self->outline_texts);
  self->outline_texts = g_strdupv (headings);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline))) != NULL)
    gtk_list_box_remove (self->outline, child);
  for (guint s = 0; headings[s] != NULL; s++)
    {
      g_autofree char *outline_text = outline_title (document, headings[s]);
      GtkWidget *entry = gtk_label_new (outline_text);

      gtk_label_set_xalign (GTK_LABEL (entry), 0.0);
      gtk_label_set_wrap (GTK_LABEL (entry), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (entry), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (entry), 3);
      gtk_label_set_ellipsize (GTK_LABEL (entry), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (entry), 16);
      gtk_widget_set_tooltip_text (entry, headings[s]);
      gtk_list_box_append (self->outline, entry);
    }
}

/* The item for @id, reused from the last composition when there was one,
 * so that the list keeps its rows and the reader their place. */
static GkNarrativeItem *
take_item (GkNarrativePage     *self,
           GPtrArray           *lines,
           GPtrArray           *changed,
           GkNarrativeItemKind  kind,
           const char          *id,
           const char          *text,
           const GkParagraph   *paragraph)
{
  GkNarrativeItem *item = g_hash_table_lookup (self->by_id, id);

  /* An id met twice in one composition gets an item of its own. */
  if (item != NULL && item->position < lines->len && g_ptr_array_index (lines, item->position) == item)
    item = NULL;
  if (item != NULL && item->kind == kind)
    {
      g_object_ref (item);
      if (gk_narrative_item_update (item, text, paragraph) && item->row != NULL)
        g_ptr_array_add (changed, item);
    }
  else
    {
      item = gk_narrative_item_new (kind, id);
      gk_narrative_item_update (item, text, paragraph);
    }
  item->position = lines->len;
  g_ptr_array_add (lines, item);
  return item;
}

/* Most edits change a few paragraphs and move none: then every line stays
 * and only the items whose paragraph is a new one are looked at, one
 * pointer comparison a line (a paragraph that did not change is the same
 * object from one composition to the next). Returns FALSE, having changed
 * nothing, when lines came, went or moved, or a heading changed. */
static gboolean
gk_narrative_page_update_in_place (GkNarrativePage *self,
                                   GPtrArray       *sections,
                                   GPtrArray       *changed)
{
  g_autoptr(GPtrArray) renewed = g_ptr_array_new ();   /* line, paragraph, line, … */
  GPtrArray *lines = self->lines;
  guint n = 0;
  GHashTableIter iter;
  gpointer key;

  if (self->shown == NULL || self->shown->len != lines->len)
    return FALSE;
  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, s);
      g_autofree char *heading_text = gk_narrative_section_heading (section);
      GkNarrativeItem *item;

      if (section->part != NULL)
        {
          item = n < lines->len ? g_ptr_array_index (lines, n) : NULL;
          if (item == NULL || item->kind != GK_NARRATIVE_ITEM_PART || g_strcmp0 (item->text, section->part) != 0)
            return FALSE;
          n++;
        }
      item = n < lines->len ? g_ptr_array_index (lines, n) : NULL;
      if (item == NULL || item->kind != GK_NARRATIVE_ITEM_HEADING || g_strcmp0 (item->text, heading_text) != 0 ||
          g_ptr_array_index (self->headings, s) != item)
        return FALSE;
      n++;
      if (n + section->paragraphs->len > lines->len)
        return FALSE;
      for (guint p = 0; p < section->paragraphs->len; p++, n++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          if (g_ptr_array_index (self->shown, n) == paragraph)
            continue;
          item = g_ptr_array_index (lines, n);
          if (item->kind != GK_NARRATIVE_ITEM_PARAGRAPH || !g_str_equal (item->id, paragraph->id))
            return FALSE;
          g_ptr_array_add (renewed, GUINT_TO_POINTER (n));
          g_ptr_array_add (renewed, paragraph);
        }
    }
  if (n != lines->len || sections->len != self->headings->len)
    return FALSE;

  for (guint i = 0; i < renewed->len; i += 2)
    {
      guint line = GPOINTER_TO_UINT (g_ptr_array_index (renewed, i));
      const GkParagraph *paragraph = g_ptr_array_index (renewed, i + 1);
      GkNarrativeItem *item = g_ptr_array_index (lines, line);

      self->shown->pdata[line] = (gpointer) paragraph;
      if (gk_narrative_item_update (item, NULL, paragraph) && item->row != NULL)
        g_ptr_array_add (changed, item);
    }
  /* A 绩效目标表 is drawn from its project, which the paragraph does not
   * hold: the rows showing one are refreshed after every edit. */
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GkNarrativeItem *item = key;

      if (item->paragraph != NULL && item->paragraph->style == GK_PARAGRAPH_PERFORMANCE &&
          !g_ptr_array_find (changed, item, NULL))
        g_ptr_array_add (changed, item);
    }
  return TRUE;
}

/* Puts the composition @sections in the list. Only the stretch between
 * what stayed the same at either end is replaced, and only the rows that
 * show a changed line are refreshed: an edit costs what it changed, not
 * the length of the text. */
static void
gk_narrative_page_show_sections (GkNarrativePage *self,
                                 GPtrArray       *sections)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) headings = g_strv_builder_new ();
  g_auto(GStrv) heading_texts = NULL;
  GPtrArray *old = self->lines;
  guint n_old = old->len;
  guint prefix = 0;
  guint suffix = 0;

  if (gk_narrative_page_update_in_place (self, sections, changed))
    {
      for (guint i = 0; i < changed->len; i++)
        {
          GkNarrativeItem *item = g_ptr_array_index (changed, i);

          gk_paragraph_row_bind (GK_PARAGRAPH_ROW (item->row), item);
        }
      return;
    }

  g_ptr_array_set_size (self->headings, 0);
  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, s);
      g_autofree char *heading_text = gk_narrative_section_heading (section);
      g_autofree char *id = NULL;

      /* A section that begins a part of its own (第四部分 其他重要事项)
       * shows the part above it, as the PDF does. */
      if (section->part != NULL)
        {
          id = g_strdup_printf ("part:%u", s);
          take_item (self, lines, changed, GK_NARRATIVE_ITEM_PART, id, section->part, NULL);
          g_clear_pointer (&id, g_free);
        }
      id = g_strdup_printf ("heading:%u", s);
      g_ptr_array_add (self->headings,
                       take_item (self, lines, changed, GK_NARRATIVE_ITEM_HEADING, id, heading_text, NULL));
      g_strv_builder_add (headings, heading_text);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          take_item (self, lines, changed, GK_NARRATIVE_ITEM_PARAGRAPH, paragraph->id, NULL, paragraph);
        }
    }

  while (prefix < n_old && prefix < lines->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (lines, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < lines->len - prefix &&
         g_ptr_array_index (old, n_old - 1 - suffix) == g_ptr_array_index (lines, lines->len - 1 - suffix))
    suffix++;

  /* Most edits keep every line where it was: then the list and the ids
   * stay as they are. What is no longer there must not point into the old
   * composition. */
  if (prefix < n_old || prefix < lines->len)
    {
      for (guint i = prefix; i < n_old - suffix; i++)
        {
          GkNarrativeItem *item = g_ptr_array_index (old, i);

          if (item->position >= lines->len || g_ptr_array_index (lines, item->position) != item)
            item->paragraph = NULL;
        }
      g_hash_table_remove_all (self->by_id);
      for (guint i = 0; i < lines->len; i++)
        {
          GkNarrativeItem *item = g_ptr_array_index (lines, i);

          g_hash_table_insert (self->by_id, item->id, item);
        }
      g_list_store_splice (self->items, prefix, n_old - prefix - suffix,
                           lines->pdata + prefix, lines->len - prefix - suffix);
    }
  g_ptr_array_unref (self->lines);
  self->lines = g_steal_pointer (&lines);
  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; i < self->lines->len; i++)
    g_ptr_array_add (self->shown, (gpointer) ((GkNarrativeItem *) g_ptr_array_index (self->lines, i))->paragraph);

  for (guint i = 0; i < changed->len; i++)
    {
      GkNarrativeItem *item = g_ptr_array_index (changed, i);

      if (item->row != NULL)
        gk_paragraph_row_bind (GK_PARAGRAPH_ROW (item->row), item);
    }

  heading_texts = g_strv_builder_end (headings);
  gk_narrative_page_build_outline (self, heading_texts);
}

/* Recomposes after every edit; the list shows what changed. */
static void
gk_narrative_page_recompose (GkNarrativePage *self)
{
  GkDocument *document = gk_page_get_document (GK_PAGE (self));
  g_auto(GStrv) off = gk_explanation_dup_off_ids (gk_document_get_explanation (document));
  /* With nothing switched off, the text is the one the checks compose
   * after the same change, and composed once for both. */
  GPtrArray *sections = off[0] == NULL ? gk_narrative_compose (document) : gk_narrative_compose_all (document);

  /* The old composition lives until the items have been compared with it. */
  gk_narrative_page_show_sections (self, sections);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->sections = sections;
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

static void
row_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           GkNarrativePage          *self)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, gk_paragraph_row_new (self));
}

static void
row_bind (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          GkNarrativePage          *self)
{
  GkNarrativeItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);

  item->row = row;
  g_hash_table_add (self->bound, item);
  gk_paragraph_row_bind (GK_PARAGRAPH_ROW (row), item);
}

static void
row_unbind (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            GkNarrativePage          *self)
{
  GkNarrativeItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (item != NULL && item->row == row)
    {
      item->row = NULL;
      g_hash_table_remove (self->bound, item);
    }
  gk_paragraph_row_unbind (GK_PARAGRAPH_ROW (row));
}

/* Scrolling ------------------------------------------------------------------ */

/* The list only knows where a row is once it has one: it first scrolls the
 * item into view, then brings its row to the top. A tick comes before the
 * frame's layout, so each step looks at the rows one frame after the
 * scroll that moved them. */
static gboolean
to_top_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  GkNarrativePage *self = user_data;
  GkNarrativeItem *item = self->to_top;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_point_t point;

  if (item == NULL || ++self->to_top_frames > 60)
    goto done;
  if (self->to_top_frames % 2 == 1)
    return G_SOURCE_CONTINUE;
  if (item->row != NULL && gtk_widget_get_parent (item->row) != NULL &&
      gtk_widget_get_height (item->row) > 0 &&
      gtk_widget_compute_point (gtk_widget_get_parent (item->row), GTK_WIDGET (self->list),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      double value = gtk_adjustment_get_value (adjustment);

      if (ABS (point.y) < 1)
        goto done;
      gtk_adjustment_set_value (adjustment, value + point.y);
      if (gtk_adjustment_get_value (adjustment) == value)
        goto done; /* at the end of the list */
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", item->position);
  return G_SOURCE_CONTINUE;

done:
  g_clear_object (&self->to_top);
  self->to_top_id = 0;
  return G_SOURCE_REMOVE;
}

static void
gk_narrative_page_scroll_to (GkNarrativePage *self,
                             GkNarrativeItem *item)
{
  g_set_object (&self->to_top, item);
  self->to_top_frames = 0;
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", item->position);
  if (self->to_top_id == 0)
    self->to_top_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->list), to_top_tick, self, NULL);
}

static void gk_narrative_page_update_legend (GkNarrativePage *self);

static void
dark_changed (AdwStyleManager *manager,
              GParamSpec      *pspec,
              GkNarrativePage *self)
{
  GHashTableIter iter;
  gpointer value;

  gk_narrative_page_update_legend (self);
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GkNarrativeItem *item = value;

      if (item->row != NULL)
        gk_paragraph_row_bind (GK_PARAGRAPH_ROW (item->row), item);
    }
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

  if (index < 0 || (guint) index >= self->headings->len)
    return;
  gk_narrative_page_scroll_to (self, g_ptr_array_index (self->headings, index));
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

  gtk_file_filter_set_name (filter, _("Disclosures"));
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

static GkParagraphRow *
bound_row (GkNarrativePage *self,
           const char      *id)
{
  GkNarrativeItem *item;

  gk_narrative_page_catch_up (self);
  item = g_hash_table_lookup (self->by_id, id);
  return item != NULL && item->row != NULL ? GK_PARAGRAPH_ROW (item->row) : NULL;
}

/**
 * gk_narrative_page_reveal_paragraph:
 *
 * Scrolls the list so that paragraph @paragraph_id comes to the top, and
 * so gets a row: gk_narrative_page_get_paragraph() finds it once the page
 * has been laid out. Returns FALSE when there is no such paragraph.
 */
gboolean
gk_narrative_page_reveal_paragraph (GkNarrativePage *self,
                                    const char      *paragraph_id)
{
  GkNarrativeItem *item;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), FALSE);
  g_return_val_if_fail (paragraph_id != NULL, FALSE);

  gk_narrative_page_catch_up (self);
  item = g_hash_table_lookup (self->by_id, paragraph_id);
  if (item == NULL || item->kind != GK_NARRATIVE_ITEM_PARAGRAPH)
    return FALSE;
  gk_narrative_page_scroll_to (self, item);
  return TRUE;
}

/* The label showing paragraph @paragraph_id, or NULL while the paragraph
 * has no row (see gk_narrative_page_reveal_paragraph()). */
GtkWidget *
gk_narrative_page_get_paragraph (GkNarrativePage *self,
                                 const char      *paragraph_id)
{
  GkParagraphRow *row;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);
  g_return_val_if_fail (paragraph_id != NULL, NULL);

  row = bound_row (self, paragraph_id);
  return row != NULL ? gk_paragraph_row_get_label (row) : NULL;
}

/* The menu button whose popover edits the prior-year figures of the
 * paragraph; hidden when the paragraph compares nothing with last year. */
GtkWidget *
gk_narrative_page_get_prior_editor (GkNarrativePage *self,
                                    const char      *paragraph_id)
{
  GkParagraphRow *row;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);
  g_return_val_if_fail (paragraph_id != NULL, NULL);

  row = bound_row (self, paragraph_id);
  return row != NULL ? gk_paragraph_row_get_prior_button (row) : NULL;
}

GtkWidget *
gk_narrative_page_get_hand_editor (GkNarrativePage *self,
                                   const char      *paragraph_id)
{
  GkParagraphRow *row;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);
  g_return_val_if_fail (paragraph_id != NULL, NULL);

  row = bound_row (self, paragraph_id);
  return row != NULL ? gk_paragraph_row_get_hand_button (row) : NULL;
}

/* The switch that puts the paragraph in the disclosure or leaves it out. */
GtkWidget *
gk_narrative_page_get_switch (GkNarrativePage *self,
                              const char      *paragraph_id)
{
  GkParagraphRow *row;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);
  g_return_val_if_fail (paragraph_id != NULL, NULL);

  row = bound_row (self, paragraph_id);
  return row != NULL ? gk_paragraph_row_get_switch (row) : NULL;
}

/* The heading of section @number (1 … 10), or NULL while it has no row. */
GtkWidget *
gk_narrative_page_get_section_heading (GkNarrativePage *self,
                                       guint            number)
{
  GkNarrativeItem *item;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);

  gk_narrative_page_catch_up (self);
  if (number == 0 || number > self->headings->len)
    return NULL;
  item = g_ptr_array_index (self->headings, number - 1);
  return item->row != NULL ? gk_paragraph_row_get_label (GK_PARAGRAPH_ROW (item->row)) : NULL;
}

/* Scrolls section @number's heading to the top, as its outline entry does. */
gboolean
gk_narrative_page_reveal_section (GkNarrativePage *self,
                                  guint            number)
{
  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), FALSE);

  gk_narrative_page_catch_up (self);
  if (number == 0 || number > self->headings->len)
    return FALSE;
  gk_narrative_page_scroll_to (self, g_ptr_array_index (self->headings, number - 1));
  return TRUE;
}

/* The list showing the text; its rows are made for what is in sight. */
GtkListView *
gk_narrative_page_get_list (GkNarrativePage *self)
{
  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (self), NULL);
  return self->list;
}

/* What was typed as a paragraph's hand-written text and not yet used: a
 * popover closed by a click elsewhere, or a row that scrolled away and was
 * given to another paragraph, keeps it. */
const char *
gk_narrative_page_get_draft (GkNarrativePage *self,
                             const char      *paragraph_id)
{
  return g_hash_table_lookup (self->drafts, paragraph_id);
}

void
gk_narrative_page_set_draft (GkNarrativePage *self,
                             const char      *paragraph_id,
                             const char      *text)
{
  if (text == NULL)
    g_hash_table_remove (self->drafts, paragraph_id);
  else
    g_hash_table_replace (self->drafts, g_strdup (paragraph_id), g_strdup (text));
}

static void
gk_narrative_page_dispose (GObject *object)
{
  GkNarrativePage *self = GK_NARRATIVE_PAGE (object);
  GtkWidget *child;

  if (self->to_top_id != 0 && self->list != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->to_top_id);
  self->to_top_id = 0;
  g_clear_object (&self->to_top);
  g_clear_signal_handler (&self->dark_id, adw_style_manager_get_default ());
  if (gk_page_get_document (GK_PAGE (self)) != NULL)
    g_clear_signal_handler (&self->changed_id, gk_page_get_document (GK_PAGE (self)));
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_NARRATIVE_PAGE);
  /* The template's top box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->by_id != NULL)
    g_hash_table_remove_all (self->by_id);
  if (self->bound != NULL)
    g_hash_table_remove_all (self->bound);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (gk_narrative_page_parent_class)->dispose (object);
}

static void
gk_narrative_page_finalize (GObject *object)
{
  GkNarrativePage *self = GK_NARRATIVE_PAGE (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_strfreev (self->outline_texts);

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
  gtk_widget_class_bind_template_child (widget_class, GkNarrativePage, list);
  gtk_widget_class_bind_template_child (widget_class, GkNarrativePage, legend);
  gtk_widget_class_bind_template_callback (widget_class, gk_narrative_page_outline_activated);
  gtk_widget_class_bind_template_callback (widget_class, gk_narrative_page_fill_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_narrative_page_init (GkNarrativePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->headings = g_ptr_array_new ();
  self->items = g_list_store_new (GK_TYPE_NARRATIVE_ITEM);
  self->lines = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->bound = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  /* The text reads on the page's own background, as on paper. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->list), "view");

  gk_narrative_page_update_legend (self);
  self->dark_id = g_signal_connect (adw_style_manager_get_default (), "notify::dark",
                                    G_CALLBACK (dark_changed), self);
}
