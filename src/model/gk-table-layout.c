/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-table-layout.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"
#include "gk-table-unit.h"

/* The fixed headings below are the wording of the published tables, the
 * same whatever the interface language. */

static void
header_cell_free (gpointer data)
{
  GkLayoutHeaderCell *cell = data;
  g_free (cell->text);
  g_free (cell);
}

static void
line_free (gpointer data)
{
  GkLayoutLine *line = data;
  g_clear_object (&line->row);
  g_clear_object (&line->right);
  g_strfreev (line->cells);
  g_free (line);
}

void
gk_table_layout_free (GkTableLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->kinds);
  g_free (layout->model_columns);
  g_ptr_array_unref (layout->header);
  g_ptr_array_unref (layout->lines);
  g_free (layout->unit_line);
  g_free (layout);
}

/* "表二 部门收入总体情况表" */
char *
gk_table_layout_title (GkTable *table)
{
  return gk_table_schema_dup_name (gk_table_get_schema (table));
}

static void
add_header (GkTableLayout *layout,
            const char    *text,
            guint          row,
            guint          column,
            guint          row_span,
            guint          column_span)
{
  GkLayoutHeaderCell *cell = g_new0 (GkLayoutHeaderCell, 1);

  cell->text = g_strdup (text);
  cell->row = row;
  cell->column = column;
  cell->row_span = row_span;
  cell->column_span = column_span;
  g_ptr_array_add (layout->header, cell);
}

static void
set_columns (GkTableLayout            *layout,
             guint                     n_leading,
             const GkLayoutColumnKind *leading)
{
  guint n_amounts = gk_table_schema_get_n_columns (layout->schema);

  layout->n_columns = n_leading + n_amounts;
  layout->kinds = g_new0 (GkLayoutColumnKind, layout->n_columns);
  layout->model_columns = g_new0 (int, layout->n_columns);
  for (guint i = 0; i < n_leading; i++)
    {
      layout->kinds[i] = leading[i];
      layout->model_columns[i] = -1;
    }
  for (guint i = 0; i < n_amounts; i++)
    {
      layout->kinds[n_leading + i] = GK_LAYOUT_COLUMN_AMOUNT;
      layout->model_columns[n_leading + i] = i;
    }
}

static guint
group_depth (const GkColumnSchema *col)
{
  return col->groups ? g_strv_length (col->groups) : 0;
}

/* Whether columns a and b share their headers down to `level`. */
static gboolean
same_groups (const GkColumnSchema *a,
             const GkColumnSchema *b,
             guint                 level)
{
  if (group_depth (a) <= level || group_depth (b) <= level)
    return FALSE;
  for (guint k = 0; k <= level; k++)
    if (!g_str_equal (a->groups[k], b->groups[k]))
      return FALSE;
  return TRUE;
}

static gboolean
same_column_groups (const GkColumnSchema *a,
                    const GkColumnSchema *b)
{
  guint depth = group_depth (a);

  return depth > 0 && depth == group_depth (b) && same_groups (a, b, depth - 1);
}

/* The header rows a table's amount columns need: two, or one more for
 * each level of groups beyond the first (the 三公 决算表 has three). */
static guint
amount_header_rows (const GkTableSchema *schema)
{
  guint depth = 0;

  for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
    depth = MAX (depth, group_depth (gk_table_schema_get_column (schema, i)));
  return MAX (2, depth + 1);
}

/* The amount columns' titles: under the table's heading when it has one,
 * under their groups (表八's 公务用车购置及运行费) when they have them, the
 * title taking the rows left below its last group. The leading headers
 * (科目编码, 项目名称 …) were made for two rows; when the groups need more,
 * the bottom ones grow down to the last row. */
