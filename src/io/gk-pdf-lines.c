/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "gk-pdf-import.h"
#include "gk-pdf-import-private.h"

/* A PDF has no cells, only glyphs placed on the page. Glyphs next to each
 * other make a word; a gap wider than a space, or a jump, ends it (a table's
 * columns are gaps, whatever order the producer wrote the text in). Words
 * whose middles are level make a line. Ruling lines are not read: poppler
 * gives no paths, and the gaps between columns of figures are enough. */

/* A gap of more than this many glyph heights ends a word: headings of
 * narrow columns stand closer than a CJK glyph's width. A code and its
 * name ("201 一般公共服务支出") become two words, in one column or two. */
#define WORD_GAP 0.25
/* After a figure's last decimal, a gap of this many glyph heights is
 * already the next cell's. */
#define FIGURE_GAP 0.08

typedef struct
{
  GString *text;
  GArray  *xs;
  double   x1, y1, x2, y2;
  gboolean open;
} Builder;

static void
word_free (gpointer data)
{
  GkPdfWord *word = data;

  g_free (word->text);
  g_clear_pointer (&word->xs, g_array_unref);
  g_free (word);
}

static void
line_free (gpointer data)
{
  GkPdfLine *line = data;

  g_ptr_array_unref (line->words);
  g_free (line);
}

static void
page_free (gpointer data)
{
  GkPdfPage *page = data;

  g_ptr_array_unref (page->lines);
  g_free (page);
}

static void
finish_word (Builder   *b,
             GPtrArray *words)
{
  GkPdfWord *word;

  if (!b->open)
    return;
  word = g_new0 (GkPdfWord, 1);
  word->text = g_string_free (g_steal_pointer (&b->text), FALSE);
  word->xs = g_steal_pointer (&b->xs);
  word->x1 = b->x1;
  word->y1 = b->y1;
  word->x2 = b->x2;
  word->y2 = b->y2;
  g_ptr_array_add (words, word);
  b->open = FALSE;
}

/* Whether the word so far ends as a figure does: two decimals. */
static gboolean
ends_figure (GString *text)
{
  const char *t = text->str;
  gsize n = text->len;

  return n >= 4 && g_ascii_isdigit (t[n - 1]) && g_ascii_isdigit (t[n - 2]) &&
         t[n - 3] == '.' && g_ascii_isdigit (t[n - 4]);
}

static gboolean
continues_word (Builder                *b,
                const PopplerRectangle *r,
                gunichar                ch)
{
  double h = MAX (b->y2 - b->y1, r->y2 - r->y1);
  double middle = (r->y1 + r->y2) / 2;

  if (!b->open || middle <= b->y1 || middle >= b->y2 || r->x1 <= b->x1 - 0.1 * h)
    return FALSE;
  /* A figure's glyphs touch; a cell printed right against it (a code,
   * a name: "355.08201 一般公共服务支出") stands a sliver apart. */
  if (ends_figure (b->text) && ch != '%' && r->x1 - b->x2 > FIGURE_GAP * h)
    return FALSE;
  return r->x1 - b->x2 < WORD_GAP * h;
}

/* Which way the text runs on the page as poppler lays it out, in quarter
 * turns clockwise: a page turned by /Rotate (or drawn turned) reads top to
 * bottom or right to left. The glyphs that follow each other tell. */
static guint
text_turns (const char             *text,
            const PopplerRectangle *rects,
            guint                   n_rects)
{
  guint votes[4] = { 0 };
  guint best = 0;
  const char *p = text;

  for (guint i = 0; *p != '\0' && i + 1 < n_rects; i++)
    {
      const char *next = g_utf8_next_char (p);
      gunichar a = g_utf8_get_char (p), b = g_utf8_get_char (next);
      double dx, dy;

      p = next;
      if (g_unichar_isspace (a) || g_unichar_isspace (b) || b == '\0')
        continue;
      dx = (rects[i + 1].x1 + rects[i + 1].x2 - rects[i].x1 - rects[i].x2) / 2;
      dy = (rects[i + 1].y1 + rects[i + 1].y2 - rects[i].y1 - rects[i].y2) / 2;
      if (fabs (dx) > fabs (dy))
        votes[dx > 0 ? 0 : 2]++;
      else if (fabs (dy) > fabs (dx))
        votes[dy > 0 ? 1 : 3]++;
    }
  for (guint t = 1; t < 4; t++)
    if (votes[t] > votes[best])
      best = t;
  return best;
}

