/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-checker-private.h"
#include "gk-final-facts.h"

/* What a figure in a typed text is of: from the subject the text reader
 * found ("expenditure:basic", "general-expenditure/2010301", "project/p3", "vehicles:general" …),
 * the figure the document holds for it, last year's figure it is compared
 * with, the shares it belongs to, and the places a finding points to. */

/* 表二's sources as 情况说明 names them. */
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

/* "general" → 一般公共预算, as 情况说明 names 表二's sources. */
const char *
gk_check_income_name (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (income_names); i++)
    if (g_str_equal (income_names[i].column, column))
      return income_names[i].name;
  return NULL;
}



void
gk_check_subject_clear (GkCheckSubject *s)
{
  g_clear_pointer (&s->label, g_free);
  g_clear_pointer (&s->prior_key, g_free);
  g_clear_pointer (&s->places, g_ptr_array_unref);
}


static void
subject_place (GkCheckSubject    *s,
               const char *part,
               const char *row,
               const char *column)
{
  if (s->places == NULL)
    s->places = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_place_free);
  g_ptr_array_add (s->places, gk_place_new (part, row, column));
}

static void
subject_row (GkCheckSubject    *s,
             GkRow      *row,
             const char *column)
{
  GkTable *table = row != NULL ? gk_row_get_table (row) : NULL;

  if (table != NULL)
    subject_place (s, gk_table_get_id (table), gk_check_row_key (row), column);
}

static const char *
column_title (GkTable    *table,
              const char *column_id)
{
  int index = gk_table_column_index (table, column_id);

  return index >= 0 ? gk_table_schema_get_column (gk_table_get_schema (table), index)->title : column_id;
}

/* How 情况说明 speaks of a column's 合计. */
static const char *
friendly_label (const char *key,
                const char *fallback)
{
  static const struct { const char *key; const char *label; } known[] = {
    { "income:total", "收入预算" },
    { "expenditure:total", "支出预算" },
    { "expenditure:basic", "基本支出" },
    { "expenditure:project", "项目支出" },
    { "general-expenditure:total", "一般公共预算当年拨款" },
    { "general-expenditure:basic", "一般公共预算基本支出" },
    { "general-expenditure:project", "一般公共预算项目支出" },
    { "basic-expenditure:total", "一般公共预算基本支出" },
    { "project-expenditure:total", "项目支出" },
    { "sangong:total", "“三公”经费" },
    { "sangong:abroad", "因公出国（境）费" },
    { "sangong:vehicle", "公务用车购置及运行费" },
    { "sangong:vehicle-purchase", "公务用车购置费" },
    { "sangong:vehicle-operation", "公务用车运行费" },
    { "sangong:reception", "公务接待费" },
    { "fund-expenditure:total", "政府性基金预算支出" },
    { "capital-expenditure:total", "国有资本经营预算支出" },
    { "final-general:total", "一般公共预算财政拨款支出决算" },
    { "final-general:basic", "一般公共预算财政拨款基本支出决算" },
    { "final-general:project", "一般公共预算财政拨款项目支出决算" },
  };

  if (g_str_has_prefix (key, "income:"))
    for (guint i = 0; i < G_N_ELEMENTS (income_names); i++)
      if (g_str_equal (key + 3, income_names[i].column))
        return income_names[i].name;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (known[i].key, key))
      return known[i].label;
  return fallback;
}

static GkAmount final_figure (GkTable    *table,
                              GkRow      *row,
                              const char *column_id);

/* Last year's figure of a 决算 总表's line or a 收入/支出决算表 column, by
 * the keys a budget's 收入 and 支出 use ("income.total", "income.general",
 * "expenditure.basic"), and "final.total" (收入支出总计) and "final.fiscal"
 * as the composer reads them; the expenditure side's 总计 has a key of its
 * own only where the text gave it a change of its own. */
