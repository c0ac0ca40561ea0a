/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gk-cli-private.h"
#include "gk-document-input.h"
#include "gk-document-io.h"
#include "gk-template.h"

/* "xinjiang-2020, national-2016, …": what --template accepts, for the
 * message that refuses an unknown id. */
static char *
dup_template_ids (void)
{
  g_autoptr(GPtrArray) all = gk_template_list_all ();
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    g_string_append_printf (ids, i > 0 ? ", %s" : "%s", gk_template_get_id (all->pdata[i]));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/**
 * _gk_cli_find_template:
 * @option: the command the template is for, for the message
 *
 * The template --template names, or %NULL after a message listing the
 * ids there are.
 */
GkTemplate *
_gk_cli_find_template (const char *option,
                       const char *id)
{
  GkTemplate *template = gk_template_find (id);

  if (template == NULL)
    {
      g_autofree char *ids = dup_template_ids ();

      g_printerr (_("--%s: there is no template “%s”; the templates are: %s (see gongkai --list-templates)\n"),
                  option, id, ids);
    }
  return template;
}

/* --list-templates: one line a template (id, title, number of tables),
 * tab-separated so that scripts can cut it; the user's templates that cannot be read go to stderr
 * without failing the command, as the bundled ones still serve. */
int
_gk_cli_list_templates (const GkCliCommand *command,
                        GVariantDict       *options,
                        const char * const *files)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) all = NULL;

  if (files[0] != NULL)
    {
      g_printerr (_("--list-templates takes no file, for example: gongkai --list-templates\n"));
      return GK_CLI_EXIT_UNREADABLE;
    }
  all = gk_template_list_all_with_errors (errors);
  for (guint i = 0; i < all->len; i++)
    {
      GkTemplate *template = all->pdata[i];
      /* A 决算 template says so last, so the first three columns keep
       * their places for scripts. */
      g_print ("%s\t%s\t%u%s%s%s%s\n", gk_template_get_id (template), gk_template_get_title (template),
               gk_template_get_n_tables (template),
               gk_template_is_user (template) ? "\t" : "",
               gk_template_is_user (template) ? _("user template") : "",
               gk_template_is_final (template) ? "\t" : "",
               gk_template_is_final (template) ? _("final accounts") : "");
    }
  for (guint i = 0; i < errors->len; i++)
    g_printerr (_("A user template cannot be used: %s\n"), (char *) errors->pdata[i]);
  return EXIT_SUCCESS;
}

/* --budget BUDGET with --new: the same year's budget disclosure a 决算
 * is tied to. Its year, unit and money unit are the new document's unless
 * given otherwise, and then they must agree. */
static GkDocument *
open_budget (const char  *path,
             GkTemplate  *template,
             GVariantDict *options)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) budget = NULL;
  const char *unit = NULL;
  gint32 year = 0;

  if (gk_template_lookup (template, "final-sangong") == NULL &&
      gk_template_lookup (template, "final-general") == NULL)
    {
      g_printerr (_("--budget: the template “%s” has no final-accounts tables to tie to a budget\n"),
                  gk_template_get_id (template));
      return NULL;
    }
  budget = gk_document_open (file, NULL, &error);
  if (budget == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NULL;
    }
  if (g_variant_dict_lookup (options, "year", "i", &year) && (guint) year != gk_document_get_year (budget))
    {
      g_printerr (_("--budget: %s is the budget for %u, not for %d; choose the budget of the same year\n"),
                  path, gk_document_get_year (budget), year);
      return NULL;
    }
  if (g_variant_dict_lookup (options, "unit", "&s", &unit) && g_strcmp0 (unit, gk_document_get_unit (budget)) != 0)
    {
      g_printerr (_("--budget: %s is the budget of “%s”, not of “%s”; choose the budget of the same unit\n"),
                  path, gk_document_get_unit (budget), unit);
      return NULL;
    }
  return g_steal_pointer (&budget);
}

/* --new OUT --template ID [--unit NAME] [--year YYYY] [--money-unit 万元|元]
 * [--budget BUDGET] [--force]: a blank disclosure of the template, as the
 * window's 新建 makes it, saved to OUT; with --budget, a 决算 whose 年初预算
 * are BUDGET's. */
