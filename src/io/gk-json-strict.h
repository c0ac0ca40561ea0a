/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a value stands in a text: bytes [start, end). */
typedef struct
{
  gsize start;
  gsize end;
} GkJsonSpan;

gboolean gk_json_check_strict (const char  *data,
                               gsize        length,
                               guint        max_depth,
                               GError     **error);
gboolean gk_json_check_strict_spans (const char  *data,
                                     gsize        length,
                                     guint        max_depth,
                                     const char  *member,
                                     GkJsonSpan  *list,
                                     GArray      *spans,
                                     GError     **error);

G_END_DECLS
