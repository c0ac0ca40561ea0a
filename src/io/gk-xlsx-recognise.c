/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-xlsx-sheet.h"

/* Which table of a template a sheet is. A workbook from a budget system
 * holds more tables than any one template (政府采购, 政府购买服务, 绩效目标,
 * 国有资本经营 …): each of those is known by its own title words so that it
 * is reported as not part of the template, never taken for the nearest
 * table that is. The wording is normalised (NFKC, no spaces, no quotes). */

/* Words that name one table whatever else the title says. In a cell,
 * but for 三公, they count only in a text that names a table (has 表): a
 * unit may be called 政府采购中心. */
static const struct {
  const char *role;
  const char *needles[4];
} distinctive[] = {
  { "sangong", { "三公", NULL } },
  { "project-performance", { "项目支出绩效", "项目绩效", "重点项目绩效", NULL } },
  { "unit-performance", { "整体绩效", "整体支出绩效", NULL } },
  { "performance", { "绩效", NULL } },
  { "purchased-services", { "政府购买服务", NULL } },
  { "procurement", { "政府采购", NULL } },
  { "capital-expenditure", { "国有资本经营", NULL } },
  { "new-assets", { "新增资产", "资产配置", NULL } },
  { "non-tax", { "非税", NULL } },
  { "special-account", { "财政专户管理资金预算支出", "财政专户管理资金支出", NULL } },
  { "special-funds", { "专项资金", NULL } },
  { "economic-summary", { "分类汇总", "分经济科目", NULL } },
};

/* The tables' usual title words, most specific first: 财政拨款收支 before
 * 收支, 基本支出 and 项目支出 before 支出. */
static const struct {
  const char *role;
  const char *needles[7];
} generic[] = {
  { "fiscal-summary", { "财政拨款收支", NULL } },
  { "income-summary", { "部门收支", "收支总体", "收支总表", "收支预算总表", NULL } },
  { "fund-expenditure", { "政府性基金预算支出", "政府性基金支出", "政府性基金预算拨款支出", NULL } },
  { "basic-expenditure", { "基本支出情况表", "基本支出表", "基本支出预算表", "基本支出明细表", "基本支出部门预算经济分类", NULL } },
  { "project-expenditure", { "项目支出情况表", "项目支出表", "项目支出预算表", "项目支出明细表", "项目支出预算明细表", NULL } },
  { "general-expenditure", { "一般公共预算支出情况表", "一般公共预算支出表", "一般公共预算财政拨款支出",
                             "一般公共预算支出总表", "一般公共预算支出功能分类", NULL } },
  { "income", { "收入总体情况表", "收入总表", "收入预算表", "收入情况表", "收入预算总表", NULL } },
  { "expenditure", { "支出总体情况表", "支出总表", "支出预算表", "支出情况表", "支出预算总表", NULL } },
};

static const char *
distinctive_role (const char *normalized,
                  gboolean    sheet_name)
{
  gboolean names_table = sheet_name || strstr (normalized, "表") != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (distinctive); i++)
    for (guint j = 0; distinctive[i].needles[j] != NULL; j++)
      if (strstr (normalized, distinctive[i].needles[j]) != NULL &&
          (names_table || g_str_equal (distinctive[i].role, "sangong")))
        return distinctive[i].role;
  return NULL;
}

static const char *
generic_role (const char *normalized)
{
  for (guint i = 0; i < G_N_ELEMENTS (generic); i++)
    for (guint j = 0; generic[i].needles[j] != NULL; j++)
      if (strstr (normalized, generic[i].needles[j]) != NULL)
        return generic[i].role;
  return NULL;
}

/* The template's table whose whole title the text holds, the longest
 * title when several do: what a template adds is known by its title. */
