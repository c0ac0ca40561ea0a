/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gk-atomic-writer.h"
#include "gk-table-layout.h"
#include "gk-xlsx-writer.h"

/* The nine tables as an Excel workbook, one sheet each, laid out as they
 * are printed so that a publisher can post the workbook as it is. Every
 * figure is a value (never a formula): the workbook must show what Gongkai
 * derived even in a program that does not recompute. */

#define PAPER_A4        9
#define TITLE_ROW       0
#define UNIT_ROW        1
#define FIRST_HEADER    2
#define MIN_WIDTH       4.0
#define MAX_WIDTH       60.0
/* A header wraps; it widens its column only up to this many cells. */
#define MAX_HEADER_WIDTH 16

typedef struct
{
  lxw_format *title;
  lxw_format *unit_left;
  lxw_format *unit_right;
  lxw_format *header;
  lxw_format *code[2];      /* [1]: 合计 line */
  lxw_format *text[2][3];   /* by total, indent */
  lxw_format *amount[2];
  lxw_format *note;
} Formats;

static lxw_format *
add_cell_format (lxw_workbook *workbook,
                 gboolean      bold)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (bold)
    format_set_bold (format);
  return format;
}

static void
formats_init (Formats      *f,
              lxw_workbook *workbook)
{
  f->title = workbook_add_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 16);
  format_set_align (f->title, LXW_ALIGN_CENTER);
  format_set_align (f->title, LXW_ALIGN_VERTICAL_CENTER);

  f->unit_left = workbook_add_format (workbook);
  format_set_align (f->unit_left, LXW_ALIGN_LEFT);
  f->unit_right = workbook_add_format (workbook);
  format_set_align (f->unit_right, LXW_ALIGN_RIGHT);

  f->header = add_cell_format (workbook, TRUE);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->header);
  format_set_pattern (f->header, LXW_PATTERN_SOLID);
  format_set_bg_color (f->header, 0xE7E6E6);

  for (guint bold = 0; bold < 2; bold++)
    {
      /* Text, so that 03 keeps its leading zero in every program. */
      f->code[bold] = add_cell_format (workbook, bold);
      format_set_num_format (f->code[bold], "@");
      format_set_align (f->code[bold], LXW_ALIGN_CENTER);

      for (guint indent = 0; indent < 3; indent++)
        {
          f->text[bold][indent] = add_cell_format (workbook, bold);
          format_set_num_format (f->text[bold][indent], "@");
          if (indent > 0)
            format_set_indent (f->text[bold][indent], indent);
        }

      f->amount[bold] = add_cell_format (workbook, bold);
      format_set_num_format (f->amount[bold], "#,##0.00");
    }

  f->note = workbook_add_format (workbook);
  format_set_text_wrap (f->note);
  format_set_align (f->note, LXW_ALIGN_LEFT);
  format_set_align (f->note, LXW_ALIGN_VERTICAL_TOP);
}

/* Excel measures columns in widths of a Latin digit; a CJK character takes
 * two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      width += g_unichar_iswide (c) || g_unichar_iswide_cjk (c) ? 2 : 1;
    }
  return width;
}

static gboolean
check (lxw_error    status,
       const char  *path,
       GError     **error)
{
  if (status == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot write the workbook “%s”: %s"), path, lxw_strerror (status));
  return FALSE;
}

static gboolean
write_text_row (lxw_worksheet *sheet,
                lxw_row_t      row,
                guint          n_columns,
                const char    *text,
                lxw_format    *format,
                const char    *path,
                GError       **error)
{
  if (n_columns > 1)
    return check (worksheet_merge_range (sheet, row, 0, row, n_columns - 1, text, format), path, error);
  return check (worksheet_write_string (sheet, row, 0, text, format), path, error);
}

/* 编制部门 on the left, the money unit on the right, as printed. */
static gboolean
write_unit_row (lxw_worksheet *sheet,
                GkDocument    *doc,
                GkTableLayout *layout,
                guint          n_columns,
                Formats       *f,
                const char    *path,
                GError       **error)
{
  g_autofree char *unit = g_strconcat ("编制部门：", gk_document_get_unit (doc) ? gk_document_get_unit (doc) : "", NULL);
  const char *money = layout->unit_line;
  guint right_span = MAX (1, n_columns / 3);
  guint left_span = n_columns > right_span ? n_columns - right_span : 1;

  if (n_columns < 2)
    {
      g_autofree char *both = g_strconcat (unit, "  ", money, NULL);
      return check (worksheet_write_string (sheet, UNIT_ROW, 0, both, f->unit_left), path, error);
    }
  if (left_span > 1)
    {
      if (!check (worksheet_merge_range (sheet, UNIT_ROW, 0, UNIT_ROW, left_span - 1, unit, f->unit_left), path, error))
        return FALSE;
    }
  else if (!check (worksheet_write_string (sheet, UNIT_ROW, 0, unit, f->unit_left), path, error))
    return FALSE;
  if (right_span > 1)
    return check (worksheet_merge_range (sheet, UNIT_ROW, left_span, UNIT_ROW, n_columns - 1, money, f->unit_right), path, error);
  return check (worksheet_write_string (sheet, UNIT_ROW, left_span, money, f->unit_right), path, error);
}

