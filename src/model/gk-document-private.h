/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-document.h"
#include "gk-table-private.h"

G_BEGIN_DECLS

typedef struct _GkCommand GkCommand;

struct _GkCommand
{
  /* Applies the command forwards (undo == FALSE) or backwards. */
  void (*apply) (GkDocument *document,
                 GkCommand  *command,
                 gboolean    undo);
  void (*free)  (GkCommand  *command);
};

/* Object data set while GkDocument::changed is emitted and dropped after:
 * what each handler would otherwise work out again from the same state. */
#define GK_DOCUMENT_EMISSION_CACHE "gk-emission-cache"

struct _GkDocument
{
  GObject        parent_instance;

  char          *unit;
  guint          year;
  GkMoneyUnit    money_unit;
  char          *date;
  char          *region;         /* the cover's line above the unit */
  GkTemplate    *template;
  GkUnitType     unit_type;

  GHashTable    *names[2];       /* GkClassification → (code → name) */
  GkOverview    *overview;
  GPtrArray     *tables;         /* GkTable, template order */
  GListStore    *projects;
  GkExplanation *explanation;
  GkBudget      *budget;         /* the same year's budget a 决算 is tied to */
  GkFinalFacts  *final_facts;
  GListStore    *glossary;
  GHashTable    *set_aside;      /* role → GkTable the template leaves out */

  GPtrArray     *undo_stack;     /* GkCommandGroup */
  GPtrArray     *redo_stack;
  gpointer       open_group;
  guint          action_depth;
  guint64        next_serial;
  guint64        saved_serial;
  guint64        changes;        /* bumped by every change, undo and redo too */
  guint          emitting;       /* GkDocument::changed is being emitted */
  gboolean       notified_can_undo;
  gboolean       notified_can_redo;
  gboolean       notified_modified;
  gboolean       syncing_follows;
  GHashTable    *follow_dirty;   /* codes whose following may have changed */
  gboolean       follow_all;     /* rows came or went: look at every row */
};

/* Entry points used by the reader: they build without recording history. */
void      gk_document_record          (GkDocument     *self,
                                       GkCommand      *command);
void      gk_document_derive_all      (GkDocument     *self);
void      gk_document_derive_after    (GkDocument     *self,
                                       GkTable        *table);
void      gk_document_set_code_name_internal (GkDocument       *self,
                                              GkClassification  kind,
                                              const char       *code,
                                              const char       *name);
void      gk_document_rebuild_projects (GkDocument    *self);
void      gk_document_notify_history   (GkDocument    *self);
void      gk_document_emit_changed     (GkDocument    *self);
void      gk_document_derive_summary   (GkDocument    *self,
                                        GkTable       *summary);
void      gk_document_history_clear    (GkDocument    *self);
void      gk_document_record_cell      (GkDocument    *self,
                                        GkRow         *row,
                                        guint          column,
                                        GkAmount       value,
                                        gboolean       set);
GkRow    *gk_document_add_row_in       (GkDocument    *self,
                                        GkTable       *table,
                                        const char    *code,
                                        const char    *name,
                                        GError       **error);
void      gk_document_remove_row_in    (GkDocument    *self,
                                        GkRow         *row);

/* gk-document-prior-final.c: a 决算 from last year's */
void      gk_document_fill_prior_final  (GkDocument    *self,
                                         GkDocument    *last_year,
                                         GString       *report);
void      gk_document_clear_final_lines (GkDocument    *self,
                                         guint         *cleared);
void      gk_document_clear_final_facts (GkDocument    *self,
                                         guint         *cleared);
void      gk_document_unlink_budget     (GkDocument    *self);
void      gk_document_open_carried_row  (GkDocument    *self,
                                         GkTable       *table,
                                         GkRow         *row);

/* gk-document-follow.c */
void      gk_document_sync_follows     (GkDocument    *self);
void      gk_document_touch_follow     (GkDocument    *self,
                                        GkRow         *row,
                                        gboolean       rows_changed);
void      gk_document_settle_follows   (GkDocument    *self);
void      gk_document_settle_lines     (GkDocument    *self);
void      gk_document_override_row     (GkDocument    *self,
                                        GkRow         *row,
                                        guint          column,
                                        const GkAmount *amount);
void      gk_document_add_row_elsewhere (GkDocument   *self,
                                         GkTable      *table,
                                         const char   *code);
GPtrArray *gk_document_rows_removed_with (GkDocument  *self,
                                          GkRow       *row);

G_END_DECLS
