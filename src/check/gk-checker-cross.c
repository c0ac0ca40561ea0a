/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-checker-private.h"

/* The rules across tables: 表一 and 表四 against the tables they summarise,
 * 表二 against 表三, 表五 within 表三 and against 表六, 表三's 项目支出 against
 * 表七, 表八 against 表六, 表九 and 国有资本经营 against 表四. Gongkai derives
 * 表一 and 表四, so those rules fire only on tables filled some other way. */

/* Cross-table rules -------------------------------------------------------- */

static GkTable *
table (GkCheckRun *run,
       const char *id)
{
  return gk_document_get_table (run->document, id);
}

static GkFinding *
report_differ (GkCheckRun *run,
               const char *rule_id,
               const char *what,
               GkAmount    a,
               const char *a_label,
               GkAmount    b,
               const char *b_label)
{
  g_autofree char *fa = gk_check_money (run, a);
  g_autofree char *fb = gk_check_money (run, b);

  return gk_check_report (run, rule_id,
                          _("%s: %s is %s but %s is %s. Make them equal by correcting the figures they come from."),
                          what, a_label, fa, b_label, fb);
}

/* "表三 合计": what a message calls a figure of @t, by the document's own
 * numbering of its tables. */
static char *
table_part (GkTable    *t,
            const char *part)
{
  g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (t));
  return part != NULL ? g_strconcat (label, " ", part, NULL) : g_steal_pointer (&label);
}

static void
check_t1_balance (GkCheckRun *run)
{
  GkTable *t1 = table (run, "income-summary");
  GkRow *income, *expenditure;
  GkFinding *finding;

  if (t1 == NULL)
    return;
  income = gk_table_lookup_line (t1, "income-total");
  expenditure = gk_table_lookup_line (t1, "expenditure-total");
  if (income == NULL || expenditure == NULL ||
      gk_row_get_value (income, 0) == gk_row_get_value (expenditure, 0))
    return;

  {
    g_autofree char *t1_label = table_part (t1, NULL);

    finding = report_differ (run, "cross.summary-balance", t1_label,
                             gk_row_get_value (income, 0), gk_row_get_name (income),
                             gk_row_get_value (expenditure, 0), gk_row_get_name (expenditure));
  }
  gk_check_add_cell (finding, income, gk_table_schema_get_column (gk_table_get_schema (t1), 0)->id);
  gk_check_add_cell (finding, expenditure, gk_table_schema_get_column (gk_table_get_schema (t1), 0)->id);
}

/* "income:general" → 表二 and its column. */
static gboolean
parse_source (GkCheckRun  *run,
              const char  *source,
              GkTable    **from,
              const char **column_id)
{
  const char *colon = source != NULL ? strchr (source, ':') : NULL;
  g_autofree char *id = NULL;

  if (colon == NULL)
    return FALSE;
  id = g_strndup (source, colon - source);
  *from = table (run, id);
  *column_id = colon + 1;
  return *from != NULL && gk_table_column_index (*from, *column_id) >= 0;
}

/* A summary's income lines against the column totals they are taken from. */
static void
check_income_lines (GkCheckRun *run,
                    GkTable    *summary,
                    const char *rule_id)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  const char *summary_column = gk_table_schema_get_column (schema, 0)->id;

  for (guint i = 0; i < schema->lines->len; i++)
    {
      const GkLineSchema *line = g_ptr_array_index (schema->lines, i);
      GkRow *row = gk_table_lookup_line (summary, line->id);
      GkTable *from;
      const char *column_id;
      GkAmount expected;
      g_autofree char *a_label = NULL;
      g_autofree char *b_label = NULL;
      g_autofree char *from_label = NULL;
      GkFinding *finding;

      if (row == NULL || !parse_source (run, line->source, &from, &column_id))
        continue;
      expected = gk_check_column_total (from, column_id);
      if (gk_row_get_value (row, 0) == expected)
        continue;

      a_label = gk_table_schema_dup_label (schema);
      from_label = gk_table_schema_dup_label (gk_table_get_schema (from));
      b_label = g_strdup_printf ("%s %s 合计", from_label,
                                 gk_table_schema_get_column (gk_table_get_schema (from),
                                                             gk_table_column_index (from, column_id))->title);
      finding = report_differ (run, rule_id, a_label, gk_row_get_value (row, 0), line->title,
                               expected, b_label);
      gk_check_add_cell (finding, row, summary_column);
      if (gk_table_get_total_row (from) != NULL)
        gk_check_add_cell (finding, gk_table_get_total_row (from), column_id);
    }
}

