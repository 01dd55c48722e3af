/* bench-util.h — what the benchmarks share.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One process run: wall time from just before it started, and its peak resident set. */
typedef struct
{
  double  wall_ms;
  double  cpu_ms;
  gsize   peak_kb;
  int     status;
  char   *out;
  gint64  start_us;
} BenchRun;

void   bench_run_clear  (BenchRun        *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BenchRun, bench_run_clear)

double bench_median     (double          *values,
                         guint            n);
double bench_percentile (double          *values,
                         guint            n,
                         guint            percent);
void   bench_spawn      (char * const    *argv,
                         char * const    *envp_extra,
                         BenchRun        *run);
void   bench_spawn_runs (char * const    *argv,
                         const char      *remove_first,
                         guint            runs,
                         double          *wall,
                         double          *cpu,
                         gsize           *peak);
double bench_thread_cpu_ms (void);
double bench_first_frame_ms (const BenchRun *run);
void   bench_first_frames (char * const   *program_argv,
                           char * const   *empty_argv,
                           guint           runs,
                           double         *program,
                           double         *empty,
                           gsize          *program_peak,
                           gsize          *empty_peak);
void   bench_result     (const char      *name,
                         const char      *size,
                         double           median_ms,
                         gsize            peak_kb,
                         const char      *target,
                         gboolean         met);
void   bench_remove_dir (const char      *path);
void   bench_report     (const char      *name,
                         guint            n_activities,
                         double          *times,
                         guint            n_frames);

G_END_DECLS
