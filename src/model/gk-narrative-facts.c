/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-fields.h"
#include "gk-narrative-private.h"
#include "gk-table-list.h"

/* Kinds of paragraph about what no table holds, in the words other
 * regions print: 全口径 “三公”经费, 政府采购 by organisation and fund
 * source with its 中小企业 reservation, 国有资产 by class and vehicles by
 * kind, and staffing. A fact that is not entered is
 * said to be missing, never stated as 0. Their ids begin with
 * "k.<kind>.". */

/* The facts beside the tables, in the disclosures' words: what the
 * window calls them and what a finding names. */
static const struct { const char *property; const char *name; } fact_names[] = {
  { "sangong-all-abroad", "因公出国（境）费" },
  { "sangong-all-vehicle-purchase", "公务用车购置费" },
  { "sangong-all-vehicle-operation", "公务用车运行费" },
  { "sangong-all-reception", "公务接待费" },
  { "procurement-goods", "政府采购货物预算" },
  { "procurement-works", "政府采购工程预算" },
  { "procurement-services", "政府采购服务预算" },
  { "procurement-centralized", "政府集中采购" },
  { "procurement-decentralized", "分散采购" },
  { "procurement-general", "一般公共预算安排的政府采购" },
  { "procurement-fund", "政府性基金预算安排的政府采购" },
  { "procurement-other-funds", "其他资金安排的政府采购" },
  { "procurement-sme-reserved", "面向中小企业预留" },
  { "procurement-micro-reserved", "其中面向小微企业预留" },
  { "land-value", "土地原值" },
  { "building-value", "房屋原值" },
  { "general-equipment-value", "通用设备原值" },
  { "special-equipment-value", "专用设备原值" },
  { "furniture-value", "家具原值" },
  { "intangible-value", "无形资产原值" },
  { "other-assets-value", "其他资产原值" },
  { "leader-vehicles", "领导干部用车（辆）" },
  { "leader-vehicles-value", "领导干部用车原值" },
  { "general-vehicles", "一般公务用车（辆）" },
  { "general-vehicles-value", "一般公务用车原值" },
  { "enforcement-vehicles", "执法执勤用车（辆）" },
  { "enforcement-vehicles-value", "执法执勤用车原值" },
  { "special-vehicles", "特种专业技术用车（辆）" },
  { "special-vehicles-value", "特种专业技术用车原值" },
  { "confidential-vehicles", "机要通信用车（辆）" },
  { "confidential-vehicles-value", "机要通信用车原值" },
  { "emergency-vehicles", "应急保障用车（辆）" },
  { "emergency-vehicles-value", "应急保障用车原值" },
  { "other-vehicles", "其他用车（辆）" },
  { "other-vehicles-value", "其他用车原值" },
  { "equipment-50", "单价50万元以上通用设备（台套）" },
  { "equipment-100", "单价100万元以上专用设备（台套）" },
  { "planned-vehicles", "拟购置车辆（辆）" },
  { "planned-equipment-50", "拟购置单价50万元以上设备（台套）" },
  { "planned-equipment-100", "拟购置单价100万元以上设备（台套）" },
  { "planned-value", "新增资产配置预算" },
  { "authorized", "编制数" },
  { "administrative-posts", "行政编制" },
  { "institution-posts", "事业编制" },
  { "worker-posts", "工勤编制" },
  { "serving", "在职人员" },
  { "retired", "退休人员" },
  { "veteran", "离休人员" },
  { "contracted", "聘用人员" },
  { "survivors", "遗属" },
};

/**
 * gk_narrative_fact_name:
 * @property: a fact of the explanation or the overview ("land-value")
 *
 * Returns: (transfer none): its name in the disclosures' words
 *   ("土地原值"), or @property itself
 */
const char *
gk_narrative_fact_name (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (fact_names); i++)
    if (g_strcmp0 (fact_names[i].property, property) == 0)
      return fact_names[i].name;
  return property;
}

/* "explanation/procurement-centralized", "overview/contracted" */
static char *
fact_source (GObject    *holder,
             const char *property)
{
  return g_strconcat (GK_IS_OVERVIEW (holder) ? "overview/" : "explanation/", property, NULL);
}

