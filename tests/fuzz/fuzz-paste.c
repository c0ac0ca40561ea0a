/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pasted cells: the text is split into rows and cells, and each cell read
 * as an amount the way a table page reads it. An amount that is taken must
 * read back the same once written out. */
#include "config.h"

#include "fuzz-common.h"
#include "gk-amount.h"
#include "gk-tsv.h"

static void
check_amount (const char         *text,
              GkAmountParseFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  GkAmount amount, again;

  if (!gk_amount_parse (text, flags, &amount, &error))
    {
      g_assert_nonnull (error);
      return;
    }
  if (!(flags & GK_AMOUNT_PARSE_ALLOW_NEGATIVE))
    g_assert_cmpint (amount, >=, 0);
  written = gk_amount_format (amount);
  if (!gk_amount_parse (written, GK_AMOUNT_PARSE_ALLOW_NEGATIVE, &again, &error))
    g_error ("“%s” is read as %s, which is not read back: %s", text, written, error->message);
  g_assert_cmpint (amount, ==, again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  fuzz_init ();
  /* The clipboard's text is UTF-8 without NULs, as GTK hands it over. */
  text = g_utf8_make_valid ((const char *) data, size);
  rows = gk_tsv_split (text);
  for (guint i = 0; i < rows->len; i++)
    {
      char **cells = g_ptr_array_index (rows, i);

      for (guint j = 0; cells[j] != NULL; j++)
        {
          g_assert_null (strchr (cells[j], '\t'));
          g_assert_null (strchr (cells[j], '\n'));
          check_amount (cells[j], GK_AMOUNT_PARSE_DEFAULT);
          check_amount (cells[j], GK_AMOUNT_PARSE_ALLOW_NEGATIVE);
        }
    }
  return 0;
}
