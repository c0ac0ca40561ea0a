/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"
#include "gk-page.h"

G_BEGIN_DECLS

#define GK_TYPE_NARRATIVE_PAGE (gk_narrative_page_get_type ())

G_DECLARE_FINAL_TYPE (GkNarrativePage, gk_narrative_page, GK, NARRATIVE_PAGE, GkPage)

GtkWidget  *gk_narrative_page_new                (GkDocument      *document);
GtkListBox *gk_narrative_page_get_outline        (GkNarrativePage *self);
GtkWidget  *gk_narrative_page_get_paragraph      (GkNarrativePage *self,
                                                  const char      *paragraph_id);
GtkWidget  *gk_narrative_page_get_prior_editor   (GkNarrativePage *self,
                                                  const char      *paragraph_id);
GtkWidget  *gk_narrative_page_get_hand_editor    (GkNarrativePage *self,
                                                  const char      *paragraph_id);
GtkWidget  *gk_narrative_page_get_section_heading (GkNarrativePage *self,
                                                   guint            number);
GtkWidget  *gk_narrative_page_get_switch         (GkNarrativePage *self,
                                                  const char      *paragraph_id);
gboolean    gk_narrative_page_reveal_paragraph   (GkNarrativePage *self,
                                                  const char      *paragraph_id);
gboolean    gk_narrative_page_reveal_section     (GkNarrativePage *self,
                                                  guint            number);
GtkListView *gk_narrative_page_get_list          (GkNarrativePage *self);

G_END_DECLS
