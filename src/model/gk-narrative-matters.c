/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-narrative-private.h"

/* 十、其他重要事项: what no table holds (机关运行经费's units, 政府采购,
 * 国有资产) comes from the explanation; 机关运行经费 itself is 表六's
 * 公用经费 and the 绩效 figures are 表七's. */

static void
explanation_amount (GkComposer *c,
                    const char *property)
{
  g_autofree char *amount_source = g_strdup_printf ("explanation/%s", property);

  gk_composer_amount (c, gk_explanation_get_amount (c->explanation, property), amount_source);
}

static void
explanation_count (GkComposer *c,
                   const char *property)
{
  g_autofree char *count_source = g_strdup_printf ("explanation/%s", property);

  gk_composer_count (c, gk_explanation_get_count (c->explanation, property), count_source);
}

void
gk_narrative_kind_running_costs (GkComposer *c)
{
  GkTable *t6 = gk_narrative_table (c, "basic-expenditure");
  GkAmount public_costs;

  /* 机关运行经费 is 表六's 公用经费: nothing to say without 表六. */
  if (t6 == NULL)
    return;
  public_costs = gk_narrative_column_total (t6, "public");
  /* Only 行政单位 and those managed as civil service have 机关运行经费;
   * a 事业单位 says so instead of stating a figure. */
  if (gk_document_get_unit_type (c->document) == GK_UNIT_TYPE_INSTITUTION)
    {
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s10.running");
      gk_composer_unit_name (c);
      gk_composer_text (c, "为事业单位，不存在机关运行经费。");
      return;
    }
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s10.running");
  gk_composer_year (c);
  gk_composer_text (c, "，");
  gk_composer_unit_name (c);
  gk_composer_text (c, "及下属");
  explanation_count (c, "administrative-units");
  gk_composer_text (c, "家行政单位和");
  explanation_count (c, "institutions");
  gk_composer_text (c, "家事业单位的机关运行经费财政拨款预算");
  gk_composer_amount (c, public_costs, "basic-expenditure/total/public");
  gk_composer_text (c, "，");
  gk_composer_change (c, "running-costs", public_costs, GK_CHANGE_SHOW_BASIS);
  gk_composer_text (c, "。");
}

void
gk_narrative_kind_procurement (GkComposer *c)
{
  GkAmount parts[3];
  GkAmount total = 0;

  parts[0] = gk_explanation_get_amount (c->explanation, "procurement-goods");
  parts[1] = gk_explanation_get_amount (c->explanation, "procurement-works");
  parts[2] = gk_explanation_get_amount (c->explanation, "procurement-services");
  gk_amount_sum (parts, G_N_ELEMENTS (parts), &total);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s10.procurement");
  gk_composer_year (c);
  gk_composer_text (c, "，");
  gk_composer_unit_name (c);
  if (total == 0)
    {
      gk_composer_text (c, "及下属单位未安排政府采购预算。");
      if (gk_explanation_lookup_prior (c->explanation, "procurement.total") != NULL)
        gk_narrative_procurement_change (c, "s10.procurement.change", total);
      return;
    }
  gk_composer_text (c, "及下属单位政府采购预算");
  gk_composer_amount (c, total, "explanation/procurement-total");
  gk_composer_text (c, "，其中：政府采购货物预算");
  explanation_amount (c, "procurement-goods");
  gk_composer_text (c, "，政府采购工程预算");
  explanation_amount (c, "procurement-works");
  gk_composer_text (c, "，政府采购服务预算");
  explanation_amount (c, "procurement-services");
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s10.procurement.sme");
  gk_composer_year (c);
  gk_composer_text (c, "度本部门面向中小企业预留政府采购项目预算金额");
  explanation_amount (c, "procurement-sme-reserved");
  gk_composer_text (c, "，其中：面向小微企业预留政府采购项目预算金额");
  explanation_amount (c, "procurement-micro-reserved");
  gk_composer_text (c, "。");

  /* The seed states no change; one is stated once last year's figure is
   * known (a disclosure begun from last year's). */
  if (gk_explanation_lookup_prior (c->explanation, "procurement.total") != NULL)
    gk_narrative_procurement_change (c, "s10.procurement.change", total);
}