static gboolean
write_header (lxw_worksheet *sheet,
              GkTableLayout *layout,
              Formats       *f,
              guint         *widths,
              const char    *path,
              GError       **error)
{
  /* Blank bordered cells first: a header cell may leave a gap. */
  for (guint r = 0; r < layout->n_header_rows; r++)
    for (guint c = 0; c < layout->n_columns; c++)
      if (!check (worksheet_write_blank (sheet, FIRST_HEADER + r, c, f->header), path, error))
        return FALSE;

  for (guint i = 0; i < layout->header->len; i++)
    {
      GkLayoutHeaderCell *cell = g_ptr_array_index (layout->header, i);
      lxw_row_t row = FIRST_HEADER + cell->row;
      lxw_col_t col = cell->column;
      lxw_error status;

      if (cell->row_span > 1 || cell->column_span > 1)
        status = worksheet_merge_range (sheet, row, col,
                                        row + cell->row_span - 1, col + cell->column_span - 1,
                                        cell->text, f->header);
      else
        status = worksheet_write_string (sheet, row, col, cell->text, f->header);
      if (!check (status, path, error))
        return FALSE;
      if (cell->column_span == 1)
        widths[col] = MAX (widths[col], MIN (display_width (cell->text), MAX_HEADER_WIDTH));
    }
  return TRUE;
}

static gboolean
write_line (lxw_worksheet *sheet,
            lxw_row_t      row,
            GkTableLayout *layout,
            GkLayoutLine  *line,
            Formats       *f,
            guint         *widths,
            const char    *path,
            GError       **error)
{
  guint bold = line->total ? 1 : 0;
  gboolean name_seen = FALSE;

  for (guint c = 0; c < layout->n_columns; c++)
    {
      const char *text = line->cells[c];
      lxw_error status;

      switch (line->plain ? GK_LAYOUT_COLUMN_TEXT : layout->kinds[c])
        {
        case GK_LAYOUT_COLUMN_CODE:
          status = text[0] != '\0'
                     ? worksheet_write_string (sheet, row, c, text, f->code[bold])
                     : worksheet_write_blank (sheet, row, c, f->code[bold]);
          widths[c] = MAX (widths[c], display_width (text));
          break;

        case GK_LAYOUT_COLUMN_TEXT:
          {
            /* Only the first name column shows the 类/款/项 depth. */
            guint indent = name_seen ? 0 : MIN (line->depth, 2);

            name_seen = TRUE;
            status = text[0] != '\0'
                       ? worksheet_write_string (sheet, row, c, text, f->text[bold][indent])
                       : worksheet_write_blank (sheet, row, c, f->text[bold][indent]);
            widths[c] = MAX (widths[c], display_width (text) + 2 * indent);
          }
          break;

        case GK_LAYOUT_COLUMN_AMOUNT:
        default:
          {
            GkAmount amount;

            if (text[0] == '\0')
              {
                status = worksheet_write_blank (sheet, row, c, f->amount[bold]);
                break;
              }
            if (!gk_amount_parse (text, GK_AMOUNT_PARSE_ALLOW_NEGATIVE, &amount, NULL))
              {
                /* The layout prints amounts it formatted itself. */
                g_critical ("Unexpected amount text “%s” in a table layout", text);
                status = worksheet_write_string (sheet, row, c, text, f->amount[bold]);
                break;
              }
            status = worksheet_write_number (sheet, row, c, (double) amount / 100.0, f->amount[bold]);
            {
              g_autofree char *grouped = gk_amount_format_grouped (amount);
              widths[c] = MAX (widths[c], display_width (grouped));
            }
          }
          break;
        }
      if (!check (status, path, error))
        return FALSE;
    }
  return TRUE;
}

