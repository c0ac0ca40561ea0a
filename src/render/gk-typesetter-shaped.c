/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gk-typesetter-private.h"

/* A text the page layout had to shape to measure it (a paragraph of
 * several lines, a wrapped cell) is drawn from the glyphs found then,
 * not shaped a second time. The whole document is laid out before its
 * first page is drawn, since the 目录 shows where everything after it
 * lands; so those glyphs wait in a temporary file, read back one text at
 * a time, and the memory of an export does not grow with its length.
 *
 * A record holds a layout's lines as gk_typesetter_show_layout() would
 * turn them into cairo glyphs, in the same units, so that the numbers
 * drawn are computed from the same values in the same order and the PDF
 * is the same to the byte. Layouts that Pango draws itself (markup,
 * glyphs a font lacks) are not kept: they are shaped again. */

/* Bytes gathered before they go to the file. */
#define PENDING_SIZE (64 * 1024)
/* Shaped cells remembered by their text, in each of two generations. */
#define CELLS_SIZE 4096
/* A drawn cell's text seen once, not yet kept. */
#define SEEN_ONCE G_MAXUINT
/* The file is read back in blocks, the last few kept: most texts are
 * drawn in the order they were kept, and the few cells every project
 * repeats (a performance table's labels) are read again and again,
 * which one system call each made a tenth of a long export. */
#define BLOCK_SIZE (64 * 1024)
#define N_BLOCKS 16

typedef struct
{
  guint64 offset;
  guint32 length;
  gint32  height;      /* of the whole layout, in Pango units */
} Record;

typedef struct
{
  guint64  start;      /* G_MAXUINT64 while it holds nothing */
  gsize    length;     /* less than BLOCK_SIZE at the end of the file */
  guint64  used;       /* when last read, to find the one to reuse */
  guint8  *data;
} Block;

struct _GkShapedStore
{
  int         fd;          /* -1 once the file failed: texts are shaped again */
  guint64     written;     /* bytes in the file; the pending ones follow */
  GByteArray *pending;
  GArray     *records;     /* Record; a record's id is its index + 1 */
  GPtrArray  *fonts;       /* cairo_scaled_font_t, by index */
  GByteArray *scratch;     /* the record last read */
  guint       loaded;      /* its id */
  GString    *key;         /* cell_key()'s */
  Block       blocks[N_BLOCKS];
  guint64     clock;
  guint64     reads;       /* blocks read from the file */
  GHashTable *cells;       /* "style:alignment:width:text" → id */
  GHashTable *old_cells;
  GHashTable *drawn;       /* the same, for cells drawn unmeasured; or SEEN_ONCE */
  GHashTable *old_drawn;
};

void
_gk_shaped_store_free (GkShapedStore *store)
{
  if (store->fd >= 0)
    close (store->fd);
  g_byte_array_unref (store->pending);
  g_array_unref (store->records);
  g_ptr_array_unref (store->fonts);
  g_byte_array_unref (store->scratch);
  g_string_free (store->key, TRUE);
  for (guint i = 0; i < N_BLOCKS; i++)
    g_free (store->blocks[i].data);
  g_hash_table_unref (store->cells);
  g_hash_table_unref (store->old_cells);
  g_hash_table_unref (store->drawn);
  g_hash_table_unref (store->old_drawn);
  g_free (store);
}

static GkShapedStore *
get_store (GkTypesetter *self)
{
  GkShapedStore **slot = _gk_typesetter_get_shaped_slot (self);
  GkShapedStore *store = *slot;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (store != NULL)
    return store->fd >= 0 ? store : NULL;

  store = *slot = g_new0 (GkShapedStore, 1);
  store->pending = g_byte_array_new ();
  store->records = g_array_new (FALSE, FALSE, sizeof (Record));
  store->fonts = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_scaled_font_destroy);
  store->scratch = g_byte_array_new ();
  store->key = g_string_sized_new (128);
  for (guint i = 0; i < N_BLOCKS; i++)
    store->blocks[i].start = G_MAXUINT64;
  store->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  store->old_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  store->drawn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  store->old_drawn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  store->fd = g_file_open_tmp ("gongkai-shaped-XXXXXX", &path, &error);
  /* Nobody else needs the file: it goes when it is closed. */
  if (store->fd >= 0)
    g_unlink (path);
  return store->fd >= 0 ? store : NULL;
}

static void
put (GByteArray    *out,
     gconstpointer  data,
     gsize          size)
{
  g_byte_array_append (out, data, size);
}

#define PUT(out, value) G_STMT_START { __typeof__ (value) v_ = (value); put ((out), &v_, sizeof v_); } G_STMT_END

