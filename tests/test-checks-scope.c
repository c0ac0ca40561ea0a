/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-checker-private.h"
#include "gk-document-private.h"
#include "gk-narrative.h"
#include "gk-test-findings.h"

/* What a figure in a typed sentence is of, and how sure the reader is:
 * last year's figure said on the way to this year's change, an item's own
 * 其中, a name the reader does not know, a year that is not the budget
 * year, a template's blanks, and a 绩效目标表 left half filled. Each correct
 * sentence gives no finding of its rule; each broken one gives one, an
 * error only where the reader is sure. */

static void
set_cell (GkDocument *document,
          const char *table_id,
          const char *code,
          const char *column,
          const char *text)
{
  GkTable *table = gk_document_get_table (document, table_id);
  g_autoptr(GError) error = NULL;
  GkRow *row = NULL;

  if (code == NULL)
    row = gk_table_get_single_row (table);
  else if ((row = gk_table_lookup (table, code)) == NULL)
    /* One table at a time: the fixture fills 表二 as it needs. */
    row = gk_document_add_row_in (document, table, code, NULL, &error);
  g_assert_no_error (error);
  gk_document_set_amount_text (document, row, gk_table_column_index (table, column), text, &error);
  g_assert_no_error (error);
}

/* 表五 by two 项 (100 and 20), 表八 502.4 (last year 517), one project. */
static GkDocument *
document_new (void)
{
  GkDocument *document = gk_document_new_blank ("测试单位", 2022, GK_MONEY_UNIT_WANYUAN);
  GkExplanation *explanation = gk_document_get_explanation (document);
  g_autoptr(GkIndicator) indicator = gk_indicator_new ("产出指标", "数量指标", "开展培训", "2次");
  GkProject *project;

  g_object_set (document, "date", "2022-02-03", NULL);
  gk_document_set_int (document, explanation, "planned-vehicles", 1);
  for (guint i = 0; i < 2; i++)
    {
      const char *t = i == 0 ? "expenditure" : "general-expenditure";
      set_cell (document, t, "2010301", "basic", "80.00");
      set_cell (document, t, "2010301", "project", "20.00");
      set_cell (document, t, "2080505", "basic", "20.00");
    }
  set_cell (document, "sangong", NULL, "abroad", "0.00");
  set_cell (document, "sangong", NULL, "vehicle-purchase", "100.00");
  set_cell (document, "sangong", NULL, "vehicle-operation", "400.00");
  set_cell (document, "sangong", NULL, "reception", "2.40");
  gk_test_set_prior (document, "sangong.total", 51700);
  gk_test_set_prior (document, "sangong.abroad", 0);
  gk_test_set_prior (document, "sangong.vehicle-purchase", 10000);
  gk_test_set_prior (document, "sangong.vehicle-operation", 40000);
  gk_test_set_prior (document, "sangong.reception", 1700);

  project = gk_document_add_project (document, "测试项目", "2010301");
  gk_document_set_amount_text (document, gk_project_get_row (project),
                               gk_table_column_index (gk_document_get_table (document, "project-expenditure"), "e302"),
                               "20.00", NULL);
  gk_document_set_text (document, project, "basis", "按照有关文件。");
  gk_document_set_text (document, project, "owner", "测试单位");
  gk_document_set_text (document, project, "goal", "完成培训。");
  gk_document_list_insert (document, gk_project_get_indicators (project), 0, indicator);
  return document;
}

typedef struct
{
  const char *rule;
  const char *id;
  const char *text;
  gboolean    fires;
} Case;

