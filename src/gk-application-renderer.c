/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include "gk-application-renderer.h"

#ifdef GDK_WINDOWING_X11
#include <epoxy/glx.h>
#include <gdk/x11/gdkx.h>
#endif
#ifdef GDK_WINDOWING_WAYLAND
#include <gdk/wayland/gdkwayland.h>
#endif

/* Which of GTK's renderers draws the windows.
 *
 * Without a graphics card (a virtual machine, a remote desktop, Xvfb)
 * OpenGL is Mesa's software rasteriser, llvmpipe, and GTK's GL renderer
 * then compiles its shaders into machine code in the process: some 80 MB
 * more than the cairo renderer at 1 000 projects, for frames that take
 * longer to draw, on the same processor, than cairo's. There the windows
 * are drawn with cairo; with a graphics card, with GL, as GTK chooses.
 * GSK_RENDERER, when the user sets it, is always obeyed. */

/**
 * gk_renderer_is_software:
 * @gl_renderer: (nullable): OpenGL's GL_RENDERER string
 *
 * Returns: whether that renderer draws on the processor. Hardware drivers
 *   may name LLVM too ("AMD Radeon … (radeonsi, LLVM 15.0.6)"): only the
 *   software rasterisers' own names count.
 */
gboolean
gk_renderer_is_software (const char *gl_renderer)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "software rasterizer", "swrast" };
  g_autofree char *folded = NULL;

  if (gl_renderer == NULL)
    return FALSE;
  folded = g_ascii_strdown (gl_renderer, -1);
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (folded, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The renderer of the display's GLX, asked without a context (Mesa). */
static char *
glx_renderer_name (GdkDisplay *display)
{
#ifdef GDK_WINDOWING_X11
  Display *xdisplay;
  int screen;

  if (!GDK_IS_X11_DISPLAY (display) || gdk_x11_display_get_egl_display (display) != NULL)
    return NULL;
  xdisplay = gdk_x11_display_get_xdisplay (display);
  screen = gdk_x11_screen_get_screen_number (gdk_x11_display_get_screen (display));
  if (!epoxy_has_glx_extension (xdisplay, screen, "GLX_MESA_query_renderer"))
    return NULL;
  return g_strdup (glXQueryRendererStringMESA (xdisplay, screen, 0, GLX_RENDERER_DEVICE_ID_MESA));
#else
  return NULL;
#endif
}

/* Mesa's name for the driver of the display's EGL, which needs no
 * context of its own: "swrast" for llvmpipe, "iris", "radeonsi", … */
static char *
egl_driver_name (GdkDisplay *display)
{
  gpointer egl_display = NULL;

#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_DISPLAY (display))
    egl_display = gdk_x11_display_get_egl_display (display);
#endif
#ifdef GDK_WINDOWING_WAYLAND
  if (GDK_IS_WAYLAND_DISPLAY (display))
    egl_display = gdk_wayland_display_get_egl_display (display);
#endif
  if (egl_display == NULL || !epoxy_has_egl_extension (egl_display, "EGL_MESA_query_driver"))
    return NULL;
  return g_strdup (eglGetDisplayDriverName (egl_display));
}

/* The GL_RENDERER of a context made for the asking. */
static char *
gl_renderer_name (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  GdkGLContext *previous;
  char *name;

  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;
  previous = gdk_gl_context_get_current ();
  if (previous != NULL)
    g_object_ref (previous);
  gdk_gl_context_make_current (context);
  name = g_strdup ((const char *) glGetString (GL_RENDERER));
  if (previous != NULL)
    {
      gdk_gl_context_make_current (previous);
      g_object_unref (previous);
    }
  else
    gdk_gl_context_clear_current ();
  return name;
}

/**
 * gk_renderer_dup_gl_name:
 * @display: the display the windows go on
 *
 * Returns: (transfer full) (nullable): the name of the renderer of
 *   @display's OpenGL ("llvmpipe (LLVM 15.0.6, 256 bits)"), or of its
 *   driver ("swrast"), or %NULL when it has no OpenGL
 */
char *
gk_renderer_dup_gl_name (GdkDisplay *display)
{
  char *name;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  /* On X11 the display has set OpenGL up already to choose its visual:
   * asking does not start the driver a second time. Mesa answers without
   * a context; a context, made for the asking, costs some 6 MB. */
  if (!gdk_display_prepare_gl (display, NULL))
    return NULL;
  name = glx_renderer_name (display);
  if (name == NULL)
    name = egl_driver_name (display);
  if (name == NULL)
    name = gl_renderer_name (display);
  return name;
}

/**
 * gk_renderer_choose:
 * @display: the display the windows go on
 *
 * Has the windows drawn with cairo where OpenGL is drawn in software. To
 * be called before the first window is realized: GTK reads GSK_RENDERER
 * once, when it makes its first renderer, so a renderer is made here for
 * a surface never shown, and the environment is given back as it was, so
 * that the programs the application starts choose for themselves.
 *
 * Returns: whether cairo was chosen
 */
gboolean
gk_renderer_choose (GdkDisplay *display)
{
  g_autofree char *gl_name = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  GdkSurface *surface;
  gboolean cairo;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return FALSE;
  gl_name = gk_renderer_dup_gl_name (display);
  if (!gk_renderer_is_software (gl_name))
    return FALSE;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  surface = gdk_surface_new_toplevel (display);
  renderer = gsk_renderer_new_for_surface (surface);
  g_unsetenv ("GSK_RENDERER");
  cairo = GSK_IS_CAIRO_RENDERER (renderer);
  if (renderer != NULL)
    gsk_renderer_unrealize (renderer);
  gdk_surface_destroy (surface);
  g_object_unref (surface);
  g_debug ("OpenGL is drawn in software (%s): the windows are drawn with %s", gl_name,
           cairo ? "cairo" : "OpenGL all the same");
  return cairo;
}
