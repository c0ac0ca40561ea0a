/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gk-document-io.h"
#include "gk-narrative.h"

#include "gk-test-common.h"

/* 情况说明 composed from the sample must carry the seed's figures, except
 * where the seed contradicts its own tables. */

static char *
paragraph_text (GPtrArray  *sections,
                const char *id)
{
  const GkParagraph *paragraph = gk_narrative_lookup_paragraph (sections, id);

  if (paragraph == NULL)
    g_error ("no paragraph %s", id);
  return gk_paragraph_dup_text (paragraph);
}

#define assert_paragraph_has(sections, id, needle)                          \
  G_STMT_START {                                                            \
    g_autofree char *text_ = paragraph_text ((sections), (id));             \
    if (strstr (text_, (needle)) == NULL)                                   \
      g_error ("paragraph %s lacks “%s”: %s", (id), (needle), text_);      \
  } G_STMT_END

#define assert_paragraph_lacks(sections, id, needle)                        \
  G_STMT_START {                                                            \
    g_autofree char *text_ = paragraph_text ((sections), (id));             \
    if (strstr (text_, (needle)) != NULL)                                   \
      g_error ("paragraph %s has “%s”: %s", (id), (needle), text_);        \
  } G_STMT_END

static const GkSpan *
find_span (GPtrArray  *sections,
           const char *id,
           const char *source)
{
  const GkParagraph *paragraph = gk_narrative_lookup_paragraph (sections, id);

  g_assert_nonnull (paragraph);
  for (guint i = 0; i < paragraph->spans->len; i++)
    {
      const GkSpan *span = g_ptr_array_index (paragraph->spans, i);
      if (g_strcmp0 (span->source, source) == 0)
        return span;
    }
  return NULL;
}

/* "33.34%" → 3334 */
static gint
parse_percent (const char *text)
{
  g_autofree char *digits = g_strdup (text);
  char *percent = strchr (digits, '%');
  char *point;

  g_assert_nonnull (percent);
  *percent = '\0';
  point = strchr (digits, '.');
  g_assert_nonnull (point);
  g_assert_cmpint (strlen (point + 1), ==, 2);
  return (gint) g_ascii_strtoll (digits, NULL, 10) * 100 + (gint) g_ascii_strtoll (point + 1, NULL, 10);
}

/* The shares written in the paragraphs whose id starts with `prefix`. */
static GArray *
shares_of (GPtrArray  *sections,
           const char *prefix)
{
  GArray *shares = g_array_new (FALSE, FALSE, sizeof (gint));

  for (guint s = 0; s < sections->len; s++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          if (!g_str_has_prefix (paragraph->id, prefix))
            continue;
          for (guint i = 0; i < paragraph->spans->len; i++)
            {
              const GkSpan *span = g_ptr_array_index (paragraph->spans, i);
              if (span->kind == GK_SPAN_FIGURE && g_str_has_suffix (span->source, "/share"))
                {
                  gint bp = parse_percent (span->text);
                  g_array_append_val (shares, bp);
                }
            }
        }
    }
  return shares;
}

static gint
sum_of (GArray *values)
{
  gint sum = 0;

  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, gint, i);
  return sum;
}

static void
set_amount (GkDocument *document,
            const char *table_id,
            const char *code,
            const char *column,
            const char *text)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GkRow *row = gk_table_lookup (table, code);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (row);
  gk_document_set_amount_text (document, row, gk_table_column_index (table, column), text, &error);
  g_assert_no_error (error);
}

static GkRow *
add_row (GkDocument *document,
         const char *table_id,
         const char *code,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  GkTable *table = gk_document_get_table (document, table_id);
  GkRow *row;

  /* A 项 added to one of 表二, 表三 and 表五 is in the others already. */
  if ((row = gk_table_lookup (table, code)) != NULL)
    return row;
  row = gk_document_add_row (document, table, code, name, &error);

  g_assert_no_error (error);
  return row;
}

