/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-xlsx-import-private.h"
#include "gk-xlsx-reader.h"
#include "gk-xlsx-sheet.h"
#include "gk-xlsx-workbook.h"

/* Builds a new document from a workbook of a template's tables, whoever
 * wrote it. Only what Gongkai takes as entered is imported: figures of 项 (or
 * leaf) rows, projects, 表八's four items, names and notes. Subtotals,
 * 合计 rows, row totals, 表一 and 表四 are what Gongkai derives; the
 * workbook's versions are compared with them and every difference goes
 * into the report, one line each. */

G_DEFINE_QUARK (gk-xlsx-error-quark, gk_xlsx_error)

void
gk_xlsx_report (GkXlsxImporter *imp,
                const char     *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (imp->report, format, args);
  va_end (args);
  g_string_append_c (imp->report, '\n');
}

static void
part_free (gpointer data)
{
  GkXlsxPart *part = data;

  gk_xlsx_table_sheet_free (part->ts);
  g_clear_pointer (&part->lines, g_ptr_array_unref);
  g_free (part);
}

/* Names ------------------------------------------------------------------- */

/* The name to give `code`: NULL to keep the document's (the catalog's, or
 * one an earlier sheet gave). A name that differs only in spacing or in
 * full- and half-width forms is the same name. */
static const char *
choose_name (GkXlsxImporter         *imp,
             GkXlsxPart             *part,
             GkXlsxLine             *line,
             GkClassification  kind)
{
  const char *current = gk_document_get_code_name (imp->doc, kind, line->code);
  g_autofree char *key = g_strdup_printf ("%c%s", kind == GK_CLASSIFICATION_FUNCTION ? 'f' : 'e', line->code);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *by;

  if (line->name == NULL || line->name[0] == '\0')
    {
      if (current == NULL)
        gk_xlsx_report (imp, _("%s, row %u: code %s has no name in the workbook or the catalog; named by its code"),
                part->ts->label, line->row + 1, line->code);
      return current == NULL ? line->code : NULL;
    }
  a = gk_xlsx_normalize (line->name);
  b = gk_xlsx_normalize (current);
  if (g_str_equal (a, b))
    return NULL;
  by = g_hash_table_lookup (imp->named, key);
  if (by != NULL)
    {
      gk_xlsx_report (imp, _("%s, row %u: %s is named “%s” here and “%s” in %s; the first is kept"),
              part->ts->label, line->row + 1, line->code, line->name, current, by);
      return NULL;
    }
  g_hash_table_insert (imp->named, g_steal_pointer (&key), part->ts->label);
  if (current == NULL)
    gk_xlsx_report (imp, _("%s, row %u: %s is not in the classification catalog; it is named “%s” as in the workbook"),
            part->ts->label, line->row + 1, line->code, line->name);
  else
    gk_xlsx_report (imp, _("%s, row %u: %s keeps the workbook's name “%s” (the catalog says “%s”)"),
            part->ts->label, line->row + 1, line->code, line->name, current);
  return line->name;
}

/* Import ------------------------------------------------------------------ */

static void
enter_amounts (GkXlsxImporter *imp,
               GkXlsxLine     *line,
               GkRow    *row,
               guint     n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GError) error = NULL;

      if (!(line->set & (G_GUINT64_CONSTANT (1) << c)) || !gk_row_is_cell_entered (row, c))
        continue;
      if (!gk_document_set_amount (imp->doc, row, c, &line->values[c], &error))
        gk_xlsx_report (imp, "%s", error->message);
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const GkXlsxLine *x = *(const GkXlsxLine **) a;
  const GkXlsxLine *y = *(const GkXlsxLine **) b;
  int cmp = g_strcmp0 (x->code, y->code);

  return cmp != 0 ? cmp : (int) x->row - (int) y->row;
}