static gboolean
fact_is_set (GObject    *holder,
             const char *property)
{
  const GkField *field = gk_fields_lookup (G_OBJECT_TYPE (holder), property);

  g_assert (field != NULL);
  return gk_field_is_set (holder, field);
}

static void
missing (GkComposer *c,
         const char *source)
{
  gk_composer_span (c, GK_SPAN_MISSING, "（未填写）", source);
}

/* An amount fact; FALSE (and the placeholder) when it is not entered. */
static gboolean
fact_amount (GkComposer *c,
             GObject    *holder,
             const char *property)
{
  g_autofree char *source = fact_source (holder, property);
  gint64 amount = 0;

  if (!fact_is_set (holder, property))
    {
      missing (c, source);
      return FALSE;
    }
  g_object_get (holder, property, &amount, NULL);
  gk_composer_amount (c, amount, source);
  return TRUE;
}

static gboolean
fact_count (GkComposer *c,
            GObject    *holder,
            const char *property)
{
  g_autofree char *source = fact_source (holder, property);
  int count = 0;

  if (!fact_is_set (holder, property))
    {
      missing (c, source);
      return FALSE;
    }
  g_object_get (holder, property, &count, NULL);
  gk_composer_count (c, count, source);
  return TRUE;
}

/* The sum of amount facts; FALSE when one of them is not entered (a total
 * of what was entered would be a figure nobody stated). */
static gboolean
facts_sum (GObject            *holder,
           const char * const *properties,
           guint               n,
           GkAmount           *sum)
{
  *sum = 0;
  for (guint i = 0; i < n; i++)
    {
      gint64 amount = 0;

      if (!fact_is_set (holder, properties[i]))
        return FALSE;
      g_object_get (holder, properties[i], &amount, NULL);
      if (!gk_amount_add (*sum, amount, sum))
        return FALSE;
    }
  return TRUE;
}

static gboolean
counts_sum (GObject            *holder,
            const char * const *properties,
            guint               n,
            gint64             *sum)
{
  *sum = 0;
  for (guint i = 0; i < n; i++)
    {
      int count = 0;

      if (!fact_is_set (holder, properties[i]))
        return FALSE;
      g_object_get (holder, properties[i], &count, NULL);
      *sum += count;
    }
  return TRUE;
}

/* Where a sum of facts is missing: the placeholder points at the first
 * part not entered, so that the check names a fact the officer can enter. */
static void
missing_part (GkComposer         *c,
              GObject            *holder,
              const char * const *properties,
              guint               n)
{
  for (guint i = 0; i < n; i++)
    if (!fact_is_set (holder, properties[i]))
      {
        g_autofree char *source = fact_source (holder, properties[i]);

        missing (c, source);
        return;
      }
  /* All entered, but beyond what an amount holds. */
  gk_composer_span (c, GK_SPAN_MISSING, "（超出范围）", NULL);
}

/* @part's share of @whole, in basis points, rounded as the tables round
 * shares; FALSE when there is no whole to share. */
static gboolean
share_of (GkAmount part,
          GkAmount whole,
          gint    *basis_points)
{
  GkAmount values[2];
  gint shares[2];

  if (whole <= 0 || part < 0)
    return FALSE;
  if (part > whole)
    {
      if (!gk_amount_change (part, whole, basis_points))
        return FALSE;
      *basis_points += 10000;
      return TRUE;
    }
  values[0] = part;
  values[1] = whole - part;
  gk_amount_shares (values, 2, shares);
  *basis_points = shares[0];
  return TRUE;
}

static void
unit_and_year (GkComposer *c)
{
  gk_composer_unit_name (c);
  gk_composer_year (c);
}

/* 全口径 “三公”经费 ---------------------------------------------------------- */

static const struct { const char *property; const char *column; const char *name; } sangong_items[] = {
  { "sangong-all-abroad", "abroad", "因公出国（境）费" },
  { "sangong-all-vehicle-purchase", "vehicle-purchase", "公务用车购置费" },
  { "sangong-all-vehicle-operation", "vehicle-operation", "公务用车运行费" },
  { "sangong-all-reception", "reception", "公务接待费" },
};

