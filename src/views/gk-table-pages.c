/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-catalog-table-page.h"
#include "gk-list-table-page.h"
#include "gk-overall-page.h"
#include "gk-project-table-page.h"
#include "gk-projects-page.h"
#include "gk-table-pages.h"

/* Which page shows which table: rows picked from the catalog, projects,
 * the projects page for their 绩效目标表, or the base page for tables
 * whose rows are fixed. Kept apart from GkTablePage so that the base class
 * knows none of its subclasses. */
GtkWidget *
gk_table_pages_create (GkDocument *document,
                       GkTable    *table)
{
  GType type = GK_TYPE_TABLE_PAGE;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table), NULL);

  switch (gk_table_get_schema (table)->kind)
    {
    case GK_TABLE_KIND_FUNCTION:
    case GK_TABLE_KIND_ECONOMIC:
      type = GK_TYPE_CATALOG_TABLE_PAGE;
      break;
    case GK_TABLE_KIND_PROJECTS:
      type = GK_TYPE_PROJECT_TABLE_PAGE;
      break;
    case GK_TABLE_KIND_PROJECT_PERFORMANCE:
      /* The 绩效目标表 are the projects': edited where the projects are. */
      return gk_projects_page_new (document);
    case GK_TABLE_KIND_LIST:
      type = GK_TYPE_LIST_TABLE_PAGE;
      break;
    case GK_TABLE_KIND_OVERALL_PERFORMANCE:
      /* Its tasks in a list table's page, its goal and indicators below. */
      return gk_overall_page_new (document, table);
    case GK_TABLE_KIND_SINGLE:
    case GK_TABLE_KIND_INCOME_EXPENDITURE:
    case GK_TABLE_KIND_FISCAL:
    default:
      break;
    }
  return g_object_new (type, "document", document, "table", table, NULL);
}
