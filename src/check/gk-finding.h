/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gk-check.h"

G_BEGIN_DECLS

/* One broken rule: which rule, how serious, a message in the UI language
 * that names the figures involved and what would fix it, and the places
 * (cells or texts) it involves, the first being where to go to fix it. */
#define GK_TYPE_FINDING (gk_finding_get_type ())
G_DECLARE_FINAL_TYPE (GkFinding, gk_finding, GK, FINDING, GObject)

GkFinding      *gk_finding_new           (const char    *rule_id,
                                          const char    *message);
const char     *gk_finding_get_rule_id   (GkFinding     *self);
GkCheckSeverity gk_finding_get_severity  (GkFinding     *self);
const char     *gk_finding_get_title     (GkFinding     *self);
void            gk_finding_set_uncertain (GkFinding     *self,
                                          gboolean       uncertain);
const char     *gk_finding_get_message   (GkFinding     *self);
void            gk_finding_add_place     (GkFinding     *self,
                                          const char    *part,
                                          const char    *row,
                                          const char    *column);
guint           gk_finding_get_n_places  (GkFinding     *self);
const GkPlace  *gk_finding_get_place     (GkFinding     *self,
                                          guint          index);
gboolean        gk_finding_involves      (GkFinding     *self,
                                          const char    *part,
                                          const char    *row,
                                          const char    *column);
char           *gk_finding_dup_location  (GkFinding     *self);
gboolean        gk_finding_equal         (GkFinding     *a,
                                          GkFinding     *b);

G_END_DECLS
