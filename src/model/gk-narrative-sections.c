/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-narrative-private.h"

/* The kinds of paragraph of the seed's first five sections, in the register
 * of the published disclosures (the seed is the model), and the helpers
 * every kind shares. Every figure is read from the tables here, never
 * stored: a change to a cell changes the sentence. */

/* Short names of 表二's sources, as 情况说明 says them. */
static const struct { const char *column; const char *name; } income_names[] = {
  { "general", "一般公共预算" },
  { "fund", "政府性基金预算" },
  { "capital", "国有资本经营预算" },
  { "special", "财政专户管理资金" },
  { "business", "事业收入" },
  { "operating", "事业单位经营收入" },
  { "other", "其他收入" },
  { "reserve", "用事业基金弥补收支差额" },
  { "carryover", "上年结余" },
};


/* NULL when the document's template has no such table: what 情况说明
 * says of it is then left out. */
GkTable *
gk_narrative_table (GkComposer *c,
                    const char *id)
{
  return gk_document_get_table (c->document, id);
}

/* A blank cell reads as 0: 情况说明 speaks of every quantity it names. */
GkAmount
gk_narrative_cell (GkRow      *row,
      GkTable    *t,
      const char *column_id)
{
  int column;
  GkAmount amount = 0;

  if (row == NULL)
    return 0;
  column = gk_table_column_index (t, column_id);
  if (column < 0 || !gk_row_get_amount (row, column, &amount))
    return 0;
  return amount;
}

GkAmount
gk_narrative_column_total (GkTable    *t,
                           const char *column_id)
{
  GkRow *row = gk_table_get_total_row (t);

  if (row == NULL)
    row = gk_table_get_single_row (t);
  return gk_narrative_cell (row, t, column_id);
}

GkAmount
gk_narrative_line_amount (GkTable    *t,
             const char *line_id)
{
  GkRow *row = gk_table_lookup_line (t, line_id);

  /* Summary lines carry their figure in the first column. */
  if (row == NULL || !gk_row_get_amount (row, 0, NULL))
    return 0;
  return gk_row_get_value (row, 0);
}

const char *
gk_narrative_income_name (GkTable    *t2,
             const char *column_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (income_names); i++)
    if (g_str_equal (income_names[i].column, column_id))
      return income_names[i].name;
  return gk_table_schema_get_column (gk_table_get_schema (t2),
                                     gk_table_column_index (t2, column_id))->title;
}

const char *
gk_narrative_list_end (guint index,
          guint n)
{
  return index + 1 < n ? "；" : "。";
}

void
gk_narrative_subheading (GkComposer *c,
                         guint       number,
                         const char *title,
                         const char *id)
{
  g_autofree char *n = gk_narrative_chinese_number (number);
  g_autofree char *text = g_strdup_printf ("（%s）%s", n, title);

  gk_composer_paragraph (c, GK_PARAGRAPH_SUBHEADING, "%s", id);
  gk_composer_text (c, text);
}

void
gk_narrative_list_number (GkComposer *c,
             guint       number)
{
  g_autofree char *text = g_strdup_printf ("%u.", number);

  gk_composer_text (c, text);
}

char *
gk_narrative_source (const char *format,
                     ...)
{
  va_list args;
  char *s;

  va_start (args, format);
  s = g_strdup_vprintf (format, args);
  va_end (args);
  return s;
}

/* The rows of a classification table in print order that carry the
 * figures: 项, or a 款/类 entered without children. */
GPtrArray *
gk_narrative_leaf_rows (GkTable *t)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (t));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (t), i);
      GkRowKind kind = gk_row_get_kind (row);

      if ((kind == GK_ROW_KIND_CLASS || kind == GK_ROW_KIND_SECTION || kind == GK_ROW_KIND_ITEM) &&
          gk_row_is_leaf (row))
        g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  return rows;
}

/* A 项 is often named with its 款 in brackets to tell it from the other
 * 行政运行 项 ("行政运行（政府办公厅（室）及相关机构事务）"); in "…（款）行政运行（项）"
 * the 款 has just been said. */