static void
add_amount_headers (GkTableLayout *layout,
                    guint          first)
{
  const GkTableSchema *schema = layout->schema;
  guint n = gk_table_schema_get_n_columns (schema);
  guint rows = schema->heading != NULL ? 2 : amount_header_rows (schema);

  if (rows > layout->n_header_rows)
    {
      for (guint i = 0; i < layout->header->len; i++)
        {
          GkLayoutHeaderCell *cell = layout->header->pdata[i];
          if (cell->row + cell->row_span == layout->n_header_rows)
            cell->row_span += rows - layout->n_header_rows;
        }
      layout->n_header_rows = rows;
    }
  if (schema->heading != NULL)
    {
      add_header (layout, schema->heading, 0, first, 1, n);
      for (guint i = 0; i < n; i++)
        add_header (layout, gk_table_schema_get_column (schema, i)->title, 1, first + i, 1, 1);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, i);
      guint depth = group_depth (col);
      guint extra = 0;

      /* Columns under one whole list of groups are its parts (预算数 and
       * 决算数 of 合计): the last group grows down, so that every such
       * part sits on the bottom row. */
      if (depth > 0 && ((i > 0 && same_column_groups (gk_table_schema_get_column (schema, i - 1), col)) ||
                        (i + 1 < n && same_column_groups (col, gk_table_schema_get_column (schema, i + 1)))))
        extra = rows - 1 - depth;
      for (guint level = 0; level < depth; level++)
        {
          guint span = 1;

          /* A group already placed by the column before it. */
          if (i > 0 && same_groups (gk_table_schema_get_column (schema, i - 1), col, level))
            continue;
          while (i + span < n && same_groups (col, gk_table_schema_get_column (schema, i + span), level))
            span++;
          add_header (layout, col->groups[level], level, first + i, level + 1 == depth ? 1 + extra : 1, span);
        }
      add_header (layout, col->title, depth + extra, first + i, rows - depth - extra, 1);
    }
}

/* In the table's unit: a total is converted from the exact stored sum. */
static char *
amount_text (GkTableLayout *layout,
             GkRow         *row,
             guint          column)
{
  GkAmount amount;

  if (row == NULL || column >= gk_row_get_n_columns (row) || !gk_row_get_amount (row, column, &amount))
    return g_strdup ("");
  return gk_table_format_amount (layout->table, layout->document, amount);
}

static GkLayoutLine *
add_line (GkTableLayout *layout,
          GkRow         *row,
          guint          first_amount)
{
  GkLayoutLine *line = g_new0 (GkLayoutLine, 1);

  line->row = row ? g_object_ref (row) : NULL;
  line->cells = g_new0 (char *, layout->n_columns + 1);
  for (guint i = 0; i < layout->n_columns; i++)
    line->cells[i] = i >= first_amount && row != NULL
                       ? amount_text (layout, row, layout->model_columns[i])
                       : g_strdup ("");
  line->total = row != NULL && gk_row_get_kind (row) == GK_ROW_KIND_TOTAL;
  g_ptr_array_add (layout->lines, line);
  return line;
}

static void
set_cell (GkLayoutLine *line,
          guint         column,
          const char   *text)
{
  g_free (line->cells[column]);
  line->cells[column] = g_strdup (text ? text : "");
}

/* 201 | 03 | 01: the code split in the printed 类/款/项 columns. */
static void
set_code_cells (GkLayoutLine *line,
                const char   *code,
                guint         n_parts)
{
  gsize len = code ? strlen (code) : 0;

  if (len >= 3)
    {
      g_autofree char *c = g_strndup (code, 3);
      set_cell (line, 0, c);
    }
  if (len >= 5 && n_parts > 1)
    {
      g_autofree char *c = g_strndup (code + 3, 2);
      set_cell (line, 1, c);
    }
  if (len >= 7 && n_parts > 2)
    {
      g_autofree char *c = g_strndup (code + 5, 2);
      set_cell (line, 2, c);
    }
}

static guint
code_depth (const char *code)
{
  gsize len = code ? strlen (code) : 0;
  return len >= 7 ? 2 : len >= 5 ? 1 : 0;
}

