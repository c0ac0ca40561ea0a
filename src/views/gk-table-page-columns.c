/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-document-language.h"
#include "gk-summary-line.h"
#include "gk-table-header.h"
#include "gk-table-page-private.h"
#include "gk-table-unit.h"
#include "gk-tooltip.h"

/* The columns are those of the printed layout (gk-table-layout.h), so the
 * titles cannot differ from the PDF's; the rows are a GtkTreeListModel over
 * the table's roots followed by the 合计 row, or the summary lines of
 * 表一/表四. */

/* Factories ------------------------------------------------------------- */

static void
amount_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnInfo               *info)
{
  GtkWidget *cell = gk_table_cell_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (cell, "commit", G_CALLBACK (_gk_table_page_cell_commit), info->page, G_CONNECT_SWAPPED);
  g_signal_connect_object (cell, "move", G_CALLBACK (_gk_table_page_cell_move), info->page, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "enter", G_CALLBACK (_gk_table_page_cell_focused), info->page, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (cell, focus);
  gtk_list_item_set_child (list_item, cell);
  /* The cell takes the focus itself; the row must not get it first. */
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
amount_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnInfo               *info)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (info->page);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autoptr(GkRow) row = _gk_table_page_item_dup_row (item, info->right);

  gk_table_cell_set_document (GK_TABLE_CELL (cell), priv->document);
  if (row != NULL && (guint) info->model_column < gk_row_get_n_columns (row))
    gk_table_cell_bind (GK_TABLE_CELL (cell), row, info->model_column, list_item);
  else
    gk_table_cell_bind (GK_TABLE_CELL (cell), NULL, 0, NULL);
  gk_table_cell_set_checker (GK_TABLE_CELL (cell), gk_page_get_checker (GK_PAGE (info->page)));
  g_hash_table_add (priv->cells, cell);
  if (_gk_table_page_item_is_total (item))
    gtk_widget_add_css_class (cell, "gk-total");
  else
    gtk_widget_remove_css_class (cell, "gk-total");
  _gk_table_page_mark_cell (info->page, GK_TABLE_CELL (cell));

  if (priv->pending_tick_id != 0 && _gk_table_page_try_focus_pending (info->page))
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (info->page), priv->pending_tick_id);
      priv->pending_tick_id = 0;
    }
}

static void
amount_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnInfo               *info)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (info->page);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  gk_table_cell_unbind (GK_TABLE_CELL (cell));
  g_hash_table_remove (priv->cells, cell);
}

static void
amount_teardown (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 ColumnInfo               *info)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (info->page);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  if (cell != NULL)
    g_hash_table_remove (priv->cells, cell);
}

/* "201" | "03" | "01": the part of the code a code column prints. */
static char *
code_part (const char *code,
           guint       part)
{
  static const guint starts[] = { 0, 3, 5 };
  static const guint lengths[] = { 3, 2, 2 };
  gsize len = code ? strlen (code) : 0;

  if (part >= G_N_ELEMENTS (starts) || len < starts[part] + lengths[part])
    return g_strdup ("");
  return g_strndup (code + starts[part], lengths[part]);
}

/* What a text or code column shows for an item. */
char *
_gk_table_page_column_text (ColumnInfo *info,
             gpointer    item)
{
  g_autoptr(GkRow) row = _gk_table_page_item_dup_row (item, info->right);
  gboolean project;

  if (row == NULL)
    return g_strdup ("");
  project = gk_row_get_kind (row) == GK_ROW_KIND_PROJECT;

  switch (info->kind)
    {
    case GK_LAYOUT_COLUMN_CODE:
      return project ? g_strdup ("") : code_part (gk_row_get_code (row), info->code_part);

    case GK_LAYOUT_COLUMN_AMOUNT:
      {
        GkAmount amount;

        if (info->model_column < 0 || (guint) info->model_column >= gk_row_get_n_columns (row) ||
            !gk_row_get_amount (row, info->model_column, &amount))
          return g_strdup ("");
        return gk_table_format_amount (gk_row_get_table (row), _gk_table_page_get_private (info->page)->document, amount);
      }

    case GK_LAYOUT_COLUMN_TEXT:
    default:
      if (info->project_name)
        return g_strdup (project ? gk_row_get_name (row) : "");
      if (project && info->expander)
        return g_strdup ("");
      /* 表一/表四's expenditure side prints "201 一般公共服务支出". */
      if (info->right && gk_row_get_code (row) != NULL)
        return g_strdup_printf ("%s %s", gk_row_get_code (row), gk_row_get_name (row));
      return g_strdup (gk_row_get_name (row) ?: "");
    }
}

