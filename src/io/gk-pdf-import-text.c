/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gk-narrative.h"
#include "gk-fields.h"
#include "gk-pdf-import-private.h"

/* The pages of a published PDF that carry no table: 情况说明 and its
 * 绩效目标表. The document's own 情况说明 is composed from the tables just
 * read; each published section is found by its heading (一、… or （一）…)
 * and compared with what Gongkai composes there. Where they read alike
 * nothing is kept; where they differ the published sentences are kept as
 * hand-written paragraphs, so nothing published is lost and the checks
 * read the figures as they were printed. */

typedef struct
{
  char  *key;
  guint  section;
  int    paragraph;   /* -1: the section's heading */
} Anchor;

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  g_free (anchor->key);
  g_free (anchor);
}

static void
text_line_free (gpointer data)
{
  GkPdfTextLine *tl = data;

  g_free (tl->text);
  g_free (tl->key);
  g_free (tl);
}

static gboolean
is_wide (gunichar c)
{
  return c >= 0x2E80;
}

/* Spaces between Chinese characters are justification, not text. */
char *
_gk_pdf_tidy (const char *text)
{
  GString *s = g_string_new (NULL);
  gunichar before = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        {
          const char *q = p;
          gunichar after = 0;

          while (*q != '\0' && (g_unichar_isspace (g_utf8_get_char (q)) || g_utf8_get_char (q) == 0x3000))
            q = g_utf8_next_char (q);
          after = g_utf8_get_char (q);
          if (before != 0 && after != 0 && !is_wide (before) && !is_wide (after))
            g_string_append_c (s, ' ');
          p = g_utf8_prev_char (q);
          continue;
        }
      g_string_append_unichar (s, c);
      before = c;
    }
  return g_string_free (s, FALSE);
}

char *
_gk_pdf_key (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* "一、", "（一）", "1." before a heading: the heading is matched without it. */
static const char *
skip_number (const char *key)
{
  if (g_str_has_prefix (key, "（"))
    {
      const char *close = strstr (key, "）");
      return close != NULL && close - key <= 18 ? close + strlen ("）") : key;
    }
  for (const char *q = key; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (c == 0x3001 /* 、 */ || c == '.' || c == 0xFF0E)
        return q == key ? key : g_utf8_next_char (q);
      if (!g_unichar_isdigit (c) && g_utf8_strchr ("一二三四五六七八九十百", -1, c) == NULL)
        return key;
    }
  return key;
}

static GPtrArray *
text_lines (GPtrArray *pages)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (text_line_free);

  for (guint p = 0; p < pages->len; p++)
    {
      GkPdfPage *page = pages->pdata[p];
      double margin = G_MAXDOUBLE;

      for (guint i = 0; i < page->lines->len; i++)
        {
          GkPdfLine *line = page->lines->pdata[i];
          if (!_gk_pdf_line_is_folio (line) && line->words->len > 0)
            margin = MIN (margin, ((GkPdfWord *) line->words->pdata[0])->x1);
        }
      for (guint i = 0; i < page->lines->len; i++)
        {
          GkPdfLine *line = page->lines->pdata[i];
          g_autofree char *raw = NULL;
          GkPdfTextLine *tl;

          if (_gk_pdf_line_is_folio (line) || line->words->len == 0)
            continue;
          raw = _gk_pdf_line_text (line, " ");
          tl = g_new0 (GkPdfTextLine, 1);
          tl->line = line;
          tl->page = page->number;
          tl->text = _gk_pdf_tidy (raw);
          tl->key = _gk_pdf_key (raw);
          tl->margin = margin;
          g_ptr_array_add (lines, tl);
        }
    }
  return lines;
}

static gboolean
is_indented (GkPdfTextLine *tl)
{
  double height = tl->line->y2 - tl->line->y1;

  return ((GkPdfWord *) tl->line->words->pdata[0])->x1 - tl->margin > 0.8 * height;
}

/* The published paragraphs of lines [from, to): a paragraph begins with
 * an indented line. */
