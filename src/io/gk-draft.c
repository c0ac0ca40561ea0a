/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include "gk-atomic-writer.h"
#include "gk-document-io.h"
#include "gk-draft.h"

/* Unsaved work written aside, a few seconds after the last edit, so that
 * it survives a crash (as gnome-text-editor's drafts do). A draft is two
 * files in the drafts directory: NAME.gongkai, the document as it would
 * be saved, and NAME.info, a key file saying which process writes it and
 * which file the document belongs to. A draft whose process is gone is an
 * orphan, offered for restoring at the next start. Saving, or closing
 * without saving on purpose, deletes the draft.
 *
 * The timer's draft is written a slice at a time from an idle source, so
 * that a large document does not stop the window: each slice writes a few
 * milliseconds' worth of the document into the temporary file beside the
 * draft. The document is the same from the first slice to the last (an
 * edit in between throws the temporary file away and the timer starts
 * again), so a draft is never a mix of two states. Flushing the file to
 * the disk and renaming it over the draft then happen in a worker thread;
 * the next draft, or deleting the draft, waits for that rename. */

#define DEFAULT_DELAY_MS 3000
#define SLICE_USEC       4000
#define INFO_GROUP "Draft"

struct _GkDraft
{
  GObject     parent_instance;

  GkDocument *document;
  GFile      *directory;
  GFile      *location;   /* NAME.gongkai, once chosen */
  GFile      *file;       /* the document's own file, or NULL */
  guint       delay;
  guint       timeout_id;
  gboolean    enabled;
  gboolean    dirty;      /* adopted from a crash: unsaved even unmodified */

  /* The draft being written a slice at a time. */
  GkDocumentWriter *writer;
  GkAtomicWriter   *out;
  GkJsonOutput      output;
  guint64           serial;     /* the document's, when the draft began */
  guint             slice_id;

  /* The rename in the worker thread, which the next write or a delete
   * waits for. */
  GMutex            lock;
  GCond             renamed;
  gboolean          committing;
  gboolean          pending;    /* the timer fired while it ran */
  guint             generation; /* a discard or a direct write since */
};

G_DEFINE_FINAL_TYPE (GkDraft, gk_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_DELAY,
  PROP_FILE,
  N_PROPS
};

enum {
  WRITTEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
stop_slices (GkDraft *self)
{
  g_clear_handle_id (&self->slice_id, g_source_remove);
  g_clear_pointer (&self->writer, gk_document_writer_free);
  if (self->out != NULL)
    gk_atomic_writer_abort (self->out);
  g_clear_object (&self->out);
}

static gboolean
is_renaming (GkDraft *self)
{
  gboolean renaming;

  g_mutex_lock (&self->lock);
  renaming = self->committing;
  g_mutex_unlock (&self->lock);
  return renaming;
}

static void
wait_for_rename (GkDraft *self)
{
  g_mutex_lock (&self->lock);
  while (self->committing)
    g_cond_wait (&self->renamed, &self->lock);
  g_mutex_unlock (&self->lock);
}

/* $XDG_DATA_HOME/gongkai/drafts */
GFile *
gk_draft_get_default_directory (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "gongkai", "drafts", NULL);
  return g_file_new_for_path (path);
}

static GFile *
info_file (GFile *location)
{
  g_autofree char *path = g_file_get_path (location);
  g_autofree char *stem = g_str_has_suffix (path, ".gongkai")
                            ? g_strndup (path, strlen (path) - strlen (".gongkai"))
                            : g_strdup (path);
  g_autofree char *info = g_strconcat (stem, ".info", NULL);
  return g_file_new_for_path (info);
}

GFile *
gk_draft_get_location (GkDraft *self)
{
  g_return_val_if_fail (GK_IS_DRAFT (self), NULL);
  return self->location;
}

GFile *
gk_draft_get_file (GkDraft *self)
{
  g_return_val_if_fail (GK_IS_DRAFT (self), NULL);
  return self->file;
}