static void
set_prior (GkDocument *document,
           const char *key,
           const char *amount,
           const char *basis,
           const char *reason)
{
  GkPrior *prior = gk_document_ensure_prior (document, key);
  GkAmount value;

  g_assert_true (gk_amount_parse (amount, GK_AMOUNT_PARSE_DEFAULT, &value, NULL));
  gk_document_set_int (document, prior, "amount", value);
  gk_document_set_text (document, prior, "basis", basis);
  gk_document_set_text (document, prior, "reason", reason);
}

/* Sample ------------------------------------------------------------------- */

static void
test_narrative_sample_text (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  g_autofree char *text = gk_narrative_dup_text (sections);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_test_message ("%s", lines[i]);

  g_assert_cmpuint (sections->len, ==, 10);
  for (guint i = 0; i < sections->len; i++)
    g_assert_cmpuint (((GkNarrativeSection *) sections->pdata[i])->number, ==, i + 1);
}

static void
test_narrative_sample_sections (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  g_autofree char *heading1 = gk_narrative_section_heading (sections->pdata[0]);
  g_autofree char *heading10 = gk_narrative_section_heading (sections->pdata[9]);

  g_assert_cmpstr (heading1, ==, "一、关于乌鲁木齐县人民政府办公室2020年收支预算情况的总体说明");
  g_assert_cmpstr (heading10, ==, "十、其他重要事项的情况说明");

  /* 一 */
  assert_paragraph_has (sections, "s1.total", "收支总预算355.08万元");
  assert_paragraph_has (sections, "s1.income", "收入预算包括：一般公共预算。");
  assert_paragraph_has (sections, "s1.expenditure", "支出预算包括：一般公共服务支出、社会保障和就业支出。");

  /* 二 */
  assert_paragraph_has (sections, "s2.total", "乌鲁木齐县人民政府办公室2020年收入预算355.08万元，其中：");
  assert_paragraph_has (sections, "s2.income.general", "一般公共预算355.08万元，占100.00%，比上年减少79.14万元，下降18.23%，主要原因是今年人员减少，预算经费压减");

  /* 三: the seed prints 80.01% and 19.99%; 284.08 / 355.08 is 80.0045%. */
  assert_paragraph_has (sections, "s3.total", "支出预算355.08万元");
  assert_paragraph_has (sections, "s3.expenditure.basic", "基本支出284.08万元，占80.00%，比上年减少72.40万元");
  assert_paragraph_has (sections, "s3.expenditure.project", "项目支出71.00万元，占20.00%，比上年减少6.43万元");

  /* 四 */
  assert_paragraph_has (sections, "s4.total", "财政拨款收支总预算355.08万元");
  assert_paragraph_has (sections, "s4.income", "收入全部为一般公共预算拨款，无政府性基金预算拨款");
  assert_paragraph_has (sections, "s4.expenditure", "一般公共服务支出336.06万元，社会保障和就业支出19.02万元");

  /* 五 */
  assert_paragraph_has (sections, "s5.structure.201", "一般公共服务支出（类）336.06万元，占94.64%");
  assert_paragraph_has (sections, "s5.structure.208", "社会保障和就业支出（类）19.02万元，占5.36%");
  /* The seed quotes 2010301 with its 款's 336.06; 表五 has 265.06. */
  assert_paragraph_has (sections, "s5.item.2010301",
                        "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）2020年预算数为265.06万元，比上年执行数减少63.60万元，下降19.35%");
  assert_paragraph_has (sections, "s5.item.2010399", "预算数为71.00万元，比上年执行数减少6.43万元，下降8.30%");
  /* The seed prints 32.3%: 9.11 / 28.13 = 32.385%. */
  assert_paragraph_has (sections, "s5.item.2080505",
                        "机关事业单位基本养老保险缴费支出（项）2020年预算数为19.02万元，比上年执行数减少9.11万元，下降32.39%");

  /* 六 */
  assert_paragraph_has (sections, "s6.total", "一般公共预算基本支出284.08万元");
  assert_paragraph_has (sections, "s6.personnel", "人员经费225.55万元，主要包括：基本工资、");
  assert_paragraph_has (sections, "s6.personnel", "其他对个人和家庭的补助");
  assert_paragraph_lacks (sections, "s6.personnel", "办公费");
  assert_paragraph_has (sections, "s6.public", "公用经费58.53万元，主要包括：办公费、");
  assert_paragraph_has (sections, "s6.public", "工会经费");
  assert_paragraph_lacks (sections, "s6.public", "基本工资");

  /* 七 */
  assert_paragraph_has (sections, "s7.project.p1", "项目名称：电子政务工作经费");
  assert_paragraph_has (sections, "s7.project.p5.scale", "预算安排规模：40.00万元");
  assert_paragraph_has (sections, "s7.project.p2.owner", "项目承担单位：县电子政务办");
  assert_paragraph_has (sections, "s7.project.p3.period", "资金执行时间：2020年1月至2020年12月");
  assert_paragraph_has (sections, "s7.subsidy", "乌鲁木齐县人民政府办公室2020年项目支出中无对个人和家庭的补助。");

  /* 八 */
  assert_paragraph_has (sections, "s8.total", "“三公”经费财政拨款预算数为49.05万元");
  assert_paragraph_has (sections, "s8.total", "公务用车运行费48.60万元，公务接待费0.45万元");
  assert_paragraph_has (sections, "s8.change", "比上年增加4.15万元");
  assert_paragraph_has (sections, "s8.change", "公务用车运行费比上年增加4.20万元，增长9.46%");
  assert_paragraph_has (sections, "s8.change", "公务接待费比上年减少0.05万元，下降10.00%");

  /* 九 */
  assert_paragraph_has (sections, "s9.empty",
                        "乌鲁木齐县人民政府办公室2020年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。");

  /* 十 */
  assert_paragraph_has (sections, "s10.running", "机关运行经费财政拨款预算58.53万元，比上年预算数增加2.44万元，增长4.35%");
  assert_paragraph_has (sections, "s10.running", "及下属0家行政单位和0家事业单位");
  assert_paragraph_has (sections, "s10.procurement", "政府采购预算7.00万元，其中：政府采购货物预算7.00万元");
  assert_paragraph_has (sections, "s10.assets.vehicles", "车辆3辆，价值90.00万元");
  assert_paragraph_has (sections, "s10.assets.vehicles", "一般公务用车3辆，价值90.00万元");
  assert_paragraph_has (sections, "s10.assets.furniture", "7.92万元");
  assert_paragraph_has (sections, "s10.assets.other", "320.30万元");
  assert_paragraph_has (sections, "s10.assets.equipment", "单位价值50万元以上大型设备1台（套）");
  assert_paragraph_has (sections, "s10.performance", "实行绩效管理的项目6个，涉及预算金额71.00万元");
  assert_paragraph_has (sections, "s10.other", "无其他需说明的事项。");
}

