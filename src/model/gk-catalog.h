/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gk-catalog.h — the classification catalogs (支出功能分类, 支出经济分类) */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  GK_CLASSIFICATION_FUNCTION,   /* 支出功能分类: 类 3 digits, 款 5, 项 7 */
  GK_CLASSIFICATION_ECONOMIC,   /* 支出经济分类: 类 3 digits, 款 5 */
} GkClassification;

typedef enum {
  GK_LEVEL_NONE = 0,     /* not a valid code */
  GK_LEVEL_CLASS = 1,    /* 类 */
  GK_LEVEL_SECTION = 2,  /* 款 */
  GK_LEVEL_ITEM = 3,     /* 项 (function only) */
} GkLevel;

#define GK_CATALOG_ERROR (gk_catalog_error_quark ())

typedef enum {
  GK_CATALOG_ERROR_INVALID,   /* a malformed line in a catalog */
} GkCatalogError;

GQuark gk_catalog_error_quark (void);

#define GK_TYPE_CATALOG_ENTRY (gk_catalog_entry_get_type ())

G_DECLARE_FINAL_TYPE (GkCatalogEntry, gk_catalog_entry, GK, CATALOG_ENTRY, GObject)

const char *gk_catalog_entry_get_code     (GkCatalogEntry *self);
const char *gk_catalog_entry_get_name     (GkCatalogEntry *self);
GkLevel     gk_catalog_entry_get_level    (GkCatalogEntry *self);
gboolean    gk_catalog_entry_get_verified (GkCatalogEntry *self);

#define GK_TYPE_CATALOG (gk_catalog_get_type ())

/* A GListModel of GkCatalogEntry in code order (类 before its 款 before its 项). */
G_DECLARE_FINAL_TYPE (GkCatalog, gk_catalog, GK, CATALOG, GObject)

GkCatalog        *gk_catalog_get_default        (GkClassification   kind);
GkCatalog        *gk_catalog_new_from_data      (GkClassification   kind,
                                                 const char        *tsv,
                                                 GError           **error);
GkClassification  gk_catalog_get_classification (GkCatalog         *self);
GkCatalogEntry   *gk_catalog_lookup             (GkCatalog         *self,
                                                 const char        *code);
const char       *gk_catalog_lookup_name        (GkCatalog         *self,
                                                 const char        *code);
GListModel       *gk_catalog_search             (GkCatalog         *self,
                                                 const char        *needle);
const char       *gk_catalog_class_name_for_year (GkCatalog        *self,
                                                  const char       *code,
                                                  guint             year);
gboolean          gk_catalog_class_name_is_of_other_year (GkCatalog  *self,
                                                          const char *code,
                                                          const char *name,
                                                          guint       year);

GkLevel     gk_classification_level                      (GkClassification  kind,
                                                          const char       *code);
char       *gk_classification_parent                     (GkClassification  kind,
                                                          const char       *code);
gboolean    gk_classification_is_ancestor                (const char       *ancestor,
                                                          const char       *code);
const char *gk_classification_class_name_for_year        (const char       *code,
                                                          guint             year);
gboolean    gk_classification_class_name_is_of_other_year (const char      *code,
                                                           const char      *name,
                                                           guint            year);

G_END_DECLS
