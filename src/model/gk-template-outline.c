/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-error.h"
#include "gk-narrative.h"
#include "gk-template-private.h"

/* "outline": the sections of 情况说明 a region prints, each composed from
 * paragraphs of named kinds, and the titles of the parts. Regions differ
 * in both (two sections in 江西's towns, a 预算编制说明 in 上海), while the
 * sentences themselves are the same library everywhere. */

static const char * const part_names[GK_N_PARTS] = { "overview", "tables", "explanation", "glossary" };

/* A section or part title is one printed line, a 200-character one
 * already three; a longer one is a damaged or hostile file. */
#define MAX_TITLE_CHARS 200

/* The titles the disclosures have always printed. */
static const char * const default_part_titles[GK_N_PARTS] = {
  "{unit}单位概况", "{year}年部门预算公开表", "{year}年部门预算情况说明", "名词解释",
};

static gboolean
invalid (GError    **error,
         const char *where,
         const char *message)
{
  g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
               _("Template %s: %s"), where, message);
  return FALSE;
}

static void
outline_section_free (gpointer data)
{
  GkOutlineSection *section = data;

  g_free (section->id);
  g_free (section->title);
  g_free (section->part);
  g_strfreev (section->kinds);
  g_free (section);
}

void
_gk_template_free_outline (GkTemplate *self)
{
  g_clear_pointer (&self->outline, g_ptr_array_unref);
  for (guint i = 0; i < GK_N_PARTS; i++)
    g_clear_pointer (&self->part_titles[i], g_free);
}

/* A member that must be text when it is there. */
static gboolean
optional_string (JsonObject  *object,
                 const char  *name,
                 const char  *where,
                 char       **out,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *message = NULL;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      json_node_get_string (node)[0] != '\0' &&
      g_utf8_strlen (json_node_get_string (node), -1) <= MAX_TITLE_CHARS)
    {
      *out = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      json_node_get_string (node)[0] != '\0')
    message = g_strdup_printf (_("“%s” is longer than %d characters; a title is one line"), name, MAX_TITLE_CHARS);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    message = g_strdup_printf (_("“%s” is empty; give it a text or leave it out"), name);
  else
    message = g_strdup_printf (_("“%s” must be text"), name);
  return invalid (error, where, message);
}

static gboolean
parse_titles (GkTemplate  *self,
              JsonObject  *outline,
              const char  *where,
              GError     **error)
{
  JsonNode *node = json_object_get_member (outline, "titles");
  JsonObject *titles;
  g_autoptr(GList) members = NULL;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, where, _("“titles” must be an object naming parts (overview, tables, explanation, glossary)"));
  titles = json_node_get_object (node);
  members = json_object_get_members (titles);
  for (GList *l = members; l != NULL; l = l->next)
    {
      guint part = GK_N_PARTS;

      for (guint k = 0; k < GK_N_PARTS; k++)
        if (g_str_equal (l->data, part_names[k]))
          part = k;
      if (part == GK_N_PARTS)
        {
          g_autofree char *message = g_strdup_printf (_("“titles” names a part “%s”; the parts are overview, tables, explanation and glossary"),
                                                      (const char *) l->data);
          return invalid (error, where, message);
        }
      if (!optional_string (titles, l->data, where, &self->part_titles[part], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_section (GkTemplate  *self,
               JsonArray   *sections,
               guint        index,
               GError     **error)
{
  g_autofree char *where = g_strdup_printf ("“%s”, outline section %u", self->id, index + 1);
  g_autofree char *numbering = NULL;
  JsonNode *node = json_array_get_element (sections, index);
  GkOutlineSection *section;
  JsonObject *object;
  JsonArray *kinds;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, where, _("a section must be an object with “id”, “title” and “paragraphs”"));
  object = json_node_get_object (node);

  section = g_new0 (GkOutlineSection, 1);
  g_ptr_array_add (self->outline, section);
  if (!optional_string (object, "id", where, &section->id, error))
    return FALSE;
  if (section->id == NULL)
    return invalid (error, where, _("the section has no “id”"));
  g_free (where);
  where = g_strdup_printf ("“%s”, outline section “%s”", self->id, section->id);
  for (guint i = 0; i + 1 < self->outline->len; i++)
    if (g_str_equal (((GkOutlineSection *) g_ptr_array_index (self->outline, i))->id, section->id))
      return invalid (error, where, _("two sections have this “id”"));

  if (!optional_string (object, "title", where, &section->title, error) ||
      !optional_string (object, "part", where, &section->part, error) ||
      !optional_string (object, "numbering", where, &numbering, error))
    return FALSE;
  if (section->title == NULL)
    return invalid (error, where, _("the section has no “title”"));
  if (numbering == NULL || g_str_equal (numbering, "chinese"))
    section->numbering = GK_NUMBERING_CHINESE;
  else if (g_str_equal (numbering, "arabic"))
    section->numbering = GK_NUMBERING_ARABIC;
  else if (g_str_equal (numbering, "none"))
    section->numbering = GK_NUMBERING_NONE;
  else
    return invalid (error, where, _("“numbering” must be chinese, arabic or none"));

  node = json_object_get_member (object, "subheadings");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return invalid (error, where, _("“subheadings” must be true or false"));
      section->no_subheadings = !json_node_get_boolean (node);
    }

  node = json_object_get_member (object, "paragraphs");
  /* An empty list names a section whose paragraphs are all hand-written. */
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, where, _("“paragraphs” must list the kinds of paragraph of the section"));
  kinds = json_node_get_array (node);
  section->kinds = g_new0 (char *, json_array_get_length (kinds) + 1);
  for (guint i = 0; i < json_array_get_length (kinds); i++)
    {
      JsonNode *kind = json_array_get_element (kinds, i);
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (kind) || json_node_get_value_type (kind) != G_TYPE_STRING)
        return invalid (error, where, _("“paragraphs” must list kinds of paragraph by name"));
      name = json_node_get_string (kind);
      if (!gk_narrative_kind_is_known (name))
        {
          g_autofree char *message = g_strdup_printf (_("there is no kind of paragraph “%s” (see resources/templates/README.md for the kinds)"),
                                                      name);
          return invalid (error, where, message);
        }
      section->kinds[i] = g_strdup (name);
    }
  return TRUE;
}

