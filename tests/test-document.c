/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document.c — GkDocument: derived tables, edits, notifications, refused edits */

#include "config.h"

#include "gk-test-document.h"

static void
test_derived_seed (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  GkTable *t1 = gk_document_get_table (document, "income-summary");
  GkTable *t9 = gk_document_get_table (document, "fund-expenditure");
  GkAmount amount;

  g_assert_cmpuint (gk_document_get_n_tables (document), ==, 9);
  assert_seed_tables (document);

  /* Spot checks in the seed's own words, independent of the table helper. */
  g_assert_true (gk_row_get_amount (row (document, "basic-expenditure", "301"), 0, &amount));
  g_assert_cmpint (amount, ==, 18838);
  g_assert_true (gk_row_get_amount (row (document, "basic-expenditure", "合计"), 1, &amount));
  g_assert_cmpint (amount, ==, 22555);
  g_assert_true (gk_table_get_column_total (gk_document_get_table (document, "sangong"), 0, &amount));
  g_assert_cmpint (amount, ==, 4905);
  g_assert_true (gk_row_get_amount (row (document, "sangong", "single"), column (gk_document_get_table (document, "sangong"), "vehicle"), &amount));
  g_assert_cmpint (amount, ==, 4860);
  g_assert_true (gk_row_get_amount (gk_table_lookup_line (t1, "201"), 0, &amount));
  g_assert_cmpint (amount, ==, 33606);
  g_assert_true (gk_row_get_amount (gk_table_lookup_line (t1, "208"), 0, &amount));
  g_assert_cmpint (amount, ==, 1902);
  /* A blank line stays blank: nothing entered is not the same as 0.00. */
  g_assert_false (gk_row_get_amount (gk_table_lookup_line (t1, "202"), 0, &amount));
  g_assert_false (gk_row_get_amount (gk_table_lookup_line (t1, "fund"), 0, &amount));
  g_assert_false (gk_row_get_amount (gk_table_lookup_line (t1, "carryover"), 0, &amount));
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup_line (t1, "201")), ==, "一般公共服务支出");
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup_line (t1, "expenditure-total")), ==, "支出合计");
  g_assert_cmpint (gk_row_get_side (gk_table_lookup_line (t1, "general")), ==, GK_ROW_SIDE_INCOME);
  g_assert_cmpint (gk_row_get_side (gk_table_lookup_line (t1, "201")), ==, GK_ROW_SIDE_EXPENDITURE);
  g_assert_true (gk_table_is_empty (t9));
  g_assert_false (gk_table_is_empty (gk_document_get_table (document, "expenditure")));

  /* The 表七 project rows are the projects. */
  {
    g_autoptr(GkProject) p1 = g_list_model_get_item (gk_document_get_projects (document), 0);
    g_assert_cmpint (gk_project_get_total (p1), ==, 500);
    g_assert_cmpint (gk_project_get_fiscal (p1), ==, 500);
    g_assert_true (gk_row_get_table (gk_project_get_row (p1)) == gk_document_get_table (document, "project-expenditure"));
    g_assert_true (gk_row_get_project (gk_project_get_row (p1)) == p1);
    g_assert_cmpstr (gk_row_get_code (gk_row_get_parent (gk_project_get_row (p1))), ==, "2010399");
  }

  g_assert_false (gk_document_get_modified (document));
  g_assert_false (gk_document_can_undo (document));
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_edit_t3 (void)
{
  g_autoptr(GkDocument) document = load_sample ();

  set_text_ok (document, "expenditure", "2010301", "basic", "300.00");
  assert_cell (document, "expenditure", "2010301", "basic", "300.00");
  assert_cell (document, "expenditure", "2010301", "total", "300.00");
  assert_cell (document, "expenditure", "20103", "basic", "300.00");
  assert_cell (document, "expenditure", "20103", "total", "371.00");
  assert_cell (document, "expenditure", "201", "basic", "300.00");
  assert_cell (document, "expenditure", "201", "total", "371.00");
  assert_cell (document, "expenditure", "合计", "basic", "319.02");
  assert_cell (document, "expenditure", "合计", "total", "390.02");
  assert_cell (document, "expenditure", "合计", "project", "71.00");
  assert_cell (document, "income-summary", "201", "amount", "371.00");
  assert_cell (document, "income-summary", "208", "amount", "19.02");
  assert_cell (document, "income-summary", "expenditure-total", "amount", "390.02");
  /* Income is 表二's: unchanged. 2010301 is funded by 一般公共预算 alone,
   * so its row of 表五 follows 表三, and 表四 reads 表五. */
  assert_cell (document, "income-summary", "income-total", "amount", "355.08");
  assert_cell (document, "general-expenditure", "2010301", "basic", "300.00");
  assert_cell (document, "general-expenditure", "合计", "total", "390.02");
  g_assert_true (gk_document_row_follows (document, gk_table_lookup (gk_document_get_table (document, "general-expenditure"), "2010301")));

  /* Typed figures are parsed like the user types them. */
  set_text_ok (document, "expenditure", "2010301", "basic", " 1,234.5 ");
  assert_cell (document, "expenditure", "201", "basic", "1234.50");
  assert_cell (document, "income-summary", "expenditure-total", "amount", "1324.52");

  /* Blanking the only figure of a column blanks it up the tree. */
  set_text_ok (document, "expenditure", "2010301", "basic", "");
  assert_cell (document, "expenditure", "2010301", "basic", NULL);
  assert_cell (document, "expenditure", "2010301", "total", NULL);
  assert_cell (document, "expenditure", "20103", "basic", NULL);
  assert_cell (document, "expenditure", "20103", "total", "71.00");
  assert_cell (document, "expenditure", "合计", "basic", "19.02");
  assert_cell (document, "income-summary", "201", "amount", "71.00");
  assert_cell (document, "income-summary", "expenditure-total", "amount", "90.02");

  /* An explicit zero is not a blank. */
  set_text_ok (document, "expenditure", "2010301", "basic", "0");
  assert_cell (document, "expenditure", "2010301", "basic", "0.00");
  assert_cell (document, "expenditure", "20103", "basic", "0.00");

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_edit_t2 (void)
{
  g_autoptr(GkDocument) document = load_sample ();

  set_text_ok (document, "income", "2010399", "general", "80.00");
  assert_cell (document, "income", "2010399", "total", "80.00");
  assert_cell (document, "income", "20103", "general", "345.06");
  assert_cell (document, "income", "201", "total", "345.06");
  assert_cell (document, "income", "合计", "general", "364.08");
  assert_cell (document, "income", "合计", "total", "364.08");
  assert_cell (document, "income-summary", "general", "amount", "364.08");
  assert_cell (document, "income-summary", "fiscal", "amount", "364.08");
  assert_cell (document, "income-summary", "subtotal", "amount", "364.08");
  assert_cell (document, "income-summary", "income-total", "amount", "364.08");
  assert_cell (document, "fiscal-summary", "general", "total", "364.08");
  assert_cell (document, "fiscal-summary", "fiscal", "total", "364.08");
  assert_cell (document, "fiscal-summary", "income-total", "total", "364.08");
  /* Expenditure comes from 表三 and 表五. */
  assert_cell (document, "income-summary", "expenditure-total", "amount", "355.08");
  assert_cell (document, "fiscal-summary", "expenditure-total", "total", "355.08");

  /* Another income column reaches its own line and the totals. */
  set_text_ok (document, "income", "2080505", "fund", "1.00");
  assert_cell (document, "income", "208", "total", "20.02");
  assert_cell (document, "income-summary", "fund", "amount", "1.00");
  assert_cell (document, "income-summary", "fiscal", "amount", "365.08");
  assert_cell (document, "income-summary", "income-total", "amount", "365.08");
  assert_cell (document, "fiscal-summary", "fund", "total", "1.00");
  assert_cell (document, "fiscal-summary", "income-total", "total", "365.08");
  set_text_ok (document, "income", "2080505", "carryover", "2.00");
  assert_cell (document, "income-summary", "carryover", "amount", "2.00");
  assert_cell (document, "income-summary", "subtotal", "amount", "365.08");
  assert_cell (document, "income-summary", "income-total", "amount", "367.08");
  assert_cell (document, "fiscal-summary", "income-total", "total", "365.08");

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_edit_t5 (void)
{
  g_autoptr(GkDocument) document = load_sample ();

  set_text_ok (document, "general-expenditure", "2080505", "basic", "20.00");
  assert_cell (document, "general-expenditure", "208", "total", "20.00");
  assert_cell (document, "general-expenditure", "合计", "basic", "285.06");
  assert_cell (document, "general-expenditure", "合计", "total", "356.06");
  assert_cell (document, "fiscal-summary", "208", "total", "20.00");
  assert_cell (document, "fiscal-summary", "208", "general", "20.00");
  assert_cell (document, "fiscal-summary", "208", "fund", NULL);
  assert_cell (document, "fiscal-summary", "expenditure-total", "total", "356.06");
  assert_cell (document, "fiscal-summary", "expenditure-total", "general", "356.06");
  /* 表一 reads 表三. */
  assert_cell (document, "income-summary", "208", "amount", "19.02");
  assert_cell (document, "income-summary", "expenditure-total", "amount", "355.08");

  /* 表六's split follows the economic 类. */
  set_text_ok (document, "basic-expenditure", "30201", "total", "3.70");
  assert_cell (document, "basic-expenditure", "30201", "public", "3.70");
  assert_cell (document, "basic-expenditure", "30201", "personnel", NULL);
  assert_cell (document, "basic-expenditure", "302", "total", "59.53");
  assert_cell (document, "basic-expenditure", "合计", "public", "59.53");
  assert_cell (document, "basic-expenditure", "合计", "personnel", "225.55");

  /* 表八's 小计 and 合计. */
  set_text_ok (document, "sangong", "single", "vehicle-purchase", "20.00");
  assert_cell (document, "sangong", "single", "vehicle", "68.60");
  assert_cell (document, "sangong", "single", "total", "69.05");

  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Notifications --------------------------------------------------------- */

typedef struct
{
  GPtrArray *log;     /* labels of the rows notified, in order */
  char      *label;
} Watch;

static void
watch_free (gpointer data,
            GClosure *closure)
{
  Watch *watch = data;

  g_ptr_array_unref (watch->log);
  g_free (watch->label);
  g_free (watch);
}

static void
row_changed_cb (GkRow *r,
                Watch *watch)
{
  g_ptr_array_add (watch->log, g_strdup (watch->label));
}

static void
watch_all_rows (GkDocument *document,
                GPtrArray  *log)
{
  for (guint t = 0; t < gk_document_get_n_tables (document); t++)
    {
      GkTable *table = gk_document_get_table_at (document, t);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (table));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GkRow) r = g_list_model_get_item (G_LIST_MODEL (table), i);
          g_autofree char *key = row_key (r);
          Watch *watch = g_new0 (Watch, 1);

          watch->log = g_ptr_array_ref (log);
          watch->label = g_strdup_printf ("%s:%s", gk_table_get_id (table), key);
          g_signal_connect_data (r, "changed", G_CALLBACK (row_changed_cb), watch, watch_free, 0);
        }
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The log, sorted, must be exactly `expected` (NULL-terminated, sorted
 * here too): every row notified once, no other row. Empties the log. */
static void
assert_notified (GPtrArray          *log,
                 const char * const *expected)
{
  g_autoptr(GPtrArray) want = g_ptr_array_new ();
  g_autoptr(GString) got_text = g_string_new (NULL);
  g_autoptr(GString) want_text = g_string_new (NULL);

  for (guint i = 0; expected[i] != NULL; i++)
    g_ptr_array_add (want, (gpointer) expected[i]);
  g_ptr_array_sort (want, compare_strings);
  g_ptr_array_sort (log, compare_strings);
  for (guint i = 0; i < want->len; i++)
    g_string_append_printf (want_text, "%s ", (char *) want->pdata[i]);
  for (guint i = 0; i < log->len; i++)
    g_string_append_printf (got_text, "%s ", (char *) log->pdata[i]);
  g_assert_cmpstr (got_text->str, ==, want_text->str);
  g_ptr_array_set_size (log, 0);
}

static void
test_notifications (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);
  static const char * const none[] = { NULL };

  watch_all_rows (document, log);

  /* 表三 → its ancestors, its 合计, 表一's 201 line and 支出合计; 2010301
   * is funded by 一般公共预算 alone, so 表五 follows, and 表四 reads 表五. */
  set_text_ok (document, "expenditure", "2010301", "basic", "300.00");
  {
    static const char * const expected[] = {
      "expenditure:2010301", "expenditure:20103", "expenditure:201", "expenditure:合计", "income-summary:201", "income-summary:expenditure-total",
      "general-expenditure:2010301", "general-expenditure:20103", "general-expenditure:201", "general-expenditure:合计",
      "fiscal-summary:201", "fiscal-summary:expenditure-total", NULL
    };
    assert_notified (log, expected);
  }

  /* The same value again changes nothing and notifies nothing. */
  set_text_ok (document, "expenditure", "2010301", "basic", "300");
  assert_notified (log, none);
  set_text_ok (document, "expenditure", "2010301", "basic", "300.00");
  assert_notified (log, none);

  /* 表二 → its rows, 表一 and 表四 income lines (fund is blank, so it stays). */
  set_text_ok (document, "income", "2080505", "general", "20.00");
  {
    static const char * const expected[] = {
      "income:2080505", "income:20805", "income:208", "income:合计",
      "income-summary:general", "income-summary:fiscal", "income-summary:subtotal", "income-summary:income-total",
      "fiscal-summary:general", "fiscal-summary:fiscal", "fiscal-summary:income-total", NULL
    };
    assert_notified (log, expected);
  }

  /* 表五 → its rows and 表四's expenditure, not 表一. */
  set_text_ok (document, "general-expenditure", "2010399", "project", "70.00");
  {
    static const char * const expected[] = {
      "general-expenditure:2010399", "general-expenditure:20103", "general-expenditure:201", "general-expenditure:合计", "fiscal-summary:201", "fiscal-summary:expenditure-total", NULL
    };
    assert_notified (log, expected);
  }

  {
    g_autoptr(GError) error = NULL;
    GkRow *r = row (document, "basic-expenditure", "30101");

    /* 表六 has no dependants outside itself. */
    g_assert_true (gk_document_set_amount_text (document, r, 0, "60.02", &error));
    g_assert_no_error (error);
  }
  {
    static const char * const expected[] = { "basic-expenditure:30101", "basic-expenditure:301", "basic-expenditure:合计", NULL };
    assert_notified (log, expected);
  }

  /* 表八 is one row. */
  set_text_ok (document, "sangong", "single", "abroad", "");
  {
    static const char * const expected[] = { "sangong:single", NULL };
    assert_notified (log, expected);
  }
  set_text_ok (document, "sangong", "single", "abroad", "");
  assert_notified (log, none);

  /* A project's figure → its row, its groups and 表七's 合计. */
  {
    g_autoptr(GkProject) p2 = g_list_model_get_item (gk_document_get_projects (document), 1);
    g_autoptr(GError) error = NULL;
    GkRow *r = gk_project_get_row (p2);

    g_assert_true (gk_document_set_amount_text (document, r, column (gk_row_get_table (r), "e302"),
                                                "12.00", &error));
    g_assert_no_error (error);
  }
  {
    static const char * const expected[] = {
      "project-expenditure:project:网站维护", "project-expenditure:2010399", "project-expenditure:20103", "project-expenditure:201", "project-expenditure:合计", NULL
    };
    assert_notified (log, expected);
  }

  /* Undo notifies the same rows back. */
  g_assert_true (gk_document_undo (document));
  {
    static const char * const expected[] = {
      "project-expenditure:project:网站维护", "project-expenditure:2010399", "project-expenditure:20103", "project-expenditure:201", "project-expenditure:合计", NULL
    };
    assert_notified (log, expected);
  }

  /* Refused edits notify nothing. */
  {
    g_autoptr(GError) error = NULL;
    GkRow *r = row (document, "expenditure", "2010301");

    g_assert_false (gk_document_set_amount_text (document, r, 1, "abc", &error));
    g_assert_nonnull (error);
    assert_notified (log, none);
  }

  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Refused edits --------------------------------------------------------- */

static void
assert_refused (GkDocument *document,
                const char *table_id,
                const char *key,
                const char *column_id,
                const char *text,
                GQuark      domain,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = gk_document_serialize (document);
  g_autoptr(GBytes) after = NULL;
  GkRow *r = row (document, table_id, key);
  guint c = column (gk_row_get_table (r), column_id);
  g_autofree char *old = cell_text (r, table_id, column_id);
  g_autofree char *now = NULL;
  gboolean could_undo = gk_document_can_undo (document);

  g_assert_false (gk_document_set_amount_text (document, r, c, text, &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");

  now = cell_text (r, table_id, column_id);
  g_assert_cmpstr (now, ==, old);
  after = gk_document_serialize (document);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (gk_document_can_undo (document), ==, could_undo);
}

static void
test_refused (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (document, "changed", G_CALLBACK (count_cb), &changed);

  /* Derived cells. */
  assert_refused (document, "expenditure", "201", "basic", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "expenditure", "20103", "project", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "expenditure", "合计", "basic", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "expenditure", "2010301", "total", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "income", "2010301", "total", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "income-summary", "201", "amount", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "income-summary", "general", "amount", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "income-summary", "expenditure-total", "amount", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "fiscal-summary", "201", "general", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "basic-expenditure", "301", "total", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "basic-expenditure", "30101", "personnel", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "project-expenditure", "2010399", "e302", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "project-expenditure", "合计", "e302", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "project-expenditure", "project:网站维护", "total", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "sangong", "single", "vehicle", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  /* Blanking a derived cell is an edit too. */
  assert_refused (document, "expenditure", "201", "basic", "", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);

  /* Bad figures leave the old one. */
  assert_refused (document, "expenditure", "2010301", "basic", "1.234", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_PRECISION);
  assert_refused (document, "expenditure", "2010301", "basic", "abc", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_INVALID);
  assert_refused (document, "expenditure", "2010301", "basic", "1.2.3", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_INVALID);
  assert_refused (document, "expenditure", "2010301", "basic", "-5", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_NEGATIVE);
  assert_refused (document, "expenditure", "2010301", "basic", "92233720368547758.08", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_OVERFLOW);
  assert_refused (document, "expenditure", "2010301", "basic", "99999999999999999999999", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_OVERFLOW);
  assert_refused (document, "expenditure", "2010399", "basic", "abc", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_INVALID);

  g_assert_cmpuint (changed, ==, 0);
  g_assert_false (gk_document_get_modified (document));
  g_assert_false (gk_document_can_undo (document));

  /* "" blanks the cell: not an error, and undoable. */
  g_assert_true (gk_document_set_amount_text (document, row (document, "expenditure", "2010301"), 1, "", &error));
  g_assert_no_error (error);
  assert_cell (document, "expenditure", "2010301", "basic", NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (gk_document_can_undo (document));
  /* Blanking a blank cell is no edit. */
  g_assert_true (gk_document_set_amount_text (document, row (document, "expenditure", "2010301"), 1, "  ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (gk_document_undo (document));
  assert_cell (document, "expenditure", "2010301", "basic", "265.06");
  g_assert_false (gk_document_can_undo (document));

  /* The largest amount is accepted, and a sum beyond it is flagged as an
   * overflow rather than wrapping round. */
  set_text_ok (document, "expenditure", "2010301", "basic", "92233720368547758.07");
  assert_cell (document, "expenditure", "2010301", "basic", "92233720368547758.07");
  g_assert_true (gk_row_has_overflow (row (document, "expenditure", "20103"), 0));
  g_assert_true (gk_row_has_overflow (row (document, "expenditure", "合计"), 1));
  g_assert_false (gk_row_has_overflow (row (document, "expenditure", "20103"), 2));
  g_assert_true (gk_row_has_overflow (row (document, "income-summary", "expenditure-total"), 0));
  g_assert_true (gk_document_undo (document));
  g_assert_false (gk_row_has_overflow (row (document, "expenditure", "20103"), 0));
  g_assert_false (gk_row_has_overflow (row (document, "income-summary", "expenditure-total"), 0));
  assert_seed_tables (document);

  g_assert_finalize_object (g_steal_pointer (&document));
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/derived/seed", test_derived_seed);
  g_test_add_func ("/document/edit/t3", test_edit_t3);
  g_test_add_func ("/document/edit/t2", test_edit_t2);
  g_test_add_func ("/document/edit/t5", test_edit_t5);
  g_test_add_func ("/document/edit/notifications", test_notifications);
  g_test_add_func ("/document/edit/refused", test_refused);

  return g_test_run ();
}
