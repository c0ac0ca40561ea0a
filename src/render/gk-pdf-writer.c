/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "gk-chart.h"
#include "gk-disclosure-layout.h"
#include "gk-font-subset.h"
#include "gk-pdf-pipe-private.h"
#include "gk-pdf-rewrite-private.h"
#include "gk-pdf-writer.h"

struct _GkPdfWriter
{
  GObject     parent_instance;

  GkDocument *document;
  gboolean    with_charts;
  char       *body_font;
  char       *heading_font;
  GBytes     *characters;   /* what the fonts are cut to */
  guint       n_pages;      /* of the last PDF written */
  gboolean    cut_fonts;    /* the last PDF's */
  GMutex     *document_lock;  /* let go of while the pages are drawn */
};

G_DEFINE_FINAL_TYPE (GkPdfWriter, gk_pdf_writer, G_TYPE_OBJECT)

G_DEFINE_QUARK (gk-pdf-error-quark, gk_pdf_error)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_WITH_CHARTS,
  PROP_BODY_FONT,
  PROP_HEADING_FONT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gk_pdf_writer_dispose (GObject *object)
{
  GkPdfWriter *self = GK_PDF_WRITER (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_pdf_writer_parent_class)->dispose (object);
}

static void
gk_pdf_writer_finalize (GObject *object)
{
  GkPdfWriter *self = GK_PDF_WRITER (object);

  g_free (self->body_font);
  g_free (self->heading_font);
  g_clear_pointer (&self->characters, g_bytes_unref);

  G_OBJECT_CLASS (gk_pdf_writer_parent_class)->finalize (object);
}

static void
gk_pdf_writer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GkPdfWriter *self = GK_PDF_WRITER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_WITH_CHARTS:
      g_value_set_boolean (value, self->with_charts);
      break;
    case PROP_BODY_FONT:
      g_value_set_string (value, self->body_font);
      break;
    case PROP_HEADING_FONT:
      g_value_set_string (value, self->heading_font);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_pdf_writer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GkPdfWriter *self = GK_PDF_WRITER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_WITH_CHARTS:
      gk_pdf_writer_set_with_charts (self, g_value_get_boolean (value));
      break;
    case PROP_BODY_FONT:
      gk_pdf_writer_set_body_font (self, g_value_get_string (value));
      break;
    case PROP_HEADING_FONT:
      gk_pdf_writer_set_heading_font (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_pdf_writer_class_init (GkPdfWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_pdf_writer_dispose;
  object_class->finalize = gk_pdf_writer_finalize;
  object_class->get_property = gk_pdf_writer_get_property;
  object_class->set_property = gk_pdf_writer_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WITH_CHARTS] =
    g_param_spec_boolean ("with-charts", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* NULL: Noto Serif CJK SC, Noto Sans CJK SC */
  properties[PROP_BODY_FONT] =
    g_param_spec_string ("body-font", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING_FONT] =
    g_param_spec_string ("heading-font", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_pdf_writer_init (GkPdfWriter *self)
{
}

GkPdfWriter *
gk_pdf_writer_new (GkDocument *document)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  return g_object_new (GK_TYPE_PDF_WRITER, "document", document, NULL);
}

GkDocument *
gk_pdf_writer_get_document (GkPdfWriter *self)
{
  g_return_val_if_fail (GK_IS_PDF_WRITER (self), NULL);
  return self->document;
}

gboolean
gk_pdf_writer_get_with_charts (GkPdfWriter *self)
{
  g_return_val_if_fail (GK_IS_PDF_WRITER (self), FALSE);
  return self->with_charts;
}

void
gk_pdf_writer_set_with_charts (GkPdfWriter *self,
                               gboolean     with_charts)
{
  g_return_if_fail (GK_IS_PDF_WRITER (self));

  with_charts = !!with_charts;
  if (self->with_charts == with_charts)
    return;
  self->with_charts = with_charts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_CHARTS]);
}

const char *
gk_pdf_writer_get_body_font (GkPdfWriter *self)
{
  g_return_val_if_fail (GK_IS_PDF_WRITER (self), NULL);
  return self->body_font;
}

void
gk_pdf_writer_set_body_font (GkPdfWriter *self,
                             const char  *family)
{
  g_return_if_fail (GK_IS_PDF_WRITER (self));

  if (g_strcmp0 (self->body_font, family) == 0)
    return;
  g_free (self->body_font);
  self->body_font = g_strdup (family);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY_FONT]);
}