static void
test_narrative_sample_spans (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  const GkSpan *span;
  guint performance = 0;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  span = find_span (sections, "s2.income.general", "prior/income.general/reason");
  g_assert_nonnull (span);
  g_assert_cmpint (span->kind, ==, GK_SPAN_TYPED);
  g_assert_cmpstr (span->text, ==, "今年人员减少，预算经费压减");

  span = find_span (sections, "s7.project.p1.basis", "project/p1/basis");
  g_assert_nonnull (span);
  g_assert_cmpint (span->kind, ==, GK_SPAN_TYPED);

  span = find_span (sections, "s3.expenditure.basic", "expenditure/total/basic");
  g_assert_nonnull (span);
  g_assert_cmpint (span->kind, ==, GK_SPAN_FIGURE);
  g_assert_cmpstr (span->text, ==, "284.08");

  span = find_span (sections, "s1.total", "document/unit");
  g_assert_nonnull (span);
  g_assert_cmpint (span->kind, ==, GK_SPAN_FIGURE);

  /* Every figure and name has a source, every id is unique, and the sample
   * is complete: nothing is missing. */
  for (guint s = 0; s < sections->len; s++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          g_assert_true (g_hash_table_add (ids, paragraph->id));
          if (paragraph->style == GK_PARAGRAPH_PERFORMANCE)
            {
              g_assert_nonnull (paragraph->project);
              g_assert_cmpuint (paragraph->spans->len, ==, 0);
              performance++;
            }
          for (guint i = 0; i < paragraph->spans->len; i++)
            {
              const GkSpan *sp = g_ptr_array_index (paragraph->spans, i);

              g_assert_cmpint (sp->kind, !=, GK_SPAN_MISSING);
              if (sp->kind == GK_SPAN_TEXT)
                g_assert_null (sp->source);
              else
                g_assert_nonnull (sp->source);
            }
        }
    }
  g_assert_cmpuint (performance, ==, 6);
}

