/* bench-report.c — the quarterly avance de metas of a big plan, and recording one month.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-report [RUNS]
 *
 * The report of each quarter of a plan of 100,000 activities, each with all twelve months
 * programmed and achieved, computed RUNS times (default 20): the median of the slowest quarter
 * (issue 16: under 100 ms). Then one month recorded through PoaDocument, as `poa record` and
 * the capture grid do (the month's figures and the activity's total in one transaction), on
 * the default plan and on the 100,000 activities in a database: median of 200 (under 2 ms).
 * Each record is followed by the disk's floor, measured in the same folder: 8 KB appended to a
 * file and fdatasync(), what the commit of any edit waits for at least (synchronous = FULL in
 * WAL mode: one sync of the log per commit). On a disk that other work keeps busy the floor
 * alone can pass 2 ms; the difference is what the program adds.
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "poa-activity.h"
#include "poa-calendar.h"
#include "poa-document.h"
#include "poa-plan.h"
#include "poa-report.h"
#include "poa-store.h"
#include "bench-util.h"
#include "test-plans.h"

static void
fill_calendars (PoaPlan *plan)
{
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
      guint achieved = 0;

      for (guint m = 1; m <= 12; m++)
        {
          guint done = (i + m) % 4;

          poa_calendar_set_month (calendar, m, 3, done, NULL);
          achieved += done;
        }
      poa_activity_set_goal (activity, POA_ACTIVITY_PROGRAMMED, 36);
      poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, achieved);
      poa_activity_set_calendar (activity, calendar);
    }
}

static void
bench_quarterly_report (PoaPlan *plan,
                        guint    runs)
{
  g_autofree double *times = g_new (double, runs);
  GDate today;
  double worst = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 11, poa_plan_get_year (plan));

  for (guint q = 1; q <= 4; q++)
    {
      double median;

      for (guint r = 0; r < runs; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(PoaReport) report = poa_report_new (plan, q, &today);

          times[r] = (g_get_monotonic_time () - start) / 1000.0;
          g_assert_cmpuint (poa_report_get_n_lines (report), ==, 100000);
        }
      median = bench_median (times, runs);
      g_print ("report, quarter %u, 100,000 activities with full calendars: median %.2f ms (%u runs)\n",
               q, median, runs);
      worst = MAX (worst, median);
    }

  bench_result ("quarterly report computed (slowest quarter)", "100,000", worst, 0, "< 100 ms",
                worst < 100.0);
}

/* One append of 8 KB to @fd made durable: what every commit waits for at least. */
static double
disk_floor_ms (int fd)
{
  static char block[8192];
  gint64 start;

  if (write (fd, block, sizeof block) != (ssize_t)sizeof block)
    g_error ("cannot write the scratch file");
  start = g_get_monotonic_time ();
  fdatasync (fd);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_record (PoaStore   *store,
              PoaPlan    *plan,
              const char *size,
              const char *dir)
{
  g_autoptr(PoaDocument) document = poa_document_new (store, plan);
  g_autoptr(PoaActivity) activity = g_list_model_get_item (G_LIST_MODEL (poa_plan_get_activities (plan)), 0);
  const char *names[] = { "calendar", "achieved" };
  guint n = 200;
  g_autofree double *times = g_new (double, n);
  g_autofree double *floors = g_new (double, n);
  g_autofree char *scratch = g_build_filename (dir, "floor.tmp", NULL);
  g_autofree char *name = NULL;
  int fd = g_open (scratch, O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PoaCalendar) calendar = NULL;
      PoaCalendar *old = poa_activity_get_calendar (activity);
      guint month = 1 + i % 12;
      guint achieved = 1 + i % 3;
      guint total = poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED)
                    - poa_calendar_get_achieved (old, month) + achieved;
      GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
      gint64 start;

      calendar = poa_calendar_copy (old);
      poa_calendar_set_month (calendar, month, 2, achieved, NULL);
      g_value_init (&values[0], POA_TYPE_CALENDAR);
      g_value_set_boxed (&values[0], calendar);
      g_value_init (&values[1], G_TYPE_UINT);
      g_value_set_uint (&values[1], total);

      start = g_get_monotonic_time ();
      if (!poa_document_set_values (document, activity, 2, names, values, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      floors[i] = disk_floor_ms (fd);

      g_value_unset (&values[0]);
      g_value_unset (&values[1]);
    }
  close (fd);
  g_unlink (scratch);

  g_print ("record one month, %s activities: median %.3f ms, 95th percentile %.3f ms (%u records); "
           "the disk's floor (8 KB + fdatasync) in alternation: median %.3f ms\n",
           size, bench_median (times, n), bench_percentile (times, n, 95), n, bench_median (floors, n));
  name = g_strdup_printf ("one month recorded, committed (the disk's floor %.2f ms)", bench_median (floors, n));
  bench_result (name, size, bench_median (times, n), 0, "< 2 ms", bench_median (times, n) < 2.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("poa-bench-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "poa.sqlite3", NULL);
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) small = NULL;
  g_autoptr(PoaPlan) big = test_plan_with_activities (100000);
  guint runs = argc > 1 ? CLAMP ((guint)g_ascii_strtoull (argv[1], NULL, 10), 1, 1000) : 20;

  setlocale (LC_ALL, "");

  fill_calendars (big);
  bench_quarterly_report (big, runs);

  store = poa_store_open (path, &error);
  g_assert_no_error (error);
  small = poa_store_load_plan (store, poa_store_resolve_plan (store, 0, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpint (poa_store_insert_plan (store, big, &error), >, 0);
  g_assert_no_error (error);

  bench_record (store, small, "16", dir);
  bench_record (store, big, "100,000", dir);

  g_clear_object (&store);
  bench_remove_dir (dir);
  return 0;
}
