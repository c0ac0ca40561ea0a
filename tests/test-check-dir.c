/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "gk-check-batch.h"
#include "gk-check-report.h"
#include "gk-test-common.h"
#include "gk-test-run.h"
#include "gk-xlsx-workbook.h"

/* The review of a whole folder: `gongkai --check-dir` and `--check FILE…`
 * over good, broken, hostile, foreign and erroneous files; the report in
 * each format; and a file that hangs or crashes its worker. */

#define HOSTILE_UNIT "<script>alert(1)</script> & \"县\" '办'"

typedef struct
{
  char *dir;
} Fixture;

static void
put (Fixture    *f,
     const char *name,
     const char *data,
     gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

static char *
read_source (const char *first,
             ...)
{
  g_autofree char *path = NULL;
  char *contents = NULL;
  va_list args;

  va_start (args, first);
  path = g_build_filename_valist (first, &args);
  va_end (args);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static char *
seed_as_published (void)
{
  return read_source (g_getenv ("G_TEST_SRCDIR"), "data", "seed-as-published.gongkai", NULL);
}

/* The seed with errors, under a unit name that is markup. */
static char *
hostile_unit_document (void)
{
  g_autofree char *seed = seed_as_published ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, seed, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "unit", HOSTILE_UNIT);
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
put_good (Fixture    *f,
          const char *name)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  put (f, name, contents, -1);
}

static void
put_erroneous (Fixture    *f,
               const char *name)
{
  g_autofree char *seed = seed_as_published ();

  put (f, name, seed, -1);
}

/* Every kind of file a bureau's folder may hold. */
static void
fill_folder (Fixture *f)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autofree char *good = NULL;
  g_autofree char *hostile = hostile_unit_document ();
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.gongkai", NULL);
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autoptr(GString) huge = g_string_new ("{ \"format\": \"gongkai-disclosure\", \"version\": 2, \"unit\": \"");
  guint8 binary[4096];
  gsize length;

  g_assert_true (g_file_get_contents (sample, &good, &length, NULL));
  put_good (f, "a-good.gongkai");
  put_good (f, "sub/deeper/c-good.gongkai");
  {
    g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "xlsx", "seed-layout.xlsx", NULL);
    g_autofree char *data = NULL;
    gsize size;

    g_assert_true (g_file_get_contents (path, &data, &size, NULL));
    put (f, "b-workbook.xlsx", data, size);
  }
  put_erroneous (f, "d-seed.gongkai");
  put (f, "e-hostile-unit.gongkai", hostile, -1);
  put (f, "broken.gongkai", good, length / 2);
  put (f, "empty.gongkai", "", 0);
  for (guint i = 0; i < sizeof binary; i++)
    binary[i] = (guint8) g_random_int ();
  put (f, "binary.gongkai", (const char *) binary, sizeof binary);
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (nested, '[');
  put (f, "nested.gongkai", nested->str, nested->len);
  for (guint i = 0; i < 50 * 1024 * 1024 / 8; i++)
    g_string_append (huge, "公开公");   /* 9 bytes, three characters */
  g_string_append (huge, "\" }");
  put (f, "huge-string.gongkai", huge->str, huge->len);
  put (f, "random.xlsx", (const char *) binary, sizeof binary);
  put (f, "report.pdf", "%PDF-1.4 not really\n", -1);
  put (f, "other.gongkai", "{ \"name\": \"not a disclosure\" }", -1);
  /* Not a disclosure's name: never listed. */
  put (f, "notes.json", "{ \"format\": \"gongkai-disclosure\" }", -1);
  put (f, ".hidden.gongkai", "", 0);
  put (f, "~$b-workbook.xlsx", "", 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("gongkai-check-dir-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gk_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
run_gongkai (Fixture            *f,
             Run                *run,
             const char * const *args)
{
  gk_test_run_gongkai (f->dir, NULL, run, args);
}

/* The line of @name in @out, without its name. */
static const char *
line_of (GStrv       lines,
         const char *name)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == '\t')
      return lines[i] + strlen (name) + 1;
  g_test_message ("no line for %s", name);
  g_assert_not_reached ();
}

