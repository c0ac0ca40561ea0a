/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-narrative-page-private.h"
#include "gk-paragraph-row.h"

/* One paragraph of 情况说明: generated figures set apart from typed text,
 * and the popovers for last year's figures, the reasons and hand-written
 * text. A performance line is shown but not edited here. */
struct _GkParagraphRow
{
  GtkWidget        parent_instance;

  GkNarrativePage *page;          /* unowned: the page holds the row */
  char            *id;
  GStrv            keys;          /* prior-year keys named by the spans */
  GStrv            fields;        /* a 决算's typed facts the spans name: "budget/<key>/reason", "final/<property>" */
  gboolean         hand_written;
  gboolean         editable;      /* not a performance line */
  char            *markup;        /* as last set on the label */
  gboolean         editors_filled; /* the popovers' fields exist and follow the document */

  GtkWidget       *text_box;
  GtkLabel        *label;
  GtkLabel        *hand_tag;
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

/* A 决算's facts a paragraph's spans come from: what a 年初预算 is for and
 * why the 决算 differs ("budget/<key>/purpose", "…/reason"), and the
 * counts and texts of 三公 and 绩效管理 ("final/<property>"). */
static GStrv
paragraph_fields (const GkParagraph *paragraph)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < paragraph->spans->len; i++)
    {
      const GkSpan *span = g_ptr_array_index (paragraph->spans, i);

      if (span->source == NULL)
        continue;
      if (!g_str_has_prefix (span->source, "final/") &&
          !(g_str_has_prefix (span->source, "budget/") &&
            (g_str_has_suffix (span->source, "/purpose") || g_str_has_suffix (span->source, "/reason"))))
        continue;
      if (g_hash_table_add (seen, span->source))
        g_strv_builder_add (builder, span->source);
    }
  return g_strv_builder_end (builder);
}

static const struct { const char *property; const char *name; } fact_names[] = {
  { "sangong-abroad-groups", "因公出国（境）团组（个）" },
  { "sangong-abroad-people", "因公出国（境）人次" },
  { "sangong-abroad-content", "因公出国（境）开支内容" },
  { "sangong-vehicles-bought", "购置公务用车（辆）" },
  { "sangong-vehicle-purchase-use", "公务用车购置主要用于" },
  { "sangong-vehicles-held", "公务用车保有量（辆）" },
  { "sangong-vehicle-operation-use", "公务用车运行维护主要用于" },
  { "sangong-reception-batches", "公务接待批次" },
  { "sangong-reception-people", "公务接待人次" },
  { "sangong-foreign-batches", "接待外宾批次" },
  { "sangong-foreign-people", "接待外宾人次" },
  { "sangong-foreign-amount", "外宾接待支出" },
  { "sangong-reception-use", "公务接待主要用于" },
  { "performance-rules", "预算绩效管理制度" },
  { "performance-mechanism", "预算绩效管理工作机制" },
  { "performance-target-projects", "编报绩效目标的项目（个）" },
  { "performance-target-amount", "编报绩效目标的预算金额" },
  { "performance-tracking-projects", "绩效跟踪评价的项目（个）" },
  { "performance-tracking-amount", "绩效跟踪评价的预算金额" },
  { "performance-self-projects", "绩效自评的项目（个）" },
  { "performance-self-amount", "绩效自评的预算金额" },
  { "performance-average-score", "绩效自评平均得分" },
  { "performance-excellent", "评级为“优”的项目（个）" },
  { "performance-good", "评级为“良”的项目（个）" },
  { "performance-pass", "评级为“合格”的项目（个）" },
  { "performance-fail", "评级为“不合格”的项目（个）" },
  { "performance-problems-found", "发现问题（个）" },
  { "performance-problems-fixed", "已完成整改（个）" },
  { "performance-problems-fixing", "正在整改（个）" },
};

static char *
describe_field (GkDocument *document,
                const char *source)
{
  if (g_str_has_prefix (source, "final/"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (fact_names); i++)
        if (g_str_equal (source + strlen ("final/"), fact_names[i].property))
          return g_strdup (fact_names[i].name);
      return g_strdup (source + strlen ("final/"));
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (source, "/", 3);
      const char *dot = strchr (parts[1], '.');
      const char *code = dot != NULL ? dot + 1 : parts[1];
      const char *name = gk_document_get_code_name (document, GK_CLASSIFICATION_FUNCTION, code);

      if (g_str_equal (code, "total"))
        return g_strdup_printf ("%s：%s", g_str_has_prefix (parts[1], "sangong.") ? "“三公”经费" : "合计",
                                g_str_equal (parts[2], "purpose") ? "主要用于" : "决算数与年初预算不同的原因");
      return g_strdup_printf ("%s%s%s：%s", code, name != NULL ? " " : "", name != NULL ? name : "",
                              g_str_equal (parts[2], "purpose") ? "主要用于" : "决算数与年初预算不同的原因");
    }
}

