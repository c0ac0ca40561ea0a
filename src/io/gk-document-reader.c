/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "gk-atomic-writer.h"
#include "gk-document-io.h"
#include "gk-document-private.h"
#include "gk-document-reader-private.h"
#include "gk-explanation-private.h"
#include "gk-fields.h"
#include "gk-document-input.h"
#include "gk-json-strict.h"

/* Reads a .gongkai file into a new document. Everything is validated; the
 * first problem stops the reading with a message that gives the JSON path
 * ($.tables.t2.rows[3].general) and says what would fix it. Derived figures
 * are never read: they are recomputed once everything is in. */

#define MAX_FILE_SIZE (256 * 1024 * 1024)
#define MAX_DEPTH 32



/* Document parts ----------------------------------------------------------- */

static gboolean
read_text_list (Reader     *r,
                JsonObject *object,
                const char *member,
                GListModel *list)
{
  JsonArray *array;
  gsize len;

  if (!json_object_has_member (object, member))
    return TRUE;
  len = _gk_reader_push_member (r, member);
  if (!_gk_reader_expect_array (r, json_object_get_member (object, member), &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize ilen = _gk_reader_push_index (r, i);
      const char *text;
      g_autoptr(GkTextItem) item = NULL;

      if (!_gk_reader_expect_string (r, json_array_get_element (array, i), &text))
        return FALSE;
      item = gk_text_item_new (text);
      g_list_store_append (G_LIST_STORE (list), item);
      _gk_reader_pop (r, ilen);
    }
  _gk_reader_pop (r, len);
  return TRUE;
}

static gboolean
read_overview (Reader   *r,
               JsonNode *node)
{
  static const char * const lists[] = { "duties", "subordinate-units", "offices", NULL };
  GkOverview *overview = gk_document_get_overview (r->document);
  JsonObject *object;

  return _gk_reader_expect_object (r, node, &object) &&
         _gk_reader_read_fields (r, object, overview, lists, NULL) &&
         read_text_list (r, object, "duties", gk_overview_get_duties (overview)) &&
         read_text_list (r, object, "subordinate-units", gk_overview_get_subordinate_units (overview)) &&
         read_text_list (r, object, "offices", gk_overview_get_offices (overview));
}

static gboolean
read_names (Reader   *r,
            JsonNode *node)
{
  static const char * const allowed[] = { "function", "economic", NULL };
  static const GkClassification kinds[] = { GK_CLASSIFICATION_FUNCTION, GK_CLASSIFICATION_ECONOMIC };
  JsonObject *object;

  if (!_gk_reader_expect_object (r, node, &object) || !_gk_reader_check_members (r, object, allowed))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GList) members = NULL;
      JsonObject *codes;
      gsize len;

      if (!json_object_has_member (object, allowed[k]))
        continue;
      len = _gk_reader_push_member (r, allowed[k]);
      if (!_gk_reader_expect_object (r, json_object_get_member (object, allowed[k]), &codes))
        return FALSE;
      members = json_object_get_members (codes);
      for (GList *l = members; l != NULL; l = l->next)
        {
          gsize clen = _gk_reader_push_member (r, l->data);
          const char *name;

          if (gk_classification_level (kinds[k], l->data) == GK_LEVEL_NONE)
            return _gk_reader_fail (r, kinds[k] == GK_CLASSIFICATION_FUNCTION
                              ? _("“%s” is not a function classification code (3, 5 or 7 digits)")
                              : _("“%s” is not an economic classification code (3 or 5 digits)"),
                         (const char *) l->data);
          if (!_gk_reader_expect_string (r, json_object_get_member (codes, l->data), &name))
            return FALSE;
          if (name[0] == '\0')
            return _gk_reader_fail (r, _("the name of code %s is empty"), (const char *) l->data);
          gk_document_set_code_name_internal (r->document, kinds[k], l->data, name);
          _gk_reader_pop (r, clen);
        }
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

/* The quantities whose last-year figure 情况说明 can quote. */
static gboolean
is_prior_key (GkDocument *document,
              const char *key)
{
  static const char * const fixed[] = {
    "expenditure.basic", "expenditure.project", "general.total", "income.total", "expenditure.total",
    "sangong.total", "sangong.abroad", "sangong.vehicle-purchase",
    "sangong.vehicle-operation", "sangong.reception", "running-costs",
    /* A 决算's: last year's 决算 totals and 年末结转和结余 by source. */
    "final.total", "final.fiscal", "sangong.vehicle", "closing.total", "closing.general",
    /* … and the expenditure side's 总计, where the text gives it a change of its own. */
    "final.expenditure-total", "final.fiscal-expenditure",
    "closing.fund", "closing.capital",
    "sangong-all.total", "procurement.total", "procurement.goods", "procurement.works", "procurement.services",
    NULL
  };

  if (g_strv_contains (fixed, key))
    return TRUE;
  if (g_str_has_prefix (key, "income."))
    {
      GkTable *income = gk_document_get_table (document, "income");
      const GkTableSchema *t2 = income != NULL ? gk_table_get_schema (income) : NULL;
      int column = t2 != NULL ? gk_table_schema_column_index (t2, key + strlen ("income.")) : -1;

      /* Without 表二 there is nothing to tell a source from a typo by:
       * the figure is kept as written. */
      if (t2 == NULL)
        return TRUE;
      return column >= 0 && gk_table_schema_get_column (t2, column)->rule == GK_COLUMN_ENTERED;
    }
  if (g_str_has_prefix (key, "function."))
    return gk_classification_level (GK_CLASSIFICATION_FUNCTION, key + strlen ("function.")) != GK_LEVEL_NONE;
  /* A function 类 or 项 of 支出总表, all funds. */
  if (g_str_has_prefix (key, "expenditure."))
    return gk_classification_level (GK_CLASSIFICATION_FUNCTION, key + strlen ("expenditure.")) != GK_LEVEL_NONE;
  /* A 决算's row last year ended with money on, not in this year's table. */
  if (g_str_has_prefix (key, "closing.fund."))
    return gk_classification_level (GK_CLASSIFICATION_FUNCTION, key + strlen ("closing.fund.")) != GK_LEVEL_NONE;
  if (g_str_has_prefix (key, "closing.capital."))
    return gk_classification_level (GK_CLASSIFICATION_FUNCTION, key + strlen ("closing.capital.")) != GK_LEVEL_NONE;
  /* An economic 类 or 款 of 基本支出. */
  if (g_str_has_prefix (key, "basic."))
    return gk_classification_level (GK_CLASSIFICATION_ECONOMIC, key + strlen ("basic.")) != GK_LEVEL_NONE;
  return FALSE;
}

static gboolean
read_priors (Reader   *r,
             JsonNode *node)
{
  static const char * const exclude[] = { "key", NULL };
  GkExplanation *explanation = gk_document_get_explanation (r->document);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!_gk_reader_expect_object (r, node, &object))
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      gsize len = _gk_reader_push_member (r, key);
      g_autoptr(GkPrior) prior = gk_prior_new (key);
      JsonObject *fields;
      const char *basis;

      if (!is_prior_key (r->document, key))
        return _gk_reader_fail (r, _("“%s” is not a figure whose last-year value Gongkai compares "
                          "(for example income.general, expenditure.basic, function.2010301, basic.301, sangong.reception, procurement.total)"),
                     key);
      if (!_gk_reader_expect_object (r, json_object_get_member (object, key), &fields) ||
          !_gk_reader_read_fields (r, fields, prior, NULL, exclude))
        return FALSE;
      basis = gk_prior_get_basis (prior);
      if (g_strcmp0 (basis, GK_PRIOR_BASIS_BUDGET) != 0 && g_strcmp0 (basis, GK_PRIOR_BASIS_ACTUAL) != 0)
        {
          _gk_reader_push_member (r, "basis");
          return _gk_reader_fail (r, _("“%s” is not a basis; use \"budget\" (上年预算数) or \"actual\" (上年执行数)"), basis);
        }
      gk_explanation_add_prior (explanation, prior);
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

/* Paragraphs of 情况说明 the officer rewrote: paragraph id → text. */
static gboolean
read_hand_written (Reader   *r,
                   JsonNode *node)
{
  GkExplanation *explanation = gk_document_get_explanation (r->document);
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!_gk_reader_expect_object (r, node, &object))
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      gsize len = _gk_reader_push_member (r, l->data);
      const char *text;

      if (!_gk_reader_expect_string (r, json_object_get_member (object, l->data), &text))
        return FALSE;
      gk_explanation_set_hand_written (explanation, l->data, text);
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

/* Composed paragraphs of 情况说明 the officer switched off, by id. */
static gboolean
read_paragraphs_off (Reader   *r,
                     JsonNode *node)
{
  GkExplanation *explanation = gk_document_get_explanation (r->document);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _gk_reader_fail (r, _("this must be a list of paragraph ids"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          json_node_get_string (element)[0] == '\0')
        return _gk_reader_fail (r, _("this must be a list of paragraph ids"));
      gk_explanation_set_paragraph_off (explanation, json_node_get_string (element), TRUE);
    }
  return TRUE;
}

static gboolean
read_explanation (Reader   *r,
                  JsonNode *node)
{
  static const char * const extra[] = { "prior-year", "hand-written", "paragraphs-off", "final", NULL };
  GkExplanation *explanation = gk_document_get_explanation (r->document);
  JsonObject *object;
  gsize len;

  if (!_gk_reader_expect_object (r, node, &object) || !_gk_reader_read_fields (r, object, explanation, extra, NULL))
    return FALSE;
  if (json_object_has_member (object, "hand-written"))
    {
      len = _gk_reader_push_member (r, "hand-written");
      if (!read_hand_written (r, json_object_get_member (object, "hand-written")))
        return FALSE;
      _gk_reader_pop (r, len);
    }
  if (json_object_has_member (object, "final"))
    {
      len = _gk_reader_push_member (r, "final");
      if (!_gk_reader_read_final_facts (r, json_object_get_member (object, "final")))
        return FALSE;
      _gk_reader_pop (r, len);
    }
  if (json_object_has_member (object, "paragraphs-off"))
    {
      len = _gk_reader_push_member (r, "paragraphs-off");
      if (!read_paragraphs_off (r, json_object_get_member (object, "paragraphs-off")))
        return FALSE;
      _gk_reader_pop (r, len);
    }
  if (!json_object_has_member (object, "prior-year"))
    return TRUE;
  len = _gk_reader_push_member (r, "prior-year");
  if (!read_priors (r, json_object_get_member (object, "prior-year")))
    return FALSE;
  _gk_reader_pop (r, len);
  return TRUE;
}

static gboolean
read_glossary (Reader   *r,
               JsonNode *node)
{
  JsonArray *array;

  if (!_gk_reader_expect_array (r, node, &array))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len = _gk_reader_push_index (r, i);
      g_autoptr(GkGlossaryEntry) entry = gk_glossary_entry_new (NULL, NULL);
      JsonObject *object;

      if (!_gk_reader_expect_object (r, json_array_get_element (array, i), &object) ||
          !_gk_reader_read_fields (r, object, entry, NULL, NULL))
        return FALSE;
      g_list_store_append (G_LIST_STORE (gk_document_get_glossary (r->document)), entry);
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

static gboolean
read_header (Reader     *r,
             JsonObject *root)
{
  GkDocument *document = r->document;
  const char *text;
  gint64 number;
  gsize len;

  if (json_object_has_member (root, "unit"))
    {
      len = _gk_reader_push_member (r, "unit");
      if (!_gk_reader_expect_string (r, json_object_get_member (root, "unit"), &text))
        return FALSE;
      g_object_set (document, "unit", text, NULL);
      _gk_reader_pop (r, len);
    }
  if (json_object_has_member (root, "year"))
    {
      len = _gk_reader_push_member (r, "year");
      if (!_gk_reader_expect_int (r, json_object_get_member (root, "year"), GK_FILE_YEAR_MIN, GK_FILE_YEAR_MAX, &number))
        return FALSE;
      g_object_set (document, "year", (guint) number, NULL);
      _gk_reader_pop (r, len);
    }
  if (json_object_has_member (root, "money-unit"))
    {
      GkMoneyUnit unit;
      len = _gk_reader_push_member (r, "money-unit");
      if (!_gk_reader_expect_string (r, json_object_get_member (root, "money-unit"), &text))
        return FALSE;
      if (!gk_money_unit_from_string (text, &unit))
        return _gk_reader_fail (r, _("“%s” is not a money unit; use \"万元\" or \"元\""), text);
      g_object_set (document, "money-unit", (guint) unit, NULL);
      _gk_reader_pop (r, len);
    }
  if (json_object_has_member (root, "date"))
    {
      len = _gk_reader_push_member (r, "date");
      if (!_gk_reader_expect_string (r, json_object_get_member (root, "date"), &text))
        return FALSE;
      if (text[0] != '\0' && !gk_date_text_is_valid (text))
        return _gk_reader_fail (r, _("“%s” is not a date; write it as YYYY-MM-DD, such as 2020-02-03"), text);
      g_object_set (document, "date", text, NULL);
      _gk_reader_pop (r, len);
    }
  if (json_object_has_member (root, "region"))
    {
      len = _gk_reader_push_member (r, "region");
      if (!_gk_reader_expect_string (r, json_object_get_member (root, "region"), &text))
        return FALSE;
      if (g_utf8_strlen (text, -1) > GK_REGION_MAX_CHARS)
        return _gk_reader_fail (r, _("the region line is longer than %d characters; it is one line of the cover"),
                                GK_REGION_MAX_CHARS);
      g_object_set (document, "region", text, NULL);
      _gk_reader_pop (r, len);
    }
  if (json_object_has_member (root, "unit-type"))
    {
      GkUnitType unit_type;
      len = _gk_reader_push_member (r, "unit-type");
      if (!_gk_reader_expect_string (r, json_object_get_member (root, "unit-type"), &text))
        return FALSE;
      if (!gk_unit_type_from_string (text, &unit_type))
        return _gk_reader_fail (r, _("“%s” is not a type of unit; use \"行政单位\", \"参照公务员法管理事业单位\" or \"事业单位\""), text);
      gk_document_set_unit_type_internal (document, unit_type);
      _gk_reader_pop (r, len);
    }
  return TRUE;
}

/* "template": { "id", "version", "tables": [ { "role", "title" } … ],
 * "definition": { … } }. "tables" is there when the document keeps some
 * of its template's tables, or orders or titles them its own way;
 * "definition" when the template is the user's own, so that the file
 * opens where that template is not installed. */
static gboolean
read_template (Reader      *r,
               JsonNode    *node,
               GkTemplate **out)
{
  static const char * const members[] = { "id", "version", "tables", "definition", NULL };
  JsonObject *object;
  const char *id;
  gint64 version;
  GkTemplate *template;
  gsize len;

  if (!_gk_reader_expect_object (r, node, &object) ||
      !_gk_reader_check_members (r, object, members))
    return FALSE;
  if (!json_object_has_member (object, "id"))
    return _gk_reader_fail (r, _("the template has no “id”"));
  len = _gk_reader_push_member (r, "id");
  if (!_gk_reader_expect_string (r, json_object_get_member (object, "id"), &id))
    return FALSE;
  _gk_reader_pop (r, len);
  if (json_object_has_member (object, "version"))
    {
      len = _gk_reader_push_member (r, "version");
      if (!_gk_reader_expect_int (r, json_object_get_member (object, "version"), 1, G_MAXINT, &version))
        return FALSE;
      _gk_reader_pop (r, len);
    }

  /* A file that carries its template's definition opens with exactly
   * those tables, whatever template of that id is installed here (equal
   * definitions are one template). */
  template = json_object_has_member (object, "definition") ? NULL : gk_template_find (id);
  if (json_object_has_member (object, "definition"))
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GError) local_error = NULL;
      g_autofree char *text = NULL;

      len = _gk_reader_push_member (r, "definition");
      json_generator_set_root (generator, json_object_get_member (object, "definition"));
      text = json_generator_to_data (generator, NULL);
      template = gk_template_new_from_data (text, &local_error);
      if (template == NULL)
        return _gk_reader_fail (r, "%s", local_error->message);
      if (g_strcmp0 (gk_template_get_id (template), id) != 0)
        return _gk_reader_fail (r, _("the template’s definition has the id “%s”, not “%s”"),
                                gk_template_get_id (template), id);
      _gk_reader_pop (r, len);
    }
  if (template == NULL)
    {
      g_autofree char *folder = gk_template_get_user_folder ();
      return _gk_reader_fail (r, _("the file uses the template “%s”, which is not installed; put the template’s file in %s"),
                              id, folder);
    }

  if (json_object_has_member (object, "tables"))
    {
      JsonArray *tables;
      g_autoptr(GPtrArray) roles = g_ptr_array_new ();
      g_autoptr(GPtrArray) titles = g_ptr_array_new ();
      g_autoptr(GError) local_error = NULL;
      GkTemplate *customised;

      len = _gk_reader_push_member (r, "tables");
      if (!_gk_reader_expect_array (r, json_object_get_member (object, "tables"), &tables))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (tables); i++)
        {
          static const char * const table_members[] = { "role", "title", NULL };
          JsonObject *table;
          const char *role = NULL, *title = NULL;
          gsize item = _gk_reader_push_index (r, i);

          if (!_gk_reader_expect_object (r, json_array_get_element (tables, i), &table) ||
              !_gk_reader_check_members (r, table, table_members))
            return FALSE;
          if (!json_object_has_member (table, "role"))
            return _gk_reader_fail (r, _("the table has no “role”"));
          if (!_gk_reader_expect_string (r, json_object_get_member (table, "role"), &role))
            return FALSE;
          if (json_object_has_member (table, "title") &&
              !_gk_reader_expect_string (r, json_object_get_member (table, "title"), &title))
            return FALSE;
          g_ptr_array_add (roles, (gpointer) role);
          g_ptr_array_add (titles, (gpointer) title);
          _gk_reader_pop (r, item);
        }
      g_ptr_array_add (roles, NULL);
      g_ptr_array_add (titles, NULL);
      customised = gk_template_customise (template, (const char * const *) roles->pdata,
                                          (const char * const *) titles->pdata, &local_error);
      if (customised == NULL)
        return _gk_reader_fail (r, "%s", local_error->message);
      template = customised;
      _gk_reader_pop (r, len);
    }
  *out = template;
  return TRUE;
}

