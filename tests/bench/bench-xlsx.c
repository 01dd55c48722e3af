/* bench-xlsx.c — how long `poa export --output FILE.xlsx` takes, and how much memory it uses,
 * for plans of 16, 1,000 and 10,000 activities. A benchmark, not a test: it prints figures.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-xlsx POA_BINARY [RUNS]
 *        bench-xlsx --in-process N RUNS     (the alternating in-process comparison alone)
 *        bench-xlsx --profile N plain|calendars|floor ROUNDS   (one workbook, for a profiler)
 *
 * Each size gets a database holding the default plan's activities repeated up to that size.
 * The whole process is run RUNS times (default 9) after one unmeasured run that brings the
 * files into the page cache: median wall time, processor time, and the largest resident set
 * any run reached. The same work is then timed inside this process, to tell loading the plan
 * from the store from writing the workbook.
 */

#include "config.h"

#include <locale.h>
#include <time.h>

#include <glib/gstdio.h>

#include <xlsxwriter.h>

#include "poa-activity.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "poa-xlsx-export.h"
#include "bench-util.h"
#include "test-plans.h"

static void
bench_size (const char *binary,
            const char *dir,
            guint       n,
            guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_strdup_printf ("%s/poa-%u.sqlite3", dir, n);
  g_autofree char *out = g_strdup_printf ("%s/poa-%u.xlsx", dir, n);
  g_autofree char *plan_arg = NULL;
  g_autofree char *size = NULL;
  g_autofree double *wall = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree double *load = g_new (double, runs);
  g_autofree double *write = g_new (double, runs);
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n);
  GStatBuf st;
  double wall_median;
  gsize peak = 0;
  gint64 id;

  store = poa_store_open (db, &error);
  g_assert_no_error (error);
  id = poa_store_insert_plan (store, plan, &error);
  g_assert_no_error (error);
  plan_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  {
    char *argv[] = { (char *)binary, (char *)"--db", db, (char *)"--plan", plan_arg,
                     (char *)"export", (char *)"--output", out, NULL };

    bench_spawn_runs (argv, NULL, runs, wall, cpu, &peak);
  }

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(PoaPlan) loaded = NULL;
      gint64 t0 = g_get_monotonic_time (), t1;

      loaded = poa_store_load_plan (store, id, &error);
      g_assert_no_error (error);
      t1 = g_get_monotonic_time ();
      poa_xlsx_export (loaded, out, &error);
      g_assert_no_error (error);
      load[r] = (t1 - t0) / 1000.0;
      write[r] = (g_get_monotonic_time () - t1) / 1000.0;
    }

  wall_median = bench_median (wall, runs);
  g_stat (out, &st);
  g_print ("%6u activities: process %6.1f ms median (%.1f to %.1f), CPU %6.1f ms, peak RSS %5.1f MB;"
           " in process: load %6.1f ms, write %6.1f ms; file %.0f KB\n",
           n, wall_median, wall[0], wall[runs - 1], bench_median (cpu, runs), peak / 1024.0,
           bench_median (load, runs), bench_median (write, runs), st.st_size / 1024.0);

  size = g_strdup_printf ("%u (in process: load %.0f ms, write %.0f ms)", n,
                          bench_median (load, runs), bench_median (write, runs));
  if (n == 10000)
    bench_result ("xlsx: poa export, whole process", size, wall_median, peak,
                  "< 100 ms and < 30 MB", wall_median < 100 && peak < 30 * 1024);
  else
    bench_result ("xlsx: poa export, whole process", size, wall_median, peak, NULL, TRUE);
}

/* The least libxlsxwriter does for a workbook of the same size: the cells POA writes for
 * @n activities (6 a row on the POA sheet, 23 on the Cronograma) as bare numbers, without a
 * format, a text, a formula or a merged range, with the same constant_memory option. Whatever
 * POA adds to that, the whole `poa export` process cannot take less. */