static void
import_classified (GkXlsxImporter *imp,
                   GkXlsxPart     *part)
{
  const GkTableSchema *schema = part->ts->schema;
  guint n_columns = gk_table_schema_get_n_columns (schema);
  GkClassification kind = schema->kind == GK_TABLE_KIND_ECONOMIC
                            ? GK_CLASSIFICATION_ECONOMIC : GK_CLASSIFICATION_FUNCTION;
  g_autoptr(GPtrArray) coded = g_ptr_array_new ();

  for (guint i = 0; i < part->lines->len; i++)
    {
      GkXlsxLine *line = g_ptr_array_index (part->lines, i);
      if (line->code != NULL)
        g_ptr_array_add (coded, line);
    }
  /* Parents before children, so that no figure has to move down. */
  g_ptr_array_sort (coded, compare_lines);
  for (guint i = 0; i < coded->len; i++)
    {
      GkXlsxLine *line = g_ptr_array_index (coded, i);
      g_autoptr(GError) error = NULL;
      const char *name;

      if (gk_table_lookup (part->table, line->code) != NULL)
        {
          if (i > 0 && g_strcmp0 (((GkXlsxLine *) coded->pdata[i - 1])->code, line->code) == 0)
            {
              gk_xlsx_report (imp, _("%s, row %u: code %s appears again; this row is ignored"),
                      part->ts->label, line->row + 1, line->code);
              g_clear_pointer (&line->code, g_free);
            }
          continue;
        }
      name = choose_name (imp, part, line, kind);
      /* The workbook has each of its tables as published: a row is added
       * to the table it is in, not to the tables linked to it. */
      if (gk_document_add_row_in (imp->doc, part->table, line->code, name, &error) == NULL)
        {
          gk_xlsx_report (imp, _("%s, row %u: %s"), part->ts->label, line->row + 1, error->message);
          g_clear_pointer (&line->code, g_free);
        }
    }

  /* 表六 without a 总计 column: each 款's total is its two parts. */
  if (schema->kind == GK_TABLE_KIND_ECONOMIC)
    {
      int total = gk_table_schema_column_index (schema, "total");
      gboolean mapped = FALSE;

      for (guint c = 0; c < part->ts->n_columns; c++)
        mapped |= part->ts->amounts[c] == total;
      if (!mapped && total >= 0)
        {
          for (guint i = 0; i < part->lines->len; i++)
            {
              GkXlsxLine *line = g_ptr_array_index (part->lines, i);
              guint64 parts = line->set & ~(G_GUINT64_CONSTANT (1) << total);

              for (guint c = 0; c < n_columns; c++)
                if (parts & (G_GUINT64_CONSTANT (1) << c))
                  line->values[total] += line->values[c];
              if (parts != 0)
                line->set |= G_GUINT64_CONSTANT (1) << total;
            }
          gk_xlsx_report (imp, _("%s has no 总计 column; each row's 总计 is taken as its 人员经费 plus 公用经费"),
                  part->ts->label);
        }
    }

  for (guint i = 0; i < coded->len; i++)
    {
      GkXlsxLine *line = g_ptr_array_index (coded, i);
      GkRow *row;

      if (line->code == NULL || (row = gk_table_lookup (part->table, line->code)) == NULL)
        continue;
      if (gk_row_is_leaf (row))
        enter_amounts (imp, line, row, n_columns);
    }
}

