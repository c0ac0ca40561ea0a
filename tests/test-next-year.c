/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-narrative.h"
#include "gk-test-document.h"

/* Next year's disclosure begun from this year's: this year's figures are
 * its last-year figures, and it has none of its own yet. */

static GkAmount
prior (GkDocument *document,
       const char *key)
{
  GkPrior *p = gk_explanation_lookup_prior (gk_document_get_explanation (document), key);

  if (p == NULL)
    g_error ("no last-year figure %s", key);
  return gk_prior_get_amount (p);
}

static GkAmount
total (GkDocument *document,
       const char *role,
       const char *column_id)
{
  GkTable *table = gk_document_get_table (document, role);
  GkAmount amount = 0;

  gk_table_get_column_total (table, column (table, column_id), &amount);
  return amount;
}

/* The 项 of @rows and below, each with its last-year figure. */
static void
assert_items (GkDocument *next,
              GkTable    *general,
              GListModel *rows,
              guint      *n)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      const char *code = gk_row_get_code (row);

      if (gk_row_get_children (row) != NULL)
        assert_items (next, general, gk_row_get_children (row), n);
      if (gk_row_get_kind (row) == GK_ROW_KIND_ITEM && code != NULL && strlen (code) == 7)
        {
          g_autofree char *key = g_strconcat ("function.", code, NULL);

          g_assert_cmpint (prior (next, key), ==, gk_row_get_value (row, column (general, "total")));
          (*n)++;
        }
    }
}

static void
assert_priors_are (GkDocument *next,
                   GkDocument *this_year)
{
  GkTable *income = gk_document_get_table (this_year, "income");
  GkTable *general = gk_document_get_table (this_year, "general-expenditure");
  GkTable *sangong = gk_document_get_table (this_year, "sangong");
  const GkTableSchema *schema = gk_table_get_schema (income);
  guint n = 0;

  for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, c);
      g_autofree char *key = g_strconcat ("income.", col->id, NULL);
      GkAmount amount;

      if (col->rule == GK_COLUMN_ENTERED && gk_table_get_column_total (income, c, &amount))
        {
          g_assert_cmpint (prior (next, key), ==, amount);
          n++;
        }
    }
  g_assert_cmpint (prior (next, "expenditure.basic"), ==, total (this_year, "expenditure", "basic"));
  g_assert_cmpint (prior (next, "expenditure.project"), ==, total (this_year, "expenditure", "project"));
  g_assert_cmpint (prior (next, "general.total"), ==, total (this_year, "general-expenditure", "total"));
  g_assert_cmpint (prior (next, "running-costs"), ==, total (this_year, "basic-expenditure", "public"));
  /* Every function 项 of 表五, and every 三公 item. */
  assert_items (next, general, gk_table_get_roots (general), &n);
  for (guint c = 0; c < gk_table_schema_get_n_columns (gk_table_get_schema (sangong)); c++)
    {
      const char *id = gk_table_schema_get_column (gk_table_get_schema (sangong), c)->id;
      g_autofree char *key = g_strconcat ("sangong.", id, NULL);
      GkPrior *p = gk_explanation_lookup_prior (gk_document_get_explanation (next), key);

      if (p != NULL)
        {
          g_assert_cmpint (gk_prior_get_amount (p), ==, gk_row_get_value (gk_table_get_single_row (sangong), c));
          n++;
        }
    }
  g_assert_cmpuint (n, >=, 8);

  /* Each economic 类 of 基本支出, and 政府采购 as entered beside 情况说明. */
  {
    GkTable *basic = gk_document_get_table (this_year, "basic-expenditure");
    GListModel *roots = gk_table_get_roots (basic);
    GkExplanation *explanation = gk_document_get_explanation (this_year);
    GkAmount procurement = 0;

    g_assert_cmpuint (g_list_model_get_n_items (roots), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
      {
        g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
        g_autofree char *key = g_strconcat ("basic.", gk_row_get_code (row), NULL);

        g_assert_cmpint (prior (next, key), ==, gk_row_get_value (row, column (basic, "total")));
      }
    g_assert_true (gk_amount_add (gk_explanation_get_amount (explanation, "procurement-goods"),
                                  gk_explanation_get_amount (explanation, "procurement-works"), &procurement));
    g_assert_true (gk_amount_add (procurement, gk_explanation_get_amount (explanation, "procurement-services"),
                                  &procurement));
    g_assert_cmpint (prior (next, "procurement.total"), ==, procurement);
    g_assert_cmpint (prior (next, "procurement.goods"), ==,
                     gk_explanation_get_amount (explanation, "procurement-goods"));
    g_assert_cmpint (prior (next, "sangong-all.total"), ==, 3000);
  }
}

