/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document-history.c — GkDocument: undo, redo, history properties, lifetimes */

#include "config.h"

#include "gk-test-document.h"

/* Undo and redo ---------------------------------------------------------------- */

typedef struct
{
  guint modified;
  guint can_undo;
  guint can_redo;
} Notifies;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Notifies   *n)
{
  if (g_str_equal (pspec->name, "modified"))
    n->modified++;
  else if (g_str_equal (pspec->name, "can-undo"))
    n->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    n->can_redo++;
}

static gboolean
get_bool (GkDocument *document,
          const char *property)
{
  gboolean value;

  g_object_get (document, property, &value, NULL);
  return value;
}

static void
test_undo_redo (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GError) error = NULL;
  GkOverview *overview = gk_document_get_overview (document);
  GListModel *duties = gk_overview_get_duties (overview);
  GListModel *glossary = gk_document_get_glossary (document);
  GListModel *projects = gk_document_get_projects (document);
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  GkProject *project = NULL;
  guint changed = 0;
  guint steps;

  g_signal_connect (document, "changed", G_CALLBACK (count_cb), &changed);
  g_ptr_array_add (snapshots, gk_document_serialize (document));

#define STEP() \
  G_STMT_START { \
    GBytes *_now = gk_document_serialize (document); \
    g_assert_false (g_bytes_equal (_now, snapshots->pdata[snapshots->len - 1])); \
    g_ptr_array_add (snapshots, _now); \
    g_assert_cmpuint (changed, ==, snapshots->len - 1); \
    g_assert_true (gk_document_get_modified (document)); \
  } G_STMT_END

  set_text_ok (document, "expenditure", "2010301", "basic", "260.00");
  STEP ();
  set_text_ok (document, "income", "2010301", "general", "");
  STEP ();
  g_assert_nonnull (gk_document_add_row (document, gk_document_get_table (document, "general-expenditure"), "2101101", NULL, &error));
  g_assert_no_error (error);
  STEP ();
  g_assert_true (gk_document_set_code_name (document, GK_CLASSIFICATION_FUNCTION, "2010399", "其他事务支出", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (t3, "2010399")), ==, "其他事务支出");
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (gk_document_get_table (document, "project-expenditure"), "2010399")), ==, "其他事务支出");
  STEP ();
  project = gk_document_add_project (document, "新项目", "2010301");
  STEP ();
  g_assert_true (gk_document_set_amount_text (document, gk_project_get_row (project),
                                              column (gk_document_get_table (document, "project-expenditure"), "e302"),
                                              "3.50", &error));
  g_assert_no_error (error);
  STEP ();
  gk_document_set_text (document, project, "function", "2080505");
  STEP ();
  gk_document_set_text (document, project, "name", "改名项目");
  STEP ();
  {
    g_autoptr(GkTextItem) duty = gk_text_item_new ("新增职责。");
    gk_document_list_insert (document, duties, 0, duty);
  }
  STEP ();
  gk_document_list_move (document, duties, 0, 5);
  {
    g_autoptr(GkTextItem) moved = g_list_model_get_item (duties, 5);
    g_assert_cmpstr (gk_text_item_get_text (moved), ==, "新增职责。");
  }
  STEP ();
  gk_document_list_remove (document, glossary, 2);
  STEP ();
  gk_document_set_int (document, overview, "serving", 15);
  g_assert_cmpint (gk_overview_get_serving (overview), ==, 15);
  g_assert_cmpint (gk_overview_get_actual (overview), ==, 28);
  STEP ();
  /* One action of several edits is one step. */
  gk_document_begin_action (document, "Prior year");
  {
    GkPrior *prior = gk_document_ensure_prior (document, "function.2101101");
    gk_document_set_int (document, prior, "amount", 123456);
    gk_document_set_text (document, prior, "basis", GK_PRIOR_BASIS_ACTUAL);
    gk_document_set_text (document, prior, "reason", "新增项目");
    /* Nothing is announced until the action ends. */
    g_assert_cmpuint (changed, ==, snapshots->len - 1);
    g_assert_false (gk_document_can_undo (document));
  }
  gk_document_end_action (document);
  g_assert_cmpstr (gk_document_get_undo_label (document), ==, "Prior year");
  STEP ();
  gk_document_remove_prior (document, "income.fund");
  g_assert_null (gk_explanation_lookup_prior (gk_document_get_explanation (document), "income.fund"));
  STEP ();
  gk_document_remove_row (document, row (document, "basic-expenditure", "302"));
  STEP ();
  set_text_ok (document, "sangong", "single", "reception", "0.50");
  STEP ();
  gk_document_list_remove (document, projects, 2);
  STEP ();
  gk_document_set_text (document, t3, "note", "说明。");
  STEP ();
  gk_document_set_int (document, gk_document_get_explanation (document), "equipment-50", 2);
  STEP ();