/* Shares ------------------------------------------------------------------- */

/* Three 类 of equal size: rounding each gives 33.33% three times (99.99%). */
static void
test_narrative_shares_equal_classes (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);
  static const char * const codes[] = { "2010301", "2050201", "2080505" };
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GArray) shares = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      add_row (document, "general-expenditure", codes[i], NULL);
      set_amount (document, "general-expenditure", codes[i], "basic", "1.00");
    }
  sections = gk_narrative_compose (document);
  shares = shares_of (sections, "s5.structure.");
  g_assert_cmpuint (shares->len, ==, 3);
  g_assert_cmpint (sum_of (shares), ==, 10000);
  g_assert_cmpint (g_array_index (shares, gint, 0), ==, 3334);
  g_assert_cmpint (g_array_index (shares, gint, 1), ==, 3333);
  g_assert_cmpint (g_array_index (shares, gint, 2), ==, 3333);
}

/* 1/3 and 2/3 of the income, by source: 33.33 + 66.67. And 基本/项目 in thirds. */
static void
test_narrative_shares_thirds (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GArray) income = NULL;
  g_autoptr(GArray) expenditure = NULL;

  add_row (document, "income", "2010301", NULL);
  set_amount (document, "income", "2010301", "general", "1.00");
  set_amount (document, "income", "2010301", "fund", "1.00");
  set_amount (document, "income", "2010301", "business", "1.00");
  add_row (document, "expenditure", "2010301", NULL);
  set_amount (document, "expenditure", "2010301", "basic", "0.02");
  set_amount (document, "expenditure", "2010301", "project", "0.01");

  sections = gk_narrative_compose (document);
  income = shares_of (sections, "s2.income.");
  g_assert_cmpuint (income->len, ==, 3);
  g_assert_cmpint (sum_of (income), ==, 10000);
  expenditure = shares_of (sections, "s3.expenditure.");
  g_assert_cmpuint (expenditure->len, ==, 2);
  g_assert_cmpint (g_array_index (expenditure, gint, 0), ==, 6667);
  g_assert_cmpint (g_array_index (expenditure, gint, 1), ==, 3333);
}

/* Many small 类 beside a large one: each rounds down, and the remainders
 * add up to several hundredths of a percent. */
static void
test_narrative_shares_many_tiny (void)
{
  static const char * const classes[] = {
    "201", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213",
    "214", "215", "216", "217", "219", "220", "221", "222", "224", "227", "229",
  };
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GArray) shares = NULL;
  gint naive = 0;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      g_autofree char *code = g_strconcat (classes[i], "99", "99", NULL);
      add_row (document, "general-expenditure", code, "其他");
      set_amount (document, "general-expenditure", code, "basic", i == 0 ? "997.00" : "0.07");
    }
  sections = gk_narrative_compose (document);
  shares = shares_of (sections, "s5.structure.");
  g_assert_cmpuint (shares->len, ==, G_N_ELEMENTS (classes));
  g_assert_cmpint (sum_of (shares), ==, 10000);

  /* The case really breaks independent rounding. */
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      double part = (i == 0 ? 99700.0 : 7.0) / (99700.0 + 7.0 * (G_N_ELEMENTS (classes) - 1));
      naive += (gint) (part * 10000 + 0.5);
    }
  g_assert_cmpint (naive, !=, 10000);
}

/* Changes ------------------------------------------------------------------ */

static GkDocument *
document_with_basic (const char *basic)
{
  GkDocument *document = gk_document_new_blank ("测试单位", 2020, GK_MONEY_UNIT_WANYUAN);

  add_row (document, "expenditure", "2010301", NULL);
  set_amount (document, "expenditure", "2010301", "basic", basic);
  return document;
}

