/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-document-language.h"
#include "gk-table-cell-private.h"
#include "gk-table-unit.h"
#include "gk-tooltip.h"

/* One amount of a table page: a label showing the figure, replaced by a
 * GtkText while it is edited in place. The cell does not change the
 * document itself: it emits ::commit with what was typed and the page
 * decides (and explains a refusal with gk_table_cell_set_error()); it
 * emits ::move when the keyboard asks for another cell, because only the
 * page knows its rows. Cells are recycled by the column view, so every
 * per-row state is dropped in gk_table_cell_unbind(). */
struct _GkTableCell
{
  GtkWidget    parent_instance;

  GtkWidget   *label;
  GtkWidget   *text;      /* only while editing */
  GtkWidget   *popover;   /* the reason of a refused entry */
  GtkWidget   *popover_label;

  GkRow       *row;
  GtkListItem *item;      /* unowned: the list item the cell is bound through */
  guint        column;
  gboolean     entered;
  gboolean     committing;
  gboolean     recycling;   /* unbinding: the list view is laying out */
  gboolean     findings_stale;  /* the findings changed while unmapped */
  char        *error;
  GkChecker   *checker;   /* the page's: marks the cells findings involve */
  GkDocument  *document;  /* the page's: the cell shows figures in its table's unit */

  /* What the accessible was last told, compared only: unowned. */
  GkRow       *told_row;
  guint        told_column;
  gboolean     told_entered;
};

G_DEFINE_FINAL_TYPE (GkTableCell, gk_table_cell, GTK_TYPE_WIDGET)

enum {
  COMMIT,
  MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
gk_table_cell_new (void)
{
  return g_object_new (GK_TYPE_TABLE_CELL, NULL);
}

/* g_set_str() is GLib 2.76. */
static void
replace_str (char       **target,
             const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*target);
  *target = copy;
}

/* Only what differs is set: a label given its own text again, or a
 * widget its own focusability, still lays the row out anew. */
static void
set_label_text (GtkWidget  *label,
                const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static void
set_focusable (GtkWidget *widget,
               gboolean   focusable)
{
  if (gtk_widget_get_focusable (widget) != focusable)
    gtk_widget_set_focusable (widget, focusable);
}

/* The place is formatted for the screen reader only when the cell comes
 * to another place or changes between entered and computed, not at every
 * figure the row changes. */
static void
gk_table_cell_tell_accessible (GkTableCell *self)
{
  if (self->told_row == self->row && self->told_column == self->column &&
      self->told_entered == self->entered)
    return;
  self->told_row = self->row;
  self->told_column = self->column;
  self->told_entered = self->entered;
  gk_table_cell_update_accessible (self, self->row, self->column, self->entered);
}

static void
gk_table_cell_update (GkTableCell *self)
{
  g_autofree char *findings = NULL;
  g_autofree char *text = NULL;
  GkAmount amount;

  if (self->row == NULL)
    {
      set_label_text (self->label, "");
      set_focusable (GTK_WIDGET (self), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "gk-derived");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "gk-entered");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "finding");
      self->entered = FALSE;
      gk_table_cell_tell_accessible (self);
      return;
    }

  self->entered = gk_table_cell_takes_figure (self->row, self->column);
  if (gk_row_has_overflow (self->row, self->column))
    text = g_strdup ("####");
  else if (gk_row_get_amount (self->row, self->column, &amount))
    {
      GkAmount shown;
      gboolean rounded = FALSE;

      if (self->document == NULL)
        text = gk_amount_format (amount);
      else if (!gk_table_amount_to_shown (gk_row_get_table (self->row), self->document, amount, &shown, &rounded))
        text = g_strdup ("####");
      else
        text = gk_amount_format (shown);
    }

  self->findings_stale = FALSE;
  findings = _gk_table_cell_dup_findings (self);
  if (findings != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "finding");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "finding");

  set_label_text (self->label, text ? text : "");
  set_focusable (GTK_WIDGET (self), self->entered);
  gk_table_cell_tell_accessible (self);
  /* A following row looks derived; it still takes typing (which makes
   * the row the user's own). */
  if (self->entered && self->document != NULL && gk_document_row_follows (self->document, self->row))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "gk-derived");
      gtk_widget_add_css_class (GTK_WIDGET (self), "gk-follows");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "gk-entered");
    }
  else if (self->entered)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "gk-follows");
      gtk_widget_add_css_class (GTK_WIDGET (self), "gk-entered");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "gk-derived");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "gk-derived");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "gk-entered");
    }

  /* A row that gains children while being edited stops being entered. */
  if (!self->entered && self->text != NULL)
    gk_table_cell_stop_editing (self, FALSE);
}