/* A glyph's box on the page turned back upright; `width` and `height`
 * are the page's as poppler shows it. */
static void
turn_upright (PopplerRectangle *r,
              guint             turns,
              double            width,
              double            height)
{
  PopplerRectangle o = { MIN (r->x1, r->x2), MIN (r->y1, r->y2), MAX (r->x1, r->x2), MAX (r->y1, r->y2) };

  switch (turns)
    {
    case 1:
      *r = (PopplerRectangle) { o.y1, width - o.x2, o.y2, width - o.x1 };
      break;
    case 2:
      *r = (PopplerRectangle) { width - o.x2, height - o.y2, width - o.x1, height - o.y1 };
      break;
    case 3:
      *r = (PopplerRectangle) { height - o.y2, o.x1, height - o.y1, o.x2 };
      break;
    default:
      *r = o;
      break;
    }
}

static GPtrArray *
page_words (PopplerPage *page,
            guint64     *n_glyphs,
            double      *width,
            double      *height)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  Builder b = { 0 };
  const char *p;
  guint i;
  gboolean spaced = FALSE;

  guint turns;

  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return words;
  turns = text_turns (text, rects, n_rects);
  for (i = 0; i < n_rects; i++)
    turn_upright (&rects[i], turns, *width, *height);
  if (turns % 2 == 1)
    {
      double w = *width;
      *width = *height;
      *height = w;
    }
  for (p = text, i = 0; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar ch = g_utf8_get_char (p);
      const PopplerRectangle *r = &rects[i];

      if (ch == '\n')
        {
          /* Where poppler ends a line, a cell ends: a figure printed
           * against the next cell's text is still a word of its own. */
          finish_word (&b, words);
          spaced = FALSE;
          continue;
        }
      if (g_unichar_isspace (ch) || ch == 0xA0 || ch == 0x3000)
        {
          /* A space only ends a word when it is wide: column gaps that
           * the producer filled with a space are found by their width. */
          spaced = TRUE;
          continue;
        }
      if (!continues_word (&b, r, ch))
        {
          finish_word (&b, words);
          b.text = g_string_new (NULL);
          b.xs = g_array_new (FALSE, FALSE, sizeof (double));
          b.x1 = r->x1;
          b.y1 = r->y1;
          b.x2 = r->x2;
          b.y2 = r->y2;
          b.open = TRUE;
        }
      else
        {
          /* The space a word keeps, where the glyphs are a space apart. */
          double h = MAX (b.y2 - b.y1, r->y2 - r->y1);

          /* Between Latin words or figures the producer's space is one
           * however narrow; between Chinese it is justification. */
          if (b.text->len > 0 &&
              (r->x1 - b.x2 > 0.2 * h ||
               (spaced && ch < 0x2E80 && !g_unichar_isspace (ch) &&
                g_utf8_get_char (g_utf8_find_prev_char (b.text->str, b.text->str + b.text->len)) < 0x2E80)))
            {
              g_string_append_c (b.text, ' ');
              g_array_append_val (b.xs, b.x2);
            }
          b.x2 = MAX (b.x2, r->x2);
          b.y1 = MIN (b.y1, r->y1);
          b.y2 = MAX (b.y2, r->y2);
        }
      g_string_append_unichar (b.text, ch);
      g_array_append_val (b.xs, r->x1);
      (*n_glyphs)++;
      spaced = FALSE;
    }
  finish_word (&b, words);
  return words;
}

static int
compare_middles (gconstpointer a,
                 gconstpointer b)
{
  const GkPdfWord *x = *(GkPdfWord **) a;
  const GkPdfWord *y = *(GkPdfWord **) b;
  double mx = (x->y1 + x->y2) / 2, my = (y->y1 + y->y2) / 2;

  return mx < my ? -1 : mx > my ? 1 : (x->x1 < y->x1 ? -1 : x->x1 > y->x1);
}

