/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gk-narrative.h"

G_BEGIN_DECLS

/* One line of the 情况说明 list: a part's title, a section's heading or a
 * paragraph. Items keep their identity across recompositions, so a row
 * that shows one is refreshed rather than rebuilt. */

typedef enum {
  GK_NARRATIVE_ITEM_PART,
  GK_NARRATIVE_ITEM_HEADING,
  GK_NARRATIVE_ITEM_PARAGRAPH,
} GkNarrativeItemKind;

#define GK_TYPE_NARRATIVE_ITEM (gk_narrative_item_get_type ())

G_DECLARE_FINAL_TYPE (GkNarrativeItem, gk_narrative_item, GK, NARRATIVE_ITEM, GObject)

struct _GkNarrativeItem
{
  GObject              parent_instance;

  GkNarrativeItemKind  kind;
  char                *id;         /* a paragraph's id, "heading:N" or "part:N" */
  char                *text;       /* a heading's or part's text */
  const GkParagraph   *paragraph;  /* unowned: the page's composition holds it */
  guint                position;   /* in the page's list */
  GtkWidget           *row;        /* the row bound to it, or NULL */
};

GkNarrativeItem *gk_narrative_item_new    (GkNarrativeItemKind  kind,
                                           const char          *id);
gboolean         gk_narrative_item_update (GkNarrativeItem     *self,
                                           const char          *text,
                                           const GkParagraph   *paragraph);

G_END_DECLS
