/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "gk-chart-data.h"
#include "gk-disclosure-layout.h"
#include "gk-narrative.h"
#include "gk-table-layout.h"
#include "gk-table-unit.h"

/* Everything printed here is the disclosure's own wording, Chinese
 * whatever the interface language, so none of it is translated. */

#define COVER_TOP        210.0
#define COVER_DATE_SPACE 150.0
#define SIGNATURE_SPACE  30.0
#define MISSING_COLOUR   "#c01c28"

typedef struct
{
  GkDocument   *document;
  GkPageLayout *layout;
  GPtrArray    *sections;      /* GkNarrativeSection */
  const char   *unit;
  guint         year;
  guint         outline_part;  /* the part being laid out, as outline parent */
  char         *part[GK_N_PARTS]; /* "一" … "四": each part's number in the template's order */
  guint         explanation;   /* 情况说明's number; the parts its outline begins follow it */
} Builder;

/**
 * gk_disclosure_format_date:
 * @date: (nullable): "2020-02-03"
 *
 * Returns: (transfer full) (nullable): "2020年2月3日", the text itself if
 *   it is not an ISO date, %NULL for no date
 */
char *
gk_disclosure_format_date (const char *date)
{
  guint year, month, day;

  if (date == NULL || date[0] == '\0')
    return NULL;
  if (sscanf (date, "%u-%u-%u", &year, &month, &day) == 3)
    return g_strdup_printf ("%u年%u月%u日", year, month, day);
  return g_strdup (date);
}

/* "乌鲁木齐县人民政府办公室2020年部门预算公开": the cover and the PDF's title. */
char *
gk_disclosure_dup_title (GkDocument *document)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  return g_strdup_printf (gk_template_is_final (gk_document_get_template (document)) ? "%s%u年度部门决算" : "%s%u年部门预算公开",
                          gk_document_get_unit (document) ? gk_document_get_unit (document) : "",
                          gk_document_get_year (document));
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Free text as typed: one paragraph a line. */
static void
add_paragraphs (GkPageLayout *layout,
                GkTextStyle   style,
                const char   *text)
{
  g_auto(GStrv) lines = NULL;

  if (is_blank (text))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        gk_page_layout_add_text (layout, style, lines[i]);
    }
}

static void
add_heading (Builder     *b,
             GkTextStyle  style,
             const char  *text,
             const char  *anchor,
             guint        outline_parent)
{
  guint id;

  gk_page_layout_add_anchor (b->layout, anchor);
  gk_page_layout_add_text (b->layout, style, text);
  id = gk_page_layout_add_outline (b->layout, outline_parent, text, anchor);
  if (style == GK_TEXT_PART)
    b->outline_part = id;
}

/* Titles ------------------------------------------------------------------- */

/* "第三部分 2020年部门预算情况说明", or in the template's words. */
static char *
part_title (Builder *b,
            GkPart   part)
{
  g_autofree char *title = gk_template_dup_part_title (gk_document_get_template (b->document), part,
                                                       b->unit, b->year);

  return g_strdup_printf ("第%s部分 %s", b->part[part], title);
}

/* A part that a section of 情况说明 begins (贵州's 第四部分 其他重要事项). */
static char *
section_part_title (Builder                  *b,
                    const GkNarrativeSection *section,
                    guint                     index)
{
  g_autofree char *number = NULL;
  guint n = 0;

  for (guint i = 0; i <= index; i++)
    if (((GkNarrativeSection *) g_ptr_array_index (b->sections, i))->part != NULL)
      n++;
  number = gk_chinese_number (b->explanation + n);
  return g_strdup_printf ("第%s部分 %s", number, section->part);
}

static char *
part_one_title (Builder *b)
{
  return part_title (b, GK_PART_OVERVIEW);
}

static char *
part_two_title (Builder *b)
{
  return part_title (b, GK_PART_TABLES);
}

