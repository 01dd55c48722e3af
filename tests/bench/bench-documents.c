/* bench-documents.c — how long `poa export --output FILE.pdf` (the whole POA) takes, for the
 * default plan and for plans of 2,500, 5,000 and 10,000 activities, and what LibreOffice takes
 * to turn the same plan's workbook into a PDF (`soffice --headless --convert-to pdf`), the
 * office's way today. A benchmark, not a test: it prints figures.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-documents POA_BINARY [RUNS]
 *
 * Each size gets a database holding the default plan's activities repeated up to that size.
 * The process is run RUNS times (default 9; 3 past 1,000 activities) after one unmeasured
 * run: median wall and processor time (user + system), the largest resident set, and the
 * pages, to see them grow linearly. LibreOffice converts the workbook `poa export` writes for
 * the same plan, three times, after one unmeasured run (its start-up, profile included).
 */

#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "poa-pages.h"
#include "poa-plan-pages.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "bench-util.h"
#include "test-plans.h"

static guint
count_pages (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *p;
  gsize length;
  guint n = 0;

  /* One "/Type /Page" object a page (and "/Type /Pages" for the tree); LibreOffice writes
   * "/Type/Page". memmem: the PDF's streams hold NUL bytes. */
  if (!g_file_get_contents (path, &contents, &length, &error))
    return 0;
  for (p = contents; (p = memmem (p, (gsize)(contents + length - p), "/Type", 5)) != NULL; p++)
    {
      const char *q = p + 5;

      while (q < contents + length && *q == ' ')
        q++;
      n += contents + length - q > 5 && memcmp (q, "/Page", 5) == 0 && q[5] != 's';
    }
  return n;
}

static double poa_wall_10000;

static double
bench_size (const char *binary,
            const char *dir,
            guint       n,
            guint       runs,
            guint      *n_pages,
            double     *wall_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_strdup_printf ("%s/poa-%u.sqlite3", dir, n);
  g_autofree char *out = g_strdup_printf ("%s/poa-%u.pdf", dir, n);
  g_autofree char *plan_arg = NULL;
  g_autofree char *size = NULL;
  g_autofree double *wall = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autoptr(PoaStore) store = NULL;
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n);
  double cpu_median;
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

  *n_pages = count_pages (out);
  *wall_out = bench_median (wall, runs);
  cpu_median = bench_median (cpu, runs);
  g_print ("%6u activities: %5u pages, process %8.1f ms median wall, %8.1f ms processor, "
           "%.2f ms a page, peak RSS %5.1f MB\n",
           n, *n_pages, bench_median (wall, runs), cpu_median, cpu_median / MAX (*n_pages, 1), peak / 1024.0);

  size = g_strdup_printf ("%u (%u pages, %.2f ms a page)", n, *n_pages, cpu_median / MAX (*n_pages, 1));
  if (n == 16)
    bench_result ("pdf: poa export, whole POA, processor time", size, cpu_median, peak,
                  "< 150 ms", cpu_median < 150);
  else
    bench_result ("pdf: poa export, whole POA, processor time", size, cpu_median, peak, NULL, TRUE);

  return cpu_median;
}

/* LibreOffice converting the workbook of the same plan: what the office does today. */
static double lo_wall;

static double
bench_libreoffice (const char *binary,
                   const char *dir,
                   guint       n,
                   guint       runs)
{
  g_autofree char *db = g_strdup_printf ("%s/poa-%u.sqlite3", dir, n);
  g_autofree char *xlsx = g_strdup_printf ("%s/poa-%u.xlsx", dir, n);
  g_autofree char *outdir = g_strdup_printf ("%s/soffice", dir);
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);
  g_autofree char *pdf = g_strdup_printf ("%s/poa-%u.pdf", outdir, n);
  g_autofree char *program = g_find_program_in_path ("soffice");
  g_autofree double *wall = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree char *size = NULL;
  double wall_median;
  guint pages;
  gsize peak = 0;

  if (program == NULL)
    {
      g_print ("soffice is not installed: no LibreOffice figure\n");
      return 0;
    }

  {
    char *argv[] = { (char *)binary, (char *)"--db", db, (char *)"export", (char *)"--output", xlsx, NULL };
    g_auto(BenchRun) run = { 0 };

    bench_spawn (argv, NULL, &run);
    g_assert_cmpint (run.status, ==, 0);
  }

  {
    char *argv[] = { program, profile, (char *)"--headless", (char *)"--convert-to", (char *)"pdf",
                     (char *)"--outdir", outdir, xlsx, NULL };

    bench_spawn_runs (argv, NULL, runs, wall, cpu, &peak);
  }

  wall_median = bench_median (wall, runs);
  lo_wall = wall_median;
  pages = count_pages (pdf);
  g_print ("%6u activities: LibreOffice, workbook to PDF: %5u pages, %8.1f ms median wall, "
           "%8.1f ms processor, peak RSS %5.1f MB\n",
           n, pages, wall_median, bench_median (cpu, runs), peak / 1024.0);
  size = g_strdup_printf ("%u (%u pages)", n, pages);
  bench_result ("pdf: LibreOffice converting the workbook, processor time", size,
                bench_median (cpu, runs), peak, NULL, TRUE);

  return bench_median (cpu, runs);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 16, 2500, 5000, 10000 };
  g_autofree char *dir = g_dir_make_tmp ("bench-documents-XXXXXX", NULL);
  guint runs = argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 9;
  double poa_10000 = 0, lo_10000, wall;
  double per_page[G_N_ELEMENTS (sizes)];
  guint pages;

  if (argc < 2)
    {
      g_printerr ("Usage: bench-documents POA_BINARY [RUNS]\n");
      return 2;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      double ms = bench_size (argv[1], dir, sizes[i], sizes[i] > 1000 ? MIN (runs, 3) : runs, &pages, &wall);

      per_page[i] = ms / MAX (pages, 1);
      if (sizes[i] == 10000)
        {
          poa_10000 = ms;
          poa_wall_10000 = wall;
        }
    }
  g_print ("processor time a page: %.2f ms at 2,500, %.2f at 5,000, %.2f at 10,000 activities\n",
           per_page[1], per_page[2], per_page[3]);

  lo_10000 = bench_libreoffice (argv[1], dir, 10000, MIN (runs, 3));
  if (lo_10000 > 0)
    {
      g_autofree char *size = g_strdup_printf ("10000 (processor: POA %.0f ms, LibreOffice %.0f ms; "
                                               "walls %.0f and %.0f ms)", poa_10000, lo_10000,
                                               poa_wall_10000, lo_wall);

      /* The figure is the ratio of the processor times, in percent: on a shared machine the
       * walls measure the others' load too; both are printed. */
      bench_result ("pdf: POA ÷ LibreOffice processor time, %", size, poa_10000 / lo_10000 * 100, 0,
                    "< 100 (ahead of LibreOffice)", poa_10000 < lo_10000);
    }

  bench_remove_dir (dir);
  return 0;
}
