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

static gboolean
lines_match (GkTable   *summary,
             GPtrArray *classes)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  GListModel *rows = gk_table_get_roots (summary);
  guint expected = schema->lines->len + classes->len + 1;

  if (g_list_model_get_n_items (rows) != expected)
    return FALSE;
  for (guint i = 0; i < classes->len; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, schema->lines->len + i);
      if (g_strcmp0 (gk_row_get_code (row), classes->pdata[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
build_lines (GkDocument *self,
             GkTable    *summary,
             GPtrArray  *classes)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  guint n_columns = gk_table_schema_get_n_columns (schema);

  gk_table_clear_lines (summary);
  for (guint i = 0; i < schema->lines->len; i++)
    {
      const GkLineSchema *line = g_ptr_array_index (schema->lines, i);
      g_autoptr(GkRow) row = gk_row_new (GK_ROW_KIND_LINE, NULL, line->title, n_columns);

      gk_row_set_line (row, line->id, GK_ROW_SIDE_INCOME);
      gk_table_append_line (summary, row);
    }
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
}

static void
derive_income (GkDocument *self,
               GkTable    *summary)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  GListModel *rows = gk_table_get_roots (summary);
  guint n_columns = gk_table_schema_get_n_columns (schema);
  g_autofree GkAmount *line_values = g_new0 (GkAmount, schema->lines->len);
  g_autofree gboolean *line_set = g_new0 (gboolean, schema->lines->len);
  g_autofree gboolean *line_overflow = g_new0 (gboolean, schema->lines->len);
  g_autofree GkAmount *values = g_new0 (GkAmount, n_columns);

  for (guint k = 0; k < schema->lines->len; k++)
    {
      guint i = schema->line_order[k];
      const GkLineSchema *line = g_ptr_array_index (schema->lines, i);
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      GkTable *source;
      guint column;

      if (parse_source (self, line->source, &source, &column))
        {
          GkRow *total = gk_table_get_total_row (source);
          line_set[i] = gk_table_get_column_total (source, column, &line_values[i]);
          line_overflow[i] = total != NULL && gk_row_has_overflow (total, column);
        }
      for (guint j = 0; j < line->n_sums; j++)
        {
          guint s = line->sums[j];
          line_set[i] |= line_set[s];
          line_overflow[i] |= line_overflow[s];
          if (!gk_amount_add (line_values[i], line_values[s], &line_values[i]))
            line_overflow[i] = TRUE;
        }

      /* Income lines carry their figure in the first column. */
      values[0] = line_values[i];
      gk_row_store (row, values, line_set[i] ? 1 : 0, line_overflow[i] ? 1 : 0);
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

  for (guint i = 0; i <= classes->len; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, schema->lines->len + i);
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
  derive_income (self, summary);
  derive_expenditure (self, summary, classes);
}