void
gk_draft_set_file (GkDraft *self,
                   GFile   *file)
{
  g_return_if_fail (GK_IS_DRAFT (self));
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
gk_draft_get_enabled (GkDraft *self)
{
  g_return_val_if_fail (GK_IS_DRAFT (self), FALSE);
  return self->enabled;
}

void
gk_draft_set_enabled (GkDraft  *self,
                      gboolean  enabled)
{
  g_return_if_fail (GK_IS_DRAFT (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  if (!enabled)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      stop_slices (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

guint
gk_draft_get_delay (GkDraft *self)
{
  g_return_val_if_fail (GK_IS_DRAFT (self), 0);
  return self->delay;
}

void
gk_draft_set_delay (GkDraft *self,
                    guint    delay_ms)
{
  g_return_if_fail (GK_IS_DRAFT (self));
  if (self->delay == delay_ms)
    return;
  self->delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

/* Deletes a draft's two files. */
void
gk_draft_delete (GFile *location)
{
  g_autoptr(GFile) info = NULL;

  g_return_if_fail (G_IS_FILE (location));

  info = info_file (location);
  g_file_delete (location, NULL, NULL);
  g_file_delete (info, NULL, NULL);
}

/* The draft's location, chosen once, and its folder. */
static gboolean
prepare_location (GkDraft  *self,
                  GError  **error)
{
  if (self->location == NULL)
    {
      static guint counter;
      g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT "-%d-%u.gongkai",
                                               g_get_real_time () / G_USEC_PER_SEC,
                                               (int) getpid (), ++counter);
      self->location = g_file_get_child (self->directory, name);
    }
  return gk_file_make_folder (self->directory, error);
}

static char *
info_data (GkDraft *self,
           gsize   *length)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_key_file_set_int64 (keyfile, INFO_GROUP, "pid", getpid ());
  g_key_file_set_int64 (keyfile, INFO_GROUP, "time", g_get_real_time () / G_USEC_PER_SEC);
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);
      g_key_file_set_string (keyfile, INFO_GROUP, "file", uri);
    }
  return g_key_file_to_data (keyfile, length, NULL);
}

/* Writes the draft now, whole, on this thread (the timer writes it in
 * slices); an unmodified document has no draft, so its files are deleted
 * instead. */
gboolean
gk_draft_write (GkDraft  *self,
                GError  **error)
{
  g_autoptr(GkAtomicWriter) out = NULL;
  g_autoptr(GFile) info = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (GK_IS_DRAFT (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_slices (self);
  wait_for_rename (self);
  self->generation++;
  if (!gk_document_get_modified (self->document) && !self->dirty)
    {
      gk_draft_discard (self);
      return TRUE;
    }

  if (!prepare_location (self, error))
    return FALSE;
  /* The document first: an info file without its draft is ignored. */
  out = gk_atomic_writer_new (self->location, GK_ATOMIC_PRIVATE, NULL, error);
  if (out == NULL)
    return FALSE;
  if (!gk_document_write_to_stream (self->document, G_OUTPUT_STREAM (out), NULL, error) ||
      !gk_atomic_writer_commit (out, NULL, error))
    {
      gk_atomic_writer_abort (out);
      return FALSE;
    }
  info = info_file (self->location);
  data = info_data (self, &length);
  if (!gk_file_write_atomic (info, data, length, GK_ATOMIC_PRIVATE, NULL, error))
    return FALSE;

  g_signal_emit (self, signals[WRITTEN], 0);
  return TRUE;
}

/* The rename, in a worker thread -------------------------------------------- */

typedef struct
{
  GkAtomicWriter *out;
  GFile          *info;
  char           *data;
  gsize           length;
  guint           generation;
} Rename;

static void
rename_free (Rename *job)
{
  g_object_unref (job->out);
  g_object_unref (job->info);
  g_free (job->data);
  g_free (job);
}

static void
rename_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GkDraft *self = source_object;
  Rename *job = task_data;
  GError *error = NULL;
  gboolean done;

  done = gk_atomic_writer_commit (job->out, NULL, &error) &&
         gk_file_write_atomic (job->info, job->data, job->length, GK_ATOMIC_PRIVATE, NULL, &error);

  g_mutex_lock (&self->lock);
  self->committing = FALSE;
  g_cond_broadcast (&self->renamed);
  g_mutex_unlock (&self->lock);
  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void schedule (GkDraft *self,
                      guint    delay);

static void
rename_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GkDraft *self = GK_DRAFT (source);
  Rename *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Cannot write the draft of unsaved changes: %s", error->message);
  else if (job->generation == self->generation)
    g_signal_emit (self, signals[WRITTEN], 0);
  /* An edit came while the file was renamed: its draft is due now. */
  if (self->pending)
    {
      self->pending = FALSE;
      schedule (self, 0);
    }
}

/* The slices ----------------------------------------------------------------- */

static gboolean
write_slice (gpointer user_data)
{
  GkDraft *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean more;

  /* A change not announced still throws the slices written away. */
  if (gk_document_get_change_serial (self->document) != self->serial)
    {
      self->slice_id = 0;
      stop_slices (self);
      schedule (self, self->delay);
      return G_SOURCE_REMOVE;
    }
  do
    more = gk_document_writer_step (self->writer, &error);
  while (more && g_get_monotonic_time () - start < SLICE_USEC);
  if (more)
    return G_SOURCE_CONTINUE;

  self->slice_id = 0;
  g_clear_pointer (&self->writer, gk_document_writer_free);
  if (error != NULL)
    {
      stop_slices (self);
      g_warning ("Cannot write the draft of unsaved changes: %s", error->message);
      return G_SOURCE_REMOVE;
    }
  {
    g_autoptr(GTask) task = g_task_new (self, NULL, rename_done, NULL);
    Rename *job = g_new0 (Rename, 1);

    job->out = g_steal_pointer (&self->out);
    job->info = info_file (self->location);
    job->data = info_data (self, &job->length);
    job->generation = self->generation;
    g_task_set_task_data (task, job, (GDestroyNotify) rename_free);
    g_mutex_lock (&self->lock);
    self->committing = TRUE;
    g_mutex_unlock (&self->lock);
    g_task_run_in_thread (task, rename_thread);
  }
  return G_SOURCE_REMOVE;
}

static void
begin_slices (GkDraft *self)
{
  g_autoptr(GError) error = NULL;

  if (!prepare_location (self, &error) ||
      (self->out = gk_atomic_writer_new (self->location, GK_ATOMIC_PRIVATE, NULL, &error)) == NULL)
    {
      g_warning ("Cannot write the draft of unsaved changes: %s", error->message);
      return;
    }
  self->output.stream = G_OUTPUT_STREAM (self->out);
  self->output.cancellable = NULL;
  self->writer = gk_document_writer_new (self->document, gk_json_sink_output_stream, &self->output);
  self->serial = gk_document_get_change_serial (self->document);
  self->slice_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, write_slice, self, NULL);
}

static gboolean
gk_draft_timeout (gpointer user_data)
{
  GkDraft *self = user_data;

  self->timeout_id = 0;
  if (!gk_document_get_modified (self->document) && !self->dirty)
    {
      gk_draft_discard (self);
      return G_SOURCE_REMOVE;
    }
  /* Renamed in the worker now: this draft follows the rename. */
  if (is_renaming (self))
    {
      self->pending = TRUE;
      return G_SOURCE_REMOVE;
    }
  stop_slices (self);
  begin_slices (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (GkDraft *self,
          guint    delay)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay, gk_draft_timeout, self);
}

/* Every edit pushes the write back, so that typing is not interrupted; a
 * draft being written is of a state gone now, so it is dropped. */
static void
gk_draft_document_changed (GkDraft *self)
{
  if (!self->enabled)
    return;
  stop_slices (self);
  schedule (self, self->delay);
}

/* Takes over the files of a restored draft, which stays unsaved work. */
void
gk_draft_adopt (GkDraft *self,
                GFile   *location)
{
  g_return_if_fail (GK_IS_DRAFT (self));
  g_return_if_fail (G_IS_FILE (location));

  g_set_object (&self->location, location);
  self->dirty = TRUE;
  if (self->enabled)
    {
      g_autoptr(GError) error = NULL;

      /* Now this process's: not an orphan any more. */
      if (!gk_draft_write (self, &error))
        g_warning ("Cannot write the draft of unsaved changes: %s", error->message);
    }
}

/* Forgets the draft: after a save, or when the changes are thrown away. */
void
gk_draft_discard (GkDraft *self)
{
  g_return_if_fail (GK_IS_DRAFT (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_slices (self);
  /* A rename under way would bring the files back after the delete. */
  wait_for_rename (self);
  self->pending = FALSE;
  self->generation++;
  self->dirty = FALSE;
  if (self->location != NULL)
    gk_draft_delete (self->location);
}

/* The document was written to its file. The draft goes only when the
 * save caught everything (the document is unmodified now); an edit made
 * while the file was being written is in no file yet, so the draft is
 * written again at once rather than waiting for the timer. */
gboolean
gk_draft_document_saved (GkDraft  *self,
                         GError  **error)
{
  g_return_val_if_fail (GK_IS_DRAFT (self), FALSE);

  if (!gk_document_get_modified (self->document))
    {
      gk_draft_discard (self);
      return TRUE;
    }
  self->dirty = FALSE;
  if (!self->enabled)
    return TRUE;
  return gk_draft_write (self, error);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename ((GFile *) a);
  g_autofree char *name_b = g_file_get_basename ((GFile *) b);

  return -g_utf8_collate (name_a, name_b);
}

static gboolean
process_is_alive (gint64 pid)
{
  if (pid <= 0 || pid == getpid ())
    return pid == getpid ();
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

/* The drafts no running Gongkai writes, newest first. */
GList *
gk_draft_list_orphans (GFile *directory)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GList *orphans = NULL;
  GFileInfo *child;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (children == NULL)
    return NULL;
  while ((child = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = child;
      const char *name = g_file_info_get_name (child);
      g_autoptr(GFile) location = NULL;
      g_autoptr(GFile) info = NULL;
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      g_autofree char *info_path = NULL;

      if (!g_str_has_suffix (name, ".gongkai"))
        continue;
      location = g_file_get_child (directory, name);
      info = info_file (location);
      info_path = g_file_get_path (info);
      if (!g_key_file_load_from_file (keyfile, info_path, G_KEY_FILE_NONE, NULL) ||
          process_is_alive (g_key_file_get_int64 (keyfile, INFO_GROUP, "pid", NULL)))
        continue;
      orphans = g_list_prepend (orphans, g_steal_pointer (&location));
    }
  /* Names start with the time of writing. */
  return g_list_sort (orphans, compare_newest_first);
}

/* Reads a draft, and the file it belongs to (NULL for a document never
 * saved). */
GkDocument *
gk_draft_load (GFile   *location,
               GFile  **file,
               GError **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GFile) info = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (location), NULL);

  if (file != NULL)
    {
      *file = NULL;
      info = info_file (location);
      info_path = g_file_get_path (info);
      if (g_key_file_load_from_file (keyfile, info_path, G_KEY_FILE_NONE, NULL))
        uri = g_key_file_get_string (keyfile, INFO_GROUP, "file", NULL);
      if (uri != NULL && uri[0] != '\0')
        *file = g_file_new_for_uri (uri);
    }
  return gk_document_load (location, NULL, error);
}

GkDraft *
gk_draft_new (GkDocument *document,
              GFile      *directory)
{
  GkDraft *self;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  self = g_object_new (GK_TYPE_DRAFT, NULL);
  self->document = g_object_ref (document);
  self->directory = g_object_ref (directory);
  g_signal_connect_object (document, "changed", G_CALLBACK (gk_draft_document_changed),
                           self, G_CONNECT_SWAPPED);
  return self;
}

static void
gk_draft_dispose (GObject *object)
{
  GkDraft *self = GK_DRAFT (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_slices (self);
  wait_for_rename (self);
  g_clear_object (&self->document);
  g_clear_object (&self->directory);
  g_clear_object (&self->location);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (gk_draft_parent_class)->dispose (object);
}

static void
gk_draft_finalize (GObject *object)
{
  GkDraft *self = GK_DRAFT (object);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->renamed);

  G_OBJECT_CLASS (gk_draft_parent_class)->finalize (object);
}

static void
gk_draft_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  GkDraft *self = GK_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_draft_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  GkDraft *self = GK_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      gk_draft_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_DELAY:
      gk_draft_set_delay (self, g_value_get_uint (value));
      break;
    case PROP_FILE:
      gk_draft_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_draft_class_init (GkDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_draft_dispose;
  object_class->finalize = gk_draft_finalize;
  object_class->get_property = gk_draft_get_property;
  object_class->set_property = gk_draft_set_property;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Milliseconds between the last edit and the write. */
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXUINT, DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[WRITTEN] =
    g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gk_draft_init (GkDraft *self)
{
  self->enabled = TRUE;
  self->delay = DEFAULT_DELAY_MS;
  g_mutex_init (&self->lock);
  g_cond_init (&self->renamed);
}
