/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-fields.h"
#include "gk-prior.h"

struct _GkPrior
{
  GObject   parent_instance;
  char     *key;
  GkAmount  amount;
  char     *basis;
  char     *reason;
};

G_DEFINE_FINAL_TYPE (GkPrior, gk_prior, G_TYPE_OBJECT)

/* "key" is a field too, so the generic reader can set it; it never changes
 * after construction. */
static const GkField fields[] = {
  GK_FIELD_STRING_AT ("key", GkPrior, key),
  GK_FIELD_AMOUNT_AT ("amount", GkPrior, amount),
  GK_FIELD_STRING_AT ("basis", GkPrior, basis),
  GK_FIELD_STRING_AT ("reason", GkPrior, reason),
};
GK_DEFINE_FIELD_CLASS (GkPrior, gk_prior)

GkPrior *
gk_prior_new (const char *key)
{
  return g_object_new (GK_TYPE_PRIOR, "key", key, "basis", GK_PRIOR_BASIS_BUDGET, NULL);
}

const char *
gk_prior_get_key (GkPrior *self)
{
  g_return_val_if_fail (GK_IS_PRIOR (self), NULL);
  return self->key;
}

GkAmount
gk_prior_get_amount (GkPrior *self)
{
  g_return_val_if_fail (GK_IS_PRIOR (self), 0);
  return self->amount;
}

const char *
gk_prior_get_basis (GkPrior *self)
{
  g_return_val_if_fail (GK_IS_PRIOR (self), NULL);
  return self->basis;
}

const char *
gk_prior_get_reason (GkPrior *self)
{
  g_return_val_if_fail (GK_IS_PRIOR (self), NULL);
  return self->reason;
}
