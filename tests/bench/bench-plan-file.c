/* bench-plan-file.c — a big plan file in and out: `poa import`, `poa export` to .json and `poa
 * check`, whole processes, beside the Python anchors.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-plan-file POA_BINARY ANCHOR_DIR [RUNS [BEFORE_POA_BINARY]]
 *
 * Issue 21: the default plan's 16 activities repeated to 100,000 (a 76 MB plan file, as today's
 * writer writes it), then the same plan with all twelve months and a justification in every
 * activity (v2, 190 MB). Each figure is the median of RUNS (default 5) runs, in alternation
 * with what it is compared with: `poa import FILE` into a copy of a fresh database beside
 * ANCHOR_DIR/anchor-import.py (Debian's Python: json + sqlite3, one transaction, the same
 * columns); `poa export --output FILE.json` beside ANCHOR_DIR/anchor-export.py; `poa check`
 * (its output read through a pipe, as a script would). Wall time from the spawn, processor
 * time and peak resident set from wait4(). The export must give back the plan file byte for
 * byte. With BEFORE_POA_BINARY (another build, such as main's), each poa row is also measured
 * for it, in the same alternation.
 *
 * The plans are made by this program run again as a child (`--make`): posix_spawn() shares the
 * parent's memory until exec, and the kernel counts the parent's peak in the child's, so a
 * parent that had held the plan would have lent every child its 190 MB.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "poa-activity.h"
#include "poa-calendar.h"
#include "poa-plan-json.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "bench-util.h"
#include "test-plans.h"

#define PYTHON "/usr/bin/python3"
/* `poa check`'s lines counted by wc, through a pipe: $0 the program, $1 the database, $2 the
 * plan. */
#define CHECK_SCRIPT "\"$0\" --db \"$1\" --plan \"$2\" check | wc -l"

typedef struct
{
  double *wall;
  double *cpu;
  gsize   peak_kb;
} Series;

static void
series_add (Series         *series,
            guint           i,
            const BenchRun *run)
{
  series->wall[i] = run->wall_ms;
  series->cpu[i] = run->cpu_ms;
  series->peak_kb = MAX (series->peak_kb, run->peak_kb);
}

static Series
series_new (guint runs)
{
  Series series = { g_new0 (double, runs), g_new0 (double, runs), 0 };
  return series;
}

static void
series_clear (Series *series)
{
  g_free (series->wall);
  g_free (series->cpu);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &data, &length, &error));
  g_assert_true (g_file_set_contents (to, data, length, &error));
}

static void
spawn (char * const *argv,
       int           expected_status,
       BenchRun     *run)
{
  bench_spawn (argv, NULL, run);
  if (run->status != expected_status)
    g_error ("%s exited with %d, not %d", argv[0], run->status, expected_status);
}

static void
report (const char *name,
        const char *size,
        Series     *series,
        guint       runs,
        const char *target,
        gboolean    met)
{
  double cpu = bench_median (series->cpu, runs);
  double wall = bench_median (series->wall, runs);
  g_autofree char *full_size = g_strdup_printf ("%s (processor %.0f ms)", size, cpu);

  g_print ("%s, %s: median %.0f ms, processor %.0f ms, peak %.1f MB\n",
           name, size, wall, cpu, series->peak_kb / 1024.0);
  bench_result (name, full_size, wall, series->peak_kb, target, met);
}

/* The plan of @n activities, with full calendars if @follow_up. */
static PoaPlan *
make_plan (guint    n,
           gboolean follow_up)
{
  PoaPlan *plan = test_plan_with_activities (n);
  GListModel *activities = G_LIST_MODEL (poa_plan_get_activities (plan));

  poa_plan_set_text (plan, POA_PLAN_AREA, follow_up ? "Prueba con meses" : "Prueba de carga");
  for (guint i = 0; follow_up && i < n; i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      g_autoptr(PoaCalendar) calendar = poa_calendar_new ();
      guint achieved = 0;

      for (guint m = 1; m <= 12; m++)
        {
          g_autofree char *note = g_strdup_printf ("Avance del mes %u", m);
          guint done = (i + m) % 4;

          poa_calendar_set_month (calendar, m, 3, done, note);
          achieved += done;
        }
      poa_calendar_set_justification (calendar, 1, "Por debajo de la meta por falta de recursos");
      poa_activity_set_goal (activity, POA_ACTIVITY_PROGRAMMED, 36);
      poa_activity_set_goal (activity, POA_ACTIVITY_ACHIEVED, achieved);
      poa_activity_set_calendar (activity, calendar);
    }

  return plan;
}

