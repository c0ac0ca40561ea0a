/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gk-checker-private.h"

/* Shares a typed text gives ("占80.00%", "占一般公共预算支出的19.62%",
 * "占比5.36%"): each against its whole — the one the words after 占 name,
 * else the one the paragraph divides — and the shares of one whole adding
 * up to 100%. Within a whole the document divides (基本/项目, the function
 * 类, the economic 类 of 基本支出, 政府采购 by kind, “三公” by item) a share
 * is rounded by largest remainder, as the composer rounds it. */

char *
gk_check_percent_text (gint64 value,
              guint  decimals)
{
  gint64 scale = 1;

  for (guint d = 0; d < decimals; d++)
    scale *= 10;
  if (decimals == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "%%", value);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT "%%", value / scale,
                          (int) decimals, value % scale);
}

/* |numerator| / |denominator| × 100 %, rounded half up to `decimals`. */
gboolean
gk_check_ratio_percent (GkAmount numerator,
               GkAmount denominator,
               guint    decimals,
               gint64  *out)
{
  gint64 scale = 100;
  gint64 n, d, q, r;

  if (denominator == 0)
    return FALSE;
  for (guint i = 0; i < decimals; i++)
    scale *= 10;
  n = numerator < 0 ? -numerator : numerator;
  d = denominator < 0 ? -denominator : denominator;
  if (n > G_MAXINT64 / scale)
    return FALSE;
  q = n * scale / d;
  r = n * scale % d;
  if (2 * r >= d)
    q++;
  *out = q;
  return TRUE;
}

GkFinding *
gk_check_report_text (GkCheckRun    *run,
           const char    *rule_id,
           GkClaimText   *text,
           const GkCheckSubject *s,
           const char    *format,
           ...)
{
  g_autofree char *message = NULL;
  GkFinding *finding;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  finding = gk_check_report (run, rule_id, "%s", message);
  if (g_str_has_prefix (text->id, "overview/"))
    gk_finding_add_place (finding, "overview", text->id + strlen ("overview/"), NULL);
  else
    gk_finding_add_place (finding, "narrative", text->id, NULL);
  for (guint i = 0; s != NULL && s->places != NULL && i < s->places->len; i++)
    {
      const GkPlace *place = g_ptr_array_index (s->places, i);
      gk_finding_add_place (finding, place->part, place->row, place->column);
    }
  return finding;
}


typedef struct
{
  const char *name;       /* "s3", "s5.basic" … */
  guint       section;
  char       *whole;      /* subject key of the whole */
  GPtrArray  *keys;       /* subject keys of the parts */
  GHashTable *expected;   /* key → basis points + 1 */
  GHashTable *stated;     /* key → stated basis points + 1 */
  gboolean    wrong;      /* a share of it was reported */
} ShareGroup;

static void
share_group_free (gpointer data)
{
  ShareGroup *group = data;

  g_free (group->whole);
  g_ptr_array_unref (group->keys);
  g_hash_table_unref (group->expected);
  g_hash_table_unref (group->stated);
  g_free (group);
}

static void
add_group (GPtrArray  *groups,
           const char *name,
           guint       section,
           const char *whole,
           GPtrArray  *keys,
           GArray     *values)
{
  ShareGroup *group;
  g_autofree gint *shares = NULL;

  if (keys->len == 0)
    return;
  group = g_new0 (ShareGroup, 1);
  shares = g_new0 (gint, keys->len);
  group->name = name;
  group->section = section;
  group->whole = g_strdup (whole);
  group->keys = g_ptr_array_ref (keys);
  group->expected = g_hash_table_new (g_str_hash, g_str_equal);
  group->stated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gk_amount_shares ((GkAmount *) values->data, keys->len, shares);
  for (guint i = 0; i < keys->len; i++)
    g_hash_table_insert (group->expected, keys->pdata[i], GINT_TO_POINTER (shares[i] + 1));
  g_ptr_array_add (groups, group);
}

/* The parts of a column: the entered columns of 表二, the roots of a table. */
static void
add_roots (GPtrArray  *groups,
           GkCheckRun *run,
           const char *name,
           guint       section,
           const char *table_id)
{
  GkTable *table = gk_document_get_table (run->document, table_id);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (GkAmount));
  g_autofree char *whole = g_strconcat (table_id, ":total", NULL);
  GListModel *roots;

  if (table == NULL)
    return;
  roots = gk_table_get_roots (table);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(GkRow) row = g_list_model_get_item (roots, i);
      GkAmount amount = gk_check_cell (table, row, "total");

      if (amount == 0 || gk_row_get_code (row) == NULL)
        continue;
      g_ptr_array_add (keys, g_strconcat (table_id, "/", gk_row_get_code (row), NULL));
      g_array_append_val (values, amount);
    }
  add_group (groups, name, section, whole, keys, values);
}

