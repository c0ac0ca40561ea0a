/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-xlsx-sheet.h"

/* The wording matched below is that of published disclosures and of the
 * budget systems' exports, in normalised form (NFKC: ASCII parentheses and
 * colons; no spaces, no quotation marks). */

#define MAX_PRE_ROWS    12
#define MAX_HEADER_ROWS 8

/* Sheet ------------------------------------------------------------------- */

void
gk_xlsx_table_sheet_free (GkXlsxTableSheet *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->reason);
  g_free (self->unit_name);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_free (self->item_rows);
  g_free (self->roles);
  g_free (self->amounts);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

static void
note_free (gpointer data)
{
  GkXlsxNote *note = data;
  g_free (note->text);
  g_free (note);
}

const char *
gk_xlsx_table_sheet_text (GkXlsxTableSheet *self,
                          guint             row,
                          guint             column)
{
  const GkXlsxCell *cell;

  g_return_val_if_fail (self != NULL, NULL);

  cell = gk_xlsx_sheet_get_cell (self->sheet, row, column);
  if (cell->type == GK_XLSX_CELL_BLANK || cell->text == NULL || cell->text[0] == '\0')
    return NULL;
  return cell->text;
}

const char *
gk_xlsx_table_sheet_heading (GkXlsxTableSheet *self,
                             guint             column)
{
  g_return_val_if_fail (self != NULL, "");

  if (self->headings == NULL || column >= self->headings->len)
    return "";
  return g_ptr_array_index (self->headings, column);
}

int
gk_xlsx_table_sheet_find_role (GkXlsxTableSheet *self,
                               GkXlsxRole        role)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint c = 0; self->roles != NULL && c < self->n_columns; c++)
    if (self->roles[c] == role)
      return c;
  return -1;
}

static char *
normalized_text (GkXlsxTableSheet *self,
                 guint             row,
                 guint             column)
{
  return gk_xlsx_normalize (gk_xlsx_table_sheet_text (self, row, column));
}

/* The different words of a row, normalised, in column order. */
static GPtrArray *
row_texts (GkXlsxTableSheet *self,
           guint             row)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < self->n_columns; c++)
    {
      char *t = normalized_text (self, row, c);
      gboolean seen = t[0] == '\0';

      for (guint i = 0; !seen && i < texts->len; i++)
        seen = g_str_equal (texts->pdata[i], t);
      if (seen)
        g_free (t);
      else
        g_ptr_array_add (texts, t);
    }
  return texts;
}

static gboolean
is_number_text (const char *normalized)
{
  g_autofree char *plain = NULL;
  GkAmount unused;

  if (normalized == NULL || normalized[0] == '\0')
    return FALSE;
  plain = g_strdup (normalized);
  {
    char *w = plain;
    for (const char *r = plain; *r; r++)
      if (*r != ',')
        *w++ = *r;
    *w = '\0';
  }
  return gk_xlsx_decimal_to_amount (plain, FALSE, GK_MONEY_UNIT_YUAN, GK_MONEY_UNIT_YUAN, &unused, NULL);
}

/* What a finance office writes on an empty table: "注：本表为空表，…",
 * "本单位无国有资本经营预算支出。" */
