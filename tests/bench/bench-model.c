/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-model — how the model scales with the number of projects.
 *
 *   bench-model [--runs K] [--edits E] [--keep FILE] N
 *   bench-model [--runs K] --sample FILE
 *
 * Generates a disclosure with N projects over the full tree of the bundled
 * catalogs (表二, 三, 五: every function 类/款/项; 表六: every economic 款),
 * then takes the median CPU and wall time of loading it from a file,
 * parsing its JSON alone, re-deriving it, editing one cell, and saving it;
 * and the peak RSS after one load. One N per process, so that the peak is
 * that N's alone; build-aux/bench runs several N and judges linearity. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "gk-document-io.h"
#include "gk-document-private.h"

#define TARGET_SAMPLE_MS   20.0
#define TARGET_LOAD_MS   1000.0
#define TARGET_EDIT_MS      1.0
#define TARGET_MEMORY_MB  150.0
#define TARGET_N        10000

static int opt_runs = 0;
static int opt_edits = 1000;
static char *opt_sample = NULL;
static char *opt_keep = NULL;
static gboolean opt_one_item = FALSE;

static const GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &opt_runs, "Runs per timed figure (median taken)", "K" },
  { "edits", 'e', 0, G_OPTION_ARG_INT, &opt_edits, "One-cell edits per edit figure", "E" },
  { "sample", 's', 0, G_OPTION_ARG_FILENAME, &opt_sample, "Time loading this file only", "FILE" },
  { "keep", 'k', 0, G_OPTION_ARG_FILENAME, &opt_keep, "Also write the generated document here", "FILE" },
  { "one-item", '1', 0, G_OPTION_ARG_NONE, &opt_one_item, "Put every project under one 项 (else spread over all)", NULL },
  { NULL }
};

/* Timing ------------------------------------------------------------------- */

/* Each figure is taken twice: the wall clock, which is what the user waits,
 * and the process's CPU time, which other processes on a shared machine
 * disturb much less. The targets are judged on the CPU time. */
typedef struct
{
  double wall;
  double cpu;
} Figure;

typedef struct
{
  GArray *wall;
  GArray *cpu;
} Samples;

static double
clock_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static Figure
stamp (void)
{
  return (Figure) { clock_ms (CLOCK_MONOTONIC), clock_ms (CLOCK_PROCESS_CPUTIME_ID) };
}

static void
samples_init (Samples *samples)
{
  samples->wall = g_array_new (FALSE, FALSE, sizeof (double));
  samples->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
samples_add_since (Samples *samples,
                   Figure   start)
{
  Figure end = stamp ();
  double wall = end.wall - start.wall;
  double cpu = end.cpu - start.cpu;

  g_array_append_val (samples->wall, wall);
  g_array_append_val (samples->cpu, cpu);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  guint n = values->len;

  g_assert (n > 0);
  g_array_sort (values, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* The medians; frees the samples. */
static Figure
samples_finish (Samples *samples)
{
  Figure figure = { median (samples->wall), median (samples->cpu) };

  g_clear_pointer (&samples->wall, g_array_unref);
  g_clear_pointer (&samples->cpu, g_array_unref);
  return figure;
}

static double
max_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */
}

/* The heap the process holds now: the document's own size, as opposed to
 * the peak, which includes the parser's transient tree. */
static double
heap_in_use_mb (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / 1048576.0;
}

static const char *
verdict (gboolean pass)
{
  return pass ? "PASS" : "MISS";
}

/* "N=10000 load+derive: 412.3 ms   (wall 450.2 ms; target < 1000 ms: PASS)":
 * the CPU time first, as the targets judge it. No target when <= 0. */
static void
print_figure (const char *prefix,
              const char *label,
              Figure      figure,
              int         decimals,
              double      target,
              const char *note)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "%s %s: %.*f ms   (wall %.*f ms",
                          prefix, label, decimals, figure.cpu, decimals, figure.wall);
  if (target > 0)
    g_string_append_printf (line, "; target < %g ms: %s", target, verdict (figure.cpu < target));
  if (note != NULL)
    g_string_append_printf (line, "; %s", note);
  g_string_append (line, ")");
  puts (line->str);
}

/* The generated document --------------------------------------------------- */