static const char *
template_role (GkTemplate *template,
               const char *normalized)
{
  const char *best = NULL;
  gsize best_length = 0;

  for (guint i = 0; template != NULL && i < gk_template_get_n_tables (template); i++)
    {
      const GkTableSchema *schema = gk_template_get_table (template, i);
      g_autofree char *title = gk_xlsx_normalize (schema->title);

      if (title[0] != '\0' && strlen (title) > best_length && strstr (normalized, title) != NULL)
        {
          best = schema->id;
          best_length = strlen (title);
        }
    }
  return best;
}

/* Whether the text holds the whole title of @template's table @role: a
 * sheet known by its own title rather than by a word of it. */
gboolean
_gk_xlsx_is_own_title (GkTemplate *template,
                       const char *normalized,
                       const char *role)
{
  return normalized != NULL && g_strcmp0 (template_role (template, normalized), role) == 0;
}

/**
 * _gk_xlsx_role_by_title:
 * @template: (nullable): the template whose titles count too
 * @sheet_name: whether @normalized is a sheet's name rather than a cell
 *
 * Returns: the role of the table a title names, in @template or not, or
 *   %NULL when it names none
 */
const char *
_gk_xlsx_role_by_title (GkTemplate *template,
                        const char *normalized,
                        gboolean    sheet_name)
{
  const char *own;
  const char *other;

  if (normalized == NULL || normalized[0] == '\0')
    return NULL;
  /* 编制部门 lines name units, and a unit can be called anything. */
  if (strstr (normalized, "编制") != NULL || strstr (normalized, "填报") != NULL)
    return NULL;
  own = template_role (template, normalized);
  other = distinctive_role (normalized, sheet_name);
  /* A 决算's 三公 table under another year's title, whose words may hold
   * another of its titles (…支出决算表). */
  if (other != NULL && template != NULL && gk_template_is_final (template) &&
      gk_template_lookup (template, other) == NULL)
    {
      g_autofree char *final = g_strconcat ("final-", other, NULL);
      const GkTableSchema *schema = gk_template_lookup (template, final);

      if (schema != NULL)
        return schema->id;
    }
  if (other != NULL && (own == NULL || (template != NULL && gk_template_lookup (template, other) != NULL)))
    return other;
  return own != NULL ? own : generic_role (normalized);
}

