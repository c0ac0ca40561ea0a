/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-narrative-private.h"

/* The kinds of paragraph about spending: 基本支出, 项目支出, “三公”经费 and
 * 政府性基金, each read from its table. */

/* 表八's items in the order the sentence lists them, with their prior keys. */
static const struct { const char *column; const char *name; } sangong_items[] = {
  { "abroad", "因公出国（境）费" },
  { "vehicle-purchase", "公务用车购置费" },
  { "vehicle-operation", "公务用车运行费" },
  { "reception", "公务接待费" },
};

/* 六、一般公共预算基本支出 ---------------------------------------------------------- */

static void
economic_names (GkComposer *c,
                GkTable    *t6,
                GPtrArray  *leaves,
                const char *column)
{
  guint n = 0;

  for (guint i = 0; i < leaves->len; i++)
    {
      GkRow *row = leaves->pdata[i];
      g_autofree char *name_source = NULL;

      if (gk_narrative_cell (row, t6, column) == 0)
        continue;
      gk_composer_text (c, n++ > 0 ? "、" : "，主要包括：");
      name_source = gk_narrative_source ("basic-expenditure/%s/name", gk_row_get_code (row));
      gk_composer_span (c, GK_SPAN_FIGURE, gk_row_get_name (row), name_source);
    }
}

void
gk_narrative_kind_basic (GkComposer *c)
{
  GkTable *t6 = gk_narrative_table (c, "basic-expenditure");
  g_autoptr(GPtrArray) leaves = NULL;

  if (t6 == NULL)
    return;
  leaves = gk_narrative_leaf_rows (t6);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s6.total");
  gk_composer_unit_name (c);
  gk_composer_year (c);
  gk_composer_text (c, "一般公共预算基本支出");
  gk_composer_amount (c, gk_narrative_column_total (t6, "total"), "basic-expenditure/total/total");
  gk_composer_text (c, "，其中：");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s6.personnel");
  gk_composer_text (c, "人员经费");
  gk_composer_amount (c, gk_narrative_column_total (t6, "personnel"), "basic-expenditure/total/personnel");
  economic_names (c, t6, leaves, "personnel");
  gk_composer_text (c, "；");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s6.public");
  gk_composer_text (c, "公用经费");
  gk_composer_amount (c, gk_narrative_column_total (t6, "public"), "basic-expenditure/total/public");
  economic_names (c, t6, leaves, "public");
  gk_composer_text (c, "。");
}

/* 七、项目支出 ---------------------------------------------------------------- */

/* Projects in 表七's order: by function 项, then as entered; as entered
 * when the template lists them in no table. */
GPtrArray *
gk_narrative_projects (GkComposer *c)
{
  GkTable *t7 = gk_document_get_projects_table (c->document);
  GPtrArray *projects = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list = t7 != NULL ? G_LIST_MODEL (t7) : gk_document_get_projects (c->document);
  guint n = g_list_model_get_n_items (list);

  if (t7 == NULL)
    {
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (projects, g_list_model_get_item (list, i));
      return projects;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (t7), i);

      if (gk_row_get_kind (row) == GK_ROW_KIND_PROJECT && gk_row_get_project (row) != NULL)
        g_ptr_array_add (projects, g_object_ref (gk_row_get_project (row)));
    }
  return projects;
}

static void
project_line (GkComposer *c,
              GkProject  *project,
              const char *field,
              const char *label,
              const char *text)
{
  g_autofree char *field_source = gk_narrative_source ("project/%s/%s", gk_project_get_id (project), field);
  GkParagraph *paragraph;

  paragraph = gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s7.project.%s.%s",
                                     gk_project_get_id (project), field);
  paragraph->project = g_object_ref (project);
  gk_composer_text (c, label);
  gk_composer_typed (c, text, field_source, "（未填写）");
}

/* All a project's paragraphs are written from, besides the project
 * itself, for gk_composer_block_begin(). */
typedef struct
{
  guint64  serial;
  guint    index;
  GkAmount total;
  GkAmount fiscal;
  GkAmount other_funds;
} ProjectInputs;

