/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-io.h"
#include "gk-export.h"
#include "gk-table-cell.h"
#include "gk-text-field.h"
#include "gk-window-private.h"

/* The window's document as a file: its title, Save and Save As, the
 * draft of unsaved changes, recent files, and the question before
 * closing unsaved work. */

#define RECENT_LIMIT 8

gboolean
gk_window_get_modified (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);

  return self->document != NULL &&
         (self->restored || gk_document_get_modified (self->document));
}

GkDraft *
gk_window_get_draft (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), NULL);
  return self->draft;
}

/* "• 乌鲁木齐县人民政府办公室 2020" with a mark while there are unsaved
 * edits; the file's name under it in the sidebar. */
void
gk_window_update_title (GkWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Gongkai"));
      adw_window_title_set_subtitle (self->sidebar_title, NULL);
      return;
    }
  title = g_strdup_printf ("%s%s %u",
                           gk_window_get_modified (self) ? "• " : "",
                           gk_document_get_unit (self->document) ?: "",
                           gk_document_get_year (self->document));
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (self->file != NULL)
    subtitle = g_file_get_basename (self->file);
  else
    subtitle = g_strdup (_("Not saved yet"));
  adw_window_title_set_subtitle (self->sidebar_title, subtitle);
}

static void
gk_window_add_recent (GkWindow *self)
{
  g_autofree char *uri = NULL;

  if (self->file == NULL)
    return;
  uri = g_file_get_uri (self->file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* The setting is in seconds, the draft's delay in milliseconds. */
static gboolean
delay_from_seconds (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_uint (value, g_variant_get_uint32 (variant) * 1000);
  return TRUE;
}

/* Called by gk_window_set_document(): a new document gets its own draft;
 * the same one under a new name (Save As) keeps it. */
void
gk_window_document_set (GkWindow *self,
                        gboolean  new_document)
{
  if (new_document)
    {
      if (self->draft != NULL)
        gk_draft_discard (self->draft);
      g_clear_object (&self->draft);
      if (self->document != NULL)
        {
          g_autoptr(GFile) directory = gk_draft_get_default_directory ();

          self->draft = gk_draft_new (self->document, directory);
          if (self->settings != NULL)
            {
              g_settings_bind (self->settings, "autosave", self->draft, "enabled", G_SETTINGS_BIND_GET);
              g_settings_bind_with_mapping (self->settings, "autosave-delay", self->draft, "delay",
                                            G_SETTINGS_BIND_GET, delay_from_seconds, NULL, NULL, NULL);
            }
        }
    }
  if (self->draft != NULL)
    gk_draft_set_file (self->draft, self->file);
  gk_window_disk_watch (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xlsx", self->document != NULL);
  gk_window_add_recent (self);
  gk_window_update_title (self);
  if (new_document)
    gk_window_next_year_document_set (self);
}

void
gk_window_document_dispose (GkWindow *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gk_window_disk_dispose (self);
  /* A window closed on purpose leaves no draft; a crash does. */
  if (self->draft != NULL && self->close_confirmed)
    gk_draft_discard (self->draft);
  if (self->draft != NULL && self->settings != NULL)
    {
      g_settings_unbind (self->draft, "enabled");
      g_settings_unbind (self->draft, "delay");
    }
  g_clear_object (&self->draft);
}

/* Takes unsaved work recovered from a draft: the document is shown as
 * modified until it is saved, and the draft goes on being written. */
void
gk_window_restore_draft (GkWindow   *self,
                         GkDocument *document,
                         GFile      *file,
                         GFile      *draft)
{
  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (GK_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (draft));

  gk_window_set_document (self, document, file);
  self->restored = TRUE;
  gk_draft_adopt (self->draft, draft);
  gk_window_update_title (self);
}

/* Recent files --------------------------------------------------------------- */

/* "~/预算/2020/办公室.gongkai": two units' files are often both called
 * 部门预算.gongkai, so the menu shows where each one is. */
static char *
recent_label (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *path = g_file_get_path (file);
  const char *home = g_get_home_dir ();

  if (path == NULL)
    return g_file_get_parse_name (file);
  if (home != NULL && g_str_has_prefix (path, home) && path[strlen (home)] == G_DIR_SEPARATOR &&
      strlen (home) > 1)
    return g_strconcat ("~", path + strlen (home), NULL);
  return g_steal_pointer (&path);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (ta, tb);
}

void
gk_window_update_recent_menu (GkWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, compare_recent);
  for (const GList *l = items; l != NULL && n < RECENT_LIMIT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (!g_str_has_suffix (uri, ".gongkai") || !gtk_recent_info_exists (info))
        continue;
      label = recent_label (uri);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* Saving --------------------------------------------------------------------- */

static void
gk_window_show_error (GkWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GkWindow *window;
  GFile    *file;
  gboolean  existed;   /* a file was there before the save */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->window);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  g_autoptr(GError) error = NULL;
  GkWindow *self = data->window;
  g_autofree char *name = g_file_get_basename (data->file);
  g_autofree char *message = NULL;
  gboolean close_after = self->close_after_save;

  self->saving = FALSE;
  self->close_after_save = FALSE;
  if (!gk_document_save_finish (GK_DOCUMENT (source), result, &error))
    {
      g_autofree char *body = NULL;

      /* True by construction: the save writes a temporary file and renames
       * it over the old one only once all of it is on the disk. */
      if (data->existed)
        body = g_strdup_printf (_("%s was not saved; the file on disk is as it was.\n\n%s"),
                                name, error->message);
      else
        body = g_strdup_printf (_("%s was not saved.\n\n%s"), name, error->message);
      gk_window_show_error (self, _("Cannot Save the Document"), body);
      return;
    }
  if (GK_DOCUMENT (source) != self->document)
    return;

  if (self->file == NULL || !g_file_equal (data->file, self->file))
    gk_window_set_document (self, self->document, data->file);
  else
    gk_window_disk_watch (self);
  /* gk_document_save_finish() marked the document unmodified, unless it
   * was edited while the file was written: then it keeps its draft. */
  if (!gk_document_get_modified (self->document))
    self->restored = FALSE;
  if (self->draft != NULL)
    {
      g_autoptr(GError) draft_error = NULL;

      if (!gk_draft_document_saved (self->draft, &draft_error))
        g_warning ("Cannot write the draft of unsaved changes: %s", draft_error->message);
    }
  gk_window_add_recent (self);
  gk_window_update_title (self);

  message = g_strdup_printf (_("Saved as %s"), name);
  gk_window_add_toast (self, adw_toast_new (message));
  if (close_after)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* A figure or a text typed and not yet confirmed (no Enter, no Tab, the
 * focus still in the field) goes into the document before it is written
 * out, printed or closed: otherwise Ctrl+S would write the file without
 * it and say "saved". A figure that cannot be entered stops the caller,
 * with the cell's own message. */
gboolean
_gk_window_commit_pending (GkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *cell;
  GtkWidget *field;

  if (focus == NULL)
    return TRUE;
  cell = gtk_widget_get_ancestor (focus, GK_TYPE_TABLE_CELL);
  if (cell != NULL && gk_table_cell_is_editing (GK_TABLE_CELL (cell)))
    {
      if (gk_table_cell_stop_editing (GK_TABLE_CELL (cell), TRUE))
        return TRUE;
      gk_window_add_toast (self, adw_toast_new (_("The figure being typed cannot be entered: correct it or press Escape")));
      return FALSE;
    }
  field = gtk_widget_get_ancestor (focus, GK_TYPE_TEXT_FIELD);
  if (field != NULL)
    gk_text_field_commit (GK_TEXT_FIELD (field));
  return TRUE;
}

gboolean
gk_window_commit_pending (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);

  return _gk_window_commit_pending (self);
}

/* Writes the document to @file, atomically: a failure leaves the file as
 * it was and says why. An edit made while the file is written is not in
 * it, so the document then stays modified and keeps its draft. */
void
gk_window_save_to (GkWindow *self,
                   GFile    *file)
{
  SaveData *data;

  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);

  if (self->saving)
    return;
  self->saving = TRUE;
  data = g_new0 (SaveData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->existed = g_file_query_exists (file, NULL);
  gk_document_save_async (self->document, file, NULL, save_done, data);
}

static void
save_as_response (GtkNativeDialog *chooser,
                  int              response,
                  GkWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }
  gk_window_save_to (self, file);
}

/* Named for what is saved: a 决算 is no budget. */
static GtkFileFilter *
disclosure_filter (GkDocument *document)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, gk_template_is_final (gk_document_get_template (document))
                                    ? _("Final accounts disclosures") : _("Budget disclosures"));
  gtk_file_filter_add_pattern (filter, "*.gongkai");
  gtk_file_filter_add_mime_type (filter, "application/x-gongkai");
  return filter;
}