#undef STEP

  steps = snapshots->len - 1;
  g_assert_cmpuint (steps, >=, 15);

  /* Back to the start, one step at a time. */
  for (guint i = steps; i > 0; i--)
    {
      g_autoptr(GBytes) now = NULL;

      g_assert_true (gk_document_can_undo (document));
      g_assert_true (gk_document_undo (document));
      now = gk_document_serialize (document);
      if (!g_bytes_equal (now, snapshots->pdata[i - 1]))
        g_error ("undoing step %u does not give back the document before it:\n%s",
                 i, (const char *) g_bytes_get_data (now, NULL));
    }
  g_assert_false (gk_document_can_undo (document));
  g_assert_false (gk_document_undo (document));
  g_assert_false (gk_document_get_modified (document));
  assert_seed_tables (document);

  /* And forward again. */
  for (guint i = 1; i <= steps; i++)
    {
      g_autoptr(GBytes) now = NULL;

      g_assert_true (gk_document_can_redo (document));
      g_assert_true (gk_document_redo (document));
      now = gk_document_serialize (document);
      if (!g_bytes_equal (now, snapshots->pdata[i]))
        g_error ("redoing step %u does not give the document after it:\n%s",
                 i, (const char *) g_bytes_get_data (now, NULL));
    }
  g_assert_false (gk_document_can_redo (document));
  g_assert_false (gk_document_redo (document));

  /* Half way back and a new edit: the redo history is gone. */
  for (guint i = 0; i < 5; i++)
    g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_can_redo (document));
  set_text_ok (document, "expenditure", "2010399", "project", "70.00");
  g_assert_false (gk_document_can_redo (document));
  g_assert_true (gk_document_undo (document));
  {
    g_autoptr(GBytes) now = gk_document_serialize (document);
    g_assert_true (g_bytes_equal (now, snapshots->pdata[steps - 5]));
  }

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_history_properties (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  Notifies n = { 0, };

  g_signal_connect (document, "notify", G_CALLBACK (notify_cb), &n);
  g_assert_false (get_bool (document, "modified"));
  g_assert_false (get_bool (document, "can-undo"));
  g_assert_false (get_bool (document, "can-redo"));

  set_text_ok (document, "expenditure", "2010301", "basic", "260.00");
  g_assert_true (get_bool (document, "modified"));
  g_assert_true (get_bool (document, "can-undo"));
  g_assert_false (get_bool (document, "can-redo"));
  g_assert_cmpuint (n.modified, ==, 1);
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 0);

  /* A second edit changes none of the three. */
  set_text_ok (document, "expenditure", "2010301", "basic", "261.00");
  g_assert_cmpuint (n.modified, ==, 1);
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 0);

  gk_document_mark_saved (document);
  g_assert_false (get_bool (document, "modified"));
  g_assert_true (get_bool (document, "can-undo"));
  g_assert_cmpuint (n.modified, ==, 2);
  g_assert_cmpuint (n.can_undo, ==, 1);

  /* Undo past the save: modified; redo back to it: saved. */
  g_assert_true (gk_document_undo (document));
  g_assert_true (get_bool (document, "modified"));
  g_assert_true (get_bool (document, "can-undo"));
  g_assert_true (get_bool (document, "can-redo"));
  g_assert_cmpuint (n.modified, ==, 3);
  g_assert_cmpuint (n.can_redo, ==, 1);
  g_assert_true (gk_document_redo (document));
  g_assert_false (get_bool (document, "modified"));
  g_assert_false (get_bool (document, "can-redo"));
  g_assert_cmpuint (n.modified, ==, 4);
  g_assert_cmpuint (n.can_redo, ==, 2);

  /* Back to the loaded state, which is not the saved one. */
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_assert_true (get_bool (document, "modified"));
  g_assert_false (get_bool (document, "can-undo"));
  g_assert_cmpuint (n.can_undo, ==, 2);

  /* Saved in the middle, then a different edit from there: the saved
   * state cannot be reached any more, so it stays modified. */
  gk_document_mark_saved (document);
  g_assert_false (get_bool (document, "modified"));
  g_assert_true (gk_document_redo (document));
  g_assert_true (get_bool (document, "modified"));
  g_assert_true (gk_document_undo (document));
  g_assert_false (get_bool (document, "modified"));
  set_text_ok (document, "expenditure", "2010399", "project", "1.00");
  g_assert_true (get_bool (document, "modified"));
  g_assert_false (get_bool (document, "can-redo"));
  g_assert_true (gk_document_undo (document));
  g_assert_false (get_bool (document, "modified"));

  /* An action with no effect records nothing. */
  gk_document_begin_action (document, "nothing");
  set_text_ok (document, "expenditure", "2010399", "project", "71.00");
  gk_document_end_action (document);
  g_assert_false (get_bool (document, "can-undo"));
  g_assert_false (get_bool (document, "modified"));

  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Lifetimes ----------------------------------------------------------------- */

