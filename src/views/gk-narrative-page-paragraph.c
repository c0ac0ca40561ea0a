/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-narrative-page-private.h"

/* The paragraphs of 情况说明: generated figures set apart from typed text,
 * and the popovers for last year's figures, the reasons and hand-written
 * text. */

void
gk_paragraph_view_free (gpointer data)
{
  GkParagraphView *view = data;

  g_free (view->id);
  g_strfreev (view->keys);
  g_free (view);
}

/* Colours of libadwaita's accent and error in the current style; markup
 * cannot name the CSS colours. */
void
gk_narrative_page_get_colours (const char **figure,
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

  gk_narrative_page_get_colours (&figure, &missing);

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

/* What a prior-year key compares, in the document's own words. */
static char *
describe_key (GkDocument *document,
              const char *key)
{
  static const struct { const char *key; const char *name; } names[] = {
    { "income.total", "收入总计" },
    { "income.general", "一般公共预算拨款收入" },
    { "income.fund", "政府性基金预算拨款收入" },
    { "income.special", "财政专户管理资金收入" },
    { "income.business", "事业收入" },
    { "income.operating", "事业单位经营收入" },
    { "income.other", "其他收入" },
    { "income.reserve", "用事业基金弥补收支差额" },
    { "income.carryover", "上年结余" },
    { "expenditure.total", "支出合计" },
    { "expenditure.basic", "基本支出" },
    { "expenditure.project", "项目支出" },
    { "general.total", "一般公共预算当年拨款" },
    { "sangong.total", "“三公”经费合计" },
    { "sangong.abroad", "因公出国（境）费" },
    { "sangong.vehicle-purchase", "公务用车购置费" },
    { "sangong.vehicle-operation", "公务用车运行维护费" },
    { "sangong.reception", "公务接待费" },
    { "running-costs", "机关运行经费" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (key, names[i].key))
      return g_strdup (names[i].name);

  if (g_str_has_prefix (key, "function."))
    {
      const char *code = key + strlen ("function.");
      const char *name = gk_document_get_code_name (document, GK_CLASSIFICATION_FUNCTION, code);

      return name != NULL ? g_strdup_printf ("%s %s", code, name) : g_strdup (code);
    }
  return g_strdup (key);
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
prior_editor_fill (GkParagraphView *view)
{
  GkDocument *document = gk_page_get_document (GK_PAGE (view->page));
  GkExplanation *explanation = gk_document_get_explanation (document);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (view->prior_fields)) != NULL)
    gtk_box_remove (GTK_BOX (view->prior_fields), child);

  for (guint i = 0; view->keys != NULL && view->keys[i] != NULL; i++)
    {
      const char *key = view->keys[i];
      GkPrior *prior = gk_explanation_lookup_prior (explanation, key);
      g_autofree char *title = describe_key (document, key);
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
      gtk_box_append (GTK_BOX (view->prior_fields), heading);

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
      gtk_box_append (GTK_BOX (view->prior_fields), grid);
    }
}

static void
prior_popover_show (GtkWidget       *popover,
                    GkParagraphView *view)
{
  prior_editor_fill (view);
}

/* All the figures of the paragraph go in as one undoable edit; nothing is
 * written while any amount is not a figure. */
static void
prior_apply_clicked (GtkButton       *button,
                     GkParagraphView *view)
{
  g_autoptr(GkDocument) document = g_object_ref (gk_page_get_document (GK_PAGE (view->page)));
  GkExplanation *explanation = gk_document_get_explanation (document);
  g_auto(GStrv) keys = g_strdupv (view->keys);
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
      GtkWidget *entry = find_named (view->prior_fields, amount_name);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
      const char *reason = gtk_editable_get_text (GTK_EDITABLE (find_named (view->prior_fields, reason_name)));

      gtk_widget_remove_css_class (entry, "error");
      if (text[0] != '\0' && !gk_amount_parse (text, GK_AMOUNT_PARSE_DEFAULT, &amounts[i], NULL))
        {
          gtk_widget_add_css_class (entry, "error");
          valid = FALSE;
        }
      actual[i] = gtk_drop_down_get_selected (GTK_DROP_DOWN (find_named (view->prior_fields, basis_name))) == 1;
      /* An untouched key stays unknown rather than becoming a zero. */
      given[i] = text[0] != '\0' || reason[0] != '\0' || gk_explanation_lookup_prior (explanation, keys[i]) != NULL;
      g_ptr_array_add (reasons, g_strdup (reason));
    }
  if (!valid)
    return;

  gtk_popover_popdown (GTK_POPOVER (view->prior_popover));
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
  gk_document_end_action (document);
}