static char *
name_without_parent (const char *name,
                     const char *parent)
{
  static const char * const brackets[][2] = { { "（", "）" }, { "(", ")" } };

  if (name == NULL)
    return g_strdup ("");
  if (parent == NULL || parent[0] == '\0')
    return g_strdup (name);
  for (guint i = 0; i < G_N_ELEMENTS (brackets); i++)
    {
      g_autofree char *suffix = g_strconcat (brackets[i][0], parent, brackets[i][1], NULL);
      if (g_str_has_suffix (name, suffix) && strlen (name) > strlen (suffix))
        return g_strndup (name, strlen (name) - strlen (suffix));
    }
  return g_strdup (name);
}

/* "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）" */
void
gk_narrative_function_path (GkComposer *c,
               const char *table_id,
               GkRow      *row)
{
  static const char * const levels[] = { "（类）", "（款）", "（项）" };
  GkRow *chain[3] = { NULL, NULL, NULL };
  guint n = 0;

  for (GkRow *r = row; r != NULL && n < G_N_ELEMENTS (chain); r = gk_row_get_parent (r))
    chain[n++] = r;

  for (guint i = n; i > 0; i--)
    {
      GkRow *r = chain[i - 1];
      GkRow *parent = i < n ? chain[i] : NULL;
      g_autofree char *name = name_without_parent (gk_row_get_name (r),
                                                   parent ? gk_row_get_name (parent) : NULL);
      g_autofree char *name_source = gk_narrative_source ("%s/%s/name", table_id, gk_row_get_code (r));
      GkLevel level = gk_classification_level (GK_CLASSIFICATION_FUNCTION, gk_row_get_code (r));

      gk_composer_span (c, GK_SPAN_FIGURE, name, name_source);
      if (level >= GK_LEVEL_CLASS && level <= GK_LEVEL_ITEM)
        gk_composer_text (c, levels[level - 1]);
    }
}

/* 一、总体说明 ---------------------------------------------------------------- */

void
gk_narrative_kind_overall (GkComposer *c)
{
  GkTable *t1 = gk_narrative_table (c, "income-summary");
  GkTable *t2 = gk_narrative_table (c, "income");
  GkTable *t3 = gk_narrative_table (c, "expenditure");
  guint n_named = 0;

  if (t1 == NULL && t2 == NULL && t3 == NULL)
    return;

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s1.total");
  gk_composer_text (c, "按照全口径预算的原则，");
  gk_composer_unit_name (c);
  gk_composer_year (c);
  gk_composer_text (c, "所有收入和支出均纳入部门预算管理。");
  if (t1 != NULL)
    {
      gk_composer_text (c, "收支总预算");
      gk_composer_amount (c, gk_narrative_line_amount (t1, "income-total"), "income-summary/income-total/amount");
      gk_composer_text (c, "。");
    }

  for (guint i = 0; t2 != NULL && i < gk_table_schema_get_n_columns (gk_table_get_schema (t2)); i++)
    {
      const GkColumnSchema *column = gk_table_schema_get_column (gk_table_get_schema (t2), i);
      g_autofree char *name_source = NULL;

      if (i == 0)
        {
          gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s1.income");
          gk_composer_text (c, "收入预算包括：");
        }
      if (column->rule != GK_COLUMN_ENTERED || gk_narrative_column_total (t2, column->id) == 0)
        continue;
      if (n_named++ > 0)
        gk_composer_text (c, "、");
      name_source = gk_narrative_source ("income/total/%s", column->id);
      gk_composer_span (c, GK_SPAN_FIGURE, gk_narrative_income_name (t2, column->id), name_source);
    }
  if (t2 != NULL)
    gk_composer_text (c, n_named > 0 ? "。" : "无。");
  if (t3 == NULL)
    return;

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s1.expenditure");
  gk_composer_text (c, "支出预算包括：");
  n_named = 0;
  for (guint i = 0; i < g_list_model_get_n_items (gk_table_get_roots (t3)); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (gk_table_get_roots (t3), i);
      g_autofree char *name_source = NULL;

      if (gk_narrative_cell (row, t3, "total") == 0)
        continue;
      if (n_named++ > 0)
        gk_composer_text (c, "、");
      name_source = gk_narrative_source ("expenditure/%s/name", gk_row_get_code (row));
      gk_composer_span (c, GK_SPAN_FIGURE, gk_row_get_name (row), name_source);
    }
  gk_composer_text (c, n_named > 0 ? "。" : "无。");
}