static void
gk_table_cell_hide_error (GkTableCell *self)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  if (self->text != NULL)
    gtk_widget_remove_css_class (self->text, "error");
}

static void
gk_table_cell_clear_error (GkTableCell *self)
{
  gk_table_cell_hide_error (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "gk-refused");
  if (self->error != NULL)
    {
      g_clear_pointer (&self->error, g_free);
      gk_table_cell_update (self);
    }
}

void
gk_table_cell_set_error (GkTableCell *self,
                         const char  *message)
{
  g_return_if_fail (GK_IS_TABLE_CELL (self));

  if (message == NULL)
    {
      gk_table_cell_clear_error (self);
      return;
    }

  replace_str (&self->error, message);
  gtk_widget_add_css_class (GTK_WIDGET (self), "gk-refused");

  if (self->text == NULL)
    return;
  gtk_widget_add_css_class (self->text, "error");
  if (self->popover == NULL)
    {
      self->popover_label = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->popover_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (self->popover_label), 40);
      gtk_label_set_xalign (GTK_LABEL (self->popover_label), 0.0);
      self->popover = gtk_popover_new ();
      /* The reason shows beside the cell while typing goes on in it. */
      gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
      gtk_widget_set_focusable (self->popover, FALSE);
      gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
      gtk_popover_set_child (GTK_POPOVER (self->popover), self->popover_label);
      gtk_widget_add_css_class (self->popover, "gk-cell-error");
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
    }
  gtk_label_set_text (GTK_LABEL (self->popover_label), message);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_popup (GTK_POPOVER (self->popover));
}

const char *
gk_table_cell_get_error (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), NULL);
  return self->error;
}

static void
gk_table_cell_row_changed (GkTableCell *self)
{
  gk_table_cell_update (self);
}

/* The findings changed, not the figures: after an edit every cell in
 * sight hears it, and only whether a finding marks it may differ. The
 * cells of the table pages not shown (each keeps a list of them) look
 * when they are shown again, not at every edit. */
static void
gk_table_cell_findings_changed (GkTableCell *self)
{
  g_autofree char *findings = NULL;

  if (self->row == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->findings_stale = TRUE;
      return;
    }
  self->findings_stale = FALSE;
  findings = _gk_table_cell_dup_findings (self);
  if (findings != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "finding");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "finding");
}

