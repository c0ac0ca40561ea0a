/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"

G_BEGIN_DECLS

char       *gk_document_read_contents (GFile         *file,
                                       gsize          max_size,
                                       GCancellable  *cancellable,
                                       gsize         *length,
                                       GError       **error);

GkDocument *gk_document_open          (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