/* Parts named by subject keys, each resolved to its figure. */
static void
add_keys (GPtrArray         *groups,
          GkCheckRun        *run,
          const char        *name,
          guint              section,
          const char        *whole,
          const char * const *parts)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (GkAmount));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GkCheckSubject) s = { 0 };

      if (!gk_check_resolve (run, parts[i], &s) || !s.has_amount)
        return;
      g_ptr_array_add (keys, g_strdup (parts[i]));
      g_array_append_val (values, s.amount);
    }
  add_group (groups, name, section, whole, keys, values);
}

/* The parts of a 决算's 本年收入合计 or 本年支出合计 that hold anything: a
 * source of 0 is "占0%" of its side, and no part of what is divided. */
static void
add_final_parts (GPtrArray          *groups,
                 GkCheckRun         *run,
                 const char         *name,
                 const char         *whole,
                 const char * const *parts)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (GkAmount));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GkCheckSubject) s = { 0 };

      if (!gk_check_resolve (run, parts[i], &s) || !s.has_amount || s.amount == 0)
        continue;
      g_ptr_array_add (keys, g_strdup (parts[i]));
      g_array_append_val (values, s.amount);
    }
  add_group (groups, name, GK_SECTION_FINAL_TOTALS, whole, keys, values);
}

GPtrArray *
gk_check_share_groups (GkCheckRun *run)
{
  static const char * const final_income[] = { "final-summary:general", "final-summary:fund",
                                               "final-summary:capital", "final-summary:superior",
                                               "final-summary:business", "final-summary:operating",
                                               "final-summary:affiliated", "final-summary:other", NULL };
  static const char * const final_expenditure[] = { "final-expenditure:basic", "final-expenditure:project",
                                                    "final-expenditure:remit", "final-expenditure:operating",
                                                    "final-expenditure:affiliated", NULL };
  static const char * const t3_parts[] = { "expenditure:basic", "expenditure:project", NULL };
  static const char * const t5_parts[] = { "general-expenditure:basic", "general-expenditure:project", NULL };
  static const char * const t6_parts[] = { "basic-expenditure:personnel", "basic-expenditure:public", NULL };
  static const char * const t8_parts[] = { "sangong:abroad", "sangong:vehicle", "sangong:reception", NULL };
  static const char * const procurement_parts[] = { "procurement:goods", "procurement:works",
                                                    "procurement:services", NULL };
  GPtrArray *groups = g_ptr_array_new_with_free_func (share_group_free);
  GkExplanation *explanation = gk_document_get_explanation (run->document);
  GkTable *t2 = gk_document_get_table (run->document, "income");

  if (t2 != NULL)
    {
      const GkTableSchema *schema = gk_table_get_schema (t2);
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (GkAmount));

      for (guint i = 0; i < gk_table_schema_get_n_columns (schema); i++)
        {
          const GkColumnSchema *col = gk_table_schema_get_column (schema, i);
          g_autofree char *prior = g_strconcat ("income.", col->id, NULL);
          GkAmount amount;

          if (col->rule != GK_COLUMN_ENTERED)
            continue;
          amount = gk_check_column_total (t2, col->id);
          if (amount == 0 && gk_explanation_lookup_prior (explanation, prior) == NULL)
            continue;
          g_ptr_array_add (keys, g_strconcat ("income:", col->id, NULL));
          g_array_append_val (values, amount);
        }
      add_group (groups, "s2", 2, "income:total", keys, values);
    }
  if (gk_document_get_table (run->document, "expenditure") != NULL)
    add_keys (groups, run, "s3", 3, "expenditure:total", t3_parts);
  add_roots (groups, run, "s5", 5, "general-expenditure");
  if (gk_document_get_table (run->document, "general-expenditure") != NULL)
    add_keys (groups, run, "s5.basic", 5, "general-expenditure:total", t5_parts);
  add_roots (groups, run, "s6", 6, "basic-expenditure");
  if (gk_document_get_table (run->document, "basic-expenditure") != NULL)
    add_keys (groups, run, "s6.personnel", 6, "basic-expenditure:total", t6_parts);
  if (gk_document_get_table (run->document, "sangong") != NULL)
    add_keys (groups, run, "s8", 8, "sangong:total", t8_parts);
  /* A 决算's “三公” section: its shares paragraph, whatever its number. */
  else if (gk_document_get_table (run->document, "final-sangong") != NULL)
    add_keys (groups, run, "k.final-sangong.shares", 0, "sangong:total", t8_parts);
  add_keys (groups, run, "s10.procurement", 10, "procurement:total", procurement_parts);
  if (gk_document_get_table (run->document, "final-summary") != NULL)
    add_final_parts (groups, run, "k.final-income", "final-summary:income-total", final_income);
  if (gk_document_get_table (run->document, "final-expenditure") != NULL &&
      gk_document_get_table (run->document, "final-summary") != NULL)
    add_final_parts (groups, run, "k.final-expenditure", "final-summary:expenditure-total", final_expenditure);
  return groups;
}

static ShareGroup *
group_of (GPtrArray  *groups,
          const char *whole,
          const char *key)
{
  for (guint i = 0; i < groups->len; i++)
    {
      ShareGroup *group = groups->pdata[i];

      if ((whole == NULL || g_str_equal (whole, group->whole)) &&
          g_hash_table_contains (group->expected, key))
        return group;
    }
  return NULL;
}

