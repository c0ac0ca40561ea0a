/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-checker-private.h"

/* Reads the figures a typed text states: each number with its unit, what
 * the words before it make of it (an amount, a share after 占, a change
 * after 增加/减少, a percentage after 增长/下降) and what it is of — the last
 * name the document knows (a total, a 类/款/项, a “三公” item …) said before
 * it in the same sentence, else what the paragraph is about. The checks
 * then compare each claim with the tables. */

#define S(n) (1u << (n))

/* Names that 情况说明 gives the quantities it speaks of, by section (0 is
 * 单位概况). The longest name that matches wins, so that 一般公共预算基本支出
 * is not read as 基本支出. */
static const struct
{
  const char *text;
  guint       sections;
  const char *subject;
} labels[] = {
  { "收支总预算", S (1), "t1:income-total" },
  { "支出预算", S (1) | S (3), "t3:total" },
  { "收入预算", S (2), "t2:total" },
  { "一般公共预算", S (2), "t2:general" },
  { "一般公共预算拨款", S (2), "t2:general" },
  { "政府性基金预算", S (2), "t2:fund" },
  { "政府性基金预算拨款", S (2), "t2:fund" },
  { "财政专户管理资金", S (2), "t2:special" },
  { "事业收入", S (2), "t2:business" },
  { "事业单位经营收入", S (2), "t2:operating" },
  { "其他收入", S (2), "t2:other" },
  { "用事业基金弥补收支差额", S (2), "t2:reserve" },
  { "上年结余", S (2), "t2:carryover" },
  { "基本支出", S (3), "t3:basic" },
  { "项目支出", S (3), "t3:project" },
  { "收支总预算", S (4), "t4:income-total" },
  { "财政拨款收支总预算", S (4), "t4:income-total" },
  { "一般公共预算拨款", S (4), "t4:general" },
  { "政府性基金预算拨款", S (4), "t4:fund" },
  { "一般公共预算当年拨款", S (5), "t5:total" },
  { "一般公共预算拨款", S (5), "t5:total" },
  { "基本支出", S (5), "t5:basic" },
  { "项目支出", S (5), "t5:project" },
  { "一般公共预算基本支出", S (6), "t6:total" },
  { "基本支出", S (6), "t6:total" },
  { "人员经费", S (6), "t6:personnel" },
  { "公用经费", S (6), "t6:public" },
  { "“三公”经费", S (8), "t8:total" },
  { "\"三公\"经费", S (8), "t8:total" },
  { "三公经费", S (8), "t8:total" },
  { "因公出国（境）费", S (8), "t8:abroad" },
  { "因公出国（境）", S (8), "t8:abroad" },
  { "公务用车购置及运行费", S (8), "t8:vehicle" },
  { "公务用车购置费", S (8), "t8:vehicle-purchase" },
  { "公务用车购置", S (8), "t8:vehicle-purchase" },
  { "公务用车运行维护费", S (8), "t8:vehicle-operation" },
  { "公务用车运行费", S (8), "t8:vehicle-operation" },
  { "公务用车运行", S (8), "t8:vehicle-operation" },
  { "公务接待费", S (8), "t8:reception" },
  { "公务接待", S (8), "t8:reception" },
  { "政府性基金预算", S (9), "t9:total" },
  { "机关运行经费", S (10), "running" },
  { "政府采购预算", S (10), "procurement:total" },
  { "政府采购货物预算", S (10), "procurement:goods" },
  { "政府采购工程预算", S (10), "procurement:works" },
  { "政府采购服务预算", S (10), "procurement:services" },
  { "中小企业", S (10), "procurement:sme" },
  { "小微企业", S (10), "procurement:micro" },
  { "房屋", S (10), "assets:building" },
  { "车辆", S (10), "vehicles:total" },
  { "一般公务用车", S (10), "vehicles:general" },
  { "执法执勤用车", S (10), "vehicles:enforcement" },
  { "其他车辆", S (10), "vehicles:other" },
  { "办公家具", S (10), "assets:furniture" },
  { "其他资产", S (10), "assets:other" },
  { "绩效管理", S (10), "performance" },
  { "编制数", S (0), "staff:authorized" },
  { "编制", S (0), "staff:authorized" },
  { "实有人数", S (0), "staff:actual" },
  { "实有", S (0), "staff:actual" },
  { "在职", S (0), "staff:serving" },
  { "退休", S (0), "staff:retired" },
  { "离休", S (0), "staff:veteran" },
};

