/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gk-catalog.h"

/* The 类 rows of 表一 in the 2020 sample disclosure, exactly as printed. */
static const struct {
  const char *code;
  const char *name;
} seed_classes[] = {
  { "201", "一般公共服务支出" },
  { "202", "外交支出" },
  { "203", "国防支出" },
  { "204", "公共安全支出" },
  { "205", "教育支出" },
  { "206", "科学技术支出" },
  { "207", "文化旅游体育与传媒支出" },
  { "208", "社会保障和就业支出" },
  { "210", "卫生健康支出" },
  { "211", "节能环保支出" },
  { "212", "城乡社区支出" },
  { "213", "农林水支出" },
  { "214", "交通运输支出" },
  { "215", "资源勘探工业信息等支出" },
  { "216", "商业服务业等支出" },
  { "217", "金融支出" },
  { "219", "援助其他地区支出" },
  { "220", "自然资源海洋气象等支出" },
  { "221", "住房保障支出" },
  { "222", "粮油物资储备支出" },
  { "224", "灾害防治及应急管理支出" },
  { "227", "预备费" },
  { "229", "其他支出" },
  { "230", "转移性支出" },
  { "231", "债务还本支出" },
  { "232", "债务付息支出" },
  { "233", "债务发行费用支出" },
};

static void
check_catalog_integrity (GkCatalog        *catalog,
                         GkClassification  kind)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  g_autofree char *previous = NULL;

  g_assert_cmpuint (n, >, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (catalog)) == GK_TYPE_CATALOG_ENTRY);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (catalog), n));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkCatalogEntry) entry = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      const char *code = gk_catalog_entry_get_code (entry);
      const char *name = gk_catalog_entry_get_name (entry);
      g_autofree char *parent = gk_classification_parent (kind, code);

      g_assert_cmpint (gk_catalog_entry_get_level (entry), ==, gk_classification_level (kind, code));
      g_assert_cmpint (gk_catalog_entry_get_level (entry), !=, GK_LEVEL_NONE);
      g_assert_true (gk_catalog_lookup (catalog, code) == entry);
      g_assert_cmpstr (name, !=, "");
      /* Document names use full-width parentheses only. */
      g_assert_null (strchr (name, '('));
      g_assert_null (strchr (name, ')'));
      /* Every 款 and 项 has its parent, so the picker can show a tree. */
      if (parent != NULL)
        g_assert_nonnull (gk_catalog_lookup (catalog, parent));
      /* In code order: a 类 before its 款 before its 项. */
      if (previous != NULL)
        g_assert_cmpint (strcmp (previous, code), <, 0);
      g_free (previous);
      previous = g_strdup (code);
    }
}