static char *
part_three_title (Builder *b)
{
  return part_title (b, GK_PART_EXPLANATION);
}

static char *
table_entry_title (GkTable *table)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  return gk_table_schema_dup_heading (schema);
}

/* Named by printed position, as the 目录's links always were: a PDF of a
 * document from before templates stays byte for byte the same. */
static char *
table_anchor (GkTable *table)
{
  return g_strdup_printf ("table-t%u", gk_table_get_schema (table)->position + 1);
}

/* Cover and contents ------------------------------------------------------- */

static void
add_cover (Builder *b)
{
  g_autofree char *title = g_strdup_printf (gk_template_is_final (gk_document_get_template (b->document))
                                            ? "%u年度部门决算" : "%u年部门预算公开", b->year);
  g_autofree char *date = gk_disclosure_format_date (gk_document_get_date (b->document));

  gk_page_layout_new_page (b->layout, GK_PAGE_PORTRAIT, FALSE);
  gk_page_layout_add_space (b->layout, COVER_TOP);
  if (gk_document_get_region (b->document) != NULL)
    gk_page_layout_add_text (b->layout, GK_TEXT_COVER_UNIT, gk_document_get_region (b->document));
  gk_page_layout_add_text (b->layout, GK_TEXT_COVER_UNIT, b->unit);
  gk_page_layout_add_text (b->layout, GK_TEXT_COVER_TITLE, title);
  if (date != NULL)
    {
      gk_page_layout_add_space (b->layout, gk_page_layout_get_remaining (b->layout) - COVER_DATE_SPACE);
      gk_page_layout_add_text (b->layout, GK_TEXT_COVER_DATE, date);
    }
}

static char *
part_four_title (Builder *b)
{
  return part_title (b, GK_PART_GLOSSARY);
}

/* A part's lines of the 目录: its title, then its sections or tables. */
static void
add_contents_part (Builder *b,
                   GkPart   part)
{
  g_autofree char *title = NULL;

  switch (part)
    {
    case GK_PART_OVERVIEW:
      title = part_one_title (b);
      gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_PART, title, "part1");
      gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_ENTRY, "一、主要职能", "part1-functions");
      gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_ENTRY, "二、机构设置及人员情况", "part1-structure");
      break;
    case GK_PART_TABLES:
      title = part_two_title (b);
      gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_PART, title, "part2");
      for (guint i = 0; i < gk_document_get_n_tables (b->document); i++)
        {
          GkTable *table = gk_document_get_table_at (b->document, i);
          g_autofree char *entry = table_entry_title (table);
          g_autofree char *anchor = table_anchor (table);

          gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_ENTRY, entry, anchor);
        }
      break;
    case GK_PART_EXPLANATION:
      title = part_three_title (b);
      gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_PART, title, "part3");
      for (guint i = 0; i < b->sections->len; i++)
        {
          const GkNarrativeSection *section = g_ptr_array_index (b->sections, i);
          g_autofree char *heading = gk_narrative_section_heading (section);
          g_autofree char *anchor = g_strdup_printf ("section-%u", i + 1);

          if (section->part != NULL)
            {
              g_autofree char *part_title_text = section_part_title (b, section, i);
              g_autofree char *part_anchor = g_strdup_printf ("part3-%u", i + 1);

              gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_PART, part_title_text, part_anchor);
            }
          gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_ENTRY, heading, anchor);
        }
      break;
    case GK_PART_GLOSSARY:
    case GK_N_PARTS:
    default:
      title = part_four_title (b);
      gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_PART, title, "part4");
      break;
    }
}