/* All funds, as entered beside 情况说明, then the part of it 财政拨款
 * pays for, from the 三公 table. */
void
gk_narrative_kind_sangong_all (GkComposer *c)
{
  GObject *e = G_OBJECT (c->explanation);
  GkTable *t8 = gk_narrative_table (c, "sangong");
  const char *properties[G_N_ELEMENTS (sangong_items)];
  GkAmount total = 0;
  gboolean complete;

  for (guint i = 0; i < G_N_ELEMENTS (sangong_items); i++)
    properties[i] = sangong_items[i].property;
  complete = facts_sum (e, properties, G_N_ELEMENTS (properties), &total);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.sangong-all.total");
  unit_and_year (c);
  gk_composer_text (c, "全口径“三公”经费预算数为");
  if (complete)
    gk_composer_amount (c, total, "explanation/sangong-all-total");
  else
    missing_part (c, e, properties, G_N_ELEMENTS (properties));
  gk_composer_text (c, "，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (sangong_items); i++)
    {
      if (i > 0)
        gk_composer_text (c, "，");
      gk_composer_text (c, sangong_items[i].name);
      fact_amount (c, e, sangong_items[i].property);
    }
  gk_composer_text (c, "。全口径“三公”经费预算");
  if (complete)
    gk_composer_change (c, "sangong-all.total", total, GK_CHANGE_DEFAULT);
  else
    missing_part (c, e, properties, G_N_ELEMENTS (properties));
  gk_composer_text (c, "。");

  if (t8 == NULL)
    return;
  {
    GkRow *row = gk_table_get_single_row (t8);
    GkAmount fiscal = gk_narrative_cell (row, t8, "total");
    gint share;

    gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.sangong-all.fiscal");
    gk_composer_text (c, "其中，财政拨款安排的“三公”经费预算数为");
    gk_composer_amount (c, fiscal, "sangong/single/total");
    if (complete && share_of (fiscal, total, &share))
      {
        gk_composer_text (c, "，占全口径“三公”经费的");
        gk_composer_percent (c, share, "sangong/single/total/share-of-all");
      }
    gk_composer_text (c, "，其中：");
    for (guint i = 0; i < G_N_ELEMENTS (sangong_items); i++)
      {
        g_autofree char *source = gk_narrative_source ("sangong/single/%s", sangong_items[i].column);

        if (i > 0)
          gk_composer_text (c, "，");
        gk_composer_text (c, sangong_items[i].name);
        gk_composer_amount (c, gk_narrative_cell (row, t8, sangong_items[i].column), source);
      }
    gk_composer_text (c, "。");
  }
}

/* 政府采购, in detail ---------------------------------------------------- */

/* 货物, 工程 and 服务 and their total: from 政府采购预算表 by 采购类别
 * where the template has one, else as entered beside 情况说明. */
static const struct { const char *category; const char *property; } procurement_parts[] = {
  { "货物", "procurement-goods" },
  { "工程", "procurement-works" },
  { "服务", "procurement-services" },
};

static GkAmount
procurement_split (GkComposer *c,
                   GkAmount   *parts)
{
  GkTable *table = gk_narrative_table (c, "procurement");
  GkAmount total = 0;

  memset (parts, 0, sizeof (GkAmount) * G_N_ELEMENTS (procurement_parts));
  if (table != NULL)
    {
      int category = gk_table_schema_text_index (gk_table_get_schema (table), "category");
      int amount = gk_table_column_index (table, "total");

      for (guint i = 0; i < gk_table_get_n_entries (table); i++)
        {
          GkRow *row = gk_table_get_entry (table, i);
          const char *text = category >= 0 ? gk_list_row_get_text (row, category) : NULL;
          GkAmount value = 0;

          if (amount < 0 || !gk_row_get_amount (row, amount, &value))
            continue;
          for (guint k = 0; k < G_N_ELEMENTS (procurement_parts); k++)
            if (g_strcmp0 (text, procurement_parts[k].category) == 0 && !gk_amount_add (parts[k], value, &parts[k]))
              parts[k] = GK_AMOUNT_MAX;
        }
      return gk_narrative_column_total (table, "total");
    }
  for (guint k = 0; k < G_N_ELEMENTS (procurement_parts); k++)
    parts[k] = gk_explanation_get_amount (c->explanation, procurement_parts[k].property);
  gk_amount_sum (parts, G_N_ELEMENTS (procurement_parts), &total);
  return total;
}

/* 政府采购's change against last year (procurement.total): its own
 * paragraph, so that the sentences before it read as they always did. */
void
gk_narrative_procurement_change (GkComposer *c,
                                 const char *id,
                                 GkAmount    total)
{
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "%s", id);
  gk_composer_year (c);
  gk_composer_text (c, "政府采购预算");
  gk_composer_change (c, "procurement.total", total, GK_CHANGE_DEFAULT);
  gk_composer_text (c, "。");
}