static void
test_default_load (void)
{
  GkCatalog *function = gk_catalog_get_default (GK_CLASSIFICATION_FUNCTION);
  GkCatalog *economic = gk_catalog_get_default (GK_CLASSIFICATION_ECONOMIC);

  g_assert_true (GK_IS_CATALOG (function));
  g_assert_true (GK_IS_CATALOG (economic));
  g_assert_true (function != economic);
  g_assert_true (gk_catalog_get_default (GK_CLASSIFICATION_FUNCTION) == function);
  g_assert_cmpint (gk_catalog_get_classification (function), ==, GK_CLASSIFICATION_FUNCTION);
  g_assert_cmpint (gk_catalog_get_classification (economic), ==, GK_CLASSIFICATION_ECONOMIC);

  check_catalog_integrity (function, GK_CLASSIFICATION_FUNCTION);
  check_catalog_integrity (economic, GK_CLASSIFICATION_ECONOMIC);

  /* The economic catalog is the reference list: 类 and 款 used by 表六 and 表八. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (economic)), ==, 110);
  g_assert_cmpstr (gk_catalog_lookup_name (economic, "301"), ==, "工资福利支出");
  g_assert_cmpstr (gk_catalog_lookup_name (economic, "30108"), ==, "机关事业单位基本养老保险缴费");
  g_assert_cmpstr (gk_catalog_lookup_name (economic, "30212"), ==, "因公出国（境）费用");
  g_assert_cmpstr (gk_catalog_lookup_name (economic, "30217"), ==, "公务接待费");
  g_assert_cmpstr (gk_catalog_lookup_name (economic, "30231"), ==, "公务用车运行维护费");
  g_assert_cmpstr (gk_catalog_lookup_name (economic, "31013"), ==, "公务用车购置");
  g_assert_cmpstr (gk_catalog_lookup_name (economic, "309"), ==, "资本性支出（基本建设）");
  g_assert_cmpstr (gk_catalog_lookup_name (economic, "39999"), ==, "其他支出");
}

static void
test_seed_classes (void)
{
  GkCatalog *catalog = gk_catalog_get_default (GK_CLASSIFICATION_FUNCTION);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  guint n_classes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (seed_classes); i++)
    {
      GkCatalogEntry *entry = gk_catalog_lookup (catalog, seed_classes[i].code);

      g_assert_nonnull (entry);
      g_assert_cmpstr (gk_catalog_entry_get_name (entry), ==, seed_classes[i].name);
      g_assert_cmpint (gk_catalog_entry_get_level (entry), ==, GK_LEVEL_CLASS);
      g_assert_true (gk_catalog_entry_get_verified (entry));
    }

  /* 201…233 are the seed's 27 plus 209 and 223, which belong to the social
   * insurance fund and state capital budgets and so are not in its 表一. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkCatalogEntry) entry = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      const char *code = gk_catalog_entry_get_code (entry);

      if (gk_catalog_entry_get_level (entry) == GK_LEVEL_CLASS &&
          strcmp (code, "201") >= 0 && strcmp (code, "233") <= 0)
        n_classes++;
    }
  g_assert_cmpuint (n_classes, ==, 29);
  g_assert_cmpstr (gk_catalog_lookup_name (catalog, "209"), ==, "社会保险基金支出");
  g_assert_cmpstr (gk_catalog_lookup_name (catalog, "223"), ==, "国有资本经营预算支出");
  g_assert_false (gk_catalog_entry_get_verified (gk_catalog_lookup (catalog, "209")));
}

static void
test_seed_sections_and_items (void)
{
  GkCatalog *catalog = gk_catalog_get_default (GK_CLASSIFICATION_FUNCTION);
  static const struct {
    const char *code;
    const char *name;
    GkLevel level;
  } used[] = {
    { "20103", "政府办公厅（室）及相关机构事务", GK_LEVEL_SECTION },
    { "2010301", "行政运行", GK_LEVEL_ITEM },
    { "2010399", "其他政府办公厅（室）及相关机构事务支出", GK_LEVEL_ITEM },
    { "20805", "行政事业单位养老支出", GK_LEVEL_SECTION },
    { "2080505", "机关事业单位基本养老保险缴费支出", GK_LEVEL_ITEM },
  };
  static const char * const reference_items[] = {
    "2010101", "2010102", "2010103", "2010150", "2010301", "2012902", "2050203",
    "2050204", "2080501", "2080502", "2080505", "2080506", "2100717", "2101101",
    "2101102", "2101103", "2210201", "2210202", "2210203",
  };

  for (guint i = 0; i < G_N_ELEMENTS (used); i++)
    {
      GkCatalogEntry *entry = gk_catalog_lookup (catalog, used[i].code);

      g_assert_nonnull (entry);
      g_assert_cmpstr (gk_catalog_entry_get_name (entry), ==, used[i].name);
      g_assert_cmpint (gk_catalog_entry_get_level (entry), ==, used[i].level);
      g_assert_true (gk_catalog_entry_get_verified (entry));
    }

  for (guint i = 0; i < G_N_ELEMENTS (reference_items); i++)
    g_assert_nonnull (gk_catalog_lookup (catalog, reference_items[i]));

  g_assert_cmpstr (gk_catalog_lookup_name (catalog, "20101"), ==, "人大事务");
  g_assert_cmpstr (gk_catalog_lookup_name (catalog, "20129"), ==, "群众团体事务");
  g_assert_cmpstr (gk_catalog_lookup_name (catalog, "22102"), ==, "住房改革支出");
  g_assert_false (gk_catalog_entry_get_verified (gk_catalog_lookup (catalog, "2010101")));
}

static void
test_lookup_absent (void)
{
  GkCatalog *function = gk_catalog_get_default (GK_CLASSIFICATION_FUNCTION);
  GkCatalog *economic = gk_catalog_get_default (GK_CLASSIFICATION_ECONOMIC);
  static const char * const absent[] = {
    "218", "2010398", "20190", "", "20a", "2010", "000", "201 ", " 201",
  };

  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    {
      g_assert_null (gk_catalog_lookup (function, absent[i]));
      g_assert_null (gk_catalog_lookup_name (function, absent[i]));
    }

  /* The two catalogs are separate: a function code is not an economic one. */
  g_assert_null (gk_catalog_lookup (economic, "201"));
  g_assert_null (gk_catalog_lookup (function, "30101"));
  g_assert_nonnull (gk_catalog_lookup (economic, "30101"));
}

