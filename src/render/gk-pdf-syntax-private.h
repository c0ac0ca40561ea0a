/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reading the objects of a PDF as cairo writes it (gk-pdf-rewrite.c):
 * positions in bytes, 0 where nothing could be read. */

/* One object read, its positions in the bytes not yet written. */
typedef struct
{
  guint64  number;
  gsize    start;          /* "N 0 obj" */
  gsize    end;            /* after "endobj" */
  gsize    value_start;
  gsize    value_end;
  gsize    data_start;     /* of a stream whose length is not direct */
  gsize    data_end;       /* "endstream" */
  guint64  length_ref;     /* its /Length object, 0 when direct */
} GkPdfObject;

typedef struct
{
  const char *data;
  gsize       size;
} GkPdfText;

gsize        _gk_pdf_skip_space     (const GkPdfText   *pdf,
                                     gsize              p,
                                     gsize              end);
gsize        _gk_pdf_read_uint      (const GkPdfText   *pdf,
                                     gsize              p,
                                     gsize              end,
                                     guint64           *value);
gsize        _gk_pdf_read_reference (const GkPdfText   *pdf,
                                     gsize              p,
                                     gsize              end,
                                     guint64           *number);
gsize        _gk_pdf_skip_value     (const GkPdfText   *pdf,
                                     gsize              p,
                                     gsize              end,
                                     guint              depth);
gboolean     _gk_pdf_is_dictionary  (const GkPdfText   *pdf,
                                     gsize              start,
                                     gsize              end);
gboolean     _gk_pdf_find_key       (const GkPdfText   *pdf,
                                     gsize              start,
                                     gsize              end,
                                     const char        *key,
                                     gsize             *key_start,
                                     gsize             *value_start,
                                     gsize             *value_end);
gboolean     _gk_pdf_find_reference (const GkPdfText   *pdf,
                                     gsize              start,
                                     gsize              end,
                                     const char        *key,
                                     guint64           *number);
const char  *_gk_pdf_find_bytes     (const char        *haystack,
                                     gsize              size,
                                     const char        *needle,
                                     gsize              length);
gsize        _gk_pdf_read_object    (const GkPdfText   *pdf,
                                     gsize              p,
                                     GkPdfObject       *object);
gboolean     _gk_pdf_has_type       (const GkPdfText   *pdf,
                                     const GkPdfObject *object,
                                     const char        *type);

G_END_DECLS
