/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gk-narrative.h"
#include "gk-narrative-item.h"
#include "gk-narrative-page.h"

G_BEGIN_DECLS

#define GK_TYPE_PARAGRAPH_ROW (gk_paragraph_row_get_type ())

G_DECLARE_FINAL_TYPE (GkParagraphRow, gk_paragraph_row, GK, PARAGRAPH_ROW, GtkWidget)

GtkWidget  *gk_paragraph_row_new              (GkNarrativePage   *page);
void        gk_paragraph_row_bind             (GkParagraphRow    *self,
                                               GkNarrativeItem   *item);
void        gk_paragraph_row_unbind           (GkParagraphRow    *self);
const char *gk_paragraph_row_get_id           (GkParagraphRow    *self);
GtkWidget  *gk_paragraph_row_get_label        (GkParagraphRow    *self);
GtkWidget  *gk_paragraph_row_get_prior_button (GkParagraphRow    *self);
GtkWidget  *gk_paragraph_row_get_hand_button  (GkParagraphRow    *self);
GtkWidget  *gk_paragraph_row_get_switch       (GkParagraphRow    *self);

char       *gk_paragraph_row_dup_markup       (const GkParagraph *paragraph);
void        gk_paragraph_row_get_colours      (const char       **figure,
                                               const char       **missing);

G_END_DECLS
