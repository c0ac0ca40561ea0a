/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"
#include "gk-json-stream.h"

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
gboolean    gk_document_write          (GkDocument           *document,
                                        GkJsonSink            sink,
                                        gpointer              user_data,
                                        GError              **error);
gboolean    gk_document_write_to_stream (GkDocument          *document,
                                        GOutputStream        *stream,
                                        GCancellable         *cancellable,
                                        GError              **error);
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

/* The document written a piece at a time (a draft between the main
 * loop's other work); it must not change between the steps. */
typedef struct _GkDocumentWriter GkDocumentWriter;

GkDocumentWriter *gk_document_writer_new  (GkDocument        *document,
                                           GkJsonSink         sink,
                                           gpointer           user_data);
gboolean          gk_document_writer_step (GkDocumentWriter  *self,
                                           GError           **error);
void              gk_document_writer_free (GkDocumentWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkDocumentWriter, gk_document_writer_free)

G_END_DECLS
