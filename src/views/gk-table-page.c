/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-catalog-table-page.h"
#include "gk-chart-data.h"
#include "gk-chart-view.h"
#include "gk-project-table-page.h"
#include "gk-summary-line.h"
#include "gk-table-header.h"
#include "gk-table-layout.h"
#include "gk-table-page.h"

/* A table of the disclosure as it is printed, with its entered cells
 * editable in place.
 *
 * The rows are a GtkTreeListModel over the table's roots (类 → 款 → 项, or
 * projects under their 项) followed by the 合计 row, flattened; 表一 and 表四
 * are lists of GkSummaryLine, income beside expenditure as printed. The
 * columns are those of the printed layout (gk-table-layout.h), so the
 * titles cannot differ from the PDF's.
 *
 * Cell focus: GtkColumnView 4.8 has no cell focus and no way to scroll to
 * an item, so the page builds it. Amount cells are GkTableCell widgets,
 * focusable when entered; every bound cell is kept in `cells` with its
 * list item, which knows its position. To focus (position, column) the
 * page asks the list for "list.scroll-to-item" (an action every GtkListBase
 * has), then grabs the focus on the cell bound at that position, waiting a
 * few frames for the list to bind it when it was off screen. The focused
 * cell is remembered as (row, column) rather than as a position, because
 * positions shift when rows are added or removed above it. */

typedef struct
{
  GkTablePage        *page;          /* unowned */
  GkLayoutColumnKind  kind;
  int                 model_column;  /* amount columns */
  gboolean            right;         /* summaries: the expenditure side */
  guint               code_part;     /* code columns: 0 类, 1 款, 2 项 */
  gboolean            expander;      /* the name column that holds the tree */
  gboolean            project_name;  /* 表七's 项目名称 */
} ColumnInfo;

typedef struct
{
  GkDocument         *document;
  GkTable            *table;
  GPtrArray          *columns;       /* ColumnInfo */

  GtkTreeListModel   *tree;
  GListStore         *total_store;
  GListStore         *summary_lines;
  GListModel         *rows;
  GtkMultiSelection  *selection;
  GHashTable         *cells;         /* bound GkTableCell */

  GkRow              *focus_row;
  guint               focus_column;
  guint               pending_position;
  guint               pending_column;
  guint               pending_tick_id;
  guint               pending_frames;

  AdwToastOverlay    *toast_overlay;
  GtkLabel           *number_label;
  GtkLabel           *title_label;
  GtkWidget          *add_button;
  AdwButtonContent   *add_button_content;
  GtkWidget          *remove_button;
  GtkWidget          *derived_box;
  GtkLabel           *derived_label;
  GtkLabel           *unit_label;
  GtkLabel           *money_label;
  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
  GkTableHeader      *group_header;
  GtkWidget          *empty_box;
  GtkEntry           *empty_entry;
  GtkEntry           *note_entry;
  GtkWidget          *chart_toggle;
  GtkPaned           *chart_paned;
  guint               chart_split_id;
  GtkScrolledWindow  *chart_scroller;
  GkChartView        *chart_view;    /* NULL when the table has no chart */
  GSettings          *settings;
} GkTablePagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GkTablePage, gk_table_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TABLE,
  PROP_EMPTY_EXPLANATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The largest number of frames to wait for the list to bind a cell. */
#define FOCUS_FRAMES 30

GtkWidget *
gk_table_page_new (GkDocument *document,
                   GkTable    *table)
{
  GType type = GK_TYPE_TABLE_PAGE;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table), NULL);

  switch (gk_table_get_schema (table)->kind)
    {
    case GK_TABLE_KIND_FUNCTION:
    case GK_TABLE_KIND_ECONOMIC:
      type = GK_TYPE_CATALOG_TABLE_PAGE;
      break;
    case GK_TABLE_KIND_PROJECTS:
      type = GK_TYPE_PROJECT_TABLE_PAGE;
      break;
    case GK_TABLE_KIND_SINGLE:
    case GK_TABLE_KIND_INCOME_EXPENDITURE:
    case GK_TABLE_KIND_FISCAL:
    default:
      break;
    }
  return g_object_new (type, "document", document, "table", table, NULL);
}

