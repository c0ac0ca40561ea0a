/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-document-private.h"
#include "gk-narrative-private.h"

/* The paragraphs, spans and the helpers that write them. The sections
 * themselves are in gk-narrative-sections.c. */


static void
gk_span_free (gpointer data)
{
  GkSpan *span = data;

  g_free (span->text);
  g_free (span->source);
  g_free (span);
}

static GkSpan *
gk_span_new (GkSpanKind  kind,
             const char *text,
             const char *source)
{
  GkSpan *span = g_new0 (GkSpan, 1);

  span->kind = kind;
  span->text = g_strdup (text);
  span->source = g_strdup (source);
  return span;
}

static GkParagraph *
gk_paragraph_new (const char       *id,
                  GkParagraphStyle  style,
                  GkProject        *project)
{
  GkParagraph *paragraph = g_new0 (GkParagraph, 1);

  g_ref_count_init (&paragraph->ref_count);
  paragraph->id = g_strdup (id);
  paragraph->style = style;
  paragraph->spans = g_ptr_array_new_with_free_func (gk_span_free);
  paragraph->project = project != NULL ? g_object_ref (project) : NULL;
  return paragraph;
}

GkParagraph *
gk_paragraph_ref (GkParagraph *paragraph)
{
  g_ref_count_inc (&paragraph->ref_count);
  return paragraph;
}

void
gk_paragraph_unref (gpointer data)
{
  GkParagraph *paragraph = data;

  if (!g_ref_count_dec (&paragraph->ref_count))
    return;
  g_free (paragraph->id);
  g_ptr_array_unref (paragraph->spans);
  g_clear_object (&paragraph->project);
  g_free (paragraph);
}

/* A paragraph about to differ from the one a block shares: a copy takes
 * its place in @paragraphs. */
static GkParagraph *
gk_paragraph_own (GPtrArray *paragraphs,
                  guint      index)
{
  GkParagraph *paragraph = g_ptr_array_index (paragraphs, index);
  GkParagraph *copy;

  if (g_ref_count_compare (&paragraph->ref_count, 1))
    return paragraph;
  copy = gk_paragraph_new (paragraph->id, paragraph->style, paragraph->project);
  copy->hand_written = paragraph->hand_written;
  copy->off = paragraph->off;
  for (guint i = 0; i < paragraph->spans->len; i++)
    {
      const GkSpan *span = g_ptr_array_index (paragraph->spans, i);

      g_ptr_array_add (copy->spans, gk_span_new (span->kind, span->text, span->source));
    }
  paragraphs->pdata[index] = copy;
  gk_paragraph_unref (paragraph);
  return copy;
}

static void
gk_narrative_section_free (gpointer data)
{
  GkNarrativeSection *section = data;

  g_free (section->title);
  g_ptr_array_unref (section->paragraphs);
  g_free (section->id);
  g_free (section->part);
  g_free (section);
}

/* "十一" past ten, should a template ever add sections. */
char *
gk_narrative_chinese_number (guint number)
{
  return gk_chinese_number (number);
}

/* Composer ----------------------------------------------------------------- */

void
gk_composer_init (GkComposer *c,
                  GkDocument *document)
{
  memset (c, 0, sizeof *c);
  c->document = document;
  c->explanation = gk_document_get_explanation (document);
  c->stored_unit = gk_document_get_money_unit (document);
  c->text_unit = gk_template_get_text_unit (gk_document_get_template (document), c->stored_unit);
  c->money_unit = gk_money_unit_to_string (c->text_unit);
  c->sections = g_ptr_array_new_with_free_func (gk_narrative_section_free);
  gk_composer_init_memos (c);
}

void
gk_composer_section (GkComposer *c,
                     const char *title)
{
  GkNarrativeSection *section = g_new0 (GkNarrativeSection, 1);

  section->number = c->sections->len + 1;
  section->title = g_strdup (title);
  section->paragraphs = g_ptr_array_new_with_free_func (gk_paragraph_unref);
  g_ptr_array_add (c->sections, section);
  c->section = section;
  c->paragraph = NULL;
}