static void
set_amount_member (JsonObject *object,
                   const char *member,
                   GkAmount    a)
{
  g_autofree char *text = gk_amount_format (a);
  json_object_set_string_member (object, member, text);
}

/* A catalog's entries in code order, and whether each has children there. */
static GPtrArray *
catalog_codes (GkClassification kind,
               GArray         **leaf)
{
  GListModel *catalog = G_LIST_MODEL (gk_catalog_get_default (kind));
  guint n = g_list_model_get_n_items (catalog);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  *leaf = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkCatalogEntry) entry = g_list_model_get_item (catalog, i);
      g_ptr_array_add (codes, g_strdup (gk_catalog_entry_get_code (entry)));
    }
  for (guint i = 0; i < n; i++)
    {
      gboolean is_leaf = i + 1 == n ||
                         !gk_classification_is_ancestor (codes->pdata[i], codes->pdata[i + 1]);
      g_array_append_val (*leaf, is_leaf);
    }
  return codes;
}

static JsonObject *
names_of (GkClassification kind,
          GPtrArray       *codes)
{
  GkCatalog *catalog = gk_catalog_get_default (kind);
  JsonObject *names = json_object_new ();

  for (guint i = 0; i < codes->len; i++)
    json_object_set_string_member (names, codes->pdata[i],
                                   gk_catalog_lookup_name (catalog, codes->pdata[i]));
  return names;
}

static JsonObject *
table_object (const char *note,
              JsonArray  *rows)
{
  JsonObject *table = json_object_new ();

  json_object_set_string_member (table, "note", note);
  if (rows != NULL)
    json_object_set_array_member (table, "rows", rows);
  return table;
}

/* Every row of the catalog tree, figures on the leaves (every 项, and the
 * few 类 the catalog lists without 款). */
static JsonArray *
function_rows (GPtrArray  *codes,
               GArray     *leaf,
               const char *table_id)
{
  JsonArray *rows = json_array_new ();

  for (guint i = 0; i < codes->len; i++)
    {
      JsonObject *row = json_object_new ();
      GkAmount basic = 1000 + (i * 7919) % 500000;
      GkAmount project = 500 + (i * 104729) % 200000;

      json_object_set_string_member (row, "code", codes->pdata[i]);
      if (g_array_index (leaf, gboolean, i))
        {
          if (g_str_equal (table_id, "income"))
            set_amount_member (row, "general", basic + project);
          else
            {
              set_amount_member (row, "basic", basic);
              set_amount_member (row, "project", project);
            }
        }
      json_array_add_object_element (rows, row);
    }
  return rows;
}

static JsonArray *
economic_rows (GPtrArray *codes,
               GArray    *leaf)
{
  JsonArray *rows = json_array_new ();

  for (guint i = 0; i < codes->len; i++)
    {
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, "code", codes->pdata[i]);
      if (g_array_index (leaf, gboolean, i))
        set_amount_member (row, "total", 100 + (i * 6151) % 90000);
      json_array_add_object_element (rows, row);
    }
  return rows;
}

/* The seven rows of a typical 绩效目标表, as in the sample's projects. */
static const char * const indicator_rows[][4] = {
  { "产出指标", "数量指标", "开展相关培训", "2次" },
  { "产出指标", "质量指标", "培训合格率", "95%" },
  { "产出指标", "时效指标", "按时完成", "95%" },
  { "产出指标", "成本指标", "发放资料每份", "10元" },
  { "效益指标", "社会效益指标", "保障工作高效运转", "显著提升" },
  { "效益指标", "可持续影响指标", "长效机制建立", "有所提升" },
  { "满意度指标", "服务对象满意度指标", "群众满意度", "98%" },
};

