/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gk-check-batch.h"
#include "gk-checker.h"
#include "gk-document-input.h"
#include "gk-template.h"

/* What a worker sends for one file: its length (guint32, host order),
 * then this GVariant: status, unit, year, template, errors, warnings,
 * reason, findings (rule, severity, place, message). */
#define RESULT_TYPE "(ususuusa(ssss))"
/* A worker's answer for one file: more would be a runaway, not findings. */
#define MAX_ANSWER  (64 * 1024 * 1024)
/* What a worker may allocate: a 256 MB file parses into a few GB at most;
 * beyond that it is a hostile one, and the worker stops instead of the
 * computer swapping. */
#define WORKER_MEMORY ((rlim_t) 6 * 1024 * 1024 * 1024)

/* AddressSanitizer maps terabytes of shadow memory: under it (a developer's
 * build) a worker would fail at its first allocation with any such limit. */
#if defined(__SANITIZE_ADDRESS__)
#define GK_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GK_ADDRESS_SANITIZER 1
#endif
#endif

typedef struct
{
  GPid     pid;
  int      to_worker;    /* file indexes */
  int      from_worker;  /* answers */
  gint     file;         /* the file it works on, or -1 when idle */
  gint64   deadline;     /* monotonic µs, or 0 */
  GString *answer;
} Worker;

typedef struct
{
  const char * const   *paths;
  guint                 n_paths;
  const GkBatchOptions *options;
  Worker               *workers;
  guint                 n_workers;
} Pool;

void
gk_batch_result_free (GkBatchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_free (result->unit);
  g_free (result->template_id);
  g_free (result->reason);
  g_clear_pointer (&result->findings, g_ptr_array_unref);
  g_free (result);
}

static void
finding_free (GkBatchFinding *finding)
{
  g_free (finding->rule);
  g_free (finding->severity);
  g_free (finding->place);
  g_free (finding->message);
  g_free (finding);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      size -= n;
    }
  return TRUE;
}

static gboolean
read_all (int     fd,
          guint8 *data,
          gsize   size)
{
  while (size > 0)
    {
      gssize n = read (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      size -= n;
    }
  return TRUE;
}

/* -- The worker ---------------------------------------------------------- */

/* A hostile file may hold a unit name of megabytes: a line of the summary
 * or a spreadsheet cell (at most 32 767 characters) has no room for it. */
#define MAX_NAME_CHARS    200
#define MAX_MESSAGE_CHARS 2000

static char *
clip (const char *text,
      glong       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *head = NULL;

  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_steal_pointer (&valid);
  head = g_utf8_substring (valid, 0, max_chars - 1);
  return g_strconcat (head, "…", NULL);
}

static char *
places_text (GkFinding *finding)
{
  guint n = gk_finding_get_n_places (finding);
  GString *text;

  if (n == 0)
    return g_strdup ("document");
  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *place = gk_place_to_string (gk_finding_get_place (finding, i));

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, place);
    }
  return g_string_free (text, FALSE);
}

static GVariant *
check_file (const char *path,
            gboolean    keep_findings)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkChecker) checker = NULL;
  GVariantBuilder findings;
  g_autofree char *unit = NULL;

  g_variant_builder_init (&findings, G_VARIANT_TYPE ("a(ssss)"));
  document = gk_document_open (file, NULL, &error);
  if (document == NULL)
    {
      /* A file's name in the message need not be UTF-8; a GVariant string must. */
      g_autofree char *reason = clip (error->message, MAX_MESSAGE_CHARS);

      return g_variant_new (RESULT_TYPE, GK_BATCH_UNREADABLE, "", 0, "", 0, 0,
                            reason, &findings);
    }

  checker = gk_checker_new (document);
  for (guint i = 0; keep_findings && i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    {
      g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);
      g_autofree char *places = places_text (finding);
      g_autofree char *place = clip (places, MAX_MESSAGE_CHARS);
      g_autofree char *message = clip (gk_finding_get_message (finding), MAX_MESSAGE_CHARS);

      g_variant_builder_add (&findings, "(ssss)",
                             gk_finding_get_rule_id (finding),
                             gk_check_severity_to_string (gk_finding_get_severity (finding)),
                             place, message);
    }
  unit = clip (gk_document_get_unit (document), MAX_NAME_CHARS);
  return g_variant_new (RESULT_TYPE, GK_BATCH_CHECKED, unit,
                        gk_document_get_year (document),
                        gk_template_get_id (gk_document_get_template (document)),
                        gk_checker_get_n_errors (checker), gk_checker_get_n_warnings (checker),
                        "", &findings);
}

