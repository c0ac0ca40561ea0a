/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-xlsx-import-private.h"

/* What an imported workbook derived itself (subtotal rows, 合计 lines, row
 * totals, 表一 and 表四) is not taken in: Gongkai derives it from what was
 * entered, and every figure of the workbook that differs goes into the
 * report with its cell. */

static void
compare_cell (GkXlsxImporter   *imp,
              GkXlsxPart       *part,
              guint       sheet_row,
              int         sheet_column,
              const char *what,
              const char *column,
              GkAmount    workbook,
              gboolean    workbook_set,
              GkRow      *row,
              guint       model_column)
{
  GkAmount derived = 0;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *cell = NULL;

  if (row == NULL || model_column >= gk_row_get_n_columns (row))
    return;
  if (!gk_row_get_amount (row, model_column, &derived))
    derived = 0;
  if (!workbook_set)
    workbook = 0;
  else if (imp->keep_stated && gk_table_stated_line (row) != NULL)
    gk_table_set_stated (part->table, gk_table_stated_line (row),
                         gk_table_schema_get_column (gk_table_get_schema (part->table), model_column)->id,
                         workbook);
  if (derived == workbook)
    return;
  imp->n_differences++;
  a = gk_amount_format (workbook);
  b = gk_amount_format (derived);
  cell = sheet_column >= 0 ? gk_xlsx_cell_name (sheet_row, sheet_column) : g_strdup_printf ("%u", sheet_row + 1);
  /* A blank cell is no figure: saying 0.00 would put a figure in the
   * source's mouth. A PDF's figures were printed, not typed in cells. */
  if (!workbook_set && imp->keep_stated)
    gk_xlsx_report (imp, _("%s, cell %s (%s, %s): the PDF prints no figure there, Gongkai derives %s"),
                    part->ts->label, cell, what, column, b);
  else if (!workbook_set)
    gk_xlsx_report (imp, _("%s, cell %s (%s, %s): the workbook has no figure there, Gongkai derives %s"),
                    part->ts->label, cell, what, column, b);
  else if (imp->keep_stated)
    gk_xlsx_report (imp, _("%s, cell %s (%s, %s): the PDF prints %s, Gongkai derives %s"),
                    part->ts->label, cell, what, column, a, b);
  else
    gk_xlsx_report (imp, _("%s, cell %s (%s, %s): the workbook has %s, Gongkai derives %s"),
                    part->ts->label, cell, what, column, a, b);
}

static void
compare_line (GkXlsxImporter *imp,
              GkXlsxPart     *part,
              GkXlsxLine     *line,
              GkRow    *row)
{
  const GkTableSchema *schema = part->ts->schema;
  g_autofree char *what = NULL;

  if (row == NULL)
    return;
  if (line->total)
    what = g_strdup (gk_row_get_name (row) ? gk_row_get_name (row) : "合计");
  else if (line->project != NULL)
    what = g_strdup (line->project);
  else if (line->code != NULL)
    what = g_strdup_printf ("%s %s", line->code, gk_row_get_name (row) ? gk_row_get_name (row) : "");
  else
    what = g_strdup (schema->title);

  for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
    {
      if (line->cells[c] < 0 || gk_row_is_cell_entered (row, c))
        continue;
      compare_cell (imp, part, line->rows != NULL ? (guint) line->rows[c] : line->row, line->cells[c],
                    what, gk_xlsx_column_title (schema, c),
                    line->values[c], (line->set >> c) & 1, row, c);
    }
}

void
gk_xlsx_compare_part (GkXlsxImporter *imp,
              GkXlsxPart     *part)
{
  for (guint i = 0; i < part->lines->len; i++)
    {
      GkXlsxLine *line = g_ptr_array_index (part->lines, i);
      GkRow *row;

      if (line->total)
        row = gk_table_get_total_row (part->table);
      else if (line->made != NULL)
        row = gk_project_get_row (line->made);
      else if (line->code != NULL)
        row = gk_table_lookup (part->table, line->code);
      else
        row = gk_table_get_single_row (part->table);
      compare_line (imp, part, line, row);
    }
}

