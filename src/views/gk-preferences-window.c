/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-preferences-window.h"

/* Preferences: the application's settings, bound to their widgets; each
 * takes effect where it is used (the PDF export, the drafts) at once. */

struct _GkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkSwitch            *charts_switch;
  GtkSwitch            *autosave_switch;
  GtkSpinButton        *delay_spin;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (GkPreferencesWindow, gk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The widget bound to @key: "pdf-with-charts", "autosave" or
 * "autosave-delay". */
GtkWidget *
gk_preferences_window_get_widget (GkPreferencesWindow *self,
                                  const char          *key)
{
  g_return_val_if_fail (GK_IS_PREFERENCES_WINDOW (self), NULL);

  if (g_strcmp0 (key, "pdf-with-charts") == 0)
    return GTK_WIDGET (self->charts_switch);
  if (g_strcmp0 (key, "autosave") == 0)
    return GTK_WIDGET (self->autosave_switch);
  if (g_strcmp0 (key, "autosave-delay") == 0)
    return GTK_WIDGET (self->delay_spin);
  return NULL;
}

static void
gk_preferences_window_dispose (GObject *object)
{
  GkPreferencesWindow *self = GK_PREFERENCES_WINDOW (object);

  if (self->settings != NULL)
    {
      g_settings_unbind (self->charts_switch, "active");
      g_settings_unbind (self->autosave_switch, "active");
      g_settings_unbind (gtk_spin_button_get_adjustment (self->delay_spin), "value");
    }
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (gk_preferences_window_parent_class)->dispose (object);
}

static void
gk_preferences_window_class_init (GkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, charts_switch);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, GkPreferencesWindow, delay_spin);
}

static void
gk_preferences_window_init (GkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gk_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  GkPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (GK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "pdf-with-charts", self->charts_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-delay", gtk_spin_button_get_adjustment (self->delay_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}
