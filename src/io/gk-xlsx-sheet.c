/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-xlsx-sheet.h"

/* The wording matched below is that of published disclosures and of the
 * budget systems' exports, in normalised form (NFKC: ASCII parentheses and
 * colons; no spaces, no quotation marks). */

#define MAX_PRE_ROWS    12
#define MAX_HEADER_ROWS 8

/* Recognition ------------------------------------------------------------- */

/* Title words, most specific first: 财政拨款收支 before 收支, 基本支出 and
 * 项目支出 before 支出. */
static const struct {
  const char *table;
  const char *needles[6];
} titles[] = {
  { "sangong", { "三公", NULL } },
  { "fiscal-summary", { "财政拨款收支", NULL } },
  { "income-summary", { "部门收支", "收支总体", "收支总表", "收支预算总表", NULL } },
  { "fund-expenditure", { "政府性基金预算支出", "政府性基金支出", NULL } },
  { "capital-expenditure", { "国有资本经营预算支出", "国有资本经营支出", NULL } },
  { "basic-expenditure", { "基本支出情况表", "基本支出表", "基本支出预算表", NULL } },
  { "project-expenditure", { "项目支出情况表", "项目支出表", "项目支出预算表", NULL } },
  { "general-expenditure", { "一般公共预算支出情况表", "一般公共预算支出表", "一般公共预算财政拨款支出", NULL } },
  { "income", { "收入总体情况表", "收入总表", "收入预算表", "收入情况表", NULL } },
  { "expenditure", { "支出总体情况表", "支出总表", "支出预算表", "支出情况表", NULL } },
};

static const char *
table_by_title (const char *normalized)
{
  if (normalized == NULL || normalized[0] == '\0')
    return NULL;
  /* 编制部门 lines name units, and a unit can be called anything. */
  if (strstr (normalized, "编制") != NULL || strstr (normalized, "填报") != NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    for (guint j = 0; titles[i].needles[j] != NULL; j++)
      if (strstr (normalized, titles[i].needles[j]) != NULL)
        return titles[i].table;
  return NULL;
}

/* "表三", "表3", "附表3" → 3 */
static guint
table_number (const char *normalized)
{
  static const char * const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  const char *p = normalized;

  if (g_str_has_prefix (p, "附"))
    p += strlen ("附");
  if (!g_str_has_prefix (p, "表"))
    return 0;
  p += strlen ("表");
  if (g_ascii_isdigit (p[0]) && !g_ascii_isdigit (p[1]) && p[0] != '0')
    return p[0] - '0';
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (g_str_has_prefix (p, numerals[i]) && !g_str_has_prefix (p + strlen (numerals[i]), "十"))
      return i + 1;
  return 0;
}

/* Column wording per table and column, besides the column's own title. */
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
  { "capital-expenditure", "total", { "合计", "小计", "总计", NULL } },
  { "capital-expenditure", "basic", { "基本支出", NULL } },
  { "capital-expenditure", "project", { "项目支出", NULL } },
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

static int
match_amount_column (const GkTableSchema *schema,
                     const char          *leaf)
{
  guint best_score = 0;
  int best = -1;

  for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, c);
      g_autofree char *title = gk_xlsx_normalize (col->title);
      guint score = alias_score (leaf, title);

      for (guint i = 0; i < G_N_ELEMENTS (column_aliases); i++)
        {
          if (!g_str_equal (column_aliases[i].table, schema->id) ||
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
  return best;
}

/* Sheet ------------------------------------------------------------------- */

void
gk_xlsx_table_sheet_free (GkXlsxTableSheet *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->reason);
  g_free (self->unit_name);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_free (self->roles);
  g_free (self->amounts);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

static void
note_free (gpointer data)
{
  GkXlsxNote *note = data;
  g_free (note->text);
  g_free (note);
}

const char *
gk_xlsx_table_sheet_text (GkXlsxTableSheet *self,
                          guint             row,
                          guint             column)
{
  const GkXlsxCell *cell;

  g_return_val_if_fail (self != NULL, NULL);

  cell = gk_xlsx_sheet_get_cell (self->sheet, row, column);
  if (cell->type == GK_XLSX_CELL_BLANK || cell->text == NULL || cell->text[0] == '\0')
    return NULL;
  return cell->text;
}

const char *
gk_xlsx_table_sheet_heading (GkXlsxTableSheet *self,
                             guint             column)
{
  g_return_val_if_fail (self != NULL, "");

  if (self->headings == NULL || column >= self->headings->len)
    return "";
  return g_ptr_array_index (self->headings, column);
}

int
gk_xlsx_table_sheet_find_role (GkXlsxTableSheet *self,
                               GkXlsxRole        role)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint c = 0; self->roles != NULL && c < self->n_columns; c++)
    if (self->roles[c] == role)
      return c;
  return -1;
}