/* Ids are built by the caller from the section, a key, a code or a project
 * id, never from a position, so that hand-written text stays attached to its
 * paragraph when rows and projects come and go. */
GkParagraph *
gk_composer_paragraph (GkComposer       *c,
                       GkParagraphStyle  style,
                       const char       *id_format,
                       ...)
{
  GkParagraph *paragraph;
  g_autofree char *id = NULL;
  va_list args;

  g_assert (c->section != NULL);

  va_start (args, id_format);
  id = g_strdup_vprintf (id_format, args);
  va_end (args);
  paragraph = gk_paragraph_new (id, style, NULL);
  g_ptr_array_add (c->section->paragraphs, paragraph);
  c->paragraph = paragraph;
  return paragraph;
}

void
gk_composer_span (GkComposer *c,
                  GkSpanKind  kind,
                  const char *text,
                  const char *source)
{
  GkSpan *span;

  g_assert (c->paragraph != NULL);

  if (text == NULL || text[0] == '\0')
    return;

  /* Consecutive fixed wording is one span: views and checks then see the
   * sentence as written, not as the code assembled it. */
  if (kind == GK_SPAN_TEXT && c->paragraph->spans->len > 0)
    {
      GkSpan *last = g_ptr_array_index (c->paragraph->spans, c->paragraph->spans->len - 1);
      if (last->kind == GK_SPAN_TEXT)
        {
          char *joined = g_strconcat (last->text, text, NULL);
          g_free (last->text);
          last->text = joined;
          return;
        }
    }

  span = gk_span_new (kind, text, source);
  g_ptr_array_add (c->paragraph->spans, span);
}

void
gk_composer_text (GkComposer *c,
                  const char *text)
{
  gk_composer_span (c, GK_SPAN_TEXT, text, NULL);
}

void
gk_composer_figure (GkComposer *c,
                    const char *text,
                    const char *source_format,
                    ...)
{
  g_autofree char *source = NULL;
  va_list args;

  va_start (args, source_format);
  source = g_strdup_vprintf (source_format, args);
  va_end (args);
  gk_composer_span (c, GK_SPAN_FIGURE, text, source);
}

/* An amount and the unit 情况说明 states money in: "355.08万元". A 元
 * document whose template writes 情况说明 in 万元 says 1.23万元 for
 * 12 345.67元, rounded half away from zero as the tables round; the
 * checker reads the sentence back in the unit written. */
void
gk_composer_amount (GkComposer *c,
                    GkAmount    amount,
                    const char *source)
{
  GkAmount stated = amount;
  g_autofree char *text = NULL;

  if (!gk_amount_convert (amount, c->stored_unit, c->text_unit, &stated, NULL))
    stated = amount < 0 ? GK_AMOUNT_MIN : GK_AMOUNT_MAX;
  text = gk_amount_format (stated);

  gk_composer_span (c, GK_SPAN_FIGURE, text, source);
  gk_composer_text (c, c->money_unit);
}

void
gk_composer_percent (GkComposer *c,
                     gint        basis_points,
                     const char *source)
{
  g_autofree char *text = gk_percent_format (basis_points);

  gk_composer_span (c, GK_SPAN_FIGURE, text, source);
}

void
gk_composer_count (GkComposer *c,
                   gint64      count,
                   const char *source)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  gk_composer_span (c, GK_SPAN_FIGURE, text, source);
}

void
gk_composer_unit_name (GkComposer *c)
{
  const char *unit = gk_document_get_unit (c->document);

  if (unit == NULL || unit[0] == '\0')
    gk_composer_span (c, GK_SPAN_MISSING, "（单位名称未填写）", "document/unit");
  else
    gk_composer_span (c, GK_SPAN_FIGURE, unit, "document/unit");
}

/* "2020年" */
void
gk_composer_year (GkComposer *c)
{
  g_autofree char *year = g_strdup_printf ("%u", gk_document_get_year (c->document));

  gk_composer_span (c, GK_SPAN_FIGURE, year, "document/year");
  gk_composer_text (c, "年");
}

/* What the user typed, as typed (a policy basis may end with 。 or not);
 * `missing` stands in when nothing was typed. */