/* 二、收入预算 ---------------------------------------------------------------- */

void
gk_narrative_kind_income (GkComposer *c)
{
  GkTable *t2 = gk_narrative_table (c, "income");
  const GkTableSchema *schema;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GkAmount));
  g_autofree gint *shares = NULL;

  if (t2 == NULL)
    return;
  schema = gk_table_get_schema (t2);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s2.total");
  gk_composer_unit_name (c);
  gk_composer_year (c);
  gk_composer_text (c, "收入预算");
  gk_composer_amount (c, gk_narrative_column_total (t2, "total"), "income/total/total");
  gk_composer_text (c, "，其中：");

  /* A source that is nil this year is still said when last year had a
   * figure for it: its disappearance is a change to explain. */
  for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
    {
      const GkColumnSchema *column = gk_table_schema_get_column (schema, i);
      g_autofree char *key = NULL;
      GkAmount amount;

      if (column->rule != GK_COLUMN_ENTERED)
        continue;
      amount = gk_narrative_column_total (t2, column->id);
      key = g_strconcat ("income.", column->id, NULL);
      if (amount == 0 && gk_explanation_lookup_prior (c->explanation, key) == NULL)
        continue;
      g_ptr_array_add (columns, column->id);
      g_array_append_val (values, amount);
    }

  shares = g_new0 (gint, MAX (columns->len, 1));
  gk_amount_shares ((GkAmount *) values->data, values->len, shares);
  for (guint i = 0; i < columns->len; i++)
    {
      const char *id = columns->pdata[i];
      g_autofree char *key = g_strconcat ("income.", id, NULL);
      g_autofree char *amount_source = gk_narrative_source ("income/total/%s", id);
      g_autofree char *share_source = gk_narrative_source ("income/total/%s/share", id);

      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s2.%s", key);
      gk_composer_span (c, GK_SPAN_FIGURE, gk_narrative_income_name (t2, id), amount_source);
      gk_composer_amount (c, g_array_index (values, GkAmount, i), amount_source);
      gk_composer_text (c, "，占");
      gk_composer_percent (c, shares[i], share_source);
      gk_composer_text (c, "，");
      gk_composer_change (c, key, g_array_index (values, GkAmount, i), GK_CHANGE_DEFAULT);
      gk_composer_text (c, gk_narrative_list_end (i, columns->len));
    }
}

/* 三、支出预算 ---------------------------------------------------------------- */

void
gk_narrative_kind_expenditure (GkComposer *c)
{
  static const struct { const char *column; const char *name; } kinds[] = {
    { "basic", "基本支出" },
    { "project", "项目支出" },
  };
  GkTable *t3 = gk_narrative_table (c, "expenditure");
  GkAmount values[G_N_ELEMENTS (kinds)];
  gint shares[G_N_ELEMENTS (kinds)];

  if (t3 == NULL)
    return;

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s3.total");
  gk_composer_unit_name (c);
  gk_composer_year (c);
  gk_composer_text (c, "支出预算");
  gk_composer_amount (c, gk_narrative_column_total (t3, "total"), "expenditure/total/total");
  gk_composer_text (c, "，其中：");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    values[i] = gk_narrative_column_total (t3, kinds[i].column);
  gk_amount_shares (values, G_N_ELEMENTS (kinds), shares);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *key = g_strconcat ("expenditure.", kinds[i].column, NULL);
      g_autofree char *amount_source = gk_narrative_source ("expenditure/total/%s", kinds[i].column);
      g_autofree char *share_source = gk_narrative_source ("expenditure/total/%s/share", kinds[i].column);

      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s3.%s", key);
      gk_composer_text (c, kinds[i].name);
      gk_composer_amount (c, values[i], amount_source);
      gk_composer_text (c, "，占");
      gk_composer_percent (c, shares[i], share_source);
      gk_composer_text (c, "，");
      gk_composer_change (c, key, values[i], GK_CHANGE_DEFAULT);
      gk_composer_text (c, gk_narrative_list_end (i, G_N_ELEMENTS (kinds)));
    }
}

