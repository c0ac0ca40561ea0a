/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-narrative.h"
#include "gk-narrative-item.h"
#include "gk-narrative-page.h"

G_BEGIN_DECLS

struct _GkNarrativePage
{
  GkPage             parent_instance;

  GPtrArray         *sections;     /* GkNarrativeSection, as last composed, switched-off
                                    * paragraphs included */
  GListStore        *items;        /* GkNarrativeItem, one per line of the list */
  GPtrArray         *lines;        /* the same items, to compare with the next composition */
  GPtrArray         *shown;        /* the paragraph of each line (NULL for a heading),
                                    * compared without touching the items */
  GHashTable        *bound;        /* GkNarrativeItem set: those a row shows */
  GHashTable        *by_id;        /* item id → GkNarrativeItem; unowned */
  GPtrArray         *headings;     /* GkNarrativeItem, one per section */
  GStrv              outline_texts;
  GHashTable        *drafts;       /* paragraph id → hand-written text typed, not yet used */
  gulong             changed_id;
  gulong             dark_id;
  gboolean           stale;        /* the document changed while hidden */
  GkNarrativeItem   *to_top;       /* to be scrolled to the top once it has a row */
  guint              to_top_id;
  guint              to_top_frames;

  GtkListBox        *outline;
  GtkScrolledWindow *scroller;
  GtkListView       *list;
  GtkLabel          *legend;
};

const char *gk_narrative_page_get_draft (GkNarrativePage *self,
                                         const char      *paragraph_id);
void        gk_narrative_page_set_draft (GkNarrativePage *self,
                                         const char      *paragraph_id,
                                         const char      *text);

G_END_DECLS
