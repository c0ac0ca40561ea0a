/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "gk-xlsx-package.h"
#include "gk-xlsx-reader.h"

/* Sheets and shared strings are the parts that grow with a workbook: they
 * are read as a stream of parser events straight from the zip, never as a
 * tree, and every text, cell and merged range is counted against the
 * limits of gk-xlsx-package.h before it is kept. A cell's text is a
 * GRefString, so that the cells a shared string or a merged range fills
 * hold one copy of it, not one each. */

#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  GkXlsxPackage *pkg;
  const char    *part;
  xmlParserCtxt *ctxt;
  GError        *error;        /* a limit or a damaged reference: stops the parse */
  gboolean       doctype;
  int            xml_line;     /* of the first XML error, or 0 */
  guint          skip_depth;   /* > 0 inside phonetic guides (<rPh>) */
  GString       *collect;      /* the text being read, or NULL */

  /* Shared strings */
  GPtrArray     *strings;
  GString       *item;
  gboolean       in_item;

  /* A sheet */
  GkXlsxSheet   *sheet;
  GPtrArray     *shared;
  GArray        *merges;       /* guint[4]: r0, c0, r1, c1 */
  gboolean       in_data;
  gboolean       in_row;
  gboolean       row_skipped;
  gboolean       in_cell;
  gboolean       cell_skipped;
  gboolean       in_inline;
  guint          next_row;
  guint          next_column;
  guint          row;
  guint          cell_row;
  guint          cell_column;
  char          *cell_type;
  guint          cell_style;
  gboolean       cell_formula;
  GString       *value;        /* <v> */
  GString       *inline_text;  /* <is> */
} Reader;

static void
fail (Reader *r,
      GError *error)
{
  if (r->error == NULL)
    r->error = error;
  else
    g_error_free (error);
  xmlStopParser (r->ctxt);
}

static const char *
attribute (int             n_attributes,
           const xmlChar **attributes,
           const char     *name,
           char           *buffer,
           gsize           size)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **a = attributes + i * 5;
      gsize len = a[4] - a[3];

      /* Only unprefixed ones: r, t, s, ref */
      if (a[1] != NULL || strcmp ((const char *) a[0], name) != 0)
        continue;
      if (len >= size)
        len = size - 1;
      memcpy (buffer, a[3], len);
      buffer[len] = '\0';
      return buffer;
    }
  return NULL;
}

/* "AB12" → row 11, column 27. */
static gboolean
parse_reference (const char *ref,
                 guint      *row,
                 guint      *column)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  while (g_ascii_isalpha (*p) && c <= 100000)
    c = c * 26 + (g_ascii_toupper (*p++) - 'A' + 1);
  while (g_ascii_isdigit (*p) && r <= 10000000)
    r = r * 10 + (*p++ - '0');
  if (*p != '\0' || c == 0 || r == 0 || c > 100000 || r > 10000000)
    return FALSE;
  *row = (guint) r - 1;
  *column = (guint) c - 1;
  return TRUE;
}

static void
on_characters (void          *data,
               const xmlChar *text,
               int            len)
{
  Reader *r = data;

  if (r->collect == NULL || r->error != NULL || len <= 0)
    return;
  if (r->collect->len + (gsize) len > GK_XLSX_MAX_STRING_SIZE)
    {
      GError *error;

      if (r->sheet != NULL)
        {
          g_autofree char *cell = gk_xlsx_cell_name (r->cell_row, r->cell_column);
          error = g_error_new (GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                               _("“%s”: the sheet “%s”, cell %s holds a text longer than a spreadsheet cell can (32 767 characters); the workbook is damaged or not a budget workbook"),
                               r->pkg->display_name, r->sheet->name, cell);
        }
      else
        error = g_error_new (GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                             _("“%s”: text number %u of the workbook's shared texts (%s) is longer than a spreadsheet cell can hold (32 767 characters); the workbook is damaged or not a budget workbook"),
                             r->pkg->display_name, r->strings->len + 1, r->part);
      fail (r, error);
      return;
    }
  g_string_append_len (r->collect, (const char *) text, len);
}

static void
on_doctype (void          *data,
            const xmlChar *name,
            const xmlChar *external_id,
            const xmlChar *system_id)
{
  Reader *r = data;

  r->doctype = TRUE;
  xmlStopParser (r->ctxt);
}