static char *
final_prior_key (GkCheckRun *run,
                 const char *table_id,
                 const char *line)
{
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  gboolean summary = g_str_equal (table_id, "final-summary");

  if (g_str_equal (table_id, "final-income"))
    return g_strconcat ("income.", line, NULL);
  if (g_str_equal (table_id, "final-expenditure"))
    return g_strconcat ("expenditure.", line, NULL);
  if (!summary && !g_str_equal (table_id, "final-fiscal-summary"))
    return NULL;
  if (g_str_equal (line, "grand-total"))
    return g_strdup (summary ? "final.total" : "final.fiscal");
  if (g_str_equal (line, "expenditure-grand-total"))
    {
      const char *own = summary ? "final.expenditure-total" : "final.fiscal-expenditure";

      return g_strdup (gk_explanation_lookup_prior (explanation, own) != NULL ? own
                       : summary ? "final.total" : "final.fiscal");
    }
  if (!summary)
    return NULL;
  if (g_str_equal (line, "income-total"))
    return g_strdup ("income.total");
  if (g_str_equal (line, "expenditure-total"))
    return g_strdup ("expenditure.total");
  if (g_str_equal (line, "closing"))
    return g_strdup ("closing.total");
  /* 结余分配 is no income, and no last year's figure is kept for it. */
  if (g_str_equal (line, "distribution"))
    return NULL;
  return g_strconcat ("income.", line, NULL);
}

static gboolean
resolve_table (GkCheckRun *run,
               const char *key,
               GkCheckSubject    *s)
{
  g_auto(GStrv) parts = NULL;
  GkTable *table;
  g_autofree char *table_label = NULL;
  const char *id;

  /* Table keys begin with a table role; other keys name texts. */
  {
    g_autofree char *role = g_strndup (key, strcspn (key, ":/"));
    if (gk_document_get_table (run->document, role) == NULL)
      return FALSE;
  }

  if (strchr (key, '/') != NULL && strchr (key, ':') != NULL)
    {
      /* "general-expenditure/2010301:basic": one column of a 类/款/项 row */
      g_autofree char *code = NULL;
      GkRow *row;
      const char *column = strchr (key, ':') + 1;

      parts = g_strsplit (key, "/", 2);
      table = gk_document_get_table (run->document, parts[0]);
      code = g_strndup (parts[1], strcspn (parts[1], ":"));
      if (table == NULL || gk_table_column_index (table, column) < 0 ||
          (row = gk_table_lookup (table, code)) == NULL)
        return FALSE;
      table_label = gk_table_schema_dup_label (gk_table_get_schema (table));
      s->label = g_strdup_printf ("%s %s %s %s", table_label, code, gk_row_get_name (row),
                                  column_title (table, column));
      s->has_amount = TRUE;
      s->amount = gk_check_cell (table, row, column);
      subject_row (s, row, column);
      return TRUE;
    }

  if (strchr (key, ':') != NULL)
    {
      /* "expenditure:basic": a column's 合计, or a summary's line */
      GkRow *row;
      const char *column;

      parts = g_strsplit (key, ":", 2);
      id = parts[0];
      column = parts[1];
      table = gk_document_get_table (run->document, id);
      if (table == NULL)
        return FALSE;
      table_label = gk_table_schema_dup_label (gk_table_get_schema (table));

      if (gk_table_schema_is_summary (gk_table_get_schema (table)))
        {
          const char *first = gk_table_schema_get_column (gk_table_get_schema (table), 0)->id;
          gboolean final = g_str_has_prefix (id, "final-");

          row = gk_table_lookup_line (table, column);
          /* A 决算 总表's 本年支出合计 is its expenditure side's total row. */
          if (row == NULL && final)
            row = gk_table_lookup_stated_line (table, column);
          if (row == NULL)
            return FALSE;
          /* Both sides of a 总表 have a 总计: say which. */
          s->label = g_strdup_printf ("%s %s", table_label,
                                      g_str_equal (column, "grand-total") && final ? "收入总计"
                                      : g_str_equal (column, "expenditure-grand-total") ? "支出总计"
                                      : gk_row_get_name (row));
          s->has_amount = TRUE;
          s->amount = final ? final_figure (table, row, first) : gk_row_get_value (row, 0);
          s->final = final;
          if (final)
            s->prior_key = final_prior_key (run, id, column);
          subject_row (s, row, first);
          return TRUE;
        }
      if (gk_table_column_index (table, column) < 0)
        return FALSE;
      row = gk_table_get_total_row (table) != NULL ? gk_table_get_total_row (table)
                                                   : gk_table_get_single_row (table);
      s->label = g_strdup_printf ("%s %s", table_label, friendly_label (key, column_title (table, column)));
      s->has_amount = TRUE;
      s->final = g_str_has_prefix (id, "final-");
      s->amount = s->final && row != NULL ? final_figure (table, row, column)
                                           : gk_check_column_total (table, column);
      if (row != NULL)
        subject_row (s, row, column);
      if (g_str_equal (id, "final-income") || g_str_equal (id, "final-expenditure"))
        s->prior_key = final_prior_key (run, id, column);
      if (g_str_equal (id, "final-general") && g_str_equal (column, "total"))
        s->prior_key = g_strdup ("general.total");

      if (g_str_equal (id, "income"))
        s->prior_key = g_strconcat ("income.", column, NULL), s->share_group = "s2";
      else if (g_str_equal (id, "expenditure") && !g_str_equal (column, "total"))
        s->prior_key = g_strconcat ("expenditure.", column, NULL), s->share_group = "s3";
      else if (g_str_equal (id, "general-expenditure") && g_str_equal (column, "total"))
        s->prior_key = g_strdup ("general.total");
      else if (g_str_equal (id, "sangong"))
        {
          s->prior_key = g_strconcat ("sangong.", column, NULL);
          s->reason_optional = g_str_equal (column, "total") || g_str_equal (column, "vehicle");
        }
      return TRUE;
    }

  /* "general-expenditure/2010301": a 类/款/项 row */
  parts = g_strsplit (key, "/", 2);
  if (g_strv_length (parts) != 2)
    return FALSE;
  table = gk_document_get_table (run->document, parts[0]);
  if (table == NULL)
    return FALSE;
  {
    GkRow *row = gk_table_lookup (table, parts[1]);
    const char *code = parts[1];

    if (row == NULL)
      return FALSE;
    table_label = gk_table_schema_dup_label (gk_table_get_schema (table));
    s->label = g_strdup_printf ("%s %s %s", table_label, code, gk_row_get_name (row));
    s->has_amount = TRUE;
    s->final = g_str_has_prefix (parts[0], "final-");
    s->amount = gk_check_cell (table, row, "total");
    subject_row (s, row, "total");
    if (g_str_equal (parts[0], "general-expenditure"))
      {
        if (gk_row_is_leaf (row))
          s->prior_key = g_strconcat ("function.", code, NULL);
        if (gk_row_get_parent (row) == NULL)
          s->share_group = "s5";
      }
  }
  return TRUE;
}

