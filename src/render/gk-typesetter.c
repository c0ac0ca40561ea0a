/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-typesetter-private.h"

/* Repeated cell texts (绩效目标表 headings, 产出指标 …) are shaped once;
 * each cache has two generations (_gk_typesetter_cache_insert()). */
#define CACHE_SIZE 1024
#define HEIGHTS_SIZE 8192

/* The glyphs of one font waiting to be shown. */
typedef struct
{
  cairo_scaled_font_t *font;
  GArray              *glyphs;     /* cairo_glyph_t */
  GArray              *clusters;   /* cairo_text_cluster_t */
  GString             *text;
} Batch;

struct _GkTypesetter
{
  GObject               parent_instance;

  char                 *body_family;
  char                 *heading_family;
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoLayout          *layout;
  char                 *last_text;   /* what layout holds */
  GkTextStyle           last_style;
  double                last_width;
  PangoAlignment        last_alignment;
  GkTypesetFlags        last_flags;
  PangoFontDescription *fonts[GK_N_TEXT_STYLES];
  double                line_heights[GK_N_TEXT_STYLES];
  GHashTable           *cache;
  GHashTable           *old_cache;
  GHashTable           *long_layouts;
  GHashTable           *heights;   /* "style:width:text" → height in Pango units */
  GHashTable           *old_heights;

  /* Text shown but not yet drawn, on batch_cr */
  cairo_t              *batch_cr;
  GArray               *batches;   /* Batch */
  GArray               *glyphs;    /* scratch, one run */
  GArray               *clusters;
  GString              *text;

  /* Where the last layout shown page by page stopped: the next page goes
   * on from there instead of walking the lines of the pages before it. */
  PangoLayout          *cursor_layout;
  guint                 cursor_serial;
  PangoLayoutIter      *cursor_iter;
  int                   cursor_line;
  GSList               *cursor_lines;   /* the line before cursor_line */
  gboolean              cursor_plain;
  guint64               lines_visited;

  GkShapedStore        *shaped;     /* gk-typesetter-shaped.c */
  guint64               n_shaped;   /* texts laid out */
};

G_DEFINE_FINAL_TYPE (GkTypesetter, gk_typesetter, G_TYPE_OBJECT)

