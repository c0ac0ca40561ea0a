/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gk-document-private.h"
#include "gk-explanation-private.h"
#include "gk-model-private.h"

G_DEFINE_QUARK (gk-document-error-quark, gk_document_error)

G_DEFINE_FINAL_TYPE (GkDocument, gk_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UNIT,
  PROP_YEAR,
  PROP_MONEY_UNIT,
  PROP_DATE,
  PROP_REGION,
  PROP_UNIT_TYPE,
  PROP_MODIFIED,
  PROP_TEMPLATE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
gk_document_dispose (GObject *object)
{
  GkDocument *self = GK_DOCUMENT (object);

  /* The history holds rows and projects; drop it before the tables. */
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_object (&self->overview);
  g_clear_object (&self->explanation);
  g_clear_object (&self->budget);
  g_clear_object (&self->final_facts);
  g_clear_object (&self->glossary);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->set_aside, g_hash_table_unref);
  g_clear_pointer (&self->follow_dirty, g_hash_table_unref);
  g_clear_object (&self->projects);

  G_OBJECT_CLASS (gk_document_parent_class)->dispose (object);
}

static void
gk_document_finalize (GObject *object)
{
  GkDocument *self = GK_DOCUMENT (object);

  g_free (self->unit);
  g_free (self->date);
  g_free (self->region);
  g_hash_table_unref (self->names[GK_CLASSIFICATION_FUNCTION]);
  g_hash_table_unref (self->names[GK_CLASSIFICATION_ECONOMIC]);

  G_OBJECT_CLASS (gk_document_parent_class)->finalize (object);
}