GkDocument *
gk_table_page_get_document (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return priv->document;
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
static GkRow *
item_dup_row (gpointer item,
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

static gboolean
item_is_total (gpointer item)
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
  row = item_dup_row (item, FALSE);
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
      g_autoptr(GkRow) left = item_dup_row (item, FALSE);
      g_autoptr(GkRow) right = item_dup_row (item, TRUE);

      if (left == row || right == row)
        return i;
      if (left != NULL && GTK_IS_TREE_LIST_ROW (item) && row_is_ancestor (left, row))
        gtk_tree_list_row_set_expanded (GTK_TREE_LIST_ROW (item), TRUE);
    }
  return G_MAXUINT;
}

/* Cells ----------------------------------------------------------------- */

static gboolean
cell_entered_at (GkTablePage *self,
                 guint        position,
                 guint        column)
{
  g_autoptr(GkRow) row = NULL;
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  g_autoptr(GObject) item = g_list_model_get_item (priv->rows, position);

  if (item == NULL)
    return FALSE;
  row = item_dup_row (item, FALSE);
  return row != NULL && column < gk_row_get_n_columns (row) && gk_row_is_cell_entered (row, column);
}

static GkTableCell *
lookup_bound_cell (GkTablePage *self,
                   guint        position,
                   guint        column)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, priv->cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GkTableCell *cell = key;
      GtkListItem *item = gk_table_cell_get_list_item (cell);

      if (item != NULL && gk_table_cell_get_row (cell) != NULL &&
          gtk_list_item_get_position (item) == position &&
          gk_table_cell_get_column (cell) == column)
        return cell;
    }
  return NULL;
}

/* The cell of @row and @column while the list shows it, else NULL. */
GkTableCell *
gk_table_page_lookup_cell (GkTablePage *self,
                           GkRow       *row,
                           guint        column)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);

  g_hash_table_iter_init (&iter, priv->cells);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (gk_table_cell_get_row (key) == row && gk_table_cell_get_column (key) == column)
      return key;
  return NULL;
}

static void
reveal_cell (GkTablePage *self,
             GtkWidget   *cell)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (priv->column_view));
  graphene_rect_t bounds;

  if (hadjustment == NULL ||
      !gtk_widget_compute_bounds (cell, GTK_WIDGET (priv->column_view), &bounds))
    return;
  bounds.origin.x += gtk_adjustment_get_value (hadjustment);
  gtk_adjustment_clamp_page (hadjustment, bounds.origin.x, bounds.origin.x + bounds.size.width);
}

static gboolean
try_focus_pending (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GkTableCell *cell = lookup_bound_cell (self, priv->pending_position, priv->pending_column);

  if (cell == NULL || !gtk_widget_get_mapped (GTK_WIDGET (cell)) ||
      !gtk_widget_grab_focus (GTK_WIDGET (cell)))
    return FALSE;
  reveal_cell (self, GTK_WIDGET (cell));
  return TRUE;
}

static gboolean
focus_tick (GtkWidget     *widget,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  GkTablePage *self = GK_TABLE_PAGE (widget);
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  if (try_focus_pending (self) || ++priv->pending_frames > FOCUS_FRAMES)
    {
      priv->pending_tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
focus_position (GkTablePage *self,
                guint        position,
                guint        column)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GtkWidget *list = gtk_widget_get_last_child (GTK_WIDGET (priv->column_view));

  priv->pending_position = position;
  priv->pending_column = column;
  priv->pending_frames = 0;
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
  if (try_focus_pending (self))
    {
      if (priv->pending_tick_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), priv->pending_tick_id);
      priv->pending_tick_id = 0;
      return;
    }
  if (priv->pending_tick_id == 0)
    priv->pending_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick, NULL, NULL);
}

/* Moves the keyboard focus to an entered cell, scrolling to it. The focus
 * arrives once the list has bound the row, within a few frames. */
gboolean
gk_table_page_focus_cell (GkTablePage *self,
                          GkRow       *row,
                          guint        column)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  guint position;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (GK_IS_ROW (row), FALSE);

  position = gk_table_page_find_row (self, row);
  if (position == G_MAXUINT || !cell_entered_at (self, position, column))
    return FALSE;
  g_set_object (&priv->focus_row, row);
  priv->focus_column = column;
  focus_position (self, position, column);
  return TRUE;
}

GkTableCell *
gk_table_page_get_focus_cell (GkTablePage *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  while (focus != NULL && !GK_IS_TABLE_CELL (focus) && focus != GTK_WIDGET (self))
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL || !GK_IS_TABLE_CELL (focus) ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  return GK_TABLE_CELL (focus);
}

