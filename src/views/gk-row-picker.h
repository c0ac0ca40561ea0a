/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_ROW_PICKER (gk_row_picker_get_type ())

G_DECLARE_FINAL_TYPE (GkRowPicker, gk_row_picker, GK, ROW_PICKER, GtkPopover)

GtkWidget  *gk_row_picker_new         (GkDocument  *document,
                                       GkTable     *table);
void        gk_row_picker_set_search  (GkRowPicker *self,
                                       const char  *text);
GListModel *gk_row_picker_get_results (GkRowPicker *self);
gboolean    gk_row_picker_choose      (GkRowPicker *self,
                                       guint        position);
gboolean    gk_row_picker_choose_custom (GkRowPicker *self,
                                         const char  *name);

G_END_DECLS