static void
import_projects (GkXlsxImporter *imp,
                 GkXlsxPart     *part)
{
  guint n_columns = gk_table_schema_get_n_columns (part->ts->schema);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autoptr(GPtrArray) projects = NULL;

  for (guint i = 0; i < part->lines->len; i++)
    {
      GkXlsxLine *line = g_ptr_array_index (part->lines, i);

      if (line->code != NULL)
        {
          const char *name = choose_name (imp, part, line, GK_CLASSIFICATION_FUNCTION);
          if (name != NULL)
            gk_document_set_code_name (imp->doc, GK_CLASSIFICATION_FUNCTION, line->code, name, NULL);
        }
      if (line->project == NULL)
        continue;
      if (line->code == NULL)
        gk_xlsx_report (imp, _("%s, row %u: project “%s” has no function classification code; set its 项 in Gongkai"),
                part->ts->label, line->row + 1, line->project);
      else if (gk_classification_level (GK_CLASSIFICATION_FUNCTION, line->code) != GK_LEVEL_ITEM)
        gk_xlsx_report (imp, _("%s, row %u: project “%s” sits under %s, which is not a 项 (7 digits)"),
                part->ts->label, line->row + 1, line->project, line->code);
      g_ptr_array_add (lines, line);
      g_ptr_array_add (names, line->project);
      /* Only under a 项: any other code, said above, would make a file
       * that cannot be opened again; the project waits for its 项. */
      g_ptr_array_add (codes, line->code != NULL &&
                              gk_classification_level (GK_CLASSIFICATION_FUNCTION, line->code) == GK_LEVEL_ITEM
                              ? line->code : NULL);
    }

  /* All at once: adding them one by one rebuilds 表七 each time. */
  projects = gk_document_add_projects (imp->doc,
                                       (const char * const *) names->pdata,
                                       (const char * const *) codes->pdata,
                                       names->len);
  for (guint i = 0; i < lines->len; i++)
    {
      GkXlsxLine *line = lines->pdata[i];
      GkProject *project = projects->pdata[i];

      line->made = g_object_ref (project);
      enter_amounts (imp, line, gk_project_get_row (project), n_columns);
    }
}

static gboolean
import_single (GkXlsxImporter  *imp,
               GkXlsxPart      *part,
               GError   **error)
{
  GkXlsxTableSheet *ts = part->ts;
  guint n_columns = gk_table_schema_get_n_columns (ts->schema);

  if (ts->item_rows != NULL)
    {
      GkXlsxLine *line = NULL;

      if (!_gk_xlsx_read_items (imp, part, &line, error))
        return FALSE;
      g_ptr_array_add (part->lines, line);
      enter_amounts (imp, line, gk_table_get_single_row (part->table), n_columns);
      return TRUE;
    }
  for (guint r = ts->data_start; r < ts->sheet->n_rows; r++)
    {
      GkXlsxLine *line;

      if (_gk_xlsx_row_is_blank (part, r) || gk_xlsx_table_sheet_is_note (ts, r))
        continue;
      line = _gk_xlsx_line_new (n_columns);
      line->row = r;
      if (!_gk_xlsx_read_line_amounts (imp, part, line, error))
        {
          _gk_xlsx_line_free (line);
          return FALSE;
        }
      if (line->set == 0)
        {
          _gk_xlsx_line_free (line);
          continue;
        }
      g_ptr_array_add (part->lines, line);
      enter_amounts (imp, line, gk_table_get_single_row (part->table), n_columns);
      break;
    }
  return TRUE;
}

/* The whole workbook --------------------------------------------------------- */

