/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-checker-private.h"
#include "gk-table-unit.h"

/* The rules of form (placeholders, decimals, the year and the unit, empty
 * tables, names of 类 of another year) and the rules on what the
 * explanation holds besides text (政府采购, vehicles, 绩效目标表). */

/* Every text of the document ----------------------------------------------- */

typedef void (*TextFunc) (GkCheckRun *run,
                          const char *text,
                          const char *part,
                          const char *row,
                          const char *column);

static void
each_list_text (GkCheckRun *run,
                GListModel *list,
                const char *part,
                const char *row,
                TextFunc    func)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GkTextItem) item = g_list_model_get_item (list, i);
      g_autofree char *index = g_strdup_printf ("%u", i + 1);

      func (run, gk_text_item_get_text (item), part, row, index);
    }
}

/* The texts outside the projects: unit, names, 单位概况, notes, explanation,
 * last year's reasons, hand-written paragraphs, glossary. */
static void
each_text (GkCheckRun *run,
           TextFunc    func)
{
  GkDocument *document = run->document;
  GkOverview *overview = gk_document_get_overview (document);
  GkExplanation *explanation = gk_document_get_explanation (document);
  GListModel *priors = gk_explanation_get_priors (explanation);
  GListModel *glossary = gk_document_get_glossary (document);
  g_auto(GStrv) ids = gk_explanation_dup_hand_written_ids (explanation);

  func (run, gk_document_get_unit (document), "document", "unit", NULL);
  for (guint kind = GK_CLASSIFICATION_FUNCTION; kind <= GK_CLASSIFICATION_ECONOMIC; kind++)
    {
      g_autoptr(GList) codes = gk_document_get_codes (document, kind);

      for (GList *l = codes; l != NULL; l = l->next)
        func (run, gk_document_get_code_name (document, kind, l->data), "names", l->data, NULL);
    }

  func (run, gk_overview_get_functions (overview), "overview", "functions", NULL);
  func (run, gk_overview_get_structure (overview), "overview", "structure", NULL);
  each_list_text (run, gk_overview_get_duties (overview), "overview", "duties", func);
  each_list_text (run, gk_overview_get_offices (overview), "overview", "offices", func);
  each_list_text (run, gk_overview_get_subordinate_units (overview), "overview", "subordinate-units", func);

  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);

      func (run, gk_table_get_note (table), gk_table_get_id (table), "note", NULL);
      func (run, gk_table_get_empty_explanation (table), gk_table_get_id (table), "empty-explanation", NULL);
    }

  func (run, gk_explanation_get_text (explanation, "assets-as-of"), "explanation", "assets", "as-of");
  func (run, gk_explanation_get_text (explanation, "other-matters"), "explanation", "other-matters", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (priors); i++)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (priors, i);
      func (run, gk_prior_get_reason (prior), "explanation", "prior-year", gk_prior_get_key (prior));
    }

  for (guint i = 0; ids[i] != NULL; i++)
    func (run, gk_explanation_get_hand_written (explanation, ids[i]), "narrative", ids[i], NULL);

  for (guint i = 0; i < g_list_model_get_n_items (glossary); i++)
    {
      g_autoptr(GkGlossaryEntry) entry = g_list_model_get_item (glossary, i);
      g_autofree char *index = g_strdup_printf ("%u", i + 1);

      func (run, gk_glossary_entry_get_term (entry), "glossary", index, "term");
      func (run, gk_glossary_entry_get_definition (entry), "glossary", index, "definition");
    }
}