static void
test_levels_and_parents (void)
{
  static const struct {
    GkClassification kind;
    const char *code;
    GkLevel level;
    const char *parent;
  } cases[] = {
    { GK_CLASSIFICATION_FUNCTION, "201", GK_LEVEL_CLASS, NULL },
    { GK_CLASSIFICATION_FUNCTION, "20103", GK_LEVEL_SECTION, "201" },
    { GK_CLASSIFICATION_FUNCTION, "2010301", GK_LEVEL_ITEM, "20103" },
    { GK_CLASSIFICATION_FUNCTION, "2010399", GK_LEVEL_ITEM, "20103" },
    { GK_CLASSIFICATION_FUNCTION, "2010", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "20a", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "20", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "201030", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "20103010", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "201 03", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "２０１", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "000", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "20100", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "2010300", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_FUNCTION, "0000000", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_ECONOMIC, "301", GK_LEVEL_CLASS, NULL },
    { GK_CLASSIFICATION_ECONOMIC, "30101", GK_LEVEL_SECTION, "301" },
    { GK_CLASSIFICATION_ECONOMIC, "3010101", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_ECONOMIC, "3010", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_ECONOMIC, "30a01", GK_LEVEL_NONE, NULL },
    { GK_CLASSIFICATION_ECONOMIC, "", GK_LEVEL_NONE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *parent = gk_classification_parent (cases[i].kind, cases[i].code);

      g_test_message ("code “%s”", cases[i].code);
      g_assert_cmpint (gk_classification_level (cases[i].kind, cases[i].code), ==, cases[i].level);
      g_assert_cmpstr (parent, ==, cases[i].parent);
    }
}

static void
test_is_ancestor (void)
{
  g_assert_true (gk_classification_is_ancestor ("201", "20103"));
  g_assert_true (gk_classification_is_ancestor ("201", "2010301"));
  g_assert_true (gk_classification_is_ancestor ("20103", "2010301"));
  g_assert_true (gk_classification_is_ancestor ("301", "30101"));

  g_assert_false (gk_classification_is_ancestor ("201", "201"));
  g_assert_false (gk_classification_is_ancestor ("2010301", "20103"));
  g_assert_false (gk_classification_is_ancestor ("201", "20203"));
  g_assert_false (gk_classification_is_ancestor ("20103", "2010401"));
  g_assert_false (gk_classification_is_ancestor ("20", "201"));
  g_assert_false (gk_classification_is_ancestor ("", "201"));
  g_assert_false (gk_classification_is_ancestor ("201", "2010"));
  g_assert_false (gk_classification_is_ancestor ("201", "20100"));
}

static gboolean
model_contains (GListModel *model,
                const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GkCatalogEntry) entry = g_list_model_get_item (model, i);

      if (g_str_equal (gk_catalog_entry_get_code (entry), code))
        return TRUE;
    }
  return FALSE;
}