/* Compares two files a piece at a time: the parent holds nothing big (see above). */
static gboolean
same_files (const char *a,
            const char *b)
{
  FILE *fa = fopen (a, "rb"), *fb = fopen (b, "rb");
  static char ba[65536], bb[65536];
  gboolean same = fa != NULL && fb != NULL;

  while (same)
    {
      size_t na = fread (ba, 1, sizeof ba, fa), nb = fread (bb, 1, sizeof bb, fb);

      same = na == nb && memcmp (ba, bb, na) == 0;
      if (na == 0 || na < sizeof ba)
        break;
    }
  if (fa != NULL)
    fclose (fa);
  if (fb != NULL)
    fclose (fb);
  return same;
}

/* `--make DIR plain|follow-up`, in a child: the fresh database, one holding the big plan, and
 * the plan file as today's writer writes it; prints the plan's id. */
static int
make_files (const char *dir,
            gboolean    follow_up)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = g_build_filename (dir, "empty.sqlite3", NULL);
  g_autofree char *db = g_build_filename (dir, "plan.sqlite3", NULL);
  g_autofree char *file = g_build_filename (dir, "plan.json", NULL);

  {
    g_autoptr(PoaStore) store = poa_store_open (empty, &error);
    g_assert_no_error (error);
  }
  copy_file (empty, db);
  {
    g_autoptr(PoaStore) store = poa_store_open (db, &error);
    g_autoptr(PoaPlan) plan = make_plan (100000, follow_up);

    g_assert_no_error (error);
    g_assert_cmpint (poa_store_insert_plan (store, plan, &error), >, 0);
    g_assert_true (poa_plan_json_save (plan, file, &error));
    g_print ("%" G_GINT64_FORMAT "\n", poa_plan_get_id (plan));
  }
  return 0;
}

