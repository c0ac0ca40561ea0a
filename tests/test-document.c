/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document.c — GkDocument: derived tables, edits, notifications, undo */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "gk-document.h"
#include "gk-document-io.h"
#include "gk-table-private.h"

#include "gk-test-common.h"

#define SAMPLE_NAME "urumqi-county-government-office-2020.gongkai"

/* Helpers ------------------------------------------------------------------ */

static char *
sample_path (void)
{
  const char *root = g_getenv ("GK_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, "data", "samples", SAMPLE_NAME, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", SAMPLE_NAME, NULL);
}

static GkDocument *
load_sample (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkDocument *document;

  document = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static guint
column (GkTable    *table,
        const char *column_id)
{
  int index = gk_table_column_index (table, column_id);

  if (index < 0)
    g_error ("table %s has no column %s", gk_table_get_id (table), column_id);
  return index;
}

/* What identifies a row in a table: its code, its summary line, the
 * project it shows, or 合计. */
static char *
row_key (GkRow *row)
{
  switch (gk_row_get_kind (row))
    {
    case GK_ROW_KIND_PROJECT:
      return g_strdup_printf ("project:%s", gk_row_get_name (row));
    case GK_ROW_KIND_SINGLE:
      return g_strdup ("single");
    case GK_ROW_KIND_LINE:
      return g_strdup (gk_row_get_line_id (row));
    case GK_ROW_KIND_TOTAL:
      return g_strdup (gk_row_get_line_id (row) ? gk_row_get_line_id (row) : "合计");
    case GK_ROW_KIND_CLASS:
    case GK_ROW_KIND_SECTION:
    case GK_ROW_KIND_ITEM:
    default:
      return g_strdup (gk_row_get_code (row));
    }
}

static GkRow *
find_row (GkDocument *document,
          const char *table_id,
          const char *key)
{
  GkTable *table = gk_document_get_table (document, table_id);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (table));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);
      g_autofree char *k = row_key (row);

      if (g_strcmp0 (k, key) == 0)
        return row;   /* the table keeps it alive */
    }
  return NULL;
}

static GkRow *
row (GkDocument *document,
     const char *table_id,
     const char *key)
{
  GkRow *r = find_row (document, table_id, key);

  if (r == NULL)
    g_error ("table %s has no row %s", table_id, key);
  return r;
}

/* "t3/201/basic=265.06", or "…=blank", so that a failure names the cell. */
static char *
cell_text (GkRow      *r,
           const char *table_id,
           const char *column_id)
{
  GkTable *table = gk_row_get_table (r);
  g_autofree char *key = row_key (r);
  GkAmount amount;

  g_assert_nonnull (table);
  if (gk_row_get_amount (r, column (table, column_id), &amount))
    {
      g_autofree char *text = gk_amount_format (amount);
      return g_strdup_printf ("%s/%s/%s=%s", table_id, key, column_id, text);
    }
  return g_strdup_printf ("%s/%s/%s=blank", table_id, key, column_id);
}

static void
assert_cell_full (GkDocument *document,
                  const char *table_id,
                  const char *key,
                  const char *column_id,
                  const char *expected,
                  const char *file,
                  int         line)
{
  g_autofree char *got = cell_text (row (document, table_id, key), table_id, column_id);
  g_autofree char *want = g_strdup_printf ("%s/%s/%s=%s", table_id, key, column_id,
                                           expected ? expected : "blank");

  if (g_strcmp0 (got, want) != 0)
    g_error ("%s:%d: expected %s, got %s", file, line, want, got);
}

#define assert_cell(document, table_id, key, column_id, expected) \
  assert_cell_full ((document), (table_id), (key), (column_id), (expected), __FILE__, __LINE__)

/* Expected table contents: one string per row of the flat model, in print
 * order, "key v1 v2 …" with one value per column in schema order ("-" for
 * a blank cell). The table must have exactly these rows. */
static void
assert_table (GkDocument         *document,
              const char         *table_id,
              const char * const *expected)
{
  GkTable *table = gk_document_get_table (document, table_id);
  const GkTableSchema *schema = gk_table_get_schema (table);
  guint n_columns = gk_table_schema_get_n_columns (schema);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (table));

  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) r = g_list_model_get_item (G_LIST_MODEL (table), i);
      g_auto(GStrv) tokens = g_strsplit (expected[i], " ", -1);
      g_autofree char *key = row_key (r);

      g_assert_cmpuint (g_strv_length (tokens), ==, n_columns + 1);
      if (g_strcmp0 (key, tokens[0]) != 0)
        g_error ("%s row %u: expected row %s, found %s", table_id, i, tokens[0], key);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *column_id = gk_table_schema_get_column (schema, c)->id;
          g_autofree char *got = cell_text (r, table_id, column_id);
          g_autofree char *want = g_strdup_printf ("%s/%s/%s=%s", table_id, key, column_id,
                                                   g_str_equal (tokens[c + 1], "-") ? "blank" : tokens[c + 1]);
          g_assert_cmpstr (got, ==, want);
        }
    }
}