G_GNUC_NORETURN static void
worker_main (Pool *pool,
             int   requests,
             int   answers)
{
  struct rlimit no_core = { 0, 0 };
#ifndef GK_ADDRESS_SANITIZER
  struct rlimit memory = { WORKER_MEMORY, WORKER_MEMORY };
#endif
  guint32 index;

  /* Gone with the command, even when it is killed. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  /* A crash is reported; a core file in the reviewer's folder is not wanted. */
  setrlimit (RLIMIT_CORE, &no_core);
#ifndef GK_ADDRESS_SANITIZER
  setrlimit (RLIMIT_AS, &memory);
#endif

  while (read_all (requests, (guint8 *) &index, sizeof index) && index < pool->n_paths)
    {
      g_autoptr(GVariant) result = NULL;
      guint32 size;

      if (pool->options->before_file != NULL)
        pool->options->before_file (pool->paths[index]);
      result = g_variant_ref_sink (check_file (pool->paths[index], pool->options->keep_findings));
      size = g_variant_get_size (result);
      if (!write_all (answers, (const guint8 *) &size, sizeof size) ||
          !write_all (answers, g_variant_get_data (result), size))
        break;
    }
  _exit (0);
}

/* -- The pool ------------------------------------------------------------- */

static gboolean
worker_start (Pool   *pool,
              Worker *worker)
{
  int requests[2], answers[2];
  pid_t pid;

  if (!g_unix_open_pipe (requests, FD_CLOEXEC, NULL))
    return FALSE;
  if (!g_unix_open_pipe (answers, FD_CLOEXEC, NULL))
    {
      close (requests[0]);
      close (requests[1]);
      return FALSE;
    }
  /* What stdio holds would otherwise be written twice. */
  fflush (NULL);
  pid = fork ();
  if (pid == 0)
    {
      /* The other workers' pipes: a worker holding them would keep them
       * from closing when their own worker ends. */
      for (guint i = 0; i < pool->n_workers; i++)
        if (&pool->workers[i] != worker && pool->workers[i].pid > 0)
          {
            close (pool->workers[i].to_worker);
            close (pool->workers[i].from_worker);
          }
      close (requests[1]);
      close (answers[0]);
      worker_main (pool, requests[0], answers[1]);
    }
  close (requests[0]);
  close (answers[1]);
  if (pid < 0)
    {
      close (requests[1]);
      close (answers[0]);
      return FALSE;
    }
  fcntl (answers[0], F_SETFL, fcntl (answers[0], F_GETFL) | O_NONBLOCK);
  worker->pid = pid;
  worker->to_worker = requests[1];
  worker->from_worker = answers[0];
  worker->file = -1;
  worker->deadline = 0;
  g_string_truncate (worker->answer, 0);
  return TRUE;
}

/* Ends the worker's process for good and says how it ended. */
static int
worker_stop (Worker   *worker,
             gboolean  kill_it)
{
  int status = 0;

  if (worker->pid <= 0)
    return 0;
  close (worker->to_worker);
  close (worker->from_worker);
  if (kill_it)
    kill (worker->pid, SIGKILL);
  while (waitpid (worker->pid, &status, 0) < 0 && errno == EINTR)
    ;
  worker->pid = 0;
  worker->file = -1;
  return status;
}

static GkBatchResult *
result_new (Pool          *pool,
            guint          index,
            GkBatchStatus  status,
            const char    *reason)
{
  GkBatchResult *result = g_new0 (GkBatchResult, 1);

  result->path = g_strdup (pool->paths[index]);
  result->status = status;
  result->unit = g_strdup ("");
  result->template_id = g_strdup ("");
  result->reason = g_strdup (reason);
  if (pool->options->keep_findings)
    result->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) finding_free);
  return result;
}