static void
each_project_text (GkCheckRun *run,
                   GkProject  *project,
                   TextFunc    func)
{
  static const char * const fields[] = { "name", "basis", "owner", "allocation", "period", "goal" };
  const char *id = gk_project_get_id (project);
  GListModel *indicators = gk_project_get_indicators (project);

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_autofree char *text = NULL;

      g_object_get (project, fields[f], &text, NULL);
      func (run, text, "projects", id, fields[f]);
    }
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, i);

      func (run, gk_indicator_get_level1 (indicator), "projects", id, "indicators");
      func (run, gk_indicator_get_level2 (indicator), "projects", id, "indicators");
      func (run, gk_indicator_get_name (indicator), "projects", id, "indicators");
      func (run, gk_indicator_get_target (indicator), "projects", id, "indicators");
    }
}

/* format.placeholder and format.decimals on texts --------------------------- */

static const char * const placeholders[] = {
  "XX", "xx", "ＸＸ", "××", "待填写", "待补充", "请填写", "请输入", "此处填写", "某某", "＿＿", "__", "○○",
};

static const char *
find_placeholder (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strstr (text, placeholders[i]) != NULL)
      return placeholders[i];
  return NULL;
}

/* A figure left blank in a template sentence: "占 %", "比上年减少 万元".
 * Run on every text of every project, so it allocates nothing but the
 * normalised text, and that only for a text with a unit in it. */
static char *
find_blank_figure (const char *text)
{
  static const char * const words[] = { "占比", "占", "增加", "减少", "增长", "下降", "上升", "降低" };
  g_autofree char *t = NULL;

  if (strchr (text, '%') == NULL && strstr (text, "％") == NULL && strstr (text, "元") == NULL)
    return NULL;
  t = gk_check_normalize (text);
  for (const char *p = t; *p != '\0'; p++)
    {
      gsize unit = *p == '%' ? 1 : g_str_has_prefix (p, "万元") ? strlen ("万元")
                                 : g_str_has_prefix (p, "元") ? strlen ("元") : 0;

      if (unit == 0)
        continue;
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        {
          gsize length = strlen (words[w]);

          if ((gsize) (p - t) >= length && memcmp (p - length, words[w], length) == 0)
            return g_strndup (p - length, length + unit);
        }
    }
  return NULL;
}

/* A figure written with more than two decimals: "7.925万元", "32.386%". */
static char *
find_long_decimals (const char *text)
{
  g_autofree char *t = gk_check_normalize (text);

  for (const char *p = t; *p != '\0'; p++)
    {
      const char *q = p;
      guint decimals = 0;

      if (!g_ascii_isdigit (*p) || (p > t && (g_ascii_isdigit (p[-1]) || p[-1] == '.')))
        continue;
      while (g_ascii_isdigit (*q))
        q++;
      if (*q != '.' || !g_ascii_isdigit (q[1]))
        continue;
      q++;
      while (g_ascii_isdigit (*q))
        {
          q++;
          decimals++;
        }
      if (decimals > 2 && (g_str_has_prefix (q, "万元") || g_str_has_prefix (q, "元") || *q == '%'))
        {
          gsize unit = g_str_has_prefix (q, "万元") ? strlen ("万元") : g_str_has_prefix (q, "元") ? strlen ("元") : 1;
          return g_strndup (p, (q - p) + unit);
        }
      p = q - 1;
    }
  return NULL;
}

static void
check_text_form (GkCheckRun *run,
                 const char *text,
                 const char *part,
                 const char *row,
                 const char *column)
{
  const char *placeholder;
  g_autofree char *figure = NULL;
  GkFinding *finding;

  if (text == NULL || text[0] == '\0')
    return;

  placeholder = find_placeholder (text);
  if (placeholder != NULL)
    {
      finding = gk_check_report (run, "format.placeholder",
                                 _("The text still holds the placeholder “%s”. Replace it with what it stands for."),
                                 placeholder);
      gk_finding_add_place (finding, part, row, column);
    }
  else if ((figure = find_blank_figure (text)) != NULL)
    {
      finding = gk_check_report (run, "format.placeholder",
                                 _("The text leaves a figure blank: “%s”. Write the figure, or remove the words."),
                                 figure);
      gk_finding_add_place (finding, part, row, column);
      g_clear_pointer (&figure, g_free);
    }
  figure = find_long_decimals (text);
  if (figure != NULL)
    {
      finding = gk_check_report (run, "format.decimals",
                                 _("The text writes “%s” with more than two decimals. Round it to two decimals."),
                                 figure);
      gk_finding_add_place (finding, part, row, column);
    }
}