/* "十一" → 11, "三" → 3; 0 when @p does not start with a numeral. */
static guint
chinese_number (const char  *p,
                const char **end)
{
  static const char * const digits[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  guint tens = 0, units = 0;

  *end = p;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    if (g_str_has_prefix (p, digits[i]))
      {
        units = i + 1;
        p += strlen (digits[i]);
        break;
      }
  if (g_str_has_prefix (p, "十"))
    {
      tens = MAX (units, 1);
      units = 0;
      p += strlen ("十");
      for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
        if (g_str_has_prefix (p, digits[i]))
          {
            units = i + 1;
            p += strlen (digits[i]);
            break;
          }
    }
  *end = p;
  return tens * 10 + units;
}

/* "表三", "表3", "附表3", "表十一" → the number; 0 when the text is no
 * table's label. */
guint
_gk_xlsx_table_number (const char *normalized)
{
  const char *p = normalized;
  const char *end;
  guint n;

  if (p == NULL)
    return 0;
  if (g_str_has_prefix (p, "附"))
    p += strlen ("附");
  if (!g_str_has_prefix (p, "表"))
    return 0;
  p += strlen ("表");
  if (g_ascii_isdigit (p[0]) && p[0] != '0')
    {
      n = p[0] - '0';
      if (g_ascii_isdigit (p[1]))
        n = n * 10 + (p[1] - '0');
      return n < 100 && !g_ascii_isdigit (p[n >= 10 ? 2 : 1]) ? n : 0;
    }
  n = chinese_number (p, &end);
  /* "表一百" is no table of a disclosure. */
  return n > 0 && !g_str_has_prefix (end, "百") ? n : 0;
}

/* Column wording per table and column, besides the column's own title. A
 * table not listed here takes the wording of "*" for its columns of the
 * same id: a template's new function tables have 合计/基本支出/项目支出. */
static const struct {
  const char *table;
  const char *column;
  const char *aliases[7];
} column_aliases[] = {
  { "income", "total", { "总计", "合计", "收入总计", "小计", NULL } },
  { "income", "general", { "一般公共预算拨款", "一般公共预算", "公共财政拨款", "一般公共预算拨款收入", "财政拨款", NULL } },
  { "income", "fund", { "政府性基金预算拨款", "政府基金预算拨款", "政府性基金", NULL } },
  { "income", "capital", { "国有资本经营预算拨款", "国有资本经营预算", "国有资本经营", NULL } },
  { "income", "special", { "财政专户管理资金", "财政专户", "教育收费", NULL } },
  { "income", "business", { "事业收入", NULL } },
  { "income", "operating", { "事业单位经营收入", "经营收入", NULL } },
  { "income", "other", { "其他收入", NULL } },
  { "income", "reserve", { "用事业基金弥补收支差额", "用事业基金弥补", "事业基金", NULL } },
  { "income", "carryover", { "上年结余", "上年结转", "结转结余", NULL } },
  { "expenditure", "total", { "合计", "小计", "总计", NULL } },
  { "expenditure", "basic", { "基本支出", NULL } },
  { "expenditure", "project", { "项目支出", NULL } },
  { "general-expenditure", "total", { "合计", "小计", "总计", NULL } },
  { "general-expenditure", "basic", { "基本支出", NULL } },
  { "general-expenditure", "project", { "项目支出", NULL } },
  { "fund-expenditure", "total", { "合计", "小计", "总计", NULL } },
  { "fund-expenditure", "basic", { "基本支出", NULL } },
  { "fund-expenditure", "project", { "项目支出", NULL } },
  { "basic-expenditure", "total", { "总计", "合计", "小计", NULL } },
  { "basic-expenditure", "personnel", { "人员经费", NULL } },
  { "basic-expenditure", "public", { "公用经费", NULL } },
  { "project-expenditure", "total", { "项目支出合计", "合计", "小计", "总计", NULL } },
  { "project-expenditure", "e301", { "工资福利支出", "工资福利", NULL } },
  { "project-expenditure", "e302", { "商品和服务支出", "商品和服务", NULL } },
  { "project-expenditure", "e303", { "对个人和家庭的补助", "对个人和家庭补助", NULL } },
  { "project-expenditure", "e307", { "债务利息及费用支出", "债务利息支出", "债务利息", NULL } },
  { "project-expenditure", "e309", { "资本性支出(基本建设)", "资本性支出(基建)", NULL } },
  { "project-expenditure", "e310", { "资本性支出", NULL } },
  { "project-expenditure", "e311", { "对企业补助(基本建设)", "对企业补助(基建)", "企业补助(基建)", NULL } },
  { "project-expenditure", "e312", { "对企业补助", NULL } },
  { "project-expenditure", "e313", { "对社会保障基金补助", "社会保障基金补助", NULL } },
  { "project-expenditure", "e399", { "其他支出", NULL } },
  { "sangong", "total", { "合计", "总计", NULL } },
  { "sangong", "abroad", { "因公出国(境)费", "因公出国", "出国", NULL } },
  { "sangong", "vehicle", { "小计", "公务用车购置及运行费", "公务用车购置及运行维护费", NULL } },
  { "sangong", "vehicle-purchase", { "公务用车购置费", "购置费", "购置", NULL } },
  { "sangong", "vehicle-operation", { "公务用车运行费", "公务用车运行维护费", "运行维护费", "运行费", NULL } },
  { "sangong", "reception", { "公务接待费", "接待费", "接待", NULL } },
  { "*", "total", { "合计", "小计", "总计", NULL } },
  { "*", "basic", { "基本支出", NULL } },
  { "*", "project", { "项目支出", NULL } },
};

/* How well a heading names a column: an exact alias beats any contained
 * one, a longer contained alias beats a shorter one. */
static guint
alias_score (const char *heading,
             const char *alias)
{
  if (alias == NULL || alias[0] == '\0')
    return 0;
  if (g_str_equal (heading, alias))
    return 10000 + strlen (alias);
  if (strstr (heading, alias) != NULL)
    return strlen (alias);
  return 0;
}

static gboolean
has_own_aliases (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_aliases); i++)
    if (g_str_equal (column_aliases[i].table, table))
      return TRUE;
  return FALSE;
}

