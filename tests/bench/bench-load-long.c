/* bench-load-long.c — the big plan with long texts, from the program's start to its first frame.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (under a display): bench-load-long POA_BINARY EMPTY_WINDOW_BINARY [RUNS [KEEP_DB]]
 * (with KEEP_DB, the database is made there and kept, for a profiler)
 *
 * bench-load's measure (`poa --plan ID` from its start to the first frame of its window, RUNS
 * times, default 7, alternating with the empty window of bench-empty-window.c; the program's
 * own cost is the difference) on a database holding one plan of 100,000 activities whose texts
 * are long and all different (bench_plan_with_long_texts()): issue 21's "first frame of a
 * 100,000-activity plan with long texts", +341 ms beyond an empty window when it was filed.
 */

#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "poa-plan.h"
#include "poa-store.h"
#include "bench-page.h"
#include "bench-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("poa-bench-load-long-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "poa.sqlite3", NULL);
  gboolean keep = argc > 4;
  g_autofree char *id = NULL;
  double program[64], empty[64];
  gsize program_peak, empty_peak;
  guint runs;

  setlocale (LC_ALL, "");
  if (argc < 3)
    {
      g_printerr ("usage: bench-load-long POA_BINARY EMPTY_WINDOW_BINARY [RUNS]\n");
      return 2;
    }
  runs = argc > 3 ? CLAMP ((guint)g_ascii_strtoull (argv[3], NULL, 10), 1, 64) : 7;
  if (keep)
    {
      g_free (db);
      db = g_strdup (argv[4]);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PoaStore) store = poa_store_open (db, &error);
    g_autoptr(PoaPlan) plan = bench_plan_with_long_texts (100000);

    g_assert_no_error (error);
    g_assert_cmpint (poa_store_insert_plan (store, plan, &error), >, 0);
    g_assert_no_error (error);
    id = g_strdup_printf ("%" G_GINT64_FORMAT, poa_plan_get_id (plan));
  }

  {
    char *poa_argv[] = { argv[1], (char *)"--db", db, (char *)"--plan", id, NULL };
    char *empty_argv[] = { argv[2], NULL };

    bench_first_frames (poa_argv, empty_argv, runs, program, empty, &program_peak, &empty_peak);
  }

  {
    double p = bench_median (program, runs);
    double e = bench_median (empty, runs);
    g_autofree char *shown = g_strdup_printf ("100,000, long texts (first frame %.0f ms, empty window %.0f ms)", p, e);

    g_print ("load, long texts: on screen %.1f ms after start, %.1f ms more than an empty window\n", p, p - e);
    bench_result ("load: long-text plan on screen, beyond an empty window", shown, p - e, program_peak,
                  "< 300 ms", p - e < 300);
  }

  if (keep)
    g_rmdir (dir);
  else
    bench_remove_dir (dir);
  return 0;
}