static void
report_columns (GkXlsxImporter *imp,
                GkXlsxPart     *part)
{
  GkXlsxTableSheet *ts = part->ts;
  const GkTableSchema *schema = ts->schema;
  g_autofree gboolean *mapped = g_new0 (gboolean, gk_table_schema_get_n_columns (schema));

  if (gk_table_schema_is_summary (schema))
    return;
  for (guint c = 0; c < ts->n_columns; c++)
    {
      const char *heading = gk_xlsx_table_sheet_heading (ts, c);
      gboolean used = FALSE;

      if (ts->amounts[c] >= 0)
        mapped[ts->amounts[c]] = TRUE;
      if (ts->item_rows != NULL && c == (guint) ts->value_column)
        for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
          mapped[i] = ts->item_rows[i] >= 0;
      if (ts->roles[c] != GK_XLSX_ROLE_NONE)
        continue;
      for (guint r = ts->data_start; !used && r < ts->sheet->n_rows; r++)
        used = gk_xlsx_table_sheet_text (ts, r, c) != NULL && !gk_xlsx_table_sheet_is_note (ts, r) &&
               !gk_xlsx_sheet_get_cell (ts->sheet, r, c)->covered;
      if (used)
        {
          g_autofree char *name = gk_xlsx_cell_name (ts->header_start, c);
          gk_xlsx_report (imp, _("%s, column %.*s (“%s”): not a column of this table; ignored"),
                  ts->label, (int) strcspn (name, "0123456789"), name, heading);
        }
    }
  {
    g_autoptr(GString) missing = g_string_new (NULL);
    guint n_missing = 0;
    int personnel = gk_table_schema_column_index (schema, "personnel");

    for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
      {
        if (mapped[i] || gk_table_schema_get_column (schema, i)->rule != GK_COLUMN_ENTERED)
          continue;
        /* 表六's 总计 follows from 人员经费 and 公用经费 when they are there. */
        if (schema->kind == GK_TABLE_KIND_ECONOMIC && personnel >= 0 && mapped[personnel])
          continue;
        g_string_append_printf (missing, "%s“%s”", n_missing++ > 0 ? "、" : "", gk_xlsx_column_title (schema, i));
      }
    if (n_missing > 0 && ts->item_rows != NULL)
      gk_xlsx_report (imp, _("%s has no row of %s; left blank"), ts->label, missing->str);
    else if (n_missing > 0)
      gk_xlsx_report (imp, g_dngettext (GETTEXT_PACKAGE, "%s has no column %s; its figures stay blank",
                                "%s has no columns %s; their figures stay blank", n_missing),
              ts->label, missing->str);
  }
}

static gboolean
import_part (GkXlsxImporter  *imp,
             GkXlsxPart      *part,
             GError   **error)
{
  const GkTableSchema *schema = part->ts->schema;
  guint n_rows = 0, n_projects = 0;

  for (guint i = 0; i < part->ts->notes->len; i++)
    {
      GkXlsxNote *note = g_ptr_array_index (part->ts->notes, i);
      if (!note->says_empty)
        gk_document_set_text (imp->doc, part->table, note->explanation ? "empty-explanation" : "note", note->text);
    }

  report_columns (imp, part);
  switch (schema->kind)
    {
    case GK_TABLE_KIND_FUNCTION:
    case GK_TABLE_KIND_ECONOMIC:
      if (!_gk_xlsx_read_lines (imp, part, error))
        return FALSE;
      import_classified (imp, part);
      break;
    case GK_TABLE_KIND_PROJECTS:
      if (!_gk_xlsx_read_lines (imp, part, error))
        return FALSE;
      import_projects (imp, part);
      break;
    case GK_TABLE_KIND_SINGLE:
      if (!import_single (imp, part, error))
        return FALSE;
      break;
    case GK_TABLE_KIND_INCOME_EXPENDITURE:
    case GK_TABLE_KIND_FISCAL:
    default:
      return TRUE;   /* compared once everything else is in */
    }

  /* "本表为空表" under figures is a note like any other. */
  for (guint i = 0; i < part->ts->notes->len; i++)
    {
      GkXlsxNote *note = g_ptr_array_index (part->ts->notes, i);
      gboolean empty = gk_table_is_empty (part->table);

      if (!note->says_empty)
        continue;
      gk_document_set_text (imp->doc, part->table, empty ? "empty-explanation" : "note", note->text);
      if (empty)
        gk_xlsx_report (imp, _("%s is empty; “%s” is taken as the reason it is"), part->ts->label, note->text);
    }

  for (guint i = 0; i < part->lines->len; i++)
    {
      GkXlsxLine *line = g_ptr_array_index (part->lines, i);
      if (line->made != NULL)
        n_projects++;
      else if (line->code != NULL || (!line->total && schema->kind == GK_TABLE_KIND_SINGLE))
        n_rows++;
    }
  if (schema->kind == GK_TABLE_KIND_PROJECTS)
    gk_xlsx_report (imp, g_dngettext (GETTEXT_PACKAGE, "%s: %u project read", "%s: %u projects read", n_projects),
            part->ts->label, n_projects);
  else
    gk_xlsx_report (imp, g_dngettext (GETTEXT_PACKAGE, "%s: %u row read", "%s: %u rows read", n_rows),
            part->ts->label, n_rows);
  if (part->n_dashes > 0)
    gk_xlsx_report (imp, g_dngettext (GETTEXT_PACKAGE, "%s: %u cell with a dash was read as blank",
                              "%s: %u cells with a dash were read as blank", part->n_dashes),
            part->ts->label, part->n_dashes);
  return TRUE;
}