static JsonObject *
project_object (guint        index,
                const char  *function_code)
{
  static const char * const columns[] = { "e301", "e302", "e303", "e310", "e399" };
  JsonObject *project = json_object_new ();
  JsonObject *amounts = json_object_new ();
  JsonArray *indicators = json_array_new ();
  g_autofree char *id = g_strdup_printf ("p%u", index + 1);
  g_autofree char *name = g_strdup_printf ("第%u号专项工作经费", index + 1);

  json_object_set_string_member (project, "id", id);
  json_object_set_string_member (project, "name", name);
  json_object_set_string_member (project, "function", function_code);
  /* Two of the ten 表七 columns per project, varying across projects. */
  set_amount_member (amounts, columns[index % G_N_ELEMENTS (columns)], 100 + (index * 2654435761u) % 100000);
  set_amount_member (amounts, "e302", 50 + (index * 40503u) % 50000);
  json_object_set_object_member (project, "amounts", amounts);
  json_object_set_string_member (project, "basis", "县委编办（2019）81号文件，《关于机构编制方案的通知》");
  json_object_set_string_member (project, "owner", "县电子政务办");
  json_object_set_string_member (project, "allocation", "网络、网站及相关应用系统的建设、维护管理和应用培训。");
  json_object_set_string_member (project, "period", "2020年1月至2020年12月");
  set_amount_member (project, "other-funds", 0);
  json_object_set_string_member (project, "goal", "进一步使政府工作高效运转");
  for (guint i = 0; i < G_N_ELEMENTS (indicator_rows); i++)
    {
      JsonObject *indicator = json_object_new ();

      json_object_set_string_member (indicator, "level1", indicator_rows[i][0]);
      json_object_set_string_member (indicator, "level2", indicator_rows[i][1]);
      json_object_set_string_member (indicator, "name", indicator_rows[i][2]);
      json_object_set_string_member (indicator, "target", indicator_rows[i][3]);
      json_array_add_object_element (indicators, indicator);
    }
  json_object_set_array_member (project, "indicators", indicators);
  return project;
}

static JsonObject *
prior_object (const char *amount,
              const char *basis,
              const char *reason)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "amount", amount);
  json_object_set_string_member (object, "basis", basis);
  json_object_set_string_member (object, "reason", reason);
  return object;
}

static JsonObject *
explanation_object (GPtrArray *function_codes)
{
  JsonObject *explanation = json_object_new ();
  JsonObject *priors = json_object_new ();
  JsonObject *procurement = json_object_new ();

  json_object_set_object_member (priors, "expenditure.basic", prior_object ("356.48", "budget", "今年人员减少，预算经费压减"));
  json_object_set_object_member (priors, "expenditure.project", prior_object ("77.43", "budget", "项目经费减少"));
  /* A last-year figure for each 项 of 表五, as the disclosure explains them all. */
  for (guint i = 0; i < function_codes->len; i++)
    if (strlen (function_codes->pdata[i]) == 7)
      {
        g_autofree char *key = g_strconcat ("function.", function_codes->pdata[i], NULL);
        json_object_set_object_member (priors, key, prior_object ("28.13", "actual", "本年人员减少，预算经费压减"));
      }
  json_object_set_object_member (priors, "general.total", prior_object ("384.77", "actual", "本年人员减少，预算经费压减"));
  json_object_set_object_member (priors, "income.general", prior_object ("434.22", "budget", "今年人员减少，预算经费压减"));
  json_object_set_object_member (priors, "sangong.reception", prior_object ("0.50", "budget", "严控经费支出，压减经费"));
  json_object_set_object_member (explanation, "prior-year", priors);

  json_object_set_string_member (procurement, "goods", "7.00");
  json_object_set_string_member (procurement, "works", "0.00");
  json_object_set_string_member (procurement, "services", "0.00");
  json_object_set_string_member (procurement, "sme-reserved", "0.00");
  json_object_set_string_member (procurement, "micro-reserved", "0.00");
  json_object_set_object_member (explanation, "procurement", procurement);
  json_object_set_string_member (explanation, "other-matters", "无其他需说明的事项。");
  return explanation;
}

/* Written as JSON text rather than through gk_document_add_project(), which
 * rebuilds 表七 once per project: generation would then dwarf the load it
 * prepares. */