/* The cell that last had the focus: where a paste goes. */
GkRow *
gk_table_page_get_focus_row (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  if (priv->focus_row != NULL && gk_row_get_table (priv->focus_row) != priv->table)
    g_clear_object (&priv->focus_row);
  return priv->focus_row;
}

guint
gk_table_page_get_focus_column (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), 0);
  return priv->focus_column;
}

static guint
n_model_columns (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  return gk_table_schema_get_n_columns (gk_table_get_schema (priv->table));
}

/* Tab and Shift+Tab walk the entered cells row by row; Enter, Up and Down
 * stay in the column. */
static void
gk_table_page_cell_move (GkTablePage *self,
                         GkTableMove  move,
                         GkTableCell *cell)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GtkListItem *item = gk_table_cell_get_list_item (cell);
  guint n_rows = g_list_model_get_n_items (priv->rows);
  guint n_columns = n_model_columns (self);
  guint position, column;

  if (item == NULL)
    return;
  position = gtk_list_item_get_position (item);
  column = gk_table_cell_get_column (cell);
  if (position >= n_rows)
    return;

  switch (move)
    {
    case GK_TABLE_MOVE_NEXT:
      for (guint p = position, c = column + 1; p < n_rows; p++, c = 0)
        for (; c < n_columns; c++)
          if (cell_entered_at (self, p, c))
            {
              focus_position (self, p, c);
              return;
            }
      break;

    case GK_TABLE_MOVE_PREVIOUS:
      for (int p = position, c = (int) column - 1; p >= 0; p--, c = n_columns - 1)
        for (; c >= 0; c--)
          if (cell_entered_at (self, p, c))
            {
              focus_position (self, p, c);
              return;
            }
      break;

    case GK_TABLE_MOVE_DOWN:
      for (guint p = position + 1; p < n_rows; p++)
        if (cell_entered_at (self, p, column))
          {
            focus_position (self, p, column);
            return;
          }
      break;

    case GK_TABLE_MOVE_UP:
    default:
      for (int p = (int) position - 1; p >= 0; p--)
        if (cell_entered_at (self, p, column))
          {
            focus_position (self, p, column);
            return;
          }
      break;
    }
}

static gboolean
gk_table_page_cell_commit (GkTablePage *self,
                           const char  *text,
                           GkTableCell *cell)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  GkRow *row = gk_table_cell_get_row (cell);

  if (row == NULL)
    return FALSE;
  if (!gk_document_set_amount_text (priv->document, row, gk_table_cell_get_column (cell), text, &error))
    {
      gk_table_cell_set_error (cell, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
gk_table_page_cell_focused (GkTablePage              *self,
                            GtkEventControllerFocus  *controller)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GkTableCell *cell = GK_TABLE_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  if (gk_table_cell_get_row (cell) == NULL)
    return;
  g_set_object (&priv->focus_row, gk_table_cell_get_row (cell));
  priv->focus_column = gk_table_cell_get_column (cell);
}

/* Factories ------------------------------------------------------------- */

static void
amount_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnInfo               *info)
{
  GtkWidget *cell = gk_table_cell_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (cell, "commit", G_CALLBACK (gk_table_page_cell_commit), info->page, G_CONNECT_SWAPPED);
  g_signal_connect_object (cell, "move", G_CALLBACK (gk_table_page_cell_move), info->page, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "enter", G_CALLBACK (gk_table_page_cell_focused), info->page, G_CONNECT_SWAPPED);
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
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (info->page);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gpointer item = gtk_list_item_get_item (list_item);
  g_autoptr(GkRow) row = item_dup_row (item, info->right);

  if (row != NULL && (guint) info->model_column < gk_row_get_n_columns (row))
    gk_table_cell_bind (GK_TABLE_CELL (cell), row, info->model_column, list_item);
  else
    gk_table_cell_bind (GK_TABLE_CELL (cell), NULL, 0, NULL);
  g_hash_table_add (priv->cells, cell);
  if (item_is_total (item))
    gtk_widget_add_css_class (cell, "gk-total");
  else
    gtk_widget_remove_css_class (cell, "gk-total");

  if (priv->pending_tick_id != 0 && try_focus_pending (info->page))
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
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (info->page);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  gk_table_cell_unbind (GK_TABLE_CELL (cell));
  g_hash_table_remove (priv->cells, cell);
}

