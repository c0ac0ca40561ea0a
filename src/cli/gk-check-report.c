/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-atomic-writer.h"
#include "gk-check-report.h"
#include "gk-csv-writer.h"
#include "gk-xlsx-writer.h"

/* The findings of a whole folder as one table a reviewer reads: a row per
 * finding (file, unit, year, rule, severity, place, message), and a row
 * per file that could not be checked, with why in the message. */

enum { FILE_COLUMN, UNIT, YEAR, RULE, SEVERITY, PLACE, MESSAGE, N_COLUMNS };

/* The CSV is for scripts: its header and severities are machine words,
 * as `--check` prints them. */
static const char * const csv_header[] = {
  "file", "unit", "year", "rule", "severity", "place", "message", NULL
};

static const char *
status_word (GkBatchStatus status)
{
  switch (status)
    {
    case GK_BATCH_UNREADABLE:
      return "unreadable";
    case GK_BATCH_TIMED_OUT:
      return "timed-out";
    case GK_BATCH_CRASHED:
      return "crashed";
    case GK_BATCH_CHECKED:
    default:
      return "";
    }
}

/* Rows of N_COLUMNS texts, in the order of @results, with room for one
 * more (the HTML keeps the severity word there) before their NULL. */
static GPtrArray *
report_rows (GPtrArray *results)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < results->len; i++)
    {
      GkBatchResult *result = g_ptr_array_index (results, i);
      g_autofree char *year = result->year > 0 ? g_strdup_printf ("%u", result->year) : g_strdup ("");

      if (result->status != GK_BATCH_CHECKED)
        {
          char **row = g_new0 (char *, N_COLUMNS + 2);

          row[FILE_COLUMN] = g_strdup (result->path);
          row[UNIT] = g_strdup ("");
          row[YEAR] = g_strdup ("");
          row[RULE] = g_strdup ("");
          row[SEVERITY] = g_strdup (status_word (result->status));
          row[PLACE] = g_strdup ("");
          row[MESSAGE] = g_strdup (result->reason != NULL ? result->reason : "");
          g_ptr_array_add (rows, row);
          continue;
        }
      for (guint f = 0; result->findings != NULL && f < result->findings->len; f++)
        {
          GkBatchFinding *finding = g_ptr_array_index (result->findings, f);
          char **row = g_new0 (char *, N_COLUMNS + 2);

          row[FILE_COLUMN] = g_strdup (result->path);
          row[UNIT] = g_strdup (result->unit);
          row[YEAR] = g_strdup (year);
          row[RULE] = g_strdup (finding->rule);
          row[SEVERITY] = g_strdup (finding->severity);
          row[PLACE] = g_strdup (finding->place);
          row[MESSAGE] = g_strdup (finding->message);
          g_ptr_array_add (rows, row);
        }
    }
  return rows;
}

/* What a reviewer reads in the workbook and the page: the columns and the
 * severities in their language. */
static void
translate_header (const char *header[N_COLUMNS + 1])
{
  /* TRANSLATORS: column titles of the report of gongkai --check-dir --report */
  header[FILE_COLUMN] = _("File");
  header[UNIT] = _("Unit");
  header[YEAR] = _("Year");
  header[RULE] = _("Rule");
  header[SEVERITY] = _("Severity");
  header[PLACE] = _("Place");
  header[MESSAGE] = _("Message");
  header[N_COLUMNS] = NULL;
}

static const char *
severity_label (const char *word)
{
  if (g_str_equal (word, "error"))
    /* TRANSLATORS: a severity in the report of gongkai --check-dir */
    return _("Error");
  if (g_str_equal (word, "warning"))
    return _("Warning");
  if (g_str_equal (word, "unreadable"))
    return _("Cannot be read");
  if (g_str_equal (word, "timed-out"))
    return _("Timed out");
  if (g_str_equal (word, "crashed"))
    return _("Crashed");
  return word;
}

static gboolean
write_csv (GFile      *file,
           GPtrArray  *rows,
           GError    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  /* No byte-order mark: a script would read it as part of "file". */
  gk_csv_append_record (out, csv_header, N_COLUMNS);
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) safe = g_ptr_array_new_with_free_func (g_free);

      /* A unit or message that begins like a formula (=HYPERLINK(…)) stays
       * text when a spreadsheet opens the report. */
      for (guint c = 0; c < N_COLUMNS; c++)
        g_ptr_array_add (safe, row[c] != NULL && strchr ("=+-@\t\r", row[c][0]) != NULL && row[c][0] != '\0'
                                 ? g_strconcat ("'", row[c], NULL) : g_strdup (row[c]));
      gk_csv_append_record (out, (const char * const *) safe->pdata, N_COLUMNS);
    }
  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  return gk_file_write_bytes_atomic (file, bytes, GK_ATOMIC_NONE, NULL, error);
}

