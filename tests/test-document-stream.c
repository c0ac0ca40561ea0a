/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-document-io.h"
#include "gk-json-stream.h"
#include "gk-template.h"

#include "gk-test-common.h"

/* The document streamed into a sink is the very file gk_document_serialize()
 * makes, byte for byte: for the samples, every document of the tests, text
 * full of characters JSON escapes, and a user template's definition. More
 * documents (a generated one with a thousand projects) can be given in
 * GK_TEST_STREAM_DOCUMENTS, separated by colons. */

static GBytes *
stream (GkDocument *document,
        gsize       chunk_limit)
{
  g_autoptr(GError) error = NULL;
  GByteArray *array = g_byte_array_new ();

  g_assert_true (gk_document_write (document, gk_json_sink_byte_array, array, &error));
  g_assert_no_error (error);
  return g_byte_array_free_to_bytes (array);
}

static void
assert_same_bytes (GkDocument *document,
                   const char *what)
{
  g_autoptr(GBytes) expected = gk_document_serialize (document);
  g_autoptr(GBytes) streamed = stream (document, 0);

  if (!g_bytes_equal (expected, streamed))
    {
      gsize a, b, i = 0;
      const char *x = g_bytes_get_data (expected, &a);
      const char *y = g_bytes_get_data (streamed, &b);
      g_autofree char *near = NULL;

      while (i < a && i < b && x[i] == y[i])
        i++;
      near = g_strndup (x + (i > 60 ? i - 60 : 0), MIN (a - (i > 60 ? i - 60 : 0), 120));
      g_error ("%s: the streamed file (%" G_GSIZE_FORMAT " bytes) differs from the serialised "
               "one (%" G_GSIZE_FORMAT ") at byte %" G_GSIZE_FORMAT ", near “%s”",
               what, b, a, i, near);
    }
}

static void
collect (const char *dir,
         GPtrArray  *paths)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (path, paths);
      else if (g_str_has_suffix (name, ".gongkai"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_every_document (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *samples = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "data", "samples", NULL);
  g_autofree char *data = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data", NULL);
  const char *extra = g_getenv ("GK_TEST_STREAM_DOCUMENTS");
  guint compared = 0;

  collect (samples, paths);
  collect (data, paths);
  if (extra != NULL && extra[0] != '\0')
    {
      g_auto(GStrv) more = g_strsplit (extra, ":", -1);
      for (guint i = 0; more[i] != NULL; i++)
        g_ptr_array_add (paths, g_strdup (more[i]));
    }
  g_assert_cmpuint (paths->len, >=, 40);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths->pdata[i]);
      g_autoptr(GkDocument) document = gk_document_load (file, NULL, NULL);

      /* Some are there to be refused. */
      if (document == NULL)
        continue;
      assert_same_bytes (document, paths->pdata[i]);
      compared++;
    }
  g_test_message ("%u documents compared", compared);
  g_assert_cmpuint (compared, >=, 40);
}

/* Every character JSON escapes, or json-glib does: quotes, backslashes,
 * the named controls, the others, 0x1f (which json-glib leaves) and DEL. */
static void
test_escapes (void)
{
  g_autofree char *path = gk_test_sample_path ();
  g_autoptr(GkDocument) document = gk_test_load (path);
  GListModel *projects = gk_document_get_projects (document);
  GListModel *glossary = gk_document_get_glossary (document);
  g_autoptr(GkProject) project = g_list_model_get_item (projects, 0);
  g_autoptr(GkGlossaryEntry) entry = g_list_model_get_item (glossary, 0);
  GString *all = g_string_new ("“引号”\"双\\反/斜");

  for (int c = 1; c < 0x20; c++)
    g_string_append_c (all, (char) c);
  g_string_append (all, "\x7f尾");
  gk_document_set_text (document, gk_document_get_overview (document), "functions", all->str);
  gk_document_set_text (document, project, "name", "项目\t名称\x1f");
  gk_document_set_text (document, entry, "definition", "第一行\n第二行\r\n\"完\"");
  assert_same_bytes (document, "escapes");
  g_string_free (all, TRUE);
}

/* A file of a user template carries its definition, a tree of its own. */
static void
test_user_template (void)
{
  g_autofree char *definition = gk_template_to_json (gk_template_get_default (), "test-stream", "测试模板");
  g_autofree char *text = g_strconcat ("{ \"format\": \"gongkai-disclosure\", \"version\": 2, "
                                       "\"template\": { \"id\": \"test-stream\", \"version\": 1, "
                                       "\"definition\": ", definition, " }, \"unit\": \"某单位\", \"year\": 2025 }",
                                       NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_true (gk_template_is_user (gk_document_get_template (document)));
  assert_same_bytes (document, "user template");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-stream/every-document", test_every_document);
  g_test_add_func ("/document-stream/escapes", test_escapes);
  g_test_add_func ("/document-stream/user-template", test_user_template);
  return g_test_run ();
}