/* What a paragraph is about when a figure follows no name. */
static char *
default_subject (const char *id)
{
  static const struct { const char *id; const char *subject; } fixed[] = {
    { "s1.total", "t1:income-total" },
    { "s2.total", "t2:total" },
    { "s3.total", "t3:total" },
    { "s4.total", "t4:income-total" },
    { "s5.scale", "t5:total" },
    { "s6.total", "t6:total" },
    { "s6.personnel", "t6:personnel" },
    { "s6.public", "t6:public" },
    { "s8.total", "t8:total" },
    { "s8.change", "t8:total" },
    { "s9.total", "t9:total" },
    { "s10.running", "running" },
    { "s10.procurement", "procurement:total" },
    { "s10.procurement.sme", "procurement:sme" },
    { "s10.assets.buildings", "assets:building" },
    { "s10.assets.vehicles", "vehicles:total" },
    { "s10.assets.furniture", "assets:furniture" },
    { "s10.assets.other", "assets:other" },
    { "s10.performance", "performance" },
  };
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (g_str_equal (fixed[i].id, id))
      return g_strdup (fixed[i].subject);

  parts = g_strsplit (id, ".", -1);
  if (g_strv_length (parts) >= 3 && g_str_equal (parts[0], "s7") && g_str_equal (parts[1], "project"))
    return g_strconcat ("project/", parts[2], NULL);
  if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "s5") &&
      (g_str_equal (parts[1], "item") || g_str_equal (parts[1], "structure")))
    return g_strconcat ("t5/", parts[2], NULL);
  if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "s2") && g_str_equal (parts[1], "income"))
    return g_strconcat ("t2:", parts[2], NULL);
  if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "s3") && g_str_equal (parts[1], "expenditure"))
    return g_strconcat ("t3:", parts[2], NULL);
  return NULL;
}

/* The table whose 类/款/项 a section names. */
static const char *
function_table_of_section (guint section)
{
  switch (section)
    {
    case 1:
    case 3:
      return "t3";
    case 4:
      return "t4";
    case 5:
      return "t5";
    case 9:
      return "t9";
    default:
      return NULL;
    }
}

guint
gk_check_section_of (const char *paragraph_id)
{
  guint64 n;

  if (paragraph_id == NULL || paragraph_id[0] != 's' || !g_ascii_isdigit (paragraph_id[1]))
    return 0;
  n = g_ascii_strtoull (paragraph_id + 1, NULL, 10);
  return n <= 10 ? (guint) n : 0;
}

/* Normalising -------------------------------------------------------------- */

/* One spelling for what typists vary: no spaces, ASCII digits, full-width
 * brackets and colons, so that names and figures compare as written. */
char *
gk_check_normalize (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0x00a0)
        continue;
      if (c >= 0xff10 && c <= 0xff19)
        c = '0' + (c - 0xff10);
      else if (c == 0xff0e)
        c = '.';
      else if (c == 0xff05)
        c = '%';
      else if (c == '(')
        c = 0xff08;
      else if (c == ')')
        c = 0xff09;
      else if (c == ':')
        c = 0xff1a;
      else if (c == ';')
        c = 0xff1b;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* "行政运行（政府办公厅（室）及相关机构事务）" → "行政运行": a 项's name often
 * repeats its 款 in brackets, which the text leaves out. */
char *
gk_check_name_without_parent (const char *name,
                              const char *parent_name)
{
  g_autofree char *n = gk_check_normalize (name);
  g_autofree char *p = NULL;
  g_autofree char *suffix = NULL;

  if (parent_name == NULL)
    return g_steal_pointer (&n);
  p = gk_check_normalize (parent_name);
  suffix = g_strconcat ("（", p, "）", NULL);
  if (g_str_has_suffix (n, suffix) && strlen (n) > strlen (suffix))
    n[strlen (n) - strlen (suffix)] = '\0';
  return g_steal_pointer (&n);
}