/* A sheet holds 1 048 576 rows, the header being one. */
static guint xlsx_row_limit = 1048575;

/* Only tests lower it: a million findings are slow to make. */
void
gk_check_report_set_xlsx_row_limit (guint limit)
{
  xlsx_row_limit = MAX (limit, 2);
}

static gboolean
write_xlsx (GFile      *file,
            GPtrArray  *rows,
            GError    **error)
{
  const char *header[N_COLUMNS + 1];

  translate_header (header);
  /* More findings than a sheet holds: the last row says how many are
   * left out and where to get them all, rather than a workbook that
   * Excel refuses or a list cut without a word. */
  if (rows->len > xlsx_row_limit)
    {
      guint left_out = rows->len - (xlsx_row_limit - 1);
      char **note = g_new0 (char *, N_COLUMNS + 2);

      g_ptr_array_set_size (rows, xlsx_row_limit - 1);
      for (guint c = 0; c < N_COLUMNS; c++)
        note[c] = g_strdup ("");
      g_free (note[MESSAGE]);
      note[MESSAGE] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "… and %u more finding, not in this workbook: a sheet holds at most %u rows. Write the report as .csv to have them all.",
                                                    "… and %u more findings, not in this workbook: a sheet holds at most %u rows. Write the report as .csv to have them all.",
                                                    left_out),
                                       left_out, xlsx_row_limit);
      g_ptr_array_add (rows, note);
      g_printerr ("%s\n", note[MESSAGE]);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      char *label = g_strdup (severity_label (row[SEVERITY]));

      g_free (row[SEVERITY]);
      row[SEVERITY] = label;
    }
  /* TRANSLATORS: the sheet name of the report workbook (at most 31 characters) */
  return gk_xlsx_write_list (file, _("Findings"), header, rows, error);
}

/* Filters on rule, unit and severity, and a click on a column title sorts
 * by it. It reads the table itself: no data is ever written into the
 * script, so nothing from a file can end up running as code. */
static const char script[] =
  "(function () {\n"
  "  var table = document.getElementById ('findings');\n"
  "  var body = table.tBodies[0];\n"
  "  var rows = Array.prototype.slice.call (body.rows);\n"
  "  var selects = document.querySelectorAll ('select[data-column]');\n"
  "  var count = document.getElementById ('count');\n"
  "  function filter () {\n"
  "    var shown = 0;\n"
  "    rows.forEach (function (row) {\n"
  "      var keep = true;\n"
  "      selects.forEach (function (s) {\n"
  "        if (s.value !== '' && row.cells[+s.dataset.column].textContent !== s.value) keep = false;\n"
  "      });\n"
  "      row.hidden = !keep;\n"
  "      if (keep) shown++;\n"
  "    });\n"
  "    count.textContent = shown + ' / ' + rows.length;\n"
  "  }\n"
  "  selects.forEach (function (s) { s.addEventListener ('change', filter); });\n"
  "  Array.prototype.forEach.call (table.tHead.rows[0].cells, function (th, column) {\n"
  "    th.addEventListener ('click', function () {\n"
  "      var down = th.dataset.sorted === 'up';\n"
  "      Array.prototype.forEach.call (table.tHead.rows[0].cells, function (c) { delete c.dataset.sorted; });\n"
  "      th.dataset.sorted = down ? 'down' : 'up';\n"
  "      rows.sort (function (a, b) {\n"
  "        var x = a.cells[column].textContent, y = b.cells[column].textContent;\n"
  "        var order = x.localeCompare (y, undefined, { numeric: true });\n"
  "        return down ? -order : order;\n"
  "      });\n"
  "      rows.forEach (function (row) { body.appendChild (row); });\n"
  "    });\n"
  "  });\n"
  "  filter ();\n"
  "}) ();\n";

static const char style[] =
  "body { font-family: sans-serif; margin: 1.5em; color: #222; }\n"
  "label { margin-right: 1.5em; }\n"
  "table { border-collapse: collapse; margin-top: 1em; width: 100%; }\n"
  "th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }\n"
  "th { background: #eee; cursor: pointer; user-select: none; position: sticky; top: 0; }\n"
  "th[data-sorted=up]::after { content: ' ▲'; }\n"
  "th[data-sorted=down]::after { content: ' ▼'; }\n"
  "td.error { color: #b00; font-weight: bold; }\n"
  "td.warning { color: #a60; }\n"
  "td.unreadable, td.timed-out, td.crashed { color: #606; font-weight: bold; }\n";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* A drop-down of every value the column takes, "all" first. */