static void
add_contents (Builder  *b,
              gboolean  with_charts)
{
  gk_page_layout_new_page (b->layout, GK_PAGE_PORTRAIT, TRUE);
  gk_page_layout_add_anchor (b->layout, "contents");
  gk_page_layout_add_text (b->layout, GK_TEXT_CONTENTS_TITLE, "目  录");
  gk_page_layout_add_outline (b->layout, 0, "目录", "contents");

  for (guint i = 0; i < GK_N_PARTS; i++)
    add_contents_part (b, gk_template_get_part (gk_document_get_template (b->document), i));
  if (with_charts)
    gk_page_layout_add_contents_entry (b->layout, GK_TEXT_CONTENTS_PART, "附录 图表", "appendix");
}

/* 第一部分 单位概况 -------------------------------------------------------- */

static void
append_change (GString    *text,
               const char *what,
               int         count,
               int         change)
{
  g_string_append_printf (text, "%s%d人，", what, count);
  if (change > 0)
    g_string_append_printf (text, "增加%d人", change);
  else if (change < 0)
    g_string_append_printf (text, "减少%d人", -change);
  else
    g_string_append (text, "与上年持平");
}

static char *
list_items (GListModel *items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GkTextItem) item = g_list_model_get_item (items, i);

      if (i > 0)
        g_string_append (text, "、");
      g_string_append (text, gk_text_item_get_text (item));
    }
  return g_string_free (text, FALSE);
}

/* Said in words when the user typed nothing of their own. */
static char *
compose_structure (Builder    *b,
                   GkOverview *overview)
{
  GListModel *units = gk_overview_get_subordinate_units (overview);
  GListModel *offices = gk_overview_get_offices (overview);
  guint n_units = g_list_model_get_n_items (units);
  guint n_offices = g_list_model_get_n_items (offices);
  GString *text = g_string_new (b->unit);

  if (n_units == 0)
    g_string_append (text, "无下属预算单位");
  else
    {
      g_autofree char *names = list_items (units);
      g_string_append_printf (text, "有下属预算单位%u个，分别是：%s", n_units, names);
    }
  if (n_offices > 0)
    {
      g_autofree char *names = list_items (offices);
      g_string_append_printf (text, "，下设%u个处室，分别是：%s", n_offices, names);
    }
  g_string_append (text, "。");
  return g_string_free (text, FALSE);
}

static void
add_overview (Builder *b)
{
  GkOverview *overview = gk_document_get_overview (b->document);
  GListModel *duties = gk_overview_get_duties (overview);
  g_autofree char *title = part_one_title (b);
  g_autoptr(GString) staff = g_string_new (NULL);
  int serving_change = 0, retired_change = 0, veteran_change = 0;

  gk_page_layout_new_page (b->layout, GK_PAGE_PORTRAIT, TRUE);
  add_heading (b, GK_TEXT_PART, title, "part1", 0);

  add_heading (b, GK_TEXT_HEADING, "一、主要职能", "part1-functions", b->outline_part);
  add_paragraphs (b->layout, GK_TEXT_BODY, gk_overview_get_functions (overview));
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(GkTextItem) duty = g_list_model_get_item (duties, i);
      g_autofree char *number = gk_chinese_number (i + 1);
      g_autofree char *text = g_strdup_printf ("（%s）%s", number, gk_text_item_get_text (duty));

      gk_page_layout_add_text (b->layout, GK_TEXT_BODY, text);
    }

  add_heading (b, GK_TEXT_HEADING, "二、机构设置及人员情况", "part1-structure", b->outline_part);
  if (!is_blank (gk_overview_get_structure (overview)))
    add_paragraphs (b->layout, GK_TEXT_BODY, gk_overview_get_structure (overview));
  else
    {
      g_autofree char *structure = compose_structure (b, overview);
      gk_page_layout_add_text (b->layout, GK_TEXT_BODY, structure);
    }

  /* A unit that typed no staff (a 决算 often states none) gets no sentence of
   * noughts: “编制数0人” would be a claim the document never made. */
  if (gk_overview_get_authorized (overview) == 0 && gk_overview_get_actual (overview) == 0)
    return;

  /* 实有人数 is derived: 在职 + 退休 + 离休. */
  g_object_get (overview,
                "serving-change", &serving_change,
                "retired-change", &retired_change,
                "veteran-change", &veteran_change,
                NULL);
  g_string_append_printf (staff, "%s编制数%d人，实有人数%d人，其中：", b->unit,
                          gk_overview_get_authorized (overview), gk_overview_get_actual (overview));
  append_change (staff, "在职", gk_overview_get_serving (overview), serving_change);
  g_string_append (staff, "；");
  append_change (staff, "退休", gk_overview_get_retired (overview), retired_change);
  g_string_append (staff, "；");
  append_change (staff, "离休", gk_overview_get_veteran (overview), veteran_change);
  g_string_append (staff, "。");
  gk_page_layout_add_text (b->layout, GK_TEXT_BODY, staff->str);
}

