/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-fields.h"
#include "gk-glossary-entry.h"

struct _GkGlossaryEntry
{
  GObject  parent_instance;
  char    *term;
  char    *definition;
};

G_DEFINE_FINAL_TYPE (GkGlossaryEntry, gk_glossary_entry, G_TYPE_OBJECT)

static const GkField fields[] = {
  GK_FIELD_STRING_AT ("term", GkGlossaryEntry, term),
  GK_FIELD_STRING_AT ("definition", GkGlossaryEntry, definition),
};
GK_DEFINE_FIELD_CLASS (GkGlossaryEntry, gk_glossary_entry)

GkGlossaryEntry *
gk_glossary_entry_new (const char *term,
                       const char *definition)
{
  return g_object_new (GK_TYPE_GLOSSARY_ENTRY, "term", term, "definition", definition, NULL);
}

const char *
gk_glossary_entry_get_term (GkGlossaryEntry *self)
{
  g_return_val_if_fail (GK_IS_GLOSSARY_ENTRY (self), NULL);
  return self->term;
}

const char *
gk_glossary_entry_get_definition (GkGlossaryEntry *self)
{
  g_return_val_if_fail (GK_IS_GLOSSARY_ENTRY (self), NULL);
  return self->definition;
}
