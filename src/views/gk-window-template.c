/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-template-dialog.h"
#include "gk-window-private.h"

/* win.edit-template: Tables…, the document's tables switched on or off,
 * ordered and titled. The sidebar follows through the document's
 * notify::template. */
static void
gk_window_edit_template (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  GtkWidget *dialog;

  if (self->document == NULL)
    return;
  /* A cell being typed in belongs to the tables as they are now. */
  if (!_gk_window_commit_pending (self))
    return;
  dialog = gk_template_dialog_new (GTK_WINDOW (self), self->document);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gk_window_template_class_init (GkWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.edit-template", NULL,
                                   gk_window_edit_template);
}
