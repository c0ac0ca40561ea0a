/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-chart-data.h"
#include "gk-chart-ranking-private.h"
#include "gk-table-unit.h"

/* Titles, item names and the 其他 of each chart are the document's own
 * wording, as in the tables they come from. */

/* More segments than this and a donut stops being readable. */
#define MAX_SEGMENTS 8
/* Bars of a ranked chart before the rest becomes 其他. */
#define MAX_BARS 10

static const char * const chart_ids[] = {
  GK_CHART_FUNCTION_CLASSES,
  GK_CHART_BASIC_PROJECT,
  GK_CHART_PERSONNEL_PUBLIC,
  GK_CHART_BASIC_ECONOMIC,
  GK_CHART_PROJECTS,
  GK_CHART_SANGONG,
  GK_CHART_INCOME_SOURCES,
  GK_CHART_CHANGE_TOTALS,
  GK_CHART_CHANGE_FUNCTION_CLASSES,
  NULL
};

typedef struct
{
  const char *label;
  const char *code;
  GkAmount    value;
  int         category;
  guint       order;
  gboolean    kept;
} Entry;

static GkAmount
column_value (GkRow      *row,
              GkTable    *table,
              const char *column_id)
{
  int column = gk_table_column_index (table, column_id);
  GkAmount value = 0;

  if (row == NULL || column < 0 || !gk_row_get_amount (row, column, &value))
    return 0;
  return value;
}

static gboolean
column_is_set (GkRow      *row,
               GkTable    *table,
               const char *column_id)
{
  int column = gk_table_column_index (table, column_id);

  return row != NULL && column >= 0 && gk_row_get_amount (row, column, NULL);
}

static GkAmount
column_total (GkTable    *table,
              const char *column_id)
{
  int column = gk_table_column_index (table, column_id);
  GkAmount value = 0;

  if (column < 0 || !gk_table_get_column_total (table, column, &value))
    return 0;
  return value;
}

static const char *
column_title (GkTable    *table,
              const char *column_id)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  int column = gk_table_schema_column_index (schema, column_id);

  g_assert (column >= 0);
  return gk_table_schema_get_column (schema, column)->title;
}

static const char *
basis_label (const char *basis)
{
  if (g_strcmp0 (basis, GK_PRIOR_BASIS_BUDGET) == 0)
    return "上年预算数";
  if (g_strcmp0 (basis, GK_PRIOR_BASIS_ACTUAL) == 0)
    return "上年执行数";
  return "上年数";
}

static char *
this_year_label (GkDocument *document)
{
  guint year = gk_document_get_year (document);

  if (year == 0)
    return g_strdup ("本年预算数");
  return g_strdup_printf ("%u年预算数", year);
}

static GkChart *
new_chart (GkDocument  *document,
           GkChartKind  kind,
           const char  *id,
           const char  *title)
{
  return gk_chart_new (kind, id, title, gk_document_get_money_unit (document));
}

/* A chart of one table speaks that table's unit (a 万元 三公 table of a 元
 * document charts 万元); charts across tables keep the document's. */
static GkChart *
new_table_chart (GkDocument  *document,
                 GkTable     *table,
                 GkChartKind  kind,
                 const char  *id,
                 const char  *title)
{
  return gk_chart_new (kind, id, title, gk_table_get_money_unit (table, document));
}

/* @value, kept in the document's unit, in @table's: rounded as the table
 * prints it, and at the largest amount when it does not fit, which only a
 * figure beyond any budget reaches. */
static GkAmount
shown (GkDocument *document,
       GkTable    *table,
       GkAmount    value)
{
  GkAmount converted;

  if (table == NULL)
    return value;
  if (!gk_table_amount_to_shown (table, document, value, &converted, NULL))
    return value < 0 ? GK_AMOUNT_MIN : GK_AMOUNT_MAX;
  return converted;
}

