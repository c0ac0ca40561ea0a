/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "gk-cli-malloc.h"

/* Exporting a PDF reads each CJK font's CFF table, some twenty megabytes,
 * several times into fresh buffers, and fills hundreds of megabytes with
 * small objects on large documents: with glibc's defaults most of that
 * time goes to page faults. Huge pages, and large buffers kept in the heap
 * for reuse rather than mapped and unmapped each time, take most of it
 * away. glibc reads these settings only when a process starts, hence the
 * one restart; a glibc that does not know a setting ignores it. */
#define TUNABLES "glibc.malloc.hugetlb=1:" \
                 "glibc.malloc.mmap_threshold=33554432:" \
                 "glibc.malloc.trim_threshold=268435456"

/**
 * gk_cli_wants_tuned_malloc:
 * @argv: the command line
 * @envp: the environment
 *
 * Returns: %TRUE when @argv asks for `--export-pdf` and this process was
 *   not already started again for it
 */
gboolean
gk_cli_wants_tuned_malloc (const char * const *argv,
                           const char * const *envp)
{
  g_return_val_if_fail (argv != NULL, FALSE);

  if (g_environ_getenv ((char **) envp, GK_CLI_MALLOC_GUARD) != NULL)
    return FALSE;
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_equal (argv[i], "--export-pdf") || g_str_has_prefix (argv[i], "--export-pdf="))
        return TRUE;
    }
  return FALSE;
}

/**
 * gk_cli_tuned_environ:
 *
 * Returns: (transfer full): @envp with the allocator settings, cairo's
 *   uncompressed streams and the guard; settings the user gave in GLIBC_TUNABLES come after ours, so
 *   that theirs win
 */
char **
gk_cli_tuned_environ (const char * const *envp)
{
  char **environ_copy = g_strdupv ((char **) envp);
  const char *user = g_environ_getenv (environ_copy, "GLIBC_TUNABLES");
  g_autofree char *tunables = user != NULL && user[0] != '\0' ? g_strconcat (TUNABLES ":", user, NULL)
                                                               : g_strdup (TUNABLES);

  environ_copy = g_environ_setenv (environ_copy, "GLIBC_TUNABLES", tunables, TRUE);
  /* Cairo then leaves its page contents uncompressed, and the PDF writer
   * compresses them to the same bytes on the thread that writes the
   * file, beside the one drawing (gk-pdf-rewrite.c). Cairo reads it when
   * a surface is made; set here, before any thread could read it. */
  environ_copy = g_environ_setenv (environ_copy, "CAIRO_DEBUG_PDF", "1", FALSE);
  return g_environ_setenv (environ_copy, GK_CLI_MALLOC_GUARD, "1", TRUE);
}

/**
 * gk_cli_reexec_tuned:
 * @argv: main()'s argv
 *
 * Starts this program again with the allocator settings when @argv asks
 * for a PDF export; returns when it does not, or when the program cannot
 * be started again (it then runs as it is, only slower).
 */
void
gk_cli_reexec_tuned (char **argv)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(GStrv) tuned = NULL;

  if (!gk_cli_wants_tuned_malloc ((const char * const *) argv, (const char * const *) envp))
    return;
  tuned = gk_cli_tuned_environ ((const char * const *) envp);
  execve ("/proc/self/exe", argv, tuned);
}
