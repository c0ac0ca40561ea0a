/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The fonts of a PDF cut down to the characters it may print, in a font
 * map of their own. Cairo reads a whole font's outlines to embed a part of
 * them: a CJK font cut to a document's few hundred characters first costs
 * it a twentieth of the memory and time, and lays out the same, since the
 * glyphs kept are the font's own with their own advances.
 *
 * A character the cut fonts lack shows as an unknown glyph, which
 * gk_font_subset_saw_unknown_glyphs() reports: the PDF must then be made
 * again with the whole fonts. */
typedef struct _GkFontSubset GkFontSubset;

GkFontSubset *gk_font_subset_new                (const char * const *families,
                                                 const char         *text,
                                                 gssize              length,
                                                 GError            **error);
PangoFontMap *gk_font_subset_get_font_map       (GkFontSubset       *self);
const char   *gk_font_subset_get_directory      (GkFontSubset       *self);
gboolean      gk_font_subset_saw_unknown_glyphs (GkFontSubset       *self);
void          gk_font_subset_free               (GkFontSubset       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkFontSubset, gk_font_subset_free)

/* The characters of a text given in pieces (a document written through a
 * sink), each kept once, so that the fonts are cut to a document's
 * characters without a copy of its text. The pieces may split a
 * character; as with the whole text, nothing after bytes that are not
 * UTF-8 counts. */
typedef struct _GkCharacterSet GkCharacterSet;

GkCharacterSet *gk_character_set_new      (void);
void            gk_character_set_add      (GkCharacterSet     *self,
                                           const char         *text,
                                           gsize               length);
GBytes         *gk_character_set_to_bytes (GkCharacterSet     *self);
void            gk_character_set_free     (GkCharacterSet     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkCharacterSet, gk_character_set_free)

G_END_DECLS
