/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-chart-view.h"
#include "gk-table-header.h"
#include "gk-table-layout.h"
#include "gk-table-page.h"

G_BEGIN_DECLS

/* One column of the page: what its cells show. */
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
  GkDocument         *document;    /* unowned: the page's */
  GkTable            *table;
  GPtrArray          *columns;       /* ColumnInfo */

  GtkTreeListModel   *tree;
  GListStore         *total_store;
  GListStore         *summary_lines;
  GListModel         *rows;
  GtkMultiSelection  *selection;
  GHashTable         *cells;         /* bound GkTableCell */

  /* gk-table-page-focus.c */
  GkRow              *focus_row;
  guint               focus_column;
  guint               pending_position;
  guint               pending_column;
  gboolean            pending_right;  /* a summary's expenditure side */
  guint               pending_tick_id;
  guint               pending_frames;

  /* gk-table-page-range.c: a rectangle of cells from the anchor (the
   * focused cell when it began) to the end, as list positions and
   * indices into the amount columns */
  gboolean            has_range;
  guint               anchor_position;
  guint               anchor_column;
  guint               end_position;
  guint               end_column;

  /* gk-table-page-menu.c */
  GtkWidget          *context_menu;

  AdwToastOverlay    *toast_overlay;
  GtkLabel           *number_label;
  GtkLabel           *title_label;
  GtkWidget          *add_button;
  AdwButtonContent   *add_button_content;
  GtkWidget          *remove_button;
  GtkWidget          *legend_label;
  GtkWidget          *derived_box;
  GtkLabel           *derived_label;
  GtkLabel           *unit_label;
  GtkLabel           *money_label;
  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
  GtkScrolledWindow  *frozen_scroller;
  GtkColumnView      *frozen_view;     /* the columns before the amounts, over column_view's */
  guint               n_frozen;
  GBinding           *frozen_binding;  /* the frozen rows' vertical scrolling to the others' */
  GdkFrameClock      *frozen_clock;    /* waited on for the frozen rows' first layout */
  gulong              frozen_layout_id;
  GkTableHeader      *group_header;
  GtkWidget          *empty_box;
  GtkEntry           *empty_entry;
  GtkEntry           *note_entry;

  /* gk-table-page-chart.c */
  GtkWidget          *chart_toggle;
  GtkPaned           *chart_paned;
  guint               chart_split_id;
  gboolean            chart_splitting;      /* the page, not the user, moves the divider */
  int                 chart_paned_height;   /* at the last split: a resize is not a drag */
  GtkScrolledWindow  *chart_scroller;
  GkChartView        *chart_view;    /* NULL when the table has no chart */
  GSettings          *settings;
} GkTablePagePrivate;

GkTablePagePrivate *_gk_table_page_get_private          (GkTablePage              *self);

/* gk-table-page.c: the items of the row model. */
GkRow              *_gk_table_page_item_dup_row         (gpointer                  item,
                                                         gboolean                  right);
gboolean            _gk_table_page_item_is_total        (gpointer                  item);

/* gk-table-page-focus.c */
guint               _gk_table_page_n_model_columns      (GkTablePage              *self);
gboolean            _gk_table_page_try_focus_pending    (GkTablePage              *self);
void                _gk_table_page_cell_move            (GkTablePage              *self,
                                                         GkTableMove               move,
                                                         GkTableCell              *cell);
gboolean            _gk_table_page_cell_commit          (GkTablePage              *self,
                                                         const char               *text,
                                                         GkTableCell              *cell);
void                _gk_table_page_cell_focused         (GkTablePage              *self,
                                                         GtkEventControllerFocus  *controller);

/* gk-table-page-columns.c */
char               *_gk_table_page_column_text          (ColumnInfo               *info,
                                                         gpointer                  item);
void                _gk_table_page_build_columns        (GkTablePage              *self,
                                                         GkTableLayout            *layout);
void                _gk_table_page_build_rows           (GkTablePage              *self);

/* gk-table-page-clipboard.c */
void                _gk_table_page_clipboard_class_init (GtkWidgetClass           *widget_class);

/* gk-table-page-frozen.c */
void                _gk_table_page_frozen_setup         (GkTablePage              *self);
void                _gk_table_page_frozen_dispose       (GkTablePage              *self);
int                 _gk_table_page_frozen_width         (GkTablePage              *self);
gboolean            _gk_table_page_focus_from_row       (GkTablePage              *self);

/* gk-table-page-chart.c */
void                _gk_table_page_setup_chart          (GkTablePage              *self);

/* gk-table-page-range.c */
GPtrArray          *_gk_table_page_amount_columns       (GkTablePage              *self);
GkRow              *_gk_table_page_dup_cell_row         (GkTablePage              *self,
                                                         guint                     position,
                                                         ColumnInfo               *info);
gboolean            _gk_table_page_locate_cell          (GkTablePage              *self,
                                                         GkTableCell              *cell,
                                                         guint                    *position,
                                                         guint                    *amount_column);
gboolean            _gk_table_page_locate_focus         (GkTablePage              *self,
                                                         guint                    *position,
                                                         guint                    *amount_column);
gboolean            _gk_table_page_get_range            (GkTablePage              *self,
                                                         guint                    *top,
                                                         guint                    *left,
                                                         guint                    *bottom,
                                                         guint                    *right);
void                _gk_table_page_clear_range          (GkTablePage              *self);
void                _gk_table_page_mark_cell            (GkTablePage              *self,
                                                         GkTableCell              *cell);
char               *_gk_table_page_dup_cell_name        (GkTablePage              *self,
                                                         guint                     position,
                                                         ColumnInfo               *info);
void                _gk_table_page_range_setup          (GkTablePage              *self);
void                _gk_table_page_range_class_init     (GtkWidgetClass           *widget_class);

/* gk-table-page-menu.c */
void                _gk_table_page_popup_menu           (GkTablePage              *self,
                                                         double                    x,
                                                         double                    y);
void                _gk_table_page_menu_class_init      (GtkWidgetClass           *widget_class);

G_END_DECLS
