/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <pango/pangofc-fontmap.h>

#include "gk-font-subset.h"
#include "gk-pdf-writer.h"
#include "gk-typesetter.h"

/* gk-font-characters.c, made from the sources when building. */
extern const char _gk_font_fixed_characters[];

struct _GkFontSubset
{
  char         *directory;
  GPtrArray    *files;      /* the cut fonts in directory */
  PangoFontMap *font_map;
};

/* Figures, Latin letters and the punctuation of Chinese text, which the
 * code may print from a number or a date without holding them; anything
 * else a document prints is in its file or in the sources. */
static const gunichar always[][2] = {
  { 0x0020, 0x007e },
  { 0x00a0, 0x00bf },
  { 0x00d7, 0x00d7 },
  { 0x00f7, 0x00f7 },
  { 0x2010, 0x203a },
  { 0x2103, 0x2103 },
  { 0x2160, 0x216b },
  { 0x2212, 0x2212 },
  { 0x2460, 0x2473 },
  { 0x3000, 0x301f },
  { 0x3220, 0x3229 },
  { 0xff01, 0xff5e },
  { 0xffe0, 0xffe5 },
};

/* Cairo keeps fonts by their file's name for as long as the process runs:
 * a name is never used twice. */
static int serial;

static void
add_text (hb_set_t   *set,
          const char *text,
          gssize      length)
{
  const char *end;

  /* Bytes that are not UTF-8 print nothing of their own. */
  g_utf8_validate (text, length, &end);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    hb_set_add (set, g_utf8_get_char (p));
}

typedef struct
{
  char *file;
  int   index;
} Face;

static void
face_clear (gpointer data)
{
  g_free (((Face *) data)->file);
}

/* The file fontconfig gives for @family in @weight, as Pango asks for it. */
static gboolean
resolve (const char  *family,
         int          weight,
         Face        *face,
         GError     **error)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcResult result;
  FcChar8 *name, *file;
  gboolean found = FALSE;
  int index = 0;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  FcPatternAddInteger (pattern, FC_WEIGHT, weight);
  FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) "zh-cn");
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  FcPatternDestroy (pattern);

  for (int i = 0; match != NULL && FcPatternGetString (match, FC_FAMILY, i, &name) == FcResultMatch; i++)
    if (g_ascii_strcasecmp ((const char *) name, family) == 0)
      found = TRUE;
  /* An instance of a variable font is not a face of its own. */
  if (!found || FcPatternGetString (match, FC_FILE, 0, &file) != FcResultMatch ||
      (FcPatternGetInteger (match, FC_INDEX, 0, &index) == FcResultMatch && (index >> 16) != 0))
    {
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_FONT,
                   _("The font “%s” is not installed; install it or choose another font for the PDF"), family);
      if (match != NULL)
        FcPatternDestroy (match);
      return FALSE;
    }
  face->file = g_strdup ((const char *) file);
  face->index = index;
  FcPatternDestroy (match);
  return TRUE;
}

static hb_face_t *
load_face (const Face  *face,
           GError     **error)
{
  hb_blob_t *blob = hb_blob_create_from_file_or_fail (face->file);
  hb_face_t *hb_face;

  if (blob == NULL)
    {
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_FONT,
                   _("The font file “%s” cannot be read"), face->file);
      return NULL;
    }
  hb_face = hb_face_create (blob, face->index);
  hb_blob_destroy (blob);
  return hb_face;
}

/* The font with the glyphs of @characters only, and whatever its layout
 * tables make of them (vertical forms, proportional figures); its names
 * are the ones fontconfig matches the family and weight by. */
static hb_blob_t *
cut (hb_face_t *face,
     hb_set_t  *characters)
{
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_set_t *names, *features;
  hb_face_t *cut_face;
  hb_blob_t *blob;

  if (input == NULL)
    return NULL;
  hb_set_union (hb_subset_input_unicode_set (input), characters);
  /* Cairo 1.16 copies a subroutine whole into every font it cuts that
   * uses it: glyphs standing alone make its fonts a fraction the size. */
  hb_subset_input_set_flags (input, hb_subset_input_get_flags (input) | HB_SUBSET_FLAGS_DESUBROUTINIZE);
  names = hb_subset_input_set (input, HB_SUBSET_SETS_NAME_ID);
  for (unsigned int id = 0; id <= 6; id++)
    hb_set_add (names, id);
  hb_set_add (names, 16);
  hb_set_add (names, 17);
  /* Every feature, so that Pango shapes the cut font as the whole one. */
  features = hb_subset_input_set (input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
  hb_set_clear (features);
  hb_set_invert (features);
  /* Pango aligns the baselines of a line's fonts by their BASE tables,
   * which harfbuzz 6 cannot cut: kept whole (they name no glyph). */
  hb_set_del (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), HB_TAG ('B', 'A', 'S', 'E'));
  hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_NO_SUBSET_TABLE_TAG), HB_TAG ('B', 'A', 'S', 'E'));

  cut_face = hb_subset_or_fail (face, input);
  hb_subset_input_destroy (input);
  if (cut_face == NULL)
    return NULL;
  blob = hb_face_reference_blob (cut_face);
  hb_face_destroy (cut_face);
  if (hb_blob_get_length (blob) == 0)
    g_clear_pointer (&blob, hb_blob_destroy);
  return blob;
}

