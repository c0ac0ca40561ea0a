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