/* Edit distance over characters, for names typed almost alike. */
static guint
edit_distance (const char *a,
               const char *b)
{
  glong na, nb;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &na);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  g_autofree guint *row = g_new (guint, nb + 1);

  for (glong j = 0; j <= nb; j++)
    row[j] = j;
  for (glong i = 1; i <= na; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= nb; j++)
        {
          guint above = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diagonal + (ua[i - 1] == ub[j - 1] ? 0 : 1));
          diagonal = above;
        }
    }
  return row[nb];
}

/* Two spellings of one name: a few characters added, dropped or changed. */
gboolean
gk_check_names_close (const char *a,
                      const char *b)
{
  glong la = g_utf8_strlen (a, -1);
  glong lb = g_utf8_strlen (b, -1);
  guint limit = MAX (2, MIN (la, lb) / 4);

  if (la == 0 || lb == 0 || g_str_equal (a, b))
    return FALSE;
  if (ABS (la - lb) > (glong) limit)
    return FALSE;
  return edit_distance (a, b) <= limit;
}

/* The items of a list "包括：A、B、C。", from the list's start (returned in
 * list_start) to the end of its sentence. */
GPtrArray *
gk_check_list_items (const char *text,
                     gsize      *list_start)
{
  const char *start = strstr (text, "包括");
  const char *end;
  g_autofree char *list = NULL;
  g_auto(GStrv) items = NULL;
  GPtrArray *result;

  if (start == NULL)
    return NULL;
  start += strlen ("包括");
  if (g_str_has_prefix (start, "："))
    start += strlen ("：");
  for (end = start; *end != '\0'; end = g_utf8_next_char (end))
    if (g_str_has_prefix (end, "。") || g_str_has_prefix (end, "；") || *end == '\n' ||
        g_str_has_prefix (end, "，"))
      break;
  if (list_start != NULL)
    *list_start = start - text;
  list = g_strndup (start, end - start);
  items = g_strsplit (list, "、", -1);
  result = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strdup (items[i]);

      if (g_str_has_suffix (item, "等"))
        item[strlen (item) - strlen ("等")] = '\0';
      if (item[0] != '\0')
        g_ptr_array_add (result, g_steal_pointer (&item));
    }
  return result;
}

/* Finding names in a text -------------------------------------------------- */

typedef struct
{
  gsize       start;
  gsize       end;
  char       *subject;   /* a fixed subject, or NULL for a 类/款/项 */
  GPtrArray  *codes;     /* 类/款/项 candidates (borrowed) */
} Occurrence;

static void
occurrence_clear (gpointer data)
{
  Occurrence *o = data;
  g_free (o->subject);
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  const Occurrence *oa = a;
  const Occurrence *ob = b;

  if (oa->start != ob->start)
    return oa->start < ob->start ? -1 : 1;
  /* The longer name first. */
  return (ob->end - ob->start) > (oa->end - oa->start) ? 1
         : (ob->end - ob->start) < (oa->end - oa->start) ? -1 : 0;
}

static void
add_occurrences (GArray     *found,
                 const char *text,
                 const char *label,
                 const char *subject,
                 GPtrArray  *codes)
{
  gsize len = strlen (label);

  if (len == 0)
    return;
  for (const char *p = strstr (text, label); p != NULL; p = strstr (p + len, label))
    {
      Occurrence o = { p - text, p - text + len, g_strdup (subject), codes };
      g_array_append_val (found, o);
    }
}

/* The 类/款/项 names a section may say, each with the codes it can mean
 * (short names such as 行政运行 repeat under many 款). */