static void
test_next_year (void)
{
  g_autoptr(GkDocument) this_year = load_sample ();
  g_autoptr(GkDocument) next = load_sample ();
  g_autoptr(GkDocument) reread = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* As a document read from a published PDF has them. */
  gk_table_set_stated (gk_document_get_table (next, "expenditure"), "201", "basic", 2840800);
  /* This year's 全口径 “三公”经费 and 政府采购 beside 情况说明, and a unit
   * type (the copy read from the file has none: it is carried over). */
  {
    static const char * const facts[] = {
      "sangong-all-abroad", "sangong-all-vehicle-purchase", "sangong-all-vehicle-operation", "sangong-all-reception",
    };

    for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
      {
        gk_document_set_int (this_year, gk_document_get_explanation (this_year), facts[i], 500 + 500 * (i % 2));
        gk_document_set_int (next, gk_document_get_explanation (next), facts[i], 500 + 500 * (i % 2));
      }
    gk_document_set_int (this_year, gk_document_get_explanation (this_year), "procurement-goods", 1234);
    gk_document_set_int (next, gk_document_get_explanation (next), "procurement-goods", 1234);
    gk_document_set_int (next, gk_document_get_explanation (next), "procurement-centralized", 1234);
    gk_document_set_unit_type (this_year, GK_UNIT_TYPE_INSTITUTION);
  }
  g_assert_true (gk_document_start_next_year (next, this_year, report, &error));
  g_assert_no_error (error);
  g_test_message ("%s", report->str);
  /* What this year's published tables printed is not next year's. */
  for (guint t = 0; t < gk_document_get_n_tables (next); t++)
    g_assert_cmpuint (gk_table_get_n_stated (gk_document_get_table_at (next, t)), ==, 0);

  g_assert_cmpuint (gk_document_get_year (next), ==, 2021);
  g_assert_cmpstr (gk_document_get_date (next), ==, "");
  g_assert_cmpstr (gk_document_get_unit (next), ==, gk_document_get_unit (this_year));
  g_assert_true (gk_document_get_template (next) == gk_document_get_template (this_year));
  /* No figure of its own: the rows stay, their figures go. */
  for (guint t = 0; t < gk_document_get_n_tables (next); t++)
    {
      GkTable *table = gk_document_get_table_at (next, t);
      const GkTableSchema *schema = gk_table_get_schema (table);

      if (gk_table_schema_is_summary (schema))
        continue;
      for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
        {
          GkAmount amount;

          if (gk_table_get_column_total (table, c, &amount))
            g_assert_cmpint (amount, ==, 0);
        }
    }
  g_assert_nonnull (gk_table_lookup (gk_document_get_table (next, "income"), "2010301"));
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_projects (next)), ==,
                    g_list_model_get_n_items (gk_document_get_projects (this_year)));
  g_assert_cmpint (total (next, "project-expenditure", "total"), ==, 0);
  g_assert_false (gk_document_can_undo (next));
  g_assert_nonnull (strstr (report->str, "emptied for 2021"));
  /* The unit is what it was; this year's 政府采购 and 全口径 “三公”经费
   * are not next year's. */
  g_assert_cmpint (gk_document_get_unit_type (next), ==, GK_UNIT_TYPE_INSTITUTION);
  g_assert_cmpint (gk_explanation_get_amount (gk_document_get_explanation (next), "procurement-goods"), ==, 0);
  g_assert_cmpint (gk_explanation_get_amount (gk_document_get_explanation (next), "procurement-centralized"), ==,
                   G_MININT64);
  g_assert_cmpint (gk_explanation_get_amount (gk_document_get_explanation (next), "sangong-all-abroad"), ==,
                   G_MININT64);

  /* This year's figures are the new year's last-year figures, also once saved. */
  assert_priors_are (next, this_year);
  bytes = gk_document_serialize (next);
  reread = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  assert_priors_are (reread, this_year);
  g_assert_cmpint (gk_document_get_unit_type (reread), ==, GK_UNIT_TYPE_INSTITUTION);
  /* The priors are said: 政府采购's change in the seed's own paragraph. */
  {
    g_autoptr(GPtrArray) sections = gk_narrative_compose (reread);
    g_autofree char *text = gk_narrative_dup_text (sections);

    g_assert_nonnull (strstr (text, "2021年政府采购预算比上年减少12.34万元"));
  }

  /* The year after that refuses this year as its last year. */
  {
    g_autoptr(GkDocument) wrong = load_sample ();
    g_autoptr(GError) e = NULL;

    g_object_set (wrong, "year", 0, NULL);
    g_assert_false (gk_document_start_next_year (next, wrong, NULL, &e));
    g_assert_nonnull (e);
  }
}

/* The command line: IN stays as it was, OUT is next year's. */
static void
test_next_year_cli (void)
{
  const char *gongkai = g_getenv ("GK_GONGKAI");
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-next-year-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "2021.gongkai", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (gongkai == NULL)
    {
      g_test_skip ("GK_GONGKAI is not set");
      return;
    }
  g_assert_true (g_file_get_contents (sample, &before, NULL, NULL));
  {
    const char *argv[] = { gongkai, "--next-year", sample, out, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &stdout_text, &stderr_text, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (stdout_text, "2021"));
  }
  g_assert_true (g_file_get_contents (sample, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  {
    /* An existing OUT is left alone. */
    const char *argv[] = { gongkai, "--next-year", sample, out, NULL };
    g_autofree char *o = NULL;
    g_autofree char *e = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &o, &e, &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (e, "--force"));
  }
  g_unlink (out);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/next-year/model", test_next_year);
  g_test_add_func ("/next-year/cli", test_next_year_cli);
  return g_test_run ();
}
