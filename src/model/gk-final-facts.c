/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-fields.h"
#include "gk-final-facts.h"

struct _GkFinalFacts
{
  GObject   parent_instance;

  int       abroad_groups;
  int       abroad_people;
  char     *abroad_content;
  int       vehicles_bought;
  char     *vehicle_purchase_use;
  int       vehicles_held;
  char     *vehicle_operation_use;
  int       reception_batches;
  int       reception_people;
  int       foreign_batches;
  int       foreign_people;
  GkAmount  foreign_amount;
  char     *reception_use;

  char     *rules;
  char     *mechanism;
  int       target_projects;
  GkAmount  target_amount;
  int       tracking_projects;
  GkAmount  tracking_amount;
  int       self_projects;
  GkAmount  self_amount;
  char     *average_score;     /* as typed ("92.5"): a score, not money */
  int       excellent;
  int       good;
  int       pass;
  int       fail;
  int       problems_found;
  int       problems_fixed;
  int       problems_fixing;

  /* 政府采购支出 as contracted, and what of it went to 中小企业 by kind
   * and to 小微企业 in all; the totals and shares are derived. */
  GkAmount  procurement[3];
  GkAmount  procurement_sme[3];
  GkAmount  procurement_micro;
  /* As Shanghai states it: 预留 for 中小企业 and 小微企业, and what went to
   * them in those projects and in the others. */
  GkAmount  procurement_reserved[5];

  /* Vehicles held at 12月31日 by kind, and 单价100万元以上设备. */
  int       vehicles[8];
  char     *vehicles_other_use;  /* 其他用车主要是… */
  int       equipment_100;
};

G_DEFINE_FINAL_TYPE (GkFinalFacts, gk_final_facts, G_TYPE_OBJECT)

