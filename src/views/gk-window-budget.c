/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-dialog.h"
#include "gk-document-input.h"
#include "gk-document-io.h"
#include "gk-window-private.h"

/* File → Link Budget…: a 决算 tied to the same year's budget disclosure
 * (a .gongkai, or a workbook or PDF Gongkai reads); linking again
 * refreshes the 年初预算 figures. One undoable action. */

static gboolean
has_final_tables (GkDocument *document)
{
  return document != NULL &&
         (gk_document_get_table (document, "final-sangong") != NULL ||
          gk_document_get_table (document, "final-general") != NULL);
}

void
gk_window_budget_update (GkWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.link-budget", has_final_tables (self->document));
}

static void
budget_response (GtkNativeDialog *chooser,
                 int              response,
                 GkWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GkDocument) budget = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL || self->document == NULL)
    return;
  name = g_file_get_basename (file);
  budget = gk_document_open (file, NULL, &error);
  if (budget == NULL ||
      !gk_document_link_budget (self->document, budget, name, &n, &error))
    {
      GtkWidget *dialog = gk_dialog_new_message (GTK_WIDGET (self), _("Budget Not Linked"), error->message);

      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* Translators: the budget file's name, then how many 年初预算 figures */
  message = g_strdup_printf (_("Linked to the budget %s: figures filled: %u"), name, n);
  gk_window_add_toast (self, adw_toast_new (message));
}

static void
gk_window_action_link_budget (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  GkWindow *self = GK_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL || !_gk_window_commit_pending (self))
    return;
  if (!has_final_tables (self->document))
    {
      gk_window_add_toast (self, adw_toast_new (_("Only final accounts are tied to a budget")));
      return;
    }
  gtk_file_filter_set_name (filter, _("Budget disclosures"));
  gtk_file_filter_add_pattern (filter, "*.gongkai");
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  chooser = gk_dialog_new_file_chooser (widget, _("Link the Year’s Budget"),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Link"), filter);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (budget_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

void
gk_window_budget_class_init (GkWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.link-budget", NULL,
                                   gk_window_action_link_budget);
}
