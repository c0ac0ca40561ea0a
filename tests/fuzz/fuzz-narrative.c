/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The checker reading a hand-written 情况说明 paragraph: the first byte
 * picks the paragraph of the sample it replaces, the rest is its text. */
#include "config.h"

#include "fuzz-common.h"
#include "gk-checker.h"
#include "gk-document-io.h"
#include "gk-narrative.h"

static GBytes *sample;
static GPtrArray *ids;

static void
load_sample (void)
{
  g_autofree char *path = g_build_filename (GK_SOURCE_ROOT, "data", "samples",
                                            "urumqi-county-government-office-2020.gongkai", NULL);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  sample = g_bytes_new_take (contents, length);
  document = gk_document_load_from_data (contents, length, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  ids = g_ptr_array_new_with_free_func (g_free);
  sections = gk_narrative_compose (document);
  for (guint i = 0; i < sections->len; i++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, i);

      for (guint j = 0; j < section->paragraphs->len; j++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, j);
          g_ptr_array_add (ids, g_strdup (paragraph->id));
        }
    }
  g_assert_cmpuint (ids->len, >, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkChecker) checker = NULL;
  g_autofree char *text = NULL;
  const char *bytes;
  gsize length;

  fuzz_init ();
  if (sample == NULL)
    load_sample ();
  if (size == 0)
    return 0;
  bytes = g_bytes_get_data (sample, &length);
  document = gk_document_load_from_data (bytes, length, NULL);
  text = g_utf8_make_valid ((const char *) data + 1, size - 1);
  gk_document_set_hand_written (document, g_ptr_array_index (ids, data[0] % ids->len), text);
  checker = gk_checker_new (document);
  gk_checker_update (checker);
  (void) gk_checker_get_n_errors (checker);
  (void) gk_checker_get_n_warnings (checker);
  return 0;
}