static GkBatchResult *
result_from_answer (Pool       *pool,
                    guint       index,
                    GString    *answer)
{
  g_autoptr(GBytes) bytes = g_bytes_new (answer->str + sizeof (guint32), answer->len - sizeof (guint32));
  g_autoptr(GVariant) variant = g_variant_new_from_bytes (G_VARIANT_TYPE (RESULT_TYPE), bytes, FALSE);
  g_autoptr(GVariantIter) findings = NULL;
  GkBatchResult *result;
  const char *unit, *template_id, *reason;
  const char *rule, *severity, *place, *message;
  guint32 status;

  g_variant_get (variant, "(u&su&suu&sa(ssss))", &status, &unit, NULL, &template_id,
                 NULL, NULL, &reason, &findings);
  result = result_new (pool, index, status <= GK_BATCH_CRASHED ? status : GK_BATCH_CRASHED,
                       *reason != '\0' ? reason : NULL);
  g_free (result->unit);
  g_free (result->template_id);
  g_variant_get (variant, "(u&su&suu&sa(ssss))", NULL, &unit, &result->year, NULL,
                 &result->n_errors, &result->n_warnings, NULL, NULL);
  result->unit = g_strdup (unit);
  result->template_id = g_strdup (template_id);
  while (result->findings != NULL &&
         g_variant_iter_next (findings, "(&s&s&s&s)", &rule, &severity, &place, &message))
    {
      GkBatchFinding *finding = g_new (GkBatchFinding, 1);

      finding->rule = g_strdup (rule);
      finding->severity = g_strdup (severity);
      finding->place = g_strdup (place);
      finding->message = g_strdup (message);
      g_ptr_array_add (result->findings, finding);
    }
  return result;
}

