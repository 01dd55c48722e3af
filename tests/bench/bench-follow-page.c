/* bench-follow-page.c — Seguimiento's capture grid: the first frame of a plan, and a scroll to
 * its middle, for 16 and 100,000 activities, inside one process.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `meson test -C build --benchmark --verbose` runs it under a display. Besides the
 * times (wall clock and the main thread's CPU) it counts the page's entries that exist: the
 * note's and the one of the cell being edited, for 16 activities as for 100,000 (the month
 * cells are drawn, and the report's rows are made when the report is shown).
 */

#define _GNU_SOURCE

#include "config.h"

#include <locale.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "poa-document.h"
#include "poa-follow-page.h"
#include "poa-plan.h"
#include "poa-store.h"
#include "bench-page.h"
#include "bench-util.h"
#include "test-plans.h"
#include "test-ui-util.h"

/* The store the page's documents come from, and the page in its window. */
static BenchPage setup;

static guint
count_entries (GtkWidget *widget)
{
  guint n = GTK_IS_ENTRY (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_entries (child);

  return n;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* The main thread's CPU time, in ms: on a machine shared with other work, the wall-clock
 * figures wander with the load, these much less. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static double
wait_for_paint (GtkWidget *widget,
                gint64     start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench (GtkWidget *page,
       guint      n_activities)
{
  g_autoptr(PoaPlan) plan = test_plan_with_activities (n_activities);
  g_autoptr(PoaDocument) document = NULL;
  g_autofree char *size = NULL;
  GtkWidget *grid = test_ui_find_widget (page, GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  double first, scroll, first_cpu, scroll_cpu;
  gint64 start;
  guint entries_first, entries_scrolled;

  poa_plan_set_id (plan, 1);
  document = poa_document_new (setup.store, plan);

  /* From before the document is set: setting it makes the grid's rows, most of the work. */
  start = g_get_monotonic_time ();
  first_cpu = cpu_ms ();
  g_object_set (page, "document", document, NULL);
  first = wait_for_paint (page, start);
  first_cpu = cpu_ms () - first_cpu;
  test_ui_wait_for_frames (page, 2);
  entries_first = count_entries (page);

  scroll_cpu = cpu_ms ();
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  scroll = wait_for_paint (page, g_get_monotonic_time ());
  scroll_cpu = cpu_ms () - scroll_cpu;
  test_ui_wait_for_frames (page, 2);
  entries_scrolled = count_entries (page);

  g_object_set (page, "document", NULL, NULL);
  test_ui_wait_for_frames (page, 2);

  g_print ("%7u activities: first frame %.1f ms (CPU %.1f ms), %u entries; scrolled to the middle %.1f ms (CPU %.1f ms), %u entries\n",
           n_activities, first, first_cpu, entries_first, scroll, scroll_cpu, entries_scrolled);
  size = g_strdup_printf ("%u (%u entries made, %u after the scroll; scroll %.1f ms)",
                          n_activities, entries_first, entries_scrolled, scroll);
  bench_result ("follow-up capture grid: plan to first frame", size, first, 0, NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bench_page_open (&setup, POA_TYPE_FOLLOW_PAGE);

  bench (setup.page, 16);
  bench (setup.page, 100000);

  bench_page_close (&setup);
  return 0;
}