void
gk_composer_typed (GkComposer *c,
                   const char *text,
                   const char *source,
                   const char *missing)
{
  g_autofree char *trimmed = gk_narrative_trim_typed (text, FALSE);

  if (trimmed[0] == '\0')
    gk_composer_span (c, GK_SPAN_MISSING, missing, source);
  else
    gk_composer_span (c, GK_SPAN_TYPED, trimmed, source);
}

char *
gk_narrative_trim_typed (const char *text,
                         gboolean    drop_end)
{
  static const char * const ends[] = { "。", "；", "，", ";", ",", ".", "、" };
  char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gboolean again = drop_end;

  while (again)
    {
      gsize len = strlen (trimmed);

      again = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
        if (g_str_has_suffix (trimmed, ends[i]))
          {
            trimmed[len - strlen (ends[i])] = '\0';
            g_strchomp (trimmed);
            again = TRUE;
            break;
          }
    }
  return trimmed;
}

/* A reason as the officer typed it, reduced to what follows 主要原因是. */
static char *
trim_reason (const char *reason)
{
  static const char * const leads[] = { "主要原因是：", "主要原因是:", "主要原因是", "主要原因：", "主要原因:", "原因是" };
  g_autofree char *trimmed = gk_narrative_trim_typed (reason, TRUE);
  const char *start = trimmed;

  for (guint i = 0; i < G_N_ELEMENTS (leads); i++)
    if (g_str_has_prefix (start, leads[i]))
      {
        start += strlen (leads[i]);
        break;
      }
  return g_strstrip (g_strdup (start));
}

/* "比上年减少79.14万元，下降18.23%，主要原因是…", "与上年持平", or the spans
 * that say what is still to be typed. The base of the percentage is always
 * last year's figure. */
void
gk_composer_change (GkComposer    *c,
                    const char    *key,
                    GkAmount       this_year,
                    GkChangeFlags  flags)
{
  GkPrior *prior = gk_explanation_lookup_prior (c->explanation, key);
  g_autofree char *amount_source = g_strdup_printf ("prior/%s/amount", key);
  g_autofree char *reason_source = g_strdup_printf ("prior/%s/reason", key);
  g_autofree char *reason = NULL;
  const char *last_year_word = "上年";
  GkAmount last_year;
  GkAmount difference;
  gint basis_points;

  if (prior == NULL)
    {
      gk_composer_span (c, GK_SPAN_MISSING, "（上年数未填写）", amount_source);
      return;
    }

  last_year = gk_prior_get_amount (prior);
  if (flags & GK_CHANGE_SHOW_BASIS)
    last_year_word = g_strcmp0 (gk_prior_get_basis (prior), GK_PRIOR_BASIS_ACTUAL) == 0
                     ? "上年执行数" : "上年预算数";

  if (!gk_amount_sub (this_year, last_year, &difference))
    {
      /* Not a figure anyone budgets; say nothing rather than wrap around. */
      gk_composer_span (c, GK_SPAN_MISSING, "（上年数超出范围）", amount_source);
      return;
    }

  if (difference == 0)
    {
      gk_composer_text (c, "与");
      gk_composer_text (c, last_year_word);
      gk_composer_text (c, "持平");
    }
  else
    {
      g_autofree char *change_source = g_strdup_printf ("prior/%s/change", key);

      gk_composer_text (c, "比");
      gk_composer_text (c, last_year_word);
      gk_composer_text (c, difference > 0 ? "增加" : "减少");
      gk_composer_amount (c, difference > 0 ? difference : -difference, change_source);
      if (gk_amount_change (this_year, last_year, &basis_points))
        {
          g_autofree char *percent_source = g_strdup_printf ("prior/%s/percent", key);

          gk_composer_text (c, difference > 0 ? "，增长" : "，下降");
          gk_composer_percent (c, ABS (basis_points), percent_source);
        }
    }

  reason = trim_reason (gk_prior_get_reason (prior));
  if (reason[0] != '\0')
    {
      gk_composer_text (c, "，主要原因是");
      gk_composer_span (c, GK_SPAN_TYPED, reason, reason_source);
    }
  else if (difference != 0 && !(flags & GK_CHANGE_REASON_OPTIONAL))
    {
      gk_composer_text (c, "，主要原因是");
      gk_composer_span (c, GK_SPAN_MISSING, "（原因未填写）", reason_source);
    }
}

