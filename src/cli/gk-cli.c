/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gk-cli-private.h"
#include "gk-document-io.h"

/* One entry per command-line command. */
static const GkCliCommand commands[] = {
  { "version", G_OPTION_ARG_NONE, N_("Show the version and exit"), NULL,
    _gk_cli_version, NULL },
  { "check", G_OPTION_ARG_FILENAME, N_("Check FILE against every rule and print the findings"), N_("FILE"),
    _gk_cli_check, NULL },
  { "check-dir", G_OPTION_ARG_FILENAME, N_("Check every disclosure in DIR and its subfolders: a line per file, then the totals"), N_("DIR"),
    _gk_cli_check_dir, NULL },
  { "export-csv", G_OPTION_ARG_FILENAME, N_("Write each table of FILE as a CSV file into DIR"), N_("DIR"),
    _gk_cli_export, _gk_cli_export_csv },
  { "export-charts", G_OPTION_ARG_FILENAME, N_("Write every review chart of FILE as PNG and SVG into DIR"), N_("DIR"),
    _gk_cli_export, _gk_cli_export_charts },
  { "export-pdf", G_OPTION_ARG_FILENAME, N_("Write the finished disclosure FILE as the PDF OUT"), N_("OUT"),
    _gk_cli_export, _gk_cli_export_pdf },
  { "export-xlsx", G_OPTION_ARG_FILENAME, N_("Write the tables of FILE as an Excel workbook OUT"), N_("OUT"),
    _gk_cli_export, _gk_cli_export_xlsx },
  { "import-xlsx", G_OPTION_ARG_FILENAME, N_("Read the Excel workbook IN and save it as the disclosure FILE"), N_("IN"),
    _gk_cli_import_xlsx, NULL },
  { "import-pdf", G_OPTION_ARG_FILENAME, N_("Read the published PDF IN and save it as the disclosure FILE"), N_("IN"),
    _gk_cli_import_xlsx, NULL },
  { "list-templates", G_OPTION_ARG_NONE, N_("List the disclosure templates: id, title, number of tables"), NULL,
    _gk_cli_list_templates, NULL },
  { "new", G_OPTION_ARG_FILENAME, N_("Write a blank disclosure of the template given with --template as OUT"), N_("OUT"),
    _gk_cli_new, NULL },
  { "next-year", G_OPTION_ARG_FILENAME, N_("Start next year’s disclosure from IN and save it as the FILE given after it"), N_("IN"),
    _gk_cli_next_year, NULL },
};

void
gk_cli_add_options (GApplication *application)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  /* GApplication translates option descriptions itself, with the
   * current text domain, when it prints --help. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_application_add_main_option (application,
                                   commands[i].long_name, 0, G_OPTION_FLAG_NONE,
                                   commands[i].arg,
                                   commands[i].description,
                                   commands[i].arg_description);

  /* Modifiers of a command, not commands of their own. */
  g_application_add_main_option (application, "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 N_("With --check, print the findings as JSON"), NULL);
  g_application_add_main_option (application, "report", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 N_("With --check or --check-dir, write every finding to OUT (.csv, .xlsx or .html)"), N_("OUT"));
  g_application_add_main_option (application, "time-limit", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT,
                                 N_("With --check-dir, the seconds one file may take (30 when not given)"), N_("SECONDS"));
  g_application_add_main_option (application, "jobs", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT,
                                 N_("With --check-dir, how many files are checked at once (one per processor when not given)"), N_("N"));
  g_application_add_main_option (application, "with-charts", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 N_("With --export-pdf, add an appendix of the review charts"), NULL);
  g_application_add_main_option (application, "strict", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 N_("With --export-pdf, exit with status 1 when the checks find errors"), NULL);
  g_application_add_main_option (application, "template", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING,
                                 N_("With --new, --import-xlsx or --import-pdf, the template (see --list-templates)"), N_("ID"));
  g_application_add_main_option (application, "unit", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING,
                                 N_("With --new, the unit's name"), N_("NAME"));
  g_application_add_main_option (application, "year", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT,
                                 N_("With --new, the year of the budget or final accounts (this year when not given)"), N_("YYYY"));
  g_application_add_main_option (application, "money-unit", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING,
                                 N_("With --new, the unit of the amounts: 万元 (the default) or 元"), N_("UNIT"));
  g_application_add_main_option (application, "budget", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 N_("With --new, the same year’s budget disclosure the final accounts are tied to"), N_("BUDGET"));
  g_application_add_main_option (application, "force", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 N_("With --new, replace OUT when it exists"), NULL);
}

gboolean
gk_cli_run (GVariantDict       *options,
            const char * const *files,
            int                *status)
{
  const GkCliCommand *command = NULL;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_variant_dict_contains (options, commands[i].long_name))
        continue;

      if (command != NULL)
        {
          g_printerr (_("The options --%s and --%s cannot be combined.\n"),
                      command->long_name, commands[i].long_name);
          *status = EXIT_FAILURE;
          return TRUE;
        }

      command = &commands[i];
    }

  if (command == NULL)
    return FALSE;

  *status = command->run (command, options, files);
  return TRUE;
}

/* Loads the one FILE a headless command works on, or says why not. */
GkDocument *
_gk_cli_load_single_file (const char         *option,
                          const char * const *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GkDocument *document;

  if (files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("--%s needs exactly one disclosure file, for example: gongkai --%s OUT budget.gongkai\n"),
                  option, option);
      return NULL;
    }
  file = g_file_new_for_commandline_arg (files[0]);
  document = gk_document_load (file, NULL, &error);
  if (document == NULL)
    g_printerr (_("Cannot read %s: %s\n"), files[0], error->message);
  return document;
}

int
_gk_cli_version (const GkCliCommand *command,
                 GVariantDict       *options,
                 const char * const *files)
{
  g_print ("gongkai %s\n", PACKAGE_VERSION);

  return EXIT_SUCCESS;
}