static gint
compare_entries_by_value (gconstpointer a,
                          gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gint
compare_entries_by_order (gconstpointer a,
                          gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  return x->order < y->order ? -1 : (x->order > y->order);
}

/* Adds @entries to @chart, the largest @keep of them when there are more,
 * then one 其他（n 个 @rest_noun）item for the rest so that the chart still adds up to the
 * whole. @ranked: largest first; otherwise in their own order. */
static void
add_entries (GkChart    *chart,
             GArray     *entries,
             guint       keep,
             gboolean    ranked,
             const char *rest_noun)
{
  GkAmount rest = 0;
  guint n_rest = 0;

  g_array_sort (entries, compare_entries_by_value);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = &g_array_index (entries, Entry, i);

      /* One 其他 standing for a single item would hide it for nothing. */
      e->kept = i < keep || entries->len == keep + 1;
      if (!e->kept)
        {
          if (!gk_amount_add (rest, e->value, &rest))
            rest = GK_AMOUNT_MAX;
          n_rest++;
        }
    }
  if (!ranked)
    g_array_sort (entries, compare_entries_by_order);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      guint index;

      if (!e->kept)
        continue;
      index = gk_chart_add_item (chart, e->label, e->code, e->value);
      if (e->category >= 0)
        gk_chart_set_item_category (chart, index, e->category);
    }

  if (n_rest > 0)
    {
      g_autofree char *label = g_strdup_printf ("其他（%u 个%s）", n_rest, rest_noun);
      guint index = gk_chart_add_item (chart, label, NULL, rest);
      gk_chart_set_item_rest (chart, index);
    }
}

/* The 类 totals of a function table (表三, 表五, 表九). */
static GkChart *
function_classes (GkDocument *document,
                  const char *table_id,
                  const char *id,
                  const char *title)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GkChart *chart = new_table_chart (document, table, GK_CHART_KIND_DONUT, id, title);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  GListModel *roots;

  if (table == NULL)
    {
      g_object_unref (chart);
      return NULL;
    }
  roots = gk_table_get_roots (table);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
      Entry e = { 0, };

      if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
        continue;
      e.value = shown (document, table, column_value (row, table, "total"));
      if (e.value <= 0)
        continue;
      e.label = gk_row_get_name (row);
      e.code = gk_row_get_code (row);
      if (e.label == NULL || e.label[0] == '\0')
        e.label = e.code != NULL ? e.code : "";
      e.category = -1;
      e.order = i;
      g_array_append_val (entries, e);
    }
  add_entries (chart, entries, MAX_SEGMENTS - 1, FALSE, "科目");
  return chart;
}

/* A whole split in two: the 合计 row's two columns. */
static GkChart *
composition (GkDocument *document,
             const char *table_id,
             const char *first,
             const char *second,
             const char *id,
             const char *title)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GkChart *chart = new_table_chart (document, table, GK_CHART_KIND_STACKED, id, title);
  GkRow *total;

  if (table == NULL)
    {
      g_object_unref (chart);
      return NULL;
    }
  total = gk_table_get_total_row (table);
  if (!column_is_set (total, table, first) && !column_is_set (total, table, second))
    return chart;
  gk_chart_add_item (chart, column_title (table, first), NULL,
                     shown (document, table, column_value (total, table, first)));
  gk_chart_add_item (chart, column_title (table, second), NULL,
                     shown (document, table, column_value (total, table, second)));
  return chart;
}

/* 表六 by 款, coloured by 类 so that the legend shows what is 工资福利,
 * 商品和服务 or 对个人和家庭的补助. */
static GkChart *
basic_economic (GkDocument *document)
{
  GkTable *table = gk_document_get_table (document, "basic-expenditure");
  GkChart *chart = new_table_chart (document, table, GK_CHART_KIND_BARS, GK_CHART_BASIC_ECONOMIC,
                              "一般公共预算基本支出按经济分类（款）");
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  if (table == NULL)
    {
      g_object_unref (chart);
      return NULL;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (table));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), i);
      GkRowKind kind = gk_row_get_kind (row);
      const char *code = gk_row_get_code (row);
      g_autofree char *class_code = NULL;
      gpointer category;
      Entry e = { 0, };

      if (kind != GK_ROW_KIND_SECTION && !(kind == GK_ROW_KIND_CLASS && gk_row_is_leaf (row)))
        continue;
      e.value = shown (document, table, column_value (row, table, "total"));
      if (e.value <= 0 || code == NULL)
        continue;

      class_code = kind == GK_ROW_KIND_CLASS ? g_strdup (code)
                 : gk_classification_parent (GK_CLASSIFICATION_ECONOMIC, code);
      if (class_code == NULL)
        class_code = g_strdup (code);
      if (!g_hash_table_lookup_extended (categories, class_code, NULL, &category))
        {
          const char *name = gk_document_get_code_name (document, GK_CLASSIFICATION_ECONOMIC, class_code);

          category = GUINT_TO_POINTER (gk_chart_add_category (chart, name != NULL ? name : class_code));
          g_hash_table_insert (categories, g_strdup (class_code), category);
        }

      e.label = gk_row_get_name (row);
      if (e.label == NULL || e.label[0] == '\0')
        e.label = code;
      e.code = code;
      e.category = GPOINTER_TO_INT (category);
      e.order = i;
      g_array_append_val (entries, e);
    }
  add_entries (chart, entries, MAX_BARS, TRUE, "科目");
  return chart;
}