static void
layout_classification (GkTableLayout *layout,
                       GkTable       *table,
                       gboolean       economic)
{
  static const GkLayoutColumnKind function_cols[] = {
    GK_LAYOUT_COLUMN_CODE, GK_LAYOUT_COLUMN_CODE, GK_LAYOUT_COLUMN_CODE, GK_LAYOUT_COLUMN_TEXT
  };
  static const GkLayoutColumnKind economic_cols[] = {
    GK_LAYOUT_COLUMN_CODE, GK_LAYOUT_COLUMN_CODE, GK_LAYOUT_COLUMN_TEXT
  };
  guint n_codes = economic ? 2 : 3;
  GListModel *rows = G_LIST_MODEL (table);

  set_columns (layout, n_codes + 1, economic ? economic_cols : function_cols);
  layout->n_header_rows = 2;
  add_header (layout, economic ? "经济分类科目编码" : "功能分类科目编码", 0, 0, 1, n_codes);
  add_header (layout, "类", 1, 0, 1, 1);
  add_header (layout, "款", 1, 1, 1, 1);
  if (!economic)
    add_header (layout, "项", 1, 2, 1, 1);
  add_header (layout, economic ? "经济分类科目名称" : "功能分类科目名称", 0, n_codes, 2, 1);
  add_amount_headers (layout, n_codes + 1);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      GkLayoutLine *line = add_line (layout, row, n_codes + 1);

      set_code_cells (line, gk_row_get_code (row), n_codes);
      set_cell (line, n_codes, gk_row_get_name (row));
      line->depth = code_depth (gk_row_get_code (row));
    }
}

/* 表七 prints 类 and 款 subtotal lines and one line per project carrying its
 * 项 code, as the published tables do; a 项 has no line of its own. */
static void
layout_projects (GkTableLayout *layout,
                 GkDocument    *document,
                 GkTable       *table)
{
  static const GkLayoutColumnKind cols[] = {
    GK_LAYOUT_COLUMN_CODE, GK_LAYOUT_COLUMN_CODE, GK_LAYOUT_COLUMN_CODE,
    GK_LAYOUT_COLUMN_TEXT, GK_LAYOUT_COLUMN_TEXT
  };
  GListModel *rows = G_LIST_MODEL (table);

  set_columns (layout, G_N_ELEMENTS (cols), cols);
  layout->n_header_rows = 2;
  add_header (layout, "科目编码", 0, 0, 1, 3);
  add_header (layout, "类", 1, 0, 1, 1);
  add_header (layout, "款", 1, 1, 1, 1);
  add_header (layout, "项", 1, 2, 1, 1);
  add_header (layout, "科目", 0, 3, 2, 1);
  add_header (layout, "项目名称", 0, 4, 2, 1);
  add_amount_headers (layout, G_N_ELEMENTS (cols));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      GkLayoutLine *line;
      GkProject *project = gk_row_get_project (row);

      if (gk_row_get_kind (row) == GK_ROW_KIND_ITEM)
        continue;
      line = add_line (layout, row, G_N_ELEMENTS (cols));
      if (project != NULL)
        {
          const char *code = gk_project_get_function_code (project);
          set_code_cells (line, code, 3);
          set_cell (line, 3, gk_document_get_code_name (document, GK_CLASSIFICATION_FUNCTION, code));
          set_cell (line, 4, gk_project_get_name (project));
          line->depth = 2;
        }
      else if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
        set_cell (line, 4, gk_row_get_name (row));
      else
        {
          set_code_cells (line, gk_row_get_code (row), 3);
          set_cell (line, 3, gk_row_get_name (row));
          line->depth = code_depth (gk_row_get_code (row));
        }
    }
}

/* 决算's 基本支出表: 人员经费 (the 类 the template's share rule or 301 and
 * 303 name) on the left, 公用经费 on the right, each 类 with its 款 below,
 * and 人员经费合计 beside 公用经费合计 on the last line. */