const char *
gk_pdf_writer_get_heading_font (GkPdfWriter *self)
{
  g_return_val_if_fail (GK_IS_PDF_WRITER (self), NULL);
  return self->heading_font;
}

void
gk_pdf_writer_set_heading_font (GkPdfWriter *self,
                                const char  *family)
{
  g_return_if_fail (GK_IS_PDF_WRITER (self));

  if (g_strcmp0 (self->heading_font, family) == 0)
    return;
  g_free (self->heading_font);
  self->heading_font = g_strdup (family);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING_FONT]);
}

/**
 * gk_pdf_writer_set_characters:
 * @text: (nullable): text holding every character of the document, such
 *   as its file; %NULL to embed the fonts from their whole files
 *
 * Cuts the fonts to the characters of @text and of the PDF's fixed text
 * before laying the document out, so that cairo reads a small font rather
 * than a whole CJK one. Should a character of the PDF be missing from the
 * cut fonts, the PDF is made again with the whole fonts.
 */
void
gk_pdf_writer_set_characters (GkPdfWriter *self,
                              GBytes      *text)
{
  g_return_if_fail (GK_IS_PDF_WRITER (self));

  if (text != NULL)
    g_bytes_ref (text);
  g_clear_pointer (&self->characters, g_bytes_unref);
  self->characters = text;
}

GBytes *
gk_pdf_writer_get_characters (GkPdfWriter *self)
{
  g_return_val_if_fail (GK_IS_PDF_WRITER (self), NULL);
  return self->characters;
}

/**
 * gk_pdf_writer_set_document_lock:
 * @lock: (nullable): a mutex the caller holds when it calls the write
 *   functions of @self
 *
 * Lends the document to another thread while the pages are drawn. A
 * GkDocument is read by one thread at a time (gk-document.h): even a read
 * moves the cursor of the model's lists, and 情况说明 keeps what a
 * composition wrote for the next one. The writer reads the document only
 * to lay it out; with @lock, it lets go of @lock once the layout is made
 * and takes it again when the pages are drawn, before it lays the document
 * out a second time (in the whole fonts) and before it returns. A thread
 * waiting for @lock then has the document to itself while the pages of a
 * large document are drawn and written.
 */
void
gk_pdf_writer_set_document_lock (GkPdfWriter *self,
                                 GMutex      *lock)
{
  g_return_if_fail (GK_IS_PDF_WRITER (self));
  self->document_lock = lock;
}

/* Whether the last PDF written is set in fonts cut to its characters. */
gboolean
gk_pdf_writer_get_cut_fonts (GkPdfWriter *self)
{
  g_return_val_if_fail (GK_IS_PDF_WRITER (self), FALSE);
  return self->cut_fonts;
}

/* Writing ------------------------------------------------------------------ */

/* The bytes of cairo's file waiting for the writing thread at most: a
 * few pages of a long disclosure, enough that the drawing seldom waits
 * for the disk; the memory stays the same whatever the length. */
#define PIPE_LIMIT (4 * 1024 * 1024)

/* The stream the finished PDF goes to. The first failure stops the rest:
 * a cancel between pages is kept here, a full disk or a file cairo should
 * not have made by the pipe's thread (gk-pdf-pipe.c). */
typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
  GkPdfPipe     *pipe;
} Output;

/* On the pipe's thread, the only one to use the stream meanwhile. */
static gboolean
write_output (const guchar  *data,
              gsize          size,
              gpointer       user_data,
              GError       **error)
{
  Output *output = user_data;

  return g_output_stream_write_all (output->stream, data, size, NULL, output->cancellable, error);
}

/* Cairo's file is put in order as it comes (gk-pdf-rewrite.c), on a
 * thread of its own: it is never whole in memory. */
static cairo_status_t
collect_output (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  Output *output = closure;

  if (output->error != NULL || !_gk_pdf_pipe_feed (output->pipe, data, length))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF set in a fallback font would look right to nobody: refuse. */
static gboolean
check_font (GkTypesetter  *typesetter,
            const char    *family,
            GError       **error)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (family);
  g_autoptr(PangoFont) font = NULL;
  g_autoptr(PangoFontDescription) found = NULL;
  PangoContext *context = gk_typesetter_get_context (typesetter);

  pango_font_description_set_family (description, family);
  font = pango_font_map_load_font (pango_context_get_font_map (context), context, description);
  if (font != NULL)
    found = pango_font_describe (font);
  if (found == NULL || g_ascii_strcasecmp (pango_font_description_get_family (found), family) != 0)
    {
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_FONT,
                   _("The font “%s” is not installed; install it or choose another font for the PDF"),
                   family);
      return FALSE;
    }
  return TRUE;
}

