/* poa-time-scale.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a plan year lies on the x axis: its first day starts at @x, the day after its last
 * day at @x + @width, each day as wide as the others. */
typedef struct
{
  guint  year;
  double x;
  double width;
} PoaTimeScale;

int      poa_time_scale_days_in_year (guint               year);
double   poa_time_scale_x_for_day    (const PoaTimeScale *scale,
                                      int                 day);
double   poa_time_scale_x_for_date   (const PoaTimeScale *scale,
                                      const GDate        *date);
double   poa_time_scale_x_after_date (const PoaTimeScale *scale,
                                      const GDate        *date);
double   poa_time_scale_x_for_month  (const PoaTimeScale *scale,
                                      guint               month);
guint    poa_time_scale_month_at     (const PoaTimeScale *scale,
                                      double              x);
gboolean poa_time_scale_date_at      (const PoaTimeScale *scale,
                                      double              x,
                                      GDate              *date);

G_END_DECLS