static void
amount_teardown (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 ColumnInfo               *info)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (info->page);
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
static char *
column_text (ColumnInfo *info,
             gpointer    item)
{
  g_autoptr(GkRow) row = item_dup_row (item, info->right);
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
        return gk_amount_format (amount);
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
  g_autofree char *text = item ? column_text (info, item) : g_strdup ("");
  g_autoptr(GkRow) row = item ? item_dup_row (item, info->right) : NULL;
  GtkWidget *label = GTK_IS_TREE_EXPANDER (child) ? gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child)) : child;

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
  if (item != NULL && item_is_total (item))
    gtk_widget_add_css_class (label, "gk-total");
  else
    gtk_widget_remove_css_class (label, "gk-total");
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
  g_autoptr(GkRow) row = item_dup_row (item, info->right);

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

static int
column_width (const GkTableSchema *schema,
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
      return schema->kind == GK_TABLE_KIND_SINGLE ? 112 : 110;
    }
}

static void
gk_table_page_build_columns (GkTablePage   *self,
                             GkTableLayout *layout)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  const GkTableSchema *schema = gk_table_get_schema (priv->table);
  gboolean summary = gk_table_schema_is_summary (schema);
  guint n_code = 0;
  gboolean first_text = TRUE;

  for (guint i = 0; i < layout->n_columns; i++)
    {
      ColumnInfo *info = g_new0 (ColumnInfo, 1);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
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

      column = gtk_column_view_column_new (column_title (layout, i), g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, column_width (schema, info->kind));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (info->expander || info->project_name || (summary && info->kind == GK_LAYOUT_COLUMN_TEXT))
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (priv->column_view, column);
    }

  /* Merged cells above the titles: those that stop short of the last row. */
  for (guint i = 0; i < layout->header->len; i++)
    {
      GkLayoutHeaderCell *cell = layout->header->pdata[i];

      if (cell->row + cell->row_span < layout->n_header_rows)
        gk_table_header_add_group (priv->group_header, cell->text, cell->column, cell->column_span);
    }
  gk_table_header_set_column_view (priv->group_header, priv->column_view);
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
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
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

static void
gk_table_page_build_rows (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
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
  gtk_column_view_set_model (priv->column_view, GTK_SELECTION_MODEL (priv->selection));
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
  else
    heading = g_strdup_printf (_("Remove %s %s?"), gk_row_get_code (row), gk_row_get_name (row));
  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading,
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

/* Clipboard ------------------------------------------------------------- */

/* The selected rows (else the focused cell's row) as tab-separated text,
 * one line per row, the columns as printed. */
char *
gk_table_page_copy_text (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);

  /* A copy: the selection model may hand out its own set. */
  {
    g_autoptr(GtkBitset) current = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (priv->selection));
    selected = gtk_bitset_copy (current);
  }
  if (gtk_bitset_is_empty (selected) && gk_table_page_get_focus_row (self) != NULL)
    {
      position = gk_table_page_find_row (self, priv->focus_row);
      if (position != G_MAXUINT)
        gtk_bitset_add (selected, position);
    }

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(GObject) item = g_list_model_get_item (priv->rows, position);

      for (guint c = 0; c < priv->columns->len; c++)
        {
          g_autofree char *cell = column_text (priv->columns->pdata[c], item);

          if (c > 0)
            g_string_append_c (text, '\t');
          g_string_append (text, cell);
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  GkRow *row;
  guint  column;
  char  *text;
} PasteCell;

static void
paste_cell_clear (gpointer data)
{
  PasteCell *cell = data;

  g_object_unref (cell->row);
  g_free (cell->text);
}

/* Pastes a block of tab-separated cells (as a spreadsheet copies them)
 * with its top-left corner at the focused cell. The block lies over the
 * table as shown: a value that falls on a computed cell (a subtotal copied
 * with the rest) is not written, only entered cells take values. Every
 * value is checked first; one bad value refuses the whole paste, and the
 * rest is one undoable action. */