/* A figure of a 决算 table as published: the printed one where the table
 * keeps it, else Gongkai's. */
static GkAmount
final_figure (GkTable    *table,
              GkRow      *row,
              const char *column_id)
{
  GkAmount stated;

  if (gk_table_get_stated (table, gk_table_stated_line (row), column_id, &stated))
    return stated;
  return gk_check_cell (table, row, column_id);
}

/* Whether the page gave the 预算数 at all: a 决算 read in from a page that
 * states none leaves them blank, and blank is not 0 to compare with. */
static gboolean
final_budget_given (GkTable *table,
                    GkRow   *row)
{
  static const char * const columns[] = { "total-budget", "abroad-budget", "vehicle-budget", "vehicle-purchase-budget",
                                          "vehicle-operation-budget", "reception-budget" };
  GkAmount stated;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      int index = gk_table_column_index (table, columns[i]);

      if (index >= 0 && (gk_row_is_set (row, index) ||
                         gk_table_get_stated (table, gk_table_stated_line (row), columns[i], &stated)))
        return TRUE;
    }
  return FALSE;
}

/* "sangong:reception" in a 决算: the item's 决算数, with its 预算数 beside
 * it and last year's 决算 to compare with, as in a budget. */
static gboolean
resolve_final_sangong (GkCheckRun     *run,
                       const char     *key,
                       GkCheckSubject *s)
{
  GkTable *table = gk_document_get_table (run->document, "final-sangong");
  GkRow *row = table != NULL ? gk_table_get_single_row (table) : NULL;
  const char *item = key + strlen ("sangong:");
  g_autofree char *final_column = g_strconcat (item, "-final", NULL);
  g_autofree char *budget_column = g_strconcat (item, "-budget", NULL);
  g_autofree char *table_label = NULL;

  if (row == NULL || gk_table_column_index (table, final_column) < 0)
    return FALSE;
  table_label = gk_table_schema_dup_label (gk_table_get_schema (table));
  s->label = g_strdup_printf ("%s %s", table_label, friendly_label (key, column_title (table, final_column)));
  s->has_amount = TRUE;
  s->final = TRUE;
  s->amount = final_figure (table, row, final_column);
  s->has_budget = gk_table_column_index (table, budget_column) >= 0 && final_budget_given (table, row);
  s->budget = s->has_budget ? final_figure (table, row, budget_column) : 0;
  s->prior_key = g_strconcat ("sangong.", item, NULL);
  s->reason_optional = g_str_equal (item, "total") || g_str_equal (item, "vehicle");
  subject_row (s, row, final_column);
  return TRUE;
}