static char *
generate_document (guint  n_projects,
                   gsize *length)
{
  g_autoptr(GArray) function_leaf = NULL;
  g_autoptr(GArray) economic_leaf = NULL;
  g_autoptr(GPtrArray) function_codes = catalog_codes (GK_CLASSIFICATION_FUNCTION, &function_leaf);
  g_autoptr(GPtrArray) economic_codes = catalog_codes (GK_CLASSIFICATION_ECONOMIC, &economic_leaf);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *document = json_object_new ();
  JsonObject *names = json_object_new ();
  JsonObject *overview = json_object_new ();
  JsonObject *tables = json_object_new ();
  JsonObject *t8 = table_object ("无内容应公开空表并说明情况。", NULL);
  JsonObject *t8_values = json_object_new ();
  JsonObject *t9 = table_object ("无内容应公开空表并说明情况。", json_array_new ());
  JsonArray *projects = json_array_new ();
  JsonArray *glossary = json_array_new ();
  JsonArray *duties = json_array_new ();

  for (guint i = 0; i < function_codes->len; i++)
    if (strlen (function_codes->pdata[i]) == 7)
      g_ptr_array_add (items, function_codes->pdata[i]);
  g_assert (items->len > 0);

  json_object_set_string_member (document, "format", GK_FILE_FORMAT_NAME);
  json_object_set_int_member (document, "version", GK_FILE_FORMAT_VERSION);
  json_object_set_string_member (document, "unit", "乌鲁木齐县人民政府办公室");
  json_object_set_int_member (document, "year", 2020);
  json_object_set_string_member (document, "money-unit", "万元");
  json_object_set_string_member (document, "date", "2020-02-03");

  json_object_set_object_member (names, "function", names_of (GK_CLASSIFICATION_FUNCTION, function_codes));
  json_object_set_object_member (names, "economic", names_of (GK_CLASSIFICATION_ECONOMIC, economic_codes));
  json_object_set_object_member (document, "names", names);

  json_object_set_string_member (overview, "functions", "县人民政府办公室是县人民政府的综合部门。主要职责：");
  json_array_add_string_element (duties, "负责县人民政府日常工作的综合协调。");
  json_array_add_string_element (duties, "承办县人民政府交办的其他事项。");
  json_object_set_array_member (overview, "duties", duties);
  json_object_set_string_member (overview, "structure", "县政府办公室无下属预算单位，下设 1 个处室，分别是：办公室。");
  json_object_set_object_member (document, "overview", overview);

  json_object_set_object_member (tables, "income-summary", table_object ("无内容应公开空表并说明情况。", NULL));
  json_object_set_object_member (tables, "income", table_object ("…", function_rows (function_codes, function_leaf, "income")));
  json_object_set_object_member (tables, "expenditure", table_object ("…", function_rows (function_codes, function_leaf, "expenditure")));
  json_object_set_object_member (tables, "fiscal-summary", table_object ("…", NULL));
  json_object_set_object_member (tables, "general-expenditure", table_object ("…", function_rows (function_codes, function_leaf, "general-expenditure")));
  json_object_set_object_member (tables, "basic-expenditure", table_object ("…", economic_rows (economic_codes, economic_leaf)));
  json_object_set_object_member (tables, "project-expenditure", table_object ("…", NULL));
  json_object_set_string_member (t8_values, "abroad", "0.00");
  json_object_set_string_member (t8_values, "vehicle-purchase", "0.00");
  json_object_set_string_member (t8_values, "vehicle-operation", "48.60");
  json_object_set_string_member (t8_values, "reception", "0.45");
  json_object_set_object_member (t8, "values", t8_values);
  json_object_set_object_member (tables, "sangong", t8);
  json_object_set_string_member (t9, "empty-explanation", "2020年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。");
  json_object_set_object_member (tables, "fund-expenditure", t9);
  json_object_set_object_member (document, "tables", tables);

  for (guint i = 0; i < n_projects; i++)
    json_array_add_object_element (projects, project_object (i, items->pdata[opt_one_item ? 0 : i % items->len]));
  json_object_set_array_member (document, "projects", projects);

  json_object_set_object_member (document, "explanation", explanation_object (function_codes));

  {
    JsonObject *entry = json_object_new ();
    json_object_set_string_member (entry, "term", "财政拨款");
    json_object_set_string_member (entry, "definition", "指由一般公共预算、政府性基金预算安排的财政拨款数。");
    json_array_add_object_element (glossary, entry);
  }
  json_object_set_array_member (document, "glossary", glossary);

  json_node_take_object (root, document);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, length);
}

/* Derivation --------------------------------------------------------------- */

typedef void (*RowFunc) (GkRow   *row,
                         gpointer user_data);