static void
on_xml_error (void        *data,
              xmlErrorPtr  error)
{
  Reader *r = data;

  if (r->xml_line == 0 && error != NULL)
    r->xml_line = MAX (error->line, 1);
}

/* Feeds the part to the parser a piece at a time. */
static gboolean
parse_part (Reader        *r,
            xmlSAXHandler *sax,
            const char    *sheet,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GsfInput *input;
  gsf_off_t remaining;
  gboolean read_ok = TRUE;
  gboolean well_formed;

  input = gk_xlsx_package_open_part (r->pkg, r->part, sheet, GK_XLSX_MAX_PART_SIZE, &local_error);
  if (input == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (sheet != NULL)
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                     _("“%s” is damaged: the sheet “%s” is missing from it"), r->pkg->display_name, sheet);
      else
        return TRUE;   /* no shared strings: that is allowed */
      return FALSE;
    }

  sax->initialized = XML_SAX2_MAGIC;
  sax->characters = on_characters;
  sax->cdataBlock = on_characters;
  sax->internalSubset = on_doctype;
  sax->externalSubset = on_doctype;
  sax->serror = on_xml_error;
  r->ctxt = xmlCreatePushParserCtxt (sax, r, NULL, 0, r->part);
  xmlCtxtUseOptions (r->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  remaining = gsf_input_size (input);
  while (remaining > 0 && r->error == NULL && !r->doctype && r->ctxt->wellFormed && !r->ctxt->disableSAX)
    {
      gsize n = (gsize) MIN (remaining, (gsf_off_t) CHUNK_SIZE);
      const guint8 *data = gsf_input_read (input, n, NULL);

      if (data == NULL)
        {
          read_ok = FALSE;
          break;
        }
      /* A document type comes before the first element; refusing it
       * here means that no declaration is ever parsed. */
      if (remaining == gsf_input_size (input) &&
          !gk_xlsx_check_no_doctype (r->pkg, r->part, (const char *) data, n, NULL))
        {
          r->doctype = TRUE;
          break;
        }
      xmlParseChunk (r->ctxt, (const char *) data, (int) n, 0);
      remaining -= n;
    }
  if (read_ok && r->error == NULL && !r->doctype && r->ctxt->wellFormed)
    xmlParseChunk (r->ctxt, NULL, 0, 1);
  g_object_unref (input);
  well_formed = r->ctxt->wellFormed;
  xmlFreeParserCtxt (r->ctxt);
  r->ctxt = NULL;

  if (r->doctype)
    {
      gk_xlsx_set_doctype_error (r->pkg, r->part, error);
      return FALSE;
    }
  if (r->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&r->error));
      return FALSE;
    }
  if (!read_ok)
    {
      if (sheet != NULL)
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                     _("“%s” is damaged: the sheet “%s” (%s) cannot be unpacked"),
                     r->pkg->display_name, sheet, r->part);
      else
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                     _("“%s” is damaged: its part %s cannot be unpacked"),
                     r->pkg->display_name, r->part);
      return FALSE;
    }
  if (!well_formed)
    {
      if (sheet != NULL)
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                     _("“%s” is damaged: the sheet “%s” (%s) is not well-formed XML (line %d)"),
                     r->pkg->display_name, sheet, r->part, r->xml_line);
      else
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                     _("“%s” is damaged: its part %s is not well-formed XML (line %d)"),
                     r->pkg->display_name, r->part, r->xml_line);
      return FALSE;
    }
  return TRUE;
}

/* Shared strings -------------------------------------------------------- */

/* The text of an item is its runs, without the phonetic guides (<rPh>)
 * that East Asian text may carry. */
static void
strings_start (void           *data,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             n_namespaces,
               const xmlChar **namespaces,
               int             n_attributes,
               int             n_defaulted,
               const xmlChar **attributes)
{
  Reader *r = data;
  const char *name = (const char *) localname;

  if (r->skip_depth > 0 || g_str_equal (name, "rPh"))
    r->skip_depth++;
  else if (g_str_equal (name, "si"))
    {
      if (r->strings->len >= GK_XLSX_MAX_SHARED_STRINGS)
        {
          fail (r, g_error_new (GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                                _("“%s” has more than %u different texts (%s), far more than budget tables have; the workbook is damaged or not a budget workbook"),
                                r->pkg->display_name, GK_XLSX_MAX_SHARED_STRINGS, r->part));
          return;
        }
      r->in_item = TRUE;
      g_string_truncate (r->item, 0);
    }
  else if (g_str_equal (name, "t") && r->in_item)
    r->collect = r->item;
}

