/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-document-io.h"
#include "gk-font-subset.h"
#include "gk-json-stream.h"
#include "gk-template.h"

#include "gk-test-common.h"

/* The document streamed into a sink is, byte for byte, the file json-glib's
 * generator made of the document's tree before: the samples saved again
 * are unchanged, and for every document of the tests, text full of
 * characters JSON escapes and a user template's definition, the stream is
 * json-glib's own text of the same JSON and reads back as the same
 * document. More documents (a generated one with a thousand projects) can
 * be given in GK_TEST_STREAM_DOCUMENTS, separated by colons, each with the
 * file gk_document_serialize() wrote of it before in PATH.expected. */

static GBytes *
stream (GkDocument *document)
{
  g_autoptr(GError) error = NULL;
  GByteArray *array = g_byte_array_new ();

  g_assert_true (gk_document_write (document, gk_json_sink_byte_array, array, &error));
  g_assert_no_error (error);
  return g_byte_array_free_to_bytes (array);
}

static void
assert_bytes_equal (GBytes     *expected,
                    GBytes     *got,
                    const char *what)
{
  gsize a, b, i = 0, from;
  const char *x = g_bytes_get_data (expected, &a);
  const char *y = g_bytes_get_data (got, &b);
  g_autofree char *near = NULL;

  if (g_bytes_equal (expected, got))
    return;
  while (i < a && i < b && x[i] == y[i])
    i++;
  from = i > 60 ? i - 60 : 0;
  near = g_strndup (y + from, MIN (b - from, 120));
  g_error ("%s: %" G_GSIZE_FORMAT " bytes where %" G_GSIZE_FORMAT " were expected, "
           "differing at byte %" G_GSIZE_FORMAT ", near “%s”", what, b, a, i, near);
}

/* What json-glib 1.6 makes of the same JSON: its layout and escaping,
 * which files written before the stream have. */
static GBytes *
json_glib_text (GBytes *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  char *data;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (text, NULL),
                                             g_bytes_get_size (text), &error));
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);
  {
    /* Where the stream differs on purpose: 0x1f escaped, which json-glib
     * leaves bare and no reader accepts. */
    GString *out = g_string_new_len (data, length);

    g_free (data);
    g_string_replace (out, "\x1f", "\\u001f", 0);
    g_string_append_c (out, '\n');
    return g_string_free_to_bytes (out);
  }
}

/* The stream is json-glib's text of the document, reads back as the same
 * document, and is what gk_document_serialize() returns. */
static void
assert_same_bytes (GkDocument *document,
                   const char *what)
{
  g_autoptr(GBytes) streamed = stream (document);
  g_autoptr(GBytes) generated = json_glib_text (streamed);
  g_autoptr(GBytes) serialized = gk_document_serialize (document);
  g_autoptr(GkDocument) again = NULL;
  g_autoptr(GBytes) streamed_again = NULL;
  g_autoptr(GError) error = NULL;

  assert_bytes_equal (generated, streamed, what);
  assert_bytes_equal (streamed, serialized, what);
  /* Read as a string, as callers do. */
  g_assert_cmpuint (strlen (g_bytes_get_data (serialized, NULL)), ==, g_bytes_get_size (serialized));
  again = gk_document_load_from_data (g_bytes_get_data (streamed, NULL), g_bytes_get_size (streamed), &error);
  g_assert_no_error (error);
  streamed_again = stream (again);
  assert_bytes_equal (streamed, streamed_again, what);
}

static void
assert_writes_file (GkDocument *document,
                    const char *path)
{
  g_autoptr(GBytes) streamed = stream (document);
  g_autoptr(GBytes) expected = NULL;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  expected = g_bytes_new_take (contents, length);
  assert_bytes_equal (expected, streamed, path);
}

/* The samples saved again are what json-glib's generator wrote of them:
 * the budget sample itself, which it saved, and for the 决算 sample, whose
 * file was typed in another layout, the file it saved of it. */
static void
test_samples_unchanged (void)
{
  const char *root = g_getenv ("GK_SOURCE_ROOT");
  g_autofree char *budget = g_build_filename (root, "data", "samples",
                                              "urumqi-county-government-office-2020.gongkai", NULL);
  g_autofree char *final = g_build_filename (root, "data", "samples",
                                             "shanghai-putuo-ecology-bureau-2025-final.gongkai", NULL);
  g_autofree char *final_saved = g_build_filename (root, "tests", "data", "stream",
                                                   "shanghai-putuo-ecology-bureau-2025-final.expected", NULL);
  g_autoptr(GkDocument) budget_document = gk_test_load (budget);
  g_autoptr(GkDocument) final_document = gk_test_load (final);

  assert_writes_file (budget_document, budget);
  assert_writes_file (final_document, final_saved);
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
  g_assert_cmpuint (paths->len, >=, 40);
  /* With PATH.expected beside, the file json-glib's generator wrote of it. */
  if (extra != NULL && extra[0] != '\0')
    {
      g_auto(GStrv) more = g_strsplit (extra, ":", -1);
      for (guint i = 0; more[i] != NULL; i++)
        {
          g_autofree char *expected = g_strconcat (more[i], ".expected", NULL);

          if (g_file_test (expected, G_FILE_TEST_EXISTS))
            {
              g_autoptr(GkDocument) document = gk_test_load (more[i]);
              assert_writes_file (document, expected);
            }
          g_ptr_array_add (paths, g_strdup (more[i]));
        }
    }

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

static int
compare_characters (gconstpointer a,
                            gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;
  return x < y ? -1 : x > y;
}

/* Each character of @text once, in order of code point, as UTF-8: what
 * the fonts were cut to when they were given the whole text. */
static char *
characters_of (const char *text,
               gsize       length)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GString *out = g_string_new (NULL);
  const char *end;

  g_utf8_validate (text, length, &end);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_hash_table_add (seen, GUINT_TO_POINTER (c)))
        g_array_append_val (sorted, c);
    }
  g_array_sort (sorted, (GCompareFunc) compare_characters);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_unichar (out, g_array_index (sorted, gunichar, i));
  return g_string_free (out, FALSE);
}

