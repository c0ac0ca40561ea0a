/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-checks-page.h"
#include "gk-charts-page.h"
#include "gk-document-io.h"
#include "gk-glossary-page.h"
#include "gk-narrative-page.h"
#include "gk-overview-page.h"
#include "gk-projects-page.h"
#include "gk-table-pages.h"
#include "gk-window-private.h"

typedef enum
{
  GK_PAGE_GROUP_UNIT,
  GK_PAGE_GROUP_TABLES,
  GK_PAGE_GROUP_NOTES,
  GK_PAGE_GROUP_REVIEW,
} GkPageGroup;

typedef struct
{
  /* Stable: stored in GSettings and used as the GtkStack child name. */
  const char  *id;
  GkPageGroup  group;
  const char  *title;
  const char  *description;
} GkPageInfo;

/* A page of the sidebar: the fixed ones below, and one per table of the
 * document's template, named by the table's role. */
typedef struct
{
  char        *id;
  GkPageGroup  group;
  char        *title;         /* translated */
  char        *description;   /* translated, or NULL */
} GkWindowPage;

/* The sidebar lists the document in its printed order, then the review
 * pages. The unit overview opens the document and needs no heading. */
static const char * const group_titles[] = {
  [GK_PAGE_GROUP_UNIT] = NULL,
  [GK_PAGE_GROUP_TABLES] = N_("Disclosure Tables"),
  [GK_PAGE_GROUP_NOTES] = N_("Notes"),
  [GK_PAGE_GROUP_REVIEW] = N_("Review"),
};

static const GkPageInfo fixed_pages[] = {
  { "overview", GK_PAGE_GROUP_UNIT,
    N_("Unit Overview"),
    N_("Main functions, internal organisation and staffing of the unit.") },
  { "explanation", GK_PAGE_GROUP_NOTES,
    N_("Explanatory Notes"),
    N_("The ten sections that explain the tables in sentences, with their figures taken from the tables.") },
  { "projects", GK_PAGE_GROUP_NOTES,
    N_("Projects and Performance Targets"),
    N_("Each project with its policy basis, amount, owner and performance targets.") },
  { "glossary", GK_PAGE_GROUP_NOTES,
    N_("Glossary"),
    N_("The terms explained at the end of the disclosure.") },
  { "charts", GK_PAGE_GROUP_REVIEW,
    N_("Charts"),
    N_("Expenditure by function, basic against project, personnel against public, this year against last.") },
  { "checks", GK_PAGE_GROUP_REVIEW,
    N_("Checks"),
    N_("Every rule the document breaks, with the cells involved and what would fix it.") },
};

static void
gk_window_page_free (gpointer data)
{
  GkWindowPage *page = data;

  g_free (page->id);
  g_free (page->title);
  g_free (page->description);
  g_free (page);
}

static void
add_page (GPtrArray   *pages,
          const char  *id,
          GkPageGroup  group,
          char        *title,
          char        *description)
{
  GkWindowPage *page = g_new0 (GkWindowPage, 1);

  page->id = g_strdup (id);
  page->group = group;
  page->title = title;
  page->description = description;
  g_ptr_array_add (pages, page);
}

static void
add_fixed_pages (GPtrArray   *pages,
                 GkPageGroup  group)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_pages); i++)
    if (fixed_pages[i].group == group)
      add_page (pages, fixed_pages[i].id, group,
                g_strdup (_(fixed_pages[i].title)), g_strdup (_(fixed_pages[i].description)));
}

/* The pages of a document of @template, in the sidebar's order. */
static GPtrArray *
gk_window_list_pages (GkTemplate *template)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (gk_window_page_free);

  add_fixed_pages (pages, GK_PAGE_GROUP_UNIT);
  for (guint i = 0; i < gk_template_get_n_tables (template); i++)
    {
      const GkTableSchema *schema = gk_template_get_table (template, i);

      add_page (pages, schema->id, GK_PAGE_GROUP_TABLES, gk_table_schema_dup_name (schema), NULL);
    }
  add_fixed_pages (pages, GK_PAGE_GROUP_NOTES);
  add_fixed_pages (pages, GK_PAGE_GROUP_REVIEW);
  return pages;
}

