/* bench-startup.c — from process start to the first frame of the window, beside the same
 * figure for an empty libadwaita window, so that the ratio shows the program's own cost.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (under a display): bench-startup POA_BINARY EMPTY_WINDOW_BINARY [RUNS]
 *
 * Both programs print the monotonic clock at their first frame (POA_REPORT_FIRST_FRAME) and
 * close; each is run RUNS times (default 15), alternating, after one unmeasured run of each to
 * warm the disk cache. The database holds the embedded default plan and exists beforehand.
 * The empty window is bench-empty-window.c.
 */

#include "config.h"

#include <locale.h>

#include <glib.h>

#include "bench-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  double program[64], empty[64];
  gsize program_peak, empty_peak;
  guint runs;
  setlocale (LC_ALL, "");

  if (argc < 3)
    {
      g_printerr ("usage: bench-startup POA_BINARY EMPTY_WINDOW_BINARY [RUNS]\n");
      return 2;
    }

  runs = argc > 3 ? CLAMP ((guint)g_ascii_strtoull (argv[3], NULL, 10), 1, 64) : 15;
  dir = g_dir_make_tmp ("poa-bench-startup-XXXXXX", NULL);
  db = g_build_filename (dir, "poa.sqlite3", NULL);

  {
    char *plans[] = { argv[1], (char *)"--db", db, (char *)"plans", NULL };
    g_auto(BenchRun) create = { 0 };

    bench_spawn (plans, NULL, &create);
    g_assert_cmpint (create.status, ==, 0);
  }

  {
    char *poa_argv[] = { argv[1], (char *)"--db", db, NULL };
    char *empty_argv[] = { argv[2], NULL };

    bench_first_frames (poa_argv, empty_argv, runs, program, empty, &program_peak, &empty_peak);
  }

  {
    double p = bench_median (program, runs);
    double e = bench_median (empty, runs);
    g_autofree char *ratio = g_strdup_printf ("%.2f× the empty window (target ≤ 1.25×)", p / e);

    g_print ("startup: first frame after %.1f ms (median of %u), an empty window after %.1f ms: %.2f×\n",
             p, runs, e, p / e);
    bench_result ("startup, empty AdwApplicationWindow", "—", e, empty_peak, NULL, TRUE);
    bench_result ("startup, POA on the default plan", "16", p, program_peak, ratio, p / e <= 1.25);
  }

  bench_remove_dir (dir);
  return 0;
}