void
gk_narrative_kind_assets (GkComposer *c)
{
  static const struct { const char *count; const char *value; const char *name; } vehicles[] = {
    { "general-vehicles", "general-vehicles-value", "一般公务用车" },
    { "enforcement-vehicles", "enforcement-vehicles-value", "执法执勤用车" },
    { "other-vehicles", "other-vehicles-value", "其他车辆" },
  };
  const char *as_of = gk_explanation_get_text (c->explanation, "assets-as-of");
  g_autofree char *area = gk_amount_format_short (gk_explanation_get_amount (c->explanation, "building-area"));
  GkAmount values[G_N_ELEMENTS (vehicles)];
  GkAmount value_total = 0;
  gint64 count_total = 0;
  int planned_vehicles;

  for (guint i = 0; i < G_N_ELEMENTS (vehicles); i++)
    {
      values[i] = gk_explanation_get_amount (c->explanation, vehicles[i].value);
      count_total += gk_explanation_get_count (c->explanation, vehicles[i].count);
    }
  gk_amount_sum (values, G_N_ELEMENTS (values), &value_total);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s10.assets");
  gk_composer_text (c, "截至");
  if (as_of != NULL && as_of[0] != '\0')
    gk_composer_span (c, GK_SPAN_TYPED, as_of, "explanation/assets-as-of");
  else
    {
      /* The assets reported are those at the end of the year before. */
      g_autofree char *year = g_strdup_printf ("%u", gk_document_get_year (c->document) - 1);
      gk_composer_span (c, GK_SPAN_FIGURE, year, "document/year");
      gk_composer_text (c, "年底");
    }
  gk_composer_text (c, "，");
  gk_composer_unit_name (c);
  gk_composer_text (c, "及下属各预算单位占用使用国有资产总体情况为：");

  gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "s10.assets.buildings");
  gk_composer_text (c, "1.房屋");
  gk_composer_span (c, GK_SPAN_FIGURE, area, "explanation/building-area");
  gk_composer_text (c, "平方米，价值");
  explanation_amount (c, "building-value");
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "s10.assets.vehicles");
  gk_composer_text (c, "2.车辆");
  gk_composer_count (c, count_total, "explanation/vehicles");
  gk_composer_text (c, "辆，价值");
  gk_composer_amount (c, value_total, "explanation/vehicles-value");
  gk_composer_text (c, "，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (vehicles); i++)
    {
      if (i > 0)
        gk_composer_text (c, "；");
      gk_composer_text (c, vehicles[i].name);
      explanation_count (c, vehicles[i].count);
      gk_composer_text (c, "辆，价值");
      explanation_amount (c, vehicles[i].value);
    }
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "s10.assets.furniture");
  gk_composer_text (c, "3.办公家具价值");
  explanation_amount (c, "furniture-value");
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_LIST_ITEM, "s10.assets.other");
  gk_composer_text (c, "4.其他资产价值");
  explanation_amount (c, "other-assets-value");
  gk_composer_text (c, "。");

  /* The thresholds are 万元 by definition, whatever unit the tables use. */
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s10.assets.equipment");
  gk_composer_text (c, "单位价值50万元以上大型设备");
  explanation_count (c, "equipment-50");
  gk_composer_text (c, "台（套），单位价值100万元以上大型设备");
  explanation_count (c, "equipment-100");
  gk_composer_text (c, "台（套）。");

  /* A 决算 reports what the unit holds; purchases planned belong to a budget. */
  if (gk_template_is_final (gk_document_get_template (c->document)))
    return;
  planned_vehicles = gk_explanation_get_count (c->explanation, "planned-vehicles");
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s10.assets.planned");
  gk_composer_year (c);
  if (planned_vehicles > 0)
    {
      gk_composer_text (c, "部门预算安排购置车辆");
      explanation_count (c, "planned-vehicles");
      gk_composer_text (c, "辆");
    }
  else
    gk_composer_text (c, "部门预算未安排购置车辆经费");
  gk_composer_text (c, "，安排购置单位价值50万元以上大型设备");
  explanation_count (c, "planned-equipment-50");
  gk_composer_text (c, "台（套），单位价值100万元以上大型设备");
  explanation_count (c, "planned-equipment-100");
  gk_composer_text (c, "台（套）。");
}

void
gk_narrative_kind_performance (GkComposer *c)
{
  GkTable *t7 = gk_document_get_projects_table (c->document);
  GkTable *performance = gk_document_get_table (c->document, "project-performance");
  g_autoptr(GPtrArray) projects = gk_narrative_projects (c);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s10.performance");
  gk_composer_year (c);
  if (projects->len == 0)
    {
      gk_composer_text (c, "度无实行绩效管理的项目。");
      return;
    }
  gk_composer_text (c, "度实行绩效管理的项目");
  gk_composer_count (c, projects->len, "project-expenditure/projects/count");
  /* Without 表七 there is no printed total to quote. */
  if (t7 != NULL)
    {
      gk_composer_text (c, "个，涉及预算金额");
      gk_composer_amount (c, gk_narrative_column_total (t7, "total"), "project-expenditure/total/total");
    }
  else
    gk_composer_text (c, "个");
  /* A template that lists the 绩效目标表 among the tables prints them
   * there, not here. */
  if (performance != NULL)
    {
      g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (performance));

      gk_composer_text (c, t7 != NULL ? "。各项目绩效目标见" : "，各项目绩效目标见");
      gk_composer_text (c, label);
      gk_composer_text (c, "。");
      return;
    }
  gk_composer_text (c, t7 != NULL ? "。各项目绩效目标见下表：" : "，各项目绩效目标见下表：");

  for (guint i = 0; i < projects->len; i++)
    {
      GkProject *project = projects->pdata[i];
      GkParagraph *paragraph;

      /* Its id is all it reads, and is the project's for good. */
      if (gk_composer_block_begin (c, "s10.performance", project, NULL, 0))
        continue;
      paragraph = gk_composer_paragraph (c, GK_PARAGRAPH_PERFORMANCE, "s10.performance.%s",
                                         gk_project_get_id (project));
      paragraph->project = g_object_ref (project);
      gk_composer_block_end (c);
    }
}

void
gk_narrative_kind_other_matters (GkComposer *c)
{
  g_autofree char *other = gk_narrative_trim_typed (gk_explanation_get_text (c->explanation, "other-matters"),
                                                    FALSE);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s10.other");
  if (other[0] == '\0')
    gk_composer_text (c, "无其他需说明的事项。");
  else
    gk_composer_span (c, GK_SPAN_TYPED, other, "explanation/other-matters");
}
