/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-xlsx-import-private.h"
#include "gk-xlsx-reader.h"
#include "gk-xlsx-sheet.h"

/* Reading a table's sheet into lines: each line's code (in one column or
 * split over 类/款/项), name, project and figures, before anything goes
 * into the document. */

/* Lines of one table, a bound against a hostile workbook: a table of the
 * catalog has a few hundred; 表七 has a line per project, and a large unit
 * may have 10 000 projects. */
#define GK_XLSX_MAX_LINES 3000
#define GK_XLSX_MAX_PROJECT_LINES 50000

void
_gk_xlsx_line_free (gpointer data)
{
  GkXlsxLine *line = data;

  g_free (line->code);
  g_free (line->name);
  g_free (line->project);
  g_free (line->values);
  g_free (line->cells);
  g_free (line->rows);
  g_clear_object (&line->made);
  g_free (line);
}

/* Cells ------------------------------------------------------------------- */

gboolean
gk_xlsx_is_dash (const char *normalized)
{
  static const char * const dashes[] = { "-", "--", "—", "——", "–", "/", "−", "－", NULL };
  return g_strv_contains (dashes, normalized);
}

/* No column of a disclosure holds a figure below zero: the document
 * reader takes every amount with the default flags. */
static GkAmountParseFlags
amount_flags (const GkTableSchema *schema,
              guint                column)
{
  return GK_AMOUNT_PARSE_DEFAULT;
}

/* Reads an amount cell into hundredths of the document's unit. Blank and
 * merged-over cells are unset; dashes are blanks that some systems print;
 * anything else that is not a figure stops the import at that cell. */
gboolean
gk_xlsx_read_amount (GkXlsxImporter  *imp,
             GkXlsxPart      *part,
             guint      row,
             guint      column,
             guint      schema_column,
             GkAmount  *amount,
             gboolean  *set,
             GError   **error)
{
  const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (part->ts->sheet, row, column);
  g_autofree char *cell_name = gk_xlsx_cell_name (row, column);
  g_autofree char *text = NULL;
  gboolean rounded = FALSE;
  gboolean negative = FALSE;

  *set = FALSE;
  if (cell->covered || cell->type == GK_XLSX_CELL_BLANK)
    return TRUE;

  if (cell->type == GK_XLSX_CELL_NUMBER)
    text = g_strdup (cell->text);
  else if (cell->type == GK_XLSX_CELL_TEXT)
    {
      g_autofree char *normalized = gk_xlsx_normalize (cell->text);
      GString *plain = g_string_new (NULL);
      const char *p = normalized;

      if (normalized[0] == '\0')
        {
          g_string_free (plain, TRUE);
          return TRUE;
        }
      if (gk_xlsx_is_dash (normalized))
        {
          g_string_free (plain, TRUE);
          part->n_dashes++;
          return TRUE;
        }
      if (*p == '(' && g_str_has_suffix (p, ")"))
        {
          negative = TRUE;
          p++;
        }
      for (; *p != '\0'; p++)
        if (*p != ',' && *p != ')' && !(negative && *p == '('))
          g_string_append_c (plain, *p);
      text = g_string_free (plain, FALSE);
      if (g_str_has_prefix (text, "¥"))
        memmove (text, text + strlen ("¥"), strlen (text) - strlen ("¥") + 1);
    }

  if (text == NULL ||
      !gk_xlsx_decimal_to_amount (text, cell->type == GK_XLSX_CELL_NUMBER, part->unit, imp->unit,
                                  amount, &rounded))
    {
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_INVALID,
                   _("“%s”, %s, cell %s (%s): “%s” is not an amount; correct the cell and import again"),
                   imp->workbook->display_name, part->ts->label, cell_name,
                   gk_xlsx_column_title (part->ts->schema, schema_column), cell->text ? cell->text : "");
      return FALSE;
    }
  if (negative)
    *amount = -*amount;
  if (*amount < 0)
    {
      g_autofree char *figure = gk_amount_format (*amount);
      g_autoptr(GError) refused = NULL;

      /* What a document can hold is what its reader takes back: a figure
       * refused here would make a file that can never be opened again. */
      if (!gk_amount_parse (figure, amount_flags (part->ts->schema, schema_column), amount, &refused))
        {
          gk_xlsx_report (imp, _("%s, cell %s (%s): %s; the cell is left empty"),
                          part->ts->label, cell_name,
                          gk_xlsx_column_title (part->ts->schema, schema_column), refused->message);
          *amount = 0;
          return TRUE;
        }
    }
  *set = TRUE;
  if (rounded)
    {
      g_autofree char *result = gk_amount_format (*amount);
      gk_xlsx_report (imp, _("%s, cell %s: %s %s is not a whole number of cents in %s; rounded to %s"),
              part->ts->label, cell_name, cell->text,
              gk_money_unit_to_string (part->unit), gk_money_unit_to_string (imp->unit), result);
    }
  return TRUE;
}

