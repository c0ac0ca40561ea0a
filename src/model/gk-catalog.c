/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-catalog-private.h"

#define RESOURCE_PATH "/io/github/gongkai/Gongkai/core/"

G_DEFINE_QUARK (gk-catalog-error-quark, gk_catalog_error)

/* GkCatalog */

/* One #rename or #new line: before `year`, the 类 was called `old_name`, or
 * did not exist when `old_name` is NULL. */
typedef struct
{
  guint year;
  char *old_name;
} ClassChange;

struct _GkCatalog
{
  GObject parent_instance;

  GkClassification kind;
  GPtrArray *entries;     /* GkCatalogEntry, sorted by code */
  GHashTable *by_code;    /* code → GkCatalogEntry, borrowed from entries */
  GHashTable *changes;    /* 类 code → GArray of ClassChange, by year */
};

static void gk_catalog_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GkCatalog, gk_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gk_catalog_list_model_iface_init))

static GType
gk_catalog_get_item_type (GListModel *model)
{
  return GK_TYPE_CATALOG_ENTRY;
}

static guint
gk_catalog_get_n_items (GListModel *model)
{
  GkCatalog *self = GK_CATALOG (model);

  return self->entries->len;
}

static gpointer
gk_catalog_get_item (GListModel *model,
                     guint       position)
{
  GkCatalog *self = GK_CATALOG (model);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
gk_catalog_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gk_catalog_get_item_type;
  iface->get_n_items = gk_catalog_get_n_items;
  iface->get_item = gk_catalog_get_item;
}

static void
class_change_clear (gpointer data)
{
  ClassChange *change = data;

  g_clear_pointer (&change->old_name, g_free);
}

static GArray *
class_change_array_new (void)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (ClassChange));

  g_array_set_clear_func (array, class_change_clear);
  return array;
}

static void
gk_catalog_dispose (GObject *object)
{
  GkCatalog *self = GK_CATALOG (object);

  g_hash_table_remove_all (self->by_code);
  g_ptr_array_set_size (self->entries, 0);

  G_OBJECT_CLASS (gk_catalog_parent_class)->dispose (object);
}

static void
gk_catalog_finalize (GObject *object)
{
  GkCatalog *self = GK_CATALOG (object);

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_hash_table_unref);

  G_OBJECT_CLASS (gk_catalog_parent_class)->finalize (object);
}

static void
gk_catalog_class_init (GkCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_catalog_dispose;
  object_class->finalize = gk_catalog_finalize;
}

static void
gk_catalog_init (GkCatalog *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->changes = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         g_free, (GDestroyNotify) g_array_unref);
}

/* Parsing */

typedef struct
{
  guint line;
  char *code;
  guint year;
  char *old_name;
} PendingChange;

static void
pending_change_free (gpointer data)
{
  PendingChange *pending = data;

  g_free (pending->code);
  g_free (pending->old_name);
  g_free (pending);
}