/* 200 against 100 is +100%; against this year's base it would be +50%. */
static void
test_narrative_change_base (void)
{
  g_autoptr(GkDocument) document = document_with_basic ("200.00");
  g_autoptr(GPtrArray) up = NULL;
  g_autoptr(GPtrArray) down = NULL;

  set_prior (document, "expenditure.basic", "100.00", "budget", "人员增加");
  up = gk_narrative_compose (document);
  assert_paragraph_has (up, "s3.expenditure.basic", "比上年增加100.00万元，增长100.00%，主要原因是人员增加");

  set_prior (document, "expenditure.basic", "400.00", "budget", "人员减少");
  down = gk_narrative_compose (document);
  assert_paragraph_has (down, "s3.expenditure.basic", "比上年减少200.00万元，下降50.00%，主要原因是人员减少");
}

static void
test_narrative_change_zero_prior (void)
{
  g_autoptr(GkDocument) document = document_with_basic ("5.00");
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) flat = NULL;

  set_prior (document, "expenditure.basic", "0.00", "budget", "新增人员");
  sections = gk_narrative_compose (document);
  assert_paragraph_has (sections, "s3.expenditure.basic", "比上年增加5.00万元，主要原因是新增人员");
  assert_paragraph_lacks (sections, "s3.expenditure.basic", "增长");
  g_assert_null (find_span (sections, "s3.expenditure.basic", "prior/expenditure.basic/percent"));

  /* Nothing either year: 持平, without a reason to give. */
  set_prior (document, "expenditure.project", "0.00", "budget", "");
  flat = gk_narrative_compose (document);
  assert_paragraph_has (flat, "s3.expenditure.project", "项目支出0.00万元，占0.00%，与上年持平。");
}

static void
test_narrative_change_missing (void)
{
  g_autoptr(GkDocument) document = document_with_basic ("5.00");
  g_autoptr(GPtrArray) without_prior = gk_narrative_compose (document);
  g_autoptr(GPtrArray) without_reason = NULL;
  g_autoptr(GPtrArray) with_reason = NULL;
  const GkSpan *span;

  span = find_span (without_prior, "s3.expenditure.basic", "prior/expenditure.basic/amount");
  g_assert_nonnull (span);
  g_assert_cmpint (span->kind, ==, GK_SPAN_MISSING);
  g_assert_cmpstr (span->text, ==, "（上年数未填写）");

  set_prior (document, "expenditure.basic", "4.00", "budget", NULL);
  without_reason = gk_narrative_compose (document);
  span = find_span (without_reason, "s3.expenditure.basic", "prior/expenditure.basic/reason");
  g_assert_nonnull (span);
  g_assert_cmpint (span->kind, ==, GK_SPAN_MISSING);
  g_assert_cmpstr (span->text, ==, "（原因未填写）");
  g_assert_null (find_span (without_reason, "s3.expenditure.basic", "prior/expenditure.basic/amount"));

  /* A reason typed with its lead-in and full stop reads once. */
  set_prior (document, "expenditure.basic", "4.00", "budget", "主要原因是人员增加。");
  with_reason = gk_narrative_compose (document);
  span = find_span (with_reason, "s3.expenditure.basic", "prior/expenditure.basic/reason");
  g_assert_nonnull (span);
  g_assert_cmpint (span->kind, ==, GK_SPAN_TYPED);
  g_assert_cmpstr (span->text, ==, "人员增加");
}

/* Edits -------------------------------------------------------------------- */

static void
test_narrative_project_renamed (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkProject *project = gk_document_lookup_project (document, "p3");
  g_autoptr(GPtrArray) before = gk_narrative_compose (document);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *text = NULL;

  assert_paragraph_has (before, "s7.project.p3", "文印及材料费");
  gk_document_set_text (document, project, "name", "文印及耗材费");
  after = gk_narrative_compose (document);
  assert_paragraph_has (after, "s7.project.p3", "项目名称：文印及耗材费");
  text = gk_narrative_dup_text (after);
  g_assert_null (strstr (text, "文印及材料费"));
  g_assert_nonnull (strstr (text, "[项目支出绩效目标表：文印及耗材费]"));
}