/* The processor time of this process, all its threads, in milliseconds: on a machine shared
 * with other work it tells the work done apart from the wait for a core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double last_cpu;

static double
write_floor (const char *out,
             guint       n)
{
  double cpu0 = cpu_ms ();
  static const guint columns[] = { 6, 23 };
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  gint64 start = g_get_monotonic_time ();
  lxw_workbook *workbook = workbook_new_opt (out, &options);

  for (guint s = 0; s < G_N_ELEMENTS (columns); s++)
    {
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);

      for (guint row = 0; row < n; row++)
        for (guint col = 0; col < columns[s]; col++)
          worksheet_write_number (sheet, row, (lxw_col_t)col, row + col, NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  last_cpu = cpu_ms () - cpu0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
write_poa (PoaPlan    *plan,
           const char *out)
{
  g_autoptr(GError) error = NULL;
  double cpu0 = cpu_ms ();
  gint64 start = g_get_monotonic_time ();

  poa_xlsx_export (plan, out, &error);
  g_assert_no_error (error);
  last_cpu = cpu_ms () - cpu0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Every activity with all twelve months programmed and achieved, a note in some months, and a
 * justification for every quarter: what a year of follow-up leaves. */
static PoaPlan *
plan_with_calendars (guint n)
{
  PoaPlan *plan = test_plan_with_activities (n);
  g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  for (guint m = 1; m <= 12; m++)
    poa_calendar_set_month (calendar, m, 2 + m % 3, 1 + m % 2, m % 4 == 0 ? "Se realizó en la cabecera" : NULL);
  for (guint q = 1; q <= 4; q++)
    poa_calendar_set_justification (calendar, q, "Las lluvias retrasaron las visitas a las comunidades");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      poa_activity_set_calendar (activity, calendar);
    }
  return plan;
}

/* In this process, alternating, so that the machine's slow and fast phases fall on all three
 * alike: libxlsxwriter alone (above), POA's workbook of @n activities as today's plans are, and
 * the same plan with full calendars (issue 16: the Cronograma's second rows and an Avance
 * trimestral of all four quarters, on a December day). Targets: POA within 1.3× of
 * libxlsxwriter alone (issue 21), and the calendars within 1.3× of the plan without (issue 16). */
static void
bench_in_process (const char *dir,
                  guint       n,
                  guint       runs)
{
  g_autofree char *out = g_strdup_printf ("%s/in-process-%u.xlsx", dir, n);
  g_autofree double *floor = g_new (double, runs);
  g_autofree double *plain = g_new (double, runs);
  g_autofree double *full = g_new (double, runs);
  g_autofree double *cpu = g_new (double, 3 * runs);
  g_autoptr(PoaPlan) plain_plan = test_plan_with_activities (n);
  g_autoptr(PoaPlan) full_plan = plan_with_calendars (n);
  g_autofree char *size = NULL;
  double floor_ms, plain_ms, full_ms;

  g_setenv ("POA_TODAY", "2026-12-15", TRUE);
  /* One unmeasured round brings the code and the files' room in. */
  write_floor (out, n);
  write_poa (plain_plan, out);
  write_poa (full_plan, out);
  for (guint r = 0; r < runs; r++)
    {
      floor[r] = write_floor (out, n);
      cpu[r] = last_cpu;
      plain[r] = write_poa (plain_plan, out);
      cpu[runs + r] = last_cpu;
      full[r] = write_poa (full_plan, out);
      cpu[2 * runs + r] = last_cpu;
    }
  g_unsetenv ("POA_TODAY");

  floor_ms = bench_median (floor, runs);
  plain_ms = bench_median (plain, runs);
  full_ms = bench_median (full, runs);
  g_print ("%6u activities, in process, %u alternating runs: libxlsxwriter alone %.1f ms, POA %.1f ms (%.2f×), "
           "POA with full calendars %.1f ms (%.2f× without)\n",
           n, runs, floor_ms, plain_ms, plain_ms / floor_ms, full_ms, full_ms / plain_ms);
  {
    double floor_cpu = bench_median (cpu, runs), plain_cpu = bench_median (cpu + runs, runs);
    double full_cpu = bench_median (cpu + 2 * runs, runs);

    g_print ("%6u activities, processor time (all threads): libxlsxwriter alone %.1f ms, POA %.1f ms (%.2f×), "
             "POA with full calendars %.1f ms (%.2f× without)\n",
             n, floor_cpu, plain_cpu, plain_cpu / floor_cpu, full_cpu, full_cpu / plain_cpu);
  }

  size = g_strdup_printf ("%u (%u cells, no formats)", n, n * 29);
  bench_result ("xlsx: libxlsxwriter alone, in process", size, floor_ms, 0, NULL, TRUE);
  g_free (size);
  size = g_strdup_printf ("%u (libxlsxwriter alone: %.0f ms; %.2f×)", n, floor_ms, plain_ms / floor_ms);
  bench_result ("xlsx: POA workbook, in process", size, plain_ms, 0, "≤ 1.3× libxlsxwriter alone",
                plain_ms <= 1.3 * floor_ms);
  g_free (size);
  size = g_strdup_printf ("%u, full calendars (without: %.0f ms; %.2f×)", n, plain_ms, full_ms / plain_ms);
  bench_result ("xlsx: workbook with month figures, in process", size, full_ms, 0, "≤ 1.3× without",
                full_ms <= 1.3 * plain_ms);
}

