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
 * The whole process is run RUNS times (default 9): median and range of the wall time, and the
 * largest resident set any run reached. The same work is then timed inside this process, to
 * tell loading the plan from the store from writing the workbook.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "poa-activity.h"
#include "poa-default-plan.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "poa-xlsx-export.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, (int (*) (const void *, const void *))compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The default plan with its activities repeated, and numbered, up to @n. */
static PoaPlan *
make_plan (guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PoaPlan) plan = poa_default_plan_new (&error);
  GListStore *activities;
  guint base;

  g_assert_no_error (error);
  activities = poa_plan_get_activities (plan);
  base = g_list_model_get_n_items (G_LIST_MODEL (activities));

  for (guint i = base; i < n; i++)
    {
      g_autoptr(PoaActivity) model = g_list_model_get_item (G_LIST_MODEL (activities), i % base);
      g_autoptr(PoaActivity) copy = poa_activity_copy (model);

      poa_activity_set_number (copy, i + 1);
      g_list_store_append (activities, copy);
    }
  if (n < base)
    g_list_store_splice (activities, n, base - n, NULL, 0);

  return g_steal_pointer (&plan);
}

/* Runs @argv, waits for it; returns its wall time in ms, its processor time (user and system)
 * in ms, which a busy machine disturbs less, and its peak RSS in KiB. */
static double
run_process (char * const *argv,
             double       *cpu_ms,
             long         *max_rss_kib)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    {
      execv (argv[0], argv);
      _exit (127);
    }

  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s exited with status %d", argv[0], status);

  *cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
            (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  *max_rss_kib = usage.ru_maxrss;
  return (g_get_monotonic_time () - start) / 1000.0;
}

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
  g_autofree double *wall = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree double *load = g_new (double, runs);
  g_autofree double *write = g_new (double, runs);
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = make_plan (n);
  GStatBuf st;
  double wall_median;
  long peak = 0;
  gint64 id;

  store = poa_store_open (db, &error);
  g_assert_no_error (error);
  id = poa_store_insert_plan (store, plan, &error);
  g_assert_no_error (error);
  plan_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  {
    char *argv[] = { (char *)binary, (char *)"--db", db, (char *)"--plan", plan_arg,
                     (char *)"export", (char *)"--output", out, NULL };

    /* One run first, so that every measured run finds the files in the page cache. */
    run_process (argv, &cpu[0], &peak);
    for (guint r = 0; r < runs; r++)
      {
        long rss = 0;

        wall[r] = run_process (argv, &cpu[r], &rss);
        peak = MAX (peak, rss);
      }
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

  /* median() sorts: the range is read after it. */
  wall_median = median (wall, runs);
  g_stat (out, &st);
  g_print ("%6u activities: process %6.1f ms median (%.1f to %.1f), CPU %6.1f ms, peak RSS %5.1f MB;"
           " in process: load %6.1f ms, write %6.1f ms; file %.0f KB\n",
           n, wall_median, wall[0], wall[runs - 1], median (cpu, runs), peak / 1024.0,
           median (load, runs), median (write, runs), st.st_size / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 16, 1000, 10000 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  guint runs = 9;

  if (argc < 2)
    {
      g_printerr ("usage: %s POA_BINARY [RUNS]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    runs = MAX (1, atoi (argv[2]));

  dir = g_dir_make_tmp ("poa-bench-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    bench_size (argv[1], dir, sizes[i], runs);

  /* Leave nothing behind. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }

  return 0;
}
