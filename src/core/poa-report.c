/* poa-report.c
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "poa-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "poa-activity-private.h"
#include "poa-calendar.h"
#include "poa-plan.h"
#include "poa-report.h"

/* The quarterly *avance de metas*. Figures only, computed from the months; nothing here is
 * stored. A 100,000-activity plan with full calendars is computed in a few milliseconds (see
 * tests/bench/bench-report.c), so the report is always computed afresh. */

struct _PoaReport
{
  guint          quarter;
  GArray        *lines;
  PoaReportLine  totals;
};

/* The key the command line prints, the label in the interface language, and the words of the
 * signed documents (the PDF and the workbook), in the official Spanish whatever the language. */
static const struct {
  const char *key;
  const char *label;
  const char *official;
} statuses[] = {
  [POA_REPORT_WITHIN]         = { "within",         N_("Within the band"),  "Dentro del rango" },
  [POA_REPORT_BELOW]          = { "below",          N_("Below the band"),   "Por debajo del rango" },
  [POA_REPORT_ABOVE]          = { "above",          N_("Above the band"),   "Por encima del rango" },
  [POA_REPORT_UNCALENDARIZED] = { "uncalendarized", N_("Not calendarized"), "Sin calendarizar" },
};

static const char *const official_quarters[] = {
  NULL,
  "Primer trimestre (enero – marzo)",
  "Segundo trimestre (abril – junio)",
  "Tercer trimestre (julio – septiembre)",
  "Cuarto trimestre (octubre – diciembre)",
};

/**
 * poa_report_status_official:
 *
 * Returns: the status as the signed documents write it, in the official Spanish ("Dentro del
 *   rango"…) whatever the interface language: a word, so that it never rests on colour.
 */
const char *
poa_report_status_official (PoaReportStatus status)
{
  g_return_val_if_fail (status <= POA_REPORT_UNCALENDARIZED, NULL);

  return statuses[status].official;
}

/**
 * poa_report_quarter_official:
 * @quarter: 1 to 4
 *
 * Returns: the quarter's heading in the signed documents: "Primer trimestre (enero – marzo)"…
 */
const char *
poa_report_quarter_official (guint quarter)
{
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  return official_quarters[quarter];
}

/**
 * poa_report_status_key:
 *
 * Returns: the status as the command line prints it: `within`, `below`, `above`,
 *   `uncalendarized`.
 */
const char *
poa_report_status_key (PoaReportStatus status)
{
  g_return_val_if_fail (status <= POA_REPORT_UNCALENDARIZED, NULL);

  return statuses[status].key;
}

/**
 * poa_report_status_label:
 *
 * Returns: the status in the interface language, for a reader: never a colour alone.
 */
const char *
poa_report_status_label (PoaReportStatus status)
{
  g_return_val_if_fail (status <= POA_REPORT_UNCALENDARIZED, NULL);

  return _(statuses[status].label);
}

/**
 * poa_report_quarter_ended:
 * @year: the plan year
 * @quarter: 1 to 4
 * @today: the date to judge on
 *
 * Returns: whether the quarter's last day is before @today.
 */
gboolean
poa_report_quarter_ended (guint        year,
                          guint        quarter,
                          const GDate *today)
{
  guint today_year, today_month;

  g_return_val_if_fail (quarter >= 1 && quarter <= 4, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  today_year = g_date_get_year (today);
  today_month = g_date_get_month (today);
  if (today_year != year)
    return today_year > year;
  return today_month > quarter * 3;
}

/**
 * poa_report_current_quarter:
 *
 * Returns: the quarter of @today within @year: 1 before the year, 4 after it.
 */
guint
poa_report_current_quarter (guint        year,
                            const GDate *today)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), 1);

  if (g_date_get_year (today) != year)
    return g_date_get_year (today) < year ? 1 : 4;
  return (g_date_get_month (today) - 1) / 3 + 1;
}

static void
compute_variances (PoaReportLine *line)
{
  line->quarter_variance = (gint64)line->quarter_achieved - (gint64)line->quarter_programmed;
  line->accumulated_variance = (gint64)line->accumulated_achieved - (gint64)line->accumulated_programmed;

  line->has_quarter_percent = line->quarter_programmed > 0;
  line->quarter_variance_percent =
    line->has_quarter_percent ? 100.0 * line->quarter_variance / line->quarter_programmed : 0.0;

  line->has_accumulated_percent = line->accumulated_programmed > 0;
  line->accumulated_variance_percent =
    line->has_accumulated_percent ? 100.0 * line->accumulated_variance / line->accumulated_programmed : 0.0;
  line->accumulated_achievement_percent =
    line->has_accumulated_percent ? 100.0 * line->accumulated_achieved / line->accumulated_programmed : 0.0;
}

