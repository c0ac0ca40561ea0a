/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-properties-dialog.h"
#include "gk-window-private.h"

/* win.properties: File → Properties…, the document's unit, region line,
 * year, money unit and date. */

static void
gk_window_action_properties (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GtkWidget *dialog;

  if (self->document == NULL || !_gk_window_commit_pending (self))
    return;
  dialog = gk_properties_dialog_new (GTK_WINDOW (self), self->document);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gk_window_properties_class_init (GkWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.properties", NULL,
                                   gk_window_action_properties);
}