static char *
normalized_text (GkXlsxTableSheet *self,
                 guint             row,
                 guint             column)
{
  return gk_xlsx_normalize (gk_xlsx_table_sheet_text (self, row, column));
}

/* The different words of a row, normalised, in column order. */
static GPtrArray *
row_texts (GkXlsxTableSheet *self,
           guint             row)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < self->n_columns; c++)
    {
      char *t = normalized_text (self, row, c);
      gboolean seen = t[0] == '\0';

      for (guint i = 0; !seen && i < texts->len; i++)
        seen = g_str_equal (texts->pdata[i], t);
      if (seen)
        g_free (t);
      else
        g_ptr_array_add (texts, t);
    }
  return texts;
}

static gboolean
is_number_text (const char *normalized)
{
  g_autofree char *plain = NULL;
  GkAmount unused;

  if (normalized == NULL || normalized[0] == '\0')
    return FALSE;
  plain = g_strdup (normalized);
  {
    char *w = plain;
    for (const char *r = plain; *r; r++)
      if (*r != ',')
        *w++ = *r;
    *w = '\0';
  }
  return gk_xlsx_decimal_to_amount (plain, FALSE, GK_MONEY_UNIT_YUAN, GK_MONEY_UNIT_YUAN, &unused, NULL);
}

static gboolean
is_note_text (const char *raw,
              char      **text,
              gboolean   *explanation)
{
  static const struct { const char *prefix; gboolean explanation; } prefixes[] = {
    { "备注", FALSE }, { "附注", FALSE }, { "注：", FALSE }, { "注:", FALSE }, { "说明", TRUE },
  };
  g_autofree char *stripped = gk_xlsx_strip (raw);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (stripped, prefixes[i].prefix))
      {
        const char *p = stripped + strlen (prefixes[i].prefix);

        while (*p == ' ')
          p++;
        if (g_str_has_prefix (p, "："))
          p += strlen ("：");
        else if (*p == ':')
          p++;
        if (text != NULL)
          *text = gk_xlsx_strip (p);
        if (explanation != NULL)
          *explanation = prefixes[i].explanation;
        return TRUE;
      }
  return FALSE;
}

static const char *
first_text (GkXlsxTableSheet *self,
            guint             row)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *t = gk_xlsx_table_sheet_text (self, row, c);
      if (t != NULL)
        return t;
    }
  return NULL;
}

gboolean
gk_xlsx_table_sheet_is_note (GkXlsxTableSheet *self,
                             guint             row)
{
  const char *t = first_text (self, row);
  return t != NULL && is_note_text (t, NULL, NULL);
}

/* 栏次 rows number the columns (1, 2, 3 …) under the heading. */
static gboolean
is_column_numbers_row (GkXlsxTableSheet *self,
                       guint             row)
{
  guint expected = 1, n = 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *t = normalized_text (self, row, c);
      guint64 v;

      if (t[0] == '\0')
        continue;
      if (g_str_equal (t, "栏次") || g_str_equal (t, "栏号"))
        return TRUE;
      if (!g_ascii_string_to_unsigned (t, 10, 0, 1000, &v, NULL) || v != expected)
        return FALSE;
      expected++;
      n++;
    }
  return n >= 3;
}

static gboolean
is_pre_text (const char *t)
{
  return table_by_title (t) != NULL || table_number (t) > 0 ||
         strstr (t, "编制") != NULL || strstr (t, "填报") != NULL || strstr (t, "单位:") != NULL ||
         strstr (t, "单位名称") != NULL || strstr (t, "部门名称") != NULL ||
         g_str_has_suffix (t, "表") || strstr (t, "公开") != NULL ||
         ((g_str_has_prefix (t, "19") || g_str_has_prefix (t, "20")) &&
          g_ascii_isdigit (t[2]) && g_ascii_isdigit (t[3]) && g_str_has_prefix (t + 4, "年"));
}

