/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "gk-checks-page.h"
#include "gk-document-io.h"
#include "gk-finding-row.h"

#include "gk-test-common.h"

/* After an edit the findings list takes in and lets go only the findings
 * that changed: it then equals the list of a checker made from scratch,
 * and every finding still there keeps its row and the focus. */

#define N_ADDED 40

static char *
finding_key (GkFinding *finding)
{
  g_autofree char *location = gk_finding_dup_location (finding);

  return g_strdup_printf ("%s|%d|%s|%s", gk_finding_get_rule_id (finding),
                          (int) gk_finding_get_severity (finding),
                          gk_finding_get_message (finding), location);
}

static GPtrArray *
model_keys (GListModel *model)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (model, i);
      g_ptr_array_add (keys, finding_key (finding));
    }
  return keys;
}

/* The rows of the list by their finding's key. */
static GHashTable *
rows_by_key (GtkListBox *list,
             GPtrArray  *keys_out)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      char *key = finding_key (gk_finding_row_get_finding (GK_FINDING_ROW (row)));

      g_assert_false (g_hash_table_contains (rows, key));
      if (keys_out != NULL)
        g_ptr_array_add (keys_out, g_strdup (key));
      g_hash_table_insert (rows, key, row);
    }
  return rows;
}

static void
assert_same_keys (GPtrArray *a,
                  GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

/* A copy of the checker's list kept only from what ::items-changed says:
 * it ends equal to the list when every splice was told right. */
typedef struct
{
  GPtrArray *items;
  guint      n_changed;   /* rows taken out and put in, all told */
} Mirror;

static void
mirror_changed (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->items, position + i, g_list_model_get_item (model, position + i));
  mirror->n_changed += removed + added;
}

/* What the cells ask: the findings of each place, as a checker made from
 * scratch finds them. */
static void
assert_same_places (GkChecker *checker,
                    GkChecker *fresh)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fresh)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      for (guint p = 0; p < gk_finding_get_n_places (finding); p++)
        {
          const GkPlace *place = gk_finding_get_place (finding, p);
          g_autoptr(GPtrArray) found = gk_checker_find (checker, place->part, place->row, place->column);
          g_autoptr(GPtrArray) expected = gk_checker_find (fresh, place->part, place->row, place->column);

          g_assert_cmpuint (found->len, ==, expected->len);
          for (guint k = 0; k < found->len; k++)
            {
              g_autofree char *a = finding_key (found->pdata[k]);
              g_autofree char *b = finding_key (expected->pdata[k]);
              g_assert_cmpstr (a, ==, b);
            }
        }
    }
}

static void
set_amount (GkDocument *document,
            GkProject  *project,
            const char *text)
{
  GkRow *row = gk_project_get_row (project);
  g_autoptr(GError) error = NULL;

  g_assert_true (gk_document_set_amount_text (document, row,
                                              gk_table_column_index (gk_row_get_table (row), "e302"),
                                              text, &error));
  g_assert_no_error (error);
}

