/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-check.h"

/* The order here is the order of the documentation and of `--check --json`'s
 * rule list; identifiers never change once published, since users filter
 * on them in scripts. */
static const GkCheckRule rules[] = {
  /* Within a table */
  { "table.subtotal", GK_CHECK_SEVERITY_ERROR,
    N_("Subtotal does not add up"),
    N_("A 类 equals the sum of its 款, a 款 the sum of its 项 (or projects), in every amount column.") },
  { "table.row-total", GK_CHECK_SEVERITY_ERROR,
    N_("Row total does not add up"),
    N_("A row's total equals the sum of its parts: 收入总表 总计 = the sources, 支出总表、一般公共预算支出表、政府性基金支出表 合计 = 基本 + 项目, 基本支出表 总计 = 人员 + 公用, 项目支出表 合计 = the economic columns, “三公”经费表 合计 = 出国 + 公车 + 接待 and 公车小计 = 购置 + 运行.") },
  { "table.grand-total", GK_CHECK_SEVERITY_ERROR,
    N_("合计 row does not add up"),
    N_("The 合计 row equals the sum of the 类 rows.") },
  { "table.stated", GK_CHECK_SEVERITY_ERROR,
    N_("Printed figure does not add up"),
    N_("In a document imported from a published PDF, each subtotal, 合计 and summary line as printed equals what the figures under it add up to.") },
  { "basic.personnel-public", GK_CHECK_SEVERITY_ERROR,
    N_("人员经费 or 公用经费 on the wrong row"),
    N_("In 基本支出表, 人员经费 is the whole of the 301 and 303 rows and 公用经费 the whole of the others.") },

  /* 部门决算 */
  { "final.balance", GK_CHECK_SEVERITY_ERROR,
    N_("决算总表 does not balance"),
    N_("On 收入支出决算总表 and 财政拨款收入支出决算总表, 总计 of income equals 总计 of expenditure.") },
  { "final.grand-total", GK_CHECK_SEVERITY_ERROR,
    N_("决算 总计 is not the sum of its lines"),
    N_("总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余, and = 本年支出合计 + 结余分配 + 年末结转和结余.") },
  { "final.closing", GK_CHECK_SEVERITY_ERROR,
    N_("年末结转和结余 does not follow from the year"),
    N_("On 财政拨款收入支出决算总表, 年末 = 年初 + 本年收入 − 本年支出 for each source of 财政拨款.") },
  { "final.fund-row", GK_CHECK_SEVERITY_ERROR,
    N_("A row's 年末结转和结余 does not follow from the year"),
    N_("On the 政府性基金 and 国有资本经营 决算表, each row's 年末 = 年初 + 本年收入 − 本年支出.") },
  { "final.tables", GK_CHECK_SEVERITY_ERROR,
    N_("决算 tables disagree with the 总表"),
    N_("收入决算表, 支出决算表 and 一般公共预算财政拨款支出决算表 agree with the 总表 lines that stand for them, and both 总表 state the same 一般公共预算 income.") },
  { "final.sangong", GK_CHECK_SEVERITY_ERROR,
    N_("“三公” 决算 does not add up"),
    N_("On the “三公” 决算表, 合计 is the sum of the three items and 小计 is 购置费 + 运行维护费.") },
  { "final.procurement", GK_CHECK_SEVERITY_ERROR,
    N_("政府采购 awards exceed what was bought"),
    N_("In a 决算's 政府采购, what went to 中小企业 for 货物, 工程 or 服务 is at most what was spent on it, and what went to 小微企业 is at most what went to 中小企业.") },

  /* Across tables */
  { "cross.summary-balance", GK_CHECK_SEVERITY_ERROR,
    N_("收支总表 does not balance"),
    N_("收支总表 收入总计 equals 支出合计.") },
  { "cross.summary-income", GK_CHECK_SEVERITY_ERROR,
    N_("收支总表 income differs from 收入总表"),
    N_("Each income line of 收支总表 equals the total of its column in 收入总表.") },
  { "cross.summary-expenditure", GK_CHECK_SEVERITY_ERROR,
    N_("收支总表 expenditure differs from 支出总表"),
    N_("Each function 类 of 收支总表 equals its 合计 in 支出总表.") },
  { "cross.income-expenditure", GK_CHECK_SEVERITY_ERROR,
    N_("Income and expenditure differ for a function 项"),
    N_("For every function 项, 收入总表 总计 equals 支出总表 合计.") },
  { "cross.fiscal-summary", GK_CHECK_SEVERITY_ERROR,
    N_("财政拨款收支总表 differs from the tables it summarises"),
    N_("财政拨款收支总表's income is 收支总表's fiscal part, its expenditure columns are the tables they name (一般公共预算支出表, 政府性基金支出表, 国有资本经营) by 类, and it balances.") },
  { "cross.general-expenditure", GK_CHECK_SEVERITY_ERROR,
    N_("一般公共预算支出表 exceeds 支出总表"),
    N_("一般公共预算 expenditure (一般公共预算支出表) is part of all expenditure (支出总表): never more, per 项 and column.") },
  { "cross.general-basic", GK_CHECK_SEVERITY_ERROR,
    N_("一般公共预算支出表 基本支出 differs from 基本支出表"),
    N_("一般公共预算支出表's 基本支出 合计 equals 基本支出表's 总计.") },
  { "cross.expenditure-projects", GK_CHECK_SEVERITY_ERROR,
    N_("项目支出 differs from 项目支出表"),
    N_("支出总表 项目支出 equals 项目支出表 项目支出合计, in total and for every function 项.") },
  { "cross.sangong-basic", GK_CHECK_SEVERITY_ERROR,
    N_("“三公” item below its 基本支出表 figure"),
    N_("Each “三公”经费表 item is at least its economic 款 in 基本支出表: 因公出国 30212, 公务接待 30217, 公务用车运行 30231, 公务用车购置 31013.") },
  { "cross.fund-fiscal", GK_CHECK_SEVERITY_ERROR,
    N_("政府性基金支出表 or 国有资本经营 differs from 财政拨款收支总表"),
    N_("政府性基金支出表 合计 equals 财政拨款收支总表's 政府性基金预算 column, and the 国有资本经营预算支出表's 合计 its 国有资本经营预算 column.") },
  { "overall.tasks-expenditure", GK_CHECK_SEVERITY_WARNING,
    N_("整体绩效 tasks differ from the expenditure"),
    N_("The 总额 of the tasks in the 部门（单位）整体绩效目标表 add up to the 部门支出总表's 合计.") },
  { "overall.incomplete", GK_CHECK_SEVERITY_WARNING,
    N_("整体绩效目标表 without a task or an indicator"),
    N_("The 部门（单位）整体绩效目标表 lists the year's main tasks and at least one performance indicator.") },

  /* 情况说明 */
  { "narrative.figure", GK_CHECK_SEVERITY_ERROR,
    N_("Figure in the text differs from the tables"),
    N_("Every amount typed in 情况说明 for something the tables hold (a total, a 类/款/项, a project, a “三公” item, a change against last year) matches the tables; in a 决算, each “三公” count the text states (团组, 人次, 批次, cars bought and held) is the one typed for it.") },
  { "narrative.count-twice", GK_CHECK_SEVERITY_ERROR,
    N_("One count stated twice with different values"),
    N_("A count the text states in two places (公务用车保有量, a “三公” 团组, 人次 or 批次, cars bought) is the same in both.") },
  { "narrative.shares", GK_CHECK_SEVERITY_ERROR,
    N_("Share is wrong or shares do not add up"),
    N_("A share (占x%) is the part over the whole rounded to two decimals by largest remainder, and the shares of a whole add up to 100%.") },
  { "narrative.change-base", GK_CHECK_SEVERITY_ERROR,
    N_("Change computed on this year"),
    N_("A change against last year is divided by last year's figure, not this year's.") },
  { "narrative.change-percent", GK_CHECK_SEVERITY_ERROR,
    N_("Percentage of change is wrong"),
    N_("A change of 增长/下降 x%, with x = (this year − last year) / last year × 100, is rounded as written; where a sentence states the change itself, its own figures give x, whether or not a table holds them.") },
  { "narrative.change-word", GK_CHECK_SEVERITY_ERROR,
    N_("Wrong word for a change"),
    N_("A rise is 增加/增长, a fall 减少/下降, no change 持平.") },
  { "narrative.reason", GK_CHECK_SEVERITY_WARNING,
    N_("Change without a reason"),
    N_("Every change against last year gives its reason (主要原因是…).") },
  { "narrative.reason-direction", GK_CHECK_SEVERITY_WARNING,
    N_("Reason speaks of the other direction"),
    N_("The reason given for a rise speaks of a rise, the reason for a fall of a fall (增长…，主要原因是…增加).") },
  { "narrative.prior-year", GK_CHECK_SEVERITY_WARNING,
    N_("Last year's figure missing"),
    N_("情况说明 compares this figure with last year: enter last year's figure.") },
  { "narrative.project-name", GK_CHECK_SEVERITY_ERROR,
    N_("Project named differently from 项目支出表"),
    N_("A project is named in 情况说明 and in its 绩效目标表 exactly as in 项目支出表.") },
  { "narrative.basic-items", GK_CHECK_SEVERITY_ERROR,
    N_("人员经费/公用经费 items differ from 基本支出表"),
    N_("The items 情况说明 lists under 人员经费 and 公用经费 are the 基本支出表 款 that carry them, by their 基本支出表 names.") },
  { "explanation.running-costs", GK_CHECK_SEVERITY_ERROR,
    N_("机关运行经费 differs from 公用经费"),
    N_("机关运行经费 equals 基本支出表 公用经费 unless the text explains the difference.") },
  { "explanation.procurement", GK_CHECK_SEVERITY_ERROR,
    N_("政府采购 does not add up"),
    N_("政府采购 总额 = 货物 + 工程 + 服务, and the amount reserved for 中小企业 (and within it 小微企业) is not more than that.") },
  { "explanation.performance", GK_CHECK_SEVERITY_ERROR,
    N_("预算绩效 differs from 项目支出表"),
    N_("The number and amount of projects under performance management match 项目支出表, and every project has its 绩效目标表 with its own figures.") },
  { "performance.name", GK_CHECK_SEVERITY_WARNING,
    N_("绩效目标表 names its project otherwise"),
    N_("A published 项目支出绩效目标表 names its project as 项目支出表 does (not “网站维护费” for 网站维护).") },
  { "explanation.vehicles", GK_CHECK_SEVERITY_ERROR,
    N_("Vehicles do not add up"),
    N_("Vehicles by kind add up to the total, and a vehicle purchase in “三公”经费表 is matched by a planned purchase.") },
  { "narrative.fact", GK_CHECK_SEVERITY_WARNING,
    N_("Fact in the text not entered"),
    N_("A fact 情况说明 states that no table holds (全口径“三公”经费, 政府采购 by organisation or fund source, 国有资产 by class, the staff split; in a 决算 the “三公” 团组, 车辆 and 接待, 预算绩效管理, 政府采购 and the vehicles, typed in the paragraph’s figure editor) is entered, not left as （未填写）.") },
  { "overview.staff", GK_CHECK_SEVERITY_ERROR,
    N_("Staff numbers do not add up"),
    N_("实有人数 = 在职 + 退休 + 离休, and the text states the numbers entered.") },

  /* Form */
  { "format.placeholder", GK_CHECK_SEVERITY_ERROR,
    N_("Placeholder left in the document"),
    N_("No placeholder text (XX, ×××, 待填写 …) and no rows of zeros.") },
  { "format.decimals", GK_CHECK_SEVERITY_ERROR,
    N_("More than two decimals"),
    N_("Amounts and percentages are written with at most two decimals.") },
  { "format.consistency", GK_CHECK_SEVERITY_ERROR,
    N_("Year or unit differs"),
    N_("The budget year and the unit's name are the same on the cover, in the table headers, in the text and in the signature.") },
  { "format.empty-table", GK_CHECK_SEVERITY_ERROR,
    N_("Empty table without its explanation"),
    N_("A table with no content is published empty with a sentence saying why.") },
  { "format.unit-rounding", GK_CHECK_SEVERITY_WARNING,
    N_("Figure printed rounded"),
    N_("A table printed in 万元 while the document keeps 元 prints each figure rounded to the cent of 万元; its 合计 is the exact sum, rounded, and may differ from the sum of the printed lines.") },
  { "format.class-name-year", GK_CHECK_SEVERITY_WARNING,
    N_("Function 类 named as in another year"),
    N_("A function 类 carries the name valid in the document's year (e.g. 卫生健康支出 since 2019).") },

  /* 决算 against the same year's budget */
  { "final.budget-figure", GK_CHECK_SEVERITY_ERROR,
    N_("预算数 differs from the budget"),
    N_("Each 预算数 of the “三公” 决算 table, and each 年初预算 stated in 情况说明, is the figure of the same year's budget disclosure.") },
  { "final.over-budget", GK_CHECK_SEVERITY_WARNING,
    N_("项 over budget without a reason"),
    N_("A function 项 whose 决算 exceeds its 年初预算 says why.") },
  { "final.completion-rate", GK_CHECK_SEVERITY_ERROR,
    N_("Completion rate is wrong"),
    N_("The completion rate (完成年初预算的 x%) is the 决算 over the 年初预算 stated, × 100, rounded as written; a “三公” item's is its 决算数 over its 预算数 in the table.") },
  { "final.budget-change", GK_CHECK_SEVERITY_ERROR,
    N_("决算 against 预算 is wrong"),
    N_("Where 情况说明 sets a 决算 against its 预算 (比预算减少 x, 差值为 x, 决算数小于预算数, 与预算数持平), it states the difference of the table's 决算数 and 预算数.") },
  { "final.carryover", GK_CHECK_SEVERITY_ERROR,
    N_("年初结转和结余 differs from last year's 年末"),
    N_("This year's 年初结转和结余 is last year's 年末结转和结余, source by source.") },
  { "final.under-budget", GK_CHECK_SEVERITY_WARNING,
    N_("项 under budget without a reason"),
    N_("A function 项 whose 决算 is below its 年初预算 says why.") },
};