static gboolean
says_empty (const char *text)
{
  static const char * const openings[] = {
    "本表为空表", "此表为空表", "该表为空表", "本表无数据", "本单位无", "本部门无", "本单位没有", "本部门没有",
    "本单位本年无", "本单位本年度无", "本单位当年无",
  };

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    if (g_str_has_prefix (text, openings[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_note_text (const char *raw,
              GkXlsxNote *note)
{
  static const struct { const char *prefix; gboolean explanation; } prefixes[] = {
    { "备注", FALSE }, { "附注", FALSE }, { "注：", FALSE }, { "注:", FALSE }, { "说明", TRUE },
  };
  g_autofree char *stripped = gk_xlsx_strip (raw);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (stripped, prefixes[i].prefix))
      {
        const char *p = stripped + strlen (prefixes[i].prefix);

        while (*p == ' ')
          p++;
        if (g_str_has_prefix (p, "："))
          p += strlen ("：");
        else if (*p == ':')
          p++;
        if (note != NULL)
          {
            note->text = gk_xlsx_strip (p);
            note->explanation = prefixes[i].explanation;
            note->says_empty = says_empty (note->text);
          }
        return TRUE;
      }
  if (!says_empty (stripped))
    return FALSE;
  if (note != NULL)
    {
      note->text = g_steal_pointer (&stripped);
      note->says_empty = TRUE;
    }
  return TRUE;
}

static const char *
first_text (GkXlsxTableSheet *self,
            guint             row)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *t = gk_xlsx_table_sheet_text (self, row, c);
      if (t != NULL)
        return t;
    }
  return NULL;
}

gboolean
gk_xlsx_table_sheet_is_note (GkXlsxTableSheet *self,
                             guint             row)
{
  const char *t = first_text (self, row);
  return t != NULL && is_note_text (t, NULL);
}

/* 栏次 rows number the columns (1, 2, 3 …) under the heading. */
static gboolean
is_column_numbers_row (GkXlsxTableSheet *self,
                       guint             row)
{
  guint expected = 1, n = 0;

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *t = normalized_text (self, row, c);
      guint64 v;

      if (t[0] == '\0')
        continue;
      if (g_str_equal (t, "栏次") || g_str_equal (t, "栏号"))
        return TRUE;
      if (!g_ascii_string_to_unsigned (t, 10, 0, 1000, &v, NULL) || v != expected)
        return FALSE;
      expected++;
      n++;
    }
  return n >= 3;
}

static gboolean
is_pre_text (const char *t)
{
  return _gk_xlsx_role_by_title (NULL, t, FALSE) != NULL || _gk_xlsx_table_number (t) > 0 ||
         strstr (t, "编制") != NULL || strstr (t, "填报") != NULL || strstr (t, "单位:") != NULL ||
         strstr (t, "单位名称") != NULL || strstr (t, "部门名称") != NULL ||
         g_str_has_suffix (t, "表") || strstr (t, "公开") != NULL ||
         ((g_str_has_prefix (t, "19") || g_str_has_prefix (t, "20")) &&
          g_ascii_isdigit (t[2]) && g_ascii_isdigit (t[3]) && g_str_has_prefix (t + 4, "年"));
}