static GPtrArray *
paragraphs_of (GPtrArray *lines,
               guint      from,
               guint      to)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  GString *current = NULL;

  for (guint i = from; i < to; i++)
    {
      GkPdfTextLine *tl = lines->pdata[i];

      if (tl->used)
        continue;
      if (current == NULL || is_indented (tl))
        {
          if (current != NULL)
            g_ptr_array_add (paragraphs, g_string_free (current, FALSE));
          current = g_string_new (NULL);
        }
      g_string_append (current, tl->text);
    }
  if (current != NULL)
    g_ptr_array_add (paragraphs, g_string_free (current, FALSE));
  return paragraphs;
}

/* 七's 项目名称 and what follows it are the project's own fields. */
static const struct { const char *label; const char *field; } project_fields[] = {
  { "设立的政策依据：", "basis" }, { "项目承担单位：", "owner" },
  { "资金分配情况：", "allocation" }, { "资金执行时间：", "period" },
  { "预算安排规模：", NULL },
};

static GkProject *
project_named (GkDocument *document,
               GPtrArray  *lines,
               guint       at,
               guint      *end)
{
  GkPdfTextLine *tl = lines->pdata[at];
  const char *name = strstr (tl->key, "项目名称：");
  GListModel *projects = gk_document_get_projects (document);
  g_autoptr(GString) joined = NULL;

  if (name == NULL || !g_str_has_prefix (tl->key, "（"))
    return NULL;
  joined = g_string_new (name + strlen ("项目名称："));
  for (guint k = at + 1; k <= at + 3 && k <= lines->len; k++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
        {
          g_autoptr(GkProject) project = g_list_model_get_item (projects, i);
          g_autofree char *key = _gk_pdf_key (gk_project_get_name (project) ?: "");

          if (strcmp (key, joined->str) == 0)
            {
              *end = k;
              return project;
            }
        }
      if (k < lines->len)
        g_string_append (joined, ((GkPdfTextLine *) lines->pdata[k])->key);
    }
  return NULL;
}

static void
read_projects (GkDocument *document,
               GPtrArray  *lines,
               GString    *report)
{
  for (guint i = 0; i < lines->len; i++)
    {
      guint end = 0, n_fields = 0;
      GkProject *project = project_named (document, lines, i, &end);
      g_autoptr(GPtrArray) paragraphs = NULL;

      if (project == NULL)
        continue;
      /* The fields run to the next 项目名称 or a paragraph of no field. */
      for (; end < lines->len; end++)
        {
          GkPdfTextLine *tl = lines->pdata[end];
          guint e = 0;

          if (tl->used)
            continue;
          if (project_named (document, lines, end, &e) != NULL)
            break;
          if (is_indented (tl))
            {
              gboolean field = FALSE;
              for (guint f = 0; f < G_N_ELEMENTS (project_fields); f++)
                field |= g_str_has_prefix (tl->key, project_fields[f].label);
              if (!field)
                break;
            }
        }
      paragraphs = paragraphs_of (lines, i + 1, end);
      gk_document_begin_action (document, _("Import 项目支出情况说明"));
      for (guint p = 0; p < paragraphs->len; p++)
        for (guint f = 0; f < G_N_ELEMENTS (project_fields); f++)
          {
            const char *text = paragraphs->pdata[p];

            if (project_fields[f].field == NULL || !g_str_has_prefix (text, project_fields[f].label))
              continue;
            gk_document_set_text (document, project, project_fields[f].field,
                                  text + strlen (project_fields[f].label));
            n_fields++;
          }
      gk_document_end_action (document);
      g_string_append_printf (report, _("Page %u: 项目名称 “%s”: %u of its fields\n"),
                              ((GkPdfTextLine *) lines->pdata[i])->page, gk_project_get_name (project), n_fields);
    }
}

static GPtrArray *
anchors_of (GPtrArray *sections)
{
  GPtrArray *anchors = g_ptr_array_new_with_free_func (anchor_free);

  for (guint s = 0; s < sections->len; s++)
    {
      GkNarrativeSection *section = sections->pdata[s];
      g_autofree char *heading = gk_narrative_section_heading (section);
      Anchor *anchor = g_new0 (Anchor, 1);

      anchor->key = _gk_pdf_key (heading);
      anchor->section = s;
      anchor->paragraph = -1;
      g_ptr_array_add (anchors, anchor);
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          GkParagraph *paragraph = section->paragraphs->pdata[p];
          g_autofree char *text = NULL;

          if (paragraph->style != GK_PARAGRAPH_HEADING && paragraph->style != GK_PARAGRAPH_SUBHEADING)
            continue;
          text = gk_paragraph_dup_text (paragraph);
          anchor = g_new0 (Anchor, 1);
          anchor->key = _gk_pdf_key (text);
          anchor->section = s;
          anchor->paragraph = p;
          g_ptr_array_add (anchors, anchor);
        }
    }
  return anchors;
}

