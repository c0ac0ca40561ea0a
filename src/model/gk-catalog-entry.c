/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-catalog-private.h"

/* Searching must find 政府办公厅（室） whether the officer types full-width or
 * half-width parentheses or digits (both occur in pasted text and IME
 * input), so needle and names are compared in NFKC, ASCII case folded. */
char *
_gk_catalog_fold (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_ascii_strdown (nfkc != NULL ? nfkc : text, -1);
}

G_DEFINE_FINAL_TYPE (GkCatalogEntry, gk_catalog_entry, G_TYPE_OBJECT)

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_CODE,
  ENTRY_PROP_NAME,
  ENTRY_PROP_LEVEL,
  ENTRY_PROP_VERIFIED,
  N_ENTRY_PROPS
};

static GParamSpec *entry_properties[N_ENTRY_PROPS];

static void
gk_catalog_entry_finalize (GObject *object)
{
  GkCatalogEntry *self = GK_CATALOG_ENTRY (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->search_name);

  G_OBJECT_CLASS (gk_catalog_entry_parent_class)->finalize (object);
}

static void
gk_catalog_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GkCatalogEntry *self = GK_CATALOG_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case ENTRY_PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case ENTRY_PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;

    case ENTRY_PROP_VERIFIED:
      g_value_set_boolean (value, self->verified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_catalog_entry_class_init (GkCatalogEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_catalog_entry_finalize;
  object_class->get_property = gk_catalog_entry_get_property;

  entry_properties[ENTRY_PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  entry_properties[ENTRY_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  entry_properties[ENTRY_PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL,
                       GK_LEVEL_NONE, GK_LEVEL_ITEM, GK_LEVEL_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
  entry_properties[ENTRY_PROP_VERIFIED] =
    g_param_spec_boolean ("verified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);
}

static void
gk_catalog_entry_init (GkCatalogEntry *self)
{
}

/* Entries are immutable and only ever made by the catalog parser. */
GkCatalogEntry *
_gk_catalog_entry_new (const char *code,
                       const char *name,
                       GkLevel     level,
                       gboolean    verified)
{
  GkCatalogEntry *self = g_object_new (GK_TYPE_CATALOG_ENTRY, NULL);

  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->search_name = _gk_catalog_fold (name);
  self->level = level;
  self->verified = !!verified;

  return self;
}

const char *
gk_catalog_entry_get_code (GkCatalogEntry *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ENTRY (self), NULL);

  return self->code;
}

const char *
gk_catalog_entry_get_name (GkCatalogEntry *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ENTRY (self), NULL);

  return self->name;
}

GkLevel
gk_catalog_entry_get_level (GkCatalogEntry *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ENTRY (self), GK_LEVEL_NONE);

  return self->level;
}

gboolean
gk_catalog_entry_get_verified (GkCatalogEntry *self)
{
  g_return_val_if_fail (GK_IS_CATALOG_ENTRY (self), FALSE);

  return self->verified;
}