/* Replaces the composed paragraphs the officer has rewritten. A 绩效目标表
 * is a table drawn from the project, not text, so it cannot be. */
void
gk_composer_apply_hand_written (GkComposer *c)
{
  g_auto(GStrv) ids = gk_explanation_dup_hand_written_ids (c->explanation);

  if (ids == NULL || ids[0] == NULL)
    return;
  for (guint s = 0; s < c->sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (c->sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          const char *text;
          g_autofree char *source = NULL;
          GkSpan *span;

          if (paragraph->style == GK_PARAGRAPH_PERFORMANCE)
            continue;
          text = gk_explanation_get_hand_written (c->explanation, paragraph->id);
          if (text == NULL)
            continue;

          source = g_strconcat ("hand-written/", paragraph->id, NULL);
          paragraph = gk_paragraph_own (section->paragraphs, p);
          g_ptr_array_set_size (paragraph->spans, 0);
          span = gk_span_new (GK_SPAN_TYPED, text, source);
          g_ptr_array_add (paragraph->spans, span);
          paragraph->hand_written = TRUE;
        }
    }
}

/* Public API ---------------------------------------------------------------- */

/**
 * gk_narrative_compose:
 * @document: a document
 *
 * Writes 第三部分 情况说明 from the document as it is now. Compose again
 * after GkDocument::changed; a composition is shared only among the
 * handlers of one emission of it. The result is not to be changed.
 *
 * Returns: (transfer full) (element-type GkNarrativeSection): the
 *   sections of the template's outline (the ten of the seed when it has
 *   none), those with nothing to say left out
 */
typedef struct
{
  guint64    changes;
  GPtrArray *sections;
} ComposeCache;

static void
compose_cache_free (gpointer data)
{
  ComposeCache *cache = data;

  g_ptr_array_unref (cache->sections);
  g_free (cache);
}

static GPtrArray *
compose (GkDocument         *document,
         const char * const *only,
         gboolean            unkept)
{
  GkComposer c;
  ComposeCache *cache;

  /* After an edit, several checks and the views each compose the text
   * from the same state: while GkDocument::changed is emitted, the first
   * composition serves them all (none of them changes it). */
  cache = document->emitting > 0 ? g_object_get_data (G_OBJECT (document), GK_DOCUMENT_EMISSION_CACHE) : NULL;
  if (cache != NULL && cache->changes == document->changes)
    return g_ptr_array_ref (cache->sections);

  gk_composer_init (&c, document);
  c.only = only;
  c.unkept = unkept;
  gk_narrative_compose_outline (&c);
  gk_composer_apply_hand_written (&c);
  gk_narrative_add_strays (&c);
  gk_narrative_drop_off (&c);
  gk_composer_finish (&c);
  if (document->emitting > 0 && only == NULL)
    {
      cache = g_new0 (ComposeCache, 1);
      cache->changes = document->changes;
      cache->sections = g_ptr_array_ref (c.sections);
      g_object_set_data_full (G_OBJECT (document), GK_DOCUMENT_EMISSION_CACHE, cache, compose_cache_free);
    }
  return c.sections;
}

GPtrArray *
gk_narrative_compose (GkDocument *document)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  return compose (document, NULL, FALSE);
}

/**
 * gk_narrative_compose_unkept:
 * @document: a document
 *
 * As gk_narrative_compose(), for a reader that composes once and goes,
 * such as the PDF's layout: what earlier compositions kept for the next
 * one is used, and nothing more is kept. The paragraphs of 10 000
 * projects then do not stay in memory beside the pages made of them.
 *
 * Returns: (transfer full) (element-type GkNarrativeSection): the sections
 */
GPtrArray *
gk_narrative_compose_unkept (GkDocument *document)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  return compose (document, NULL, TRUE);
}