static void
test_document_lifetime (void)
{
  g_autoptr(GkDocument) plain = gk_document_new ();
  g_autoptr(GkDocument) blank = gk_document_new_blank ("某单位", 2021, GK_MONEY_UNIT_YUAN);
  g_autoptr(GkDocument) sample = load_sample ();
  GkRow *watched[6];
  GkTable *t3;
  GkProject *project;
  GkProject *removed;

  g_assert_finalize_object (g_steal_pointer (&plain));

  g_assert_cmpstr (gk_document_get_unit (blank), ==, "某单位");
  g_assert_cmpuint (gk_document_get_year (blank), ==, 2021);
  g_assert_cmpint (gk_document_get_money_unit (blank), ==, GK_MONEY_UNIT_YUAN);
  g_assert_cmpuint (g_list_model_get_n_items (gk_document_get_glossary (blank)), ==, 6);
  g_assert_true (gk_table_is_empty (gk_document_get_table (blank, "expenditure")));
  assert_cell (blank, "income-summary", "income-total", "amount", NULL);
  assert_cell (blank, "expenditure", "合计", "total", NULL);
  g_assert_false (gk_document_get_modified (blank));
  g_assert_finalize_object (g_steal_pointer (&blank));

  /* A document after edits and undo: its rows, projects and tables go
   * with it, whatever the history held. */
  t3 = gk_document_get_table (sample, "expenditure");
  project = gk_document_add_project (sample, "新项目", "2101101");
  set_text_ok (sample, "expenditure", "2010301", "basic", "1.00");
  gk_document_remove_row (sample, gk_table_lookup (t3, "20103"));
  g_assert_nonnull (gk_document_add_row (sample, t3, "2101101", NULL, NULL));
  removed = g_list_model_get_item (gk_document_get_projects (sample), 0);
  gk_document_list_remove (sample, gk_document_get_projects (sample), 0);
  g_assert_true (gk_document_undo (sample));
  g_assert_true (gk_document_undo (sample));
  g_assert_true (gk_document_undo (sample));

  watched[0] = gk_table_lookup (t3, "2010301");
  watched[1] = gk_table_lookup (t3, "20103");
  watched[2] = gk_table_get_total_row (t3);
  watched[3] = gk_project_get_row (project);
  watched[4] = gk_table_lookup (gk_document_get_table (sample, "project-expenditure"), "2101101");
  watched[5] = gk_table_lookup_line (gk_document_get_table (sample, "income-summary"), "201");
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    {
      g_assert_nonnull (watched[i]);
      g_object_add_weak_pointer (G_OBJECT (watched[i]), (gpointer *) &watched[i]);
    }
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &project);
  g_object_add_weak_pointer (G_OBJECT (t3), (gpointer *) &t3);
  g_object_add_weak_pointer (G_OBJECT (removed), (gpointer *) &removed);
  g_object_unref (removed);   /* still held by the document and its history */
  g_assert_nonnull (removed);

  g_assert_finalize_object (g_steal_pointer (&sample));
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    g_assert_null (watched[i]);
  g_assert_null (project);
  g_assert_null (t3);
  g_assert_null (removed);
}