static void
set_too_large (GError **error)
{
  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
               _("The file is too large to be a disclosure (over 256 MB)"));
}

/* json-glib's reason, for a text the strict check let through. */
gboolean
_gk_reader_set_not_json (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;

  json_parser_load_from_data (parser, data, length, &local_error);
  reason = local_error != NULL ? _gk_reader_ellipsize (local_error->message, MAX_MESSAGE_CHARS) : g_strdup ("…");
  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
               _("The file is not valid JSON: %s"), reason);
  return FALSE;
}

static GkDocument *load (const char  *data,
                         gssize       length,
                         char        *owned_data,
                         GError     **error);

GkDocument *
gk_document_load_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  return load (data, length, NULL, error);
}

/* `owned_data` (the same text, or NULL) is freed as soon as it is parsed:
 * a large file then does not stay in memory beside its tree. */
static GkDocument *
load (const char  *data,
      gssize       length,
      char        *owned_text,
      GError     **error)
{
  g_autofree char *owned_data = owned_text;
  static const char * const root_members[] = {
    "format", "version", "template", "unit", "year", "money-unit", "date", "region", "unit-type", "names", "overview",
    "tables", "projects", "explanation", "glossary", "budget", NULL
  };
  static const struct {
    const char *member;
    gboolean (*read) (Reader *r, JsonNode *node);
  } parts[] = {
    { "names", read_names },
    { "overview", read_overview },
    { "tables", _gk_reader_read_tables },
    { "projects", _gk_reader_read_projects },
    { "explanation", read_explanation },
    { "glossary", read_glossary },
    { "budget", _gk_reader_read_budget },
  };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (PathSegment));
  g_autoptr(GArray) project_spans = g_array_new (FALSE, FALSE, sizeof (GkJsonSpan));
  GkJsonSpan projects = { 0, 0 };
  Reader r = { path, error, NULL, 0, NULL, NULL, NULL, NULL, 0 };
  GkTemplate *template = gk_template_get_default ();
  JsonObject *root;
  JsonNode *node;
  const char *format = NULL;
  gint64 version;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if ((gsize) length > MAX_FILE_SIZE)
    {
      set_too_large (error);
      return NULL;
    }
  /* A file cut short in the middle of a character is incomplete, not
   * something other than text: leave the partial character out and let
   * the JSON reader say where the file ends. */
  {
    const char *end;

    if (!g_utf8_validate (data, length, &end) && (guchar) *end >= 0xC0 &&
        (gssize) g_utf8_skip[(guchar) *end] > length - (end - data))
      length = end - data;
  }
  if (!g_utf8_validate (data, length, NULL))
    {
      const char *end;
      g_autofree char *offset = NULL;

      g_utf8_validate (data, length, &end);
      offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (end - data));
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("The file is not UTF-8 text (invalid byte at offset %s); it is not a Gongkai disclosure or it is damaged"),
                   offset);
      return NULL;
    }
  /* Also bounds the nesting: json-glib recurses once per level, so a
   * hostile file could otherwise exhaust the stack. */
  if (!gk_json_check_strict_spans (data, length, MAX_DEPTH, "projects", &projects, project_spans, error))
    return NULL;

  parser = json_parser_new ();
  if (project_spans->len > 0)
    {
      /* The rest of the file, with its projects left to _gk_reader_read_projects(). */
      g_autoptr(GString) rest = g_string_sized_new (length - (projects.end - projects.start) + 2);

      g_string_append_len (rest, data, projects.start);
      g_string_append (rest, "[]");
      g_string_append_len (rest, data + projects.end, length - projects.end);
      if (!json_parser_load_from_data (parser, rest->str, rest->len, NULL))
        {
          _gk_reader_set_not_json (data, length, error);
          return NULL;
        }
      r.text = data;
      r.project_spans = project_spans;
    }
  else
    {
      if (!json_parser_load_from_data (parser, data, length, NULL))
        {
          _gk_reader_set_not_json (data, length, error);
          return NULL;
        }
      g_clear_pointer (&owned_data, g_free);
      data = NULL;
    }

  node = json_parser_get_root (parser);
  r.root = node;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("$: the file is JSON but not a Gongkai disclosure (it should start with { \"format\": \"%s\" …)"),
                   GK_FILE_FORMAT_NAME);
      return NULL;
    }
  root = json_node_get_object (node);
  if (json_object_has_member (root, "format"))
    {
      JsonNode *f = json_object_get_member (root, "format");
      if (JSON_NODE_HOLDS_VALUE (f) && json_node_get_value_type (f) == G_TYPE_STRING)
        format = json_node_get_string (f);
    }
  if (g_strcmp0 (format, GK_FILE_FORMAT_NAME) != 0)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_DISCLOSURE,
                   _("$.format: the file is not a Gongkai disclosure (its format should be \"%s\")"),
                   GK_FILE_FORMAT_NAME);
      return NULL;
    }
  if (!json_object_has_member (root, "version"))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("$.version: the file does not say which format version it uses"));
      return NULL;
    }
  {
    gsize len = _gk_reader_push_member (&r, "version");
    if (!_gk_reader_expect_int (&r, json_object_get_member (root, "version"), 1, G_MAXINT, &version))
      return NULL;
    _gk_reader_pop (&r, len);
  }
  if (version > GK_FILE_FORMAT_VERSION)
    {
      g_autofree char *written = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NEWER_VERSION,
                   _("The file was written by a newer version of Gongkai (format %s; this version reads up to %d). Update Gongkai to open it."),
                   written, GK_FILE_FORMAT_VERSION);
      return NULL;
    }

  if (!_gk_reader_check_members (&r, root, root_members))
    return NULL;
  r.version = version;

  /* Files before format 2 name no template: they hold the seed's tables. */
  if (json_object_has_member (root, "template"))
    {
      gsize len = _gk_reader_push_member (&r, "template");
      if (!read_template (&r, json_object_get_member (root, "template"), &template))
        return NULL;
      _gk_reader_pop (&r, len);
    }

  document = gk_document_new_for_template (template);
  r.document = document;
  if (!read_header (&r, root))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gsize len;

      if (!json_object_has_member (root, parts[i].member))
        continue;
      len = _gk_reader_push_member (&r, parts[i].member);
      if (!parts[i].read (&r, json_object_get_member (root, parts[i].member)))
        return NULL;
      _gk_reader_pop (&r, len);
    }
  r.text = NULL;
  r.project_spans = NULL;
  g_clear_pointer (&owned_data, g_free);
  data = NULL;

  gk_document_derive_all (document);
  /* Only as the file is read: a template changed later keeps every
   * figure, for its undo to find them. */
  gk_document_settle_lines (document);
  gk_document_history_clear (document);
  return g_steal_pointer (&document);
}

GkDocument *
gk_document_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  char *contents;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  contents = gk_document_read_contents (file, MAX_FILE_SIZE, cancellable, &length, error);
  if (contents == NULL)
    return NULL;
  return load (contents, length, contents, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (task_data);
  GkDocument *document = gk_document_load (task_data, cancellable, &error);

  /* What a killed save left beside the document goes when it is opened. */
  if (folder != NULL)
    gk_atomic_clean_folder (folder);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
gk_document_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gk_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

GkDocument *
gk_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