static guint32
font_index (GkShapedStore       *store,
            cairo_scaled_font_t *font)
{
  for (guint i = 0; i < store->fonts->len; i++)
    if (store->fonts->pdata[i] == font)
      return i;
  g_ptr_array_add (store->fonts, cairo_scaled_font_reference (font));
  return store->fonts->len - 1;
}

/* One run, as convert_run() in gk-typesetter.c turns it into glyphs:
 * FALSE for what Pango has to draw. */
static gboolean
record_run (GkShapedStore  *store,
            GByteArray     *out,
            GString        *text_out,
            PangoGlyphItem *run,
            const char     *text,
            int             left,
            double          gap,
            double         *shift,
            gunichar       *before)
{
  PangoGlyphString *glyphs = run->glyphs;
  cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
  PangoGlyphItemIter iter;
  double advance = 0;
  guint32 n_clusters = 0;
  guint n_at;

  if (font == NULL)
    return FALSE;
  PUT (out, font_index (store, font));
  PUT (out, (gint32) left);
  PUT (out, (guint32) glyphs->num_glyphs);
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];

      if ((info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 && info->glyph != PANGO_GLYPH_EMPTY)
        return FALSE;
      PUT (out, (guint32) info->glyph);
      PUT (out, advance + info->geometry.x_offset);
      PUT (out, (gint32) info->geometry.y_offset);
      advance += info->geometry.width;
    }

  n_at = out->len;
  PUT (out, n_clusters);
  g_string_truncate (text_out, 0);
  for (gboolean more = pango_glyph_item_iter_init_start (&iter, run, text);
       more;
       more = pango_glyph_item_iter_next_cluster (&iter))
    {
      gunichar c = g_utf8_get_char (text + iter.start_index);
      gsize before_len = text_out->len;

      if (iter.start_glyph > iter.end_glyph)
        return FALSE;
      if (gap > 0 && _gk_typesetter_is_stretch_point (*before, c))
        *shift += gap;
      *before = g_utf8_get_char (g_utf8_prev_char (text + iter.end_index));
      for (const char *p = text + iter.start_index; p < text + iter.end_index; p = g_utf8_next_char (p))
        if (g_utf8_get_char (p) != WORD_JOINER && g_utf8_get_char (p) != ZERO_WIDTH_SPACE)
          g_string_append_len (text_out, p, g_utf8_next_char (p) - p);
      PUT (out, *shift);
      PUT (out, (gint32) (iter.end_glyph - iter.start_glyph));
      PUT (out, (gint32) (text_out->len - before_len));
      n_clusters++;
    }
  memcpy (out->data + n_at, &n_clusters, sizeof n_clusters);
  PUT (out, (guint32) text_out->len);
  put (out, text_out->str, text_out->len);
  return TRUE;
}

/* The lines of @layout as gk_typesetter_show_layout() shows them. */
static gboolean
record_layout (GkShapedStore *store,
               GByteArray    *out,
               PangoLayout   *layout)
{
  const char *text = pango_layout_get_text (layout);
  gboolean justify = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (layout), "gk-justify"));
  g_autoptr(GString) text_out = g_string_new (NULL);
  PangoLayoutIter *iter;
  GSList *lines = NULL;
  gboolean ok = TRUE;
  int height;

  pango_layout_get_size (layout, NULL, &height);
  PUT (out, (gint32) height);
  PUT (out, (gint32) pango_layout_get_line_count (layout));

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *layout_line;
      PangoRectangle logical;
      double shift = 0, gap = 0;
      gunichar before = 0;
      guint32 n_runs = 0, size;
      guint line_at, runs_at;
      int y0;

      pango_layout_iter_get_line_yrange (iter, &y0, NULL);
      layout_line = pango_layout_iter_get_line_readonly (iter);
      lines = lines != NULL ? lines->next : pango_layout_get_lines_readonly (layout);
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

      /* The line's size in bytes comes first, so that the lines of the
       * pages before can be stepped over. */
      line_at = out->len;
      PUT (out, (guint32) 0);
      PUT (out, (gint32) y0);
      PUT (out, (gint32) pango_layout_iter_get_baseline (iter));
      runs_at = out->len;
      PUT (out, n_runs);
      do
        {
          PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);

          if (run == NULL)
            break;
          pango_layout_iter_get_run_extents (iter, NULL, &logical);
          if (!record_run (store, out, text_out, run, text, logical.x, gap, &shift, &before))
            {
              ok = FALSE;
              break;
            }
          n_runs++;
        }
      while (pango_layout_iter_next_run (iter));
      memcpy (out->data + runs_at, &n_runs, sizeof n_runs);
      size = out->len - line_at;
      memcpy (out->data + line_at, &size, sizeof size);
    }
  while (ok && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return ok;
}