static void
foreach_row (GkDocument *document,
             RowFunc     func,
             gpointer    user_data)
{
  for (guint t = 0; t < gk_document_get_n_tables (document); t++)
    {
      GListModel *rows = G_LIST_MODEL (gk_document_get_table_at (document, t));
      guint n = g_list_model_get_n_items (rows);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GkRow) row = g_list_model_get_item (rows, i);
          func (row, user_data);
        }
    }
}

/* Forgets every figure the model computes, keeping what the file entered,
 * so that a derivation afterwards starts as cold as the one of a load. */
static void
clear_derived_row (GkRow   *row,
                   gpointer user_data)
{
  const GkTableSchema *schema = gk_table_get_schema (gk_row_get_table (row));
  gboolean derived_row = !gk_row_is_leaf (row) ||
                         row->kind == GK_ROW_KIND_TOTAL ||
                         row->kind == GK_ROW_KIND_LINE ||
                         gk_table_schema_is_summary (schema);

  for (guint c = 0; c < row->n_columns; c++)
    if (derived_row || gk_table_schema_get_column (schema, c)->rule != GK_COLUMN_ENTERED)
      {
        guint64 bit = G_GUINT64_CONSTANT (1) << c;
        row->values[c] = 0;
        row->set_mask &= ~bit;
        row->overflow_mask &= ~bit;
      }
}

/* Every figure of every row, to check that a derivation restored them. */
static void
hash_row (GkRow   *row,
          gpointer user_data)
{
  guint64 *hash = user_data;

  for (guint c = 0; c < row->n_columns; c++)
    *hash = *hash * 1000003 + (guint64) row->values[c];
  *hash = *hash * 31 + row->set_mask;
}

static guint64
document_hash (GkDocument *document)
{
  guint64 hash = 17;

  foreach_row (document, hash_row, &hash);
  return hash;
}

/* Measurements ------------------------------------------------------------- */

static GkDocument *
load_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GkDocument *document = gk_document_load (file, NULL, &error);

  if (document == NULL)
    g_error ("Cannot load %s: %s", g_file_peek_path (file), error->message);
  return document;
}

static Figure
time_load (GFile *file,
           guint  runs)
{
  Samples samples;

  samples_init (&samples);
  for (guint i = 0; i < runs; i++)
    {
      Figure start = stamp ();
      g_autoptr(GkDocument) document = load_file (file);

      samples_add_since (&samples, start);
    }
  return samples_finish (&samples);
}

static Figure
time_parse (const char *data,
            gsize       length,
            guint       runs)
{
  Samples samples;

  samples_init (&samples);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      Figure start = stamp ();

      if (!json_parser_load_from_data (parser, data, length, NULL))
        g_error ("The generated document is not JSON");
      samples_add_since (&samples, start);
    }
  return samples_finish (&samples);
}

static Figure
time_load_from_data (const char *data,
                     gsize       length,
                     guint       runs)
{
  Samples samples;

  samples_init (&samples);
  for (guint i = 0; i < runs; i++)
    {
      Figure start = stamp ();
      g_autoptr(GkDocument) document = gk_document_load_from_data (data, length, NULL);

      samples_add_since (&samples, start);
      g_assert (document != NULL);
    }
  return samples_finish (&samples);
}

/* The calls that end gk_document_load_from_data(), on a loaded document
 * whose derived figures were first cleared. */
static Figure
time_derive (GkDocument *document,
             guint       runs)
{
  Samples samples;
  guint64 expected = document_hash (document);

  samples_init (&samples);
  for (guint i = 0; i < runs; i++)
    {
      Figure start;

      foreach_row (document, clear_derived_row, NULL);
      g_assert (document_hash (document) != expected);
      start = stamp ();
      gk_document_derive_all (document);
      samples_add_since (&samples, start);
      if (document_hash (document) != expected)
        g_error ("Deriving a cleared document did not give back its figures");
    }
  return samples_finish (&samples);
}

static GkAmount
total_of (GkDocument *document,
          const char *table_id,
          const char *column_id)
{
  GkTable *table = gk_document_get_table (document, table_id);
  GkAmount amount;

  gk_table_get_column_total (table, gk_table_column_index (table, column_id), &amount);
  return amount;
}

/* Edits one entered cell `edits` times, each a new value, and checks that
 * the table's 合计 followed. */