static void
assert_in_code_order (GListModel *model)
{
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GkCatalogEntry) a = g_list_model_get_item (model, i - 1);
      g_autoptr(GkCatalogEntry) b = g_list_model_get_item (model, i);

      g_assert_cmpint (strcmp (gk_catalog_entry_get_code (a), gk_catalog_entry_get_code (b)), <, 0);
    }
}

static void
test_search (void)
{
  GkCatalog *catalog = gk_catalog_get_default (GK_CLASSIFICATION_FUNCTION);
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  g_autoptr(GListModel) by_code = gk_catalog_search (catalog, "20103");
  g_autoptr(GListModel) pension = gk_catalog_search (catalog, "养老");
  g_autoptr(GListModel) all = gk_catalog_search (catalog, "");
  g_autoptr(GListModel) none = gk_catalog_search (catalog, "没有这个科目");
  g_autoptr(GListModel) full_width = gk_catalog_search (catalog, "办公厅（室）");
  g_autoptr(GListModel) half_width = gk_catalog_search (catalog, "办公厅(室)");

  g_assert_true (G_IS_LIST_MODEL (by_code));
  g_assert_true (g_list_model_get_item_type (by_code) == GK_TYPE_CATALOG_ENTRY);
  g_assert_true (by_code != G_LIST_MODEL (catalog));

  /* By code prefix: the 款 and every 项 under it, nothing else. */
  g_assert_cmpuint (g_list_model_get_n_items (by_code), >=, 3);
  g_assert_true (model_contains (by_code, "20103"));
  g_assert_true (model_contains (by_code, "2010301"));
  g_assert_true (model_contains (by_code, "2010399"));
  g_assert_false (model_contains (by_code, "201"));
  g_assert_false (model_contains (by_code, "2010101"));
  for (guint i = 0; i < g_list_model_get_n_items (by_code); i++)
    {
      g_autoptr(GkCatalogEntry) entry = g_list_model_get_item (by_code, i);

      g_assert_nonnull (strstr (gk_catalog_entry_get_code (entry), "20103"));
    }
  assert_in_code_order (by_code);

  /* By Chinese substring of the name. */
  g_assert_true (model_contains (pension, "20805"));
  g_assert_true (model_contains (pension, "2080505"));
  g_assert_false (model_contains (pension, "2080506"));
  g_assert_false (model_contains (pension, "208"));
  for (guint i = 0; i < g_list_model_get_n_items (pension); i++)
    {
      g_autoptr(GkCatalogEntry) entry = g_list_model_get_item (pension, i);

      g_assert_nonnull (strstr (gk_catalog_entry_get_name (entry), "养老"));
    }
  assert_in_code_order (pension);

  /* The same objects as the catalog's, not copies. */
  {
    g_autoptr(GkCatalogEntry) entry = g_list_model_get_item (pension, 0);

    g_assert_true (gk_catalog_lookup (catalog, gk_catalog_entry_get_code (entry)) == entry);
  }

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_all);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* Parentheses typed half-width still find the full-width names. */
  g_assert_true (model_contains (full_width, "20103"));
  g_assert_true (model_contains (half_width, "20103"));
  g_assert_cmpuint (g_list_model_get_n_items (full_width), ==,
                    g_list_model_get_n_items (half_width));
}

static void
test_search_ascii_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkCatalog) catalog =
    gk_catalog_new_from_data (GK_CLASSIFICATION_ECONOMIC,
                              "301\tIT 设备 Service\tchecked\n"
                              "302\t商品和服务支出\tchecked\n",
                              &error);
  g_autoptr(GListModel) lower = NULL;
  g_autoptr(GListModel) upper = NULL;

  g_assert_no_error (error);
  lower = gk_catalog_search (catalog, "it 设备 service");
  upper = gk_catalog_search (catalog, "SERVICE");
  g_assert_cmpuint (g_list_model_get_n_items (lower), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (upper), ==, 1);
  g_assert_true (model_contains (lower, "301"));
}

