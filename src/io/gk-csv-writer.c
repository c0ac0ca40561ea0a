/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-atomic-writer.h"
#include "gk-csv-writer.h"
#include "gk-table-layout.h"
#include "gk-table-unit.h"

/* One CSV file per table, as printed: the header rows (a merged cell's text
 * in its first cell), the lines with 合计, amounts with two decimals, blank
 * cells empty. UTF-8 with a byte-order mark and CRLF line ends, which is
 * what Excel needs to read Chinese text from a CSV file. A table printed in
 * another unit than its document's (a 万元 三公 table among 元 tables)
 * starts with its 单位 line: its figures alone would be read wrongly. */

static void
append_field (GString    *out,
              const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * gk_csv_append_record:
 * @fields: (array length=n): the fields; %NULL ones are written empty
 *
 * Appends one CSV line, quoted as needed and ended with CRLF.
 */
void
gk_csv_append_record (GString            *out,
                      const char * const *fields,
                      guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i] ? fields[i] : "");
    }
  g_string_append (out, "\r\n");
}

GBytes *
gk_csv_serialize_table (GkDocument *document,
                        GkTable    *table)
{
  g_autoptr(GkTableLayout) layout = NULL;
  g_autofree const char **fields = NULL;
  GString *out;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table), NULL);

  layout = gk_table_layout_new (document, table);
  fields = g_new0 (const char *, layout->n_columns);
  out = g_string_new ("\xEF\xBB\xBF");

  if (gk_table_unit_differs (table, document))
    {
      memset (fields, 0, sizeof (char *) * layout->n_columns);
      fields[0] = layout->unit_line;
      gk_csv_append_record (out, fields, layout->n_columns);
    }

  for (guint r = 0; r < layout->n_header_rows; r++)
    {
      memset (fields, 0, sizeof (char *) * layout->n_columns);
      for (guint i = 0; i < layout->header->len; i++)
        {
          GkLayoutHeaderCell *cell = g_ptr_array_index (layout->header, i);
          if (cell->row == r)
            fields[cell->column] = cell->text;
        }
      gk_csv_append_record (out, fields, layout->n_columns);
    }
  for (guint i = 0; i < layout->lines->len; i++)
    {
      GkLayoutLine *line = g_ptr_array_index (layout->lines, i);
      gk_csv_append_record (out, (const char * const *) line->cells, layout->n_columns);
    }
  return g_string_free_to_bytes (out);
}

/* Writes 表一.csv … 表九.csv into `directory`, creating it if needed. Each
 * file is replaced atomically; a cancel stops between files and leaves
 * the one being written as it was. */
gboolean
gk_csv_export_document (GkDocument      *document,
                        GFile           *directory,
                        GkProgressFunc   progress,
                        gpointer         progress_data,
                        GCancellable    *cancellable,
                        GError         **error)
{
  guint n_tables;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  if (!gk_file_make_folder (directory, error))
    return FALSE;

  n_tables = gk_document_get_n_tables (document);
  for (guint i = 0; i < n_tables; i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);
      g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (table));
      g_autofree char *name = g_strconcat (label, ".csv", NULL);
      g_autoptr(GFile) file = g_file_get_child (directory, name);
      g_autoptr(GBytes) bytes = gk_csv_serialize_table (document, table);

      if (!gk_file_write_bytes_atomic (file, bytes, GK_ATOMIC_NONE, cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress ((double) (i + 1) / n_tables, progress_data);
    }
  return TRUE;
}