static void
check_texts (GkCheckRun *run)
{
  each_text (run, check_text_form);
}

/* format.consistency on a project's 资金执行时间: one of its years is the
 * budget year. */
static void
check_period (GkCheckRun *run,
              GkProject  *project)
{
  const char *period = gk_project_get_period (project);
  g_autofree char *t = NULL;
  guint year = gk_document_get_year (run->document);
  gboolean any = FALSE, ours = FALSE;
  GkFinding *finding;

  if (period == NULL || year == 0)
    return;
  t = gk_check_normalize (period);
  for (const char *p = t; *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && g_str_has_prefix (p + 4, "年") && (p == t || !g_ascii_isdigit (p[-1])))
      {
        any = TRUE;
        ours |= (guint) g_ascii_strtoull (p, NULL, 10) == year;
        p += 3;
      }
  if (!any || ours)
    return;
  finding = gk_check_report (run, "format.consistency",
                             _("Project “%s” runs “%s”, outside the budget year %u. Correct the period."),
                             gk_project_get_name (project), period, year);
  gk_finding_add_place (finding, "projects", gk_project_get_id (project), "period");
}

/* A project: its texts, its 绩效目标表, its period. */
static void
check_project (GkCheckRun *run,
               GkProject  *project)
{
  static const struct { const char *field; const char *title; } heading[] = {
    { "basis", "立项依据" }, { "owner", "实施主体" }, { "goal", "年度目标" },
  };
  GListModel *indicators = gk_project_get_indicators (project);
  const char *id = gk_project_get_id (project);
  gboolean filled = FALSE;
  GkFinding *finding;

  each_project_text (run, project, check_text_form);
  check_period (run, project);

  if (g_list_model_get_n_items (indicators) == 0)
    {
      finding = gk_check_report (run, "explanation.performance",
                                 _("Project “%s” has no 绩效目标表. Enter its performance indicators."),
                                 gk_project_get_name (project));
      gk_finding_add_place (finding, "projects", id, "indicators");
      return;
    }
  for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
    {
      g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, k);
      const char *name = gk_indicator_get_name (indicator);
      const char *target = gk_indicator_get_target (indicator);
      gboolean has_name = name != NULL && name[0] != '\0';
      gboolean has_target = target != NULL && target[0] != '\0';

      filled |= has_name && has_target;
      /* A 二级指标 left unfilled is the form's own row, not a half-entered one. */
      if (has_name == has_target)
        continue;
      finding = gk_check_report (run, "explanation.performance",
                                 _("Project “%s”: indicator %u of its 绩效目标表 has no %s. "
                                   "Complete the row or remove it."),
                                 gk_project_get_name (project), k + 1,
                                 has_name ? "指标值" : "三级指标");
      gk_finding_add_place (finding, "projects", id, "indicators");
    }
  if (!filled)
    {
      finding = gk_check_report (run, "explanation.performance",
                                 _("Project “%s” has a 绩效目标表 with no indicator filled in. "
                                   "Enter its 三级指标 and their 指标值."),
                                 gk_project_get_name (project));
      gk_finding_add_place (finding, "projects", id, "indicators");
    }

  /* The table's own heading fields: a 绩效目标表 without them is half filled. */
  for (guint f = 0; f < G_N_ELEMENTS (heading); f++)
    {
      g_autofree char *value = NULL;

      g_object_get (project, heading[f].field, &value, NULL);
      if (value != NULL && g_strstrip (value)[0] != '\0')
        continue;
      finding = gk_check_report (run, "explanation.performance",
                                 _("Project “%s”: its 绩效目标表 has no %s. Enter it."),
                                 gk_project_get_name (project), heading[f].title);
      gk_finding_add_place (finding, "projects", id, heading[f].field);
      gk_finding_set_uncertain (finding, TRUE);
    }
}