static void
create_prior_editor (GkParagraphView *view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Comparison with Last Year"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Apply"));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_size_request (box, 420, -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (GTK_BOX (box), title);

  view->prior_fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), view->prior_fields);

  gtk_widget_set_name (apply, "apply");
  gtk_widget_set_halign (apply, GTK_ALIGN_END);
  gtk_widget_set_margin_top (apply, 6);
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect (apply, "clicked", G_CALLBACK (prior_apply_clicked), view);
  gtk_box_append (GTK_BOX (box), apply);

  view->prior_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (view->prior_popover), box);
  g_signal_connect (view->prior_popover, "show", G_CALLBACK (prior_popover_show), view);

  view->prior_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (view->prior_button), "document-edit-symbolic");
  gtk_widget_set_tooltip_text (view->prior_button, _("Edit last year’s figures and the reasons for the change"));
  gtk_widget_set_valign (view->prior_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (view->prior_button, "flat");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (view->prior_button), view->prior_popover);
}

/* Hand-written text -------------------------------------------------------- */

static void
hand_editor_fill (GkParagraphView   *view,
                  const GkParagraph *paragraph)
{
  g_autofree char *text = paragraph != NULL ? gk_paragraph_dup_text (paragraph) : NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view->hand_view), text != NULL ? text : "", -1);
  gtk_widget_set_sensitive (view->composed_button, paragraph != NULL && paragraph->hand_written);
}

static void
hand_popover_show (GtkWidget       *popover,
                   GkParagraphView *view)
{
  hand_editor_fill (view, gk_narrative_lookup_paragraph (view->page->sections, view->id));
}

static void
hand_apply_clicked (GtkButton       *button,
                    GkParagraphView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view->hand_view);
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  /* Empty text would mean "composed" to the model; say so explicitly. */
  if (text[0] == '\0')
    return;
  gtk_popover_popdown (GTK_POPOVER (view->hand_popover));
  gk_document_set_hand_written (gk_page_get_document (GK_PAGE (view->page)), view->id, text);
}

static void
hand_composed_clicked (GtkButton       *button,
                       GkParagraphView *view)
{
  gtk_popover_popdown (GTK_POPOVER (view->hand_popover));
  gk_document_set_hand_written (gk_page_get_document (GK_PAGE (view->page)), view->id, NULL);
}

static void
create_hand_editor (GkParagraphView *view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("Hand-Written Paragraph"));
  GtkWidget *note = gtk_label_new (_("The text replaces the composed paragraph; its figures are no longer updated from the tables."));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Use This Text"));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (GTK_BOX (box), title);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 50);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), note);

  view->hand_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_widget_set_name (GTK_WIDGET (view->hand_view), "text");
  gtk_text_view_set_wrap_mode (view->hand_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view->hand_view, 6);
  gtk_text_view_set_bottom_margin (view->hand_view, 6);
  gtk_text_view_set_left_margin (view->hand_view, 6);
  gtk_text_view_set_right_margin (view->hand_view, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view->hand_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 480, 180);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), scroller);

  view->composed_button = gtk_button_new_with_mnemonic (_("Back to _Composed Text"));
  gtk_widget_set_name (view->composed_button, "composed");
  g_signal_connect (view->composed_button, "clicked", G_CALLBACK (hand_composed_clicked), view);
  gtk_widget_set_hexpand (view->composed_button, TRUE);
  gtk_widget_set_halign (view->composed_button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), view->composed_button);
  gtk_widget_set_name (apply, "apply");
  gtk_widget_add_css_class (apply, "suggested-action");
  g_signal_connect (apply, "clicked", G_CALLBACK (hand_apply_clicked), view);
  gtk_box_append (GTK_BOX (buttons), apply);
  gtk_box_append (GTK_BOX (box), buttons);

  view->hand_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (view->hand_popover), box);
  g_signal_connect (view->hand_popover, "show", G_CALLBACK (hand_popover_show), view);

  view->hand_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (view->hand_button), "format-justify-left-symbolic");
  gtk_widget_set_tooltip_text (view->hand_button, _("Write this paragraph by hand"));
  gtk_widget_set_valign (view->hand_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (view->hand_button, "flat");
  /* Rewriting by hand is the exception; the reason button is the usual edit. */
  gtk_widget_add_css_class (view->hand_button, "dim-label");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (view->hand_button), view->hand_popover);
}