static int
compare_lefts (gconstpointer a,
               gconstpointer b)
{
  const GkPdfWord *x = *(GkPdfWord **) a;
  const GkPdfWord *y = *(GkPdfWord **) b;

  return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

/* Words whose middles lie within a third of a glyph's height of the
 * line's first are one line. */
static GPtrArray *
make_lines (GPtrArray *words)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (line_free);
  GkPdfLine *line = NULL;
  double middle = 0;

  g_ptr_array_sort (words, compare_middles);
  for (guint i = 0; i < words->len; i++)
    {
      GkPdfWord *word = words->pdata[i];
      double m = (word->y1 + word->y2) / 2;
      double h = word->y2 - word->y1;

      if (line == NULL || m - middle > MAX (h, 1) / 3)
        {
          line = g_new0 (GkPdfLine, 1);
          line->words = g_ptr_array_new_with_free_func (word_free);
          line->y1 = word->y1;
          line->y2 = word->y2;
          middle = m;
          g_ptr_array_add (lines, line);
        }
      g_ptr_array_add (line->words, word);
      line->y1 = MIN (line->y1, word->y1);
      line->y2 = MAX (line->y2, word->y2);
    }
  /* The words now belong to the lines. */
  g_ptr_array_set_free_func (words, NULL);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_sort (((GkPdfLine *) lines->pdata[i])->words, compare_lefts);
  return lines;
}

char *
_gk_pdf_line_text (GkPdfLine  *line,
                   const char *separator)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < line->words->len; i++)
    {
      if (i > 0)
        g_string_append (s, separator);
      g_string_append (s, ((GkPdfWord *) line->words->pdata[i])->text);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
looks_like_pdf (const char  *path,
                const char  *display_name,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  char head[1024];
  gssize n;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head - 1, NULL, error);
  if (n < 0)
    return FALSE;
  head[n] = '\0';
  /* The header may follow some bytes of junk, as readers allow. */
  if (g_strstr_len (head, n, "%PDF-") == NULL)
    {
      g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_NOT_PDF,
                   _("“%s” is not a PDF file, whatever its name says; choose the PDF of the disclosure"),
                   display_name);
      return FALSE;
    }
  return TRUE;
}

/**
 * _gk_pdf_read_pages:
 * @n_glyphs: (out): the glyphs of text on all the pages
 * @n_images: (out) (optional): the images on all the pages
 *
 * Returns: (transfer full) (element-type GkPdfPage): the pages' lines, or
 *   %NULL with @error set for a file that is no PDF, is damaged or is
 *   protected by a password
 */
GPtrArray *
_gk_pdf_read_pages (const char  *path,
                    const char  *display_name,
                    guint64     *n_glyphs,
                    guint       *n_images,
                    GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GObject) pdf_object = NULL;
  PopplerDocument *pdf;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (page_free);
  g_autofree char *uri = NULL;
  int n_pages;

  *n_glyphs = 0;
  if (n_images != NULL)
    *n_images = 0;
  if (!looks_like_pdf (path, display_name, error))
    return NULL;
  uri = g_filename_to_uri (path, NULL, error);
  if (uri == NULL)
    return NULL;
  /* poppler-glib 22 has no autoptr for its types. */
  pdf = poppler_document_new_from_file (uri, NULL, &local);
  pdf_object = (GObject *) pdf;
  if (pdf == NULL)
    {
      if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_ENCRYPTED,
                     _("“%s” is protected by a password, so its text cannot be read; save it without protection and import it again"),
                     display_name);
      else
        g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_DAMAGED,
                     _("“%s” is a damaged or incomplete PDF, so its pages cannot be read (%s)"),
                     display_name, local != NULL ? local->message : "");
      return NULL;
    }
  n_pages = poppler_document_get_n_pages (pdf);
  if (n_pages <= 0)
    {
      g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_DAMAGED,
                   _("“%s” is a damaged or incomplete PDF: it has no pages"), display_name);
      return NULL;
    }
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autoptr(GObject) page_object = (GObject *) page;
      g_autoptr(GPtrArray) words = NULL;
      GkPdfPage *out;

      if (page == NULL)
        {
          g_set_error (error, GK_PDF_IMPORT_ERROR, GK_PDF_IMPORT_ERROR_DAMAGED,
                       _("“%s” is a damaged or incomplete PDF: its page %d cannot be read"),
                       display_name, i + 1);
          return NULL;
        }
      out = g_new0 (GkPdfPage, 1);
      out->number = i + 1;
      poppler_page_get_size (page, &out->width, &out->height);
      words = page_words (page, n_glyphs, &out->width, &out->height);
      if (n_images != NULL)
        {
          GList *images = poppler_page_get_image_mapping (page);

          *n_images += g_list_length (images);
          poppler_page_free_image_mapping (images);
        }
      out->lines = make_lines (words);
      g_ptr_array_add (pages, out);
    }
  return g_steal_pointer (&pages);
}
