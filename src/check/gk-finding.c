/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-finding.h"

struct _GkFinding
{
  GObject            parent_instance;

  const GkCheckRule *rule;
  gboolean           uncertain;  /* read from free text without certainty: a warning at most */
  char              *message;
  GPtrArray         *places;   /* GkPlace */
};

G_DEFINE_FINAL_TYPE (GkFinding, gk_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE_ID,
  PROP_SEVERITY,
  PROP_TITLE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gk_finding_finalize (GObject *object)
{
  GkFinding *self = GK_FINDING (object);

  g_free (self->message);
  g_ptr_array_unref (self->places);

  G_OBJECT_CLASS (gk_finding_parent_class)->finalize (object);
}

static void
gk_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GkFinding *self = GK_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      g_value_set_string (value, gk_finding_get_rule_id (self));
      break;
    case PROP_SEVERITY:
      g_value_set_uint (value, gk_finding_get_severity (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, gk_finding_get_title (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_finding_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GkFinding *self = GK_FINDING (object);

  switch (prop_id)
    {
    case PROP_RULE_ID:
      self->rule = gk_check_lookup_rule (g_value_get_string (value));
      g_return_if_fail (self->rule != NULL);
      break;
    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_finding_class_init (GkFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gk_finding_finalize;
  object_class->get_property = gk_finding_get_property;
  object_class->set_property = gk_finding_set_property;

  /* A finding never changes: the checker replaces it. */
  properties[PROP_RULE_ID] =
    g_param_spec_string ("rule-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_uint ("severity", NULL, NULL,
                       GK_CHECK_SEVERITY_ERROR, GK_CHECK_SEVERITY_WARNING, GK_CHECK_SEVERITY_ERROR,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_finding_init (GkFinding *self)
{
  self->places = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_place_free);
}

/* `rule_id` must be one of gk_check_get_rules(). */
GkFinding *
gk_finding_new (const char *rule_id,
                const char *message)
{
  g_return_val_if_fail (rule_id != NULL && gk_check_lookup_rule (rule_id) != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  return g_object_new (GK_TYPE_FINDING, "rule-id", rule_id, "message", message, NULL);
}

const char *
gk_finding_get_rule_id (GkFinding *self)
{
  g_return_val_if_fail (GK_IS_FINDING (self), NULL);
  return self->rule != NULL ? self->rule->id : NULL;
}

GkCheckSeverity
gk_finding_get_severity (GkFinding *self)
{
  g_return_val_if_fail (GK_IS_FINDING (self), GK_CHECK_SEVERITY_ERROR);
  if (self->uncertain)
    return GK_CHECK_SEVERITY_WARNING;
  return self->rule != NULL ? self->rule->severity : GK_CHECK_SEVERITY_ERROR;
}

/* A rule that reads free text is an error only where it is sure of what a
 * figure is of and of the figure; otherwise it warns. Call before the
 * finding is reported: a finding never changes once listed. */
void
gk_finding_set_uncertain (GkFinding *self,
                          gboolean   uncertain)
{
  g_return_if_fail (GK_IS_FINDING (self));
  self->uncertain = uncertain;
}

const char *
gk_finding_get_title (GkFinding *self)
{
  g_return_val_if_fail (GK_IS_FINDING (self), NULL);
  return self->rule != NULL ? gk_check_rule_get_title (self->rule) : NULL;
}

const char *
gk_finding_get_message (GkFinding *self)
{
  g_return_val_if_fail (GK_IS_FINDING (self), NULL);
  return self->message;
}

/* Places are added by the rule that builds the finding, before anyone
 * else sees it. */
void
gk_finding_add_place (GkFinding  *self,
                      const char *part,
                      const char *row,
                      const char *column)
{
  g_return_if_fail (GK_IS_FINDING (self));
  g_return_if_fail (part != NULL);

  g_ptr_array_add (self->places, gk_place_new (part, row, column));
}

guint
gk_finding_get_n_places (GkFinding *self)
{
  g_return_val_if_fail (GK_IS_FINDING (self), 0);
  return self->places->len;
}

const GkPlace *
gk_finding_get_place (GkFinding *self,
                      guint      index)
{
  g_return_val_if_fail (GK_IS_FINDING (self), NULL);
  g_return_val_if_fail (index < self->places->len, NULL);
  return g_ptr_array_index (self->places, index);
}

/* Whether the finding involves a place; a NULL row or column matches any,
 * so that a table page can ask for a row and a cell for its column. */
gboolean
gk_finding_involves (GkFinding  *self,
                     const char *part,
                     const char *row,
                     const char *column)
{
  g_return_val_if_fail (GK_IS_FINDING (self), FALSE);
  g_return_val_if_fail (part != NULL, FALSE);

  for (guint i = 0; i < self->places->len; i++)
    {
      const GkPlace *place = g_ptr_array_index (self->places, i);

      if (g_strcmp0 (place->part, part) == 0 &&
          (row == NULL || g_strcmp0 (place->row, row) == 0) &&
          (column == NULL || g_strcmp0 (place->column, column) == 0))
        return TRUE;
    }
  return FALSE;
}

/* The places as `--check` prints them: "expenditure/20103/basic,t3/2010301/basic". */
char *
gk_finding_dup_location (GkFinding *self)
{
  GString *location;

  g_return_val_if_fail (GK_IS_FINDING (self), NULL);

  location = g_string_new (NULL);
  for (guint i = 0; i < self->places->len; i++)
    {
      g_autofree char *place = gk_place_to_string (g_ptr_array_index (self->places, i));

      if (i > 0)
        g_string_append_c (location, ',');
      g_string_append (location, place);
    }
  if (location->len == 0)
    g_string_append (location, "document");
  return g_string_free (location, FALSE);
}

gboolean
gk_finding_equal (GkFinding *a,
                  GkFinding *b)
{
  g_return_val_if_fail (GK_IS_FINDING (a) && GK_IS_FINDING (b), FALSE);

  if (a == b)
    return TRUE;
  if (a->rule != b->rule || a->uncertain != b->uncertain || g_strcmp0 (a->message, b->message) != 0 ||
      a->places->len != b->places->len)
    return FALSE;
  for (guint i = 0; i < a->places->len; i++)
    if (!gk_place_equal (a->places->pdata[i], b->places->pdata[i]))
      return FALSE;
  return TRUE;
}
