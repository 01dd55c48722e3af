/* poa-metrics.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-metrics"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "poa-activity.h"
#include "poa-metrics.h"
#include "poa-plan.h"

/* What the Indicadores page, the exports and the checks say about a plan's progress: the
 * semáforo of the efficiency index, and how far each activity should be by a date according
 * to its cronograma. Everything here is a pure function of the model and a date, so the
 * window, the PDF and the XLSX agree, and tests can fix the date. */

/**
 * poa_semaforo_for_percent:
 * @percent: an efficiency index, achieved ÷ programmed × 100
 * @green_from: the index from which the semáforo is green
 * @yellow_from: the index from which it is yellow rather than red
 *
 * Thresholds are inclusive: 90 % is green when @green_from is 90. Should the yellow threshold
 * be set above the green one, green wins (`check` warns about such settings).
 */
PoaSemaforo
poa_semaforo_for_percent (double percent,
                          guint  green_from,
                          guint  yellow_from)
{
  if (isnan (percent))
    return POA_SEMAFORO_NONE;

  /* A hair of tolerance, so that 63 of 70 (90 % exactly, or 89.999… in binary) is green. */
  if (percent + 1e-9 >= green_from)
    return POA_SEMAFORO_GREEN;
  if (percent + 1e-9 >= yellow_from)
    return POA_SEMAFORO_YELLOW;
  return POA_SEMAFORO_RED;
}

/**
 * poa_plan_get_semaforo:
 * @percent: (out) (optional): the plan's efficiency index
 *
 * Returns: the semáforo of the plan's Índice de Eficiencia, or %POA_SEMAFORO_NONE when
 *   nothing is programmed.
 */
PoaSemaforo
poa_plan_get_semaforo (PoaPlan *plan,
                       double  *percent)
{
  double index = 0;

  g_return_val_if_fail (POA_IS_PLAN (plan), POA_SEMAFORO_NONE);

  if (!poa_plan_get_efficiency_index (plan, &index))
    {
      if (percent != NULL)
        *percent = 0;
      return POA_SEMAFORO_NONE;
    }

  if (percent != NULL)
    *percent = index;
  return poa_semaforo_for_percent (index,
                                   poa_plan_get_semaforo_green (plan),
                                   poa_plan_get_semaforo_yellow (plan));
}

/**
 * poa_activity_get_semaforo:
 * @plan: the plan whose thresholds apply
 * @percent: (out) (optional): the activity's achieved ÷ programmed × 100
 *
 * Returns: the semáforo of one activity, or %POA_SEMAFORO_NONE when its programmed goal is 0.
 */
PoaSemaforo
poa_activity_get_semaforo (PoaActivity *activity,
                           PoaPlan     *plan,
                           double      *percent)
{
  double value = 0;
  gboolean defined;

  g_return_val_if_fail (POA_IS_ACTIVITY (activity), POA_SEMAFORO_NONE);
  g_return_val_if_fail (POA_IS_PLAN (plan), POA_SEMAFORO_NONE);

  defined = poa_activity_get_achieved_percent (activity, &value);
  if (percent != NULL)
    *percent = value;
  if (!defined)
    return POA_SEMAFORO_NONE;

  return poa_semaforo_for_percent (value,
                                   poa_plan_get_semaforo_green (plan),
                                   poa_plan_get_semaforo_yellow (plan));
}

static const struct {
  const char *label;
  const char *spanish;
  guint32     rgb;
} levels[] = {
  /* GNOME's palette, dark enough to read on white paper: Light 5 grey, Green 5, Yellow 5, Red 4. */
  [POA_SEMAFORO_NONE]   = { N_("No index"),   "Sin índice", 0x9a9996 },
  [POA_SEMAFORO_RED]    = { N_("Critical"),   "Crítico",    0xe01b24 },
  [POA_SEMAFORO_YELLOW] = { N_("At risk"),    "Con riesgo", 0xe5a50a },
  [POA_SEMAFORO_GREEN]  = { N_("Acceptable"), "Aceptable",  0x26a269 },
};

/**
 * poa_semaforo_label:
 *
 * Returns: the level's word in the interface language, to show beside its colour: the
 *   colour alone must never be the only sign.
 */
const char *
poa_semaforo_label (PoaSemaforo level)
{
  g_return_val_if_fail (level <= POA_SEMAFORO_GREEN, "");

  return _(levels[level].label);
}

