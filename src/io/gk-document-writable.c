/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-io.h"
#include "gk-document-private.h"
#include "gk-fields.h"
#include "gk-narrative.h"

/* The writer refuses what the reader would refuse, so that no save makes a
 * file that cannot be opened again: the document's figures and year are
 * held to the same rules the reader applies (gk_amount_check_entered(),
 * GK_FILE_YEAR_MIN … GK_FILE_YEAR_MAX), and the first one that breaks them
 * is named with its place. */

static gboolean
check_cells (GkDocument  *document,
             GkRow       *row,
             GError     **error)
{
  GkTable *table = gk_row_get_table (row);
  const GkTableSchema *schema = table != NULL ? gk_table_get_schema (table) : NULL;

  for (guint c = 0; c < gk_row_get_n_columns (row); c++)
    {
      GkAmount amount;

      if (schema != NULL && gk_table_schema_get_column (schema, c)->rule != GK_COLUMN_ENTERED)
        continue;
      if (gk_row_get_amount (row, c, &amount) &&
          !gk_document_check_amount (document, row, c, amount, error))
        return FALSE;
    }
  return TRUE;
}

/* `what` says whose fields these are, for the message. */
static gboolean
check_fields (gpointer     source,
              const char  *what,
              GError     **error)
{
  guint n_fields;
  const GkField *fields = gk_fields_of (G_OBJECT_TYPE (source), &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      gint64 amount;

      if (fields[i].type != GK_FIELD_AMOUNT || !gk_field_is_set (source, &fields[i]))
        continue;
      g_object_get (source, fields[i].name, &amount, NULL);
      if (!gk_amount_check_entered (amount, error))
        {
          g_prefix_error (error, "%s, %s: ", what, fields[i].json ? fields[i].json : fields[i].name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_projects (GkDocument  *document,
                GError     **error)
{
  GListModel *projects = gk_document_get_projects (document);

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
      GListModel *indicators = gk_project_get_indicators (project);
      /* Translators: %s is a project's name */
      g_autofree char *what = g_strdup_printf (_("project “%s”"), gk_project_get_name (project) ? gk_project_get_name (project) : "");

      if (!check_cells (document, gk_project_get_row (project), error) ||
          !check_fields (project, what, error))
        return FALSE;
      for (guint j = 0; j < g_list_model_get_n_items (indicators); j++)
        {
          g_autoptr(GkIndicator) indicator = g_list_model_get_item (indicators, j);
          if (!check_fields (indicator, what, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_explanation (GkDocument  *document,
                   GError     **error)
{
  GkExplanation *explanation = gk_document_get_explanation (document);
  GListModel *priors = gk_explanation_get_priors (explanation);

  if (!check_fields (explanation, "情况说明", error) ||
      !check_fields (gk_document_get_overview (document), "单位概况", error))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (priors); i++)
    {
      g_autoptr(GkPrior) prior = g_list_model_get_item (priors, i);
      g_autofree char *named = gk_narrative_describe_key (document, gk_prior_get_key (prior));
      /* Translators: %s is what a figure stands for, such as 公务接待费 or 2010301 行政运行 */
      g_autofree char *what = g_strdup_printf (_("last year's %s"), named);

      if (!check_fields (prior, what, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * gk_document_check_writable:
 * @document: a document about to be saved
 * @error: a #GK_DOCUMENT_ERROR or #GK_AMOUNT_ERROR naming the first figure
 *   the file could not hold
 *
 * Returns: %TRUE if the file written from @document reads back
 */
gboolean
gk_document_check_writable (GkDocument  *document,
                            GError     **error)
{
  guint year;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), FALSE);

  year = gk_document_get_year (document);
  if (year != 0 && (year < GK_FILE_YEAR_MIN || year > GK_FILE_YEAR_MAX))
    {
      g_set_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID,
                   _("The year %u is not between %d and %d; correct the year of the disclosure, then save"),
                   year, GK_FILE_YEAR_MIN, GK_FILE_YEAR_MAX);
      return FALSE;
    }

  for (guint i = 0; i < gk_document_get_n_tables (document); i++)
    {
      GkTable *table = gk_document_get_table_at (document, i);
      const GkTableSchema *schema = gk_table_get_schema (table);

      if (schema->kind == GK_TABLE_KIND_SINGLE)
        {
          if (!check_cells (document, gk_table_get_single_row (table), error))
            return FALSE;
          continue;
        }
      if (schema->kind != GK_TABLE_KIND_FUNCTION && schema->kind != GK_TABLE_KIND_ECONOMIC)
        continue;
      for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (table)); r++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (table), r);

          if (gk_row_get_kind (row) != GK_ROW_KIND_TOTAL && gk_row_is_leaf (row) &&
              !check_cells (document, row, error))
            return FALSE;
        }
    }
  return check_projects (document, error) && check_explanation (document, error);
}
