/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-checker-private.h"
#include "gk-narrative.h"

/* The rules of 情况说明 that read names and lists rather than figures: the
 * project named in a rewritten paragraph, the items listed under 人员经费
 * and 公用经费 (and the sources and 类 of 一、), and what the composed
 * paragraphs still need from the officer — last year's figures and the
 * reasons for each change. */

/* narrative.project-name ---------------------------------------------------- */

static gboolean
is_end (const char *p)
{
  return *p == '\n' || g_str_has_prefix (p, "。") || g_str_has_prefix (p, "；") ||
         g_str_has_prefix (p, "，");
}

static char *
stated_project_name (const char *text)
{
  const char *start = strstr (text, "项目名称");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen ("项目名称");
  if (g_str_has_prefix (start, "："))
    start += strlen ("：");
  for (end = start; *end != '\0' && !is_end (end); end = g_utf8_next_char (end))
    ;
  return g_strndup (start, end - start);
}

static void
check_project_names (GkCheckRun *run)
{
  GPtrArray *texts = gk_check_hand_written_texts (run);
  GListModel *projects = gk_document_get_projects (run->document);

  for (guint i = 0; i < texts->len; i++)
    {
      GkClaimText *text = texts->pdata[i];
      g_autofree char *stated = stated_project_name (text->text);
      g_autofree char *pid = NULL;
      GkProject *project = NULL;
      g_autofree char *name = NULL;
      GkFinding *finding;

      if (stated == NULL || stated[0] == '\0')
        continue;

      if (g_str_has_prefix (text->id, "s7.project."))
        {
          const char *rest = text->id + strlen ("s7.project.");
          const char *dot = strchr (rest, '.');

          pid = dot != NULL ? g_strndup (rest, dot - rest) : g_strdup (rest);
          project = gk_document_lookup_project (run->document, pid);
        }
      else
        {
          /* Any project, the one written or the closest to it. */
          for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
            {
              g_autoptr(GkProject) candidate = g_list_model_get_item (projects, p);
              g_autofree char *candidate_name = gk_check_normalize (gk_project_get_name (candidate));

              if (g_str_equal (candidate_name, stated))
                {
                  project = NULL;
                  break;
                }
              if (project == NULL && gk_check_names_close (candidate_name, stated))
                project = candidate;
            }
        }
      if (project == NULL)
        continue;
      name = gk_check_normalize (gk_project_get_name (project));
      if (g_str_equal (name, stated))
        continue;

      finding = gk_check_report (run, "narrative.project-name",
                                 _("情况说明 names the project “%s”, but the projects list names it “%s”. "
                                   "Use one name: correct the text, or rename the project."),
                                 stated, gk_project_get_name (project));
      gk_finding_add_place (finding, "narrative", text->id, NULL);
      gk_finding_add_place (finding, "projects", gk_project_get_id (project), "name");
      gk_finding_add_place (finding, "project-expenditure", gk_project_get_id (project), "total");
    }
}

/* narrative.basic-items: the lists of 表六's items ---------------------------- */

typedef struct
{
  char       *name;      /* normalised */
  char       *shown;
  const char *part;
  char       *row;
  const char *column;
} Expected;

static void
expected_free (gpointer data)
{
  Expected *e = data;

  g_free (e->name);
  g_free (e->shown);
  g_free (e->row);
  g_free (e);
}

static void
add_expected (GPtrArray  *list,
              const char *name,
              const char *part,
              const char *row,
              const char *column)
{
  Expected *e = g_new0 (Expected, 1);

  e->name = gk_check_normalize (name);
  e->shown = g_strdup (name);
  e->part = part;
  e->row = g_strdup (row);
  e->column = column;
  g_ptr_array_add (list, e);
}

