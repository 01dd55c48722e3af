/* bench-areas-window.c — *Todas las áreas* of a year of 1,000 plans, inside one process.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson test -C build --benchmark --verbose` runs it under a display. A database
 * of 1,000 plans of 16 activities for 2026 (each another área, as bench-summary's) beside the
 * default plan, the main window open on it. Each round makes the view, which opens on the year
 * of the plan shown, and times until the frame that shows the 1,001 rows ranked, their totals
 * and the budget by partida (issue 18: under 300 ms). The figures are read on a worker thread
 * with a connection of its own (its opening included); the main thread's processor time is
 * printed beside the wall time, since it is what the window spends and a busy machine disturbs
 * it less.
 */

#define _GNU_SOURCE

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "poa-application.h"
#include "poa-areas-window.h"
#include "poa-plan.h"
#include "poa-session.h"
#include "poa-store-private.h"
#include "poa-window.h"
#include "bench-util.h"
#include "test-plans.h"
#include "test-ui-util.h"

#define N_PLANS 1000
#define ROUNDS 7

static void
make_plans (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (path, &error);
  g_autoptr(PoaPlan) model = test_plan_with_activities (16);

  g_assert_no_error (error);
  poa_plan_set_year (model, 2026);
  test_store_insert_area_copies (store, model, N_PLANS);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  PoaApplication *app;
  GtkWindow *window = NULL;
  double wall[ROUNDS], cpu[ROUNDS];

  setlocale (LC_ALL, "");
  test_ui_init (&argc, &argv);
  dir = g_dir_make_tmp ("poa-bench-areas-XXXXXX", NULL);
  db = g_build_filename (dir, "poa.sqlite3", NULL);

  app = test_ui_open_window (dir, &window);
  while (poa_window_get_plan (POA_WINDOW (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  make_plans (db);

  /* One round first, not counted: the fonts, the caches, the file in the page cache. */
  for (guint r = 0; r <= ROUNDS; r++)
    {
      PoaSession *session = poa_window_get_session (POA_WINDOW (window));
      PoaAreasWindow *areas;
      gboolean painted = FALSE;
      double start_cpu = bench_thread_cpu_ms ();
      gint64 start = g_get_monotonic_time ();
      gulong id;

      areas = poa_areas_window_new (window, session);
      gtk_window_set_default_size (GTK_WINDOW (areas), 1200, 800);
      gtk_window_present (GTK_WINDOW (areas));
      while (poa_areas_window_is_loading (areas))
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (poa_areas_window_get_year (areas), ==, 2026);
      g_assert_cmpuint (g_list_model_get_n_items (poa_areas_window_get_rows (areas)), ==, N_PLANS + 1);

      id = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (areas)), "after-paint",
                             G_CALLBACK (after_paint_cb), &painted);
      gtk_widget_queue_draw (GTK_WIDGET (areas));
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (areas)), id);

      if (r > 0)
        {
          wall[r - 1] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[r - 1] = bench_thread_cpu_ms () - start_cpu;
        }
      gtk_window_destroy (GTK_WINDOW (areas));
      for (guint i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
    }

  g_print ("Todas las áreas, 1,001 plans: median %.1f ms to the frame (main thread %.1f ms)\n",
           bench_median (wall, ROUNDS), bench_median (cpu, ROUNDS));
  bench_result ("Todas las áreas, view to its frame", "1,001 plans × 16 activities",
                bench_median (wall, ROUNDS), 0, "< 300 ms", bench_median (wall, ROUNDS) < 300.0);
  bench_result ("Todas las áreas, main thread's processor time", "1,001 plans × 16 activities",
                bench_median (cpu, ROUNDS), 0, NULL, TRUE);

  test_ui_close_windows (app);
  g_object_unref (app);
  bench_remove_dir (dir);
  return 0;
}