/* 四、财政拨款收支 -------------------------------------------------------------- */

void
gk_narrative_kind_fiscal (GkComposer *c)
{
  GkTable *t4 = gk_narrative_table (c, "fiscal-summary");
  GkAmount general, fund, capital;
  guint n;
  guint n_named = 0;

  if (t4 == NULL)
    return;
  general = gk_narrative_line_amount (t4, "general");
  fund = gk_narrative_line_amount (t4, "fund");
  capital = gk_narrative_line_amount (t4, "capital");
  n = g_list_model_get_n_items (G_LIST_MODEL (t4));

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s4.total");
  gk_composer_year (c);
  gk_composer_text (c, "财政拨款收支总预算");
  gk_composer_amount (c, gk_narrative_line_amount (t4, "income-total"), "fiscal-summary/income-total/total");
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s4.income");
  if (capital != 0)
    {
      /* 国有资本经营预算拨款, where the template has it, among the others. */
      const struct { const char *line; const char *name; GkAmount amount; } parts[] = {
        { "general", "一般公共预算拨款", general },
        { "fund", "政府性基金预算拨款", fund },
        { "capital", "国有资本经营预算拨款", capital },
      };
      guint n_parts = 0;

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          g_autofree char *part_source = NULL;

          if (parts[i].amount == 0)
            continue;
          part_source = gk_narrative_source ("fiscal-summary/%s/total", parts[i].line);
          gk_composer_text (c, n_parts++ > 0 ? "，" : "收入包括：");
          gk_composer_text (c, parts[i].name);
          gk_composer_amount (c, parts[i].amount, part_source);
        }
      gk_composer_text (c, "。");
    }
  else if (general != 0 && fund != 0)
    {
      gk_composer_text (c, "收入包括：一般公共预算拨款");
      gk_composer_amount (c, general, "fiscal-summary/general/total");
      gk_composer_text (c, "，政府性基金预算拨款");
      gk_composer_amount (c, fund, "fiscal-summary/fund/total");
      gk_composer_text (c, "。");
    }
  else if (general != 0)
    gk_composer_text (c, "收入全部为一般公共预算拨款，无政府性基金预算拨款。");
  else if (fund != 0)
    gk_composer_text (c, "收入全部为政府性基金预算拨款，无一般公共预算拨款。");
  else
    gk_composer_text (c, "无财政拨款收入。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s4.expenditure");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (t4), i);
      g_autofree char *name_source = NULL;
      g_autofree char *amount_source = NULL;
      GkAmount amount;

      if (gk_row_get_side (row) != GK_ROW_SIDE_EXPENDITURE || gk_row_get_kind (row) != GK_ROW_KIND_LINE ||
          gk_row_get_code (row) == NULL)
        continue;
      amount = gk_narrative_cell (row, t4, "total");
      if (amount == 0)
        continue;
      gk_composer_text (c, n_named++ > 0 ? "，" : "支出预算包括：");
      name_source = gk_narrative_source ("fiscal-summary/%s/name", gk_row_get_code (row));
      amount_source = gk_narrative_source ("fiscal-summary/%s/total", gk_row_get_code (row));
      gk_composer_span (c, GK_SPAN_FIGURE, gk_row_get_name (row), name_source);
      gk_composer_amount (c, amount, amount_source);
    }
  gk_composer_text (c, n_named > 0 ? "。" : "无财政拨款支出。");
}

/* 五、一般公共预算当年拨款 ---------------------------------------------------------- */

void
gk_narrative_kind_general_scale (GkComposer *c)
{
  GkTable *t5 = gk_narrative_table (c, "general-expenditure");

  if (t5 == NULL)
    return;
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s5.scale");
  gk_composer_unit_name (c);
  gk_composer_year (c);
  gk_composer_text (c, "一般公共预算当年拨款");
  gk_composer_amount (c, gk_narrative_column_total (t5, "total"), "general-expenditure/total/total");
  gk_composer_text (c, "，");
  gk_composer_change (c, "general.total", gk_narrative_column_total (t5, "total"), GK_CHANGE_SHOW_BASIS);
  gk_composer_text (c, "。");
}