/* The anchor whose heading lines [at, …) print, from `from` on; the
 * lines it takes in *end. */
static int
match_anchor (GPtrArray *anchors,
              guint      from,
              GPtrArray *lines,
              guint      at,
              guint     *end)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  guint i = at;

  for (guint n = 0; n < 3 && i < lines->len; i++)
    {
      GkPdfTextLine *tl = lines->pdata[i];

      if (tl->used)
        continue;
      g_string_append (joined, tl->key);
      n++;
      for (guint a = from; a < anchors->len; a++)
        {
          Anchor *anchor = anchors->pdata[a];
          if (strcmp (skip_number (anchor->key), skip_number (joined->str)) == 0 &&
              skip_number (joined->str) != joined->str)
            {
              *end = i + 1;
              return a;
            }
        }
    }
  return -1;
}

/* The section's paragraphs that belong under `anchor`: up to the next
 * heading, 绩效目标表 aside. */
static GPtrArray *
bodies_of (GkNarrativeSection *section,
           Anchor             *anchor)
{
  GPtrArray *bodies = g_ptr_array_new ();

  for (guint p = anchor->paragraph + 1; p < section->paragraphs->len; p++)
    {
      GkParagraph *paragraph = section->paragraphs->pdata[p];

      if (paragraph->style == GK_PARAGRAPH_HEADING || paragraph->style == GK_PARAGRAPH_SUBHEADING)
        break;
      if (paragraph->style != GK_PARAGRAPH_PERFORMANCE)
        g_ptr_array_add (bodies, paragraph);
    }
  return bodies;
}

/* Figures whose paragraph Gongkai words otherwise when they are 0 (未安排
 * 政府采购预算): found by the label printed before them. */
static const struct { const char *label; const char *property; } labelled[] = {
  { "政府采购货物预算", "procurement-goods" },
  { "政府采购工程预算", "procurement-works" },
  { "政府采购服务预算", "procurement-services" },
};

static guint
learn_labelled (GkDocument  *document,
                const char  *key)
{
  GkExplanation *explanation = gk_document_get_explanation (document);
  GkMoneyUnit stored = gk_document_get_money_unit (document);
  GkMoneyUnit text_unit = gk_template_get_text_unit (gk_document_get_template (document), stored);
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labelled); i++)
    {
      const char *at = strstr (key, labelled[i].label);
      g_autofree char *number = NULL;
      GkAmount amount, converted;
      gsize len = 0;

      if (at == NULL)
        continue;
      at += strlen (labelled[i].label);
      while (g_ascii_isdigit (at[len]) || at[len] == '.' || at[len] == ',')
        len++;
      number = g_strndup (at, len);
      if (len == 0 || !g_str_has_prefix (at + len, gk_money_unit_to_string (text_unit)) ||
          !gk_amount_parse (number, GK_AMOUNT_PARSE_DEFAULT, &amount, NULL) ||
          !gk_amount_convert (amount, text_unit, stored, &converted, NULL))
        continue;
      gk_document_set_int (document, explanation, labelled[i].property, converted);
      n++;
    }
  return n;
}

/* A composed paragraph as a pattern: its fixed wording literal, each
 * figure a gap. Where the published paragraph fits it, figures that only
 * the explanation holds (政府采购, 国有资产, vehicles) are read from it. */
