/* bench-xlsx.c — how long `poa export --output FILE.xlsx` takes, and how much memory it uses,
 * for plans of 16, 1,000 and 10,000 activities. A benchmark, not a test: it prints figures.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-xlsx POA_BINARY [RUNS]
 *
 * Each size gets a database holding the default plan's activities repeated up to that size.
 * The whole process is run RUNS times (default 9) after one unmeasured run that brings the
 * files into the page cache: median wall time, processor time, and the largest resident set
 * any run reached. The same work is then timed inside this process, to tell loading the plan
 * from the store from writing the workbook.
 */

#include "config.h"

#include <locale.h>

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

  for (guint r = 0; r <= runs; r++)
    {
      char *argv[] = { (char *)binary, (char *)"--db", db, (char *)"--plan", plan_arg,
                       (char *)"export", (char *)"--output", out, NULL };
      g_auto(BenchRun) run = { 0 };

      bench_spawn (argv, NULL, &run);
      g_assert_cmpint (run.status, ==, 0);
      if (r == 0)
        continue;
      wall[r - 1] = run.wall_ms;
      cpu[r - 1] = run.cpu_ms;
      peak = MAX (peak, run.peak_kb);
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
static void
bench_floor (const char *dir,
             guint       n,
             guint       runs)
{
  static const guint columns[] = { 6, 23 };
  g_autofree char *out = g_strdup_printf ("%s/floor-%u.xlsx", dir, n);
  g_autofree double *times = g_new (double, runs);
  g_autofree char *size = NULL;

  for (guint r = 0; r < runs; r++)
    {
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
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }

  g_print ("%6u activities: libxlsxwriter alone, %u bare numbers: %.1f ms median\n",
           n, n * (columns[0] + columns[1]), bench_median (times, runs));
  size = g_strdup_printf ("%u (%u cells, no formats)", n, n * (columns[0] + columns[1]));
  bench_result ("xlsx: libxlsxwriter alone, in process", size, bench_median (times, runs), 0,
                NULL, TRUE);
}

static double
time_export (PoaPlan    *plan,
             const char *out,
             guint       runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      poa_xlsx_export (plan, out, &error);
      g_assert_no_error (error);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return bench_median (times, runs);
}

/* Issue 16: the workbook of a plan whose every activity has all twelve months programmed and
 * achieved (the Cronograma's second rows, and an Avance trimestral of all four quarters, on a
 * December day) against today's workbook of the same plan without them. Within 1.3×. */
static void
bench_calendars (const char *dir,
                 guint       n,
                 guint       runs)
{
  g_autofree char *out = g_strdup_printf ("%s/calendars-%u.xlsx", dir, n);
  g_autofree char *size = NULL;
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n);
  g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  double plain, full;

  g_setenv ("POA_TODAY", "2026-12-15", TRUE);
  plain = time_export (plan, out, runs);

  for (guint m = 1; m <= 12; m++)
    poa_calendar_set_month (calendar, m, 2 + m % 3, 1 + m % 2, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);

      poa_activity_set_calendar (activity, calendar);
    }
  full = time_export (plan, out, runs);
  g_unsetenv ("POA_TODAY");

  g_print ("%6u activities: workbook in process %.0f ms without month figures, %.0f ms with full "
           "calendars (%.2f×)\n", n, plain, full, full / plain);
  size = g_strdup_printf ("%u, full calendars (without: %.0f ms; %.2f×)", n, plain, full / plain);
  bench_result ("xlsx: workbook with month figures, in process", size, full, 0, "< 1.3× without",
                full < 1.3 * plain);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 16, 1000, 10000 };
  g_autofree char *dir = NULL;
  guint runs = 9;

  setlocale (LC_ALL, "");

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
  bench_floor (dir, 10000, runs);
  bench_calendars (dir, 100000, MIN (runs, 3));

  bench_remove_dir (dir);
  return 0;
}
