/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-narrative-page-private.h"
#include "gk-paragraph-fields.h"
#include "gk-paragraph-row.h"

/* One line of 情况说明's list, given in turn to whichever line scrolls
 * into sight: a part's title, a section's heading, or a paragraph with
 * its generated figures set apart from typed text, the switch that prints
 * it or leaves it out, and the popovers for last year's figures, the
 * reasons and hand-written text. A performance line is shown but not
 * edited here. */
struct _GkParagraphRow
{
  GtkWidget        parent_instance;

  GkNarrativePage *page;          /* unowned: the page holds the row */
  GkNarrativeItem *item;          /* what the row shows, or NULL */
  char            *id;
  GStrv            keys;          /* prior-year keys named by the spans */
  GStrv            fields;        /* a 决算's typed facts the spans name: "budget/<key>/reason", "final/<property>" */
  gboolean         hand_written;
  gboolean         editable;      /* not a performance line */
  char            *markup;        /* as last set on the label */
  gboolean         editors_filled; /* the popovers' fields exist and follow the document */
  gboolean         binding;       /* the switch is being set, not flipped */
  gboolean         applying;      /* the hand-written text is being used */

  GtkWidget       *text_box;
  GtkLabel        *label;
  GtkLabel        *hand_tag;
  GtkSwitch       *off_switch;
  GtkMenuButton   *prior_button;
  GtkPopover      *prior_popover; /* the editors: NULL until first wanted */
  GtkBox          *prior_fields;
  GtkMenuButton   *hand_button;
  GtkPopover      *hand_popover;
  GtkTextView     *hand_view;
  GtkButton       *composed_button;
};

G_DEFINE_FINAL_TYPE (GkParagraphRow, gk_paragraph_row, GTK_TYPE_WIDGET)

/* Colours of libadwaita's accent and error in the current style; markup
 * cannot name the CSS colours. */
void
gk_paragraph_row_get_colours (const char **figure,
                              const char **missing)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  *figure = dark ? "#78aeed" : "#1c71d8";
  *missing = dark ? "#ff7b63" : "#c01c28";
}

static char *
paragraph_markup (const GkParagraph *paragraph)
{
  GString *markup = g_string_new (NULL);
  const char *figure;
  const char *missing;

  gk_paragraph_row_get_colours (&figure, &missing);

  if (paragraph->style == GK_PARAGRAPH_PERFORMANCE)
    {
      g_autofree char *name = g_markup_escape_text (paragraph->project != NULL
                                                    ? gk_project_get_name (paragraph->project) : "", -1);

      g_string_append_printf (markup, "项目支出绩效目标表：<span weight=\"bold\" foreground=\"%s\">%s</span>",
                              figure, name);
      return g_string_free (markup, FALSE);
    }

  for (guint i = 0; i < paragraph->spans->len; i++)
    {
      const GkSpan *span = g_ptr_array_index (paragraph->spans, i);
      g_autofree char *text = g_markup_escape_text (span->text != NULL ? span->text : "", -1);

      switch (span->kind)
        {
        case GK_SPAN_FIGURE:
          g_string_append_printf (markup, "<span weight=\"bold\" foreground=\"%s\">%s</span>", figure, text);
          break;
        case GK_SPAN_MISSING:
          g_string_append_printf (markup, "<span weight=\"bold\" foreground=\"%s\">%s</span>", missing, text);
          break;
        case GK_SPAN_TYPED:
        case GK_SPAN_TEXT:
        default:
          g_string_append (markup, text);
          break;
        }
    }
  return g_string_free (markup, FALSE);
}

/* The paragraph as markup, the figures set apart. */
char *
gk_paragraph_row_dup_markup (const GkParagraph *paragraph)
{
  g_return_val_if_fail (paragraph != NULL, NULL);
  return paragraph_markup (paragraph);
}

/* The prior-year keys a paragraph's spans come from: "prior/<key>/<part>". */
static GStrv
paragraph_prior_keys (const GkParagraph *paragraph)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < paragraph->spans->len; i++)
    {
      const GkSpan *span = g_ptr_array_index (paragraph->spans, i);
      const char *start;
      const char *end;
      char *key;

      if (span->source == NULL || !g_str_has_prefix (span->source, "prior/"))
        continue;
      start = span->source + strlen ("prior/");
      end = strrchr (start, '/');
      if (end == NULL || end == start)
        continue;
      key = g_strndup (start, end - start);
      if (g_hash_table_add (seen, key))
        g_strv_builder_add (builder, key);
    }
  return g_strv_builder_end (builder);
}

