/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-checker-private.h"
#include "gk-row-private.h"

/* The rules within a table. A document built in Gongkai satisfies them by
 * construction, since every subtotal, row total and 合计 is derived from the
 * entered leaves; they recompute each figure from the rows it is made of and
 * compare it with what the table holds, which differs only in a document
 * whose tables were filled some other way. Each looks at one row at a time,
 * so that an edit rechecks only the rows it changed. */

/* table.subtotal ------------------------------------------------------------ */

static void
report_subtotal (GkCheckRun *run,
                 GkRow      *row,
                 guint       column,
                 GkAmount    sum,
                 gboolean    overflow)
{
  g_autofree char *label = gk_check_row_label (row);
  g_autofree char *stated = gk_check_money (run, gk_row_get_value (row, column));
  g_autofree char *summed = gk_check_money (run, sum);
  const char *title = gk_check_column_title (run->table, column);
  const char *column_id = gk_table_schema_get_column (gk_table_get_schema (run->table), column)->id;
  GListModel *children = gk_row_get_children (row);
  GkFinding *finding;

  if (overflow)
    finding = gk_check_report (run, "table.subtotal",
                               _("%s, %s: the rows under it add up to more than an amount can hold. "
                                 "Check the figures of the rows under it for a misplaced decimal point."),
                               label, title);
  else
    finding = gk_check_report (run, "table.subtotal",
                               _("%s, %s: the table states %s, but the rows under it add up to %s. "
                                 "Correct the figures of the rows under it, or the subtotal to %s."),
                               label, title, stated, summed, summed);
  gk_check_add_cell (finding, row, column_id);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GkRow) child = g_list_model_get_item (children, i);
      gk_check_add_cell (finding, child, column_id);
    }
}

/* A summed line's @j-th part: another line, or the expenditure total
 * (决算's 总计 = 本年支出合计 + 结余分配 + 年末结转和结余). */
static const char *
line_part_id (const GkTableSchema *schema,
              const GkLineSchema  *line,
              guint                j)
{
  if (line->sums[j] == GK_LINE_EXPENDITURE_TOTAL)
    return "expenditure-total";
  return ((GkLineSchema *) g_ptr_array_index (schema->lines, line->sums[j]))->id;
}

/* Summary lines that add up earlier lines (财政拨款 = 一般公共预算 + 政府性基金,
 * 小计, 收入总计). */
static void
check_summary_lines (GkCheckRun *run)
{
  const GkTableSchema *schema = gk_table_get_schema (run->table);

  for (guint i = 0; i < schema->lines->len; i++)
    {
      const GkLineSchema *line = g_ptr_array_index (schema->lines, i);
      GkRow *row = gk_table_lookup_line (run->table, line->id);
      GkAmount sum = 0;
      gboolean ok = TRUE;

      if (row == NULL || line->n_sums == 0)
        continue;
      for (guint j = 0; j < line->n_sums; j++)
        {
          GkRow *part_row = gk_table_lookup_line (run->table, line_part_id (schema, line, j));

          /* 年末结转和结余 = 总计 − 本年支出合计 − 结余分配 */
          if (part_row != NULL)
            ok = ok && (line->subtract & (G_GUINT64_CONSTANT (1) << j)
                          ? gk_amount_sub (sum, gk_row_get_value (part_row, 0), &sum)
                          : gk_amount_add (sum, gk_row_get_value (part_row, 0), &sum));
        }
      if (!ok || sum != gk_row_get_value (row, 0))
        {
          g_autofree char *label = gk_check_row_label (row);
          g_autofree char *stated = gk_check_money (run, gk_row_get_value (row, 0));
          g_autofree char *summed = gk_check_money (run, sum);
          const char *column_id = gk_table_schema_get_column (schema, 0)->id;
          GkFinding *finding;

          finding = gk_check_report (run, "table.subtotal",
                                     _("%s: the table states %s, but the lines it adds up come to %s. "
                                       "Correct it to %s."),
                                     label, stated, summed, summed);
          gk_check_add_cell (finding, row, column_id);
          for (guint j = 0; j < line->n_sums; j++)
            {
              GkRow *part_row = gk_table_lookup_line (run->table, line_part_id (schema, line, j));

              if (part_row != NULL)
                gk_check_add_cell (finding, part_row, column_id);
            }
        }
    }
}

/* A subtotal that added up at the last check still does when it changed
 * by as much as the rows under it that changed: found without summing
 * them all again. */
static gboolean
still_adds_up (GkCheckRun *run,
               GkRow      *row)
{
  GHashTable *dirty = gk_checker_get_dirty_rows (run->checker);
  const GkAmount *before = gk_checker_get_memo (run->checker, row);
  GkAmount deltas[64] = { 0 };
  guint n_columns = gk_row_get_n_columns (row);
  GHashTableIter iter;
  gpointer key;

  if (!run->partial || before == NULL || (run->previous != NULL && run->previous->len > 0))
    return FALSE;

  g_hash_table_iter_init (&iter, dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GkRow *child = key;
      const GkAmount *was;

      if (gk_row_get_parent (child) != row)
        continue;
      was = gk_checker_get_memo (run->checker, child);
      if (was == NULL)
        return FALSE;
      for (guint c = 0; c < n_columns && c < child->n_columns; c++)
        {
          GkAmount delta;

          if (!gk_amount_sub (child->values[c], was[c], &delta) ||
              !gk_amount_add (deltas[c], delta, &deltas[c]))
            return FALSE;
        }
    }
  for (guint c = 0; c < n_columns; c++)
    {
      GkAmount delta;

      if (!gk_amount_sub (row->values[c], before[c], &delta) || delta != deltas[c])
        return FALSE;
    }
  return TRUE;
}

