/* bench-gantt-view.c — how long the Cronograma view takes to give one window-sized frame.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson test -C build --benchmark --verbose` runs it under a display. It times,
 * for plans of 16, 10,000 and 100,000 activities, what GTK does for a frame of the view while
 * it scrolls: the view's snapshot and its rendering into a 1200 × 800 texture by the
 * window's renderer (cairo under Xvfb). Layout is done between frames, outside the timing.
 */

#include "config.h"

#include <locale.h>


#include <adwaita.h>

#include "poa-document.h"
#include "poa-gantt-view.h"
#include "poa-plan.h"
#include "bench-util.h"
#include "test-plans.h"
#include "test-ui-util.h"
#include "test-util.h"

#define WIDTH   1200
#define HEIGHT  800
#define FRAMES  200

static void
bench (guint n_activities)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n_activities);
  g_autofree char *dir = g_dir_make_tmp ("poa-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autoptr(PoaDocument) document = test_document_for_plan (plan, path);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = poa_gantt_view_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (view);
  GtkAdjustment *vadjustment;
  double times[FRAMES];
  double step;

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  poa_gantt_view_set_document (POA_GANTT_VIEW (view), document);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_for_frames (view, 3);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  step = gtk_adjustment_get_page_size (vadjustment) / 3 +
         (gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment)) / FRAMES;

  for (guint i = 0; i < FRAMES; i++)
    {
      int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 start;

      gtk_adjustment_set_value (vadjustment, i * step);
      test_ui_wait_for_frames (view, 1);

      start = g_get_monotonic_time ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  bench_report ("gantt: view snapshot and render, one frame", n_activities, times, FRAMES);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&document);
  test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 16, 10000, 100000 };
  setlocale (LC_ALL, "");

  gtk_init ();
  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench (sizes[i]);

  return 0;
}
