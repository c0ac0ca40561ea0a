/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-row-private.h"
#include "gk-text-item.h"
#include "gk-table.h"

G_BEGIN_DECLS

/* Shared by the files of GkTable: gk-table.c (rows, derivation) and
 * gk-table-projects.c (表七's tree, made from the projects). */
struct _GkTable
{
  GObject              parent_instance;

  const GkTableSchema *schema;
  GListStore          *roots;
  GPtrArray           *flat;
  GkRow               *total;
  GkRow               *single;
  GHashTable          *by_code;
  char                *note;
  char                *empty_explanation;
  GkTextItem          *goal;        /* overall-performance: 年度绩效目标 */
  GListStore          *indicators;  /* overall-performance: GkIndicator */
  GHashTable          *stated;      /* "line\x1fcolumn" → GkAmount as published, or NULL */
  GHashTable          *entered;     /* summaries: "line\x1fcolumn" → GkAmount of an entered line */
};

void      _gk_table_rebuild_flat         (GkTable        *self);

typedef const char *(*GkNameFunc) (const char *code,
                                   gpointer    user_data);

GkTable  *gk_table_new                   (const GkTableSchema *schema);
void      gk_table_insert_row            (GkTable        *self,
                                          GkRow          *row);
void      gk_table_insert_entry          (GkTable        *self,
                                          GkRow          *row,
                                          guint           position);
void      gk_table_remove_row            (GkTable        *self,
                                          GkRow          *row);
gboolean  gk_table_set_cell              (GkTable        *self,
                                          GkRow          *row,
                                          guint           column,
                                          GkAmount        value,
                                          gboolean        set);
void      gk_table_derive_all            (GkTable        *self);
void      gk_table_derive_from           (GkTable        *self,
                                          GkRow          *row);
void      gk_table_append_line           (GkTable        *self,
                                          GkRow          *row);
void      gk_table_apply_rules           (GkTable        *self,
                                          GkRow          *row,
                                          GkAmount       *values,
                                          guint64        *set_mask,
                                          guint64        *overflow_mask);
void      gk_table_clear_lines           (GkTable        *self);
void      gk_table_rebuild_projects      (GkTable        *self,
                                          GListModel     *projects,
                                          GkNameFunc      name_func,
                                          gpointer        user_data);

/* gk-table-figures.c: figures kept by line id and column id */
void       _gk_table_figures_put        (GHashTable    **figures,
                                         const char     *line,
                                         const char     *column_id,
                                         GkAmount        amount);
void       _gk_table_figures_remove     (GHashTable     *figures,
                                         const char     *line,
                                         const char     *column_id);
gboolean   _gk_table_figures_get        (GHashTable     *figures,
                                         const char     *line,
                                         const char     *column_id,
                                         GkAmount       *amount);
GPtrArray *_gk_table_figures_dup_pairs  (GHashTable     *figures);

G_END_DECLS
