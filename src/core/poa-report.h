/* poa-report.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "poa-types.h"

G_BEGIN_DECLS

/* Where an activity's achieved-to-date stands against its tolerance band. */
typedef enum
{
  POA_REPORT_WITHIN,
  POA_REPORT_BELOW,
  POA_REPORT_ABOVE,
  POA_REPORT_UNCALENDARIZED,  /* no month programmed: the figures mean nothing (*sin calendarizar*) */
} PoaReportStatus;

/* One line of the quarterly *avance de metas* (the PbRM-08c): the quarter's months, and the
 * accumulated months from Enero to the quarter's end. Achieved without a month counts in no
 * quarter. Variances are achieved − programmed; their percents are variance ÷ programmed × 100
 * and the achievement achieved ÷ programmed × 100, neither defined when programmed is 0. */
typedef struct
{
  PoaActivity     *activity;       /* (transfer none); NULL for the totals */
  guint64          quarter_programmed;
  guint64          quarter_achieved;
  guint64          accumulated_programmed;
  guint64          accumulated_achieved;
  gint64           quarter_variance;
  gint64           accumulated_variance;
  gboolean         has_quarter_percent;
  double           quarter_variance_percent;
  gboolean         has_accumulated_percent;
  double           accumulated_variance_percent;
  double           accumulated_achievement_percent;
  PoaReportStatus  status;
  /* The status is not within and the quarter has ended: a justification is owed. */
  gboolean         justification_required;
} PoaReportLine;

typedef struct _PoaReport PoaReport;

PoaReport           *poa_report_new             (PoaPlan            *plan,
                                                 guint               quarter,
                                                 const GDate        *today);
void                 poa_report_free            (PoaReport          *self);
guint                poa_report_get_quarter     (PoaReport          *self);
guint                poa_report_get_n_lines     (PoaReport          *self);
const PoaReportLine *poa_report_get_line        (PoaReport          *self,
                                                 guint               position);
const PoaReportLine *poa_report_get_totals      (PoaReport          *self);

void                 poa_report_compute_line    (PoaActivity        *activity,
                                                 guint               quarter,
                                                 guint               tolerance_low,
                                                 guint               tolerance_high,
                                                 gboolean            quarter_ended,
                                                 PoaReportLine      *line);
gboolean             poa_report_quarter_ended   (guint               year,
                                                 guint               quarter,
                                                 const GDate        *today);
guint                poa_report_current_quarter (guint               year,
                                                 const GDate        *today);
const char          *poa_report_status_key      (PoaReportStatus     status);
const char          *poa_report_status_label    (PoaReportStatus     status);
const char          *poa_report_status_official (PoaReportStatus     status);
const char          *poa_report_quarter_official (guint              quarter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PoaReport, poa_report_free)

G_END_DECLS
