/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "gk-application.h"
#include "gk-application-renderer.h"
#include "gk-test-common.h"

/* Where OpenGL is drawn in software the windows are drawn with cairo,
 * which takes some 80 MB less than GTK's GL renderer on llvmpipe; a
 * renderer the user chose with GSK_RENDERER is kept. Each case runs in a
 * process of its own: GTK reads GSK_RENDERER once a process. */

static void
test_names (void)
{
  g_assert_true (gk_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (gk_renderer_is_software ("softpipe"));
  g_assert_true (gk_renderer_is_software ("Software Rasterizer"));
  g_assert_true (gk_renderer_is_software ("Mesa DRI swrast"));
  /* Graphics cards, LLVM in the name or not. */
  g_assert_false (gk_renderer_is_software ("AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)"));
  g_assert_false (gk_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (gk_renderer_is_software ("NVIDIA GeForce GTX 1050/PCIe/SSE2"));
  g_assert_false (gk_renderer_is_software ("virgl (AMD Radeon RX 580 Series)"));
  g_assert_false (gk_renderer_is_software ("SVGA3D; build: RELEASE;  LLVM;"));
  g_assert_false (gk_renderer_is_software (""));
  g_assert_false (gk_renderer_is_software (NULL));
}

typedef struct
{
  char *renderer;
} Shown;

static gboolean
window_realized (gpointer data)
{
  return gtk_widget_get_realized (data);
}

static void
activated (GApplication *app,
           Shown        *shown)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_nonnull (window);
  gk_test_iterate_until (window_realized, window);
  shown->renderer = g_strdup (G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  gtk_window_destroy (window);
}

/* The renderer of the application's first window, and OpenGL's name. */
static char *
run_application (char **gl_name)
{
  GkApplication *app;
  char *app_argv[] = { (char *) "gongkai", NULL };
  Shown shown = { NULL };

  gtk_init ();
  *gl_name = gk_renderer_dup_gl_name (gdk_display_get_default ());
  app = gk_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated), &shown);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, app_argv), ==, 0);
  g_object_unref (app);
  g_assert_nonnull (shown.renderer);
  return shown.renderer;
}

static void
test_software (void)
{
  g_autofree char *gl_name = NULL;
  g_autofree char *renderer = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  g_unsetenv ("GSK_RENDERER");
  renderer = run_application (&gl_name);
  g_test_message ("OpenGL: %s; the window: %s", gl_name, renderer);
  if (gl_name == NULL)
    {
      /* No OpenGL at all: GTK draws with cairo of itself. */
      g_assert_cmpstr (renderer, ==, "GskCairoRenderer");
      return;
    }
  g_assert_cmpstr (renderer, ==, gk_renderer_is_software (gl_name) ? "GskCairoRenderer" : "GskGLRenderer");
  /* The programs the application starts are left to choose for themselves. */
  g_assert_null (g_getenv ("GSK_RENDERER"));
}

static void
test_user_choice (void)
{
  g_autofree char *gl_name = NULL;
  g_autofree char *renderer = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  renderer = run_application (&gl_name);
  if (gl_name == NULL)
    {
      g_test_skip ("no OpenGL on this display");
      return;
    }
  g_assert_cmpstr (renderer, ==, "GskGLRenderer");
  g_assert_false (gk_renderer_choose (gdk_display_get_default ()));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_add_func ("/renderer/names", test_names);
  g_test_add_func ("/renderer/software", test_software);
  g_test_add_func ("/renderer/user-choice", test_user_choice);
  return g_test_run ();
}
