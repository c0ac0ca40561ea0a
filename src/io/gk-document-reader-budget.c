/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-io.h"
#include "gk-document-private.h"
#include "gk-document-reader-private.h"

/* A 决算's tie to its budget ("budget": the budget file's name, unit, year
 * and figures by key) and its facts ("explanation"/"final"), read as
 * strictly as the rest of the file. */

static gboolean
read_figures (Reader   *r,
              JsonNode *node)
{
  static const char * const exclude[] = { "key", NULL };
  GkBudget *budget = gk_document_get_budget (r->document);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!_gk_reader_expect_object (r, node, &object))
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      gsize len = _gk_reader_push_member (r, key);
      g_autoptr(GkBudgetFigure) figure = NULL;
      JsonObject *fields;

      if (!gk_budget_key_is_valid (key))
        return _gk_reader_fail (r, _("“%s” is not a budget figure Gongkai compares with "
                                     "(for example general.total, general.2010301, sangong.abroad, fund.2120801, running-costs)"),
                                key);
      if (!_gk_reader_expect_object (r, json_object_get_member (object, key), &fields))
        return FALSE;
      if (!json_object_has_member (fields, "amount"))
        return _gk_reader_fail (r, _("a budget figure needs its “amount”, such as \"355.08\""));
      figure = gk_budget_figure_new (key);
      if (!_gk_reader_read_fields (r, fields, figure, NULL, exclude))
        return FALSE;
      gk_budget_add_figure (budget, figure);
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

gboolean
_gk_reader_read_budget (Reader   *r,
                        JsonNode *node)
{
  static const char * const extra[] = { "figures", NULL };
  GkBudget *budget = gk_document_get_budget (r->document);
  JsonObject *object;
  gsize len;

  if (!_gk_reader_expect_object (r, node, &object) ||
      !_gk_reader_read_fields (r, object, budget, extra, NULL))
    return FALSE;
  if (gk_budget_get_year (budget) != 0 &&
      (gk_budget_get_year (budget) < GK_FILE_YEAR_MIN || gk_budget_get_year (budget) > GK_FILE_YEAR_MAX))
    {
      len = _gk_reader_push_member (r, "year");
      return _gk_reader_fail (r, _("%u is not a budget year; it must be from %d to %d"),
                              gk_budget_get_year (budget), GK_FILE_YEAR_MIN, GK_FILE_YEAR_MAX);
    }
  if (!json_object_has_member (object, "figures"))
    return TRUE;
  len = _gk_reader_push_member (r, "figures");
  if (!read_figures (r, json_object_get_member (object, "figures")))
    return FALSE;
  _gk_reader_pop (r, len);
  return TRUE;
}

gboolean
_gk_reader_read_final_facts (Reader   *r,
                             JsonNode *node)
{
  JsonObject *object;

  return _gk_reader_expect_object (r, node, &object) &&
         _gk_reader_read_fields (r, object, gk_document_get_final_facts (r->document), NULL, NULL);
}
