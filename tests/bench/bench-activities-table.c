/* bench-activities-table.c — the Actividades table's first frame, inside one process.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson test -C build --benchmark --verbose` runs it under a display. It times
 * the activities page from being given a plan to the end of the frame that shows it: GTK 4.8
 * makes, binds, measures and draws some 200 rows of six cells whatever the window's height.
 * Inside one process, and counting the processor time of the main thread beside the wall
 * time, the figures hold on a machine busy with other work, where bench-load's do not.
 *
 * Plans: the default one (16 activities); 100,000 made from it as bench-load's are, whose
 * texts repeat every 16 rows; and the same with every text made unique, the worst case for the
 * cells, which share the layouts of equal texts (a real plan repeats its strategic axes, lines
 * and action lines, not its names and specific activities). The first round is timed apart:
 * it loads the fonts and fills the caches, as at the program's start.
 */

#define _GNU_SOURCE

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "poa-activities-page.h"
#include "poa-activity.h"
#include "poa-document.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "bench-page.h"
#include "bench-util.h"
#include "test-plans.h"
#include "test-ui-util.h"

#define ROUNDS 15

static double
thread_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* The store the page's documents come from, and the page in its window. */
static BenchPage setup;

/* Gives @page @document and waits for the frame that shows its plan. */
static void
show_plan (GtkWidget   *page,
           PoaDocument *document,
           double    *wall_ms,
           double    *cpu_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (page);
  gboolean painted = FALSE;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = thread_cpu_ms ();
  gulong id;

  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), document);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (page);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);

  *wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  *cpu_ms = thread_cpu_ms () - cpu_start;
}

static void
make_texts_unique (PoaPlan *plan)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      for (PoaActivityText field = 0; field < POA_ACTIVITY_N_TEXTS; field++)
        {
          g_autofree char *text = g_strdup_printf ("%s %u", poa_activity_get_text (activity, field), i);

          poa_activity_set_text (activity, field, text);
        }
    }
}

static void
bench (GtkWidget  *page,
       guint       n_activities,
       gboolean    unique)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n_activities);
  g_autoptr(PoaDocument) document = NULL;
  g_autofree char *size = NULL;
  g_autofree char *name = NULL;
  double wall[ROUNDS], cpu[ROUNDS], first_wall, first_cpu;

  if (unique)
    make_texts_unique (plan);
  /* A page shows a document's plan; never edited here, it need not be in the store. */
  poa_plan_set_id (plan, 1);
  document = poa_document_new (setup.store, plan);

  show_plan (page, document, &first_wall, &first_cpu);
  for (guint i = 0; i < ROUNDS; i++)
    {
      poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), NULL);
      test_ui_wait_for_frames (page, 2);
      show_plan (page, document, &wall[i], &cpu[i]);
    }
  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (page), NULL);
  test_ui_wait_for_frames (page, 2);

  g_print ("%7u activities%s: first %.1f ms (%.1f ms processor), then median %.1f ms (%.1f ms processor)\n",
           n_activities, unique ? ", every text unique" : "", first_wall, first_cpu,
           bench_median (wall, ROUNDS), bench_median (cpu, ROUNDS));

  name = g_strdup_printf ("activities table: plan to first frame%s", unique ? ", unique texts" : "");
  size = g_strdup_printf ("%u (processor %.1f ms; first time %.1f ms)", n_activities,
                          bench_median (cpu, ROUNDS), first_wall);
  bench_result (name, size, bench_median (wall, ROUNDS), 0, NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bench_page_open (&setup, POA_TYPE_ACTIVITIES_PAGE);

  bench (setup.page, 16, FALSE);
  bench (setup.page, 100000, FALSE);
  bench (setup.page, 100000, TRUE);

  bench_page_close (&setup);
  return 0;
}