static void
gk_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GkDocument *self = GK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;
    case PROP_MONEY_UNIT:
      g_value_set_uint (value, self->money_unit);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_UNIT_TYPE:
      g_value_set_uint (value, self->unit_type);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, gk_document_get_modified (self));
      break;
    case PROP_TEMPLATE:
      g_value_set_pointer (value, self->template);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, gk_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, gk_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GkDocument *self = GK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_UNIT:
      if (gk_set_str (&self->unit, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_YEAR:
      if (self->year != g_value_get_uint (value))
        {
          self->year = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MONEY_UNIT:
      if (self->money_unit != g_value_get_uint (value))
        {
          self->money_unit = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DATE:
      if (gk_set_str (&self->date, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_REGION:
      if (gk_set_str (&self->region, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_UNIT_TYPE:
      if (self->unit_type != g_value_get_uint (value))
        {
          self->unit_type = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TEMPLATE:
      self->template = g_value_get_pointer (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void gk_document_constructed (GObject *object);

static void
gk_document_class_init (GkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = gk_document_dispose;
  object_class->finalize = gk_document_finalize;
  object_class->get_property = gk_document_get_property;
  object_class->set_property = gk_document_set_property;
  object_class->constructed = gk_document_constructed;

  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, rw);
  properties[PROP_YEAR] = g_param_spec_uint ("year", NULL, NULL, 0, 9999, 0, rw);
  /* Relabels the figures; it does not convert them. */
  properties[PROP_MONEY_UNIT] = g_param_spec_uint ("money-unit", NULL, NULL,
                                                   GK_MONEY_UNIT_WANYUAN, GK_MONEY_UNIT_YUAN,
                                                   GK_MONEY_UNIT_WANYUAN, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  /* The line above the unit's name on the cover (新疆维吾尔自治区); NULL
   * or empty for none. */
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, rw);
  properties[PROP_UNIT_TYPE] = g_param_spec_uint ("unit-type", NULL, NULL,
                                                  GK_UNIT_TYPE_UNSET, GK_UNIT_TYPE_INSTITUTION,
                                                  GK_UNIT_TYPE_UNSET, rw);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  /* The GkTemplate whose tables the document has; templates live as long
   * as the program, hence a plain pointer. */
  properties[PROP_TEMPLATE] = g_param_spec_pointer ("template", NULL, NULL,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GkDocument::changed:
   *
   * Emitted once after each completed action, undo or redo, for views that
   * show composed content (情况说明, charts, checks). Table views follow
   * their rows' own signals instead.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gk_document_constructed (GObject *object)
{
  GkDocument *self = GK_DOCUMENT (object);

  G_OBJECT_CLASS (gk_document_parent_class)->constructed (object);

  if (self->template == NULL)
    self->template = gk_template_get_default ();
  for (guint i = 0; i < gk_template_get_n_tables (self->template); i++)
    g_ptr_array_add (self->tables, gk_table_new (gk_template_get_table (self->template, i)));
  gk_document_history_clear (self);
  gk_document_derive_all (self);
}

static void
gk_document_init (GkDocument *self)
{
  self->money_unit = GK_MONEY_UNIT_WANYUAN;
  self->names[GK_CLASSIFICATION_FUNCTION] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->names[GK_CLASSIFICATION_ECONOMIC] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->overview = gk_overview_new ();
  self->explanation = gk_explanation_new ();
  self->budget = gk_budget_new ();
  self->final_facts = gk_final_facts_new ();
  self->glossary = g_list_store_new (GK_TYPE_GLOSSARY_ENTRY);
  self->projects = g_list_store_new (GK_TYPE_PROJECT);
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo_stack = g_ptr_array_new ();
  self->redo_stack = g_ptr_array_new ();
}

/* A document of the seed's template (gk_template_get_default()). */
GkDocument *
gk_document_new (void)
{
  return g_object_new (GK_TYPE_DOCUMENT, NULL);
}

GkDocument *
gk_document_new_for_template (GkTemplate *template)
{
  g_return_val_if_fail (template != NULL, NULL);
  return g_object_new (GK_TYPE_DOCUMENT, "template", template, NULL);
}

GkTemplate *
gk_document_get_template (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return self->template;
}

/* The six standard entries of 名词解释, restored by one action in the editor. */
static const struct { const char *term; const char *definition; } standard_glossary[] = {
  { "财政拨款", "指由一般公共预算、政府性基金预算安排的财政拨款数。" },
  { "一般公共预算", "包括公共财政拨款（补助）资金、专项收入。" },
  { "基本支出", "包括人员经费、商品和服务支出（定额）。其中，人员经费包括工资福利支出、对个人和家庭的补助。" },
  { "项目支出", "部门支出预算的组成部分，是部门为完成其特定的行政任务或事业发展目标，在基本支出预算之外编制的年度项目支出计划。" },
  { "“三公”经费", "指各部门用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费指单位公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出；公务用车购置及运行费指单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费指单位按规定开支的各类公务接待（含外宾接待）支出。" },
  { "机关运行经费", "指各部门的公用经费，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费及其他费用。" },
};

/* The sentence every table carries as its 备注. */
#define STANDARD_NOTE "无内容应公开空表并说明情况。"

GkDocument *
gk_document_new_blank (const char  *unit,
                       guint        year,
                       GkMoneyUnit  money_unit)
{
  return gk_document_new_blank_for_template (gk_template_get_default (), unit, year, money_unit);
}

/* A new disclosure of @template: every table empty, with the standard
 * 备注 and the standard 名词解释. */
GkDocument *
gk_document_new_blank_for_template (GkTemplate  *template,
                                    const char  *unit,
                                    guint        year,
                                    GkMoneyUnit  money_unit)
{
  GkDocument *self = gk_document_new_for_template (template);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GPtrArray *glossary = gk_template_get_glossary (template);

  self->unit = g_strdup (unit);
  self->year = year;
  self->money_unit = money_unit;
  self->date = g_date_time_format (now, "%Y-%m-%d");
  /* A template's own note says what the table shows (注：本表反映…). */
  for (guint i = 0; i < self->tables->len; i++)
    {
      const char *note = gk_table_get_schema (self->tables->pdata[i])->note;
      g_object_set (self->tables->pdata[i], "note", note != NULL ? note : STANDARD_NOTE, NULL);
    }
  for (guint i = 0; glossary != NULL && i + 1 < glossary->len; i += 2)
    {
      g_autoptr(GkGlossaryEntry) entry = gk_glossary_entry_new (glossary->pdata[i], glossary->pdata[i + 1]);
      g_list_store_append (self->glossary, entry);
    }
  for (guint i = 0; glossary == NULL && i < G_N_ELEMENTS (standard_glossary); i++)
    {
      g_autoptr(GkGlossaryEntry) entry = gk_glossary_entry_new (standard_glossary[i].term,
                                                                standard_glossary[i].definition);
      g_list_store_append (self->glossary, entry);
    }
  return self;
}

const char *
gk_document_get_unit (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return self->unit;
}

guint
gk_document_get_year (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), 0);
  return self->year;
}

GkMoneyUnit
gk_document_get_money_unit (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), GK_MONEY_UNIT_WANYUAN);
  return self->money_unit;
}

/**
 * gk_date_text_is_valid:
 * @text: "2020-02-03"
 *
 * Whether @text is a real date written YYYY-MM-DD: digits only, so that
 * "-202-01-01" is not read as a year that wraps around.
 */
gboolean
gk_date_text_is_valid (const char *text)
{
  static const char shape[] = "dddd-dd-dd";
  guint y, m, d;

  if (text == NULL || strlen (text) != strlen (shape))
    return FALSE;
  for (guint i = 0; shape[i] != '\0'; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
      return FALSE;
  y = (guint) g_ascii_strtoull (text, NULL, 10);
  m = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

const char *
gk_document_get_date (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return self->date;
}

/* NULL when the cover has no region line. */
const char *
gk_document_get_region (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return self->region != NULL && self->region[0] != '\0' ? self->region : NULL;
}

GkOverview *
gk_document_get_overview (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return self->overview;
}

GkExplanation *
gk_document_get_explanation (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return self->explanation;
}

GListModel *
gk_document_get_projects (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->projects);
}

GListModel *
gk_document_get_glossary (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->glossary);
}

guint
gk_document_get_n_tables (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), 0);
  return self->tables->len;
}

GkTable *
gk_document_get_table_at (GkDocument *self,
                          guint       index)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);
  return self->tables->pdata[index];
}

GkTable *
gk_document_get_table (GkDocument *self,
                       const char *table_id)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->tables->len; i++)
    if (g_strcmp0 (gk_table_get_id (self->tables->pdata[i]), table_id) == 0)
      return self->tables->pdata[i];
  return NULL;
}

GkProject *
gk_document_lookup_project (GkDocument *self,
                            const char *project_id)
{
  guint n;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->projects));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GkProject) project = g_list_model_get_item (G_LIST_MODEL (self->projects), i);
      if (g_strcmp0 (gk_project_get_id (project), project_id) == 0)
        return project;
    }
  return NULL;
}

