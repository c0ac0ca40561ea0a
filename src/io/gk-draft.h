/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gk-document.h"

G_BEGIN_DECLS

#define GK_TYPE_DRAFT (gk_draft_get_type ())

G_DECLARE_FINAL_TYPE (GkDraft, gk_draft, GK, DRAFT, GObject)

GFile      *gk_draft_get_default_directory (void);
GkDraft    *gk_draft_new                   (GkDocument  *document,
                                            GFile       *directory);
GFile      *gk_draft_get_location          (GkDraft     *self);
GFile      *gk_draft_get_file              (GkDraft     *self);
void        gk_draft_set_file              (GkDraft     *self,
                                            GFile       *file);
gboolean    gk_draft_get_enabled           (GkDraft     *self);
void        gk_draft_set_enabled           (GkDraft     *self,
                                            gboolean     enabled);
guint       gk_draft_get_delay             (GkDraft     *self);
void        gk_draft_set_delay             (GkDraft     *self,
                                            guint        delay_ms);
void        gk_draft_adopt                 (GkDraft     *self,
                                            GFile       *location);
void        gk_draft_discard               (GkDraft     *self);
gboolean    gk_draft_document_saved        (GkDraft     *self,
                                            GError     **error);
gboolean    gk_draft_write                 (GkDraft     *self,
                                            GError     **error);

GList      *gk_draft_list_orphans          (GFile       *directory);
GkDocument *gk_draft_load                  (GFile       *location,
                                            GFile      **file,
                                            GError     **error);
void        gk_draft_delete                (GFile       *location);

G_END_DECLS
