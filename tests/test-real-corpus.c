/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-document-io.h"

/* The checker on documents Gongkai did not make: published disclosures
 * typed as published, under tests/data/real/. Beside each NAME.gongkai,
 * NAME.expected lists the document's true errors, one a line, as
 * `gongkai --check` prints them ("error RULE-ID LOCATION"); text after
 * '#' is a comment. Every expected error must be found, and the checker
 * must find no other error: a false error on a real document is as much
 * a defect as a missed one. Warnings are printed, not compared.
 *
 * A file holds only the parts of its document the stored page held, so
 * some rules speak of what is missing (an empty 表一, a 国有资产 section
 * not typed). "absent error RULE LOCATION" lines name each such finding:
 * it may be reported, and is printed, but is no finding on the published
 * document; the README says which parts each file could not hold. */

#define REAL_DIR "real"

typedef struct
{
  char *name;   /* file name without .gongkai */
  char *path;
} RealCase;

static void
real_case_free (gpointer data)
{
  RealCase *c = data;

  g_free (c->name);
  g_free (c->path);
  g_free (c);
}

static char *
real_dir (void)
{
  return g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", REAL_DIR, NULL);
}

/* "error RULE LOCATION" → how many times; the location may hold spaces,
 * so a line keeps everything before '#' and ':' as its key. */
static GHashTable *
read_expected (const char *path,
               GPtrArray  *order,
               GHashTable *absent)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s: %s", path, error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *hash = strchr (lines[i], '#');
      char *key;

      if (hash != NULL)
        *hash = '\0';
      key = g_strstrip (lines[i]);
      if (g_str_has_prefix (key, "absent error "))
        {
          g_hash_table_add (absent, g_strdup (key + strlen ("absent ")));
          continue;
        }
      if (key[0] == '\0' || !g_str_has_prefix (key, "error "))
        continue;
      g_ptr_array_add (order, g_strdup (key));
      g_hash_table_insert (counts, g_strdup (key),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
  return counts;
}

static void
test_real_document (gconstpointer data)
{
  const RealCase *c = data;
  g_autoptr(GFile) file = g_file_new_for_path (c->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkChecker) checker = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) absent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *expected_path = NULL;
  g_autofree char *dir = NULL;
  guint n_extra = 0;
  guint n_missing = 0;
  guint n;

  document = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  dir = g_path_get_dirname (c->path);
  expected_path = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s.expected", dir, c->name);
  expected = read_expected (expected_path, order, absent);

  checker = gk_checker_new (document);
  n = g_list_model_get_n_items (G_LIST_MODEL (checker));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      GkCheckSeverity severity = gk_finding_get_severity (finding);
      g_autofree char *location = NULL;
      g_autofree char *key = NULL;
      guint left;

      location = gk_finding_get_n_places (finding) > 0
                   ? gk_place_to_string (gk_finding_get_place (finding, 0))
                   : g_strdup ("document");
      key = g_strdup_printf ("%s %s %s", gk_check_severity_to_string (severity),
                             gk_finding_get_rule_id (finding), location);
      if (severity != GK_CHECK_SEVERITY_ERROR)
        {
          g_test_message ("%s: %s: %s (warning, not compared)", c->name, key,
                          gk_finding_get_message (finding));
          continue;
        }
      left = GPOINTER_TO_UINT (g_hash_table_lookup (expected, key));
      if (left > 0)
        {
          g_hash_table_insert (expected, g_strdup (key), GUINT_TO_POINTER (left - 1));
          g_test_message ("%s: found true error %s", c->name, key);
          continue;
        }
      if (g_hash_table_contains (absent, key))
        {
          g_test_message ("%s: %s: from a part the file does not hold", c->name, key);
          continue;
        }
      n_extra++;
      g_test_message ("%s: EXTRA (false) error %s: %s", c->name, key,
                      gk_finding_get_message (finding));
    }

  for (guint i = 0; i < order->len; i++)
    {
      const char *key = order->pdata[i];
      guint left = GPOINTER_TO_UINT (g_hash_table_lookup (expected, key));

      if (left == 0)
        continue;
      /* Report each missing line once per missing occurrence. */
      g_hash_table_insert (expected, g_strdup (key), GUINT_TO_POINTER (left - 1));
      n_missing++;
      g_test_message ("%s: MISSING true error %s (listed in %s.expected)", c->name, key, c->name);
    }

  if (n_extra > 0 || n_missing > 0)
    {
      g_autofree char *why = g_strdup_printf ("%s: %u false error(s), %u missed true error(s); see the messages above",
                                              c->name, n_extra, n_missing);
      g_test_fail_printf ("%s", why);
    }
}

/* A document the checker may not read is no test of the checker: the
 * corpus must hold at least one file, and each one needs its sidecar. */
static void
test_corpus_complete (gconstpointer data)
{
  GPtrArray *cases = (GPtrArray *) data;

  g_assert_cmpuint (cases->len, >=, 12);
  for (guint i = 0; i < cases->len; i++)
    {
      const RealCase *c = cases->pdata[i];
      g_autofree char *dir = g_path_get_dirname (c->path);
      g_autofree char *expected = g_strdup_printf ("%s" G_DIR_SEPARATOR_S "%s.expected", dir, c->name);

      if (!g_file_test (expected, G_FILE_TEST_EXISTS))
        g_test_fail_printf ("%s.gongkai has no %s.expected", c->name, c->name);
    }
}

static gint
compare_cases (gconstpointer a,
               gconstpointer b)
{
  const RealCase *x = *(RealCase * const *) a;
  const RealCase *y = *(RealCase * const *) b;

  return strcmp (x->name, y->name);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (real_case_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *path = real_dir ();
  const char *entry;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      RealCase *c;

      if (!g_str_has_suffix (entry, ".gongkai"))
        continue;
      c = g_new0 (RealCase, 1);
      c->name = g_strndup (entry, strlen (entry) - strlen (".gongkai"));
      c->path = g_build_filename (path, entry, NULL);
      g_ptr_array_add (cases, c);
    }
  g_ptr_array_sort (cases, compare_cases);

  g_test_add_data_func ("/real-corpus/complete", cases, test_corpus_complete);
  for (guint i = 0; i < cases->len; i++)
    {
      RealCase *c = cases->pdata[i];
      g_autofree char *test_path = g_strdup_printf ("/real-corpus/%s", c->name);

      g_test_add_data_func (test_path, c, test_real_document);
    }
  return g_test_run ();
}
