/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gk-atomic-writer.h"

/* GLib 2.74's g_file_replace_contents() renames its temporary file over
 * the target even when a write into it failed with ENOSPC, so a save onto
 * a full disk left half a document where the whole one had been. This
 * writer checks every write, fsyncs, and renames only after all of it
 * succeeded.
 *
 * The temporary file is ".NAME.gktmp-HOST-PID-XXXXXX" in the target's
 * folder (the same file system, so the rename is atomic): hidden, named
 * after the target, and saying which process on which computer writes it.
 * A process killed mid-write leaves it behind; the next write into that
 * folder, or opening a document there, removes it, but only when the
 * process that wrote it is gone. */

#define TEMP_MARK           ".gktmp-"
#define MAX_STEM            200
/* A temporary file from another computer (a shared folder) cannot be
 * checked for a live writer; no write takes a day. */
#define FOREIGN_STALE_SECS  (24 * 60 * 60)
/* GLib's own temporary files carry no process id: see is_stale_glib_temp(). */
#define GLIB_TEMP_PREFIX    ".goutputstream-"
#define GLIB_STALE_SECS     (60 * 60)

struct _GkAtomicWriter
{
  GOutputStream  parent_instance;

  GFile         *target;
  char          *path;        /* the target, symbolic links resolved */
  char          *temp_path;
  int            fd;
  GkAtomicFlags  flags;
  gboolean       existed;
  struct stat    old;         /* the target's, when it existed */
  gboolean       committed;
};

G_DEFINE_FINAL_TYPE (GkAtomicWriter, gk_atomic_writer, G_TYPE_OUTPUT_STREAM)

/* Errors -------------------------------------------------------------------- */

static const char *
reason_for_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
      return _("the disk is full");
#ifdef EDQUOT
    case EDQUOT:
      return _("the disk quota is used up");
#endif
    case EROFS:
      return _("the disk can only be read");
    case EACCES:
    case EPERM:
      return _("you have no permission to write there");
    case EIO:
      return _("the disk reported an error while writing");
    default:
      return g_strerror (saved_errno);
    }
}

void
gk_atomic_set_io_error (GError **error,
                        GFile   *target,
                        int      saved_errno)
{
  g_autofree char *name = g_file_get_parse_name (target);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               /* Translators: the file's name, then the reason */
               _("Cannot write “%s”: %s"), name, reason_for_errno (saved_errno));
}

/* Names --------------------------------------------------------------------- */

static guint32
host_hash (void)
{
  static gsize hash;

  if (g_once_init_enter (&hash))
    g_once_init_leave (&hash, (gsize) (g_str_hash (g_get_host_name ()) | 1));
  return (guint32) hash;
}

gboolean
gk_atomic_is_temp_name (const char *name)
{
  const char *mark;
  unsigned int host;
  int pid, used = 0;

  g_return_val_if_fail (name != NULL, FALSE);

  if (name[0] != '.' || (mark = g_strrstr (name, TEMP_MARK)) == NULL)
    return FALSE;
  if (sscanf (mark + strlen (TEMP_MARK), "%8x-%d-%*6[A-Za-z0-9]%n", &host, &pid, &used) < 2)
    return FALSE;
  return used > 0 && mark[strlen (TEMP_MARK) + used] == '\0';
}

static gboolean
process_is_gone (int pid)
{
  if (pid <= 0 || pid == (int) getpid ())
    return FALSE;
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

static gboolean
is_stale_own_temp (const char        *name,
                   const struct stat *st)
{
  const char *mark = g_strrstr (name, TEMP_MARK);
  unsigned int host;
  int pid;

  if (sscanf (mark + strlen (TEMP_MARK), "%8x-%d-", &host, &pid) != 2)
    return FALSE;
  if (host == host_hash ())
    return process_is_gone (pid);
  return g_get_real_time () / G_USEC_PER_SEC - st->st_mtime > FOREIGN_STALE_SECS;
}

/* ".goutputstream-XXXXXX" is what g_file_replace() writes in the target's
 * folder. Its name says nothing of its writer, and any GLib program may be
 * writing one beside a document right now, so only a file that is surely
 * a leftover of a Gongkai save is removed: ours (same owner), untouched
 * for an hour (a live writer keeps writing), and a Gongkai document by its
 * first bytes (any other program's file is not ours to judge). */
static gboolean
is_stale_glib_temp (int                dir_fd,
                    const char        *name,
                    const struct stat *st)
{
  char head[512];
  ssize_t n;
  int fd;

  if (!g_str_has_prefix (name, GLIB_TEMP_PREFIX) || strlen (name) != strlen (GLIB_TEMP_PREFIX) + 6)
    return FALSE;
  if (st->st_uid != getuid () ||
      g_get_real_time () / G_USEC_PER_SEC - st->st_mtime < GLIB_STALE_SECS)
    return FALSE;
  fd = openat (dir_fd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    return FALSE;
  n = read (fd, head, sizeof head - 1);
  close (fd);
  if (n <= 0)
    return FALSE;
  head[n] = '\0';
  return strstr (head, "\"gongkai-disclosure\"") != NULL;
}

/**
 * gk_atomic_clean_folder:
 * @folder: a folder Gongkai writes into or opens a document from
 *
 * Removes the temporary files killed writers left in @folder: Gongkai's
 * own whose process is gone, and GLib's that are surely stale.
 *
 * Returns: how many were removed
 */
guint
gk_atomic_clean_folder (GFile *folder)
{
  g_autofree char *path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = 0;
  int dir_fd;

  g_return_val_if_fail (G_IS_FILE (folder), 0);

  path = g_file_get_path (folder);
  if (path == NULL || (dir = g_dir_open (path, 0, NULL)) == NULL)
    return 0;
  dir_fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      struct stat st;
      gboolean stale;

      if (name[0] != '.')
        continue;
      if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG (st.st_mode))
        continue;
      if (gk_atomic_is_temp_name (name))
        stale = is_stale_own_temp (name, &st);
      else
        stale = is_stale_glib_temp (dir_fd, name, &st);
      if (stale && unlinkat (dir_fd, name, 0) == 0)
        removed++;
    }
  close (dir_fd);
  return removed;
}

