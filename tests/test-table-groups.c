/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "gk-table-layout.h"
#include "gk-template-private.h"

/* Headers three levels deep, as the 三公 决算表 prints them. */
static const char *three_levels =
  "{\"id\": \"groups-test\", \"version\": 1, \"title\": \"t\", \"region\": \"r\", \"description\": \"d\","
  " \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", \"kind\": \"single\", \"columns\": ["
  "  {\"id\": \"total\", \"title\": \"合计\"},"
  "  {\"id\": \"abroad\", \"title\": \"因公出国（境）费\", \"group\": \"财政拨款“三公”经费\"},"
  "  {\"id\": \"vehicle\", \"title\": \"小计\", \"group\": [\"财政拨款“三公”经费\", \"公务用车购置及运行维护费\"]},"
  "  {\"id\": \"purchase\", \"title\": \"公务用车购置费\", \"group\": [\"财政拨款“三公”经费\", \"公务用车购置及运行维护费\"]},"
  "  {\"id\": \"reception\", \"title\": \"公务接待费\", \"group\": [\"财政拨款“三公”经费\"]},"
  "  {\"id\": \"other\", \"title\": \"会议费\", \"group\": [\"其他\", \"公务用车购置及运行维护费\"]}"
  "]}]}";

static GkTemplate *
parse (const char  *text,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return gk_template_parse_definition (json_node_get_object (json_parser_get_root (parser)), error);
}

static const GkLayoutHeaderCell *
find_cell (GkTableLayout *layout,
           const char    *text,
           guint          column)
{
  for (guint i = 0; i < layout->header->len; i++)
    {
      const GkLayoutHeaderCell *cell = layout->header->pdata[i];
      if (g_str_equal (cell->text, text) && cell->column == column)
        return cell;
    }
  g_error ("no header “%s” at column %u", text, column);
  return NULL;
}

static void
assert_cell (GkTableLayout *layout,
             const char    *text,
             guint          row,
             guint          column,
             guint          row_span,
             guint          column_span)
{
  const GkLayoutHeaderCell *cell = find_cell (layout, text, column);

  g_assert_cmpuint (cell->row, ==, row);
  g_assert_cmpuint (cell->row_span, ==, row_span);
  g_assert_cmpuint (cell->column_span, ==, column_span);
}

static void
test_three_levels (void)
{
  g_autoptr(GError) error = NULL;
  GkTemplate *template = parse (three_levels, &error);
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkTableLayout) layout = NULL;
  guint cells[3][6] = { { 0 } };

  g_assert_no_error (error);
  document = gk_document_new_for_template (template);
  layout = gk_table_layout_new (document, gk_document_get_table_at (document, 0));
  g_assert_cmpuint (layout->n_header_rows, ==, 3);
  /* A column without groups spans every row. */
  assert_cell (layout, "合计", 0, 0, 3, 1);
  /* The outer group spans the four columns that share it, not the fifth,
   * whose outer group differs though its inner one reads the same. */
  assert_cell (layout, "财政拨款“三公”经费", 0, 1, 1, 4);
  assert_cell (layout, "因公出国（境）费", 1, 1, 2, 1);
  assert_cell (layout, "公务用车购置及运行维护费", 1, 2, 1, 2);
  assert_cell (layout, "小计", 2, 2, 1, 1);
  assert_cell (layout, "公务用车购置费", 2, 3, 1, 1);
  assert_cell (layout, "公务接待费", 1, 4, 2, 1);
  assert_cell (layout, "其他", 0, 5, 1, 1);
  assert_cell (layout, "公务用车购置及运行维护费", 1, 5, 1, 1);
  assert_cell (layout, "会议费", 2, 5, 1, 1);

  /* Every header row of every column is covered once, with no gap. */
  for (guint i = 0; i < layout->header->len; i++)
    {
      const GkLayoutHeaderCell *cell = layout->header->pdata[i];
      for (guint r = cell->row; r < cell->row + cell->row_span; r++)
        for (guint c = cell->column; c < cell->column + cell->column_span; c++)
          cells[r][c]++;
    }
  for (guint r = 0; r < 3; r++)
    for (guint c = 0; c < 6; c++)
      g_assert_cmpuint (cells[r][c], ==, 1);
}

static void
test_refused (void)
{
  static const char *bad[][2] = {
    { "{\"id\": \"groups-bad\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", \"kind\": \"single\","
      " \"columns\": [{\"id\": \"total\", \"title\": \"合计\", \"group\": []}]}]}",
      "between 1 and 4" },
    { "{\"id\": \"groups-bad\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", \"kind\": \"single\","
      " \"columns\": [{\"id\": \"total\", \"title\": \"合计\", \"group\": [\"a\", 3]}]}]}",
      "must be a text or a list of texts" },
    { "{\"id\": \"groups-bad\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", \"kind\": \"single\","
      " \"columns\": [{\"id\": \"total\", \"title\": \"合计\", \"group\": \"\"}]}]}",
      "must not be empty" },
    { "{\"id\": \"groups-bad\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", \"kind\": \"single\","
      " \"columns\": [{\"id\": \"total\", \"title\": \"合计\", \"group\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}]}]}",
      "between 1 and 4" },
    { "{\"id\": \"groups-bad\", \"version\": 1, \"tables\": [{\"role\": \"sangong\", \"title\": \"三公\", \"kind\": \"single\","
      " \"columns\": [{\"id\": \"total\", \"title\": \"合计\", \"group\": {\"a\": 1}}]}]}",
      "must be a text or a list of texts" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (parse (bad[i][0], &error));
      g_assert_nonnull (error);
      if (strstr (error->message, bad[i][1]) == NULL || strstr (error->message, "sangong") == NULL)
        g_error ("case %u: “%s” does not say “%s” and name the table", i, error->message, bad[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table-groups/three-levels", test_three_levels);
  g_test_add_func ("/table-groups/refused", test_refused);
  return g_test_run ();
}