void
gk_table_cell_bind (GkTableCell *self,
                    GkRow       *row,
                    guint        column,
                    GtkListItem *item)
{
  g_return_if_fail (GK_IS_TABLE_CELL (self));
  g_return_if_fail (!row || GK_IS_ROW (row));

  gk_table_cell_unbind (self);
  if (row == NULL)
    {
      gk_table_cell_update (self);
      return;
    }
  g_return_if_fail (column < gk_row_get_n_columns (row));

  self->row = g_object_ref (row);
  self->column = column;
  self->item = item;
  g_signal_connect_object (row, "changed", G_CALLBACK (gk_table_cell_row_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gk_row_get_children (row), "items-changed",
                           G_CALLBACK (gk_table_cell_row_changed), self, G_CONNECT_SWAPPED);
  /* Whether a row of 表五 follows depends on 表二 and 表三 too. */
  if (self->document != NULL && gk_row_get_kind (row) == GK_ROW_KIND_ITEM && gk_row_get_table (row) != NULL &&
      g_strcmp0 (gk_table_get_id (gk_row_get_table (row)), "general-expenditure") == 0)
    {
      g_signal_connect_object (row, "notify::overridden", G_CALLBACK (gk_table_cell_row_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "changed", G_CALLBACK (gk_table_cell_row_changed), self, G_CONNECT_SWAPPED);
    }
  gk_table_cell_update (self);
  _gk_table_cell_restore_typing (self);
}

void
gk_table_cell_unbind (GkTableCell *self)
{
  g_return_if_fail (GK_IS_TABLE_CELL (self));

  /* Recycled while editing (the table scrolled): nothing typed is lost. */
  if (self->text != NULL)
    {
      self->recycling = TRUE;
      _gk_table_cell_keep_typing (self);
      self->recycling = FALSE;
    }
  gk_table_cell_clear_error (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->row != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->row, self);
      g_signal_handlers_disconnect_by_data (gk_row_get_children (self->row), self);
    }
  g_clear_object (&self->row);
  self->item = NULL;
  self->column = 0;
  /* What the cell shows stays until it is bound again, which the list
   * does at once when it recycles the cell as it scrolls: clearing it
   * first would lay out and restyle every recycled cell twice. */
  self->entered = FALSE;
}

GkRow *
gk_table_cell_get_row (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), NULL);
  return self->row;
}

guint
gk_table_cell_get_column (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), 0);
  return self->column;
}

GtkListItem *
gk_table_cell_get_list_item (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), NULL);
  return self->item;
}

gboolean
gk_table_cell_is_entered (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), FALSE);
  return self->entered;
}

/* The figure as shown (not what is being typed). */
const char *
gk_table_cell_get_text (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->label));
}

gboolean
gk_table_cell_is_editing (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), FALSE);
  return self->text != NULL;
}

GtkEditable *
gk_table_cell_get_editable (GkTableCell *self)
{
  g_return_val_if_fail (GK_IS_TABLE_CELL (self), NULL);
  return self->text ? GTK_EDITABLE (self->text) : NULL;
}

static void
gk_table_cell_emit_move (GkTableCell *self,
                         GkTableMove  move)
{
  g_signal_emit (self, signals[MOVE], 0, move);
}

static void
gk_table_cell_text_activated (GkTableCell *self)
{
  if (gk_table_cell_stop_editing (self, TRUE))
    gk_table_cell_emit_move (self, GK_TABLE_MOVE_DOWN);
}

static void
gk_table_cell_text_changed (GkTableCell *self)
{
  /* The reason stays until the text is corrected. */
  gk_table_cell_hide_error (self);
}

/* Focus leaving a cell being edited (a click elsewhere) commits it; a
 * refused entry is dropped then, so the model and the cell keep the
 * previous figure, and the reason stays in the cell's tooltip.
 *
 * Another window (or a dialog) becoming active is no such move: GTK
 * sends the editor the same leave, but its window still has it as the
 * focus, and the user comes back to it. It stays as typed, still
 * editing, a refused figure still marked, rather than a figure the user
 * typed being dropped behind their back. */
static void
gk_table_cell_text_focus_left (GkTableCell *self)
{
  GtkRoot *root;

  if (self->text == NULL || self->committing)
    return;
  root = gtk_widget_get_root (self->text);
  if (root != NULL && gtk_root_get_focus (root) == self->text)
    return;
  if (!gk_table_cell_stop_editing (self, TRUE))
    {
      g_autofree char *reason = g_strdup (self->error);

      gk_table_cell_stop_editing (self, FALSE);
      replace_str (&self->error, reason);
      gtk_widget_add_css_class (GTK_WIDGET (self), "gk-refused");
    }
}

/* Starts editing: with @text replacing the figure (a digit typed on the
 * cell), or with the figure selected when @text is NULL. */