static void
test_parts_lifetime (void)
{
  GkProject *project = gk_project_new ("p1");
  GkRow *project_row = gk_project_get_row (project);
  GkIndicator *indicator = gk_indicator_new ("产出指标", "数量指标", "开展培训", "2次");
  GkTextItem *item = gk_text_item_new ("办公室");
  GkGlossaryEntry *entry = gk_glossary_entry_new ("财政拨款", "指……");
  GkPrior *prior = gk_prior_new ("income.general");
  GkOverview *overview = gk_overview_new ();
  GkExplanation *explanation = gk_explanation_new ();
  GkTable *table = gk_table_new (gk_template_lookup (gk_template_get_default (), "expenditure"));
  GkRow *table_row = gk_table_get_total_row (table);

  g_assert_cmpstr (gk_project_get_id (project), ==, "p1");
  g_assert_true (gk_row_get_project (project_row) == project);
  g_assert_cmpint (gk_project_get_total (project), ==, 0);
  g_assert_cmpstr (gk_indicator_get_level1 (indicator), ==, "产出指标");
  g_assert_cmpstr (gk_indicator_get_level2 (indicator), ==, "数量指标");
  g_assert_cmpstr (gk_indicator_get_name (indicator), ==, "开展培训");
  g_assert_cmpstr (gk_indicator_get_target (indicator), ==, "2次");
  g_assert_cmpstr (gk_text_item_get_text (item), ==, "办公室");
  g_assert_cmpstr (gk_glossary_entry_get_term (entry), ==, "财政拨款");
  g_assert_cmpstr (gk_glossary_entry_get_definition (entry), ==, "指……");
  g_assert_cmpstr (gk_prior_get_key (prior), ==, "income.general");
  g_assert_cmpstr (gk_prior_get_basis (prior), ==, GK_PRIOR_BASIS_BUDGET);
  g_assert_cmpint (gk_overview_get_actual (overview), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gk_explanation_get_priors (explanation)), ==, 0);
  g_assert_cmpstr (gk_table_get_id (table), ==, "expenditure");
  g_assert_true (gk_row_get_table (table_row) == table);

  g_list_store_append (G_LIST_STORE (gk_project_get_indicators (project)), indicator);
  g_list_store_append (G_LIST_STORE (gk_overview_get_offices (overview)), item);

  g_object_add_weak_pointer (G_OBJECT (project_row), (gpointer *) &project_row);
  g_object_add_weak_pointer (G_OBJECT (table_row), (gpointer *) &table_row);
  g_assert_finalize_object (project);
  g_assert_null (project_row);
  g_assert_finalize_object (indicator);
  g_assert_finalize_object (overview);
  g_assert_finalize_object (item);
  g_assert_finalize_object (entry);
  g_assert_finalize_object (prior);
  g_assert_finalize_object (explanation);
  g_assert_finalize_object (table);
  g_assert_null (table_row);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/history/undo-redo", test_undo_redo);
  g_test_add_func ("/document/history/properties", test_history_properties);
  g_test_add_func ("/document/lifetime/document", test_document_lifetime);
  g_test_add_func ("/document/lifetime/parts", test_parts_lifetime);

  return g_test_run ();
}