static const GkTextStyleInfo styles[GK_N_TEXT_STYLES] = {
  [GK_TEXT_COVER_UNIT]       = { TRUE,  22,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_CENTER, FALSE, 0, 0,  12, 0,   FALSE },
  [GK_TEXT_COVER_TITLE]      = { TRUE,  26,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_CENTER, FALSE, 0, 0,  0,  0,   FALSE },
  [GK_TEXT_COVER_DATE]       = { FALSE, 16,   PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, FALSE, 0, 0,  0,  0,   FALSE },
  [GK_TEXT_CONTENTS_TITLE]   = { TRUE,  18,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_CENTER, FALSE, 0, 0,  18, 0,   FALSE },
  [GK_TEXT_CONTENTS_PART]    = { TRUE,  12,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_LEFT,   FALSE, 0, 8,  2,  0,   TRUE  },
  [GK_TEXT_CONTENTS_ENTRY]   = { FALSE, 10.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,   FALSE, -2, 0, 1,  0,   FALSE },
  [GK_TEXT_PART]             = { TRUE,  18,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_CENTER, FALSE, 0, 6,  16, 0,   TRUE  },
  [GK_TEXT_HEADING]          = { TRUE,  14,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_LEFT,   FALSE, -2, 12, 6, 0,   TRUE  },
  [GK_TEXT_SUBHEADING]       = { TRUE,  12,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_LEFT,   FALSE, 2, 6,  3,  0,   TRUE  },
  [GK_TEXT_BODY]             = { FALSE, 12,   PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,   TRUE,  2, 0,  4,  1.1, FALSE },
  [GK_TEXT_LIST_ITEM]        = { FALSE, 12,   PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,   TRUE,  2, 0,  3,  1.1, FALSE },
  [GK_TEXT_TABLE_LABEL]      = { TRUE,  12,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_LEFT,   FALSE, 0, 0,  2,  0,   TRUE  },
  [GK_TEXT_TABLE_TITLE]      = { TRUE,  16,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_CENTER, FALSE, 0, 0,  8,  0,   TRUE  },
  [GK_TEXT_TABLE_META]       = { TRUE,  10,   PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,   FALSE, 0, 0,  4,  0,   TRUE  },
  [GK_TEXT_TABLE_CONTINUED]  = { TRUE,  10,   PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,   FALSE, 0, 0,  4,  0,   TRUE  },
  [GK_TEXT_TABLE_CELL]       = { TRUE,  9,    PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,   FALSE, 0, 0,  0,  0,   FALSE },
  [GK_TEXT_TABLE_HEADER]     = { TRUE,  9,    PANGO_WEIGHT_BOLD,   PANGO_ALIGN_CENTER, FALSE, 0, 0,  0,  0,   FALSE },
  [GK_TEXT_TABLE_TOTAL]      = { TRUE,  9,    PANGO_WEIGHT_BOLD,   PANGO_ALIGN_LEFT,   FALSE, 0, 0,  0,  0,   FALSE },
  [GK_TEXT_NOTE]             = { TRUE,  9,    PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,   FALSE, 0, 6,  6,  0,   FALSE },
  [GK_TEXT_CAPTION]          = { TRUE,  12,   PANGO_WEIGHT_BOLD,   PANGO_ALIGN_CENTER, FALSE, 0, 10, 6,  0,   TRUE  },
  [GK_TEXT_SIGNATURE]        = { FALSE, 14,   PANGO_WEIGHT_NORMAL, PANGO_ALIGN_RIGHT,  FALSE, 0, 0,  4,  0,   FALSE },
  [GK_TEXT_FOOTER]           = { FALSE, 10.5, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, FALSE, 0, 0,  0,  0,   FALSE },
};

static void
batch_clear (gpointer data)
{
  Batch *batch = data;

  cairo_scaled_font_destroy (batch->font);
  g_array_unref (batch->glyphs);
  g_array_unref (batch->clusters);
  g_string_free (batch->text, TRUE);
}

static void
cursor_clear (GkTypesetter *self)
{
  g_clear_pointer (&self->cursor_iter, pango_layout_iter_free);
  g_clear_object (&self->cursor_layout);
  self->cursor_lines = NULL;
}

static void
gk_typesetter_finalize (GObject *object)
{
  GkTypesetter *self = GK_TYPESETTER (object);

  if (self->batch_cr != NULL)
    gk_typesetter_flush (self);
  cursor_clear (self);
  g_clear_pointer (&self->shaped, _gk_shaped_store_free);
  g_array_unref (self->batches);
  g_array_unref (self->glyphs);
  g_array_unref (self->clusters);
  g_string_free (self->text, TRUE);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->old_cache, g_hash_table_unref);
  g_clear_pointer (&self->long_layouts, g_hash_table_unref);
  g_clear_pointer (&self->heights, g_hash_table_unref);
  g_clear_pointer (&self->old_heights, g_hash_table_unref);
  g_clear_object (&self->layout);
  g_free (self->last_text);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  for (guint i = 0; i < GK_N_TEXT_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_free (self->body_family);
  g_free (self->heading_family);

  G_OBJECT_CLASS (gk_typesetter_parent_class)->finalize (object);
}

static void
gk_typesetter_class_init (GkTypesetterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_typesetter_finalize;
}

static void
gk_typesetter_init (GkTypesetter *self)
{
  self->batches = g_array_new (FALSE, TRUE, sizeof (Batch));
  g_array_set_clear_func (self->batches, batch_clear);
  self->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  self->text = g_string_new (NULL);
}

/**
 * gk_typesetter_new_for_font_map:
 * @body_family: (nullable): the fontconfig family of running text
 * @heading_family: (nullable): the family of headings and tables
 * @font_map: (nullable): a PangoCairo font map, %NULL for one of its own,
 *   so that its fonts do not depend on the thread's default one
 *
 * Returns: (transfer full): a typesetter
 */
