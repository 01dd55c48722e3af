/* bench-util.c — what the benchmarks share.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "bench-util.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Prints the median and the 95th percentile of @times, in milliseconds; sorts @times. The
 * median is the figure to compare: the machine's other work shows in the percentile. */
void
bench_report (guint   n_activities,
              double *times,
              guint   n_frames)
{
  qsort (times, n_frames, sizeof times[0], compare_doubles);
  g_print ("%7u activities: median %.2f ms, 95th percentile %.2f ms per frame (%u frames)\n",
           n_activities, times[n_frames / 2], times[n_frames * 95 / 100], n_frames);
}
