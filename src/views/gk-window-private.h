/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gk-checker.h"
#include "gk-draft.h"
#include "gk-split.h"
#include "gk-start-page.h"
#include "gk-window.h"

G_BEGIN_DECLS

struct _GkWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;   /* the start page, or the document */
  GkStartPage          *start_page;
  GkSplit              *split;        /* the sidebar beside the page, or one of them */
  GtkWidget            *content_box;
  GtkScrolledWindow    *sidebar_scroller;
  GtkListBox           *sidebar;
  AdwWindowTitle       *page_title;
  GtkStack             *stack;

  AdwWindowTitle       *sidebar_title;
  GMenu                *recent_menu;

  GSettings            *settings;
  GkDocument           *document;
  GFile                *file;
  GPtrArray            *pages;      /* the sidebar's, from the template */
  guint                 selected;
  guint                 reveal_tick_id;

  /* 审核: one checker per document, its count in the sidebar. */
  GkChecker            *checker;
  GtkLabel             *checks_count;

  /* gk-window-document.c */
  GkDraft              *draft;
  GtkNativeDialog      *chooser;
  gboolean              restored;   /* unsaved work restored from a draft */
  gboolean              saving;
  gboolean              close_after_save;
  gboolean              close_confirmed;

  /* gk-window-disk.c */
  GFileMonitor         *monitor;
  char                 *disk_stamp;      /* the file as last read or written here */
  gboolean              changed_on_disk;
  GtkWidget            *changed_bar;    /* in content_box, made when first needed */

  /* gk-window-next-year.c */
  GtkWidget            *carried_bar;    /* what a new year's file carried over */
};

/* gk-window-document.c: saving, drafts and the title. */
void     gk_window_update_title          (GkWindow   *self);
void     gk_window_document_set          (GkWindow   *self,
                                          gboolean    new_document);
void     gk_window_document_dispose      (GkWindow   *self);
void     gk_window_document_class_init   (GkWindowClass *klass);
void     gk_window_document_init         (GkWindow   *self);
void     gk_window_update_recent_menu    (GkWindow   *self);

/* gk-window-disk.c: the file on disk, watched for other programs' writes. */
void     gk_window_disk_watch            (GkWindow   *self);
gboolean gk_window_disk_confirm_save     (GkWindow   *self);
void     gk_window_disk_dispose          (GkWindow   *self);

/* gk-window-print.c: Print…. */
void     gk_window_print_class_init      (GkWindowClass *klass);
void     gk_window_print_init            (GkWindow   *self);

/* gk-window-next-year.c: New Year From This… (win.new-year). */
void     gk_window_next_year_class_init  (GkWindowClass *klass);
void     gk_window_next_year_document_set (GkWindow  *self);

/* gk-window-properties.c: Properties… (win.properties). */
void     gk_window_properties_class_init (GkWindowClass *klass);

/* gk-window-budget.c: Link Budget… (win.link-budget), for a 决算. */
void     gk_window_budget_class_init     (GkWindowClass *klass);
void     gk_window_budget_update         (GkWindow      *self);

/* gk-window-template.c: Tables… (win.edit-template). */
void     gk_window_template_class_init   (GkWindowClass *klass);

/* gk-window-import.c: Import Excel…, set up by gk_window_print_class_init(). */
void     gk_window_import_class_init     (GkWindowClass *klass);

gboolean _gk_window_commit_pending (GkWindow *self);

typedef struct
{
  GkWindow *window;
  GFile    *file;
  GTask    *outer;
} GkWindowJob;

GkWindowJob *_gk_window_job_new  (GkWindow            *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data,
                                  gpointer             source_tag);
void         _gk_window_job_free (GkWindowJob         *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkWindowJob, _gk_window_job_free)

G_END_DECLS