GkTypesetter *
gk_typesetter_new_for_font_map (const char   *body_family,
                                const char   *heading_family,
                                PangoFontMap *font_map)
{
  GkTypesetter *self = g_object_new (GK_TYPE_TYPESETTER, NULL);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->body_family = g_strdup (body_family ? body_family : GK_DEFAULT_BODY_FONT);
  self->heading_family = g_strdup (heading_family ? heading_family : GK_DEFAULT_HEADING_FONT);

  self->font_map = font_map != NULL ? g_object_ref (font_map) : pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  pango_cairo_context_set_resolution (self->context, 72);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Simplified Chinese punctuation forms, whatever the session's locale. */
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
  cairo_font_options_destroy (options);

  for (guint i = 0; i < GK_N_TEXT_STYLES; i++)
    {
      PangoFontDescription *font = pango_font_description_new ();

      pango_font_description_set_family (font, styles[i].heading_font ? self->heading_family : self->body_family);
      pango_font_description_set_size (font, (int) (styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (font, styles[i].weight);
      self->fonts[i] = font;
    }

  self->layout = pango_layout_new (self->context);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->old_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->long_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->old_heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < GK_N_TEXT_STYLES; i++)
    self->line_heights[i] = gk_typesetter_text_height (self, i, "汉", -1);

  return self;
}

const GkTextStyleInfo *
gk_typesetter_get_style_info (GkTextStyle style)
{
  g_return_val_if_fail (style < GK_N_TEXT_STYLES, NULL);
  return &styles[style];
}

const char *
gk_typesetter_get_body_family (GkTypesetter *self)
{
  g_return_val_if_fail (GK_IS_TYPESETTER (self), NULL);
  return self->body_family;
}

const char *
gk_typesetter_get_heading_family (GkTypesetter *self)
{
  g_return_val_if_fail (GK_IS_TYPESETTER (self), NULL);
  return self->heading_family;
}

PangoContext *
gk_typesetter_get_context (GkTypesetter *self)
{
  g_return_val_if_fail (GK_IS_TYPESETTER (self), NULL);
  return self->context;
}

#define ITEM_CHARACTERS 200
/* Bytes of a text whose layout is kept for all the pages it runs over. */
#define LONG_TEXT 4096

/* Whether the last line of @layout holds a single character, punctuation
 * aside: "明" or "表：". */
static gboolean
ends_with_one_character (PangoLayout *layout)
{
  PangoLayoutLine *line;
  const char *text, *end;
  guint n = 0;

  if (pango_layout_get_line_count (layout) < 2)
    return FALSE;
  line = pango_layout_get_line_readonly (layout, pango_layout_get_line_count (layout) - 1);
  text = pango_layout_get_text (layout) + line->start_index;
  end = text + line->length;
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_ispunct (g_utf8_get_char (p)))
      n++;
  return n == 1;
}

static void
set_attributes (PangoLayout   *layout,
                PangoAttrList *base,
                const char    *text)
{
  PangoAttrList *list = base ? pango_attr_list_copy (base) : pango_attr_list_new ();

  /* Pango reshapes the rest of an item for every line it breaks off
   * it: a text of thousands of characters is cut into items of a few
   * hundred (a no-op attribute on each), so that the cost stays linear. */
  if (strlen (text) > 4 * ITEM_CHARACTERS)
    {
      const char *start = text;

      while (*start != '\0')
        {
          const char *end = start;
          PangoAttribute *attr;

          for (guint i = 0; i < ITEM_CHARACTERS && *end != '\0'; i++)
            end = g_utf8_next_char (end);
          attr = pango_attr_fallback_new (TRUE);
          attr->start_index = start - text;
          attr->end_index = end - text;
          pango_attr_list_insert (list, attr);
          start = end;
        }
    }

  /* Chinese text is never hyphenated, and hyphenation is what makes a
   * long unbroken name cost quadratic time to break. */
  pango_attr_list_insert (list, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, list);
  pango_attr_list_unref (list);
}

