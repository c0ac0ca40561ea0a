/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gk-csv-writer.h"
#include "gk-document-io.h"

/* `gongkai --export-csv` on the bundled sample must reproduce the figures
 * of the published tables. */

static char *
sample_path (void)
{
  return g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "data", "samples",
                           "urumqi-county-government-office-2020.gongkai", NULL);
}

static int
run_gongkai (const char * const *args,
             char              **out,
             char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("GK_GONGKAI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *
read_table (const char *dir,
            const char *label)
{
  g_autofree char *name = g_strconcat (label, ".csv", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Every figure printed in each of the seed's nine tables, with two
 * decimals. (The seed prints 284.08 for 表三/表五 rows 201 and 20103 where
 * their 项 add to 265.06; 284.08 still appears as the 合计.) */
static const struct {
  const char *label;
  const char *figures[32];
} seed_figures[] = {
  { "表一", { "355.08", "336.06", "19.02", NULL } },
  { "表二", { "336.06", "265.06", "71.00", "19.02", "355.08", NULL } },
  { "表三", { "336.06", "284.08", "71.00", "265.06", "19.02", "355.08", NULL } },
  { "表四", { "355.08", "336.06", "19.02", NULL } },
  { "表五", { "336.06", "284.08", "71.00", "265.06", "19.02", "355.08", NULL } },
  { "表六", { "188.38", "59.02", "48.85", "4.92", "7.52", "19.02", "17.98", "4.00", "0.95", "21.32",
              "4.80", "58.53", "2.70", "1.00", "0.50", "0.45", "1.47", "3.39", "48.60", "0.42",
              "37.17", "2.68", "0.89", "33.60", "284.08", "225.55", NULL } },
  { "表七", { "71.00", "5.00", "11.00", "7.00", "4.00", "40.00", NULL } },
  { "表八", { "49.05", "0.00", "48.60", "0.45", NULL } },
  { "表九", { NULL } },
};

static void
test_csv_sample_figures (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-csv-XXXXXX", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--export-csv", dir, sample, NULL };

  g_assert_cmpint (run_gongkai (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  for (guint t = 0; t < G_N_ELEMENTS (seed_figures); t++)
    {
      g_autofree char *csv = read_table (dir, seed_figures[t].label);
      g_auto(GStrv) fields = NULL;
      g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);

      /* Excel needs the byte-order mark to read UTF-8. */
      g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
      fields = g_regex_split_simple ("[,\r\n]", csv, 0, 0);
      for (guint i = 0; fields[i] != NULL; i++)
        g_hash_table_add (present, fields[i]);
      for (guint i = 0; seed_figures[t].figures[i] != NULL; i++)
        if (!g_hash_table_contains (present, seed_figures[t].figures[i]))
          g_error ("%s.csv lacks the seed's figure %s", seed_figures[t].label, seed_figures[t].figures[i]);
    }
}

/* The whole layout, compared with files checked by hand against the seed. */
static void
test_csv_sample_layout (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("gongkai-csv-XXXXXX", NULL);
  g_autofree char *expected_dir = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "sample-csv", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--export-csv", dir, sample, NULL };
  const char *labels[] = { "表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九" };

  g_assert_cmpint (run_gongkai (args, &out, &err), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *got = read_table (dir, labels[i]);
      g_autofree char *expected = read_table (expected_dir, labels[i]);
      g_assert_cmpstr (got, ==, expected);
    }
}

/* 表一 and the 合计 rows must follow an edit. */
static void
test_csv_follows_edits (void)
{
  g_autofree char *sample = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load (file, NULL, &error);
  GkTable *t3;
  g_autoptr(GBytes) t1 = NULL;
  g_autoptr(GBytes) t3_csv = NULL;

  g_assert_no_error (error);
  t3 = gk_document_get_table (document, "expenditure");
  gk_document_set_amount_text (document, gk_table_lookup (t3, "2010301"),
                               gk_table_column_index (t3, "basic"), "300.00", &error);
  g_assert_no_error (error);

  t1 = gk_csv_serialize_table (document, gk_document_get_table (document, "income-summary"));
  t3_csv = gk_csv_serialize_table (document, t3);
  g_assert_nonnull (strstr (g_bytes_get_data (t1, NULL), "201 一般公共服务支出,371.00"));
  g_assert_nonnull (strstr (g_bytes_get_data (t1, NULL), "支出合计,390.02"));
  g_assert_nonnull (strstr (g_bytes_get_data (t3_csv, NULL), ",,,合计,390.02,319.02,71.00"));
}

static void
test_csv_bad_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gongkai-csv-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.gongkai", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *missing_out = NULL, *missing_err = NULL;
  g_autofree char *target = g_build_filename (dir, "out", NULL);
  const char *args[] = { "--export-csv", target, bad, NULL };
  const char *missing[] = { "--export-csv", target, "/nonexistent/x.gongkai", NULL };

  g_file_set_contents (bad, "{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"year\": \"2020\" }", -1, NULL);
  g_assert_cmpint (run_gongkai (args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "$.year"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_gongkai (missing, &missing_out, &missing_err), ==, 2);
  g_assert_nonnull (strstr (missing_err, "/nonexistent/x.gongkai"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/sample-figures", test_csv_sample_figures);
  g_test_add_func ("/csv/sample-layout", test_csv_sample_layout);
  g_test_add_func ("/csv/follows-edits", test_csv_follows_edits);
  g_test_add_func ("/csv/bad-file", test_csv_bad_file);

  return g_test_run ();
}