void
gk_narrative_kind_procurement_detail (GkComposer *c)
{
  static const struct { const char *column; const char *property; const char *name; } sources[] = {
    { "general", "procurement-general", "一般公共预算" },
    { "fund", "procurement-fund", "政府性基金预算" },
    { "other", "procurement-other-funds", "其他资金" },
  };
  GObject *e = G_OBJECT (c->explanation);
  GkTable *table = gk_narrative_table (c, "procurement");
  GkAmount parts[G_N_ELEMENTS (procurement_parts)];
  GkAmount total = procurement_split (c, parts);
  GkAmount sme = gk_explanation_get_amount (c->explanation, "procurement-sme-reserved");
  GkAmount micro = gk_explanation_get_amount (c->explanation, "procurement-micro-reserved");
  gint share;

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.procurement-detail.total");
  gk_composer_year (c);
  gk_composer_text (c, "，");
  gk_composer_unit_name (c);
  gk_composer_text (c, "安排政府采购预算");
  gk_composer_amount (c, total, table != NULL ? "procurement/total/total" : "explanation/procurement-total");
  gk_composer_text (c, "，其中：");
  for (guint k = 0; k < G_N_ELEMENTS (procurement_parts); k++)
    {
      g_autofree char *source = table != NULL
                                ? gk_narrative_source ("procurement/%s/total", procurement_parts[k].category)
                                : gk_narrative_source ("explanation/%s", procurement_parts[k].property);

      gk_composer_text (c, k > 0 ? "、" : "");
      gk_composer_text (c, procurement_parts[k].category);
      gk_composer_text (c, "采购");
      gk_composer_amount (c, parts[k], source);
    }
  gk_composer_text (c, "。");
  gk_narrative_procurement_change (c, "k.procurement-detail.change", total);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.procurement-detail.method");
  gk_composer_text (c, "按采购组织形式分：政府集中采购");
  fact_amount (c, e, "procurement-centralized");
  gk_composer_text (c, "，分散采购");
  fact_amount (c, e, "procurement-decentralized");
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.procurement-detail.source");
  gk_composer_text (c, "按资金来源分：");
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      if (i > 0)
        gk_composer_text (c, "，");
      gk_composer_text (c, sources[i].name);
      /* The table's columns, where it has them, are the figures. */
      if (table != NULL && gk_table_column_index (table, sources[i].column) >= 0)
        {
          g_autofree char *source = gk_narrative_source ("procurement/total/%s", sources[i].column);

          gk_composer_amount (c, gk_narrative_column_total (table, sources[i].column), source);
        }
      else
        fact_amount (c, e, sources[i].property);
    }
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.procurement-detail.sme");
  gk_composer_text (c, "面向中小企业预留政府采购项目预算金额");
  gk_composer_amount (c, sme, "explanation/procurement-sme-reserved");
  if (share_of (sme, total, &share))
    {
      gk_composer_text (c, "，占政府采购预算总额的");
      gk_composer_percent (c, share, "explanation/procurement-sme-reserved/share");
    }
  gk_composer_text (c, "，其中：面向小微企业预留");
  gk_composer_amount (c, micro, "explanation/procurement-micro-reserved");
  if (share_of (micro, sme, &share))
    {
      gk_composer_text (c, "，占面向中小企业预留金额的");
      gk_composer_percent (c, share, "explanation/procurement-micro-reserved/share");
    }
  gk_composer_text (c, "。");
}