/* The largest projects by name, then one 其他 for the rest, as
 * add_entries() would chart them; ranked by difference (see
 * gk-chart-ranking.c) rather than by sorting every project anew. */
static GkChart *
projects (GkDocument *document)
{
  GkTable *table = gk_document_get_projects_table (document);
  GkChartRanking *ranking;
  GkProject *first[MAX_BARS + 1];
  GkAmount values[MAX_BARS + 1];
  GkAmount rest = 0;
  GkChart *chart;
  guint n_ranked, keep;

  if (table == NULL)
    return NULL;
  chart = new_table_chart (document, table, GK_CHART_KIND_BARS, GK_CHART_PROJECTS, "项目支出（按项目金额）");
  ranking = gk_chart_ranking_get (document, MAX_BARS + 1);
  n_ranked = gk_chart_ranking_get_n_ranked (ranking);
  /* One 其他 standing for a single project would hide it for nothing. */
  keep = n_ranked <= MAX_BARS + 1 ? n_ranked : MAX_BARS;
  gk_chart_ranking_get_first (ranking, keep, first, values, &rest);
  for (guint i = 0; i < keep; i++)
    {
      const char *name = gk_project_get_name (first[i]);

      gk_chart_add_item (chart, name != NULL && name[0] != '\0' ? name : "（未命名项目）", NULL, values[i]);
    }
  if (n_ranked > keep)
    {
      g_autofree char *label = g_strdup_printf ("其他（%u 个%s）", n_ranked - keep, "项目");
      guint index = gk_chart_add_item (chart, label, NULL, rest);
      gk_chart_set_item_rest (chart, index);
    }
  return chart;
}

static const char * const sangong_columns[] = {
  "abroad", "vehicle-purchase", "vehicle-operation", "reception",
};

/* Last year's label for a set of priors: theirs when they agree. */
static const char *
common_basis (GPtrArray *priors)
{
  const char *basis = NULL;

  for (guint i = 0; i < priors->len; i++)
    {
      const char *b = gk_prior_get_basis (priors->pdata[i]);

      if (i > 0 && g_strcmp0 (b, basis) != 0)
        return "上年数";
      basis = b;
    }
  return basis_label (basis);
}

/* 表八's four items; beside last year's when 情况说明 has those figures. */
static GkChart *
sangong (GkDocument *document)
{
  GkTable *table = gk_document_get_table (document, "sangong");
  GkExplanation *explanation = gk_document_get_explanation (document);
  g_autoptr(GPtrArray) priors = g_ptr_array_new ();
  GkChart *chart;
  GkRow *row;
  gboolean any_set = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sangong_columns); i++)
    {
      g_autofree char *key = g_strconcat ("sangong.", sangong_columns[i], NULL);
      GkPrior *prior = gk_explanation_lookup_prior (explanation, key);

      if (prior != NULL)
        g_ptr_array_add (priors, prior);
    }

  chart = new_table_chart (document, table, priors->len > 0 ? GK_CHART_KIND_GROUPED : GK_CHART_KIND_BARS,
                           GK_CHART_SANGONG, "一般公共预算“三公”经费");
  if (priors->len > 0)
    {
      g_autofree char *this_year = this_year_label (document);
      gk_chart_set_series_labels (chart, this_year, common_basis (priors));
    }
  if (table == NULL)
    {
      g_object_unref (chart);
      return NULL;
    }

  row = gk_table_get_single_row (table);
  for (guint i = 0; i < G_N_ELEMENTS (sangong_columns); i++)
    any_set |= column_is_set (row, table, sangong_columns[i]);
  if (!any_set)
    return chart;

  for (guint i = 0; i < G_N_ELEMENTS (sangong_columns); i++)
    {
      g_autofree char *key = g_strconcat ("sangong.", sangong_columns[i], NULL);
      GkPrior *prior = gk_explanation_lookup_prior (explanation, key);
      guint index = gk_chart_add_item (chart, column_title (table, sangong_columns[i]), NULL,
                                       shown (document, table, column_value (row, table, sangong_columns[i])));

      if (prior != NULL)
        gk_chart_set_item_prior (chart, index, shown (document, table, gk_prior_get_amount (prior)),
                                 basis_label (gk_prior_get_basis (prior)));
    }
  return chart;
}

