/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The xlsx import on any bytes: whatever it makes must serialize and be
 * taken back by the .gongkai reader. */
#include "config.h"

#include "fuzz-common.h"
#include "gk-document-io.h"
#include "gk-xlsx-reader.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) again = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize length;

  fuzz_init ();
  document = gk_xlsx_import_data (data, size, "fuzz.xlsx", report, &error);
  if (document == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  bytes = gk_document_serialize (document);
  text = g_bytes_get_data (bytes, &length);
  again = gk_document_load_from_data (text, length, &error);
  if (again == NULL)
    g_error ("an imported workbook makes a document that cannot be opened: %s", error->message);
  return 0;
}