static void
test_renames (void)
{
  g_assert_cmpstr (gk_classification_class_name_for_year ("210", 2020), ==, "卫生健康支出");
  g_assert_cmpstr (gk_classification_class_name_for_year ("210", 2019), ==, "卫生健康支出");
  g_assert_cmpstr (gk_classification_class_name_for_year ("210", 2018), ==, "医疗卫生与计划生育支出");
  g_assert_cmpstr (gk_classification_class_name_for_year ("207", 2018), ==, "文化体育与传媒支出");
  g_assert_cmpstr (gk_classification_class_name_for_year ("207", 2020), ==, "文化旅游体育与传媒支出");
  g_assert_cmpstr (gk_classification_class_name_for_year ("220", 2018), ==, "国土海洋气象等支出");
  g_assert_cmpstr (gk_classification_class_name_for_year ("220", 2019), ==, "自然资源海洋气象等支出");
  g_assert_cmpstr (gk_classification_class_name_for_year ("224", 2019), ==, "灾害防治及应急管理支出");
  g_assert_null (gk_classification_class_name_for_year ("224", 2018));
  g_assert_cmpstr (gk_classification_class_name_for_year ("201", 2010), ==, "一般公共服务支出");
  g_assert_null (gk_classification_class_name_for_year ("218", 2020));
  g_assert_null (gk_classification_class_name_for_year ("20103", 2020));
  g_assert_null (gk_classification_class_name_for_year ("", 2020));

  g_assert_true (gk_classification_class_name_is_of_other_year ("210", "医疗卫生与计划生育支出", 2020));
  g_assert_false (gk_classification_class_name_is_of_other_year ("210", "卫生健康支出", 2020));
  g_assert_true (gk_classification_class_name_is_of_other_year ("210", "卫生健康支出", 2018));
  g_assert_false (gk_classification_class_name_is_of_other_year ("210", "医疗卫生与计划生育支出", 2018));
  g_assert_true (gk_classification_class_name_is_of_other_year ("207", "文化体育与传媒支出", 2020));
  g_assert_true (gk_classification_class_name_is_of_other_year ("220", "国土海洋气象等支出", 2020));
  g_assert_true (gk_classification_class_name_is_of_other_year ("224", "灾害防治及应急管理支出", 2018));
  g_assert_false (gk_classification_class_name_is_of_other_year ("224", "灾害防治及应急管理支出", 2020));
  /* The seed's 表四 as extracted from its PDF: a stray space is no other year. */
  g_assert_false (gk_classification_class_name_is_of_other_year ("207", "文化旅游体育与传媒支 出", 2020));
  g_assert_true (gk_classification_class_name_is_of_other_year ("207", "文化体育与传媒 支出", 2020));
  /* A name that is no spelling of the class is another check's business. */
  g_assert_false (gk_classification_class_name_is_of_other_year ("201", "一般公共服务支出", 2020));
  g_assert_false (gk_classification_class_name_is_of_other_year ("201", "卫生健康支出", 2020));
  g_assert_false (gk_classification_class_name_is_of_other_year ("218", "卫生健康支出", 2020));
}

static void
test_renames_from_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkCatalog) catalog =
    gk_catalog_new_from_data (GK_CLASSIFICATION_FUNCTION,
                              "#rename\t250\t2019\t中间的名字\n"
                              "250\t现在的名字\tunverified\n"
                              "#rename\t250\t2010\t最早的名字\n"
                              "#new\t250\t2005\n",
                              &error);

  g_assert_no_error (error);
  g_assert_null (gk_catalog_class_name_for_year (catalog, "250", 2004));
  g_assert_cmpstr (gk_catalog_class_name_for_year (catalog, "250", 2005), ==, "最早的名字");
  g_assert_cmpstr (gk_catalog_class_name_for_year (catalog, "250", 2009), ==, "最早的名字");
  g_assert_cmpstr (gk_catalog_class_name_for_year (catalog, "250", 2010), ==, "中间的名字");
  g_assert_cmpstr (gk_catalog_class_name_for_year (catalog, "250", 2018), ==, "中间的名字");
  g_assert_cmpstr (gk_catalog_class_name_for_year (catalog, "250", 2019), ==, "现在的名字");
  g_assert_true (gk_catalog_class_name_is_of_other_year (catalog, "250", "最早的名字", 2015));
  g_assert_false (gk_catalog_class_name_is_of_other_year (catalog, "250", "中间的名字", 2015));
  g_assert_true (gk_catalog_class_name_is_of_other_year (catalog, "250", "现在的名字", 2015));
}