static guint
learn (GkDocument        *document,
       const GkParagraph *paragraph,
       const char        *published)
{
  GkExplanation *explanation = gk_document_get_explanation (document);
  GkMoneyUnit stored = gk_document_get_money_unit (document);
  GkMoneyUnit text_unit = gk_template_get_text_unit (gk_document_get_template (document), stored);
  g_autoptr(GString) pattern = g_string_new ("^");
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *key = _gk_pdf_key (published);
  guint group = 0, n_learnt = 0;

  for (guint i = 0; i < paragraph->spans->len; i++)
    {
      const GkSpan *span = paragraph->spans->pdata[i];
      g_autofree char *k = _gk_pdf_key (span->text);
      g_autofree char *escaped = g_regex_escape_string (k, -1);

      if (span->kind == GK_SPAN_TEXT || span->source == NULL ||
          !g_str_has_prefix (span->source, "explanation/"))
        g_string_append (pattern, escaped);
      else
        g_string_append (pattern, "(.*?)");
    }
  g_string_append (pattern, "$");
  regex = g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL);
  if (regex == NULL || !g_regex_match (regex, key, 0, &match))
    return learn_labelled (document, key);

  for (guint i = 0; i < paragraph->spans->len; i++)
    {
      const GkSpan *span = paragraph->spans->pdata[i];
      const char *property;
      GParamSpec *pspec;
      g_autofree char *value = NULL;

      if (span->kind == GK_SPAN_TEXT || span->source == NULL ||
          !g_str_has_prefix (span->source, "explanation/"))
        continue;
      value = g_match_info_fetch (match, ++group);
      property = span->source + strlen ("explanation/");
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (explanation), property);
      if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE) || g_strcmp0 (value, span->text) == 0)
        continue;
      if (pspec->value_type == G_TYPE_STRING)
        gk_document_set_text (document, explanation, property, value);
      else if (pspec->value_type == G_TYPE_INT64 && strchr (span->text, '.') != NULL)
        {
          GkAmount amount, converted;

          if (!gk_amount_parse (value, GK_AMOUNT_PARSE_DEFAULT, &amount, NULL) ||
              !gk_amount_convert (amount, text_unit, stored, &converted, NULL))
            continue;
          gk_document_set_int (document, explanation, property, converted);
        }
      else if (pspec->value_type == G_TYPE_INT64 &&
               gk_fields_lookup (G_OBJECT_TYPE (explanation), property) != NULL &&
               gk_fields_lookup (G_OBJECT_TYPE (explanation), property)->type == GK_FIELD_AMOUNT)
        {
          /* A quantity printed without decimals (房屋620平方米) is no
           * money: hundredths, not converted between units. */
          GkAmount amount;

          if (!gk_amount_parse (value, GK_AMOUNT_PARSE_DEFAULT, &amount, NULL))
            continue;
          gk_document_set_int (document, explanation, property, amount);
        }
      else if (pspec->value_type == G_TYPE_INT64 || pspec->value_type == G_TYPE_INT)
        {
          char *end = NULL;
          gint64 count = g_ascii_strtoll (value, &end, 10);

          if (end == value || *end != '\0')
            continue;
          if (pspec->value_type == G_TYPE_INT64)
            gk_document_set_int (document, explanation, property, count);
          else
            {
              g_auto(GValue) v = G_VALUE_INIT;
              g_value_init (&v, G_TYPE_INT);
              g_value_set_int (&v, (int) count);
              gk_document_set_value (document, explanation, property, &v);
            }
        }
      else
        continue;
      n_learnt++;
    }
  return n_learnt;
}