/**
 * poa_semaforo_label_spanish:
 *
 * Returns: the level's word as the official documents (XLSX, PDF) print it.
 */
const char *
poa_semaforo_label_spanish (PoaSemaforo level)
{
  g_return_val_if_fail (level <= POA_SEMAFORO_GREEN, "");

  return levels[level].spanish;
}

/**
 * poa_semaforo_rgb:
 *
 * Returns: the level's colour as 0xRRGGBB, the same on screen, in the PDF and in the XLSX.
 */
guint32
poa_semaforo_rgb (PoaSemaforo level)
{
  g_return_val_if_fail (level <= POA_SEMAFORO_GREEN, 0);

  return levels[level].rgb;
}

/* How much of @month of @year lies before @date: 0 if the month has not begun, 1 if it is
 * over, else the days of it that have passed, today not counted (today is not over yet). */
static double
month_elapsed (guint        month,
               guint        year,
               const GDate *date)
{
  guint date_year = g_date_get_year (date);
  guint date_month = g_date_get_month (date);

  if (date_year != year)
    return date_year > year ? 1.0 : 0.0;
  if (date_month != month)
    return date_month > month ? 1.0 : 0.0;

  return (double)(g_date_get_day (date) - 1) / g_date_get_days_in_month (month, year);
}

/**
 * poa_months_elapsed_share:
 * @months: the cronograma's months, bit 0 being Enero
 * @year: the plan year
 * @date: the date to measure at, usually today
 * @share: (out): the share of the scheduled months elapsed by @date, from 0 to 1
 *
 * Each scheduled month weighs the same, as the cronograma shows them; the current month counts
 * by the days of it that have passed. On 1 July, an activity scheduled all year is half way;
 * one scheduled March to April is done.
 *
 * Returns: %FALSE when no month is scheduled, and nothing is expected.
 */
gboolean
poa_months_elapsed_share (guint        months,
                          guint        year,
                          const GDate *date,
                          double      *share)
{
  guint count = 0;
  double elapsed = 0;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (share != NULL, FALSE);

  *share = 0;
  for (guint m = 1; m <= 12; m++)
    if (months & (1u << (m - 1)))
      {
        count++;
        elapsed += month_elapsed (m, year, date);
      }

  if (count == 0)
    return FALSE;

  *share = elapsed / count;
  return TRUE;
}

/**
 * poa_activity_get_schedule_status:
 * @year: the plan year
 * @date: the date to measure at
 * @status: (out caller-allocates): where the activity stands
 *
 * Compares what the activity achieved (its meta alcanzada, months and *sin mes* alike) with
 * what should be done by @date. Where the activity's calendar programs months, that is the
 * sum of the goals of the months that have ended by @date: a month's goal falls due at its
 * end. Elsewhere it is the programmed goal times the share of the cronograma's months elapsed,
 * of which only whole goals can be owed, so a goal of 1 due over the year is not late until
 * the year is over.
 *
 * Returns: %FALSE when the activity has no scheduled month, and @status says nothing is
 *   expected.
 */
