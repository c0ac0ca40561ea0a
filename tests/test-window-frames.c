/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gk-application.h"
#include "gk-table-page.h"
#include "gk-window.h"

#include "gk-test-common.h"

/* An edit in a table page, or a page down through it, shows in one frame
 * of the window. A frame that lays out or paints costs the whole window's
 * layout, or its render (tens of milliseconds with GL in software): a
 * layout that leaves the window's style out of date makes GTK lay it out
 * again in a second frame only to restyle, doubling what every keystroke
 * costs. (GTK 4.8 may add a frame that neither lays out nor paints after a
 * style change; it costs nothing and is not counted.) The sample's 支出总表
 * gets 60 more 项, so that it pages. */

typedef struct
{
  GdkFrameClock *clock;
  guint          frames;     /* that laid out or painted */
  guint          layouts;
  guint          paints;
  guint          restyles;   /* frames that laid out and painted nothing */
  gboolean       laid_out;   /* the frame under way did */
  gboolean       painted;
  gint64         last_frame; /* µs, monotonic: the end of the last frame */
} Frames;

static void
frames_laid_out (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->layouts++;
  frames->laid_out = TRUE;
}

static void
frames_painted (GdkFrameClock *clock,
                Frames        *frames)
{
  frames->paints++;
  frames->painted = TRUE;
}

static void
frames_ended (GdkFrameClock *clock,
              Frames        *frames)
{
  if (frames->laid_out || frames->painted)
    frames->frames++;
  if (frames->laid_out && !frames->painted)
    frames->restyles++;
  frames->laid_out = frames->painted = FALSE;
  frames->last_frame = g_get_monotonic_time ();
}

/* A frame GTK asks for after another comes within a refresh interval or
 * two; after ten without one, the window has settled. */
static gint64
frames_quiet_us (Frames *frames)
{
  gint64 interval = 0;

  gdk_frame_clock_get_refresh_info (frames->clock, gdk_frame_clock_get_frame_time (frames->clock),
                                    &interval, NULL);
  return 10 * (interval > 0 ? interval : G_USEC_PER_SEC / 60);
}

/* Runs the main loop until at least one frame has laid out or painted
 * since @frames_before and no other frame follows: how many frames the
 * step took. */
static guint
frames_settle (Frames *frames,
               guint   frames_before)
{
  gint64 deadline = g_get_monotonic_time () + GK_TEST_DEADLINE_SECONDS * G_USEC_PER_SEC;

  while (frames->frames == frames_before ||
         g_get_monotonic_time () - frames->last_frame < frames_quiet_us (frames))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return frames->frames - frames_before;
}

/* Settles after a step and checks that the step cost one frame. On a busy
 * machine, work the step left for idle time (the checks' badge, a draft)
 * may come after that frame and paint in one of its own, which is the
 * work's cost rather than the step's; a frame that lays out and paints
 * nothing never is. */
static void
assert_one_step (Frames *frames,
                 guint   before,
                 guint   layouts,
                 guint   restyles)
{
  guint n = frames_settle (frames, before);

  g_test_message ("%u frames, %u layouts, %u restyles", n, frames->layouts - layouts,
                  frames->restyles - restyles);
  g_assert_cmpuint (frames->restyles - restyles, ==, 0);
  g_assert_cmpuint (n, >=, 1);
}

static GtkAdjustment *
vadjustment (GkWindow *window)
{
  GkTablePage *page = GK_TABLE_PAGE (gk_window_get_page (window, "expenditure"));

  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gk_table_page_get_column_view (page)));
}

typedef void (*FramesTestFunc) (GkWindow   *window,
                                GkDocument *document,
                                Frames     *frames);

static void
activated (GApplication *app,
           gpointer      user_data)
{
  FramesTestFunc func = user_data;
  g_autoptr(GkDocument) document = gk_test_load_sample ();
  GkTable *table = gk_document_get_table (document, "expenditure");
  GkWindow *window = GK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  Frames frames = { 0 };

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *code = g_strdup_printf ("20103%02u", 10 + i);
      g_autofree char *name = g_strdup_printf ("测试事务%u", i + 1);
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (gk_document_add_row (document, table, code, name, &error));
      g_assert_no_error (error);
    }
  gk_document_mark_saved (document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gk_window_set_document (window, document, NULL);
  gk_window_set_selected_page (window, "expenditure");
  gk_test_iterate_until (gk_test_is_mapped, gk_window_get_page (window, "expenditure"));
  gk_test_iterate_idle ();

  frames.clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (frames.clock, "layout", G_CALLBACK (frames_laid_out), &frames);
  g_signal_connect (frames.clock, "paint", G_CALLBACK (frames_painted), &frames);
  g_signal_connect (frames.clock, "after-paint", G_CALLBACK (frames_ended), &frames);
  /* Whatever showing the page started ends first. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
  frames_settle (&frames, frames.frames);

  func (window, document, &frames);

  g_signal_handlers_disconnect_by_data (frames.clock, &frames);
  gk_document_mark_saved (document);
  gk_test_destroy_window (window);
}

static void
run (FramesTestFunc func)
{
  gk_test_run_app (G_CALLBACK (activated), func);
}

static void
edit (GkWindow   *window,
      GkDocument *document,
      Frames     *frames)
{
  GkTable *table = gk_document_get_table (document, "expenditure");
  guint column = gk_table_column_index (table, "basic");
  GkRow *row = gk_table_lookup (table, "2010301");

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u.%02u", 100 + i * 1111, i);
      g_autoptr(GError) error = NULL;
      guint before = frames->frames, layouts = frames->layouts, restyles = frames->restyles;
      GkAmount amount;

      g_assert_true (gk_document_set_amount_text (document, row, column, text, &error));
      g_assert_no_error (error);
      assert_one_step (frames, before, layouts, restyles);
      g_assert_true (gk_row_get_amount (row, column, &amount));
      g_assert_cmpint (amount, ==, (100 + i * 1111) * 100 + i);
    }
}

static void
test_edit_one_frame (void)
{
  run (edit);
}

static void
page_down (GkWindow   *window,
           GkDocument *document,
           Frames     *frames)
{
  GtkAdjustment *adjustment = vadjustment (window);
  GkTablePage *page = GK_TABLE_PAGE (gk_window_get_page (window, "expenditure"));
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (gk_table_page_get_column_view (page)),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  /* An overlay scrollbar fades in and out over many frames of its own,
   * on a timer: the steps are timed without it. */
  g_assert_nonnull (scrolled);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scrolled), FALSE);
  frames_settle (frames, frames->frames);

  for (guint i = 0; i < 3; i++)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double step = gtk_adjustment_get_page_size (adjustment);
      guint before = frames->frames, layouts = frames->layouts, restyles = frames->restyles;

      g_assert_cmpfloat (value + step, <, gtk_adjustment_get_upper (adjustment));
      gtk_adjustment_set_value (adjustment, value + step);
      assert_one_step (frames, before, layouts, restyles);
    }
}

static void
test_page_down_one_frame (void)
{
  run (page_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();

  g_test_add_func ("/window/frames/edit", test_edit_one_frame);
  g_test_add_func ("/window/frames/page-down", test_page_down_one_frame);

  return g_test_run ();
}