static void
setup_layout (GkTypesetter   *self,
              PangoLayout    *layout,
              GkTextStyle     style,
              const char     *text,
              double          width,
              PangoAlignment  alignment,
              GkTypesetFlags  flags)
{
  const GkTextStyleInfo *info = &styles[style];
  g_autofree char *joined = NULL;
  g_autofree char *words = NULL;

  self->n_shaped++;
  if (text == NULL)
    text = "";
  if (style == GK_TEXT_TABLE_HEADER && (words = _gk_typesetter_join_heading_words (text, NULL)) != NULL)
    text = words;

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, (int) alignment < 0 ? info->alignment : alignment);
  pango_layout_set_indent (layout, (flags & GK_TYPESET_NO_INDENT) != 0 ? 0
                                   : (int) (info->first_indent * info->size * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, info->line_spacing);
  if (_gk_typesetter_needs_join (text))
    joined = _gk_typesetter_join_text (text, FALSE);
  if ((flags & GK_TYPESET_MARKUP) != 0)
    {
      /* Pango spreads the characters of its own justified lines, figures
       * included; markup is rare (a red placeholder) and keeps that. */
      pango_layout_set_justify (layout, info->justify);
      g_object_set_data (G_OBJECT (layout), "gk-justify", NULL);
      pango_layout_set_markup (layout, joined ? joined : text, -1);
      set_attributes (layout, pango_layout_get_attributes (layout), pango_layout_get_text (layout));
      return;
    }

  /* Justified when drawn: see gk_typesetter_show_layout(). */
  pango_layout_set_justify (layout, FALSE);
  g_object_set_data (G_OBJECT (layout), "gk-justify", GINT_TO_POINTER (info->justify && width > 0));
  pango_layout_set_text (layout, joined ? joined : text, -1);
  set_attributes (layout, NULL, pango_layout_get_text (layout));

  /* A last line of one character ("…说" / "明") takes the one before it
   * along. */
  if (width > 0 && ends_with_one_character (layout))
    {
      g_autofree char *rejoined = _gk_typesetter_join_text (joined ? joined : text, TRUE);

      pango_layout_set_text (layout, rejoined, -1);
      set_attributes (layout, NULL, rejoined);
    }
}

/**
 * gk_typesetter_layout:
 * @width: the wrapping width in points, or -1 for one line
 * @alignment: the alignment, or -1 for the style's
 *
 * Returns: (transfer none): a layout that is only valid until the next
 *   call on @self
 */
PangoLayout *
gk_typesetter_layout (GkTypesetter   *self,
                      GkTextStyle     style,
                      const char     *text,
                      double          width,
                      PangoAlignment  alignment,
                      GkTypesetFlags  flags)
{
  g_return_val_if_fail (GK_IS_TYPESETTER (self), NULL);
  g_return_val_if_fail (style < GK_N_TEXT_STYLES, NULL);

  /* A paragraph that runs over pages is drawn a page at a time: it is
   * laid out once, not once a page. */
  if (self->last_text != NULL && self->last_style == style && self->last_width == width &&
      self->last_alignment == alignment && self->last_flags == flags &&
      g_strcmp0 (self->last_text, text ? text : "") == 0)
    return self->layout;

  /* Long texts (a name of thousands of characters) keep their own
   * layouts, since other text is drawn between their pages. */
  if (text != NULL && strlen (text) > LONG_TEXT)
    {
      g_autofree char *key = g_strdup_printf ("%u:%d:%d:%u:%s", style, (int) alignment,
                                              (int) (width * 100), flags, text);
      PangoLayout *layout = g_hash_table_lookup (self->long_layouts, key);

      if (layout == NULL)
        {
          if (g_hash_table_size (self->long_layouts) >= 16)
            g_hash_table_remove_all (self->long_layouts);
          layout = pango_layout_new (self->context);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          setup_layout (self, layout, style, text, width, alignment, flags);
          g_hash_table_insert (self->long_layouts, g_steal_pointer (&key), layout);
        }
      return layout;
    }

  setup_layout (self, self->layout, style, text, width, alignment, flags);
  g_free (self->last_text);
  self->last_text = g_strdup (text ? text : "");
  self->last_style = style;
  self->last_width = width;
  self->last_alignment = alignment;
  self->last_flags = flags;
  return self->layout;
}