gboolean
_gk_template_parse_outline (GkTemplate  *self,
                            JsonObject  *root,
                            GError     **error)
{
  g_autofree char *where = g_strdup_printf ("“%s”, outline", self->id);
  JsonNode *node = json_object_get_member (root, "outline");
  JsonObject *outline;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, where, _("“outline” must be an object with “sections”"));
  outline = json_node_get_object (node);
  if (!parse_titles (self, outline, where, error))
    return FALSE;
  node = json_object_get_member (outline, "sections");
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return invalid (error, where, _("“sections” must list at least one section"));
  self->outline = g_ptr_array_new_with_free_func (outline_section_free);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    if (!parse_section (self, json_node_get_array (node), i, error))
      return FALSE;
  return TRUE;
}

/* The number of sections the template outlines; 0 when it leaves
 * 情况说明 to the usual ten. */
guint
gk_template_get_n_sections (GkTemplate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->outline != NULL ? self->outline->len : 0;
}

const GkOutlineSection *
gk_template_get_section (GkTemplate *self,
                         guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < gk_template_get_n_sections (self), NULL);
  return g_ptr_array_index (self->outline, index);
}

/* "关于{unit}{year}年…" with the document's unit and year. */
char *
gk_template_expand_title (const char *title,
                          const char *unit,
                          guint       year)
{
  GString *text = g_string_new (NULL);
  g_autofree char *year_text = g_strdup_printf ("%u", year);

  /* One pass: what a unit's name holds is never expanded again, and each
   * part of the title is copied once whatever its length. */
  for (const char *p = title; *p != '\0';)
    {
      if (g_str_has_prefix (p, "{unit}"))
        {
          g_string_append (text, unit != NULL ? unit : "");
          p += strlen ("{unit}");
        }
      else if (g_str_has_prefix (p, "{year}"))
        {
          g_string_append (text, year_text);
          p += strlen ("{year}");
        }
      else
        g_string_append_c (text, *p++);
    }
  return g_string_free (text, FALSE);
}

/* A part's title without its 第…部分: "2020年部门预算情况说明", or the
 * template's own ("预算编制说明"). */
char *
gk_template_dup_part_title (GkTemplate *self,
                            GkPart      part,
                            const char *unit,
                            guint       year)
{
  const char *title;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (part < GK_N_PARTS, NULL);

  title = self->part_titles[part] != NULL ? self->part_titles[part] : default_part_titles[part];
  return gk_template_expand_title (title, unit, year);
}
