/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-document-io.h"
#include "gk-test-common.h"

/* Every figure of @a equals the same figure of @b, derived ones included:
 * the document edited step by step against the same document derived
 * whole from its file. */
static void
assert_same_figures (GkDocument *a,
                     GkDocument *b)
{
  g_assert_cmpuint (gk_document_get_n_tables (a), ==, gk_document_get_n_tables (b));
  for (guint t = 0; t < gk_document_get_n_tables (a); t++)
    {
      GkTable *ta = gk_document_get_table_at (a, t);
      GkTable *tb = gk_document_get_table_at (b, t);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (ta));

      g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (tb)));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GkRow) ra = g_list_model_get_item (G_LIST_MODEL (ta), i);
          g_autoptr(GkRow) rb = g_list_model_get_item (G_LIST_MODEL (tb), i);

          g_assert_cmpstr (gk_row_get_code (ra), ==, gk_row_get_code (rb));
          for (guint c = 0; c < gk_row_get_n_columns (ra); c++)
            {
              if (gk_row_get_value (ra, c) != gk_row_get_value (rb, c) ||
                  gk_row_is_set (ra, c) != gk_row_is_set (rb, c))
                g_error ("%s row %u (%s) column %u: edited %" G_GINT64_FORMAT " (%s), derived %" G_GINT64_FORMAT " (%s)",
                         gk_table_get_id (ta), i, gk_row_get_code (ra), c,
                         gk_row_get_value (ra, c), gk_row_is_set (ra, c) ? "set" : "blank",
                         gk_row_get_value (rb, c), gk_row_is_set (rb, c) ? "set" : "blank");
            }
        }
    }
}

static GkDocument *
reloaded (GkDocument *document)
{
  g_autoptr(GBytes) bytes = gk_document_serialize (document);
  g_autoptr(GError) error = NULL;
  GkDocument *copy = gk_document_load_from_data (g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  return copy;
}

/* The entered cells of @table, as (row, column) pairs. */
static GPtrArray *
entered_cells (GkTable *table,
               GArray  *columns)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (table)); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);

      for (guint c = 0; c < gk_row_get_n_columns (row); c++)
        if (gk_row_is_cell_entered (row, c))
          {
            g_ptr_array_add (rows, g_object_ref (row));
            g_array_append_val (columns, c);
          }
    }
  return rows;
}

/* An edit updates the rows above it by the difference, not by re-adding
 * every sibling: after each of many random edits (figures set, changed,
 * blanked, undone and redone) every figure equals a whole derivation. */
static void
test_derive_by_difference (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20200203);

  for (guint step = 0; step < 400; step++)
    {
      GkTable *table = gk_document_get_table_at (document, g_rand_int_range (rand, 0, gk_document_get_n_tables (document)));
      g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) rows = entered_cells (table, columns);
      guint pick;

      if (g_rand_int_range (rand, 0, 8) == 0 && gk_document_can_undo (document))
        {
          g_assert_true (gk_document_undo (document));
          if (g_rand_boolean (rand))
            g_assert_true (gk_document_redo (document));
        }
      else if (rows->len > 0)
        {
          g_autoptr(GError) error = NULL;
          GkAmount amount = g_rand_int_range (rand, 0, 5000000);

          pick = g_rand_int_range (rand, 0, rows->len);
          g_assert_true (gk_document_set_amount (document, rows->pdata[pick],
                                                 g_array_index (columns, guint, pick),
                                                 g_rand_int_range (rand, 0, 4) == 0 ? NULL : &amount,
                                                 &error) || error == NULL);
        }
      if (step % 20 == 19)
        {
          g_autoptr(GkDocument) whole = reloaded (document);
          assert_same_figures (document, whole);
        }
    }
}

/* Projects added at once: one action, ids that skip those in use, every
 * project in 表七 under its 项, undone and redone whole. */
static void
test_add_projects (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GListModel *projects = gk_document_get_projects (document);
  guint before = g_list_model_get_n_items (projects);
  GkTable *t7 = gk_document_get_table (document, "project-expenditure");
  const char *names[] = { "网格化管理经费", "档案数字化经费", "应急值守经费" };
  const char *codes[] = { "2010399", "2010399", "2080505" };
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GkAmount amount = 123456;

  added = gk_document_add_projects (document, names, codes, G_N_ELEMENTS (names));
  g_assert_cmpuint (added->len, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, before + 3);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      g_assert_true (g_hash_table_add (ids, (gpointer) gk_project_get_id (project)));
    }
  for (guint i = 0; i < added->len; i++)
    {
      GkRow *row = gk_project_get_row (added->pdata[i]);

      g_assert_cmpstr (gk_project_get_name (added->pdata[i]), ==, names[i]);
      g_assert_true (gk_row_get_table (row) == t7);
      g_assert_cmpstr (gk_row_get_code (gk_row_get_parent (row)), ==, codes[i]);
    }

  g_assert_true (gk_document_set_amount (document, gk_project_get_row (added->pdata[2]),
                                         gk_table_column_index (t7, "e302"), &amount, NULL));
  g_assert_cmpint (gk_row_get_value (gk_table_lookup (t7, "2080505"), gk_table_column_index (t7, "total")), ==, amount);

  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, before);
  g_assert_null (gk_table_lookup (t7, "2080505"));
  g_assert_true (gk_document_redo (document));
  g_assert_true (gk_document_redo (document));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, before + 3);
  g_assert_cmpint (gk_row_get_value (gk_table_lookup (t7, "2080505"), gk_table_column_index (t7, "total")), ==, amount);

  {
    g_autoptr(GkDocument) whole = reloaded (document);
    assert_same_figures (document, whole);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/derive/by-difference", test_derive_by_difference);
  g_test_add_func ("/derive/add-projects", test_add_projects);

  return g_test_run ();
}