/* A 类, 款 or 项 part: "3" and 3 in a 款 column are 03. */
static char *
code_part (GkXlsxImporter *imp,
           GkXlsxPart     *part,
           guint     row,
           int       column,
           guint     width)
{
  const GkXlsxCell *cell;
  g_autofree char *normalized = NULL;

  if (column < 0)
    return NULL;
  cell = gk_xlsx_sheet_get_cell (part->ts->sheet, row, column);
  if (cell->type == GK_XLSX_CELL_BLANK || cell->text == NULL)
    return NULL;
  normalized = gk_xlsx_normalize (cell->text);
  if (cell->type == GK_XLSX_CELL_NUMBER)
    {
      const char *format = gk_xlsx_workbook_number_format (imp->workbook, cell->style);
      double value = g_ascii_strtod (normalized, NULL);

      if (value >= 0 && value < 1e8 && value == (double) (gint64) value)
        {
          /* A "00" format shows 3 as 03. */
          if (format[0] == '0' && strspn (format, "0") == strlen (format))
            width = MAX (width, strlen (format));
          g_free (normalized);
          normalized = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
        }
    }
  if (normalized[0] == '\0')
    return NULL;
  if (strspn (normalized, "0123456789") == strlen (normalized) && strlen (normalized) < width)
    {
      g_autofree char *padded = g_strnfill (width - strlen (normalized), '0');
      return g_strconcat (padded, normalized, NULL);
    }
  return g_steal_pointer (&normalized);
}

static gboolean
all_digits (const char *text)
{
  return text != NULL && text[0] != '\0' && strspn (text, "0123456789") == strlen (text);
}

typedef struct
{
  char *class_code;
  char *section_code;
  char *item_code;
} CodeContext;

/* The row's code from its 类/款/项 columns, its code column, or the start
 * of its name; parts left blank under a 类 or 款 row are that row's. */
static char *
line_code (GkXlsxImporter    *imp,
           GkXlsxPart        *part,
           guint        row,
           CodeContext *ctx,
           char       **name_rest)
{
  GkXlsxTableSheet *ts = part->ts;
  int code_column = gk_xlsx_table_sheet_find_role (ts, GK_XLSX_ROLE_CODE);
  int name_column = gk_xlsx_table_sheet_find_role (ts, GK_XLSX_ROLE_NAME);
  g_autofree char *cls = code_part (imp, part, row, gk_xlsx_table_sheet_find_role (ts, GK_XLSX_ROLE_CLASS), 3);
  g_autofree char *sec = code_part (imp, part, row, gk_xlsx_table_sheet_find_role (ts, GK_XLSX_ROLE_SECTION), 2);
  g_autofree char *item = code_part (imp, part, row, gk_xlsx_table_sheet_find_role (ts, GK_XLSX_ROLE_ITEM), 2);
  char *code = NULL;

  *name_rest = NULL;
  if (cls != NULL || sec != NULL || item != NULL)
    {
      if (item != NULL && strlen (item) == 7)
        code = g_strdup (item);
      else if (sec != NULL && strlen (sec) == 5)
        code = g_strconcat (sec, item, NULL);
      else if (cls != NULL)
        code = g_strconcat (cls, sec ? sec : "", sec ? item : NULL, NULL);
      else if (sec != NULL && ctx->class_code != NULL)
        code = g_strconcat (ctx->class_code, sec, item, NULL);
      else if (item != NULL && ctx->section_code != NULL)
        code = g_strconcat (ctx->section_code, item, NULL);
      else
        code = g_strconcat (cls ? cls : "", sec ? sec : "", item ? item : "", NULL);
    }
  else if (code_column >= 0 && gk_xlsx_table_sheet_text (ts, row, code_column) != NULL)
    {
      g_autofree char *whole = code_part (imp, part, row, code_column, 0);
      code = gk_xlsx_leading_code (gk_xlsx_table_sheet_text (ts, row, code_column), name_rest);
      if (code == NULL)
        code = g_steal_pointer (&whole);
      else if (name_rest != NULL && *name_rest != NULL && (*name_rest)[0] == '\0')
        g_clear_pointer (name_rest, g_free);
    }
  else if (name_column >= 0)
    code = gk_xlsx_leading_code (gk_xlsx_table_sheet_text (ts, row, name_column), name_rest);

  if (code != NULL && all_digits (code))
    {
      gsize len = strlen (code);
      if (len >= 3)
        {
          g_free (ctx->class_code);
          ctx->class_code = g_strndup (code, 3);
        }
      if (len >= 5)
        {
          g_free (ctx->section_code);
          ctx->section_code = g_strndup (code, 5);
        }
      else
        g_clear_pointer (&ctx->section_code, g_free);
      g_free (ctx->item_code);
      ctx->item_code = len == 7 ? g_strdup (code) : NULL;
    }
  return code;
}

