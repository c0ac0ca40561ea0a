/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gk-cli-private.h"
#include "gk-document-io.h"
#include "gk-export.h"
#include "gk-pdf-export.h"
#include "gk-pdf-import.h"
#include "gk-xlsx-reader.h"

/* Every export goes through the same pipeline as the window's, here on
 * this thread. */
static gboolean
export_to (GkDocument      *document,
           GkExportFormat   format,
           const char      *out,
           GError         **error)
{
  g_autoptr(GFile) target = g_file_new_for_commandline_arg (out);

  return gk_export_file (document, format, target, NULL, NULL, NULL, error);
}

gboolean
_gk_cli_export_csv (GkDocument    *document,
                    const char    *out,
                    GVariantDict  *options,
                    GError       **error)
{
  return export_to (document, GK_EXPORT_CSV, out, error);
}

gboolean
_gk_cli_export_charts (GkDocument    *document,
                       const char    *out,
                       GVariantDict  *options,
                       GError       **error)
{
  return export_to (document, GK_EXPORT_CHARTS, out, error);
}

gboolean
_gk_cli_export_pdf (GkDocument    *document,
                    const char    *out,
                    GVariantDict  *options,
                    GError       **error)
{
  g_autoptr(GkPdfWriter) writer = gk_pdf_writer_new (document);
  g_autoptr(GFile) target = g_file_new_for_commandline_arg (out);
  GkCliSummary *summary;
  gboolean written;

  /* The pipeline's writer, kept here for the page count of the summary.
   * The checks and 情况说明's placeholders of the summary are worked out
   * on the second core while the pages are drawn, which on a large
   * document takes several times longer. */
  gk_pdf_writer_set_with_charts (writer, g_variant_dict_contains (options, "with-charts"));
  summary = _gk_cli_summary_start (document);
  gk_pdf_writer_set_document_lock (writer, _gk_cli_summary_get_lock (summary));
  written = gk_pdf_writer_write_file (writer, target, NULL, NULL, NULL, error);
  if (!_gk_cli_summary_finish (summary, written ? out : NULL, gk_pdf_writer_get_n_pages (writer)) &&
      written && g_variant_dict_contains (options, "strict"))
    g_variant_dict_insert (options, "failed-checks", "b", TRUE);
  return written;
}

gboolean
_gk_cli_export_xlsx (GkDocument    *document,
                     const char    *out,
                     GVariantDict  *options,
                     GError       **error)
{
  return export_to (document, GK_EXPORT_XLSX, out, error);
}

/* --export-FORMAT OUT FILE: loads FILE and writes it to OUT. */
int
_gk_cli_export (const GkCliCommand *command,
                GVariantDict       *options,
                const char * const *files)
{
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *out = NULL;

  g_variant_dict_lookup (options, command->long_name, "^&ay", &out);
  document = _gk_cli_load_single_file (command->long_name, files);
  if (document == NULL)
    return GK_CLI_EXIT_UNREADABLE;

  if (!command->export (document, out, options, &error))
    {
      /* The message names the file and the reason. */
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  /* The process ends with the command and the system takes its memory
   * back at once: freeing a document of thousands of projects object by
   * object only made the user wait longer for the prompt. */
  (void) g_steal_pointer (&document);
  return g_variant_dict_contains (options, "failed-checks") ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* --import-xlsx IN OUT.gongkai, --import-pdf IN OUT.gongkai: reads a
 * workbook or a published PDF, prints the report of what was read and
 * what was not, and saves the new document. */
int
_gk_cli_import_xlsx (const GkCliCommand *command,
                     GVariantDict       *options,
                     const char * const *files)
{
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  gboolean pdf = g_str_equal (command->long_name, "import-pdf");
  const char *path = NULL;
  const char *id = NULL;
  GkTemplate *template = NULL;

  g_variant_dict_lookup (options, command->long_name, "^&ay", &path);
  g_variant_dict_lookup (options, "template", "&s", &id);
  if (files[0] == NULL || files[1] != NULL)
    {
      if (pdf)
        g_printerr (_("--import-pdf needs the PDF and one output file, for example: gongkai --import-pdf budget.pdf budget.gongkai\n"));
      else
        g_printerr (_("--import-xlsx needs the workbook and one output file, for example: gongkai --import-xlsx budget.xlsx budget.gongkai\n"));
      return GK_CLI_EXIT_UNREADABLE;
    }
  if (id != NULL && (template = _gk_cli_find_template (command->long_name, id)) == NULL)
    return GK_CLI_EXIT_UNREADABLE;
  if (pdf)
    {
      g_autoptr(GFile) in = g_file_new_for_commandline_arg (path);
      g_autofree char *local = g_file_get_path (in);

      document = gk_pdf_import (local != NULL ? local : path, template, report, &error);
    }
  else if (template != NULL)
    {
      g_autoptr(GFile) workbook = g_file_new_for_commandline_arg (path);
      g_autofree char *local = g_file_get_path (workbook);

      /* The window imports into the template the workbook matches best;
       * here the template can be named. */
      document = gk_xlsx_import_for_template (local != NULL ? local : path, template, report, &error);
    }
  else
    {
      g_autoptr(GFile) workbook = g_file_new_for_commandline_arg (path);
      document = gk_import_xlsx_file (workbook, report, NULL, &error);
    }
  if (document == NULL)
    {
      g_printerr (_("Cannot read %s: %s\n"), path, error->message);
      return GK_CLI_EXIT_UNREADABLE;
    }
  g_print ("%s", report->str);

  out = g_file_new_for_commandline_arg (files[0]);
  if (!gk_document_save (document, out, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
