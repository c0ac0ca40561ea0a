/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-template-private.h"

/* The kinds of table a template may name, and the roles Gongkai knows
 * with the kind each must have: the checks, the text and the charts read
 * those tables as such. */

static const struct { const char *name; GkTableKind kind; } kinds[] = {
  { "function", GK_TABLE_KIND_FUNCTION },
  { "economic", GK_TABLE_KIND_ECONOMIC },
  { "projects", GK_TABLE_KIND_PROJECTS },
  { "single", GK_TABLE_KIND_SINGLE },
  { "income-expenditure", GK_TABLE_KIND_INCOME_EXPENDITURE },
  { "fiscal", GK_TABLE_KIND_FISCAL },
  { "project-performance", GK_TABLE_KIND_PROJECT_PERFORMANCE },
  { "list", GK_TABLE_KIND_LIST },
  { "overall-performance", GK_TABLE_KIND_OVERALL_PERFORMANCE },
};

static const struct { const char *role; GkTableKind kind; } role_kinds[] = {
  { "income-summary", GK_TABLE_KIND_INCOME_EXPENDITURE },
  { "fiscal-summary", GK_TABLE_KIND_FISCAL },
  { "income", GK_TABLE_KIND_FUNCTION },
  { "expenditure", GK_TABLE_KIND_FUNCTION },
  { "general-expenditure", GK_TABLE_KIND_FUNCTION },
  { "fund-expenditure", GK_TABLE_KIND_FUNCTION },
  { "capital-expenditure", GK_TABLE_KIND_FUNCTION },
  { "basic-expenditure", GK_TABLE_KIND_ECONOMIC },
  { "economic-expenditure", GK_TABLE_KIND_ECONOMIC },
  { "project-expenditure", GK_TABLE_KIND_PROJECTS },
  { "sangong", GK_TABLE_KIND_SINGLE },
  { "procurement", GK_TABLE_KIND_LIST },
  { "purchased-services", GK_TABLE_KIND_LIST },
  { "new-assets", GK_TABLE_KIND_LIST },
  { "non-tax", GK_TABLE_KIND_LIST },
  { "project-performance", GK_TABLE_KIND_PROJECT_PERFORMANCE },
  { "overall-performance", GK_TABLE_KIND_OVERALL_PERFORMANCE },
  /* 部门决算公开 */
  { "final-summary", GK_TABLE_KIND_INCOME_EXPENDITURE },
  { "final-income", GK_TABLE_KIND_FUNCTION },
  { "final-expenditure", GK_TABLE_KIND_FUNCTION },
  { "final-fiscal-summary", GK_TABLE_KIND_FISCAL },
  { "final-general", GK_TABLE_KIND_FUNCTION },
  { "final-basic", GK_TABLE_KIND_ECONOMIC },
  { "final-sangong", GK_TABLE_KIND_SINGLE },
  { "final-fund", GK_TABLE_KIND_FUNCTION },
  { "final-capital", GK_TABLE_KIND_FUNCTION },
};

gboolean
_gk_template_parse_kind (const char  *text,
                         GkTableKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (text, kinds[i].name) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
_gk_template_kind_name (GkTableKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].name;
  return "?";
}

/* The kind a table of @role must have, when Gongkai knows the role. */
gboolean
_gk_template_role_kind (const char  *role,
                        GkTableKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_kinds); i++)
    if (g_strcmp0 (role, role_kinds[i].role) == 0)
      {
        *kind = role_kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

/* "group": one merged header above a column's title, or a list of them,
 * outermost first (the 三公 决算表's 财政拨款“三公”经费 › 公务用车购置及运行维护费
 * › 购置费). Columns side by side with the same list share their headers.
 * Returns NULL, or what is wrong. */
const char *
_gk_template_parse_groups (JsonObject   *obj,
                           char       ***out)
{
  JsonNode *node;
  JsonArray *array;
  guint n;

  *out = NULL;
  if (!json_object_has_member (obj, "group"))
    return NULL;
  node = json_object_get_member (obj, "group");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (*json_node_get_string (node) == '\0')
        return _("“group” must not be empty");
      *out = g_new0 (char *, 2);
      (*out)[0] = g_strdup (json_node_get_string (node));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _("“group” must be a text or a list of texts");
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0 || n > 4)
    return _("“group” must list between 1 and 4 headers");
  *out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return _("“group” must be a text or a list of texts");
      if (*json_node_get_string (element) == '\0')
        return _("“group” must not be empty");
      (*out)[i] = g_strdup (json_node_get_string (element));
    }
  return NULL;
}