/**
 * gk_typesetter_keep_layout:
 * @layout: a layout gk_typesetter_layout() returned
 *
 * Long texts have layouts of their own, which later calls leave alone: a
 * caller that keeps one draws it page by page without shaping it again
 * or finding it again by its text.
 *
 * Returns: (transfer full) (nullable): a reference to @layout, or %NULL
 *   when @layout is the one the next call will change
 */
PangoLayout *
gk_typesetter_keep_layout (GkTypesetter *self,
                           PangoLayout  *layout)
{
  g_return_val_if_fail (GK_IS_TYPESETTER (self), NULL);
  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);

  return layout == self->layout ? NULL : g_object_ref (layout);
}

/**
 * gk_typesetter_layout_cached:
 *
 * A layout kept for texts that come back again and again, such as table
 * headings: shaping is the bulk of the cost of a page.
 *
 * Returns: (transfer none): a layout valid until the next call on @self
 */
PangoLayout *
gk_typesetter_layout_cached (GkTypesetter   *self,
                             GkTextStyle     style,
                             const char     *text,
                             double          width,
                             PangoAlignment  alignment)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  g_return_val_if_fail (GK_IS_TYPESETTER (self), NULL);
  g_return_val_if_fail (style < GK_N_TEXT_STYLES, NULL);

  key = g_strdup_printf ("%u:%d:%d:%s", style, (int) alignment, (int) (width * 100), text ? text : "");
  if (_gk_typesetter_cache_lookup (&self->cache, &self->old_cache, CACHE_SIZE, key, (gpointer *) &layout))
    return layout;

  layout = pango_layout_new (self->context);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  setup_layout (self, layout, style, text, width, alignment, GK_TYPESET_DEFAULT);
  _gk_typesetter_cache_insert (&self->cache, &self->old_cache, CACHE_SIZE, g_steal_pointer (&key), layout);
  return layout;
}

