/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "gk-checker.h"
#include "gk-cli-private.h"
#include "gk-narrative.h"

/* A document of a thousand 项 can hold hundreds; the first ones say
 * what is missing, the count says how much. */
#define MAX_LISTED 20

/* What the summary says of the document, worked out before it is printed. */
typedef struct
{
  guint    n_errors;
  guint    n_warnings;
  guint    n_missing;
  GString *places;   /* the first MAX_LISTED placeholders, a line each */
} Findings;

static void
findings_clear (Findings *findings)
{
  if (findings->places != NULL)
    g_string_free (findings->places, TRUE);
  findings->places = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Findings, findings_clear)

/* The red placeholders of 情况说明 that reach the PDF, by section title
 * and paragraph. The composition is one the PDF's layout could have
 * made: nothing of it is kept for the next, which no one makes. */
static guint
list_missing (GkDocument *document,
              GString    *places)
{
  g_autoptr(GPtrArray) sections = gk_narrative_compose_unkept (document);
  guint n = 0;

  for (guint s = 0; s < sections->len; s++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          for (guint i = 0; paragraph->spans != NULL && i < paragraph->spans->len; i++)
            {
              const GkSpan *span = g_ptr_array_index (paragraph->spans, i);

              if (span->kind != GK_SPAN_MISSING)
                continue;
              if (++n <= MAX_LISTED)
                g_string_append_printf (places, "  %s (%s) %s\n", section->title ? section->title : "",
                                        paragraph->id, span->text ? span->text : "");
            }
        }
    }
  return n;
}

static void
find (GkDocument *document,
      Findings   *findings)
{
  g_autoptr(GkChecker) checker = gk_checker_new_unwatched (document);

  findings->n_errors = gk_checker_get_n_errors (checker);
  findings->n_warnings = gk_checker_get_n_warnings (checker);
  findings->places = g_string_new (NULL);
  findings->n_missing = list_missing (document, findings->places);
  /* The checks' compositions kept 情况说明 for the next: there is none. */
  gk_narrative_forget (document);
}

static void
print (const Findings *findings,
       const char     *out,
       guint           n_pages)
{
  g_autofree char *pages = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);
  g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", findings->n_errors),
                                             findings->n_errors);
  g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", findings->n_warnings),
                                               findings->n_warnings);
  guint n_missing = findings->n_missing;

  /* TRANSLATORS: after --export-pdf: "out.pdf: 22 pages; checks: 0 errors, 1 warning" */
  g_print (_("%s: %s; checks: %s, %s\n"), out, pages, errors, warnings);
  if (n_missing > 0)
    {
      g_print (ngettext ("%u placeholder still to fill in is printed in red:\n",
                         "%u placeholders still to fill in are printed in red:\n", n_missing), n_missing);
      g_print ("%s", findings->places->str);
      if (n_missing > MAX_LISTED)
        /* TRANSLATORS: after the first placeholders of a long list */
        g_print (ngettext ("  … and %u more\n", "  … and %u more\n", n_missing - MAX_LISTED),
                 n_missing - MAX_LISTED);
    }
  if (findings->n_errors > 0)
    g_print (_("The document has errors: see them with gongkai --check before publishing this PDF\n"));
}

/**
 * _gk_cli_pdf_summary:
 *
 * Prints one line on the PDF just written (its pages and the findings of
 * the checks), then what a reader should not see printed: the errors and
 * the placeholders still in red.
 *
 * Returns: %FALSE when the document has error-severity findings
 */
gboolean
_gk_cli_pdf_summary (GkDocument *document,
                     const char *out,
                     guint       n_pages)
{
  g_auto(Findings) findings = { 0, };

  find (document, &findings);
  print (&findings, out, n_pages);
  return findings.n_errors == 0;
}

/* The summary worked out on a thread of its own while the PDF's pages
 * are drawn ---------------------------------------------------------------- */

struct _GkCliSummary
{
  GkDocument *document;
  GMutex      lock;       /* who has the document: the writer, or the thread */
  GThread    *thread;
  gboolean    wanted;     /* FALSE: the export failed, nothing to work out */
  Findings    findings;
  gint64      cpu_usec;   /* the thread's, for GK_DEBUG_TIMING */
};

static gint64
thread_cpu_usec (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    return 0;
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gpointer
summary_thread (gpointer data)
{
  GkCliSummary *self = data;
  gint64 start;

  /* The writer lets go of the document once it is laid out. */
  g_mutex_lock (&self->lock);
  if (self->wanted)
    {
      start = thread_cpu_usec ();
      find (self->document, &self->findings);
#ifdef __GLIBC__
      /* What the checks held sits in this thread's own heap, which the
       * allocator keeps for it (gk-cli-malloc.c) though it allocates no
       * more: handed back, the pages drawn meanwhile stay within the
       * memory an export took before the summary had a thread. */
      malloc_trim (0);
#endif
      self->cpu_usec = thread_cpu_usec () - start;
    }
  g_mutex_unlock (&self->lock);
  return NULL;
}

/**
 * _gk_cli_summary_start:
 *
 * Starts working out the summary of @document on another thread, which
 * waits for the document until the caller's PDF writer lets go of it
 * (gk_pdf_writer_set_document_lock() with _gk_cli_summary_get_lock()).
 * The calling thread holds the lock until then; end with
 * _gk_cli_summary_finish() on this thread.
 */
GkCliSummary *
_gk_cli_summary_start (GkDocument *document)
{
  GkCliSummary *self = g_new0 (GkCliSummary, 1);

  self->document = g_object_ref (document);
  self->wanted = TRUE;
  g_mutex_init (&self->lock);
  g_mutex_lock (&self->lock);
  self->thread = g_thread_new ("gk-pdf-summary", summary_thread, self);
  return self;
}

GMutex *
_gk_cli_summary_get_lock (GkCliSummary *self)
{
  return &self->lock;
}

/**
 * _gk_cli_summary_finish:
 * @out: (nullable): the PDF written, or %NULL when the export failed:
 *   nothing is printed then
 * @n_pages: its pages
 *
 * Lets go of the document, waits for the thread, prints what
 * _gk_cli_pdf_summary() prints and frees @self.
 *
 * Returns: %FALSE when the document has error-severity findings (or
 *   nothing was printed)
 */
gboolean
_gk_cli_summary_finish (GkCliSummary *self,
                        const char   *out,
                        guint         n_pages)
{
  gboolean ok = FALSE;

  /* Still held by this thread: the thread reads wanted after it. */
  self->wanted = out != NULL;
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);
  if (out != NULL)
    {
      if (g_getenv ("GK_DEBUG_TIMING") != NULL)
        g_printerr ("summary: %.3f s CPU on its own thread\n", self->cpu_usec / (double) G_USEC_PER_SEC);
      print (&self->findings, out, n_pages);
      ok = self->findings.n_errors == 0;
    }
  findings_clear (&self->findings);
  g_mutex_clear (&self->lock);
  g_object_unref (self->document);
  g_free (self);
  return ok;
}