static GkMoneyUnit
choose_unit (GkXlsxImporter  *imp,
             GPtrArray *parts)
{
  guint counts[2] = { 0, 0 };

  for (guint i = 0; i < parts->len; i++)
    {
      GkXlsxPart *part = g_ptr_array_index (parts, i);
      if (part->ts->money_unit >= 0)
        counts[part->ts->money_unit]++;
    }
  if (counts[GK_MONEY_UNIT_WANYUAN] == 0 && counts[GK_MONEY_UNIT_YUAN] == 0)
    gk_xlsx_report (imp, _("No sheet names its money unit (单位：万元 or 元); the figures are taken as 万元"));
  return counts[GK_MONEY_UNIT_YUAN] > counts[GK_MONEY_UNIT_WANYUAN] ? GK_MONEY_UNIT_YUAN : GK_MONEY_UNIT_WANYUAN;
}

static guint
choose_year (GkXlsxImporter  *imp,
             GPtrArray *parts)
{
  g_autoptr(GDateTime) now = NULL;
  guint year;

  for (guint i = 0; i < parts->len; i++)
    {
      GkXlsxPart *part = g_ptr_array_index (parts, i);
      if (part->ts->year > 0)
        return part->ts->year;
    }
  if (imp->workbook->title != NULL && (year = gk_xlsx_find_year (imp->workbook->title)) > 0)
    return year;
  now = g_date_time_new_now_local ();
  gk_xlsx_report (imp, _("The workbook does not say which year it is for; the document is for %d, change it if that is wrong"),
          g_date_time_get_year (now));
  return g_date_time_get_year (now);
}

static const char *
choose_unit_name (GkXlsxImporter  *imp,
                  GPtrArray *parts)
{
  const char *name = NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      GkXlsxPart *part = g_ptr_array_index (parts, i);
      const char *other = part->ts->unit_name;

      if (other == NULL)
        continue;
      if (name == NULL)
        name = other;
      else if (!g_str_equal (name, other))
        gk_xlsx_report (imp, _("%s names the unit “%s”, another sheet “%s”; “%s” is kept"),
                part->ts->label, other, name, name);
    }
  if (name == NULL)
    gk_xlsx_report (imp, _("No sheet has an 编制部门 line; enter the unit's name in Gongkai"));
  return name ? name : "";
}

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  const GkXlsxPart *x = *(const GkXlsxPart **) a;
  const GkXlsxPart *y = *(const GkXlsxPart **) b;
  return (x->ts->schema->position > y->ts->schema->position) -
         (x->ts->schema->position < y->ts->schema->position);
}

/* How many of @template's tables the sheets are, each counted once; and,
 * of equals, how many are known by the template's own titles. */
static guint
count_tables (GPtrArray  *sheets,
              GkTemplate *template,
              guint      *n_own)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  *n_own = 0;
  for (guint i = 0; i < sheets->len; i++)
    {
      const char *title = NULL;
      const GkTableSchema *schema = gk_xlsx_table_sheet_guess (sheets->pdata[i], template, &title, NULL);
      /* Only tables whose figures a workbook can bring count. */
      if (schema != NULL && !gk_table_schema_has_entries (schema) &&
          schema->kind != GK_TABLE_KIND_PROJECT_PERFORMANCE && !g_hash_table_contains (seen, schema->id))
        {
          g_autofree char *t = title != NULL ? gk_xlsx_normalize (title) : NULL;

          g_hash_table_add (seen, schema->id);
          *n_own += _gk_xlsx_is_own_title (template, t, schema->id);
        }
    }
  return g_hash_table_size (seen);
}