/* 第二部分 the tables ------------------------------------------------------ */

static int
compare_header_cells (gconstpointer a,
                      gconstpointer b)
{
  const GkLayoutHeaderCell *x = *(const GkLayoutHeaderCell * const *) a;
  const GkLayoutHeaderCell *y = *(const GkLayoutHeaderCell * const *) b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column;
}

/**
 * gk_disclosure_table_new:
 *
 * One of the nine tables as printed, from its gk_table_layout_new(): the
 * header with its merged cells, 类/款/项 codes, names indented by depth,
 * figures right-aligned, the 合计 line in bold.
 *
 * Returns: (transfer full): the table, to add to a page layout
 */
GkRuledTable *
gk_disclosure_table_new (GkDocument *document,
                         GkTable    *table)
{
  g_autoptr(GkTableLayout) layout = NULL;
  g_autoptr(GPtrArray) header = NULL;
  GkRuledTable *ruled;
  int name_column = -1;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (GK_IS_TABLE (table), NULL);

  layout = gk_table_layout_new (document, table);
  ruled = gk_ruled_table_new (layout->n_columns);
  for (guint c = 0; c < layout->n_columns; c++)
    {
      switch (layout->kinds[c])
        {
        case GK_LAYOUT_COLUMN_CODE:
          gk_ruled_table_set_column (ruled, c, GK_RULED_COLUMN_CODE, 0);
          break;
        case GK_LAYOUT_COLUMN_AMOUNT:
          gk_ruled_table_set_column (ruled, c, GK_RULED_COLUMN_FIGURE, 0);
          break;
        case GK_LAYOUT_COLUMN_TEXT:
        default:
          gk_ruled_table_set_column (ruled, c, GK_RULED_COLUMN_TEXT, 0);
          if (name_column < 0)
            name_column = c;
          break;
        }
    }

  /* Borrowed cells, in reading order. */
  header = g_ptr_array_sized_new (layout->header->len);
  for (guint i = 0; i < layout->header->len; i++)
    g_ptr_array_add (header, layout->header->pdata[i]);
  g_ptr_array_sort (header, compare_header_cells);
  for (guint r = 0, i = 0; r < layout->n_header_rows; r++)
    {
      gk_ruled_table_append_row (ruled, GK_RULED_ROW_HEADER);
      for (; i < header->len && ((GkLayoutHeaderCell *) header->pdata[i])->row == r; i++)
        {
          GkLayoutHeaderCell *cell = header->pdata[i];
          gk_ruled_table_add_cell (ruled, cell->column, cell->text, GK_TEXT_TABLE_HEADER,
                                   PANGO_ALIGN_CENTER, 0, cell->row_span, cell->column_span);
        }
    }

  for (guint i = 0; i < layout->lines->len; i++)
    {
      GkLayoutLine *line = layout->lines->pdata[i];
      GkTextStyle style = line->total ? GK_TEXT_TABLE_TOTAL : GK_TEXT_TABLE_CELL;

      gk_ruled_table_append_row (ruled, line->total ? GK_RULED_ROW_TOTAL : GK_RULED_ROW_DEFAULT);
      for (guint c = 0; c < layout->n_columns; c++)
        {
          PangoAlignment alignment;
          guint indent = 0;

          switch (layout->kinds[c])
            {
            case GK_LAYOUT_COLUMN_CODE:
              alignment = PANGO_ALIGN_CENTER;
              break;
            case GK_LAYOUT_COLUMN_AMOUNT:
              alignment = PANGO_ALIGN_RIGHT;
              break;
            case GK_LAYOUT_COLUMN_TEXT:
            default:
              alignment = line->total ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
              if ((int) c == name_column && !line->total)
                indent = line->depth;
              break;
            }
          gk_ruled_table_add_cell (ruled, c, line->cells[c], style, alignment, indent, 1, 1);
        }
    }
  return ruled;
}