/* format.placeholder: rows of zeros ---------------------------------------- */

static gboolean
row_is_blank_or_zero (GkRow *row,
                      gboolean *has_figures)
{
  *has_figures = gk_row_has_figures (row);
  for (guint c = 0; c < gk_row_get_n_columns (row); c++)
    if (gk_row_get_value (row, c) != 0)
      return FALSE;
  return TRUE;
}

static void
check_zero_row (GkCheckRun *run,
                GkRow      *row)
{
  GkRowKind kind = gk_row_get_kind (row);
  gboolean has_figures;
  g_autofree char *label = NULL;
  GkFinding *finding;

  if (gk_table_schema_is_summary (gk_table_get_schema (run->table)) ||
      kind == GK_ROW_KIND_TOTAL || !gk_row_is_leaf (row) || !row_is_blank_or_zero (row, &has_figures))
    return;
  /* An untouched 表八 is an empty table, which has its own rule. */
  if (kind == GK_ROW_KIND_SINGLE && !has_figures)
    return;
  /* A table published with every row of its list prints 0.00 where
   * nothing was spent: the row is the document's, no placeholder. */
  if (has_figures && gk_table_get_schema (run->table)->every_row)
    return;
  label = gk_check_row_label (row);
  if (has_figures)
    finding = gk_check_report (run, "format.placeholder",
                               _("%s is a row of zeros. Remove the row, or publish the table empty "
                                 "with a sentence saying why."),
                               label);
  else
    finding = gk_check_report (run, "format.placeholder",
                               _("%s has no figures. Enter them, or remove the row."),
                               label);
  gk_check_add_cell (finding, row, NULL);
}

/* format.unit-rounding ------------------------------------------------------ */

/* A table printed in a coarser unit than its document keeps (a 万元 三公
 * table of a 元 document) prints each figure rounded. Saying where keeps
 * the printed figure from passing for the exact one, and explains a 合计
 * that differs from the sum of the rounded lines above it: sums are
 * computed exactly and rounded last. */
static void
check_unit_rounding (GkCheckRun *run,
                     GkRow      *row)
{
  GkMoneyUnit document_unit = gk_document_get_money_unit (run->document);
  GkMoneyUnit table_unit = gk_table_get_money_unit (run->table, run->document);
  const GkTableSchema *schema = gk_table_get_schema (run->table);
  g_autofree char *label = NULL;

  if (table_unit == document_unit)
    return;
  for (guint c = 0; c < gk_row_get_n_columns (row); c++)
    {
      GkAmount amount, shown;
      gboolean rounded = FALSE;
      g_autofree char *exact = NULL;
      g_autofree char *printed = NULL;
      GkFinding *finding;

      if (!gk_row_get_amount (row, c, &amount) ||
          !gk_amount_convert (amount, document_unit, table_unit, &shown, &rounded) || !rounded)
        continue;
      if (label == NULL)
        label = gk_check_row_label (row);
      exact = gk_check_money (run, amount);
      printed = gk_check_money_in (run, amount, table_unit);
      if (gk_row_is_cell_entered (row, c))
        finding = gk_check_report (run, "format.unit-rounding",
                                   /* Translators: "表八 合计 prints 1.23万元 for 12,345.67元; …" */
                                   _("%s %s prints %s for %s; the printed figure is rounded."),
                                   label, gk_check_column_title (run->table, c), printed, exact);
      else
        finding = gk_check_report (run, "format.unit-rounding",
                                   _("%s %s prints %s for %s; the printed figure is rounded from the exact sum, "
                                     "so it may differ from the sum of the rounded figures it adds up."),
                                   label, gk_check_column_title (run->table, c), printed, exact);
      gk_check_add_cell (finding, row, gk_table_schema_get_column (schema, c)->id);
    }
}

