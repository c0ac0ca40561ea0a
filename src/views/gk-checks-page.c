/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-checks-page.h"
#include "gk-finding-row.h"
#include "gk-narrative-page.h"
#include "gk-table-page.h"
#include "gk-template.h"

/* 审核: every finding of the window's checker, errors before warnings and
 * grouped by the part of the document they are in. The list is bound to
 * the checker, which keeps the findings that stay the same objects, so the
 * rows follow the edits without being rebuilt. */
struct _GkChecksPage
{
  GkPage         parent_instance;

  GkChecker     *checker;   /* unowned: the page's */

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkLabel      *summary_label;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (GkChecksPage, gk_checks_page, GK_TYPE_PAGE)


static GkTable *
lookup_table (GkDocument *document,
              const char *part)
{
  /* Parts that are not table roles ("overview", "narrative" …) name texts. */
  if (part == NULL)
    return NULL;
  return gk_document_get_table (document, part);
}

/* The row of @table that a place names: a code, "total", a summary line,
 * a 表七 project, or NULL for 表八's single row. */
static GkRow *
lookup_row (GkDocument *document,
            GkTable    *table,
            const char *row_id)
{
  GkProject *project;
  GkRow *row;

  if (row_id == NULL)
    return gk_table_get_single_row (table);
  if (g_str_equal (row_id, "total"))
    return gk_table_get_total_row (table);
  if ((row = gk_table_lookup (table, row_id)) != NULL)
    return row;
  if ((row = gk_table_lookup_line (table, row_id)) != NULL)
    return row;
  project = gk_document_lookup_project (document, row_id);
  if (project != NULL && gk_project_get_row (project) != NULL &&
      gk_row_get_table (gk_project_get_row (project)) == table)
    return gk_project_get_row (project);
  return NULL;
}

static char *
table_title (GkTable *table)
{
  const GkTableSchema *schema = gk_table_get_schema (table);

  return gk_table_schema_dup_name (schema);
}

/* The heading of the group a finding is listed under: its table, or the
 * text page it is on. */
static char *
group_title (GkDocument    *document,
             const GkPlace *place)
{
  GkTable *table;

  if (place == NULL)
    return g_strdup (_("Whole Document"));
  if ((table = lookup_table (document, place->part)) != NULL)
    return table_title (table);
  if (g_str_equal (place->part, "overview"))
    return g_strdup (_("Unit Overview"));
  if (g_str_equal (place->part, "narrative") || g_str_equal (place->part, "explanation"))
    return g_strdup (_("Explanatory Notes"));
  if (g_str_equal (place->part, "projects"))
    return g_strdup (_("Projects and Performance Targets"));
  return g_strdup (_("Whole Document"));
}

/**
 * gk_checks_page_describe_place:
 *
 * Says where @place is in the words of the document: the table, the row's
 * code and name and the column's title for a cell, the page for a text.
 */
char *
gk_checks_page_describe_place (GkDocument    *document,
                               const GkPlace *place)
{
  GString *text;
  GkTable *table;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (place != NULL, NULL);

  text = g_string_new (NULL);
  table = lookup_table (document, place->part);
  if (table != NULL)
    {
      const GkTableSchema *schema = gk_table_get_schema (table);
      GkRow *row = lookup_row (document, table, place->row);
      int column = place->column != NULL ? gk_table_column_index (table, place->column) : -1;

      g_autofree char *label = gk_table_schema_dup_label (schema);
      g_string_append (text, label);
      if (row != NULL && gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
        g_string_append (text, " · 合计");
      else if (row != NULL && gk_row_get_kind (row) != GK_ROW_KIND_SINGLE)
        {
          const char *code = gk_row_get_code (row);
          const char *name = gk_row_get_name (row);

          g_string_append (text, " · ");
          if (code != NULL && *code != '\0' && gk_row_get_kind (row) != GK_ROW_KIND_PROJECT)
            g_string_append_printf (text, "%s ", code);
          g_string_append (text, name != NULL ? name : "");
        }
      else if (g_strcmp0 (place->row, "empty-explanation") == 0)
        g_string_append_printf (text, " · %s", _("explanation of the empty table"));
      else if (place->row != NULL)
        g_string_append_printf (text, " · %s", place->row);

      if (column >= 0)
        g_string_append_printf (text, " · %s", gk_table_schema_get_column (schema, column)->title);
    }
  else
    {
      g_autofree char *group = group_title (document, place);

      g_string_append (text, group);
      if (g_strcmp0 (place->part, "projects") == 0 && place->row != NULL)
        {
          GkProject *project = gk_document_lookup_project (document, place->row);

          if (project != NULL)
            g_string_append_printf (text, " · %s", gk_project_get_name (project));
        }
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GkChecksPage *self = user_data;
  GkFinding *finding = item;
  GkDocument *document = gk_checker_get_document (self->checker);
  g_autoptr(GString) places = g_string_new (NULL);
  guint n_places = gk_finding_get_n_places (finding);

  /* Three places say enough; the first is where the fix goes. */
  for (guint i = 0; i < MIN (n_places, 3); i++)
    {
      g_autofree char *place = gk_checks_page_describe_place (document, gk_finding_get_place (finding, i));

      if (i > 0)
        g_string_append (places, "；");
      g_string_append (places, place);
    }
  if (n_places > 3)
    {
      g_string_append (places, "；");
      g_string_append_printf (places, ngettext ("and %u more place", "and %u more places", n_places - 3),
                              n_places - 3);
    }
  return gk_finding_row_new (finding, places->str);
}

static GkFinding *
row_finding (GtkListBoxRow *row)
{
  return gk_finding_row_get_finding (GK_FINDING_ROW (row));
}

/* The heading of the errors or the warnings, with their count. */
static char *
severity_title (GkChecksPage    *self,
                GkCheckSeverity  severity)
{
  guint n = severity == GK_CHECK_SEVERITY_ERROR ? gk_checker_get_n_errors (self->checker)
                                                : gk_checker_get_n_warnings (self->checker);

  return g_strdup_printf (severity == GK_CHECK_SEVERITY_ERROR
                            ? ngettext ("%u Error", "%u Errors", n)
                            : ngettext ("%u Warning", "%u Warnings", n),
                          n);
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  GkChecksPage *self = user_data;
  GkDocument *document = gk_checker_get_document (self->checker);
  GkFinding *finding = row_finding (row);
  GkFinding *previous = before != NULL ? row_finding (before) : NULL;
  GkCheckSeverity severity = gk_finding_get_severity (finding);
  g_autofree char *group = NULL;
  g_autofree char *previous_group = NULL;
  gboolean new_severity;
  GtkWidget *header, *label;

  group = group_title (document, gk_finding_get_n_places (finding) > 0
                                   ? gk_finding_get_place (finding, 0) : NULL);
  new_severity = previous == NULL || gk_finding_get_severity (previous) != severity;
  if (!new_severity)
    previous_group = group_title (document, gk_finding_get_n_places (previous) > 0
                                              ? gk_finding_get_place (previous, 0) : NULL);
  if (!new_severity && g_strcmp0 (group, previous_group) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (header, "gk-checks-header");
  if (new_severity)
    {
      g_autofree char *title = severity_title (self, severity);

      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "title-4");
      gtk_widget_add_css_class (label, "gk-checks-severity");
      gtk_box_append (GTK_BOX (header), label);
    }
  label = gtk_label_new (group);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (header), label);
  gtk_list_box_row_set_header (row, header);
}

/* The row at @index starts a severity: its heading's first label says
 * how many findings it has. */
static void
update_severity_heading (GkChecksPage *self,
                         guint         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);
  GtkWidget *header = row != NULL ? gtk_list_box_row_get_header (row) : NULL;
  GtkWidget *label = header != NULL ? gtk_widget_get_first_child (header) : NULL;
  g_autofree char *title = NULL;

  if (label == NULL || !GTK_IS_LABEL (label) || !gtk_widget_has_css_class (label, "gk-checks-severity"))
    return;
  title = severity_title (self, gk_finding_get_severity (row_finding (row)));
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) != 0)
    gtk_label_set_text (GTK_LABEL (label), title);
}

