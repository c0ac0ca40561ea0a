/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-document-private.h"

/* 表一 and 表四 are derived whole: their income lines from 表二's column
 * totals, their expenditure lines by function 类 from the tables their
 * columns name ("expenditure:total", "general-expenditure:total", "fund-expenditure:total"). Every 类 of the
 * template is listed, plus any other 类 the source tables use. */

#define EXPENDITURE_TOTAL "expenditure-total"

static gboolean
parse_source (GkDocument  *self,
              const char  *source,
              GkTable    **table,
              guint       *column)
{
  g_auto(GStrv) parts = NULL;
  int index;

  if (source == NULL)
    return FALSE;
  parts = g_strsplit (source, ":", 2);
  if (g_strv_length (parts) != 2)
    return FALSE;
  *table = gk_document_get_table (self, parts[0]);
  if (*table == NULL)
    return FALSE;
  index = gk_table_column_index (*table, parts[1]);
  if (index < 0)
    return FALSE;
  *column = index;
  return TRUE;
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GPtrArray *
wanted_classes (GkDocument          *self,
                const GkTableSchema *schema)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *classes = g_ptr_array_new ();

  for (guint i = 0; schema->classes != NULL && schema->classes[i] != NULL; i++)
    if (g_hash_table_add (seen, schema->classes[i]))
      g_ptr_array_add (classes, schema->classes[i]);

  for (guint c = 0; c < schema->columns->len; c++)
    {
      const GkColumnSchema *col = g_ptr_array_index (schema->columns, c);
      GkTable *source;
      GListModel *roots;
      guint column;

      if (col->rule != GK_COLUMN_SOURCE || !parse_source (self, col->source, &source, &column))
        continue;
      roots = gk_table_get_roots (source);
      for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
          const char *code = gk_row_get_code (row);
          if (code != NULL && g_hash_table_add (seen, (gpointer) code))
            g_ptr_array_add (classes, (gpointer) code);
        }
    }
  g_ptr_array_sort (classes, compare_codes);
  return classes;
}

/* Rows in printed order: the income lines, the function 类, the
 * expenditure total, then the expenditure side's own lines (决算's 结余分配,
 * 年末结转和结余, 总计). */
static guint
n_income_lines (const GkTableSchema *schema)
{
  guint n = 0;

  for (guint i = 0; i < schema->lines->len; i++)
    if (!((GkLineSchema *) schema->lines->pdata[i])->expenditure)
      n++;
  return n;
}