static char *
line_name (GkXlsxPart  *part,
           guint  row,
           char  *name_rest)
{
  int column = gk_xlsx_table_sheet_find_role (part->ts, GK_XLSX_ROLE_NAME);
  const char *text = column >= 0 ? gk_xlsx_table_sheet_text (part->ts, row, column) : NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *code = NULL;
  char *rest = NULL;

  if (text == NULL)
    return name_rest;
  g_free (name_rest);
  /* "201 一般公共服务支出" in the name column too */
  code = gk_xlsx_leading_code (text, &rest);
  if (code != NULL && rest != NULL && rest[0] != '\0')
    return rest;
  g_free (rest);
  stripped = gk_xlsx_strip (text);
  return stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;
}

static gboolean
row_has_total_word (GkXlsxPart  *part,
                    guint  row)
{
  for (guint c = 0; c < part->ts->n_columns; c++)
    {
      g_autofree char *t = NULL;

      if (part->ts->roles[c] == GK_XLSX_ROLE_AMOUNT)
        continue;
      t = gk_xlsx_normalize (gk_xlsx_table_sheet_text (part->ts, row, c));
      if (gk_xlsx_is_total_word (t))
        return TRUE;
    }
  return FALSE;
}

gboolean
_gk_xlsx_row_is_blank (GkXlsxPart  *part,
                       guint  row)
{
  for (guint c = 0; c < part->ts->n_columns; c++)
    {
      const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (part->ts->sheet, row, c);
      if (cell->type != GK_XLSX_CELL_BLANK && !cell->covered)
        return FALSE;
    }
  return TRUE;
}

GkXlsxLine *
_gk_xlsx_line_new (guint n_columns)
{
  GkXlsxLine *line = g_new0 (GkXlsxLine, 1);

  line->values = g_new0 (GkAmount, n_columns);
  line->cells = g_new (int, n_columns);
  for (guint i = 0; i < n_columns; i++)
    line->cells[i] = -1;
  return line;
}

gboolean
_gk_xlsx_read_line_amounts (GkXlsxImporter  *imp,
                            GkXlsxPart      *part,
                            GkXlsxLine      *line,
                            GError   **error)
{
  for (guint c = 0; c < part->ts->n_columns; c++)
    {
      int column = part->ts->amounts[c];
      GkAmount amount;
      gboolean set;

      if (column < 0)
        continue;
      if (!gk_xlsx_read_amount (imp, part, line->row, c, column, &amount, &set, error))
        return FALSE;
      line->cells[column] = c;
      if (set)
        {
          line->values[column] = amount;
          line->set |= G_GUINT64_CONSTANT (1) << column;
        }
    }
  return TRUE;
}

static gboolean
line_is_zeros (GkXlsxLine *line,
               guint n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    if (line->values[i] != 0)
      return FALSE;
  return TRUE;
}

