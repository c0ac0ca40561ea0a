/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-dialog.h"

/* The dialogs a view opens (GTK 4.8: AdwMessageDialog and
 * GtkFileChooserNative), modal over the window that holds @for_widget, or
 * over none when it is in no window. */

static GtkWindow *
window_of (GtkWidget *for_widget)
{
  GtkRoot *root = for_widget ? gtk_widget_get_root (for_widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* An AdwMessageDialog to which the caller adds its responses. */
GtkWidget *
gk_dialog_new_message (GtkWidget  *for_widget,
                       const char *heading,
                       const char *body)
{
  g_return_val_if_fail (for_widget == NULL || GTK_IS_WIDGET (for_widget), NULL);

  return adw_message_dialog_new (window_of (for_widget), heading, body);
}

/* A modal file chooser with "Cancel" and @accept_label, showing the files
 * @filter lets through (when not NULL). */
GtkFileChooserNative *
gk_dialog_new_file_chooser (GtkWidget            *for_widget,
                            const char           *title,
                            GtkFileChooserAction  action,
                            const char           *accept_label,
                            GtkFileFilter        *filter)
{
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (for_widget == NULL || GTK_IS_WIDGET (for_widget), NULL);
  g_return_val_if_fail (filter == NULL || GTK_IS_FILE_FILTER (filter), NULL);

  chooser = gtk_file_chooser_native_new (title, window_of (for_widget), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}