static void
gk_window_save_as (GkWindow *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->document == NULL || self->chooser != NULL)
    return;
  filter = disclosure_filter (self->document);
  chooser = gtk_file_chooser_native_new (_("Save Disclosure"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      name = g_strdup_printf ("%s %u.gongkai", gk_document_get_unit (self->document) ?: _("Disclosure"),
                              gk_document_get_year (self->document));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

static void
gk_window_action_save (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);

  if (self->document == NULL || !_gk_window_commit_pending (self))
    return;
  if (self->file == NULL)
    gk_window_save_as (self);
  else if (gk_window_disk_confirm_save (self))
    gk_window_save_to (self, self->file);
}

static void
gk_window_action_save_as (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  if (_gk_window_commit_pending (GK_WINDOW (widget)))
    gk_window_save_as (GK_WINDOW (widget));
}

/* Exporting ------------------------------------------------------------------ */

/* What an export or an import in a worker thread keeps until it is done:
 * the window, the file, and the task that answers the window's caller. */
GkWindowJob *
_gk_window_job_new (GkWindow            *self,
                    GFile               *file,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data,
                    gpointer             source_tag)
{
  GkWindowJob *job = g_new0 (GkWindowJob, 1);

  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->outer, source_tag);
  return job;
}

void
_gk_window_job_free (GkWindowJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->file);
  g_clear_object (&job->outer);
  g_free (job);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GkWindowJob) data = user_data;
  GkWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (data->file);

  if (!gk_export_finish (result, &error))
    {
      g_autofree char *body = g_strdup_printf (_("%s was not written.\n\n%s"), name, error->message);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gk_window_show_error (self, _("Cannot Export the Disclosure"), body);
      g_task_return_error (data->outer, g_steal_pointer (&error));
      return;
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Exported %s"), name);
      g_autofree char *uri = g_file_get_uri (data->file);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      gk_window_add_toast (self, toast);
    }
  g_task_return_boolean (data->outer, TRUE);
}

