/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the window tests share: typing a figure into 支出总表 the way a user
 * does, and reading it back. */

#include "gk-table-page.h"
#include "gk-window.h"

#include "gk-test-common.h"

static inline gboolean
page_has_focus_cell (gpointer data)
{
  return gk_table_page_get_focus_cell (data) != NULL;
}

typedef struct
{
  GkTablePage *page;
  GkRow       *row;
  guint        column;
} FocusWait;

static inline gboolean
focus_cell_is (gpointer data)
{
  FocusWait *wait = data;
  GkTableCell *cell = gk_table_page_get_focus_cell (wait->page);

  return cell != NULL && gk_table_cell_get_row (cell) == wait->row &&
         gk_table_cell_get_column (cell) == wait->column;
}

static inline GkAmount
basic_of (GkDocument *document,
          const char *code)
{
  GkTable *table = gk_document_get_table (document, "expenditure");
  GkAmount amount = -1;

  g_assert_true (gk_row_get_amount (gk_table_lookup (table, code), gk_table_column_index (table, "basic"),
                                    &amount));
  return amount;
}

/* Types a figure into 支出总表's 基本支出 and leaves it there, unconfirmed:
 * no Enter, no Tab, the focus still in the cell. */
static inline GkTableCell *
type_in_window (GkWindow   *window,
                const char *code,
                const char *text)
{
  GkTablePage *page;
  GkTable *table;
  GkTableCell *cell;

  gk_window_set_selected_page (window, "expenditure");
  /* A page is built on its first visit: let it lay out its rows first. */
  gk_test_iterate_idle ();
  page = GK_TABLE_PAGE (gk_window_get_page (window, "expenditure"));
  table = gk_table_page_get_table (page);
  g_assert_true (gk_table_page_focus_cell (page, gk_table_lookup (table, code),
                                           gk_table_column_index (table, "basic")));
  /* The focus may rest on another cell until the list has scrolled there. */
  {
    FocusWait wait = { page, gk_table_lookup (table, code), gk_table_column_index (table, "basic") };
    gk_test_iterate_until (focus_cell_is, &wait);
    /* A list still settling rebinds its cells, and a rebound cell stops
     * editing: type only once it has settled on the row. */
    gk_test_iterate_idle ();
    gk_test_iterate_until (focus_cell_is, &wait);
  }
  cell = gk_table_page_get_focus_cell (page);
  g_assert_nonnull (cell);
  gtk_widget_activate_action (GTK_WIDGET (cell), "cell.edit", NULL);
  gtk_editable_set_text (gk_table_cell_get_editable (cell), text);
  g_assert_true (gk_table_cell_is_editing (cell));
  return cell;
}

/* The same, confirmed with Enter. */
static inline void
edit_in_window (GkWindow   *window,
                const char *code,
                const char *text)
{
  GkTableCell *cell = type_in_window (window, code, text);

  g_signal_emit_by_name (gk_table_cell_get_editable (cell), "activate");
  g_assert_false (gk_table_cell_is_editing (cell));
}