static gboolean
invalid_line (GError     **error,
              guint        line,
              const char  *format,
              ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid_line (GError     **error,
              guint        line,
              const char  *format,
              ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a line of a classification catalog file, then what is wrong with it */
  g_set_error (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_INVALID,
               _("Line %u: %s"), line, reason);
  return FALSE;
}

static gboolean
parse_year (const char *text,
            guint      *year)
{
  guint64 value;

  if (strlen (text) != 4 ||
      !g_ascii_string_to_unsigned (text, 10, 1900, 2999, &value, NULL))
    return FALSE;

  *year = (guint) value;
  return TRUE;
}

static gboolean
parse_change (GkCatalog   *self,
              char       **fields,
              guint        line,
              GPtrArray   *pending,
              GError     **error)
{
  gboolean is_rename = g_str_equal (fields[0], "#rename");
  guint n_fields = g_strv_length (fields);
  PendingChange *change;
  guint year;

  if (is_rename && n_fields != 4)
    return invalid_line (error, line,
                         _("a rename needs a class code, the year of the new name and the old name, separated by tabs"));
  if (!is_rename && n_fields != 3)
    return invalid_line (error, line,
                         _("a new class needs its code and the year it appeared, separated by tabs"));
  if (gk_classification_level (self->kind, fields[1]) != GK_LEVEL_CLASS)
    return invalid_line (error, line,
                         _("“%s” is not the code of a class (three digits)"), fields[1]);
  if (!parse_year (fields[2], &year))
    return invalid_line (error, line, _("“%s” is not a year"), fields[2]);
  if (is_rename && *g_strstrip (fields[3]) == '\0')
    return invalid_line (error, line, _("the old name is empty"));

  change = g_new0 (PendingChange, 1);
  change->line = line;
  change->code = g_strdup (fields[1]);
  change->year = year;
  change->old_name = is_rename ? g_strdup (fields[3]) : NULL;
  g_ptr_array_add (pending, change);

  return TRUE;
}

static gboolean
parse_entry (GkCatalog   *self,
             char       **fields,
             guint        line,
             GHashTable  *lines,
             GError     **error)
{
  GkCatalogEntry *entry;
  GkLevel level;
  gboolean verified;
  const char *name;

  if (g_strv_length (fields) != 3)
    return invalid_line (error, line,
                         _("expected a code, a name and a status separated by tabs"));

  g_strstrip (fields[0]);
  name = g_strstrip (fields[1]);
  g_strstrip (fields[2]);

  level = gk_classification_level (self->kind, fields[0]);
  if (level == GK_LEVEL_NONE)
    {
      if (self->kind == GK_CLASSIFICATION_FUNCTION)
        return invalid_line (error, line,
                             _("“%s” is not a function classification code (3, 5 or 7 digits)"),
                             fields[0]);
      return invalid_line (error, line,
                           _("“%s” is not an economic classification code (3 or 5 digits)"),
                           fields[0]);
    }
  if (*name == '\0')
    return invalid_line (error, line, _("the name of %s is empty"), fields[0]);

  if (g_str_equal (fields[2], "checked"))
    verified = TRUE;
  else if (g_str_equal (fields[2], "unverified"))
    verified = FALSE;
  else
    return invalid_line (error, line,
                         _("the status must be “checked” or “unverified”, not “%s”"),
                         fields[2]);

  if (g_hash_table_contains (lines, fields[0]))
    return invalid_line (error, line, _("code %s is already listed on line %u"),
                         fields[0],
                         GPOINTER_TO_UINT (g_hash_table_lookup (lines, fields[0])));

  entry = _gk_catalog_entry_new (fields[0], name, level, verified);
  g_ptr_array_add (self->entries, entry);
  g_hash_table_insert (self->by_code, entry->code, entry);
  g_hash_table_insert (lines, entry->code, GUINT_TO_POINTER (line));

  return TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  GkCatalogEntry *entry_a = *(GkCatalogEntry * const *) a;
  GkCatalogEntry *entry_b = *(GkCatalogEntry * const *) b;

  /* Byte order of digit strings is tree order: 201 < 20101 < 2010101 < 20102. */
  return strcmp (entry_a->code, entry_b->code);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const ClassChange *change_a = a;
  const ClassChange *change_b = b;

  return (change_a->year > change_b->year) - (change_a->year < change_b->year);
}

/* Renames may name classes listed further down, so they are attached once
 * every entry is known. */
static gboolean
attach_changes (GkCatalog  *self,
                GPtrArray  *pending,
                GError    **error)
{
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *p = g_ptr_array_index (pending, i);
      GArray *changes;
      ClassChange change;

      if (!g_hash_table_contains (self->by_code, p->code))
        return invalid_line (error, p->line, _("class %s is not listed in this catalog"),
                             p->code);

      changes = g_hash_table_lookup (self->changes, p->code);
      if (changes == NULL)
        {
          changes = class_change_array_new ();
          g_hash_table_insert (self->changes, g_strdup (p->code), changes);
        }

      for (guint j = 0; j < changes->len; j++)
        if (g_array_index (changes, ClassChange, j).year == p->year)
          return invalid_line (error, p->line,
                               _("class %s already has a change in %u"),
                               p->code, p->year);

      change.year = p->year;
      change.old_name = g_steal_pointer (&p->old_name);
      g_array_append_val (changes, change);
      g_array_sort (changes, compare_changes);
    }

  return TRUE;
}