/* Prior-year editor -------------------------------------------------------- */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Fills the fields from the document each time the popover opens, so it
 * never shows a figure that an undo has since taken back. */
static void
prior_editor_fill (GkParagraphRow  *view)
{
  GkDocument *document = gk_page_get_document (GK_PAGE (view->page));
  GkExplanation *explanation = gk_document_get_explanation (document);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (view->prior_fields))) != NULL)
    gtk_box_remove (view->prior_fields, child);

  for (guint i = 0; view->keys != NULL && view->keys[i] != NULL; i++)
    {
      const char *key = view->keys[i];
      GkPrior *prior = gk_explanation_lookup_prior (explanation, key);
      g_autofree char *title = gk_narrative_describe_key (document, key);
      g_autofree char *name = NULL;
      g_autofree char *amount_text = NULL;
      const char * const bases[] = { _("Last Year’s Budget"), _("Last Year’s Outturn"), NULL };
      GtkWidget *heading = gtk_label_new (title);
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *amount = gtk_entry_new ();
      GtkWidget *basis = gtk_drop_down_new_from_strings (bases);
      GtkWidget *reason = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "heading");
      if (i > 0)
        gtk_widget_set_margin_top (heading, 12);
      gtk_box_append (view->prior_fields, heading);

      gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

      name = g_strdup_printf ("amount:%s", key);
      gtk_widget_set_name (amount, name);
      gtk_entry_set_input_purpose (GTK_ENTRY (amount), GTK_INPUT_PURPOSE_NUMBER);
      gtk_entry_set_placeholder_text (GTK_ENTRY (amount), "0.00");
      gtk_widget_add_css_class (amount, "gk-amount");
      if (prior != NULL)
        {
          amount_text = gk_amount_format (gk_prior_get_amount (prior));
          gtk_editable_set_text (GTK_EDITABLE (amount), amount_text);
        }
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("basis:%s", key);
      gtk_widget_set_name (basis, name);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (basis),
                                  prior != NULL && g_strcmp0 (gk_prior_get_basis (prior),
                                                              GK_PRIOR_BASIS_ACTUAL) == 0 ? 1 : 0);
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("reason:%s", key);
      gtk_widget_set_name (reason, name);
      gtk_widget_set_hexpand (reason, TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("The main reason for the change"));
      if (prior != NULL && gk_prior_get_reason (prior) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (reason), gk_prior_get_reason (prior));

      gtk_grid_attach (GTK_GRID (grid), g_object_new (GTK_TYPE_LABEL, "label", _("Amount"), "xalign", 0.0f, NULL), 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), amount, 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), basis, 2, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), g_object_new (GTK_TYPE_LABEL, "label", _("Reason"), "xalign", 0.0f, NULL), 0, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), reason, 1, 1, 2, 1);
      gtk_box_append (view->prior_fields, grid);
    }

  for (guint i = 0; view->fields != NULL && view->fields[i] != NULL; i++)
    {
      g_autofree char *title = gk_paragraph_field_describe (document, view->fields[i]);
      g_autofree char *name = g_strdup_printf ("field:%s", view->fields[i]);
      g_autofree char *text = gk_paragraph_field_text (document, view->fields[i]);
      GtkWidget *heading = gtk_label_new (title);
      GtkWidget *entry = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, i > 0 || (view->keys != NULL && view->keys[0] != NULL) ? 12 : 0);
      gtk_widget_set_name (entry, name);
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      /* An example in the document's words: the published text says
       * nothing of other vehicles' use until it is typed. */
      if (g_str_equal (view->fields[i], "final/vehicles-other-use"))
        gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "用于……的车辆");
      gtk_box_append (view->prior_fields, heading);
      gtk_box_append (view->prior_fields, entry);
    }
}

static void
prior_popover_show (GkParagraphRow *view,
                    GtkWidget      *popover)
{
  view->editors_filled = TRUE;
  prior_editor_fill (view);
}

/* All the figures of the paragraph go in as one undoable edit; nothing is
 * written while any amount is not a figure. */