static GParamSpec *
fact_pspec (GkDocument *document,
            const char *source)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (gk_document_get_final_facts (document)),
                                       source + strlen ("final/"));
}

/* The field's value as the entry shows it: a count not entered is blank. */
static char *
field_text (GkDocument *document,
            const char *source)
{
  GkFinalFacts *facts = gk_document_get_final_facts (document);

  if (g_str_has_prefix (source, "final/"))
    {
      GParamSpec *pspec = fact_pspec (document, source);
      const char *property = source + strlen ("final/");

      if (pspec == NULL)
        return g_strdup ("");
      if (pspec->value_type == G_TYPE_INT)
        {
          int count = gk_final_facts_get_count (facts, property);
          return count == GK_FINAL_FACTS_UNSET ? g_strdup ("") : g_strdup_printf ("%d", count);
        }
      if (pspec->value_type == G_TYPE_INT64)
        return gk_amount_format (gk_final_facts_get_amount (facts, property));
      return g_strdup (gk_final_facts_get_text (facts, property) ? gk_final_facts_get_text (facts, property) : "");
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (source, "/", 3);
      GkBudget *budget = gk_document_get_budget (document);
      const char *text = g_str_equal (parts[2], "purpose") ? gk_budget_get_purpose (budget, parts[1])
                                                           : gk_budget_get_reason (budget, parts[1]);

      return g_strdup (text != NULL ? text : "");
    }
}

/* Writes what was typed into a field, inside the caller's action. FALSE,
 * writing nothing, when a count or amount is not one. */
static gboolean
field_apply (GkDocument *document,
             const char *source,
             const char *text,
             gboolean    check_only)
{
  if (g_str_has_prefix (source, "final/"))
    {
      GParamSpec *pspec = fact_pspec (document, source);
      GkFinalFacts *facts = gk_document_get_final_facts (document);
      const char *property = source + strlen ("final/");

      if (pspec == NULL)
        return FALSE;
      if (pspec->value_type == G_TYPE_INT)
        {
          guint64 count = 0;

          if (text[0] != '\0' && !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &count, NULL))
            return FALSE;
          if (!check_only)
            gk_document_set_int (document, facts, property, text[0] != '\0' ? (gint64) count : GK_FINAL_FACTS_UNSET);
          return TRUE;
        }
      if (pspec->value_type == G_TYPE_INT64)
        {
          GkAmount amount = 0;

          if (text[0] != '\0' && !gk_amount_parse (text, GK_AMOUNT_PARSE_DEFAULT, &amount, NULL))
            return FALSE;
          if (!check_only)
            gk_document_set_int (document, facts, property, amount);
          return TRUE;
        }
      if (!check_only)
        gk_document_set_text (document, facts, property, text);
      return TRUE;
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (source, "/", 3);
      GkBudgetFigure *figure;

      if (check_only)
        return TRUE;
      /* A reason typed for a 项 the budget lacks keeps its 年初预算 at 0. */
      if (gk_budget_lookup (gk_document_get_budget (document), parts[1]) == NULL && text[0] == '\0')
        return TRUE;
      figure = gk_document_ensure_budget_figure (document, parts[1]);
      gk_document_set_text (document, figure, parts[2], text);
      return TRUE;
    }
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
    { "sangong-all.total", "全口径“三公”经费合计" },
    { "procurement.total", "政府采购预算合计" },
    { "procurement.goods", "政府采购货物预算" },
    { "procurement.works", "政府采购工程预算" },
    { "procurement.services", "政府采购服务预算" },
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
  /* 基本支出 by economic 类: "301 工资福利支出". */
  if (g_str_has_prefix (key, "basic."))
    {
      const char *code = key + strlen ("basic.");
      const char *name = gk_document_get_code_name (document, GK_CLASSIFICATION_ECONOMIC, code);

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
      g_autofree char *title = describe_field (document, view->fields[i]);
      g_autofree char *name = g_strdup_printf ("field:%s", view->fields[i]);
      g_autofree char *text = field_text (document, view->fields[i]);
      GtkWidget *heading = gtk_label_new (title);
      GtkWidget *entry = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, i > 0 || (view->keys != NULL && view->keys[0] != NULL) ? 12 : 0);
      gtk_widget_set_name (entry, name);
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
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
      if (!field_apply (document, fields[i], text, TRUE))
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
    field_apply (document, fields[i], field_texts->pdata[i], FALSE);
  gk_document_end_action (document);
}