/* The stream ----------------------------------------------------------------- */

static void
discard (GkAtomicWriter *self)
{
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->temp_path != NULL && !self->committed)
    g_unlink (self->temp_path);
}

static gssize
gk_atomic_writer_write_fn (GOutputStream  *stream,
                           const void     *buffer,
                           gsize           count,
                           GCancellable   *cancellable,
                           GError        **error)
{
  GkAtomicWriter *self = GK_ATOMIC_WRITER (stream);
  gssize n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  do
    n = write (self->fd, buffer, MIN (count, (gsize) G_MAXSSIZE));
  while (n < 0 && errno == EINTR);
  if (n < 0)
    {
      gk_atomic_set_io_error (error, self->target, errno);
      return -1;
    }
  if (n == 0 && count > 0)
    {
      gk_atomic_set_io_error (error, self->target, ENOSPC);
      return -1;
    }
  return n;
}

/* Closing without a commit throws the temporary file away: nothing is
 * ever renamed over the target by accident. */
static gboolean
gk_atomic_writer_close_fn (GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  discard (GK_ATOMIC_WRITER (stream));
  return TRUE;
}

static void
gk_atomic_writer_finalize (GObject *object)
{
  GkAtomicWriter *self = GK_ATOMIC_WRITER (object);

  discard (self);
  g_clear_object (&self->target);
  g_free (self->path);
  g_free (self->temp_path);

  G_OBJECT_CLASS (gk_atomic_writer_parent_class)->finalize (object);
}

static void
gk_atomic_writer_class_init (GkAtomicWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = gk_atomic_writer_finalize;
  stream_class->write_fn = gk_atomic_writer_write_fn;
  stream_class->close_fn = gk_atomic_writer_close_fn;
}

static void
gk_atomic_writer_init (GkAtomicWriter *self)
{
  self->fd = -1;
}

/* Saving through a symbolic link replaces the file it points to and
 * keeps the link. */
static char *
resolve_target (const char *path)
{
  struct stat st;
  char *real;

  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode) && (real = realpath (path, NULL)) != NULL)
    {
      char *copy = g_strdup (real);
      free (real);
      return copy;
    }
  return g_strdup (path);
}

static char *
temp_name (const char *path)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = NULL;
  char suffix[7];

  /* Room for the mark within the 255 bytes of a name. */
  if (strlen (base) > MAX_STEM)
    {
      const char *end = base + MAX_STEM;

      if (g_utf8_validate (base, -1, NULL))
        end = g_utf8_find_prev_char (base, end + 1);
      base[end - base] = '\0';
    }
  for (guint i = 0; i < 6; i++)
    suffix[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  suffix[6] = '\0';
  name = g_strdup_printf (".%s" TEMP_MARK "%08x-%d-%s", base, host_hash (), (int) getpid (), suffix);
  return g_build_filename (dir, name, NULL);
}

/**
 * gk_atomic_writer_new:
 * @target: the file to write or replace, on this computer
 * @flags: %GK_ATOMIC_PRIVATE for files only the user may read
 *
 * Opens a temporary file beside @target. Write into it (it is a
 * #GOutputStream), then gk_atomic_writer_commit(); closing or dropping it
 * without a commit leaves @target as it was and removes the temporary file.
 *
 * Returns: (transfer full): a writer, or %NULL with @error set
 */
