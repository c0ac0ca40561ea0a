/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-checker-private.h"

/* A document read from a published disclosure keeps the figures it
 * printed for subtotals, 合计 and summary lines. Where one differs from
 * what Gongkai derives from the figures under it, the publication was
 * wrong (a 类 that is not the sum of its 项, a 表一 that does not balance):
 * both figures are named, since either may be the one to correct. */

static void
check_stated (GkCheckRun *run)
{
  GkTable *table = run->table;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree char *table_label = NULL;

  if (gk_table_get_n_stated (table) == 0)
    return;
  pairs = gk_table_dup_stated (table);
  table_label = gk_table_schema_dup_label (gk_table_get_schema (table));
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *line = pairs->pdata[i];
      const char *column_id = pairs->pdata[i + 1];
      GkRow *row = gk_table_lookup_stated_line (table, line);
      int column = gk_table_column_index (table, column_id);
      g_autofree char *label = NULL;
      g_autofree char *printed = NULL;
      g_autofree char *derived = NULL;
      GkAmount stated = 0, sum = 0;
      GkFinding *finding;

      gk_table_get_stated (table, line, column_id, &stated);
      if (column < 0)
        continue;
      if (row != NULL)
        sum = gk_check_cell (table, row, column_id);
      if (row != NULL && sum == stated)
        continue;
      label = row != NULL ? gk_check_row_label (row) : g_strdup_printf ("%s %s", table_label, line);
      printed = gk_check_money (run, stated);
      derived = gk_check_money (run, sum);
      /* A figure typed into the cell is made of nothing: no sum to blame. */
      if (row != NULL && gk_row_is_cell_entered (row, column))
        finding = gk_check_report (run, "table.stated",
                                   /* Translators: 表三 2010301 行政运行, 基本支出: printed 270.00万元, entered 265.06万元 */
                                   _("%s, %s: the published table prints %s, but %s is entered. "
                                     "Correct the printed figure, or the one entered."),
                                   label, gk_check_column_title (table, column), printed, derived);
      else
        finding = gk_check_report (run, "table.stated",
                                   /* Translators: 表三 201 一般公共服务支出, 基本支出: printed 284.08万元, … 265.06万元 */
                                   _("%s, %s: the published table prints %s, but the figures it is made of add up to %s. "
                                     "Correct the printed figure, or the figures under it."),
                                   label, gk_check_column_title (table, column), printed, derived);
      if (row != NULL)
        gk_check_add_cell (finding, row, column_id);
      else
        gk_finding_add_place (finding, gk_table_get_id (table), NULL, NULL);
    }
}

/* A published 绩效目标表 that names its project otherwise than 项目支出表
 * does ("网站维护费" for 网站维护): one project under two names. */
static void
check_performance_name (GkCheckRun *run,
                        GkProject  *project)
{
  const char *printed = gk_project_get_performance_name (project);
  GkFinding *finding;

  if (printed == NULL || printed[0] == '\0' || g_strcmp0 (printed, gk_project_get_name (project)) == 0)
    return;
  finding = gk_check_report (run, "performance.name",
                             _("The published 项目支出绩效目标表 names the project “%s”, but 项目支出表 names it “%s”. "
                               "Use one name in both; Gongkai prints the 项目支出表's."),
                             printed, gk_project_get_name (project));
  gk_finding_add_place (finding, "projects", gk_project_get_id (project), "name");
}

static const GkCheckDef defs[] = {
  { .name = "performance.name", .project_func = check_performance_name,
    .reads = GK_CHECK_READS_PROJECTS },
  { .name = "table.stated", .func = check_stated, .tables = "*", .per_table = TRUE,
    /* A table's notify: its figures as published were kept. */
    .reads = GK_CHECK_READS_NOTES },
};

const GkCheckDef *
gk_check_stated_defs (guint *n_defs)
{
  *n_defs = G_N_ELEMENTS (defs);
  return defs;
}