static void add_performance (Builder    *b,
                             GkProject  *project,
                             const char *caption);

/* The projects' 绩效目标表 where the template lists them among the tables,
 * one after the other under the table's heading. */
static void
add_performance_tables (Builder *b,
                        GkTable *table)
{
  GListModel *projects = gk_document_get_projects (b->document);
  const char *explanation = gk_table_get_empty_explanation (table);
  guint n = g_list_model_get_n_items (projects);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (projects, i);

      add_performance (b, project, NULL);
      if (i + 1 < n)
        gk_page_layout_add_space (b->layout, 12);
    }
  if (n == 0)
    {
      g_autofree char *text = g_strconcat ("备注：", is_blank (explanation) ? "本单位无项目支出绩效目标。" : explanation,
                                           NULL);
      gk_page_layout_add_text (b->layout, GK_TEXT_NOTE, text);
    }
}

static void
add_table (Builder *b,
           GkTable *table,
           gboolean first)
{
  const GkTableSchema *schema = gk_table_get_schema (table);
  g_autofree char *label = gk_table_schema_dup_label (schema);
  g_autofree char *anchor = table_anchor (table);
  g_autofree char *outline = gk_table_layout_title (table);
  g_autofree char *continued = g_strconcat (outline, "（续）", NULL);
  g_autofree char *department = g_strconcat ("编制部门：", b->unit, NULL);
  g_autofree char *money = gk_table_dup_unit_line (table, b->document);
  g_autoptr(GkRuledTable) ruled = schema->kind == GK_TABLE_KIND_OVERALL_PERFORMANCE
                                    ? gk_disclosure_overall_new (b->document, table)
                                    : gk_disclosure_table_new (b->document, table);
  const char *note = gk_table_get_note (table);

  gk_page_layout_new_page (b->layout, schema->landscape ? GK_PAGE_LANDSCAPE : GK_PAGE_PORTRAIT, TRUE);
  if (first)
    {
      g_autofree char *title = part_two_title (b);
      add_heading (b, GK_TEXT_PART, title, "part2", 0);
    }

  gk_page_layout_add_anchor (b->layout, anchor);
  gk_page_layout_add_outline (b->layout, b->outline_part, outline, anchor);
  /* An unnumbered table's label is its title: printed once. */
  if (schema->number[0] != '\0')
    gk_page_layout_add_text (b->layout, GK_TEXT_TABLE_LABEL, label);
  gk_page_layout_add_text (b->layout, GK_TEXT_TABLE_TITLE, schema->title);
  gk_page_layout_add_pair (b->layout, GK_TEXT_TABLE_META, department, money);
  if (schema->kind == GK_TABLE_KIND_PROJECT_PERFORMANCE)
    {
      add_performance_tables (b, table);
      return;
    }
  gk_page_layout_add_table (b->layout, ruled, continued);

  /* An empty table is published empty, with the reason why under it. */
  if (gk_table_is_empty (table) && !is_blank (gk_table_get_empty_explanation (table)))
    note = gk_table_get_empty_explanation (table);
  if (!is_blank (note))
    {
      /* A template's note says 注： itself. */
      g_autofree char *text = g_str_has_prefix (note, "注：") || g_str_has_prefix (note, "说明：")
                                ? g_strdup (note) : g_strconcat ("备注：", note, NULL);
      gk_page_layout_add_text (b->layout, GK_TEXT_NOTE, text);
    }
}