/* The subheading and the lines of the (@index + 1)th project. */
static void
compose_project (GkComposer *c,
                 GkProject  *project,
                 guint       index)
{
  const char *id = gk_project_get_id (project);
  g_autofree char *n = gk_narrative_chinese_number (index + 1);
  g_autofree char *number = g_strdup_printf ("（%s）项目名称：", n);
  g_autofree char *name_source = gk_narrative_source ("project/%s/name", id);
  g_autofree char *total_source = gk_narrative_source ("project/%s/total", id);
  GkParagraph *paragraph;

  paragraph = gk_composer_paragraph (c, GK_PARAGRAPH_SUBHEADING, "s7.project.%s", id);
  paragraph->project = g_object_ref (project);
  gk_composer_text (c, number);
  if (gk_project_get_name (project) == NULL || gk_project_get_name (project)[0] == '\0')
    gk_composer_span (c, GK_SPAN_MISSING, "（项目名称未填写）", name_source);
  else
    gk_composer_span (c, GK_SPAN_FIGURE, gk_project_get_name (project), name_source);

  project_line (c, project, "basis", "设立的政策依据：", gk_project_get_basis (project));

  paragraph = gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s7.project.%s.scale", id);
  paragraph->project = g_object_ref (project);
  gk_composer_text (c, "预算安排规模：");
  gk_composer_amount (c, gk_project_get_total (project), total_source);
  if (gk_project_get_other_funds (project) != 0)
    {
      g_autofree char *fiscal_source = gk_narrative_source ("project/%s/fiscal", id);
      g_autofree char *other_source = gk_narrative_source ("project/%s/other-funds", id);

      gk_composer_text (c, "，其中：财政拨款");
      gk_composer_amount (c, gk_project_get_fiscal (project), fiscal_source);
      gk_composer_text (c, "，其他资金");
      gk_composer_amount (c, gk_project_get_other_funds (project), other_source);
    }

  project_line (c, project, "owner", "项目承担单位：", gk_project_get_owner (project));
  project_line (c, project, "allocation", "资金分配情况：", gk_project_get_allocation (project));
  project_line (c, project, "period", "资金执行时间：", gk_project_get_period (project));
}

void
gk_narrative_kind_projects (GkComposer *c)
{
  GkTable *t7 = gk_narrative_table (c, "project-expenditure");
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) subsidised = g_ptr_array_new ();
  int e303;

  if (t7 == NULL)
    return;
  projects = gk_narrative_projects (c);
  e303 = gk_table_column_index (t7, "e303");

  for (guint i = 0; i < projects->len; i++)
    {
      GkProject *project = projects->pdata[i];
      ProjectInputs inputs = { 0, };
      GkAmount subsidy = 0;

      if (e303 >= 0 && gk_row_get_amount (gk_project_get_row (project), e303, &subsidy) && subsidy != 0)
        g_ptr_array_add (subsidised, project);
      inputs.serial = gk_project_get_serial (project);
      inputs.index = i;
      inputs.total = gk_project_get_total (project);
      inputs.fiscal = gk_project_get_fiscal (project);
      inputs.other_funds = gk_project_get_other_funds (project);
      if (!gk_composer_block_begin (c, "s7.project", project, &inputs, sizeof inputs))
        {
          compose_project (c, project, i);
          gk_composer_block_end (c);
        }
    }

  if (projects->len == 0)
    {
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s7.none");
      gk_composer_unit_name (c);
      gk_composer_year (c);
      gk_composer_text (c, "未安排项目支出。");
      return;
    }

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s7.subsidy");
  gk_composer_unit_name (c);
  gk_composer_year (c);
  if (subsidised->len == 0)
    {
      gk_composer_text (c, "项目支出中无对个人和家庭的补助。");
      return;
    }
  gk_composer_text (c, "项目支出中对个人和家庭的补助");
  gk_composer_amount (c, gk_narrative_column_total (t7, "e303"), "project-expenditure/total/e303");
  gk_composer_text (c, "，涉及项目：");
  for (guint i = 0; i < subsidised->len; i++)
    {
      GkProject *project = subsidised->pdata[i];
      g_autofree char *name_source = gk_narrative_source ("project/%s/name", gk_project_get_id (project));

      if (i > 0)
        gk_composer_text (c, "、");
      gk_composer_span (c, GK_SPAN_FIGURE, gk_project_get_name (project), name_source);
    }
  gk_composer_text (c, "。");
}

/* 八、“三公”经费 --------------------------------------------------------------- */