GkAtomicWriter *
gk_atomic_writer_new (GFile          *target,
                      GkAtomicFlags   flags,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GkAtomicWriter) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  path = g_file_get_path (target);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write “%s”: only files on this computer can be written"), name);
      return NULL;
    }

  self = g_object_new (GK_TYPE_ATOMIC_WRITER, NULL);
  self->target = g_object_ref (target);
  self->flags = flags;
  self->path = resolve_target (path);
  if (stat (self->path, &self->old) == 0)
    {
      if (S_ISDIR (self->old.st_mode))
        {
          gk_atomic_set_io_error (error, target, EISDIR);
          return NULL;
        }
      self->existed = TRUE;
    }

  dir = g_path_get_dirname (self->path);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    gk_atomic_clean_folder (folder);
  }

  for (guint tries = 0; self->fd < 0; tries++)
    {
      g_free (self->temp_path);
      self->temp_path = temp_name (self->path);
      /* 0666 less the umask, as for any new file; the old file's mode or
       * 0600 is set at the commit. */
      self->fd = open (self->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                       (flags & GK_ATOMIC_PRIVATE) ? 0600 : 0666);
      if (self->fd < 0 && (errno != EEXIST || tries >= 100))
        {
          gk_atomic_set_io_error (error, target, errno);
          g_clear_pointer (&self->temp_path, g_free);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

GFile *
gk_atomic_writer_get_target (GkAtomicWriter *self)
{
  g_return_val_if_fail (GK_IS_ATOMIC_WRITER (self), NULL);
  return self->target;
}

/* For a library that insists on opening a path itself (libxlsxwriter):
 * it writes this very file, and the commit fsyncs and renames it. */
const char *
gk_atomic_writer_get_temp_path (GkAtomicWriter *self)
{
  g_return_val_if_fail (GK_IS_ATOMIC_WRITER (self), NULL);
  return self->temp_path;
}

static gboolean
fail (GkAtomicWriter  *self,
      int              saved_errno,
      GError         **error)
{
  gk_atomic_set_io_error (error, self->target, saved_errno);
  gk_atomic_writer_abort (self);
  return FALSE;
}

/* The rename is on the disk only once the folder is. A file system that
 * cannot fsync a folder has nothing more to do; the new file is already
 * in place, so this is no reason to report a failed write. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (fsync (fd) != 0 && errno != EINVAL && errno != ENOTSUP)
    g_debug ("Cannot flush the folder %s: %s", dir, g_strerror (errno));
  close (fd);
}

/**
 * gk_atomic_writer_commit:
 *
 * Flushes the temporary file to the disk, gives it the old file's
 * permissions and renames it over the target. On failure (or when
 * @cancellable is cancelled) the temporary file is removed and the target
 * is untouched.
 *
 * Returns: %TRUE when the target now holds what was written
 */
gboolean
gk_atomic_writer_commit (GkAtomicWriter  *self,
                         GCancellable    *cancellable,
                         GError         **error)
{
  int fd;

  g_return_val_if_fail (GK_IS_ATOMIC_WRITER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->fd < 0 || self->committed)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The file was already closed"));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      gk_atomic_writer_abort (self);
      return FALSE;
    }

  if (fsync (self->fd) != 0)
    return fail (self, errno, error);
  if (self->flags & GK_ATOMIC_PRIVATE)
    {
      if (fchmod (self->fd, 0600) != 0)
        return fail (self, errno, error);
    }
  else if (self->existed)
    {
      /* As the owner had it; root saving someone's file gives it back. */
      if (geteuid () == 0 && (self->old.st_uid != 0 || self->old.st_gid != 0))
        {
          if (fchown (self->fd, self->old.st_uid, self->old.st_gid) != 0)
            g_debug ("Cannot keep the owner of %s: %s", self->path, g_strerror (errno));
        }
      if (fchmod (self->fd, self->old.st_mode & 07777) != 0)
        return fail (self, errno, error);
    }
  fd = self->fd;
  self->fd = -1;
  /* NFS reports a full disk as late as close(). */
  if (close (fd) != 0)
    return fail (self, errno, error);
  if (g_rename (self->temp_path, self->path) != 0)
    return fail (self, errno, error);
  self->committed = TRUE;
  sync_folder (self->path);
  g_output_stream_close (G_OUTPUT_STREAM (self), NULL, NULL);
  return TRUE;
}

/* Gives up: the temporary file is removed, the target stays as it was. */
void
gk_atomic_writer_abort (GkAtomicWriter *self)
{
  g_return_if_fail (GK_IS_ATOMIC_WRITER (self));

  discard (self);
  if (!g_output_stream_is_closed (G_OUTPUT_STREAM (self)))
    g_output_stream_close (G_OUTPUT_STREAM (self), NULL, NULL);
}

/* The bytes API ------------------------------------------------------------- */

gboolean
gk_file_write_atomic (GFile          *target,
                      const void     *data,
                      gsize           length,
                      GkAtomicFlags   flags,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr(GkAtomicWriter) writer = NULL;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  writer = gk_atomic_writer_new (target, flags, cancellable, error);
  if (writer == NULL)
    return FALSE;
  if (length > 0 &&
      !g_output_stream_write_all (G_OUTPUT_STREAM (writer), data, length, NULL, cancellable, error))
    {
      gk_atomic_writer_abort (writer);
      return FALSE;
    }
  return gk_atomic_writer_commit (writer, cancellable, error);
}

gboolean
gk_file_write_bytes_atomic (GFile          *target,
                            GBytes         *bytes,
                            GkAtomicFlags   flags,
                            GCancellable   *cancellable,
                            GError        **error)
{
  gsize length;
  const void *data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  return gk_file_write_atomic (target, data, length, flags, cancellable, error);
}

/* A folder the export writes into, made when missing. */
gboolean
gk_file_make_folder (GFile   *folder,
                     GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
