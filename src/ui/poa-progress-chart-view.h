/* poa-progress-chart-view.h
 *
 * Copyright 2026 Municipio de Sombrerete, Zacatecas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "poa-types.h"

G_BEGIN_DECLS

#define POA_TYPE_PROGRESS_CHART_VIEW (poa_progress_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (PoaProgressChartView, poa_progress_chart_view, POA, PROGRESS_CHART_VIEW, GtkWidget)

PoaPlan     *poa_progress_chart_view_get_plan (PoaProgressChartView *self);
void         poa_progress_chart_view_set_plan (PoaProgressChartView *self,
                                               PoaPlan              *plan);
const GDate *poa_progress_chart_view_get_date (PoaProgressChartView *self);
void         poa_progress_chart_view_set_date (PoaProgressChartView *self,
                                               const GDate          *date);

void     poa_progress_chart_view_set_activities (PoaProgressChartView *self,
                                                 GListModel           *activities);

G_END_DECLS