static char *
describe_end (int status)
{
  if (WIFSIGNALED (status))
    /* TRANSLATORS: why a file could not be checked: checking it crashed, %d is the signal */
    return g_strdup_printf (_("checking it stopped unexpectedly (signal %d)"), WTERMSIG (status));
  /* TRANSLATORS: why a file could not be checked: checking it ended without an answer */
  return g_strdup_printf (_("checking it stopped unexpectedly (exit status %d)"),
                          WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

/* Reads what the worker has sent. Returns a result once its answer is
 * whole or it has ended without one; NULL while it is still working. */
static GkBatchResult *
worker_collect (Pool   *pool,
                Worker *worker)
{
  guint8 buffer[65536];
  guint index = worker->file;

  for (;;)
    {
      gssize n = read (worker->from_worker, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        break;
      if (n <= 0)
        {
          g_autofree char *reason = describe_end (worker_stop (worker, TRUE));

          worker_start (pool, worker);
          return result_new (pool, index, GK_BATCH_CRASHED, reason);
        }
      g_string_append_len (worker->answer, (const char *) buffer, n);
    }

  if (worker->answer->len >= sizeof (guint32))
    {
      guint32 size;

      memcpy (&size, worker->answer->str, sizeof size);
      if (size > MAX_ANSWER)
        {
          worker_stop (worker, TRUE);
          worker_start (pool, worker);
          return result_new (pool, index, GK_BATCH_CRASHED,
                             _("checking it stopped unexpectedly (its answer is too large)"));
        }
      if (worker->answer->len >= sizeof size + size)
        {
          GkBatchResult *result = result_from_answer (pool, index, worker->answer);

          g_string_truncate (worker->answer, 0);
          worker->file = -1;
          worker->deadline = 0;
          return result;
        }
    }
  return NULL;
}

static gboolean
worker_give (Pool   *pool,
             Worker *worker,
             guint   index)
{
  guint32 request = index;

  if (!write_all (worker->to_worker, (const guint8 *) &request, sizeof request))
    return FALSE;
  worker->file = index;
  worker->deadline = pool->options->time_limit > 0
                       ? g_get_monotonic_time () + (gint64) pool->options->time_limit * G_USEC_PER_SEC
                       : 0;
  return TRUE;
}

/**
 * gk_check_batch_run:
 * @paths: the files, in the order their results are told
 * @ready: (nullable): told each result in order
 *
 * Returns: (transfer full) (element-type GkBatchResult): a result per file,
 *   in the order of @paths
 */
GPtrArray *
gk_check_batch_run (const char * const   *paths,
                    const GkBatchOptions *options,
                    GkBatchResultFunc     ready,
                    gpointer              user_data)
{
  g_autofree GkBatchResult **results = NULL;
  g_autofree struct pollfd *fds = NULL;
  g_autofree Worker **polled = NULL;
  GPtrArray *all;
  Pool pool = { paths, g_strv_length ((char **) paths), options, NULL, 0 };
  guint next = 0, told = 0, n_done = 0;
  void (*old_pipe) (int);

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  results = g_new0 (GkBatchResult *, pool.n_paths + 1);
  pool.n_workers = options->n_workers > 0 ? options->n_workers : (guint) g_get_num_processors ();
  pool.n_workers = CLAMP (pool.n_workers, 1, MAX (pool.n_paths, 1));
  pool.workers = g_new0 (Worker, pool.n_workers);
  fds = g_new0 (struct pollfd, pool.n_workers);
  polled = g_new0 (Worker *, pool.n_workers);
  /* A worker that dies while it is given a file must not end the command. */
  old_pipe = signal (SIGPIPE, SIG_IGN);
  /* Read once here, shared by every worker rather than read by each. */
  gk_template_get_default ();

  for (guint i = 0; i < pool.n_workers; i++)
    {
      pool.workers[i].answer = g_string_new (NULL);
      if (!worker_start (&pool, &pool.workers[i]))
        pool.workers[i].pid = 0;
    }

  while (n_done < pool.n_paths)
    {
      gint64 now, soonest = 0;
      guint n_polled = 0;
      int timeout = -1;
      int n_ready;

      for (guint i = 0; i < pool.n_workers; i++)
        {
          Worker *worker = &pool.workers[i];

          if (worker->pid <= 0 && !worker_start (&pool, worker))
            continue;
          while (worker->file < 0 && next < pool.n_paths)
            {
              if (worker_give (&pool, worker, next))
                {
                  next++;
                  break;
                }
              /* It died between two files: a new one takes the file. */
              worker_stop (worker, TRUE);
              if (!worker_start (&pool, worker))
                break;
            }
          if (worker->file >= 0)
            {
              fds[n_polled] = (struct pollfd) { worker->from_worker, POLLIN, 0 };
              polled[n_polled++] = worker;
              if (worker->deadline > 0 && (soonest == 0 || worker->deadline < soonest))
                soonest = worker->deadline;
            }
        }
      if (n_polled == 0)
        {
          /* No worker can be started (out of processes): say so for
           * every file left rather than wait for ever. */
          for (; next < pool.n_paths; next++, n_done++)
            results[next] = result_new (&pool, next, GK_BATCH_CRASHED, g_strerror (EAGAIN));
          break;
        }

      now = g_get_monotonic_time ();
      if (soonest > 0)
        timeout = (int) MAX (0, (soonest - now + 999) / 1000);
      n_ready = poll (fds, n_polled, timeout);
      if (n_ready < 0 && errno != EINTR)
        g_error ("poll: %s", g_strerror (errno));

      now = g_get_monotonic_time ();
      for (guint i = 0; i < n_polled; i++)
        {
          Worker *worker = polled[i];
          GkBatchResult *result = NULL;
          guint index = worker->file;

          if (n_ready > 0 && fds[i].revents != 0)
            result = worker_collect (&pool, worker);
          if (result == NULL && worker->deadline > 0 && now >= worker->deadline)
            {
              g_autofree char *reason = NULL;

              worker_stop (worker, TRUE);
              worker_start (&pool, worker);
              /* TRANSLATORS: why a file could not be checked; %u is the --time-limit in seconds */
              reason = g_strdup_printf (_("checking it took longer than the time limit of %u s"),
                                        options->time_limit);
              result = result_new (&pool, index, GK_BATCH_TIMED_OUT, reason);
            }
          if (result != NULL)
            {
              results[index] = result;
              n_done++;
            }
        }

      for (; told < pool.n_paths && results[told] != NULL; told++)
        if (ready != NULL)
          ready (results[told], user_data);
    }
  for (; told < pool.n_paths && results[told] != NULL; told++)
    if (ready != NULL)
      ready (results[told], user_data);

  for (guint i = 0; i < pool.n_workers; i++)
    {
      worker_stop (&pool.workers[i], FALSE);
      g_string_free (pool.workers[i].answer, TRUE);
    }
  g_free (pool.workers);
  signal (SIGPIPE, old_pipe);

  all = g_ptr_array_new_full (pool.n_paths, (GDestroyNotify) gk_batch_result_free);
  for (guint i = 0; i < pool.n_paths; i++)
    g_ptr_array_add (all, results[i]);
  return all;
}
