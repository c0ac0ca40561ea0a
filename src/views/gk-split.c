/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "gk-split.h"

/* The window's sidebar, a separator and the content, side by side while
 * they fit at their minimum widths, one at a time below that.
 *
 * AdwLeaflet did this before, but libadwaita 1.2's leaflet resets the CSS
 * classes of its shadow widgets on every allocation, even at rest; any
 * resize that reached it (a cell's text changing is one) then restyled
 * them, and GTK ran a second frame after every edit only to restyle. This
 * widget changes its style only when it folds or unfolds, so a layout
 * ends in the frame that asked for it. It keeps what the leaflet did for
 * the user: the same fold point (the children's minimum widths), the same
 * sizes, a slide between sidebar and content, and the same ways back
 * (Alt+Left, the Back key, the mouse's back button, the back button). */

/* As AdwLeaflet's child transition. */
#define TRANSITION_MS 200

struct _GkSplit
{
  GtkWidget     parent_instance;

  GtkWidget    *sidebar;
  GtkWidget    *separator;
  GtkWidget    *content;

  gboolean      folded;
  gboolean      show_content;

  /* The slide between sidebar and content while folded. */
  AdwAnimation *animation;
  double        progress;

  /* Where the focus was in each child when it was hidden. */
  GtkWidget    *sidebar_focus;
  GtkWidget    *content_focus;
};

G_DEFINE_FINAL_TYPE (GkSplit, gk_split, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDEBAR,
  PROP_CONTENT,
  PROP_FOLDED,
  PROP_SHOW_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
gk_split_new (void)
{
  return g_object_new (GK_TYPE_SPLIT, NULL);
}

/* Sidebar, separator and content, in the order they are laid out. */
static int
gk_split_children (GkSplit   *self,
                   GtkWidget *children[3])
{
  GtkWidget *all[3] = { self->sidebar, self->separator, self->content };
  int n = 0;

  for (int i = 0; i < 3; i++)
    if (all[i] != NULL && gtk_widget_get_visible (all[i]))
      children[n++] = all[i];
  return n;
}

static void
gk_split_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  GkSplit *self = GK_SPLIT (widget);
  GtkWidget *children[3];
  int n = gk_split_children (self, children);
  int max_min = 0, max_nat = 0, sum_nat = 0;

  for (int i = 0; i < n; i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (children[i], orientation, for_size,
                          &child_min, &child_nat, NULL, NULL);
      max_min = MAX (max_min, child_min);
      max_nat = MAX (max_nat, child_nat);
      sum_nat += child_nat;
    }

  /* Folded, one child at a time is enough; unfolded, they like to sit
   * side by side. */
  *minimum = max_min;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? sum_nat : max_nat;
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
gk_split_set_folded (GkSplit  *self,
                     gboolean  folded)
{
  if (self->folded == folded)
    return;

  self->folded = folded;
  if (adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING)
    adw_animation_skip (self->animation);
  if (folded)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "folded");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "unfolded");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "folded");
      gtk_widget_add_css_class (GTK_WIDGET (self), "unfolded");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDED]);
}

static void
gk_split_place (GtkWidget *child,
                int        x,
                int        width,
                int        height,
                int        baseline)
{
  gtk_widget_set_child_visible (child, TRUE);
  gtk_widget_allocate (child, width, height, baseline,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, 0)));
}

static void
gk_split_allocate_unfolded (GkSplit   *self,
                            GtkWidget *children[3],
                            int        n,
                            int        width,
                            int        height,
                            int        baseline)
{
  GtkRequestedSize sizes[3];
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int extra = width, n_expand = 0, per_child = 0, remainder = 0, x = 0;

  for (int i = 0; i < n; i++)
    {
      gtk_widget_measure (children[i], GTK_ORIENTATION_HORIZONTAL, -1,
                          &sizes[i].minimum_size, &sizes[i].natural_size, NULL, NULL);
      sizes[i].data = children[i];
      extra -= sizes[i].minimum_size;
      if (gtk_widget_compute_expand (children[i], GTK_ORIENTATION_HORIZONTAL))
        n_expand++;
    }

  extra = gtk_distribute_natural_allocation (MAX (extra, 0), n, sizes);
  if (n_expand > 0)
    {
      per_child = extra / n_expand;
      remainder = extra % n_expand;
    }

  for (int i = 0; i < n; i++)
    {
      int child_width = sizes[i].minimum_size;

      if (gtk_widget_compute_expand (children[i], GTK_ORIENTATION_HORIZONTAL))
        {
          child_width += per_child;
          if (remainder > 0)
            {
              child_width++;
              remainder--;
            }
        }
      gk_split_place (children[i], rtl ? width - x - child_width : x,
                      child_width, height, baseline);
      x += child_width;
    }
}