/* Against the band in whole numbers, so that 90 % exactly is within: achieved × 100 compared
 * with programmed × the band's ends. Nothing programmed to date: within when nothing was
 * achieved either (nothing was due), above otherwise. */
static PoaReportStatus
band_status (guint64 programmed,
             guint64 achieved,
             guint   low,
             guint   high)
{
  if (achieved * 100 < programmed * low)
    return POA_REPORT_BELOW;
  if (achieved * 100 > programmed * high)
    return POA_REPORT_ABOVE;
  return POA_REPORT_WITHIN;
}

/**
 * poa_report_compute_line:
 * @quarter: 1 to 4
 * @tolerance_low: the band's lower end, whole percent
 * @tolerance_high: its upper end
 * @quarter_ended: whether the quarter is over (see poa_report_quarter_ended())
 * @line: (out caller-allocates): the activity's line
 */
void
poa_report_compute_line (PoaActivity   *activity,
                         guint          quarter,
                         guint          tolerance_low,
                         guint          tolerance_high,
                         gboolean       quarter_ended,
                         PoaReportLine *line)
{
  PoaCalendar *calendar;

  g_return_if_fail (POA_IS_ACTIVITY (activity));
  g_return_if_fail (quarter >= 1 && quarter <= 4);
  g_return_if_fail (line != NULL);

  memset (line, 0, sizeof *line);
  line->activity = activity;
  calendar = activity->calendar;

  if (!poa_calendar_has_programmed (calendar))
    {
      line->status = POA_REPORT_UNCALENDARIZED;
      return;
    }

  line->quarter_programmed = poa_calendar_sum_programmed (calendar, quarter * 3 - 2, quarter * 3);
  line->quarter_achieved = poa_calendar_sum_achieved (calendar, quarter * 3 - 2, quarter * 3);
  line->accumulated_programmed = poa_calendar_sum_programmed (calendar, 1, quarter * 3);
  line->accumulated_achieved = poa_calendar_sum_achieved (calendar, 1, quarter * 3);
  compute_variances (line);

  line->status = band_status (line->accumulated_programmed, line->accumulated_achieved,
                              tolerance_low, tolerance_high);
  line->justification_required = quarter_ended && line->status != POA_REPORT_WITHIN;
}

/**
 * poa_report_new:
 * @quarter: 1 to 4
 * @today: the date that says which quarters have ended
 *
 * Returns: (transfer full): the quarter's report, one line per activity in the plan's order.
 *   It points at the plan's activities: free it before them.
 */
PoaReport *
poa_report_new (PoaPlan     *plan,
                guint        quarter,
                const GDate *today)
{
  GListModel *activities;
  PoaReport *self;
  guint n, low, high;
  gboolean ended;

  g_return_val_if_fail (POA_IS_PLAN (plan), NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  activities = G_LIST_MODEL (poa_plan_get_activities (plan));
  n = g_list_model_get_n_items (activities);
  low = poa_plan_get_tolerance_low (plan);
  high = poa_plan_get_tolerance_high (plan);
  ended = poa_report_quarter_ended (poa_plan_get_year (plan), quarter, today);

  self = g_new0 (PoaReport, 1);
  self->quarter = quarter;
  self->lines = g_array_sized_new (FALSE, FALSE, sizeof (PoaReportLine), n);
  g_array_set_size (self->lines, n);

  for (guint i = 0; i < n; i++)
    {
      /* The plan holds the activity; the line borrows it. */
      PoaActivity *activity = g_list_model_get_item (activities, i);
      PoaReportLine *line = &g_array_index (self->lines, PoaReportLine, i);

      poa_report_compute_line (activity, quarter, low, high, ended, line);
      g_object_unref (activity);

      if (line->status == POA_REPORT_UNCALENDARIZED)
        continue;
      self->totals.quarter_programmed += line->quarter_programmed;
      self->totals.quarter_achieved += line->quarter_achieved;
      self->totals.accumulated_programmed += line->accumulated_programmed;
      self->totals.accumulated_achieved += line->accumulated_achieved;
    }

  /* The foot: the calendarized activities' sums, judged against the same band. */
  compute_variances (&self->totals);
  self->totals.status = band_status (self->totals.accumulated_programmed,
                                     self->totals.accumulated_achieved, low, high);

  return self;
}

void
poa_report_free (PoaReport *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->lines);
  g_free (self);
}

guint
poa_report_get_quarter (PoaReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->quarter;
}

guint
poa_report_get_n_lines (PoaReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lines->len;
}

const PoaReportLine *
poa_report_get_line (PoaReport *self,
                     guint      position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->lines->len, NULL);

  return &g_array_index (self->lines, PoaReportLine, position);
}

/**
 * poa_report_get_totals:
 *
 * Returns: the foot: sums over the calendarized activities (`activity` is %NULL).
 */
const PoaReportLine *
poa_report_get_totals (PoaReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->totals;
}