/* Counts may be -1, not entered. */
static const GkField fields[] = {
  GK_FIELD_INT_IN ("sangong/abroad-groups", "sangong-abroad-groups", GkFinalFacts, abroad_groups, -1),
  GK_FIELD_INT_IN ("sangong/abroad-people", "sangong-abroad-people", GkFinalFacts, abroad_people, -1),
  GK_FIELD_STRING_IN ("sangong/abroad-content", "sangong-abroad-content", GkFinalFacts, abroad_content),
  GK_FIELD_INT_IN ("sangong/vehicles-bought", "sangong-vehicles-bought", GkFinalFacts, vehicles_bought, -1),
  GK_FIELD_STRING_IN ("sangong/vehicle-purchase-use", "sangong-vehicle-purchase-use", GkFinalFacts, vehicle_purchase_use),
  GK_FIELD_INT_IN ("sangong/vehicles-held", "sangong-vehicles-held", GkFinalFacts, vehicles_held, -1),
  GK_FIELD_STRING_IN ("sangong/vehicle-operation-use", "sangong-vehicle-operation-use", GkFinalFacts, vehicle_operation_use),
  GK_FIELD_INT_IN ("sangong/reception-batches", "sangong-reception-batches", GkFinalFacts, reception_batches, -1),
  GK_FIELD_INT_IN ("sangong/reception-people", "sangong-reception-people", GkFinalFacts, reception_people, -1),
  GK_FIELD_INT_IN ("sangong/foreign-batches", "sangong-foreign-batches", GkFinalFacts, foreign_batches, -1),
  GK_FIELD_INT_IN ("sangong/foreign-people", "sangong-foreign-people", GkFinalFacts, foreign_people, -1),
  GK_FIELD_AMOUNT_IN ("sangong/foreign-amount", "sangong-foreign-amount", GkFinalFacts, foreign_amount),
  GK_FIELD_STRING_IN ("sangong/reception-use", "sangong-reception-use", GkFinalFacts, reception_use),
  GK_FIELD_STRING_IN ("performance/rules", "performance-rules", GkFinalFacts, rules),
  GK_FIELD_STRING_IN ("performance/mechanism", "performance-mechanism", GkFinalFacts, mechanism),
  GK_FIELD_INT_IN ("performance/target-projects", "performance-target-projects", GkFinalFacts, target_projects, -1),
  GK_FIELD_AMOUNT_IN ("performance/target-amount", "performance-target-amount", GkFinalFacts, target_amount),
  GK_FIELD_INT_IN ("performance/tracking-projects", "performance-tracking-projects", GkFinalFacts, tracking_projects, -1),
  GK_FIELD_AMOUNT_IN ("performance/tracking-amount", "performance-tracking-amount", GkFinalFacts, tracking_amount),
  GK_FIELD_INT_IN ("performance/self-projects", "performance-self-projects", GkFinalFacts, self_projects, -1),
  GK_FIELD_AMOUNT_IN ("performance/self-amount", "performance-self-amount", GkFinalFacts, self_amount),
  GK_FIELD_STRING_IN ("performance/average-score", "performance-average-score", GkFinalFacts, average_score),
  GK_FIELD_INT_IN ("performance/excellent", "performance-excellent", GkFinalFacts, excellent, -1),
  GK_FIELD_INT_IN ("performance/good", "performance-good", GkFinalFacts, good, -1),
  GK_FIELD_INT_IN ("performance/pass", "performance-pass", GkFinalFacts, pass, -1),
  GK_FIELD_INT_IN ("performance/fail", "performance-fail", GkFinalFacts, fail, -1),
  GK_FIELD_INT_IN ("performance/problems-found", "performance-problems-found", GkFinalFacts, problems_found, -1),
  GK_FIELD_INT_IN ("performance/problems-fixed", "performance-problems-fixed", GkFinalFacts, problems_fixed, -1),
  GK_FIELD_INT_IN ("performance/problems-fixing", "performance-problems-fixing", GkFinalFacts, problems_fixing, -1),
  GK_FIELD_AMOUNT_SET_IN ("procurement/goods", "procurement-goods", GkFinalFacts, procurement[0]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/works", "procurement-works", GkFinalFacts, procurement[1]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/services", "procurement-services", GkFinalFacts, procurement[2]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/sme-goods", "procurement-sme-goods", GkFinalFacts, procurement_sme[0]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/sme-works", "procurement-sme-works", GkFinalFacts, procurement_sme[1]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/sme-services", "procurement-sme-services", GkFinalFacts, procurement_sme[2]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/micro", "procurement-micro", GkFinalFacts, procurement_micro),
  GK_FIELD_AMOUNT_SET_IN ("procurement/sme-reserved", "procurement-sme-reserved", GkFinalFacts, procurement_reserved[0]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/micro-reserved", "procurement-micro-reserved", GkFinalFacts, procurement_reserved[1]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/sme-reserved-awarded", "procurement-sme-reserved-awarded", GkFinalFacts, procurement_reserved[2]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/micro-reserved-awarded", "procurement-micro-reserved-awarded", GkFinalFacts, procurement_reserved[3]),
  GK_FIELD_AMOUNT_SET_IN ("procurement/sme-other-awarded", "procurement-sme-other-awarded", GkFinalFacts, procurement_reserved[4]),
  GK_FIELD_INT_SET_IN ("assets/vehicles/ministerial", "vehicles-ministerial", GkFinalFacts, vehicles[0]),
  GK_FIELD_INT_SET_IN ("assets/vehicles/principal", "vehicles-principal", GkFinalFacts, vehicles[1]),
  GK_FIELD_INT_SET_IN ("assets/vehicles/confidential", "vehicles-confidential", GkFinalFacts, vehicles[2]),
  GK_FIELD_INT_SET_IN ("assets/vehicles/emergency", "vehicles-emergency", GkFinalFacts, vehicles[3]),
  GK_FIELD_INT_SET_IN ("assets/vehicles/enforcement", "vehicles-enforcement", GkFinalFacts, vehicles[4]),
  GK_FIELD_INT_SET_IN ("assets/vehicles/special", "vehicles-special", GkFinalFacts, vehicles[5]),
  GK_FIELD_INT_SET_IN ("assets/vehicles/retired", "vehicles-retired", GkFinalFacts, vehicles[6]),
  GK_FIELD_INT_SET_IN ("assets/vehicles/other", "vehicles-other", GkFinalFacts, vehicles[7]),
  GK_FIELD_STRING_IN ("assets/vehicles/other-use", "vehicles-other-use", GkFinalFacts, vehicles_other_use),
  GK_FIELD_INT_SET_IN ("assets/equipment-100", "equipment-100", GkFinalFacts, equipment_100),
};
static GParamSpec *properties[G_N_ELEMENTS (fields)];

static void
gk_final_facts_finalize (GObject *object)
{
  gk_fields_clear (object, fields, G_N_ELEMENTS (fields));
  G_OBJECT_CLASS (gk_final_facts_parent_class)->finalize (object);
}

static void
gk_final_facts_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (!gk_fields_get (object, 1, fields, G_N_ELEMENTS (fields), prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gk_final_facts_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (!gk_fields_set (object, 1, fields, G_N_ELEMENTS (fields), properties, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
gk_final_facts_class_init (GkFinalFactsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_final_facts_finalize;
  object_class->get_property = gk_final_facts_get_property;
  object_class->set_property = gk_final_facts_set_property;
  gk_fields_install (object_class, 1, fields, G_N_ELEMENTS (fields), properties);
  gk_fields_register (G_TYPE_FROM_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
gk_final_facts_init (GkFinalFacts *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].type == GK_FIELD_INT)
      G_STRUCT_MEMBER (int, self, fields[i].offset) = GK_FINAL_FACTS_UNSET;
  gk_fields_init_unset (self, fields, G_N_ELEMENTS (fields));
}

GkFinalFacts *
gk_final_facts_new (void)
{
  return g_object_new (GK_TYPE_FINAL_FACTS, NULL);
}

int
gk_final_facts_get_count (GkFinalFacts *self,
                          const char   *property)
{
  int value = GK_FINAL_FACTS_UNSET;

  g_return_val_if_fail (GK_IS_FINAL_FACTS (self), GK_FINAL_FACTS_UNSET);
  g_object_get (self, property, &value, NULL);
  return value;
}

GkAmount
gk_final_facts_get_amount (GkFinalFacts *self,
                           const char   *property)
{
  gint64 value = 0;

  g_return_val_if_fail (GK_IS_FINAL_FACTS (self), 0);
  g_object_get (self, property, &value, NULL);
  return value;
}

/* Borrowed; valid until the property changes. */
const char *
gk_final_facts_get_text (GkFinalFacts *self,
                         const char   *property)
{
  g_return_val_if_fail (GK_IS_FINAL_FACTS (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].type == GK_FIELD_STRING && g_str_equal (fields[i].name, property))
      return G_STRUCT_MEMBER (char *, self, fields[i].offset);
  g_return_val_if_reached (NULL);
}

/* Whether a fact was entered: a count is not -1, an amount that may be
 * left out (政府采购) was typed. */
gboolean
gk_final_facts_is_set (GkFinalFacts *self,
                       const char   *property)
{
  const GkField *field;

  g_return_val_if_fail (GK_IS_FINAL_FACTS (self), FALSE);
  field = gk_fields_lookup (GK_TYPE_FINAL_FACTS, property);
  g_return_val_if_fail (field != NULL, FALSE);
  if (field->type == GK_FIELD_INT)
    return G_STRUCT_MEMBER (int, self, field->offset) != GK_FINAL_FACTS_UNSET;
  return gk_field_is_set (self, field);
}

/* Nothing entered: the file then says nothing of them. */
gboolean
gk_final_facts_is_empty (GkFinalFacts *self)
{
  g_return_val_if_fail (GK_IS_FINAL_FACTS (self), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    switch (fields[i].type)
      {
      case GK_FIELD_INT:
        if (G_STRUCT_MEMBER (int, self, fields[i].offset) != GK_FINAL_FACTS_UNSET)
          return FALSE;
        break;
      case GK_FIELD_AMOUNT:
        if (fields[i].optional ? gk_field_is_set (self, &fields[i])
                               : G_STRUCT_MEMBER (GkAmount, self, fields[i].offset) != 0)
          return FALSE;
        break;
      case GK_FIELD_STRING:
      default:
        {
          const char *text = G_STRUCT_MEMBER (char *, self, fields[i].offset);
          if (text != NULL && text[0] != '\0')
            return FALSE;
        }
        break;
      }
  return TRUE;
}

/* The names the figure editor and the checks give them. */
static const struct { const char *property; const char *name; } fact_names[] = {
  { "sangong-abroad-groups", "因公出国（境）团组（个）" },
  { "sangong-abroad-people", "因公出国（境）人次" },
  { "sangong-abroad-content", "因公出国（境）开支内容" },
  { "sangong-vehicles-bought", "购置公务用车（辆）" },
  { "sangong-vehicle-purchase-use", "公务用车购置主要用于" },
  { "sangong-vehicles-held", "公务用车保有量（辆）" },
  { "sangong-vehicle-operation-use", "公务用车运行维护主要用于" },
  { "sangong-reception-batches", "公务接待批次" },
  { "sangong-reception-people", "公务接待人次" },
  { "sangong-foreign-batches", "接待外宾批次" },
  { "sangong-foreign-people", "接待外宾人次" },
  { "sangong-foreign-amount", "外宾接待支出" },
  { "sangong-reception-use", "公务接待主要用于" },
  { "performance-rules", "预算绩效管理制度" },
  { "performance-mechanism", "预算绩效管理工作机制" },
  { "performance-target-projects", "编报绩效目标的项目（个）" },
  { "performance-target-amount", "编报绩效目标的预算金额" },
  { "performance-tracking-projects", "绩效跟踪评价的项目（个）" },
  { "performance-tracking-amount", "绩效跟踪评价的预算金额" },
  { "performance-self-projects", "绩效自评的项目（个）" },
  { "performance-self-amount", "绩效自评的预算金额" },
  { "performance-average-score", "绩效自评平均得分" },
  { "performance-excellent", "评级为“优”的项目（个）" },
  { "performance-good", "评级为“良”的项目（个）" },
  { "performance-pass", "评级为“合格”的项目（个）" },
  { "performance-fail", "评级为“不合格”的项目（个）" },
  { "performance-problems-found", "发现问题（个）" },
  { "performance-problems-fixed", "已完成整改（个）" },
  { "performance-problems-fixing", "正在整改（个）" },
  { "procurement-goods", "政府采购货物支出" },
  { "procurement-works", "政府采购工程支出" },
  { "procurement-services", "政府采购服务支出" },
  { "procurement-sme-goods", "货物采购授予中小企业合同金额" },
  { "procurement-sme-works", "工程采购授予中小企业合同金额" },
  { "procurement-sme-services", "服务采购授予中小企业合同金额" },
  { "procurement-micro", "授予小微企业合同金额" },
  { "procurement-sme-reserved", "面向中小企业预留项目预算金额" },
  { "procurement-micro-reserved", "面向小微企业预留项目预算金额" },
  { "procurement-sme-reserved-awarded", "中小企业预留项目中由中小企业中标或成交的金额" },
  { "procurement-micro-reserved-awarded", "小微企业预留项目中由小微企业中标或成交的金额" },
  { "procurement-sme-other-awarded", "其他项目中由中小企业中标或成交的金额" },
  { "vehicles-ministerial", "部级领导干部用车（辆）" },
  { "vehicles-principal", "主要领导干部用车（辆）" },
  { "vehicles-confidential", "机要通信用车（辆）" },
  { "vehicles-emergency", "应急保障用车（辆）" },
  { "vehicles-enforcement", "执法执勤用车（辆）" },
  { "vehicles-special", "特种专业技术用车（辆）" },
  { "vehicles-retired", "离退休干部用车（辆）" },
  { "vehicles-other", "其他用车（辆）" },
  { "vehicles-other-use", "其他用车主要是" },
  { "equipment-100", "单价100万元（含）以上设备（台、套）" },
};

/**
 * gk_final_facts_name:
 * @property: a fact ("sangong-abroad-groups")
 *
 * Returns: (transfer none): its name as the figure editor shows it
 *   ("因公出国（境）团组（个）"), or @property itself
 */
const char *
gk_final_facts_name (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (fact_names); i++)
    if (g_strcmp0 (fact_names[i].property, property) == 0)
      return fact_names[i].name;
  return property;
}
