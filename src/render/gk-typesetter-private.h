/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-typesetter.h"

G_BEGIN_DECLS

/* Shared by gk-typesetter.c, gk-typesetter-text.c and
 * gk-typesetter-shaped.c. */

#define WORD_JOINER 0x2060
#define ZERO_WIDTH_SPACE 0x200B
/* Characters of a Latin word or a number after which a line may break. */
#define LONG_WORD 24

gboolean _gk_typesetter_is_stretch_point (gunichar    before,
                                          gunichar    after);
char    *_gk_typesetter_join_text        (const char *text,
                                          gboolean    join_last);
gboolean _gk_typesetter_needs_join       (const char *text);
char    *_gk_typesetter_join_heading_words (const char  *text,
                                            char       **longest);
void     _gk_typesetter_cache_insert (GHashTable **young,
                                      GHashTable **old,
                                      guint        size,
                                      char        *key,
                                      gpointer     value);
gboolean _gk_typesetter_cache_lookup (GHashTable **young,
                                      GHashTable **old,
                                      guint        size,
                                      const char  *key,
                                      gpointer    *value);

/* Texts shaped when measured, kept to be drawn (gk-typesetter-shaped.c). */
typedef struct _GkShapedStore GkShapedStore;

void     _gk_shaped_store_free               (GkShapedStore   *store);
guint    _gk_typesetter_count_stretch_points (PangoLayoutLine *line,
                                              const char      *text);
gboolean _gk_typesetter_has_colour           (PangoLayout     *layout);
void     _gk_typesetter_begin_batch          (GkTypesetter    *self,
                                              cairo_t         *cr);
void     _gk_typesetter_commit_run           (GkTypesetter        *self,
                                              cairo_scaled_font_t *font);

guint    _gk_typesetter_keep_shaped          (GkTypesetter    *self,
                                              PangoLayout     *layout);
guint    _gk_typesetter_shape_cell           (GkTypesetter    *self,
                                              GkTextStyle      style,
                                              const char      *text,
                                              double           width,
                                              PangoAlignment   alignment);
guint    _gk_typesetter_repeated_cell        (GkTypesetter    *self,
                                              GkTextStyle      style,
                                              const char      *text,
                                              double           width,
                                              PangoAlignment   alignment);
int      _gk_typesetter_get_shaped_height    (GkTypesetter    *self,
                                              guint            shaped);
gboolean _gk_typesetter_show_shaped          (GkTypesetter    *self,
                                              cairo_t         *cr,
                                              guint            shaped,
                                              double           x,
                                              double           y,
                                              int              first_line,
                                              int              end_line);
guint64  _gk_typesetter_get_n_shaped         (GkTypesetter    *self);
GkShapedStore **_gk_typesetter_get_shaped_slot (GkTypesetter  *self);
void     _gk_typesetter_get_scratch          (GkTypesetter    *self,
                                              GArray         **glyphs,
                                              GArray         **clusters,
                                              GString        **text);
guint64  _gk_typesetter_get_shaped_bytes     (GkTypesetter    *self);
guint64  _gk_typesetter_get_shaped_reads     (GkTypesetter    *self);

G_END_DECLS