static void
test_bad_data (void)
{
  static const struct {
    GkClassification kind;
    const char *tsv;
    guint line;
  } cases[] = {
    /* a code with a letter */
    { GK_CLASSIFICATION_FUNCTION, "201\t一般公共服务支出\tchecked\n20a\t名字\tchecked\n", 2 },
    /* no status column */
    { GK_CLASSIFICATION_FUNCTION, "# comment\n\n201\t一般公共服务支出\n", 3 },
    /* one column too many */
    { GK_CLASSIFICATION_FUNCTION, "201\t一般公共服务支出\tchecked\textra\n", 1 },
    /* spaces instead of a tab */
    { GK_CLASSIFICATION_FUNCTION, "201 一般公共服务支出 checked\n", 1 },
    /* unknown status */
    { GK_CLASSIFICATION_FUNCTION, "201\t一般公共服务支出\tmaybe\n", 1 },
    /* empty name */
    { GK_CLASSIFICATION_FUNCTION, "201\t一般公共服务支出\tchecked\n202\t \tchecked\n", 2 },
    /* the same code twice */
    { GK_CLASSIFICATION_FUNCTION, "201\tA\tchecked\n# c\n201\tB\tchecked\n", 3 },
    /* a 项 in the economic classification */
    { GK_CLASSIFICATION_ECONOMIC, "301\t工资福利支出\tchecked\n3010101\t基本工资\tchecked\n", 2 },
    /* an all-zero placeholder */
    { GK_CLASSIFICATION_FUNCTION, "000\t0\tchecked\n", 1 },
    /* not UTF-8 */
    { GK_CLASSIFICATION_FUNCTION, "201\tA\tchecked\n202\t\xff\xfe\tchecked\n", 2 },
    /* a rename with a bad year */
    { GK_CLASSIFICATION_FUNCTION, "210\t卫生健康支出\tchecked\n#rename\t210\t20x9\t旧名\n", 2 },
    /* a rename without the old name */
    { GK_CLASSIFICATION_FUNCTION, "210\t卫生健康支出\tchecked\n#rename\t210\t2019\n", 2 },
    /* a rename of a 款 */
    { GK_CLASSIFICATION_FUNCTION, "201\tA\tchecked\n20103\tB\tchecked\n#rename\t20103\t2019\tC\n", 3 },
    /* a rename of a class the catalog does not list */
    { GK_CLASSIFICATION_FUNCTION, "201\tA\tchecked\n\n#rename\t210\t2019\t旧名\n", 3 },
    /* a rename typed with spaces, which must not pass as a comment */
    { GK_CLASSIFICATION_FUNCTION, "210\tA\tchecked\n#rename 210 2019 B\n", 2 },
    /* two changes of one class in the same year */
    { GK_CLASSIFICATION_FUNCTION, "210\tA\tchecked\n#rename\t210\t2019\tB\n#new\t210\t2019\n", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GkCatalog) catalog = NULL;
      g_autofree char *expected = g_strdup_printf ("Line %u:", cases[i].line);

      g_test_message ("case %u", i);
      catalog = gk_catalog_new_from_data (cases[i].kind, cases[i].tsv, &error);
      g_assert_null (catalog);
      g_assert_error (error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }
}

static void
test_good_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkCatalog) catalog =
    gk_catalog_new_from_data (GK_CLASSIFICATION_FUNCTION,
                              "code\tname\tstatus\r\n"
                              "# a comment\r\n"
                              "\r\n"
                              "2010301\t行政运行\tchecked\r\n"
                              "201\t一般公共服务支出\tchecked\r\n"
                              "20103\t政府办公厅（室）及相关机构事务\tunverified",
                              &error);
  g_autoptr(GkCatalogEntry) first = NULL;
  g_autoptr(GkCatalogEntry) last = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  last = g_list_model_get_item (G_LIST_MODEL (catalog), 2);
  g_assert_cmpstr (gk_catalog_entry_get_code (first), ==, "201");
  g_assert_cmpstr (gk_catalog_entry_get_code (last), ==, "2010301");
  g_assert_cmpstr (gk_catalog_lookup_name (catalog, "2010301"), ==, "行政运行");
  g_assert_false (gk_catalog_entry_get_verified (gk_catalog_lookup (catalog, "20103")));

  /* An empty catalog is valid: every code can still be typed by hand. */
  {
    g_autoptr(GkCatalog) empty = gk_catalog_new_from_data (GK_CLASSIFICATION_ECONOMIC, "", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, 0);
  }
}

