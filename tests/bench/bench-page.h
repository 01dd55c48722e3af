/* bench-page.h — what the benchmarks of one window page share: a store in a folder of its own
 * and the page presented in a window.
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-store.h"
#include "poa-types.h"

G_BEGIN_DECLS

typedef struct
{
  char      *dir;
  char      *db;
  PoaStore  *store;   /* the pages' documents come from it; the benchmarks never edit */
  GtkWidget *window;
  GtkWidget *page;
} BenchPage;

void bench_page_open  (BenchPage *self,
                       GType      page_type);
void bench_page_close (BenchPage *self);

PoaPlan *bench_plan_with_long_texts (guint n_activities);

/* Where a frame's processor time went, in ms (bench_page_scroll_frame()). */
typedef struct
{
  double bind;      /* the adjustment's change: GTK binds the rows brought into view */
  double layout;    /* the clock's update and layout phases */
  double paint;
  double rest;      /* events and idles before the frame, after-paint */
} BenchFramePhases;

void bench_page_scroll_frame (GtkWidget        *widget,
                              GtkAdjustment    *adjustment,
                              double            value,
                              double           *wall_ms,
                              double           *cpu_ms,
                              BenchFramePhases *phases);

G_END_DECLS