static gboolean
is_data_row (GkXlsxTableSheet *self,
             guint             row)
{
  g_autoptr(GPtrArray) texts = row_texts (self, row);
  const char *first = first_text (self, row);

  if (texts->len == 0)
    return FALSE;
  if (first != NULL && is_note_text (first, NULL, NULL))
    return TRUE;
  if (texts->len == 1 && gk_xlsx_is_total_word (texts->pdata[0]))
    return TRUE;
  if (g_str_has_prefix (texts->pdata[0], "财政拨款(") || g_str_equal (texts->pdata[0], "财政拨款"))
    return TRUE;
  if (is_column_numbers_row (self, row))
    return FALSE;
  for (guint c = 0; c < self->n_columns; c++)
    {
      const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (self->sheet, row, c);
      g_autofree char *t = NULL;
      g_autofree char *code = NULL;

      if (cell->type == GK_XLSX_CELL_NUMBER)
        return TRUE;
      t = normalized_text (self, row, c);
      if (is_number_text (t))
        return TRUE;
      code = gk_xlsx_leading_code (t, NULL);
      if (code != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
row_is_blank (GkXlsxTableSheet *self,
              guint             row)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (gk_xlsx_table_sheet_text (self, row, c) != NULL)
      return FALSE;
  return TRUE;
}

static void
find_rows (GkXlsxTableSheet *self)
{
  guint r;

  /* Titles, 表N labels, 编制部门 and 单位 lines come first, one or two
   * texts a row. */
  for (r = 0; r < self->sheet->n_rows && r < MAX_PRE_ROWS; r++)
    {
      g_autoptr(GPtrArray) texts = row_texts (self, r);
      gboolean pre = TRUE;

      if (texts->len == 0)
        continue;
      if (is_data_row (self, r) && !(texts->len == 1 && !gk_xlsx_is_total_word (texts->pdata[0]) &&
                                     !is_number_text (texts->pdata[0])))
        break;
      if (texts->len > 1)
        for (guint i = 0; pre && i < texts->len; i++)
          pre = is_pre_text (texts->pdata[i]);
      if (!pre)
        break;
    }
  self->header_start = r;

  for (r = self->header_start; r < self->sheet->n_rows && r < self->header_start + MAX_HEADER_ROWS; r++)
    if (is_data_row (self, r))
      break;
  if (r >= self->header_start + MAX_HEADER_ROWS)
    {
      /* No line under the heading: the heading ends at the first gap. */
      for (r = self->header_start; r < self->sheet->n_rows && r < self->header_start + MAX_HEADER_ROWS; r++)
        if (row_is_blank (self, r))
          break;
    }
  self->data_start = MIN (r, self->sheet->n_rows);
}

static void
read_headings (GkXlsxTableSheet *self)
{
  self->headings = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

      for (guint r = self->header_start; r < self->data_start; r++)
        {
          char *t;

          if (is_column_numbers_row (self, r))
            continue;
          t = normalized_text (self, r, c);
          if (t[0] == '\0' || (words->len > 0 && g_str_equal (words->pdata[words->len - 1], t)))
            g_free (t);
          else
            g_ptr_array_add (words, t);
        }
      g_ptr_array_add (words, NULL);
      g_ptr_array_add (self->headings, g_strjoinv ("/", (char **) words->pdata));
    }
}

static const char *
heading_leaf (const char *heading)
{
  const char *slash = strrchr (heading, '/');
  return slash ? slash + 1 : heading;
}

enum {
  UNIT_NAME_PATTERN,
  MONEY_UNIT_PATTERN,
  YEAR_PATTERN,
  N_PATTERNS
};

/* Compiled once for the whole program: a workbook has many cells. */
static GRegex *
regex (guint pattern)
{
  static const char * const patterns[N_PATTERNS] = {
    "(?:(?:编制|填报)(?:部门|单位)|单位名称|部门名称)(?:名称)?\\s*[:：]\\s*(.+?)(?:\\s{2,}|\\t|　|(?:金额)?单位\\s*[:：]|$)",
    "(?<!编制|填报)单位\\s*[:：]\\s*(万元|元)|[(（]\\s*(万元|元)\\s*[)）]",
    "((?:19|20)\\d{2})\\s*年",
  };
  static GRegex *compiled[N_PATTERNS];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < N_PATTERNS; i++)
        compiled[i] = g_regex_new (patterns[i], G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&done, 1);
    }
  return compiled[pattern];
}

/* "2020年部门预算" → 2020; 0 when the text names no year. */
guint
gk_xlsx_find_year (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year = NULL;

  if (text == NULL || !g_regex_match (regex (YEAR_PATTERN), text, 0, &match))
    return 0;
  year = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (year, NULL, 10);
}

/* 编制部门, 单位 and the year, from the rows above the heading and the
 * heading itself. */