/* A 类 or 款 against the rows under it, every column in one pass over them
 * (a 项 of 表七 can have thousands of projects). */
static void
check_subtotal_row (GkCheckRun *run,
                    GkRow      *row)
{
  GListModel *children = gk_row_get_children (row);
  guint n_children = g_list_model_get_n_items (children);
  guint n_columns = gk_row_get_n_columns (row);
  GkAmount sums[64] = { 0 };
  gboolean overflow[64] = { FALSE };

  if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL || n_children == 0 ||
      gk_table_schema_is_summary (gk_table_get_schema (run->table)))
    return;
  if (still_adds_up (run, row))
    return;

  /* The model's own rows: their figures are read in place, as
   * gk_row_sum_rows() does, since a 项 of 表七 may hold thousands. */
  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(GkRow) child = g_list_model_get_item (children, i);

      for (guint c = 0; c < n_columns && c < child->n_columns; c++)
        if (!gk_amount_add (sums[c], child->values[c], &sums[c]))
          overflow[c] = TRUE;
    }
  for (guint c = 0; c < n_columns; c++)
    if (overflow[c] || sums[c] != gk_row_get_value (row, c))
      report_subtotal (run, row, c, sums[c], overflow[c]);
}

static void
check_summary_subtotals (GkCheckRun *run)
{
  if (gk_table_schema_is_summary (gk_table_get_schema (run->table)))
    check_summary_lines (run);
}

/* table.row-total ----------------------------------------------------------- */

static void
report_row_total (GkCheckRun           *run,
                  GkRow                *row,
                  const GkColumnSchema *whole,
                  GkAmount              sum,
                  const guint          *parts,
                  guint                 n_parts)
{
  const GkTableSchema *schema = gk_table_get_schema (run->table);
  g_autofree char *label = gk_check_row_label (row);
  g_autofree char *stated = gk_check_money (run, gk_row_get_value (row, gk_table_schema_column_index (schema, whole->id)));
  g_autofree char *summed = gk_check_money (run, sum);
  g_autoptr(GString) names = g_string_new (NULL);
  GkFinding *finding;

  for (guint j = 0; j < n_parts; j++)
    {
      if (whole->rule == GK_COLUMN_SUM && (whole->subtract & (G_GUINT64_CONSTANT (1) << j)))
        g_string_append (names, j > 0 ? " − " : "−");
      else if (j > 0)
        g_string_append (names, " + ");
      g_string_append (names, gk_table_schema_get_column (schema, parts[j])->title);
    }
  finding = gk_check_report (run, "table.row-total",
                             _("%s: %s is %s, but %s come to %s. Correct the parts, or the total to %s."),
                             label, whole->title, stated, names->str, summed, summed);
  gk_check_add_cell (finding, row, whole->id);
  for (guint j = 0; j < n_parts; j++)
    gk_check_add_cell (finding, row, gk_table_schema_get_column (schema, parts[j])->id);
}

static void
check_row_total_row (GkCheckRun *run,
                     GkRow      *row)
{
  const GkTableSchema *schema = gk_table_get_schema (run->table);
  guint n_columns = gk_table_schema_get_n_columns (schema);

  /* The income lines of 表一 and 表四 carry one figure only. */
  if (gk_row_get_kind (row) == GK_ROW_KIND_LINE && gk_row_get_side (row) == GK_ROW_SIDE_INCOME)
    return;

  for (guint c = 0; c < n_columns; c++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, c);
      guint parts[64];
      guint n_parts = 0;
      GkAmount sum = 0;
      gboolean ok = TRUE;

      if (col->rule == GK_COLUMN_SUM)
        for (guint j = 0; j < col->n_sources && n_parts < G_N_ELEMENTS (parts); j++)
          parts[n_parts++] = col->sources[j];
      else if (col->rule == GK_COLUMN_ENTERED || col->rule == GK_COLUMN_SOURCE)
        /* A column shared out to others (表六 总计 → 人员 + 公用). */
        for (guint s = 0; s < n_columns; s++)
          {
            const GkColumnSchema *share = gk_table_schema_get_column (schema, s);
            if (share->rule == GK_COLUMN_SHARE_OF && share->sources[0] == c)
              parts[n_parts++] = s;
          }
      if (n_parts == 0)
        continue;

      /* 年末结转和结余 = 年初 + 收入 − 支出: a sum may take a column away. */
      for (guint j = 0; j < n_parts; j++)
        ok = ok && (col->rule == GK_COLUMN_SUM && (col->subtract & (G_GUINT64_CONSTANT (1) << j))
                    ? gk_amount_sub (sum, gk_row_get_value (row, parts[j]), &sum)
                    : gk_amount_add (sum, gk_row_get_value (row, parts[j]), &sum));
      if (!ok || sum != gk_row_get_value (row, c))
        report_row_total (run, row, col, sum, parts, n_parts);
    }
}