gboolean
gk_table_cell_start_editing (GkTableCell *self,
                             const char  *text)
{
  GtkEventController *focus;

  g_return_val_if_fail (GK_IS_TABLE_CELL (self), FALSE);

  if (!self->entered || self->row == NULL)
    return FALSE;
  if (self->text != NULL)
    return TRUE;

  gk_table_cell_clear_error (self);
  self->text = gtk_text_new ();
  gtk_editable_set_alignment (GTK_EDITABLE (self->text), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->text), 1);
  gtk_text_set_input_purpose (GTK_TEXT (self->text), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (self->text, "gk-amount");
  gtk_editable_set_text (GTK_EDITABLE (self->text), text ? text : gtk_label_get_text (GTK_LABEL (self->label)));
  g_signal_connect_swapped (self->text, "activate", G_CALLBACK (gk_table_cell_text_activated), self);
  g_signal_connect_swapped (self->text, "changed", G_CALLBACK (gk_table_cell_text_changed), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (gk_table_cell_text_focus_left), self);
  gtk_widget_add_controller (self->text, focus);
  gtk_widget_insert_after (self->text, GTK_WIDGET (self), self->label);

  /* The label keeps its place so that the row does not change height. */
  gtk_widget_set_opacity (self->label, 0.0);
  gtk_widget_grab_focus (self->text);
  if (text != NULL)
    gtk_editable_set_position (GTK_EDITABLE (self->text), -1);
  else
    gtk_editable_select_region (GTK_EDITABLE (self->text), 0, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self), "gk-editing");
  return TRUE;
}

static gboolean
unparent_later (gpointer data)
{
  if (gtk_widget_get_parent (data) != NULL)
    gtk_widget_unparent (data);
  return G_SOURCE_REMOVE;
}

/* Ends editing. With @commit, ::commit decides; a refusal leaves the
 * cell editing (with the reason shown) and returns FALSE. */
gboolean
gk_table_cell_stop_editing (GkTableCell *self,
                            gboolean     commit)
{
  gboolean had_focus;
  GtkWidget *text;

  g_return_val_if_fail (GK_IS_TABLE_CELL (self), FALSE);

  if (self->text == NULL)
    return TRUE;

  if (commit)
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->text));
      gboolean accepted = TRUE;

      if (g_strcmp0 (typed, gtk_label_get_text (GTK_LABEL (self->label))) != 0)
        {
          g_autofree char *copy = g_strdup (typed);

          self->committing = TRUE;
          g_signal_emit (self, signals[COMMIT], 0, copy, &accepted);
          self->committing = FALSE;
        }
      if (!accepted)
        {
          if (self->error == NULL)
            gk_table_cell_set_error (self, _("This figure cannot be entered here"));
          return FALSE;
        }
      /* Cleared, a kept figure made the cell derived: editing ended. */
      if (self->text == NULL)
        return TRUE;
    }

  text = g_steal_pointer (&self->text);
  had_focus = gtk_widget_has_focus (text);
  /* Recycled while typing: the focus leaves the editor before it goes,
   * not while the list lays out a widget already gone. */
  if (had_focus && self->recycling && gtk_widget_get_root (text) != NULL)
    gtk_root_set_focus (gtk_widget_get_root (text), NULL);
  g_signal_handlers_disconnect_by_data (text, self);
  if (self->recycling)
    {
      /* Not unparented in the middle of the list's layout: hidden now,
       * gone once the layout is done. */
      gtk_widget_set_visible (text, FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT, unparent_later, g_object_ref (text), g_object_unref);
    }
  else
    gtk_widget_unparent (text);
  gtk_widget_set_opacity (self->label, 1.0);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "gk-editing");
  gk_table_cell_clear_error (self);
  if (had_focus && gtk_widget_get_focusable (GTK_WIDGET (self)) && !self->recycling)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  return TRUE;
}

/* Actions, bound to keys in class_init ------------------------------------ */

static void
gk_table_cell_action_edit (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  gk_table_cell_start_editing (GK_TABLE_CELL (widget), NULL);
}

static void
gk_table_cell_action_type (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  gk_table_cell_start_editing (GK_TABLE_CELL (widget), g_variant_get_string (parameter, NULL));
}