static void
read_title_lines (GkXlsxTableSheet *self)
{
  GRegex *unit_name = regex (UNIT_NAME_PATTERN);
  GRegex *money = regex (MONEY_UNIT_PATTERN);
  GRegex *year = regex (YEAR_PATTERN);

  for (guint r = 0; r < self->data_start; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (self->sheet, r, c);
        g_autoptr(GMatchInfo) match = NULL;
        g_autofree char *nfkc = NULL;

        if (cell->covered || gk_xlsx_table_sheet_text (self, r, c) == NULL)
          continue;
        nfkc = g_utf8_normalize (cell->text, -1, G_NORMALIZE_NFKC);
        if (nfkc == NULL)
          continue;
        if (self->unit_name == NULL && g_regex_match (unit_name, cell->text, 0, &match))
          {
            g_autofree char *name = g_match_info_fetch (match, 1);
            g_autofree char *stripped = gk_xlsx_strip (name);
            if (stripped[0] != '\0')
              self->unit_name = g_steal_pointer (&stripped);
          }
        g_clear_pointer (&match, g_match_info_unref);
        if (self->money_unit < 0 && g_regex_match (money, nfkc, 0, &match))
          {
            g_autofree char *a = g_match_info_fetch (match, 1);
            g_autofree char *b = g_match_info_fetch (match, 2);
            const char *u = a && a[0] ? a : b;
            self->money_unit = g_strcmp0 (u, "万元") == 0 ? GK_MONEY_UNIT_WANYUAN : GK_MONEY_UNIT_YUAN;
          }
        g_clear_pointer (&match, g_match_info_unref);
        if (self->year == 0 && r < self->header_start && g_regex_match (year, nfkc, 0, &match))
          {
            g_autofree char *y = g_match_info_fetch (match, 1);
            self->year = (guint) g_ascii_strtoull (y, NULL, 10);
          }
      }
}

/* Which tables the headings fit; the first is the likeliest. */
static GPtrArray *
tables_by_heading (GkXlsxTableSheet *self)
{
  GPtrArray *ids = g_ptr_array_new ();
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint c = 0; c < self->headings->len; c++)
    {
      g_string_append (all, self->headings->pdata[c]);
      g_string_append_c (all, '|');
    }
#define HAS(w) (strstr (all->str, (w)) != NULL)
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
      else if (HAS ("国有资本经营"))
        g_ptr_array_add (ids, (gpointer) "capital-expenditure");
      else
        {
          g_ptr_array_add (ids, (gpointer) "expenditure");
          g_ptr_array_add (ids, (gpointer) "general-expenditure");
          g_ptr_array_add (ids, (gpointer) "fund-expenditure");
        }
    }
#undef HAS
  return ids;
}

static void
recognise (GkXlsxTableSheet *self)
{
  GkTemplate *template = gk_template_get_default ();
  g_autofree char *sheet_name = gk_xlsx_normalize (self->sheet->name);
  g_autoptr(GPtrArray) by_heading = NULL;
  const char *id = NULL;
  guint number = table_number (sheet_name);

  for (guint r = 0; id == NULL && r < self->header_start; r++)
    for (guint c = 0; id == NULL && c < self->n_columns; c++)
      {
        g_autofree char *t = normalized_text (self, r, c);
        id = table_by_title (t);
        if (number == 0)
          number = table_number (t);
      }
  if (id != NULL)
    self->reason = g_strdup (_("recognised by its title"));
  if (id == NULL && (id = table_by_title (sheet_name)) != NULL)
    self->reason = g_strdup (_("recognised by the sheet's name"));

  if (id == NULL)
    {
      by_heading = tables_by_heading (self);
      for (guint i = 0; number > 0 && i < by_heading->len; i++)
        if (gk_template_lookup (template, by_heading->pdata[i]) == gk_template_get_table (template, number - 1))
          id = by_heading->pdata[i];
      if (id == NULL && by_heading->len == 1)
        id = by_heading->pdata[0];
      if (id == NULL && number > 0 && number <= gk_template_get_n_tables (template))
        id = gk_template_get_table (template, number - 1)->id;
      if (id == NULL && by_heading->len > 0)
        id = by_heading->pdata[0];
      if (id != NULL)
        self->reason = g_strdup (number > 0 ? _("recognised by its number and headings")
                                            : _("recognised by its headings"));
    }

  if (id == NULL)
    {
      self->reason = g_strdup (_("no title or headings of the nine tables; ignored"));
      return;
    }
  self->schema = gk_template_lookup (template, id);
}