static GHashTable *
function_labels (GkDocument *document,
                 const char *table_id)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  GkTable *table = table_id != NULL ? gk_document_get_table (document, table_id) : NULL;
  GListModel *rows = table != NULL ? G_LIST_MODEL (table) : NULL;

  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
      const char *code = gk_row_get_code (row);
      g_autofree char *parent_code = NULL;
      const char *parent_name;
      char *variants[2];
      gboolean same;

      if (code == NULL || gk_classification_level (GK_CLASSIFICATION_FUNCTION, code) == GK_LEVEL_NONE)
        continue;
      parent_code = gk_classification_parent (GK_CLASSIFICATION_FUNCTION, code);
      parent_name = gk_document_get_code_name (document, GK_CLASSIFICATION_FUNCTION, parent_code);
      variants[0] = gk_check_normalize (gk_row_get_name (row));
      variants[1] = gk_check_name_without_parent (gk_row_get_name (row), parent_name);
      /* Compared now: the first variant is freed below when another row
       * already has the same name. */
      same = g_str_equal (variants[0], variants[1]);
      for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
        {
          GPtrArray *codes;

          if (variants[v][0] == '\0' || (v == 1 && same))
            {
              g_free (variants[v]);
              continue;
            }
          codes = g_hash_table_lookup (names, variants[v]);
          if (codes == NULL)
            {
              codes = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (names, variants[v], codes);
            }
          else
            g_free (variants[v]);
          g_ptr_array_add (codes, g_strdup (code));
        }
    }
  return names;
}

/* Chooses what each 类/款/项 name means: the code under the one named just
 * before it ("一般公共服务支出（类）政府办公厅（室）…（款）行政运行（项）"). */
static void
resolve_functions (GArray     *occurrences,
                   const char *text,
                   const char *table_id)
{
  const char *previous = NULL;
  gsize previous_end = 0;

  for (guint i = 0; i < occurrences->len; i++)
    {
      Occurrence *o = &g_array_index (occurrences, Occurrence, i);
      const char *chosen = NULL;
      g_autofree char *between = NULL;
      gboolean adjacent;

      if (o->codes == NULL)
        {
          previous = NULL;
          continue;
        }
      between = previous != NULL ? g_strndup (text + previous_end, o->start - previous_end) : NULL;
      adjacent = between != NULL &&
                 (between[0] == '\0' || g_str_equal (between, "（类）") || g_str_equal (between, "（款）"));
      for (guint c = 0; adjacent && chosen == NULL && c < o->codes->len; c++)
        if (gk_classification_is_ancestor (previous, o->codes->pdata[c]))
          chosen = o->codes->pdata[c];
      if (chosen == NULL)
        chosen = o->codes->pdata[0];
      o->subject = g_strconcat (table_id, "/", chosen, NULL);
      previous = chosen;
      previous_end = o->end;
    }
}

static GArray *
find_names (GkDocument *document,
            const char *text,
            guint       section)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  const char *table_id = function_table_of_section (section);
  g_autoptr(GHashTable) functions = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gsize covered = 0;

  g_array_set_clear_func (chosen, occurrence_clear);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].sections & S (section))
      {
        g_autofree char *label = gk_check_normalize (labels[i].text);
        add_occurrences (found, text, label, labels[i].subject, NULL);
      }

  functions = function_labels (document, table_id);
  g_hash_table_iter_init (&iter, functions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_occurrences (found, text, key, NULL, value);

  g_array_sort (found, compare_occurrences);
  for (guint i = 0; i < found->len; i++)
    {
      Occurrence *o = &g_array_index (found, Occurrence, i);

      if (o->start < covered)
        {
          g_free (o->subject);
          continue;
        }
      g_array_append_val (chosen, *o);
      covered = o->end;
    }
  g_array_unref (found);

  if (table_id != NULL)
    resolve_functions (chosen, text, table_id);
  /* The codes belong to the table of names, which goes now. */
  for (guint i = 0; i < chosen->len; i++)
    g_array_index (chosen, Occurrence, i).codes = NULL;
  return chosen;
}

/* Reading figures ---------------------------------------------------------- */

static gboolean
is_sentence_end (const char *p)
{
  return *p == '\n' || g_str_has_prefix (p, "。") || g_str_has_prefix (p, "；") ||
         g_str_has_prefix (p, "！") || g_str_has_prefix (p, "？");
}

static gsize
sentence_start (const char *text,
                gsize       offset)
{
  gsize start = 0;

  for (const char *p = text; *p != '\0' && (gsize) (p - text) < offset; p = g_utf8_next_char (p))
    if (is_sentence_end (p))
      start = g_utf8_next_char (p) - text;
  return start;
}