gboolean
gk_table_page_paste_text (GkTablePage  *self,
                          const char   *text,
                          GError      **error)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) plan = NULL;
  guint n_lines, start, n_rows, n_columns;
  GkRow *focus;

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  focus = gk_table_page_get_focus_row (self);
  start = focus ? gk_table_page_find_row (self, focus) : G_MAXUINT;
  if (start == G_MAXUINT)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                           _("Nothing was pasted: click the cell where the copied cells should start"));
      return FALSE;
    }

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  while (n_lines > 0 && g_strstrip (lines[n_lines - 1])[0] == '\0')
    n_lines--;
  if (n_lines == 0)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("Nothing was pasted: the clipboard holds no cells"));
      return FALSE;
    }

  n_rows = g_list_model_get_n_items (priv->rows);
  n_columns = n_model_columns (self);
  plan = g_array_new (FALSE, TRUE, sizeof (PasteCell));
  g_array_set_clear_func (plan, paste_cell_clear);

  if (start + n_lines > n_rows)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("Nothing was pasted: the %u copied rows do not fit below the focused cell"), n_lines);
      return FALSE;
    }

  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) values = NULL;
      g_autoptr(GkRow) row = NULL;
      g_autoptr(GObject) item = g_list_model_get_item (priv->rows, start + i);
      char *end = strchr (lines[i], '\r');

      if (end != NULL && end[1] == '\0')
        *end = '\0';
      values = g_strsplit (lines[i], "\t", -1);
      row = item_dup_row (item, FALSE);

      for (guint j = 0; values[j] != NULL; j++)
        {
          guint column = priv->focus_column + j;
          g_autoptr(GError) parse_error = NULL;
          char *value = g_strstrip (values[j]);
          GkAmount amount;
          PasteCell cell;

          if (column >= n_columns)
            {
              g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("Nothing was pasted: the copied cells are wider than the table from the focused cell"));
              return FALSE;
            }
          if (row == NULL || !gk_row_is_cell_entered (row, column))
            continue;
          if (value[0] != '\0' && !gk_amount_parse (value, GK_AMOUNT_PARSE_DEFAULT, &amount, &parse_error))
            {
              g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                           _("Nothing was pasted: “%s” in row %u, column %u of the copied cells is not a figure: %s"),
                           value, i + 1, j + 1, parse_error->message);
              return FALSE;
            }
          cell.row = g_object_ref (row);
          cell.column = column;
          cell.text = g_strdup (value);
          g_array_append_val (plan, cell);
        }
    }

  if (plan->len == 0)
    {
      g_set_error_literal (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE,
                           _("Nothing was pasted: the copied cells fall on computed cells only"));
      return FALSE;
    }

  gk_document_begin_action (priv->document, _("Paste"));
  for (guint i = 0; i < plan->len; i++)
    {
      PasteCell *cell = &g_array_index (plan, PasteCell, i);
      g_autoptr(GError) set_error = NULL;

      if (!gk_document_set_amount_text (priv->document, cell->row, cell->column, cell->text, &set_error))
        g_warning ("A checked value was refused: %s", set_error->message);
    }
  gk_document_end_action (priv->document);
  return TRUE;
}

static void
gk_table_page_copy_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GkTablePage *self = GK_TABLE_PAGE (widget);
  g_autofree char *text = gk_table_page_copy_text (self);

  if (text[0] != '\0')
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
paste_received (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GkTablePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gk_table_page_show_message (self, _("Nothing was pasted: the clipboard holds no text"));
      return;
    }
  if (!gk_table_page_paste_text (self, text, &error))
    gk_table_page_show_message (self, error->message);
}

static void
gk_table_page_paste_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 paste_received, g_object_ref (widget));
}

/* Chart ----------------------------------------------------------------- */

GtkWidget *
gk_table_page_get_chart_view (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return GTK_WIDGET (priv->chart_view);
}

GtkToggleButton *
gk_table_page_get_chart_toggle (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_TABLE_PAGE (self), NULL);
  return GTK_TOGGLE_BUTTON (priv->chart_toggle);
}

/* An empty chart (a table with no figures yet) would only take room. */
static void
gk_table_page_update_chart (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GkChart *chart = priv->chart_view ? gk_chart_view_get_chart (priv->chart_view) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (priv->chart_scroller),
                          chart != NULL && !gk_chart_is_empty (chart) &&
                          gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (priv->chart_toggle)));
}

/* GtkPaned of GTK 4.8 starts the divider at the table's natural height,
 * leaving the chart a sliver; the chart gets its own height instead, but
 * never more than half the pane, the table being what the page is for.
 * Done again when the page is resized, which also undoes a drag of the
 * divider. */
static gboolean
gk_table_page_split_chart (gpointer user_data)
{
  GkTablePage *self = user_data;
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GkChart *chart = gk_chart_view_get_chart (priv->chart_view);
  int height = gtk_widget_get_height (GTK_WIDGET (priv->chart_paned));
  int width = gtk_widget_get_width (GTK_WIDGET (priv->chart_paned));
  int chart_height;

  priv->chart_split_id = 0;
  if (chart == NULL || height <= 0 || width <= 0)
    return G_SOURCE_REMOVE;
  chart_height = MIN (gk_chart_get_natural_height (chart, width), height / 2);
  gtk_paned_set_position (priv->chart_paned, height - chart_height);
  return G_SOURCE_REMOVE;
}