/**
 * gk_font_subset_new:
 * @families: the fontconfig families the PDF is set in, %NULL-terminated
 * @text: text holding every character of the document, in any order
 * @length: the length of @text in bytes, or -1 when nul-terminated
 *
 * Cuts the regular and bold faces of @families to the characters of @text,
 * of the sources' fixed text and of figures and punctuation, into a
 * directory of their own. A face that cannot be cut goes in whole.
 *
 * Returns: (transfer full) (nullable): the cut fonts, or %NULL when a
 *   family is not installed or the directory cannot be written
 */
GkFontSubset *
gk_font_subset_new (const char * const  *families,
                    const char          *text,
                    gssize               length,
                    GError             **error)
{
  g_autoptr(GkFontSubset) self = g_new0 (GkFontSubset, 1);
  g_autoptr(GArray) faces = g_array_new (FALSE, TRUE, sizeof (Face));
  hb_set_t *characters = hb_set_create ();
  FcConfig *config;

  g_return_val_if_fail (families != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  g_array_set_clear_func (faces, face_clear);
  self->files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (always); i++)
    hb_set_add_range (characters, always[i][0], always[i][1]);
  add_text (characters, _gk_font_fixed_characters, -1);
  if (text != NULL)
    add_text (characters, text, length);

  for (guint i = 0; families[i] != NULL; i++)
    for (guint w = 0; w < 2; w++)
      {
        Face face = { NULL, 0 };
        gboolean seen = FALSE;

        if (!resolve (families[i], w == 0 ? FC_WEIGHT_REGULAR : FC_WEIGHT_BOLD, &face, error))
          {
            hb_set_destroy (characters);
            return NULL;
          }
        for (guint j = 0; j < faces->len; j++)
          if (strcmp (g_array_index (faces, Face, j).file, face.file) == 0 &&
              g_array_index (faces, Face, j).index == face.index)
            seen = TRUE;
        if (seen)
          {
            face_clear (&face);
            continue;
          }
        g_array_append_val (faces, face);
      }

  /* A character one face lacks is cut from all: Pango would take it from
   * another font than the whole fonts' fallback, and shows it unknown
   * instead, which sends the PDF back to the whole fonts. */
  for (guint i = 0; i < faces->len; i++)
    {
      hb_face_t *hb_face = load_face (&g_array_index (faces, Face, i), error);
      hb_set_t *coverage;

      if (hb_face == NULL)
        {
          hb_set_destroy (characters);
          return NULL;
        }
      coverage = hb_set_create ();
      hb_face_collect_unicodes (hb_face, coverage);
      hb_face_destroy (hb_face);
      hb_set_intersect (characters, coverage);
      hb_set_destroy (coverage);
    }

  self->directory = g_dir_make_tmp ("gongkai-fonts-XXXXXX", error);
  if (self->directory == NULL)
    {
      hb_set_destroy (characters);
      return NULL;
    }

  for (guint i = 0; i < faces->len; i++)
    {
      const Face *face = &g_array_index (faces, Face, i);
      hb_face_t *hb_face = load_face (face, error);
      hb_blob_t *blob = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      unsigned int size;
      const char *data;

      /* One face at a time: a font file's pages leave memory with it. */
      if (hb_face == NULL)
        {
          hb_set_destroy (characters);
          return NULL;
        }
      blob = cut (hb_face, characters);
      hb_face_destroy (hb_face);
      /* The whole face then: a collection brings its other faces along,
       * which fontconfig tells apart by their names. */
      if (blob == NULL)
        {
          g_debug ("Font %s (%d) could not be cut: embedded whole", face->file, face->index);
          g_ptr_array_add (self->files, g_strdup (face->file));
          continue;
        }
      name = g_strdup_printf ("%d.otf", g_atomic_int_add (&serial, 1));
      path = g_build_filename (self->directory, name, NULL);
      data = hb_blob_get_data (blob, &size);
      if (!g_file_set_contents (path, data, size, error))
        {
          hb_blob_destroy (blob);
          hb_set_destroy (characters);
          return NULL;
        }
      hb_blob_destroy (blob);
      g_ptr_array_add (self->files, g_steal_pointer (&path));
    }
  hb_set_destroy (characters);

  /* Only the cut fonts: Pango finds nothing else to fall back on. */
  config = FcConfigCreate ();
  for (guint i = 0; i < self->files->len; i++)
    if (!FcConfigAppFontAddFile (config, self->files->pdata[i]))
      {
        FcConfigDestroy (config);
        g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_FONT,
                     _("The font file “%s” cannot be read"), (const char *) self->files->pdata[i]);
        return NULL;
      }
  self->font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (self->font_map), config);
  FcConfigDestroy (config);

  return g_steal_pointer (&self);
}