/* The items a list should name, by what the words before it speak of. */
static GPtrArray *
expected_items (GkCheckRun  *run,
                GkClaimText *text,
                gsize        list_start,
                const char **rule)
{
  g_autofree char *before = g_strndup (text->text, list_start);
  GPtrArray *list = g_ptr_array_new_with_free_func (expected_free);

  if (text->section == 6)
    {
      GkTable *t6 = gk_document_get_table (run->document, "basic-expenditure");
      const char *column = NULL;

      if (g_strrstr (before, "人员经费") != NULL &&
          (g_strrstr (before, "公用经费") == NULL || g_strrstr (before, "人员经费") > g_strrstr (before, "公用经费")))
        column = "personnel";
      else if (g_strrstr (before, "公用经费") != NULL)
        column = "public";
      *rule = "narrative.basic-items";
      for (guint i = 0; t6 != NULL && column != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (t6)); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (t6), i);

          if (gk_row_get_code (row) != NULL && gk_row_is_leaf (row) &&
              gk_row_get_kind (row) != GK_ROW_KIND_TOTAL && gk_check_cell (t6, row, column) != 0)
            add_expected (list, gk_row_get_name (row), "basic-expenditure", gk_row_get_code (row), column);
        }
      if (column == NULL)
        g_clear_pointer (&list, g_ptr_array_unref);
      return list;
    }

  if (text->section == 1)
    {
      GkTable *t2 = gk_document_get_table (run->document, "income");
      GkTable *t3 = gk_document_get_table (run->document, "expenditure");

      *rule = "narrative.figure";
      if (g_strrstr (before, "收入") != NULL && t2 != NULL)
        {
          const GkTableSchema *schema = gk_table_get_schema (t2);

          for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
            {
              const GkColumnSchema *col = gk_table_schema_get_column (schema, i);
              const char *name = gk_check_income_name (col->id);

              if (name != NULL && gk_check_column_total (t2, col->id) != 0)
                add_expected (list, name, "income", "total", col->id);
            }
          return list;
        }
      if (g_strrstr (before, "支出") != NULL && t3 != NULL)
        {
          GListModel *roots = gk_table_get_roots (t3);

          for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
            {
              g_autoptr(GkRow) row = g_list_model_get_item (roots, i);

              if (gk_check_cell (t3, row, "total") != 0)
                add_expected (list, gk_row_get_name (row), "expenditure", gk_row_get_code (row), "total");
            }
          return list;
        }
    }
  g_ptr_array_unref (list);
  return NULL;
}

static void
check_lists (GkCheckRun *run)
{
  GPtrArray *texts = gk_check_hand_written_texts (run);

  for (guint i = 0; i < texts->len; i++)
    {
      GkClaimText *text = texts->pdata[i];
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GPtrArray) expected = NULL;
      g_autofree gboolean *matched = NULL;
      gsize list_start = 0;
      const char *rule = NULL;

      if (text->section != 1 && text->section != 6)
        continue;
      items = gk_check_list_items (text->text, &list_start);
      if (items == NULL)
        continue;
      expected = expected_items (run, text, list_start, &rule);
      if (expected == NULL)
        continue;
      matched = g_new0 (gboolean, expected->len);

      for (guint k = 0; k < items->len; k++)
        for (guint e = 0; e < expected->len; e++)
          if (g_str_equal (items->pdata[k], ((Expected *) expected->pdata[e])->name))
            matched[e] = TRUE;

      for (guint k = 0; k < items->len; k++)
        {
          const char *item = items->pdata[k];
          Expected *close = NULL;
          gboolean known = FALSE;
          GkFinding *finding;

          for (guint e = 0; e < expected->len; e++)
            {
              Expected *x = expected->pdata[e];
              if (g_str_equal (x->name, item))
                known = TRUE;
              else if (!matched[e] && close == NULL && gk_check_names_close (x->name, item))
                close = x;
            }
          if (known)
            continue;
          if (close != NULL)
            {
              for (guint e = 0; e < expected->len; e++)
                if (expected->pdata[e] == close)
                  matched[e] = TRUE;
              finding = gk_check_report (run, rule,
                                         _("The text lists “%s”, which the table names “%s”. Use the table's name."),
                                         item, close->shown);
              gk_finding_add_place (finding, "narrative", text->id, NULL);
              gk_finding_add_place (finding, close->part, close->row, close->column);
            }
          else
            {
              finding = gk_check_report (run, rule,
                                         _("The text lists “%s”, which has no figure in the table. Remove it "
                                           "from the list, or enter its figure."),
                                         item);
              gk_finding_add_place (finding, "narrative", text->id, NULL);
            }
        }

      for (guint e = 0; e < expected->len; e++)
        {
          Expected *x = expected->pdata[e];
          GkFinding *finding;

          if (matched[e])
            continue;
          finding = gk_check_report (run, rule,
                                     _("The text's list leaves out “%s”, which has a figure in the table. "
                                       "Add it to the list."),
                                     x->shown);
          gk_finding_add_place (finding, "narrative", text->id, NULL);
          gk_finding_add_place (finding, x->part, x->row, x->column);
        }
    }
}

