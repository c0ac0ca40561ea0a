/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Set in the environment of the process started again with the allocator
 * settings, so that it does not start itself once more. Setting it before
 * starting gongkai keeps glibc's defaults, and the process under a tool
 * that follows it (valgrind, perf). */
#define GK_CLI_MALLOC_GUARD "GK_MALLOC_TUNED"

gboolean gk_cli_wants_tuned_malloc (const char * const *argv,
                                    const char * const *envp);
char   **gk_cli_tuned_environ      (const char * const *envp);
void     gk_cli_reexec_tuned       (char              **argv);

G_END_DECLS