static void
gk_table_cell_action_cancel (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  gk_table_cell_stop_editing (GK_TABLE_CELL (widget), FALSE);
}

static void
gk_table_cell_action_clear (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GkTableCell *self = GK_TABLE_CELL (widget);
  gboolean accepted = FALSE;

  if (self->text != NULL || !self->entered)
    return;
  g_signal_emit (self, signals[COMMIT], 0, "", &accepted);
}

static void
gk_table_cell_action_move (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  GkTableCell *self = GK_TABLE_CELL (widget);
  GkTableMove move;

  if (g_str_equal (action_name, "cell.next"))
    move = GK_TABLE_MOVE_NEXT;
  else if (g_str_equal (action_name, "cell.previous"))
    move = GK_TABLE_MOVE_PREVIOUS;
  else if (g_str_equal (action_name, "cell.up"))
    move = GK_TABLE_MOVE_UP;
  else
    move = GK_TABLE_MOVE_DOWN;

  /* Leaving a cell being edited commits it first; a refusal stays. */
  if (!gk_table_cell_stop_editing (self, TRUE))
    return;
  gk_table_cell_emit_move (self, move);
}

/* A figure typed on a focused cell starts editing it with that character. */
static gboolean
gk_table_cell_key_pressed (GkTableCell           *self,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           GtkEventControllerKey *controller)
{
  gunichar c;
  char text[8] = { 0 };

  if (self->text != NULL || !self->entered)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  c = gdk_keyval_to_unicode (keyval);
  if (!g_unichar_isdigit (c) && c != '.' && c != '-')
    return FALSE;
  g_unichar_to_utf8 (c, text);
  gtk_widget_activate_action (GTK_WIDGET (self), "cell.type", "s", text);
  return TRUE;
}

static void
gk_table_cell_pressed (GkTableCell     *self,
                       int              n_press,
                       double           x,
                       double           y,
                       GtkGestureClick *gesture)
{
  if (n_press == 2 && self->entered && self->text == NULL)
    gk_table_cell_start_editing (self, NULL);
}

/* Released rather than pressed: the row's own click handling, which
 * runs after the cell's, moves the focus to the row's first cell. */
