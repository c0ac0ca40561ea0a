/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-error.h"
#include "gk-template-private.h"

/* The templates the program knows: the bundled ones (resources), the
 * user’s (the .json files in $XDG_DATA_HOME/gongkai/templates) and the customised
 * ones documents make, each interned by its definition's text. */

G_LOCK_DEFINE_STATIC (registry);
static GHashTable *by_text;   /* definition text → GkTemplate */
static GHashTable *by_id;     /* id → GkTemplate (bundled and user) */

#define BUNDLED_PATH "/io/github/gongkai/Gongkai/core/templates/"
#define DEFAULT_ID "xinjiang-2020"
#define NATIONAL "全国"

static char *
serialise (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_node_set_object (node, object);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* Returns the registered template with this definition, registering it
 * if it is new. Called with the registry locked. */
static GkTemplate *
intern (GkTemplate *parsed)
{
  GkTemplate *known;

  if (by_text == NULL)
    {
      by_text = g_hash_table_new (g_str_hash, g_str_equal);
      by_id = g_hash_table_new (g_str_hash, g_str_equal);
    }
  parsed->text = serialise (parsed->definition);
  known = g_hash_table_lookup (by_text, parsed->text);
  if (known != NULL)
    {
      gk_template_free_internal (parsed);
      return known;
    }
  g_hash_table_insert (by_text, parsed->text, parsed);
  return parsed;
}

/**
 * gk_template_new_from_data:
 *
 * Parses a template. The result lives as long as the program (templates
 * are shared by documents and interned by content); a template equal to
 * one already known is that one.
 */
GkTemplate *
gk_template_new_from_data (const char  *json,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  GkTemplate *parsed;
  GkTemplate *result;
  JsonNode *root;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("The template is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("The template is JSON but not a template (it should start with { \"id\": …)"));
      return NULL;
    }
  parsed = gk_template_parse_definition (json_node_get_object (root), error);
  if (parsed == NULL)
    return NULL;
  G_LOCK (registry);
  result = intern (parsed);
  G_UNLOCK (registry);
  return result;
}

GkTemplate *
gk_template_load_file (const char  *path,
                       GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;
  GkTemplate *template;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  if (!g_utf8_validate (text, length, NULL))
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("%s is not UTF-8 text"), name);
      return NULL;
    }
  template = gk_template_new_from_data (text, &local_error);
  if (template == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID, "%s: %s", name, local_error->message);
      return NULL;
    }
  return template;
}

static void
load_bundled (void)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  names = g_resources_enumerate_children (BUNDLED_PATH, 0, &error);
  if (names == NULL)
    g_error ("The disclosure templates are missing from the resources: %s", error->message);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (BUNDLED_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
      GkTemplate *t;

      if (bytes == NULL)
        g_error ("Cannot read the bundled template %s: %s", names[i], error->message);
      t = gk_template_new_from_data (g_bytes_get_data (bytes, NULL), &error);
      if (t == NULL)
        g_error ("The bundled template %s is broken: %s", names[i], error->message);
      G_LOCK (registry);
      t->bundled = TRUE;
      g_hash_table_insert (by_id, t->id, t);
      G_UNLOCK (registry);
    }
}

static void
ensure_bundled (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      load_bundled ();
      g_once_init_leave (&loaded, 1);
    }
}

static char *
user_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "gongkai", "templates", NULL);
}

/* Reads the user's templates again; one that fails is reported in
 * @errors (messages) and left out. A user template cannot take the id of
 * a bundled one. */
static void
scan_user (GPtrArray *errors)
{
  g_autofree char *folder = user_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, names->pdata[i], NULL);
      g_autoptr(GError) error = NULL;
      GkTemplate *t = gk_template_load_file (path, &error);
      GkTemplate *known;

      if (t == NULL)
        {
          if (errors != NULL)
            g_ptr_array_add (errors, g_strdup (error->message));
          continue;
        }
      G_LOCK (registry);
      known = g_hash_table_lookup (by_id, t->id);
      if (known != NULL && known->bundled)
        {
          G_UNLOCK (registry);
          if (errors != NULL)
            g_ptr_array_add (errors, g_strdup_printf (_("%s: the id “%s” is a bundled template’s; give the template its own id"),
                                                      (char *) names->pdata[i], t->id));
          continue;
        }
      g_hash_table_insert (by_id, t->id, t);
      G_UNLOCK (registry);
    }
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  const GkTemplate *x = *(const GkTemplate **) a;
  const GkTemplate *y = *(const GkTemplate **) b;

  /* Bundled first, the national set first of them, then by region (as
   * the locale sorts names) and id. */
  if (x->bundled != y->bundled)
    return x->bundled ? -1 : 1;
  if ((g_strcmp0 (x->region, NATIONAL) == 0) != (g_strcmp0 (y->region, NATIONAL) == 0))
    return g_strcmp0 (x->region, NATIONAL) == 0 ? -1 : 1;
  if (g_strcmp0 (x->region, y->region) != 0)
    return g_utf8_collate (x->region ? x->region : "", y->region ? y->region : "");
  return g_strcmp0 (x->id, y->id);
}

/**
 * gk_template_list_all:
 * @errors: (nullable): receives a message for each user template that
 *   could not be read
 *
 * Returns: (transfer container): every template, bundled then the user's
 */
GPtrArray *
gk_template_list_all_with_errors (GPtrArray *errors)
{
  GPtrArray *all = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  ensure_bundled ();
  scan_user (errors);
  G_LOCK (registry);
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, value);
  G_UNLOCK (registry);
  g_ptr_array_sort (all, compare_templates);
  return all;
}

