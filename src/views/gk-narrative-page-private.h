/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-narrative.h"
#include "gk-narrative-page.h"

G_BEGIN_DECLS

struct _GkNarrativePage
{
  GkPage             parent_instance;

  GPtrArray         *sections;     /* GkNarrativeSection, as last composed */
  GHashTable        *views;        /* paragraph id → GkParagraphRow, or GtkLabel of a
                                    * performance line; unowned */
  GPtrArray         *headings;     /* GtkWidget, one per section */
  gulong             changed_id;
  gulong             dark_id;
  guint              restore_id;
  double             restore_value;
  gboolean           stale;        /* the document changed while hidden */

  GtkListBox        *outline;
  GtkScrolledWindow *scroller;
  GtkBox            *sections_box;
  GtkLabel          *legend;
};

G_END_DECLS