/* `bench-xlsx --profile N plain|calendars|floor ROUNDS`: writes that workbook ROUNDS times and
 * nothing else, for perf or callgrind. */
static int
profile (guint       n,
         const char *what,
         guint       rounds)
{
  g_autofree char *dir = g_dir_make_tmp ("poa-bench-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "profile.xlsx", NULL);
  g_autoptr(PoaPlan) plan = g_str_equal (what, "calendars") ? plan_with_calendars (n) :
                            test_plan_with_activities (n);

  g_setenv ("POA_TODAY", "2026-12-15", TRUE);
  for (guint r = 0; r < rounds; r++)
    {
      double ms = g_str_equal (what, "floor") ? write_floor (out, n) : write_poa (plan, out);

      g_print ("%s %u: %.1f ms, processor %.1f ms\n", what, n, ms, last_cpu);
    }
  if (g_getenv ("POA_BENCH_KEEP") != NULL)
    {
      g_autofree char *kept = g_strdup_printf ("%s.xlsx", g_getenv ("POA_BENCH_KEEP"));

      g_rename (out, kept);
    }
  bench_remove_dir (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 16, 1000, 10000 };
  g_autofree char *dir = NULL;
  guint runs = 9;

  setlocale (LC_ALL, "");

  if (argc == 5 && g_str_equal (argv[1], "--profile"))
    return profile ((guint)g_ascii_strtoull (argv[2], NULL, 10), argv[3],
                    (guint)g_ascii_strtoull (argv[4], NULL, 10));
  if (argc == 4 && g_str_equal (argv[1], "--in-process"))
    {
      dir = g_dir_make_tmp ("poa-bench-XXXXXX", NULL);
      bench_in_process (dir, (guint)g_ascii_strtoull (argv[2], NULL, 10),
                        (guint)g_ascii_strtoull (argv[3], NULL, 10));
      bench_remove_dir (dir);
      return 0;
    }
  if (argc < 2)
    {
      g_printerr ("usage: %s POA_BINARY [RUNS]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    runs = CLAMP ((guint)g_ascii_strtoull (argv[2], NULL, 10), 1, 100);

  dir = g_dir_make_tmp ("poa-bench-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench_size (argv[1], dir, sizes[i], runs);
  bench_in_process (dir, 10000, runs);

  bench_remove_dir (dir);
  return 0;
}
