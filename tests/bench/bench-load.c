/* bench-load.c — opening a big database and showing its biggest plan.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (under a display): bench-load POA_BINARY EMPTY_WINDOW_BINARY [RUNS]
 *
 * The database holds 1,000 plans of 16 activities (the default plan, each for another área)
 * and one plan of 100,000. Timed inside this process: listing the plans, and loading the big
 * plan through a new connection (one query per table). Timed as the user sees it: `poa --plan
 * ID` from its start to the first frame of its window, RUNS times (default 7) alternating with
 * the empty window of bench-empty-window.c; the program's own cost is the difference.
 */

#include "config.h"

#include <locale.h>

#include "poa-plan.h"
#include "poa-store.h"
#include "bench-util.h"
#include "test-plans.h"

#define N_SMALL_PLANS 1000

static gint64
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (path, &error);
  g_autoptr(PoaPlan) big = test_plan_with_activities (100000);
  g_autoptr(PoaPlan) model = test_plan_with_activities (16);

  g_assert_no_error (error);
  for (guint i = 1; i < N_SMALL_PLANS; i++)
    {
      g_autoptr(PoaPlan) plan = poa_plan_copy (model);
      g_autofree char *area = g_strdup_printf ("Área %04u", i);

      poa_plan_set_text (plan, POA_PLAN_AREA, area);
      g_assert_cmpint (poa_store_insert_plan (store, plan, &error), >, 0);
    }

  g_assert_cmpint (poa_store_insert_plan (store, big, &error), >, 0);
  return poa_plan_get_id (big);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("poa-bench-load-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autofree char *big_id = NULL;
  double list[9], load[9], program[64], empty[64];
  gsize program_peak, empty_peak;
  guint runs;
  gint64 id;
  setlocale (LC_ALL, "");

  if (argc < 3)
    {
      g_printerr ("usage: bench-load POA_BINARY EMPTY_WINDOW_BINARY [RUNS]\n");
      return 2;
    }
  runs = argc > 3 ? CLAMP ((guint)g_ascii_strtoull (argv[3], NULL, 10), 1, 64) : 7;

  id = make_database (db);
  big_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  for (guint i = 0; i < G_N_ELEMENTS (load); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaStore) store = poa_store_open (db, &error);
      g_autoptr(GPtrArray) plans = NULL;
      g_autoptr(PoaPlan) plan = NULL;
      gint64 start;

      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      plans = poa_store_list_plans (store, &error);
      list[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (plans->len, ==, N_SMALL_PLANS + 1);

      start = g_get_monotonic_time ();
      plan = poa_store_load_plan (store, id, &error);
      load[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
    }

  {
    char *poa_argv[] = { argv[1], (char *)"--db", db, (char *)"--plan", big_id, NULL };
    char *empty_argv[] = { argv[2], NULL };

    bench_first_frames (poa_argv, empty_argv, runs, program, empty, &program_peak, &empty_peak);
  }

  {
    double p = bench_median (program, runs);
    double e = bench_median (empty, runs);
    double l = bench_median (load, G_N_ELEMENTS (load));
    g_autofree char *shown = g_strdup_printf ("100,000 (first frame %.0f ms, empty window %.0f ms)", p, e);

    g_print ("load: listing %u plans %.2f ms; loading 100,000 activities %.1f ms; on screen %.1f ms after start, "
             "%.1f ms more than an empty window\n",
             N_SMALL_PLANS + 1, bench_median (list, G_N_ELEMENTS (list)), l, p, p - e);
    bench_result ("load: list 1,001 plans", "1,001 plans", bench_median (list, G_N_ELEMENTS (list)), 0, NULL, TRUE);
    bench_result ("load: read the plan from the store", "100,000", l, 0, NULL, TRUE);
    bench_result ("load: plan on screen, beyond an empty window", shown, p - e, program_peak,
                  "< 300 ms", p - e < 300);
  }

  bench_remove_dir (dir);
  return 0;
}