static guint
n_lines_of (GStrv       lines,
            const char *name)
{
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], name) ? 1 : 0;
  return n;
}

static void
test_folder (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *names[] = {
    "a-good.gongkai", "b-workbook.xlsx", "binary.gongkai", "broken.gongkai", "c-published.pdf", "d-seed.gongkai",
    "e-hostile-unit.gongkai", "empty.gongkai", "fifo.gongkai", "huge-string.gongkai",
    "nested.gongkai", "other.gongkai", "random.xlsx", "report.pdf", "sub/deeper/c-good.gongkai",
  };
  const char *unreadable[] = {
    "binary.gongkai", "broken.gongkai", "empty.gongkai", "fifo.gongkai", "nested.gongkai", "other.gongkai", "random.xlsx", "report.pdf",
  };

  fill_folder (f);
  {
    g_auto(Run) export = { 0 };

    /* A disclosure published as a PDF, here Gongkai's own. */
    run_gongkai (f, &export, (const char *[]) { "--export-pdf", "c-published.pdf", "a-good.gongkai", NULL });
    g_assert_cmpint (export.status, ==, 0);
  }
  /* The 50 MB unit name takes seconds of work, many more on a machine
   * busy with other things: the limit here is for hangs only. */
  run_gongkai (f, &run, (const char *[]) { "--check-dir", ".", "--time-limit", "300", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  /* A line each, in sorted order, then the totals and nothing else. */
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (names) + 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *prefix = g_strconcat ("./", names[i], "\t", NULL);
      g_assert_true (g_str_has_prefix (lines[i], prefix));
    }
  g_assert_cmpstr (lines[G_N_ELEMENTS (names) + 1], ==, "");

  g_assert_cmpstr (line_of (lines, "./a-good.gongkai"), ==,
                   "乌鲁木齐县人民政府办公室\t2020\txinjiang-2020\t0 errors, 0 warnings");
  g_assert_cmpstr (line_of (lines, "./sub/deeper/c-good.gongkai"), ==,
                   line_of (lines, "./a-good.gongkai"));
  g_assert_true (g_str_has_suffix (line_of (lines, "./d-seed.gongkai"), "errors, 2 warnings"));
  g_assert_true (g_str_has_prefix (line_of (lines, "./d-seed.gongkai"), "乌鲁木齐县人民政府办公室\t2020\t"));
  /* A file's text never brings a tab or a line end into its line. */
  g_assert_true (g_str_has_prefix (line_of (lines, "./e-hostile-unit.gongkai"), HOSTILE_UNIT "\t2020\t"));
  /* A workbook goes through the same way in as a .gongkai file. */
  g_assert_true (g_str_has_prefix (line_of (lines, "./b-workbook.xlsx"), "乌鲁木齐县人民政府办公室\t"));
  g_assert_nonnull (strstr (line_of (lines, "./b-workbook.xlsx"), "\txinjiang-2020\t"));
  /* So does a published PDF: its tables are read back. */
  g_assert_true (g_str_has_prefix (line_of (lines, "./c-published.pdf"), "乌鲁木齐县人民政府办公室\t2020\txinjiang-2020\t"));
  /* A unit name of 50 MB is cut short on its line. */
  g_assert_cmpuint (g_utf8_strlen (line_of (lines, "./huge-string.gongkai"), -1), <, 300);
  g_assert_true (g_str_has_prefix (line_of (lines, "./huge-string.gongkai"), "公开公公开公"));
  for (guint i = 0; i < G_N_ELEMENTS (unreadable); i++)
    {
      g_autofree char *name = g_strconcat ("./", unreadable[i], NULL);
      g_assert_true (g_str_has_prefix (line_of (lines, name), "cannot be read: "));
    }
  g_assert_nonnull (strstr (line_of (lines, "./fifo.gongkai"), "pipe"));
  g_assert_nonnull (strstr (line_of (lines, "./broken.gongkai"), "incomplete"));
  g_assert_cmpuint (n_lines_of (lines, "./notes.json"), ==, 0);
  g_assert_cmpuint (n_lines_of (lines, "./.hidden"), ==, 0);
  g_assert_cmpuint (n_lines_of (lines, "./~$"), ==, 0);
  /* The published PDF reads back whole, 绩效目标表 and 情况说明 too. */
  g_assert_true (g_str_has_suffix (line_of (lines, "./c-published.pdf"), "\t0 errors, 14 warnings"));
  g_assert_true (g_str_has_prefix (lines[G_N_ELEMENTS (names)],
                                   "Files: 15; without errors: 3, with errors: 4, could not be read: 8; "));
}

/* Exit 0 when clean, 1 with errors; several files on --check in sorted
 * order whatever the order given. */
static void
test_exit_status (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) clean = { 0 };
  g_auto(Run) errors = { 0 };
  g_auto(Run) several = { 0 };
  g_auto(Run) unreadable = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  put_good (f, "clean/one.gongkai");
  put_good (f, "clean/two.gongkai");
  run_gongkai (f, &clean, (const char *[]) { "--check-dir", "clean", NULL });
  g_assert_cmpint (clean.status, ==, 0);
  g_assert_nonnull (strstr (clean.out, "Files: 2; without errors: 2, with errors: 0, could not be read: 0; 0 errors, 0 warnings\n"));

  put_erroneous (f, "clean/three.gongkai");
  run_gongkai (f, &errors, (const char *[]) { "--check-dir", "clean", "--jobs", "1", NULL });
  g_assert_cmpint (errors.status, ==, 1);
  g_assert_nonnull (strstr (errors.out, "Files: 3; without errors: 2, with errors: 1, could not be read: 0; "));

  run_gongkai (f, &several, (const char *[]) { "--check", "clean/two.gongkai", "clean/one.gongkai", NULL });
  g_assert_cmpint (several.status, ==, 0);
  g_assert_true (g_str_has_prefix (several.out, "clean/one.gongkai\t"));
  g_assert_nonnull (strstr (several.out, "\nclean/two.gongkai\t"));

  run_gongkai (f, &unreadable, (const char *[]) { "--check", "clean/one.gongkai", "missing.gongkai", NULL });
  g_assert_cmpint (unreadable.status, ==, 2);
  g_assert_nonnull (strstr (unreadable.out, "missing.gongkai\tcannot be read: "));

  /* One unreadable file with --json: its JSON on stdout, nothing else. */
  run_gongkai (f, &json, (const char *[]) { "--check", "missing.gongkai", "--json", NULL });
  g_assert_cmpint (json.status, ==, 2);
  g_assert_cmpstr (json.err, ==, "");
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "error"));
}

