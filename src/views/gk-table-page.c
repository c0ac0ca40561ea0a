/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-dialog.h"
#include "gk-summary-line.h"
#include "gk-table-page-private.h"

/* A table of the disclosure as it is printed, with its entered cells
 * editable in place.
 *
 * The rows are a GtkTreeListModel over the table's roots (类 → 款 → 项, or
 * projects under their 项) followed by the 合计 row, flattened; 表一 and 表四
 * are lists of GkSummaryLine, income beside expenditure as printed. The
 * columns are those of the printed layout (gk-table-layout.h), so the
 * titles cannot differ from the PDF's.
 *
 * The page is split by concern: gk-table-page-focus.c (cell focus),
 * gk-table-page-columns.c (columns, cells and rows),
 * gk-table-page-clipboard.c (copy and paste) and gk-table-page-chart.c
 * (the chart pane). Which subclass shows which table is gk-table-pages.c's
 * business, not the base class's. */

G_DEFINE_TYPE_WITH_PRIVATE (GkTablePage, gk_table_page, GK_TYPE_PAGE)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_EMPTY_EXPLANATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GkTablePagePrivate *
_gk_table_page_get_private (GkTablePage *self)
{
  return gk_table_page_get_instance_private (self);
}

GkDocument *
gk_table_page_get_document (GkTablePage *self)
{
  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return gk_page_get_document (GK_PAGE (self));
}

GkTable *
gk_table_page_get_table (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return priv->table;
}

GtkColumnView *
gk_table_page_get_column_view (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return priv->column_view;
}

/* The code and name columns that stay in view while the amounts scroll;
 * shown only while they do, and NULL on a table without them. */
GtkColumnView *
gk_table_page_get_frozen_view (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return priv->n_frozen > 0 ? priv->frozen_view : NULL;
}

/* The GkTableHeader of merged header cells over the column titles. */
GtkWidget *
gk_table_page_get_header (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return GTK_WIDGET (priv->group_header);
}

/* The rows as shown: GtkTreeListRow (tree rows), GkRow (the 合计 row) or
 * GkSummaryLine (表一, 表四). */
GListModel *
gk_table_page_get_rows (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return priv->rows;
}

const char *
gk_table_page_get_empty_explanation (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return gk_table_get_empty_explanation (priv->table);
}

void
gk_table_page_set_empty_explanation (GkTablePage *self,
                                     const char  *explanation)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  g_autofree char *stripped = NULL;

  g_return_if_fail (GK_IS_TABLE_PAGE (self));

  stripped = g_strstrip (g_strdup (explanation ? explanation : ""));
  if (g_strcmp0 (stripped, gk_table_get_empty_explanation (priv->table) ?: "") == 0)
    return;
  /* The table notifies; the page forwards that as its own notify. */
  gk_document_set_text (priv->document, priv->table, "empty-explanation",
                        stripped[0] != '\0' ? stripped : NULL);
}

void
gk_table_page_show_message (GkTablePage *self,
                            const char  *message)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  AdwToast *toast;

  g_return_if_fail (GK_IS_TABLE_PAGE (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (priv->toast_overlay, toast);
}

/* Items ----------------------------------------------------------------- */

/* The model row an item shows on one side (only summaries have two). */
GkRow *
_gk_table_page_item_dup_row (gpointer item,
              gboolean right)
{
  if (GTK_IS_TREE_LIST_ROW (item))
    return right ? NULL : gtk_tree_list_row_get_item (item);
  if (GK_IS_ROW (item))
    return right ? NULL : g_object_ref (item);
  if (GK_IS_SUMMARY_LINE (item))
    {
      GkRow *row = right ? gk_summary_line_get_right (item) : gk_summary_line_get_left (item);
      return row ? g_object_ref (row) : NULL;
    }
  return NULL;
}

gboolean
_gk_table_page_item_is_total (gpointer item)
{
  if (GK_IS_SUMMARY_LINE (item))
    return gk_summary_line_is_total (item);
  if (GK_IS_ROW (item))
    return gk_row_get_kind (item) == GK_ROW_KIND_TOTAL;
  return FALSE;
}

GkRow *
gk_table_page_get_row_at (GkTablePage *self,
                          guint        position)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  g_autoptr(GObject) item = NULL;
  GkRow *row;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);

  item = g_list_model_get_item (priv->rows, position);
  if (item == NULL)
    return NULL;
  row = _gk_table_page_item_dup_row (item, FALSE);
  /* Its table holds the row; the page hands out no reference. */
  if (row != NULL)
    g_object_unref (row);
  return row;
}