static gboolean
lines_match (GkTable   *summary,
             GPtrArray *classes)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  GListModel *rows = gk_table_get_roots (summary);
  guint expected = schema->lines->len + classes->len + 1;
  guint first = n_income_lines (schema);

  if (g_list_model_get_n_items (rows) != expected)
    return FALSE;
  for (guint i = 0; i < classes->len; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, first + i);
      if (g_strcmp0 (gk_row_get_code (row), classes->pdata[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
append_lines (GkTable  *summary,
              gboolean  expenditure)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  guint n_columns = gk_table_schema_get_n_columns (schema);

  for (guint i = 0; i < schema->lines->len; i++)
    {
      const GkLineSchema *line = g_ptr_array_index (schema->lines, i);
      g_autoptr(GkRow) row = NULL;

      if (line->expenditure != expenditure)
        continue;
      row = gk_row_new (GK_ROW_KIND_LINE, NULL, line->title, n_columns);
      gk_row_set_line (row, line->id, expenditure ? GK_ROW_SIDE_EXPENDITURE : GK_ROW_SIDE_INCOME);
      gk_table_append_line (summary, row);
    }
}

static void
build_lines (GkDocument *self,
             GkTable    *summary,
             GPtrArray  *classes)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  guint n_columns = gk_table_schema_get_n_columns (schema);

  gk_table_clear_lines (summary);
  append_lines (summary, FALSE);
  for (guint i = 0; i < classes->len; i++)
    {
      const char *code = classes->pdata[i];
      g_autoptr(GkRow) row = gk_row_new (GK_ROW_KIND_LINE, code,
                                         gk_document_get_code_name (self, GK_CLASSIFICATION_FUNCTION, code),
                                         n_columns);

      gk_row_set_line (row, code, GK_ROW_SIDE_EXPENDITURE);
      gk_table_append_line (summary, row);
    }
  {
    g_autoptr(GkRow) row = gk_row_new (GK_ROW_KIND_TOTAL, NULL, schema->expenditure_total, n_columns);
    gk_row_set_line (row, EXPENDITURE_TOTAL, GK_ROW_SIDE_EXPENDITURE);
    gk_table_append_line (summary, row);
  }
  append_lines (summary, TRUE);
}

/* A line's or a cell's "source": the column total of an entered table, or
 * the figure of another summary's income line (一般公共预算财政拨款收入,
 * entered on 收入支出决算总表 and read by 财政拨款收入支出决算总表). */
static gboolean
source_value (GkDocument *self,
              const char *source,
              GkAmount   *value,
              gboolean   *overflow)
{
  g_auto(GStrv) parts = NULL;
  GkTable *table;
  GkRow *row;
  int index;

  *value = 0;
  *overflow = FALSE;
  if (source == NULL || g_strv_length (parts = g_strsplit (source, ":", 2)) != 2 ||
      (table = gk_document_get_table (self, parts[0])) == NULL)
    return FALSE;
  if (gk_table_schema_is_summary (gk_table_get_schema (table)))
    {
      if ((row = gk_table_lookup_line (table, parts[1])) == NULL)
        return FALSE;
      *overflow = gk_row_has_overflow (row, 0);
      return gk_row_get_amount (row, 0, value);
    }
  if ((index = gk_table_column_index (table, parts[1])) < 0)
    return FALSE;
  row = gk_table_get_total_row (table);
  *overflow = row != NULL && gk_row_has_overflow (row, index);
  return gk_table_get_column_total (table, index, value);
}

typedef struct
{
  const GkTableSchema *schema;
  guint                n_columns;
  GkAmount            *values;     /* line × column */
  guint64             *set;
  guint64             *overflow;
  GkAmount            *total_values;
  guint64              total_set;
  guint64              total_overflow;
} Lines;

/* Adds (or takes away) the lines @sums into @v, column by column for
 * @width columns; @cell >= 0 fills only that column, an income line
 * giving its one figure, an expenditure line its figure in the column. */
static void
add_lines (Lines         *lines,
           const guint   *sums,
           guint          n_sums,
           guint64        subtract,
           int            cell,
           guint          width,
           GkAmount      *v,
           guint64       *set,
           guint64       *overflow)
{
  for (guint j = 0; j < n_sums; j++)
    {
      gboolean total = sums[j] == GK_LINE_EXPENDITURE_TOTAL;
      const GkAmount *from = total ? lines->total_values : lines->values + (gsize) sums[j] * lines->n_columns;
      guint64 from_set = total ? lines->total_set : lines->set[sums[j]];
      guint64 from_overflow = total ? lines->total_overflow : lines->overflow[sums[j]];
      gboolean minus = (subtract & (G_GUINT64_CONSTANT (1) << j)) != 0;

      for (guint c = cell >= 0 ? (guint) cell : 0; c < (cell >= 0 ? (guint) cell + 1 : width); c++)
        {
          guint s = cell >= 0 && !total && !((GkLineSchema *) lines->schema->lines->pdata[sums[j]])->expenditure ? 0 : c;
          guint64 bit = G_GUINT64_CONSTANT (1) << c;

          if (from_set & (G_GUINT64_CONSTANT (1) << s))
            *set |= bit;
          if (from_overflow & (G_GUINT64_CONSTANT (1) << s))
            *overflow |= bit;
          if (minus ? !gk_amount_sub (v[c], from[s], &v[c]) : !gk_amount_add (v[c], from[s], &v[c]))
            *overflow |= bit;
        }
    }
}

/* A figure typed into a line that the template now derives (a file
 * written when 年末 by source was entered) stands for the derived one
 * until the user clears it: nothing typed is lost. */
static gboolean
apply_overrides (GkTable            *summary,
                 const GkLineSchema *line,
                 guint               width,
                 GkAmount           *v,
                 guint64            *set,
                 guint64            *overflow)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  gboolean any = FALSE;

  if (line->entered)
    return FALSE;
  for (guint c = 0; c < width; c++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, c);

      if ((line->expenditure && col->rule == GK_COLUMN_SUM) ||
          !gk_table_get_line_figure (summary, line->id, col->id, &v[c]))
        continue;
      *set |= G_GUINT64_CONSTANT (1) << c;
      *overflow &= ~(G_GUINT64_CONSTANT (1) << c);
      any = TRUE;
    }
  return any;
}

/* Every line in the order its sums need: taken from another table's
 * column total or another summary's line, entered, summed, or filled
 * column by column by its cells. An income line carries its figure in
 * the first column; an expenditure line has one in each column, summed
 * column by column, and an entered one or one of cells gets the row rules
 * of the table (合计 = 一般公共预算 + 政府性基金 + 国有资本经营). */