/* 国有资产, by class ---------------------------------------------------------- */

static const struct { const char *count; const char *value; const char *name; } vehicle_kinds[] = {
  { "leader-vehicles", "leader-vehicles-value", "领导干部用车" },
  { "general-vehicles", "general-vehicles-value", "一般公务用车" },
  { "enforcement-vehicles", "enforcement-vehicles-value", "执法执勤用车" },
  { "special-vehicles", "special-vehicles-value", "特种专业技术用车" },
  { "confidential-vehicles", "confidential-vehicles-value", "机要通信用车" },
  { "emergency-vehicles", "emergency-vehicles-value", "应急保障用车" },
  { "other-vehicles", "other-vehicles-value", "其他用车" },
};

static void
assets_as_of (GkComposer *c)
{
  const char *as_of = gk_explanation_get_text (c->explanation, "assets-as-of");

  if (as_of != NULL && as_of[0] != '\0')
    gk_composer_span (c, GK_SPAN_TYPED, as_of, "explanation/assets-as-of");
  else
    {
      /* The assets reported are those at the end of the year before. */
      g_autofree char *year = g_strdup_printf ("%u", gk_document_get_year (c->document) - 1);

      gk_composer_span (c, GK_SPAN_FIGURE, year, "document/year");
      gk_composer_text (c, "年12月31日");
    }
}