/* The bundled template whose tables the most sheets are; of equals, the
 * one whose region the workbook names, else the default (the seed's),
 * else the one with the fewest tables the workbook lacks. The report says
 * which and why. */
static GkTemplate *
choose_template (GkXlsxImporter *imp,
                 GPtrArray      *sheets)
{
  g_autoptr(GPtrArray) all = gk_template_list_all ();
  GkTemplate *fallback = gk_template_get_default ();
  GkTemplate *best = NULL, *second = NULL;
  guint best_n = 0, second_n = 0, best_own = 0;
  gboolean best_named = FALSE, second_named = FALSE;
  /* A 决算 has tables whose headings a budget's have too (支出决算表's are
   * 表三's): its title says which kind of disclosure it is. */
  gboolean final = imp->workbook->title != NULL && strstr (imp->workbook->title, "决算") != NULL;

  for (guint i = 0; i < all->len; i++)
    {
      GkTemplate *t = all->pdata[i];
      guint n, n_own;
      gboolean better, named;

      if (gk_template_is_user (t) || (final && !gk_template_is_final (t)))
        continue;
      n = count_tables (sheets, t, &n_own);
      named = _gk_xlsx_names_region (imp->workbook, sheets, t);
      if (best == NULL)
        better = TRUE;
      else if (n != best_n)
        better = n > best_n;
      else if (final && n_own != best_own)
        better = n_own > best_own;   /* 陕西's 三公 title is the national one's and more */
      else if (named != best_named)
        better = named;
      else if (t == fallback || best == fallback)
        better = t == fallback;
      else
        better = gk_template_get_n_tables (t) < gk_template_get_n_tables (best);
      if (better)
        {
          second = best;
          second_n = best_n;
          second_named = best_named;
          best = t;
          best_n = n;
          best_own = n_own;
          best_named = named;
        }
      else if (second == NULL || n > second_n)
        {
          second = t;
          second_n = n;
          second_named = named;
        }
    }
  if (best == NULL)
    best = fallback;

  if (second == NULL)
    gk_xlsx_report (imp, _("Template: %s (%s), the only one; %u of the workbook's sheets are its tables"),
                    gk_template_get_title (best), gk_template_get_id (best), best_n);
  else if (second_n == best_n && best_named && !second_named)
    gk_xlsx_report (imp, _("Template: %s (%s): %u of the workbook's sheets are its tables, as many as of %s (%s); chosen because the workbook names %s"),
                    gk_template_get_title (best), gk_template_get_id (best), best_n,
                    gk_template_get_title (second), gk_template_get_id (second),
                    gk_template_get_region (best));
  else if (second_n == best_n)
    gk_xlsx_report (imp, _("Template: %s (%s): %u of the workbook's sheets are its tables, as many as of %s (%s); give --template to choose another"),
                    gk_template_get_title (best), gk_template_get_id (best), best_n,
                    gk_template_get_title (second), gk_template_get_id (second));
  else
    gk_xlsx_report (imp, _("Template: %s (%s): %u of the workbook's sheets are its tables, more than of any other (next: %s, %u)"),
                    gk_template_get_title (best), gk_template_get_id (best), best_n,
                    gk_template_get_id (second), second_n);
  return best;
}