/* 表二's column totals: where the money comes from. */
static GkChart *
income_sources (GkDocument *document)
{
  GkTable *table = gk_document_get_table (document, "income");
  GkChart *chart = new_table_chart (document, table, GK_CHART_KIND_DONUT, GK_CHART_INCOME_SOURCES, "部门收入来源");
  const GkTableSchema *schema;

  if (table == NULL)
    {
      g_object_unref (chart);
      return NULL;
    }
  schema = gk_table_get_schema (table);
  for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
    {
      const GkColumnSchema *column = gk_table_schema_get_column (schema, i);
      GkAmount value = 0;

      if (column->rule != GK_COLUMN_ENTERED)
        continue;
      if (gk_table_get_column_total (table, i, &value) && shown (document, table, value) > 0)
        gk_chart_add_item (chart, column->title, NULL, shown (document, table, value));
    }
  return chart;
}

/* Adds a this-year/last-year pair when last year's figure exists and the
 * pair is not 0 against 0. */
static void
add_change (GkChart    *chart,
            GPtrArray  *used,
            GkDocument *document,
            const char *key,
            const char *label,
            GkAmount    value)
{
  GkPrior *prior = gk_explanation_lookup_prior (gk_document_get_explanation (document), key);
  guint index;

  if (prior == NULL || (value == 0 && gk_prior_get_amount (prior) == 0))
    return;
  index = gk_chart_add_item (chart, label, NULL, value);
  gk_chart_set_item_prior (chart, index, gk_prior_get_amount (prior),
                           basis_label (gk_prior_get_basis (prior)));
  g_ptr_array_add (used, prior);
}

static GkChart *
change_totals (GkDocument *document)
{
  g_autoptr(GkChart) chart = new_chart (document, GK_CHART_KIND_GROUPED, GK_CHART_CHANGE_TOTALS,
                                        "收支总额与上年对比");
  g_autoptr(GPtrArray) used = g_ptr_array_new ();
  g_autofree char *this_year = this_year_label (document);
  GkTable *t2 = gk_document_get_table (document, "income");
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  GkTable *t5 = gk_document_get_table (document, "general-expenditure");
  GkTable *t6 = gk_document_get_table (document, "basic-expenditure");
  GkTable *t8 = gk_document_get_table (document, "sangong");

  if (t2 != NULL)
    {
      const GkTableSchema *schema = gk_table_get_schema (t2);

      for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
        {
          const GkColumnSchema *column = gk_table_schema_get_column (schema, i);
          g_autofree char *key = g_strconcat ("income.", column->id, NULL);

          if (column->rule == GK_COLUMN_ENTERED)
            add_change (chart, used, document, key, column->title, column_total (t2, column->id));
        }
    }
  if (t3 != NULL)
    {
      add_change (chart, used, document, "expenditure.basic", "基本支出", column_total (t3, "basic"));
      add_change (chart, used, document, "expenditure.project", "项目支出", column_total (t3, "project"));
    }
  if (t5 != NULL)
    add_change (chart, used, document, "general.total", "一般公共预算当年拨款", column_total (t5, "total"));
  if (t8 != NULL)
    add_change (chart, used, document, "sangong.total", "“三公”经费",
                column_value (gk_table_get_single_row (t8), t8, "total"));
  if (t6 != NULL)
    add_change (chart, used, document, "running-costs", "机关运行经费", column_total (t6, "public"));

  if (gk_chart_get_n_items (chart) == 0)
    return NULL;
  gk_chart_set_series_labels (chart, this_year, common_basis (used));
  return g_steal_pointer (&chart);
}

/* 表五 by 类 against last year. Last year's 类 is the sum of its 项's
 * figures; a 项 without one did not exist last year. */
