/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The command-line commands (`--check`, `--export-pdf`, …). They run in
 * the launching process before any toolkit is initialised, so that they
 * work without a display; each is a small function over the core. */

/* Exit status of a command whose input cannot be read. */
#define GK_CLI_EXIT_UNREADABLE 2

void     gk_cli_add_options (GApplication       *application);

/* Runs the one command named in @options on the positional @files.
 * Returns FALSE when @options name no command (the editor should start),
 * else TRUE with the process's exit status in @status. */
gboolean gk_cli_run         (GVariantDict       *options,
                             const char * const *files,
                             int                *status);

G_END_DECLS