static void
update_state (GkChecksPage *self)
{
  guint n_errors = gk_checker_get_n_errors (self->checker);
  guint n_warnings = gk_checker_get_n_warnings (self->checker);
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GString) summary_text = g_string_new (NULL);

  gtk_stack_set_visible_child_name (self->stack, n_errors + n_warnings == 0 ? "empty" : "findings");

  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  if (n_errors > 0 && n_warnings > 0)
    /* Translators: “3 errors and 5 warnings.” */
    summary = g_strdup_printf (_("%s and %s."), errors, warnings);
  else
    summary = g_strdup_printf (_("%s."), n_errors > 0 ? errors : warnings);
  g_string_append (summary_text, summary);
  g_string_append_c (summary_text, '\n');
  g_string_append (summary_text, n_errors > 0
                                   ? _("Errors must be fixed before the disclosure is published. Activate a finding to go to its place.")
                                   : _("Warnings deserve a second look before the disclosure is published. Activate a finding to go to its place."));
  gtk_label_set_text (self->summary_label, summary_text->str);

  /* The headings of the errors and of the warnings carry the counts:
   * their labels are set anew, the other headings and rows stay. */
  update_severity_heading (self, 0);
  update_severity_heading (self, n_errors);
}

static const char *
page_of_part (const char *part)
{
  /* The paragraphs and the figures of 情况说明 are both on its page; what
   * concerns the whole document starts on the overview (the cover). */
  if (g_str_equal (part, "narrative"))
    return "explanation";
  if (g_str_equal (part, "document") || g_str_equal (part, "names"))
    return "overview";
  return part;
}

/* The page that shows the first place of @finding. */
const char *
gk_checks_page_page_of_finding (GkFinding *finding)
{
  g_return_val_if_fail (GK_IS_FINDING (finding), NULL);
  g_return_val_if_fail (gk_finding_get_n_places (finding) > 0, NULL);

  return page_of_part (gk_finding_get_place (finding, 0)->part);
}