static Figure
time_edits (GkDocument *document,
            GkRow      *row,
            const char *table_id,
            const char *column_id,
            guint       edits)
{
  Samples samples;
  GkTable *table = gk_document_get_table (document, table_id);
  int column = gk_table_column_index (table, column_id);
  GkAmount before = gk_row_get_value (row, column);
  GkAmount total_before = total_of (document, table_id, column_id);
  GkAmount value = before;

  g_assert (column >= 0);
  g_assert (gk_row_is_cell_entered (row, column));

  samples_init (&samples);
  for (guint i = 0; i < edits; i++)
    {
      g_autoptr(GError) error = NULL;
      Figure start;

      value = before + 1 + i;
      start = stamp ();
      if (!gk_document_set_amount (document, row, column, &value, &error))
        g_error ("Edit refused: %s", error->message);
      samples_add_since (&samples, start);
    }
  if (total_of (document, table_id, column_id) != total_before - before + value)
    g_error ("The 合计 of %s did not follow the edits", table_id);
  return samples_finish (&samples);
}

static GkRow *
middle_item_row (GkDocument *document,
                 const char *table_id)
{
  GListModel *rows = G_LIST_MODEL (gk_document_get_table (document, table_id));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      GkRow *row = g_list_model_get_item (rows, i);

      if (gk_row_get_kind (row) == GK_ROW_KIND_ITEM && gk_row_is_leaf (row))
        g_ptr_array_add (items, row);
      else
        g_object_unref (row);
    }
  g_assert (items->len > 0);
  return items->pdata[items->len / 2];   /* the table keeps it alive */
}

static void
time_save (GkDocument *document,
           GFile      *file,
           guint       runs,
           Figure     *serialize,
           Figure     *save)
{
  Samples serialize_samples, save_samples;

  samples_init (&serialize_samples);
  samples_init (&save_samples);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      Figure start = stamp ();
      g_autoptr(GBytes) bytes = gk_document_serialize (document);

      samples_add_since (&serialize_samples, start);

      /* What the application's save does: serialise, then replace the file. */
      start = stamp ();
      if (!gk_document_save (document, file, NULL, &error))
        g_error ("Cannot save: %s", error->message);
      samples_add_since (&save_samples, start);
    }
  *serialize = samples_finish (&serialize_samples);
  *save = samples_finish (&save_samples);
}

static int
bench_sample (const char *path,
              guint       runs)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *note = g_strdup_printf ("median of %u", runs);

  g_object_unref (load_file (file));   /* warm the catalogs and the template */
  print_figure ("sample", "load+derive", time_load (file, runs), 2, TARGET_SAMPLE_MS, note);
  return 0;
}

/* Generates in a child process, so that the memory the generator used
 * does not count in the peak that the load is measured by. */