static gboolean
is_data_row (GkXlsxTableSheet *self,
             guint             row)
{
  g_autoptr(GPtrArray) texts = row_texts (self, row);
  const char *first = first_text (self, row);

  if (texts->len == 0)
    return FALSE;
  if (first != NULL && is_note_text (first, NULL))
    return TRUE;
  if (texts->len == 1 && gk_xlsx_is_total_word (texts->pdata[0]))
    return TRUE;
  if (g_str_has_prefix (texts->pdata[0], "财政拨款(") || g_str_equal (texts->pdata[0], "财政拨款"))
    return TRUE;
  if (is_column_numbers_row (self, row))
    return FALSE;
  for (guint c = 0; c < self->n_columns; c++)
    {
      const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (self->sheet, row, c);
      g_autofree char *t = NULL;
      g_autofree char *code = NULL;

      if (cell->type == GK_XLSX_CELL_NUMBER)
        return TRUE;
      t = normalized_text (self, row, c);
      if (is_number_text (t))
        return TRUE;
      code = gk_xlsx_leading_code (t, NULL);
      if (code != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
row_is_blank (GkXlsxTableSheet *self,
              guint             row)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (gk_xlsx_table_sheet_text (self, row, c) != NULL)
      return FALSE;
  return TRUE;
}

static void
find_rows (GkXlsxTableSheet *self)
{
  guint r;

  /* Titles, 表N labels, 编制部门 and 单位 lines come first, one or two
   * texts a row. */
  for (r = 0; r < self->sheet->n_rows && r < MAX_PRE_ROWS; r++)
    {
      g_autoptr(GPtrArray) texts = row_texts (self, r);
      gboolean pre = TRUE;

      if (texts->len == 0)
        continue;
      if (is_data_row (self, r) && !(texts->len == 1 && !gk_xlsx_is_total_word (texts->pdata[0]) &&
                                     !is_number_text (texts->pdata[0])))
        break;
      if (texts->len > 1)
        for (guint i = 0; pre && i < texts->len; i++)
          pre = is_pre_text (texts->pdata[i]);
      if (!pre)
        break;
    }
  self->header_start = r;

  for (r = self->header_start; r < self->sheet->n_rows && r < self->header_start + MAX_HEADER_ROWS; r++)
    if (is_data_row (self, r))
      break;
  if (r >= self->header_start + MAX_HEADER_ROWS)
    {
      /* No line under the heading: the heading ends at the first gap. */
      for (r = self->header_start; r < self->sheet->n_rows && r < self->header_start + MAX_HEADER_ROWS; r++)
        if (row_is_blank (self, r))
          break;
    }
  self->data_start = MIN (r, self->sheet->n_rows);
}

static void
read_headings (GkXlsxTableSheet *self)
{
  self->headings = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);

      for (guint r = self->header_start; r < self->data_start; r++)
        {
          char *t;

          if (is_column_numbers_row (self, r))
            continue;
          t = normalized_text (self, r, c);
          if (t[0] == '\0' || (words->len > 0 && g_str_equal (words->pdata[words->len - 1], t)))
            g_free (t);
          else
            g_ptr_array_add (words, t);
        }
      g_ptr_array_add (words, NULL);
      g_ptr_array_add (self->headings, g_strjoinv ("/", (char **) words->pdata));
    }
}

static const char *
heading_leaf (const char *heading)
{
  const char *slash = strrchr (heading, '/');
  return slash ? slash + 1 : heading;
}

enum {
  UNIT_NAME_PATTERN,
  MONEY_UNIT_PATTERN,
  YEAR_PATTERN,
  N_PATTERNS
};

/* Compiled once for the whole program: a workbook has many cells. */
static GRegex *
regex (guint pattern)
{
  static const char * const patterns[N_PATTERNS] = {
    "(?:(?:编制|填报)(?:部门|单位)|单位名称|部门名称)(?:名称)?\\s*[:：]\\s*(.+?)(?:\\s{2,}|\\t|　|(?:金额)?单位\\s*[:：]|$)",
    "(?<!编制|填报)单位\\s*[:：]\\s*(万元|元)|[(（]\\s*(万元|元)\\s*[)）]",
    "((?:19|20)\\d{2})\\s*年",
  };
  static GRegex *compiled[N_PATTERNS];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < N_PATTERNS; i++)
        compiled[i] = g_regex_new (patterns[i], G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&done, 1);
    }
  return compiled[pattern];
}

/* "2020年部门预算" → 2020; 0 when the text names no year. */
guint
gk_xlsx_find_year (const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *year = NULL;

  if (text == NULL || !g_regex_match (regex (YEAR_PATTERN), text, 0, &match))
    return 0;
  year = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (year, NULL, 10);
}

/* 编制部门, 单位 and the year, from the rows above the heading and the
 * heading itself. */