static void
derive_lines (GkDocument *self,
              GkTable    *summary,
              GkRow      *expenditure_total)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  guint n_lines = schema->lines->len;
  guint n_columns = gk_table_schema_get_n_columns (schema);
  g_autofree GkAmount *values = g_new0 (GkAmount, (gsize) MAX (n_lines, 1) * n_columns);
  g_autofree guint64 *set = g_new0 (guint64, MAX (n_lines, 1));
  g_autofree guint64 *overflow = g_new0 (guint64, MAX (n_lines, 1));
  g_autofree GkAmount *total_values = g_new0 (GkAmount, n_columns);
  Lines lines = { schema, n_columns, values, set, overflow, total_values, 0, 0 };

  for (guint c = 0; expenditure_total != NULL && c < n_columns; c++)
    {
      if (gk_row_get_amount (expenditure_total, c, &total_values[c]))
        lines.total_set |= G_GUINT64_CONSTANT (1) << c;
      if (gk_row_has_overflow (expenditure_total, c))
        lines.total_overflow |= G_GUINT64_CONSTANT (1) << c;
    }

  for (guint k = 0; k < n_lines; k++)
    {
      guint i = schema->line_order[k];
      const GkLineSchema *line = g_ptr_array_index (schema->lines, i);
      GkAmount *v = values + (gsize) i * n_columns;
      guint width = line->expenditure ? n_columns : 1;
      guint64 mask = width == 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << width) - 1;
      GkRow *row = gk_table_lookup_line (summary, line->id);
      gboolean ruled = line->entered || line->n_cells > 0;
      gboolean source_overflow;

      if (line->source != NULL)
        {
          if (source_value (self, line->source, &v[0], &source_overflow))
            set[i] |= 1;
          if (source_overflow)
            overflow[i] |= 1;
        }
      else if (line->entered)
        {
          for (guint c = 0; c < width; c++)
            if (gk_table_get_line_figure (summary, line->id, gk_table_schema_get_column (schema, c)->id, &v[c]))
              set[i] |= G_GUINT64_CONSTANT (1) << c;
        }
      add_lines (&lines, line->sums, line->n_sums, line->subtract, -1, width, v, &set[i], &overflow[i]);
      for (guint j = 0; j < line->n_cells; j++)
        {
          const GkLineCell *cell = &line->cells[j];
          guint64 bit = G_GUINT64_CONSTANT (1) << cell->column;

          if (cell->source != NULL)
            {
              if (source_value (self, cell->source, &v[cell->column], &source_overflow))
                set[i] |= bit;
              if (source_overflow)
                overflow[i] |= bit;
            }
          add_lines (&lines, cell->sums, cell->n_sums, cell->subtract, cell->column, width, v, &set[i], &overflow[i]);
        }
      ruled |= apply_overrides (summary, line, width, v, &set[i], &overflow[i]);
      if (line->expenditure && ruled && row != NULL)
        gk_table_apply_rules (summary, row, v, &set[i], &overflow[i]);
      if (row != NULL)
        gk_row_store (row, v, set[i] & mask, overflow[i] & mask);
    }
}

static void
derive_expenditure (GkDocument *self,
                    GkTable    *summary,
                    GPtrArray  *classes)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  GListModel *rows = gk_table_get_roots (summary);
  guint n_columns = gk_table_schema_get_n_columns (schema);
  g_autofree GkAmount *values = g_new0 (GkAmount, n_columns);

  guint first = n_income_lines (schema);

  for (guint i = 0; i <= classes->len; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, first + i);
      gboolean is_total = i == classes->len;
      guint64 set_mask = 0, overflow_mask = 0;

      memset (values, 0, sizeof (GkAmount) * n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          const GkColumnSchema *col = g_ptr_array_index (schema->columns, c);
          GkTable *source;
          guint column;
          GkRow *from;

          if (col->rule != GK_COLUMN_SOURCE || !parse_source (self, col->source, &source, &column))
            continue;
          from = is_total ? gk_table_get_total_row (source)
                          : gk_table_lookup (source, classes->pdata[i]);
          if (from == NULL)
            continue;
          if (gk_row_get_amount (from, column, &values[c]))
            set_mask |= G_GUINT64_CONSTANT (1) << c;
          if (gk_row_has_overflow (from, column))
            overflow_mask |= G_GUINT64_CONSTANT (1) << c;
        }
      gk_table_apply_rules (summary, row, values, &set_mask, &overflow_mask);
      gk_row_store (row, values, set_mask, overflow_mask);
    }
}

void
gk_document_derive_summary (GkDocument *self,
                            GkTable    *summary)
{
  g_autoptr(GPtrArray) classes = NULL;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (gk_table_schema_is_summary (gk_table_get_schema (summary)));

  classes = wanted_classes (self, gk_table_get_schema (summary));
  if (!lines_match (summary, classes))
    build_lines (self, summary, classes);
  derive_expenditure (self, summary, classes);
  derive_lines (self, summary, gk_table_lookup_line (summary, EXPENDITURE_TOTAL));
  /* The summaries that read its lines follow (the template has no circle). */
  gk_document_derive_after (self, summary);
}