/* The width of @text on one line, in points. */
double
gk_typesetter_text_width (GkTypesetter *self,
                          GkTextStyle   style,
                          const char   *text)
{
  PangoLayout *layout;
  int width;

  g_return_val_if_fail (GK_IS_TYPESETTER (self), 0);

  layout = gk_typesetter_layout (self, style, text, -1, -1, GK_TYPESET_NO_INDENT);
  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

double
gk_typesetter_text_height (GkTypesetter *self,
                           GkTextStyle   style,
                           const char   *text,
                           double        width)
{
  g_autofree char *key = NULL;
  gpointer cached;
  PangoLayout *layout;
  int height;

  g_return_val_if_fail (GK_IS_TYPESETTER (self), 0);

  /* A long table repeats its wrapped names (the 科目 of every project of
   * a 项): they are shaped once. */
  key = g_strdup_printf ("%u:%d:%s", style, (int) (width * 100), text ? text : "");
  if (_gk_typesetter_cache_lookup (&self->heights, &self->old_heights, HEIGHTS_SIZE, key, &cached))
    return (double) GPOINTER_TO_INT (cached) / PANGO_SCALE;

  layout = gk_typesetter_layout (self, style, text, width, -1, GK_TYPESET_NO_INDENT);
  pango_layout_get_size (layout, NULL, &height);
  _gk_typesetter_cache_insert (&self->heights, &self->old_heights, HEIGHTS_SIZE, g_steal_pointer (&key),
                GINT_TO_POINTER (height));
  return (double) height / PANGO_SCALE;
}

double
gk_typesetter_line_height (GkTypesetter *self,
                           GkTextStyle   style)
{
  g_return_val_if_fail (GK_IS_TYPESETTER (self), 0);
  g_return_val_if_fail (style < GK_N_TEXT_STYLES, 0);
  return self->line_heights[style];
}

/* Whether @text surely fits on one line of @width, decided without
 * shaping it: no glyph of these fonts is wider than an em, so a count of
 * characters is an upper bound. Most table cells and many short
 * paragraphs are decided here; FALSE means "measure it". */
gboolean
gk_typesetter_fits_one_line (GkTypesetter *self,
                             GkTextStyle   style,
                             const char   *text,
                             double        width)
{
  glong n;

  g_return_val_if_fail (GK_IS_TYPESETTER (self), FALSE);

  if (text == NULL || text[0] == '\0')
    return TRUE;
  if (strchr (text, '\n') != NULL)
    return FALSE;
  n = g_utf8_strlen (text, -1);
  return n * styles[style].size <= width;
}

/* Drawing ------------------------------------------------------------------ */

static Batch *
batch_for (GkTypesetter        *self,
           cairo_scaled_font_t *font)
{
  Batch batch;

  for (guint i = 0; i < self->batches->len; i++)
    if (g_array_index (self->batches, Batch, i).font == font)
      return &g_array_index (self->batches, Batch, i);

  batch.font = cairo_scaled_font_reference (font);
  batch.glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  batch.clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  batch.text = g_string_new (NULL);
  g_array_append_val (self->batches, batch);
  return &g_array_index (self->batches, Batch, self->batches->len - 1);
}

/* Converts one run to cairo glyphs and clusters in the scratch arrays;
 * FALSE when it has a glyph the font lacks, which Pango draws as a box.
 * @gap widens each stretch point of a justified line, @shift and
 * @before carrying the widening and the last character from run to run. */
static gboolean
convert_run (GkTypesetter   *self,
             PangoGlyphItem *run,
             const char     *text,
             double          x,
             double          baseline,
             double          gap,
             double         *shift,
             gunichar       *before)
{
  PangoGlyphString *glyphs = run->glyphs;
  PangoGlyphItemIter iter;
  double advance = 0;

  g_array_set_size (self->glyphs, 0);
  g_array_set_size (self->clusters, 0);
  g_string_truncate (self->text, 0);

  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];
      cairo_glyph_t glyph;

      if ((info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 && info->glyph != PANGO_GLYPH_EMPTY)
        return FALSE;
      glyph.index = info->glyph;
      glyph.x = x + (advance + info->geometry.x_offset) / PANGO_SCALE;
      glyph.y = baseline + (double) info->geometry.y_offset / PANGO_SCALE;
      g_array_append_val (self->glyphs, glyph);
      advance += info->geometry.width;
    }

  /* Clusters tie the glyphs to their text, for copying and searching. */
  for (gboolean more = pango_glyph_item_iter_init_start (&iter, run, text);
       more;
       more = pango_glyph_item_iter_next_cluster (&iter))
    {
      cairo_text_cluster_t cluster;
      gunichar c = g_utf8_get_char (text + iter.start_index);
      gsize before_len = self->text->len;

      if (iter.start_glyph > iter.end_glyph)
        return FALSE;   /* right to left: not in a Chinese disclosure */
      if (gap > 0 && _gk_typesetter_is_stretch_point (*before, c))
        *shift += gap;
      for (int g = iter.start_glyph; g < iter.end_glyph; g++)
        g_array_index (self->glyphs, cairo_glyph_t, g).x += *shift;
      *before = g_utf8_get_char (g_utf8_prev_char (text + iter.end_index));

      /* The word joiners that hold lines together are no part of the
       * text a reader copies. */
      for (const char *p = text + iter.start_index; p < text + iter.end_index; p = g_utf8_next_char (p))
        if (g_utf8_get_char (p) != WORD_JOINER && g_utf8_get_char (p) != ZERO_WIDTH_SPACE)
          g_string_append_len (self->text, p, g_utf8_next_char (p) - p);
      cluster.num_bytes = self->text->len - before_len;
      cluster.num_glyphs = iter.end_glyph - iter.start_glyph;
      g_array_append_val (self->clusters, cluster);
    }
  return TRUE;
}

/* Moves the scratch run into the batch of its font, dropping empty glyphs
 * (a cluster may keep its text without a glyph). */
