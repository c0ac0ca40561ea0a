/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-check-batch.h"
#include "gk-check-report.h"
#include "gk-cli-private.h"

/* `gongkai --check FILE…` and `gongkai --check-dir DIR`: a bureau's whole
 * folder of disclosures reviewed at once, a line per file and the totals,
 * and with --report every finding in one table. */

#define DEFAULT_TIME_LIMIT 30

typedef struct
{
  guint n_clean;
  guint n_with_errors;
  guint n_unreadable;
  guint n_errors;
  guint n_warnings;
} Totals;

static gboolean
is_disclosure_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  /* Hidden files, and the lock files Excel leaves beside an open workbook. */
  if (name[0] == '.' || g_str_has_prefix (name, "~$"))
    return FALSE;
  return g_str_has_suffix (lower, ".gongkai") || g_str_has_suffix (lower, ".xlsx") ||
         g_str_has_suffix (lower, ".pdf");
}

/* Every disclosure under @folder. A link to a folder is not followed, so
 * that a loop of links cannot make the walk endless; a folder that cannot
 * be opened is listed itself, to be reported rather than passed over. */
static void
collect (const char *folder,
         GPtrArray  *paths)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_ptr_array_add (paths, g_strdup (folder));
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf st;

      if (name[0] == '.')
        continue;
      if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
        collect (path, paths);
      else if (is_disclosure_name (name))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

/* A file's text on one line of the terminal: no tab, line end or escape
 * sequence from inside a file gets to the terminal as such. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text);

  for (char *p = line; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return line;
}

static char *
counts_text (guint n_errors,
             guint n_warnings)
{
  g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

  /* TRANSLATORS: the count line of `gongkai --check`: "2 errors, 1 warning" */
  return g_strdup_printf (_("%s, %s\n"), errors, warnings);
}

/* FILE <tab> UNIT <tab> YEAR <tab> TEMPLATE <tab> counts, or FILE <tab>
 * why it could not be checked: fields a script can cut. */
static void
print_line (const GkBatchResult *result,
            gpointer             user_data)
{
  Totals *totals = user_data;
  g_autofree char *path = one_line (result->path);
  g_autofree char *reason = one_line (result->reason != NULL ? result->reason : "");

  switch (result->status)
    {
    case GK_BATCH_CHECKED:
      {
        g_autofree char *unit = one_line (result->unit);
        g_autofree char *year = result->year > 0 ? g_strdup_printf ("%u", result->year) : g_strdup ("-");
        g_autofree char *counts = counts_text (result->n_errors, result->n_warnings);
        /* A user template's id comes from the file, like its unit. */
        g_autofree char *template_id = one_line (result->template_id != NULL ? result->template_id : "");

        g_print ("%s\t%s\t%s\t%s\t%s", path, *unit != '\0' ? unit : "-", year, template_id, counts);
        totals->n_errors += result->n_errors;
        totals->n_warnings += result->n_warnings;
        if (result->n_errors > 0)
          totals->n_with_errors++;
        else
          totals->n_clean++;
        break;
      }
    case GK_BATCH_UNREADABLE:
      /* TRANSLATORS: a line of `gongkai --check-dir`: the file, a tab, then why */
      g_print (_("%s\tcannot be read: %s\n"), path, reason);
      totals->n_unreadable++;
      break;
    case GK_BATCH_TIMED_OUT:
    case GK_BATCH_CRASHED:
    default:
      /* TRANSLATORS: a line of `gongkai --check-dir`: the file, a tab, then why */
      g_print (_("%s\tcannot be checked: %s\n"), path, reason);
      totals->n_unreadable++;
      break;
    }
  fflush (stdout);
}