/* 表一 and 表四 --------------------------------------------------------------- */

static const struct {
  const char *line;
  const char *aliases[5];
} line_aliases[] = {
  { "fiscal", { "财政拨款(补助)", "财政拨款", "财政拨款收入", NULL } },
  { "general", { "一般公共预算", "一般公共预算拨款", "公共财政拨款", NULL } },
  { "fund", { "政府性基金预算", "政府性基金预算拨款", "政府性基金", NULL } },
  { "capital", { "国有资本经营预算", "国有资本经营预算拨款", "国有资本经营", NULL } },
  { "special", { "财政专户管理资金", "教育收费(财政专户)", "财政专户", NULL } },
  { "business", { "事业收入", NULL } },
  { "operating", { "事业单位经营收入", "经营收入", NULL } },
  { "other", { "其他收入", NULL } },
  { "reserve", { "用事业基金弥补收支差额", "用事业基金弥补", NULL } },
  { "subtotal", { "小计", "本年收入合计", "收入合计", NULL } },
  { "carryover", { "上年结余", "上年结转", NULL } },
  { "income-total", { "收入总计", NULL } },
  { "expenditure-total", { "支出合计", "支出总计", "本年支出合计", NULL } },
};

static guint
alias_score (const char *label,
             const char *alias)
{
  if (g_str_equal (label, alias))
    return 10000 + strlen (alias);
  if (strstr (label, alias) != NULL)
    return strlen (alias);
  return 0;
}

/* "一、一般公共预算拨款", "（二）…", "1. …" → the wording alone */
static char *
strip_enumerator (const char *label)
{
  g_autoptr(GRegex) regex = g_regex_new ("^(?:[一二三四五六七八九十]+[、.]|\\([一二三四五六七八九十\\d]+\\)|\\d+[、.])",
                                         0, 0, NULL);
  g_autofree char *normalized = gk_xlsx_normalize (label);

  return g_regex_replace_literal (regex, normalized, -1, 0, "", 0, NULL);
}

/* The summary line a label of 表一 or 表四 names: a 类 by its code or
 * name, an income line or a total by its wording. */
static GkRow *
find_summary_row (GkXlsxImporter   *imp,
                  GkTable    *table,
                  const char *label)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  g_autofree char *code = gk_xlsx_leading_code (label, NULL);
  g_autofree char *normalized = strip_enumerator (label);
  GListModel *roots = gk_table_get_roots (table);
  const char *best = NULL;
  guint best_score = 0;

  if (code != NULL)
    return gk_table_lookup_line (table, code);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
      g_autofree char *name = gk_xlsx_normalize (gk_row_get_name (row));

      if (gk_row_get_code (row) != NULL && g_str_equal (name, normalized))
        return row;
    }
  for (guint i = 0; i < G_N_ELEMENTS (line_aliases); i++)
    {
      gboolean present = g_str_equal (line_aliases[i].line, "expenditure-total");

      for (guint l = 0; !present && l < schema->lines->len; l++)
        present = g_str_equal (((GkLineSchema *) g_ptr_array_index (schema->lines, l))->id, line_aliases[i].line);
      if (!present)
        continue;
      for (guint j = 0; line_aliases[i].aliases[j] != NULL; j++)
        {
          guint score = alias_score (normalized, line_aliases[i].aliases[j]);
          if (score > best_score)
            {
              best_score = score;
              best = line_aliases[i].line;
            }
        }
    }
  return best != NULL ? gk_table_lookup_line (table, best) : NULL;
}

