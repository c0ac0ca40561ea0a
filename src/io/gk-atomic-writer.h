/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every file Gongkai writes is written beside its target under a hidden
 * temporary name, checked write by write, flushed to the disk, and only
 * then renamed over the target: the target is either the old file or the
 * new one, never a part of either, whatever fails (a full disk, an I/O
 * error, a cancel, a kill). */

typedef enum {
  GK_ATOMIC_NONE    = 0,
  GK_ATOMIC_PRIVATE = 1 << 0,  /* 0600 whatever the umask or the old file (drafts) */
} GkAtomicFlags;

#define GK_TYPE_ATOMIC_WRITER (gk_atomic_writer_get_type ())
G_DECLARE_FINAL_TYPE (GkAtomicWriter, gk_atomic_writer, GK, ATOMIC_WRITER, GOutputStream)

GkAtomicWriter *gk_atomic_writer_new           (GFile           *target,
                                                GkAtomicFlags    flags,
                                                GCancellable    *cancellable,
                                                GError         **error);
GFile          *gk_atomic_writer_get_target    (GkAtomicWriter  *self);
const char     *gk_atomic_writer_get_temp_path (GkAtomicWriter  *self);
gboolean        gk_atomic_writer_commit        (GkAtomicWriter  *self,
                                                GCancellable    *cancellable,
                                                GError         **error);
void            gk_atomic_writer_abort         (GkAtomicWriter  *self);

gboolean        gk_file_write_atomic           (GFile           *target,
                                                const void      *data,
                                                gsize            length,
                                                GkAtomicFlags    flags,
                                                GCancellable    *cancellable,
                                                GError         **error);
gboolean        gk_file_write_bytes_atomic     (GFile           *target,
                                                GBytes          *bytes,
                                                GkAtomicFlags    flags,
                                                GCancellable    *cancellable,
                                                GError         **error);

guint           gk_atomic_clean_folder         (GFile           *folder);
gboolean        gk_atomic_is_temp_name         (const char      *name);
gboolean        gk_file_make_folder            (GFile           *folder,
                                                GError         **error);
void            gk_atomic_set_io_error         (GError         **error,
                                                GFile           *target,
                                                int              saved_errno);

G_END_DECLS