static void
set_metadata (cairo_surface_t *surface,
              GkDocument      *document)
{
  g_autofree char *title = gk_disclosure_dup_title (document);
  gboolean final = gk_template_is_final (gk_document_get_template (document));
  g_autofree char *subject = g_strdup_printf (final ? "%u年度部门决算" : "%u年部门预算公开", gk_document_get_year (document));
  const char *unit = gk_document_get_unit (document);
  const char *date = gk_document_get_date (document);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, unit ? unit : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, final ? "部门决算公开" : "部门预算公开");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gongkai " PACKAGE_VERSION);

  /* Dated by the document, not the clock, so that the same document gives
   * the same bytes (cairo would stamp the time of the export). */
  if (date != NULL && strlen (date) == 10 &&
      g_date_valid_dmy (atoi (date + 8), atoi (date + 5), atoi (date)) &&
      date[4] == '-' && date[7] == '-')
    {
      g_autofree char *stamp = g_strdup_printf ("%sT00:00:00+08:00", date);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
    }
}

static void
add_outline (cairo_surface_t *surface,
             GkPageLayout    *layout)
{
  guint n = gk_page_layout_get_n_outline (layout);
  g_autofree int *ids = g_new0 (int, n + 1);

  ids[0] = CAIRO_PDF_OUTLINE_ROOT;
  for (guint i = 0; i < n; i++)
    {
      const char *title, *anchor;
      g_autofree char *link = NULL;
      guint parent;

      gk_page_layout_get_outline (layout, i, &parent, &title, &anchor);
      link = g_strdup_printf ("dest='%s'", anchor);
      ids[i + 1] = cairo_pdf_surface_add_outline (surface, ids[parent], title, link,
                                                  parent == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    }
}

static gboolean
render (GkPageLayout   *layout,
        GkDocument     *document,
        GMutex         *document_lock,
        Output         *output,
        GkProgressFunc  progress,
        gpointer        progress_data,
        GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  GkPdfRewriter *rewriter;
  GError *pipe_error = NULL;
  gint64 closing;
  double width, height;
  guint n_pages = gk_page_layout_get_n_pages (layout);

  gk_page_layout_get_page_size (layout, 0, &width, &height);
  rewriter = _gk_pdf_rewriter_new ("zh-CN", write_output, output);
  output->pipe = _gk_pdf_pipe_new (rewriter, PIPE_LIMIT);
  surface = cairo_pdf_surface_create_for_stream (collect_output, output, width, height);
  set_metadata (surface, document);
  /* From here on only the layout is read: the document is free for
   * another reader until the pages are drawn. */
  if (document_lock != NULL)
    g_mutex_unlock (document_lock);
  cr = cairo_create (surface);

  for (guint i = 0; i < n_pages && output->error == NULL && !_gk_pdf_pipe_failed (output->pipe); i++)
    {
      if (g_cancellable_set_error_if_cancelled (output->cancellable, &output->error))
        break;
      gk_page_layout_get_page_size (layout, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      gk_page_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (0.5 + 0.5 * (i + 1) / n_pages, progress_data);
    }
  add_outline (surface, layout);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  /* The thread ends before anything else is reported; the end of the
   * file waits for all the rest anyway. */
  closing = g_get_monotonic_time ();
  if (!_gk_pdf_pipe_close (output->pipe, output->error == NULL && status == CAIRO_STATUS_SUCCESS, &pipe_error))
    {
      if (output->error == NULL)
        output->error = g_steal_pointer (&pipe_error);
      g_clear_error (&pipe_error);
    }
  g_debug ("PDF writing thread: %.0f ms of CPU, %" G_GSIZE_FORMAT " KB queued at most; waited for at the end %.0f ms",
           _gk_pdf_pipe_get_cpu_ms (output->pipe), _gk_pdf_pipe_get_most_queued (output->pipe) / 1024,
           (g_get_monotonic_time () - closing) / 1e3);
  g_clear_pointer (&output->pipe, _gk_pdf_pipe_free);
  if (output->error == NULL && status == CAIRO_STATUS_SUCCESS)
    _gk_pdf_rewriter_finish (rewriter, &output->error);
  _gk_pdf_rewriter_free (rewriter);
  if (document_lock != NULL)
    g_mutex_lock (document_lock);

  if (output->error != NULL)
    {
      if (output->error->domain == GK_PDF_ERROR)
        {
          g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER,
                       _("The finished PDF could not be put in order: %s"), output->error->message);
          g_clear_error (&output->error);
        }
      else
        g_propagate_error (error, g_steal_pointer (&output->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GK_PDF_ERROR, GK_PDF_ERROR_RENDER, "%s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_pdf (GkPdfWriter     *self,
           PangoFontMap    *font_map,
           GOutputStream   *stream,
           GkProgressFunc   progress,
           gpointer         progress_data,
           GCancellable    *cancellable,
           GError         **error)
{
  GkPdfOptions options = { 0, };
  g_autoptr(GkPageLayout) layout = NULL;
  Output output = { stream, cancellable, NULL, NULL };

  options.with_charts = self->with_charts;
  options.body_font = self->body_font;
  options.heading_font = self->heading_font;
  layout = gk_disclosure_layout_new_for_font_map (self->document, &options, font_map);
  if (!check_font (gk_page_layout_get_typesetter (layout),
                   gk_typesetter_get_body_family (gk_page_layout_get_typesetter (layout)), error) ||
      !check_font (gk_page_layout_get_typesetter (layout),
                   gk_typesetter_get_heading_family (gk_page_layout_get_typesetter (layout)), error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (0.5, progress_data);

  self->n_pages = gk_page_layout_get_n_pages (layout);
  return render (layout, self->document, self->document_lock, &output, progress, progress_data, error);
}

/* Writes the PDF with the fonts cut to self->characters into a file
 * beside them, and copies it to @stream when no text showed a glyph the
 * cut fonts lack. Returns FALSE with @error unset when the whole fonts
 * must make it instead. */
static gboolean
write_cut (GkPdfWriter     *self,
           GOutputStream   *stream,
           GkProgressFunc   progress,
           gpointer         progress_data,
           GCancellable    *cancellable,
           GError         **error)
{
  const char *families[] = {
    self->body_font ? self->body_font : GK_DEFAULT_BODY_FONT,
    self->heading_font ? self->heading_font : GK_DEFAULT_HEADING_FONT,
    /* The charts' own, when it is not one of those two. */
    self->with_charts ? GK_CHART_FONT_FAMILY : NULL,
    NULL
  };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GkFontSubset) subset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  gsize length;
  const char *text = g_bytes_get_data (self->characters, &length);

  subset = gk_font_subset_new (families, text, length, &local_error);
  if (subset != NULL)
    {
      file = g_file_new_build_filename (gk_font_subset_get_directory (subset), "cut.pdf", NULL);
      out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
    }
  if (out != NULL &&
      write_pdf (self, gk_font_subset_get_font_map (subset), G_OUTPUT_STREAM (out),
                 progress, progress_data, cancellable, &local_error) &&
      g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error) &&
      !gk_font_subset_saw_unknown_glyphs (subset))
    {
      in = g_file_read (file, cancellable, error);
      self->cut_fonts = in != NULL &&
                        g_output_stream_splice (stream, G_INPUT_STREAM (in), G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                                                cancellable, error) >= 0;
      return self->cut_fonts;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_debug ("The PDF is set in the whole fonts: %s",
           local_error != NULL ? local_error->message : "the cut fonts lack a character");
  return FALSE;
}

/**
 * gk_pdf_writer_write_to_stream:
 * @stream: where the PDF goes; the caller opened it and closes it
 * @progress: (nullable): told the share done, after the layout and after
 *   each page
 * @cancellable: (nullable): stops between pages and between writes
 *
 * Lays the document out and writes it as a PDF into @stream. The fonts
 * are checked before anything is written.
 *
 * Returns: %TRUE on success
 */
gboolean
gk_pdf_writer_write_to_stream (GkPdfWriter     *self,
                               GOutputStream   *stream,
                               GkProgressFunc   progress,
                               gpointer         progress_data,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (GK_IS_PDF_WRITER (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->cut_fonts = FALSE;
  if (self->characters != NULL)
    {
      if (write_cut (self, stream, progress, progress_data, cancellable, &local_error))
        return TRUE;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return write_pdf (self, NULL, stream, progress, progress_data, cancellable, error);
}

/* The pages of the last PDF written. */
guint
gk_pdf_writer_get_n_pages (GkPdfWriter *self)
{
  g_return_val_if_fail (GK_IS_PDF_WRITER (self), 0);
  return self->n_pages;
}
