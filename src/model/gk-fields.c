/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-fields.h"
#include "gk-model-private.h"

#define FIELD_PTR(instance, field) ((guint8 *) (instance) + (field)->offset)

static void
release_shared (gpointer text)
{
  g_ref_string_release (text);
}

/* As gk_set_str(), for a shared field. */
static gboolean
set_shared (char       **str_pointer,
            const char  *new_str)
{
  char *interned;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  interned = new_str != NULL ? g_ref_string_new_intern (new_str) : NULL;
  g_clear_pointer (str_pointer, release_shared);
  *str_pointer = interned;
  return TRUE;
}

void
gk_fields_install (GObjectClass  *klass,
                   guint          first_prop_id,
                   const GkField *fields,
                   guint          n_fields,
                   GParamSpec   **pspecs)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  for (guint i = 0; i < n_fields; i++)
    {
      const GkField *f = &fields[i];
      GParamSpec *pspec = NULL;

      switch (f->type)
        {
        case GK_FIELD_STRING:
          pspec = g_param_spec_string (f->name, NULL, NULL, NULL, flags);
          break;
        case GK_FIELD_INT:
          if (f->optional)
            pspec = g_param_spec_int (f->name, NULL, NULL, GK_FIELD_UNSET_INT, G_MAXINT, GK_FIELD_UNSET_INT, flags);
          else
            pspec = g_param_spec_int (f->name, NULL, NULL, f->minimum, G_MAXINT, MAX (0, f->minimum), flags);
          break;
        case GK_FIELD_AMOUNT:
          pspec = g_param_spec_int64 (f->name, NULL, NULL, G_MININT64, G_MAXINT64,
                                      f->optional ? GK_FIELD_UNSET_AMOUNT : 0, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      pspecs[i] = pspec;
      g_object_class_install_property (klass, first_prop_id + i, pspec);
    }
}

gboolean
gk_fields_get (GObject       *object,
               guint          first_prop_id,
               const GkField *fields,
               guint          n_fields,
               guint          prop_id,
               GValue        *value)
{
  const GkField *f;

  if (prop_id < first_prop_id || prop_id >= first_prop_id + n_fields)
    return FALSE;
  f = &fields[prop_id - first_prop_id];
  switch (f->type)
    {
    case GK_FIELD_STRING:
      g_value_set_string (value, *(char **) FIELD_PTR (object, f));
      break;
    case GK_FIELD_INT:
      g_value_set_int (value, *(gint *) FIELD_PTR (object, f));
      break;
    case GK_FIELD_AMOUNT:
      g_value_set_int64 (value, *(gint64 *) FIELD_PTR (object, f));
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* Notifies only when the value really changes. */
gboolean
gk_fields_set (GObject       *object,
               guint          first_prop_id,
               const GkField *fields,
               guint          n_fields,
               GParamSpec   **pspecs,
               guint          prop_id,
               const GValue  *value)
{
  const GkField *f;
  gboolean changed = FALSE;

  if (prop_id < first_prop_id || prop_id >= first_prop_id + n_fields)
    return FALSE;
  f = &fields[prop_id - first_prop_id];
  switch (f->type)
    {
    case GK_FIELD_STRING:
      changed = f->shared ? set_shared ((char **) FIELD_PTR (object, f), g_value_get_string (value))
                          : gk_set_str ((char **) FIELD_PTR (object, f), g_value_get_string (value));
      break;
    case GK_FIELD_INT:
      {
        gint *p = (gint *) FIELD_PTR (object, f);
        changed = *p != g_value_get_int (value);
        *p = g_value_get_int (value);
      }
      break;
    case GK_FIELD_AMOUNT:
      {
        gint64 *p = (gint64 *) FIELD_PTR (object, f);
        changed = *p != g_value_get_int64 (value);
        *p = g_value_get_int64 (value);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (changed)
    g_object_notify_by_pspec (object, pspecs[prop_id - first_prop_id]);
  return TRUE;
}

void
gk_fields_clear (gpointer       instance,
                 const GkField *fields,
                 guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == GK_FIELD_STRING && fields[i].shared)
      g_clear_pointer ((char **) FIELD_PTR (instance, &fields[i]), release_shared);
    else if (fields[i].type == GK_FIELD_STRING)
      g_clear_pointer ((char **) FIELD_PTR (instance, &fields[i]), g_free);
}

void
gk_fields_init_unset (gpointer       instance,
                      const GkField *fields,
                      guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].optional && fields[i].type == GK_FIELD_INT)
      *(gint *) FIELD_PTR (instance, &fields[i]) = GK_FIELD_UNSET_INT;
    else if (fields[i].optional && fields[i].type == GK_FIELD_AMOUNT)
      *(gint64 *) FIELD_PTR (instance, &fields[i]) = GK_FIELD_UNSET_AMOUNT;
}

/* Whether the field holds what was entered; a field that is not optional
 * always does. */
gboolean
gk_field_is_set (gpointer       instance,
                 const GkField *field)
{
  if (!field->optional)
    return TRUE;
  if (field->type == GK_FIELD_INT)
    return *(gint *) FIELD_PTR (instance, field) != GK_FIELD_UNSET_INT;
  if (field->type == GK_FIELD_AMOUNT)
    return *(gint64 *) FIELD_PTR (instance, field) != GK_FIELD_UNSET_AMOUNT;
  /* An optional text is set once it says something. */
  return *(char **) FIELD_PTR (instance, field) != NULL && **(char **) FIELD_PTR (instance, field) != '\0';
}

void
gk_field_store_string (gpointer       instance,
                       const GkField *field,
                       const char    *text)
{
  char **p = (char **) FIELD_PTR (instance, field);

  g_assert (field->type == GK_FIELD_STRING);
  if (field->shared)
    {
      set_shared (p, text);
      return;
    }
  g_free (*p);
  *p = g_strdup (text);
}

void
gk_field_store_number (gpointer       instance,
                       const GkField *field,
                       gint64         number)
{
  if (field->type == GK_FIELD_INT)
    *(gint *) FIELD_PTR (instance, field) = (gint) number;
  else if (field->type == GK_FIELD_AMOUNT)
    *(gint64 *) FIELD_PTR (instance, field) = number;
  else
    g_assert_not_reached ();
}

typedef struct
{
  const GkField *fields;
  guint          n_fields;
} FieldTable;

static GHashTable *registry;   /* GType → FieldTable; written in class_init only */
G_LOCK_DEFINE_STATIC (registry);

void
gk_fields_register (GType          type,
                    const GkField *fields,
                    guint          n_fields)
{
  FieldTable *table = g_new (FieldTable, 1);

  table->fields = fields;
  table->n_fields = n_fields;
  G_LOCK (registry);
  if (registry == NULL)
    registry = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_hash_table_insert (registry, GSIZE_TO_POINTER (type), table);
  G_UNLOCK (registry);
}

const GkField *
gk_fields_of (GType  type,
              guint *n_fields)
{
  FieldTable *table = NULL;

  G_LOCK (registry);
  if (registry != NULL)
    table = g_hash_table_lookup (registry, GSIZE_TO_POINTER (type));
  G_UNLOCK (registry);

  *n_fields = table != NULL ? table->n_fields : 0;
  return table != NULL ? table->fields : NULL;
}

/* The field of @type's class named @name (its property name), or NULL. */
const GkField *
gk_fields_lookup (GType       type,
                  const char *name)
{
  guint n_fields;
  const GkField *fields = gk_fields_of (type, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}