const GkCheckRule *
gk_check_get_rules (guint *n_rules)
{
  g_return_val_if_fail (n_rules != NULL, NULL);

  *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

const GkCheckRule *
gk_check_lookup_rule (const char *rule_id)
{
  g_return_val_if_fail (rule_id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].id, rule_id))
      return &rules[i];
  return NULL;
}

const char *
gk_check_rule_get_title (const GkCheckRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return _(rule->title);
}

const char *
gk_check_rule_get_description (const GkCheckRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return _(rule->description);
}

/* Machine words, as `--check` prints them: not translated. */
const char *
gk_check_severity_to_string (GkCheckSeverity severity)
{
  switch (severity)
    {
    case GK_CHECK_SEVERITY_ERROR:
      return "error";
    case GK_CHECK_SEVERITY_WARNING:
      return "warning";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Places ------------------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (GkPlace, gk_place, gk_place_copy, gk_place_free)

GkPlace *
gk_place_new (const char *part,
              const char *row,
              const char *column)
{
  GkPlace *place;

  g_return_val_if_fail (part != NULL, NULL);

  place = g_new0 (GkPlace, 1);
  place->part = g_strdup (part);
  place->row = g_strdup (row);
  place->column = g_strdup (column);
  return place;
}

GkPlace *
gk_place_copy (const GkPlace *place)
{
  g_return_val_if_fail (place != NULL, NULL);
  return gk_place_new (place->part, place->row, place->column);
}

void
gk_place_free (GkPlace *place)
{
  if (place == NULL)
    return;
  g_free (place->part);
  g_free (place->row);
  g_free (place->column);
  g_free (place);
}

gboolean
gk_place_equal (const GkPlace *a,
                const GkPlace *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return g_strcmp0 (a->part, b->part) == 0 &&
         g_strcmp0 (a->row, b->row) == 0 &&
         g_strcmp0 (a->column, b->column) == 0;
}

/* "expenditure/20103/basic", "sangong//abroad" (表八 has one row), "overview/staff". */
char *
gk_place_to_string (const GkPlace *place)
{
  g_return_val_if_fail (place != NULL, NULL);

  if (place->column == NULL)
    return place->row != NULL ? g_strconcat (place->part, "/", place->row, NULL)
                              : g_strdup (place->part);
  return g_strconcat (place->part, "/", place->row ? place->row : "", "/", place->column, NULL);
}
