/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A user template for the tests: the seed's nine tables and a tenth,
 * 国有资本经营预算支出表 (role capital-expenditure), written into
 * DATA_HOME/gongkai/templates as a user's own template would be. */

#include <glib.h>
#include <json-glib/json-glib.h>

#define GK_TEST_CAPITAL_TEMPLATE "capital-test"

static inline void
gk_test_write_capital_template (const char *data_home)
{
  g_autofree char *source = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "resources", "templates",
                                              "xinjiang-2020.json", NULL);
  g_autofree char *folder = g_build_filename (data_home, "gongkai", "templates", NULL);
  g_autofree char *target = g_build_filename (folder, GK_TEST_CAPITAL_TEMPLATE ".json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) table = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (table,
                              "{ \"role\": \"capital-expenditure\", \"title\": \"国有资本经营预算支出表\","
                              "  \"kind\": \"function\", \"orientation\": \"portrait\", \"optional\": true,"
                              "  \"heading\": \"国有资本经营预算支出\","
                              "  \"columns\": ["
                              "    { \"id\": \"total\", \"title\": \"合计\", \"sum\": [\"basic\", \"project\"] },"
                              "    { \"id\": \"basic\", \"title\": \"基本支出\" },"
                              "    { \"id\": \"project\", \"title\": \"项目支出\" } ] }",
                              -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "id", GK_TEST_CAPITAL_TEMPLATE);
  json_object_set_string_member (root, "title", "测试 十张表（含国有资本经营）");
  json_array_add_object_element (json_object_get_array_member (root, "tables"),
                                 json_object_ref (json_node_get_object (json_parser_get_root (table))));
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  json_generator_to_file (generator, target, &error);
  g_assert_no_error (error);
}

/* A test template of our own, so that the tests do not depend on the
 * bundled templates other than the default: the seed's tables without
 * 表六 (basic-expenditure), with 表八 (sangong) optional and retitled. */

#include <json-glib/json-glib.h>

#include "gk-document.h"

#define GK_TEST_SANGONG_TITLE "“三公”经费支出预算表"

static inline char *
gk_test_template_json (const char *id,
                       const char *title)
{
  g_autofree char *seed = gk_template_to_json (gk_template_get_default (), id, title);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  JsonArray *tables;

  g_assert_true (json_parser_load_from_data (parser, seed, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "region", "测试");
  tables = json_object_get_array_member (root, "tables");
  for (guint i = json_array_get_length (tables); i > 0; i--)
    {
      JsonObject *table = json_array_get_object_element (tables, i - 1);
      const char *role = json_object_get_string_member (table, "role");

      if (g_str_equal (role, "basic-expenditure"))
        json_array_remove_element (tables, i - 1);
      else if (g_str_equal (role, "sangong"))
        {
          json_object_set_boolean_member (table, "optional", TRUE);
          json_object_set_string_member (table, "title", GK_TEST_SANGONG_TITLE);
        }
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

/* Points the user's data at a new temporary folder: call before anything
 * asks for g_get_user_data_dir(). */
static inline void
gk_test_use_temporary_data_home (void)
{
  g_autofree char *home = g_dir_make_tmp ("gongkai-data-XXXXXX", NULL);

  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
}

/* Installs the test template as the user's and returns it. */
static inline GkTemplate *
gk_test_install_template (const char *id,
                          const char *title)
{
  g_autofree char *folder = gk_template_get_user_folder ();
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *json = gk_test_template_json (id, title);
  GkTemplate *template;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  template = gk_template_find (id);
  g_assert_nonnull (template);
  g_assert_cmpstr (gk_template_get_title (template), ==, title);
  return template;
}
