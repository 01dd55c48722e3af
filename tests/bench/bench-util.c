/* bench-util.c — what the benchmarks share.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RUSAGE_THREAD, and environ from unistd.h */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-util.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Sorts @values. */
double
bench_median (double *values,
              guint   n)
{
  g_assert (n > 0);

  qsort (values, n, sizeof values[0], compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Sorts @values. */
double
bench_percentile (double *values,
                  guint   n,
                  guint   percent)
{
  g_assert (n > 0);

  qsort (values, n, sizeof values[0], compare_doubles);
  return values[MIN (n - 1, n * percent / 100)];
}

void
bench_run_clear (BenchRun *run)
{
  g_clear_pointer (&run->out, g_free);
}

/* Runs @argv with the variables of @envp_extra added, collects its standard output, and
 * measures it: wall time from just before the spawn (the monotonic clock, which the program
 * may also print), processor time and peak RSS from wait4(). */
void
bench_spawn (char * const *argv,
             char * const *envp_extra,
             BenchRun     *run)
{
  g_autoptr(GPtrArray) env = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  int pipe_fds[2];
  gint64 start;
  pid_t pid;
  char buffer[4096];
  ssize_t n;
  int status = 0;

  for (char **e = environ; *e != NULL; e++)
    g_ptr_array_add (env, *e);
  for (guint i = 0; envp_extra != NULL && envp_extra[i] != NULL; i++)
    g_ptr_array_add (env, envp_extra[i]);
  g_ptr_array_add (env, NULL);

  g_assert_cmpint (pipe (pipe_fds), ==, 0);
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose (&actions, pipe_fds[0]);

  start = g_get_monotonic_time ();
  if (posix_spawn (&pid, argv[0], &actions, NULL, argv, (char **)env->pdata) != 0)
    g_error ("cannot run %s: %s", argv[0], g_strerror (errno));
  close (pipe_fds[1]);
  posix_spawn_file_actions_destroy (&actions);

  while ((n = read (pipe_fds[0], buffer, sizeof buffer)) > 0)
    g_string_append_len (out, buffer, n);
  close (pipe_fds[0]);

  if (wait4 (pid, &status, 0, &usage) != pid)
    g_error ("wait4: %s", g_strerror (errno));

  run->wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  run->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  run->peak_kb = (gsize)usage.ru_maxrss;
  run->status = WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status);
  run->out = g_string_free (g_steal_pointer (&out), FALSE);
  run->start_us = start;
}

/* The processor time of the calling thread, in milliseconds: the window's own work, apart from
 * the wait for a core on a shared machine.
 *
 * From the thread's CPU clock, exact to the nanosecond. getrusage (RUSAGE_THREAD), used until
 * round 7, counts the time run only up to the last scheduler tick or switch of thread (every
 * 4 ms on this machine's kernel): a frame of 13 ms read 12, 16 or 20, which the medians
 * averaged out and the 95th percentiles did not. */
double
bench_thread_cpu_ms (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    g_error ("clock_gettime (CLOCK_THREAD_CPUTIME_ID): %s", g_strerror (errno));
  return now.tv_sec * 1000.0 + now.tv_nsec / 1.0e6;
}

/* @runs runs of @argv after one unmeasured (the disk cache warmed), each of which must succeed:
 * their wall and processor times in @wall and @cpu (@runs each), the largest peak RSS in @peak.
 * @remove_first, if not NULL, is removed before each run (an output the program refuses to
 * overwrite). */
void
bench_spawn_runs (char * const *argv,
                  const char   *remove_first,
                  guint         runs,
                  double       *wall,
                  double       *cpu,
                  gsize        *peak)
{
  *peak = 0;
  for (guint r = 0; r <= runs; r++)
    {
      g_auto(BenchRun) run = { 0 };

      if (remove_first != NULL)
        g_unlink (remove_first);
      bench_spawn (argv, NULL, &run);
      g_assert_cmpint (run.status, ==, 0);
      if (r == 0)
        continue;
      wall[r - 1] = run.wall_ms;
      cpu[r - 1] = run.cpu_ms;
      *peak = MAX (*peak, run.peak_kb);
    }
}

/* From the run's start to the first frame its window painted, in ms: the program prints the
 * monotonic clock as `first-frame T` when POA_REPORT_FIRST_FRAME is set. */
double
bench_first_frame_ms (const BenchRun *run)
{
  const char *line = strstr (run->out, "first-frame ");

  if (line == NULL)
    g_error ("the program reported no first frame (exit status %d)", run->status);

  return (g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10) - run->start_us) / 1000.0;
}

/* One line of the table build-aux/bench.sh prints; tab-separated, read by that script. */
void
bench_result (const char *name,
              const char *size,
              double      median_ms,
              gsize       peak_kb,
              const char *target,
              gboolean    met)
{
  g_print ("RESULT\t%s\t%s\t%.2f\t%.1f\t%s\t%s\n",
           name, size, median_ms, peak_kb / 1024.0, target ? target : "",
           target == NULL ? "" : met ? "met" : "NOT MET");
}

/* Prints the median and the 95th percentile of @times, in milliseconds; sorts @times. The
 * median is the figure to compare: the machine's other work shows in the percentile. At
 * 100,000 activities a frame should take under 4 ms. */
void
bench_report (const char *name,
              guint       n_activities,
              double     *times,
              guint       n_frames)
{
  g_autofree char *size = g_strdup_printf ("%u (95th percentile %.2f ms)", n_activities,
                                           bench_percentile (times, n_frames, 95));
  double median = bench_median (times, n_frames);

  g_print ("%7u activities: median %.2f ms, 95th percentile %.2f ms per frame (%u frames)\n",
           n_activities, median, bench_percentile (times, n_frames, 95), n_frames);
  bench_result (name, size, median, 0,
                n_activities == 100000 ? "< 4 ms per frame" : NULL, median < 4);
}

/* Removes a benchmark's scratch folder and what is in it (one level deep). */
void
bench_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

/**
 * bench_first_frames:
 *
 * Runs @program_argv and @empty_argv in alternation, @runs + 1 times each, with
 * POA_REPORT_FIRST_FRAME=quit: the first round only warms the cache. Fills @program and @empty
 * (@runs each) with their first frames' times from process start, and the peaks with the
 * largest resident sets.
 */
void
bench_first_frames (char * const *program_argv,
                    char * const *empty_argv,
                    guint         runs,
                    double       *program,
                    double       *empty,
                    gsize        *program_peak,
                    gsize        *empty_peak)
{
  char *env[] = { (char *)"POA_REPORT_FIRST_FRAME=quit", NULL };

  *program_peak = *empty_peak = 0;
  for (guint i = 0; i <= runs; i++)
    {
      g_auto(BenchRun) a = { 0 };
      g_auto(BenchRun) b = { 0 };

      bench_spawn (program_argv, env, &a);
      bench_spawn (empty_argv, env, &b);
      if (i == 0)
        continue;

      program[i - 1] = bench_first_frame_ms (&a);
      empty[i - 1] = bench_first_frame_ms (&b);
      *program_peak = MAX (*program_peak, a.peak_kb);
      *empty_peak = MAX (*empty_peak, b.peak_kb);
    }
}