/* A summary (表一, 表四): its fixed lines, then one line per 类 of the
 * template (blank unless listed in `classes` as "code v1 v2 …"), then the
 * expenditure total. */
static void
assert_summary (GkDocument         *document,
                const char         *table_id,
                const char * const *lines,
                const char * const *classes,
                const char         *total)
{
  const GkTableSchema *schema = gk_table_get_schema (gk_document_get_table (document, table_id));
  guint n_columns = gk_table_schema_get_n_columns (schema);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (expected, g_strdup (lines[i]));
  for (guint i = 0; schema->classes[i] != NULL; i++)
    {
      char *line = NULL;

      for (guint j = 0; classes[j] != NULL; j++)
        if (g_str_has_prefix (classes[j], schema->classes[i]) &&
            classes[j][strlen (schema->classes[i])] == ' ')
          line = g_strdup (classes[j]);
      if (line == NULL)
        {
          GString *blank = g_string_new (schema->classes[i]);
          for (guint c = 0; c < n_columns; c++)
            g_string_append (blank, " -");
          line = g_string_free (blank, FALSE);
        }
      g_ptr_array_add (expected, line);
    }
  g_ptr_array_add (expected, g_strdup (total));
  g_ptr_array_add (expected, NULL);
  assert_table (document, table_id, (const char * const *) expected->pdata);
}

/* The seed's tables ---------------------------------------------------------- */

static const char * const seed_t2[] = {
  "201 336.06 336.06 - - - - - - -",
  "20103 336.06 336.06 - - - - - - -",
  "2010301 265.06 265.06 - - - - - - -",
  "2010399 71.00 71.00 - - - - - - -",
  "208 19.02 19.02 - - - - - - -",
  "20805 19.02 19.02 - - - - - - -",
  "2080505 19.02 19.02 - - - - - - -",
  "合计 355.08 355.08 - - - - - - -",
  NULL
};

/* 表三 and 表五: the seed prints 284.08 as 基本支出 of 201 and 20103, but
 * their 项 add up to 265.06 (and their 合计 column to 336.06 − 71.00). */
static const char * const seed_t3[] = {
  "201 336.06 265.06 71.00",
  "20103 336.06 265.06 71.00",
  "2010301 265.06 265.06 -",
  "2010399 71.00 - 71.00",
  "208 19.02 19.02 -",
  "20805 19.02 19.02 -",
  "2080505 19.02 19.02 -",
  "合计 355.08 284.08 71.00",
  NULL
};

static const char * const seed_t6[] = {
  "301 188.38 188.38 -",
  "30101 59.02 59.02 -",
  "30102 48.85 48.85 -",
  "30103 4.92 4.92 -",
  "30107 7.52 7.52 -",
  "30108 19.02 19.02 -",
  "30110 17.98 17.98 -",
  "30111 4.00 4.00 -",
  "30112 0.95 0.95 -",
  "30113 21.32 21.32 -",
  "30199 4.80 4.80 -",
  "302 58.53 - 58.53",
  "30201 2.70 - 2.70",
  "30211 1.00 - 1.00",
  "30216 0.50 - 0.50",
  "30217 0.45 - 0.45",
  "30228 1.47 - 1.47",
  "30229 3.39 - 3.39",
  "30231 48.60 - 48.60",
  "30299 0.42 - 0.42",
  "303 37.17 37.17 -",
  "30302 2.68 2.68 -",
  "30305 0.89 0.89 -",
  "30399 33.60 33.60 -",
  "合计 284.08 225.55 58.53",
  NULL
};

static const char * const seed_t7[] = {
  "201 71.00 - 71.00 - - - - - - - -",
  "20103 71.00 - 71.00 - - - - - - - -",
  "2010399 71.00 - 71.00 - - - - - - - -",
  "project:电子政务工作经费 5.00 - 5.00 - - - - - - - -",
  "project:网站维护 11.00 - 11.00 - - - - - - - -",
  "project:文印及材料费 7.00 - 7.00 - - - - - - - -",
  "project:县信联办及县群众信访服务中心业务办公经费 4.00 - 4.00 - - - - - - - -",
  "project:重点项目督查经费 40.00 - 40.00 - - - - - - - -",
  "project:重要节日、重大会议、敏感节点期间信访值班备勤及劝返工作经费 4.00 - 4.00 - - - - - - - -",
  "合计 71.00 - 71.00 - - - - - - - -",
  NULL
};

static const char * const seed_t8[] = {
  "single 49.05 0.00 48.60 0.00 48.60 0.45",
  NULL
};

static const char * const seed_t9[] = {
  "合计 - - -",
  NULL
};

static const char * const empty_t7[] = {
  "合计 - - - - - - - - - - -",
  NULL
};

static const char * const seed_t1_lines[] = {
  "fiscal 355.08",
  "general 355.08",
  "fund -",
  "special -",
  "business -",
  "operating -",
  "other -",
  "reserve -",
  "subtotal 355.08",
  "carryover -",
  "income-total 355.08",
  NULL
};

