/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "gk-checker.h"
#include "gk-export.h"
#include "gk-narrative.h"
#include "gk-table-list.h"
#include "gk-table-overall.h"
#include "gk-test-common.h"

/* The kinds of paragraph about the facts no table holds (全口径 “三公”经费,
 * 政府采购 in detail, 国有资产 by class, staffing) and the 绩效 summaries:
 * their sentences and figures, the placeholders for facts not entered,
 * the file's strict reading of each fact, and the changes against last
 * year of 基本支出 by economic 类 and of 政府采购. */

#define ALL_KINDS "[\"sangong-all\", \"procurement-detail\", \"assets-detail\", \"staffing\", " \
  "\"performance-overall\", \"performance-projects\", \"basic-economic\"]"

/* @base's definition, under @id, with @outline for its outline. */
static GkTemplate *
template_with_outline (const char *base,
                       const char *id,
                       const char *outline)
{
  g_autofree char *file = g_strconcat (base, ".json", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("GK_SOURCE_ROOT"), "resources", "templates", file, NULL);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) outline_re = g_regex_new ("\"outline\": \\{.*?\\n  \\},\\n", G_REGEX_DOTALL, 0, NULL);
  g_autofree char *base_id = g_strdup_printf ("\"id\": \"%s\"", base);
  g_autofree char *member = g_strdup_printf ("\"outline\": %s,\n", outline);
  g_autofree char *id_member = g_strdup_printf ("\"id\": \"%s\"", id);
  g_autofree char *replaced = NULL;
  g_autofree char *renamed = NULL;
  GkTemplate *template;

  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);
  replaced = g_regex_replace_literal (outline_re, json, -1, 0, member, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (replaced, !=, json);
  {
    GString *text = g_string_new (replaced);
    g_string_replace (text, base_id, id_member, 1);
    renamed = g_string_free (text, FALSE);
  }
  template = gk_template_new_from_data (renamed, &error);
  g_assert_no_error (error);
  return template;
}

static GkDocument *
blank (const char *base)
{
  g_autofree char *outline = g_strdup_printf ("{ \"sections\": [ { \"id\": \"facts\", \"title\": \"事项说明\", "
                                              "\"paragraphs\": %s } ] }", ALL_KINDS);
  g_autofree char *id = g_strconcat ("kinds-", base, NULL);
  GkTemplate *template = template_with_outline (base, id, outline);

  return gk_document_new_blank_for_template (template, "测试单位", 2025, GK_MONEY_UNIT_WANYUAN);
}

static char *
compose_text (GkDocument *document)
{
  g_autoptr(GPtrArray) sections = gk_narrative_compose (document);

  return gk_narrative_dup_text (sections);
}

static void
assert_says (const char *text,
             const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("情况说明 does not say “%s”:\n%s", words, text);
}

static void
set_cell (GkDocument *document,
          const char *role,
          const char *code,
          const char *column,
          const char *text)
{
  GkTable *table = gk_document_get_table (document, role);
  g_autoptr(GError) error = NULL;
  GkRow *row;

  if (code == NULL)
    row = gk_table_get_single_row (table);
  else if ((row = gk_table_lookup (table, code)) == NULL)
    {
      row = gk_document_add_row (document, table, code, NULL, &error);
      g_assert_no_error (error);
    }
  gk_document_set_amount_text (document, row, gk_table_column_index (table, column), text, &error);
  g_assert_no_error (error);
}

static void
set_prior (GkDocument *document,
           const char *key,
           GkAmount    amount,
           const char *reason)
{
  GkPrior *prior = gk_document_ensure_prior (document, key);

  gk_document_set_int (document, prior, "amount", amount);
  gk_document_set_text (document, prior, "reason", reason);
}

static void
set_facts (GkDocument         *document,
           gpointer            holder,
           const char * const *facts)
{
  for (guint i = 0; facts[i] != NULL; i += 2)
    gk_document_set_int (document, holder, facts[i], g_ascii_strtoll (facts[i + 1], NULL, 10));
}

/* Nothing entered -------------------------------------------------------- */