/* Reasons and last year's figures of the composed paragraphs ------------------ */

typedef struct
{
  char     *key;
  char     *paragraph;
  GkAmount  amount;
  char     *label;
  gboolean  reason_optional;
} Comparison;

static void
comparison_free (gpointer data)
{
  Comparison *c = data;

  g_free (c->key);
  g_free (c->paragraph);
  g_free (c->label);
  g_free (c);
}

static void
add_comparison (GPtrArray  *list,
                const char *key,
                const char *paragraph,
                GkAmount    amount,
                const char *label,
                gboolean    reason_optional)
{
  Comparison *c = g_new0 (Comparison, 1);

  c->key = g_strdup (key);
  c->paragraph = g_strdup (paragraph);
  c->amount = amount;
  c->label = g_strdup (label);
  c->reason_optional = reason_optional;
  g_ptr_array_add (list, c);
}

/* The changes the composer writes, with the prior key each needs; kept in
 * step with gk-narrative-sections.c. */
static GPtrArray *
composed_comparisons (GkCheckRun *run)
{
  static const struct { const char *column; const char *name; } sangong[] = {
    { "total", "“三公”经费" },
    { "abroad", "因公出国（境）费" },
    { "vehicle-purchase", "公务用车购置费" },
    { "vehicle-operation", "公务用车运行费" },
    { "reception", "公务接待费" },
  };
  GPtrArray *list = g_ptr_array_new_with_free_func (comparison_free);
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  GkTable *t2 = gk_document_get_table (run->document, "income");
  GkTable *t3 = gk_document_get_table (run->document, "expenditure");
  GkTable *t5 = gk_document_get_table (run->document, "general-expenditure");
  GkTable *t6 = gk_document_get_table (run->document, "basic-expenditure");
  GkTable *t8 = gk_document_get_table (run->document, "sangong");

  for (guint i = 0; t2 != NULL && i < gk_table_schema_get_n_columns (gk_table_get_schema (t2)); i++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (gk_table_get_schema (t2), i);
      g_autofree char *key = g_strconcat ("income.", col->id, NULL);
      g_autofree char *paragraph = g_strconcat ("s2.", key, NULL);
      const char *name = gk_check_income_name (col->id);
      GkAmount amount;

      if (col->rule != GK_COLUMN_ENTERED)
        continue;
      amount = gk_check_column_total (t2, col->id);
      if (amount != 0 || gk_explanation_lookup_prior (explanation, key) != NULL)
        add_comparison (list, key, paragraph, amount, name != NULL ? name : col->title, FALSE);
    }
  if (t3 != NULL)
    {
      add_comparison (list, "expenditure.basic", "s3.expenditure.basic",
                      gk_check_column_total (t3, "basic"), "基本支出", FALSE);
      add_comparison (list, "expenditure.project", "s3.expenditure.project",
                      gk_check_column_total (t3, "project"), "项目支出", FALSE);
    }
  if (t5 != NULL)
    {
      GListModel *rows = G_LIST_MODEL (t5);

      add_comparison (list, "general.total", "s5.scale", gk_check_column_total (t5, "total"),
                      "一般公共预算当年拨款", FALSE);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
          const char *code = gk_row_get_code (row);
          g_autofree char *key = NULL;
          g_autofree char *paragraph = NULL;
          g_autofree char *label = NULL;
          GkAmount amount;

          if (code == NULL || !gk_row_is_leaf (row) || gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
            continue;
          key = g_strconcat ("function.", code, NULL);
          amount = gk_check_cell (t5, row, "total");
          if (amount == 0 && gk_explanation_lookup_prior (explanation, key) == NULL)
            continue;
          paragraph = g_strconcat ("s5.item.", code, NULL);
          label = g_strdup_printf ("%s %s", code, gk_row_get_name (row));
          add_comparison (list, key, paragraph, amount, label, FALSE);
        }
    }
  for (guint i = 0; t8 != NULL && i < G_N_ELEMENTS (sangong); i++)
    {
      g_autofree char *key = g_strconcat ("sangong.", sangong[i].column, NULL);

      add_comparison (list, key, "s8.change", gk_check_column_total (t8, sangong[i].column),
                      sangong[i].name, i == 0);
    }
  if (t6 != NULL)
    add_comparison (list, "running-costs", "s10.running", gk_check_column_total (t6, "public"),
                    "机关运行经费", FALSE);
  return list;
}