static const struct { const char *word; int direction; } change_words[] = {
  { "增加", 1 }, { "增长", 1 }, { "上升", 1 }, { "提高", 1 }, { "增", 1 }, { "多", 1 },
  { "减少", -1 }, { "下降", -1 }, { "降低", -1 }, { "压减", -1 }, { "减", -1 }, { "少", -1 },
};

/* The change word the words before a figure end with ("比上年减少"). */
static const char *
ends_with_change (const char *lead,
                  int        *direction)
{
  g_autofree char *trimmed = g_strdup (lead);

  if (g_str_has_suffix (trimmed, "了"))
    trimmed[strlen (trimmed) - strlen ("了")] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (change_words); i++)
    if (g_str_has_suffix (trimmed, change_words[i].word))
      {
        *direction = change_words[i].direction;
        return change_words[i].word;
      }
  return NULL;
}

typedef enum {
  UNIT_NONE,
  UNIT_WANYUAN,
  UNIT_YUAN,
  UNIT_YIYUAN,
  UNIT_PERCENT,
  UNIT_COUNT,
  UNIT_AREA,
  UNIT_THRESHOLD,   /* 50万元以上: a bound, not a figure */
} Unit;

static Unit
unit_at (const char *p,
         gsize      *length)
{
  static const struct { const char *text; Unit unit; } units[] = {
    { "万元以上", UNIT_THRESHOLD }, { "万元以下", UNIT_THRESHOLD }, { "万元及以上", UNIT_THRESHOLD },
    { "元以上", UNIT_THRESHOLD }, { "元以下", UNIT_THRESHOLD },
    { "万元", UNIT_WANYUAN }, { "亿元", UNIT_YIYUAN }, { "元", UNIT_YUAN },
    { "%", UNIT_PERCENT },
    { "平方米", UNIT_AREA },
    { "个", UNIT_COUNT }, { "辆", UNIT_COUNT }, { "人", UNIT_COUNT }, { "名", UNIT_COUNT },
    { "家", UNIT_COUNT }, { "台", UNIT_COUNT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_prefix (p, units[i].text))
      {
        *length = strlen (units[i].text);
        return units[i].unit;
      }
  *length = 0;
  return UNIT_NONE;
}

/* Reads "1,234.56" at p: the whole and the decimals as written. */
static gboolean
read_number (const char *p,
             gsize      *length,
             guint64    *whole,
             guint64    *fraction,
             guint      *decimals)
{
  const char *q = p;

  *whole = 0;
  *fraction = 0;
  *decimals = 0;
  while (g_ascii_isdigit (*q) ||
         (*q == ',' && q > p && g_ascii_isdigit (q[1]) && g_ascii_isdigit (q[2]) && g_ascii_isdigit (q[3])))
    {
      if (*q != ',')
        {
          if (*whole > G_MAXUINT64 / 100)
            return FALSE;
          *whole = *whole * 10 + (*q - '0');
        }
      q++;
    }
  if (*q == '.' && g_ascii_isdigit (q[1]))
    {
      q++;
      while (g_ascii_isdigit (*q))
        {
          if (*decimals < 6)
            *fraction = *fraction * 10 + (*q - '0');
          (*decimals)++;
          q++;
        }
    }
  *length = q - p;
  return TRUE;
}

static void
claim_free (gpointer data)
{
  GkClaim *claim = data;

  g_free (claim->subject);
  g_free (claim->written);
  g_free (claim);
}

void
gk_claim_text_free (GkClaimText *text)
{
  if (text == NULL)
    return;
  g_free (text->id);
  g_free (text->text);
  g_ptr_array_unref (text->claims);
  g_free (text);
}

/* The subject of a figure at `offset`: the last name said before it in its
 * sentence, else what the paragraph is about. */
static const char *
subject_before (GArray     *names,
                gsize       from,
                gsize       offset,
                const char *fallback)
{
  const char *subject = fallback;

  for (guint i = 0; i < names->len; i++)
    {
      Occurrence *o = &g_array_index (names, Occurrence, i);

      if (o->start >= from && o->end <= offset && o->subject != NULL)
        subject = o->subject;
    }
  return subject;
}

/* Counts named after the figure: "0家行政单位", "下设1个处室". */
static const char *
count_subject_after (const char *p)
{
  static const struct { const char *word; const char *subject; } after[] = {
    { "行政单位", "units:administrative" },
    { "事业单位", "units:institutions" },
    { "处室", "staff:offices" },
    { "科室", "staff:offices" },
    { "内设机构", "staff:offices" },
    { "职能科室", "staff:offices" },
    { "预算单位", "staff:units" },
    { "下属单位", "staff:units" },
    { "二级单位", "staff:units" },
    { "单位", "staff:units" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (after); i++)
    if (g_str_has_prefix (p, after[i].word))
      return after[i].subject;
  return NULL;
}

static gboolean
convert_amount (GkDocument *document,
                Unit        unit,
                guint64     whole,
                guint64     fraction,
                guint       decimals,
                GkAmount   *amount,
                gboolean   *exact)
{
  GkMoneyUnit money = gk_document_get_money_unit (document);
  GkAmount written;
  gboolean rounded = FALSE;

  if (decimals > 2 || whole > (guint64) G_MAXINT64 / 1000000)
    return FALSE;
  written = (GkAmount) whole * 100 + (GkAmount) (decimals == 1 ? fraction * 10 : fraction);
  *exact = TRUE;
  switch (unit)
    {
    case UNIT_AREA:
      *amount = written;
      return TRUE;
    case UNIT_WANYUAN:
      if (!gk_amount_convert (written, GK_MONEY_UNIT_WANYUAN, money, amount, &rounded))
        return FALSE;
      *exact = !rounded;
      return TRUE;
    case UNIT_YIYUAN:
      if (!gk_amount_convert (written * 10000, GK_MONEY_UNIT_WANYUAN, money, amount, &rounded))
        return FALSE;
      *exact = !rounded;
      return TRUE;
    case UNIT_YUAN:
      if (!gk_amount_convert (written, GK_MONEY_UNIT_YUAN, money, amount, &rounded))
        return FALSE;
      *exact = !rounded;
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * gk_claim_text_parse:
 * @document: the document whose names the text may use
 * @id: the paragraph id ("s5.item.2010301") or a text location
 * @section: 1 … 10 of 情况说明, 0 for 单位概况
 * @text: the text as typed
 *
 * Returns: (transfer full): the figures the text states
 */
GkClaimText *
gk_claim_text_parse (GkDocument *document,
                     const char *id,
                     guint       section,
                     const char *text)
{
  GkClaimText *result = g_new0 (GkClaimText, 1);
  g_autoptr(GArray) names = NULL;
  g_autofree char *fallback = default_subject (id);
  const char *t;
  gsize previous_end = 0;
  guint threshold = 0;

  result->id = g_strdup (id);
  result->section = section;
  result->text = gk_check_normalize (text);
  result->claims = g_ptr_array_new_with_free_func (claim_free);
  t = result->text;
  names = find_names (document, t, section);

  for (const char *p = t; *p != '\0'; )
    {
      gsize offset = p - t, number_length, unit_length;
      gsize from = sentence_start (t, offset);
      guint64 whole, fraction;
      guint decimals;
      Unit unit;
      g_autofree char *lead = NULL;
      const char *reason;
      const char *word;
      int direction = 0;
      GkClaim *claim;

      /* 与上年持平: a change without a figure. */
      if (g_str_has_prefix (p, "持平"))
        {
          claim = g_new0 (GkClaim, 1);
          claim->kind = GK_CLAIM_CHANGE;
          claim->subject = g_strdup (subject_before (names, from, offset, fallback));
          claim->exact = TRUE;
          claim->offset = offset;
          claim->written = g_strdup ("持平");
          g_ptr_array_add (result->claims, claim);
          p += strlen ("持平");
          previous_end = p - t;
          continue;
        }

      if (!g_ascii_isdigit (*p) || (p > t && (g_ascii_isdigit (p[-1]) || p[-1] == '.')))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (!read_number (p, &number_length, &whole, &fraction, &decimals))
        {
          p += 1;
          continue;
        }
      unit = unit_at (p + number_length, &unit_length);
      if (from < previous_end)
        from = previous_end;
      lead = g_strndup (t + from, offset - from);
      p += number_length + unit_length;

      if (unit == UNIT_THRESHOLD)
        {
          threshold = (guint) whole;
          previous_end = p - t;
          continue;
        }
      if (unit == UNIT_NONE)
        continue;
      previous_end = p - t;

      /* What follows 原因 is free text, not a figure of the tables. */
      reason = g_strrstr_len (t + sentence_start (t, offset), offset - sentence_start (t, offset), "原因");
      if (reason != NULL)
        continue;

      claim = g_new0 (GkClaim, 1);
      claim->offset = offset;
      claim->exact = TRUE;
      claim->decimals = decimals;
      claim->subject = g_strdup (subject_before (names, sentence_start (t, offset), offset, fallback));
      word = ends_with_change (lead, &direction);
      claim->direction = direction;

      switch (unit)
        {
        case UNIT_PERCENT:
          if (decimals > 2)
            goto skip;
          claim->value = (gint64) whole;
          for (guint d = 0; d < decimals; d++)
            claim->value *= 10;
          claim->value += fraction;
          if (g_str_has_suffix (lead, "占") || g_str_has_suffix (lead, "占比") ||
              g_str_has_suffix (lead, "占比为"))
            {
              claim->kind = GK_CLAIM_SHARE;
              claim->written = g_strdup_printf ("占%.*s%%", (int) number_length, t + offset);
            }
          else if (word != NULL)
            {
              claim->kind = GK_CLAIM_PERCENT;
              claim->written = g_strdup_printf ("%s%.*s%%", word, (int) number_length, t + offset);
            }
          else
            goto skip;
          break;

        case UNIT_COUNT:
          if (decimals > 0)
            goto skip;
          claim->kind = word != NULL ? GK_CLAIM_CHANGE : GK_CLAIM_COUNT;
          claim->value = (gint64) MIN (whole, (guint64) G_MAXINT64);
          if (g_str_has_prefix (t + offset + number_length, "家") ||
              g_str_has_prefix (t + offset + number_length, "个"))
            {
              const char *named = count_subject_after (p);
              if (named != NULL)
                {
                  g_free (claim->subject);
                  claim->subject = g_strdup (named);
                }
            }
          else if (g_str_has_prefix (t + offset + number_length, "台") && threshold != 0)
            {
              g_free (claim->subject);
              claim->subject = g_strdup_printf ("%s:%u",
                                                g_str_equal (id, "s10.assets.planned") ? "planned" : "equipment",
                                                threshold);
            }
          else if (g_str_has_prefix (t + offset + number_length, "辆") &&
                   g_str_equal (id, "s10.assets.planned"))
            {
              g_free (claim->subject);
              claim->subject = g_strdup ("planned:vehicles");
            }
          claim->written = g_strdup_printf ("%s%.*s", word ? word : "",
                                            (int) (number_length + unit_length), t + offset);
          break;

        case UNIT_WANYUAN:
        case UNIT_YUAN:
        case UNIT_YIYUAN:
        case UNIT_AREA:
          if (!convert_amount (document, unit, whole, fraction, decimals, &claim->value, &claim->exact))
            goto skip;
          claim->kind = word != NULL ? GK_CLAIM_CHANGE : GK_CLAIM_AMOUNT;
          claim->area = unit == UNIT_AREA;
          claim->written = g_strdup_printf ("%s%.*s", word ? word : "",
                                            (int) (number_length + unit_length), t + offset);
          break;

        case UNIT_NONE:
        case UNIT_THRESHOLD:
        default:
          goto skip;
        }
      g_ptr_array_add (result->claims, claim);
      continue;
    skip:
      claim_free (claim);
    }

  /* A change has its reason when 原因 follows before the next change. */
  for (guint i = 0; i < result->claims->len; i++)
    {
      GkClaim *claim = result->claims->pdata[i];
      gsize end = strlen (t);

      if (claim->kind != GK_CLAIM_CHANGE)
        continue;
      for (guint j = i + 1; j < result->claims->len; j++)
        {
          GkClaim *next = result->claims->pdata[j];
          if (next->kind == GK_CLAIM_CHANGE)
            {
              end = next->offset;
              break;
            }
        }
      claim->has_reason = g_strstr_len (t + claim->offset, end - claim->offset, "原因") != NULL;
    }
  return result;
}
