/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "gk-template.h"

G_BEGIN_DECLS

/* Templates live as long as the program: documents, pages and schemas
 * point into them, and there are a handful. A user template re-read with
 * new content becomes a new template; the old one stays for whoever holds
 * it. */
struct _GkTemplate
{
  char        *id;
  guint        version;
  char        *title;
  char        *region;
  char        *description;
  GkNumbering  numbering;
  gboolean     bundled;    /* from the resources; every other template is the user's */
  GkTemplate  *base;       /* a customised template's bundled or user template */
  JsonObject  *definition; /* the parsed JSON, to customise and save */
  char        *text;       /* the definition, serialised: interning key */
  GkPart       parts[GK_N_PARTS]; /* the document's parts in printed order */
  GPtrArray   *tables;     /* GkTableSchema */
  GPtrArray   *outline;    /* GkOutlineSection; NULL for the usual ten sections */
  char        *part_titles[GK_N_PARTS]; /* NULL for the usual titles */
  gboolean     final;      /* a 决算 disclosure ("disclosure": "final") */
  GPtrArray   *glossary;   /* term, definition, …: a new document's 名词解释, or NULL */
  gboolean     has_text_unit;
  GkMoneyUnit  text_unit;  /* the unit 情况说明 states money in, when has_text_unit */
};

GkTemplate *gk_template_parse_definition (JsonObject  *root,
                                          GError     **error);
void        gk_template_free_internal    (GkTemplate  *self);

/* gk-template-outline.c */
gboolean    _gk_template_parse_outline   (GkTemplate  *self,
                                          JsonObject  *root,
                                          GError     **error);
void        _gk_template_free_outline    (GkTemplate  *self);

/* gk-template-lines.c */
gboolean    _gk_template_parse_sum       (GkColumnSchema *c,
                                          JsonObject     *obj,
                                          GHashTable     *ids,
                                          GArray         *sources,
                                          const char     *where,
                                          GError        **error);
gboolean    _gk_template_check_sources   (GkTemplate     *self,
                                          GError        **error);
gboolean    _gk_template_parse_glossary  (GkTemplate     *self,
                                          JsonObject     *root,
                                          GError        **error);
gboolean    _gk_template_parse_lines     (GkTableSchema  *t,
                                          JsonArray      *array,
                                          GDestroyNotify  free_line,
                                          const char     *where,
                                          GError        **error);

/* gk-template-kinds.c */
gboolean    _gk_template_parse_kind      (const char  *text,
                                          GkTableKind *kind);
const char *_gk_template_kind_name       (GkTableKind  kind);
gboolean    _gk_template_role_kind       (const char  *role,
                                          GkTableKind *kind);
JsonArray  *_gk_template_overall_columns    (void);
const char *_gk_template_parse_groups       (JsonObject    *obj,
                                             char        ***out);
JsonArray  *_gk_template_parse_list_columns (GkTableSchema *t,
                                             JsonArray     *columns,
                                             const char    *where,
                                             GError       **error);

G_END_DECLS