/* The name the document prints for a classification code: its own, else
 * the catalog's default, else NULL. */
const char *
gk_document_get_code_name (GkDocument       *self,
                           GkClassification  kind,
                           const char       *code)
{
  const char *name;

  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  if (code == NULL)
    return NULL;
  name = g_hash_table_lookup (self->names[kind], code);
  if (name == NULL)
    name = gk_catalog_lookup_name (gk_catalog_get_default (kind), code);
  return name;
}

/* The codes the document names itself, sorted. Free with g_list_free(). */
GList *
gk_document_get_codes (GkDocument       *self,
                       GkClassification  kind)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);
  return g_list_sort (g_hash_table_get_keys (self->names[kind]), (GCompareFunc) g_strcmp0);
}

void
gk_document_set_code_name_internal (GkDocument       *self,
                                    GkClassification  kind,
                                    const char       *code,
                                    const char       *name)
{
  if (name != NULL)
    g_hash_table_replace (self->names[kind], g_strdup (code), g_strdup (name));
  else
    g_hash_table_remove (self->names[kind], code);
  name = gk_document_get_code_name (self, kind, code);

  /* Every table whose rows are codes of this classification prints the name. */
  for (guint i = 0; i < self->tables->len; i++)
    {
      GkTable *table = self->tables->pdata[i];
      GkTableKind table_kind = gk_table_get_schema (table)->kind;
      GkRow *row;

      if ((kind == GK_CLASSIFICATION_ECONOMIC) != (table_kind == GK_TABLE_KIND_ECONOMIC))
        continue;
      if (table_kind == GK_TABLE_KIND_SINGLE)
        continue;
      row = gk_table_lookup (table, code);
      if (row != NULL)
        gk_row_set_name (row, name);
    }
}