/* RFC 4180, as the report writes it. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0' && !(*p == '"' && p[1] != '"'); p++)
            {
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        g_string_append_c (field, *p++);
    }
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (record->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (record);
  return records;
}

static guint
count_rows (GPtrArray  *records,
            const char *file,
            const char *severity)
{
  guint n = 0;

  for (guint i = 1; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);
      n += g_str_equal (g_ptr_array_index (record, 0), file) &&
           (severity == NULL || g_str_equal (g_ptr_array_index (record, 4), severity)) ? 1 : 0;
    }
  return n;
}

static void
make_report_folder (Fixture *f)
{
  g_autofree char *hostile = hostile_unit_document ();

  put_good (f, "in/good.gongkai");
  put_erroneous (f, "in/seed.gongkai");
  put (f, "in/hostile.gongkai", hostile, -1);
  put (f, "in/broken.gongkai", "{ \"format\": ", -1);
}

static void
test_report_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "report.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GPtrArray *header;
  const char *expected[] = { "file", "unit", "year", "rule", "severity", "place", "message" };
  guint n_errors, n_warnings;
  const char *seed_line;

  make_report_folder (f);
  run_gongkai (f, &run, (const char *[]) { "--check-dir", "in", "--report", "report.csv", NULL });
  g_assert_cmpint (run.status, ==, 2);
  seed_line = strstr (run.out, "in/seed.gongkai\t");
  g_assert_nonnull (seed_line);
  g_assert_cmpint (sscanf (strstr (seed_line, "xinjiang-2020\t") + strlen ("xinjiang-2020\t"),
                           "%u errors, %u warnings", &n_errors, &n_warnings), ==, 2);
  g_assert_cmpuint (n_errors, >, 0);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "file,unit,year,rule,severity,place,message\r\n"));
  records = parse_csv (text);
  header = g_ptr_array_index (records, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (header, i), ==, expected[i]);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, 7);

  g_assert_cmpuint (count_rows (records, "in/seed.gongkai", "error"), ==, n_errors);
  g_assert_cmpuint (count_rows (records, "in/seed.gongkai", "warning"), ==, n_warnings);
  g_assert_cmpuint (count_rows (records, "in/hostile.gongkai", NULL), ==, n_errors + n_warnings);
  g_assert_cmpuint (count_rows (records, "in/good.gongkai", NULL), ==, 0);
  g_assert_cmpuint (count_rows (records, "in/broken.gongkai", "unreadable"), ==, 1);
  g_assert_cmpuint (records->len, ==, 1 + 2 * (n_errors + n_warnings) + 1);
  for (guint i = 1; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);
      if (g_str_equal (g_ptr_array_index (record, 0), "in/hostile.gongkai"))
        {
          g_assert_cmpstr (g_ptr_array_index (record, 1), ==, HOSTILE_UNIT);
          g_assert_cmpstr (g_ptr_array_index (record, 2), ==, "2020");
          g_assert_cmpuint (strlen (g_ptr_array_index (record, 3)), >, 0);
          g_assert_cmpuint (strlen (g_ptr_array_index (record, 5)), >, 0);
          g_assert_cmpuint (strlen (g_ptr_array_index (record, 6)), >, 0);
        }
    }
}

static void
test_report_xlsx (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) csv = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "report.xlsx", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "report.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GkXlsxWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  GkXlsxSheet *sheet;
  gboolean found_hostile = FALSE;

  make_report_folder (f);
  run_gongkai (f, &run, (const char *[]) { "--check-dir", "in", "--report", "report.xlsx", NULL });
  g_assert_cmpint (run.status, ==, 2);
  run_gongkai (f, &csv, (const char *[]) { "--check-dir", "in", "--report", "report.csv", NULL });
  g_assert_true (g_file_get_contents (csv_path, &text, NULL, NULL));
  records = parse_csv (text);

  workbook = gk_xlsx_workbook_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (workbook->sheets->len, ==, 1);
  sheet = g_ptr_array_index (workbook->sheets, 0);
  /* The same rows as the CSV, under titles for a reader. */
  g_assert_cmpuint (sheet->n_rows, ==, records->len);
  g_assert_cmpuint (sheet->n_columns, ==, 7);
  g_assert_cmpstr (gk_xlsx_sheet_get_cell (sheet, 0, 0)->text, ==, "File");
  g_assert_cmpstr (gk_xlsx_sheet_get_cell (sheet, 0, 6)->text, ==, "Message");
  for (guint r = 1; r < sheet->n_rows; r++)
    {
      GPtrArray *record = g_ptr_array_index (records, r);
      for (guint c = 0; c < 7; c++)
        {
          const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (sheet, r, c);
          const char *expected = g_ptr_array_index (record, c);

          if (c == 4)
            continue;   /* the severity, in words */
          g_assert_cmpstr (cell != NULL && cell->text != NULL ? cell->text : "", ==, expected);
          g_assert_false (cell != NULL && cell->formula);
        }
      found_hostile |= g_str_equal (gk_xlsx_sheet_get_cell (sheet, r, 1)->text ? gk_xlsx_sheet_get_cell (sheet, r, 1)->text : "", HOSTILE_UNIT);
    }
  g_assert_true (found_hostile);
}