static void
read_title_lines (GkXlsxTableSheet *self)
{
  GRegex *unit_name = regex (UNIT_NAME_PATTERN);
  GRegex *money = regex (MONEY_UNIT_PATTERN);
  GRegex *year = regex (YEAR_PATTERN);

  for (guint r = 0; r < self->data_start; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        const GkXlsxCell *cell = gk_xlsx_sheet_get_cell (self->sheet, r, c);
        g_autoptr(GMatchInfo) match = NULL;
        g_autofree char *nfkc = NULL;

        if (cell->covered || gk_xlsx_table_sheet_text (self, r, c) == NULL)
          continue;
        nfkc = g_utf8_normalize (cell->text, -1, G_NORMALIZE_NFKC);
        if (nfkc == NULL)
          continue;
        if (self->unit_name == NULL && g_regex_match (unit_name, cell->text, 0, &match))
          {
            g_autofree char *name = g_match_info_fetch (match, 1);
            g_autofree char *stripped = gk_xlsx_strip (name);
            if (stripped[0] != '\0')
              self->unit_name = g_steal_pointer (&stripped);
          }
        g_clear_pointer (&match, g_match_info_unref);
        if (self->money_unit < 0 && g_regex_match (money, nfkc, 0, &match))
          {
            g_autofree char *a = g_match_info_fetch (match, 1);
            g_autofree char *b = g_match_info_fetch (match, 2);
            const char *u = a && a[0] ? a : b;
            self->money_unit = g_strcmp0 (u, "万元") == 0 ? GK_MONEY_UNIT_WANYUAN : GK_MONEY_UNIT_YUAN;
          }
        g_clear_pointer (&match, g_match_info_unref);
        if (self->year == 0 && r < self->header_start && g_regex_match (year, nfkc, 0, &match))
          {
            g_autofree char *y = g_match_info_fetch (match, 1);
            self->year = (guint) g_ascii_strtoull (y, NULL, 10);
          }
      }
}

/* 公务用车运行费 and 公务用车运行维护费 are one item, named as the year's
 * wording has it. */
