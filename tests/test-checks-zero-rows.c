/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-test-common.h"

/* A row of zeros is a placeholder left behind, unless the template says
 * the published table lists every row: 上海's 决算 表六 prints all its 款,
 * 33 of them at 0.00 in the 普陀 sample. A row with no figure at all is
 * still one to fill in. */

static GkDocument *
load_data (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), dir, name, NULL);

  return gk_test_load (path);
}

/* The format.placeholder findings on @table's row @code. */
static guint
placeholders_at (GkChecker  *checker,
                 const char *table,
                 const char *code)
{
  g_autofree char *prefix = g_strdup_printf ("%s/%s/", table, code);
  g_autofree char *whole = g_strdup_printf ("%s/%s", table, code);
  guint n = 0;

  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *place = NULL;

      if (!g_str_equal (gk_finding_get_rule_id (finding), "format.placeholder") ||
          gk_finding_get_n_places (finding) == 0)
        continue;
      place = gk_place_to_string (gk_finding_get_place (finding, 0));
      if (g_str_has_prefix (place, prefix) || g_str_equal (place, whole))
        {
          g_test_message ("%s: %s", place, gk_finding_get_message (finding));
          n++;
        }
    }
  return n;
}

static GkRow *
add_row (GkDocument *document,
         const char *table_id,
         const char *code,
         const char *column,
         const char *text)
{
  GkTable *table = gk_document_get_table (document, table_id);
  g_autoptr(GError) error = NULL;
  GkRow *row;

  g_assert_nonnull (table);
  g_assert_null (gk_table_lookup (table, code));
  row = gk_document_add_row (document, table, code, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (row);
  if (text != NULL)
    {
      g_assert_true (gk_document_set_amount_text (document, row, gk_table_column_index (table, column), text, &error));
      g_assert_no_error (error);
    }
  return row;
}

/* 普陀 2025 表六 prints 30103 奖金, 30204 手续费, 31099 其他资本性支出 …
 * at 0.00, and the sample holds them as printed. */
static void
test_every_row_printed (void)
{
  static const char * const zeros[] = { "30103", "30111", "30114", "30301", "30399", "30204", "30240", "31001", "31099" };
  g_autoptr(GkDocument) document = load_data ("data/samples", "shanghai-putuo-ecology-bureau-2025-final.gongkai");
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkTable *table = gk_document_get_table (document, "final-basic");

  g_assert_true (gk_table_get_schema (table)->every_row);
  for (guint i = 0; i < G_N_ELEMENTS (zeros); i++)
    {
      GkRow *row = gk_table_lookup (table, zeros[i]);
      GkAmount amount = -1;

      g_assert_nonnull (row);
      g_assert_true (gk_row_get_amount (row, gk_table_column_index (table, "amount"), &amount));
      g_assert_cmpint (amount, ==, 0);
      g_assert_cmpuint (placeholders_at (checker, "final-basic", zeros[i]), ==, 0);
    }

  /* A row added and left without a figure is still to be filled in. */
  add_row (document, "final-basic", "30203", "amount", NULL);
  g_assert_cmpuint (placeholders_at (checker, "final-basic", "30203"), ==, 1);

  /* The tables of the same document that list what was spent keep the rule. */
  g_assert_false (gk_table_get_schema (gk_document_get_table (document, "final-general"))->every_row);
}

/* The budget sample's 基本支出表 lists what is budgeted: a row of zeros
 * there is a placeholder. */
static void
test_zero_row_placeholder (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  GkTable *table = gk_document_get_table (document, "basic-expenditure");

  g_assert_false (gk_table_get_schema (table)->every_row);
  g_assert_cmpuint (placeholders_at (checker, "basic-expenditure", "30109"), ==, 0);
  add_row (document, "basic-expenditure", "30109", "total", "0.00");
  g_assert_cmpuint (placeholders_at (checker, "basic-expenditure", "30109"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks-zero-rows/every-row-printed", test_every_row_printed);
  g_test_add_func ("/checks-zero-rows/zero-row-placeholder", test_zero_row_placeholder);
  return g_test_run ();
}
