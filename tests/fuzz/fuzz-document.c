/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The .gongkai reader on any bytes: no crash, no sanitizer report, no
 * critical message. With GK_FUZZ_ROUND_TRIP set, a document it takes must
 * also be taken back once written out. */
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
  bytes = gk_document_serialize (document);
  if (g_getenv ("GK_FUZZ_ROUND_TRIP") == NULL)
    return 0;
  text = g_bytes_get_data (bytes, &length);
  again = gk_document_load_from_data (text, length, &error);
  if (again == NULL)
    g_error ("a document read from the input is written back unreadable: %s", error->message);
  return 0;
}