void
gk_narrative_kind_general_structure (GkComposer *c)
{
  GkTable *t5 = gk_narrative_table (c, "general-expenditure");
  GListModel *roots;
  g_autoptr(GPtrArray) classes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree GkAmount *values = NULL;
  g_autofree gint *shares = NULL;

  if (t5 == NULL)
    return;
  roots = gk_table_get_roots (t5);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      GkRow *row = g_list_model_get_item (roots, i);

      if (gk_narrative_cell (row, t5, "total") != 0)
        g_ptr_array_add (classes, row);
      else
        g_object_unref (row);
    }
  values = g_new0 (GkAmount, MAX (classes->len, 1));
  shares = g_new0 (gint, MAX (classes->len, 1));
  for (guint i = 0; i < classes->len; i++)
    values[i] = gk_narrative_cell (classes->pdata[i], t5, "total");
  gk_amount_shares (values, classes->len, shares);
  for (guint i = 0; i < classes->len; i++)
    {
      GkRow *row = classes->pdata[i];
      const char *code = gk_row_get_code (row);
      g_autofree char *amount_source = gk_narrative_source ("general-expenditure/%s/total", code);
      g_autofree char *share_source = gk_narrative_source ("general-expenditure/%s/total/share", code);

      gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "s5.structure.%s", code);
      gk_narrative_list_number (c, i + 1);
      gk_narrative_function_path (c, "general-expenditure", row);
      gk_composer_amount (c, values[i], amount_source);
      gk_composer_text (c, "，占");
      gk_composer_percent (c, shares[i], share_source);
      gk_composer_text (c, gk_narrative_list_end (i, classes->len));
    }
  if (classes->len == 0)
    {
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s5.structure.none");
      gk_composer_text (c, "无一般公共预算当年拨款。");
    }
}

void
gk_narrative_kind_general_items (GkComposer *c)
{
  GkTable *t5 = gk_narrative_table (c, "general-expenditure");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) leaves = NULL;

  if (t5 == NULL)
    return;
  leaves = gk_narrative_leaf_rows (t5);
  /* A 项 with nothing this year is still explained when last year had it. */
  for (guint i = 0; i < leaves->len; i++)
    {
      GkRow *row = leaves->pdata[i];
      g_autofree char *key = g_strconcat ("function.", gk_row_get_code (row), NULL);

      if (gk_narrative_cell (row, t5, "total") != 0 || gk_explanation_lookup_prior (c->explanation, key) != NULL)
        g_ptr_array_add (items, g_object_ref (row));
    }
  for (guint i = 0; i < items->len; i++)
    {
      GkRow *row = items->pdata[i];
      const char *code = gk_row_get_code (row);
      g_autofree char *key = g_strconcat ("function.", code, NULL);
      g_autofree char *amount_source = gk_narrative_source ("general-expenditure/%s/total", code);
      GkAmount amount = gk_narrative_cell (row, t5, "total");

      gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "s5.item.%s", code);
      gk_narrative_list_number (c, i + 1);
      gk_narrative_function_path (c, "general-expenditure", row);
      gk_composer_year (c);
      gk_composer_text (c, "预算数为");
      gk_composer_amount (c, amount, amount_source);
      gk_composer_text (c, "，");
      gk_composer_change (c, key, amount, GK_CHANGE_SHOW_BASIS);
      gk_composer_text (c, gk_narrative_list_end (i, items->len));
    }
  if (items->len == 0)
    {
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s5.items.none");
      gk_composer_text (c, "无一般公共预算当年拨款。");
    }
}

/* Whether the document has every table of @roles ("income expenditure"):
 * a section speaks of its tables only where the template has them. */
gboolean
gk_narrative_has_tables (GkComposer *c,
                         const char *roles)
{
  g_auto(GStrv) list = g_strsplit (roles, " ", -1);

  for (guint i = 0; list[i] != NULL; i++)
    if (gk_document_get_table (c->document, list[i]) == NULL)
      return FALSE;
  return TRUE;
}
