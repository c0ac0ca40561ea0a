/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-narrative-item.h"

G_DEFINE_FINAL_TYPE (GkNarrativeItem, gk_narrative_item, G_TYPE_OBJECT)

static gboolean
spans_equal (const GkParagraph *a,
             const GkParagraph *b)
{
  if (a->spans->len != b->spans->len)
    return FALSE;
  for (guint i = 0; i < a->spans->len; i++)
    {
      const GkSpan *sa = g_ptr_array_index (a->spans, i);
      const GkSpan *sb = g_ptr_array_index (b->spans, i);

      if (sa->kind != sb->kind || g_strcmp0 (sa->text, sb->text) != 0 ||
          g_strcmp0 (sa->source, sb->source) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Whether a row showing @a would show @b the same way. */
static gboolean
paragraphs_equal (const GkParagraph *a,
                  const GkParagraph *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->style != b->style || a->hand_written != b->hand_written || a->off != b->off ||
      a->project != b->project)
    return FALSE;
  if (a->style == GK_PARAGRAPH_PERFORMANCE && a->project != NULL)
    return FALSE; /* the project's name is not kept: ask the row */
  /* A paragraph nothing it reads changed is kept from one composition
   * to the next. */
  return a == b || spans_equal (a, b);
}

GkNarrativeItem *
gk_narrative_item_new (GkNarrativeItemKind  kind,
                       const char          *id)
{
  GkNarrativeItem *self = g_object_new (GK_TYPE_NARRATIVE_ITEM, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  return self;
}

/* Points the item at what it now shows. Returns whether that shows
 * differently: the old paragraph must still be alive when this is called. */
gboolean
gk_narrative_item_update (GkNarrativeItem   *self,
                          const char        *text,
                          const GkParagraph *paragraph)
{
  gboolean changed = g_strcmp0 (self->text, text) != 0 || !paragraphs_equal (self->paragraph, paragraph);

  if (g_strcmp0 (self->text, text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
    }
  self->paragraph = paragraph;
  return changed;
}

static void
gk_narrative_item_finalize (GObject *object)
{
  GkNarrativeItem *self = GK_NARRATIVE_ITEM (object);

  g_free (self->id);
  g_free (self->text);

  G_OBJECT_CLASS (gk_narrative_item_parent_class)->finalize (object);
}

static void
gk_narrative_item_class_init (GkNarrativeItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gk_narrative_item_finalize;
}

static void
gk_narrative_item_init (GkNarrativeItem *self)
{
}