gboolean
poa_activity_get_schedule_status (PoaActivity       *activity,
                                  guint              year,
                                  const GDate       *date,
                                  PoaScheduleStatus *status)
{
  guint programmed, achieved;
  PoaCalendar *calendar;
  gboolean scheduled;

  g_return_val_if_fail (POA_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  programmed = poa_activity_get_goal (activity, POA_ACTIVITY_PROGRAMMED);
  achieved = poa_activity_get_goal (activity, POA_ACTIVITY_ACHIEVED);

  calendar = poa_activity_get_calendar (activity);
  if (poa_calendar_has_programmed (calendar))
    {
      guint ended = g_date_get_year (date) != year ? (g_date_get_year (date) > year ? 12 : 0)
                                                   : g_date_get_month (date) - 1;
      guint64 due = ended > 0 ? poa_calendar_sum_programmed (calendar, 1, ended) : 0;
      guint64 total = poa_calendar_sum_programmed (calendar, 1, 12);

      status->share = (double)due / total;
      status->expected = (double)due;
      status->expected_whole = (guint)MIN (due, (guint64)POA_GOAL_MAX);
      status->behind = status->expected_whole > achieved ? status->expected_whole - achieved : 0;
      return TRUE;
    }

  scheduled = poa_months_elapsed_share (poa_activity_get_months (activity), year, date,
                                        &status->share);
  status->expected = programmed * status->share;
  /* Rounded down with a hair of tolerance: 20 × 0.75 must owe 15, not 14. */
  status->expected_whole = MIN ((guint)floor (status->expected + 1e-9), programmed);
  status->behind = status->expected_whole > achieved ? status->expected_whole - achieved : 0;

  return scheduled;
}

/**
 * poa_activity_get_progress_state:
 * @plan: the activity's plan: its year and semáforo thresholds
 * @date: the date to measure at, usually today
 * @status: (out caller-allocates) (optional): where the activity stands against its schedule
 * @level: (out) (optional): the activity's semáforo, meaningful for %POA_PROGRESS_DUE
 *
 * Decides which of the two signals an activity's row tells. The semáforo measures the
 * efficiency index against the year's meta; "on schedule / late" measures what was done
 * against what the schedule asks by @date. Early in the year they disagree for every activity
 * (0 % of the meta is "Critical", yet nothing is owed), so the row follows the schedule until
 * the whole meta falls due (its scheduled months have ended, or the plan year has), and the
 * semáforo from then on.
 *
 * Returns: the state the row shows
 */
PoaProgressState
poa_activity_get_progress_state (PoaActivity       *activity,
                                 PoaPlan           *plan,
                                 const GDate       *date,
                                 PoaScheduleStatus *status,
                                 PoaSemaforo       *level)
{
  PoaScheduleStatus own;
  PoaSemaforo semaforo;
  gboolean scheduled;
  gboolean year_over;

  g_return_val_if_fail (POA_IS_ACTIVITY (activity), POA_PROGRESS_UNSCHEDULED);
  g_return_val_if_fail (POA_IS_PLAN (plan), POA_PROGRESS_UNSCHEDULED);
  g_return_val_if_fail (date != NULL && g_date_valid (date), POA_PROGRESS_UNSCHEDULED);

  if (status == NULL)
    status = &own;
  semaforo = poa_activity_get_semaforo (activity, plan, NULL);
  if (level != NULL)
    *level = semaforo;

  scheduled = poa_activity_get_schedule_status (activity, poa_plan_get_year (plan), date, status);
  year_over = g_date_get_year (date) > poa_plan_get_year (plan);

  /* Nothing programmed has no index to grade: the schedule alone speaks, owing nothing. */
  if (semaforo != POA_SEMAFORO_NONE && (year_over || (scheduled && status->share >= 1.0 - 1e-9)))
    return POA_PROGRESS_DUE;
  if (!scheduled)
    return POA_PROGRESS_UNSCHEDULED;
  if (status->behind > 0)
    return POA_PROGRESS_LATE;
  if (status->expected_whole == 0)
    return POA_PROGRESS_NOTHING_DUE;
  return POA_PROGRESS_ON_SCHEDULE;
}

/**
 * poa_progress_state_color_level:
 * @state: what an activity's row tells
 * @level: the activity's semáforo
 *
 * Returns: the level whose colour, icon and word the row wears: the semáforo's once the meta
 *   is due; red when late, green when on schedule; none (neutral grey) when nothing is owed.
 */
PoaSemaforo
poa_progress_state_color_level (PoaProgressState state,
                                PoaSemaforo      level)
{
  switch (state)
    {
    case POA_PROGRESS_DUE:
      return level;
    case POA_PROGRESS_LATE:
      return POA_SEMAFORO_RED;
    case POA_PROGRESS_ON_SCHEDULE:
      return POA_SEMAFORO_GREEN;
    case POA_PROGRESS_UNSCHEDULED:
    case POA_PROGRESS_NOTHING_DUE:
    default:
      return POA_SEMAFORO_NONE;
    }
}

/**
 * poa_plan_count_late:
 * @date: the date to measure at
 *
 * Returns: how many activities achieved fewer whole goals than their cronograma asks by @date.
 */
guint
poa_plan_count_late (PoaPlan     *plan,
                     const GDate *date)
{
  GListModel *activities;
  guint late = 0;

  g_return_val_if_fail (POA_IS_PLAN (plan), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(PoaActivity) activity = g_list_model_get_item (activities, i);
      PoaScheduleStatus status;

      poa_activity_get_schedule_status (activity, poa_plan_get_year (plan), date, &status);
      late += status.behind > 0;
    }

  return late;
}