/* Writes the document as a finished PDF or an Excel workbook through the
 * export pipeline, which exports a snapshot in a worker thread; when it is
 * done, a toast offers to open the file, or a dialog says why it could not
 * be written. */
void
gk_window_export_async (GkWindow            *self,
                        GFile               *file,
                        GkWindowExport       format,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GkExportFormat kind = GK_EXPORT_XLSX;
  GkWindowJob *data;

  g_return_if_fail (GK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);

  data = _gk_window_job_new (self, file, cancellable, callback, user_data, gk_window_export_async);
  if (format == GK_WINDOW_EXPORT_PDF)
    kind = self->settings != NULL && g_settings_get_boolean (self->settings, "pdf-with-charts")
           ? GK_EXPORT_PDF_WITH_CHARTS : GK_EXPORT_PDF;
  gk_export_async (self->document, kind, file, NULL, NULL, cancellable, export_done, data);
}

gboolean
gk_window_export_finish (GkWindow      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_response (GtkNativeDialog *chooser,
                 int              response,
                 GkWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  GkWindowExport format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "gk-export-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file != NULL && self->document != NULL)
    gk_window_export_async (self, file, format, NULL, NULL, NULL);
}

static void
gk_window_choose_export (GkWindow       *self,
                         GkWindowExport  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *extension = format == GK_WINDOW_EXPORT_PDF ? ".pdf" : ".xlsx";
  GtkFileChooserNative *chooser;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  if (self->document == NULL || self->chooser != NULL)
    return;

  if (format == GK_WINDOW_EXPORT_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_pattern (filter, "*.xlsx");
    }

  /* Named after the disclosure's own file, which the officer chose. */
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      stem = g_steal_pointer (&basename);
    }
  else
    stem = g_strdup_printf ("%s %u", gk_document_get_unit (self->document) ?: _("Disclosure"),
                            gk_document_get_year (self->document));
  name = g_strconcat (stem, extension, NULL);

  chooser = gtk_file_chooser_native_new (format == GK_WINDOW_EXPORT_PDF ? _("Export PDF")
                                                                        : _("Export Excel Workbook"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "gk-export-format", GINT_TO_POINTER (format));
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

static void
gk_window_action_export_pdf (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  if (_gk_window_commit_pending (GK_WINDOW (widget)))
    gk_window_choose_export (GK_WINDOW (widget), GK_WINDOW_EXPORT_PDF);
}

static void
gk_window_action_export_xlsx (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  if (_gk_window_commit_pending (GK_WINDOW (widget)))
    gk_window_choose_export (GK_WINDOW (widget), GK_WINDOW_EXPORT_XLSX);
}

static void
gk_window_action_open_export (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* Closing -------------------------------------------------------------------- */

static void
close_response (AdwMessageDialog *dialog,
                const char       *response,
                GkWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      gk_window_action_save (GTK_WIDGET (self), "win.save", NULL);
    }
}

static gboolean
gk_window_close_request (GtkWindow *window)
{
  GkWindow *self = GK_WINDOW (window);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* What is being typed counts as a change: closing asks about it. An
   * entry that cannot be entered keeps the window open to be corrected. */
  if (!self->close_confirmed && !_gk_window_commit_pending (self))
    return TRUE;
  if (self->close_confirmed || !gk_window_get_modified (self))
    {
      self->close_confirmed = TRUE;
      return FALSE;
    }

  heading = g_strdup_printf (_("Save the Changes to %s %u?"),
                             gk_document_get_unit (self->document) ?: "",
                             gk_document_get_year (self->document));
  dialog = adw_message_dialog_new (window, heading,
                                   _("The changes are lost if the window closes without saving them."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
recent_changed (GtkRecentManager *manager,
                GkWindow         *self)
{
  gk_window_update_recent_menu (self);
}

void
gk_window_document_class_init (GkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  window_class->close_request = gk_window_close_request;
  gtk_widget_class_install_action (widget_class, "win.save", NULL, gk_window_action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, gk_window_action_save_as);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, gk_window_action_export_pdf);
  gtk_widget_class_install_action (widget_class, "win.export-xlsx", NULL, gk_window_action_export_xlsx);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", gk_window_action_open_export);
}

void
gk_window_document_init (GkWindow *self)
{
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed), self, 0);
  gk_window_update_recent_menu (self);
  gk_window_update_title (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xlsx", FALSE);
}