/* table.grand-total --------------------------------------------------------- */

static void
check_grand_total (GkCheckRun *run)
{
  const GkTableSchema *schema = gk_table_get_schema (run->table);
  guint n_columns = gk_table_schema_get_n_columns (schema);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GkRow) total = NULL;
  GListModel *roots = gk_table_get_roots (run->table);

  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      GkRow *row = g_list_model_get_item (roots, i);

      /* 支出合计 of a summary adds up its expenditure lines by 类. */
      if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
        g_set_object (&total, row);
      else if (!gk_table_schema_is_summary (schema) ||
               (gk_row_get_side (row) == GK_ROW_SIDE_EXPENDITURE && gk_row_get_code (row) != NULL &&
                gk_row_has_figures (row)))
        {
          g_ptr_array_add (parts, row);
          continue;
        }
      g_object_unref (row);
    }
  if (!gk_table_schema_is_summary (schema) && gk_table_get_total_row (run->table) != NULL)
    g_set_object (&total, gk_table_get_total_row (run->table));
  if (total == NULL)
    return;

  for (guint c = 0; c < n_columns; c++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, c);
      GkAmount sum = 0;
      gboolean ok = TRUE;

      for (guint i = 0; i < parts->len; i++)
        ok = ok && gk_amount_add (sum, gk_row_get_value (parts->pdata[i], c), &sum);
      if (!ok || sum != gk_row_get_value (total, c))
        {
          g_autofree char *label = gk_table_schema_dup_label (schema);
          g_autofree char *stated = gk_check_money (run, gk_row_get_value (total, c));
          g_autofree char *summed = gk_check_money (run, sum);
          GkFinding *finding;

          finding = gk_check_report (run, "table.grand-total",
                                     _("%s %s, %s: the table states %s, but its 类 rows add up to %s. "
                                       "Correct the 类 rows, or the total to %s."),
                                     label, gk_row_get_name (total), col->title, stated, summed, summed);
          gk_check_add_cell (finding, total, col->id);
          for (guint i = 0; i < parts->len; i++)
            gk_check_add_cell (finding, parts->pdata[i], col->id);
        }
    }
}

/* basic.personnel-public ------------------------------------------------------- */

static gboolean
class_listed (char       **classes,
              const char  *code)
{
  if (classes == NULL || code == NULL || strlen (code) < 3)
    return FALSE;
  for (guint i = 0; classes[i] != NULL; i++)
    if (strncmp (classes[i], code, 3) == 0)
      return TRUE;
  return FALSE;
}

static void
check_shares_row (GkCheckRun *run,
                  GkRow      *row)
{
  const GkTableSchema *schema = gk_table_get_schema (run->table);
  guint n_columns = gk_table_schema_get_n_columns (schema);

  if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL || gk_row_get_code (row) == NULL)
    return;

  for (guint c = 0; c < n_columns; c++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, c);
      const GkColumnSchema *source;
      gboolean qualifies;
      GkAmount expected;
      g_autofree char *label = NULL;
      g_autofree char *stated = NULL;
      g_autofree char *wanted = NULL;
      GkFinding *finding;

      if (col->rule != GK_COLUMN_SHARE_OF)
        continue;
      source = gk_table_schema_get_column (schema, col->sources[0]);
      qualifies = class_listed (col->classes, gk_row_get_code (row)) != col->except;
      expected = qualifies ? gk_row_get_value (row, col->sources[0]) : 0;
      if (gk_row_get_value (row, c) == expected)
        continue;

      label = gk_check_row_label (row);
      stated = gk_check_money (run, gk_row_get_value (row, c));
      wanted = gk_check_money (run, expected);
      if (qualifies)
        finding = gk_check_report (run, "basic.personnel-public",
                                   _("%s: %s is %s, but on this row it is the whole %s, %s. "
                                     "Correct it to %s."),
                                   label, col->title, stated, source->title, wanted, wanted);
      else
        finding = gk_check_report (run, "basic.personnel-public",
                                   _("%s: %s is %s, but this economic 类 carries none. "
                                     "Move the figure to the column this 类 belongs to."),
                                   label, col->title, stated);
      gk_check_add_cell (finding, row, col->id);
      gk_check_add_cell (finding, row, source->id);
    }
}

static const GkCheckDef defs[] = {
  { .name = "table.subtotal", .func = check_summary_subtotals, .row_func = check_subtotal_row,
    .per_table = TRUE, .with_parent = TRUE },
  { .name = "table.row-total", .row_func = check_row_total_row, .per_table = TRUE },
  { .name = "table.grand-total", .func = check_grand_total, .per_table = TRUE },
  { .name = "basic.personnel-public", .row_func = check_shares_row, .per_table = TRUE },
};

const GkCheckDef *
gk_check_table_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
