/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-follows.c — 表五 follows 表三 for a 项 funded by 一般公共预算 alone;
 * a 项 added to one of 表二/表三/表五 is added to the others */

#include "config.h"

#include <json-glib/json-glib.h>

#include "gk-checker.h"
#include "gk-finding.h"
#include "gk-test-document.h"

static GkRow *
t5_row (GkDocument *document,
        const char *code)
{
  return gk_table_lookup (gk_document_get_table (document, "general-expenditure"), code);
}

/* The sample's three 项 are funded by 一般公共预算 alone, and its 表五
 * equals 表三: every row follows, and saving writes nothing new. */
static void
test_sample_follows (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GBytes) bytes = gk_document_serialize (document);

  g_assert_true (gk_document_row_follows (document, t5_row (document, "2010301")));
  g_assert_true (gk_document_row_follows (document, t5_row (document, "2010399")));
  g_assert_true (gk_document_row_follows (document, t5_row (document, "2080505")));
  /* A 款 does not follow: it sums its 项. */
  g_assert_false (gk_document_row_follows (document, t5_row (document, "20103")));
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "follows"));
  g_assert_false (gk_document_get_modified (document));
}

/* An edit of 表三 carries to 表五 in the same undo step. */
static void
test_follows_edit_and_undo (void)
{
  g_autoptr(GkDocument) document = load_sample ();

  set_text_ok (document, "expenditure", "2010301", "basic", "300.00");
  assert_cell (document, "general-expenditure", "2010301", "basic", "300.00");
  assert_cell (document, "general-expenditure", "合计", "basic", "319.02");
  g_assert_true (gk_document_undo (document));
  assert_cell (document, "expenditure", "2010301", "basic", "265.06");
  assert_cell (document, "general-expenditure", "2010301", "basic", "265.06");
  g_assert_false (gk_document_can_undo (document));
  g_assert_true (gk_document_redo (document));
  assert_cell (document, "general-expenditure", "2010301", "basic", "300.00");
}

/* Typing over a following row makes it entered; 表三 no longer moves it;
 * undo makes it follow again with 表三's figure. */
static void
test_override_and_undo (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  GkRow *row = t5_row (document, "2010301");

  set_text_ok (document, "expenditure", "2010301", "basic", "300.00");
  set_text_ok (document, "general-expenditure", "2010301", "basic", "250.00");
  g_assert_true (gk_row_is_overridden (row));
  g_assert_false (gk_document_row_follows (document, row));
  g_assert_true (gk_document_row_can_follow (document, row));
  set_text_ok (document, "expenditure", "2010301", "basic", "310.00");
  assert_cell (document, "general-expenditure", "2010301", "basic", "250.00");

  g_assert_true (gk_document_undo (document));   /* 表三 310 */
  assert_cell (document, "general-expenditure", "2010301", "basic", "250.00");
  g_assert_true (gk_document_undo (document));   /* the typed 250 */
  g_assert_false (gk_row_is_overridden (row));
  g_assert_true (gk_document_row_follows (document, row));
  assert_cell (document, "general-expenditure", "2010301", "basic", "300.00");
  g_assert_true (gk_document_redo (document));
  g_assert_true (gk_row_is_overridden (row));
  assert_cell (document, "general-expenditure", "2010301", "basic", "250.00");
}

/* The way back: follow again takes 表三's figures, in one undo step. */
static void
test_follow_after_override (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  GkRow *row = t5_row (document, "2010399");
  g_autoptr(GError) error = NULL;

  set_text_ok (document, "general-expenditure", "2010399", "project", "60.00");
  set_text_ok (document, "general-expenditure", "2010399", "basic", "1.00");
  g_assert_true (gk_row_is_overridden (row));
  g_assert_true (gk_document_follow_row (document, row, &error));
  g_assert_no_error (error);
  g_assert_true (gk_document_row_follows (document, row));
  assert_cell (document, "general-expenditure", "2010399", "project", "71.00");
  assert_cell (document, "general-expenditure", "2010399", "basic", NULL);
  g_assert_cmpstr (gk_document_get_undo_label (document), ==, "Follow 支出总表");
  g_assert_true (gk_document_undo (document));
  g_assert_true (gk_row_is_overridden (row));
  assert_cell (document, "general-expenditure", "2010399", "project", "60.00");
  assert_cell (document, "general-expenditure", "2010399", "basic", "1.00");
}

/* A figure equal to the one followed (a table pasted back onto itself)
 * changes nothing: the row keeps following. A blank where 表三 has a
 * figure is a figure of its own. */