static gboolean
row_is_ancestor (GkRow *ancestor,
                 GkRow *row)
{
  for (GkRow *r = gk_row_get_parent (row); r != NULL; r = gk_row_get_parent (r))
    if (r == ancestor)
      return TRUE;
  return FALSE;
}

/* The position of @row, expanding its collapsed ancestors on the way;
 * G_MAXUINT when the page does not show it. */
guint
gk_table_page_find_row (GkTablePage *self,
                        GkRow       *row)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), G_MAXUINT);
  g_return_val_if_fail (GK_IS_ROW (row), G_MAXUINT);

  for (guint i = 0; i < g_list_model_get_n_items (priv->rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (priv->rows, i);
      g_autoptr(GkRow) left = _gk_table_page_item_dup_row (item, FALSE);
      g_autoptr(GkRow) right = _gk_table_page_item_dup_row (item, TRUE);

      if (left == row || right == row)
        return i;
      if (left != NULL && GTK_IS_TREE_LIST_ROW (item) && row_is_ancestor (left, row))
        gtk_tree_list_row_set_expanded (GTK_TREE_LIST_ROW (item), TRUE);
    }
  return G_MAXUINT;
}
static void
gk_table_page_update_empty (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  gtk_widget_set_visible (priv->empty_box, gk_table_is_empty (priv->table));
}

/* Entries commit on Enter and when the focus leaves them. */
static void
entry_sync (GtkEntry   *entry,
            const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ?: "");
}

static void
gk_table_page_note_changed (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  entry_sync (priv->note_entry, gk_table_get_note (priv->table));
}

static void
gk_table_page_empty_explanation_changed (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  entry_sync (priv->empty_entry, gk_table_get_empty_explanation (priv->table));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_EXPLANATION]);
}

static void
gk_table_page_note_commit (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (priv->note_entry))));

  if (g_strcmp0 (text, gk_table_get_note (priv->table) ?: "") != 0)
    gk_document_set_text (priv->document, priv->table, "note", text[0] ? text : NULL);
}

static void
gk_table_page_empty_commit (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  gk_table_page_set_empty_explanation (self, gtk_editable_get_text (GTK_EDITABLE (priv->empty_entry)));
}

static void
connect_entry (GkTablePage *self,
               GtkEntry    *entry,
               GCallback    commit)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (entry, "activate", commit, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", commit, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

/* Rows ------------------------------------------------------------------ */

GkRow *
gk_table_page_get_selected_row (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (priv->selection));
  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    return gk_table_page_get_row_at (self, position);
  return gk_table_page_get_focus_row (self);
}

/* After a subclass added @row: show it and put the focus in its first
 * entered cell. */
void
gk_table_page_added_row (GkTablePage *self,
                         GkRow       *row)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  guint position;

  g_return_if_fail (GK_IS_TABLE_PAGE (self));
  g_return_if_fail (GK_IS_ROW (row));

  position = gk_table_page_find_row (self, row);
  if (position == G_MAXUINT)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (priv->selection), position, TRUE);
  for (guint c = 0; c < gk_row_get_n_columns (row); c++)
    if (gk_row_is_cell_entered (row, c))
      {
        gk_table_page_focus_cell (self, row, c);
        return;
      }
}

static void
gk_table_page_add_row_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GkTablePage *self = GK_TABLE_PAGE (widget);
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  if (GK_TABLE_PAGE_GET_CLASS (self)->add_row != NULL)
    GK_TABLE_PAGE_GET_CLASS (self)->add_row (self, priv->add_button);
}

static void
remove_response (AdwMessageDialog *dialog,
                 const char       *response,
                 GkTablePage      *self)
{
  GkRow *row = g_object_get_data (G_OBJECT (dialog), "gk-row");

  if (g_strcmp0 (response, "remove") == 0 && gk_row_get_table (row) != NULL)
    GK_TABLE_PAGE_GET_CLASS (self)->remove_row (self, row);
}