void
_gk_typesetter_commit_run (GkTypesetter        *self,
            cairo_scaled_font_t *font)
{
  Batch *batch = batch_for (self, font);
  guint g = 0;

  for (guint c = 0; c < self->clusters->len; c++)
    {
      cairo_text_cluster_t cluster = g_array_index (self->clusters, cairo_text_cluster_t, c);
      int kept = 0;

      for (int k = 0; k < cluster.num_glyphs; k++, g++)
        {
          cairo_glyph_t *glyph = &g_array_index (self->glyphs, cairo_glyph_t, g);

          if (glyph->index == PANGO_GLYPH_EMPTY)
            continue;
          g_array_append_val (batch->glyphs, *glyph);
          kept++;
        }
      cluster.num_glyphs = kept;
      if (cluster.num_glyphs == 0 && cluster.num_bytes == 0)
        continue;
      g_array_append_val (batch->clusters, cluster);
    }
  g_string_append_len (batch->text, self->text->str, self->text->len);
}

/* Text for another cairo_t draws what is gathered for the last one. */
void
_gk_typesetter_begin_batch (GkTypesetter *self,
                            cairo_t      *cr)
{
  if (self->batch_cr != cr)
    {
      gk_typesetter_flush (self);
      self->batch_cr = cairo_reference (cr);
    }
}

/**
 * gk_typesetter_show_layout:
 * @x: where the layout's top left corner goes
 * @first_line: the first line to show
 * @end_line: the line after the last one to show, or -1 for all; the
 *   first line shown goes at @y
 *
 * Shows a layout on @cr. Plain black text is not drawn at once but
 * gathered, a font's glyphs of a whole page drawn together by
 * gk_typesetter_flush(): a PDF of thousands of table cells is then a
 * few text operations a page rather than a few per cell.
 */
void
gk_typesetter_show_layout (GkTypesetter *self,
                           cairo_t      *cr,
                           PangoLayout  *layout,
                           double        x,
                           double        y,
                           int           first_line,
                           int           end_line)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter;
  GSList *lines = NULL;
  double top = 0;
  int line = 0;
  gboolean plain, justify, stopped = FALSE;

  g_return_if_fail (GK_IS_TYPESETTER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  if (pango_layout_get_unknown_glyphs_count (layout) > 0)
    g_object_set_data (G_OBJECT (self->font_map), GK_TYPESETTER_UNKNOWN_GLYPHS, GINT_TO_POINTER (TRUE));
  _gk_typesetter_begin_batch (self, cr);

  /* Markup (colours, a bold term) is rare: Pango draws it. */
  justify = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (layout), "gk-justify"));
  /* The pages of a long paragraph are shown in order: each goes on from
   * where the one before stopped, so that a paragraph costs time in
   * proportion to its lines, not to their square. */
  if (self->cursor_layout == layout && self->cursor_serial == pango_layout_get_serial (layout) &&
      self->cursor_line <= first_line)
    {
      iter = g_steal_pointer (&self->cursor_iter);
      line = self->cursor_line;
      lines = self->cursor_lines;
      plain = self->cursor_plain;
      cursor_clear (self);
    }
  else
    {
      iter = pango_layout_get_iter (layout);
      plain = !pango_layout_get_justify (layout) && !_gk_typesetter_has_colour (layout);
    }
  do
    {
      PangoLayoutLine *layout_line;
      PangoRectangle logical;
      double baseline, shift, gap;
      gunichar before;
      int y0;

      self->lines_visited++;
      if (line < first_line)
        {
          lines = lines != NULL ? lines->next : pango_layout_get_lines_readonly (layout);
          continue;
        }
      if (end_line >= 0 && line >= end_line)
        {
          self->lines_visited--;
          stopped = TRUE;
          break;
        }

      pango_layout_iter_get_line_yrange (iter, &y0, NULL);
      if (line == first_line)
        top = (double) y0 / PANGO_SCALE;
      baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
      layout_line = pango_layout_iter_get_line_readonly (iter);
      lines = lines != NULL ? lines->next : pango_layout_get_lines_readonly (layout);
      shift = 0;
      before = 0;
      gap = 0;
      /* Justified here rather than by Pango, which would spread the
       * characters of a figure or a Latin word too. The last line of a
       * paragraph stays ragged. */
      if (justify && lines->next != NULL &&
          !((PangoLayoutLine *) lines->next->data)->is_paragraph_start)
        {
          guint points = _gk_typesetter_count_stretch_points (layout_line, text);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (points > 0)
            {
              double extra = (double) (pango_layout_get_width (layout) - logical.x - logical.width) / PANGO_SCALE;

              if (extra > 0)
                gap = extra / points;
            }
        }

      if (!plain)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE, baseline);
          pango_cairo_show_layout_line (cr, layout_line);
          continue;
        }

      /* Each run of the line, from its own left edge. */
      do
        {
          PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
          cairo_scaled_font_t *font;

          if (run == NULL)
            break;   /* the end of the line */
          pango_layout_iter_get_run_extents (iter, NULL, &logical);
          font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
          if (font != NULL && convert_run (self, run, text, x + (double) logical.x / PANGO_SCALE, baseline,
                                           gap, &shift, &before))
            _gk_typesetter_commit_run (self, font);
          else
            {
              cairo_move_to (cr, x + shift + (double) logical.x / PANGO_SCALE, baseline);
              pango_cairo_show_glyph_item (cr, text, run);
            }
        }
      while (pango_layout_iter_next_run (iter));
    }
  while ((++line, pango_layout_iter_next_line (iter)));

  /* Text drawn between two pages (a page number) leaves the cursor be. */
  if (stopped)
    {
      cursor_clear (self);
      self->cursor_layout = g_object_ref (layout);
      self->cursor_serial = pango_layout_get_serial (layout);
      self->cursor_iter = iter;
      self->cursor_line = line;
      self->cursor_lines = lines;
      self->cursor_plain = plain;
    }
  else
    pango_layout_iter_free (iter);
}

