/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* `gongkai --check FILE [--json]`: loads FILE, runs the checks and writes
 * the findings to `out`. Returns the exit status: 0 without error findings,
 * 1 with, 2 when the file cannot be read (the reason is written to `out`). */
int gk_check_run_cli (GFile   *file,
                      gboolean json,
                      GString *out);

G_END_DECLS