static void
strings_end (void          *data,
             const xmlChar *localname,
             const xmlChar *prefix,
             const xmlChar *uri)
{
  Reader *r = data;
  const char *name = (const char *) localname;

  if (r->skip_depth > 0)
    r->skip_depth--;
  else if (g_str_equal (name, "t"))
    r->collect = NULL;
  else if (g_str_equal (name, "si") && r->in_item && r->error == NULL)
    {
      g_ptr_array_add (r->strings, g_ref_string_new_len (r->item->str, r->item->len));
      r->in_item = FALSE;
    }
}

GPtrArray *
gk_xlsx_read_shared_strings (GkXlsxPackage  *pkg,
                             const char     *part,
                             GError        **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ref_string_release);
  g_autoptr(GString) item = g_string_new (NULL);
  xmlSAXHandler sax = { 0 };
  Reader r = { 0 };

  if (part == NULL)
    return g_steal_pointer (&strings);
  r.pkg = pkg;
  r.part = part;
  r.strings = strings;
  r.item = item;
  sax.startElementNs = strings_start;
  sax.endElementNs = strings_end;
  if (!parse_part (&r, &sax, NULL, error))
    return NULL;
  return g_steal_pointer (&strings);
}

/* Sheets ------------------------------------------------------------------ */

static void
cell_clear (gpointer data)
{
  GkXlsxCell *cell = data;
  g_clear_pointer (&cell->text, g_ref_string_release);
}

static void
row_free (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

void
gk_xlsx_sheet_free (gpointer data)
{
  GkXlsxSheet *sheet = data;

  g_free (sheet->name);
  g_ptr_array_unref (sheet->rows);
  g_free (sheet);
}

/* A sheet made from something other than a workbook (a PDF's pages), for
 * the same recognition of tables. */
GkXlsxSheet *
gk_xlsx_sheet_new (const char *name)
{
  GkXlsxSheet *sheet = g_new0 (GkXlsxSheet, 1);

  sheet->name = g_strdup (name);
  sheet->rows = g_ptr_array_new_with_free_func (row_free);
  return sheet;
}

void
gk_xlsx_sheet_put (GkXlsxSheet    *sheet,
                   guint           row,
                   guint           column,
                   GkXlsxCellType  type,
                   const char     *text,
                   gboolean        covered)
{
  GArray *cells;
  GkXlsxCell *cell;

  if (row >= sheet->rows->len)
    g_ptr_array_set_size (sheet->rows, row + 1);
  cells = g_ptr_array_index (sheet->rows, row);
  if (cells == NULL)
    {
      cells = g_array_new (FALSE, TRUE, sizeof (GkXlsxCell));
      g_array_set_clear_func (cells, cell_clear);
      g_ptr_array_index (sheet->rows, row) = cells;
    }
  if (column >= cells->len)
    g_array_set_size (cells, column + 1);
  sheet->n_rows = MAX (sheet->n_rows, row + 1);
  sheet->n_columns = MAX (sheet->n_columns, column + 1);
  cell = &g_array_index (cells, GkXlsxCell, column);
  g_clear_pointer (&cell->text, g_ref_string_release);
  cell->type = type;
  cell->text = text != NULL ? g_ref_string_new (text) : NULL;
  cell->covered = covered;
}

static gboolean
count_cells (GkXlsxPackage  *pkg,
             GkXlsxSheet    *sheet,
             guint64         n_cells,
             guint64         n_text,
             GError        **error)
{
  if (pkg->n_cells + n_cells > GK_XLSX_MAX_CELLS)
    {
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                   _("“%s” is too large to be a budget workbook: with the sheet “%s” it has more than %u cells (every cell up to the last one used in each row, merged cells included); delete what the tables do not need, or copy the tables into a new workbook, and import again"),
                   pkg->display_name, sheet->name, GK_XLSX_MAX_CELLS);
      return FALSE;
    }
  if (pkg->n_text + n_text > GK_XLSX_MAX_TEXT_SIZE)
    {
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                   _("“%s” is too large to be a budget workbook: with the sheet “%s” its cells hold more than %u MB of text; delete what the tables do not need, or copy the tables into a new workbook, and import again"),
                   pkg->display_name, sheet->name, GK_XLSX_MAX_TEXT_SIZE / (1024 * 1024));
      return FALSE;
    }
  pkg->n_cells += n_cells;
  pkg->n_text += n_text;
  return TRUE;
}