static gboolean
is_amount_cell (const GkXlsxCell *cell)
{
  g_autofree char *normalized = NULL;
  GkAmount unused;

  if (cell->type == GK_XLSX_CELL_BLANK || cell->type == GK_XLSX_CELL_NUMBER)
    return TRUE;
  if (cell->type != GK_XLSX_CELL_TEXT)
    return FALSE;
  normalized = gk_xlsx_normalize (cell->text);
  if (gk_xlsx_is_dash (normalized))
    return TRUE;
  {
    char *w = normalized;
    for (const char *p = normalized; *p; p++)
      if (*p != ',')
        *w++ = *p;
    *w = '\0';
  }
  return gk_xlsx_decimal_to_amount (normalized, FALSE, GK_MONEY_UNIT_YUAN, GK_MONEY_UNIT_YUAN, &unused, NULL);
}

/* The line whose template title a label is, as 决算's summaries print
 * theirs (年初结转和结余, 使用非财政拨款结余 …). A title may be printed twice
 * (总计 on both sides; 一、一般公共预算财政拨款 under 本年收入 and again under
 * 年初财政拨款结转和结余): each print takes the first line of that title not
 * yet read, top to bottom and left to right. */
static GkRow *
find_line_by_title (GkTable    *table,
                    const char *label,
                    GHashTable *read)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  g_autofree char *whole = gk_xlsx_normalize (label);
  g_autofree char *bare = strip_enumerator (label);

  if (schema->expenditure_total != NULL && !g_hash_table_contains (read, "expenditure-total"))
    {
      g_autofree char *title = gk_xlsx_normalize (schema->expenditure_total);

      if (g_str_equal (title, whole))
        {
          g_hash_table_add (read, (gpointer) "expenditure-total");
          return gk_table_lookup_line (table, "expenditure-total");
        }
    }
  /* The whole wording first: 一、 and 四、 tell apart what the bare
   * wording does not. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; schema->lines != NULL && i < schema->lines->len; i++)
      {
        const GkLineSchema *line = schema->lines->pdata[i];
        g_autofree char *title = pass == 0 ? gk_xlsx_normalize (line->title) : strip_enumerator (line->title);

        if (g_hash_table_contains (read, line->id) || !g_str_equal (title, pass == 0 ? whole : bare))
          continue;
        g_hash_table_add (read, line->id);
        return gk_table_lookup_line (table, line->id);
      }
  return NULL;
}

static const GkLineSchema *
entered_line (GkRow *row)
{
  const GkTableSchema *schema = gk_table_get_schema (gk_row_get_table (row));
  const char *id = gk_row_get_line_id (row);

  for (guint i = 0; id != NULL && schema->lines != NULL && i < schema->lines->len; i++)
    {
      const GkLineSchema *line = schema->lines->pdata[i];
      if (g_str_equal (line->id, id))
        return line->entered ? line : NULL;
    }
  return NULL;
}

/* A label and the figures after it on a row of a summary. */
typedef struct
{
  guint  row, column, first, end;
  GkRow *line;
} Group;

/* Whether figure `k` of a group on `line` is typed in rather than derived:
 * the one figure of an entered income line, each figure but a sum of an
 * entered expenditure line. */
static gboolean
is_entered_figure (const GkTableSchema *schema,
                   GkRow               *line,
                   guint                k)
{
  const GkLineSchema *entered = entered_line (line);

  if (entered == NULL)
    return FALSE;
  if (!entered->expenditure)
    return k == 0;
  return gk_table_schema_get_column (schema, k)->rule != GK_COLUMN_SUM;
}

static gboolean
enter_line (GkXlsxImporter  *imp,
            GkXlsxPart      *part,
            Group           *g,
            GError         **error)
{
  const GkTableSchema *schema = part->ts->schema;
  guint n = gk_row_get_side (g->line) == GK_ROW_SIDE_INCOME ? 1 : gk_row_get_n_columns (g->line);

  for (guint k = 0; k < n && g->first + k < g->end; k++)
    {
      g_autoptr(GError) local = NULL;
      GkAmount amount = 0;
      gboolean set = FALSE;

      if (!is_entered_figure (schema, g->line, k))
        continue;
      if (!gk_xlsx_read_amount (imp, part, g->row, g->first + k, k, &amount, &set, error))
        return FALSE;
      if (set && !gk_document_set_line_figure (imp->doc, part->table, gk_row_get_line_id (g->line),
                                               gk_table_schema_get_column (schema, k)->id, &amount, &local))
        gk_xlsx_report (imp, "%s: %s", part->ts->label, local->message);
    }
  return TRUE;
}

