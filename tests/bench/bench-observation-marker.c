/* bench-observation-marker.c — what the Actividades table's markers of the planning unit's
 * observations cost at 100,000 activities (obsrow18, issue 18).
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson test -C build --benchmark --verbose` runs it under a display. Side by side
 * in the same run, rounds alternating:
 * - the first frame of a plan of 100,000 activities with no observation, and of the same plan
 *   with 10,000 observations on 5,000 activities (the rows' markers are a hash lookup each);
 * - adding one observation to that plan: the index of the observations by Nº made again and
 *   the markers of the rows made updated, in the signal's handler, then the frame that shows it.
 */

#include "config.h"

#include <adwaita.h>

#include "poa-activities-page.h"
#include "poa-document.h"
#include "poa-plan.h"
#include "poa-review.h"
#include "poa-store.h"
#include "bench-page.h"
#include "bench-util.h"
#include "test-plans.h"
#include "test-ui-util.h"

#define N_ACTIVITIES 100000
#define ROUNDS       9

static BenchPage setup;

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static void
wait_for_paint (GtkWidget *page)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (page);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

  gtk_widget_queue_draw (page);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static double
show_plan_ms (PoaDocument *document)
{
  gint64 start = g_get_monotonic_time ();

  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (setup.page), document);
  wait_for_paint (setup.page);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
observe (PoaPlan *plan,
         guint    number,
         guint    i)
{
  g_autofree char *where = g_strdup_printf ("activity %u", number);
  g_autofree char *text = g_strdup_printf ("Observación %u", i);

  poa_plan_add_observation (plan, poa_observation_new ("2026-04-02T10:00:00Z", "Bench", where, text));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PoaPlan) plain = test_plan_with_activities (N_ACTIVITIES);
  g_autoptr(PoaPlan) observed = test_plan_with_activities (N_ACTIVITIES);
  g_autoptr(PoaDocument) plain_document = NULL;
  g_autoptr(PoaDocument) observed_document = NULL;
  double plain_ms[ROUNDS], observed_ms[ROUNDS], add_ms[ROUNDS], add_frame_ms[ROUNDS];

  bench_page_open (&setup, POA_TYPE_ACTIVITIES_PAGE);

  /* Every tenth of the first rows, so that the rows in view show some, and every twentieth of
   * the plan: 10,000 observations, two on each of 5,000 activities. */
  for (guint i = 0; i < 10000; i++)
    observe (observed, 1 + (i % 5000) * 20, i);
  /* The benchmark never edits: the documents need only an id. */
  poa_plan_set_id (plain, 1);
  poa_plan_set_id (observed, 2);
  plain_document = poa_document_new (setup.store, plain);
  observed_document = poa_document_new (setup.store, observed);

  /* A first round for the fonts and caches. */
  show_plan_ms (plain_document);
  show_plan_ms (observed_document);

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start;

      poa_activities_page_set_document (POA_ACTIVITIES_PAGE (setup.page), NULL);
      wait_for_paint (setup.page);
      plain_ms[r] = show_plan_ms (plain_document);
      poa_activities_page_set_document (POA_ACTIVITIES_PAGE (setup.page), NULL);
      wait_for_paint (setup.page);
      observed_ms[r] = show_plan_ms (observed_document);

      start = g_get_monotonic_time ();
      observe (observed, 1, 10000 + r);
      add_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      wait_for_paint (setup.page);
      add_frame_ms[r] = (g_get_monotonic_time () - start) / 1000.0;
    }

  {
    double without = bench_median (plain_ms, ROUNDS);
    double marked = bench_median (observed_ms, ROUNDS);
    double added = bench_median (add_ms, ROUNDS);
    double added_frame = bench_median (add_frame_ms, ROUNDS);
    g_autofree char *ratio = g_strdup_printf ("≤ 1.2× without (%.2f×)", marked / without);

    bench_result ("Actividades first frame, no observations", "100,000 activities", without, 0, NULL, FALSE);
    bench_result ("Actividades first frame, observation markers", "100,000 act., 10,000 observations",
                  marked, 0, ratio, marked <= 1.2 * without);
    bench_result ("One observation added: index and markers", "100,000 act., 10,000 observations",
                  added, 0, "< 16 ms (one frame)", added < 16.0);
    bench_result ("One observation added, to its frame", "100,000 act., 10,000 observations",
                  added_frame, 0, NULL, FALSE);
  }

  poa_activities_page_set_document (POA_ACTIVITIES_PAGE (setup.page), NULL);
  g_clear_object (&plain_document);
  g_clear_object (&observed_document);
  bench_page_close (&setup);
  return 0;
}