GPtrArray *
gk_template_list_all (void)
{
  return gk_template_list_all_with_errors (NULL);
}

/* The bundled or user template with this id, or NULL. */
GkTemplate *
gk_template_find (const char *id)
{
  GkTemplate *t;

  g_return_val_if_fail (id != NULL, NULL);

  ensure_bundled ();
  G_LOCK (registry);
  t = g_hash_table_lookup (by_id, id);
  G_UNLOCK (registry);
  if (t == NULL)
    {
      scan_user (NULL);
      G_LOCK (registry);
      t = g_hash_table_lookup (by_id, id);
      G_UNLOCK (registry);
    }
  return t;
}

/* The seed's template: what files written before templates hold. */
GkTemplate *
gk_template_get_default (void)
{
  static GkTemplate *template;

  if (g_once_init_enter (&template))
    {
      GkTemplate *t;

      ensure_bundled ();
      G_LOCK (registry);
      t = g_hash_table_lookup (by_id, DEFAULT_ID);
      G_UNLOCK (registry);
      if (t == NULL)
        g_error ("The default disclosure template %s is missing from the resources", DEFAULT_ID);
      g_once_init_leave (&template, t);
    }
  return template;
}

const char *
gk_template_get_id (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

guint
gk_template_get_version (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->version;
}

const char *
gk_template_get_title (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
gk_template_get_region (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->region;
}

const char *
gk_template_get_description (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

GkNumbering
gk_template_get_numbering (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, GK_NUMBERING_CHINESE);
  return self->numbering;
}

gboolean
gk_template_is_user (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  /* A template read from a document's own definition is the user's too. */
  return !gk_template_get_base (self)->bundled;
}

/* The template a customised one was made from; itself when it is not
 * customised. */
GkTemplate *
gk_template_get_base (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->base != NULL ? self->base : self;
}

/* "income-summary income expenditure …": the roles in order, for
 * messages and comparisons. */
char *
gk_template_dup_table_roles (GkTemplate *self)
{
  g_autoptr(GString) roles = g_string_new (NULL);

  for (guint i = 0; i < self->tables->len; i++)
    g_string_append_printf (roles, i ? " %s" : "%s", ((GkTableSchema *) self->tables->pdata[i])->id);
  return g_string_free (g_steal_pointer (&roles), FALSE);
}

/**
 * gk_template_customise:
 * @roles: the tables to keep, in the order wanted; each a role of @self
 * @titles: (nullable): a title for each, or NULL to keep the template's
 *
 * A template with some of @self's tables, reordered and retitled, and
 * numbered again. Every table that is not optional must stay.
 */
GkTemplate *
gk_template_customise (GkTemplate         *self,
                       const char * const *roles,
                       const char * const *titles,
                       GError            **error)
{
  GkTemplate *base = gk_template_get_base (self);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *definition;
  JsonArray *from;
  JsonArray *tables;
  GkTemplate *parsed;
  GkTemplate *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (roles != NULL, NULL);

  /* A deep copy of the base's definition, through its text. */
  if (!json_parser_load_from_data (parser, base->text, -1, error))
    return NULL;
  definition = json_node_get_object (json_parser_get_root (parser));
  from = json_object_get_array_member (definition, "tables");
  tables = json_array_new ();
  for (guint i = 0; roles[i] != NULL; i++)
    {
      const GkTableSchema *schema = gk_template_lookup (base, roles[i]);
      JsonObject *table;

      if (schema == NULL)
        {
          json_array_unref (tables);
          g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                       _("The template “%s” has no table “%s”"), base->title, roles[i]);
          return NULL;
        }
      if (!g_hash_table_add (kept, (gpointer) schema->id))
        {
          json_array_unref (tables);
          g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                       _("The table “%s” is listed twice"), schema->title);
          return NULL;
        }
      table = json_array_get_object_element (from, schema->position);
      if (titles != NULL && titles[i] != NULL && titles[i][0] != '\0')
        json_object_set_string_member (table, "title", titles[i]);
      json_array_add_object_element (tables, json_object_ref (table));
    }
  for (guint i = 0; i < base->tables->len; i++)
    {
      const GkTableSchema *schema = base->tables->pdata[i];
      if (!schema->optional && !g_hash_table_contains (kept, schema->id))
        {
          json_array_unref (tables);
          g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                       _("The table “%s” cannot be left out: other tables are derived from it or the template requires it"),
                       schema->title);
          return NULL;
        }
    }
  json_object_set_array_member (definition, "tables", tables);
  parsed = gk_template_parse_definition (definition, error);
  if (parsed == NULL)
    return NULL;
  G_LOCK (registry);
  result = intern (parsed);
  if (result != base)
    result->base = base;
  G_UNLOCK (registry);
  return result;
}

/* The definition as a user template file: @id and @title replace the
 * template's own. */
char *
gk_template_to_json (GkTemplate *self,
                     const char *id,
                     const char *title)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *definition;

  g_return_val_if_fail (self != NULL, NULL);

  if (!json_parser_load_from_data (parser, self->text, -1, NULL))
    g_return_val_if_reached (NULL);
  definition = json_node_get_object (json_parser_get_root (parser));
  /* A template saved under a new id starts its own versions. */
  if (id != NULL)
    {
      json_object_set_string_member (definition, "id", id);
      json_object_set_int_member (definition, "version", 1);
    }
  if (title != NULL)
    json_object_set_string_member (definition, "title", title);
  return serialise (definition);
}

char *
gk_template_get_user_folder (void)
{
  return user_folder ();
}

