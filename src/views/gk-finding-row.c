/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-finding-row.h"

/* One finding in the 审核 list: its severity, title and message, and
 * where in the document it is (said by the page, which knows the
 * document's words for places). */
struct _GkFindingRow
{
  GtkListBoxRow  parent_instance;

  GkFinding     *finding;

  GtkImage      *severity_icon;
  GtkLabel      *title_label;
  GtkLabel      *message_label;
  GtkLabel      *places_label;
};

G_DEFINE_FINAL_TYPE (GkFindingRow, gk_finding_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_FINDING,
  PROP_PLACES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
gk_finding_row_new (GkFinding  *finding,
                    const char *places)
{
  g_return_val_if_fail (GK_IS_FINDING (finding), NULL);

  return g_object_new (GK_TYPE_FINDING_ROW, "finding", finding, "places", places, NULL);
}

GkFinding *
gk_finding_row_get_finding (GkFindingRow *self)
{
  g_return_val_if_fail (GK_IS_FINDING_ROW (self), NULL);
  return self->finding;
}

static void
gk_finding_row_set_finding (GkFindingRow *self,
                            GkFinding    *finding)
{
  gboolean error;

  g_assert (self->finding == NULL);
  if (finding == NULL)
    return;

  self->finding = g_object_ref (finding);
  error = gk_finding_get_severity (finding) == GK_CHECK_SEVERITY_ERROR;
  gtk_image_set_from_icon_name (self->severity_icon, error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->severity_icon), error ? "error" : "warning");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->severity_icon), error ? _("Error") : _("Warning"));
  gtk_label_set_text (self->title_label, gk_finding_get_title (finding));
  gtk_label_set_text (self->message_label, gk_finding_get_message (finding));
}

static void
gk_finding_row_set_places (GkFindingRow *self,
                           const char   *places)
{
  gtk_label_set_text (self->places_label, places ? places : "");
  gtk_widget_set_visible (GTK_WIDGET (self->places_label), places != NULL && places[0] != '\0');
}

static void
gk_finding_row_dispose (GObject *object)
{
  GkFindingRow *self = GK_FINDING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GK_TYPE_FINDING_ROW);
  g_clear_object (&self->finding);

  G_OBJECT_CLASS (gk_finding_row_parent_class)->dispose (object);
}

static void
gk_finding_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GkFindingRow *self = GK_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;
    case PROP_PLACES:
      g_value_set_string (value, gtk_label_get_text (self->places_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_finding_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GkFindingRow *self = GK_FINDING_ROW (object);

  switch (prop_id)
    {
    case PROP_FINDING:
      gk_finding_row_set_finding (self, g_value_get_object (value));
      break;
    case PROP_PLACES:
      gk_finding_row_set_places (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_finding_row_class_init (GkFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_finding_row_dispose;
  object_class->get_property = gk_finding_row_get_property;
  object_class->set_property = gk_finding_row_set_property;

  properties[PROP_FINDING] =
    g_param_spec_object ("finding", NULL, NULL, GK_TYPE_FINDING,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where the finding is, in the document's words; hidden when empty. */
  properties[PROP_PLACES] =
    g_param_spec_string ("places", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/gongkai/Gongkai/gk-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GkFindingRow, severity_icon);
  gtk_widget_class_bind_template_child (widget_class, GkFindingRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GkFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, GkFindingRow, places_label);
}

static void
gk_finding_row_init (GkFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