/* The cell at row, column, made when it is not there yet; NULL when that
 * would pass a limit. `text` is taken. */
static gboolean
set_cell (GkXlsxPackage  *pkg,
          GkXlsxSheet    *sheet,
          guint           row,
          guint           column,
          GkXlsxCell     *value,
          GError        **error)
{
  GArray *cells = row < sheet->rows->len ? g_ptr_array_index (sheet->rows, row) : NULL;
  guint64 n_cells = cells == NULL ? column + 1 : column >= cells->len ? column + 1 - cells->len : 0;
  guint64 n_text = value->text != NULL ? g_ref_string_length (value->text) : 0;
  GkXlsxCell *cell;

  if (!count_cells (pkg, sheet, n_cells, n_text, error))
    {
      g_clear_pointer (&value->text, g_ref_string_release);
      return FALSE;
    }
  if (row >= sheet->rows->len)
    g_ptr_array_set_size (sheet->rows, row + 1);
  if (cells == NULL)
    {
      cells = g_array_new (FALSE, TRUE, sizeof (GkXlsxCell));
      g_array_set_clear_func (cells, cell_clear);
      g_ptr_array_index (sheet->rows, row) = cells;
    }
  if (column >= cells->len)
    g_array_set_size (cells, column + 1);
  sheet->n_rows = MAX (sheet->n_rows, row + 1);
  sheet->n_columns = MAX (sheet->n_columns, column + 1);
  cell = &g_array_index (cells, GkXlsxCell, column);
  g_clear_pointer (&cell->text, g_ref_string_release);
  *cell = *value;
  return TRUE;
}

static void
finish_cell (Reader *r)
{
  const char *type = r->cell_type;
  char *value = g_strstrip (r->value->str);
  GkXlsxCell cell = { GK_XLSX_CELL_BLANK, NULL, r->cell_style, r->cell_formula, FALSE };
  GError *error = NULL;

  if (type == NULL || g_str_equal (type, "n"))
    {
      if (value[0] != '\0')
        {
          cell.type = GK_XLSX_CELL_NUMBER;
          cell.text = g_ref_string_new (value);
        }
    }
  else if (g_str_equal (type, "s"))
    {
      guint64 index;

      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &index, NULL) || index >= r->shared->len)
        {
          g_autofree char *name = gk_xlsx_cell_name (r->cell_row, r->cell_column);
          fail (r, g_error_new (GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                                _("“%s” is damaged: sheet “%s”, cell %s refers to a text that the workbook does not have"),
                                r->pkg->display_name, r->sheet->name, name));
          return;
        }
      cell.type = GK_XLSX_CELL_TEXT;
      cell.text = g_ref_string_acquire (g_ptr_array_index (r->shared, index));
    }
  else if (g_str_equal (type, "inlineStr"))
    {
      cell.type = GK_XLSX_CELL_TEXT;
      cell.text = g_ref_string_new_len (r->inline_text->str, r->inline_text->len);
    }
  else if (g_str_equal (type, "str") || g_str_equal (type, "d"))
    {
      cell.type = GK_XLSX_CELL_TEXT;
      cell.text = g_ref_string_new (value);
    }
  else if (g_str_equal (type, "b"))
    {
      cell.type = GK_XLSX_CELL_BOOLEAN;
      cell.text = g_ref_string_new (g_str_equal (value, "1") ? "TRUE" : "FALSE");
    }
  else if (g_str_equal (type, "e"))
    {
      cell.type = GK_XLSX_CELL_ERROR;
      cell.text = g_ref_string_new (value[0] != '\0' ? value : "#VALUE!");
    }

  if (cell.type == GK_XLSX_CELL_TEXT && cell.text[0] == '\0')
    {
      cell.type = GK_XLSX_CELL_BLANK;
      g_clear_pointer (&cell.text, g_ref_string_release);
    }
  if (!set_cell (r->pkg, r->sheet, r->cell_row, r->cell_column, &cell, &error))
    fail (r, error);
}

