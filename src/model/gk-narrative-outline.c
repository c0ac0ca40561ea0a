/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gk-narrative-private.h"

/* 情况说明 by outline: the template lists its sections and, in each, the
 * kinds of paragraph composed there; a template without an outline gets
 * the ten sections of the seed. A kind keeps its paragraph ids wherever an
 * outline puts it, so hand-written text and the checks follow it. */

typedef struct
{
  const char *id;
  void      (*compose) (GkComposer *c);
  const char *heading;     /* its （一）… subheading in a section of several kinds */
  const char *heading_id;
  const char *prefix;      /* of its paragraph ids */
} Kind;

static const Kind kinds[] = {
  { "overall", gk_narrative_kind_overall, "收支预算总体情况", "s1.heading", "s1." },
  { "income", gk_narrative_kind_income, "收入预算情况", "s2.heading", "s2." },
  { "expenditure", gk_narrative_kind_expenditure, "支出预算情况", "s3.heading", "s3." },
  { "fiscal", gk_narrative_kind_fiscal, "财政拨款收支预算情况", "s4.heading", "s4." },
  { "general-scale", gk_narrative_kind_general_scale, "一般公共预算当年拨款规模变化情况", "s5.scale.heading", "s5.scale" },
  { "general-structure", gk_narrative_kind_general_structure, "一般公共预算当年拨款结构情况", "s5.structure.heading", "s5.structure" },
  { "general-items", gk_narrative_kind_general_items, "一般公共预算当年拨款具体使用情况", "s5.items.heading", "s5.item" },
  { "basic", gk_narrative_kind_basic, "一般公共预算基本支出情况", "s6.heading", "s6." },
  { "projects", gk_narrative_kind_projects, "项目支出情况", "s7.heading", "s7." },
  { "sangong", gk_narrative_kind_sangong, "“三公”经费预算情况", "s8.heading", "s8." },
  { "fund", gk_narrative_kind_fund, "政府性基金预算支出情况", "s9.heading", "s9." },
  { "running-costs", gk_narrative_kind_running_costs, "机关运行经费情况", "s10.running.heading", "s10.running" },
  { "procurement", gk_narrative_kind_procurement, "政府采购情况", "s10.procurement.heading", "s10.procurement" },
  { "assets", gk_narrative_kind_assets, "国有资产占用使用情况", "s10.assets.heading", "s10.assets" },
  { "performance", gk_narrative_kind_performance, "预算绩效情况", "s10.performance.heading", "s10.performance" },
  { "other-matters", gk_narrative_kind_other_matters, "其他需说明的事项", "s10.other.heading", "s10.other" },
  { "totals", gk_narrative_kind_totals, "收支预算总体变化情况", "k.totals.heading", "k.totals." },
  { "function-classes", gk_narrative_kind_function_classes, "支出按功能分类情况", "k.function-classes.heading", "k.function-classes." },
  { "function-items", gk_narrative_kind_function_items, "支出按功能分类项级情况", "k.function-items.heading", "k.function-items." },
  { "item-split", gk_narrative_kind_item_split, "基本支出和项目支出构成情况", "k.item-split.heading", "k.item-split." },
  { "basic-economic", gk_narrative_kind_basic_economic, "基本支出按经济分类情况", "k.basic-economic.heading", "k.basic-economic." },
  { "capital", gk_narrative_kind_capital, "国有资本经营预算情况", "k.capital.heading", "k.capital." },
  { "procurement-list", gk_narrative_kind_procurement_list, "政府采购情况", "k.procurement-list.heading", "k.procurement-list." },
  /* A 决算's (gk-narrative-final*.c). */
  { "final-totals", gk_narrative_kind_final_totals, "收入支出决算总体情况", "k.final-totals.heading", "k.final-totals" },
  { "final-income", gk_narrative_kind_final_income, "收入决算情况", "k.final-income.heading", "k.final-income" },
  { "final-expenditure", gk_narrative_kind_final_expenditure, "支出决算情况", "k.final-expenditure.heading", "k.final-expenditure" },
  { "final-fiscal", gk_narrative_kind_final_fiscal, "财政拨款收入支出决算总体情况", "k.final-fiscal.heading", "k.final-fiscal" },
  { "final-general", gk_narrative_kind_final_general, NULL, NULL, "k.final-general" },
  { "final-basic", gk_narrative_kind_final_basic, "一般公共预算财政拨款基本支出决算情况", "k.final-basic.heading", "k.final-basic" },
  { "final-sangong", gk_narrative_kind_final_sangong, NULL, NULL, "k.final-sangong" },
  { "final-fund", gk_narrative_kind_final_fund, "政府性基金预算财政拨款收入支出决算情况", "k.final-fund.heading", "k.final-fund" },
  { "final-capital", gk_narrative_kind_final_capital, "国有资本经营预算财政拨款收入支出决算情况", "k.final-capital.heading", "k.final-capital" },
  { "final-running-costs", gk_narrative_kind_final_running_costs, "机关运行经费支出情况", "k.final-running.heading", "k.final-running" },
  { "final-procurement", gk_narrative_kind_final_procurement, "政府采购支出情况", "k.final-procurement.heading", "k.final-procurement" },
  { "final-procurement-reserved", gk_narrative_kind_final_procurement_reserved, "政府采购支出情况", "k.final-procurement-reserved.heading", "k.final-procurement-reserved" },
  { "final-assets", gk_narrative_kind_final_assets, "国有资产占有使用情况", "k.final-assets.heading", "k.final-assets" },
  { "performance-management", gk_narrative_kind_performance_management, "预算绩效管理情况", "k.performance-management.heading", "k.performance-management" },
  { "sangong-all", gk_narrative_kind_sangong_all, "“三公”经费预算情况", "k.sangong-all.heading", "k.sangong-all." },
  { "procurement-detail", gk_narrative_kind_procurement_detail, "政府采购情况", "k.procurement-detail.heading", "k.procurement-detail." },
  { "assets-detail", gk_narrative_kind_assets_detail, "国有资产占用情况", "k.assets-detail.heading", "k.assets-detail." },
  { "staffing", gk_narrative_kind_staffing, "人员编制情况", "k.staffing.heading", "k.staffing." },
  { "performance-overall", gk_narrative_kind_performance_overall, "部门整体绩效目标情况", "k.performance-overall.heading", "k.performance-overall." },
  { "performance-projects", gk_narrative_kind_performance_projects, "重点项目绩效目标情况", "k.performance-projects.heading", "k.performance-projects." },
};