/* Hand-written text -------------------------------------------------------- */

static void
hand_editor_fill (GkParagraphRow    *view,
                  const GkParagraph *paragraph)
{
  g_autofree char *text = paragraph != NULL ? gk_paragraph_dup_text (paragraph) : NULL;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view->hand_view), text != NULL ? text : "", -1);
  gtk_widget_set_sensitive (GTK_WIDGET (view->composed_button), paragraph != NULL && paragraph->hand_written);
}

static void
hand_popover_show (GkParagraphRow *view,
                   GtkWidget      *popover)
{
  view->editors_filled = TRUE;
  hand_editor_fill (view, gk_narrative_lookup_paragraph (view->page->sections, view->id));
}

static void
hand_apply_clicked (GkParagraphRow *view,
                    GtkButton      *button)
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
  gtk_popover_popdown (view->hand_popover);
  gk_document_set_hand_written (gk_page_get_document (GK_PAGE (view->page)), view->id, text);
}

static void
hand_composed_clicked (GkParagraphRow *view,
                       GtkButton      *button)
{
  gtk_popover_popdown (view->hand_popover);
  gk_document_set_hand_written (gk_page_get_document (GK_PAGE (view->page)), view->id, NULL);
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

void
gk_paragraph_row_update (GkParagraphRow    *view,
                         const GkParagraph *paragraph)
{
  g_autofree char *markup = paragraph_markup (paragraph);

  /* Most edits change a few paragraphs of thousands: the others keep
   * their laid-out text. */
  if (g_strcmp0 (markup, view->markup) != 0)
    {
      gtk_label_set_markup (view->label, markup);
      g_free (view->markup);
      view->markup = g_steal_pointer (&markup);
    }
  view->hand_written = paragraph->hand_written;
  gtk_widget_set_visible (GTK_WIDGET (view->hand_tag), view->editable && paragraph->hand_written);

  /* A hand-written paragraph has no spans to trace back; keep the keys it
   * had, so its figures can still be given. */
  if (!paragraph->hand_written)
    {
      g_strfreev (view->keys);
      view->keys = paragraph_prior_keys (paragraph);
      g_strfreev (view->fields);
      view->fields = paragraph_fields (paragraph);
    }
  gtk_widget_set_visible (GTK_WIDGET (view->prior_button),
                          view->editable && ((view->keys != NULL && view->keys[0] != NULL) ||
                                             (view->fields != NULL && view->fields[0] != NULL)));

  /* Closed editors follow the document; an open one keeps what is being
   * typed. Their fields are made when first wanted, not for every
   * paragraph of a long text. */
  if (!view->editors_filled)
    return;
  if (view->editable && !gtk_widget_get_visible (GTK_WIDGET (view->prior_popover)))
    prior_editor_fill (view);
  if (view->editable && !gtk_widget_get_visible (GTK_WIDGET (view->hand_popover)))
    hand_editor_fill (view, paragraph);
}

GtkWidget *
gk_paragraph_row_new (GkNarrativePage   *page,
                      const GkParagraph *paragraph)
{
  GkParagraphRow *self;

  g_return_val_if_fail (GK_IS_NARRATIVE_PAGE (page), NULL);
  g_return_val_if_fail (paragraph != NULL, NULL);

  self = g_object_new (GK_TYPE_PARAGRAPH_ROW, NULL);
  self->page = page;
  self->id = g_strdup (paragraph->id);
  self->editable = paragraph->style != GK_PARAGRAPH_PERFORMANCE;
  gtk_widget_set_name (GTK_WIDGET (self->label), paragraph->id);

  switch (paragraph->style)
    {
    case GK_PARAGRAPH_HEADING:
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "title-4");
      break;
    case GK_PARAGRAPH_SUBHEADING:
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "heading");
      gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
      break;
    case GK_PARAGRAPH_LIST_ITEM:
      gtk_widget_set_margin_start (self->text_box, 16);
      break;
    case GK_PARAGRAPH_PERFORMANCE:
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
      gtk_widget_set_margin_start (self->text_box, 16);
      break;
    case GK_PARAGRAPH_BODY:
    default:
      break;
    }

  /* A heading is rewritten on the page it names (a project's name on
   * 项目与绩效目标), so it gets no hand-written text here. */
  gtk_widget_set_visible (GTK_WIDGET (self->hand_button),
                          self->editable && paragraph->style != GK_PARAGRAPH_HEADING &&
                          paragraph->style != GK_PARAGRAPH_SUBHEADING);

  gk_paragraph_row_update (self, paragraph);
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
  hand_editor_fill (self, gk_narrative_lookup_paragraph (self->page->sections, self->id));
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
}