/**
 * gk_xlsx_import_workbook:
 * @workbook_in: (transfer full): the cells, from a workbook or laid out
 *   from a PDF's pages
 * @template: (nullable): as for gk_xlsx_import_for_template()
 * @keep_stated: whether the document keeps the figures printed for
 *   derived cells (a published PDF's), to check them
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
GkDocument *
gk_xlsx_import_workbook (GkXlsxWorkbook  *workbook_in,
                         GkTemplate      *template,
                         gboolean         keep_stated,
                         GString         *report_out,
                         GError         **error)
{
  g_autoptr(GkXlsxWorkbook) workbook = workbook_in;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_xlsx_table_sheet_free);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (part_free);
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) own_report = NULL;
  g_autoptr(GString) ignored = g_string_new (NULL);
  g_autoptr(GkDocument) doc = NULL;
  GkXlsxImporter imp = { 0 };
  gboolean ok = TRUE;

  if (report_out == NULL)
    report_out = own_report = g_string_new (NULL);
  imp.report = report_out;
  imp.named = named;
  imp.workbook = workbook;
  imp.keep_stated = keep_stated;

  for (guint i = 0; i < workbook->sheets->len; i++)
    {
      GkXlsxSheet *sheet = g_ptr_array_index (workbook->sheets, i);

      if (sheet->hidden)
        gk_xlsx_report (&imp, _("Sheet “%s”: hidden; ignored"), sheet->name);
      else
        g_ptr_array_add (sheets, gk_xlsx_table_sheet_new (workbook, sheet));
    }
  if (template != NULL)
    gk_xlsx_report (&imp, _("Template: %s (%s), as asked"), gk_template_get_title (template),
                    gk_template_get_id (template));
  else
    template = choose_template (&imp, sheets);

  for (guint i = 0; i < sheets->len; i++)
    {
      GkXlsxTableSheet *ts = sheets->pdata[i];
      GkXlsxSheet *sheet = ts->sheet;
      GkXlsxPart *part;

      gk_xlsx_table_sheet_set_template (ts, template);
      if (ts->schema == NULL)
        {
          gk_xlsx_report (&imp, _("Sheet “%s”: %s"), sheet->name, ts->reason);
          g_string_append_printf (ignored, "%s%s", ignored->len ? "; " : "", ts->label);
          g_string_append_printf (ignored, " — %s", ts->reason);
          continue;
        }
      if (g_hash_table_contains (seen, ts->schema->id))
        {
          gk_xlsx_report (&imp, _("Sheet “%s”: %s again (%s); only the first is imported"),
                  sheet->name, ts->schema->title, (char *) g_hash_table_lookup (seen, ts->schema->id));
          continue;
        }
      if (sheet->n_dropped > 0)
        gk_xlsx_report (&imp, _("Sheet “%s”: %u cells beyond row %u or column %u are not read"),
                sheet->name, sheet->n_dropped, GK_XLSX_MAX_ROWS, GK_XLSX_MAX_COLUMNS);
      part = g_new0 (GkXlsxPart, 1);
      part->ts = g_ptr_array_steal_index (sheets, i--);
      part->lines = g_ptr_array_new_with_free_func (_gk_xlsx_line_free);
      g_ptr_array_add (parts, part);
      g_hash_table_insert (seen, (gpointer) ts->schema->id, ts->label);
    }

  if (parts->len == 0)
    {
      if (workbook->sheets->len == 0)
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_NO_TABLE,
                     _("“%s” has no sheets"), workbook->display_name);
      else
        g_set_error (error, GK_XLSX_ERROR, GK_XLSX_ERROR_NO_TABLE,
                     _("“%s” has no sheet with one of the tables of the template “%s” (%s)"),
                     workbook->display_name, gk_template_get_title (template), ignored->str);
      return NULL;
    }
  g_ptr_array_sort (parts, compare_parts);

  imp.unit = choose_unit (&imp, parts);
  doc = gk_document_new_blank_for_template (template, choose_unit_name (&imp, parts), choose_year (&imp, parts),
                                            imp.unit);
  /* A workbook or a published PDF does not say when its document was
   * signed; today's date would contradict its budget year. */
  g_object_set (doc, "date", NULL, NULL);
  imp.doc = doc;

  for (guint i = 0; i < parts->len; i++)
    {
      GkXlsxPart *part = g_ptr_array_index (parts, i);
      g_autofree char *title = gk_table_schema_dup_name (part->ts->schema);

      part->table = gk_document_get_table (doc, part->ts->schema->id);
      part->unit = part->ts->money_unit >= 0 ? (GkMoneyUnit) part->ts->money_unit : imp.unit;
      gk_xlsx_report (&imp, _("%s: %s, %s, amounts in %s"), part->ts->label, title, part->ts->reason,
              gk_money_unit_to_string (part->unit));
      if (part->ts->money_unit < 0)
        gk_xlsx_report (&imp, _("%s has no 单位 line; its figures are taken as %s"),
                part->ts->label, gk_money_unit_to_string (imp.unit));
    }

  gk_document_begin_action (doc, _("Import"));
  for (guint i = 0; ok && i < parts->len; i++)
    ok = import_part (&imp, g_ptr_array_index (parts, i), error);
  gk_document_end_action (doc);
  if (!ok)
    return NULL;

  for (guint i = 0; i < gk_template_get_n_tables (template); i++)
    {
      const GkTableSchema *schema = gk_template_get_table (template, i);
      if (!g_hash_table_contains (seen, schema->id))
        {
          g_autofree char *name = gk_table_schema_dup_name (schema);
          if (keep_stated)
            gk_xlsx_report (&imp, gk_table_schema_is_summary (schema)
                            ? _("%s is not in the PDF (no page has its title); Gongkai derives it")
                            : _("%s is not in the PDF (no page has its title); it stays empty"),
                            name);
          else
            gk_xlsx_report (&imp, gk_table_schema_is_summary (schema)
                            ? _("%s is not in the workbook; Gongkai derives it")
                            : _("%s is not in the workbook; it stays empty"),
                    name);
        }
    }

  for (guint i = 0; ok && i < parts->len; i++)
    {
      GkXlsxPart *part = g_ptr_array_index (parts, i);
      guint before = imp.n_differences;

      if (gk_table_schema_is_summary (part->ts->schema))
        ok = gk_xlsx_compare_summary (&imp, part, error);
      else
        {
          gk_xlsx_compare_part (&imp, part);
          if (imp.n_differences == before)
            gk_xlsx_report (&imp, _("%s: its subtotals and totals agree with what Gongkai derives"), part->ts->label);
        }
    }
  if (!ok)
    return NULL;

  /* The import is where the document starts, not an edit to undo. */
  gk_document_history_clear (doc);
  return g_steal_pointer (&doc);
}