int
_gk_cli_new (const GkCliCommand *command,
             GVariantDict       *options,
             const char * const *files)
{
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkDocument) budget = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *budget_path = NULL;
  guint n_filled = 0;
  const char *path = NULL;
  const char *id = NULL;
  const char *unit = "";
  const char *money = NULL;
  GkMoneyUnit money_unit = GK_MONEY_UNIT_WANYUAN;
  gint32 year = g_date_time_get_year (now);
  GkTemplate *template;

  g_variant_dict_lookup (options, "new", "^&ay", &path);
  g_variant_dict_lookup (options, "template", "&s", &id);
  g_variant_dict_lookup (options, "unit", "&s", &unit);
  g_variant_dict_lookup (options, "year", "i", &year);
  g_variant_dict_lookup (options, "money-unit", "&s", &money);

  if (files[0] != NULL)
    {
      g_printerr (_("--new takes the new file and its template, for example: gongkai --new budget.gongkai --template xinjiang-2020\n"));
      return GK_CLI_EXIT_UNREADABLE;
    }
  if (id == NULL)
    {
      g_autofree char *ids = dup_template_ids ();

      g_printerr (_("--new needs --template ID, one of: %s\n"), ids);
      return GK_CLI_EXIT_UNREADABLE;
    }
  if ((template = _gk_cli_find_template ("new", id)) == NULL)
    return GK_CLI_EXIT_UNREADABLE;
  if (g_variant_dict_lookup (options, "budget", "^&ay", &budget_path))
    {
      if ((budget = open_budget (budget_path, template, options)) == NULL)
        return GK_CLI_EXIT_UNREADABLE;
      year = gk_document_get_year (budget);
      unit = gk_document_get_unit (budget) != NULL ? gk_document_get_unit (budget) : "";
      money_unit = gk_document_get_money_unit (budget);
    }
  if (year < GK_FILE_YEAR_MIN || year > GK_FILE_YEAR_MAX)
    {
      g_printerr (_("--year %d is not a year a disclosure can have; give a year from %d to %d\n"),
                  year, GK_FILE_YEAR_MIN, GK_FILE_YEAR_MAX);
      return GK_CLI_EXIT_UNREADABLE;
    }
  if (money != NULL && !gk_money_unit_from_string (money, &money_unit))
    {
      g_printerr (_("--money-unit “%s” is not a unit of money; give 万元 or 元\n"), money);
      return GK_CLI_EXIT_UNREADABLE;
    }

  out = g_file_new_for_commandline_arg (path);
  if (!g_variant_dict_contains (options, "force") && g_file_query_exists (out, NULL))
    {
      g_printerr (_("%s already exists; it is left as it is (add --force to replace it)\n"), path);
      return EXIT_FAILURE;
    }
  document = gk_document_new_blank_for_template (template, unit, (guint) year, money_unit);
  if (budget != NULL)
    {
      g_autofree char *name = g_path_get_basename (budget_path);

      if (!gk_document_link_budget (document, budget, name, &n_filled, &error))
        {
          g_printerr ("--budget: %s\n", error->message);
          return GK_CLI_EXIT_UNREADABLE;
        }
    }
  if (!gk_document_save (document, out, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (budget != NULL)
    g_print (_("%s: %u budget figures filled from %s\n"), path, n_filled, budget_path);
  g_print (_("%s: a blank disclosure of the template “%s” (%s), %d, amounts in %s\n"),
           path, gk_template_get_title (template), gk_template_get_id (template), year,
           gk_money_unit_to_string (money_unit));
  return EXIT_SUCCESS;
}

/* --next-year IN OUT: next year's disclosure begun from this year's, every
 * figure of IN its last-year figure, saved as OUT; what was carried over
 * is printed. */
int
_gk_cli_next_year (const GkCliCommand *command,
                   GVariantDict       *options,
                   const char * const *files)
{
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GkDocument) this_year = NULL;
  g_autoptr(GkDocument) next = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *path = NULL;

  g_variant_dict_lookup (options, "next-year", "^&ay", &path);
  if (files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("--next-year takes this year’s file and the new one, for example: "
                    "gongkai --next-year 2025.gongkai 2026.gongkai\n"));
      return GK_CLI_EXIT_UNREADABLE;
    }
  in = g_file_new_for_commandline_arg (path);
  out = g_file_new_for_commandline_arg (files[0]);
  if (g_file_equal (in, out))
    {
      g_printerr (_("%s: the new year’s file must be another file than this year’s\n"), files[0]);
      return GK_CLI_EXIT_UNREADABLE;
    }
  if (!g_variant_dict_contains (options, "force") && g_file_query_exists (out, NULL))
    {
      g_printerr (_("%s already exists; it is left as it is (add --force to replace it)\n"), files[0]);
      return EXIT_FAILURE;
    }
  /* Two readings of the same file: this year's stays as it is, the
   * other becomes next year's. */
  if ((this_year = gk_document_load (in, NULL, &error)) == NULL ||
      (next = gk_document_load (in, NULL, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return GK_CLI_EXIT_UNREADABLE;
    }
  if (!gk_document_start_next_year (next, this_year, report, &error) ||
      !gk_document_save (next, out, NULL, &error))
    {
      g_printerr ("%s: %s\n", files[0], error->message);
      return EXIT_FAILURE;
    }
  g_print ("%s", report->str);
  g_print (_("%s: the %u disclosure of %s, begun from %s\n"), files[0], gk_document_get_year (next),
           gk_document_get_unit (next) ? gk_document_get_unit (next) : "", path);
  return EXIT_SUCCESS;
}