static inline GkWindowPage *
page_at (GkWindow *self,
         guint     index)
{
  g_assert (index < self->pages->len);
  return self->pages->pdata[index];
}

G_DEFINE_FINAL_TYPE (GkWindow, gk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SELECTED_PAGE,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GkWindow *
gk_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (GK_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static int
gk_window_find_page (GkWindow   *self,
                     const char *page_id)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      if (g_str_equal (page_at (self, i)->id, page_id))
        return i;
    }

  return -1;
}

const char *
gk_window_get_selected_page (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);

  return page_at (self, self->selected)->id;
}

void
gk_window_set_selected_page (GkWindow   *self,
                             const char *page_id)
{
  GtkListBoxRow *row;
  int index;

  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (page_id != NULL);

  /* An id saved by another version of Gongkai, or a table the document's
   * template does not have, names no page here; the overview is the
   * natural place to start then. */
  index = gk_window_find_page (self, page_id);
  if (index < 0)
    {
      g_debug ("No page “%s”, showing the unit overview", page_id);
      index = 0;
    }

  row = gtk_list_box_get_row_at_index (self->sidebar, index);
  gtk_list_box_select_row (self->sidebar, row);
}

/* win.toast: the pages' messages, in the window's overlay. */
static void
gk_window_action_toast (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gk_window_add_toast (GK_WINDOW (widget), adw_toast_new (g_variant_get_string (parameter, NULL)));
}

/* win.show-finding: the finding at a position of the checker, shown on
 * the page of its first place with a cell it involves focused. */
static void
gk_window_action_show_finding (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autoptr(GkFinding) finding = NULL;

  if (self->checker == NULL)
    return;
  finding = g_list_model_get_item (G_LIST_MODEL (self->checker), g_variant_get_uint32 (parameter));
  if (finding == NULL || gk_finding_get_n_places (finding) == 0)
    return;
  if (gk_window_find_page (self, gk_checks_page_page_of_finding (finding)) < 0)
    {
      gk_window_add_toast (self, adw_toast_new (_("This document’s tables do not include the one this finding is about")));
      return;
    }
  gk_window_set_selected_page (self, gk_checks_page_page_of_finding (finding));
  gk_checks_page_focus_finding (gk_window_get_page (self, gk_window_get_selected_page (self)), finding);
}

void
gk_window_add_toast (GkWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
gk_window_try_reveal_selected_row (GkWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->sidebar_scroller);
  graphene_rect_t bounds;

  if (row == NULL)
    return TRUE;

  if (gtk_widget_get_height (GTK_WIDGET (row)) <= 0 ||
      gtk_adjustment_get_page_size (vadjustment) <= 0 ||
      !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->sidebar), &bounds))
    return FALSE;

  gtk_adjustment_clamp_page (vadjustment,
                             bounds.origin.y,
                             bounds.origin.y + bounds.size.height);
  return TRUE;
}

static gboolean
gk_window_reveal_tick (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  GkWindow *self = GK_WINDOW (widget);

  if (!gk_window_try_reveal_selected_row (self))
    return G_SOURCE_CONTINUE;

  self->reveal_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* Scrolls the sidebar so that the selected row shows, which matters when
 * a page near the end is restored or selected from elsewhere. Before the
 * rows have their size, that waits for a frame in which they have it. */
static void
gk_window_reveal_selected_row (GkWindow *self)
{
  if (self->reveal_tick_id != 0 || gk_window_try_reveal_selected_row (self))
    return;

  self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                       gk_window_reveal_tick,
                                                       NULL, NULL);
}

static void
gk_window_sidebar_row_selected (GkWindow      *self,
                                GtkListBoxRow *row,
                                GtkListBox    *list_box)
{
  guint index;

  /* The list loses its selection only while it is torn down or rebuilt. */
  if (row == NULL)
    return;

  index = gtk_list_box_row_get_index (row);

  /* What is being typed on the page being left goes into the document
   * first; a figure that cannot be entered keeps its page, and its text,
   * to be corrected. */
  if ((guint) index != self->selected && !_gk_window_commit_pending (self))
    {
      gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, self->selected));
      return;
    }

  gk_window_get_page (self, page_at (self, index)->id);
  gtk_stack_set_visible_child_name (self->stack, page_at (self, index)->id);
  adw_window_title_set_title (self->page_title, page_at (self, index)->title);
  gk_window_reveal_selected_row (self);

  if (index != self->selected)
    {
      self->selected = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PAGE]);
    }
}