static void
add_tables (Builder *b)
{
  for (guint i = 0; i < gk_document_get_n_tables (b->document); i++)
    add_table (b, gk_document_get_table_at (b->document, i), i == 0);
}

/* 第三部分 情况说明 -------------------------------------------------------- */


static void
add_performance (Builder    *b,
                 GkProject  *project,
                 const char *caption_text)
{
  g_autoptr(GkRuledTable) table = gk_disclosure_performance_new (b->document, project);
  g_autofree char *continued = g_strconcat (caption_text ? caption_text : "项目支出绩效目标表", "（续）", NULL);
  double caption = caption_text == NULL ? 0
                   : gk_typesetter_line_height (gk_page_layout_get_typesetter (b->layout), GK_TEXT_CAPTION);
  double height = 0;

  /* The caption goes where the table goes: to the next page when the
   * table, kept whole, does not fit under what is already here. */
  gk_ruled_table_measure (table, gk_page_layout_get_typesetter (b->layout),
                          gk_page_layout_get_content_width (b->layout));
  for (guint r = 0; r < gk_ruled_table_get_n_rows (table); r++)
    height += gk_ruled_table_get_row_height (table, r);
  gk_page_layout_keep_space (b->layout, caption + height);

  if (caption_text != NULL)
    gk_page_layout_add_text (b->layout, GK_TEXT_CAPTION, caption_text);
  gk_page_layout_add_table (b->layout, table, continued);
}

/* Paragraph text as markup only when a span still needs filling in: those
 * show in red so that a draft cannot pass for a finished document. */
static void
add_paragraph (Builder           *b,
               const GkParagraph *paragraph,
               GkTextStyle        style)
{
  gboolean missing = FALSE;

  for (guint i = 0; i < paragraph->spans->len; i++)
    if (((GkSpan *) g_ptr_array_index (paragraph->spans, i))->kind == GK_SPAN_MISSING)
      missing = TRUE;

  if (!missing)
    {
      g_autofree char *text = gk_paragraph_dup_text (paragraph);
      gk_page_layout_add_text (b->layout, style, text);
    }
  else
    {
      g_autoptr(GString) markup = g_string_new (NULL);

      for (guint i = 0; i < paragraph->spans->len; i++)
        {
          const GkSpan *span = g_ptr_array_index (paragraph->spans, i);
          g_autofree char *escaped = g_markup_escape_text (span->text ? span->text : "", -1);

          if (span->kind == GK_SPAN_MISSING)
            g_string_append_printf (markup, "<span foreground=\"" MISSING_COLOUR "\">%s</span>", escaped);
          else
            g_string_append (markup, escaped);
        }
      gk_page_layout_add_markup (b->layout, style, markup->str);
    }
}

