/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gk-draft.h"
#include "gk-pdf-export.h"
#include "gk-properties-dialog.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* The document's properties: the region line in the file and on the PDF
 * cover, and the Properties dialog, each change one undoable step. */

#define REGION "新疆维吾尔自治区"

/* The file -------------------------------------------------------------------- */

static GkDocument *
reload (GkDocument *document)
{
  g_autoptr(GBytes) bytes = gk_document_serialize (document);
  g_autoptr(GError) error = NULL;
  GkDocument *copy = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                 &error);

  g_assert_no_error (error);
  return copy;
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (text, needle) != NULL;
}

/* A file is written as it was read (@exact) or as it was first written;
 * the region only when set. */
static void
check_round_trip (const char *path,
                  gboolean    exact)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load (file, NULL, &error);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) with_region = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GkDocument) copy = NULL;
  g_autofree char *old_region = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  before = gk_document_serialize (document);
  if (!exact)
    {
      g_free (contents);
      contents = g_memdup2 (g_bytes_get_data (before, NULL), g_bytes_get_size (before));
      length = g_bytes_get_size (before);
    }
  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before), contents, length);

  old_region = g_strdup (gk_document_get_region (document));
  gk_document_set_text (document, document, "region", "某某省");
  with_region = gk_document_serialize (document);
  g_assert_true (bytes_contain (with_region, "\"region\" : \"某某省\""));
  copy = reload (document);
  g_assert_cmpstr (gk_document_get_region (copy), ==, "某某省");

  gk_document_undo (document);
  g_assert_cmpstr (gk_document_get_region (document), ==, old_region);
  after = gk_document_serialize (document);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), contents, length);
}

static void
test_file_round_trip (void)
{
  g_autofree char *sample = gk_test_sample_path ();
  g_autofree char *other = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "tests", "data",
                                             "seed-as-published.gongkai", NULL);

  check_round_trip (sample, TRUE);
  check_round_trip (other, FALSE);
}

/* An empty region is no region: nothing is written. */
static void
test_file_empty_region (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GBytes) bytes = NULL;

  gk_document_set_text (document, document, "region", "");
  g_assert_null (gk_document_get_region (document));
  bytes = gk_document_serialize (document);
  g_assert_false (bytes_contain (bytes, "\"region\""));
}

/* The reader takes a region as strictly as the other members. */
static void
test_file_region_strict (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) bad = NULL;

  gk_document_set_text (document, document, "region", REGION);
  bytes = gk_document_serialize (document);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, "\"region\" : \"" REGION "\"", "\"region\" : 65", 1), ==, 1);
  bad = gk_document_load_from_data (text->str, text->len, &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "region"));
  g_clear_error (&error);

  /* One line of the cover, not a page of text. */
  {
    g_autoptr(GString) long_text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autoptr(GString) region = g_string_new (NULL);
    g_autoptr(GkDocument) too_long = NULL;

    for (guint i = 0; i < GK_REGION_MAX_CHARS + 1; i++)
      g_string_append (region, "区");
    g_string_prepend (region, "\"region\" : \"");
    g_string_append_c (region, '"');
    g_assert_cmpuint (g_string_replace (long_text, "\"region\" : \"" REGION "\"", region->str, 1), ==, 1);
    too_long = gk_document_load_from_data (long_text->str, long_text->len, &error);
    g_assert_null (too_long);
    g_assert_nonnull (strstr (error->message, "longer than 100 characters"));
  }
}

/* The cover ----------------------------------------------------------------- */

static char *
cover_text (GkDocument *document)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-props-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "cover.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-f", "1", "-l", "1", "-raw", path, "-", NULL };
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (gk_pdf_export (document, path, NULL, &error));
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  g_rmdir (dir);
  return g_steal_pointer (&out);
}

static void
test_cover_region (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;

  gk_document_set_text (document, document, "region", NULL);
  without = cover_text (document);
  g_assert_nonnull (strstr (without, "乌鲁木齐县人民政府办公室"));
  g_assert_null (strstr (without, "新疆维吾尔自治区"));

  gk_document_set_text (document, document, "region", REGION);
  with = cover_text (document);
  g_assert_nonnull (strstr (with, REGION));
  /* Above the unit's name. */
  g_assert_true (strstr (with, REGION) < strstr (with, "乌鲁木齐县人民政府办公室"));
}

