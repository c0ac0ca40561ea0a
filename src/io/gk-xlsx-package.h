/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gsf/gsf.h>

#include "gk-xlsx-workbook.h"

G_BEGIN_DECLS

/* Shared by gk-xlsx-workbook.c (the package, its small parts) and
 * gk-xlsx-cells.c (sheets and shared strings, streamed). A workbook comes
 * from anywhere: everything it may make Gongkai hold or do is bounded here,
 * before it is allocated, so that no file of a few megabytes can take
 * more than seconds or a few hundred megabytes. Real budget workbooks stay
 * far below every limit. */

/* Bytes of one part once inflated, and of all parts read together. */
#define GK_XLSX_MAX_PART_SIZE        (64 * 1024 * 1024)
#define GK_XLSX_MAX_SMALL_PART_SIZE  (8 * 1024 * 1024)   /* parts read whole: rels, workbook, styles */
#define GK_XLSX_MAX_PACKAGE_SIZE     (256 * 1024 * 1024)
/* Bytes of one text: a spreadsheet cell holds 32 767 characters. */
#define GK_XLSX_MAX_STRING_SIZE      (32767 * 4)
#define GK_XLSX_MAX_SHARED_STRINGS   200000
/* Cells held (a row holds every cell up to its last one), merged-over
 * cells included, and the bytes of text they hold, over the workbook. */
#define GK_XLSX_MAX_CELLS            2000000
#define GK_XLSX_MAX_TEXT_SIZE        (32 * 1024 * 1024)
#define GK_XLSX_MAX_MERGED_CELLS     100000

typedef struct
{
  GsfInfile  *zip;
  const char *display_name;
  guint64     n_read;      /* bytes inflated so far */
  guint64     n_cells;
  guint64     n_text;
  guint64     n_merged;
} GkXlsxPackage;

GsfInput    *gk_xlsx_package_open_part    (GkXlsxPackage  *pkg,
                                           const char     *part,
                                           const char     *sheet,
                                           gsf_off_t       max_size,
                                           GError        **error);
gboolean     gk_xlsx_check_no_doctype     (GkXlsxPackage  *pkg,
                                           const char     *part,
                                           const char     *data,
                                           gsize           size,
                                           GError        **error);
void         gk_xlsx_set_doctype_error    (GkXlsxPackage  *pkg,
                                           const char     *part,
                                           GError        **error);
GPtrArray   *gk_xlsx_read_shared_strings  (GkXlsxPackage  *pkg,
                                           const char     *part,
                                           GError        **error);
GkXlsxSheet *gk_xlsx_read_sheet           (GkXlsxPackage  *pkg,
                                           const char     *name,
                                           const char     *part,
                                           GPtrArray      *strings,
                                           GError        **error);
void         gk_xlsx_sheet_free           (gpointer        sheet);

G_END_DECLS