static void
check_t1_income (GkCheckRun *run)
{
  GkTable *t1 = table (run, "income-summary");

  if (t1 != NULL)
    check_income_lines (run, t1, "cross.summary-income");
}

/* A summary's expenditure column against the table it reads, by 类. */
static void
check_expenditure_column (GkCheckRun *run,
                          GkTable    *summary,
                          guint       column,
                          const char *rule_id)
{
  const GkTableSchema *schema = gk_table_get_schema (summary);
  const GkColumnSchema *col = gk_table_schema_get_column (schema, column);
  GListModel *rows = G_LIST_MODEL (summary);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *label = gk_table_schema_dup_label (schema);
  g_autofree char *from_label = NULL;
  GListModel *roots;
  GkTable *from;
  const char *from_column;

  if (col->rule != GK_COLUMN_SOURCE || !parse_source (run, col->source, &from, &from_column))
    return;
  from_label = gk_table_schema_dup_label (gk_table_get_schema (from));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      GkRow *source_row;
      GkAmount expected;
      const char *code = gk_row_get_code (row);
      g_autofree char *a_label = NULL;
      g_autofree char *b_label = NULL;
      GkFinding *finding;

      /* Lines below the expenditure total (决算's 年末结转和结余) are
       * entered or summed, not taken from the table. */
      if (gk_row_get_side (row) != GK_ROW_SIDE_EXPENDITURE ||
          (code == NULL && gk_row_get_kind (row) != GK_ROW_KIND_TOTAL))
        continue;
      if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
        source_row = gk_table_get_total_row (from);
      else
        {
          source_row = gk_table_lookup (from, code);
          if (code != NULL)
            g_hash_table_add (seen, (gpointer) code);
        }
      expected = source_row != NULL ? gk_check_cell (from, source_row, from_column) : 0;
      if (gk_row_get_value (row, column) == expected)
        continue;

      a_label = code != NULL ? g_strdup_printf ("%s %s（%s）", code, gk_row_get_name (row), col->title)
                             : g_strdup_printf ("%s（%s）", gk_row_get_name (row), col->title);
      b_label = g_strdup_printf ("%s %s", from_label, code ? code : gk_check_column_title (from, gk_table_column_index (from, from_column)));
      finding = report_differ (run, rule_id, label, gk_row_get_value (row, column), a_label,
                               expected, b_label);
      gk_check_add_cell (finding, row, col->id);
      if (source_row != NULL)
        gk_check_add_cell (finding, source_row, from_column);
    }

  /* A 类 of the source that the summary does not list at all. */
  roots = gk_table_get_roots (from);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) root = g_list_model_get_item (roots, i);
      const char *code = gk_row_get_code (root);
      GkAmount amount = gk_check_cell (from, root, from_column);
      g_autofree char *figure = NULL;
      GkFinding *finding;

      if (code == NULL || g_hash_table_contains (seen, code) || amount == 0)
        continue;
      figure = gk_check_money (run, amount);
      finding = gk_check_report (run, rule_id,
                                 _("%s lists no 类 %s, which has %s in %s. Add the 类 to %s."),
                                 label, code, figure, from_label, label);
      gk_check_add_cell (finding, root, from_column);
    }
}

static void
check_t1_expenditure (GkCheckRun *run)
{
  GkTable *t1 = table (run, "income-summary");

  if (t1 != NULL)
    check_expenditure_column (run, t1, 0, "cross.summary-expenditure");
}