static void
test_missing (void)
{
  g_autoptr(GkDocument) document = blank ("jiangxi-2022-town");
  g_autofree char *text = compose_text (document);

  /* Each fact not entered is said to be missing; no 0 stands in for it. */
  assert_says (text, "测试单位2025年全口径“三公”经费预算数为（未填写），其中：因公出国（境）费（未填写），"
                     "公务用车购置费（未填写），公务用车运行费（未填写），公务接待费（未填写）。"
                     "全口径“三公”经费预算（未填写）。");
  assert_says (text, "按采购组织形式分：政府集中采购（未填写），分散采购（未填写）。");
  assert_says (text, "按资金来源分：一般公共预算（未填写），政府性基金预算（未填写），其他资金（未填写）。");
  assert_says (text, "2025年政府采购预算（上年数未填写）。");
  assert_says (text, "截至2024年12月31日，测试单位共有资产原值（未填写），其中：土地（未填写），房屋0.00万元，"
                     "车辆（未填写），通用设备（未填写），专用设备（未填写），家具0.00万元，无形资产（未填写），"
                     "其他资产0.00万元。");
  assert_says (text, "共有车辆（未填写）辆，其中：领导干部用车（未填写）辆、一般公务用车0辆");
  assert_says (text, "新增资产配置预算（未填写）。");
  assert_says (text, "测试单位编制数0名，其中：行政编制（未填写）名，事业编制（未填写）名，工勤编制（未填写）名。");
  assert_says (text, "另有聘用人员（未填写）人，遗属（未填写）人。");
  assert_says (text, "测试单位2025年部门整体绩效目标：（年度绩效目标未填写）。");
  assert_says (text, "年度主要任务（未填写）。");
  assert_says (text, "2025年无实行绩效目标管理的项目。");
  /* A 类 with no figure this year and none last year says nothing. */
  assert_says (text, "测试单位2025年一般公共预算基本支出0.00万元。");

  /* The check names each fact not entered, once, and sends the officer
   * to the page where it is entered. */
  {
    g_autoptr(GkChecker) checker = gk_checker_new (document);
    guint n_facts = 0;
    gboolean land = FALSE;

    gk_checker_update (checker);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
      {
        g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

        if (!g_str_equal (gk_finding_get_rule_id (finding), "narrative.fact"))
          continue;
        n_facts++;
        g_assert_cmpstr (gk_finding_get_place (finding, 0)->part, ==, "overview");
        land |= strstr (gk_finding_get_message (finding), "“土地原值”") != NULL;
      }
    /* 4 三公, 5 采购, 4 classes, the 4 new vehicles' counts and the
     * first of their values (a sum names the first part missing), the new
     * assets' amount, 5 of staff. */
    g_assert_cmpuint (n_facts, ==, 24);
    g_assert_true (land);
  }

  /* Facts entered as 0 are 0. */
  gk_document_set_int (document, gk_document_get_explanation (document), "procurement-centralized", 0);
  g_clear_pointer (&text, g_free);
  text = compose_text (document);
  assert_says (text, "政府集中采购0.00万元，分散采购（未填写）");
  /* Undone, not entered again. */
  g_assert_true (gk_document_undo (document));
  g_clear_pointer (&text, g_free);
  text = compose_text (document);
  assert_says (text, "政府集中采购（未填写）");
}

/* Everything entered ----------------------------------------------------- */

