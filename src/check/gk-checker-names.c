/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-checker-private.h"

/* What a figure in a typed text is of: the names the document knows (a
 * total, a 类/款/项, a “三公” item …) found in the text, and for each figure
 * the one its clause speaks of. A figure is claimed for a name only where
 * the reader is sure of it: in the same clause or carried over from an
 * earlier clause of the sentence, not from inside a bracket that closed
 * before it, not past a name the reader does not know, and not for a
 * whole when "其中" narrowed the sentence to a part of one item. */

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
  { "收支总预算", S (1), "income-summary:income-total" },
  { "支出预算", S (1) | S (3), "expenditure:total" },
  { "收入预算", S (2), "income:total" },
  { "一般公共预算", S (2), "income:general" },
  { "一般公共预算拨款", S (2), "income:general" },
  { "政府性基金预算", S (2), "income:fund" },
  { "政府性基金预算拨款", S (2), "income:fund" },
  { "国有资本经营预算", S (2), "income:capital" },
  { "国有资本经营预算拨款", S (2), "income:capital" },
  { "财政专户管理资金", S (2), "income:special" },
  { "事业收入", S (2), "income:business" },
  { "事业单位经营收入", S (2), "income:operating" },
  { "其他收入", S (2), "income:other" },
  { "用事业基金弥补收支差额", S (2), "income:reserve" },
  { "上年结余", S (2), "income:carryover" },
  { "基本支出", S (3), "expenditure:basic" },
  { "项目支出", S (3), "expenditure:project" },
  { "收支总预算", S (4), "fiscal-summary:income-total" },
  { "财政拨款收支总预算", S (4), "fiscal-summary:income-total" },
  { "一般公共预算拨款", S (4), "fiscal-summary:general" },
  { "政府性基金预算拨款", S (4), "fiscal-summary:fund" },
  { "国有资本经营预算拨款", S (4), "fiscal-summary:capital" },
  { "一般公共预算当年拨款", S (5), "general-expenditure:total" },
  { "一般公共预算拨款", S (5), "general-expenditure:total" },
  { "基本支出", S (5), "general-expenditure:basic" },
  { "项目支出", S (5), "general-expenditure:project" },
  { "一般公共预算基本支出", S (6), "basic-expenditure:total" },
  { "基本支出", S (6), "basic-expenditure:total" },
  { "人员经费", S (6), "basic-expenditure:personnel" },
  { "公用经费", S (6), "basic-expenditure:public" },
  { "“三公”经费", S (8), "sangong:total" },
  { "\"三公\"经费", S (8), "sangong:total" },
  { "三公经费", S (8), "sangong:total" },
  /* Quotes of two kinds, as typed: “三公"经费 */
  { "“三公\"经费", S (8), "sangong:total" },
  { "\"三公”经费", S (8), "sangong:total" },
  { "因公出国（境）费", S (8), "sangong:abroad" },
  { "因公出国（境）", S (8), "sangong:abroad" },
  { "因公出国", S (8), "sangong:abroad" },
  { "公务用车购置及运行费", S (8), "sangong:vehicle" },
  { "公务用车购置及运行维护费", S (8), "sangong:vehicle" },
  { "公务用车购置和运行维护费", S (8), "sangong:vehicle" },
  { "公车购置及运行费", S (8), "sangong:vehicle" },
  { "公务用车及运行维护费", S (8), "sangong:vehicle" },
  { "公务用车购置费", S (8), "sangong:vehicle-purchase" },
  { "公务用车购置", S (8), "sangong:vehicle-purchase" },
  { "公务用车运行维护费", S (8), "sangong:vehicle-operation" },
  { "公务用车运行费", S (8), "sangong:vehicle-operation" },
  { "公务用车运行", S (8), "sangong:vehicle-operation" },
  { "公务接待费", S (8), "sangong:reception" },
  { "公务接待", S (8), "sangong:reception" },
  { "政府性基金预算", S (9), "fund-expenditure:total" },
  /* A 决算's 一般公共预算财政拨款支出决算情况说明 (k.final-general.*) */
  { "一般公共预算财政拨款支出", S (GK_SECTION_FINAL_GENERAL), "final-general:total" },
  { "基本支出", S (GK_SECTION_FINAL_GENERAL), "final-general:basic" },
  { "项目支出", S (GK_SECTION_FINAL_GENERAL), "final-general:project" },
  /* A 决算's 收入支出决算总体情况, 收入决算, 支出决算 and 财政拨款 totals
   * (k.final-totals, k.final-income, k.final-expenditure, k.final-fiscal).
   * "收、支总计" names two figures in turn: it is read in pairs
   * (gk-checker-pairs.c). */
  { "收入总计", S (GK_SECTION_FINAL_TOTALS), "final-summary:grand-total" },
  { "支出总计", S (GK_SECTION_FINAL_TOTALS), "final-summary:expenditure-grand-total" },
  /* 收入总计 in "总收入581.45万元，其中本年收入390.55万元", 本年收入合计 in
   * "决算总收入1244.27万元 … 年末结转和结余164.61万元": not sure, nobody's. */
  { "总收入", S (GK_SECTION_FINAL_TOTALS), "-" },
  { "总支出", S (GK_SECTION_FINAL_TOTALS), "-" },
  { "收支总计", S (GK_SECTION_FINAL_TOTALS), "-" },
  { "收入支出总计", S (GK_SECTION_FINAL_TOTALS), "-" },
  { "收入支出决算总计", S (GK_SECTION_FINAL_TOTALS), "-" },
  { "收、支总计", S (GK_SECTION_FINAL_TOTALS), "pair:totals" },
  { "收、支决算总计", S (GK_SECTION_FINAL_TOTALS), "pair:totals" },
  { "收入、支出总计", S (GK_SECTION_FINAL_TOTALS), "pair:totals" },
  { "收入、支出决算总计", S (GK_SECTION_FINAL_TOTALS), "pair:totals" },
  { "本年收入合计", S (GK_SECTION_FINAL_TOTALS), "final-summary:income-total" },
  { "本年收入", S (GK_SECTION_FINAL_TOTALS), "final-summary:income-total" },
  { "本年支出合计", S (GK_SECTION_FINAL_TOTALS), "final-summary:expenditure-total" },
  { "本年支出", S (GK_SECTION_FINAL_TOTALS), "final-summary:expenditure-total" },
  { "年初结转和结余", S (GK_SECTION_FINAL_TOTALS), "final-summary:opening" },
  { "上年结转和结余", S (GK_SECTION_FINAL_TOTALS), "final-summary:opening" },
  { "使用非财政拨款结余", S (GK_SECTION_FINAL_TOTALS), "final-summary:non-fiscal-balance" },
  { "年末结转和结余", S (GK_SECTION_FINAL_TOTALS), "final-summary:closing" },
  /* Between 本年支出合计 and 年末结转和结余 on the expenditure side: unnamed,
   * its figure would be carried over as one more 本年支出合计. */
  { "结余分配", S (GK_SECTION_FINAL_TOTALS), "final-summary:distribution" },
  /* Parts of 年末结转和结余 no table line holds: not 项目支出 or 基本支出. */
  { "项目支出结转和结余", S (GK_SECTION_FINAL_TOTALS), "-" },
  { "基本支出结转和结余", S (GK_SECTION_FINAL_TOTALS), "-" },
  { "项目支出结转", S (GK_SECTION_FINAL_TOTALS), "-" },
  { "基本支出结转", S (GK_SECTION_FINAL_TOTALS), "-" },
  { "财政拨款收入", S (GK_SECTION_FINAL_TOTALS), "final-income:fiscal" },
  { "一般公共预算财政拨款收入", S (GK_SECTION_FINAL_TOTALS), "final-summary:general" },
  { "政府性基金预算财政拨款收入", S (GK_SECTION_FINAL_TOTALS), "final-summary:fund" },
  { "国有资本经营预算财政拨款收入", S (GK_SECTION_FINAL_TOTALS), "final-summary:capital" },
  { "上级补助收入", S (GK_SECTION_FINAL_TOTALS), "final-summary:superior" },
  { "事业收入", S (GK_SECTION_FINAL_TOTALS), "final-summary:business" },
  { "经营收入", S (GK_SECTION_FINAL_TOTALS), "final-summary:operating" },
  { "附属单位上缴收入", S (GK_SECTION_FINAL_TOTALS), "final-summary:affiliated" },
  { "其他收入", S (GK_SECTION_FINAL_TOTALS), "final-summary:other" },
  { "基本支出", S (GK_SECTION_FINAL_TOTALS), "final-expenditure:basic" },
  { "项目支出", S (GK_SECTION_FINAL_TOTALS), "final-expenditure:project" },
  { "上缴上级支出", S (GK_SECTION_FINAL_TOTALS), "final-expenditure:remit" },
  { "经营支出", S (GK_SECTION_FINAL_TOTALS), "final-expenditure:operating" },
  { "对附属单位补助支出", S (GK_SECTION_FINAL_TOTALS), "final-expenditure:affiliated" },
  { "财政拨款收入总计", S (GK_SECTION_FINAL_TOTALS), "final-fiscal-summary:grand-total" },
  { "财政拨款支出总计", S (GK_SECTION_FINAL_TOTALS), "final-fiscal-summary:expenditure-grand-total" },
  { "财政拨款收、支总计", S (GK_SECTION_FINAL_TOTALS), "pair:fiscal" },
  { "财政拨款收入、支出总计", S (GK_SECTION_FINAL_TOTALS), "pair:fiscal" },
  { "财政拨款收入、支出决算总计", S (GK_SECTION_FINAL_TOTALS), "pair:fiscal" },
  /* A 决算's “三公” text: the cars held, as 国有资产 counts them. */
  { "公务用车保有量", S (8), "vehicles:held" },
  { "机关运行经费", S (10), "running" },
  { "政府采购预算", S (10), "procurement:total" },
  { "政府采购货物预算", S (10), "procurement:goods" },
  { "政府采购工程预算", S (10), "procurement:works" },
  { "政府采购服务预算", S (10), "procurement:services" },
  { "货物类采购", S (10), "procurement:goods" },
  { "工程类采购", S (10), "procurement:works" },
  { "服务类采购", S (10), "procurement:services" },
  /* Parts the document does not hold: named, so that their figures are
   * nobody else's, and claimed for nothing ("-"). */
  { "政府集中采购", S (10), "-" },
  { "集中采购", S (10), "-" },
  { "分散采购", S (10), "-" },
  { "特种专业技术用车", S (10), "-" },
  { "应急保障用车", S (10), "-" },
  { "业务用车", S (10), "-" },
  { "其他用车", S (10), "-" },
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
char *
gk_check_default_subject (const char *id)
{
  static const struct { const char *id; const char *subject; } fixed[] = {
    { "s1.total", "income-summary:income-total" },
    { "s2.total", "income:total" },
    { "s3.total", "expenditure:total" },
    { "s4.total", "fiscal-summary:income-total" },
    { "s5.scale", "general-expenditure:total" },
    { "s6.total", "basic-expenditure:total" },
    { "s6.personnel", "basic-expenditure:personnel" },
    { "s6.public", "basic-expenditure:public" },
    { "s8.total", "sangong:total" },
    { "s8.change", "sangong:total" },
    { "s9.total", "fund-expenditure:total" },
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

  /* A 决算's 一般公共预算 paragraphs: of the whole, or of the 项 they are. */
  if (g_str_has_prefix (id, "k.final-general."))
    {
      const char *rest = id + strlen ("k.final-general.");

      if (g_ascii_isdigit (rest[0]))
        return g_strconcat ("final-general/", rest, NULL);
      return g_strdup ("final-general:total");
    }

  /* A 决算's 收入决算 and 支出决算 paragraphs have none: their sentences
   * name a source or a 类 in one sentence and state its change in the next
   * ("1.一般公共预算财政拨款收入382.17万元，…。较上年减少157.86万元"). */
  if (gk_check_is_final_totals (id))
    return NULL;

  /* A 决算's 三公 paragraphs: "k.final-sangong.reception" is of 公务接待费,
   * the others of the whole. */
  if (g_str_has_prefix (id, "k.final-sangong."))
    {
      static const char * const items[] = { "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception" };
      const char *item = id + strlen ("k.final-sangong.");

      for (guint i = 0; i < G_N_ELEMENTS (items); i++)
        if (g_str_equal (item, items[i]))
          return g_strconcat ("sangong:", item, NULL);
      return g_strdup ("sangong:total");
    }

  parts = g_strsplit (id, ".", -1);
  if (g_strv_length (parts) >= 3 && g_str_equal (parts[0], "s7") && g_str_equal (parts[1], "project"))
    return g_strconcat ("project/", parts[2], NULL);
  if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "s5") &&
      (g_str_equal (parts[1], "item") || g_str_equal (parts[1], "structure")))
    return g_strconcat ("general-expenditure/", parts[2], NULL);
  if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "s2") && g_str_equal (parts[1], "income"))
    return g_strconcat ("income:", parts[2], NULL);
  if (g_strv_length (parts) == 3 && g_str_equal (parts[0], "s3") && g_str_equal (parts[1], "expenditure"))
    return g_strconcat ("expenditure:", parts[2], NULL);
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
      return "expenditure";
    case 4:
      return "fiscal-summary";
    case 5:
      return "general-expenditure";
    case 9:
      return "fund-expenditure";
    case GK_SECTION_FINAL_GENERAL:
      return "final-general";
    default:
      return NULL;
    }
}