static double
column_width (guint content_width)
{
  return CLAMP (content_width + 2.0, MIN_WIDTH, MAX_WIDTH);
}

/* Programs do not grow a row for wrapped text they did not lay out
 * themselves: give each header row the lines its longest title needs. */
static gboolean
set_header_heights (lxw_worksheet *sheet,
                    GkTableLayout *layout,
                    const guint   *widths,
                    const char    *path,
                    GError       **error)
{
  g_autofree guint *lines = g_new0 (guint, MAX (layout->n_header_rows, 1));

  for (guint i = 0; i < layout->header->len; i++)
    {
      GkLayoutHeaderCell *cell = g_ptr_array_index (layout->header, i);
      double room = 0;
      guint needed;

      for (guint c = cell->column; c < cell->column + cell->column_span && c < layout->n_columns; c++)
        room += column_width (widths[c]) - 1;
      needed = (guint) ((display_width (cell->text) + room - 1) / MAX (room, 1));
      needed = (needed + cell->row_span - 1) / cell->row_span;
      lines[cell->row] = MAX (lines[cell->row], MAX (needed, 1));
    }
  for (guint r = 0; r < layout->n_header_rows; r++)
    if (!check (worksheet_set_row (sheet, FIRST_HEADER + r, 16.0 * lines[r], NULL), path, error))
      return FALSE;
  return TRUE;
}