static const char * const seed_t1_classes[] = {
  "201 336.06",
  "208 19.02",
  NULL
};

static const char * const seed_t4_lines[] = {
  "fiscal 355.08 - -",
  "general 355.08 - -",
  "fund - - -",
  "income-total 355.08 - -",
  NULL
};

static const char * const seed_t4_classes[] = {
  "201 336.06 336.06 -",
  "208 19.02 19.02 -",
  NULL
};

static void
assert_seed_tables (GkDocument *document)
{
  assert_summary (document, "t1", seed_t1_lines, seed_t1_classes, "expenditure-total 355.08");
  assert_table (document, "t2", seed_t2);
  assert_table (document, "t3", seed_t3);
  assert_summary (document, "t4", seed_t4_lines, seed_t4_classes, "expenditure-total 355.08 355.08 -");
  assert_table (document, "t5", seed_t3);
  assert_table (document, "t6", seed_t6);
  assert_table (document, "t7", seed_t7);
  assert_table (document, "t8", seed_t8);
  assert_table (document, "t9", seed_t9);
}

static void
test_derived_seed (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  GkTable *t1 = gk_document_get_table (document, "t1");
  GkTable *t9 = gk_document_get_table (document, "t9");
  GkAmount amount;

  g_assert_cmpuint (gk_document_get_n_tables (document), ==, 9);
  assert_seed_tables (document);

  /* Spot checks in the seed's own words, independent of the table helper. */
  g_assert_true (gk_row_get_amount (row (document, "t6", "301"), 0, &amount));
  g_assert_cmpint (amount, ==, 18838);
  g_assert_true (gk_row_get_amount (row (document, "t6", "合计"), 1, &amount));
  g_assert_cmpint (amount, ==, 22555);
  g_assert_true (gk_table_get_column_total (gk_document_get_table (document, "t8"), 0, &amount));
  g_assert_cmpint (amount, ==, 4905);
  g_assert_true (gk_row_get_amount (row (document, "t8", "single"), column (gk_document_get_table (document, "t8"), "vehicle"), &amount));
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
  g_assert_false (gk_table_is_empty (gk_document_get_table (document, "t3")));

  /* The 表七 project rows are the projects. */
  {
    g_autoptr(GkProject) p1 = g_list_model_get_item (gk_document_get_projects (document), 0);
    g_assert_cmpint (gk_project_get_total (p1), ==, 500);
    g_assert_cmpint (gk_project_get_fiscal (p1), ==, 500);
    g_assert_true (gk_row_get_table (gk_project_get_row (p1)) == gk_document_get_table (document, "t7"));
    g_assert_true (gk_row_get_project (gk_project_get_row (p1)) == p1);
    g_assert_cmpstr (gk_row_get_code (gk_row_get_parent (gk_project_get_row (p1))), ==, "2010399");
  }

  g_assert_false (gk_document_get_modified (document));
  g_assert_false (gk_document_can_undo (document));
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}


/* Edits ------------------------------------------------------------------- */

static void
set_text_ok (GkDocument *document,
             const char *table_id,
             const char *key,
             const char *column_id,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  GkRow *r = row (document, table_id, key);

  g_assert_true (gk_document_set_amount_text (document, r,
                                              column (gk_row_get_table (r), column_id),
                                              text, &error));
  g_assert_no_error (error);
}