static void
test_splice_keeps_rows (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GkChecker) fresh = NULL;
  g_autoptr(GPtrArray) before_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) after_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fresh_keys = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  Mirror mirror = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;
  GtkListBox *list;
  GtkListBoxRow *selected;
  GHashTableIter iter;
  gpointer key, value;
  guint kept = 0, gone = 0, came = 0;

  for (guint i = 0; i < N_ADDED; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("测试项目%02u", i));
      g_ptr_array_add (codes, (gpointer) "2010399");
    }
  added = gk_document_add_projects (document, (const char * const *) names->pdata,
                                    (const char * const *) codes->pdata, N_ADDED);

  checker = gk_checker_new (document);
  page = gk_checks_page_new (checker);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gk_test_iterate_until (gk_test_is_mapped, page);
  list = gk_checks_page_get_list (GK_CHECKS_PAGE (page));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    g_ptr_array_add (mirror.items, g_list_model_get_item (G_LIST_MODEL (checker), i));
  g_signal_connect (checker, "items-changed", G_CALLBACK (mirror_changed), &mirror);

  before = rows_by_key (list, before_keys);
  g_assert_cmpuint (before_keys->len, >=, 2 * N_ADDED);
  /* The focus is on a finding of the last project, which stays. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, before_keys->len - 1))));

  /* The index of places is there, to be kept through the edits. */
  g_ptr_array_unref (gk_checker_find (checker, "projects", NULL, NULL));
  /* Edits at places far apart in the list: figures for two of the new
   * projects, and a project without a name. */
  set_amount (document, added->pdata[2], "10.00");
  set_amount (document, added->pdata[N_ADDED - 3], "20.00");
  gk_document_set_text (document, added->pdata[N_ADDED / 2], "name", "");
  gk_test_iterate_idle ();

  after = rows_by_key (list, after_keys);
  /* The same as from scratch, in the same order… */
  fresh = gk_checker_new (document);
  fresh_keys = model_keys (G_LIST_MODEL (fresh));
  assert_same_keys (after_keys, fresh_keys);
  assert_same_places (checker, fresh);
  g_assert_cmpuint (mirror.items->len, ==, g_list_model_get_n_items (G_LIST_MODEL (checker)));
  for (guint i = 0; i < mirror.items->len; i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_assert_true (mirror.items->pdata[i] == finding);
    }

  /* …and what stayed kept its row. */
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkListBoxRow *now = g_hash_table_lookup (after, key);

      if (now == NULL)
        {
          gone++;
          continue;
        }
      g_assert_true (now == value);
      kept++;
    }
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (before, key))
      came++;
  g_assert_cmpuint (gone, >, 0);
  g_assert_cmpuint (came, >, 0);
  g_assert_cmpuint (kept, >, N_ADDED);
  /* Only the changes were told (some only for a while, between the
   * edits), not the list anew. */
  g_assert_cmpuint (mirror.n_changed, >=, gone + came);
  g_assert_cmpuint (mirror.n_changed, <, kept);

  selected = GTK_LIST_BOX_ROW (gtk_window_get_focus (GTK_WINDOW (window)));
  g_assert_nonnull (selected);
  g_assert_true (selected == g_hash_table_lookup (after, before_keys->pdata[before_keys->len - 1]));

  /* The headings count what is listed now. */
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (list, 0);
    GtkWidget *header = gtk_list_box_row_get_header (first);
    GtkWidget *label = gtk_widget_get_first_child (header);
    GkFinding *finding = gk_finding_row_get_finding (GK_FINDING_ROW (first));
    guint n = gk_finding_get_severity (finding) == GK_CHECK_SEVERITY_ERROR ? gk_checker_get_n_errors (checker)
                                                                            : gk_checker_get_n_warnings (checker);
    g_autofree char *count = g_strdup_printf ("%u ", n);

    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), count));
  }

  g_signal_handlers_disconnect_by_data (checker, &mirror);
  g_ptr_array_unref (mirror.items);
  gk_test_destroy_window (window);
}

/* Undo puts the list back as it was, by the same small splices. */
static void
test_undo_restores (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GPtrArray) start = model_keys (G_LIST_MODEL (checker));
  g_autoptr(GPtrArray) end = NULL;
  g_autoptr(GPtrArray) fresh_keys = NULL;
  g_autoptr(GkChecker) fresh = NULL;
  GkProject *project = g_list_model_get_item (gk_document_get_projects (document), 0);

  g_object_unref (project);
  set_amount (document, project, "123456.78");
  gk_document_set_text (document, project, "name", "");
  fresh = gk_checker_new (document);
  fresh_keys = model_keys (G_LIST_MODEL (fresh));
  end = model_keys (G_LIST_MODEL (checker));
  assert_same_keys (end, fresh_keys);
  g_assert_cmpuint (end->len, !=, start->len);

  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_clear_pointer (&end, g_ptr_array_unref);
  end = model_keys (G_LIST_MODEL (checker));
  assert_same_keys (end, start);
}

/* Many findings at once (projects added in one action) are merged in one
 * pass rather than one by one: the list is the same. */
static void
test_many_at_once (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GPtrArray) start = model_keys (G_LIST_MODEL (checker));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) end = NULL;
  g_autoptr(GPtrArray) fresh_keys = NULL;
  g_autoptr(GkChecker) fresh = NULL;

  for (guint i = 0; i < 100; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("批量项目%03u", i));
      g_ptr_array_add (codes, (gpointer) "2010399");
    }
  g_ptr_array_unref (gk_checker_find (checker, "projects", NULL, NULL));
  added = gk_document_add_projects (document, (const char * const *) names->pdata,
                                    (const char * const *) codes->pdata, 100);
  end = model_keys (G_LIST_MODEL (checker));
  g_assert_cmpuint (end->len, >=, start->len + 100);
  fresh = gk_checker_new (document);
  fresh_keys = model_keys (G_LIST_MODEL (fresh));
  assert_same_keys (end, fresh_keys);
  assert_same_places (checker, fresh);

  g_assert_true (gk_document_undo (document));
  g_clear_pointer (&end, g_ptr_array_unref);
  end = model_keys (G_LIST_MODEL (checker));
  assert_same_keys (end, start);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/checks-splice/keeps-rows", test_splice_keeps_rows);
  g_test_add_func ("/checks-splice/undo-restores", test_undo_restores);
  g_test_add_func ("/checks-splice/many-at-once", test_many_at_once);
  return g_test_run ();
}