static void
text_refresh (GtkWidget *child)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (child), "gk-column");
  GtkListItem *list_item = g_object_get_data (G_OBJECT (child), "gk-list-item");
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = item ? _gk_table_page_column_text (info, item) : g_strdup ("");
  g_autoptr(GkRow) row = item ? _gk_table_page_item_dup_row (item, info->right) : NULL;
  GtkWidget *label = GTK_IS_TREE_EXPANDER (child) ? gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child)) : child;

  /* The same text set again would still lay the row out anew. */
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
  /* Every row that can have children gets a tree node so that a first
   * child shows up; the arrow is hidden while there are none. */
  if (GTK_IS_TREE_EXPANDER (child))
    {
      if (row == NULL || gk_row_is_leaf (row))
        gtk_widget_add_css_class (child, "gk-leaf");
      else
        gtk_widget_remove_css_class (child, "gk-leaf");
    }
  if (item != NULL && _gk_table_page_item_is_total (item))
    gtk_widget_add_css_class (label, "gk-total");
  else
    gtk_widget_remove_css_class (label, "gk-total");
}

/* A name cut short by the column's width is read in full on hover; asked
 * for only then, so that scrolling lays out no tooltips. */
static gboolean
text_query_tooltip (GtkWidget  *label,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip)
{
  g_autofree char *text = gk_label_dup_cut_text (GTK_LABEL (label));

  if (text == NULL)
    return FALSE;
  gk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
text_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ColumnInfo               *info)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *child = label;

  gtk_label_set_xalign (GTK_LABEL (label), info->kind == GK_LAYOUT_COLUMN_CODE ? 0.5 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gk_label_use_document_language (GTK_LABEL (label));
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (text_query_tooltip), NULL);
  if (info->kind == GK_LAYOUT_COLUMN_CODE)
    gtk_widget_add_css_class (label, "gk-code");
  if (info->kind == GK_LAYOUT_COLUMN_AMOUNT)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "gk-amount");
    }
  if (info->expander)
    {
      child = gtk_tree_expander_new ();
      gtk_widget_set_focusable (child, FALSE);
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (child), label);
    }
  g_object_set_data (G_OBJECT (child), "gk-column", info);
  g_object_set_data (G_OBJECT (child), "gk-list-item", list_item);
  gtk_list_item_set_child (list_item, child);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
text_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnInfo               *info)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autoptr(GkRow) row = _gk_table_page_item_dup_row (item, info->right);

  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child),
                                    GTK_IS_TREE_LIST_ROW (item) ? item : NULL);
  if (row != NULL)
    {
      g_signal_connect_object (row, "notify::name", G_CALLBACK (text_refresh), child, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "changed", G_CALLBACK (text_refresh), child, G_CONNECT_SWAPPED);
      g_signal_connect_object (gk_row_get_children (row), "items-changed", G_CALLBACK (text_refresh),
                               child, G_CONNECT_SWAPPED);
      g_object_set_data_full (G_OBJECT (child), "gk-row", g_object_ref (row), g_object_unref);
    }
  text_refresh (child);
}

static void
text_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnInfo               *info)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GkRow *row = g_object_get_data (G_OBJECT (child), "gk-row");

  if (row != NULL)
    {
      g_signal_handlers_disconnect_by_data (row, child);
      g_signal_handlers_disconnect_by_data (gk_row_get_children (row), child);
      g_object_set_data (G_OBJECT (child), "gk-row", NULL);
    }
  if (GTK_IS_TREE_EXPANDER (child))
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child), NULL);
}

/* Columns and rows -------------------------------------------------------- */

/* The title printed over column @column: the header cell that reaches the
 * last header row above it. */