/* The seed's ten sections. */
typedef struct
{
  const char *id;
  const char *title;
  const char *kinds[6];
} DefaultSection;

static const DefaultSection default_outline[] = {
  { "overall", "关于{unit}{year}年收支预算情况的总体说明", { "overall" } },
  { "income", "关于{unit}{year}年收入预算情况说明", { "income" } },
  { "expenditure", "关于{unit}{year}年支出预算情况说明", { "expenditure" } },
  { "fiscal", "关于{unit}{year}年财政拨款收支预算情况的总体说明", { "fiscal" } },
  { "general", "关于{unit}{year}年一般公共预算当年拨款情况说明",
    { "general-scale", "general-structure", "general-items" } },
  { "basic", "关于{unit}{year}年一般公共预算基本支出情况说明", { "basic" } },
  { "projects", "关于{unit}{year}年项目支出情况说明", { "projects" } },
  { "sangong", "关于{unit}{year}年一般公共预算“三公”经费预算情况说明", { "sangong" } },
  { "fund", "关于{unit}{year}年政府性基金预算拨款情况说明", { "fund" } },
  { "other", "其他重要事项的情况说明",
    { "running-costs", "procurement", "assets", "performance", "other-matters" } },
};

static const Kind *
lookup_kind (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].id, id) == 0)
      return &kinds[i];
  return NULL;
}

gboolean
gk_narrative_kind_is_known (const char *kind)
{
  return lookup_kind (kind) != NULL;
}

/**
 * gk_narrative_list_kinds:
 *
 * Returns: (transfer none): the ids of the kinds of paragraph an outline
 *   may name, NULL-terminated
 */
