/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-test-final.h"

/* 收入支出决算总体情况 walks the 总表's expenditure side line by line:
 * "支出总计A万元，其中：本年支出合计B万元，结余分配C万元，年末结转和结余D万元".
 * 结余分配 is one of those lines; a reader that does not know its name
 * carries C over as one more 本年支出合计. The sentences are the published
 * ones of 烏魯木齊市政務服務中心 2023 (tests/data/real), in the mirror's
 * traditional characters and in simplified ones. */

static GkDocument *
real_document (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".gongkai", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", "real", file, NULL);

  return gk_test_load (path);
}

/* The error findings about the paragraph @id (its first place). */
static GPtrArray *
errors_of (GkChecker  *checker,
           const char *id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *place = g_strconcat ("narrative/", id, NULL);

  gk_checker_update (checker);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *first = NULL;

      if (gk_finding_get_severity (finding) != GK_CHECK_SEVERITY_ERROR || gk_finding_get_n_places (finding) == 0)
        continue;
      first = gk_place_to_string (gk_finding_get_place (finding, 0));
      if (!g_str_equal (first, place))
        continue;
      g_test_message ("%s: %s", gk_finding_get_rule_id (finding), gk_finding_get_message (finding));
      g_ptr_array_add (found, g_object_ref (finding));
    }
  return found;
}

static gboolean
has_place (GkFinding  *finding,
           const char *place)
{
  for (guint i = 0; i < gk_finding_get_n_places (finding); i++)
    {
      g_autofree char *text = gk_place_to_string (gk_finding_get_place (finding, i));

      if (g_str_equal (text, place))
        return TRUE;
    }
  return FALSE;
}

static void
assert_right (GkDocument *document,
              GkChecker  *checker,
              const char *text)
{
  g_autoptr(GPtrArray) errors = NULL;

  gk_document_set_hand_written (document, "k.final-totals", text);
  errors = errors_of (checker, "k.final-totals");
  if (errors->len != 0)
    g_error ("“%s” gives %u error(s), the first: %s", text, errors->len,
             gk_finding_get_message (errors->pdata[0]));
}

/* @text gives one narrative.figure error, naming @place and saying @said. */
static void
assert_wrong (GkDocument *document,
              GkChecker  *checker,
              const char *text,
              const char *place,
              const char *said)
{
  g_autoptr(GPtrArray) errors = NULL;

  gk_document_set_hand_written (document, "k.final-totals", text);
  errors = errors_of (checker, "k.final-totals");
  if (errors->len != 1)
    g_error ("“%s” gives %u errors, not 1", text, errors->len);
  g_assert_cmpstr (gk_finding_get_rule_id (errors->pdata[0]), ==, "narrative.figure");
  if (!has_place (errors->pdata[0], place))
    g_error ("the finding “%s” does not name %s", gk_finding_get_message (errors->pdata[0]), place);
  g_assert_nonnull (strstr (gk_finding_get_message (errors->pdata[0]), said));
}

static const char traditional[] =
  "2023年度支出總計434.72萬元，其中：本年支出合計434.16萬元，結余分配0.00萬元，年末結轉和結余0.55萬元。";
static const char simplified[] =
  "2023年度支出总计434.72万元，其中：本年支出合计434.16万元，结余分配0.00万元，年末结转和结余0.55万元。";

static void
test_distribution (void)
{
  g_autoptr(GkDocument) document = real_document ("xinjiang-urumqi-service-centre-2023");
  g_autoptr(GkChecker) checker = gk_checker_new (document);

  /* 0.00 is 结余分配's, which is 0.00: not a second 本年支出合计. */
  assert_right (document, checker, traditional);
  assert_right (document, checker, simplified);

  /* Its own figure is still read, and 本年支出合计's too. */
  assert_wrong (document, checker,
                "2023年度支出总计434.72万元，其中：本年支出合计434.16万元，结余分配0.10万元，年末结转和结余0.55万元。",
                "final-summary/distribution/amount", "0.10万元");
  assert_wrong (document, checker,
                "2023年度支出总计434.72万元，其中：本年支出合计434.61万元，结余分配0.00万元，年末结转和结余0.55万元。",
                "final-summary/expenditure-total/amount", "434.61万元");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks-final-distribution/distribution", test_distribution);
  return g_test_run ();
}