static void
place (GkDocument         *document,
       GkNarrativeSection *section,
       Anchor             *anchor,
       GPtrArray          *published,
       guint               page,
       gboolean            learning,
       GString            *report)
{
  g_autoptr(GPtrArray) bodies = bodies_of (section, anchor);
  g_autoptr(GString) composed = g_string_new (NULL);
  g_autoptr(GString) printed = g_string_new (NULL);
  g_autofree char *composed_key = NULL;
  g_autofree char *printed_key = NULL;
  guint n_kept = 0;

  for (guint b = 0; b < bodies->len; b++)
    {
      g_autofree char *text = gk_paragraph_dup_text (bodies->pdata[b]);
      g_string_append (composed, text);
    }
  for (guint p = 0; p < published->len; p++)
    g_string_append (printed, published->pdata[p]);
  composed_key = _gk_pdf_key (composed->str);
  printed_key = _gk_pdf_key (printed->str);
  if (learning)
    {
      if (strcmp (composed_key, printed_key) != 0)
        {
          gk_document_begin_action (document, _("Import 情况说明"));
          if (published->len == bodies->len)
            for (guint b = 0; b < bodies->len; b++)
              learn (document, bodies->pdata[b], published->pdata[b]);
          else
            learn_labelled (document, printed_key);
          gk_document_end_action (document);
        }
      return;
    }
  if (strcmp (composed_key, printed_key) == 0)
    {
      g_string_append_printf (report, _("Page %u: 情况说明 “%s”: as Gongkai composes it\n"),
                              page, anchor->key);
      return;
    }
  if (bodies->len == 0)
    {
      g_string_append_printf (report, _("Page %u: 情况说明 “%s”: %u paragraphs where Gongkai writes none; not imported\n"),
                              page, anchor->key, published->len);
      return;
    }

  gk_document_begin_action (document, _("Import 情况说明"));
  if (published->len == bodies->len)
    {
      /* Paragraph by paragraph: only those that read otherwise are kept. */
      for (guint b = 0; b < bodies->len; b++)
        {
          GkParagraph *paragraph = bodies->pdata[b];
          g_autofree char *text = gk_paragraph_dup_text (paragraph);
          g_autofree char *a = _gk_pdf_key (text);
          g_autofree char *k = _gk_pdf_key (published->pdata[b]);

          if (strcmp (a, k) == 0)
            continue;
          gk_document_set_hand_written (document, paragraph->id, published->pdata[b]);
          n_kept++;
        }
    }
  else
    {
      g_autofree char *all = NULL;

      g_ptr_array_add (published, NULL);
      all = g_strjoinv ("\n", (char **) published->pdata);
      g_ptr_array_remove_index (published, published->len - 1);
      gk_document_set_hand_written (document, ((GkParagraph *) bodies->pdata[0])->id, all);
      for (guint b = 1; b < bodies->len; b++)
        gk_document_set_paragraph_off (document, ((GkParagraph *) bodies->pdata[b])->id, TRUE);
      n_kept = 1;
    }
  gk_document_end_action (document);
  g_string_append_printf (report, _("Page %u: 情况说明 “%s”: %u paragraphs kept as published (hand-written)\n"),
                          page, anchor->key, n_kept);
}

static void
report_nowhere (GPtrArray *lines,
                guint      from,
                guint      to,
                GString   *report)
{
  guint n = 0, page = 0;

  for (guint i = from; i <= to; i++)
    {
      GkPdfTextLine *tl = i < to ? lines->pdata[i] : NULL;

      if (n > 0 && (tl == NULL || tl->page != page))
        {
          g_string_append_printf (report, _("Page %u: %u lines of text under no heading of 情况说明; not imported\n"),
                                  page, n);
          n = 0;
        }
      if (tl != NULL && !tl->used)
        {
          page = tl->page;
          n++;
        }
    }
}

/* "第四部分 名词解释": a part of the disclosure after 情况说明. */
static gboolean
is_part_heading (GkPdfTextLine *tl)
{
  const char *p = tl->key;

  if (!g_str_has_prefix (p, "第"))
    return FALSE;
  p += strlen ("第");
  while (*p != '\0' && g_utf8_strchr ("一二三四五六七八九十", -1, g_utf8_get_char (p)) != NULL)
    p = g_utf8_next_char (p);
  return p != tl->key + strlen ("第") && g_str_has_prefix (p, "部分");
}

/* Where "一、term：" begins an entry of 名词解释, the term's end. */
static const char *
glossary_term_end (const char *text,
                   const char **term)
{
  const char *after = skip_number (text);
  const char *colon;

  if (after == text)
    return NULL;
  colon = strstr (after, "：");
  if (colon == NULL || colon == after || g_utf8_strlen (after, colon - after) > 20)
    return NULL;
  *term = after;
  return colon;
}

static gboolean
is_signature (GkDocument    *document,
              GkPdfTextLine *tl)
{
  const char *unit = gk_document_get_unit (document);
  g_autoptr(GRegex) date = g_regex_new ("^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日$", 0, 0, NULL);

  return (unit != NULL && unit[0] != '\0' && g_str_equal (tl->key, unit)) ||
         g_regex_match (date, tl->key, 0, NULL);
}

/* 第四部分 名词解释: each numbered term and its explanation, wrapped
 * over lines, replaces the template's glossary. */
