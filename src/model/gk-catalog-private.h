/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-catalog.h"

G_BEGIN_DECLS

struct _GkCatalogEntry
{
  GObject parent_instance;

  char *code;
  char *name;
  char *search_name;   /* see fold () */
  GkLevel level;
  guint verified : 1;
};

GkCatalogEntry *_gk_catalog_entry_new (const char *code,
                                       const char *name,
                                       GkLevel     level,
                                       gboolean    verified);

/* The form in which needles and names are compared when searching. */
char           *_gk_catalog_fold      (const char *text);

G_END_DECLS