typedef struct
{
  GkCharacterSet *set;
  gsize           piece;
} Pieces;

/* Hands the set the bytes a few at a time, cutting characters. */
static gboolean
add_in_pieces (const char  *data,
               gsize        length,
               gpointer     user_data,
               GError     **error)
{
  Pieces *pieces = user_data;

  for (gsize i = 0; i < length; i += pieces->piece)
    gk_character_set_add (pieces->set, data + i, MIN (pieces->piece, length - i));
  return TRUE;
}

/* The PDF's fonts are cut to the characters of the document's file,
 * gathered as it is written: the same whatever the pieces. */
static void
test_characters (void)
{
  g_autofree char *path = gk_test_sample_path ();
  g_autoptr(GkDocument) document = gk_test_load (path);
  g_autoptr(GBytes) whole = stream (document);
  g_autofree char *expected = characters_of (g_bytes_get_data (whole, NULL), g_bytes_get_size (whole));

  g_assert_cmpuint (g_utf8_strlen (expected, -1), >, 500);
  for (gsize piece = 1; piece <= 5; piece++)
    {
      Pieces pieces = { gk_character_set_new (), piece };
      g_autoptr(GBytes) got = NULL;

      g_assert_true (gk_document_write (document, add_in_pieces, &pieces, NULL));
      got = gk_character_set_to_bytes (pieces.set);
      g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), expected, strlen (expected));
      gk_character_set_free (pieces.set);
    }

  /* Nothing after bytes that are not UTF-8, even cut between pieces. */
  {
    static const char text[] = "甲乙\xe4\xb8丙丁";
    g_autofree char *before = characters_of (text, sizeof text - 1);
    g_autoptr(GkCharacterSet) set = gk_character_set_new ();
    g_autoptr(GBytes) got = NULL;

    g_assert_cmpstr (before, ==, "乙甲");
    gk_character_set_add (set, text, 7);
    gk_character_set_add (set, text + 7, sizeof text - 1 - 7);
    got = gk_character_set_to_bytes (set);
    g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got), before, strlen (before));
  }
}

/* A stream that takes @limit bytes, then says the disk is full. */
typedef struct
{
  GOutputStream parent_instance;
  gsize         limit;
  gsize         taken;
  guint         refused;
} FullStream;

typedef GOutputStreamClass FullStreamClass;

static GType full_stream_get_type (void);
G_DEFINE_TYPE (FullStream, full_stream, G_TYPE_OUTPUT_STREAM)

static gssize
full_stream_write (GOutputStream  *stream,
                   const void     *buffer,
                   gsize           count,
                   GCancellable   *cancellable,
                   GError        **error)
{
  FullStream *self = (FullStream *) stream;
  gsize n = MIN (count, self->limit - self->taken);

  if (n == 0)
    {
      self->refused++;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "the disk is full");
      return -1;
    }
  self->taken += n;
  return n;
}

static void
full_stream_class_init (FullStreamClass *klass)
{
  klass->write_fn = full_stream_write;
}

static void
full_stream_init (FullStream *self)
{
}

/* A sink that fails stops the writing: its error comes back, and nothing
 * more is written into it. */
static void
test_failing_stream (void)
{
  g_autofree char *path = gk_test_sample_path ();
  g_autoptr(GkDocument) document = gk_test_load (path);
  g_autoptr(GBytes) whole = stream (document);
  gsize limits[] = { 0, 1, 100, g_bytes_get_size (whole) / 2, g_bytes_get_size (whole) - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      FullStream *out = g_object_new (full_stream_get_type (), NULL);
      g_autoptr(GError) error = NULL;

      out->limit = limits[i];
      g_assert_false (gk_document_write_to_stream (document, G_OUTPUT_STREAM (out), NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpuint (out->taken, ==, limits[i]);
      g_assert_cmpuint (out->refused, ==, 1);
      g_object_unref (out);
    }
  {
    FullStream *out = g_object_new (full_stream_get_type (), NULL);

    out->limit = g_bytes_get_size (whole);
    g_assert_true (gk_document_write_to_stream (document, G_OUTPUT_STREAM (out), NULL, NULL));
    g_assert_cmpuint (out->refused, ==, 0);
    g_object_unref (out);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-stream/samples-unchanged", test_samples_unchanged);
  g_test_add_func ("/document-stream/every-document", test_every_document);
  g_test_add_func ("/document-stream/escapes", test_escapes);
  g_test_add_func ("/document-stream/user-template", test_user_template);
  g_test_add_func ("/document-stream/characters", test_characters);
  g_test_add_func ("/document-stream/failing-stream", test_failing_stream);
  return g_test_run ();
}
