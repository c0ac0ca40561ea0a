/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-document-io.h"
#include "gk-document-error.h"
#include "gk-indicator.h"
#include "gk-json-strict.h"
#include "gk-test-common.h"

/* A file's projects are parsed a few dozen at a time from its text, not
 * as one tree with the rest: these tests hold the reader to reading them
 * as the whole tree was read, across the places where one parse ends and
 * the next begins. */

#define N_PROJECTS 150

/* The sample with @n copies of its first project, p1 … pn, named 项目1 … */
static JsonNode *
sample_with_projects (guint n)
{
  g_autofree char *path = gk_test_sample_path ();
  JsonNode *root = gk_test_read_json (path);
  JsonObject *object = json_node_get_object (root);
  JsonArray *projects = json_object_get_array_member (object, "projects");
  g_autofree char *first = json_to_string (json_array_get_element (projects, 0), FALSE);
  JsonArray *many = json_array_new ();

  for (guint i = 0; i < n; i++)
    {
      /* json_node_copy() would share the object. */
      JsonNode *copy = json_from_string (first, NULL);
      JsonObject *project = json_node_get_object (copy);
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);
      g_autofree char *name = g_strdup_printf ("项目%u", i + 1);
      g_autofree char *amount = g_strdup_printf ("%u.%02u", i + 1, i % 100);
      JsonObject *amounts = json_object_new ();

      json_object_set_string_member (project, "id", id);
      json_object_set_string_member (project, "name", name);
      json_object_set_string_member (amounts, "e302", amount);
      json_object_set_object_member (project, "amounts", amounts);
      json_array_add_element (many, copy);
    }
  json_object_set_array_member (object, "projects", many);
  return root;
}

static JsonObject *
project_at (JsonNode *root,
            guint     index)
{
  JsonArray *projects = json_object_get_array_member (json_node_get_object (root), "projects");

  return json_array_get_object_element (projects, index);
}

static void
assert_refused (JsonNode   *root,
                const char *prefix,
                const char *suffix)
{
  g_autofree char *text = json_to_string (root, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_from_data (text, -1, &error);

  g_assert_null (document);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_true (g_str_has_suffix (error->message, suffix));
}

/* Every project is read, in the file's order, with its own figures; the
 * document written again is the file that was read. */
static void
test_projects_read_in_order (void)
{
  g_autoptr(JsonNode) root = sample_with_projects (N_PROJECTS);
  g_autofree char *text = json_to_string (root, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_from_data (text, -1, &error);
  g_autoptr(GkDocument) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  GListModel *projects;

  g_assert_no_error (error);
  projects = gk_document_get_projects (document);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, N_PROJECTS);
  for (guint i = 0; i < N_PROJECTS; i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);
      g_autofree char *name = g_strdup_printf ("项目%u", i + 1);

      g_assert_cmpstr (gk_project_get_id (project), ==, id);
      g_assert_cmpstr (gk_project_get_name (project), ==, name);
      g_assert_cmpint (gk_project_get_total (project), ==, (gint64) (i + 1) * 100 + i % 100);
      g_assert_cmpuint (g_list_model_get_n_items (gk_project_get_indicators (project)), >, 0);
    }

  written = gk_document_serialize (document);
  again = gk_document_load_from_data (g_bytes_get_data (written, NULL), g_bytes_get_size (written), &error);
  g_assert_no_error (error);
  rewritten = gk_document_serialize (again);
  g_assert_true (g_bytes_equal (written, rewritten));
}

/* A mistake in a project far into the file names that project, by its
 * name and by its place in the file. */
static void
test_projects_mistake_named (void)
{
  g_autoptr(JsonNode) root = sample_with_projects (N_PROJECTS);

  json_object_set_int_member (project_at (root, 130), "function", 2010399);
  assert_refused (root, "project “项目131”: ", "(in the file at $.projects[130].function)");

  /* The last project of one parse and the first of the next. */
  json_object_set_string_member (project_at (root, 130), "function", "2010399");
  json_object_set_string_member (project_at (root, 63), "other-funds", "x");
  assert_refused (root, "project “项目64”: ", "(in the file at $.projects[63].other-funds)");
  json_object_set_string_member (project_at (root, 63), "other-funds", "0.00");
  json_object_set_string_member (project_at (root, 64), "colour", "red");
  assert_refused (root, "project “项目65”: ", "(in the file at $.projects[64].colour)");
}

/* A repeated id is reported where it repeats, however far from the first. */
static void
test_projects_duplicate_id (void)
{
  g_autoptr(JsonNode) root = sample_with_projects (N_PROJECTS);

  json_object_set_string_member (project_at (root, 140), "id", "p3");
  assert_refused (root, "project “项目141”: ", "(in the file at $.projects[140].id)");
  json_object_remove_member (project_at (root, 140), "id");
  assert_refused (root, "project “项目141”: ", "(in the file at $.projects[140])");
}

/* A list that is not a list, and elements that are not projects, are
 * refused as before. */