/**
 * _gk_xlsx_match_amount_column:
 * @score: (out) (optional): how well, 10000 and more for an exact wording
 *
 * Returns: the column of @schema that @leaf names best, or -1
 */
int
_gk_xlsx_match_amount_column (const GkTableSchema *schema,
                              const char          *leaf,
                              guint               *score_out)
{
  const char *table = has_own_aliases (schema->id) ? schema->id : "*";
  guint best_score = 0;
  int best = -1;

  for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, c);
      g_autofree char *title = gk_xlsx_normalize (col->title);
      guint score = alias_score (leaf, title);

      for (guint i = 0; i < G_N_ELEMENTS (column_aliases); i++)
        {
          if (!g_str_equal (column_aliases[i].table, table) ||
              !g_str_equal (column_aliases[i].column, col->id))
            continue;
          for (guint j = 0; column_aliases[i].aliases[j] != NULL; j++)
            score = MAX (score, alias_score (leaf, column_aliases[i].aliases[j]));
        }
      if (score > best_score)
        {
          best_score = score;
          best = c;
        }
    }
  if (score_out != NULL)
    *score_out = best_score;
  return best;
}

/* Which tables the headings fit, the likeliest first; none for the
 * headings of a table no template of Gongkai's has. */
static GPtrArray *
roles_by_heading (GPtrArray *headings)
{
  GPtrArray *ids = g_ptr_array_new ();
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint c = 0; c < headings->len; c++)
    {
      g_string_append (all, headings->pdata[c]);
      g_string_append_c (all, '|');
    }
#define HAS(w) (strstr (all->str, (w)) != NULL)
  if (HAS ("绩效") || HAS ("采购") || HAS ("购买服务"))
    return ids;
  if (HAS ("因公出国") || HAS ("三公") || HAS ("公务接待"))
    g_ptr_array_add (ids, (gpointer) "sangong");
  else if (HAS ("人员经费") && HAS ("公用经费"))
    g_ptr_array_add (ids, (gpointer) "basic-expenditure");
  else if (HAS ("项目名称") || (HAS ("工资福利") && HAS ("商品和服务")))
    g_ptr_array_add (ids, (gpointer) "project-expenditure");
  else if (HAS ("收入") && HAS ("支出") && !HAS ("基本支出"))
    g_ptr_array_add (ids, (gpointer) (HAS ("财政拨款收入") || HAS ("财政拨款支出") ? "fiscal-summary" : "income-summary"));
  else if (HAS ("一般公共预算拨款") || HAS ("事业收入") || HAS ("上年结余"))
    g_ptr_array_add (ids, (gpointer) "income");
  else if (HAS ("基本支出") && HAS ("项目支出"))
    {
      if (HAS ("一般公共预算"))
        g_ptr_array_add (ids, (gpointer) "general-expenditure");
      else if (HAS ("政府性基金"))
        g_ptr_array_add (ids, (gpointer) "fund-expenditure");
      else if (HAS ("国有资本"))
        g_ptr_array_add (ids, (gpointer) "capital-expenditure");
      else
        {
          g_ptr_array_add (ids, (gpointer) "expenditure");
          g_ptr_array_add (ids, (gpointer) "general-expenditure");
          g_ptr_array_add (ids, (gpointer) "fund-expenditure");
          g_ptr_array_add (ids, (gpointer) "capital-expenditure");
        }
    }
#undef HAS
  return ids;
}

/**
 * gk_xlsx_table_sheet_guess:
 * @template: the template the sheet's table should be one of
 * @title: (out) (optional): the title that named a table, in @template or not
 * @how: (out) (optional): how the table was recognised, for the report
 *
 * Which of @template's tables the sheet is: by its title, else its
 * sheet's name, else its number and headings. A sheet titled as a table
 * that @template does not have is none of them, whatever its headings.
 *
 * Returns: the table, or %NULL
 */
