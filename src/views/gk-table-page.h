/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-page.h"
#include "gk-table-cell.h"

G_BEGIN_DECLS

#define GK_TYPE_TABLE_PAGE (gk_table_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (GkTablePage, gk_table_page, GK, TABLE_PAGE, GkPage)

struct _GkTablePageClass
{
  GkPageClass parent_class;

  /* Offers a new row (the catalog picker, a new project); NULL where the
   * rows follow from other tables. */
  void     (*add_row)        (GkTablePage *self,
                              GtkWidget   *anchor);
  /* Whether @row can go (its reason in @error otherwise), and removing
   * it once the user agreed. */
  gboolean (*can_remove_row) (GkTablePage *self,
                              GkRow       *row,
                              GError     **error);
  void     (*remove_row)     (GkTablePage *self,
                              GkRow       *row);
};

GkDocument    *gk_table_page_get_document          (GkTablePage  *self);
GkTable       *gk_table_page_get_table             (GkTablePage  *self);
const char    *gk_table_page_get_empty_explanation (GkTablePage  *self);
void           gk_table_page_set_empty_explanation (GkTablePage  *self,
                                                    const char   *explanation);
GtkColumnView *gk_table_page_get_column_view       (GkTablePage  *self);
GtkColumnView *gk_table_page_get_frozen_view       (GkTablePage  *self);
GtkWidget     *gk_table_page_get_header            (GkTablePage  *self);
GListModel    *gk_table_page_get_rows              (GkTablePage  *self);
guint          gk_table_page_find_row              (GkTablePage  *self,
                                                    GkRow        *row);
GkRow         *gk_table_page_get_row_at            (GkTablePage  *self,
                                                    guint         position);
gboolean       gk_table_page_focus_cell            (GkTablePage  *self,
                                                    GkRow        *row,
                                                    guint         column);
GkTableCell   *gk_table_page_get_focus_cell        (GkTablePage  *self);
GkTableCell   *gk_table_page_lookup_cell           (GkTablePage  *self,
                                                    GkRow        *row,
                                                    guint         column);
GkRow         *gk_table_page_get_focus_row         (GkTablePage  *self);
guint          gk_table_page_get_focus_column      (GkTablePage  *self);
char          *gk_table_page_copy_text             (GkTablePage  *self);
gboolean       gk_table_page_paste_text            (GkTablePage  *self,
                                                    const char   *text,
                                                    GError      **error);
gboolean       gk_table_page_select_cells          (GkTablePage  *self,
                                                    GkRow        *from,
                                                    guint         from_column,
                                                    GkRow        *to,
                                                    guint         to_column);
gboolean       gk_table_page_get_range_size        (GkTablePage  *self,
                                                    guint        *n_rows,
                                                    guint        *n_columns);
GtkWidget     *gk_table_page_get_context_menu      (GkTablePage  *self);
GkRow         *gk_table_page_get_selected_row      (GkTablePage  *self);
void           gk_table_page_show_message          (GkTablePage  *self,
                                                    const char   *message);
void           gk_table_page_added_row             (GkTablePage  *self,
                                                    GkRow        *row);
GtkWidget     *gk_table_page_get_chart_view        (GkTablePage  *self);
GtkToggleButton *gk_table_page_get_chart_toggle    (GkTablePage  *self);

G_END_DECLS