static void
gk_split_allocate_folded (GkSplit *self,
                          int      width,
                          int      height,
                          int      baseline)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gboolean sliding = adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING;
  double shown;   /* how much of the content is in view, 0 to 1 */
  int offset;

  gtk_widget_set_child_visible (self->separator, FALSE);

  shown = self->show_content ? 1.0 : 0.0;
  if (sliding)
    shown = self->show_content ? self->progress : 1.0 - self->progress;

  /* The content slides over the sidebar from the end side. */
  offset = (int) round ((1.0 - shown) * width);
  if (rtl)
    offset = -offset;

  if (self->sidebar != NULL)
    {
      if (shown < 1.0)
        gk_split_place (self->sidebar, 0, width, height, baseline);
      else
        gtk_widget_set_child_visible (self->sidebar, FALSE);
    }
  if (self->content != NULL)
    {
      if (shown > 0.0)
        gk_split_place (self->content, offset, width, height, baseline);
      else
        gtk_widget_set_child_visible (self->content, FALSE);
    }
}

static void
gk_split_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  GkSplit *self = GK_SPLIT (widget);
  GtkWidget *children[3];
  int n = gk_split_children (self, children);
  int min_sum = 0, counted = 0;

  for (int i = 0; i < n; i++)
    {
      int child_min, child_nat;

      gtk_widget_measure (children[i], GTK_ORIENTATION_HORIZONTAL, -1,
                          &child_min, &child_nat, NULL, NULL);
      if (child_nat <= 0)
        continue;
      min_sum += child_min;
      counted++;
    }

  gk_split_set_folded (self, counted > 1 && width < min_sum);

  if (self->folded)
    gk_split_allocate_folded (self, width, height, baseline);
  else
    gk_split_allocate_unfolded (self, children, n, width, height, baseline);
}

static GtkWidget **
gk_split_focus_slot (GkSplit   *self,
                     GtkWidget *child)
{
  return child == self->sidebar ? &self->sidebar_focus : &self->content_focus;
}

static void
gk_split_remember_focus (GkSplit   *self,
                         GtkWidget *child,
                         GtkWidget *focus)
{
  GtkWidget **slot = gk_split_focus_slot (self, child);

  if (*slot != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*slot), (gpointer *) slot);
  *slot = focus;
  if (focus != NULL)
    g_object_add_weak_pointer (G_OBJECT (focus), (gpointer *) slot);
}

/* The focus follows the child into view, back to where it was in it. */
static void
gk_split_move_focus (GkSplit   *self,
                     GtkWidget *from,
                     GtkWidget *to)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *last;

  if (from == NULL || to == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, from))
    return;

  gk_split_remember_focus (self, from, focus);
  last = *gk_split_focus_slot (self, to);
  if (last != NULL && gtk_widget_is_ancestor (last, to) && gtk_widget_grab_focus (last))
    return;
  gtk_widget_child_focus (to, GTK_DIR_TAB_FORWARD);
}

void
gk_split_set_show_content (GkSplit  *self,
                           gboolean  show_content)
{
  g_return_if_fail (GK_IS_SPLIT (self));

  show_content = !!show_content;
  if (self->show_content == show_content)
    return;

  self->show_content = show_content;
  if (self->folded)
    {
      /* Both children take part in the slide, so the one coming into
       * view must be allocated before the focus can move into it. */
      gtk_widget_set_child_visible (show_content ? self->content : self->sidebar, TRUE);
      if (show_content)
        gk_split_move_focus (self, self->sidebar, self->content);
      else
        gk_split_move_focus (self, self->content, self->sidebar);
      adw_animation_play (self->animation);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CONTENT]);
}

gboolean
gk_split_get_show_content (GkSplit *self)
{
  g_return_val_if_fail (GK_IS_SPLIT (self), FALSE);

  return self->show_content;
}

gboolean
gk_split_get_folded (GkSplit *self)
{
  g_return_val_if_fail (GK_IS_SPLIT (self), FALSE);

  return self->folded;
}

/* Back from the content to the sidebar, when the content hides it. */
gboolean
gk_split_navigate_back (GkSplit *self)
{
  g_return_val_if_fail (GK_IS_SPLIT (self), FALSE);

  if (!self->folded || !self->show_content)
    return FALSE;
  gk_split_set_show_content (self, FALSE);
  return TRUE;
}