/* More findings than a sheet holds: those that fit, then a row that says
 * how many were left out and how to have them all. The limit is lowered
 * for the test; a million findings are slow to make. */
static void
test_report_xlsx_cap (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "capped.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) results = g_ptr_array_new ();
  g_autoptr(GkXlsxWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  GkBatchResult result = { .path = (char *) "a.gongkai", .status = GK_BATCH_CHECKED,
                           .unit = (char *) "单位", .year = 2024, .template_id = (char *) "xinjiang-2020" };
  GkBatchFinding findings[7];
  GkXlsxSheet *sheet;
  const GkXlsxCell *last;

  result.findings = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      findings[i] = (GkBatchFinding) { (char *) "table.sum", (char *) "error", (char *) "表三", NULL };
      findings[i].message = g_strdup_printf ("finding %u", i);
      g_ptr_array_add (result.findings, &findings[i]);
    }
  g_ptr_array_add (results, &result);

  gk_check_report_set_xlsx_row_limit (5);
  g_assert_true (gk_check_report_write (file, results, "", &error));
  gk_check_report_set_xlsx_row_limit (G_MAXUINT);
  g_assert_no_error (error);

  workbook = gk_xlsx_workbook_open (path, &error);
  g_assert_no_error (error);
  sheet = g_ptr_array_index (workbook->sheets, 0);
  /* The header, four findings in their order, and the note. */
  g_assert_cmpuint (sheet->n_rows, ==, 6);
  g_assert_cmpstr (gk_xlsx_sheet_get_cell (sheet, 4, 6)->text, ==, "finding 3");
  last = gk_xlsx_sheet_get_cell (sheet, 5, 6);
  g_assert_nonnull (strstr (last->text, "3 more findings"));
  g_assert_nonnull (strstr (last->text, ".csv"));
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    g_free (findings[i].message);
  g_ptr_array_unref (result.findings);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_report_html (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "report.html", NULL);
  g_autofree char *html = NULL;

  make_report_folder (f);
  run_gongkai (f, &run, (const char *[]) { "--check-dir", "in", "--report", "report.html", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  /* The page's own script, and no other: the unit's markup is text. */
  g_assert_cmpuint (count_occurrences (html, "<script"), ==, 1);
  g_assert_null (strstr (html, "<script>alert"));
  g_assert_nonnull (strstr (html, "<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;县&quot; &apos;办&apos;</td>"));
  /* The unit is one of the choices of its filter, as text. */
  g_assert_nonnull (strstr (html, "<option value=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;县&quot; &apos;办&apos;\">"));
  g_assert_nonnull (strstr (html, "<select data-column=\"3\"><option value=\"\">All</option><option value=\"explanation."));
  g_assert_cmpuint (count_occurrences (html, "<option value=\"\">"), ==, 3);
  g_assert_nonnull (strstr (html, "<select data-column=\"1\">"));
  g_assert_nonnull (strstr (html, "<select data-column=\"4\">"));
  g_assert_nonnull (strstr (html, "script-src 'sha256-"));
  /* Self-contained: nothing loaded from elsewhere. */
  g_assert_null (strstr (html, "src=\""));
  g_assert_null (strstr (html, "href=\""));
  g_assert_nonnull (strstr (html, "<td class=\"unreadable\">Cannot be read</td>"));
  g_assert_nonnull (strstr (html, "<td class=\"error\">Error</td>"));
}

static void
test_report_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) many_json = { 0 };
  g_autofree char *refused = g_build_filename (f->dir, "report.txt", NULL);

  put_good (f, "in/good.gongkai");
  run_gongkai (f, &run, (const char *[]) { "--check-dir", "in", "--report", "report.txt", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, ".csv, .xlsx or .html"));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  run_gongkai (f, &many_json, (const char *[]) { "--check", "in/good.gongkai", "in/good.gongkai", "--json", NULL });
  g_assert_cmpint (many_json.status, ==, 2);
  g_assert_nonnull (strstr (many_json.err, "--json"));

  /* A report that cannot be written is said before any file is checked. */
  {
    g_auto(Run) nowhere = { 0 };

    run_gongkai (f, &nowhere, (const char *[]) { "--check-dir", "in", "--report", "missing/report.csv", NULL });
    g_assert_cmpint (nowhere.status, ==, 2);
    g_assert_nonnull (strstr (nowhere.err, "missing"));
    g_assert_cmpstr (nowhere.out, ==, "");
  }
}

