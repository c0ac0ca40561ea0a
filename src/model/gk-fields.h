/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The plain fields of the document's small record classes (a project's
 * texts, a glossary entry, the staffing figures …) described once, so that
 * their GObject properties, their undoable edits and their JSON members
 * all come from the same table. The property name is the JSON member name. */
typedef enum {
  GK_FIELD_STRING,
  GK_FIELD_INT,      /* gint: counts, people */
  GK_FIELD_AMOUNT,   /* gint64 GkAmount, written as a decimal string */
} GkFieldType;

typedef struct
{
  const char  *name;      /* property name */
  GkFieldType  type;
  gsize        offset;
  gint         minimum;   /* GK_FIELD_INT */
  const char  *json;      /* member path in the file ("assets/vehicles/general/count"); NULL: name */
  gboolean     optional;  /* unset until entered, and written only when set */
  /* GK_FIELD_STRING: an interned GRefString, one copy for every object
   * holding the same text (a 绩效目标表's 产出指标, a project's 资金执行时间),
   * never written into: a change replaces it. */
  gboolean     shared;
} GkField;

/* What an optional field holds until it is entered: a count of -1, an
 * amount of GK_FIELD_UNSET_AMOUNT. A file never holds either (counts and
 * entered amounts are at least 0), so "not entered" is told from 0. */
#define GK_FIELD_UNSET_INT    (-1)
#define GK_FIELD_UNSET_AMOUNT G_MININT64

#define GK_FIELD_STRING_AT(name, type, member) { name, GK_FIELD_STRING, G_STRUCT_OFFSET (type, member), 0, NULL }
#define GK_FIELD_INT_AT(name, type, member, min) { name, GK_FIELD_INT, G_STRUCT_OFFSET (type, member), min, NULL }
#define GK_FIELD_AMOUNT_AT(name, type, member) { name, GK_FIELD_AMOUNT, G_STRUCT_OFFSET (type, member), 0, NULL }
#define GK_FIELD_INT_IN(path, name, type, member, min) { name, GK_FIELD_INT, G_STRUCT_OFFSET (type, member), min, path }
#define GK_FIELD_AMOUNT_IN(path, name, type, member) { name, GK_FIELD_AMOUNT, G_STRUCT_OFFSET (type, member), 0, path }
#define GK_FIELD_STRING_IN(path, name, type, member) { name, GK_FIELD_STRING, G_STRUCT_OFFSET (type, member), 0, path }
#define GK_FIELD_STRING_SET_AT(name, type, member) { name, GK_FIELD_STRING, G_STRUCT_OFFSET (type, member), 0, NULL, TRUE }
#define GK_FIELD_SHARED_STRING_AT(name, type, member) { name, GK_FIELD_STRING, G_STRUCT_OFFSET (type, member), 0, NULL, FALSE, TRUE }
#define GK_FIELD_SHARED_STRING_SET_AT(name, type, member) { name, GK_FIELD_STRING, G_STRUCT_OFFSET (type, member), 0, NULL, TRUE, TRUE }
#define GK_FIELD_INT_SET_IN(path, name, type, member) { name, GK_FIELD_INT, G_STRUCT_OFFSET (type, member), 0, path, TRUE }
#define GK_FIELD_AMOUNT_SET_IN(path, name, type, member) { name, GK_FIELD_AMOUNT, G_STRUCT_OFFSET (type, member), 0, path, TRUE }

/* Installs one read-write property per field, with ids first_prop_id … */
void gk_fields_install  (GObjectClass  *klass,
                         guint          first_prop_id,
                         const GkField *fields,
                         guint          n_fields,
                         GParamSpec   **pspecs);
gboolean gk_fields_get  (GObject       *object,
                         guint          first_prop_id,
                         const GkField *fields,
                         guint          n_fields,
                         guint          prop_id,
                         GValue        *value);
gboolean gk_fields_set  (GObject       *object,
                         guint          first_prop_id,
                         const GkField *fields,
                         guint          n_fields,
                         GParamSpec   **pspecs,
                         guint          prop_id,
                         const GValue  *value);
void gk_fields_clear    (gpointer       instance,
                         const GkField *fields,
                         guint          n_fields);
/* Puts the optional fields in their unset state, for an instance's init. */
void gk_fields_init_unset (gpointer       instance,
                           const GkField *fields,
                           guint          n_fields);
gboolean gk_field_is_set  (gpointer       instance,
                           const GkField *field);
const GkField *gk_fields_lookup (GType       type,
                                 const char *name);
/* Direct stores without notification, for building a fresh object (the
 * file reader): much cheaper than g_object_set() on large files. */
void gk_field_store_string (gpointer       instance,
                            const GkField *field,
                            const char    *text);
void gk_field_store_number (gpointer       instance,
                            const GkField *field,
                            gint64         number);

G_END_DECLS

G_BEGIN_DECLS

/* The GObject plumbing of a class whose properties are exactly its fields:
 * expects `static const GkField fields[]` and defines finalize,
 * get/set_property and class_init. */
#define GK_DEFINE_FIELD_CLASS(TypeName, type_name)                                       \
  static GParamSpec *properties[G_N_ELEMENTS (fields)];                                  \
  static void                                                                            \
  type_name##_finalize (GObject *object)                                                 \
  {                                                                                      \
    gk_fields_clear (object, fields, G_N_ELEMENTS (fields));                             \
    G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);                        \
  }                                                                                      \
  static void                                                                            \
  type_name##_get_property (GObject *object, guint prop_id, GValue *value,               \
                            GParamSpec *pspec)                                           \
  {                                                                                      \
    if (!gk_fields_get (object, 1, fields, G_N_ELEMENTS (fields), prop_id, value))       \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                        \
  }                                                                                      \
  static void                                                                            \
  type_name##_set_property (GObject *object, guint prop_id, const GValue *value,         \
                            GParamSpec *pspec)                                           \
  {                                                                                      \
    if (!gk_fields_set (object, 1, fields, G_N_ELEMENTS (fields), properties, prop_id,   \
                        value))                                                          \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                        \
  }                                                                                      \
  static void                                                                            \
  type_name##_class_init (TypeName##Class *klass)                                        \
  {                                                                                      \
    GObjectClass *object_class = G_OBJECT_CLASS (klass);                                 \
    object_class->finalize = type_name##_finalize;                                       \
    object_class->get_property = type_name##_get_property;                               \
    object_class->set_property = type_name##_set_property;                               \
    gk_fields_install (object_class, 1, fields, G_N_ELEMENTS (fields), properties);      \
    gk_fields_register (G_TYPE_FROM_CLASS (klass), fields, G_N_ELEMENTS (fields));       \
  }                                                                                      \
  static void                                                                            \
  type_name##_init (TypeName *self)                                                      \
  {                                                                                      \
  }

/* The fields of an instance's class, for generic reading and writing. */
const GkField *gk_fields_of (GType  type,
                             guint *n_fields);
void           gk_fields_register (GType          type,
                                   const GkField *fields,
                                   guint          n_fields);

G_END_DECLS
