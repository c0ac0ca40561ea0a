/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gk-page.h"

/* What every page of the window has: the document it shows and the
 * checker whose findings it marks, both handed down by the window, so
 * that no page reaches up for them. A page talks back through the
 * window's actions: "win.toast" (a message) and "win.show-finding". */
typedef struct
{
  GkDocument *document;
  GkChecker  *checker;
} GkPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GkPage, gk_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CHECKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GkDocument *
gk_page_get_document (GkPage *self)
{
  GkPagePrivate *priv = gk_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_PAGE (self), NULL);
  return priv->document;
}

GkChecker *
gk_page_get_checker (GkPage *self)
{
  GkPagePrivate *priv = gk_page_get_instance_private (self);

  g_return_val_if_fail (GK_IS_PAGE (self), NULL);
  return priv->checker;
}

void
gk_page_set_checker (GkPage    *self,
                     GkChecker *checker)
{
  GkPagePrivate *priv = gk_page_get_instance_private (self);

  g_return_if_fail (GK_IS_PAGE (self));
  g_return_if_fail (checker == NULL || GK_IS_CHECKER (checker));

  if (g_set_object (&priv->checker, checker))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

/* Shows @message in the window's toast overlay; outside a window (a page
 * shown alone) it goes to the log. */
void
gk_page_toast (GkPage     *self,
               const char *message)
{
  g_return_if_fail (GK_IS_PAGE (self));
  g_return_if_fail (message != NULL);

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message))
    g_message ("%s", message);
}

static void
gk_page_dispose (GObject *object)
{
  GkPage *self = GK_PAGE (object);
  GkPagePrivate *priv = gk_page_get_instance_private (self);

  g_clear_object (&priv->checker);
  g_clear_object (&priv->document);

  G_OBJECT_CLASS (gk_page_parent_class)->dispose (object);
}

static void
gk_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  GkPage *self = GK_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, gk_page_get_document (self));
      break;
    case PROP_CHECKER:
      g_value_set_object (value, gk_page_get_checker (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  GkPage *self = GK_PAGE (object);
  GkPagePrivate *priv = gk_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      priv->document = g_value_dup_object (value);
      break;
    case PROP_CHECKER:
      gk_page_set_checker (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_page_class_init (GkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gk_page_dispose;
  object_class->get_property = gk_page_get_property;
  object_class->set_property = gk_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The findings the page marks; NULL while it shows none. */
  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, GK_TYPE_CHECKER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gk_page_init (GkPage *self)
{
}