/* The lines gk_typesetter_show_layout() has stepped through, shown or
 * passed over: a measure of its work that tests can compare. */
guint64
gk_typesetter_get_lines_visited (GkTypesetter *self)
{
  g_return_val_if_fail (GK_IS_TYPESETTER (self), 0);
  return self->lines_visited;
}

/* Draws the text gathered by gk_typesetter_show_layout(), in black. */
void
gk_typesetter_flush (GkTypesetter *self)
{
  cairo_t *cr;

  g_return_if_fail (GK_IS_TYPESETTER (self));

  cr = g_steal_pointer (&self->batch_cr);
  if (cr == NULL)
    return;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < self->batches->len; i++)
    {
      Batch *batch = &g_array_index (self->batches, Batch, i);

      if (batch->glyphs->len == 0 && batch->clusters->len == 0)
        continue;
      cairo_set_scaled_font (cr, batch->font);
      cairo_show_text_glyphs (cr, batch->text->str, batch->text->len,
                              (cairo_glyph_t *) (gpointer) batch->glyphs->data, batch->glyphs->len,
                              (cairo_text_cluster_t *) (gpointer) batch->clusters->data, batch->clusters->len,
                              0);
    }
  cairo_restore (cr);
  g_array_set_size (self->batches, 0);
  cairo_destroy (cr);
}

/* What gk-typesetter-shaped.c needs of the typesetter. */
GkShapedStore **
_gk_typesetter_get_shaped_slot (GkTypesetter *self)
{
  return &self->shaped;
}

/* The arrays _gk_typesetter_commit_run() takes one run from. */
void
_gk_typesetter_get_scratch (GkTypesetter  *self,
                            GArray       **glyphs,
                            GArray       **clusters,
                            GString      **text)
{
  *glyphs = self->glyphs;
  *clusters = self->clusters;
  *text = self->text;
}

/* How many times @self has laid a text out: tests count the shaping. */
guint64
_gk_typesetter_get_n_shaped (GkTypesetter *self)
{
  g_return_val_if_fail (GK_IS_TYPESETTER (self), 0);
  return self->n_shaped;
}