static void
append_filter (GString    *out,
               GPtrArray  *rows,
               guint       column,
               const char *label)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const char *value = ((char **) g_ptr_array_index (rows, i))[column];

      /* An unreadable file's row has no rule or unit to choose. */
      if (*value != '\0' && g_hash_table_add (seen, (gpointer) value))
        g_ptr_array_add (values, (gpointer) value);
    }
  g_ptr_array_sort (values, compare_strings);

  g_string_append (out, "<label>");
  append_escaped (out, label);
  g_string_append_printf (out, " <select data-column=\"%u\"><option value=\"\">", column);
  /* TRANSLATORS: the first choice of a filter of the report page */
  append_escaped (out, _("All"));
  g_string_append (out, "</option>");
  for (guint i = 0; i < values->len; i++)
    {
      g_string_append (out, "<option value=\"");
      append_escaped (out, g_ptr_array_index (values, i));
      g_string_append (out, "\">");
      append_escaped (out, g_ptr_array_index (values, i));
      g_string_append (out, "</option>");
    }
  g_string_append (out, "</select></label>\n");
}

static gboolean
write_html (GFile      *file,
            GPtrArray  *rows,
            const char *summary,
            GError    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 hash[32];
  gsize hash_length = sizeof hash;
  const char *header[N_COLUMNS + 1];

  translate_header (header);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      char *label = g_strdup (severity_label (row[SEVERITY]));

      /* The machine word stays as the cell's class, for its colour. */
      row[N_COLUMNS] = row[SEVERITY];
      row[SEVERITY] = label;
    }

  /* Only this page's own script may run, whatever a file's text holds. */
  g_checksum_update (checksum, (const guchar *) script, strlen (script));
  g_checksum_get_digest (checksum, hash, &hash_length);
  digest = g_base64_encode (hash, hash_length);

  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
  g_string_append_printf (out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'; script-src 'sha256-%s'\">\n", digest);
  g_string_append (out, "<title>");
  /* TRANSLATORS: the title of the report page of gongkai --check-dir --report */
  append_escaped (out, _("Review of the disclosures"));
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style);
  append_escaped (out, _("Review of the disclosures"));
  g_string_append (out, "</h1>\n<p>");
  append_escaped (out, summary);
  g_string_append (out, "</p>\n<p>\n");
  append_filter (out, rows, RULE, header[RULE]);
  append_filter (out, rows, UNIT, header[UNIT]);
  append_filter (out, rows, SEVERITY, header[SEVERITY]);
  g_string_append (out, "<span id=\"count\"></span>\n</p>\n<table id=\"findings\">\n<thead><tr>");
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_string_append (out, "<th>");
      append_escaped (out, header[c]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      g_string_append (out, "<tr>");
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c == SEVERITY)
            {
              g_string_append (out, "<td class=\"");
              append_escaped (out, row[N_COLUMNS]);
              g_string_append (out, "\">");
            }
          else
            g_string_append (out, "<td>");
          append_escaped (out, row[c]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append_printf (out, "</tbody>\n</table>\n<script>%s</script>\n</body>\n</html>\n", script);

  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  return gk_file_write_bytes_atomic (file, bytes, GK_ATOMIC_NONE, NULL, error);
}

/**
 * gk_check_report_format:
 * @path: where the report goes
 *
 * Returns: the format its name asks for, or %GK_REPORT_NONE
 */
GkReportFormat
gk_check_report_format (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    return GK_REPORT_CSV;
  if (g_str_has_suffix (lower, ".xlsx"))
    return GK_REPORT_XLSX;
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    return GK_REPORT_HTML;
  return GK_REPORT_NONE;
}

/**
 * gk_check_report_write:
 * @results: (element-type GkBatchResult): with their findings
 * @summary: the totals line, for the page's heading
 */
gboolean
gk_check_report_write (GFile      *file,
                       GPtrArray  *results,
                       const char *summary,
                       GError    **error)
{
  g_autofree char *path = g_file_get_parse_name (file);
  g_autoptr(GPtrArray) rows = report_rows (results);

  switch (gk_check_report_format (path))
    {
    case GK_REPORT_CSV:
      return write_csv (file, rows, error);
    case GK_REPORT_XLSX:
      return write_xlsx (file, rows, error);
    case GK_REPORT_HTML:
      return write_html (file, rows, summary, error);
    case GK_REPORT_NONE:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The report “%s” must end in .csv, .xlsx or .html"), path);
      return FALSE;
    }
}
