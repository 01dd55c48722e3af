/* bench-xlsx-import.c — how long `poa import FILE.xlsx` takes and how much memory it uses, for
 * the program's own workbook of 1,000 and 10,000 activities, side by side with the time
 * `poa export` takes to write that workbook and with openpyxl reading it (issue 19). A
 * benchmark, not a test: it prints figures.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-xlsx-import POA_BINARY [RUNS]
 *
 * Each size: a database holding the default plan's activities repeated up to that size; the
 * workbook written by `poa export` RUNS times (default 5, after one unmeasured run), then
 * imported by `poa import` RUNS times into a new database each time, then read by openpyxl
 * (read-only mode, every cell's value, in Debian's /usr/bin/python3) RUNS times: medians of
 * the whole processes, measured in the same run so that a loaded machine loads all three.
 * The target: the import under 1.5× the export, under 100 MB, and ahead of openpyxl.
 */

#include "config.h"


#include "poa-plan.h"
#include "poa-store.h"
#include "poa-xlsx-import.h"
#include "bench-util.h"
#include "test-plans.h"

static const char openpyxl_read[] =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
  "n = 0\n"
  "for ws in wb:\n"
  "    for row in ws.iter_rows(values_only=True):\n"
  "        n += sum(1 for v in row if v is not None)\n"
  "print(n)\n";

/* The median wall time of @runs runs of @argv (after one unmeasured), their median processor
 * time in @cpu: on a shared machine the processor time is the steadier of the two. */
static double
median_of_runs (char * const *argv,
                const char   *remove_first,
                guint         runs,
                gsize        *peak,
                double       *cpu)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree double *cpus = g_new (double, runs);

  bench_spawn_runs (argv, remove_first, runs, times, cpus, peak);
  *cpu = bench_median (cpus, runs);
  return bench_median (times, runs);
}

static void
bench_size (const char *binary,
            const char *dir,
            guint       n,
            guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_strdup_printf ("%s/poa-%u.sqlite3", dir, n);
  g_autofree char *db_in = g_strdup_printf ("%s/in-%u.sqlite3", dir, n);
  g_autofree char *xlsx = g_strdup_printf ("%s/poa-%u.xlsx", dir, n);
  g_autofree char *plan_arg = NULL;
  g_autofree char *size = NULL;
  g_autofree double *reads = g_new (double, runs);
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n);
  double export_ms, import_ms, openpyxl_ms;
  double export_cpu, import_cpu, openpyxl_cpu;
  gsize export_peak, import_peak, openpyxl_peak;
  gint64 id;

  store = poa_store_open (db, &error);
  g_assert_no_error (error);
  id = poa_store_insert_plan (store, plan, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  plan_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  {
    char *argv[] = { (char *)binary, (char *)"--db", db, (char *)"--plan", plan_arg,
                     (char *)"export", (char *)"--output", xlsx, NULL };
    export_ms = median_of_runs (argv, NULL, runs, &export_peak, &export_cpu);
  }
  {
    char *argv[] = { (char *)binary, (char *)"--db", db_in, (char *)"import", (char *)"--keep-both",
                     xlsx, NULL };
    import_ms = median_of_runs (argv, db_in, runs, &import_peak, &import_cpu);
  }
  {
    char *argv[] = { (char *)"/usr/bin/python3", (char *)"-c", (char *)openpyxl_read, xlsx, NULL };
    openpyxl_ms = median_of_runs (argv, NULL, runs, &openpyxl_peak, &openpyxl_cpu);
  }

  /* Reading alone, in this process: the rest of the import is the store's. */
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(PoaPlan) read = NULL;
      gint64 start = g_get_monotonic_time ();

      read = poa_xlsx_import_load (xlsx, NULL, &error);
      g_assert_no_error (error);
      reads[r] = (g_get_monotonic_time () - start) / 1000.0;
    }

  g_print ("%6u activities: import %6.1f ms (CPU %6.1f ms, peak %5.1f MB; reading alone %6.1f ms), "
           "export %6.1f ms (CPU %6.1f ms, peak %5.1f MB), openpyxl %6.1f ms (CPU %6.1f ms, peak %5.1f MB): "
           "import / export %.2f (CPU %.2f), import / openpyxl %.2f (CPU %.2f)\n",
           n, import_ms, import_cpu, import_peak / 1024.0, bench_median (reads, runs), export_ms,
           export_cpu, export_peak / 1024.0, openpyxl_ms, openpyxl_cpu, openpyxl_peak / 1024.0,
           import_ms / export_ms, import_cpu / export_cpu, import_ms / openpyxl_ms,
           import_cpu / openpyxl_cpu);

  size = g_strdup_printf ("%u (export %.0f ms, openpyxl %.0f ms; CPU: import %.0f, export %.0f, "
                          "openpyxl %.0f ms)", n, export_ms, openpyxl_ms, import_cpu, export_cpu,
                          openpyxl_cpu);
  bench_result ("xlsx import: poa import FILE.xlsx, whole process", size, import_ms, import_peak,
                n == 10000 ? "< 1.5× export, < 100 MB, < openpyxl" : NULL,
                n != 10000 || (import_ms < 1.5 * export_ms && import_peak < 100 * 1024 &&
                               import_ms < openpyxl_ms));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  guint runs = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5;

  if (argc < 2)
    {
      g_printerr ("usage: bench-xlsx-import POA_BINARY [RUNS]\n");
      return 2;
    }
  runs = MAX (runs, 1);
  dir = g_dir_make_tmp ("poa-bench-xlsx-import-XXXXXX", NULL);
  g_assert_nonnull (dir);

  bench_size (argv[1], dir, 1000, runs);
  bench_size (argv[1], dir, 10000, runs);

  bench_remove_dir (dir);
  return 0;
}
