/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Running the gongkai command as a user runs it, for the command-line
 * tests: its exit status and what it printed, in the C locale (the
 * messages as written). */

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "gk-test-common.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs gongkai in @dir; @data_home, when given, is its XDG_DATA_HOME. */
static inline void
gk_test_run_gongkai (const char         *dir,
                     const char         *data_home,
                     Run                *run,
                     const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (data_home != NULL)
    env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  g_ptr_array_add (argv, (char *) g_getenv ("GK_GONGKAI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (dir, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_test_message ("gongkai %s → %d\n%s%s", args[0], run->status, run->out, run->err);
}