static void
layout_paired (GkTableLayout *layout,
               GkTable       *table)
{
  static const GkLayoutColumnKind cols[] = {
    GK_LAYOUT_COLUMN_CODE, GK_LAYOUT_COLUMN_TEXT, GK_LAYOUT_COLUMN_AMOUNT,
    GK_LAYOUT_COLUMN_CODE, GK_LAYOUT_COLUMN_TEXT, GK_LAYOUT_COLUMN_AMOUNT,
  };
  static const char * const titles[] = { "经济分类科目编码", "科目名称", "决算数" };
  GListModel *rows = G_LIST_MODEL (table);
  g_autoptr(GPtrArray) personnel = g_ptr_array_new ();
  g_autoptr(GPtrArray) public = g_ptr_array_new ();
  GPtrArray *sides[2] = { personnel, public };
  GkAmount sums[2] = { 0, 0 };
  gboolean set[2] = { FALSE, FALSE };
  GkLayoutLine *line;

  layout->n_columns = G_N_ELEMENTS (cols);
  layout->kinds = g_memdup2 (cols, sizeof cols);
  layout->model_columns = g_new (int, layout->n_columns);
  for (guint c = 0; c < layout->n_columns; c++)
    layout->model_columns[c] = cols[c] == GK_LAYOUT_COLUMN_AMOUNT ? 0 : -1;
  layout->n_header_rows = 1;
  for (guint c = 0; c < layout->n_columns; c++)
    add_header (layout, titles[c % 3], 0, c, 1, 1);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      const char *code = gk_row_get_code (row);
      guint side;
      GkAmount amount;

      if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL || code == NULL)
        continue;
      side = g_str_has_prefix (code, "301") || g_str_has_prefix (code, "303") ? 0 : 1;
      g_ptr_array_add (sides[side], row);
      if (code_depth (code) == 0 && gk_row_get_amount (row, 0, &amount))
        {
          set[side] = TRUE;
          if (!gk_amount_add (sums[side], amount, &sums[side]))
            sums[side] = amount < 0 ? G_MININT64 : G_MAXINT64;
        }
    }
  for (guint i = 0; i < MAX (sides[0]->len, sides[1]->len); i++)
    {
      line = g_new0 (GkLayoutLine, 1);
      line->cells = g_new0 (char *, layout->n_columns + 1);
      for (guint side = 0; side < 2; side++)
        {
          GkRow *row = i < sides[side]->len ? sides[side]->pdata[i] : NULL;

          line->cells[side * 3] = g_strdup (row ? gk_row_get_code (row) : "");
          line->cells[side * 3 + 1] = g_strdup (row ? gk_row_get_name (row) : "");
          line->cells[side * 3 + 2] = amount_text (layout, row, 0);
          if (side == 0 && row != NULL)
            {
              line->row = g_object_ref (row);
              line->depth = code_depth (gk_row_get_code (row));
            }
          else if (row != NULL)
            line->right = g_object_ref (row);
        }
      g_ptr_array_add (layout->lines, line);
    }
  line = g_new0 (GkLayoutLine, 1);
  line->cells = g_new0 (char *, layout->n_columns + 1);
  line->total = TRUE;
  for (guint side = 0; side < 2; side++)
    {
      line->cells[side * 3] = g_strdup (side == 0 ? "人员经费合计" : "公用经费合计");
      line->cells[side * 3 + 1] = g_strdup ("");
      line->cells[side * 3 + 2] = set[side] ? gk_table_format_amount (table, layout->document, sums[side]) : g_strdup ("");
    }
  g_ptr_array_add (layout->lines, line);
}

static void
layout_single (GkTableLayout *layout,
               GkTable       *table)
{
  set_columns (layout, 0, NULL);
  layout->n_header_rows = 2;
  add_amount_headers (layout, 0);
  add_line (layout, gk_table_get_single_row (table), 0);
}

/* The projects' 绩效目标表 as one table: a line per indicator, the
 * project's name, money and goal on its first line. */