void
gk_narrative_kind_assets_detail (GkComposer *c)
{
  static const struct { const char *property; const char *name; } classes[] = {
    { "land-value", "土地" },
    { "building-value", "房屋" },
    { NULL, "车辆" },
    { "general-equipment-value", "通用设备" },
    { "special-equipment-value", "专用设备" },
    { "furniture-value", "家具" },
    { "intangible-value", "无形资产" },
    { "other-assets-value", "其他资产" },
  };
  GObject *e = G_OBJECT (c->explanation);
  const char *vehicle_values[G_N_ELEMENTS (vehicle_kinds)];
  const char *vehicle_counts[G_N_ELEMENTS (vehicle_kinds)];
  GkAmount vehicles_value = 0;
  gint64 vehicles = 0;
  gboolean values_complete;
  gboolean counts_complete;
  GkAmount total = 0;
  gboolean total_complete;
  GkTable *new_assets = gk_narrative_table (c, "new-assets");

  for (guint i = 0; i < G_N_ELEMENTS (vehicle_kinds); i++)
    {
      vehicle_values[i] = vehicle_kinds[i].value;
      vehicle_counts[i] = vehicle_kinds[i].count;
    }
  values_complete = facts_sum (e, vehicle_values, G_N_ELEMENTS (vehicle_values), &vehicles_value);
  counts_complete = counts_sum (e, vehicle_counts, G_N_ELEMENTS (vehicle_counts), &vehicles);
  total_complete = values_complete;
  for (guint i = 0; i < G_N_ELEMENTS (classes) && total_complete; i++)
    {
      gint64 value = 0;

      if (classes[i].property == NULL)
        value = vehicles_value;
      else if (fact_is_set (e, classes[i].property))
        g_object_get (e, classes[i].property, &value, NULL);
      else
        total_complete = FALSE;
      if (total_complete && !gk_amount_add (total, value, &total))
        total_complete = FALSE;
    }

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.assets-detail.total");
  gk_composer_text (c, "截至");
  assets_as_of (c);
  gk_composer_text (c, "，");
  gk_composer_unit_name (c);
  gk_composer_text (c, "共有资产原值");
  if (total_complete)
    gk_composer_amount (c, total, "explanation/assets-total");
  else
    {
      const char *parts[G_N_ELEMENTS (classes) + G_N_ELEMENTS (vehicle_kinds)];
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        if (classes[i].property != NULL)
          parts[n++] = classes[i].property;
      for (guint i = 0; i < G_N_ELEMENTS (vehicle_kinds); i++)
        parts[n++] = vehicle_kinds[i].value;
      missing_part (c, e, parts, n);
    }
  gk_composer_text (c, "，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (i > 0)
        gk_composer_text (c, "，");
      gk_composer_text (c, classes[i].name);
      if (classes[i].property != NULL)
        fact_amount (c, e, classes[i].property);
      else if (values_complete)
        gk_composer_amount (c, vehicles_value, "explanation/vehicles-value");
      else
        missing_part (c, e, vehicle_values, G_N_ELEMENTS (vehicle_values));
    }
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.assets-detail.vehicles");
  gk_composer_text (c, "共有车辆");
  if (counts_complete)
    gk_composer_count (c, vehicles, "explanation/vehicles");
  else
    missing_part (c, e, vehicle_counts, G_N_ELEMENTS (vehicle_counts));
  gk_composer_text (c, "辆，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (vehicle_kinds); i++)
    {
      if (i > 0)
        gk_composer_text (c, "、");
      gk_composer_text (c, vehicle_kinds[i].name);
      fact_count (c, e, vehicle_kinds[i].count);
      gk_composer_text (c, "辆");
    }
  gk_composer_text (c, "。");

  /* The thresholds are 万元 by definition, whatever unit the tables use. */
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.assets-detail.equipment");
  gk_composer_text (c, "单价50万元以上通用设备");
  fact_count (c, e, "equipment-50");
  gk_composer_text (c, "台（套），单价100万元以上专用设备");
  fact_count (c, e, "equipment-100");
  gk_composer_text (c, "台（套）。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.assets-detail.planned");
  gk_composer_year (c);
  gk_composer_text (c, "部门预算安排购置车辆");
  fact_count (c, e, "planned-vehicles");
  gk_composer_text (c, "辆，单价50万元以上通用设备");
  fact_count (c, e, "planned-equipment-50");
  gk_composer_text (c, "台（套），单价100万元以上专用设备");
  fact_count (c, e, "planned-equipment-100");
  gk_composer_text (c, "台（套）");
  /* 新增资产配置预算表, where the template has it, holds the amount. */
  gk_composer_text (c, "，新增资产配置预算");
  if (new_assets != NULL && gk_table_column_index (new_assets, "amount") >= 0)
    gk_composer_amount (c, gk_narrative_column_total (new_assets, "amount"), "new-assets/total/amount");
  else
    fact_amount (c, e, "planned-value");
  gk_composer_text (c, "。");
}

/* Staffing ------------------------------------------------------------------ */

void
gk_narrative_kind_staffing (GkComposer *c)
{
  static const struct { const char *property; const char *name; } posts[] = {
    { "administrative-posts", "行政编制" },
    { "institution-posts", "事业编制" },
    { "worker-posts", "工勤编制" },
  };
  static const struct { const char *property; const char *name; } people[] = {
    { "serving", "在职人员" },
    { "retired", "退休人员" },
    { "veteran", "离休人员" },
  };
  GkOverview *overview = gk_document_get_overview (c->document);
  GObject *o = G_OBJECT (overview);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.staffing.posts");
  gk_composer_unit_name (c);
  gk_composer_text (c, "编制数");
  fact_count (c, o, "authorized");
  gk_composer_text (c, "名，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      if (i > 0)
        gk_composer_text (c, "，");
      gk_composer_text (c, posts[i].name);
      fact_count (c, o, posts[i].property);
      gk_composer_text (c, "名");
    }
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "k.staffing.people");
  gk_composer_text (c, "实有人数");
  gk_composer_count (c, gk_overview_get_actual (overview), "overview/actual");
  gk_composer_text (c, "人，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gk_composer_text (c, people[i].name);
      fact_count (c, o, people[i].property);
      gk_composer_text (c, i + 1 < G_N_ELEMENTS (people) ? "人，" : "人；");
    }
  gk_composer_text (c, "另有聘用人员");
  fact_count (c, o, "contracted");
  gk_composer_text (c, "人，遗属");
  fact_count (c, o, "survivors");
  gk_composer_text (c, "人。");
}