static GkChart *
change_function_classes (GkDocument *document)
{
  g_autoptr(GkChart) chart = new_chart (document, GK_CHART_KIND_GROUPED, GK_CHART_CHANGE_FUNCTION_CLASSES,
                                        "一般公共预算支出按功能分类（类）与上年对比");
  GkTable *table = gk_document_get_table (document, "general-expenditure");
  GListModel *priors = gk_explanation_get_priors (gk_document_get_explanation (document));
  g_autoptr(GHashTable) this_year = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) by_class = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) used = g_ptr_array_new ();
  g_autofree char *this_label = this_year_label (document);

  if (table != NULL)
    {
      GListModel *roots = gk_table_get_roots (table);

      for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
          const char *code = gk_row_get_code (row);

          if (gk_row_get_kind (row) == GK_ROW_KIND_CLASS && code != NULL)
            g_hash_table_insert (this_year, g_strdup (code), g_steal_pointer (&row));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (priors); i++)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (priors, i);
      const char *key = gk_prior_get_key (prior);
      const char *code;
      g_autofree char *class_code = NULL;
      GPtrArray *members;

      if (!g_str_has_prefix (key, "function."))
        continue;
      code = key + strlen ("function.");
      if (gk_classification_level (GK_CLASSIFICATION_FUNCTION, code) == GK_LEVEL_NONE)
        continue;
      class_code = g_strndup (code, 3);
      members = g_hash_table_lookup (by_class, class_code);
      if (members == NULL)
        {
          members = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_class, g_strdup (class_code), members);
          g_ptr_array_add (classes, g_strdup (class_code));
        }
      g_ptr_array_add (members, g_object_ref (prior));
    }

  g_ptr_array_sort (classes, compare_strings);
  for (guint i = 0; i < classes->len; i++)
    {
      const char *class_code = classes->pdata[i];
      GPtrArray *members = g_hash_table_lookup (by_class, class_code);
      GkRow *row = g_hash_table_lookup (this_year, class_code);
      GkAmount value = 0;
      GkAmount last = 0;
      const char *name = NULL;
      guint index;

      if (row != NULL)
        {
          value = column_value (row, table, "total");
          name = gk_row_get_name (row);
        }
      if (name == NULL || name[0] == '\0')
        name = gk_document_get_code_name (document, GK_CLASSIFICATION_FUNCTION, class_code);

      for (guint j = 0; j < members->len; j++)
        {
          if (!gk_amount_add (last, gk_prior_get_amount (members->pdata[j]), &last))
            last = GK_AMOUNT_MAX;
          g_ptr_array_add (used, members->pdata[j]);
        }
      if (value == 0 && last == 0)
        continue;

      index = gk_chart_add_item (chart, name != NULL ? name : class_code, class_code, value);
      gk_chart_set_item_prior (chart, index, last, common_basis (members));
    }

  if (gk_chart_get_n_items (chart) == 0)
    return NULL;
  gk_chart_set_series_labels (chart, this_label, common_basis (used));
  return g_steal_pointer (&chart);
}

/**
 * gk_chart_data_get_ids:
 *
 * Returns: (transfer none): the ids of the review charts, in review order
 */
const char * const *
gk_chart_data_get_ids (void)
{
  return chart_ids;
}

/**
 * gk_chart_data_build:
 * @document: a disclosure
 * @chart_id: one of gk_chart_data_get_ids()
 *
 * Returns: (transfer full) (nullable): the chart, possibly in its "no data"
 *   state; %NULL for an unknown id, for a chart of a table the document's
 *   template does not have, and for the comparisons with last year
 *   when the document has no figure for last year to compare with
 */