static void
gk_table_page_queue_split_chart (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  /* Not from within the pane's allocation, which notifies the change. */
  if (priv->chart_split_id == 0)
    priv->chart_split_id = g_idle_add (gk_table_page_split_chart, self);
}

static void
gk_table_page_setup_chart (GkTablePage *self)
{
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GkChart) chart = NULL;

  /* The view follows the document by chart id; the table only picks it. */
  chart = gk_chart_data_build_for_table (priv->document, gk_table_get_id (priv->table));
  if (chart == NULL)
    return;

  priv->chart_view = GK_CHART_VIEW (gk_chart_view_new (priv->document, gk_chart_get_id (chart)));
  gtk_widget_set_valign (GTK_WIDGET (priv->chart_view), GTK_ALIGN_START);
  gtk_scrolled_window_set_child (priv->chart_scroller, GTK_WIDGET (priv->chart_view));
  gtk_widget_set_visible (priv->chart_toggle, TRUE);

  /* The window already warns when the schema is missing (running from
   * the build tree); the chart then just stays on. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      priv->settings = g_settings_new_full (schema, NULL, NULL);
      g_settings_bind (priv->settings, "show-table-chart", priv->chart_toggle, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (priv->chart_toggle, "notify::active",
                           G_CALLBACK (gk_table_page_update_chart), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->chart_view, "notify::chart",
                           G_CALLBACK (gk_table_page_update_chart), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->chart_paned, "notify::max-position",
                           G_CALLBACK (gk_table_page_queue_split_chart), self, G_CONNECT_SWAPPED);
  gk_table_page_update_chart (self);
}

/* GObject --------------------------------------------------------------- */

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

  G_OBJECT_CLASS (gk_table_page_parent_class)->constructed (object);

  g_assert (GK_IS_DOCUMENT (priv->document));
  g_assert (GK_IS_TABLE (priv->table));

  schema = gk_table_get_schema (priv->table);
  layout = gk_table_layout_new (priv->document, priv->table);

  /* The printed wording of the heading lines, whatever the UI language. */
  label = gk_table_schema_dup_label (schema);
  unit = g_strdup_printf ("编制部门：%s", gk_document_get_unit (priv->document) ?: "");
  money = g_strdup_printf ("单位：%s", gk_money_unit_to_string (gk_document_get_money_unit (priv->document)));
  gtk_label_set_text (priv->number_label, label);
  gtk_label_set_text (priv->title_label, schema->title);
  gtk_label_set_text (priv->unit_label, unit);
  gtk_label_set_text (priv->money_label, money);

  if (gk_table_schema_is_summary (schema))
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

  gk_table_page_build_columns (self, layout);
  gk_table_page_build_rows (self);

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
  gk_table_page_setup_chart (self);
}

static void
gk_table_page_dispose (GObject *object)
{
  GkTablePage *self = GK_TABLE_PAGE (object);
  GkTablePagePrivate *priv = gk_table_page_get_instance_private (self);

  g_clear_object (&priv->settings);
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
  g_clear_object (&priv->document);

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
    case PROP_DOCUMENT:
      g_value_set_object (value, priv->document);
      break;
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
    case PROP_DOCUMENT:
      priv->document = g_value_dup_object (value);
      break;
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

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
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
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, derived_box);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, derived_label);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, unit_label);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, money_label);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, scroller);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, column_view);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, group_header);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, empty_box);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, empty_entry);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, note_entry);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, chart_toggle);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, chart_scroller);
  gtk_widget_class_bind_template_child_private (widget_class, GkTablePage, chart_paned);

  gtk_widget_class_install_action (widget_class, "table.add-row", NULL, gk_table_page_add_row_action);
  gtk_widget_class_install_action (widget_class, "table.remove-row", NULL, gk_table_page_remove_row_action);
  gtk_widget_class_install_action (widget_class, "table.copy", NULL, gk_table_page_copy_action);
  gtk_widget_class_install_action (widget_class, "table.paste", NULL, gk_table_page_paste_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "table.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "table.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_SHIFT_MASK, "table.paste", NULL);

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