static void
read_glossary (GkDocument *document,
               GPtrArray  *lines,
               GString    *report)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GkGlossaryEntry *entry = NULL;
  g_autoptr(GString) definition = NULL;
  g_autofree char *term = NULL;
  guint i = 0;

  /* The contents' line has its page number after the heading's words. */
  while (i < lines->len && !(is_part_heading (lines->pdata[i]) &&
                             g_str_has_suffix (((GkPdfTextLine *) lines->pdata[i])->key, "名词解释")))
    i++;
  if (i == lines->len)
    return;
  ((GkPdfTextLine *) lines->pdata[i++])->used = TRUE;
  for (; i <= lines->len; i++)
    {
      GkPdfTextLine *tl = i < lines->len ? lines->pdata[i] : NULL;
      const char *start = NULL;
      const char *end = tl != NULL ? glossary_term_end (tl->text, &start) : NULL;

      /* The part heading that follows, or the signature under the last
       * entry: the unit's name and the date. */
      if (tl != NULL && (is_part_heading (tl) || is_signature (document, tl)))
        tl = NULL;
      if ((tl == NULL || end != NULL) && term != NULL)
        {
          entry = gk_glossary_entry_new (term, definition->str);
          g_ptr_array_add (entries, entry);
          g_clear_pointer (&term, g_free);
        }
      if (tl == NULL)
        break;
      if (end != NULL)
        {
          term = g_strndup (start, end - start);
          if (definition != NULL)
            g_string_free (definition, TRUE);
          definition = g_string_new (end + strlen ("："));
          tl->used = TRUE;
        }
      else if (term != NULL)
        {
          g_string_append (definition, tl->text);
          tl->used = TRUE;
        }
    }
  if (entries->len == 0)
    return;
  g_list_store_splice (G_LIST_STORE (gk_document_get_glossary (document)), 0,
                       g_list_model_get_n_items (gk_document_get_glossary (document)),
                       entries->pdata, entries->len);
  g_string_append_printf (report, _("名词解释: %u terms read\n"), entries->len);
}

/**
 * _gk_pdf_read_narrative:
 * @pages: (element-type GkPdfPage): the pages without a table
 *
 * Reads the 绩效目标表, the projects' fields and 情况说明 of @pages into
 * @document, whose tables are read already.
 */
void
_gk_pdf_read_narrative (GkDocument *document,
                        GPtrArray  *pages,
                        GString    *report)
{
  g_autoptr(GPtrArray) lines = text_lines (pages);
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) anchors = NULL;
  guint next = 0, i = 0, start = 0;
  int current = -1;

  _gk_pdf_read_performance (document, lines, report);
  read_projects (document, lines, report);
  read_glossary (document, lines, report);

  /* First what the text tells of figures no table holds, then, composed
   * again with them, what still reads otherwise is kept as published. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_clear_pointer (&sections, g_ptr_array_unref);
      g_clear_pointer (&anchors, g_ptr_array_unref);
      sections = gk_narrative_compose (document);
      anchors = anchors_of (sections);
      next = 0;
      i = 0;
      start = 0;
      current = -1;
      while (i <= lines->len)
        {
          guint end = 0;
          int a = i < lines->len ? match_anchor (anchors, next, lines, i, &end) : -1;
          gboolean part = a < 0 && i < lines->len && current >= 0 && is_part_heading (lines->pdata[i]);

          if (i < lines->len && a < 0 && !part)
            {
              i++;
              continue;
            }
          if (part)
            end = i;
          /* What came since the last heading belongs to it. */
          if (current < 0)
            {
              if (pass == 1)
                report_nowhere (lines, start, i, report);
            }
          else
            {
              Anchor *anchor = anchors->pdata[current];
              g_autoptr(GPtrArray) published = paragraphs_of (lines, start, i);
              guint page = ((GkPdfTextLine *) lines->pdata[start > 0 ? start - 1 : 0])->page;

              place (document, sections->pdata[anchor->section], anchor, published, page, pass == 0, report);
            }
          if (i == lines->len)
            break;
          /* 第四部分 名词解释 and what follows end 情况说明. */
          if (part)
            {
              current = -1;
              start = i;
              i++;
              continue;
            }
          current = a;
          next = a + 1;
          start = i = end;
        }
    }
  for (guint b = next; b < anchors->len; b++)
    {
      Anchor *anchor = anchors->pdata[b];
      if (anchor->paragraph < 0)
        g_string_append_printf (report, _("情况说明 “%s” is not in the PDF\n"), anchor->key);
    }
}