/* format.empty-table -------------------------------------------------------- */

static void
check_empty_table (GkCheckRun *run)
{
  const GkTableSchema *schema = gk_table_get_schema (run->table);
  const char *explanation = gk_table_get_empty_explanation (run->table);
  gboolean explained = FALSE;
  g_autofree char *label = gk_table_schema_dup_label (schema);
  GkFinding *finding;

  if (gk_table_schema_is_summary (schema))
    return;
  if (explanation != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (explanation));
      explained = stripped[0] != '\0';
    }

  if (gk_table_is_empty (run->table) && !explained)
    {
      finding = gk_check_report (run, "format.empty-table",
                                 _("%s %s has no content. It is published empty, with a sentence saying why: "
                                   "write that sentence."),
                                 label, schema->title);
      gk_finding_add_place (finding, schema->id, "empty-explanation", NULL);
    }
  else if (!gk_table_is_empty (run->table) && explained)
    {
      finding = gk_check_report (run, "format.empty-table",
                                 _("%s %s has figures, but its sentence says it is empty. Remove the sentence."),
                                 label, schema->title);
      gk_finding_add_place (finding, schema->id, "empty-explanation", NULL);
    }
}

/* format.consistency -------------------------------------------------------- */

/* Whether the words after a year (to the end of its clause) speak of a
 * budget: "2019年一般公共预算…" names the budget year, "不超过2023年。"
 * does not. */
static gboolean
names_a_budget (const char *after)
{
  guint n = 0;

  for (const char *q = after; *q != '\0' && n < 24; q = g_utf8_next_char (q), n++)
    {
      if (g_str_has_prefix (q, "预算"))
        return TRUE;
      if (g_str_has_prefix (q, "，") || g_str_has_prefix (q, "。") || g_str_has_prefix (q, "；") ||
          g_str_has_prefix (q, "：") || g_str_has_prefix (q, "、") || g_str_has_prefix (q, "（") ||
          *q == '\n')
        return FALSE;
    }
  return FALSE;
}

/* Inside brackets or a title: "（2022年修订）", "《…2022年…》", "〔2022〕". */
static gboolean
is_cited (const char *text,
          const char *p)
{
  int depth = 0;

  for (const char *q = text; q < p; q = g_utf8_next_char (q))
    {
      if (g_str_has_prefix (q, "（") || g_str_has_prefix (q, "《") || g_str_has_prefix (q, "〔"))
        depth++;
      else if ((g_str_has_prefix (q, "）") || g_str_has_prefix (q, "》") || g_str_has_prefix (q, "〕")) &&
               depth > 0)
        depth--;
    }
  return depth > 0;
}

/* A year the text gives as the budget year ("2019年一般公共预算"), not one it
 * compares with ("比2019年", "截至2019年底", "不超过2023年"), cites, or names
 * without a budget. */
