/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the checker tests share. */

#include "gk-checker-private.h"
#include "gk-document-io.h"
#include "gk-row-private.h"
#include "gk-table-private.h"

/* Writes figures into a row as an import would, without deriving anything. */
static inline void
store (GkRow      *row,
       const char *column_id,
       const char *text)
{
  GkTable *table = gk_row_get_table (row);
  guint n = gk_row_get_n_columns (row);
  g_autofree GkAmount *values = g_new0 (GkAmount, n);
  guint64 mask = 0;
  int column = gk_table_column_index (table, column_id);
  GkAmount amount;

  g_assert_cmpint (column, >=, 0);
  g_assert_true (gk_amount_parse (text, GK_AMOUNT_PARSE_DEFAULT, &amount, NULL));
  for (guint c = 0; c < n; c++)
    {
      values[c] = gk_row_get_value (row, c);
      if (gk_row_is_set (row, c))
        mask |= G_GUINT64_CONSTANT (1) << c;
    }
  values[column] = amount;
  mask |= G_GUINT64_CONSTANT (1) << column;
  gk_row_store (row, values, mask, 0);
}

static inline void
print_findings (GkChecker *checker)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *location = gk_finding_dup_location (finding);

      g_test_message ("%s %s %s: %s", gk_check_severity_to_string (gk_finding_get_severity (finding)),
                      gk_finding_get_rule_id (finding), location, gk_finding_get_message (finding));
    }
}

static inline GkDocument *
load (const char *relative)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}