/* Paragraphs ---------------------------------------------------------------- */

void
gk_paragraph_view_update (GkParagraphView   *view,
                          const GkParagraph *paragraph)
{
  g_autofree char *markup = paragraph_markup (paragraph);

  gtk_label_set_markup (GTK_LABEL (view->label), markup);
  view->hand_written = paragraph->hand_written;
  if (view->hand_tag != NULL)
    gtk_widget_set_visible (view->hand_tag, paragraph->hand_written);

  /* A hand-written paragraph has no spans to trace back; keep the keys it
   * had, so its figures can still be given. */
  if (!paragraph->hand_written)
    {
      g_strfreev (view->keys);
      view->keys = paragraph_prior_keys (paragraph);
    }
  if (view->prior_button != NULL)
    gtk_widget_set_visible (view->prior_button, view->keys != NULL && view->keys[0] != NULL);

  /* Closed editors follow the document; an open one keeps what is being typed. */
  if (view->prior_popover != NULL && !gtk_widget_get_visible (view->prior_popover))
    prior_editor_fill (view);
  if (view->hand_popover != NULL && !gtk_widget_get_visible (view->hand_popover))
    hand_editor_fill (view, paragraph);
}

GtkWidget *
gk_narrative_page_add_paragraph (GkNarrativePage   *self,
                                 const GkParagraph *paragraph)
{
  GkParagraphView *view = g_new0 (GkParagraphView, 1);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  view->page = self;
  view->id = g_strdup (paragraph->id);

  view->label = gtk_label_new (NULL);
  gtk_widget_set_name (view->label, paragraph->id);
  gtk_label_set_xalign (GTK_LABEL (view->label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (view->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (view->label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (view->label), TRUE);
  gtk_widget_set_hexpand (view->label, TRUE);
  gtk_widget_set_focusable (view->label, FALSE);

  switch (paragraph->style)
    {
    case GK_PARAGRAPH_HEADING:
      gtk_widget_add_css_class (view->label, "title-4");
      break;
    case GK_PARAGRAPH_SUBHEADING:
      gtk_widget_add_css_class (view->label, "heading");
      gtk_widget_set_margin_top (row, 6);
      break;
    case GK_PARAGRAPH_LIST_ITEM:
      gtk_widget_set_margin_start (text_box, 16);
      break;
    case GK_PARAGRAPH_PERFORMANCE:
      gtk_widget_add_css_class (view->label, "dim-label");
      gtk_widget_set_margin_start (text_box, 16);
      break;
    case GK_PARAGRAPH_BODY:
    default:
      break;
    }
  gtk_box_append (GTK_BOX (text_box), view->label);

  if (paragraph->style != GK_PARAGRAPH_PERFORMANCE)
    {
      view->hand_tag = gtk_label_new (_("Hand-written"));
      gtk_label_set_xalign (GTK_LABEL (view->hand_tag), 0.0);
      gtk_widget_add_css_class (view->hand_tag, "caption");
      gtk_widget_add_css_class (view->hand_tag, "dim-label");
      gtk_box_append (GTK_BOX (text_box), view->hand_tag);
    }
  gtk_box_append (GTK_BOX (row), text_box);

  if (paragraph->style != GK_PARAGRAPH_PERFORMANCE)
    {
      create_prior_editor (view);
      gtk_box_append (GTK_BOX (row), view->prior_button);
      create_hand_editor (view);
      gtk_box_append (GTK_BOX (row), view->hand_button);
      /* A heading is rewritten on the page it names (a project's name on
       * 项目与绩效目标), so it gets no hand-written text here. */
      gtk_widget_set_visible (view->hand_button, paragraph->style != GK_PARAGRAPH_HEADING &&
                                                 paragraph->style != GK_PARAGRAPH_SUBHEADING);
    }

  gk_paragraph_view_update (view, paragraph);
  g_hash_table_replace (self->views, view->id, view);
  return row;
}