static void
test_same_figure_keeps_following (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  GkRow *row = t5_row (document, "2010301");

  set_text_ok (document, "general-expenditure", "2010301", "basic", "265.06");
  g_assert_true (gk_document_row_follows (document, row));
  g_assert_false (gk_document_can_undo (document));
  set_text_ok (document, "general-expenditure", "2010301", "basic", "");
  g_assert_true (gk_row_is_overridden (row));
  assert_cell (document, "general-expenditure", "2010301", "basic", NULL);
}

/* A 项 with another source in 表二 does not follow; its figures stay as
 * they were, and following is refused with the reason. */
static void
test_other_source_stops_following (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  GkRow *row = t5_row (document, "2080505");
  g_autoptr(GError) error = NULL;

  set_text_ok (document, "income", "2080505", "fund", "1.00");
  g_assert_false (gk_document_row_can_follow (document, row));
  g_assert_false (gk_document_row_follows (document, row));
  set_text_ok (document, "expenditure", "2080505", "basic", "20.02");
  assert_cell (document, "general-expenditure", "2080505", "basic", "19.02");
  /* Its figures are now its own: it keeps them when it could follow. */
  g_assert_true (gk_row_is_overridden (row));
  g_assert_false (gk_document_follow_row (document, row, &error));
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_NOT_EDITABLE);
  g_assert_nonnull (strstr (error->message, "2080505"));
  set_text_ok (document, "income", "2080505", "fund", "");
  g_assert_true (gk_document_row_can_follow (document, row));
  assert_cell (document, "general-expenditure", "2080505", "basic", "19.02");
}

/* Saved only when overridden, read back the same. */
static void
test_round_trip (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GkDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;

  set_text_ok (document, "general-expenditure", "2010301", "basic", "250.00");
  bytes = gk_document_serialize (document);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"follows\" : false"));
  loaded = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_true (gk_row_is_overridden (t5_row (loaded, "2010301")));
  g_assert_true (gk_document_row_follows (loaded, t5_row (loaded, "2010399")));
  assert_cell (loaded, "general-expenditure", "2010301", "basic", "250.00");
  again = gk_document_serialize (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* The sample's text with one member of a row of a table set. */
static char *
sample_with (const char *table_id,
             const char *code,
             const char *member,
             JsonNode   *value)
{
  g_autofree char *path = sample_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  rows = json_object_get_array_member (
           json_object_get_object_member (
             json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "tables"),
             table_id), "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      if (g_str_equal (json_object_get_string_member (row, "code"), code))
        json_object_set_member (row, member, value);
    }
  return json_to_string (json_parser_get_root (parser), TRUE);
}

/* A file written before rows followed: a row of 表五 that differs from
 * 表三 was typed, and opens overridden with its figures unchanged. */