static const char *
function_name (const char *code,
               gpointer    user_data)
{
  return gk_document_get_code_name (user_data, GK_CLASSIFICATION_FUNCTION, code);
}

/* The table the projects are listed in, if the template has one. */
GkTable *
gk_document_get_projects_table (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->tables->len; i++)
    if (gk_table_get_schema (self->tables->pdata[i])->kind == GK_TABLE_KIND_PROJECTS)
      return self->tables->pdata[i];
  return NULL;
}

void
gk_document_rebuild_projects (GkDocument *self)
{
  GkTable *table = gk_document_get_projects_table (self);

  if (table != NULL)
    gk_table_rebuild_projects (table, G_LIST_MODEL (self->projects), function_name, self);
}

static gboolean
summary_reads (const GkTableSchema *summary,
               const char          *role)
{
  gsize len = strlen (role);
  guint n = summary->columns->len + summary->lines->len;

  for (guint k = 0; k < n; k++)
    {
      const GkLineSchema *line = k < summary->columns->len ? NULL : summary->lines->pdata[k - summary->columns->len];

      for (guint c = 0; c <= (line != NULL ? line->n_cells : 0); c++)
        {
          const char *source = line == NULL ? ((GkColumnSchema *) summary->columns->pdata[k])->source
                               : c == 0 ? line->source : line->cells[c - 1].source;

          if (source != NULL && strncmp (source, role, len) == 0 && source[len] == ':')
            return TRUE;
        }
    }
  return FALSE;
}

/* What depends on a table beyond itself: the summaries whose columns or
 * lines read it (表一 reads 表二 and 表三; 表四 reads 表二, 表五 and 表九). */
void
gk_document_derive_after (GkDocument *self,
                          GkTable    *table)
{
  const char *id = gk_table_get_id (table);

  for (guint i = 0; i < self->tables->len; i++)
    {
      const GkTableSchema *schema = gk_table_get_schema (self->tables->pdata[i]);
      if (gk_table_schema_is_summary (schema) && summary_reads (schema, id))
        gk_document_derive_summary (self, self->tables->pdata[i]);
    }
}

/* Rebuilding 表七 from the projects derives it; the other tables are
 * derived here, then the summaries that read them. */
void
gk_document_derive_all (GkDocument *self)
{
  gk_document_rebuild_projects (self);
  for (guint i = 0; i < self->tables->len; i++)
    if (gk_table_get_schema (self->tables->pdata[i])->kind != GK_TABLE_KIND_PROJECTS)
      gk_table_derive_all (self->tables->pdata[i]);
  for (guint i = 0; i < self->tables->len; i++)
    if (gk_table_schema_is_summary (gk_table_get_schema (self->tables->pdata[i])))
      gk_document_derive_summary (self, self->tables->pdata[i]);
  gk_document_settle_follows (self);
}

void
gk_document_emit_changed (GkDocument *self)
{
  self->changes++;
  self->emitting++;
  g_signal_emit (self, signals[CHANGED], 0);
  /* What was worked out once for all the handlers is not kept. */
  if (--self->emitting == 0)
    g_object_set_data (G_OBJECT (self), GK_DOCUMENT_EMISSION_CACHE, NULL);
}

/* Counts every change, undo and redo included, unlike the history's
 * serials, which name states: a save compares it before and after
 * writing to know whether the file still holds the document. */
guint64
gk_document_get_change_serial (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), 0);
  return self->changes;
}

/* Marks the document saved if it has not changed since @change_serial
 * was read; returns whether it did. */
gboolean
gk_document_mark_saved_at (GkDocument *self,
                           guint64     change_serial)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), FALSE);

  if (self->changes != change_serial)
    return FALSE;
  gk_document_mark_saved (self);
  return TRUE;
}

/* Notifies the history properties whose value changed since last time. */
void
gk_document_notify_history (GkDocument *self)
{
  gboolean can_undo = gk_document_can_undo (self);
  gboolean can_redo = gk_document_can_redo (self);
  gboolean modified = gk_document_get_modified (self);

  if (can_undo != self->notified_can_undo)
    {
      self->notified_can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->notified_can_redo)
    {
      self->notified_can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->notified_modified)
    {
      self->notified_modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}
