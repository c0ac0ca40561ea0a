/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GK_TYPE_PREFERENCES_WINDOW (gk_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GkPreferencesWindow, gk_preferences_window, GK, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *gk_preferences_window_new        (GtkWindow           *parent,
                                             GSettings           *settings);
GtkWidget *gk_preferences_window_get_widget (GkPreferencesWindow *self,
                                             const char          *key);

G_END_DECLS
