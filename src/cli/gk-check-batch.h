/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* 审核 of many files at once, in a pool of worker processes. A worker is
 * a fork of the caller that takes one file after another from a pipe and
 * sends back what it found: a file that crashes its worker, or runs past
 * the time limit (the worker is then killed), costs only itself, and a
 * new worker takes its place. Threads would not isolate anything, and the
 * model keeps global state (template registry, catalogs) besides. */

typedef enum {
  GK_BATCH_CHECKED,     /* read and checked */
  GK_BATCH_UNREADABLE,  /* not a disclosure, damaged, missing, … */
  GK_BATCH_TIMED_OUT,   /* ran past the time limit */
  GK_BATCH_CRASHED,     /* its worker stopped before answering */
} GkBatchStatus;

typedef struct
{
  char *rule;
  char *severity;  /* "error" or "warning", as --check prints it */
  char *place;     /* every place, "; " between them, or "document" */
  char *message;
} GkBatchFinding;

typedef struct
{
  char          *path;       /* as given */
  GkBatchStatus  status;
  char          *unit;       /* when checked; may be "" */
  guint          year;       /* 0 when the file gives none */
  char          *template_id;
  guint          n_errors;
  guint          n_warnings;
  char          *reason;     /* why it could not be checked */
  GPtrArray     *findings;   /* GkBatchFinding, when asked for */
} GkBatchResult;

typedef struct
{
  guint    n_workers;      /* 0: one per processor */
  guint    time_limit;     /* seconds a file may take; 0: no limit */
  gboolean keep_findings;  /* fill GkBatchResult.findings */
  /* Run in the worker before each file; for tests that need a file to
   * hang or crash. */
  void   (*before_file) (const char *path);
} GkBatchOptions;

/* Told each result in the order of @paths, as soon as it and every one
 * before it are known. */
typedef void (*GkBatchResultFunc) (const GkBatchResult *result,
                                   gpointer             user_data);

GPtrArray *gk_check_batch_run (const char * const   *paths,
                               const GkBatchOptions *options,
                               GkBatchResultFunc     ready,
                               gpointer              user_data);

void       gk_batch_result_free (GkBatchResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkBatchResult, gk_batch_result_free)

G_END_DECLS