/* A click on the sidebar moves the focus to the row before the row is
 * selected, and a cell losing the focus gives up a figure it cannot
 * enter: the figure is committed before the list box sees the click. */
static void
gk_window_sidebar_pressed (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           GkWindow        *self)
{
  if (!_gk_window_commit_pending (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
gk_window_sidebar_row_activated (GkWindow      *self,
                                 GtkListBoxRow *row,
                                 GtkListBox    *list_box)
{
  if (gk_split_get_folded (self->split))
    gk_split_set_show_content (self->split, TRUE);
}

static void
gk_window_update_sidebar_header (GtkListBoxRow *row,
                                 GtkListBoxRow *before,
                                 gpointer       user_data)
{
  GkWindow *self = user_data;
  GkPageGroup group = page_at (self, gtk_list_box_row_get_index (row))->group;
  GtkWidget *heading;

  if (group_titles[group] == NULL ||
      (before != NULL && page_at (self, gtk_list_box_row_get_index (before))->group == group))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  heading = gtk_label_new (_(group_titles[group]));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "gk-sidebar-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_list_box_row_set_header (row, heading);
}

/* Shown while there is no document, and for the pages others provide. */
static GtkWidget *
gk_window_create_placeholder (GkWindowPage *info)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), info->title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), info->description);
  return page;
}

static GtkWidget *
gk_window_create_document_page (GkWindow *self,
                                guint     index)
{
  GkWindowPage *info = page_at (self, index);
  const char *id = info->id;
  GkTable *table;

  if (self->document == NULL)
    return gk_window_create_placeholder (info);

  table = gk_document_get_table (self->document, id);
  if (info->group == GK_PAGE_GROUP_TABLES && table != NULL)
    return gk_table_pages_create (self->document, table);
  if (g_str_equal (id, "overview"))
    return gk_overview_page_new (self->document);
  if (g_str_equal (id, "projects"))
    return gk_projects_page_new (self->document);
  if (g_str_equal (id, "glossary"))
    return gk_glossary_page_new (self->document);
  if (g_str_equal (id, "charts"))
    return gk_charts_page_new (self->document);
  if (g_str_equal (id, "explanation"))
    return gk_narrative_page_new (self->document);
  if (g_str_equal (id, "checks"))
    return gk_checks_page_new (self->checker);

  return gk_window_create_placeholder (info);
}

/* The pages get the checker from the window rather than look for it. */
static GtkWidget *
gk_window_create_page (GkWindow *self,
                       guint     index)
{
  GtkWidget *page = gk_window_create_document_page (self, index);

  if (GK_IS_PAGE (page))
    gk_page_set_checker (GK_PAGE (page), self->checker);
  return page;
}

/* The page shown for @page_id, built on its first visit: with 10 000
 * projects the pages together cost seconds and gigabytes. */
GtkWidget *
gk_window_get_page (GkWindow   *self,
                    const char *page_id)
{
  GtkWidget *page;
  int index;

  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  g_return_val_if_fail (page_id != NULL, NULL);

  page = gtk_stack_get_child_by_name (self->stack, page_id);
  if (page == NULL && self->pages != NULL && (index = gk_window_find_page (self, page_id)) >= 0)
    gtk_stack_add_named (self->stack, page = gk_window_create_page (self, index), page_id);
  return page;
}

/* The errors, or the warnings when there is no error, next to 审核. */
static void
gk_window_update_checks_count (GkWindow *self)
{
  guint n_errors = self->checker != NULL ? gk_checker_get_n_errors (self->checker) : 0;
  guint n_warnings = self->checker != NULL ? gk_checker_get_n_warnings (self->checker) : 0;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->checks_count), n_errors + n_warnings > 0);
  gtk_widget_remove_css_class (GTK_WIDGET (self->checks_count), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->checks_count), "warning");
  if (n_errors + n_warnings == 0)
    return;

  text = g_strdup_printf ("%u", n_errors > 0 ? n_errors : n_warnings);
  tooltip = n_errors > 0
              ? g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors)
              : g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  gtk_label_set_text (self->checks_count, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->checks_count), tooltip);
  gtk_widget_add_css_class (GTK_WIDGET (self->checks_count), n_errors > 0 ? "error" : "warning");
}