/**
 * gk_narrative_compose_some:
 * @document: a document
 * @only: paragraph ids, or beginnings of them ("k."), NULL-terminated
 *
 * As gk_narrative_compose(), for a reader that looks at a few paragraphs
 * only: the kinds of paragraph that write @only are composed, others may
 * be left out (and the subheadings numbered without them). A check after
 * each edit then does not compose 10 000 projects' paragraphs it does not
 * read.
 *
 * Returns: (transfer full) (element-type GkNarrativeSection): the sections
 */
GPtrArray *
gk_narrative_compose_some (GkDocument         *document,
                           const char * const *only)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (only != NULL, NULL);

  return compose (document, only, FALSE);
}

/**
 * gk_narrative_compose_all:
 * @document: a document
 *
 * As gk_narrative_compose(), but the paragraphs the officer switched off
 * stay where they would be, with `off` set, so that they can be shown
 * and switched on again. Sections are numbered as if none were off.
 *
 * Returns: (transfer full) (element-type GkNarrativeSection): the sections
 */
GPtrArray *
gk_narrative_compose_all (GkDocument *document)
{
  GkComposer c;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  gk_composer_init (&c, document);
  gk_narrative_compose_outline (&c);
  gk_composer_apply_hand_written (&c);
  gk_narrative_add_strays (&c);
  gk_composer_finish (&c);
  for (guint s = 0; s < c.sections->len; s++)
    {
      GkNarrativeSection *section = g_ptr_array_index (c.sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          if (gk_explanation_get_paragraph_off (c.explanation, paragraph->id))
            gk_paragraph_own (section->paragraphs, p)->off = TRUE;
        }
    }
  return c.sections;
}

char *
gk_paragraph_dup_text (const GkParagraph *paragraph)
{
  GString *text;

  g_return_val_if_fail (paragraph != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < paragraph->spans->len; i++)
    {
      const GkSpan *span = g_ptr_array_index (paragraph->spans, i);
      g_string_append (text, span->text);
    }
  return g_string_free (text, FALSE);
}

char *
gk_narrative_section_heading (const GkNarrativeSection *section)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (section != NULL, NULL);

  switch (section->numbering)
    {
    case GK_NUMBERING_NONE:
      return g_strdup (section->title);
    case GK_NUMBERING_ARABIC:
      return g_strdup_printf ("%u.%s", section->number, section->title);
    case GK_NUMBERING_CHINESE:
    default:
      number = gk_narrative_chinese_number (section->number);
      return g_strconcat (number, "、", section->title, NULL);
    }
}

/**
 * gk_narrative_dup_text:
 * @sections: (element-type GkNarrativeSection): what gk_narrative_compose()
 *   returned
 *
 * The whole of 情况说明 as plain text, one paragraph a line, with section
 * headings; 绩效目标表 paragraphs are shown as a line naming their project.
 *
 * Returns: (transfer full): the text
 */
char *
gk_narrative_dup_text (GPtrArray *sections)
{
  GString *text;

  g_return_val_if_fail (sections != NULL, NULL);

  text = g_string_new (NULL);
  for (guint s = 0; s < sections->len; s++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (sections, s);
      g_autofree char *heading = gk_narrative_section_heading (section);

      g_string_append_printf (text, "%s\n", heading);
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          g_autofree char *line = NULL;

          if (paragraph->style == GK_PARAGRAPH_PERFORMANCE)
            line = g_strdup_printf ("[项目支出绩效目标表：%s]",
                                    paragraph->project ? gk_project_get_name (paragraph->project) : "");
          else
            line = gk_paragraph_dup_text (paragraph);
          g_string_append_printf (text, "%s\n", line);
        }
    }
  return g_string_free (text, FALSE);
}

/**
 * gk_narrative_lookup_paragraph:
 * @sections: (element-type GkNarrativeSection): composed sections
 * @id: a paragraph id
 *
 * Returns: (transfer none) (nullable): the paragraph with @id
 */
const GkParagraph *
gk_narrative_lookup_paragraph (GPtrArray  *sections,
                               const char *id)
{
  g_return_val_if_fail (sections != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint s = 0; s < sections->len; s++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (sections, s);

      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);
          if (g_str_equal (paragraph->id, id))
            return paragraph;
        }
    }
  return NULL;
}