static const Case cases[] = {
  /* 绵竹 2025: 2190 is last year's figure, on the way to the change. */
  { "narrative.figure", "s8.total",
    "2022年“三公”经费预算总额为502.4万元，较2021年的517万元减少14.6万元，下降2.82%，主要原因是压缩开支。", FALSE },
  { "narrative.figure", "s8.total",
    "2022年“三公”经费预算总额为502.4万元，比上年的517万元减少14.6万元，下降2.82%，主要原因是压缩开支。", FALSE },
  { "narrative.figure", "s8.total",
    "2022年“三公”经费预算总额为502.4万元，较2021年的517万元减少15.6万元，下降2.82%，主要原因是压缩开支。", TRUE },
  /* The budget year's own figure is this year's. */
  { "narrative.figure", "s8.total", "“三公”经费预算较2022年的529万元。", TRUE },
  /* An item's own 其中 is not the whole 基本支出. */
  { "narrative.figure", "s5.item.2010301",
    "1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）2022年预算数为100万元，其中：基本支出85万元，项目支出20万元。",
    TRUE },
  /* A name the reader does not know is no one's: not the “三公” total's. */
  { "narrative.figure", "s8.total", "“三公”经费预算502.4万元，其中：会议费3万元，培训费5万元。", FALSE },
  /* 鹤山 2018: the bracket names what the list before it is called. */
  { "narrative.figure", "s8.total",
    "出国（境）经费、车辆购置及运行费、公务接待费（简称“三公”经费）支出合计502.4万元。", FALSE },
  { "narrative.figure", "s8.total",
    "出国（境）经费、车辆购置及运行费、公务接待费（简称“三公”经费）支出合计503.4万元。", TRUE },
  /* A bare 持平 in a sentence that names nothing is not the total's. */
  { "narrative.change-word", "s8.change",
    "“三公”经费502.4万元，比上年减少14.6万元，主要原因是压缩开支。公务用车运行维护费400万元；与上年持平，原因：车辆无变动。",
    FALSE },
  /* 湖南 2016: a figure in 亿元 states every amount that rounds to it. */
  { "narrative.figure", "s8.total", "2022年“三公”经费预算为0.05亿元。", FALSE },
  { "narrative.figure", "s8.total", "2022年“三公”经费预算为0.06亿元。", TRUE },
  /* A year compared with is not the budget year. */
  { "format.consistency", "s8.change", "与2021年预算相比，“三公”经费减少14.6万元，主要原因是压缩开支。", FALSE },
  { "format.consistency", "s8.change", "“三公”经费支出不超过2021年水平。", FALSE },
  /* Traditional characters, changes read as in simplified ones. */
  { "narrative.figure", "s8.change", "“三公”經費502.4萬元，比上年減少14.6萬元，下降2.82%，主要原因是接待費減少。", FALSE },
  { "narrative.change-word", "s8.change", "“三公”經費502.4萬元，比上年減少14.6萬元，下降2.82%，主要原因是接待費減少。", FALSE },
  { "narrative.figure", "s8.change", "“三公”經費502.4萬元，比上年減少15萬元，主要原因是接待費減少。", TRUE },
  /* 鄂尔多斯 2022: the percentage of a wrong change is wrong too. */
  { "narrative.change-percent", "s8.change", "公务接待费2.4万元，比上年减少14万元，下降82.35%，主要原因是压缩开支。", TRUE },
  { "narrative.change-percent", "s8.change", "公务接待费2.4万元，比上年减少14.6万元，下降85.88%，主要原因是压缩开支。", FALSE },
  /* 湛江 2017: a template's blanks. */
  { "format.placeholder", "s8.total", "其中：因公出国（境）费 0 万元，占 %，比上年减少 万元。", TRUE },
  { "format.placeholder", "s8.total", "其中：因公出国（境）费 0 万元，与上年持平。金额单位：万元。", FALSE },
  /* Shares of 支出总预算 worded as published. */
  { "narrative.shares", "s5.scale", "基本支出100万元，占支出总预算的83.33%；项目支出20万元，占支出总预算的16.67%。", FALSE },
  { "narrative.shares", "s5.scale", "基本支出100万元，占支出总预算的84.33%；项目支出20万元，占支出总预算的16.67%。", TRUE },
  /* A reason against the direction of the change. */
  { "narrative.reason-direction", "s8.change", "公务接待费2.4万元，比上年减少14.6万元，主要原因是本年接待任务增加。", TRUE },
};