static void
gk_split_set_child (GkSplit    *self,
                    GtkWidget **slot,
                    GtkWidget  *child,
                    GtkWidget  *before,
                    GParamSpec *pspec)
{
  if (*slot == child)
    return;

  if (*slot != NULL)
    {
      gk_split_remember_focus (self, *slot, NULL);
      gtk_widget_unparent (*slot);
    }
  *slot = child;
  if (child != NULL)
    {
      /* Hidden until an allocation places it: otherwise it is mapped with
       * the split, before any size is known, and while folded the child
       * out of view is mapped too until the first allocation. */
      gtk_widget_set_child_visible (child, FALSE);
      gtk_widget_insert_before (child, GTK_WIDGET (self), before);
    }
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
gk_split_set_sidebar (GkSplit   *self,
                      GtkWidget *sidebar)
{
  g_return_if_fail (GK_IS_SPLIT (self));
  g_return_if_fail (sidebar == NULL || GTK_IS_WIDGET (sidebar));

  gk_split_set_child (self, &self->sidebar, sidebar, self->separator,
                      properties[PROP_SIDEBAR]);
}

GtkWidget *
gk_split_get_sidebar (GkSplit *self)
{
  g_return_val_if_fail (GK_IS_SPLIT (self), NULL);

  return self->sidebar;
}

void
gk_split_set_content (GkSplit   *self,
                      GtkWidget *content)
{
  g_return_if_fail (GK_IS_SPLIT (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  /* Last among the children, so that it is drawn over the sidebar while
   * it slides. */
  gk_split_set_child (self, &self->content, content, NULL,
                      properties[PROP_CONTENT]);
}

GtkWidget *
gk_split_get_content (GkSplit *self)
{
  g_return_val_if_fail (GK_IS_SPLIT (self), NULL);

  return self->content;
}

static gboolean
gk_split_back_shortcut (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  return gk_split_navigate_back (GK_SPLIT (widget));
}

/* Alt+Left goes back, Alt+Right in a right-to-left locale. */
static gboolean
gk_split_alt_arrow_shortcut (GtkWidget *widget,
                             GVariant  *args,
                             gpointer   user_data)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (g_variant_get_boolean (args) != rtl)
    return FALSE;
  return gk_split_navigate_back (GK_SPLIT (widget));
}

static void
gk_split_back_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gk_split_navigate_back (GK_SPLIT (widget));
}

/* The mouse's back button, 8 by convention: GDK names no constant. */
static void
gk_split_button_pressed (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         GkSplit         *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (n_press == 1 && button == 8 && gk_split_navigate_back (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
gk_split_animate (double   value,
                  GkSplit *self)
{
  self->progress = value;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
gk_split_dispose (GObject *object)
{
  GkSplit *self = GK_SPLIT (object);

  gk_split_set_sidebar (self, NULL);
  gk_split_set_content (self, NULL);
  g_clear_pointer (&self->separator, gtk_widget_unparent);
  g_clear_object (&self->animation);

  G_OBJECT_CLASS (gk_split_parent_class)->dispose (object);
}

static void
gk_split_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  GkSplit *self = GK_SPLIT (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      g_value_set_object (value, self->sidebar);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_SHOW_CONTENT:
      g_value_set_boolean (value, self->show_content);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_split_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  GkSplit *self = GK_SPLIT (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      gk_split_set_sidebar (self, g_value_get_object (value));
      break;
    case PROP_CONTENT:
      gk_split_set_content (self, g_value_get_object (value));
      break;
    case PROP_SHOW_CONTENT:
      gk_split_set_show_content (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gk_split_class_init (GkSplitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_split_dispose;
  object_class->get_property = gk_split_get_property;
  object_class->set_property = gk_split_set_property;
  widget_class->measure = gk_split_measure;
  widget_class->size_allocate = gk_split_size_allocate;

  properties[PROP_SIDEBAR] =
    g_param_spec_object ("sidebar", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, GTK_TYPE_WIDGET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_CONTENT] =
    g_param_spec_boolean ("show-content", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "split");
  gtk_widget_class_install_action (widget_class, "split.back", NULL, gk_split_back_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Back, 0,
                                gk_split_back_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                gk_split_alt_arrow_shortcut, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                gk_split_alt_arrow_shortcut, "b", TRUE);
}

static void
gk_split_init (GkSplit *self)
{
  GtkGesture *gesture;

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "unfolded");

  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_child_visible (self->separator, FALSE);
  gtk_widget_set_parent (self->separator, GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (gk_split_button_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  self->progress = 1.0;
  self->animation =
    adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0, TRANSITION_MS,
                             adw_callback_animation_target_new ((AdwAnimationTargetFunc) gk_split_animate,
                                                                self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
}