static void
fill_facts (GkDocument *document)
{
  static const char * const explanation_facts[] = {
    "sangong-all-abroad", "50", "sangong-all-vehicle-purchase", "0",
    "sangong-all-vehicle-operation", "150", "sangong-all-reception", "200",
    "procurement-goods", "300", "procurement-services", "100",
    "procurement-centralized", "300", "procurement-decentralized", "100",
    "procurement-general", "400", "procurement-fund", "0", "procurement-other-funds", "0",
    "procurement-sme-reserved", "200", "procurement-micro-reserved", "100",
    "land-value", "10000", "building-value", "50000", "general-equipment-value", "3000",
    "special-equipment-value", "0", "furniture-value", "2000", "intangible-value", "500",
    "other-assets-value", "1000",
    "leader-vehicles", "0", "leader-vehicles-value", "0", "general-vehicles", "2", "general-vehicles-value", "4000",
    "enforcement-vehicles", "1", "enforcement-vehicles-value", "2500", "special-vehicles", "0",
    "special-vehicles-value", "0", "confidential-vehicles", "0", "confidential-vehicles-value", "0",
    "emergency-vehicles", "0", "emergency-vehicles-value", "0", "other-vehicles", "0", "other-vehicles-value", "0",
    "equipment-50", "1", "equipment-100", "0", "planned-vehicles", "1", "planned-equipment-50", "0",
    "planned-equipment-100", "0", "planned-value", "1800",
    NULL
  };
  static const char * const overview_facts[] = {
    "authorized", "10", "administrative-posts", "6", "institution-posts", "3", "worker-posts", "1",
    "serving", "9", "retired", "2", "veteran", "1", "contracted", "4", "survivors", "1",
    NULL
  };

  set_facts (document, gk_document_get_explanation (document), explanation_facts);
  set_facts (document, gk_document_get_overview (document), overview_facts);
}

