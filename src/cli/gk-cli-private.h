/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-cli.h"
#include "gk-document.h"
#include "gk-template.h"

G_BEGIN_DECLS

typedef struct _GkCliCommand GkCliCommand;

/* Runs @command with the parsed @options on the positional @files and
 * returns the exit status of the process. */
typedef int (*GkCliRunFunc) (const GkCliCommand *command,
                             GVariantDict       *options,
                             const char * const *files);

/* What an export command does with the document loaded from FILE. */
typedef gboolean (*GkCliExportFunc) (GkDocument    *document,
                                     const char    *out,
                                     GVariantDict  *options,
                                     GError       **error);

struct _GkCliCommand
{
  const char      *long_name;
  GOptionArg       arg;
  const char      *description;
  const char      *arg_description;
  GkCliRunFunc     run;
  GkCliExportFunc  export;
};

GkDocument *_gk_cli_load_single_file (const char         *option,
                                      const char * const *files);

int _gk_cli_version     (const GkCliCommand *command,
                         GVariantDict       *options,
                         const char * const *files);
int _gk_cli_export      (const GkCliCommand *command,
                         GVariantDict       *options,
                         const char * const *files);
int _gk_cli_import_xlsx (const GkCliCommand *command,
                         GVariantDict       *options,
                         const char * const *files);
int _gk_cli_check       (const GkCliCommand *command,
                         GVariantDict       *options,
                         const char * const *files);
int _gk_cli_check_dir   (const GkCliCommand *command,
                         GVariantDict       *options,
                         const char * const *files);
int _gk_cli_check_many  (GVariantDict       *options,
                         const char         *first,
                         const char * const *files);
int _gk_cli_list_templates (const GkCliCommand *command,
                            GVariantDict       *options,
                            const char * const *files);
int _gk_cli_new         (const GkCliCommand *command,
                         GVariantDict       *options,
                         const char * const *files);
int _gk_cli_next_year   (const GkCliCommand *command,
                         GVariantDict       *options,
                         const char * const *files);

GkTemplate *_gk_cli_find_template (const char *option,
                                   const char *id);

gboolean _gk_cli_pdf_summary   (GkDocument    *document,
                                const char    *out,
                                guint          n_pages);

typedef struct _GkCliSummary GkCliSummary;

GkCliSummary *_gk_cli_summary_start    (GkDocument   *document);
GMutex       *_gk_cli_summary_get_lock (GkCliSummary *self);
gboolean      _gk_cli_summary_finish   (GkCliSummary *self,
                                        const char   *out,
                                        guint         n_pages);
gboolean _gk_cli_export_csv    (GkDocument    *document,
                                const char    *out,
                                GVariantDict  *options,
                                GError       **error);
gboolean _gk_cli_export_charts (GkDocument    *document,
                                const char    *out,
                                GVariantDict  *options,
                                GError       **error);
gboolean _gk_cli_export_pdf    (GkDocument    *document,
                                const char    *out,
                                GVariantDict  *options,
                                GError       **error);
gboolean _gk_cli_export_xlsx   (GkDocument    *document,
                                const char    *out,
                                GVariantDict  *options,
                                GError       **error);

G_END_DECLS
