/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-page-layout-private.h"
#include "gk-typesetter-private.h"

G_DEFINE_FINAL_TYPE (GkPageLayout, gk_page_layout, G_TYPE_OBJECT)

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->boxes);
  g_free (page);
}

static void
drawing_free (gpointer data)
{
  Drawing *drawing = data;

  if (drawing->destroy != NULL)
    drawing->destroy (drawing->user_data);
  g_free (drawing);
}

static void
gk_page_layout_dispose (GObject *object)
{
  GkPageLayout *self = GK_PAGE_LAYOUT (object);

  g_clear_object (&self->typesetter);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_pointer (&self->drawings, g_ptr_array_unref);

  G_OBJECT_CLASS (gk_page_layout_parent_class)->dispose (object);
}

static void
gk_page_layout_finalize (GObject *object)
{
  GkPageLayout *self = GK_PAGE_LAYOUT (object);

  g_ptr_array_unref (self->pages);
  g_string_chunk_free (self->strings);
  g_hash_table_unref (self->anchors);
  g_array_unref (self->outline);
  g_ptr_array_unref (self->pending_anchors);

  G_OBJECT_CLASS (gk_page_layout_parent_class)->finalize (object);
}

static void
gk_page_layout_class_init (GkPageLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_page_layout_dispose;
  object_class->finalize = gk_page_layout_finalize;
}

static void
gk_page_layout_init (GkPageLayout *self)
{
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->strings = g_string_chunk_new (64 * 1024);
  self->objects = g_ptr_array_new_with_free_func (g_object_unref);
  self->drawings = g_ptr_array_new_with_free_func (drawing_free);
  self->anchors = g_hash_table_new (g_str_hash, g_str_equal);
  self->outline = g_array_new (FALSE, TRUE, sizeof (Outline));
  self->pending_anchors = g_ptr_array_new ();
}

GkPageLayout *
gk_page_layout_new (GkTypesetter *typesetter)
{
  GkPageLayout *self;

  g_return_val_if_fail (GK_IS_TYPESETTER (typesetter), NULL);

  self = g_object_new (GK_TYPE_PAGE_LAYOUT, NULL);
  self->typesetter = g_object_ref (typesetter);
  return self;
}

GkTypesetter *
gk_page_layout_get_typesetter (GkPageLayout *self)
{
  g_return_val_if_fail (GK_IS_PAGE_LAYOUT (self), NULL);
  return self->typesetter;
}

/* Geometry ----------------------------------------------------------------- */

void
_gk_page_layout_page_geometry (GkPageOrientation  orientation,
                               double            *width,
                               double            *height,
                               double            *margin_x,
                               double            *margin_y)
{
  gboolean landscape = orientation == GK_PAGE_LANDSCAPE;

  *width = landscape ? GK_PAGE_A4_HEIGHT : GK_PAGE_A4_WIDTH;
  *height = landscape ? GK_PAGE_A4_WIDTH : GK_PAGE_A4_HEIGHT;
  *margin_x = landscape ? LANDSCAPE_MARGIN_X : PORTRAIT_MARGIN_X;
  *margin_y = landscape ? LANDSCAPE_MARGIN_Y : PORTRAIT_MARGIN_Y;
}

static Page *
current_page (GkPageLayout *self)
{
  if (self->pages->len == 0)
    gk_page_layout_new_page (self, GK_PAGE_PORTRAIT, TRUE);
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
content_box (GkPageLayout *self,
             double       *left,
             double       *top,
             double       *width,
             double       *bottom)
{
  Page *page = current_page (self);
  double w, h, mx, my;

  _gk_page_layout_page_geometry (page->orientation, &w, &h, &mx, &my);
  *left = mx;
  *top = my;
  *width = w - 2 * mx;
  *bottom = h - my;
}

double
gk_page_layout_get_content_width (GkPageLayout *self)
{
  double left, top, width, bottom;

  g_return_val_if_fail (GK_IS_PAGE_LAYOUT (self), 0);

  content_box (self, &left, &top, &width, &bottom);
  return width;
}

/* The height left on the current page. */
double
gk_page_layout_get_remaining (GkPageLayout *self)
{
  double left, top, width, bottom;

  g_return_val_if_fail (GK_IS_PAGE_LAYOUT (self), 0);

  content_box (self, &left, &top, &width, &bottom);
  return bottom - self->cursor;
}

void
gk_page_layout_new_page (GkPageLayout      *self,
                         GkPageOrientation  orientation,
                         gboolean           numbered)
{
  Page *page;
  double w, h, mx, my;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));

  page = g_new0 (Page, 1);
  page->orientation = orientation;
  page->numbered = numbered;
  page->boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  g_ptr_array_add (self->pages, page);

  _gk_page_layout_page_geometry (orientation, &w, &h, &mx, &my);
  self->cursor = my;
  self->page_has_content = FALSE;
}

