/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gk-checker.h"
#include "gk-document.h"
#include "gk-template.h"

G_BEGIN_DECLS

/* Where the keyboard asks to go from a cell. */
typedef enum {
  GK_TABLE_MOVE_NEXT,
  GK_TABLE_MOVE_PREVIOUS,
  GK_TABLE_MOVE_DOWN,
  GK_TABLE_MOVE_UP,
} GkTableMove;

#define GK_TYPE_TABLE_CELL (gk_table_cell_get_type ())

G_DECLARE_FINAL_TYPE (GkTableCell, gk_table_cell, GK, TABLE_CELL, GtkWidget)

GtkWidget   *gk_table_cell_new           (void);
void         gk_table_cell_bind          (GkTableCell *self,
                                          GkRow       *row,
                                          guint        column,
                                          GtkListItem *item);
void         gk_table_cell_unbind        (GkTableCell *self);
void         gk_table_cell_set_document  (GkTableCell *self,
                                          GkDocument  *document);
GkRow       *gk_table_cell_get_row       (GkTableCell *self);
guint        gk_table_cell_get_column    (GkTableCell *self);
GtkListItem *gk_table_cell_get_list_item (GkTableCell *self);
gboolean     gk_table_cell_is_entered    (GkTableCell *self);
const char  *gk_table_cell_get_text      (GkTableCell *self);
gboolean     gk_table_cell_start_editing (GkTableCell *self,
                                          const char  *text);
gboolean     gk_table_cell_stop_editing  (GkTableCell *self,
                                          gboolean     commit);
gboolean     gk_table_cell_is_editing    (GkTableCell *self);
GtkEditable *gk_table_cell_get_editable  (GkTableCell *self);
const char  *gk_table_cell_get_error     (GkTableCell *self);
void         gk_table_cell_set_error     (GkTableCell *self,
                                          const char  *message);
void         gk_table_cell_set_checker   (GkTableCell *self,
                                          GkChecker   *checker);

char        *gk_table_cell_dup_tooltip   (GkTableCell *self);
gboolean     gk_table_cell_takes_figure  (GkRow       *row,
                                          guint        column);
const GkLineSchema *gk_table_cell_find_line (GkRow *row);
char        *gk_table_cell_describe_derivation (GkRow *row,
                                                guint  column);
char        *gk_table_cell_describe_place (GkRow *row,
                                           guint  column);
const char  *gk_table_cell_get_kept_typing (GkRow      *row,
                                            guint       column);
void         gk_table_cell_update_accessible (GkTableCell *self,
                                              GkRow       *row,
                                              guint        column,
                                              gboolean     entered);

G_END_DECLS