GkChart *
gk_chart_data_build (GkDocument *document,
                     const char *chart_id)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (chart_id != NULL, NULL);

  if (g_str_equal (chart_id, GK_CHART_FUNCTION_CLASSES))
    return function_classes (document, "expenditure", GK_CHART_FUNCTION_CLASSES, "部门支出按功能分类（类）");
  if (g_str_equal (chart_id, GK_CHART_BASIC_PROJECT))
    return composition (document, "expenditure", "basic", "project", GK_CHART_BASIC_PROJECT, "基本支出与项目支出");
  if (g_str_equal (chart_id, GK_CHART_PERSONNEL_PUBLIC))
    return composition (document, "basic-expenditure", "personnel", "public", GK_CHART_PERSONNEL_PUBLIC,
                        "基本支出：人员经费与公用经费");
  if (g_str_equal (chart_id, GK_CHART_BASIC_ECONOMIC))
    return basic_economic (document);
  if (g_str_equal (chart_id, GK_CHART_PROJECTS))
    return projects (document);
  if (g_str_equal (chart_id, GK_CHART_SANGONG))
    return sangong (document);
  if (g_str_equal (chart_id, GK_CHART_INCOME_SOURCES))
    return income_sources (document);
  if (g_str_equal (chart_id, GK_CHART_CHANGE_TOTALS))
    return change_totals (document);
  if (g_str_equal (chart_id, GK_CHART_CHANGE_FUNCTION_CLASSES))
    return change_function_classes (document);
  /* Not review charts, but the ones of 表五, 表九 and 国有资本经营's
   * pages: buildable by id so that a GkChartView can show them. */
  if (g_str_equal (chart_id, "general-function-classes"))
    return gk_chart_data_build_for_table (document, "general-expenditure");
  if (g_str_equal (chart_id, "fund-function-classes"))
    return gk_chart_data_build_for_table (document, "fund-expenditure");
  if (g_str_equal (chart_id, "capital-function-classes"))
    return gk_chart_data_build_for_table (document, "capital-expenditure");
  return NULL;
}

/**
 * gk_chart_data_get_serial:
 * @document: a disclosure
 * @chart_id: one of gk_chart_data_get_ids()
 *
 * For a chart whose figures are followed by difference, a number that
 * changes whenever the chart may look different, so that a view can
 * leave it be after an edit that does not concern it.
 *
 * Returns: that number, or 0 when the chart is to be built anew after
 *   every change of the document
 */
guint64
gk_chart_data_get_serial (GkDocument *document,
                          const char *chart_id)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (chart_id != NULL, 0);

  if (g_str_equal (chart_id, GK_CHART_PROJECTS) && gk_document_get_projects_table (document) != NULL)
    return gk_chart_ranking_get_serial (gk_chart_ranking_get (document, MAX_BARS + 1));
  return 0;
}

/**
 * gk_chart_data_build_all:
 * @document: a disclosure
 *
 * Returns: (transfer full) (element-type GkChart): the review charts in
 *   review order, without the comparisons with last year when there is
 *   nothing to compare
 */
GPtrArray *
gk_chart_data_build_all (GkDocument *document)
{
  GPtrArray *charts;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  charts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; chart_ids[i] != NULL; i++)
    {
      GkChart *chart = gk_chart_data_build (document, chart_ids[i]);

      if (chart != NULL)
        g_ptr_array_add (charts, chart);
    }
  return charts;
}

/**
 * gk_chart_data_build_for_table:
 * @document: a disclosure
 * @table_id: a table's role: "income-summary" … "capital-expenditure"
 *
 * Returns: (transfer full) (nullable): the chart shown beside a table's
 *   page, or %NULL when the table has none (表四, a summary of others)
 */
GkChart *
gk_chart_data_build_for_table (GkDocument *document,
                               const char *table_id)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (table_id != NULL, NULL);

  if (g_str_equal (table_id, "income-summary") || g_str_equal (table_id, "expenditure"))
    return gk_chart_data_build (document, GK_CHART_FUNCTION_CLASSES);
  if (g_str_equal (table_id, "income"))
    return gk_chart_data_build (document, GK_CHART_INCOME_SOURCES);
  if (g_str_equal (table_id, "general-expenditure"))
    return function_classes (document, "general-expenditure", "general-function-classes",
                             "一般公共预算支出按功能分类（类）");
  if (g_str_equal (table_id, "basic-expenditure"))
    return gk_chart_data_build (document, GK_CHART_BASIC_ECONOMIC);
  if (g_str_equal (table_id, "project-expenditure"))
    return gk_chart_data_build (document, GK_CHART_PROJECTS);
  if (g_str_equal (table_id, "sangong"))
    return gk_chart_data_build (document, GK_CHART_SANGONG);
  if (g_str_equal (table_id, "fund-expenditure"))
    return function_classes (document, "fund-expenditure", "fund-function-classes",
                             "政府性基金预算支出按功能分类（类）");
  if (g_str_equal (table_id, "capital-expenditure"))
    return function_classes (document, "capital-expenditure", "capital-function-classes",
                             "国有资本经营预算支出按功能分类（类）");
  return NULL;
}