static guint
line_of_offset (const char *text,
                const char *end)
{
  guint line = 1;

  for (const char *p = text; p < end; p++)
    if (*p == '\n')
      line++;

  return line;
}

/**
 * gk_catalog_new_from_data:
 * @kind: the classification the codes belong to
 * @tsv: the catalog text, in the format described in resources/catalog-function.tsv
 * @error: set to a %GK_CATALOG_ERROR naming the first bad line
 *
 * Returns: (transfer full) (nullable): a new catalog, or %NULL on error
 */
GkCatalog *
gk_catalog_new_from_data (GkClassification   kind,
                          const char        *tsv,
                          GError           **error)
{
  g_autoptr(GkCatalog) self = NULL;
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  const char *invalid_at = NULL;
  const char *p;
  guint line = 0;

  g_return_val_if_fail (kind == GK_CLASSIFICATION_FUNCTION ||
                        kind == GK_CLASSIFICATION_ECONOMIC, NULL);
  g_return_val_if_fail (tsv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (tsv, -1, &invalid_at))
    {
      invalid_line (error, line_of_offset (tsv, invalid_at),
                    _("the text is not valid UTF-8"));
      return NULL;
    }

  self = g_object_new (GK_TYPE_CATALOG, NULL);
  self->kind = kind;
  lines = g_hash_table_new (g_str_hash, g_str_equal);
  pending = g_ptr_array_new_with_free_func (pending_change_free);

  for (p = tsv; *p != '\0'; )
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol != NULL ? (gsize) (eol - p) : strlen (p);
      g_autofree char *text = NULL;
      g_auto(GStrv) fields = NULL;

      line++;
      /* Catalogs edited on Windows keep their CR LF. */
      if (len > 0 && p[len - 1] == '\r')
        len--;
      text = g_strndup (p, len);
      p = eol != NULL ? eol + 1 : p + strlen (p);

      if (*g_strstrip (text) == '\0')
        continue;

      fields = g_strsplit (text, "\t", -1);

      if (g_str_equal (fields[0], "#rename") || g_str_equal (fields[0], "#new"))
        {
          if (!parse_change (self, fields, line, pending, error))
            return NULL;
          continue;
        }

      /* A directive typed with spaces would otherwise pass as a comment and
       * silently lose its rename. */
      if (g_str_has_prefix (fields[0], "#rename ") || g_str_has_prefix (fields[0], "#new "))
        {
          invalid_line (error, line, _("the fields of “%s” must be separated by tabs"),
                        g_str_has_prefix (fields[0], "#new ") ? "#new" : "#rename");
          return NULL;
        }

      if (text[0] == '#')
        continue;

      /* The column header of the reference lists, kept for spreadsheets. */
      if (g_str_equal (text, "code\tname\tstatus"))
        continue;

      if (!parse_entry (self, fields, line, lines, error))
        return NULL;
    }

  g_ptr_array_sort (self->entries, compare_entries);

  if (!attach_changes (self, pending, error))
    return NULL;

  return g_steal_pointer (&self);
}

static GkCatalog *
load_default (GkClassification kind)
{
  const char *path = kind == GK_CLASSIFICATION_FUNCTION
    ? RESOURCE_PATH "catalog-function.tsv"
    : RESOURCE_PATH "catalog-economic.tsv";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GkCatalog *catalog;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &size);
      text = g_strndup (data, size);
      catalog = gk_catalog_new_from_data (kind, text, &error);
      if (catalog != NULL)
        return catalog;
    }

  /* The bundled catalogs are checked by the test suite, so this is a broken
   * build; an empty catalog still lets codes be typed by hand. */
  g_critical ("Cannot load the catalog %s: %s", path, error->message);
  catalog = g_object_new (GK_TYPE_CATALOG, NULL);
  catalog->kind = kind;
  return catalog;
}

/**
 * gk_catalog_get_default:
 * @kind: which classification
 *
 * Returns: (transfer none): the catalog bundled with Gongkai, loaded on first use
 */