static void
start_cell (Reader          *r,
            int              n_attributes,
            const xmlChar  **attributes)
{
  char buffer[32];
  const char *ref = attribute (n_attributes, attributes, "r", buffer, sizeof buffer);
  const char *style;

  r->in_cell = TRUE;
  r->cell_skipped = FALSE;
  r->cell_row = r->row;
  r->cell_column = r->next_column;
  if (ref != NULL && !parse_reference (ref, &r->cell_row, &r->cell_column))
    {
      r->cell_skipped = TRUE;
      return;
    }
  r->next_column = r->cell_column + 1;
  if (r->cell_row >= GK_XLSX_MAX_ROWS || r->cell_column >= GK_XLSX_MAX_COLUMNS)
    {
      r->sheet->n_dropped++;
      r->cell_skipped = TRUE;
      return;
    }
  g_free (r->cell_type);
  r->cell_type = g_strdup (attribute (n_attributes, attributes, "t", buffer, sizeof buffer));
  style = attribute (n_attributes, attributes, "s", buffer, sizeof buffer);
  r->cell_style = style != NULL ? (guint) MIN (g_ascii_strtoull (style, NULL, 10), G_MAXUINT) : 0;
  r->cell_formula = FALSE;
  g_string_truncate (r->value, 0);
  g_string_truncate (r->inline_text, 0);
}

static void
add_merge (Reader          *r,
           int              n_attributes,
           const xmlChar  **attributes)
{
  char buffer[64];
  const char *ref = attribute (n_attributes, attributes, "ref", buffer, sizeof buffer);
  g_auto(GStrv) ends = ref != NULL ? g_strsplit (ref, ":", 2) : NULL;
  guint m[4];

  if (ends == NULL || g_strv_length (ends) != 2 ||
      !parse_reference (ends[0], &m[0], &m[1]) || !parse_reference (ends[1], &m[2], &m[3]) ||
      m[2] < m[0] || m[3] < m[1] || m[0] >= GK_XLSX_MAX_ROWS || m[1] >= GK_XLSX_MAX_COLUMNS)
    return;
  m[2] = MIN (m[2], GK_XLSX_MAX_ROWS - 1);
  m[3] = MIN (m[3], GK_XLSX_MAX_COLUMNS - 1);
  if (r->merges->len >= GK_XLSX_MAX_MERGED_CELLS)
    {
      fail (r, g_error_new (GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                            _("“%s”: the sheet “%s” merges more cells than a budget table can (over %u, at the range %s); unmerge the cells it does not need and import again"),
                            r->pkg->display_name, r->sheet->name, GK_XLSX_MAX_MERGED_CELLS, ref));
      return;
    }
  g_array_append_vals (r->merges, m, 4);
}

static void
sheet_start (void           *data,
             const xmlChar  *localname,
             const xmlChar  *prefix,
             const xmlChar  *uri,
             int             n_namespaces,
             const xmlChar **namespaces,
             int             n_attributes,
             int             n_defaulted,
             const xmlChar **attributes)
{
  Reader *r = data;
  const char *name = (const char *) localname;

  if (r->error != NULL)
    return;
  if (r->skip_depth > 0 || g_str_equal (name, "rPh"))
    r->skip_depth++;
  else if (r->in_cell)
    {
      if (r->cell_skipped)
        return;
      if (g_str_equal (name, "v"))
        r->collect = r->value;
      else if (g_str_equal (name, "f"))
        r->cell_formula = TRUE;
      else if (g_str_equal (name, "is"))
        r->in_inline = TRUE;
      else if (g_str_equal (name, "t") && r->in_inline)
        r->collect = r->inline_text;
    }
  else if (r->in_row)
    {
      if (g_str_equal (name, "c") && !r->row_skipped)
        start_cell (r, n_attributes, attributes);
    }
  else if (r->in_data)
    {
      char buffer[32];
      const char *number;
      guint64 n;

      if (!g_str_equal (name, "row"))
        return;
      r->in_row = TRUE;
      r->row_skipped = FALSE;
      r->next_column = 0;
      number = attribute (n_attributes, attributes, "r", buffer, sizeof buffer);
      if (number == NULL)
        r->row = r->next_row;
      else if (g_ascii_string_to_unsigned (number, 10, 1, 10000000, &n, NULL))
        r->row = (guint) n - 1;
      else
        {
          r->row_skipped = TRUE;
          return;
        }
      r->next_row = r->row + 1;
    }
  else if (g_str_equal (name, "sheetData"))
    r->in_data = TRUE;
  else if (g_str_equal (name, "mergeCell"))
    add_merge (r, n_attributes, attributes);
}