static void
test_projects_not_a_list (void)
{
  g_autoptr(JsonNode) root = sample_with_projects (3);
  JsonObject *object = json_node_get_object (root);
  JsonArray *projects = json_object_get_array_member (object, "projects");

  json_array_add_string_element (projects, "p4");
  assert_refused (root, "project 4: ", "(in the file at $.projects[3])");
  json_object_set_string_member (object, "projects", "none");
  assert_refused (root, "$.projects: ", "");
}

/* The strict check finds where each element of the list stands, and only
 * of the root's member of that name. */
static void
test_projects_spans (void)
{
  static const char text[] =
    "{ \"a\": { \"projects\": [1, 2] },\n"
    "  \"projects\" : [ {\"id\": \"p1\", \"x\": [3, [4]]} ,\"s\",\n  7 , [] ],\n"
    "  \"b\": [5] }";
  static const char * const expected[] = { "{\"id\": \"p1\", \"x\": [3, [4]]}", "\"s\"", "7", "[]" };
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (GkJsonSpan));
  g_autoptr(GError) error = NULL;
  GkJsonSpan list = { 0, 0 };
  g_autofree char *list_text = NULL;

  g_assert_true (gk_json_check_strict_spans (text, strlen (text), 32, "projects", &list, spans, &error));
  g_assert_no_error (error);
  list_text = g_strndup (text + list.start, list.end - list.start);
  g_assert_true (g_str_has_prefix (list_text, "[ {\"id\""));
  g_assert_true (g_str_has_suffix (list_text, "[] ]"));
  g_assert_cmpuint (spans->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < spans->len; i++)
    {
      GkJsonSpan *span = &g_array_index (spans, GkJsonSpan, i);
      g_autofree char *element = g_strndup (text + span->start, span->end - span->start);

      g_assert_cmpstr (element, ==, expected[i]);
    }

  /* Not a list: nothing is found, and the text is still checked. */
  g_array_set_size (spans, 0);
  list.start = list.end = 0;
  g_assert_true (gk_json_check_strict_spans ("{\"projects\": {\"x\": [1]}}", 24, 32, "projects", &list, spans, &error));
  g_assert_cmpuint (spans->len, ==, 0);
  g_assert_cmpuint (list.end, ==, 0);
  g_assert_false (gk_json_check_strict_spans ("{\"projects\": [1, 1 2]}", 22, 32, "projects", &list, spans, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE);
}

/* Texts many projects repeat are kept once; an edit of one project's
 * changes that project alone. */
static void
test_projects_shared_texts (void)
{
  g_autoptr(JsonNode) root = sample_with_projects (3);
  g_autoptr(GkDocument) document = gk_test_load_json (root);
  GkProject *first = gk_document_lookup_project (document, "p1");
  GkProject *second = gk_document_lookup_project (document, "p2");
  GListModel *first_indicators = gk_project_get_indicators (first);
  GListModel *second_indicators = gk_project_get_indicators (second);
  g_autoptr(GkIndicator) first_indicator = g_list_model_get_item (first_indicators, 0);
  g_autoptr(GkIndicator) second_indicator = g_list_model_get_item (second_indicators, 0);
  g_autofree char *basis = g_strdup (gk_project_get_basis (second));
  g_autofree char *target = g_strdup (gk_indicator_get_target (second_indicator));
  g_autofree char *period = g_strdup (gk_project_get_period (second));

  g_assert_true (gk_project_get_basis (first) == gk_project_get_basis (second));
  g_assert_true (gk_indicator_get_level1 (first_indicator) == gk_indicator_get_level1 (second_indicator));
  g_assert_true (gk_indicator_get_target (first_indicator) == gk_indicator_get_target (second_indicator));

  gk_document_set_text (document, first, "basis", "新的政策依据");
  g_assert_cmpstr (gk_project_get_basis (first), ==, "新的政策依据");
  g_assert_cmpstr (gk_project_get_basis (second), ==, basis);
  g_object_set (first_indicator, "target", "3次", NULL);
  g_assert_cmpstr (gk_indicator_get_target (first_indicator), ==, "3次");
  g_assert_cmpstr (gk_indicator_get_target (second_indicator), ==, target);
  g_object_set (first, "period", NULL, NULL);
  g_assert_null (gk_project_get_period (first));
  g_assert_cmpstr (gk_project_get_period (second), ==, period);

  /* Undone, the first takes the shared text again; the others kept theirs. */
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_project_get_basis (first) == gk_project_get_basis (second));
  g_assert_cmpstr (gk_project_get_basis (second), ==, basis);

  /* A project that goes leaves the text to those that stay. */
  g_clear_object (&first_indicator);
  gk_document_list_remove (document, gk_document_get_projects (document), 0);
  g_assert_cmpstr (gk_project_get_basis (second), ==, basis);
  g_assert_cmpstr (gk_indicator_get_target (second_indicator), ==, target);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-projects/read-in-order", test_projects_read_in_order);
  g_test_add_func ("/file-projects/mistake-named", test_projects_mistake_named);
  g_test_add_func ("/file-projects/duplicate-id", test_projects_duplicate_id);
  g_test_add_func ("/file-projects/not-a-list", test_projects_not_a_list);
  g_test_add_func ("/file-projects/spans", test_projects_spans);
  g_test_add_func ("/file-projects/shared-texts", test_projects_shared_texts);

  return g_test_run ();
}