static void
layout_performance (GkTableLayout *layout,
                    GkDocument    *document)
{
  static const GkLayoutColumnKind cols[] = {
    GK_LAYOUT_COLUMN_TEXT, GK_LAYOUT_COLUMN_AMOUNT, GK_LAYOUT_COLUMN_TEXT,
    GK_LAYOUT_COLUMN_TEXT, GK_LAYOUT_COLUMN_TEXT, GK_LAYOUT_COLUMN_TEXT, GK_LAYOUT_COLUMN_TEXT,
  };
  static const char * const titles[] = {
    "项目名称", "年度资金总额", "年度目标", "一级指标", "二级指标", "三级指标", "指标值",
  };
  GListModel *projects = gk_document_get_projects (document);

  set_columns (layout, G_N_ELEMENTS (cols), cols);
  layout->n_header_rows = 1;
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    add_header (layout, titles[c], 0, c, 1, 1);

  for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, p);
      GListModel *indicators = gk_project_get_indicators (project);
      guint n = MAX (g_list_model_get_n_items (indicators), 1);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);
          GkLayoutLine *line = add_line (layout, NULL, 0);

          if (i == 0)
            {
              g_autofree char *total = gk_amount_format (gk_project_get_total (project));

              set_cell (line, 0, gk_project_get_name (project));
              set_cell (line, 1, total);
              set_cell (line, 2, gk_project_get_goal (project));
            }
          if (indicator == NULL)
            {
              set_cell (line, 3, "未设定绩效指标");
              continue;
            }
          set_cell (line, 3, gk_indicator_get_level1 (indicator));
          set_cell (line, 4, gk_indicator_get_level2 (indicator));
          set_cell (line, 5, gk_indicator_get_name (indicator));
          set_cell (line, 6, gk_indicator_get_target (indicator));
        }
    }
}

/* A list table (政府采购预算表): its text columns, left-aligned, then its
 * amounts, one line per row in the user's order, and the 合计 line with
 * its title in the first text column. */
static void
layout_list (GkTableLayout *layout,
             GkTable       *table)
{
  const GkTableSchema *schema = layout->schema;
  guint n_texts = gk_table_schema_get_n_texts (schema);
  g_autofree GkLayoutColumnKind *leading = g_new0 (GkLayoutColumnKind, n_texts);
  GListModel *rows = G_LIST_MODEL (table);

  for (guint i = 0; i < n_texts; i++)
    leading[i] = GK_LAYOUT_COLUMN_TEXT;
  set_columns (layout, n_texts, leading);
  layout->n_header_rows = 2;
  for (guint i = 0; i < n_texts; i++)
    add_header (layout, gk_table_schema_get_text (schema, i)->title, 0, i, 2, 1);
  add_amount_headers (layout, n_texts);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      GkLayoutLine *line = add_line (layout, row, n_texts);

      if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
        set_cell (line, 0, gk_row_get_name (row));
      else
        for (guint t = 0; t < n_texts; t++)
          set_cell (line, t, gk_list_row_get_text (row, t));
    }
}

/* The 部门整体绩效目标表: its tasks as a list table, then the goal and the
 * indicators under it in the same columns, as text lines, so that a
 * spreadsheet holds the whole table. */
static void
layout_overall (GkTableLayout *layout,
                GkTable       *table)
{
  static const char * const titles[] = { "一级指标", "二级指标", "三级指标", "指标值" };
  GListModel *indicators = gk_table_get_indicators (table);
  GkLayoutLine *line;

  layout_list (layout, table);
  line = add_line (layout, NULL, 0);
  set_cell (line, 0, "年度绩效目标");
  set_cell (line, 1, gk_table_get_goal (table));
  line->plain = TRUE;
  line = add_line (layout, NULL, 0);
  for (guint c = 0; c < G_N_ELEMENTS (titles) && c < layout->n_columns; c++)
    set_cell (line, c, titles[c]);
  line->plain = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);

      line = add_line (layout, NULL, 0);
      set_cell (line, 0, gk_indicator_get_level1 (indicator));
      set_cell (line, 1, gk_indicator_get_level2 (indicator));
      set_cell (line, 2, gk_indicator_get_name (indicator));
      set_cell (line, 3, gk_indicator_get_target (indicator));
      line->plain = TRUE;
    }
}

