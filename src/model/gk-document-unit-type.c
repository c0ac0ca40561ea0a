/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-private.h"

/* The unit's type, as an undoable edit of the document. It decides what
 * 情况说明 says of 机关运行经费 and whether the checks ask for one. */

static const char * const names[] = {
  [GK_UNIT_TYPE_UNSET] = NULL,
  [GK_UNIT_TYPE_ADMINISTRATIVE] = "行政单位",
  [GK_UNIT_TYPE_CIVIL_SERVICE] = "参照公务员法管理事业单位",
  [GK_UNIT_TYPE_INSTITUTION] = "事业单位",
};

/* As the file writes it: "事业单位"; NULL when unset. */
const char *
gk_unit_type_to_string (GkUnitType unit_type)
{
  return unit_type < G_N_ELEMENTS (names) ? names[unit_type] : NULL;
}

gboolean
gk_unit_type_from_string (const char *text,
                          GkUnitType *unit_type)
{
  for (guint i = GK_UNIT_TYPE_ADMINISTRATIVE; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *unit_type = (GkUnitType) i;
        return TRUE;
      }
  return FALSE;
}

GkUnitType
gk_document_get_unit_type (GkDocument *self)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (self), GK_UNIT_TYPE_UNSET);
  return self->unit_type;
}

/* For the reader: no history. */
void
gk_document_set_unit_type_internal (GkDocument *self,
                                    GkUnitType  unit_type)
{
  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (unit_type <= GK_UNIT_TYPE_INSTITUTION);
  g_object_set (self, "unit-type", (guint) unit_type, NULL);
}

/* Undoable, like the other properties of the document. */
void
gk_document_set_unit_type (GkDocument *self,
                           GkUnitType  unit_type)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (GK_IS_DOCUMENT (self));
  g_return_if_fail (unit_type <= GK_UNIT_TYPE_INSTITUTION);

  if (self->unit_type == unit_type)
    return;
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, unit_type);
  gk_document_begin_action (self, _("Change Unit Type"));
  gk_document_set_value (self, self, "unit-type", &value);
  gk_document_end_action (self);
}