guint
gk_check_section_of (const char *paragraph_id)
{
  guint64 n;

  /* A 决算's 三公 paragraphs name what section 8 of a budget names. */
  if (paragraph_id != NULL && g_str_has_prefix (paragraph_id, "k.final-sangong."))
    return 8;
  if (paragraph_id != NULL && g_str_has_prefix (paragraph_id, "k.final-general."))
    return GK_SECTION_FINAL_GENERAL;
  if (paragraph_id != NULL && gk_check_is_final_totals (paragraph_id))
    return GK_SECTION_FINAL_TOTALS;
  if (paragraph_id == NULL || paragraph_id[0] != 's' || !g_ascii_isdigit (paragraph_id[1]))
    return 0;
  n = g_ascii_strtoull (paragraph_id + 1, NULL, 10);
  return n <= 10 ? (guint) n : 0;
}

/* Finding names in a text -------------------------------------------------- */

typedef GkNameAt Occurrence;

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

GArray *
gk_check_find_names (GkDocument *document,
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

  /* 表六's 类 and 款, for the shares of 基本支出 by economic 类. */
  if (section == 6)
    {
      GkTable *t6 = gk_document_get_table (document, "basic-expenditure");

      for (guint i = 0; t6 != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (t6)); i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (G_LIST_MODEL (t6), i);
          g_autofree char *name = gk_check_normalize (gk_row_get_name (row));
          g_autofree char *subject = NULL;

          if (gk_row_get_code (row) == NULL || g_utf8_strlen (name, -1) < 3)
            continue;
          subject = g_strconcat ("basic-expenditure/", gk_row_get_code (row), NULL);
          add_occurrences (found, text, name, subject, NULL);
        }
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

/* Scopes ---------------------------------------------------------------- */

/* Whether @p starts with the three-byte character @c. The sentence marks
 * are all three bytes long; comparing byte by byte stops at the end of the
 * text, and costs far less than a string search at every character of
 * every scan. */
static inline gboolean
starts_with3 (const char *p,
              const char *c)
{
  return p[0] == c[0] && p[1] == c[1] && p[2] == c[2];
}

static gboolean
is_sentence_end (const char *p)
{
  if (*p == '\n')
    return TRUE;
  /* Every mark below begins with one of these two bytes; the common
   * Chinese characters (U+4E00 on) begin with others. */
  if ((guchar) *p != 0xE3 && (guchar) *p != 0xEF)
    return FALSE;
  return starts_with3 (p, "。") || starts_with3 (p, "；") || starts_with3 (p, "！") ||
         starts_with3 (p, "？");
}

static gboolean
is_clause_end (const char *p)
{
  return is_sentence_end (p) || starts_with3 (p, "，") || starts_with3 (p, "：") ||
         starts_with3 (p, "、");
}

/* Where the sentence of `offset` starts, read on from where @scan last
 * stopped: a text's claims are found in order, and reading it from its
 * start for each would make a long text cost quadratic time. A sentence
 * end inside brackets ends a sentence there only: "（购置费100万元；运行费
 * 400万元。）比上年…" goes on after the bracket. */
gsize
gk_check_sentence_scan_to (GkSentenceScan *scan,
                           gsize           offset)
{
  const char *text = scan->text;
  const char *p = scan->next;

  if (offset < scan->offset)
    {
      gsize read = scan->read;

      gk_check_sentence_scan_init (scan, text);
      scan->read = read;
      p = text;
    }
  scan->offset = offset;
  for (; *p != '\0' && (gsize) (p - text) < offset; p = g_utf8_next_char (p))
    {
      if (starts_with3 (p, "（") && scan->depth + 1 < GK_SENTENCE_DEPTH)
        {
          scan->depth++;
          scan->start[scan->depth] = g_utf8_next_char (p) - text;
          scan->ended[scan->depth] = FALSE;
        }
      else if (starts_with3 (p, "）") && scan->depth > 0)
        scan->depth--;
      else if (is_sentence_end (p))
        {
          scan->start[scan->depth] = g_utf8_next_char (p) - text;
          scan->ended[scan->depth] = TRUE;
        }
    }
  scan->read += p - scan->next;
  scan->next = p;
  return scan->depth > 0 && scan->ended[scan->depth] ? scan->start[scan->depth] : scan->start[0];
}

void
gk_check_sentence_scan_init (GkSentenceScan *scan,
                             const char     *text)
{
  memset (scan, 0, sizeof *scan);
  scan->text = text;
  scan->next = text;
}

/* Whether a bracket opened before `from` closes before `to`: a name inside
 * "（包括：运行维护费2648万元）" speaks for nothing after it. */
static gboolean
closes_between (const char *text,
                gsize       from,
                gsize       to)
{
  int depth = 0;

  for (const char *p = text + from; *p != '\0' && (gsize) (p - text) < to; p = g_utf8_next_char (p))
    {
      if (g_str_has_prefix (p, "（"))
        depth++;
      else if (g_str_has_prefix (p, "）") && --depth < 0)
        return TRUE;
    }
  return FALSE;
}

/* Where the bracket still open at @end opened, after @from; G_MAXSIZE if none. */
static gsize
opening_bracket (const char *text,
                 gsize       from,
                 gsize       end)
{
  int depth = 0;
  gsize open = G_MAXSIZE;

  for (const char *p = text + from; *p != '\0' && (gsize) (p - text) < end; p = g_utf8_next_char (p))
    {
      if (g_str_has_prefix (p, "（"))
        {
          if (depth++ == 0)
            open = p - text;
        }
      else if (g_str_has_prefix (p, "）") && depth > 0 && --depth == 0)
        open = G_MAXSIZE;
    }
  return depth > 0 ? open : G_MAXSIZE;
}

/* Words that end the name of a quantity: a clause that has one but no name
 * the reader knows speaks of something else ("分散采购0元", "购置及运行维护
 * 费5万元", "财政专户管理的资金0元"). */
static gboolean
names_a_quantity (const char *clause)
{
  static const char * const heads[] = { "费", "支出", "采购", "用车", "车辆", "资金", "收入", "拨款" };
  /* "…年初预算为70万元，支出决算为80万元": the 决算 or 预算 of what the
   * sentence named, no quantity of its own. */
  static const char * const same[] = { "支出决算", "决算支出", "支出预算", "预算支出", "支出数" };
  g_autofree char *w = g_strdup (clause);

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    for (char *at = strstr (w, same[i]); at != NULL; at = strstr (at, same[i]))
      memset (at, '_', strlen (same[i]));
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    if (strstr (w, heads[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* 表一's own totals and 结转和结余, which count every source of money. */
static gboolean
is_summary_total (const char *subject)
{
  static const char * const totals[] = {
    "final-summary:grand-total", "final-summary:expenditure-grand-total", "final-summary:income-total",
    "final-summary:expenditure-total", "final-summary:opening", "final-summary:closing",
    "final-summary:non-fiscal-balance", "final-summary:distribution",
  };

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (g_str_equal (subject, totals[i]))
      return TRUE;
  return FALSE;
}

/* "2018年度一般公共预算收入总计1085.31万元，本年支出1070.67万元": the sentence
 * names one kind of 财政拨款 before @end, other than inside a name the
 * reader knows ("一般公共预算财政拨款收入" is a source of 表一). */
static gboolean
names_fund_before (GArray     *names,
                   const char *text,
                   gsize       from,
                   gsize       end)
{
  static const char * const funds[] = { "一般公共预算", "政府性基金预算", "国有资本经营预算" };
  g_autofree char *span = g_strndup (text + from, end - from);

  for (guint f = 0; f < G_N_ELEMENTS (funds); f++)
    for (const char *at = strstr (span, funds[f]); at != NULL; at = strstr (at + 1, funds[f]))
      {
        gsize position = (gsize) (at - span) + from;
        gboolean inside = FALSE;

        for (guint i = 0; !inside && i < names->len; i++)
          {
            const GkNameAt *o = &g_array_index (names, GkNameAt, i);

            inside = o->start <= position && position < o->end;
          }
        if (!inside)
          return TRUE;
      }
  return FALSE;
}

static gboolean
is_column_total (const char *subject)
{
  /* "expenditure:basic": a table's column, as opposed to a text key. */
  return strchr (subject, ':') != NULL &&
         (g_str_has_suffix (subject, ":basic") || g_str_has_suffix (subject, ":project"));
}

/**
 * gk_check_subject_at:
 * @names: the names found in @text
 * @from: where the figure's sentence starts
 * @offset: where the figure is
 * @fallback: what the paragraph is about, or NULL
 * @certain: (out): whether the subject was named for this figure
 *
 * Returns: the subject of the figure at @offset, or NULL where the reader
 *   is not sure of it ("-" subjects count as not sure: claimed for nothing)
 */
const char *
gk_check_subject_at (GArray     *names,
                     const char *text,
                     gsize       from,
                     gsize       offset,
                     const char *fallback,
                     gboolean   *certain)
{
  gsize clause_end = offset;
  const char *narrowed_from = NULL;

  *certain = FALSE;
  /* Clause by clause back to the sentence's start. */
  while (TRUE)
    {
      gsize clause_start = from;
      const GkNameAt *named = NULL;
      g_autofree char *clause = NULL;

      for (const char *p = text + from; (gsize) (p - text) < clause_end; p = g_utf8_next_char (p))
        if (is_clause_end (p))
          clause_start = g_utf8_next_char (p) - text;
      /* "公车购置及运行费995万元（其中购置费38万元，运行费958万元），比上年
       * 下降26.24%": a clause inside a bracket that closed before the
       * figure speaks for nothing after it; the clause the bracket opened
       * in does. */
      if (clause_start > from && closes_between (text, clause_start, offset))
        {
          gsize open = opening_bracket (text, from, clause_start);

          if (open != G_MAXSIZE && open < clause_end)
            {
              clause_end = open;
              continue;
            }
        }
      for (guint i = 0; i < names->len; i++)
        {
          const GkNameAt *o = &g_array_index (names, GkNameAt, i);

          if (o->start >= clause_start && o->end <= clause_end && o->subject != NULL &&
              !closes_between (text, o->end, offset))
            named = o;
        }
      /* "出国经费、车辆购置及运行费、公务接待费（简称“三公”经费）支出合计…":
       * the bracket names what the list before it is called. */
      for (guint i = 0; named != NULL && i < names->len; i++)
        {
          const GkNameAt *o = &g_array_index (names, GkNameAt, i);
          g_autofree char *lead = NULL;

          if (o->start <= named->start || o->end > clause_end || o->subject == NULL)
            continue;
          lead = g_strndup (text + named->end, o->start - named->end);
          if (g_str_has_prefix (lead, "（简称") && closes_between (text, o->end, offset))
            named = o;
        }
      if (named != NULL)
        {
          g_autofree char *before = g_strndup (text + from, named->start - from);
          const char *narrowing = strstr (before, "其中");

          if (g_str_equal (named->subject, "-"))
            return NULL;
          /* Of that kind of 财政拨款 (表四's column), not of 表一. */
          if (is_summary_total (named->subject) && names_fund_before (names, text, from, named->start))
            return NULL;
          /* "行政运行（项）100万元，其中：基本支出 …" is of the item, not of
           * the whole: that item's column ("general-expenditure/2010301:basic"). */
          if (narrowing != NULL && is_column_total (named->subject))
            {
              const char *item = NULL;

              for (guint i = 0; i < names->len; i++)
                {
                  const GkNameAt *o = &g_array_index (names, GkNameAt, i);

                  if (o->start >= from && o->end <= (gsize) (narrowing - before) + from &&
                      o->subject != NULL && strchr (o->subject, '/') != NULL)
                    item = o->subject;
                }
              narrowed_from = fallback;
              if (item == NULL && narrowed_from != NULL && strchr (narrowed_from, '/') != NULL &&
                  strchr (narrowed_from, ':') == NULL)
                item = narrowed_from;
              if (item != NULL)
                {
                  g_autofree char *column = g_strconcat (item, strchr (named->subject, ':'), NULL);

                  *certain = TRUE;
                  return g_intern_string (column);
                }
            }
          *certain = TRUE;
          return named->subject;
        }
      clause = g_strndup (text + clause_start, clause_end - clause_start);
      if (names_a_quantity (clause) && !closes_between (text, clause_end, offset))
        return NULL;
      if (clause_start <= from)
        break;
      /* The clause's mark, before the clause. */
      clause_end = g_utf8_prev_char (text + clause_start) - text;
    }
  /* The paragraph's own subject, sure in its first sentence only. */
  *certain = fallback != NULL && from == 0;
  return fallback;
}