static void
check_t4 (GkCheckRun *run)
{
  GkTable *t4 = table (run, "fiscal-summary");
  GkTable *t1 = table (run, "income-summary");
  const GkTableSchema *schema;
  GkRow *income, *expenditure;

  if (t4 == NULL)
    return;
  schema = gk_table_get_schema (t4);

  check_income_lines (run, t4, "cross.fiscal-summary");

  /* Its income is 表一's 财政拨款 part. */
  for (guint i = 0; t1 != NULL && i < schema->lines->len; i++)
    {
      const GkLineSchema *line = g_ptr_array_index (schema->lines, i);
      GkRow *row = gk_table_lookup_line (t4, line->id);
      GkRow *other = gk_table_lookup_line (t1, line->id);
      GkFinding *finding;

      if (row == NULL || other == NULL || g_str_equal (line->id, "income-total") ||
          gk_row_get_value (row, 0) == gk_row_get_value (other, 0))
        continue;
      {
        g_autofree char *other_label = table_part (t1, line->title);
        g_autofree char *t4_label = table_part (t4, NULL);

        finding = report_differ (run, "cross.fiscal-summary", t4_label,
                                 gk_row_get_value (row, 0), line->title,
                                 gk_row_get_value (other, 0), other_label);
      }
      gk_check_add_cell (finding, row, gk_table_schema_get_column (schema, 0)->id);
      gk_check_add_cell (finding, other, gk_table_schema_get_column (gk_table_get_schema (t1), 0)->id);
    }

  for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
    check_expenditure_column (run, t4, c, "cross.fiscal-summary");

  income = gk_table_lookup_line (t4, "income-total");
  expenditure = gk_table_lookup_line (t4, "expenditure-total");
  if (income != NULL && expenditure != NULL &&
      gk_row_get_value (income, 0) != gk_check_cell (t4, expenditure, "total"))
    {
      GkFinding *finding;
      g_autofree char *t4_label = table_part (t4, NULL);

      finding = report_differ (run, "cross.fiscal-summary", t4_label,
                               gk_row_get_value (income, 0), gk_row_get_name (income),
                               gk_check_cell (t4, expenditure, "total"), gk_row_get_name (expenditure));
      gk_check_add_cell (finding, income, gk_table_schema_get_column (schema, 0)->id);
      gk_check_add_cell (finding, expenditure, "total");
    }
}

/* The codes of a table's rows that have no rows under them. */
static void
collect_leaves (GkTable    *t,
                GHashTable *codes)
{
  GListModel *rows = G_LIST_MODEL (t);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      GkRowKind kind = gk_row_get_kind (row);

      if ((kind == GK_ROW_KIND_CLASS || kind == GK_ROW_KIND_SECTION || kind == GK_ROW_KIND_ITEM) &&
          gk_row_is_leaf (row))
        g_hash_table_add (codes, (gpointer) gk_row_get_code (row));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* g_hash_table_get_keys_as_ptr_array() is GLib 2.76. */
static GPtrArray *
sorted_keys (GHashTable *set)
{
  GPtrArray *list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (list, key);
  g_ptr_array_sort (list, compare_strings);
  return list;
}

static void
check_t2_t3 (GkCheckRun *run)
{
  GkTable *t2 = table (run, "income");
  GkTable *t3 = table (run, "expenditure");
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) list = NULL;

  if (t2 == NULL || t3 == NULL)
    return;
  collect_leaves (t2, codes);
  collect_leaves (t3, codes);
  list = sorted_keys (codes);

  for (guint i = 0; i < list->len; i++)
    {
      const char *code = list->pdata[i];
      GkRow *r2 = gk_table_lookup (t2, code);
      GkRow *r3 = gk_table_lookup (t3, code);
      GkAmount a = gk_check_cell (t2, r2, "total");
      GkAmount b = gk_check_cell (t3, r3, "total");
      g_autofree char *what = NULL;
      GkFinding *finding;

      if (a == b)
        continue;
      what = g_strdup_printf ("%s %s", code,
                              gk_document_get_code_name (run->document, GK_CLASSIFICATION_FUNCTION, code));
      {
        g_autofree char *a_label = table_part (t2, gk_check_column_title (t2, gk_table_column_index (t2, "total")));
        g_autofree char *b_label = table_part (t3, gk_check_column_title (t3, gk_table_column_index (t3, "total")));

        finding = report_differ (run, "cross.income-expenditure", what, a, a_label, b, b_label);
      }
      if (r2 != NULL)
        gk_check_add_cell (finding, r2, "total");
      if (r3 != NULL)
        gk_check_add_cell (finding, r3, "total");
    }
}