/* A page like the current one: the continuation of a table or a text. */
static void
continue_page (GkPageLayout *self)
{
  Page *page = current_page (self);

  gk_page_layout_new_page (self, page->orientation, page->numbered);
}

/* Whether @box is a heading, a caption or an anchor that belongs with
 * what comes after it. */
static gboolean
box_keeps_with_next (const Box *box)
{
  if (box->kind == BOX_ANCHOR)
    return TRUE;
  return box->kind == BOX_TEXT && box->first == 0 && box->end == 0 &&
         gk_typesetter_get_style_info (box->style)->keep_with_next;
}

/* A new page for something that did not fit, taking along the headings
 * that end the current page: a heading followed by a heading, or by a
 * table, never ends a page. */
static void
break_page (GkPageLayout *self)
{
  Page *page = current_page (self);
  guint first = page->boxes->len;
  double from, cursor = self->cursor;

  while (first > 0 && box_keeps_with_next (&g_array_index (page->boxes, Box, first - 1)))
    first--;
  /* Only headings on the page: they stay, or the page would be empty. */
  for (guint i = 0; i < first; i++)
    if (g_array_index (page->boxes, Box, i).kind != BOX_ANCHOR)
      goto carry;
  continue_page (self);
  return;

carry:
  continue_page (self);
  if (first == page->boxes->len)
    return;
  from = g_array_index (page->boxes, Box, first).y;
  for (guint i = first; i < page->boxes->len; i++)
    {
      Box box = g_array_index (page->boxes, Box, i);

      box.y = box.y - from + self->cursor;
      if (box.kind == BOX_ANCHOR)
        g_hash_table_insert (self->anchors, (gpointer) box.text, GUINT_TO_POINTER (self->pages->len));
      g_array_append_val (current_page (self)->boxes, box);
      self->page_has_content = self->page_has_content || box.kind != BOX_ANCHOR;
    }
  self->cursor += cursor - from;
  g_array_set_size (page->boxes, first);
}

static Box *
push_box (GkPageLayout *self,
          BoxKind       kind)
{
  Page *page = current_page (self);
  Box box = { 0, };
  double w, h, mx, my;

  _gk_page_layout_page_geometry (page->orientation, &w, &h, &mx, &my);

  /* Anchors wait for the box they announce, so that they follow it to
   * the next page when it does not fit here. */
  if (kind != BOX_ANCHOR && self->pending_anchors->len > 0)
    {
      g_autoptr(GPtrArray) anchors = g_steal_pointer (&self->pending_anchors);

      self->pending_anchors = g_ptr_array_new ();
      for (guint i = 0; i < anchors->len; i++)
        {
          Box *anchor = push_box (self, BOX_ANCHOR);

          anchor->text = anchors->pdata[i];
          anchor->x = mx;
          anchor->y = self->cursor;
          g_hash_table_insert (self->anchors, anchors->pdata[i], GUINT_TO_POINTER (self->pages->len));
        }
    }

  box.kind = kind;
  box.alignment = -1;
  g_array_append_val (page->boxes, box);
  if (kind != BOX_ANCHOR)
    self->page_has_content = TRUE;
  return &g_array_index (page->boxes, Box, page->boxes->len - 1);
}

/* Laying out --------------------------------------------------------------- */

void
gk_page_layout_add_space (GkPageLayout *self,
                          double        points)
{
  double left, top, width, bottom;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));

  content_box (self, &left, &top, &width, &bottom);
  self->cursor = MIN (self->cursor + points, bottom);
}

/**
 * gk_page_layout_keep_space:
 * @height: the height of what comes next
 *
 * Moves on to a new page unless @height fits under what is on this one,
 * so that a caption and its table, say, stay together. Nothing happens on
 * an empty page or when @height would not fit on any page.
 */
void
gk_page_layout_keep_space (GkPageLayout *self,
                           double        height)
{
  double left, top, width, bottom;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));

  content_box (self, &left, &top, &width, &bottom);
  if (self->page_has_content && height > bottom - self->cursor && height <= bottom - top)
    break_page (self);
}

