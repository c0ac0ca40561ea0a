/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-fields.h"
#include "gk-table-list.h"

/* Next year's disclosure starts from this year's: the same unit, template,
 * rows, projects, overview and glossary, every figure of this year as the
 * new year's last-year figure, and no figure of its own yet. */

static void
clear_row (GkDocument          *self,
           GkRow               *row,
           const GkTableSchema *schema,
           guint               *cleared)
{
  for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
    {
      GkAmount value;

      if (gk_table_schema_get_column (schema, c)->rule != GK_COLUMN_ENTERED ||
          !gk_row_get_amount (row, c, &value))
        continue;
      if (gk_document_set_amount (self, row, c, NULL, NULL))
        (*cleared)++;
    }
}

/* Figures are entered on the rows without children: 项, or 款 without 项. */
static void
clear_rows (GkDocument          *self,
            GListModel          *rows,
            const GkTableSchema *schema,
            guint               *cleared)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      GListModel *children = gk_row_get_children (row);

      if (children != NULL && g_list_model_get_n_items (children) > 0)
        clear_rows (self, children, schema, cleared);
      else if (gk_row_get_kind (row) != GK_ROW_KIND_TOTAL)
        clear_row (self, row, schema, cleared);
    }
}

static void
clear_tables (GkDocument *self,
              guint      *cleared)
{
  for (guint t = 0; t < gk_document_get_n_tables (self); t++)
    {
      GkTable *table = gk_document_get_table_at (self, t);
      const GkTableSchema *schema = gk_table_get_schema (table);

      /* What this year's published document printed is no figure of next
       * year's, which has not been published. */
      gk_table_clear_stated (table);
      switch (schema->kind)
        {
        case GK_TABLE_KIND_FUNCTION:
        case GK_TABLE_KIND_ECONOMIC:
          clear_rows (self, gk_table_get_roots (table), schema, cleared);
          break;
        case GK_TABLE_KIND_SINGLE:
          clear_row (self, gk_table_get_single_row (table), schema, cleared);
          break;
        case GK_TABLE_KIND_LIST:
        case GK_TABLE_KIND_OVERALL_PERFORMANCE:
          for (guint i = 0; i < gk_table_get_n_entries (table); i++)
            clear_row (self, gk_table_get_entry (table, i), schema, cleared);
          break;
        case GK_TABLE_KIND_PROJECTS:
        case GK_TABLE_KIND_PROJECT_PERFORMANCE:
        case GK_TABLE_KIND_INCOME_EXPENDITURE:
        case GK_TABLE_KIND_FISCAL:
        default:
          break;
        }
    }
}

static void
clear_projects (GkDocument *self,
                guint      *cleared)
{
  GListModel *projects = gk_document_get_projects (self);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);

      clear_row (self, gk_project_get_row (project), gk_project_get_schema (project), cleared);
      if (gk_project_get_other_funds (project) != 0)
        gk_document_set_int (self, project, "other-funds", 0);
      /* Next year's 绩效目标表 is printed from the project's own name. */
      if (gk_project_get_performance_name (project) != NULL)
        gk_document_set_text (self, project, "performance-name", NULL);
    }
}

/* The year's 政府采购 and 全口径 “三公”经费 beside 情况说明 are this year's
 * budget, not next year's: they are emptied like the tables' figures. The
 * assets and staff are as they stand, and stay. */
static void
clear_year_facts (GkDocument *self,
                  guint      *cleared)
{
  static const char * const facts[] = {
    "procurement-goods", "procurement-works", "procurement-services", "procurement-sme-reserved",
    "procurement-micro-reserved", "procurement-centralized", "procurement-decentralized", "procurement-general",
    "procurement-fund", "procurement-other-funds", "sangong-all-abroad", "sangong-all-vehicle-purchase",
    "sangong-all-vehicle-operation", "sangong-all-reception",
  };
  GkExplanation *explanation = gk_document_get_explanation (self);

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      const GkField *field = gk_fields_lookup (GK_TYPE_EXPLANATION, facts[i]);
      GkAmount empty = field->optional ? GK_FIELD_UNSET_AMOUNT : 0;

      if (gk_explanation_get_amount (explanation, facts[i]) == empty)
        continue;
      gk_document_set_int (self, explanation, facts[i], empty);
      (*cleared)++;
    }
}

/* This year's last-year figures and their reasons were about the year
 * before: they go, and the fill below sets the new ones. */
static void
clear_priors (GkDocument *self)
{
  GListModel *priors = gk_explanation_get_priors (gk_document_get_explanation (self));
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (priors); i++)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (priors, i);
      g_ptr_array_add (keys, g_strdup (gk_prior_get_key (prior)));
    }
  for (guint i = 0; i < keys->len; i++)
    gk_document_remove_prior (self, keys->pdata[i]);
}

/**
 * gk_document_start_next_year:
 * @self: a copy of @this_year (read from the same file), to become next
 *   year's disclosure
 * @this_year: this year's disclosure
 * @report: (nullable): receives what was carried over, a line each
 *
 * Makes @self next year's disclosure: the year after, no date, every
 * entered figure empty, and this year's figures as its last-year figures
 * (gk_document_fill_prior_year()). The history is cleared: the result is
 * a new document.
 */
gboolean
gk_document_start_next_year (GkDocument  *self,
                             GkDocument  *this_year,
                             GString     *report,
                             GError     **error)
{
  guint cleared = 0;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (GK_IS_DOCUMENT (this_year), FALSE);
  g_return_val_if_fail (self != this_year, FALSE);

  if (gk_document_get_year (this_year) == 0)
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("The disclosure has no budget year; give it one first"));
      return FALSE;
    }
  g_object_set (self, "year", gk_document_get_year (this_year) + 1, "date", "", NULL);
  /* The unit is what it was: what 情况说明 says of 机关运行经费 follows. */
  gk_document_set_unit_type_internal (self, gk_document_get_unit_type (this_year));
  clear_tables (self, &cleared);
  clear_projects (self, &cleared);
  clear_year_facts (self, &cleared);
  if (gk_document_get_template (self) != NULL && gk_template_is_final (gk_document_get_template (self)))
    {
      gk_document_clear_final_lines (self, &cleared);
      gk_document_clear_final_facts (self, &cleared);
      gk_document_unlink_budget (self);
    }
  clear_priors (self);
  if (!gk_document_fill_prior_year (self, this_year, report, error))
    return FALSE;
  gk_document_history_clear (self);
  if (report != NULL)
    g_string_append_printf (report, _("%u figures of %u emptied for %u; they are its last-year figures now\n"),
                            cleared, gk_document_get_year (this_year), gk_document_get_year (self));
  return TRUE;
}
