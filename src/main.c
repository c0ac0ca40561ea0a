/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "gk-application.h"
#include "gk-cli-malloc.h"
#include "gk-document-language.h"

/* Whether this executable is the one in the build tree, so that an
 * uninstalled run finds the catalogs it was just built with. Both paths
 * are resolved, since the build root may be reached through a symlink. */
static gboolean
gk_running_from_build_tree (void)
{
  g_autofree char *exe = NULL;
  g_autofree char *build_root = NULL;
  g_autofree char *prefix = NULL;

  exe = g_file_read_link ("/proc/self/exe", NULL);
  build_root = realpath (BUILD_ROOT, NULL);
  if (exe == NULL || build_root == NULL)
    return FALSE;

  prefix = g_strconcat (build_root, G_DIR_SEPARATOR_S, NULL);

  return g_str_has_prefix (exe, prefix);
}

static const char *
gk_locale_dir (void)
{
  const char *localedir = g_getenv ("GK_LOCALEDIR");

  if (localedir != NULL && *localedir != '\0')
    return localedir;

  if (gk_running_from_build_tree ())
    return BUILD_LOCALEDIR;

  return LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GkApplication) app = NULL;

  /* Before anything is allocated: see gk-cli-malloc.c. */
  gk_cli_reexec_tuned (argv);

  /* Han text with no language of its own, under a desktop language that
   * does not cover Han (en_US), is set in the Simplified Chinese forms the
   * disclosure is printed in. */
  g_setenv ("PANGO_LANGUAGE", "zh-cn", FALSE);
  setlocale (LC_ALL, "");
  gk_document_language_set_default ();
  bindtextdomain (GETTEXT_PACKAGE, gk_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
