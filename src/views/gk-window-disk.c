/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-window-private.h"

/* The document's file as it is on the disk. Another program (a colleague's
 * copy on a shared folder, a sync client, a second Gongkai) may write it
 * while it is open here; Save would then replace that work without a
 * word. The window remembers the file as it last read or wrote it and
 * watches it, says when it changed, and asks before saving over it. */

#define STAMP_ATTRIBUTES G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE

/* What tells one version of the file from the next: its etag (the time
 * of its last write) and its size; NULL when it cannot be read. */
static char *
query_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, STAMP_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_strdup_printf ("%s/%" G_GINT64_FORMAT,
                          g_file_info_get_etag (info) ?: "",
                          g_file_info_get_size (info));
}

static gboolean
gk_window_disk_differs (GkWindow *self)
{
  g_autofree char *stamp = NULL;

  if (self->file == NULL)
    return FALSE;
  stamp = query_stamp (self->file);
  return g_strcmp0 (stamp, self->disk_stamp) != 0;
}

static void
changed_bar_response (GtkInfoBar *bar,
                      int         response,
                      GkWindow   *self)
{
  /* Closed: seen. Save still asks. */
  gtk_widget_set_visible (GTK_WIDGET (bar), FALSE);
}

/* A bar under the header that stays until it is closed or the file is
 * ours again: this is not news to be missed like a toast. */
static void
gk_window_disk_show_bar (GkWindow *self,
                         gboolean  show)
{
  if (self->changed_bar == NULL && show)
    {
      GtkWidget *label = gtk_label_new (_("The file was changed by another program"));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      self->changed_bar = gtk_info_bar_new ();
      gtk_info_bar_set_message_type (GTK_INFO_BAR (self->changed_bar), GTK_MESSAGE_WARNING);
      gtk_info_bar_set_show_close_button (GTK_INFO_BAR (self->changed_bar), TRUE);
      gtk_info_bar_add_child (GTK_INFO_BAR (self->changed_bar), label);
      g_signal_connect_object (self->changed_bar, "response", G_CALLBACK (changed_bar_response), self, 0);
      gtk_box_insert_child_after (GTK_BOX (self->content_box), self->changed_bar,
                                  gtk_widget_get_first_child (self->content_box));
    }
  if (self->changed_bar != NULL)
    gtk_widget_set_visible (self->changed_bar, show);
}

static void
gk_window_disk_mark_changed (GkWindow *self)
{
  if (self->changed_on_disk)
    return;
  self->changed_on_disk = TRUE;
  gk_window_disk_show_bar (self, TRUE);
}

/* Any event may be ours: the atomic save writes a temporary file and
 * renames it over the old one. The stamp recorded when our save ended
 * tells ours from another program's. */
static void
monitor_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 GkWindow          *self)
{
  if (self->saving || self->file == NULL)
    return;
  if (gk_window_disk_differs (self))
    gk_window_disk_mark_changed (self);
}

static void
gk_window_disk_unwatch (GkWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_pointer (&self->disk_stamp, g_free);
  self->changed_on_disk = FALSE;
  gk_window_disk_show_bar (self, FALSE);
}

/* Called when the window's file was read or written here: that version is
 * ours, and what comes after it is another program's. */
void
gk_window_disk_watch (GkWindow *self)
{
  g_autoptr(GError) error = NULL;

  gk_window_disk_unwatch (self);
  if (self->file == NULL || self->document == NULL)
    return;

  self->disk_stamp = query_stamp (self->file);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Saving still compares the file with the one read. */
      g_debug ("Cannot watch the document's file: %s", error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed), self);
}

void
gk_window_disk_dispose (GkWindow *self)
{
  gk_window_disk_unwatch (self);
}

gboolean
gk_window_get_changed_on_disk (GkWindow *self)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);

  return self->changed_on_disk;
}

static void
overwrite_response (AdwMessageDialog *dialog,
                    const char       *response,
                    GkWindow         *self)
{
  if (g_strcmp0 (response, "overwrite") == 0 && self->file != NULL && self->document != NULL)
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      gk_window_save_to (self, file);
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  else
    self->close_after_save = FALSE;
}

/* Whether Save may write over the window's file now. When another program
 * changed it, asks first (Overwrite, Save As…, Cancel) and returns FALSE;
 * the answer then does what it says. The file is looked at again here, as
 * a change may not have been reported yet. */
gboolean
gk_window_disk_confirm_save (GkWindow *self)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (self->file == NULL)
    return TRUE;
  if (!self->changed_on_disk && gk_window_disk_differs (self))
    gk_window_disk_mark_changed (self);
  if (!self->changed_on_disk)
    return TRUE;

  name = g_file_get_basename (self->file);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The File Was Changed by Another Program"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s was changed on the disk after it was opened here. Saving over it replaces those changes with this window’s; saving under another name keeps both."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* The same file as @b: the same name, or another name (a link, another
 * spelling of the path) for the same file on the disk. */
static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autoptr(GFileInfo) info_a = NULL;
  g_autoptr(GFileInfo) info_b = NULL;
  const char *id_a;
  const char *id_b;

  if (g_file_equal (a, b))
    return TRUE;
  info_a = g_file_query_info (a, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  info_b = g_file_query_info (b, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info_a == NULL || info_b == NULL)
    return FALSE;
  id_a = g_file_info_get_attribute_string (info_a, G_FILE_ATTRIBUTE_ID_FILE);
  id_b = g_file_info_get_attribute_string (info_b, G_FILE_ATTRIBUTE_ID_FILE);
  return id_a != NULL && g_strcmp0 (id_a, id_b) == 0;
}

/* Whether the window shows the document of @file. */
gboolean
gk_window_holds_file (GkWindow *self,
                      GFile    *file)
{
  g_return_val_if_fail (GK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return self->document != NULL && self->file != NULL && same_file (self->file, file);
}