static void
assign_roles (GkXlsxTableSheet *self)
{
  const GkTableSchema *schema = self->schema;
  gboolean classified = schema->kind == GK_TABLE_KIND_FUNCTION || schema->kind == GK_TABLE_KIND_ECONOMIC ||
                        schema->kind == GK_TABLE_KIND_PROJECTS;
  g_autofree gboolean *taken = g_new0 (gboolean, gk_table_schema_get_n_columns (schema));

  self->roles = g_new0 (GkXlsxRole, MAX (self->n_columns, 1));
  self->amounts = g_new (int, MAX (self->n_columns, 1));
  for (guint c = 0; c < self->n_columns; c++)
    self->amounts[c] = -1;
  if (gk_table_schema_is_summary (schema))
    return;

  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *heading = self->headings->pdata[c];
      const char *leaf = heading_leaf (heading);
      int column;

      if (leaf[0] == '\0')
        continue;
      if (classified)
        {
          if (g_str_equal (leaf, "类"))
            {
              self->roles[c] = GK_XLSX_ROLE_CLASS;
              continue;
            }
          if (g_str_equal (leaf, "款"))
            {
              self->roles[c] = GK_XLSX_ROLE_SECTION;
              continue;
            }
          if (g_str_equal (leaf, "项") && schema->kind != GK_TABLE_KIND_ECONOMIC)
            {
              self->roles[c] = GK_XLSX_ROLE_ITEM;
              continue;
            }
          if (schema->kind == GK_TABLE_KIND_PROJECTS &&
              (strstr (leaf, "项目名称") != NULL || g_str_equal (leaf, "项目")))
            {
              if (gk_xlsx_table_sheet_find_role (self, GK_XLSX_ROLE_PROJECT) < 0)
                self->roles[c] = GK_XLSX_ROLE_PROJECT;
              continue;
            }
          if (strstr (leaf, "编码") != NULL || strstr (leaf, "代码") != NULL || g_str_equal (leaf, "科目号"))
            {
              if (gk_xlsx_table_sheet_find_role (self, GK_XLSX_ROLE_CODE) < 0)
                self->roles[c] = GK_XLSX_ROLE_CODE;
              continue;
            }
          if (strstr (leaf, "名称") != NULL || g_str_equal (leaf, "科目") || g_str_equal (leaf, "项目") ||
              g_str_equal (leaf, "功能分类") || g_str_equal (leaf, "经济分类") || g_str_has_suffix (leaf, "科目"))
            {
              if (gk_xlsx_table_sheet_find_role (self, GK_XLSX_ROLE_NAME) < 0)
                self->roles[c] = GK_XLSX_ROLE_NAME;
              continue;
            }
        }
      column = match_amount_column (schema, leaf);
      /* Two headings under one group (表八's 小计) need the group too. */
      if (column < 0)
        column = match_amount_column (schema, heading);
      if (column >= 0 && !taken[column])
        {
          taken[column] = TRUE;
          self->roles[c] = GK_XLSX_ROLE_AMOUNT;
          self->amounts[c] = column;
        }
    }
}

static void
read_notes (GkXlsxTableSheet *self)
{
  self->notes = g_ptr_array_new_with_free_func (note_free);
  for (guint r = self->data_start; r < self->sheet->n_rows; r++)
    {
      const char *t = first_text (self, r);
      GkXlsxNote *note;
      char *text = NULL;
      gboolean explanation = FALSE;

      if (t == NULL || !is_note_text (t, &text, &explanation))
        continue;
      note = g_new0 (GkXlsxNote, 1);
      note->row = r;
      note->text = text;
      note->explanation = explanation;
      g_ptr_array_add (self->notes, note);
    }
}

GkXlsxTableSheet *
gk_xlsx_table_sheet_new (GkXlsxWorkbook *workbook,
                         GkXlsxSheet    *sheet)
{
  GkXlsxTableSheet *self;

  g_return_val_if_fail (workbook != NULL, NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  self = g_new0 (GkXlsxTableSheet, 1);
  self->workbook = workbook;
  self->sheet = sheet;
  self->money_unit = -1;
  self->n_columns = sheet->n_columns;
  self->label = g_strdup_printf (_("sheet “%s”"), sheet->name);

  if (sheet->n_rows == 0)
    {
      self->reason = g_strdup (_("empty; ignored"));
      return self;
    }
  find_rows (self);
  read_headings (self);
  read_title_lines (self);
  recognise (self);
  if (self->schema == NULL)
    return self;

  g_free (self->label);
  {
    g_autofree char *label = gk_table_schema_dup_label (self->schema);
    g_autofree char *name = gk_xlsx_normalize (sheet->name);
    self->label = g_str_equal (name, label)
                    ? g_strdup (label)
                    : g_strdup_printf (_("%s (sheet “%s”)"), label, sheet->name);
  }
  assign_roles (self);
  read_notes (self);
  return self;
}
