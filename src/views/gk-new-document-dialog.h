/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_NEW_DOCUMENT_DIALOG (gk_new_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (GkNewDocumentDialog, gk_new_document_dialog, GK, NEW_DOCUMENT_DIALOG, AdwMessageDialog)

GtkWidget   *gk_new_document_dialog_new              (GtkWindow           *parent);
GtkEditable *gk_new_document_dialog_get_unit_entry   (GkNewDocumentDialog *self);
GtkEditable *gk_new_document_dialog_get_search_entry (GkNewDocumentDialog *self);
GkTemplate  *gk_new_document_dialog_get_template     (GkNewDocumentDialog *self);
gboolean     gk_new_document_dialog_select_template  (GkNewDocumentDialog *self,
                                                      const char          *id);
GPtrArray   *gk_new_document_dialog_list_shown       (GkNewDocumentDialog *self);
GkDocument  *gk_new_document_dialog_create_document  (GkNewDocumentDialog *self);

G_END_DECLS