static gboolean
find_other_year (const char *text,
                 guint       year,
                 guint      *other)
{
  static const char * const before[] = { "比", "较", "截至", "截止", "与", "同", "自", "上", "至",
                                         "超过", "低于", "高于", "相比", "对比" };
  static const char * const after[] = { "底", "末", "执行", "决算", "实际", "以前", "之前", "以来" };
  g_autofree char *t = gk_check_normalize (text);

  for (const char *p = t; *p != '\0'; p++)
    {
      gboolean skip = FALSE;
      guint found;

      if (!(g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
            g_ascii_isdigit (p[3]) && g_str_has_prefix (p + 4, "年")) ||
          (p > t && g_ascii_isdigit (p[-1])))
        continue;
      found = (guint) g_ascii_strtoull (p, NULL, 10);
      for (guint i = 0; i < G_N_ELEMENTS (before) && !skip; i++)
        {
          gsize n = strlen (before[i]);
          skip = (gsize) (p - t) >= n && strncmp (p - n, before[i], n) == 0;
        }
      for (guint i = 0; i < G_N_ELEMENTS (after) && !skip; i++)
        skip = g_str_has_prefix (p + 4 + strlen ("年"), after[i]);
      /* "2020年1月至2020年12月" is a period, checked with the projects. */
      skip = skip || g_ascii_isdigit (p[4 + strlen ("年")]);
      skip = skip || is_cited (t, p) ||
             !names_a_budget (p + 4 + strlen ("年") + (g_str_has_prefix (p + 4 + strlen ("年"), "度") ? strlen ("度") : 0));
      if (!skip && found != year && found > 1990 && found < 2200)
        {
          *other = found;
          return TRUE;
        }
      p += 3;
    }
  return FALSE;
}

static void
check_year_text (GkCheckRun *run,
                 const char *text,
                 const char *part,
                 const char *row,
                 const char *column)
{
  guint year = gk_document_get_year (run->document);
  guint other;
  GkFinding *finding;

  if (text == NULL || year == 0 || !find_other_year (text, year, &other))
    return;
  finding = gk_check_report (run, "format.consistency",
                             _("The text speaks of the budget of %u, but the document is the budget of %u. "
                               "Correct the year."),
                             other, year);
  gk_finding_add_place (finding, part, row, column);
}

static void
check_consistency (GkCheckRun *run)
{
  GkDocument *document = run->document;
  GkExplanation *explanation = gk_document_get_explanation (document);
  g_auto(GStrv) ids = gk_explanation_dup_hand_written_ids (explanation);
  const char *date = gk_document_get_date (document);
  guint year = gk_document_get_year (document);

  gboolean final = gk_template_is_final (gk_document_get_template (document));

  /* The signature's date: a budget is published in its own year, the
   * final accounts (决算) in the year after. */
  if (date != NULL && year != 0 && strlen (date) >= 4 && g_ascii_isdigit (date[0]) &&
      (guint) g_ascii_strtoull (date, NULL, 10) != year + (final ? 1 : 0))
    {
      GkFinding *finding;

      if (final)
        finding = gk_check_report (run, "format.consistency",
                                   _("The document is dated %s, but it is the final accounts of %u, which are "
                                     "published in %u. Correct the date or the year."),
                                   date, year, year + 1);
      else
        finding = gk_check_report (run, "format.consistency",
                                   _("The document is dated %s, but it is the budget of %u, which is "
                                     "published in %u. Correct the date or the year."),
                                   date, year, year);
      gk_finding_add_place (finding, "document", "date", NULL);
      gk_finding_add_place (finding, "document", "year", NULL);
    }

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_str_has_suffix (ids[i], ".period"))
        continue;
      check_year_text (run, gk_explanation_get_hand_written (explanation, ids[i]), "narrative", ids[i], NULL);
    }
  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);

      check_year_text (run, gk_table_get_note (table), gk_table_get_id (table), "note", NULL);
      check_year_text (run, gk_table_get_empty_explanation (table), gk_table_get_id (table),
                       "empty-explanation", NULL);
    }
}