static const char *
column_title (GkTableLayout *layout,
              guint          column)
{
  for (guint i = 0; i < layout->header->len; i++)
    {
      GkLayoutHeaderCell *cell = layout->header->pdata[i];

      if (cell->row + cell->row_span == layout->n_header_rows &&
          cell->column <= column && column < cell->column + cell->column_span)
        return cell->text;
    }
  return "";
}

/* The width of -123456789012.34, a 12-digit amount in 元 as the table
 * prints it, in the cells' font, with the cell's padding. */
static int
amount_width (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "-123456789012.34");
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  int width, height;

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, &height);
  /* The cell's padding (6 + 6), the figure's (4 + 4) and a margin. */
  return width + 30;
}

static int
column_width (GtkWidget           *widget,
              const GkTableSchema *schema,
              GkLayoutColumnKind   kind)
{
  switch (kind)
    {
    case GK_LAYOUT_COLUMN_CODE:
      /* Room for 经济分类科目编码 over two code columns. */
      return schema->kind == GK_TABLE_KIND_ECONOMIC ? 66 : 44;
    case GK_LAYOUT_COLUMN_TEXT:
      return gk_table_schema_is_summary (schema) ? 200 : 210;
    case GK_LAYOUT_COLUMN_AMOUNT:
    default:
      return MAX (schema->kind == GK_TABLE_KIND_SINGLE ? 112 : 110, amount_width (widget));
    }
}

static GtkListItemFactory *
create_factory (ColumnInfo *info)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (info->kind == GK_LAYOUT_COLUMN_AMOUNT)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (amount_setup), info);
      g_signal_connect (factory, "bind", G_CALLBACK (amount_bind), info);
      g_signal_connect (factory, "unbind", G_CALLBACK (amount_unbind), info);
      g_signal_connect (factory, "teardown", G_CALLBACK (amount_teardown), info);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (text_setup), info);
      g_signal_connect (factory, "bind", G_CALLBACK (text_bind), info);
      g_signal_connect (factory, "unbind", G_CALLBACK (text_unbind), info);
    }
  return factory;
}

/* The columns before the first amount stay in view while the amounts
 * scroll: a second column view over the first's left edge, on the same
 * rows and selection, its columns as wide as the first's. The two sides of
 * 表一/表四 scroll together. */
static void
build_frozen_columns (GkTablePage   *self,
                      GkTableLayout *layout)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  GListModel *columns = gtk_column_view_get_columns (priv->column_view);

  priv->n_frozen = 0;
  if (gk_table_schema_is_summary (gk_table_get_schema (priv->table)))
    return;
  while (priv->n_frozen < layout->n_columns && layout->kinds[priv->n_frozen] != GK_LAYOUT_COLUMN_AMOUNT)
    priv->n_frozen++;
  for (guint i = 0; i < priv->n_frozen; i++)
    {
      g_autoptr(GtkColumnViewColumn) main = g_list_model_get_item (columns, i);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      column = gtk_column_view_column_new (gtk_column_view_column_get_title (main),
                                           create_factory (priv->columns->pdata[i]));
      gtk_column_view_column_set_resizable (column, TRUE);
      g_object_bind_property (main, "fixed-width", column, "fixed-width",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      gtk_column_view_append_column (priv->frozen_view, column);
    }
  gk_table_header_watch_titles (priv->frozen_view);
  gk_table_header_set_n_frozen (priv->group_header, priv->n_frozen);
}

