/* bench-summary.c — `poa summary` over a year of 1,000 plans.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-summary POA [RUNS]
 *
 * A database of 1,000 plans of 16 activities for 2027 (each another área, each with a review
 * step and three entries in its change record), written through the store in one transaction,
 * beside the default 2026 plan. Then `poa summary --year 2027`, the whole process, RUNS times
 * (default 9): the median wall time (issue 18: under 200 ms). The summary read in the process
 * (poa_summary_read()) is timed too, to tell the program's start from the work.
 *
 * Then what the change record adds to an edit: one entry appended inside the edit's open
 * transaction (poa_store_record_changes()), the commit being the edit's own; median of 1,000
 * (issue 18: under 0.5 ms).
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "poa-plan.h"
#include "poa-review.h"
#include "poa-store-private.h"
#include "poa-consolidate.h"
#include "poa-summary.h"
#include "bench-util.h"
#include "test-plans.h"

#define N_PLANS 1000

static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaStore) store = poa_store_open (path, &error);
  g_autoptr(PoaPlan) model = test_plan_with_activities (16);

  g_assert_no_error (error);
  poa_plan_set_year (model, 2027);
  poa_plan_add_review_step (model, poa_review_step_new ("2027-01-10T09:00:00Z", "Área",
                                                        POA_REVIEW_ENVIADO, ""));
  for (guint e = 0; e < 3; e++)
    poa_plan_add_history_entry (model, poa_history_entry_new ("2027-02-01T10:00:00Z", "Ana",
                                                              "activity 1", "programmed",
                                                              "10", "12", "Reconducción"));

  test_store_insert_area_copies (store, model, N_PLANS);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("poa-bench-summary-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autofree double *wall = NULL;
  double in_process[9];
  double consolidated[5];
  gsize peak = 0;
  guint runs = 9;

  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      g_printerr ("usage: bench-summary POA [RUNS]\n");
      return 2;
    }
  if (argc > 2)
    runs = MAX (1, (guint)g_ascii_strtoull (argv[2], NULL, 10));
  wall = g_new (double, runs);

  make_database (db);

  /* One run first, not counted, so that the file is in the page cache like on a desk. */
  for (guint r = 0; r <= runs; r++)
    {
      char *args[] = { argv[1], (char *)"--db", db, (char *)"summary", (char *)"--year",
                       (char *)"2027", NULL };
      g_auto(BenchRun) run = { 0 };

      bench_spawn (args, NULL, &run);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "\tÁrea 0999\t16\t"));
      if (r == 0)
        continue;
      wall[r - 1] = run.wall_ms;
      peak = MAX (peak, run.peak_kb);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoaStore) store = poa_store_open (db, &error);

    g_assert_no_error (error);
    for (guint r = 0; r < G_N_ELEMENTS (in_process); r++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GPtrArray) lines = poa_summary_read (store, 2027, &error);

        in_process[r] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);
        g_assert_cmpuint (lines->len, ==, N_PLANS);
      }
  }

  /* The consolidated figures (poa-consolidate.c): the summary's, plus late activities and the
   * current quarter's avance of each plan, ranked by índice; `poa consolidate`'s model. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoaStore) store = poa_store_open (db, &error);
    GDate today;

    g_assert_no_error (error);
    g_date_clear (&today, 1);
    g_date_set_dmy (&today, 10, G_DATE_JULY, 2027);
    for (guint r = 0; r < G_N_ELEMENTS (consolidated); r++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(GPtrArray) areas = poa_consolidate_read (store, 2027, &today, &error);

        consolidated[r] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_no_error (error);
        g_assert_cmpuint (areas->len, ==, N_PLANS);
      }
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoaStore) store = poa_store_open (db, &error);
    g_autoptr(PoaHistoryEntry) entry = poa_history_entry_new ("2027-02-01T10:00:00Z", "Ana",
                                                              "activity 1", "programmed", "10",
                                                              "12", "Reconducción");
    g_autofree double *times = g_new (double, 1000);
    gint64 plan_id = poa_store_resolve_plan (store, 0, &error);

    g_assert_no_error (error);
    for (guint r = 0; r < 1000; r++)
      {
        gint64 start;

        g_assert_true (poa_store_begin (store, &error));
        start = g_get_monotonic_time ();
        g_assert_true (poa_store_record_changes (store, plan_id,
                                                 (const PoaHistoryEntry *const *)&entry, 1,
                                                 &error));
        times[r] = (g_get_monotonic_time () - start) / 1000.0;
        g_assert_true (poa_store_commit (store, &error));
      }
    g_print ("one change recorded inside an edit's transaction: median %.3f ms\n",
             bench_median (times, 1000));
    bench_result ("change record entry, inside the edit's transaction", "1,001 plans",
                  bench_median (times, 1000), 0, "< 0.5 ms", bench_median (times, 1000) < 0.5);
  }

  g_print ("summary of 1,000 plans of 16 activities: poa summary median %.1f ms, "
           "poa_summary_read median %.1f ms\n",
           bench_median (wall, runs), bench_median (in_process, G_N_ELEMENTS (in_process)));
  bench_result ("poa summary --year (whole process)", "1,000 plans × 16 activities",
                bench_median (wall, runs), peak, "< 200 ms", bench_median (wall, runs) < 200.0);
  bench_result ("summary read (in process)", "1,000 plans × 16 activities",
                bench_median (in_process, G_N_ELEMENTS (in_process)), 0, NULL, TRUE);

  g_print ("consolidated areas of 1,000 plans (poa_consolidate_read): median %.1f ms\n",
           bench_median (consolidated, G_N_ELEMENTS (consolidated)));
  bench_result ("consolidated areas read (in process)", "1,000 plans × 16 activities",
                bench_median (consolidated, G_N_ELEMENTS (consolidated)), 0, NULL, TRUE);

  bench_remove_dir (dir);
  return 0;
}