static char *
path_key (const char *text)
{
  g_autoptr(GString) key = g_string_new (text);

  g_string_replace (key, "运行维护费", "运行费", 0);
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The column whose groups and title, outermost first, are the heading's
 * levels. A heading may have a level above them all (a merged header over
 * the whole table), or name the outer ones otherwise (一般公共预算财政拨款
 * “三公”经费, or a lone header over all the columns read as a title
 * line): then its inner levels, two at least, the more the better, must
 * name one column alone. */
static int
match_group_path (const GkTableSchema *schema,
                  const char          *heading_in)
{
  g_autofree char *heading = path_key (heading_in);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n_columns = gk_table_schema_get_n_columns (schema);
  gsize n = strlen (heading);

  for (guint c = 0; c < n_columns; c++)
    {
      const GkColumnSchema *col = gk_table_schema_get_column (schema, c);
      g_autoptr(GString) path = g_string_new (NULL);
      g_autofree char *title = gk_xlsx_normalize (col->title);

      if (col->groups == NULL)
        {
          g_ptr_array_add (paths, NULL);
          continue;
        }
      for (guint g = 0; col->groups[g] != NULL; g++)
        {
          g_autofree char *level = gk_xlsx_normalize (col->groups[g]);
          g_string_append_printf (path, "%s/", level);
        }
      g_string_append (path, title);
      g_ptr_array_add (paths, path_key (path->str));
    }
  for (guint c = 0; c < n_columns; c++)
    {
      const char *path = paths->pdata[c];
      gsize len = path != NULL ? strlen (path) : 0;

      if (path != NULL && (g_str_equal (heading, path) ||
                           (n > len && g_str_has_suffix (heading, path) && heading[n - len - 1] == '/')))
        return c;
    }
  /* The heading's inner levels, from all but its outermost down to two. */
  for (const char *inner = strchr (heading, '/'); inner != NULL && strchr (inner + 1, '/') != NULL;
       inner = strchr (inner + 1, '/'))
    {
      const char *levels = inner + 1;
      gsize m = strlen (levels);
      int found = -1;
      guint n_found = 0;

      for (guint c = 0; c < n_columns; c++)
        {
          const char *path = paths->pdata[c];
          gsize len = path != NULL ? strlen (path) : 0;

          if (path != NULL && len > m && g_str_has_suffix (path, levels) && path[len - m - 1] == '/')
            {
              found = c;
              n_found++;
            }
        }
      if (n_found == 1)
        return found;
    }
  /* All of a heading of two levels may be the inner ones. */
  if (strchr (heading, '/') != NULL)
    {
      int found = -1;
      guint n_found = 0;

      for (guint c = 0; c < n_columns; c++)
        {
          const char *path = paths->pdata[c];
          gsize len = path != NULL ? strlen (path) : 0;

          if (path != NULL && len > n && g_str_has_suffix (path, heading) && path[len - n - 1] == '/')
            {
              found = c;
              n_found++;
            }
        }
      if (n_found == 1)
        return found;
    }
  return -1;
}

static void
assign_roles (GkXlsxTableSheet *self)
{
  const GkTableSchema *schema = self->schema;
  gboolean classified = schema->kind == GK_TABLE_KIND_FUNCTION || schema->kind == GK_TABLE_KIND_ECONOMIC ||
                        schema->kind == GK_TABLE_KIND_PROJECTS;
  g_autofree gboolean *taken = g_new0 (gboolean, gk_table_schema_get_n_columns (schema));

  self->roles = g_new0 (GkXlsxRole, MAX (self->n_columns, 1));
  self->amounts = g_new (int, MAX (self->n_columns, 1));
  for (guint c = 0; c < self->n_columns; c++)
    self->amounts[c] = -1;
  if (gk_table_schema_is_summary (schema))
    return;

  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *heading = self->headings->pdata[c];
      const char *leaf = heading_leaf (heading);
      int column;

      if (leaf[0] == '\0')
        continue;
      if (classified)
        {
          if (g_str_equal (leaf, "类"))
            {
              self->roles[c] = GK_XLSX_ROLE_CLASS;
              continue;
            }
          if (g_str_equal (leaf, "款"))
            {
              self->roles[c] = GK_XLSX_ROLE_SECTION;
              continue;
            }
          if (g_str_equal (leaf, "项") && schema->kind != GK_TABLE_KIND_ECONOMIC)
            {
              self->roles[c] = GK_XLSX_ROLE_ITEM;
              continue;
            }
          if (schema->kind == GK_TABLE_KIND_PROJECTS &&
              (strstr (leaf, "项目名称") != NULL || g_str_equal (leaf, "项目")))
            {
              if (gk_xlsx_table_sheet_find_role (self, GK_XLSX_ROLE_PROJECT) < 0)
                self->roles[c] = GK_XLSX_ROLE_PROJECT;
              continue;
            }
          if (strstr (leaf, "编码") != NULL || strstr (leaf, "代码") != NULL || g_str_equal (leaf, "科目号"))
            {
              if (gk_xlsx_table_sheet_find_role (self, GK_XLSX_ROLE_CODE) < 0)
                self->roles[c] = GK_XLSX_ROLE_CODE;
              continue;
            }
          if (strstr (leaf, "名称") != NULL || g_str_equal (leaf, "科目") || g_str_equal (leaf, "项目") ||
              g_str_equal (leaf, "功能分类") || g_str_equal (leaf, "经济分类") || g_str_has_suffix (leaf, "科目"))
            {
              if (gk_xlsx_table_sheet_find_role (self, GK_XLSX_ROLE_NAME) < 0)
                self->roles[c] = GK_XLSX_ROLE_NAME;
              continue;
            }
        }
      /* Under groups (决算's 三公 table: 预算数 and 决算数 under each item),
       * a column is named by its whole path; the leaf alone is ambiguous. */
      column = match_group_path (schema, heading);
      if (column < 0)
        column = _gk_xlsx_match_amount_column (schema, leaf, NULL);
      /* Two headings under one group (表八's 小计) need the group too. */
      if (column < 0)
        column = _gk_xlsx_match_amount_column (schema, heading, NULL);
      if (column >= 0 && !taken[column])
        {
          taken[column] = TRUE;
          self->roles[c] = GK_XLSX_ROLE_AMOUNT;
          self->amounts[c] = column;
        }
    }
}