static void
add_narrative (Builder *b)
{
  g_autofree char *title = part_three_title (b);

  gk_page_layout_new_page (b->layout, GK_PAGE_PORTRAIT, TRUE);
  add_heading (b, GK_TEXT_PART, title, "part3", 0);

  for (guint s = 0; s < b->sections->len; s++)
    {
      const GkNarrativeSection *section = g_ptr_array_index (b->sections, s);
      g_autofree char *heading = gk_narrative_section_heading (section);
      g_autofree char *anchor = g_strdup_printf ("section-%u", s + 1);

      if (section->part != NULL)
        {
          g_autofree char *part = section_part_title (b, section, s);
          g_autofree char *part_anchor = g_strdup_printf ("part3-%u", s + 1);

          gk_page_layout_new_page (b->layout, GK_PAGE_PORTRAIT, TRUE);
          add_heading (b, GK_TEXT_PART, part, part_anchor, 0);
        }
      add_heading (b, GK_TEXT_HEADING, heading, anchor, b->outline_part);
      for (guint p = 0; p < section->paragraphs->len; p++)
        {
          const GkParagraph *paragraph = g_ptr_array_index (section->paragraphs, p);

          switch (paragraph->style)
            {
            case GK_PARAGRAPH_PERFORMANCE:
              if (paragraph->project != NULL)
                add_performance (b, paragraph->project, "项目支出绩效目标表");
              break;
            case GK_PARAGRAPH_HEADING:
              {
                g_autofree char *text = gk_paragraph_dup_text (paragraph);

                /* The section's own heading is already there. */
                if (g_strcmp0 (text, heading) != 0)
                  add_paragraph (b, paragraph, GK_TEXT_HEADING);
              }
              break;
            case GK_PARAGRAPH_SUBHEADING:
              add_paragraph (b, paragraph, GK_TEXT_SUBHEADING);
              break;
            case GK_PARAGRAPH_LIST_ITEM:
              add_paragraph (b, paragraph, GK_TEXT_LIST_ITEM);
              break;
            case GK_PARAGRAPH_BODY:
            default:
              add_paragraph (b, paragraph, GK_TEXT_BODY);
              break;
            }
        }
    }
}

/* 第四部分 名词解释, the signature, the charts ------------------------------ */

static void
add_glossary (Builder *b)
{
  GListModel *glossary = gk_document_get_glossary (b->document);
  g_autofree char *date = gk_disclosure_format_date (gk_document_get_date (b->document));
  const char *heading_family = gk_typesetter_get_heading_family (gk_page_layout_get_typesetter (b->layout));

  gk_page_layout_new_page (b->layout, GK_PAGE_PORTRAIT, TRUE);
  {
    g_autofree char *title = part_four_title (b);
    add_heading (b, GK_TEXT_PART, title, "part4", 0);
  }

  for (guint i = 0; i < g_list_model_get_n_items (glossary); i++)
    {
      g_autoptr(GkGlossaryEntry) entry = g_list_model_get_item (glossary, i);
      g_autofree char *number = gk_chinese_number (i + 1);
      /* The term in bold sans, as 黑体 sets off terms in 宋体 text; a
       * bold serif would also embed a fourth font for a few words. */
      g_autofree char *markup = g_markup_printf_escaped ("%s、<span font_family=\"%s\" weight=\"bold\">%s</span>：%s",
                                                         number, heading_family,
                                                         gk_glossary_entry_get_term (entry),
                                                         gk_glossary_entry_get_definition (entry));

      gk_page_layout_add_markup (b->layout, GK_TEXT_BODY, markup);
    }

  gk_page_layout_add_space (b->layout, SIGNATURE_SPACE);
  gk_page_layout_add_text (b->layout, GK_TEXT_SIGNATURE, b->unit);
  if (date != NULL)
    gk_page_layout_add_text (b->layout, GK_TEXT_SIGNATURE, date);
}

/* A chart of the appendix, set in the fonts of the text: in the PDF,
 * the same embedded fonts, cut to the document's characters. */
typedef struct
{
  GkChart      *chart;
  PangoFontMap *font_map;
} ChartDrawing;

static void
chart_drawing_free (gpointer data)
{
  ChartDrawing *drawing = data;

  g_object_unref (drawing->chart);
  g_object_unref (drawing->font_map);
  g_free (drawing);
}

static void
draw_chart (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  ChartDrawing *drawing = user_data;

  gk_chart_draw_with_font_map (drawing->chart, cr, (int) width, (int) height, GK_CHART_STYLE_PRINT,
                               drawing->font_map);
}