const char * const *
gk_narrative_list_kinds (void)
{
  static const char *ids[G_N_ELEMENTS (kinds) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      ids[i] = kinds[i].id;
  return ids;
}

/* A reader that needs a few paragraphs (a check) has the kinds that
 * write them composed, not the 10 000 projects' of another. */
static gboolean
kind_wanted (GkComposer *c,
             const Kind *kind)
{
  if (c->only == NULL)
    return TRUE;
  for (guint i = 0; c->only[i] != NULL; i++)
    if (g_str_has_prefix (kind->prefix, c->only[i]) || g_str_has_prefix (c->only[i], kind->prefix))
      return TRUE;
  return FALSE;
}

/* Writes one section's kinds. A subheading is written only between kinds
 * that share a section, and only over a kind that said something: the
 * numbers after it move up. */
static void
compose_section (GkComposer         *c,
                 const char         *id,
                 const char         *title,
                 const char         *part,
                 GkNumbering         numbering,
                 gboolean            subheadings,
                 const char * const *section_kinds)
{
  g_autofree char *expanded = gk_template_expand_title (title, gk_document_get_unit (c->document),
                                                        gk_document_get_year (c->document));
  guint n_kinds = 0;
  guint n_headings = 0;

  gk_composer_section (c, expanded);
  c->section->id = g_strdup (id);
  c->section->part = g_strdup (part);
  c->section->numbering = numbering;

  while (section_kinds[n_kinds] != NULL)
    n_kinds++;
  for (guint i = 0; i < n_kinds; i++)
    {
      const Kind *kind = lookup_kind (section_kinds[i]);
      guint before = c->section->paragraphs->len;
      gboolean heading = subheadings && n_kinds > 1 && kind->heading != NULL;

      if (!kind_wanted (c, kind))
        continue;
      if (heading)
        gk_narrative_subheading (c, n_headings + 1, kind->heading, kind->heading_id);
      kind->compose (c);
      if (heading && c->section->paragraphs->len == before + 1)
        g_ptr_array_remove_index (c->section->paragraphs, before);
      else if (heading)
        n_headings++;
    }
}

/* A section with nothing to say (its tables are not in the template) is
 * left out; the sections of each part are numbered from 一. A section that
 * begins a part it leaves out hands that part to the next one. */
static void
number_sections (GkComposer *c)
{
  char *part = NULL;
  guint number = 0;

  for (guint s = 0; s < c->sections->len;)
    {
      GkNarrativeSection *section = g_ptr_array_index (c->sections, s);

      if (section->part != NULL)
        {
          g_free (part);
          part = g_steal_pointer (&section->part);
        }
      if (section->paragraphs->len == 0)
        {
          g_ptr_array_remove_index (c->sections, s);
          continue;
        }
      if (part != NULL)
        {
          section->part = g_steal_pointer (&part);
          number = 0;
        }
      section->number = ++number;
      s++;
    }
  g_free (part);
}

void
gk_narrative_compose_outline (GkComposer *c)
{
  GkTemplate *template = gk_document_get_template (c->document);
  guint n = gk_template_get_n_sections (template);

  if (n == 0)
    for (guint i = 0; i < G_N_ELEMENTS (default_outline); i++)
      compose_section (c, default_outline[i].id, default_outline[i].title, NULL, GK_NUMBERING_CHINESE,
                       TRUE, default_outline[i].kinds);
  else
    for (guint i = 0; i < n; i++)
      {
        const GkOutlineSection *section = gk_template_get_section (template, i);

        compose_section (c, section->id, section->title, section->part, section->numbering,
                         !section->no_subheadings, (const char * const *) section->kinds);
      }
  number_sections (c);
}

/* The kind a paragraph id belongs to, or NULL ("s5.items.heading" is
 * general-items', "s5.item.2010301" too). */
static const Kind *
kind_of_paragraph (const char *id)
{
  const Kind *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (id, kinds[i].prefix) &&
        (found == NULL || strlen (kinds[i].prefix) > strlen (found->prefix)))
      found = &kinds[i];
  return found;
}

static int
compare_ids (const void *a,
             const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
outline_has_kind (GkTemplate *template,
                  const Kind *kind)
{
  guint n = gk_template_get_n_sections (template);

  if (n == 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (default_outline); i++)
        for (guint k = 0; default_outline[i].kinds[k] != NULL; k++)
          if (g_str_equal (default_outline[i].kinds[k], kind->id))
            return TRUE;
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (g_strv_contains ((const char * const *) gk_template_get_section (template, i)->kinds, kind->id))
      return TRUE;
  return FALSE;
}

/* Hand-written paragraphs of kinds the outline does not compose (written
 * under another template, say) follow the last section as written: what
 * the officer typed is never dropped. A paragraph of a kind the outline
 * has but that is not composed now (a project since deleted) stays out
 * until it is again. */
void
gk_narrative_add_strays (GkComposer *c)
{
  GkTemplate *template = gk_document_get_template (c->document);
  g_auto(GStrv) ids = gk_explanation_dup_hand_written_ids (c->explanation);

  if (ids == NULL || ids[0] == NULL)
    return;
  qsort (ids, g_strv_length (ids), sizeof (char *), compare_ids);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const Kind *kind = kind_of_paragraph (ids[i]);
      g_autofree char *source = NULL;

      if (kind != NULL && outline_has_kind (template, kind))
        continue;
      if (gk_narrative_lookup_paragraph (c->sections, ids[i]) != NULL)
        continue;
      if (c->sections->len == 0)
        {
          gk_composer_section (c, "其他说明");
          c->section->id = g_strdup ("other");
          c->section->numbering = GK_NUMBERING_CHINESE;
        }
      c->section = g_ptr_array_index (c->sections, c->sections->len - 1);
      gk_composer_paragraph (c, GK_PARAGRAPH_BODY, "%s", ids[i]);
      source = g_strconcat ("hand-written/", ids[i], NULL);
      gk_composer_span (c, GK_SPAN_TYPED, gk_explanation_get_hand_written (c->explanation, ids[i]), source);
      c->paragraph->hand_written = TRUE;
    }
}

/* Paragraphs the officer switched off are left out; a section left with
 * nothing is left out too, and the sections of its part move up. */
void
gk_narrative_drop_off (GkComposer *c)
{
  g_auto(GStrv) off = gk_explanation_dup_off_ids (c->explanation);
  gboolean dropped = FALSE;

  if (off == NULL || off[0] == NULL)
    return;

  for (guint s = 0; s < c->sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (c->sections, s);

      for (guint p = section->paragraphs->len; p > 0; p--)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p - 1);

          if (gk_explanation_get_paragraph_off (c->explanation, paragraph->id))
            {
              g_ptr_array_remove_index (section->paragraphs, p - 1);
              dropped = TRUE;
            }
        }
    }
  if (dropped)
    number_sections (c);
}
