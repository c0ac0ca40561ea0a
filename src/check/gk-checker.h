/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"
#include "gk-finding.h"

G_BEGIN_DECLS

/* Runs the rules of 审核 on a document and keeps what they find as a
 * GListModel of GkFinding, errors first, then by table in document order.
 * After each action, undo or redo (GkDocument::changed) only the rules
 * that read what changed run again; findings that stay are kept as the
 * same objects, so that a view keeps its selection. */
#define GK_TYPE_CHECKER (gk_checker_get_type ())
G_DECLARE_FINAL_TYPE (GkChecker, gk_checker, GK, CHECKER, GObject)

GkChecker  *gk_checker_new             (GkDocument *document);
GkChecker  *gk_checker_new_unwatched   (GkDocument *document);
GkDocument *gk_checker_get_document    (GkChecker  *self);
guint       gk_checker_get_n_errors    (GkChecker  *self);
guint       gk_checker_get_n_warnings  (GkChecker  *self);
void        gk_checker_update          (GkChecker  *self);
void        gk_checker_recheck_all     (GkChecker  *self);
GPtrArray  *gk_checker_find            (GkChecker  *self,
                                        const char *part,
                                        const char *row,
                                        const char *column);
guint       gk_checker_count_rule      (GkChecker  *self,
                                        const char *rule_id);

G_END_DECLS