/* The worker hooks: run in the worker before each file. */
static void
hang_or_crash (const char *path)
{
  if (g_str_has_suffix (path, "hang.gongkai"))
    g_usleep (600 * G_USEC_PER_SEC);
  if (g_str_has_suffix (path, "crash.gongkai"))
    raise (SIGSEGV);
}

typedef struct
{
  guint n_told;
} Told;

static void
count_told (const GkBatchResult *result,
            gpointer             user_data)
{
  Told *told = user_data;

  told->n_told++;
}

/* A file that hangs is reported as timed out and one that crashes its
 * worker as such, while every other file is checked, in order. */
static void
test_hang_and_crash (Fixture       *f,
                     gconstpointer  data)
{
  const char *names[] = { "a.gongkai", "b-crash.gongkai", "c.gongkai", "d-hang.gongkai", "e.gongkai",
                          "f.gongkai", "g-crash.gongkai", "h.gongkai", NULL };
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  GkBatchOptions options = { 2, 2, TRUE, hang_or_crash };
  Told told = { 0 };
  gint64 start;

  for (guint i = 0; names[i] != NULL; i++)
    {
      put_erroneous (f, names[i]);
      g_ptr_array_add (paths, g_build_filename (f->dir, names[i], NULL));
    }
  g_ptr_array_add (paths, NULL);

  start = g_get_monotonic_time ();
  results = gk_check_batch_run ((const char * const *) paths->pdata, &options, count_told, &told);
  /* The hanging file costs its time limit, not its sleep. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (results->len, ==, 8);
  g_assert_cmpuint (told.n_told, ==, 8);
  for (guint i = 0; i < results->len; i++)
    {
      GkBatchResult *result = g_ptr_array_index (results, i);

      g_assert_cmpstr (result->path, ==, g_ptr_array_index (paths, i));
      if (strstr (names[i], "hang") != NULL)
        {
          g_assert_cmpint (result->status, ==, GK_BATCH_TIMED_OUT);
          g_assert_nonnull (strstr (result->reason, "time limit of 2 s"));
        }
      else if (strstr (names[i], "crash") != NULL)
        {
          g_assert_cmpint (result->status, ==, GK_BATCH_CRASHED);
#ifdef __SANITIZE_ADDRESS__
          /* AddressSanitizer reports the fault and aborts (abort_on_error). */
          g_assert_true (strstr (result->reason, "signal 11") != NULL ||
                         strstr (result->reason, "signal 6") != NULL);
#else
          g_assert_nonnull (strstr (result->reason, "signal 11"));
#endif
        }
      else
        {
          g_assert_cmpint (result->status, ==, GK_BATCH_CHECKED);
          g_assert_cmpuint (result->n_errors, >, 0);
          g_assert_cmpuint (result->findings->len, ==, result->n_errors + result->n_warnings);
          g_assert_cmpstr (result->template_id, ==, "xinjiang-2020");
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/check-dir/folder", test_folder);
  ADD ("/check-dir/exit-status", test_exit_status);
  ADD ("/check-dir/report/csv", test_report_csv);
  ADD ("/check-dir/report/xlsx", test_report_xlsx);
  ADD ("/check-dir/report/xlsx-cap", test_report_xlsx_cap);
  ADD ("/check-dir/report/html", test_report_html);
  ADD ("/check-dir/report/refused", test_report_refused);
  ADD ("/check-dir/hang-and-crash", test_hang_and_crash);
#undef ADD

  return g_test_run ();
}