static void
gk_window_add_checks_count (GkWindow      *self,
                            GtkListBoxRow *row,
                            GtkWidget     *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  g_object_ref (label);
  gtk_list_box_row_set_child (row, box);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  g_object_unref (label);

  self->checks_count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->checks_count), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->checks_count), "gk-checks-count");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->checks_count));
  gk_window_update_checks_count (self);
}

/* One checker per document: the 审核 page lists its findings and the
 * table pages mark the cells they involve. */
static void
gk_window_set_checker (GkWindow   *self,
                       GkDocument *document)
{
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_clear_object (&self->checker);
  if (document != NULL)
    {
      self->checker = gk_checker_new (document);
      g_signal_connect_object (self->checker, "notify::n-errors", G_CALLBACK (gk_window_update_checks_count), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->checker, "notify::n-warnings", G_CALLBACK (gk_window_update_checks_count), self, G_CONNECT_SWAPPED);
    }
  gk_window_update_checks_count (self);
}

GkChecker *
gk_window_get_checker (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  return self->checker;
}

static GtkWidget *
gk_window_create_row (GkWindow     *self,
                      GkWindowPage *info)
{
  GtkWidget *row;
  GtkWidget *label;

  label = gtk_label_new (info->title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  if (g_str_equal (info->id, "checks"))
    gk_window_add_checks_count (self, GTK_LIST_BOX_ROW (row), label);
  return row;
}

/* The sidebar and the pages follow the document's template (the default
 * one while there is no document); every page shows the document it was
 * made for, so a new document or a new template gets new pages. The
 * selected page stays selected when the new list has it. */
static void
gk_window_rebuild_pages (GkWindow *self)
{
  GtkStackTransitionType transition = gtk_stack_get_transition_type (self->stack);
  GkTemplate *template = self->document != NULL ? gk_document_get_template (self->document)
                                                : gk_template_get_default ();
  g_autofree char *selected = self->pages != NULL ? g_strdup (gk_window_get_selected_page (self))
                                                  : g_strdup ("overview");
  GtkWidget *child;
  int index;

  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_NONE);
  /* GTK 4.8 keeps the window's focus on a widget of a page removed from
   * the stack, unrooted and soon finalized (a table cell, say), and the
   * next widget to take the focus reads it: the focus leaves the pages
   * before they go. */
  if (gtk_root_get_focus (GTK_ROOT (self)) != NULL &&
      gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (self)), GTK_WIDGET (self->stack)))
    gtk_root_set_focus (GTK_ROOT (self), NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))) != NULL)
    gtk_stack_remove (self->stack, child);
  self->checks_count = NULL;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = gk_window_list_pages (template);
  for (guint i = 0; i < self->pages->len; i++)
    gtk_list_box_append (self->sidebar, gk_window_create_row (self, page_at (self, i)));

  index = gk_window_find_page (self, selected);
  if (index < 0)
    index = 0;
  if ((guint) index != self->selected)
    {
      self->selected = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PAGE]);
    }
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, index));
  gk_window_get_page (self, page_at (self, index)->id);
  gtk_stack_set_visible_child_name (self->stack, page_at (self, index)->id);
  gtk_stack_set_transition_type (self->stack, transition);
}

static void
gk_window_bind_settings (GkWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  /* Running from the build tree without GSETTINGS_SCHEMA_DIR: work, but
   * forget the window state, rather than abort as g_settings_new() would. */
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; the window state will not be saved",
                 APPLICATION_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "selected-page", self, "selected-page", G_SETTINGS_BIND_DEFAULT);
}

static void
gk_window_update_history (GkWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->document != NULL && gk_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->document != NULL && gk_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-template", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-year", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.properties", self->document != NULL);
  gk_window_budget_update (self);
  gtk_stack_set_visible_child_name (self->main_stack, self->document != NULL ? "document" : "start");
  gk_window_update_title (self);
}

GkDocument *
gk_window_get_document (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  return self->document;
}

GFile *
gk_window_get_file (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  return self->file;
}