void
gk_narrative_kind_sangong (GkComposer *c)
{
  GkTable *t8 = gk_narrative_table (c, "sangong");
  GkRow *row;

  if (t8 == NULL)
    return;
  row = gk_table_get_single_row (t8);

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s8.total");
  gk_composer_unit_name (c);
  gk_composer_year (c);
  gk_composer_text (c, "“三公”经费财政拨款预算数为");
  gk_composer_amount (c, gk_narrative_cell (row, t8, "total"), "sangong/single/total");
  gk_composer_text (c, "，其中：");
  for (guint i = 0; i < G_N_ELEMENTS (sangong_items); i++)
    {
      g_autofree char *amount_source = gk_narrative_source ("sangong/single/%s", sangong_items[i].column);

      if (i > 0)
        gk_composer_text (c, "，");
      gk_composer_text (c, sangong_items[i].name);
      gk_composer_amount (c, gk_narrative_cell (row, t8, sangong_items[i].column), amount_source);
    }
  gk_composer_text (c, "。");

  /* The total's change is explained by its items, reason by reason. */
  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s8.change");
  gk_composer_year (c);
  gk_composer_text (c, "“三公”经费财政拨款预算");
  gk_composer_change (c, "sangong.total", gk_narrative_cell (row, t8, "total"), GK_CHANGE_REASON_OPTIONAL);
  gk_composer_text (c, "。其中：");
  for (guint i = 0; i < G_N_ELEMENTS (sangong_items); i++)
    {
      g_autofree char *key = g_strconcat ("sangong.", sangong_items[i].column, NULL);

      gk_composer_text (c, sangong_items[i].name);
      gk_composer_change (c, key, gk_narrative_cell (row, t8, sangong_items[i].column), GK_CHANGE_DEFAULT);
      gk_composer_text (c, gk_narrative_list_end (i, G_N_ELEMENTS (sangong_items)));
    }
}

/* 九、政府性基金 --------------------------------------------------------------- */

void
gk_narrative_kind_fund (GkComposer *c)
{
  GkTable *t9 = gk_narrative_table (c, "fund-expenditure");
  GListModel *roots;
  guint n_named = 0;

  if (t9 == NULL)
    return;
  roots = gk_table_get_roots (t9);

  if (gk_table_is_empty (t9))
    {
      g_autofree char *explanation = gk_narrative_trim_typed (gk_table_get_empty_explanation (t9), TRUE);
      const char *unit = gk_document_get_unit (c->document);

      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s9.empty");
      if (explanation[0] == '\0')
        {
          gk_composer_unit_name (c);
          gk_composer_year (c);
          gk_composer_text (c, "没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。");
          return;
        }
      /* 表九's own 说明 usually starts with the year ("2020年没有使用…");
       * the unit's name makes it a sentence here. */
      if (g_ascii_isdigit (explanation[0]) && (unit == NULL || !g_str_has_prefix (explanation, unit)))
        gk_composer_unit_name (c);
      gk_composer_span (c, GK_SPAN_TYPED, explanation, "fund-expenditure/empty-explanation");
      gk_composer_text (c, "。");
      return;
    }

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s9.total");
  gk_composer_unit_name (c);
  gk_composer_year (c);
  gk_composer_text (c, "政府性基金预算拨款支出");
  gk_composer_amount (c, gk_narrative_column_total (t9, "total"), "fund-expenditure/total/total");
  gk_composer_text (c, "，其中：基本支出");
  gk_composer_amount (c, gk_narrative_column_total (t9, "basic"), "fund-expenditure/total/basic");
  gk_composer_text (c, "，项目支出");
  gk_composer_amount (c, gk_narrative_column_total (t9, "project"), "fund-expenditure/total/project");
  gk_composer_text (c, "。");

  gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "s9.classes");
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
      g_autofree char *name_source = NULL;
      g_autofree char *amount_source = NULL;
      GkAmount amount = gk_narrative_cell (row, t9, "total");

      if (amount == 0)
        continue;
      gk_composer_text (c, n_named++ > 0 ? "，" : "按支出功能分类：");
      name_source = gk_narrative_source ("fund-expenditure/%s/name", gk_row_get_code (row));
      amount_source = gk_narrative_source ("fund-expenditure/%s/total", gk_row_get_code (row));
      gk_composer_span (c, GK_SPAN_FIGURE, gk_row_get_name (row), name_source);
      gk_composer_text (c, "（类）");
      gk_composer_amount (c, amount, amount_source);
    }
  if (n_named > 0)
    gk_composer_text (c, "。");
}