static gboolean
flush_pending (GkShapedStore *store)
{
  gsize done = 0;

  while (done < store->pending->len)
    {
      gssize n = write (store->fd, store->pending->data + done, store->pending->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      done += n;
    }
  store->written += store->pending->len;
  g_byte_array_set_size (store->pending, 0);
  return TRUE;
}

/**
 * _gk_typesetter_keep_shaped:
 * @layout: a layout of @self, just measured
 *
 * Keeps the glyphs of @layout for _gk_typesetter_show_shaped().
 *
 * Returns: their id, or 0 when @layout is to be shaped again to be drawn
 */
guint
_gk_typesetter_keep_shaped (GkTypesetter *self,
                            PangoLayout  *layout)
{
  GkShapedStore *store = get_store (self);
  Record record;
  guint start;

  if (store == NULL || pango_layout_get_justify (layout) || _gk_typesetter_has_colour (layout))
    return 0;

  start = store->pending->len;
  if (!record_layout (store, store->pending, layout))
    {
      g_byte_array_set_size (store->pending, start);
      return 0;
    }
  record.offset = store->written + start;
  record.length = store->pending->len - start;
  pango_layout_get_size (layout, NULL, &record.height);
  g_array_append_val (store->records, record);
  if (store->pending->len >= PENDING_SIZE && !flush_pending (store))
    {
      /* No room on the disk: the glyphs are lost, and the texts shaped
       * again to be drawn; their heights stay. */
      close (store->fd);
      store->fd = -1;
      g_byte_array_set_size (store->pending, 0);
    }
  return store->records->len;
}

static void
append_uint (GString *key,
             guint    value)
{
  char digits[16];
  guint n = 0;

  do
    digits[n++] = '0' + value % 10;
  while ((value /= 10) > 0);
  while (n > 0)
    g_string_append_c (key, digits[--n]);
}

/* A cell's text as its style, alignment and width shape it, in the
 * store's scratch key: looked up for every cell drawn, so made without
 * printf or an allocation. */
static const char *
cell_key (GkShapedStore  *store,
          GkTextStyle     style,
          const char     *text,
          double          width,
          PangoAlignment  alignment)
{
  int hundredths = (int) (width * 100);
  GString *key = store->key;

  g_string_truncate (key, 0);
  append_uint (key, style);
  g_string_append_c (key, ':');
  append_uint (key, (guint) alignment);
  g_string_append_c (key, ':');
  if (hundredths < 0)
    g_string_append_c (key, '-');
  append_uint (key, (guint) ABS (hundredths));
  g_string_append_c (key, ':');
  g_string_append (key, text ? text : "");
  return key->str;
}

/**
 * _gk_typesetter_shape_cell:
 *
 * Shapes a table cell's text to measure it, once however many cells
 * repeat it (while it comes back often enough).
 *
 * Returns: the id of its glyphs, or 0
 */
guint
_gk_typesetter_shape_cell (GkTypesetter   *self,
                           GkTextStyle     style,
                           const char     *text,
                           double          width,
                           PangoAlignment  alignment)
{
  GkShapedStore *store = get_store (self);
  const char *key;
  gpointer id;

  if (store == NULL)
    return 0;
  key = cell_key (store, style, text, width, alignment);
  if (!_gk_typesetter_cache_lookup (&store->cells, &store->old_cells, CELLS_SIZE, key, &id))
    {
      g_autofree char *kept = g_strdup (key);

      id = GUINT_TO_POINTER (_gk_typesetter_keep_shaped (self, gk_typesetter_layout (self, style, text, width, alignment,
                                                                                      GK_TYPESET_NO_INDENT)));
      _gk_typesetter_cache_insert (&store->cells, &store->old_cells, CELLS_SIZE, g_steal_pointer (&kept), id);
    }
  return GPOINTER_TO_UINT (id);
}

/**
 * _gk_typesetter_repeated_cell:
 *
 * For a cell drawn without having been shaped to be measured (its text
 * surely fits on one line): the glyphs of its text once it comes back, so
 * that a text on every row and every page (产出指标, 万元, a heading) is
 * walked into glyphs once. A text seen once is not kept: most figures
 * are, and keeping each would only fill the file and the records.
 *
 * Returns: the id of its glyphs, or 0 to draw it from its layout
 */
guint
_gk_typesetter_repeated_cell (GkTypesetter   *self,
                              GkTextStyle     style,
                              const char     *text,
                              double          width,
                              PangoAlignment  alignment)
{
  GkShapedStore *store = get_store (self);
  gpointer id;

  if (store == NULL)
    return 0;
  if (!_gk_typesetter_cache_lookup (&store->drawn, &store->old_drawn, CELLS_SIZE,
                                    cell_key (store, style, text, width, alignment), &id))
    {
      _gk_typesetter_cache_insert (&store->drawn, &store->old_drawn, CELLS_SIZE, g_strdup (store->key->str),
                                   GUINT_TO_POINTER (SEEN_ONCE));
      return 0;
    }
  if (GPOINTER_TO_UINT (id) == SEEN_ONCE)
    {
      g_autofree char *key = g_strdup (store->key->str);

      /* The layout the first cell was drawn from, not shaped again. */
      id = GUINT_TO_POINTER (_gk_typesetter_keep_shaped (self, gk_typesetter_layout_cached (self, style, text, width,
                                                                                              alignment)));
      _gk_typesetter_cache_insert (&store->drawn, &store->old_drawn, CELLS_SIZE, g_steal_pointer (&key), id);
    }
  return GPOINTER_TO_UINT (id);
}

/* The height of the whole text, in Pango units, as pango_layout_get_size()
 * gave it. */
int
_gk_typesetter_get_shaped_height (GkTypesetter *self,
                                  guint         shaped)
{
  GkShapedStore *store = *_gk_typesetter_get_shaped_slot (self);

  g_return_val_if_fail (store != NULL && shaped > 0 && shaped <= store->records->len, 0);
  return g_array_index (store->records, Record, shaped - 1).height;
}

/* The block of the file that starts at @start, read if it is not kept;
 * NULL when it cannot be read. */
static const Block *
get_block (GkShapedStore *store,
           guint64        start)
{
  gsize length = MIN (BLOCK_SIZE, store->written - start);
  Block *block = NULL;
  gsize done = 0;

  for (guint i = 0; i < N_BLOCKS; i++)
    {
      Block *b = &store->blocks[i];

      /* A block read at the end of the file is read again once the
       * file has grown past it. */
      if (b->start == start && b->length == length)
        {
          b->used = ++store->clock;
          return b;
        }
      if (block == NULL || b->used < block->used)
        block = b;
    }

  if (block->data == NULL)
    block->data = g_malloc (BLOCK_SIZE);
  block->start = G_MAXUINT64;
  while (done < length)
    {
      gssize n = pread (store->fd, block->data + done, length - done, start + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return NULL;
      done += n;
    }
  block->start = start;
  block->length = length;
  block->used = ++store->clock;
  store->reads++;
  return block;
}

static gboolean
load (GkShapedStore *store,
      guint          shaped)
{
  Record *record;
  gsize done = 0;

  if (store->loaded == shaped)
    return TRUE;
  if (store->fd < 0 || shaped == 0 || shaped > store->records->len)
    return FALSE;
  record = &g_array_index (store->records, Record, shaped - 1);
  g_byte_array_set_size (store->scratch, record->length);
  /* The part still waiting to be written, then the part in the file. */
  while (done < record->length)
    {
      guint64 at = record->offset + done;
      gsize n;

      if (at >= store->written)
        {
          n = record->length - done;
          memcpy (store->scratch->data + done, store->pending->data + (at - store->written), n);
        }
      else
        {
          const Block *block = get_block (store, at - at % BLOCK_SIZE);

          if (block == NULL)
            return FALSE;
          n = MIN (record->length - done, block->start + block->length - at);
          memcpy (store->scratch->data + done, block->data + (at - block->start), n);
        }
      done += n;
    }
  store->loaded = shaped;
  return TRUE;
}

static const guint8 *
get (const guint8 *p,
     gpointer      value,
     gsize         size)
{
  memcpy (value, p, size);
  return p + size;
}

#define GET(p, value) ((p) = get ((p), &(value), sizeof (value)))

/**
 * _gk_typesetter_show_shaped:
 *
 * gk_typesetter_show_layout() for the layout kept as @shaped.
 *
 * Returns: FALSE, with nothing shown, when the glyphs cannot be read back
 */
gboolean
_gk_typesetter_show_shaped (GkTypesetter *self,
                            cairo_t      *cr,
                            guint         shaped,
                            double        x,
                            double        y,
                            int           first_line,
                            int           end_line)
{
  GkShapedStore *store = *_gk_typesetter_get_shaped_slot (self);
  GArray *glyphs, *clusters;
  GString *text;
  const guint8 *p;
  gint32 height, n_lines;
  double top = 0;

  if (store == NULL || !load (store, shaped))
    return FALSE;
  _gk_typesetter_begin_batch (self, cr);
  _gk_typesetter_get_scratch (self, &glyphs, &clusters, &text);

  p = store->scratch->data;
  GET (p, height);
  GET (p, n_lines);
  for (int line = 0; line < n_lines; line++)
    {
      const guint8 *next;
      guint32 size, n_runs;
      gint32 y0, base;
      double baseline;

      get (p, &size, sizeof size);
      next = p + size;
      if (line < first_line)
        {
          p = next;
          continue;
        }
      if (end_line >= 0 && line >= end_line)
        break;
      p += sizeof size;
      GET (p, y0);
      GET (p, base);
      GET (p, n_runs);
      if (line == first_line)
        top = (double) y0 / PANGO_SCALE;
      baseline = y + (double) base / PANGO_SCALE - top;

      for (guint32 r = 0; r < n_runs; r++)
        {
          guint32 font, n_glyphs, n_clusters, text_len;
          gint32 left;
          double run_x;
          guint g = 0;

          GET (p, font);
          GET (p, left);
          GET (p, n_glyphs);
          run_x = x + (double) left / PANGO_SCALE;
          g_array_set_size (glyphs, n_glyphs);
          for (guint32 i = 0; i < n_glyphs; i++)
            {
              cairo_glyph_t *glyph = &g_array_index (glyphs, cairo_glyph_t, i);
              guint32 index;
              double position;
              gint32 y_offset;

              GET (p, index);
              GET (p, position);
              GET (p, y_offset);
              glyph->index = index;
              glyph->x = run_x + position / PANGO_SCALE;
              glyph->y = baseline + (double) y_offset / PANGO_SCALE;
            }
          GET (p, n_clusters);
          g_array_set_size (clusters, n_clusters);
          for (guint32 c = 0; c < n_clusters; c++)
            {
              cairo_text_cluster_t *cluster = &g_array_index (clusters, cairo_text_cluster_t, c);
              double shift;
              gint32 n, bytes;

              GET (p, shift);
              GET (p, n);
              GET (p, bytes);
              for (gint32 k = 0; k < n; k++, g++)
                g_array_index (glyphs, cairo_glyph_t, g).x += shift;
              cluster->num_glyphs = n;
              cluster->num_bytes = bytes;
            }
          GET (p, text_len);
          g_string_truncate (text, 0);
          g_string_append_len (text, (const char *) p, text_len);
          p += text_len;
          _gk_typesetter_commit_run (self, store->fonts->pdata[font]);
        }
      p = next;
    }
  return TRUE;
}

/* The bytes of glyphs kept on disk, not in memory. */
guint64
_gk_typesetter_get_shaped_bytes (GkTypesetter *self)
{
  GkShapedStore *store;

  g_return_val_if_fail (GK_IS_TYPESETTER (self), 0);
  store = *_gk_typesetter_get_shaped_slot (self);
  return store != NULL ? store->written + store->pending->len : 0;
}

/* Shared with gk-typesetter.c -------------------------------------------- */

/* The places a justified line may widen on @line, and the last character
 * of the line in @before. */
guint
_gk_typesetter_count_stretch_points (PangoLayoutLine *line,
                                     const char      *text)
{
  gunichar before = 0;
  guint n = 0;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphItemIter iter;

      for (gboolean more = pango_glyph_item_iter_init_start (&iter, run, text);
           more;
           more = pango_glyph_item_iter_next_cluster (&iter))
        {
          gunichar c = g_utf8_get_char (text + iter.start_index);

          if (_gk_typesetter_is_stretch_point (before, c))
            n++;
          before = g_utf8_get_char (g_utf8_prev_char (text + iter.end_index));
        }
    }
  return n;
}

/* Markup (a red placeholder) is drawn by Pango; our attributes (no
 * hyphens) are not markup. */
gboolean
_gk_typesetter_has_colour (PangoLayout *layout)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  PangoAttrIterator *iter;
  gboolean colour = FALSE;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  do
    if (pango_attr_iterator_get (iter, PANGO_ATTR_FOREGROUND) != NULL ||
        pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT) != NULL ||
        pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND) != NULL)
      colour = TRUE;
  while (!colour && pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  return colour;
}

/* Blocks read back from the file so far, for the tests. */
guint64
_gk_typesetter_get_shaped_reads (GkTypesetter *self)
{
  GkShapedStore *store;

  g_return_val_if_fail (GK_IS_TYPESETTER (self), 0);
  store = *_gk_typesetter_get_shaped_slot (self);
  return store != NULL ? store->reads : 0;
}