static void
test_old_file_differs (void)
{
  g_autofree char *text = sample_with ("general-expenditure", "2010301", "basic", json_node_init_string (json_node_alloc (), "200.00"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_true (gk_row_is_overridden (t5_row (document, "2010301")));
  assert_cell (document, "general-expenditure", "2010301", "basic", "200.00");
  g_assert_true (gk_document_row_follows (document, t5_row (document, "2080505")));
  set_text_ok (document, "expenditure", "2010301", "basic", "1.00");
  assert_cell (document, "general-expenditure", "2010301", "basic", "200.00");
}

static void
assert_refused (const char *text,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_from_data (text, -1, &error);

  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not name “%s”", error->message, expected);
}

static void
test_bad_follows (void)
{
  g_autofree char *not_boolean = sample_with ("general-expenditure", "2010301", "follows",
                                              json_node_init_string (json_node_alloc (), "no"));
  g_autofree char *other_table = sample_with ("income", "2010301", "follows",
                                              json_node_init_boolean (json_node_alloc (), FALSE));
  g_autofree char *section = sample_with ("general-expenditure", "20103", "follows",
                                          json_node_init_boolean (json_node_alloc (), FALSE));
  g_autofree char *fine = sample_with ("general-expenditure", "2010301", "follows",
                                       json_node_init_boolean (json_node_alloc (), TRUE));
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;

  /* The place in the document's words: the table and the row. */
  assert_refused (not_boolean, "2010301 行政运行");
  assert_refused (not_boolean, "“follows” must be true or false");
  assert_refused (other_table, "2010301");
  assert_refused (other_table, "$.tables.income.rows[2].follows");
  assert_refused (section, "20103");
  document = gk_document_load_from_data (fine, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gk_document_row_follows (document, t5_row (document, "2010301")));
}

/* A 项 added to one of 表二/表三/表五 comes to the others, in one step. */
static void
test_add_linked (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GError) error = NULL;
  static const char * const roles[] = { "income", "expenditure", "general-expenditure" };

  for (guint from = 0; from < G_N_ELEMENTS (roles); from++)
    {
      GkRow *added = gk_document_add_row (document, gk_document_get_table (document, roles[from]),
                                          "2101101", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (added);
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        {
          g_assert_nonnull (gk_table_lookup (gk_document_get_table (document, roles[i]), "2101101"));
          g_assert_nonnull (gk_table_lookup (gk_document_get_table (document, roles[i]), "210"));
        }
      g_assert_true (gk_document_undo (document));
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        g_assert_null (gk_table_lookup (gk_document_get_table (document, roles[i]), "210"));
      g_assert_false (gk_document_can_undo (document));
    }
  /* Not in the other tables: 表六 is of economic codes. */
  g_assert_nonnull (gk_document_add_row (document, gk_document_get_table (document, "expenditure"),
                                         "2101101", NULL, &error));
  g_assert_null (gk_table_lookup (gk_document_get_table (document, "fund-expenditure"), "2101101"));
}

/* Removing takes the row out of the other tables only where it holds no
 * figure of its own: an empty row, or 表五's row following the 表三 row. */
static void
test_remove_linked (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GError) error = NULL;
  GkTable *t2 = gk_document_get_table (document, "income");
  GkTable *t3 = gk_document_get_table (document, "expenditure");
  GkTable *t5 = gk_document_get_table (document, "general-expenditure");

  g_assert_nonnull (gk_document_add_row (document, t3, "2101101", NULL, &error));
  gk_document_remove_row (document, gk_table_lookup (t3, "2101101"));
  g_assert_null (gk_table_lookup (t2, "2101101"));
  g_assert_null (gk_table_lookup (t5, "2101101"));

  /* 表三's 2010301 goes with the 表五 row that follows it; 表二's keeps
   * its typed figure. */
  gk_document_remove_row (document, gk_table_lookup (t3, "2010301"));
  g_assert_null (gk_table_lookup (t5, "2010301"));
  g_assert_nonnull (gk_table_lookup (t2, "2010301"));
  g_assert_true (gk_document_undo (document));
  g_assert_nonnull (gk_table_lookup (t3, "2010301"));
  g_assert_nonnull (gk_table_lookup (t5, "2010301"));
  assert_cell (document, "general-expenditure", "2010301", "basic", "265.06");

  /* An overridden row of 表五 is the user's: it stays. */
  set_text_ok (document, "general-expenditure", "2080505", "basic", "18.00");
  gk_document_remove_row (document, gk_table_lookup (t3, "2080505"));
  g_assert_nonnull (gk_table_lookup (t5, "2080505"));
  assert_cell (document, "general-expenditure", "2080505", "basic", "18.00");
}

static guint
count_findings (GkChecker  *checker,
                const char *rule)
{
  guint found = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      if (g_str_equal (gk_finding_get_rule_id (finding), rule))
        found++;
    }
  return found;
}

/* A following row is 表三's row: checks comparing 表五 with 表三 say
 * nothing about it, and do about an overridden row that spends more. */
static void
test_checks (void)
{
  g_autoptr(GkDocument) document = load_sample ();
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  set_text_ok (document, "expenditure", "2010301", "basic", "300.00");
  gk_checker_update (checker);
  g_assert_cmpuint (count_findings (checker, "cross.general-expenditure"), ==, 0);
  set_text_ok (document, "general-expenditure", "2010301", "basic", "400.00");
  gk_checker_update (checker);
  /* 基本支出 and 合计 both exceed 表三. */
  g_assert_cmpuint (count_findings (checker, "cross.general-expenditure"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/follows/sample", test_sample_follows);
  g_test_add_func ("/follows/edit-and-undo", test_follows_edit_and_undo);
  g_test_add_func ("/follows/override-and-undo", test_override_and_undo);
  g_test_add_func ("/follows/follow-after-override", test_follow_after_override);
  g_test_add_func ("/follows/same-figure", test_same_figure_keeps_following);
  g_test_add_func ("/follows/other-source", test_other_source_stops_following);
  g_test_add_func ("/follows/round-trip", test_round_trip);
  g_test_add_func ("/follows/old-file-differs", test_old_file_differs);
  g_test_add_func ("/follows/bad-member", test_bad_follows);
  g_test_add_func ("/follows/add-linked", test_add_linked);
  g_test_add_func ("/follows/remove-linked", test_remove_linked);
  g_test_add_func ("/follows/checks", test_checks);
  return g_test_run ();
}