static void
prior_apply_clicked (GkParagraphRow *view,
                     GtkButton      *button)
{
  g_autoptr(GkDocument) document = g_object_ref (gk_page_get_document (GK_PAGE (view->page)));
  GkExplanation *explanation = gk_document_get_explanation (document);
  g_auto(GStrv) keys = g_strdupv (view->keys);
  g_auto(GStrv) fields = g_strdupv (view->fields);
  g_autoptr(GPtrArray) field_texts = g_ptr_array_new_with_free_func (g_free);
  guint n = keys != NULL ? g_strv_length (keys) : 0;
  g_autofree GkAmount *amounts = g_new0 (GkAmount, MAX (n, 1));
  g_autofree gboolean *actual = g_new0 (gboolean, MAX (n, 1));
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *given = g_new0 (gboolean, MAX (n, 1));
  gboolean valid = TRUE;

  /* Everything is read before the first edit: recomposing after it may
   * rebuild this paragraph's view and its fields. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *amount_name = g_strdup_printf ("amount:%s", keys[i]);
      g_autofree char *basis_name = g_strdup_printf ("basis:%s", keys[i]);
      g_autofree char *reason_name = g_strdup_printf ("reason:%s", keys[i]);
      GtkWidget *entry = find_named (GTK_WIDGET (view->prior_fields), amount_name);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
      const char *reason = gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (view->prior_fields), reason_name)));

      gtk_widget_remove_css_class (entry, "error");
      if (text[0] != '\0' && !gk_amount_parse (text, GK_AMOUNT_PARSE_DEFAULT, &amounts[i], NULL))
        {
          gtk_widget_add_css_class (entry, "error");
          valid = FALSE;
        }
      actual[i] = gtk_drop_down_get_selected (GTK_DROP_DOWN (find_named (GTK_WIDGET (view->prior_fields), basis_name))) == 1;
      /* An untouched key stays unknown rather than becoming a zero. */
      given[i] = text[0] != '\0' || reason[0] != '\0' || gk_explanation_lookup_prior (explanation, keys[i]) != NULL;
      g_ptr_array_add (reasons, g_strdup (reason));
    }
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("field:%s", fields[i]);
      GtkWidget *entry = find_named (GTK_WIDGET (view->prior_fields), name);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

      gtk_widget_remove_css_class (entry, "error");
      if (!gk_paragraph_field_apply (document, fields[i], text, TRUE))
        {
          gtk_widget_add_css_class (entry, "error");
          valid = FALSE;
        }
      g_ptr_array_add (field_texts, g_steal_pointer (&text));
    }
  if (!valid)
    return;

  gtk_popover_popdown (view->prior_popover);
  gk_document_begin_action (document, _("Edit Prior-Year Figures"));
  for (guint i = 0; i < n; i++)
    {
      GkPrior *prior;

      if (!given[i])
        continue;
      prior = gk_document_ensure_prior (document, keys[i]);
      gk_document_set_int (document, prior, "amount", amounts[i]);
      gk_document_set_text (document, prior, "basis", actual[i] ? GK_PRIOR_BASIS_ACTUAL : GK_PRIOR_BASIS_BUDGET);
      gk_document_set_text (document, prior, "reason", g_ptr_array_index (reasons, i));
    }
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    gk_paragraph_field_apply (document, fields[i], field_texts->pdata[i], FALSE);
  gk_document_end_action (document);
}

/* Hand-written text -------------------------------------------------------- */

static void
hand_editor_fill (GkParagraphRow    *view,
                  const GkParagraph *paragraph)
{
  g_autofree char *text = paragraph != NULL ? gk_paragraph_dup_text (paragraph) : NULL;
  const char *draft = gk_narrative_page_get_draft (view->page, view->id);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view->hand_view),
                            draft != NULL ? draft : text != NULL ? text : "", -1);
  gtk_widget_set_sensitive (GTK_WIDGET (view->composed_button), paragraph != NULL && paragraph->hand_written);
}

static void
hand_popover_show (GkParagraphRow *view,
                   GtkWidget      *popover)
{
  view->editors_filled = TRUE;
  hand_editor_fill (view, view->item != NULL ? view->item->paragraph : NULL);
}