static char *
totals_text (const Totals *totals,
             guint         n_files)
{
  g_autofree char *counts = counts_text (totals->n_errors, totals->n_warnings);

  /* TRANSLATORS: the last line of `gongkai --check-dir`; the last %s is
   * "5 errors, 2 warnings" and its line end */
  return g_strdup_printf (_("Files: %u; without errors: %u, with errors: %u, could not be read: %u; %s"),
                          n_files, totals->n_clean, totals->n_with_errors, totals->n_unreadable, counts);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Checks @paths (sorted here), prints a line each and the totals, writes
 * the report, and returns the exit status: 0 when every file was read
 * and none has an error, 1 when some have errors, 2 when some could not
 * be checked. */
static int
check_many (GPtrArray    *paths,
            GVariantDict *options)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *summary = NULL;
  const char *report = NULL;
  GkBatchOptions batch = { 0, DEFAULT_TIME_LIMIT, FALSE, NULL };
  Totals totals = { 0 };
  gint32 value;

  if (g_variant_dict_contains (options, "json"))
    {
      g_printerr (_("--json takes one file; for several, use --report OUT.csv\n"));
      return GK_CLI_EXIT_UNREADABLE;
    }
  if (g_variant_dict_lookup (options, "report", "^&ay", &report) &&
      gk_check_report_format (report) == GK_REPORT_NONE)
    {
      g_printerr (_("The report “%s” must end in .csv, .xlsx or .html\n"), report);
      return GK_CLI_EXIT_UNREADABLE;
    }
  if (report != NULL)
    {
      g_autofree char *folder = g_path_get_dirname (report);

      /* Said before the batch, not after hours of checking. */
      if (!g_file_test (folder, G_FILE_TEST_IS_DIR) || g_access (folder, W_OK) != 0)
        {
          g_printerr (_("Cannot write the report “%s”: the folder “%s” does not exist or cannot be written to\n"),
                      report, folder);
          return GK_CLI_EXIT_UNREADABLE;
        }
    }
  if (g_variant_dict_lookup (options, "time-limit", "i", &value))
    {
      if (value <= 0)
        {
          g_printerr (_("--time-limit takes a number of seconds, for example: --time-limit 60\n"));
          return GK_CLI_EXIT_UNREADABLE;
        }
      batch.time_limit = value;
    }
  if (g_variant_dict_lookup (options, "jobs", "i", &value))
    {
      if (value <= 0)
        {
          g_printerr (_("--jobs takes a number of processes, for example: --jobs 4\n"));
          return GK_CLI_EXIT_UNREADABLE;
        }
      batch.n_workers = value;
    }
  batch.keep_findings = report != NULL;

  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  results = gk_check_batch_run ((const char * const *) paths->pdata, &batch, print_line, &totals);
  summary = totals_text (&totals, results->len);
  g_print ("%s", summary);

  if (report != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (report);
      g_autoptr(GError) error = NULL;

      g_strchomp (summary);
      if (!gk_check_report_write (file, results, summary, &error))
        {
          g_printerr (_("Cannot write the report: %s\n"), error->message);
          return GK_CLI_EXIT_UNREADABLE;
        }
    }

  if (totals.n_unreadable > 0)
    return GK_CLI_EXIT_UNREADABLE;
  return totals.n_with_errors > 0 ? 1 : 0;
}

/* --check FILE FILE…, or --check FILE --report OUT. */
int
_gk_cli_check_many (GVariantDict       *options,
                    const char         *first,
                    const char * const *files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (paths, g_strdup (first));
  for (guint i = 0; files[i] != NULL; i++)
    g_ptr_array_add (paths, g_strdup (files[i]));
  return check_many (paths, options);
}

/* --check-dir DIR: every .gongkai, .xlsx and .pdf under DIR. */
int
_gk_cli_check_dir (const GkCliCommand *command,
                   GVariantDict       *options,
                   const char * const *files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *folder = NULL;

  g_variant_dict_lookup (options, "check-dir", "^&ay", &folder);
  if (files[0] != NULL)
    {
      g_printerr (_("--check-dir takes one folder, for example: gongkai --check-dir 2020/\n"));
      return GK_CLI_EXIT_UNREADABLE;
    }
  dir = g_dir_open (folder, 0, &error);
  if (dir == NULL)
    {
      g_printerr (_("Cannot read the folder %s: %s\n"), folder, error->message);
      return GK_CLI_EXIT_UNREADABLE;
    }
  collect (folder, paths);
  return check_many (paths, options);
}