static guint
count_rule (GkChecker  *checker,
            const char *rule,
            guint      *errors)
{
  guint found = 0;

  *errors = 0;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

      g_test_message ("%s %s", gk_finding_get_rule_id (finding), gk_finding_get_message (finding));
      if (!g_str_equal (gk_finding_get_rule_id (finding), rule))
        continue;
      found++;
      if (gk_finding_get_severity (finding) == GK_CHECK_SEVERITY_ERROR)
        (*errors)++;
    }
  return found;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GkDocument) document = document_new ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  guint errors;

  gk_document_set_hand_written (document, c->id, c->text);
  gk_checker_update (checker);
  if (c->fires)
    g_assert_cmpuint (count_rule (checker, c->rule, &errors), >, 0);
  else
    g_assert_cmpuint (count_rule (checker, c->rule, &errors), ==, 0);
}

/* "增加0万元" for no change is the right figure in the wrong word: a
 * warning; "增加1万元" for no change is a wrong figure, an error. */
static void
test_zero_change_is_warning (void)
{
  g_autoptr(GkDocument) document = document_new ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  guint errors;

  gk_document_set_hand_written (document, "s8.change", "因公出国（境）费0万元，比上年增加0万元。");
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "narrative.change-word", &errors), ==, 1);
  g_assert_cmpuint (errors, ==, 0);

  gk_document_set_hand_written (document, "s8.change", "因公出国（境）费0万元，比上年增加1万元，主要原因是出访增加。");
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "narrative.figure", &errors), ==, 1);
  g_assert_cmpuint (errors, ==, 1);
}

/* A 绩效目标表 with rows but nothing in them, and one without its 立项依据,
 * 实施主体 or 年度目标. */
static void
test_performance_half_filled (void)
{
  g_autoptr(GkDocument) document = document_new ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);
  g_autoptr(GkProject) project = g_list_model_get_item (gk_document_get_projects (document), 0);
  g_autoptr(GkIndicator) blank = gk_indicator_new ("产出指标", "质量指标", "", "");
  guint errors;

  g_assert_cmpuint (count_rule (checker, "explanation.performance", &errors), ==, 0);

  gk_document_set_text (document, project, "owner", "");
  gk_document_set_text (document, project, "goal", " ");
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "explanation.performance", &errors), ==, 2);
  g_assert_cmpuint (errors, ==, 0);

  gk_document_set_text (document, project, "owner", "测试单位");
  gk_document_set_text (document, project, "goal", "完成培训。");
  gk_document_list_remove (document, gk_project_get_indicators (project), 0);
  gk_document_list_insert (document, gk_project_get_indicators (project), 0, blank);
  gk_checker_update (checker);
  g_assert_cmpuint (count_rule (checker, "explanation.performance", &errors), ==, 1);
  g_assert_cmpuint (errors, ==, 1);
}

/* The budget words of a page mirrored in traditional characters read as
 * the simplified ones; other characters pass unchanged. */
static void
test_traditional (void)
{
  g_autofree char *words = gk_check_normalize ("預算 經費 購車 輛 萬元 增長 減少 撥款 項目 績效 採購 國有資產");
  g_autofree char *other = gk_check_normalize ("乌鲁木齐县 2022年 100.00万元");

  g_assert_cmpstr (words, ==, "预算经费购车辆万元增长减少拨款项目绩效采购国有资产");
  g_assert_cmpstr (other, ==, "乌鲁木齐县2022年100.00万元");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/checks-scope/%s/%u", cases[i].rule, i);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/checks-scope/zero-change-is-warning", test_zero_change_is_warning);
  g_test_add_func ("/checks-scope/performance-half-filled", test_performance_half_filled);
  g_test_add_func ("/checks-scope/traditional", test_traditional);
  return g_test_run ();
}