gboolean
gk_check_resolve (GkCheckRun *run,
         const char *key,
         GkCheckSubject    *s)
{
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  GkOverview *overview = gk_document_get_overview (run->document);

  memset (s, 0, sizeof *s);
  s->rule = "narrative.figure";
  if (key == NULL)
    return FALSE;

  if (g_str_has_prefix (key, "sangong:") && gk_document_get_table (run->document, "sangong") == NULL)
    return resolve_final_sangong (run, key, s);
  if (resolve_table (run, key, s))
    return TRUE;

  if (g_str_has_prefix (key, "project/"))
    {
      GkProject *project = gk_document_lookup_project (run->document, key + strlen ("project/"));

      if (project == NULL)
        return FALSE;
      GkTable *projects = gk_document_get_projects_table (run->document);
      g_autofree char *table_label = projects != NULL ? gk_table_schema_dup_label (gk_table_get_schema (projects))
                                                      : g_strdup ("项目");

      s->label = g_strdup_printf ("%s %s", table_label, gk_project_get_name (project));
      s->has_amount = TRUE;
      s->amount = gk_project_get_total (project);
      subject_place (s, "project-expenditure", gk_project_get_id (project), "total");
      return TRUE;
    }

  if (g_str_equal (key, "running"))
    {
      GkTable *t6 = gk_document_get_table (run->document, "basic-expenditure");

      /* A 事业单位 has no 机关运行经费 to compare. */
      if (t6 == NULL || gk_document_get_unit_type (run->document) == GK_UNIT_TYPE_INSTITUTION)
        return FALSE;
      s->label = g_strdup ("机关运行经费");
      s->rule = "explanation.running-costs";
      s->has_amount = TRUE;
      s->amount = gk_check_column_total (t6, "public");
      s->prior_key = g_strdup ("running-costs");
      if (gk_table_get_total_row (t6) != NULL)
        subject_row (s, gk_table_get_total_row (t6), "public");
      return TRUE;
    }

  if (g_str_has_prefix (key, "procurement:"))
    {
      const char *what = key + strlen ("procurement:");
      static const struct { const char *what; const char *property; const char *label; } fields[] = {
        { "goods", "procurement-goods", "政府采购货物预算" },
        { "works", "procurement-works", "政府采购工程预算" },
        { "services", "procurement-services", "政府采购服务预算" },
        { "sme", "procurement-sme-reserved", "面向中小企业预留" },
        { "micro", "procurement-micro-reserved", "面向小微企业预留" },
      };

      s->rule = "explanation.procurement";
      s->has_amount = TRUE;
      if (g_str_equal (what, "total"))
        {
          s->label = g_strdup ("政府采购预算");
          for (guint i = 0; i < 3; i++)
            s->amount += gk_explanation_get_amount (explanation, fields[i].property);
          subject_place (s, "explanation", "procurement", NULL);
          return TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (g_str_equal (what, fields[i].what))
          {
            s->label = g_strdup (fields[i].label);
            s->amount = gk_explanation_get_amount (explanation, fields[i].property);
            subject_place (s, "explanation", "procurement", fields[i].what);
            return TRUE;
          }
      return FALSE;
    }

  /* A count a 决算's “三公” text states (gk-checker-counts.c), against the
   * fact typed for it; nothing to compare while it is not typed. */
  if (g_str_has_prefix (key, "sangong-count:"))
    {
      g_autofree char *property = g_strconcat ("sangong-", key + strlen ("sangong-count:"), NULL);
      g_autofree char *path = g_strconcat ("sangong/", key + strlen ("sangong-count:"), NULL);
      GkFinalFacts *facts = gk_document_get_final_facts (run->document);
      const char *unit_note;

      s->rule = "narrative.figure";
      s->label = g_strdup (gk_final_facts_name (property));
      /* "因公出国（境）团组（个）": the unit is the figure's. */
      if ((unit_note = g_strrstr (s->label, "（")) != NULL && g_str_has_suffix (s->label, "）") &&
          g_utf8_strlen (unit_note, -1) == 3)
        s->label[unit_note - s->label] = '\0';
      s->has_count = facts != NULL && gk_final_facts_is_set (facts, property);
      s->count = s->has_count ? gk_final_facts_get_count (facts, property) : 0;
      subject_place (s, "explanation", "final", path);
      return TRUE;
    }

  /* 公务用车保有量 in a 决算's “三公” text: the count typed for the “三公”
   * paragraph where it is, else the vehicles its 国有资产 section counts,
   * where the document has them by kind. */
  if (g_str_equal (key, "vehicles:held"))
    {
      static const char * const kinds[] = { "vehicles-ministerial", "vehicles-principal", "vehicles-confidential",
                                            "vehicles-emergency", "vehicles-enforcement", "vehicles-special",
                                            "vehicles-retired", "vehicles-other" };
      GkFinalFacts *facts = gk_document_get_final_facts (run->document);

      s->rule = "narrative.figure";
      if (facts != NULL && gk_final_facts_is_set (facts, "sangong-vehicles-held"))
        {
          s->label = g_strdup ("公务用车保有量");
          s->has_count = TRUE;
          s->count = gk_final_facts_get_count (facts, "sangong-vehicles-held");
          subject_place (s, "explanation", "final", "sangong/vehicles-held");
          return TRUE;
        }
      s->label = g_strdup ("国有资产占用情况 车辆合计");
      for (guint i = 0; facts != NULL && i < G_N_ELEMENTS (kinds); i++)
        if (gk_final_facts_is_set (facts, kinds[i]))
          {
            s->has_count = TRUE;
            s->count += gk_final_facts_get_count (facts, kinds[i]);
          }
      subject_place (s, "explanation", "final", "assets/vehicles");
      return TRUE;
    }

  if (g_str_has_prefix (key, "vehicles:"))
    {
      static const struct { const char *what; const char *count; const char *value; const char *label; } kinds[] = {
        { "general", "general-vehicles", "general-vehicles-value", "一般公务用车" },
        { "enforcement", "enforcement-vehicles", "enforcement-vehicles-value", "执法执勤用车" },
        { "other", "other-vehicles", "other-vehicles-value", "其他车辆" },
      };
      const char *what = key + strlen ("vehicles:");

      s->rule = "explanation.vehicles";
      s->has_amount = s->has_count = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_str_equal (what, "total") || g_str_equal (what, kinds[i].what))
          {
            s->count += gk_explanation_get_count (explanation, kinds[i].count);
            s->amount += gk_explanation_get_amount (explanation, kinds[i].value);
            if (!g_str_equal (what, "total"))
              s->label = g_strdup (kinds[i].label);
          }
      if (s->label == NULL)
        s->label = g_strdup ("车辆");
      subject_place (s, "explanation", "assets", "vehicles");
      return TRUE;
    }

  if (g_str_has_prefix (key, "assets:"))
    {
      const char *what = key + strlen ("assets:");

      s->has_amount = TRUE;
      if (g_str_equal (what, "building"))
        {
          s->label = g_strdup ("房屋");
          s->amount = gk_explanation_get_amount (explanation, "building-value");
          s->has_area = TRUE;
          s->area = gk_explanation_get_amount (explanation, "building-area");
        }
      else if (g_str_equal (what, "furniture"))
        {
          s->label = g_strdup ("办公家具");
          s->amount = gk_explanation_get_amount (explanation, "furniture-value");
        }
      else if (g_str_equal (what, "other"))
        {
          s->label = g_strdup ("其他资产");
          s->amount = gk_explanation_get_amount (explanation, "other-assets-value");
        }
      else
        return FALSE;
      subject_place (s, "explanation", "assets", what);
      return TRUE;
    }

  if (g_str_has_prefix (key, "equipment:") || g_str_has_prefix (key, "planned:"))
    {
      gboolean planned = g_str_has_prefix (key, "planned:");
      const char *what = strchr (key, ':') + 1;
      g_autofree char *property = NULL;

      if (g_str_equal (what, "vehicles"))
        property = g_strdup ("planned-vehicles");
      else if (g_str_equal (what, "50") || g_str_equal (what, "100"))
        property = g_strdup_printf ("%sequipment-%s", planned ? "planned-" : "", what);
      else
        return FALSE;
      s->rule = g_str_equal (what, "vehicles") ? "explanation.vehicles" : "narrative.figure";
      s->label = g_str_equal (what, "vehicles") ? g_strdup ("安排购置车辆")
                 : g_strdup_printf ("%s单位价值%s万元以上大型设备", planned ? "安排购置" : "", what);
      s->has_count = TRUE;
      s->count = gk_explanation_get_count (explanation, property);
      subject_place (s, "explanation", "assets", property);
      return TRUE;
    }

  if (g_str_has_prefix (key, "units:"))
    {
      gboolean administrative = g_str_equal (key, "units:administrative");

      s->label = g_strdup (administrative ? "下属行政单位" : "下属事业单位");
      s->rule = "explanation.running-costs";
      s->has_count = TRUE;
      s->count = gk_explanation_get_count (explanation, administrative ? "administrative-units" : "institutions");
      subject_place (s, "explanation", "running-costs", administrative ? "administrative-units" : "institutions");
      return TRUE;
    }

  if (g_str_equal (key, "performance"))
    {
      GkTable *t7 = gk_document_get_table (run->document, "project-expenditure");

      s->label = g_strdup ("实行绩效管理的项目");
      s->rule = "explanation.performance";
      s->has_count = TRUE;
      s->count = g_list_model_get_n_items (gk_document_get_projects (run->document));
      s->has_amount = t7 != NULL;
      s->amount = gk_check_column_total (t7, "total");
      if (t7 != NULL && gk_table_get_total_row (t7) != NULL)
        subject_row (s, gk_table_get_total_row (t7), "total");
      return TRUE;
    }

  if (g_str_has_prefix (key, "staff:"))
    {
      static const struct { const char *what; const char *label; const char *change; } staff[] = {
        { "authorized", "编制数", NULL },
        { "actual", "实有人数", NULL },
        { "serving", "在职", "serving-change" },
        { "retired", "退休", "retired-change" },
        { "veteran", "离休", "veteran-change" },
      };
      const char *what = key + strlen ("staff:");

      s->rule = "overview.staff";
      s->has_count = TRUE;
      if (g_str_equal (what, "offices") || g_str_equal (what, "units"))
        {
          gboolean offices = g_str_equal (what, "offices");
          GListModel *list = offices ? gk_overview_get_offices (overview)
                                     : gk_overview_get_subordinate_units (overview);

          s->label = g_strdup (offices ? "内设处室" : "下属单位");
          s->count = g_list_model_get_n_items (list);
          subject_place (s, "overview", offices ? "offices" : "subordinate-units", NULL);
          return TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
        if (g_str_equal (what, staff[i].what))
          {
            s->label = g_strdup (staff[i].label);
            if (g_str_equal (what, "actual"))
              s->count = gk_overview_get_actual (overview);
            else
              {
                int value = 0;
                g_object_get (overview, staff[i].what, &value, NULL);
                s->count = value;
              }
            if (staff[i].change != NULL)
              {
                int change = 0;
                g_object_get (overview, staff[i].change, &change, NULL);
                s->has_change_count = TRUE;
                s->change_count = change;
              }
            subject_place (s, "overview", "staff", staff[i].what);
            return TRUE;
          }
      return FALSE;
    }

  return FALSE;
}

