/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gk-chart-data.h"
#include "gk-chart-export.h"
#include "gk-chart-view.h"
#include "gk-dialog.h"

/* One review chart of a document, in the colours of the light or dark
 * style, following the edits while it is in sight: out of sight it is
 * built again only when it comes back, and an edit that leaves its
 * figures as they were leaves it as it was, undrawn. The pointer shows
 * the figure under it and the context menu saves the chart as a
 * picture. */
struct _GkChartView
{
  GtkWidget            parent_instance;

  GkDocument          *document;
  char                *chart_id;
  GkChart             *chart;
  guint64              serial;   /* gk_chart_data_get_serial() when built */
  gboolean             stale;    /* the document changed out of sight */

  GtkWidget           *popover;
  GtkFileChooserNative *chooser;
  GkChartFormat        chooser_format;
};

G_DEFINE_FINAL_TYPE (GkChartView, gk_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CHART_ID,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Narrower than this, the legend of a donut no longer fits beside it. */
#define MIN_WIDTH 280
#define NATURAL_WIDTH 320

GtkWidget *
gk_chart_view_new (GkDocument *document,
                   const char *chart_id)
{
  g_return_val_if_fail (GK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (chart_id != NULL, NULL);

  return g_object_new (GK_TYPE_CHART_VIEW,
                       "document", document,
                       "chart-id", chart_id,
                       NULL);
}

GkDocument *
gk_chart_view_get_document (GkChartView *self)
{
  g_return_val_if_fail (GK_IS_CHART_VIEW (self), NULL);
  return self->document;
}

const char *
gk_chart_view_get_chart_id (GkChartView *self)
{
  g_return_val_if_fail (GK_IS_CHART_VIEW (self), NULL);
  return self->chart_id;
}

/* NULL while the document has nothing to show in this chart (a comparison
 * with last year when last year's figures are missing). */
GkChart *
gk_chart_view_get_chart (GkChartView *self)
{
  g_return_val_if_fail (GK_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

GkChartStyle
gk_chart_view_get_style (GkChartView *self)
{
  g_return_val_if_fail (GK_IS_CHART_VIEW (self), GK_CHART_STYLE_LIGHT);

  return adw_style_manager_get_dark (adw_style_manager_get_default ())
    ? GK_CHART_STYLE_DARK : GK_CHART_STYLE_LIGHT;
}

static void
gk_chart_view_rebuild (GkChartView *self)
{
  g_autoptr(GkChart) chart = NULL;
  gboolean same_height;
  guint64 serial;
  int width;

  if (self->document == NULL || self->chart_id == NULL)
    return;
  self->stale = FALSE;
  serial = gk_chart_data_get_serial (self->document, self->chart_id);
  if (serial != 0 && serial == self->serial)
    return;
  self->serial = serial;
  chart = gk_chart_data_build (self->document, self->chart_id);
  /* The same figures: no need to lay out and draw it again. */
  if (chart != NULL && self->chart != NULL && gk_chart_equal (chart, self->chart))
    return;
  /* As tall as before (most edits): drawn again where it is, without
   * laying out the window around it. */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  same_height = chart != NULL && self->chart != NULL && width > 0 &&
                gk_chart_get_natural_height (chart, width) == gk_chart_get_natural_height (self->chart, width);
  if (!g_set_object (&self->chart, chart))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
  if (same_height)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Whether the view shows the document's figures as they are now rather
 * than as they were when it was last in sight. */
gboolean
gk_chart_view_is_current (GkChartView *self)
{
  g_return_val_if_fail (GK_IS_CHART_VIEW (self), FALSE);
  return !self->stale;
}

/* A chart out of sight waits until it is shown. One with nothing to show
 * follows every edit, for whoever shows it only when it has something:
 * the charts page closes up where a chart is missing, a table page hides
 * an empty one. */
static void
gk_chart_view_document_changed (GkChartView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && self->chart != NULL && !gk_chart_is_empty (self->chart))
    {
      self->stale = TRUE;
      return;
    }
  gk_chart_view_rebuild (self);
}

static void
gk_chart_view_map (GtkWidget *widget)
{
  GkChartView *self = GK_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (gk_chart_view_parent_class)->map (widget);
  if (self->stale)
    gk_chart_view_rebuild (self);
}

/* The text of the tooltip at a point of the chart as last drawn, or NULL
 * over nothing. */
char *
gk_chart_view_get_tooltip_at (GkChartView *self,
                              double       x,
                              double       y)
{
  GkChartHit hit;

  g_return_val_if_fail (GK_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL || !gk_chart_hit_test (self->chart, x, y, &hit))
    return NULL;
  return gk_chart_format_hit (self->chart, &hit);
}

/* Saved pictures are for documents and slides: the print colours at the
 * width every exported chart has, whatever the window's style. */
gboolean
gk_chart_view_save (GkChartView    *self,
                    GFile          *file,
                    GkChartFormat   format,
                    GError        **error)
{
  int width = GK_CHART_EXPORT_WIDTH;
  int height;

  g_return_val_if_fail (GK_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->chart != NULL, FALSE);

  height = gk_chart_get_natural_height (self->chart, width);
  if (format == GK_CHART_FORMAT_SVG)
    return gk_chart_write_svg (self->chart, file, width, height, GK_CHART_STYLE_PRINT, error);
  return gk_chart_write_png (self->chart, file, width, height, 2.0, GK_CHART_STYLE_PRINT, error);
}

static void
gk_chart_view_toast (GkChartView *self,
                     const char  *message)
{
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message))
    g_message ("%s", message);
}

static void
chooser_response (GtkNativeDialog *chooser,
                  int              response,
                  GkChartView     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL || self->chart == NULL)
    return;

  name = g_file_get_basename (file);
  if (gk_chart_view_save (self, file, self->chooser_format, &error))
    message = g_strdup_printf (_("Saved %s"), name);
  else
    message = g_strdup_printf (_("Cannot save %s: %s"), name, error->message);
  gk_chart_view_toast (self, message);
}

static void
gk_chart_view_choose_file (GkChartView   *self,
                           GkChartFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *extension = format == GK_CHART_FORMAT_SVG ? "svg" : "png";
  g_autofree char *name = NULL;

  if (self->chart == NULL || self->chooser != NULL)
    return;

  if (format == GK_CHART_FORMAT_SVG)
    {
      gtk_file_filter_set_name (filter, _("SVG images"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  /* The title names the chart the way the disclosure does. */
  name = g_strdup_printf ("%s.%s", gk_chart_get_title (self->chart), extension);

  self->chooser = gk_dialog_new_file_chooser (GTK_WIDGET (self),
                                              format == GK_CHART_FORMAT_SVG ? _("Save Chart as SVG")
                                                                            : _("Save Chart as PNG"),
                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), filter);
  self->chooser_format = format;
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
gk_chart_view_save_png (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gk_chart_view_choose_file (GK_CHART_VIEW (widget), GK_CHART_FORMAT_PNG);
}

static void
gk_chart_view_save_svg (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gk_chart_view_choose_file (GK_CHART_VIEW (widget), GK_CHART_FORMAT_SVG);
}

static void
gk_chart_view_popup_at (GkChartView *self,
                        double       x,
                        double       y)
{
  if (self->chart == NULL)
    return;
  if (x >= 0 && y >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                                 &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), NULL);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
gk_chart_view_popup (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gk_chart_view_popup_at (GK_CHART_VIEW (widget), -1, -1);
}

static void
click_pressed (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               GkChartView     *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));

  if (event == NULL || !gdk_event_triggers_context_menu (event))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gk_chart_view_popup_at (self, x, y);
}

static void
long_pressed (GtkGestureLongPress *gesture,
              double               x,
              double               y,
              GkChartView         *self)
{
  gk_chart_view_popup_at (self, x, y);
}

static void
gk_chart_view_set_highlight (GkChartView *self,
                             int          index)
{
  if (self->chart == NULL || gk_chart_get_highlight (self->chart) == index)
    return;
  gk_chart_set_highlight (self->chart, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        GkChartView              *self)
{
  GkChartHit hit;

  if (self->chart != NULL && gk_chart_hit_test (self->chart, x, y, &hit))
    gk_chart_view_set_highlight (self, hit.index);
  else
    gk_chart_view_set_highlight (self, -1);
}

static void
leave (GtkEventControllerMotion *controller,
       GkChartView              *self)
{
  gk_chart_view_set_highlight (self, -1);
}

static gboolean
gk_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard_mode)
    return FALSE;
  text = gk_chart_view_get_tooltip_at (GK_CHART_VIEW (widget), x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkSizeRequestMode
gk_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gk_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GkChartView *self = GK_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }
  if (self->chart == NULL)
    {
      *minimum = *natural = 0;
      return;
    }
  *minimum = *natural = gk_chart_get_natural_height (self->chart,
                                                      for_size > 0 ? for_size : NATURAL_WIDTH);
}

static void
gk_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  GkChartView *self = GK_CHART_VIEW (widget);

  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
gk_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  GkChartView *self = GK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gk_chart_draw (self->chart, cr, width, height, gk_chart_view_get_style (self));
  cairo_destroy (cr);
}

