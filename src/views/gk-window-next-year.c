/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-dialog.h"
#include "gk-document-io.h"
#include "gk-window-private.h"

/* File → New Year From This…: next year's disclosure begun from the one in
 * the window, as it is now (what is typed but not saved included), saved
 * where the user says and opened in a window of its own. This window's
 * document is not changed. */

/* What was carried over into each new year's file, said in the window
 * that opens it and then forgotten: it is not part of the document. */
static GHashTable *carried_over;   /* uri → report */

static void
carried_bar_response (GtkInfoBar *bar,
                      int         response,
                      gpointer    user_data)
{
  gtk_widget_set_visible (GTK_WIDGET (bar), FALSE);
}

static void
carried_bar_follow_page (GkWindow   *self,
                         GParamSpec *pspec,
                         GtkWidget  *bar)
{
  /* Shown on 单位概况 only, until closed. */
  if (g_object_get_data (G_OBJECT (bar), "gk-closed") == NULL)
    gtk_widget_set_visible (bar, g_strcmp0 (gk_window_get_selected_page (self), "overview") == 0);
}

static void
carried_bar_closed (GtkInfoBar *bar)
{
  g_object_set_data (G_OBJECT (bar), "gk-closed", GINT_TO_POINTER (TRUE));
}

/* Called when the window gets a document: the report of the next-year
 * file it was begun as, if this run made that file. */
void
gk_window_next_year_document_set (GkWindow *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *report = NULL;
  GtkWidget *bar;
  GtkWidget *label;

  if (self->carried_bar != NULL)
    gtk_box_remove (GTK_BOX (self->content_box), g_steal_pointer (&self->carried_bar));
  if (carried_over == NULL || self->file == NULL)
    return;
  uri = g_file_get_uri (self->file);
  if (!g_hash_table_steal_extended (carried_over, uri, NULL, (gpointer *) &report))
    return;
  g_free (g_steal_pointer (&uri));
  g_strchomp (report);
  label = gtk_label_new (report[0] != '\0' ? report : _("This year’s figures are its last-year figures"));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  bar = gtk_info_bar_new ();
  gtk_widget_set_name (bar, "carried-over");
  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), GTK_MESSAGE_INFO);
  gtk_info_bar_set_show_close_button (GTK_INFO_BAR (bar), TRUE);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), label);
  g_signal_connect (bar, "response", G_CALLBACK (carried_bar_closed), NULL);
  g_signal_connect (bar, "response", G_CALLBACK (carried_bar_response), NULL);
  gtk_box_insert_child_after (GTK_BOX (self->content_box), bar,
                              gtk_widget_get_first_child (self->content_box));
  self->carried_bar = bar;
  g_signal_connect_object (self, "notify::selected-page", G_CALLBACK (carried_bar_follow_page), bar, 0);
  gk_window_set_selected_page (self, "overview");
  carried_bar_follow_page (self, NULL, bar);
}

/* The bar saying what was carried over, or NULL. */
GtkWidget *
gk_window_get_carried_over_bar (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  return self->carried_bar;
}

/**
 * gk_window_start_next_year_from:
 * @this_year: the disclosure next year's is begun from; not changed
 *
 * Writes next year's disclosure, begun from @this_year, to @file and
 * opens it. Returns FALSE with a message shown when it cannot.
 */
gboolean
gk_window_start_next_year_from (GkWindow   *self,
                                GkDocument *this_year,
                                GFile      *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GkDocument) next = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GApplication *application;

  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (GK_IS_DOCUMENT (this_year), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A copy through the file format: the same document, apart. */
  bytes = gk_document_serialize (this_year);
  next = gk_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  if (next == NULL ||
      !gk_document_start_next_year (next, this_year, report, &error) ||
      !gk_document_save (next, file, NULL, &error))
    {
      GtkWidget *dialog = gk_dialog_new_message (GTK_WIDGET (self), _("Next Year Not Started"), error->message);

      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  if (carried_over == NULL)
    carried_over = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (carried_over, g_file_get_uri (file), g_string_free (g_steal_pointer (&report), FALSE));
  application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (application != NULL)
    g_application_open (application, &file, 1, "");
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *title = g_strdup_printf (_("%u begun as %s: this year’s figures are its last-year figures"),
                                              gk_document_get_year (next), name);
    gk_window_add_toast (self, adw_toast_new (title));
  }
  return TRUE;
}

/**
 * gk_window_start_next_year_to:
 *
 * Writes next year's disclosure, begun from the window's document, to
 * @file and opens it. Returns FALSE with a message shown when it cannot.
 */
gboolean
gk_window_start_next_year_to (GkWindow *self,
                              GFile    *file)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document == NULL)
    return FALSE;
  return gk_window_start_next_year_from (self, self->document, file);
}

static void
next_year_response (GtkNativeDialog *chooser,
                    int              response,
                    GkWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GkDocument) this_year = g_object_steal_data (G_OBJECT (chooser), "gk-this-year");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file != NULL && this_year != NULL)
    gk_window_start_next_year_from (self, this_year, file);
}

/* Asks where next year's file goes: beside @folder, if given. */
static void
choose_next_year_file (GkWindow   *self,
                       GkDocument *this_year,
                       GFile      *folder)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gk_dialog_new_file_chooser (GTK_WIDGET (self), _("Save Next Year’s Disclosure"),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  name = g_strdup_printf ("%s %u.gongkai", gk_document_get_unit (this_year) ?: _("Disclosure"),
                          gk_document_get_year (this_year) + 1);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "gk-this-year", g_object_ref (this_year), g_object_unref);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (next_year_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

static void
gk_window_action_new_year (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autoptr(GFile) folder = NULL;

  if (self->document == NULL || self->chooser != NULL || !_gk_window_commit_pending (self))
    return;
  if (self->file != NULL)
    folder = g_file_get_parent (self->file);
  choose_next_year_file (self, self->document, folder);
}

/* New From Last Year’s File…: the same, from a file not open. */

typedef struct
{
  GkWindow *window;
  GFile    *file;
} LastYear;

static void
last_year_free (LastYear *data)
{
  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LastYear, last_year_free)

static void
last_year_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LastYear) data = user_data;
  GkWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) this_year = gk_document_load_finish (result, &error);
  g_autoptr(GFile) folder = NULL;

  if (this_year == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (data->file);
      g_autofree char *body = g_strdup_printf ("%s\n\n%s", name, error->message);
      GtkWidget *dialog = gk_dialog_new_message (GTK_WIDGET (self), _("Cannot Open the Document"), body);

      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (self->chooser != NULL)
    return;
  folder = g_file_get_parent (data->file);
  choose_next_year_file (self, this_year, folder);
}

static void
last_year_response (GtkNativeDialog *chooser,
                    int              response,
                    GkWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file != NULL)
    {
      LastYear *data = g_new0 (LastYear, 1);

      data->window = g_object_ref (self);
      data->file = g_object_ref (file);
      gk_document_load_async (file, NULL, last_year_loaded, data);
    }
}

static void
gk_window_action_new_year_from_file (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Disclosures"));
  gtk_file_filter_add_pattern (filter, "*.gongkai");
  chooser = gk_dialog_new_file_chooser (widget, _("Open Last Year’s Disclosure"),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), filter);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (last_year_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

void
gk_window_next_year_class_init (GkWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.new-year", NULL, gk_window_action_new_year);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.new-year-from-file", NULL,
                                   gk_window_action_new_year_from_file);
}