/* format.class-name-year ---------------------------------------------------- */

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
check_class_names (GkCheckRun *run)
{
  GkDocument *document = run->document;
  GkExplanation *explanation = gk_document_get_explanation (document);
  g_auto(GStrv) ids = gk_explanation_dup_hand_written_ids (explanation);
  guint year = gk_document_get_year (document);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  if (year == 0)
    return;
  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);
      GListModel *roots = gk_table_get_roots (table);

      if (gk_table_get_schema (table)->kind == GK_TABLE_KIND_ECONOMIC)
        continue;
      for (guint r = 0; r < g_list_model_get_n_items (roots); r++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (roots, r);
          const char *code = gk_row_get_code (row);

          if (code != NULL && gk_classification_level (GK_CLASSIFICATION_FUNCTION, code) == GK_LEVEL_CLASS &&
              (gk_row_get_kind (row) != GK_ROW_KIND_LINE || gk_row_has_figures (row)))
            g_hash_table_add (codes, (gpointer) code);
        }
    }
  g_hash_table_iter_init (&iter, codes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, key);
  g_ptr_array_sort (sorted, compare_codes);

  for (guint i = 0; i < sorted->len; i++)
    {
      const char *code = sorted->pdata[i];
      const char *name = gk_document_get_code_name (document, GK_CLASSIFICATION_FUNCTION, code);
      const char *valid = gk_classification_class_name_for_year (code, year);
      GkFinding *finding;

      if (name != NULL && valid != NULL && gk_classification_class_name_is_of_other_year (code, name, year))
        {
          finding = gk_check_report (run, "format.class-name-year",
                                     _("类 %s is named “%s”, a name of another year; in %u it is “%s”. "
                                       "Rename it."),
                                     code, name, year, valid);
          gk_finding_add_place (finding, "names", code, NULL);
          for (guint t = 0; t < gk_document_get_n_tables (document); t++)
            {
              GkTable *table = gk_document_get_table_at (document, t);
              GkRow *row = gk_table_get_schema (table)->kind == GK_TABLE_KIND_ECONOMIC
                             ? NULL : gk_table_lookup (table, code);

              if (row != NULL)
                gk_check_add_cell (finding, row, NULL);
            }
        }

      /* The text may use an old name the tables do not. */
      for (guint y = 2000; valid != NULL && y <= year + 10; y++)
        {
          const char *old = gk_classification_class_name_for_year (code, y);
          g_autofree char *old_key = NULL;
          g_autofree char *valid_key = NULL;

          if (old == NULL || g_str_equal (old, valid) ||
              (y > 2000 && g_strcmp0 (old, gk_classification_class_name_for_year (code, y - 1)) == 0))
            continue;
          old_key = gk_check_normalize (old);
          valid_key = gk_check_normalize (valid);
          for (guint k = 0; ids[k] != NULL; k++)
            {
              g_autofree char *text = gk_check_normalize (gk_explanation_get_hand_written (explanation, ids[k]));

              if (strstr (text, old_key) != NULL && strstr (valid_key, old_key) == NULL)
                {
                  finding = gk_check_report (run, "format.class-name-year",
                                             _("The text names 类 %s “%s”, a name of another year; in %u it "
                                               "is “%s”."),
                                             code, old, year, valid);
                  gk_finding_add_place (finding, "narrative", ids[k], NULL);
                }
            }
        }
    }
}

/* explanation.procurement and explanation.vehicles ------------------------- */

static void
check_procurement (GkCheckRun *run)
{
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  GkAmount goods = gk_explanation_get_amount (explanation, "procurement-goods");
  GkAmount works = gk_explanation_get_amount (explanation, "procurement-works");
  GkAmount services = gk_explanation_get_amount (explanation, "procurement-services");
  GkAmount sme = gk_explanation_get_amount (explanation, "procurement-sme-reserved");
  GkAmount micro = gk_explanation_get_amount (explanation, "procurement-micro-reserved");
  GkAmount total = 0;
  GkFinding *finding;

  if (!gk_amount_add (goods, works, &total) || !gk_amount_add (total, services, &total))
    return;
  if (sme > total)
    {
      g_autofree char *a = gk_check_money (run, sme);
      g_autofree char *b = gk_check_money (run, total);

      finding = gk_check_report (run, "explanation.procurement",
                                 _("%s is reserved for 中小企业, more than the whole 政府采购预算 of %s "
                                   "(货物 + 工程 + 服务). Correct one of them."),
                                 a, b);
      gk_finding_add_place (finding, "explanation", "procurement", "sme-reserved");
      gk_finding_add_place (finding, "explanation", "procurement", NULL);
    }
  if (micro > sme)
    {
      g_autofree char *a = gk_check_money (run, micro);
      g_autofree char *b = gk_check_money (run, sme);

      finding = gk_check_report (run, "explanation.procurement",
                                 _("%s is reserved for 小微企业, more than the %s reserved for 中小企业 "
                                   "as a whole. Correct one of them."),
                                 a, b);
      gk_finding_add_place (finding, "explanation", "procurement", "micro-reserved");
      gk_finding_add_place (finding, "explanation", "procurement", "sme-reserved");
    }
}

