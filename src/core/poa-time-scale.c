/* poa-time-scale.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-time-scale"

#include "config.h"

#include <math.h>

#include "poa-time-scale.h"

/* Where the days and months of a plan year lie on a drawing's x axis, and back: the cronograma
 * draws its bars, months and marks through it, and the window's Gantt view finds the month
 * under the pointer with it. Each day is as wide as the others, so a month's width follows its
 * days. */

/**
 * poa_time_scale_days_in_year:
 *
 * Returns: how many days @year has: 365, or 366 in a leap year.
 */
int
poa_time_scale_days_in_year (guint year)
{
  return g_date_is_leap_year (year) ? 366 : 365;
}

/* Days from the 1st of January of @year to @date; negative before it. */
static int
day_in_year (guint        year,
             const GDate *date)
{
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, year);
  return (int)g_date_get_julian (date) - (int)g_date_get_julian (&first);
}

/**
 * poa_time_scale_x_for_day:
 * @day: days after the 1st of January (0 for the 1st itself); may fall outside the year
 *
 * Returns: where that day starts.
 */
double
poa_time_scale_x_for_day (const PoaTimeScale *scale,
                          int                 day)
{
  g_return_val_if_fail (scale != NULL, 0);

  return scale->x + scale->width * day / poa_time_scale_days_in_year (scale->year);
}

/**
 * poa_time_scale_x_for_date:
 *
 * Returns: where @date starts, left of the year for a date before it, right of it after.
 */
double
poa_time_scale_x_for_date (const PoaTimeScale *scale,
                           const GDate        *date)
{
  g_return_val_if_fail (scale != NULL, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return poa_time_scale_x_for_day (scale, day_in_year (scale->year, date));
}

/**
 * poa_time_scale_x_after_date:
 *
 * Returns: where @date ends: an end date's mark goes after its whole day.
 */
double
poa_time_scale_x_after_date (const PoaTimeScale *scale,
                             const GDate        *date)
{
  g_return_val_if_fail (scale != NULL, 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return poa_time_scale_x_for_day (scale, day_in_year (scale->year, date) + 1);
}

/**
 * poa_time_scale_x_for_month:
 * @month: 1 (Enero) to 12, or 13 for the end of the year
 *
 * Returns: where the month starts.
 */
double
poa_time_scale_x_for_month (const PoaTimeScale *scale,
                            guint               month)
{
  GDate first;

  g_return_val_if_fail (scale != NULL, 0);
  g_return_val_if_fail (month >= 1 && month <= 13, 0);

  if (month == 13)
    return scale->x + scale->width;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, scale->year);
  return poa_time_scale_x_for_date (scale, &first);
}

/**
 * poa_time_scale_date_at:
 * @date: (out caller-allocates): the day at @x
 *
 * Returns: %TRUE if @x falls in the year.
 */
gboolean
poa_time_scale_date_at (const PoaTimeScale *scale,
                        double              x,
                        GDate              *date)
{
  int days, day;

  g_return_val_if_fail (scale != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (scale->width <= 0)
    return FALSE;

  days = poa_time_scale_days_in_year (scale->year);
  day = (int)floor ((x - scale->x) * days / scale->width);
  if (x < scale->x || day >= days)
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_JANUARY, scale->year);
  g_date_add_days (date, (guint)day);
  return TRUE;
}

/**
 * poa_time_scale_month_at:
 *
 * Returns: the month (1 to 12) at @x, or 0 outside the year.
 */
guint
poa_time_scale_month_at (const PoaTimeScale *scale,
                         double              x)
{
  GDate date;

  g_return_val_if_fail (scale != NULL, 0);

  if (!poa_time_scale_date_at (scale, x, &date))
    return 0;

  return g_date_get_month (&date);
}