static char *
hand_editor_dup_text (GkParagraphRow *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view->hand_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Closed without being used, the text typed is kept for the next time. */
static void
hand_popover_closed (GkParagraphRow *view,
                     GtkPopover     *popover)
{
  const GkParagraph *paragraph = view->item != NULL ? view->item->paragraph : NULL;
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  if (view->applying || view->id == NULL)
    return;
  text = hand_editor_dup_text (view);
  shown = paragraph != NULL ? gk_paragraph_dup_text (paragraph) : NULL;
  gk_narrative_page_set_draft (view->page, view->id,
                               g_strcmp0 (g_strstrip (text), shown != NULL ? g_strstrip (shown) : "") != 0 &&
                               text[0] != '\0' ? text : NULL);
}

static void
hand_apply_clicked (GkParagraphRow *view,
                    GtkButton      *button)
{
  g_autofree char *text = hand_editor_dup_text (view);
  g_autofree char *id = g_strdup (view->id);

  g_strstrip (text);
  /* Empty text would mean "composed" to the model; say so explicitly. */
  if (text[0] == '\0')
    return;
  view->applying = TRUE;
  gtk_popover_popdown (view->hand_popover);
  view->applying = FALSE;
  gk_narrative_page_set_draft (view->page, id, NULL);
  gk_document_set_hand_written (gk_page_get_document (GK_PAGE (view->page)), id, text);
}

static void
hand_composed_clicked (GkParagraphRow *view,
                       GtkButton      *button)
{
  g_autofree char *id = g_strdup (view->id);

  view->applying = TRUE;
  gtk_popover_popdown (view->hand_popover);
  view->applying = FALSE;
  gk_narrative_page_set_draft (view->page, id, NULL);
  gk_document_set_hand_written (gk_page_get_document (GK_PAGE (view->page)), id, NULL);
}

/* The popovers are made when a paragraph is first edited, not for each of
 * the thousands of paragraphs of a long text. */
static void
gk_paragraph_row_ensure_editors (GkParagraphRow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  if (self->prior_popover != NULL)
    return;
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (scope, prior_popover_show);
  gtk_builder_cscope_add_callback (scope, prior_apply_clicked);
  gtk_builder_cscope_add_callback (scope, hand_popover_show);
  gtk_builder_cscope_add_callback (scope, hand_popover_closed);
  gtk_builder_cscope_add_callback (scope, hand_apply_clicked);
  gtk_builder_cscope_add_callback (scope, hand_composed_clicked);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, "/io/github/gongkai/Gongkai/gk-paragraph-editors.ui", &error))
    g_error ("%s", error->message);

  self->prior_popover = GTK_POPOVER (gtk_builder_get_object (builder, "prior_popover"));
  self->prior_fields = GTK_BOX (gtk_builder_get_object (builder, "prior_fields"));
  self->hand_popover = GTK_POPOVER (gtk_builder_get_object (builder, "hand_popover"));
  self->hand_view = GTK_TEXT_VIEW (gtk_builder_get_object (builder, "hand_view"));
  self->composed_button = GTK_BUTTON (gtk_builder_get_object (builder, "composed_button"));
  gtk_menu_button_set_popover (self->prior_button, GTK_WIDGET (self->prior_popover));
  gtk_menu_button_set_popover (self->hand_button, GTK_WIDGET (self->hand_popover));
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  gk_paragraph_row_ensure_editors (GK_PARAGRAPH_ROW (user_data));
}

static void
set_markup (GkParagraphRow *view,
            char           *markup)
{
  /* Most edits change a few paragraphs of thousands: the others keep
   * their laid-out text. */
  if (g_strcmp0 (markup, view->markup) != 0)
    {
      gtk_label_set_markup (view->label, markup);
      g_free (view->markup);
      view->markup = markup;
    }
  else
    g_free (markup);
}