/* The lines of a classified table (表二, 三, 五, 六, 七, 九). */
gboolean
_gk_xlsx_read_lines (GkXlsxImporter  *imp,
                     GkXlsxPart      *part,
                     GError   **error)
{
  GkXlsxTableSheet *ts = part->ts;
  const GkTableSchema *schema = ts->schema;
  guint n_columns = gk_table_schema_get_n_columns (schema);
  GkClassification kind = schema->kind == GK_TABLE_KIND_ECONOMIC
                            ? GK_CLASSIFICATION_ECONOMIC : GK_CLASSIFICATION_FUNCTION;
  int project_column = gk_xlsx_table_sheet_find_role (ts, GK_XLSX_ROLE_PROJECT);
  CodeContext ctx = { NULL, NULL, NULL };
  gboolean ok = TRUE;
  guint max_lines;

  for (guint r = ts->data_start; ok && r < ts->sheet->n_rows; r++)
    {
      g_autofree char *code = NULL;
      char *rest = NULL;
      g_autofree char *project = NULL;
      g_autofree char *project_word = NULL;
      GkXlsxLine *line;

      if (_gk_xlsx_row_is_blank (part, r) || gk_xlsx_table_sheet_is_note (ts, r))
        continue;

      code = line_code (imp, part, r, &ctx, &rest);
      if (project_column >= 0)
        {
          project = gk_xlsx_strip (gk_xlsx_table_sheet_text (ts, r, project_column));
          if (project[0] == '\0')
            g_clear_pointer (&project, g_free);
        }

      /* 合计 written across the code columns is no code. */
      if (code != NULL && !all_digits (code) && row_has_total_word (part, r))
        g_clear_pointer (&code, g_free);

      line = _gk_xlsx_line_new (n_columns);
      line->row = r;
      line->name = line_name (part, r, rest);
      ok = _gk_xlsx_read_line_amounts (imp, part, line, error);
      if (!ok)
        {
          _gk_xlsx_line_free (line);
          break;
        }

      project_word = gk_xlsx_normalize (project);
      if (project != NULL && !gk_xlsx_is_total_word (project_word))
        {
          /* A project without a code of its own sits under the 项 above it. */
          if (code == NULL)
            code = g_strdup (ctx.item_code);
          line->project = g_steal_pointer (&project);
          line->code = g_steal_pointer (&code);
          g_ptr_array_add (part->lines, line);
          continue;
        }
      if (code == NULL)
        {
          if (row_has_total_word (part, r) || project != NULL)
            {
              line->total = TRUE;
              g_ptr_array_add (part->lines, line);
              continue;
            }
          if (line->set == 0)
            gk_xlsx_report (imp, _("%s, row %u: “%s” has no code and no figures; ignored"),
                    ts->label, r + 1, line->name ? line->name : "");
          else
            gk_xlsx_report (imp, _("%s, row %u: the row has figures but no classification code; ignored"),
                    ts->label, r + 1);
          _gk_xlsx_line_free (line);
          continue;
        }
      if (!all_digits (code) || gk_classification_level (kind, code) == GK_LEVEL_NONE)
        {
          if (line_is_zeros (line, n_columns) && (g_str_equal (code, "0") || strspn (code, "0") == strlen (code)))
            gk_xlsx_report (imp, _("%s, row %u: a placeholder row of zeros; ignored (an empty table is published empty)"),
                    ts->label, r + 1);
          else
            gk_xlsx_report (imp, kind == GK_CLASSIFICATION_FUNCTION
                           ? _("%s, row %u: “%s” is not a function classification code (3, 5 or 7 digits); row ignored")
                           : _("%s, row %u: “%s” is not an economic classification code (3 or 5 digits); row ignored"),
                    ts->label, r + 1, code);
          _gk_xlsx_line_free (line);
          continue;
        }
      line->code = g_steal_pointer (&code);
      g_ptr_array_add (part->lines, line);
    }
  max_lines = schema->kind == GK_TABLE_KIND_PROJECTS ? GK_XLSX_MAX_PROJECT_LINES : GK_XLSX_MAX_LINES;
  if (ok && part->lines->len > max_lines)
    {
      g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_INVALID,
                   _("“%s”, %s: more than %u lines, far more than a budget table has; delete the rows it does not need and import again"),
                   imp->workbook->display_name, ts->label, max_lines);
      ok = FALSE;
    }
  g_free (ctx.class_code);
  g_free (ctx.section_code);
  g_free (ctx.item_code);
  return ok;
}
