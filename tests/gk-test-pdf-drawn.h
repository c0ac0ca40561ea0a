/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo-pdf.h>

#include "gk-disclosure-layout.h"
#include "gk-indicator.h"
#include "gk-project.h"
#include "gk-test-common.h"

/* A long disclosure, and the PDF as cairo writes it before it is put in
 * order, for the tests of what puts it in order. */

/* The sample with @n more projects, each with seven indicators, as the
 * benchmarks generate them. */
static inline GkDocument *
gk_test_with_projects (guint n)
{
  GkDocument *document = gk_test_load_sample ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("网格化管理经费%u", i + 1));
      g_ptr_array_add (codes, (gpointer) "2010399");
    }
  added = gk_document_add_projects (document, (const char * const *) names->pdata,
                                    (const char * const *) codes->pdata, n);
  g_assert_cmpuint (added->len, ==, n);
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < 7; k++)
      {
        g_autoptr(GkIndicator) indicator = gk_indicator_new ("产出指标", k < 4 ? "数量指标" : "质量指标",
                                                             "覆盖的网格数", "≥120个");
        gk_document_list_insert (document, gk_project_get_indicators (added->pdata[i]), k, indicator);
      }
  return document;
}

static inline cairo_status_t
gk_test_collect_drawn (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The PDF as cairo writes it, before it is put in order; dated, so that
 * the same document gives the same bytes. */
static inline GBytes *
gk_test_draw_raw (GkDocument *document)
{
  GkPdfOptions options = { 0, };
  g_autoptr(GkPageLayout) layout = gk_disclosure_layout_new (document, &options);
  GByteArray *drawn = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  gk_page_layout_get_page_size (layout, 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (gk_test_collect_drawn, drawn, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2020-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, "2020-01-01T00:00:00Z");
  cr = cairo_create (surface);
  for (guint i = 0; i < gk_page_layout_get_n_pages (layout); i++)
    {
      gk_page_layout_get_page_size (layout, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      gk_page_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (drawn);
}