static void
gk_chart_view_constructed (GObject *object)
{
  GkChartView *self = GK_CHART_VIEW (object);

  G_OBJECT_CLASS (gk_chart_view_parent_class)->constructed (object);

  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (gk_chart_view_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  gk_chart_view_rebuild (self);
}

static void
gk_chart_view_dispose (GObject *object)
{
  GkChartView *self = GK_CHART_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->chart);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (gk_chart_view_parent_class)->dispose (object);
}

static void
gk_chart_view_finalize (GObject *object)
{
  GkChartView *self = GK_CHART_VIEW (object);

  g_free (self->chart_id);

  G_OBJECT_CLASS (gk_chart_view_parent_class)->finalize (object);
}

static void
gk_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GkChartView *self = GK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_CHART_ID:
      g_value_set_string (value, self->chart_id);
      break;

    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GkChartView *self = GK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_CHART_ID:
      self->chart_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_chart_view_class_init (GkChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gk_chart_view_constructed;
  object_class->dispose = gk_chart_view_dispose;
  object_class->finalize = gk_chart_view_finalize;
  object_class->get_property = gk_chart_view_get_property;
  object_class->set_property = gk_chart_view_set_property;

  widget_class->get_request_mode = gk_chart_view_get_request_mode;
  widget_class->map = gk_chart_view_map;
  widget_class->measure = gk_chart_view_measure;
  widget_class->size_allocate = gk_chart_view_size_allocate;
  widget_class->snapshot = gk_chart_view_snapshot;
  widget_class->query_tooltip = gk_chart_view_query_tooltip;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         GK_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHART_ID] =
    g_param_spec_string ("chart-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         GK_TYPE_CHART,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.save-png", NULL, gk_chart_view_save_png);
  gtk_widget_class_install_action (widget_class, "chart.save-svg", NULL, gk_chart_view_save_svg);
  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, gk_chart_view_popup);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);
  gtk_widget_class_set_css_name (widget_class, "gk-chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gk_chart_view_init (GkChartView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkEventController *motion_controller;
  GtkGesture *click;
  GtkGesture *long_press;

  g_menu_append (menu, _("Save as _PNG…"), "chart.save-png");
  g_menu_append (menu, _("Save as _SVG…"), "chart.save-svg");
  self->popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));

  motion_controller = gtk_event_controller_motion_new ();
  g_signal_connect (motion_controller, "motion", G_CALLBACK (motion), self);
  g_signal_connect (motion_controller, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion_controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