static void
gk_table_cell_released (GkTableCell     *self,
                        int              n_press,
                        double           x,
                        double           y,
                        GtkGestureClick *gesture)
{
  if (self->entered && self->text == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Label and editor on top of each other, the error popover beside. No
 * layout manager: GTK would then never call size_allocate, where the
 * popover has to be presented. */
static void
gk_table_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GkTableCell *self = GK_TABLE_CELL (widget);

  gtk_widget_measure (self->label, orientation, for_size, minimum, natural, NULL, NULL);
  if (self->text != NULL)
    {
      int min, nat;

      gtk_widget_measure (self->text, orientation, for_size, &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
}

static void
gk_table_cell_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  GkTableCell *self = GK_TABLE_CELL (widget);

  gtk_widget_allocate (self->label, width, height, baseline, NULL);
  if (self->text != NULL)
    gtk_widget_allocate (self->text, width, height, baseline, NULL);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
gk_table_cell_map (GtkWidget *widget)
{
  GkTableCell *self = GK_TABLE_CELL (widget);

  GTK_WIDGET_CLASS (gk_table_cell_parent_class)->map (widget);
  if (self->findings_stale)
    gk_table_cell_findings_changed (self);
}

static void
gk_table_cell_unmap (GtkWidget *widget)
{
  GkTableCell *self = GK_TABLE_CELL (widget);

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  GTK_WIDGET_CLASS (gk_table_cell_parent_class)->unmap (widget);
}

/* The document the cell's row belongs to, whose unit the row's table may
 * convert its figures from. */
void
gk_table_cell_set_document (GkTableCell *self,
                            GkDocument  *document)
{
  g_return_if_fail (GK_IS_TABLE_CELL (self));
  g_return_if_fail (document == NULL || GK_IS_DOCUMENT (document));

  if (g_set_object (&self->document, document))
    gk_table_cell_update (self);
}

GkDocument *
_gk_table_cell_get_document (GkTableCell *self)
{
  return self->document;
}

GkChecker *
_gk_table_cell_get_checker (GkTableCell *self)
{
  return self->checker;
}

/* The checker whose findings mark the cell: its page's. */
void
gk_table_cell_set_checker (GkTableCell *self,
                           GkChecker   *checker)
{
  g_return_if_fail (GK_IS_TABLE_CELL (self));
  g_return_if_fail (checker == NULL || GK_IS_CHECKER (checker));

  if (self->checker == checker)
    return;
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_set_object (&self->checker, checker);
  if (self->checker != NULL)
    g_signal_connect_object (self->checker, "findings-changed",
                             G_CALLBACK (gk_table_cell_findings_changed), self, G_CONNECT_SWAPPED);
  gk_table_cell_update (self);
}

static void
gk_table_cell_dispose (GObject *object)
{
  GkTableCell *self = GK_TABLE_CELL (object);

  if (self->row != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->row, self);
      g_signal_handlers_disconnect_by_data (gk_row_get_children (self->row), self);
    }
  g_clear_object (&self->row);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_clear_object (&self->checker);
  g_clear_object (&self->document);
  if (self->text != NULL)
    g_signal_handlers_disconnect_by_data (self->text, self);
  g_clear_pointer (&self->text, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  /* An editor that stopped while the list recycled the cell waits for an
   * idle to be unparented; the cell may go first. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gk_table_cell_parent_class)->dispose (object);
}

static void
gk_table_cell_finalize (GObject *object)
{
  GkTableCell *self = GK_TABLE_CELL (object);

  g_free (self->error);

  G_OBJECT_CLASS (gk_table_cell_parent_class)->finalize (object);
}

static void
gk_table_cell_class_init (GkTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gk_table_cell_dispose;
  object_class->finalize = gk_table_cell_finalize;
  widget_class->measure = gk_table_cell_measure;
  widget_class->size_allocate = gk_table_cell_size_allocate;
  widget_class->map = gk_table_cell_map;
  widget_class->unmap = gk_table_cell_unmap;
  widget_class->query_tooltip = _gk_table_cell_query_tooltip;

  /**
   * GkTableCell::commit:
   * @text: what was typed
   *
   * Returns: %TRUE when the figure was accepted
   */
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_first_wins, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "cell.edit", NULL, gk_table_cell_action_edit);
  gtk_widget_class_install_action (widget_class, "cell.type", "s", gk_table_cell_action_type);
  gtk_widget_class_install_action (widget_class, "cell.cancel", NULL, gk_table_cell_action_cancel);
  gtk_widget_class_install_action (widget_class, "cell.clear", NULL, gk_table_cell_action_clear);
  gtk_widget_class_install_action (widget_class, "cell.next", NULL, gk_table_cell_action_move);
  gtk_widget_class_install_action (widget_class, "cell.previous", NULL, gk_table_cell_action_move);
  gtk_widget_class_install_action (widget_class, "cell.down", NULL, gk_table_cell_action_move);
  gtk_widget_class_install_action (widget_class, "cell.up", NULL, gk_table_cell_action_move);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "cell.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "cell.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "cell.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "cell.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "cell.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "cell.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Tab, 0, "cell.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "cell.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, "cell.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "cell.down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "cell.up", NULL);

  gtk_widget_class_set_css_name (widget_class, "gk-cell");
}

static void
gk_table_cell_init (GkTableCell *self)
{
  GtkEventController *key;
  GtkGesture *click;

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 1.0);
  gtk_label_set_single_line_mode (GTK_LABEL (self->label), TRUE);
  gk_label_use_document_language (GTK_LABEL (self->label));
  gtk_widget_add_css_class (self->label, "gk-amount");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  key = gtk_event_controller_key_new ();
  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (gk_table_cell_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (gk_table_cell_pressed), self);
  g_signal_connect_swapped (click, "released", G_CALLBACK (gk_table_cell_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}
