/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-typesetter.h"

G_BEGIN_DECLS

/* Shared by gk-typesetter.c and gk-typesetter-text.c. */

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

G_END_DECLS