static void
check_t5_t3 (GkCheckRun *run)
{
  static const char * const columns[] = { "total", "basic", "project" };
  GkTable *t5 = table (run, "general-expenditure");
  GkTable *t3 = table (run, "expenditure");
  GListModel *rows;

  if (t5 == NULL || t3 == NULL)
    return;
  rows = G_LIST_MODEL (t5);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      const char *code = gk_row_get_code (row);
      GkRow *other;

      /* A following row is 表三's row: nothing to report on it. */
      if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL || !gk_row_is_leaf (row) || code == NULL ||
          gk_document_row_follows (run->document, row))
        continue;
      other = gk_table_lookup (t3, code);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          GkAmount a = gk_check_cell (t5, row, columns[c]);
          GkAmount b = gk_check_cell (t3, other, columns[c]);
          int index = gk_table_column_index (t5, columns[c]);
          g_autofree char *label = NULL;
          g_autofree char *fa = NULL;
          g_autofree char *fb = NULL;
          GkFinding *finding;

          if (index < 0 || a <= b)
            continue;
          label = gk_check_row_label (row);
          fa = gk_check_money (run, a);
          fb = gk_check_money (run, b);
          g_autofree char *t3_label = gk_table_schema_dup_label (gk_table_get_schema (t3));
          g_autofree char *t5_label = gk_table_schema_dup_label (gk_table_get_schema (t5));

          finding = gk_check_report (run, "cross.general-expenditure",
                                     _("%s, %s: 一般公共预算 spends %s, more than the %s all sources spend in %s. "
                                       "Correct %s, or add the expenditure to %s."),
                                     label, gk_check_column_title (t5, index), fa, fb, t3_label, t5_label, t3_label);
          gk_check_add_cell (finding, row, columns[c]);
          if (other != NULL)
            gk_check_add_cell (finding, other, columns[c]);
        }
    }
}

static void
check_t5_t6 (GkCheckRun *run)
{
  GkTable *t5 = table (run, "general-expenditure");
  GkTable *t6 = table (run, "basic-expenditure");
  GkAmount a, b;
  GkFinding *finding;

  if (t5 == NULL || t6 == NULL)
    return;
  a = gk_check_column_total (t5, "basic");
  b = gk_check_column_total (t6, "total");
  if (a == b)
    return;
  {
    g_autofree char *a_label = table_part (t5, "基本支出合计");
    g_autofree char *b_label = table_part (t6, gk_check_column_title (t6, gk_table_column_index (t6, "total")));

    finding = report_differ (run, "cross.general-basic", "一般公共预算基本支出", a, a_label, b, b_label);
  }
  if (gk_table_get_total_row (t5) != NULL)
    gk_check_add_cell (finding, gk_table_get_total_row (t5), "basic");
  if (gk_table_get_total_row (t6) != NULL)
    gk_check_add_cell (finding, gk_table_get_total_row (t6), "total");
}

/* The 项 that hold projects; a project outside any 项 is a finding. */
static void
collect_project_groups (GkCheckRun *run,
                        GkTable    *t7,
                        GListModel *rows,
                        GHashTable *codes)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);

      if (gk_row_get_kind (row) == GK_ROW_KIND_PROJECT)
        {
          GkProject *project = gk_row_get_project (row);
          g_autofree char *figure = NULL;
          GkFinding *finding;

          if (gk_row_get_parent (row) != NULL)
            {
              g_hash_table_add (codes, (gpointer) gk_row_get_code (gk_row_get_parent (row)));
              return;   /* its siblings are projects of the same 项 */
            }
          figure = gk_check_money (run, gk_check_cell (t7, row, "total"));
          GkTable *t3 = table (run, "expenditure");
          g_autofree char *t3_label = t3 != NULL ? gk_table_schema_dup_label (gk_table_get_schema (t3))
                                                 : g_strdup ("支出总表");
          g_autofree char *t7_label = gk_table_schema_dup_label (gk_table_get_schema (t7));

          finding = gk_check_report (run, "cross.expenditure-projects",
                                     _("%s project “%s” (%s) has no function 项, so %s cannot account for it. "
                                       "Give the project its function 项."),
                                     t7_label, gk_row_get_name (row), figure, t3_label);
          gk_check_add_cell (finding, row, "total");
          if (project != NULL)
            gk_finding_add_place (finding, "projects", gk_project_get_id (project), "function");
          continue;
        }
      collect_project_groups (run, t7, gk_row_get_children (row), codes);
    }
}