static GFile *
write_generated (guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_tmp ("gongkai-bench-XXXXXX.gongkai", &stream, &error);
  pid_t pid;
  int status;

  if (file == NULL)
    g_error ("Cannot create a temporary file: %s", error->message);
  g_clear_object (&stream);

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    g_error ("Cannot fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      gsize length;
      g_autofree char *data = generate_document (n, &length);

      if (!g_file_set_contents (g_file_peek_path (file), data, length, &error) ||
          (opt_keep != NULL && !g_file_set_contents (opt_keep, data, length, &error)))
        {
          g_printerr ("Cannot write the generated document: %s\n", error->message);
          _exit (1);
        }
      _exit (0);
    }
  if (waitpid (pid, &status, 0) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("Generating the document failed");
  return g_steal_pointer (&file);
}

static int
bench_n (guint n,
         guint runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GkDocument) document = NULL;
  g_autoptr(GkProject) project = NULL;
  g_autofree char *data = NULL;
  g_autofree char *prefix = g_strdup_printf ("N=%u", n);
  g_autofree char *parse_note = NULL;
  g_autofree char *save_note = NULL;
  gsize length;
  double rss_before, rss_after, heap_before, heap_after;
  Figure load, parse, from_data, derive, serialize, save, edit_project, edit_item;
  gboolean at_target = n == TARGET_N;
  GkTable *t3;

  file = write_generated (n);

  /* Loaded once before measuring, like the template, so that only the
   * document counts. */
  g_object_unref (gk_document_new ());
  gk_catalog_get_default (GK_CLASSIFICATION_FUNCTION);
  gk_catalog_get_default (GK_CLASSIFICATION_ECONOMIC);

  /* The one load that the memory figure describes. */
  rss_before = max_rss_mb ();
  heap_before = heap_in_use_mb ();
  document = load_file (file);
  rss_after = max_rss_mb ();
  heap_after = heap_in_use_mb ();

  if (!g_file_get_contents (g_file_peek_path (file), &data, &length, &error))
    g_error ("Cannot read back the generated document: %s", error->message);

  t3 = gk_document_get_table (document, "expenditure");
  printf ("%s document: %.1f MB of JSON, %u projects, %u rows in 表三, %u in 表六, %u in 表七\n",
          prefix, length / 1048576.0,
          g_list_model_get_n_items (gk_document_get_projects (document)),
          g_list_model_get_n_items (G_LIST_MODEL (t3)),
          g_list_model_get_n_items (G_LIST_MODEL (gk_document_get_table (document, "basic-expenditure"))),
          g_list_model_get_n_items (G_LIST_MODEL (gk_document_get_table (document, "project-expenditure"))));
  g_assert (g_list_model_get_n_items (gk_document_get_projects (document)) == n);

  load = time_load (file, runs);
  parse = time_parse (data, length, runs);
  from_data = time_load_from_data (data, length, runs);
  derive = time_derive (document, runs);

  project = g_list_model_get_item (gk_document_get_projects (document), n / 2);
  edit_project = time_edits (document, gk_project_get_row (project), "project-expenditure", "e302", opt_edits);
  edit_item = time_edits (document, middle_item_row (document, "expenditure"), "expenditure", "basic", opt_edits);

  time_save (document, file, runs, &serialize, &save);

  print_figure (prefix, "load+derive", load, 1, at_target ? TARGET_LOAD_MS : 0, "gk_document_load of the file");
  parse_note = g_strdup_printf ("json_parser_load_from_data alone; gk_document_load_from_data − parse: %.1f ms",
                                from_data.cpu - parse.cpu);
  print_figure (prefix, "  JSON parse", parse, 1, 0, parse_note);
  print_figure (prefix, "derive", derive, 1, 0,
                "derived figures cleared, then rebuild 表七 + derive all, as a load ends");
  print_figure (prefix, "edit project cell", edit_project, 4, at_target ? TARGET_EDIT_MS : 0,
                "gk_document_set_amount, 表七 e302");
  print_figure (prefix, "edit 表三 项 cell", edit_item, 4, at_target ? TARGET_EDIT_MS : 0,
                "gk_document_set_amount, 表三 basic");
  save_note = g_strdup_printf ("gk_document_save; serialize alone: %.1f ms", serialize.cpu);
  print_figure (prefix, "save", save, 1, 0, save_note);
  if (at_target)
    printf ("%s peak memory: %.1f MB   (target < %.0f MB: %s; %.1f MB before the load)\n",
            prefix, rss_after, TARGET_MEMORY_MB, verdict (rss_after < TARGET_MEMORY_MB), rss_before);
  else
    printf ("%s peak memory: %.1f MB   (%.1f MB before the load)\n", prefix, rss_after, rss_before);
  printf ("%s   heap in use after the load: +%.1f MB   (with GSlice this keeps the parser's freed nodes; "
          "G_SLICE=always-malloc shows the document alone)\n",
          prefix, heap_after - heap_before);
  printf ("%s runs: median of %u loads, parses, derives and saves; of %d edits per cell\n",
          prefix, runs, opt_edits);

  g_file_delete (file, NULL, NULL);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("N");
  g_autoptr(GError) error = NULL;
  guint64 n;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Times loading, deriving, editing and saving a generated disclosure with N projects.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (opt_edits < 1)
    opt_edits = 1;

  if (opt_sample != NULL)
    return bench_sample (opt_sample, opt_runs > 0 ? opt_runs : 51);

  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, 1000000, &n, &error))
    {
      g_printerr ("Usage: %s [--runs K] [--edits E] [--keep FILE] N   |   %s --sample FILE\n",
                  argv[0], argv[0]);
      return 2;
    }
  return bench_n (n, opt_runs > 0 ? opt_runs : (n <= 1000 ? 21 : 7));
}