static void
clear_style (GkParagraphRow *view)
{
  static const char * const classes[] = { "title-2", "title-3", "title-4", "heading", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (view->label), classes[i]);
  gtk_widget_remove_css_class (view->text_box, "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (view), 0);
  gtk_widget_set_margin_start (view->text_box, 0);
}

static void
show_paragraph (GkParagraphRow    *view,
                const GkParagraph *paragraph)
{
  view->editable = paragraph->style != GK_PARAGRAPH_PERFORMANCE;
  switch (paragraph->style)
    {
    case GK_PARAGRAPH_HEADING:
      gtk_widget_add_css_class (GTK_WIDGET (view->label), "title-4");
      break;
    case GK_PARAGRAPH_SUBHEADING:
      gtk_widget_add_css_class (GTK_WIDGET (view->label), "heading");
      gtk_widget_set_margin_top (GTK_WIDGET (view), 6);
      break;
    case GK_PARAGRAPH_LIST_ITEM:
      gtk_widget_set_margin_start (view->text_box, 16);
      break;
    case GK_PARAGRAPH_PERFORMANCE:
      gtk_widget_add_css_class (GTK_WIDGET (view->label), "dim-label");
      gtk_widget_set_margin_start (view->text_box, 16);
      break;
    case GK_PARAGRAPH_BODY:
    default:
      break;
    }
  /* Left out of the disclosure: still here, dimmed, to be switched on. */
  if (paragraph->off)
    gtk_widget_add_css_class (view->text_box, "dim-label");

  set_markup (view, paragraph_markup (paragraph));
  view->hand_written = paragraph->hand_written;
  gtk_widget_set_visible (GTK_WIDGET (view->hand_tag), view->editable && paragraph->hand_written);

  view->binding = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (view->off_switch), TRUE);
  gtk_switch_set_active (view->off_switch, !paragraph->off);
  view->binding = FALSE;

  /* A hand-written paragraph has no spans to trace back; keep the keys it
   * had, so its figures can still be given. */
  if (!paragraph->hand_written || view->keys == NULL)
    {
      g_strfreev (view->keys);
      view->keys = paragraph_prior_keys (paragraph);
      g_strfreev (view->fields);
      view->fields = gk_paragraph_fields_of (paragraph);
    }
  gtk_widget_set_visible (GTK_WIDGET (view->prior_button),
                          view->editable && !paragraph->off &&
                          ((view->keys != NULL && view->keys[0] != NULL) ||
                           (view->fields != NULL && view->fields[0] != NULL)));
  /* A heading is rewritten on the page it names (a project's name on
   * 项目与绩效目标), so it gets no hand-written text here. */
  gtk_widget_set_visible (GTK_WIDGET (view->hand_button),
                          view->editable && !paragraph->off && paragraph->style != GK_PARAGRAPH_HEADING &&
                          paragraph->style != GK_PARAGRAPH_SUBHEADING);

  /* Closed editors follow the document; an open one keeps what is being
   * typed. Their fields are made when first wanted, not for every
   * paragraph of a long text. */
  if (!view->editors_filled || !view->editable)
    return;
  if (!gtk_widget_get_visible (GTK_WIDGET (view->prior_popover)))
    prior_editor_fill (view);
  if (!gtk_widget_get_visible (GTK_WIDGET (view->hand_popover)))
    hand_editor_fill (view, paragraph);
}

/* Shows @item, or shows it again after it changed. */
void
gk_paragraph_row_bind (GkParagraphRow  *view,
                       GkNarrativeItem *item)
{
  g_return_if_fail (GK_IS_PARAGRAPH_ROW (view));
  g_return_if_fail (GK_IS_NARRATIVE_ITEM (item));

  if (view->item != item || g_strcmp0 (view->id, item->id) != 0)
    {
      gk_paragraph_row_unbind (view);
      view->item = g_object_ref (item);
      view->id = g_strdup (item->id);
      gtk_widget_set_name (GTK_WIDGET (view->label), item->id);
    }

  clear_style (view);
  if (item->kind != GK_NARRATIVE_ITEM_PARAGRAPH || item->paragraph == NULL)
    {
      view->editable = FALSE;
      view->hand_written = FALSE;
      g_clear_pointer (&view->keys, g_strfreev);
      g_clear_pointer (&view->fields, g_strfreev);
      gtk_widget_add_css_class (GTK_WIDGET (view->label),
                                item->kind == GK_NARRATIVE_ITEM_PART ? "title-2" : "title-3");
      if (item->kind != GK_NARRATIVE_ITEM_PARAGRAPH)
        gtk_widget_set_margin_top (GTK_WIDGET (view), item->kind == GK_NARRATIVE_ITEM_PART ? 24 : 18);
      set_markup (view, g_markup_escape_text (item->text != NULL ? item->text : "", -1));
      gtk_widget_set_visible (GTK_WIDGET (view->hand_tag), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (view->off_switch), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (view->prior_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (view->hand_button), FALSE);
      return;
    }
  show_paragraph (view, item->paragraph);
}

/* The row is given to another line: what is open is closed, and what was
 * typed in it kept as the paragraph's draft. */
void
gk_paragraph_row_unbind (GkParagraphRow *view)
{
  g_return_if_fail (GK_IS_PARAGRAPH_ROW (view));

  if (view->hand_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (view->hand_popover)))
    gtk_popover_popdown (view->hand_popover);
  if (view->prior_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (view->prior_popover)))
    gtk_popover_popdown (view->prior_popover);
  view->editors_filled = FALSE;
  g_clear_object (&view->item);
  g_clear_pointer (&view->id, g_free);
  g_clear_pointer (&view->keys, g_strfreev);
}

