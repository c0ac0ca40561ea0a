/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document-rows.c — GkDocument: rows added and removed, projects */

#include "config.h"

#include "gk-test-document.h"

/* Rows ---------------------------------------------------------------------- */

static char *
flat_keys (GkDocument *document,
           const char *table_id)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GString *keys = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (table));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) r = g_list_model_get_item (G_LIST_MODEL (table), i);
      g_autofree char *key = row_key (r);
      g_string_append_printf (keys, "%s%s", i ? " " : "", key);
    }
  return g_string_free (keys, FALSE);
}

#define assert_flat(document, table_id, expected) \
  G_STMT_START { \
    g_autofree char *_keys = flat_keys ((document), (table_id)); \
    g_assert_cmpstr (_keys, ==, (expected)); \
  } G_STMT_END

static void
test_add_rows (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GBytes) original = gk_document_serialize (document);
  g_autoptr(GError) error = NULL;
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  GkRow *added;

  /* A 项 whose 款 and 类 are missing brings them, named from the catalog. */
  added = gk_document_add_row (document, t3, "2101101", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_true (added == gk_table_lookup (t3, "2101101"));
  g_assert_cmpint (gk_row_get_kind (added), ==, GK_ROW_KIND_ITEM);
  g_assert_cmpstr (gk_row_get_name (added), ==, "行政单位医疗");
  g_assert_cmpstr (gk_row_get_code (gk_row_get_parent (added)), ==, "21011");
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (t3, "21011")), ==, "行政事业单位医疗");
  g_assert_cmpint (gk_row_get_kind (gk_table_lookup (t3, "21011")), ==, GK_ROW_KIND_SECTION);
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (t3, "210")), ==, "卫生健康支出");
  g_assert_cmpint (gk_row_get_kind (gk_table_lookup (t3, "210")), ==, GK_ROW_KIND_CLASS);
  g_assert_null (gk_row_get_parent (gk_table_lookup (t3, "210")));
  g_assert_cmpuint (gk_row_get_depth (added), ==, 2);
  assert_flat (document, "expenditure", "201 20103 2010301 2010399 208 20805 2080505 210 21011 2101101 合计");
  g_assert_false (gk_row_has_figures (added));
  assert_cell (document, "expenditure", "210", "total", NULL);
  /* One action, one undo step. */
  g_assert_cmpstr (gk_document_get_undo_label (document), !=, NULL);
  set_text_ok (document, "expenditure", "2101101", "basic", "5.00");
  assert_cell (document, "expenditure", "210", "basic", "5.00");
  assert_cell (document, "income-summary", "210", "amount", "5.00");
  assert_cell (document, "expenditure", "合计", "total", "360.08");
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_assert_null (gk_table_lookup (t3, "210"));
  g_assert_null (gk_table_lookup (t3, "21011"));
  g_assert_null (gk_table_lookup (t3, "2101101"));
  {
    g_autoptr(GBytes) now = gk_document_serialize (document);
    g_assert_true (g_bytes_equal (now, original));
  }
  g_assert_true (gk_document_redo (document));
  g_assert_nonnull (gk_table_lookup (t3, "210"));
  g_assert_true (gk_document_undo (document));

  /* A 类 of another table's template is listed in 表一 even with no line in
   * its template (209 is not one of the summary's fixed classes). */
  added = gk_document_add_row (document, t3, "209", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (gk_table_lookup_line (gk_document_get_table (document, "income-summary"), "209"));
  g_assert_true (gk_document_undo (document));
  g_assert_null (gk_table_lookup_line (gk_document_get_table (document, "income-summary"), "209"));

  /* A code the catalog does not know needs a name. */
  added = gk_document_add_row (document, t3, "2101188", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_null (added);
  g_clear_error (&error);
  g_assert_null (gk_table_lookup (t3, "21011"));
  added = gk_document_add_row (document, t3, "2101188", "测试项目支出", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gk_row_get_name (added), ==, "测试项目支出");
  g_assert_cmpstr (gk_document_get_code_name (document, GK_CLASSIFICATION_FUNCTION, "2101188"), ==, "测试项目支出");
  g_assert_true (gk_document_undo (document));
  g_assert_null (gk_table_lookup (t3, "2101188"));
  g_assert_null (gk_document_get_code_name (document, GK_CLASSIFICATION_FUNCTION, "2101188"));

  /* Malformed codes, duplicates and derived tables are refused. */
  {
    static const char * const bad[] = { "20a", "", "2", "2010", "201030", "20103011", "3010", "abc", " 201" };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        added = gk_document_add_row (document, t3, bad[i], "名称", &error);
        g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
        g_assert_null (added);
        g_clear_error (&error);
      }
  }
  added = gk_document_add_row (document, t3, "2010301", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_EXISTS);
  g_assert_null (added);
  g_clear_error (&error);
  added = gk_document_add_row (document, t3, "201", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_EXISTS);
  g_clear_error (&error);
  /* 表六 takes economic codes only. */
  added = gk_document_add_row (document, gk_document_get_table (document, "basic-expenditure"), "2010301", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  added = gk_document_add_row (document, gk_document_get_table (document, "income-summary"), "201", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  added = gk_document_add_row (document, gk_document_get_table (document, "project-expenditure"), "2010301", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  added = gk_document_add_row (document, gk_document_get_table (document, "sangong"), "201", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  g_assert_false (gk_document_can_undo (document));
  {
    g_autoptr(GBytes) now = gk_document_serialize (document);
    g_assert_true (g_bytes_equal (now, original));
  }

  /* A 项 added under a 款 that holds figures takes them over. */
  added = gk_document_add_row (document, t3, "20101", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gk_row_is_leaf (added));
  g_assert_true (gk_row_is_cell_entered (added, 1));
  set_text_ok (document, "expenditure", "20101", "basic", "10.00");
  set_text_ok (document, "expenditure", "20101", "project", "2.00");
  assert_cell (document, "expenditure", "201", "total", "348.06");
  {
    g_autoptr(GBytes) before_item = gk_document_serialize (document);
    g_autoptr(GBytes) now = NULL;
    GkRow *section = gk_table_lookup (t3, "20101");

    added = gk_document_add_row (document, t3, "2010101", NULL, &error);
    g_assert_no_error (error);
    g_assert_true (gk_row_get_parent (added) == section);
    assert_cell (document, "expenditure", "2010101", "basic", "10.00");
    assert_cell (document, "expenditure", "2010101", "project", "2.00");
    assert_cell (document, "expenditure", "2010101", "total", "12.00");
    g_assert_true (gk_row_is_cell_entered (added, 1));
    assert_cell (document, "expenditure", "20101", "basic", "10.00");
    assert_cell (document, "expenditure", "20101", "total", "12.00");
    g_assert_false (gk_row_is_cell_entered (section, 1));
    assert_cell (document, "expenditure", "201", "total", "348.06");
    assert_cell (document, "expenditure", "合计", "total", "367.08");
    assert_flat (document, "expenditure", "201 20101 2010101 20103 2010301 2010399 208 20805 2080505 合计");

    /* The whole move is one step back. */
    g_assert_true (gk_document_undo (document));
    g_assert_null (gk_table_lookup (t3, "2010101"));
    g_assert_true (gk_row_is_leaf (section));
    assert_cell (document, "expenditure", "20101", "basic", "10.00");
    assert_cell (document, "expenditure", "20101", "project", "2.00");
    now = gk_document_serialize (document);
    g_assert_true (g_bytes_equal (now, before_item));
    g_assert_true (gk_document_redo (document));
    assert_cell (document, "expenditure", "2010101", "basic", "10.00");
    g_bytes_unref (now);
    now = gk_document_serialize (document);
    g_assert_false (g_bytes_equal (now, before_item));
  }

  /* The file holds figures on the new 项 only. */
  {
    g_autoptr(GBytes) bytes = gk_document_serialize (document);
    g_autoptr(GkDocument) reloaded = gk_document_load_from_data (g_bytes_get_data (bytes, NULL),
                                                                 g_bytes_get_size (bytes), &error);
    g_assert_no_error (error);
    assert_cell (reloaded, "expenditure", "2010101", "basic", "10.00");
    assert_cell (reloaded, "expenditure", "20101", "basic", "10.00");
    g_assert_false (gk_row_is_cell_entered (gk_table_lookup (gk_document_get_table (reloaded, "expenditure"), "20101"), 1));
    g_assert_finalize_object (g_steal_pointer (&reloaded));
  }

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_remove_rows (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GBytes) original = gk_document_serialize (document);
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  GkRow *section = gk_table_lookup (t3, "20103");
  GkRow *item = gk_table_lookup (t3, "2010301");

  /* A 款 with its 项: they go, their figures leave every total. */
  gk_document_remove_row (document, section);
  g_assert_null (gk_table_lookup (t3, "20103"));
  g_assert_null (gk_table_lookup (t3, "2010301"));
  g_assert_null (gk_table_lookup (t3, "2010399"));
  g_assert_null (gk_row_get_table (section));
  g_assert_null (gk_row_get_table (item));
  assert_flat (document, "expenditure", "201 208 20805 2080505 合计");
  assert_cell (document, "expenditure", "201", "total", NULL);
  assert_cell (document, "expenditure", "201", "basic", NULL);
  assert_cell (document, "expenditure", "201", "project", NULL);
  assert_cell (document, "expenditure", "合计", "total", "19.02");
  assert_cell (document, "expenditure", "合计", "basic", "19.02");
  assert_cell (document, "expenditure", "合计", "project", NULL);
  assert_cell (document, "income-summary", "201", "amount", NULL);
  assert_cell (document, "income-summary", "expenditure-total", "amount", "19.02");
  {
    /* Saved and read back: what is left is what the file says. */
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = gk_document_serialize (document);
    g_autoptr(GkDocument) reloaded = gk_document_load_from_data (g_bytes_get_data (bytes, NULL),
                                                                 g_bytes_get_size (bytes), &error);
    g_assert_no_error (error);
    assert_cell (reloaded, "expenditure", "合计", "total", "19.02");
    assert_cell (reloaded, "expenditure", "201", "total", NULL);
  }

  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_table_lookup (t3, "20103") == section);
  g_assert_true (gk_table_lookup (t3, "2010301") == item);
  g_assert_true (gk_row_get_table (item) == t3);
  assert_table (document, "expenditure", seed_t3);
  assert_cell (document, "income-summary", "201", "amount", "336.06");
  {
    g_autoptr(GBytes) now = gk_document_serialize (document);
    g_assert_true (g_bytes_equal (now, original));
  }

  /* A whole 类. */
  gk_document_remove_row (document, gk_table_lookup (t3, "208"));
  assert_flat (document, "expenditure", "201 20103 2010301 2010399 合计");
  assert_cell (document, "expenditure", "合计", "total", "336.06");
  assert_cell (document, "income-summary", "208", "amount", NULL);
  /* One 项 of two: its sibling's figures remain. */
  gk_document_remove_row (document, gk_table_lookup (t3, "2010399"));
  assert_cell (document, "expenditure", "20103", "total", "265.06");
  assert_cell (document, "expenditure", "20103", "project", NULL);
  assert_cell (document, "expenditure", "合计", "total", "265.06");
  /* An economic 类 in 表六. */
  gk_document_remove_row (document, row (document, "basic-expenditure", "302"));
  assert_cell (document, "basic-expenditure", "合计", "total", "225.55");
  assert_cell (document, "basic-expenditure", "合计", "public", NULL);

  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  g_assert_false (gk_document_can_undo (document));
  assert_seed_tables (document);
  {
    g_autoptr(GBytes) now = gk_document_serialize (document);
    g_assert_true (g_bytes_equal (now, original));
  }

  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Projects ------------------------------------------------------------------ */

static void
test_projects (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GBytes) original = gk_document_serialize (document);
  g_autoptr(GError) error = NULL;
  GkTable *t7 = gk_document_get_table (document, "project-expenditure");
  GListModel *projects = gk_document_get_projects (document);
  GkProject *project;
  GkRow *r;
  GkTestNotify notified;

  project = gk_document_add_project (document, "新项目", "2101101");
  g_assert_nonnull (project);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 7);
  g_assert_cmpstr (gk_project_get_id (project), ==, "p7");
  g_assert_true (gk_document_lookup_project (document, "p7") == project);
  r = gk_project_get_row (project);
  g_assert_true (gk_row_get_table (r) == t7);
  g_assert_true (gk_row_get_project (r) == project);
  g_assert_cmpstr (gk_row_get_name (r), ==, "新项目");
  g_assert_cmpstr (gk_row_get_code (gk_row_get_parent (r)), ==, "2101101");
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (t7, "21011")), ==, "行政事业单位医疗");
  assert_flat (document, "project-expenditure",
               "201 20103 2010399 project:电子政务工作经费 project:网站维护 project:文印及材料费 "
               "project:县信联办及县群众信访服务中心业务办公经费 project:重点项目督查经费 "
               "project:重要节日、重大会议、敏感节点期间信访值班备勤及劝返工作经费 "
               "210 21011 2101101 project:新项目 合计");
  assert_cell (document, "project-expenditure", "210", "total", NULL);
  assert_cell (document, "project-expenditure", "合计", "total", "71.00");

  /* Its figures are entered on its row. */
  g_assert_true (gk_document_set_amount_text (document, r, column (t7, "e302"), "3.00", &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_set_amount_text (document, r, column (t7, "e310"), "2.00", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_project_get_total (project), ==, 500);
  g_assert_cmpint (gk_project_get_fiscal (project), ==, 500);
  assert_cell (document, "project-expenditure", "project:新项目", "total", "5.00");
  assert_cell (document, "project-expenditure", "2101101", "total", "5.00");
  assert_cell (document, "project-expenditure", "21011", "e310", "2.00");
  assert_cell (document, "project-expenditure", "210", "e302", "3.00");
  assert_cell (document, "project-expenditure", "合计", "total", "76.00");
  assert_cell (document, "project-expenditure", "合计", "e302", "74.00");
  assert_cell (document, "project-expenditure", "合计", "e310", "2.00");
  gk_document_set_int (document, project, "other-funds", 150);
  g_assert_cmpint (gk_project_get_fiscal (project), ==, 350);

  /* Moving it to another 项 moves it in 表七; the groups it left go. */
  gk_document_set_text (document, project, "function", "2010399");
  g_assert_null (gk_table_lookup (t7, "210"));
  g_assert_null (gk_table_lookup (t7, "21011"));
  g_assert_null (gk_table_lookup (t7, "2101101"));
  g_assert_cmpstr (gk_row_get_code (gk_row_get_parent (r)), ==, "2010399");
  assert_flat (document, "project-expenditure",
               "201 20103 2010399 project:电子政务工作经费 project:网站维护 project:文印及材料费 "
               "project:县信联办及县群众信访服务中心业务办公经费 project:重点项目督查经费 "
               "project:重要节日、重大会议、敏感节点期间信访值班备勤及劝返工作经费 "
               "project:新项目 合计");
  assert_cell (document, "project-expenditure", "2010399", "total", "76.00");
  assert_cell (document, "project-expenditure", "201", "e310", "2.00");
  assert_cell (document, "project-expenditure", "合计", "total", "76.00");
  /* To a 项 of its own, in code order before 2010399. */
  gk_document_set_text (document, project, "function", "2010301");
  assert_flat (document, "project-expenditure",
               "201 20103 2010301 project:新项目 2010399 project:电子政务工作经费 project:网站维护 "
               "project:文印及材料费 project:县信联办及县群众信访服务中心业务办公经费 "
               "project:重点项目督查经费 project:重要节日、重大会议、敏感节点期间信访值班备勤及劝返工作经费 合计");
  assert_cell (document, "project-expenditure", "2010301", "total", "5.00");
  assert_cell (document, "project-expenditure", "2010399", "total", "71.00");
  assert_cell (document, "project-expenditure", "20103", "total", "76.00");

  /* Renaming it renames its row. */
  gk_test_notify_watch (&notified, r, "name");
  gk_document_set_text (document, project, "name", "改名项目");
  g_assert_cmpstr (gk_project_get_name (project), ==, "改名项目");
  g_assert_cmpstr (gk_row_get_name (r), ==, "改名项目");
  g_assert_cmpuint (notified.count, ==, 1);
  gk_document_set_text (document, project, "name", "改名项目");
  g_assert_cmpuint (notified.count, ==, 1);
  g_assert_true (gk_document_undo (document));
  g_assert_cmpstr (gk_row_get_name (r), ==, "新项目");
  g_assert_cmpuint (notified.count, ==, 2);
  g_assert_true (gk_document_redo (document));
  g_assert_cmpstr (gk_row_get_name (r), ==, "改名项目");
  gk_test_notify_clear (&notified);

  /* Removing the last project of a 项 removes its group rows. */
  gk_document_list_remove (document, projects, 6);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 6);
  g_assert_null (gk_table_lookup (t7, "2010301"));
  g_assert_null (gk_row_get_table (r));
  assert_table (document, "project-expenditure", seed_t7);
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_row_get_table (r) == t7);
  assert_cell (document, "project-expenditure", "合计", "total", "76.00");

  /* All of them: 表七 is empty, its 合计 blank. */
  gk_document_begin_action (document, "remove all");
  while (g_list_model_get_n_items (projects) > 0)
    gk_document_list_remove (document, projects, 0);
  gk_document_end_action (document);
  assert_table (document, "project-expenditure", empty_t7);
  g_assert_true (gk_table_is_empty (t7));
  g_assert_true (gk_document_undo (document));
  assert_cell (document, "project-expenditure", "合计", "total", "76.00");

  /* Back to the start, step by step. */
  while (gk_document_can_undo (document))
    g_assert_true (gk_document_undo (document));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 6);
  g_assert_null (gk_document_lookup_project (document, "p7"));
  assert_seed_tables (document);
  {
    g_autoptr(GBytes) now = gk_document_serialize (document);
    g_assert_true (g_bytes_equal (now, original));
  }

  g_assert_finalize_object (g_steal_pointer (&document));
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/rows/add", test_add_rows);
  g_test_add_func ("/document/rows/remove", test_remove_rows);
  g_test_add_func ("/document/projects", test_projects);

  return g_test_run ();
}