void
gk_window_set_document (GkWindow   *self,
                        GkDocument *document,
                        GFile      *file)
{
  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (!document || GK_IS_DOCUMENT (document));

  g_set_object (&self->file, file);
  if (document != NULL && document == self->document)
    {
      /* The same document under another name (Save As): the window goes on
       * following it, so its handlers stay connected. */
      gk_window_document_set (self, FALSE);
      return;
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  self->restored = FALSE;
  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (gk_window_update_history), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (gk_window_update_history), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified", G_CALLBACK (gk_window_update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::unit", G_CALLBACK (gk_window_update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::year", G_CALLBACK (gk_window_update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::template", G_CALLBACK (gk_window_rebuild_pages), self, G_CONNECT_SWAPPED);
    }
  gk_window_set_checker (self, document);
  gk_window_rebuild_pages (self);
  gk_window_document_set (self, TRUE);
  gk_window_update_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
gk_window_undo (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  if (self->document != NULL)
    gk_document_undo (self->document);
}

static void
gk_window_redo (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  if (self->document != NULL)
    gk_document_redo (self->document);
}

static void
gk_window_dispose (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);

  if (self->settings != NULL)
    {
      g_settings_unbind (self, "default-width");
      g_settings_unbind (self, "default-height");
      g_settings_unbind (self, "maximized");
      g_settings_unbind (self, "selected-page");
    }
  g_clear_object (&self->settings);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gk_window_document_dispose (self);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_clear_object (&self->checker);
  g_clear_object (&self->document);
  g_clear_object (&self->file);

  if (self->reveal_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
      self->reveal_tick_id = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_WINDOW);

  G_OBJECT_CLASS (gk_window_parent_class)->dispose (object);
}

static void
gk_window_finalize (GObject *object)
{
  GkWindow *self = GK_WINDOW (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_window_parent_class)->finalize (object);
}

static void
gk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GkWindow *self = GK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_PAGE:
      g_value_set_string (value, gk_window_get_selected_page (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GkWindow *self = GK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_PAGE:
      gk_window_set_selected_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_window_class_init (GkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_window_dispose;
  object_class->finalize = gk_window_finalize;
  object_class->get_property = gk_window_get_property;
  object_class->set_property = gk_window_set_property;

  properties[PROP_SELECTED_PAGE] =
    g_param_spec_string ("selected-page", NULL, NULL,
                         "overview",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         GK_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-window.ui");
  g_type_ensure (GK_TYPE_START_PAGE);
  g_type_ensure (GK_TYPE_SPLIT);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, split);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, sidebar_scroller);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, gk_window_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, gk_window_sidebar_row_activated);

  gtk_widget_class_bind_template_child (widget_class, GkWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, GkWindow, recent_menu);
  gk_window_document_class_init (klass);
  gk_window_print_class_init (klass);
  gk_window_template_class_init (klass);
  gk_window_budget_class_init (klass);
  gk_window_next_year_class_init (klass);
  gk_window_properties_class_init (klass);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", gk_window_action_toast);
  gtk_widget_class_install_action (widget_class, "win.show-finding", "u", gk_window_action_show_finding);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, gk_window_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, gk_window_redo);
}

/* Files dropped on the window open as if given on the command line: in
 * this window when it holds no document, else in new windows. */
static gboolean
gk_window_drop (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                GkWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  if (array->len == 0 || application == NULL)
    return FALSE;
  g_application_open (application, (GFile **) array->pdata, array->len, "");
  return TRUE;
}

static void
gk_window_init (GkWindow *self)
{
  GtkDropTarget *drop;
  GtkGesture *press;
  static const char * const unavailable_actions[] = {
    "win.save",
    "win.save-as",
    "win.export-pdf",
    "win.edit-template",
    "win.new-year",
    "win.properties",
    "win.undo",
    "win.redo",
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (unavailable_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), unavailable_actions[i], FALSE);

  gtk_list_box_set_header_func (self->sidebar, gk_window_update_sidebar_header, self, NULL);
  press = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect (press, "pressed", G_CALLBACK (gk_window_sidebar_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), GTK_EVENT_CONTROLLER (press));
  gk_window_rebuild_pages (self);
  gk_window_bind_settings (self);
  gk_window_document_init (self);
  gk_window_print_init (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (gk_window_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* Keyboard navigation starts from the restored page. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));
}
