/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-table-cell.h"
#include "gk-table-cell-private.h"

/* What a derived cell's tooltip says it is computed from. */

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* What a derived cell is computed from, for its tooltip. */
char *
gk_table_cell_describe_derivation (GkRow *row,
                                   guint  column)
{
  GkTable *table;
  const GkTableSchema *schema;
  const GkColumnSchema *col;

  g_return_val_if_fail (GK_IS_ROW (row), NULL);

  table = gk_row_get_table (row);
  if (table == NULL)
    return NULL;
  schema = gk_table_get_schema (table);

  if (gk_table_schema_is_summary (schema))
    {
      g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) list = g_string_new (NULL);

      /* "expenditure:total" → "表三", each table once, in table order. */
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < schema->columns->len + (schema->lines ? schema->lines->len : 0); i++)
        {
          const char *source;
          g_autofree char *role = NULL;
          const GkTableSchema *from;

          if (i < schema->columns->len)
            source = ((GkColumnSchema *) schema->columns->pdata[i])->source;
          else
            source = ((GkLineSchema *) schema->lines->pdata[i - schema->columns->len])->source;
          if (source == NULL)
            continue;
          role = g_strndup (source, strcspn (source, ":"));
          from = gk_template_lookup (schema->template, role);
          if (from != NULL)
            {
              guint position = from->position;
              gboolean seen = FALSE;
              for (guint j = 0; j < positions->len; j++)
                seen |= g_array_index (positions, guint, j) == position;
              if (!seen)
                g_array_append_val (positions, position);
            }
        }
      g_array_sort (positions, compare_positions);
      for (guint j = 0; j < positions->len; j++)
        g_ptr_array_add (numbers, gk_table_schema_dup_label (gk_template_get_table (schema->template,
                                                                                   g_array_index (positions, guint, j))));
      if (numbers->len == 0)
        return g_strdup (_("Derived from the other tables"));
      if (numbers->len == 1)
        return g_strdup_printf (_("Derived from %s"), (char *) numbers->pdata[0]);
      if (numbers->len == 2)
        return g_strdup_printf (_("Derived from %s and %s"),
                                (char *) numbers->pdata[0], (char *) numbers->pdata[1]);
      for (guint j = 0; j + 1 < numbers->len; j++)
        g_string_append_printf (list, j > 0 ? ", %s" : "%s", (char *) numbers->pdata[j]);
      return g_strdup_printf (_("Derived from %s and %s"),
                              list->str, (char *) numbers->pdata[numbers->len - 1]);
    }

  if (gk_row_get_kind (row) == GK_ROW_KIND_TOTAL)
    return g_strdup (_("Sum of the class rows"));
  if (gk_row_get_kind (row) != GK_ROW_KIND_PROJECT && gk_row_get_kind (row) != GK_ROW_KIND_SINGLE &&
      (!gk_row_is_leaf (row) || schema->kind == GK_TABLE_KIND_PROJECTS))
    return g_strdup (_("Sum of the rows below"));

  col = gk_table_schema_get_column (schema, column);
  switch (col->rule)
    {
    case GK_COLUMN_SUM:
      {
        g_autoptr(GString) formula = g_string_new (NULL);

        /* The printed column titles: "基本支出 + 项目支出". */
        for (guint i = 0; i < col->n_sources; i++)
          {
            if (col->subtract & (G_GUINT64_CONSTANT (1) << i))
              g_string_append (formula, i > 0 ? " − " : "−");
            else if (i > 0)
              g_string_append (formula, " + ");
            g_string_append (formula, gk_table_schema_get_column (schema, col->sources[i])->title);
          }
        return g_string_free (g_steal_pointer (&formula), FALSE);
      }

    case GK_COLUMN_SHARE_OF:
      {
        g_autofree char *classes = col->classes ? g_strjoinv (", ", col->classes) : g_strdup ("");
        const char *whole = gk_table_schema_get_column (schema, col->sources[0])->title;

        return col->except
                 ? g_strdup_printf (_("%s of the rows outside the economic classes %s"), whole, classes)
                 : g_strdup_printf (_("%s of the rows in the economic classes %s"), whole, classes);
      }

    case GK_COLUMN_SOURCE:
      return g_strdup_printf (_("Taken from %s"), col->source);

    case GK_COLUMN_ENTERED:
    default:
      return g_strdup (_("Computed from the rows below"));
    }
}

/**
 * gk_table_cell_find_line:
 * @row: a line of a summary
 *
 * Returns: (nullable): the template's line @row shows, when its figure
 *   is typed in (决算's 年初结转和结余) or it keeps one typed before the
 *   template derived it, else %NULL
 */
const GkLineSchema *
gk_table_cell_find_line (GkRow *row)
{
  const GkTableSchema *schema;

  if (row == NULL || gk_row_get_kind (row) != GK_ROW_KIND_LINE || gk_row_get_table (row) == NULL)
    return NULL;
  schema = gk_table_get_schema (gk_row_get_table (row));
  for (guint i = 0; schema->lines != NULL && i < schema->lines->len; i++)
    {
      const GkLineSchema *line = schema->lines->pdata[i];

      if (g_strcmp0 (line->id, gk_row_get_line_id (row)) != 0)
        continue;
      if (line->entered)
        return line;
      /* A derived line holding a figure typed before it was derived. */
      for (guint c = 0; c < gk_table_schema_get_n_columns (schema); c++)
        if (gk_table_get_line_figure (gk_row_get_table (row), line->id,
                                      gk_table_schema_get_column (schema, c)->id, NULL))
          return line;
      return NULL;
    }
  return NULL;
}

/* A cell the officer types into: an entered cell of a row, or the
 * figure of a summary's entered line (one for an income line, each
 * column that is not a sum for an expenditure line). */
gboolean
gk_table_cell_takes_figure (GkRow *row,
                            guint  column)
{
  const GkLineSchema *line;

  if (gk_row_is_cell_entered (row, column))
    return TRUE;
  line = gk_table_cell_find_line (row);
  if (line == NULL)
    return FALSE;
  if (!line->entered)
    return gk_table_get_line_figure (gk_row_get_table (row), line->id,
                                     gk_table_schema_get_column (gk_table_get_schema (gk_row_get_table (row)), column)->id,
                                     NULL);
  if (!line->expenditure)
    return column == 0;
  return gk_table_schema_get_column (gk_table_get_schema (gk_row_get_table (row)), column)->rule != GK_COLUMN_SUM;
}

/* A figure a derived line keeps from a file written when the line was
 * entered, and that differs from what the line derives: it is printed
 * until cleared. */
char *
_gk_table_cell_describe_kept (GkRow *row,
                              guint  column)
{
  const GkLineSchema *line = gk_table_cell_find_line (row);
  const GkTableSchema *schema;

  if (line == NULL || line->entered)
    return NULL;
  schema = gk_table_get_schema (gk_row_get_table (row));
  if (!gk_table_get_line_figure (gk_row_get_table (row), line->id,
                                 gk_table_schema_get_column (schema, column)->id, NULL))
    return NULL;
  return g_strdup (_("Typed when this line was entered, and kept: it is printed in place of the computed "
                     "figure. Clear it to print the computed one."));
}
