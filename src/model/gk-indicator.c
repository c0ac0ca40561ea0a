/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-fields.h"
#include "gk-indicator.h"

struct _GkIndicator
{
  GObject  parent_instance;
  char    *level1;
  char    *level2;
  char    *name;
  char    *target;
};

G_DEFINE_FINAL_TYPE (GkIndicator, gk_indicator, G_TYPE_OBJECT)

static const GkField fields[] = {
  /* The same few 指标 recur in every project's 绩效目标表. */
  GK_FIELD_SHARED_STRING_AT ("level1", GkIndicator, level1),
  GK_FIELD_SHARED_STRING_AT ("level2", GkIndicator, level2),
  GK_FIELD_SHARED_STRING_AT ("name", GkIndicator, name),
  GK_FIELD_SHARED_STRING_AT ("target", GkIndicator, target),
};
GK_DEFINE_FIELD_CLASS (GkIndicator, gk_indicator)

GkIndicator *
gk_indicator_new (const char *level1,
                  const char *level2,
                  const char *name,
                  const char *target)
{
  return g_object_new (GK_TYPE_INDICATOR,
                       "level1", level1,
                       "level2", level2,
                       "name", name,
                       "target", target,
                       NULL);
}

const char *
gk_indicator_get_level1 (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), NULL);
  return self->level1;
}

const char *
gk_indicator_get_level2 (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), NULL);
  return self->level2;
}

const char *
gk_indicator_get_name (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), NULL);
  return self->name;
}

const char *
gk_indicator_get_target (GkIndicator *self)
{
  g_return_val_if_fail (GK_IS_INDICATOR (self), NULL);
  return self->target;
}