static void
bench_plan (const char *self_path,
            const char *dir,
            const char *poa,
            const char *before,
            const char *anchors,
            const char *label,
            gboolean    follow_up,
            guint       runs)
{
  g_autofree char *empty = g_build_filename (dir, "empty.sqlite3", NULL);
  g_autofree char *db = g_build_filename (dir, "plan.sqlite3", NULL);
  g_autofree char *file = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *run_db = g_build_filename (dir, "run.sqlite3", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *import_py = g_build_filename (anchors, "anchor-import.py", NULL);
  g_autofree char *export_py = g_build_filename (anchors, "anchor-export.py", NULL);
  g_autofree char *id = NULL;
  g_autofree char *size = NULL;
  Series imports = series_new (runs), py_imports = series_new (runs), before_imports = series_new (runs);
  Series exports = series_new (runs), py_exports = series_new (runs), before_exports = series_new (runs);
  Series checks = series_new (runs), before_checks = series_new (runs);
  guint64 n_lines = 0;

  bench_remove_dir (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  {
    char *make[] = { (char *)self_path, (char *)"--make", (char *)dir,
                     (char *)(follow_up ? "follow-up" : "plain"), NULL };
    g_auto(BenchRun) run = { 0 };

    spawn (make, 0, &run);
    id = g_strdup (g_strstrip (run.out));
  }
  {
    GStatBuf info;

    g_assert_cmpint (g_stat (file, &info), ==, 0);
    size = g_strdup_printf ("%s (%.0f MB file)", label, info.st_size / 1e6);
  }

  for (guint i = 0; i <= runs; i++)
    {
      char *poa_import[] = { (char *)poa, (char *)"--db", run_db, (char *)"import", file, NULL };
      char *before_import[] = { (char *)before, (char *)"--db", run_db, (char *)"import", file, NULL };
      char *py_import[] = { (char *)PYTHON, import_py, run_db, file, NULL };
      char *poa_export[] = { (char *)poa, (char *)"--db", db, (char *)"--plan", id, (char *)"export",
                             (char *)"--output", out, NULL };
      char *before_export[] = { (char *)before, (char *)"--db", db, (char *)"--plan", id, (char *)"export",
                                (char *)"--output", out, NULL };
      char *py_export[] = { (char *)PYTHON, export_py, db, id, out, NULL };
      /* Read through a pipe by another process, as a script reads it; the parent must not take
       * the lines itself (see above): it gets their count. */
      char *poa_check[] = { (char *)"/bin/sh", (char *)"-c", (char *)CHECK_SCRIPT, (char *)poa, db, id, NULL };
      char *before_check[] = { (char *)"/bin/sh", (char *)"-c", (char *)CHECK_SCRIPT, (char *)before, db, id, NULL };
      /* The first round only warms the caches. */
      guint k = i > 0 ? i - 1 : 0;

      {
        g_auto(BenchRun) run = { 0 };

        copy_file (empty, run_db);
        spawn (poa_import, 0, &run);
        series_add (&imports, k, &run);
      }
      {
        g_auto(BenchRun) run = { 0 };

        copy_file (empty, run_db);
        spawn (py_import, 0, &run);
        series_add (&py_imports, k, &run);
      }
      if (before != NULL)
        {
          g_auto(BenchRun) run = { 0 };

          copy_file (empty, run_db);
          spawn (before_import, 0, &run);
          series_add (&before_imports, k, &run);
        }

      {
        g_auto(BenchRun) run = { 0 };

        spawn (poa_export, 0, &run);
        series_add (&exports, k, &run);
        if (!same_files (out, file))
          g_error ("the export of %s differs from the plan file", label);
      }
      {
        g_auto(BenchRun) run = { 0 };

        spawn (py_export, 0, &run);
        series_add (&py_exports, k, &run);
      }
      if (before != NULL)
        {
          g_auto(BenchRun) run = { 0 };

          spawn (before_export, 0, &run);
          series_add (&before_exports, k, &run);
        }

      {
        g_auto(BenchRun) run = { 0 };

        spawn (poa_check, 0, &run);
        series_add (&checks, k, &run);
        n_lines = g_ascii_strtoull (run.out, NULL, 10);
        g_assert_cmpuint (n_lines, >, 0);
      }
      if (before != NULL)
        {
          g_auto(BenchRun) run = { 0 };

          spawn (before_check, 0, &run);
          series_add (&before_checks, k, &run);
          /* Both print the same findings. */
          g_assert_cmpuint (g_ascii_strtoull (run.out, NULL, 10), ==, n_lines);
        }
    }

  {
    double poa_import_ms = bench_median (imports.wall, runs);
    double py_import_ms = bench_median (py_imports.wall, runs);
    double poa_export_ms = bench_median (exports.wall, runs);
    double check_ms = bench_median (checks.wall, runs);
    g_autofree char *import_name = g_strdup_printf ("import, whole process (%.2f× the Python anchor)",
                                                    poa_import_ms / py_import_ms);
    g_autofree char *export_name = g_strdup_printf ("export to .json, whole process (%.2f× the Python anchor)",
                                                    poa_export_ms / bench_median (py_exports.wall, runs));

    report (import_name, size, &imports, runs, follow_up ? NULL : "≤ 2 s, ≤ 250 MB, ≤ Python",
            poa_import_ms <= 2000 && imports.peak_kb <= 250 * 1024 && poa_import_ms <= py_import_ms);
    report ("import, Python anchor (json + sqlite3)", size, &py_imports, runs, NULL, TRUE);
    if (before != NULL)
      report ("import, before (the other build)", size, &before_imports, runs, NULL, TRUE);
    report (export_name, size, &exports, runs, follow_up ? NULL : "≤ 1 s, ≤ 150 MB",
            poa_export_ms <= 1000 && exports.peak_kb <= 150 * 1024);
    report ("export, Python anchor (sqlite3 + json)", size, &py_exports, runs, NULL, TRUE);
    if (before != NULL)
      report ("export, before (the other build)", size, &before_exports, runs, NULL, TRUE);
    report ("check, whole process, output through a pipe", size, &checks, runs,
            follow_up ? NULL : "≤ 0.5 s", check_ms <= 500);
    if (before != NULL)
      report ("check, before (the other build)", size, &before_checks, runs, NULL, TRUE);
  }

  series_clear (&imports); series_clear (&py_imports); series_clear (&before_imports);
  series_clear (&exports); series_clear (&py_exports); series_clear (&before_exports);
  series_clear (&checks); series_clear (&before_checks);
  bench_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  const char *before;
  guint runs;

  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], "--make"))
    return make_files (argv[2], g_str_equal (argv[3], "follow-up"));
  if (argc < 3)
    {
      g_printerr ("usage: bench-plan-file POA_BINARY ANCHOR_DIR [RUNS [BEFORE_POA_BINARY]]\n");
      return 2;
    }
  runs = argc > 3 ? CLAMP ((guint)g_ascii_strtoull (argv[3], NULL, 10), 1, 50) : 5;
  before = argc > 4 ? argv[4] : NULL;

  dir = g_dir_make_tmp ("poa-bench-plan-file-XXXXXX", NULL);
  bench_plan (argv[0], dir, argv[1], before, argv[2], "100,000", FALSE, runs);
  bench_plan (argv[0], dir, argv[1], before, argv[2], "100,000 with 12 months each", TRUE, MAX (runs / 2, 1));
  g_rmdir (dir);
  return 0;
}