static void
check_vehicles (GkCheckRun *run)
{
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  GkTable *t8 = gk_document_get_table (run->document, "sangong");
  int planned = gk_explanation_get_count (explanation, "planned-vehicles");
  GkAmount purchase = gk_check_column_total (t8, "vehicle-purchase");
  GkFinding *finding;

  if (t8 == NULL)
    return;
  if (purchase != 0 && planned == 0)
    {
      g_autofree char *amount = gk_check_money (run, purchase);
      g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (t8));

      finding = gk_check_report (run, "explanation.vehicles",
                                 _("%s budgets %s for 公务用车购置, but no vehicle purchase is planned "
                                   "under 国有资产占用. Enter the vehicles to be bought, or correct %s."),
                                 label, amount, label);
      gk_finding_add_place (finding, "explanation", "assets", "planned-vehicles");
      gk_check_add_cell (finding, gk_table_get_single_row (t8), "vehicle-purchase");
    }
  else if (purchase == 0 && planned != 0)
    {
      g_autofree char *label = gk_table_schema_dup_label (gk_table_get_schema (t8));

      finding = gk_check_report (run, "explanation.vehicles",
                                 _("%d vehicles are to be bought, but %s budgets nothing for 公务用车购置. "
                                   "Enter the purchase in %s, or correct the number."),
                                 planned, label, label);
      gk_finding_add_place (finding, "explanation", "assets", "planned-vehicles");
      gk_check_add_cell (finding, gk_table_get_single_row (t8), "vehicle-purchase");
    }
}

static const GkCheckDef defs[] = {
  { .name = "format.texts", .func = check_texts,
    .reads = GK_CHECK_READS_META | GK_CHECK_READS_OVERVIEW | GK_CHECK_READS_EXPLANATION |
             GK_CHECK_READS_NOTES | GK_CHECK_READS_GLOSSARY | GK_CHECK_READS_HAND_WRITTEN |
             GK_CHECK_READS_PRIORS },
  { .name = "format.projects", .project_func = check_project,
    .reads = GK_CHECK_READS_PROJECTS | GK_CHECK_READS_META },
  { .name = "format.zero-rows", .row_func = check_zero_row, .per_table = TRUE },
  { .name = "format.unit-rounding", .row_func = check_unit_rounding, .per_table = TRUE,
    .reads = GK_CHECK_READS_META },
  { .name = "format.empty-table", .func = check_empty_table, .reads = GK_CHECK_READS_NOTES,
    .per_table = TRUE },
  { .name = "format.consistency", .func = check_consistency,
    .reads = GK_CHECK_READS_META | GK_CHECK_READS_HAND_WRITTEN | GK_CHECK_READS_NOTES },
  { .name = "format.class-name-year", .func = check_class_names,
    .reads = GK_CHECK_READS_META | GK_CHECK_READS_STRUCTURE | GK_CHECK_READS_HAND_WRITTEN },
  { .name = "explanation.procurement", .func = check_procurement, .reads = GK_CHECK_READS_EXPLANATION },
  { .name = "explanation.vehicles", .func = check_vehicles, .reads = GK_CHECK_READS_EXPLANATION,
    .tables = "sangong" },
};

const GkCheckDef *
gk_check_format_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
