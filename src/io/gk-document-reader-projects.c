/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gk-document-io.h"
#include "gk-document-private.h"
#include "gk-document-reader-private.h"
#include "gk-json-strict.h"

/* The projects of a .gongkai file, $.projects, and their indicators. */

/* [{"level1": "产出指标", …}]: a project's or a 整体绩效目标表's indicators,
 * appended to @store. */
gboolean
_gk_reader_read_indicators (Reader     *r,
                            GListStore *store,
                            JsonNode   *node)
{
  JsonArray *array;

  if (!_gk_reader_expect_array (r, node, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len = _gk_reader_push_index (r, i);
      g_autoptr(GkIndicator) indicator = gk_indicator_new (NULL, NULL, NULL, NULL);
      JsonObject *object;

      if (!_gk_reader_expect_object (r, json_array_get_element (array, i), &object) ||
          !_gk_reader_read_fields (r, object, indicator, NULL, NULL))
        return FALSE;
      g_list_store_append (store, indicator);
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

/* The id of the project @node is, checked against those read before it,
 * so that a duplicate is reported where it repeats an earlier one. */
static gboolean
check_project_id (Reader      *r,
                  JsonNode    *node,
                  GHashTable  *ids,
                  const char **id)
{
  JsonObject *object;
  gsize len;

  if (!_gk_reader_expect_object (r, node, &object))
    return FALSE;
  if (!json_object_has_member (object, "id"))
    return _gk_reader_fail (r, _("the project has no “id”"));
  len = _gk_reader_push_member (r, "id");
  if (!_gk_reader_expect_string (r, json_object_get_member (object, "id"), id))
    return FALSE;
  if ((*id)[0] == '\0')
    return _gk_reader_fail (r, _("a project id cannot be empty"));
  if (g_hash_table_contains (ids, *id))
    return _gk_reader_fail (r, _("two projects have the id “%s”; give each its own"), *id);
  _gk_reader_pop (r, len);
  return TRUE;
}

/* The project's id has been checked by check_project_id(). */
static gboolean
read_project (Reader     *r,
              JsonNode   *node,
              GPtrArray  *projects)
{
  static const char * const extra[] = { "id", "amounts", "indicators", NULL };
  const GkTableSchema *t7;
  g_autoptr(GkProject) project = NULL;
  JsonObject *object = json_node_get_object (node);
  const char *code;
  gsize len;

  /* Every file Gongkai writes names it, "" while there is none yet: a file
   * without it was not written by Gongkai and is better refused than
   * guessed at. */
  if (!json_object_has_member (object, "function"))
    return _gk_reader_fail (r, _("the project has no “function”; give the function 项 it is paid from, such as \"2010399\", or \"\" while it has none"));
  project = gk_project_new (json_object_get_string_member (object, "id"));
  t7 = gk_project_get_schema (project);
  if (!_gk_reader_read_fields (r, object, project, extra, NULL))
    return FALSE;

  code = gk_project_get_function_code (project);
  if (code != NULL && code[0] != '\0')
    {
      len = _gk_reader_push_member (r, "function");
      if (gk_classification_level (GK_CLASSIFICATION_FUNCTION, code) == GK_LEVEL_NONE)
        return _gk_reader_fail (r, _("“%s” is not a function classification code; a project sits under a 7-digit 项 such as 2010399"), code);
      for (g_autofree char *c = g_strdup (code); c != NULL; )
        {
          char *parent;
          if (gk_document_get_code_name (r->document, GK_CLASSIFICATION_FUNCTION, c) == NULL)
            return _gk_reader_fail (r, _("code %s has no name; add it under $.names"), c);
          parent = gk_classification_parent (GK_CLASSIFICATION_FUNCTION, c);
          g_free (c);
          c = parent;
        }
      _gk_reader_pop (r, len);
    }

  if (json_object_has_member (object, "amounts"))
    {
      JsonObject *amounts;
      len = _gk_reader_push_member (r, "amounts");
      if (!_gk_reader_expect_object (r, json_object_get_member (object, "amounts"), &amounts) ||
          !_gk_reader_read_cells (r, amounts, t7, NULL, gk_project_get_row (project)))
        return FALSE;
      _gk_reader_pop (r, len);
    }
  if (json_object_has_member (object, "indicators"))
    {
      len = _gk_reader_push_member (r, "indicators");
      if (!_gk_reader_read_indicators (r, G_LIST_STORE (gk_project_get_indicators (project)), json_object_get_member (object, "indicators")))
        return FALSE;
      _gk_reader_pop (r, len);
    }

  g_ptr_array_add (projects, g_steal_pointer (&project));
  return TRUE;
}

/* @array holds the projects from index @first on. @ids keeps the ids
 * read so far; they belong to the projects in @projects. */
static gboolean
read_project_list (Reader     *r,
                   JsonArray  *array,
                   guint       first,
                   GHashTable *ids,
                   GPtrArray  *projects)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len = _gk_reader_push_index (r, first + i);
      JsonNode *node = json_array_get_element (array, i);
      const char *id;

      if (!check_project_id (r, node, ids, &id) ||
          !read_project (r, node, projects))
        return FALSE;
      g_hash_table_add (ids, (gpointer) gk_project_get_id (g_ptr_array_index (projects, projects->len - 1)));
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

/* Projects are most of a large file: they are parsed from the file's text
 * a few at a time, and each few's tree is dropped once read, so that the
 * tree of the whole file and the document are never in memory together. */
#define PROJECTS_PER_PARSE 64

static gboolean
read_projects_from_text (Reader     *r,
                         GHashTable *ids,
                         GPtrArray  *projects)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) some = g_string_new (NULL);
  const GkJsonSpan *spans = (const GkJsonSpan *) (gpointer) r->project_spans->data;
  guint n = r->project_spans->len;

  for (guint first = 0; first < n; first += PROJECTS_PER_PARSE)
    {
      guint last = MIN (first + PROJECTS_PER_PARSE, n) - 1;
      gboolean read;

      g_string_truncate (some, 0);
      g_string_append_c (some, '[');
      g_string_append_len (some, r->text + spans[first].start, spans[last].end - spans[first].start);
      g_string_append_c (some, ']');
      /* The whole text passed the strict check: json-glib refuses a part
       * only where it would have refused the whole, which says where. */
      if (!json_parser_load_from_data (parser, some->str, some->len, NULL))
        return _gk_reader_set_not_json (r->text, spans[n - 1].end, r->error);
      r->projects = json_node_get_array (json_parser_get_root (parser));
      r->projects_first = first;
      read = read_project_list (r, r->projects, first, ids, projects);
      r->projects = NULL;
      if (!read)
        return FALSE;
    }
  return TRUE;
}

gboolean
_gk_reader_read_projects (Reader   *r,
                          JsonNode *node)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) projects = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!_gk_reader_expect_array (r, node, &array))
    return FALSE;
  if (r->project_spans != NULL && r->project_spans->len > 0
      ? !read_projects_from_text (r, ids, projects)
      : !read_project_list (r, array, 0, ids, projects))
    return FALSE;
  g_list_store_splice (G_LIST_STORE (gk_document_get_projects (r->document)), 0, 0,
                       projects->pdata, projects->len);
  return TRUE;
}
