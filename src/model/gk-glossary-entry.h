/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One entry of 名词解释. */
#define GK_TYPE_GLOSSARY_ENTRY (gk_glossary_entry_get_type ())
G_DECLARE_FINAL_TYPE (GkGlossaryEntry, gk_glossary_entry, GK, GLOSSARY_ENTRY, GObject)

GkGlossaryEntry *gk_glossary_entry_new            (const char      *term,
                                                   const char      *definition);
const char      *gk_glossary_entry_get_term       (GkGlossaryEntry *self);
const char      *gk_glossary_entry_get_definition (GkGlossaryEntry *self);

G_END_DECLS