static void
test_create_and_destroy (void)
{
  g_autoptr(GError) error = NULL;
  GkCatalog *catalog;
  GkCatalogEntry *entry;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  guint level;
  gboolean verified;

  catalog = gk_catalog_new_from_data (GK_CLASSIFICATION_FUNCTION,
                                      "208\t社会保障和就业支出\tchecked\n"
                                      "20805\t行政事业单位养老支出\tchecked\n"
                                      "2080505\t机关事业单位基本养老保险缴费支出\tunverified\n"
                                      "#rename\t208\t2010\t旧名\n",
                                      &error);
  g_assert_no_error (error);
  g_assert_true (GK_IS_CATALOG (catalog));

  /* Through the list model, so that a reference leaked by get_item keeps the
   * entry alive and fails the last assertion. */
  entry = g_list_model_get_item (G_LIST_MODEL (catalog), 2);
  g_assert_true (entry == gk_catalog_lookup (catalog, "2080505"));
  g_object_get (entry,
                "code", &code,
                "name", &name,
                "level", &level,
                "verified", &verified,
                NULL);
  g_assert_cmpstr (code, ==, "2080505");
  g_assert_cmpstr (name, ==, "机关事业单位基本养老保险缴费支出");
  g_assert_cmpuint (level, ==, GK_LEVEL_ITEM);
  g_assert_false (verified);

  {
    GListModel *found = gk_catalog_search (catalog, "养老");

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
    g_assert_finalize_object (found);
  }

  g_assert_finalize_object (catalog);
  /* The entry outlives its catalog as long as someone holds it. */
  g_assert_cmpstr (gk_catalog_entry_get_name (entry), ==, "机关事业单位基本养老保险缴费支出");
  g_assert_finalize_object (entry);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/default-load", test_default_load);
  g_test_add_func ("/catalog/seed-classes", test_seed_classes);
  g_test_add_func ("/catalog/seed-sections-and-items", test_seed_sections_and_items);
  g_test_add_func ("/catalog/lookup-absent", test_lookup_absent);
  g_test_add_func ("/catalog/levels-and-parents", test_levels_and_parents);
  g_test_add_func ("/catalog/is-ancestor", test_is_ancestor);
  g_test_add_func ("/catalog/search", test_search);
  g_test_add_func ("/catalog/search-ascii-case", test_search_ascii_case);
  g_test_add_func ("/catalog/renames", test_renames);
  g_test_add_func ("/catalog/renames-from-data", test_renames_from_data);
  g_test_add_func ("/catalog/bad-data", test_bad_data);
  g_test_add_func ("/catalog/good-data", test_good_data);
  g_test_add_func ("/catalog/create-and-destroy", test_create_and_destroy);

  return g_test_run ();
}