void
gk_check_share (GkCheckRun     *run,
                GkClaimText    *text,
                GkClaim        *claim,
                GkCheckSubject *s,
                GPtrArray      *groups)
{
  ShareGroup *group;
  gint expected;
  gint64 exact = 0, rounded = 0, stated_points = claim->value;
  gint64 scale = 1;
  g_autofree char *right = NULL;
  g_autofree char *amount = NULL;
  g_auto(GkCheckSubject) whole = { 0 };

  const char *whole_key;

  if (claim->subject == NULL || !s->has_amount || g_strcmp0 (claim->whole, "-") == 0)
    return;
  group = group_of (groups, claim->whole, claim->subject);
  whole_key = claim->whole != NULL || text->section != GK_SECTION_FINAL_TOTALS
                ? claim->whole : gk_check_final_share_whole (claim->subject);
  if (group == NULL)
    {
      /* A share of a whole no list divides: the plain ratio, as written. */
      g_autofree char *written = NULL;

      if (whole_key == NULL || !gk_check_resolve (run, whole_key, &whole) || !whole.has_amount ||
          !gk_check_ratio_percent (s->amount, whole.amount, claim->decimals, &exact) ||
          exact == claim->value)
        return;
      right = gk_check_percent_text (exact, claim->decimals);
      amount = gk_check_money (run, s->amount);
      written = gk_check_money (run, whole.amount);
      gk_check_report_text (run, "narrative.shares", text, s,
                            _("The text gives %s (%s) a share of “%s” of %s (%s), but it is %s."),
                            s->label, amount, claim->written, whole.label, written, right);
      return;
    }

  expected = GPOINTER_TO_INT (g_hash_table_lookup (group->expected, claim->subject)) - 1;
  for (guint d = claim->decimals; d < 2; d++)
    scale *= 10;
  /* No share past 1 000 % is meant: capped there (in hundredths of a
   * percent), the points of a group and their sum stay in range, and
   * still do not add up to 100 %. */
  stated_points = MIN (stated_points, 100000 / scale) * scale;
  g_hash_table_replace (group->stated, g_strdup (claim->subject), GINT_TO_POINTER ((gint) stated_points + 1));

  /* Fewer decimals are right when they round what two decimals say. */
  if (claim->decimals >= 2)
    {
      if (claim->value == expected)
        return;
    }
  else
    {
      rounded = (expected * 10 / scale + 5) / 10;
      if ((gk_check_resolve (run, group->whole, &whole) && whole.has_amount &&
           gk_check_ratio_percent (s->amount, whole.amount, claim->decimals, &exact) &&
           exact == claim->value) ||
          rounded == claim->value)
        return;
    }

  group->wrong = TRUE;
  right = gk_check_percent_text (expected, 2);
  amount = gk_check_money (run, s->amount);
  gk_check_report_text (run, "narrative.shares", text, s,
                        _("The text gives %s (%s) a share of “%s”, but it is %s (shares are rounded so that "
                          "they add up to 100%%). Write “占%s”."),
                        s->label, amount, claim->written, right, right);
}

void
gk_check_share_sums (GkCheckRun *run,
                     GPtrArray  *groups)
{
  for (guint i = 0; i < groups->len; i++)
    {
      ShareGroup *group = groups->pdata[i];
      GHashTableIter members;
      gpointer stated;
      gint64 sum = 0;
      GkFinding *finding;
      g_autofree char *total = NULL;
      g_autofree char *section = NULL;

      if (group->keys->len < 2 || g_hash_table_size (group->stated) != group->keys->len)
        continue;
      /* A 决算's share already reported wrong is why its side does not add up. */
      if (group->wrong && group->section == GK_SECTION_FINAL_TOTALS)
        continue;
      g_hash_table_iter_init (&members, group->stated);
      while (g_hash_table_iter_next (&members, NULL, &stated))
        sum += GPOINTER_TO_INT (stated) - 1;
      if (sum == 10000)
        continue;
      total = gk_check_percent_text (sum, 2);
      section = g_strdup_printf ("%u", group->section);
      if (group->section == GK_SECTION_FINAL_TOTALS)
        {
          g_auto(GkCheckSubject) whole = { 0 };

          gk_check_resolve (run, group->whole, &whole);
          finding = gk_check_report (run, "narrative.shares",
                                     /* Translators: 收入支出决算总表 本年收入合计, 100.01% */
                                     _("The shares of %s the text gives add up to %s, not 100%%."),
                                     whole.label != NULL ? whole.label : group->whole, total);
        }
      else if (group->section == 0)
        finding = gk_check_report (run, "narrative.shares",
                                   _("The shares of the “三公” items the text gives add up to %s, not 100%%."), total);
      else
        finding = gk_check_report (run, "narrative.shares",
                                   _("The shares the text gives in section %s add up to %s, not 100%%."),
                                   section, total);
      gk_finding_add_place (finding, "narrative", group->name, NULL);
    }
}