static void
check_t3_t7 (GkCheckRun *run)
{
  GkTable *t3 = table (run, "expenditure");
  GkTable *t7 = table (run, "project-expenditure");
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) list = NULL;
  GListModel *rows;
  GkAmount a, b;

  if (t3 == NULL || t7 == NULL)
    return;

  /* Every function 项 with 项目支出 in 表三 or projects in 表七; 表七 is
   * walked by its groups, not its (many) projects. */
  rows = G_LIST_MODEL (t3);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);

      if (gk_row_get_code (row) != NULL && gk_row_is_leaf (row) &&
          gk_row_get_kind (row) != GK_ROW_KIND_TOTAL && gk_check_cell (t3, row, "project") != 0)
        g_hash_table_add (codes, (gpointer) gk_row_get_code (row));
    }
  collect_project_groups (run, t7, gk_table_get_roots (t7), codes);

  list = sorted_keys (codes);
  for (guint i = 0; i < list->len; i++)
    {
      const char *code = list->pdata[i];
      GkRow *r3 = gk_table_lookup (t3, code);
      GkRow *r7 = gk_table_lookup (t7, code);
      g_autofree char *what = NULL;
      GkFinding *finding;

      a = gk_check_cell (t3, r3, "project");
      b = gk_check_cell (t7, r7, "total");
      if (a == b)
        continue;
      what = g_strdup_printf ("%s %s", code,
                              gk_document_get_code_name (run->document, GK_CLASSIFICATION_FUNCTION, code));
      {
        g_autofree char *a_label = table_part (t3, "项目支出");
        g_autofree char *b_label = table_part (t7, "项目支出合计");

        finding = report_differ (run, "cross.expenditure-projects", what, a, a_label, b, b_label);
      }
      if (r3 != NULL)
        gk_check_add_cell (finding, r3, "project");
      if (r7 != NULL)
        gk_check_add_cell (finding, r7, "total");
    }

  a = gk_check_column_total (t3, "project");
  b = gk_check_column_total (t7, "total");
  if (a != b)
    {
      g_autofree char *a_label = table_part (t3, "项目支出合计");
      g_autofree char *b_label = table_part (t7, "项目支出合计");
      GkFinding *finding = report_differ (run, "cross.expenditure-projects", "项目支出", a, a_label,
                                          b, b_label);
      if (gk_table_get_total_row (t3) != NULL)
        gk_check_add_cell (finding, gk_table_get_total_row (t3), "project");
      if (gk_table_get_total_row (t7) != NULL)
        gk_check_add_cell (finding, gk_table_get_total_row (t7), "total");
    }
}

