/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .gongkai reader on any bytes: no crash, no sanitizer report, no
 * critical message. A document it takes must be one the writer writes,
 * and the reader takes back, giving the same bytes again. */
#include "config.h"

#include "fuzz-common.h"
#include "gk-document-io.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize length;

  fuzz_init ();
  document = gk_document_load_from_data ((const char *) data, size, &error);
  if (document == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  if (!gk_document_check_writable (document, &error))
    g_error ("a document read from the input cannot be written: %s", error->message);
  bytes = gk_document_serialize (document);
  text = g_bytes_get_data (bytes, &length);
  again = gk_document_load_from_data (text, length, &error);
  if (again == NULL)
    g_error ("a document read from the input is written back unreadable: %s", error->message);
  bytes_again = gk_document_serialize (again);
  if (!g_bytes_equal (bytes, bytes_again))
    g_error ("a document read from the input is not written back the same way twice");
  return 0;
}