static void
add_charts (Builder *b)
{
  g_autoptr(GPtrArray) charts = gk_chart_data_build_all (b->document);
  PangoFontMap *font_map = pango_context_get_font_map (gk_typesetter_get_context (gk_page_layout_get_typesetter (b->layout)));

  gk_page_layout_new_page (b->layout, GK_PAGE_PORTRAIT, TRUE);
  add_heading (b, GK_TEXT_PART, "附录 图表", "appendix", 0);

  for (guint i = 0; i < charts->len; i++)
    {
      GkChart *chart = charts->pdata[i];
      double width = gk_page_layout_get_content_width (b->layout);
      g_autofree char *anchor = g_strconcat ("chart-", gk_chart_get_id (chart), NULL);
      ChartDrawing *drawing;

      if (gk_chart_is_empty (chart))
        continue;
      gk_page_layout_add_anchor (b->layout, anchor);
      gk_page_layout_add_outline (b->layout, b->outline_part, gk_chart_get_title (chart), anchor);
      drawing = g_new0 (ChartDrawing, 1);
      drawing->chart = g_object_ref (chart);
      drawing->font_map = g_object_ref (font_map);
      gk_page_layout_add_drawing (b->layout, gk_chart_get_natural_height (chart, (int) width),
                                  draw_chart, drawing, chart_drawing_free);
      gk_page_layout_add_space (b->layout, 18);
    }
}

/**
 * gk_disclosure_layout_new:
 * @options: (nullable): what to include and which fonts
 *
 * Returns: (transfer full): the whole disclosure on pages
 */
GkPageLayout *
gk_disclosure_layout_new (GkDocument         *document,
                          const GkPdfOptions *options)
{
  return gk_disclosure_layout_new_for_font_map (document, options, NULL);
}

/**
 * gk_disclosure_layout_new_for_font_map:
 * @font_map: (nullable): where the text's fonts come from, %NULL for the
 *   fonts installed (gk-font-subset.h)
 *
 * Returns: (transfer full): the whole disclosure on pages
 */
GkPageLayout *
gk_disclosure_layout_new_for_font_map (GkDocument         *document,
                                       const GkPdfOptions *options,
                                       PangoFontMap       *font_map)
{
  g_autoptr(GkTypesetter) typesetter = NULL;
  Builder b = { 0, };
  guint n_extra = 0;

  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);

  typesetter = gk_typesetter_new_for_font_map (options ? options->body_font : NULL,
                                               options ? options->heading_font : NULL, font_map);
  b.document = document;
  b.layout = gk_page_layout_new (typesetter);
  b.sections = gk_narrative_compose_unkept (document);
  b.unit = gk_document_get_unit (document) ? gk_document_get_unit (document) : "";
  b.year = gk_document_get_year (document);
  for (guint i = 0; i < b.sections->len; i++)
    if (((GkNarrativeSection *) g_ptr_array_index (b.sections, i))->part != NULL)
      n_extra++;
  for (guint i = 0, after = 0; i < GK_N_PARTS; i++)
    {
      GkPart part = gk_template_get_part (gk_document_get_template (document), i);

      b.part[part] = gk_chinese_number (i + 1 + after);
      if (part == GK_PART_EXPLANATION)
        {
          b.explanation = i + 1;
          after = n_extra;
        }
    }

  add_cover (&b);
  add_contents (&b, options != NULL && options->with_charts);
  for (guint i = 0; i < GK_N_PARTS; i++)
    switch (gk_template_get_part (gk_document_get_template (document), i))
      {
      case GK_PART_OVERVIEW: add_overview (&b); break;
      case GK_PART_TABLES: add_tables (&b); break;
      case GK_PART_EXPLANATION: add_narrative (&b); break;
      case GK_PART_GLOSSARY: case GK_N_PARTS: default: add_glossary (&b); break;
      }
  if (options != NULL && options->with_charts)
    add_charts (&b);

  for (guint i = 0; i < GK_N_PARTS; i++)
    g_free (b.part[i]);
  g_ptr_array_unref (b.sections);
  return b.layout;
}