static void
test_filled (void)
{
  g_autoptr(GkDocument) document = blank ("jiangxi-2022-town");
  GkTable *overall = gk_document_get_table (document, "overall-performance");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GkProject *project;
  GkRow *task;

  fill_facts (document);
  set_cell (document, "sangong", NULL, "reception", "1.00");
  set_cell (document, "basic-expenditure", "30101", "total", "10.00");
  set_prior (document, "sangong-all.total", 500, "压减公务接待");
  set_prior (document, "procurement.total", 500, "");
  set_prior (document, "basic.301", 800, "人员增加");
  set_prior (document, "basic.302", 100, "公用经费调整");

  gk_document_set_goal (document, overall, "保障乡镇正常运转，推进乡村振兴。");
  task = gk_document_add_list_row (document, overall, 0);
  gk_document_set_list_text (document, task, GK_OVERALL_TEXT_NAME, "乡村振兴", &error);
  g_assert_no_error (error);
  gk_document_set_amount_text (document, task, gk_table_column_index (overall, "fiscal"), "5.00", &error);
  g_assert_no_error (error);

  project = gk_document_add_project (document, "测试培训项目", "2010301");
  gk_document_set_text (document, project, "goal", "完成干部培训200人次。");

  text = compose_text (document);

  /* 全口径 and the 财政拨款 part of it. */
  assert_says (text, "测试单位2025年全口径“三公”经费预算数为4.00万元，其中：因公出国（境）费0.50万元，"
                     "公务用车购置费0.00万元，公务用车运行费1.50万元，公务接待费2.00万元。"
                     "全口径“三公”经费预算比上年减少1.00万元，下降20.00%，主要原因是压减公务接待。");
  assert_says (text, "其中，财政拨款安排的“三公”经费预算数为1.00万元，占全口径“三公”经费的25.00%，"
                     "其中：因公出国（境）费0.00万元，公务用车购置费0.00万元，公务用车运行费0.00万元，"
                     "公务接待费1.00万元。");
  /* 政府采购 by kind, organisation and source; the reservation's shares. */
  assert_says (text, "2025年，测试单位安排政府采购预算4.00万元，其中：货物采购3.00万元、工程采购0.00万元、"
                     "服务采购1.00万元。");
  assert_says (text, "2025年政府采购预算比上年减少1.00万元，下降20.00%，主要原因是（原因未填写）。");
  assert_says (text, "按采购组织形式分：政府集中采购3.00万元，分散采购1.00万元。");
  assert_says (text, "按资金来源分：一般公共预算4.00万元，政府性基金预算0.00万元，其他资金0.00万元。");
  assert_says (text, "面向中小企业预留政府采购项目预算金额2.00万元，占政府采购预算总额的50.00%，"
                     "其中：面向小微企业预留1.00万元，占面向中小企业预留金额的50.00%。");
  /* 国有资产 by class: the vehicles' 原值 is the sum of the kinds'. */
  assert_says (text, "共有资产原值730.00万元，其中：土地100.00万元，房屋500.00万元，车辆65.00万元，"
                     "通用设备30.00万元，专用设备0.00万元，家具20.00万元，无形资产5.00万元，其他资产10.00万元。");
  assert_says (text, "共有车辆3辆，其中：领导干部用车0辆、一般公务用车2辆、执法执勤用车1辆、特种专业技术用车0辆、"
                     "机要通信用车0辆、应急保障用车0辆、其他用车0辆。");
  assert_says (text, "单价50万元以上通用设备1台（套），单价100万元以上专用设备0台（套）。");
  assert_says (text, "2025年部门预算安排购置车辆1辆，单价50万元以上通用设备0台（套），单价100万元以上专用设备0台（套），"
                     "新增资产配置预算18.00万元。");
  /* Staffing. */
  assert_says (text, "测试单位编制数10名，其中：行政编制6名，事业编制3名，工勤编制1名。");
  assert_says (text, "实有人数12人，其中：在职人员9人，退休人员2人，离休人员1人；另有聘用人员4人，遗属1人。");
  /* 部门整体绩效 from its table; 重点项目 from the projects. */
  assert_says (text, "测试单位2025年部门整体绩效目标：保障乡镇正常运转，推进乡村振兴。");
  assert_says (text, "年度主要任务1项，预算金额5.00万元，其中：财政拨款5.00万元，其他资金0.00万元；主要任务为：乡村振兴。");
  assert_says (text, "设置年度绩效指标0个，详见");
  assert_says (text, "2025年实行绩效目标管理的项目1个，涉及预算金额0.00万元，各项目绩效目标如下：");
  assert_says (text, "1.测试培训项目，预算0.00万元，年度绩效目标：完成干部培训200人次；设置绩效指标0个。");
  /* 基本支出 by economic 类, each with its change; a 类 without a figure
   * this year that had one last year is said too. */
  assert_says (text, "1.工资福利支出10.00万元，占100.00%，比上年增加2.00万元，增长25.00%，主要原因是人员增加；");
  assert_says (text, "2.商品和服务支出0.00万元，占0.00%，比上年减少1.00万元，下降100.00%，主要原因是公用经费调整。");

  /* Nothing is left to enter. */
  {
    g_autoptr(GkChecker) checker = gk_checker_new (document);

    gk_checker_update (checker);
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
      {
        g_autoptr(GkFinding) finding = g_list_model_get_item (G_LIST_MODEL (checker), i);

        g_assert_cmpstr (gk_finding_get_rule_id (finding), !=, "narrative.fact");
        /* The 类 said only for last year's figure is no figure out of
         * line with the tables. */
        g_assert_cmpstr (gk_finding_get_rule_id (finding), !=, "narrative.figure");
        g_assert_cmpstr (gk_finding_get_rule_id (finding), !=, "narrative.shares");
      }
  }

  /* The PDF prints them. */
  {
    g_autofree char *dir = g_dir_make_tmp ("gk-kinds-XXXXXX", &error);
    g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *out = NULL;
    g_autofree char *flat = NULL;
    const char *argv[] = { "pdftotext", path, "-", NULL };
    int status;

    g_assert_true (gk_export_file (document, GK_EXPORT_PDF, file, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &out, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    {
      GString *squeezed = g_string_new (NULL);

      for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (squeezed, g_utf8_get_char (p));
      flat = g_string_free (squeezed, FALSE);
    }
    g_assert_nonnull (strstr (flat, "全口径“三公”经费预算数为4.00万元"));
    g_assert_nonnull (strstr (flat, "占全口径“三公”经费的25.00%"));
    g_assert_nonnull (strstr (flat, "政府集中采购3.00万元"));
    g_assert_nonnull (strstr (flat, "共有资产原值730.00万元"));
    g_assert_nonnull (strstr (flat, "行政编制6名"));
    g_assert_nonnull (strstr (flat, "主要任务为：乡村振兴"));
    g_remove (path);
    g_rmdir (dir);
  }
}

/* 政府采购预算表, where the template has it, gives the figures by kind and
 * by source. */
static void
test_procurement_table (void)
{
  g_autoptr(GkDocument) document = blank ("anhui-2019");
  GkTable *procurement = gk_document_get_table (document, "procurement");
  const GkTableSchema *schema = gk_table_get_schema (procurement);
  GkRow *row = gk_document_add_list_row (document, procurement, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  gk_document_set_list_text (document, row, gk_table_schema_text_index (schema, "category"), "货物", &error);
  g_assert_no_error (error);
  gk_document_set_amount_text (document, row, gk_table_column_index (procurement, "general"), "3.00", &error);
  g_assert_no_error (error);
  gk_document_set_amount_text (document, row, gk_table_column_index (procurement, "fund"), "1.00", &error);
  g_assert_no_error (error);
  set_prior (document, "procurement.total", 400, "");
  text = compose_text (document);
  assert_says (text, "安排政府采购预算4.00万元，其中：货物采购4.00万元、工程采购0.00万元、服务采购0.00万元。");
  assert_says (text, "2025年政府采购预算与上年持平。");
  assert_says (text, "按资金来源分：一般公共预算3.00万元，政府性基金预算1.00万元，其他资金0.00万元。");
}

/* The file ----------------------------------------------------------------- */

static const struct { const char *path; gboolean count; } members[] = {
  { "explanation/sangong-all/abroad", FALSE },
  { "explanation/sangong-all/vehicle-purchase", FALSE },
  { "explanation/sangong-all/vehicle-operation", FALSE },
  { "explanation/sangong-all/reception", FALSE },
  { "explanation/procurement/centralized", FALSE },
  { "explanation/procurement/decentralized", FALSE },
  { "explanation/procurement/general", FALSE },
  { "explanation/procurement/fund", FALSE },
  { "explanation/procurement/other-funds", FALSE },
  { "explanation/assets/vehicles/leader/count", TRUE },
  { "explanation/assets/vehicles/leader/value", FALSE },
  { "explanation/assets/vehicles/special/count", TRUE },
  { "explanation/assets/vehicles/special/value", FALSE },
  { "explanation/assets/vehicles/confidential/count", TRUE },
  { "explanation/assets/vehicles/confidential/value", FALSE },
  { "explanation/assets/vehicles/emergency/count", TRUE },
  { "explanation/assets/vehicles/emergency/value", FALSE },
  { "explanation/assets/land-value", FALSE },
  { "explanation/assets/general-equipment-value", FALSE },
  { "explanation/assets/special-equipment-value", FALSE },
  { "explanation/assets/intangible-value", FALSE },
  { "explanation/assets/planned-value", FALSE },
  { "overview/staff/administrative-posts", TRUE },
  { "overview/staff/institution-posts", TRUE },
  { "overview/staff/worker-posts", TRUE },
  { "overview/staff/contracted", TRUE },
  { "overview/staff/survivors", TRUE },
};

static JsonObject *
object_at (JsonObject *root,
           char      **path,
           guint       depth)
{
  JsonObject *object = root;

  for (guint i = 0; i < depth; i++)
    {
      if (!json_object_has_member (object, path[i]))
        json_object_set_object_member (object, path[i], json_object_new ());
      object = json_object_get_object_member (object, path[i]);
    }
  return object;
}

/* @json with @path set to @node (taken). */
static char *
with_member (const char *json,
             const char *path,
             JsonNode   *node)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint depth = g_strv_length (parts);
  JsonObject *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_member (object_at (root, parts, depth - 1), parts[depth - 1], node);
  return json_to_string (json_parser_get_root (parser), TRUE);
}

static void
assert_refused (const char *json,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkDocument) document = gk_document_load_from_data (json, -1, &error);

  if (document != NULL)
    g_error ("a file with a wrong %s is read", words);
  g_assert_error (error, GK_DOCUMENT_ERROR, GK_DOCUMENT_ERROR_INVALID);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not name %s", error->message, words);
}

static void
test_file (void)
{
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  g_autoptr(GBytes) plain = gk_document_serialize (document);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GkDocument) opened = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  /* Not entered: not written. */
  g_assert_null (g_strstr_len (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), "sangong-all"));
  g_assert_null (g_strstr_len (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), "contracted"));
  g_assert_null (g_strstr_len (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), "leader"));

  /* Entered (0 too): written, and read back as it was. */
  fill_facts (document);
  saved = gk_document_serialize (document);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "\"sangong-all\""));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "\"special-equipment-value\" : \"0.00\""));
  opened = gk_document_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), &error);
  g_assert_no_error (error);
  again = gk_document_serialize (opened);
  g_assert_true (g_bytes_equal (saved, again));
  {
    g_autofree char *a = compose_text (document);
    g_autofree char *b = compose_text (opened);
    g_assert_cmpstr (a, ==, b);
  }

  /* Strict: each member refuses what is not a count or an amount, by
   * its name, and a member Gongkai does not know among them. */
  json = g_strndup (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *leaf = strrchr (members[i].path, '/') + 1;
      g_autofree char *negative = NULL;
      g_autofree char *wrong = NULL;
      JsonNode *node = json_node_new (JSON_NODE_VALUE);

      if (members[i].count)
        json_node_set_int (node, -1);
      else
        json_node_set_string (node, "-1.00");
      negative = with_member (json, members[i].path, node);
      assert_refused (negative, leaf);

      node = json_node_new (JSON_NODE_VALUE);
      if (members[i].count)
        json_node_set_string (node, "3");
      else
        json_node_set_string (node, "1.234");
      wrong = with_member (json, members[i].path, node);
      assert_refused (wrong, leaf);
    }
  {
    g_autofree char *unknown = NULL;
    JsonNode *node = json_node_new (JSON_NODE_VALUE);

    json_node_set_string (node, "1.00");
    unknown = with_member (json, "explanation/sangong-all/meetings", node);
    assert_refused (unknown, "meetings");
  }

  /* The last-year keys of 基本支出 by economic 类 and of 政府采购. */
  {
    static const struct { const char *key; gboolean known; } keys[] = {
      { "basic.301", TRUE }, { "basic.30201", TRUE }, { "procurement.total", TRUE },
      { "procurement.goods", TRUE }, { "sangong-all.total", TRUE },
      { "basic.abc", FALSE }, { "basic.", FALSE }, { "procurement.weather", FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_autofree char *path = g_strconcat ("explanation/prior-year/", keys[i].key, NULL);
        g_autofree char *with = NULL;
        JsonObject *prior = json_object_new ();
        JsonNode *node = json_node_new (JSON_NODE_OBJECT);

        json_object_set_string_member (prior, "amount", "1.00");
        json_object_set_string_member (prior, "basis", "budget");
        json_object_set_string_member (prior, "reason", "");
        json_node_take_object (node, prior);
        /* A key with a dot is one member, not a path. */
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonObject *root;

          json_parser_load_from_data (parser, json, -1, &error);
          g_assert_no_error (error);
          root = json_node_get_object (json_parser_get_root (parser));
          json_object_set_member (json_object_get_object_member (json_object_get_object_member (root, "explanation"),
                                                                 "prior-year"), keys[i].key, node);
          with = json_to_string (json_parser_get_root (parser), TRUE);
        }
        if (keys[i].known)
          {
            g_autoptr(GkDocument) d = gk_document_load_from_data (with, -1, &error);

            g_assert_no_error (error);
            g_assert_nonnull (gk_explanation_lookup_prior (gk_document_get_explanation (d), keys[i].key));
          }
        else
          assert_refused (with, keys[i].key);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/outline-kinds/missing", test_missing);
  g_test_add_func ("/outline-kinds/filled", test_filled);
  g_test_add_func ("/outline-kinds/procurement-table", test_procurement_table);
  g_test_add_func ("/outline-kinds/file", test_file);
  return g_test_run ();
}