static gboolean
write_table (lxw_workbook *workbook,
             GkDocument   *doc,
             GkTable      *table,
             Formats      *f,
             const char   *page_header,
             const char   *path,
             GError      **error)
{
  g_autoptr(GkTableLayout) layout = gk_table_layout_new (doc, table);
  g_autofree char *label = gk_table_schema_dup_label (layout->schema);
  g_autofree char *title = gk_table_layout_title (table);
  g_autofree guint *widths = g_new0 (guint, MAX (layout->n_columns, 1));
  const char *note = gk_table_get_note (table);
  const char *explanation = gk_table_get_empty_explanation (table);
  guint n_columns = MAX (layout->n_columns, 1);
  lxw_row_t first_line = FIRST_HEADER + layout->n_header_rows;
  lxw_row_t row = first_line;
  lxw_worksheet *sheet;

  sheet = workbook_add_worksheet (workbook, label);
  if (sheet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook “%s”: the sheet %s cannot be added"), path, label);
      return FALSE;
    }

  if (!write_text_row (sheet, TITLE_ROW, n_columns, title, f->title, path, error) ||
      !check (worksheet_set_row (sheet, TITLE_ROW, 30, NULL), path, error) ||
      !write_unit_row (sheet, doc, layout, n_columns, f, path, error) ||
      !write_header (sheet, layout, f, widths, path, error))
    return FALSE;

  for (guint i = 0; i < layout->lines->len; i++, row++)
    if (!write_line (sheet, row, layout, g_ptr_array_index (layout->lines, i), f, widths, path, error))
      return FALSE;

  if (note != NULL && note[0] != '\0')
    {
      g_autofree char *text = g_str_has_prefix (note, "注：") || g_str_has_prefix (note, "说明：")
                                ? g_strdup (note) : g_strconcat ("备注：", note, NULL);
      if (!write_text_row (sheet, row++, n_columns, text, f->note, path, error))
        return FALSE;
    }
  if (explanation != NULL && explanation[0] != '\0' && gk_table_is_empty (table))
    {
      /* A 决算's reason is typed with its 说明： as the PDF prints it. */
      g_autofree char *text = g_str_has_prefix (explanation, "说明：")
                                ? g_strdup (explanation) : g_strconcat ("说明：", explanation, NULL);
      if (!write_text_row (sheet, row++, n_columns, text, f->note, path, error))
        return FALSE;
    }

  for (guint c = 0; c < layout->n_columns; c++)
    if (!check (worksheet_set_column (sheet, c, c, column_width (widths[c]), NULL), path, error))
      return FALSE;
  if (!set_header_heights (sheet, layout, widths, path, error))
    return FALSE;

  worksheet_freeze_panes (sheet, first_line, 0);
  worksheet_set_paper (sheet, PAPER_A4);
  if (layout->schema->landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_center_horizontally (sheet);
  if (layout->n_header_rows > 0 &&
      !check (worksheet_repeat_rows (sheet, FIRST_HEADER, first_line - 1), path, error))
    return FALSE;
  if (!check (worksheet_set_header (sheet, page_header), path, error) ||
      !check (worksheet_set_footer (sheet, "&C&P / &N"), path, error))
    return FALSE;
  return TRUE;
}

/* libxlsxwriter reports a failed write only now and then (a zip that
 * lost its end to a full disk can come back as success), so the file is
 * checked before it replaces anything: a zip ends with its central
 * directory's end record, which says where the directory starts and how
 * long it is, and these must add up to the file's size. */
static gboolean
zip_is_complete (const char *path)
{
  guint8 end[22];
  GStatBuf st;
  guint32 size, offset;
  FILE *file;
  gboolean ok;

  if (g_stat (path, &st) != 0 || st.st_size < (goffset) sizeof end)
    return FALSE;
  file = g_fopen (path, "rb");
  if (file == NULL)
    return FALSE;
  ok = fseek (file, -(long) sizeof end, SEEK_END) == 0 && fread (end, 1, sizeof end, file) == sizeof end;
  fclose (file);
  if (!ok || memcmp (end, "PK\x05\x06", 4) != 0)
    return FALSE;
  size = end[12] | end[13] << 8 | end[14] << 16 | (guint32) end[15] << 24;
  offset = end[16] | end[17] << 8 | end[18] << 16 | (guint32) end[19] << 24;
  return (goffset) offset + size + sizeof end == st.st_size;
}

/**
 * gk_xlsx_export_file:
 * @progress: (nullable): told the share done after each table
 *
 * Writes the workbook through the atomic writer: libxlsxwriter writes the
 * temporary file beside @file itself, which is checked, flushed and
 * renamed over @file only when complete. A failure or a cancel leaves the
 * previous workbook whole.
 */
gboolean
gk_xlsx_export_file (GkDocument        *doc,
                     GFile             *file,
                     GkProgressFunc     progress,
                     gpointer           progress_data,
                     GCancellable      *cancellable,
                     GError           **error)
{
  g_autoptr(GkAtomicWriter) writer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *doc_title = NULL;
  g_autofree char *page_header = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  lxw_workbook *workbook;
  Formats formats;
  gboolean ok = TRUE;
  gboolean final;
  guint n_tables;

  g_return_val_if_fail (GK_IS_DOCUMENT (doc), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = gk_atomic_writer_new (file, GK_ATOMIC_NONE, cancellable, error);
  if (writer == NULL)
    return FALSE;
  path = g_file_get_parse_name (file);

  workbook = workbook_new_opt (gk_atomic_writer_get_temp_path (writer), &options);
  if (workbook == NULL)
    {
      gk_atomic_writer_abort (writer);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook “%s”: it cannot be created"), path);
      return FALSE;
    }

  /* The year is printed nowhere in the tables themselves; the workbook's
   * title carries it, as the disclosure's cover does. */
  final = gk_template_is_final (gk_document_get_template (doc));
  doc_title = g_strdup_printf (final ? "%s%u年度部门决算公开表" : "%s%u年部门预算公开表",
                               gk_document_get_unit (doc) ? gk_document_get_unit (doc) : "",
                               gk_document_get_year (doc));
  page_header = g_strdup_printf ("&C%s", doc_title);
  properties.title = doc_title;
  properties.author = (char *) gk_document_get_unit (doc);
  properties.subject = (char *) (final ? "部门决算公开" : "部门预算公开");
  properties.comments = (char *) "Gongkai " PACKAGE_VERSION;
  workbook_set_properties (workbook, &properties);

  formats_init (&formats, workbook);
  n_tables = gk_document_get_n_tables (doc);
  for (guint i = 0; ok && i < n_tables; i++)
    {
      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           write_table (workbook, doc, gk_document_get_table_at (doc, i), &formats,
                        page_header, path, error);
      if (ok && progress != NULL)
        progress ((double) (i + 1) / (n_tables + 1), progress_data);
    }

  /* Closing frees the workbook whatever happened, and writes it only then. */
  if (!check (workbook_close (workbook), path, ok ? error : NULL))
    ok = FALSE;
  if (ok && !zip_is_complete (gk_atomic_writer_get_temp_path (writer)))
    {
      /* Most likely the disk filled up; say so rather than nothing. */
      gk_atomic_set_io_error (error, file, ENOSPC);
      ok = FALSE;
    }
  if (!ok)
    {
      gk_atomic_writer_abort (writer);
      return FALSE;
    }
  if (!gk_atomic_writer_commit (writer, cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

gboolean
gk_xlsx_export (GkDocument  *doc,
                const char  *path,
                GError     **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  return gk_xlsx_export_file (doc, file, NULL, NULL, NULL, error);
}

/**
 * gk_xlsx_write_list:
 * @file: the workbook to write
 * @sheet_name: the one sheet's name
 * @header: (array zero-terminated=1): the column titles
 * @rows: (element-type GStrv): the rows, each as many texts as @header
 *
 * A plain list as a workbook: a bold header that stays in view and
 * filters, every cell text (a value that looks like a formula stays
 * text), through the atomic writer like the disclosure workbook.
 */
gboolean
gk_xlsx_write_list (GFile               *file,
                    const char          *sheet_name,
                    const char * const  *header,
                    GPtrArray           *rows,
                    GError             **error)
{
  g_autoptr(GkAtomicWriter) writer = NULL;
  g_autofree char *path = NULL;
  g_autofree guint *widths = NULL;
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold;
  guint n_columns = g_strv_length ((char **) header);
  gboolean ok = TRUE;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (n_columns > 0, FALSE);

  writer = gk_atomic_writer_new (file, GK_ATOMIC_NONE, NULL, error);
  if (writer == NULL)
    return FALSE;
  path = g_file_get_parse_name (file);
  /* Many rows: written row by row rather than kept in memory. */
  options.constant_memory = LXW_TRUE;
  workbook = workbook_new_opt (gk_atomic_writer_get_temp_path (writer), &options);
  if (workbook == NULL)
    {
      gk_atomic_writer_abort (writer);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the workbook “%s”: it cannot be created"), path);
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, sheet_name);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);

  widths = g_new0 (guint, n_columns);
  for (guint c = 0; c < n_columns; c++)
    widths[c] = display_width (header[c]);
  for (guint r = 0; r < rows->len; r++)
    for (guint c = 0; c < n_columns; c++)
      widths[c] = MAX (widths[c], display_width (((char **) g_ptr_array_index (rows, r))[c]));
  for (guint c = 0; ok && c < n_columns; c++)
    ok = check (worksheet_set_column (sheet, c, c, CLAMP (widths[c] + 2, MIN_WIDTH, MAX_WIDTH), NULL),
                path, error);

  for (guint c = 0; ok && c < n_columns; c++)
    ok = check (worksheet_write_string (sheet, 0, c, header[c], bold), path, error);
  for (guint r = 0; ok && r < rows->len && r + 1 < LXW_ROW_MAX; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; ok && c < n_columns; c++)
        if (row[c] != NULL && row[c][0] != '\0')
          ok = check (worksheet_write_string (sheet, r + 1, c, row[c], NULL), path, error);
    }
  if (ok)
    {
      worksheet_freeze_panes (sheet, 1, 0);
      ok = check (worksheet_autofilter (sheet, 0, 0, MIN (rows->len, LXW_ROW_MAX - 1), n_columns - 1),
                  path, error);
    }

  if (!check (workbook_close (workbook), path, ok ? error : NULL))
    ok = FALSE;
  if (ok && !zip_is_complete (gk_atomic_writer_get_temp_path (writer)))
    {
      gk_atomic_set_io_error (error, file, ENOSPC);
      ok = FALSE;
    }
  if (!ok)
    {
      gk_atomic_writer_abort (writer);
      return FALSE;
    }
  return gk_atomic_writer_commit (writer, NULL, error);
}