static void
read_notes (GkXlsxTableSheet *self)
{
  self->notes = g_ptr_array_new_with_free_func (note_free);
  for (guint r = self->data_start; r < self->sheet->n_rows; r++)
    {
      const char *t = first_text (self, r);
      g_autofree GkXlsxNote *note = g_new0 (GkXlsxNote, 1);

      if (t == NULL || !is_note_text (t, note))
        continue;
      note->row = r;
      g_ptr_array_add (self->notes, g_steal_pointer (&note));
    }
}

/* The distinct texts above the heading, where titles and 表N labels are. */
static void
read_titles (GkXlsxTableSheet *self)
{
  self->titles = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < self->header_start; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        char *t = normalized_text (self, r, c);

        if (t[0] == '\0' || g_ptr_array_find_with_equal_func (self->titles, t, g_str_equal, NULL))
          g_free (t);
        else
          g_ptr_array_add (self->titles, t);
      }
}

/**
 * gk_xlsx_table_sheet_new:
 *
 * Reads how the sheet is laid out: its title lines, its heading and where
 * its lines start. Which table it is depends on the template: see
 * gk_xlsx_table_sheet_set_template().
 */
GkXlsxTableSheet *
gk_xlsx_table_sheet_new (GkXlsxWorkbook *workbook,
                         GkXlsxSheet    *sheet)
{
  GkXlsxTableSheet *self;

  g_return_val_if_fail (workbook != NULL, NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  self = g_new0 (GkXlsxTableSheet, 1);
  self->workbook = workbook;
  self->sheet = sheet;
  self->money_unit = -1;
  self->value_column = -1;
  self->n_columns = sheet->n_columns;
  self->label = g_strdup_printf (_("sheet “%s”"), sheet->name);
  if (sheet->n_rows == 0)
    {
      self->headings = g_ptr_array_new_with_free_func (g_free);
      return self;
    }
  find_rows (self);
  read_headings (self);
  read_title_lines (self);
  read_titles (self);
  return self;
}

/**
 * gk_xlsx_table_sheet_set_template:
 *
 * Finds which of @template's tables the sheet is, and what each of its
 * columns holds. The sheet is none of them (its schema %NULL, its reason
 * saying why) when it is empty or when it is a table that @template does
 * not have.
 */
void
gk_xlsx_table_sheet_set_template (GkXlsxTableSheet *self,
                                  GkTemplate       *template)
{
  const char *title = NULL;
  const char *how = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (template != NULL && self->schema == NULL && self->reason == NULL);

  if (self->sheet->n_rows == 0)
    {
      self->reason = g_strdup (_("empty; ignored"));
      return;
    }
  self->schema = gk_xlsx_table_sheet_guess (self, template, &title, &how);
  if (self->schema == NULL)
    {
      self->reason = title != NULL
                       ? g_strdup_printf (_("“%s” is not part of this template; ignored"), title)
                       : g_strdup (_("not part of this template (no title or headings of its tables); ignored"));
      return;
    }
  /* List tables (政府采购 …) and the 绩效目标表 are not read from
   * workbooks yet: say so rather than file them half read. */
  if (gk_table_schema_has_entries (self->schema) || self->schema->kind == GK_TABLE_KIND_PROJECT_PERFORMANCE)
    {
      g_autofree char *label = gk_table_schema_dup_name (self->schema);

      self->schema = NULL;
      self->reason = g_strdup_printf (_("%s is not read from workbooks; enter it in the window. Ignored"), label);
      return;
    }
  self->reason = g_strdup (how);

  g_free (self->label);
  {
    g_autofree char *label = gk_table_schema_dup_label (self->schema);
    g_autofree char *name = gk_xlsx_normalize (self->sheet->name);
    self->label = g_str_equal (name, label)
                    ? g_strdup (label)
                    : g_strdup_printf (_("%s (sheet “%s”)"), label, self->sheet->name);
  }
  assign_roles (self);
  if (self->schema->kind == GK_TABLE_KIND_SINGLE)
    _gk_xlsx_find_items_as_rows (self);
  read_notes (self);
}