/**
 * gk_checks_page_focus_finding:
 *
 * When @page is a table page that shows a place of @finding, focuses the
 * first cell among its places that takes input; on 情况说明, scrolls the
 * paragraph it is about to the top. Returns whether a cell got the focus
 * or a paragraph was shown.
 */
gboolean
gk_checks_page_focus_finding (GtkWidget *page,
                              GkFinding *finding)
{
  GkDocument *document;

  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);
  g_return_val_if_fail (GK_IS_FINDING (finding), FALSE);

  if (GK_IS_NARRATIVE_PAGE (page))
    {
      for (guint i = 0; i < gk_finding_get_n_places (finding); i++)
        {
          const GkPlace *place = gk_finding_get_place (finding, i);

          if (g_str_equal (place->part, "narrative") && place->row != NULL &&
              gk_narrative_page_reveal_paragraph (GK_NARRATIVE_PAGE (page), place->row))
            return TRUE;
        }
      return FALSE;
    }
  if (!GK_IS_TABLE_PAGE (page))
    return FALSE;
  document = gk_table_page_get_document (GK_TABLE_PAGE (page));

  /* A derived cell takes no focus; the entered cells it comes from may. */
  for (guint i = 0; i < gk_finding_get_n_places (finding); i++)
    {
      const GkPlace *place = gk_finding_get_place (finding, i);
      GkTable *table = lookup_table (document, place->part);
      GkRow *row;
      int column;

      if (table == NULL || table != gk_table_page_get_table (GK_TABLE_PAGE (page)) || place->column == NULL)
        continue;
      row = lookup_row (document, table, place->row);
      column = gk_table_column_index (table, place->column);
      if (row != NULL && column >= 0 &&
          gk_table_page_focus_cell (GK_TABLE_PAGE (page), row, column))
        return TRUE;
    }

  return FALSE;
}

/**
 * gk_checks_page_show_finding:
 *
 * Asks the window, through its "win.show-finding" action, to open the
 * page of the finding's first place and focus a cell it involves.
 * Returns whether there was a window to ask.
 */
gboolean
gk_checks_page_show_finding (GkChecksPage *self,
                             GkFinding    *finding)
{
  GListModel *findings;

  g_return_val_if_fail (GK_IS_CHECKS_PAGE (self), FALSE);
  g_return_val_if_fail (GK_IS_FINDING (finding), FALSE);

  if (gk_finding_get_n_places (finding) == 0)
    return FALSE;
  findings = G_LIST_MODEL (self->checker);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(GkFinding) item = g_list_model_get_item (findings, i);

      if (item == finding)
        return gtk_widget_activate_action (GTK_WIDGET (self), "win.show-finding", "u", i);
    }
  return FALSE;
}

static void
gk_checks_page_row_activated (GkChecksPage  *self,
                              GtkListBoxRow *row,
                              GtkListBox    *list)
{
  gk_checks_page_show_finding (self, row_finding (row));
}

GtkWidget *
gk_checks_page_new (GkChecker *checker)
{
  g_return_val_if_fail (GK_IS_CHECKER (checker), NULL);

  return g_object_new (GK_TYPE_CHECKS_PAGE,
                       "document", gk_checker_get_document (checker),
                       "checker", checker,
                       NULL);
}

GkChecker *
gk_checks_page_get_checker (GkChecksPage *self)
{
  g_return_val_if_fail (GK_IS_CHECKS_PAGE (self), NULL);
  return self->checker;
}

GtkListBox *
gk_checks_page_get_list (GkChecksPage *self)
{
  g_return_val_if_fail (GK_IS_CHECKS_PAGE (self), NULL);
  return self->list;
}

/* Whether the page says that the document passes every check. */
gboolean
gk_checks_page_is_empty (GkChecksPage *self)
{
  g_return_val_if_fail (GK_IS_CHECKS_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

static void
gk_checks_page_constructed (GObject *object)
{
  GkChecksPage *self = GK_CHECKS_PAGE (object);

  G_OBJECT_CLASS (gk_checks_page_parent_class)->constructed (object);

  /* The page lists the findings of the checker it was made with. */
  self->checker = gk_page_get_checker (GK_PAGE (self));
  g_assert (self->checker != NULL);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->checker), create_row, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
  g_signal_connect_object (self->checker, "notify::n-errors", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checker, "notify::n-warnings", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
gk_checks_page_dispose (GObject *object)
{
  GkChecksPage *self = GK_CHECKS_PAGE (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_CHECKS_PAGE);
  self->list = NULL;

  G_OBJECT_CLASS (gk_checks_page_parent_class)->dispose (object);
}

static void
gk_checks_page_class_init (GkChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gk_checks_page_constructed;
  object_class->dispose = gk_checks_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GkChecksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GkChecksPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GkChecksPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GkChecksPage, list);
  gtk_widget_class_bind_template_callback (widget_class, gk_checks_page_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gk_checks_page_init (GkChecksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