const GkTableSchema *
gk_xlsx_table_sheet_guess (GkXlsxTableSheet  *self,
                           GkTemplate        *template,
                           const char       **title,
                           const char       **how)
{
  g_autofree char *sheet_name = gk_xlsx_normalize (self->sheet->name);
  g_autoptr(GPtrArray) by_heading = NULL;
  const GkTableSchema *found = NULL;
  const char *role = NULL;
  guint number = _gk_xlsx_table_number (sheet_name);

  if (title != NULL)
    *title = NULL;
  if (how != NULL)
    *how = NULL;
  for (guint i = 0; role == NULL && self->titles != NULL && i < self->titles->len; i++)
    {
      const char *t = self->titles->pdata[i];

      if ((role = _gk_xlsx_role_by_title (template, t, FALSE)) != NULL)
        {
          if (title != NULL)
            *title = t;
          if (how != NULL)
            *how = _("recognised by its title");
        }
      else if (number == 0)
        number = _gk_xlsx_table_number (t);
    }
  if (role == NULL && (role = _gk_xlsx_role_by_title (template, sheet_name, TRUE)) != NULL)
    {
      if (title != NULL)
        *title = self->sheet->name;
      if (how != NULL)
        *how = _("recognised by the sheet's name");
    }
  if (role != NULL)
    return gk_template_lookup (template, role);

  by_heading = roles_by_heading (self->headings);
  for (guint i = 0; found == NULL && number > 0 && i < by_heading->len; i++)
    if (number <= gk_template_get_n_tables (template) &&
        gk_template_lookup (template, by_heading->pdata[i]) == gk_template_get_table (template, number - 1))
      found = gk_template_get_table (template, number - 1);
  /* Headings that fit one table alone. */
  for (guint i = 0; found == NULL && i < by_heading->len; i++)
    if ((found = gk_template_lookup (template, by_heading->pdata[i])) != NULL)
      for (guint j = i + 1; found != NULL && j < by_heading->len; j++)
        if (gk_template_lookup (template, by_heading->pdata[j]) != NULL)
          found = NULL;
  if (found == NULL && number > 0 && number <= gk_template_get_n_tables (template))
    found = gk_template_get_table (template, number - 1);
  for (guint i = 0; found == NULL && i < by_heading->len; i++)
    found = gk_template_lookup (template, by_heading->pdata[i]);
  if (found != NULL && how != NULL)
    *how = number > 0 ? _("recognised by its number and headings") : _("recognised by its headings");
  return found;
}

/* Whether the workbook's title, the titles above its tables or its notes
 * name @template's region (上海, 陕西): what tells apart templates that
 * print the same tables. */
gboolean
_gk_xlsx_names_region (GkXlsxWorkbook *workbook,
                       GPtrArray      *sheets,
                       GkTemplate     *template)
{
  const char *region = gk_template_get_region (template);

  if (region == NULL || region[0] == '\0')
    return FALSE;
  if (workbook->title != NULL && strstr (workbook->title, region) != NULL)
    return TRUE;
  for (guint i = 0; i < sheets->len; i++)
    {
      GkXlsxTableSheet *ts = sheets->pdata[i];

      for (guint t = 0; ts->titles != NULL && t < ts->titles->len; t++)
        if (strstr (ts->titles->pdata[t], region) != NULL)
          return TRUE;
      for (guint r = ts->data_start; r < ts->sheet->n_rows; r++)
        {
          const char *text = gk_xlsx_sheet_get_cell (ts->sheet, r, 0)->text;
          g_autofree char *t = text != NULL ? gk_xlsx_normalize (text) : NULL;

          if (t != NULL && (g_str_has_prefix (t, "注") || g_str_has_prefix (t, "说明") ||
                            g_str_has_prefix (t, "备注")) && strstr (t, region) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}
