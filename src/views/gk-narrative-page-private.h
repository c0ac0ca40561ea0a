/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-narrative.h"
#include "gk-narrative-page.h"

G_BEGIN_DECLS

/* One paragraph of the page: its label and the popovers that edit it. */
typedef struct
{
  GkNarrativePage *page;   /* unowned: the page owns the view */
  char            *id;
  GtkWidget       *label;
  GtkWidget       *hand_tag;
  GtkWidget       *prior_button;
  GtkWidget       *prior_popover;
  GtkWidget       *prior_fields;
  GtkWidget       *hand_button;
  GtkWidget       *hand_popover;
  GtkTextView     *hand_view;
  GtkWidget       *composed_button;
  GStrv            keys;          /* prior-year keys named by the spans */
  gboolean         hand_written;
} GkParagraphView;

struct _GkNarrativePage
{
  GkPage             parent_instance;

  GPtrArray         *sections;     /* GkNarrativeSection, as last composed */
  GHashTable        *views;        /* paragraph id → GkParagraphView */
  GPtrArray         *headings;     /* GtkWidget, one per section */
  gulong             changed_id;
  gulong             dark_id;
  guint              restore_id;
  double             restore_value;

  GtkListBox        *outline;
  GtkScrolledWindow *scroller;
  GtkBox            *sections_box;
  GtkLabel          *legend;
};

/* gk-narrative-page-paragraph.c */
void       gk_narrative_page_get_colours    (const char       **figure,
                                             const char       **missing);
GtkWidget *gk_narrative_page_add_paragraph  (GkNarrativePage   *self,
                                             const GkParagraph *paragraph);
void       gk_paragraph_view_update         (GkParagraphView   *view,
                                             const GkParagraph *paragraph);
void       gk_paragraph_view_free           (gpointer           data);

G_END_DECLS