/* The dialog ------------------------------------------------------------------ */

static GkPropertiesDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GK_IS_PROPERTIES_DIALOG (window) && gtk_widget_get_visible (window))
        return GK_PROPERTIES_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static GkPropertiesDialog *
open_dialog (GkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.properties", NULL));
  gk_test_iterate_until (dialog_shown, NULL);
  return find_dialog ();
}

static void
type_and_apply (GkPropertiesDialog *dialog,
                const char         *name,
                const char         *text)
{
  GtkWidget *row = gk_properties_dialog_get_row (dialog, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static GkDocument *
saved_and_read (GkDocument *document)
{
  g_autofree char *dir = g_dir_make_tmp ("gk-props-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.gongkai", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GkDocument *read;

  g_assert_true (gk_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  read = gk_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return read;
}

static void
undo_by_key (GkWindow *window)
{
  /* What Ctrl+Z does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
}

/* Applying @text to @name's row sets @property; one undo restores it;
 * redo, saving and reading give it again. */
static void
check_text_property (GkWindow           *window,
                     GkPropertiesDialog *dialog,
                     const char         *name,
                     const char         *text,
                     const char         *property)
{
  GkDocument *document = gk_window_get_document (window);
  g_auto(GValue) before = G_VALUE_INIT;
  g_auto(GValue) applied = G_VALUE_INIT;
  g_auto(GValue) now = G_VALUE_INIT;
  g_autoptr(GkDocument) read = NULL;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (document), property);

  g_value_init (&before, pspec->value_type);
  g_value_init (&applied, pspec->value_type);
  g_value_init (&now, pspec->value_type);
  g_object_get_property (G_OBJECT (document), property, &before);
  type_and_apply (dialog, name, text);
  g_assert_null (gk_properties_dialog_get_message (dialog, name));
  g_object_get_property (G_OBJECT (document), property, &applied);
  g_assert_cmpint (g_param_values_cmp (pspec, &before, &applied), !=, 0);

  read = saved_and_read (document);
  g_object_get_property (G_OBJECT (read), property, &now);
  g_assert_cmpint (g_param_values_cmp (pspec, &applied, &now), ==, 0);
  g_value_reset (&now);

  undo_by_key (window);
  g_object_get_property (G_OBJECT (document), property, &now);
  g_assert_cmpint (g_param_values_cmp (pspec, &before, &now), ==, 0);
  /* The row follows the undo. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gk_properties_dialog_get_row (dialog, name))), !=, text);
  g_value_reset (&now);

  g_assert_true (gk_document_redo (document));
  g_object_get_property (G_OBJECT (document), property, &now);
  g_assert_cmpint (g_param_values_cmp (pspec, &applied, &now), ==, 0);
  gk_document_undo (document);
}

/* Bad input gets a message on its row and changes nothing. */
static void
check_refused (GkWindow           *window,
               GkPropertiesDialog *dialog,
               const char         *name,
               const char         *text)
{
  GkDocument *document = gk_window_get_document (window);
  guint64 serial = gk_document_get_change_serial (document);
  g_autoptr(GBytes) before = gk_document_serialize (document);
  g_autoptr(GBytes) after = NULL;

  type_and_apply (dialog, name, text);
  if (gk_properties_dialog_get_message (dialog, name) == NULL)
    g_error ("“%s” in %s was taken without a message", text, name);
  g_assert_cmpuint (gk_document_get_change_serial (document), ==, serial);
  after = gk_document_serialize (document);
  g_assert_true (g_bytes_equal (before, after));
}

static void
open_sample (GkWindow *window)
{
  g_autofree char *path = gk_test_copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GkDocument) document = gk_document_load (file, NULL, NULL);

  g_assert_nonnull (document);
  gk_window_set_document (window, document, file);
}

static void
close_all (GkApplication *app,
           GkWindow      *window)
{
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    {
      GtkWindow *w = gtk_application_get_windows (GTK_APPLICATION (app))->data;

      /* Closed on purpose: no draft is left for the next test to be offered. */
      if (GK_IS_WINDOW (w) && gk_window_get_draft (GK_WINDOW (w)) != NULL)
        gk_draft_discard (gk_window_get_draft (GK_WINDOW (w)));
      gtk_window_destroy (w);
    }
  gk_test_iterate_idle ();
}

static void
dialog_edits (GkApplication *app,
              GkWindow      *window)
{
  GkPropertiesDialog *dialog;
  GkDocument *document;

  /* No document, no properties. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.properties", NULL) &&
                  find_dialog () != NULL);
  open_sample (window);
  document = gk_window_get_document (window);
  dialog = open_dialog (window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gk_properties_dialog_get_row (dialog, "unit"))), ==,
                   "乌鲁木齐县人民政府办公室");

  check_text_property (window, dialog, "unit", "乌鲁木齐县财政局", "unit");
  check_text_property (window, dialog, "region", "新疆维吾尔自治区昌吉回族自治州", "region");
  check_text_property (window, dialog, "year", "2021", "year");
  check_text_property (window, dialog, "date", "2021-01-15", "date");

  check_refused (window, dialog, "unit", "   ");
  check_refused (window, dialog, "year", "1989");
  check_refused (window, dialog, "year", "2201");
  check_refused (window, dialog, "year", "二〇二一");
  check_refused (window, dialog, "date", "2020-02-30");
  check_refused (window, dialog, "date", "2020/02/03");
  check_refused (window, dialog, "date", "-202-01-01");
  {
    g_autoptr(GString) long_region = g_string_new (NULL);

    for (guint i = 0; i < GK_REGION_MAX_CHARS + 1; i++)
      g_string_append (long_region, "区");
    check_refused (window, dialog, "region", long_region->str);
  }
  check_refused (window, dialog, "date", "+202-01-01");
  /* A good value clears the message. */
  type_and_apply (dialog, "year", "2022");
  g_assert_null (gk_properties_dialog_get_message (dialog, "year"));
  g_assert_cmpuint (gk_document_get_year (document), ==, 2022);

  /* The type of unit: one step, undone by Ctrl+Z, and the row follows. */
  {
    AdwComboRow *unit_type = ADW_COMBO_ROW (gk_properties_dialog_get_row (dialog, "unit-type"));
    g_autoptr(GkDocument) read = NULL;

    g_assert_cmpuint (adw_combo_row_get_selected (unit_type), ==, GK_UNIT_TYPE_UNSET);
    adw_combo_row_set_selected (unit_type, GK_UNIT_TYPE_INSTITUTION);
    g_assert_cmpuint (gk_document_get_unit_type (document), ==, GK_UNIT_TYPE_INSTITUTION);
    read = saved_and_read (document);
    g_assert_cmpuint (gk_document_get_unit_type (read), ==, GK_UNIT_TYPE_INSTITUTION);
    undo_by_key (window);
    g_assert_cmpuint (gk_document_get_unit_type (document), ==, GK_UNIT_TYPE_UNSET);
    g_assert_cmpuint (adw_combo_row_get_selected (unit_type), ==, GK_UNIT_TYPE_UNSET);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_all (app, window);
}

static void
test_dialog_edits (void)
{
  gk_test_run_window (dialog_edits);
}

static gboolean
question_shown (gpointer data)
{
  return gk_test_find_message_dialog () != NULL;
}

/* As a click does: the response, then the dialog closes. */
static void
answer (GtkWidget  *question,
        const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), response);
  gtk_window_destroy (GTK_WINDOW (question));
  gk_test_iterate_until (gk_test_no_message_dialog, NULL);
}

static GkAmount
amount_at (GkDocument *document,
           const char *code)
{
  GkTable *table = gk_document_get_table (document, "expenditure");
  GkAmount amount = 0;

  g_assert_true (gk_row_get_amount (gk_table_lookup (table, code), gk_table_column_index (table, "basic"),
                                    &amount));
  return amount;
}

/* 万元 → 元 is exact and done at once; 元 → 万元 that rounds asks first,
 * and Cancel changes nothing. */
static void
dialog_money_unit (GkApplication *app,
                   GkWindow      *window)
{
  GkPropertiesDialog *dialog;
  GkDocument *document;
  AdwComboRow *money;
  GtkWidget *question;
  GkTable *table;
  GkAmount wanyuan;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GkDocument) read = NULL;
  const char *undo_label;

  open_sample (window);
  document = gk_window_get_document (window);
  table = gk_document_get_table (document, "expenditure");
  dialog = open_dialog (window);
  money = ADW_COMBO_ROW (gk_properties_dialog_get_row (dialog, "money-unit"));
  g_assert_cmpuint (adw_combo_row_get_selected (money), ==, GK_MONEY_UNIT_WANYUAN);
  wanyuan = amount_at (document, "2010301");

  adw_combo_row_set_selected (money, GK_MONEY_UNIT_YUAN);
  if (gk_test_find_message_dialog () != NULL)
    g_error ("asked: %s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (gk_test_find_message_dialog ())));
  g_assert_cmpuint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_YUAN);
  g_assert_cmpint (amount_at (document, "2010301"), ==, wanyuan * 10000);
  read = saved_and_read (document);
  g_assert_cmpuint (gk_document_get_money_unit (read), ==, GK_MONEY_UNIT_YUAN);
  undo_by_key (window);
  g_assert_cmpuint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_WANYUAN);
  g_assert_cmpint (amount_at (document, "2010301"), ==, wanyuan);
  g_assert_cmpuint (adw_combo_row_get_selected (money), ==, GK_MONEY_UNIT_WANYUAN);

  /* In 元, a figure with 元 and 角 loses them in 万元. */
  adw_combo_row_set_selected (money, GK_MONEY_UNIT_YUAN);
  g_assert_true (gk_document_set_amount_text (document, gk_table_lookup (table, "2010301"),
                                              gk_table_column_index (table, "basic"), "1234567.89", NULL));
  before = gk_document_serialize (document);
  undo_label = gk_document_get_undo_label (document);

  adw_combo_row_set_selected (money, GK_MONEY_UNIT_WANYUAN);
  gk_test_iterate_until (question_shown, NULL);
  question = gk_test_find_message_dialog ();
  /* 表三's figure and 表五's, which follows it. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), "2"));
  /* Nothing is converted while the question is open. */
  g_assert_cmpuint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_YUAN);
  answer (question, "cancel");
  after = gk_document_serialize (document);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpstr (gk_document_get_undo_label (document), ==, undo_label);
  g_assert_false (gk_document_can_redo (document));
  g_assert_cmpuint (adw_combo_row_get_selected (money), ==, GK_MONEY_UNIT_YUAN);

  adw_combo_row_set_selected (money, GK_MONEY_UNIT_WANYUAN);
  gk_test_iterate_until (question_shown, NULL);
  answer (gk_test_find_message_dialog (), "convert");
  g_assert_cmpuint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_WANYUAN);
  /* 1234567.89 元 = 123.456789 万元 → 123.46. */
  g_assert_cmpint (amount_at (document, "2010301"), ==, 12346);
  undo_by_key (window);
  g_assert_cmpuint (gk_document_get_money_unit (document), ==, GK_MONEY_UNIT_YUAN);
  g_assert_cmpint (amount_at (document, "2010301"), ==, 123456789);

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_all (app, window);
}

static void
test_dialog_money_unit (void)
{
  gk_test_run_window (dialog_money_unit);
}

static void
test_dialog_create_destroy (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GtkWidget *dialog = gk_properties_dialog_new (NULL, document);

  g_assert_true (GK_IS_PROPERTIES_DIALOG (dialog));
  gk_test_destroy_window (dialog);
  g_assert_true (gk_test_holds_last_ref (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();

  g_test_add_func ("/properties/file/round-trip", test_file_round_trip);
  g_test_add_func ("/properties/file/empty-region", test_file_empty_region);
  g_test_add_func ("/properties/file/region-strict", test_file_region_strict);
  g_test_add_func ("/properties/cover/region", test_cover_region);
  g_test_add_func ("/properties/dialog/create-destroy", test_dialog_create_destroy);
  g_test_add_func ("/properties/dialog/edits", test_dialog_edits);
  g_test_add_func ("/properties/dialog/money-unit", test_dialog_money_unit);

  return g_test_run ();
}