static void
switch_active_changed (GkParagraphRow *view,
                       GParamSpec     *pspec,
                       GtkSwitch      *button)
{
  if (view->binding || view->id == NULL)
    return;
  gk_document_set_paragraph_off (gk_page_get_document (GK_PAGE (view->page)), view->id,
                                 !gtk_switch_get_active (button));
}

GtkWidget *
gk_paragraph_row_new (GkNarrativePage *page)
{
  GkParagraphRow *self;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (page), NULL);

  self = g_object_new (GK_TYPE_PARAGRAPH_ROW, NULL);
  self->page = page;
  return GTK_WIDGET (self);
}

const char *
gk_paragraph_row_get_id (GkParagraphRow *self)
{
  g_return_val_if_fail (GK_IS_PARAGRAPH_ROW (self), NULL);
  return self->id;
}

GtkWidget *
gk_paragraph_row_get_label (GkParagraphRow *self)
{
  g_return_val_if_fail (GK_IS_PARAGRAPH_ROW (self), NULL);
  return GTK_WIDGET (self->label);
}

static void
gk_paragraph_row_fill_editors (GkParagraphRow *self)
{
  gk_paragraph_row_ensure_editors (self);
  if (self->editors_filled)
    return;
  self->editors_filled = TRUE;
  prior_editor_fill (self);
  hand_editor_fill (self, self->item != NULL ? self->item->paragraph : NULL);
}

/* NULL for a heading, which is not switched off. */
GtkWidget *
gk_paragraph_row_get_switch (GkParagraphRow *self)
{
  g_return_val_if_fail (GK_IS_PARAGRAPH_ROW (self), NULL);
  if (self->item == NULL || self->item->kind != GK_NARRATIVE_ITEM_PARAGRAPH)
    return NULL;
  return GTK_WIDGET (self->off_switch);
}

/* NULL for a performance line, which is not edited here. */
GtkWidget *
gk_paragraph_row_get_prior_button (GkParagraphRow *self)
{
  g_return_val_if_fail (GK_IS_PARAGRAPH_ROW (self), NULL);
  if (!self->editable)
    return NULL;
  gk_paragraph_row_fill_editors (self);
  return GTK_WIDGET (self->prior_button);
}

GtkWidget *
gk_paragraph_row_get_hand_button (GkParagraphRow *self)
{
  g_return_val_if_fail (GK_IS_PARAGRAPH_ROW (self), NULL);
  if (!self->editable)
    return NULL;
  gk_paragraph_row_fill_editors (self);
  return GTK_WIDGET (self->hand_button);
}

static void
gk_paragraph_row_dispose (GObject *object)
{
  GkParagraphRow *self = GK_PARAGRAPH_ROW (object);

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (object), GK_TYPE_PARAGRAPH_ROW);

  G_OBJECT_CLASS (gk_paragraph_row_parent_class)->dispose (object);
}

static void
gk_paragraph_row_finalize (GObject *object)
{
  GkParagraphRow *self = GK_PARAGRAPH_ROW (object);

  g_free (self->id);
  g_free (self->markup);
  g_strfreev (self->keys);
  g_strfreev (self->fields);

  G_OBJECT_CLASS (gk_paragraph_row_parent_class)->finalize (object);
}

static void
gk_paragraph_row_class_init (GkParagraphRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_paragraph_row_dispose;
  object_class->finalize = gk_paragraph_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-paragraph-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GkParagraphRow, text_box);
  gtk_widget_class_bind_template_child (widget_class, GkParagraphRow, label);
  gtk_widget_class_bind_template_child (widget_class, GkParagraphRow, hand_tag);
  gtk_widget_class_bind_template_child (widget_class, GkParagraphRow, off_switch);
  gtk_widget_class_bind_template_child (widget_class, GkParagraphRow, prior_button);
  gtk_widget_class_bind_template_child (widget_class, GkParagraphRow, hand_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
gk_paragraph_row_init (GkParagraphRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A menu button without its popover yet would be insensitive. */
  gtk_menu_button_set_create_popup_func (self->prior_button, create_popup, self, NULL);
  gtk_menu_button_set_create_popup_func (self->hand_button, create_popup, self, NULL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  g_signal_connect_swapped (self->off_switch, "notify::active", G_CALLBACK (switch_active_changed), self);
  /* The list's rows touch; paragraphs are set apart as on the page. */
  gtk_widget_set_margin_start (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 8);
}