static void
check_t8_t6 (GkCheckRun *run)
{
  static const struct { const char *column; const char *code; } pairs[] = {
    { "abroad", "30212" },
    { "reception", "30217" },
    { "vehicle-operation", "30231" },
    { "vehicle-purchase", "31013" },
  };
  GkTable *t8 = table (run, "sangong");
  GkTable *t6 = table (run, "basic-expenditure");
  GkRow *single;

  if (t8 == NULL || t6 == NULL || (single = gk_table_get_single_row (t8)) == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      GkRow *row = gk_table_lookup (t6, pairs[i].code);
      GkAmount item = gk_check_cell (t8, single, pairs[i].column);
      GkAmount basic = gk_check_cell (t6, row, "total");
      int index = gk_table_column_index (t8, pairs[i].column);
      g_autofree char *fa = NULL;
      g_autofree char *fb = NULL;
      GkFinding *finding;

      if (row == NULL || index < 0 || item >= basic)
        continue;
      fa = gk_check_money (run, item);
      fb = gk_check_money (run, basic);
      g_autofree char *t6_label = gk_table_schema_dup_label (gk_table_get_schema (t6));
      g_autofree char *t8_label = gk_table_schema_dup_label (gk_table_get_schema (t8));

      finding = gk_check_report (run, "cross.sangong-basic",
                                 _("%s %s is %s, less than the %s of %s %s %s alone. "
                                   "%s covers basic and project expenditure: correct one of them."),
                                 t8_label, gk_check_column_title (t8, index), fa, fb, t6_label,
                                 pairs[i].code, gk_row_get_name (row), t8_label);
      gk_check_add_cell (finding, single, pairs[i].column);
      gk_check_add_cell (finding, row, "total");
    }
}

/* Each expenditure table 表四 summarises (政府性基金 in 表九, 国有资本经营
 * where the template has it, …): its 合计 is 表四's column. */
static void
check_sources_t4 (GkCheckRun *run)
{
  GkTable *t4 = table (run, "fiscal-summary");
  const GkTableSchema *schema;
  g_autofree char *t4_label = NULL;
  GkRow *line;

  if (t4 == NULL || (line = gk_table_lookup_line (t4, "expenditure-total")) == NULL)
    return;
  schema = gk_table_get_schema (t4);
  t4_label = gk_table_schema_dup_label (schema);
  for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, c);
      GkTable *from;
      const char *from_column;
      g_autofree char *from_label = NULL;
      g_autofree char *what = NULL;
      g_autofree char *a_label = NULL;
      g_autofree char *b_label = NULL;
      GkFinding *finding;
      GkAmount a, b;

      if (col->rule != GK_COLUMN_SOURCE || !parse_source (run, col->source, &from, &from_column) ||
          g_str_equal (gk_table_get_id (from), "general-expenditure"))
        continue;
      a = gk_check_column_total (from, from_column);
      b = gk_check_cell (t4, line, col->id);
      if (a == b)
        continue;
      from_label = gk_table_schema_dup_label (gk_table_get_schema (from));
      what = g_strconcat (col->title, "支出", NULL);
      a_label = g_strconcat (from_label, " 合计", NULL);
      b_label = g_strconcat (t4_label, " ", col->title, NULL);
      finding = report_differ (run, "cross.fund-fiscal", what, a, a_label, b, b_label);
      if (gk_table_get_total_row (from) != NULL)
        gk_check_add_cell (finding, gk_table_get_total_row (from), from_column);
      gk_check_add_cell (finding, line, col->id);
    }
}

static const GkCheckDef defs[] = {
  { .name = "cross.summary-balance", .func = check_t1_balance, .tables = "income-summary" },
  { .name = "cross.summary-income", .func = check_t1_income, .tables = "income-summary income" },
  { .name = "cross.summary-expenditure", .func = check_t1_expenditure, .tables = "income-summary expenditure" },
  { .name = "cross.income-expenditure", .func = check_t2_t3, .tables = "income expenditure" },
  /* 表四 reads whatever its sources name: 表五, 表九, 国有资本经营 … */
  { .name = "cross.fiscal-summary", .func = check_t4, .tables = "fiscal-summary", .reads = GK_CHECK_READS_TABLES },
  { .name = "cross.general-expenditure", .func = check_t5_t3, .tables = "expenditure general-expenditure" },
  { .name = "cross.general-basic", .func = check_t5_t6, .tables = "general-expenditure basic-expenditure" },
  { .name = "cross.expenditure-projects", .func = check_t3_t7, .tables = "expenditure project-expenditure" },
  { .name = "cross.sangong-basic", .func = check_t8_t6, .tables = "basic-expenditure sangong" },
  { .name = "cross.fund-fiscal", .func = check_sources_t4, .tables = "fiscal-summary", .reads = GK_CHECK_READS_TABLES },
};

const GkCheckDef *
gk_check_cross_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