static void
add_text_full (GkPageLayout   *self,
               GkTextStyle     style,
               const char     *text,
               GkTypesetFlags  flags,
               PangoAlignment  alignment,
               gboolean        same_line)
{
  const GkTextStyleInfo *info = gk_typesetter_get_style_info (style);
  double left, top, width, bottom, need;
  g_autofree double *tops = NULL;
  g_autofree double *bottoms = NULL;
  const char *stored;
  PangoLayout *layout;
  PangoLayout *kept = NULL;
  guint shaped = 0;
  int n_lines;
  guint line = 0;

  content_box (self, &left, &top, &width, &bottom);
  if (self->page_has_content && !same_line)
    self->cursor += info->space_before;

  /* Most lines of 情况说明 (项目承担单位：…) are short: a count of
   * characters proves they fit, and they are only shaped when drawn. */
  if ((flags & GK_TYPESET_MARKUP) == 0 &&
      gk_typesetter_fits_one_line (self->typesetter, style, text,
                                   width - ((flags & GK_TYPESET_NO_INDENT) ? 0 : MAX (info->first_indent, 0) * info->size)))
    {
      n_lines = 1;
      tops = g_new (double, 1);
      bottoms = g_new (double, 1);
      tops[0] = 0;
      bottoms[0] = gk_typesetter_line_height (self->typesetter, style);
    }
  else
    {
      PangoLayoutIter *iter;
      int i = 0;

      layout = gk_typesetter_layout (self->typesetter, style, text, width, alignment, flags);
      n_lines = pango_layout_get_line_count (layout);
      tops = g_new (double, n_lines);
      bottoms = g_new (double, n_lines);
      iter = pango_layout_get_iter (layout);
      do
        {
          int y0, y1;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          tops[i] = (double) y0 / PANGO_SCALE;
          bottoms[i] = (double) y1 / PANGO_SCALE;
          i++;
        }
      while (i < n_lines && pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      /* A long text is drawn from the layout it was measured with. */
      kept = gk_typesetter_keep_layout (self->typesetter, layout);
      if (kept != NULL)
        g_ptr_array_add (self->objects, kept);
      else
        shaped = _gk_typesetter_keep_shaped (self->typesetter, layout);
    }

  /* A heading keeps a few lines of what follows; any paragraph keeps its
   * first two lines together rather than leave one at the foot of a page. */
  if (info->keep_with_next)
    need = bottoms[n_lines - 1] - tops[0] + KEEP_LINES * gk_typesetter_line_height (self->typesetter, GK_TEXT_BODY);
  else
    need = bottoms[MIN (n_lines, 2) - 1] - tops[0];
  if (self->page_has_content && !same_line && need > bottom - self->cursor)
    break_page (self);

  stored = g_string_chunk_insert (self->strings, text);
  while (line < (guint) n_lines)
    {
      guint end = line;
      Box *box;

      while (end < (guint) n_lines && bottoms[end] - tops[line] <= bottom - self->cursor)
        end++;
      if (end == line)
        {
          if (self->page_has_content)
            {
              continue_page (self);
              continue;
            }
          end = line + 1;   /* a line taller than a page */
        }
      /* Nor does a paragraph end with one line alone on the next page. */
      if (end + 1 == (guint) n_lines && end - line >= 3)
        end--;

      box = push_box (self, BOX_TEXT);
      box->style = style;
      box->flags = flags;
      box->alignment = alignment;
      box->text = stored;
      box->data = kept;
      box->shaped = shaped;
      box->first = line;
      box->end = line == 0 && end == (guint) n_lines ? 0 : end;
      box->x = left;
      box->y = self->cursor;
      box->width = width;
      box->height = bottoms[end - 1] - tops[line];
      self->cursor += box->height;
      line = end;
      if (line < (guint) n_lines)
        continue_page (self);
    }
  self->cursor += info->space_after;
}

void
gk_page_layout_add_text (GkPageLayout *self,
                         GkTextStyle   style,
                         const char   *text)
{
  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (style < GK_N_TEXT_STYLES);

  add_text_full (self, style, text ? text : "", GK_TYPESET_DEFAULT, -1, FALSE);
}

void
gk_page_layout_add_markup (GkPageLayout *self,
                           GkTextStyle   style,
                           const char   *markup)
{
  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (style < GK_N_TEXT_STYLES);

  add_text_full (self, style, markup ? markup : "", GK_TYPESET_MARKUP, -1, FALSE);
}

/* One line with @left at the left margin and @right at the right one:
 * 编制部门 and 单位 above a table. */
void
gk_page_layout_add_pair (GkPageLayout *self,
                         GkTextStyle   style,
                         const char   *left,
                         const char   *right)
{
  const GkTextStyleInfo *info;
  double cursor;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (style < GK_N_TEXT_STYLES);

  info = gk_typesetter_get_style_info (style);
  add_text_full (self, style, left ? left : "", GK_TYPESET_NO_INDENT, PANGO_ALIGN_LEFT, FALSE);
  cursor = self->cursor;
  self->cursor -= info->space_after + g_array_index (current_page (self)->boxes, Box,
                                                     current_page (self)->boxes->len - 1).height;
  add_text_full (self, style, right ? right : "", GK_TYPESET_NO_INDENT, PANGO_ALIGN_RIGHT, TRUE);
  self->cursor = MAX (cursor, self->cursor);
}

/* The body rows from @first that a page may not separate. */
static guint
group_end (GkRuledTable *table,
           guint         first)
{
  guint n = gk_ruled_table_get_n_rows (table);
  guint end = first + 1;

  while (end < n && !gk_ruled_table_can_break_before (table, end))
    end++;
  return end;
}

static double
rows_height (GkRuledTable *table,
             guint         first,
             guint         end)
{
  double height = 0;

  for (guint r = first; r < end; r++)
    height += gk_ruled_table_get_row_height (table, r);
  return height;
}

/**
 * gk_page_layout_add_table:
 * @continued: (nullable): a line printed above the table on the pages it
 *   continues on, such as "表七 项目支出情况表（续）"
 *
 * Adds @table across the content width, cut between rows where a page is
 * full, its header rows drawn again on each page.
 */
void
gk_page_layout_add_table (GkPageLayout *self,
                          GkRuledTable *table,
                          const char   *continued)
{
  double left, top, width, bottom, header, total;
  guint n, row, split_until = 0;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (GK_IS_RULED_TABLE (table));

  g_ptr_array_add (self->objects, g_object_ref (table));
  self->n_cells += (guint64) gk_ruled_table_get_n_rows (table) * gk_ruled_table_get_n_columns (table);
  content_box (self, &left, &top, &width, &bottom);
  gk_ruled_table_measure (table, self->typesetter, width);

  n = gk_ruled_table_get_n_rows (table);
  row = gk_ruled_table_get_n_header_rows (table);
  header = gk_ruled_table_get_header_height (table);
  total = header + rows_height (table, row, n);

  if (gk_ruled_table_get_keep_together (table) && self->page_has_content &&
      total > bottom - self->cursor && total <= bottom - top)
    break_page (self);

  do
    {
      double height = header;
      guint end = row;
      Box *box;

      while (end < n)
        {
          guint next = group_end (table, end);
          double more = rows_height (table, end, next);

          /* Rows a merged cell holds together that are taller than a
           * page (an 一级指标 over ninety indicators) part row by row,
           * the merged cell going on blank on the next pages. */
          if (header + more > bottom - top)
            split_until = next;
          if (end < split_until)
            {
              next = end + 1;
              more = rows_height (table, end, next);
            }

          if (height + more > bottom - self->cursor && (end > row || self->page_has_content))
            break;
          height += more;
          end = next;
        }
      /* Never leave the 合计 line alone on the next page: take a
       * couple of rows along with it. */
      if (end < n && end > row && n - end < 2)
        {
          guint keep = end;

          while (keep > row + 1 && n - keep < 3)
            keep--;
          while (keep > row + 1 && !gk_ruled_table_can_break_before (table, keep))
            keep--;
          if (keep > row && gk_ruled_table_can_break_before (table, keep))
            {
              height -= rows_height (table, keep, end);
              end = keep;
            }
        }
      if (end == row && row < n)
        {
          /* Not one row fits under what is already on this page. A
           * table not yet begun takes its caption along and is not
           * continued. */
          if (row == gk_ruled_table_get_n_header_rows (table))
            break_page (self);
          else
            {
              continue_page (self);
              if (continued != NULL)
                add_text_full (self, GK_TEXT_TABLE_CONTINUED, continued, GK_TYPESET_DEFAULT, -1, FALSE);
            }
          self->page_has_content = FALSE;
          continue;
        }

      box = push_box (self, BOX_TABLE);
      box->data = table;
      box->first = row;
      box->end = end;
      box->x = left;
      box->y = self->cursor;
      box->width = width;
      box->height = height;
      self->cursor += height;
      row = end;
      if (row < n)
        {
          continue_page (self);
          if (continued != NULL)
            add_text_full (self, GK_TEXT_TABLE_CONTINUED, continued, GK_TYPESET_DEFAULT, -1, FALSE);
          /* The caption alone does not make the page full. */
          self->page_has_content = FALSE;
        }
    }
  while (row < n);

  self->cursor += TABLE_SPACE_AFTER;
}

/**
 * gk_page_layout_add_drawing:
 * @height: the height it takes, across the content width
 * @func: draws it, its origin at the top left corner of its box
 */
void
gk_page_layout_add_drawing (GkPageLayout   *self,
                            double          height,
                            GkPageDrawFunc  func,
                            gpointer        user_data,
                            GDestroyNotify  destroy)
{
  double left, top, width, bottom;
  Drawing *drawing;
  Box *box;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (func != NULL);

  drawing = g_new0 (Drawing, 1);
  drawing->func = func;
  drawing->user_data = user_data;
  drawing->destroy = destroy;
  g_ptr_array_add (self->drawings, drawing);

  content_box (self, &left, &top, &width, &bottom);
  if (self->page_has_content && height > bottom - self->cursor)
    {
      continue_page (self);
      content_box (self, &left, &top, &width, &bottom);
    }
  box = push_box (self, BOX_DRAWING);
  box->data = drawing;
  box->x = left;
  box->y = self->cursor;
  box->width = width;
  box->height = MIN (height, bottom - top);
  self->cursor += box->height;
}

/**
 * gk_page_layout_add_anchor:
 * @name: an ASCII name, unique in the layout
 *
 * Names the position of whatever is added next, for links, the outline
 * and gk_page_layout_lookup_anchor().
 */
void
gk_page_layout_add_anchor (GkPageLayout *self,
                           const char   *name)
{
  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (name != NULL);

  g_ptr_array_add (self->pending_anchors, g_string_chunk_insert (self->strings, name));
}

/**
 * gk_page_layout_add_contents_entry:
 * @style: %GK_TEXT_CONTENTS_PART or %GK_TEXT_CONTENTS_ENTRY (indented)
 *
 * A line of 目录: @text, a dotted leader and the number of the page
 * where @anchor is, linked to it. The number is looked up when the page
 * is drawn, so the entry can precede its target.
 */
void
gk_page_layout_add_contents_entry (GkPageLayout *self,
                                   GkTextStyle   style,
                                   const char   *text,
                                   const char   *anchor)
{
  const GkTextStyleInfo *info;
  double left, top, width, bottom, indent, height;
  PangoLayout *layout;
  int text_height;
  Box *box;

  g_return_if_fail (GK_IS_PAGE_LAYOUT (self));
  g_return_if_fail (text != NULL && anchor != NULL);

  info = gk_typesetter_get_style_info (style);
  content_box (self, &left, &top, &width, &bottom);
  indent = style == GK_TEXT_CONTENTS_ENTRY ? CONTENTS_INDENT_EMS * info->size : 0;
  layout = gk_typesetter_layout (self->typesetter, style, text, width - indent - PAGE_NUMBER_WIDTH,
                                 -1, GK_TYPESET_DEFAULT);
  pango_layout_get_size (layout, NULL, &text_height);
  height = (double) text_height / PANGO_SCALE;

  if (self->page_has_content)
    self->cursor += info->space_before;
  if (self->page_has_content && height > bottom - self->cursor)
    continue_page (self);

  box = push_box (self, BOX_CONTENTS);
  box->style = style;
  box->text = g_string_chunk_insert (self->strings, text);
  box->anchor = g_string_chunk_insert (self->strings, anchor);
  box->x = left + indent;
  box->y = self->cursor;
  box->width = width - indent;
  box->height = height;
  self->cursor += height + info->space_after;
}

/**
 * gk_page_layout_add_outline:
 * @parent: the id of the parent entry, 0 for the top level
 *
 * Returns: the id of the new entry, for its children
 */
guint
gk_page_layout_add_outline (GkPageLayout *self,
                            guint         parent,
                            const char   *title,
                            const char   *anchor)
{
  Outline entry;

  g_return_val_if_fail (GK_IS_PAGE_LAYOUT (self), 0);
  g_return_val_if_fail (parent <= self->outline->len, 0);
  g_return_val_if_fail (title != NULL && anchor != NULL, 0);

  entry.parent = parent;
  entry.title = g_string_chunk_insert (self->strings, title);
  entry.anchor = g_string_chunk_insert (self->strings, anchor);
  g_array_append_val (self->outline, entry);
  return self->outline->len;
}

