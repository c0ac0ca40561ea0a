/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-pdf-import-private.h"
#include "gk-xlsx-package.h"
#include "gk-xlsx-sheet.h"

/* What a 部门决算公开 prints differently from a budget: titles no budget
 * has (收入支出决算总表) and the cover's 决算 that tells the two apart. Its
 * 基本支出 table printed in two halves is read by gk-xlsx-halves.c, as a
 * workbook's is. */

/**
 * _gk_pdf_final_role:
 * @normalized: a line's text, normalised
 *
 * Returns: the role of the 决算 table whose whole title the text holds,
 *   the longest title when several do, or %NULL
 */
const char *
_gk_pdf_final_role (const char *normalized)
{
  g_autoptr(GPtrArray) all = gk_template_list_all ();
  const char *best = NULL;
  gsize best_length = 0;

  if (normalized == NULL || strstr (normalized, "决算") == NULL ||
      strstr (normalized, "编制") != NULL || strstr (normalized, "填报") != NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      GkTemplate *template = all->pdata[i];

      if (!gk_template_is_final (template))
        continue;
      for (guint t = 0; t < gk_template_get_n_tables (template); t++)
        {
          const GkTableSchema *schema = gk_template_get_table (template, t);
          g_autofree char *title = gk_xlsx_normalize (schema->title);

          if (title[0] != '\0' && strlen (title) > best_length && strstr (normalized, title) != NULL)
            {
              best = schema->id;
              best_length = strlen (title);
            }
        }
    }
  return best;
}

/* The cover's title up to its 决算 line: "柞水县审计局 2020年度部门决算",
 * whose year is the document's. NULL when no page before the tables says
 * 决算 with a year. */
char *
_gk_pdf_final_title (GPtrArray *pages,
                     guint      first_table_page)
{
  for (guint p = 0; p < pages->len; p++)
    {
      GkPdfPage *page = pages->pdata[p];
      g_autoptr(GString) title = g_string_new (NULL);

      if (page->number >= first_table_page)
        break;
      for (guint i = 0; i < page->lines->len; i++)
        {
          g_autofree char *text = _gk_pdf_line_text (page->lines->pdata[i], "");
          g_autofree char *t = gk_xlsx_normalize (text);

          if (_gk_pdf_line_is_folio (page->lines->pdata[i]) || t[0] == '\0')
            continue;
          g_string_append_printf (title, "%s%s", title->len > 0 ? " " : "", text);
          if (strstr (t, "决算") != NULL && gk_xlsx_find_year (t) > 0)
            return g_string_free (g_steal_pointer (&title), FALSE);
        }
    }
  return NULL;
}

static const char *
cell_text (GkXlsxSheet *sheet,
           guint        row,
           guint        column)
{
  const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (sheet, row, column);
  return cell->text != NULL && cell->text[0] != '\0' ? cell->text : NULL;
}

static const char * const note_prefixes[] = { "注：", "注:", "说明：", "说明:" };

/**
 * _gk_pdf_collect_notes:
 *
 * Returns: (transfer full): the texts under the tables that begin with 注：
 *   or 说明：, as printed, before the workbook reading takes the word off
 */
GPtrArray *
_gk_pdf_collect_notes (GkXlsxWorkbook *workbook)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < workbook->sheets->len; s++)
    {
      GkXlsxSheet *sheet = workbook->sheets->pdata[s];

      for (guint r = 0; r < sheet->n_rows; r++)
        {
          const char *text = cell_text (sheet, r, 0);
          g_autofree char *stripped = text != NULL ? gk_xlsx_strip (text) : NULL;

          for (guint i = 0; stripped != NULL && i < G_N_ELEMENTS (note_prefixes); i++)
            if (g_str_has_prefix (stripped, note_prefixes[i]))
              {
                g_ptr_array_add (notes, g_steal_pointer (&stripped));
                break;
              }
        }
    }
  return notes;
}

/* The printed text whose words after 注： or 说明： are `text`, with the
 * full-width colon the renderer prints. */