static void
gk_table_page_remove_row_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  GkTablePage *self = GK_TABLE_PAGE (widget);
  GkTablePageClass *klass = GK_TABLE_PAGE_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GkRow *row = gk_table_page_get_selected_row (self);
  GtkWidget *dialog;

  if (klass->remove_row == NULL)
    return;
  if (row == NULL)
    {
      gk_table_page_show_message (self, _("Select the row to remove first"));
      return;
    }
  if (klass->can_remove_row != NULL && !klass->can_remove_row (self, row, &error))
    {
      gk_table_page_show_message (self, error->message);
      return;
    }
  /* Only figures are worth a question; an empty row comes back with undo. */
  if (!gk_row_has_figures (row) || !GTK_IS_WINDOW (root))
    {
      klass->remove_row (self, row);
      return;
    }

  if (gk_row_get_kind (row) == GK_ROW_KIND_PROJECT)
    heading = g_strdup_printf (_("Remove the Project “%s”?"), gk_row_get_name (row));
  else if (gk_row_get_code (row) == NULL)
    heading = g_strdup_printf (_("Remove the Row “%s”?"), gk_row_get_name (row) ?: "");
  else
    heading = g_strdup_printf (_("Remove %s %s?"), gk_row_get_code (row), gk_row_get_name (row));
  dialog = gk_dialog_new_message (widget, heading,
                                   gk_row_is_leaf (row)
                                     ? _("The figures entered in this row are removed with it.")
                                     : _("The rows below it and their figures are removed with it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "gk-row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject --------------------------------------------------------------- */

/* The cells already made mark the findings of the new checker too. */
static void
gk_table_page_checker_changed (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, priv->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    gk_table_cell_set_checker (cell, gk_page_get_checker (GK_PAGE (self)));
}

static void
gk_table_page_constructed (GObject *object)
{
  GkTablePage *self = GK_TABLE_PAGE (object);
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GkTablePageClass *klass = GK_TABLE_PAGE_GET_CLASS (self);
  const GkTableSchema *schema;
  g_autoptr(GkTableLayout) layout = NULL;
  g_autofree char *label = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *money = NULL;
  gboolean entered_lines = FALSE;

  G_OBJECT_CLASS (gk_table_page_parent_class)->constructed (object);

  /* Held by GkPage for the page's life; kept here for the split files. */
  priv->document = gk_page_get_document (GK_PAGE (self));
  g_assert (GK_IS_DOCUMENT (priv->document));
  g_assert (GK_IS_TABLE (priv->table));

  schema = gk_table_get_schema (priv->table);
  layout = gk_table_layout_new (priv->document, priv->table);

  /* The printed wording of the heading lines, whatever the UI language. */
  label = gk_table_schema_dup_label (schema);
  unit = g_strdup_printf ("编制部门：%s", gk_document_get_unit (priv->document) ?: "");
  money = g_strdup (layout->unit_line);
  gtk_label_set_text (priv->number_label, label);
  /* A template that does not number its tables labels them by title. */
  gtk_widget_set_visible (GTK_WIDGET (priv->number_label), schema->number[0] != '\0');
  gtk_label_set_text (priv->title_label, schema->title);
  gtk_label_set_text (priv->unit_label, unit);
  gtk_label_set_text (priv->money_label, money);

  /* A summary with lines of its own (决算's 年初结转和结余) is typed
   * into like any table; one without is all computed. */
  for (guint i = 0; schema->lines != NULL && i < schema->lines->len; i++)
    entered_lines |= ((GkLineSchema *) schema->lines->pdata[i])->entered;
  if (gk_table_schema_is_summary (schema) && !entered_lines)
    {
      g_autofree char *source = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GkRow) probe = NULL;
      GListModel *roots = gk_table_get_roots (priv->table);

      probe = g_list_model_get_item (roots, 0);
      source = probe ? gk_table_cell_describe_derivation (probe, 0) : g_strdup ("");
      text = g_strdup_printf (_("Nothing in this table is typed in: every figure is computed. %s."), source);
      gtk_label_set_text (priv->derived_label, text);
      gtk_widget_set_visible (priv->derived_box, TRUE);
    }
  gtk_widget_set_visible (priv->legend_label, !gk_table_schema_is_summary (schema) || entered_lines);

  _gk_table_page_build_columns (self, layout);
  _gk_table_page_build_rows (self);
  _gk_table_page_range_setup (self);
  _gk_table_page_frozen_setup (self);

  gtk_widget_set_visible (priv->add_button, klass->add_row != NULL);
  gtk_widget_set_visible (priv->remove_button, klass->remove_row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.add-row", klass->add_row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.remove-row", klass->remove_row != NULL);

  entry_sync (priv->note_entry, gk_table_get_note (priv->table));
  entry_sync (priv->empty_entry, gk_table_get_empty_explanation (priv->table));
  connect_entry (self, priv->note_entry, G_CALLBACK (gk_table_page_note_commit));
  connect_entry (self, priv->empty_entry, G_CALLBACK (gk_table_page_empty_commit));
  g_signal_connect_object (priv->table, "notify::note", G_CALLBACK (gk_table_page_note_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->table, "notify::empty-explanation",
                           G_CALLBACK (gk_table_page_empty_explanation_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->document, "changed", G_CALLBACK (gk_table_page_update_empty),
                           self, G_CONNECT_SWAPPED);
  gk_table_page_update_empty (self);
  _gk_table_page_setup_chart (self);
  g_signal_connect (self, "notify::checker", G_CALLBACK (gk_table_page_checker_changed), NULL);
}

static void
gk_table_page_dispose (GObject *object)
{
  GkTablePage *self = GK_TABLE_PAGE (object);
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_clear_object (&priv->settings);
  _gk_table_page_frozen_dispose (self);
  g_clear_pointer (&priv->context_menu, gtk_widget_unparent);
  g_clear_handle_id (&priv->chart_split_id, g_source_remove);
  if (priv->pending_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), priv->pending_tick_id);
      priv->pending_tick_id = 0;
    }
  /* gtk_widget_dispose_template() of GTK 4.8 reads the template of the
   * instance's own class, which a subclass does not have; the template's
   * one top widget goes by hand. The cells unbind while the column view
   * goes, so `cells` lives until finalize. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->rows);
  g_clear_object (&priv->tree);
  g_clear_object (&priv->total_store);
  g_clear_object (&priv->summary_lines);
  g_clear_object (&priv->focus_row);
  g_clear_object (&priv->table);

  G_OBJECT_CLASS (gk_table_page_parent_class)->dispose (object);
}

static void
gk_table_page_finalize (GObject *object)
{
  GkTablePage *self = GK_TABLE_PAGE (object);
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_ptr_array_unref (priv->columns);
  g_hash_table_unref (priv->cells);

  G_OBJECT_CLASS (gk_table_page_parent_class)->finalize (object);
}

static void
gk_table_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GkTablePage *self = GK_TABLE_PAGE (object);
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, priv->table);
      break;
    case PROP_EMPTY_EXPLANATION:
      g_value_set_string (value, gk_table_page_get_empty_explanation (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_table_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GkTablePage *self = GK_TABLE_PAGE (object);
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TABLE:
      priv->table = g_value_dup_object (value);
      break;
    case PROP_EMPTY_EXPLANATION:
      gk_table_page_set_empty_explanation (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_table_page_class_init (GkTablePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gk_table_page_constructed;
  object_class->dispose = gk_table_page_dispose;
  object_class->finalize = gk_table_page_finalize;
  object_class->get_property = gk_table_page_get_property;
  object_class->set_property = gk_table_page_set_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, GK_TYPE_TABLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The sentence an empty table is published with; setting it is an
   * undoable edit of the document. */
  properties[PROP_EMPTY_EXPLANATION] =
    g_param_spec_string ("empty-explanation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GK_TYPE_TABLE_HEADER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-table-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, toast_overlay);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, number_label);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, title_label);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, add_button);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, add_button_content);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, remove_button);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, legend_label);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, derived_box);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, derived_label);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, unit_label);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, money_label);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, scroller);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, column_view);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, frozen_scroller);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, frozen_view);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, group_header);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, empty_box);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, empty_entry);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, note_entry);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, chart_toggle);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, chart_scroller);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, chart_paned);

  gtk_widget_class_install_action (widget_class, "table.add-row", NULL, gk_table_page_add_row_action);
  gtk_widget_class_install_action (widget_class, "table.remove-row", NULL, gk_table_page_remove_row_action);
  _gk_table_page_clipboard_class_init (widget_class);
  _gk_table_page_range_class_init (widget_class);
  _gk_table_page_menu_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gk-table-page");
}

static void
gk_table_page_init (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  priv->columns = g_ptr_array_new_with_free_func (g_free);
  priv->cells = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
