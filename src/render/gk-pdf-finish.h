/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes   *gk_pdf_finish           (GBytes         *pdf,
                                   const char     *language,
                                   GError        **error);
gboolean  gk_pdf_finish_to_stream (GBytes         *pdf,
                                   const char     *language,
                                   GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error);

G_END_DECLS
