/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One paragraph of an ordered list: a duty, an office, a subordinate unit. */
#define GK_TYPE_TEXT_ITEM (gk_text_item_get_type ())
G_DECLARE_FINAL_TYPE (GkTextItem, gk_text_item, GK, TEXT_ITEM, GObject)

GkTextItem *gk_text_item_new      (const char *text);
const char *gk_text_item_get_text (GkTextItem *self);

G_END_DECLS