static void
test_narrative_item_amount_changed (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) undone = NULL;

  set_amount (document, "general-expenditure", "2010301", "basic", "300.00");
  sections = gk_narrative_compose (document);
  assert_paragraph_has (sections, "s5.item.2010301", "2020年预算数为300.00万元，比上年执行数减少28.66万元，下降8.72%");
  assert_paragraph_has (sections, "s5.structure.201", "一般公共服务支出（类）371.00万元");
  assert_paragraph_has (sections, "s5.scale", "一般公共预算当年拨款390.02万元");

  g_assert_true (gk_document_undo (document));
  undone = gk_narrative_compose (document);
  assert_paragraph_has (undone, "s5.item.2010301", "预算数为265.06万元");
}

static void
test_narrative_ids_stable (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) sections = NULL;

  /* Removing the first project and adding a 项 moves positions, not ids. */
  gk_document_list_remove (document, gk_document_get_projects (document), 0);
  add_row (document, "general-expenditure", "2010350", NULL);
  set_amount (document, "general-expenditure", "2010350", "basic", "1.00");
  sections = gk_narrative_compose (document);
  g_assert_null (gk_narrative_lookup_paragraph (sections, "s7.project.p1"));
  assert_paragraph_has (sections, "s7.project.p2", "（一）项目名称：网站维护");
  assert_paragraph_has (sections, "s5.item.2010301", "行政运行（项）");
  assert_paragraph_has (sections, "s5.item.2010350", "预算数为1.00万元");
  assert_paragraph_has (sections, "s10.performance", "项目5个，涉及预算金额66.00万元");
}

/* Hand-written paragraphs -------------------------------------------------- */

static void
test_narrative_hand_written (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GPtrArray) undone = NULL;
  g_autoptr(GPtrArray) restored = NULL;
  const GkParagraph *paragraph;
  const GkSpan *span;
  const char *text = "支出预算包括：一般公共服务支出，主要用于人员的基本工资以及日常公用经费支出。";

  gk_document_set_hand_written (document, "s4.expenditure", text);
  g_assert_cmpstr (gk_explanation_get_hand_written (gk_document_get_explanation (document), "s4.expenditure"), ==, text);
  written = gk_narrative_compose (document);
  paragraph = gk_narrative_lookup_paragraph (written, "s4.expenditure");
  g_assert_true (paragraph->hand_written);
  g_assert_cmpuint (paragraph->spans->len, ==, 1);
  span = g_ptr_array_index (paragraph->spans, 0);
  g_assert_cmpint (span->kind, ==, GK_SPAN_TYPED);
  g_assert_cmpstr (span->text, ==, text);
  g_assert_false (gk_narrative_lookup_paragraph (written, "s4.income")->hand_written);

  g_assert_true (gk_document_undo (document));
  undone = gk_narrative_compose (document);
  g_assert_false (gk_narrative_lookup_paragraph (undone, "s4.expenditure")->hand_written);
  assert_paragraph_has (undone, "s4.expenditure", "一般公共服务支出336.06万元");

  g_assert_true (gk_document_redo (document));
  gk_document_set_hand_written (document, "s4.expenditure", NULL);
  restored = gk_narrative_compose (document);
  g_assert_false (gk_narrative_lookup_paragraph (restored, "s4.expenditure")->hand_written);
  g_assert_null (gk_explanation_get_hand_written (gk_document_get_explanation (document), "s4.expenditure"));
}

