/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the document tests share: the sample, rows found by key, cells
 * asserted with their names in the failure, the seed's tables. */

#include <string.h>

#include <gio/gio.h>

#include "gk-document.h"
#include "gk-document-io.h"
#include "gk-table-private.h"

#include "gk-test-common.h"

#define SAMPLE_NAME "urumqi-county-government-office-2020.gongkai"

/* Helpers ------------------------------------------------------------------ */

static inline char *
sample_path (void)
{
  const char *root = g_getenv ("GK_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, "data", "samples", SAMPLE_NAME, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", SAMPLE_NAME, NULL);
}

static inline GkDocument *
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

static inline guint
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
static inline char *
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

static inline GkRow *
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

static inline GkRow *
row (GkDocument *document,
     const char *table_id,
     const char *key)
{
  GkRow *r = find_row (document, table_id, key);

  if (r == NULL)
    g_error ("table %s has no row %s", table_id, key);
  return r;
}

/* "expenditure/201/basic=265.06", or "…=blank", so that a failure names the cell. */
static inline char *
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

static inline void
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
static inline void
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
static inline void
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

G_GNUC_UNUSED static const char * const seed_t2[] = {
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
G_GNUC_UNUSED static const char * const seed_t3[] = {
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

G_GNUC_UNUSED static const char * const seed_t6[] = {
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

G_GNUC_UNUSED static const char * const seed_t7[] = {
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

G_GNUC_UNUSED static const char * const seed_t8[] = {
  "single 49.05 0.00 48.60 0.00 48.60 0.45",
  NULL
};

G_GNUC_UNUSED static const char * const seed_t9[] = {
  "合计 - - -",
  NULL
};

G_GNUC_UNUSED static const char * const empty_t7[] = {
  "合计 - - - - - - - - - - -",
  NULL
};

G_GNUC_UNUSED static const char * const seed_t1_lines[] = {
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

G_GNUC_UNUSED static const char * const seed_t1_classes[] = {
  "201 336.06",
  "208 19.02",
  NULL
};

G_GNUC_UNUSED static const char * const seed_t4_lines[] = {
  "fiscal 355.08 - -",
  "general 355.08 - -",
  "fund - - -",
  "income-total 355.08 - -",
  NULL
};

G_GNUC_UNUSED static const char * const seed_t4_classes[] = {
  "201 336.06 336.06 -",
  "208 19.02 19.02 -",
  NULL
};

static inline void
assert_seed_tables (GkDocument *document)
{
  assert_summary (document, "income-summary", seed_t1_lines, seed_t1_classes, "expenditure-total 355.08");
  assert_table (document, "income", seed_t2);
  assert_table (document, "expenditure", seed_t3);
  assert_summary (document, "fiscal-summary", seed_t4_lines, seed_t4_classes, "expenditure-total 355.08 355.08 -");
  assert_table (document, "general-expenditure", seed_t3);
  assert_table (document, "basic-expenditure", seed_t6);
  assert_table (document, "project-expenditure", seed_t7);
  assert_table (document, "sangong", seed_t8);
  assert_table (document, "fund-expenditure", seed_t9);
}


static inline void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static inline void
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