/* Returns: (transfer none): the font map holding the cut fonts alone */
PangoFontMap *
gk_font_subset_get_font_map (GkFontSubset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->font_map;
}

/* A private directory, removed with @self: the PDF made with the cut
 * fonts waits there until it is known to be whole. */
const char *
gk_font_subset_get_directory (GkFontSubset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->directory;
}

/* Whether a layout shown with the cut fonts has shown an unknown glyph. */
gboolean
gk_font_subset_saw_unknown_glyphs (GkFontSubset *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return g_object_get_data (G_OBJECT (self->font_map), GK_TYPESETTER_UNKNOWN_GLYPHS) != NULL;
}

void
gk_font_subset_free (GkFontSubset *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self == NULL)
    return;
  g_clear_object (&self->font_map);
  if (self->directory != NULL && (dir = g_dir_open (self->directory, 0, NULL)) != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (self->directory, name, NULL);

          g_unlink (path);
        }
      g_rmdir (self->directory);
    }
  g_free (self->directory);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_free (self);
}

/* Characters in pieces ------------------------------------------------------ */

struct _GkCharacterSet
{
  hb_set_t *set;
  char      partial[4];  /* a character the last piece cut */
  gsize     n_partial;
  gboolean  stopped;     /* bytes that are not UTF-8 came */
};

GkCharacterSet *
gk_character_set_new (void)
{
  GkCharacterSet *self = g_new0 (GkCharacterSet, 1);

  self->set = hb_set_create ();
  return self;
}

static gsize
sequence_length (guchar lead)
{
  if (lead >= 0xc2 && lead <= 0xdf)
    return 2;
  if (lead >= 0xe0 && lead <= 0xef)
    return 3;
  if (lead >= 0xf0 && lead <= 0xf4)
    return 4;
  return 0;
}

void
gk_character_set_add (GkCharacterSet *self,
                      const char     *text,
                      gsize           length)
{
  const char *end;
  gsize rest;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL || length == 0);

  if (self->stopped)
    return;
  /* The end of a character the last piece began. */
  if (self->n_partial > 0)
    {
      gsize need = sequence_length ((guchar) self->partial[0]);
      gsize take = MIN (need - self->n_partial, length);

      memcpy (self->partial + self->n_partial, text, take);
      self->n_partial += take;
      text += take;
      length -= take;
      if (self->n_partial < need)
        return;
      self->n_partial = 0;
      if (!g_utf8_validate (self->partial, need, NULL))
        {
          self->stopped = TRUE;
          return;
        }
      add_text (self->set, self->partial, need);
    }

  g_utf8_validate (text, length, &end);
  add_text (self->set, text, end - text);
  rest = text + length - end;
  if (rest == 0)
    return;
  /* A character cut at the end waits for the next piece. */
  if (rest < sequence_length ((guchar) end[0]))
    {
      gboolean continues = TRUE;

      for (gsize i = 1; i < rest; i++)
        continues = continues && ((guchar) end[i] & 0xc0) == 0x80;
      if (continues)
        {
          memcpy (self->partial, end, rest);
          self->n_partial = rest;
          return;
        }
    }
  self->stopped = TRUE;
}

/* Returns: (transfer full): each character once, as UTF-8 text */
GBytes *
gk_character_set_to_bytes (GkCharacterSet *self)
{
  GString *text = g_string_new (NULL);
  hb_codepoint_t c = HB_SET_VALUE_INVALID;

  g_return_val_if_fail (self != NULL, NULL);

  while (hb_set_next (self->set, &c))
    g_string_append_unichar (text, c);
  return g_string_free_to_bytes (text);
}

void
gk_character_set_free (GkCharacterSet *self)
{
  if (self == NULL)
    return;
  hb_set_destroy (self->set);
  g_free (self);
}