static void
test_narrative_hand_written_file (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GkDocument) reloaded = NULL;
  g_autoptr(GBytes) plain = gk_document_serialize (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  const char *data;
  gsize size;

  data = g_bytes_get_data (plain, &size);
  g_assert_null (g_strstr_len (data, size, "hand-written"));

  gk_document_set_hand_written (document, "s9.empty", "本单位无政府性基金预算拨款。");
  gk_document_set_hand_written (document, "s1.total", "收支总预算355.08万元。");
  bytes = gk_document_serialize (document);
  data = g_bytes_get_data (bytes, &size);
  g_assert_nonnull (g_strstr_len (data, size, "\"hand-written\""));
  /* Sorted by id, whatever the order of the edits. */
  g_assert_true (g_strstr_len (data, size, "\"s1.total\"") < g_strstr_len (data, size, "\"s9.empty\""));

  reloaded = gk_document_load_from_data (data, size, &error);
  g_assert_no_error (error);
  ids = gk_explanation_dup_hand_written_ids (gk_document_get_explanation (reloaded));
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "s1.total");
  g_assert_cmpstr (gk_explanation_get_hand_written (gk_document_get_explanation (reloaded), "s9.empty"), ==,
                   "本单位无政府性基金预算拨款。");
  again = gk_document_serialize (reloaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_narrative_hand_written_invalid (void)
{
  static const char *file =
    "{ \"format\": \"gongkai-disclosure\", \"version\": 1, \"unit\": \"测试\", \"year\": 2020,"
    "  \"money-unit\": \"万元\", \"explanation\": { \"hand-written\": { \"s1.total\": 5 } } }";
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_from_data (file, -1, &error);

  g_assert_null (document);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.explanation.hand-written.s1.total"));
}

/* Other cases -------------------------------------------------------------- */

static void
test_narrative_blank_document (void)
{
  g_autoptr(GkDocument) document = gk_document_new_blank ("测试单位", 2021, GK_MONEY_UNIT_YUAN);
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);

  g_assert_cmpuint (sections->len, ==, 10);
  assert_paragraph_has (sections, "s1.total", "测试单位2021年所有收入和支出");
  assert_paragraph_has (sections, "s1.total", "收支总预算0.00元。");
  assert_paragraph_has (sections, "s7.none", "未安排项目支出");
  assert_paragraph_has (sections, "s9.empty", "测试单位2021年没有使用政府性基金预算拨款安排的支出");
  assert_paragraph_has (sections, "s10.assets", "截至2020年底");
  assert_paragraph_has (sections, "s10.performance", "2021年度无实行绩效管理的项目");
}

static void
test_narrative_subsidy_projects (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkProject *project = gk_document_lookup_project (document, "p4");
  GkRow *row = gk_project_get_row (project);
  GkTable *t7 = gk_document_get_table (document, "project-expenditure");
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GError) error = NULL;

  gk_document_set_amount_text (document, row, gk_table_column_index (t7, "e303"), "1.50", &error);
  g_assert_no_error (error);
  sections = gk_narrative_compose (document);
  assert_paragraph_has (sections, "s7.subsidy", "2020年项目支出中对个人和家庭的补助1.50万元，涉及项目：县信联办及县群众信访服务中心业务办公经费。");
  assert_paragraph_has (sections, "s10.performance", "涉及预算金额72.50万元");
}

static void
test_narrative_document_finalized (void)
{
  GkDocument *document = gk_test_load_sample ();
  GPtrArray *sections = gk_narrative_compose (document);

  g_ptr_array_unref (sections);
  g_assert_finalize_object (document);
}

/* What is kept from one composition to the next reads as a composition
 * from nothing would, after each kind of edit a project's paragraphs
 * follow; and a hand-written or switched-off paragraph does not change
 * the one kept for later. */
static char *
composed_text (GkDocument *document)
{
  g_autoptr(GPtrArray) sections = gk_narrative_compose_all (document);
  GString *text = g_string_new (NULL);

  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          g_autofree char *line = gk_paragraph_dup_text (paragraph);

          g_string_append_printf (text, "%s%s%s|%s\n", paragraph->id, paragraph->off ? " off" : "",
                                  paragraph->hand_written ? " hand" : "", line);
        }
    }
  return g_string_free (text, FALSE);
}

static void
assert_as_fresh (GkDocument *document)
{
  g_autofree char *kept = NULL;
  g_autofree char *fresh = NULL;
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);
  g_autofree char *kept_plain = gk_narrative_dup_text (sections);
  g_autofree char *fresh_plain = NULL;

  kept = composed_text (document);
  g_object_set_data (G_OBJECT (document), "gk-narrative-memos", NULL);
  fresh = composed_text (document);
  g_clear_pointer (&sections, g_ptr_array_unref);
  g_object_set_data (G_OBJECT (document), "gk-narrative-memos", NULL);
  sections = gk_narrative_compose (document);
  fresh_plain = gk_narrative_dup_text (sections);
  g_assert_cmpstr (kept, ==, fresh);
  g_assert_cmpstr (kept_plain, ==, fresh_plain);
}