GkCatalog *
gk_catalog_get_default (GkClassification kind)
{
  static GkCatalog *defaults[2];

  g_return_val_if_fail (kind == GK_CLASSIFICATION_FUNCTION ||
                        kind == GK_CLASSIFICATION_ECONOMIC, NULL);

  if (g_once_init_enter (&defaults[kind]))
    g_once_init_leave (&defaults[kind], load_default (kind));

  return defaults[kind];
}

GkClassification
gk_catalog_get_classification (GkCatalog *self)
{
  g_return_val_if_fail (GK_IS_CATALOG (self), GK_CLASSIFICATION_FUNCTION);

  return self->kind;
}

/**
 * gk_catalog_lookup:
 *
 * Returns: (transfer none) (nullable): the entry of @code, or %NULL when the
 *   catalog does not list it
 */
GkCatalogEntry *
gk_catalog_lookup (GkCatalog  *self,
                   const char *code)
{
  g_return_val_if_fail (GK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->by_code, code);
}

const char *
gk_catalog_lookup_name (GkCatalog  *self,
                        const char *code)
{
  GkCatalogEntry *entry;

  g_return_val_if_fail (GK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  entry = g_hash_table_lookup (self->by_code, code);
  return entry != NULL ? entry->name : NULL;
}

/**
 * gk_catalog_search:
 * @needle: text to find in codes or names; "" lists every entry
 *
 * Returns: (transfer full): a new list of the matching entries, in code order
 */
GListModel *
gk_catalog_search (GkCatalog  *self,
                   const char *needle)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *folded = NULL;
  GListStore *store;

  g_return_val_if_fail (GK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (needle != NULL, NULL);

  folded = _gk_catalog_fold (needle);
  g_strstrip (folded);
  found = g_ptr_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      GkCatalogEntry *entry = g_ptr_array_index (self->entries, i);

      if (strstr (entry->code, folded) != NULL ||
          strstr (entry->search_name, folded) != NULL)
        g_ptr_array_add (found, entry);
    }

  store = g_list_store_new (GK_TYPE_CATALOG_ENTRY);
  g_list_store_splice (store, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (store);
}

/* Class names by year */

/**
 * gk_catalog_class_name_for_year:
 * @code: a 类 code
 * @year: the budget year of a document
 *
 * Returns: (nullable): the name class @code had in @year according to this
 *   catalog, or %NULL if the catalog does not list it or it did not exist then
 */
const char *
gk_catalog_class_name_for_year (GkCatalog  *self,
                                const char *code,
                                guint       year)
{
  GkCatalogEntry *entry;
  GArray *changes;

  g_return_val_if_fail (GK_IS_CATALOG (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  entry = g_hash_table_lookup (self->by_code, code);
  if (entry == NULL || entry->level != GK_LEVEL_CLASS)
    return NULL;

  changes = g_hash_table_lookup (self->changes, code);
  if (changes != NULL)
    {
      /* The first change after `year` tells what the class was called in it. */
      for (guint i = 0; i < changes->len; i++)
        {
          const ClassChange *change = &g_array_index (changes, ClassChange, i);

          if (year < change->year)
            return change->old_name;
        }
    }

  return entry->name;
}

/* Names pasted from PDFs carry stray spaces ("文化旅游体育与传媒支 出") and mixed
 * parenthesis widths; neither makes them a different name. */
static char *
name_key (const char *name)
{
  char *key = _gk_catalog_fold (name);
  char *out = key;

  for (const char *in = key; *in != '\0'; in++)
    if (!g_ascii_isspace (*in))
      *out++ = *in;
  *out = '\0';

  return key;
}

/**
 * gk_catalog_class_name_is_of_other_year:
 *
 * Returns: %TRUE when @name is a spelling of class @code's name that this
 *   catalog knows, but not the one valid in @year
 */
gboolean
gk_catalog_class_name_is_of_other_year (GkCatalog  *self,
                                        const char *code,
                                        const char *name,
                                        guint       year)
{
  g_autofree char *key = NULL;
  const char *valid;
  GkCatalogEntry *entry;
  GArray *changes;

  g_return_val_if_fail (GK_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  entry = g_hash_table_lookup (self->by_code, code);
  if (entry == NULL || entry->level != GK_LEVEL_CLASS)
    return FALSE;

  key = name_key (name);
  valid = gk_catalog_class_name_for_year (self, code, year);
  if (valid != NULL)
    {
      g_autofree char *valid_key = name_key (valid);

      if (g_str_equal (key, valid_key))
        return FALSE;
    }

  {
    g_autofree char *current_key = name_key (entry->name);

    if (g_str_equal (key, current_key))
      return TRUE;
  }

  changes = g_hash_table_lookup (self->changes, code);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const ClassChange *change = &g_array_index (changes, ClassChange, i);
      g_autofree char *old_key = NULL;

      if (change->old_name == NULL)
        continue;
      old_key = name_key (change->old_name);
      if (g_str_equal (key, old_key))
        return TRUE;
    }

  return FALSE;
}

const char *
gk_classification_class_name_for_year (const char *code,
                                       guint       year)
{
  g_return_val_if_fail (code != NULL, NULL);

  return gk_catalog_class_name_for_year (gk_catalog_get_default (GK_CLASSIFICATION_FUNCTION),
                                         code, year);
}

gboolean
gk_classification_class_name_is_of_other_year (const char *code,
                                               const char *name,
                                               guint       year)
{
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return gk_catalog_class_name_is_of_other_year (gk_catalog_get_default (GK_CLASSIFICATION_FUNCTION),
                                                 code, name, year);
}

/* Codes */

static gboolean
all_zeros (const char *segment,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (segment[i] != '0')
      return FALSE;
  return TRUE;
}

/**
 * gk_classification_level:
 *
 * A code is ASCII digits of the length of a level, and none of its segments
 * (类, 款, 项) is all zeros: no such code exists, and the 0 0 0 row of an
 * empty table is a placeholder, not a classification.
 *
 * Returns: the level of @code, or %GK_LEVEL_NONE when it is not a valid code
 */
GkLevel
gk_classification_level (GkClassification  kind,
                         const char       *code)
{
  gsize len;

  g_return_val_if_fail (kind == GK_CLASSIFICATION_FUNCTION ||
                        kind == GK_CLASSIFICATION_ECONOMIC, GK_LEVEL_NONE);
  g_return_val_if_fail (code != NULL, GK_LEVEL_NONE);

  len = strlen (code);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (code[i]))
      return GK_LEVEL_NONE;

  if (len != 3 && len != 5 && !(len == 7 && kind == GK_CLASSIFICATION_FUNCTION))
    return GK_LEVEL_NONE;

  if (all_zeros (code, 3) ||
      (len >= 5 && all_zeros (code + 3, 2)) ||
      (len == 7 && all_zeros (code + 5, 2)))
    return GK_LEVEL_NONE;

  return len == 3 ? GK_LEVEL_CLASS : len == 5 ? GK_LEVEL_SECTION : GK_LEVEL_ITEM;
}

/**
 * gk_classification_parent:
 *
 * Returns: (transfer full) (nullable): the code of the 类 or 款 above @code,
 *   or %NULL for a 类 or an invalid code
 */
char *
gk_classification_parent (GkClassification  kind,
                          const char       *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  switch (gk_classification_level (kind, code))
    {
    case GK_LEVEL_SECTION:
      return g_strndup (code, 3);

    case GK_LEVEL_ITEM:
      return g_strndup (code, 5);

    case GK_LEVEL_NONE:
    case GK_LEVEL_CLASS:
    default:
      return NULL;
    }
}

/**
 * gk_classification_is_ancestor:
 *
 * Returns: %TRUE when @ancestor is the 类 or 款 above @code (not @code itself)
 */
gboolean
gk_classification_is_ancestor (const char *ancestor,
                               const char *code)
{
  gsize ancestor_len;

  g_return_val_if_fail (ancestor != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  /* The function syntax accepts every economic code as well. */
  if (gk_classification_level (GK_CLASSIFICATION_FUNCTION, ancestor) == GK_LEVEL_NONE ||
      gk_classification_level (GK_CLASSIFICATION_FUNCTION, code) == GK_LEVEL_NONE)
    return FALSE;

  ancestor_len = strlen (ancestor);
  return ancestor_len < strlen (code) && strncmp (ancestor, code, ancestor_len) == 0;
}
