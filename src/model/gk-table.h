/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-row.h"
#include "gk-template.h"

G_BEGIN_DECLS

#define GK_TYPE_TABLE (gk_table_get_type ())
G_DECLARE_FINAL_TYPE (GkTable, gk_table, GK, TABLE, GObject)

const GkTableSchema *gk_table_get_schema            (GkTable    *self);
const char          *gk_table_get_id                (GkTable    *self);
GListModel          *gk_table_get_roots             (GkTable    *self);
GkRow               *gk_table_get_total_row         (GkTable    *self);
GkRow               *gk_table_get_single_row        (GkTable    *self);
GkRow               *gk_table_lookup                (GkTable    *self,
                                                     const char *code);
GkRow               *gk_table_lookup_line           (GkTable    *self,
                                                     const char *line_id);
gboolean             gk_table_get_column_total      (GkTable    *self,
                                                     guint       column,
                                                     GkAmount   *amount);
gboolean             gk_table_is_empty              (GkTable    *self);
int                  gk_table_column_index          (GkTable    *self,
                                                     const char *column_id);
const char          *gk_table_get_note              (GkTable    *self);
const char          *gk_table_get_empty_explanation (GkTable    *self);

/* gk-table-stated.c: figures as a published disclosure printed them */
const char          *gk_table_stated_line           (GkRow      *row);
GkRow               *gk_table_lookup_stated_line    (GkTable    *self,
                                                     const char *line);
void                 gk_table_set_stated            (GkTable    *self,
                                                     const char *line,
                                                     const char *column_id,
                                                     GkAmount    amount);
gboolean             gk_table_get_stated            (GkTable    *self,
                                                     const char *line,
                                                     const char *column_id,
                                                     GkAmount   *amount);
guint                gk_table_get_n_stated          (GkTable    *self);
void                 gk_table_clear_stated          (GkTable    *self);
GPtrArray           *gk_table_dup_stated            (GkTable    *self);

/* gk-table-lines.c: a summary's entered lines */
void                 gk_table_set_line_figure       (GkTable    *self,
                                                     const char *line,
                                                     const char *column_id,
                                                     GkAmount    amount,
                                                     gboolean    set);
gboolean             gk_table_get_line_figure       (GkTable    *self,
                                                     const char *line,
                                                     const char *column_id,
                                                     GkAmount   *amount);
GPtrArray           *gk_table_dup_line_figures      (GkTable    *self);

G_END_DECLS
