/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_FILE_FORMAT_NAME    "gongkai-disclosure"
#define GK_FILE_FORMAT_VERSION 2
/* The years a file may give; a document without one leaves "year" out. */
#define GK_FILE_YEAR_MIN       1990
#define GK_FILE_YEAR_MAX       2200

GkDocument *gk_document_load_from_data (const char           *data,
                                        gssize                length,
                                        GError              **error);
GkDocument *gk_document_load           (GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void        gk_document_load_async     (GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GkDocument *gk_document_load_finish    (GAsyncResult         *result,
                                        GError              **error);

gboolean    gk_document_check_writable (GkDocument           *document,
                                        GError              **error);
GBytes     *gk_document_serialize      (GkDocument           *document);
gboolean    gk_document_save           (GkDocument           *document,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
void        gk_document_save_async     (GkDocument           *document,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean    gk_document_save_finish    (GkDocument           *document,
                                        GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
