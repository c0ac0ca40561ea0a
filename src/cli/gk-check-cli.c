/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-check-cli.h"
#include "gk-cli-private.h"
#include "gk-checker.h"
#include "gk-document-input.h"

/* One finding a line, "SEVERITY RULE-ID LOCATION: message", so that the
 * output greps and diffs well; the JSON form carries every place. */
static void
write_text (GkChecker  *checker,
            GString    *out)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (checker));
  guint n_errors = gk_checker_get_n_errors (checker);
  guint n_warnings = gk_checker_get_n_warnings (checker);
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *location = NULL;

      location = gk_finding_get_n_places (finding) > 0
                   ? gk_place_to_string (gk_finding_get_place (finding, 0))
                   : g_strdup ("document");
      g_string_append_printf (out, "%s %s %s: %s\n",
                              gk_check_severity_to_string (gk_finding_get_severity (finding)),
                              gk_finding_get_rule_id (finding), location,
                              gk_finding_get_message (finding));
    }

  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  /* TRANSLATORS: the count line of `gongkai --check`: "2 errors, 1 warning" */
  g_string_append_printf (out, _("%s, %s\n"), errors, warnings);
}

static void
add_place (JsonBuilder   *builder,
           const GkPlace *place)
{
  g_autofree char *location = gk_place_to_string (place);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "part");
  json_builder_add_string_value (builder, place->part);
  json_builder_set_member_name (builder, "row");
  if (place->row != NULL)
    json_builder_add_string_value (builder, place->row);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "column");
  if (place->column != NULL)
    json_builder_add_string_value (builder, place->column);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, location);
  json_builder_end_object (builder);
}

static void
write_json (GFile      *file,
            GkChecker  *checker,
            const char *error,
            GString    *out)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, path);
  if (error != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error);
    }
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (checker));

      json_builder_set_member_name (builder, "errors");
      json_builder_add_int_value (builder, gk_checker_get_n_errors (checker));
      json_builder_set_member_name (builder, "warnings");
      json_builder_add_int_value (builder, gk_checker_get_n_warnings (checker));
      json_builder_set_member_name (builder, "findings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rule");
          json_builder_add_string_value (builder, gk_finding_get_rule_id (finding));
          json_builder_set_member_name (builder, "severity");
          json_builder_add_string_value (builder, gk_check_severity_to_string (gk_finding_get_severity (finding)));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, gk_finding_get_title (finding));
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, gk_finding_get_message (finding));
          json_builder_set_member_name (builder, "places");
          json_builder_begin_array (builder);
          for (guint p = 0; p < gk_finding_get_n_places (finding); p++)
            add_place (builder, gk_finding_get_place (finding, p));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

int
gk_check_run_cli (GFile    *file,
                  gboolean  json,
                  GString  *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkChecker) checker = NULL;

  g_return_val_if_fail (G_IS_FILE (file), 2);
  g_return_val_if_fail (out != NULL, 2);

  document = gk_document_open (file, NULL, &error);
  if (document == NULL)
    {
      if (json)
        write_json (file, NULL, error->message, out);
      else
        {
          g_autofree char *path = g_file_get_parse_name (file);
          g_string_append_printf (out, _("Cannot check %s: %s\n"), path, error->message);
        }
      return 2;
    }

  checker = gk_checker_new (document);
  if (json)
    write_json (file, checker, NULL, out);
  else
    write_text (checker, out);
  return gk_checker_get_n_errors (checker) > 0 ? 1 : 0;
}

/* --check FILE [--json]: the findings, and an exit status that scripts
 * can test (0 no error, 1 errors, 2 unreadable). Several files, or a
 * report, make it the review of a folder (gk-cli-check-dir.c). */
int
_gk_cli_check (const GkCliCommand *command,
               GVariantDict       *options,
               const char * const *files)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  gboolean json = g_variant_dict_contains (options, "json");
  const char *path = NULL;
  int status;

  g_variant_dict_lookup (options, "check", "^&ay", &path);
  if (files[0] != NULL || g_variant_dict_contains (options, "report"))
    return _gk_cli_check_many (options, path, files);
  file = g_file_new_for_commandline_arg (path);
  status = gk_check_run_cli (file, json, out);
  /* A script reading --json reads stdout whatever the outcome; the text
   * form of an unreadable file is an error message. */
  if (status == GK_CLI_EXIT_UNREADABLE && !json)
    g_printerr ("%s", out->str);
  else
    g_print ("%s", out->str);
  return status;
}