static void
add_summary_line (GkTableLayout *layout,
                  GkRow         *left,
                  GkRow         *r,
                  gboolean       total)
{
  guint n_amounts = gk_table_schema_get_n_columns (layout->schema);
  GkLayoutLine *line = g_new0 (GkLayoutLine, 1);

  line->row = left ? g_object_ref (left) : NULL;
  line->right = r ? g_object_ref (r) : NULL;
  line->total = total;
  line->cells = g_new0 (char *, layout->n_columns + 1);
  line->cells[0] = g_strdup (left ? gk_row_get_name (left) : "");
  line->cells[1] = amount_text (layout, left, 0);
  if (r != NULL && gk_row_get_code (r) != NULL)
    line->cells[2] = g_strdup_printf ("%s %s", gk_row_get_code (r), gk_row_get_name (r));
  else
    line->cells[2] = g_strdup (r ? gk_row_get_name (r) : "");
  for (guint c = 0; c < n_amounts; c++)
    line->cells[3 + c] = amount_text (layout, r, c);
  g_ptr_array_add (layout->lines, line);
}

/* 表一 and 表四 print income on the left and expenditure by 类 on the right,
 * line by line, with the two grand totals on the last line. */
static void
layout_summary (GkTableLayout *layout,
                GkTable       *table)
{
  static const GkLayoutColumnKind cols[] = { GK_LAYOUT_COLUMN_TEXT };
  const GkTableSchema *schema = layout->schema;
  gboolean fiscal = schema->kind == GK_TABLE_KIND_FISCAL;
  guint n_amounts = gk_table_schema_get_n_columns (schema);
  GListModel *rows = gk_table_get_roots (table);
  g_autoptr(GPtrArray) income = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) expenditure = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) income_foot = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) expenditure_foot = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean final = gk_template_is_final (schema->template);
  GkRow *income_total = NULL, *expenditure_total = NULL;
  guint right;   /* first column of the expenditure side */

  /* Left: 项目 and its figure; right: 功能分类 and the amount columns. */
  layout->n_columns = 3 + n_amounts;
  layout->kinds = g_new0 (GkLayoutColumnKind, layout->n_columns);
  layout->model_columns = g_new0 (int, layout->n_columns);
  layout->kinds[0] = cols[0];
  layout->model_columns[0] = -1;
  layout->kinds[1] = GK_LAYOUT_COLUMN_AMOUNT;
  layout->model_columns[1] = 0;
  layout->kinds[2] = GK_LAYOUT_COLUMN_TEXT;
  layout->model_columns[2] = -1;
  right = 3;
  for (guint i = 0; i < n_amounts; i++)
    {
      layout->kinds[right + i] = GK_LAYOUT_COLUMN_AMOUNT;
      layout->model_columns[right + i] = i;
    }

  layout->n_header_rows = 2;
  if (final)
    {
      add_header (layout, "收 入", 0, 0, 1, 2);
      add_header (layout, "支 出", 0, 2, 1, 1 + n_amounts);
      add_header (layout, "项 目", 1, 0, 1, 1);
      add_header (layout, "决算数", 1, 1, 1, 1);
      add_header (layout, "项 目", 1, 2, 1, 1);
    }
  else
    {
      add_header (layout, fiscal ? "财政拨款收入" : "收 入", 0, 0, 1, 2);
      add_header (layout, fiscal ? "财政拨款支出" : "支 出", 0, 2, 1, 1 + n_amounts);
      add_header (layout, "项 目", 1, 0, 1, 1);
      add_header (layout, fiscal ? "合计" : "预算数", 1, 1, 1, 1);
      add_header (layout, "功能分类", 1, 2, 1, 1);
    }
  for (guint i = 0; i < n_amounts; i++)
    add_header (layout, gk_table_schema_get_column (schema, i)->title, 1, right + i, 1, 1);

  /* Lines after 本年收入合计 and after 本年支出合计 (决算's 年初结转和结余,
   * 年末结转和结余, 总计) go below the totals, side by side, their last
   * lines (the two 总计) on one line. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      GkRow *row = g_list_model_get_item (rows, i);

      if (gk_row_get_side (row) == GK_ROW_SIDE_INCOME)
        {
          if (g_strcmp0 (gk_row_get_line_id (row), "income-total") == 0)
            income_total = row;
          else
            g_ptr_array_add (income_total != NULL ? income_foot : income, row);
        }
      else if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
        expenditure_total = row;
      else
        g_ptr_array_add (expenditure_total != NULL ? expenditure_foot : expenditure, row);
    }

  for (guint i = 0; i < MAX (income->len, expenditure->len) + 1; i++)
    {
      gboolean last = i == MAX (income->len, expenditure->len);
      GkRow *left = last ? income_total : i < income->len ? income->pdata[i] : NULL;
      GkRow *r = last ? expenditure_total : i < expenditure->len ? expenditure->pdata[i] : NULL;

      add_summary_line (layout, left, r, last);
    }
  for (guint i = 0; i + 1 < MAX (income_foot->len, expenditure_foot->len); i++)
    add_summary_line (layout,
                      i + 1 < income_foot->len ? income_foot->pdata[i] : NULL,
                      i + 1 < expenditure_foot->len ? expenditure_foot->pdata[i] : NULL,
                      FALSE);
  if (income_foot->len > 0 || expenditure_foot->len > 0)
    add_summary_line (layout,
                      income_foot->len > 0 ? income_foot->pdata[income_foot->len - 1] : NULL,
                      expenditure_foot->len > 0 ? expenditure_foot->pdata[expenditure_foot->len - 1] : NULL,
                      TRUE);

  if (income_total != NULL)
    g_object_unref (income_total);
  if (expenditure_total != NULL)
    g_object_unref (expenditure_total);
}

GkTableLayout *
gk_table_layout_new (GkDocument *document,
                     GkTable    *table)
{
  GkTableLayout *layout;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table), NULL);

  layout = g_new0 (GkTableLayout, 1);
  layout->schema = gk_table_get_schema (table);
  layout->header = g_ptr_array_new_with_free_func (header_cell_free);
  layout->lines = g_ptr_array_new_with_free_func (line_free);
  layout->document = document;
  layout->table = table;
  layout->unit = gk_table_get_money_unit (table, document);
  layout->unit_line = gk_table_dup_unit_line (table, document);

  switch (layout->schema->kind)
    {
    case GK_TABLE_KIND_FUNCTION:
      layout_classification (layout, table, FALSE);
      break;
    case GK_TABLE_KIND_ECONOMIC:
      if (layout->schema->paired)
        layout_paired (layout, table);
      else
        layout_classification (layout, table, TRUE);
      break;
    case GK_TABLE_KIND_PROJECTS:
      layout_projects (layout, document, table);
      break;
    case GK_TABLE_KIND_SINGLE:
      layout_single (layout, table);
      break;
    case GK_TABLE_KIND_PROJECT_PERFORMANCE:
      layout_performance (layout, document);
      break;
    case GK_TABLE_KIND_LIST:
      layout_list (layout, table);
      break;
    case GK_TABLE_KIND_OVERALL_PERFORMANCE:
      layout_overall (layout, table);
      break;
    case GK_TABLE_KIND_INCOME_EXPENDITURE:
    case GK_TABLE_KIND_FISCAL:
    default:
      layout_summary (layout, table);
      break;
    }
  return layout;
}