/* Whether the composed paragraph compares with last year's @key: the
 * template's outline may leave the paragraph out, and a 事业单位 states no
 * 机关运行经费 to compare. */
static gboolean
compares (GPtrArray  *sections,
          const char *paragraph_id,
          const char *key)
{
  const GkParagraph *paragraph = gk_narrative_lookup_paragraph (sections, paragraph_id);
  g_autofree char *prefix = g_strdup_printf ("prior/%s/", key);

  for (guint i = 0; paragraph != NULL && i < paragraph->spans->len; i++)
    {
      const GkSpan *span = g_ptr_array_index (paragraph->spans, i);

      if (span->source != NULL && g_str_has_prefix (span->source, prefix))
        return TRUE;
    }
  return FALSE;
}

static void
check_composed_changes (GkCheckRun *run)
{
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  g_autoptr(GPtrArray) list = composed_comparisons (run);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GStrvBuilder) only = g_strv_builder_new ();
  g_auto(GStrv) only_ids = NULL;

  /* The paragraphs compared, not the projects' thousands. */
  for (guint i = 0; i < list->len; i++)
    g_strv_builder_add (only, ((Comparison *) list->pdata[i])->paragraph);
  only_ids = g_strv_builder_end (only);
  sections = gk_narrative_compose_some (run->document, (const char * const *) only_ids);

  for (guint i = 0; i < list->len; i++)
    {
      Comparison *c = list->pdata[i];
      GkPrior *prior = gk_explanation_lookup_prior (explanation, c->key);
      g_autofree char *reason = NULL;
      GkFinding *finding;

      /* A rewritten paragraph is checked from its own words. */
      if (gk_explanation_get_hand_written (explanation, c->paragraph) != NULL)
        continue;
      if (!compares (sections, c->paragraph, c->key))
        continue;

      if (prior == NULL)
        {
          g_autofree char *amount = gk_check_money (run, c->amount);

          finding = gk_check_report (run, "narrative.prior-year",
                                     _("情况说明 compares %s (%s this year) with last year, but last year's "
                                       "figure is not entered. Enter it among last year's figures."),
                                     c->label, amount);
          gk_finding_add_place (finding, "explanation", "prior-year", c->key);
          gk_finding_add_place (finding, "narrative", c->paragraph, NULL);
          continue;
        }
      reason = g_strstrip (g_strdup (gk_prior_get_reason (prior) ? gk_prior_get_reason (prior) : ""));
      if (reason[0] == '\0' && !c->reason_optional && gk_prior_get_amount (prior) != c->amount)
        {
          g_autofree char *last = gk_check_money (run, gk_prior_get_amount (prior));
          g_autofree char *now = gk_check_money (run, c->amount);

          finding = gk_check_report (run, "narrative.reason",
                                     _("%s changed from %s last year to %s, but no reason is entered. "
                                       "Enter the reason among last year's figures."),
                                     c->label, last, now);
          gk_finding_add_place (finding, "explanation", "prior-year", c->key);
          gk_finding_add_place (finding, "narrative", c->paragraph, NULL);
        }
    }
}

static const GkCheckDef defs[] = {
  { .name = "narrative.project-name", .func = check_project_names,
    .reads = GK_CHECK_READS_HAND_WRITTEN | GK_CHECK_READS_PROJECTS | GK_CHECK_READS_META },
  { .name = "narrative.lists", .func = check_lists,
    .reads = GK_CHECK_READS_HAND_WRITTEN | GK_CHECK_READS_META | GK_CHECK_READS_STRUCTURE,
    .tables = "income expenditure basic-expenditure" },
  { .name = "narrative.composed", .func = check_composed_changes,
    .reads = GK_CHECK_READS_HAND_WRITTEN | GK_CHECK_READS_PRIORS | GK_CHECK_READS_META, .tables = "income expenditure general-expenditure basic-expenditure sangong" },
};

const GkCheckDef *
gk_check_paragraph_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
