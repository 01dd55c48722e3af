/* bench-page.c — what the benchmarks of one window page share.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "poa-activity.h"
#include "poa-plan.h"
#include "bench-page.h"
#include "bench-util.h"
#include "test-plans.h"
#include "test-ui-util.h"

/* Opens a store in a new temporary folder, starts GTK and presents a page of @page_type in a
 * window of 1200 × 700, the page's size in the program's window of 1200 × 780. Returns once
 * the window has drawn its first frames, so that the figures measure the page's work only. */
void
bench_page_open (BenchPage *self,
                 GType      page_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) provider = NULL;

  self->dir = g_dir_make_tmp ("poa-bench-XXXXXX", &error);
  g_assert_no_error (error);
  self->db = g_build_filename (self->dir, "poa.sqlite3", NULL);
  self->store = poa_store_open (self->db, &error);
  g_assert_no_error (error);

  gtk_init ();
  adw_init ();

  /* The program's stylesheet, which AdwApplication loads for the window: the page is measured
   * as the program draws it. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/mx/gob/sombrerete/Poa/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  self->window = gtk_window_new ();
  self->page = g_object_new (page_type, NULL);
  gtk_window_set_child (GTK_WINDOW (self->window), self->page);
  gtk_window_set_default_size (GTK_WINDOW (self->window), 1200, 700);
  gtk_window_present (GTK_WINDOW (self->window));
  test_ui_wait_for_frames (self->window, 3);
}

void
bench_page_close (BenchPage *self)
{
  gtk_window_destroy (GTK_WINDOW (self->window));
  self->window = self->page = NULL;
  g_clear_object (&self->store);
  g_unlink (self->db);
  g_rmdir (self->dir);
  g_clear_pointer (&self->db, g_free);
  g_clear_pointer (&self->dir, g_free);
}

/* The plan of bench-load's shape (the default plan's 16 activities repeated) with long texts,
 * none equal to another: each text of activity i is its original, then the specific activity
 * of another of the 16, then i. The action lines and specific activities run to 250–550
 * characters, five to nine lines in their columns; the names to 100–300. The worst case for
 * the table, whose cells share the layouts of equal texts and whose searches fold every text:
 * "activities with long texts" in issue 21's figures. */
PoaPlan *
bench_plan_with_long_texts (guint n_activities)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n_activities);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  const char *others[16];

  for (guint i = 0; i < 16 && i < n_activities; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      others[i] = g_intern_string (poa_activity_get_text (activity, POA_ACTIVITY_SPECIFIC_ACTIVITY));
    }

  for (guint i = 0; i < n_activities; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      for (PoaActivityText field = 0; field < POA_ACTIVITY_N_TEXTS; field++)
        {
          const char *other = others[(i * 7 + field * 3 + 5) % MIN (n_activities, 16)];
          g_autofree char *text = g_strdup_printf ("%s %s (%u)", poa_activity_get_text (activity, field),
                                                   other, i + 1);

          poa_activity_set_text (activity, field, text);
        }
    }

  return g_steal_pointer (&plan);
}

static void
scroll_painted_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Where in a frame the main thread's processor time went: the clock's phases, as it reached
 * them. A frame may lay out more than once (a cell resized): the layout ends at the last. */
typedef struct
{
  double update;               /* the frame's update phase began */
  double layout_end;
  double paint_end;
} PhaseMarks;

static void
mark_update_cb (GdkFrameClock *clock,
                PhaseMarks    *marks)
{
  if (marks->update < 0)
    marks->update = bench_thread_cpu_ms ();
}

static void
mark_layout_cb (GdkFrameClock *clock,
                PhaseMarks    *marks)
{
  marks->layout_end = bench_thread_cpu_ms ();
}

static void
mark_paint_cb (GdkFrameClock *clock,
               PhaseMarks    *marks)
{
  marks->paint_end = bench_thread_cpu_ms ();
}

/* Sets @adjustment (of a table in @widget's window) to @value and waits for the frame that shows
 * it: the wall time (@wall_ms may be %NULL) and this thread's processor time it took, and
 * (@phases may be %NULL) where: binding the rows brought in (the adjustment's change), laying
 * out (the clock's update and layout phases), painting, and the rest (events, idles, the wait
 * for the clock). */
void
bench_page_scroll_frame (GtkWidget          *widget,
                         GtkAdjustment      *adjustment,
                         double              value,
                         double             *wall_ms,
                         double             *cpu_ms,
                         BenchFramePhases   *phases)
{
  PhaseMarks marks = { -1, -1, -1 };
  gulong update_id, layout_id, paint_id;
  double bound;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = bench_thread_cpu_ms ();
  gulong id;

  gtk_adjustment_set_value (adjustment, value);
  bound = bench_thread_cpu_ms ();
  /* Connected last: the update mark comes before the tick callbacks, the others after GTK's
   * own handlers (and the cells' tracker, connected after). */
  update_id = g_signal_connect (clock, "update", G_CALLBACK (mark_update_cb), &marks);
  layout_id = g_signal_connect_after (clock, "layout", G_CALLBACK (mark_layout_cb), &marks);
  paint_id = g_signal_connect_after (clock, "paint", G_CALLBACK (mark_paint_cb), &marks);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (scroll_painted_cb), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
  g_signal_handler_disconnect (clock, update_id);
  g_signal_handler_disconnect (clock, layout_id);
  g_signal_handler_disconnect (clock, paint_id);

  if (wall_ms != NULL)
    *wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  *cpu_ms = bench_thread_cpu_ms () - cpu_start;
  if (phases != NULL)
    {
      gboolean marked = marks.update >= 0 && marks.layout_end >= marks.update && marks.paint_end >= marks.layout_end;

      phases->bind = bound - cpu_start;
      phases->layout = marked ? marks.layout_end - marks.update : 0;
      phases->paint = marked ? marks.paint_end - marks.layout_end : 0;
      phases->rest = *cpu_ms - phases->bind - phases->layout - phases->paint;
    }
}
