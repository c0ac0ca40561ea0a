/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The rules of 审核: each has a stable identifier ("table.subtotal",
 * "cross.expenditure-projects", "narrative.shares" …), a severity and a title. The
 * findings a GkChecker reports name one of them. */

typedef enum {
  GK_CHECK_SEVERITY_ERROR,
  GK_CHECK_SEVERITY_WARNING,
} GkCheckSeverity;

typedef struct
{
  const char      *id;
  GkCheckSeverity  severity;
  const char      *title;         /* untranslated: use gk_check_rule_get_title() */
  const char      *description;   /* untranslated: what the rule asks of the document */
} GkCheckRule;

const GkCheckRule *gk_check_get_rules              (guint              *n_rules);
const GkCheckRule *gk_check_lookup_rule            (const char         *rule_id);
const char        *gk_check_rule_get_title         (const GkCheckRule  *rule);
const char        *gk_check_rule_get_description   (const GkCheckRule  *rule);
const char        *gk_check_severity_to_string     (GkCheckSeverity     severity);

/* Where a finding is: a cell (part "expenditure", row "20103", column "basic"; the
 * 合计 row is "total", a 表七 project row its project id, a summary line its
 * line id, 表八's single row NULL), or a text ("overview" / "staff",
 * "narrative" / a paragraph id, "projects" / a project id / a field). */
typedef struct
{
  char *part;
  char *row;
  char *column;
} GkPlace;

#define GK_TYPE_PLACE (gk_place_get_type ())

GType    gk_place_get_type  (void) G_GNUC_CONST;
GkPlace *gk_place_new       (const char    *part,
                             const char    *row,
                             const char    *column);
GkPlace *gk_place_copy      (const GkPlace *place);
void     gk_place_free      (GkPlace       *place);
gboolean gk_place_equal     (const GkPlace *a,
                             const GkPlace *b);
char    *gk_place_to_string (const GkPlace *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkPlace, gk_place_free)

G_END_DECLS
