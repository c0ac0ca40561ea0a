/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-fields.h"
#include "gk-text-item.h"

struct _GkTextItem
{
  GObject  parent_instance;
  char    *text;
};

G_DEFINE_FINAL_TYPE (GkTextItem, gk_text_item, G_TYPE_OBJECT)

static const GkField fields[] = {
  GK_FIELD_STRING_AT ("text", GkTextItem, text),
};
GK_DEFINE_FIELD_CLASS (GkTextItem, gk_text_item)

GkTextItem *
gk_text_item_new (const char *text)
{
  return g_object_new (GK_TYPE_TEXT_ITEM, "text", text, NULL);
}

const char *
gk_text_item_get_text (GkTextItem *self)
{
  g_return_val_if_fail (GK_IS_TEXT_ITEM (self), NULL);
  return self->text;
}