static void
test_narrative_kept_paragraphs (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkProject *project = gk_document_lookup_project (document, "p3");
  GkRow *row = gk_project_get_row (project);
  int e302 = gk_table_column_index (gk_row_get_table (row), "e302");
  g_autoptr(GPtrArray) before = gk_narrative_compose (document);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  const GkParagraph *kept;

  /* A figure: the project's scale, and only its paragraphs, are new. */
  g_assert_true (gk_document_set_amount_text (document, row, e302, "4321.09", &error));
  g_assert_no_error (error);
  after = gk_narrative_compose (document);
  kept = gk_narrative_lookup_paragraph (after, "s7.project.p1.basis");
  g_assert_true (kept == gk_narrative_lookup_paragraph (before, "s7.project.p1.basis"));
  g_assert_false (gk_narrative_lookup_paragraph (after, "s7.project.p3.scale") ==
                  gk_narrative_lookup_paragraph (before, "s7.project.p3.scale"));
  assert_as_fresh (document);

  /* Typed fields, a hand-written and a switched-off paragraph, undone. */
  gk_document_set_text (document, project, "basis", "新的政策依据");
  assert_as_fresh (document);
  gk_document_set_text (document, project, "name", "");
  assert_as_fresh (document);
  gk_document_set_hand_written (document, "s7.project.p1.owner", "由办公室承担。");
  assert_as_fresh (document);
  gk_document_set_paragraph_off (document, "s7.project.p1.period", TRUE);
  assert_as_fresh (document);
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_document_undo (document));
  assert_as_fresh (document);
  assert_paragraph_has (before, "s7.project.p1.owner", "项目承担单位：");

  /* A project gone: the numbers after it move up. */
  gk_document_list_remove (document, gk_document_get_projects (document), 0);
  assert_as_fresh (document);
  g_assert_true (gk_document_undo (document));
  assert_as_fresh (document);

  /* The unit 情况说明 states money in. */
  g_assert_true (gk_document_convert_money_unit (document, GK_MONEY_UNIT_YUAN, NULL, &error));
  g_assert_no_error (error);
  assert_as_fresh (document);
}

int
main (int   argc,
      char *argv[])
{
  /* g_test_message() prints the composed Chinese text in the locale's
   * charset. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/narrative/sample/text", test_narrative_sample_text);
  g_test_add_func ("/narrative/sample/sections", test_narrative_sample_sections);
  g_test_add_func ("/narrative/sample/spans", test_narrative_sample_spans);
  g_test_add_func ("/narrative/shares/equal-classes", test_narrative_shares_equal_classes);
  g_test_add_func ("/narrative/shares/thirds", test_narrative_shares_thirds);
  g_test_add_func ("/narrative/shares/many-tiny", test_narrative_shares_many_tiny);
  g_test_add_func ("/narrative/change/base", test_narrative_change_base);
  g_test_add_func ("/narrative/change/zero-prior", test_narrative_change_zero_prior);
  g_test_add_func ("/narrative/change/missing", test_narrative_change_missing);
  g_test_add_func ("/narrative/edit/project-renamed", test_narrative_project_renamed);
  g_test_add_func ("/narrative/edit/item-amount", test_narrative_item_amount_changed);
  g_test_add_func ("/narrative/edit/ids-stable", test_narrative_ids_stable);
  g_test_add_func ("/narrative/edit/kept-paragraphs", test_narrative_kept_paragraphs);
  g_test_add_func ("/narrative/hand-written/edit", test_narrative_hand_written);
  g_test_add_func ("/narrative/hand-written/file", test_narrative_hand_written_file);
  g_test_add_func ("/narrative/hand-written/invalid", test_narrative_hand_written_invalid);
  g_test_add_func ("/narrative/blank", test_narrative_blank_document);
  g_test_add_func ("/narrative/subsidy", test_narrative_subsidy_projects);
  g_test_add_func ("/narrative/finalize", test_narrative_document_finalized);

  return g_test_run ();
}