static char *
as_printed (GPtrArray  *notes,
            const char *text)
{
  for (guint n = 0; text != NULL && n < notes->len; n++)
    for (guint i = 0; i < G_N_ELEMENTS (note_prefixes); i++)
      {
        const char *note = notes->pdata[n];
        g_autofree char *rest = NULL;

        if (!g_str_has_prefix (note, note_prefixes[i]))
          continue;
        rest = gk_xlsx_strip (note + strlen (note_prefixes[i]));
        if (g_str_equal (rest, text))
          return g_strconcat (g_str_has_prefix (note_prefixes[i], "注") ? "注：" : "说明：", rest, NULL);
      }
  return NULL;
}

/**
 * _gk_pdf_keep_note_words:
 *
 * A 决算's tables print their notes as 注：本表反映… and an empty table's
 * reason as 说明：…, words that are part of the text (the template's own
 * notes begin with them); without them the document would print 备注：
 * in their place.
 */
void
_gk_pdf_keep_note_words (GkDocument *document,
                         GPtrArray  *notes)
{
  for (guint t = 0; t < gk_document_get_n_tables (document); t++)
    {
      GkTable *table = gk_document_get_table_at (document, t);
      g_autofree char *note = as_printed (notes, gk_table_get_note (table));
      g_autofree char *reason = as_printed (notes, gk_table_get_empty_explanation (table));

      if (note != NULL)
        gk_document_set_text (document, table, "note", note);
      if (reason != NULL)
        gk_document_set_text (document, table, "empty-explanation", reason);
    }
}

/**
 * _gk_pdf_final_date:
 *
 * Returns: the date the cover or the signature prints ("2021年9月10日") as
 *   2021-09-10, or %NULL
 */
char *
_gk_pdf_final_date (GPtrArray *pages)
{
  g_autoptr(GRegex) regex = g_regex_new ("^((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日$", 0, 0, NULL);

  for (guint p = 0; p < pages->len; p++)
    {
      GkPdfPage *page = pages->pdata[p];

      for (guint i = 0; i < page->lines->len; i++)
        {
          g_autofree char *text = _gk_pdf_line_text (page->lines->pdata[i], "");
          g_autofree char *t = gk_xlsx_normalize (text);
          g_autoptr(GMatchInfo) match = NULL;

          if (!g_regex_match (regex, t, 0, &match))
            continue;
          {
            g_autofree char *y = g_match_info_fetch (match, 1);
            g_autofree char *m = g_match_info_fetch (match, 2);
            g_autofree char *d = g_match_info_fetch (match, 3);
            guint year = atoi (y), month = atoi (m), day = atoi (d);

            if (g_date_valid_dmy (day, month, year))
              return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
          }
        }
    }
  return NULL;
}

/* 单位概况 ----------------------------------------------------------------- */

static gboolean
is_ascii_word_char (gunichar c)
{
  return c < 0x80 && (g_unichar_isalnum (c) || c == '%' || c == '.');
}

/**
 * _gk_pdf_join_lines:
 * @before: the text so far
 * @line: the next printed line of the same paragraph
 *
 * A line break inside a paragraph is no space in Chinese; between two
 * Latin words or figures it stood for one.
 */
void
_gk_pdf_join_lines (GString    *before,
                    const char *line)
{
  const char *last = before->len > 0 ? g_utf8_find_prev_char (before->str, before->str + before->len) : NULL;

  if (line == NULL || line[0] == '\0')
    return;
  if (last != NULL && is_ascii_word_char (g_utf8_get_char (last)) && is_ascii_word_char (g_utf8_get_char (line)))
    g_string_append_c (before, ' ');
  g_string_append (before, line);
}

typedef enum {
  OVERVIEW_NONE,
  OVERVIEW_FUNCTIONS,
  OVERVIEW_STRUCTURE,
} OverviewPart;

/* "一、主要职能", "一、部门职责", "二、机构设置及人员情况" as a heading line
 * of its own (the 目录's entries carry their page numbers). */
static OverviewPart
overview_heading (const char *key)
{
  static const char * const functions[] = { "主要职能", "部门职责", "主要职责", "部门主要职责", "职能职责", NULL };
  static const char * const numbers[] = { "一、", "二、", "（一）", "（二）", NULL };
  const char *rest = key;

  for (guint i = 0; numbers[i] != NULL; i++)
    if (g_str_has_prefix (key, numbers[i]))
      {
        rest = key + strlen (numbers[i]);
        break;
      }
  if (g_strv_contains (functions, rest))
    return OVERVIEW_FUNCTIONS;
  if (g_str_has_prefix (rest, "机构设置") && g_utf8_strlen (rest, -1) <= 12 &&
      !g_ascii_isdigit (rest[strlen (rest) - 1]))
    return OVERVIEW_STRUCTURE;
  return OVERVIEW_NONE;
}

