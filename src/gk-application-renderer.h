/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean gk_renderer_is_software (const char *gl_renderer);
char    *gk_renderer_dup_gl_name (GdkDisplay *display);
gboolean gk_renderer_choose      (GdkDisplay *display);

G_END_DECLS