static void
test_edit_t3 (void)
{
  g_autoptr(GkDocument) document = load_sample ();

  set_text_ok (document, "t3", "2010301", "basic", "300.00");
  assert_cell (document, "t3", "2010301", "basic", "300.00");
  assert_cell (document, "t3", "2010301", "total", "300.00");
  assert_cell (document, "t3", "20103", "basic", "300.00");
  assert_cell (document, "t3", "20103", "total", "371.00");
  assert_cell (document, "t3", "201", "basic", "300.00");
  assert_cell (document, "t3", "201", "total", "371.00");
  assert_cell (document, "t3", "合计", "basic", "319.02");
  assert_cell (document, "t3", "合计", "total", "390.02");
  assert_cell (document, "t3", "合计", "project", "71.00");
  assert_cell (document, "t1", "201", "amount", "371.00");
  assert_cell (document, "t1", "208", "amount", "19.02");
  assert_cell (document, "t1", "expenditure-total", "amount", "390.02");
  /* Income is 表二's: unchanged. 表四 reads 表五, not 表三. */
  assert_cell (document, "t1", "income-total", "amount", "355.08");
  assert_summary (document, "t4", seed_t4_lines, seed_t4_classes, "expenditure-total 355.08 355.08 -");
  assert_table (document, "t5", seed_t3);

  /* Typed figures are parsed like the user types them. */
  set_text_ok (document, "t3", "2010301", "basic", " 1,234.5 ");
  assert_cell (document, "t3", "201", "basic", "1234.50");
  assert_cell (document, "t1", "expenditure-total", "amount", "1324.52");

  /* Blanking the only figure of a column blanks it up the tree. */
  set_text_ok (document, "t3", "2010301", "basic", "");
  assert_cell (document, "t3", "2010301", "basic", NULL);
  assert_cell (document, "t3", "2010301", "total", NULL);
  assert_cell (document, "t3", "20103", "basic", NULL);
  assert_cell (document, "t3", "20103", "total", "71.00");
  assert_cell (document, "t3", "合计", "basic", "19.02");
  assert_cell (document, "t1", "201", "amount", "71.00");
  assert_cell (document, "t1", "expenditure-total", "amount", "90.02");

  /* An explicit zero is not a blank. */
  set_text_ok (document, "t3", "2010301", "basic", "0");
  assert_cell (document, "t3", "2010301", "basic", "0.00");
  assert_cell (document, "t3", "20103", "basic", "0.00");

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_edit_t2 (void)
{
  g_autoptr(GkDocument) document = load_sample ();

  set_text_ok (document, "t2", "2010399", "general", "80.00");
  assert_cell (document, "t2", "2010399", "total", "80.00");
  assert_cell (document, "t2", "20103", "general", "345.06");
  assert_cell (document, "t2", "201", "total", "345.06");
  assert_cell (document, "t2", "合计", "general", "364.08");
  assert_cell (document, "t2", "合计", "total", "364.08");
  assert_cell (document, "t1", "general", "amount", "364.08");
  assert_cell (document, "t1", "fiscal", "amount", "364.08");
  assert_cell (document, "t1", "subtotal", "amount", "364.08");
  assert_cell (document, "t1", "income-total", "amount", "364.08");
  assert_cell (document, "t4", "general", "total", "364.08");
  assert_cell (document, "t4", "fiscal", "total", "364.08");
  assert_cell (document, "t4", "income-total", "total", "364.08");
  /* Expenditure comes from 表三 and 表五. */
  assert_cell (document, "t1", "expenditure-total", "amount", "355.08");
  assert_cell (document, "t4", "expenditure-total", "total", "355.08");

  /* Another income column reaches its own line and the totals. */
  set_text_ok (document, "t2", "2080505", "fund", "1.00");
  assert_cell (document, "t2", "208", "total", "20.02");
  assert_cell (document, "t1", "fund", "amount", "1.00");
  assert_cell (document, "t1", "fiscal", "amount", "365.08");
  assert_cell (document, "t1", "income-total", "amount", "365.08");
  assert_cell (document, "t4", "fund", "total", "1.00");
  assert_cell (document, "t4", "income-total", "total", "365.08");
  set_text_ok (document, "t2", "2080505", "carryover", "2.00");
  assert_cell (document, "t1", "carryover", "amount", "2.00");
  assert_cell (document, "t1", "subtotal", "amount", "365.08");
  assert_cell (document, "t1", "income-total", "amount", "367.08");
  assert_cell (document, "t4", "income-total", "total", "365.08");

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_edit_t5 (void)
{
  g_autoptr(GkDocument) document = load_sample ();

  set_text_ok (document, "t5", "2080505", "basic", "20.00");
  assert_cell (document, "t5", "208", "total", "20.00");
  assert_cell (document, "t5", "合计", "basic", "285.06");
  assert_cell (document, "t5", "合计", "total", "356.06");
  assert_cell (document, "t4", "208", "total", "20.00");
  assert_cell (document, "t4", "208", "general", "20.00");
  assert_cell (document, "t4", "208", "fund", NULL);
  assert_cell (document, "t4", "expenditure-total", "total", "356.06");
  assert_cell (document, "t4", "expenditure-total", "general", "356.06");
  /* 表一 reads 表三. */
  assert_cell (document, "t1", "208", "amount", "19.02");
  assert_cell (document, "t1", "expenditure-total", "amount", "355.08");

  /* 表六's split follows the economic 类. */
  set_text_ok (document, "t6", "30201", "total", "3.70");
  assert_cell (document, "t6", "30201", "public", "3.70");
  assert_cell (document, "t6", "30201", "personnel", NULL);
  assert_cell (document, "t6", "302", "total", "59.53");
  assert_cell (document, "t6", "合计", "public", "59.53");
  assert_cell (document, "t6", "合计", "personnel", "225.55");

  /* 表八's 小计 and 合计. */
  set_text_ok (document, "t8", "single", "vehicle-purchase", "20.00");
  assert_cell (document, "t8", "single", "vehicle", "68.60");
  assert_cell (document, "t8", "single", "total", "69.05");

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

  /* 表三 → its ancestors, its 合计, 表一's 201 line and 支出合计. */
  set_text_ok (document, "t3", "2010301", "basic", "300.00");
  {
    static const char * const expected[] = {
      "t3:2010301", "t3:20103", "t3:201", "t3:合计", "t1:201", "t1:expenditure-total", NULL
    };
    assert_notified (log, expected);
  }

  /* The same value again changes nothing and notifies nothing. */
  set_text_ok (document, "t3", "2010301", "basic", "300");
  assert_notified (log, none);
  set_text_ok (document, "t3", "2010301", "basic", "300.00");
  assert_notified (log, none);

  /* 表二 → its rows, 表一 and 表四 income lines (fund is blank, so it stays). */
  set_text_ok (document, "t2", "2080505", "general", "20.00");
  {
    static const char * const expected[] = {
      "t2:2080505", "t2:20805", "t2:208", "t2:合计",
      "t1:general", "t1:fiscal", "t1:subtotal", "t1:income-total",
      "t4:general", "t4:fiscal", "t4:income-total", NULL
    };
    assert_notified (log, expected);
  }

  /* 表五 → its rows and 表四's expenditure, not 表一. */
  set_text_ok (document, "t5", "2010399", "project", "70.00");
  {
    static const char * const expected[] = {
      "t5:2010399", "t5:20103", "t5:201", "t5:合计", "t4:201", "t4:expenditure-total", NULL
    };
    assert_notified (log, expected);
  }

  {
    g_autoptr(GError) error = NULL;
    GkRow *r = row (document, "t6", "30101");

    /* 表六 has no dependants outside itself. */
    g_assert_true (gk_document_set_amount_text (document, r, 0, "60.02", &error));
    g_assert_no_error (error);
  }
  {
    static const char * const expected[] = { "t6:30101", "t6:301", "t6:合计", NULL };
    assert_notified (log, expected);
  }

  /* 表八 is one row. */
  set_text_ok (document, "t8", "single", "abroad", "");
  {
    static const char * const expected[] = { "t8:single", NULL };
    assert_notified (log, expected);
  }
  set_text_ok (document, "t8", "single", "abroad", "");
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
      "t7:project:网站维护", "t7:2010399", "t7:20103", "t7:201", "t7:合计", NULL
    };
    assert_notified (log, expected);
  }

  /* Undo notifies the same rows back. */
  g_assert_true (gk_document_undo (document));
  {
    static const char * const expected[] = {
      "t7:project:网站维护", "t7:2010399", "t7:20103", "t7:201", "t7:合计", NULL
    };
    assert_notified (log, expected);
  }

  /* Refused edits notify nothing. */
  {
    g_autoptr(GError) error = NULL;
    GkRow *r = row (document, "t3", "2010301");

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
  assert_refused (document, "t3", "201", "basic", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t3", "20103", "project", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t3", "合计", "basic", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t3", "2010301", "total", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t2", "2010301", "total", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t1", "201", "amount", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t1", "general", "amount", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t1", "expenditure-total", "amount", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t4", "201", "general", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t6", "301", "total", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t6", "30101", "personnel", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t7", "2010399", "e302", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t7", "合计", "e302", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t7", "project:网站维护", "total", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  assert_refused (document, "t8", "single", "vehicle", "1.00", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  /* Blanking a derived cell is an edit too. */
  assert_refused (document, "t3", "201", "basic", "", GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);

  /* Bad figures leave the old one. */
  assert_refused (document, "t3", "2010301", "basic", "1.234", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_PRECISION);
  assert_refused (document, "t3", "2010301", "basic", "abc", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_INVALID);
  assert_refused (document, "t3", "2010301", "basic", "1.2.3", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_INVALID);
  assert_refused (document, "t3", "2010301", "basic", "-5", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_NEGATIVE);
  assert_refused (document, "t3", "2010301", "basic", "92233720368547758.08", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_OVERFLOW);
  assert_refused (document, "t3", "2010301", "basic", "99999999999999999999999", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_OVERFLOW);
  assert_refused (document, "t3", "2010399", "basic", "abc", GK_AMOUNT_ERROR, GK_AMOUNT_ERROR_INVALID);

  g_assert_cmpuint (changed, ==, 0);
  g_assert_false (gk_document_get_modified (document));
  g_assert_false (gk_document_can_undo (document));

  /* "" blanks the cell: not an error, and undoable. */
  g_assert_true (gk_document_set_amount_text (document, row (document, "t3", "2010301"), 1, "", &error));
  g_assert_no_error (error);
  assert_cell (document, "t3", "2010301", "basic", NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (gk_document_can_undo (document));
  /* Blanking a blank cell is no edit. */
  g_assert_true (gk_document_set_amount_text (document, row (document, "t3", "2010301"), 1, "  ", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (gk_document_undo (document));
  assert_cell (document, "t3", "2010301", "basic", "265.06");
  g_assert_false (gk_document_can_undo (document));

  /* The largest amount is accepted, and a sum beyond it is flagged as an
   * overflow rather than wrapping round. */
  set_text_ok (document, "t3", "2010301", "basic", "92233720368547758.07");
  assert_cell (document, "t3", "2010301", "basic", "92233720368547758.07");
  g_assert_true (gk_row_has_overflow (row (document, "t3", "20103"), 0));
  g_assert_true (gk_row_has_overflow (row (document, "t3", "合计"), 1));
  g_assert_false (gk_row_has_overflow (row (document, "t3", "20103"), 2));
  g_assert_true (gk_row_has_overflow (row (document, "t1", "expenditure-total"), 0));
  g_assert_true (gk_document_undo (document));
  g_assert_false (gk_row_has_overflow (row (document, "t3", "20103"), 0));
  g_assert_false (gk_row_has_overflow (row (document, "t1", "expenditure-total"), 0));
  assert_seed_tables (document);

  g_assert_finalize_object (g_steal_pointer (&document));
}

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
  GkTable *t3 = gk_document_get_table (document, "t3");
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
  assert_flat (document, "t3", "201 20103 2010301 2010399 208 20805 2080505 210 21011 2101101 合计");
  g_assert_false (gk_row_has_figures (added));
  assert_cell (document, "t3", "210", "total", NULL);
  /* One action, one undo step. */
  g_assert_cmpstr (gk_document_get_undo_label (document), !=, NULL);
  set_text_ok (document, "t3", "2101101", "basic", "5.00");
  assert_cell (document, "t3", "210", "basic", "5.00");
  assert_cell (document, "t1", "210", "amount", "5.00");
  assert_cell (document, "t3", "合计", "total", "360.08");
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
  g_assert_nonnull (gk_table_lookup_line (gk_document_get_table (document, "t1"), "209"));
  g_assert_true (gk_document_undo (document));
  g_assert_null (gk_table_lookup_line (gk_document_get_table (document, "t1"), "209"));

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
  added = gk_document_add_row (document, gk_document_get_table (document, "t6"), "2010301", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  added = gk_document_add_row (document, gk_document_get_table (document, "t1"), "201", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  added = gk_document_add_row (document, gk_document_get_table (document, "t7"), "2010301", NULL, &error);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  added = gk_document_add_row (document, gk_document_get_table (document, "t8"), "201", NULL, &error);
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
  set_text_ok (document, "t3", "20101", "basic", "10.00");
  set_text_ok (document, "t3", "20101", "project", "2.00");
  assert_cell (document, "t3", "201", "total", "348.06");
  {
    g_autoptr(GBytes) before_item = gk_document_serialize (document);
    g_autoptr(GBytes) now = NULL;
    GkRow *section = gk_table_lookup (t3, "20101");

    added = gk_document_add_row (document, t3, "2010101", NULL, &error);
    g_assert_no_error (error);
    g_assert_true (gk_row_get_parent (added) == section);
    assert_cell (document, "t3", "2010101", "basic", "10.00");
    assert_cell (document, "t3", "2010101", "project", "2.00");
    assert_cell (document, "t3", "2010101", "total", "12.00");
    g_assert_true (gk_row_is_cell_entered (added, 1));
    assert_cell (document, "t3", "20101", "basic", "10.00");
    assert_cell (document, "t3", "20101", "total", "12.00");
    g_assert_false (gk_row_is_cell_entered (section, 1));
    assert_cell (document, "t3", "201", "total", "348.06");
    assert_cell (document, "t3", "合计", "total", "367.08");
    assert_flat (document, "t3", "201 20101 2010101 20103 2010301 2010399 208 20805 2080505 合计");

    /* The whole move is one step back. */
    g_assert_true (gk_document_undo (document));
    g_assert_null (gk_table_lookup (t3, "2010101"));
    g_assert_true (gk_row_is_leaf (section));
    assert_cell (document, "t3", "20101", "basic", "10.00");
    assert_cell (document, "t3", "20101", "project", "2.00");
    now = gk_document_serialize (document);
    g_assert_true (g_bytes_equal (now, before_item));
    g_assert_true (gk_document_redo (document));
    assert_cell (document, "t3", "2010101", "basic", "10.00");
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
    assert_cell (reloaded, "t3", "2010101", "basic", "10.00");
    assert_cell (reloaded, "t3", "20101", "basic", "10.00");
    g_assert_false (gk_row_is_cell_entered (gk_table_lookup (gk_document_get_table (reloaded, "t3"), "20101"), 1));
    g_assert_finalize_object (g_steal_pointer (&reloaded));
  }

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_remove_rows (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GBytes) original = gk_document_serialize (document);
  GkTable *t3 = gk_document_get_table (document, "t3");
  GkRow *section = gk_table_lookup (t3, "20103");
  GkRow *item = gk_table_lookup (t3, "2010301");

  /* A 款 with its 项: they go, their figures leave every total. */
  gk_document_remove_row (document, section);
  g_assert_null (gk_table_lookup (t3, "20103"));
  g_assert_null (gk_table_lookup (t3, "2010301"));
  g_assert_null (gk_table_lookup (t3, "2010399"));
  g_assert_null (gk_row_get_table (section));
  g_assert_null (gk_row_get_table (item));
  assert_flat (document, "t3", "201 208 20805 2080505 合计");
  assert_cell (document, "t3", "201", "total", NULL);
  assert_cell (document, "t3", "201", "basic", NULL);
  assert_cell (document, "t3", "201", "project", NULL);
  assert_cell (document, "t3", "合计", "total", "19.02");
  assert_cell (document, "t3", "合计", "basic", "19.02");
  assert_cell (document, "t3", "合计", "project", NULL);
  assert_cell (document, "t1", "201", "amount", NULL);
  assert_cell (document, "t1", "expenditure-total", "amount", "19.02");
  {
    /* Saved and read back: what is left is what the file says. */
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = gk_document_serialize (document);
    g_autoptr(GkDocument) reloaded = gk_document_load_from_data (g_bytes_get_data (bytes, NULL),
                                                                 g_bytes_get_size (bytes), &error);
    g_assert_no_error (error);
    assert_cell (reloaded, "t3", "合计", "total", "19.02");
    assert_cell (reloaded, "t3", "201", "total", NULL);
  }

  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_table_lookup (t3, "20103") == section);
  g_assert_true (gk_table_lookup (t3, "2010301") == item);
  g_assert_true (gk_row_get_table (item) == t3);
  assert_table (document, "t3", seed_t3);
  assert_cell (document, "t1", "201", "amount", "336.06");
  {
    g_autoptr(GBytes) now = gk_document_serialize (document);
    g_assert_true (g_bytes_equal (now, original));
  }

  /* A whole 类. */
  gk_document_remove_row (document, gk_table_lookup (t3, "208"));
  assert_flat (document, "t3", "201 20103 2010301 2010399 合计");
  assert_cell (document, "t3", "合计", "total", "336.06");
  assert_cell (document, "t1", "208", "amount", NULL);
  /* One 项 of two: its sibling's figures remain. */
  gk_document_remove_row (document, gk_table_lookup (t3, "2010399"));
  assert_cell (document, "t3", "20103", "total", "265.06");
  assert_cell (document, "t3", "20103", "project", NULL);
  assert_cell (document, "t3", "合计", "total", "265.06");
  /* An economic 类 in 表六. */
  gk_document_remove_row (document, row (document, "t6", "302"));
  assert_cell (document, "t6", "合计", "total", "225.55");
  assert_cell (document, "t6", "合计", "public", NULL);

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
  GkTable *t7 = gk_document_get_table (document, "t7");
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
  assert_flat (document, "t7",
               "201 20103 2010399 project:电子政务工作经费 project:网站维护 project:文印及材料费 "
               "project:县信联办及县群众信访服务中心业务办公经费 project:重点项目督查经费 "
               "project:重要节日、重大会议、敏感节点期间信访值班备勤及劝返工作经费 "
               "210 21011 2101101 project:新项目 合计");
  assert_cell (document, "t7", "210", "total", NULL);
  assert_cell (document, "t7", "合计", "total", "71.00");

  /* Its figures are entered on its row. */
  g_assert_true (gk_document_set_amount_text (document, r, column (t7, "e302"), "3.00", &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_set_amount_text (document, r, column (t7, "e310"), "2.00", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gk_project_get_total (project), ==, 500);
  g_assert_cmpint (gk_project_get_fiscal (project), ==, 500);
  assert_cell (document, "t7", "project:新项目", "total", "5.00");
  assert_cell (document, "t7", "2101101", "total", "5.00");
  assert_cell (document, "t7", "21011", "e310", "2.00");
  assert_cell (document, "t7", "210", "e302", "3.00");
  assert_cell (document, "t7", "合计", "total", "76.00");
  assert_cell (document, "t7", "合计", "e302", "74.00");
  assert_cell (document, "t7", "合计", "e310", "2.00");
  gk_document_set_int (document, project, "other-funds", 150);
  g_assert_cmpint (gk_project_get_fiscal (project), ==, 350);

  /* Moving it to another 项 moves it in 表七; the groups it left go. */
  gk_document_set_text (document, project, "function", "2010399");
  g_assert_null (gk_table_lookup (t7, "210"));
  g_assert_null (gk_table_lookup (t7, "21011"));
  g_assert_null (gk_table_lookup (t7, "2101101"));
  g_assert_cmpstr (gk_row_get_code (gk_row_get_parent (r)), ==, "2010399");
  assert_flat (document, "t7",
               "201 20103 2010399 project:电子政务工作经费 project:网站维护 project:文印及材料费 "
               "project:县信联办及县群众信访服务中心业务办公经费 project:重点项目督查经费 "
               "project:重要节日、重大会议、敏感节点期间信访值班备勤及劝返工作经费 "
               "project:新项目 合计");
  assert_cell (document, "t7", "2010399", "total", "76.00");
  assert_cell (document, "t7", "201", "e310", "2.00");
  assert_cell (document, "t7", "合计", "total", "76.00");
  /* To a 项 of its own, in code order before 2010399. */
  gk_document_set_text (document, project, "function", "2010301");
  assert_flat (document, "t7",
               "201 20103 2010301 project:新项目 2010399 project:电子政务工作经费 project:网站维护 "
               "project:文印及材料费 project:县信联办及县群众信访服务中心业务办公经费 "
               "project:重点项目督查经费 project:重要节日、重大会议、敏感节点期间信访值班备勤及劝返工作经费 合计");
  assert_cell (document, "t7", "2010301", "total", "5.00");
  assert_cell (document, "t7", "2010399", "total", "71.00");
  assert_cell (document, "t7", "20103", "total", "76.00");

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
  assert_table (document, "t7", seed_t7);
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_row_get_table (r) == t7);
  assert_cell (document, "t7", "合计", "total", "76.00");

  /* All of them: 表七 is empty, its 合计 blank. */
  gk_document_begin_action (document, "remove all");
  while (g_list_model_get_n_items (projects) > 0)
    gk_document_list_remove (document, projects, 0);
  gk_document_end_action (document);
  assert_table (document, "t7", empty_t7);
  g_assert_true (gk_table_is_empty (t7));
  g_assert_true (gk_document_undo (document));
  assert_cell (document, "t7", "合计", "total", "76.00");

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
  GkTable *t3 = gk_document_get_table (document, "t3");
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

  set_text_ok (document, "t3", "2010301", "basic", "260.00");
  STEP ();
  set_text_ok (document, "t2", "2010301", "general", "");
  STEP ();
  g_assert_nonnull (gk_document_add_row (document, gk_document_get_table (document, "t5"), "2101101", NULL, &error));
  g_assert_no_error (error);
  STEP ();
  g_assert_true (gk_document_set_code_name (document, GK_CLASSIFICATION_FUNCTION, "2010399", "其他事务支出", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (t3, "2010399")), ==, "其他事务支出");
  g_assert_cmpstr (gk_row_get_name (gk_table_lookup (gk_document_get_table (document, "t7"), "2010399")), ==, "其他事务支出");
  STEP ();
  project = gk_document_add_project (document, "新项目", "2010301");
  STEP ();
  g_assert_true (gk_document_set_amount_text (document, gk_project_get_row (project),
                                              column (gk_document_get_table (document, "t7"), "e302"),
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
  gk_document_remove_row (document, row (document, "t6", "302"));
  STEP ();
  set_text_ok (document, "t8", "single", "reception", "0.50");
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
  set_text_ok (document, "t3", "2010399", "project", "70.00");
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

  set_text_ok (document, "t3", "2010301", "basic", "260.00");
  g_assert_true (get_bool (document, "modified"));
  g_assert_true (get_bool (document, "can-undo"));
  g_assert_false (get_bool (document, "can-redo"));
  g_assert_cmpuint (n.modified, ==, 1);
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 0);

  /* A second edit changes none of the three. */
  set_text_ok (document, "t3", "2010301", "basic", "261.00");
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
  set_text_ok (document, "t3", "2010399", "project", "1.00");
  g_assert_true (get_bool (document, "modified"));
  g_assert_false (get_bool (document, "can-redo"));
  g_assert_true (gk_document_undo (document));
  g_assert_false (get_bool (document, "modified"));

  /* An action with no effect records nothing. */
  gk_document_begin_action (document, "nothing");
  set_text_ok (document, "t3", "2010399", "project", "71.00");
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
  g_assert_true (gk_table_is_empty (gk_document_get_table (blank, "t3")));
  assert_cell (blank, "t1", "income-total", "amount", NULL);
  assert_cell (blank, "t3", "合计", "total", NULL);
  g_assert_false (gk_document_get_modified (blank));
  g_assert_finalize_object (g_steal_pointer (&blank));

  /* A document after edits and undo: its rows, projects and tables go
   * with it, whatever the history held. */
  t3 = gk_document_get_table (sample, "t3");
  project = gk_document_add_project (sample, "新项目", "2101101");
  set_text_ok (sample, "t3", "2010301", "basic", "1.00");
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
  watched[4] = gk_table_lookup (gk_document_get_table (sample, "t7"), "2101101");
  watched[5] = gk_table_lookup_line (gk_document_get_table (sample, "t1"), "201");
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
  GkTable *table = gk_table_new (gk_template_lookup (gk_template_get_default (), "t3"));
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
  g_assert_cmpstr (gk_table_get_id (table), ==, "t3");
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

  g_test_add_func ("/document/derived/seed", test_derived_seed);
  g_test_add_func ("/document/edit/t3", test_edit_t3);
  g_test_add_func ("/document/edit/t2", test_edit_t2);
  g_test_add_func ("/document/edit/t5", test_edit_t5);
  g_test_add_func ("/document/edit/notifications", test_notifications);
  g_test_add_func ("/document/edit/refused", test_refused);
  g_test_add_func ("/document/rows/add", test_add_rows);
  g_test_add_func ("/document/rows/remove", test_remove_rows);
  g_test_add_func ("/document/projects", test_projects);
  g_test_add_func ("/document/history/undo-redo", test_undo_redo);
  g_test_add_func ("/document/history/properties", test_history_properties);
  g_test_add_func ("/document/lifetime/document", test_document_lifetime);
  g_test_add_func ("/document/lifetime/parts", test_parts_lifetime);

  return g_test_run ();
}
