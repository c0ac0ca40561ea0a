/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-page-layout-private.h"
#include "gk-typesetter-private.h"

/* Reading a laid-out document back (pages, anchors, outline) and drawing
 * its pages. */

/* Reading ------------------------------------------------------------------ */

guint
gk_page_layout_get_n_pages (GkPageLayout *self)
{
  g_return_val_if_fail (GK_IS_PAGE_LAYOUT (self), 0);
  return self->pages->len;
}

GkPageOrientation
gk_page_layout_get_orientation (GkPageLayout *self,
                                guint         page)
{
  g_return_val_if_fail (GK_IS_PAGE_LAYOUT (self), GK_PAGE_PORTRAIT);
  g_return_val_if_fail (page < self->pages->len, GK_PAGE_PORTRAIT);
  return ((Page *) g_ptr_array_index (self->pages, page))->orientation;
}

void
gk_page_layout_get_page_size (GkPageLayout *self,
                              guint         page,
                              double       *width,
                              double       *height)
{
  double w, h, mx, my;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (page < self->pages->len);

  _gk_page_layout_page_geometry (gk_page_layout_get_orientation (self, page), &w, &h, &mx, &my);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* The index of the page @name is on, or -1. */
int
gk_page_layout_lookup_anchor (GkPageLayout *self,
                              const char   *name)
{
  g_return_val_if_fail (GK_IS_PAGE_LAYOUT (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->anchors, name)) - 1;
}

guint
gk_page_layout_get_n_outline (GkPageLayout *self)
{
  g_return_val_if_fail (GK_IS_PAGE_LAYOUT (self), 0);
  return self->outline->len;
}

/**
 * gk_page_layout_get_outline:
 * @index: 0 … n - 1; the entry's id is @index + 1
 * @parent: (out): the id of its parent, 0 for the top level
 */
void
gk_page_layout_get_outline (GkPageLayout  *self,
                            guint          index,
                            guint         *parent,
                            const char   **title,
                            const char   **anchor)
{
  Outline *entry;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (index < self->outline->len);

  entry = &g_array_index (self->outline, Outline, index);
  if (parent != NULL)
    *parent = entry->parent;
  if (title != NULL)
    *title = entry->title;
  if (anchor != NULL)
    *anchor = entry->anchor;
}

/* Drawing ------------------------------------------------------------------ */

#define TAGGED_CELLS 20000

/* The structure element a text of @style is, for the reading order of
 * screen readers and of copied text. Page numbers are not content. */
static const char *
text_tag (GkTextStyle style)
{
  switch (style)
    {
    case GK_TEXT_COVER_TITLE:
    case GK_TEXT_CONTENTS_TITLE:
    case GK_TEXT_PART:
      return "H1";
    case GK_TEXT_HEADING:
      return "H2";
    case GK_TEXT_SUBHEADING:
      return "H3";
    case GK_TEXT_TABLE_LABEL:
    case GK_TEXT_TABLE_TITLE:
    case GK_TEXT_TABLE_CONTINUED:
    case GK_TEXT_CAPTION:
      return "Caption";
    case GK_TEXT_FOOTER:
      return NULL;
    default:
      return "P";
    }
}

static void
draw_text (GkPageLayout *self,
           cairo_t      *cr,
           Box          *box)
{
  const char *tag = text_tag (box->style);
  int end = box->end == 0 ? -1 : (int) box->end;

  if (tag != NULL)
    cairo_tag_begin (cr, tag, NULL);
  /* A part of a paragraph split across pages shows only its lines. A
   * line of text left to be shaped when drawn that comes back (a table's
   * caption over every project's targets) is shaped once. */
  if (box->shaped == 0 && box->data == NULL && box->first == 0 && box->flags == GK_TYPESET_DEFAULT)
    box->shaped = _gk_typesetter_repeated_cell (self->typesetter, box->style, box->text, box->width, box->alignment);
  if (box->shaped == 0 ||
      !_gk_typesetter_show_shaped (self->typesetter, cr, box->shaped, box->x, box->y, box->first, end))
    {
      PangoLayout *layout = box->data != NULL ? box->data
                            : gk_typesetter_layout (self->typesetter, box->style, box->text, box->width,
                                                    box->alignment, box->flags);

      gk_typesetter_show_layout (self->typesetter, cr, layout, box->x, box->y, box->first, end);
    }
  if (tag != NULL)
    {
      gk_typesetter_flush (self->typesetter);
      cairo_tag_end (cr, tag);
    }
}

static void
draw_contents (GkPageLayout *self,
               cairo_t      *cr,
               Box          *box)
{
  int page = gk_page_layout_lookup_anchor (self, box->anchor);
  g_autofree char *number = page >= 0 ? g_strdup_printf ("%d", page + 1) : g_strdup ("");
  g_autofree char *link = g_strdup_printf ("dest='%s' rect=[%.2f %.2f %.2f %.2f]",
                                           box->anchor, box->x, box->y, box->width, box->height);
  PangoLayout *layout;
  PangoLayoutIter *iter;
  PangoRectangle last;
  double baseline, text_end, number_width;
  int width;

  cairo_tag_begin (cr, "TOCI", NULL);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, link);

  layout = gk_typesetter_layout (self->typesetter, box->style, box->text, box->width - PAGE_NUMBER_WIDTH,
                                 -1, GK_TYPESET_DEFAULT);
  iter = pango_layout_get_iter (layout);
  while (!pango_layout_iter_at_last_line (iter))
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_extents (iter, NULL, &last);
  baseline = box->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
  text_end = box->x + (double) (last.x + last.width) / PANGO_SCALE;
  pango_layout_iter_free (iter);
  gk_typesetter_show_layout (self->typesetter, cr, layout, box->x, box->y, 0, -1);

  layout = gk_typesetter_layout (self->typesetter, box->style, number, -1, PANGO_ALIGN_LEFT,
                                 GK_TYPESET_NO_INDENT);
  pango_layout_get_size (layout, &width, NULL);
  number_width = (double) width / PANGO_SCALE;
  gk_typesetter_show_layout (self->typesetter, cr, layout, box->x + box->width - number_width,
                             baseline - (double) pango_layout_get_baseline (layout) / PANGO_SCALE, 0, -1);

  /* The dotted leader between the title and its page number. */
  if (box->x + box->width - number_width - 6 > text_end + 6)
    {
      static const double dots[] = { 0.6, 3.0 };

      cairo_save (cr);
      cairo_set_line_width (cr, 1.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
      cairo_move_to (cr, text_end + 6, baseline - 1);
      cairo_line_to (cr, box->x + box->width - number_width - 6, baseline - 1);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  gk_typesetter_flush (self->typesetter);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  cairo_tag_end (cr, "TOCI");
}

static void
draw_footer (GkPageLayout *self,
             cairo_t      *cr,
             guint         index)
{
  g_autofree char *text = g_strdup_printf ("— %u —", index + 1);
  double width, height;
  PangoLayout *layout;
  int text_width;

  gk_page_layout_get_page_size (self, index, &width, &height);
  layout = gk_typesetter_layout (self->typesetter, GK_TEXT_FOOTER, text, -1, PANGO_ALIGN_LEFT,
                                 GK_TYPESET_NO_INDENT);
  pango_layout_get_size (layout, &text_width, NULL);
  gk_typesetter_show_layout (self->typesetter, cr, layout, (width - (double) text_width / PANGO_SCALE) / 2,
                             height - FOOTER_FROM_BOTTOM, 0, -1);
}

/**
 * gk_page_layout_draw_page:
 * @cr: a context whose user space is the page in points, origin at its
 *   top left corner
 * @page: the page's index
 *
 * Draws one page. On a PDF surface, links, destinations and the outline's
 * targets come with it; elsewhere those tags are ignored.
 */
void
gk_page_layout_draw_page (GkPageLayout *self,
                          cairo_t      *cr,
                          guint         page)
{
  Page *p;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < p->boxes->len; i++)
    {
      Box *box = &g_array_index (p->boxes, Box, i);

      switch ((BoxKind) box->kind)
        {
        case BOX_TEXT:
          draw_text (self, cr, box);
          break;
        case BOX_TABLE:
          /* Tens of thousands of cells (a couple of hundred projects
           * and their 绩效目标表) are tagged by the row. */
          gk_ruled_table_set_tag_cells (box->data, self->n_cells <= TAGGED_CELLS);
          cairo_tag_begin (cr, "Table", NULL);
          gk_ruled_table_draw (box->data, self->typesetter, cr, box->x, box->y, box->first, box->end);
          gk_typesetter_flush (self->typesetter);
          cairo_tag_end (cr, "Table");
          break;
        case BOX_DRAWING:
          {
            Drawing *drawing = box->data;

            cairo_tag_begin (cr, "Figure", NULL);
            cairo_save (cr);
            cairo_translate (cr, box->x, box->y);
            drawing->func (cr, box->width, box->height, drawing->user_data);
            cairo_restore (cr);
            gk_typesetter_flush (self->typesetter);
            cairo_tag_end (cr, "Figure");
            cairo_set_source_rgb (cr, 0, 0, 0);
          }
          break;
        case BOX_ANCHOR:
          {
            g_autofree char *attributes = g_strdup_printf ("name='%s' x=%.2f y=%.2f",
                                                           box->text, box->x, box->y);
            cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
            cairo_tag_end (cr, CAIRO_TAG_DEST);
          }
          break;
        case BOX_CONTENTS:
          draw_contents (self, cr, box);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (p->numbered)
    draw_footer (self, cr, page);
  gk_typesetter_flush (self->typesetter);
  cairo_restore (cr);
}