void
_gk_table_page_build_columns (GkTablePage   *self,
                             GkTableLayout *layout)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  const GkTableSchema *schema = gk_table_get_schema (priv->table);
  gboolean summary = gk_table_schema_is_summary (schema);
  guint n_code = 0;
  gboolean first_text = TRUE;

  for (guint i = 0; i < layout->n_columns; i++)
    {
      ColumnInfo *info = g_new0 (ColumnInfo, 1);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      info->page = self;
      info->kind = layout->kinds[i];
      info->model_column = layout->model_columns[i];
      /* 表一/表四: 项目 and its figure on the left, the rest on the right. */
      info->right = summary && i >= 2;
      if (info->kind == GK_LAYOUT_COLUMN_CODE)
        info->code_part = n_code++;
      else if (info->kind == GK_LAYOUT_COLUMN_TEXT)
        {
          info->expander = !summary && first_text;
          info->project_name = !first_text && schema->kind == GK_TABLE_KIND_PROJECTS;
          first_text = FALSE;
        }
      g_ptr_array_add (priv->columns, info);

      column = gtk_column_view_column_new (column_title (layout, i), create_factory (info));
      gtk_column_view_column_set_fixed_width (column, column_width (GTK_WIDGET (priv->column_view),
                                                                    schema, info->kind));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (info->expander || info->project_name || (summary && info->kind == GK_LAYOUT_COLUMN_TEXT))
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (priv->column_view, column);
    }

  /* Merged cells above the titles: those that stop short of the last row,
   * and those that reach it from above. */
  for (guint i = 0; i < layout->header->len; i++)
    {
      GkLayoutHeaderCell *cell = layout->header->pdata[i];

      gk_table_header_add_cell (priv->group_header, cell->text, cell->row, cell->row_span,
                                cell->column, cell->column_span, layout->n_header_rows);
    }
  gk_table_header_set_column_view (priv->group_header, priv->column_view);
  build_frozen_columns (self, layout);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GkTableKind table_kind = GPOINTER_TO_INT (user_data);
  GkRow *row = item;

  /* Only rows that can ever have children are expandable: a function 项
   * outside 表七, an economic 款, a project. */
  switch (gk_row_get_kind (row))
    {
    case GK_ROW_KIND_CLASS:
      break;
    case GK_ROW_KIND_SECTION:
      if (table_kind == GK_TABLE_KIND_ECONOMIC)
        return NULL;
      break;
    case GK_ROW_KIND_ITEM:
      if (table_kind != GK_TABLE_KIND_PROJECTS)
        return NULL;
      break;
    case GK_ROW_KIND_PROJECT:
    case GK_ROW_KIND_SINGLE:
    case GK_ROW_KIND_LINE:
    case GK_ROW_KIND_TOTAL:
    default:
      return NULL;
    }
  return g_object_ref (gk_row_get_children (row));
}

static void
gk_table_page_rebuild_summary (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  g_autoptr(GkTableLayout) layout = gk_table_layout_new (priv->document, priv->table);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < layout->lines->len; i++)
    {
      GkLayoutLine *line = layout->lines->pdata[i];
      g_ptr_array_add (lines, gk_summary_line_new (line->row, line->right, line->total));
    }
  g_list_store_splice (priv->summary_lines, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (priv->summary_lines)),
                       lines->pdata, lines->len);
}

void
_gk_table_page_build_rows (GkTablePage *self)
{
  GkTablePagePrivate *priv = _gk_table_page_get_private (self);
  const GkTableSchema *schema = gk_table_get_schema (priv->table);

  if (gk_table_schema_is_summary (schema))
    {
      priv->summary_lines = g_list_store_new (GK_TYPE_SUMMARY_LINE);
      gk_table_page_rebuild_summary (self);
      /* Lines come and go when a function 类 appears in or leaves 表二/表三. */
      g_signal_connect_object (priv->table, "items-changed", G_CALLBACK (gk_table_page_rebuild_summary),
                               self, G_CONNECT_SWAPPED);
      priv->rows = g_object_ref (G_LIST_MODEL (priv->summary_lines));
    }
  else
    {
      GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

      priv->tree = gtk_tree_list_model_new (g_object_ref (gk_table_get_roots (priv->table)),
                                            FALSE, TRUE, create_children,
                                            GINT_TO_POINTER (schema->kind), NULL);
      priv->total_store = g_list_store_new (GK_TYPE_ROW);
      if (gk_table_get_total_row (priv->table) != NULL)
        g_list_store_append (priv->total_store, gk_table_get_total_row (priv->table));
      g_list_store_append (parts, priv->tree);
      g_list_store_append (parts, priv->total_store);
      priv->rows = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
    }

  priv->selection = gtk_multi_selection_new (g_object_ref (priv->rows));
  /* The frozen view gets the rows when it shows (gk-table-page-frozen.c). */
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));
}

