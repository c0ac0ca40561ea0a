/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "gk-checker.h"
#include "gk-document.h"
#include "gk-draft.h"

G_BEGIN_DECLS

#define GK_TYPE_WINDOW (gk_window_get_type ())

G_DECLARE_FINAL_TYPE (GkWindow, gk_window, GK, WINDOW, AdwApplicationWindow)

GkWindow   *gk_window_new               (GtkApplication *application);
const char *gk_window_get_selected_page (GkWindow      *self);
void        gk_window_set_selected_page (GkWindow      *self,
                                         const char    *page_id);
void        gk_window_add_toast         (GkWindow      *self,
                                         AdwToast      *toast);
GkDocument *gk_window_get_document      (GkWindow      *self);
GFile      *gk_window_get_file          (GkWindow      *self);
GtkWidget  *gk_window_get_page          (GkWindow      *self,
                                         const char    *page_id);
gboolean    gk_window_get_modified      (GkWindow      *self);
GkDraft    *gk_window_get_draft         (GkWindow      *self);
GkChecker  *gk_window_get_checker       (GkWindow      *self);
void        gk_window_save_to           (GkWindow      *self,
                                         GFile         *file);
gboolean    gk_window_start_next_year_to (GkWindow     *self,
                                          GFile        *file);
gboolean    gk_window_start_next_year_from (GkWindow   *self,
                                            GkDocument *this_year,
                                            GFile      *file);
GtkWidget  *gk_window_get_carried_over_bar (GkWindow   *self);
void        gk_window_restore_draft     (GkWindow      *self,
                                         GkDocument    *document,
                                         GFile         *file,
                                         GFile         *draft);
gboolean    gk_window_commit_pending    (GkWindow      *self);
gboolean    gk_window_holds_file        (GkWindow      *self,
                                         GFile         *file);
gboolean    gk_window_get_changed_on_disk (GkWindow    *self);
void        gk_window_set_document      (GkWindow      *self,
                                         GkDocument    *document,
                                         GFile         *file);

typedef enum {
  GK_WINDOW_EXPORT_PDF,
  GK_WINDOW_EXPORT_XLSX,
} GkWindowExport;

void        gk_window_export_async      (GkWindow            *self,
                                         GFile               *file,
                                         GkWindowExport       format,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean    gk_window_export_finish     (GkWindow            *self,
                                         GAsyncResult        *result,
                                         GError             **error);

GtkPrintOperation *gk_window_create_print_operation (GkWindow            *self);
void        gk_window_print_set_selected_only (GtkPrintOperation *operation,
                                               gboolean           selected_only);
void        gk_window_import_xlsx_async  (GkWindow            *self,
                                          GFile               *file,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GkWindow   *gk_window_import_xlsx_finish (GkWindow            *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