/* Where 单位概况 ends: the next part, the next numbered heading, a table. */
static gboolean
ends_overview (const char *key)
{
  static const char * const numbered[] = { "三、", "四、", "第二部分", "第三部分", "（三）", NULL };

  for (guint i = 0; numbered[i] != NULL; i++)
    if (g_str_has_prefix (key, numbered[i]))
      return TRUE;
  return _gk_pdf_final_role (key) != NULL;
}

/* 编制数…实有人数… is the staff the tables' page states from the figures. */
static gboolean
is_staff_sentence (const char *text)
{
  return strstr (text, "编制数") != NULL && strstr (text, "实有人数") != NULL;
}

static void
end_paragraph (GString *part,
               GString *paragraph)
{
  if (paragraph->len > 0 && !is_staff_sentence (paragraph->str))
    g_string_append_printf (part, "%s%s", part->len > 0 ? "\n" : "", paragraph->str);
  g_string_truncate (paragraph, 0);
}

/**
 * _gk_pdf_final_overview:
 * @pages: (element-type GkPdfPage): the pages before the tables
 *
 * Keeps 单位概况 as printed under its headings: 主要职能 (部门职责) and
 * 机构设置, paragraph by paragraph (a paragraph begins indented). The
 * staff sentence is left out: it is composed from the staff figures.
 */
void
_gk_pdf_final_overview (GkDocument *document,
                        GPtrArray  *pages,
                        GString    *report)
{
  g_autoptr(GString) functions = g_string_new (NULL);
  g_autoptr(GString) structure = g_string_new (NULL);
  GString *texts[3] = { NULL, functions, structure };
  g_autoptr(GString) paragraph = g_string_new (NULL);
  OverviewPart part = OVERVIEW_NONE;
  GkOverview *overview = gk_document_get_overview (document);
  gboolean done = FALSE;

  for (guint p = 0; p < pages->len && !done; p++)
    {
      GkPdfPage *page = pages->pdata[p];
      double left = G_MAXDOUBLE;

      for (guint i = 0; i < page->lines->len; i++)
        {
          GkPdfLine *line = page->lines->pdata[i];

          if (line->words->len > 0)
            left = MIN (left, ((GkPdfWord *) line->words->pdata[0])->x1);
        }
      for (guint i = 0; i < page->lines->len && !done; i++)
        {
          GkPdfLine *line = page->lines->pdata[i];
          g_autofree char *raw = _gk_pdf_line_text (line, " ");
          g_autofree char *text = _gk_pdf_tidy (raw);
          g_autofree char *key = _gk_pdf_key (text);
          OverviewPart heading;
          double indent;

          if (_gk_pdf_line_is_folio (line) || key[0] == '\0')
            continue;
          heading = overview_heading (key);
          if (heading != OVERVIEW_NONE)
            {
              if (part != OVERVIEW_NONE)
                end_paragraph (texts[part], paragraph);
              part = heading;
              continue;
            }
          if (part == OVERVIEW_NONE)
            continue;
          if (ends_overview (key))
            {
              end_paragraph (texts[part], paragraph);
              done = part == OVERVIEW_STRUCTURE;
              part = OVERVIEW_NONE;
              continue;
            }
          indent = ((GkPdfWord *) line->words->pdata[0])->x1 - left;
          if (indent > 0.8 * (line->y2 - line->y1))
            end_paragraph (texts[part], paragraph);
          _gk_pdf_join_lines (paragraph, text);
        }
      /* A page ends a paragraph only where the next one is indented. */
    }
  if (part != OVERVIEW_NONE)
    end_paragraph (texts[part], paragraph);

  if (texts[OVERVIEW_FUNCTIONS]->len > 0)
    {
      gk_document_set_text (document, overview, "functions", texts[OVERVIEW_FUNCTIONS]->str);
      g_string_append (report, _("单位概况: 主要职能 kept as printed\n"));
    }
  if (texts[OVERVIEW_STRUCTURE]->len > 0)
    {
      gk_document_set_text (document, overview, "structure", texts[OVERVIEW_STRUCTURE]->str);
      g_string_append (report, _("单位概况: 机构设置 kept as printed\n"));
    }
}