static GkDocument *
import_opened (GkXlsxWorkbook  *workbook,
               GkTemplate      *template,
               GString         *report,
               GError         **error)
{
  g_autoptr(GPtrArray) paired = g_ptr_array_new_with_free_func (_gk_xlsx_paired_sums_free);
  g_autoptr(GString) own = NULL;
  GkDocument *document;

  if (report == NULL)
    report = own = g_string_new (NULL);
  _gk_xlsx_unpair_sheets (workbook, paired, report);
  document = gk_xlsx_import_workbook (workbook, template, FALSE, report, error);
  if (document != NULL)
    _gk_xlsx_compare_paired (document, paired, FALSE, report);
  return document;
}

/**
 * gk_xlsx_import_for_template:
 * @template: (nullable): the template of the new document; %NULL to take
 *   the bundled template whose tables the workbook's sheets best match
 *
 * Reads a workbook as a new document of @template. Sheets that are none
 * of its tables are reported and left out.
 */
GkDocument *
gk_xlsx_import_for_template (const char  *path,
                             GkTemplate  *template,
                             GString     *report,
                             GError     **error)
{
  GkXlsxWorkbook *workbook;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  workbook = gk_xlsx_workbook_open (path, error);
  return workbook != NULL ? import_opened (workbook, template, report, error) : NULL;
}

GkDocument *
gk_xlsx_import (const char  *path,
                GString     *report,
                GError     **error)
{
  return gk_xlsx_import_for_template (path, NULL, report, error);
}

GkDocument *
gk_xlsx_import_data (const guint8  *data,
                     gsize          size,
                     const char    *display_name,
                     GString       *report,
                     GError       **error)
{
  GkXlsxWorkbook *workbook;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  workbook = gk_xlsx_workbook_open_data (data, size, display_name, error);
  return workbook != NULL ? import_opened (workbook, NULL, report, error) : NULL;
}