/* Each row of 表一 and 表四 holds one or two label-and-figures groups
 * (income on the left, expenditure on the right); each group is compared
 * with the line it names. The figures of an entered line (决算's 年初结转和
 * 结余) are what no other table gives: they are taken in first, and the
 * lines summed from them compared after. */
gboolean
gk_xlsx_compare_summary (GkXlsxImporter  *imp,
                         GkXlsxPart      *part,
                         GError         **error)
{
  GkXlsxTableSheet *ts = part->ts;
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));
  g_autoptr(GHashTable) read = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_compared = 0, n_entered = 0;
  guint before = imp->n_differences;

  for (guint r = ts->data_start; r < ts->sheet->n_rows; r++)
    {
      if (gk_xlsx_table_sheet_is_note (ts, r))
        continue;
      for (guint c = 0; c < ts->n_columns; )
        {
          const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (ts->sheet, r, c);
          GkRow *row;
          guint first = c + 1;
          guint end = first;

          if (cell->covered || is_amount_cell (cell))
            {
              c++;
              continue;
            }
          while (end < ts->n_columns && is_amount_cell (gk_xlsx_sheet_get_cell (ts->sheet, r, end)) &&
                 !gk_xlsx_sheet_get_cell (ts->sheet, r, end)->covered)
            end++;
          row = find_line_by_title (part->table, cell->text, read);
          if (row == NULL)
            row = find_summary_row (imp, part->table, cell->text);
          if (row == NULL)
            {
              g_autofree char *name = gk_xlsx_cell_name (r, c);
              g_autofree char *normalized = gk_xlsx_normalize (cell->text);
              if (!gk_xlsx_is_total_word (normalized) || end > first)
                gk_xlsx_report (imp, _("%s, cell %s: “%s” is not a line of this table; not compared"),
                        ts->label, name, cell->text);
            }
          else
            {
              Group g = { r, c, first, end, row };
              g_array_append_val (groups, g);
            }
          c = end;
        }
    }

  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = &g_array_index (groups, Group, i);

      if (entered_line (g->line) != NULL)
        {
          if (!enter_line (imp, part, g, error))
            return FALSE;
          n_entered++;
        }
    }
  for (guint i = 0; i < groups->len; i++)
    {
      Group *g = &g_array_index (groups, Group, i);
      const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (ts->sheet, g->row, g->column);
      /* An income line has one figure; an expenditure line one per column. */
      guint n = gk_row_get_side (g->line) == GK_ROW_SIDE_INCOME ? 1 : gk_row_get_n_columns (g->line);
      g_autofree char *what = gk_xlsx_strip (cell->text);

      for (guint k = 0; k < n && g->first + k < g->end; k++)
        {
          GkAmount amount = 0;
          gboolean set = FALSE;

          if (is_entered_figure (ts->schema, g->line, k))
            continue;
          if (!gk_xlsx_read_amount (imp, part, g->row, g->first + k, k, &amount, &set, error))
            return FALSE;
          compare_cell (imp, part, g->row, g->first + k, what,
                        gk_xlsx_column_title (ts->schema, k), amount, set, g->line, k);
          n_compared++;
        }
    }
  if (n_entered > 0)
    gk_xlsx_report (imp, _("%s: entered lines read: %u (such as 年初结转和结余)"), ts->label, n_entered);
  gk_xlsx_report (imp, _("%s: %u figures compared with what Gongkai derives from the other tables, %u differ"),
          ts->label, n_compared, imp->n_differences - before);
  return TRUE;
}