static void
sheet_end (void          *data,
           const xmlChar *localname,
           const xmlChar *prefix,
           const xmlChar *uri)
{
  Reader *r = data;
  const char *name = (const char *) localname;

  if (r->error != NULL)
    return;
  if (r->skip_depth > 0)
    r->skip_depth--;
  else if (r->in_cell)
    {
      if (g_str_equal (name, "v") || g_str_equal (name, "t"))
        r->collect = NULL;
      else if (g_str_equal (name, "is"))
        r->in_inline = FALSE;
      else if (g_str_equal (name, "c"))
        {
          r->collect = NULL;
          r->in_cell = FALSE;
          r->in_inline = FALSE;
          if (!r->cell_skipped)
            finish_cell (r);
        }
    }
  else if (r->in_row && g_str_equal (name, "row"))
    r->in_row = FALSE;
  else if (r->in_data && g_str_equal (name, "sheetData"))
    r->in_data = FALSE;
}

/* A merged range's text belongs to every cell it covers, for whoever reads
 * headings and codes; the covered cells say that they are copies. */
static gboolean
apply_merges (GkXlsxPackage  *pkg,
              GkXlsxSheet    *sheet,
              GArray         *merges,
              GError        **error)
{
  for (guint i = 0; i + 3 < merges->len; i += 4)
    {
      const guint *m = &g_array_index (merges, guint, i);
      const GkXlsxCell *origin = gk_xlsx_sheet_get_cell (sheet, m[0], m[1]);
      guint64 area = (guint64) (m[2] - m[0] + 1) * (m[3] - m[1] + 1);
      GkXlsxCell copy;

      if (origin->type == GK_XLSX_CELL_BLANK)
        continue;
      if (pkg->n_merged + area - 1 > GK_XLSX_MAX_MERGED_CELLS)
        {
          g_autofree char *from = gk_xlsx_cell_name (m[0], m[1]);
          g_autofree char *to = gk_xlsx_cell_name (m[2], m[3]);
          g_autofree char *range = g_strconcat (from, ":", to, NULL);

          g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_DAMAGED,
                       _("“%s”: the sheet “%s” merges more cells than a budget table can (over %u, at the range %s); unmerge the cells it does not need and import again"),
                       pkg->display_name, sheet->name, GK_XLSX_MAX_MERGED_CELLS, range);
          return FALSE;
        }
      pkg->n_merged += area - 1;

      copy = *origin;
      copy.covered = TRUE;
      copy.text = copy.text != NULL ? g_ref_string_acquire (copy.text) : NULL;
      for (guint row = m[0]; row <= m[2]; row++)
        for (guint column = m[1]; column <= m[3]; column++)
          {
            GkXlsxCell cell = copy;

            if (row == m[0] && column == m[1])
              continue;
            cell.text = copy.text != NULL ? g_ref_string_acquire (copy.text) : NULL;
            if (!set_cell (pkg, sheet, row, column, &cell, error))
              {
                g_clear_pointer (&copy.text, g_ref_string_release);
                return FALSE;
              }
          }
      g_clear_pointer (&copy.text, g_ref_string_release);
    }
  return TRUE;
}

GkXlsxSheet *
gk_xlsx_read_sheet (GkXlsxPackage  *pkg,
                    const char     *name,
                    const char     *part,
                    GPtrArray      *strings,
                    GError        **error)
{
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  g_autoptr(GArray) merges = g_array_new (FALSE, FALSE, sizeof (guint));
  xmlSAXHandler sax = { 0 };
  GkXlsxSheet *sheet;
  Reader r = { 0 };
  gboolean ok;

  sheet = g_new0 (GkXlsxSheet, 1);
  sheet->name = g_strdup (name);
  sheet->rows = g_ptr_array_new_with_free_func (row_free);

  r.pkg = pkg;
  r.part = part;
  r.sheet = sheet;
  r.shared = strings;
  r.merges = merges;
  r.value = value;
  r.inline_text = inline_text;
  sax.startElementNs = sheet_start;
  sax.endElementNs = sheet_end;
  ok = parse_part (&r, &sax, name, error) && apply_merges (pkg, sheet, merges, error);
  g_free (r.cell_type);
  if (!ok)
    {
      gk_xlsx_sheet_free (sheet);
      return NULL;
    }
  return sheet;
}
